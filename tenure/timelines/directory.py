"""People and companies as the API shows them: lookup (following merges), search, counts.

Search runs on the stored keys (name_key, alias_key), so it folds case, accents and punctuation
the same way entity resolution does: "gomez" finds "Gómez", "northwind" finds "Northwind Robotics".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, or_, select, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.errors import InvalidQuery
from tenure.models import Event, Organization, OrganizationAlias, Person, PersonAlias
from tenure.models.events import ACTIVE
from tenure.names.keys import name_key
from tenure.shape import AliasOut, EntityOut, EntityRef
from tenure.timelines.cursor import EntityCursor, decode_entity_cursor, encode_entity_cursor
from tenure.timelines.queries import EntityKind, canonical_entity

__all__ = [
    "EntityPage",
    "busiest_people",
    "busiest_person",
    "get_entity",
    "search_entities",
]


@dataclass(frozen=True, slots=True)
class _Tables:
    model: Any
    alias_model: Any
    owner: Any  # the alias column naming its entity
    event_column: Any
    collection: str  # the API path it is read under

    def timeline(self, entity_id: int) -> str:
        return f"/{self.collection}/{entity_id}/timeline"


_TABLES = {
    "person": _Tables(Person, PersonAlias, PersonAlias.person_id, Event.person_id, "people"),
    "organization": _Tables(
        Organization, OrganizationAlias, OrganizationAlias.organization_id, Event.organization_id, "companies"
    ),
}


async def get_entity(session: AsyncSession, kind: EntityKind, entity_id: int) -> EntityOut:
    """A person or company by id; a merged id answers with the entity it was merged into."""
    entity = await canonical_entity(session, kind, entity_id)
    return (await _views(session, kind, [EntityRef(entity.id, entity.name)]))[0]


@dataclass(frozen=True, slots=True)
class EntityPage:
    items: list[EntityOut]
    # Pass back as ?cursor= for the next page; None on the last page.
    next_cursor: str | None


async def search_entities(
    session: AsyncSession, kind: EntityKind, q: str | None, limit: int, cursor: str | None = None
) -> EntityPage:
    """Entities whose name or an alias contains q: exact, then word-prefix, then substring matches,
    each by name; without q, every entity by name. Pages by a keyset on (rank, name_key, id)."""
    tables = _TABLES[kind]
    model = tables.model
    after = None if cursor is None else decode_entity_cursor(cursor)
    if q is None:
        # Every entity has rank 0: the keyset is (name_key, id).
        query = select(model.id, model.name, model.name_key, literal(0)).where(model.merged_into_id.is_(None))
        if after is not None:
            query = query.where(tuple_(model.name_key, model.id) > tuple_(after.name_key, after.id))
        query = query.order_by(model.name_key, model.id)
    else:
        key = name_key(q, kind)
        if not key:
            raise InvalidQuery(f"q {q!r} has no letters or digits to search for")
        best = _best_ranks(tables, key)
        query = select(model.id, model.name, model.name_key, best.c.rank).join(best, best.c.id == model.id)
        if after is not None:
            position = tuple_(best.c.rank, model.name_key, model.id)
            query = query.where(position > tuple_(after.rank, after.name_key, after.id))
        query = query.order_by(best.c.rank, model.name_key, model.id)
    rows = (await session.execute(query.limit(limit + 1))).all()
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_entity_cursor(EntityCursor(rank=int(last[3]), name_key=last[2], id=last[0]))
    return EntityPage(await _views(session, kind, [EntityRef(row[0], row[1]) for row in rows]), next_cursor)


def _best_ranks(tables: _Tables, key: str) -> Any:
    """(id, rank) of every unmerged entity whose name or an alias contains key, best rank kept.

    Keys hold only letters, digits and spaces, so they go into LIKE patterns unescaped.
    """
    model, alias_model = tables.model, tables.alias_model

    def ranked(column: Any) -> Any:
        word_start = or_(column.like(f"{key}%"), column.like(f"% {key}%"))
        return case((column == key, 0), (word_start, 1), else_=2).label("rank")

    by_name = select(model.id.label("id"), ranked(model.name_key)).where(
        model.name_key.like(f"%{key}%"), model.merged_into_id.is_(None)
    )
    by_alias = (
        select(model.id.label("id"), ranked(alias_model.alias_key))
        .join(alias_model, tables.owner == model.id)
        .where(alias_model.alias_key.like(f"%{key}%"), model.merged_into_id.is_(None))
    )
    matches = union_all(by_name, by_alias).subquery()
    return select(matches.c.id, func.min(matches.c.rank).label("rank")).group_by(matches.c.id).subquery()


async def busiest_person(session: AsyncSession) -> EntityRef | None:
    """The person with the most events."""
    top = await busiest_people(session, 1)
    return top[0][0] if top else None


async def busiest_people(session: AsyncSession, limit: int) -> list[tuple[EntityRef, int]]:
    """The `limit` people with the most events, with their counts, most first.

    Ties go to the person stored first, so the demo links `tenure serve --demo-links` prints
    do not change between runs on the same data.
    """
    count = func.count(Event.id)
    query = (
        select(Person.id, Person.name, count)
        .join(Event, Event.person_id == Person.id)
        .where(Event.state == ACTIVE)
        .group_by(Person.id, Person.name)
        .order_by(count.desc(), Person.id)
        .limit(limit)
    )
    rows = (await session.execute(query)).all()
    return [(EntityRef(person_id, name), events) for person_id, name, events in rows]


async def _views(session: AsyncSession, kind: EntityKind, entities: list[EntityRef]) -> list[EntityOut]:
    if not entities:
        return []
    tables = _TABLES[kind]
    ids = [e.id for e in entities]
    alias_rows = await session.execute(
        select(tables.owner, tables.alias_model.alias, tables.alias_model.origin)
        .where(tables.owner.in_(ids))
        .order_by(tables.alias_model.id)
    )
    aliases: dict[int, list[AliasOut]] = {}
    for owner, alias, origin in alias_rows.all():
        aliases.setdefault(owner, []).append(AliasOut(alias, origin))
    count_rows = await session.execute(
        select(tables.event_column, func.count(Event.id))
        .where(tables.event_column.in_(ids), Event.state == ACTIVE)
        .group_by(tables.event_column)
    )
    counts = {owner: count for owner, count in count_rows.all()}
    return [
        EntityOut(e.id, e.name, aliases.get(e.id, []), int(counts.get(e.id, 0)), tables.timeline(e.id))
        for e in entities
    ]
