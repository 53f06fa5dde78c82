"""Whole articles in our own words (fictional companies): every event an analyst would want, no more.

Each article mixes several event types, short-name and pronoun references, relative clauses that
mention other companies, and sentences that must give nothing (hedges, commentary).
"""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

PARCEL = (
    "Fintech lender Parcel Bank names new CEO as founder steps aside\n"
    "\n"
    "LONDON, June 3 (Wire) - Parcel Bank said on Monday that co-founder and chief executive Imogen Hart will step down at the end of the month and be replaced by Rafael Quintero, currently the bank's chief operating officer.\n"
    "\n"
    "Quintero, 47, joined Parcel in 2019 from Castell Group, where he ran the retail lending business. He will take over as CEO on July 1, the company said in a statement.\n"
    "\n"
    'Hart, who founded the bank in 2014 with Samir Qureshi, will remain on the board as a non-executive director. "It has been a privilege," she said.\n'
    "\n"
    "The lender raised £150 million in a Series D round led by Granite Peak Partners last year, valuing it at £1.2 billion.\n"
    "\n"
    "Separately, Parcel said its chief risk officer, Beatrice Lowe, had resigned to join rival Monzel.\n"
    "\n"
    "Analysts said the leadership change could unsettle investors if growth slows.\n"
)

AXION = (
    "Robotics startup Axion hires former Tesvo engineering chief\n"
    "\n"
    "By Staff Writer\n"
    "\n"
    "Axion Robotics, the warehouse-automation startup backed by Ridgeline Ventures, has hired Dmitri Volkov as its chief technology officer, the company announced Thursday.\n"
    "\n"
    "Volkov previously spent eight years at Tesvo, where he led the autonomy team until he left in March. He will report to Axion co-founder and CEO Hannah Lee.\n"
    "\n"
    "Axion, founded in 2020 by Lee and Marcus Webb, closed a $65 million Series B last month. The round was led by Ridgeline Ventures, with participation from Northfold Capital.\n"
    "\n"
    "Webb stepped down as president in January to focus on research and now serves as chief scientist.\n"
    "\n"
    "The company did not say whether it plans further hires.\n"
)

LINDELL = (
    "Chemist Ana Ruiz wins 2025 Lindell Prize\n"
    "\n"
    "Ana Ruiz, a professor at Coastal State University, has won the 2025 Lindell Prize for her work on battery materials, the Lindell Foundation said on Wednesday.\n"
    "\n"
    "Ruiz shares the prize with Tomasz Wojcik of the Baltic Institute of Technology. The two will split the award of $500,000.\n"
    "\n"
    "Last year's prize went to Oluwaseun Adeyemi for research on solar cells.\n"
    "\n"
    "Ruiz said she had no plans to leave Coastal State.\n"
)

OAKRIDGE = (
    "Oakridge Pharmaceuticals Announces Leadership Transition\n"
    "\n"
    "BOSTON, Feb. 10, 2025 /PRNewswire/ -- Oakridge Pharmaceuticals, Inc. (NASDAQ: OAKP) today announced that its Board of Directors has appointed Dr. Miriam Feld as President and Chief Executive Officer, effective March 1, 2025. Dr. Feld succeeds Gregory Tan, who is retiring after 12 years with the company.\n"
    "\n"
    "Dr. Feld most recently served as Chief Medical Officer of Halvorsen Bio. Prior to that, she held senior roles at Ardent Therapeutics.\n"
    "\n"
    '"I am honored to lead Oakridge," said Dr. Feld.\n'
    "\n"
    "The Board also elected Thomas Greer, a former Halvorsen executive, as an independent director.\n"
)

VANTAGE = (
    "Cloud firm Vantage pulls plug on CEO after three months\n"
    "\n"
    "Vantage Cloud has ousted chief executive Kevin Marsh just three months into the job, two people familiar with the matter told the Herald on Friday.\n"
    "\n"
    "Marsh, who joined from Sable Networks in November, clashed with the board over spending, the people said. Chief financial officer Aisha Bello will run the company on an interim basis while the board searches for a permanent replacement.\n"
    "\n"
    "Vantage declined to comment. Marsh did not respond to requests for comment.\n"
    "\n"
    "The upheaval follows the departure last year of founder Leo Park, who left to start a venture fund.\n"
    "\n"
    "Vantage raised $200 million at a $3 billion valuation in 2023.\n"
)

ROUNDUP = (
    "Who's moving: five executive changes this week\n"
    "\n"
    "1. Grace Hollis joins Pemberton Insurance as chief marketing officer. She previously led marketing at Caldwell Mutual.\n"
    "\n"
    "2. Arjun Mehta has been promoted to chief operating officer at Lyra Logistics, replacing Paul Okafor, who retired.\n"
    "\n"
    "3. Sofia Brandt left Kessler Media after a decade. Her next move was not disclosed.\n"
    "\n"
    "4. Nordlys Energy named Erik Halvorsen chairman.\n"
    "\n"
    "5. Mei Tanaka, co-founder of Sakura Labs, is stepping down as CEO but will remain chief scientist.\n"
)

MERIDIAN = (
    "Meridian Health shakes up leadership as CFO exits\n"
    "\n"
    "Meridian Health Inc. said Thursday that Chief Financial Officer Laura Chen would leave the hospital operator on March 31 to pursue other opportunities.\n"
    "\n"
    "The company named Derek Osei, its treasurer, to succeed her. Osei, 44, joined Meridian in 2016 from Bayfield Capital.\n"
    "\n"
    "Meridian also said Jonathan Price, president of its outpatient division, had been promoted to chief operating officer, a post that had been vacant since Angela Ruiz retired in October.\n"
    "\n"
    "Shares of Meridian fell 3% after the announcement. Analysts at Corbin & Hale said they did not expect the changes to affect the company's guidance.\n"
    "\n"
    'Chief Executive Robert Tully, who has led Meridian since 2018, said in a statement that Chen "leaves the company in excellent financial shape."\n'
    "\n"
    "Chen joined Meridian in 2012 after a decade at Ernst & Young.\n"
)

HELIO = (
    "Solar startup Helio raises €40 million\n"
    "\n"
    "Paris-based Helio, which makes perovskite solar panels, has raised €40 million in a Series A funding round led by Atlas Partners and Nordic Climate Fund, the company said on Wednesday.\n"
    "\n"
    "The round values Helio at about €250 million, according to a person familiar with the matter.\n"
    "\n"
    "Helio was co-founded in 2021 by physicist Claire Dubois and engineer Yusuf Demir, who previously worked together at the French national energy lab.\n"
    "\n"
    "Dubois, Helio's chief executive, said the money would fund a pilot factory near Lyon. The company plans to hire 80 people next year.\n"
    "\n"
    "Helio had previously raised €6 million in seed funding from angel investors.\n"
    "\n"
    "The startup is not the only European solar company attracting investors: rival Sunvale closed a $30 million round last month.\n"
)

ARCADIA_HTML = (
    "<!DOCTYPE html>\n"
    "<html><head><title>Arcadia Games names new studio head | GameWire</title>\n"
    '<meta property="article:published_time" content="2024-05-02T09:00:00Z"></head>\n'
    "<body>\n"
    '<header><nav><a href="/">Home</a> <a href="/jobs">Jobs</a> Subscribe to GameWire</nav></header>\n'
    "<main><article>\n"
    "<h1>Arcadia Games names new studio head</h1>\n"
    '<p class="byline">By Sam Reed, May 2, 2024</p>\n'
    "<p>Arcadia Games has appointed <strong>Nora Lindahl</strong> as head of its Stockholm studio, the publisher said on Wednesday.</p>\n"
    '<p>Lindahl replaces <a href="/people/ola-berg">Ola Berg</a>, who left Arcadia in March to start his own studio.</p>\n'
    "<p>Lindahl previously ran production at Frostbyte Interactive for seven years.</p>\n"
    "</article></main>\n"
    "<aside>Related: Arcadia denies reports that its CEO will step down</aside>\n"
    "<footer>© 2024 GameWire. All rights reserved.</footer>\n"
    "</body></html>\n"
)

LEDGERLY = (
    "Fintech startup Ledgerly lands $35M to automate bookkeeping for small businesses\n"
    "\n"
    "Ledgerly, a New York-based startup that uses AI to automate bookkeeping, has raised $35 million in a Series B funding round, the company told TechPulse exclusively.\n"
    "\n"
    "The round was led by Foxglove Capital, with participation from existing investors Birch Ventures and Quay Partners. The new funding brings Ledgerly's total raised to $52 million.\n"
    "\n"
    "Ledgerly was founded in 2020 by CEO Amara Okonkwo and CTO Felix Brandt, who met while working at payments company Stripeline.\n"
    "\n"
    '"Small businesses spend hours every week on bookkeeping," Okonkwo told TechPulse. "We want to make that zero."\n'
    "\n"
    "The company declined to disclose its valuation, but a source familiar with the deal said it was valued at around $300 million.\n"
    "\n"
    "Ledgerly plans to use the funding to double its 60-person team and expand into Canada.\n"
)

KEPLER = (
    "Three scientists share Kepler Prize for work on quantum sensors\n"
    "\n"
    "STOCKHOLM (Newswire) — Physicists Helena Varga, Marco Bellini and Sun-hee Park won the Kepler Prize on Thursday for developing sensors that can detect tiny changes in gravity.\n"
    "\n"
    "The prize committee said the trio's work \"opened a new window onto the Earth's interior.\"\n"
    "\n"
    "Varga, 58, is a professor at Lund Technical University. Bellini works at the Turin Institute of Physics, and Park leads a lab at Seoul National University.\n"
    "\n"
    "Last year's prize was awarded to British chemist Oliver Grant.\n"
    "\n"
    "The prize, worth 5 million kronor, will be presented at a ceremony in December.\n"
)

ARTICLES = [
    Case(
        "wire-story-succession-funding-and-poaching",
        PARCEL,
        [
            {
                "type": "appointment",
                "person": "Rafael Quintero",
                "organization": "Parcel Bank",
                "role": "chief executive",
                "date": "2025-07-01",
                "details": {"predecessor": "Imogen Hart"},
            },
            {
                "type": "departure",
                "person": "Imogen Hart",
                "organization": "Parcel Bank",
                "details": {"status": "announced", "successor": "Rafael Quintero"},
            },
            {
                "type": "appointment",
                "person": "Rafael Quintero",
                "organization": "Parcel Bank",
                "date": "2019",
            },
            # "joined Parcel from Castell Group": he left Castell Group (real-news gold counts this).
            {
                "type": "departure",
                "person": "Rafael Quintero",
                "organization": "Castell Group",
                "details": {"status": "completed", "destination": "Parcel"},
            },
            {"type": "founding", "person": "Imogen Hart", "organization": "Parcel Bank", "date": "2014"},
            {"type": "founding", "person": "Samir Qureshi", "organization": "Parcel Bank", "date": "2014"},
            {
                "type": "funding_round",
                "organization": "Parcel Bank",  # "The lender" after "Fintech lender Parcel Bank"
                "date": "2024",
                "details": {
                    "amount": 150000000,
                    "currency": "GBP",
                    "round": "Series D",
                    "lead_investors": ["Granite Peak Partners"],
                    "valuation": 1200000000,
                },
            },
            {
                "type": "departure",
                "person": "Beatrice Lowe",
                "organization": "Parcel Bank",
                "role": "chief risk officer",
                "details": {"destination": "Monzel"},
            },
            {"type": "appointment", "person": "Beatrice Lowe", "organization": "Monzel"},
        ],
        published_at="2025-06-05",
        group="articles",
    ),
    Case(
        "startup-hire-with-relative-clauses",
        AXION,
        [
            {
                "type": "appointment",
                "person": "Dmitri Volkov",
                "organization": "Axion Robotics",
                "role": "chief technology officer",
                "date": "2025-06-05",
            },
            {"type": "departure", "person": "Dmitri Volkov", "organization": "Tesvo", "date": "2025-03"},
            {"type": "reporting_change", "person": "Dmitri Volkov", "details": {"to_manager": "Hannah Lee"}},
            {"type": "founding", "person": "Hannah Lee", "organization": "Axion", "date": "2020"},
            {"type": "founding", "person": "Marcus Webb", "organization": "Axion", "date": "2020"},
            {
                "type": "funding_round",
                "organization": "Axion",
                "date": "2025-05",
                "details": {"amount": 65000000, "round": "Series B"},
            },
            {
                "type": "departure",
                "person": "Marcus Webb",
                "organization": "Axion Robotics",
                "role": "president",
                "date": "2025-01",
            },
        ],
        published_at="2025-06-05",
        group="articles",
    ),
    Case(
        "prize-story-with-shared-prize-and-last-year",
        LINDELL,
        [
            {
                "type": "award",
                "person": "Ana Ruiz",
                "organization": "Coastal State University",
                "date": "2025-06-04",
                "details": {"award": "Lindell Prize", "co_recipients": ["Tomasz Wojcik"]},
            },
            {"type": "award", "person": "Tomasz Wojcik", "details": {"award": "Lindell Prize"}},
            {"type": "award", "person": "Oluwaseun Adeyemi", "date": "2024", "date_precision": "year"},
        ],
        published_at="2025-06-05",
        group="articles",
    ),
    Case(
        "press-release-with-ticker-and-effective-date",
        OAKRIDGE,
        [
            {
                "type": "appointment",
                "person": "Miriam Feld",
                "role": "President and Chief Executive Officer",
                "date": "2025-03-01",
                "details": {"predecessor": "Gregory Tan"},
            },
            {"type": "departure", "person": "Gregory Tan", "details": {"successor": "Miriam Feld"}},
            {"type": "appointment", "person": "Thomas Greer", "role": "independent director"},
        ],
        published_at="2025-02-14",
        group="articles",
    ),
    Case(
        "ouster-reported-by-a-newspaper",
        VANTAGE,
        [
            {
                "type": "departure",
                "person": "Kevin Marsh",
                "organization": "Vantage Cloud",
                "role": "chief executive",
                "details": {"status": "reported"},
            },
            {"type": "appointment", "person": "Kevin Marsh", "organization": "Vantage", "date": "2024-11"},
            {
                "type": "departure",
                "person": "Kevin Marsh",
                "organization": "Sable Networks",
                "date": "2024-11",
            },
            {"type": "appointment", "person": "Aisha Bello", "organization": "Vantage"},
            {"type": "departure", "person": "Leo Park", "organization": "Vantage", "date": "2024"},
            {"type": "founding", "person": "Leo Park", "organization": None},
            {
                "type": "funding_round",
                "organization": "Vantage",
                "date": "2023",
                "details": {"amount": 200000000, "valuation": 3000000000},
            },
        ],
        published_at="2025-02-14",
        group="articles",
    ),
    Case(
        "numbered-roundup-of-moves",
        ROUNDUP,
        [
            {
                "type": "appointment",
                "person": "Grace Hollis",
                "organization": "Pemberton Insurance",
                "role": "chief marketing officer",
            },
            {
                "type": "appointment",
                "person": "Arjun Mehta",
                "organization": "Lyra Logistics",
                "role": "chief operating officer",
                "details": {"predecessor": "Paul Okafor"},
            },
            {
                "type": "departure",
                "person": "Paul Okafor",
                "organization": "Lyra Logistics",
                "details": {"successor": "Arjun Mehta"},
            },
            {"type": "departure", "person": "Sofia Brandt", "organization": "Kessler Media"},
            {
                "type": "appointment",
                "person": "Erik Halvorsen",
                "organization": "Nordlys Energy",
                "role": "chairman",
            },
            {
                "type": "departure",
                "person": "Mei Tanaka",
                "organization": "Sakura Labs",
                "role": "CEO",
                "details": {"status": "announced"},
            },
        ],
        published_at="2025-02-14",
        group="articles",
    ),
    Case(
        "cfo-exit-with-pronoun-successor-and-background-joins",
        MERIDIAN,
        [
            {
                "type": "departure",
                "person": "Laura Chen",
                "organization": "Meridian Health Inc",
                "role": "Chief Financial Officer",
                "date": "2024-03-31",
                "details": {"successor": "Derek Osei"},
            },
            {
                "type": "appointment",
                "person": "Derek Osei",
                "role": "Chief Financial Officer",
                "details": {"predecessor": "Laura Chen"},
            },
            {"type": "appointment", "person": "Derek Osei", "date": "2016", "role": None},
            {"type": "departure", "person": "Derek Osei", "organization": "Bayfield Capital", "date": "2016"},
            {"type": "appointment", "person": "Jonathan Price", "role": "chief operating officer"},
            {"type": "departure", "person": "Angela Ruiz", "date": "2023-10"},
            {"type": "appointment", "person": "Laura Chen", "date": "2012"},
        ],
        published_at="2024-05-02",
        group="articles",
    ),
    Case(
        "euro-round-with-valuation-in-the-next-sentence",
        HELIO,
        [
            {
                "type": "funding_round",
                "organization": "Helio",
                "date": "2024-05-01",
                "details": {
                    "amount": 40000000,
                    "currency": "EUR",
                    "round": "Series A",
                    "valuation": 250000000,
                    "lead_investors": ["Atlas Partners", "Nordic Climate Fund"],
                },
            },
            {"type": "founding", "person": "Claire Dubois", "organization": "Helio", "date": "2021"},
            {"type": "founding", "person": "Yusuf Demir", "organization": "Helio", "date": "2021"},
            {
                "type": "funding_round",
                "organization": "Helio",
                "details": {"amount": 6000000, "round": "seed"},
            },
            {
                "type": "funding_round",
                "organization": "Sunvale",
                "date": "2024-04",
                "details": {"amount": 30000000, "currency": "USD"},
            },
        ],
        published_at="2024-05-02",
        group="articles",
    ),
    Case(
        "html-page-with-navigation-and-aside",
        ARCADIA_HTML,
        [
            {
                "type": "appointment",
                "person": "Nora Lindahl",
                "organization": "Arcadia Games",
                "date": "2024-05-01",
                "details": {"predecessor": "Ola Berg"},
            },
            {
                "type": "departure",
                "person": "Ola Berg",
                "organization": "Arcadia Games",
                "date": "2024-03",
                "details": {"successor": "Nora Lindahl"},
            },
        ],
        published_at="2024-05-02",
        fmt="html",
        group="articles",
    ),
    Case(
        "funding-story-with-details-in-later-sentences",
        LEDGERLY,
        [
            {
                "type": "funding_round",
                "organization": "Ledgerly",
                "details": {
                    "amount": 35000000,
                    "round": "Series B",
                    "lead_investors": ["Foxglove Capital"],
                    "valuation": 300000000,
                },
            },
            {"type": "founding", "person": "Amara Okonkwo", "organization": "Ledgerly", "date": "2020"},
            {"type": "founding", "person": "Felix Brandt", "organization": "Ledgerly", "date": "2020"},
        ],
        published_at="2025-10-10",
        group="articles",
    ),
    Case(
        "prize-shared-by-three-with-workplaces",
        KEPLER,
        [
            {
                "type": "award",
                "person": "Helena Varga",
                "organization": "Lund Technical University",
                "date": "2025-10-09",
                "details": {"award": "Kepler Prize", "co_recipients": ["Marco Bellini", "Sun-hee Park"]},
            },
            {"type": "award", "person": "Marco Bellini", "organization": "Turin Institute of Physics"},
            {"type": "award", "person": "Sun-hee Park", "organization": "Seoul National University"},
            {"type": "award", "person": "Oliver Grant", "date": "2024", "date_precision": "year"},
        ],
        published_at="2025-10-10",
        group="articles",
    ),
]


@pytest.mark.parametrize("case", params(ARTICLES))
def test_articles(case: Case) -> None:
    run_case(case)
