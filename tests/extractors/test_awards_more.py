"""More award phrasings: honours given in the plural to several named people, caption lines
("Prize – Person, Company"), "the X award was presented to", and the date of the ceremony.
All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case


def _award(person: str, org: str | None, award: str | None = None) -> dict[str, object]:
    want: dict[str, object] = {"type": "award", "person": person, "organization": org}
    if award is not None:
        want["details"] = {"award": award}
    return want


PLURAL_HONOURS = [
    Case(
        "receive-knighthoods-two-employers",
        "Orbis Rail chief executive Tom Becker and Ana Ruiz, the founder of software company Quillon, "
        "receive knighthoods for services to transport and to technology.",
        [_award("Tom Becker", "Orbis Rail", "knighthood"), _award("Ana Ruiz", "Quillon", "knighthood")],
        exact=False,  # "the founder of" may also be read as a founding
    ),
    Case(
        "receive-obes-prenominal-and-apposition",
        "Halden Engineering managing director Tom Becker and Ana Ruiz, finance director of shipping group "
        "Castlemere Lines, receive OBEs for services to exports.",
        [_award("Tom Becker", "Halden Engineering", "OBE"), _award("Ana Ruiz", "Castlemere Lines", "OBE")],
    ),
    Case(
        "among-those-made-cbes-are",
        "Among those made CBEs are Lena Fischer, a partner at accountancy firm Marlow Penn, and Omar Haddad, "
        "chair of Eastvale Housing, both for services to housing.",
        [_award("Lena Fischer", "Marlow Penn", "CBE"), _award("Omar Haddad", "Eastvale Housing", "CBE")],
    ),
    Case(
        "list-includes-mbes-for-a-and-for-b",
        "The list also includes MBEs for Lena Fischer, who founded the bakery group Crumbwell in 2001, and "
        "for Omar Haddad, a former engineer at Tidewell Energy, for services to industry.",
        [
            _award("Lena Fischer", "Crumbwell", "MBE"),
            _award("Omar Haddad", "Tidewell Energy", "MBE"),
            {"type": "founding", "person": "Lena Fischer", "organization": "Crumbwell", "date": "2001"},
        ],
    ),
    Case(
        "knighthoods-not-the-list-name",
        "Several bosses feature in the New Year Honours list. Ngozi Okafor, the founder of lending company "
        "Paylark, and Halden Water chief executive Tom Becker receive knighthoods.",
        [_award("Ngozi Okafor", "Paylark", "knighthood"), _award("Tom Becker", "Halden Water", "knighthood")],
        exact=False,
    ),
    Case(
        "becomes-a-dame-letters",
        "Former Orbis Insurance chair Ana Ruiz becomes a dame (DBE) for services to charity.",
        [_award("Ana Ruiz", "Orbis Insurance", "DBE")],
    ),
    Case(
        "no-event-nominated-for-obes",
        "Lena Fischer and Omar Haddad had been tipped to receive OBEs, but neither appears on the list.",
        [],
    ),
    Case(
        "no-event-obes-in-general",
        "Critics say too many OBEs are handed to donors rather than to volunteers.",
        [],
    ),
]


@pytest.mark.parametrize("case", params(PLURAL_HONOURS))
def test_plural_honours(case: Case) -> None:
    run_case(case)
