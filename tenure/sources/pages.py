"""An article page reduced to what ingest needs: main text, title, canonical URL, publication time.

Main text: trafilatura, falling back to tenure's own selectolax cleaner when trafilatura finds
nothing worth keeping (bench/page_text.py measures both on tests/fixtures/sources/pages/).
Publication time: the page's metadata (`article:published_time` and its kin, read with their UTC
offset), else htmldate's reading of the page (a day, taken as noon UTC so it stays that day in
every time zone from UTC-11 to UTC+11); never the time the page was fetched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin

import htmldate
import trafilatura
from selectolax.lexbor import LexborHTMLParser

from tenure.errors import InvalidInput
from tenure.ingest.fetch import main_text as cleaner_text
from tenure.ingest.fetch import page_title
from tenure.ingest.published import check_published_range
from tenure.sources.urls import canonical_url, same_site

__all__ = ["PageContent", "page_published_at", "read_page", "trafilatura_text"]

# Metadata that states when the article was first published, most specific first.
PUBLISHED_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="pubdate"]',
)
# Below this many characters trafilatura's answer is taken as a miss (a caption, a byline).
MIN_TEXT_CHARS = 200
# htmldate gives a day; noon UTC keeps that day on nearly every clock.
DAY_ONLY_TIME = dt.time(12, 0, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class PageContent:
    text: str
    title: str | None
    canonical_url: str
    published_at: dt.datetime | None
    # "trafilatura" or "selectolax": which one found the text.
    extractor: str


def read_page(html: str, final_url: str) -> PageContent:
    tree = LexborHTMLParser(html)
    text, extractor = trafilatura_text(html), "trafilatura"
    if len(text) < MIN_TEXT_CHARS:
        fallback = cleaner_text(html)
        if len(fallback) > len(text):
            text, extractor = fallback, "selectolax"
    return PageContent(
        text=text,
        title=page_title(html),
        canonical_url=_canonical(tree, final_url),
        published_at=page_published_at(html, tree),
        extractor=extractor,
    )


def trafilatura_text(html: str) -> str:
    """Main text, one block a paragraph with a blank line between (as tenure's cleaner gives it)."""
    found = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_images=False, deduplicate=False
    )
    lines = [line.strip() for line in (found or "").splitlines() if line.strip()]
    return "\n\n".join(lines) + ("\n" if lines else "")


def _canonical(tree: LexborHTMLParser, final_url: str) -> str:
    node = tree.css_first('link[rel="canonical"]')
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    if href:
        declared = urljoin(final_url, href)
        if declared.lower().startswith(("http://", "https://")) and same_site(declared, final_url):
            return canonical_url(declared)
    return canonical_url(final_url)


def page_published_at(html: str, tree: LexborHTMLParser | None = None) -> dt.datetime | None:
    tree = tree or LexborHTMLParser(html)
    for selector in PUBLISHED_META:
        node = tree.css_first(selector)
        moment = _aware(node.attributes.get("content") if node is not None else None)
        if moment is not None:
            return moment
    node = tree.css_first("time[datetime]")
    moment = _aware(node.attributes.get("datetime") if node is not None else None)
    if moment is not None:
        return moment
    day = htmldate.find_date(html, extensive_search=False, original_date=True)
    if not day:
        return None
    try:
        moment = dt.datetime.combine(dt.date.fromisoformat(day), DAY_ONLY_TIME)
        check_published_range(moment)
    except (ValueError, InvalidInput):
        return None
    return moment


def _aware(raw: str | None) -> dt.datetime | None:
    """An ISO 8601 time with its UTC offset; a date or a time without one is not enough here."""
    if not raw or not raw.strip():
        return None
    try:
        moment = dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        check_published_range(moment)
    except (ValueError, InvalidInput):
        return None
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else None
