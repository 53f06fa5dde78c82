"""An event has one public shape: the OpenAPI names its enums, and the views are gone."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, get_args

import jsonschema_rs
import msgspec
import pytest

import tenure.timelines.directory as directory
import tenure.timelines.queries as queries
from tenure.api.app import create_app
from tenure.api.entities import CompanyController, PersonController
from tenure.api.events import EventController
from tenure.extractors import extract
from tenure.extractors.contract import DEPARTURE_STATUSES, EVENT_TYPES, EventType, Precision
from tenure.ingest.documents import article_paths, read_articles
from tenure.settings import Settings
from tenure.shape import DETAILS_BY_TYPE, DETAILS_EXAMPLES, EVENT_EXAMPLE, DepartureStatus, EventOut
from tenure.webhooks.payload import payload_json_schema

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


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
    """One declaration (the listing dependency), the same parameters everywhere."""
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
    assert "listing" in parameters
    assert not parameters.keys() & {"event_type", "since", "until", "status", "min_confidence", "limit"}


def _openapi_schemas() -> dict[str, Any]:
    app = create_app(Settings(), check_schema=False)
    schemas: dict[str, Any] = app.openapi_schema.to_schema()["components"]["schemas"]
    return schemas


def test_openapi_keys_details_by_the_event_type_with_examples() -> None:
    schemas = _openapi_schemas()
    rules = schemas["EventOut"]["allOf"]
    keyed = {
        rule["if"]["properties"]["type"]["const"]: rule["then"]["properties"]["details"]["$ref"]
        for rule in rules
    }
    assert keyed == {t: f"#/components/schemas/{DETAILS_BY_TYPE[t].__name__}" for t in EVENT_TYPES}
    for event_type, details in DETAILS_BY_TYPE.items():
        assert schemas[details.__name__]["examples"] == [DETAILS_EXAMPLES[event_type]]
    assert schemas["EventOut"]["examples"][0]["type"] == "departure"
    assert schemas["FundingRoundDetails"]["properties"]["lead_investors"]["type"] == "array"


def _event_validator() -> Any:
    definitions = payload_json_schema()["$defs"]
    return jsonschema_rs.Draft202012Validator({"$defs": definitions, "$ref": "#/$defs/EventOut"})


def test_the_event_example_is_valid_and_details_are_checked_by_type() -> None:
    validator = _event_validator()
    msgspec.convert(EVENT_EXAMPLE, EventOut, strict=False)
    assert validator.is_valid(EVENT_EXAMPLE)
    for event_type in EVENT_TYPES:
        assert validator.is_valid(
            {**EVENT_EXAMPLE, "type": event_type, "details": DETAILS_EXAMPLES[event_type]}
        )
    # A departure's details are not a funding round's.
    assert not validator.is_valid({**EVENT_EXAMPLE, "details": DETAILS_EXAMPLES["funding_round"]})
    assert not validator.is_valid({**EVENT_EXAMPLE, "details": {"status": "rumoured"}})


def test_what_the_extractor_puts_in_details_is_declared_for_its_type() -> None:
    """A new detail must be added to tenure.shape, or the schemas would refuse real events."""
    seen = set()
    for path in article_paths([SEEDS]):
        for item in read_articles(path):
            assert item.article is not None, item.error
            for event in extract(item.article.text, item.article.published_at):
                msgspec.convert(event.details, DETAILS_BY_TYPE[event.type])
                seen.add(event.type)
    assert seen == set(EVENT_TYPES)
