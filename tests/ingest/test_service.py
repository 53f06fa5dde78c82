"""Ingestion on both back ends: merging across articles, idempotency, concurrency, atomicity."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence

import pytest
from factories import extracted
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import InvalidInput, NotFound
from tenure.ingest.service import ArticleInput, get_article, ingest_article
from tenure.models import Article, Event, EventSource, Organization, OrganizationAlias, Person, PersonAlias
from tenure.webhooks.outbox import EventChange

from .conftest import FakeExtractor

TABLES = (Article, Event, EventSource, Person, Organization, PersonAlias, OrganizationAlias)
MONDAY = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
Sessions = async_sessionmaker[AsyncSession]


async def count(sessions: Sessions, model: type) -> int:
    async with sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def all_counts(sessions: Sessions) -> dict[str, int]:
    return {model.__tablename__: await count(sessions, model) for model in TABLES}


def article(text: str, url: str | None = None, **kwargs: object) -> ArticleInput:
    return ArticleInput(text=text, published_at=MONDAY, url=url, **kwargs)  # type: ignore[arg-type]


async def test_two_articles_one_departure_make_one_event_with_two_sources(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    vague = fake_extract.add("A", extracted(date="2025-10", precision="month", evidence="She plans to go."))
    exact = fake_extract.add(
        "B",
        extracted(
            person="Dana  Whitfield",
            organization="Northwind Robotics Inc.",
            role="chief technology officer",
            date="2025-10-20",
            precision="day",
            evidence="Whitfield told staff on Monday she will leave.",
        ),
    )
    first = await ingest_article(sessions, article(vague, "https://ledger.example.com/a"))
    second = await ingest_article(sessions, article(exact, "https://harbor.example.com/b"))

    assert first.created and second.created
    assert [c.kind for c in first.changes] == ["created"]
    assert [c.kind for c in second.changes] == ["date_refined"]
    assert await count(sessions, Event) == 1
    async with sessions() as session:
        event = (await session.execute(select(Event))).scalar_one()
        sources = (await session.execute(select(EventSource).order_by(EventSource.id))).scalars().all()
    assert (event.date, event.date_precision, event.sort_date) == ("2025-10-20", "day", dt.date(2025, 10, 20))
    assert event.revision == 2
    assert event.role == "chief technology officer"
    assert event.status == "planned"
    assert [s.article_id for s in sources] == [first.article.id, second.article.id]
    assert sources[1].evidence == "Whitfield told staff on Monday she will leave."
    assert second.events[0].id == first.events[0].id


async def test_less_precise_second_report_keeps_the_stored_date(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    exact = fake_extract.add("A", extracted(date="2025-10-20", precision="day"))
    vague = fake_extract.add("B", extracted(date="2025", precision="year"))
    await ingest_article(sessions, article(exact))
    result = await ingest_article(sessions, article(vague))
    assert [c.kind for c in result.changes] == ["source_added"]
    assert (result.events[0].date, result.events[0].date_precision) == ("2025-10-20", "day")
    assert await count(sessions, EventSource) == 2


@pytest.mark.parametrize(
    ("first", "second", "events"),
    [
        pytest.param(
            extracted("appointment", role="chief executive officer", date="2025-03-01", precision="day"),
            extracted("appointment", role="board member", date="2025-03-01", precision="day"),
            2,
            id="ceo-and-board-seat-are-two-facts",
        ),
        pytest.param(
            extracted("appointment", role="CEO", date="2025-03-01", precision="day"),
            extracted("appointment", role="chief executive", date="2025-03", precision="month"),
            1,
            id="ceo-spelled-two-ways-is-one-fact",
        ),
        pytest.param(
            extracted(date="2025-10-20", precision="day"),
            extracted(date="2025-10-21", precision="day"),
            1,
            id="departure-a-day-apart-is-one-fact",
        ),
        pytest.param(
            extracted(date="2019", precision="year"),
            extracted(date="2025-10-20", precision="day"),
            2,
            id="departures-years-apart-are-two-facts",
        ),
        pytest.param(
            extracted(
                "funding_round",
                None,
                "Tessellate AI",
                details={"round": "Series A"},
                date="2026",
                precision="year",
            ),
            extracted(
                "funding_round",
                None,
                "Tessellate AI",
                details={"round": "Series B"},
                date="2026",
                precision="year",
            ),
            2,
            id="different-rounds-are-two-facts",
        ),
        pytest.param(
            extracted(person="Dana Whitfield", date=None),
            extracted(person="Kim Sato", date=None),
            2,
            id="different-people-are-two-facts",
        ),
    ],
)
async def test_which_reports_merge(
    sessions: Sessions, fake_extract: FakeExtractor, first: object, second: object, events: int
) -> None:
    await ingest_article(sessions, article(fake_extract.add("A", first)))  # type: ignore[arg-type]
    await ingest_article(sessions, article(fake_extract.add("B", second)))  # type: ignore[arg-type]
    assert await count(sessions, Event) == events
    assert await count(sessions, EventSource) == 2


async def test_reingest_by_url_or_text_returns_the_stored_article(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    text = fake_extract.add("A", extracted(date="2025-10-20", precision="day"))
    first = await ingest_article(sessions, article(text, "https://ledger.example.com/a"))
    again = await ingest_article(sessions, article(text, "https://ledger.example.com/a"))
    same_text = await ingest_article(sessions, article(text, "https://mirror.example.com/a"))
    edited = await ingest_article(sessions, article(text + " Updated.", "https://ledger.example.com/a"))

    for result in (again, same_text, edited):
        assert result.created is False
        assert result.changes == []
        assert result.article.id == first.article.id
        assert [e.id for e in result.events] == [e.id for e in first.events]
    assert fake_extract.calls == 1
    assert await all_counts(sessions) == {
        "articles": 1,
        "events": 1,
        "event_sources": 1,
        "people": 1,
        "organizations": 1,
        "person_aliases": 0,
        "organization_aliases": 0,
    }


async def test_same_article_ten_times_at_once_stores_it_once(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    text = fake_extract.add(
        "A",
        extracted(date="2025-10-20", precision="day"),
        extracted("founding", organization="Tessellate AI", details={"company": "Tessellate AI"}),
    )
    results = await asyncio.gather(
        *(ingest_article(sessions, article(text, "https://ledger.example.com/a")) for _ in range(10))
    )
    assert sum(r.created for r in results) == 1
    assert len({r.article.id for r in results}) == 1
    assert all(len(r.events) == 2 for r in results)
    assert await all_counts(sessions) == {
        "articles": 1,
        "events": 2,
        "event_sources": 2,
        "people": 1,
        "organizations": 2,
        "person_aliases": 0,
        "organization_aliases": 0,
    }


async def test_different_articles_at_once_share_people_and_facts(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    texts = [
        fake_extract.add(str(n), extracted(date="2025-10-20", precision="day", evidence=f"Report {n}."))
        for n in range(6)
    ]
    results = await asyncio.gather(*(ingest_article(sessions, article(t)) for t in texts))
    assert all(r.created for r in results)
    assert await count(sessions, Person) == 1
    assert await count(sessions, Event) == 1
    assert await count(sessions, EventSource) == 6


async def test_a_failure_mid_ingest_leaves_no_rows(
    sessions: Sessions, fake_extract: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken_outbox(session: AsyncSession, changes: Sequence[EventChange]) -> int:
        raise RuntimeError("outbox down")

    monkeypatch.setattr("tenure.webhooks.outbox.enqueue_event_changes", broken_outbox)
    text = fake_extract.add(
        "A",
        extracted(person="Whitfield", date="2025-10-20", precision="day"),
        extracted(organization="Facebook"),
    )
    with pytest.raises(RuntimeError, match="outbox down"):
        await ingest_article(sessions, article(text, "https://ledger.example.com/a"))
    assert await all_counts(sessions) == dict.fromkeys((m.__tablename__ for m in TABLES), 0)


async def test_changes_reach_the_outbox_in_the_transaction(
    sessions: Sessions, fake_extract: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[list[EventChange], int]] = []

    async def spy(session: AsyncSession, changes: Sequence[EventChange]) -> int:
        # The events are flushed (visible in this transaction) before the outbox runs.
        stored = (await session.execute(select(func.count()).select_from(Event))).scalar_one()
        seen.append((list(changes), stored))
        return 0

    monkeypatch.setattr("tenure.webhooks.outbox.enqueue_event_changes", spy)
    text = fake_extract.add("A", extracted(), extracted("award", details={"award": "Atlas Prize"}))
    result = await ingest_article(sessions, article(text))
    assert seen == [(result.changes, 2)]
    assert sorted(c.kind for c in result.changes) == ["created", "created"]


async def test_one_fact_twice_in_one_article_is_one_event_with_one_source(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    text = fake_extract.add(
        "A",
        extracted(organization="Northwind Robotics", date="2025", precision="year"),
        extracted(organization="Northwind", date="2025-10-20", precision="day"),
    )
    result = await ingest_article(sessions, article(text))
    assert len(result.events) == 1
    assert result.events[0].date == "2025-10-20"
    assert result.events[0].revision == 1
    assert [c.kind for c in result.changes] == ["created"]
    assert await count(sessions, EventSource) == 1


async def test_get_article_returns_its_events(sessions: Sessions, fake_extract: FakeExtractor) -> None:
    text = fake_extract.add("A", extracted(date="2025-10-20", precision="day"))
    stored = await ingest_article(sessions, article(text, title="Whitfield to leave", source="The Ledger"))
    found = await get_article(sessions, stored.article.id)
    assert (found.article.title, found.article.source, found.article.published_utc_offset) == (
        "Whitfield to leave",
        "The Ledger",
        -240,
    )
    assert [e.id for e in found.events] == [e.id for e in stored.events]
    with pytest.raises(NotFound):
        await get_article(sessions, stored.article.id + 100)


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(ArticleInput(text="x", published_at=dt.datetime(2025, 1, 1)), id="naive-published-at"),
        pytest.param(ArticleInput(text="  ", published_at=MONDAY), id="empty-text"),
        pytest.param(ArticleInput(text="x", published_at=MONDAY, format="pdf"), id="unknown-format"),
    ],
)
async def test_invalid_input_is_refused_before_storing(sessions: Sessions, bad: ArticleInput) -> None:
    with pytest.raises(InvalidInput):
        await ingest_article(sessions, bad)
    assert await count(sessions, Article) == 0


CLEAN_DEPARTURE = """\
Ingrid Solberg will step down as chief executive of Halvorsen Freight effective March 31, the
company said on Tuesday.
"""


async def test_real_engine_end_to_end(sessions: Sessions) -> None:
    published = dt.datetime(2025, 2, 12, 8, 0, tzinfo=dt.UTC)
    result = await ingest_article(sessions, ArticleInput(text=CLEAN_DEPARTURE, published_at=published))
    departures = [e for e in result.events if e.type == "departure"]
    assert len(departures) == 1
    async with sessions() as session:
        person = await session.get(Person, departures[0].person_id)
        org = await session.get(Organization, departures[0].organization_id)
    assert person is not None and person.name == "Ingrid Solberg"
    assert org is not None and org.name == "Halvorsen Freight"
    assert departures[0].date == "2025-03-31"


async def test_concurrent_articles_naming_the_same_new_people_in_any_order(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    # Each article names the same three new people and two new companies, in a different order:
    # creation must not deadlock or duplicate anyone on either back end.
    cast = [
        ("Aino Varis", "Saltmarsh Energy"),
        ("Bram Osei", "Pinecrest Media"),
        ("Cleo Duarte", "Saltmarsh Energy"),
    ]
    texts = []
    for n in range(8):
        order = cast[n % 3 :] + cast[: n % 3]
        events = [
            extracted(
                "appointment", person, org, role="CEO", date=f"20{10 + n}", precision="year", evidence=f"{n}"
            )
            for person, org in (order if n % 2 else reversed(order))
        ]
        texts.append(fake_extract.add(f"P{n}", *events))
    results = await asyncio.gather(*(ingest_article(sessions, article(t)) for t in texts))
    assert all(r.created for r in results)
    assert await count(sessions, Person) == 3
    assert await count(sessions, Organization) == 2
    assert await count(sessions, Event) == 24  # different years: no two reports are one fact
