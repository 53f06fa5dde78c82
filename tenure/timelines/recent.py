"""The newest events of some types, latest date first: the home page's departures and appointments."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tenure.models import UNDATED_SORT, Event
from tenure.timelines.leadership import SHOWN_STATE
from tenure.timelines.views import EventView, base_select, views_of_rows

__all__ = ["latest_events"]


async def latest_events(session: AsyncSession, types: tuple[str, ...], limit: int) -> list[EventView]:
    """Dated events of these types, latest first (a planned departure can be in the future)."""
    statement = (
        base_select()
        .where(Event.type.in_(types), Event.sort_date < UNDATED_SORT, Event.state == SHOWN_STATE)
        .order_by(Event.sort_date.desc(), Event.id.desc())
        .limit(limit)
    )
    return await views_of_rows(session, (await session.execute(statement)).all())
