"""An event has one public shape: the OpenAPI names its enums, and the views are gone."""

from __future__ import annotations

import inspect
from typing import Any, get_args

import pytest

import tenure.timelines.directory as directory
import tenure.timelines.queries as queries
from tenure.api.app import create_app
from tenure.api.entities import CompanyController, PersonController
from tenure.api.events import EventController
from tenure.extractors.contract import DEPARTURE_STATUSES, EVENT_TYPES, EventType, Precision
from tenure.settings import Settings
from tenure.shape import DepartureStatus


def _event_schema() -> dict[str, Any]:
    app = create_app(Settings(), check_schema=False)
    schema: dict[str, Any] = app.openapi_schema.to_schema()["components"]["schemas"]["EventOut"]
    return schema["properties"]


def _enum(prop: dict[str, Any]) -> list[Any]:
    return [value for value in prop["enum"] if value is not None]


def test_the_shape_uses_the_extractor_contract_values() -> None:
    assert get_args(EventType) == EVENT_TYPES
    assert get_args(DepartureStatus) == DEPARTURE_STATUSES


@pytest.mark.parametrize(
    ("field", "values", "nullable"),
    [
        ("type", EVENT_TYPES, False),
        ("status", DEPARTURE_STATUSES, True),
        ("date_precision", get_args(Precision), True),
    ],
)
def test_openapi_types_the_event_enums(field: str, values: tuple[str, ...], nullable: bool) -> None:
    prop = _event_schema()[field]
    assert _enum(prop) == list(values)
    assert (None in prop["enum"]) is nullable


def test_sources_say_source_and_carry_the_span() -> None:
    app = create_app(Settings(), check_schema=False)
    source = app.openapi_schema.to_schema()["components"]["schemas"]["SourceOut"]["properties"]
    assert {"source", "evidence_span", "published_at"} <= source.keys()
    assert "publisher" not in source


@pytest.mark.parametrize(
    ("module", "name"), [(queries, "SourceView"), (directory, "EntityView"), (directory, "Alias")]
)
def test_no_view_dataclass_mirrors_a_schema(module: object, name: str) -> None:
    assert not hasattr(module, name)


FILTER_PARAMETERS = {"type", "since", "until", "status", "min_confidence", "limit", "cursor"}


def _parameters(path: str) -> dict[str, dict[str, Any]]:
    document = create_app(Settings(), check_schema=False).openapi_schema.to_schema()
    return {p["name"]: p for p in document["paths"][path]["get"]["parameters"]}


@pytest.mark.parametrize(
    "path", ["/events", "/people/{entity_id}/timeline", "/companies/{entity_id}/timeline"]
)
def test_event_lists_declare_the_same_filter_parameters(path: str) -> None:
    """One declaration (the event_filter and page_size dependencies), the same parameters everywhere."""
    found = _parameters(path)
    assert found.keys() >= FILTER_PARAMETERS
    reference = _parameters("/events")
    for name in FILTER_PARAMETERS:
        assert found[name] == reference[name], name


@pytest.mark.parametrize(
    "handler", [EventController.list_events, PersonController.timeline, CompanyController.timeline]
)
def test_handlers_take_the_filter_as_one_dependency(handler: Any) -> None:
    """The seven filter and paging parameters live in tenure.api.deps, not in each handler."""
    parameters = inspect.signature(handler.fn).parameters
    assert {"event_filter", "page_size"} <= parameters.keys()
    assert not parameters.keys() & {"event_type", "since", "until", "status", "min_confidence", "limit"}
