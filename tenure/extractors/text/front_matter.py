"""The small front matter block at the top of a seed article (title, source, url, published_at).

Markdown and text articles open with `---`, `key: value` lines and `---`; an HTML article carries
the same block inside a leading comment (`<!--` ... `-->`), so it is still valid HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Front matter longer than this is not front matter: it bounds the scan on hostile input.
_MAX_FRONT_MATTER = 8_000
_BLOCK = re.compile(
    r"\A\ufeff?[ \t\r\n]*(?P<comment><!--[ \t]*\r?\n)?---[ \t]*\r?\n"
    r"(?P<body>(?:[^\n]*\n){0,60}?)"
    r"---[ \t]*(?:\r?\n|\Z)(?(comment)[ \t\r\n]*-->[ \t]*(?:\r?\n|\Z))"
)
# example: "published_at: 2025-03-04T09:30:00-05:00"
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*\r?$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # offset in the raw article where the body begins


def read_front_matter(raw: str) -> FrontMatter:
    """Fields of a leading front matter block (empty when there is none) and where the body starts."""
    match = _BLOCK.match(raw[:_MAX_FRONT_MATTER])
    if match is None:
        return FrontMatter()
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        parsed = _FIELD.match(line)
        if parsed is None:
            if line.strip() and not line.lstrip().startswith("#"):
                return FrontMatter()  # not key: value lines, so not front matter
            continue
        fields[parsed.group("key").lower()] = _unquote(parsed.group("value"))
    return FrontMatter(fields, match.end())


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
