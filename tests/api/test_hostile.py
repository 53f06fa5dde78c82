"""Hostile requests on both back ends: each answers a 4xx problem, never a 500, and a refused
request stores nothing (article, event and alias counts unchanged)."""

from __future__ import annotations

from typing import Any

import pytest
from hostile.cases import CASES, STAMP, TEXT, Hostile, assert_refused, stored_counts
from litestar import Litestar
from litestar.testing import AsyncTestClient

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
async def test_hostile_request_is_a_problem_and_stores_nothing(
    client: Client, rows: Rows, case: Hostile
) -> None:
    before = await stored_counts(rows.sessions)
    if not case.authorized:
        del client.headers["Authorization"]
    response = await client.request(
        case.method, case.path, content=case.body, headers={"content-type": "application/json"}
    )
    assert_refused(response, case)
    assert await stored_counts(rows.sessions) == before


async def test_an_alias_over_the_column_size_is_422_on_both_back_ends(client: Client, rows: Rows) -> None:
    person = await rows.person("Priya Lindqvist")
    before = await stored_counts(rows.sessions)
    response = await client.post(f"/people/{person}/aliases", json={"alias": "P " + "x" * 400})
    assert_problem(response, 422, "limit is 300")
    assert await stored_counts(rows.sessions) == before


async def test_control_characters_are_dropped_from_text_title_source_and_aliases(
    client: Client, rows: Rows
) -> None:
    """One rule on both back ends (PostgreSQL refuses NUL, SQLite would store it): dropped."""
    response = await client.post(
        "/articles",
        json={
            "text": TEXT.replace("Monday", "Mon\x00day"),
            "published_at": STAMP,
            "title": "Moves\x00",
            "source": "Wire\x07",
        },
    )
    assert response.status_code == 201, response.text
    stored = response.json()
    assert (stored["title"], stored["source"]) == ("Moves", "Wire")
    person = await rows.person("Ada Brenner")
    alias = await client.post(f"/people/{person}/aliases", json={"alias": "A.\x00 Brenner"})
    assert alias.status_code == 201, alias.text
    assert {"alias": "A. Brenner", "origin": "analyst"} in alias.json()["aliases"]


@pytest.mark.parametrize(
    "driver_error",
    [
        pytest.param("CannotConnectNowError", id="starting-up"),
        pytest.param("AdminShutdownError", id="shutting-down"),
    ],
)
async def test_a_database_starting_up_or_shutting_down_is_503(
    client: Client, monkeypatch: pytest.MonkeyPatch, driver_error: str
) -> None:
    """asyncpg's error arrives wrapped in SQLAlchemy's plain DBAPIError: still a 503, as promised."""
    import asyncpg
    from sqlalchemy.exc import DBAPIError

    async def refuse(*args: Any, **kwargs: Any) -> Any:
        cause = getattr(asyncpg.exceptions, driver_error)("the database system is starting up")
        raise DBAPIError("SELECT 1", {}, cause)

    monkeypatch.setattr("tenure.api.entities.search_entities", refuse)
    response = await client.get("/people", params={"q": "anyone"})
    assert_problem(response, 503, "unavailable")
    assert response.headers["retry-after"] == "5"


async def test_head_answers_like_get_without_a_body(client: Client, rows: Rows) -> None:
    person = await rows.person("Priya Lindqvist")
    get, head = await client.get(f"/people/{person}"), await client.head(f"/people/{person}")
    assert (get.status_code, head.status_code) == (200, 200)
    assert head.content == b"" and head.headers["content-length"] == get.headers["content-length"]
    missing = await client.head("/people/999999")
    assert missing.status_code == 404 and missing.content == b""
    assert missing.headers["content-type"].startswith("application/problem+json")


async def test_an_unknown_schema_path_is_a_problem_not_an_html_page(client: Client) -> None:
    assert_problem(await client.get("/schema/nope"), 404, "/schema/nope")
    assert (await client.get("/schema/openapi.json")).status_code == 200


def test_the_documented_article_limit_is_the_one_the_extractor_enforces() -> None:
    """Bytes bound characters from above, so an article the API accepts is one extraction takes."""
    from tenure.extractors import MAX_ARTICLE_CHARS
    from tenure.settings import Settings

    assert Settings().max_article_bytes <= MAX_ARTICLE_CHARS
