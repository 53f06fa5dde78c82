"""Domain exceptions. The API maps them to RFC 9457 problem details, the CLI to one stderr line.

Each carries the HTTP status it stands for and a message a person can act on.
"""

from __future__ import annotations


class TenureError(Exception):
    status_code = 400
    title = "Bad request"
    # CLI exit code for this error.
    exit_code = 2

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ConfigurationError(TenureError):
    status_code = 500
    title = "Configuration error"
    exit_code = 78


class InvalidInput(TenureError):
    status_code = 422
    title = "Invalid input"


class ArticleTooLarge(TenureError):
    status_code = 413
    title = "Article too large"


class NotFound(TenureError):
    status_code = 404
    title = "Not found"
    exit_code = 3


class Conflict(TenureError):
    status_code = 409
    title = "Conflict"


class PreconditionRequired(TenureError):
    """A change that must name the version it was made against (If-Match) and did not."""

    status_code = 428
    title = "Precondition required"


class Unauthorized(TenureError):
    status_code = 401
    title = "Unauthorized"


class Forbidden(TenureError):
    status_code = 403
    title = "Forbidden"


class RateLimited(TenureError):
    status_code = 429
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class AddressRefused(TenureError):
    """A URL whose host resolves to a private, loopback, link-local or metadata address."""

    status_code = 422
    title = "Address refused"


class FetchFailed(TenureError):
    status_code = 502
    title = "Fetch failed"


class DatabaseUnavailable(TenureError):
    status_code = 503
    title = "Database unavailable"
    exit_code = 69


class SchemaOutOfDate(TenureError):
    status_code = 503
    title = "Database schema out of date"
    exit_code = 69


class InvalidQuery(TenureError):
    """A query parameter the API cannot use: a bad cursor, since after until, an unknown type."""

    status_code = 400
    title = "Invalid query parameter"


class ApiKeyRequired(Unauthorized):
    """No API key, or one that is not valid: the response tells the client how to send one."""

    headers = {"WWW-Authenticate": 'Bearer realm="tenure"'}


class DatabaseBusy(DatabaseUnavailable):
    """SQLite: a write waited past Settings.sqlite_write_wait for the writers queued before it."""

    title = "Database busy"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(retry_after)}
