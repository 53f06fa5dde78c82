"""When two reports state one fact: the single policy the extractor and ingest both apply.

Within one article the extractor folds drafts with it (events/merge.py); across articles ingest folds a new
report into a stored event with it (tenure/ingest/merge.py). Same fact means same type, person and
organization (each caller decides how names compare: text within an article, stored ids across
articles), plus:
- compatible roles: appointments need one canonical role (a CEO appointment and a board seat are two
  facts); departures differ only board against executive ("chief technology officer" and "technology
  chief" are one departure);
- agreeing identifying details where a type has them (a Series A is not a Series B);
- compatible dates: equal, one inside the other's span at a coarser precision ("2025" holds
  "2025-10-20"), either undated, or day dates at most a day apart.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# Finer precisions rank lower; undated ranks last. The more precise of two reports wins.
PRECISION_RANK: dict[str | None, int] = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
# Two day-precision reports this far apart are one fact seen from two time zones or deadlines.
DAY_WINDOW = dt.timedelta(days=1)

# Details that identify a fact within a type: when both reports give one and they differ, the
# reports are about different facts. Example: Kestrel's "Series A" and "Series B" rounds.
IDENTIFYING_DETAILS: dict[str, tuple[str, ...]] = {
    "funding_round": ("round",),
    "award": ("award",),
    "founding": ("company",),
    "reporting_change": ("to_manager",),
}

# Role words folded to one canonical role, (pattern, role, example). A role matching none keeps
# its own normalised text. The chair is a board role of its own: joining a board in 2009 and
# taking its chair in 2017 are two appointments.
ROLE_FORMS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\bchair(?:man|woman|person)?\b"), "chair", "non-executive chairman"),
    (re.compile(r"\b(?:board|director|trustee)\b"), "board", "independent director"),
    (re.compile(r"\bchief executive(?: officer)?\b|\bceo\b"), "ceo", "Chief Executive Officer"),
    (re.compile(r"\bchief technology officer\b|\bcto\b|\bchief technologist\b"), "cto", "CTO"),
    (re.compile(r"\bchief financial officer\b|\bcfo\b|\bfinance chief\b"), "cfo", "chief financial officer"),
    (re.compile(r"\bchief operating officer\b|\bcoo\b"), "coo", "COO"),
    (re.compile(r"(?<!vice )\bpresident\b"), "president", "president (not vice president)"),
)
BOARD_ROLES = frozenset({"board", "chair"})
# Roles too vague to tell facts apart count as unknown: "chief" (from "Northwind's chief, Dana ...").
VAGUE_ROLES = frozenset({"chief", "executive", "head", "leader", "officer", "boss", "top executive"})
# Titles that are roles of their own, never folded into the one they contain: executive-director
# titles are not board seats ("director of engineering"), a lower rank is not the office ("vice
# president", "deputy chief executive"), and an office-elect is not yet the office ("CEO-elect").
_OWN_ROLE = re.compile(
    r"\bdirector of\b|\bmanaging director\b|\b(?:vice|deputy|assistant|associate)\b|\belect\b"
)


def same_organization(a: str | None, b: str | None) -> bool:
    """One organization named two ways within an article: equal, or one name's words start the
    other's ("Acme" / "Acme Pharma Inc"). Across articles ingest compares resolved ids instead."""
    x, y = (a or "").casefold().split(), (b or "").casefold().split()
    if not x or not y:
        return x == y
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long[: len(short)] == short


def role_key(role: str | None) -> str | None:
    """The canonical role a title names, or None when it names none that tells facts apart."""
    if not role or not role.strip():
        return None
    text = " ".join(re.sub(r"[^\w]+", " ", role.casefold()).split())
    if not text or text in VAGUE_ROLES:
        return None
    if _OWN_ROLE.search(text):
        return text
    for pattern, canonical, _ in ROLE_FORMS:
        if pattern.search(text):
            return canonical
    return text


def roles_compatible(event_type: str, a: str | None, b: str | None) -> bool:
    """Appointments to different roles are different facts; a departure differs only board vs
    executive (one report says "chief technology officer", another "technology chief")."""
    key_a, key_b = role_key(a), role_key(b)
    if key_a is None or key_b is None:
        return True
    if event_type == "appointment":
        return key_a == key_b
    if event_type == "departure":
        return (key_a in BOARD_ROLES) == (key_b in BOARD_ROLES)
    return True


def details_compatible(event_type: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    for name in IDENTIFYING_DETAILS.get(event_type, ()):
        left, right = a.get(name), b.get(name)
        if left and right and _fold(left) != _fold(right):
            return False
    return True


def _fold(value: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(value).casefold()).split())


def date_span(date: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date stands for, or None when undated (or unreadable)."""
    if not date:
        return None
    try:
        parts = [int(part) for part in date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    if precision == "week":
        return day, day + dt.timedelta(days=6)
    return day, day


def dates_compatible(a: str | None, a_precision: str | None, b: str | None, b_precision: str | None) -> bool:
    span_a, span_b = date_span(a, a_precision), date_span(b, b_precision)
    if span_a is None or span_b is None:
        return True
    window = DAY_WINDOW if a_precision == b_precision == "day" else dt.timedelta(0)
    return span_a[0] <= span_b[1] + window and span_b[0] <= span_a[1] + window


def more_precise(
    new: str | None, new_precision: str | None, old: str | None, old_precision: str | None
) -> bool:
    """Whether the new date narrows the old one (ties keep the first report)."""
    if not new:
        return False
    if not old:
        return True
    return PRECISION_RANK.get(new_precision, 4) < PRECISION_RANK.get(old_precision, 4)


def facts_agree(
    event_type: str,
    a: tuple[str | None, dict[str, Any], str | None, str | None],
    b: tuple[str | None, dict[str, Any], str | None, str | None],
) -> bool:
    """Two reports of one type, person and organization state one fact: (role, details, date,
    precision) each."""
    return (
        roles_compatible(event_type, a[0], b[0])
        and details_compatible(event_type, a[1], b[1])
        and dates_compatible(a[2], a[3], b[2], b[3])
    )
