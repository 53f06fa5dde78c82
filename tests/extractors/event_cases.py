"""Table-driven event cases: a passage and its publication time in, the expected events out.

Each `Case` lists the events the passage states. Expected events are partial: only the keys
given are compared (type, person and organization always). With `exact=True` (the default) the
engine must return no other event, so over-extraction fails a case as much as a miss does.
All people and companies are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from tenure.extractors import extract
from tenure.extractors.dates.spans import parse_published_at


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: list[dict[str, Any]]
    published_at: str = "2025-03-14T10:00:00+00:00"  # a Friday
    exact: bool = True
    fmt: str = "auto"
    group: str = "examples"


@dataclass
class Outcome:
    events: list[dict[str, Any]] = field(default_factory=list)


def params(cases: list[Case]) -> list[Any]:
    return [pytest.param(case, id=f"{case.group}:{case.id}") for case in cases]


def run_case(case: Case) -> list[dict[str, Any]]:
    events = [e.to_dict() for e in extract(case.text, parse_published_at(case.published_at), fmt=case.fmt)]
    for want in case.expected:
        found = [e for e in events if _matches(e, want)]
        assert found, f"missing {want}\n got {_brief(events)}"
    if case.exact:
        assert len(events) == len(case.expected), (
            f"expected {len(case.expected)} events, got {_brief(events)}"
        )
    for event in events:
        assert 0.0 <= event["confidence"] <= 1.0
        start, end = event["evidence_span"]
        assert 0 <= start < end <= len(case.text)
        assert event["rule_id"]
    return events


def _matches(event: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "details":
            for detail, expected in value.items():
                if event["details"].get(detail) != expected:
                    return False
        elif event.get(key) != value:
            return False
    return True


def _brief(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (e["type"], e["person"], e["organization"], e["role"], e["date"], e["date_precision"], e["details"])
        for e in events
    ]
