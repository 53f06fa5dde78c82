"""Feeds that are broken, hostile or huge: refused or cut with the reason recorded, the other
sources still polled, nothing half-ingested; a source failing for a day turns unhealthy."""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import replace

import pytest
from sqlalchemy import func, select, update

from tenure.models import Article, Source
from tenure.models.base import utcnow
from tenure.settings import Settings
from tenure.sources.claims import backoff_seconds
from tenure.sources.worker import poll_due_once

from .conftest import source_settings
from .feedserver import FeedServer, Route
from .test_poll import Sessions, follow, items, serve_feeds, source

ONE_ITEM = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    b'<item><guid isPermaLink="false">ok-1</guid><link>{base}/pages/tessaly.html</link>'
    b"<pubDate>Tue, 11 Mar 2025 07:45:00 +0100</pubDate></item>"
)


def _many_items(count: int) -> bytes:
    body = b"".join(
        b'<item><guid isPermaLink="false">n%d</guid><title>Item %d</title></item>' % (n, n)
        for n in range(count)
    )
    return b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + body + b"</channel></rss>"


def _bomb() -> bytes:
    return gzip.compress(b"<rss>" + b" " * 20_000_000, compresslevel=9)


# (path, route, error fragment or None, notice fragment or None), one row per hostile answer.
BAD_FEEDS = [
    pytest.param(
        "/broken.xml",
        Route(ONE_ITEM + b"<item><title>cut <b>here</item></channel>"),
        None,
        "not well-formed",
        id="malformed-xml-keeps-items-before-the-break",
    ),
    pytest.param(
        "/garbage.xml", Route(b"<<< not a feed >>>"), "is not an RSS or Atom feed", None, id="garbage"
    ),
    pytest.param(
        "/html.xml",
        Route(b"<!doctype html><html><body><p>Welcome</p></body></html>", "text/html"),
        "serves an HTML page (text/html), not a feed",
        None,
        id="html-served-as-a-feed",
    ),
    pytest.param(
        "/bomb.xml",
        Route(_bomb(), headers={"Content-Encoding": "gzip"}),
        "the feed is over 1,000,000 bytes; not read",
        None,
        id="gzip-bomb",
    ),
    pytest.param(
        "/huge.xml",
        Route(b'<?xml version="1.0"?><rss version="2.0"><channel>' + b"<title>x</title>" * 700_000),
        "the feed is over 1,000,000 bytes; not read",
        None,
        id="10-mb-feed",
    ),
    pytest.param(
        "/private.xml",
        Route(b"", status=302, headers={"Location": "http://intranet.test/feed.xml"}),
        "redirected to http://intranet.test/feed.xml",
        None,
        id="redirect-to-a-private-address",
    ),
    pytest.param(
        "/loop.xml",
        Route(b"", status=302, headers={"Location": "/loop.xml"}),
        "redirected more than 5 times",
        None,
        id="endless-redirects",
    ),
    pytest.param("/gone.xml", Route(b"gone", "text/plain", 410), "answered HTTP 410", None, id="http-410"),
    pytest.param(
        "/long.xml",
        Route(_many_items(5000)),
        None,
        "the feed has 5,000 items; read the first 20",
        id="5000-items",
    ),
]


@pytest.mark.parametrize(("path", "route", "error", "notice"), BAD_FEEDS)
async def test_a_bad_feed_is_refused_or_cut_and_the_others_still_polled(
    sessions: Sessions,
    database_url: str,
    feed_server: FeedServer,
    path: str,
    route: Route,
    error: str | None,
    notice: str | None,
) -> None:
    settings = source_settings(database_url, sources_feed_max_bytes=1_000_000, sources_max_items=20)
    serve_feeds(feed_server)
    # A copy: the row's Route is shared by both back ends' runs.
    feed_server.routes[path] = replace(route, body=route.body.replace(b"{base}", feed_server.base().encode()))
    bad = await follow(sessions, settings, f"{feed_server.base()}{path}")
    good = await follow(sessions, settings, f"{feed_server.base('notes.test')}/atom.xml")
    await poll_due_once(sessions, settings)
    row = await source(sessions, bad)
    if error is None:
        assert (row.last_error, row.consecutive_failures) == (None, 0)
    else:
        assert error in (row.last_error or "")
        assert (row.consecutive_failures, row.items_seen, row.unhealthy) == (1, 0, False)
    if notice is None:
        assert row.last_notice is None
    else:
        assert notice in (row.last_notice or "")
    assert (await source(sessions, good)).items_new == 2
    async with sessions() as session:
        urls = set((await session.execute(select(Article.url))).scalars())
    # Nothing from the bad feed but what it legitimately held.
    base = feed_server.base()
    expected = {f"{base}/pages/quillon.html", f"{base}/pages/marrowgate.html"}
    if path == "/broken.xml":
        expected.add(f"{base}/pages/tessaly.html")
    assert urls == expected


async def test_long_feed_records_the_first_items_only(
    sessions: Sessions, database_url: str, feed_server: FeedServer
) -> None:
    settings = source_settings(database_url, sources_max_items=20)
    feed_server.routes["/long.xml"] = Route(_many_items(5000))
    long = await follow(sessions, settings, f"{feed_server.base()}/long.xml")
    await poll_due_once(sessions, settings)
    recorded = await items(sessions, long)
    assert sorted(recorded) == sorted(f"n{n}" for n in range(20))
    assert {(i.outcome, i.reason) for i in recorded.values()} == {
        ("skipped", "the item has no http(s) link to read")
    }


async def test_failures_back_off_and_a_day_of_them_is_unhealthy(
    sessions: Sessions, settings: Settings, feed_server: FeedServer
) -> None:
    feed_server.routes["/down.xml"] = Route(b"down", "text/plain", 503)
    down = await follow(sessions, settings, f"{feed_server.base()}/down.xml")
    for expected_failures in (1, 2):
        [result] = await poll_due_once(sessions, settings, ids=[down])
        row = await source(sessions, down)
        assert (result.status, row.last_status, row.consecutive_failures) == (503, 503, expected_failures)
        wait = (row.next_poll_at - row.last_polled_at).total_seconds()
        assert wait == pytest.approx(backoff_seconds(900, expected_failures, 21_600), abs=1)
        assert not row.unhealthy
    async with sessions() as session, session.begin():
        await session.execute(
            update(Source).where(Source.id == down).values(failing_since=utcnow() - dt.timedelta(hours=25))
        )
    await poll_due_once(sessions, settings, ids=[down])
    row = await source(sessions, down)
    assert (row.unhealthy, row.consecutive_failures) == (True, 3)
    # It is still polled (with the capped backoff) and recovers on its own.
    feed_server.routes["/down.xml"] = Route(b'<rss version="2.0"><channel><title>t</title></channel></rss>')
    await poll_due_once(sessions, settings, ids=[down])
    row = await source(sessions, down)
    assert (row.unhealthy, row.consecutive_failures, row.failing_since, row.last_error) == (
        False,
        0,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("failures", "expected"), [(1, 1800), (2, 3600), (4, 14_400), (5, 21_600), (40, 21_600)]
)
def test_backoff_doubles_up_to_the_cap(failures: int, expected: int) -> None:
    assert backoff_seconds(900, failures, 21_600) == expected


def test_backoff_never_polls_faster_than_the_interval() -> None:
    assert backoff_seconds(86_400, 3, 21_600) == 86_400


async def test_a_page_that_fails_is_retried_then_skipped(
    sessions: Sessions, settings: Settings, feed_server: FeedServer
) -> None:
    feed_server.serve_pages()
    feed_server.routes["/pages/flaky.html"] = Route(b"busy", "text/plain", 503)
    feed_server.routes["/feed.xml"] = Route(
        ONE_ITEM.replace(b"{base}", feed_server.base().encode()).replace(b"tessaly", b"flaky")
        + b"</channel></rss>",
        etag='"f1"',
    )
    feed = await follow(sessions, settings, f"{feed_server.base()}/feed.xml")
    for expected in ("retry", "retry", "skipped"):
        await poll_due_once(sessions, settings, ids=[feed])
        item = (await items(sessions, feed))["ok-1"]
        assert item.outcome == expected
        # While an item waits for a retry the ETag is not kept, so the next poll reads the feed again.
        assert (await source(sessions, feed)).etag == (None if expected == "retry" else '"f1"')
    assert item.reason == "gave up after 3 tries: the page answered HTTP 503"
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Article))).scalar_one() == 0
