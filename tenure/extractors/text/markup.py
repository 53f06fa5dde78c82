"""Raw article (plain text, Markdown or HTML, possibly mojibake) to clean plain text.

`clean` returns the text the engine reads plus an offset map back into the raw input, so
evidence spans can be reported against what the user sent. The output has one block (heading,
bullet, paragraph) per line, each ending in a newline. The steps live in their own modules:
`mojibake`, `markdown_text`, `html_text`, `whitespace`, `front_matter`.
"""

from __future__ import annotations

import re
from typing import Literal

from tenure.extractors.text.cleantext import CleanText, apply_edits
from tenure.extractors.text.front_matter import FrontMatter, read_front_matter
from tenure.extractors.text.html_text import html_to_text
from tenure.extractors.text.markdown_text import markdown_to_text
from tenure.extractors.text.mojibake import repair_mojibake
from tenure.extractors.text.whitespace import (
    join_wrapped_lines,
    normalise_newlines,
    normalise_unicode,
    tidy_lines,
)

__all__ = ["CleanText", "Format", "FrontMatter", "clean", "detect_format", "read_front_matter"]

Format = Literal["auto", "text", "markdown", "html"]

# Format detection looks at the head of the article only: enough to decide, and bounded.
_SNIFF_CHARS = 20_000
# Any one of these means HTML: "<!DOCTYPE html>", "<html lang=en>", "<body>".
# RSS and Atom feeds go the HTML way too: "<rss version=2.0>", "<feed xmlns=...>", "<item>".
HTML_DOCUMENT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<rss[\s>]|<feed[\s>]|<item>|<entry>", re.I
)
# Otherwise, two or more closed block elements: "<p>One.</p><p>Two.</p>".
HTML_CLOSING_TAG = re.compile(r"</(?:p|div|article|section|h[1-6]|li|ul|ol|span|a|b|em|strong)>", re.I)
# Markdown signals, (pattern, weight, example): strong ones decide alone, weak ones need company.
MARKDOWN_SIGNALS: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE), 2, "## Board changes"),
    (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), 2, "**Dana Whitfield**"),
    (re.compile(r"\[[^\]\n]+\]\([^)\n]+\)"), 2, "[Acme](https://acme.example)"),
    (re.compile(r"^```", re.MULTILINE), 2, "```"),
    (re.compile(r"^>[ \t]?\S", re.MULTILINE), 1, "> a quote"),
    (re.compile(r"^[ \t]*[-*+][ \t]+\S", re.MULTILINE), 1, "- a bullet"),
    (re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+\S", re.MULTILINE), 1, "1. first"),
    (re.compile(r"^(?:-{3,}|\*{3,})[ \t]*$", re.MULTILINE), 1, "---"),
    (re.compile(r"(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])"), 1, "*italic*"),
)


def detect_format(raw: str) -> Format:
    front = read_front_matter(raw)
    head = raw[front.body_start : front.body_start + _SNIFF_CHARS]
    closing_tags = len(HTML_CLOSING_TAG.findall(head))
    if HTML_DOCUMENT.search(head) or closing_tags >= 2 or (closing_tags and head.lstrip().startswith("<")):
        return "html"
    score = sum(weight for pattern, weight, _ in MARKDOWN_SIGNALS if pattern.search(head))
    if score >= 2 or (front.fields and score >= 1):
        return "markdown"
    return "text"


def clean(raw: str, fmt: Format = "auto") -> CleanText:
    if fmt == "auto":
        fmt = detect_format(raw)
    text = html_to_text(raw) if fmt == "html" else _without_front_matter(CleanText.identity(raw))
    text = normalise_newlines(text)
    text = repair_mojibake(text)
    text = normalise_unicode(text)
    if fmt == "markdown":
        text = markdown_to_text(text)
    elif fmt == "text":
        text = join_wrapped_lines(text)
    return tidy_lines(text)


def _without_front_matter(text: CleanText) -> CleanText:
    front = read_front_matter(text.text)
    if not front.body_start:
        return text
    return apply_edits(text, [(0, front.body_start, "")])
