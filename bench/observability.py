"""What the request middleware (tenure.observability.requests) adds to every request.

Calls a do-nothing ASGI app directly and through `observe_requests` (request id, context
variable, latency histogram by route) in the same loop, and prints the median cost per request
of each, and the difference: the target is well under 0.1 ms. A client X-Request-ID is sent on
half the requests, so both the kept and the generated id paths run.

    .venv/bin/python bench/observability.py                # 20,000 requests x 7 runs
    .venv/bin/python bench/observability.py --requests 5000 --runs 3
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from typing import Any

from tenure.observability.requests import observe_requests

_START = {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]}
_BODY = {"type": "http.response.body", "body": b"{}", "more_body": False}


async def endpoint(scope: Any, receive: Any, send: Any) -> None:
    await send(_START)
    await send(_BODY)


async def discard(message: Any) -> None:
    return None


async def receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


def scope(i: int) -> dict[str, Any]:
    headers = [(b"host", b"127.0.0.1:8000"), (b"accept", b"application/json")]
    if i % 2:
        headers.append((b"x-request-id", b"trace-%d" % i))
    return {
        "type": "http",
        "method": "GET",
        "path": f"/people/{i}/timeline",
        "path_template": "/people/{entity_id}/timeline",
        "headers": headers,
    }


async def per_request(app: Any, scopes: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    for s in scopes:
        await app(s, receive, discard)
    return (time.perf_counter() - started) / len(scopes)


async def main(requests: int, runs: int) -> None:
    scopes = [scope(i) for i in range(requests)]
    wrapped = observe_requests(endpoint)
    await per_request(wrapped, scopes[:1000])  # warm the histogram's label cache
    bare, observed = [], []
    for _ in range(runs):
        bare.append(await per_request(endpoint, scopes))
        observed.append(await per_request(wrapped, scopes))
    b, o = statistics.median(bare), statistics.median(observed)
    print(f"requests per run: {requests}, runs: {runs}, load average: {os.getloadavg()[0]:.2f}")
    print(f"bare app:          {b * 1e6:7.2f} us per request (median)")
    print(f"with middleware:   {o * 1e6:7.2f} us per request (median)")
    print(f"middleware adds:   {(o - b) * 1e6:7.2f} us per request (target < 100 us)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.runs))
