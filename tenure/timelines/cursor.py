"""Opaque keyset cursors: the (sort_date, id) of the last row of a page, base64-encoded.

Clients pass `next_cursor` back unchanged; anything else is refused with a message saying so.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass

from tenure.errors import InvalidQuery

__all__ = ["Cursor", "decode_cursor", "encode_cursor"]

_MAX_ID = 2**63 - 1  # ids are BIGINT


@dataclass(frozen=True, slots=True)
class Cursor:
    sort_date: dt.date
    id: int


_MAX_TOKEN = 200  # characters of a cursor token; ours are about 30


def encode_cursor(cursor: Cursor) -> str:
    raw = json.dumps([cursor.sort_date.isoformat(), cursor.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> Cursor:
    try:
        if len(token) > _MAX_TOKEN:
            raise ValueError("too long")  # never decode a megabyte
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        day, event_id = json.loads(raw)
        if not isinstance(event_id, int) or isinstance(event_id, bool) or not isinstance(day, str):
            raise ValueError("wrong shape")
        if not 0 <= event_id <= _MAX_ID:
            raise ValueError("id out of range")
        return Cursor(sort_date=dt.date.fromisoformat(day), id=event_id)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise InvalidQuery(
            f"cursor {token[:40]!r} is not one this API returned: pass the next_cursor of the "
            "previous page unchanged, or leave cursor out to start from the first page"
        ) from exc
