"""Text from outside made storable on both back ends, the same way everywhere.

PostgreSQL refuses NUL in text columns ("invalid byte sequence ... 0x00") while SQLite stores it,
and lone surrogates cannot be encoded as UTF-8 at all. Text that tenure did not write itself (a
webhook receiver's response, an error message quoting it) goes through `storable` before it is
stored: NUL and the other C0/C1 control characters except tab, newline and carriage return are
dropped, and lone surrogates become U+FFFD.
"""

from __future__ import annotations

import re

_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATES_RE = re.compile(r"[\ud800-\udfff]")


def storable(text: str | None, limit: int | None = None) -> str | None:
    """The text without control characters or lone surrogates, cut to `limit` characters."""
    if text is None:
        return None
    cleaned = _SURROGATES_RE.sub("\ufffd", _CONTROLS_RE.sub("", text))
    return cleaned if limit is None else cleaned[:limit]


def has_controls(text: str) -> bool:
    """Whether the text holds a character `storable` would drop or replace."""
    return bool(_CONTROLS_RE.search(text) or _SURROGATES_RE.search(text))
