"""API keys: create (plaintext shown once), list, revoke, and verify a presented key.

A key is `tnr_` followed by 32 random bytes in URL-safe base64. Only its sha256 is stored (see
tenure.models.keys for why a fast hash is right for random keys), with the first characters as
a prefix so listings can tell keys apart.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from tenure.models.base import utcnow
from tenure.models.keys import ApiKey

__all__ = [
    "KEY_MARK",
    "CreatedKey",
    "create_key",
    "hash_key",
    "list_keys",
    "revoke_key",
    "verify_key",
]

KEY_MARK = "tnr_"
# "tnr_" and 8 key characters: enough to tell keys apart, far too few to guess the rest.
PREFIX_LENGTH = len(KEY_MARK) + 8
KEY_BYTES = 32
# A real key is 47 characters; anything much longer is not worth hashing.
MAX_PRESENTED_LENGTH = 200
# last_used_at is a hint for operators, not an audit log: refresh it at most this often so a busy
# key does not turn every read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class CreatedKey:
    key: ApiKey
    # The only time the plaintext exists outside the client: print it, never store or log it.
    plaintext: str


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def new_plaintext() -> str:
    return KEY_MARK + secrets.token_urlsafe(KEY_BYTES)


async def create_key(sessions: async_sessionmaker[AsyncSession], name: str) -> CreatedKey:
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidInput("a key needs a name of 1 to 200 characters, e.g. 'dashboard'")
    plaintext = new_plaintext()
    row = ApiKey(name=name, prefix=plaintext[:PREFIX_LENGTH], key_hash=hash_key(plaintext))
    async with sessions() as session, session.begin():
        session.add(row)
    return CreatedKey(row, plaintext)


async def list_keys(sessions: async_sessionmaker[AsyncSession]) -> list[ApiKey]:
    async with sessions() as session:
        return list((await session.scalars(select(ApiKey).order_by(ApiKey.id))).all())


async def revoke_key(sessions: async_sessionmaker[AsyncSession], id_or_prefix: str) -> ApiKey:
    """Revoke by id (`3`) or by the prefix a listing shows (`tnr_Ab12Cd34`); revoking twice is fine."""
    wanted = id_or_prefix.strip().rstrip("…")  # listings show the prefix with an ellipsis
    async with sessions() as session, session.begin():
        if wanted.isdigit():
            rows = list((await session.scalars(select(ApiKey).where(ApiKey.id == int(wanted)))).all())
        elif wanted.startswith(KEY_MARK) and len(wanted) >= len(KEY_MARK) + 4:
            # A whole key pasted by mistake is also accepted: match on its prefix.
            prefix = wanted[:PREFIX_LENGTH]
            query = select(ApiKey).where(ApiKey.prefix.startswith(prefix, autoescape=True))
            rows = list((await session.scalars(query)).all())
        else:
            raise InvalidInput(f"give a key id or its prefix (as `tenure keys list` shows), not {wanted!r}")
        if not rows:
            raise NotFound(f"no API key with id or prefix {wanted!r}")
        if len(rows) > 1:
            ids = ", ".join(str(r.id) for r in rows)
            raise Conflict(f"the prefix {wanted!r} matches keys {ids}: revoke by id")
        row = rows[0]
        if row.revoked_at is None:
            row.revoked_at = utcnow()
    return row


async def verify_key(sessions: async_sessionmaker[AsyncSession], presented: str) -> ApiKey:
    """The active key presented, or Unauthorized (unknown) / Forbidden (revoked)."""
    if not presented.startswith(KEY_MARK) or len(presented) > MAX_PRESENTED_LENGTH:
        raise Unauthorized(
            "the API key is not valid: keys start with 'tnr_' (create one with `tenure keys create`)"
        )
    digest = hash_key(presented)
    async with sessions() as session, session.begin():
        row = await session.scalar(select(ApiKey).where(ApiKey.key_hash == digest))
        # The lookup found the row by its hash; comparing again in constant time means no code
        # path's timing depends on how much of a guessed hash matched.
        if row is None or not hmac.compare_digest(row.key_hash, digest):
            raise Unauthorized("the API key is not valid")
        if row.revoked_at is not None:
            raise Forbidden(f"the API key {row.prefix}… was revoked on {_day(row.revoked_at)}")
        now = utcnow()
        if row.last_used_at is None or now - row.last_used_at >= LAST_USED_RESOLUTION:
            row.last_used_at = now
    return row


def _day(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
