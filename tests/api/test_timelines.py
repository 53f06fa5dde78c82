"""Timelines on both back ends: order, undated last, filters, keyset pages, merged ids."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from tenure.timelines.cursor import Cursor, encode_cursor
from tenure.timelines.filters import parse_filter
from tenure.timelines.queries import EntityKind, paged, timeline_statement

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def whitfield(rows: Rows) -> Rows:
    """Dana Whitfield's career at two fictional companies, inserted out of date order."""
    await rows.person("Dana Whitfield")
    await rows.person("Omar Haddad")
    await rows.company("Northwind Robotics")
    await rows.company("Kestrel Dynamics")
    await rows.event("departure", "Dana Whitfield", "Northwind Robotics", "2025-10-20", status="planned")
    await rows.event("appointment", "Dana Whitfield", "Northwind Robotics", "2019-06", sources=2)
    await rows.event("award", "Dana Whitfield", None, None)  # undated
    await rows.event("appointment", "Dana Whitfield", "Kestrel Dynamics", "2012", confidence=0.4)
    await rows.event("founding", "Dana Whitfield", "Kestrel Dynamics", "2025-11-06")
    await rows.event("departure", "Omar Haddad", "Kestrel Dynamics", "2023-06-14", status="completed")
    await rows.event("reporting_change", None, "Northwind Robotics", "2023-01-18")
    return rows


async def all_pages(client: Client, path: str, **params: Any) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    cursor = None
    while True:
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        response = await client.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


async def test_person_timeline_in_date_order_with_undated_last(client: Client, whitfield: Rows) -> None:
    person_id = whitfield.ids["Dana Whitfield"]
    response = await client.get(f"/people/{person_id}/timeline", params={"limit": 10})

    assert response.status_code == 200
    body = response.json()
    assert body["subject"] == {"id": person_id, "name": "Dana Whitfield"}
    assert [(e["type"], e["date"]) for e in body["items"]] == [
        ("appointment", "2012"),
        ("appointment", "2019-06"),
        ("departure", "2025-10-20"),
        ("founding", "2025-11-06"),
        ("award", None),
    ]
    assert body["next_cursor"] is None


async def test_timeline_events_carry_person_organization_and_sources(client: Client, whitfield: Rows) -> None:
    response = await client.get(f"/people/{whitfield.ids['Dana Whitfield']}/timeline", params={"limit": 10})
    hire = response.json()["items"][1]

    assert hire["person"] == {"id": whitfield.ids["Dana Whitfield"], "name": "Dana Whitfield"}
    assert hire["organization"] == {"id": whitfield.ids["Northwind Robotics"], "name": "Northwind Robotics"}
    assert len(hire["sources"]) == 2
    source = hire["sources"][0]
    assert source["url"].startswith("https://news.example.com/")
    assert source["evidence"].startswith("Evidence sentence")
    assert {"article_id", "title", "source", "published_at", "evidence_span"} <= source.keys()


async def test_company_timeline_includes_events_without_a_person(client: Client, whitfield: Rows) -> None:
    response = await client.get(f"/companies/{whitfield.ids['Northwind Robotics']}/timeline")
    items = response.json()["items"]

    assert [(e["type"], e["date"]) for e in items] == [
        ("appointment", "2019-06"),
        ("reporting_change", "2023-01-18"),
        ("departure", "2025-10-20"),
    ]
    assert items[1]["person"] is None


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 10])
async def test_cursor_pages_cover_every_event_exactly_once(
    client: Client, whitfield: Rows, limit: int
) -> None:
    path = f"/people/{whitfield.ids['Dana Whitfield']}/timeline"
    pages = await all_pages(client, path, limit=limit)
    dates = [e["date"] for page in pages for e in page]

    assert dates == ["2012", "2019-06", "2025-10-20", "2025-11-06", None]
    assert all(len(page) <= limit for page in pages)
    assert len(pages) == -(-5 // limit)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({"type": "appointment"}, ["2012", "2019-06"], id="one-type"),
        pytest.param({"type": "appointment,founding"}, ["2012", "2019-06", "2025-11-06"], id="comma-types"),
        pytest.param({"type": ["award", "founding"]}, ["2025-11-06", None], id="repeated-types"),
        pytest.param({"since": "2019"}, ["2019-06", "2025-10-20", "2025-11-06"], id="since-year-no-undated"),
        pytest.param({"until": "2019-06"}, ["2012", "2019-06"], id="until-month-inclusive"),
        pytest.param({"since": "2025-10-20", "until": "2025-10-31"}, ["2025-10-20"], id="day-range"),
        pytest.param({"status": "planned"}, ["2025-10-20"], id="status"),
        pytest.param(
            {"min_confidence": "0.5"}, ["2019-06", "2025-10-20", "2025-11-06", None], id="confidence"
        ),
    ],
)
async def test_timeline_filters(
    client: Client, whitfield: Rows, params: dict[str, Any], expected: list[str | None]
) -> None:
    pages = await all_pages(client, f"/people/{whitfield.ids['Dana Whitfield']}/timeline", **params)
    assert [e["date"] for page in pages for e in page] == expected


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        pytest.param({"cursor": "not-a-cursor"}, "cursor", id="bad-cursor"),
        pytest.param({"cursor": "WzEsMl0"}, "next_cursor", id="cursor-wrong-shape"),
        pytest.param({"since": "2025", "until": "2019"}, "after until", id="since-after-until"),
        pytest.param({"type": "promotion"}, "unknown type 'promotion'", id="unknown-type"),
        pytest.param({"status": "rumoured"}, "unknown status", id="unknown-status"),
        pytest.param({"limit": "11"}, "over the maximum of 10", id="limit-over-cap"),
        pytest.param({"limit": "0"}, "at least 1", id="limit-zero"),
        pytest.param({"since": "last year"}, "YYYY-MM-DD", id="since-not-a-date"),
        pytest.param({"until": "2025-02-30"}, "not a date", id="impossible-day"),
        pytest.param({"min_confidence": "2"}, "between 0 and 1", id="confidence-range"),
    ],
)
async def test_bad_timeline_parameters_are_400_problems(
    client: Client, whitfield: Rows, params: dict[str, str], fragment: str
) -> None:
    response = await client.get(f"/people/{whitfield.ids['Dana Whitfield']}/timeline", params=params)
    assert_problem(response, 400, fragment)


async def test_unknown_person_timeline_is_404(client: Client, whitfield: Rows) -> None:
    response = await client.get("/people/999999/timeline")
    assert_problem(response, 404, "no person with id 999999")


async def test_merged_person_timeline_is_the_survivors(client: Client, whitfield: Rows) -> None:
    duplicate = await whitfield.person("D. Whitfield")
    await whitfield.event("appointment", "D. Whitfield", "Kestrel Dynamics", "2024-02-07")
    survivor = whitfield.ids["Dana Whitfield"]

    merged = await client.post(f"/people/{duplicate}/merge", json={"into": survivor})
    assert merged.status_code == 200, merged.text

    via_old = (await client.get(f"/people/{duplicate}/timeline", params={"limit": 10})).json()
    via_new = (await client.get(f"/people/{survivor}/timeline", params={"limit": 10})).json()
    assert via_old == via_new
    assert via_old["subject"]["id"] == survivor
    assert "2024-02-07" in [e["date"] for e in via_old["items"]]


@pytest.mark.parametrize(
    ("kind", "index"), [("person", "ix_events_person_timeline"), ("organization", "ix_events_org_timeline")]
)
async def test_postgres_pages_a_timeline_by_its_index(
    backend: str, sessions: Any, whitfield: Rows, kind: EntityKind, index: str
) -> None:
    """A deep page is an index range scan from the cursor, never a sort of the entity's events."""
    if backend != "postgres":
        pytest.skip("query plans are PostgreSQL's")
    entity_id = whitfield.ids["Dana Whitfield" if kind == "person" else "Northwind Robotics"]
    cursor = encode_cursor(Cursor(dt.date(2019, 6, 1), 1))
    statement = paged(timeline_statement(kind, entity_id, parse_filter()), cursor, 50)
    sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    async with sessions() as session:
        # With a handful of rows a sequential scan is cheapest; ask for the plan used at scale.
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = [row[0] for row in await session.execute(text(f"EXPLAIN {sql}"))]
    assert any(index in line for line in plan), plan
    assert not any("Sort" in line for line in plan), plan
