"""One exception handler: every error leaves the API as RFC 9457 problem details.

Domain errors (TenureError) carry their own status, title and message. Litestar's own errors
(validation, unknown route, wrong method) keep their status. Database outages become 503
"database unavailable". Anything else is a 500 with a generic message; the traceback goes to
the server log only, never into a body (it could hold a connection string or a secret).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from sqlalchemy import exc as sa_exc

from tenure.api.schemas import Problem
from tenure.errors import DatabaseUnavailable, RateLimited, TenureError
from tenure.security.redact import redact

__all__ = ["EXCEPTION_HANDLERS", "PROBLEM_MEDIA_TYPE", "problem_response"]

PROBLEM_MEDIA_TYPE = "application/problem+json"
_log = logging.getLogger("tenure.api")
# Errors that mean the database cannot be reached or answered, not that the request was bad.
_DATABASE_DOWN = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
    ConnectionError,
    TimeoutError,
)
_HTTP_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Request too large",
    415: "Unsupported media type",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


def problem_response(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    problem, headers = _problem(request, exc)
    problem = _without_secrets(problem)
    return Response(
        content=msgspec.json.encode(problem),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _problem(request: Request[Any, Any, Any], exc: Exception) -> tuple[Problem, dict[str, str]]:
    instance = request.url.path
    if isinstance(exc, TenureError):
        # Some domain errors carry response headers (WWW-Authenticate on ApiKeyRequired).
        headers = dict(getattr(exc, "headers", None) or {})
        if isinstance(exc, RateLimited):
            headers["Retry-After"] = str(exc.retry_after)
        return _from_domain(exc, instance), headers
    if isinstance(exc, ValidationException):
        return _from_validation(exc, instance), {}
    if isinstance(exc, HTTPException):
        return _from_http(exc, request), dict(exc.headers or {})
    if isinstance(exc, _UNREADABLE_INPUT):
        # Raised while the framework decodes a body: nesting deeper than the decoder's recursion
        # limit, or bytes that are not UTF-8. The client's input, not our fault: 400.
        return _unreadable(exc, instance), {}
    if isinstance(exc, _DATABASE_DOWN) or _is_connection_failure(exc):
        _log.error("database unavailable on %s %s: %s", request.method, instance, type(exc).__name__)
        down = DatabaseUnavailable("the database is unavailable; try again shortly")
        return _from_domain(down, instance), {"Retry-After": "5"}
    _log.exception("unhandled error on %s %s", request.method, instance)
    return (
        Problem(
            type="about:blank",
            title=_HTTP_TITLES[500],
            status=500,
            detail="an unexpected error occurred; it has been logged",
            instance=instance,
        ),
        {},
    )


_UNREADABLE_INPUT = (RecursionError, UnicodeDecodeError)


def _unreadable(exc: BaseException, instance: str) -> Problem:
    why = "nested too deeply" if isinstance(exc, RecursionError) else "not UTF-8"
    return Problem(
        type="urn:tenure:problem:invalid-request",
        title="Invalid request",
        status=400,
        detail=f"the request body cannot be read as JSON: it is {why}",
        instance=instance,
    )


def _from_domain(exc: TenureError, instance: str) -> Problem:
    return Problem(
        type=f"urn:tenure:problem:{_slug(type(exc).__name__)}",
        title=exc.title,
        status=exc.status_code,
        detail=exc.detail,
        instance=instance,
    )


def _from_validation(exc: ValidationException, instance: str) -> Problem:
    errors = [_field_error(item) for item in exc.extra or []] if isinstance(exc.extra, list) else []
    messages = [f"{e['field']}: {e['message']}" if e.get("field") else e["message"] for e in errors]
    detail = "; ".join(messages) or exc.detail
    return Problem(
        type="urn:tenure:problem:invalid-request",
        title="Invalid request",
        status=400,
        detail=detail,
        instance=instance,
        errors=errors or None,
    )


def _field_error(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {"message": str(item)}
    found: dict[str, Any] = {"message": str(item.get("message", "invalid value"))}
    if item.get("key"):
        found["field"] = str(item["key"])
    if item.get("source"):
        found["in"] = str(getattr(item["source"], "value", item["source"]))
    return found


def _from_http(exc: HTTPException, request: Request[Any, Any, Any]) -> Problem:
    status = exc.status_code
    detail = exc.detail
    if status == 404:
        detail = f"no such resource: {request.method} {request.url.path} (the API is described at /schema)"
    elif status == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    elif status == 413:
        detail = _too_large(request)
    elif status >= 500:
        _log.error("HTTP %s on %s %s: %s", status, request.method, request.url.path, exc.detail)
        detail = "an unexpected error occurred; it has been logged"
    return Problem(
        type="about:blank",
        title=_HTTP_TITLES.get(status, detail or "Error"),
        status=status,
        detail=detail or _HTTP_TITLES.get(status, "error"),
        instance=request.url.path,
    )


def _without_secrets(problem: Problem) -> Problem:
    # A detail may quote the request (a URL with a password, a header): mask secrets in it.
    errors = [{**e, "message": redact(str(e.get("message", "")))} for e in problem.errors or []]
    return msgspec.structs.replace(problem, detail=redact(problem.detail), errors=errors or problem.errors)


def _too_large(request: Request[Any, Any, Any]) -> str:
    settings = request.app.state.get("settings")
    if settings is None:
        return "the request body is too large"
    return (
        f"the request body is over the limit of {settings.max_request_bytes:,} bytes "
        f"(an article's text may be up to {settings.max_article_bytes:,} bytes): send less"
    )


def _is_connection_failure(exc: Exception) -> bool:
    # SQLAlchemy marks a driver error that lost the connection (e.g. the server was killed
    # mid-commit: "connection was closed in the middle of operation") as invalidated.
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    # asyncpg and aiosqlite raise their own classes when a connection dies mid-request, and
    # SQLAlchemy may wrap them in a plain DBAPIError: look at the driver's error and its cause.
    # SQLSTATE class 08 is a connection failure, 57P0x a server shutting down or starting up.
    orig = getattr(exc, "orig", None)
    for error in (exc, orig, getattr(orig, "__cause__", None)):
        if error is None:
            continue
        if type(error).__name__ in _CONNECTION_ERROR_NAMES:
            return True
        state = str(getattr(error, "sqlstate", None) or getattr(error, "pgcode", None) or "")
        if state.startswith(("08", "57P")):
            return True
    return False


_CONNECTION_ERROR_NAMES = frozenset(
    {
        "ConnectionDoesNotExistError",
        "CannotConnectNowError",
        "AdminShutdownError",
        "CrashShutdownError",
        "InterfaceError",
        "InternalClientError",  # asyncpg: a connection the server ended while a read held it
    }
)


def _slug(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


EXCEPTION_HANDLERS = {Exception: problem_response}
