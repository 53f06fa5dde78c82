"""A real HTTP receiver on 127.0.0.1 for webhook tests: scripted answers, every request recorded.

A stdlib server in its own thread, so it answers whatever event loop the worker runs in; the
only place webhook tests send traffic to.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.time() when the body was read


class Receiver:
    """Answers each POST with the next scripted (status, headers), then `default` when out.

    `stall` (when set) is awaited before answering, to hold a request open mid-attempt.
    """

    def __init__(self, script: list[tuple[int, dict[str, str]]] | None = None, default: int = 200) -> None:
        self.script = list(script or [])
        self.default = default
        self.received: list[Received] = []
        self.stall: threading.Event | None = None
        self.answer: bytes | None = None  # the body of every answer, when set
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body in one segment: no Nagle and delayed-ACK stall of ~40 ms per request.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with owner.lock:
                    owner.received.append(
                        Received(
                            self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.time()
                        )
                    )
                    status, headers = owner.script.pop(0) if owner.script else (owner.default, {})
                if owner.stall is not None:
                    owner.stall.wait(10)
                answer = owner.answer or (b'{"ok": true}' if status < 300 else b"receiver says no")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                return

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

            def handle_error(self, request: Any, client_address: Any) -> None:
                return  # a client that hung up mid-answer (the killed-worker test) is expected

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        if self.stall is not None:
            self.stall.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
