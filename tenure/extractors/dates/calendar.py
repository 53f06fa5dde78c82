"""Calendar arithmetic and the resolvers of time expressions.

A resolver takes the named groups of a matched span and an `Anchor` (the publication time on the
article's own clock, whether forward words precede the span, the mention just before) and gives a
date at the precision the form supports, or None. Pure and exact: no dateparser, no clock.
dates/spans.py asks dateparser first for the forms it answers as the contract wants; these resolvers
answer the rest (the forms listed in `dates.DATEPARSER_TRAPS`) and whatever dateparser leaves empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future"]

# A forward-cued day this recent is the one just gone (reported speech), not next year's.
REPORTED_SPEECH_DAYS = 31

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
    # The cue is "would" (future in the past): a day without a year is the nearer occurrence.
    nearest: bool = False


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
    mode = "nearest" if anchor.nearest else "forward" if anchor.forward_cue else "past"
    return _month_day(_month_number(groups["mon"]), _day_number(groups["d"]), groups["y"], anchor, mode)


def resolve_effective(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """An effective date may lie either side of publication ("stepped down effective Oct. 1"):
    the nearer occurrence, unless the sentence points forward ("will be filled from September 1")."""
    mode = "forward" if anchor.forward_cue and not anchor.nearest else "nearest"
    return _month_day(_month_number(groups["mon"]), _day_number(groups["d"]), groups["y"], anchor, mode)


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
    elif anchor.nearest and not anchor.forward_cue:  # "effective in May": the nearer May, ties ahead
        ahead = (month - base_month) % 12
        year = base_year + (base_month + ahead > 12) if ahead <= 6 else base_year - (month > base_month)
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
    if unit == "fortnight":
        unit, count = "week", count * 2
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


def resolve_relative_to_previous(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """ "the following year" is the previous mention's year plus one; "that same day", "that
    month" is the previous mention's own day or month."""
    shift = 1 if groups["rel"] or groups["rel2"] else 0
    unit = (groups["unit"] or "").lower() or ("day" if groups.get("unit2") else "")
    return _shift_previous(anchor, shift, unit)


def resolve_same_occasion(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """ "at that meeting": the date of the mention before, at its precision."""
    if anchor.previous is None:
        return None
    value, precision = anchor.previous
    if precision == "year":
        return _year(int(value), "future" if int(value) > anchor.base.year else "past")
    if precision == "month":
        later = (int(value[:4]), int(value[5:7])) > (anchor.base.year, anchor.base.month)
        return _month(int(value[:4]), int(value[5:7]), "future" if later else "past")
    day = date.fromisoformat(value)
    tense: Tense = "future" if day > anchor.base.date() else "past"
    if precision == "week":
        return Resolution(value, "week", tense)
    return _day(day, tense)


def resolve_weekend(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """A weekend, as its week (the Monday before it): the latest one begun by publication, or the
    coming one for "next", for "this" on a weekday, and when forward words point at it."""
    today = anchor.base.date()
    this_monday = week_monday(today)
    in_weekend = today.weekday() >= 5
    modifier = re.sub(r"\s+", " ", (groups["mod"] or "").lower())
    if modifier == "next":
        monday = this_monday + timedelta(weeks=1 if in_weekend else 0)
        return Resolution(monday.isoformat(), "week", "future")
    if modifier == "this" or (modifier == "the" and anchor.forward_cue):
        tense: Tense = "future" if anchor.forward_cue or not in_weekend else "past"
        return Resolution(this_monday.isoformat(), "week", tense)
    monday = this_monday if in_weekend else this_monday - timedelta(weeks=1)
    return Resolution(monday.isoformat(), "week", "past")


def resolve_offset_from_previous(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """Counted from the previous mention: "two years later" adds, "three years after X" (right
    after a date) and "two years earlier" subtract. The precision is the coarser of the unit's and
    the previous date's; a unit finer than the previous date's precision gives no date."""
    direction = (groups["dir"] or "").lower()
    sign = 1 if direction in ("later", "before") else -1
    raw = re.sub(r"\s+", " ", (groups["n"] or "").lower())
    count = (int(raw) if raw.isdigit() else NUMBER_WORDS[raw]) * sign
    return _shift_previous(anchor, count, (groups["unit"] or "").lower())


_UNIT_RANK: dict[str, int] = {"second": 0, "minute": 0, "hour": 0, "day": 0, "week": 1, "month": 2, "year": 3}
_PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}


def resolve_offset_after_event(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    """ "resigned five days after the scandal broke", the scandal dated in the sentence before
    ("broke in 2015"): 2015. Only a unit finer than that date's precision, which keeps its period
    whichever event the words point at; "three years after the merger" is no date, since the
    mention before need not be the merger's."""
    if anchor.previous is None:
        return None
    value, precision = anchor.previous
    if _UNIT_RANK.get((groups["unit"] or "").lower(), 9) >= _PRECISION_RANK.get(precision, 0):
        return None
    if precision == "year":
        year = int(value[:4])
        return _year(year, "future" if year > anchor.base.year else "past")
    if precision == "month":
        later = (int(value[:4]), int(value[5:7])) > (anchor.base.year, anchor.base.month)
        return _month(int(value[:4]), int(value[5:7]), "future" if later else "past")
    return None


def _shift_previous(anchor: Anchor, count: int, unit: str) -> Resolution | None:
    """The previous mention's date moved by `count` units, at the coarser of the two precisions."""
    if anchor.previous is None:
        return None
    value, precision = anchor.previous
    year = int(value[:4])
    if unit in ("year", "decade"):
        shifted = year + count * (10 if unit == "decade" else 1)
        return _year(shifted, "future" if shifted > anchor.base.year else "past")
    if unit == "month" and precision in ("month", "day", "week"):
        shifted_year, month = add_months(year, int(value[5:7]), count)
        later = (shifted_year, month) > (anchor.base.year, anchor.base.month)
        return _month(shifted_year, month, "future" if later else "past")
    if (unit == "day" and precision == "day") or (unit == "week" and precision in ("day", "week")):
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
    if modifier == "the":  # "retired in the spring": the latest one; "will go in the spring": the coming one
        if anchor.forward_cue:
            return _year(year if last >= month else year + 1, "future")
        return _year(year if first <= month else year - 1, "past")
    if modifier == "next":  # the next one not yet begun
        return _year(year if first > month else year + 1, "future")
    if modifier == "this" and first == 12:  # from September on, "this winter" is the coming one
        coming = month >= 9
        return _year(year + coming, "future" if anchor.forward_cue or coming else "past")
    return _year(year, "future" if anchor.forward_cue or first > month else "past")


def resolve_relative_day(groups: Mapping[str, str | None], anchor: Anchor) -> Resolution | None:
    word = re.sub(r"\s+", " ", (groups["word"] or "").lower())
    shift = {
        "yesterday": -1, "last night": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }.get(word, 0)  # fmt: skip
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
    """ "last week" is the calendar week before; "the past week" the seven days up to publication,
    dated by the week its first day falls in (on a Sunday, that Sunday's own week)."""
    rel = (groups["rel"] or "").lower()
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[rel]
    monday = week_monday(anchor.base.date()) + timedelta(weeks=shift)
    if rel == "past":
        monday = week_monday(anchor.base.date() - timedelta(days=6))
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
