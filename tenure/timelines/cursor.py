"""Opaque keyset cursors: the sort key of the last row of a page, base64-encoded.

Event pages sort on (sort_date, id); people and company lists on (rank, name_key, id), the rank
being how well a name matched the search (0 exact, 1 a word starts with it, 2 contains it);
article lists on (published_at, id), newest first.

Clients pass `next_cursor` back unchanged; anything else is refused with a message saying so.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass

from tenure.errors import InvalidQuery

__all__ = [
    "ArticleCursor",
    "Cursor",
    "EntityCursor",
    "decode_article_cursor",
    "decode_cursor",
    "decode_entity_cursor",
    "encode_article_cursor",
    "encode_cursor",
    "encode_entity_cursor",
]

_MAX_ID = 2**63 - 1  # ids are BIGINT


@dataclass(frozen=True, slots=True)
class Cursor:
    sort_date: dt.date
    id: int


@dataclass(frozen=True, slots=True)
class EntityCursor:
    rank: int
    name_key: str
    id: int


@dataclass(frozen=True, slots=True)
class ArticleCursor:
    """Article lists run newest first on (published_at, id)."""

    published_at: dt.datetime
    id: int


# Characters of a cursor token: event cursors are about 30, entity cursors carry a name key.
_MAX_TOKEN = 1000


def encode_cursor(cursor: Cursor) -> str:
    return _encode([cursor.sort_date.isoformat(), cursor.id])


def decode_cursor(token: str) -> Cursor:
    try:
        day, event_id = _decode(token)
        if not isinstance(day, str):
            raise ValueError("wrong shape")
        return Cursor(sort_date=dt.date.fromisoformat(day), id=_row_id(event_id))
    except _MALFORMED as exc:
        raise _refusal(token) from exc


def encode_entity_cursor(cursor: EntityCursor) -> str:
    return _encode([cursor.rank, cursor.name_key, cursor.id])


def decode_entity_cursor(token: str) -> EntityCursor:
    try:
        rank, key, entity_id = _decode(token)
        if not isinstance(rank, int) or isinstance(rank, bool) or rank not in (0, 1, 2):
            raise ValueError("wrong shape")
        if not isinstance(key, str):
            raise ValueError("wrong shape")
        return EntityCursor(rank=rank, name_key=key, id=_row_id(entity_id))
    except _MALFORMED as exc:
        raise _refusal(token) from exc


def encode_article_cursor(cursor: ArticleCursor) -> str:
    return _encode([cursor.published_at.astimezone(dt.UTC).isoformat(), cursor.id])


def decode_article_cursor(token: str) -> ArticleCursor:
    try:
        moment, article_id = _decode(token)
        if not isinstance(moment, str):
            raise ValueError("wrong shape")
        published_at = dt.datetime.fromisoformat(moment)
        if published_at.tzinfo is None:
            raise ValueError("no offset")
        return ArticleCursor(published_at=published_at, id=_row_id(article_id))
    except _MALFORMED as exc:
        raise _refusal(token) from exc


def _encode(values: list[object]) -> str:
    raw = json.dumps(values, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(token: str) -> list[object]:
    if len(token) > _MAX_TOKEN:
        raise ValueError("too long")  # never decode a megabyte
    values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    if not isinstance(values, list):
        raise ValueError("wrong shape")
    return values


def _row_id(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_ID:
        raise ValueError("id out of range")
    return value


_MALFORMED = (binascii.Error, ValueError, TypeError, UnicodeDecodeError, RecursionError)


def _refusal(token: str) -> InvalidQuery:
    return InvalidQuery(
        f"cursor {token[:40]!r} is not one this API returned: pass the next_cursor of the "
        "previous page unchanged, or leave cursor out to start from the first page"
    )
