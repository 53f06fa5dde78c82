"""Name keys, entity resolution, analyst aliases and merges (storage tests on both back ends)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from factories import extracted
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import Conflict, InvalidInput, NotFound
from tenure.ingest.entities import (
    add_organization_alias,
    add_person_alias,
    merge_organizations,
    merge_people,
    name_key,
    resolve_organization,
    resolve_person,
)
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Event, EventSource, Organization, OrganizationAlias, Person, PersonAlias
from tenure.names.lookup import find_organization, find_person
from tenure.webhooks.outbox import EventChange

from .conftest import FakeExtractor

Sessions = async_sessionmaker[AsyncSession]


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [
        pytest.param("Dana Whitfield", "person", "dana whitfield", id="case"),
        pytest.param("  DANA   whitfield ", "person", "dana whitfield", id="spaces-and-case"),
        pytest.param("Tomás Ferreira", "person", "tomas ferreira", id="accents"),
        pytest.param("Zoë Ångström", "person", "zoe angstrom", id="accents-nordic"),
        pytest.param("Yann LeCun’s", "person", "yann lecun", id="curly-possessive"),
        pytest.param("Dr. Lena Vogt", "person", "lena vogt", id="honorific"),
        pytest.param("Mary-Kate O'Neil", "person", "mary kate o neil", id="hyphen-apostrophe"),
        pytest.param("Meta's", "organization", "meta", id="possessive"),
        pytest.param("Northwind Robotics, Inc.", "organization", "northwind robotics", id="inc"),
        pytest.param("Brightwater Corp.", "organization", "brightwater", id="corp"),
        pytest.param("Tessellate Co., Ltd.", "organization", "tessellate", id="co-ltd"),
        pytest.param("The Ridgeline Company", "organization", "ridgeline", id="the-company"),
        pytest.param("Procter & Gamble", "organization", "procter and gamble", id="ampersand"),
        pytest.param("The Company", "organization", "company", id="never-empty"),
        pytest.param("Inc.", "organization", "inc", id="suffix-alone-stays"),
        pytest.param("Kestrel Dynamics", "person", "kestrel dynamics", id="people-keep-all-words"),
        pytest.param("北风机器人", "organization", "北风机器人", id="other-scripts"),
        pytest.param("!!!", "person", "", id="no-words"),
    ],
)
def test_name_key(name: str, kind: str, key: str) -> None:
    assert name_key(name, kind) == key  # type: ignore[arg-type]


async def _in_tx(sessions: Sessions, fn, *args):  # type: ignore[no-untyped-def]
    async with sessions() as session, session.begin():
        result = await fn(session, *args)
        return result.id if result is not None else None


async def test_person_resolves_by_key_and_surname(sessions: Sessions) -> None:
    dana = await _in_tx(sessions, resolve_person, "Dana Whitfield")
    assert await _in_tx(sessions, resolve_person, "DANA WHITFIELD") == dana
    assert await _in_tx(sessions, resolve_person, "Whitfield") == dana
    assert await _in_tx(sessions, resolve_person, "Whitfield’s") == dana


async def test_ambiguous_surname_resolves_to_nobody_known(sessions: Sessions) -> None:
    dana = await _in_tx(sessions, resolve_person, "Dana Whitfield")
    assert await _in_tx(sessions, find_person, "Whitfield") == dana
    omar = await _in_tx(sessions, resolve_person, "Omar Whitfield")
    assert await _in_tx(sessions, find_person, "Whitfield") is None
    other = await _in_tx(sessions, resolve_person, "Whitfield")
    assert other not in (dana, omar)


async def test_full_name_completes_a_stored_surname(sessions: Sessions) -> None:
    short = await _in_tx(sessions, resolve_person, "LeCun")
    assert await _in_tx(sessions, resolve_person, "Yann LeCun") == short
    async with sessions() as session:
        person = await session.get(Person, short)
        assert person is not None and (person.name, person.name_key) == ("Yann LeCun", "yann lecun")


async def test_organization_short_forms_and_builtin_aliases(sessions: Sessions) -> None:
    northwind = await _in_tx(sessions, resolve_organization, "Northwind Robotics Inc.")
    assert await _in_tx(sessions, resolve_organization, "Northwind") == northwind
    meta = await _in_tx(sessions, resolve_organization, "Facebook")
    assert await _in_tx(sessions, resolve_organization, "Meta") == meta
    assert await _in_tx(sessions, resolve_organization, "Meta Platforms, Inc.") == meta
    # A lab whose distinctive word is not a descriptor is its own organization.
    assert await _in_tx(sessions, resolve_organization, "Meta Superintelligence Labs") != meta
    google = await _in_tx(sessions, resolve_organization, "Google")
    assert await _in_tx(sessions, resolve_organization, "Alphabet") != google
    async with sessions() as session:
        org = await session.get(Organization, meta)
        aliases = (await session.execute(select(OrganizationAlias.alias, OrganizationAlias.origin))).all()
    assert org is not None and org.name == "Meta"
    assert ("Facebook", "builtin") in [tuple(a) for a in aliases]


async def test_short_organization_name_completed_by_a_full_one(sessions: Sessions) -> None:
    kestrel = await _in_tx(sessions, resolve_organization, "Kestrel")
    assert await _in_tx(sessions, resolve_organization, "Kestrel Dynamics") == kestrel
    async with sessions() as session:
        org = await session.get(Organization, kestrel)
        assert org is not None and org.name == "Kestrel Dynamics"
    assert await _in_tx(sessions, find_organization, "kestrel") == kestrel


async def test_analyst_alias_resolves_and_conflicts(sessions: Sessions) -> None:
    dana = await _in_tx(sessions, resolve_person, "Dana Whitfield")
    kim = await _in_tx(sessions, resolve_person, "Kim Sato")
    row = await add_person_alias(sessions, dana, "D. J. Whitfield")
    assert (row.alias, row.alias_key, row.origin, row.person_id) == (
        "D. J. Whitfield",
        "d j whitfield",
        "analyst",
        dana,
    )
    assert await _in_tx(sessions, resolve_person, "D.J. Whitfield") == dana
    again = await add_person_alias(sessions, dana, "d j whitfield")
    assert again.id == row.id
    with pytest.raises(Conflict, match=r"already names person \d+ \(Dana Whitfield\)"):
        await add_person_alias(sessions, kim, "D J Whitfield")
    with pytest.raises(Conflict, match="Kim Sato"):
        await add_person_alias(sessions, dana, "kim sato")
    with pytest.raises(NotFound):
        await add_person_alias(sessions, 9999, "Someone")
    with pytest.raises(InvalidInput):
        await add_person_alias(sessions, dana, "...")


async def test_analyst_organization_alias(sessions: Sessions) -> None:
    harbor = await _in_tx(sessions, resolve_organization, "Harbor Media")
    row = await add_organization_alias(sessions, harbor, "The Harbor")
    assert (row.alias_key, row.origin) == ("harbor", "analyst")
    assert await _in_tx(sessions, resolve_organization, "Harbor") == harbor


async def test_merge_people_moves_events_and_aliases(sessions: Sessions) -> None:
    dana = await _in_tx(sessions, resolve_person, "Dana Whitfield")
    dup = await _in_tx(sessions, resolve_person, "Dana Whitfeld")
    await add_person_alias(sessions, dup, "D. Whitfeld")
    async with sessions() as session, session.begin():
        session.add(Event(type="departure", person_id=dup, details={}))
    target = await merge_people(sessions, dup, dana)
    assert target.id == dana
    async with sessions() as session:
        event = (await session.execute(select(Event))).scalar_one()
        aliases = sorted((await session.execute(select(PersonAlias.alias, PersonAlias.person_id))).all())
        source = await session.get(Person, dup)
    assert event.person_id == dana
    assert [tuple(a) for a in aliases] == [("D. Whitfeld", dana), ("Dana Whitfeld", dana)]
    assert source is not None and source.merged_into_id == dana
    # The misspelling now resolves to the merged target, by key and by alias.
    assert await _in_tx(sessions, resolve_person, "Dana Whitfeld") == dana
    assert await _in_tx(sessions, resolve_person, "D. Whitfeld") == dana


async def test_merge_refusals(sessions: Sessions) -> None:
    a = await _in_tx(sessions, resolve_organization, "Brightwater Systems")
    b = await _in_tx(sessions, resolve_organization, "Brightwater Sys")
    c = await _in_tx(sessions, resolve_organization, "Kestrel Dynamics")
    with pytest.raises(Conflict, match="into itself"):
        await merge_organizations(sessions, a, a)
    with pytest.raises(NotFound):
        await merge_organizations(sessions, a, 9999)
    await merge_organizations(sessions, b, a)
    with pytest.raises(Conflict, match="was itself merged"):
        await merge_organizations(sessions, c, b)
    with pytest.raises(Conflict, match="already merged"):
        await merge_organizations(sessions, b, c)
    # A chain collapses: merging the target elsewhere repoints what was merged into it.
    await merge_organizations(sessions, a, c)
    async with sessions() as session:
        merged = await session.get(Organization, b)
        assert merged is not None and merged.merged_into_id == c
    assert await _in_tx(sessions, resolve_organization, "Brightwater Sys") == c


async def test_merging_people_folds_events_that_state_one_fact(
    sessions: Sessions, fake_extract: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
    a = fake_extract.add(
        "A", extracted(date="2025-10", precision="month"), extracted("award", date="2021", precision="year")
    )
    b = fake_extract.add("B", extracted(person="Dana Whitfeld", date="2025-10-20", precision="day"))
    first = await ingest_article(sessions, ArticleInput(text=a, published_at=published))
    second = await ingest_article(sessions, ArticleInput(text=b, published_at=published))
    seen: list[EventChange] = []

    async def spy(session: AsyncSession, changes: Sequence[EventChange]) -> int:
        seen.extend(changes)
        return 0

    monkeypatch.setattr("tenure.webhooks.outbox.enqueue_event_changes", spy)
    departure = first.events[0]
    await merge_people(sessions, second.events[0].person_id, departure.person_id)  # type: ignore[arg-type]

    async with sessions() as session:
        events = (await session.execute(select(Event).order_by(Event.id))).scalars().all()
        sources = (await session.execute(select(EventSource).order_by(EventSource.id))).scalars().all()
    assert [(e.id, e.type, e.date, e.revision) for e in events] == [
        (departure.id, "departure", "2025-10-20", 2),
        (first.events[1].id, "award", "2021", 1),
    ]
    assert [(s.event_id, s.article_id) for s in sources if s.event_id == departure.id] == [
        (departure.id, first.article.id),
        (departure.id, second.article.id),
    ]
    # The folded copy is retracted (pointing at the survivor), the survivor refined.
    assert seen == [
        EventChange(event_id=second.events[0].id, kind="folded", folded_into=departure.id),
        EventChange(event_id=departure.id, kind="date_refined"),
    ]
