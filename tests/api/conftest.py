"""API fixtures: the app on the test database behind Litestar's test client, and a row builder.

Rows go in through the models directly when a test is about reading, so timelines and filters
are tested against known data, independent of what the extractor finds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.app import create_app
from tenure.ingest.merge import sort_date_for
from tenure.models import Article, Event, EventSource, Organization, Person
from tenure.names.keys import name_key
from tenure.settings import Settings

PUBLISHED = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, page_size_default=3, page_size_max=10)


@pytest.fixture
def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture
async def client(app: Litestar, api_key: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=app) as test_client:
        # Writes need a key (tenure.api.auth); tests of keys themselves override this header.
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


@dataclass
class Rows:
    """Inserts people, companies, articles and events; remembers ids by name."""

    sessions: async_sessionmaker[AsyncSession]
    ids: dict[str, int] = field(default_factory=dict)
    _articles: int = 0

    async def person(self, name: str) -> int:
        return await self._entity(Person(name=name, name_key=name_key(name, "person")), name)

    async def company(self, name: str) -> int:
        return await self._entity(Organization(name=name, name_key=name_key(name, "organization")), name)

    async def _entity(self, row: Any, name: str) -> int:
        async with self.sessions() as session, session.begin():
            session.add(row)
        self.ids[name] = row.id
        return int(row.id)

    async def event(
        self,
        type_: str = "departure",
        person: str | None = None,
        company: str | None = None,
        date: str | None = None,
        precision: str | None = None,
        status: str | None = None,
        confidence: float = 0.8,
        sources: int = 1,
        role: str | None = None,
    ) -> int:
        if precision is None and date is not None:
            precision = {4: "year", 7: "month", 10: "day"}[len(date)]
        async with self.sessions() as session, session.begin():
            event = Event(
                type=type_,
                person_id=self.ids[person] if person else None,
                organization_id=self.ids[company] if company else None,
                role=role,
                date=date,
                date_precision=precision,
                sort_date=sort_date_for(date, precision),
                status=status,
                details={"status": status} if status else {},
                confidence=confidence,
            )
            session.add(event)
            await session.flush()
            for _ in range(sources):
                self._articles += 1
                article = Article(
                    url=f"https://news.example.com/{self._articles}",
                    title=f"Story {self._articles}",
                    source="Example News",
                    published_at=PUBLISHED,
                    content_hash=f"{self._articles:064d}",
                    text=f"Story {self._articles}.",
                    format="text",
                )
                session.add(article)
                await session.flush()
                evidence = f"Evidence sentence {self._articles}."
                session.add(
                    EventSource(
                        event_id=event.id,
                        article_id=article.id,
                        evidence=evidence,
                        evidence_start=0,
                        evidence_end=len(evidence),
                        date=date,
                        date_precision=precision,
                        confidence=confidence,
                    )
                )
        return int(event.id)


@pytest.fixture
def rows(sessions: async_sessionmaker[AsyncSession]) -> Rows:
    return Rows(sessions)


def assert_problem(response: Any, status: int, *fragments: str) -> dict[str, Any]:
    """The response is RFC 9457 problem details with this status, mentioning each fragment."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail"} <= body.keys()
    for fragment in fragments:
        assert fragment in body["detail"], body
    return body
