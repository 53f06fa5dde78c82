"""The address guard refuses every non-public target before any connection is opened."""

from __future__ import annotations

import ipaddress
from types import SimpleNamespace

import httpx
import pytest

from tenure.errors import AddressRefused, FetchFailed
from tenure.security.addresses import check_ip, resolve_and_check
from tenure.security.http import fetch, guarded_request

from .fakes import FailingTransport, FakeResolver

RESOLVER = FakeResolver(
    {
        "news.example": ["93.184.216.34"],
        "dual.example": ["93.184.216.34", "2606:2800:220:1::248"],
        "sneaky.example": ["127.0.0.1"],
        "half-private.example": ["93.184.216.34", "10.0.0.1"],
        "metadata.example": ["169.254.169.254"],
        "v6-loop.example": ["::1"],
        "mapped.example": ["::ffff:10.0.0.1"],
        "hooks.internal": ["10.1.2.3"],
    }
)

# (id, url, words the refusal must contain)
REFUSED_URLS = [
    ("loopback-v4", "http://127.0.0.1/hook", "loopback"),
    ("loopback-v4-short-form", "http://127.1/", "loopback"),
    ("loopback-v4-integer-form", "http://2130706433/", "loopback"),
    ("loopback-v4-hex-form", "http://0x7f.0.0.1/", "loopback"),
    ("private-10", "http://10.0.0.1/", "private"),
    ("private-192-168", "https://192.168.1.10/", "private"),
    ("metadata-v4", "http://169.254.169.254/latest/meta-data/", "metadata"),
    ("metadata-v6", "http://[fd00:ec2::254]/", "metadata"),
    ("loopback-v6", "http://[::1]:8080/", "loopback"),
    ("mapped-v6-loopback", "http://[::ffff:127.0.0.1]/", "carries 127.0.0.1"),
    ("nat64-private", "http://[64:ff9b::a00:1]/", "carries 10.0.0.1"),
    ("unspecified-v4", "http://0.0.0.0:8000/", "unspecified"),
    ("unspecified-v6", "http://[::]/", "unspecified"),
    ("multicast", "http://224.0.0.1/", "multicast"),
    ("link-local-v6", "http://[fe80::1]/", "link-local"),
    ("shared-cgnat", "http://100.64.0.1/", "not a public"),
    ("name-to-loopback", "http://sneaky.example/", "sneaky.example resolves to 127.0.0.1"),
    ("name-one-private-of-two", "http://half-private.example/", "10.0.0.1"),
    ("name-to-metadata", "http://metadata.example/", "metadata"),
    ("name-to-v6-loopback", "https://v6-loop.example/", "loopback"),
    ("name-to-mapped-private", "http://mapped.example/", "carries 10.0.0.1"),
    ("scheme-file", "file:///etc/passwd", "scheme"),
    ("scheme-gopher", "gopher://news.example/", "scheme"),
    ("credentials", "http://admin:hunter2@news.example/", "password"),
    ("unresolvable", "http://nowhere.example/", "could not be resolved"),
    ("no-host", "http:///path", "no host"),
    ("loopback-octal-form", "http://0177.0.0.1/", "not a valid URL"),
    ("loopback-trailing-dot", "http://127.0.0.1./", "loopback"),
    ("loopback-mapped-hex", "http://[::ffff:7f00:1]/", "carries 127.0.0.1"),
    ("link-local-with-zone", "http://[fe80::1%25eth0]/", "link-local"),
    ("backslash-userinfo-confusion", "http://news.example\\@127.0.0.1/", "user name or password"),
    ("port-userinfo-confusion", "http://127.0.0.1:80@news.example/", "user name or password"),
    ("percent-encoded-host", "http://%31%32%37.0.0.1/", "could not be resolved"),
    ("uppercase-scheme", "HTTP://127.0.0.1/", "loopback"),
]


@pytest.mark.parametrize(("url", "words"), [r[1:] for r in REFUSED_URLS], ids=[r[0] for r in REFUSED_URLS])
async def test_refused_urls(url: str, words: str) -> None:
    with pytest.raises(AddressRefused) as info:
        await resolve_and_check(url, (), resolver=RESOLVER)
    assert words in info.value.detail
    assert "hunter2" not in info.value.detail


@pytest.mark.parametrize(("url", "words"), [r[1:] for r in REFUSED_URLS], ids=[r[0] for r in REFUSED_URLS])
async def test_refused_urls_never_reach_the_transport(url: str, words: str) -> None:
    with pytest.raises(AddressRefused):
        await guarded_request(
            "POST", url, allow=(), deadline=2, max_bytes=100, resolver=RESOLVER, transport=FailingTransport()
        )


async def test_public_names_resolve_to_every_address() -> None:
    got = await resolve_and_check("https://dual.example/feed", (), resolver=RESOLVER)
    assert got == [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("2606:2800:220:1::248")]


@pytest.mark.parametrize(
    ("allow", "url"),
    [
        (("10.0.0.0/8",), "http://10.0.0.1/"),
        (("127.0.0.1",), "http://127.0.0.1:9000/"),
        (("::1",), "http://[::1]/"),
        (("hooks.internal",), "http://hooks.internal/"),
        (("HOOKS.internal.",), "http://hooks.internal/"),
    ],
    ids=["cidr", "single-v4", "single-v6", "host-name", "host-name-normalised"],
)
async def test_operator_allow_list(allow: tuple[str, ...], url: str) -> None:
    assert await resolve_and_check(url, allow, resolver=RESOLVER)


async def test_an_allowed_name_never_unlocks_the_metadata_address() -> None:
    with pytest.raises(AddressRefused, match="metadata"):
        await resolve_and_check("http://metadata.example/", ("metadata.example",), resolver=RESOLVER)
    # Only an explicit address entry does.
    assert await resolve_and_check("http://metadata.example/", ("169.254.169.254",), resolver=RESOLVER)


def test_check_ip_accepts_public_and_refuses_private() -> None:
    check_ip(ipaddress.ip_address("8.8.8.8"))
    check_ip(ipaddress.ip_address("2002:808:808::"))  # 6to4 of a public address
    with pytest.raises(AddressRefused, match="carries 10.0.0.1"):
        check_ip(ipaddress.ip_address("2002:a00:1::"))


def _settings(resolver: FakeResolver, transport: object, allow: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(
        webhook_allow_hosts=allow,
        http_timeout=3.0,
        extra={"resolver": resolver, "http_transport": transport},
    )


async def test_request_goes_to_the_checked_address_with_the_host_header(loopback) -> None:  # type: ignore[no-untyped-def]
    server = await loopback((200, {"Content-Type": "text/plain"}, b"hello"))
    resolver = FakeResolver({"local.test": ["127.0.0.1"]})
    got = await fetch(
        f"http://local.test:{server.port}/a", _settings(resolver, None, ("127.0.0.1",)), max_bytes=100
    )
    assert (got.status_code, got.body, got.truncated) == (200, b"hello", False)
    assert str(got.url) == f"http://local.test:{server.port}/a"
    assert f"host: local.test:{server.port}".encode() in server.seen[0].lower()


async def test_body_is_capped(loopback) -> None:  # type: ignore[no-untyped-def]
    server = await loopback((200, {}, b"x" * 5000))
    got = await fetch(server.url, _settings(RESOLVER, None, ("127.0.0.1",)), max_bytes=1000)
    assert (len(got.body), got.truncated) == (1000, True)


async def test_redirect_to_a_private_address_is_refused(loopback) -> None:  # type: ignore[no-untyped-def]
    # 127.0.0.1 is allowed for this test only, so the first hop reaches the loopback server;
    # its redirect to 10.0.0.1 must be refused before any connection is tried.
    server = await loopback((302, {"Location": "http://10.0.0.1/admin"}, b""))
    with pytest.raises(AddressRefused, match=r"redirected to http://10\.0\.0\.1/admin.*private"):
        await fetch(server.url + "/start", _settings(RESOLVER, None, ("127.0.0.1",)), max_bytes=1000)
    assert len(server.seen) == 1


async def test_redirect_to_a_name_resolving_to_metadata_is_refused(loopback) -> None:  # type: ignore[no-untyped-def]
    server = await loopback((301, {"Location": "http://metadata.example/latest"}, b""))
    with pytest.raises(AddressRefused, match="metadata"):
        await fetch(server.url, _settings(RESOLVER, None, ("127.0.0.1",)), max_bytes=1000)


async def test_redirects_are_followed_on_allowed_hops_and_bounded(loopback) -> None:  # type: ignore[no-untyped-def]
    server = await loopback(
        (302, {"Location": "/two"}, b""),
        (200, {}, b"arrived"),
    )
    got = await fetch(server.url + "/one", _settings(RESOLVER, None, ("127.0.0.1",)), max_bytes=100)
    assert got.body == b"arrived"
    assert got.url.path == "/two"
    looping = await loopback(*[(302, {"Location": "/again"}, b"")] * 10)
    with pytest.raises(FetchFailed, match="redirected more than 2 times"):
        await fetch(looping.url, _settings(RESOLVER, None, ("127.0.0.1",)), max_bytes=100, max_redirects=2)


async def test_a_silent_server_times_out(loopback) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    async def hang(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)
        writer.close()

    server = await asyncio.start_server(hang, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        settings = _settings(RESOLVER, None, ("127.0.0.1",))
        settings.http_timeout = 0.3
        with pytest.raises(FetchFailed, match="did not answer within 0.3 s"):
            await fetch(f"http://127.0.0.1:{port}/", settings, max_bytes=100)
    finally:
        server.close()


async def test_https_connects_to_the_address_and_keeps_the_name_for_tls() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    got = await guarded_request(
        "POST",
        "https://news.example:8443/hook",
        allow=(),
        deadline=2,
        max_bytes=10,
        content=b"{}",
        resolver=RESOLVER,
        transport=httpx.MockTransport(answer),
    )
    assert got.status_code == 204
    (request,) = seen
    assert (request.url.host, request.url.port) == ("93.184.216.34", 8443)
    assert request.headers["host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"


async def test_a_compressed_bomb_stops_at_the_cap(loopback) -> None:  # type: ignore[no-untyped-def]
    import gzip

    bomb = gzip.compress(b"\0" * 5_000_000)  # ~5 KB on the wire, 5 MB decoded
    server = await loopback((200, {"Content-Encoding": "gzip", "Content-Type": "text/html"}, bomb))
    got = await fetch(server.url, _settings(RESOLVER, None, ("127.0.0.1",)), max_bytes=10_000)
    assert (len(got.body), got.truncated) == (10_000, True)
