"""Every error is RFC 9457 problem details; a database behind the migrations stops start-up."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.errors import RateLimited, SchemaOutOfDate
from tenure.models.db import create_engine, session_factory
from tenure.settings import Settings

from .conftest import assert_problem

Client = AsyncTestClient[Litestar]


async def test_unknown_route_is_a_404_problem(client: Client) -> None:
    body = assert_problem(await client.get("/nowhere"), 404, "/nowhere", "/schema")
    assert body["instance"] == "/nowhere"


async def test_wrong_method_is_a_405_problem(client: Client) -> None:
    assert_problem(await client.delete("/events"), 405, "DELETE")


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        pytest.param("/events?limit=many", "limit", id="limit-not-a-number"),
        pytest.param("/events?min_confidence=high", "min_confidence", id="confidence-not-a-number"),
        pytest.param("/people/abc/timeline", "/people/abc/timeline", id="id-not-a-number"),
    ],
)
async def test_parameters_of_the_wrong_type_are_4xx_problems(
    client: Client, path: str, fragment: str
) -> None:
    response = await client.get(path)
    assert response.status_code in (400, 404)
    assert_problem(response, response.status_code, fragment)


async def test_validation_problem_lists_each_field(client: Client) -> None:
    body = assert_problem(await client.post("/people/1/aliases", json={"alias": 7}), 400, "alias")
    assert body["errors"][0]["field"] == "alias"
    assert body["errors"][0]["in"] == "body"


async def test_unexpected_error_is_a_generic_500_without_details(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def explode(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("password=hunter2 at postgresql://admin:hunter2@db/prod")

    monkeypatch.setattr("tenure.api.entities.search_entities", explode)
    response = await client.get("/people", params={"q": "whitfield"})

    body = assert_problem(response, 500, "unexpected error")
    assert "hunter2" not in response.text and "Traceback" not in response.text
    assert body["type"] == "about:blank"


async def test_rate_limit_problem_carries_retry_after(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def limited(*args: Any, **kwargs: Any) -> None:
        raise RateLimited("600 requests a minute at most: slow down", retry_after=17)

    monkeypatch.setattr("tenure.api.entities.search_entities", limited)
    response = await client.get("/people")

    assert_problem(response, 429, "slow down")
    assert response.headers["retry-after"] == "17"


async def test_database_outage_is_a_503_problem(
    client: Client, app: Litestar, backend: str, tmp_path: Any
) -> None:
    unreachable = (
        f"sqlite+aiosqlite:///{tmp_path}/missing-folder/tenure.db"
        if backend == "sqlite"
        else "postgresql+asyncpg://postgres:s3cret@127.0.0.1:1/test"
    )
    engine = create_engine(unreachable)
    app.state.sessions = session_factory(engine)
    try:
        response = await client.get("/people/1/timeline")
    finally:
        await engine.dispose()

    assert_problem(response, 503, "database is unavailable")
    assert "s3cret" not in response.text and "missing-folder" not in response.text


async def test_server_refuses_to_start_on_a_database_behind_the_migrations(empty_database_url: str) -> None:
    app = create_app(Settings(database_url=empty_database_url))
    with pytest.raises(BaseException) as raised:
        async with AsyncTestClient(app=app):
            pass
    # The test client reports start-up failures inside an exception group.
    error = raised.value
    while isinstance(error, BaseExceptionGroup):
        error = error.exceptions[0]
    assert isinstance(error, SchemaOutOfDate)
    assert "run `tenure db upgrade`" in error.detail


async def test_openapi_schema_lists_the_endpoints(client: Client) -> None:
    response = await client.get("/schema/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/articles", "/people/{entity_id}/timeline", "/companies/{entity_id}/timeline", "/events"):
        assert path in paths
