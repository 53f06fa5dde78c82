"""Article files for `tenure ingest`: which files a path names, and the articles each holds.

- Markdown, text and HTML files: the whole file is the article text; its front matter (a leading
  `---` block of `key: value` lines, inside a leading `<!-- -->` comment for HTML, see
  seeds/README.md) gives title, source, url and published_at. HTML without front matter may
  give them in <meta> tags instead.
- `.json`: one object (or a list of objects) `{text, published_at, url?, title?, source?, format?}`;
  `.jsonl`: one such object a line.
Folders are walked in sorted order; README files inside folders are documentation, not articles.
A problem with one file (or one JSON line) becomes an error naming it, never an exception.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tenure.errors import InvalidInput
from tenure.extractors.text.front_matter import read_front_matter
from tenure.ingest.published import parse_published_at
from tenure.ingest.service import ArticleInput

# File suffix -> how the text is read ("json"/"jsonl" hold articles as records).
SUFFIX_FORMATS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Walking a folder skips these (documentation beside the articles): "seeds/README.md".
SKIPPED_IN_FOLDERS = re.compile(r"^(?:readme|license|changelog)(?:\.\w+)?$", re.IGNORECASE)
FIELDS = ("title", "source", "url", "published_at")
# <meta> tags that carry front matter fields in HTML without a front matter comment, (attribute
# value, field): <meta property="article:published_time" content="2025-03-04T09:30:00-05:00">.
META_FIELDS: dict[str, str] = {
    "article:published_time": "published_at",
    "published_at": "published_at",
    "date": "published_at",
    "og:title": "title",
    "title": "title",
    "og:site_name": "source",
    "source": "source",
    "og:url": "url",
    "url": "url",
}
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_ATTR = re.compile(r"""\b(name|property|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_HEAD_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """One article read from disk, or why it could not be read. `label` names it for messages."""

    label: str
    article: ArticleInput | None = None
    error: str | None = None


def article_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files named or found under the given paths, folders walked in sorted order.

    A path that does not exist is yielded as a string, so the caller reports it in turn.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.is_file()
                and found.suffix.lower() in SUFFIX_FORMATS
                and not SKIPPED_IN_FOLDERS.match(found.name)
                and not any(part.startswith(".") for part in found.relative_to(path).parts)
            )
        elif path.is_file():
            yield path
        else:
            yield str(raw)


def read_articles(
    path: Path | str,
    *,
    published_at: datetime | None = None,
    fmt: str = "auto",
    max_file_bytes: int | None = None,
) -> list[ArticleFile]:
    """The articles a file holds. `published_at` is the fallback for files that give none;
    `fmt` other than "auto" overrides how text files are read.

    Articles are not checked here: the front door (`ingest_article`) checks format, publication
    time and size for every entry alike. `max_file_bytes` (the CLI passes the API's request-body
    limit) only keeps a one-article file too large to be one from being read into memory; a
    .json or .jsonl file holds many articles and has no cap."""
    if isinstance(path, str):
        return [ArticleFile(path, error="no such file or folder")]
    label = str(path)
    kind = SUFFIX_FORMATS.get(path.suffix.lower(), "auto")
    try:
        size = path.stat().st_size
        if kind not in ("json", "jsonl") and max_file_bytes is not None and size > max_file_bytes:
            return [ArticleFile(label, error=f"{size:,} bytes is too large to be one article")]
        raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        return [ArticleFile(label, error=f"cannot read: {exc.strerror or exc}")]
    if kind == "json":
        return _json_articles(label, raw, published_at, fmt)
    if kind == "jsonl":
        return _jsonl_articles(label, raw, published_at, fmt)
    text_format = fmt if fmt != "auto" else kind
    return [_text_article(label, raw, published_at, text_format)]


def _text_article(label: str, raw: str, fallback: datetime | None, fmt: str) -> ArticleFile:
    fields = dict(read_front_matter(raw).fields)
    if fmt in ("html", "auto") and not fields.get("published_at"):
        fields = {**_meta_fields(raw), **fields}
    if not raw.strip():
        return ArticleFile(label, error="the file is empty")
    return _article(label, {**fields, "text": raw, "format": fmt}, fallback)


def _meta_fields(raw: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for tag in _META_TAG.findall(raw[:_HEAD_CHARS]):
        attrs = {
            m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _META_ATTR.finditer(tag)
        }
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        field = META_FIELDS.get(key)
        if field and attrs.get("content") and field not in fields:
            fields[field] = html.unescape(attrs["content"]).strip()
    return fields


NESTED_TOO_DEEPLY = "not valid JSON (nested too deeply)"


def _json_articles(label: str, raw: str, fallback: datetime | None, fmt: str) -> list[ArticleFile]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return [ArticleFile(label, error=f"not valid JSON ({exc.msg} at line {exc.lineno})")]
    except RecursionError:
        return [ArticleFile(label, error=NESTED_TOO_DEEPLY)]
    records = data if isinstance(data, list) else [data]
    many = len(records) > 1
    return [
        _record(f"{label}[{n}]" if many else label, record, fallback, fmt) for n, record in enumerate(records)
    ]


def _jsonl_articles(label: str, raw: str, fallback: datetime | None, fmt: str) -> list[ArticleFile]:
    found = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            found.append(ArticleFile(where, error=f"not valid JSON ({exc.msg})"))
            continue
        except RecursionError:
            found.append(ArticleFile(where, error=NESTED_TOO_DEEPLY))
            continue
        found.append(_record(where, record, fallback, fmt))
    return found


def _record(label: str, record: Any, fallback: datetime | None, fmt: str) -> ArticleFile:
    if not isinstance(record, dict):
        return ArticleFile(label, error="expected an object with text and published_at")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        return ArticleFile(label, error="text must be a non-empty string")
    for name in ("url", "title", "source", "published_at", "format"):
        if record.get(name) is not None and not isinstance(record[name], str):
            return ArticleFile(label, error=f"{name} must be a string")
    fields = {name: record[name] for name in (*FIELDS, "text") if record.get(name)}
    fields["format"] = record.get("format") or fmt
    return _article(label, fields, fallback)


def _article(label: str, fields: dict[str, str], fallback: datetime | None) -> ArticleFile:
    published = fallback
    given = fields.get("published_at")
    if given:
        try:
            published = parse_published_at(given)
        except InvalidInput as exc:
            return ArticleFile(label, error=exc.detail)
    if published is None:
        return ArticleFile(label, error="no published_at in the file; pass --published-at")
    return ArticleFile(
        label,
        ArticleInput(
            text=fields["text"],
            published_at=published,
            url=fields.get("url") or None,
            title=fields.get("title") or None,
            source=fields.get("source") or None,
            format=fields.get("format", "auto"),
        ),
    )
