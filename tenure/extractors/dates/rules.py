"""The table of time-expression forms: each a rule_id, a prefix, a core, an example and a resolver.

Rules as data (CONVENTIONS.md): adding a phrasing is one row here and one case in
tests/extractors/test_dates.py. dates/spans.py scans for the cores and resolves what it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tenure.extractors.dates.calendar import (
    MONTHS,
    WEEKDAYS,
    Resolver,
    resolve_ago,
    resolve_comes_after,
    resolve_effective,
    resolve_month_day,
    resolve_month_named,
    resolve_month_relative_year,
    resolve_month_year,
    resolve_offset_after_event,
    resolve_offset_from_previous,
    resolve_period_end,
    resolve_period_rest,
    resolve_quarter,
    resolve_relative_day,
    resolve_relative_month,
    resolve_relative_to_previous,
    resolve_relative_week,
    resolve_relative_year,
    resolve_same_occasion,
    resolve_season,
    resolve_weekday,
    resolve_weekend,
    resolve_year,
    resolve_ymd,
)

# Words after a four-digit number that make it a count, not a year ("2018 employees").
COUNT_NOUNS: tuple[str, ...] = (
    "employees", "people", "workers", "staff", "jobs", "shares", "units", "customers", "users",
    "members", "stores", "engineers", "positions", "roles", "companies", "vehicles", "cars",
    "miles", "km", "kilometres", "kilometers", "metres", "meters", "feet", "points", "votes",
    "million", "billion", "thousand", "hundred", "dollars", "euros", "pounds", "yuan", "yen",
    "acres", "students", "patients", "pages", "words", "times", "percent", "per cent", "GPUs",
    "chips", "servers", "hours", "minutes", "seconds", "days", "weeks", "months", "years",
)  # fmt: skip


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
    # after a dash only when a year comes before it: "2015-2019" is two years, "555-2019" none.
    r"(?<![\w$€£¥#/.,:+@&])(?:(?<=(?:19|20)\d\d-)|(?<!\d-))(?<!(?-i:[A-Z])-)(?<!\d\s)"
    r"(?:19\d\d|20\d\d|2100)"
    r"(?![\d%]|[.,/:]\d|-(?!(?:19|20)\d\d(?!\d))\w|s\b|\s+" + _COUNT_NOUN + r")"
)


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
        "date.effective-day-month",
        _EFFECTIVE_PREFIX + r"(?:\bthe\s+)?",
        r"(?<![\d.,$])(?P<d>"
        + _DAY
        + r")\s+(?:of\s+)?(?P<mon>"
        + _MONTH_ANY
        + r")(?:,?\s+(?P<y>"
        + _YEAR
        + r"))?",
        "From 1 October the unit will report to the finance chief.",
        resolve_effective,
        prefix_required=True,
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
        # "a February investment in Acme", "its March round": the month dates the deal it names.
        "date.month-attributive",
        r"\b(?P<mod>a|an|its|their|his|her)\s+",
        r"(?P<mon>" + _MONTH_FULL + r")(?![\s,]*\d)",
        "A February investment valued the firm at $2 billion.",
        resolve_month_named,
        prefix_required=True,
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
        r"\b(?P<n>"
        + _NUMBER
        + r")\s+(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade)s?\s+(?:ago|back)\b",
        "The post went up three hours ago.",
        resolve_ago,
    ),
    DateRule(
        "date.relative-comes-after",
        r"\b(?:comes?|came|arrives?|arrived|follows?|followed)\s+(?:(?:just|only|nearly|almost|about|roughly|some|less\s+than|"
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
        "date.offset-after-event",
        # Not right after a date: "resigned five days after the scandal broke", the scandal being
        # the date mentioned just before (within reach). A unit finer than that date's precision
        # keeps its precision: five days after something in 2015 is 2015.
        "",
        _OFFSET_CORE,
        "The scandal broke in 2015. The chief executive resigned five days after the scandal broke.",
        resolve_offset_after_event,
    ),
    DateRule(
        "date.later-than-previous",
        "",
        r"\b(?P<n>" + _NUMBER + r")\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>later|earlier)\b",
        "She joined Quay in 2011. Two years later she left.",
        resolve_offset_from_previous,
    ),
    DateRule(
        "date.relative-to-previous",
        "",
        # "next month" alone counts from publication (date.relative-month); "the next month" from the mention before.
        r"\b(?:the\s+(?P<rel>following|next)|(?P<rel2>following)|(?:that|the)\s+(?P<same>same)|(?P<that>that))\s+"
        r"(?P<unit>day|week|month|year)\b|\b(?:that|the)\s+(?P<same2>same)\s+(?P<unit2>date)\b",
        "She joined Quay in 2011 and left the following year.",
        resolve_relative_to_previous,
    ),
    DateRule(
        "date.same-occasion",
        "",
        # "will take the chair at the annual meeting in July ... will not seek re-election at that
        # meeting": the occasion dated just before.
        r"\b(?:that|the\s+same)\s+(?:meeting|ceremony|gathering|AGM|EGM)\b",
        "The board meets in July. Two directors will stand down at that meeting.",
        resolve_same_occasion,
    ),
    DateRule(
        "date.weekend",
        r"\b(?:(?:over|during|on|at)\s+)?(?P<mod>this\s+past|the|this|last|past|next)\s+",
        r"\bweekend\b",
        "The founder resigned over the weekend.",
        resolve_weekend,
        prefix_required=True,
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
        r"\b(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|"
        r"this\s+(?:morning|afternoon|evening)|last\s+night)\b" + _PART_OF_DAY,
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
        r"\b(?:(?P<edge>earlier|later|early|late|mid)[\s-]+|(?:by\s+|at\s+)?the\s+(?:end|start|beginning|middle)\s+of\s+)",
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
        r"\b(?:(?:in|during|by|since|until|from|over)\s+)?(?P<mod>last|this\s+past|past|this|next|(?<=\bin\s)the)\s+",
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
        "date.effective-day-month",
        "date.month-day",
        "date.day-month",
        "date.month-year",
        "date.month-relative-year",
        "date.month-named",
        "date.month-attributive",
        "date.weekday",
        "date.quarter",
        "date.year",
        "date.period-end",
        "date.season",
        "date.season-year",
        "date.period-rest",
        "date.weekend",
    )
)

# Rules counted from the mention before them, and how far back that mention may be.
PREVIOUS_RULES: frozenset[str] = frozenset(
    (
        "date.offset-from-previous",
        "date.offset-after-event",
        "date.later-than-previous",
        "date.relative-to-previous",
        "date.same-occasion",
    )
)
