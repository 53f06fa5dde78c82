"""Fixtures for ingestion tests: a session factory on the test database and a canned extractor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from tenure.extractors import ExtractedEvent


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
    monkeypatch.setattr("tenure.ingest.reextract.extract", fake)
    yield fake
