"""Test data builders shared by the test folders (tests/ is on sys.path through its conftest)."""

from __future__ import annotations

from typing import Any

from tenure.extractors import ExtractedEvent


def extracted(
    type_: str = "departure",
    person: str | None = "Dana Whitfield",
    organization: str | None = "Northwind Robotics",
    *,
    role: str | None = None,
    date: str | None = None,
    precision: str | None = None,
    date_text: str | None = None,
    details: dict[str, Any] | None = None,
    evidence: str = "Dana Whitfield will leave Northwind Robotics.",
    start: int = 0,
    confidence: float = 0.8,
) -> ExtractedEvent:
    """One canned event as the extractor would return it; `start` is where the evidence begins.

    A departure is planned unless `details` says otherwise.
    """
    return ExtractedEvent(
        type=type_,
        person=person,
        organization=organization,
        role=role,
        date=date,
        date_precision=precision if date else None,
        date_text=date_text,
        details=details if details is not None else ({"status": "planned"} if type_ == "departure" else {}),
        evidence=evidence,
        evidence_span=(start, start + len(evidence)),
        confidence=confidence,
        rule_id="test.canned",
    )
