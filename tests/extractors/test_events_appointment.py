"""Appointments: hires, promotions, elections, interim roles, board seats, successions."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

CASES = [
    Case(
        "appointment-named-role-after-person",
        "Orvane Therapeutics named Clara Whitfield chief executive on Monday.",
        [
            {
                "type": "appointment",
                "person": "Clara Whitfield",
                "organization": "Orvane Therapeutics",
                "role": "chief executive",
                "date": "2025-03-10",
                "date_precision": "day",
            }
        ],
    ),
    Case(
        "appointment-passive-was-named-with-month",
        "Samuel Ortega was named president of Halcyon Freight in March 2021.",
        [
            {
                "type": "appointment",
                "person": "Samuel Ortega",
                "organization": "Halcyon Freight",
                "role": "president",
                "date": "2021-03",
                "date_precision": "month",
            }
        ],
    ),
    Case(
        "appointment-hired-to-head-unit",
        "Garrow has hired Elena Petrova, a former banker, to run its payments division, the company said "
        "on Wednesday.",
        [
            {
                "type": "appointment",
                "person": "Elena Petrova",
                "organization": "Garrow",
                "date": "2025-03-12",
                "date_precision": "day",
            }
        ],
    ),
    Case(
        "appointment-interim-serve-as",
        "Tidemark's chief financial officer Julia Brenner will serve as interim CEO.",
        [
            {
                "type": "appointment",
                "person": "Julia Brenner",
                "organization": "Tidemark",
                "role": "interim CEO",
            }
        ],
    ),
    Case(
        "appointment-join-board",
        "Pine Hollow Capital's Martin Roe will join Kestrel's board, people briefed on the deal said.",
        [{"type": "appointment", "person": "Martin Roe", "organization": "Kestrel", "role": "board member"}],
    ),
    Case(
        "appointment-joined-as-role-effective-date",
        "Amelia Grant joined Corvid Health as chief medical officer, effective Jan. 6.",
        [
            {
                "type": "appointment",
                "person": "Amelia Grant",
                "organization": "Corvid Health",
                "role": "chief medical officer",
                "date": "2025-01-06",
                "date_precision": "day",
            }
        ],
    ),
    Case(
        "appointment-elected-board-chair",
        "Shareholders of Lindqvist Bank elected Henrik Dahl chairman at the annual meeting in 2023.",
        [
            {
                "type": "appointment",
                "person": "Henrik Dahl",
                "organization": "Lindqvist Bank",
                "role": "chairman",
                "date": "2023",
                "date_precision": "year",
            }
        ],
    ),
    Case(
        "appointment-promoted",
        "Nadia Kerr was promoted to chief operating officer of Brightline Foods last month.",
        [
            {
                "type": "appointment",
                "person": "Nadia Kerr",
                "organization": "Brightline Foods",
                "role": "chief operating officer",
                "date": "2025-02",
                "date_precision": "month",
            }
        ],
    ),
    Case(
        "appointment-become-role",
        "Ahmed Saleh, a longtime Marlow executive, will become the company's chief technologist.",
        [
            {
                "type": "appointment",
                "person": "Ahmed Saleh",
                "organization": "Marlow",
                "role": "chief technologist",
            }
        ],
    ),
    Case(
        "appointment-first-key-hire-of-new-lab",
        "In 2016, when Ravel Robotics opened Ravel Research (RR), Tomas Lindgren was the first key hire.",
        [
            {
                "type": "appointment",
                "person": "Tomas Lindgren",
                "organization": "Ravel Research",
                "date": "2016",
                "date_precision": "year",
            }
        ],
        exact=False,
    ),
    Case(
        "succession-will-replace-gives-two-events",
        "Irene Castillo will replace Howard Fenn, who is stepping down as CEO of Dunmore Books, the "
        "publisher said on Thursday.",
        [
            {
                "type": "appointment",
                "person": "Irene Castillo",
                "organization": "Dunmore Books",
                "details": {"predecessor": "Howard Fenn"},
                "date": "2025-03-13",
            },
            {
                "type": "departure",
                "person": "Howard Fenn",
                "organization": "Dunmore Books",
                "details": {"successor": "Irene Castillo", "status": "announced"},
                "date": "2025-03-13",
            },
        ],
    ),
    Case(
        "succession-succeeds",
        "At Norrland Steel, Maria Ek succeeds Lars Holm as chief executive.",
        [
            {
                "type": "appointment",
                "person": "Maria Ek",
                "organization": "Norrland Steel",
                "details": {"predecessor": "Lars Holm"},
            },
            {
                "type": "departure",
                "person": "Lars Holm",
                "organization": "Norrland Steel",
                "details": {"successor": "Maria Ek"},
            },
        ],
    ),
    Case(
        "appointment-two-roles-are-two-events",
        "Pellworth named Dana Ruiz chief executive. Ruiz will also serve as chair of Pellworth's board.",
        [
            {
                "type": "appointment",
                "person": "Dana Ruiz",
                "organization": "Pellworth",
                "role": "chief executive",
            },
            {"type": "appointment", "person": "Dana Ruiz", "organization": "Pellworth", "role": "chair"},
        ],
    ),
    Case(
        "appointment-hire-described-not-new-role",
        "Vantor has hired the co-founder of Bellring, Omar Farouk, to lead its new AI group.",
        [{"type": "appointment", "person": "Omar Farouk", "organization": "Vantor", "role": None}],
    ),
    Case(
        "take-on-the-job-of",
        "Ruth Kell, who runs sales at Tolland Mills, will take on the job of chief commercial officer.",
        [
            {
                "type": "appointment",
                "person": "Ruth Kell",
                "organization": "Tolland Mills",
                "role": "chief commercial officer",
            }
        ],
    ),
    Case(
        "took-her-first-job-as",
        "Greta Marsh took her first job as a trainee actuary at Brask Insurance in 1998.",
        [{"type": "appointment", "person": "Greta Marsh", "organization": "Brask Insurance", "date": "1998"}],
    ),
    Case(
        "brought-in-someone-from-a-rival",
        "Harlow Brewing Ltd brought in Omar Reyes from a rival dairy to run its finances.",
        [{"type": "appointment", "person": "Omar Reyes", "organization": "Harlow Brewing Ltd"}],
    ),
    Case(
        "is-acting-finance-director",
        "Omar Reyes, the group treasurer, is acting chief financial officer at Harlow Brewing Ltd.",
        [
            {
                "type": "appointment",
                "person": "Omar Reyes",
                "organization": "Harlow Brewing Ltd",
                "role": "chief financial officer",
            }
        ],
    ),
    Case(
        "will-take-over-from-a-date",
        "Tom Ashby, president of the Orland Trust, plans to retire. Its deputy, Jane Wu, will take over from April 1.",
        [
            {"type": "departure", "person": "Tom Ashby", "organization": "Orland Trust"},
            {
                "type": "appointment",
                "person": "Jane Wu",
                "organization": "Orland Trust",
                "date": "2025-04-01",
            },
        ],
    ),
    Case(
        "would-join-the-board",
        "Tessly said investor Ian Marsh would join its board.",
        [{"type": "appointment", "person": "Ian Marsh", "organization": "Tessly", "role": "board member"}],
    ),
    Case(
        "take-a-seat-on-the-board",
        "Bay Capital partner Ian Marsh will take a seat on Tessly's board.",
        [{"type": "appointment", "person": "Ian Marsh", "organization": "Tessly", "role": "board member"}],
    ),
    Case(
        "is-promoting-someone",
        "Quarry Bank is promoting Ann Lee, who runs its bond desk, to head of markets.",
        [
            {
                "type": "appointment",
                "person": "Ann Lee",
                "organization": "Quarry Bank",
                "role": "head of markets",
            }
        ],
    ),
    Case(
        "started-at-as",
        "Anna Berg started at Velto as head of design on Tuesday.",
        [{"type": "appointment", "person": "Anna Berg", "organization": "Velto", "date": "2025-03-11"}],
    ),
    Case(
        "announced-the-appointment-of",
        "Velto has announced the appointment of Anna Berg as general counsel.",
        [{"type": "appointment", "person": "Anna Berg", "organization": "Velto", "role": "general counsel"}],
    ),
    Case(
        "brought-in-two-hires-with-asides",
        "Velto Systems has brought in a new treasurer, Hugo Fenn, and a head of data, Lina Okafor.",
        [
            {"type": "appointment", "person": "Hugo Fenn", "organization": "Velto Systems"},
            {"type": "appointment", "person": "Lina Okafor", "organization": "Velto Systems"},
        ],
    ),
    Case(
        "given-the-top-job",
        "Nadia Holm was given the top job at Halvern Paper Ltd in March.",
        [{"type": "appointment", "person": "Nadia Holm", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "steps-up-to",
        "Nadia Holm steps up to chief executive at Halvern Paper Ltd.",
        [
            {
                "type": "appointment",
                "person": "Nadia Holm",
                "organization": "Halvern Paper Ltd",
                "role": "chief executive",
            }
        ],
    ),
    Case(
        "assumed-the-role-of",
        "Nadia Holm assumed the role of chief executive at Halvern Paper Ltd in 2021.",
        [
            {
                "type": "appointment",
                "person": "Nadia Holm",
                "organization": "Halvern Paper Ltd",
                "role": "chief executive",
            }
        ],
    ),
    Case(
        "confirmed-as",
        "Nadia Holm was confirmed as chief executive of Halvern Paper Ltd on Monday.",
        [
            {
                "type": "appointment",
                "person": "Nadia Holm",
                "organization": "Halvern Paper Ltd",
                "role": "chief executive",
            }
        ],
    ),
    Case(
        "move-into-the-role",
        "Nadia Holm will move into the chief executive role at Halvern Paper Ltd in July.",
        [{"type": "appointment", "person": "Nadia Holm", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "is-taking-the-helm",
        "Nadia Holm is taking the helm at Halvern Paper Ltd.",
        [{"type": "appointment", "person": "Nadia Holm", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "accepted-the-post-of",
        "Nadia Holm has accepted the post of finance chief at Halvern Paper Ltd.",
        [{"type": "appointment", "person": "Nadia Holm", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "brought-on-as",
        "Peter Voss was brought on as chief financial officer of Halvern Paper Ltd.",
        [
            {
                "type": "appointment",
                "person": "Peter Voss",
                "organization": "Halvern Paper Ltd",
                "role": "chief financial officer",
            }
        ],
    ),
    Case(
        "lured-away-from",
        "Halvern Paper Ltd has lured Peter Voss away from Brask Insurance.",
        [{"type": "appointment", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "added-to-its-board",
        "Halvern Paper Ltd has added Peter Voss to its board.",
        [{"type": "appointment", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "elevated-to",
        "Peter Voss has been elevated to chief executive of Halvern Paper Ltd.",
        [
            {
                "type": "appointment",
                "person": "Peter Voss",
                "organization": "Halvern Paper Ltd",
                "role": "chief executive",
            }
        ],
    ),
    Case(
        "handed-the-role",
        "Peter Voss was handed the chief executive role at Halvern Paper Ltd.",
        [{"type": "appointment", "person": "Peter Voss", "organization": "Halvern Paper Ltd"}],
    ),
    Case(
        "hired-from-a-rival-leaves-the-rival",
        "Kestrel Foods has hired Anna Berg, head of logistics at rival Brask Stores, as its new supply director.",
        [
            {"type": "appointment", "person": "Anna Berg", "organization": "Kestrel Foods"},
            {
                "type": "departure",
                "person": "Anna Berg",
                "organization": "Brask Stores",
                "details": {"destination": "Kestrel Foods"},
            },
        ],
    ),
    Case(
        "hired-a-former-partner-is-no-new-departure",
        "Kestrel Foods has hired Anna Berg, a former partner at Brask Stores, as finance chief.",
        [{"type": "appointment", "person": "Anna Berg", "organization": "Kestrel Foods"}],
    ),
    Case(
        "rehired-its-founder",
        "Halvern Paper Ltd rehired its founder, Nadia Holm, as chief executive in 2014.",
        [
            {
                "type": "appointment",
                "person": "Nadia Holm",
                "organization": "Halvern Paper Ltd",
                "date": "2014",
            }
        ],
    ),
]

BUGS_CAUGHT = [
    Case(
        "joined-from-a-previous-employer-then-promoted",
        "Harbourview Bancorp named Sofia Kallas chief executive. Kallas, 49, joined Harbourview from "
        "Meridian Trust in 2021 and was made president last year.",
        [
            {
                "type": "appointment",
                "person": "Sofia Kallas",
                "organization": "Harbourview Bancorp",
                "role": "chief executive",
            },
            {
                "type": "departure",
                "person": "Sofia Kallas",
                "organization": "Meridian Trust",
                "date": "2021",
                "details": {"destination": "Harbourview"},
            },
            {
                "type": "appointment",
                "person": "Sofia Kallas",
                "organization": "Harbourview Bancorp",
                "date": "2021",
            },
            {
                "type": "appointment",
                "person": "Sofia Kallas",
                "organization": "Harbourview Bancorp",
                "role": "president",
                "date": "2025",
            },
        ],
        published_at="2026-01-27",
        group="bugs_caught",
    ),
    Case(
        "company-named-is-not-an-appointment",
        "Jorge Alves founded a startup named Quarry in Lisbon.",
        [{"type": "founding", "person": "Jorge Alves", "organization": "Quarry"}],
        exact=False,
        group="bugs_caught",
    ),
    Case(
        "role-less-mention-does-not-bridge-two-roles",
        "Kordia elected Ruth Amsel president in 2019. Amsel was hired by Kordia in 2010. Amsel was named "
        "chief executive of Kordia in 2024.",
        [
            {"type": "appointment", "person": "Ruth Amsel", "role": "president", "date": "2019"},
            {"type": "appointment", "person": "Ruth Amsel", "role": "chief executive", "date": "2024"},
        ],
        exact=False,
        group="bugs_caught",
    ),
]


@pytest.mark.parametrize("case", params(CASES + BUGS_CAUGHT))
def test_appointments(case: Case) -> None:
    run_case(case)


# Organization resolution: press-release leads, tickers and degrees are not the hiring company.
ORGANIZATIONS = [
    Case(
        "press-release-lead-names-the-company-not-the-wire-or-ticker",
        "HALIFAX, N.S., March 12, 2025 /Bizwire/ — Vesko Diagnostics, Inc. (Nasdaq: VSKO), a developer "
        "of blood tests, today announced that Mark Pilvet has been appointed chief operating officer.",
        [
            {
                "type": "appointment",
                "person": "Mark Pilvet",
                "organization": "Vesko Diagnostics",
                "role": "chief operating officer",
            }
        ],
        group="organizations",
    ),
    Case(
        "degree-letters-are-not-a-company",
        "Omar Haddad, Ph.D., has been promoted to senior vice president. Quintrel Bio made the "
        "announcement on Friday.",
        [{"type": "appointment", "person": "Omar Haddad", "organization": "Quintrel Bio"}],
        group="organizations",
    ),
    Case(
        "surname-shaped-company-that-promotes-is-not-a-person",
        "Perth payroll software company Garrick Hale has promoted Ana Reyes to chief executive.",
        [{"type": "appointment", "person": "Ana Reyes", "organization": "Garrick Hale"}],
        group="organizations",
    ),
    Case(
        "a-field-of-a-profile-line-is-not-a-company",
        "Rosa Quint\nClaims lead | Marine cargo | Speaker\n\nSome personal news. Tom Brady, who has run our "
        "claims team, will take over the marine desk this week. He joined the team in 2019.",
        [],
        group="organizations",
    ),
    Case(
        "a-headline-word-is-not-a-company",
        "Quarterly Mandates Slip As Brokers Wait\n\nRosa Quint has resigned as chief executive of "
        "Harbourline Insurance, the company said on Monday.",
        [{"type": "departure", "person": "Rosa Quint", "organization": "Harbourline Insurance"}],
        group="organizations",
    ),
    Case(
        "a-three-word-name-keeps-its-second-family-name",
        "The board elected Marta Sá Correia chair on Tuesday at Brenlow Mills.",
        [
            {
                "type": "appointment",
                "person": "Marta Sá Correia",
                "organization": "Brenlow Mills",
                "role": "chair",
            }
        ],
        group="names",
    ),
    Case(
        "a-titled-three-word-name-with-two-given-names",
        "The board named Dr. Wei Ling Tan chief medical officer of Kestrelvue on Tuesday.",
        [{"type": "appointment", "person": "Wei Ling Tan", "organization": "Kestrelvue"}],
        group="names",
    ),
    Case(
        "took-over-as-makes-an-unknown-name-a-person",
        "Ysolde Brannagh took over as chief executive of Rook Hall Stores in 2023. Brannagh later hired "
        "Tom Oduya as finance director.",
        [
            {"type": "appointment", "person": "Ysolde Brannagh", "organization": "Rook Hall Stores"},
            {"type": "appointment", "person": "Tom Oduya", "organization": "Rook Hall Stores"},
        ],
        group="names",
    ),
]


@pytest.mark.parametrize("case", params(ORGANIZATIONS))
def test_appointment_organizations(case: Case) -> None:
    run_case(case)
