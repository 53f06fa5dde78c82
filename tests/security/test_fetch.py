"""POST /articles with a URL: the fetch is guarded, capped, type-checked and reduced to main text.

Public names resolve through a fake resolver to 127.0.0.1, which each test allows explicitly, so
the only traffic is to a loopback server; refused targets meet a transport that fails the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.errors import ArticleTooLarge, FetchFailed, InvalidInput
from tenure.ingest.fetch import fetch_article
from tenure.settings import Settings

from .fakes import FailingTransport, FakeResolver, LoopbackServer

Serve = Callable[..., Awaitable[LoopbackServer]]
RESOLVER = FakeResolver(
    {
        "ledger.test": ["127.0.0.1"],
        "internal.test": ["10.0.0.1"],
        "rebind.test": ["127.0.0.1"],
    }
)
PAGE = b"""<!doctype html><html><head><title>Harbor Lane names a new chief | The Ledger</title>
<script>var tracking = "nothing to read here";</script></head>
<body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>Harbor Lane names a new chief</h1>
<p>Harbor Lane Logistics said on Monday that Priya Okafor will become chief executive.</p>
<p>She succeeds Tomas Berg, who retires after eleven years.</p></article>
<footer>Copyright The Ledger</footer></body></html>"""


def loopback_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "webhook_allow_hosts": ("127.0.0.1",),
        "http_timeout": 3.0,
        "extra": {"resolver": RESOLVER},
    }
    values.update(overrides)
    return Settings(**values)


async def test_an_html_page_is_reduced_to_its_main_text(loopback: Serve) -> None:
    server = await loopback((200, {"Content-Type": "text/html; charset=utf-8"}, PAGE))
    page = await fetch_article(f"http://ledger.test:{server.port}/story", loopback_settings())
    assert page.title == "Harbor Lane names a new chief | The Ledger"
    assert page.format == "text"
    assert page.final_url == f"http://ledger.test:{server.port}/story"
    assert "Priya Okafor will become chief executive." in page.text
    assert "Tomas Berg" in page.text
    for chrome in ("Markets", "tracking", "Copyright"):
        assert chrome not in page.text


async def test_a_legacy_charset_is_decoded(loopback: Serve) -> None:
    body = "<p>Zoë Müller quits.</p>".encode("latin-1")
    server = await loopback((200, {"Content-Type": "text/html; charset=iso-8859-1"}, body))
    page = await fetch_article(server.url, loopback_settings())
    assert "Zoë Müller quits." in page.text


async def test_markdown_is_kept_as_markdown(loopback: Serve) -> None:
    server = await loopback((200, {"Content-Type": "text/markdown"}, b"# Memo\n\nKim Sato joins."))
    page = await fetch_article(server.url, loopback_settings())
    assert (page.format, page.text) == ("markdown", "# Memo\n\nKim Sato joins.")


@pytest.mark.parametrize(
    ("response", "error", "words"),
    [
        ((200, {"Content-Type": "application/pdf"}, b"%PDF-1.7"), InvalidInput, "application/pdf"),
        ((200, {}, b"<p>x</p>"), InvalidInput, "no stated media type"),
        ((404, {"Content-Type": "text/html"}, b"gone"), FetchFailed, "HTTP 404"),
        ((200, {"Content-Type": "text/html"}, b"<nav>only chrome</nav>"), InvalidInput, "no article text"),
        ((200, {"Content-Type": "text/plain"}, b"x" * 3000), ArticleTooLarge, "over 2,000 bytes"),
    ],
    ids=["pdf", "no-content-type", "not-found", "no-text", "over-the-cap"],
)
async def test_unreadable_pages_are_refused(
    loopback: Serve, response: tuple[int, dict[str, str], bytes], error: type[Exception], words: str
) -> None:
    server = await loopback(response)
    with pytest.raises(error, match=words):
        await fetch_article(server.url, loopback_settings(fetch_max_bytes=2000))


# --- through the API --------------------------------------------------------------------------


@pytest.fixture
async def client(database_url: str, api_key: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    # Nothing is allowed: every target below must be refused before the transport is reached.
    settings = Settings(
        database_url=database_url, extra={"resolver": RESOLVER, "http_transport": FailingTransport()}
    )
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


REFUSED = [
    ("loopback", "http://127.0.0.1:8000/admin", "loopback"),
    ("private", "http://10.0.0.1/", "private-network"),
    ("metadata", "http://169.254.169.254/latest/meta-data/iam/", "metadata"),
    ("v6-loopback", "http://[::1]/", "loopback"),
    ("name-to-loopback", "http://rebind.test/story", "rebind.test resolves to 127.0.0.1"),
    ("name-to-private", "https://internal.test/story", "10.0.0.1"),
    ("file-scheme", "file:///etc/passwd", "scheme"),
    ("credentials", "http://user:s3cret@ledger.test/", "credentials"),
]


@pytest.mark.parametrize(("url", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
async def test_the_api_refuses_to_fetch_internal_targets(
    client: AsyncTestClient[Litestar], url: str, words: str
) -> None:
    response = await client.post("/articles", json={"url": url})
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["title"] == "Address refused"
    assert words in body["detail"]
    assert "s3cret" not in response.text


async def test_the_api_ingests_a_fetched_page(database_url: str, api_key: str, loopback: Serve) -> None:
    server = await loopback((200, {"Content-Type": "text/html"}, PAGE))
    settings = loopback_settings(database_url=database_url)
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.post(
            "/articles",
            json={"url": f"http://ledger.test:{server.port}/story", "published_at": "2025-10-21T09:30:00Z"},
            headers={"X-API-Key": api_key},
        )
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["title"] == "Harbor Lane names a new chief | The Ledger"
    assert article["format"] == "text"
    assert any(e["person"] and "Okafor" in e["person"]["name"] for e in article["events"]), article["events"]
