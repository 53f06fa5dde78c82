"""Articles submitted through the API: read the request, fetch a URL if asked, ingest.

The HTTP layer hands over the request body (ArticleIn, whose msgspec type is also the OpenAPI's);
this module decides what it means (a URL without text is fetched, a fetched page without
published_at is dated when it was fetched) and passes the article to the front door,
`ingest_article`, which checks it. The caller reads the result in its public shape.
"""

from __future__ import annotations

import datetime as dt

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import InvalidInput
from tenure.ingest.fetch import FetchedPage, fetch_article
from tenure.ingest.published import parse_published_at
from tenure.ingest.service import ArticleInput, IngestResult, ingest_article
from tenure.settings import Settings

__all__ = ["ArticleIn", "submit_article"]

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


class ArticleIn(msgspec.Struct, forbid_unknown_fields=True):
    """An article to ingest: its text, or only a url for the server to fetch."""

    text: str | None = None
    # auto, text, markdown or html; auto guesses from the text.
    format: str = "auto"
    # RFC 3339 with a UTC offset; required with text, defaults to the fetch time for a url.
    published_at: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


async def submit_article(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, submission: ArticleIn
) -> IngestResult:
    data = await _article_input(settings, submission)
    return await ingest_article(sessions, data, max_bytes=settings.max_article_bytes)


async def _article_input(settings: Settings, submission: ArticleIn) -> ArticleInput:
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
