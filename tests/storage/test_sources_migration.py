"""0007_sources goes up, down and up again with the data of the other tables kept."""

from __future__ import annotations

from sqlalchemy import text

from tenure.models.db import create_engine
from tenure.models.migrate import current_revision, downgrade, run_blocking, upgrade

BEFORE = "0005_attempt_outcome"


async def _run(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(sql))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        await engine.dispose()


def test_sources_up_down_up_keeps_articles(empty_database_url: str) -> None:
    url = empty_database_url
    upgrade(url, "0007_sources")
    run_blocking(
        _run(
            url,
            "INSERT INTO articles (url, title, published_at, published_utc_offset, content_hash, text, "
            "format, created_at) VALUES ('https://news.example/a', 'A', '2025-03-04 09:30:00+00:00', 0, "
            "'h1', 'Mara Lind joins Corvel.', 'text', '2025-03-04 09:30:00+00:00')",
        )
    )
    run_blocking(
        _run(
            url,
            "INSERT INTO sources (url, kind, every_seconds, paused, next_poll_at, items_seen, items_new, "
            "items_skipped, consecutive_failures, unhealthy, created_at) VALUES ('https://news.example/feed', "
            "'feed', 900, false, '2025-03-04 09:30:00+00:00', 3, 2, 1, 0, false, '2025-03-04 09:30:00+00:00')",
        )
    )
    downgrade(url, BEFORE)
    assert run_blocking(current_revision(url)) == BEFORE
    assert run_blocking(_run(url, "SELECT url FROM articles")) == [("https://news.example/a",)]
    upgrade(url, "0007_sources")
    assert run_blocking(_run(url, "SELECT url FROM articles")) == [("https://news.example/a",)]
    # The sources table came back empty and usable.
    assert run_blocking(_run(url, "SELECT count(*) FROM sources")) == [(0,)]
