"""Events (one row per fact) and their sources (one row per article that reports the fact)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tenure.models.base import Base, BigId, JsonDoc, UtcDateTime, utcnow

# Undated events sort after every dated one; a sentinel keeps the sort column NOT NULL so
# timelines page with one plain (sort_date, id) keyset on both back ends.
UNDATED_SORT = dt.date(9999, 12, 31)
# Event.state values.
ACTIVE, REJECTED, RETIRED = "active", "rejected", "retired"


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_org_timeline", "organization_id", "sort_date", "id"),
        Index("ix_events_person_timeline", "person_id", "sort_date", "id"),
        Index("ix_events_type_timeline", "type", "sort_date", "id"),
        Index("ix_events_sort", "sort_date", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    type: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"))
    role: Mapped[str | None] = mapped_column(String(300))
    # As the contract gives it: YYYY-MM-DD, YYYY-MM or YYYY, with its precision.
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    # First day the date stands for (UNDATED_SORT when there is none): the timeline order.
    sort_date: Mapped[dt.date] = mapped_column(Date, default=UNDATED_SORT)
    # Departure status (announced, planned, reported, completed); null for other types.
    status: Mapped[str | None] = mapped_column(String(20), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    # Bumped on every change (new source, better date, correction): receivers order deliveries
    # by it, and a correction must name it (If-Match) so a concurrent edit is refused, not lost.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # "active"; "rejected" by an analyst; "retired" by re-extraction (no article states it any
    # more). Only active events appear in timelines, /events and exports; the others are kept so
    # a later article stating the same fact attaches to them instead of reviving them.
    state: Mapped[str] = mapped_column(String(12), default="active", server_default="active", index=True)
    # Fields an analyst set by hand (e.g. ["date", "role"]): extraction never overwrites them.
    locked_fields: Mapped[list[str]] = mapped_column(JsonDoc, default=list, server_default="[]")
    # Set when a person marked the event as checked; re-extraction never retires it.
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    confirmed_by: Mapped[str | None] = mapped_column(String(100))
    # When the move was made public (YYYY-MM-DD), beside `date`, when it takes effect.
    announced_on: Mapped[str | None] = mapped_column(String(10))
    # tenure.extractors version that last produced or confirmed this event.
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class EventSource(Base):
    """An article reporting an event, with the sentence that states it."""

    __tablename__ = "event_sources"
    __table_args__ = (UniqueConstraint("event_id", "article_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[float] = mapped_column(Float)
    rule_id: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Correction(Base):
    """One analyst's (or re-extraction's) change to an event, person or company: the audit trail.

    subject_type: "event", "person" or "organization". action: "edit", "reject", "restore",
    "confirm", "split", "rename", "retire" (by re-extraction), "attach" (a new source joined a
    rejected event) or "fold" (an entity merge folded a duplicate event into this one, whose
    history then moved here). before/after hold only the fields that changed.
    """

    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_subject", "subject_type", "subject_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(BigId)
    action: Mapped[str] = mapped_column(String(16))
    # The API key's name, or "reextract" / "ingest" for the engine.
    actor: Mapped[str] = mapped_column(String(100))
    before: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class FormerFact(Base):
    """What an event said before an analyst edited it (one row per edit that changed the fact).

    A later article repeating the values the analyst corrected away states the same fact: ingest
    matches it against these rows too (tenure.ingest.merge), so it joins the corrected event
    instead of creating the mistake again. Keyed like an event (type, person, organization) for
    that lookup; the ids are plain columns because they record the past, not a live reference.
    """

    __tablename__ = "event_former_facts"
    __table_args__ = (Index("ix_event_former_facts_key", "type", "person_id", "organization_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int | None] = mapped_column(BigId)
    organization_id: Mapped[int | None] = mapped_column(BigId)
    role: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    details: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    announced_on: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
