"""The Litestar application: routes, dependencies, error mapping, database lifespan.

Other areas plug in here with one line each: a controller goes in ROUTE_HANDLERS, a guard in
GUARDS, a middleware in MIDDLEWARE. Nothing else in this module needs to change.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.types import ControllerRouterHandler, Guard, Middleware

from tenure import __version__
from tenure.api.articles import ArticleController
from tenure.api.asgi import TenureApp
from tenure.api.auth import require_api_key
from tenure.api.curation import EventCurationController
from tenure.api.deps import DEPENDENCIES
from tenure.api.entities import CompanyController, PersonController
from tenure.api.events import EventController
from tenure.api.leadership import company_leadership, person_roles
from tenure.api.openapi_docs import document_problems_and_keys
from tenure.api.problems import EXCEPTION_HANDLERS
from tenure.api.sources import SourceController
from tenure.api.webhooks import DeliveryController, SubscriptionController
from tenure.errors import ConfigurationError, DatabaseUnavailable, SchemaOutOfDate
from tenure.models.availability import database_errors
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import ensure_current
from tenure.observability.logs import LOG_FORMATS, use_json_logs
from tenure.observability.requests import observe_requests
from tenure.observability.routes import healthz, metrics, readyz
from tenure.pages import PAGES, STATIC, TEMPLATES, swagger_asset
from tenure.security.redact import install_log_redaction
from tenure.settings import Settings
from tenure.timelines.direct import DirectReads

__all__ = ["GUARDS", "MIDDLEWARE", "ROUTE_HANDLERS", "app_from_environment", "check_database", "create_app"]

_log = logging.getLogger("tenure.api")

# Controllers and route handlers served by the app. Add yours here.
ROUTE_HANDLERS: list[ControllerRouterHandler] = [
    ArticleController,
    PersonController,
    CompanyController,
    EventController,
    EventCurationController,
    SubscriptionController,
    DeliveryController,
    company_leadership,
    person_roles,
    PAGES,
    STATIC,
    SourceController,
    healthz,
    readyz,
    metrics,
]
# Guards run before every handler (API keys, for instance). Add yours here.
GUARDS: list[Guard] = [require_api_key]
# ASGI middleware, outermost first (rate limits, for instance). Add yours here.
MIDDLEWARE: list[Middleware] = [observe_requests]


def create_app(settings: Settings, *, check_schema: bool = True, require_keys: bool = True) -> Litestar:
    """The app for these settings; it refuses to start on a database behind the migrations.

    require_keys=False turns the API-key guard off: for tests of other areas only, never serving.
    """
    if settings.log_format not in LOG_FORMATS:
        raise ConfigurationError(
            f"TENURE_LOG_FORMAT={settings.log_format!r}: use one of {', '.join(LOG_FORMATS)}"
        )
    app = TenureApp(
        route_handlers=list(ROUTE_HANDLERS),
        dependencies=dict(DEPENDENCIES),
        guards=list(GUARDS),
        middleware=list(MIDDLEWARE),
        exception_handlers=dict(EXCEPTION_HANDLERS),  # type: ignore[arg-type]
        lifespan=[_database],
        openapi_config=OpenAPIConfig(
            title="tenure",
            version=__version__,
            description="Executive-movement events extracted from news articles, as timelines.",
            path="/schema",
            # Swagger UI from the package's own assets: the docs render with no internet.
            render_plugins=[
                SwaggerRenderPlugin(
                    js_url=swagger_asset("swagger-ui-bundle.js"),
                    css_url=swagger_asset("swagger-ui.css"),
                    standalone_preset_js_url=swagger_asset("swagger-ui-standalone-preset.js"),
                    favicon=f"<link rel='icon' href='{swagger_asset('favicon.svg')}' type='image/svg+xml'>",
                )
            ],
        ),
        template_config=TEMPLATES,
        request_max_body_size=settings.max_request_bytes,
        debug=False,
    )
    app.state.settings = settings
    app.state.check_schema = check_schema
    app.state.require_keys = require_keys
    # Secrets never reach a log line, whatever logs them (tenure.security.redact).
    install_log_redaction()
    # Errors are documented as the problem details they are, with the API-key schemes.
    document_problems_and_keys(app)
    return app


def app_from_environment() -> Litestar:
    """An entry point for other ASGI servers: `uvicorn --factory tenure.api.app:app_from_environment`.

    Settings come from TENURE_* variables, as for `tenure serve`; no delivery worker runs here.
    """
    from tenure.settings import load_settings

    return create_app(load_settings())


@asynccontextmanager
async def _database(app: Litestar) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    if settings.log_format == "json":
        use_json_logs(settings.log_level)  # after uvicorn set up its loggers, so it replaces them
    if app.state.check_schema:
        await check_database(settings)
    engine = create_engine(settings.database_url)
    app.state.engine = engine
    app.state.sessions = session_factory(engine, write_wait=settings.sqlite_write_wait)
    app.state.direct_reads = await DirectReads.open(engine)
    try:
        yield
    finally:
        if app.state.direct_reads is not None:
            await app.state.direct_reads.close()
        await engine.dispose()


async def check_database(settings: Settings) -> None:
    """Raise SchemaOutOfDate (saying what to run) or DatabaseUnavailable, logging the one line."""
    try:
        async with database_errors(settings.database_url, connecting=True):
            await ensure_current(settings.database_url)
    except (SchemaOutOfDate, DatabaseUnavailable) as exc:
        _log.error("%s", exc.detail)
        raise
