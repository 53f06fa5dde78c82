"""Two HTTP behaviours Litestar leaves out, added at the app's ASGI entry.

- HEAD on any GET route answers what GET would, headers and all, without the body (Litestar
  answers 405 unless a handler declares HEAD; load balancers and link checkers send HEAD).
- The OpenAPI router renders its own HTML page for an unknown path under /schema; every other
  404 is a problem document, so that one becomes a problem too.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Litestar

from tenure.api.problems import PROBLEM_MEDIA_TYPE
from tenure.api.schemas import Problem

Message = dict[str, Any]


class TenureApp(Litestar):
    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            if scope["method"] == "HEAD":
                scope = {**scope, "method": "GET"}
                send = _without_body(send)
            if scope["path"].startswith(self._schema_prefix()):
                send = _problem_for_html_404(send, scope["path"])
        await super().__call__(scope, receive, send)

    def _schema_prefix(self) -> str:
        path = (self.openapi_config.path if self.openapi_config else None) or "/schema"
        return path.rstrip("/") + "/"


def _without_body(send: Any) -> Any:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body"):
                return  # GET's length stays in the headers; the bytes are never sent
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return wrapped


def _problem_for_html_404(send: Any, path: str) -> Any:
    replacing = False

    async def wrapped(message: Message) -> None:
        nonlocal replacing
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers") or [])
            html = headers.get(b"content-type", b"").startswith(b"text/html")
            replacing = message["status"] == 404 and html
            if replacing:
                body = _not_found(path)
                start = {
                    "type": "http.response.start",
                    "status": 404,
                    "headers": [
                        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
                await send(start)
                await send({"type": "http.response.body", "body": body, "more_body": False})
                return
        if replacing:
            return  # the HTML page's own body is dropped
        await send(message)

    return wrapped


def _not_found(path: str) -> bytes:
    problem = Problem(
        type="about:blank",
        title="Not found",
        status=404,
        detail=f"no such resource: {path[:200]} (the API is described at /schema)",
        instance=path[:200],
    )
    return msgspec.json.encode(problem)
