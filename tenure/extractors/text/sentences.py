"""Sentence boundaries in clean article text, with offsets.

Line breaks always end a sentence (headlines, bullets and block quotes are units of their own);
inside a line, `.`, `!` or `?` ends one unless it closes an abbreviation ("Nov.", "Inc.", "J.").
A sentence ending in ":" is a lead-in ("Reuters reported:") and is marked so the engine can date
the statement it introduces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(block: str) -> list[str]:
    return block.split()


# Abbreviations whose period does not end a sentence. Example: "on Nov. 6", "Macy's Inc. said".
ABBREVIATIONS: frozenset[str] = frozenset(
    _words(
        """
    mr mrs ms dr prof sr jr st mt gen col lt sgt rep sen gov pres
    inc corp co ltd llc plc bros dept est approx vs etc no fig
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k e.g i.e a.m p.m
    """
    )
)
# A boundary candidate: terminal punctuation, optional closing quotes/brackets, then space.
# Example: 'She resigned." The board' splits after the quote.
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# Leading list and quote markers are not part of a sentence. Example: "- ", "> ", "1. ", "* ".
_LEAD_RE = re.compile(r"^(?:\s|[-*•>#]+\s|\d{1,2}[.)]\s)*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    lead_in: bool  # ends with ":" and introduces what follows
    line_start: bool  # first sentence of its line


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        _split_line(line, offset, sentences)
        offset += len(line)
    return sentences


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    first = True
    for match in _END_RE.finditer(line):
        if _is_abbreviation(line, match.start()):
            continue
        nxt = line[match.end() :].lstrip()
        if nxt and nxt[0].islower():
            continue
        if _add(line, start, match.end(), offset, out, first):
            first = False
        start = match.end()
    _add(line, start, len(line), offset, out, first)


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    found = _WORD_BEFORE_RE.search(line[max(0, dot - 24) : dot])
    if not found:
        return False
    word = found.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "John J. Hopfield"
        return True
    return word.lower().rstrip(".") in ABBREVIATIONS


# No real sentence is this long; longer runs (tables, text without punctuation) are cut at a space
# so the work per sentence stays bounded.
MAX_SENTENCE_CHARS = 1200


def _add(line: str, start: int, end: int, offset: int, out: list[Sentence], first: bool) -> bool:
    while end - start > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        first = not _add_piece(line, start, cut, offset, out, first) and first
        start = cut
    return _add_piece(line, start, end, offset, out, first)


def _add_piece(line: str, start: int, end: int, offset: int, out: list[Sentence], first: bool) -> bool:
    piece = line[start:end]
    lead = _LEAD_RE.match(piece)
    skip = lead.end() if lead else 0
    body = piece[skip:].rstrip()
    if not body.strip(" -*_#>|"):
        return False
    begin = offset + start + skip
    out.append(Sentence(begin, begin + len(body), body, body.rstrip("*_ ").endswith(":"), first))
    return True
