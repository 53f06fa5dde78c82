"""Corrections of people and companies: rename one, or split a wrong merge into two.

A rename keeps the old name as an alias, so articles naming it still resolve here. A split
creates a new entity and moves the chosen aliases and events to it: the moved events lock
their person (or organization) field, so extraction never moves them back, and each move is
in the event's history. Each is one transaction recorded in the corrections log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.corrections import Who, lock_event
from tenure.curation.history import record
from tenure.errors import Conflict, InvalidInput, NotFound
from tenure.ingest.entities import checked_name, ensure_alias, owners_of
from tenure.models import Organization, Person
from tenure.names.lookup import ORGANIZATIONS, PEOPLE, EntityTable, canonical
from tenure.timelines.queries import MAX_ID, EntityKind

__all__ = ["rename_entity", "split_entity"]

_TABLES = {"person": PEOPLE, "organization": ORGANIZATIONS}
# Most ids a split may name at once: enough for any real mix-up, small enough for one IN list.
MAX_SPLIT_ITEMS = 1000


async def rename_entity(
    sessions: async_sessionmaker[AsyncSession], kind: EntityKind, entity_id: int, name: str, who: Who
) -> Person | Organization:
    """Give a person or company another name; the old one stays as an alias.

    Raises NotFound, InvalidInput for an empty name, Conflict when the name is another entity's.
    """
    table = _TABLES[kind]
    new_name, key = checked_name(table, name, "name")
    async with sessions() as session, session.begin():
        entity: Person | Organization = await _entity(session, table, entity_id)
        _refuse_taken(await owners_of(session, table, key), entity, table, new_name)
        old_name = entity.name
        if new_name == old_name:
            return entity  # nothing changes, nothing to record
        if key != entity.name_key:
            await _drop_alias(session, table, entity.id, key)  # the alias becomes the name
            entity.name_key = key
        entity.name = new_name
        await session.flush()
        await ensure_alias(session, table, entity, old_name, "analyst")
        record(
            session, kind, entity.id, "rename", who.actor, {"name": old_name}, {"name": new_name}, who.reason
        )
        await session.flush()
        return entity


async def split_entity(
    sessions: async_sessionmaker[AsyncSession],
    kind: EntityKind,
    entity_id: int,
    name: str,
    aliases: Sequence[str],
    event_ids: Sequence[int],
    who: Who,
) -> Person | Organization:
    """A new entity named `name`, taking these aliases and events from the one merged wrongly.

    Raises NotFound, InvalidInput (nothing to move, an alias or event that is not the entity's),
    Conflict when the new name is already another entity's.
    """
    table = _TABLES[kind]
    new_name, key = checked_name(table, name, "name")
    if not aliases and not event_ids:
        raise InvalidInput(f"name the aliases or events that belong to the new {table.label}")
    if len(aliases) + len(event_ids) > MAX_SPLIT_ITEMS:
        raise InvalidInput(f"a split moves at most {MAX_SPLIT_ITEMS} aliases and events at once")
    async with sessions() as session, session.begin():
        source = await _entity(session, table, entity_id)
        alias_rows = await _own_aliases(session, table, source, aliases)
        moving_keys = {row.alias_key for row in alias_rows}
        if key == source.name_key:
            raise Conflict(f"{new_name!r} is the name of {table.label} {source.id}: rename it first")
        if key not in moving_keys:
            _refuse_taken(await owners_of(session, table, key), None, table, new_name)
        created = table.model(name=new_name, name_key=key)
        session.add(created)
        await session.flush()
        for row in alias_rows:
            if row.alias_key == key:
                await session.delete(row)  # the alias becomes the new entity's name
            else:
                setattr(row, table.owner, created.id)
        moved = await _move_events(session, table, source, created, event_ids, who)
        moved_aliases = [row.alias for row in alias_rows]
        record(
            session,
            kind,
            source.id,
            "split",
            who.actor,
            {"aliases": moved_aliases, "events": moved},
            {"into": {"id": created.id, "name": created.name}},
            who.reason,
        )
        record(
            session,
            kind,
            created.id,
            "split",
            who.actor,
            {"from": {"id": source.id, "name": source.name}},
            {"name": created.name, "aliases": moved_aliases, "events": moved},
            who.reason,
        )
        await session.flush()
        found: Person | Organization = created
        return found


async def _entity(session: AsyncSession, table: EntityTable, entity_id: int) -> Any:
    """The entity an id stands for, following merges, locked for writing (on PostgreSQL)."""
    entity = None
    if 0 < entity_id <= MAX_ID:
        query = select(table.model).where(table.model.id == entity_id)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update()
        entity = (await session.execute(query)).scalar()
    if entity is None:
        raise NotFound(f"no {table.label} with id {entity_id}")
    return await canonical(session, table, entity)


def _refuse_taken(owners: list[Any], entity: Any, table: EntityTable, name: str) -> None:
    others = [owner for owner in owners if entity is None or owner.id != entity.id]
    if others:
        other = others[0]
        raise Conflict(
            f"{name!r} already names {table.label} {other.id} ({other.name}); "
            f"merge the two if they are the same {table.label}"
        )


async def _own_aliases(
    session: AsyncSession, table: EntityTable, entity: Any, aliases: Sequence[str]
) -> list[Any]:
    """The alias rows of `entity` these names stand for; a name that is not one is refused."""
    owner = getattr(table.alias_model, table.owner)
    rows = {
        row.alias_key: row
        for row in (await session.execute(select(table.alias_model).where(owner == entity.id))).scalars()
    }
    found: list[Any] = []
    for alias in aliases:
        _, key = checked_name(table, alias, "alias")
        row = rows.get(key)
        if row is None:
            raise InvalidInput(f"{alias!r} is not an alias of {table.label} {entity.id} ({entity.name})")
        if row not in found:
            found.append(row)
    return found


async def _drop_alias(session: AsyncSession, table: EntityTable, entity_id: int, key: str) -> None:
    owner = getattr(table.alias_model, table.owner)
    query = select(table.alias_model).where(owner == entity_id, table.alias_model.alias_key == key)
    for row in list((await session.execute(query)).scalars()):
        await session.delete(row)
    await session.flush()


async def _move_events(
    session: AsyncSession, table: EntityTable, source: Any, created: Any, event_ids: Sequence[int], who: Who
) -> list[int]:
    """Move the events to the new entity, each locked, recorded and its revision bumped."""
    field = table.kind  # "person" or "organization": the event field an analyst now owns
    column = table.event_column.key
    moved: list[int] = []
    for event_id in sorted(set(event_ids)):
        event = await lock_event(session, event_id, None)
        if getattr(event, column) != source.id:
            raise InvalidInput(f"event {event_id} is not {source.name}'s ({table.label} {source.id})")
        setattr(event, column, created.id)
        event.locked_fields = sorted(set(event.locked_fields or []) | {field})
        event.revision += 1
        record(
            session,
            "event",
            event.id,
            "split",
            who.actor,
            {field: {"id": source.id, "name": source.name}},
            {field: {"id": created.id, "name": created.name}},
            who.reason,
        )
        moved.append(event.id)
    return moved
