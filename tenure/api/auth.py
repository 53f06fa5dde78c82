"""The API-key guard and the per-key rate limit, run before every handler.

Writes (POST, PUT, PATCH, DELETE) always need a key; reads need one when
Settings.require_read_key is on. A key is sent as `Authorization: Bearer tnr_...` or
`X-API-Key: tnr_...`. The OpenAPI schema under /schema stays open so clients can discover the
API. A key sent on a read that does not need one is still checked: a client with a wrong key
should find out on its first request, not its first write.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from tenure.errors import ApiKeyRequired, Forbidden, Unauthorized
from tenure.security.keys import verify_key
from tenure.security.ratelimit import TokenBuckets
from tenure.settings import Settings

__all__ = [
    "ALWAYS_KEYED",
    "FORM_KEYED",
    "OPEN_PATH_PREFIXES",
    "WRITE_METHODS",
    "accept_key",
    "presented_key",
    "require_api_key",
]

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# The OpenAPI description, the static files pages and docs load (styles, scripts) and the probes
# and metrics (tenure.observability.routes) need no key.
OPEN_PATH_PREFIXES = ("/schema", "/static/", "/healthz", "/readyz", "/metrics")
# Route opt that makes reads need a key too, whatever Settings.require_read_key says: for data that
# is the operator's, not the public's (webhook subscriptions and their delivery logs). Set it on a
# controller or handler: `opt = ALWAYS_KEYED` / `@get(..., opt=ALWAYS_KEYED)`.
ALWAYS_KEYED = {"api_key": "always"}
# Route opt of the pages' forms (tenure.pages.forms): a browser sends its key in a cookie with a
# CSRF token in the form, which the handler checks itself (through `accept_key`) after the token.
FORM_KEYED = {"api_key": "form"}


def presented_key(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The key the client sent, or None; an Authorization header that is not a Bearer key is refused.

    X-API-Key wins over a non-Bearer Authorization header, which a proxy in front may have added
    for itself (Basic credentials for an outer gate).
    """
    authorization = (connection.headers.get("authorization") or "").strip()
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    header = (connection.headers.get("x-api-key") or "").strip()
    if header:
        return header
    if authorization:
        raise ApiKeyRequired("send the API key as 'Authorization: Bearer <key>' (or in X-API-Key)")
    return None


def _why_needed(method: str, always: bool) -> str:
    if method in WRITE_METHODS:
        return "this request changes data"
    return "this resource is the operator's" if always else "this server requires keys"


def _buckets(connection: ASGIConnection[Any, Any, Any, Any], settings: Settings) -> TokenBuckets:
    state = connection.app.state
    buckets: TokenBuckets | None = state.get("rate_limit_buckets")
    if buckets is None:
        buckets = state.rate_limit_buckets = TokenBuckets(settings.rate_limit_per_minute)
    return buckets


async def require_api_key(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    if connection.scope["path"].startswith(OPEN_PATH_PREFIXES) or not connection.app.state.get(
        "require_keys", True
    ):
        return
    settings: Settings = connection.app.state.settings
    method = str(connection.scope.get("method", "GET"))
    if (handler.opt or {}).get("api_key") == FORM_KEYED["api_key"]:
        return
    always = (handler.opt or {}).get("api_key") == ALWAYS_KEYED["api_key"]
    needed = method in WRITE_METHODS or settings.require_read_key or always
    plaintext = presented_key(connection)
    if plaintext is None:
        if needed:
            raise ApiKeyRequired(
                f"an API key is required ({_why_needed(method, always)}): send 'Authorization: Bearer <key>'; "
                "an operator creates keys with `tenure keys create NAME`"
            )
        client = connection.client.host if connection.client else "unknown"
        _buckets(connection, settings).take(f"address:{client}")
        return
    await accept_key(connection, plaintext)


async def accept_key(connection: ASGIConnection[Any, Any, Any, Any], plaintext: str) -> None:
    """Check a presented key, count it against its rate limit and note it on the connection;
    Unauthorized (401) for an unknown key, Forbidden for a revoked one."""
    try:
        key = await verify_key(connection.app.state.sessions, plaintext)
    except Forbidden:
        raise
    except Unauthorized as exc:
        raise ApiKeyRequired(exc.detail) from exc
    connection.state.api_key_id = key.id
    # Corrections record who made them by the key's name.
    connection.state.api_key_name = key.name
    _buckets(connection, connection.app.state.settings).take(f"key:{key.id}")
