"""`tenure serve --workers N`: N server processes on one port, the webhook worker once."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from cli.test_serve import ROOT, TENURE, env_for, free_port

from tenure.cli import serve as serve_module
from tenure.settings import Settings


def _serve(url: str, workers: int) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    server = subprocess.Popen(
        [*TENURE, "serve", "--port", str(port), "--workers", str(workers), "--no-worker"],
        env={**env_for(url), "TENURE_LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    return server, port


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The parent pid is the 2nd field after the parenthesised command name.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _get(url: str, deadline: float) -> Any:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_two_workers_answer_on_one_port(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("several server processes are for PostgreSQL (SQLite keeps one)")
    server, port = _serve(database_url, 2)
    try:
        deadline = time.monotonic() + 60
        for _ in range(8):
            assert _get(f"http://127.0.0.1:{port}/events?limit=5", deadline) == {
                "items": [],
                "next_cursor": None,
            }
        # uvicorn's supervisor runs two server processes (and the spawn machinery may add one).
        servers = [
            pid for pid in _children(server.pid) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        assert len(servers) == 2
        # Whichever process answered, /metrics adds up all of them (prometheus multiprocess mode).
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            exposition = response.read().decode()
        counts = [
            float(line.rsplit(" ", 1)[1])
            for line in exposition.splitlines()
            if line.startswith("tenure_http_request_duration_seconds_count") and 'route="/events"' in line
        ]
        assert sum(counts) == 8
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        assert server.stderr is not None
        assert "Traceback" not in server.stderr.read()


def test_sqlite_keeps_one_process_and_says_so(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'one.db'}"
    subprocess.run([*TENURE, "db", "upgrade"], env=env_for(url), check=True, capture_output=True, cwd=ROOT)
    server, port = _serve(url, 3)
    try:
        assert _get(f"http://127.0.0.1:{port}/events", time.monotonic() + 60)["items"] == []
        assert _children(server.pid) == []
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert server.stderr is not None
    first = server.stderr.read().splitlines()[0]
    assert first.startswith("tenure: SQLite serves from one process") and "--workers" in first


def test_workers_below_one_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'none.db'}"
    done = subprocess.run(
        [*TENURE, "serve", "--workers", "0"],
        env=env_for(url),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "tenure: --workers must be at least 1, got 0"


def test_the_webhook_worker_runs_once_beside_the_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """However many server processes, one delivery worker, in the parent, stopped when they stop."""
    started: list[Settings] = []
    stopped: list[bool] = []

    def fake_worker(settings: Settings, stop: asyncio.Event) -> asyncio.Task[None]:
        started.append(settings)

        async def run() -> None:
            await stop.wait()
            stopped.append(True)

        return asyncio.get_running_loop().create_task(run())

    class FakeSupervisor:
        def __init__(self, config: Any, sockets: list[Any]) -> None:
            self.workers = config.workers
            for sock in sockets:
                sock.close()

        def run(self) -> None:
            time.sleep(0.3)  # the worker thread starts meanwhile

    async def schema_is_current(_settings: Settings) -> None:
        return None

    monkeypatch.setattr(serve_module, "start_worker", fake_worker)
    monkeypatch.setattr(serve_module, "_check_schema", schema_is_current)
    monkeypatch.setattr("uvicorn.supervisors.Multiprocess", FakeSupervisor)
    # serve_processes exports the folder and switches prometheus-client to it: undo both after.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    monkeypatch.setattr("tenure.observability.multiprocess._switch_loaded_client", lambda: None)
    monkeypatch.setenv("TENURE_HOST", "127.0.0.1")  # serve_processes exports these; monkeypatch restores
    monkeypatch.setenv("TENURE_PORT", "0")
    settings = Settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none", port=free_port())
    args = argparse.Namespace(host=None, port=None, no_worker=False, workers=4, demo_links=False)
    assert serve_module.run_serve(args, settings) == 0
    assert len(started) == 1 and stopped == [True]
    # prometheus-client's multiprocess mode gets a fresh folder for the processes' metrics.
    folder = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    assert Path(folder).is_dir() and not any(Path(folder).iterdir())


def test_connections_on_the_shared_socket_send_without_delay() -> None:
    """The socket --workers shares is marked TCP, so asyncio sets TCP_NODELAY on each accepted
    connection: a keep-alive response must not wait for the client's delayed ACK."""
    import socket

    import uvicorn

    config = uvicorn.Config("tenure.api.app:app_from_environment", host="127.0.0.1", port=free_port())
    listener = serve_module.tcp_listener(config.bind_socket())
    nodelay: list[int] = []

    async def accept_one() -> None:
        def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            nodelay.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connection, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        for _ in range(100):
            if nodelay:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    try:
        assert listener.proto == socket.IPPROTO_TCP
        asyncio.run(accept_one())
    finally:
        listener.close()
    assert nodelay == [1]
