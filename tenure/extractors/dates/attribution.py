"""Which of a sentence's time expressions belongs to which event.

dates/spans.py finds and resolves the expressions; this module only chooses. A date belongs to the
trigger it is nearest to ("left in May and has started a company": May is the leaving); a date
opening the sentence ("In 2013, when ...") belongs to every event in it; an "effective" date wins
for moves; "since 2018" is someone's tenure, not this event; an award edition ("2018 Turing
Award") yields to a real date in the same sentence; a sentence with no date takes the date of a
lead-in that introduces it ("Reuters reported on Tuesday:").
"""

from __future__ import annotations

import dataclasses
import re

from tenure.extractors.dates.spans import FUTURE_CUE, DateMention

_SINCE_BEFORE_RE = re.compile(
    r"\b(?:since|until|till|through|by|before)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE
)
# "..., the company said earlier this month": the date of the statement, which covers what it says.
_ATTRIBUTION_BEFORE_RE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|confirmed)\s+(?:on\s+|in\s+)?$", re.IGNORECASE
)
_EFFECTIVE_BEFORE_RE = re.compile(r"\b(?:effective|starting|beginning|as of)\s+(?:on\s+)?$", re.IGNORECASE)
_VAGUE_EFFECTIVE_RE = re.compile(r"\b(?:immediately|that day|today)\b", re.IGNORECASE)
_EDITION_AFTER_RE = re.compile(r"^\s*(?:[A-Z][\w'’-]*\s+){0,5}(?:Award|Prize|Medal|Nobel|Fellowship)s?\b")
_OPENING_LIMIT = 24
# "after June 1, 2026": not a fixed day, so the month ("expected to take over after June 1").
_AFTER_DAY_RE = re.compile(r"\b(?:after|no\s+earlier\s+than|sometime\s+after|some\s+time\s+after)\s+$", re.I)
# Future words right before a trigger: "who will become", "is set to take over".
_FORWARD_TRIGGER_WINDOW = 30


# "has led the company since 2020, when he succeeded X": the when-clause's move happened then.
_WHEN_CLAUSE_AFTER_RE = re.compile(r"^\s*,?\s*when\b[^.;()]*$", re.IGNORECASE)
_WHEN_CLAUSE_REACH = 60


def dates_when_clause(text: str, mention: DateMention, trigger: tuple[int, int]) -> bool:
    """The date is taken up by a "when" clause that holds the trigger ("since 2020, when he
    succeeded ..."): a tenure's start is the day of the move that opened it."""
    if trigger[0] < mention.end or trigger[0] - mention.end > _WHEN_CLAUSE_REACH:
        return False
    return bool(_WHEN_CLAUSE_AFTER_RE.match(text[mention.end : trigger[0]]))


def usable(text: str, mention: DateMention) -> bool:
    """Tenure spans and deadlines ("since 2018", "until Sept. 9") do not date an event."""
    before = text[max(0, mention.start - 20) : mention.start]
    return not _SINCE_BEFORE_RE.search(before) and not mention.text.lower().startswith(
        ("since", "until", "till", "before", "by ")
    )


# "from 1999 to 2001", "from September 2009 until his retirement": the first date opens a span.
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_RANGE_END_AFTER_RE = re.compile(r"^\s*(?:until|till|to|through|and)\b", re.IGNORECASE)


def starts_range(text: str, mention: DateMention) -> bool:
    """The date opens a "from X until/to Y" span (a tenure), rather than dating a move."""
    opened = mention.text.lower().startswith("from") or bool(
        _FROM_BEFORE_RE.search(text[max(0, mention.start - 8) : mention.start])
    )
    return opened and bool(_RANGE_END_AFTER_RE.match(text[mention.end : mention.end + 12]))


_CLAUSE_END_RE = re.compile(r"\s[-–—]\s|[;:()–—]|,\s")


def _dates_after_clause(text: str, mention: DateMention, trigger: tuple[int, int]) -> bool:
    return trigger[0] >= mention.end and not _CLAUSE_END_RE.search(text[mention.end : trigger[0]])


_RELATIVE_OPEN_RE = re.compile(r",\s*(?:who|whose)\b")


def _in_relative_clause_after(text: str, mention: DateMention, trigger: tuple[int, int]) -> bool:
    """The date sits in a "who"/"whose" clause opened after the trigger, about someone else."""
    return mention.start >= trigger[1] and bool(_RELATIVE_OPEN_RE.search(text, trigger[1], mention.start))


_ASIDE_OPEN_RE = re.compile(r",\s*(?:who|whose)\b[^,;()]*$")


def _in_closed_aside_before(
    text: str, sentence_start: int, mention: DateMention, trigger: tuple[int, int]
) -> bool:
    """The date sits in a ", who ...," aside that closes before the trigger."""
    if mention.end > trigger[0] or "," not in text[mention.end : trigger[0]]:
        return False
    return bool(_ASIDE_OPEN_RE.search(text, sentence_start, mention.start))


def is_effective(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 16) : mention.start]
    spoken = mention.text.lower()
    if _VAGUE_EFFECTIVE_RE.search(spoken):
        return False
    if mention.rule_id.startswith("date.effective"):
        return True
    return bool(_EFFECTIVE_BEFORE_RE.search(before)) or spoken.startswith(("effective", "starting"))


def is_effective_mention(mention: DateMention) -> bool:
    """A mention that is an effective date by its own words ("effective Oct. 1", "from July 22")."""
    return mention.rule_id.startswith("date.effective") or mention.text.lower().startswith(
        ("effective", "starting", "from")
    )


def is_edition(text: str, mention: DateMention) -> bool:
    """A year naming an award's edition: "the 2018 Turing Award"."""
    return mention.precision == "year" and bool(_EDITION_AFTER_RE.match(text[mention.end : mention.end + 60]))


def choose(
    text: str,
    sentence_start: int,
    candidates: list[DateMention],
    trigger: tuple[int, int],
    triggers: list[tuple[int, int]],
    *,
    event_type: str,
) -> DateMention | None:
    """The date for the event whose trigger is `trigger`, among one sentence's dates."""
    usable_dates = [
        d
        for d in candidates
        if d.date is not None and (usable(text, d) or dates_when_clause(text, d, trigger))
    ]
    if event_type == "departure":
        # "served as town clerk from March 2011 until she retired last May": a tenure's start
        # is not when it ended.
        usable_dates = [d for d in usable_dates if not starts_range(text, d)]
    # "The shake-up comes 11 months after the founder left": the offset dates the event after it,
    # in its own clause, never a move told outside that clause.
    usable_dates = [
        d
        for d in usable_dates
        if d.rule_id != "date.relative-comes-after" or _dates_after_clause(text, d, trigger)
    ]
    if event_type == "appointment":
        # "He replaces X, whose term ended in August": the relative clause dates X's leaving.
        usable_dates = [d for d in usable_dates if not _in_relative_clause_after(text, d, trigger)]
    # "X, who started Acme in 1997, is appointed CBE": a closed aside about a person dates its own
    # verb only ("the structure, which takes effect Aug. 3, ..." still dates what follows).
    usable_dates = [d for d in usable_dates if not _in_closed_aside_before(text, sentence_start, d, trigger)]
    if not usable_dates:
        return None
    if event_type in {"appointment", "departure", "reporting_change"}:
        effective = [d for d in usable_dates if is_effective(text, d)]
        if effective:
            return effective[0]
    own: list[tuple[int, DateMention]] = []
    for mention in usable_dates:
        distance = _distance(text, mention, trigger)
        nearest = min(_distance(text, mention, other) for other in triggers)
        opening = mention.start - sentence_start <= _OPENING_LIMIT and mention.end <= min(
            t[0] for t in triggers
        )
        attribution = bool(_ATTRIBUTION_BEFORE_RE.search(text[max(0, mention.start - 30) : mention.start]))
        first_before = [t for t in triggers if t[1] <= mention.start]
        if attribution and first_before and trigger == first_before[0]:
            opening = True  # the statement's date dates the move it reports first
        if distance <= nearest or opening:
            own.append((distance, mention))
    if not own:
        return None
    if event_type == "award":
        # "won the 2024 Acme Prize yesterday": the day it was won beats the edition year.
        real = [pair for pair in own if not is_edition(text, pair[1])]
        own = real or own
    own.sort(key=lambda pair: pair[0])
    chosen = own[0][1]
    if chosen.tense == "past" and _forward_trigger(text, sentence_start, trigger):
        # "X said Wednesday it will promote A on June 23, replacing B, who will become chairman":
        # B's move is the forward one on June 23, not the day of the statement.
        forward = [d for d in usable_dates if d.tense == "future" and d.precision != "year"]
        if forward:
            chosen = min(forward, key=lambda d: _distance(text, d, trigger))
    return after_day(text, chosen)


def after_day(text: str, mention: DateMention) -> DateMention:
    """A day after "after" is the month it falls in: "after June 1, 2026" is 2026-06."""
    if mention.precision != "day" or mention.date is None:
        return mention
    if not _AFTER_DAY_RE.search(text[max(0, mention.start - 24) : mention.start]):
        return mention
    return dataclasses.replace(mention, date=mention.date[:7], precision="month")


def _forward_trigger(text: str, sentence_start: int, trigger: tuple[int, int]) -> bool:
    head = text[max(sentence_start, trigger[0] - _FORWARD_TRIGGER_WINDOW) : trigger[1]]
    return bool(FUTURE_CUE.search(head))


def attribution(text: str, candidates: list[DateMention]) -> DateMention | None:
    """The day a sentence's statement was made ("said on Monday", "announced Tuesday"), if any."""
    for mention in candidates:
        if mention.precision != "day" or mention.tense != "past" or mention.date is None:
            continue
        if _ATTRIBUTION_BEFORE_RE.search(text[max(0, mention.start - 30) : mention.start]):
            return mention
    return None


# A clause boundary between a date and a trigger makes them unlikely to belong together:
# "was named President in March 2014 after serving as ..." dates the naming, not the serving.
_BOUNDARY_RE = re.compile(
    r"\b(?:after|before|while|when|whereas|but|who|which)\b|[,;—–()]|"
    r"\band\s+(?:was|were|has|had|is|will|became|later|then)\b"
)
_BOUNDARY_COST = 60
_INFINITIVE_AFTER_RE = re.compile(r"\s+to\s+[a-z]")
_PRECEDING_COST = 12


def _distance(text: str, mention: DateMention, span: tuple[int, int]) -> int:
    # A date usually follows its verb ("will leave at the end of March to join X"): a date that
    # precedes a trigger belongs to it less than one that follows.
    before_trigger = 0
    if mention.end <= span[0]:
        gap = text[mention.end : span[0]]
        before_trigger = _PRECEDING_COST
        if _INFINITIVE_AFTER_RE.match(text, mention.end):
            # "left in May to join Y": the date is the leaving's; the purpose shares it later.
            before_trigger += _BOUNDARY_COST
    elif mention.start >= span[1]:
        gap = text[span[1] : mention.start]
    else:
        return 0
    return len(gap) + before_trigger + (_BOUNDARY_COST if _BOUNDARY_RE.search(gap) else 0)
