"""Outbound HTTP through the address guard: every request tenure sends to a URL it was given.

Each request resolves and checks the host (tenure.security.addresses), then connects to a
checked address: the URL's host is rewritten to the IP, the Host header keeps the name, and for
https the TLS server name (SNI and certificate check) stays the name too. Redirects are never
followed by httpx; `fetch` follows them itself, checking every hop. Every request has a deadline
(Settings.http_timeout, for connect, send and the whole body) and a cap on the body it reads.
Proxies from the environment are ignored (trust_env=False): a proxy would connect on our behalf
to an address we never checked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from tenure.errors import AddressRefused, FetchFailed
from tenure.security.addresses import (
    AllowList,
    IpAddress,
    Resolver,
    Target,
    check_target,
    parse_target,
    resolver_from,
)

__all__ = ["GuardedResponse", "fetch", "guarded_request", "transport_from"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class GuardedResponse:
    status_code: int
    headers: httpx.Headers
    body: bytes
    # The URL as the caller named it (host name, not the address connected to).
    url: httpx.URL
    # True when the body was longer than the cap and reading stopped there.
    truncated: bool


def transport_from(settings: Any) -> httpx.AsyncBaseTransport | None:
    """A transport injected through Settings.extra["http_transport"] (tests), else None."""
    extra = getattr(settings, "extra", None) or {}
    return extra.get("http_transport")


def _host_header(target: Target) -> str:
    default = 443 if target.url.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def _pinned_request(
    client: httpx.AsyncClient,
    method: str,
    target: Target,
    ip: IpAddress,
    headers: Mapping[str, str] | None,
    content: bytes | None,
) -> httpx.Request:
    pinned = target.url.copy_with(host=str(ip))
    merged = {**(headers or {}), "Host": _host_header(target)}
    extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
    return client.build_request(method, pinned, headers=merged, content=content, extensions=extensions)


async def _read_capped(response: httpx.Response, max_bytes: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        room = max_bytes - size
        if len(chunk) > room:
            chunks.append(chunk[:room])
            return b"".join(chunks), True
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), False


async def _send_to_first_reachable(
    client: httpx.AsyncClient,
    method: str,
    target: Target,
    addresses: list[IpAddress],
    headers: Mapping[str, str] | None,
    content: bytes | None,
    max_bytes: int,
) -> GuardedResponse:
    last_error: Exception | None = None
    for ip in addresses:
        request = _pinned_request(client, method, target, ip, headers, content)
        try:
            response = await client.send(request, stream=True)
        except httpx.ConnectError as exc:  # try the host's next checked address
            last_error = exc
            continue
        try:
            body, truncated = await _read_capped(response, max_bytes)
        finally:
            await response.aclose()
        return GuardedResponse(response.status_code, response.headers, body, target.url, truncated)
    raise FetchFailed(f"could not connect to {target.host}: {last_error}")


async def guarded_request(
    method: str,
    url: str | httpx.URL,
    *,
    allow: AllowList | Iterable[str] | None,
    deadline: float,
    max_bytes: int,
    headers: Mapping[str, str] | None = None,
    content: bytes | None = None,
    resolver: Resolver | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> GuardedResponse:
    """One request, no redirects followed, to a checked address of the URL's host.

    deadline (seconds) bounds everything: resolution, connect, send and reading the body.
    Raises AddressRefused (before any connection) for a refused URL, FetchFailed when the host
    cannot be reached or the deadline passes; a 3xx comes back as a response like any other.
    """
    target = parse_target(url)
    try:
        async with asyncio.timeout(deadline):
            addresses = await check_target(target, allow, resolver)
            async with httpx.AsyncClient(
                transport=transport,
                follow_redirects=False,
                trust_env=False,
                timeout=httpx.Timeout(deadline),
            ) as client:
                return await _send_to_first_reachable(
                    client, method, target, addresses, headers, content, max_bytes
                )
    except TimeoutError as exc:
        raise FetchFailed(f"{target.host} did not answer within {deadline:g} s") from exc
    except httpx.HTTPError as exc:
        raise FetchFailed(f"request to {target.host} failed: {type(exc).__name__}: {exc}") from exc


async def fetch(
    url: str,
    settings: Any,
    *,
    max_bytes: int,
    headers: Mapping[str, str] | None = None,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    allow: AllowList | Iterable[str] | None = None,
    new_transport: Callable[[], httpx.AsyncBaseTransport] | None = None,
) -> GuardedResponse:
    """GET a URL, following up to max_redirects redirects by hand and checking every hop.

    new_transport: a fresh transport per hop (a caller fetching many URLs passes one built on a
    shared SSL context: loading the CA certificates for every request costs ~75 ms of CPU).
    """
    allowed = AllowList.parse(settings.webhook_allow_hosts if allow is None else allow)
    current = httpx.URL(url) if isinstance(url, str) else url
    for hop in range(max_redirects + 1):
        try:
            response = await guarded_request(
                "GET",
                current,
                allow=allowed,
                deadline=settings.http_timeout,
                max_bytes=max_bytes,
                headers=headers,
                resolver=resolver_from(settings),
                transport=transport_from(settings) or (new_transport() if new_transport else None),
            )
        except AddressRefused as exc:
            if hop == 0:
                raise
            raise AddressRefused(f"{url} redirected to {current}: {exc.detail}") from exc
        location = response.headers.get("location")
        if response.status_code not in REDIRECT_STATUSES or not location:
            return response
        try:
            current = current.join(location)
        except (httpx.InvalidURL, ValueError) as exc:
            raise FetchFailed(f"{current.host} redirected to an invalid URL: {location[:200]!r}") from exc
    raise FetchFailed(f"{url} redirected more than {max_redirects} times")
