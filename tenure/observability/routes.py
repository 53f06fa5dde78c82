"""/healthz, /readyz and /metrics: what a supervisor, a load balancer and Prometheus ask.

None needs an API key (tenure.api.auth.OPEN_PATH_PREFIXES) and none takes from a client's rate
limit, so a probe never fails because a busy client on the same address used its allowance.
/metrics is open as is usual for scraping on localhost or a private network: it shows request
rates and queue depths, no data. Put it behind the proxy's own rule if the port is public.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache

import msgspec
from alembic.runtime.migration import MigrationContext
from litestar import Response, get
from litestar.datastructures import State
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from tenure.errors import DatabaseUnavailable, SchemaOutOfDate
from tenure.models.availability import UNREACHABLE, reason
from tenure.models.migrate import head_revision
from tenure.observability.database_gauges import database_gauges
from tenure.observability.metrics import CONTENT_TYPE, render

__all__ = ["PROBE_PATHS", "READY_TIMEOUT_SECONDS", "healthz", "metrics", "readyz"]

PROBE_PATHS = ("/healthz", "/readyz", "/metrics")
# A probe that hangs is worse than one that fails: the database gets this long to answer.
READY_TIMEOUT_SECONDS = 5.0


class Ready(msgspec.Struct):
    status: str
    revision: str


@lru_cache(maxsize=1)
def _head() -> str:
    return head_revision()


@get("/healthz", include_in_schema=False, sync_to_thread=False)
def healthz() -> dict[str, str]:
    """The process is alive and answering; the database is not asked."""
    return {"status": "alive"}


@get("/readyz", include_in_schema=False)
async def readyz(state: State) -> Ready:
    """200 when the database answers and its schema is at this code's head revision; else 503."""
    engine: AsyncEngine = state.engine
    try:
        revision = await asyncio.wait_for(_revision(engine), READY_TIMEOUT_SECONDS)
    except TimeoutError as exc:
        raise DatabaseUnavailable(
            f"the database did not answer within {READY_TIMEOUT_SECONDS:g} seconds"
        ) from exc
    except (*UNREACHABLE, DBAPIError) as exc:
        raise DatabaseUnavailable(f"the database is unreachable: {reason(exc)}") from exc
    if revision != _head():
        where = "empty (never migrated)" if revision is None else f"at revision {revision}"
        raise SchemaOutOfDate(
            f"migrations are not at head: the database is {where}, this version needs {_head()} "
            "(run `tenure db upgrade`)"
        )
    return Ready(status="ready", revision=revision)


async def _revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:

        def read(sync_conn: Connection) -> str | None:
            return MigrationContext.configure(sync_conn).get_current_revision()

        return await conn.run_sync(read)


@get("/metrics", include_in_schema=False)
async def metrics(state: State) -> Response[bytes]:
    """Prometheus text format: this process's series (every worker's in multiprocess mode) and the
    outbox and source gauges read from the database now."""
    gauges = await database_gauges(state.sessions)
    return Response(content=render(gauges), media_type=CONTENT_TYPE)
