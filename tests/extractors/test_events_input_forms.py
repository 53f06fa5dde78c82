"""Markdown, HTML and mojibake input; evidence spans into the raw input; size limit; bad input speed."""

from __future__ import annotations

import time

import pytest
from event_cases import Case, params, run_case

from tenure.errors import ArticleTooLarge
from tenure.extractors import MAX_ARTICLE_CHARS, extract
from tenure.extractors.dates.spans import parse_published_at

FORMS = [
    Case(
        "markdown-bold-link-heading",
        "# Shake-up at Ferro\n\n**Nadia Brook**, Ferro's chief scientist, is leaving "
        "[Ferro](https://ferro.example/news) to start her own company.\n",
        [
            {
                "type": "departure",
                "person": "Nadia Brook",
                "organization": "Ferro",
                "role": "chief scientist",
            },
            {"type": "founding", "person": "Nadia Brook", "organization": None},
        ],
        fmt="markdown",
        group="input_forms",
    ),
    Case(
        "markdown-bullets-inherit-subject",
        "## Who is Lena Sato?\n- Ran research at Quorra for a decade\n- Most recently (Mar 3) won the "
        "**Halden Medal** alongside Theo Marsh\n",
        [
            {
                "type": "award",
                "person": "Lena Sato",
                "date": "2025-03-03",
                "date_precision": "day",
                "details": {"award": "Halden Medal", "co_recipients": ["Theo Marsh"]},
            },
            {
                "type": "award",
                "person": "Theo Marsh",
                "date": "2025-03-03",
                "details": {"co_recipients": ["Lena Sato"]},
            },
        ],
        fmt="markdown",
        group="input_forms",
    ),
    Case(
        "markdown-blockquote-after-lead-in",
        "Two days ago, the Ledger reported:\n> **Quorra's chief technology officer Owen Pike is planning to "
        "leave the company.**\n",
        [
            {
                "type": "departure",
                "person": "Owen Pike",
                "organization": "Quorra",
                "date": "2025-03-12",
                "date_precision": "day",
                "details": {"status": "planned"},
            }
        ],
        fmt="markdown",
        group="input_forms",
    ),
    Case(
        "html-main-text-only",
        "<html><head><title>Ferro news</title></head><body><nav>Home | Jobs at Ferro</nav>"
        "<article><p>Ferro named <b>Tom Hale</b> chief executive on Monday.</p></article>"
        "<footer>Subscribe</footer></body></html>",
        [
            {
                "type": "appointment",
                "person": "Tom Hale",
                "organization": "Ferro",
                "role": "chief executive",
                "date": "2025-03-10",
            }
        ],
        fmt="html",
        group="input_forms",
    ),
    Case(
        "html-auto-detected",
        "<p>Pavel Novak, Istra's chief financial officer, resigned on Tuesday.</p>",
        [{"type": "departure", "person": "Pavel Novak", "organization": "Istra", "date": "2025-03-11"}],
        group="input_forms",
    ),
    Case(
        "mojibake-apostrophe-and-dash",
        "Ferro\u00e2s chief scientist Nadia Brook \u00e2 a pioneer of soft robotics \u00e2 is planning to "
        "leave the company.",
        [
            {
                "type": "departure",
                "person": "Nadia Brook",
                "organization": "Ferro",
                "role": "chief scientist",
                "details": {"status": "planned"},
            }
        ],
        group="input_forms",
    ),
    Case(
        "mojibake-possessive-org-with-full-sequence",
        "Caldra\u00e2\u20ac\u2122s board has named Ines Duarte chief executive.",
        [
            {
                "type": "appointment",
                "person": "Ines Duarte",
                "organization": "Caldra",
                "role": "chief executive",
            }
        ],
        group="input_forms",
    ),
]


@pytest.mark.parametrize("case", params(FORMS))
def test_input_forms(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize("case", params(FORMS[:1] + FORMS[3:5]))
def test_evidence_span_points_into_the_raw_input(case: Case) -> None:
    events = extract(case.text, parse_published_at(case.published_at), fmt=case.fmt)
    assert events
    for event in events:
        start, end = event.evidence_span
        raw = case.text[start:end]
        assert event.person is None or event.person.split()[-1] in raw, (raw, event.person)


def test_article_over_the_limit_is_refused() -> None:
    with pytest.raises(ArticleTooLarge, match="limit"):
        extract("a" * (MAX_ARTICLE_CHARS + 1), parse_published_at("2025-03-14"))


PATHOLOGICAL = {
    "no-punctuation": "word " * 40_000,
    "all-capitals": "ACME CORP CHIEF EXECUTIVE JANE DOE WILL LEAVE " * 4_500,
    "repeated-dates": "on March 3, 2024 " * 10_000,
    "capitalised-run": "Acme " * 40_000,
    "possessives": "Acme's " * 28_000,
    "capitalised-sentences": "THE BOARD OF ORBIT LABS SAID ON FRIDAY THAT JANE ROE WILL STEP DOWN IN JUNE. "
    * 2_700,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_finishes_quickly(name: str) -> None:
    text = PATHOLOGICAL[name][:200_000]
    # CPU time, not wall time: the test machine is shared, and what we bound is our own work.
    started = time.process_time()
    extract(text, parse_published_at("2025-03-14"))
    assert time.process_time() - started < 2.0
