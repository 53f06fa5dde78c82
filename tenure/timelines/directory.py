"""People and companies as the API shows them: lookup (following merges), search, counts.

Search runs on the stored keys (name_key, alias_key), so it folds case, accents and punctuation
the same way entity resolution does: "gomez" finds "Gómez", "northwind" finds "Northwind Robotics".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.errors import InvalidQuery
from tenure.ingest.names import name_key
from tenure.models import Event, Organization, OrganizationAlias, Person, PersonAlias
from tenure.timelines.queries import EntityKind, Named, canonical_entity

__all__ = ["Alias", "EntityView", "busiest_people", "busiest_person", "get_entity", "search_entities"]

# Candidates read per search before ranking; far above any page a person reads.
_SEARCH_SCAN = 500


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    origin: str


@dataclass(frozen=True, slots=True)
class EntityView:
    id: int
    name: str
    aliases: list[Alias]
    event_count: int


@dataclass(frozen=True, slots=True)
class _Tables:
    model: Any
    alias_model: Any
    owner: Any  # the alias column naming its entity
    event_column: Any


_TABLES = {
    "person": _Tables(Person, PersonAlias, PersonAlias.person_id, Event.person_id),
    "organization": _Tables(
        Organization, OrganizationAlias, OrganizationAlias.organization_id, Event.organization_id
    ),
}


async def get_entity(session: AsyncSession, kind: EntityKind, entity_id: int) -> EntityView:
    """A person or company by id; a merged id answers with the entity it was merged into."""
    entity = await canonical_entity(session, kind, entity_id)
    return (await _views(session, kind, [Named(entity.id, entity.name)]))[0]


async def search_entities(
    session: AsyncSession, kind: EntityKind, q: str | None, limit: int
) -> list[EntityView]:
    """Entities whose name or an alias contains q; exact, then prefix, then substring matches.

    Without q, the first `limit` entities by name.
    """
    if q is None:
        return await _first_by_name(session, kind, limit)
    key = name_key(q, kind)
    if not key:
        raise InvalidQuery(f"q {q!r} has no letters or digits to search for")
    tables = _TABLES[kind]
    model, alias_model = tables.model, tables.alias_model
    pattern = f"%{key}%"  # keys hold only letters, digits and spaces: nothing to escape
    by_name = select(model.id, model.name, model.name_key).where(
        model.name_key.like(pattern), model.merged_into_id.is_(None)
    )
    by_alias = (
        select(model.id, model.name, alias_model.alias_key)
        .join(alias_model, tables.owner == model.id)
        .where(alias_model.alias_key.like(pattern), model.merged_into_id.is_(None))
    )
    best: dict[int, tuple[int, str]] = {}
    for statement in (by_name.limit(_SEARCH_SCAN), by_alias.limit(_SEARCH_SCAN)):
        for entity_id, name, matched_key in (await session.execute(statement)).all():
            rank = _rank(key, matched_key)
            if entity_id not in best or rank < best[entity_id][0]:
                best[entity_id] = (rank, name)
    ordered = sorted(best.items(), key=lambda item: (item[1][0], item[1][1].casefold(), item[0]))
    return await _views(session, kind, [Named(i, name) for i, (_, name) in ordered[:limit]])


async def busiest_person(session: AsyncSession) -> Named | None:
    """The person with the most events."""
    top = await busiest_people(session, 1)
    return top[0][0] if top else None


async def busiest_people(session: AsyncSession, limit: int) -> list[tuple[Named, int]]:
    """The `limit` people with the most events, with their counts, most first.

    Ties go to the person stored first, so the demo links `tenure serve --demo-links` prints
    do not change between runs on the same data.
    """
    count = func.count(Event.id)
    query = (
        select(Person.id, Person.name, count)
        .join(Event, Event.person_id == Person.id)
        .group_by(Person.id, Person.name)
        .order_by(count.desc(), Person.id)
        .limit(limit)
    )
    rows = (await session.execute(query)).all()
    return [(Named(person_id, name), events) for person_id, name, events in rows]


async def _first_by_name(session: AsyncSession, kind: EntityKind, limit: int) -> list[EntityView]:
    model = _TABLES[kind].model
    query = select(model.id, model.name).where(model.merged_into_id.is_(None))
    rows = await session.execute(query.order_by(model.name_key, model.id).limit(limit))
    return await _views(session, kind, [Named(i, name) for i, name in rows.all()])


def _rank(key: str, matched: str) -> int:
    if matched == key:
        return 0
    if matched.startswith(key) or f" {key}" in f" {matched}":
        return 1  # the name, or one of its words, starts with q
    return 2


async def _views(session: AsyncSession, kind: EntityKind, entities: list[Named]) -> list[EntityView]:
    if not entities:
        return []
    tables = _TABLES[kind]
    ids = [e.id for e in entities]
    alias_rows = await session.execute(
        select(tables.owner, tables.alias_model.alias, tables.alias_model.origin)
        .where(tables.owner.in_(ids))
        .order_by(tables.alias_model.id)
    )
    aliases: dict[int, list[Alias]] = {}
    for owner, alias, origin in alias_rows.all():
        aliases.setdefault(owner, []).append(Alias(alias, origin))
    count_rows = await session.execute(
        select(tables.event_column, func.count(Event.id))
        .where(tables.event_column.in_(ids))
        .group_by(tables.event_column)
    )
    counts = {owner: count for owner, count in count_rows.all()}
    return [EntityView(e.id, e.name, aliases.get(e.id, []), int(counts.get(e.id, 0))) for e in entities]
