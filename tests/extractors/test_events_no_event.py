"""Passages that must give no event: hedges, denials, commentary, capital spending, noise."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

NO_EVENT = [
    Case("conditional-if-he-leaves", "If Marcus Hale leaves Orbitra, the board would need a new chief.", []),
    Case(
        "denial-would-step-down",
        "Claire Dumont denied she would step down as chief executive of Veltro.",
        [],
    ),
    Case(
        "denial-not-leaving",
        "Anton Weber, Kestrel's chief financial officer, said he is not leaving the company.",
        [],
    ),
    Case("general-commentary-turnover", "CEO turnover is rising across the retail sector this year.", []),
    Case(
        "plural-departures-commentary",
        "They are the latest high-profile departures from Norvik, which has lost several researchers.",
        [],
    ),
    Case(
        "capital-spending-is-not-funding",
        "Halvard Energy committed to invest $40 billion in new plants over five years.",
        [],
    ),
    Case(
        "revenue-figures-are-not-funding",
        "Corvane reported quarterly revenue of $7.1 billion on Wednesday, ahead of estimates.",
        [],
    ),
    Case(
        "speculation-might-raise",
        "Analysts said Brisa might raise a new funding round next year.",
        [],
    ),
    Case(
        "rumour-could-be-named",
        "Rumours swirled that Peter Sandoval could be named chief executive of Lumen Foods.",
        [],
    ),
    Case(
        "product-launch-is-not-founding",
        "Shares of Vexel rose after the launch of its Nova headset last year.",
        [],
    ),
    Case(
        "sabbatical-is-not-departure",
        "Jordan Avery, the firm's president, told staff in August that he would take a sabbatical until January.",
        [],
    ),
    Case(
        "wouldnt-return",
        "Thomas Reed, who had said he wouldn't return to the role, declined to comment.",
        [],
    ),
    Case("empty-text", "", []),
    Case("whitespace-only", "   \n\n\t  ", []),
    Case(
        "other-language-german",
        "Die Vorstandschefin Anna Keller verlässt das Unternehmen Ende des Jahres, teilte die Firma mit.",
        [],
    ),
    Case(
        "other-language-chinese",
        "公司周二宣布，首席执行官将于明年辞职。",
        [],
    ),
    Case(
        "stock-market-story",
        "Tarsus shares have climbed steadily since its chip went on sale last year, and they closed at a "
        "record on Thursday.",
        [],
    ),
    Case("left-a-meeting", "Jane Roe left the meeting early, Corvo staff said.", []),
    Case("joined-a-call", "Bo Chan joined the call from Paris on behalf of Pellam.", []),
    Case("named-after", "The startup was named after a river, Ann Lee of Marlo Foods said.", []),
    Case("head-to-a-place", "Tom Fisk will head to Orrin's headquarters on Monday.", []),
    Case("quit-a-habit", "Mia Holt quit smoking last year.", []),
    Case(
        "headline-title-case-without-names",
        "Breaking News: Big Changes Ahead At The Top Of The Industry",
        [],
    ),
    Case(
        "denied-take-on-the-job",
        "Halvern Paper Ltd denied reports that Peter Voss would take on the job of chief operating officer.",
        [],
    ),
    Case("set-up-a-committee", "The company set up a committee to review pay at Halvern Paper Ltd.", []),
    Case("took-over-the-meeting", "Peter Voss took over the meeting after the break.", []),
    Case("set-up-the-meeting", "Nadia Holm, who set up the meeting, said the talks went well.", []),
    Case("prize-may-go-to", "The jury said the prize may go to Nadia Holm of the University of Kelso.", []),
    Case("stay-then-review", "Peter Voss will stay in the role and then review his options.", []),
    Case("added-seats-to-its-board", "Halvern Paper Ltd added two seats to its board last year.", []),
    Case("gap-left-by-someone", "She fills the gap left by Tom Ashby at Kestrel Foods.", []),
    Case("invested-in-property", "The fund has invested $5 million in New York property.", []),
    Case("put-money-into-a-plant", "Halvern Paper Ltd put $2 million into a new plant in Ohio.", []),
    Case(
        "nominated-for-an-award-is-no-appointment",
        "Nadia Holm was also nominated for the national Paper Leader of the Year award.",
        [],
    ),
    Case(
        "named-to-a-magazine-list",
        "Nadia Holm was named to a trade magazine list of top engineers last year.",
        [],
    ),
]


@pytest.mark.parametrize("case", params([Case(c.id, c.text, c.expected, group="no_event") for c in NO_EVENT]))
def test_no_event(case: Case) -> None:
    run_case(case)
