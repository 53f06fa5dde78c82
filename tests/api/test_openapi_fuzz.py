"""Property test from the OpenAPI description: any generated read request is answered, never a 5xx.

Schemathesis generates requests for every GET operation at /schema (odd ids, cursors, dates,
types, limits); each must get a success or a 4xx problem, on both back ends. (Its pytest plugin
does not run under pytest 9, so the test drives the operations' Hypothesis strategies itself.)
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tenure.api.app import create_app
from tenure.settings import Settings


def test_reads_never_fail_on_the_server(database_url: str) -> None:
    # Keys are the guard's business (tests/security); every generated request here is a read.
    app = create_app(Settings(database_url=database_url, rate_limit_per_minute=0))
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app).include(method="GET")
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers(case: Any) -> None:
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:
                assert response.headers["content-type"][0].startswith("application/problem+json")

        answers()
        checked.append(operation.path)
    assert "/people/{entity_id}/timeline" in checked and "/events" in checked
