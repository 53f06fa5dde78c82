"""Shared fixtures: a fresh, migrated database per test on every back end.

Each back end is migrated once per session into a template (the real Alembic migrations, never
create_all); each test then gets its own copy: a file copy for SQLite, CREATE DATABASE ...
TEMPLATE for PostgreSQL. With CI=true an unreachable PostgreSQL fails the run instead of skipping.
"""

from __future__ import annotations

import asyncio
import importlib.util
import itertools
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from webhooks.receiver import Receiver

from tenure.models.db import create_engine, session_factory

PG_ADMIN_URL = os.environ.get("TENURE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
BACKENDS = ("sqlite", "postgres")
_counter = itertools.count()


def _pg_url(dbname: str, driver: str = "postgresql+asyncpg") -> str:
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    return f"{base.replace('postgresql', driver, 1)}/{dbname}"


async def _pg_execute(*statements: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        for sql in statements:
            await conn.execute(sql)
    finally:
        await conn.close()


def pg_execute(*statements: str) -> None:
    asyncio.run(_pg_execute(*statements))


@pytest.fixture(scope="session")
def pg_available() -> bool:
    try:
        pg_execute("SELECT 1")
        return True
    except Exception as exc:
        if IN_CI:
            pytest.fail(f"CI=true but PostgreSQL at {PG_ADMIN_URL} is unreachable: {exc}")
        return False


class _Templates:
    """Migrated template databases, built on first use and dropped at session end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sqlite_file: Path | None = None
        self.pg_name: str | None = None

    def sqlite(self) -> Path:
        if self.sqlite_file is None:
            from tenure.models.migrate import upgrade

            path = self.root / "template.db"
            upgrade(f"sqlite+aiosqlite:///{path}")
            self.sqlite_file = path
        return self.sqlite_file

    def postgres(self) -> str:
        if self.pg_name is None:
            from tenure.models.migrate import upgrade

            name = f"tenure_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            pg_execute(f'CREATE DATABASE "{name}"')
            upgrade(_pg_url(name))
            self.pg_name = name
        return self.pg_name

    def close(self) -> None:
        if self.pg_name:
            pg_execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Templates]:
    t = _Templates(tmp_path_factory.mktemp("templates"))
    yield t
    t.close()


def fresh_database_url(backend: str, templates: _Templates, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        path = tmp_path / f"tenure-{next(_counter)}.db"
        shutil.copyfile(templates.sqlite(), path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    name = f"tenure_t_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
    pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{templates.postgres()}"')
    try:
        yield _pg_url(name)
    finally:
        pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, pg_available: bool) -> str:
    if request.param == "postgres" and not pg_available:
        pytest.skip("PostgreSQL not reachable (set CI=true to make this a failure)")
    return str(request.param)


@pytest.fixture
def database_url(backend: str, templates: _Templates, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database of the parametrised back end, private to this test."""
    yield from fresh_database_url(backend, templates, tmp_path)


@pytest.fixture
def empty_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty, unmigrated database (for migration tests)."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    name = f"tenure_e_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
    pg_execute(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(name)
    finally:
        pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared (the seed article and eval set) where it exists; skips elsewhere."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def scorer(shared_dir: Path) -> ModuleType:
    """../shared/eval/score.py, loaded as a module (it is a script, not an installed package)."""
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on 127.0.0.1 that records what it is sent (tests/webhooks/receiver.py)."""
    r = Receiver()
    yield r
    r.close()


async def new_api_key(database_url: str, label: str = "test suite") -> str:
    """The plaintext of a new active API key stored in that database (send it as a Bearer token)."""
    from tenure.security.keys import create_key

    engine = create_engine(database_url)
    try:
        return (await create_key(session_factory(engine), label)).plaintext
    finally:
        await engine.dispose()


@pytest.fixture
async def api_key(database_url: str) -> str:
    """An active API key in this test's database."""
    return await new_api_key(database_url)


@pytest.fixture
def auth_headers(api_key: str) -> dict[str, str]:
    """Headers that authenticate a request with `api_key`."""
    return {"Authorization": f"Bearer {api_key}"}


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A session factory on the test's private database; services open their own transactions."""
    engine = create_engine(database_url)
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()
