"""Time expressions: find the spans ourselves, resolve each against the publication time.

How it works
- `DATE_RULES` is the table of forms we recognise: rule_id, prefix, core, example, resolver. The
  cores (a digit, a month or weekday name, a relative word: where a form starts being a date) are
  joined into one alternation, so a text is scanned once; prefixes ("on", "in late", "effective",
  "around 9 p.m.,") are looked up backwards only where a core matched. At one position the first
  core in table order wins, so longer forms come first ("Nov. 6, 2023" before "2023").
- Forward words before a span in its sentence ("will", "is set to", "plans to") make its tense
  "future" and choose the next occurrence of a date given without a year.
- Each span is resolved against the publication time taken in the article's own time zone and
  made naive ("three hours ago" in an article of 00:00 Beijing time is the previous day there).
- Precision comes from the form that matched (a rule's resolver decides it), never from
  dateparser's `period`.

Why the resolvers are arithmetic rather than dateparser calls: every form in the table is exact
with calendar arithmetic, which costs microseconds, while one `DateDataParser.get_date_data`
call costs about 0.7 ms and dateparser 1.5.0 answers several of these forms differently from the
contract (see `DATEPARSER_TRAPS`). dateparser stays the reference: tests/extractors/test_dates.py
resolves the same spans with it (languages=["en"], naive local RELATIVE_BASE) and asserts
agreement wherever its answer is the contract's, and pins each trap as a regression case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future"]


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


# --- vocabulary -------------------------------------------------------------------------------

# (full name, abbreviations). Month names double as ordinary words ("may", "march", "august") and
# as first names ("June"), so they only match capitalised or in capitals, never in lower case.
MONTHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("January", ("Jan",)),
    ("February", ("Feb",)),
    ("March", ("Mar",)),
    ("April", ("Apr",)),
    ("May", ()),
    ("June", ("Jun",)),
    ("July", ("Jul",)),
    ("August", ("Aug",)),
    ("September", ("Sept", "Sep")),
    ("October", ("Oct",)),
    ("November", ("Nov",)),
    ("December", ("Dec",)),
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTH_NUMBER: dict[str, int] = {}
for _number, (_full, _abbreviations) in enumerate(MONTHS, start=1):
    for _name in (_full, *_abbreviations):
        MONTH_NUMBER[_name.lower()] = _number
WEEKDAY_NUMBER: dict[str, int] = {name.lower(): index for index, name in enumerate(WEEKDAYS)}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}  # fmt: skip
# (first month, last month) of each season; winter's first month is its December, but winter is
# dated by the year of its January and February.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2),
}  # fmt: skip
ORDINAL_QUARTERS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Words after a four-digit number that make it a count, not a year ("2018 employees").
COUNT_NOUNS: tuple[str, ...] = (
    "employees", "people", "workers", "staff", "jobs", "shares", "units", "customers", "users",
    "members", "stores", "engineers", "positions", "roles", "companies", "vehicles", "cars",
    "miles", "km", "kilometres", "kilometers", "metres", "meters", "feet", "points", "votes",
    "million", "billion", "thousand", "hundred", "dollars", "euros", "pounds", "yuan", "yen",
    "acres", "students", "patients", "pages", "words", "times", "percent", "per cent", "GPUs",
    "chips", "servers", "hours", "minutes", "seconds", "days", "weeks", "months", "years",
)  # fmt: skip

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
    r"\b(?:will|shall|won't|going\s+to|set\s+to|slated\s+to|scheduled\s+(?:to|for)|expected\s+to|"
    r"due\s+to|plans?\s+to|planning\s+to|intends?\s+to|is\s+to|are\s+to|upcoming|should)\b|'ll\b",
    re.IGNORECASE,
)
# A present-tense move with a date is scheduled ("She starts at Parallax on June 1", "Olander
# starts in September"): a forward cue too. Reported speech is still guarded (REPORTED_SPEECH_DAYS).
SCHEDULE_CUE = re.compile(
    r"\b(?:starts|begins|joins|rejoins|takes\s+(?:over|charge|up|the\s+helm|the\s+reins)|becomes|assumes|"
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
# A forward-cued day this recent is the one just gone (reported speech), not next year's.
REPORTED_SPEECH_DAYS = 31

# --- building blocks of the patterns ------------------------------------------------------------


def _cased(words: tuple[str, ...]) -> str:
    """Case-sensitive alternation of each word as Title and UPPER ("May", "MAY", never "may")."""
    variants = sorted({v for word in words for v in (word, word.upper())}, key=len, reverse=True)
    return "(?-i:" + "|".join(variants) + ")"


_MONTH_FULL = r"\b" + _cased(tuple(full for full, _ in MONTHS)) + r"\b"
# Abbreviations may carry their period ("Nov."); a full name never does ("6 November." ends a sentence).
_MONTH_ABBREVIATION = (
    r"\b" + _cased(tuple(a for _, abbreviations in MONTHS for a in abbreviations)) + r"(?:\.|\b)"
)
_MONTH_ANY = r"(?:" + _MONTH_FULL + r"|" + _MONTH_ABBREVIATION + r")"
_WEEKDAY = r"\b" + _cased(WEEKDAYS) + r"\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?!\.\d)"
_YEAR = r"(?:19\d\d|20\d\d|2100)(?![\d%])"
_TIME = (
    r"(?:(?:around|about|at|shortly\s+(?:before|after)|just\s+(?:before|after)|before|after)\s+)?"
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?-i:[A-Z]{2,4})\b)?"
    r"(?:\s*,\s*|\s+on\s+|\s+)"
)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUMBER = r"(?:\d{1,3}|a\s+couple\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_EDGE = r"(?:early|mid|late|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+"
_COUNT_NOUN = r"(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in COUNT_NOUNS) + r")\b"
# A year stands alone: not inside an amount ($2018), a number (12,2018 or 2018.5), a path or an
# identifier (/2018/, ID-2018), a decade (1990s), a count (2018 employees) or a run of numbers.
_YEAR_ALONE = (
    r"(?<![\w$€£¥#/.,:+@&])(?<!\d-)(?<!(?-i:[A-Z])-)(?<!\d\s)"
    r"(?:19\d\d|20\d\d|2100)"
    r"(?![\d%]|[.,/:]\d|-(?!(?:19|20)\d\d(?!\d))\w|s\b|\s+" + _COUNT_NOUN + r")"
)


@dataclass(frozen=True, slots=True)
class Resolution:
    date: str
    precision: Precision
    tense: Tense


Resolver = Callable[[Mapping[str, str | None], "Anchor"], Resolution | None]


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a resolver needs: the naive local publication time and the context's direction."""

    base: datetime
    forward_cue: bool  # a future cue precedes the span in its sentence
    # The date and precision of the mention just before, for forms counted from it ("two years
    # later"); None for the other forms, and when there is no mention close enough.
    previous: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class DateRule:
    rule_id: str
    prefix: str  # regex of the words that may precede the core ("" for none)
    core: str  # regex the scanner looks for
    example: str
    resolve: Resolver
    prefix_required: bool = False  # the core alone is not a date ("May" needs "in May")

    @property
    def pattern(self) -> str:
        """The whole form, prefix and core: what a span is resolved with."""
        if not self.prefix:
            return self.core
        prefix = f"(?:{self.prefix})" if self.prefix_required else f"(?:{self.prefix})?"
        return prefix + self.core


# --- calendar arithmetic --------------------------------------------------------------------------


def week_monday(day: date) -> date:
    """The Monday of the ISO week containing `day`: how a week-precision date is written."""
    return day - timedelta(days=day.weekday())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _check_year(year: int) -> None:
    """Years outside the calendar ("last year" in year 1) resolve to no date (see resolve_span)."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")


def _day(value: date, tense: Tense) -> Resolution:
    return Resolution(value.isoformat(), "day", tense)


def _month(year: int, month: int, tense: Tense) -> Resolution:
    _check_year(year)
    return Resolution(f"{year:04d}-{month:02d}", "month", tense)


def _year(year: int, tense: Tense) -> Resolution:
    _check_year(year)
    return Resolution(f"{year:04d}", "year", tense)


def _tense_of(value: date, anchor: Anchor) -> Tense:
    return "future" if anchor.forward_cue or value > anchor.base.date() else "past"


def _month_number(name: str | None) -> int:
    return MONTH_NUMBER[(name or "").rstrip(".").lower()]


def _day_number(text: str | None) -> int:
    """ "3rd" is 3."""
    return int((text or "0").rstrip("stndrhSTNDRH"))


def _year_in_range(year: int) -> bool:
    return 1 <= year <= 9999


# --- resolvers: one per family of forms -----------------------------------------------------------


def resolve_ymd(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    found = _safe_date(int(groups["y"] or 0), int(groups["m"] or 0), int(groups["d"] or 0))
    return _day(found, _tense_of(found, anchor)) if found else None


def _month_day(month: int, day: int, year: str | None, anchor: Anchor, mode: str) -> Resolution | None:
    """A day of a month; without a year the occurrence is chosen by `mode`.

    past: the most recent on or before publication. forward: the next on or after publication,
    unless the last one is at most `REPORTED_SPEECH_DAYS` back, because reported speech keeps its
    tense ("said in February the hand-over will occur on March 23", printed on March 24, means the
    March 23 just gone). nearest: the closer of the two, a tie going forward (effective dates).
    """
    today = anchor.base.date()
    if year:
        found = _safe_date(int(year), month, day)
        return _day(found, _tense_of(found, anchor)) if found else None
    candidates = [d for y in (today.year - 1, today.year, today.year + 1) if (d := _safe_date(y, month, day))]
    past = [d for d in candidates if d <= today]
    future = [d for d in candidates if d >= today]
    last = past[-1] if past else None
    following = future[0] if future else None
    if mode == "past" or following is None:
        chosen = last or following
    elif last is None:
        chosen = following
    elif mode == "forward":
        chosen = last if (today - last).days <= REPORTED_SPEECH_DAYS else following
    else:
        chosen = min((last, following), key=lambda d: (abs((d - today).days), d < today))
    if chosen is None:
        return None
    return _day(chosen, "future" if anchor.forward_cue or chosen > today else "past")


def resolve_month_day(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    mode = "forward" if anchor.forward_cue else "past"
    return _month_day(_month_number(groups["mon"]), _day_number(groups["d"]), groups["y"], anchor, mode)


def resolve_effective(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """An effective date may lie either side of publication ("stepped down effective Oct. 1")."""
    return _month_day(_month_number(groups["mon"]), _day_number(groups["d"]), groups["y"], anchor, "nearest")


def resolve_month_year(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    year, month = int(groups["y"] or 0), _month_number(groups["mon"])
    first = date(year, month, 1)
    current = anchor.base.date().replace(day=1)
    return _month(year, month, "future" if anchor.forward_cue or first > current else "past")


def resolve_month_relative_year(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    shift = {"last": -1, "this": 0, "next": 1}[(groups["rel"] or "").lower()]
    year, month = anchor.base.year + shift, _month_number(groups["mon"])
    current = (anchor.base.year, anchor.base.month)
    return _month(year, month, "future" if anchor.forward_cue or (year, month) > current else "past")


def resolve_month_named(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """A month name without a year: "in May", "last April", "next June", "In late February"."""
    month = _month_number(groups["mon"])
    base_year, base_month = anchor.base.year, anchor.base.month
    modifier = (groups["mod"] or "").lower()
    if modifier == "last":  # the most recent such month before the current one
        year = base_year if month < base_month else base_year - 1
    elif modifier == "next":  # the next such month after the current one
        year = base_year if month > base_month else base_year + 1
    elif modifier == "this":
        year = base_year
    elif anchor.forward_cue and (base_month - month) % 12 == 1:  # reported speech, see _month_day
        year = base_year if month < base_month else base_year - 1
    elif anchor.forward_cue:
        year = base_year if month >= base_month else base_year + 1
    else:
        year = base_year if month <= base_month else base_year - 1
    forward = anchor.forward_cue or modifier == "next" or (year, month) > (base_year, base_month)
    return _month(year, month, "future" if forward else "past")


def resolve_ago(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    raw = re.sub(r"\s+", " ", (groups["n"] or "").lower())
    count = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = (groups["unit"] or "").lower()
    base = anchor.base
    if unit in ("second", "minute", "hour", "day"):
        seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}[unit] * count
        if seconds > 86400 * 365 * 200:
            return None
        return _day((base - timedelta(seconds=seconds)).date(), "past")
    if unit == "week":
        if count > 52 * 200:
            return None
        return Resolution(week_monday(base.date() - timedelta(weeks=count)).isoformat(), "week", "past")
    if unit == "month":
        year, month = add_months(base.year, base.month, -count)
        return _month(year, month, "past") if _year_in_range(year) else None
    years = count * (10 if unit == "decade" else 1)
    return _year(base.year - years, "past") if _year_in_range(base.year - years) else None


def _year_part(year: int, bound: str | None, tense: Tense) -> Resolution:
    """A year, or its December / January when the text says its end / start ("at the end of 2022")."""
    edge = (bound or "").lower()
    if edge == "end":
        return _month(year, 12, tense)
    if edge in ("start", "beginning"):
        return _month(year, 1, tense)
    return _year(year, tense)


def resolve_comes_after(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """ "The shake-up comes 11 months after X left": X was 11 months before publication."""
    if (groups["dir"] or "").lower() != "after":
        return None
    return resolve_ago(groups, anchor)


def resolve_offset_from_previous(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """Counted from the previous mention: "two years later" adds, "three years after X" (right
    after a date) and "two years earlier" subtract. The precision is the coarser of the unit's and
    the previous date's; a unit finer than the previous date's precision gives no date."""
    if anchor.previous is None:
        return None
    value, precision = anchor.previous
    direction = (groups["dir"] or "").lower()
    sign = 1 if direction in ("later", "before") else -1
    raw = re.sub(r"\s+", " ", (groups["n"] or "").lower())
    count = (int(raw) if raw.isdigit() else NUMBER_WORDS[raw]) * sign
    unit = (groups["unit"] or "").lower()
    year = int(value[:4])
    if unit in ("year", "decade"):
        shifted = year + count * (10 if unit == "decade" else 1)
        return _year(shifted, "future" if shifted > anchor.base.year else "past")
    if unit == "month" and precision in ("month", "day", "week"):
        shifted_year, month = add_months(year, int(value[5:7]), count)
        later = (shifted_year, month) > (anchor.base.year, anchor.base.month)
        return _month(shifted_year, month, "future" if later else "past")
    if unit in ("day", "week") and precision in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        shifted_day = date.fromisoformat(value) + timedelta(days=days)
        tense: Tense = "future" if shifted_day > anchor.base.date() else "past"
        if unit == "week":
            return Resolution(week_monday(shifted_day).isoformat(), "week", tense)
        return _day(shifted_day, tense)
    return None


def resolve_period_end(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """The end of the current year (its December) or month: "by the end of the year", "year-end"."""
    tense: Tense = "future" if anchor.forward_cue else "past"
    if (groups["unit"] or groups["unit2"] or "").lower() == "month":
        return _month(anchor.base.year, anchor.base.month, tense)
    return _month(anchor.base.year, 12, tense)


def resolve_period_rest(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """What remains of the current month or year: "finish out the month", "through the year"."""
    tense: Tense = "future" if anchor.forward_cue else "past"
    if (groups["unit"] or "").lower() == "month":
        return _month(anchor.base.year, anchor.base.month, tense)
    return _year(anchor.base.year, tense)


def resolve_season(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """A season, at year precision (northern hemisphere; winter is dated by its January)."""
    if groups.get("y"):
        explicit = int(groups["y"] or 0)
        return _year(explicit, "future" if anchor.forward_cue or explicit > anchor.base.year else "past")
    first, last = SEASON_MONTHS[(groups["season"] or "").lower()]
    modifier = re.sub(r"\s+", " ", (groups.get("mod") or "").lower())
    year, month = anchor.base.year, anchor.base.month
    if modifier in ("last", "past", "this past"):  # the latest one already over
        return _year(year if last < month else year - 1, "past")
    if modifier == "next":  # the next one not yet begun
        return _year(year if first > month else year + 1, "future")
    if modifier == "this" and first == 12:  # from September on, "this winter" is the coming one
        coming = month >= 9
        return _year(year + coming, "future" if anchor.forward_cue or coming else "past")
    return _year(year, "future" if anchor.forward_cue or first > month else "past")


def resolve_relative_day(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    word = re.sub(r"\s+", " ", (groups["word"] or "").lower())
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    forward = shift > 0 or (groups["edge"] or "").lower() == "later" or anchor.forward_cue
    return _day(anchor.base.date() + timedelta(days=shift), "future" if forward else "past")


def resolve_weekday(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """A weekday: the most recent such day (publication day included); forward when cued."""
    today = anchor.base.date()
    target = WEEKDAY_NUMBER[(groups["wd"] or "").lower()]
    back = (today.weekday() - target) % 7
    ahead = (target - today.weekday()) % 7
    modifier = re.sub(r"\s+", " ", (groups["mod"] or "").lower())
    if modifier in ("last", "past", "this past"):
        return _day(today - timedelta(days=back or 7), "past")
    if modifier == "next":
        return _day(today + timedelta(days=ahead or 7), "future")
    if anchor.forward_cue:
        return _day(today + timedelta(days=ahead), "future")
    return _day(today - timedelta(days=back), "past")


def resolve_relative_week(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[(groups["rel"] or "").lower()]
    monday = week_monday(anchor.base.date()) + timedelta(weeks=shift)
    forward = shift > 0 or (groups["edge"] or "").lower() == "later" or anchor.forward_cue
    return Resolution(monday.isoformat(), "week", "future" if forward else "past")


def resolve_relative_month(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[(groups["rel"] or "").lower()]
    year, month = add_months(anchor.base.year, anchor.base.month, shift)
    forward = shift > 0 or (groups["edge"] or "").lower() == "later" or anchor.forward_cue
    return _month(year, month, "future" if forward else "past")


def resolve_relative_year(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[(groups["rel"] or "").lower()]
    forward = shift > 0 or (groups["edge"] or "").lower() == "later" or anchor.forward_cue
    return _year_part(anchor.base.year + shift, groups["bound"], "future" if forward else "past")


def resolve_quarter(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """A quarter is given at year precision: the contract has no quarter precision."""
    raw = (groups["q"] or groups["q2"] or "").lower()
    quarter = int(raw) if raw.isdigit() else ORDINAL_QUARTERS[raw]
    explicit = groups["y"] or groups["y2"]
    current_quarter = (anchor.base.month - 1) // 3 + 1
    if explicit:
        year = int(explicit)
    elif anchor.forward_cue:
        year = anchor.base.year if quarter >= current_quarter else anchor.base.year + 1
    else:
        year = anchor.base.year if quarter <= current_quarter else anchor.base.year - 1
    later = (year, quarter) > (anchor.base.year, current_quarter)
    return _year(year, "future" if anchor.forward_cue or later else "past")


def resolve_year(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    year = int(groups["y"] or 0)
    return _year_part(
        year, groups["bound"], "future" if anchor.forward_cue or year > anchor.base.year else "past"
    )


# --- the rule table ---------------------------------------------------------------------------------
# A rule is a core (what the scanner looks for, always starting on a distinctive token: a digit, a
# month or weekday name, a relative word) and a prefix (words that may, or must, come right before
# it: "on", "in late", "effective", "around 9 p.m.,"). Cores are joined into one alternation and
# the text is scanned once; a prefix is looked up backwards only where a core matched. Starting
# every alternative on its core keeps the scan cheap: an optional leading group would be tried at
# every position of the text. At one position the first core in table order wins, so longer
# forms come first ("Nov. 6, 2023" before "2023"); rules sharing a core are tried in order.

_ON_DAY_PREFIX = r"(?:" + _TIME + r")?(?:\bon\s+)?(?:" + _WEEKDAY + r",?\s+)?"
_EFFECTIVE_PREFIX = (
    r"\b(?:(?:with\s+)?effect(?:ive)?(?:\s+from)?|starting|beginning|as\s+of|from)\s+(?:on\s+)?(?:"
    + _WEEKDAY
    + r",?\s+)?"
)
_IN_PREFIX = r"(?:\b(?:in|since|from|during|until|by|of|before|after)\s+)?(?:" + _EDGE + r")?"
_OFFSET_CORE = (
    r"\b(?P<n>"
    + _NUMBER
    + r")\s+(?P<unit>second|minute|hour|day|week|month|year|decade)s?\s+(?P<dir>after|before)\b"
)
_MONTH_DAY_CORE = r"(?P<mon>" + _MONTH_ANY + r")\s*(?P<d>" + _DAY + r")(?:,?\s+(?P<y>" + _YEAR + r"))?"

DATE_RULES: tuple[DateRule, ...] = (
    DateRule(
        "date.iso",
        "",
        r"(?<![\d/-])(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])",
        "The filing is dated 2024-10-17.",
        resolve_ymd,
    ),
    DateRule(
        "date.us-numeric",
        "",
        r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>" + _YEAR + r")(?![\d/])",
        "Signed on 10/17/2024 in Denver.",
        resolve_ymd,
    ),
    DateRule(
        "date.effective",
        _EFFECTIVE_PREFIX,
        _MONTH_DAY_CORE,
        "The change is effective Oct. 1.",
        resolve_effective,
        prefix_required=True,
    ),
    DateRule(
        "date.month-day",
        _ON_DAY_PREFIX,
        _MONTH_DAY_CORE,
        "Around 9 p.m., November 11, the memo went out.",
        resolve_month_day,
    ),
    DateRule(
        "date.day-month",
        _ON_DAY_PREFIX + r"(?:\bthe\s+)?",
        r"(?<![\d.,$])(?P<d>"
        + _DAY
        + r")\s+(?:of\s+)?(?P<mon>"
        + _MONTH_ANY
        + r")(?:,?\s+(?P<y>"
        + _YEAR
        + r"))?",
        "She joined on 17 October 2024.",
        resolve_month_day,
    ),
    DateRule(
        "date.month-year",
        _IN_PREFIX,
        r"(?P<mon>" + _MONTH_ANY + r"),?\s+(?:of\s+)?(?P<y>" + _YEAR + r")",
        "He was hired in March 2014.",
        resolve_month_year,
    ),
    DateRule(
        "date.month-relative-year",
        _IN_PREFIX,
        r"(?P<mon>" + _MONTH_FULL + r")\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b",
        "The lab opened in June last year.",
        resolve_month_relative_year,
    ),
    DateRule(
        "date.month-named",
        r"\b(?P<mod>last|this|next|in|since|during|from|until|by|before|after|early|mid|late|"
        r"the\s+(?:end|start|beginning|middle)\s+of)[\s-]+(?:(?:early|mid|late)[\s-]+)?",
        r"(?P<mon>" + _MONTH_FULL + r")(?![\s,]*\d)",
        "In late February the board met.",
        resolve_month_named,
        prefix_required=True,
    ),
    DateRule(
        "date.relative-ago",
        "",
        r"\b(?P<n>" + _NUMBER + r")\s+(?P<unit>second|minute|hour|day|week|month|year|decade)s?\s+ago\b",
        "The post went up three hours ago.",
        resolve_ago,
    ),
    DateRule(
        "date.relative-comes-after",
        r"\b(?:comes?|arrives?|follows?)\s+(?:(?:just|only|nearly|almost|about|roughly|some|less\s+than|"
        r"more\s+than)\s+)?",
        _OFFSET_CORE,
        "The shake-up comes 11 months after the founder left.",
        resolve_comes_after,
        prefix_required=True,
    ),
    DateRule(
        "date.offset-from-previous",
        # Only right after a date ("In 2014, three years after he was pushed out"): the date is the
        # main clause's, the offset dates the clause that follows. find_dates checks adjacency.
        "",
        _OFFSET_CORE,
        "She returned in 2014, three years after she was pushed out.",
        resolve_offset_from_previous,
    ),
    DateRule(
        "date.later-than-previous",
        "",
        r"\b(?P<n>" + _NUMBER + r")\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>later|earlier)\b",
        "She joined Quay in 2011. Two years later she left.",
        resolve_offset_from_previous,
    ),
    DateRule(
        "date.period-end",
        r"\b(?:(?:by|before|until|at|from|after)\s+)?(?:the\s+)?",
        r"\b(?:(?:end|close)\s+of\s+the\s+(?P<unit>year|month)\b|(?P<unit2>year|month)[-\s]end\b)",
        "The sale should close by the end of the year.",
        resolve_period_end,
    ),
    DateRule(
        "date.period-rest",
        r"\b(?:out|through|until|till|throughout|(?:the\s+)?(?:rest|remainder)\s+of)\s+",
        r"\bthe\s+(?P<unit>month|year)\b(?!\s+(?:of|before|after|earlier|later|when)\b)",
        "He will finish out the month at the bank.",
        resolve_period_rest,
        prefix_required=True,
    ),
    DateRule(
        "date.relative-day",
        r"\b(?P<edge>earlier|later)\s+",
        r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b"
        + _PART_OF_DAY,
        "The company confirmed the move yesterday.",
        resolve_relative_day,
    ),
    DateRule(
        "date.weekday",
        r"(?:" + _TIME + r")?(?:\b(?P<mod>on|last|this\s+past|past|this|next|late|early|later|earlier)\s+)?",
        # "Tuesday, Nov. 11" is the month-day rule's, with the weekday in its prefix.
        r"(?P<wd>"
        + _WEEKDAY
        + r")(?!,?\s+(?:"
        + _MONTH_ANY
        + r"\s*"
        + _DAY
        + r"|(?:the\s+)?"
        + _DAY
        + r"\s+(?:of\s+)?"
        + _MONTH_ANY
        + r"))"
        + _PART_OF_DAY,
        "The board met on Tuesday.",
        resolve_weekday,
    ),
    DateRule(
        "date.relative-week",
        r"\b(?P<edge>earlier|later)\s+",
        r"\b(?P<rel>last|this|next|past|previous)\s+week\b(?!\s*'s)",
        "Shares fell last week.",
        resolve_relative_week,
    ),
    DateRule(
        "date.relative-month",
        r"\b(?P<edge>earlier|later)\s+",
        r"\b(?P<rel>last|this|next|previous)\s+month\b",
        "She announced it earlier this month.",
        resolve_relative_month,
    ),
    DateRule(
        "date.relative-year",
        r"(?:\b(?P<edge>earlier|later|early|late)\s+)?(?:\b(?:by\s+|at\s+)?the\s+(?P<bound>end|start|beginning)\s+of\s+)?",
        r"\b(?P<rel>last|this|next|previous)\s+year\b",
        "The unit will be spun off next year.",
        resolve_relative_year,
    ),
    DateRule(
        "date.season-year",
        r"\b(?:(?:in|during|by|since|until|from|over)\s+)?(?:the\s+)?(?:(?:early|late|mid-?)\s*)?",
        r"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>" + _YEAR_ALONE + r")",
        "The plant opened in the spring of 2019.",
        resolve_season,
    ),
    DateRule(
        "date.season",
        # A bare season needs a relative word before it: "shares fall" is no season.
        r"\b(?:(?:in|during|by|since|until|from|over)\s+)?(?P<mod>last|this\s+past|past|this|next)\s+",
        r"\b(?P<season>spring|summer|autumn|fall|winter)\b",
        "The company expects to list next spring.",
        resolve_season,
        prefix_required=True,
    ),
    DateRule(
        "date.quarter",
        r"(?:\bin\s+)?(?:\bthe\s+)?",
        r"(?:\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?P<y>" + _YEAR + r"))?"
        r"|\b(?-i:Q)(?P<q2>[1-4])(?:\s+(?P<y2>" + _YEAR + r"))?\b)",
        "Revenue rose in the third quarter.",
        resolve_quarter,
    ),
    DateRule(
        "date.year",
        r"(?:\b(?:in|since|from|during|until|by|of|circa|around|before|after|at)\s+)?"
        r"(?:\b(?:early|mid|late|the\s+(?P<bound>end|start|beginning|middle)\s+of)[\s-]+)?",
        r"(?P<y>" + _YEAR_ALONE + r")",
        "She founded the studio in 2013.",
        resolve_year,
    ),
)

# Rules whose resolution depends on the words before the span (forward cue), so the cue is
# looked up only for these; the others fix their own direction.
CONTEXTUAL_RULES: frozenset[str] = frozenset(
    (
        "date.iso",
        "date.us-numeric",
        "date.effective",
        "date.month-day",
        "date.day-month",
        "date.month-year",
        "date.month-relative-year",
        "date.month-named",
        "date.weekday",
        "date.quarter",
        "date.year",
        "date.period-end",
        "date.season",
        "date.season-year",
        "date.period-rest",
    )
)

# Rules counted from the mention before them, and how far back that mention may be.
PREVIOUS_RULES: frozenset[str] = frozenset(("date.offset-from-previous", "date.later-than-previous"))
# "In 2014, three years after": only a comma and spaces between the date and the offset.
_ADJACENT_RULES: frozenset[str] = frozenset(("date.offset-from-previous",))
_ADJACENT_GAP = re.compile(r"\s*,?\s*")
PREVIOUS_REACH_CHARS = 400

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


def _forward_cue(text: str, start: int) -> bool:
    """Whether a future cue precedes `start` within its sentence and is not cut off."""
    window = text[max(0, start - CUE_WINDOW_CHARS) : start]
    breaks = list(SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    cues = [*FUTURE_CUE.finditer(window), *SCHEDULE_CUE.finditer(window)]
    if not cues:
        return False
    last = max(cue.end() for cue in cues)
    return not CUE_BREAK.search(window, last)


@lru_cache(maxsize=8192)
def resolve_span(
    rule_id: str, span: str, base: datetime, forward_cue: bool, previous: tuple[str, str] | None = None
) -> Resolution | None:
    """Resolve one matched span; pure, so repeated spans in one article resolve once."""
    match = _RULE_PATTERNS[rule_id].fullmatch(span)
    if match is None:
        return None
    rule = _RULES_BY_ID[rule_id]
    try:
        return rule.resolve(match.groupdict(), Anchor(base, forward_cue, previous))
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
    if last.date is None or last.precision is None or start - last.end > PREVIOUS_REACH_CHARS:
        return None
    if rule.rule_id in _ADJACENT_RULES and not _ADJACENT_GAP.fullmatch(text, last.end, start):
        return None
    return last.date, last.precision


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
            cue = rule.rule_id in CONTEXTUAL_RULES and _forward_cue(text, start)
            previous = _previous_date(rule, text, start, mentions)
            if rule.rule_id in PREVIOUS_RULES and previous is None:
                continue
            resolved = resolve_span(rule.rule_id, span, base, cue, previous)
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
