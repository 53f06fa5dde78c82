"""Articles submitted through the API: validate the request, fetch a URL if asked, ingest.

The HTTP layer hands over the raw fields; this module decides what they mean (a URL without
text is fetched, a fetched page without published_at is dated when it was fetched) and returns
the stored article with its events; the caller reads them in their public shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import ArticleTooLarge, InvalidInput
from tenure.ingest.fetch import FetchedPage, fetch_article
from tenure.ingest.published import parse_published_at
from tenure.ingest.service import ARTICLE_FORMATS, ArticleInput, get_article, ingest_article
from tenure.models import Article, Event
from tenure.settings import Settings

__all__ = ["Submission", "SubmittedArticle", "read_article", "submit_article"]

# Media types of fetched pages and the article format each is read as.
_FORMAT_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "html",
    "application/atom+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
}


@dataclass(frozen=True, slots=True)
class Submission:
    text: str | None
    published_at: str | None
    format: str = "auto"
    url: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass(slots=True)
class SubmittedArticle:
    article: Article
    events: list[Event]
    created: bool


async def submit_article(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, submission: Submission
) -> SubmittedArticle:
    if submission.format not in ARTICLE_FORMATS:
        raise InvalidInput(f"format {submission.format!r} is not one of {', '.join(ARTICLE_FORMATS)}")
    data = await _article_input(settings, submission)
    if len(data.text.encode("utf-8")) > settings.max_article_bytes:
        raise ArticleTooLarge(
            f"the article is over {settings.max_article_bytes:,} bytes: send the article's main text only"
        )
    result = await ingest_article(sessions, data)
    return SubmittedArticle(article=result.article, events=result.events, created=result.created)


async def read_article(sessions: async_sessionmaker[AsyncSession], article_id: int) -> SubmittedArticle:
    stored = await get_article(sessions, article_id)
    return SubmittedArticle(article=stored.article, events=stored.events, created=False)


async def _article_input(settings: Settings, submission: Submission) -> ArticleInput:
    text, fmt, url, title = submission.text, submission.format, submission.url, submission.title
    published_at = _published_at(submission.published_at)
    if text is None or not text.strip():
        if text is not None or not url:
            raise InvalidInput("text is empty: give the article's text, or a url without text to fetch it")
        page = await _fetch(url, settings)
        text, url = page.text, page.final_url or url
        title = title or page.title
        if fmt == "auto":
            # The fetcher says how its text reads (HTML comes back as its cleaned main text).
            fmt = getattr(page, "format", None) or _FORMAT_BY_MEDIA_TYPE.get(
                page.content_type.split(";")[0].strip().lower(), "auto"
            )
        if published_at is None:
            # A fetched page carries no reliable publication time: date it when it was read.
            published_at = dt.datetime.now(dt.UTC)
    if published_at is None:
        raise InvalidInput("published_at is required with text, e.g. 2025-11-12T09:30:00+08:00")
    return ArticleInput(
        text=text, published_at=published_at, url=url, title=title, source=submission.source, format=fmt
    )


def _published_at(value: str | None) -> dt.datetime | None:
    if value is None or not value.strip():
        return None
    return parse_published_at(value)


async def _fetch(url: str, settings: Settings) -> FetchedPage:
    return await fetch_article(url, settings)
