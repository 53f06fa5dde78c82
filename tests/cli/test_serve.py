"""`tenure serve` as a real process: one-line refusal on an old schema, demo links once serving."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from tenure.models.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
TENURE = [str(Path(sys.executable).parent / "tenure")]


def env_for(url: str) -> dict[str, str]:
    return {**os.environ, "TENURE_DATABASE_URL": url, "TENURE_SERVE_WORKER": "false"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_refuses_an_unmigrated_database_with_one_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    done = subprocess.run(
        [*TENURE, "serve", "--port", str(free_port())],
        env=env_for(url),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 69
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "run `tenure db upgrade`" in lines[0]


def test_serve_prints_a_timeline_link_that_answers(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}"
    upgrade(url)
    port = free_port()
    server = subprocess.Popen(
        [*TENURE, "serve", "--port", str(port), "--demo-links", "--no-worker"],
        env=env_for(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        # No events yet: the server points at POST /articles, then at the API description.
        assert f"http://127.0.0.1:{port}/articles" in first
        assert server.stdout.readline().strip() == f"API description: http://127.0.0.1:{port}/schema"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/people?q=anyone", timeout=10) as response:
            assert json.load(response) == {"items": [], "next_cursor": None}
    finally:
        server.send_signal(signal.SIGINT)
        # uvicorn re-raises the captured Ctrl-C once it has shut down: the CLI exits 130.
        assert server.wait(timeout=20) in (0, 130)


def test_demo_links_on_the_seeds_open_the_busiest_timelines_lecun_first(tmp_path: Path) -> None:
    """What `make run` prints: the busiest people's timelines, Yann LeCun's first, in date order."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'seeded.db'}"
    upgrade(url)
    subprocess.run([*TENURE, "ingest", "seeds/"], env=env_for(url), check=True, capture_output=True, cwd=ROOT)
    port = free_port()
    server = subprocess.Popen(
        [*TENURE, "serve", "--port", str(port), "--demo-links", "--no-worker"],
        env=env_for(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline().strip() for _ in range(7)]
        link = re.compile(rf"Open (http://127\.0\.0\.1:{port}/people/\d+/timeline)  \((.+), (\d+) events\)")
        links = [link.fullmatch(line) for line in lines[:3]]
        assert all(links), lines
        names = [m.group(2) for m in links if m]
        counts = [int(m.group(3)) for m in links if m]
        assert names[0] == "Yann LeCun" and "Dana Whitfield" in names
        assert counts == sorted(counts, reverse=True) and counts[0] > counts[1]
        assert lines[3] == f"API description: http://127.0.0.1:{port}/schema"
        assert lines[4] == f"Pages: http://127.0.0.1:{port}/"
        assert re.fullmatch(rf"Person page: http://127\.0\.0\.1:{port}/p/\d+  \(Yann LeCun\)", lines[5])
        chart_link = re.fullmatch(
            rf"Company page with its leadership chart: (http://127\.0\.0\.1:{port}/c/\d+)  \(Northwind Robotics\)",
            lines[6],
        )
        assert chart_link, lines[6]
        with urllib.request.urlopen(chart_link.group(1), timeout=10) as response:
            assert response.headers["content-type"].startswith("text/html")
            assert '<svg class="chart"' in response.read().decode()
        assert links[0] is not None
        with urllib.request.urlopen(links[0].group(1), timeout=10) as response:
            timeline = json.load(response)
        assert timeline["subject"]["name"] == "Yann LeCun"
        dates = [event["date"] for event in timeline["items"] if event["date"] is not None]
        assert len(timeline["items"]) == counts[0]
        assert dates == sorted(dates) and dates[0] == "1987" and "2013-12-09" in dates
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=20) in (0, 130)


def test_the_server_runs_on_uvloop_and_parses_http_with_httptools() -> None:
    import uvicorn
    import uvloop
    from uvicorn.protocols.http.auto import AutoHTTPProtocol
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    from tenure.cli.serve import _loop_factory

    # One process (`tenure serve`) runs uvicorn on a loop of ours: it must be the one uvicorn's
    # own worker processes pick.
    factory = _loop_factory()
    assert factory is not None
    loop = factory()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()
    # http="auto", uvicorn's default, is httptools when it is installed.
    assert uvicorn.Config("tenure.api.app:app_from_environment").http == "auto"
    assert AutoHTTPProtocol is HttpToolsProtocol
