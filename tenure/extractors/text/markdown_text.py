"""Markdown to plain text, one block (heading, bullet, quote line, paragraph) per line.

Markers are deleted rather than rewritten, so every surviving character keeps its raw offset.
Each source line stays a line: news Markdown is rarely hard-wrapped, and a bullet or heading
must never run into the next sentence. Hard-wrapped paragraph lines are joined (see
`text/wrap.py`).
"""

from __future__ import annotations

import re

from tenure.extractors.text.cleantext import CleanText, Edit, apply_edits, lines
from tenure.extractors.text.wrap import should_join

# Line-level patterns: (pattern, example).
FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")  # "```python"
RULE = re.compile(
    r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$"
)  # "---", "* * *"
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]+\S")  # "[1]: https://x.example"
# Quote marks, then a bullet or number (and a task box), then heading hashes: "> - ## Title"
BLOCK_PREFIX = re.compile(
    r"^[ \t]*(?P<quote>(?:>[ \t]?)+)?[ \t]*"
    r"(?P<bullet>(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?"
    r"(?P<heading>#{1,6}(?:[ \t]+|$))?"
)
HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")  # "## Title ##"
TABLE_DELIMITER = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$"
)  # "|---|:--:|"
TABLE_PIPE = re.compile(r"(?<!\\)\|")  # "| Kim Sato | CFO |": cells become words on one line

# Inline patterns, each deleted (or reduced to a group) wherever it occurs: (pattern, example).
# Labels and targets never contain a bracket, so a failed match stops at the next "[": linear
# even on "[a[a[a..." (targets may hold one level of parentheses: "wiki/Foo_(bar)").
_LABEL = r"[^\[\]\n]{0,500}"
_TARGET = r"(?:[^()\[\]\s]|\([^()\[\]\s]{0,200}\)){0,2000}(?:[ \t]+\"[^\"\n]{0,200}\")?"
IMAGE = re.compile(rf"!\[{_LABEL}\]\({_TARGET}\)")  # "![logo](logo.png)"
LINK = re.compile(
    rf"\[(?P<label>{_LABEL})\](?:\({_TARGET}\)|\[[^\[\]\n]{{0,200}}\])"
)  # "[Acme](https://acme.example)"
AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]{1,2000})>")  # "<https://acme.example>"
EMPHASIS = re.compile(
    r"(?<![\\\w*_~])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])"  # opening "**bold"
    r"|(?<=[^\s\\*_~])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])"  # closing "bold**"
)
CODE_TICKS = re.compile(r"`+")  # "`tenure extract`"
ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>|])")  # "\*not emphasis\*"
INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:[ \t][^<>\n]{0,500})?/?>")  # "<br/>"


def markdown_to_text(clean: CleanText) -> CleanText:
    edits: list[Edit] = []
    in_fence = False
    # The block the previous line belongs to, and its visible text, for joining wrapped lines.
    previous: tuple[str, str] | None = None
    for start, line in lines(clean.text):
        if FENCE.match(line):
            in_fence = not in_fence
            edits.append((start, start + len(line), ""))
            previous = None
            continue
        if in_fence:
            previous = None
            continue
        if (
            not line.strip()
            or RULE.match(line)
            or REFERENCE_DEFINITION.match(line)
            or TABLE_DELIMITER.match(line)
        ):
            edits.append((start, start + len(line), ""))
            previous = None
            continue
        prefix = BLOCK_PREFIX.match(line)
        kind = _block_kind(line, prefix)
        visible = _visible(line[prefix.end() :] if prefix else line)
        if previous is not None and _continues(previous[0], kind, line) and should_join(previous[1], visible):
            edits.append((start - 1, start, " "))
            kind = previous[0]
        edits.extend(_block_edits(start, line, prefix))
        edits.extend(_inline_edits(start, line))
        if line.lstrip().startswith("|"):
            edits.extend((start + m.start(), start + m.end(), " ") for m in TABLE_PIPE.finditer(line))
            kind = "table"
        previous = (kind, visible) if kind in ("paragraph", "bullet", "quote") else None
    return apply_edits(clean, edits)


def _block_kind(line: str, prefix: re.Match[str] | None) -> str:
    if prefix is None:
        return "paragraph"
    if prefix.group("heading"):
        return "heading"
    if prefix.group("bullet"):
        return "bullet"
    return "quote" if prefix.group("quote") else "paragraph"


def _continues(previous_kind: str, kind: str, line: str) -> bool:
    """A hard-wrapped line continues the previous block (a bullet only when indented under it)."""
    if kind == "quote":
        return previous_kind == "quote"
    if kind != "paragraph":
        return False
    return previous_kind == "paragraph" or (previous_kind == "bullet" and line[:1] in (" ", "\t"))


def _block_edits(start: int, line: str, prefix: re.Match[str] | None) -> list[Edit]:
    if prefix is None or prefix.end() == 0:
        return []
    edits: list[Edit] = [(start, start + prefix.end(), "")]
    if prefix.group("heading"):
        closing = HEADING_CLOSE.search(line, prefix.end())
        if closing:
            edits.append((start + closing.start(), start + closing.end(), ""))
    return edits


def _inline_edits(start: int, line: str) -> list[Edit]:
    if not any(mark in line for mark in "*_~`[]<\\!"):
        return []
    edits: list[Edit] = []
    for match in IMAGE.finditer(line):
        edits.append((start + match.start(), start + match.end(), ""))
    for match in LINK.finditer(line):
        label_start, label_end = match.span("label")
        edits.append((start + match.start(), start + label_start, ""))
        edits.append((start + label_end, start + match.end(), ""))
    for match in AUTOLINK.finditer(line):
        edits.append((start + match.start(), start + match.start() + 1, ""))
        edits.append((start + match.end() - 1, start + match.end(), ""))
    for pattern in (EMPHASIS, CODE_TICKS, ESCAPE, INLINE_TAG):
        for match in pattern.finditer(line):
            edits.append((start + match.start(), start + match.end(), ""))
    return edits


def _visible(line: str) -> str:
    """A paragraph line without trailing emphasis marks, for the wrap decision."""
    return line.rstrip().rstrip("*_~").rstrip()
