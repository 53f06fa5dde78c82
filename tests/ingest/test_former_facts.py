"""An analyst's edit moves an event away from the values its article gave; a later article that
repeats those corrected-away values still states the corrected event (both back ends): it joins it
as a source, the analyst's fields stay, and no duplicate brings the mistake back. The same holds
when re-extraction meets such an article."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from factories import extracted
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.corrections import Who, edit_event
from tenure.curation.history import history
from tenure.ingest.entities import merge_people
from tenure.ingest.reextract import Selection, reextract, reextract_article
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Event, EventSource, FormerFact, Organization

from .conftest import FakeExtractor

Sessions = async_sessionmaker[AsyncSession]
PUBLISHED = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
ANALYST = Who(actor="desk", reason="the filing says otherwise")
ORIGINAL: dict[str, Any] = {"role": "chief executive officer", "date": "2025-10", "precision": "month"}
LATER = extracted(**ORIGINAL, evidence="Whitfield steps down from Northwind Robotics.", start=40)

# (edit, what the stored event must show afterwards)
EDITS = [
    pytest.param({"organization": "Corvel Systems"}, {"organization": "Corvel Systems"}, id="company"),
    pytest.param({"date": "2026-06"}, {"date": "2026-06"}, id="date"),
    # A departure from the board is another fact than one from an executive role.
    pytest.param({"role": "chair"}, {"role": "chair"}, id="role"),
    pytest.param(
        {"organization": "Corvel Systems", "date": "2024-02-05"},
        {"organization": "Corvel Systems", "date": "2024-02-05"},
        id="company-and-date",
    ),
]


def article(text: str, url: str) -> ArticleInput:
    return ArticleInput(text=text, published_at=PUBLISHED, url=url)


async def snapshot(sessions: Sessions) -> list[dict[str, Any]]:
    """Every stored event: its fields as a reader sees them and its sources' article ids."""
    async with sessions() as session:
        events = (await session.execute(select(Event).order_by(Event.id))).scalars().all()
        found = []
        for event in events:
            org = await session.get(Organization, event.organization_id) if event.organization_id else None
            sources = await session.execute(
                select(EventSource.article_id)
                .where(EventSource.event_id == event.id)
                .order_by(EventSource.id)
            )
            found.append(
                {
                    "id": event.id,
                    "organization": org.name if org else None,
                    "role": event.role,
                    "date": event.date,
                    "state": event.state,
                    "locked": event.locked_fields,
                    "sources": list(sources.scalars()),
                }
            )
        return found


async def edited_event(sessions: Sessions, fake: FakeExtractor, edit: dict[str, Any]) -> tuple[int, int]:
    """Article A states a departure; the analyst edits it. Returns (event id, article A's id)."""
    text = fake.add("A", extracted(**ORIGINAL))
    first = await ingest_article(sessions, article(text, "https://ledger.example.com/a"))
    [event] = first.events
    await edit_event(sessions, event.id, edit, ANALYST, revision=event.revision)
    return event.id, first.article.id


@pytest.mark.parametrize(("edit", "shown"), EDITS)
async def test_a_new_article_repeating_corrected_values_joins_the_corrected_event(
    sessions: Sessions, fake_extract: FakeExtractor, edit: dict[str, Any], shown: dict[str, Any]
) -> None:
    event_id, first_id = await edited_event(sessions, fake_extract, edit)
    text = fake_extract.add("B", LATER)

    second = await ingest_article(sessions, article(text, "https://harbor.example.com/b"))

    assert [e.id for e in second.events] == [event_id]
    [event] = await snapshot(sessions)
    assert {name: event[name] for name in shown} == shown  # the analyst's values stay
    assert event["sources"] == [first_id, second.article.id]
    assert event["locked"] == sorted(edit)
    assert event["state"] == "active"
    async with sessions() as session:
        trail = [(c.action, c.actor, c.after) for c in await history(session, "event", event_id)]
    assert trail == [("edit", "desk", trail[0][2]), ("attach", "ingest", {"article_id": second.article.id})]


async def test_a_fact_unlike_the_former_one_is_still_a_new_event(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    event_id, _ = await edited_event(sessions, fake_extract, {"date": "2026-06"})
    # Same person and company, but four years earlier: not the fact the analyst corrected.
    text = fake_extract.add("B", extracted(**{**ORIGINAL, "date": "2021-03"}, evidence="In 2021 she left."))

    second = await ingest_article(sessions, article(text, "https://harbor.example.com/b"))

    assert [e.id for e in second.events] != [event_id]
    assert len(await snapshot(sessions)) == 2


async def test_each_edit_keeps_what_the_event_said_before_it(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    event_id, _ = await edited_event(sessions, fake_extract, {"date": "2026-06"})
    async with sessions() as session:
        event = await session.get(Event, event_id)
        assert event is not None
        revision = event.revision
    await edit_event(sessions, event_id, {"role": "chief financial officer"}, ANALYST, revision=revision)
    await edit_event(sessions, event_id, {"status": "completed"}, ANALYST, revision=revision + 1)

    async with sessions() as session:
        rows = (await session.execute(select(FormerFact).order_by(FormerFact.id))).scalars().all()
    # The status edit changes no fact: it leaves no former fact.
    assert [(r.event_id, r.role, r.date) for r in rows] == [
        (event_id, "chief executive officer", "2025-10"),
        (event_id, "chief executive officer", "2026-06"),
    ]


async def test_reextract_joins_a_corrected_away_report_to_the_corrected_event(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    event_id, first_id = await edited_event(sessions, fake_extract, {"organization": "Corvel Systems"})
    text = fake_extract.add("B", LATER)
    second = await ingest_article(sessions, article(text, "https://harbor.example.com/b"))
    # As if B had been stored before its sentence was extracted: re-extraction meets it afresh.
    async with sessions() as session, session.begin():
        await session.execute(delete(EventSource).where(EventSource.article_id == second.article.id))

    report = await reextract_article(sessions, second.article.id)

    assert [(d.action, d.event_id) for d in report.differences] == [("merged", event_id)]
    [event] = await snapshot(sessions)
    assert (event["organization"], event["sources"]) == ("Corvel Systems", [first_id, second.article.id])
    # Both articles read again: nothing changes, no duplicate appears.
    summary = await reextract(sessions, Selection())
    assert summary.changed == 0
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Event))).scalar_one() == 1


async def test_former_facts_follow_an_entity_merge(sessions: Sessions, fake_extract: FakeExtractor) -> None:
    # Article A names the person "D. Whitfield"; the analyst moves the event to another company.
    text = fake_extract.add("A", extracted(person="D. Whitfield", **ORIGINAL))
    first = await ingest_article(sessions, article(text, "https://ledger.example.com/a"))
    [event] = first.events
    await edit_event(sessions, event.id, {"organization": "Corvel Systems"}, ANALYST, revision=event.revision)
    # Then "D. Whitfield" turns out to be Dana Whitfield, whom another story names in full.
    other = fake_extract.add(
        "C", extracted("award", person="Dana Whitfield", organization=None, evidence="Award.")
    )
    dana = (
        (await ingest_article(sessions, article(other, "https://ledger.example.com/c"))).events[0].person_id
    )
    await merge_people(sessions, event.person_id or 0, dana or 0)

    later = fake_extract.add(
        "B", extracted(person="Dana Whitfield", **ORIGINAL, evidence="Whitfield leaves.")
    )
    second = await ingest_article(sessions, article(later, "https://harbor.example.com/b"))

    assert [e.id for e in second.events] == [event.id]
    departures = [e for e in await snapshot(sessions) if e["id"] == event.id]
    assert [(e["organization"], e["sources"]) for e in departures] == [
        ("Corvel Systems", [first.article.id, second.article.id])
    ]
