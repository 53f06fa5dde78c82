"""GET /events: the analyst's filter, as paged JSON or streamed NDJSON or CSV.

The format comes from ?format= when given, else from the Accept header. NDJSON and CSV stream
every matching row (no paging) in keyset batches, so an export of any size holds one batch in
memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.params import QueryParameter
from litestar.response import Stream

from tenure.api.deps import CursorParam, ListingDep, provide_sessions
from tenure.api.schemas import EventPageOut
from tenure.errors import InvalidQuery
from tenure.shape import EventOut
from tenure.timelines.queries import EventQuery, EventView, event_out, iter_events
from tenure.timelines.reads import events_page_rows

NDJSON = "application/x-ndjson"
CSV = "text/csv"
# Media types clients send for each export format, in the order Accept is checked.
FORMAT_MEDIA_TYPES = {
    "ndjson": ("application/x-ndjson", "application/ndjson", "application/jsonl"),
    "csv": ("text/csv",),
    "json": ("application/json",),
}
CSV_COLUMNS = (
    "id",
    "type",
    "date",
    "date_precision",
    "person_id",
    "person",
    "organization_id",
    "organization",
    "role",
    "status",
    "confidence",
    "details",
    "source_count",
    "source_urls",
    "evidence",
)


class EventController(Controller):
    path = "/events"
    tags = ["events"]

    @get(
        "/",
        summary="Filter events across people and companies",
        description="JSON pages by default; ?format=ndjson or csv (or an Accept header of "
        "application/x-ndjson or text/csv) streams every matching event.",
    )
    async def list_events(
        self,
        request: Request[Any, Any, Any],
        listing: ListingDep,
        company: Annotated[str | None, QueryParameter(description="company id or name")] = None,
        person: Annotated[str | None, QueryParameter(description="person id or name")] = None,
        cursor: CursorParam = None,
        output: Annotated[
            str | None, QueryParameter(name="format", description="json (default), ndjson or csv")
        ] = None,
    ) -> Response[EventPageOut]:
        query = EventQuery(filter=listing.event_filter, person=person, company=company)
        chosen = _choose_format(output, request.headers.get("accept", ""))
        if chosen == "json":
            items, next_cursor = await events_page_rows(listing.reader, query, cursor, listing.page_size)
            return Response(EventPageOut(items=items, next_cursor=next_cursor))
        if cursor is not None:
            raise InvalidQuery("cursor applies to JSON pages only: NDJSON and CSV stream every row")
        # The streams' own session factory and batch size come from the app's state, not from
        # more dependencies: the JSON page, the hot path, resolves only `listing`.
        state = request.app.state
        batches = await iter_events(provide_sessions(state), query, state.settings.page_size_max)
        if chosen == "ndjson":
            return Stream(_ndjson(batches), media_type=NDJSON)  # type: ignore[return-value]
        return Stream(  # type: ignore[return-value]
            _csv(batches),
            media_type=CSV,  # Litestar adds "; charset=utf-8" to text/* itself
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )


def _choose_format(output: str | None, accept: str) -> str:
    if output:
        chosen = output.strip().lower()
        if chosen not in FORMAT_MEDIA_TYPES:
            raise InvalidQuery(f"format {output!r} is not one of json, ndjson, csv")
        return chosen
    # First acceptable type the client lists wins; anything else (*/*, none) is JSON.
    for part in accept.split(","):
        media_type = part.split(";")[0].strip().lower()
        for name, types in FORMAT_MEDIA_TYPES.items():
            if media_type in types:
                return name
    return "json"


async def _ndjson(batches: AsyncIterator[list[EventView]]) -> AsyncIterator[bytes]:
    encoder = msgspec.json.Encoder()
    async for batch in batches:
        yield b"".join(encoder.encode(event_out(view)) + b"\n" for view in batch)


async def _csv(batches: AsyncIterator[list[EventView]]) -> AsyncIterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    async for batch in batches:
        for view in batch:
            writer.writerow(_csv_row(event_out(view)))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def _csv_row(event: EventOut) -> list[Any]:
    first = event.sources[0] if event.sources else None
    return [
        event.id,
        event.type,
        event.date or "",
        event.date_precision or "",
        event.person.id if event.person else "",
        event.person.name if event.person else "",
        event.organization.id if event.organization else "",
        event.organization.name if event.organization else "",
        event.role or "",
        event.status or "",
        event.confidence,
        json.dumps(event.details, ensure_ascii=False, sort_keys=True),
        len(event.sources),
        " ".join(s.url for s in event.sources if s.url),
        first.evidence if first else "",
    ]
