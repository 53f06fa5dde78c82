"""Secrets never reach logs or problem bodies."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.security.adversarial import ADVERSARIAL
from tenure.security.redact import SECRET_PATTERNS, install_log_redaction, redact
from tenure.settings import Settings

# (id, text, the secret part that must vanish, what must remain)
CASES = [
    ("webhook-secret", "signing with whsec_MfKQ9r8GKYqrTwjU+/Ab=", "MfKQ9r8GKYqrTwjU", "whsec_***"),
    ("api-key", "key=tnr_64IFVaRDtOuHIvNa4pPoUTEI57p2", "64IFVaRD", "tnr_***"),
    ("bearer", "Authorization: Bearer eyJhbGciOi.abc.def", "eyJhbGciOi", "Bearer ***"),
    ("bearer-lowercase", "authorization: bearer sekrit-token", "sekrit-token", "bearer ***"),
    (
        "db-url",
        "cannot reach postgresql+asyncpg://tenure:Sup3r%40Secret@db.internal:5432/tenure",
        "Sup3r",
        "postgresql+asyncpg://tenure:***@db.internal:5432/tenure",
    ),
    ("dsn-password", "host=db user=tenure password=hunter2 dbname=t", "hunter2", "password=***"),
]


@pytest.mark.parametrize(("text", "secret", "kept"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_redact(text: str, secret: str, kept: str) -> None:
    masked = redact(text)
    assert secret not in masked
    assert kept in masked


def test_every_pattern_masks_its_own_example() -> None:
    for name, pattern, _replacement, example in SECRET_PATTERNS:
        assert pattern.search(example), name
        assert redact(example) != example, name


def test_plain_text_is_untouched() -> None:
    text = "GET /people/3/timeline 200; the password policy is documented"
    assert redact(text) == text


@pytest.mark.parametrize(("text", "secret", "kept"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_log_records_are_masked_in_message_args_and_tracebacks(
    caplog: pytest.LogCaptureFixture, text: str, secret: str, kept: str
) -> None:
    install_log_redaction()
    log = logging.getLogger("tenure.test.redact")
    with caplog.at_level(logging.DEBUG):
        log.warning(text)
        log.warning("formatted later: %s", text)
        try:
            raise RuntimeError(text)
        except RuntimeError:
            log.exception("it failed")
    assert secret not in caplog.text
    assert kept in caplog.text
    assert all(secret not in (r.exc_text or "") for r in caplog.records)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Collect(logging.Handler):
    """Every record the root logger sees, formatted with its traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


async def test_a_failing_request_leaks_no_secret(capfd: pytest.CaptureFixture[str]) -> None:
    password = "Sup3rSecretPassw0rd"
    key = "tnr_AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjjKKK"
    # Nothing listens on the port: every database call fails, and the failure is logged.
    url = f"postgresql+asyncpg://tenure:{password}@127.0.0.1:{_closed_port()}/tenure"
    app = create_app(Settings(database_url=url), check_schema=False)
    collect = Collect()
    root = logging.getLogger()
    async with AsyncTestClient(app=app) as client:
        # Attached after start-up: Litestar configures logging when the app starts.
        root.addHandler(collect)
        previous = root.level
        root.setLevel(logging.DEBUG)
        try:
            logging.getLogger("tenure.test").info("serving %s for %s", url, f"Bearer {key}")
            response = await client.post(
                f"/articles?token={key}", json={"text": "x"}, headers={"Authorization": f"Bearer {key}"}
            )
        finally:
            root.removeHandler(collect)
            root.setLevel(previous)
    assert response.status_code == 503, response.text
    assert "database" in response.json()["detail"]
    logged = "\n".join(collect.lines)
    assert "database unavailable on POST /articles" in logged
    assert "tenure:***@127.0.0.1" in logged
    everything = logged + response.text + "".join(capfd.readouterr())
    for secret in (password, key, key[4:]):
        assert secret not in everything


def test_uvicorns_access_log_still_formats_and_is_masked() -> None:
    # uvicorn's AccessFormatter unpacks record.args itself: masking must keep their shape.
    from uvicorn.logging import AccessFormatter

    install_log_redaction()
    record = logging.getLogger("uvicorn.access").makeRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/events?key=tnr_SecretSecretSecret", "1.1", 200),
        None,
    )
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False).format(
        record
    )
    assert line == '127.0.0.1:5000 - "GET /events?key=tnr_*** HTTP/1.1" 200 OK'


def test_help_text_about_bearer_is_left_alone() -> None:
    text = "send 'Authorization: Bearer <key>' (or X-API-Key)"
    assert redact(text) == text


@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_redaction_time_grows_linearly_up_to_a_megabyte(shape: str) -> None:
    """Quadrupling the input must not take much more than four times as long (quadratic: 16x).

    redact() sees problem details and access-log lines, text a keyless client controls."""
    make = ADVERSARIAL[shape]
    small, large = make(250_000), make(1_000_000)

    def best_of_three(text: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            redact(text)
            times.append(time.perf_counter() - started)
        return min(times)

    small_time, large_time = best_of_three(small), best_of_three(large)
    assert large_time < 2.0, f"{shape}: 1 MB took {large_time:.2f} s"
    assert large_time <= max(8 * small_time, 0.05), f"{shape}: {small_time:.4f} s -> {large_time:.4f} s"
