"""Every response carries a request id, and with JSON logs every line written for it does too."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import get

from tenure.api.app import create_app
from tenure.errors import ConfigurationError
from tenure.models.migrate import upgrade
from tenure.observability.requests import sane_request_id
from tenure.settings import Settings

from .conftest import serving

_log = logging.getLogger("tenure.test.request_ids")


@pytest.fixture
def migrated(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'ids.db'}"
    upgrade(url)
    return url


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        pytest.param(b"req-7f3a.b9:01_x", True, id="plain-kept"),
        pytest.param(b"a" * 64, True, id="64-characters-kept"),
        pytest.param(b"a" * 65, False, id="65-characters-replaced"),
        pytest.param(b"two words", False, id="space-replaced"),
        pytest.param(b"id\x1b[31m", False, id="escape-replaced"),
        pytest.param(b'{"json":1}', False, id="quotes-replaced"),
        pytest.param(b"", False, id="empty-replaced"),
    ],
)
def test_a_sent_id_is_kept_only_when_sane(sent: bytes, kept: bool) -> None:
    assert sane_request_id(sent) == (sent.decode() if kept else None)


async def test_responses_carry_the_sent_id_or_a_new_one(migrated: str) -> None:
    async with serving(create_app(Settings(database_url=migrated))) as client:
        echoed = await client.get("/events", headers={"X-Request-ID": "trace-0042"})
        replaced = await client.get("/events", headers={"X-Request-ID": "no spaces allowed"})
        first, second = await client.get("/healthz"), await client.get("/healthz")

    assert echoed.headers["x-request-id"] == "trace-0042"
    new_ids = [r.headers["x-request-id"] for r in (replaced, first, second)]
    assert all(len(i) == 24 and int(i, 16) >= 0 for i in new_ids)
    assert len(set(new_ids)) == 3


@get("/test-log-line", sync_to_thread=False)
def log_a_line() -> dict[str, str]:
    _log.warning("calling back with key %s", "tnr_NotARealKeyButShaped")
    return {"logged": "yes"}


@pytest.fixture
def restore_logging() -> Iterator[None]:
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.error", "uvicorn.access")]
    saved = [(logger, list(logger.handlers), logger.level) for logger in loggers]
    yield
    for logger, handlers, level in saved:
        logger.handlers = handlers
        logger.setLevel(level)


async def test_json_log_lines_carry_the_request_id_and_stay_masked(
    migrated: str, restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app(Settings(database_url=migrated, log_format="json"))
    app.register(log_a_line)
    async with serving(app) as client:
        capsys.readouterr()
        response = await client.get("/test-log-line", headers={"X-Request-ID": "trace-json-1"})
        _log.warning("outside any request")
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]

    assert response.status_code == 200
    ours = [line for line in lines if line["logger"] == "tenure.test.request_ids"]
    assert [(line["message"], line["request_id"], line["level"]) for line in ours] == [
        ("calling back with key tnr_***", "trace-json-1", "WARNING"),
        ("outside any request", None, "WARNING"),
    ]
    assert ours[0]["time"].endswith("+00:00")


def test_an_unknown_log_format_is_refused(migrated: str) -> None:
    with pytest.raises(ConfigurationError, match="TENURE_LOG_FORMAT='yaml': use one of text, json"):
        create_app(Settings(database_url=migrated, log_format="yaml"))
