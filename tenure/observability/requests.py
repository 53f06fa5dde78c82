"""The ASGI middleware around every routed request: its id, its log context and its latency.

A request keeps the X-Request-ID its client (or a proxy in front) sent when that id is sane, at
most 64 characters of letters, digits and `-_.:`; otherwise it gets a new one. The id goes back
in the response's X-Request-ID header and, through a context variable, onto every log line
written while the request is handled (tenure.observability.logs).

The latency is recorded under the route template Litestar matched, so /people/7 and /people/8
are one series. The hot path does no regex and no allocation beyond the id: a few microseconds.
"""

from __future__ import annotations

import os
import time
from contextvars import ContextVar
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Send

from tenure.observability.metrics import observe_request

__all__ = ["REQUEST_ID_HEADER", "current_request_id", "observe_requests", "sane_request_id"]

REQUEST_ID_HEADER = "x-request-id"
_HEADER = REQUEST_ID_HEADER.encode()
_MAX_ID = 64
_ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")
_request_id: ContextVar[str | None] = ContextVar("tenure_request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being handled in this context, if any."""
    return _request_id.get()


def sane_request_id(raw: bytes | None) -> str | None:
    """The client's id when it is short and plain enough to put in logs and headers, else None."""
    if not raw or len(raw) > _MAX_ID:
        return None
    text = raw.decode("latin-1")
    return text if frozenset(text) <= _ID_CHARACTERS else None


def _new_request_id() -> str:
    return os.urandom(12).hex()


def _sent_id(scope: Any) -> bytes | None:
    for name, value in scope["headers"]:
        if name == _HEADER:
            return value  # type: ignore[no-any-return]
    return None


def observe_requests(app: ASGIApp) -> ASGIApp:
    """Litestar middleware (in tenure.api.app.MIDDLEWARE): runs after routing, for HTTP routes."""

    async def middleware(scope: Any, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        request_id = sane_request_id(_sent_id(scope)) or _new_request_id()
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500  # what the client gets if the app raises before answering

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers") or [])
                headers.append((_HEADER, request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await app(scope, receive, send_with_id)
        finally:
            route: Any = scope.get("path_template") or "unmatched"
            observe_request(scope["method"], route, status, time.perf_counter() - started)
            _request_id.reset(token)

    return middleware
