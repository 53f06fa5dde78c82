"""JSON log lines (TENURE_LOG_FORMAT=json), each with the id of the request it was written for.

One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id (null outside a
request) and exception (the formatted traceback) when there is one. Secrets are already masked
when a record is made (tenure.security.redact), before this formatter sees it.

`use_json_logs()` runs at the app's start-up, after uvicorn configured its own loggers, and sends
the root logger and uvicorn's loggers through one JSON handler on stderr.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime

import msgspec

from tenure.observability.requests import current_request_id

__all__ = ["LOG_FORMATS", "JsonFormatter", "use_json_logs"]

LOG_FORMATS = ("text", "json")
# uvicorn's loggers do not propagate to the root logger: each gets the JSON handler itself.
_UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")
_encoder = msgspec.json.Encoder()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        return _encoder.encode(line).decode()


def use_json_logs(level: str = "INFO") -> logging.Handler:
    """Write every log line as JSON on stderr from now on; returns the handler it installed."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    for name in _UVICORN_LOGGERS:
        logger = logging.getLogger(name)
        if logger.handlers:
            logger.handlers = [handler]
    return handler
