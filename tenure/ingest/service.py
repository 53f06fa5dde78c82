"""Ingestion: one article in, its events stored and merged with what other articles said.

One transaction per article: the article row, the entities it names, new or merged events,
their sources and the webhook outbox rows commit together or not at all. Idempotent on the
article's URL and content hash, also under concurrency: the unique constraints decide which
of two simultaneous ingests stores the article, and the other returns what the first stored.
Extraction is pure and runs before the transaction opens.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.curation.history import record
from tenure.errors import ArticleTooLarge, Conflict, InvalidInput, NotFound
from tenure.extractors import MAX_ARTICLE_CHARS, ExtractedEvent, extract
from tenure.extractors.text.markup import detect_format
from tenure.extractors.version import EXTRACTOR_VERSION
from tenure.ingest.announcements import announcement_day
from tenure.ingest.entities import resolve_organizations, resolve_people
from tenure.ingest.merge import (
    FactKey,
    Pool,
    Resolved,
    absorb,
    best_match,
    fact_key,
    insert_sources,
    is_same_fact,
    load_candidates,
    new_event,
    settle_sources,
    source_row,
)
from tenure.ingest.published import check_published_range
from tenure.models import Article, Event, EventSource
from tenure.models.events import ACTIVE, RETIRED
from tenure.observability.metrics import counted_ingest
from tenure.security.sanitize import has_controls, storable
from tenure.webhooks import outbox
from tenure.webhooks.outbox import ChangeKind, EventChange

__all__ = [
    "ARTICLE_FORMATS",
    "ArticleInput",
    "PreparedArticle",
    "IngestResult",
    "StoredArticle",
    "checked_article",
    "content_hash",
    "events_of_article",
    "get_article",
    "ingest_article",
    "ingest_prepared",
    "known_articles",
    "lock_facts",
    "merge_events",
    "prepare_article",
    "resolve_extracted",
    "sources_of_events",
]

ARTICLE_FORMATS = ("auto", "text", "markdown", "html")
_MAX_URL = 2000


@dataclass(frozen=True, slots=True)
class ArticleInput:
    text: str
    published_at: datetime  # timezone-aware; relative dates resolve in its offset
    url: str | None = None
    title: str | None = None
    source: str | None = None
    format: str = "auto"  # auto, text, markdown or html


@dataclass(slots=True)
class StoredArticle:
    article: Article
    events: list[Event]  # the events this article is a source of, in the article's order


@dataclass(slots=True)
class IngestResult:
    article: Article
    events: list[Event]
    created: bool  # False when the article (same URL or same text) was already stored
    changes: list[EventChange] = field(default_factory=list)


def content_hash(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


@counted_ingest
async def ingest_article(
    sessions: async_sessionmaker[AsyncSession], data: ArticleInput, *, max_bytes: int = MAX_ARTICLE_CHARS
) -> IngestResult:
    """The front door: store an article and its events; an already known article changes nothing.

    Every article enters here (API, CLI, feeds), so its format, publication time (offset and
    range) and size (`max_bytes` of UTF-8: Settings.max_article_bytes; the default is the
    extractor's own limit) are checked here and nowhere else, and each refusal reads the same
    wherever the article came from. Raises InvalidInput or ArticleTooLarge.
    """
    data = checked_article(data, max_bytes)
    return await _ingest(sessions, data, content_hash(data.text), None)


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article through the front door's checks and extracted: the pure half of an ingest,
    which tenure.ingest.pipeline runs in worker processes."""

    data: ArticleInput
    digest: str
    # None: not extracted, the article was already stored a moment ago (extracted if it is not).
    extracted: tuple[ExtractedEvent, ...] | None


def prepare_article(data: ArticleInput, max_bytes: int = MAX_ARTICLE_CHARS) -> PreparedArticle:
    """The front door's checks and the extraction, no database. Raises like ingest_article."""
    data = checked_article(data, max_bytes)
    return PreparedArticle(data, content_hash(data.text), tuple(_extract(data)))


async def known_articles(
    sessions: async_sessionmaker[AsyncSession], articles: Sequence[tuple[str | None, str]]
) -> tuple[set[str], set[str]]:
    """(urls, content hashes) stored among these (url, hash) pairs: one query for a batch."""
    urls = {url for url, _ in articles if url}
    hashes = {digest for _, digest in articles}
    if not hashes:
        return set(), set()
    async with sessions() as session:
        query = select(Article.url, Article.content_hash).where(
            or_(Article.content_hash.in_(hashes), Article.url.in_(urls))
        )
        rows = (await session.execute(query)).all()
    return {row.url for row in rows if row.url in urls}, {row.content_hash for row in rows}


async def ingest_prepared(
    sessions: async_sessionmaker[AsyncSession], prepared: PreparedArticle
) -> IngestResult:
    """The database half of `ingest_article`, for an article `prepare_article` checked and extracted."""
    return await _ingest(sessions, prepared.data, prepared.digest, prepared.extracted)


def checked_article(data: ArticleInput, max_bytes: int) -> ArticleInput:
    """The article as it will be stored, or InvalidInput / ArticleTooLarge saying why it cannot be."""
    data = _storable(data)
    _validate(data, max_bytes)
    return data


async def _ingest(
    sessions: async_sessionmaker[AsyncSession],
    data: ArticleInput,
    digest: str,
    extracted: Sequence[ExtractedEvent] | None,
) -> IngestResult:
    # One session (one connection checkout) from the check for a known article to the commit.
    async with sessions() as session:
        known = await _known_in(session, data.url, digest)
        if known is not None:
            return known  # found before extracting: a re-ingest costs no extraction
        if session.get_bind().dialect.name != "postgresql":
            # SQLite cannot turn this read transaction into a write once another writer has
            # committed (busy snapshot, no waiting): the store starts a fresh one. PostgreSQL
            # reads committed data per statement, so its transaction simply goes on.
            await session.commit()
        try:
            return await _store(session, data, digest, _extract(data) if extracted is None else extracted)
        except IntegrityError as exc:
            # Another ingest of the same article committed first: return what it stored.
            await session.rollback()
            known = await _known_in(session, data.url, digest)
            if known is not None:
                return known
            raise Conflict(
                f"the article could not be stored because of a concurrent change: {exc.orig}"
            ) from exc


def _extract(data: ArticleInput) -> list[ExtractedEvent]:
    return extract(data.text, data.published_at, fmt=data.format)


def _storable(data: ArticleInput) -> ArticleInput:
    """The one rule for control characters, the same on both back ends (PostgreSQL refuses NUL,
    SQLite would store it): dropped from text, title and source; a URL holding any is refused,
    since a changed URL would name another page."""
    if data.url is not None and (has_controls(data.url) or any(c.isspace() for c in data.url)):
        raise InvalidInput("url holds a control character or whitespace")
    return replace(
        data,
        text=storable(data.text) or "",
        title=storable(data.title),
        source=storable(data.source),
    )


def _validate(data: ArticleInput, max_bytes: int) -> None:
    if data.published_at.tzinfo is None or data.published_at.utcoffset() is None:
        raise InvalidInput("published_at needs a UTC offset, e.g. 2025-03-04T09:30:00-05:00")
    check_published_range(data.published_at)
    if data.format not in ARTICLE_FORMATS:
        raise InvalidInput(f"format {data.format!r} is not one of {', '.join(ARTICLE_FORMATS)}")
    if not data.text.strip():
        raise InvalidInput("the article text is empty")
    if len(data.text.encode("utf-8")) > max_bytes:
        raise ArticleTooLarge(f"the article is over {max_bytes:,} bytes: send the article's main text only")
    if data.url is not None and len(data.url) > _MAX_URL:
        raise InvalidInput(f"url is longer than {_MAX_URL} characters")


async def _known_in(session: AsyncSession, url: str | None, digest: str) -> IngestResult | None:
    match = Article.content_hash == digest
    if url:
        match = or_(match, Article.url == url)
    # Prefer the URL match: the same page re-fetched with edits is still that article.
    rows = (await session.execute(select(Article).where(match).order_by(Article.id))).scalars().all()
    if not rows:
        return None
    article = next((row for row in rows if url and row.url == url), rows[0])
    events = await events_of_article(session, article.id)
    return IngestResult(article=article, events=events, created=False, changes=[])


async def _store(
    session: AsyncSession, data: ArticleInput, digest: str, extracted: Sequence[ExtractedEvent]
) -> IngestResult:
    """Everything the article brings, in one transaction committed here (the caller rolls back
    whatever raises, the session closing at the latest)."""
    # The article goes in first: its unique URL and hash serialise concurrent ingests of
    # the same article (and, on SQLite, the first write takes the database's write lock).
    article = _article_row(data, digest)
    session.add(article)
    await session.flush()
    resolved = await resolve_extracted(session, extracted, data.published_at.date())
    keys = [fact_key(r) for r in resolved]
    await lock_facts(session, keys)
    # Loaded once for merging and settling: the fact locks keep other ingests out of these keys.
    pools = await load_candidates(session, keys)
    events, changes = await merge_events(session, article.id, resolved, pools=pools)
    events, changes = await _settle(session, article.id, events, changes, pools)
    await outbox.enqueue_event_changes(session, changes)
    await session.commit()
    return IngestResult(article=article, events=events, created=True, changes=changes)


def _article_row(data: ArticleInput, digest: str) -> Article:
    offset = data.published_at.utcoffset()
    fmt = detect_format(data.text) if data.format == "auto" else data.format
    return Article(
        url=data.url or None,
        title=(data.title or None) and data.title[:1000],
        source=(data.source or None) and data.source[:300],
        published_at=data.published_at,
        published_utc_offset=int(offset.total_seconds() // 60) if offset else 0,
        content_hash=digest,
        text=data.text,
        format=fmt,
        extractor_version=EXTRACTOR_VERSION,
    )


async def resolve_extracted(
    session: AsyncSession, extracted: Sequence[ExtractedEvent], published_on: date
) -> list[Resolved]:
    """Extracted events with their people and organizations resolved to stored entities and the
    day each move was announced (`published_on`: the publication day in the article's offset)."""
    people = await resolve_people(session, {e.person for e in extracted if e.person})
    orgs = await resolve_organizations(session, {e.organization for e in extracted if e.organization})
    return [
        Resolved(
            event=e,
            person_id=people[e.person].id if e.person in people else None,
            organization_id=orgs[e.organization].id if e.organization in orgs else None,
            announced_on=announcement_day(e, published_on),
        )
        for e in extracted
    ]


async def lock_facts(session: AsyncSession, facts: Iterable[FactKey]) -> None:
    """On PostgreSQL, serialise ingests that may merge into the same facts.

    Two articles reporting one departure at the same moment would otherwise both see no stored
    event and create two. A transaction-scoped advisory lock per (type, person, organization),
    taken in sorted order, makes the second wait for the first. SQLite already serialises writers.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    keys = sorted({_fact_lock_key(fact) for fact in facts})
    if keys:
        # One round trip; the ordered subquery takes the locks in key order (no deadlocks).
        await session.execute(
            text(
                "SELECT count(pg_advisory_xact_lock(k)) FROM "
                "(SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) AS ordered_keys"
            ),
            {"keys": keys},
        )


def _fact_lock_key(fact: FactKey) -> int:
    event_type, person_id, organization_id = fact
    raw = f"tenure-fact:{event_type}:{person_id}:{organization_id}".encode()
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big", signed=True)


async def merge_events(
    session: AsyncSession,
    article_id: int,
    resolved: Sequence[Resolved],
    actor: str = "ingest",
    pools: dict[FactKey, Pool] | None = None,
) -> tuple[list[Event], list[EventChange]]:
    """Each report becomes a new event or a source of the stored event stating the same fact
    (ingest, and re-extraction for the facts an article newly states); what changed, per event.
    `pools`: the candidates of these reports' keys, if the caller loaded them."""
    # One query for every candidate; events created here join the pool, so a fact the article
    # states twice (the extractor saw two names for one company) becomes one event.
    if pools is None:
        pools = await load_candidates(session, [fact_key(item) for item in resolved])
    touched: list[tuple[Event, ChangeKind, Resolved]] = []
    repeats_corrected: set[int] = set()
    for item in resolved:
        pool = pools[fact_key(item)]
        stored = best_match(pool, item)
        seen = next((n for n, entry in enumerate(touched) if entry[0] is stored), None)
        if stored is None:
            stored = new_event(item)
            session.add(stored)
            pool.append(stored)
            touched.append((stored, "created", item))
        elif seen is not None:
            # Already sourced by this article: keep its first evidence, let this one refine.
            event, kind, first = touched[seen]
            revision = event.revision
            if absorb(event, item) == "date_refined" and kind == "source_added":
                touched[seen] = (event, "date_refined", first)
            event.revision = revision
        else:
            if stored.locked_fields and not is_same_fact(stored, item):
                repeats_corrected.add(stored.id)  # joined through what it said before an edit
            touched.append((stored, absorb(stored, item), item))
    await session.flush()  # ids for the new events
    await insert_sources(
        session, [source_row(event.id, article_id, item.event) for event, _, item in touched]
    )
    for n, (event, _, item) in enumerate(touched):
        if event.state == RETIRED:
            # Re-extraction retired it because no article stated it any more; this one does.
            record(
                session,
                "event",
                event.id,
                "restore",
                actor,
                {"state": RETIRED},
                {"state": ACTIVE},
                f"article {article_id} states it again",
            )
            event.state = ACTIVE
            touched[n] = (event, "restored", item)
        elif event.state != ACTIVE:
            # A new report of a rejected fact joins it as a source and is recorded in its history;
            # the event stays out of timelines and subscribers hear nothing.
            record(session, "event", event.id, "attach", actor, {}, {"article_id": article_id}, None)
        elif event.id in repeats_corrected:
            # It joined through what the event said before an analyst's edit (merge.best_match):
            # the history shows which article repeated the corrected-away values.
            reason = f"article {article_id} repeats values an analyst corrected"
            record(session, "event", event.id, "attach", actor, {}, {"article_id": article_id}, reason)
    await session.flush()
    return (
        [event for event, _, _ in touched],
        [EventChange(event_id=event.id, kind=kind) for event, kind, _ in touched if event.state == ACTIVE],
    )


async def _settle(
    session: AsyncSession,
    article_id: int,
    events: list[Event],
    changes: list[EventChange],
    pools: dict[FactKey, Pool],
) -> tuple[list[Event], list[EventChange]]:
    """Reports of these facts sit where they fit best, whatever order the articles came in.

    Only a new event or a changed date can give an older report a better place; an ingest that
    just adds sources (most of them) leaves the layout settled and costs no query here.
    """
    moved = {change.event_id for change in changes if change.kind != "source_added"}
    keys = {(event.type, event.person_id, event.organization_id) for event in events if event.id in moved}
    settled = await settle_sources(session, keys, pools) if keys else []
    if not settled:
        return events, changes
    # The article's own reports may have moved too: read where they sit now.
    events = await events_of_article(session, article_id)
    kept = [change for change in changes if any(event.id == change.event_id for event in events)]
    known = {change.event_id for change in kept}
    return events, kept + [change for change in settled if change.event_id not in known]


async def events_of_article(session: AsyncSession, article_id: int) -> list[Event]:
    """The events an article is a source of, in the order the article states them."""
    query = (
        select(Event)
        .join(EventSource, EventSource.event_id == Event.id)
        .where(EventSource.article_id == article_id)
        .order_by(EventSource.evidence_start, EventSource.id)
    )
    return list((await session.execute(query)).scalars().unique())


async def sources_of_events(session: AsyncSession, event_ids: Sequence[int]) -> dict[int, list[EventSource]]:
    """Each event's sources, oldest first (for responses that list an event's articles)."""
    found: dict[int, list[EventSource]] = {event_id: [] for event_id in event_ids}
    if not event_ids:
        return found
    query = select(EventSource).where(EventSource.event_id.in_(list(event_ids))).order_by(EventSource.id)
    for row in (await session.execute(query)).scalars():
        found[row.event_id].append(row)
    return found


async def get_article(sessions: async_sessionmaker[AsyncSession], article_id: int) -> StoredArticle:
    async with sessions() as session:
        article = await session.get(Article, article_id)
        if article is None:
            raise NotFound(f"no article with id {article_id}")
        return StoredArticle(article=article, events=await events_of_article(session, article_id))
