"""A poller killed mid-run loses and duplicates nothing on restart; two pollers on PostgreSQL
share the sources and ingest each item once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from tenure.models import Article, Source, SourceItem
from tenure.settings import Settings
from tenure.sources.client import SourceClient
from tenure.sources.worker import poll_due_once

from .feedserver import FeedServer, Route
from .test_poll import Sessions, follow, serve_feeds

ROOT = Path(__file__).resolve().parents[2]
STORIES = ("corvel", "harlow", "quillon", "marrowgate", "tessaly")


def _slow(route: Route, seconds: float) -> object:
    def answer(_handler: object) -> Route:
        time.sleep(seconds)
        return route

    return answer


def _feed(base: str) -> bytes:
    items = b"".join(
        b'<item><guid isPermaLink="false">%s</guid><link>%s/pages/%s.html</link>'
        b"<pubDate>Tue, 03 Jun 2025 09:30:00 +0200</pubDate></item>"
        % (name.encode(), base.encode(), name.encode())
        for name in STORIES
    )
    return b'<rss version="2.0"><channel><title>t</title>' + items + b"</channel></rss>"


async def _counts(sessions: Sessions) -> tuple[int, int, set[str]]:
    async with sessions() as session:
        articles = (await session.execute(select(func.count()).select_from(Article))).scalar_one()
        records = (await session.execute(select(func.count()).select_from(SourceItem))).scalar_one()
        guids = set((await session.execute(select(SourceItem.guid))).scalars())
    return articles, records, guids


def _tenure(database_url: str, *args: str, **settings: str) -> subprocess.Popen[bytes]:
    """`tenure ARGS` as its own process on this test's database, allowed to reach 127.0.0.1."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TENURE_DATABASE_URL": database_url,
        "TENURE_WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
        "TENURE_SOURCES_HOST_INTERVAL": "0",
        **{f"TENURE_{name.upper()}": value for name, value in settings.items()},
    }
    code = "import sys; from tenure.cli import main; sys.exit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _poll_process(database_url: str) -> subprocess.Popen[bytes]:
    return _tenure(database_url, "sources", "poll", "--once")


async def test_a_poller_killed_mid_run_resumes_without_duplicates_or_losses(
    sessions: Sessions, settings: Settings, database_url: str, feed_server: FeedServer
) -> None:
    base = f"http://127.0.0.1:{feed_server.port}"
    feed_server.serve_pages()
    for name in STORIES:
        path = f"/pages/{name}.html"
        page = feed_server.routes[path]
        assert isinstance(page, Route)
        feed_server.routes[path] = _slow(page, 0.4)  # type: ignore[assignment]
    feed_server.routes["/feed.xml"] = Route(_feed(base))
    source_id = await follow(sessions, settings, f"{base}/feed.xml")
    process = _poll_process(database_url)
    deadline = time.monotonic() + 60
    while len([s for s in feed_server.seen if s.path.startswith("/pages/")]) < 2:
        assert time.monotonic() < deadline and process.poll() is None, (
            process.stderr and process.stderr.read()
        )
        await asyncio.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    articles, records, _ = await _counts(sessions)
    assert 1 <= articles < len(STORIES) and records <= articles
    # The killed poller's lease runs out (here: at once), and a new poller carries on.
    async with sessions() as session, session.begin():
        await session.execute(update(Source).where(Source.id == source_id).values(claimed_until=None))
    restarted = _poll_process(database_url)
    out, err = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, err.decode()
    articles, records, guids = await _counts(sessions)
    assert (articles, records, guids) == (len(STORIES), len(STORIES), set(STORIES))


async def test_two_pollers_share_sources_and_ingest_each_item_once(
    sessions: Sessions, settings: Settings, feed_server: FeedServer, backend: str
) -> None:
    if backend != "postgres":
        pytest.skip("several pollers share one database on PostgreSQL")
    serve_feeds(feed_server)
    feed_server.routes["/mirror.xml"] = Route(feed_server.fixture("rss20.xml"))
    for path in ("/rss20.xml", "/atom.xml", "/rss10.xml"):
        await follow(sessions, settings, f"{feed_server.base()}{path}")
    await follow(sessions, settings, f"{feed_server.base('other.test')}/mirror.xml")
    first, second = await asyncio.gather(
        poll_due_once(sessions, settings, client=SourceClient(settings), worker="poller-a"),
        poll_due_once(sessions, settings, client=SourceClient(settings), worker="poller-b"),
    )
    assert sorted(r.source_id for r in first + second) == [1, 2, 3, 4]
    for path in ("/rss20.xml", "/atom.xml", "/rss10.xml", "/mirror.xml"):
        assert len(feed_server.requests_to(path)) == 1
    articles, records, _ = await _counts(sessions)
    # 3 + 2 + 2 + 3 items; five stories (corvel in three feeds, harlow in two, one undated).
    assert (articles, records) == (5, 10)
    async with sessions() as session:
        outcomes = dict(
            (
                await session.execute(select(SourceItem.outcome, func.count()).group_by(SourceItem.outcome))
            ).all()
        )
    assert outcomes == {"new": 5, "duplicate": 3, "skipped": 2}


async def test_tenure_worker_polls_sources_and_stops_on_sigterm(
    sessions: Sessions, settings: Settings, database_url: str, feed_server: FeedServer
) -> None:
    base = f"http://127.0.0.1:{feed_server.port}"
    feed_server.serve_pages()
    feed_server.routes["/feed.xml"] = Route(_feed(base))
    await follow(sessions, settings, f"{base}/feed.xml")
    worker = _tenure(database_url, "worker", sources_idle_seconds="0.2")
    try:
        deadline = time.monotonic() + 90
        while (await _counts(sessions))[1] < len(STORIES):
            assert time.monotonic() < deadline and worker.poll() is None
            await asyncio.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGTERM)
        out, _ = worker.communicate(timeout=30)
    assert worker.returncode == 0
    assert out.decode().splitlines()[-1] == "tenure: worker stopped"
    assert (await _counts(sessions))[0] == len(STORIES)
