"""Which organization a move belongs to when the text names parts of companies and labels: a
department or business line inside a title ("Vice President of Research"), a unit someone will
lead, a sector label opening a round-up item ("Fintech: ..."), a filing's "the Company" and a
press release's "its". All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

UNITS_IN_TITLES = [
    Case(
        "department-after-title-is-part-of-the-title",
        "Pellmont Therapeutics said Ilse Varga has been promoted to the newly created role of "
        "Executive Vice President of Clinical Development.",
        [
            {
                "type": "appointment",
                "person": "Ilse Varga",
                "organization": "Pellmont Therapeutics",
                "role": "Executive Vice President of Clinical Development",
            }
        ],
    ),
    Case(
        "career-steps-with-departments-stay-at-the-company",
        "Tarvo Systems said Bo Lindqvist, who joined the company in 2011 as an engineer, was named "
        "Vice President of Engineering in 2017.",
        [
            {
                "type": "appointment",
                "person": "Bo Lindqvist",
                "organization": "Tarvo Systems",
                "date": "2011",
            },
            {
                "type": "appointment",
                "person": "Bo Lindqvist",
                "organization": "Tarvo Systems",
                "role": "Vice President of Engineering",
                "date": "2017",
            },
        ],
    ),
    Case(
        "two-word-function-after-director",
        "Ruth Okafor joined Marlow Grain in 2014 as Director of Investor Relations.",
        [
            {
                "type": "appointment",
                "person": "Ruth Okafor",
                "organization": "Marlow Grain",
                "role": "Director of Investor Relations",
            }
        ],
    ),
    Case(
        "company-after-title-of-is-still-the-employer",
        "Ruth Okafor was named chief executive of Digital Harbour Group in May.",
        [{"type": "appointment", "person": "Ruth Okafor", "organization": "Digital Harbour Group"}],
        exact=False,
    ),
    Case(
        "non-executive-is-part-of-the-title-in-a-headline",
        "Kelby Freight Names New Chief Executive; Owen Pratley to Become Non-Executive Chairman",
        [
            {
                "type": "appointment",
                "person": "Owen Pratley",
                "organization": "Kelby Freight",
                "role": "Non-Executive Chairman",
            }
        ],
    ),
    Case(
        "head-of-a-lower-case-unit-is-a-title",
        "Rahul Menon, head of the data analytics unit, will leave Halvor Systems at the end of June.",
        [
            {
                "type": "departure",
                "person": "Rahul Menon",
                "organization": "Halvor Systems",
                "role": "head of the data analytics unit",
            }
        ],
    ),
    Case(
        "head-of-a-named-division-keeps-the-name-an-organization",
        "Jane Doe, head of the Velmora division, will leave Tarvo Group in June.",
        [{"type": "departure", "person": "Jane Doe", "organization": "Tarvo Group"}],
        exact=False,
    ),
    Case(
        "unit-to-lead-is-not-the-employer",
        "Kelby Freight said Owen Pratley will lead the new Devices & Services division from July 1.",
        [
            {
                "type": "appointment",
                "person": "Owen Pratley",
                "organization": "Kelby Freight",
                "role": "head of the Devices & Services division",
            }
        ],
    ),
]


@pytest.mark.parametrize("case", params(UNITS_IN_TITLES))
def test_units_in_titles(case: Case) -> None:
    run_case(case)


SECTOR_LABELS = [
    Case(
        "sector-label-is-not-the-company",
        "Here are some of the deals of the week.\n\n"
        "Fintech: Pune-based Loanly, which lends to shopkeepers, has raised $5 million in a Series A "
        "round led by Oak Ventures.\n\n"
        "SaaS: Tallyworks raised $12 million in a Series B round led by Birch Capital.",
        [
            {"type": "funding_round", "organization": "Loanly", "details": {"amount": 5000000}},
            {"type": "funding_round", "organization": "Tallyworks", "details": {"amount": 12000000}},
        ],
    ),
    Case(
        "the-startup-after-a-sector-label-is-the-item-company",
        "Funding digest\n\n"
        "Agritech: Nashik-based Krishiva has raised $4 million in a Series A round led by Oak Ventures. "
        "Existing investors Birch Capital also took part. Founded in 2019 by Arvind Menon and Pooja "
        "Rao, the startup sells seeds online.\n\n"
        "Edtech: Padhloo raised $2 million from angel investors.",
        [
            {"type": "funding_round", "organization": "Krishiva"},
            {"type": "founding", "person": "Arvind Menon", "organization": "Krishiva", "date": "2019"},
            {"type": "founding", "person": "Pooja Rao", "organization": "Krishiva", "date": "2019"},
            {"type": "funding_round", "organization": "Padhloo"},
        ],
    ),
    Case(
        "second-founder-before-the-startup-is-a-person",
        "Loanly has raised $5 million. Founded in 2019 by Ravi Menon and Asha Pillai, the startup "
        "makes lending apps.",
        [
            {"type": "funding_round", "organization": "Loanly"},
            {"type": "founding", "person": "Ravi Menon", "organization": "Loanly"},
            {"type": "founding", "person": "Asha Pillai", "organization": "Loanly"},
        ],
    ),
    Case(
        "company-label-still-names-the-company",
        "Acme Pay: The payments startup has raised $3 million in seed funding.",
        [{"type": "funding_round", "organization": "Acme Pay"}],
    ),
    Case(
        "place-based-adjective-is-not-part-of-the-name",
        "Jane Doe, chief executive of Lisbon-based Vantorra Robotics, will step down in June.",
        [{"type": "departure", "person": "Jane Doe", "organization": "Vantorra Robotics"}],
    ),
]


@pytest.mark.parametrize("case", params(SECTOR_LABELS))
def test_sector_labels(case: Case) -> None:
    run_case(case)


FILINGS = [
    Case(
        "filing-company-is-the-registrant",
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\nFORM 8-K\n\n"
        "CURRENT REPORT\nPursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934\n\n"
        "Date of Report (Date of earliest event reported): May 3, 2024\n\n"
        "KESTREL MILLING CORPORATION\n(Exact name of registrant as specified in its charter)\n\n"
        "Item 5.02 Departure of Directors or Certain Officers; Appointment of Certain Officers.\n\n"
        'On May 6, 2024, the Board of Directors of the Company (the "Board") appointed Hana Mori, '
        "the Company's Vice President and Corporate Controller, to serve as interim Chief "
        "Financial Officer, effective June 1, 2024.\n\n"
        "Ms. Mori, 47, joined the Company in 2011 as Director of Internal Audit. Before joining "
        "the Company, she held accounting positions at Pell & Marsh LLP from 2001 to 2011.\n\n"
        "There are no arrangements or understandings between Ms. Mori and any other person "
        "pursuant to which she was selected as an officer.",
        [
            {
                "type": "appointment",
                "person": "Hana Mori",
                "organization": "Kestrel Milling Corporation",
                "role": "interim Chief Financial Officer",
                "date": "2024-06-01",
            },
            {
                "type": "appointment",
                "person": "Hana Mori",
                "organization": "Kestrel Milling Corporation",
                "role": "Director of Internal Audit",
                "date": "2011",
            },
        ],
        published_at="2024-05-08T16:00:00-04:00",
    ),
    Case(
        "defined-company-term-names-the-company",
        'On March 3, 2025, Jon Vale informed Orrin Textiles, Inc. (the "Company") of his decision to '
        "resign as Chief Operating Officer of the Company, effective March 31, 2025. The Board of "
        "the Company appointed Mia Lund as Chief Operating Officer.",
        [
            {"type": "departure", "person": "Jon Vale", "organization": "Orrin Textiles"},
            {"type": "appointment", "person": "Mia Lund", "organization": "Orrin Textiles"},
        ],
        exact=False,
    ),
    Case(
        "before-joining-with-its-own-year-is-still-a-join",
        "Before joining Acme Freight in 2015, Jane Doe spent a decade at Foo Bank.",
        [{"type": "appointment", "person": "Jane Doe", "organization": "Acme Freight", "date": "2015"}],
        exact=False,
    ),
]


@pytest.mark.parametrize("case", params(FILINGS))
def test_filings(case: Case) -> None:
    run_case(case)


PRESS_RELEASES = [
    Case(
        "release-company-is-the-dateline-lead-not-the-most-named",
        "Tarvo Bio Names Jane Doe Chief Executive\n\n"
        "BOSTON, Mass., Feb. 13, 2024 /PRNewswire/ -- Tarvo Bio, Inc. (Nasdaq: TRVB), a clinical-stage "
        "company developing cell therapies, today announced that its Board of Directors has appointed "
        "Jane Doe as Chief Executive Officer, effective April 1, 2024.\n\n"
        "Dr. Doe joins from Quell Pharma, where she was Chief Operating Officer. At Quell Pharma she led "
        "the launch of three drugs. Quell Pharma is based in Basel.\n\n"
        "The company also said that Bo Chan, its Chief Medical Officer, will retire at the end of the year.",
        [
            {"type": "appointment", "person": "Jane Doe", "organization": "Tarvo Bio", "date": "2024-04-01"},
            {"type": "departure", "person": "Jane Doe", "organization": "Quell Pharma"},
            {
                "type": "departure",
                "person": "Bo Chan",
                "organization": "Tarvo Bio",
                "role": "Chief Medical Officer",
            },
        ],
        published_at="2024-02-13T08:00:00-05:00",
    ),
    Case(
        "title-and-board-seat-are-two-appointments",
        "Tarvo Bio today announced that its Board of Directors has appointed Jane Doe, Ph.D., as "
        "President and Chief Executive Officer and a member of the Board, effective April 1, 2024.",
        [
            {
                "type": "appointment",
                "person": "Jane Doe",
                "organization": "Tarvo Bio",
                "role": "President and Chief Executive Officer",
            },
            {
                "type": "appointment",
                "person": "Jane Doe",
                "organization": "Tarvo Bio",
                "role": "member of the Board",
            },
        ],
        published_at="2024-02-13T08:00:00-05:00",
    ),
    Case(
        "board-of-another-body-is-not-a-second-seat",
        "Tarvo Bio named Jane Doe as Chief Executive Officer and a member of the board of the Kelby "
        "Science Trust.",
        [
            {
                "type": "appointment",
                "person": "Jane Doe",
                "organization": "Tarvo Bio",
                "role": "Chief Executive Officer",
            }
        ],
    ),
    Case(
        "its-first-title-is-the-role-and-it-is-the-company",
        "Tanvik Bank said on Monday it had hired Bo Chan as treasurer. In February, it named Jane Doe "
        "as its first chief sustainability officer.",
        [
            {"type": "appointment", "person": "Bo Chan", "organization": "Tanvik Bank"},
            {
                "type": "appointment",
                "person": "Jane Doe",
                "organization": "Tanvik Bank",
                "role": "chief sustainability officer",
                "date": "2025-02",
            },
        ],
    ),
    Case(
        "headline-verb-after-to-is-not-a-company",
        "Tarvo Bio Announces CEO Succession; Board Selects Jane Doe to Lead Company\n\n"
        "Tarvo Bio said Jane Doe will succeed Ellen Marsh as chief executive on July 1. Marsh will "
        "remain with the company as an adviser.",
        [
            {"type": "appointment", "person": "Jane Doe", "organization": "Tarvo Bio"},
            {"type": "departure", "person": "Ellen Marsh", "organization": "Tarvo Bio"},
        ],
    ),
    Case(
        "degree-letters-between-name-and-title",
        "Acme Bio said Rafael Ortiz, M.D., Chief Medical Officer, will retire at the end of the year.",
        [
            {
                "type": "departure",
                "person": "Rafael Ortiz",
                "organization": "Acme Bio",
                "role": "Chief Medical Officer",
            }
        ],
    ),
]


@pytest.mark.parametrize("case", params(PRESS_RELEASES))
def test_press_releases(case: Case) -> None:
    run_case(case)
