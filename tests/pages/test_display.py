"""Pure page pieces: dates at their precision, evidence highlighting, the chart's shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from tenure.pages.chart import leadership_chart
from tenure.pages.display import highlight, show_date
from tenure.shape import EntityRef
from tenure.timelines.spans import RoleEvent, derive_spans


@pytest.mark.parametrize(
    ("date", "precision", "shown"),
    [
        ("2019", "year", "2019"),
        ("2019-06", "month", "June 2019"),
        ("2019-06-10", "day", "10 June 2019"),
        ("2023-01-09", "week", "week of 9 January 2023"),
        (None, None, "undated"),
    ],
    ids=["year-never-january-1", "month", "day", "week", "undated"],
)
def test_show_date(date: str | None, precision: str | None, shown: str) -> None:
    assert show_date(date, precision) == shown


@pytest.mark.parametrize(
    ("text", "span", "evidence", "marked"),
    [
        ("A. Ada won. B.", (3, 11), "Ada won.", "Ada won."),
        ("A. Ada **won**. B.", (3, 15), "Ada won.", "Ada **won**."),
        ("A. Ada won. B.", (0, 2), "Ada won.", "Ada won."),
        ("Nothing here.", (0, 4), "Ada won.", None),
    ],
    ids=["offsets-exact", "offsets-through-markup", "offsets-wrong-text-found", "not-in-text"],
)
def test_highlight(text: str, span: tuple[int, int], evidence: str, marked: str | None) -> None:
    found = highlight(text, *span, evidence)
    assert (found.evidence if found else None) == marked
    if found:
        assert found.before + found.evidence + found.after == text


def test_chart_draws_unknown_starts_and_undated_ends() -> None:
    ada, ben, acme = EntityRef(1, "Ada Moss"), EntityRef(2, "Ben Ode"), EntityRef(9, "Acme")
    events = [
        RoleEvent(1, "departure", ada, acme, "CFO", "2020-03-02", "day", "completed"),
        RoleEvent(2, "appointment", ben, acme, "CTO", "2018", "year"),
        RoleEvent(3, "departure", ben, acme, "CTO", None, None, "reported"),
    ]
    svg = str(leadership_chart(derive_spans(events), dt.date(2025, 1, 1)))

    assert svg.count('class="unknown-start"') == 1
    assert svg.count('class="undated"') == 1 and ">?</text>" in svg
    assert 'class="arrow"' not in svg
    assert ">2018</text>" in svg and ">2026</text>" in svg
    assert leadership_chart([], dt.date(2025, 1, 1)) == ""
