"""Standard Webhooks signing: secrets, message ids, the three headers, and verification.

The signature is `v1,` + base64(HMAC-SHA256(key, f"{webhook_id}.{timestamp}.{body}")), where the
key is the base64-decoded part of the secret after `whsec_`. Receivers verify it with any Standard
Webhooks library or the few lines in the README; `verify` here is the same check, for tests and
for anyone receiving tenure's webhooks in Python.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
from collections.abc import Mapping

from tenure.errors import InvalidInput

__all__ = [
    "SECRET_PREFIX",
    "TOLERANCE_SECONDS",
    "InvalidSignature",
    "new_secret",
    "new_webhook_id",
    "sign",
    "signed_headers",
    "verify",
]

SECRET_PREFIX = "whsec_"
# 32 random bytes: above the specification's minimum of 24.
SECRET_BYTES = 32
# How far a timestamp may be from the receiver's clock (the specification's replay window).
TOLERANCE_SECONDS = 5 * 60
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class InvalidSignature(InvalidInput):
    """A webhook whose signature, timestamp or headers do not check out."""

    status_code = 401
    title = "Invalid webhook signature"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def new_webhook_id(now: float | None = None) -> str:
    """ "msg_" + a ULID: 48 bits of milliseconds then 80 random bits, Crockford base32.

    Sortable by creation time, unique without coordination between processes.
    """
    millis = int((time.time() if now is None else now) * 1000)
    value = (millis << 80) | int.from_bytes(os.urandom(10), "big")
    chars = [_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5)]
    return "msg_" + "".join(chars)


def _key(secret: str) -> bytes:
    raw = secret.removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(raw, validate=True)
    except ValueError as exc:
        raise InvalidInput("a webhook secret is 'whsec_' followed by base64") from exc


def sign(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value for this message: `v1,<base64 HMAC-SHA256>`."""
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def signed_headers(secret: str, webhook_id: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """The three Standard Webhooks headers, with a fresh timestamp unless one is given."""
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign(secret, webhook_id, ts, body),
    }


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> None:
    """Raise InvalidSignature unless the headers sign this body with this secret, recently.

    The signature header may carry several space-separated signatures (during secret
    rotation); one matching `v1` signature is enough. Header names are matched case-blind.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    try:
        webhook_id = lowered["webhook-id"]
        timestamp = int(lowered["webhook-timestamp"])
        offered = lowered["webhook-signature"].split()
    except (KeyError, ValueError) as exc:
        raise InvalidSignature(
            "missing or malformed webhook-id, webhook-timestamp or webhook-signature"
        ) from exc
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise InvalidSignature(f"webhook-timestamp {timestamp} is more than {tolerance} s from now")
    expected = sign(secret, webhook_id, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in offered):
        raise InvalidSignature("no webhook-signature matches the body")
