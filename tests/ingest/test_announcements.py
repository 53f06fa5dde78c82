"""Announced vs effective: each move's announcement day, and one move told by two articles."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import extracted
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.extractors import ExtractedEvent
from tenure.ingest.announcements import announcement_day, told_twice
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Event, EventSource

from .conftest import FakeExtractor

Sessions = async_sessionmaker[AsyncSession]
TUESDAY = dt.date(2026, 1, 13)
# Published on Tuesday 2026-01-13 in New York: "Monday" is 2026-01-12.
PUBLISHED = dt.datetime(2026, 1, 13, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        pytest.param(
            extracted(
                date="2026-03-01",
                precision="day",
                details={"status": "announced", "announced_on": "2026-01-12"},
            ),
            "2026-01-12",
            id="statement-day-noted-beside-the-effective-date",
        ),
        pytest.param(
            extracted(date="2026-01-12", precision="day", details={"status": "announced"}),
            "2026-01-12",
            id="leaving-dated-by-the-announcement-itself",
        ),
        pytest.param(
            extracted(date="2026-03-01", precision="day", details={"status": "planned"}),
            "2026-01-13",
            id="future-move-without-statement-day-falls-back-to-publication",
        ),
        pytest.param(extracted(details={"status": "announced"}), "2026-01-13", id="undated-announced-move"),
        pytest.param(
            extracted(date="2026-01-12", precision="day", details={"status": "completed"}),
            None,
            id="a-completed-departure-has-none",
        ),
        pytest.param(
            extracted(date="2025-11", precision="month", details={"status": "announced"}),
            None,
            id="a-past-month-is-no-announcement-day",
        ),
        pytest.param(
            extracted("appointment", role="CEO", date="2026-04-01", precision="day"),
            "2026-01-13",
            id="appointment-taking-effect-later",
        ),
        pytest.param(
            extracted("award", details={"award": "Gold Medal"}, date="2026-01-12", precision="day"),
            None,
            id="not-a-move",
        ),
    ],
)
def test_announcement_day(event: ExtractedEvent, expected: str | None) -> None:
    assert announcement_day(event, TUESDAY) == expected


_ANNOUNCED = ("CEO", {}, "2026-01-12", "day", "2026-01-12")


@pytest.mark.parametrize(
    ("other", "same"),
    [
        pytest.param(
            ("chief executive", {}, "2026-03-01", "day", "2026-01-12"), True, id="effective-weeks-later"
        ),
        pytest.param((None, {}, "2026-09", "month", None), True, id="effective-month-within-a-year"),
        pytest.param((None, {}, "2027-02-01", "day", None), False, id="beyond-twelve-months"),
        pytest.param((None, {}, "2025-12-01", "day", None), False, id="effective-before-the-announcement"),
        pytest.param(("board", {}, "2026-03-01", "day", None), False, id="board-seat-is-another-departure"),
        pytest.param(
            (None, {}, "2026-01-20", "day", "2026-01-20"), False, id="two-announcements-a-week-apart"
        ),
    ],
)
def test_told_twice(other: tuple[object, ...], same: bool) -> None:
    assert told_twice("departure", _ANNOUNCED, other) is same  # type: ignore[arg-type]
    assert told_twice("departure", other, _ANNOUNCED) is same  # type: ignore[arg-type]


FIRST = """Harrowgate Mills said on Monday that Selma Oduya, its chief executive, will step down effective March 1.
The board will name an interim leader next month."""
SECOND = """Selma Oduya is leaving Harrowgate Mills, the textile maker announced on Monday.
She has run the company since 2018."""


async def _departures(sessions: Sessions) -> list[tuple[str | None, str | None, int]]:
    async with sessions() as session:
        sources = func.count(EventSource.id)
        query = (
            select(Event.date, Event.announced_on, sources)
            .join(EventSource, EventSource.event_id == Event.id)
            .where(Event.type == "departure")
            .group_by(Event.id, Event.date, Event.announced_on)
        )
        return [tuple(row) for row in (await session.execute(query)).all()]  # type: ignore[misc]


async def ingest(sessions: Sessions, *texts: str) -> None:
    """Each text as an article of its own, published on Tuesday 2026-01-13."""
    for text in texts:
        await ingest_article(
            sessions,
            ArticleInput(text=text, published_at=PUBLISHED, url=f"https://news.example/{hash(text)}"),
        )


@pytest.mark.parametrize(
    "order", [(FIRST, SECOND), (SECOND, FIRST)], ids=["effective-first", "announcement-first"]
)
async def test_announcement_and_effective_date_articles_are_one_departure(
    sessions: Sessions, order: tuple[str, str]
) -> None:
    await ingest(sessions, *order)
    assert await _departures(sessions) == [("2026-03-01", "2026-01-12", 2)]


async def test_merged_event_keeps_the_earliest_announcement(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    later = fake_extract.add(
        "A",
        extracted(
            date="2026-03-01", precision="day", details={"status": "announced", "announced_on": "2026-01-14"}
        ),
    )
    earlier = fake_extract.add(
        "B", extracted(date="2026-01-09", precision="day", details={"status": "announced"})
    )
    await ingest(sessions, later, earlier)
    assert await _departures(sessions) == [("2026-03-01", "2026-01-09", 2)]


async def test_an_analysts_date_is_not_replaced_by_an_effective_date(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    announced = fake_extract.add(
        "A", extracted(date="2026-01-12", precision="day", details={"status": "announced"})
    )
    await ingest(sessions, announced)
    async with sessions() as session, session.begin():
        event = (await session.execute(select(Event))).scalar_one()
        event.locked_fields = ["date"]
    effective = fake_extract.add(
        "B",
        extracted(
            date="2026-03-01", precision="day", details={"status": "announced", "announced_on": "2026-01-12"}
        ),
    )
    await ingest(sessions, effective)
    assert await _departures(sessions) == [("2026-01-12", "2026-01-12", 2)]
