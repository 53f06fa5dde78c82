"""Property tests (issue 5): whatever the text and publication time, the output keeps the contract.

Two kinds of text: any Unicode at all (nothing may raise, every field keeps its shape), and
news-like prose built from fictional names, triggers and date forms, so that events are actually
produced and their fields get checked, not only the empty list.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tenure.extractors import EVENT_TYPES, ExtractedEvent, extract
from tenure.extractors.dates.spans import find_dates, local_base

DATE_SHAPES: dict[str | None, re.Pattern[str]] = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}

# Offsets from -23:59 to +23:59 (the real world uses -12:00 to +14:00; Python allows the rest).
offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
published_ats = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30), timezones=offsets
)
extreme_published_ats = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets
)

# --- news-like prose --------------------------------------------------------------------------------

PEOPLE = ("Vesna Holt", "Orrin Vale", "Tamsin Orr", "Ravi Okafor", "Ilse Marr", "Corin Pike")
COMPANIES = ("Quillon Labs", "Brightmoor Bank", "Kestrel Robotics", "Solent Health", "Arden Mills Inc.")
ROLES = ("chief executive", "chief financial officer", "president", "head of research")
DATE_FORMS = (
    "three hours ago", "yesterday", "on Tuesday", "last week", "earlier this month", "in May",
    "Nov. 6", "on November 11, 2024", "in 2013", "effective March 1", "next year", "2024-10-17",
    "in March 2014", "last April", "around 9 p.m., November 11", "this week", "Wednesday night",
)  # fmt: skip
SENTENCES = (
    "{p} resigned as {r} of {c} {d}.",
    "{c} named {p} its new {r} {d}.",
    "{p} will step down as {r} of {c} {d}, the company said.",
    "{p}, who joined {c} {d}, plans to leave the company.",
    "{c} raised $40 million in a Series B round {d}.",
    "{p} won the 2018 Harlan Prize {d}.",
    "{p} founded {c} {d}.",
    "{p} now reports to {q} instead of the {r}, {c} said {d}.",
    "Analysts said turnover at {c} has risen since 2019.",
)


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(SENTENCES))
    person, other = draw(st.permutations(PEOPLE))[:2]
    return template.format(
        p=person,
        q=other,
        c=draw(st.sampled_from(COMPANIES)),
        r=draw(st.sampled_from(ROLES)),
        d=draw(st.sampled_from(DATE_FORMS)),
    )


news_articles = st.lists(news_sentences(), min_size=1, max_size=8).map(" ".join)
any_text = st.text(max_size=2_000)
# Text that mixes prose with arbitrary characters, markup and digits: where false dates hide.
mixed_text = st.lists(
    st.one_of(
        news_sentences(), st.text(max_size=80), st.sampled_from(("**", "\n\n", "# ", "(1985)", "$2018"))
    ),
    max_size=12,
).map("".join)


def assert_event_contract(event: ExtractedEvent, text: str) -> None:
    assert event.type in EVENT_TYPES
    if event.date is None:
        assert event.date_precision is None
    else:
        assert event.date_precision in DATE_SHAPES, event
        assert DATE_SHAPES[event.date_precision].match(event.date), event
        if event.date_precision in ("day", "week"):
            parsed = date.fromisoformat(event.date)
            assert event.date_precision == "day" or parsed.weekday() == 0, event
    start, end = event.evidence_span
    assert 0 <= start <= end <= len(text), event
    assert 0.0 <= event.confidence <= 1.0
    assert event.evidence.strip(), event
    assert event.rule_id
    for field in (event.person, event.organization, event.role):
        assert field is None or isinstance(field, str)


def assert_mention_contract(text: str, published_at: datetime) -> None:
    mentions = find_dates(text, published_at)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.tense in ("past", "future")
        if mention.date is None:
            assert mention.precision is None
        else:
            assert mention.precision in DATE_SHAPES
            assert DATE_SHAPES[mention.precision].match(mention.date), mention
            if mention.precision == "week":
                assert date.fromisoformat(mention.date).weekday() == 0
        previous_end = mention.end


@settings(max_examples=200, deadline=None)
@given(text=any_text, published_at=published_ats)
def test_any_text_keeps_the_event_contract(text: str, published_at: datetime) -> None:
    events = extract(text, published_at)
    assert isinstance(events, list)
    for event in events:
        assert_event_contract(event, text)


@settings(max_examples=200, deadline=None)
@given(text=mixed_text, published_at=published_ats)
def test_mixed_text_keeps_the_event_contract(text: str, published_at: datetime) -> None:
    for event in extract(text, published_at):
        assert_event_contract(event, text)


@settings(max_examples=200, deadline=None)
@given(text=news_articles, published_at=published_ats)
def test_news_prose_keeps_the_event_contract_and_quotes_its_evidence(
    text: str, published_at: datetime
) -> None:
    events = extract(text, published_at)
    for event in events:
        assert_event_contract(event, text)
        # Plain prose needs no cleaning (no markup, no mojibake), so the evidence is the input
        # at its span, character for character.
        start, end = event.evidence_span
        assert text[start:end] == event.evidence


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(any_text, mixed_text, news_articles), published_at=extreme_published_ats)
def test_find_dates_keeps_its_contract_at_any_time(text: str, published_at: datetime) -> None:
    assert_mention_contract(text, published_at)


@settings(max_examples=200, deadline=None)
@given(days=st.integers(min_value=0, max_value=999), published_at=published_ats)
def test_days_ago_counts_back_on_the_local_calendar(days: int, published_at: datetime) -> None:
    (mention,) = find_dates(f"It happened {days} days ago.", published_at)
    assert mention.date == (local_base(published_at) - timedelta(days=days)).date().isoformat()


@settings(max_examples=200, deadline=None)
@given(published_at=published_ats)
def test_last_week_is_the_monday_one_to_two_weeks_back(published_at: datetime) -> None:
    (mention,) = find_dates("She left last week.", published_at)
    monday = date.fromisoformat(mention.date or "")
    gap = (local_base(published_at).date() - monday).days
    assert monday.weekday() == 0 and 7 <= gap <= 13


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), published_at=published_ats)
def test_month_day_without_year_is_the_most_recent_past_one(day: date, published_at: datetime) -> None:
    if day.month == 2 and day.day == 29:
        day = day.replace(day=28)
    text = f"It happened on {day:%B} {day.day}."
    (mention,) = find_dates(text, published_at)
    resolved = date.fromisoformat(mention.date or "")
    today = local_base(published_at).date()
    assert (resolved.month, resolved.day) == (day.month, day.day)
    assert resolved <= today and (today - resolved).days < 366


def test_utc_is_an_accepted_zone() -> None:
    assert extract("Vesna Holt resigned yesterday.", datetime(2025, 11, 12, tzinfo=UTC)) is not None
