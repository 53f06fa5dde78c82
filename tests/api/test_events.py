"""GET /events on both back ends: filters by company and person (id or name), JSON, NDJSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def market(rows: Rows) -> Rows:
    """Moves between two fictional companies, inserted out of order."""
    for person in ("Dana Whitfield", "Omar Haddad", "Lena Vogt"):
        await rows.person(person)
    for company in ("Northwind Robotics", "Kestrel Dynamics"):
        await rows.company(company)
    await rows.event("departure", "Omar Haddad", "Kestrel Dynamics", "2023-06-14", status="completed")
    await rows.event("appointment", "Lena Vogt", "Kestrel Dynamics", "2023-06-15", confidence=0.6)
    await rows.event("departure", "Dana Whitfield", "Northwind Robotics", "2025-10-20", status="planned")
    await rows.event("appointment", "Dana Whitfield", "Northwind Robotics", "2019-06-12", sources=2)
    await rows.event("funding_round", None, "Kestrel Dynamics", "2020-02")
    await rows.event("award", "Lena Vogt", None, None)
    return rows


def summary(items: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(e["type"], e["date"]) for e in items]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param(
            {},
            [
                ("appointment", "2019-06-12"),
                ("funding_round", "2020-02"),
                ("departure", "2023-06-14"),
                ("appointment", "2023-06-15"),
                ("departure", "2025-10-20"),
                ("award", None),
            ],
            id="all-in-date-order-undated-last",
        ),
        pytest.param(
            {"company": "Kestrel Dynamics"},
            [("funding_round", "2020-02"), ("departure", "2023-06-14"), ("appointment", "2023-06-15")],
            id="company-by-name",
        ),
        pytest.param(
            {"company": "kestrel", "type": "departure"}, [("departure", "2023-06-14")], id="short-name"
        ),
        pytest.param(
            {"person": "Lena Vogt"}, [("appointment", "2023-06-15"), ("award", None)], id="person-by-name"
        ),
        pytest.param(
            {"person": "lena vogt", "since": "2023"}, [("appointment", "2023-06-15")], id="person-since"
        ),
        pytest.param(
            {"type": "departure", "status": "planned,completed"},
            [("departure", "2023-06-14"), ("departure", "2025-10-20")],
            id="type-and-status",
        ),
        pytest.param(
            {"min_confidence": "0.7", "until": "2023-06"},
            [("appointment", "2019-06-12"), ("funding_round", "2020-02"), ("departure", "2023-06-14")],
            id="confidence-until",
        ),
    ],
)
async def test_event_filters(
    client: Client, market: Rows, params: dict[str, str], expected: list[tuple[str, str | None]]
) -> None:
    response = await client.get("/events", params={**params, "limit": 10})
    assert response.status_code == 200, response.text
    assert summary(response.json()["items"]) == expected


async def test_company_and_person_filters_take_ids(client: Client, market: Rows) -> None:
    params = {"company": str(market.ids["Northwind Robotics"]), "person": str(market.ids["Dana Whitfield"])}
    response = await client.get("/events", params=params)
    assert summary(response.json()["items"]) == [("appointment", "2019-06-12"), ("departure", "2025-10-20")]


async def test_json_pages_cover_every_event_once(client: Client, market: Rows) -> None:
    seen: list[int] = []
    cursor = None
    for _ in range(10):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = (await client.get("/events", params=params)).json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 6 and len(set(seen)) == 6


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        pytest.param({"format": "ndjson"}, {}, id="query-param"),
        pytest.param({}, {"accept": "application/x-ndjson"}, id="accept-header"),
    ],
)
async def test_ndjson_streams_every_matching_event(
    client: Client, market: Rows, params: dict[str, str], headers: dict[str, str]
) -> None:
    # limit is the batch size of JSON pages; a stream ignores it and sends every row.
    response = await client.get("/events", params={**params, "company": "Kestrel Dynamics"}, headers=headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert summary(lines) == [
        ("funding_round", "2020-02"),
        ("departure", "2023-06-14"),
        ("appointment", "2023-06-15"),
    ]
    assert lines[1]["sources"][0]["evidence"].startswith("Evidence sentence")


async def test_csv_has_a_header_and_one_row_per_event(client: Client, market: Rows) -> None:
    response = await client.get(
        "/events", params={"person": "Dana Whitfield"}, headers={"accept": "text/csv"}
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["type"], r["date"], r["organization"]) for r in rows] == [
        ("appointment", "2019-06-12", "Northwind Robotics"),
        ("departure", "2025-10-20", "Northwind Robotics"),
    ]
    assert rows[0]["source_count"] == "2"
    assert json.loads(rows[1]["details"]) == {"status": "planned"}


async def test_csv_of_nothing_is_just_the_header(client: Client, market: Rows) -> None:
    response = await client.get("/events", params={"format": "csv", "type": "founding"})
    assert response.text.splitlines() == [response.text.splitlines()[0]]
    assert response.text.startswith("id,type,date")


async def test_stream_spans_several_batches(client: Client, rows: Rows, app: Litestar) -> None:
    await rows.person("Dana Whitfield")
    batch = app.state.settings.page_size_max
    for day in range(1, batch * 2 + 4):
        await rows.event("award", "Dana Whitfield", None, f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}")
    response = await client.get("/events", params={"format": "ndjson"})
    ids = [json.loads(line)["id"] for line in response.text.splitlines()]
    assert len(ids) == batch * 2 + 3 and len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("params", "status", "fragment"),
    [
        pytest.param(
            {"company": "Nobody Inc"}, 404, "no company is named 'Nobody Inc'", id="unknown-company"
        ),
        pytest.param({"person": "999999"}, 404, "no person with id 999999", id="unknown-person-id"),
        pytest.param({"format": "xml"}, 400, "format 'xml'", id="unknown-format"),
        pytest.param({"format": "csv", "cursor": "abc"}, 400, "JSON pages only", id="cursor-with-stream"),
        pytest.param({"type": "hiring"}, 400, "unknown type 'hiring'", id="unknown-type"),
    ],
)
async def test_bad_event_queries_are_problems(
    client: Client, market: Rows, params: dict[str, str], status: int, fragment: str
) -> None:
    assert_problem(await client.get("/events", params=params), status, fragment)
