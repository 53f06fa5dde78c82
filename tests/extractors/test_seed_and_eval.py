"""The shared gold articles: every required seed event is found, and dev-set F1 stays above a floor.

Reads ../shared through the `shared_dir` fixture (skipped where it is absent). Matching follows
../shared/eval/score.py: same type, person by first and last token, organization by whole words.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tenure.extractors import extract
from tenure.extractors.dates.spans import parse_published_at

F1_FLOOR = 0.85
DATE_ACCURACY_FLOOR = 0.85


def _predict(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in extract(doc["text"], parse_published_at(doc["published_at"]))]


def test_every_required_seed_event_is_found(shared_dir: Path, scorer: ModuleType) -> None:
    seed = json.loads((shared_dir / "eval" / "dev" / "seed.json").read_text(encoding="utf-8"))
    predicted = _predict(seed)
    missing = []
    for gold in seed["events"]:
        if not gold.get("required", True):
            continue
        found = any(
            p["type"] == gold["type"]
            and scorer.person_match(p["person"], gold["person"])
            and scorer.org_match(p["organization"], gold["organization"])
            for p in predicted
        )
        if not found:
            missing.append((gold["type"], gold["person"], gold["organization"]))
    assert not missing, f"seed events not found: {missing}"


def test_seed_article_has_no_funding_round_for_capital_spending(shared_dir: Path) -> None:
    seed = json.loads((shared_dir / "eval" / "dev" / "seed.json").read_text(encoding="utf-8"))
    rounds = [e for e in _predict(seed) if e["type"] == "funding_round"]
    assert all(e["details"]["amount"] is None for e in rounds), rounds


def test_dev_set_scores_above_the_floor(shared_dir: Path, scorer: ModuleType) -> None:
    docs = scorer.load_gold([shared_dir / "eval" / "dev"])
    predictions = {doc["id"]: _predict(doc) for doc in docs}
    result = scorer.score(docs, predictions, show_errors=False)
    assert result["f1"] >= F1_FLOOR, result
    assert result["date_accuracy"] is not None and result["date_accuracy"] >= DATE_ACCURACY_FLOOR, result


def test_no_event_article_gives_no_event(shared_dir: Path) -> None:
    docs = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((shared_dir / "eval" / "dev").glob("*.json"))
    ]
    empty = [d for d in docs if not d["events"]]
    if not empty:
        pytest.skip("the dev set has no article without events")
    for doc in empty:
        assert _predict(doc) == [], doc["id"]
