"""`tenure reextract` over the seeds after a deliberate rule change, through the real entry point."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tenure.cli import main
from tenure.extractors import engine
from tenure.models import Event
from tenure.models.db import create_engine, session_factory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ACTIONS = ("created", "merged", "updated", "unchanged", "detached", "retired", "kept", "restored")


def table(out: str) -> dict[str, dict[str, int]]:
    """The summary's rows by event type: {type: {action: count}} (only non-zero counts)."""
    rows: dict[str, dict[str, int]] = {}
    for line in out.splitlines():
        cells = line.split()
        if line.startswith("  ") and cells[0] != "type":
            rows[cells[0]] = {a: int(n) for a, n in zip(ACTIONS, cells[1:], strict=True) if int(n)}
    return rows


def states(database_url: str) -> dict[tuple[str, str], int]:
    async def count() -> dict[tuple[str, str], int]:
        db = create_engine(database_url)
        try:
            async with session_factory(db)() as session:
                query = select(Event.type, Event.state, func.count()).group_by(Event.type, Event.state)
                return {(t, s): n for t, s, n in (await session.execute(query)).all()}
        finally:
            await db.dispose()

    return asyncio.run(count())


def test_a_dropped_rule_retires_its_events_and_a_second_run_shows_nothing(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TENURE_DATABASE_URL", database_url)
    assert main(["ingest", str(SEEDS)]) == 0
    before = states(database_url)
    assert before[("award", "active")] == 10
    capsys.readouterr()
    # The deliberate change: the engine loses every award rule.
    monkeypatch.setattr(engine, "RULES", tuple(rule for rule in engine.RULES if rule.type != "award"))

    assert main(["reextract", "--dry-run"]) == 0
    dry = capsys.readouterr()
    assert "events would change: 12" in dry.out
    assert "reextract: 18/18 articles" in dry.err  # progress on stderr
    assert states(database_url) == before

    assert main(["reextract"]) == 0
    out = capsys.readouterr().out
    assert table(out) == table(dry.out)
    rows = table(out)
    # Ten awards had only award-rule sources: retired. Two sources were second reports of them.
    assert rows["award"] == {"detached": 2, "retired": 10}
    assert all(set(row) == {"unchanged"} for t, row in rows.items() if t != "award")
    assert out.count("retired award event") == 10
    after = states(database_url)
    assert (after.get(("award", "active"), 0), after[("award", "retired")]) == (0, 10)

    assert main(["reextract"]) == 0
    assert "events changed: 0" in capsys.readouterr().out

    monkeypatch.undo()  # the rules come back: the same events return, none duplicated
    monkeypatch.setenv("TENURE_DATABASE_URL", database_url)
    assert main(["reextract"]) == 0
    assert table(capsys.readouterr().out)["award"] == {"merged": 2, "restored": 10}
    assert states(database_url) == before


def test_bad_options_are_one_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TENURE_DATABASE_URL", database_url)
    assert main(["reextract", "--since", "last week"]) == 2
    assert capsys.readouterr().err == (
        "tenure: --since 'last week' is not a date; write YYYY-MM-DD, e.g. 2025-01-31\n"
    )
    assert main(["reextract", "--article", "999"]) == 3
    assert capsys.readouterr().err == "tenure: no article with id 999\n"
