"""Reading leadership spans: a company's, or a person's across the companies they worked at.

Loads the appointments and departures a derivation needs (tenure.timelines.spans) and returns
their public shape. A person's spans are derived from every role event at their companies,
since a successor's appointment is what closes many of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.models import Event, Organization, Person
from tenure.shape import EntityRef
from tenure.span_shape import LeadershipOut, RolesOut, SpanEndOut, SpanOut
from tenure.timelines.queries import canonical_entity
from tenure.timelines.spans import RoleEvent, Span, SpanEnd, derive_spans

__all__ = [
    "SHOWN_STATE",
    "busiest_company",
    "company_spans",
    "leadership",
    "person_spans",
    "roles",
    "span_out",
]

ROLE_EVENT_TYPES = ("appointment", "departure")
# Rejected (by an analyst) and retired (by re-extraction) events say nothing about who held what.
SHOWN_STATE = "active"


async def company_spans(session: AsyncSession, organization_id: int) -> tuple[EntityRef, list[Span]]:
    """The company (following merges) and the spans derived from its role events."""
    company = await canonical_entity(session, "organization", organization_id)
    events = await _role_events(session, [company.id])
    return EntityRef(company.id, company.name), derive_spans(events)


async def person_spans(session: AsyncSession, person_id: int) -> tuple[EntityRef, list[Span]]:
    """The person (following merges) and their spans at every company they have role events at."""
    person = await canonical_entity(session, "person", person_id)
    companies = select(Event.organization_id).where(
        Event.person_id == person.id,
        Event.type.in_(ROLE_EVENT_TYPES),
        Event.state == SHOWN_STATE,
        Event.organization_id.is_not(None),
    )
    company_ids = [
        row[0] for row in (await session.execute(companies.distinct())).all() if row[0] is not None
    ]
    spans = derive_spans(await _role_events(session, company_ids))
    return EntityRef(person.id, person.name), [s for s in spans if s.person.id == person.id]


async def busiest_company(session: AsyncSession) -> EntityRef | None:
    """The company with the most appointments and departures: the richest leadership chart.

    Ties go to the company stored first, so the link `tenure serve --demo-links` prints is stable.
    """
    count = func.count(Event.id)
    query = (
        select(Organization.id, Organization.name)
        .join(Event, Event.organization_id == Organization.id)
        .where(
            Event.type.in_(ROLE_EVENT_TYPES),
            Event.state == SHOWN_STATE,
            Organization.merged_into_id.is_(None),
        )
        .group_by(Organization.id, Organization.name)
        .order_by(count.desc(), Organization.id)
        .limit(1)
    )
    row = (await session.execute(query)).first()
    return None if row is None else EntityRef(row[0], row[1])


async def leadership(session: AsyncSession, organization_id: int) -> LeadershipOut:
    company, spans = await company_spans(session, organization_id)
    return LeadershipOut(organization=company, spans=[span_out(s) for s in spans])


async def roles(session: AsyncSession, person_id: int) -> RolesOut:
    person, spans = await person_spans(session, person_id)
    return RolesOut(person=person, spans=[span_out(s) for s in spans])


async def _role_events(session: AsyncSession, company_ids: Iterable[int]) -> list[RoleEvent]:
    ids = list(company_ids)
    if not ids:
        return []
    # Columns, not Event rows: a company's whole record is read, so hydration cost counts.
    query = (
        select(
            Event.id,
            Event.type,
            Person.id,
            Person.name,
            Organization.id,
            Organization.name,
            Event.role,
            Event.date,
            Event.date_precision,
            Event.status,
            Event.details,
        )
        .join(Person, Person.id == Event.person_id)
        .join(Organization, Organization.id == Event.organization_id)
        .where(Event.organization_id.in_(ids), Event.type.in_(ROLE_EVENT_TYPES), Event.state == SHOWN_STATE)
    )
    return [
        RoleEvent(
            id=row[0],
            type=row[1],
            person=EntityRef(row[2], row[3]),
            organization=EntityRef(row[4], row[5]),
            role=row[6],
            date=row[7],
            date_precision=row[8],
            status=row[9],
            details=dict(row[10] or {}),
        )
        for row in (await session.execute(query)).all()
    ]


def span_out(span: Span) -> SpanOut:
    return SpanOut(
        person=span.person,
        organization=span.organization,
        role=span.role,
        interim=span.interim,
        start=_end_out(span.start),
        end=_end_out(span.end),
        open=span.open,
    )


def _end_out(end: SpanEnd | None) -> SpanEndOut | None:
    if end is None:
        return None
    bounds = end.bounds
    return SpanEndOut(
        date=end.date,
        date_precision=end.date_precision,  # type: ignore[arg-type]  # a stored contract value
        earliest=bounds[0] if bounds else None,
        latest=bounds[1] if bounds else None,
        uncertain=end.uncertain,
        status=end.status,  # type: ignore[arg-type]
        event_ids=list(end.event_ids),
    )
