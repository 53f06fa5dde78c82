"""Event corrections through the API on both back ends: reads that explain, edits, reject/restore/
confirm, If-Match and the errors analysts get."""

from __future__ import annotations

import asyncio
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
async def moves(rows: Rows) -> Rows:
    await rows.person("Dana Whitfield")
    await rows.person("Omar Haddad")
    await rows.company("Northwind Robotics")
    await rows.company("Kestrel Dynamics")
    rows.ids["leave"] = await rows.event(
        "departure", "Dana Whitfield", "Northwind Robotics", "2025-10-20", status="planned", role="CTO"
    )
    rows.ids["join"] = await rows.event("appointment", "Dana Whitfield", "Kestrel Dynamics", "2025-11")
    rows.ids["award"] = await rows.event("award", "Omar Haddad", None, "2024")
    return rows


async def event_ids(client: Client, path: str) -> list[int]:
    """The event ids a listing shows, whatever its format."""
    response = await client.get(path)
    assert response.status_code == 200, response.text
    if "format=ndjson" in path:
        return [json.loads(line)["id"] for line in response.text.splitlines()]
    if "format=csv" in path:
        return [int(row["id"]) for row in csv.DictReader(io.StringIO(response.text))]
    return [item["id"] for item in response.json()["items"]]


async def reject(client: Client, event_id: int, reason: str | None = None) -> Any:
    return await client.post(f"/events/{event_id}/reject", json={"reason": reason} if reason else None)


async def patch(client: Client, event_id: int, body: dict[str, Any], revision: int | None = 1) -> Any:
    headers = {} if revision is None else {"If-Match": f'"{revision}"'}
    return await client.patch(f"/events/{event_id}", json=body, headers=headers)


@pytest.mark.parametrize(
    "path",
    [
        "/people/{person}/timeline",
        "/companies/{company}/timeline",
        "/events",
        "/events?limit=10&type=departure",
        "/events?format=ndjson",
        "/events?format=csv",
    ],
    ids=["person-timeline", "company-timeline", "events", "events-filtered", "ndjson-export", "csv-export"],
)
async def test_a_rejected_event_leaves_every_listing(client: Client, moves: Rows, path: str) -> None:
    url = path.format(person=moves.ids["Dana Whitfield"], company=moves.ids["Northwind Robotics"])
    assert moves.ids["leave"] in await event_ids(client, url)

    assert (await reject(client, moves.ids["leave"], "the article was satire")).status_code == 200

    assert moves.ids["leave"] not in await event_ids(client, url)
    restored = await client.post(f"/events/{moves.ids['leave']}/restore")
    assert restored.json()["state"] == "active"
    assert moves.ids["leave"] in await event_ids(client, url)


async def test_entity_counts_leave_out_rejected_events(client: Client, moves: Rows) -> None:
    person = f"/people/{moves.ids['Dana Whitfield']}"
    assert (await client.get(person)).json()["event_count"] == 2
    await reject(client, moves.ids["leave"])
    assert (await client.get(person)).json()["event_count"] == 1


async def test_an_event_explains_itself(client: Client, moves: Rows) -> None:
    response = await client.get(f"/events/{moves.ids['leave']}")

    assert response.status_code == 200, response.text
    event = response.json()
    assert response.headers["etag"] == '"1"'
    assert (event["state"], event["revision"], event["locked_fields"], event["history"]) == (
        "active",
        1,
        [],
        [],
    )
    assert (event["confirmed_at"], event["confirmed_by"], event["announced_on"]) == (None, None, None)
    [source] = event["sources"]
    assert source["url"].startswith("https://news.example.com/")
    assert source["source"] == "Example News"
    assert source["evidence_span"] == [0, len(source["evidence"])]
    assert (source["rule_id"], source["confidence"]) == (None, 0.8)


async def test_patch_changes_locks_and_records_the_fields(client: Client, moves: Rows) -> None:
    event_id = moves.ids["leave"]
    response = await patch(
        client,
        event_id,
        {
            "date": "2026-03",
            "role": "chief technology officer",
            "organization": "Kestrel Dynamics",
            "reason": "the filing says March",
        },
    )

    assert response.status_code == 200, response.text
    event = response.json()
    assert (event["date"], event["date_precision"], event["role"]) == (
        "2026-03",
        "month",
        "chief technology officer",
    )
    assert event["organization"] == {"id": moves.ids["Kestrel Dynamics"], "name": "Kestrel Dynamics"}
    assert (event["revision"], response.headers["etag"]) == (2, '"2"')
    assert event["locked_fields"] == ["date", "organization", "role"]
    [correction] = event["history"]
    assert (correction["action"], correction["actor"], correction["reason"]) == (
        "edit",
        "test suite",
        "the filing says March",
    )
    assert correction["before"] == {
        "date": "2025-10-20",
        "date_precision": "day",
        "role": "CTO",
        "organization": {"id": moves.ids["Northwind Robotics"], "name": "Northwind Robotics"},
    }
    assert correction["after"]["date"] == "2026-03"
    history = (await client.get(f"/events/{event_id}/history")).json()
    assert history == event["history"]
    # The company's timeline follows the edit.
    kestrel = await event_ids(client, f"/companies/{moves.ids['Kestrel Dynamics']}/timeline?limit=10")
    assert event_id in kestrel


@pytest.mark.parametrize(
    ("body", "revision", "status", "fragment"),
    [
        pytest.param({"role": "CEO"}, None, 428, "If-Match", id="missing-if-match"),
        pytest.param({"role": "CEO"}, 7, 409, "changed since revision 7", id="stale-revision"),
        pytest.param({"colour": "red"}, 1, 400, "colour", id="unknown-field"),
        pytest.param({}, 1, 422, "nothing to change", id="empty-body"),
        pytest.param({"date": "2026-02-30"}, 1, 422, "not a day of the calendar", id="impossible-date"),
        pytest.param({"date": "March 2026"}, 1, 422, "YYYY-MM", id="unreadable-date"),
        pytest.param(
            {"date": "2026-03", "date_precision": "day"}, 1, 422, "precision month", id="wrong-precision"
        ),
        pytest.param({"status": "vanished"}, 1, 422, "not one of", id="unknown-status"),
        pytest.param({"person": 999999}, 1, 422, "no person with id 999999", id="unknown-person-id"),
    ],
)
async def test_bad_edits_are_refused_with_a_clear_problem(
    client: Client, moves: Rows, body: dict[str, Any], revision: int | None, status: int, fragment: str
) -> None:
    response = await patch(client, moves.ids["leave"], body, revision)

    assert_problem(response, status, fragment)
    unchanged = (await client.get(f"/events/{moves.ids['leave']}")).json()
    assert (unchanged["revision"], unchanged["history"]) == (1, [])


async def test_if_match_star_edits_whatever_the_revision(client: Client, moves: Rows) -> None:
    await reject(client, moves.ids["join"])
    await client.post(f"/events/{moves.ids['join']}/restore")

    response = await client.patch(
        f"/events/{moves.ids['join']}", json={"role": "CFO"}, headers={"If-Match": "*"}
    )

    assert response.status_code == 200, response.text
    assert (response.json()["role"], response.json()["revision"]) == ("CFO", 4)


@pytest.mark.parametrize("value", ['"x"', "W/", "3, 4"])
async def test_an_unreadable_if_match_is_422(client: Client, moves: Rows, value: str) -> None:
    response = await client.patch(
        f"/events/{moves.ids['leave']}", json={"role": "CFO"}, headers={"If-Match": value}
    )
    assert_problem(response, 422, "not an event revision")


async def test_status_belongs_to_departures(client: Client, moves: Rows) -> None:
    assert_problem(await patch(client, moves.ids["award"], {"status": "completed"}), 422, "departures")


@pytest.mark.parametrize(
    ("steps", "status", "fragment"),
    [
        pytest.param(["reject", "reject"], 409, "already rejected", id="reject-twice"),
        pytest.param(["restore"], 409, "nothing to restore", id="restore-active"),
        pytest.param(["reject", "confirm"], 409, "restore it", id="confirm-rejected"),
        pytest.param(["reject", "edit"], 409, "is rejected", id="edit-rejected"),
    ],
)
async def test_state_changes_that_make_no_sense_are_409(
    client: Client, moves: Rows, steps: list[str], status: int, fragment: str
) -> None:
    event_id = moves.ids["leave"]
    for step in steps[:-1]:
        assert (await client.post(f"/events/{event_id}/{step}")).status_code == 200
    last = steps[-1]
    if last == "edit":
        response = await patch(client, event_id, {"role": "CEO"}, revision=2)
    else:
        response = await client.post(f"/events/{event_id}/{last}")
    assert_problem(response, status, fragment)


async def test_reject_restore_confirm_are_recorded_in_order(client: Client, moves: Rows) -> None:
    event_id = moves.ids["join"]
    await reject(client, event_id, "wrong person")
    await client.post(f"/events/{event_id}/restore", headers={"If-Match": '"2"'})
    confirmed = await client.post(f"/events/{event_id}/confirm", json={"reason": "checked the filing"})

    event = confirmed.json()
    assert event["confirmed_by"] == "test suite"
    assert event["confirmed_at"] is not None
    assert event["revision"] == 4
    assert [
        (c["action"], c["before"].get("state"), c["after"].get("state"), c["reason"])
        for c in event["history"]
    ] == [
        ("reject", "active", "rejected", "wrong person"),
        ("restore", "rejected", "active", None),
        ("confirm", None, None, "checked the filing"),
    ]


async def test_a_stale_if_match_on_reject_is_409(client: Client, moves: Rows) -> None:
    response = await client.post(f"/events/{moves.ids['leave']}/reject", headers={"If-Match": '"5"'})
    assert_problem(response, 409, "revision 5")


@pytest.mark.parametrize(("path", "method"), [("", "get"), ("/history", "get"), ("/reject", "post")])
async def test_unknown_events_are_404(client: Client, path: str, method: str) -> None:
    response = await getattr(client, method)(f"/events/424242{path}")
    assert_problem(response, 404, "no event with id 424242")


async def test_concurrent_edits_of_one_revision_let_one_win(client: Client, moves: Rows) -> None:
    event_id = moves.ids["leave"]
    responses = await asyncio.gather(
        patch(client, event_id, {"role": "chief executive officer"}),
        patch(client, event_id, {"role": "chief financial officer"}),
    )

    assert sorted(r.status_code for r in responses) == [200, 409]
    winner = next(r for r in responses if r.status_code == 200).json()
    stored = (await client.get(f"/events/{event_id}")).json()
    assert (stored["role"], stored["revision"], len(stored["history"])) == (winner["role"], 2, 1)
