"""An ingest's round trips are bounded: however many people an article names, the statements it
makes stay the same (entity lookups and creations, events, sources and the outbox go in batches),
and the stored result is what resolving the names one by one gives. Both back ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from factories import extracted
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Event, Organization, Person, PersonAlias

from .conftest import FakeExtractor

Sessions = async_sessionmaker[AsyncSession]
WHEN = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
SURNAMES = ["Arkwright", "Bellamy", "Corrigan", "Dunmore", "Ellery", "Fairweather", "Gaskell", "Hollis",
            "Ingleby", "Jessop", "Kendrick", "Lowther"]  # fmt: skip


@contextmanager
def statements(sessions: Sessions) -> Iterator[list[str]]:
    """Every SQL statement sent while the block runs (BEGIN and COMMIT are not statements here)."""
    seen: list[str] = []
    engine = sessions.kw["bind"].sync_engine

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def batched(seen: list[str]) -> list[str]:
    return [statement for statement in seen if not statement.startswith("INSERT INTO events ")]


def departures(count: int, offset: int = 0) -> list:  # type: ignore[type-arg]
    """`count` departures of new people from new companies, no two of one name family."""
    return [
        extracted(
            "departure",
            f"Morgan {SURNAMES[n % len(SURNAMES)]}{'' if n < len(SURNAMES) else n}",
            f"{SURNAMES[n % len(SURNAMES)]}{'' if n < len(SURNAMES) else n} Shipping",
            date="2025-11-01",
            precision="day",
            start=n * 10,
        )
        for n in range(offset, offset + count)
    ]


async def _ingest(sessions: Sessions, fake: FakeExtractor, marker: str, events: list) -> list[Event]:  # type: ignore[type-arg]
    text = fake.add(marker, *events)
    result = await ingest_article(
        sessions, ArticleInput(text=text, published_at=WHEN, url=f"https://x.example/{marker}")
    )
    return result.events


async def test_an_article_naming_ten_new_people_makes_as_many_statements_as_one_naming_three(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    with statements(sessions) as three:
        await _ingest(sessions, fake_extract, "three", departures(3))
    with statements(sessions) as ten:
        stored = await _ingest(sessions, fake_extract, "ten", departures(10, offset=3))
    # SQLite cannot read several new ids back in order (no insert sentinel), so the ORM inserts
    # new events one by one there; every other statement is shared by all the names.
    assert len(batched(ten)) == len(batched(three))
    if sessions.kw["bind"].dialect.name == "postgresql":
        assert len(ten) == len(three)
    # Known-article check, article, people and companies (lookup, families, aliases, insert,
    # read back), fact locks (PostgreSQL), candidates, events, sources, subscriptions.
    assert len(batched(ten)) <= 20, "\n".join(ten)
    assert sorted((e.type, e.date) for e in stored) == [("departure", "2025-11-01")] * 10
    async with sessions() as session:
        people = (await session.execute(select(Person.name).order_by(Person.name))).scalars().all()
        companies = (await session.execute(select(func.count()).select_from(Organization))).scalar()
        by_person = {
            name: org
            for name, org in (
                await session.execute(
                    select(Person.name, Organization.name)
                    .join(Event, Event.person_id == Person.id)
                    .join(Organization, Organization.id == Event.organization_id)
                )
            ).all()
        }
    assert len(people) == 13 and companies == 13
    assert by_person["Morgan Dunmore"] == "Dunmore Shipping"


async def test_an_article_naming_those_people_again_makes_no_more_statements(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    await _ingest(sessions, fake_extract, "first", departures(10))
    with statements(sessions) as again:
        stored = await _ingest(sessions, fake_extract, "again", departures(10))
    assert len(batched(again)) <= 20, "\n".join(again)
    assert len(stored) == 10  # the same ten facts: each event gained this article as a source
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Event))).scalar() == 10
        assert (await session.execute(select(func.count()).select_from(Person))).scalar() == 10


@pytest.mark.parametrize(
    ("stored_first", "names", "people", "aliases"),
    [
        # Names of one family in one article are resolved one by one, in name order: the surname
        # is stored first, then completed by the full name.
        pytest.param(
            [], ["Morgan Hollis", "Hollis"], ["Morgan Hollis"], ["Hollis"], id="full-and-short-together"
        ),
        # A stored short name is completed, not duplicated, by the plainly-new path's check.
        pytest.param(
            ["Hollis"], ["Morgan Hollis"], ["Morgan Hollis"], ["Hollis"], id="completes-stored-short"
        ),
        # A stored full name is what a surname alone stands for.
        pytest.param(["Morgan Hollis"], ["Hollis"], ["Morgan Hollis"], [], id="short-finds-stored-full"),
        # Another person of a stored surname is plainly new: no short form stands between them.
        pytest.param(
            ["Morgan Hollis"], ["Rey Hollis"], ["Morgan Hollis", "Rey Hollis"], [], id="same-surname"
        ),
        # Two people of one family: the surname stands for neither, so it is a person of its own.
        pytest.param(
            ["Morgan Hollis", "Rey Hollis"],
            ["Hollis"],
            ["Hollis", "Morgan Hollis", "Rey Hollis"],
            [],
            id="ambiguous-short",
        ),  # fmt: skip
    ],
)
async def test_names_that_may_stand_for_one_another_resolve_as_one_by_one(
    sessions: Sessions,
    fake_extract: FakeExtractor,
    stored_first: list[str],
    names: list[str],
    people: list[str],
    aliases: list[str],
) -> None:
    for n, name in enumerate(stored_first):
        await _ingest(
            sessions, fake_extract, f"before{n}", [extracted("departure", name, "Quillfeather Freight")]
        )
    await _ingest(
        sessions,
        fake_extract,
        "now",
        [extracted("departure", name, "Quillfeather Freight", start=n * 10) for n, name in enumerate(names)],
    )
    async with sessions() as session:
        stored = (await session.execute(select(Person.name).order_by(Person.name))).scalars().all()
        alias_names = (
            (await session.execute(select(PersonAlias.alias).order_by(PersonAlias.alias))).scalars().all()
        )
    assert list(stored) == people
    assert list(alias_names) == aliases
