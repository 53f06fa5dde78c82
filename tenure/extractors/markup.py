"""Raw article (plain text, Markdown or HTML, possibly mojibake) to clean plain text.

Placeholder with the final interface; the real cleaner replaces the bodies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Format = Literal["auto", "text", "markdown", "html"]


@dataclass(frozen=True, slots=True)
class CleanText:
    """Plain text plus, for each of its characters, the offset in the raw input it came from.

    `offsets` has len(text) + 1 entries; the last is len(raw), so any [start, end) span of
    `text` maps back to the raw input with `to_input`.
    """

    text: str
    offsets: tuple[int, ...]

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the clean text to a span of the raw input."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def detect_format(raw: str) -> Format:
    return "text"


def clean(raw: str, fmt: Format = "auto") -> CleanText:
    return CleanText(raw, tuple(range(len(raw) + 1)))
