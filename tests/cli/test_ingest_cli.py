"""`tenure ingest` and `tenure db` through the real entry point, on both back ends."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from factories import extracted

from tenure.cli import main
from tenure.extractors import ExtractedEvent
from tenure.models.migrate import head_revision


def event(type_: str, person: str, organization: str, date: str | None) -> ExtractedEvent:
    return extracted(
        type_,
        person,
        organization,
        date=date,
        precision="day",
        details={},
        evidence=f"{person} and {organization}.",
    )


# Canned extraction per article, keyed by a word in its text.
CANNED = {
    "ledger": [event("departure", "Dana Whitfield", "Northwind Robotics", "2025-10-20")],
    "harbor": [
        event("departure", "Dana Whitfield", "Northwind", "2025-10-20"),
        event("founding", "Dana Whitfield", "Tessellate AI", None),
    ],
    "plain": [event("appointment", "Kim Sato", "Northwind Robotics", "2023-09-28")],
}


def fake_extract(text: str, published_at: dt.datetime, *, fmt: str = "auto") -> list[ExtractedEvent]:
    return next((events for word, events in CANNED.items() if word in text), [])


def front(url: str, body: str, published_at: str = "2025-10-21T09:30:00-04:00") -> str:
    return f"---\ntitle: t\nsource: s\nurl: {url}\npublished_at: {published_at}\n---\n{body}\n"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "1-ledger.md").write_text(front("https://ledger.example.com/1", "ledger story"))
    (folder / "2-harbor.md").write_text(front("https://harbor.example.com/2", "harbor story"))
    (folder / "README.md").write_text("Not an article.\n")
    return folder


@pytest.fixture
def use_db(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(url: str) -> None:
        monkeypatch.setenv("TENURE_DATABASE_URL", url)

    return use


def test_ingest_folder_prints_a_summary_and_is_idempotent(
    database_url: str,
    articles: Path,
    use_db,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_db(database_url)
    monkeypatch.setattr("tenure.ingest.service.extract", fake_extract)
    assert main(["ingest", str(articles)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "articles: 2 new, 0 already known, 0 failed"
    assert out[1] == "events: 2 created, 1 merged into stored events"
    assert [line.split() for line in out[2:]] == [
        ["departure", "1", "created", "1", "merged"],
        ["founding", "1", "created", "0", "merged"],
    ]
    assert main(["ingest", str(articles)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "articles: 0 new, 2 already known, 0 failed",
        "events: 0 created, 0 merged into stored events",
    ]


def test_a_bad_file_is_reported_and_the_batch_goes_on(
    database_url: str,
    articles: Path,
    use_db,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_db(database_url)
    monkeypatch.setattr("tenure.ingest.service.extract", fake_extract)
    undated = articles / "0-undated.txt"
    undated.write_text("plain story without a date\n")
    assert main(["ingest", str(articles), str(articles / "missing.md")]) == 1
    captured = capsys.readouterr()
    assert f"tenure: {undated}: no published_at in the file; pass --published-at" in captured.err
    assert f"tenure: {articles / 'missing.md'}: no such file or folder" in captured.err
    assert captured.out.splitlines()[0] == "articles: 2 new, 0 already known, 2 failed"
    # The same file with a fallback publication time goes in.
    assert main(["ingest", str(undated), "--published-at", "2023-09-28T10:00:00+00:00"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "articles: 1 new, 0 already known, 0 failed",
        "events: 1 created, 0 merged into stored events",
    ]


def test_bad_lines_of_a_jsonl_file_are_one_line_each_and_later_files_still_go_in(
    database_url: str,
    articles: Path,
    use_db,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_db(database_url)
    monkeypatch.setattr("tenure.ingest.service.extract", fake_extract)
    batch = articles / "0-batch.jsonl"
    stamp = "2025-10-21T09:30:00+00:00"
    batch.write_text(
        "\n".join(
            [
                "[" * 50_000 + "]" * 50_000,
                json.dumps({"text": "plain story \x00 with a NUL and a lone \ud800", "published_at": stamp}),
                '{"text": "year nine thousand", "published_at": "9999-12-31T23:59:59-05:00"}',
            ]
        )
        + "\n"
    )
    assert main(["ingest", str(articles)]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert errors == [
        f"tenure: {batch}:1: not valid JSON (nested too deeply)",
        f"tenure: {batch}:3: published_at must fall in the years 1900 to 2100, not 9999",
    ]
    # The NUL line went in cleaned, and the files after the batch were still read.
    assert captured.out.splitlines()[0] == "articles: 3 new, 0 already known, 2 failed"


def test_an_extractor_crash_fails_only_that_file(
    database_url: str,
    articles: Path,
    use_db,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_db(database_url)

    def flaky(text: str, published_at: dt.datetime, *, fmt: str = "auto") -> list[ExtractedEvent]:
        if "harbor" in text:
            raise ValueError("engine bug")
        return fake_extract(text, published_at, fmt=fmt)

    monkeypatch.setattr("tenure.ingest.service.extract", flaky)
    assert main(["ingest", str(articles)]) == 1
    captured = capsys.readouterr()
    assert f"tenure: {articles / '2-harbor.md'}: unexpected error: ValueError: engine bug" in captured.err
    assert captured.out.splitlines()[:2] == [
        "articles: 1 new, 0 already known, 1 failed",
        "events: 1 created, 0 merged into stored events",
    ]


def test_real_engine_through_the_cli(
    database_url: str, tmp_path: Path, use_db, capsys: pytest.CaptureFixture[str]
) -> None:
    use_db(database_url)
    path = tmp_path / "solberg.md"
    path.write_text(
        front(
            "https://fjord.example.com/solberg",
            "Ingrid Solberg will step down as chief executive of Halvorsen Freight effective March 31, "
            "the company said on Tuesday.",
            published_at="2025-02-12T08:00:00+01:00",
        )
    )
    assert main(["ingest", str(path)]) == 0
    out = capsys.readouterr().out
    assert "articles: 1 new, 0 already known, 0 failed" in out
    assert any(line.split()[:3] == ["departure", "1", "created"] for line in out.splitlines())


def test_ingest_into_an_unmigrated_database_says_what_to_run(
    empty_database_url: str, articles: Path, use_db, capsys: pytest.CaptureFixture[str]
) -> None:
    use_db(empty_database_url)
    assert main(["ingest", str(articles)]) == 69
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"tenure: the database is empty (never migrated) but this version of tenure needs {head_revision()}: "
        "run `tenure db upgrade`"
    ]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        pytest.param(
            "postgresql+asyncpg://tenure:secret@127.0.0.1:9/test", "Connect call failed", id="pg-refused"
        ),
        pytest.param(
            "sqlite+aiosqlite:////nonexistent-dir/x/tenure.db",
            "/nonexistent-dir/x does not exist",
            id="sqlite-no-dir",
        ),
    ],
)
@pytest.mark.parametrize("command", [["ingest", "."], ["db", "upgrade"], ["db", "current"]])
def test_unreachable_database_is_one_line(
    url: str, reason: str, command: list[str], use_db, capsys: pytest.CaptureFixture[str]
) -> None:
    use_db(url)
    assert main(command) == 69
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("tenure: cannot use the database at ")
    assert reason in line
    assert "secret" not in line


def test_db_upgrade_current_downgrade(
    empty_database_url: str, use_db, capsys: pytest.CaptureFixture[str]
) -> None:
    use_db(empty_database_url)
    head = head_revision()
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.startswith("none (empty database")
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"database at revision {head} (head)"
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip() == f"{head} (head)"
    assert main(["db", "downgrade", "base"]) == 0
    assert capsys.readouterr().out.startswith("database at revision none")
    assert main(["db", "upgrade"]) == 0
