"""The hostile table (tests/hostile/cases.py) against a live `tenure serve` on both back ends.

The in-process client skips uvicorn's own parsing and the real socket; here every row travels
over HTTP to a server process. Each is refused with its problem, never a 500, stores nothing,
and the server's log holds no traceback when it stops.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cli.test_serve import ROOT, TENURE, free_port
from conftest import BACKENDS, _Templates, fresh_database_url, new_api_key
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hostile.cases import CASES, Hostile, assert_refused, stored_counts
from tenure.models.db import create_engine, session_factory


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    database_url: str
    key: str


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest,
    pg_available: bool,
    templates: _Templates,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[LiveServer]:
    """`tenure serve` on a free 127.0.0.1 port and a private database, one per back end."""
    if request.param == "postgres" and not pg_available:
        pytest.skip("PostgreSQL not reachable (set CI=true to make this a failure)")
    folder = tmp_path_factory.mktemp(f"live-{request.param}")
    for url in fresh_database_url(request.param, templates, folder):
        yield from _serve(url, folder / "server.log")


def _serve(url: str, log: Path) -> Iterator[LiveServer]:
    key = asyncio.run(new_api_key(url, "hostile table"))
    port = free_port()
    env = {**os.environ, "TENURE_DATABASE_URL": url, "TENURE_RATE_LIMIT_PER_MINUTE": "0"}
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [*TENURE, "serve", "--port", str(port), "--no-worker"],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_answering(base, server)
            yield LiveServer(base_url=base, database_url=url, key=key)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    output = log.read_text(errors="replace")
    assert "Traceback" not in output and " 500 " not in output, output[-3000:]


def _wait_until_answering(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "tenure serve exited before answering"
        try:
            if httpx.get(f"{base}/schema/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("tenure serve did not answer within 60 s")


@pytest.fixture
async def live_sessions(live: LiveServer) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(live.database_url)
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
async def test_a_live_server_refuses_each_hostile_request_and_stores_nothing(
    live: LiveServer, live_sessions: async_sessionmaker[AsyncSession], case: Hostile
) -> None:
    before = await stored_counts(live_sessions)
    headers = {"content-type": "application/json"}
    if case.authorized:
        headers["authorization"] = f"Bearer {live.key}"
    async with httpx.AsyncClient(base_url=live.base_url, timeout=60) as http:
        response = await http.request(case.method, case.path, content=case.body, headers=headers)
    assert_refused(response, case)
    assert await stored_counts(live_sessions) == before
