"""Following feeds end to end against a feed server on 127.0.0.1, on both back ends."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Article, Event, Source, SourceItem
from tenure.settings import Settings
from tenure.sources.registry import NewSource, add_source
from tenure.sources.worker import poll_due_once

from .feedserver import FeedServer, Route

Sessions = async_sessionmaker[AsyncSession]


async def follow(sessions: Sessions, settings: Settings, url: str, kind: str = "feed") -> int:
    return (await add_source(sessions, settings, NewSource(url=url, kind=kind))).id


async def articles(sessions: Sessions) -> dict[str, Article]:
    async with sessions() as session:
        return {a.url or "": a for a in (await session.execute(select(Article))).scalars()}


async def items(sessions: Sessions, source_id: int) -> dict[str, SourceItem]:
    async with sessions() as session:
        rows = await session.execute(select(SourceItem).where(SourceItem.source_id == source_id))
        return {row.guid: row for row in rows.scalars()}


async def source(sessions: Sessions, source_id: int) -> Source:
    async with sessions() as session:
        row = await session.get(Source, source_id)
        assert row is not None
        return row


def serve_feeds(server: FeedServer) -> None:
    server.serve_pages()
    server.routes["/rss20.xml"] = Route(server.fixture("rss20.xml"), etag='"v1"')
    server.routes["/atom.xml"] = Route(server.fixture("atom.xml"), "application/atom+xml")
    server.routes["/rss10.xml"] = Route(server.fixture("rss10.xml"), "application/rdf+xml")


async def test_rss2_atom_and_rss1_items_become_dated_articles(
    sessions: Sessions, database_url: str, feed_server: FeedServer
) -> None:
    from .conftest import source_settings

    # One source at a time, in id order: the story two feeds carry takes the first feed's date.
    settings = source_settings(database_url, sources_concurrency=1)
    serve_feeds(feed_server)
    base = feed_server.base()
    wire = await follow(sessions, settings, f"{base}/rss20.xml")
    notes = await follow(sessions, settings, f"{base}/atom.xml")
    digest = await follow(sessions, settings, f"{base}/rss10.xml")
    results = await poll_due_once(sessions, settings)
    assert sorted(r.source_id for r in results) == [wire, notes, digest]
    stored = await articles(sessions)
    # (url -> published_at): from the RSS pubDate, the page's metadata, Atom published, Atom
    # updated, RSS 1.0 dc:date; each with the offset its source wrote.
    expected = {
        f"{base}/business/corvel-varga": "2025-06-03T07:30:00+00:00",
        f"{base}/pages/harlow.html": "2025-06-05T18:00:00+00:00",
        f"{base}/pages/quillon.html": "2025-05-20T07:15:00+00:00",
        f"{base}/pages/marrowgate.html": "2025-04-02T11:00:00+00:00",
        f"{base}/pages/tessaly.html": "2025-03-11T06:45:00+00:00",
    }
    assert {url: a.published_at.isoformat() for url, a in stored.items()} == expected
    assert stored[f"{base}/pages/harlow.html"].published_utc_offset == -240
    assert stored[f"{base}/business/corvel-varga"].source == "wire.test"
    corvel = stored[f"{base}/business/corvel-varga"].text
    assert "Ines Varga will become its chief executive" in corvel
    assert "Subscribe today" not in corvel and "Most read" not in corvel
    wire_items = await items(sessions, wire)
    assert {g: (i.outcome, i.reason) for g, i in wire_items.items()} == {
        "northgate-1001": ("new", None),
        "northgate-1002": ("new", None),
        "northgate-1003": (
            "skipped",
            "no publication time in the feed item or the page (tenure never dates an article by its fetch)",
        ),
    }
    # The same story in a second feed (another link, tracking tags) is the one article.
    digest_items = await items(sessions, digest)
    corvel_again = digest_items[f"{base}/pages/corvel.html?utm_campaign=digest"]
    assert corvel_again.outcome == "duplicate"
    assert corvel_again.article_id == stored[f"{base}/business/corvel-varga"].id
    row = await source(sessions, wire)
    assert (row.items_seen, row.items_new, row.items_skipped, row.last_status) == (3, 2, 1, 200)
    assert (row.etag, row.last_error, row.consecutive_failures) == ('"v1"', None, 0)
    assert row.next_poll_at - row.last_polled_at == dt.timedelta(seconds=settings.sources_every)
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Event))).scalar_one() > 0


async def test_second_poll_is_a_304_and_a_new_etag_brings_new_items(
    sessions: Sessions, settings: Settings, feed_server: FeedServer
) -> None:
    serve_feeds(feed_server)
    wire = await follow(sessions, settings, f"{feed_server.base()}/rss20.xml")
    await poll_due_once(sessions, settings)
    [again] = await poll_due_once(sessions, settings, ids=[wire])
    assert (again.status, again.not_modified, again.new) == (304, True, 0)
    assert feed_server.requests_to("/rss20.xml")[-1].headers["If-None-Match"] == '"v1"'
    assert len(feed_server.requests_to("/pages/corvel.html")) == 1
    # The feed changes: a new ETag and one more item, the earlier ones not fetched again.
    body = feed_server.fixture("rss20.xml").replace(
        b"<item>",
        b"<item><title>Tessaly promotes Oskar Brandt</title><link>"
        + feed_server.base().encode()
        + b"/pages/tessaly.html</link><guid>northgate-1004</guid></item><item>",
        1,
    )
    feed_server.routes["/rss20.xml"] = Route(body, etag='"v2"')
    [changed] = await poll_due_once(sessions, settings, ids=[wire])
    assert (changed.status, changed.new, changed.duplicate, changed.skipped) == (200, 1, 0, 0)
    assert len(feed_server.requests_to("/pages/corvel.html")) == 1
    assert (await source(sessions, wire)).etag == '"v2"'


async def test_robots_txt_and_user_agent_are_honoured(
    sessions: Sessions, settings: Settings, feed_server: FeedServer
) -> None:
    feed_server.serve_pages()
    feed_server.routes["/private/memo.html"] = feed_server.routes["/pages/corvel.html"]
    feed_server.routes["/feed.xml"] = Route(
        b'<rss version="2.0"><channel><title>t</title><item><guid isPermaLink="false">m1</guid><link>'
        + feed_server.base().encode()
        + b"/private/memo.html</link><pubDate>Tue, 03 Jun 2025 09:30:00 +0200</pubDate></item>"
        b"</channel></rss>"
    )
    feed = await follow(sessions, settings, f"{feed_server.base()}/feed.xml")
    await poll_due_once(sessions, settings)
    memo = (await items(sessions, feed))["m1"]
    assert (memo.outcome, memo.reason) == ("skipped", f"robots.txt of {feed_server.base()} disallows it")
    assert feed_server.requests_to("/private/memo.html") == []
    agent = feed_server.requests_to("/feed.xml")[0].headers["User-Agent"]
    assert agent.startswith("tenure/") and "mailto:newsroom-ops@example.com" in agent


async def test_requests_to_one_host_never_overlap_and_are_spaced(
    sessions: Sessions, database_url: str, feed_server: FeedServer
) -> None:
    from .conftest import source_settings

    settings = source_settings(database_url, sources_host_interval=0.2, sources_concurrency=4)
    serve_feeds(feed_server)
    for name in ("rss20.xml", "atom.xml", "rss10.xml"):
        await follow(sessions, settings, f"{feed_server.base()}/{name}")
    await poll_due_once(sessions, settings)
    polled = sorted((s for s in feed_server.seen if s.host.startswith("wire.test")), key=lambda s: s.at)
    assert len(polled) >= 8
    gaps = [later.at - earlier.done for earlier, later in zip(polled, polled[1:], strict=False)]
    assert min(gaps) >= 0.19


async def test_a_plain_page_is_one_article_and_a_copied_text_a_duplicate(
    sessions: Sessions, settings: Settings, feed_server: FeedServer
) -> None:
    serve_feeds(feed_server)
    harlow = feed_server.routes["/pages/harlow.html"]
    feed_server.routes["/copies/harlow.html"] = harlow  # the same text at another URL, no canonical
    page = await add_source(sessions, settings, NewSource(url=f"{feed_server.base()}/pages/harlow.html"))
    assert page.kind == "page"
    copies = await follow(sessions, settings, f"{feed_server.base('other.test')}/copies.xml")
    feed_server.routes["/copies.xml"] = Route(
        b'<rss version="2.0"><channel><title>c</title><item><guid isPermaLink="false">c1</guid><link>'
        + feed_server.base("other.test").encode()
        + b"/copies/harlow.html</link></item></channel></rss>"
    )
    await poll_due_once(sessions, settings, ids=[page.id])
    await poll_due_once(sessions, settings, ids=[copies])
    stored = await articles(sessions)
    assert list(stored) == [f"{feed_server.base()}/pages/harlow.html"]
    [copy] = (await items(sessions, copies)).values()
    assert (copy.outcome, copy.article_id) == (
        "duplicate",
        stored[f"{feed_server.base()}/pages/harlow.html"].id,
    )
    assert copy.reason == f"same text or URL as article {copy.article_id}"
    assert (await source(sessions, page.id)).items_new == 1


async def test_polled_articles_queue_webhook_deliveries(
    sessions: Sessions, settings: Settings, feed_server: FeedServer
) -> None:
    from tenure.models import Delivery
    from tenure.webhooks.subscriptions import NewSubscription, create_subscription

    await create_subscription(
        sessions, settings, NewSubscription(url="http://127.0.0.1:9/hook", event_types=["appointment"])
    )
    serve_feeds(feed_server)
    await follow(sessions, settings, f"{feed_server.base()}/rss20.xml")
    await poll_due_once(sessions, settings)
    async with sessions() as session:
        payloads = list((await session.execute(select(Delivery.payload))).scalars())
    people = {(p["event"]["person"] or {}).get("name") for p in payloads}
    # Ines Varga's appointment at Corvel is a new event, so the subscriber hears of it.
    assert "Ines Varga" in people
    assert {p["event"]["type"] for p in payloads} == {"appointment"}
