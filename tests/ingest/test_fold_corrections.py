"""An entity merge folds events that turn out to state one fact; what people did to the folded
event moves to the survivor (both back ends): its history, confirmation, edited fields and former
facts, with a "fold" entry naming it. No correction refers to a deleted event."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import extracted
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.corrections import Who, confirm_event, edit_event, reject_event
from tenure.curation.history import event_not_found, history
from tenure.errors import NotFound
from tenure.ingest.entities import merge_people
from tenure.ingest.reextract import reextract_article
from tenure.ingest.service import ArticleInput, IngestResult, ingest_article
from tenure.models import Correction, Event, FormerFact

from .conftest import FakeExtractor

Sessions = async_sessionmaker[AsyncSession]
PUBLISHED = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
DESK, CHECKER = Who(actor="desk", reason="wrong title"), Who(actor="checker")


async def two_reports(sessions: Sessions, fake: FakeExtractor) -> tuple[IngestResult, IngestResult]:
    """One departure told under two names of one person: two events until the people merge."""
    as_dana = fake.add("A", extracted(person="Dana Whitfield", date="2025-10", precision="month"))
    as_ross = fake.add("B", extracted(person="Dana Ross", date="2025-10-20", precision="day"))
    first = await ingest_article(
        sessions, ArticleInput(as_dana, PUBLISHED, url="https://ledger.example.com/a")
    )
    second = await ingest_article(
        sessions, ArticleInput(as_ross, PUBLISHED, url="https://ledger.example.com/b")
    )
    return first, second


async def merge(sessions: Sessions, first: IngestResult, second: IngestResult) -> Event:
    """Merge the second report's person into the first's; the one event left."""
    await merge_people(sessions, second.events[0].person_id or 0, first.events[0].person_id or 0)
    async with sessions() as session:
        [event] = (await session.execute(select(Event))).scalars().all()
        return event


async def trail(sessions: Sessions, event_id: int) -> list[tuple[str, str]]:
    async with sessions() as session:
        return [(c.action, c.actor) for c in await history(session, "event", event_id)]


async def corrections_of_deleted_events(sessions: Sessions) -> list[int]:
    async with sessions() as session:
        ids = set((await session.execute(select(Event.id))).scalars())
        subjects = (
            await session.execute(select(Correction.subject_id).where(Correction.subject_type == "event"))
        ).scalars()
        former = (await session.execute(select(FormerFact.event_id))).scalars()
        return sorted({*subjects, *former} - ids)


async def test_an_edit_of_the_folded_event_moves_to_the_survivor(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first, second = await two_reports(sessions, fake_extract)
    folded = second.events[0]
    edit = {"role": "chief operating officer", "status": "completed"}
    await edit_event(sessions, folded.id, edit, DESK, revision=folded.revision)

    kept = await merge(sessions, first, second)

    assert kept.id == first.events[0].id  # both active: the older survives
    assert (kept.role, kept.locked_fields, kept.state) == (
        "chief operating officer",
        ["role", "status"],
        "active",
    )
    assert (kept.status, kept.details["status"]) == ("completed", "completed")
    assert kept.date == "2025-10-20"  # the folded report's day refines the month
    assert await trail(sessions, kept.id) == [("edit", "desk"), ("fold", "merge")]
    assert await corrections_of_deleted_events(sessions) == []
    async with sessions() as session:
        fold = (await history(session, "event", kept.id))[-1]
        assert (fold.before, fold.after) == (
            {"event": folded.id, "state": "active"},
            {"event": kept.id, "fields": ["role", "status"]},
        )
        assert (await session.execute(select(FormerFact.event_id))).scalars().all() == [kept.id]


async def test_the_survivors_own_edit_wins_over_the_folded_ones(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first, second = await two_reports(sessions, fake_extract)
    for result, role in ((first, "chief financial officer"), (second, "chief operating officer")):
        event = result.events[0]
        await edit_event(sessions, event.id, {"role": role}, DESK, revision=event.revision)

    kept = await merge(sessions, first, second)

    assert (kept.id, kept.role) == (first.events[0].id, "chief financial officer")
    assert await trail(sessions, kept.id) == [("edit", "desk"), ("edit", "desk"), ("fold", "merge")]


async def test_a_rejection_wins_over_a_confirmation(sessions: Sessions, fake_extract: FakeExtractor) -> None:
    first, second = await two_reports(sessions, fake_extract)
    await confirm_event(sessions, first.events[0].id, CHECKER)
    await reject_event(sessions, second.events[0].id, DESK)

    kept = await merge(sessions, first, second)

    assert (kept.id, kept.state, kept.confirmed_by) == (second.events[0].id, "rejected", "checker")
    assert await trail(sessions, kept.id) == [("confirm", "checker"), ("reject", "desk"), ("fold", "merge")]
    assert await corrections_of_deleted_events(sessions) == []


async def test_a_retired_event_folds_into_the_active_one(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first, second = await two_reports(sessions, fake_extract)
    fake_extract.by_marker["A"] = []  # the engine no longer reads the departure in article A
    await reextract_article(sessions, first.article.id)

    kept = await merge(sessions, first, second)

    assert (kept.id, kept.state) == (second.events[0].id, "active")
    assert await trail(sessions, kept.id) == [("retire", "reextract"), ("fold", "merge")]
    assert await corrections_of_deleted_events(sessions) == []


async def test_the_folded_id_says_where_its_fact_went(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first, second = await two_reports(sessions, fake_extract)
    folded = second.events[0]
    kept = await merge(sessions, first, second)

    with pytest.raises(NotFound) as refused:
        await edit_event(sessions, folded.id, {"role": "chair"}, DESK, revision=folded.revision)
    assert refused.value.detail == (
        f"no event with id {folded.id}: it was folded into event {kept.id}, which states the same "
        "fact, when their people or companies were merged"
    )
    async with sessions() as session:
        assert (await event_not_found(session, 999)).detail == "no event with id 999"
        detail = (await event_not_found(session, folded.id)).detail
        assert f"folded into event {kept.id}" in detail
