"""GET /companies/{id}/leadership and /people/{id}/roles: leadership spans as JSON, for dashboards.

How spans are derived is documented in tenure.timelines.spans and docs/leadership-spans.md.
"""

from __future__ import annotations

from litestar import get

from tenure.api.deps import IdPath, ReadSession
from tenure.span_shape import LeadershipOut, RolesOut
from tenure.timelines.leadership import leadership, roles

__all__ = ["company_leadership", "person_roles"]


@get(
    "/companies/{entity_id:int}/leadership",
    tags=["companies"],
    summary="Who held which role when, from appointments and departures",
)
async def company_leadership(entity_id: IdPath, session: ReadSession) -> LeadershipOut:
    return await leadership(session, entity_id)


@get(
    "/people/{entity_id:int}/roles",
    tags=["people"],
    summary="The roles a person held, from appointments and departures",
)
async def person_roles(entity_id: IdPath, session: ReadSession) -> RolesOut:
    return await roles(session, entity_id)
