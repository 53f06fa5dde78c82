"""Repair mojibake: UTF-8 text that was decoded through a legacy code page.

Two layers. Recoverable sequences (every byte survived: `Metaâ€™s`, `MĂĽller`) go to ftfy one
line at a time, and its fix is mapped back run by run. Lossy leftovers (the C1 bytes were
dropped, as in the seed article: `Metaâs`, `âWorld Modelsâ`, `đ¨`) cannot be decoded; a small
rule table guesses what the lone `â` was from its neighbours. The lossy rules only run when the
text carries a mojibake signature, so clean text (`Zoë`, `château`, curly quotes) is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy

from tenure.extractors.text.cleantext import CleanText, Edit, apply_edits, lines

_CODE_PAGES = ("latin-1", "cp1252", "cp1250", "iso-8859-2")
# Lossy mojibake lost its C1 bytes, which only the ISO pages decode to (invisible) controls: so
# lossy text was read through an ISO page, and those are tried first ("ĂĄ" is á there, å in cp1250).
_LOSSY_CODE_PAGES = ("iso-8859-2", "latin-1", "cp1250", "cp1252")


def _decoded(byte_range: range) -> str:
    chars: set[str] = set()
    for code_page in _CODE_PAGES:
        for byte in byte_range:
            try:
                chars.add(bytes([byte]).decode(code_page))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


# What UTF-8 lead bytes (0xC2-0xF4) and continuation bytes (0x80-0xBF) look like once decoded
# through any of the code pages: a lead followed by a continuation is the mark of mojibake.
LEAD_CHARS = _decoded(range(0xC2, 0xF5))
CONTINUATION_CHARS = _decoded(range(0x80, 0xC0))
_LEAD = f"[{re.escape(LEAD_CHARS)}]"
_CONT = f"[{re.escape(CONTINUATION_CHARS)}]"
_CANDIDATE = re.compile(_LEAD + _CONT)
_NON_ASCII_RUNS = re.compile(r"([^\x00-\x7f]+)")

# Signatures of lossy mojibake: each is (pattern, example). One hit switches the lossy rules on.
LOSSY_SIGNATURES: tuple[tuple[re.Pattern[str], str], ...] = (
    # English contractions only: French "mât" and Romanian "cât" are real words.
    (re.compile(r"(?:nât|[A-Za-z]â(?:s|re|ll|ve|d|m))\b"), "Northwindâs board, isnât"),
    (re.compile(r"(?<= )â(?= )"), "Lisbon â a city"),
    (re.compile(r"(?:^|(?<=[\s*_(\[>]))â[A-Z0-9]", re.MULTILINE), "called âOrbit Labsâ"),
    (re.compile(r"[.!?,]â(?=[\s*_)\]]|$)", re.MULTILINE), "said âyes.â"),
    (re.compile(f"đ(?:{_CONT}|\\s)"), "# đ° News"),
)

# â followed by a surviving byte of an E2 80 xx punctuation mark: (mojibake, repair, example).
LOSSY_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("â˘", "•", "â˘ bullet"),
    ("âŚ", "…", "and soâŚ"),
    ("â¦", "…", "and soâ¦"),
    ("â¬", "€", "â¬5m"),
)
_PAIRS = {pair: repair for pair, repair, _ in LOSSY_PAIRS}
_LOSSY_TOKEN = re.compile(
    "|".join(re.escape(pair) for pair in _PAIRS)
    # An emoji's lead byte F0 with whatever continuation bytes survived, and a trailing space.
    + f"|đ{_CONT}{{0,3}} ?"
    # Three-byte characters (CJK) that lost a byte: a run of lead/continuation debris.
    + f"|(?:{_LEAD}{_CONT}){{2,}}"
    + "|â"
)
# Heading marks followed by non-ASCII: maybe an emoji that decayed into symbols ("## ⥠From").
_HEADING_START = re.compile(r"^#{1,6}[ \t]+(?=[^\x00-\x7f])")

_OPEN_BEFORE = frozenset(" \t*_([{>\"'-/")


def repair_mojibake(clean: CleanText) -> CleanText:
    lossy = has_lossy_mojibake(clean.text)
    clean = _repair_recoverable(clean, lossy)
    if lossy:
        clean = _repair_lossy(clean)
    return clean


def has_lossy_mojibake(text: str) -> bool:
    if "â" not in text and "đ" not in text:
        return False
    return any(pattern.search(text) for pattern, _ in LOSSY_SIGNATURES)


def _repair_recoverable(clean: CleanText, lossy: bool) -> CleanText:
    if not _CANDIDATE.search(clean.text):
        return clean
    edits: list[Edit] = []
    for start, line in lines(clean.text):
        if _CANDIDATE.search(line):
            edits.extend(_line_fix(start, line, lossy))
    return apply_edits(clean, edits)


def _line_fix(start: int, line: str, lossy: bool) -> list[Edit]:
    """ftfy's fix of one line, as edits on its non-ASCII runs (ASCII never changes in a fix).

    In lossy text ftfy declines or half-fixes lines whose leftovers cannot be decoded (`TomĂĄs`
    beside a lone `â`), so there each intact sequence is decoded on its own instead.
    """
    if lossy:
        return _sequence_by_sequence_fix(start, line)
    fixed = ftfy.fix_encoding(line)
    if fixed == line:
        return []
    before = _NON_ASCII_RUNS.split(line)
    after = _NON_ASCII_RUNS.split(fixed)
    if len(before) != len(after) or before[0::2] != after[0::2]:
        return _run_by_run_fix(start, line)
    edits: list[Edit] = []
    pos = start
    for index, (old, new) in enumerate(zip(before, after, strict=True)):
        if index % 2 and old != new:
            edits.append((pos, pos + len(old), new))
        pos += len(old)
    return edits


def _run_by_run_fix(start: int, line: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in _NON_ASCII_RUNS.finditer(line):
        fixed = ftfy.fix_encoding(match.group())
        if fixed != match.group():
            edits.append((start + match.start(), start + match.end(), fixed))
    return edits


def _sequence_by_sequence_fix(start: int, line: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in _CANDIDATE.finditer(line):
        for length in (4, 3, 2):
            sequence = line[match.start() : match.start() + length]
            decoded = _decode_sequence(sequence) if len(sequence) == length else None
            if decoded is not None:
                edits.append((start + match.start(), start + match.start() + length, decoded))
                break
    return edits


@lru_cache(maxsize=4096)  # an article repeats the same few damaged characters
def _decode_sequence(sequence: str) -> str | None:
    """The one character whose UTF-8 bytes, read through a code page, gave `sequence`."""
    for code_page in _LOSSY_CODE_PAGES:
        try:
            decoded = sequence.encode(code_page).decode("utf-8")
        except UnicodeError:
            continue
        if len(decoded) == 1 and unicodedata.category(decoded)[0] != "C":
            return decoded
    return None


def _repair_lossy(clean: CleanText) -> CleanText:
    edits: list[Edit] = []
    for start, line in lines(clean.text):
        edits.extend(_heading_junk(start, line))
        if not line.isascii():
            edits.extend(_lossy_line(start, line))
    return apply_edits(clean, edits)


def _heading_junk(start: int, line: str) -> list[Edit]:
    match = _HEADING_START.match(line)
    if match is None:
        return []
    end = match.end()
    while end < len(line) and end - match.end() < 4 and _is_debris(line[end]):
        end += 1
    if end == match.end():
        return []
    while end < len(line) and line[end] in " \t":
        end += 1
    return [(start + match.end(), start + end, "")]


def _is_debris(char: str) -> bool:
    """Symbols and code-page bytes that are left of an emoji; never a letter of a word."""
    if char.isascii():
        return False
    return char == "đ" or char in CONTINUATION_CHARS or unicodedata.category(char)[0] in "SC"


def _lossy_line(start: int, line: str) -> list[Edit]:
    """Guess each lossy token of one line; quote state runs left to right within the line."""
    edits: list[Edit] = []
    quote_open = False
    for match in _LOSSY_TOKEN.finditer(line):
        token = match.group()
        if token in _PAIRS:
            replacement = _PAIRS[token]
        elif token != "â":
            replacement = ""  # undecodable debris of an emoji or a CJK character
        else:
            before = line[match.start() - 1] if match.start() else " "
            after = line[match.end()] if match.end() < len(line) else " "
            if before.isalnum() and after.isalpha() and not _apostrophe_fits(line, match.end()):
                continue  # a real â inside a word ("château"), even in damaged text
            replacement, quote_open = _lone_a(before, after, quote_open)
        edits.append((start + match.start(), start + match.end(), replacement))
    return edits


# After an apostrophe between letters: an English contraction ending or a capitalised name part.
_APOSTROPHE_TAIL = re.compile(r"(?:s|t|re|ll|ve|d|m)(?![A-Za-z])|[A-Z]")  # "Metaâs", "OâBrien"


def _apostrophe_fits(line: str, after: int) -> bool:
    return _APOSTROPHE_TAIL.match(line, after) is not None


def _lone_a(before: str, after: str, quote_open: bool) -> tuple[str, bool]:
    """What a lone `â` was (a dropped ’ ‘ “ ” – —), from the characters around it."""
    if before.isspace() and after.isspace():
        return "—", quote_open  # "Lisbon â a city"
    if before.isdigit() and after.isdigit():
        return "–", quote_open  # "2019â2021"
    if before.isalnum() and after.isalpha():
        return "'", quote_open  # "Northwindâs", "isnât"
    if before in _OPEN_BEFORE and (after.isalnum() or after in "$€£"):
        return '"', True  # "called âOrbit"
    if quote_open:
        return '"', False  # "Labsâ"
    if before == "s" and after.isspace():
        return "'", quote_open  # "the founders' shares"
    return '"', quote_open
