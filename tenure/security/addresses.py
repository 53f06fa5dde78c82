"""The address guard: which hosts tenure may send requests to (URL fetches, webhook targets).

A URL is checked after resolution: every A and AAAA address its host resolves to must be a
global unicast address, else the URL is refused. Callers then connect to one of the checked
addresses (see tenure.security.http), so a name that resolves differently a moment later (DNS
rebinding) cannot move the request somewhere that was never checked.

The operator may allow hosts or networks explicitly (Settings.webhook_allow_hosts): an entry
that parses as an address or CIDR allows those addresses; any other entry is a host name whose
addresses are then not checked, except the cloud metadata addresses, which only an explicit
address or CIDR entry can allow.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from tenure.errors import AddressRefused

__all__ = [
    "AllowList",
    "IpAddress",
    "Resolver",
    "Target",
    "check_ip",
    "check_target",
    "parse_target",
    "refusal_reason",
    "resolve_and_check",
    "resolver_from",
    "system_resolver",
]

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> every address the host resolves to. Tests inject a fake one.
Resolver = Callable[[str, int], Awaitable[list[IpAddress]]]

ALLOWED_SCHEMES = ("http", "https")
# Named in the refusal so an operator sees at once why an innocent-looking name was refused.
METADATA_ADDRESSES: dict[IpAddress, str] = {
    ipaddress.ip_address("169.254.169.254"): "the cloud instance metadata service",
    ipaddress.ip_address("fd00:ec2::254"): "the cloud instance metadata service (IPv6)",
}
# IPv6 ranges that carry an IPv4 address inside them; the inner address is what a gateway
# would reach, so it is the one checked. Example: 64:ff9b::a00:1 reaches 10.0.0.1 via NAT64.
_EMBEDDING_V4 = (
    ipaddress.ip_network("64:ff9b::/96"),  # NAT64 well-known prefix: last 32 bits
    ipaddress.ip_network("::/96"),  # deprecated IPv4-compatible addresses: last 32 bits
)
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")  # 6to4: bits 16..48
# Resolving a name must not hang a request either.
RESOLVE_TIMEOUT = 5.0


@dataclass(frozen=True)
class AllowList:
    """Operator-allowed host names and networks (Settings.webhook_allow_hosts)."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(default=())

    @classmethod
    def parse(cls, entries: AllowList | Iterable[str] | None) -> AllowList:
        if isinstance(entries, AllowList):
            return entries
        hosts: set[str] = set()
        networks = []
        for raw in entries or ():
            entry = raw.strip()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(_normal_host(entry))
        return cls(frozenset(hosts), tuple(networks))

    def allows_host(self, host: str) -> bool:
        return _normal_host(host) in self.hosts

    def allows_ip(self, ip: IpAddress) -> bool:
        return any(ip in net for net in self.networks)


@dataclass(frozen=True)
class Target:
    """A URL split into what the guard checks and what the connection needs."""

    url: httpx.URL
    host: str
    port: int


def _normal_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def unwrap(ip: IpAddress) -> IpAddress:
    """The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), else ip."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in (ipaddress.IPv6Address("::"), ipaddress.IPv6Address("::1")):
        return ip  # their own names (unspecified, loopback) say more than 0.0.0.0/0.0.0.1
    if any(ip in net for net in _EMBEDDING_V4):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def _refusal(ip: IpAddress) -> tuple[str, str] | None:
    """(the address as shown, what kind it is) when tenure will not connect to it, else None."""
    inner = unwrap(ip)
    shown = str(ip) if inner == ip else f"{ip} (which carries {inner})"
    for candidate in {ip, inner}:
        if candidate in METADATA_ADDRESSES:
            return shown, METADATA_ADDRESSES[candidate]
    if inner.is_unspecified:
        return shown, "the unspecified address (it means this machine)"
    if inner.is_loopback:
        return shown, "a loopback address (this machine)"
    if inner.is_link_local:
        return shown, "a link-local address"
    if inner.is_multicast:
        return shown, "a multicast address"
    if inner.is_private:
        return shown, "a private-network address"
    if not inner.is_global:
        return shown, "not a public internet address (reserved or shared range)"
    return None


def refusal_reason(ip: IpAddress) -> str | None:
    """Why tenure will not connect to this address, or None when it is a global unicast one."""
    refusal = _refusal(ip)
    return None if refusal is None else f"{refusal[0]} is {refusal[1]}"


def check_ip(
    ip: IpAddress, allow: AllowList | Iterable[str] | None = None, *, host: str | None = None
) -> None:
    """Raise AddressRefused unless tenure may connect to ip (reached through host, if a name)."""
    allowed = AllowList.parse(allow)
    if allowed.allows_ip(ip) or allowed.allows_ip(unwrap(ip)):
        return
    refusal = _refusal(ip)
    if refusal is None:
        return
    shown, kind = refusal
    is_metadata = ip in METADATA_ADDRESSES or unwrap(ip) in METADATA_ADDRESSES
    if host is not None and allowed.allows_host(host) and not is_metadata:
        return
    named = host is not None and _normal_host(host) != str(ip)
    reason = f"{host} resolves to {shown}, which is {kind}" if named else f"{shown} is {kind}"
    raise AddressRefused(
        f"refused to connect: {reason}; tenure only sends requests to public addresses "
        "(an operator can allow a host or network with TENURE_WEBHOOK_ALLOW_HOSTS)"
    )


def parse_target(url: str | httpx.URL) -> Target:
    """Refuse URLs tenure never requests: other schemes, credentials, no host; else split it."""
    try:
        parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise AddressRefused(f"refused URL {str(url)[:200]!r}: it is not a valid URL ({exc})") from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise AddressRefused(
            f"refused URL: the scheme {parsed.scheme or '(none)'!r} is not allowed; use http or https"
        )
    if parsed.userinfo:
        raise AddressRefused(
            "refused URL: it carries a user name or password; tenure never sends credentials in URLs"
        )
    host = _normal_host(parsed.host)
    if not host:
        raise AddressRefused("refused URL: it has no host name")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return Target(parsed, host, port)


def literal_ip(host: str) -> IpAddress | None:
    """The address a host string names directly, including legacy forms (127.1, 0x7f.1, 2130706433)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if all(part and (part.isdigit() or part.lower().startswith("0x")) for part in host.split(".")):
        try:
            # inet_aton is what the C resolver uses for these forms, so we read them the same way.
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


async def system_resolver(host: str, port: int) -> list[IpAddress]:
    """Every A and AAAA address of host, via the operating system's resolver."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[IpAddress, None] = {}
    for _family, _type, _proto, _name, sockaddr in infos:
        # Strip an IPv6 zone id ("fe80::1%eth0"); the address is still link-local.
        seen[ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])] = None
    return list(seen)


def resolver_from(settings: Any) -> Resolver:
    """The resolver to use: one injected through Settings.extra["resolver"] (tests), else the system's."""
    extra = getattr(settings, "extra", None) or {}
    injected = extra.get("resolver")
    return injected if injected is not None else system_resolver


async def check_target(
    target: Target, allow: AllowList | Iterable[str] | None, resolver: Resolver | None = None
) -> list[IpAddress]:
    allowed = AllowList.parse(allow)
    literal = literal_ip(target.host)
    if literal is not None:
        check_ip(literal, allowed)
        return [literal]
    resolve = resolver or system_resolver
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT):
            addresses = await resolve(target.host, target.port)
    except (OSError, TimeoutError, UnicodeError) as exc:
        raise AddressRefused(f"refused URL: the host {target.host} could not be resolved ({exc})") from exc
    if not addresses:
        raise AddressRefused(f"refused URL: the host {target.host} has no addresses")
    # One bad address refuses the whole name: a connection could otherwise land on it.
    for ip in addresses:
        check_ip(ip, allowed, host=target.host)
    return list(addresses)


async def resolve_and_check(
    url: str | httpx.URL, allow: AllowList | Iterable[str] | None = None, *, resolver: Resolver | None = None
) -> list[IpAddress]:
    """Resolve the URL's host and return its addresses, or raise AddressRefused saying why not."""
    return await check_target(parse_target(url), allow, resolver)
