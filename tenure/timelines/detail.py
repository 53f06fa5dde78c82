"""One event that explains itself: every source with the rule that read it, its state, the
fields analysts locked, who confirmed it and its correction history (GET /events/{id})."""

from __future__ import annotations

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.curation.history import event_not_found, history
from tenure.models import Event
from tenure.shape import EventDetail, SourceDetail
from tenure.timelines.queries import MAX_ID
from tenure.timelines.views import base_select, event_out, source_out, source_rows, views_of_rows

__all__ = ["event_detail"]


async def event_detail(session: AsyncSession, event_id: int) -> EventDetail:
    """Any event by id, whatever its state (a rejected one still explains itself)."""
    row = None
    if 0 < event_id <= MAX_ID:
        row = (await session.execute(base_select().where(Event.id == event_id))).first()
    if row is None:
        raise await event_not_found(session, event_id)
    [view] = await views_of_rows(session, [row])
    event = view.event
    sources = [
        SourceDetail(
            **msgspec.structs.asdict(source_out(source)),
            rule_id=source.rule_id,
            confidence=round(source.confidence, 3),
        )
        for source in await source_rows(session, [event.id])
    ]
    shown = msgspec.structs.asdict(event_out(view))
    shown["sources"] = sources
    return EventDetail(
        **shown,
        state=event.state,  # type: ignore[arg-type]  # a stored value from EventState
        extractor_version=event.extractor_version,
        locked_fields=list(event.locked_fields or []),
        confirmed_at=event.confirmed_at,
        confirmed_by=event.confirmed_by,
        history=await history(session, "event", event.id),
    )
