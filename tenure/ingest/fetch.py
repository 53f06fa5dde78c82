"""Fetch an article from a URL (POST /articles with only a url): guarded, capped, main text only.

The request goes through the address guard (tenure.security.http): public addresses only,
checked after resolution and on every redirect, with Settings.http_timeout and a body cap of
Settings.fetch_max_bytes. Only readable media types are accepted. An HTML page is reduced to
its main text here (the extractor's cleaner picks `<article>`, else `<main>`, else `<body>`, and
drops navigation, scripts and footers), so the stored article is the text a reader would see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from tenure import __version__
from tenure.errors import ArticleTooLarge, FetchFailed, InvalidInput
from tenure.extractors.text.markup import clean
from tenure.security.http import GuardedResponse, fetch
from tenure.settings import Settings

__all__ = ["ACCEPTED_MEDIA_TYPES", "FetchedPage", "decode_body", "fetch_article", "main_text", "page_title"]

# Media type -> the format the fetched text is stored as. HTML is cleaned here, so it is "text".
ACCEPTED_MEDIA_TYPES = {
    "text/html": "text",
    "application/xhtml+xml": "text",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ACCEPT_HEADER = "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8"
# <meta charset="windows-1252"> or <meta http-equiv=Content-Type content="text/html; charset=...">
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class FetchedPage:
    text: str
    # As the server sent it, e.g. "text/html; charset=utf-8".
    content_type: str
    # Where the last redirect led: the article's URL.
    final_url: str
    title: str | None
    # How `text` is to be read: "text" (HTML already reduced to its main text) or "markdown".
    format: str = "text"


async def fetch_article(url: str, settings: Settings) -> FetchedPage:
    """The page's main text; AddressRefused, FetchFailed, InvalidInput or ArticleTooLarge if not."""
    headers = {"Accept": ACCEPT_HEADER, "User-Agent": f"tenure/{__version__} (article fetcher)"}
    response = await fetch(url, settings, max_bytes=settings.fetch_max_bytes, headers=headers)
    final_url = str(response.url)
    _check_status(response, final_url)
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in ACCEPTED_MEDIA_TYPES:
        raise InvalidInput(
            f"{final_url} is {media_type or 'of no stated media type'}; tenure reads "
            f"{', '.join(ACCEPTED_MEDIA_TYPES)}: send the article's text instead"
        )
    if response.truncated:
        raise ArticleTooLarge(
            f"the page at {final_url} is over {settings.fetch_max_bytes:,} bytes: send the article's text"
        )
    raw = decode_body(response.body, content_type)
    if media_type in _HTML_TYPES:
        text, title = main_text(raw), page_title(raw)
    else:
        text, title = raw, None
    if not text.strip():
        raise InvalidInput(f"found no article text at {final_url}: send the article's text instead")
    return FetchedPage(text, content_type, final_url, title, ACCEPTED_MEDIA_TYPES[media_type])


def _check_status(response: GuardedResponse, final_url: str) -> None:
    if 200 <= response.status_code < 300:
        return
    if 300 <= response.status_code < 400:
        raise FetchFailed(f"{final_url} answered {response.status_code} without a usable Location")
    raise FetchFailed(f"{final_url} answered HTTP {response.status_code}")


def _charset(body: bytes, content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    found = META_CHARSET.search(body[:_SNIFF_BYTES])
    return found.group(1).decode("ascii") if found else None


def decode_body(body: bytes, content_type: str) -> str:
    charset = _charset(body, content_type) or "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: read it as UTF-8, the web's default
        return body.decode("utf-8", errors="replace")


def main_text(html: str) -> str:
    # One block per line from the cleaner; a blank line between blocks keeps the plain-text reader
    # from joining a headline to the paragraph under it as if it were a hard-wrapped line.
    lines = [line for line in clean(html, "html").text.splitlines() if line.strip()]
    return "\n\n".join(lines) + ("\n" if lines else "")


def page_title(html: str) -> str | None:
    tree = LexborHTMLParser(html)
    for selector, attribute in (('meta[property="og:title"]', "content"), ("title", None), ("h1", None)):
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get(attribute) if attribute else node.text(strip=True)
        if value and value.strip():
            return " ".join(value.split())[:1000]
    return None
