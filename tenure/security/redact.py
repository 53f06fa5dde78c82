"""Keep secrets out of logs and error bodies: webhook secrets, API keys, bearer tokens, passwords.

`redact(text)` masks every pattern in SECRET_PATTERNS. `install_log_redaction()` wraps the
logging record factory, so every record from every logger (tenure's, uvicorn's access log,
SQLAlchemy's, asyncpg's) is masked once, when it is made, before any handler or formatter sees
it; tracebacks are formatted and masked then too. A handler filter would miss records that
reach the last-resort handler, and a logger filter misses records from child loggers.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

__all__ = ["SECRET_PATTERNS", "install_log_redaction", "redact"]

# (name, pattern, replacement, example it masks)
SECRET_PATTERNS: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    ("webhook-secret", re.compile(r"whsec_[A-Za-z0-9+/=_-]+"), "whsec_***", "whsec_MfKQ9r8GKYqrTwjU"),
    ("api-key", re.compile(r"tnr_[A-Za-z0-9_-]+"), "tnr_***", "tnr_64IFVaRDtOuHIvNa4pPo"),
    (
        "bearer-token",
        re.compile(r"(?i)\b(bearer\s+)(?!\*\*\*)[A-Za-z0-9._~+/-]+=*"),
        r"\1***",
        "Authorization: Bearer abc.def.ghi",
    ),
    (
        "url-password",
        # The scheme must start a word and every repeat is bounded, so the pattern stays linear on
        # long runs of letters or dots (unbounded, 40 KB of "a" took 2.5 s here).
        re.compile(r"((?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}://[^:/@\s]{0,256}:)[^@\s/]{1,256}@"),
        r"\1***@",
        "postgresql+asyncpg://tenure:hunter2@db:5432/tenure",
    ),
    (
        "password-parameter",
        re.compile(r"(?i)\b(password|passwd|pwd)(\s*[=:]\s*)(?!\*\*\*)[^\s&;,'\"]+"),
        r"\1\2***",
        "host=db user=tenure password=hunter2",
    ),
)
_MARK = "_tenure_redacted"


def redact(text: str) -> str:
    for _name, pattern, replacement, _example in SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _redact_value(value: Any) -> Any:
    """A log argument with secrets masked; its type is kept unless it had a secret to mask."""
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, int | float | bool):
        return value
    text = str(value)
    masked = redact(text)
    # Objects whose text holds a secret (a URL, an exception) become that masked text; others stay
    # as they are, so formatters that read arguments by position or type keep working.
    return masked if masked != text else value


def _redact_record(record: logging.LogRecord) -> None:
    # msg and args are masked separately, never merged: some formatters (uvicorn's access log)
    # read record.args themselves.
    if isinstance(record.msg, str):
        record.msg = redact(record.msg)
    elif record.msg is not None:
        record.msg = _redact_value(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_redact_value(arg) for arg in record.args)
    elif isinstance(record.args, dict):
        record.args = {key: _redact_value(arg) for key, arg in record.args.items()}
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_log_redaction() -> None:
    """Mask secrets in every log record from now on (idempotent)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, _MARK, False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _redact_record(record)
        return record

    setattr(factory, _MARK, True)
    logging.setLogRecordFactory(factory)
