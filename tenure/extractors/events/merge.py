"""One event per fact: drafts that state the same fact merge into the strongest of them.

Same fact means same type and person and organization, plus: for appointments, compatible roles
by the policy ingest applies across articles (`events/facts.py`: a CEO appointment and a board seat are
two facts); for awards, the same prize; for funding rounds,
the same amount (a $1 billion raise told twice is one round, even if the second mention names the
company differently). The strongest draft keeps its evidence; gaps (date, role, successor) are
filled from the others.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tenure.extractors.dates.spans import DateMention
from tenure.extractors.events.facts import (
    PRECISION_RANK,
    dates_compatible,
    role_key,
    roles_compatible,
    same_organization,
)
from tenure.extractors.events.scene import Draft


def merge_drafts(drafts: list[Draft], news_year: str | None = None) -> list[Draft]:
    """Group drafts by fact. `news_year` (the publication year) tells background from news."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        for group in groups:
            # Every member must agree: a role-less draft must not bridge a CEO and a President.
            # Told close to one member is close enough: a headline and its lead tell one fact.
            if all(same_fact(draft, other, news_year, near=False) for other in group) and any(
                same_fact(draft, other, news_year) for other in group
            ):
                group.append(draft)
                break
        else:
            groups.append([draft])
    merged = [_combine(group) for group in groups]
    _link_handovers(merged, news_year)
    _share_handover_roles(merged)
    _share_handover_dates(merged)
    merged.sort(key=lambda d: (d.sentence, d.trigger[0]))
    return merged


_HOLDER_RE = re.compile(r"^(?:current|outgoing|then|former|longtime|incumbent)[\s-]+", re.IGNORECASE)
_STOPGAP_RE = re.compile(r"^(?:interim|acting|temporary)[\s-]+", re.IGNORECASE)


def _link_handovers(events: list[Draft], news_year: str | None) -> None:
    """ "CEO B is stepping down ... The board appointed A as the next CEO": told apart, one hand-over.

    A departure from a role and another person's appointment to that role at the same company,
    neither naming the other, are linked when the story has exactly one such newcomer. An interim
    holder takes over from the leaver too, but the leaver's successor is the permanent one.
    """
    for departure in events:
        if departure.type != "departure" or departure.details.get("successor"):
            continue
        role = role_key(_HOLDER_RE.sub("", departure.role)) if departure.role else None
        permanent: list[Draft] = []
        stopgap: list[Draft] = []
        for event in events:
            if (
                event.type != "appointment"
                or event.person == departure.person
                or not event.role
                or event.details.get("predecessor")
                or not same_organization(event.organization, departure.organization)
                or _background(replace(event, role=None), news_year)
            ):
                continue
            bare = _STOPGAP_RE.sub("", event.role)
            if role is None or role_key(bare) != role:
                continue
            (stopgap if bare != event.role else permanent).append(event)
        if not permanent and not stopgap:
            # "His final day is Jan. 15, and A will then take over": a role-less taker told next to it.
            permanent = [
                e
                for e in events
                if e.type == "appointment"
                and e.person != departure.person
                and not e.role
                and not e.details.get("predecessor")
                and abs(e.sentence - departure.sentence) <= 1
                and same_organization(e.organization, departure.organization)
                and not _background(e, news_year)
            ]
        if len(permanent) != 1 or len({e.person for e in stopgap}) > 1:
            continue
        newcomer = permanent[0]
        departure.details["successor"] = newcomer.person
        newcomer.details["predecessor"] = departure.person
        for event in stopgap:
            event.details["predecessor"] = departure.person


def _share_handover_roles(events: list[Draft]) -> None:
    """ "He will be succeeded by A": A takes the role the leaver gives up, told in another sentence."""
    for appointment in events:
        predecessor = appointment.details.get("predecessor")
        if appointment.type != "appointment" or appointment.role or not predecessor:
            continue
        given_up = [
            e
            for e in events
            if e.type == "departure"
            and e.person == predecessor
            and e.role
            and e.details.get("successor") == appointment.person
            and same_organization(e.organization, appointment.organization)
        ]
        if len(given_up) == 1 and not re.search(r"founder|former", given_up[0].role or "", re.IGNORECASE):
            appointment.role = _HOLDER_RE.sub("", given_up[0].role or "") or None


def full_org_names(drafts: list[Draft], org_names: list[str]) -> None:
    """One company under two names ("Corvane Logistics said ... Corvane named ..."): every event
    names it in the longest form the article uses, when the longer form only adds words of a
    company's name ("Logistics", "Group", "Inc"), not a unit's ("Acme Canada", "Acme Music")."""
    names = set(org_names)
    for draft in drafts:
        short = draft.organization
        if not short or draft.type not in {"appointment", "departure", "reporting_change"}:
            continue
        longer = [
            n for n in names if len(n) > len(short) and same_organization(short, n) and _suffix_only(short, n)
        ]
        if longer:
            draft.organization = max(longer, key=lambda n: (len(n), n))


# A board's own bodies are not employers: "joined the Audit Committee" is a seat at the company,
# "the Acme University Board of Regents selected ..." appoints to Acme University.
_COMMITTEE_RE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w&-]*\s+){0,3}Committee$")
_GOVERNING_BODY_RE = re.compile(
    r"^(?P<owner>.+?)\s+(?:Board\s+of\s+(?:Regents|Trustees|Governors|Directors|Visitors)|Board)$"
)


def employers(drafts: list[Draft], main_org: str | None) -> None:
    """Name the company, not its committee or governing board, as where a move happens."""
    for draft in drafts:
        name = draft.organization
        if not name or draft.type not in {"appointment", "departure"}:
            continue
        body = _GOVERNING_BODY_RE.match(name)
        if body is not None:
            draft.organization = body.group("owner")
        elif _COMMITTEE_RE.match(name) and main_org is not None:
            draft.organization = main_org


def _suffix_only(short: str, long: str) -> bool:
    extra = long.split()[len(short.split()) :]
    return bool(extra) and all(w.lower().rstrip(".,") in _NAME_TAILS for w in extra)


# Words that complete a company's name rather than name a part of it: "Acme Research", "Acme
# Cloud", "Acme Ventures" and "Acme AI" are often units or arms, so they are not here.
_NAME_TAILS = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
        "spa",
        "holdings",
        "holding",
        "group",
        "company",
        "companies",
        "industries",
        "enterprises",
        "logistics",
        "systems",
        "technologies",
        "technology",
        "pharmaceuticals",
        "pharma",
        "therapeutics",
        "biosciences",
        "motors",
        "airlines",
        "airways",
        "foods",
        "energy",
        "health",
        "healthcare",
        "financial",
        "bancorp",
        "bancshares",
        "bank",
        "brands",
        "networks",
        "software",
        "semiconductor",
        "semiconductors",
        "electronics",
        "robotics",
        "games",
        "media",
        "studios",
        "entertainment",
        "communications",
        "telecom",
        "publishing",
        "insurance",
        "works",
        "mills",
        "stores",
    ]
)


_TEAM_RULE = "appointment.team-then-names"


def _share_handover_dates(events: list[Draft]) -> None:
    """A hand-over happens on one day: "B steps aside; A takes over, effective April 1" dates both.

    The successor's appointment and the predecessor's departure share the effective (future) date
    either of them states, when the other has none of its own that is also forward-looking.
    """
    appointments = {
        (e.person, (e.organization or "").casefold()): e for e in events if e.type == "appointment"
    }
    for departure in (e for e in events if e.type == "departure" and e.details.get("successor")):
        key = (departure.details["successor"], (departure.organization or "").casefold())
        # The successor's appointment that names this predecessor, before any other of theirs
        # (a career step of the same person at the same company is another fact).
        named = next(
            (
                e
                for e in events
                if e.type == "appointment"
                and e.person == key[0]
                and e.details.get("predecessor") == departure.person
            ),
            None,
        )
        appointment = (
            named
            or appointments.get(key)
            or next(
                (
                    a
                    for (p, _), a in appointments.items()
                    if p == key[0] and same_organization(a.organization, departure.organization)
                ),
                None,
            )
        )
        if appointment is None or departure.details.get("status") == "completed":
            continue
        for giver, taker in ((appointment, departure), (departure, appointment)):
            effective = giver.date is not None and giver.date.rule_id.startswith("date.effective")
            if effective and (taker.date is None or taker.date.tense != "future"):
                taker.date = giver.date


def same_fact(a: Draft, b: Draft, news_year: str | None = None, *, near: bool = True) -> bool:
    if a.type != b.type:
        return False
    if a.type == "funding_round":
        amount_a, amount_b = a.details.get("amount"), b.details.get("amount")
        if amount_a is not None and amount_a == amount_b:
            return True
        same_party = same_organization(a.organization, b.organization) and a.person == b.person
        if a.rule_id == b.rule_id == "funding.round-of-amount" and a.sentence != b.sentence:
            return False  # "the first round of $1m ... their next round of $2m": each names its round
        if a.rule_id in _ROUND_DETAIL_RULES or b.rule_id in _ROUND_DETAIL_RULES:
            # "The round was led by X" / "it was valued at $Y": a detail of the round told before.
            return same_party and not _conflict(a, b, ("amount", "valuation", "round"))
        # A round without an amount is the same round as a nearby one with an amount
        # ("raised $20 million ... The round was led by ..."), not one told paragraphs apart.
        near = amount_a == amount_b or abs(a.sentence - b.sentence) <= 3
        return same_party and near and not _conflict(a, b, ("amount", "valuation", "round"))
    if a.type == "founding" and (a.person is None or b.person is None):
        # "spun out a company, Veridian" and "founded by A and B": the founders' event says it all.
        return a.organization is not None and same_organization(a.organization, b.organization)
    if a.person != b.person:
        return False
    if a.type == "founding":
        if (a.organization is None) != (b.organization is None) and any(
            _background(d, news_year) for d in (a, b) if d.organization is not None
        ):
            return False  # "sold Foo, which he founded in 2014 ... will begin his new venture": two
        return _compatible(a.organization, b.organization)
    if a.type == "award":
        return _compatible_text(a.details.get("award"), b.details.get("award")) and not _category_of(
            a.details.get("award"), b.details.get("award")
        )
    if not same_organization(a.organization, b.organization):
        return False
    if (a.rule_id == _TEAM_RULE) != (b.rule_id == _TEAM_RULE):
        return False  # a seat on an interim leadership team is not the member's own appointment
    if a.type == "appointment":
        if a.details.get("predecessor") and a.details.get("predecessor") == b.details.get("predecessor"):
            return True  # "A will succeed B" told twice, with and without the role, is one move
        # Joining in 2019 and taking over as CEO in 2025 are two facts; one role told twice is one.
        if a.role and b.role:
            return roles_compatible("appointment", a.role, b.role)
        # A role-less mention is the same appointment only when told close by, and "joined in
        # 2016" (background from another year) is not this year's news.
        if (near and abs(a.sentence - b.sentence) > 3) or _conflict(a, b, ()):
            return False
        return not any(_background(d, news_year) for d in (a, b))
    return True


_ROUND_DETAIL_RULES = frozenset({"funding.led-by", "funding.values-at"})


def _conflict(a: Draft, b: Draft, keys: tuple[str, ...]) -> bool:
    """Two drafts that state different values for one detail are different facts."""
    for key in keys:
        x, y = a.details.get(key), b.details.get(key)
        if x not in (None, "", []) and y not in (None, "", []) and x != y:
            return True
    da: DateMention | None = a.date
    db: DateMention | None = b.date
    if da is None or db is None or not da.date or not db.date or da.tense != db.tense:
        return False  # an announcement (past) and the date it takes effect (future) agree
    # "in 2021" and "in March 2021" agree; "March" and "May" do not (the policy ingest applies).
    return not dates_compatible(da.date, da.precision, db.date, db.precision)


def _background(draft: Draft, news_year: str | None) -> bool:
    date = draft.date.date if draft.date is not None else None
    return bool(news_year and date and date[:4] < news_year and not draft.role)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or same_organization(a, b)


def _category_of(a: Any, b: Any) -> bool:
    """ "International Entrepreneur of the Year" is a category of its own beside "Entrepreneur of
    the Year": a capitalised word put before a prize's name makes another prize."""
    if not a or not b:
        return False
    x, y = sorted((str(a), str(b)), key=len)
    at = y.casefold().find(x.casefold())
    return at > 0 and bool(re.fullmatch(r"(?:[A-Z][\w-]*\s+){1,2}", y[:at]))


def _compatible_text(a: Any, b: Any) -> bool:
    if not a or not b:
        return True
    x, y = str(a).casefold(), str(b).casefold()
    return x in y or y in x


def _precision_rank(draft: Draft) -> int:
    """Higher for finer dates: the shared ranking, turned so that max() prefers precision."""
    precision = draft.date.precision if draft.date is not None else None
    return -PRECISION_RANK.get(precision, PRECISION_RANK[None])


def _combine(group: list[Draft]) -> Draft:
    best = max(group, key=lambda d: (d.confidence, _precision_rank(d), -d.sentence))
    best.sources = sorted({d.sentence for d in group})  # where the fact is told (engine's dating reads it)
    effective = [d.date for d in group if d.date is not None and d.date.tense == "future"]
    effective.sort(key=lambda m: PRECISION_RANK.get(m.precision, PRECISION_RANK[None]))
    settled = best.type == "departure" and best.details.get("status") == "completed"
    if (
        best.type in {"appointment", "departure"}
        and not settled
        and effective
        and (best.date is None or best.date.tense != "future")
    ):
        best.date = effective[0]  # "takes over on July 1": the move's own date beats the announcement
    # Fill gaps from the strongest, most precise drafts first.
    for other in sorted(group, key=lambda d: (d.confidence, _precision_rank(d)), reverse=True):
        if other is best:
            continue
        if best.date is None and other.date is not None:
            best.date = other.date
        if best.role is None and other.role is not None:
            best.role = other.role
        if best.organization is None and other.organization is not None:
            best.organization = other.organization
        if best.person is None and other.person is not None:
            best.person = other.person
        for key, value in other.details.items():
            if best.details.get(key) in (None, [], "") and value not in (None, [], ""):
                best.details[key] = value
    return best
