"""The lean read path (tenure.timelines.reads) answers byte for byte what the ORM path answers.

A table of timelines and /events filters is walked page by page through both paths on the same
rows (merged ids, undated events, rejected events, events with no, one and several sources, an
article published in another offset), and every page's JSON must be identical, cursors included.
On PostgreSQL the lean path runs twice: through SQLAlchemy's engine and on its own asyncpg pool
(tenure.timelines.direct), as the API runs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import msgspec
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.schemas import EventPageOut, TimelineOut
from tenure.errors import NotFound
from tenure.models import Article, Event, Person
from tenure.models.db import create_engine, session_factory
from tenure.timelines.direct import DirectReads
from tenure.timelines.filters import parse_filter
from tenure.timelines.queries import EventQuery, event_out, events_page, timeline
from tenure.timelines.reads import Reader, events_page_rows, timeline_rows

from .conftest import Rows


@pytest.fixture(
    params=[("sqlite", "engine"), ("postgres", "engine"), ("postgres", "asyncpg")],
    ids=["sqlite", "postgres-engine", "postgres-asyncpg"],
)
def read_path(request: pytest.FixtureRequest, pg_available: bool) -> tuple[str, str]:
    """The back end, and what runs the lean statements there (the asyncpg pool is PostgreSQL's)."""
    if request.param[0] == "postgres" and not pg_available:
        pytest.skip("PostgreSQL not reachable (set CI=true to make this a failure)")
    back_end, path = request.param
    return back_end, path


@pytest.fixture
def backend(read_path: tuple[str, str]) -> str:
    return read_path[0]


@pytest.fixture
async def reader(read_path: tuple[str, str], database_url: str) -> AsyncIterator[Reader]:
    engine = create_engine(database_url)
    direct = await DirectReads.open(engine) if read_path[1] == "asyncpg" else None
    assert (direct is None) == (read_path[1] == "engine")
    try:
        yield Reader(engine, session_factory(engine), direct)
    finally:
        if direct is not None:
            await direct.close()
        await engine.dispose()


async def _story(rows: Rows, sessions: async_sessionmaker[AsyncSession]) -> None:
    """Two companies and three people (one merged into another) with a mixed record."""
    for name in ("Ada Moss", "Ben Ode", "Ben O. Ode"):
        await rows.person(name)
    for name in ("Acme Freight", "Globex"):
        await rows.company(name)
    plan = [
        ("departure", "Ada Moss", "Acme Freight", "2021-03-04", "completed", 0.91234, 1),
        ("appointment", "Ada Moss", "Globex", "2021-03", None, 0.7, 2),
        ("award", "Ada Moss", None, "2019", None, 0.55, 0),
        ("departure", "Ben Ode", "Acme Freight", None, "announced", 0.6, 3),
        ("appointment", "Ben O. Ode", "Acme Freight", "2021-03-04", None, 0.8, 1),
        ("funding_round", None, "Acme Freight", "2020-11-02", None, 0.95, 1),
        ("departure", "Ada Moss", "Acme Freight", "2022-06-30", "planned", 0.4, 2),
        ("founding", "Ben Ode", "Globex", None, None, 0.65, 1),
        ("reporting_change", "Ben Ode", "Acme Freight", "2021-03-04", None, 0.75, 1),
    ]
    for type_, person, company, date, status, confidence, sources in plan:
        await rows.event(type_, person, company, date, status=status, confidence=confidence, sources=sources)
    rejected = await rows.event("award", "Ada Moss", "Acme Freight", "2020-01-01")
    async with sessions() as session, session.begin():
        await session.execute(update(Event).where(Event.id == rejected).values(state="rejected"))
        # The appointment's second article published at UTC-04:00 and a day before its first:
        # sources sort by publication and show the article's own clock.
        moment = dt.datetime(2025, 10, 20, 13, 30, tzinfo=dt.UTC)
        await session.execute(
            update(Article).where(Article.id == 3).values(published_at=moment, published_utc_offset=-240)
        )
        await session.execute(
            update(Event)
            .where(Event.id == 2)
            .values(details={"predecessor": "Cy Hale", "announced_on": None})
        )
        merged = rows.ids["Ben O. Ode"]
        await session.execute(
            update(Person).where(Person.id == merged).values(merged_into_id=rows.ids["Ben Ode"])
        )


async def _timeline_pages(
    reader: Reader, kind: Any, entity_id: int, filter_args: dict[str, Any], limit: int
) -> list[tuple[bytes, bytes]]:
    event_filter = parse_filter(**filter_args)
    pages = []
    cursor = None
    while True:
        async with reader.sessions() as session:
            old = await timeline(session, kind, entity_id, event_filter, cursor, limit)
        old_out = TimelineOut(
            subject=old.subject, items=[event_out(v) for v in old.items], next_cursor=old.next_cursor
        )
        subject, items, next_cursor = await timeline_rows(
            reader, kind, entity_id, event_filter, cursor, limit
        )
        new_out = TimelineOut(subject=subject, items=items, next_cursor=next_cursor)
        pages.append((msgspec.json.encode(old_out), msgspec.json.encode(new_out)))
        if old.next_cursor is None or len(pages) > 20:
            return pages
        cursor = old.next_cursor


TIMELINES = [
    ("person", "Ada Moss", {}, 2),
    ("person", "Ada Moss", {}, 50),
    ("person", "Ben Ode", {}, 1),
    ("person", "Ben O. Ode", {}, 2),  # merged: reads Ben Ode's timeline
    ("organization", "Acme Freight", {}, 2),
    ("organization", "Acme Freight", {"types": ["departure,appointment"]}, 1),
    ("organization", "Acme Freight", {"since": "2021", "until": "2021-03"}, 2),
    ("organization", "Acme Freight", {"statuses": ["completed", "announced"]}, 5),
    ("organization", "Acme Freight", {"min_confidence": 0.7}, 3),
    ("organization", "Globex", {"types": ["award"]}, 3),  # nothing matches: an empty page
]


@pytest.mark.parametrize(("kind", "name", "filter_args", "limit"), TIMELINES)
async def test_timeline_pages_match_the_orm_path(
    rows: Rows,
    sessions: async_sessionmaker[AsyncSession],
    reader: Reader,
    kind: Any,
    name: str,
    filter_args: dict[str, Any],
    limit: int,
) -> None:
    await _story(rows, sessions)
    pages = await _timeline_pages(reader, kind, rows.ids[name], filter_args, limit)
    assert pages
    for old, new in pages:
        assert new == old


EVENT_QUERIES = [
    ({}, None, None, 3),
    ({"types": ["departure"]}, None, None, 1),
    ({"since": "2020"}, None, None, 2),
    ({"until": "2021-03-04", "min_confidence": 0.6}, None, None, 2),
    ({}, "Ada Moss", None, 2),
    ({}, None, "Acme Freight", 4),
    ({"types": ["departure"]}, "Ben O. Ode", "Acme Freight", 2),  # a merged person, by name
]


@pytest.mark.parametrize(("filter_args", "person", "company", "limit"), EVENT_QUERIES)
async def test_events_pages_match_the_orm_path(
    rows: Rows,
    sessions: async_sessionmaker[AsyncSession],
    reader: Reader,
    filter_args: dict[str, Any],
    person: str | None,
    company: str | None,
    limit: int,
) -> None:
    await _story(rows, sessions)
    query = EventQuery(filter=parse_filter(**filter_args), person=person, company=company)
    cursor = None
    for _ in range(20):
        async with sessions() as session:
            old = await events_page(session, query, cursor, limit)
        old_out = EventPageOut(items=[event_out(v) for v in old.items], next_cursor=old.next_cursor)
        items, next_cursor = await events_page_rows(reader, query, cursor, limit)
        assert msgspec.json.encode(EventPageOut(items=items, next_cursor=next_cursor)) == msgspec.json.encode(
            old_out
        )
        if old.next_cursor is None:
            break
        cursor = old.next_cursor
    else:
        pytest.fail("more than 20 pages")


async def test_a_shown_event_keeps_its_sources_in_article_order(
    rows: Rows, sessions: async_sessionmaker[AsyncSession], reader: Reader
) -> None:
    await _story(rows, sessions)
    _, items, _ = await timeline_rows(reader, "person", rows.ids["Ada Moss"], parse_filter(), None, 50)
    # Date order, the rejected award left out; the 2019 award has no source.
    assert [e.date for e in items] == ["2019", "2021-03", "2021-03-04", "2022-06-30"]
    assert items[0].sources == []
    appointment = items[1]
    assert appointment.details == {"predecessor": "Cy Hale", "announced_on": None}
    assert [s.article_id for s in appointment.sources] == [3, 2]
    assert appointment.sources[0].published_at.isoformat() == "2025-10-20T09:30:00-04:00"
    assert [len(e.sources) for e in items] == [0, 2, 1, 2]


@pytest.mark.parametrize("entity_id", [999_999, 2**63 - 1])
async def test_an_unknown_id_is_not_found_on_both_paths(
    rows: Rows, sessions: async_sessionmaker[AsyncSession], reader: Reader, entity_id: int
) -> None:
    await _story(rows, sessions)
    with pytest.raises(NotFound) as lean:
        await timeline_rows(reader, "organization", entity_id, parse_filter(), None, 5)
    async with sessions() as session:
        with pytest.raises(NotFound) as orm:
            await timeline(session, "organization", entity_id, parse_filter(), None, 5)
    assert lean.value.detail == orm.value.detail == f"no company with id {entity_id}"
