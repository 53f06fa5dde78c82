"""Time expressions: find the spans ourselves, resolve each against the publication time.

How it works (three modules: this one finds and resolves; dates/rules.py holds the table of
forms; dates/calendar.py does the calendar arithmetic)
- `DATE_RULES` is the table of forms we recognise: rule_id, prefix, core, example, resolver. The
  cores (a digit, a month or weekday name, a relative word: where a form starts being a date) are
  joined into one alternation, so a text is scanned once; prefixes ("on", "in late", "effective",
  "around 9 p.m.,") are looked up backwards only where a core matched. At one position the first
  core in table order wins, so longer forms come first ("Nov. 6, 2023" before "2023").
- Forward words before a span in its sentence ("will", "is set to", "plans to") make its tense
  "future" and choose the next occurrence of a date given without a year.
- Each span is resolved against the publication time taken in the article's own time zone and
  made naive ("three hours ago" in an article of 00:00 Beijing time is the previous day there).

Who resolves: dateparser, at run time, for every form it answers as the contract wants
(`DATEPARSER_RULES`: absolute and numeric dates, month and year, a bare year, "N units ago",
"a fortnight ago", "yesterday", "the day before yesterday", a day of a month in the past tense).
One `DateDataParser(languages=["en"])` is built once and reused; per call its settings carry
RELATIVE_BASE (the article's own clock: midnight of its day, or the exact time for "three hours
ago") and PREFER_DATES_FROM from the tense. Answers are cached by (normalised span, base, tense),
so a span repeated in an article, or the same year across articles of one day, costs one call;
`DATEPARSER_STATS` counts calls and cache hits. The precision is the form's (DESIGN.md), never
dateparser's `period`; tests check the two agree on the forms sent to it.

Calendar arithmetic (dates/calendar.py) stays for the forms where dateparser's answer differs
from the contract (`DATEPARSER_TRAPS`, each pinned in tests/extractors/test_dates.py): weeks
and weekends as their Monday, weekdays (it skips the publication day), "earlier this month",
"last April", "in late August", forward and effective days without a year (the contract's
reported-speech window and nearest-occurrence rule), seasons, quarters, "the end of 2022",
offsets from another mention ("two years later"), and what dateparser returns None for.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any, Literal

from dateparser.date import DateDataParser

from tenure.extractors.dates.calendar import Anchor, Precision, Resolution, Tense, week_monday
from tenure.extractors.dates.rules import CONTEXTUAL_RULES, DATE_RULES, PREVIOUS_RULES, DateRule

__all__ = [
    "DATEPARSER_RULES",
    "DATEPARSER_STATS",
    "DATEPARSER_TRAPS",
    "DATE_RULES",
    "DateMention",
    "DateRule",
    "find_dates",
    "local_base",
    "parse_published_at",
    "week_monday",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text given to find_dates
    end: int
    text: str  # the span as written, e.g. "three hours ago", "Nov. 6", "in 2013"
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY (a week is its Monday, YYYY-MM-DD)
    precision: Precision | None
    # "future" when the words point forward ("effective March 1", "next year", "will ... on"),
    # "past" otherwise.
    tense: Literal["past", "future"]
    # Names the rule that found the span, e.g. "date.relative-ago", "date.month-day".
    rule_id: str


# Words before a four-digit number that make it an identifier ("Flight 2018", "No. 2018") or a
# notice, not an event's year ("Copyright 2023 The Associated Press").
IDENTIFIER_WORDS: frozenset[str] = frozenset(
    ("no", "number", "nr", "room", "flight", "route", "page", "pp", "suite", "unit", "gate",
     "bus", "model", "version", "item", "case", "ticket", "order", "line", "apartment", "apt",
     "code", "pin", "extension", "ext", "box", "highway", "interstate", "lot", "platform",
     "copyright", "©", "(c)")
)  # fmt: skip

# Words before a span (same sentence, a few words back) that point it forward.
FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|won't|going\s+to|set\s+to|slated\s+to|scheduled\s+(?:to|for)|expected\s+to|"
    r"due\s+to|plans?\s+to|planning\s+to|intends?\s+to|is\s+to|are\s+to|upcoming|should)\b|'ll\b",
    re.IGNORECASE,
)
# A present-tense move with a date is scheduled ("She starts at Parallax on June 1", "Olander
# starts in September"): a forward cue too. Reported speech is still guarded (REPORTED_SPEECH_DAYS).
SCHEDULE_CUE = re.compile(
    r"\b(?:starts|begins|commences|joins|rejoins|takes\s+(?:over|charge|up|office|effect|the\s+helm|the\s+reins)|"
    r"becomes|assumes|(?:is|are)\s+(?:leaving|stepping\s+(?:down|aside)|retiring|departing|joining|moving|returning)|"
    r"retires|steps\s+(?:down|aside)|hands\s+over|moves|returns|succeeds|replaces|leaves|departs|exits)\b",
    re.IGNORECASE,
)
# Words between a future cue and the span that end its reach ("He will leave, the company said
# Tuesday": the saying was on Tuesday, in the past).
CUE_BREAK = re.compile(
    r"\b(?:said|says|announced|reported|told|confirmed|wrote|added|noted|disclosed|revealed|"
    r"stated|according|who|whom|whose|which|where|after|since|ago|has|have|had|been|was|were|did)\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"[.!?;:]\s+(?=[A-Z\"'(\[]|$)|\n")
CUE_WINDOW_CHARS = 80

_ADJACENT_RULES: frozenset[str] = frozenset(("date.offset-from-previous",))
_ADJACENT_GAP = re.compile(r"\s*,?\s*")
PREVIOUS_REACH_CHARS = 400
_STATEMENT_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|confirmed)\s+(?:on\s+|in\s+)?\Z", re.IGNORECASE
)

_EFFECTIVE_WORD_BEFORE = re.compile(r"\b(?:effective|starting|beginning|as\s+of)\s+\Z", re.IGNORECASE)

_FLAGS = re.IGNORECASE


def _unnamed(pattern: str) -> str:
    """The pattern with named groups made plain, so many rules can share one alternation."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_RULE_PATTERNS: dict[str, re.Pattern[str]] = {
    rule.rule_id: re.compile(rule.pattern, _FLAGS) for rule in DATE_RULES
}
_RULES_BY_ID: dict[str, DateRule] = {rule.rule_id: rule for rule in DATE_RULES}
# A prefix ends exactly where its core starts: searched in the few characters before the core.
_PREFIXES: dict[str, re.Pattern[str]] = {
    rule.rule_id: re.compile(f"(?:{rule.prefix})\\Z", _FLAGS) for rule in DATE_RULES if rule.prefix
}
PREFIX_WINDOW_CHARS = 64


def _core_groups() -> tuple[tuple[DateRule, ...], ...]:
    """Rules grouped by identical core, in table order: one scanner alternative per core."""
    groups: dict[str, list[DateRule]] = {}
    for rule in DATE_RULES:
        groups.setdefault(rule.core, []).append(rule)
    return tuple(tuple(rules) for rules in groups.values())


_CORE_GROUPS = _core_groups()
# Every core starts a word, so the leading word-start test turns most positions away at once
# (a bare \b would also stop at every word's end; the lookahead halves the attempts).
_SCANNER = re.compile(
    r"\b(?=[^\W_])(?:"
    + "|".join(f"(?P<c{index}>{_unnamed(rules[0].core)})" for index, rules in enumerate(_CORE_GROUPS))
    + ")",
    _FLAGS,
)
_GROUP_RULES: dict[str, tuple[DateRule, ...]] = {
    f"c{index}": rules for index, rules in enumerate(_CORE_GROUPS)
}

# dateparser 1.5.0 answers these differently from the contract; tests pin each one.
DATEPARSER_TRAPS: tuple[tuple[str, str], ...] = (
    ("last week", "gives the day seven days back, not that week's Monday"),
    ("this week", "gives the publication day, not that week's Monday"),
    ("Wednesday night", "on a Wednesday at 00:00, goes back a whole week (20:00 is after the base)"),
    ("Wednesday", "PREFER_DATES_FROM=past skips the publication day itself"),
    ("earlier this month", "returns None"),
    ("last April", "returns None"),
    ("effective March 1", "returns None"),
    ("the 1990s", "read as 1990 seconds ago"),
    ("A Decade at", "read as ten years ago"),
    ("on March 23", "with PREFER_DATES_FROM=future, next year's: no reported-speech window"),
    ("1 January", "with PREFER_DATES_FROM=future on 1 January itself, skips to the next year"),
    ("a couple of weeks ago", "returns None"),
    ("two years back", "returns None"),
    ("in late August", "returns None"),
    ("the end of 2022", "returns None (the contract: its December)"),
    ("next spring", "returns None (the contract: a season is its year)"),
    ("Q3 2024", "period 'quarter', which the contract does not have (a quarter is its year)"),
)


# --- finding -------------------------------------------------------------------------------------------


def _identifier_before(text: str, start: int) -> bool:
    """A year right after "Flight", "No.", "Room" ... is an identifier, not a year."""
    head = text[max(0, start - 16) : start].rstrip(" .#:")
    word = head.rsplit(None, 1)[-1] if head.split() else ""
    return word.lower() in IDENTIFIER_WORDS


def _decade_possessive(text: str, start: int, end: int) -> bool:
    """ "the 1990's" is a decade; "2018's award" is a year."""
    return text.startswith("'s", end) and text[max(0, start - 4) : start].lower() == "the "


def _forward_cue(text: str, start: int) -> str | None:
    """The future cue ("will", "would", "starts" ...) that precedes `start` within its sentence
    and is not cut off, lower-cased; None when there is none."""
    window = text[max(0, start - CUE_WINDOW_CHARS) : start]
    breaks = list(SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    cues = [*FUTURE_CUE.finditer(window), *SCHEDULE_CUE.finditer(window)]
    if not cues:
        return None
    last = max(cues, key=lambda cue: cue.end())
    return None if CUE_BREAK.search(window, last.end()) else last.group(0).lower()


@lru_cache(maxsize=8192)
def resolve_span(
    rule_id: str,
    span: str,
    base: datetime,
    forward_cue: bool,
    previous: tuple[str, str] | None = None,
    nearest: bool = False,
) -> Resolution | None:
    """Resolve one matched span; pure, so repeated spans in one article resolve once."""
    match = _RULE_PATTERNS[rule_id].fullmatch(span)
    if match is None:
        return None
    rule = _RULES_BY_ID[rule_id]
    try:
        return rule.resolve(match.groupdict(), Anchor(base, forward_cue, previous, nearest))
    except (ValueError, OverflowError, KeyError):
        # Out-of-calendar arithmetic (year 0, a day past the month's end): no date rather than
        # a wrong one.
        return None


def local_base(published_at: datetime) -> datetime:
    """The publication time on the article's own wall clock, naive (what resolvers count from)."""
    aware = published_at if published_at.tzinfo else published_at.replace(tzinfo=UTC)
    return aware.astimezone(aware.tzinfo).replace(tzinfo=None)


def _prefix_start(rule: DateRule, text: str, core_start: int, floor: int) -> int | None:
    """Where the rule's prefix before `core_start` begins (the core start itself when it has none);
    None when the rule needs a prefix and there is none."""
    prefix = _PREFIXES.get(rule.rule_id)
    if prefix is None:
        return core_start
    found = prefix.search(text, max(floor, core_start - PREFIX_WINDOW_CHARS), core_start)
    if found is None or found.start() == core_start:
        return None if rule.prefix_required else core_start
    return found.start()


def _rejected(rule: DateRule, text: str, start: int, end: int) -> bool:
    """Context a regex cannot see cheaply: identifiers ("Flight 2018") and "the 1990's"."""
    return rule.rule_id == "date.year" and (
        _identifier_before(text, start) or _decade_possessive(text, start, end)
    )


def _previous_date(
    rule: DateRule, text: str, start: int, mentions: list[DateMention]
) -> tuple[str, str] | None:
    """The date a rule counted from the previous mention starts from, when there is one in reach."""
    if rule.rule_id not in PREVIOUS_RULES or not mentions:
        return None
    last = mentions[-1]
    if rule.rule_id not in _ADJACENT_RULES:
        # "effective April 1, the company said on Tuesday. B becomes chairman on the same day":
        # the day of the statement is not the one counted from; the mention before it is.
        for mention in reversed(mentions):
            if start - mention.end > PREVIOUS_REACH_CHARS:
                break
            if not _STATEMENT_BEFORE.search(text, max(0, mention.start - 30), mention.start):
                last = mention
                break
    if last.date is None or last.precision is None or start - last.end > PREVIOUS_REACH_CHARS:
        return None
    if rule.rule_id in _ADJACENT_RULES and not _ADJACENT_GAP.fullmatch(text, last.end, start):
        return None
    return last.date, last.precision


# --- dateparser at run time ---------------------------------------------------------------------------

# Rules whose span dateparser resolves (see `_dateparser_query` for the exact conditions).
DATEPARSER_RULES: frozenset[str] = frozenset(
    ("date.iso", "date.us-numeric", "date.effective", "date.effective-day-month", "date.month-day", "date.day-month",
     "date.month-year", "date.relative-ago", "date.relative-day", "date.year")
)  # fmt: skip


@dataclass(slots=True)
class ParserStats:
    """dateparser calls made and answers served from the cache, since the process started."""

    calls: int = 0
    hits: int = 0


DATEPARSER_STATS = ParserStats()
_PARSER = DateDataParser(
    languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
)
_BASE_SETTINGS: Any = _PARSER._settings
_PARSER_LOCK = threading.Lock()
_CACHE: dict[tuple[str, datetime, Tense], tuple[date, Precision] | None] = {}
_CACHE_LIMIT = 8192
_CLOCK_UNITS = re.compile(r"\b(?:hour|minute|second)s?\b", re.IGNORECASE)
_RELATIVE_WORDS = frozenset(
    ("today", "yesterday", "tomorrow", "tonight", "last night", "this morning", "this afternoon",
     "this evening", "the day before yesterday", "the day after tomorrow")
)  # fmt: skip
_PERIOD_PRECISION: dict[str, Precision] = {
    "time": "day", "day": "day", "week": "week", "month": "month", "year": "year",
}  # fmt: skip


@lru_cache(maxsize=512)
def _settings_for(base: datetime, tense: Tense) -> Any:
    return _BASE_SETTINGS.replace(RELATIVE_BASE=base, PREFER_DATES_FROM=tense)


# A span that names its own year ("Nov. 6, 2023", "March 2014", "2013") does not depend on the
# base: it is resolved and cached on this one, so its answer serves every article.
_ABSOLUTE_BASE = datetime(2000, 1, 1)


def dateparser_resolve(
    span: str, base: datetime, tense: Tense, *, absolute: bool = False
) -> tuple[date, Precision] | None:
    """dateparser's day and period for `span` on the naive local `base`, cached.

    The base is the day's midnight unless the span counts hours, minutes or seconds, so a span's
    answer is shared by every article of that day; `absolute` spans use one fixed base.
    """
    normalised = " ".join(span.split()).lower()
    if absolute:
        base, tense = _ABSOLUTE_BASE, "past"
    elif not _CLOCK_UNITS.search(normalised):
        base = base.replace(hour=0, minute=0, second=0, microsecond=0)
    key = (normalised, base, tense)
    if key in _CACHE:
        DATEPARSER_STATS.hits += 1
        return _CACHE[key]
    with _PARSER_LOCK:
        _PARSER._settings = _settings_for(base, tense)
        data = _PARSER.get_date_data(normalised)
    DATEPARSER_STATS.calls += 1
    period = _PERIOD_PRECISION.get(data.period or "")
    found = (data.date_obj.date(), period) if data.date_obj is not None and period else None
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = found
    return found


def _written(value: date, precision: Precision) -> str:
    """A day at a precision, as the contract writes it (a week is its Monday)."""
    if precision == "day":
        return value.isoformat()
    if precision == "week":
        return week_monday(value).isoformat()
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}"


_UNIT_PRECISION: dict[str, Precision] = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "week": "week",
    "fortnight": "week", "month": "month", "year": "year", "decade": "year",
}  # fmt: skip


def _form_precision(rule_id: str, groups: dict[str, str | None]) -> Precision:
    """The precision the span's form supports (DESIGN.md: ours, not dateparser's `period`)."""
    if rule_id == "date.month-year":
        return "month"
    if rule_id == "date.year":
        return "year"
    if rule_id == "date.relative-ago":
        return _UNIT_PRECISION[(groups.get("unit") or "day").lower()]
    return "day"


_ABSOLUTE_RULES: frozenset[str] = frozenset(("date.iso", "date.us-numeric", "date.month-year", "date.year"))


def _dateparser_query(rule_id: str, groups: dict[str, str | None], core: str, forward: bool) -> str | None:
    """The text dateparser resolves for this span, or None where the contract needs arithmetic."""
    if rule_id not in DATEPARSER_RULES:
        return None
    if rule_id == "date.relative-ago":
        return None if core.lower().endswith("back") else core  # "two years back": dateparser has None
    if rule_id in ("date.iso", "date.us-numeric", "date.month-year"):
        return core
    if rule_id in ("date.month-day", "date.day-month", "date.effective", "date.effective-day-month"):
        # Without a year, only the past reading is dateparser's: forward and effective days
        # follow the contract's reported-speech window and nearest occurrence.
        effective = rule_id.startswith("date.effective")
        return core if groups.get("y") or (not effective and not forward) else None
    if rule_id == "date.relative-day":
        word = " ".join((groups.get("word") or "").split()).lower()
        return core if not groups.get("edge") and word in _RELATIVE_WORDS else None
    if rule_id == "date.year":
        return core if not groups.get("bound") and core.isdigit() else None
    return None


def _resolve(
    rule: DateRule,
    span: str,
    core: str,
    base: datetime,
    cue: bool,
    previous: tuple[str, str] | None,
    nearest: bool = False,
) -> Resolution | None:
    """dateparser where it answers as the contract wants, calendar arithmetic otherwise."""
    if rule.rule_id in DATEPARSER_RULES:
        match = _RULE_PATTERNS[rule.rule_id].fullmatch(span)
        if match is None:
            return None
        query = _dateparser_query(rule.rule_id, match.groupdict(), core, cue)
        if query is not None:
            absolute = rule.rule_id in _ABSOLUTE_RULES or bool(match.groupdict().get("y"))
            found = dateparser_resolve(query, base, "future" if cue else "past", absolute=absolute)
            if found is not None:
                precision = _form_precision(rule.rule_id, match.groupdict())
                value = _written(found[0], precision)
                later = value > base.date().isoformat()[: len(value)]
                tense: Tense = "future" if cue or later else "past"
                return Resolution(value, precision, tense)
    return resolve_span(rule.rule_id, span, base, cue, previous, nearest)


def find_dates(text: str, published_at: datetime) -> list[DateMention]:
    """All time expressions in `text`, in order, resolved against `published_at`.

    `published_at` is timezone-aware; relative expressions resolve in its time zone.
    """
    base = local_base(published_at)
    mentions: list[DateMention] = []
    floor = 0  # a prefix may not reach back into the previous mention
    for match in _SCANNER.finditer(text):
        core_start, end = match.span()
        for rule in _GROUP_RULES[match.lastgroup or ""]:
            start = _prefix_start(rule, text, core_start, floor)
            if start is None or _rejected(rule, text, start, end):
                continue
            span = text[start:end]
            cue_word = _forward_cue(text, start) if rule.rule_id in CONTEXTUAL_RULES else None
            cue = cue_word is not None
            # "said she would leave on March 31": future in the past, so the nearer March 31.
            # "starting in May", "effective in May": a month either side of publication.
            nearest = cue_word == "would" or (
                rule.rule_id == "date.month-named"
                and bool(_EFFECTIVE_WORD_BEFORE.search(text, max(0, start - 24), start))
            )
            previous = _previous_date(rule, text, start, mentions)
            if rule.rule_id in PREVIOUS_RULES and previous is None:
                continue
            resolved = _resolve(rule, span, text[core_start:end], base, cue, previous, nearest)
            if resolved is None:
                continue
            mentions.append(
                DateMention(start, end, span, resolved.date, resolved.precision, resolved.tense, rule.rule_id)
            )
            floor = end
            break
    return mentions


def parse_published_at(value: str) -> datetime:
    """An ISO date or datetime; a date alone is that day at noon UTC, a naive time is UTC."""
    text = value.strip()
    if len(text) == 10:
        day = datetime.fromisoformat(text).date()
        return datetime.combine(day, time(12, 0), tzinfo=UTC)
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
