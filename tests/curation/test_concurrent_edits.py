"""Two analysts correcting one event at once, on both back ends: the second waits for the first's
transaction, then finds the revision it read is gone and gets Conflict (never a lost update)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.corrections import Who, edit_event, lock_event
from tenure.errors import Conflict
from tenure.models import Event

Sessions = async_sessionmaker[AsyncSession]


async def stored_event(sessions: Sessions) -> int:
    async with sessions() as session, session.begin():
        event = Event(type="departure", role="chief technology officer", details={})
        session.add(event)
        await session.flush()
        return event.id


async def test_the_second_writer_waits_then_gets_conflict(sessions: Sessions) -> None:
    event_id = await stored_event(sessions)
    async with sessions() as first, first.begin():
        held = await lock_event(first, event_id, revision=1)
        second = asyncio.create_task(
            edit_event(sessions, event_id, {"role": "chief financial officer"}, Who("bob"), revision=1)
        )
        await asyncio.sleep(0.5)
        assert not second.done()  # blocked on the first writer's lock
        held.role = "chief executive officer"
        held.revision += 1
    with pytest.raises(Conflict, match="changed since revision 1"):
        await second
    async with sessions() as session:
        event = await session.get(Event, event_id)
        assert event is not None
        assert (event.role, event.revision) == ("chief executive officer", 2)
