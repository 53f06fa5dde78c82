"""The OpenAPI document describes errors as problem details and declares the API-key schemes."""

from __future__ import annotations

from typing import Any

from tenure.api.app import create_app
from tenure.settings import Settings


def _document(**settings: Any) -> dict[str, Any]:
    app = create_app(Settings(**settings), check_schema=False)
    document: dict[str, Any] = app.openapi_schema.to_schema()
    return document


def test_every_error_response_is_a_problem() -> None:
    document = _document()
    assert document["components"]["schemas"]["Problem"]["required"] == ["type", "title", "status", "detail"]
    operations = [
        (path, method, op)
        for path, item in document["paths"].items()
        if not path.startswith("/schema")
        for method, op in item.items()
        if isinstance(op, dict) and "responses" in op
    ]
    assert len(operations) >= 8
    for path, method, op in operations:
        errors = {s: r for s, r in op["responses"].items() if s[0] in "45"}
        assert {"401", "403", "429", "503"} <= errors.keys(), (method, path)
        for status, response in errors.items():
            assert list(response["content"]) == ["application/problem+json"], (method, path, status)


def test_writes_declare_the_key_schemes_and_reads_only_when_locked() -> None:
    open_reads = _document()
    assert set(open_reads["components"]["securitySchemes"]) == {"bearer", "apiKey"}
    assert open_reads["paths"]["/articles"]["post"]["security"] == [{"bearer": []}, {"apiKey": []}]
    assert "security" not in open_reads["paths"]["/events"]["get"]
    assert "413" in open_reads["paths"]["/articles"]["post"]["responses"]
    locked = _document(require_read_key=True)
    assert locked["paths"]["/events"]["get"]["security"] == [{"bearer": []}, {"apiKey": []}]


def test_operator_reads_declare_the_key_schemes_even_with_open_reads() -> None:
    document = _document()
    assert document["paths"]["/webhooks/subscriptions"]["get"]["security"] == [{"bearer": []}, {"apiKey": []}]
