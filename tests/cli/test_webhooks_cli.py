"""`tenure webhooks ...` in process, and `tenure worker` as a process that delivers and stops on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from webhooks.receiver import Receiver

from tenure.cli import main
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models.db import create_engine, session_factory

TENURE = str(Path(sys.executable).parent / "tenure")


@pytest.fixture
def env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "TENURE_DATABASE_URL": database_url,
        "TENURE_WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
        "TENURE_WEBHOOK_RETRY_SCHEDULE": "0,0",
        "TENURE_WORKER_POLL_INTERVAL": "0.1",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return {**os.environ, **values}


def test_create_list_pause_resume_delete(
    env: dict[str, str], receiver: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["webhooks", "create", receiver.url(), "--type", "departure", "--type", "award", "--company", "7"]
        )
        == 0
    )
    out, err = capsys.readouterr()
    assert out.startswith("whsec_")
    assert "cannot be shown again" in err
    assert main(["webhooks", "list"]) == 0
    listing = capsys.readouterr().out
    assert "departure,award" in listing and "companies 7" in listing and "whsec_" not in listing
    assert main(["webhooks", "pause", "1"]) == 0
    assert " paused " in capsys.readouterr().out
    assert main(["webhooks", "resume", "1"]) == 0
    assert " active " in capsys.readouterr().out
    assert main(["webhooks", "delete", "1"]) == 0
    assert main(["webhooks", "pause", "1"]) == 3
    assert "no webhook subscription with id 1" in capsys.readouterr().err


def test_a_private_target_is_refused_in_one_line(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["webhooks", "create", "http://192.168.1.20/hook"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "private-network address" in err


def test_worker_process_delivers_then_stops_on_sigterm(
    env: dict[str, str], database_url: str, receiver: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["webhooks", "create", receiver.url()]) == 0
    worker = subprocess.Popen(
        [TENURE, "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:

        async def ingest() -> None:
            engine = create_engine(database_url)
            try:
                text = "Oskar Velde resigned as chief technology officer of Brightwater Labs on Monday."
                await ingest_article(
                    session_factory(engine),
                    ArticleInput(text=text, published_at=datetime(2025, 10, 22, tzinfo=UTC)),
                )
            finally:
                await engine.dispose()

        asyncio.run(ingest())
        deadline = time.monotonic() + 30
        while not receiver.received and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(receiver.received) == 1
        assert json.loads(receiver.received[0].body)["event"]["person"]["name"] == "Oskar Velde"
    finally:
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=30)
    assert worker.returncode == 0, err
    assert "worker stopped" in out
    assert main(["webhooks", "deliveries", "1"]) == 0
    log = capsys.readouterr().out
    assert "succeeded" in log and "attempts: HTTP 200" in log
    assert main(["webhooks", "redeliver", "1"]) == 0
    assert "queued to be sent again" in capsys.readouterr().out


def test_create_with_retractions_lists_it(
    env: dict[str, str], receiver: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["webhooks", "create", receiver.url(), "--retractions"]) == 0
    assert main(["webhooks", "create", receiver.url("/other"), "--updates"]) == 0
    capsys.readouterr()
    assert main(["webhooks", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.endswith("with retractions") for line in lines] == [True, False]
    assert lines[1].endswith("with updates")
