"""The one settings object, read from TENURE_* environment variables.

Code below the entry points (CLI, API app factory, worker) receives a Settings instance;
nothing else reads os.environ.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

DEFAULT_SQLITE_URL = "sqlite+aiosqlite:///./tenure.db"
# Standard Webhooks' suggested schedule: seconds to wait before each retry.
DEFAULT_RETRY_SCHEDULE = (5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)


# Plain and sync-driver URLs people copy from other tools, and the async driver tenure runs on.
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+pysqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+psycopg": "postgresql+asyncpg",
    "postgresql+psycopg2": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


def async_database_url(url: str) -> str:
    """The URL on tenure's async driver: `postgresql://` and `sqlite:///` are accepted as they are
    commonly written; any other scheme is a ConfigurationError saying what to write."""
    scheme, sep, rest = url.strip().partition("://")
    driver = _ASYNC_DRIVERS.get(scheme.lower()) if sep else None
    if driver is None:
        from tenure.errors import ConfigurationError

        shown = f"{scheme}://..." if sep else "a value without a scheme"
        raise ConfigurationError(
            f"TENURE_DATABASE_URL is {shown}: use sqlite+aiosqlite:///path/to/tenure.db or "
            "postgresql+asyncpg://user:password@host:5432/dbname"
        )
    return f"{driver}://{rest}"


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_SQLITE_URL
    host: str = "127.0.0.1"
    port: int = 8000
    # Public base URL used in webhook payloads and printed links.
    public_url: str = ""
    # Largest article body accepted, in bytes (API and CLI). 500,000 bytes are at most 500,000
    # characters, the extractor's own limit (MAX_ARTICLE_CHARS), so the two never disagree.
    max_article_bytes: int = 500_000
    # Largest request body, in bytes.
    max_request_bytes: int = 2_000_000
    page_size_default: int = 50
    page_size_max: int = 500
    # Reads need an API key when true; writes always do.
    require_read_key: bool = False
    # Requests per minute per API key (0 disables the limit).
    rate_limit_per_minute: int = 600
    # Timeout in seconds for every outbound HTTP request (URL fetches, webhook sends).
    http_timeout: float = 10.0
    # Largest page fetched for POST /articles with a URL, in bytes.
    fetch_max_bytes: int = 2_000_000
    webhook_allow_hosts: tuple[str, ...] = ()
    webhook_retry_schedule: tuple[int, ...] = DEFAULT_RETRY_SCHEDULE
    # Seconds between polls of the delivery outbox when idle.
    worker_poll_interval: float = 0.5
    # Run a delivery worker inside `tenure serve`.
    serve_worker: bool = True
    # Following sources (tenure.sources): how often a new source is polled, in seconds.
    sources_every: int = 900
    # Seconds between two requests to one host (0 in tests); requests to a host never overlap.
    sources_host_interval: float = 1.0
    # Put in the User-Agent so a site's operator can reach us, e.g. "mailto:news-ops@example.com".
    sources_contact: str = ""
    # Backoff after failed polls doubles from the source's interval up to this many seconds.
    sources_backoff_max: int = 21_600
    # A source failing for this many seconds without a success is marked unhealthy.
    sources_unhealthy_after: int = 86_400
    # Largest feed read, in bytes; items read per poll (the rest of a longer feed is left).
    sources_feed_max_bytes: int = 5_000_000
    sources_max_items: int = 200
    # Sources one worker polls at once, and seconds between looks for due sources when idle.
    sources_concurrency: int = 8
    sources_idle_seconds: float = 5.0
    log_level: str = "INFO"
    # "text", or "json": one JSON object per line with the request id (tenure.observability.logs).
    log_format: str = "text"
    # SQLite: seconds a write waits for the process's one writer before a 503 with Retry-After.
    sqlite_write_wait: float = 20.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")


def _coerce(raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, tuple):
        items = _split(raw)
        if default and isinstance(default[0], int):
            return tuple(int(x) for x in items)
        return items
    return raw


def load_settings(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build Settings from TENURE_* variables; keyword overrides win (tests use them)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name == "extra":
            continue
        raw = env.get(f"TENURE_{f.name.upper()}")
        if raw is not None:
            default = getattr(Settings(), f.name)
            try:
                values[f.name] = _coerce(raw, default)
            except ValueError as exc:
                from tenure.errors import ConfigurationError

                raise ConfigurationError(f"TENURE_{f.name.upper()}={raw!r} is not valid: {exc}") from exc
    values.update(overrides)
    if "database_url" in values:
        values["database_url"] = async_database_url(values["database_url"])
    return Settings(**values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
