"""People and companies on both back ends: search, read, aliases and merges."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def people(rows: Rows) -> Rows:
    for name in ("Tomás Ferreira", "Ferro Lindqvist", "Ana Ferreira-Salgado", "Dana Whitfield"):
        await rows.person(name)
    for name in ("Northwind Robotics", "Kestrel Dynamics", "Meta"):
        await rows.company(name)
    await rows.event("departure", "Tomás Ferreira", "Kestrel Dynamics", "2024-05-01")
    await rows.event("appointment", "Tomás Ferreira", "Northwind Robotics", "2024-06-01")
    return rows


def names(response: object) -> list[str]:
    return [item["name"] for item in response.json()["items"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        pytest.param("tomas ferreira", ["Tomás Ferreira"], id="accent-and-case-folded"),
        pytest.param("FERREIRA", ["Ana Ferreira-Salgado", "Tomás Ferreira"], id="word-prefix-matches"),
        pytest.param("ferr", ["Ana Ferreira-Salgado", "Ferro Lindqvist", "Tomás Ferreira"], id="prefix"),
        pytest.param("eira", ["Ana Ferreira-Salgado", "Tomás Ferreira"], id="substring"),
        pytest.param("nobody", [], id="no-match"),
    ],
)
async def test_people_search(client: Client, people: Rows, q: str, expected: list[str]) -> None:
    response = await client.get("/people", params={"q": q})
    assert response.status_code == 200
    assert sorted(names(response)) == sorted(expected)


async def test_exact_match_ranks_first(client: Client, people: Rows) -> None:
    await people.person("Ferro")
    assert names(await client.get("/people", params={"q": "ferro"}))[0] == "Ferro"


async def _all_pages(client: Client, path: str, **params: object) -> tuple[list[str], int]:
    seen: list[str] = []
    pages = 0
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = (await client.get(path, params=query)).json()
        seen += [item["name"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return seen, pages


@pytest.mark.parametrize("q", [None, "ferr"], ids=["everyone", "search"])
async def test_people_page_past_the_maximum_page_size(
    client: Client, rows: Rows, app: Litestar, q: str | None
) -> None:
    """More matches than `limit` may ever be: every one arrives once, in rank then name order."""
    app.state.settings = dataclasses.replace(app.state.settings, page_size_max=5)
    expected = [f"Ferr Person {i:02d}" for i in range(12)]
    for name in reversed(expected):
        await rows.person(name)
    await rows.person("Ferr")  # the exact match leads a search
    params = {"limit": 5} | ({"q": q} if q else {})
    seen, pages = await _all_pages(client, "/people", **params)
    assert seen == ["Ferr", *expected]
    assert pages == 3


async def test_companies_page_and_a_bad_cursor_is_a_problem(client: Client, people: Rows) -> None:
    seen, pages = await _all_pages(client, "/companies", limit=2)
    assert seen == ["Kestrel Dynamics", "Meta", "Northwind Robotics"] and pages == 2
    assert_problem(await client.get("/companies", params={"cursor": "abc"}), 400, "not one this API returned")


async def test_empty_query_is_a_400_problem(client: Client, people: Rows) -> None:
    assert_problem(await client.get("/people", params={"q": "!!"}), 400, "no letters or digits")


async def test_read_person_with_event_count_and_timeline_link(client: Client, people: Rows) -> None:
    person_id = people.ids["Tomás Ferreira"]
    body = (await client.get(f"/people/{person_id}")).json()
    assert body == {
        "id": person_id,
        "name": "Tomás Ferreira",
        "aliases": [],
        "event_count": 2,
        "timeline": f"/people/{person_id}/timeline",
    }


async def test_alias_makes_the_person_findable_by_it(client: Client, people: Rows) -> None:
    person_id = people.ids["Dana Whitfield"]
    response = await client.post(f"/people/{person_id}/aliases", json={"alias": "Danielle Whitfield"})

    assert response.status_code == 201, response.text
    assert response.json()["aliases"] == [{"alias": "Danielle Whitfield", "origin": "analyst"}]
    assert names(await client.get("/people", params={"q": "danielle"})) == ["Dana Whitfield"]


async def test_company_alias_is_used_by_the_events_filter(client: Client, people: Rows) -> None:
    meta = people.ids["Meta"]
    assert (
        await client.post(f"/companies/{meta}/aliases", json={"alias": "Meta Platforms Inc."})
    ).status_code == 201
    await people.event("funding_round", None, "Meta", "2021-10")

    response = await client.get("/events", params={"company": "Meta Platforms"})
    assert [e["organization"]["id"] for e in response.json()["items"]] == [meta]
    assert names(await client.get("/companies", params={"q": "platforms"})) == ["Meta"]


async def test_alias_already_naming_someone_else_is_409(client: Client, people: Rows) -> None:
    response = await client.post(
        f"/people/{people.ids['Dana Whitfield']}/aliases", json={"alias": "Tomas Ferreira"}
    )
    assert_problem(response, 409, "already names person")


async def test_alias_for_unknown_person_is_404(client: Client, people: Rows) -> None:
    assert_problem(await client.post("/people/999999/aliases", json={"alias": "Someone"}), 404, "999999")


async def test_merge_moves_events_and_old_id_reads_as_the_survivor(client: Client, people: Rows) -> None:
    duplicate = await people.person("T. Ferreira")
    await people.event("award", "T. Ferreira", None, "2022")
    survivor = people.ids["Tomás Ferreira"]

    response = await client.post(f"/people/{duplicate}/merge", json={"into": survivor})

    assert response.status_code == 200, response.text
    merged = response.json()
    assert merged["id"] == survivor and merged["event_count"] == 3
    assert {"alias": "T. Ferreira", "origin": "merged"} in merged["aliases"]
    assert (await client.get(f"/people/{duplicate}")).json() == (
        await client.get(f"/people/{survivor}")
    ).json()
    assert names(await client.get("/people", params={"q": "t ferreira"})) == ["Tomás Ferreira"]


async def test_companies_merge_too(client: Client, people: Rows) -> None:
    kestrel, northwind = people.ids["Kestrel Dynamics"], people.ids["Northwind Robotics"]
    response = await client.post(f"/companies/{kestrel}/merge", json={"into": northwind})

    assert response.status_code == 200, response.text
    timeline = (await client.get(f"/companies/{kestrel}/timeline")).json()
    assert timeline["subject"]["id"] == northwind
    assert [e["date"] for e in timeline["items"]] == ["2024-05-01", "2024-06-01"]


@pytest.mark.parametrize(
    ("into", "status", "fragment"),
    [
        pytest.param("self", 409, "into itself", id="into-itself"),
        pytest.param(999999, 404, "999999", id="unknown-target"),
    ],
)
async def test_bad_merges_are_problems(
    client: Client, people: Rows, into: int | str, status: int, fragment: str
) -> None:
    person_id = people.ids["Dana Whitfield"]
    target = person_id if into == "self" else into
    assert_problem(await client.post(f"/people/{person_id}/merge", json={"into": target}), status, fragment)


@pytest.mark.parametrize("kind", ["people", "companies"])
async def test_opposite_merges_at_once_leave_one_winner_and_every_timeline_answering(
    client: Client, rows: Rows, kind: str
) -> None:
    make = rows.person if kind == "people" else rows.company
    pairs = [(await make(f"Wren Halloway {n}a"), await make(f"Wren Halloway {n}b")) for n in range(20)]
    calls = []
    for a, b in pairs:
        calls.append(client.post(f"/{kind}/{a}/merge", json={"into": b}))
        calls.append(client.post(f"/{kind}/{b}/merge", json={"into": a}))

    responses = await asyncio.gather(*calls)

    for n in range(len(pairs)):
        statuses = sorted(r.status_code for r in responses[2 * n : 2 * n + 2])
        assert statuses == [200, 409], [r.text for r in responses[2 * n : 2 * n + 2]]
    for a, b in pairs:
        first, second = (
            (await client.get(f"/{kind}/{a}/timeline")),
            (await client.get(f"/{kind}/{b}/timeline")),
        )
        assert first.status_code == second.status_code == 200
        assert first.json()["subject"]["id"] == second.json()["subject"]["id"] in (a, b)
