"""The table of hostile requests: one row per malformed input and the problem it must get.

Used twice: in process through Litestar's test client (tests/api/test_hostile.py) and against a
live `tenure serve` (tests/hostile/test_live_server.py), on both back ends. Each row is refused
with a problem+json of the given status (never a 500) and stores nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any, NamedTuple

from api.conftest import assert_problem
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Article, Event, PersonAlias

PUBLISHED = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
STAMP = PUBLISHED.isoformat()
TEXT = "Halvorsen Freight said on Monday that its finance chief, Priya Lindqvist, will step down."
DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000
# A JSON text whose string holds a lone UTF-16 surrogate (no UTF-8 encoding exists for it).
LONE_SURROGATE = ('{"text": "Jane Doe left \\ud800 Acme.", "published_at": "' + STAMP + '"}').encode()


class Hostile(NamedTuple):
    id: str
    method: str
    path: str
    body: bytes | None
    status: int
    fragment: str = ""  # a piece of the problem's detail, when it must name the fault
    authorized: bool = True  # False: sent without the API key


def article(**overrides: Any) -> bytes:
    return json.dumps({"text": TEXT, "published_at": STAMP, **overrides}).encode()


def _cursor(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()


def _published(value: str, status: int = 422, fragment: str = "RFC 3339") -> tuple[bytes, int, str]:
    return article(published_at=value), status, fragment


CASES: list[Hostile] = [
    # URLs
    Hostile("url-with-nul", "POST", "/articles", article(url="https://news.example/a\x00b"), 422, "control"),
    Hostile(
        "url-with-space", "POST", "/articles", article(url="https://news.example/a b"), 422, "whitespace"
    ),
    Hostile("url-overlong", "POST", "/articles", article(url="https://n.example/" + "a" * 3000), 422, "url"),
    # publication times
    Hostile(
        "published-year-9999", "POST", "/articles", *_published("9999-12-31T23:59:59-05:00", 422, "years")
    ),
    Hostile("published-year-1", "POST", "/articles", *_published("0001-01-01T00:00:00+05:00", 422, "years")),
    Hostile("published-year-1899", "POST", "/articles", *_published("1899-12-31T23:00:00Z", 422, "years")),
    Hostile("published-trailing-nul", "POST", "/articles", *_published(STAMP + "\x00")),
    Hostile("published-space-before-offset", "POST", "/articles", *_published("2025-10-21T09:30:00 +00:00")),
    Hostile("published-week-date", "POST", "/articles", *_published("2025-W43-2T09:30:00+00:00")),
    Hostile("published-compact", "POST", "/articles", *_published("20251021T093000+0000")),
    Hostile("published-offset-seconds", "POST", "/articles", *_published("2025-10-21T09:30:00+05:30:45")),
    Hostile("published-no-offset", "POST", "/articles", *_published("2025-10-21T09:30:00")),
    Hostile("published-bare-date", "POST", "/articles", *_published("2025-10-21")),
    Hostile(
        "published-impossible-day",
        "POST",
        "/articles",
        *_published("2025-02-30T09:30:00Z", 422, "not a real"),
    ),
    Hostile("published-hour-25", "POST", "/articles", *_published("2025-10-21T25:00:00Z", 422, "not a real")),
    Hostile("published-80kb", "POST", "/articles", *_published("2025" * 20_000)),
    Hostile("published-surrogate", "POST", "/articles", *_published("2025-10-21T09:30:00\udc80Z", 400, "")),
    # bodies
    Hostile("deeply-nested-array-body", "POST", "/articles", DEEP.encode(), 400),
    Hostile("deeply-nested-object-body", "POST", "/articles", DEEP_OBJECT.encode(), 400),
    Hostile(
        "invalid-utf8-body",
        "POST",
        "/articles",
        b'{"text": "\xff\xfe", "published_at": "' + STAMP.encode() + b'"}',
        400,
    ),
    Hostile("lone-surrogate-in-text", "POST", "/articles", LONE_SURROGATE, 400),
    Hostile("empty-body", "POST", "/articles", b"", 400),
    Hostile("body-not-an-object", "POST", "/articles", b'"just a string"', 400),
    Hostile(
        "text-not-a-string",
        "POST",
        "/articles",
        b'{"text": 12, "published_at": "' + STAMP.encode() + b'"}',
        400,
    ),
    Hostile("unknown-field", "POST", "/articles", article(author="someone"), 400),
    Hostile("unknown-format", "POST", "/articles", article(format="pdf"), 422, "format"),
    Hostile("text-only-spaces", "POST", "/articles", article(text="   \n\t "), 422, "empty"),
    Hostile("text-over-the-limit", "POST", "/articles", article(text="x" * 600_000), 413, "bytes"),
    Hostile("body-over-the-request-limit", "POST", "/articles", article(text="x" * 2_100_000), 413),
    Hostile("article-without-key", "POST", "/articles", article(), 401, authorized=False),
    # cursors, filters and ids on reads
    Hostile(
        "deeply-nested-cursor",
        "GET",
        "/events?cursor=" + _cursor(DEEP.encode()[:20_000]),
        None,
        400,
        "cursor",
    ),
    Hostile("cursor-not-base64", "GET", "/events?cursor=%21%21%21", None, 400, "cursor"),
    Hostile(
        "cursor-base64-of-garbage",
        "GET",
        "/events?cursor=" + _cursor(b"\xff\x00garbage"),
        None,
        400,
        "cursor",
    ),
    Hostile("cursor-wrong-shape", "GET", "/events?cursor=" + _cursor(b'{"x": 1}'), None, 400, "cursor"),
    Hostile("since-not-a-date", "GET", "/events?since=2025-13-45", None, 400),
    Hostile("since-year-0", "GET", "/events?since=0000-01-01", None, 400),
    Hostile("limit-negative", "GET", "/events?limit=-1", None, 400),
    Hostile("type-unknown", "GET", "/events?type=coronation", None, 400),
    Hostile("person-id-over-64-bits", "GET", "/people/99999999999999999999999", None, 400),
    Hostile("person-id-zero", "GET", "/people/0", None, 400),
    Hostile("timeline-of-nobody", "GET", "/people/9223372036854775807/timeline", None, 404),
    Hostile("search-with-bad-utf8", "GET", "/people?q=%ff%fe", None, 400),
    Hostile(
        "merge-into-id-over-64-bits", "POST", "/people/1/merge", json.dumps({"into": 2**64}).encode(), 400
    ),
    # paths
    Hostile("unknown-schema-path", "GET", "/schema/nope", None, 404, "/schema/nope"),
    Hostile("unknown-route", "GET", "/no/such/thing", None, 404),
    Hostile("path-40kb", "GET", "/" + "a:b@" * 10_000, None, 404),
    Hostile("head-on-unknown-person", "HEAD", "/people/999999", None, 404),
    Hostile("delete-on-a-read-route", "DELETE", "/events", None, 405),
    # subscriptions
    Hostile(
        "subscription-id-over-64-bits",
        "POST",
        "/webhooks/subscriptions",
        json.dumps({"url": "https://hooks.example/x", "companies": [2**64]}).encode(),
        422,
    ),
    Hostile(
        "subscription-url-with-nul",
        "POST",
        "/webhooks/subscriptions",
        json.dumps({"url": "https://hooks.example/a\x00b"}).encode(),
        422,
    ),
]


def assert_refused(response: Any, case: Hostile) -> None:
    """The response is the row's problem (a HEAD's problem has its headers and no body)."""
    if case.method == "HEAD":
        assert response.status_code == case.status, response.headers
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.content == b""
        return
    assert_problem(response, case.status, *([case.fragment] if case.fragment else []))


async def stored_counts(sessions: async_sessionmaker[AsyncSession]) -> tuple[int, int, int]:
    """How many articles, events and aliases are stored: a refusal changes none of them."""
    async with sessions() as session:
        counts = [
            int((await session.execute(select(func.count()).select_from(model))).scalar_one())
            for model in (Article, Event, PersonAlias)
        ]
    return counts[0], counts[1], counts[2]
