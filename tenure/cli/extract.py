"""`tenure extract`: run the extraction engine on one article or on a JSON Lines batch.

One article: `tenure extract FILE|- [--published-at ISO] [--format json|jsonl]`.
Batch: `tenure extract --jsonl` reads `{"id", "text", "published_at"}` lines on stdin and writes
`{"id", "events": [...]}` lines on stdout (the contract ../shared/eval/score.py scores).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from tenure.errors import InvalidInput, TenureError
from tenure.extractors import extract
from tenure.extractors.dates.spans import parse_published_at as parse_iso_published_at
from tenure.ingest.documents import read_articles
from tenure.ingest.published import check_published_range, parse_published_at
from tenure.settings import Settings

INPUT_FORMATS = ("auto", "text", "markdown", "html")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract events from an article (or a JSON Lines batch)",
        description="Extract dated events from one article, or from JSON Lines on stdin with --jsonl.",
    )
    parser.add_argument("file", nargs="?", help="article file, or - for stdin")
    parser.add_argument(
        "--published-at",
        help="publication time, RFC 3339 with a UTC offset (2025-11-12T09:30:00+08:00), for a file "
        "without one in its front matter; required for stdin",
    )
    parser.add_argument("--format", choices=("json", "jsonl"), default="json", help="output format")
    parser.add_argument(
        "--input-format", choices=INPUT_FORMATS, default="auto", help="how to read the article"
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='batch mode: read {"id","text","published_at"} lines on stdin, write {"id","events"} lines',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.jsonl:
        if args.file not in (None, "-"):
            raise InvalidInput("--jsonl reads stdin; do not give a file")
        return run_batch(sys.stdin, sys.stdout, args.input_format)
    if args.file is None:
        raise InvalidInput("give an article file (or - for stdin), or --jsonl for a batch")
    text, published_at = read_article(args.file, args.published_at, args.input_format)
    events = [event.to_dict() for event in extract(text, published_at, fmt=args.input_format)]
    if args.format == "jsonl":
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(events, ensure_ascii=False, indent=2) + "\n")
    return 0


def read_article(path: str, published_at: str | None, fmt: str) -> tuple[str, datetime]:
    """The article's text and publication time: the file's front matter (or HTML meta tags) as
    `tenure ingest` reads them, else --published-at; neither is the same refusal ingest prints."""
    fallback = checked_published_at(published_at, where="--published-at") if published_at else None
    if path == "-":
        if fallback is None:
            raise InvalidInput("--published-at is required when reading stdin")
        return sys.stdin.read(), fallback
    found = read_articles(Path(path), published_at=fallback, fmt=fmt)
    if len(found) != 1:
        raise InvalidInput(f"{path}: holds {len(found)} articles: pipe them to `tenure extract --jsonl`")
    if found[0].article is None:
        raise InvalidInput(f"{found[0].label}: {found[0].error or 'unreadable'}")
    # Nothing is ingested, so the front door's range rule is applied here.
    check_published_range(found[0].article.published_at, name=f"{found[0].label}: published_at")
    return found[0].article.text, found[0].article.published_at


def checked_published_at(value: object, *, where: str) -> datetime:
    """A publication time given as an option, refused before any file is read (tenure.ingest.published)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{where}: give the publication time, e.g. 2025-11-12T09:30:00+08:00")
    published = parse_published_at(value, name=where)
    check_published_range(published, name=where)
    return published


def batch_published_at(value: object, *, where: str) -> datetime:
    """--jsonl lines follow the shared scorer's contract, which also takes a bare date (noon UTC)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{where}: published_at must be an ISO 8601 date or datetime")
    try:
        return parse_iso_published_at(value)
    except (ValueError, TypeError) as exc:
        raise InvalidInput(f"{where}: published_at {value!r} is not an ISO 8601 date or datetime") from exc


def run_batch(source: IO[str], sink: IO[str], input_format: str) -> int:
    """One output line per article; a bad line gets one line on stderr and the batch goes on.

    Returns 1 when any line was bad input (not JSON, no id, a bad published_at, too large), else 0.
    Such a line writes its id with no events when it has one, so a consumer keyed by id sees every
    article it can name. A defect in the engine on one article (not bad input) is reported the
    same way but leaves the exit code 0: it must not sink a batch of thousands.
    """
    bad_input = False
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            article = parse_batch_line(line, number)
            published_at = batch_published_at(article.get("published_at"), where=f"line {number}")
        except TenureError as exc:
            bad_input = True
            print(f"tenure: {exc.detail}", file=sys.stderr)
            continue
        try:
            events = extract(article["text"], published_at, fmt=input_format)
        except TenureError as exc:  # e.g. ArticleTooLarge
            bad_input = True
            print(f"tenure: line {number}: {exc.detail}", file=sys.stderr)
            events = []
        except Exception as exc:  # an engine defect: report it, keep the batch going
            print(
                f"tenure: line {number}: extraction failed ({type(exc).__name__}: {exc}); no events",
                file=sys.stderr,
            )
            events = []
        record = {"id": article["id"], "events": [event.to_dict() for event in events]}
        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        sink.flush()
    return 1 if bad_input else 0


def parse_batch_line(line: str, number: int) -> dict[str, Any]:
    try:
        article = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"line {number}: not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise InvalidInput(f"line {number}: not valid JSON (nested too deeply)") from exc
    if not isinstance(article, dict):
        raise InvalidInput(f"line {number}: expected a JSON object with id, text and published_at")
    if "id" not in article:
        raise InvalidInput(f"line {number}: missing id")
    if not isinstance(article.get("text"), str):
        raise InvalidInput(f"line {number}: text must be a string")
    return article
