"""Reading article files for `tenure ingest`: front matter, <meta> tags, JSON, folders."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tenure.ingest.documents import article_paths, read_articles

FRONT = """---
title: Kestrel names an interim chief
source: The Harbor Ledger
url: https://harbor.example.com/kestrel-interim
published_at: 2024-02-07T08:15:00-05:00
---
Kestrel Dynamics named Lena Vogt interim chief executive on Tuesday.
"""
EST = dt.timezone(dt.timedelta(hours=-5))
FALLBACK = dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.UTC)


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_markdown_front_matter_gives_the_fields_and_the_whole_file_is_the_text(tmp_path: Path) -> None:
    [item] = read_articles(write(tmp_path, "a.md", FRONT))
    assert item.error is None and item.article is not None
    article = item.article
    assert (article.title, article.source, article.url) == (
        "Kestrel names an interim chief",
        "The Harbor Ledger",
        "https://harbor.example.com/kestrel-interim",
    )
    assert article.published_at == dt.datetime(2024, 2, 7, 8, 15, tzinfo=EST)
    assert article.format == "markdown"
    assert article.text == FRONT


def test_html_front_matter_in_a_comment(tmp_path: Path) -> None:
    page = (
        "<!--\n"
        + FRONT.split("Kestrel Dynamics")[0]
        + "-->\n<html><body><p>Kestrel news.</p></body></html>\n"
    )
    [item] = read_articles(write(tmp_path, "a.html", page))
    assert item.article is not None
    assert item.article.format == "html"
    assert item.article.url == "https://harbor.example.com/kestrel-interim"


def test_html_meta_tags_when_there_is_no_front_matter(tmp_path: Path) -> None:
    page = (
        "<html><head><title>x</title>"
        '<meta property="article:published_time" content="2023-09-28T10:00:00+00:00">'
        "<meta property='og:title' content='Sato joins Northwind &amp; more'>"
        '<meta name="og:url" content="https://ledger.example.com/sato">'
        "</head><body><p>Kim Sato joined.</p></body></html>"
    )
    [item] = read_articles(write(tmp_path, "page.htm", page))
    assert item.article is not None
    assert item.article.published_at == dt.datetime(2023, 9, 28, 10, 0, tzinfo=dt.UTC)
    assert item.article.title == "Sato joins Northwind & more"
    assert item.article.url == "https://ledger.example.com/sato"


@pytest.mark.parametrize(
    ("name", "content", "fallback", "error"),
    [
        pytest.param(
            "a.md", "Just text.\n", None, "no published_at in the file; pass --published-at", id="no-date"
        ),
        pytest.param(
            "a.md", "---\npublished_at: soon\n---\nText.\n", None, "is not an RFC 3339", id="bad-date"
        ),
        pytest.param(
            "a.md",
            "---\npublished_at: 2024-02-07\n---\nText.\n",
            FALLBACK,
            "with a UTC offset",
            id="bare-date",
        ),
        pytest.param(
            "a.json",
            '{"text": "x", "published_at": "2024-02-07T08:10:00"}',
            None,
            "with a UTC offset",
            id="json-no-offset",
        ),
        pytest.param("a.md", "", FALLBACK, "the file is empty", id="empty"),
        pytest.param("a.json", "{not json", None, "not valid JSON", id="bad-json"),
        pytest.param("a.json", '{"published_at": "2024-01-01"}', None, "text must be", id="json-no-text"),
        pytest.param(
            "a.json", '{"text": "x", "url": 5}', FALLBACK, "url must be a string", id="json-bad-url"
        ),
    ],
)
def test_errors_name_the_problem(
    tmp_path: Path, name: str, content: str, fallback: object, error: str
) -> None:
    [item] = read_articles(write(tmp_path, name, content), published_at=fallback)  # type: ignore[arg-type]
    assert item.article is None
    assert item.error is not None and error in item.error
    assert item.label == str(tmp_path / name)


def test_fallback_published_at_only_when_the_file_has_none(tmp_path: Path) -> None:
    [plain] = read_articles(write(tmp_path, "a.txt", "Plain words.\n"), published_at=FALLBACK)
    [dated] = read_articles(write(tmp_path, "b.md", FRONT), published_at=FALLBACK)
    assert plain.article is not None and plain.article.published_at == FALLBACK
    assert plain.article.format == "text"
    assert dated.article is not None and dated.article.published_at.year == 2024
    assert dated.article.published_at.month == 2


def test_format_option_overrides_the_suffix(tmp_path: Path) -> None:
    [item] = read_articles(write(tmp_path, "a.md", FRONT), fmt="text")
    assert item.article is not None and item.article.format == "text"


def test_json_and_json_lines(tmp_path: Path) -> None:
    record = {"text": "Kim Sato joined.", "published_at": "2023-09-28T12:00:00Z", "source": "Ledger"}
    [single] = read_articles(write(tmp_path, "one.json", json.dumps(record)))
    assert single.article is not None and single.article.source == "Ledger"
    assert single.article.published_at == dt.datetime(2023, 9, 28, 12, 0, tzinfo=dt.UTC)
    lines = "\n".join(
        [json.dumps(record), "", "[1, 2", json.dumps({**record, "url": "https://x.example.com"})]
    )
    items = read_articles(write(tmp_path, "many.jsonl", lines))
    assert [(i.label.rsplit(":", 1)[1], i.error is None) for i in items] == [
        ("1", True),
        ("3", False),
        ("4", True),
    ]
    listed = read_articles(write(tmp_path, "list.json", json.dumps([record, record])))
    assert [i.label.rsplit("/", 1)[1] for i in listed] == ["list.json[0]", "list.json[1]"]


def test_a_one_article_file_over_the_cap_is_not_read_but_a_batch_file_is(tmp_path: Path) -> None:
    """The cap bounds memory; the article's own size is the front door's (tests/api/test_front_door.py)."""
    [item] = read_articles(write(tmp_path, "big.md", FRONT), max_file_bytes=10)
    assert item.error is not None and "too large to be one article" in item.error
    lines = "\n".join(
        json.dumps({"text": f"Story {n}.", "published_at": "2025-10-21T09:30:00Z"}) for n in range(3)
    )
    batch = read_articles(write(tmp_path, "many.jsonl", lines), max_file_bytes=10)
    assert [i.article.text for i in batch if i.article] == ["Story 0.", "Story 1.", "Story 2."]


def test_folders_are_walked_sorted_skipping_readmes_and_other_files(tmp_path: Path) -> None:
    for name in ("b.md", "a.html", "sub/c.jsonl", "README.md", "notes.pdf", ".hidden/d.md", "sub/e.txt"):
        write(tmp_path, name, "x")
    found = [str(p).removeprefix(str(tmp_path) + "/") for p in article_paths([tmp_path])]
    assert found == ["a.html", "b.md", "sub/c.jsonl", "sub/e.txt"]
    # A README named explicitly is read; a missing path is passed on to be reported.
    assert list(article_paths([tmp_path / "README.md", "missing.md"])) == [
        tmp_path / "README.md",
        "missing.md",
    ]
    [missing] = read_articles("missing.md")
    assert missing.error == "no such file or folder"


def test_every_seed_article_reads(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds/ folder")
    items = [item for path in article_paths([seeds]) for item in read_articles(path)]
    assert len(items) >= 12
    assert [i.label for i in items if i.error] == []
    assert all(i.article and i.article.url and i.article.published_at.tzinfo for i in items)
