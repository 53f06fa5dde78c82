"""Dates as real news writes them: dateparser at run time, the forms that stay arithmetic, and
how a date is attributed to an event (neighbouring sentences, announced vs effective, leads).

All sentences, people and companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from dateparser.date import DateDataParser
from event_cases import Case, params, run_case

from tenure.extractors.dates import spans as dates_module
from tenure.extractors.dates.spans import (
    DATEPARSER_RULES,
    DATEPARSER_STATS,
    DATEPARSER_TRAPS,
    dateparser_resolve,
    find_dates,
    local_base,
    parse_published_at,
)

WED = "2025-11-12T09:00:00+08:00"  # a Wednesday
NEW_YEAR = "2026-01-01T10:00:00+00:00"


def _found(span: str, published_at: str = WED) -> list[tuple[str | None, str | None]]:
    return [(m.date, m.precision) for m in find_dates(span, parse_published_at(published_at))]


# --- dateparser resolves these forms at run time ----------------------------------------------------

RESOLVED_BY_DATEPARSER = [
    ("three hours ago", WED, ("2025-11-12", "day")),
    ("2 days ago", WED, ("2025-11-10", "day")),
    ("the day before yesterday", WED, ("2025-11-10", "day")),
    ("the day after tomorrow", WED, ("2025-11-14", "day")),
    ("a fortnight ago", WED, ("2025-10-27", "week")),
    ("yesterday", WED, ("2025-11-11", "day")),
    ("6th of November", WED, ("2025-11-06", "day")),
    ("Nov. 6, 2023", WED, ("2023-11-06", "day")),
    ("in February, 2020", WED, ("2020-02", "month")),
    ("June of 2017", WED, ("2017-06", "month")),
    ("10/17/2024", WED, ("2024-10-17", "day")),
    ("2024-10-17", WED, ("2024-10-17", "day")),
    ("in 2013", WED, ("2013", "year")),
    ("a decade ago", WED, ("2015", "year")),
    ("11 months ago", WED, ("2024-12", "month")),
]


@pytest.mark.parametrize(("span", "published_at", "expected"), RESOLVED_BY_DATEPARSER,
                         ids=[s for s, _, _ in RESOLVED_BY_DATEPARSER])  # fmt: skip
def test_dateparser_resolves_at_run_time(span: str, published_at: str, expected: tuple[str, str]) -> None:
    dates_module._CACHE.clear()
    calls = DATEPARSER_STATS.calls
    assert _found(span, published_at) == [expected]
    assert DATEPARSER_STATS.calls == calls + 1, "the span should be resolved by one dateparser call"


def test_a_repeated_span_is_served_from_the_cache() -> None:
    dates_module._CACHE.clear()
    calls, hits = DATEPARSER_STATS.calls, DATEPARSER_STATS.hits
    found = _found("She left two days ago. He left two days ago. They met two days ago.")
    assert [d for d, _ in found] == ["2025-11-10"] * 3
    assert (DATEPARSER_STATS.calls - calls, DATEPARSER_STATS.hits - hits) == (1, 2)


def test_a_year_is_cached_across_articles_of_other_days() -> None:
    dates_module._CACHE.clear()
    _found("It opened in 2011.", WED)
    calls = DATEPARSER_STATS.calls
    assert _found("It opened in 2011.", "2019-04-02T09:00:00+00:00") == [("2011", "year")]
    assert DATEPARSER_STATS.calls == calls


def test_the_base_is_the_articles_own_clock() -> None:
    # 00:30 in Beijing is still the previous day in UTC: "three hours ago" is the day before there.
    assert _found("three hours ago", "2025-11-12T00:30:00+08:00") == [("2025-11-11", "day")]


def test_dateparser_rules_exist_in_the_table() -> None:
    assert {rule.rule_id for rule in dates_module.DATE_RULES} >= DATEPARSER_RULES


# --- the forms that stay arithmetic, each with dateparser's differing answer -----------------------


def _dateparser(span: str, published_at: str, prefer: str) -> str | None:
    settings = {"RELATIVE_BASE": local_base(parse_published_at(published_at)), "PREFER_DATES_FROM": prefer}
    value = DateDataParser(languages=["en"], settings=settings).get_date_data(span).date_obj
    return value.date().isoformat() if value else None


ARITHMETIC = [
    # text, publication, the span given to dateparser, its preference, its answer, the contract's
    ("will leave on March 23", "2025-03-24T09:00:00+00:00", "March 23", "future", "2026-03-23",
     ("2025-03-23", "day")),
    ("From 1 January the unit will", NEW_YEAR, "1 January", "future", "2027-01-01", ("2026-01-01", "day")),
    ("a couple of weeks ago", WED, "a couple of weeks ago", "past", None, ("2025-10-27", "week")),
    ("some two years back", WED, "two years back", "past", None, ("2023", "year")),
    ("in late August", WED, "in late August", "past", None, ("2025-08", "month")),
    ("at the end of 2022", WED, "the end of 2022", "past", None, ("2022-12", "month")),
    ("next spring", WED, "next spring", "future", None, ("2026", "year")),
    ("in Q3 2024", WED, "Q3 2024", "past", "2024-08-12", ("2024", "year")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published_at", "query", "prefer", "dateparser_says", "contract"),
                         ARITHMETIC, ids=[t for t, *_ in ARITHMETIC])  # fmt: skip
def test_arithmetic_forms_are_pinned(
    text: str,
    published_at: str,
    query: str,
    prefer: str,
    dateparser_says: str | None,
    contract: tuple[str, str],
) -> None:
    found = find_dates(text, parse_published_at(published_at))
    assert [(m.date, m.precision) for m in found] == [contract]
    assert _dateparser(query, published_at, prefer) == dateparser_says


def test_new_traps_are_listed_in_the_module() -> None:
    listed = {span for span, _ in DATEPARSER_TRAPS}
    assert {"on March 23", "1 January", "a couple of weeks ago", "in late August"} <= listed
    assert {"the end of 2022", "next spring", "Q3 2024", "two years back"} <= listed


@pytest.mark.parametrize(("span", "period"), [("a fortnight ago", "week"), ("11 months ago", "month"),
                                              ("June of 2017", "month"), ("2013", "year"), ("Nov 6", "day")])  # fmt: skip
def test_dateparser_period_agrees_with_the_form(span: str, period: str) -> None:
    found = dateparser_resolve(span, datetime(2025, 11, 12), "past")
    assert found is not None and found[1] == period


# --- which date an event takes: neighbouring sentences, announced vs effective, leads ---------------

ATTRIBUTION: list[Case] = [
    Case(
        "they-will-work-into-a-year-dates-both-leavers",
        "Arden Motors said aerospace head Tom Reyes and Ana Ruiz, head of marine, will both leave the "
        "company. They will work into 2026 to ensure a smooth handover.",
        [
            {"type": "departure", "person": "Tom Reyes", "date": "2026", "date_precision": "year"},
            {"type": "departure", "person": "Ana Ruiz", "date": "2026", "date_precision": "year"},
        ],
    ),
    Case(
        "a-month-before-the-deal-noun-dates-the-deal",
        "In May, the fund backed Quillon, while a February investment in Ferrola valued the company at "
        "$900 million.",
        [{"type": "funding_round", "organization": "Ferrola", "date": "2025-02", "date_precision": "month"}],
        published_at="2025-06-20T09:00:00+00:00",
        exact=False,
    ),
    Case(
        "he-will-move-dates-his-departure-told-before",
        "Kelby Robotics said Omar Reyes, head of its Tarwick plant since 2009, is stepping down to "
        "return to research. He will move to the company's lab at the end of the year to join its "
        "materials team.",
        [{"type": "departure", "person": "Omar Reyes", "date": "2025-12", "date_precision": "month"}],
        exact=False,
    ),
    Case(
        "assumed-the-position-dates-the-named-post-and-since-restates-it",
        "Lena Park was named chief executive of Corran Media in 2021. She assumed the position in "
        "March 2021, after the exit of Omar Reyes. Since Park took the helm, Corran Media has doubled "
        "its sales.",
        [
            {
                "type": "appointment",
                "person": "Lena Park",
                "role": "chief executive",
                "date": "2021-03",
                "date_precision": "month",
            },
            {"type": "departure", "person": "Omar Reyes", "organization": "Corran Media"},
        ],
    ),
    Case(
        "a-tenure-start-is-not-the-departure",
        "Tarwick named Ada Brenner city manager. She replaces Hugh Lyle, who was city manager from "
        "March 2011 until his retirement in January of this year.",
        [{"type": "departure", "person": "Hugh Lyle", "date": "2025-01", "date_precision": "month"}],
        exact=False,
    ),
    Case(
        "comes-after-dates-only-its-own-clause",
        "The shake-up - which comes two months after the lender floated - means Dara Quinn, head of "
        "cards, will leave Corran Bank. The changes will take effect on May 5.",
        [{"type": "departure", "person": "Dara Quinn", "date": "2025-05-05", "date_precision": "day"}],
        exact=False,
    ),
    Case(
        "group-effect-sentence-dates-the-moves-before-it",
        "Halvard Bank named Petra Lindqvist head of retail banking. Tomas Ekberg, head of cards, is "
        "leaving the bank. The changes will take effect on April 7.",
        [
            {
                "type": "appointment",
                "person": "Petra Lindqvist",
                "date": "2025-04-07",
                "date_precision": "day",
            },
            {"type": "departure", "person": "Tomas Ekberg", "date": "2025-04-07"},
        ],
        exact=False,
    ),
    Case(
        "pronoun-took-up-her-new-role",
        "Orla Finnegan has been appointed finance director of Brackwater Council. She has twenty years "
        "of experience in local government. She took up her new role on March 3.",
        [{"type": "appointment", "person": "Orla Finnegan", "date": "2025-03-03", "date_precision": "day"}],
        exact=False,
    ),
    Case(
        "surname-who-took-office",
        "The Corvane Chamber of Commerce has chosen Idris Malouf as its new president. Malouf, who took "
        "office on March 10, previously ran a regional trade group.",
        [{"type": "appointment", "person": "Idris Malouf", "date": "2025-03-10"}],
        exact=False,
    ),
    Case(
        "remain-until-dates-the-departure-and-keeps-the-announcement",
        "Kestrel Foods said on Wednesday that finance chief Anya Brightwater was stepping down. "
        "Brightwater will remain with the company until June 30 to help with the transition.",
        [
            {
                "type": "departure",
                "person": "Anya Brightwater",
                "date": "2025-06-30",
                "date_precision": "day",
                "details": {"announced_on": "2025-03-12", "status": "announced"},
            },
        ],
        exact=False,
    ),  # fmt: skip
    Case(
        "last-day-will-be",
        "After eleven years, Beata Lund, general counsel of Arkwell Systems, has decided to retire. "
        "Her last day will be April 30.",
        [{"type": "departure", "person": "Beata Lund", "date": "2025-04-30"}],
        exact=False,
    ),
    Case(
        "pronoun-future-date-right-after-the-move",
        "Dale Ormsby, dean of the Norvik campus since 2016, is stepping down to return to teaching. "
        "He will move to the physics faculty at the end of the year.",
        [{"type": "departure", "person": "Dale Ormsby", "date": "2025-12", "date_precision": "month"}],
        exact=False,
    ),
    Case(
        "opening-from-day-dates-the-moves-after-it",
        "From 1 January the group will run four divisions. Lena Vogt will become president of the new "
        "logistics division of Harrow Group.",
        [{"type": "appointment", "person": "Lena Vogt", "date": "2026-01-01", "date_precision": "day"}],
        published_at="2025-12-10T09:00:00+00:00",
        exact=False,
    ),
    Case(
        "after-a-day-is-that-month",
        "Marco Feld will report to the chairman and is expected to take over as chief executive of "
        "Orbis Freight after June 1, 2025.",
        [{"type": "appointment", "person": "Marco Feld", "date": "2025-06", "date_precision": "month"}],
        exact=False,
    ),
    Case(
        "forward-move-takes-the-future-date-not-the-statement-day",
        "Talvik Corp said Wednesday it will promote Anna Roos to president on April 1, replacing Jon Berg, "
        "who will become chairman.",
        [
            {"type": "appointment", "person": "Anna Roos", "date": "2025-04-01"},
            {
                "type": "appointment",
                "person": "Jon Berg",
                "date": "2025-04-01",
                "details": {"announced_on": "2025-03-12"},
            },
        ],
        exact=False,
    ),  # fmt: skip
    Case(
        "effective-date-with-announced-on",
        "Mira Solberg will step down as chief executive of Quenby Insurance effective May 1, the company "
        "said on Monday.",
        [
            {
                "type": "departure",
                "person": "Mira Solberg",
                "date": "2025-05-01",
                "details": {"announced_on": "2025-03-10"},
            }
        ],
        exact=False,
    ),  # fmt: skip
    Case(
        "one-fact-told-twice-in-a-sentence-shares-its-date",
        "The Aldergate Chamber of Commerce has chosen Nadia Farrow as its president, replacing Colm Reddy "
        "who left in late January.",
        [{"type": "departure", "person": "Colm Reddy", "date": "2025-01", "date_precision": "month"}],
        exact=False,
    ),
    Case(
        "succession-sides-share-the-date",
        "Evander Holt was appointed chairman of Pinecrest Mutual in 2019, replacing Priya Nandakumar.",
        [
            {"type": "appointment", "person": "Evander Holt", "date": "2019"},
            {"type": "departure", "person": "Priya Nandakumar", "date": "2019", "date_precision": "year"},
        ],
        exact=False,
    ),
    Case(
        "round-up-lead-dates-its-rounds",
        "Here is our recap of the startups that raised money in the past week. Velloria, a battery "
        "start-up, raised $12 million in a Series A round led by Tansy Capital.",
        [{"type": "funding_round", "date": "2025-03-10", "date_precision": "week"}],
        published_at="2025-03-16T09:00:00+00:00",
        exact=False,
    ),
    Case(
        "offset-after-an-event-dated-just-before",
        "The accounting scandal at Brimley Foods broke in 2015. Its chairman, Osric Vell, resigned "
        "from Brimley Foods five days after the scandal broke.",
        [{"type": "departure", "person": "Osric Vell", "date": "2015", "date_precision": "year"}],
        exact=False,
    ),
    Case(
        "would-points-forward-in-reported-speech",
        "Marrow & Pike said its chairman, Sir Alden Croft, would retire at the annual meeting on 10 July.",
        [{"type": "departure", "person": "Alden Croft", "date": "2025-07-10"}],
        exact=False,
    ),
    Case(
        "present-tense-takes-office-is-scheduled",
        "Dunmore College has appointed Ilse Varga as dean of its law school. She takes office on August 15.",
        [{"type": "appointment", "person": "Ilse Varga", "date": "2025-08-15"}],
        exact=False,
    ),
    Case(
        "take-the-chair-dates-the-successor-and-the-predecessor",
        "Fenwick Water said on Wednesday that Rhoda Vance will succeed Ewan Tarrant as chair. Vance, a "
        "director since she joined in 2019, will take the chair at the annual meeting in July.",
        [
            {
                "type": "appointment",
                "person": "Rhoda Vance",
                "role": "chair",
                "date": "2025-07",
                "details": {"announced_on": "2025-03-12"},
            },
            {"type": "departure", "person": "Ewan Tarrant", "date": "2025-07"},
        ],
        exact=False,
    ),  # fmt: skip
    Case(
        "the-same-day-counts-from-the-move-not-the-statement",
        "Brantley Rail has named Cora Lisle its next chief executive, effective April 1, the company said "
        "on Tuesday. Lisle succeeds Owen Hart, who is retiring. Hart will become chairman on the same day.",
        [
            {"type": "appointment", "person": "Cora Lisle", "date": "2025-04-01"},
            {"type": "departure", "person": "Owen Hart", "date": "2025-04-01"},
        ],
        exact=False,
    ),
    Case(
        "surname-starts-on",
        "Ashby Bancorp Inc. said Tuesday it has hired Petra Lund, treasurer of Corbel Capital, as its next "
        "chief financial officer. Lund starts on April 14 and will report to the chief executive.",
        [
            {
                "type": "appointment",
                "person": "Petra Lund",
                "date": "2025-04-14",
                "details": {"announced_on": "2025-03-11"},
            }
        ],
        exact=False,
    ),  # fmt: skip
    Case(
        "successor-starts-when-the-predecessor-retires",
        "Harbury Stores said its chairman, Sir Ned Alcott, would retire at the annual meeting on 10 July. "
        "Wanda Pryce, the senior independent director, will succeed Sir Ned as chair when he retires.",
        [
            {"type": "departure", "person": "Ned Alcott", "date": "2025-07-10"},
            {"type": "appointment", "person": "Wanda Pryce", "date": "2025-07-10"},
        ],
        exact=False,
    ),
    Case(
        "at-that-meeting-is-the-meeting-dated-before",
        "Lowmoor Water said Dara Quill will take the chair at the annual general meeting in July. Two "
        "other directors, Abel Stroud and Nina Farr, will not seek re-election at that meeting.",
        [{"type": "departure", "person": "Abel Stroud", "date": "2025-07", "date_precision": "month"}],
        exact=False,
    ),
    # no-date sides
    Case(
        "a-successor-without-when-keeps-no-date",
        "Ilka Marr, general counsel of Tessaly, has decided to retire. Her last day will be April 30. "
        "Our deputy counsel, Bram Oduya, will succeed her.",
        [
            {"type": "departure", "person": "Ilka Marr", "date": "2025-04-30"},
            {"type": "appointment", "person": "Bram Oduya", "date": None},
        ],
        exact=False,
    ),
    Case(
        "a-dateline-is-no-lead",
        "Oslo, March 12\n\nTrond Vikane will step down as chief executive of Fjellnor Shipping.",
        [{"type": "departure", "person": "Trond Vikane", "date": None}],
        exact=False,
    ),
    Case(
        "a-file-photo-date-is-no-lead",
        "FILE - Trond Vikane speaks at a shipping conference in Bergen on Nov. 6, 2023, in this photo.\n\n"
        "Trond Vikane will step down as chief executive of Fjellnor Shipping.",
        [{"type": "departure", "person": "Trond Vikane", "date": None}],
        exact=False,
    ),
    Case(
        "a-calendar-day-of-the-fact-is-not-the-news-day",
        "Halden Bank named Cormac Hale, who was appointed chief operating officer on March 10, to run the "
        "new unit. He took up the post in May 2022 after a spell abroad.",
        [{"type": "appointment", "person": "Cormac Hale", "date": "2025-03-10"}],
        exact=False,
    ),
    Case(
        "a-pronoun-after-several-moves-is-nobody",
        "Brackley named Ivo Stark finance chief and promoted Lena Orr to run sales. He began his new role "
        "on March 3.",
        [
            {"type": "appointment", "person": "Ivo Stark", "date": None},
            {"type": "appointment", "person": "Lena Orr", "date": None},
        ],
        exact=False,
    ),
    Case(
        "a-completed-departure-keeps-its-own-date",
        "Ines Barlow left Corvid Games in 2019. Corvid named Raj Patel chief executive. The changes "
        "will take effect on April 7.",
        [
            {"type": "departure", "person": "Ines Barlow", "date": "2019"},
            {"type": "appointment", "person": "Raj Patel", "date": "2025-04-07"},
        ],
        exact=False,
    ),
]


@pytest.mark.parametrize("case", params(ATTRIBUTION))
def test_date_attribution(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The app launched in March 2019. She left days later, two weeks after the launch.",
            ("2019-03", "month"),
        ),
        ("The fund opened in 2015. He joined five days after it opened.", ("2015", "year")),
        ("She returned in 2014, three years after she was pushed out.", ("2011", "year")),
    ],
    ids=["weeks-after-a-month", "days-after-a-year", "adjacent-still-subtracts"],
)
def test_offsets_from_an_event(text: str, expected: tuple[str, str]) -> None:
    assert _found(text)[-1] == expected


def test_the_same_date_is_the_mention_before_not_the_statement() -> None:
    text = "From May 4 the unit will report to the COO, the chief executive said on Monday. It moves on the same date."
    assert [d for d, _ in _found(text)] == ["2026-05-04", "2025-11-10", "2026-05-04"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hana Ito, who has led sales since 2020, is leaving at the end of May.", "2026-05"),
        ("The company said she left at the end of May.", "2025-05"),
    ],
    ids=["is-leaving-is-scheduled", "left-is-past"],
)
def test_present_progressive_moves_are_scheduled(text: str, expected: str) -> None:
    assert _found(text, "2025-11-12T09:00:00+00:00")[-1] == (expected, "month")


@pytest.mark.parametrize(
    ("text", "published_at", "expected"),
    [
        ("She said she would leave on March 31.", "2024-05-02T09:00:00+00:00", "2024-03-31"),
        ("He said he would retire on 10 July.", "2025-05-22T09:00:00+00:00", "2025-07-10"),
        ("She will leave on 10 July.", "2025-05-22T09:00:00+00:00", "2025-07-10"),
    ],
    ids=["would-nearer-past", "would-nearer-future", "will-forward"],
)
def test_would_takes_the_nearer_day(text: str, published_at: str, expected: str) -> None:
    assert _found(text, published_at) == [(expected, "day")]


def test_an_offset_without_a_date_before_it_is_no_date() -> None:
    assert _found("He resigned five days after the scandal broke.") == []
    # As coarse as the date before: it need not be the event the offset counts from.
    assert _found("In 2014 the firm grew. She left three years after the merger.") == [("2014", "year")]


def test_the_past_week_is_the_seven_days_before_publication() -> None:
    # Sunday 2025-03-16: the seven days before fall in the week of Monday 2025-03-10.
    assert _found("in the past week", "2025-03-16T09:00:00+00:00") == [("2025-03-10", "week")]
    # "last week" stays the calendar week before.
    assert _found("last week", "2025-03-16T09:00:00+00:00") == [("2025-03-03", "week")]
