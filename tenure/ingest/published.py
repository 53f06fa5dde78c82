"""An article's publication time: one parser, one rule, for the API, the CLI and article files.

The rule: RFC 3339 with its UTC offset (`2025-11-12T09:30:00+08:00`, `2025-11-12T01:30:00Z`),
years 1900 to 2100 (the parser reads the text; the range, like every rule on a parsed article, is
checked once, by the front door `tenure.ingest.service.ingest_article`). Nothing looser: a bare date or a time without an offset would have to be
guessed onto some clock, and relative dates ("on Tuesday") resolve on the article's own clock.
(`tenure extract --jsonl` alone keeps the shared scorer's contract, which also takes bare dates.)
"""

from __future__ import annotations

import datetime as dt
import re

from tenure.errors import InvalidInput

__all__ = ["PUBLISHED_RANGE", "check_published_range", "parse_published_at"]

# The publication years tenure accepts: news, not typos (year 9999 put a departure on a timeline)
# nor dates whose conversion to UTC leaves the calendar (0001-01-01+05:00).
PUBLISHED_RANGE = (1900, 2100)
# No week dates, compact forms, spaces before the offset or offsets with seconds (which were
# read back 45 s off).
_RFC3339_RE = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:[Zz]|[+-]\d{2}:\d{2})")
_SHOWN = 40  # characters of a bad value quoted back


def parse_published_at(value: str, *, name: str = "published_at") -> dt.datetime:
    """The timezone-aware publication time, or InvalidInput saying what to write instead.

    Not range-checked: `check_published_range` is, at the front door (and by `tenure extract`)."""
    shown = repr(value[:_SHOWN]) + ("..." if len(value) > _SHOWN else "")
    if not _RFC3339_RE.fullmatch(value):
        raise InvalidInput(
            f"{name} {shown} is not an RFC 3339 date-time with a UTC offset: "
            "use e.g. 2025-11-12T09:30:00+08:00 or 2025-11-12T01:30:00Z"
        )
    try:
        parsed = dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError as exc:  # a well-formed but impossible date: 2025-02-30, hour 25
        raise InvalidInput(f"{name} {shown} is not a real date-time: {exc}") from exc
    return parsed


def check_published_range(moment: dt.datetime, *, name: str = "published_at") -> None:
    if not PUBLISHED_RANGE[0] <= moment.year <= PUBLISHED_RANGE[1]:
        raise InvalidInput(
            f"{name} must fall in the years {PUBLISHED_RANGE[0]} to {PUBLISHED_RANGE[1]}, not {moment.year}"
        )
