"""One feed item to one outcome: a new article, a duplicate of a stored one, skipped (with the
reason) or to be retried, and its record.

The article is ingested through tenure.ingest.service.ingest_article, in its own transaction, so
its events and webhook deliveries follow as for POST /articles; the item's record is written after
it. A poller stopped between the two finds the item unrecorded on restart, fetches it again and
records it as a duplicate of the article it had already stored: never a second article.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import AddressRefused, ArticleTooLarge, Conflict, FetchFailed, InvalidInput
from tenure.ingest.fetch import decode_body
from tenure.ingest.service import ArticleInput, content_hash, ingest_article
from tenure.models import Article, Source, SourceItem
from tenure.models.base import utcnow
from tenure.security.http import GuardedResponse
from tenure.security.sanitize import storable
from tenure.settings import Settings
from tenure.sources.client import SourceClient
from tenure.sources.feeds import FeedItem
from tenure.sources.pages import read_page
from tenure.sources.urls import canonical_url, host_of

__all__ = [
    "MAX_TRIES",
    "ItemContext",
    "ItemOutcome",
    "Outcome",
    "handle_item",
    "item_key",
    "known_items",
    "record_item",
    "source_label",
]

Outcome = Literal["new", "duplicate", "skipped", "retry"]
# A page whose site keeps failing is tried on this many polls, then skipped with the last reason.
MAX_TRIES = 3
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    outcome: Outcome
    reason: str | None = None
    article_id: int | None = None
    canonical_url: str | None = None
    content_hash: str | None = None
    # The page's HTTP status, when one came (a page source reports it as its poll's status).
    status: int | None = None


def item_key(guid: str) -> str:
    return hashlib.sha256(guid.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ItemContext:
    sessions: async_sessionmaker[AsyncSession]
    client: SourceClient
    settings: Settings
    source_name: str


async def handle_item(
    ctx: ItemContext, item: FeedItem, *, page: GuardedResponse | None = None
) -> ItemOutcome:
    """Decide the item's outcome, ingesting its article when it is new. `page` is the item's page
    when the caller already fetched it (a page source)."""
    if item.link is None:
        return ItemOutcome("skipped", "the item has no http(s) link to read")
    linked = canonical_url(item.link)
    known = await _article_with_url(ctx.sessions, linked)
    if known is not None:
        return ItemOutcome("duplicate", f"same URL as article {known}", known, linked)
    if page is None:
        verdict = await ctx.client.may_fetch(item.link)
        if not verdict.allowed:
            return ItemOutcome("skipped" if verdict.final else "retry", verdict.reason, canonical_url=linked)
        try:
            page = await ctx.client.page(item.link)
        except AddressRefused as exc:
            return ItemOutcome("skipped", exc.detail, canonical_url=linked)
        except FetchFailed as exc:
            return ItemOutcome("retry", exc.detail, canonical_url=linked)
    return await _from_page(ctx, item, page, linked)


async def _from_page(ctx: ItemContext, item: FeedItem, page: GuardedResponse, linked: str) -> ItemOutcome:
    status = page.status_code
    if status >= 500 or status == 429:
        return ItemOutcome("retry", f"the page answered HTTP {status}", canonical_url=linked, status=status)
    if not 200 <= status < 300:
        return ItemOutcome("skipped", f"the page answered HTTP {status}", canonical_url=linked, status=status)
    content_type = page.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in _HTML_TYPES:
        shown = media_type or "of no stated media type"
        return ItemOutcome("skipped", f"the page is {shown}, not HTML", canonical_url=linked, status=status)
    if page.truncated:
        reason = f"the page is over {ctx.settings.fetch_max_bytes:,} bytes"
        return ItemOutcome("skipped", reason, canonical_url=linked, status=status)
    content = await asyncio.to_thread(read_page, decode_body(page.body, content_type), str(page.url))
    canonical = content.canonical_url
    if canonical != linked:
        known = await _article_with_url(ctx.sessions, canonical)
        if known is not None:
            return ItemOutcome("duplicate", f"same canonical URL as article {known}", known, canonical)
    published_at = item.published_at or content.published_at
    if published_at is None:
        reason = (
            "no publication time in the feed item or the page (tenure never dates an article by its fetch)"
        )
        return ItemOutcome("skipped", reason, canonical_url=canonical, status=status)
    if not content.text.strip():
        return ItemOutcome(
            "skipped", "found no article text on the page", canonical_url=canonical, status=status
        )
    data = ArticleInput(
        text=content.text,
        published_at=published_at,
        url=canonical,
        title=item.title or content.title,
        source=ctx.source_name,
        format="text",
    )
    digest = content_hash(content.text)
    if len(data.text.encode("utf-8")) > ctx.settings.max_article_bytes:
        reason = f"the article text is over {ctx.settings.max_article_bytes:,} bytes"
        return ItemOutcome("skipped", reason, canonical_url=canonical, content_hash=digest, status=status)
    try:
        result = await ingest_article(ctx.sessions, data)
    except (InvalidInput, ArticleTooLarge) as exc:
        return ItemOutcome("skipped", exc.detail, canonical_url=canonical, content_hash=digest, status=status)
    except Conflict as exc:  # a concurrent ingest changed what this one needed: try again next poll
        return ItemOutcome("retry", exc.detail, canonical_url=canonical, content_hash=digest, status=status)
    if result.created:
        return ItemOutcome("new", None, result.article.id, canonical, digest, status)
    reason = f"same text or URL as article {result.article.id}"
    return ItemOutcome("duplicate", reason, result.article.id, canonical, digest, status)


async def _article_with_url(sessions: async_sessionmaker[AsyncSession], url: str) -> int | None:
    async with sessions() as session:
        found = await session.execute(select(Article.id).where(Article.url == url))
        return found.scalar_one_or_none()


async def record_item(
    sessions: async_sessionmaker[AsyncSession],
    source_id: int,
    item: FeedItem,
    outcome: ItemOutcome,
    *,
    previous_tries: int,
    lease_until: datetime,
) -> Outcome:
    """Store the item's outcome and count it on its source, in one transaction; renew the lease.

    Returns the outcome stored: a "retry" past MAX_TRIES is stored as "skipped".
    """
    stored = outcome.outcome
    reason = outcome.reason
    tries = previous_tries + 1
    if stored == "retry" and tries >= MAX_TRIES:
        stored, reason = "skipped", f"gave up after {tries} tries: {reason}"
    values = {
        "link": storable(item.link),
        "canonical_url": outcome.canonical_url,
        "content_hash": outcome.content_hash,
        "outcome": stored,
        "reason": storable(reason),
        "article_id": outcome.article_id,
        "tries": tries,
        "seen_at": utcnow(),
    }
    counts = {
        "items_new": Source.items_new + (1 if stored == "new" else 0),
        "items_skipped": Source.items_skipped + (1 if stored == "skipped" else 0),
    }
    try:
        async with sessions() as session, session.begin():
            key = item_key(item.guid)
            if previous_tries:
                await session.execute(
                    update(SourceItem)
                    .where(SourceItem.source_id == source_id, SourceItem.item_key == key)
                    .values(**values)
                )
            else:
                session.add(
                    SourceItem(source_id=source_id, guid=storable(item.guid) or key, item_key=key, **values)
                )
                counts["items_seen"] = Source.items_seen + 1
            await session.execute(
                update(Source).where(Source.id == source_id).values(claimed_until=lease_until, **counts)
            )
    except IntegrityError:
        pass  # another poller recorded the item first (a lease that ran out): its record stands
    return stored


async def known_items(
    sessions: async_sessionmaker[AsyncSession], source_id: int, items: list[FeedItem]
) -> dict[str, tuple[str, int]]:
    """item key -> (outcome, tries) for the items already recorded for this source."""
    keys = [item_key(item.guid) for item in items]
    found: dict[str, tuple[str, int]] = {}
    async with sessions() as session:
        for start in range(0, len(keys), 500):
            rows = await session.execute(
                select(SourceItem.item_key, SourceItem.outcome, SourceItem.tries).where(
                    SourceItem.source_id == source_id, SourceItem.item_key.in_(keys[start : start + 500])
                )
            )
            found.update({key: (outcome, tries) for key, outcome, tries in rows})
    return found


def source_label(name: str | None, url: str) -> str:
    """What an article from this source says it came from: the source's name, else its host."""
    return (name or host_of(url) or url)[:300]
