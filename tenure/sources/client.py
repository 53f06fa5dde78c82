"""Every request the poller sends: through the address guard, capped, polite, identified.

Requests go through tenure.security.http.fetch (public addresses only, checked on every redirect,
Settings.http_timeout, a byte cap), one at a time per host with Settings.sources_host_interval
between them, and with a User-Agent naming tenure and Settings.sources_contact.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from tenure import __version__
from tenure.errors import AddressRefused, FetchFailed
from tenure.ingest.fetch import ACCEPT_HEADER as PAGE_ACCEPT
from tenure.security.http import GuardedResponse, fetch
from tenure.settings import Settings
from tenure.sources.politeness import HostTurns, RobotsRules, RobotsVerdict
from tenure.sources.urls import host_of

__all__ = ["FEED_ACCEPT", "SourceClient", "Validators", "user_agent"]

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.5"
)
# robots.txt files are small; a larger one is read up to here (RFC 9309 asks for at least 500 KiB).
ROBOTS_MAX_BYTES = 512_000


def user_agent(settings: Settings) -> str:
    contact = f"; +{settings.sources_contact}" if settings.sources_contact else ""
    return f"tenure/{__version__} (news source poller{contact})"


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last full answer said, sent back so an unchanged feed costs a 304."""

    etag: str | None = None
    last_modified: str | None = None


class SourceClient:
    """One per worker: the host turns and robots.txt cache are shared by every source it polls."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.agent = user_agent(settings)
        self.turns = HostTurns(settings.sources_host_interval)
        self.robots = RobotsRules(self._robots_txt, self.agent)
        # One SSL context for every request; each request still gets its own transport, so no
        # connection is ever reused for another host name on the same address.
        self._ssl = httpx.create_ssl_context()

    def _transport(self) -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(verify=self._ssl, trust_env=False, retries=0)

    async def get(
        self, url: str, *, accept: str, max_bytes: int, validators: Validators | None = None
    ) -> GuardedResponse:
        """GET url politely; AddressRefused or FetchFailed when no usable answer came."""
        headers = {"Accept": accept, "User-Agent": self.agent}
        if validators is not None and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators is not None and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        async with self.turns.turn(host_of(url)):
            return await fetch(
                url, self.settings, max_bytes=max_bytes, headers=headers, new_transport=self._transport
            )

    async def page(self, url: str) -> GuardedResponse:
        return await self.get(url, accept=PAGE_ACCEPT, max_bytes=self.settings.fetch_max_bytes)

    async def may_fetch(self, url: str) -> RobotsVerdict:
        """robots.txt's answer for an article page."""
        scheme, _, rest = url.partition("://")
        authority = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        return await self.robots.verdict(url, f"{scheme}://{authority}/robots.txt")

    async def _robots_txt(self, robots_url: str) -> tuple[int | None, bytes]:
        try:
            response = await self.get(robots_url, accept="text/plain", max_bytes=ROBOTS_MAX_BYTES)
        except (AddressRefused, FetchFailed):
            return None, b""
        return response.status_code, response.body
