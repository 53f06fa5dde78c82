"""What a name stands for among the stored people and organizations: lookups that never write.

A name is found, in order, by its key (keys.py), by a known alias (analyst, extracted, or the
small built-in table below), then by its short form when exactly one stored entity fits: a
surname alone for a person ("Whitfield" -> "Dana Whitfield"), a name without its descriptor for
an organization ("Northwind" -> "Northwind Robotics"). An entity merged into another is found
as the one it was merged into. Ingest (which also creates entities) and the read side (the
/events person and company filters) both use these, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.errors import InvalidInput
from tenure.models import Event, Organization, OrganizationAlias, Person, PersonAlias
from tenure.names.keys import EntityKind, name_key

__all__ = [
    "BUILTIN_BY_KEY",
    "BUILTIN_ORGANIZATION_ALIASES",
    "ORGANIZATIONS",
    "ORGANIZATION_DESCRIPTORS",
    "PEOPLE",
    "EntityTable",
    "alias_owners",
    "by_key",
    "canonical",
    "find_entity",
    "find_organization",
    "find_person",
    "longer_forms",
    "only_descriptors",
]

# Names the press uses for a company that is stored under another: (alias, canonical, reason).
# Kept tiny on purpose: an entry is a claim that two names are one company. A subsidiary or a
# parent is NOT an alias: Google is not Alphabet (people move between them as between companies).
BUILTIN_ORGANIZATION_ALIASES: tuple[tuple[str, str, str], ...] = (
    ("Facebook", "Meta", "the company renamed itself Meta Platforms in October 2021"),
    ("Meta Platforms", "Meta", "its legal name; the press says Meta"),
    ("International Business Machines", "IBM", "IBM's legal name, spelled out"),
)
BUILTIN_BY_KEY = {
    name_key(alias, "organization"): canonical for alias, canonical, _ in BUILTIN_ORGANIZATION_ALIASES
}

# Generic words that may follow a company's distinctive name, so "Northwind" can stand for
# "Northwind Robotics" when no other stored company starts that way. Each: (word, example).
# "Meta" never stands for "Meta Superintelligence Labs": "superintelligence" is not generic.
ORGANIZATION_DESCRIPTORS: tuple[tuple[str, str], ...] = (
    ("robotics", "Northwind Robotics"),
    ("dynamics", "Kestrel Dynamics"),
    ("systems", "Brightwater Systems"),
    ("ai", "Tessellate AI"),
    ("technologies", "Harbor Technologies"),
    ("technology", "Ledger Technology"),
    ("ventures", "Calloway Ventures"),
    ("partners", "Ridgeline Partners"),
    ("capital", "Ridgeline Capital"),
    ("group", "Ledger Group"),
    ("holdings", "Atlas Holdings"),
    ("software", "Vogt Software"),
    ("networks", "Salgado Networks"),
    ("labs", "Lindqvist Labs"),
    ("media", "Harbor Media"),
    ("industries", "Ferreira Industries"),
    ("therapeutics", "Marsh Therapeutics"),
)
_DESCRIPTOR_WORDS = frozenset(word for word, _ in ORGANIZATION_DESCRIPTORS)
# Merge pointers are followed at most this far (a cycle would be a bug, not a reason to hang).
_MAX_MERGE_HOPS = 32


@dataclass(frozen=True, slots=True)
class EntityTable:
    kind: EntityKind
    model: Any  # Person or Organization
    alias_model: Any  # PersonAlias or OrganizationAlias
    owner: str  # the alias column naming its entity
    event_column: Any  # Event.person_id or Event.organization_id
    label: str


PEOPLE = EntityTable("person", Person, PersonAlias, "person_id", Event.person_id, "person")
ORGANIZATIONS = EntityTable(
    "organization", Organization, OrganizationAlias, "organization_id", Event.organization_id, "organization"
)


async def find_person(session: AsyncSession, name: str) -> Person | None:
    """The stored person a name stands for, or None; never creates anything."""
    found = await find_entity(session, PEOPLE, name)
    return found[0] if found else None


async def find_organization(session: AsyncSession, name: str) -> Organization | None:
    found = await find_entity(session, ORGANIZATIONS, name)
    return found[0] if found else None


async def find_entity(session: AsyncSession, kind: EntityTable, name: str) -> tuple[Any, str] | None:
    """(entity, how) with how in exact, builtin, alias, short; None when nothing fits."""
    key = name_key(name, kind.kind)
    if not key:
        return None
    entity = await by_key(session, kind, key)
    if entity is not None:
        return entity, "exact"
    builtin = BUILTIN_BY_KEY.get(key) if kind is ORGANIZATIONS else None
    if builtin is not None:
        entity = await by_key(session, kind, name_key(builtin, kind.kind))
        if entity is not None:
            return entity, "builtin"
    owners = await alias_owners(session, kind, key)
    if len(owners) == 1:
        return owners[0], "alias"
    if owners:
        return None  # an alias several entities share settles nothing
    shorts = await longer_forms(session, kind, key)
    if len(shorts) == 1:
        return shorts[0], "short"
    return None


async def by_key(session: AsyncSession, kind: EntityTable, key: str) -> Any:
    entity = (await session.execute(select(kind.model).where(kind.model.name_key == key))).scalar()
    return None if entity is None else await canonical(session, kind, entity)


async def canonical(session: AsyncSession, kind: EntityTable, entity: Any) -> Any:
    for _ in range(_MAX_MERGE_HOPS):
        if entity.merged_into_id is None:
            return entity
        entity = await session.get(kind.model, entity.merged_into_id)
    raise InvalidInput(f"{kind.label} {entity.id} sits in a merge chain longer than {_MAX_MERGE_HOPS}")


async def alias_owners(session: AsyncSession, kind: EntityTable, key: str) -> list[Any]:
    owner_column = getattr(kind.alias_model, kind.owner)
    ids = (await session.execute(select(owner_column).where(kind.alias_model.alias_key == key))).scalars()
    owners: dict[int, Any] = {}
    for entity_id in set(ids):
        entity = await canonical(session, kind, await session.get(kind.model, entity_id))
        owners[entity.id] = entity
    return [owners[i] for i in sorted(owners)]


async def longer_forms(session: AsyncSession, kind: EntityTable, key: str) -> list[Any]:
    """Stored entities a short name can stand for: "whitfield" for "dana whitfield"."""
    model = kind.model
    if kind is PEOPLE:
        if " " in key:
            return []
        query = select(model).where(model.name_key.like(f"% {key}"), model.merged_into_id.is_(None))
        return list((await session.execute(query)).scalars())
    query = select(model).where(model.name_key.like(f"{key} %"), model.merged_into_id.is_(None))
    candidates = (await session.execute(query)).scalars()
    return [org for org in candidates if only_descriptors(org.name_key[len(key) :])]


def only_descriptors(rest: str) -> bool:
    words = rest.split()
    return bool(words) and all(word in _DESCRIPTOR_WORDS for word in words)
