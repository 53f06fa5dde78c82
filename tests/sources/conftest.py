"""Fixtures for the source poller: a feed server on 127.0.0.1 and settings that may reach it.

Test host names (wire.test, notes.test, ...) resolve through a fake resolver to 127.0.0.1, which
the settings allow explicitly: the address guard is on, and loopback is allowed in tests only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from security.fakes import FakeResolver

from tenure.settings import Settings

from .feedserver import FeedServer

HOSTS = ("wire.test", "notes.test", "digest.test", "other.test", "bomb.test")
RESOLVER = FakeResolver({**{host: ["127.0.0.1"] for host in HOSTS}, "intranet.test": ["10.0.0.7"]})


def source_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "webhook_allow_hosts": ("127.0.0.1",),
        "http_timeout": 5.0,
        "sources_host_interval": 0.0,
        "sources_contact": "mailto:newsroom-ops@example.com",
        "extra": {"resolver": RESOLVER},
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return source_settings(database_url)
