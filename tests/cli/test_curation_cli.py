"""`tenure events ...` and `tenure people|companies ...` in process, on both back ends."""

from __future__ import annotations

import asyncio
import getpass
import json
from datetime import UTC, datetime

import pytest
from factories import extracted

from tenure.cli import main
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models.db import create_engine, session_factory

ACTOR = f"cli:{getpass.getuser()}"


@pytest.fixture
def event_id(database_url: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """One stored departure (Dana Whitfield leaving Northwind Robotics), with the CLI pointed at it."""
    monkeypatch.setenv("TENURE_DATABASE_URL", database_url)
    found = [extracted(date="2026-01", precision="month", role="chief technology officer")]
    monkeypatch.setattr("tenure.ingest.service.extract", lambda *args, **kwargs: found)

    async def ingest() -> int:
        engine = create_engine(database_url)
        try:
            text = "Dana Whitfield will leave Northwind Robotics, the company said."
            article = ArticleInput(
                text=text, published_at=datetime(2026, 1, 5, tzinfo=UTC), url="https://a.example/1"
            )
            result = await ingest_article(session_factory(engine), article)
            return result.events[0].id
        finally:
            await engine.dispose()

    return asyncio.run(ingest())


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_edit_show_reject_restore(event_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "events",
        "edit",
        event_id,
        "--date",
        "2026-03",
        "--role",
        "chief executive officer",
        "--reason",
        "the filing says March",
    )
    assert (code, out.strip()) == (0, f"event {event_id} edited: revision 2, locked date, role")

    code, out, _ = run(capsys, "events", "show", event_id)
    assert code == 0
    assert "2026-03 (month)" in out
    assert f"edit by {ACTOR} (the filing says March)" in out
    assert "rule test.canned" in out

    code, _, err = run(capsys, "events", "reject", event_id, "--revision", 1)
    assert code == 2
    assert err.count("\n") == 1 and "has changed since revision 1" in err

    assert run(capsys, "events", "reject", event_id, "--reason", "satire")[0] == 0
    shown = json.loads(run(capsys, "events", "show", event_id, "--json")[1])
    assert (shown["state"], shown["revision"]) == ("rejected", 3)
    assert [(h["action"], h["actor"]) for h in shown["history"]] == [("edit", ACTOR), ("reject", ACTOR)]

    code, out, _ = run(capsys, "events", "restore", event_id)
    assert (code, out.strip()) == (0, f"event {event_id} restored: now active, revision 4")


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["events", "edit", "{id}", "--date", "2026-02-30"], 2, "not a day of the calendar"),
        (["events", "edit", "{id}"], 2, "nothing to change"),
        (["events", "edit", "{id}", "--detail", "successor"], 2, "is not KEY=VALUE"),
        (["events", "restore", "{id}"], 2, "nothing to restore"),
        (["events", "show", "999999"], 3, "no event with id 999999"),
        (["people", "split", "1", "--name", "Dana Ross"], 2, "name the aliases or events"),
        (["companies", "rename", "999999", "Kestrel"], 3, "no organization with id 999999"),
    ],
    ids=[
        "impossible-date",
        "no-change",
        "bad-detail",
        "restore-active",
        "unknown-event",
        "empty-split",
        "unknown-company",
    ],
)
def test_errors_are_one_line_with_an_exit_code(
    event_id: int, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, fragment: str
) -> None:
    got, _, err = run(capsys, *(arg.replace("{id}", str(event_id)) for arg in argv))
    assert got == code
    assert err.startswith("tenure: ") and err.count("\n") == 1 and fragment in err, err


def test_people_split_rename_and_history(event_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    shown = json.loads(run(capsys, "events", "show", event_id, "--json")[1])
    person = shown["person"]["id"]

    code, out, _ = run(
        capsys,
        "people",
        "split",
        person,
        "--name",
        "Dana Ross",
        "--event",
        event_id,
        "--reason",
        "two people",
    )
    assert code == 0 and "took 0 alias(es) and 1 event(s)" in out
    moved = json.loads(run(capsys, "events", "show", event_id, "--json")[1])
    assert moved["person"]["name"] == "Dana Ross"

    code, out, _ = run(capsys, "companies", "rename", shown["organization"]["id"], "Northwind Labs")
    assert (code, out.strip()) == (0, f"company {shown['organization']['id']} is now 'Northwind Labs'")

    code, out, _ = run(capsys, "people", "history", person)
    assert code == 0
    assert f"split by {ACTOR} (two people)" in out
