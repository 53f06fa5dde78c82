"""Unicode and whitespace normalisation that keeps the offset map.

NFC, one kind of space, one kind of newline, no invisible characters, one space between words,
no blank lines, and a newline after every block.
"""

from __future__ import annotations

import re
import unicodedata

from tenure.extractors.text.cleantext import CleanText, Edit, apply_edits, lines, regex_edits
from tenure.extractors.text.wrap import should_join

NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")  # "line\r\nline"
SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")  # "Acme\u00a0Corp"
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")  # zero-width space, BOM, soft hyphen
# A non-ASCII run with the character before it, since combining marks attach to ASCII letters.
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
SPACE_RUN = re.compile(r" {2,}")  # "Acme  Corp"


def normalise_newlines(clean: CleanText) -> CleanText:
    if "\r" not in clean.text and clean.text.isascii():
        return clean
    return apply_edits(clean, regex_edits(clean.text, NEWLINES, lambda _: "\n"))


def normalise_unicode(clean: CleanText) -> CleanText:
    text = clean.text
    if text.isascii():
        return clean
    edits: list[Edit] = []
    if not unicodedata.is_normalized("NFC", text):
        edits.extend(regex_edits(text, _NON_ASCII_RUN, _nfc))
    edits.extend(regex_edits(text, SPACES, lambda _: " "))
    edits.extend(regex_edits(text, INVISIBLE, lambda _: ""))
    # SPACES and INVISIBLE chars are NFC-stable, but an NFC run may cover them: drop overlaps.
    return apply_edits(clean, edits)


def _nfc(match: re.Match[str]) -> str | None:
    normal = unicodedata.normalize("NFC", match.group())
    return normal if normal != match.group() else None


def join_wrapped_lines(clean: CleanText) -> CleanText:
    """Plain text: join hard-wrapped paragraph lines (Markdown does this per block itself)."""
    edits: list[Edit] = []
    previous = ""
    for start, line in lines(clean.text):
        if previous and should_join(previous, line):
            edits.append((start - 1, start, " "))
        previous = line
    return apply_edits(clean, edits)


def tidy_lines(clean: CleanText) -> CleanText:
    """One space between words, no edge spaces, no empty lines, a newline after the last block."""
    text = clean.text
    edits: list[Edit] = []
    for start, line in lines(text):
        stripped = line.strip(" ")
        end = start + len(line)
        if not stripped:
            edits.append((start, min(end + 1, len(text)), ""))
            continue
        lead = len(line) - len(line.lstrip(" "))
        trail = len(line) - len(line.rstrip(" "))
        if lead:
            edits.append((start, start + lead, ""))
        if trail:
            edits.append((end - trail, end, ""))
        edits.extend(regex_edits(stripped, SPACE_RUN, lambda _: " ", base=start + lead))
    tidied = apply_edits(clean, edits)
    if tidied.text and not tidied.text.endswith("\n"):
        tidied = apply_edits(tidied, [(len(tidied.text), len(tidied.text), "\n")])
    return tidied
