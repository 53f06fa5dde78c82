"""The hot reads straight on asyncpg, beside SQLAlchemy's pool, on PostgreSQL.

A timeline or /events page is one statement (tenure.timelines.reads). Run through SQLAlchemy's
async engine, each one costs a pool checkout, a greenlet hand-off per driver call and the
result's row wrapping: about 0.8 ms of CPU against 0.35 ms for the same statement on a bare
asyncpg pool. So the lean reads compile their statement once, with SQLAlchemy, to PostgreSQL
text and a parameter order, and run it on small asyncpg pools of their own (two: one per
planning mode, see _PLANS): a timeline request
went from about 1.06 to 0.8-0.88 ms of CPU in process (bench/profile_api.py), and the server's
CPU per request under bench/api.py from 1.44 to 1.04 ms (medians). Everything else (writes,
sessions, pages, exports) keeps SQLAlchemy.

The rows are asyncpg's own records: read by position, they give what SQLAlchemy's rows give for
these columns (JSON decoded by the codec set below, timestamps already aware and in UTC);
tests/api/test_lean_reads.py compares both for every statement shape. A statement whose values
SQLAlchemy must convert (bind processors) or render into the text is refused here (`rows`
returns None) and the caller runs it through SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import asyncpg
from sqlalchemy import Select
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.compiler import SQLCompiler as Compiled

from tenure.models.db import POSTGRES_CONNECT_ARGS, POSTGRES_POOL

__all__ = ["REUSABLE_PLAN", "DirectReads"]

# The execution option a statement carries when one plan serves all its values (see _PLANS).
REUSABLE_PLAN = "tenure_reusable_plan"
# Connections plan each statement for its values (POSTGRES_CONNECT_ARGS says why: a generic plan
# can sort a skewed subject's whole timeline for one filtered page). For a page without that risk
# (tenure.timelines.reads._planned) the generic plan is the index scan in page order any values
# would get, and keeping it saves planning, about 0.3 ms of PostgreSQL's CPU: such statements,
# marked REUSABLE_PLAN, run on a pool that lets PostgreSQL choose.
_PLANS = {True: {"plan_cache_mode": "auto"}, False: {}}

# Keys SQLAlchemy's asyncpg dialect takes from the URL for itself, not for asyncpg.connect.
_DIALECT_ONLY = ("prepared_statement_cache_size", "prepared_statement_name_func", "async_fallback")
# A connection that failed this way is dead or the server restarted: reads are idempotent, so
# the read is tried once more on a fresh connection before the error reaches the caller (a 503).
_CONNECTION_LOST = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.exceptions.InternalClientError,  # a connection the server ended while it was handed out
)


class _Compiled:
    """One statement as PostgreSQL text and its arguments in order, with the values SQLAlchemy
    bound in it (literals such as the events' state). An IN list (types, statuses) is expanded
    at each read to as many placeholders as it has values, as SQLAlchemy itself does."""

    __slots__ = ("compiled", "defaults", "expands", "names", "reusable", "sql")

    def __init__(self, compiled: Compiled, reusable: bool) -> None:
        self.compiled = compiled
        self.reusable = reusable
        self.expands = bool(compiled.post_compile_params)
        self.sql = compiled.string
        self.names = tuple(compiled.positiontup or ())
        self.defaults = {
            name: bind.effective_value for bind, name in compiled.bind_names.items() if not bind.required
        }

    def query(self, parameters: dict[str, Any]) -> tuple[str, Sequence[Any]]:
        if self.expands:
            expanded = self.compiled.construct_expanded_state(parameters)
            return expanded.statement, expanded.positional_parameters
        values = {**self.defaults, **parameters}
        return self.sql, [values[name] for name in self.names]


def _direct(statement: Select[Any], dialect: Dialect) -> _Compiled | None:
    compiled = statement.compile(dialect=dialect)
    if compiled.literal_execute_params or compiled._bind_processors:
        return None  # values SQLAlchemy must convert or render itself
    return _Compiled(compiled, bool(statement.get_execution_options().get(REUSABLE_PLAN)))


async def _keep_session(connection: asyncpg.Connection) -> None:
    """The pool's reset: nothing beyond asyncpg's own (a transaction left open is rolled back).
    By default asyncpg sends `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`
    on every release: a second round trip per read, and as much of PostgreSQL's CPU as the read
    itself. These connections only ever run single SELECTs: they take no locks, open no cursors,
    listen to nothing and set nothing, so there is nothing to reset."""


async def _decode_json(connection: asyncpg.Connection) -> None:
    # As SQLAlchemy's dialect does: json and jsonb come back as Python objects.
    for name in ("json", "jsonb"):
        await connection.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


class DirectReads:
    """Two pools of asyncpg connections for the lean reads, one per planning mode (see _PLANS);
    open with `open`, close with `close`."""

    def __init__(self, pools: dict[bool, asyncpg.Pool], dialect: Dialect, acquire_timeout: float) -> None:
        self._pools = pools
        self._acquire_timeout = acquire_timeout
        self._dialect = dialect
        # By the statement itself (hashed by identity): timelines.reads builds each shape once.
        self._compiled: dict[Select[Any], _Compiled | None] = {}

    @classmethod
    async def open(cls, engine: AsyncEngine, size: int = POSTGRES_POOL["pool_size"]) -> DirectReads | None:
        """The pools on the engine's database when it is PostgreSQL through asyncpg, else None.
        No connection is made until the first read, so a server that is down fails that read (a
        503), not the start-up."""
        dialect = engine.dialect
        if dialect.driver != "asyncpg":
            return None
        _args, options = dialect.create_connect_args(engine.url)
        for key in _DIALECT_ONLY:
            options.pop(key, None)
        connect = {**POSTGRES_CONNECT_ARGS, **options}
        pools = {}
        for reusable, planning in _PLANS.items():
            settings = {**connect.get("server_settings", {}), **planning}
            pools[reusable] = await asyncpg.create_pool(
                **{**connect, "server_settings": settings},
                min_size=0,
                max_size=size,
                init=_decode_json,
                reset=_keep_session,
            )
        return cls(pools, dialect, POSTGRES_POOL["pool_timeout"])

    async def close(self) -> None:
        for pool in self._pools.values():
            await pool.close()

    async def rows(self, statement: Select[Any], parameters: dict[str, Any]) -> Sequence[Any] | None:
        """The statement's rows, or None when it must run through SQLAlchemy."""
        compiled = self._compiled_for(statement)
        if compiled is None:
            return None
        pool = self._pools[compiled.reusable]
        sql, arguments = compiled.query(parameters)
        try:
            return await self._fetch(pool, sql, arguments)
        except TimeoutError:
            raise  # an OSError too, but a busy pool or a slow statement: trying again waits twice
        except _CONNECTION_LOST:
            await pool.expire_connections()
            return await self._fetch(pool, sql, arguments)

    def _compiled_for(self, statement: Select[Any]) -> _Compiled | None:
        if statement not in self._compiled:
            self._compiled[statement] = _direct(statement, self._dialect)
        return self._compiled[statement]

    async def _fetch(self, pool: asyncpg.Pool, sql: str, arguments: Sequence[Any]) -> list[asyncpg.Record]:
        # A pool that stays busy past the timeout raises TimeoutError: a 503, as SQLAlchemy's does.
        async with pool.acquire(timeout=self._acquire_timeout) as connection:
            rows: list[asyncpg.Record] = await connection.fetch(sql, *arguments)
        return rows
