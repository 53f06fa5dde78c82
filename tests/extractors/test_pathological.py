"""Hostile inputs finish quickly: no regular-expression blow-up, nothing quadratic.

Behaviour guards, not benchmarks (bench/extract.py prints the figures). The target is < 2 s per
input; the bound here is 4 s of this process's CPU time (not wall time, so other jobs on a shared
machine do not make it flaky).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from tenure.extractors import extract
from tenure.extractors.dates.spans import find_dates

BOUND_SECONDS = 4.0
PUBLISHED = datetime(2025, 11, 12, 9, 0, tzinfo=UTC)

_WORDS = "the chief executive said she would leave the company and join a rival firm next spring "
_CAPITALS = "THE CEO OF ACME CORP, JOHN SMITH, SAID ON TUESDAY HE WILL STEP DOWN IN MAY. "

INPUTS: dict[str, str] = {
    "200kb-no-punctuation": (_WORDS * (200_000 // len(_WORDS) + 1))[:200_000],
    "200kb-all-capitals": (_CAPITALS * (200_000 // len(_CAPITALS) + 1))[:200_000],
    "nov-6-x10000": "Nov 6 " * 10_000,
    "year-x10000": "2018 " * 10_000,
    "200kb-one-line-of-letters": "abcdefghij" * 20_000,
    "digits-and-slashes": "1/2/3/" * 30_000,
    "unclosed-time-prefix": "around 9 p.m., on " * 10_000,
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_find_dates_is_fast(name: str) -> None:
    text = INPUTS[name]
    started = time.process_time()
    mentions = find_dates(text, PUBLISHED)
    elapsed = time.process_time() - started
    assert elapsed < BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)


def test_repeated_dates_are_each_found() -> None:
    mentions = find_dates(INPUTS["nov-6-x10000"], PUBLISHED)
    assert len(mentions) == 10_000
    assert {m.date for m in mentions} == {"2025-11-06"}


@pytest.mark.parametrize("name", list(INPUTS))
def test_extract_is_fast(name: str) -> None:
    text = INPUTS[name]
    started = time.process_time()
    events = extract(text, PUBLISHED)
    elapsed = time.process_time() - started
    assert isinstance(events, list)
    assert elapsed < BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
