"""Hostile requests on both back ends: each answers a 4xx problem, never a 500, and a refused
request stores nothing (article, event and alias counts unchanged)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select

from tenure.models import Article, Event, PersonAlias

from .conftest import PUBLISHED, Rows, assert_problem

Client = AsyncTestClient[Litestar]
TEXT = "Halvorsen Freight said on Monday that its finance chief, Priya Lindqvist, will step down."
STAMP = PUBLISHED.isoformat()
DEEP = "[" * 100_000 + "]" * 100_000


def article(**overrides: Any) -> bytes:
    return json.dumps({"text": TEXT, "published_at": STAMP, **overrides}).encode()


# (id, method, path, raw body, status, fragment of the detail)
CASES: list[tuple[str, str, str, bytes | None, int, str]] = [
    (
        "url-with-nul",
        "POST",
        "/articles",
        article(url="https://news.example/a\x00b"),
        422,
        "control character",
    ),
    ("url-with-space", "POST", "/articles", article(url="https://news.example/a b"), 422, "whitespace"),
    (
        "published-year-9999",
        "POST",
        "/articles",
        article(published_at="9999-12-31T23:59:59-05:00"),
        422,
        "years",
    ),
    (
        "published-year-1",
        "POST",
        "/articles",
        article(published_at="0001-01-01T00:00:00+05:00"),
        422,
        "years",
    ),
    ("published-trailing-nul", "POST", "/articles", article(published_at=STAMP + "\x00"), 422, "RFC 3339"),
    (
        "published-space-before-offset",
        "POST",
        "/articles",
        article(published_at="2025-10-21T09:30:00 +00:00"),
        422,
        "RFC 3339",
    ),
    (
        "published-week-date",
        "POST",
        "/articles",
        article(published_at="2025-W43-2T09:30:00+00:00"),
        422,
        "RFC 3339",
    ),
    ("published-compact", "POST", "/articles", article(published_at="20251021T093000+0000"), 422, "RFC 3339"),
    (
        "published-offset-seconds",
        "POST",
        "/articles",
        article(published_at="2025-10-21T09:30:00+05:30:45"),
        422,
        "RFC 3339",
    ),
    (
        "published-impossible-day",
        "POST",
        "/articles",
        article(published_at="2025-02-30T09:30:00Z"),
        422,
        "not a real",
    ),
    ("published-80kb", "POST", "/articles", article(published_at="2025" * 20_000), 422, "RFC 3339"),
    ("deeply-nested-body", "POST", "/articles", DEEP.encode(), 400, ""),
    (
        "invalid-utf8-body",
        "POST",
        "/articles",
        b'{"text": "\xff\xfe", "published_at": "' + STAMP.encode() + b'"}',
        400,
        "",
    ),
    (
        "deeply-nested-cursor",
        "GET",
        "/events?cursor=" + base64.urlsafe_b64encode(DEEP.encode()[:20_000]).decode(),
        None,
        400,
        "cursor",
    ),
    (
        "subscription-id-over-64-bits",
        "POST",
        "/webhooks/subscriptions",
        json.dumps({"url": "https://hooks.example/x", "companies": [2**64]}).encode(),
        422,
        "",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "raw", "status", "fragment"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
async def test_hostile_request_is_a_problem_and_stores_nothing(
    client: Client, rows: Rows, method: str, path: str, raw: bytes | None, status: int, fragment: str
) -> None:
    before = await _counts(rows)
    response = await client.request(method, path, content=raw, headers={"content-type": "application/json"})
    assert_problem(response, status, *([fragment] if fragment else []))
    assert await _counts(rows) == before


async def test_an_alias_over_the_column_size_is_422_on_both_back_ends(client: Client, rows: Rows) -> None:
    person = await rows.person("Priya Lindqvist")
    before = await _counts(rows)
    response = await client.post(f"/people/{person}/aliases", json={"alias": "P " + "x" * 400})
    assert_problem(response, 422, "limit is 300")
    assert await _counts(rows) == before


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


async def _counts(rows: Rows) -> tuple[int, int, int]:
    async with rows.sessions() as session:
        counts = []
        for model in (Article, Event, PersonAlias):
            counts.append(int((await session.execute(select(func.count()).select_from(model))).scalar_one()))
    return counts[0], counts[1], counts[2]


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
