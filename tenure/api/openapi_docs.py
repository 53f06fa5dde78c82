"""Make the OpenAPI document say what the API really sends on errors and how it authenticates.

Litestar documents error responses as `application/json` with its own `{status_code, detail}`
body, but every error leaves tenure as RFC 9457 problem details (`application/problem+json`,
tenure.api.problems). This rewrites each documented error response to the Problem schema, adds
the errors every operation can give (401/403 for keys, 429 for the rate limit, 503 when the
database is down; 413 for writes), and declares the API-key schemes. Clients and schemathesis
then validate against what is actually sent.
"""

from __future__ import annotations

from typing import cast

from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin
from litestar.openapi.spec import (
    Components,
    OpenAPI,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Reference,
    Schema,
    SecurityScheme,
)

from tenure.api.auth import ALWAYS_KEYED, WRITE_METHODS
from tenure.api.problems import PROBLEM_MEDIA_TYPE
from tenure.shape import EVENT_EXAMPLE, details_schemas

__all__ = ["document_problems_and_keys"]

PROBLEM_SCHEMA = Schema(
    type=OpenAPIType.OBJECT,
    required=["type", "title", "status", "detail"],
    properties={
        "type": Schema(type=OpenAPIType.STRING, description="a URI naming the kind of problem"),
        "title": Schema(type=OpenAPIType.STRING),
        "status": Schema(type=OpenAPIType.INTEGER),
        "detail": Schema(type=OpenAPIType.STRING, description="what went wrong and what to do about it"),
        "instance": Schema(type=OpenAPIType.STRING),
        "errors": Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(type=OpenAPIType.OBJECT, additional_properties=Schema()),
            description="field-level messages for an invalid request",
        ),
    },
    description="RFC 9457 problem details",
)
# Status -> description of the errors any operation may answer with.
EVERY_OPERATION = {
    "401": "No API key, or one that is not valid (see WWW-Authenticate)",
    "403": "The API key was revoked",
    "429": "Rate limit reached (see Retry-After)",
    "503": "The database is unavailable; try again (see Retry-After)",
}
WRITES_ONLY = {"413": "The request body or the article is over the size limit"}
SECURITY_SCHEMES = {
    "bearer": SecurityScheme(type="http", scheme="bearer", description="Authorization: Bearer tnr_..."),
    "apiKey": SecurityScheme(
        type="apiKey", name="X-API-Key", security_scheme_in="header", description="X-API-Key: tnr_..."
    ),
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _problem_response(description: str) -> OpenAPIResponse:
    reference = Reference(ref="#/components/schemas/Problem")
    return OpenAPIResponse(
        description=description, content={PROBLEM_MEDIA_TYPE: OpenAPIMediaType(schema=reference)}
    )


def _document_operation(method: str, operation: Operation, keys_on_reads: bool) -> None:
    """keys_on_reads: whether this operation needs a key for reads (settings or ALWAYS_KEYED)."""
    responses = operation.responses if operation.responses is not None else {}
    for status, response in list(responses.items()):
        if status[:1] in "45" and isinstance(response, OpenAPIResponse):
            responses[status] = _problem_response(response.description)
    is_write = method.upper() in WRITE_METHODS
    extra = {**EVERY_OPERATION, **(WRITES_ONLY if is_write else {})}
    for status, description in extra.items():
        responses.setdefault(status, _problem_response(description))
    operation.responses = responses
    if is_write or keys_on_reads:
        operation.security = [{"bearer": []}, {"apiKey": []}]


def _document(
    openapi: OpenAPI, keys_on_reads: bool, always_keyed: frozenset[tuple[str, str]] = frozenset()
) -> None:
    components = openapi.components if isinstance(openapi.components, Components) else Components()
    components.schemas = {**(components.schemas or {}), "Problem": PROBLEM_SCHEMA}
    _type_details(components.schemas)
    components.security_schemes = {**(components.security_schemes or {}), **SECURITY_SCHEMES}
    openapi.components = components
    for path, item in (openapi.paths or {}).items():
        if path.startswith("/schema"):
            continue
        for method in _METHODS:
            operation = getattr(item, method, None)
            if isinstance(operation, Operation):
                _document_operation(method, operation, keys_on_reads or (path, method) in always_keyed)


def _type_details(schemas: dict[str, Schema]) -> None:
    """EventOut's `details` keyed by its `type` (tenure.shape.details_schemas), with examples.

    The rules and definitions are JSON Schema already; Litestar writes plain dicts out as given.
    """
    event = schemas.get("EventOut")
    if not isinstance(event, Schema):
        return
    rules, details = details_schemas("#/components/schemas/{name}")
    event.all_of = cast(list[Schema], rules)
    event.examples = [EVENT_EXAMPLE]
    schemas.update(cast(dict[str, Schema], details))


class _DocumentingOpenAPIPlugin(OpenAPIPlugin):
    """Litestar's OpenAPI plugin, with our rewrite applied whenever it (re)builds the document.

    The document is built lazily, on the first request for /schema, so apps made and thrown away
    by tests pay nothing for it.
    """

    __slots__ = ()

    def _build_openapi(self) -> OpenAPI:
        openapi = super()._build_openapi()
        state = self.app.state
        settings = state.get("settings")
        keys_on_reads = bool(state.get("require_keys", True) and getattr(settings, "require_read_key", False))
        _document(openapi, keys_on_reads, self._always_keyed())
        return openapi

    def _always_keyed(self) -> frozenset[tuple[str, str]]:
        """(path, method) of the operations whose handler says reads need a key (ALWAYS_KEYED)."""
        return frozenset(
            (route.path_format or "/", str(method).lower())
            for route in self.included_routes.values()
            for method, (handler, _) in route.route_handler_map.items()
            if (handler.opt or {}).get("api_key") == ALWAYS_KEYED["api_key"]
        )


def document_problems_and_keys(app: Litestar) -> None:
    """Make the app's OpenAPI document describe problem details and API keys (see module doc)."""
    plugin = app.plugins.get(OpenAPIPlugin)
    # Same slots, one overridden method: swapping the class keeps Litestar's own instance and wiring.
    plugin.__class__ = _DocumentingOpenAPIPlugin
