"""The payload against its published JSON Schema, and update deliveries for notify_updates."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tenure.settings import Settings
from tenure.webhooks.payload import SCHEMA
from tenure.webhooks.subscriptions import NewSubscription, create_subscription

from .conftest import Sessions, drain
from .receiver import Receiver
from .test_delivery import DEPARTURE, ingest

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "webhook-payload.schema.json"
JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}
SAME_FACT = "A filing shows Priya Lindqvist stepped down as chief operating officer of Halvorsen Freight."


def violations(doc: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> list[str]:
    """The subset of JSON Schema the payload schema uses; enough to catch a drifted field."""
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    found: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        if not any(
            isinstance(doc, JSON_TYPES[n]) and not (n != "boolean" and isinstance(doc, bool)) for n in names
        ):
            return [f"{path}: {doc!r} is not {names}"]
    if "const" in schema and doc != schema["const"]:
        found.append(f"{path}: {doc!r} != {schema['const']!r}")
    if "enum" in schema and doc not in schema["enum"]:
        found.append(f"{path}: {doc!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(doc, str) and not re.search(schema["pattern"], doc):
        found.append(f"{path}: {doc!r} does not match {schema['pattern']}")
    if isinstance(doc, dict):
        found += [f"{path}: missing {key}" for key in schema.get("required", []) if key not in doc]
        for key, sub in schema.get("properties", {}).items():
            if key in doc:
                found += violations(doc[key], sub, root, f"{path}.{key}")
    if isinstance(doc, list) and "items" in schema:
        for n, item in enumerate(doc):
            found += violations(item, schema["items"], root, f"{path}[{n}]")
    return found


def test_the_checker_catches_a_drifted_payload() -> None:
    root = json.loads(SCHEMA_FILE.read_text())
    assert violations({"schema": "tenure.event.v2"}, root, root)  # wrong version, missing fields


async def test_payloads_match_the_published_schema_and_updates_reach_only_who_asked(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    root = json.loads(SCHEMA_FILE.read_text())
    assert root["properties"]["schema"]["const"] == SCHEMA
    await create_subscription(sessions, settings, NewSubscription(url=receiver.url("/new-only")))
    await create_subscription(
        sessions, settings, NewSubscription(url=receiver.url("/updates"), notify_updates=True)
    )
    await ingest(sessions, DEPARTURE)
    await ingest(sessions, SAME_FACT)  # the same departure, reported again: a second source
    await drain(sessions, settings)

    bodies = [(r.path, json.loads(r.body)) for r in receiver.received]
    for _, body in bodies:
        assert violations(body, root, root) == []
    seen = sorted((path, b["type"], b["sequence"], len(b["event"]["sources"])) for path, b in bodies)
    assert seen == [
        ("/new-only", "event.created", 1, 1),
        ("/updates", "event.created", 1, 1),
        ("/updates", "event.updated", 2, 2),
    ]
