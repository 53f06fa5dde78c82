"""Opposite merges sent at the same moment: one wins, the other is refused, and no loop forms.

Twenty pairs of people (and of companies) are merged A -> B and B -> A concurrently, on both back
ends. Afterwards every entity resolves to a survivor that was merged nowhere, every pair has
exactly one survivor, and the refused call raised Conflict (the API's 409), never a loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import Conflict
from tenure.ingest.entities import merge_organizations, merge_people, resolve_organization, resolve_person
from tenure.models import Organization, Person
from tenure.models.db import create_engine
from tenure.models.migrate import run_blocking, upgrade

Sessions = async_sessionmaker[AsyncSession]
PAIRS = 20


async def _create(sessions: Sessions, resolve: Any, names: list[str]) -> list[int]:
    ids = []
    async with sessions() as session, session.begin():
        for name in names:
            row = await resolve(session, name)
            await session.flush()
            ids.append(row.id)
    assert len(set(ids)) == len(names)
    return ids


async def _race(sessions: Sessions, merge: Any, pairs: list[tuple[int, int]]) -> list[Any]:
    calls = []
    for a, b in pairs:
        calls.append(merge(sessions, a, b))
        calls.append(merge(sessions, b, a))
    return await asyncio.gather(*calls, return_exceptions=True)


def _roots(rows: dict[int, int | None], start: int) -> int:
    seen = set()
    current = start
    while rows[current] is not None:
        assert current not in seen, f"merge loop through {current}"
        seen.add(current)
        current = rows[current]  # type: ignore[assignment]
    return current


@pytest.mark.parametrize(
    ("model", "resolve", "merge", "label"),
    [
        pytest.param(Person, resolve_person, merge_people, "Vera Quill", id="people"),
        pytest.param(
            Organization, resolve_organization, merge_organizations, "Quillmark Labs", id="companies"
        ),
    ],
)
async def test_opposite_merges_leave_one_survivor_per_pair(
    sessions: Sessions, model: Any, resolve: Any, merge: Any, label: str
) -> None:
    names = [f"{label} {n} {side}" for n in range(PAIRS) for side in ("Alpha", "Beta")]
    ids = await _create(sessions, resolve, names)
    pairs = [(ids[2 * n], ids[2 * n + 1]) for n in range(PAIRS)]

    outcomes = await _race(sessions, merge, pairs)

    for n in range(PAIRS):
        first, second = outcomes[2 * n], outcomes[2 * n + 1]
        won = [o for o in (first, second) if not isinstance(o, BaseException)]
        refused = [o for o in (first, second) if isinstance(o, BaseException)]
        assert len(won) == 1, f"pair {n}: {first!r} / {second!r}"
        assert len(refused) == 1 and isinstance(refused[0], Conflict), f"pair {n}: {refused!r}"
    async with sessions() as session:
        rows = dict((await session.execute(select(model.id, model.merged_into_id))).all())
    for a, b in pairs:
        root_a, root_b = _roots(rows, a), _roots(rows, b)
        assert root_a == root_b and root_a in (a, b)
        assert rows[root_a] is None


async def test_merge_into_itself_or_into_a_merged_entity_is_a_conflict(sessions: Sessions) -> None:
    a, b, c = await _create(sessions, resolve_person, ["Ines Marlow", "Ines Marlowe", "Otto Brandt"])
    with pytest.raises(Conflict, match="into itself"):
        await merge_people(sessions, a, a)
    await merge_people(sessions, b, a)
    with pytest.raises(Conflict, match="was itself merged"):
        await merge_people(sessions, c, b)
    with pytest.raises(Conflict, match="already merged"):
        await merge_people(sessions, b, c)


def test_migration_repairs_stored_loops_and_refuses_new_ones(empty_database_url: str) -> None:
    """A database the old race corrupted (a two-way loop, a self-loop, a chain) comes out whole."""
    url = empty_database_url
    upgrade(url, "0003_webhooks")
    created = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

    async def corrupt() -> None:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                for n in range(1, 7):
                    await conn.execute(
                        text("INSERT INTO people (id, name, name_key, created_at) VALUES (:id, :n, :n, :t)"),
                        {"id": n, "n": f"person {n}", "t": created},
                    )
                # 1 <-> 2 loop; 3 -> 3; 4 -> 5 -> 6 chain.
                for node, into in ((1, 2), (2, 1), (3, 3), (4, 5), (5, 6)):
                    await conn.execute(_POINT, {"into": into, "id": node})
        finally:
            await engine.dispose()

    async def read_then_try_bad_pointers() -> dict[int, int | None]:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                rows = dict((await conn.execute(text("SELECT id, merged_into_id FROM people"))).all())
            for node, into in ((6, 6), (6, 4)):  # onto oneself; onto a merged row
                with pytest.raises(DBAPIError, match="survivor"):
                    async with engine.begin() as conn:
                        await conn.execute(_POINT, {"into": into, "id": node})
        finally:
            await engine.dispose()
        return rows

    run_blocking(corrupt())
    upgrade(url)
    assert run_blocking(read_then_try_bad_pointers()) == {1: None, 2: 1, 3: None, 4: 6, 5: 6, 6: None}


_POINT = text("UPDATE people SET merged_into_id = :into WHERE id = :id")
