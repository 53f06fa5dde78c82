"""Phrasings found on unseen articles: hand-overs, honours, roundups, past employers, asides."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

PHRASINGS = [
    Case(
        "hand-the-reins-to-gives-both-moves",
        "Chief executive Tom Ashby will hand the reins to finance director Ruth Kell at Pellam Foods.",
        [
            {
                "type": "departure",
                "person": "Tom Ashby",
                "organization": "Pellam Foods",
                "details": {"successor": "Ruth Kell"},
            },
            {
                "type": "appointment",
                "person": "Ruth Kell",
                "organization": "Pellam Foods",
                "details": {"predecessor": "Tom Ashby"},
            },
        ],
    ),
    Case(
        "take-over-from-gives-both-moves",
        "At Shirane Optics, Kenji Mori will take over from Aiko Sato on April 1.",
        [
            {
                "type": "appointment",
                "person": "Kenji Mori",
                "organization": "Shirane Optics",
                "date": "2025-04-01",
                "details": {"predecessor": "Aiko Sato"},
            },
            {
                "type": "departure",
                "person": "Aiko Sato",
                "organization": "Shirane Optics",
                "details": {"successor": "Kenji Mori"},
            },
        ],
    ),
    Case(
        "role-filled-by",
        "At Marlow Tools, the finance role will be filled by Omar Reyes from 1 June 2025.",
        [
            {
                "type": "appointment",
                "person": "Omar Reyes",
                "organization": "Marlow Tools",
                "date": "2025-06-01",
            }
        ],
    ),
    Case(
        "appointed-obe-is-an-award",
        "Helen Pryce, director of the Calder Gallery, was appointed OBE in the 2022 New Year Honours.",
        [{"type": "award", "person": "Helen Pryce", "date": "2022", "details": {"award": "OBE"}}],
    ),
    Case(
        "named-of-the-year-is-an-award",
        "Nadia Volk was named Banker of the Year by a trade weekly in 2023.",
        [{"type": "award", "person": "Nadia Volk", "date": "2023", "date_precision": "year"}],
    ),
    Case(
        "former-employer-is-not-the-new-org",
        "Brightmoor Analytics said Dr. Ivan Petrenko, former chief data officer of Kessel Health, has been "
        "named to the board of directors.",
        [
            {
                "type": "appointment",
                "person": "Ivan Petrenko",
                "organization": "Brightmoor Analytics",
                "role": "board member",
            }
        ],
    ),
    Case(
        "roundup-label-names-the-company",
        "Quillpay: Dana Orr has joined the payments processor as general counsel, the company said Monday.",
        [
            {
                "type": "appointment",
                "person": "Dana Orr",
                "organization": "Quillpay",
                "role": "general counsel",
                "date": "2025-03-10",
            }
        ],
    ),
    Case(
        "the-foundation-is-the-foundation-named-before",
        "The Norrland Science Foundation gave its prize to Ada Voss. The foundation's chair, Lena Berg, "
        "will step down next year.",
        [
            {
                "type": "departure",
                "person": "Lena Berg",
                "organization": "Norrland Science Foundation",
                "date": "2026",
            }
        ],
        exact=False,
    ),
    Case(
        "prize-shared-by-people-of-institutions",
        "The foundation said the 2025 Orrin Prize will be shared by Amara Lind of Northlake University and "
        "Jun-ho Park of the Hanbit Institute.",
        [
            {"type": "award", "person": "Amara Lind", "organization": "Northlake University"},
            {"type": "award", "person": "Jun-ho Park", "organization": "Hanbit Institute"},
        ],
    ),
    Case(
        "takes-charge-as-with-from-date",
        "Saranda Freight said Vik Rao will take charge as chief executive officer from March 1.",
        [
            {
                "type": "appointment",
                "person": "Vik Rao",
                "organization": "Saranda Freight",
                "role": "chief executive officer",
                "date": "2025-03-01",
            }
        ],
        published_at="2025-02-03",
    ),
    Case(
        "present-tense-retirement-in-a-when-clause",
        "Douglas Pratt will hand over to Sofia Kent at Harbour Bancorp when he retires in May.",
        [
            {
                "type": "departure",
                "person": "Douglas Pratt",
                "organization": "Harbour Bancorp",
                "date": "2025-05",
                "date_precision": "month",
            }
        ],
        exact=False,
    ),
    Case(
        "investor-partner-joins-its-board",
        "Tidemark has hired Ana Lopes as chief operating officer, and Corvel partner Rui Matos has joined "
        "its board.",
        [
            {
                "type": "appointment",
                "person": "Ana Lopes",
                "organization": "Tidemark",
                "role": "chief operating officer",
            },
            {
                "type": "appointment",
                "person": "Rui Matos",
                "organization": "Tidemark",
                "role": "board member",
            },
        ],
    ),
    Case(
        "promoted-to-newly-created-post",
        "Clearbrook Media has promoted Mara Osei, president of its news division, to the newly created post "
        "of chief content officer.",
        [
            {
                "type": "appointment",
                "person": "Mara Osei",
                "organization": "Clearbrook Media",
                "role": "chief content officer",
            }
        ],
    ),
    Case(
        "backed-by-investor-is-not-the-employer",
        "BENGALURU: Saranda Freight, the logistics company backed by Tamarin Capital, said Vik Rao will "
        "become chief executive.",
        [
            {
                "type": "appointment",
                "person": "Vik Rao",
                "organization": "Saranda Freight",
                "role": "chief executive",
            }
        ],
    ),
]


@pytest.mark.parametrize("case", params([Case(**{**c.__dict__, "group": "phrasings"}) for c in PHRASINGS]))
def test_phrasings(case: Case) -> None:
    run_case(case)
