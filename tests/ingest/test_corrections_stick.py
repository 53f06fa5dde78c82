"""Corrections survive new reports, on both back ends: a rejected fact stays rejected when an
article states it again (the source attaches to it), and fields an analyst edited are never
refined by extraction."""

from __future__ import annotations

import datetime as dt

from factories import extracted
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.corrections import Who, edit_event, reject_event
from tenure.ingest.entities import merge_people
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Correction, Event, EventSource

from .conftest import FakeExtractor

PUBLISHED = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
ANALYST = Who(actor="desk", reason="checked")
Sessions = async_sessionmaker[AsyncSession]


def article(text: str, url: str) -> ArticleInput:
    return ArticleInput(text=text, published_at=PUBLISHED, url=url)


async def stored(sessions: Sessions, event_id: int) -> tuple[Event, list[int], list[Correction]]:
    async with sessions() as session:
        event = await session.get(Event, event_id)
        assert event is not None
        sources = await session.execute(
            select(EventSource.article_id).where(EventSource.event_id == event_id).order_by(EventSource.id)
        )
        corrections = await session.execute(
            select(Correction).where(Correction.subject_id == event_id).order_by(Correction.id)
        )
        return event, list(sources.scalars()), list(corrections.scalars())


async def event_count(sessions: Sessions) -> int:
    async with sessions() as session:
        return int((await session.execute(select(func.count()).select_from(Event))).scalar_one())


async def test_a_rejected_fact_stays_rejected_when_articles_state_it_again(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first_text = fake_extract.add("A", extracted(date="2025-10", precision="month"))
    again_text = fake_extract.add(
        "B", extracted(date="2025-10-20", precision="day", evidence="She is leaving.")
    )
    first = await ingest_article(sessions, article(first_text, "https://ledger.example.com/a"))
    [event] = first.events
    await reject_event(sessions, event.id, ANALYST)

    same = await ingest_article(sessions, article(first_text, "https://ledger.example.com/a"))
    other = await ingest_article(sessions, article(again_text, "https://harbor.example.com/b"))

    assert not same.created and other.created
    assert [e.id for e in other.events] == [event.id]
    assert other.changes == []  # subscribers are not told about a rejected fact
    assert await event_count(sessions) == 1
    kept, sources, corrections = await stored(sessions, event.id)
    assert kept.state == "rejected"
    assert sources == [first.article.id, other.article.id]
    assert [(c.action, c.actor, c.after) for c in corrections] == [
        ("reject", "desk", {"state": "rejected"}),
        ("attach", "ingest", {"article_id": other.article.id}),
    ]


async def test_edited_fields_are_not_refined_by_a_new_report(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first_text = fake_extract.add("A", extracted(date="2025-10", precision="month"))
    later_text = fake_extract.add(
        "B",
        extracted(
            date="2025-11-03",
            precision="day",
            role="chief technology officer",
            details={"status": "planned", "successor": "Omar Haddad"},
        ),
    )
    first = await ingest_article(sessions, article(first_text, "https://ledger.example.com/a"))
    [event] = first.events
    await edit_event(
        sessions, event.id, {"date": "2025-11", "details": {"successor": "Lena Vogt"}}, ANALYST, revision=1
    )

    later = await ingest_article(sessions, article(later_text, "https://harbor.example.com/b"))

    assert [e.id for e in later.events] == [event.id]
    kept, sources, _ = await stored(sessions, event.id)
    assert (kept.date, kept.date_precision) == ("2025-11", "month")  # locked: not refined to the day
    assert kept.details["successor"] == "Lena Vogt"  # locked
    assert kept.role == "chief technology officer"  # not edited: still filled from the new report
    assert kept.locked_fields == ["date", "details"]
    assert (kept.state, kept.revision, len(sources)) == ("active", 3, 2)


async def test_merging_two_people_keeps_a_rejection_of_their_shared_fact(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    as_dana = fake_extract.add("A", extracted(person="Dana Whitfield", date="2025-10", precision="month"))
    as_ross = fake_extract.add("B", extracted(person="Dana Ross", date="2025-10-20", precision="day"))
    # The active event is the older: folding by age alone would drop the rejection.
    active = (await ingest_article(sessions, article(as_dana, "https://ledger.example.com/a"))).events[0]
    rejected = (await ingest_article(sessions, article(as_ross, "https://ledger.example.com/b"))).events[0]
    await reject_event(sessions, rejected.id, ANALYST)

    await merge_people(sessions, rejected.person_id or 0, active.person_id or 0)

    assert await event_count(sessions) == 1
    kept, sources, _ = await stored(sessions, rejected.id)
    assert (kept.state, kept.person_id, len(sources)) == ("rejected", active.person_id, 2)
