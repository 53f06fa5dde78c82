"""schemathesis against the live OpenAPI schema: no 5xx, and every response matches the schema.

The app runs on its own SQLite database with a few ingested articles and an API key, so reads
find rows and writes pass the key guard. Outbound fetches (POST /articles with a url) meet a
resolver that knows no names and a transport that refuses every connection: fuzzing never sends
traffic off this machine. Each operation gets a bounded number of examples.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tenure.api.app import create_app
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import run_blocking, upgrade
from tenure.security.keys import create_key
from tenure.settings import Settings

MAX_EXAMPLES = 25
ARTICLES = [
    "Harbor Lane Logistics said on Monday that Priya Okafor will become chief executive, succeeding "
    "Tomas Berg, who retires after eleven years.",
    "Quillfeather Labs, the start-up founded by Mara Ellison, raised $40 million in a Series B round "
    "led by Northgate Ventures on Tuesday.",
]


async def _never_resolves(host: str, port: int) -> list[Any]:
    raise OSError(f"no name resolution while fuzzing ({host})")


def _refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("no connections while fuzzing", request=request)


async def _seed(url: str) -> str:
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        published = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
        for text in ARTICLES:
            await ingest_article(sessions, ArticleInput(text=text, published_at=published))
        return (await create_key(sessions, "schemathesis")).plaintext
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, str]:
    url = f"sqlite+aiosqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'fuzz.db'}"
    upgrade(url)
    key = run_blocking(_seed(url))
    settings = Settings(
        database_url=url,
        rate_limit_per_minute=0,
        extra={"resolver": _never_resolves, "http_transport": httpx.MockTransport(_refuse_connection)},
    )
    return create_app(settings), key


@pytest.fixture(scope="module")
def api_schema(fuzz_target: tuple[Any, str]) -> Any:
    app, _ = fuzz_target
    return schemathesis.openapi.from_asgi("/schema/openapi.json", app)


FUZZ_SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
    derandomize=True,
    database=None,
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def _fuzz(operation: Any, mode: Any, key: str, calls: list[str]) -> None:
    @FUZZ_SETTINGS
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        calls.append(operation.label)
        case.call_and_validate(headers={"Authorization": f"Bearer {key}"}, checks=CHECKS)

    run()


def test_api_conforms_to_its_schema(api_schema: Any, fuzz_target: tuple[Any, str]) -> None:
    """One run per operation and generation mode; every failure is reported, not just the first."""
    _, key = fuzz_target
    operations = _operations(api_schema)
    assert len(operations) >= 8, [op.label for op in operations]
    failures: list[str] = []
    calls: list[str] = []
    for operation in operations:
        for mode in MODES:
            try:
                _fuzz(operation, mode, key, calls)
            except hypothesis.errors.Unsatisfiable:
                # An operation without parameters or body has no invalid input to generate.
                if mode is not schemathesis.GenerationMode.NEGATIVE:
                    failures.append(f"{operation.label} [{mode.value}]: no valid input could be generated")
            except (Exception, BaseExceptionGroup) as exc:  # one bad endpoint must not hide the rest
                failures.append(f"{operation.label} [{mode.value}]: {type(exc).__name__}: {exc}"[:3000])
    assert not failures, "\n\n".join(failures)
    # Every operation was really exercised (a schema change could silently leave one out).
    assert {op.label for op in operations} <= set(calls)
    assert len(calls) >= 5 * len(operations), len(calls)
    print(f"schemathesis: {len(calls)} requests over {len(operations)} operations")
