"""`tenure sources ...` and /sources, against the feed server on 127.0.0.1, on both back ends."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.cli import main
from tenure.settings import Settings

from .feedserver import FeedServer, Route

HOME = b"""<!doctype html><html><head><title>Northgate Wire</title>
<link rel="alternate" type="application/rss+xml" title="Business" href="/rss20.xml"></head>
<body><p>Company news.</p></body></html>"""


def serve_site(server: FeedServer) -> str:
    base = f"http://127.0.0.1:{server.port}"
    server.serve_pages()
    server.routes["/"] = Route(HOME, "text/html; charset=utf-8")
    server.routes["/rss20.xml"] = Route(
        server.fixture("rss20.xml").replace(server.base().encode(), base.encode())
    )
    return base


@pytest.fixture
def env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "TENURE_DATABASE_URL": database_url,
        "TENURE_WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
        "TENURE_SOURCES_HOST_INTERVAL": "0",
    }.items():
        monkeypatch.setenv(name, value)


def test_follow_a_site_poll_it_and_see_its_status(
    env: None, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    base = serve_site(feed_server)
    # The home page announces its feed: the feed is what is followed.
    assert main(["sources", "add", f"{base}/", "--every", "30m", "--name", "Northgate Wire"]) == 0
    assert capsys.readouterr().out == f"source 1: following {base}/rss20.xml (feed) every 30m\n"
    assert main(["sources", "poll", "--once"]) == 0
    out = capsys.readouterr().out
    assert "source 1: 2 new, 0 duplicate, 1 skipped" in out
    assert out.rstrip().endswith("2 new articles, 0 duplicates, 1 skipped, 0 not modified, 0 failed")
    assert main(["sources", "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["ID", "STATUS", "EVERY"]
    assert row.split()[:3] == ["1", "ok", "30m"] and row.split()[-6:] == [
        "200",
        "3",
        "2",
        "1",
        "0",
        f"{base}/rss20.xml",
    ]
    assert main(["sources", "show", "1"]) == 0
    shown = capsys.readouterr().out
    assert "no publication time in the feed item or the page" in shown
    assert "items: 3 seen, 2 new, 1 skipped" in shown
    assert main(["sources", "pause", "1"]) == 0
    assert main(["sources", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split()[1] == "paused"
    assert main(["sources", "resume", "1"]) == 0
    assert main(["sources", "remove", "1"]) == 0
    capsys.readouterr()
    assert main(["sources", "show", "1"]) == 3
    assert capsys.readouterr().err == "tenure: no source with id 1\n"


def test_bad_input_is_one_line(env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "add", "http://10.1.2.3/feed.xml", "--kind", "feed"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "private-network address" in err
    assert main(["sources", "add", "http://127.0.0.1:9/feed.xml", "--every", "10s", "--kind", "feed"]) == 2
    assert "every must be between 1m and 7d" in capsys.readouterr().err
    assert main(["sources", "poll", "--once", "42"]) == 3


@pytest.fixture
async def client(
    database_url: str, api_key: str, feed_server: FeedServer
) -> AsyncIterator[AsyncTestClient[Litestar]]:
    settings = Settings(
        database_url=database_url, webhook_allow_hosts=("127.0.0.1",), sources_host_interval=0.0
    )
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


async def test_sources_over_the_api(client: AsyncTestClient[Litestar], feed_server: FeedServer) -> None:
    base = serve_site(feed_server)
    created = await client.post("/sources", json={"url": f"{base}/rss20.xml", "every": "1h"})
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["kind"], body["every_seconds"], body["status"], body["items_seen"]) == (
        "feed",
        3600,
        "new",
        0,
    )
    again = await client.post("/sources", json={"url": f"{base}/rss20.xml"})
    assert again.status_code == 409 and "already followed" in again.json()["detail"]
    private = await client.post("/sources", json={"url": "http://169.254.169.254/feed", "kind": "feed"})
    assert private.status_code == 422 and "metadata" in private.json()["detail"]
    anonymous = await client.post("/sources", json={"url": f"{base}/x"}, headers={"Authorization": ""})
    assert anonymous.status_code == 401
    source_id = body["id"]
    listed = (await client.get("/sources")).json()["items"]
    assert [s["id"] for s in listed] == [source_id]
    detail = (await client.get(f"/sources/{source_id}")).json()
    assert detail["recent_items"] == [] and detail["last_error"] is None
    assert (await client.post(f"/sources/{source_id}/pause")).json()["status"] == "paused"
    assert (await client.post(f"/sources/{source_id}/resume")).json()["paused"] is False
    assert (await client.delete(f"/sources/{source_id}")).status_code == 204
    gone = await client.get(f"/sources/{source_id}")
    assert gone.status_code == 404 and gone.headers["content-type"].startswith("application/problem+json")
