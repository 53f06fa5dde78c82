"""Print how many of the seed articles' core facts the extractor finds (recall per article).

Run: .venv/bin/python bench/seed_recall.py [--show-misses]
Expectations live in bench/seed_expectations.json (the core facts of seeds/README.md). A fact is
found when an event has the same type, the person's last name, an organization where one name
contains the other, and the expected date when one is given. Extra events are counted, not judged.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from tenure.extractors import extract
from tenure.extractors.text.markup import read_front_matter

ROOT = Path(__file__).resolve().parents[1]
EXPECTATIONS = Path(__file__).with_name("seed_expectations.json")


def _same_person(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True
    return got is not None and expected.split()[-1].lower() == got.split()[-1].lower()


def _same_org(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True
    if got is None:
        return False
    a, b = expected.lower(), got.lower()
    return a in b or b in a


def _found(fact: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    return any(
        event["type"] == fact["type"]
        and _same_person(fact["person"], event["person"])
        and _same_org(fact["organization"], event["organization"])
        and (fact["date"] is None or event["date"] == fact["date"])
        for event in events
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    expectations: dict[str, Any] = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    total = found_total = extra_total = 0
    for name, facts in expectations.items():
        if name.startswith("_"):
            continue
        raw = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        published_at = datetime.fromisoformat(read_front_matter(raw).fields["published_at"])
        events = [event.to_dict() for event in extract(raw, published_at)]
        found = [fact for fact in facts if _found(fact, events)]
        total += len(facts)
        found_total += len(found)
        extra_total += max(0, len(events) - len(found))
        print(f"{name:52} {len(found):2}/{len(facts):<2} facts  {len(events):2} events")
        if args.show_misses:
            for fact in facts:
                if fact not in found:
                    print(f"    missed {fact}")
    print(
        f"recall {found_total}/{total} = {found_total / max(total, 1):.2f}; events beyond the facts: {extra_total}"
    )


if __name__ == "__main__":
    main()
