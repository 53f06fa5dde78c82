"""Run the Alembic migrations programmatically (the CLI, the server's start-up check, tests)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from tenure.errors import SchemaOutOfDate

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
T = TypeVar("T")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["database_url"] = url
    return cfg


def run_blocking(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even when an event loop is running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


async def current_revision(url: str) -> str | None:
    from tenure.models.db import create_engine

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:

            def read(sync_conn: Connection) -> str | None:
                return MigrationContext.configure(sync_conn).get_current_revision()

            return await conn.run_sync(read)
    finally:
        await engine.dispose()


async def ensure_current(url: str) -> None:
    """Refuse to serve a database behind the code's migrations, saying what to run."""
    current = await current_revision(url)
    head = head_revision()
    if current != head:
        where = "empty (never migrated)" if current is None else f"at revision {current}"
        raise SchemaOutOfDate(
            f"the database is {where} but this version of tenure needs {head}: run `tenure db upgrade`"
        )
