"""The followed sources: what the CLI (`tenure sources ...`) and the API (/sources) call.

Each function opens and commits its own transaction. Adding a source checks its URL with the
address guard; unless the kind is given, it is fetched once to learn what it is: a feed, an HTML
page announcing a feed (`<link rel="alternate" type="application/rss+xml">`, which is then the
URL followed), or a plain page, taken as a single article.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import Conflict, FetchFailed, InvalidInput
from tenure.ingest.fetch import decode_body
from tenure.models import Source, SourceItem
from tenure.models.base import utcnow
from tenure.models.lookup import get_or_404, list_all, load
from tenure.security.addresses import resolve_and_check, resolver_from
from tenure.security.sanitize import has_controls
from tenure.settings import Settings
from tenure.sources.client import FEED_ACCEPT, SourceClient

__all__ = [
    "KINDS",
    "MIN_EVERY_SECONDS",
    "NewSource",
    "add_source",
    "get_source",
    "list_sources",
    "parse_every",
    "pause_source",
    "recent_items",
    "remove_source",
    "resume_source",
    "source_status",
]

KINDS = ("auto", "feed", "page")
# Polling a source more often than once a minute is not polite, whatever the operator asks.
MIN_EVERY_SECONDS = 60
MAX_EVERY_SECONDS = 7 * 86_400
_EVERY = re.compile(r"(\d+)\s*([smhd]?)")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86_400}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Only the start of a page is read to discover its feed link (it sits in <head>).
_DISCOVERY_CHARS = 200_000


def parse_every(value: str | int | None, default: int) -> int:
    """Seconds from "15m", "1h", "90s", "2d" or a number of seconds, within a minute and a week."""
    if value is None or value == "":
        return default
    text = str(value).strip().lower()
    match = _EVERY.fullmatch(text)
    if match is None:
        raise InvalidInput(f"every {str(value)[:40]!r} is not an interval: write e.g. 15m, 1h, 90s or 2d")
    seconds = int(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if not MIN_EVERY_SECONDS <= seconds <= MAX_EVERY_SECONDS:
        raise InvalidInput(f"every must be between 1m and 7d, not {text}")
    return seconds


@dataclass(frozen=True, slots=True)
class NewSource:
    url: str
    every: str | int | None = None
    name: str | None = None
    kind: str = "auto"


def _validate(data: NewSource) -> None:
    if data.kind not in KINDS:
        raise InvalidInput(f"kind {data.kind!r} is not one of {', '.join(KINDS)}")
    if len(data.url) > 2000 or has_controls(data.url) or any(c.isspace() for c in data.url):
        raise InvalidInput("url must be at most 2000 characters, without spaces or control characters")
    if data.name is not None and (len(data.name) > 300 or has_controls(data.name)):
        raise InvalidInput("name must be at most 300 characters, without control characters")


async def add_source(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, data: NewSource
) -> Source:
    """Store a source, due at once; Conflict when its URL is already followed."""
    _validate(data)
    every = parse_every(data.every, settings.sources_every)
    await resolve_and_check(data.url, settings.webhook_allow_hosts, resolver=resolver_from(settings))
    url, kind = data.url, data.kind
    if kind == "auto":
        url, kind = await detect_kind(SourceClient(settings), data.url)
    async with sessions() as session:
        if (await session.execute(select(Source.id).where(Source.url == url))).first() is not None:
            raise Conflict(f"{url} is already followed")
    row = Source(url=url, name=data.name, kind=kind, every_seconds=every, next_poll_at=utcnow())
    try:
        async with sessions() as session, session.begin():
            session.add(row)
    except IntegrityError as exc:
        raise Conflict(f"{url} is already followed") from exc
    return row


async def detect_kind(client: SourceClient, url: str) -> tuple[str, str]:
    """(url to follow, "feed" or "page"): fetch the URL once and see what it is."""
    from tenure.sources.feeds import parse_feed  # feedparser loads in ~0.2 s: only when adding

    response = await client.get(url, accept=FEED_ACCEPT, max_bytes=client.settings.sources_feed_max_bytes)
    if not 200 <= response.status_code < 300:
        raise FetchFailed(f"{url} answered HTTP {response.status_code}; give --kind to add it anyway")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    try:
        await asyncio.to_thread(parse_feed, response.body, content_type, str(response.url), 1)
        return url, "feed"
    except InvalidInput as not_a_feed:
        if media_type not in ("text/html", "application/xhtml+xml"):
            raise InvalidInput(f"{url} is neither a feed nor an HTML page: {not_a_feed.detail}") from None
    html = decode_body(response.body, content_type)[:_DISCOVERY_CHARS]
    announced = _announced_feed(html, str(response.url))
    return (announced, "feed") if announced else (url, "page")


def _announced_feed(html: str, base: str) -> str | None:
    for node in LexborHTMLParser(html).css('link[rel~="alternate"]'):
        kind = (node.attributes.get("type") or "").strip().lower()
        href = (node.attributes.get("href") or "").strip()
        if kind in _FEED_TYPES and href:
            found = urljoin(base, href)
            if found.lower().startswith(("http://", "https://")) and len(found) <= 2000:
                return found
    return None


async def list_sources(sessions: async_sessionmaker[AsyncSession]) -> list[Source]:
    return await list_all(sessions, Source)


async def _get(session: AsyncSession, source_id: int) -> Source:
    return await get_or_404(session, Source, source_id, "source")


async def get_source(sessions: async_sessionmaker[AsyncSession], source_id: int) -> Source:
    return await load(sessions, Source, source_id, "source")


async def recent_items(
    sessions: async_sessionmaker[AsyncSession], source_id: int, limit: int = 20
) -> list[SourceItem]:
    """The source's latest item records, newest first (skipped ones with their reasons)."""
    async with sessions() as session:
        await _get(session, source_id)
        query = (
            select(SourceItem)
            .where(SourceItem.source_id == source_id)
            .order_by(SourceItem.seen_at.desc(), SourceItem.id.desc())
            .limit(limit)
        )
        return list((await session.execute(query)).scalars())


async def pause_source(sessions: async_sessionmaker[AsyncSession], source_id: int) -> Source:
    async with sessions() as session, session.begin():
        row = await _get(session, source_id)
        row.paused = True
    return row


async def resume_source(sessions: async_sessionmaker[AsyncSession], source_id: int) -> Source:
    """Poll again, at once, with a clean failure count (an operator resuming has looked at it)."""
    async with sessions() as session, session.begin():
        row = await _get(session, source_id)
        row.paused = False
        row.next_poll_at = utcnow()
        row.consecutive_failures = 0
        row.failing_since = None
        row.unhealthy = False
    return row


async def remove_source(sessions: async_sessionmaker[AsyncSession], source_id: int) -> None:
    """Forget the source and its item records; the articles it brought in stay."""
    async with sessions() as session, session.begin():
        await _get(session, source_id)
        await session.execute(delete(SourceItem).where(SourceItem.source_id == source_id))
        await session.execute(delete(Source).where(Source.id == source_id))


def source_status(row: Source) -> str:
    """paused, unhealthy (failing for Settings.sources_unhealthy_after), backing off (failing),
    ok, or new (never polled)."""
    if row.paused:
        return "paused"
    if row.unhealthy:
        return "unhealthy"
    if row.consecutive_failures:
        return "backing off"
    return "ok" if row.last_polled_at else "new"
