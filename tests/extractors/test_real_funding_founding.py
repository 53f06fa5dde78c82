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
    Case(
        "statement-will-bring-in-pounds",
        "Online lender Quarrel Bank has closed a new funding round. In this round, the company will bring in "
        "40 million pounds of fresh capital.",
        [
            {
                "type": "funding_round",
                "organization": "Quarrel Bank",
                "details": {"amount": 40000000, "currency": "GBP"},
            }
        ],
    ),
    Case(
        "last-raised-funding-at-a-valuation",
        "Pebblepay last raised funding in 2023 at a valuation of $900 million.",
        [
            {
                "type": "funding_round",
                "organization": "Pebblepay",
                "details": {"amount": None, "valuation": 900000000},
            }
        ],
    ),
    Case(
        "startups-that-raised-money-is-no-round",
        "Two Norden-backed startups that raised money this year are valued at more than $1 billion.",
        [],
    ),
    Case(
        "investor-fund-bet-on-described-company",
        "Last year, Norden's Growth Fund bet $600 million on payments company Pebblepay, valuing it at about $3 billion.",
        [
            {
                "type": "funding_round",
                "organization": "Pebblepay",
                "details": {
                    "amount": 600000000,
                    "valuation": 3000000000,
                    "lead_investors": ["Norden Growth Fund"],
                },
            }
        ],
    ),
    Case(
        "an-investment-in-company-valued-it",
        "A March investment in Tallyo valued the company at a reported $2.1 billion.",
        [
            {
                "type": "funding_round",
                "organization": "Tallyo",
                "details": {"amount": None, "valuation": 2100000000},
            }
        ],
    ),
    Case(
        "investors-led-the-companys-latest-financing",
        "Vireo Labs raised $11 million in Series A financing. "
        "Tolland Capital and Amberly Partners led Vireo Labs' latest financing.",
        [
            {
                "type": "funding_round",
                "organization": "Vireo Labs",
                "details": {"amount": 11000000, "lead_investors": ["Tolland Capital", "Amberly Partners"]},
            }
        ],
    ),
    Case(
        "unveiled-euros-in-new-capital",
        "—Kestrel Therapeutics unveiled €9 million in new capital to fund its first trial.",
        [
            {
                "type": "funding_round",
                "organization": "Kestrel Therapeutics",
                "details": {"amount": 9000000, "currency": "EUR"},
            }
        ],
    ),
    Case(
        "unveiled-a-product-is-no-round",
        "Kestrel Therapeutics unveiled a $9 million lab in Leeds.",
        [],
    ),
    Case(
        "first-round-of-rupees-announced-by-the-company",
        "Rival app Vidora has grabbed around $3 million from several investors.\n\n"
        "The first round of Rs 3 crore was announced by the company last month.",
        [
            {
                "type": "funding_round",
                "organization": "Vidora",
                "details": {"amount": 30000000, "currency": "INR"},
            }
        ],
        exact=False,
    ),
    Case(
        "company-closed-its-first-round-of",
        "Gridline Robotics closed its first round of $2 million in May.",
        [{"type": "funding_round", "organization": "Gridline Robotics", "details": {"amount": 2000000}}],
    ),
    Case(
        "bet-on-a-non-company-is-no-round",
        "Last year Norden Ventures bet $5 million on Bitcoin.",
        [],
    ),
    Case(
        "one-of-ten-startups-aside-still-raises",
        "Tallyo Pay, one of 10 startups picked by Norden Ventures, raised $5 million in May.",
        [{"type": "funding_round", "organization": "Tallyo Pay", "details": {"amount": 5000000}}],
    ),
    Case(
        "first-and-next-round-of-money-stay-apart",
        "Rival app Vidora has grabbed around $3 million so far.\n\n"
        "The first round of Rs 3 crore was announced by the company last month. "
        "A trade site reported their next round of around $1-2 million from Pell Ventures and other investors.",
        [
            {"type": "funding_round", "organization": "Vidora", "details": {"amount": 30000000}},
            {
                "type": "funding_round",
                "organization": "Vidora",
                "details": {"amount": None, "currency": "USD", "lead_investors": []},
            },
        ],
        exact=False,
    ),
    Case(
        "company-with-which-clause-raises",
        "Pebblepay, which makes payroll software, raised $12 million in seed funding from Norden Ventures.",
        [
            {
                "type": "funding_round",
                "organization": "Pebblepay",
                "details": {"amount": 12000000, "round": "seed", "lead_investors": ["Norden Ventures"]},
            }
        ],
    ),
    Case(
        "investor-led-the-round-in-company",
        "Norden Capital led the $30 million Series B round in Pebblepay.",
        [
            {
                "type": "funding_round",
                "organization": "Pebblepay",
                "details": {"amount": 30000000, "round": "Series B", "lead_investors": ["Norden Capital"]},
            }
        ],
    ),
    Case(
        "partner-who-led-the-investment-is-background",
        "Tessa Marlowe, who led the investment in Kinetica Labs, has left Oakfield Ventures.",
        [{"type": "departure", "person": "Tessa Marlowe"}],
    ),
    Case(
        "founders-in-an-aside-do-not-raise",
        "Payroll firm Pebblepay has hired 20 engineers.\n\nThe startup, founded in 2019 by Jane Doe and "
        "Tom Berg, raised $8 million last week.",
        [
            {"type": "founding", "person": "Jane Doe", "organization": "Pebblepay", "date": "2019"},
            {"type": "founding", "person": "Tom Berg", "organization": "Pebblepay", "date": "2019"},
            {
                "type": "funding_round",
                "person": None,
                "organization": "Pebblepay",
                "details": {"amount": 8000000},
            },
        ],
    ),
    Case(
        "secured-funding-of-amount",
        "Pebblepay secured funding of $4 million from Norden Capital.",
        [{"type": "funding_round", "organization": "Pebblepay", "details": {"amount": 4000000}}],
    ),
    Case(
        "pre-series-round-name",
        "Singapore-based Kumo has bagged S$5 million in pre-Series A funding.",
        [
            {
                "type": "funding_round",
                "organization": "Kumo",
                "details": {"round": "pre-Series A", "currency": "SGD"},
            }
        ],
    ),
    Case(
        "fund-has-backed-one-brand",
        "Norden Capital has already backed snacking brand Crumbly.",
        [
            {
                "type": "funding_round",
                "organization": "Crumbly",
                "details": {"lead_investors": ["Norden Capital"]},
            }
        ],
    ),
    Case(
        "fund-has-backed-a-portfolio-list-is-background",
        "Norden Capital has backed Crumbly, Tallyo and Vidora over the years.",
        [],
    ),
    Case(
        "backed-prefix-dropped-from-lead",
        "Meditrack has raised $2 million in a round led by NRD Group-backed MedAngels.",
        [
            {
                "type": "funding_round",
                "organization": "Meditrack",
                "details": {"lead_investors": ["MedAngels"]},
            }
        ],
    ),
    Case(
        "iso-currency-code-before-amount",
        "Kumo Pay raised EUR 12 million in a Series A round led by Norden Capital.",
        [
            {
                "type": "funding_round",
                "organization": "Kumo Pay",
                "details": {"amount": 12000000, "currency": "EUR"},
            }
        ],
    ),
    Case(
        "investor-raising-its-own-fund-is-no-round",
        "Norden Capital has raised a $500 million fund to back early-stage startups.",
        [],
    ),
    Case(
        "money-into-a-plant-is-no-round",
        "Acme Foods invested $50 million in a new plant in Ohio.",
        [],
    ),
    Case(
        "valuation-alone-is-no-round",
        "Acme Robotics was acquired by Norden Group for $300 million.",
        [],
    ),
    Case(
        "round-led-by-investor-company-said",
        "The Series A round was led by Norden Capital, Vidora said.",
        [
            {
                "type": "funding_round",
                "organization": "Vidora",
                "details": {"round": "Series A", "lead_investors": ["Norden Capital"]},
            }
        ],
    ),
]

FOUNDINGS = [
    Case(
        "founded-in-year-in-place-by-founders-it-is",
        "Kate Marsh of Harrow Ciders has been named regional entrepreneur of the year.\n\n"
        "Founded in 2011 in Ledbury by Ms Marsh and friends Tom Eade and Ruth Eade, it is now one of the "
        "largest cider makers in the county.",
        [
            {"type": "founding", "person": "Kate Marsh", "organization": "Harrow Ciders", "date": "2011"},
            {"type": "founding", "person": "Tom Eade", "organization": "Harrow Ciders", "date": "2011"},
            {"type": "founding", "person": "Ruth Eade", "organization": "Harrow Ciders", "date": "2011"},
        ],
        exact=False,
    ),
    Case(
        "founder-title-earlier-then-founded-the-company",
        "Marta Lindqvist, founder and chief executive of Fjordline Labs, won the top prize.\n\n"
        "Other winners were named later.\n\n"
        "Ms Lindqvist founded the company 20 years ago and it now sells in 40 countries.",
        [
            {
                "type": "founding",
                "person": "Marta Lindqvist",
                "organization": "Fjordline Labs",
                "date": "2005",
            },
        ],
        exact=False,
    ),
    Case(
        "the-based-company-which-was-co-founded-by",
        "The prize went to Dr Ivo Brandt, co-founder of the Cellvane company. The Leipzig-based company, "
        "which was also co-founded by chemist Lena Roth, develops enzyme therapies.",
        [{"type": "founding", "person": "Lena Roth", "organization": "Cellvane"}],
        exact=False,
    ),
    Case(
        "founded-in-year-opener-the-company",
        "Radiqa, a medical-imaging startup, has raised $3 million in a seed round led by Pell Angels. "
        "Founded in 2019, the company's main product reads chest scans.",
        [
            {
                "type": "funding_round",
                "organization": "Radiqa",
                "details": {"lead_investors": ["Pell Angels"]},
            },
            {"type": "founding", "person": None, "organization": "Radiqa", "date": "2019"},
        ],
    ),
    Case(
        "founded-in-year-opener-named-company",
        "Founded in 2016, Quillmark sells refillable pens.",
        [{"type": "founding", "person": None, "organization": "Quillmark", "date": "2016"}],
    ),
    Case(
        "past-founding-and-future-new-venture-stay-apart",
        "Omar Haddad sold Brightcart, which he had founded, in 2019. Haddad will leave the group in June, "
        "after which he is expected to be beginning his new venture.",
        [
            {"type": "founding", "person": "Omar Haddad", "organization": "Brightcart"},
            {"type": "founding", "person": "Omar Haddad", "organization": None},
        ],
        exact=False,
    ),
    Case(
        "vacancy-created-by-a-departure-is-no-founding",
        "Acme Foods named Lena Park finance chief, to fill the position created by the departure of Omar Reyes.",
        [
            {"type": "appointment", "person": "Lena Park", "organization": "Acme Foods"},
            # The vacancy states his departure (a completed one), never a founding.
            {"type": "departure", "person": "Omar Reyes", "organization": "Acme Foods"},
        ],
    ),
    Case(
        "founded-opener-of-a-museum-is-no-company-founding",
        "Acme Robotics makes drones. Founded in 1998, the museum attracts many visitors.",
        [],
    ),
    Case(
        "launched-opener-of-an-app-is-no-company-founding",
        "Acme Robotics makes drones. Launched in 2019, the app has two million users.",
        [],
    ),
    Case(
        "it-was-founded-by-after-a-company-sentence",
        "Payroll firm Pebblepay has hired 20 engineers. It was founded in 2012 by Jane Doe and Tom Berg.",
        [
            {"type": "founding", "person": "Jane Doe", "organization": "Pebblepay", "date": "2012"},
            {"type": "founding", "person": "Tom Berg", "organization": "Pebblepay", "date": "2012"},
        ],
    ),
    Case(
        "founded-by-founder-in-year-then-it",
        "Payroll firm Pebblepay has hired 20 engineers. Founded by Jane Doe in 2012, it now employs 80 people.",
        [{"type": "founding", "person": "Jane Doe", "organization": "Pebblepay", "date": "2012"}],
    ),
    Case(
        "it-was-founded-after-a-prize-sentence-is-no-company",
        "Jane Doe won the Harbour Prize for poetry. It was founded in 1990 by Tom Berg.",
        [{"type": "award", "person": "Jane Doe"}],
    ),
    Case(
        "founded-in-year-in-town-country-by",
        "Harrow Cider Company was founded in 2011 in Ledbury, England, by Kate Marsh.",
        [
            {
                "type": "founding",
                "person": "Kate Marsh",
                "organization": "Harrow Cider Company",
                "date": "2011",
            }
        ],
    ),
    Case(
        "opening-word-with-founded-aside-is-the-company",
        "Quillmark, founded in 2016 by Nadia Holm, sells refillable pens.",
        [{"type": "founding", "person": "Nadia Holm", "organization": "Quillmark", "date": "2016"}],
    ),
]


@pytest.mark.parametrize("case", params(FUNDING + FOUNDINGS))
def test_real_funding_and_founding(case: Case) -> None:
    run_case(case)
