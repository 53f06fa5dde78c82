"""`tenure extract` on the command line: one article, JSON Lines batches, and readable errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Brindle Foods said on Tuesday that its chief executive, Harriet Vance, will step down in April.\n"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from tenure.cli import main; sys.exit(main())", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_extract_file_prints_a_json_list(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = run("extract", str(path), "--published-at", "2025-03-14T09:00:00Z")
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    assert [(e["type"], e["person"], e["organization"]) for e in events] == [
        ("departure", "Harriet Vance", "Brindle Foods")
    ]
    assert events[0]["date"] == "2025-04"  # when the move takes effect, not when it was said
    assert events[0]["rule_id"].startswith("departure.")


def test_extract_stdin_jsonl_format_writes_one_event_per_line() -> None:
    done = run("extract", "-", "--published-at", "2025-03-14T09:00:00Z", "--format", "jsonl", stdin=ARTICLE)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["type"] == "departure"


def test_extract_markdown_input_format(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(
        "# News\n\n**Harriet Vance** will step down as CEO of **Brindle Foods**.\n", encoding="utf-8"
    )
    done = run("extract", str(path), "--published-at", "2025-03-14T09:00:00Z", "--input-format", "markdown")
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    assert events[0]["person"] == "Harriet Vance"
    start, end = events[0]["evidence_span"]
    assert "Harriet Vance" in path.read_text(encoding="utf-8")[start:end]


def test_batch_mode_answers_every_line_in_order() -> None:
    lines = [
        {"id": "a", "text": ARTICLE, "published_at": "2025-03-14T09:00:00+00:00"},
        {"id": "b", "text": "", "published_at": "2025-03-14"},
        {"id": 7, "text": "Nothing happened here.", "published_at": "2025-03-14"},
    ]
    done = run("extract", "--jsonl", stdin="".join(json.dumps(x) + "\n" for x in lines))
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", 7]
    assert [len(o["events"]) for o in out] == [1, 0, 0]


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (
            ("extract", "/nonexistent/article.txt", "--published-at", "2025-03-14T09:00:00Z"),
            "",
            "cannot read",
        ),
        (("extract", "-", "--published-at", "yesterday-ish"), ARTICLE, "not an RFC 3339 date-time"),
        (("extract", "-", "--published-at", "2025-03-14"), ARTICLE, "with a UTC offset"),
        (("extract", "-", "--published-at", "2025-03-14T09:00:00"), ARTICLE, "with a UTC offset"),
        (("extract", "-", "--published-at", "2525-03-14T09:00:00Z"), ARTICLE, "years 1900 to 2100"),
        (("extract", "-"), ARTICLE, "--published-at is required"),
        (
            ("extract", "--jsonl"),
            '{"id": "a", "text": "x", "published_at": "2025-03-14"}\n{not json\n',
            "line 2",
        ),
        (("extract", "--jsonl"), '{"id": "a", "text": "x", "published_at": "soon"}\n', "line 1"),
        (("extract", "--jsonl"), '{"id": "a", "published_at": "2025-03-14"}\n', "line 1: text"),
        (("extract", "--jsonl"), '["a", "b"]\n', "line 1"),
    ],
    ids=[
        "unreadable-file",
        "bad-published-at",
        "bare-date-refused",
        "no-offset-refused",
        "year-out-of-range",
        "stdin-needs-published-at",
        "bad-json-line",
        "bad-published-at-in-batch",
        "missing-text",
        "not-an-object",
    ],
)
def test_bad_input_gives_one_readable_line_and_a_nonzero_exit(
    args: tuple[str, ...], stdin: str, needle: str
) -> None:
    done = run(*args, stdin=stdin)
    assert done.returncode != 0
    assert needle in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_bad_line_is_one_stderr_line_and_the_rest_of_the_batch_goes_on() -> None:
    good = {"text": ARTICLE, "published_at": "2025-03-14T09:00:00+00:00"}
    lines = [
        json.dumps({"id": "first", **good}),
        "[" * 50_000 + "]" * 50_000,  # deeper than the JSON decoder's recursion limit
        "{not json",
        json.dumps({"id": "far-future", "text": "x", "published_at": "9999-12-31T23:59:59-05:00"}),
        json.dumps({"id": "last", **good}),
    ]
    done = run("extract", "--jsonl", stdin="\n".join(lines) + "\n")
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["first", "far-future", "last"]
    errors = done.stderr.strip().splitlines()
    assert [e.split(":")[1].strip() for e in errors] == ["line 2", "line 3"]
    assert "nested too deeply" in errors[0] and "Traceback" not in done.stderr


def test_article_too_large_reports_the_line_in_batch_mode() -> None:
    from tenure.extractors import MAX_ARTICLE_CHARS

    big = json.dumps({"id": "big", "text": "a " * (MAX_ARTICLE_CHARS // 2 + 1), "published_at": "2025-03-14"})
    done = run("extract", "--jsonl", stdin=big + "\n")
    assert done.returncode != 0
    assert "line 1" in done.stderr and "limit" in done.stderr


def test_an_engine_defect_on_one_article_does_not_sink_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from tenure.cli import extract as command

    calls = iter([RuntimeError("boom"), None])

    def flaky(text: str, published_at: object, *, fmt: str = "auto") -> list[object]:
        failure = next(calls)
        if failure is not None:
            raise failure
        return []

    monkeypatch.setattr(command, "extract", flaky)
    lines = "".join(
        json.dumps({"id": name, "text": "x", "published_at": "2025-03-14"}) + "\n" for name in ("a", "b")
    )
    sink = io.StringIO()
    assert command.run_batch(io.StringIO(lines), sink, "auto") == 0
    assert [json.loads(line) for line in sink.getvalue().splitlines()] == [
        {"id": "a", "events": []},
        {"id": "b", "events": []},
    ]


def test_a_file_without_a_publication_time_is_refused_like_ingest(tmp_path: Path) -> None:
    """Never the file's modification time: the same line `tenure ingest` prints for such a file."""
    path = tmp_path / "undated.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = run("extract", str(path))
    assert done.returncode == 2
    assert done.stderr == f"tenure: {path}: no published_at in the file; pass --published-at\n"


def test_a_file_gives_its_publication_time_in_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "dated.md"
    path.write_text(
        f"---\ntitle: t\npublished_at: 2024-03-14T09:00:00-04:00\n---\n{ARTICLE}", encoding="utf-8"
    )
    done = run("extract", str(path))
    assert done.returncode == 0, done.stderr
    (event,) = json.loads(done.stdout)
    assert (event["person"], event["date"]) == (
        "Harriet Vance",
        "2024-04",
    )  # April after the front matter date
