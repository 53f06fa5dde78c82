"""One fact in several wordings settles the same way whatever order the articles arrive in.

A month ("in October 2025") is compatible with two day dates two days apart, which are two
facts. Greedy merging put the month on whichever day event existed first, so the result hung on
arrival order, and concurrent ingests (whose order is a race) disagreed with a one-at-a-time run.
Now every source sits on the sibling event it is closest to (ties: the earlier event), on both
back ends, sequentially in every order and concurrently.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Article, Event, EventSource, Person

Sessions = async_sessionmaker[AsyncSession]
PUBLISHED = dt.datetime(2025, 11, 3, 9, 0, tzinfo=dt.UTC)
WORDINGS = {
    "month": "Halvorsen Freight said its finance chief, {name}, left the company in October 2025.",
    "day-20": "Halvorsen Freight said its finance chief, {name}, left the company on October 20, 2025.",
    "day-22": "Halvorsen Freight said its finance chief, {name}, left the company on October 22, 2025.",
}
# The month is 19 days from the 20th's event and 21 from the 22nd's: it belongs with the 20th.
SETTLED = [("2025-10-20", "day", ["day-20", "month"]), ("2025-10-22", "day", ["day-22"])]
Layout = list[tuple[str | None, str | None, list[str]]]


def _article(wording: str, name: str) -> ArticleInput:
    return ArticleInput(
        text=WORDINGS[wording].format(name=name),
        published_at=PUBLISHED,
        url=f"https://news.example/{name.replace(' ', '-').lower()}/{wording}",
    )


async def _layout(sessions: Sessions, name: str) -> Layout:
    """Each event of this person: its date, precision and the wordings of its sources."""
    query = (
        select(Event.date, Event.date_precision, Article.url)
        .join(Person, Person.id == Event.person_id)
        .join(EventSource, EventSource.event_id == Event.id)
        .join(Article, Article.id == EventSource.article_id)
        .where(Person.name == name)
    )
    async with sessions() as session:
        rows = (await session.execute(query)).all()
    events: dict[tuple[str | None, str | None], list[str]] = {}
    for date, precision, url in rows:
        events.setdefault((date, precision), []).append(url.rsplit("/", 1)[1])
    return sorted((date, precision, sorted(urls)) for (date, precision), urls in events.items())


@pytest.mark.parametrize(
    "order", [pytest.param(order, id=",".join(order)) for order in itertools.permutations(WORDINGS)]
)
async def test_one_at_a_time_in_any_order_settles_the_same(
    sessions: Sessions, order: tuple[str, ...]
) -> None:
    for wording in order:
        await ingest_article(sessions, _article(wording, "Priya Lindqvist"))
    assert await _layout(sessions, "Priya Lindqvist") == SETTLED


async def test_three_wordings_at_once_settle_as_one_at_a_time(sessions: Sessions) -> None:
    names = [f"Priya Lindqvist {suffix}" for suffix in ("Aalto", "Berg", "Castell", "Dahl", "Ek")]
    for name in names:
        await asyncio.gather(*(ingest_article(sessions, _article(w, name)) for w in WORDINGS))
    assert [await _layout(sessions, name) for name in names] == [SETTLED] * len(names)
