"""POST /articles, GET /articles (newest first, by source and publication day) and GET /articles/{id}."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.params import JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.deps import (
    CursorParam,
    IdPath,
    PageSize,
    PartialDateParam,
    ReadSession,
    SessionFactory,
    SettingsDep,
)
from tenure.api.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticleListOut,
    ArticleOut,
    article_detail,
    article_out,
)
from tenure.ingest.service import get_article
from tenure.ingest.submit import submit_article
from tenure.models import Article, Event
from tenure.timelines.articles import article_evidence, articles_page
from tenure.timelines.views import event_views


class ArticleController(Controller):
    path = "/articles"
    tags = ["articles"]

    @post(
        "/",
        summary="Ingest an article",
        description="Extracts and stores the article's events. 201 when new; 200 when the same URL "
        "or text was already stored (nothing changes).",
    )
    async def create(
        self, data: JSONBody[ArticleIn], sessions: SessionFactory, settings: SettingsDep
    ) -> Response[ArticleOut]:
        submitted = await submit_article(sessions, settings, data)
        status = HTTP_201_CREATED if submitted.created else HTTP_200_OK
        return Response(await _article_out(sessions, submitted.article, submitted.events), status_code=status)

    @get("/", summary="Stored articles, newest first, without their text")
    async def list_articles(
        self,
        session: ReadSession,
        page_size: PageSize,
        source: Annotated[str | None, QueryParameter(description="the publication, case ignored")] = None,
        since: PartialDateParam = None,
        until: PartialDateParam = None,
        cursor: CursorParam = None,
    ) -> ArticleListOut:
        page = await articles_page(
            session, source=source, since=since, until=until, cursor=cursor, limit=page_size
        )
        return ArticleListOut(items=page.items, next_cursor=page.next_cursor)

    @get("/{article_id:int}", summary="An article's stored text and where it states each of its events")
    async def read(self, article_id: IdPath, sessions: SessionFactory) -> ArticleDetail:
        stored = await get_article(sessions, article_id)
        async with sessions() as session:
            views = await event_views(session, stored.events)
            evidence = await article_evidence(session, article_id)
        return article_detail(stored.article, views, evidence)


async def _article_out(
    sessions: async_sessionmaker[AsyncSession], article: Article, events: list[Event]
) -> ArticleOut:
    async with sessions() as session:
        views = await event_views(session, events)
    return article_out(article, views)
