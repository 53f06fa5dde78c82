"""Re-extraction on both back ends: new facts, retired facts, analysts' corrections kept, idempotent."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from factories import extracted
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import NotFound
from tenure.extractors.version import EXTRACTOR_VERSION
from tenure.ingest.reextract import Selection, Summary, reextract
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Article, Correction, Event, EventSource, Organization, Person

from .conftest import FakeExtractor

Sessions = async_sessionmaker[AsyncSession]
PUBLISHED = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4)))

KEEPS = extracted(person="Dana Whitfield", date="2025-10-20", precision="day", evidence="Whitfield is out.")
DROPPED = extracted(
    "appointment", person="Kim Sato", role="CFO", date="2025-10-20", precision="day", evidence="Sato is CFO."
)
NEW = extracted(
    "appointment",
    person="Lena Brandt",
    role="COO",
    date="2025-10-20",
    precision="day",
    evidence="Brandt is COO.",
)


async def ingest(sessions: Sessions, text: str, url: str) -> int:
    result = await ingest_article(sessions, ArticleInput(text=text, published_at=PUBLISHED, url=url))
    return result.article.id


async def run(sessions: Sessions, **kwargs: object) -> Summary:
    return await reextract(sessions, Selection(), **kwargs)  # type: ignore[arg-type]


def counts(summary: Summary) -> dict[str, int]:
    """Events per action, the actions that had any."""
    return {action: sum(c.values()) for action, c in summary.counts.items() if sum(c.values())}


async def events_by_person(sessions: Sessions) -> dict[str, tuple[str, int]]:
    """Each event's state and number of sources, by its person's name."""
    async with sessions() as session:
        rows = await session.execute(
            select(Person.name, Event.state, func.count(EventSource.id))
            .join(Person, Person.id == Event.person_id)
            .outerjoin(EventSource, EventSource.event_id == Event.id)
            .group_by(Event.id, Person.name, Event.state)
        )
        return {name: (state, sources) for name, state, sources in rows.all()}


async def test_new_facts_are_created_dropped_ones_retired_and_a_second_run_changes_nothing(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    text = fake_extract.add("A", KEEPS, DROPPED)
    article_id = await ingest(sessions, text, "https://news.example/a")
    fake_extract.by_marker["A"] = [KEEPS, NEW]  # the engine changed: one fact lost, one found

    first = await run(sessions)
    assert counts(first) == {"created": 1, "retired": 1, "unchanged": 1}
    assert first.counts["retired"] == Counter({"appointment": 1})
    assert await events_by_person(sessions) == {
        "Dana Whitfield": ("active", 1),
        "Kim Sato": ("retired", 0),
        "Lena Brandt": ("active", 1),
    }
    async with sessions() as session:
        correction = (await session.execute(select(Correction))).scalar_one()
        article = await session.get(Article, article_id)
    assert (correction.action, correction.actor, correction.before, correction.after) == (
        "retire",
        "reextract",
        {"state": "active"},
        {"state": "retired"},
    )
    assert article is not None and article.extractor_version == EXTRACTOR_VERSION

    second = await run(sessions)
    assert counts(second) == {"unchanged": 2}
    assert second.changed == 0


async def test_dry_run_reports_the_differences_and_writes_nothing(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    text = fake_extract.add("A", KEEPS, DROPPED)
    await ingest(sessions, text, "https://news.example/a")
    fake_extract.by_marker["A"] = [KEEPS, NEW]
    before = await events_by_person(sessions)

    dry = await run(sessions, dry_run=True)
    assert counts(dry) == {"created": 1, "retired": 1, "unchanged": 1}
    assert await events_by_person(sessions) == before
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Correction))).scalar_one() == 0
    assert counts(await run(sessions)) == counts(dry)  # the real run does what the dry run said


@pytest.mark.parametrize(
    ("correction", "state"),
    [
        pytest.param(
            {"confirmed_at": dt.datetime(2025, 10, 22, tzinfo=dt.UTC), "confirmed_by": "ana"},
            "active",
            id="confirmed",
        ),
        pytest.param({"locked_fields": ["role"], "role": "chief financial officer"}, "active", id="edited"),
        pytest.param({"state": "rejected"}, "rejected", id="rejected"),
    ],
)
async def test_a_fact_a_person_corrected_is_not_retired(
    sessions: Sessions, fake_extract: FakeExtractor, correction: dict[str, object], state: str
) -> None:
    text = fake_extract.add("A", KEEPS, DROPPED)
    await ingest(sessions, text, "https://news.example/a")
    async with sessions() as session, session.begin():
        await session.execute(update(Event).where(Event.type == "appointment").values(**correction))
    fake_extract.by_marker["A"] = [KEEPS]

    summary = await run(sessions)
    assert summary.counts["retired"].total() == 0
    assert (await events_by_person(sessions))["Kim Sato"] == (state, 0)
    assert counts(await run(sessions)) == {"unchanged": 1}


async def test_an_analysts_edit_survives_reextraction(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    """The analyst moved the appointment to another company: the article still names the wrong
    one, and re-extraction neither recreates the wrong event nor undoes the edit."""
    text = fake_extract.add("A", KEEPS, DROPPED)
    await ingest(sessions, text, "https://news.example/a")
    async with sessions() as session, session.begin():
        right = Organization(name="Southwind Labs", name_key="southwind labs")
        session.add(right)
        await session.flush()
        await session.execute(
            update(Event)
            .where(Event.type == "appointment")
            .values(organization_id=right.id, date="2025-09-01", locked_fields=["organization", "date"])
        )

    assert counts(await run(sessions)) == {"unchanged": 2}
    async with sessions() as session:
        appointments = (
            (await session.execute(select(Event).where(Event.type == "appointment"))).scalars().all()
        )
    assert [(e.organization_id, e.date, e.state) for e in appointments] == [
        (right.id, "2025-09-01", "active")
    ]


async def test_a_fact_another_article_still_states_only_loses_this_source(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first = fake_extract.add("A", KEEPS, DROPPED)
    second = fake_extract.add("B", DROPPED)
    await ingest(sessions, first, "https://news.example/a")
    await ingest(sessions, second, "https://news.example/b")
    fake_extract.by_marker["A"] = [KEEPS]

    assert counts(await run(sessions)) == {"detached": 1, "unchanged": 2}
    assert (await events_by_person(sessions))["Kim Sato"] == ("active", 1)


async def test_a_retired_fact_stated_again_is_restored(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    text = fake_extract.add("A", KEEPS, DROPPED)
    await ingest(sessions, text, "https://news.example/a")
    fake_extract.by_marker["A"] = [KEEPS]
    await run(sessions)
    fake_extract.by_marker["A"] = [KEEPS, DROPPED]  # the rule came back

    assert counts(await run(sessions)) == {"restored": 1, "unchanged": 1}
    assert await events_by_person(sessions) == {"Dana Whitfield": ("active", 1), "Kim Sato": ("active", 1)}
    async with sessions() as session:
        actions = (await session.execute(select(Correction.action).order_by(Correction.id))).scalars().all()
    assert actions == ["retire", "restore"]


async def test_selection_by_article_and_publication_day(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    first = await ingest(sessions, fake_extract.add("A", KEEPS), "https://news.example/a")
    await ingest(sessions, fake_extract.add("B", NEW), "https://news.example/b")

    assert (await reextract(sessions, Selection(article_id=first))).articles == 1
    assert (await reextract(sessions, Selection(since=dt.date(2025, 10, 21)))).articles == 2
    assert (await reextract(sessions, Selection(since=dt.date(2025, 10, 22)))).articles == 0
    with pytest.raises(NotFound, match="no article with id 999"):
        await reextract(sessions, Selection(article_id=999))


async def test_an_article_that_fails_is_counted_and_the_run_goes_on(
    sessions: Sessions, fake_extract: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    await ingest(sessions, fake_extract.add("A", KEEPS), "https://news.example/a")
    await ingest(sessions, fake_extract.add("B", NEW), "https://news.example/b")

    def broken(text: str, published_at: dt.datetime, *, fmt: str = "auto") -> object:
        if "Article A." in text:
            raise ValueError("a rule tripped")
        return fake_extract(text, published_at, fmt=fmt)

    monkeypatch.setattr("tenure.ingest.reextract.extract", broken)
    summary = await run(sessions)
    assert summary.articles == 1
    assert [why for _, why in summary.failed] == ["unexpected error: ValueError: a rule tripped"]


async def test_several_articles_at_a_time_do_what_one_at_a_time_does(
    sessions: Sessions, fake_extract: FakeExtractor
) -> None:
    for n in range(6):
        person = f"Person{n} Example"
        fake_extract.add(
            f"P{n}",
            extracted(person=person, date="2025-10-20", precision="day", evidence=f"{person} is out."),
            extracted("appointment", person="Kim Sato", role="CFO", date="2025-10-20", precision="day"),
        )
        await ingest(sessions, f"Article P{n}. Some text about executives.", f"https://news.example/{n}")
    for n in range(6):  # every article stops stating Sato's appointment; the departures stay
        fake_extract.by_marker[f"P{n}"] = fake_extract.by_marker[f"P{n}"][:1]

    first = await run(sessions, jobs=3)
    assert (first.articles, counts(first)) == (6, {"detached": 5, "retired": 1, "unchanged": 6})
    assert (await events_by_person(sessions))["Kim Sato"] == ("retired", 0)
    assert counts(await run(sessions, jobs=3)) == {"unchanged": 6}
