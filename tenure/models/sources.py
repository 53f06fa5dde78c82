"""Followed sources (feeds and pages) and every item the poller has looked at."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tenure.models.base import Base, BigId, UtcDateTime, utcnow


class Source(Base):
    """A URL tenure polls: an RSS/Atom feed (kind "feed") or one web page taken as an article ("page").

    The poll state is here so `tenure sources list` and GET /sources/{id} can show it: validators
    for the next conditional GET, when it was and will be polled, what the last poll answered and
    how items went. A worker claims a due source by setting claimed_until (a lease), as webhook
    deliveries are claimed; failing_since is the first failure since the last success.
    """

    __tablename__ = "sources"
    __table_args__ = (Index("ix_sources_due", "paused", "next_poll_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(8), default="feed")
    every_seconds: Mapped[int] = mapped_column(Integer, default=900)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    next_poll_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    # The last poll's HTTP status; null when no response came (refused address, timeout).
    last_status: Mapped[int | None] = mapped_column(Integer)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    items_skipped: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    # Something the last poll cut short without failing: "read the first 200 of 5,000 items".
    last_notice: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    failing_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    unhealthy: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SourceItem(Base):
    """One feed item (or the page of a page source), recorded once it is dealt with.

    outcome: "new" (its article was stored), "duplicate" (an article with its canonical URL or
    text was already stored; article_id names it), "skipped" (reason says why: no publication
    time, robots.txt, the page could not be read) or "retry" (the page's site did not answer; it is
    tried again on the next polls, `tries` counting them, until it is skipped). The (source, item
    key) pair is unique, so a restarted or second poller never deals with an item twice.
    """

    __tablename__ = "source_items"
    __table_args__ = (UniqueConstraint("source_id", "item_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    # The item's guid (RSS), id (Atom) or, without one, its link; item_key is its sha256, so the
    # unique index stays small whatever length a feed gives its ids.
    guid: Mapped[str] = mapped_column(String(2000))
    item_key: Mapped[str] = mapped_column(String(64))
    link: Mapped[str | None] = mapped_column(String(2000))
    canonical_url: Mapped[str | None] = mapped_column(String(2000), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    tries: Mapped[int] = mapped_column(Integer, default=1)
    reason: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
