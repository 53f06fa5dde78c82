"""Fakes that keep the address-guard tests off the network.

FakeResolver answers from a table (never the system resolver); FailingTransport fails the test
if a request ever reaches it, so a refused target provably got no connection; LoopbackServer is a
tiny HTTP server on 127.0.0.1, the only place a guard test may send traffic.
"""

from __future__ import annotations

import asyncio
import ipaddress
from dataclasses import dataclass, field

import httpx
import pytest

from tenure.security.addresses import IpAddress


class FakeResolver:
    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = {name: [ipaddress.ip_address(a) for a in addrs] for name, addrs in table.items()}
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[IpAddress]:
        self.asked.append(host)
        if host not in self.table:
            raise OSError(f"[fake resolver] no such host: {host}")
        return list(self.table[host])


class FailingTransport(httpx.AsyncBaseTransport):
    """Any request through this transport is a test failure: the guard should have refused it."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pytest.fail(f"the guard let a request through to {request.url}")


@dataclass
class LoopbackServer:
    """Answers each request with the next canned (status, headers, body); records what it saw."""

    responses: list[tuple[int, dict[str, str], bytes]]
    seen: list[bytes] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        self.seen.append(head)
        status, headers, body = self.responses.pop(0) if self.responses else (404, {}, b"")
        lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        writer.close()
