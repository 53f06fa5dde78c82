"""Awards as real news writes them: several recipients in one clause, each with their own employer,
national honours (CBE, OBE, knighthoods), "of the Year" prizes, caption lists, and the no-event side.
All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case


def _award(person: str, org: str | None, award: str | None = None) -> dict[str, object]:
    want: dict[str, object] = {"type": "award", "person": person, "organization": org}
    if award is not None:
        want["details"] = {"award": award}
    return want


AWARDS = [
    Case(
        "honour-handed-cbe-dash-apposition",
        "Tom Becker – chief executive of Norden Biologics, which built a new plant last year – was handed a CBE.",
        [_award("Tom Becker", "Norden Biologics", "CBE")],
    ),
    Case(
        "honour-awarded-mbe-counterpart-at",
        "And Ana Ruiz, his counterpart at Orbis Partners, was awarded an MBE.",
        [_award("Ana Ruiz", "Orbis Partners", "MBE")],
    ),
    Case(
        "honour-partner-at-law-firm",
        "Tom Becker, a partner at law firm Halden Marsh, was awarded a CBE for advising ministers.",
        [_award("Tom Becker", "Halden Marsh", "CBE")],
    ),
    Case(
        "honour-recognised-with-relative-clause",
        "Ana Ruiz, who recently stepped down as the chairman of Orbis Holdings, was recognised with a CBE.",
        [_award("Ana Ruiz", "Orbis Holdings", "CBE")],
        exact=False,  # the step down is a departure of its own
    ),
    Case(
        "honour-took-home-her-firm",
        "Ana Ruiz took home an OBE after her search firm Orbis Partners placed the first woman at the top.",
        [_award("Ana Ruiz", "Orbis Partners", "OBE")],
    ),
    Case(
        "honour-scooped-plural-two-people-former-employer",
        "Former Norden Bank chairman Tom Becker and Orbis Capital boss Ana Ruiz scooped CBEs for their work.",
        [_award("Tom Becker", "Norden Bank", "CBE"), _award("Ana Ruiz", "Orbis Capital", "CBE")],
    ),
    Case(
        "honour-title-of-sir-list",
        "Former Norden Bank chairman Tom Becker, Orbis Capital founder Li Wei and Halden Group boss Mark Stone "
        "will take on the title of 'Sir' in the new year.",
        [
            _award("Tom Becker", "Norden Bank", "knighthood"),
            _award("Li Wei", "Orbis Capital", "knighthood"),
            _award("Mark Stone", "Halden Group", "knighthood"),
        ],
        exact=False,
    ),
    Case(
        "of-the-year-named-with-place-word",
        "Tom Becker of East Harbour Distillers has been named the Regional Entrepreneur Of The Year for 2024.",
        [_award("Tom Becker", "Harbour Distillers", "Regional Entrepreneur Of The Year")],
        exact=False,
    ),
    Case(
        "of-the-year-scooped-apposed-name",
        "Ana Ruiz, founder of Orbis Labs, scooped the biggest award of the night, Entrepreneur Of The Year.",
        [_award("Ana Ruiz", "Orbis Labs", "Entrepreneur Of The Year")],
        exact=False,
    ),
    Case(
        "picked-up-award-is-not-an-appointment",
        "Ana Ruiz of Orbis Labs also picked up the International Entrepreneur Of The Year award.",
        [_award("Ana Ruiz", "Orbis Labs", "International Entrepreneur Of The Year")],
    ),
    Case(
        "category-awarded-to",
        "The rising star category was awarded to Dr Tom Becker, co-founder of Norden Labs.",
        [_award("Tom Becker", "Norden Labs", "rising star")],
    ),
    Case(
        "joint-winners-of-possessive-employers",
        "Orbis Bank's Ana Ruiz and Norden Group's Tom Becker are joint winners of the Banker of the Year 2024.",
        [_award("Ana Ruiz", "Orbis Bank", "Banker of the Year"), _award("Tom Becker", "Norden Group")],
    ),
    Case(
        "of-the-year-including-list-prenominal-employers",
        "They lead a group of the Leaders of the Year including Orbis chief executive Ana Ruiz, Norden boss "
        "Tom Becker, and Halden chief executive Li Wei.",
        [_award("Ana Ruiz", "Orbis"), _award("Tom Becker", "Norden"), _award("Li Wei", "Halden")],
        exact=False,
    ),
    Case(
        "caption-list-each-with-own-prize",
        "Awards recipients (from left): Ana Ruiz, Orbis Bank's CEO (Leader of the Year 2024); Tom Becker, "
        "managing partner, Norden Capital (Investor of the Year 2024) and Li Wei, CEO of Halden Group "
        "(Builder of the Year 2024) at the dinner.",
        [
            _award("Ana Ruiz", "Orbis Bank", "Leader of the Year"),
            _award("Tom Becker", "Norden Capital", "Investor of the Year"),
            _award("Li Wei", "Halden Group", "Builder of the Year"),
        ],
    ),
    Case(
        "honour-list-particle-name-ampersand-firm-and-unrecognised-item",
        "Former Norden chairman Jan de Vries, hedge fund tycoon Paul Hartley, Orbis Workshop founder ian Pike "
        "and Marsh & Rowe boss Tom Becker will take on the title of 'Sir'.",
        [
            {
                "type": "award",
                "person": "Jan de Vries",
                "organization": "Norden",
                "details": {"award": "knighthood", "co_recipients": []},
            },
            _award("Paul Hartley", None, "knighthood"),
            _award("Tom Becker", "Marsh & Rowe", "knighthood"),
        ],
        exact=False,
    ),
    Case(
        "honour-employer-told-in-next-sentence",
        "Former Norden chairman Tom Becker and consumer campaigner Paula Grey scooped CBEs for their work. "
        "Grey, who founded advice website Pennywise, spoke to MPs this year.",
        [_award("Tom Becker", "Norden", "CBE"), _award("Paula Grey", "Pennywise", "CBE")],
        exact=False,
    ),
    Case(
        "a-qualified-category-is-a-second-award",
        "Ana Ruiz, founder of Orbis Labs, scooped the top award, Entrepreneur Of The Year. "
        "Ms Ruiz also picked up the International Entrepreneur Of The Year award.",
        [
            _award("Ana Ruiz", "Orbis Labs", "Entrepreneur Of The Year"),
            _award("Ana Ruiz", "Orbis Labs", "International Entrepreneur Of The Year"),
        ],
    ),
    Case(
        "caption-left-is-not-a-departure-and-acronym-spelled-out",
        "Tom Becker (left) receiving the first TOY award in 1990 from Ana Ruiz.\n\n"
        "The awards' alumni include the two-time Trader of the Year (TOY) Li Wei.",
        [
            {"type": "award", "person": "Tom Becker", "details": {"award": "Trader of the Year"}},
        ],
        exact=False,
    ),
    Case(
        "company-named-inside-a-description",
        "The newcomer category was awarded to Dr Ana Ruiz, co-founder of the Kestrova company.",
        [_award("Ana Ruiz", "Kestrova", "newcomer")],
    ),
    Case(
        "shared-by-semicolon-list-with-asides",
        "The 2024 Halden Prize will be shared by Prof. Ana Ruiz, a Chilean chemist; Tom Becker, chief "
        "executive of Norden Systems; and Mark Stone.",
        [
            _award("Ana Ruiz", None, "Halden Prize"),
            _award("Tom Becker", "Norden Systems", "Halden Prize"),
            _award("Mark Stone", None, "Halden Prize"),
        ],
    ),
    Case(
        "appointed-obe-two-people-with-asides",
        "Ana Ruiz, chief executive of Orbis Labs, and Tom Becker, founder of Norden Systems, were both "
        "appointed OBE.",
        [_award("Ana Ruiz", "Orbis Labs", "OBE"), _award("Tom Becker", "Norden Systems", "OBE")],
    ),
    Case(
        "made-a-dame-prenominal-employer",
        "Orbis Labs founder Ana Ruiz has been made a dame.",
        [_award("Ana Ruiz", "Orbis Labs", "damehood")],
    ),
    Case(
        "crowned-of-the-year-possessive-employer",
        "Orbis Labs' Ana Ruiz was crowned Entrepreneur of the Year.",
        [_award("Ana Ruiz", "Orbis Labs", "Entrepreneur of the Year")],
    ),
    Case(
        "comma-of-employer-named-of-the-year",
        "Tom Becker, of Norden Systems, was named Innovator of the Year.",
        [_award("Tom Becker", "Norden Systems", "Innovator of the Year")],
    ),
    Case(
        "the-winner-of-is",
        "The winner of the Halden Prize is Mark Stone, chief executive of Norden Systems.",
        [_award("Mark Stone", "Norden Systems", "Halden Prize")],
    ),
    Case(
        "sentence-opening-employer-shared-by-two-titled-people-month-surname",
        "Orvane senior vice-president Ruth May and senior director of research Julia Stone also claimed an OBE each.",
        [_award("Ruth May", "Orvane", "OBE"), _award("Julia Stone", "Orvane", "OBE")],
    ),
    Case(
        "n-time-prize-before-its-holder",
        "Its alumni include two-time Trader of the Year (TOY) and banking veteran Mark Stone.",
        [{"type": "award", "person": "Mark Stone", "date": None, "details": {"award": "Trader of the Year"}}],
    ),
    Case(
        "honours-list-without-a-date-is-the-publication-year",
        "Tom Becker, a partner at law firm Halden Marsh, was awarded a CBE.",
        [{"type": "award", "person": "Tom Becker", "date": "2025", "date_precision": "year"}],
    ),
    Case(
        "award-told-in-a-relative-clause-keeps-no-date",
        "Ana Ruiz, who won the Halden Medal, spoke at the Orbis Labs launch.",
        [{"type": "award", "person": "Ana Ruiz", "date": None}],
        exact=False,
    ),
    Case(
        "active-voice-society-awarded-person-its-medal",
        "The Halden Society has awarded Jane Doe its Halden Medal.",
        [_award("Jane Doe", None, "Halden Medal")],
    ),
    Case(
        "active-voice-presented-person-with-aside-with-award",
        "The judges presented Tom Becker, chief executive of Norden Systems, with the Innovation Award.",
        [_award("Tom Becker", "Norden Systems", "Innovation Award")],
    ),
    Case(
        "active-voice-knighted",
        "The King has knighted Tom Becker, the founder of Norden Systems.",
        [_award("Tom Becker", "Norden Systems", "knighthood")],
    ),
    Case(
        "colon-list-bracketed-employers",
        "Winners: Ana Ruiz (Orbis Labs), Tom Becker (Norden Systems) and Mark Stone (Halden Bank).",
        [
            _award("Ana Ruiz", "Orbis Labs"),
            _award("Tom Becker", "Norden Systems"),
            _award("Mark Stone", "Halden Bank"),
        ],
    ),
    Case(
        "colon-list-name-comma-company",
        "Award recipients (from left): Ana Ruiz, Orbis Labs; Tom Becker, Norden Systems; and Mark Stone, Halden Bank.",
        [
            _award("Ana Ruiz", "Orbis Labs"),
            _award("Tom Becker", "Norden Systems"),
            _award("Mark Stone", "Halden Bank"),
        ],
    ),
    Case(
        "named-joint-winners-of-the-year",
        "Orbis Labs' Ana Ruiz and Norden Systems' Tom Becker were named joint Entrepreneurs of the Year.",
        [
            {
                "type": "award",
                "person": "Ana Ruiz",
                "organization": "Orbis Labs",
                "details": {"award": "Entrepreneurs of the Year", "co_recipients": ["Tom Becker"]},
            },
            _award("Tom Becker", "Norden Systems", "Entrepreneurs of the Year"),
        ],
    ),
    Case(
        "n-time-surname-first-name-no-single-date",
        "Started in 1990, the awards have notable alumni, including two-time Trader of the Year (TOY) and "
        "shipping veteran Tan Boon Lee.",
        [
            {
                "type": "award",
                "person": "Tan Boon Lee",
                "date": None,
                "details": {"award": "Trader of the Year"},
            }
        ],
        exact=False,
    ),
    Case(
        "becomes-a-dame-is-an-honour-not-an-appointment",
        "Ana Ruiz, chief executive of Orbis Labs, becomes a dame.",
        [_award("Ana Ruiz", "Orbis Labs", "damehood")],
    ),
    Case(
        "is-knighted",
        "Tom Becker, founder of Norden Systems, is knighted for services to business.",
        [_award("Tom Becker", "Norden Systems", "knighthood")],
    ),
    Case(
        "named-one-of-the-of-the-year",
        "Orbis Labs boss Ana Ruiz has been named one of the Women of the Year.",
        [_award("Ana Ruiz", "Orbis Labs", "Women of the Year")],
    ),
    Case(
        "possessive-prize-name",
        "Ana Ruiz, chief executive of Orbis Labs, received the Queen's Award for Enterprise on Monday.",
        [_award("Ana Ruiz", "Orbis Labs", "Queen's Award for Enterprise")],
    ),
    Case(
        "named-the-edition-year-prize-not-an-appointment",
        "Jane Doe, chief executive of Acme Corp, has been named the 2024 Businesswoman of the Year by the "
        "Halden Chamber.",
        [_award("Jane Doe", "Acme Corp", "Businesswoman of the Year")],
    ),
    Case(
        "named-possessive-region-prize",
        "Jane Doe was named Asia's Best Chief Executive of the Year.",
        [_award("Jane Doe", None, "Asia's Best Chief Executive of the Year")],
    ),
    Case(
        "won-twice-has-no-single-date",
        "Jane Doe has won the Halden Prize twice.",
        [{"type": "award", "person": "Jane Doe", "date": None}],
    ),
]

NO_AWARD = [
    Case("tipped-to-win", "Jane Doe is tipped to win the Halden Prize.", []),
    Case("failed-to-win", "Jane Doe failed to win the Halden Prize.", []),
    Case("in-the-running-to-win", "Jane Doe is in the running to win Banker of the Year.", []),
    Case(
        "company-won-led-by-person", "Orbis Labs, led by chief executive Ana Ruiz, won the Export Award.", []
    ),
    Case("speaker-reports-company-win", "Ana Ruiz said Orbis Labs won the Innovation Award on Monday.", []),
    Case(
        "went-to-company-whose-chief-is",
        "The Innovation Award went to Orbis Labs, whose chief executive is Ana Ruiz.",
        [],
        exact=False,
    ),
    Case(
        "an-opening-adverb-is-not-an-employer",
        "Meanwhile chief executive Jane Doe left Acme Corp on Monday.",
        [{"type": "departure", "person": "Jane Doe", "organization": "Acme Corp"}],
    ),
    Case("congratulated-the-winners", "Jane Doe congratulated the winners of the Halden Prize.", []),
    Case("awarded-a-bonus-is-no-prize", "Orvane Labs awarded Jane Doe a bonus.", []),
    Case(
        "presented-as-new-chief",
        "Orvane Labs presented Jane Doe to staff at the Halden Awards venue.",
        [],
        exact=False,
    ),
    Case("won-praise-is-not-a-prize", "Jane Doe won praise for the Acme Prize ceremony she hosted.", []),
    Case("a-part-of-the-year", "Most of the Year, Jane Doe ran Orvane Labs.", [], exact=False),
    Case(
        "an-opening-adjective-is-not-an-employer",
        "Ousted chief executive Jane Doe left Acme Corp on Monday.",
        [{"type": "departure", "person": "Jane Doe", "organization": "Acme Corp"}],
    ),
    Case("n-time-without-a-named-holder", "He is a three-time Grand Slam champion.", []),
    Case(
        "winner-not-yet-named", "The winner of the Halden Prize will be announced by Mark Stone in May.", []
    ),
    Case("winner-is-expected", "The winner of the Halden Prize is expected to be Mark Stone.", []),
    Case(
        "a-former-winner-speaking",
        "Tom Becker, a former Entrepreneur of the Year, said the award mattered.",
        [],
    ),
    Case("shortlisted-is-not-an-award", "Ana Ruiz was shortlisted for the Banker of the Year award.", []),
    Case("nominated-is-not-an-award", "Tom Becker has been nominated for the Norden Prize for Design.", []),
    Case(
        "company-award-accepted-by-its-chief",
        "Orbis Labs won the Export Award, and chief executive Ana Ruiz accepted it on behalf of the company.",
        [],
        exact=False,
    ),
    Case(
        "post-nominal-letters-are-no-event",
        "Dame Ana Ruiz DBE, chair of Orbis Labs, said the company would expand.",
        [],
    ),
    Case(
        "received-on-behalf-of-company",
        "Ana Ruiz, CEO at Orbis Labs, has received the Export Award on behalf of the company.",
        [],
    ),
    Case(
        "a-year-including-is-not-a-list-of-winners",
        "Tom Becker will be paid $2 million a year, including a bonus, and will take Ana Ruiz's seat.",
        [],
        exact=False,
    ),
]


@pytest.mark.parametrize("case", params(AWARDS))
def test_awards(case: Case) -> None:
    run_case(case)


def test_caption_position_is_not_a_departure() -> None:
    events = run_case(AWARDS[-2])
    assert not [e for e in events if e["type"] == "departure"]


@pytest.mark.parametrize("case", params(NO_AWARD))
def test_no_award(case: Case) -> None:
    events = run_case(case)
    assert not [e for e in events if e["type"] == "award"]
