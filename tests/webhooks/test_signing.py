"""Standard Webhooks signing: a known vector, verification, secrets and message ids."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path
from typing import Any

import pytest

from tenure.webhooks.signing import InvalidSignature, new_secret, new_webhook_id, sign, signed_headers, verify

# A fixed key (bytes 0..31) so the reference below and tenure's signer see the same secret.
KEY = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(KEY).decode()
BODY = b'{"schema":"tenure.event.v1"}'


def _reference(webhook_id: str, timestamp: int, body: bytes) -> str:
    """The specification's formula, written out with the standard library only."""
    import hashlib
    import hmac

    mac = hmac.new(KEY, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def test_signature_is_hmac_sha256_of_id_timestamp_body() -> None:
    assert sign(SECRET, "msg_test", 1_700_000_000, BODY) == _reference("msg_test", 1_700_000_000, BODY)


def test_verify_accepts_its_own_headers() -> None:
    headers = signed_headers(SECRET, "msg_a", BODY)
    verify(SECRET, headers, BODY)
    verify(SECRET, {k.upper(): v for k, v in headers.items()}, BODY)  # header names are case-blind


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda h, b: (h, b + b"x"), "no webhook-signature"),
        (lambda h, b: ({**h, "webhook-id": "msg_other"}, b), "no webhook-signature"),
        (lambda h, b: ({**h, "webhook-timestamp": "1000"}, b), "from now"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "webhook-signature"}, b), "missing"),
        (lambda h, b: ({**h, "webhook-signature": "v1,AAAA"}, b), "no webhook-signature"),
    ],
    ids=["body-changed", "id-changed", "stale-timestamp", "no-signature", "wrong-signature"],
)
def test_verify_refuses_tampering(change, match) -> None:  # type: ignore[no-untyped-def]
    headers, body = change(signed_headers(SECRET, "msg_a", BODY), BODY)
    with pytest.raises(InvalidSignature, match=match):
        verify(SECRET, headers, body)


def test_one_matching_signature_among_several_is_enough() -> None:
    headers = signed_headers(SECRET, "msg_a", BODY)
    headers["webhook-signature"] = "v1,bm90IGl0 " + headers["webhook-signature"]
    verify(SECRET, headers, BODY)


def test_secrets_are_whsec_and_at_least_24_random_bytes() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret[6:])) >= 24
    assert new_secret() != secret


def test_webhook_ids_are_unique_sortable_ulids() -> None:
    ids = [new_webhook_id(now=1_700_000_000 + n) for n in range(50)]
    assert all(re.fullmatch(r"msg_[0-9A-HJKMNP-TV-Z]{26}", i) for i in ids)
    assert ids == sorted(ids)
    assert len({new_webhook_id() for _ in range(1000)}) == 1000


def _readme_verify() -> Any:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    snippet = readme.split("A receiver verifying", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(snippet, "README.md", "exec"), namespace)
    return namespace["verify"]


def test_the_readme_receiver_and_verify_share_one_contract() -> None:
    """None for a good delivery; an exception for a tampered body, a wrong secret or an old one."""
    readme_verify = _readme_verify()
    headers = signed_headers(SECRET, new_webhook_id(), BODY)
    assert readme_verify(SECRET, headers, BODY) is None
    assert verify(SECRET, headers, BODY) is None
    stale = signed_headers(SECRET, new_webhook_id(), BODY, timestamp=int(time.time()) - 3600)
    for secret, sent, body in [
        (SECRET, headers, BODY + b" "),
        (new_secret(), headers, BODY),
        (SECRET, stale, BODY),
    ]:
        with pytest.raises(ValueError):
            readme_verify(secret, sent, body)
        with pytest.raises(InvalidSignature):
            verify(secret, sent, body)
