"""Which role a move names and how settled a departure is: titles set off by dashes, a title
owned by a company named before the person, "as its next/first <title>", titles of a function
("planning director", "city manager"), and future departures as planned. A name-shaped company
that owns a title given to the next name is a company. All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

ROLES = [
    Case(
        "title-of-company-before-the-name",
        "The chairman of Quorvel Group, Imre Tallis, will step down on July 21.",
        [
            {
                "type": "departure",
                "person": "Imre Tallis",
                "organization": "Quorvel Group",
                "role": "chairman",
            }
        ],
    ),
    Case(
        "title-between-dashes",
        "Nadia Ferro - chief legal officer - is leaving Plenwick Bank after six years.",
        [
            {
                "type": "departure",
                "person": "Nadia Ferro",
                "organization": "Plenwick Bank",
                "role": "chief legal officer",
            }
        ],
    ),
    Case(
        "as-its-first-title-after-an-aside",
        "Ostrava Metrics hired Jonas Reyl, previously a partner at Hallam LLP, as its first chief "
        "technology officer.",
        [
            {
                "type": "appointment",
                "person": "Jonas Reyl",
                "organization": "Ostrava Metrics",
                "role": "chief technology officer",
            }
        ],
    ),
    Case(
        "as-the-next-title-after-an-aside",
        "Brookfell University has appointed Oona Vask, chair of its chemistry department, as the next "
        "provost.",
        [
            {
                "type": "appointment",
                "person": "Oona Vask",
                "organization": "Brookfell University",
                "role": "provost",
            }
        ],
    ),
    Case(
        "old-title-aside-then-new-title",
        "Tarnby Freight has named its finance chief, Lucia Marr, interim chief executive.",
        [
            {
                "type": "appointment",
                "person": "Lucia Marr",
                "organization": "Tarnby Freight",
                "role": "interim chief executive",
            }
        ],
    ),
    Case(
        "independent-non-executive-director",
        "Hollin Energy announced the appointment of Dr Petra Sund as an independent Non-Executive Director.",
        [
            {
                "type": "appointment",
                "person": "Petra Sund",
                "organization": "Hollin Energy",
                "role": "independent Non-Executive Director",
            }
        ],
    ),
    Case(
        "function-director-in-a-succession",
        "Owen Tabb has replaced Rita Lusk as the planning director for Marlow County.",
        [
            {
                "type": "appointment",
                "person": "Owen Tabb",
                "role": "planning director",
                "organization": "Marlow County",
            },
            {
                "type": "departure",
                "person": "Rita Lusk",
                "role": "planning director",
                "organization": "Marlow County",
            },
        ],
    ),
    Case(
        "title-before-the-name-in-reported-speech",
        "Provost Elena Duarte said she would leave Carrow College in December.",
        [
            {
                "type": "departure",
                "person": "Elena Duarte",
                "organization": "Carrow College",
                "role": "Provost",
                "details": {"status": "announced"},
            }
        ],
    ),
    Case(
        "a-founder-described-before-the-name-holds-no-post-to-leave",
        "Vantor hired the co-founder of Bellring, Omar Farouk, to run its data team.",
        [{"type": "appointment", "person": "Omar Farouk", "organization": "Vantor"}],
    ),
]

STATUS = [
    Case(
        "will-step-down-is-planned",
        "Gustav Lind will step down as chief executive of Harbour Mills in June.",
        [{"type": "departure", "person": "Gustav Lind", "details": {"status": "planned"}}],
    ),
    Case(
        "is-leaving-is-announced",
        "Gustav Lind, chief executive of Harbour Mills, is leaving the company.",
        [{"type": "departure", "person": "Gustav Lind", "details": {"status": "announced"}}],
    ),
    Case(
        "said-he-would-leave-is-announced",
        "Gustav Lind said on Monday that he would leave Harbour Mills in June.",
        [{"type": "departure", "person": "Gustav Lind", "details": {"status": "announced"}}],
    ),
]

NAMES = [
    Case(
        "name-shaped-company-owning-a-title-is-a-company",
        "Ferris Dale co-founder Ottavio Brandi quits to start a robotics firm\n\n"
        "Ottavio Brandi, who co-founded software company Ferris Dale in 2014, has stepped down as its "
        "chief technology officer.",
        [{"type": "departure", "person": "Ottavio Brandi", "organization": "Ferris Dale"}],
        exact=False,
    ),
    Case(
        "a-company-heading-line-does-not-make-the-next-name-a-company",
        "Brackley Group\nPenelope Marsh becomes senior independent director at Brackley Group from 1 April.",
        [{"type": "appointment", "person": "Penelope Marsh", "organization": "Brackley Group"}],
    ),
    Case(
        "the-company-speaking-after-a-name-is-no-apposition",
        "Tolvane Stores chief executive Fiona Grieve will retire in August, handing the reins to "
        "chief operating officer Declan Moray-Stiles, the supermarket operator told the exchange on "
        "Tuesday.",
        [
            {"type": "departure", "person": "Fiona Grieve", "organization": "Tolvane Stores"},
            {"type": "appointment", "person": "Declan Moray-Stiles", "organization": "Tolvane Stores"},
        ],
    ),
    Case(
        "a-descriptor-makes-a-name-shaped-run-a-company",
        "Winners: Arjun Vemuri, co-founder, Kestrel Ledger.\nArjun Vemuri, who co-founded lending "
        "start-up Kestrel Ledger with two friends, took home Emerging Founder of the Year.",
        [
            {"type": "founding", "person": "Arjun Vemuri", "organization": "Kestrel Ledger"},
            {"type": "award", "person": "Arjun Vemuri", "organization": "Kestrel Ledger"},
        ],
        exact=False,
    ),
    Case(
        "a-decade-at-a-firm-is-where-the-person-came-from",
        "Corlan Agro named Rui Albano finance chief. Albano, who was appointed in January 2022 after "
        "a decade at trading house Sable Graos, declined to comment.",
        [{"type": "appointment", "person": "Rui Albano", "organization": "Corlan Agro"}],
        exact=False,
    ),
    Case(
        "an-office-before-the-name-is-no-part-of-it",
        "Ridgeway University said the board also named Vice Provost Deshon Whitley as interim "
        "provost, effective Feb. 1.",
        [
            {
                "type": "appointment",
                "person": "Deshon Whitley",
                "organization": "Ridgeway University",
                "role": "interim provost",
            }
        ],
    ),
    Case(
        "two-word-family-name-stands-for-the-person",
        "Kelsey Trust has chosen Dr Cormac Ó Duinn as its next chief executive. Dr Ó Duinn will step "
        "down from Harlow Foods Ltd in May.",
        [
            {"type": "appointment", "person": "Cormac Ó Duinn", "organization": "Kelsey Trust"},
            {"type": "departure", "person": "Cormac Ó Duinn", "organization": "Harlow Foods Ltd"},
        ],
    ),
]


REPORTING_AND_REFERENCE = [
    Case(
        "word-surname-after-a-given-name-and-alone",
        "Tarnby Freight named Warren South chief executive last year. Lena Ruiz will join the board, "
        "reporting directly to South.",
        [
            {"type": "appointment", "person": "Warren South", "organization": "Tarnby Freight"},
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Tarnby Freight"},
            {
                "type": "reporting_change",
                "person": "Lena Ruiz",
                "details": {"to_manager": "Warren South"},
            },
        ],
    ),
    Case(
        "a-direction-after-the-is-a-place",
        "Tarnby Freight named Warren South chief executive last year. Sales in the South rose.",
        [{"type": "appointment", "person": "Warren South", "organization": "Tarnby Freight"}],
    ),
    Case(
        "opening-pronoun-carries-the-last-subject",
        "Colm Brady will move from engineering director to group president, reporting to chief "
        "executive Ivan Hale. He will be succeeded by Rory Dunne.",
        [
            {"type": "departure", "person": "Colm Brady", "details": {"successor": "Rory Dunne"}},
            {"type": "appointment", "person": "Rory Dunne", "details": {"predecessor": "Colm Brady"}},
        ],
        exact=False,
    ),
    Case(
        "the-partner-after-with-is-not-the-subject-of-the-next-verb",
        "Nerys Talbot joined Quillon Data as chief operating officer in 2009. Talbot co-founded "
        "Quillon Data in 2008 with Bryn Achter and became chief executive in 2019.",
        [{"type": "appointment", "person": "Nerys Talbot", "role": "chief executive", "date": "2019"}],
        exact=False,
    ),
    Case(
        "a-from-date-frames-the-moves-told-next",
        "From 1 July Tarnby Freight will have three divisions, with the heads of road, rail and sea "
        "reporting directly to chief executive Ivan Hale. Nora Fitch has been appointed as president "
        "of rail.",
        [
            {"type": "reporting_change", "person": None, "date": "2025-07-01"},
            {"type": "appointment", "person": "Nora Fitch", "date": "2025-07-01"},
        ],
        exact=False,
    ),
]


EMPLOYERS = [
    Case(
        "a-board-committee-is-a-seat-at-the-company",
        "Halden Freight Inc said on Monday that Ann Lee, the former finance chief of Tessaly Foods, "
        "will join the Audit Committee.",
        [{"type": "appointment", "person": "Ann Lee", "organization": "Halden Freight Inc"}],
    ),
    Case(
        "a-board-of-regents-appoints-to-its-university",
        "The Ridgeway University Board of Regents on Monday selected Dr. Celia Oko, provost of "
        "Lakemont College, as the university's 14th president.",
        [
            {
                "type": "appointment",
                "person": "Celia Oko",
                "organization": "Ridgeway University",
                "role": "president",
            }
        ],
        exact=False,
    ),
    Case(
        "a-company-heading-names-the-paragraph-company",
        "# Board Notes\n\n### Brackley Group\n**Penelope Marsh** becomes senior independent director "
        "from 1 April.\n\n### Fenwater Utilities plc\n**Owen Hale** joined the board as a non-executive director "
        "on 9 March.\n",
        [
            {"type": "appointment", "person": "Penelope Marsh", "organization": "Brackley Group"},
            {"type": "appointment", "person": "Owen Hale", "organization": "Fenwater Utilities"},
        ],
        fmt="markdown",
    ),
    Case(
        "an-investor-partner-joins-the-story-company-board",
        "Halden Freight raised $40 million. Harrowgate partner Yusra Kell will join the board as part "
        "of the financing.",
        [
            {"type": "funding_round", "person": None, "organization": "Halden Freight"},
            {"type": "appointment", "person": "Yusra Kell", "organization": "Halden Freight"},
        ],
    ),
    Case(
        "an-aside-company-is-not-where-the-chair-is-named",
        "The board of Brisk Robotics voted on Thursday to remove chief executive Jarrah Whit. Board "
        "member Theo Vand, a partner at Quarry Hill Ventures, was named chair, replacing Whit.",
        [
            {"type": "departure", "person": "Jarrah Whit", "organization": "Brisk Robotics"},
            {"type": "appointment", "person": "Theo Vand", "organization": "Brisk Robotics", "role": "chair"},
        ],
    ),
]


MONEY_AND_NAMES = [
    Case(
        "a-roundup-item-with-its-city-in-brackets",
        "## Funding\n\n**Varnel (Munich)** picked up €7.5m in seed funding led by Isar Seed Fund.\n",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Varnel",
                "details": {"amount": 7500000, "currency": "EUR", "round": "seed"},
            }
        ],
        fmt="markdown",
    ),
    Case(
        "an-iso-code-before-the-amount",
        "Nordhall Health raised NOK 80m from existing shareholders on Monday.",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Nordhall Health",
                "details": {"amount": 80000000, "currency": "NOK"},
            }
        ],
    ),
    Case(
        "an-accented-given-name",
        "Vantablue was founded in 2021 by marine biologist Inês Carvalo and former naval officer Rui "
        "Mota-Serra.",
        [
            {"type": "founding", "person": "Inês Carvalo", "organization": "Vantablue", "date": "2021"},
            {"type": "founding", "person": "Rui Mota-Serra", "organization": "Vantablue", "date": "2021"},
        ],
    ),
]


DENIALS_AND_APPOSITIONS = [
    Case(
        "a-denied-report-states-nothing-however-long-the-clause",
        "Halvern Mobility on Tuesday rejected a media report that its chief executive and co-founder, "
        "Clara Tenn, was preparing to hand the top job to chief operating officer Arjun Mehra early "
        "next year.",
        [],
    ),
    Case(
        "the-company-after-a-possessive-description-raised",
        "Fernlow said sales grew. Fernlow's closest competitor, Voxara, raised $60 million last year.",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Voxara",
                "details": {"amount": 60000000},
            }
        ],
    ),
]


SPIN_OUTS = [
    Case(
        "spun-out-of-a-university-by-two-founders",
        "Kaltberg was spun out of the Technical University of Munich in 2019 by Jana Velt, now chief "
        "executive, and Piet Arens, its chief technology officer.",
        [
            {"type": "founding", "person": "Jana Velt", "organization": "Kaltberg", "date": "2019"},
            {"type": "founding", "person": "Piet Arens", "organization": "Kaltberg", "date": "2019"},
        ],
    ),
    Case(
        "a-company-spinning-out-a-team-still-founds-the-new-one",
        "Acme spun out its mapping team as a separate company, Gridline, in 2024.",
        [{"type": "founding", "person": None, "organization": "Gridline", "date": "2024"}],
    ),
]


PASSIVE_WITH_WHEN_OR_HOW = [
    Case(
        "filled-from-a-date-by",
        "Tolvane Group said the post of chief operating officer will be filled from September 1 by "
        "Priya Adeyemi.",
        [
            {
                "type": "appointment",
                "person": "Priya Adeyemi",
                "organization": "Tolvane Group",
                "date": "2025-09-01",
            }
        ],
    ),
    Case(
        "run-on-an-interim-basis-by",
        "Tolvane Group said its liquor business will be run on an interim basis by its finance "
        "director, Marcus Tull.",
        [{"type": "appointment", "person": "Marcus Tull", "organization": "Tolvane Group"}],
    ),
]


HONOURS = [
    Case(
        "elected-a-fellow-of-a-society-is-no-appointment",
        "Helena Marsh received the Whitby Prize in 2018 and was elected a fellow of the Society for "
        "Resilient Roads in 2022.",
        [{"type": "award", "person": "Helena Marsh", "details": {"award": "Whitby Prize"}}],
    ),
]


@pytest.mark.parametrize("case", params(HONOURS))
def test_honours(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(PASSIVE_WITH_WHEN_OR_HOW))
def test_passive_with_when_or_how(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(SPIN_OUTS))
def test_spin_outs(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(DENIALS_AND_APPOSITIONS))
def test_denials_and_appositions(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(MONEY_AND_NAMES))
def test_money_and_names(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(EMPLOYERS))
def test_employers(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(REPORTING_AND_REFERENCE))
def test_reporting_and_reference(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(ROLES))
def test_roles(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(STATUS))
def test_departure_status(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(NAMES))
def test_names(case: Case) -> None:
    run_case(case)
