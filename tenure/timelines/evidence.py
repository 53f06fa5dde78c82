"""One event with everything behind it: each source's stored article text, evidence offsets and
rule, and the corrections made to it (the audit trail, oldest first)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.errors import NotFound
from tenure.models import Article, Correction, Event, EventSource
from tenure.timelines.queries import MAX_ID
from tenure.timelines.views import EventView, base_select, views_of_rows

__all__ = ["Evidence", "EventEvidence", "event_evidence"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one article says about the event, and where."""

    article_id: int
    text: str  # the article as stored
    start: int
    end: int
    evidence: str
    rule_id: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class EventEvidence:
    view: EventView
    evidence: list[Evidence]
    corrections: list[Correction]


async def event_evidence(session: AsyncSession, event_id: int) -> EventEvidence:
    rows = (
        (await session.execute(base_select().where(Event.id == event_id))).all() if event_id <= MAX_ID else []
    )
    if not rows:
        raise NotFound(f"no event with id {event_id}")
    view = (await views_of_rows(session, rows))[0]
    query = (
        select(
            EventSource.article_id,
            Article.text,
            EventSource.evidence_start,
            EventSource.evidence_end,
            EventSource.evidence,
            EventSource.rule_id,
            EventSource.confidence,
        )
        .join(Article, Article.id == EventSource.article_id)
        .where(EventSource.event_id == event_id)
        .order_by(Article.published_at, EventSource.id)
    )
    found = [Evidence(*row) for row in (await session.execute(query)).all()]
    history = select(Correction).where(Correction.subject_type == "event", Correction.subject_id == event_id)
    corrections = list((await session.scalars(history.order_by(Correction.id))).all())
    return EventEvidence(view, found, corrections)
