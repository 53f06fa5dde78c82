"""Run the Alembic migrations programmatically (the CLI, the server's start-up check, tests)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from tenure.errors import InvalidInput, SchemaOutOfDate

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
    with _revision_errors(revision):
        command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    with _revision_errors(revision):
        command.downgrade(alembic_config(url), revision)


@contextmanager
def _revision_errors(revision: str) -> Iterator[None]:
    """Alembic's CommandError (an unknown revision, a downgrade target above the current one) is
    the user's input, so it is one InvalidInput line naming the revisions there are."""
    try:
        yield
    except CommandError as exc:
        script = ScriptDirectory.from_config(alembic_config("sqlite://"))
        known = ", ".join(rev.revision for rev in reversed(list(script.walk_revisions())))
        raise InvalidInput(f"cannot migrate to {revision!r}: {exc} (revisions: base, {known}, head)") from exc


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def _missing_sqlite_file(url: str) -> bool:
    """An SQLite file that does not exist yet: connecting would create it empty."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False
    database = parsed.database or ""
    if not parsed.drivername.startswith("sqlite") or database in ("", ":memory:"):
        return False
    return not database.startswith("file:") and not Path(database).expanduser().exists()


async def current_revision(url: str) -> str | None:
    """The database's revision; None when it was never migrated (a missing SQLite file stays missing)."""
    from tenure.models.db import create_engine

    if _missing_sqlite_file(url):
        return None
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
