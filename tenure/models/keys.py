"""API keys, stored hashed: the plaintext is shown once at creation and never kept."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from tenure.models.base import Base, BigId, UtcDateTime, utcnow


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The first characters of the key (e.g. "tnr_Ab12Cd34"), shown in listings so an operator
    # can tell keys apart and revoke one by prefix without the plaintext ever being stored.
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    # Hex sha256 of the whole key. A fast unsalted hash is right here, unlike for passwords:
    # keys are 32 random bytes (256 bits of entropy), so there is nothing to brute-force or
    # look up in a table, and a fast hash lets every request be checked by one indexed lookup.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
