"""Fixtures for ingestion tests: a session factory on the test database and a canned extractor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from tenure.extractors import ExtractedEvent


def extracted(
    type_: str = "departure",
    person: str | None = "Dana Whitfield",
    organization: str | None = "Northwind Robotics",
    *,
    role: str | None = None,
    date: str | None = None,
    precision: str | None = None,
    details: dict[str, Any] | None = None,
    evidence: str = "Dana Whitfield will leave Northwind Robotics.",
    confidence: float = 0.8,
) -> ExtractedEvent:
    """One canned event as the extractor would return it."""
    return ExtractedEvent(
        type=type_,
        person=person,
        organization=organization,
        role=role,
        date=date,
        date_precision=precision if date else None,
        date_text=None,
        details=details if details is not None else ({"status": "planned"} if type_ == "departure" else {}),
        evidence=evidence,
        evidence_span=(0, len(evidence)),
        confidence=confidence,
        rule_id="test.canned",
    )


class FakeExtractor:
    """Returns the events registered for an article's text (by a marker it contains)."""

    def __init__(self) -> None:
        self.by_marker: dict[str, list[ExtractedEvent]] = {}
        self.calls = 0

    def add(self, marker: str, *events: ExtractedEvent) -> str:
        self.by_marker[marker] = list(events)
        return f"Article {marker}. Some text about executives."

    def __call__(self, text: str, published_at: datetime, *, fmt: str = "auto") -> list[ExtractedEvent]:
        self.calls += 1
        for marker, events in self.by_marker.items():
            if f"Article {marker}." in text:
                return list(events)
        return []


@pytest.fixture
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeExtractor]:
    fake = FakeExtractor()
    monkeypatch.setattr("tenure.ingest.service.extract", fake)
    yield fake
