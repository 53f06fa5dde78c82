"""`tenure ingest --workers N`: several articles stored at once give what one at a time gives,
re-ingesting changes nothing, and what the batch prints does not depend on N. Both back ends,
real extraction over the project's seed articles (they share people, companies and facts)."""

from __future__ import annotations

import asyncio
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import fresh_database_url
from sqlalchemy import text

from tenure.cli import main
from tenure.models.db import create_engine

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# The stored result, ids left out (they follow arrival order): every event with its people,
# company, fields and sources; every person and company with its aliases; the outbox.
DUMP = {
    "events": """
        SELECT e.type, p.name, o.name, e.role, e.date, e.date_precision, e.state, e.announced_on,
               e.status, e.revision
        FROM events e LEFT JOIN people p ON p.id = e.person_id
        LEFT JOIN organizations o ON o.id = e.organization_id""",
    "sources": """
        SELECT a.url, e.type, p.name, o.name, s.date, s.evidence_start
        FROM event_sources s JOIN articles a ON a.id = s.article_id JOIN events e ON e.id = s.event_id
        LEFT JOIN people p ON p.id = e.person_id LEFT JOIN organizations o ON o.id = e.organization_id""",
    "people": "SELECT p.name, m.name FROM people p LEFT JOIN people m ON m.id = p.merged_into_id",
    "organizations": "SELECT name FROM organizations",
    "aliases": """
        SELECT a.alias, p.name, a.origin FROM person_aliases a JOIN people p ON p.id = a.person_id
        UNION ALL
        SELECT a.alias, o.name, a.origin FROM organization_aliases a
        JOIN organizations o ON o.id = a.organization_id""",
    "articles": "SELECT url, content_hash FROM articles",
}


def stored(url: str) -> dict[str, list[tuple[Any, ...]]]:
    async def read() -> dict[str, list[tuple[Any, ...]]]:
        engine = create_engine(url)
        try:
            async with engine.connect() as conn:
                return {
                    name: sorted((tuple(row) for row in (await conn.execute(text(sql))).all()), key=repr)
                    for name, sql in DUMP.items()
                }
        finally:
            await engine.dispose()

    return asyncio.run(read())


@contextmanager
def using(monkeypatch: pytest.MonkeyPatch, url: str):  # type: ignore[no-untyped-def]
    with monkeypatch.context() as patch:
        patch.setenv("TENURE_DATABASE_URL", url)
        yield


def ingest(monkeypatch: pytest.MonkeyPatch, url: str, *args: str) -> int:
    with using(monkeypatch, url):
        return main(["ingest", *args])


@pytest.fixture
def second_database_url(backend: str, templates, tmp_path: Path):  # type: ignore[no-untyped-def]
    yield from fresh_database_url(backend, templates, tmp_path)


def test_four_workers_store_what_one_worker_stores(
    database_url: str,
    second_database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert ingest(monkeypatch, database_url, str(SEEDS), "--workers", "1") == 0
    one = capsys.readouterr().out
    assert ingest(monkeypatch, second_database_url, str(SEEDS), "--workers", "4") == 0
    four = capsys.readouterr().out
    assert four == one  # the summary too: created and merged counts do not depend on the order
    first, second = stored(database_url), stored(second_database_url)
    assert first["events"] and first["aliases"]  # the seeds exercise merging and aliases
    for table in DUMP:
        assert second[table] == first[table], table


def test_reingesting_with_workers_changes_nothing(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(monkeypatch, database_url, str(SEEDS), "--workers", "4") == 0
    articles = int(capsys.readouterr().out.split()[1])
    before = stored(database_url)
    assert ingest(monkeypatch, database_url, str(SEEDS), "--workers", "4") == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"articles: 0 new, {articles} already known, 0 failed",
        "events: 0 created, 0 merged into stored events",
    ]
    assert stored(database_url) == before


def test_failures_are_reported_in_file_order_whatever_the_workers(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.md"))[:6]:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "2019-00-bad.md").write_text("---\npublished_at: 2019-13-45T00:00:00Z\n---\nA story.\n")
    # Refused by the front door's checks (in a worker process when there are several).
    (folder / "2024-00-old.md").write_text("---\npublished_at: 1850-01-01T00:00:00Z\n---\nA story.\n")
    lines = {}
    # The second run finds the good articles known; the bad ones fail again, in the same order.
    for workers in ("1", "4"):
        assert ingest(monkeypatch, database_url, str(folder), "--workers", workers) == 1
        captured = capsys.readouterr()
        lines[workers] = captured.err.strip().splitlines()
        assert captured.out.splitlines()[0].endswith("2 failed")
    assert len(lines["1"]) == 2
    assert lines["1"][0].startswith(f"tenure: {folder / '2019-00-bad.md'}: ")
    assert lines["1"][1] == (
        f"tenure: {folder / '2024-00-old.md'}: published_at must fall in the years 1900 to 2100, not 1850"
    )
    assert lines["4"] == lines["1"]


@pytest.mark.parametrize("value", ["0", "-2", "many", "65"])
def test_a_bad_worker_count_is_one_line(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["ingest", str(SEEDS), "--workers", value])
    assert stop.value.code == 2
    assert f"'{value}' is not a number of workers from 1 to 64" in capsys.readouterr().err
