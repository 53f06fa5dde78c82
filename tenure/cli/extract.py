"""`tenure extract`: run the extraction engine on one article or on a JSON Lines batch.

One article: `tenure extract FILE|- [--published-at ISO] [--format json|jsonl]`.
Batch: `tenure extract --jsonl` reads `{"id", "text", "published_at"}` lines on stdin and writes
`{"id", "events": [...]}` lines on stdout (the contract ../shared/eval/score.py scores).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import IO, Any

from tenure.errors import InvalidInput, TenureError
from tenure.extractors import extract
from tenure.extractors.dates import parse_published_at
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
        help="publication time, ISO 8601 (a date alone is noon UTC); default: the file's modification time",
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
    text, mtime = read_article(args.file)
    published_at = published_at_from(args.published_at, mtime)
    events = [event.to_dict() for event in extract(text, published_at, fmt=args.input_format)]
    if args.format == "jsonl":
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(events, ensure_ascii=False, indent=2) + "\n")
    return 0


def read_article(path: str) -> tuple[str, datetime | None]:
    if path == "-":
        return sys.stdin.read(), None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        import os

        mtime = datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC)
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    return text, mtime


def published_at_from(value: str | None, fallback: datetime | None) -> datetime:
    if value is None:
        if fallback is None:
            raise InvalidInput("--published-at is required when reading stdin")
        return fallback
    return checked_published_at(value, where="--published-at")


def checked_published_at(value: object, *, where: str) -> datetime:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{where}: published_at must be an ISO 8601 date or datetime")
    try:
        return parse_published_at(value)
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
            published_at = checked_published_at(article.get("published_at"), where=f"line {number}")
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
