"""A move and the move it was made for, and dates that point either side of publication.

"left in May to join Y" dates both moves; "since 2020, when he succeeded X" dates the succession;
"will be filled from September 1" looks forward; "starting in May" is the nearer May; the object
of "to co-found" is a company and "her classmate" introduces a person. All sentences, people and
companies are invented.
"""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

from tenure.extractors.dates.spans import find_dates, parse_published_at

LATE_FEBRUARY = "2026-02-25T08:00:00+11:00"
LATE_SEPTEMBER = "2026-09-25T09:00:00+00:00"

CASES = [
    Case(
        "left-last-month-to-become-dates-the-new-post",
        "Pellham Foods named Rosa Vint as finance chief. She replaces Anton Brisk, who left last month "
        "to become finance chief at Stonefield Homes.",
        [
            {"type": "departure", "person": "Anton Brisk", "date": "2026-01", "date_precision": "month"},
            {
                "type": "appointment",
                "person": "Anton Brisk",
                "organization": "Stonefield Homes",
                "date": "2026-01",
                "date_precision": "month",
            },
        ],
        published_at=LATE_FEBRUARY,
        exact=False,
    ),
    Case(
        "resigned-in-may-to-join-dates-both",
        "Tom Quarles resigned from Harwick Bank in May to join Orvane Capital as a partner.",
        [
            {"type": "departure", "person": "Tom Quarles", "date": "2025-05", "date_precision": "month"},
            {
                "type": "appointment",
                "person": "Tom Quarles",
                "organization": "Orvane Capital",
                "date": "2025-05",
                "date_precision": "month",
            },
        ],
        published_at=LATE_FEBRUARY,
        exact=False,
    ),
    Case(
        "left-to-start-a-named-press-is-a-founding",
        "Evan Moss left Quill & Dart at the end of last year to start Greyfin Editions, a small press.",
        [
            {"type": "departure", "person": "Evan Moss", "date": "2025-12", "date_precision": "month"},
            {
                "type": "founding",
                "person": "Evan Moss",
                "organization": "Greyfin Editions",
                "date": "2025-12",
                "date_precision": "month",
            },
        ],
        published_at=LATE_FEBRUARY,
    ),
    Case(
        "left-to-co-found-with-a-classmate-names-both-founders",
        "Mary Wachera left Karoo Capital Bank in 2014 to co-found Tembo Ledger with her classmate "
        "Omondi Rakwachi.",
        [
            {
                "type": "departure",
                "person": "Mary Wachera",
                "organization": "Karoo Capital Bank",
                "date": "2014",
            },
            {"type": "founding", "person": "Mary Wachera", "organization": "Tembo Ledger", "date": "2014"},
            {"type": "founding", "person": "Omondi Rakwachi", "organization": "Tembo Ledger", "date": "2014"},
        ],
        published_at=LATE_SEPTEMBER,
    ),
    Case(
        "who-co-founded-a-described-company-with-a-given-name-first-word",
        "Raffa Monte, who co-founded Sydney payroll software company Ferris Lane in 2016, has stepped "
        "down as its chief technology officer to start a new business.",
        [
            {"type": "founding", "person": "Raffa Monte", "organization": "Ferris Lane", "date": "2016"},
            {"type": "departure", "person": "Raffa Monte", "organization": "Ferris Lane", "date": None},
            {"type": "founding", "person": "Raffa Monte", "organization": None, "date": None},
        ],
        published_at=LATE_SEPTEMBER,
    ),
    Case(
        "since-a-year-when-he-succeeded-dates-the-succession",
        "Kenji Hayashi has led Kuroda Tools since 2020, when he succeeded Ichiro Kuroda as president.",
        [
            {"type": "appointment", "person": "Kenji Hayashi", "date": "2020", "date_precision": "year"},
            {"type": "departure", "person": "Ichiro Kuroda", "date": "2020", "date_precision": "year"},
        ],
        published_at=LATE_SEPTEMBER,
        exact=False,
    ),
    Case(
        "he-replaces-x-whose-term-ended-is-one-appointment",
        "Halvard Mutual named Dorian Acker chairman earlier this month. He replaces Wilma Strode, whose "
        "term ended in August.",
        [
            {
                "type": "appointment",
                "person": "Dorian Acker",
                "date": "2026-09",
                "details": {"predecessor": "Wilma Strode"},
            },
            {"type": "departure", "person": "Wilma Strode", "date": "2026-08", "date_precision": "month"},
        ],
        published_at=LATE_SEPTEMBER,
    ),
    Case(
        "the-title-a-who-was-appointed-clause-restricts-is-the-role",
        "Acme's officers include David Leaver, the chief operating officer who was hired on June 1.",
        [
            {
                "type": "appointment",
                "person": "David Leaver",
                "role": "chief operating officer",
                "date": "2026-06-01",
            }
        ],
        published_at="2026-06-07T09:00:00-04:00",
    ),
    Case(
        "a-job-filled-from-a-day-looks-forward",
        "Yarrow Group said Dan Okoro would become chief executive. His job as chief operating officer "
        "will be filled from September 1 by Priya Sloane, who runs the group's wine business.",
        [{"type": "appointment", "person": "Priya Sloane", "date": "2026-09-01", "date_precision": "day"}],
        published_at=LATE_FEBRUARY,
        exact=False,
    ),
    Case(
        "starting-in-a-month-is-the-nearer-one",
        "Yarrow Group named Joan Ferrier, the former finance director of Barlow Hardware, as its CFO, "
        "starting in May.",
        [{"type": "appointment", "person": "Joan Ferrier", "date": "2026-05", "date_precision": "month"}],
        published_at=LATE_FEBRUARY,
        exact=False,
    ),
]


AWARD_CASES = [
    Case(
        "awarded-jointly-to-two-professors",
        "The Halden Foundation said on Tuesday that its 2026 Halden Prize has been awarded jointly to "
        "Professor Anna Rauten of Delmont Institute and Professor Tomas Wieg of Vistra University.",
        [
            {"type": "award", "person": "Anna Rauten", "organization": "Delmont Institute"},
            {"type": "award", "person": "Tomas Wieg", "organization": "Vistra University"},
        ],
        published_at="2026-02-05T09:00:00+01:00",
    ),
    Case(
        "the-prize-went-last-year-to",
        "First awarded in 1998, the Halden Prize went last year to Japanese chemist Hiro Tsukada for "
        "his work on crystals.",
        [
            {
                "type": "award",
                "person": "Hiro Tsukada",
                "date": "2025",
                "date_precision": "year",
                "details": {"award": "Halden Prize"},
            }
        ],
        published_at="2026-02-05T09:00:00+01:00",
    ),
]


WINNERS = (
    "Freight Review Awards 2025: the winners\n\n"
    "The winners were announced on Thursday night at a dinner in Rotterdam.\n\n"
    "Logistics Leader of the Year\n"
    "Winner: Marit Oosten, Chief Operating Officer, Velden Freight Group\n"
    "Also shortlisted: Jonas Reiner, Managing Director, Reiner Transport\n\n"
    "Rising Star (under 35)\n"
    "Winner: Femke Dijkstra, Warehouse Operations Manager, Noordhaven Distribution\n\n"
    "Team of the Year\n"
    "Winner: Cross-dock team, Brouwer Logistics, Venlo\n"
)
AWARD_CASES += [
    Case(
        "a-winners-list-under-category-headings",
        WINNERS,
        [
            {
                "type": "award",
                "person": "Marit Oosten",
                "organization": "Velden Freight Group",
                "date": "2025-11-20",
                "details": {"award": "Logistics Leader of the Year"},
            },
            {
                "type": "award",
                "person": "Femke Dijkstra",
                "organization": "Noordhaven Distribution",
                "date": "2025-11-20",
                "details": {"award": "Rising Star (under 35)"},
            },
        ],
        published_at="2025-11-21T10:00:00+01:00",
    ),
]

AWARD_CASES += [
    Case(
        "an-honours-list-entry-under-its-order",
        "Australia Day Honours: the business names\n\n"
        "OFFICER OF THE ORDER OF AUSTRALIA (AO)\n\n"
        "Winston Tjandi — for distinguished service to the transport and logistics industry.\n\n"
        "Mr Tjandi founded Outback Haulage in 1987.",
        [
            {
                "type": "award",
                "person": "Winston Tjandi",
                "date": "2026",
                "details": {"award": "OFFICER OF THE ORDER OF AUSTRALIA (AO)"},
            }
        ],
        published_at="2026-01-26T00:01:00+11:00",
        exact=False,
    ),
    Case(
        "a-bulleted-winners-list-with-two-names-and-titles",
        "Awards night in Johannesburg\n\nThe full list of winners:\n\n"
        "- Young Entrepreneur of the Year: Lwazi Nkosa and Chantal Bothma, Ilanga Solar\n"
        "- Woman in Finance: Naledi Khumba, chief financial officer, Ubuntu Assurance\n"
        "- Company of the Year: Umhlaba Agri Holdings\n\n"
        "Picture: Naoise Cullen Photography",
        [
            {"type": "award", "person": "Lwazi Nkosa", "organization": "Ilanga Solar"},
            {"type": "award", "person": "Chantal Bothma", "organization": "Ilanga Solar"},
            {
                "type": "award",
                "person": "Naledi Khumba",
                "organization": "Ubuntu Assurance",
                "details": {"award": "Woman in Finance"},
            },
        ],
        published_at="2025-11-21T08:30:00+02:00",
    ),
]

AWARD_CASES += [
    Case(
        "appointed-a-member-of-an-order-is-an-honour-not-a-post",
        "Mine-safety engineer Warrick Holling, the former chief executive of the Pilbara Safety "
        "Institute, was appointed a Member of the Order of Australia (AM) for service to mining.",
        [{"type": "award", "person": "Warrick Holling"}],
        published_at="2026-01-25T20:00:00+11:00",
    ),
    Case(
        "an-honours-item-with-post-nominal-letters",
        "Australia Day Honours\n\n"
        "- Francesca Ambrose, founder of Brisbane social enterprise Second Shift Cafés, OAM, for service "
        "to the community.",
        [
            {
                "type": "award",
                "person": "Francesca Ambrose",
                "organization": "Second Shift Cafés",
                "details": {"award": "OAM"},
            }
        ],
        published_at="2026-01-25T20:00:00+11:00",
    ),
]

AWARD_CASES += [
    Case(
        "a-company-named-business-of-the-year-appoints-no-one",
        "Cladagh Sea Foods, which siblings Clodagh and Tadhg Conroy set up in Spiddal in 2017, was named "
        "Business of the Year.",
        [
            {
                "type": "founding",
                "person": "Tadhg Conroy",
                "organization": "Cladagh Sea Foods",
                "date": "2017",
            },
        ],
        published_at="2025-11-14T09:00:00+00:00",
    ),
]

AWARD_CASES += [
    Case(
        "an-honours-entry-with-a-home-town-and-the-company-told-next",
        "King's Birthday Honours 2025\n\nMembers of the New Zealand Order of Merit (MNZM)\n\n"
        "Helen Whitby, of Te Puke – for services to horticulture and exporting\n\n"
        "Whitby founded Pikirangi Growers in 1987 on leased land.",
        [
            {
                "type": "award",
                "person": "Helen Whitby",
                "organization": "Pikirangi Growers",
                "date": "2025",
                "date_precision": "year",
            },
        ],
        published_at="2025-06-02T06:00:00+12:00",
        exact=False,
    ),
    Case(
        "an-award-given-by-a-body-names-the-body",
        "Eoghan Tuohy was voted manager of the year by the Irish Football Writers Association in 2024.",
        # The recogniser reads "Irish" as a place word before the body's name.
        [{"type": "award", "person": "Eoghan Tuohy", "organization": "Football Writers Association"}],
        published_at="2025-12-01T09:00:00+00:00",
    ),
]

HONOURS = (
    "Business names lead the New Year list\n\n"
    "Rupert Ashby, who has chaired FTSE 250-listed Calder Brandt for seven years, is knighted for "
    "services to industry. Idris Penn, who started Kernow Pasties from a single van in 1997, is "
    "appointed CBE for services to business. Cerys Bowen, owner of Abercairn Marine, a boatyard in "
    "Pembrokeshire, receives an MBE. Sir Lionel Fair, the retailer who received his own knighthood "
    "in 2014, welcomed the list."
)
AWARD_CASES += [
    Case(
        "an-honours-list-names-each-recipients-company-and-its-year",
        HONOURS,
        [
            {"type": "award", "person": "Rupert Ashby", "organization": "Calder Brandt", "date": "2025"},
            {"type": "award", "person": "Idris Penn", "organization": "Kernow Pasties", "date": "2025"},
            {"type": "founding", "person": "Idris Penn", "organization": "Kernow Pasties", "date": "1997"},
            {"type": "award", "person": "Cerys Bowen", "organization": "Abercairn Marine", "date": "2025"},
        ],
        published_at="2025-12-30T22:30:00+00:00",
        exact=False,
    ),
    Case(
        "a-function-after-a-title-is-no-company",
        "On August 19, 2025, the Board of Lanmark Therapeutics, Inc. appointed Desmond Achter, the "
        "Company's Vice President, Finance and Corporate Controller, to serve as interim Chief Financial "
        "Officer.",
        [{"type": "appointment", "person": "Desmond Achter", "organization": "Lanmark Therapeutics"}],
        published_at="2025-08-21T16:05:00-04:00",
    ),
]


COMPANY_CASES = [
    Case(
        "a-headline-opening-with-the-company-counts-for-it",
        "Kestrel Spinmills elevates COO Rana Ghosh as CEO; Amit Bose moves to board role\n"
        "Fibre arm raises Rs 300 crore from Tarang Growth Partners\n\n"
        "Yarn maker Kestrel Spinmills Ltd on Tuesday said its board has appointed Rana Ghosh as chief "
        "executive officer with effect from June 1. She will succeed Amit Bose, who will complete his "
        "term on May 31. Ghosh joined Kestrel Spinmills in 2012. Kestrel Spinmills said the fibre arm "
        "would use the money for a new plant.",
        [
            {
                "type": "appointment",
                "person": "Rana Ghosh",
                "organization": "Kestrel Spinmills Ltd",
                "role": "chief executive officer",
            }
        ],
        published_at="2026-04-08T09:00:00+05:30",
        exact=False,
    ),
    Case(
        "while-another-company-raised-money-the-round-is-its",
        "Harlow Capital marked the first close of its $200 million fund, while Dectra raised $4 million "
        "for its diagnostics software.",
        [{"type": "funding_round", "organization": "Dectra", "details": {"amount": 4000000}}],
        published_at="2025-09-05T18:00:00+05:30",
        exact=False,
    ),
]


COMPANY_CASES += [
    Case(
        "a-football-club-is-a-company-not-a-person",
        "Marram Bay United have sacked head coach Gavin Rusk after seven matches without a win. The club "
        "said Rusk left on Monday.",
        [{"type": "departure", "person": "Gavin Rusk", "organization": "Marram Bay United"}],
        published_at="2026-02-04T18:30:00+11:00",
        exact=False,
    ),
    Case(
        "a-charity-short-name-is-the-charity",
        "Harbor Lantern's longtime leader to step down\n\nGwen Afolabi, the executive director of the "
        "Harbor Lantern Literacy Project, will leave the organization in November, its board said "
        "Friday. Harbor Lantern was founded in 2008 by two teachers, Edna Strom and Rosa Pike.",
        [
            {
                "type": "departure",
                "person": "Gwen Afolabi",
                "organization": "Harbor Lantern Literacy Project",
            },
            {"type": "founding", "person": "Edna Strom", "date": "2008"},
            {"type": "founding", "person": "Rosa Pike", "date": "2008"},
        ],
        published_at="2025-09-12T10:00:00-07:00",
        exact=False,
    ),
    Case(
        "a-founder-named-like-his-company-stays-a-person",
        "Charles Schwab Corp said on Monday that Charles Schwab would step down as chairman in June.",
        [{"type": "departure", "person": "Charles Schwab", "role": "chairman"}],
        published_at="2026-03-03T09:00:00-05:00",
        exact=False,
    ),
]


PEOPLE_CASES = [
    Case(
        "a-pronoun-chain-keeps-its-subject-and-the-formal-name-wins",
        "Bernie Kettle clocks off\n\n"
        "Bernard Kettle's last day as chief executive of Karamea Steel was Friday. Kettle joined Karamea "
        "Steel in 1984. He came back in 2005 as general manager of the mill, lured home by the then "
        "chief executive, Ngaire Holloway. He became chief operating officer in 2011.",
        [
            {"type": "appointment", "person": "Bernard Kettle", "date": "2005"},
            {
                "type": "appointment",
                "person": "Bernard Kettle",
                "date": "2011",
                "role": "chief operating officer",
            },
        ],
        published_at="2025-12-20T06:00:00+13:00",
        exact=False,
    ),
]


PEOPLE_CASES += [
    Case(
        "a-unit-that-has-reported-to-someone-is-the-old-line",
        "Sablehurst's clinical operations functions, which have reported to chief operating officer "
        "Priscilla Naidu, will report to Dr. Marguerite Oster.",
        [{"type": "reporting_change", "person": None, "details": {"to_manager": "Marguerite Oster"}}],
        published_at="2025-09-09T09:00:00-04:00",
    ),
]


@pytest.mark.parametrize("case", params(PEOPLE_CASES))
def test_people_case(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(COMPANY_CASES))
def test_company_case(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(AWARD_CASES))
def test_award_case(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(CASES))
def test_case(case: Case) -> None:
    run_case(case)


NEAREST_OR_AHEAD = [
    ("She will take over from September 1.", LATE_FEBRUARY, "2026-09-01"),
    ("He stepped down effective September 1.", LATE_FEBRUARY, "2025-09-01"),
    ("She becomes CFO, effective in March.", LATE_SEPTEMBER, "2027-03"),
    ("He was named CFO, effective in May.", LATE_SEPTEMBER, "2026-05"),
    ("She joined in May.", LATE_FEBRUARY, "2025-05"),
]


@pytest.mark.parametrize(("sentence", "published_at", "expected"), NEAREST_OR_AHEAD,
                         ids=[s for s, _, _ in NEAREST_OR_AHEAD])  # fmt: skip
def test_effective_dates_resolve_to_the_nearer_or_the_forward_occurrence(
    sentence: str, published_at: str, expected: str
) -> None:
    found = [m.date for m in find_dates(sentence, parse_published_at(published_at))]
    assert found == [expected]
