"""POST /articles and GET /articles/{id}."""

from __future__ import annotations

from litestar import Controller, Response, get, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.deps import IdPath, SessionFactory, SettingsDep
from tenure.api.schemas import ArticleOut, article_out
from tenure.ingest.service import get_article
from tenure.ingest.submit import ArticleIn, submit_article
from tenure.models import Article, Event
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

    @get("/{article_id:int}", summary="An article and the events it reports")
    async def read(self, article_id: IdPath, sessions: SessionFactory) -> ArticleOut:
        stored = await get_article(sessions, article_id)
        return await _article_out(sessions, stored.article, stored.events)


async def _article_out(
    sessions: async_sessionmaker[AsyncSession], article: Article, events: list[Event]
) -> ArticleOut:
    async with sessions() as session:
        views = await event_views(session, events)
    return article_out(article, views)
