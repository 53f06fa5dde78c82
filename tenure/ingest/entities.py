"""Entity resolution: names in articles to stored people and organizations, aliases and merges.

A name resolves to what tenure.names.lookup finds for it; when nothing fits, a stored short
name is completed ("LeCun" stored before "Yann LeCun" arrives) or a new entity is created.
Functions taking a session flush and never commit; the public alias and merge services open
their own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import Conflict, InvalidInput, NotFound
from tenure.ingest.families import family_of
from tenure.ingest.merge import fold_same_facts
from tenure.models import Event, FormerFact, Organization, OrganizationAlias, Person, PersonAlias
from tenure.names.keys import name_key
from tenure.names.lookup import (
    BUILTIN_BY_KEY,
    ORGANIZATIONS,
    PEOPLE,
    EntityTable,
    alias_owners,
    by_key,
    canonical,
    find_entity,
    longer_forms,
    only_descriptors,
)
from tenure.security.sanitize import storable
from tenure.webhooks import outbox

__all__ = [
    "add_organization_alias",
    "add_person_alias",
    "checked_name",
    "ensure_alias",
    "merge_organizations",
    "merge_people",
    "name_key",
    "owners_of",
    "resolve_organization",
    "resolve_organizations",
    "resolve_people",
    "resolve_person",
]

# The longest name or alias stored (the columns are 300 characters on both back ends).
MAX_NAME_CHARS = 300


# --- resolution (inside the caller's transaction) ---------------------------------------------


async def resolve_person(session: AsyncSession, name: str) -> Person:
    """The stored person a name stands for, created (or completed) when there is none."""
    result: Person = await _resolve(session, PEOPLE, name)
    return result


async def resolve_organization(session: AsyncSession, name: str) -> Organization:
    result: Organization = await _resolve(session, ORGANIZATIONS, name)
    return result


async def resolve_people(session: AsyncSession, names: Iterable[str]) -> dict[str, Person]:
    """`resolve_person` for several names: one query for the names already stored as they are.

    Names without letters or digits are left out of the result.
    """
    return await _resolve_many(session, PEOPLE, names)


async def resolve_organizations(session: AsyncSession, names: Iterable[str]) -> dict[str, Organization]:
    return await _resolve_many(session, ORGANIZATIONS, names)


async def _resolve_many(session: AsyncSession, kind: EntityTable, names: Iterable[str]) -> dict[str, Any]:
    keys = {name: key for name in names if (key := name_key(name, kind.kind))}
    if not keys:
        return {}
    query = select(kind.model).where(kind.model.name_key.in_(set(keys.values())))
    stored = {row.name_key: row for row in (await session.execute(query)).scalars()}
    missing = {name: key for name, key in keys.items() if key not in stored}
    created = await _create_plainly_new(session, kind, missing) if missing else {}
    resolved: dict[str, Any] = {}
    # Sorted, so concurrent ingests create new entities in one order (no lock-order deadlock).
    for name in sorted(keys):
        entity = stored.get(keys[name]) or created.get(keys[name])
        resolved[name] = (
            await canonical(session, kind, entity)
            if entity is not None
            else await _resolve(session, kind, name)
        )
    return resolved


async def _create_plainly_new(
    session: AsyncSession, kind: EntityTable, missing: dict[str, str]
) -> dict[str, Any]:
    """Create at once, in a bounded number of statements, the names nothing stored can stand for.

    A name is plainly new when `_resolve` would create it as it is: no alias has its key, it is
    no built-in alias, and no stored name and no other new name of this article is a short or
    long form of it ("whitfield" and "dana whitfield", "tessellate" and "tessellate ai"; those
    lookups stay inside a name's family, tenure.ingest.families, which one query reads). When
    one is, the order of creation decides and `_resolve` takes them one by one. Returns the
    created entities by key.
    """
    keys = set(missing.values())
    candidates = {
        key
        for key in keys
        if not any(_forms_of(key, other, kind) for other in keys if other != key)
        and not (kind is ORGANIZATIONS and key in BUILTIN_BY_KEY)
    }
    if not candidates:
        return {}
    model, alias_model = kind.model, kind.alias_model
    families = sorted({family_of(key, kind.kind) for key in candidates})
    like = [model.name_key.like(f"% {word}" if kind is PEOPLE else f"{word} %") for word in families]
    members = list(
        (
            await session.execute(select(model.name_key).where(or_(model.name_key.in_(families), *like)))
        ).scalars()
    )
    aliased = select(alias_model.alias_key).where(alias_model.alias_key.in_(candidates))
    taken_keys = set((await session.execute(aliased)).scalars())
    plain = sorted(
        key
        for key in candidates
        if key not in taken_keys and not any(_forms_of(key, member, kind) for member in members)
    )
    if not plain:
        return {}
    names = {key: " ".join(name.split()) for name, key in missing.items() if key in plain}
    # One insert for all; a key a concurrent ingest created first is skipped and read back below.
    rows = [{"name": names[key], "name_key": key} for key in plain]
    await session.execute(_insert_new(session, model).values(rows))
    query = select(model).where(model.name_key.in_(plain))
    return {row.name_key: row for row in (await session.execute(query)).scalars()}


def _forms_of(key: str, other: str, kind: EntityTable) -> bool:
    """Whether one key may stand for the other: a surname alone for a full name, a company's
    name for itself with generic words after it (`find_entity`, `_shorter_forms`)."""
    if kind is PEOPLE:
        return (" " not in key and other.endswith(f" {key}")) or (
            " " not in other and key.endswith(f" {other}")
        )
    return other.startswith(f"{key} ") or key.startswith(f"{other} ")


def _insert_new(session: AsyncSession, model: Any) -> Any:
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(model).on_conflict_do_nothing()


async def _resolve(session: AsyncSession, kind: EntityTable, name: str) -> Any:
    name = " ".join(name.split())
    key = name_key(name, kind.kind)
    if not key:
        raise InvalidInput(f"{kind.label} name {name!r} has no letters or digits")
    found = await find_entity(session, kind, name)
    if found is not None:
        entity, how = found
        # A short form is not recorded as an alias: it stops standing for this entity as soon
        # as a second one shares it, so it is worked out afresh each time.
        if how == "builtin":
            await ensure_alias(session, kind, entity, name, "builtin")
        return entity
    builtin = BUILTIN_BY_KEY.get(key) if kind is ORGANIZATIONS else None
    if builtin is not None:
        entity = await _create(session, kind, builtin, name_key(builtin, kind.kind))
        await ensure_alias(session, kind, entity, name, "builtin")
        return entity
    shorter = await _shorter_forms(session, kind, key)
    if len(shorter) == 1:
        return await _complete_name(session, kind, shorter[0], name, key)
    return await _create(session, kind, name, key)


async def _shorter_forms(session: AsyncSession, kind: EntityTable, key: str) -> list[Any]:
    """Stored short names a full name completes: "LeCun" stored before "Yann LeCun" arrives.

    Only when no other stored full name shares the short form, or the short one could be either.
    """
    words = key.split()
    if len(words) < 2:
        return []
    model = kind.model
    if kind is PEOPLE:
        short_keys = [words[-1]]
    else:
        short_keys = [
            " ".join(words[:n]) for n in range(1, len(words)) if only_descriptors(" ".join(words[n:]))
        ]
    if not short_keys:
        return []
    query = select(model).where(model.name_key.in_(short_keys), model.merged_into_id.is_(None))
    shorter = list((await session.execute(query)).scalars())
    if len(shorter) != 1:
        return []
    rivals = await longer_forms(session, kind, shorter[0].name_key)
    return shorter if not rivals else []


async def _create(session: AsyncSession, kind: EntityTable, name: str, key: str) -> Any:
    """Insert a new entity; a concurrent ingest that created the same key first wins."""
    entity = kind.model(name=name, name_key=key)
    try:
        async with session.begin_nested():
            session.add(entity)
    except IntegrityError:
        existing = await by_key(session, kind, key)
        if existing is None:
            raise
        return existing
    return entity


async def _complete_name(session: AsyncSession, kind: EntityTable, entity: Any, name: str, key: str) -> Any:
    """Give a stored short-named entity its full name, keeping the short one as an alias."""
    old_name = entity.name
    try:
        async with session.begin_nested():
            entity.name, entity.name_key = name, key
    except IntegrityError:
        await session.refresh(entity)
        existing = await by_key(session, kind, key)
        if existing is None:
            raise
        return existing
    await ensure_alias(session, kind, entity, old_name, "extracted")
    return entity


async def ensure_alias(session: AsyncSession, kind: EntityTable, entity: Any, alias: str, origin: str) -> Any:
    key = name_key(alias, kind.kind)
    if not key or key == entity.name_key:
        return None
    owner_column = getattr(kind.alias_model, kind.owner)
    query = select(kind.alias_model).where(kind.alias_model.alias_key == key, owner_column == entity.id)
    existing = (await session.execute(query)).scalar()
    if existing is not None:
        return existing
    row = kind.alias_model(alias=alias, alias_key=key, origin=origin, **{kind.owner: entity.id})
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:  # the same alias added concurrently
        return (await session.execute(query)).scalar()
    return row


# --- analyst services (each its own transaction) ----------------------------------------------


async def add_person_alias(
    sessions: async_sessionmaker[AsyncSession], person_id: int, alias: str
) -> PersonAlias:
    """Record another name for a person (origin "analyst"); adding it twice is harmless.

    Raises NotFound for an unknown person, InvalidInput for an empty name, Conflict when the
    name already stands for another person. A merged person's alias goes to the one it became.
    """
    result: PersonAlias = await _add_alias(sessions, PEOPLE, person_id, alias)
    return result


async def add_organization_alias(
    sessions: async_sessionmaker[AsyncSession], organization_id: int, alias: str
) -> OrganizationAlias:
    result: OrganizationAlias = await _add_alias(sessions, ORGANIZATIONS, organization_id, alias)
    return result


async def _add_alias(
    sessions: async_sessionmaker[AsyncSession], kind: EntityTable, entity_id: int, alias: str
) -> Any:
    alias, key = checked_name(kind, alias, "alias")
    async with sessions() as session, session.begin():
        entity = await _get(session, kind, entity_id)
        entity = await canonical(session, kind, entity)
        rivals = [other for other in await owners_of(session, kind, key) if other.id != entity.id]
        if rivals:
            other = rivals[0]
            raise Conflict(
                f"alias {alias!r} already names {kind.label} {other.id} ({other.name}); "
                f"merge the two if they are the same {kind.label}"
            )
        if key == entity.name_key:
            raise InvalidInput(f"{alias!r} is already the name of {kind.label} {entity.id}")
        row = await ensure_alias(session, kind, entity, alias, "analyst")
        row.origin = "analyst"
        await session.flush()
        return row


def checked_name(kind: EntityTable, text: str, what: str) -> tuple[str, str]:
    """(name, key) of a name an analyst typed, spaces tidied; InvalidInput when it cannot be stored."""
    name = " ".join((storable(text) or "").split())
    if len(name) > MAX_NAME_CHARS:
        raise InvalidInput(f"{what} is {len(name):,} characters; the limit is {MAX_NAME_CHARS}")
    key = name_key(name, kind.kind)
    if not key:
        raise InvalidInput(f"{what} {name[:40]!r} has no letters or digits")
    if len(key) > MAX_NAME_CHARS:
        raise InvalidInput(f"{what} {name[:40]!r}... folds to over {MAX_NAME_CHARS} characters")
    return name, key


async def owners_of(session: AsyncSession, kind: EntityTable, key: str) -> list[Any]:
    """Every entity a key already names, by its own name or by an alias."""
    owners = await alias_owners(session, kind, key)
    by_name = await by_key(session, kind, key)
    if by_name is not None and all(o.id != by_name.id for o in owners):
        owners.append(by_name)
    return owners


async def _get(session: AsyncSession, kind: EntityTable, entity_id: int) -> Any:
    entity = await session.get(kind.model, entity_id)
    if entity is None:
        raise NotFound(f"no {kind.label} with id {entity_id}")
    return entity


async def merge_people(sessions: async_sessionmaker[AsyncSession], source_id: int, into_id: int) -> Person:
    """Fold one person into another: events and aliases move, the source's name becomes an alias.

    Events of the two that state one fact are folded into the older one (its sources move and
    its date refines); the changes go to the webhook outbox like an ingest's.

    The source row stays, pointing at the target (old ids keep resolving). Returns the target.
    Raises NotFound for unknown ids, Conflict (409) for a merge into itself, into a merged person,
    or of a person already merged.
    """
    result: Person = await _merge(sessions, PEOPLE, source_id, into_id)
    return result


async def merge_organizations(
    sessions: async_sessionmaker[AsyncSession], source_id: int, into_id: int
) -> Organization:
    result: Organization = await _merge(sessions, ORGANIZATIONS, source_id, into_id)
    return result


async def _merge(
    sessions: async_sessionmaker[AsyncSession], kind: EntityTable, source_id: int, into_id: int
) -> Any:
    if source_id == into_id:
        raise Conflict(f"cannot merge {kind.label} {source_id} into itself")
    async with sessions() as session, session.begin():
        await _lock_for_merge(session, kind, source_id, into_id)
        source = await _get(session, kind, source_id)
        target = await _get(session, kind, into_id)
        # Checked under the locks: a merge always points at a survivor (merged nowhere) and moves
        # a survivor, so no chain can close on itself, whatever merges run at the same moment.
        if target.merged_into_id is not None:
            raise Conflict(
                f"{kind.label} {into_id} was itself merged into {target.merged_into_id}; "
                f"merge into {target.merged_into_id} instead"
            )
        if source.merged_into_id is not None:
            raise Conflict(f"{kind.label} {source_id} was already merged into {source.merged_into_id}")
        await _move_aliases(session, kind, source.id, target)
        await session.execute(
            update(Event).where(kind.event_column == source.id).values({kind.event_column: target.id})
        )
        # What edited events said before their edits named the source too: a later article
        # naming the merged entity must still find them (tenure.ingest.merge.load_candidates).
        former = getattr(FormerFact, kind.event_column.key)
        await session.execute(update(FormerFact).where(former == source.id).values({former: target.id}))
        # Entities merged into the source earlier now point straight at the target.
        await session.execute(
            update(kind.model).where(kind.model.merged_into_id == source.id).values(merged_into_id=target.id)
        )
        source.merged_into_id = target.id
        await session.flush()
        await ensure_alias(session, kind, target, source.name, "merged")
        events = (await session.execute(select(Event).where(kind.event_column == target.id))).scalars().all()
        changes = await fold_same_facts(session, events)
        await session.flush()
        await outbox.enqueue_event_changes(session, changes)
        return target


async def _lock_for_merge(session: AsyncSession, kind: EntityTable, *ids: int) -> None:
    """Take both rows for writing before reading them, so opposite merges run one after the other.

    PostgreSQL: row locks in id order (no deadlock between A->B and B->A); the reads that follow
    see the winner's commit. SQLite: a no-op write as the transaction's first statement takes the
    database's write lock (waiting out busy_timeout), so the reads come after the other writer.
    """
    wanted = sorted(set(ids))
    table = kind.model
    if session.get_bind().dialect.name == "postgresql":
        query = select(table.id).where(table.id.in_(wanted)).order_by(table.id).with_for_update()
        await session.execute(query)
    else:
        await session.execute(
            update(table).where(table.id.in_(wanted)).values(merged_into_id=table.merged_into_id)
        )


async def _move_aliases(session: AsyncSession, kind: EntityTable, source_id: int, target: Any) -> None:
    owner_column = getattr(kind.alias_model, kind.owner)
    target_keys = set(
        (await session.execute(select(kind.alias_model.alias_key).where(owner_column == target.id))).scalars()
    )
    target_keys.add(target.name_key)
    rows = (await session.execute(select(kind.alias_model).where(owner_column == source_id))).scalars()
    for row in list(rows):
        if row.alias_key in target_keys:
            await session.delete(row)
        else:
            setattr(row, kind.owner, target.id)
            target_keys.add(row.alias_key)
    await session.flush()
