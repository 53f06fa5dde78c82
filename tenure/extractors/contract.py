"""The event contract of DESIGN.md as a type: what every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EventType = Literal["departure", "appointment", "reporting_change", "award", "funding_round", "founding"]
EVENT_TYPES: tuple[str, ...] = (
    "departure",
    "appointment",
    "reporting_change",
    "award",
    "funding_round",
    "founding",
)
Precision = Literal["day", "week", "month", "year"]
DEPARTURE_STATUSES: tuple[str, ...] = ("announced", "planned", "reported", "completed")

# Larger inputs are refused with ArticleTooLarge: news articles are far smaller, and the limit
# bounds the work one request can cause.
MAX_ARTICLE_CHARS = 500_000


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    type: str
    person: str | None
    organization: str | None
    role: str | None
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None  # day, week, month, year
    date_text: str | None
    details: dict[str, Any]
    evidence: str
    evidence_span: tuple[int, int]  # offsets into the input text as given
    confidence: float
    rule_id: str
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "person": self.person,
            "organization": self.organization,
            "role": self.role,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "details": dict(self.details),
            "evidence": self.evidence,
            "evidence_span": list(self.evidence_span),
            "confidence": round(self.confidence, 3),
            "rule_id": self.rule_id,
        }
