"""Funding rounds and foundings as real news writes them: round-ups, investor-first phrasings,
apposition after the raising company, and foundings told about "the company" of a paragraph."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

FUNDING = [
    Case(
        "company-with-aside-raises-round-led-by-investor",
        "Orbis, a cloud-security firm, has raised a $40m Series C led by Norden Ventures.",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Orbis",
                "details": {
                    "amount": 40000000,
                    "currency": "USD",
                    "round": "Series C",
                    "lead_investors": ["Norden Ventures"],
                },
            }
        ],
    ),
    Case(
        "company-described-by-a-company-clause-closes-round",
        "Tallyo, a company offering payroll cards to gig workers, has closed a $9m Series A led by Brisk Capital.",
        [
            {
                "type": "funding_round",
                "organization": "Tallyo",
                "details": {"amount": 9000000, "lead_investors": ["Brisk Capital"]},
            }
        ],
    ),
    Case(
        "roundup-headline-states-no-single-round",
        "Fintech Roundup: 5 Startups Raise More Than $90M in Capital",
        [],
    ),
    Case(
        "running-total-is-not-the-round-amount",
        "Genomics company Helixor raised $18 million, extending its Series B financing to $40 million.",
        [
            {
                "type": "funding_round",
                "organization": "Helixor",
                "details": {"amount": 18000000, "currency": "USD", "round": "Series B"},
            }
        ],
    ),
    Case(
        "roundup-item-latest-financing-led-by",
        "Here is the week in biotech.\n\n"
        "—Gene-editing company Parvane raised $30 million in Series A financing. "
        "Boston-based Parvane edits liver cells. The latest financing was led by Tolland Capital.",
        [
            {
                "type": "funding_round",
                "organization": "Parvane",
                "details": {"amount": 30000000, "lead_investors": ["Tolland Capital"]},
            }
        ],
    ),
    Case(
        "rupees-in-crore",
        "Meditrack, a health-tech startup, has raised ₹6 crore in a round led by Sunrise Angels.",
        [
            {
                "type": "funding_round",
                "organization": "Meditrack",
                "details": {"amount": 60000000, "currency": "INR", "lead_investors": ["Sunrise Angels"]},
            }
        ],
    ),
    Case(
        "singapore-dollars",
        "Payroll startup Kumo Pay raised S$12 million in a Series A round.",
        [
            {
                "type": "funding_round",
                "organization": "Kumo Pay",
                "details": {"amount": 12000000, "currency": "SGD"},
            }
        ],
    ),
]

FOUNDINGS: list[Case] = []


@pytest.mark.parametrize("case", params(FUNDING + FOUNDINGS))
def test_real_funding_and_founding(case: Case) -> None:
    run_case(case)
