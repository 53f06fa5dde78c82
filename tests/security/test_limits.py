"""Size limits: request bodies, article text, page sizes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.settings import Settings

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def client(database_url: str, api_key: str) -> AsyncIterator[Client]:
    settings = Settings(
        database_url=database_url, max_request_bytes=4_000, max_article_bytes=1_000, page_size_max=20
    )
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


def problem_detail(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]
    detail: str = response.json()["detail"]  # type: ignore[attr-defined]
    return detail


async def test_a_body_over_the_request_limit_is_413(client: Client) -> None:
    body = {"text": "Kim Sato joins. " * 500, "published_at": "2025-10-21T09:30:00Z"}
    detail = problem_detail(await client.post("/articles", json=body), 413)
    assert "over the limit of 4,000 bytes" in detail


async def test_a_declared_length_over_the_limit_is_413_before_reading(client: Client) -> None:
    response = await client.post(
        "/articles",
        content=b"{}",
        headers={"Content-Length": "999999999", "Content-Type": "application/json"},
    )
    assert "over the limit of 4,000 bytes" in problem_detail(response, 413)


async def test_an_article_over_the_article_limit_is_413_with_a_message(client: Client) -> None:
    body = {"text": "Kim Sato joins Harbor Lane. " * 60, "published_at": "2025-10-21T09:30:00Z"}
    detail = problem_detail(await client.post("/articles", json=body), 413)
    assert "over 1,000 bytes" in detail


@pytest.mark.parametrize("path", ["/events", "/people", "/companies"])
async def test_page_size_is_capped(client: Client, path: str) -> None:
    assert (await client.get(path, params={"limit": 20})).status_code == 200
    detail = problem_detail(await client.get(path, params={"limit": 21}), 400)
    assert "maximum of 20" in detail
