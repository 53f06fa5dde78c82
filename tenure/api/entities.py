"""People and companies: search, read, timeline, add an alias, merge, rename, split, history.

/people and /companies share one shape; each controller names its kind and the services do
the rest. A merged id answers as the entity it was merged into.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from litestar import Controller, Request, get, patch, post
from litestar.params import JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from tenure.api.curation import actor_of
from tenure.api.deps import (
    CursorParam,
    IdPath,
    ListingDep,
    PageSize,
    ReadSession,
    SessionFactory,
)
from tenure.api.schemas import (
    AliasIn,
    EntityListOut,
    EntityOut,
    MergeIn,
    RenameIn,
    SplitIn,
    TimelineOut,
)
from tenure.curation.entities import rename_entity, split_entity
from tenure.curation.history import history
from tenure.ingest.entities import (
    add_organization_alias,
    add_person_alias,
    merge_organizations,
    merge_people,
)
from tenure.shape import CorrectionOut
from tenure.timelines.directory import get_entity, search_entities
from tenure.timelines.queries import EntityKind
from tenure.timelines.reads import timeline_rows


class _EntityController(Controller):
    kind: ClassVar[EntityKind]

    @get("/", summary="Search by name or alias (case and accents ignored)")
    async def search(
        self,
        session: ReadSession,
        page_size: PageSize,
        q: Annotated[str | None, QueryParameter(description="part of a name or alias")] = None,
        cursor: CursorParam = None,
    ) -> EntityListOut:
        page = await search_entities(session, self.kind, q, page_size, cursor)
        return EntityListOut(items=page.items, next_cursor=page.next_cursor)

    @get("/{entity_id:int}", summary="One entity with its aliases")
    async def read(self, entity_id: IdPath, session: ReadSession) -> EntityOut:
        return await get_entity(session, self.kind, entity_id)

    @get("/{entity_id:int}/timeline", summary="Events in date order, undated last, with their sources")
    async def timeline(
        self,
        entity_id: IdPath,
        listing: ListingDep,
        cursor: CursorParam = None,
    ) -> TimelineOut:
        subject, items, next_cursor = await timeline_rows(
            listing.reader, self.kind, entity_id, listing.event_filter, cursor, listing.page_size
        )
        return TimelineOut(subject=subject, items=items, next_cursor=next_cursor)

    @post("/{entity_id:int}/aliases", status_code=HTTP_201_CREATED, summary="Add another name")
    async def add_alias(
        self, entity_id: IdPath, data: JSONBody[AliasIn], sessions: SessionFactory
    ) -> EntityOut:
        if self.kind == "person":
            alias = await add_person_alias(sessions, entity_id, data.alias)
            owner = alias.person_id
        else:
            org_alias = await add_organization_alias(sessions, entity_id, data.alias)
            owner = org_alias.organization_id
        async with sessions() as session:
            return await get_entity(session, self.kind, owner)

    @post("/{entity_id:int}/merge", status_code=HTTP_200_OK, summary="Merge into another (same entity)")
    async def merge(self, entity_id: IdPath, data: JSONBody[MergeIn], sessions: SessionFactory) -> EntityOut:
        merge = merge_people if self.kind == "person" else merge_organizations
        survivor = await merge(sessions, entity_id, data.into)
        async with sessions() as session:
            return await get_entity(session, self.kind, survivor.id)

    @patch("/{entity_id:int}", summary="Rename (the old name stays as an alias)")
    async def rename(
        self,
        request: Request[Any, Any, Any],
        entity_id: IdPath,
        data: JSONBody[RenameIn],
        sessions: SessionFactory,
    ) -> EntityOut:
        renamed = await rename_entity(
            sessions, self.kind, entity_id, data.name, actor_of(request, data.reason)
        )
        async with sessions() as session:
            return await get_entity(session, self.kind, renamed.id)

    @post(
        "/{entity_id:int}/split",
        status_code=HTTP_201_CREATED,
        summary="Split a wrong merge: a new entity takes the chosen aliases and events",
    )
    async def split(
        self,
        request: Request[Any, Any, Any],
        entity_id: IdPath,
        data: JSONBody[SplitIn],
        sessions: SessionFactory,
    ) -> EntityOut:
        who = actor_of(request, data.reason)
        created = await split_entity(
            sessions, self.kind, entity_id, data.name, data.aliases, data.events, who
        )
        async with sessions() as session:
            return await get_entity(session, self.kind, created.id)

    @get("/{entity_id:int}/history", summary="Renames and splits, oldest first")
    async def history(self, entity_id: IdPath, session: ReadSession) -> list[CorrectionOut]:
        entity = await get_entity(session, self.kind, entity_id)
        return await history(session, self.kind, entity.id)


class PersonController(_EntityController):
    path = "/people"
    tags = ["people"]
    kind = "person"


class CompanyController(_EntityController):
    path = "/companies"
    tags = ["companies"]
    kind = "organization"
