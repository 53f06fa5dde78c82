"""Canonical article URLs: the key that makes the same story in two feeds one article.

A link is reduced to what names the page: scheme and host lower-cased, the default port and the
fragment dropped, and tracking parameters (campaign tags newsletters and social sites append)
removed, so `https://news.example/a?utm_source=rss#top` and `https://news.example/a` are one URL.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMS", "canonical_url", "host_of", "same_site"]

# Query parameters that say how a reader arrived, never which page they read, with an example each.
TRACKING_PARAMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"utm_\w+"), "utm_source=rss"),
    (re.compile(r"(?:fb|gc|dc|ms|tt|tw|y)clid"), "fbclid=IwAR0"),
    (re.compile(r"mc_(?:cid|eid)"), "mc_cid=5a1b"),
    (re.compile(r"_hs(?:enc|mi)"), "_hsenc=p2AN"),
    (
        re.compile(r"(?:mkt_tok|igshid|ref_src|ref_url|cmpid|smid|sr_share|at_medium|at_campaign)"),
        "smid=tw-share",
    ),
    (re.compile(r"ref"), "ref=homepage"),
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return any(pattern.fullmatch(lowered) for pattern, _ in TRACKING_PARAMS)


def canonical_url(url: str) -> str:
    """The URL without what varies between two links to one page; unparseable input comes back as is."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """The host a request to url goes to ("" when there is none): politeness is kept per host."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def same_site(a: str, b: str) -> bool:
    """True when both URLs are on one host, "www." aside.

    A page's rel=canonical is believed only then: a page naming another site's article as its
    canonical URL would otherwise file its text under that article's address, or make a real
    article from the other site look like a duplicate of it.
    """

    def bare(url: str) -> str:
        host = host_of(url)
        return host[4:] if host.startswith("www.") else host

    return bool(bare(a)) and bare(a) == bare(b)
