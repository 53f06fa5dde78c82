"""One front door: the API and `tenure ingest` refuse the same bad article with the same words.

Format, publication time and size are checked once, by tenure.ingest.service.ingest_article,
which both enter; the API's problem detail and the CLI's line for the file carry one message.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from hostile.cases import STAMP, TEXT, stored_counts
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.cli import main

from .conftest import Rows

# (id, fields that replace a good article's, status, words of the refusal)
REFUSED = [
    ("unknown-format", {"format": "pdf"}, 422, "format 'pdf' is not one of"),
    ("no-utc-offset", {"published_at": "2025-10-21T09:30:00"}, 422, "not an RFC 3339 date-time"),
    ("year-9999", {"published_at": "9999-12-31T23:59:59-05:00"}, 422, "must fall in the years 1900 to 2100"),
    ("over-the-size-limit", {"text": TEXT + " More." * 100_000}, 413, "the article is over 500,000 bytes"),
    ("url-with-whitespace", {"url": "https://news.example/a b"}, 422, "url holds a control character"),
]


@pytest.mark.parametrize(("fields", "status", "words"), [pytest.param(*r[1:], id=r[0]) for r in REFUSED])
async def test_the_api_and_the_cli_refuse_alike(
    client: AsyncTestClient[Litestar],
    rows: Rows,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fields: dict[str, Any],
    status: int,
    words: str,
) -> None:
    article = {"text": TEXT, "published_at": STAMP, **fields}
    response = await client.post("/articles", json=article)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert words in detail

    path = tmp_path / "article.json"
    path.write_text(json.dumps(article))
    monkeypatch.setenv("TENURE_DATABASE_URL", database_url)
    code = await asyncio.to_thread(main, ["ingest", str(path)])
    assert code == 1
    assert f"tenure: {path}: {detail}" in capsys.readouterr().err.splitlines()
    assert await stored_counts(rows.sessions) == (0, 0, 0)
