"""GET /articles (filters, keyset pages) and GET /articles/{id} (text, evidence of each event) on
both back ends."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Article

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]
# (title, source, published_at): five articles over three months and two publications.
ARTICLES = (
    ("Jan ledger", "The Ledger", dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)),
    ("Jan harbor", "Harbor Post", dt.datetime(2026, 1, 31, 23, 30, tzinfo=dt.UTC)),
    ("Feb ledger", "The Ledger", dt.datetime(2026, 2, 14, 12, 0, tzinfo=dt.UTC)),
    ("Mar harbor", "Harbor Post", dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)),
    ("Mar ledger", "The Ledger", dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)),
)


@pytest.fixture
async def library(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        for n, (title, source, published_at) in enumerate(ARTICLES):
            session.add(
                Article(
                    url=f"https://news.example.com/a{n}",
                    title=title,
                    source=source,
                    published_at=published_at,
                    content_hash=f"{n:064d}",
                    text=f"{title}: a story in our own words.",
                    format="text",
                )
            )


def titles(body: dict[str, Any]) -> list[str]:
    return [item["title"] for item in body["items"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({}, ["Mar ledger", "Mar harbor", "Feb ledger"], id="newest-first-first-page"),
        pytest.param(
            {"source": "the ledger", "limit": 10}, ["Mar ledger", "Feb ledger", "Jan ledger"], id="source"
        ),
        pytest.param(
            {"since": "2026-02", "limit": 10}, ["Mar ledger", "Mar harbor", "Feb ledger"], id="since-month"
        ),
        pytest.param(
            {"until": "2026-01-31", "limit": 10}, ["Jan harbor", "Jan ledger"], id="until-day-inclusive"
        ),
        pytest.param(
            {"since": "2026-01-06", "until": "2026-03-01", "source": "Harbor Post"},
            ["Mar harbor", "Jan harbor"],
            id="range-and-source",
        ),
        pytest.param({"source": "Nobody"}, [], id="unknown-source-is-empty"),
    ],
)
async def test_article_list_filters(
    client: Client, library: None, params: dict[str, Any], expected: list[str]
) -> None:
    response = await client.get("/articles", params=params)

    assert response.status_code == 200, response.text
    assert titles(response.json()) == expected
    assert all("text" not in item for item in response.json()["items"])


async def test_article_pages_chain_to_the_end(client: Client, library: None) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = (await client.get("/articles", params=params)).json()
        seen += titles(body)
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [title for title, _, _ in reversed(ARTICLES)]


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"cursor": "bm90IGEgY3Vyc29y"}, "not one this API returned"),
        ({"since": "2026-03", "until": "2026-01"}, "swap them"),
        ({"since": "March"}, "not a date"),
    ],
    ids=["bad-cursor", "since-after-until", "unreadable-since"],
)
async def test_bad_article_list_queries_are_400(
    client: Client, params: dict[str, str], fragment: str
) -> None:
    assert_problem(await client.get("/articles", params=params), 400, fragment)


async def test_an_article_shows_its_text_and_each_event_it_states(client: Client, rows: Rows) -> None:
    await rows.person("Dana Whitfield")
    await rows.company("Northwind Robotics")
    event_id = await rows.event(
        "departure", "Dana Whitfield", "Northwind Robotics", "2025-10-20", status="planned"
    )
    detail = (await client.get(f"/events/{event_id}")).json()
    article_id = detail["sources"][0]["article_id"]
    await client.post(f"/events/{event_id}/reject")

    response = await client.get(f"/articles/{article_id}")

    assert response.status_code == 200, response.text
    article = response.json()
    assert article["text"] == "Story 1."
    assert article["events"] == []  # the only event is rejected
    [evidence] = article["evidence"]
    assert (evidence["event_id"], evidence["state"]) == (event_id, "rejected")
    assert evidence["evidence_span"] == [0, len("Evidence sentence 1.")]
    listed = (await client.get("/articles")).json()["items"]
    assert [(a["id"], a["event_count"]) for a in listed] == [(article_id, 0)]
