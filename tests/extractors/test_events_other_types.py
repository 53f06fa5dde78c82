"""Reporting changes, awards, funding rounds and foundings."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

REPORTING = [
    Case(
        "reporting-will-report-to",
        "Under the new structure, Priya Nair will report to Osprey CEO Daniel Kemp.",
        [
            {
                "type": "reporting_change",
                "person": "Priya Nair",
                "organization": "Osprey",
                "details": {"to_manager": "Daniel Kemp", "from_manager": None},
            }
        ],
    ),
    Case(
        "reporting-from-one-manager-to-another",
        "At Caldera, Hugo Brand moved from reporting to Anna Weiss to Peter Lang last year.",
        [
            {
                "type": "reporting_change",
                "person": "Hugo Brand",
                "organization": "Caldera",
                "details": {"from_manager": "Anna Weiss", "to_manager": "Peter Lang"},
            }
        ],
    ),
    Case(
        "reporting-two-people-and-their-teams-move",
        "Zorba Media said Karen Oyelaran and her team, and Mark Feld and the video team, will move to report "
        "to Simone Abara on Monday.",
        [
            {
                "type": "reporting_change",
                "person": "Karen Oyelaran",
                "details": {"to_manager": "Simone Abara"},
            },
            {"type": "reporting_change", "person": "Mark Feld", "details": {"to_manager": "Simone Abara"}},
        ],
    ),
    Case(
        "reporting-unit-moves-without-a-person",
        "Brava Telecom said its hardware teams will move to the consumer devices group.",
        [{"type": "reporting_change", "person": None, "organization": "Brava Telecom"}],
    ),
    Case(
        "who-reported-to-is-the-manager-left",
        "Peter Voss, who reported to Nadia Holm, will now report to Tom Ashby at Halvern Paper Ltd.",
        [
            {
                "type": "reporting_change",
                "person": "Peter Voss",
                "organization": "Halvern Paper Ltd",
                "details": {"from_manager": "Nadia Holm", "to_manager": "Tom Ashby"},
            }
        ],
    ),
]

REPORTING.append(
    Case(
        "reporting-subject-of-coordinated-verbs",
        "Sofia Berg has run the lab at Corvane since 2022. She succeeds Dana Holm and will report to "
        "president Omar Tal.",
        [
            {"type": "reporting_change", "person": "Sofia Berg", "details": {"to_manager": "Omar Tal"}},
            {"type": "appointment", "person": "Sofia Berg", "details": {"predecessor": "Dana Holm"}},
            {"type": "departure", "person": "Dana Holm", "details": {"successor": "Sofia Berg"}},
        ],
        exact=False,
    )
)

AWARDS = [
    Case(
        "award-won-with-day",
        "Lucia Romano won the Hartwell Prize for Mathematics on Monday.",
        [
            {
                "type": "award",
                "person": "Lucia Romano",
                "date": "2025-03-10",
                "date_precision": "day",
                "details": {"award": "Hartwell Prize for Mathematics", "co_recipients": []},
            }
        ],
    ),
    Case(
        "award-shared-by-two-each-gets-an-event",
        "Emily Carter and Kenji Watanabe were awarded the Brennan Medal in chemistry on Tuesday.",
        [
            {
                "type": "award",
                "person": "Emily Carter",
                "date": "2025-03-11",
                "details": {"co_recipients": ["Kenji Watanabe"]},
            },
            {
                "type": "award",
                "person": "Kenji Watanabe",
                "date": "2025-03-11",
                "details": {"co_recipients": ["Emily Carter"]},
            },
        ],
    ),
    Case(
        "award-edition-year-only",
        "Jacob Stein, a 2019 Ostrander Award winner, spoke at the event.",
        [{"type": "award", "person": "Jacob Stein", "date": "2019", "date_precision": "year"}],
    ),
    Case(
        "award-edition-yields-to-real-date",
        "Sophie Laurent won the 2024 Calder Prize yesterday.",
        [{"type": "award", "person": "Sophie Laurent", "date": "2025-03-13", "date_precision": "day"}],
    ),
    Case(
        "award-went-to-list",
        "The 2022 prize went to Maria Lopez and David Chen.",
        [
            {"type": "award", "person": "Maria Lopez", "date": "2022", "date_precision": "year"},
            {"type": "award", "person": "David Chen", "date": "2022", "date_precision": "year"},
        ],
    ),
    Case(
        "award-with-alongside-corecipients",
        "Nathan Price received the Aldous Medal alongside Grace Okoye and Simon Tal.",
        [
            {
                "type": "award",
                "person": "Nathan Price",
                "details": {"co_recipients": ["Grace Okoye", "Simon Tal"]},
            },
            {
                "type": "award",
                "person": "Grace Okoye",
                "details": {"co_recipients": ["Nathan Price", "Simon Tal"]},
            },
            {
                "type": "award",
                "person": "Simon Tal",
                "details": {"co_recipients": ["Nathan Price", "Grace Okoye"]},
            },
        ],
    ),
    Case(
        "award-winner-gets-workplace-organization",
        "Paul Novak won the Fenwick Prize on Monday. Novak is a professor at Ridgemont University.",
        [{"type": "award", "person": "Paul Novak", "organization": "Ridgemont University"}],
    ),
    Case(
        "prize-with-an-aside-goes-to-three",
        "The 2024 medal, which comes with a gold pin, goes to Anna Berg of the University of Kelso, Tom Ashby of "
        "the Rendal Institute and Ian Marsh, chief technology officer of Velto.",
        [
            {"type": "award", "person": "Anna Berg", "organization": "University of Kelso"},
            {"type": "award", "person": "Tom Ashby", "organization": "Rendal Institute"},
            {"type": "award", "person": "Ian Marsh", "organization": "Velto"},
        ],
    ),
    Case(
        "will-share-with-bracketed-institutions",
        "Dr. Anna Berg (University of Kelso) and Prof. Tom Ashby (Rendal Institute) will share this year's Ostby "
        "Prize in geology.",
        [
            {"type": "award", "person": "Anna Berg", "organization": "University of Kelso"},
            {"type": "award", "person": "Tom Ashby", "organization": "Rendal Institute"},
        ],
    ),
    Case(
        "split-equally-between",
        "The Halden Medal will be split equally between Anna Berg of the University of Kelso and Tom Ashby "
        "of the Rendal Institute.",
        [
            {"type": "award", "person": "Anna Berg", "organization": "University of Kelso"},
            {"type": "award", "person": "Tom Ashby", "organization": "Rendal Institute"},
        ],
    ),
    Case(
        "made-an-officer-of-an-order",
        "Tom Ashby was made an Officer of the Order of Canada in 2017 for services to mining.",
        [
            {
                "type": "award",
                "person": "Tom Ashby",
                "details": {"award": "Officer of the Order of Canada"},
                "date": "2017",
            }
        ],
    ),
    Case(
        "winner-org-from-a-title-aside",
        "This year's prize goes to Anna Berg of the University of Kelso and Petra Ivic, head of engineering at the "
        "Slovenian solar firm Kalmora.",
        [
            {"type": "award", "person": "Anna Berg", "organization": "University of Kelso"},
            {"type": "award", "person": "Petra Ivic", "organization": "Kalmora"},
        ],
    ),
    Case(
        "picked-up-a-medal",
        "Nadia Holm picked up the Brenner Medal on Monday.",
        [{"type": "award", "person": "Nadia Holm", "details": {"award": "Brenner Medal"}}],
    ),
    Case(
        "took-home-a-prize",
        "Nadia Holm took home the Brenner Medal in 2023.",
        [{"type": "award", "person": "Nadia Holm", "details": {"award": "Brenner Medal"}}],
    ),
    Case(
        "presented-with",
        "Nadia Holm was presented with the Brenner Medal in 2022.",
        [{"type": "award", "person": "Nadia Holm", "details": {"award": "Brenner Medal"}}],
    ),
    Case(
        "inducted-into-a-hall-of-fame",
        "Nadia Holm was inducted into the Paper Industry Hall of Fame in 2022.",
        [{"type": "award", "person": "Nadia Holm"}],
    ),
    Case(
        "was-knighted",
        "Tom Ashby was knighted in 1988 for services to paper.",
        [{"type": "award", "person": "Tom Ashby", "date": "1988"}],
    ),
]

FUNDING = [
    Case(
        "funding-amount-round-lead",
        "Tessellate raised $40 million in a Series B round led by Harbor Ventures, the startup said on "
        "Wednesday.",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Tessellate",
                "date": "2025-03-12",
                "details": {
                    "amount": 40000000,
                    "currency": "USD",
                    "round": "Series B",
                    "lead_investors": ["Harbor Ventures"],
                },
            }
        ],
    ),
    Case(
        "funding-in-talks-with-valuation",
        "Quanta Grid is in talks with investors about a funding round valuing it at about "
        "$2 billion, Bloomfield News reported on Tuesday.",
        [
            {
                "type": "funding_round",
                "organization": "Quanta Grid",
                "date": "2025-03-11",
                "details": {"amount": None, "valuation": 2000000000, "currency": "USD"},
            }
        ],
    ),
    Case(
        "funding-euro-amount",
        "Berlin-based Kobold Labs has raised €12 million in seed funding.",
        [
            {
                "type": "funding_round",
                "organization": "Kobold Labs",
                "details": {"amount": 12000000, "currency": "EUR", "round": "seed"},
            }
        ],
    ),
    Case(
        "funding-founder-of-unnamed-company",
        "Reports suggest Lionel Park has already begun early-stage fundraising for his next venture.",
        [
            {
                "type": "funding_round",
                "person": "Lionel Park",
                "organization": None,
                "details": {"round": "early-stage"},
            }
        ],
    ),
    Case(
        "funding-founder-names-company-after-for",
        "Former Pelican Systems engineer Ruth Adler raised $25 million for her new firm, Lattice Forge.",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Lattice Forge",
                "details": {"amount": 25000000},
            }
        ],
    ),
    Case(
        "funding-same-amount-told-twice-is-one-round",
        "Mosaic Bio raised $80 million from Alder Capital. Months later, the biotech said the $80 million "
        "raise would fund trials. Mosaic Bio raised $80 million to expand, a filing showed.",
        [{"type": "funding_round", "organization": "Mosaic Bio", "details": {"amount": 80000000}}],
    ),
    Case(
        "funding-two-rounds-stay-apart",
        "Nimbus Rail raised $6 million in 2021. Nimbus Rail raised $30 million in a Series A in May.",
        [
            {
                "type": "funding_round",
                "organization": "Nimbus Rail",
                "date": "2021",
                "details": {"amount": 6000000},
            },
            {
                "type": "funding_round",
                "organization": "Nimbus Rail",
                "date": "2024-05",
                "details": {"amount": 30000000, "round": "Series A"},
            },
        ],
    ),
    Case(
        "raised-an-amount-in-words-of-a-currency",
        "Halvern Paper Ltd has raised 40 million euros from a group of pension funds.",
        [
            {
                "type": "funding_round",
                "person": None,
                "organization": "Halvern Paper Ltd",
                "details": {"amount": 40000000, "currency": "EUR"},
            }
        ],
    ),
    Case(
        "investors-poured-money-into",
        "Investors poured $30 million into Halvern Paper Ltd this spring.",
        [{"type": "funding_round", "person": None, "organization": "Halvern Paper Ltd"}],
    ),
]

FOUNDINGS = [
    Case(
        "founding-founded-company-year",
        "Helena Brooks founded Ardent Robotics in 2014.",
        [
            {
                "type": "founding",
                "person": "Helena Brooks",
                "organization": "Ardent Robotics",
                "date": "2014",
                "date_precision": "year",
                "details": {"company": "Ardent Robotics"},
            }
        ],
    ),
    Case(
        "founding-passive-founded-by-group",
        "She later moved to Corsair, founded in 2019 by a group of former bankers.",
        [
            {
                "type": "founding",
                "person": None,
                "organization": "Corsair",
                "date": "2019",
                "details": {"company": "Corsair"},
            }
        ],
    ),
    Case(
        "founding-launched-company-month",
        "Tobias Wren, the investor, launched Fathom Labs in July 2023 as a rival to Bluewater.",
        [
            {
                "type": "founding",
                "person": "Tobias Wren",
                "organization": "Fathom Labs",
                "date": "2023-07",
                "date_precision": "month",
            }
        ],
    ),
    Case(
        "founding-own-company-unnamed",
        "Marta Kowalski left Orbis in May and has started her own software company.",
        [
            {"type": "departure", "person": "Marta Kowalski", "organization": "Orbis", "date": "2024-05"},
            {"type": "founding", "person": "Marta Kowalski", "organization": None, "date": None},
        ],
        published_at="2024-09-25",
    ),
    Case(
        "founding-verb-first-bullet-inherits-subject",
        "- Leo Frant clashed with the board of Ivel Corp.\n- Founded Quire and later sold it.",
        [{"type": "founding", "person": "Leo Frant", "organization": "Quire"}],
        exact=False,
    ),
    Case(
        "founding-acronym-with-expansion",
        "In 2011, when Paula Strand founded AIR (Applied Inference Research), Dev Patel was the first key hire.",
        [
            {"type": "founding", "person": "Paula Strand", "organization": "AIR", "date": "2011"},
            {"type": "appointment", "person": "Dev Patel", "organization": "AIR", "date": "2011"},
        ],
    ),
    Case(
        "she-and-a-colleague-set-up",
        "Greta Marsh is an engineer at Velto Systems. In 2011 she and an old classmate, Lukas Dane, set up "
        "Brenlow Robotics above a bakery.",
        [
            {"type": "founding", "person": "Greta Marsh", "organization": "Brenlow Robotics", "date": "2011"},
            {"type": "founding", "person": "Lukas Dane", "organization": "Brenlow Robotics", "date": "2011"},
        ],
    ),
    Case(
        "company-which-she-co-founded-with",
        "Irena Kell is the finance chief of Kalvik Foods. Kalvik Foods, which she co-founded in 2009 with her "
        "cousin Marco Kell, sells soups.",
        [
            {"type": "founding", "person": "Irena Kell", "organization": "Kalvik Foods", "date": "2009"},
            {"type": "founding", "person": "Marco Kell", "organization": "Kalvik Foods", "date": "2009"},
        ],
        exact=False,
    ),
    Case(
        "founded-by-two-with-asides",
        "Solvane was founded in 2016 by Anna Berg, a physicist, and Tom Ashby, an economist.",
        [
            {"type": "founding", "person": "Anna Berg", "organization": "Solvane", "date": "2016"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Solvane", "date": "2016"},
        ],
    ),
    Case(
        "its-founders-are",
        "Two bankers have launched Emberly Labs, a start-up in Leeds. Its founders are Anna Berg, once head of "
        "research at a bank, and Tom Ashby, who ran a bakery.",
        [
            {"type": "founding", "person": "Anna Berg", "organization": "Emberly Labs"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Emberly Labs"},
        ],
        exact=False,
    ),
    Case(
        "has-set-it-up-with",
        "Anna Berg is the founder of Velto Systems. She has set it up with Tom Ashby in 2020.",
        [
            {"type": "founding", "person": "Anna Berg", "organization": "Velto Systems", "date": "2020"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Velto Systems", "date": "2020"},
        ],
    ),
    Case(
        "started-by-doctor-and-scientist-company-after",
        "Started in 2017 by cardiologist Dr. Mei Chen and data scientist Sunil Perera, Oculane sells heart monitors.",
        [
            {"type": "founding", "person": "Mei Chen", "organization": "Oculane", "date": "2017"},
            {"type": "founding", "person": "Sunil Perera", "organization": "Oculane", "date": "2017"},
        ],
    ),
    Case(
        "co-founded-the-described-start-up",
        "Anna Berg is a chemist. She co-founded the payments start-up Sonalis during her doctorate.",
        [{"type": "founding", "person": "Anna Berg", "organization": "Sonalis"}],
    ),
    Case(
        "left-to-start-a-named-company",
        "Tom Ashby left Marrow Books in 2023 to start Whippet Press Ltd, a poetry imprint.",
        [
            {"type": "departure", "person": "Tom Ashby", "organization": "Marrow Books"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Whippet Press Ltd"},
        ],
    ),
    Case(
        "its-founders-are-the-company-just-named",
        "Two bankers who quit Pelican Data have launched Emberly Labs, a start-up. Its founders are Anna Berg, "
        "who ran Pelican's lending desk, and Tom Ashby, a former trader.",
        [
            {"type": "founding", "person": "Anna Berg", "organization": "Emberly Labs"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Emberly Labs"},
        ],
        exact=False,
    ),
    Case(
        "its-founders-are-the-company-founded-not-the-investor",
        "Two chemists have founded Emberly Labs, a start-up in Leeds. The seed money came from Polwarth "
        "Ventures. Its founders are Anna Berg and Tom Ashby.",
        [
            {"type": "founding", "person": "Anna Berg", "organization": "Emberly Labs"},
            {"type": "founding", "person": "Tom Ashby", "organization": "Emberly Labs"},
        ],
        exact=False,
    ),
    Case(
        "company-which-a-named-person-founded",
        "Halvern Paper Ltd, which Nadia Holm founded in 2009, makes boxes.",
        [{"type": "founding", "person": "Nadia Holm", "organization": "Halvern Paper Ltd", "date": "2009"}],
    ),
    Case(
        "teamed-up-to-create",
        "Nadia Holm and Peter Voss teamed up to create Halvern Paper Ltd in 2009.",
        [
            {"type": "founding", "person": "Nadia Holm", "organization": "Halvern Paper Ltd", "date": "2009"},
            {"type": "founding", "person": "Peter Voss", "organization": "Halvern Paper Ltd", "date": "2009"},
        ],
    ),
]


@pytest.mark.parametrize("case", params(REPORTING + AWARDS + FUNDING + FOUNDINGS))
def test_other_event_types(case: Case) -> None:
    run_case(case)
