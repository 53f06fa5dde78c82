"""Personnel tables and career lists in a disclosure (tenure/extractors/events/tables.py).

Rows under "Name | New position | Current position" are appointments at the company the notice
defines, dated by their section heading; rows under a retiring heading are departures; a table of
candidates appoints no one; "April 2015: General Manager, Sales, Acme Corp" under a person's name
is a dated step of their career. All names are invented.
"""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

NOTICE = (
    "February 27, 2026\n\n"
    "Company name: Hanazono Gears Co., Ltd.\n\n"
    "Notice Concerning Changes in Executive Officers\n\n"
    'Hanazono Gears Co., Ltd. (the "Company") announces the following changes in executive officers.\n\n'
    "1. Changes in Executive Officers (effective April 1, 2026)\n\n"
    "Name | New position | Current position\n"
    "Kenta Moriyama | Managing Executive Officer; Chief Financial Officer | General Manager, Finance Department\n"
    "Yui Shirakawa | Executive Officer; Chief Human Resources Officer | Vice President, People, Okabe Tools Corporation\n\n"
    "2. Retiring Executive Officers (as of March 31, 2026)\n\n"
    "Name | Current position | Note\n"
    "Daichi Amano | Managing Executive Officer; Chief Financial Officer | To be appointed Advisor\n\n"
    "3. Candidate for Director\n\n"
    "Name | New position | Current position\n"
    "Kenta Moriyama | Director | Managing Executive Officer\n\n"
    "4. Career history of newly appointed Executive Officer\n\n"
    "Yui Shirakawa\n"
    "Date of birth: May 2, 1975\n"
    "April 1998: Joined Okabe Tools Corporation\n"
    "April 2019: Vice President, People, Okabe Tools Corporation (current position)\n\n"
    "5. Reason for the changes\n\n"
    "The changes strengthen the Company's management structure.\n"
)

CASES = [
    Case(
        "a-notice-of-executive-changes",
        NOTICE,
        [
            {
                "type": "appointment",
                "person": "Kenta Moriyama",
                "organization": "Hanazono Gears Co",
                "role": "Managing Executive Officer; Chief Financial Officer",
                "date": "2026-04-01",
            },
            {
                "type": "appointment",
                "person": "Yui Shirakawa",
                "organization": "Hanazono Gears Co",
                "date": "2026-04-01",
            },
            {
                "type": "departure",
                "person": "Daichi Amano",
                "organization": "Hanazono Gears Co",
                "role": "Managing Executive Officer; Chief Financial Officer",
                "date": "2026-03-31",
            },
            {
                "type": "appointment",
                "person": "Yui Shirakawa",
                "organization": "Okabe Tools Corporation",
                "role": None,
                "date": "1998-04",
            },
            {
                "type": "appointment",
                "person": "Yui Shirakawa",
                "organization": "Okabe Tools Corporation",
                "role": "Vice President, People",
                "date": "2019-04",
            },
        ],
        published_at="2026-02-27T15:30:00+09:00",
    ),
]


RESTRUCTURING = (
    "Notice Concerning Changes in Executive Officers\n\n"
    'TOKYO, February 20, 2026 — Hoshino Chemical Co., Ltd. ("the Company") today announced changes in '
    "executive officers. All changes take effect on April 1, 2026 unless otherwise noted.\n\n"
    "3. Changes in executive officers\n\n"
    "Name | New position | Current position\n"
    "Reiko Sugiyama | Executive Officer; Chief Financial Officer | General Manager, Finance Department\n"
    "Hiroshi Matsuda | Advisor | Senior Managing Executive Officer; Chief Financial Officer\n"
    "Naoki Ishikawa | (To retire as of March 31, 2026) | Executive Officer; General Manager, Films Division\n\n"
    "4. Profile of newly appointed Executive Officer\n\n"
    "Name: Reiko Sugiyama\n"
    "Career summary:\n"
    "April 1996: Joined the Company\n"
    "April 2015: General Manager, Quality Assurance Department, Osaka Plant\n\n"
    "5. Outlook\n\nThe impact is expected to be immaterial.\n"
)
CASES += [
    Case(
        "advisers-retirements-and-a-career-inside-the-company",
        RESTRUCTURING,
        [
            {
                "type": "appointment",
                "person": "Reiko Sugiyama",
                "organization": "Hoshino Chemical Co",
                "date": "2026-04-01",
            },
            {
                "type": "departure",
                "person": "Hiroshi Matsuda",
                "role": "Senior Managing Executive Officer; Chief Financial Officer",
                "date": "2026-04-01",
            },
            {"type": "appointment", "person": "Hiroshi Matsuda", "role": "Advisor", "date": "2026-04-01"},
            {"type": "departure", "person": "Naoki Ishikawa", "date": "2026-03-31"},
            {
                "type": "appointment",
                "person": "Reiko Sugiyama",
                "organization": "Hoshino Chemical Co",
                "date": "1996-04",
            },
            {
                "type": "appointment",
                "person": "Reiko Sugiyama",
                "organization": "Hoshino Chemical Co",
                "role": "General Manager, Quality Assurance Department, Osaka Plant",
                "date": "2015-04",
            },
        ],
        published_at="2026-02-20T15:30:00+09:00",
    ),
]


CASES += [
    Case(
        "career-lines-without-a-colon",
        "The board named Emiko Sawada president of Shirakawa Brewing Co., Ltd. on Friday.\n\n"
        "Career history\n\nEmiko Sawada\nApril 1991 Joined Shirakawa Brewing Co., Ltd.\n"
        "April 2008 General Manager, Hokkaido Sales Branch\n\nReason for the change\n\nGrowth.",
        [
            {"type": "appointment", "person": "Emiko Sawada", "date": "1991-04"},
            {
                "type": "appointment",
                "person": "Emiko Sawada",
                "role": "General Manager, Hokkaido Sales Branch",
                "date": "2008-04",
            },
        ],
        published_at="2026-04-24T15:00:00+09:00",
        exact=False,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_case(case: Case) -> None:
    run_case(case)
