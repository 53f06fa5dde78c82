"""Property tests for the inputs outsiders control: article text, published_at, aliases, cursors.

The strategies lean on what broke before: NUL and other control characters, lone UTF-16
surrogates, deeply nested JSON, and edge dates (years 0001 and 9999, offsets with seconds,
offsets past a day). Whatever is generated, the answer is a success or a 4xx problem, never a
5xx, on both back ends.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import TestClient

from tenure.api.app import create_app
from tenure.settings import Settings

from .cases import TEXT

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# Characters that broke storage or parsing before, mixed into ordinary text.
_HOSTILE_CHARS = st.sampled_from(
    ["\x00", "\x07", "\x1b", "\ud800", "\udfff", "\ufeff", "\u2028", "\U0010ffff"]
)
_ANY_CHAR = st.characters(exclude_categories=())  # surrogates (Cs) included
hostile_text = st.lists(st.one_of(_HOSTILE_CHARS, _ANY_CHAR, st.just(TEXT)), max_size=40).map("".join)


def _nested(depth: int, opener: str, closer: str) -> str:
    return opener * depth + closer * depth


deep_json = st.builds(
    _nested, st.integers(min_value=1, max_value=200_000), *map(st.just, ("[", "]"))
) | st.builds(lambda d: '{"a":' * d + "0" + "}" * d, st.integers(min_value=1, max_value=100_000))

_YEARS = st.sampled_from([1, 99, 999, 1899, 1900, 1970, 2025, 2100, 2101, 9999]) | st.integers(0, 9999)
_OFFSETS = st.sampled_from(
    [
        "Z",
        "z",
        "+00:00",
        "-00:00",
        "+05:30",
        "+14:00",
        "-12:00",
        "+23:59",
        "+24:00",
        "+05:30:45",
        "-04:00:01",
        "",
    ]
)
edge_datetime = st.builds(
    lambda y, mo, d, h, mi, s, frac, off, tail: (
        f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{frac}{off}{tail}"
    ),
    _YEARS,
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 25),
    st.integers(0, 60),
    st.integers(0, 61),
    st.sampled_from(["", ".5", ".123456", ".1234567"]),
    _OFFSETS,
    st.sampled_from(["", "\x00", " ", "\ud800"]),
)
published_at = edge_datetime | hostile_text


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode("utf-8", "surrogatepass")).decode()


# Cursors travel in the URL, which clients cap (httpx: 64 KiB): nesting stays within that.
cursor = (
    hostile_text
    | hostile_text.map(_b64)
    | st.integers(1, 20_000).map(lambda d: _b64(_nested(d, "[", "]")))
    | edge_datetime.map(lambda d: _b64(f'["{d}", 1]'))
)


@pytest.fixture
def http(database_url: str, api_key: str) -> Iterator[TestClient[Litestar]]:
    app = create_app(Settings(database_url=database_url, rate_limit_per_minute=0))
    with TestClient(app=app) as client:
        client.headers["Authorization"] = f"Bearer {api_key}"
        yield client


def _post(http: TestClient[Litestar], path: str, body: str | dict[str, Any]) -> Any:
    raw = body if isinstance(body, str) else json.dumps(body)  # lone surrogates travel as \\u escapes
    return http.post(
        path, content=raw.encode("utf-8", "surrogatepass"), headers={"content-type": "application/json"}
    )


def _assert_answered(response: Any) -> None:
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json"), response.text[:200]


def test_articles_never_fail_on_the_server(http: TestClient[Litestar]) -> None:
    @FUZZ
    @given(text=hostile_text, published=published_at, title=hostile_text)
    def answers(text: str, published: str, title: str) -> None:
        _assert_answered(_post(http, "/articles", {"text": text, "published_at": published, "title": title}))

    answers()


def test_deeply_nested_bodies_and_fields_are_refused(http: TestClient[Litestar]) -> None:
    @FUZZ
    @given(nested=deep_json)
    def refused(nested: str) -> None:
        for body in (nested, '{"text": ' + nested + ', "published_at": "2025-10-21T09:30:00Z"}'):
            response = _post(http, "/articles", body)
            _assert_answered(response)
            assert response.status_code == 400

    refused()


def test_aliases_never_fail_on_the_server(http: TestClient[Litestar]) -> None:
    person = _post(http, "/articles", {"text": TEXT, "published_at": "2025-10-21T09:30:00Z"}).json()
    person_id = person["events"][0]["person"]["id"]

    @FUZZ
    @given(alias=hostile_text | st.text(min_size=290, max_size=400))
    def answers(alias: str) -> None:
        _assert_answered(_post(http, f"/people/{person_id}/aliases", {"alias": alias}))

    answers()


def test_cursors_never_fail_on_the_server(http: TestClient[Litestar]) -> None:
    @FUZZ
    @given(value=cursor, path=st.sampled_from(["/events", "/people", "/companies", "/people/1/timeline"]))
    def answers(value: str, path: str) -> None:
        # Percent-encoded by hand: clients refuse control characters, and surrogates become bytes
        # that are not UTF-8 at all.
        _assert_answered(http.get(f"{path}?cursor={quote(value.encode('utf-8', 'surrogatepass'), safe='')}"))

    answers()
