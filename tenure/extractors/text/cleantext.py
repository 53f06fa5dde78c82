"""Clean text with an offset map back into the raw article, and the one way to edit it.

Every cleaning step (mojibake repair, Markdown and HTML stripping, whitespace tidying) is a list
of edits on a `CleanText`; `apply_edits` keeps the offset map right through each of them, so the
engine can report evidence spans against the text the user sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# (start, end, replacement) on the current clean text; start == end inserts.
Edit = tuple[int, int, str]


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
        raw_len = self.offsets[-1]
        if end <= start:
            return self.offsets[start], self.offsets[start]
        first = self.offsets[start]
        # Characters inserted by cleaning (a closing newline) map to len(raw): clamp there.
        last = min(self.offsets[end - 1] + 1, raw_len)
        return first, max(first, last)

    @classmethod
    def identity(cls, raw: str) -> CleanText:
        return cls(raw, tuple(range(len(raw) + 1)))


def apply_edits(clean: CleanText, edits: Iterable[Edit]) -> CleanText:
    """Apply edits (any order; an edit overlapping an earlier-starting one is skipped).

    Replaced characters keep their own offsets when the replacement has the same length;
    otherwise every new character maps to the raw start of the replaced span.
    """
    text, offsets = clean.text, clean.offsets
    pieces: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    changed = False
    for start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < pos or (start == end and not new) or text[start:end] == new:
            continue
        changed = True
        pieces.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        pieces.append(new)
        if len(new) == end - start:
            new_offsets.extend(offsets[start:end])
        else:
            new_offsets.extend([offsets[start]] * len(new))
        pos = end
    if not changed:
        return clean
    pieces.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return CleanText("".join(pieces), tuple(new_offsets))


def regex_edits(
    text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None], base: int = 0
) -> list[Edit]:
    """Edits replacing each match of `pattern` with `replace(match)` (None leaves it alone)."""
    edits: list[Edit] = []
    for match in pattern.finditer(text):
        new = replace(match)
        if new is not None:
            edits.append((base + match.start(), base + match.end(), new))
    return edits


def lines(text: str) -> Iterable[tuple[int, str]]:
    """(start offset, line without its newline) for each line of `text`."""
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        yield start, text[start:end]
        start = end + 1
