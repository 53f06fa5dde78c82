"""Correcting an event from its page, on both back ends: sign in with a key (a cookie), then the
reject, restore, confirm and edit forms, with their CSRF token and the revision they were shown."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Correction, Event

from .conftest import Rows

Client = AsyncTestClient[Litestar]
Sessions = async_sessionmaker[AsyncSession]
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


@pytest.fixture
async def event_id(rows: Rows) -> int:
    await rows.person("Ines Marr")
    await rows.company("Northwind Robotics")
    return await rows.event(
        "departure", "Ines Marr", "Northwind Robotics", "2024-05", status="planned", role="CTO"
    )


@pytest.fixture
async def browser(client: Client) -> Client:
    """A client that authenticates as a browser does: no Authorization header, only cookies."""
    del client.headers["Authorization"]
    client.follow_redirects = False  # the tests read each 303 themselves
    return client


async def sign_in(client: Client, key: str, next_path: str = "/") -> None:
    page = await client.get("/signin", params={"next": next_path})
    nonce = dict(HIDDEN.findall(page.text))["nonce"]
    response = await client.post("/signin", data={"key": key, "nonce": nonce, "next": next_path})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == next_path


async def form_fields(client: Client, event_id: int, action: str) -> dict[str, str]:
    """The hidden fields of one form on the event's page, as a browser would submit them."""
    html = (await client.get(f"/e/{event_id}")).text
    form = re.search(
        rf'<form class="correct[^"]*" action="/e/{event_id}/{action}" method="post".*?</form>', html, re.S
    )
    assert form is not None, f"no {action} form on the page"
    return {name: htmllib.unescape(value) for name, value in HIDDEN.findall(form[0])}


async def stored(sessions: Sessions, event_id: int) -> tuple[Event, list[tuple[str, str, str | None]]]:
    async with sessions() as session:
        event = await session.get(Event, event_id)
        assert event is not None
        query = select(Correction).where(Correction.subject_id == event_id).order_by(Correction.id)
        trail = [(c.action, c.actor, c.reason) for c in (await session.execute(query)).scalars()]
        return event, trail


async def test_sign_in_sets_a_strict_http_only_cookie(browser: Client, api_key: str, event_id: int) -> None:
    before = (await browser.get(f"/e/{event_id}")).text
    assert f'href="/signin?next=/e/{event_id}"' in before and 'name="csrf"' not in before

    page = await browser.get("/signin", params={"next": f"/e/{event_id}"})
    nonce = dict(HIDDEN.findall(page.text))["nonce"]
    response = await browser.post("/signin", data={"key": api_key, "nonce": nonce, "next": f"/e/{event_id}"})

    assert (response.status_code, response.headers["location"]) == (303, f"/e/{event_id}")
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("tenure_key="))
    assert {"httponly", "samesite=strict", "path=/"} <= {part.strip().lower() for part in cookie.split(";")}
    after = (await browser.get(f"/e/{event_id}")).text
    assert f'action="/e/{event_id}/reject"' in after and 'name="csrf"' in after


@pytest.mark.parametrize(
    ("change", "status", "says"),
    [
        pytest.param({"nonce": "forged"}, 403, "expired or came from another site", id="nonce-forged"),
        pytest.param({"key": "tnr_not-a-key"}, 401, "not valid", id="unknown-key"),
        pytest.param({"key": ""}, 422, "enter an API key", id="no-key"),
    ],
)
async def test_sign_in_refusals(
    browser: Client, api_key: str, change: dict[str, str], status: int, says: str
) -> None:
    page = await browser.get("/signin")
    form = {"key": api_key, "nonce": dict(HIDDEN.findall(page.text))["nonce"], "next": "/", **change}

    response = await browser.post("/signin", data=form)

    assert response.status_code == status
    assert says in response.text and "tenure_key" not in response.headers.get("set-cookie", "")


async def test_reject_then_restore_from_the_page(
    browser: Client, api_key: str, event_id: int, sessions: Sessions
) -> None:
    await sign_in(browser, api_key, f"/e/{event_id}")

    fields = await form_fields(browser, event_id, "reject")
    response = await browser.post(f"/e/{event_id}/reject", data={**fields, "reason": "a satire site"})

    assert (response.status_code, response.headers["location"]) == (303, f"/e/{event_id}")
    page = (await browser.get(f"/e/{event_id}")).text
    assert "<dt>State</dt><dd>rejected" in page
    assert f'action="/e/{event_id}/restore"' in page and f'action="/e/{event_id}/reject"' not in page
    event, trail = await stored(browser_sessions := sessions, event_id)
    assert (event.state, trail) == ("rejected", [("reject", "test suite", "a satire site")])

    fields = await form_fields(browser, event_id, "restore")
    assert (await browser.post(f"/e/{event_id}/restore", data=fields)).status_code == 303
    event, trail = await stored(browser_sessions, event_id)
    assert event.state == "active" and [a for a, _, _ in trail] == ["reject", "restore"]


async def test_confirm_from_the_page(
    browser: Client, api_key: str, event_id: int, sessions: Sessions
) -> None:
    await sign_in(browser, api_key)
    fields = await form_fields(browser, event_id, "confirm")

    assert (await browser.post(f"/e/{event_id}/confirm", data=fields)).status_code == 303

    event, _ = await stored(sessions, event_id)
    assert event.confirmed_by == "test suite"
    assert "confirmed by test suite" in (await browser.get(f"/e/{event_id}")).text


# (what the analyst types, what the event then holds, the fields locked)
EDITS = [
    pytest.param(
        {"role": "chief technology officer"},
        ("chief technology officer", "2024-05", "month", "planned"),
        ["role"],
        id="role",
    ),
    pytest.param(
        {"date": "2024-06-03"},
        ("CTO", "2024-06-03", "day", "planned"),
        ["date"],
        id="new-date-takes-its-precision",
    ),
    pytest.param(
        {"date": "2024-06-03", "date_precision": "week"},
        ("CTO", "2024-06-03", "week", "planned"),
        ["date"],
        id="week",
    ),
    pytest.param(
        {"date_precision": "year", "date": "2024"},
        ("CTO", "2024", "year", "planned"),
        ["date"],
        id="to-the-year",
    ),
    pytest.param({"status": "completed"}, ("CTO", "2024-05", "month", "completed"), ["status"], id="status"),
    pytest.param({"role": "", "date": ""}, (None, None, None, "planned"), ["date", "role"], id="clear"),
]


@pytest.mark.parametrize(("typed", "held", "locked"), EDITS)
async def test_edit_form_changes_only_what_was_changed(
    browser: Client,
    api_key: str,
    event_id: int,
    sessions: Sessions,
    typed: dict[str, str],
    held: tuple[str | None, ...],
    locked: list[str],
) -> None:
    await sign_in(browser, api_key)
    fields = await form_fields(browser, event_id, "edit")
    # The form as shown: every field filled with the event's values.
    shown = {"role": "CTO", "date": "2024-05", "date_precision": "month", "status": "planned", "reason": ""}

    response = await browser.post(f"/e/{event_id}/edit", data={**fields, **shown, **typed})

    assert response.status_code == 303, response.text
    event, trail = await stored(sessions, event_id)
    assert (event.role, event.date, event.date_precision, event.status) == held
    assert event.locked_fields == locked
    assert [a for a, _, _ in trail] == ["edit"]


@pytest.mark.parametrize(
    ("action", "change", "status", "says"),
    [
        pytest.param("reject", {"csrf": None}, 403, "CSRF token is missing", id="csrf-missing"),
        pytest.param(
            "reject", {"csrf": "0" * 64}, 403, "CSRF token is missing or does not match", id="csrf-wrong"
        ),
        pytest.param("reject", {"revision": "0"}, 409, "has changed since revision 0", id="stale-reject"),
        pytest.param(
            "edit", {"revision": "0", "role": "COO"}, 409, "has changed since revision 0", id="stale-edit"
        ),
        pytest.param("reject", {"revision": None}, 422, "no event revision", id="no-revision"),
        pytest.param("edit", {"date": "2024-02-30"}, 422, "not a day of the calendar", id="impossible-date"),
        pytest.param("edit", {"status": "vanished"}, 422, "is not one of", id="unknown-status"),
    ],
)
async def test_refused_forms_leave_the_event_as_it_was(
    browser: Client,
    api_key: str,
    event_id: int,
    sessions: Sessions,
    action: str,
    change: dict[str, str | None],
    status: int,
    says: str,
) -> None:
    await sign_in(browser, api_key)
    fields: dict[str, str | None] = {**(await form_fields(browser, event_id, action)), **change}

    response = await browser.post(
        f"/e/{event_id}/{action}", data={k: v for k, v in fields.items() if v is not None}
    )

    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert says in htmllib.unescape(response.text)
    assert f'href="/e/{event_id}"' in response.text  # back to the page, to reload it
    event, trail = await stored(sessions, event_id)
    assert (event.state, event.role, event.revision, trail) == ("active", "CTO", 1, [])


async def test_a_form_without_signing_in_is_401_with_a_way_to_sign_in(browser: Client, event_id: int) -> None:
    response = await browser.post(f"/e/{event_id}/reject", data={"csrf": "x", "revision": "1"})

    assert response.status_code == 401
    assert f'href="/signin?next=/e/{event_id}"' in response.text


async def test_sign_out_forgets_the_key(browser: Client, api_key: str, event_id: int) -> None:
    await sign_in(browser, api_key)
    fields = await form_fields(browser, event_id, "reject")

    response = await browser.post("/signout", data={"csrf": fields["csrf"], "next": f"/e/{event_id}"})

    assert response.status_code == 303
    assert 'name="csrf"' not in (await browser.get(f"/e/{event_id}")).text
    assert (await browser.post(f"/e/{event_id}/reject", data=fields)).status_code == 401


@pytest.mark.parametrize(
    ("asked", "goes_to"),
    [
        ("/e/7", "/e/7"),
        ("/p/1?type=award", "/p/1?type=award"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("https://evil.example/", "/"),
        ("", "/"),
    ],
)
async def test_sign_in_goes_back_only_to_this_server(
    browser: Client, api_key: str, asked: str, goes_to: str
) -> None:
    page = await browser.get("/signin")
    nonce = dict(HIDDEN.findall(page.text))["nonce"]

    response = await browser.post("/signin", data={"key": api_key, "nonce": nonce, "next": asked})

    assert (response.status_code, response.headers["location"]) == (303, goes_to)
