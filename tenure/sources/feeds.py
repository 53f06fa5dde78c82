"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds read with feedparser: the items, their links and dates.

A body that is not a feed (an HTML page, XML of another kind, garbage) is refused with the reason.
A feed whose XML breaks part-way keeps the items read before the break (feedparser reads it
leniently) and says so in a notice; a feed longer than the item cap is cut there, also with a
notice. Dates keep the offset the feed wrote (`Tue, 03 Jun 2025 09:30:00 +0200`), falling back to
feedparser's UTC reading of forms it alone understands.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from tenure.errors import InvalidInput
from tenure.ingest.published import check_published_range

__all__ = ["FeedItem", "ParsedFeed", "feed_date", "parse_feed"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class FeedItem:
    # The item's guid or id, else its link: what makes it the same item on the next poll.
    guid: str
    link: str | None
    title: str | None = None
    published_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    items: list[FeedItem]
    # "rss20", "rss10", "atom10", ... as feedparser names the format.
    version: str
    title: str | None = None
    notices: list[str] = field(default_factory=list)


def parse_feed(body: bytes, content_type: str, url: str, max_items: int) -> ParsedFeed:
    """The feed's items, at most max_items of them (the first ones: feeds list the newest first).

    Raises InvalidInput saying why when the body is not a feed.
    """
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-type": content_type or "application/xml", "content-location": url},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not parsed.get("version"):
        if media_type in _HTML_TYPES or body.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html")):
            raise InvalidInput(f"{url} serves an HTML page ({media_type or 'no media type'}), not a feed")
        problem = parsed.get("bozo_exception")
        raise InvalidInput(f"{url} is not an RSS or Atom feed" + (f": {problem}" if problem else ""))
    notices = []
    entries = list(parsed.entries)
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
        problem = parsed.bozo_exception
        if not entries:
            raise InvalidInput(f"{url} is a broken feed with no readable items: {problem}")
        notices.append(f"the feed is not well-formed ({problem}); read the {len(entries)} items before it")
    if len(entries) > max_items:
        notices.append(f"the feed has {len(entries):,} items; read the first {max_items:,}")
        entries = entries[:max_items]
    items = [item for item in (_item(entry) for entry in entries) if item is not None]
    title = parsed.feed.get("title") if parsed.get("feed") else None
    return ParsedFeed(items, str(parsed.version), title or None, notices)


def _item(entry: Any) -> FeedItem | None:
    link = _http_link(entry.get("link"))
    guid = (entry.get("id") or link or "").strip()
    if not guid:
        return None  # nothing to know it by on the next poll, and nothing to fetch
    return FeedItem(
        guid=guid[:2000],
        link=link,
        title=(entry.get("title") or "").strip() or None,
        published_at=feed_date(entry),
    )


def _http_link(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    link = value.strip()
    return link if link.lower().startswith(("http://", "https://")) and len(link) <= 2000 else None


def feed_date(entry: Any) -> dt.datetime | None:
    """The entry's publication time (else its last update), with the offset the feed gave."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        moment = _written(entry.get(raw_key)) or _utc(entry.get(parsed_key))
        if moment is not None:
            try:
                check_published_range(moment)
            except InvalidInput:
                continue
            return moment
    return None


def _written(raw: Any) -> dt.datetime | None:
    """RFC 822 (RSS) or RFC 3339 (Atom, dc:date) as written, when it carries an offset."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = raw.strip()
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else None


def _utc(parsed: Any) -> dt.datetime | None:
    if not isinstance(parsed, time.struct_time):
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
