"""Followed sources: /sources (list, follow), /sources/{id} (status), pause, resume, delete.

Writes need an API key (as every write does); reads follow Settings.require_read_key.
"""

from __future__ import annotations

from datetime import datetime

import msgspec
from litestar import Controller, delete, get, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from tenure.api.deps import IdPath, SessionFactory, SettingsDep
from tenure.models import Source, SourceItem
from tenure.sources import registry
from tenure.sources.registry import NewSource

__all__ = ["SourceController"]


class SourceIn(msgspec.Struct, forbid_unknown_fields=True):
    url: str
    # "15m", "1h", "90s", "2d" or seconds; default Settings.sources_every.
    every: str | int | None = None
    name: str | None = None
    # auto (fetch once and see), feed or page.
    kind: str = "auto"


class ItemOut(msgspec.Struct):
    guid: str
    link: str | None
    outcome: str
    reason: str | None
    article_id: int | None
    seen_at: datetime


class SourceStatusOut(msgspec.Struct):
    id: int
    url: str
    name: str | None
    kind: str
    every_seconds: int
    # ok, new (never polled), backing off (failing), unhealthy (failing for a day) or paused.
    status: str
    paused: bool
    unhealthy: bool
    last_polled_at: datetime | None
    next_poll_at: datetime
    last_status: int | None
    items_seen: int
    items_new: int
    items_skipped: int
    last_error: str | None
    last_notice: str | None
    consecutive_failures: int
    failing_since: datetime | None
    created_at: datetime
    # Only on GET /sources/{id}: the latest items, newest first, skipped ones with their reasons.
    recent_items: list[ItemOut] | None = None


class SourceListOut(msgspec.Struct):
    items: list[SourceStatusOut]


def source_out(row: Source, recent: list[SourceItem] | None = None) -> SourceStatusOut:
    return SourceStatusOut(
        id=row.id,
        url=row.url,
        name=row.name,
        kind=row.kind,
        every_seconds=row.every_seconds,
        status=registry.source_status(row),
        paused=row.paused,
        unhealthy=row.unhealthy,
        last_polled_at=row.last_polled_at,
        next_poll_at=row.next_poll_at,
        last_status=row.last_status,
        items_seen=row.items_seen,
        items_new=row.items_new,
        items_skipped=row.items_skipped,
        last_error=row.last_error,
        last_notice=row.last_notice,
        consecutive_failures=row.consecutive_failures,
        failing_since=row.failing_since,
        created_at=row.created_at,
        recent_items=None
        if recent is None
        else [ItemOut(i.guid, i.link, i.outcome, i.reason, i.article_id, i.seen_at) for i in recent],
    )


class SourceController(Controller):
    path = "/sources"
    tags = ["sources"]

    @post(
        "/",
        status_code=HTTP_201_CREATED,
        summary="Follow a feed or a page",
        description="With kind auto the URL is fetched once: a feed is followed, an HTML page that "
        "announces a feed has that feed followed, any other page is taken as one article. A URL on a "
        "private, loopback, link-local or metadata address is refused with 422; one already followed "
        "with 409.",
    )
    async def create(
        self, data: JSONBody[SourceIn], sessions: SessionFactory, settings: SettingsDep
    ) -> SourceStatusOut:
        new = NewSource(url=data.url, every=data.every, name=data.name, kind=data.kind)
        return source_out(await registry.add_source(sessions, settings, new))

    @get("/", summary="Every followed source with its status")
    async def list_all(self, sessions: SessionFactory) -> SourceListOut:
        return SourceListOut([source_out(row) for row in await registry.list_sources(sessions)])

    @get("/{source_id:int}", summary="A source's status and its latest items")
    async def read(self, source_id: IdPath, sessions: SessionFactory) -> SourceStatusOut:
        row = await registry.get_source(sessions, source_id)
        return source_out(row, await registry.recent_items(sessions, source_id))

    @post("/{source_id:int}/pause", status_code=HTTP_200_OK, summary="Stop polling it")
    async def pause(self, source_id: IdPath, sessions: SessionFactory) -> SourceStatusOut:
        return source_out(await registry.pause_source(sessions, source_id))

    @post("/{source_id:int}/resume", status_code=HTTP_200_OK, summary="Poll it again, now")
    async def resume(self, source_id: IdPath, sessions: SessionFactory) -> SourceStatusOut:
        return source_out(await registry.resume_source(sessions, source_id))

    @delete("/{source_id:int}", status_code=HTTP_204_NO_CONTENT, summary="Stop following it (articles stay)")
    async def remove(self, source_id: IdPath, sessions: SessionFactory) -> None:
        await registry.remove_source(sessions, source_id)
