"""Fixtures for the security tests: a loopback HTTP server and a table resolver."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from .fakes import FakeResolver, LoopbackServer


@pytest.fixture
def fake_resolver() -> Callable[[dict[str, list[str]]], FakeResolver]:
    return FakeResolver


@pytest.fixture
async def loopback() -> AsyncIterator[Callable[..., Awaitable[LoopbackServer]]]:
    """`await loopback((200, {...}, b"body"), ...)` starts a server on 127.0.0.1 for this test."""
    servers: list[asyncio.Server] = []

    async def serve(*responses: tuple[int, dict[str, str], bytes]) -> LoopbackServer:
        state = LoopbackServer(list(responses))
        server = await asyncio.start_server(state._handle, "127.0.0.1", 0)
        state.port = server.sockets[0].getsockname()[1]
        servers.append(server)
        return state

    yield serve
    for server in servers:
        server.close()
        await server.wait_closed()
