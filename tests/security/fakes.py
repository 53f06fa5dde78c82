"""Fakes that keep the address-guard tests off the network.

FakeResolver answers from a table (never the system resolver); FailingTransport fails the test
if a request ever reaches it, so a refused target provably got no connection; LoopbackServer is a
tiny HTTP server on 127.0.0.1, the only place a guard test may send traffic.
"""

from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


class LoopbackServer:
    """Answers each request with the next canned (status, headers, body); records request heads.

    A stdlib server in its own thread, so it answers whichever event loop (or thread) the client
    runs in: Litestar's test client runs the app in a portal thread.
    """

    def __init__(self, responses: list[tuple[int, dict[str, str], bytes]]) -> None:
        self.responses = responses
        self.seen: list[bytes] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                owner.seen.append(self.requestline.encode() + b"\r\n" + bytes(self.headers))
                status, headers, body = owner.responses.pop(0) if owner.responses else (404, {}, b"")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
