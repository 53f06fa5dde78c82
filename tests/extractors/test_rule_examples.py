"""Every trigger rule's own example, run alone, produces an event by that rule.

A rule row carries its example sentence (tenure/extractors/events/rules.py); this runs each through the whole engine with a
fixed publication time and checks that the rule fired (its rule_id on an event of its type; both
moves for hand-over rules) and that each such event names a person or a company.
"""

from __future__ import annotations

import pytest

from tenure.extractors import extract
from tenure.extractors.dates.spans import parse_published_at
from tenure.extractors.events.rules import RULES, Rule

PUBLISHED = parse_published_at("2025-03-14T10:00:00+00:00")


@pytest.mark.parametrize("rule", RULES, ids=[rule.rule_id for rule in RULES])
def test_rule_example_fires_its_own_rule(rule: Rule) -> None:
    events = extract(rule.example, PUBLISHED)
    own = [e for e in events if e.rule_id == rule.rule_id]
    assert own, f"{rule.example!r} gave {[(e.type, e.rule_id) for e in events]}"
    # A hand-over rule gives both moves; a move rule may give the departure it implies too
    # ("heads to rival X": the appointment at X and the departure from the old employer).
    assert any(e.type == rule.type or rule.pair for e in own)
    for event in own:
        assert event.person or event.organization, event


def test_rule_ids_are_unique() -> None:
    ids = [rule.rule_id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=[rule.rule_id for rule in RULES])
def test_rule_carries_its_own_pre_test(rule: Rule) -> None:
    """The cheap substring pre-test sits on the row itself, and its example passes it."""
    assert rule.needs, rule.rule_id
    assert any(fragment in rule.example.lower() for fragment in rule.needs)
