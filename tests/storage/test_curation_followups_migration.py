"""0008_curation_followups goes up, down and up again on both back ends: the former facts of
events edited before it are rebuilt from the corrections log, and the other tables keep their rows."""

from __future__ import annotations

import json

from sqlalchemy import text

from tenure.models.db import create_engine
from tenure.models.migrate import current_revision, downgrade, run_blocking, upgrade

BEFORE = "0007_sources"
AFTER = "0008_curation_followups"
NOW = "'2026-01-05 10:00:00+00:00'"
# Two analyst edits of event 1, oldest first: the company (3 -> 4), then the date; and a status
# edit, which changes no fact and leaves no former fact.
EDITS = [
    ({"organization": {"id": 3, "name": "Northwind"}}, {"organization": {"id": 4, "name": "Corvel"}}),
    ({"date": "2025-10", "date_precision": "month"}, {"date": "2026-06", "date_precision": "month"}),
    ({"status": "planned"}, {"status": "completed"}),
]
FORMER = "SELECT event_id, organization_id, role, date, date_precision FROM event_former_facts ORDER BY id"


async def _run(url: str, *statements: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            rows: list[tuple[object, ...]] = []
            for sql in statements:
                result = await conn.execute(text(sql))
                rows = [tuple(row) for row in result] if result.returns_rows else []
            return rows
    finally:
        await engine.dispose()


def _seed() -> list[str]:
    entities = [
        f"INSERT INTO people (id, name, name_key, created_at) VALUES (1, 'Dana Whitfield', 'dana whitfield', {NOW})",
        *(
            f"INSERT INTO organizations (id, name, name_key, created_at) VALUES ({i}, '{n}', '{n.lower()}', {NOW})"
            for i, n in ((3, "Northwind"), (4, "Corvel"))
        ),
    ]
    event = (
        "INSERT INTO events (id, type, person_id, organization_id, role, date, date_precision, sort_date, "
        "status, details, confidence, revision, state, locked_fields, created_at, updated_at) VALUES "
        "(1, 'departure', 1, 4, 'chief executive officer', '2026-06', 'month', '2026-06-01', 'completed', "
        f"'{{}}', 0.8, 4, 'active', '[\"date\", \"organization\", \"status\"]', {NOW}, {NOW})"
    )
    corrections = [
        "INSERT INTO corrections (subject_type, subject_id, action, actor, before, after, created_at) VALUES "
        f"('event', 1, 'edit', 'desk', '{json.dumps(before)}', '{json.dumps(after)}', {NOW})"
        for before, after in EDITS
    ]
    return [*entities, event, *corrections]


def test_former_facts_are_rebuilt_from_the_corrections_up_down_up(empty_database_url: str) -> None:
    url = empty_database_url
    upgrade(url, BEFORE)
    run_blocking(_run(url, *_seed()))

    upgrade(url, AFTER)
    # Undone newest first: before the date edit (company already corrected), then before both.
    rebuilt = [
        (1, 4, "chief executive officer", "2025-10", "month"),
        (1, 3, "chief executive officer", "2025-10", "month"),
    ]
    assert run_blocking(_run(url, FORMER)) == rebuilt

    downgrade(url, BEFORE)
    assert run_blocking(current_revision(url)) == BEFORE
    assert run_blocking(_run(url, "SELECT id, organization_id, date FROM events")) == [(1, 4, "2026-06")]
    assert run_blocking(_run(url, "SELECT count(*) FROM corrections")) == [(3,)]

    upgrade(url, AFTER)
    assert run_blocking(current_revision(url)) == AFTER
    assert run_blocking(_run(url, FORMER)) == rebuilt
