"""Renaming and splitting people and companies through the API, on both back ends."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def mixed(client: Client, rows: Rows) -> Rows:
    """Two different people wrongly stored as one "Dana Whitfield", with an alias of each."""
    dana = await rows.person("Dana Whitfield")
    await rows.company("Northwind Robotics")
    await rows.company("Kestrel Dynamics")
    for alias in ("D. Whitfield", "Dana Whitfield-Ross"):
        assert (await client.post(f"/people/{dana}/aliases", json={"alias": alias})).status_code == 201
    rows.ids["cto"] = await rows.event("appointment", "Dana Whitfield", "Northwind Robotics", "2019-06")
    rows.ids["cfo"] = await rows.event("appointment", "Dana Whitfield", "Kestrel Dynamics", "2024-02")
    return rows


async def timeline_ids(client: Client, kind: str, entity_id: int) -> list[int]:
    response = await client.get(f"/{kind}/{entity_id}/timeline", params={"limit": 10})
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_split_moves_aliases_and_events_to_a_new_person(client: Client, mixed: Rows) -> None:
    dana = mixed.ids["Dana Whitfield"]
    response = await client.post(
        f"/people/{dana}/split",
        json={
            "name": "Dana Whitfield-Ross",
            "aliases": ["dana whitfield ross"],
            "events": [mixed.ids["cfo"]],
            "reason": "two people",
        },
    )

    assert response.status_code == 201, response.text
    new = response.json()
    assert (new["name"], new["aliases"], new["event_count"]) == ("Dana Whitfield-Ross", [], 1)
    assert await timeline_ids(client, "people", new["id"]) == [mixed.ids["cfo"]]
    assert await timeline_ids(client, "people", dana) == [mixed.ids["cto"]]
    kept = (await client.get(f"/people/{dana}")).json()
    assert [a["alias"] for a in kept["aliases"]] == ["D. Whitfield"]
    moved = (await client.get(f"/events/{mixed.ids['cfo']}")).json()
    assert (moved["person"]["id"], moved["locked_fields"], moved["revision"]) == (new["id"], ["person"], 2)
    assert [(c["action"], c["before"]["person"]["id"]) for c in moved["history"]] == [("split", dana)]
    [source_entry] = (await client.get(f"/people/{dana}/history")).json()
    [new_entry] = (await client.get(f"/people/{new['id']}/history")).json()
    assert source_entry["after"] == {"into": {"id": new["id"], "name": "Dana Whitfield-Ross"}}
    assert source_entry["before"] == {"aliases": ["Dana Whitfield-Ross"], "events": [mixed.ids["cfo"]]}
    assert (new_entry["before"]["from"]["id"], new_entry["reason"]) == (dana, "two people")


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        pytest.param({"name": "Lena Vogt"}, 422, "name the aliases or events", id="nothing-to-move"),
        pytest.param({"name": "Lena Vogt", "aliases": ["L. Vogt"]}, 422, "not an alias", id="foreign-alias"),
        pytest.param(
            {"name": "Lena Vogt", "events": [424242]}, 404, "no event with id 424242", id="unknown-event"
        ),
        pytest.param(
            {"name": "Omar Haddad", "events": ["{cto}"]}, 409, "already names person", id="name-taken"
        ),
        pytest.param({"name": "Dana Whitfield", "events": ["{cto}"]}, 409, "rename it first", id="own-name"),
        pytest.param(
            {"name": "Lena Vogt", "events": ["{other}"]}, 422, "is not Dana Whitfield's", id="foreign-event"
        ),
        pytest.param({"name": "Lena Vogt", "colour": "red"}, 400, "colour", id="unknown-field"),
    ],
)
async def test_bad_splits_are_refused_and_change_nothing(
    client: Client, mixed: Rows, body: dict[str, Any], status: int, fragment: str
) -> None:
    await mixed.person("Omar Haddad")
    mixed.ids["other"] = await mixed.event("appointment", "Omar Haddad", "Kestrel Dynamics", "2020")
    body = {**body, "events": [int(str(e).format(**mixed.ids)) for e in body.get("events", [])]}

    response = await client.post(f"/people/{mixed.ids['Dana Whitfield']}/split", json=body)

    assert_problem(response, status, fragment)
    assert await timeline_ids(client, "people", mixed.ids["Dana Whitfield"]) == [
        mixed.ids["cto"],
        mixed.ids["cfo"],
    ]
    assert (await client.get(f"/people/{mixed.ids['Dana Whitfield']}/history")).json() == []


async def test_rename_keeps_the_old_name_as_an_alias(client: Client, mixed: Rows) -> None:
    northwind = mixed.ids["Northwind Robotics"]
    response = await client.patch(
        f"/companies/{northwind}", json={"name": "Northwind Labs", "reason": "rebrand"}
    )

    assert response.status_code == 200, response.text
    company = response.json()
    assert company["name"] == "Northwind Labs"
    assert [a["alias"] for a in company["aliases"]] == ["Northwind Robotics"]
    found = (await client.get("/events", params={"company": "Northwind Robotics"})).json()["items"]
    assert [e["organization"]["name"] for e in found] == ["Northwind Labs"]
    [entry] = (await client.get(f"/companies/{northwind}/history")).json()
    assert (entry["action"], entry["before"], entry["after"], entry["reason"]) == (
        "rename",
        {"name": "Northwind Robotics"},
        {"name": "Northwind Labs"},
        "rebrand",
    )


async def test_renaming_to_an_alias_makes_it_the_name(client: Client, mixed: Rows) -> None:
    dana = mixed.ids["Dana Whitfield"]
    person = (await client.patch(f"/people/{dana}", json={"name": "Dana Whitfield-Ross"})).json()

    assert person["name"] == "Dana Whitfield-Ross"
    assert sorted(a["alias"] for a in person["aliases"]) == ["D. Whitfield", "Dana Whitfield"]


@pytest.mark.parametrize(
    ("path", "body", "status", "fragment"),
    [
        ("/companies/{Northwind Robotics}", {"name": "Kestrel Dynamics"}, 409, "already names organization"),
        ("/companies/{Northwind Robotics}", {"name": "  ..."}, 422, "no letters or digits"),
        ("/people/424242", {"name": "Lena Vogt"}, 404, "no person with id 424242"),
        ("/people/424242/history", None, 404, "no person with id 424242"),
    ],
    ids=["name-taken", "no-letters", "unknown-person", "unknown-history"],
)
async def test_bad_renames_are_refused(
    client: Client, mixed: Rows, path: str, body: dict[str, Any] | None, status: int, fragment: str
) -> None:
    url = path.replace("{Northwind Robotics}", str(mixed.ids["Northwind Robotics"]))
    response = await (client.patch(url, json=body) if body is not None else client.get(url))
    assert_problem(response, status, fragment)
