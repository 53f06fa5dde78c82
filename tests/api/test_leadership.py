"""GET /companies/{id}/leadership and /people/{id}/roles on both back ends."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Event

from .conftest import Rows, assert_problem

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def northwind(rows: Rows) -> Rows:
    """A CTO succeeded by another, who then leaves at year precision; one unmatched departure."""
    for name in ("Gil Barros", "Ines Marr", "Olu Fenn"):
        await rows.person(name)
    await rows.company("Northwind Robotics")
    await rows.company("Kestrel Dynamics")
    rows.ids["cto-1"] = await rows.event(
        "appointment", "Gil Barros", "Northwind Robotics", "2015-04-01", role="CTO"
    )
    rows.ids["cto-2"] = await rows.event(
        "appointment", "Ines Marr", "Northwind Robotics", "2019-06", role="chief technology officer"
    )
    rows.ids["leave"] = await rows.event(
        "departure", "Ines Marr", "Northwind Robotics", "2024", status="announced", role="CTO"
    )
    rows.ids["unmatched"] = await rows.event(
        "departure", "Olu Fenn", "Northwind Robotics", "2020-02-02", status="completed", role="CFO"
    )
    rows.ids["elsewhere"] = await rows.event(
        "appointment", "Ines Marr", "Kestrel Dynamics", "2025-01-06", role="chair"
    )
    await rows.event("award", "Ines Marr", "Northwind Robotics", "2021")  # not a role event
    return rows


async def test_company_leadership(client: Client, northwind: Rows) -> None:
    ids = northwind.ids
    response = await client.get(f"/companies/{ids['Northwind Robotics']}/leadership")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["organization"] == {"id": ids["Northwind Robotics"], "name": "Northwind Robotics"}
    got = [
        (
            s["person"]["name"],
            s["role"],
            s["start"] and (s["start"]["date"], s["start"]["event_ids"]),
            s["end"]
            and (s["end"]["date"], s["end"]["date_precision"], s["end"]["uncertain"], s["end"]["event_ids"]),
            s["open"],
        )
        for s in body["spans"]
    ]
    assert got == [
        (
            "Olu Fenn",
            "chief financial officer",
            None,
            ("2020-02-02", "day", False, [ids["unmatched"]]),
            False,
        ),
        (
            "Gil Barros",
            "chief technology officer",
            ("2015-04-01", [ids["cto-1"]]),
            ("2019-06", "month", True, [ids["cto-2"]]),
            False,
        ),
        (
            "Ines Marr",
            "chief technology officer",
            ("2019-06", [ids["cto-2"]]),
            ("2024", "year", True, [ids["leave"]]),
            False,
        ),
    ]
    last_end = body["spans"][2]["end"]
    assert (last_end["earliest"], last_end["latest"], last_end["status"]) == (
        "2024-01-01",
        "2024-12-31",
        "announced",
    )


async def test_person_roles_across_companies(client: Client, northwind: Rows) -> None:
    ids = northwind.ids
    response = await client.get(f"/people/{ids['Ines Marr']}/roles")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["person"] == {"id": ids["Ines Marr"], "name": "Ines Marr"}
    got = [(s["organization"]["name"], s["role"], s["open"], s["interim"]) for s in body["spans"]]
    assert got == [
        ("Northwind Robotics", "chief technology officer", False, False),
        ("Kestrel Dynamics", "chair", True, False),
    ]
    assert body["spans"][1]["end"] is None


async def test_person_without_role_events_has_no_spans(client: Client, rows: Rows) -> None:
    person_id = await rows.person("Nobody Special")
    response = await client.get(f"/people/{person_id}/roles")
    assert response.status_code == 200
    assert response.json()["spans"] == []


@pytest.mark.parametrize("path", ["/companies/999999/leadership", "/people/999999/roles"])
async def test_unknown_ids_are_404_problems(client: Client, path: str) -> None:
    assert_problem(await client.get(path), 404, "999999")


async def test_rejected_events_give_no_span(
    client: Client, northwind: Rows, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """An analyst's rejection takes the event out of the spans (Event.state, migration 0006)."""
    async with sessions() as session, session.begin():
        await session.execute(
            update(Event).where(Event.id == northwind.ids["cto-2"]).values(state="rejected")
        )

    body = (await client.get(f"/companies/{northwind.ids['Northwind Robotics']}/leadership")).json()

    cto = [(s["person"]["name"], s["open"]) for s in body["spans"] if s["role"] == "chief technology officer"]
    # Gil Barros is no longer succeeded; Ines Marr's departure has nothing to close.
    assert cto == [("Ines Marr", False), ("Gil Barros", True)]
    page = (await client.get("/")).text
    assert f'href="/e/{northwind.ids["cto-2"]}"' not in page
