"""Text and publication time in, events out. Pure: no database, no network, no clock.

Public surface: `extract`, `ExtractedEvent`, `EVENT_TYPES`, `MAX_ARTICLE_CHARS`.
"""

from __future__ import annotations

from tenure.extractors.contract import EVENT_TYPES, MAX_ARTICLE_CHARS, ExtractedEvent
from tenure.extractors.engine import extract

__all__ = ["EVENT_TYPES", "MAX_ARTICLE_CHARS", "ExtractedEvent", "extract"]
