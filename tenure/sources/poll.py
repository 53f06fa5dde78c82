"""One poll of one source: a conditional GET, the feed's items (or the page) dealt with one by one.

A 304 ends the poll at once. A failure (no answer, an error status, a body that is not a feed, a
feed over the size cap) is the source's failure: it backs off and, after a day, turns unhealthy.
Items are dealt with in feed order, each recorded as it is done, so a poll cut short loses
nothing: the items not yet recorded are read on the next poll. The new validators (ETag,
Last-Modified) are kept only when no item waits for a retry, so the next poll sees those items.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import AddressRefused, FetchFailed, InvalidInput
from tenure.models.base import utcnow
from tenure.security.http import GuardedResponse
from tenure.sources.claims import LEASE_SECONDS, ClaimedSource, PollResult, finish_poll
from tenure.sources.client import FEED_ACCEPT, SourceClient, Validators
from tenure.sources.feeds import FeedItem, parse_feed
from tenure.sources.items import ItemContext, handle_item, item_key, known_items, record_item, source_label

__all__ = ["poll_claimed", "poll_source"]


async def poll_claimed(
    sessions: async_sessionmaker[AsyncSession],
    client: SourceClient,
    source: ClaimedSource,
    stop: asyncio.Event | None = None,
) -> PollResult:
    """Poll a claimed source and write the outcome back (releasing the claim), whatever happens."""
    try:
        result = await poll_source(sessions, client, source, stop)
    except Exception as exc:  # a bug or a database hiccup on one source must not stop the others
        result = PollResult(source.id, error=f"the poll failed: {type(exc).__name__}: {exc}")
    await finish_poll(sessions, client.settings, source, result)
    return result


async def poll_source(
    sessions: async_sessionmaker[AsyncSession],
    client: SourceClient,
    source: ClaimedSource,
    stop: asyncio.Event | None = None,
) -> PollResult:
    settings = client.settings
    result = PollResult(source.id, notices=[])
    if source.kind == "page":
        verdict = await client.may_fetch(source.url)
        if not verdict.allowed:
            result.error = verdict.reason
            return result
    validators = Validators(source.etag, source.last_modified)
    try:
        response = await client.get(
            source.url,
            accept=FEED_ACCEPT if source.kind == "feed" else "text/html, application/xhtml+xml",
            max_bytes=settings.sources_feed_max_bytes if source.kind == "feed" else settings.fetch_max_bytes,
            validators=validators,
        )
    except (AddressRefused, FetchFailed) as exc:
        result.error = exc.detail
        return result
    result.status = response.status_code
    if response.status_code == 304:
        result.not_modified = True
        return result
    if not 200 <= response.status_code < 300:
        result.error = f"{source.url} answered HTTP {response.status_code}"
        return result
    result.etag = response.headers.get("etag")
    result.last_modified = response.headers.get("last-modified")
    if source.kind == "page":
        await _deal_with(sessions, client, source, [FeedItem(source.url, source.url)], result, stop, response)
        return result
    if response.truncated:
        result.error = f"the feed is over {settings.sources_feed_max_bytes:,} bytes; not read"
        return result
    try:
        feed = await asyncio.to_thread(
            parse_feed,
            response.body,
            response.headers.get("content-type", ""),
            str(response.url),
            settings.sources_max_items,
        )
    except InvalidInput as exc:
        result.error = exc.detail
        return result
    result.notices = list(feed.notices)
    await _deal_with(sessions, client, source, feed.items, result, stop)
    return result


async def _deal_with(
    sessions: async_sessionmaker[AsyncSession],
    client: SourceClient,
    source: ClaimedSource,
    items: list[FeedItem],
    result: PollResult,
    stop: asyncio.Event | None,
    page: GuardedResponse | None = None,
) -> None:
    ctx = ItemContext(sessions, client, client.settings, source_label(source.name, source.url))
    known = await known_items(sessions, source.id, items)
    for item in _distinct(items):
        outcome, tries = known.get(item_key(item.guid), (None, 0))
        if outcome is not None and outcome != "retry":
            continue
        if stop is not None and stop.is_set():
            result.interrupted = True
            result.keep_validators = False
            return
        decided = await handle_item(ctx, item, page=page)
        lease = utcnow() + timedelta(seconds=LEASE_SECONDS)
        stored = await record_item(
            sessions, source.id, item, decided, previous_tries=tries, lease_until=lease
        )
        setattr(result, stored, getattr(result, stored) + 1)
        if stored == "retry":
            result.keep_validators = False
        if page is not None and decided.status is not None:
            result.status = decided.status


def _distinct(items: list[FeedItem]) -> list[FeedItem]:
    """A feed listing one item twice is dealt with once."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.guid not in seen:
            seen.add(item.guid)
            kept.append(item)
    return kept
