"""Which articles of a batch may touch the same stored people, companies or facts.

Ingest is not order-free: the first report of a fact gives its role, and a short name stored
before its full form ("Tessellate", then "Tessellate AI") is completed rather than found. So the
pipeline (tenure.ingest.pipeline) stores two articles that may touch the same thing in their
batch order, and only unrelated articles at once; the stored result is then the one a
sequential ingest gives.

Every lookup that resolves a name stays inside its name's *family*: a person's last word (a
surname alone finds the full name, "% whitfield"), an organization's first word ("tessellate"
finds "tessellate ai"). Facts are keyed by their person and organization, so they stay inside
those families too. Names that resolve across families, through an alias (built-in, extracted
or an analyst's) or a merge, are mapped to their canonical entity's family as well, from the
aliases and merges stored when the batch starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from tenure.extractors import ExtractedEvent
from tenure.names.keys import name_key
from tenure.names.lookup import BUILTIN_BY_KEY, ORGANIZATIONS, PEOPLE, EntityTable

__all__ = ["Families", "family_of", "load_families"]


@dataclass(frozen=True, slots=True)
class Families:
    """Name keys that resolve to an entity of another family: key -> the canonical entity's key."""

    people: dict[str, str] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)

    def of(self, extracted: Iterable[ExtractedEvent]) -> frozenset[str]:
        """The families an article's events touch (prefixed "p:" and "o:")."""
        found: set[str] = set()
        for event in extracted:
            if event.person:
                found |= self._person(name_key(event.person, "person"))
            if event.organization:
                found |= self._organization(name_key(event.organization, "organization"))
            if not event.person and not event.organization:
                found.add("-")  # facts with neither are keyed by their type alone
        return frozenset(found)

    def _person(self, key: str) -> set[str]:
        keys = {key, self.people.get(key, key)}
        return {f"p:{family_of(k, 'person')}" for k in keys if k}

    def _organization(self, key: str) -> set[str]:
        keys = {key, self.organizations.get(key, key)}
        builtin = BUILTIN_BY_KEY.get(key)
        if builtin is not None:
            keys.add(name_key(builtin, "organization"))
        return {f"o:{family_of(k, 'organization')}" for k in keys if k}


def family_of(key: str, kind: str) -> str:
    words = key.split()
    if not words:
        return ""
    return words[-1] if kind == "person" else words[0]


async def load_families(sessions: async_sessionmaker[AsyncSession]) -> Families:
    """Every stored alias and merged name, with the key of the entity it stands for."""
    async with sessions() as session:
        return Families(
            people=await _crossings(session, PEOPLE), organizations=await _crossings(session, ORGANIZATIONS)
        )


async def _crossings(session: AsyncSession, kind: EntityTable) -> dict[str, str]:
    model, alias_model = kind.model, kind.alias_model
    target = aliased(model)
    owner = getattr(alias_model, kind.owner)
    found: dict[str, str] = {}
    # Merges point straight at the survivor (tenure.ingest.entities._merge keeps chains flat),
    # but an alias may name a merged entity: follow one more hop.
    merged = select(model.name_key, model.merged_into_id).where(model.merged_into_id.is_not(None))
    survivors = {row.name_key: row.merged_into_id for row in (await session.execute(merged))}
    ids = set(survivors.values())
    query = select(alias_model.alias_key, target.name_key, target.merged_into_id).join(
        target, target.id == owner
    )
    aliases = list(await session.execute(query))
    ids |= {row.merged_into_id for row in aliases if row.merged_into_id is not None}
    keys: dict[int, str] = {}
    if ids:
        keys = dict(
            (await session.execute(select(model.id, model.name_key).where(model.id.in_(ids)))).tuples().all()
        )
    for name, into in survivors.items():
        found[name] = keys.get(into, name)
    for row in aliases:
        found[row.alias_key] = (
            keys.get(row.merged_into_id, row.name_key) if row.merged_into_id else row.name_key
        )
    return found
