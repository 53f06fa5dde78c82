"""Stored articles for analysts: the newest-first list with its filters, and where one article
states each of its events (rejected and retired ones included, with their state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from tenure.models import Article, Event, EventSource
from tenure.models.articles import listing_fields
from tenure.models.events import ACTIVE
from tenure.shape import ArticleEvidence, ArticleSummary
from tenure.timelines.cursor import ArticleCursor, decode_article_cursor, encode_article_cursor
from tenure.timelines.filters import parse_filter

__all__ = ["ArticlePage", "article_evidence", "articles_page"]


@dataclass(slots=True)
class ArticlePage:
    items: list[ArticleSummary]
    next_cursor: str | None


async def articles_page(
    session: AsyncSession,
    *,
    source: str | None,
    since: str | None,
    until: str | None,
    cursor: str | None,
    limit: int,
) -> ArticlePage:
    """Articles newest first by publication time; since/until are inclusive UTC days
    (YYYY, YYYY-MM or YYYY-MM-DD, parsed as the event filter parses them); source is the
    publication's name, case ignored."""
    bounds = parse_filter(since=since, until=until)
    # The text can be large and a list does not show it.
    query = select(Article).options(defer(Article.text, raiseload=True))
    if source and source.strip():
        query = query.where(func.lower(Article.source) == source.strip().lower())
    if bounds.since is not None:
        query = query.where(Article.published_at >= _midnight(bounds.since))
    if bounds.until is not None:
        query = query.where(Article.published_at < _midnight(bounds.until + dt.timedelta(days=1)))
    if cursor is not None:
        after = decode_article_cursor(cursor)
        query = query.where(tuple_(Article.published_at, Article.id) < tuple_(after.published_at, after.id))
    query = query.order_by(Article.published_at.desc(), Article.id.desc()).limit(limit + 1)
    articles = list((await session.execute(query)).scalars())
    next_cursor = None
    if len(articles) > limit:
        articles = articles[:limit]
        last = articles[-1]
        next_cursor = encode_article_cursor(ArticleCursor(last.published_at, last.id))
    counts = await _event_counts(session, [a.id for a in articles])
    return ArticlePage([_summary(a, counts.get(a.id, 0)) for a in articles], next_cursor)


async def article_evidence(session: AsyncSession, article_id: int) -> list[ArticleEvidence]:
    """Each event the article is a source of, in the order the article states them."""
    query = (
        select(EventSource, Event.state)
        .join(Event, Event.id == EventSource.event_id)
        .where(EventSource.article_id == article_id)
        .order_by(EventSource.evidence_start, EventSource.id)
    )
    return [
        ArticleEvidence(
            event_id=source.event_id,
            state=state,  # type: ignore[arg-type]  # a stored value from EventState
            rule_id=source.rule_id,
            confidence=round(source.confidence, 3),
            evidence=source.evidence,
            evidence_span=(source.evidence_start, source.evidence_end),
            date_text=source.date_text,
        )
        for source, state in (await session.execute(query)).all()
    ]


async def _event_counts(session: AsyncSession, article_ids: list[int]) -> dict[int, int]:
    if not article_ids:
        return {}
    query = (
        select(EventSource.article_id, func.count())
        .join(Event, Event.id == EventSource.event_id)
        .where(EventSource.article_id.in_(article_ids), Event.state == ACTIVE)
        .group_by(EventSource.article_id)
    )
    return {article_id: int(count) for article_id, count in (await session.execute(query)).all()}


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _summary(article: Article, event_count: int) -> ArticleSummary:
    return ArticleSummary(
        **listing_fields(article),
        extractor_version=article.extractor_version,
        event_count=event_count,
    )
