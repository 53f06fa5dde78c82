"""The lean reads' own asyncpg pool: used where it can run a statement, refused where it cannot,
and a connection the server dropped costs no failed read. (tests/api/test_lean_reads.py checks
its pages byte for byte against the ORM path.)"""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest
from conftest import PG_ADMIN_URL
from sqlalchemy import Column, bindparam, literal_column, select

from tenure.models import Organization
from tenure.models.base import UtcDateTime
from tenure.models.db import create_engine, session_factory
from tenure.names.keys import name_key
from tenure.timelines.direct import REUSABLE_PLAN, DirectReads
from tenure.timelines.filters import parse_filter
from tenure.timelines.reads import events_query, timeline_query

pytestmark = pytest.mark.postgres


@pytest.fixture
def backend(pg_available: bool) -> str:
    if not pg_available:
        pytest.skip("PostgreSQL not reachable (set CI=true to make this a failure)")
    return "postgres"


@pytest.fixture
async def direct(database_url: str) -> AsyncIterator[DirectReads]:
    engine = create_engine(database_url)
    async with session_factory(engine)() as session, session.begin():
        session.add(
            Organization(id=7, name="Kestrel Works", name_key=name_key("Kestrel Works", "organization"))
        )
    reads = await DirectReads.open(engine)
    assert reads is not None
    try:
        yield reads
    finally:
        await reads.close()
        await engine.dispose()


async def on_the_test_database(query: str, database_url: str) -> list[asyncpg.Record]:
    """An administrator's query about the test's database (its name as $1), on a connection of
    its own."""
    admin = await asyncpg.connect(PG_ADMIN_URL)
    try:
        rows: list[asyncpg.Record] = await admin.fetch(query, database_url.rsplit("/", 1)[1])
    finally:
        await admin.close()
    return rows


async def test_sqlite_gets_no_pool() -> None:
    engine = create_engine("sqlite+aiosqlite:///:memory:")
    try:
        assert await DirectReads.open(engine) is None
    finally:
        await engine.dispose()


async def test_a_timeline_statement_runs_on_the_pool_with_its_bound_literals(direct: DirectReads) -> None:
    statement, parameters = timeline_query("organization", 7, parse_filter(), None, 5)
    rows = await direct.rows(statement, parameters)
    # The subject's row alone (no events): the state literal SQLAlchemy bound was sent too.
    assert rows is not None
    assert [tuple(row[:4]) for row in rows] == [(7, "Kestrel Works", None, None)]


@pytest.mark.parametrize("types", [["departure"], ["departure,award"], ["award,founding,appointment"]])
async def test_an_in_list_gets_one_placeholder_per_value(direct: DirectReads, types: list[str]) -> None:
    statement, parameters = timeline_query("organization", 7, parse_filter(types=types), None, 5)
    compiled = direct._compiled_for(statement)
    assert compiled is not None
    sql, arguments = compiled.query(parameters)
    assert sorted(a for a in arguments if isinstance(a, str) and a != "active") == sorted(
        ",".join(types).split(",")
    )
    assert await direct.rows(statement, parameters) is not None


async def test_a_value_sqlalchemy_must_convert_is_left_to_sqlalchemy(direct: DirectReads) -> None:
    stamp = Column("stamp", UtcDateTime())
    statement = select(literal_column("1")).where(stamp > bindparam("moment", type_=UtcDateTime()))
    assert await direct.rows(statement, {"moment": None}) is None


async def test_a_dropped_connection_is_replaced_without_a_failed_read(
    direct: DirectReads, database_url: str
) -> None:
    statement, parameters = timeline_query("organization", 7, parse_filter(), None, 5)
    assert await direct.rows(statement, parameters)
    # The server ends every connection of the pool, as a restart would.
    ended = await on_the_test_database(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        " WHERE datname = $1 AND pid <> pg_backend_pid()",
        database_url,
    )
    assert ended[0][0] >= 1
    rows = await direct.rows(statement, parameters)
    assert rows is not None and rows[0][1] == "Kestrel Works"


async def test_a_read_whose_connection_dies_mid_statement_is_tried_once_more(
    direct: DirectReads, monkeypatch: pytest.MonkeyPatch
) -> None:
    statement, parameters = timeline_query("organization", 7, parse_filter(), None, 5)
    real_fetch = direct._fetch
    calls: list[str] = []

    async def dies_once(pool: asyncpg.Pool, sql: str, arguments: list[object]) -> list[asyncpg.Record]:
        calls.append(sql)
        if len(calls) == 1:
            raise asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation")
        return await real_fetch(pool, sql, arguments)

    monkeypatch.setattr(direct, "_fetch", dies_once)
    rows = await direct.rows(statement, parameters)
    assert len(calls) == 2
    assert rows is not None and rows[0][1] == "Kestrel Works"


async def test_a_read_that_fails_twice_raises_for_the_503_handler(
    direct: DirectReads, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def always_dies(pool: asyncpg.Pool, sql: str, arguments: list[object]) -> list[asyncpg.Record]:
        raise ConnectionRefusedError("the server is down")

    monkeypatch.setattr(direct, "_fetch", always_dies)
    statement, parameters = timeline_query("organization", 7, parse_filter(), None, 5)
    with pytest.raises(ConnectionRefusedError):
        await direct.rows(statement, parameters)


async def test_a_read_that_timed_out_is_not_tried_again(
    direct: DirectReads, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    async def too_slow(pool: asyncpg.Pool, sql: str, arguments: list[object]) -> list[asyncpg.Record]:
        calls.append(sql)
        raise TimeoutError

    monkeypatch.setattr(direct, "_fetch", too_slow)
    statement, parameters = timeline_query("organization", 7, parse_filter(), None, 5)
    with pytest.raises(TimeoutError):
        await direct.rows(statement, parameters)
    assert len(calls) == 1


async def test_a_connection_goes_back_to_the_pool_without_a_reset_round_trip(
    direct: DirectReads, database_url: str
) -> None:
    statement, parameters = timeline_query("organization", 7, parse_filter(), None, 5)
    assert await direct.rows(statement, parameters)
    # An idle backend shows the last statement it ran: the read, not asyncpg's default reset
    # (pg_advisory_unlock_all, CLOSE ALL, UNLISTEN *, RESET ALL) sent on every release.
    last = await on_the_test_database(
        "SELECT query FROM pg_stat_activity WHERE datname = $1 AND state = 'idle'"
        " AND backend_type = 'client backend'",
        database_url,
    )
    pooled = [row["query"] for row in last if "event_sources" in row["query"] or "RESET" in row["query"]]
    assert len(pooled) == 1
    assert pooled[0].startswith("SELECT subject.subject_id")


async def test_filtered_reads_are_planned_for_their_own_values(
    direct: DirectReads, database_url: str
) -> None:
    # A generic plan, picked after five runs of a prepared statement, can sort a whole skewed
    # timeline for one filtered page: those reads, and the engine's statements, are planned for
    # their values; a plain page (an index scan in page order whatever its values) may reuse one.
    setting = select(literal_column("current_setting('plan_cache_mode')"))
    plans = {}
    for reusable in (False, True):
        rows = await direct.rows(setting.execution_options(**{REUSABLE_PLAN: reusable}), {})
        assert rows is not None
        plans[reusable] = rows[0][0]
    assert plans == {False: "force_custom_plan", True: "auto"}
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(setting)).scalar() == "force_custom_plan"
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("filters", "reusable"),
    [
        ({}, True),
        ({"types": ["departure"]}, False),
        ({"since": "2020"}, False),
        ({"min_confidence": 0.9}, False),
    ],
)
def test_only_filtered_pages_of_a_subject_are_planned_per_read(
    filters: dict[str, object], reusable: bool
) -> None:
    for statement, _values in (
        timeline_query("person", 3, parse_filter(**filters), None, 5),
        events_query(parse_filter(**filters), None, 5, organization_id=4),
    ):
        assert bool(statement.get_execution_options().get(REUSABLE_PLAN)) is reusable
    # Across everyone, no one's size decides between the indexes.
    statement, _values = events_query(parse_filter(**filters), None, 5)
    assert statement.get_execution_options().get(REUSABLE_PLAN) is True
