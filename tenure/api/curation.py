"""One event, explained and corrected: GET /events/{id}, its history, PATCH, reject, restore, confirm.

Every write names the revision it was made against in If-Match (the ETag of GET /events/{id}):
a PATCH without one is refused with 428, so no edit is made against a state its author did not
see unless they say so (If-Match: *); reject, restore and confirm check it when given. A stale
revision is a 409.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, patch, post
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import ResponseSpec
from litestar.params import HeaderParameter, JSONBody
from litestar.status_codes import HTTP_200_OK
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.deps import IdPath, ReadSession, SessionFactory
from tenure.api.schemas import EventPatchIn, ReasonIn
from tenure.curation.corrections import Who, confirm_event, edit_event, reject_event, restore_event
from tenure.curation.history import event_not_found, history
from tenure.errors import InvalidInput, PreconditionRequired
from tenure.models import Event
from tenure.shape import CorrectionOut, EventDetail
from tenure.timelines.detail import event_detail

__all__ = ["EventCurationController", "actor_of", "if_match_revision"]

IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        required=False,
        description='The revision the change is made against, as GET /events/{id} gave it in ETag ("3").',
    ),
]
_ETAG = re.compile(r'^(?:W/)?"?(\d{1,18})"?$')
# The problems a correction answers with, documented beside each write (as problem details).
_STALE = {
    409: ResponseSpec(None, description="The event changed since that revision, or its state forbids this")
}
_EDIT_PROBLEMS = {
    **_STALE,
    422: ResponseSpec(
        None, description="A value that cannot be stored (an impossible date, an unknown status)"
    ),
    428: ResponseSpec(None, description="If-Match is missing"),
}
EventAction = Callable[[async_sessionmaker[AsyncSession], int, Who, int | None], Awaitable[Event]]


def _action_route(name: str, summary: str, action: EventAction) -> HTTPRouteHandler:
    """POST /events/{id}/<name>: the reason in the body, the revision in If-Match (optional)."""

    # The operation id Litestar would give a method of this name, so generated clients keep theirs.
    operation_id = f"EventsEventId{name.title()}{name.title()}"

    @post(
        f"/{{event_id:int}}/{name}",
        status_code=HTTP_200_OK,
        summary=summary,
        responses=_STALE,
        operation_id=operation_id,
    )
    async def handler(
        self: Controller,
        request: Request[Any, Any, Any],
        event_id: IdPath,
        sessions: SessionFactory,
        data: JSONBody[ReasonIn | None] = None,
        if_match: IfMatch = None,
    ) -> Response[EventDetail]:
        return await _act(action, request, event_id, sessions, data, if_match)

    return handler


class EventCurationController(Controller):
    path = "/events"
    tags = ["events"]

    @get("/{event_id:int}", summary="One event with its sources, rules, state and correction history")
    async def read(self, event_id: IdPath, session: ReadSession) -> Response[EventDetail]:
        return _with_etag(await event_detail(session, event_id))

    @get("/{event_id:int}/history", summary="The corrections made to an event, oldest first")
    async def history(self, event_id: IdPath, session: ReadSession) -> list[CorrectionOut]:
        if await session.get(Event, event_id) is None:  # a 404 for an unknown event, not an empty list
            raise await event_not_found(session, event_id)
        return await history(session, "event", event_id)

    @patch(
        "/{event_id:int}",
        summary="Correct an event's fields",
        description="Send only the fields to change (person, organization, role, date, date_precision, "
        "status, details) and If-Match with the event's revision. Changed fields are locked: "
        "extraction never overwrites them. 409 when the event changed since that revision or is not "
        "active; 428 without If-Match.",
        responses=_EDIT_PROBLEMS,
    )
    async def edit(
        self,
        request: Request[Any, Any, Any],
        event_id: IdPath,
        data: JSONBody[EventPatchIn],
        sessions: SessionFactory,
        if_match: IfMatch = None,
    ) -> Response[EventDetail]:
        if not (if_match or "").strip():
            raise PreconditionRequired(
                f"send If-Match with the revision you edit (the ETag of GET /events/{event_id}) so a "
                "concurrent change is not overwritten"
            )
        values = {
            name: value
            for name, value in msgspec.structs.asdict(data).items()
            if name != "reason" and value is not msgspec.UNSET
        }
        # If-Match: * (RFC 9110: "any current version") is the explicit way to edit without one.
        revision = if_match_revision(if_match)
        await edit_event(sessions, event_id, values, actor_of(request, data.reason), revision)
        return await _detail(sessions, event_id)

    reject = _action_route("reject", "Reject a false event", reject_event)
    restore = _action_route("restore", "Restore a rejected or retired event", restore_event)
    confirm = _action_route("confirm", "Mark an event as checked by a person", confirm_event)


async def _act(
    action: EventAction,
    request: Request[Any, Any, Any],
    event_id: int,
    sessions: async_sessionmaker[AsyncSession],
    data: ReasonIn | None,
    if_match: str | None,
) -> Response[EventDetail]:
    who = actor_of(request, data.reason if data else None)
    await action(sessions, event_id, who, if_match_revision(if_match))
    return await _detail(sessions, event_id)


async def _detail(sessions: async_sessionmaker[AsyncSession], event_id: int) -> Response[EventDetail]:
    async with sessions() as session:
        return _with_etag(await event_detail(session, event_id))


def _with_etag(detail: EventDetail) -> Response[EventDetail]:
    return Response(detail, headers={"ETag": f'"{detail.revision}"'})


def if_match_revision(value: str | None) -> int | None:
    """The revision an If-Match header names ("3", 3 or W/"3"); None when absent or "*"."""
    if value is None or value.strip() in ("", "*"):
        return None
    match = _ETAG.match(value.strip())
    if match is None:
        raise InvalidInput(f'If-Match {value[:40]!r} is not an event revision: send the ETag, e.g. "3"')
    return int(match[1])


def actor_of(request: Request[Any, Any, Any], reason: str | None) -> Who:
    """Who makes a correction: the API key's name (the key guard stores it on the request)."""
    return Who(actor=request.state.get("api_key_name") or "anonymous", reason=reason)
