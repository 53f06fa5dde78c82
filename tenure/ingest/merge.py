"""One fact, many articles: match an extracted event to the stored event stating the same fact.

Two reports are the same fact when they have the same type, person and organization (after
entity resolution), compatible roles (a CEO appointment and a board seat are two facts),
agreeing details where a type has identifying ones (a Series A is not a Series B), and
compatible dates: equal, one within the other's span at a coarser precision ("2025" holds
"2025-10-20"), either undated, or day dates at most a day apart. The stored event then gains
the source and keeps the more precise date.

The policy itself lives in `tenure.extractors.events.facts`, shared with the extractor's own merge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.curation.history import record
from tenure.extractors import ExtractedEvent
from tenure.extractors.events.facts import date_span, facts_agree, more_precise
from tenure.extractors.version import EXTRACTOR_VERSION
from tenure.ingest.announcements import earliest, effective_replaces, only_announces, told_twice
from tenure.models import UNDATED_SORT, Correction, Event, EventSource, FormerFact
from tenure.models.base import utcnow
from tenure.models.events import ACTIVE, REJECTED, RETIRED
from tenure.webhooks.outbox import ChangeKind, EventChange, record_fold


@dataclass(frozen=True, slots=True)
class Resolved:
    """An extracted event with its people and organization resolved to stored ids."""

    event: ExtractedEvent
    person_id: int | None
    organization_id: int | None
    # When the move was made public (tenure.ingest.announcements.announcement_day).
    announced_on: str | None = None


def sort_date_for(date: str | None, precision: str | None) -> dt.date:
    """The first day a date stands for: "2025" -> 2025-01-01, "2025-10" -> 2025-10-01.

    A week is already given as its Monday. Undated (or unreadable) dates sort last.
    """
    span = date_span(date, precision)
    return UNDATED_SORT if span is None else span[0]


def is_same_fact(stored: Event | FormerFact, new: Resolved) -> bool:
    """The report states the stored fact (an event, or what an edited event said before its edit)."""
    extracted = new.event
    return (
        stored.type == extracted.type
        and stored.person_id == new.person_id
        and stored.organization_id == new.organization_id
        and (
            facts_agree(
                stored.type,
                (stored.role, stored.details or {}, stored.date, stored.date_precision),
                (extracted.role, extracted.details, extracted.date, extracted.date_precision),
            )
            or told_twice(
                stored.type,
                (stored.role, stored.details or {}, stored.date, stored.date_precision, stored.announced_on),
                (
                    extracted.role,
                    extracted.details,
                    extracted.date,
                    extracted.date_precision,
                    new.announced_on,
                ),
            )
        )
    )


def is_same_stored_fact(kept: Event, other: Event) -> bool:
    """Two stored events state one fact (after an analyst merged their people or companies)."""
    return (
        kept.type == other.type
        and kept.person_id == other.person_id
        and kept.organization_id == other.organization_id
        and facts_agree(
            kept.type,
            (kept.role, kept.details or {}, kept.date, kept.date_precision),
            (other.role, other.details or {}, other.date, other.date_precision),
        )
    )


_Fact = tuple[str | None, dict[str, Any], str | None, str | None]  # role, details, date, precision
FactKey = tuple[str, int | None, int | None]  # type, person id, organization id


def fact_key(new: Resolved) -> FactKey:
    return (new.event.type, new.person_id, new.organization_id)


class Pool(list[Event]):
    """The stored events that may state one fact key, with what edited ones said before.

    `former` holds, by event id, the former facts (tenure.models.FormerFact) filed under this
    key: an analyst moved the event away from them (another company, another date), and a later
    article repeating the corrected-away values still states that event.
    """

    def __init__(self, events: Iterable[Event] = ()) -> None:
        super().__init__(events)
        self.former: dict[int, list[FormerFact]] = {}


async def load_candidates(
    session: AsyncSession, keys: Iterable[FactKey], *, former: bool = True
) -> dict[FactKey, Pool]:
    """Every stored event that shares a type, person and organization with one of the keys, or
    that did before an analyst edited it (unless `former` is False: settling, which moves only
    engine-owned events' reports, needs no edited ones)."""
    wanted = sorted(set(keys), key=repr)
    found: dict[FactKey, Pool] = {key: Pool() for key in wanted}
    if not wanted:
        return found
    query = select(Event).where(_keyed(Event, wanted)).order_by(Event.id)
    for event in (await session.execute(query)).scalars():
        pool = found.get((event.type, event.person_id, event.organization_id))
        if pool is not None:  # the query's filter is wider than the keys
            pool.append(event)
    if former:
        await _add_former_facts(session, found)
    return found


def _keyed(model: type[Event] | type[FormerFact], keys: Iterable[FactKey]) -> ColumnElement[bool]:
    """Rows of `model` that may be under one of these fact keys (a missing person or company
    matches NULL): a superset, callers keep the rows whose key they asked for.

    One IN list per column and pattern of missing ids rather than one clause per key: building
    a clause per key was a tenth of an ingest's CPU, and the statement's shape no longer grows
    with the keys, so it is compiled once. The extra rows are the article's own people at its
    other companies, a handful."""
    patterns: dict[tuple[bool, bool], tuple[set[str], set[int], set[int]]] = {}
    for event_type, person_id, org_id in keys:
        types, people, orgs = patterns.setdefault((person_id is None, org_id is None), (set(), set(), set()))
        types.add(event_type)
        if person_id is not None:
            people.add(person_id)
        if org_id is not None:
            orgs.add(org_id)
    return or_(
        *(
            and_(
                model.type.in_(sorted(types)),
                model.person_id.is_(None) if no_person else model.person_id.in_(sorted(people)),
                model.organization_id.is_(None) if no_org else model.organization_id.in_(sorted(orgs)),
            )
            for (no_person, no_org), (types, people, orgs) in sorted(patterns.items())
        )
    )


async def _add_former_facts(session: AsyncSession, found: dict[FactKey, Pool]) -> None:
    """File each former fact under its key, with its event (loaded if its key has changed)."""
    query = select(FormerFact).where(_keyed(FormerFact, found)).order_by(FormerFact.id)
    rows = [
        row
        for row in (await session.execute(query)).scalars()
        if (row.type, row.person_id, row.organization_id) in found
    ]
    if not rows:
        return
    events = {event.id: event for pool in found.values() for event in pool}
    missing = sorted({row.event_id for row in rows} - set(events))
    if missing:
        for event in (await session.execute(select(Event).where(Event.id.in_(missing)))).scalars():
            events[event.id] = event
    for row in rows:
        pool = found[(row.type, row.person_id, row.organization_id)]
        event = events[row.event_id]
        if all(candidate is not event for candidate in pool):
            pool.append(event)
        pool.former.setdefault(event.id, []).append(row)


def best_match(candidates: Sequence[Event], new: Resolved) -> Event | None:
    """The candidate this extracted event restates (as it is, or as it was before an analyst's
    edit): the closest date, then the earlier event."""
    former = candidates.former if isinstance(candidates, Pool) else {}
    matches = [
        event
        for event in candidates
        if is_same_fact(event, new) or any(is_same_fact(row, new) for row in former.get(event.id, ()))
    ]
    if not matches:
        return None
    return min(matches, key=lambda e: _closeness(e, new.event.date, new.event.date_precision))


async def find_same_fact(session: AsyncSession, new: Resolved) -> Event | None:
    """The stored event this extracted event restates, or None."""
    candidates = await load_candidates(session, [fact_key(new)])
    return best_match(candidates[fact_key(new)], new)


def _closeness(stored: Event, date: str | None, precision: str | None) -> tuple[int, dt.date, int]:
    """How well a stored event fits a report's date, best first: the nearest date, then the
    earlier event (both independent of arrival order); the id splits only events of one day.
    Events created by this ingest have no id until the flush: they rank after stored ones."""
    distance = (
        10**6
        if not stored.date or not date
        else abs((stored.sort_date - sort_date_for(date, precision)).days)
    )
    return distance, stored.sort_date, stored.id if stored.id is not None else 1 << 62


def new_event(new: Resolved) -> Event:
    extracted = new.event
    return Event(
        type=extracted.type,
        person_id=new.person_id,
        organization_id=new.organization_id,
        role=_clip(extracted.role, 300),
        date=extracted.date,
        date_precision=extracted.date_precision if extracted.date else None,
        sort_date=sort_date_for(extracted.date, extracted.date_precision),
        status=_status(extracted),
        details=dict(extracted.details),
        confidence=extracted.confidence,
        revision=1,
        announced_on=new.announced_on,
        extractor_version=EXTRACTOR_VERSION,
    )


def absorb(stored: Event, new: Resolved) -> ChangeKind:
    """Fold another report of the same fact into the stored event; say what changed."""
    extracted = new.event
    # The day a move was announced is no refinement of the day it takes effect.
    dated = not only_announces(
        (stored.date, stored.date_precision, stored.announced_on), (extracted.date, new.announced_on)
    )
    announced = _announce(stored, extracted, new.announced_on)
    kind = _refine(
        stored,
        (
            _clip(extracted.role, 300),
            extracted.details,
            extracted.date if dated else None,
            extracted.date_precision if dated else None,
        ),
        _status(extracted),
        extracted.confidence,
    )
    stored.extractor_version = EXTRACTOR_VERSION
    return "date_refined" if announced else kind


def _announce(stored: Event, extracted: ExtractedEvent, announced_on: str | None) -> bool:
    """An effective date replaces a date that was only the announcement (unless an analyst set
    the date); the earliest announcement is kept. Whether either changed."""
    changed = False
    if "date" not in (stored.locked_fields or ()) and effective_replaces(
        (stored.date, stored.announced_on), (extracted.date, extracted.date_precision, announced_on)
    ):
        stored.date, stored.date_precision = extracted.date, extracted.date_precision
        stored.sort_date = sort_date_for(extracted.date, extracted.date_precision)
        changed = True
    first = earliest(stored.announced_on, announced_on)
    if first != stored.announced_on:
        stored.announced_on = first
        changed = True
    return changed


def _refine(stored: Event, other: _Fact, status: str | None, confidence: float) -> ChangeKind:
    role, details_given, date, precision = other
    kind: ChangeKind = "source_added"
    # Fields an analyst set are theirs: no report refines them. The state is never touched
    # either, so a rejected event stays rejected whatever later articles say.
    locked = set(stored.locked_fields or ())
    if "date" not in locked and more_precise(date, precision, stored.date, stored.date_precision):
        stored.date = date
        stored.date_precision = precision
        stored.sort_date = sort_date_for(date, precision)
        kind = "date_refined"
    if "role" not in locked and stored.role is None and role:
        stored.role = role
    if "status" not in locked and stored.status is None:
        stored.status = status
    if "details" not in locked:
        # Details a report leaves empty are filled from a later one; nothing given is overwritten.
        details = dict(stored.details or {})
        for name, value in details_given.items():
            if value not in (None, "", []) and details.get(name) in (None, "", []):
                details[name] = value
        stored.details = details
    stored.confidence = max(stored.confidence, confidence)
    stored.revision = (stored.revision or 1) + 1
    return kind


async def fold_same_facts(session: AsyncSession, events: Sequence[Event]) -> list[EventChange]:
    """Fold stored events that state one fact into one of them (sources move, dates refine).

    Used after an entity merge: two people found to be one may each have had the same departure.
    The survivor is a rejected event if there is one, else an active one, else a retired one,
    the oldest of its kind: an analyst's rejection wins over another's confirmation of the same
    fact (someone found it false; restoring it brings the confirmation back), and a fact some
    article still states is not hidden under a retired copy. What people did to the folded event
    moves to the survivor (`_carry_corrections`), so nothing refers to a deleted event.
    Subscribers hear of changes to active survivors only.
    """
    kept: list[Event] = []
    kinds: dict[int, ChangeKind] = {}
    for event in sorted(events, key=lambda e: (_FOLD_RANK.get(e.state, 1), e.id)):
        into = next((k for k in kept if is_same_stored_fact(k, event)), None)
        if into is None:
            kept.append(event)
            continue
        kind = await _fold_event(session, event, into)
        if kinds.get(into.id) != "date_refined":
            kinds[into.id] = kind
    active = {event.id for event in kept if event.state == ACTIVE}
    return [EventChange(event_id=i, kind=kind) for i, kind in sorted(kinds.items()) if i in active]


# Which of two events stating one fact survives a fold: the lower rank.
_FOLD_RANK = {REJECTED: 0, ACTIVE: 1, RETIRED: 2}


async def _fold_event(session: AsyncSession, duplicate: Event, into: Event) -> ChangeKind:
    if duplicate.state == ACTIVE:
        # Subscribers who were shown it are told it is gone, in the shape they last saw.
        duplicate.revision = (duplicate.revision or 1) + 1
        await record_fold(session, duplicate, into)
    sourced = set(
        (
            await session.execute(select(EventSource.article_id).where(EventSource.event_id == into.id))
        ).scalars()
    )
    sources = (
        await session.execute(select(EventSource).where(EventSource.event_id == duplicate.id))
    ).scalars()
    for source in list(sources):
        if source.article_id in sourced:
            await session.delete(source)
        else:
            source.event_id = into.id
            sourced.add(source.article_id)
    await _carry_corrections(session, duplicate, into)
    kind = _refine(
        into,
        (duplicate.role, duplicate.details or {}, duplicate.date, duplicate.date_precision),
        duplicate.status,
        duplicate.confidence,
    )
    await session.flush()
    await session.delete(duplicate)
    await session.flush()
    return kind


async def _carry_corrections(session: AsyncSession, duplicate: Event, into: Event) -> None:
    """The folded event's analyst work moves to the survivor: fields a person edited on it (where
    the survivor's own are not edited), its confirmation (if the survivor has none), its
    correction history and former facts; a "fold" entry in the survivor's history names it."""
    locked = set(into.locked_fields or ())
    taken = sorted(set(duplicate.locked_fields or ()) - locked)
    for name in taken:
        for column in _LOCKABLE_COLUMNS.get(name, (name,)):
            setattr(into, column, getattr(duplicate, column))
    if taken:
        into.locked_fields = sorted(locked | set(taken))
    if "status" in taken and "status" in (into.details or {}):
        into.details = {**into.details, "status": into.status}  # departures repeat it in details
    if into.confirmed_at is None and duplicate.confirmed_at is not None:
        into.confirmed_at, into.confirmed_by = duplicate.confirmed_at, duplicate.confirmed_by
    await session.execute(
        update(Correction)
        .where(Correction.subject_type == "event", Correction.subject_id == duplicate.id)
        .values(subject_id=into.id)
    )
    await session.execute(
        update(FormerFact).where(FormerFact.event_id == duplicate.id).values(event_id=into.id)
    )
    record(
        session,
        "event",
        into.id,
        "fold",
        FOLD_ACTOR,
        {"event": duplicate.id, "state": duplicate.state},
        {"event": into.id, "fields": taken},
        f"event {duplicate.id} stated the same fact once their people or companies were merged",
    )


FOLD_ACTOR = "merge"
# A locked field and the event columns it covers (person and organization agree in a fold).
_LOCKABLE_COLUMNS = {
    "date": ("date", "date_precision", "sort_date"),
    "person": ("person_id",),
    "organization": ("organization_id",),
}


async def settle_sources(
    session: AsyncSession, keys: Iterable[FactKey], loaded: dict[FactKey, Pool] | None = None
) -> list[EventChange]:
    """Move each source of these facts onto the sibling event it fits best (`_closeness`).

    Merging is greedy: "in October" joins whichever of "October 20" and "October 22" (two facts)
    was stored first, so where a report landed hung on arrival order, which concurrent ingests
    make a race. Settling after every ingest, under the ingest's fact locks, gives one layout
    for any order. Returns a change for each event that gained a source; an event left without
    any is deleted (its reports all sit better elsewhere).
    """
    found = (await _current_candidates(session, keys, loaded)).values()
    pools = [pool for pool in ([e for e in events if _engine_owned(e)] for events in found) if len(pool) > 1]
    siblings = {event.id: pool for pool in pools for event in pool}
    if not siblings:
        return []
    query = select(EventSource).where(EventSource.event_id.in_(list(siblings))).order_by(EventSource.id)
    sources = list((await session.execute(query)).scalars())
    sourced: dict[int, set[int]] = {event_id: set() for event_id in siblings}
    for source in sources:
        sourced[source.event_id].add(source.article_id)
    gained: set[int] = set()
    for source in sources:
        home = next(e for e in siblings[source.event_id] if e.id == source.event_id)
        best = min(
            (e for e in siblings[home.id] if e is home or _fits(e, home, source)),
            key=lambda e: _closeness(e, source.date, source.date_precision),
        )
        if best is not home:
            await _move_source(session, source, home, best, sourced)
            gained.add(best.id)
    if gained:
        await _tidy_settled(session, [e for pool in pools for e in pool], sourced)
    return [EventChange(event_id=event_id, kind="source_added") for event_id in sorted(gained)]


async def _current_candidates(
    session: AsyncSession, keys: Iterable[FactKey], loaded: dict[FactKey, Pool] | None
) -> dict[FactKey, list[Event]]:
    """The events under each key now: from `loaded` (the caller's pools, kept current by its
    merge) where it has the key, less the events filed there only for what they said before an
    edit; from the database otherwise."""
    keys, loaded = list(keys), loaded or {}
    found: dict[FactKey, list[Event]] = {
        key: [e for e in loaded[key] if (e.type, e.person_id, e.organization_id) == key]
        for key in keys
        if key in loaded
    }
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(await load_candidates(session, missing, former=False))
    return found


def _engine_owned(event: Event) -> bool:
    """Settling may move this event's reports, or delete it once empty: no person has rejected,
    edited or confirmed it (their corrections live on the event and must not vanish with it)."""
    return event.state == ACTIVE and not event.locked_fields and event.confirmed_at is None


def _fits(candidate: Event, home: Event, source: EventSource) -> bool:
    """The source's report (its home's role and details, its own date) states the candidate's fact."""
    return facts_agree(
        candidate.type,
        (candidate.role, candidate.details or {}, candidate.date, candidate.date_precision),
        (home.role, home.details or {}, source.date, source.date_precision),
    )


async def _move_source(
    session: AsyncSession, source: EventSource, home: Event, best: Event, sourced: dict[int, set[int]]
) -> None:
    sourced[home.id].discard(source.article_id)
    if source.article_id in sourced[best.id]:
        await session.delete(source)  # the article already reports the fact there
    else:
        source.event_id = best.id
        sourced[best.id].add(source.article_id)
    home.revision = (home.revision or 1) + 1
    best.revision = (best.revision or 1) + 1
    # The announcement day travels with the report that told it.
    best.announced_on = earliest(best.announced_on, home.announced_on)
    best.confidence = max(best.confidence, source.confidence)


async def _tidy_settled(session: AsyncSession, events: Sequence[Event], sourced: dict[int, set[int]]) -> None:
    """An event whose reports all sit better elsewhere is deleted."""
    await session.flush()
    for event in events:
        if not sourced[event.id]:
            await session.delete(event)
    await session.flush()


def source_row(event_id: int, article_id: int, extracted: ExtractedEvent) -> dict[str, Any]:
    """An event_sources row's values for one report (plain values: building ORM objects only to
    read them back for the insert cost more than the insert)."""
    start, end = extracted.evidence_span
    return {
        "event_id": event_id,
        "article_id": article_id,
        "evidence": extracted.evidence,
        "evidence_start": start,
        "evidence_end": end,
        "date": extracted.date,
        "date_precision": extracted.date_precision,
        "date_text": _clip(extracted.date_text, 200),
        "confidence": extracted.confidence,
        "rule_id": _clip(extracted.rule_id, 100),
    }


async def insert_sources(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `source_row`s in one statement. Nothing reads the rows back as objects, so this is a
    Core insert of the table: the ORM's bulk insert would send one per row where it cannot read
    several new ids back in order (SQLite), and one per pattern of missing values (dated and
    undated reports) everywhere."""
    if not rows:
        return
    now = utcnow()
    await session.execute(
        insert(cast(Table, EventSource.__table__)), [{**row, "created_at": now} for row in rows]
    )


def _status(extracted: ExtractedEvent) -> str | None:
    status = extracted.details.get("status") if extracted.type == "departure" else None
    return status if isinstance(status, str) else None


def _clip(value: str | None, limit: int) -> str | None:
    return None if value is None else value[:limit]


def ordered(events: Sequence[Event]) -> list[Event]:
    """Events in timeline order: by date, undated last."""
    return sorted(events, key=lambda event: (event.sort_date, event.id))
