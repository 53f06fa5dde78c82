"""Departures: resignations, firings, planned exits, statuses, successors and destinations."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

CASES = [
    Case(
        "departure-planned-possessive-title",
        "Lumora's chief scientist and robotics pioneer Daniel Okafor is planning to leave the startup "
        "to build his own lab.",
        [
            {
                "type": "departure",
                "person": "Daniel Okafor",
                "organization": "Lumora",
                "role": "chief scientist",
                "details": {"status": "planned"},
            },
            {"type": "founding", "person": "Daniel Okafor", "organization": None},
        ],
    ),
    Case(
        # A departure still ahead is planned; dev-real annotates "will step down" so.
        "departure-planned-will-step-down-effective",
        "Harriet Vance will step down as chief executive of Brindle Foods, effective April 1, the company "
        "said on Tuesday.",
        [
            {
                "type": "departure",
                "person": "Harriet Vance",
                "organization": "Brindle Foods",
                "date": "2025-04-01",
                "date_precision": "day",
                "details": {"status": "planned"},
            },
        ],
    ),
    Case(
        "departure-completed-resigned-last-week",
        "Corvex Systems said its finance chief, Paul Merrick, resigned last week.",
        [
            {
                "type": "departure",
                "person": "Paul Merrick",
                "organization": "Corvex Systems",
                "date": "2025-03-03",
                "date_precision": "week",
                "details": {"status": "completed"},
            },
        ],
    ),
    Case(
        "departure-fired-by-board",
        "The board of Quillon Labs has fired CEO Marcus Delane, citing a loss of confidence.",
        [
            {
                "type": "departure",
                "person": "Marcus Delane",
                "organization": "Quillon Labs",
                "role": "CEO",
                "details": {"status": "completed"},
            }
        ],
    ),
    Case(
        "departure-passive-ousted",
        "Teodora Blanc was ousted as president of Verrill Motors on Monday after a boardroom revolt.",
        [
            {
                "type": "departure",
                "person": "Teodora Blanc",
                "organization": "Verrill Motors",
                "date": "2025-03-10",
                "date_precision": "day",
                "details": {"status": "completed"},
            }
        ],
    ),
    Case(
        "departure-left-for-rival-destination",
        "Co-founder Felix Arden left Pexa in January for rival Norvane.",
        [
            {
                "type": "departure",
                "person": "Felix Arden",
                "organization": "Pexa",
                "date": "2025-01",
                "date_precision": "month",
                "details": {"destination": "Norvane"},
            },
        ],
    ),
    Case(
        "departure-short-name-later-mention",
        "Anita Sorensen runs product at Halden Group. Sorensen is leaving the company at the end of the "
        "month, Halden said.",
        [
            {
                "type": "departure",
                "person": "Anita Sorensen",
                "organization": "Halden Group",
                "details": {"status": "announced"},
            }
        ],
    ),
    Case(
        "departure-pronoun-resolves-to-last-person",
        "Greta Lindqvist has led sales at Ombra Networks since 2019. On Wednesday she said she is "
        "stepping down.",
        [
            {
                "type": "departure",
                "person": "Greta Lindqvist",
                "organization": "Ombra Networks",
                "date": "2025-03-12",
                "date_precision": "day",
            }
        ],
    ),
    Case(
        "departure-appositive-role",
        "Ravi Menon, Tessaly's chief operating officer, resigned in February.",
        [
            {
                "type": "departure",
                "person": "Ravi Menon",
                "organization": "Tessaly",
                "role": "chief operating officer",
                "date": "2025-02",
                "date_precision": "month",
            }
        ],
    ),
    Case(
        "departure-historical-analogy-with-year",
        "Her exit recalls Walter Brisk's departure from Kandor Corp (1994), a turning point for the firm.",
        [
            {
                "type": "departure",
                "person": "Walter Brisk",
                "organization": "Kandor Corp",
                "date": "1994",
                "date_precision": "year",
                "details": {"status": "completed"},
            }
        ],
    ),
    Case(
        "departure-decision-to-leave-statement",
        "Noor Haddad, Ferrox's general counsel, said in a memo Thursday that she had made the decision to "
        "leave Ferrox.",
        [
            {
                "type": "departure",
                "person": "Noor Haddad",
                "organization": "Ferrox",
                "date": "2025-03-13",
                "date_precision": "day",
                "details": {"status": "announced"},
            }
        ],
    ),
    Case(
        "departure-one-fact-stated-twice-is-one-event",
        "Oskar Brandt is leaving Velora Bank. Brandt, who joined the lender in 2015, is leaving at the end "
        "of June, the bank said.",
        [{"type": "departure", "person": "Oskar Brandt", "organization": "Velora Bank"}],
        exact=False,
    ),
    Case(
        "departure-reported-status",
        "Ingrid Hale is reportedly stepping down as head of design at Ponto, according to people familiar "
        "with the matter.",
        [
            {
                "type": "departure",
                "person": "Ingrid Hale",
                "organization": "Ponto",
                "details": {"status": "reported"},
            }
        ],
    ),
    Case(
        "departure-quit-to-focus-not-destination",
        "CTO and cofounder Lena Marsh quit Brightwell in September to focus on her side project, Kettleweb.",
        [
            {
                "type": "departure",
                "person": "Lena Marsh",
                "organization": "Brightwell",
                "date": "2024-09",
                "date_precision": "month",
                "details": {"destination": None},
            }
        ],
    ),
]

MORE_PHRASINGS = [
    Case(
        "departure-unnamed-group-named-in-next-sentence",
        "Two other senior executives are also leaving Halden Group, the company said on Monday. The "
        "exits of chief financial officer Marta Ruiz and product chief Jonas Berg surprised investors.",
        [
            {
                "type": "departure",
                "person": "Marta Ruiz",
                "organization": "Halden Group",
                "role": "chief financial officer",
                "date": "2025-03-10",
            },
            {
                "type": "departure",
                "person": "Jonas Berg",
                "organization": "Halden Group",
                "date": "2025-03-10",
            },
        ],
    ),
    Case(
        "departure-announced-her-resignation",
        "Jane Roe announced her resignation on Friday, Corvo said.",
        [
            {
                "type": "departure",
                "person": "Jane Roe",
                "organization": "Corvo",
                "date": "2025-03-14",
                "details": {"status": "announced"},
            }
        ],
    ),
    Case(
        "departure-is-out-as",
        "Bo Chan is out as chief executive of Pellam.",
        [{"type": "departure", "person": "Bo Chan", "organization": "Pellam", "role": "chief executive"}],
    ),
    Case(
        "appointment-takes-over-as",
        "Ann Lee takes over as CEO of Marlo Foods on Monday.",
        [
            {
                "type": "appointment",
                "person": "Ann Lee",
                "organization": "Marlo Foods",
                "role": "CEO",
                "date": "2025-03-17",
            }
        ],
    ),
    Case(
        "appointment-returned-as",
        "Tom Fisk returned as chief executive of Orrin in January.",
        [
            {
                "type": "appointment",
                "person": "Tom Fisk",
                "organization": "Orrin",
                "role": "chief executive",
                "date": "2025-01",
            }
        ],
    ),
    Case(
        "will-not-seek-re-election-two-people",
        "Velto said directors Devi Saran and Ann Lee will not seek re-election next spring.",
        [
            {
                "type": "departure",
                "person": "Devi Saran",
                "organization": "Velto",
                "details": {"status": "planned"},
            },
            {
                "type": "departure",
                "person": "Ann Lee",
                "organization": "Velto",
                "details": {"status": "planned"},
            },
        ],
    ),
    Case(
        "removed-its-chief-executive",
        "Velto has removed its chief executive, Tom Ashby, after a review.",
        [{"type": "departure", "person": "Tom Ashby", "organization": "Velto", "role": "chief executive"}],
    ),
    Case(
        "stay-through-then-retire",
        "Tom Ashby will stay through June 30 and then retire, Velto said.",
        [
            {
                "type": "departure",
                "person": "Tom Ashby",
                "organization": "Velto",
                "details": {"status": "planned"},
            }
        ],
    ),
    Case(
        "her-last-day-at",
        "Anna Berg said her last day at Velto was March 7.",
        [{"type": "departure", "person": "Anna Berg", "organization": "Velto", "date": "2025-03-07"}],
    ),
    Case(
        "left-for-another-company",
        "Tom Ashby left Velto for Quarry Bank in February.",
        [
            {
                "type": "departure",
                "person": "Tom Ashby",
                "organization": "Velto",
                "details": {"destination": "Quarry Bank"},
            }
        ],
    ),
    Case(
        "succeeds-someone-who-is-retiring",
        "Tom Ashby succeeds Anna Berg, who is retiring, at Velto.",
        [
            {
                "type": "appointment",
                "person": "Tom Ashby",
                "organization": "Velto",
                "details": {"predecessor": "Anna Berg"},
            },
            {"type": "departure", "person": "Anna Berg", "organization": "Velto"},
        ],
    ),
    Case(
        "both-left-means-the-two-named-before",
        "Emberly Labs was set up by Anna Berg and Tom Ashby, two engineers from Pelican Data. Both left Pelican "
        "Data in February.",
        [
            {"type": "founding", "person": "Anna Berg", "organization": "Emberly Labs"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Emberly Labs"},
            {"type": "departure", "person": "Anna Berg", "organization": "Pelican Data", "date": "2025-02"},
            {"type": "departure", "person": "Tom Ashby", "organization": "Pelican Data", "date": "2025-02"},
        ],
    ),
    Case(
        "first-person-post-by-its-named-author",
        "Greta Marsh\nHead of Claims | Mentor\n\nSome news! After six years at Brask Insurance, I have decided "
        "to move on. Yesterday was my last day in the office, and next month I will be starting as Head of "
        "Claims at Kestrel Mutual.",
        [
            {"type": "departure", "person": "Greta Marsh", "date": "2025-03-13"},
            {
                "type": "appointment",
                "person": "Greta Marsh",
                "organization": "Kestrel Mutual",
                "date": "2025-04",
            },
        ],
    ),
    Case(
        "first-person-quote-without-an-author-line-gives-nothing-new",
        'Tom Ashby runs Velto. "I will not leave while the work is unfinished," he told staff.',
        [],
    ),
    Case(
        "is-out-at-a-company",
        "Peter Voss is out at Halvern Paper Ltd after six years.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "handed-in-his-notice",
        "Peter Voss has handed in his notice at Halvern Paper Ltd.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "stepping-back-from-his-role",
        "Peter Voss is stepping back from his role at Halvern Paper Ltd.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "relinquish-the-role",
        "Peter Voss will relinquish the role of chairman at Halvern Paper Ltd.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "bowed-out-of",
        "Peter Voss bowed out of Halvern Paper Ltd in May.",
        [
            {
                "type": "departure",
                "person": "Peter Voss",
                "organization": "Halvern Paper Ltd",
                "details": {"status": "completed"},
            }
        ],
    ),
    Case(
        "company-parted-ways-with-person",
        "Halvern Paper Ltd has parted ways with Peter Voss.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "person-parted-ways-with-company",
        "Peter Voss parted ways with Halvern Paper Ltd in May.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "will-be-leaving",
        "Peter Voss will be leaving Halvern Paper Ltd at the end of the year.",
        [{"type": "departure", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "was-succeeded-in-a-year-by",
        "Nadia Holm ran Halvern Paper Ltd for years. She was succeeded in 2015 by Peter Voss.",
        [
            {
                "type": "departure",
                "person": "Nadia Holm",
                "organization": "Halvern Paper Ltd",
                "date": "2015",
            },
            {
                "type": "appointment",
                "person": "Peter Voss",
                "organization": "Halvern Paper Ltd",
                "date": "2015",
            },
        ],
    ),
    Case(
        "handed-the-role-to",
        "In 1991 Tom Ashby handed the chief executive role to his daughter, Anna Ashby, at Halvern Paper Ltd.",
        [
            {"type": "departure", "person": "Tom Ashby", "organization": "Halvern Paper Ltd", "date": "1991"},
            {
                "type": "appointment",
                "person": "Anna Ashby",
                "organization": "Halvern Paper Ltd",
                "date": "1991",
            },
        ],
    ),
]

BUGS_CAUGHT = [
    Case(
        "photo-credit-is-not-an-antecedent",
        "(Photo: Carla Benning/Wire)\nA senior engineer at Oxley who led the chip team said he is leaving "
        "the company. Victor Hale, Oxley's chip lead, confirmed on Monday that he will leave Oxley.",
        [{"type": "departure", "person": "Victor Hale", "organization": "Oxley"}],
        exact=False,
        group="bugs_caught",
    ),
    Case(
        "product-in-description-is-not-the-company",
        "Jonas Pell, the chief architect of Zentrix, is leaving the StreamBox maker.",
        [{"type": "departure", "person": "Jonas Pell", "organization": "Zentrix"}],
        group="bugs_caught",
    ),
]


@pytest.mark.parametrize("case", params(CASES + MORE_PHRASINGS + BUGS_CAUGHT))
def test_departures(case: Case) -> None:
    run_case(case)


# Organization resolution: datelines, places and name-shaped companies are not the company left.
ORGANIZATIONS = [
    Case(
        "dateline-city-and-state-are-not-the-company",
        "GREELEY, Colo. — Tavish Quarry Works is reshaping its leadership. Ruth Okafor, the chief "
        "financial officer, will retire in June.",
        [{"type": "departure", "person": "Ruth Okafor", "organization": "Tavish Quarry Works"}],
        group="organizations",
    ),
    Case(
        "agency-tag-is-not-the-company-the-subject-of-said-is",
        "LISBON, March 13 (Newsline) - Tessaly Valve said on Thursday that Ingrid Solheim, its chief "
        "executive, will retire in June.",
        [
            {
                "type": "departure",
                "person": "Ingrid Solheim",
                "organization": "Tessaly Valve",
                "role": "chief executive",
                "date": "2025-06",
            }
        ],
        group="organizations",
    ),
    Case(
        "city-as-adjective-before-a-surname-shaped-company",
        "Perth payroll software company Garrick Hale said on Tuesday that Tom Brody will step down as "
        "chief executive in June.",
        [{"type": "departure", "person": "Tom Brody", "organization": "Garrick Hale", "date": "2025-06"}],
        group="organizations",
    ),
    Case(
        "company-after-title-of-is-not-a-person",
        "Nadia Fenn, chief financial officer of Lindley Marsh, will retire in June.",
        [{"type": "departure", "person": "Nadia Fenn", "organization": "Lindley Marsh"}],
        group="organizations",
    ),
    Case(
        "a-nationality-is-not-an-organization",
        "The board met on Monday. Harlan Moody, a Swede, will retire in June.",
        [{"type": "departure", "person": "Harlan Moody", "organization": None}],
        group="organizations",
    ),
    Case(
        "a-nationality-aside-makes-an-unknown-name-a-person",
        "BOISE, Ida. — Tamsett Lane, a Swede, will retire as chair of Orvell Freight in June.",
        [{"type": "departure", "person": "Tamsett Lane", "organization": "Orvell Freight", "role": "chair"}],
        group="organizations",
    ),
    Case(
        "brand-inside-the-companys-aside-is-not-the-company",
        "OSLO, May 2 (Newsline) - Brantley Snacks Inc, the owner of the Hearthloaf and Tiny Tart labels, "
        "said on Friday that its chief executive Piotr Halas is leaving on May 30 and that Nora Pike will "
        "succeed him.",
        [
            {"type": "departure", "person": "Piotr Halas", "organization": "Brantley Snacks Inc"},
            {"type": "appointment", "person": "Nora Pike", "organization": "Brantley Snacks Inc"},
        ],
        group="organizations",
    ),
    Case(
        "the-subject-of-the-lead-outweighs-a-headline-mention",
        "Ostrava clinic network picks Pellham surgeon to run it\n\n"
        "Tarrow Valley Health Trust has chosen Nia Obi, a surgeon at Pellham, as its new chief "
        "executive.\n\nObi will start in January. Dr Sam Reyes, the medical director, left on Oct. 3.",
        [
            {"type": "appointment", "person": "Nia Obi", "organization": "Tarrow Valley Health Trust"},
            {"type": "departure", "person": "Sam Reyes", "organization": "Tarrow Valley Health Trust"},
        ],
        group="organizations",
    ),
    Case(
        "a-paragraph-names-its-company-once-for-all-its-sentences",
        "Pellmore Energy CFO Anna Voss resigned on Tuesday. Her deputy, Ben Tull, has been named interim CFO.\n"
        "Quarrow Data said it would cut 40 jobs.",
        [
            {"type": "departure", "person": "Anna Voss", "organization": "Pellmore Energy"},
            {"type": "appointment", "person": "Ben Tull", "organization": "Pellmore Energy"},
        ],
        group="organizations",
    ),
    Case(
        "a-person-described-by-the-companys-title-is-not-a-company",
        "Jana Novak, the company's finance chief, will retire in June. Orlik Energie named her successor "
        "on Monday.",
        [{"type": "departure", "person": "Jana Novak"}],
        group="organizations",
    ),
]


@pytest.mark.parametrize("case", params(ORGANIZATIONS))
def test_departure_organizations(case: Case) -> None:
    run_case(case)
