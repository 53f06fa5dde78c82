"""Corrections of one event: edit its fields, reject, restore or confirm it.

Each is one transaction: the event row is locked, the revision the analyst saw is checked (a
stale one is a Conflict: someone changed the event since, and silently overwriting that change
would lose it), the change is applied, a Correction row records the fields before and after,
and the revision is bumped. Edited fields are added to `locked_fields`, so extraction never
overwrites them (tenure.ingest.merge reads that list).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.history import event_not_found, record
from tenure.errors import Conflict, InvalidInput, NotFound
from tenure.extractors.contract import DEPARTURE_STATUSES
from tenure.extractors.events.facts import date_span
from tenure.ingest.entities import MAX_NAME_CHARS, resolve_organization, resolve_person
from tenure.ingest.merge import sort_date_for
from tenure.models import Event, FormerFact, Organization, Person
from tenure.models.base import utcnow
from tenure.models.events import ACTIVE, REJECTED
from tenure.timelines.queries import MAX_ID, EntityKind, canonical_entity
from tenure.webhooks import outbox

__all__ = [
    "EDITABLE_FIELDS",
    "Who",
    "confirm_event",
    "edit_event",
    "lock_event",
    "reject_event",
    "restore_event",
]

EDITABLE_FIELDS = ("person", "organization", "role", "date", "date_precision", "status", "details")
# An edit of one of these changes what the event states (a status or a confirmation does not).
_FACT_FIELDS = ("person", "organization", "role", "date", "date_precision", "details")
_ROLE_CHARS = 300
_DATE_FORM = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The precisions each written form of a date can have (a week is given as its Monday).
_PRECISIONS_BY_LENGTH = {4: ("year",), 7: ("month",), 10: ("day", "week")}

Changes = dict[str, tuple[Any, Any]]  # field -> (before, after), only fields that changed


@dataclass(frozen=True, slots=True)
class Who:
    """Who makes a correction and why: the API key's name or "cli:<user>", and a free reason."""

    actor: str
    reason: str | None = None


async def edit_event(
    sessions: async_sessionmaker[AsyncSession],
    event_id: int,
    values: Mapping[str, Any],
    who: Who,
    revision: int | None,
) -> Event:
    """Set some of EDITABLE_FIELDS; each one set is locked against extraction.

    person and organization take an id (which must exist) or a name (found, or created as
    ingest would). details is merged: a key given as null is removed. Raises InvalidInput for an
    unknown field or a bad value, Conflict for a stale revision or an event that is not active.
    """
    _check_fields(values)

    async def change(session: AsyncSession, event: Event) -> Changes:
        if event.state != ACTIVE:
            raise Conflict(
                f"event {event.id} is {event.state}: restore it (POST /events/{event.id}/restore) before editing"
            )
        changes: Changes = {}
        former = _former_fact(event)
        for name, editor in _EDITORS:
            if name in values or (name == "date" and "date_precision" in values):
                changes.update(await editor(session, event, values))
        if changes:
            locks = {"date" if name == "date_precision" else name for name in changes}
            event.locked_fields = sorted(set(event.locked_fields or []) | locks)
        if set(changes) & set(_FACT_FIELDS):
            # Articles repeating what the analyst corrected away still state this event.
            session.add(former)
        return changes

    return await _correct(sessions, event_id, revision, "edit", who, change)


async def reject_event(
    sessions: async_sessionmaker[AsyncSession], event_id: int, who: Who, revision: int | None = None
) -> Event:
    """Take a false event out of timelines, /events and exports; later reports of it attach to it."""

    async def change(session: AsyncSession, event: Event) -> Changes:
        if event.state == REJECTED:
            raise Conflict(f"event {event.id} is already rejected")
        return _set_state(event, REJECTED)

    return await _correct(sessions, event_id, revision, "reject", who, change)


async def restore_event(
    sessions: async_sessionmaker[AsyncSession], event_id: int, who: Who, revision: int | None = None
) -> Event:
    """Bring a rejected (or retired) event back into timelines."""

    async def change(session: AsyncSession, event: Event) -> Changes:
        if event.state == ACTIVE:
            raise Conflict(f"event {event.id} is active: there is nothing to restore")
        return _set_state(event, ACTIVE)

    return await _correct(sessions, event_id, revision, "restore", who, change)


async def confirm_event(
    sessions: async_sessionmaker[AsyncSession], event_id: int, who: Who, revision: int | None = None
) -> Event:
    """Mark an active event as checked by a person (re-extraction then never retires it)."""

    async def change(session: AsyncSession, event: Event) -> Changes:
        if event.state != ACTIVE:
            raise Conflict(f"event {event.id} is {event.state}: restore it before confirming it")
        before = (event.confirmed_by, _iso(event.confirmed_at))
        event.confirmed_at, event.confirmed_by = utcnow(), who.actor[:100]
        return {
            "confirmed_by": (before[0], event.confirmed_by),
            "confirmed_at": (before[1], _iso(event.confirmed_at)),
        }

    return await _correct(sessions, event_id, revision, "confirm", who, change)


async def _correct(
    sessions: async_sessionmaker[AsyncSession],
    event_id: int,
    revision: int | None,
    action: str,
    who: Who,
    change: Callable[[AsyncSession, Event], Awaitable[Changes]],
) -> Event:
    async with sessions() as session, session.begin():
        event = await lock_event(session, event_id, revision)
        changes = await change(session, event)
        if not changes:  # the edit sets what is already there: nothing to record
            return event
        record(
            session,
            "event",
            event.id,
            action,
            who.actor,
            before={name: old for name, (old, _) in changes.items()},
            after={name: new for name, (_, new) in changes.items()},
            reason=who.reason,
        )
        event.revision += 1
        await _tell_subscribers(session, event, action)
        await session.flush()
        return event


async def _tell_subscribers(session: AsyncSession, event: Event, action: str) -> None:
    """A dashboard that showed the event hears of the correction, in the same transaction:
    a rejection as event.retracted, a restoration as a new event, an edit as event.updated.
    A confirmation changes nothing a subscriber shows."""
    if action == "reject":
        await outbox.record_retraction(session, event, "rejected")
    elif action == "restore":
        await outbox.record_restoration(session, event)
    elif action == "edit" and event.state == ACTIVE:
        await outbox.record_update(session, event)


async def lock_event(session: AsyncSession, event_id: int, revision: int | None) -> Event:
    """The event, locked for writing until the transaction ends, at the revision the caller saw.

    PostgreSQL: a row lock, so a second writer waits and then reads the first one's revision.
    SQLite: a no-op write as the first statement takes the database's write lock, so the read
    that follows sees any writer that committed before. Either way the second of two concurrent
    corrections made against one revision fails with Conflict instead of overwriting the first.
    """
    if not 0 < event_id <= MAX_ID:
        raise NotFound(f"no event with id {event_id}")
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(select(Event.id).where(Event.id == event_id).with_for_update())
    else:
        await session.execute(update(Event).where(Event.id == event_id).values(revision=Event.revision))
    query = select(Event).where(Event.id == event_id).execution_options(populate_existing=True)
    event = (await session.execute(query)).scalar()
    if event is None:
        raise await event_not_found(session, event_id)
    if revision is not None and event.revision != revision:
        raise Conflict(
            f"event {event_id} has changed since revision {revision} (it is at revision {event.revision}): "
            f"read it again (GET /events/{event_id}) and reapply your change"
        )
    return event


def _check_fields(values: Mapping[str, Any]) -> None:
    unknown = sorted(set(values) - set(EDITABLE_FIELDS))
    if unknown:
        raise InvalidInput(
            f"unknown field {', '.join(map(repr, unknown))}: an event's editable fields are "
            f"{', '.join(EDITABLE_FIELDS)}"
        )
    if not values:
        raise InvalidInput(f"nothing to change: give at least one of {', '.join(EDITABLE_FIELDS)}")


def _former_fact(event: Event) -> FormerFact:
    """The event's fact as it stands, kept when an edit changes it (tenure.ingest.merge)."""
    return FormerFact(
        event_id=event.id,
        type=event.type,
        person_id=event.person_id,
        organization_id=event.organization_id,
        role=event.role,
        date=event.date,
        date_precision=event.date_precision,
        details=dict(event.details or {}),
        announced_on=event.announced_on,
    )


def _set_state(event: Event, state: str) -> Changes:
    before, event.state = event.state, state
    return {"state": (before, state)}


# --- one editor per field: validate, set, and say what changed --------------------------------


async def _edit_person(session: AsyncSession, event: Event, values: Mapping[str, Any]) -> Changes:
    return await _edit_entity(session, event, "person", values["person"])


async def _edit_organization(session: AsyncSession, event: Event, values: Mapping[str, Any]) -> Changes:
    return await _edit_entity(session, event, "organization", values["organization"])


async def _edit_entity(session: AsyncSession, event: Event, kind: EntityKind, value: Any) -> Changes:
    column = "person_id" if kind == "person" else "organization_id"
    old_id = getattr(event, column)
    new = await _entity_for(session, kind, value)
    new_id = new.id if new is not None else None
    if new_id == old_id:
        return {}
    model: Any = Person if kind == "person" else Organization
    old = await session.get(model, old_id) if old_id else None
    setattr(event, column, new_id)
    return {kind: (_ref(old), _ref(new))}


async def _entity_for(session: AsyncSession, kind: EntityKind, value: Any) -> Person | Organization | None:
    """An id names a stored entity (following merges); a name is found or created as ingest does."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return await canonical_entity(session, kind, value)
        except NotFound as exc:
            raise InvalidInput(f"{kind}: {exc.detail}") from exc
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{kind} must be an id, a name or null")
    if len(value) > MAX_NAME_CHARS:
        raise InvalidInput(f"{kind} name is over {MAX_NAME_CHARS} characters")
    resolve = resolve_person if kind == "person" else resolve_organization
    return await resolve(session, value)


async def _edit_role(session: AsyncSession, event: Event, values: Mapping[str, Any]) -> Changes:
    role = values["role"]
    if role is not None and not isinstance(role, str):
        raise InvalidInput("role must be text or null")
    if role is not None:
        role = " ".join(role.split()) or None
    if role is not None and len(role) > _ROLE_CHARS:
        raise InvalidInput(f"role is over {_ROLE_CHARS} characters")
    return _assign(event, "role", role)


async def _edit_date(session: AsyncSession, event: Event, values: Mapping[str, Any]) -> Changes:
    """date and date_precision together: the precision defaults to the date's written form."""
    date = values.get("date", event.date)
    precision = values.get("date_precision")
    if date is None:
        if precision is not None:
            raise InvalidInput("date_precision needs a date")
        return {**_assign(event, "date", None), **_assign(event, "date_precision", None), **_sorted(event)}
    if not isinstance(date, str) or not _DATE_FORM.match(date):
        raise InvalidInput(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    allowed = _PRECISIONS_BY_LENGTH[len(date)]
    precision = precision or (event.date_precision if "date" not in values else None) or allowed[0]
    if precision not in allowed:
        raise InvalidInput(f"date {date} can only have precision {' or '.join(allowed)}, not {precision!r}")
    if date_span(date, precision) is None or int(date[:4]) < 1:
        raise InvalidInput(f"date {date} is not a day of the calendar")
    return {**_assign(event, "date", date), **_assign(event, "date_precision", precision), **_sorted(event)}


def _sorted(event: Event) -> Changes:
    # The timeline order follows the date; it is not a field anyone sees, so nothing is recorded.
    event.sort_date = sort_date_for(event.date, event.date_precision)
    return {}


async def _edit_status(session: AsyncSession, event: Event, values: Mapping[str, Any]) -> Changes:
    status = values["status"]
    if status is not None and event.type != "departure":
        raise InvalidInput(f"status applies to departures; event {event.id} is a {event.type}")
    if status is not None and status not in DEPARTURE_STATUSES:
        raise InvalidInput(f"status {status!r} is not one of {', '.join(DEPARTURE_STATUSES)}")
    changes = _assign(event, "status", status)
    if changes and "status" in (event.details or {}):
        # Departures repeat their status in details: keep the two saying the same.
        event.details = {**event.details, "status": status}
    return changes


async def _edit_details(session: AsyncSession, event: Event, values: Mapping[str, Any]) -> Changes:
    given = values["details"]
    if not isinstance(given, dict):
        raise InvalidInput("details must be an object; a key set to null is removed")
    details = dict(event.details or {})
    for key, value in given.items():
        if value is None:
            details.pop(key, None)
        else:
            details[key] = value
    return _assign(event, "details", details)


def _assign(event: Event, name: str, value: Any) -> Changes:
    before = getattr(event, name)
    if before == value:
        return {}
    setattr(event, name, value)
    return {name: (before, value)}


def _ref(entity: Person | Organization | None) -> dict[str, Any] | None:
    return None if entity is None else {"id": entity.id, "name": entity.name}


def _iso(moment: Any) -> str | None:
    return None if moment is None else str(moment.isoformat())


# In the order they apply; date covers date_precision.
_EDITORS: tuple[tuple[str, Callable[[AsyncSession, Event, Mapping[str, Any]], Awaitable[Changes]]], ...] = (
    ("person", _edit_person),
    ("organization", _edit_organization),
    ("role", _edit_role),
    ("date", _edit_date),
    ("status", _edit_status),
    ("details", _edit_details),
)
