"""Turn "cannot reach the database" failures into one DatabaseUnavailable with a readable message.

Connection failures surface differently per back end and driver: asyncpg raises OSError
(refused, unknown host) or a wrapped DBAPIError ("database does not exist"); SQLite raises
OperationalError ("unable to open database file"). Entry points (CLI, server start-up) wrap
their database work in `database_errors(url)`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

from tenure.errors import DatabaseUnavailable

# Errors that mean the database cannot be reached (or opened), whatever the statement was.
UNREACHABLE = (OperationalError, InterfaceError, OSError, TimeoutError)


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def check_sqlite_folder(url: str) -> None:
    """Refuse an SQLite file in a folder that does not exist, before the driver tries.

    (aiosqlite's worker thread outlives a failed connect and then reports to a closed loop.)
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return
    database = parsed.database or ""
    if (
        not parsed.drivername.startswith("sqlite")
        or database in ("", ":memory:")
        or database.startswith("file:")
    ):
        return
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise DatabaseUnavailable(
            f"cannot use the database at {safe_url(url)}: the folder {folder} does not exist "
            "(check TENURE_DATABASE_URL)"
        )


def unavailable(url: str, exc: BaseException) -> DatabaseUnavailable:
    return DatabaseUnavailable(
        f"cannot use the database at {safe_url(url)}: {reason(exc)} (check TENURE_DATABASE_URL)"
    )


@asynccontextmanager
async def database_errors(url: str, *, connecting: bool = False) -> AsyncIterator[None]:
    """Re-raise unreachable-database errors as DatabaseUnavailable.

    With connecting=True every driver error counts (nothing but the connection ran yet).
    """
    if connecting:
        check_sqlite_folder(url)
    try:
        yield
    except _caught(connecting) as exc:
        raise unavailable(url, exc) from exc


@contextmanager
def sync_database_errors(url: str, *, connecting: bool = False) -> Iterator[None]:
    """`database_errors` for synchronous callers (the migration commands)."""
    if connecting:
        check_sqlite_folder(url)
    try:
        yield
    except _caught(connecting) as exc:
        raise unavailable(url, exc) from exc


def _caught(connecting: bool) -> tuple[type[BaseException], ...]:
    return (*UNREACHABLE, DBAPIError) if connecting else UNREACHABLE
