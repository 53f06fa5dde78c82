"""Re-extraction: run the current engine over stored articles and reconcile what they state.

Each article is read again as it was ingested (its text, format, and publication time in its own
offset) and reconciled in a transaction of its own, so a failure leaves the other articles done
and this one untouched (extraction, the engine ingest runs, comes first and writes nothing):
- a fact the article still states keeps its event: its source row takes the new evidence, and
  the event is refined as a new report would refine it (a more precise date, a missing role);
- a fact the article states for the first time goes through the ingest merge path: it joins the
  stored event stating it (another article's) or becomes a new event, with the webhooks any new
  event fires; a retired event stated again is restored;
- a fact the article no longer states loses this article as a source; an event left without
  sources is retired (state "retired", a "retire" correction by "reextract", event.retracted to
  subscribers), unless a person confirmed it or edited it: those are kept as they are. Rejected
  events stay rejected.
An analyst's corrections are kept: an event matches what its article says with the fields the
analyst locked taken from the event (a corrected company still matches the sentence naming the
wrong one), and an edited event is not refined (only its evidence is refreshed). Running it twice changes nothing the second
time. A dry run reconciles every article the same way in one transaction and rolls it back.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import DatabaseUnavailable, NotFound, TenureError
from tenure.extractors import ExtractedEvent, extract
from tenure.extractors.version import EXTRACTOR_VERSION
from tenure.ingest import service
from tenure.ingest.merge import Resolved, absorb, fact_key, is_same_fact, source_row
from tenure.models import Article, Correction, Event, EventSource
from tenure.models.articles import local_time
from tenure.models.availability import UNREACHABLE
from tenure.webhooks import outbox
from tenure.webhooks.outbox import EventChange

__all__ = [
    "ACTIONS",
    "ArticleReport",
    "Difference",
    "Selection",
    "Summary",
    "reextract",
    "reextract_article",
    "select_articles",
]

Action = Literal["created", "merged", "updated", "unchanged", "detached", "retired", "kept", "restored"]
# In the order a summary lists them. merged: joined another article's event; updated: this
# article's event refined; detached: lost this article, other articles still state it; kept: no
# article states it any more, but a person confirmed, edited or rejected it.
ACTIONS: tuple[Action, ...] = (
    "created",
    "merged",
    "updated",
    "unchanged",
    "detached",
    "retired",
    "kept",
    "restored",
)
ACTOR = "reextract"
_SOURCE_FIELDS = (
    "evidence",
    "evidence_start",
    "evidence_end",
    "date",
    "date_precision",
    "date_text",
    "confidence",
    "rule_id",
)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which stored articles to read again: all, those published on or after `since`, or one."""

    since: dt.date | None = None
    article_id: int | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    """One event the reconciliation changed (or, for "kept", would have retired)."""

    action: Action
    event_type: str
    event_id: int
    what: str  # the event in a few words, or the evidence it had


@dataclass(slots=True)
class ArticleReport:
    article_id: int
    differences: list[Difference] = field(default_factory=list)
    unchanged: Counter[str] = field(default_factory=Counter)  # by event type


@dataclass(slots=True)
class Summary:
    """A run's counts: events by action and type, articles read and those that failed."""

    articles: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)  # (article id, why)
    counts: dict[Action, Counter[str]] = field(default_factory=lambda: {a: Counter() for a in ACTIONS})

    def add(self, report: ArticleReport) -> None:
        self.articles += 1
        for difference in report.differences:
            self.counts[difference.action][difference.event_type] += 1
        self.counts["unchanged"].update(report.unchanged)

    @property
    def changed(self) -> int:
        return sum(sum(self.counts[a].values()) for a in ACTIONS if a != "unchanged")


async def reextract(
    sessions: async_sessionmaker[AsyncSession],
    selection: Selection,
    *,
    dry_run: bool = False,
    jobs: int = 1,
    on_report: Callable[[ArticleReport], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Reconcile every selected article, each in its own transaction, `jobs` articles at a time
    (on PostgreSQL one article's queries overlap another's extraction, which helps only when the
    CPU is not the limit; SQLite has one writer, so 1 suits it). A dry run goes one article after another in one transaction rolled back at the
    end, so it reports what the real run would do (an event two articles stop stating shows as
    retired, not twice as detached); on SQLite other writers wait for it. An article whose
    extraction fails (too large, a bug in a rule) is counted and the run goes on; a lost database
    stops it."""
    ids = await select_articles(sessions, selection)
    summary = Summary()

    async def one(article_id: int, shared: AsyncSession | None) -> None:
        try:
            if shared is not None:
                extracted, published_on = await _extract_stored(shared, article_id)
                report = await _reconcile(shared, article_id, extracted, published_on, lock=False)
            else:
                report = await reextract_article(sessions, article_id)
        except (DatabaseUnavailable, *UNREACHABLE):
            raise
        except (TenureError, _ExtractionFailed) as exc:
            summary.failed.append((article_id, str(exc)))
        except Exception as exc:
            if shared is not None:  # the shared transaction cannot go on after a failed statement
                raise
            summary.failed.append((article_id, f"unexpected error: {type(exc).__name__}: {exc}"))
        else:
            summary.add(report)
            if on_report is not None:
                on_report(report)
        if on_progress is not None:
            on_progress(summary.articles + len(summary.failed), len(ids))

    if dry_run:
        async with sessions() as shared:  # closing it rolls the whole run back
            for article_id in ids:
                await one(article_id, shared)
        return summary
    pending = iter(ids)  # shared by the workers: each article is taken once

    async def worker() -> None:
        for article_id in pending:
            await one(article_id, None)

    workers = [asyncio.ensure_future(worker()) for _ in range(max(1, jobs))]
    try:
        await asyncio.gather(*workers)
    finally:
        for task in workers:  # one worker's fatal error stops the others (their transactions roll back)
            task.cancel()
    return summary


class _ExtractionFailed(Exception):
    """The engine raised on an article: nothing was written for it yet."""


async def select_articles(sessions: async_sessionmaker[AsyncSession], selection: Selection) -> list[int]:
    """The ids of the selected articles, oldest first. An unknown --article is NotFound."""
    query = select(Article.id).order_by(Article.id)
    if selection.article_id is not None:
        query = query.where(Article.id == selection.article_id)
    if selection.since is not None:
        start = dt.datetime.combine(selection.since, dt.time(), tzinfo=dt.UTC)
        query = query.where(Article.published_at >= start)
    async with sessions() as session:
        ids = list((await session.execute(query)).scalars())
    if selection.article_id is not None and not ids:
        raise NotFound(f"no article with id {selection.article_id}")
    return ids


async def reextract_article(sessions: async_sessionmaker[AsyncSession], article_id: int) -> ArticleReport:
    """Extract one stored article again and reconcile its events, in one transaction."""
    async with sessions() as session:
        extracted, published_on = await _extract_stored(session, article_id)
    # Extraction ran outside the transaction that writes (no snapshot held during CPU work).
    async with sessions() as session:  # closing without a commit rolls back
        report = await _reconcile(session, article_id, extracted, published_on, lock=True)
        await session.commit()
    return report


async def _extract_stored(session: AsyncSession, article_id: int) -> tuple[list[ExtractedEvent], dt.date]:
    """The article's events as the current engine reads them, and its publication day (local)."""
    article = await session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    published_at = local_time(article.published_at, article.published_utc_offset)
    try:
        extracted = extract(article.text, published_at, fmt=article.format)  # as ingest calls it
    except TenureError:
        raise
    except Exception as exc:
        raise _ExtractionFailed(f"unexpected error: {type(exc).__name__}: {exc}") from exc
    return list(extracted), published_at.date()


async def _reconcile(
    session: AsyncSession,
    article_id: int,
    extracted: Sequence[ExtractedEvent],
    published_on: dt.date,
    *,
    lock: bool,
) -> ArticleReport:
    report = ArticleReport(article_id)
    resolved = await service.resolve_extracted(session, extracted, published_on)
    sources = {
        row.event_id: row
        for row in (
            await session.execute(select(EventSource).where(EventSource.article_id == article_id))
        ).scalars()
    }
    own = await _events(session, list(sources))
    if lock:
        # The facts this article states and those it stated: a concurrent ingest of the same
        # facts waits, so an event is not retired while another article is joining it. Then the
        # article's events are read again and locked, so an analyst's concurrent reject or edit
        # is seen, not overwritten. (A dry run writes nothing that lasts: it locks nothing.)
        await service.lock_facts(
            session, [fact_key(r) for r in resolved] + [(e.type, e.person_id, e.organization_id) for e in own]
        )
        own = await _events(session, list(sources), for_update=True)
    fresh: list[Resolved] = []
    stated: dict[int, Event] = {}
    changes: list[EventChange] = []
    for item in resolved:
        event = _own_match(own, sources, item)
        if event is None:
            fresh.append(item)
        elif event.id not in stated:
            stated[event.id] = event
            changes += _restate(event, item, sources[event.id], report)
        else:  # the article states it twice: the first evidence stays, the second may refine
            changes += _restate(event, item, None, report)
    changes += await _merge_fresh(session, article_id, fresh, report)
    for event in own:
        if event.id not in stated:
            changes += await _unstate(session, event, sources[event.id], report)
    await session.execute(
        update(Article).where(Article.id == article_id).values(extractor_version=EXTRACTOR_VERSION)
    )
    await session.flush()
    await outbox.enqueue_event_changes(session, changes)
    return report


async def _events(session: AsyncSession, ids: list[int], *, for_update: bool = False) -> list[Event]:
    query = select(Event).where(Event.id.in_(ids)).order_by(Event.id)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return list((await session.execute(query)).scalars())


def _own_match(own: Sequence[Event], sources: dict[int, EventSource], item: Resolved) -> Event | None:
    """The event this article already sources that the report restates, with the fields an
    analyst locked on it taken from the event (so a corrected event still matches its sentence);
    of several, the one whose evidence is the report's sentence."""
    matches = [event for event in own if is_same_fact(event, _as_corrected(event, item))]
    if not matches:
        return None
    start = item.event.evidence_span[0]
    return min(matches, key=lambda e: (sources[e.id].evidence_start != start, e.id))


def _as_corrected(event: Event, item: Resolved) -> Resolved:
    locked = set(event.locked_fields or ())
    if not locked:
        return item
    extracted = item.event
    dated = bool({"date", "date_precision"} & locked)
    return Resolved(
        event=replace(
            extracted,
            role=event.role if "role" in locked else extracted.role,
            date=event.date if dated else extracted.date,
            date_precision=event.date_precision if dated else extracted.date_precision,
            details=dict(event.details or {}) if "details" in locked else extracted.details,
        ),
        person_id=event.person_id if "person" in locked else item.person_id,
        organization_id=event.organization_id if "organization" in locked else item.organization_id,
        announced_on=item.announced_on,
    )


def _restate(
    event: Event, item: Resolved, source: EventSource | None, report: ArticleReport
) -> list[EventChange]:
    """The article still states the event: refresh its evidence, refine an active event."""
    if source is not None:
        fresh = source_row(event.id, source.article_id, item.event)
        for name in _SOURCE_FIELDS:
            if getattr(source, name) != fresh[name]:
                setattr(source, name, fresh[name])
    if event.state != "active" or event.locked_fields:
        # Rejected, or edited by an analyst: the event is theirs, only its evidence is refreshed.
        report.unchanged[event.type] += source is not None
        return []
    before, revision = _facts(event), event.revision
    kind = absorb(event, item)
    if _facts(event) == before:
        event.revision = revision  # nothing a reader sees changed: no new revision, no webhook
        if source is not None:
            report.unchanged[event.type] += 1
        return []
    report.differences.append(Difference("updated", event.type, event.id, _describe(event)))
    return [EventChange(event_id=event.id, kind=kind)]


def _facts(event: Event) -> tuple[Any, ...]:
    """What refining an event may change (its revision aside)."""
    return (
        event.date,
        event.date_precision,
        event.role,
        event.status,
        dict(event.details or {}),
        event.confidence,
        event.announced_on,
    )


async def _merge_fresh(
    session: AsyncSession, article_id: int, fresh: Sequence[Resolved], report: ArticleReport
) -> list[EventChange]:
    """Facts the article states anew, through ingest's merge; a retired event stated again is
    restored, a rejected one stays rejected (and is not announced)."""
    events, merged = await service.merge_events(session, article_id, fresh, actor="reextract")
    changes: list[EventChange] = []
    for event in events:
        change = next((c for c in merged if c.event_id == event.id), None)
        if change is None:  # rejected: the new source is recorded in its history, nothing announced
            report.unchanged[event.type] += 1
        elif change.kind == "restored":
            report.differences.append(Difference("restored", event.type, event.id, _describe(event)))
            changes.append(change)
        else:
            action: Action = "created" if change.kind == "created" else "merged"
            report.differences.append(Difference(action, event.type, event.id, _describe(event)))
            changes.append(change)
    return changes


async def _unstate(
    session: AsyncSession, event: Event, source: EventSource, report: ArticleReport
) -> list[EventChange]:
    """The article no longer states the event: drop its source; retire an event left unsourced."""
    evidence = f'"{source.evidence}"'
    await session.execute(delete(EventSource).where(EventSource.id == source.id))
    left = (await session.execute(select(func.count()).where(EventSource.event_id == event.id))).scalar_one()
    if event.state != "active":
        report.unchanged[event.type] += 1
        return []
    if left:
        event.revision += 1
        report.differences.append(Difference("detached", event.type, event.id, evidence))
        return [EventChange(event_id=event.id, kind="source_removed")]
    if event.confirmed_at is not None or event.locked_fields:
        report.differences.append(Difference("kept", event.type, event.id, evidence))
        return []
    _record_retirement(session, event, source.article_id)
    event.state = "retired"
    event.revision += 1
    report.differences.append(Difference("retired", event.type, event.id, evidence))
    return [EventChange(event_id=event.id, kind="retired")]


def _record_retirement(session: AsyncSession, event: Event, article_id: int) -> None:
    session.add(
        Correction(
            subject_type="event",
            subject_id=event.id,
            action="retire",
            actor=ACTOR,
            before={"state": "active"},
            after={"state": "retired"},
            reason=f"re-extraction (engine {EXTRACTOR_VERSION}): article {article_id} no longer states it",
        )
    )


def _describe(event: Event) -> str:
    """A few words for a difference line: role, date, announcement."""
    parts = [event.role or "no role", event.date or "undated"]
    if event.announced_on:
        parts.append(f"announced {event.announced_on}")
    return ", ".join(parts)
