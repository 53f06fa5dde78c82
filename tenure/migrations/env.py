"""Alembic environment: async engines for both back ends, batch mode so SQLite can alter tables."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

import tenure.models  # noqa: F401  (registers every table on Base.metadata)
from tenure.models.base import Base
from tenure.models.db import create_engine
from tenure.models.migrate import run_blocking

config = context.config
target_metadata = Base.metadata


def do_run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    assert url, "no database URL given to the migrations"
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(do_run_migrations)
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run `tenure db upgrade`")
run_blocking(run_async_migrations())
