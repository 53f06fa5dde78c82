"""Placeholder until the engine lands (issue 2): returns no events."""

from __future__ import annotations

from datetime import datetime

from tenure.extractors.contract import ExtractedEvent


def extract(text: str, published_at: datetime, *, fmt: str = "auto") -> list[ExtractedEvent]:
    return []
