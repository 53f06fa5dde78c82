"""Appointments and departures in real-news shapes: several people in one clause, which
organization an event belongs to (towns with their state, clubs, round-up items), and the
no-event sides. All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

ORGANIZATIONS = [
    Case(
        "town-and-state-before-based-is-a-place",
        "Mara Quill will step away from her role as CEO of Tarwick, Ore.-based Pellmore Health Group.",
        [{"type": "departure", "person": "Mara Quill", "organization": "Pellmore Health Group"}],
        exact=False,
    ),
    Case(
        "town-and-state-is-not-the-employer",
        "Ida Brenner, currently the deputy town clerk in Tarwick, Ohio, has been chosen as the clerk of "
        "Lowmere.",
        [{"type": "appointment", "person": "Ida Brenner", "organization": "Lowmere"}],
    ),
    Case(
        "football-club-is-an-organization",
        "Owen Pratley has been appointed chief executive of Harrowgate Football Club. He was keen to "
        "stay in Harrowgate, he said.",
        [{"type": "appointment", "person": "Owen Pratley", "organization": "Harrowgate Football Club"}],
    ),
    Case(
        "chamber-of-commerce-keeps-its-of",
        "The Lowmere Chamber of Commerce has named Ruth Okafor as its new president.",
        [{"type": "appointment", "person": "Ruth Okafor", "organization": "Lowmere Chamber of Commerce"}],
    ),
    Case(
        "one-company-in-its-full-form",
        "Corvane Logistics said on Monday it had named Lena Ruiz chief executive. Corvane also named "
        "Bo Chan finance chief.",
        [
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Corvane Logistics"},
            {"type": "appointment", "person": "Bo Chan", "organization": "Corvane Logistics"},
        ],
    ),
    Case(
        "a-unit-named-like-the-company-is-not-its-full-form",
        "Tessary named Lena Ruiz finance chief. She ran Tessary Canada for six years.",
        [{"type": "appointment", "person": "Lena Ruiz", "organization": "Tessary"}],
    ),
    Case(
        "unit-at-company-takes-the-company",
        "Lena Ruiz was named head of Cloud Services at Nordane Labs.",
        [{"type": "appointment", "person": "Lena Ruiz", "organization": "Nordane Labs"}],
    ),
    Case(
        "bancshares-is-a-company-and-its-full-form",
        "Kelby Bancshares Inc. said Tuesday it had hired Lena Ruiz as finance chief. Later, Kelby "
        "said its chief credit officer Mark Ellis would retire.",
        [
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Kelby Bancshares Inc"},
            {"type": "departure", "person": "Mark Ellis", "organization": "Kelby Bancshares Inc"},
        ],
        exact=False,
    ),
    Case(
        "a-company-named-lane-is-no-ground",
        "Sydney payroll firm Ferris Lane has promoted Lena Ruiz to chief technology officer.",
        [{"type": "appointment", "person": "Lena Ruiz", "organization": "Ferris Lane"}],
    ),
    Case(
        "legal-citation-in-an-ad-hoc-notice-is-no-organization",
        "Ad hoc announcement pursuant to Art. 17 MAR\n\nTarvo Holding AG: Change in the Executive "
        "Board\n\nThe Board of Directors of Tarvo Holding AG has appointed Dr. Lena Ruiz as Chief "
        "Executive Officer. She succeeds Mr. Mark Ellis, who has decided to step down.",
        [
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Tarvo Holding AG"},
            {"type": "departure", "person": "Mark Ellis", "organization": "Tarvo Holding AG"},
        ],
    ),
    Case(
        "ampersand-joins-a-company-name",
        "Lena Ruiz left Quenby & Dart in May. Marks & Tolley hired Mark Ellis as finance chief.",
        [
            {"type": "departure", "person": "Lena Ruiz", "organization": "Quenby & Dart"},
            {"type": "appointment", "person": "Mark Ellis", "organization": "Marks & Tolley"},
        ],
    ),
    Case(
        "ampersand-between-two-people-is-no-company",
        "Lena Ruiz & Mark Ellis founded Acme Labs in 2020.",
        [
            {"type": "founding", "person": "Lena Ruiz", "organization": "Acme Labs"},
            {"type": "founding", "person": "Mark Ellis", "organization": "Acme Labs"},
        ],
    ),
    Case(
        "bulleted-changes-keep-the-company-over-past-employers",
        "Acme Corp announced leadership changes on Monday:\n"
        "- Jane Doe, formerly of Foo Inc, will become chief operating officer.\n"
        "- Mark Ellis, who came from Kelby Bank, will become chief risk officer.",
        [
            {"type": "appointment", "person": "Jane Doe", "organization": "Acme Corp"},
            {"type": "appointment", "person": "Mark Ellis", "organization": "Acme Corp"},
        ],
    ),
    Case(
        "round-up-item-names-its-own-organization",
        "Three public-sector moves this week:\n"
        "- Ida Brenner has been named finance director of Lowmere.\n"
        "- Tom Vasquez has replaced Ann Poole as the planning director for Kelby County.",
        [
            {"type": "appointment", "person": "Ida Brenner", "organization": "Lowmere"},
            {"type": "appointment", "person": "Tom Vasquez", "organization": "Kelby County"},
            {"type": "departure", "person": "Ann Poole", "organization": "Kelby County"},
        ],
    ),
]


LISTS = [
    Case(
        "named-two-people-with-an-aside-as-co-heads",
        "Tessary Bank named Lena Voss and Omar Reyes, the former heads of retail and lending "
        "respectively, as interim co-chief executives of the new division.",
        [
            {"type": "appointment", "person": "Lena Voss", "organization": "Tessary Bank"},
            {"type": "appointment", "person": "Omar Reyes", "organization": "Tessary Bank"},
        ],
    ),
    Case(
        "two-people-will-both-leave",
        "As a result, marine president Karl Ibsen and Dora Flint, president of rail, will both leave "
        "Halvern Works.",
        [
            {"type": "departure", "person": "Karl Ibsen", "organization": "Halvern Works"},
            {"type": "departure", "person": "Dora Flint", "organization": "Halvern Works"},
        ],
    ),
    Case(
        "with-the-appointment-of-two-people",
        "Halvern Works said it would widen its leadership team with the appointment of Karl Ibsen, "
        "head of Halvern Canada, and Dora Flint, who becomes head of its European arm.",
        [
            {"type": "appointment", "person": "Karl Ibsen", "organization": "Halvern Works"},
            {"type": "appointment", "person": "Dora Flint", "organization": "Halvern Works"},
        ],
    ),
    Case(
        "passive-list-appointed-to-the-board",
        "Jane Doe and Mark Ellis were appointed to the Tarvo Systems board on Monday.",
        [
            {"type": "appointment", "person": "Jane Doe", "organization": "Tarvo Systems"},
            {"type": "appointment", "person": "Mark Ellis", "organization": "Tarvo Systems"},
        ],
    ),
    Case(
        "three-named-vice-presidents",
        "Jane Doe, Mark Ellis and Ann Lee have been named vice presidents at Tarvo Systems.",
        [
            {"type": "appointment", "person": "Jane Doe", "organization": "Tarvo Systems"},
            {"type": "appointment", "person": "Mark Ellis", "organization": "Tarvo Systems"},
            {"type": "appointment", "person": "Ann Lee", "organization": "Tarvo Systems"},
        ],
    ),
    Case(
        "each-person-with-a-title-of-their-own",
        "Tarvo Systems appointed Jane Doe as chief executive and Mark Ellis as chief financial officer.",
        [
            {
                "type": "appointment",
                "person": "Jane Doe",
                "organization": "Tarvo Systems",
                "role": "chief executive",
            },
            {
                "type": "appointment",
                "person": "Mark Ellis",
                "organization": "Tarvo Systems",
                "role": "chief financial officer",
            },
        ],
    ),
    Case(
        "a-speaker-after-the-appointment-is-no-second-hire",
        "Tarvo Systems named Jane Doe chief executive and Mark Ellis said he was pleased.",
        [{"type": "appointment", "person": "Jane Doe", "organization": "Tarvo Systems"}],
    ),
    Case(
        "an-aside-naming-another-person-is-no-list",
        "Pellmore appointed Nadia Osei, the former boss of Corran Outdoor, as a director.",
        [{"type": "appointment", "person": "Nadia Osei", "organization": "Pellmore"}],
    ),
    Case(
        "a-title-then-a-later-leaver-is-no-list",
        "Pellmore Group has named its finance chief, Nadia Osei, interim chief executive after Bruno "
        "Kalb left the company.",
        [
            {"type": "appointment", "person": "Nadia Osei", "organization": "Pellmore Group"},
            {"type": "departure", "person": "Bruno Kalb", "organization": "Pellmore Group"},
        ],
    ),
    Case(
        "unit-will-be-led-by-belongs-to-the-company",
        "Tessary Bank is reorganising its lending arm. Business Lending will be led by Omar Reyes, who "
        "ran the mortgage desk.",
        [{"type": "appointment", "person": "Omar Reyes", "organization": "Tessary Bank"}],
    ),
    Case(
        "former-bank-deputy-ceo-is-a-person",
        "The changes come a month before Kenji Arda, the former Tessary Bank deputy CEO, joins "
        "Halvern Works as chief executive.",
        [{"type": "appointment", "person": "Kenji Arda", "organization": "Halvern Works"}],
    ),
    Case(
        "departure-of-a-named-person",
        "On May 2, the board of Corran Mills appointed Ruth Q. Adeyemi as finance chief, to fill the "
        "position created by the departure of Paul T. Brandt.",
        [
            {"type": "appointment", "person": "Ruth Q. Adeyemi", "organization": "Corran Mills"},
            {"type": "departure", "person": "Paul T. Brandt", "organization": "Corran Mills"},
        ],
    ),
    Case(
        "role-vacated-by-after-a-denied-hire",
        "Halvern Works named Karl Ibsen group chief executive in March. Halvern will not seek to "
        "appoint a new head of marine, the role vacated by Ibsen when he moved up.",
        [
            {"type": "appointment", "person": "Karl Ibsen", "organization": "Halvern Works"},
            {"type": "departure", "person": "Karl Ibsen", "organization": "Halvern Works"},
        ],
    ),
    Case(
        "departure-of-a-number-is-no-person",
        "Corran Mills will cut a layer of managers, resulting in the departure of two executives, "
        "Jane Doe said.",
        [],
    ),
    Case(
        "pictured-left-is-no-departure",
        "The new desk will be led by Ruth Adeyemi (pictured, top left) as news director at Corran Media.",
        [{"type": "appointment", "person": "Ruth Adeyemi", "organization": "Corran Media"}],
    ),
]


NO_EVENT_SIDES = [
    Case(
        "until-clause-person-does-not-lead",
        "Ruth Adeyemi stepped down as chief executive of Corran Media on Monday. Until Adeyemi's "
        "deputy Bo Lund names a successor, a team of Corran executives will lead the company. They "
        "include Ann Marsh, head of news; Tim Oyelaran, head of sport; and Kay Drummond, the finance "
        "chief.",
        [
            {"type": "departure", "person": "Ruth Adeyemi", "organization": "Corran Media"},
            {"type": "appointment", "person": "Ann Marsh", "organization": "Corran Media"},
            {"type": "appointment", "person": "Tim Oyelaran", "organization": "Corran Media"},
            {"type": "appointment", "person": "Kay Drummond", "organization": "Corran Media"},
        ],
    ),
    Case(
        "when-clause-with-an-aside-keeps-its-subject",
        "When Jane Doe, the finance chief of Acme Media, leaves in May, the board will meet.",
        [{"type": "departure", "person": "Jane Doe", "organization": "Acme Media"}],
    ),
    Case(
        "the-chief-that-resigned-is-a-person",
        "Acme Media's board thanked Jane Doe, the finance chief that resigned in May.",
        [{"type": "departure", "person": "Jane Doe", "organization": "Acme Media"}],
    ),
    Case(
        "title-as-description-is-no-event",
        "Lena Ruiz, chief executive of Tarvo Systems, said the company would hire 200 people.",
        [],
    ),
    Case(
        "denial-is-no-event",
        "Tarvo Systems denied that Lena Ruiz would step down.",
        [],
    ),
    Case(
        "unit-of-a-big-company-does-not-rename-it",
        "Google named Lena Ruiz head of sales. She previously ran partnerships at Google Research.",
        [{"type": "appointment", "person": "Lena Ruiz", "organization": "Google"}],
    ),
    Case(
        "named-as-the-front-runner-is-a-forecast",
        "Analysts at Kelby Securities named Lena Ruiz as the front-runner for the top job at Tarvo Systems.",
        [],
    ),
    Case(
        "inverted-condition-is-no-departure",
        "Had Lena Ruiz stepped aside, she would have been the third founder to leave Tarvo Systems "
        "this year.",
        [],
    ),
    Case(
        "team-member-with-own-recent-appointment-is-two-facts",
        "A team of Corran executives will lead the company. They include Ann Marsh, head of news, "
        "and Kay Drummond, the finance chief who was appointed on March 3.",
        [
            {
                "type": "appointment",
                "person": "Ann Marsh",
                "organization": "Corran",
                "role": "interim leadership team",
            },
            {
                "type": "appointment",
                "person": "Kay Drummond",
                "organization": "Corran",
                "role": "interim leadership team",
            },
            {"type": "appointment", "person": "Kay Drummond", "organization": "Corran", "date": "2025-03-03"},
        ],
    ),
    Case(
        "team-without-names-is-no-event",
        "A team of Corran executives will run the company while the board searches for a chief executive.",
        [],
    ),
    Case(
        "named-in-her-honour-is-no-appointment",
        "The Ruth Q. Adeyemi Science Wing at Kelby College is named in her honour.",
        [],
    ),
    Case(
        "a-thing-that-left-is-no-departure",
        "Bo Lund turned Tessary Bank around after an outage which left 2m customers locked out.",
        [],
    ),
    Case(
        "a-company-that-became-is-no-appointment",
        "Ruth Adeyemi, chief executive of Corran Labs, which became a market darling last year, was "
        "given an award.",
        [],
    ),
    Case(
        "picked-up-an-award-is-no-appointment",
        "Ruth Adeyemi runs Corran Labs. Ms Adeyemi also picked up the Kelby Founder Prize for the "
        "company's growth.",
        [{"type": "award", "person": "Ruth Adeyemi", "organization": None}],
    ),
    Case(
        "generational-suffix-makes-a-person",
        "Israel Dorne Jr., head of two clinics, was approved as the next CEO of Kelby Health.",
        [{"type": "appointment", "person": "Israel Dorne Jr", "organization": "Kelby Health"}],
    ),
    Case(
        "lead-a-review-is-no-appointment",
        "Corran Media also said Ruth Adeyemi would lead a review of the regional titles.",
        [],
    ),
    Case(
        "unit-label-is-not-the-employer",
        "Ann Marsh, currently Tessary's group risk chief, will become interim chief executive of UK "
        "Insurance.",
        [{"type": "appointment", "person": "Ann Marsh", "organization": "Tessary"}],
    ),
]

MOVES = [
    Case(
        "league-side-is-not-the-club",
        "Omar Reyes was set to join League Two side Tarnfield as chief executive.",
        [{"type": "appointment", "person": "Omar Reyes", "organization": "Tarnfield"}],
    ),
    Case(
        "leaving-the-ground-is-leaving-the-club",
        "Ashgrove Rovers FC said chief executive Dave Pruitt is to leave Ashgrove Moor in June to take over "
        "the same role at the Northern Counties League. David Pruitt joined in 2012.",
        [
            # One man, named by the formal spelling the story also uses.
            {"type": "departure", "person": "David Pruitt", "organization": "Ashgrove Rovers FC"},
            {"type": "appointment", "person": "David Pruitt", "organization": "Northern Counties League"},
        ],
        exact=False,
    ),
    Case(
        "approved-as-next-chief",
        "Ruth Adeyemi was approved as the next chief executive of Kelby County Health.",
        [{"type": "appointment", "person": "Ruth Adeyemi", "organization": "Kelby County Health"}],
    ),
]


HEADLINES_AND_MOVES = [
    Case(
        "headline-executive-heads-to-rival",
        "Tarvo CEO Lena Ruiz Heads to Rival Nordane\nTarvo Systems said its board would meet on Monday.",
        [
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Nordane"},
            {"type": "departure", "person": "Lena Ruiz", "organization": "Tarvo Systems"},
        ],
    ),
    Case(
        "headline-company-appoints-person",
        "Tarvo Systems Appoints Lena Ruiz as CFO\nThe company said on Monday that she starts in May.",
        [{"type": "appointment", "person": "Lena Ruiz", "organization": "Tarvo Systems", "role": "CFO"}],
    ),
    Case(
        "headline-short-subject-and-the-rival-owning-the-person",
        "Ashgrove names Kelbridge's Ruiz-Marsh finance dean\n\nAshgrove University has appointed Lena "
        "Ruiz-Marsh, head of accounting at Kelbridge College, as its next dean of finance.",
        [
            {"type": "appointment", "person": "Lena Ruiz-Marsh", "organization": "Ashgrove University"},
        ],
        exact=False,
    ),
    Case(
        "headline-and-a-later-succession-are-one-appointment",
        "Tarvo Systems Appoints Lena Ruiz as Chief Financial Officer\n\nTarvo Systems said on "
        "Monday its board had appointed Lena Ruiz as chief financial officer, effective June 2. She "
        "joins from Kelby Bank. The company is based in Ohio. It makes sensors. Ruiz succeeds Mark "
        "Ellis, who is retiring.",
        [
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Tarvo Systems"},
            {"type": "departure", "person": "Mark Ellis", "organization": "Tarvo Systems"},
            # "She joins from Kelby Bank": she leaves Kelby Bank (real-news gold counts this).
            {"type": "departure", "person": "Lena Ruiz", "organization": "Kelby Bank"},
        ],
    ),
    Case(
        "stepping-down-to-lead-a-team-elsewhere-in-the-group",
        "Corran Post editor Ruth Adeyemi is stepping down after two years to lead a new audience team "
        "across Corran Media's regional titles.",
        [
            {"type": "departure", "person": "Ruth Adeyemi"},
            {"type": "appointment", "person": "Ruth Adeyemi", "organization": "Corran Media"},
        ],
    ),
    Case(
        "quit-to-run-for-office-is-no-appointment",
        "Ruth Adeyemi, Corran Media's editor, quit in May to run for mayor.",
        [{"type": "departure", "person": "Ruth Adeyemi", "organization": "Corran Media"}],
    ),
    Case(
        "will-also-join-the-board",
        "Tarvo Systems named Lena Ruiz chief executive. Ruiz, 52, will also join the company's board "
        "of directors on that date.",
        [
            {
                "type": "appointment",
                "person": "Lena Ruiz",
                "organization": "Tarvo Systems",
                "role": "chief executive",
            },
            {
                "type": "appointment",
                "person": "Lena Ruiz",
                "organization": "Tarvo Systems",
                "role": "board member",
            },
        ],
    ),
    Case(
        "would-act-as-interim",
        "A Tarvo Systems spokesperson said Lena Ruiz, its head of platform engineering, would act as "
        "chief technology officer.",
        [{"type": "appointment", "person": "Lena Ruiz", "organization": "Tarvo Systems"}],
    ),
    Case(
        "the-agm-is-no-organization",
        "Tarvo Systems said Lena Ruiz will succeed Mark Ellis as senior independent director with "
        "effect from the close of the AGM.",
        [
            {"type": "appointment", "person": "Lena Ruiz", "organization": "Tarvo Systems"},
            {"type": "departure", "person": "Mark Ellis", "organization": "Tarvo Systems"},
        ],
    ),
    Case(
        "heads-to-a-town-is-a-trip",
        "Lena Ruiz headed to Kelby on Monday for the trade fair.",
        [],
    ),
    Case(
        "moving-from-role-to-new-role-and-board",
        "Halvern Works said Colm Reddy is moving from his post as head of engineering to group "
        "president, joining the board.",
        [
            {
                "type": "appointment",
                "person": "Colm Reddy",
                "organization": "Halvern Works",
                "role": "group president",
            },
            {
                "type": "appointment",
                "person": "Colm Reddy",
                "organization": "Halvern Works",
                "role": "board member",
            },
            # Moving from one role to another leaves the first (real-news gold counts this).
            {
                "type": "departure",
                "person": "Colm Reddy",
                "organization": "Halvern Works",
                "role": "head of engineering",
            },
        ],
    ),
    Case(
        "filled-the-position-on-an-interim-basis",
        "Lowmere's city manager Ron Tallis retired in June. Dina Tarr has filled Tallis' position on "
        "an interim basis since then.",
        [
            {"type": "departure", "person": "Ron Tallis", "organization": "Lowmere"},
            {"type": "appointment", "person": "Dina Tarr", "organization": "Lowmere"},
        ],
    ),
    Case(
        "join-the-faculty-is-a-post",
        "Kelby Community College said its campus president Tom Oyelaran will join the mathematics "
        "faculty at the end of the year.",
        [{"type": "appointment", "person": "Tom Oyelaran", "organization": "Kelby Community College"}],
    ),
]


@pytest.mark.parametrize("case", params(HEADLINES_AND_MOVES))
def test_headlines_and_moves(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(NO_EVENT_SIDES))
def test_no_event_sides(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(MOVES))
def test_moves(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(LISTS))
def test_lists(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(ORGANIZATIONS))
def test_organizations(case: Case) -> None:
    run_case(case)
