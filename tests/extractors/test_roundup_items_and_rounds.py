"""Funding round-ups and rounds told as a company's history.

A round-up item headed by its company in capitals ("VOLTSTRAND (Malmö, energy storage)") is about
that company even when its body only describes it ("The battery developer has raised ...");
descriptions resolve to the company the article described that way ("the startup" after
"Tandly, a Seattle startup"); earlier rounds ("Its first outside money was a ... seed round",
"..., following a ... Series A in 2019") and currencies written KSh, ₦ and ¥ are read. All
sentences, people and companies are invented.
"""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

from tenure.extractors.events.money import find_money

ROUNDUP = (
    "Funding Friday: batteries and payroll\n\n"
    "Every Friday we round up the venture deals announced this week.\n\n"
    "VOLTSTRAND (Malmö, energy storage)\n"
    "The sodium-ion battery developer has raised SEK 310 million in a Series B led by Nordvik Ventures.\n\n"
    "KUDIPAY (Lagos, payroll software)\n"
    "The payroll startup has secured ₦4.6 billion in seed funding backed by Lekki Capital.\n\n"
    "ONE TO WATCH\n"
    "The maker of smart kettles is said to be talking to investors.\n"
)

CASES = [
    Case(
        "capitals-headings-name-each-items-company",
        ROUNDUP,
        [
            {
                "type": "funding_round",
                "organization": "Voltstrand",
                "details": {"amount": 310000000, "currency": "SEK", "round": "Series B"},
            },
            {
                "type": "funding_round",
                "organization": "Kudipay",
                "details": {"amount": 4600000000, "currency": "NGN", "round": "seed"},
            },
        ],
        published_at="2025-06-20T07:00:00+01:00",
    ),
    Case(
        "the-startup-is-the-company-described-as-one",
        "Harbourlight Software said on Monday it would buy Tandly, a Seattle startup that makes "
        "scheduling apps. The startup raised a $40 million Series B in 2022 led by Cobalt Ridge "
        "Partners, following a $12 million Series A in 2019.",
        [
            {
                "type": "funding_round",
                "organization": "Tandly",
                "date": "2022",
                "details": {"round": "Series B"},
            },
            {
                "type": "funding_round",
                "organization": "Tandly",
                "date": "2019",
                "details": {"amount": 12000000, "round": "Series A"},
            },
        ],
        published_at="2025-08-05T16:00:00-07:00",
        exact=False,
    ),
    Case(
        "its-first-outside-money-was-a-round",
        "Shamba Ledger Ltd lends to farmers in Kenya. Its first outside money was a KSh65 million seed "
        "round in 2022.",
        [
            {
                "type": "funding_round",
                "organization": "Shamba Ledger Ltd",
                "date": "2022",
                "details": {"amount": 65000000, "currency": "KES", "round": "seed"},
            }
        ],
        published_at="2025-03-10T09:00:00+03:00",
    ),
    Case(
        "announced-on-a-weekday-a-named-round",
        "Aiguille Medical announced on Tuesday an €18 million Series A led by Confluent Partners.",
        [
            {
                "type": "funding_round",
                "organization": "Aiguille Medical",
                "date": "2025-06-17",
                "details": {"amount": 18000000, "currency": "EUR", "lead_investors": ["Confluent Partners"]},
            }
        ],
        published_at="2025-06-20T07:00:00+01:00",
    ),
]


CASES += [
    Case(
        "a-markdown-newsletter-item-picks-up-money-from-a-fund",
        "Seed and Signal\n\n"
        "**[Murmura](https://murmura.example.com)** picked up **$2.2M** from "
        "[Cinderby Fund](https://cinderby.example.com) and a handful of operator angels.\n\n"
        "**Haywick Labs** came out of stealth on Tuesday with a **$3M pre-seed** from "
        "[Larchmont Street](https://larchmont.example.com).",
        [
            {
                "type": "funding_round",
                "organization": "Murmura",
                "details": {"amount": 2200000, "lead_investors": ["Cinderby Fund"]},
            },
            {
                "type": "funding_round",
                "organization": "Haywick Labs",
                "date": "2025-12-16",
                "details": {"amount": 3000000, "round": "pre-seed", "lead_investors": ["Larchmont Street"]},
            },
        ],
        published_at="2025-12-19T07:00:00+00:00",
    ),
    Case(
        "an-investor-raising-its-own-fund-is-no-round",
        "Norden Capital raised a $500 million fund for climate start-ups.",
        [],
        published_at="2025-12-19T07:00:00+00:00",
    ),
]


CASES += [
    Case(
        "a-column-section-heading-and-an-asset-manager",
        "Moves column\n\nMANAGEMENT\n\nHarcourt Lane hired two partners on Monday.\n\nIN-HOUSE\n\n"
        "Elsewhere, asset manager Oldbury Stanton has promoted Naledi Voss to head of fixed income.",
        [{"type": "appointment", "person": "Naledi Voss", "organization": "Oldbury Stanton"}],
        published_at="2026-04-17T09:00:00+01:00",
    ),
    Case(
        "a-spin-out-incorporated-in-a-month-by-its-founder",
        "Quellbrand Photonics, a spin-off from the Limmat Institute, was incorporated in Zurich in March "
        "by Professor Henrike Voss.",
        [
            {
                "type": "founding",
                "person": "Henrike Voss",
                "organization": "Quellbrand Photonics",
                "date": "2025-03",
            }
        ],
        published_at="2025-05-21T10:00:00+02:00",
        exact=False,
    ),
]


CASES += [
    Case(
        "hyphenated-amounts-and-a-round-told-after-then",
        "Halcyon Solvents raised a C$3.2-million seed round led by Laurentide Angels in 2017, then a "
        "C$26-million Series A in 2020 led by Boreal Climate Fund.",
        [
            {
                "type": "funding_round",
                "date": "2017",
                "details": {"amount": 3200000, "currency": "CAD", "round": "seed"},
            },
            {
                "type": "funding_round",
                "date": "2020",
                "details": {"amount": 26000000, "currency": "CAD", "round": "Series A"},
            },
        ],
        published_at="2025-05-01T09:00:00-04:00",
    ),
    Case(
        "left-the-company-is-the-object-not-a-later-employer",
        "Declan Morris co-founded Halcyon Solvents in Sherbrooke, Que., with Rosa Thibault in 2016. "
        "Morris left the company in 2021 to return to research and now teaches at Frontenac University.",
        [
            {
                "type": "departure",
                "person": "Declan Morris",
                "organization": "Halcyon Solvents",
                "date": "2021",
            }
        ],
        published_at="2025-05-01T09:00:00-04:00",
        exact=False,
    ),
]


CASES += [
    Case(
        "a-place-before-a-descriptor-is-no-company-and-rand-amounts",
        "Galway start-up Curragh Health lands EUR1.4m\n\nGalway start-up Curragh Health has raised "
        "€1.4 million in pre-seed funding. In March the Soweto solar installer Ilanga Power closed an "
        "R45 million Series A round led by Mzansi Impact Capital.",
        [
            {"type": "funding_round", "organization": "Curragh Health", "details": {"amount": 1400000}},
            {
                "type": "funding_round",
                "organization": "Ilanga Power",
                "details": {"amount": 45000000, "currency": "ZAR", "round": "Series A"},
            },
        ],
        published_at="2026-02-03T09:00:00+00:00",
        exact=False,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_case(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a KSh65 million seed round", (65_000_000, "KES")),
        ("secured ₦4.6 billion", (4_600_000_000, "NGN")),
        ("a ¥500 million round", (500_000_000, "JPY")),
        ("raised KES 390 million", (390_000_000, "KES")),
    ],
)
def test_more_currencies(text: str, expected: tuple[int, str]) -> None:
    found = find_money(text)
    assert [(int(m.amount), m.currency) for m in found] == [expected]
