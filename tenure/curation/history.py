"""The audit trail: every correction of an event, a person or a company, oldest first."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.errors import NotFound
from tenure.models import Correction, Event
from tenure.shape import CorrectionOut

__all__ = ["SubjectType", "correction_out", "event_not_found", "history", "record"]

SubjectType = Literal["event", "person", "organization"]


def record(
    session: AsyncSession,
    subject_type: SubjectType,
    subject_id: int,
    action: str,
    actor: str,
    before: dict[str, Any],
    after: dict[str, Any],
    reason: str | None,
) -> Correction:
    """Add one Correction row to the caller's transaction (flushed with it, never committed here)."""
    row = Correction(
        subject_type=subject_type,
        subject_id=subject_id,
        action=action,
        actor=actor[:100],
        before=before,
        after=after,
        reason=reason or None,
    )
    session.add(row)
    return row


async def history(session: AsyncSession, subject_type: SubjectType, subject_id: int) -> list[CorrectionOut]:
    query = (
        select(Correction)
        .where(Correction.subject_type == subject_type, Correction.subject_id == subject_id)
        .order_by(Correction.id)
    )
    return [correction_out(row) for row in (await session.execute(query)).scalars()]


def correction_out(row: Correction) -> CorrectionOut:
    return CorrectionOut(
        id=row.id,
        action=row.action,
        actor=row.actor,
        before=dict(row.before or {}),
        after=dict(row.after or {}),
        reason=row.reason,
        created_at=row.created_at,
    )


async def event_not_found(session: AsyncSession, event_id: int) -> NotFound:
    """The 404 for an event id that does not exist; for one an entity merge folded away, it names
    the event that states the fact now (the survivor's "fold" entry records the folded id)."""
    folds = {
        (before or {}).get("event"): survivor
        for survivor, before in (
            await session.execute(
                select(Correction.subject_id, Correction.before).where(
                    Correction.subject_type == "event", Correction.action == "fold"
                )
            )
        ).all()
    }
    current, seen = event_id, {event_id}
    while current in folds and folds[current] not in seen:  # a survivor may have been folded later
        current = folds[current]
        seen.add(current)
    if current == event_id or await session.get(Event, current) is None:
        return NotFound(f"no event with id {event_id}")
    return NotFound(
        f"no event with id {event_id}: it was folded into event {current}, which states the same "
        "fact, when their people or companies were merged"
    )
