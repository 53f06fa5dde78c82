"""Time expressions: one row per form, sentence and publication time in, resolved mention out.

Groups follow CONVENTIONS.md: `examples` (every form the contract names), `no_date` (false friends
that must give nothing), `bugs_caught` (cases that were wrong once, ours or dateparser's).
Each row: (id, sentence, published_at, expected) where expected is the list of
(span, date, precision, tense) found in the sentence, in order.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from importlib.metadata import version

import dateparser
import pytest
from dateparser.date import DateDataParser

from tenure.extractors.dates.spans import (
    DATE_RULES,
    DATEPARSER_TRAPS,
    find_dates,
    local_base,
    parse_published_at,
    week_monday,
)

# Wednesday 2025-11-12 00:00 in UTC+8: still Tuesday in UTC, so "today" there is the 12th.
WED_CN = "2025-11-12T00:00:00+08:00"
# Friday 2025-02-07 in New York (the DESIGN.md "last week" example).
FRI_NY = "2025-02-07T09:30:00-05:00"
# Friday 2024-03-01 (leap year), noon UTC.
LEAP = "2024-03-01"
# Monday 2017-03-27, a spring article.
MON = "2017-03-27T08:00:00+00:00"

Expected = list[tuple[str, str | None, str | None, str]]
Case = tuple[str, str, str, Expected]

examples: list[Case] = [
    (
        "following-year",
        "In 2011 he joined Quay. The following year he left.",
        WED_CN,
        [("In 2011", "2011", "year", "past"), ("The following year", "2012", "year", "past")],
    ),
    (
        "that-same-day",
        "The board met on Tuesday. That same day, Smith resigned.",
        FRI_NY,
        [("on Tuesday", "2025-02-04", "day", "past"), ("That same day", "2025-02-04", "day", "past")],
    ),
    (
        "that-month",
        "She joined in May 2019; that month the firm listed.",
        WED_CN,
        [("in May 2019", "2019-05", "month", "past"), ("that month", "2019-05", "month", "past")],
    ),
    (
        "weekend-over-the",
        "The founder resigned over the weekend.",
        "2025-11-10",
        [("over the weekend", "2025-11-03", "week", "past")],
    ),
    (
        "weekend-this-future",
        "The vote is this weekend.",
        "2025-11-12",
        [("this weekend", "2025-11-10", "week", "future")],
    ),
    (
        "year-range-dash",
        "He ran Quay (2015-2019).",
        WED_CN,
        [("2015", "2015", "year", "past"), ("2019", "2019", "year", "past")],
    ),
    (
        "month-early-next",
        "The unit opens early next month.",
        WED_CN,
        [("early next month", "2025-12", "month", "future")],
    ),
    # counted from the mention before
    (
        "offset-after-adjacent-year",
        "Quay rehired its founder in 2014, three years after he was ousted.",
        WED_CN,
        [("in 2014", "2014", "year", "past"), ("three years after", "2011", "year", "past")],
    ),
    (
        "later-than-previous-year",
        "She joined Quay in 2011. Two years later she left.",
        WED_CN,
        [("in 2011", "2011", "year", "past"), ("Two years later", "2013", "year", "past")],
    ),
    (
        "later-than-previous-month",
        "In May 2019 he joined; six months later he left.",
        WED_CN,
        [("In May 2019", "2019-05", "month", "past"), ("six months later", "2019-11", "month", "past")],
    ),
    (
        "earlier-than-previous-day",
        "He quit on March 17, 2020, four days earlier than planned.",
        WED_CN,
        [
            ("on March 17, 2020", "2020-03-17", "day", "past"),
            ("four days earlier", "2020-03-13", "day", "past"),
        ],
    ),
    # relative to the moment
    (
        "ago-hours-crosses-midnight",
        "Vesna Holt resigned three hours ago.",
        WED_CN,
        [("three hours ago", "2025-11-11", "day", "past")],
    ),
    (
        "ago-days-digits",
        "The filing landed 2 days ago.",
        WED_CN,
        [("2 days ago", "2025-11-10", "day", "past")],
    ),
    ("ago-an-hour", "Orrin Vale quit an hour ago.", FRI_NY, [("an hour ago", "2025-02-07", "day", "past")]),
    (
        "ago-weeks-is-monday",
        "Two weeks ago the board met.",
        FRI_NY,
        [("Two weeks ago", "2025-01-20", "week", "past")],
    ),
    (
        "ago-months",
        "She left Quillon four months ago.",
        FRI_NY,
        [("four months ago", "2024-10", "month", "past")],
    ),
    (
        "ago-years",
        "He founded Brightmoor five years ago.",
        FRI_NY,
        [("five years ago", "2020", "year", "past")],
    ),
    (
        "ago-couple-of-days",
        "Talks began a couple of days ago.",
        FRI_NY,
        [("a couple of days ago", "2025-02-05", "day", "past")],
    ),
    # days
    (
        "day-yesterday",
        "Tamsin Orr was named CFO yesterday.",
        WED_CN,
        [("yesterday", "2025-11-11", "day", "past")],
    ),
    (
        "day-today",
        "Lark Systems said today it had hired a COO.",
        FRI_NY,
        [("today", "2025-02-07", "day", "past")],
    ),
    ("day-tomorrow-future", "The vote is tomorrow.", FRI_NY, [("tomorrow", "2025-02-08", "day", "future")]),
    (
        "day-last-night",
        "The founder resigned last night.",
        FRI_NY,
        [("last night", "2025-02-06", "day", "past")],
    ),
    (
        "day-this-morning",
        "Shares slid this morning.",
        FRI_NY,
        [("this morning", "2025-02-07", "day", "past")],
    ),
    ("weekday-bare", "Pell Dorsey stepped down Tuesday.", WED_CN, [("Tuesday", "2025-11-11", "day", "past")]),
    (
        "weekday-on",
        "The company said on Tuesday that its CTO had left.",
        WED_CN,
        [("on Tuesday", "2025-11-11", "day", "past")],
    ),
    (
        "weekday-publication-day-counts",
        "Arden Mills named a new chief on Wednesday.",
        WED_CN,
        [("on Wednesday", "2025-11-12", "day", "past")],
    ),
    (
        "weekday-with-part-of-day",
        "The memo circulated Wednesday night.",
        FRI_NY,
        [("Wednesday night", "2025-02-05", "day", "past")],
    ),
    ("weekday-last", "The deal closed last Friday.", FRI_NY, [("last Friday", "2025-01-31", "day", "past")]),
    (
        "weekday-next-future",
        "Her successor starts next Monday.",
        FRI_NY,
        [("next Monday", "2025-02-10", "day", "future")],
    ),
    (
        "weekday-will-future",
        "Kestrel will announce its new chief on Thursday.",
        WED_CN,
        [("on Thursday", "2025-11-13", "day", "future")],
    ),
    # weeks
    (
        "week-last-is-monday",
        "Milo Brandt left the firm last week.",
        FRI_NY,
        [("last week", "2025-01-27", "week", "past")],
    ),
    (
        "week-this",
        "This week the insurer named a president.",
        FRI_NY,
        [("This week", "2025-02-03", "week", "past")],
    ),
    (
        "week-earlier-this",
        "Earlier this week Fenwick lost its CFO.",
        WED_CN,
        [("Earlier this week", "2025-11-10", "week", "past")],
    ),
    (
        "week-next-future",
        "The new CEO takes over next week.",
        FRI_NY,
        [("next week", "2025-02-10", "week", "future")],
    ),
    # months
    (
        "month-last",
        "The startup raised money last month.",
        WED_CN,
        [("last month", "2025-10", "month", "past")],
    ),
    (
        "month-last-across-year",
        "The startup raised money last month.",
        "2025-01-15",
        [("last month", "2024-12", "month", "past")],
    ),
    (
        "month-earlier-this",
        "It was reported earlier this month.",
        WED_CN,
        [("earlier this month", "2025-11", "month", "past")],
    ),
    ("month-this", "Two executives left this month.", WED_CN, [("this month", "2025-11", "month", "past")]),
    ("month-next-future", "She joins next month.", WED_CN, [("next month", "2025-12", "month", "future")]),
    (
        "month-in-name-past",
        "Corin Pike joined the bank in May.",
        WED_CN,
        [("in May", "2025-05", "month", "past")],
    ),
    (
        "month-in-name-later-month-is-last-year",
        "Corin Pike joined the bank in December.",
        WED_CN,
        [("in December", "2024-12", "month", "past")],
    ),
    (
        "month-in-name-current-month",
        "Corin Pike joined the bank in November.",
        WED_CN,
        [("in November", "2025-11", "month", "past")],
    ),
    (
        "month-in-name-future",
        "Corin Pike will join the bank in May.",
        WED_CN,
        [("in May", "2026-05", "month", "future")],
    ),
    ("month-last-name", "The fund closed last April.", WED_CN, [("last April", "2025-04", "month", "past")]),
    (
        "month-last-name-same-month",
        "The fund closed last November.",
        WED_CN,
        [("last November", "2024-11", "month", "past")],
    ),
    (
        "month-name-last-year",
        "The lab opened June last year.",
        WED_CN,
        [("June last year", "2024-06", "month", "past")],
    ),
    (
        "month-late-name",
        "In late February the chair resigned.",
        WED_CN,
        [("In late February", "2025-02", "month", "past")],
    ),
    ("month-mid-hyphen", "Talks stalled in mid-July.", WED_CN, [("in mid-July", "2025-07", "month", "past")]),
    (
        "month-with-year",
        "He was hired in March 2014.",
        WED_CN,
        [("in March 2014", "2014-03", "month", "past")],
    ),
    (
        "month-with-year-bare",
        "February 2009 was the low point.",
        WED_CN,
        [("February 2009", "2009-02", "month", "past")],
    ),
    (
        "month-of-year",
        "The merger closed in January of 2021.",
        WED_CN,
        [("in January of 2021", "2021-01", "month", "past")],
    ),
    # month and day
    ("month-day-abbrev", "The prize was presented Nov 6.", WED_CN, [("Nov 6", "2025-11-06", "day", "past")]),
    (
        "month-day-abbrev-dot",
        "The prize was presented Nov. 6.",
        WED_CN,
        [("Nov. 6", "2025-11-06", "day", "past")],
    ),
    (
        "month-day-full",
        "The prize was presented on November 6.",
        WED_CN,
        [("on November 6", "2025-11-06", "day", "past")],
    ),
    (
        "day-month",
        "The prize was presented 6 November.",
        WED_CN,
        [("6 November", "2025-11-06", "day", "past")],
    ),
    ("month-day-sept", "She resigned Sept. 9.", WED_CN, [("Sept. 9", "2025-09-09", "day", "past")]),
    (
        "month-day-later-in-year-is-last-year",
        "She resigned Dec. 2.",
        WED_CN,
        [("Dec. 2", "2024-12-02", "day", "past")],
    ),
    (
        "month-day-future-next-one",
        "She will step down on March 2.",
        WED_CN,
        [("on March 2", "2026-03-02", "day", "future")],
    ),
    (
        "month-day-with-time",
        "The email went out around 9 p.m., November 11.",
        WED_CN,
        [("around 9 p.m., November 11", "2025-11-11", "day", "past")],
    ),
    (
        "month-day-with-time-on",
        "He posted at 10:30 a.m. on Nov. 3.",
        WED_CN,
        [("at 10:30 a.m. on Nov. 3", "2025-11-03", "day", "past")],
    ),
    (
        "month-day-year",
        "The company was listed on November 11, 2024.",
        WED_CN,
        [("on November 11, 2024", "2024-11-11", "day", "past")],
    ),
    (
        "month-day-year-abbrev",
        "Its last round closed Nov. 6, 2023.",
        WED_CN,
        [("Nov. 6, 2023", "2023-11-06", "day", "past")],
    ),
    (
        "month-day-ordinal",
        "It happened on October 3rd.",
        WED_CN,
        [("on October 3rd", "2025-10-03", "day", "past")],
    ),
    (
        "weekday-month-day",
        "The board met Tuesday, Nov. 11, 2025.",
        WED_CN,
        [("Tuesday, Nov. 11, 2025", "2025-11-11", "day", "past")],
    ),
    (
        "day-month-bare",
        "She was appointed 17 October.",
        WED_CN,
        [("17 October", "2025-10-17", "day", "past")],
    ),
    (
        "day-of-month-year",
        "The firm was sold on the 4th of July 2019.",
        WED_CN,
        [("on the 4th of July 2019", "2019-07-04", "day", "past")],
    ),
    ("iso", "Filed 2024-10-17 with the regulator.", WED_CN, [("2024-10-17", "2024-10-17", "day", "past")]),
    ("us-numeric", "Signed 3/14/2023 in Austin.", WED_CN, [("3/14/2023", "2023-03-14", "day", "past")]),
    ("leap-day", "The spin-off completed Feb. 29.", LEAP, [("Feb. 29", "2024-02-29", "day", "past")]),
    # effective dates
    (
        "effective-future",
        "Ilse Marr will become CEO effective March 1.",
        WED_CN,
        [("effective March 1", "2026-03-01", "day", "future")],
    ),
    (
        "effective-abbrev-ahead",
        "The change is effective Oct. 1.",
        "2025-09-20",
        [("effective Oct. 1", "2025-10-01", "day", "future")],
    ),
    (
        "effective-just-gone",
        "He stepped down effective Nov. 1.",
        WED_CN,
        [("effective Nov. 1", "2025-11-01", "day", "past")],
    ),
    (
        "starting-date",
        "Starting Jan. 5, she leads the unit.",
        WED_CN,
        [("Starting Jan. 5", "2026-01-05", "day", "future")],
    ),
    # years
    ("year-in", "Ravi Okafor joined Solent in 2013.", WED_CN, [("in 2013", "2013", "year", "past")]),
    (
        "year-parenthesised",
        "Compare Hale's exit from Corvid (1985).",
        WED_CN,
        [("1985", "1985", "year", "past")],
    ),
    ("year-since", "She has run the lab since 2018.", WED_CN, [("since 2018", "2018", "year", "past")]),
    ("year-award-edition", "The 2018 Turing Award winner spoke.", WED_CN, [("2018", "2018", "year", "past")]),
    ("year-mid", "The unit was spun out in mid-2019.", WED_CN, [("in mid-2019", "2019", "year", "past")]),
    (
        "year-range-two-years",
        "He led it from 2011 to 2016.",
        WED_CN,
        [("from 2011", "2011", "year", "past"), ("2016", "2016", "year", "past")],
    ),
    ("year-possessive", "2018's winner was absent.", WED_CN, [("2018", "2018", "year", "past")]),
    ("year-future-plain", "The plant opens in 2027.", WED_CN, [("in 2027", "2027", "year", "future")]),
    ("year-last", "Revenue doubled last year.", WED_CN, [("last year", "2024", "year", "past")]),
    ("year-late-last", "Yoon left late last year.", WED_CN, [("late last year", "2024", "year", "past")]),
    (
        "year-earlier-this",
        "Earlier this year the firm moved.",
        WED_CN,
        [("Earlier this year", "2025", "year", "past")],
    ),
    (
        "year-next-future",
        "The unit will be spun off next year.",
        WED_CN,
        [("next year", "2026", "year", "future")],
    ),
    (
        "year-later-this-future",
        "An IPO is planned later this year.",
        WED_CN,
        [("later this year", "2025", "year", "future")],
    ),
    (
        "year-end-of",
        "The sale should close by the end of next year.",
        WED_CN,
        [("by the end of next year", "2026-12", "month", "future")],
    ),
    ("year-ago", "A year ago the company had no CFO.", WED_CN, [("A year ago", "2024", "year", "past")]),
    (
        "rest-of-the-month",
        "He'll finish out the month at the bank.",
        WED_CN,
        [("out the month", "2025-11", "month", "future")],
    ),
    (
        "through-the-year",
        "She stays on through the year.",
        WED_CN,
        [("through the year", "2025", "year", "past")],
    ),
    (
        "year-start-of",
        "The unit was sold at the beginning of 2023.",
        WED_CN,
        [("at the beginning of 2023", "2023-01", "month", "past")],
    ),
    (
        "year-end-of-last",
        "He left Quay at the end of last year.",
        WED_CN,
        [("at the end of last year", "2024-12", "month", "past")],
    ),
    (
        "effective-with-effect-from",
        "Pike was named CEO with effect from Oct. 1.",
        "2025-09-12",
        [("with effect from Oct. 1", "2025-10-01", "day", "future")],
    ),
    (
        "effective-from-just-ahead",
        "The CFO has resigned with effect from February 28.",
        "2026-02-03",
        [("with effect from February 28", "2026-02-28", "day", "future")],
    ),
    (
        "effective-from",
        "Menon will take charge as chief executive from March 1.",
        "2026-02-03",
        [("from March 1", "2026-03-01", "day", "future")],
    ),
    (
        "schedule-present-tense-day",
        "She starts at Parallax on June 1.",
        "2026-05-14",
        [("on June 1", "2026-06-01", "day", "future")],
    ),
    (
        "schedule-present-tense-month",
        "Olander starts in September.",
        "2026-08-12",
        [("in September", "2026-09", "month", "future")],
    ),
    (
        "season-next",
        "The company expects to list next spring.",
        WED_CN,
        [("next spring", "2026", "year", "future")],
    ),
    ("season-last", "She left the fund last summer.", WED_CN, [("last summer", "2025", "year", "past")]),
    (
        "season-last-not-over-yet",
        "She left the fund last autumn.",
        WED_CN,
        [("last autumn", "2024", "year", "past")],
    ),
    (
        "season-this-winter-coming",
        "The unit closes this winter.",
        WED_CN,
        [("this winter", "2026", "year", "future")],
    ),
    (
        "season-with-year",
        "The plant opened in the spring of 2019.",
        WED_CN,
        [("in the spring of 2019", "2019", "year", "past")],
    ),
    (
        "weekday-this-past",
        "The board met this past Monday.",
        WED_CN,
        [("this past Monday", "2025-11-10", "day", "past")],
    ),
    (
        "year-end-of-the-year",
        "The sale should close by the end of the year.",
        WED_CN,
        [("by the end of the year", "2025-12", "month", "future")],
    ),
    (
        "year-end-hyphen",
        "Bonuses are paid at year-end.",
        WED_CN,
        [("at year-end", "2025-12", "month", "past")],
    ),
    (
        "month-end-of-the-month",
        "He leaves at the end of the month.",
        WED_CN,
        [("at the end of the month", "2025-11", "month", "future")],
    ),
    (
        "year-end-of-explicit",
        "She left at the end of 2019.",
        WED_CN,
        [("at the end of 2019", "2019-12", "month", "past")],
    ),
    (
        "comes-months-after",
        "The shake-up comes 11 months after the founder left.",
        "2022-11-21",
        [("comes 11 months after", "2021-12", "month", "past")],
    ),
    (
        "weekday-later",
        "The chair resigned later Wednesday.",
        FRI_NY,
        [("later Wednesday", "2025-02-05", "day", "past")],
    ),
    (
        "quarter-bare",
        "Margins shrank in the third quarter.",
        WED_CN,
        [("in the third quarter", "2025", "year", "past")],
    ),
    (
        "quarter-later-is-last-year",
        "Margins shrank in the fourth quarter.",
        "2025-02-10",
        [("in the fourth quarter", "2024", "year", "past")],
    ),
    ("quarter-with-year", "Sales rose in Q2 2023.", WED_CN, [("in Q2 2023", "2023", "year", "past")]),
    # all capitals (headlines)
    ("caps-month-day", "NOV. 6 MEETING POSTPONED", WED_CN, [("NOV. 6", "2025-11-06", "day", "past")]),
    ("caps-in-may", "CEO TO LEAVE IN MAY", WED_CN, [("IN MAY", "2025-05", "month", "past")]),
]

no_date: list[Case] = [
    ("decade", "Growth in the 1990s was fast.", WED_CN, []),
    ("decade-apostrophe", "Growth in the 1990's was fast.", WED_CN, []),
    ("decade-title-phrase", "A Decade at Meridian: a memoir", WED_CN, []),
    ("dollar-amount", "The stake cost $2018 per share.", WED_CN, []),
    ("thousands-separator", "It employs 2,018 people.", WED_CN, []),
    ("count-noun", "It employs 2018 people.", WED_CN, []),
    ("decimal", "The index closed at 2018.5 points.", WED_CN, []),
    ("url-path", "See example.org/2018/report for details.", WED_CN, []),
    ("identifier-dash", "Case ID-2019 was closed.", WED_CN, []),
    ("identifier-word", "Flight 2018 was delayed.", WED_CN, []),
    ("hashtag", "Tickets #2020 and up sold out.", WED_CN, []),
    ("percent", "A 2020% gain is implausible.", WED_CN, []),
    ("out-of-range-year", "The abbey dates to 1350.", WED_CN, []),
    ("five-digits", "Order 20185 shipped.", WED_CN, []),
    ("run-of-numbers", "Codes 4411 2018 7720 were issued.", WED_CN, []),
    ("modal-may", "She may leave the board.", WED_CN, []),
    ("verb-march", "Workers will march downtown.", WED_CN, []),
    ("name-june", "June Abara leads the fund.", WED_CN, []),
    ("name-jan", "Jan Novak joined the team.", WED_CN, []),
    ("time-only", "The call starts at 9 p.m.", WED_CN, []),
    ("relative-to-another-event", "Two days later, she resigned.", WED_CN, []),
    ("verb-fall", "Shares fall when rates rise.", WED_CN, []),
    ("verb-fall-before-count", "Shares fall 2019 points.", WED_CN, []),
    ("season-without-relative-word", "The deal closed in late winter.", WED_CN, []),
    ("copyright-notice", "Photo caption. Copyright 2023 Harbor Wire.", WED_CN, []),
    ("copyright-sign", "© 2024 Harbor Wire. All rights reserved.", WED_CN, []),
    ("the-month-of-another-event", "Sales fell through the month before the merger.", WED_CN, []),
    ("later-without-a-date-before", "Two years later she left.", WED_CN, []),
    (
        "later-finer-than-previous",
        "In 2019 he joined; six months later he left.",
        WED_CN,
        [("In 2019", "2019", "year", "past")],
    ),
    (
        "offset-after-not-adjacent",
        "In 2014 the firm grew. She left three years after the merger.",
        WED_CN,
        [("In 2014", "2014", "year", "past")],
    ),
    ("phone-number-dash", "Call 555-2019 for details.", WED_CN, []),
    (
        "that-day-after-a-week",
        "Last week the CFO quit; that day shares fell.",
        WED_CN,
        [("Last week", "2025-11-03", "week", "past")],
    ),
    ("the-next-year-without-a-date-before", "Hiring will continue over the next year.", WED_CN, []),
    ("after-another-event", "She joined two days after the vote.", WED_CN, []),
    ("invalid-day", "The memo is dated February 30.", WED_CN, []),
    ("empty", "", WED_CN, []),
]

bugs_caught: list[Case] = [
    # dateparser 1.5.0 on whole texts reads "1985)**" and "the 1990s" as dates; we only take the year.
    (
        "markdown-bold-parenthesised-year",
        "**Jobs left Apple (1985)** and founded NeXT.",
        WED_CN,
        [("1985", "1985", "year", "past")],
    ),
    # The forward cue belongs to the reported statement, not to when it was said.
    (
        "cue-cut-by-said",
        "He will retire, the company said Tuesday.",
        WED_CN,
        [("Tuesday", "2025-11-11", "day", "past")],
    ),
    (
        "cue-cut-by-sentence",
        "Nobody will comment. On Tuesday, the CFO left.",
        WED_CN,
        [("On Tuesday", "2025-11-11", "day", "past")],
    ),
    # Reported speech: a forward-cued day just gone is that day, not next year's.
    (
        "reported-speech-day-just-gone",
        "In late February, the firm said the hand-over will occur on March 23.",
        MON,
        [("In late February", "2017-02", "month", "past"), ("on March 23", "2017-03-23", "day", "future")],
    ),
    (
        "forward-month-far-back-goes-ahead",
        "He will leave in October.",
        "2025-02-12",
        [("in October", "2025-10", "month", "future")],
    ),
    # "May 2024" must not be read as May 20 + "24": the day needs a word boundary.
    (
        "month-year-not-month-day",
        "The round closed in May 2024.",
        WED_CN,
        [("in May 2024", "2024-05", "month", "past")],
    ),
    # "since November 11" is a day, not the month "since November".
    (
        "month-named-yields-to-day",
        "She has led it since November 11.",
        WED_CN,
        [("November 11", "2025-11-11", "day", "past")],
    ),
    # The publication time is local: 2025-11-11T16:00Z is already Wednesday the 12th in Beijing.
    (
        "utc-offset-changes-day",
        "The news broke yesterday.",
        "2025-11-11T16:00:00+00:00",
        [("yesterday", "2025-11-10", "day", "past")],
    ),
    (
        "week-monday-on-sunday",
        "The bank lost its COO last week.",
        "2025-02-09T23:00:00+00:00",
        [("last week", "2025-01-27", "week", "past")],
    ),
    # "will remain ..., where he has been a director since 2024": the cue does not reach the tenure.
    (
        "cue-cut-by-relative-clause",
        "He will stay on, where he has been a director since 2024.",
        "2026-06-02",
        [("since 2024", "2024", "year", "past")],
    ),
    ("lowercase-month-word-is-not-a-month", "Prices may 6 times rise.", WED_CN, []),
]


def _ids(cases: list[Case]) -> list[str]:
    return [case[0] for case in cases]


def _found(text: str, published_at: str) -> Expected:
    return [
        (m.text, m.date, m.precision, m.tense) for m in find_dates(text, parse_published_at(published_at))
    ]


@pytest.mark.parametrize(("case_id", "text", "published_at", "expected"), examples, ids=_ids(examples))
def test_examples(case_id: str, text: str, published_at: str, expected: Expected) -> None:
    assert _found(text, published_at) == expected


@pytest.mark.parametrize(("case_id", "text", "published_at", "expected"), no_date, ids=_ids(no_date))
def test_no_date(case_id: str, text: str, published_at: str, expected: Expected) -> None:
    assert _found(text, published_at) == expected


@pytest.mark.parametrize(("case_id", "text", "published_at", "expected"), bugs_caught, ids=_ids(bugs_caught))
def test_bugs_caught(case_id: str, text: str, published_at: str, expected: Expected) -> None:
    assert _found(text, published_at) == expected


def test_offsets_point_at_the_span() -> None:
    text = "Ilse Marr, who joined in 2013, left Solent last week and will start at Quay next month."
    mentions = find_dates(text, parse_published_at(FRI_NY))
    assert [text[m.start : m.end] for m in mentions] == ["in 2013", "last week", "next month"]
    assert [m.text for m in mentions] == ["in 2013", "last week", "next month"]


@pytest.mark.parametrize("rule", DATE_RULES, ids=[rule.rule_id for rule in DATE_RULES])
def test_each_rule_matches_its_own_example(rule: object) -> None:
    from tenure.extractors.dates.spans import DateRule

    assert isinstance(rule, DateRule)
    mentions = find_dates(rule.example, parse_published_at(WED_CN))
    assert rule.rule_id in [m.rule_id for m in mentions]


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2025, 2, 7), date(2025, 2, 3)),
        (date(2025, 2, 3), date(2025, 2, 3)),
        (date(2025, 2, 9), date(2025, 2, 3)),
    ],
    ids=["friday", "monday-itself", "sunday"],
)
def test_week_monday(day: date, monday: date) -> None:
    assert week_monday(day) == monday


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-12", "2025-11-12T12:00:00+00:00"),
        ("2025-11-12T00:00:00+08:00", "2025-11-12T00:00:00+08:00"),
        ("2025-11-12T08:30:00Z", "2025-11-12T08:30:00+00:00"),
        ("2025-11-12T08:30:00", "2025-11-12T08:30:00+00:00"),
    ],
    ids=["date-only-noon-utc", "offset-kept", "zulu", "naive-is-utc"],
)
def test_parse_published_at(value: str, expected: str) -> None:
    assert parse_published_at(value).isoformat() == expected


def test_local_base_is_naive_wall_clock() -> None:
    assert local_base(parse_published_at(WED_CN)) == datetime(2025, 11, 12, 0, 0)


# --- dateparser as the reference -------------------------------------------------------------------
# The resolvers are arithmetic (see tenure/extractors/dates/calendar.py); dateparser, configured as
# DESIGN.md says, must agree with them on the forms where its answer is the contract's, and the
# traps it falls into are pinned so an upgrade that changes them is noticed.

DATEPARSER_VERSION = "1.5.0"


@lru_cache(maxsize=32)
def _reference_parser(base: datetime, prefer: str) -> DateDataParser:
    """One parser per (base, preference), reused as DESIGN.md asks: building one is the costly part."""
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(span: str, published_at: str, prefer: str = "past") -> datetime | None:
    parsed: datetime | None = (
        _reference_parser(local_base(parse_published_at(published_at)), prefer).get_date_data(span).date_obj
    )
    return parsed


def test_dateparser_version_is_pinned() -> None:
    assert version("dateparser") == DATEPARSER_VERSION


AGREEMENT: list[tuple[str, str]] = [
    ("three hours ago", WED_CN),
    ("2 days ago", WED_CN),
    ("yesterday", WED_CN),
    ("Tuesday", WED_CN),
    ("Nov 6", WED_CN),
    ("Nov. 6", WED_CN),
    ("Sept. 9", WED_CN),
    ("November 11, 2024", WED_CN),
    ("17 October", WED_CN),
    ("2024-10-17", WED_CN),
    ("Dec. 2", WED_CN),
]


@pytest.mark.parametrize(("span", "published_at"), AGREEMENT, ids=[span for span, _ in AGREEMENT])
def test_day_forms_agree_with_dateparser(span: str, published_at: str) -> None:
    reference = _dateparser(span, published_at)
    ours = find_dates(span, parse_published_at(published_at))
    assert reference is not None
    assert [m.date for m in ours] == [reference.date().isoformat()]


@pytest.mark.parametrize(
    ("span", "published_at", "dateparser_says", "contract"),
    [
        ("last week", FRI_NY, "2025-01-31", "2025-01-27"),
        ("this week", FRI_NY, "2025-02-07", "2025-02-03"),
        ("Wednesday night", WED_CN, "2025-11-05", "2025-11-12"),
        ("Wednesday", WED_CN, "2025-11-05", "2025-11-12"),
        ("earlier this month", WED_CN, None, "2025-11"),
        ("last April", WED_CN, None, "2025-04"),
        ("effective March 1", WED_CN, None, "2026-03-01"),
    ],
    ids=["last-week-not-monday", "this-week-not-monday", "weekday-night-skips-a-week",
         "weekday-skips-publication-day", "earlier-this-month-none", "last-month-name-none", "effective-none"],
)  # fmt: skip
def test_dateparser_traps_are_pinned(
    span: str, published_at: str, dateparser_says: str | None, contract: str
) -> None:
    reference = _dateparser(span, published_at)
    assert (reference.date().isoformat() if reference else None) == dateparser_says
    assert [m.date for m in find_dates(span, parse_published_at(published_at))] == [contract]


@pytest.mark.parametrize(
    ("span", "dateparser_says"),
    [("A Decade at", "2015-11-12"), ("the 1990s", "2025-11-11")],
    ids=["decade-words-read-as-years-ago", "decade-read-as-seconds-ago"],
)
def test_dateparser_false_finds_are_pinned(span: str, dateparser_says: str) -> None:
    reference = _dateparser(span, WED_CN)
    assert reference is not None and reference.date().isoformat() == dateparser_says
    assert find_dates(span, parse_published_at(WED_CN)) == []


def test_dateparser_date_formats_ignore_the_base_for_a_missing_year() -> None:
    """DESIGN.md's trap: with `date_formats`, a missing year is the base's year even when that
    lands after the base, whatever PREFER_DATES_FROM says. We never pass date_formats."""
    settings = {"RELATIVE_BASE": datetime(2019, 1, 1), "PREFER_DATES_FROM": "past"}
    with_formats = dateparser.parse("Nov 6", date_formats=["%b %d"], languages=["en"], settings=settings)
    without = dateparser.parse("Nov 6", languages=["en"], settings=settings)
    assert with_formats == datetime(2019, 11, 6)
    assert without == datetime(2018, 11, 6)
    assert [m.date for m in find_dates("Nov 6", parse_published_at("2019-01-01"))] == ["2018-11-06"]


@pytest.mark.parametrize("span", ["three hours ago", "9 p.m.", "yesterday", "Tuesday", "Nov 6"])
def test_dateparser_aware_base_matches_the_naive_local_base(span: str) -> None:
    """DESIGN.md warns that an aware RELATIVE_BASE breaks some time-only forms. dateparser 1.5.0
    gives the same wall-clock answer for these; we pass the naive local base regardless, and this
    pins the observation so an upgrade that changes it is noticed."""
    aware = parse_published_at(WED_CN)
    settings = {"PREFER_DATES_FROM": "past"}
    on_aware = DateDataParser(languages=["en"], settings={**settings, "RELATIVE_BASE": aware})
    on_naive = DateDataParser(languages=["en"], settings={**settings, "RELATIVE_BASE": local_base(aware)})
    assert on_aware.get_date_data(span).date_obj == on_naive.get_date_data(span).date_obj


def test_every_trap_listed_in_the_module_is_tested() -> None:
    pinned = {"last week", "this week", "Wednesday night", "Wednesday", "earlier this month", "last April"}
    pinned |= {"effective March 1", "the 1990s", "A Decade at", "on March 23", "1 January"}
    pinned |= {"a couple of weeks ago", "in late August", "the end of 2022", "next spring", "Q3 2024"}
    pinned |= {"two years back"}
    assert {span for span, _ in DATEPARSER_TRAPS} == pinned


def test_case_count_meets_the_brief() -> None:
    assert len(examples) + len(no_date) + len(bugs_caught) >= 60
