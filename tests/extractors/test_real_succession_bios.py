"""Succession pairs, hand-overs, career steps in biographies and reporting lines, as real news
words them. All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

SUCCESSION = [
    Case(
        "promote-to-role-replacing-predecessor-who-moves-up",
        "Norvale Corp will promote Vice President Dana Holm to president, replacing Erik Lund, "
        "who will become chairman.",
        [
            {
                "type": "appointment",
                "person": "Dana Holm",
                "organization": "Norvale Corp",
                "role": "president",
                "details": {"predecessor": "Erik Lund"},
            },
            {
                "type": "departure",
                "person": "Erik Lund",
                "organization": "Norvale Corp",
                "role": "president",
                "details": {"status": "announced", "successor": "Dana Holm"},
            },
            {
                "type": "appointment",
                "person": "Erik Lund",
                "organization": "Norvale Corp",
                "role": "chairman",
            },
        ],
    ),
    Case(
        "board-seat-then-chair-replacing-predecessor",
        "Tamsin Grey was appointed to the Brellow Group board in 2010 and appointed chairman in 2018, "
        "replacing Owen Park.",
        [
            {
                "type": "appointment",
                "person": "Tamsin Grey",
                "organization": "Brellow Group",
                "role": "board member",
                "date": "2010",
            },
            {
                "type": "appointment",
                "person": "Tamsin Grey",
                "organization": "Brellow Group",
                "role": "chairman",
                "date": "2018",
                "details": {"predecessor": "Owen Park"},
            },
            {
                "type": "departure",
                "person": "Owen Park",
                "organization": "Brellow Group",
                "role": "chairman",
                "date": "2018",
                "details": {"status": "completed", "successor": "Tamsin Grey"},
            },
        ],
    ),
    Case(
        "takes-top-job-as-predecessor-steps-down",
        "Brellow Group has announced Mara Quint will take the top job at the retailer as Owen Park steps down.",
        [
            {
                "type": "appointment",
                "person": "Mara Quint",
                "organization": "Brellow Group",
                "role": "chief executive",
                "details": {"predecessor": "Owen Park"},
            },
            {
                "type": "departure",
                "person": "Owen Park",
                "organization": "Brellow Group",
                "details": {"successor": "Mara Quint"},
            },
        ],
    ),
    Case(
        "succeeded-as-title-by",
        "Vellum College said Robin Ames retired in June. He was succeeded as chancellor by Ivo Renn.",
        [
            {
                "type": "departure",
                "person": "Robin Ames",
                "organization": "Vellum College",
                "details": {"status": "completed", "successor": "Ivo Renn"},
            },
            {
                "type": "appointment",
                "person": "Ivo Renn",
                "organization": "Vellum College",
                "role": "chancellor",
                "details": {"predecessor": "Robin Ames"},
            },
        ],
        exact=False,
    ),
    Case(
        "is-replacing-predecessor-who-goes-elsewhere",
        "At Harlow Bank, Ray Lim, its head of payments, is replacing Tom Hale, who will be managing "
        "director at Gulf Trade Bank.",
        [
            {"type": "appointment", "person": "Ray Lim", "organization": "Harlow Bank"},
            {
                "type": "departure",
                "person": "Tom Hale",
                "organization": "Harlow Bank",
                "details": {"status": "announced", "successor": "Ray Lim", "destination": "Gulf Trade Bank"},
            },
            {
                "type": "appointment",
                "person": "Tom Hale",
                "organization": "Gulf Trade Bank",
                "role": "managing director",
            },
        ],
    ),
    Case(
        "role-taken-up-by-someone-else",
        "Brellow Group reshaped its board. John Carter's senior independent director role will be taken "
        "up by Paul Stone.",
        [
            {
                "type": "appointment",
                "person": "Paul Stone",
                "organization": "Brellow Group",
                "role": "senior independent director",
                "details": {"predecessor": "John Carter"},
            },
            {
                "type": "departure",
                "person": "John Carter",
                "organization": "Brellow Group",
                "details": {"successor": "Paul Stone"},
            },
        ],
    ),
    Case(
        "board-votes-to-oust-chairman",
        "The board of Pellam Foods voted on Sunday to oust Owen Park as chairman.",
        [
            {
                "type": "departure",
                "person": "Owen Park",
                "organization": "Pellam Foods",
                "role": "chairman",
                "details": {"status": "completed"},
            }
        ],
    ),
    Case(
        "intends-to-move-to-executive-chair-and-retire-as-ceo",
        "Orvik Group said Chairman and CEO Lena Falk intends to transition to Executive Chair of Orvik "
        "Group and retire as CEO by mid-year.",
        [
            {
                "type": "departure",
                "person": "Lena Falk",
                "organization": "Orvik Group",
                "role": "CEO",
                "details": {"status": "planned"},
            },
        ],
        exact=False,
    ),
    Case(
        "will-report-to-and-is-expected-to-assume-the-role",
        "Orvik Group hired Tomas Berg. Mr. Berg will report to Lena Falk and is expected to assume the "
        "role of chief executive and join the board next year.",
        [
            {
                "type": "appointment",
                "person": "Tomas Berg",
                "organization": "Orvik Group",
                "role": "chief executive",
            },
            {
                "type": "appointment",
                "person": "Tomas Berg",
                "organization": "Orvik Group",
                "role": "board member",
            },
            {"type": "reporting_change", "person": "Tomas Berg", "details": {"to_manager": "Lena Falk"}},
        ],
        exact=False,
    ),
    Case(
        "the-exit-of-two-leaders",
        "Kestrel Bank said the review followed the exit of the bank's then-chief executive Dan Orr and "
        "chair Kim Vale.",
        [
            {"type": "departure", "person": "Dan Orr", "organization": "Kestrel Bank"},
            {"type": "departure", "person": "Kim Vale", "organization": "Kestrel Bank", "role": "chair"},
        ],
    ),
]

BIOS = [
    Case(
        "since-joining-then-becoming-steps-each-dated",
        "Norvale named Dana Holm its next president. Since joining Norvale in 1990, Holm has worked in "
        "sales, becoming director of the company's Oslo office in 2004 and head of Norvale Europe in 2012.",
        [
            {"type": "appointment", "person": "Dana Holm", "organization": "Norvale", "role": "president"},
            {"type": "appointment", "person": "Dana Holm", "organization": "Norvale", "date": "1990"},
            {
                "type": "appointment",
                "person": "Dana Holm",
                "organization": "Norvale",
                "role": "director of the company's Oslo office",
                "date": "2004",
            },
            {
                "type": "appointment",
                "person": "Dana Holm",
                "organization": "Norvale",
                "role": "head of Norvale Europe",
                "date": "2012",
            },
        ],
    ),
    Case(
        "since-assuming-the-presidency",
        "Erik Lund has cut costs at Norvale since assuming Norvale's presidency in 2015.",
        [
            {
                "type": "appointment",
                "person": "Erik Lund",
                "organization": "Norvale",
                "role": "president",
                "date": "2015",
            }
        ],
    ),
    Case(
        "joined-from-a-rival-leaves-the-rival",
        "Mara Quint joined Brellow from Teller Stores in 2019.",
        [
            {"type": "appointment", "person": "Mara Quint", "organization": "Brellow", "date": "2019"},
            {
                "type": "departure",
                "person": "Mara Quint",
                "organization": "Teller Stores",
                "date": "2019",
                "details": {"status": "completed", "destination": "Brellow"},
            },
        ],
    ),
    Case(
        "assumed-a-new-position-as",
        "At Kobalt Pay, Ade Okon assumed a new position as CEO in October.",
        [{"type": "appointment", "person": "Ade Okon", "organization": "Kobalt Pay", "role": "CEO"}],
    ),
    Case(
        "took-the-top-job-after-running-another-firm",
        "Corran Systems has a new leader. Mark Eddy took the top job in May 2021 after running the "
        "European arm of software firm Baxley.",
        [{"type": "appointment", "person": "Mark Eddy", "organization": "Corran Systems"}],
    ),
]

MOVES = [
    Case(
        "moving-from-role-to-new-role-and-joining-board",
        "Colin Ferro is moving from his post as head of sales to group president, joining "
        "the board of Halvard Group.",
        [
            {
                "type": "appointment",
                "person": "Colin Ferro",
                "organization": "Halvard Group",
                "role": "group president",
            },
            {
                "type": "departure",
                "person": "Colin Ferro",
                "organization": "Halvard Group",
                "role": "head of sales",
            },
            {
                "type": "appointment",
                "person": "Colin Ferro",
                "organization": "Halvard Group",
                "role": "board member",
            },
        ],
    ),
    Case(
        "will-also-be-exiting-after-a-relative-clause",
        "Halvard's chief business officer Ankit Rao, who joined Halvard in 2010, will also be exiting "
        "the retailer.",
        [
            {"type": "appointment", "person": "Ankit Rao", "organization": "Halvard", "date": "2010"},
            {
                "type": "departure",
                "person": "Ankit Rao",
                "organization": "Halvard",
                "details": {"status": "announced"},
            },
        ],
    ),
    Case(
        "assumes-predecessors-position",
        "At Halvard Group, Ian Cole will also assume Tom Hale's position of chair of the Retail Council.",
        [
            {
                "type": "appointment",
                "person": "Ian Cole",
                "organization": "Retail Council",
                "role": "chair",
                "details": {"predecessor": "Tom Hale"},
            },
            {
                "type": "departure",
                "person": "Tom Hale",
                "organization": "Retail Council",
                "details": {"successor": "Ian Cole"},
            },
        ],
    ),
    Case(
        "elevation-of-cofounder-as-ceo",
        "Staff welcomed the recent elevation of co-founder Binny Shah as the CEO of Halvard Group.",
        [{"type": "appointment", "person": "Binny Shah", "organization": "Halvard Group", "role": "CEO"}],
    ),
    Case(
        "transition-to-executive-chair-and-retire-as-ceo",
        "Chairman and CEO Lena Falk of Orvik Group intends to transition to Executive Chair of Orvik Group "
        "and retire as CEO by mid-year.",
        [
            {"type": "departure", "person": "Lena Falk", "organization": "Orvik Group", "role": "CEO"},
            {
                "type": "appointment",
                "person": "Lena Falk",
                "organization": "Orvik Group",
                "role": "Executive Chair",
            },
        ],
    ),
    Case(
        "post-and-board-seat-are-two-appointments",
        "Tom Hale of Orvik Group is replacing Ian Cole, who will be managing director and board member at "
        "Gulf Trade Bank.",
        [
            {"type": "appointment", "person": "Tom Hale", "organization": "Orvik Group"},
            {"type": "departure", "person": "Ian Cole", "details": {"destination": "Gulf Trade Bank"}},
            {
                "type": "appointment",
                "person": "Ian Cole",
                "organization": "Gulf Trade Bank",
                "role": "managing director",
            },
            {
                "type": "appointment",
                "person": "Ian Cole",
                "organization": "Gulf Trade Bank",
                "role": "board member",
            },
        ],
    ),
    Case(
        "vice-president-then-president-are-two-appointments",
        "Norvale promoted Dana Holm to president on Monday. She was appointed as vice president in 2018.",
        [
            {"type": "appointment", "person": "Dana Holm", "organization": "Norvale", "role": "president"},
            {
                "type": "appointment",
                "person": "Dana Holm",
                "organization": "Norvale",
                "role": "vice president",
                "date": "2018",
            },
        ],
    ),
]

ROLES = [
    Case(
        "appointing-a-new-title-then-name",
        "Observers noted Kestrel Telecom appointing a new CEO Ravi Mehta last month.",
        [{"type": "appointment", "person": "Ravi Mehta", "organization": "Kestrel Telecom", "role": "CEO"}],
    ),
    Case(
        "successor-takes-the-predecessors-known-title",
        "Ann Booth, Kestrel Bank's chief risk officer, is leaving. She will be replaced by Tom Field, "
        "currently head of retail.",
        [
            {
                "type": "appointment",
                "person": "Tom Field",
                "organization": "Kestrel Bank",
                "role": "chief risk officer",
                "details": {"predecessor": "Ann Booth"},
            },
            {"type": "departure", "person": "Ann Booth", "details": {"successor": "Tom Field"}},
        ],
        exact=False,
    ),
]

ELECT = [
    Case(
        "ceo-elect-now-and-ceo-later-are-two-appointments",
        "Orvik Group said Eric Lane will be joining as President and CEO-elect of Orvik Group on "
        "February 16. Mr. Lane is expected to assume the role of CEO after June 1.",
        [
            {
                "type": "appointment",
                "person": "Eric Lane",
                "organization": "Orvik Group",
                "role": "President and CEO-elect",
            },
            {"type": "appointment", "person": "Eric Lane", "organization": "Orvik Group", "role": "CEO"},
        ],
    ),
    Case(
        "succession-told-twice-is-one-appointment",
        "Kestrel Bank appoints Ravi Mehta to succeed Ann Booth as CEO. Ann Booth, the bank's managing "
        "director, will be replaced by Ravi Mehta in April. Mehta was the right choice to succeed Booth, "
        "the chairman said.",
        [
            {
                "type": "appointment",
                "person": "Ravi Mehta",
                "organization": "Kestrel Bank",
                "details": {"predecessor": "Ann Booth"},
            },
            {"type": "departure", "person": "Ann Booth", "organization": "Kestrel Bank"},
        ],
    ),
]

SUBJECTS = [
    Case(
        "two-people-will-both-leave",
        "As a result, Orvik president Tony Webb and Lara Hayes, president of retail, will both leave the company.",
        [
            {"type": "departure", "person": "Tony Webb", "organization": "Orvik", "role": "president"},
            {"type": "departure", "person": "Lara Hayes", "organization": "Orvik"},
        ],
    ),
    Case(
        "the-n-year-old-is-the-last-sentences-subject",
        "Hugo Nakamura is the chairman of Orvik Group. The 71-year-old will also stand down on June 1 "
        "as head of the Trade Federation.",
        [
            {
                "type": "departure",
                "person": "Hugo Nakamura",
                "organization": "Trade Federation",
                "date": "2025-06-01",
            }
        ],
    ),
]

HANDOVER_ROLES = [
    Case(
        "successor-told-later-takes-the-role-given-up",
        "Colin Ferro is moving from his post as head of sales to group president at Halvard Group. "
        "He will be succeeded by Chris Barr, who now runs sales for engines.",
        [
            {
                "type": "appointment",
                "person": "Chris Barr",
                "organization": "Halvard Group",
                "role": "head of sales",
                "details": {"predecessor": "Colin Ferro"},
            },
        ],
        exact=False,
    ),
    Case(
        "became-part-of-the-company",
        "Ravi Mehta, who runs the fashion unit of Kestrel Retail, had become part of the retailer in 2014 "
        "when he sold his shop, Loomline, to it.",
        [{"type": "appointment", "person": "Ravi Mehta", "organization": "Kestrel Retail", "date": "2014"}],
    ),
]

MORE = [
    Case(
        "final-day-then-successor-takes-over",
        "Ravi Mehta, Kestrel Bank's president, will retire. His final day is Jan. 15, and Ann Booth will "
        "then take over.",
        [
            {
                "type": "departure",
                "person": "Ravi Mehta",
                "organization": "Kestrel Bank",
                "details": {"successor": "Ann Booth"},
            },
            {
                "type": "appointment",
                "person": "Ann Booth",
                "organization": "Kestrel Bank",
                "role": "president",
                "details": {"predecessor": "Ravi Mehta"},
            },
        ],
    ),
    Case(
        "reinstated-as-chief-executive",
        "Kestrel Bank said its founder Ravi Mehta was reinstated as chief executive on Monday.",
        [
            {
                "type": "appointment",
                "person": "Ravi Mehta",
                "organization": "Kestrel Bank",
                "role": "chief executive",
            }
        ],
    ),
    Case(
        "two-people-were-named-to-the-board",
        "Ann Booth and Tom Field were also named to the Kestrel Bank board.",
        [
            {
                "type": "appointment",
                "person": "Ann Booth",
                "organization": "Kestrel Bank",
                "role": "board member",
            },
            {
                "type": "appointment",
                "person": "Tom Field",
                "organization": "Kestrel Bank",
                "role": "board member",
            },
        ],
    ),
]

UNITS = [
    Case(
        "promoted-from-heading-a-division-to-heading-the-group",
        "Norvale Group said Mark Dahl was promoted from his role heading the Saab division to take the "
        "job heading the entire group.",
        [
            {
                "type": "appointment",
                "person": "Mark Dahl",
                "organization": "Norvale Group",
                "role": "head of the entire group",
            },
            {
                "type": "departure",
                "person": "Mark Dahl",
                "organization": "Saab",
                "role": "head of the Saab division",
                "details": {"status": "completed", "destination": "Norvale Group"},
            },
        ],
    ),
    Case(
        "promoted-from-role-as-to-new-title",
        "At Norvale Group, Mark Dahl was promoted from his role as head of sales to chief operating officer.",
        [
            {
                "type": "appointment",
                "person": "Mark Dahl",
                "organization": "Norvale Group",
                "role": "chief operating officer",
            },
            {
                "type": "departure",
                "person": "Mark Dahl",
                "organization": "Norvale Group",
                "role": "head of sales",
                "details": {"status": "completed"},
            },
        ],
    ),
    Case(
        "resigned-from-the-top-job",
        "Erik Lund, who resigned from the top job at Norvale Group in 2015, declined to comment.",
        [
            {
                "type": "departure",
                "person": "Erik Lund",
                "organization": "Norvale Group",
                "role": "chief executive",
            }
        ],
    ),
]

YEARS = [
    Case(
        "joined-then-became-each-with-its-year",
        "Ann Booth joined Kestrel Bank in 2010 and became chief executive in 2015.",
        [
            {
                "type": "appointment",
                "person": "Ann Booth",
                "organization": "Kestrel Bank",
                "role": None,
                "date": "2010",
            },
            {
                "type": "appointment",
                "person": "Ann Booth",
                "organization": "Kestrel Bank",
                "role": "chief executive",
                "date": "2015",
            },
        ],
    ),
]

LINKED = [
    Case(
        "departure-and-next-holder-told-apart-are-one-handover",
        "Corran Energy said its chief executive Paul Stone is stepping down. The board appointed Nina "
        "Hale as the next chief executive. Finance chief Omar Reyes will serve as interim chief executive "
        "until then.",
        [
            {
                "type": "departure",
                "person": "Paul Stone",
                "organization": "Corran Energy",
                "details": {"successor": "Nina Hale"},
            },
            {
                "type": "appointment",
                "person": "Nina Hale",
                "organization": "Corran Energy",
                "details": {"predecessor": "Paul Stone"},
            },
            {
                "type": "appointment",
                "person": "Omar Reyes",
                "organization": "Corran Energy",
                "role": "interim chief executive",
                "details": {"predecessor": "Paul Stone"},
            },
        ],
    ),
    Case(
        "two-newcomers-to-one-role-are-not-linked",
        "Corran Energy said its chairman Paul Stone is stepping down. Its retail arm named Nina Hale "
        "chairman, and its trading arm named Omar Reyes chairman.",
        [
            {
                "type": "departure",
                "person": "Paul Stone",
                "organization": "Corran Energy",
                "details": {"successor": None},
            },
        ],
        exact=False,
    ),
]

REPORTING = [
    Case(
        "unit-heads-report-to-the-ceo",
        "Halvard Group will have three businesses, with the presidents of retail, wholesale and online "
        "reporting directly to chief executive Lena Falk.",
        [
            {
                "type": "reporting_change",
                "person": None,
                "organization": "Halvard Group",
                "details": {"to_manager": "Lena Falk"},
            }
        ],
    ),
    Case(
        "takes-on-responsibility-for-teams",
        "Orvik said finance chief Tomas Berg will take on responsibility for its compliance and audit teams.",
        [
            {
                "type": "reporting_change",
                "person": None,
                "organization": "Orvik",
                "details": {"to_manager": "Tomas Berg"},
            }
        ],
    ),
]

NO_EVENT = [
    Case(
        "background-reporting-line-is-no-change",
        "Tomas Berg, who reported to Lena Falk, spoke at the Orvik Group meeting.",
        [],
    ),
    Case(
        "promote-a-product-is-no-appointment",
        "Orvik Group will promote its new app to students this autumn.",
        [],
    ),
    Case(
        "became-clear-is-no-appointment",
        "Ann Booth left Kestrel Bank days after the scale of the losses became clear.",
        [{"type": "departure", "person": "Ann Booth", "organization": "Kestrel Bank"}],
    ),
    Case(
        "act-as-a-bridge-is-no-appointment",
        "Ann Booth of Kestrel Bank said she wants to act as a bridge to younger founders.",
        [],
    ),
    Case(
        "tenure-and-reporting-line-are-background",
        "Ann Booth had been COO of Kestrel Bank since 2021 and reported to Ravi Mehta.",
        [],
    ),
    Case(
        "photo-caption-left-is-no-departure",
        "Ann Booth (left) receiving the Kestrel Bank medal from Tom Field.",
        [{"type": "award", "person": "Ann Booth"}],
    ),
    Case(
        "an-outage-which-left-customers-is-no-departure",
        "Ravi Mehta helped Kestrel Bank recover from an outage which left around 2m customers locked out.",
        [],
    ),
    Case(
        "became-a-market-darling-is-no-appointment",
        "Ravi Mehta, chief executive of Kestrel Bio, which became a stock market darling, spoke first.",
        [],
    ),
    Case(
        "picked-up-an-award-is-no-appointment",
        "Ann Booth of Kestrel Bank also picked up the Growth Award for the bank.",
        [{"type": "award", "person": "Ann Booth"}],
    ),
    Case(
        "promotion-of-a-product-is-no-appointment",
        "Orvik Group said the promotion of its new app cost more than planned.",
        [],
    ),
    Case(
        "responsibility-for-a-loss-is-no-reporting-change",
        "Lena Falk said she would take responsibility for the loss at Orvik Group.",
        [],
    ),
]


@pytest.mark.parametrize(
    "case",
    params(
        SUCCESSION
        + BIOS
        + MOVES
        + ROLES
        + ELECT
        + SUBJECTS
        + HANDOVER_ROLES
        + MORE
        + UNITS
        + YEARS
        + LINKED
        + REPORTING
        + NO_EVENT
    ),
)
def test_real_succession_bios(case: Case) -> None:
    run_case(case)
