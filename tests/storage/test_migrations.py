"""Migrations go up, down and up again on both back ends, and match the models exactly."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from tenure.models.base import Base
from tenure.models.db import create_engine
from tenure.models.migrate import current_revision, downgrade, head_revision, run_blocking, upgrade


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def _drift(url: str) -> list[Any]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:

            def diff(sync_conn: Connection) -> list[Any]:
                ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})
                return list(compare_metadata(ctx, Base.metadata))

            return await conn.run_sync(diff)
    finally:
        await engine.dispose()


def test_up_down_up(empty_database_url: str) -> None:
    url = empty_database_url
    upgrade(url)
    assert run_blocking(current_revision(url)) == head_revision()
    assert {"articles", "events", "event_sources", "people", "organizations"} <= run_blocking(_tables(url))
    downgrade(url, "base")
    assert run_blocking(current_revision(url)) is None
    assert run_blocking(_tables(url)) <= {"alembic_version"}
    upgrade(url)
    assert run_blocking(current_revision(url)) == head_revision()


def test_models_match_migrations(database_url: str) -> None:
    # The `alembic check` of CI: a model change without its migration fails here.
    assert run_blocking(_drift(database_url)) == []
