"""Articles as received: ingesting the same one twice (by URL or content hash) changes nothing."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tenure.models.base import Base, BigId, UtcDateTime, utcnow


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    source: Mapped[str | None] = mapped_column(String(300))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The publication time's UTC offset in minutes, so relative dates can be re-resolved
    # in the article's own time zone.
    published_utc_offset: Mapped[int] = mapped_column(default=0)
    # sha256 of the text as received: the idempotency key when there is no URL.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    # "text", "markdown" or "html": how the text was read.
    format: Mapped[str] = mapped_column(String(20), default="text")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    # tenure.extractors version that last extracted this article (re-extraction compares it).
    extractor_version: Mapped[str | None] = mapped_column(String(40))


def local_time(moment: datetime, utc_offset_minutes: int) -> datetime:
    """A stored UTC time in the article's own offset, as it was published (reads and
    re-extraction both need it, and neither may import the other)."""
    return moment.astimezone(_zone(utc_offset_minutes))


@functools.lru_cache(maxsize=256)
def _zone(utc_offset_minutes: int) -> timezone:
    # A page shows dozens of sources from a handful of offsets: build each zone once.
    return timezone(timedelta(minutes=utc_offset_minutes))


def listing_fields(article: Article) -> dict[str, Any]:
    """What every listing of an article shows (GET /articles items and /articles/{id}), with
    its publication time on the article's own clock."""
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published_at": local_time(article.published_at, article.published_utc_offset),
        "format": article.format,
        "created_at": article.created_at,
    }
