"""More award phrasings: honours given in the plural to several named people, caption lines
("Prize – Person, Company"), "the X award was presented to", and the date of the ceremony.
All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case


def _award(person: str, org: str | None, award: str | None = None) -> dict[str, object]:
    want: dict[str, object] = {"type": "award", "person": person, "organization": org}
    if award is not None:
        want["details"] = {"award": award}
    return want


PLURAL_HONOURS = [
    Case(
        "receive-knighthoods-two-employers",
        "Orbis Rail chief executive Tom Becker and Ana Ruiz, the founder of software company Quillon, "
        "receive knighthoods for services to transport and to technology.",
        [_award("Tom Becker", "Orbis Rail", "knighthood"), _award("Ana Ruiz", "Quillon", "knighthood")],
        exact=False,  # "the founder of" may also be read as a founding
    ),
    Case(
        "receive-obes-prenominal-and-apposition",
        "Halden Engineering managing director Tom Becker and Ana Ruiz, finance director of shipping group "
        "Castlemere Lines, receive OBEs for services to exports.",
        [_award("Tom Becker", "Halden Engineering", "OBE"), _award("Ana Ruiz", "Castlemere Lines", "OBE")],
    ),
    Case(
        "among-those-made-cbes-are",
        "Among those made CBEs are Lena Fischer, a partner at accountancy firm Marlow Penn, and Omar Haddad, "
        "chair of Eastvale Housing, both for services to housing.",
        [_award("Lena Fischer", "Marlow Penn", "CBE"), _award("Omar Haddad", "Eastvale Housing", "CBE")],
    ),
    Case(
        "list-includes-mbes-for-a-and-for-b",
        "The list also includes MBEs for Lena Fischer, who founded the bakery group Crumbwell in 2001, and "
        "for Omar Haddad, a former engineer at Tidewell Energy, for services to industry.",
        [
            _award("Lena Fischer", "Crumbwell", "MBE"),
            _award("Omar Haddad", "Tidewell Energy", "MBE"),
            {"type": "founding", "person": "Lena Fischer", "organization": "Crumbwell", "date": "2001"},
        ],
    ),
    Case(
        "knighthoods-not-the-list-name",
        "Several bosses feature in the New Year Honours list. Ngozi Okafor, the founder of lending company "
        "Paylark, and Halden Water chief executive Tom Becker receive knighthoods.",
        [_award("Ngozi Okafor", "Paylark", "knighthood"), _award("Tom Becker", "Halden Water", "knighthood")],
        exact=False,
    ),
    Case(
        "becomes-a-dame-letters",
        "Former Orbis Insurance chair Ana Ruiz becomes a dame (DBE) for services to charity.",
        [_award("Ana Ruiz", "Orbis Insurance", "DBE")],
    ),
    Case(
        "long-aside-and-business-named-for-founder",
        "The list also includes MBEs for Lena Fischer, who founded the Bristol bakery chain Fischer's in 2001 "
        "and still chairs it, and for Omar Haddad, a former engineer at Tidewell Energy, for services to industry.",
        [
            _award("Lena Fischer", "Fischer's", "MBE"),
            _award("Omar Haddad", "Tidewell Energy", "MBE"),
            {"type": "founding", "person": "Lena Fischer", "organization": "Fischer's", "date": "2001"},
        ],
    ),
    Case(
        "no-event-nominated-for-obes",
        "Lena Fischer and Omar Haddad had been tipped to receive OBEs, but neither appears on the list.",
        [],
    ),
    Case(
        "no-event-obes-in-general",
        "Critics say too many OBEs are handed to donors rather than to volunteers.",
        [],
    ),
]


@pytest.mark.parametrize("case", params(PLURAL_HONOURS))
def test_plural_honours(case: Case) -> None:
    run_case(case)


PRESENTED_AND_DATED = [
    Case(
        "lower-case-award-word-presented-to-former-title",
        "The Lifetime Achievement award was presented to Tom Becker, the former chief executive of Norden "
        "Haulage, who retired in the summer after 30 years at the firm.",
        [
            _award("Tom Becker", "Norden Haulage", "Lifetime Achievement"),
            {"type": "departure", "person": "Tom Becker", "organization": "Norden Haulage"},
        ],
    ),
    Case(
        "former-employer-not-the-story-company",
        "Orbis Freight's Ana Ruiz won the top prize at the Northern Haulage Awards on Thursday. "
        "The Outstanding Service award was presented to Tom Becker, the former finance director of "
        "Castlemere Tankers, who retired last year.",
        [
            _award("Ana Ruiz", "Orbis Freight"),
            _award("Tom Becker", "Castlemere Tankers", "Outstanding Service"),
            {"type": "departure", "person": "Tom Becker", "organization": "Castlemere Tankers"},
        ],
        exact=False,
    ),
    Case(
        "ceremony-day-in-the-lead-dates-the-prizes",
        "More than 400 guests gathered in Leeds on Thursday night for the Yorkshire Haulage Awards.\n\n"
        "The Innovation award went to Ana Ruiz, chief executive of Orbis Freight. "
        "Tom Becker of Castlemere Tankers was named Driver of the Year.",
        [
            {**_award("Ana Ruiz", "Orbis Freight"), "date": "2025-03-13"},
            {**_award("Tom Becker", "Castlemere Tankers", "Driver of the Year"), "date": "2025-03-13"},
        ],
    ),
    Case(
        "honours-list-published-day-dates-the-honours",
        "Two bank bosses are recognised in the New Year Honours list, published on Tuesday night.\n\n"
        "Orbis Bank chief executive Tom Becker and Ana Ruiz, chair of Eastvale Building Society, receive CBEs.",
        [
            {**_award("Tom Becker", "Orbis Bank", "CBE"), "date": "2025-03-11"},
            {**_award("Ana Ruiz", "Eastvale Building Society", "CBE"), "date": "2025-03-11"},
        ],
    ),
    Case(
        "retired-in-the-spring-is-that-year",
        "The Service award was presented to Tom Becker, the former chief executive of Norden Haulage, "
        "who retired in the spring.",
        [
            _award("Tom Becker", "Norden Haulage", "Service"),
            {"type": "departure", "person": "Tom Becker", "organization": "Norden Haulage", "date": "2025"},
        ],
        published_at="2025-11-20T10:00:00+00:00",
    ),
    Case(
        "will-retire-in-the-spring-is-the-coming-one",
        "Tom Becker, chief executive of Norden Haulage, will retire in the spring.",
        [{"type": "departure", "person": "Tom Becker", "organization": "Norden Haulage", "date": "2026"}],
        published_at="2025-11-20T10:00:00+00:00",
    ),
    Case(
        "prize-split-between-named-before",
        "The Orbis Medal for Chemistry goes to three scientists this year. The €1 million prize will be split "
        "equally between Ana Ruiz of the University of Halden, Tom Becker of the Norden Institute and Lena Fischer.",
        [
            _award("Ana Ruiz", "University of Halden", "Orbis Medal for Chemistry"),
            _award("Tom Becker", "Norden Institute", "Orbis Medal for Chemistry"),
            _award("Lena Fischer", None, "Orbis Medal for Chemistry"),
        ],
    ),
    Case(
        "medal-aside-with-comma-amount-goes-jointly-to",
        "The Orbis Medal for Chemistry was announced on Monday. The medal, which comes with a £50,000 prize, "
        "goes jointly to Dr Ana Ruiz of the University of Halden and Professor Tom Becker of Westmere University.",
        [
            _award("Ana Ruiz", "University of Halden", "Orbis Medal for Chemistry"),
            _award("Tom Becker", "Westmere University", "Orbis Medal for Chemistry"),
        ],
    ),
    Case(
        "no-event-profits-split-between",
        "The Orbis Medal was founded in 1990. Profits will be split between Acme and Norden Labs.",
        [],
    ),
    Case(
        "one-ceremony-day-dates-the-other-prizes",
        "Ana Ruiz, chief executive of Orbis Freight, was named Haulier of the Year at the Leeds Transport "
        "Awards on Thursday night.\n\nThe lifetime achievement award went to Tom Becker, who founded "
        "Castlemere Tankers in 1984.",
        [
            {**_award("Ana Ruiz", "Orbis Freight", "Haulier of the Year"), "date": "2025-03-13"},
            {**_award("Tom Becker", "Castlemere Tankers"), "date": "2025-03-13"},
        ],
        exact=False,  # the founding is told too
    ),
    Case(
        "edition-year-gives-way-to-the-announcement-day",
        "The Orbis Foundation said on Wednesday that this year's Orbis Prize for Chemistry will be shared "
        "by two people.\n\nThe 2025 prize goes to Ana Ruiz of the University of Halden and Tom Becker of the "
        "Norden Institute.",
        [
            {**_award("Ana Ruiz", "University of Halden"), "date": "2025-03-12"},
            {**_award("Tom Becker", "Norden Institute"), "date": "2025-03-12"},
        ],
    ),
    Case(
        "named-person-as-the-winner-of",
        "The academy also named Ana Ruiz, a 29-year-old chemist at Orbis Labs, as the winner of its Young "
        "Chemist Award.",
        [_award("Ana Ruiz", "Orbis Labs", "Young Chemist Award")],
    ),
    Case(
        "no-event-named-chief-executive-still-an-appointment",
        "Orbis Labs named Ana Ruiz as its chief executive on Monday.",
        [{"type": "appointment", "person": "Ana Ruiz", "organization": "Orbis Labs"}],
    ),
    Case(
        "lower-case-prize-went-to",
        "Ana Ruiz was named Banker of the Year at the Leeds Finance Awards. The lifetime achievement award "
        "went to Tom Becker.",
        [
            _award("Ana Ruiz", None, "Banker of the Year"),
            _award("Tom Becker", None, "lifetime achievement award"),
        ],
    ),
    Case(
        "generic-top-prize-went-to-keeps-the-named-prize",
        "The Orbis Prize for Chemistry was first given in 1990. The top prize went to Tom Becker.",
        [_award("Tom Becker", None, "Orbis Prize for Chemistry")],
    ),
    Case(
        "no-event-prize-money",
        "Jane Doe said the Acme prize money would go to charity.",
        [],
    ),
]


@pytest.mark.parametrize("case", params(PRESENTED_AND_DATED))
def test_presented_and_dated(case: Case) -> None:
    run_case(case)


CAPTIONS = [
    Case(
        "caption-lines-one-award-each",
        "Winners on the night, from left:\n"
        "Rising Star – Ana Ruiz, Orbis Freight\n"
        "Driver of the Year – Tom Becker, Castlemere Tankers\n"
        "Depot Manager of the Year – Lena Fischer, Eastvale Ports\n",
        [
            _award("Ana Ruiz", "Orbis Freight", "Rising Star"),
            _award("Tom Becker", "Castlemere Tankers", "Driver of the Year"),
            _award("Lena Fischer", "Eastvale Ports", "Depot Manager of the Year"),
        ],
    ),
    Case(
        "caption-line-formerly-company",
        "Outstanding Contribution Award – Omar Haddad, formerly Tidewell Haulage",
        [_award("Omar Haddad", "Tidewell Haulage", "Outstanding Contribution Award")],
    ),
    Case(
        "no-event-staff-list-lines",
        "Contacts for the project:\nProject Lead – Ana Ruiz, Orbis Freight\nFinance Director – Tom Becker, Orbis Freight\n",
        [],
    ),
    Case(
        "no-event-finalists-block",
        "The finalists are:\nDriver of the Year – Tom Becker, Castlemere Tankers\nRising Star – Ana Ruiz, Orbis Freight\n",
        [],
    ),
    Case(
        "no-event-shortlisted-head",
        "Shortlisted for Driver of the Year – Tom Becker, Castlemere Tankers",
        [],
    ),
]


@pytest.mark.parametrize("case", params(CAPTIONS))
def test_caption_lines(case: Case) -> None:
    run_case(case)
