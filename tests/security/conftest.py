"""Fixtures for the security tests: a loopback HTTP server and a table resolver."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from .fakes import FakeResolver, LoopbackServer


@pytest.fixture
def fake_resolver() -> Callable[[dict[str, list[str]]], FakeResolver]:
    return FakeResolver


@pytest.fixture
async def loopback() -> AsyncIterator[Callable[..., Awaitable[LoopbackServer]]]:
    """`await loopback((200, {...}, b"body"), ...)` starts a server on 127.0.0.1 for this test."""
    servers: list[LoopbackServer] = []

    async def serve(*responses: tuple[int, dict[str, str], bytes]) -> LoopbackServer:
        servers.append(LoopbackServer(list(responses)))
        return servers[-1]

    yield serve
    for server in servers:
        server.close()
