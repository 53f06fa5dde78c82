"""POST /articles and GET /articles/{id} on both back ends, with a canned extractor."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from factories import extracted
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.extractors import ExtractedEvent

from .conftest import assert_problem

Client = AsyncTestClient[Litestar]
PUBLISHED = "2025-10-21T09:30:00-04:00"
TEXT = "Northwind Robotics said on Monday that Dana Whitfield will leave as chief technology officer."


def canned(text: str, published_at: datetime, *, fmt: str = "auto") -> list[ExtractedEvent]:
    start = text.find("Northwind")
    if start < 0:
        return []
    evidence = text[start:]
    return [
        extracted(
            role="chief technology officer",
            date="2025-10-20",
            precision="day",
            date_text="on Monday",
            evidence=evidence,
            start=start,
            confidence=0.9,
        )
    ]


@pytest.fixture(autouse=True)
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tenure.ingest.service.extract", canned)


def body(**overrides: Any) -> dict[str, Any]:
    return {
        "text": TEXT,
        "published_at": PUBLISHED,
        "url": "https://ledger.example.com/whitfield",
        **overrides,
    }


async def test_new_article_is_201_with_its_events(client: Client) -> None:
    response = await client.post("/articles", json=body(title="Whitfield to leave", source="The Ledger"))

    assert response.status_code == 201, response.text
    article = response.json()
    assert article["url"] == "https://ledger.example.com/whitfield"
    assert article["title"] == "Whitfield to leave"
    assert article["published_at"] == "2025-10-21T09:30:00-04:00"
    [event] = article["events"]
    assert (event["type"], event["date"], event["status"]) == ("departure", "2025-10-20", "planned")
    assert event["person"]["name"] == "Dana Whitfield"
    assert event["organization"]["name"] == "Northwind Robotics"
    [source] = event["sources"]
    assert source["article_id"] == article["id"]
    assert source["evidence"].startswith("Northwind Robotics said on Monday")
    assert source["date_text"] == "on Monday"


async def test_known_article_is_200_and_changes_nothing(client: Client) -> None:
    first = (await client.post("/articles", json=body())).json()
    by_text = await client.post("/articles", json=body(url=None))
    by_url = await client.post("/articles", json=body(text=TEXT + " Updated."))

    for again in (by_text, by_url):
        assert again.status_code == 200, again.text
        assert again.json()["id"] == first["id"]
        assert [e["id"] for e in again.json()["events"]] == [e["id"] for e in first["events"]]


async def test_get_article_returns_it_with_its_events(client: Client) -> None:
    created = (await client.post("/articles", json=body())).json()
    response = await client.get(f"/articles/{created['id']}")

    assert response.status_code == 200
    stored = response.json()
    # What the ingest answered, plus the stored text and where the text states each event.
    assert {name: stored[name] for name in created} == created
    assert stored["text"] == TEXT
    [evidence] = stored["evidence"]
    assert (evidence["event_id"], evidence["state"], evidence["rule_id"]) == (
        created["events"][0]["id"],
        "active",
        "test.canned",
    )
    assert evidence["evidence_span"] == [TEXT.find("Northwind"), len(TEXT)]


async def test_unknown_article_is_404(client: Client) -> None:
    assert_problem(await client.get("/articles/424242"), 404, "no article with id 424242")


@pytest.mark.parametrize(
    ("payload", "status", "fragment"),
    [
        pytest.param(body(published_at="21/10/2025"), 422, "not an RFC 3339", id="published-not-iso"),
        pytest.param(
            body(published_at="2025-10-21T09:30:00"), 422, "with a UTC offset", id="published-naive"
        ),
        pytest.param(body(published_at=None), 422, "published_at is required", id="published-missing"),
        pytest.param(body(text="   "), 422, "text is empty", id="empty-text"),
        pytest.param(body(format="pdf"), 422, "format 'pdf'", id="unknown-format"),
        pytest.param(body(mood="happy"), 400, "mood", id="unknown-field"),
        pytest.param(body(text=42), 400, "text", id="text-not-a-string"),
        pytest.param({"published_at": PUBLISHED}, 422, "text is empty", id="neither-text-nor-url"),
    ],
)
async def test_bad_articles_are_problems(
    client: Client, payload: dict[str, Any], status: int, fragment: str
) -> None:
    assert_problem(await client.post("/articles", json=payload), status, fragment)


async def test_body_that_is_not_json_is_400(client: Client) -> None:
    response = await client.post(
        "/articles", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_problem(response, 400)


async def test_article_over_the_size_limit_is_413(client: Client, app: Litestar) -> None:
    limit = app.state.settings.max_article_bytes
    assert_problem(await client.post("/articles", json=body(text="x" * (limit + 1))), 413, "over")


@dataclass
class Page:
    text: str
    content_type: str
    final_url: str
    title: str | None


async def test_url_alone_is_fetched_and_read_by_its_media_type(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[str] = []

    async def fake_fetch(url: str, settings: Any) -> Page:
        fetched.append(url)
        return Page(f"<p>{TEXT}</p>", "text/html; charset=utf-8", url + "?final", "Fetched title")

    monkeypatch.setattr("tenure.ingest.submit._fetch", fake_fetch)
    response = await client.post("/articles", json={"url": "https://ledger.example.com/a"})

    assert response.status_code == 201, response.text
    article = response.json()
    assert fetched == ["https://ledger.example.com/a"]
    assert (article["url"], article["title"], article["format"]) == (
        "https://ledger.example.com/a?final",
        "Fetched title",
        "html",
    )
    assert len(article["events"]) == 1


async def test_same_article_posted_ten_times_at_once_is_stored_once(client: Client) -> None:
    responses = await asyncio.gather(*(client.post("/articles", json=body()) for _ in range(10)))

    assert sorted(r.status_code for r in responses) == [200] * 9 + [201], [r.text for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    assert len({tuple(e["id"] for e in r.json()["events"]) for r in responses}) == 1
