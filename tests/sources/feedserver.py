"""A feed server on 127.0.0.1 for the poller's tests: fixture feeds and pages, ETags, bad answers.

Routes map a path to a Route: a body with its media type, or a function answering the request.
A Route with an etag answers 304 to a request that sends it back in If-None-Match. Every
request is recorded (path, Host, headers, time), so tests can check politeness and conditional GET.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Seen:
    path: str
    host: str
    headers: dict[str, str]
    at: float
    done: float


Answer = Callable[[BaseHTTPRequestHandler], Route]


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Answer] = {}
        self.seen: list[Seen] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                started = time.monotonic()
                path = self.path.split("?", 1)[0]
                found = owner.routes.get(path)
                route = found(self) if callable(found) else found or Route(b"not here", "text/plain", 404)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    route = Route(b"", route.content_type, 304, route.etag)
                self.send_response(route.status)
                if route.status != 304 or route.etag:
                    self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(route.body)
                owner.seen.append(
                    Seen(path, self.headers.get("Host", ""), dict(self.headers), started, time.monotonic())
                )

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def base(self, host: str = "wire.test") -> str:
        return f"http://{host}:{self.port}"

    def fixture(self, name: str, host: str = "wire.test") -> bytes:
        return (FIXTURES / name).read_text().replace("{base}", self.base(host)).encode()

    def serve_pages(self, host: str = "wire.test") -> None:
        """Every fixture page at /pages/NAME, and a robots.txt that allows everything but /private/."""
        for page in (FIXTURES / "pages").glob("*.html"):
            self.routes[f"/pages/{page.name}"] = Route(page.read_bytes(), "text/html; charset=utf-8")
        self.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")

    def requests_to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
