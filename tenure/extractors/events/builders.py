"""From a rule's trigger in a scene to draft events: one builder per event type."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tenure.extractors.dates.spans import DateMention
from tenure.extractors.entities.given_names import gender_of
from tenure.extractors.entities.lexicon import DESCRIPTION_HEADS, NOT_NAME_WORDS, PLACE_WORDS, TITLE_RE
from tenure.extractors.entities.recognise import Mention, is_title_case
from tenure.extractors.events.facts import same_organization
from tenure.extractors.events.money import INVESTOR_CUE_RE, LEAD_CUE_RE, find_money, round_name
from tenure.extractors.events.rules import Rule
from tenure.extractors.events.scene import Draft, Scene

Builder = Callable[[Scene, Rule, re.Match[str]], list[Draft]]

# "a startup named Quarry", "an app called Foo": a name given to a thing, not an appointment.
_NAMED_AS_COMPANY_RE = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|startup|start-up|organi[sz]ation|group|team|lab|"
    r"product|model|project|fund|app|tool|platform|robot|device|chatbot|service)?\s*$",
    re.IGNORECASE,
)
# "join Acme's board", "was appointed to the board of directors": a board seat.
_BOARD_SEAT_RE = re.compile(
    r"^\s*(?:to\s+|on\s+)?(?:the\s+|its\s+)?(?:[\w'’&.-]+\s+){0,3}?board\b", re.IGNORECASE
)
_BOARD_RE = re.compile(r"^\s*(?:the\s+)?(?:[\w'’&.-]+\s+){0,3}?board\b", re.IGNORECASE)
_AWARD_LOWER_RE = re.compile(
    r"\b(?:the\s+)?((?:[\w-]+\s+){0,2}(?:prize|award|medal|hall\s+of\s+fame)\b|(?:knighthood|damehood|peerage)(?=s?\b))",
    re.IGNORECASE,
)
_COWINNER_CUE_RE = re.compile(r"\b(?:alongside|along with|together with|jointly with|with)\s", re.IGNORECASE)
_INVESTOR_STOP_RE = re.compile(
    r"[.;:]|,\s+(?:which|who|reaching|bringing|giving|valuing|the|with|including|alongside)\b|\s(?:to|in|at|with)\s"
    r"|,\s+(?:[\w&'’.-]+\s+){1,4}?(?:said|says|told|announced|added)\b"  # ", Acme said": the speaker
)
_HIRE_TRIGGER_RE = re.compile(r"hire", re.IGNORECASE)


def _abs(scene: Scene, match: re.Match[str]) -> tuple[int, int]:
    return scene.sentence.start + match.start(), scene.sentence.start + match.end()


def _draft(scene: Scene, rule: Rule, span: tuple[int, int], **fields: object) -> Draft:
    return Draft(
        type=str(fields.pop("type", rule.type)),
        person=fields.pop("person", None),  # type: ignore[arg-type]
        organization=fields.pop("organization", None),  # type: ignore[arg-type]
        role=fields.pop("role", None),  # type: ignore[arg-type]
        details=dict(fields.pop("details", {})),  # type: ignore[call-overload]
        trigger=span,
        confidence=float(fields.pop("confidence", rule.confidence)),  # type: ignore[arg-type]
        rule_id=str(fields.pop("rule_id", rule.rule_id)),
        sentence=scene.index,
    )


def _name(mention: Mention | None) -> str | None:
    return mention.name if mention else None


# Between two people of one list, an aside may stand: "A, a chemist, and B", "A (Foo University) and Dr. B",
# "A, who led the team, and B".
_LOOSE_GAP_RE = re.compile(
    r"^(?:\s*\([^()]{1,60}\))?(?:,\s+[^,;.()]{1,90},)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
    r"(?:[\w'’.-]+,?\s+){0,4}$"
)


def _listed_with_asides(scene: Scene, listed: list[Mention], *, forward: bool) -> list[Mention]:
    """Widen a list of people across asides the plain list does not cross."""
    if not listed:
        return listed
    people = [p for p in scene.persons() if p.via != "pronoun"]
    widened = list(listed)
    if forward:
        for mention in people:
            if mention.start <= widened[-1].end or mention.name == widened[-1].name:
                continue  # "A, who founded the chain A's, and B": A's own name inside A's aside
            if not _LOOSE_GAP_RE.match(scene.text[widened[-1].end : mention.start]):
                break
            widened.append(mention)
    else:
        for mention in reversed(people):
            if mention.end > widened[0].start:
                continue
            if not _LOOSE_GAP_RE.match(scene.text[mention.end : widened[0].start]):
                break
            widened.insert(0, mention)
    return widened


# Words that end a list of people: "A, interim chief after B", "A, the former head of B".
_NOT_LIST_GAP_RE = re.compile(
    r"\b(?:after|before|from|to|with|by|of|for|than|at|said|says|replacing|succeeding|who|which)\b", re.I
)


def _coordinated(scene: Scene, listed: list[Mention]) -> list[Mention]:
    """The people of `listed` (in reading order from the first) joined as one list: named people,
    each gap a comma or "and" with no preposition, and an "and" somewhere, else the first alone."""
    kept = listed[:1]
    joined = False
    for mention in listed[1:]:
        if mention.via == "pronoun" or any(m.name == mention.name for m in kept):
            break
        low, high = sorted((kept[-1], mention), key=lambda m: m.start)
        gap = scene.text[low.end : high.start]
        if _NOT_LIST_GAP_RE.search(_aside_removed(gap)):
            break
        joined = joined or bool(re.search(r"\band\b|&", gap))
        kept.append(mention)
    return kept if joined else kept[:1]


def _in_closed_relative(scene: Scene, listed: list[Mention], at: int) -> bool:
    """ "Mark Ellis, who hired A and B, will retire": the list sits in an aside closed before the verb."""
    if not listed:
        return False
    segment = scene.text[scene.sentence.start : listed[0].start]
    openers = list(re.finditer(r",\s*(?:who|which|whose)\b", segment))
    if not openers or "," in segment[openers[-1].end() :]:
        return False
    return "," in scene.text[listed[-1].end : at]


def _aside_removed(gap: str) -> str:
    """ "A, president of land and sea, and B": the aside between commas may hold anything."""
    return re.sub(r"^(?:\s*\([^()]{1,60}\))?,\s+[^,;.()]{1,70},", "", gap)


# "I", "I'm", "my" in the clause before a trigger.
_FIRST_PERSON_RE = re.compile(r"(?-i:\bI\b)|\bmy\b", re.IGNORECASE)
_CLAUSE_START_RE = re.compile(r"[,;:.!?]\s|\band\s", re.IGNORECASE)


def _first_person_author(scene: Scene, at: int) -> Mention | None:
    """A post that opens with its author's name on a line of its own: "I" and "my" are that person."""
    clause = scene.text[scene.sentence.start : at + 3]  # "my last day": the pronoun may open the trigger
    cuts = list(_CLAUSE_START_RE.finditer(clause))
    if cuts:
        clause = clause[cuts[-1].end() :]
    if not _FIRST_PERSON_RE.search(clause):
        return None
    first = next((m for m in scene.entities.mentions if m.kind == "person" and m.via != "pronoun"), None)
    if first is None or scene.text[: first.start].strip() or not scene.text[first.end :].startswith("\n"):
        return None
    return first


# "she and a former colleague, Bo Chan, set up ...": the pronoun is a founder too.
_PRONOUN_AND_RE = re.compile(r"\b(?:she|he)\s+and\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def _pronoun_partner(scene: Scene, first: Mention) -> Mention | None:
    low = max(scene.sentence.start, first.start - 60)
    cue = _PRONOUN_AND_RE.search(scene.text[low : first.start].rstrip(", ") + " ")
    if cue is None:
        return None
    return next((m for m in scene.persons() if m.start == low + cue.start() and m.name != first.name), None)


# --- departures -----------------------------------------------------------------------------


# "..., which left 2m customers locked out", "Acme, which became a market darling": a thing acts
# ("that" is left out: "the chief executive that resigned" is a person).
_THING_SUBJECT_RE = re.compile(r"\bwhich\s+(?:\w+ly\s+|also\s+|has\s+|had\s+|then\s+)?$", re.I)


def _thing_subject(scene: Scene, start: int) -> bool:
    return bool(_THING_SUBJECT_RE.search(scene.text[max(scene.sentence.start, start - 20) : start]))


def build_departure(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    if rule.person != "after" and _thing_subject(scene, start):
        return []
    if rule.rule_id == "departure.unnamed-group-then-names":
        return _group_then_names(scene, rule, (start, end))
    if rule.person == "possessive":
        person = scene.person_before(start, allow_possessive=True)
        if person is None or not person.possessive:
            return []
        if start - person.end > 4 and not _ADJECTIVE_GAP_RE.match(scene.text[person.end : start]):
            return []  # "his prior exit from Acme": one word may stand between
    elif rule.person == "list-after":
        # "following the exit of its then-chief executive A and chair B": one departure each.
        listed = scene.persons_listed_after(end)
        if not listed or not _FEW_WORDS_RE.match(scene.text[end : listed[0].start]):
            return []
        return [d for p in listed for d in _departure_of(scene, rule, p, (start, end))]
    elif rule.rule_id == "departure.vacated-by":
        # "the resignation of finance chief Jane Doe": the person follows within a few words.
        person = scene.person_after(end, limit=40)
        if person is not None and not _FEW_WORDS_RE.match(scene.text[end : person.start]):
            person = None
    elif rule.person == "after":
        person = scene.person_after(end, limit=80)
        if person is None and rule.rule_id == "departure.parted-ways":
            # "Jane Doe parted ways with Acme": the person may be the subject instead.
            rule = replace(rule, person="before")
            person = scene.person_before(start)
    else:
        person = scene.person_before(start)
    if person is None and rule.person != "after":
        person = _first_person_author(scene, start)
    if person is None and _BOTH_RE.match(scene.text[scene.sentence.start : start]):
        # "Both left Acme in April.": the two people named last before this sentence.
        pair = _last_two_named(scene)
        return [d for p in pair for d in _departure_of(scene, rule, p, (start, end))]
    if person is None:
        return []
    if rule.person in {"list-before", "before"} or re.search(
        r"\b(?:both|all)\b", match.group(), re.IGNORECASE
    ):
        # "Directors A and B will not seek re-election", "aerospace head A and B, head of marine,
        # will both leave": one departure each.
        listed = _listed_with_asides(scene, scene.persons_listed_before(start), forward=False)
        listed = _coordinated(scene, listed[::-1])[::-1] if rule.person == "before" else listed
        listed = listed if not _in_closed_relative(scene, listed, start) else listed[-1:]
        if len(listed) > 1 and listed[-1] is person:
            return [d for p in listed for d in _departure_of(scene, rule, p, (start, end))]
    drafts = _departure_of(scene, rule, person, (start, end))
    moving = _MOVE_THEN_LEAVE_RE.search(match.group())
    if drafts and moving is not None:
        # "intends to transition to Executive Chair and retire as CEO": the new role is a move too.
        title = TITLE_RE.match(scene.text, start + moving.end())
        if title is not None:
            new_org = scene.object_org(title.end(), named_only=True) or None
            fields = {
                "person": person.name,
                "organization": _name(new_org) or drafts[0].organization,
                "role": title.group(),
                "details": {"predecessor": None},
            }
            drafts.append(_draft(scene, rule, (start, end), type="appointment", **fields))
    return drafts


_MOVE_THEN_LEAVE_RE = re.compile(
    r"\b(?:transition|move|shift)\s+(?:in)?to\s+(?:the\s+)?(?:role\s+of\s+)?", re.IGNORECASE
)
_ADJECTIVE_GAP_RE = re.compile(
    r"^(?:['’]s)?\s+(?:prior|previous|earlier|recent|sudden|abrupt|surprise|first|second|planned)\s+$",
    re.IGNORECASE,
)
_BOTH_RE = re.compile(r"^\s*(?:both|the\s+two|the\s+pair)\s+(?:of\s+them\s+)?(?:[a-z]+ly\s+|also\s+)?$", re.I)


def _last_two_named(scene: Scene) -> list[Mention]:
    before = [
        m
        for m in scene.entities.mentions
        if m.kind == "person" and m.via != "pronoun" and m.end <= scene.sentence.start
    ]
    names: list[Mention] = []
    for mention in reversed(before):
        if all(m.name != mention.name for m in names):
            names.insert(0, mention)
        if len(names) == 2:
            return names
    return []


_PAST_VERB_RE = re.compile(r"\w+ed\b", re.IGNORECASE)


def _departure_of(scene: Scene, rule: Rule, person: Mention, span: tuple[int, int]) -> list[Draft]:
    start, end = span
    if rule.rule_id == "departure.left" and _ordinary_object(scene, end):
        return []  # "left the meeting", "quit smoking"
    title, title_org = scene.title_of(person)
    named = scene.object_org(end, named_only=True)
    if rule.person == "after":  # "Acme has fired its CEO": the company is the subject
        named = None if title_org else scene.subject_org(start) or scene.org_before(start) or named
    described = scene.object_org(end, named_only=False)
    if (
        named is not None
        and described is not None
        and described.start < named.start
        and not scene.text[end : described.start].strip()
    ):
        named = None  # "left the company in 2021 ... and now teaches at Foo": the object is "the company"
    org = _name(named) or title_org or _former_employer(scene, person)
    org = org or _name(described) or _name(scene.workplace_before(start))
    org = org or scene.entities.affiliations.get(person.name) or scene.main_org()
    # "is stepping down as CEO" names the role left, even when the person has other titles.
    stated = scene.title_after(end) if re.match(r"\s+as\s", scene.text[end : end + 4]) else None
    role = stated or title or scene.title_after(end) or scene.entities.titles.get(person.name)
    if role is None and re.match(
        r"\s+(?:from|as)\s+(?:the|its|his|her)\s+top\s+job\b", scene.text[end : end + 25]
    ):
        role = "chief executive"  # "resigned from the top job"
    destination = scene.destination(end)
    details = {"status": _status(scene, rule), "successor": None, "destination": _name(destination)}
    if rule.rule_id == "departure.bow-out" and _PAST_VERB_RE.match(scene.text[start:end]):
        details["status"] = "completed"  # "bowed out", "relinquished the chair": already done
    if destination is not None and destination.name == org:
        details["destination"] = None
    confidence = rule.confidence - _weakness(scene, person)
    fields = {"person": person.name, "organization": org, "role": role, "details": details}
    return [_draft(scene, rule, (start, end), confidence=confidence, **fields)]


# "Jane Doe, the former managing director of Acme, who retired": the company the person left.
_FORMER_OF_GAP_RE = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+)?(?:former|ex-|retired)\s*(?:[\w-]+\s+){1,5}?(?:of|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _former_employer(scene: Scene, person: Mention) -> str | None:
    for org in scene.orgs():
        if org.start > person.end:
            gap = scene.text[person.end : org.start]
            good = org.via == "name" and _FORMER_OF_GAP_RE.match(gap) and TITLE_RE.search(gap)
            return org.name if good else None
    return None


def _weakness(scene: Scene, person: Mention) -> float:
    """Pronouns and subjects carried from an earlier line are weaker evidence than a name."""
    if not (scene.sentence.start <= person.start < scene.sentence.end):
        return 0.1
    if person.via == "pronoun" and not any(
        m.name == person.name and m.via != "pronoun" for m in scene.persons()
    ):
        return 0.1  # "she" with no name in the sentence; "Jane Doe said she ..." is as good as the name
    return 0.0


def _group_then_names(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Two other executives are leaving." + "... Chief Research Officer Ann Lee and researcher Bo
    Chan ...": the people the next sentence names with a title."""
    drafts = []
    for person in scene.persons_following():
        title, title_org = scene.title_of(person)
        if title is None:
            continue
        org = title_org or scene.entities.affiliations.get(person.name) or scene.main_org()
        details = {"status": rule.status or "announced", "successor": None, "destination": None}
        fields = {"person": person.name, "organization": org, "role": title, "details": details}
        drafts.append(_draft(scene, rule, span, **fields))
    return drafts


_REPORTED_RE = re.compile(
    r"\b(?:reportedly|according to (?:people|sources|reports|a report)|people familiar)\b", re.I
)


def _status(scene: Scene, rule: Rule) -> str:
    status = rule.status or "announced"
    if status in {"announced", "completed"} and _REPORTED_RE.search(scene.sentence.text):
        return "reported"
    return status


# --- appointments ---------------------------------------------------------------------------


def build_appointment(
    scene: Scene, rule: Rule, match: re.Match[str], person_override: Mention | None = None
) -> list[Draft]:
    start, end = _abs(scene, match)
    if rule.pair:
        return build_succession(scene, rule, match)
    if rule.rule_id == "appointment.team-then-names":
        return _team_then_names(scene, rule, (start, end))
    if rule.rule_id == "appointment.heads-to":
        return _heads_to(scene, rule, (start, end))
    if rule.rule_id == "appointment.leave-to-lead" and not (
        _LEAVING_BEFORE_RE.search(scene.text[max(scene.sentence.start, start - 90) : start])
        and scene.object_org(end, named_only=True, skip_destination=False) is not None
    ):
        # Only "stepping down as editor to lead the news team at Acme": a move out of one role
        # into another the clause names; "quit to run for mayor" / "to run the family farm" are not.
        return []
    if rule.rule_id == "appointment.named" and _NAMED_AS_COMPANY_RE.search(
        scene.text[max(0, start - 20) : start]
    ):
        return []
    if rule.rule_id == "appointment.named" and _NOT_AN_APPOINTMENT_AFTER_RE.match(scene.text[end : end + 90]):
        return []  # "named after", "named in a lawsuit", "named one of the best"
    if rule.rule_id == "appointment.named" and _NAMED_WINNER_RE.match(scene.text, end, scene.sentence.end):
        return []  # "named Jane Doe, a chemist at Foo, as the winner of its medal": a prize
    if rule.rule_id == "appointment.join" and _ordinary_object(scene, end):
        return []  # "joined the call", "joined forces"
    if rule.person == "before" and _thing_subject(scene, start):
        return []  # "Acme, which became a market darling"
    promoted_from = (
        _PROMOTED_FROM_RE.match(scene.text, end, scene.sentence.end)
        if rule.rule_id == "appointment.named"
        else None
    )
    if promoted_from is not None:
        # "was promoted from his role as X to Y": the named verb opens a move between two roles.
        return _move_from_role(scene, rule, (start, promoted_from.end()))
    if rule.rule_id == "appointment.move-from-role" and not match.group().lower().startswith("transition"):
        return _move_from_role(scene, rule, (start, end))
    # "is promoting Bo Chan": a progressive verb is active even after "is".
    progressive = match.group().lower().endswith("ing")
    active = (rule.person == "voice" and (progressive or not scene.passive(start))) or rule.person == "after"
    if active and rule.person == "voice" and _PASSIVE_AND_RE.search(scene.text[scene.sentence.start : start]):
        active = False  # "was appointed to the board in 2009 and appointed chairman in 2017"
    if (
        active
        and rule.person == "voice"
        and _AGENT_AFTER_RE.match(scene.text, end, min(len(scene.text), end + 24))
    ):
        active = False  # "He came back, lured home by the then chief executive, X": X is the agent
    person = scene.person_after(end, limit=80) if active else scene.person_before(start)
    if re.match(r"and\s", match.group(), re.IGNORECASE) and not active:
        # "will report to B and is expected to ... and join the board": the subject of the first verb.
        first = start
        for other_start, other_end in reversed([t for t in scene.triggers if t[1] <= start]):
            if re.search(r"[.;]|,\s+(?:who|which)\b", scene.text[other_end:first]):
                break
            first = other_start
        person = scene.person_before(first) or person
    if _OPENING_JOIN_RE.match(scene.text[scene.sentence.start : end]):
        # "Since joining Acme in 1990, Jane Doe has ...": the subject follows the opening clause.
        comma = scene.text.find(",", end, scene.sentence.end)
        later = scene.person_after(comma, limit=12) if comma >= 0 else None
        person = later or person
    if _BEFORE_JOINING_RE.match(scene.text[scene.sentence.start : end]):
        comma = scene.text.find(",", end, scene.sentence.end)
        if comma < 0 or not re.search(r"\b\d{4}\b", scene.text[end:comma]):
            return []  # "Before joining Acme, she held posts at Foo from 2003 to 2012": a join told elsewhere
    if person is None and active:
        person = scene.person_before(start)
        active = False
    person = person_override or person or _first_person_author(scene, start)
    if person is None:
        return []
    if active and _TIPPED_RE.match(scene.text, person.end, min(scene.sentence.end, person.end + 60)):
        return []  # "analysts named Jane Doe as the front-runner": a forecast, not a hire
    if (
        person_override is None
        and not active
        and rule.person == "voice"
        and re.search(r"\bwere\s+(?:\w+\s+)?$", scene.text[max(0, start - 20) : start])
    ):
        # "A and B were also named to the board": each of them.
        listed = scene.persons_listed_before(start)
        if len(listed) > 1 and listed[-1] is person:
            drafts = []
            for each in listed:
                drafts.extend(build_appointment(scene, rule, match, person_override=each))
            return drafts
    title, title_org = scene.title_of(person)
    role = scene.title_after(end) or _title_the_clause_is_about(scene, person, start)
    office = _OFFICE_RE.search(match.group())
    if role is None and office is not None:
        # "since assuming Acme's presidency", "will take the top job": the office the words name.
        role = _OFFICE_ROLES.get(office.group().lower().replace("top job", "top-job"))
    if role is None and _LEAD_VERB_RE.search(match.group()):
        # "will lead the new Cloud & Data division": heading a unit is the role, the company the employer.
        unit = _LED_UNIT_RE.match(scene.text, end, scene.sentence.end)
        role = f"head of the {unit.group(1)}" if unit else None
    if role is None and _NO_ROLE_AFTER_RE.match(scene.text[end : end + 30]):
        return []  # "became clear", "to act as a bridge": no office is taken
    if (
        role is None
        and _BECAME_RE.fullmatch(match.group())
        and not TITLE_RE.search(scene.text[end : min(scene.sentence.end, end + 40)])
        and not any(m.kind == "org" and end <= m.start <= end + 8 for m in scene.mentions)
    ):
        return []  # "became a stock market darling": neither a title nor an employer follows
    if role is None and (
        match.group().lower().endswith("will be") or rule.rule_id == "appointment.move-from-role"
    ):
        return []  # "who will be", "transition to": an appointment only when a title follows
    after_trigger = scene.text[end : end + 40]
    if role is None and _BOARD_SEAT_RE.match(after_trigger):
        role = "board member"
    named_after = scene.object_org(end, named_only=True, skip_destination=False)
    if named_after is not None and (_came_from(scene, named_after) or _owns_person(scene, named_after)):
        named_after = None
    if active:
        subject_org = scene.subject_org(start) or scene.org_before(start)
        org = _name(subject_org) or _short_subject(scene, start) or _name(named_after) or title_org
    else:
        org = _name(named_after) or _own_title_org(scene, title, title_org, after_trigger, named_after)
        org = org or _org_before_person_aside(scene, person, start, named_only=True)
    if rule.rule_id == "appointment.key-hire":
        org = _name(scene.org_before(start)) or org
    if rule.rule_id == "appointment.led-by":
        # "Business Banking will be led by Jane Doe": the unit led belongs to the story's company.
        org = scene.main_org() or org
    if re.match(r"\s+its\s+(?:[\w-]+\s+)?board\b", after_trigger):
        # "Acme partner Jane Doe has joined its board": "its" is the company the sentence is about.
        org = _name(scene.subject_org(start)) or scene.main_org() or org
    fallback = scene.object_org(end, named_only=False)
    if fallback is not None and (_came_from(scene, fallback) or _owns_person(scene, fallback)):
        fallback = None
    org = org or _name(fallback) or _org_before_person_aside(scene, person, start, named_only=False)
    org = org or scene.entities.affiliations.get(person.name) or scene.main_org()
    if org is None:
        return []
    details = {"predecessor": None}
    confidence = rule.confidence - _weakness(scene, person)
    fields = {"person": person.name, "organization": org, "role": role, "details": details}
    own_year = _OWN_YEAR_RE.match(scene.text, end, min(scene.sentence.end, end + 90))
    # "was appointed to the board in 2009 and appointed chairman in 2017": each verb's own year;
    # the trigger reaches its year, so dating does not give that year to the next verb.
    span = (start, own_year.end()) if own_year else (start, end)
    drafts = [_draft(scene, rule, span, confidence=confidence, **fields)]
    former = (
        (title_org or _title_org_after(scene, person))
        if active and _HIRED_AWAY_RE.match(match.group())
        else None
    )
    aside = scene.text[person.end : person.end + 40]
    if (
        former
        and former != org
        and not re.search(r"\b(?:former|ex-|previously|once)\b", aside, re.IGNORECASE)
    ):
        # "Acme hired Jane Doe, head of sales at rival Foo": she leaves Foo for Acme.
        left = {"status": _status(scene, rule), "successor": None, "destination": org}
        more = {"person": person.name, "organization": former, "role": title, "details": left}
        drafts.append(
            _draft(scene, rule, (start, end), type="departure", confidence=confidence - 0.1, **more)
        )
    if rule.rule_id == "appointment.filled-by":
        drafts.extend(_role_left_by(scene, rule, drafts[0], (start, end)))
    if rule.rule_id == "appointment.take-on-job":
        drafts.extend(_assumes_role_of(scene, rule, drafts[0], (start, end)))
    board = _AND_BOARD_RE.search(drafts[0].role or "")
    if board is not None:
        # "will be managing director and board member at Foo": a post and a board seat, two moves.
        drafts[0].role = drafts[0].role[: board.start()] if drafts[0].role else None
        seat = {
            "person": person.name,
            "organization": org,
            "role": "board member",
            "details": {"predecessor": None},
        }
        drafts.append(_draft(scene, rule, (start, end), confidence=confidence - 0.05, **seat))
    if (
        role is not None
        and board is None
        and (seat_at := scene.text.find(role, end, scene.sentence.end)) >= 0
        and _AND_BOARD_MEMBER_RE.match(scene.text, seat_at + len(role), scene.sentence.end)
    ):
        # "appointed Jane Doe as President and CEO and a member of the Board": the seat is a second move.
        seat = {
            "person": person.name,
            "organization": org,
            "role": "member of the Board",
            "details": {"predecessor": None},
        }
        drafts.append(_draft(scene, rule, (start, end), confidence=confidence - 0.05, **seat))
    if rule.rule_id == "appointment.join":
        drafts.extend(_joined_from(scene, rule, person, org, (start, end), confidence))
    drafts.extend(_handover_as(scene, rule, person, drafts[0], (start, end)))
    drafts.extend(_next_steps(scene, rule, drafts[0], (start, end)))
    if rule.rule_id in _LISTING_APPOINTMENTS and active:
        # "brought in a finance director, A, and a digital chief, B", "named A and B, the former
        # heads of X and Y, as co-CEOs": each hire named.
        listed = _listed_with_asides(scene, scene.persons_listed_after(person.start), forward=True)
        for other in _coordinated(scene, listed)[1:]:
            more = {"person": other.name, "organization": org, "role": None, "details": {"predecessor": None}}
            drafts.append(_draft(scene, rule, (start, end), confidence=confidence, **more))
        # "named A chief executive and B finance director": each person with a title of their own.
        for other, other_role in _titled_pairs(scene, person):
            more = {
                "person": other.name,
                "organization": org,
                "role": other_role,
                "details": {"predecessor": None},
            }
            drafts.append(_draft(scene, rule, (start, end), confidence=confidence, **more))
    elif not active and person.via != "pronoun" and scene.sentence.start <= person.start:
        # "A and B were appointed to the board", "A and B will join Acme": one appointment each.
        listed = _listed_with_asides(scene, scene.persons_listed_before(start), forward=False)
        listed = _coordinated(scene, listed[::-1])[::-1]
        listed = listed if not _in_closed_relative(scene, listed, start) else listed[-1:]
        between = scene.text[person.end : start]
        if re.search(r"\b(?:who|that)\b", between) and not re.search(r"\b(?:both|all)\b", between):
            listed = listed[-1:]  # "A, head of news, and B, the CFO who was appointed in May": B only
        if len(listed) > 1 and listed[-1] is person:
            for other in listed[:-1]:
                more = {
                    "person": other.name,
                    "organization": org,
                    "role": role,
                    "details": {"predecessor": None},
                }
                drafts.append(_draft(scene, rule, (start, end), confidence=confidence, **more))
    for draft in drafts:
        if draft.trigger == (start, end):
            draft.trigger = span  # the moves told with this verb share its year
    return drafts


_ASIDE_OPEN_RE = re.compile(r"^,\s+(?:(?:a|an|the)\s+)?[^,;]{0,60}\b(?:at|of|with)\s+(?:the\s+)?$")


def _in_aside_of(scene: Scene, person: Mention | None, org: Mention) -> bool:
    """The company is named inside an aside about the person: "Jane Doe, a partner at Foo, ..."."""
    return (
        person is not None
        and org.start >= person.end
        and _ASIDE_OPEN_RE.match(scene.text[person.end : org.start]) is not None
    )


def _org_before_person_aside(scene: Scene, person: Mention, at: int, *, named_only: bool) -> str | None:
    """The organization before the trigger, unless it sits in an aside about the person."""
    before = scene.org_before(at, named_only=named_only)
    return None if before is None or _in_aside_of(scene, person, before) else before.name


_OUTSIDE_TITLE_RE = re.compile(r"\b(?:partner|investor|adviser|advisor)\b", re.IGNORECASE)


def _own_title_org(
    scene: Scene, title: str | None, title_org: str | None, after_trigger: str, named_after: Mention | None
) -> str | None:
    """The company of the person's own title, unless it is an outside affiliation: "Foo partner
    Jane Doe will join the board", "Jane Doe, a partner at Foo, was named chair" take a seat at the
    company the story is about, not at Foo."""
    story = scene.main_org()
    if title_org is None or story is None or story == title_org or named_after is not None:
        return title_org
    if _OUTSIDE_TITLE_RE.search(title or "") or _BOARD_SEAT_RE.match(after_trigger):
        return story
    return title_org


_LEAD_VERB_RE = re.compile(r"\b(?:lead|head|run)$", re.IGNORECASE)
# The unit a "lead"/"head"/"run" verb takes: "the new Cloud & Data division", "its payments unit".
_LED_UNIT_RE = re.compile(
    r"\s+(?:the|its)\s+(?:newly\s+(?:created|formed)\s+|new\s+|combined\s+|merged\s+)?"
    r"((?:[\w&-]+\s+){0,4}?(?:division|unit|business|segment|department|team|arm|practice))\b"
)
_TITLE_LEAD_RE = re.compile(r"\s+(?:as\s+)?(?:(?:its|the|a|an|new)\s+)?")
_PAIR_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _titled_pairs(scene: Scene, first: Mention) -> list[tuple[Mention, str]]:
    """After "named A chief executive": "and B finance director", ", C as treasurer"."""
    found: list[tuple[Mention, str]] = []
    current = first
    people = [p for p in scene.persons() if p.via != "pronoun"]
    for other in people:
        if other.start <= current.end:
            continue
        lead = _TITLE_LEAD_RE.match(scene.text, current.end, other.start)
        title = TITLE_RE.match(scene.text, lead.end()) if lead else None
        if title is None or not _PAIR_JOIN_RE.match(scene.text[title.end() : other.start]):
            break
        if any(other.name == p.name for p, _ in found) or other.name == first.name:
            break
        lead = _TITLE_LEAD_RE.match(scene.text, other.end, scene.sentence.end)
        own = TITLE_RE.match(scene.text, lead.end()) if lead else None
        if own is None:
            break
        found.append((other, own.group()))
        current = other
    return found


# "Lena Ortiz, the finance chief who was named in March": the title the relative
# clause restricts is the post the appointment gave.
_TITLE_WHO_WAS_RE = re.compile(
    r",\s+(?:the|its|our|their)\s+(?:new\s+)?(?P<title>[^,;()]{3,60}?)\s+who\s+(?:was|has\s+been|had\s+been)\s+$"
)


def _title_the_clause_is_about(scene: Scene, person: Mention, trigger_start: int) -> str | None:
    found = _TITLE_WHO_WAS_RE.fullmatch(scene.text, person.end, trigger_start)
    if found is None:
        return None
    title = TITLE_RE.fullmatch(found.group("title"))
    return title.group() if title else None


_LISTING_APPOINTMENTS = frozenset(
    {"appointment.brought-in", "appointment.named", "appointment.the-appointment-of"}
)


def _heads_to(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Tarvo CEO Lena Ruiz Heads to Rival Nordane": she joins Nordane and, when her title names
    her employer, leaves it."""
    start, end = span
    person = scene.person_before(start)
    target = next((m for m in scene.orgs() if m.start == end and m.via == "name"), None)
    if person is None or target is None:
        return []
    title, title_org = scene.title_of(person)
    rival = "rival" in scene.text[start:end].lower()
    if not (rival or title or len(target.name.split()) > 1):
        return []  # "heads to Kelby": a trip, unless a rival or an executive's move is told
    if title and title_org is None and is_title_case(scene.sentence.text):
        title_org = scene.main_org()  # "Tarvo CEO Ruiz Heads to Nordane": the story's company
    confidence = rule.confidence - _weakness(scene, person)
    fields = {
        "person": person.name,
        "organization": target.name,
        "role": None,
        "details": {"predecessor": None},
    }
    drafts = [_draft(scene, rule, span, confidence=confidence, **fields)]
    if title_org and not same_organization(title_org, target.name):
        left = {"status": _status(scene, rule), "successor": None, "destination": target.name}
        more = {"person": person.name, "organization": title_org, "role": title, "details": left}
        drafts.append(_draft(scene, rule, span, type="departure", confidence=confidence - 0.05, **more))
    return drafts


# "They include A, ...": the sentence after a team is announced names its members.
_MEMBERS_OPEN_RE = re.compile(
    r"\s*(?:they|these|its\s+members|the\s+(?:team|group|committee|members))\s+"
    r"(?:include|includes|are|comprise|consist\s+of)\b",
    re.IGNORECASE,
)


def _team_then_names(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "A team of Acme executives will lead the company." + "They include A, head of X; B, ...":
    each member named takes up the (interim) leadership."""
    if scene.following is None or not _MEMBERS_OPEN_RE.match(scene.text, scene.following[0]):
        return []
    start, end = span
    described = next((m for m in scene.orgs() if start <= m.start < end and m.via == "name"), None)
    org = _name(described) or scene.main_org()
    if org is None:
        return []
    drafts: list[Draft] = []
    for person in scene.persons_following():
        if any(d.person == person.name for d in drafts):
            continue
        role = "interim leadership team"
        fields = {"person": person.name, "organization": org, "role": role, "details": {"predecessor": None}}
        drafts.append(_draft(scene, rule, span, **fields))
    return drafts


# A participle with its agent: "lured home by X", "hired away by X", "poached by X".
_AGENT_AFTER_RE = re.compile(r"(?<=ed)\s+(?:(?:home|away|back|in)\s+)?by\s", re.IGNORECASE)


# "was appointed to the board in 2009 and appointed chairman": the second verb is passive too.
_PASSIVE_AND_RE = re.compile(
    r"\b(?:was|were|been|is|are)\s+(?:\w+ly\s+)?(?:named|appointed|elected|promoted|made)\b[^.;]{1,80}?\band\s+"
    r"(?:later\s+|then\s+)?$",
    re.IGNORECASE,
)
# "Since joining Acme in 1990, ...": a bio step that opens the sentence before its subject.
_BEFORE_JOINING_RE = re.compile(r"^\W*(?:before|prior\s+to)\s+(?:re)?joining$", re.IGNORECASE)
_OPENING_JOIN_RE = re.compile(r"^\W*(?:since|after|before|upon|on|when)\s+(?:re)?joining$", re.IGNORECASE)
_OFFICE_RE = re.compile(r"presidency|chairmanship|premiership|top job", re.IGNORECASE)
_OFFICE_ROLES = {
    "presidency": "president",
    "chairmanship": "chairman",
    "premiership": "prime minister",
    "top-job": "chief executive",
}
# "joined Acme from Foo Bank": the person left Foo Bank for Acme.
_FROM_ORG_RE = re.compile(r"\s+from\s+(?:rival\s+|the\s+)?$", re.IGNORECASE)


def _joined_from(
    scene: Scene, rule: Rule, person: Mention, org: str, span: tuple[int, int], confidence: float
) -> list[Draft]:
    end = span[1]
    stop = scene.clause_end(end)
    for mention in scene.orgs():
        if mention.start <= end or mention.start >= stop or mention.via != "name":
            continue
        if not _FROM_ORG_RE.search(scene.text[max(end, mention.start - 20) : mention.start]):
            continue
        if mention.name == org:
            return []
        done = bool(re.search(r"joined$", scene.text[span[0] : end], re.IGNORECASE))
        details = {"status": "completed" if done else "announced", "successor": None, "destination": org}
        fields = {"person": person.name, "organization": mention.name, "role": None, "details": details}
        return [_draft(scene, rule, span, type="departure", confidence=confidence - 0.1, **fields)]
    return []


# What follows "became" / "act as" when no office is taken.
_NO_ROLE_AFTER_RE = re.compile(
    r"^\s+(?:clear|apparent|evident|obvious|available|known|public|possible|necessary|likely|increasingly|"
    r"a\s+(?:symbol|target|focus|bridge|stanchion|catalyst|flashpoint|problem|reality|sounding\s+board|"
    r"mentor|magnet|lightning\s+rod|reminder|testament))\b",
    re.IGNORECASE,
)
_BECAME_RE = re.compile(r"(?:and\s+|then\s+)?(?:became|becomes)", re.IGNORECASE)
_OWN_YEAR_RE = re.compile(
    r"[^,.;]{0,60}?(?=\s+in\s+(?:19|20)\d\d\s*,?\s+(?:and|then)\s+(?:later\s+|then\s+)?[a-z]+)"
)
_AND_BOARD_MEMBER_RE = re.compile(
    r"\s*,?\s+and\s+(?:as\s+)?(?:a\s+)?member\s+of\s+(?:the\s+|its\s+)?(?:company['’]s\s+)?board\b(?!\s+of\s+(?!directors\b))",
    re.IGNORECASE,
)
_AND_BOARD_RE = re.compile(r"\s+(?:and|&)\s+(?:a\s+)?board\s+(?:member|director)$", re.IGNORECASE)


def _move_from_role(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "A will be moving from his role as head of sales to group president": two moves."""
    start, end = span
    person = scene.person_before(start)
    if person is not None and re.search(
        r"(?:heading|running|leading)\s+$", scene.text[start:end], re.IGNORECASE
    ):
        return _move_from_unit(scene, rule, person, span)
    old = TITLE_RE.match(scene.text, end)
    if person is None or old is None:
        return []
    to = re.search(
        r"\s+to\s+(?:the\s+)?(?:(?:new\s+)?(?:role|post|position)\s+of\s+)?",
        scene.text[old.end() : old.end() + 80],
    )
    if to is None or re.search(r"[,;.]", scene.text[old.end() : old.end() + to.start()]):
        return []
    new = TITLE_RE.match(scene.text, old.end() + to.end())
    if new is None:
        return []
    _, title_org = scene.title_of(person)
    org = title_org or scene.entities.affiliations.get(person.name) or scene.main_org()
    if org is None:
        return []
    old_role = scene.text[old.start() : old.end() + to.start()]
    confidence = rule.confidence - _weakness(scene, person)
    moved = {
        "person": person.name,
        "organization": org,
        "role": new.group(),
        "details": {"predecessor": None},
    }
    past = re.match(r"promoted|transferred|moved", scene.text[start:end], re.IGNORECASE)
    left = {"status": "completed" if past else _status(scene, rule), "successor": None, "destination": None}
    gave_up = {"person": person.name, "organization": org, "role": old_role, "details": left}
    return [
        _draft(scene, rule, span, confidence=confidence, **moved),
        _draft(scene, rule, span, type="departure", confidence=confidence - 0.05, **gave_up),
    ]


_PROMOTED_FROM_RE = re.compile(
    r"\s+from\s+(?:his|her|their)\s+(?:current\s+)?(?:role|post|position|job)\s+(?:as|heading|running|leading)\s+",
    re.IGNORECASE,
)
# "... to take the job heading the entire group": the new unit the person heads.
_HEADING_NEXT_RE = re.compile(
    r"\s+to\s+(?:take\s+(?:over\s+)?(?:the|a)\s+(?:job|role|post)\s+)?(?:heading|running|leading)\s+"
    r"((?:the|its)\s+[^,.;]{1,40}?)(?=[,.;]|\s+(?:in|at|on|from|after|when)\b|$)",
    re.IGNORECASE,
)


_UNIT_NAME_RE = re.compile(
    r"^(?:the|its)\s+((?-i:[A-Z][\w&'’-]*)(?:\s+(?-i:[A-Z][\w&'’-]*)){0,2})\s+"
    r"(?:division|unit|arm|business|subsidiary|brand|operations?)$",
    re.IGNORECASE,
)


def _move_from_unit(scene: Scene, rule: Rule, person: Mention, span: tuple[int, int]) -> list[Draft]:
    """ "was promoted from his role heading the Foo division to take the job heading the entire group"."""
    start, end = span
    stop = scene.text.find(" to ", end, min(scene.sentence.end, end + 80))
    if stop < 0:
        return []
    unit = scene.text[end:stop].strip()
    named = next((m for m in scene.orgs() if end <= m.start < stop and m.via == "name"), None)
    unit_name = _UNIT_NAME_RE.match(unit)
    home = scene.entities.affiliations.get(person.name) or scene.main_org()
    if named is None and unit_name is not None:
        # "heading the Porsche division": the unit is named by its capitalised words.
        named = Mention(end, stop, "org", unit_name.group(1), False, "name")
    nxt = _HEADING_NEXT_RE.match(scene.text, stop, scene.sentence.end)
    confidence = rule.confidence - _weakness(scene, person)
    drafts = []
    if home is not None:
        role = f"head of {nxt.group(1)}" if nxt else None
        fields = {"person": person.name, "organization": home, "role": role, "details": {"predecessor": None}}
        drafts.append(_draft(scene, rule, span, confidence=confidence, **fields))
    if named is not None and named.name != home:
        past = re.match(r"promoted|transferred|moved", scene.text[start:end], re.IGNORECASE)
        left: dict[str, str | None] = {
            "status": "completed" if past else _status(scene, rule),
            "successor": None,
            "destination": home,
        }
        gave_up: dict[str, object] = {
            "person": person.name,
            "organization": named.name,
            "role": f"head of {unit}",
            "details": left,
        }
        drafts.append(_draft(scene, rule, span, type="departure", confidence=confidence - 0.05, **gave_up))
    return drafts


def _assumes_role_of(scene: Scene, rule: Rule, appointment: Draft, span: tuple[int, int]) -> list[Draft]:
    """ "will assume B's position of chair": B hands the role over."""
    owner = next(
        (m for m in scene.persons() if span[0] <= m.start < span[1] and m.possessive and m.via != "pronoun"),
        None,
    )
    if owner is None or owner.name == appointment.person:
        return []
    appointment.details["predecessor"] = owner.name
    details = {"status": _status(scene, rule), "successor": appointment.person, "destination": None}
    fields = {"person": owner.name, "organization": appointment.organization, "role": appointment.role}
    return [
        _draft(
            scene, rule, span, type="departure", details=details, confidence=rule.confidence - 0.1, **fields
        )
    ]


# "Jane Doe's board seat will be filled by B": the role Jane Doe leaves, named between.
_ROLE_OF_RE = re.compile(r"^\s*((?:[\w-]+\s+){0,5}?)(?:role|post|position|job|seat)\s+$", re.IGNORECASE)


def _role_left_by(scene: Scene, rule: Rule, appointment: Draft, span: tuple[int, int]) -> list[Draft]:
    owner = scene.person_before(span[0], allow_possessive=True)
    if owner is None or not owner.possessive or owner.name == appointment.person:
        return []
    named = _ROLE_OF_RE.match(scene.text[owner.end + 2 : span[0]])
    if named is None:
        return []
    role = named.group(1).strip() or None
    appointment.role = appointment.role or role
    appointment.details["predecessor"] = owner.name
    details = {"status": "announced", "successor": appointment.person, "destination": None}
    fields = {
        "person": owner.name,
        "organization": appointment.organization,
        "role": role,
        "details": details,
    }
    return [_draft(scene, rule, span, type="departure", confidence=rule.confidence - 0.1, **fields)]


# "A will take over as CEO as B steps down": B leaves the role A takes.
_AS_LEAVES_RE = re.compile(
    r"\s+(?:as|when|after|once)\s+$",
    re.IGNORECASE,
)
_LEAVES_AFTER_RE = re.compile(
    r"^\s*(?:,[^,]{1,60},\s*)?(?:steps\s+down|stepped\s+down|retires|retired|leaves|resigns|resigned|departs|"
    r"(?:is|was)\s+(?:stepping\s+down|retiring|leaving|departing))\b",
    re.IGNORECASE,
)


def _handover_as(
    scene: Scene, rule: Rule, person: Mention, appointment: Draft, span: tuple[int, int]
) -> list[Draft]:
    end = span[1]
    for other in scene.persons():
        if other.start <= end or other.name == person.name or other.via == "pronoun":
            continue
        if other.start - end > 80:
            break
        if not _AS_LEAVES_RE.search(scene.text[max(end, other.start - 8) : other.start]):
            continue
        if not _LEAVES_AFTER_RE.match(scene.text[other.end : other.end + 80]):
            return []
        appointment.details["predecessor"] = other.name
        details = {"status": rule.status or "announced", "successor": person.name, "destination": None}
        fields = {"person": other.name, "organization": appointment.organization, "role": appointment.role}
        return [
            _draft(
                scene,
                rule,
                span,
                type="departure",
                details=details,
                confidence=rule.confidence - 0.1,
                **fields,
            )
        ]
    return []


# "becoming director of its lab in 2008 and head of its research arm in 2011": each step a move.
_NEXT_STEP_RE = re.compile(r"\s+in\s+\d{4}\s*,?\s+(?:and|then|and\s+then|and\s+later)\s+(?:as\s+)?")


def _next_steps(scene: Scene, rule: Rule, first: Draft, span: tuple[int, int]) -> list[Draft]:
    if first.role is None or rule.rule_id not in {"appointment.become", "appointment.named"}:
        return []
    found = TITLE_RE.search(scene.text, span[1], scene.sentence.end)
    if found is None:
        return []
    # The first step's words run to its year; the next step follows "and".
    step = _NEXT_STEP_RE.search(scene.text, found.end(), min(scene.sentence.end, found.end() + 80))
    if step is None or re.search(r"[;.]", scene.text[found.end() : step.start()]):
        return []
    title = TITLE_RE.match(scene.text, step.end())
    if title is None:
        return []
    # The first step ends at its own year: its trigger reaches there, so the year dates it.
    first.trigger = (first.trigger[0], step.start())
    whole = scene.text[found.start() : step.start()]
    if first.role == found.group() and not re.search(r"[,;()]", whole):
        first.role = whole
    # "head of Acme Research in 2011": the role runs to its year when no clause break comes first.
    year = re.search(
        r"\s+in\s+\d{4}\b", scene.text[title.start() : min(scene.sentence.end, title.end() + 60)]
    )
    upto = title.start() + year.start() if year else title.end()
    role = scene.text[title.start() : max(upto, title.end())]
    if re.search(r"[,;()]", role):
        role = title.group()
    fields = {
        "person": first.person,
        "organization": first.organization,
        "role": role,
        "details": {"predecessor": None},
    }
    return [_draft(scene, rule, (title.start(), title.end()), confidence=first.confidence - 0.05, **fields)]


# Verbs of taking someone from another employer: the person leaves the employer the aside names.
_HIRED_AWAY_RE = re.compile(r"(?:hired|hiring|poached|lured|recruited)$", re.IGNORECASE)


def _object_pronoun(scene: Scene, at: int, subject: Mention | None) -> Mention | None:
    """ "named Bo Chan to succeed her": the last other person of that gender before."""
    found = re.match(r"\s+(him|her)\b", scene.text[at : at + 6])
    if not found:
        return None
    wanted = "female" if found.group(1) == "her" else "male"
    if subject is None:
        return None
    earlier = scene.entities.mentions[: max(0, scene.entities.position(subject))]
    for mention in reversed(earlier):
        named = mention.kind == "person" and mention.via != "pronoun" and mention.name != subject.name
        if named and gender_of(mention.name) in (wanted, "either"):
            return mention
    return None


_NAMED_WINNER_RE = re.compile(
    r"[^.;]{0,100}?\bas\s+(?:the\s+|its\s+|this\s+year['’]s\s+)?(?:winner|recipient|laureate)s?\s+of\b",
    re.IGNORECASE,
)
# What follows "named" when nobody is being appointed.
_NOT_AN_APPOINTMENT_AFTER_RE = re.compile(
    r"^\s+(?:after|in\s+(?:(?:his|her|their)\s+)?hono(?:u)?r|for\s+(?:him|her|them)\b|"
    r"in\s+(?:a|the)\s+(?:lawsuit|suit|complaint|report|case)|one\s+of|among|to\s+(?:a|the|its)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:list|ranking)|for\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,8}?(?:award|prize|medal)|"
    # "named Business of the Year": a prize, which the award rules read.
    r"(?:the\s+)?(?:[\w'’&-]+\s+){1,5}?of\s+the\s+year|"
    # "appointed a Member of the Order of Canada": an honour, which the award rules read.
    r"(?:an?\s+)?(?:Officer|Member|Companion|Commander|Knight|Dame)\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,2}?Order)\b",
    re.IGNORECASE,
)
# An object that is a plain thing: "the meeting", "smoking", "forces", "a call".
_OBJECT_AFTER_RE = re.compile(r"^\s+(?:(?:the|a|an|his|her|their|its)\s+([a-z][\w-]*)|([a-z]+ing)\b)")
_MOVE_WORDS = frozenset(
    [
        "in",
        "on",
        "at",
        "after",
        "before",
        "for",
        "to",
        "from",
        "as",
        "last",
        "this",
        "earlier",
        "later",
        "early",
        "recently",
        "abruptly",
        "amid",
        "over",
        "following",
        "because",
        "with",
        "without",
        "board",
        "company",
        "firm",
        "group",
        "bank",
        "team",
        "post",
        "role",
        "job",
        "position",
        "office",
        "seat",
        "startup",
        "business",
        "lab",
        "unit",
        "division",
    ]
)


_STAFF_OBJECT_RE = re.compile(
    r"\s+(?:the|its|a|an)\s+(?:[a-z-]+\s+){0,2}(?:faculty|staff|bench|cabinet|leadership|executive\s+team|"
    r"management\s+team|senior\s+team)\b"
)


def _ordinary_object(scene: Scene, at: int) -> bool:
    """ "left the meeting" / "joined the call": a lower-case object that no company or role is."""
    found = _OBJECT_AFTER_RE.match(scene.text[at : at + 40])
    if found is None:
        return False
    if _STAFF_OBJECT_RE.match(scene.text, at, min(len(scene.text), at + 50)):
        return False  # "to join the mathematics faculty", "joined the news staff": a post
    word = found.group(1) or found.group(2)
    if word in _MOVE_WORDS:
        return False
    if any(at <= m.start <= at + found.end() + 1 for m in scene.mentions):
        return False  # an organization or person comes right after: "left the Acme board"
    return word not in DESCRIPTION_HEADS


_LEAVING_BEFORE_RE = re.compile(
    r"\b(?:step(?:s|ping|ped)?\s+(?:down|aside|back)|stand(?:s|ing)?\s+down|stood\s+down|leav(?:e|es|ing)|"
    r"left|quit(?:s|ting)?|resign(?:s|ing|ed)?)\b[^.;:]{0,80}$",
    re.IGNORECASE,
)


_TIPPED_RE = re.compile(
    r"\s+as\s+(?:the|a|an)\s+(?:clear\s+|early\s+|likely\s+|leading\s+|top\s+)?(?:front-?runner|favou?rite|"
    r"contender|candidate|successor-in-waiting|pick)\b",
    re.IGNORECASE,
)


def _short_subject(scene: Scene, start: int) -> str | None:
    """ "Ashbury names ...", "Tarvo Hires ...": a headline's one-word subject is the company the
    story names in full ("Ashbury University")."""
    head = scene.text[scene.sentence.start : start].strip()
    if not re.fullmatch(r"[A-Z][\w&'’-]{2,30}", head):
        return None
    for mention in scene.entities.mentions:
        if mention.kind == "org" and mention.via == "name" and mention.name.split()[0] == head:
            return mention.name
    return None


def _owns_person(scene: Scene, org: Mention) -> bool:
    """ "names Lakeshore's Marquez as dean": the person's present employer, not the new one."""
    if not org.possessive:
        return False
    return any(0 <= p.start - org.end <= 4 for p in scene.persons())


def _came_from(scene: Scene, org: Mention) -> bool:
    """ "joined from Sable Networks", "after a decade at trading house Sable": where the person came
    from, not where they went."""
    return bool(_CAME_FROM_RE.search(scene.text[max(0, org.start - 60) : org.start]))


_CAME_FROM_RE = re.compile(
    r"(?:\bfrom|\bafter\s+(?:a\s+decade|(?:\w+\s+)?(?:years|months|decades)|\w+\s+years?)\s+(?:at|with))"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def build_succession(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    """ "A will replace B" / "A succeeds B" / "named CEO, succeeding B": both moves."""
    start, end = _abs(scene, match)
    successor = scene.person_before(start)
    predecessor = scene.person_after(end, limit=40) or _object_pronoun(scene, end, successor)
    if rule.person == "after":  # "A will be replaced by B": the order is reversed
        successor, predecessor = predecessor, successor
    if successor is None or predecessor is None or successor.name == predecessor.name:
        return []
    span = (start, end)
    if _PARTICIPLE_RE.search(scene.text[max(scene.sentence.start, start - 3) : start]):
        # "appointed chairman in 2017, replacing B": the hand-over is dated like the verb it trails.
        earlier = [
            t for t in scene.triggers if t[1] <= start and not re.search(r"[.;]", scene.text[t[1] : start])
        ]
        if earlier:
            span = (earlier[-1][0], end)
    _, predecessor_org = scene.title_of(predecessor)
    # "replaced B as the planning director for Tarwick County": "for" names the office's employer.
    after = scene.object_org(predecessor.end, named_only=False, skip_destination=False)
    before = scene.org_before(start)
    if before is not None and _in_aside_of(scene, successor, before):
        before = None  # "B, a partner at Foo, was named chair, replacing A": Foo is B's other job
    org = predecessor_org or _name(after) or _name(before)
    org = org or scene.entities.affiliations.get(predecessor.name) or scene.main_org()
    pred_title, _ = scene.title_of(predecessor)
    stated = (
        TITLE_RE.search(match.group()) if rule.person == "after" else None
    )  # "succeeded as chancellor by"
    role = (
        (stated.group() if stated else None)
        or scene.title_after(predecessor.end)
        or _role_given_up(scene, predecessor)
        or pred_title
        or _role_named_before(scene, start)
    )
    # The successor takes the office, not the founder's title: "co-founder and CEO" -> "CEO".
    taken = re.sub(r"^(?:co-?)?founder(?:\s+(?:and|&)\s+|$)", "", role, flags=re.IGNORECASE) if role else None
    known = scene.entities.titles.get(predecessor.name)
    if not taken and known and not re.search(r"founder|former", known, re.IGNORECASE):
        taken = re.sub(r"^(?:current|outgoing|longtime|then)[\s-]+", "", known, flags=re.IGNORECASE)
    taken = taken or None
    appointment = _draft(
        scene,
        rule,
        span,
        type="appointment",
        person=successor.name,
        organization=org,
        role=taken,
        details={"predecessor": predecessor.name},
    )
    departure = _draft(
        scene,
        rule,
        span,
        type="departure",
        person=predecessor.name,
        organization=org,
        role=pred_title or role or scene.entities.titles.get(predecessor.name),
        details={
            "status": _handover_status(scene, rule, start),
            "successor": successor.name,
            "destination": None,
        },
        confidence=rule.confidence - 0.05,
    )
    moved_on = _next_post(scene, predecessor)
    if moved_on is not None and moved_on.name != org:
        departure.details["destination"] = moved_on.name
    return [appointment, departure]


# "named chief executive in 2017, replacing B": the role the earlier verb of the sentence gave.
_PARTICIPLE_RE = re.compile(r",\s*$")


def _role_named_before(scene: Scene, at: int) -> str | None:
    if not _PARTICIPLE_RE.search(scene.text[max(scene.sentence.start, at - 3) : at]):
        return None
    earlier = [t for t in scene.triggers if t[1] <= at]
    if not earlier:
        return None
    return scene.title_after(earlier[-1][1])


# "A, who is replacing B" / "will promote A ..., replacing B": a hand-over still to come.
_FUTURE_BEFORE_RE = re.compile(
    r"\b(?:will|is\s+to|are\s+to|set\s+to|due\s+to)\b|\b(?:is|are|'s|’s)\s+$", re.IGNORECASE
)


def _handover_status(scene: Scene, rule: Rule, at: int) -> str:
    status = rule.status or "announced"
    if rule.person == "after" and re.match(r"(?:was|were)\s", scene.text[at : at + 5], re.IGNORECASE):
        return "completed"  # "was succeeded by": a hand-over that has happened
    if status == "completed" and _FUTURE_BEFORE_RE.search(scene.text[scene.sentence.start : at]):
        return "announced"
    return status


# "B, who will be managing director at Foo Bank": where the predecessor goes.
_NEXT_POST_RE = re.compile(
    r"^,\s+who\s+(?:will|is\s+to|is\s+set\s+to)\s+(?:be|become|join|take\s+up\s+(?:a|the)\s+role\s+(?:at|with))\s+",
    re.IGNORECASE,
)


def _next_post(scene: Scene, predecessor: Mention) -> Mention | None:
    lead = _NEXT_POST_RE.match(scene.text[predecessor.end : predecessor.end + 60])
    if lead is None:
        return None
    at = predecessor.end + lead.end()
    stop = min(scene.sentence.end, at + 90)
    cut = re.search(r"[,;]", scene.text[at:stop])
    stop = at + cut.start() if cut else stop
    return next((m for m in scene.orgs() if at <= m.start < stop and m.via == "name"), None)


def _role_given_up(scene: Scene, predecessor: Mention) -> str | None:
    """ "B, who is stepping down as chief executive": the role that changes hands."""
    window = scene.text[predecessor.end : min(scene.sentence.end, predecessor.end + 90)]
    # Only a role being left: "stepping down as CEO", not "will continue as executive chairman".
    found = re.search(
        r"\b(?:step(?:s|ping|ped)?\s+down|leav(?:es|ing)|retir(?:es|ing|ed)|resign(?:s|ing|ed)?|departs?|"
        r"departing|exit(?:s|ing)?|quit(?:s|ting)?)\s+as\s+(?:the\s+|its\s+)?",
        window,
    )
    if not found:
        return None
    title = TITLE_RE.match(window, found.end())
    return title.group() if title else None


# --- reporting lines ------------------------------------------------------------------------


# "..., which have reported to chief operating officer Jane Doe,": the manager of the old line,
# with the title that may stand between the verb and the name.
_FORMER_MANAGER_BEFORE_RE = re.compile(
    r"\b(?:who|which|that)\s+(?:\w+ly\s+|had\s+|have\s+|has\s+)?(?:until\s+now\s+)?(?:has\s+|have\s+)?"
    r"reported\s+(?:directly\s+)?to\s+(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
_FORMER_LINE_RE = re.compile(
    r"\b(?:who|which|that)\s+(?:\w+ly\s+|had\s+|have\s+|has\s+)?(?:until\s+now\s+)?(?:has\s+|have\s+)?reported\s+"
    r"(?:directly\s+)?to$|\buntil\s+now\s+(?:has|have)\s+reported\s+(?:directly\s+)?to$",
    re.I,
)


def build_reporting(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    org = scene.main_org()
    if rule.rule_id == "reporting.unit-move":
        return [
            _draft(
                scene,
                rule,
                (start, end),
                organization=org,
                details={"from_manager": None, "to_manager": None},
            )
        ]
    if rule.rule_id == "reporting.takes-responsibility":
        # "CFO Jane Doe will take on responsibility for the legal team": the team moves under her.
        head = scene.person_before(start)
        if head is None or not _UNIT_AFTER_RE.match(scene.text[end : scene.clause_end(end) + 1]):
            return []
        details = {"from_manager": None, "to_manager": head.name}
        return [_draft(scene, rule, (start, end), organization=org, details=details)]
    if rule.rule_id == "reporting.from-to":
        person = scene.person_before(start)
        managers = [p for p in scene.persons() if p.start >= end]
        if person is None or not managers:
            return []
        to_manager = managers[1].name if len(managers) > 1 else None
        details = {"from_manager": managers[0].name, "to_manager": to_manager}
        return [_draft(scene, rule, (start, end), person=person.name, organization=org, details=details)]
    manager = scene.person_after(end, limit=60)
    if manager is None:
        return []
    if _FORMER_LINE_RE.search(scene.text[max(scene.sentence.start, start - 12) : end]):
        return []  # "Bo Chan, who reported to Ann Lee, will now ...": the old line, not a change
    if _BACKGROUND_LINE_RE.search(scene.text[scene.sentence.start : end]):
        return []  # "had been COO since 2021 and reported to Ann Lee": a tenure, not a change
    if rule.rule_id == "reporting.join-under":
        subject = scene.person_before(start)
        people = [subject] if subject else []
        if not people and _UNITS_BEFORE_RE.search(scene.text[max(scene.sentence.start, start - 100) : start]):
            # "Thackeray's marketing and loyalty teams would move under Barnaby Okoro".
            details = {"from_manager": None, "to_manager": manager.name}
            return [_draft(scene, rule, (start, end), organization=org, details=details)]
    else:
        people = scene.persons_listed_before(start)
        people = _everyone_moving(scene, start) or people
        if not people and _UNITS_BEFORE_RE.search(scene.text[max(scene.sentence.start, start - 100) : start]):
            # "with the presidents of its three units reporting directly to the CEO": a unit-level change.
            details = {"from_manager": None, "to_manager": manager.name}
            return [_draft(scene, rule, (start, end), organization=org, details=details)]
    # "Bo Chan, who reported to Ann Lee, will now report to ...": Ann Lee is the manager left.
    former = [
        p
        for p in people
        if p and _FORMER_MANAGER_BEFORE_RE.search(scene.text[max(0, p.start - 80) : p.start])
    ]
    if former:
        subject = scene.person_before(former[0].start)
        people = [p for p in people if p not in former] or ([subject] if subject else [])
        if not people and _UNITS_BEFORE_RE.search(
            scene.text[max(scene.sentence.start, former[0].start - 120) : former[0].start]
        ):
            # "Acme's clinical functions, which have reported to X, will report to Y": the units move.
            details = {"from_manager": former[0].name, "to_manager": manager.name}
            return [_draft(scene, rule, (start, end), organization=org, details=details)]
    drafts = []
    for person in people:
        if person is None or person.name == manager.name:
            continue
        details = {"from_manager": former[0].name if former else None, "to_manager": manager.name}
        drafts.append(
            _draft(scene, rule, (start, end), person=person.name, organization=org, details=details)
        )
    return drafts


# The units a reporting line is drawn for: "the presidents of X, Y and Z", "the legal and strategy teams".
_UNITS_BEFORE_RE = re.compile(
    r"(?:\b(?:the|its|their|our)|[A-Z][\w'’-]*['’]s)\s+(?:[\w,-]+\s+){0,4}?(?:presidents|heads|leaders|chiefs|"
    r"(?:managing\s+)?directors|teams?|units?|divisions?|businesses|departments?|functions?|offices?|plants|"
    r"organi[sz]ations?)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
_UNIT_AFTER_RE = re.compile(
    r"^\s*(?:the|its|our)\s+(?:[\w,&-]+\s+){0,6}?(?:teams?|units?|divisions?|departments?|functions?|businesses|"
    r"operations)\b",
    re.IGNORECASE,
)


_BACKGROUND_LINE_RE = re.compile(
    r"\b(?:had|has|have)\s+been\b[^.;]{1,80}?\band\s+(?:\w+ly\s+)?reported\s+(?:directly\s+)?to$",
    re.IGNORECASE,
)


def _everyone_moving(scene: Scene, at: int) -> list[Mention]:
    """ "A and his team, and B and her team will move to report to C": A and B."""
    people = []
    for mention in scene.persons():
        if mention.end > at or mention.possessive or mention.via == "pronoun":
            continue
        after = scene.text[mention.end : mention.end + 60]
        if re.match(r"^\s*(?:,[^,]{0,50},\s*)?(?:said|says|told|wrote|stated|announced)\b", after):
            continue
        people.append(mention)
    return people if len(people) > 1 else []


# --- awards ---------------------------------------------------------------------------------


def build_award(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    if _WIN_HOPED_RE.search(scene.text, max(scene.sentence.start, start - 40), start):
        return []  # "tipped to win", "failed to win", "in the running to win"
    if _ON_BEHALF_RE.match(scene.text, end, scene.clause_end(end) + 1):
        return []  # "accepted the prize on behalf of the company": the company won it
    if rule.rule_id == "award.recipients-list":
        return _recipients_list(scene, rule, (start, end))
    if rule.rule_id == "award.caption-line":
        return _caption_line(scene, rule, (start, end))
    if rule.rule_id == "award.winner-line":
        return _winner_line(scene, rule, (start, end))
    if rule.rule_id == "award.category-line":
        return _category_line(scene, rule, (start, end))
    award = _award_name(scene, start, end, rule)
    if award is None:
        return []
    award_name = _spelled_out(scene, award or None)
    if (
        award_name
        and award_name.islower()
        and rule.rule_id not in {"award.shared-by", "award.went-to"}
        and not _PERSONAL_HONOUR_RE.fullmatch(award_name)  # "receive knighthoods": their own honour
    ):
        # "shares the prize with ...": the prize the article named before.
        named = [m for m in scene.entities.mentions if m.kind == "award" and m.start < start]
        award_name = named[-1].name if named else award_name
    if rule.rule_id == "award.n-time":
        # "two-time Banker of the Year (BOY) and banking veteran Jane Doe": a past honour of hers.
        prize = next((a for a in scene.mentions if a.kind == "award" and a.start == end), None)
        winner = scene.person_after(prize.end, limit=60) if prize else None
        gap = scene.text[prize.end : winner.start] if prize and winner else ""
        winners = [winner] if winner and _N_TIME_GAP_RE.match(gap) else []
    elif rule.person == "list-after":
        winners = _listed_with_asides(scene, scene.persons_listed_after(end), forward=True)
        winners = _across_semicolons(scene, winners)
    elif rule.person == "list-before":
        winners = _listed_with_asides(scene, scene.persons_listed_before(start), forward=False)
        winners = _across_unnamed_items(scene, winners)
    else:
        subject = scene.person_before(start)
        winners = [subject] if subject else []
    if not winners or _company_is_the_recipient(scene, rule, winners, (start, end)):
        return []
    names = [w.name for w in winners]
    cowinners = _cowinners(scene, end)
    drafts = []
    # "won the prize alongside / shares the prize with B": B won it too, a little less surely said.
    shared = [m for m in scene.persons() if m.name in cowinners and m.name not in names]
    everyone = names + [n for n in cowinners if n not in names]
    personal = rule.rule_id == "award.winners-include" or bool(
        award_name and _PERSONAL_HONOUR_RE.fullmatch(award_name)
    )
    previous: tuple[Mention, str | None] | None = None
    for winner in winners + shared:
        # A CBE or a knighthood is each person's own, however many a sentence lists.
        others = [] if personal else [n for n in everyone if n != winner.name]
        org = _org_right_after(scene, winner) or _title_org_after(scene, winner)
        org = org or _recipient_org(scene, winner) or _company_named_in_aside(scene, winner)
        org = org or scene.entities.affiliations.get(winner.name)
        if org is None and previous is not None and previous[1]:
            # "Acme vice-president A and senior director B": B's title shares A's company.
            gap = scene.text[previous[0].end : winner.start]
            titled = _AND_TITLE_ONLY_RE.match(gap)
            org = previous[1] if titled and TITLE_RE.search(titled.group(1)) else None
        previous = (winner, org)
        if org is None and winner.name in scene.entities.titles:
            org = scene.main_org()  # a winner with a job in the story works, most likely, where it is set
        org = org or _giving_body(scene, end)
        details = {"award": award_name, "co_recipients": others}
        confidence = rule.confidence - (0.15 if winner in shared else 0.0)
        fields = {"person": winner.name, "organization": org, "details": details}
        drafts.append(_draft(scene, rule, (start, end), confidence=confidence, **fields))
    return drafts


_HOME_TOWN_AFTER_RE = re.compile(r"\s*[–—-]\s+for\s")
_BY_BODY_GAP_RE = re.compile(r"^[^.;]{0,80}?\bby\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$")


def _giving_body(scene: Scene, end: int) -> str | None:
    """ "was voted manager of the year by the Football Writers' Guild": who gave it, when the
    story names no employer for the winner."""
    for org in scene.orgs():
        if org.start >= end and org.via == "name" and _BY_BODY_GAP_RE.match(scene.text[end : org.start]):
            return org.name
    return None


def _award_name(scene: Scene, start: int, end: int, rule: Rule) -> str | None:
    if rule.rule_id == "award.service-citation":
        post_nominal = re.match(r",\s+([A-Z]{2,3}),", scene.text[start:end])
        if post_nominal:
            return post_nominal.group(1)  # "Jane Doe, founder of Acme, OAM, for service to ..."
        # The order or rank the list puts the entry under: "OFFICER OF THE ORDER OF AUSTRALIA (AO)".
        heading = _heading_line_above(scene.text, scene.sentence.start)
        return heading if heading and heading.isupper() else "honour"
    if rule.rule_id == "award.named-honour":
        # "named CFO of the Year", "appointed OBE": the honour is the words after the verb.
        honour = re.sub(r"^\w+\s+(?:an?\s+|the\s+)?", "", scene.text[start:end])
        rank = re.match(r"\s*\((KBE|DBE|GBE)\)", scene.text[end : end + 8])
        if honour.lower() in {"knight", "dame"} and rank:
            return rank.group(1)  # "becomes a dame (DBE)": the rank the list gives
        if honour.lower() in {"knight", "dame", "knighted"}:
            return "damehood" if honour.lower() == "dame" else "knighthood"
        # "named joint X of the Year", "named one of the Women of the Year".
        honour = re.sub(
            r"^(?:(?:joint|co-|overall|this\s+year['’]s|one\s+of(?:\s+the)?|its|their|(?:19|20)\d\d)\s*)+",
            "",
            honour,
        )
        return honour or None
    awards = [m for m in scene.mentions if m.kind == "award"]
    if rule.rule_id == "award.honour":
        # "was handed a CBE", "take on the title of 'Sir'": the honour follows the verb.
        title = re.search(r"(Sir|Dame)$", scene.text[start:end])
        if title:
            return "knighthood" if title.group(1) == "Sir" else "damehood"
        letters = next((a for a in awards if end <= a.start <= end + 2), None)
        lower = _AWARD_LOWER_RE.match(scene.text, end)
        return letters.name if letters else lower.group(1).lower() if lower else None
    if rule.rule_id == "award.honours-for":
        # "made CBEs are", "includes knighthoods for": each recipient's own honour, in the trigger.
        inside = [a for a in awards if start <= a.start and a.end <= end]
        lower = _AWARD_LOWER_RE.search(scene.text, start, end)
        return inside[0].name if inside else lower.group(1).lower() if lower else None
    if rule.rule_id == "award.n-time":
        prize = next((a for a in awards if a.start == end), None)
        return prize.name if prize else None
    if rule.rule_id == "award.gave-person":
        return _prize_given_to(scene, start, end, awards)
    if rule.rule_id == "award.winner-is":
        inside = [a for a in awards if start <= a.start and a.end <= end]
        return inside[0].name if inside else None
    if rule.rule_id == "award.won" and _WON_OTHER_RE.match(scene.text, end):
        return None  # "won praise for the Acme Prize", "won the backing of ..."
    if rule.rule_id in {"award.won", "award.winners-of"}:
        after = [a for a in awards if a.start >= end and a.start - end <= 40]
        if after:
            return after[0].name
        lower = _AWARD_LOWER_RE.match(scene.text, end + 1) or _AWARD_LOWER_RE.search(
            scene.text[end : min(scene.sentence.end, end + 40)]
        )
        return lower.group(1) if lower else None
    before = [a for a in awards if a.end <= start and start - a.end <= 40]
    if before:
        return before[-1].name
    if rule.rule_id == "award.went-to":
        # "The lifetime achievement award went to ...": a prize named in lower case.
        word = re.match(r"[a-z]+", scene.text[start:end], re.IGNORECASE)
        head = scene.text[max(scene.sentence.start, start - 60) : start + (word.end() if word else 0)]
        lower = _LOWER_PRIZE_NAME_RE.search(head)
        if lower and not set(lower.group(1).split()) & _GENERIC_PRIZE_WORDS:
            return lower.group(1) + lower.group(2)
    if rule.rule_id in {"award.shared-by", "award.went-to"}:
        # "The rising star category was awarded to ...": a category named in lower case.
        category = _CATEGORY_BEFORE_RE.search(scene.text, max(scene.sentence.start, start - 60), start)
        if category:
            return category.group(1)
    if rule.rule_id == "award.shared-by" and not re.search(
        r"\b(?:prize|medal|award)\s+$", scene.text[max(0, start - 30) : start]
    ):
        return None  # only "The prize will be split between ...": the prize the article named
    if rule.rule_id not in {"award.went-to", "award.winners-include", "award.shared-by"}:
        return None
    # "The 2021 prize went to ...": the prize the article named before, else an unnamed prize.
    article_awards = [m for m in scene.entities.mentions if m.kind == "award" and m.start < start]
    return article_awards[0].name if article_awards else ""


_LOWER_PRIZE_NAME_RE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his\s+year['’]s)\s+)((?:[a-z][a-z-]+\s+){2,3})(award|prize|medal|trophy)$"
)
_GENERIC_PRIZE_WORDS = frozenset(
    {
        "top",
        "main",
        "first",
        "same",
        "overall",
        "big",
        "biggest",
        "new",
        "special",
        "annual",
        "final",
        "cash",
        "other",
    }
)


def _org_right_after(scene: Scene, person: Mention) -> str | None:
    """ "Jane Doe of Northlake University": the institution named with the winner ("Jane Doe, of
    Te Puke – for services to ..." names her home town in an honours list, not an employer)."""
    for mention in scene.orgs():
        if mention.start > person.end:
            if _HOME_TOWN_AFTER_RE.match(scene.text, mention.end):
                return None
            gap = scene.text[person.end : mention.start]
            # A place word the organization's name lost may stand between: "of West Acme Distillers".
            return (
                mention.name
                if re.fullmatch(
                    r",?\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?|\s*\(\s*(?:the\s+)?", gap
                )
                else None
            )
    return None


# "Jane Doe, chief technology officer of the battery maker Acme": the employer the aside names.
_TITLE_OF_AFTER_RE = re.compile(r"^,\s+(?:[\w-]+\s+){1,4}?(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?$")


def _title_org_after(scene: Scene, person: Mention) -> str | None:
    for mention in scene.orgs():
        if mention.start > person.end and mention.via == "name":
            gap = scene.text[person.end : mention.start]
            return mention.name if _TITLE_OF_AFTER_RE.match(gap) and TITLE_RE.search(gap) else None
    return None


_ROLE_WORD = (
    r"(?:boss|founder|co-founder|chief|head|chair\w*|president|partner|director|executive|ceo|cfo|cto|coo)"
)
# Between "two-time <prize>" and its holder: an acronym, an aside, "and <description>".
_N_TIME_GAP_RE = re.compile(r"^(?:\s*\([A-Z]{2,6}\))?(?:,)?\s+(?:and\s+)?(?:[a-z][\w-]*\s+){0,3}$")
_AND_TITLE_ONLY_RE = re.compile(r"^\s+and\s+((?:[a-z][\w-]*\s+){1,8})$")


# "the inaugural BOY award" after "Businessman of the Year (BOY)": the prize's full name.
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")


def _spelled_out(scene: Scene, award: str | None) -> str | None:
    short = _ACRONYM_RE.search(award) if award else None
    if short is None or award is None:
        return award
    for mention in scene.entities.mentions:
        if mention.kind == "award" and scene.text.startswith(f" ({short.group()})", mention.end):
            return mention.name
    return award


# "Dr Jane Doe, co-founder of the Acme company": a company the entity pass read as a description.
_COMPANY_IN_ASIDE_RE = re.compile(
    rf"^,\s+(?:[\w-]+\s+){{0,3}}?{_ROLE_WORD}\s+(?:of|at)\s+the\s+((?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,2}}))\s+"
    r"(?:company|firm|startup|start-up|business)\b",
    re.IGNORECASE,
)


def _company_named_in_aside(scene: Scene, winner: Mention) -> str | None:
    found = _COMPANY_IN_ASIDE_RE.match(scene.text[winner.end : winner.end + 120])
    if found is None or not found.group(1)[0].isupper():
        return None
    words = found.group(1).split()
    if all(w.lower() in PLACE_WORDS or w.endswith(("ish", "ese", "ian", "an")) for w in words):
        return None  # "the Irish company", "the Dublin company"
    return found.group(1)


# After the recipients: "... its Halden Medal", "... with the Innovation Award", "... a CBE".
_GIVEN_PRIZE_GAP_RE = re.compile(
    r"^(?:,[^;.]{1,90},)?\s+(?:with\s+)?(?:(?:the|its|their|his|her|this|an?|[12]\d{3})\s+){0,2}$"
)


def _prize_given_to(scene: Scene, start: int, end: int, awards: list[Mention]) -> str | None:
    """ "The Society has awarded Jane Doe its Halden Medal", "The King knighted Jane Doe"."""
    if scene.text[start:end].lower().startswith("knighted"):
        return "knighthood" if scene.person_after(end, limit=2) else None
    people = _listed_with_asides(scene, scene.persons_listed_after(end), forward=True)
    if not people or people[0].start != end or scene.passive(start):
        return None
    prize = next((a for a in awards if a.start > people[-1].end), None)
    if prize is None or not _GIVEN_PRIZE_GAP_RE.match(scene.text[people[-1].end : prize.start]):
        return None
    return prize.name


# What is won that is not a prize.
_WON_OTHER_RE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+|its\s+)?(?:[\w-]+\s+)?(?:praise|plaudits|support|backing|approval|"
    r"votes?|contracts?|case|seats?|elections?|race|battle|fans|respect|acclaim|attention|admiration|favou?r|bids?|"
    r"deals?|rights|concessions?|reprieve|appeal|lawsuit|tender|mandate)\b",
    re.IGNORECASE,
)
_WIN_HOPED_RE = re.compile(
    r"\b(?:tipped|failed|fails|fail|hop\w*|vying|favou?rites?|chances?|aim\w*|wants?|wanted|seek\w*|tr(?:y|ies|ied|ying)|"
    r"attempt\w*|poised|likely|unlikely|bid|bidding|running|shortlisted|nominated|set|expected|due|odds|battle|race)"
    r"\s+(?:\w+\s+)?to\s+$",
    re.IGNORECASE,
)
_PERSONAL_HONOUR_RE = re.compile(r"(?:OBE|CBE|MBE|KBE|DBE|GBE|BEM|knighthood|damehood|peerage)s?")
_ON_BEHALF_RE = re.compile(
    r"[^.;]{0,80}?\bon\s+behalf\s+(?:of\s+)?(?:the|its|his|her|their)\b", re.IGNORECASE
)
# "The rising star category was awarded to": the category's own words name the prize.
_CATEGORY_BEFORE_RE = re.compile(
    r"\b(?:the\s+)?((?:[\w-]+\s+){0,2}[\w-]+)\s+category\s+$",
    re.IGNORECASE,
)
# Between the items of a caption list: "A, CEO of X (Prize); B, partner, Y (Prize) and C ...".
_ITEM_BREAK_RE = re.compile(r";\s+|\)\s*,?\s+and\s+|\),\s+")


def _recipients_list(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Winners (from left): A, CEO of X (Banker of the Year); B, partner, Y (Investor of the Year)":
    one recipient per item, each with the employer and the prize written in that item."""
    drafts = []
    cursor = span[1]
    end = scene.sentence.end
    while cursor < end:
        cut = _ITEM_BREAK_RE.search(scene.text, cursor, end)
        stop = cut.start() + (1 if cut and cut.group().startswith(")") else 0) if cut else end
        people = [p for p in scene.persons() if cursor <= p.start < stop and p.via != "pronoun"]
        if people:
            winner = people[0]
            awards = [a for a in scene.mentions if a.kind == "award" and winner.end <= a.start < stop]
            org = _org_right_after(scene, winner) or _title_org_after(scene, winner)
            org = org or _recipient_org(scene, winner) or scene.entities.affiliations.get(winner.name)
            if org is None:
                # "A, Orbis Labs; B, Norden Systems": the item's company right after the name.
                org = next(
                    (
                        o.name
                        for o in scene.orgs()
                        if winner.end < o.start < stop
                        and re.fullmatch(r",\s+", scene.text[winner.end : o.start])
                    ),
                    None,
                )
            details: dict[str, object] = {"award": awards[0].name if awards else None, "co_recipients": []}
            drafts.append(_draft(scene, rule, span, person=winner.name, organization=org, details=details))
        if cut is None:
            break
        cursor = cut.end()
    return drafts if len(drafts) > 1 else []


# A caption or winners' line: "<prize> – <Person Name>, <company>", nothing else on the line.
_CAPTION_LINE_RE = re.compile(
    r"^(?P<head>[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,6}?)\s+[–—-]\s+"
    r"(?P<person>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+"
    r"(?:(?:formerly|previously|ex-|of|at|from)\s*)?(?P<org>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?)\s*$"
)
_PRIZE_HEAD_RE = re.compile(
    r"\b(?:of\s+the\s+year|awards?|prizes?|medal|trophy|star|achievement|champion|winner|honou?r)\b",
    re.IGNORECASE,
)


_NOT_WON_RE = re.compile(
    r"\b(?:shortlist\w*|short-list\w*|finalists?|nominees?|nominat\w*|runners?-up|commended|candidates?|judges?)\b",
    re.IGNORECASE,
)


def _heading_line_above(text: str, at: int, reach: int = 6) -> str | None:
    """The nearest non-empty line above the line holding `at` (within `reach` lines)."""
    line_start = text.rfind("\n", 0, at) + 1
    for _ in range(reach):
        if line_start <= 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1].strip()
        if line:
            return line
        line_start = above
    return None


_CREDIT_LABEL_RE = re.compile(
    r"(?:picture|photo|photograph|image|credit|source|contact|representative|editor|reporting|writer|by)s?$",
    re.IGNORECASE,
)
_WINNERS_HEADER_RE = re.compile(r"\b(?:winners?|recipients?|honou?rees|laureates|awards?)\b", re.IGNORECASE)
_CATEGORY_LINE_RE = re.compile(r"^[\s•*·-]{0,4}[A-Z][\w&'’ -]{2,60}?:\s+\S")


def _category_line(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "- Young Entrepreneur of the Year: A and B, Acme Grid": one item of a winners' list. The
    category must name a prize, or the block must sit under a line about winners or awards."""
    start, end = span
    text = scene.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip(" \t•*·-"):
        return []  # a list item is a line of its own
    category = text[start:end].strip(" \t•*·-").rstrip(": ")
    if _NOT_WON_RE.search(category) or _CREDIT_LABEL_RE.match(category):
        return []  # "Shortlisted: ...", "Picture: Jane Doe Photography"
    if not _PRIZE_HEAD_RE.search(category):
        header = line_start
        while True:  # up past the other items of the block to the line that introduces it
            above = _heading_line_above(text, header, reach=2)
            if above is None or not _CATEGORY_LINE_RE.match(above):
                break
            header = text.rfind(above, 0, header)
        introduces = above is not None and (
            above.endswith(":") or len(above.split()) <= 12 and not above.endswith(".")
        )
        if not introduces or not _WINNERS_HEADER_RE.search(above or "") or _NOT_WON_RE.search(above or ""):
            return []
    comma = text.find(",", end, line_end)
    listed = text[end : comma if comma >= 0 else line_end]
    persons = [m for m in scene.persons() if end <= m.start < end + len(listed) and m.via == "name"]
    if not persons:
        return []  # "Company of the Year: Acme Holdings": a company's award, no person
    # "Lwazi Nkosi and Chantal Botha": every name of the item, known to the recogniser or not.
    names = [
        found.group(1)
        for part in re.split(r"\s+and\s+|\s*&\s*", listed.strip())
        if (found := _LISTED_NAME_RE.fullmatch(part.strip()))
    ]
    names = [
        next((p.name for p in persons if p.name.endswith(n.split()[-1]) and len(p.name) >= len(n)), n)
        for n in names
    ]
    if not names:
        return []
    items = [item.strip() for item in text[end + len(listed) : line_end].split(",")][1:]
    untitled = [item for item in items if item and item[0].isupper() and not TITLE_RE.fullmatch(item)]
    lowered = [item for item in items if item and not TITLE_RE.search(item)]
    org = untitled[-1] if untitled else (lowered[-1] if lowered else None)
    drafts = []
    for name in names:
        others = [n for n in names if n != name]
        details: dict[str, object] = {"award": category, "co_recipients": others}
        drafts.append(_draft(scene, rule, span, person=name, organization=org, details=details))
    return drafts


_LISTED_NAME_RE = re.compile(
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?([A-Z][\w'’-]+(?:\s+(?:(?:van|von|der|de|den|du|da|di|le|la|bin)\s+)*[A-Z][\w'’-]+){1,3})"
)


def _winner_line(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Logistics Leader of the Year" / "Winner: Jane Doe, Chief Operating Officer, Acme Freight":
    the winner, her company (the first item after her that names one, else the last that is no
    title) and the prize the heading line above names."""
    start, end = span
    text = scene.text
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    named = [m for m in scene.persons() if end <= m.start < line_end and m.via == "name"]
    if len({m.name for m in named}) > 1 and re.search(r"\band\b|[;(&]", text[end:line_end]):
        return []  # "Winners: A (Acme), B (Foo) and C": a list, which the recipients rule reads
    winner = next((m for m in named if m.start <= end + 5), None)
    if winner is None:
        return []  # "Winner: Cross-dock team, Brouwer Logistiek": a team, not a person
    items = [item.strip() for item in text[winner.end : line_end].split(",")][1:]
    orgs = {m.name for m in scene.orgs() if winner.end < m.start < line_end}
    org = next((item for item in items if item in orgs), None)
    if org is None:
        untitled = [item for item in items if item and item[0].isupper() and not TITLE_RE.fullmatch(item)]
        org = untitled[-1] if untitled else None
    line_start = text.rfind("\n", 0, start) + 1
    heading = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)].strip()
    prize = heading if heading and len(heading.split()) <= 8 and not heading.endswith((".", ":")) else None
    details: dict[str, object] = {"award": prize, "co_recipients": []}
    return [_draft(scene, rule, span, person=winner.name, organization=org, details=details)]


def _caption_header(text: str, line_start: int) -> str:
    """The line above a block of caption lines ("Winners:", "The finalists are:")."""
    for _ in range(12):
        if line_start <= 0:
            return ""
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        if line.strip() and not _caption_shape(line):
            return line
        line_start = above
    return ""


def _caption_shape(line: str) -> re.Match[str] | None:
    return _CAPTION_LINE_RE.match(line.strip())


def _caption_line(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Driver of the Year – Jane Doe, Acme Tankers": the prize, its winner and her company. The
    head must name a prize, or a neighbouring line of the same shape must ("Rising Star – ...")."""
    text = scene.text
    line_start = text.rfind("\n", 0, scene.sentence.start) + 1
    line_end = text.find("\n", scene.sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start : scene.sentence.start].strip() or text[scene.sentence.end : line_end].strip():
        return []  # a caption is a whole line
    found = _caption_shape(text[line_start:line_end])
    if found is None:
        return []
    if not _PRIZE_HEAD_RE.search(found.group("head")):
        above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        below = text.find("\n", line_end + 1)
        neighbours = [
            text[above : max(above, line_start - 1)],
            text[line_end + 1 : len(text) if below < 0 else below],
        ]
        if not any(
            (n := _caption_shape(line)) and _PRIZE_HEAD_RE.search(n.group("head")) for line in neighbours
        ):
            return []
    if _NOT_WON_RE.search(found.group("head")) or _NOT_WON_RE.search(_caption_header(text, line_start)):
        return []  # "Finalists:", "Shortlisted for Driver of the Year – ..."
    person_at = scene.sentence.start + (
        found.start("person") - (len(found.string) - len(found.string.lstrip()))
    )
    mentions = [m for m in scene.mentions if m.start == person_at]
    if any(m.kind != "person" for m in mentions):
        return []  # "Award – Acme Labs, Berlin": a company, not a person
    org_at = person_at + (found.start("org") - found.start("person"))
    org_mention = next((m for m in scene.orgs() if m.start == org_at), None)
    org = org_mention.name if org_mention else found.group("org")
    details: dict[str, object] = {"award": found.group("head"), "co_recipients": []}
    return [_draft(scene, rule, span, person=found.group("person"), organization=org, details=details)]


# Between two recipients of a list, an item whose name was not recognised may stand:
# "A, Acme founder b Doe and Norden boss C" still lists A with C.
_SKIPPED_ITEM_GAP_RE = re.compile(
    r"^(?:,\s*|\s+and\s+)(?:[\w'’&.-]+\s+){1,6}?[\w'’&.-]+(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’&.-]+\s+){0,5}$"
)
_ITEM_GAP_RE = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’&.-]+\s+){0,5}$")


# "shared by A, a chemist; B, chief executive of X; and C": items with asides, cut by semicolons.
_SEMICOLON_ITEM_GAP_RE = re.compile(r"^(?:,\s+[^;.]{1,90})?;\s+(?:and\s+)?(?:[\w'’.-]+\s+){0,3}$")


def _across_semicolons(scene: Scene, listed: list[Mention]) -> list[Mention]:
    if not listed:
        return listed
    widened = list(listed)
    for mention in scene.persons():
        if mention.via == "pronoun" or mention.start <= widened[-1].end:
            continue
        if not _SEMICOLON_ITEM_GAP_RE.match(scene.text[widened[-1].end : mention.start]):
            break
        widened.append(mention)
    return widened


def _across_unnamed_items(scene: Scene, listed: list[Mention]) -> list[Mention]:
    """Widen a list of recipients backwards over long descriptions and one unrecognised item."""
    if not listed:
        return listed
    people = [p for p in scene.persons() if p.via != "pronoun" and not p.possessive]
    widened = list(listed)
    for mention in reversed(people):
        if mention.end > widened[0].start:
            continue
        gap = scene.text[mention.end : widened[0].start]
        if not (_ITEM_GAP_RE.match(gap) or _SKIPPED_ITEM_GAP_RE.match(gap)):
            break
        widened.insert(0, mention)
    return widened


_SPEECH_GAP_RE = re.compile(r"\b(?:said|says|told|announced|added|noted|confirmed)\b", re.IGNORECASE)


def _company_is_the_recipient(
    scene: Scene, rule: Rule, winners: list[Mention], span: tuple[int, int]
) -> bool:
    """ "Acme, led by Jane Doe, won the award", "Jane Doe said Acme won", "went to Acme, whose
    chief is Jane Doe": the company won; the person only stands near it."""
    orgs = [o for o in scene.orgs() if o.via == "name" and not o.possessive]
    if rule.person == "list-after" or rule.rule_id == "award.gave-person":
        first = winners[0]
        for org in orgs:
            if span[1] <= org.start and org.end <= first.start:
                lead = scene.text[span[1] : org.start]
                rest = scene.text[org.end : first.start]
                # "went to Acme, whose chief is Jane Doe" / not "including Acme chief Jane Doe".
                if re.fullmatch(r"\s*(?:the\s+)?", lead) and re.match(r"\s*[,(–—]", rest):
                    return True
        return False
    last = winners[-1]
    if any(last.end <= o.start and o.end <= span[0] for o in orgs) and _SPEECH_GAP_RE.search(
        scene.text[last.end : span[0]]
    ):
        return True  # "Jane Doe said Acme won ..."
    subject = scene.subject_org(span[0])
    if subject is not None and subject.end <= winners[0].start:
        gap = scene.text[subject.end : winners[0].start]
        return gap.lstrip().startswith((",", "(", "–", "—")) and "," in scene.text[last.end : span[0]]
    return False


# Who a title-like word before a name says the person works for: "Acme boss Jane Doe",
# "former Acme chairman Jane Doe", "Acme senior vice-president Jane Doe", "Acme's Jane Doe".

_PRENOMINAL_GAP_RE = re.compile(
    rf"^(?:['’]s?\s+(?:(?:[\w-]+\s+){{0,5}}?{_ROLE_WORD}\s+)?|\s+(?:[\w-]+\s+){{0,5}}?{_ROLE_WORD}\s+)$",
    re.IGNORECASE,
)
# "Jane Doe – chief executive of Acme", "Jane Doe, his counterpart at Acme", "Jane Doe, a partner at
# law firm Acme", "Jane Doe, managing partner, Acme", "Jane Doe, who stepped down as chairman of Acme,".
_APPOSITION_GAP_RE = re.compile(
    r"^\s*[,–—(]\s*(?:-\s+)?(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:(?:of|at|with|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?|[\w-]+,\s+(?:[A-Z][\w-]*\s+)?)$|"
    r"^\s*[-,–—]\s+who\s+(?:[\w-]+\s+){0,9}?(?:of|at|with|for|founded|co-founded|started|runs|ran|leads|led|"
    r"heads|headed|chairs|chaired|owns|owned|built|manages|managed)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_APPOSITION_WORDS_RE = re.compile(
    rf"\b(?:{_ROLE_WORD}|counterpart|colleague|works?|worked|stepped\s+down|founded|co-founded|runs|leads|heads|"
    r"owner|co-owner|proprietor|started|chairs|chaired|ran|led|headed|owns|owned|built|manages|managed|"
    r"vice-president|manager|officer|professor|partner|employee|engineer|scientist|analyst|economist|lawyer|"
    r"consultant|adviser|advisor|designer|developer|researcher|banker|trader|pilot|driver|nurse|teacher|"
    r"chemist|physicist|biologist|mathematician|architect|surgeon|journalist|editor)\b",
    re.IGNORECASE,
)
# "... after her headhunting firm Acme Search": the recipient's own firm, named later in the clause.
_OWN_FIRM_BEFORE_RE = re.compile(
    r"\b(?:her|his|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:firm|company|startup|start-up|business|group|bank)\s+$",
    re.IGNORECASE,
)


def _recipient_org(scene: Scene, winner: Mention) -> str | None:
    """The employer written around one recipient: before the name, in an aside after it, or as
    "her firm X" later in the clause. Former employers count: an honour marks a career."""
    people = scene.persons()
    earlier = [p.end for p in people if p.end <= winner.start]
    floor = max(earlier[-1] if earlier else scene.sentence.start, scene.sentence.start)
    before = [m for m in scene.orgs() if floor <= m.start and m.end <= winner.start and m.via == "name"]
    if before:
        org = before[-1]
        gap = scene.text[org.end : winner.start]
        if "," not in gap and _PRENOMINAL_GAP_RE.match(gap) or (org.possessive and not gap.strip(" '’s")):
            return org.name
    later = [p.start for p in people if p.start > winner.end]
    ceiling = later[0] if later else scene.sentence.end
    for org in scene.orgs():
        if org.start <= winner.end or org.start >= ceiling or org.via != "name":
            continue
        gap = scene.text[winner.end : org.start]
        if len(gap) <= 110 and _APPOSITION_GAP_RE.match(gap) and _APPOSITION_WORDS_RE.search(gap):
            return org.name
        if _OWN_FIRM_BEFORE_RE.search(scene.text[max(winner.end, org.start - 50) : org.start]):
            return org.name
    return _org_told_next(scene, winner)


def _org_told_next(scene: Scene, winner: Mention) -> str | None:
    """ "... and Jane Doe took OBEs. Doe, who founded Acme Books, ...": the next sentence's aside."""
    mentions = scene.entities.mentions
    index = scene.entities.position(winner)
    if index < 0:
        return None
    limit = scene.sentence.end + 400
    for position in range(index + 1, min(len(mentions), index + 30)):
        mention = mentions[position]
        if mention.start > limit:
            break
        if mention.kind != "person" or mention.name != winner.name or mention.start < scene.sentence.end:
            continue
        if mention.via == "pronoun":
            continue  # "Before Acme she ran Foo Gallery": a pronoun's sentence tells of another time
        for org in mentions[position + 1 : position + 4]:
            if org.kind == "person":
                break
            gap = scene.text[mention.end : org.start]
            if org.kind == "org" and org.via == "name" and len(gap) <= 110 and _TOLD_NEXT_GAP_RE.match(gap):
                return org.name
        break
    return None


# "Doe, who founded advice website Acme," / "Doe, who runs Acme,": whose the recipient's company is.
# "Doe founded Acme Orchards in 1987", "Doe is managing director of Acme": the same as the main verb.
_TOLD_NEXT_GAP_RE = re.compile(
    r"^(?:,\s+who)?\s+(?:also\s+)?(?:founded|co-founded|set\s+up|runs|ran|leads|led|heads|headed|chairs|chaired|"
    r"started|built|owns|owned)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$|"
    r"^(?:,\s+who)?\s+(?:is|was|has\s+been)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _cowinners(scene: Scene, at: int) -> list[str]:
    # Only within the award's clause: "a 2018 prize winner, founded Acme with Bo" is not shared.
    cue = _COWINNER_CUE_RE.search(scene.text, at, scene.clause_end(at))
    if not cue:
        return []
    return [m.name for m in scene.persons_listed_after(cue.end())]


# Past honours told as background ("a two-time winner", "Jane Doe, a 2015 prize winner") keep
# whatever date the text gives them, or none.
_BACKGROUND_AWARD_RULES = frozenset({"award.n-time", "award.winner"})


# "Jane Doe, who won the Acme Prize, ...", "having won": told in passing, not the news.
_IN_PASSING_RE = re.compile(r"\b(?:who|which|having|previously|once|formerly)\s+(?:\w+\s+)?$", re.IGNORECASE)


_MANY_TIMES_RE = re.compile(
    r"[^.;]*?\b(?:twice|(?:three|four|five|several|multiple|many)\s+times)\b", re.IGNORECASE
)


def award_told_as_news(text: str, draft: Draft) -> bool:
    """An award the story reports (not "a two-time winner", "who won the prize in 2019")."""
    if draft.type != "award" or draft.rule_id in _BACKGROUND_AWARD_RULES:
        return False
    at = draft.trigger[0]
    return not (_IN_PASSING_RE.search(text[max(0, at - 30) : at]) or _MANY_TIMES_RE.match(text, at, at + 90))


def date_unstated_awards(text: str, drafts: list[Draft], published_year: str) -> None:
    """An honours list or awards night reported without a date of its own happened in the
    edition of the publication year (year precision)."""
    for draft in drafts:
        if draft.rule_id == "award.n-time":
            draft.date = None  # "a two-time winner" won it twice: no one date is its date
        if draft.type == "award" and draft.date is None and draft.rule_id not in _BACKGROUND_AWARD_RULES:
            at = draft.trigger[0]
            if _IN_PASSING_RE.search(text[max(0, at - 30) : at]) or _MANY_TIMES_RE.match(text, at, at + 90):
                continue
            draft.date = DateMention(at, at, "", published_year, "year", "past", "date.award-edition")


# --- funding --------------------------------------------------------------------------------


# Rounds told as a company's history: "its first round of $2m", "Its first outside money was a
# $2m seed round", "..., following a $12m Series A in 2019". Each names its own round after the cue.
_EARLIER_ROUND_RULES = frozenset(("funding.round-of-amount", "funding.round-was", "funding.earlier-round"))


def build_funding(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    if rule.rule_id in _EARLIER_ROUND_RULES:
        # "Acme closed its first round of $2m"; "their next round of $2m", "was announced by the
        # company": the company said to raise money last, when no company opens the sentence.
        # "The startup raised a Series B, following a Series A": the described company opening it.
        subject = scene.subject_org(start) or next(
            (m for m in scene.orgs() if m.via == "description" and m.start - scene.sentence.start <= 3), None
        )
        if subject is not None and not _REPORTER_AFTER_RE.match(scene.text[subject.end : subject.end + 12]):
            raised_by: str | None = subject.name
        else:
            raised_by = _last_raiser(scene) or scene.main_org()
        return [] if raised_by is None else _funding_draft(scene, rule, (start, end), None, raised_by)
    if rule.rule_id == "funding.has-backed":
        # One company backed (a list of a portfolio is background); the investor before is the lead.
        target = next((m for m in scene.orgs() if m.start == end and m.via == "name"), None)
        if target is None or re.match(r"\s*(?:,|and\b)", scene.text[target.end : target.end + 5]):
            return []
        drafts = _funding_draft(scene, rule, (start, end), None, target.name)
        drafts[0].details["lead_investors"] = _orgs_listed_before(scene, start)
        return drafts
    if rule.rule_id == "funding.led-round-in":
        target = next((m for m in scene.orgs() if m.start == end and m.via == "name"), None)
        if target is None:
            return []
        leads = _orgs_listed_before(scene, start)
        if not leads:
            return []  # "a partner who led the investment in Acme": a person's background
        drafts = _funding_draft(scene, rule, (start, end), None, target.name)
        drafts[0].details["lead_investors"] = leads
        return drafts
    if rule.rule_id == "funding.led-company-round":
        # "Bay Capital and Oak Ventures led Acme's latest financing": the company owns the round.
        target = next((m for m in scene.orgs() if m.start == end and m.possessive), None)
        if target is None or target.via != "name":
            return []
        drafts = _funding_draft(scene, rule, (start, end), None, target.name)
        drafts[0].details["lead_investors"] = _orgs_listed_before(scene, start)
        drafts[0].details["amount"] = None  # the amount is told with the raise, not here
        return drafts
    if rule.rule_id == "funding.investment-valued":
        target = next((m for m in scene.orgs() if m.start == end and m.via == "name"), None)
        return [] if target is None else _funding_draft(scene, rule, (start, end), None, target.name)
    if rule.rule_id == "funding.invested-in":
        # "Bay Capital poured $30 million into Acme": the company follows "into"/"in".
        target = next((m for m in scene.orgs() if m.start == end and m.via == "name"), None)
        if target is None:
            return []
        if re.match(
            r"(?:bet|wagered)\b|.*\bon\s+$", match.group(), re.IGNORECASE
        ) and not _TARGET_HEAD.search(match.group()):
            return []  # "bet $5 million on Bitcoin": a wager on a company needs it called one
        drafts = _funding_draft(scene, rule, (start, end), None, target.name)
        leader = scene.org_before(start)
        if leader is not None and re.match(r"\s*$", scene.text[leader.end : start]):
            # "Bay Capital led/bet $30m on Acme": the one investor named leads.
            # "Bay's Growth Fund II": the owner's name joins the fund's.
            owner = next(
                (m for m in scene.orgs() if m.possessive and m.end + 12 >= leader.start > m.end), None
            )
            name = leader.name
            if owner is not None:
                name = re.sub(r"['’]s?\s+", " ", scene.text[owner.start : leader.end])
            drafts[0].details["lead_investors"] = [name]
        return drafts
    if rule.rule_id == "funding.raised-funding":
        # "Acme last raised funding ... at a valuation of ...": only the company right before counts
        # ("startups that raised money this year" states no one round).
        subject = next(
            (
                m
                for m in scene.orgs()
                if m.via == "name" and _JUST_BEFORE_RE.fullmatch(scene.text[m.end : start])
            ),
            None,
        )
        raised_by = subject.name if subject is not None else _bare_subject(scene, start)
        return [] if raised_by is None else _funding_draft(scene, rule, (start, end), None, raised_by)
    if rule.rule_id == "funding.raised-amount" and _OWN_FUND_RE.match(scene.text, end):
        return []  # "Norden Capital raised a $500 million fund": an investor's fund, not a start-up's round
    if scene.subject_org(start) is None and _ROUNDUP_SUBJECT_RE.search(
        scene.text[scene.sentence.start : start]
    ):
        return []  # "7 Startups Raise More Than $200M": a round-up states no single round
    org_before = scene.subject_org(start) or scene.org_before(start, named_only=False)
    person_before = scene.person_before(start)
    if person_before is not None and _AGENT_BEFORE_RE.search(
        scene.text[scene.sentence.start : person_before.start]
    ):
        person_before = None  # "The startup, founded by Jane Doe, raised ...": the founder does not raise
    org: str | None = None
    person: str | None = None
    if scene.subject_org(start) is not None:
        org = org_before.name if org_before else None
    elif person_before is not None and (org_before is None or person_before.start > org_before.end):
        company = _company_raised_for(scene, end)
        if company is not None:
            org = company.name
        else:
            person = person_before.name
    elif org_before is not None:
        org = org_before.name
    elif rule.rule_id == "funding.led-by" or re.search(
        r"\b(?:it|they|the company|the startup)\s+(?:\w+\s+){0,2}$",
        scene.text[max(scene.sentence.start, start - 40) : start],
        re.IGNORECASE,
    ):
        # "The round was led by X" / "It raised ... led by X": the round is the story's company's,
        # in a round-up the company its paragraph opened with; "..., Acme said": the speaker's.
        speaker = next(
            (
                m
                for m in scene.orgs()
                if m.start > end
                and m.via == "name"
                and re.search(r",\s+$", scene.text[max(end, m.start - 3) : m.start])
                and _REPORTER_AFTER_RE.match(scene.text[m.end : m.end + 12])
            ),
            None,
        )
        org = speaker.name if speaker is not None else _paragraph_company(scene) or scene.main_org()
    else:
        after = scene.object_org(end, named_only=False)
        reporter = after is not None and re.match(
            r"\s+(?:reported|said|says|reports)\b", scene.text[after.end :]
        )
        # "raised a $40m Series C led by Norden Ventures": a name after the investors' cue is an investor.
        investor = after is not None and INVESTOR_CUE_RE.search(
            scene.text[max(end, after.start - 30) : after.start]
        )
        org = None if reporter or investor else _name(after)
    if (
        org is None
        and person is None
        and rule.rule_id in {"funding.raised-amount", "funding.unveiled-capital"}
    ):
        org = _bare_subject(scene, start)
    if org is None and person is None:
        return []
    return _funding_draft(scene, rule, (start, end), person, org)


# A capitalised run opening the sentence right before the verb: "—Tilt Biotherapeutics unveiled ...",
# a round-up's "Acme (Munich) raised ...": the city in brackets is not part of the name.
_BARE_SUBJECT_RE = re.compile(
    r"^\W{0,3}((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&'’-]*)(?:\s+\([A-Z][\w .'’-]{1,30}\))?\s+"
    r"(?:has\s+|have\s+|also\s+|just\s+|last\s+|previously\s+|recently\s+){0,2}$"
)


def _bare_subject(scene: Scene, at: int) -> str | None:
    """A company the name recogniser left out, when it is the whole subject of a raise."""
    found = _BARE_SUBJECT_RE.match(scene.text[scene.sentence.start : at])
    if not found:
        return None
    words = found.group(1).split()
    if words[0].lower() in NOT_NAME_WORDS or any(m.kind == "person" for m in scene.mentions if m.end <= at):
        return None
    return found.group(1)


def _funding_draft(
    scene: Scene, rule: Rule, span: tuple[int, int], person: str | None, org: str | None
) -> list[Draft]:
    start, end = span
    body = scene.text[scene.sentence.start : scene.sentence.end]
    money = find_money(body)
    trigger_rel = start - scene.sentence.start
    amounts = [m for m in money if not m.valuation and not m.total and m.end > trigger_rel - 5]
    # "valuing it at $3.5bn, while an investment in B valued it at $2.8bn": the valuation after the trigger.
    valuations = [m for m in money if m.valuation and m.start >= trigger_rel] or [
        m for m in money if m.valuation
    ]
    named = [m for m in amounts if not m.span]
    details = {
        "amount": int(named[0].amount) if named and named[0] is amounts[0] else None,
        "currency": (amounts or valuations)[0].currency if (amounts or valuations) else None,
        "round": (round_name(body[trigger_rel:]) if rule.rule_id in _EARLIER_ROUND_RULES else None)
        or round_name(body),
        "lead_investors": _investors(scene, start if rule.rule_id == "funding.led-by" else end),
        "valuation": int(valuations[0].amount) if valuations else None,
    }
    return [_draft(scene, rule, (start, end), person=person, organization=org, details=details)]


_REPORTER_AFTER_RE = re.compile(r"\s+(?:reported|reports|said|says|wrote)\b")
# "Acme has grabbed $2m", "Acme raised": a company said to raise money.
_RAISER_AFTER_RE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|also\s+|recently\s+|last\s+){0,2}(?:raised|grabbed|secured|bagged|closed|"
    r"landed|garnered|received|picked\s+up|mopped\s+up)\b"
)


def _last_raiser(scene: Scene) -> str | None:
    """The company that the few sentences before this one said raised money."""
    floor = max(0, scene.sentence.start - 800)
    found = None
    for mention in scene.entities.mentions:
        if mention.start >= scene.sentence.start:
            break
        if mention.start < floor or mention.kind != "org" or mention.via not in ("name", "description"):
            continue
        if _RAISER_AFTER_RE.match(scene.text[mention.end : mention.end + 40]):
            found = mention.name
    return found


def _orgs_listed_before(scene: Scene, at: int) -> list[str]:
    """ "Bay Capital, Oak Ventures and Pine Partners led ...": the named organizations listed right before."""
    listed: list[Mention] = []
    edge = at
    for mention in reversed([m for m in scene.orgs() if m.end <= at and m.via == "name"]):
        gap = scene.text[mention.end : edge]
        if not re.fullmatch(r"\s*" if not listed else r",?\s*(?:and\s+|&\s*)?|\s*,\s*", gap):
            break
        listed.insert(0, mention)
        edge = mention.start
    return [m.name for m in listed]


def _paragraph_company(scene: Scene) -> str | None:
    """ "—Acme raised $5m. ... The latest financing was led by X": the first company named in the
    paragraph before this sentence, unless named as an investor."""
    line_start = scene.text.rfind("\n", 0, scene.sentence.start) + 1
    for mention in scene.entities.mentions:
        if mention.start < line_start or mention.kind != "org" or mention.via != "name":
            continue
        if mention.start >= scene.sentence.start:
            return None
        if INVESTOR_CUE_RE.search(scene.text[max(line_start, mention.start - 30) : mention.start]):
            continue
        return mention.name
    return None


# Between a company and its verb: "Acme last raised", "Acme has also raised".
_JUST_BEFORE_RE = re.compile(r"\s+(?:(?:last|also|previously|recently|has|had|have|most)\s+){0,3}")


_TARGET_HEAD = re.compile(
    r"\b(?:company|startup|start-up|firm|brand|platform|maker|lender|provider|app|developer|fintech|biotech)\s+$",
    re.IGNORECASE,
)


# A person named after "by" in an aside: "founded in 2019 by Jane Doe and", "backed by Bo Chan".
_AGENT_BEFORE_RE = re.compile(r"\bby\s+(?:[\w'’.-]+\s+){0,6}?(?:and\s+)?$")


# After the first digit of a raise: "$500 million fund", "€200m third venture fund".
# "raised a $500 million fund", "closed a $2bn growth fund" (not "raised $2m from Cinder Fund").
_OWN_FUND_RE = re.compile(
    r"[\d.,]*\s*(?:million|billion|bn|mn|m|crores?)?\s+(?:(?!(?:from|by|led|with|and)\b)[\w-]+\s+){0,3}?funds?\b",
    re.IGNORECASE,
)


# A count of companies as the subject: "7 Startups Raise ...", "Three fintechs raised ...".
_ROUNDUP_SUBJECT_RE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?\s+of|several|many)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:startups|start-ups|companies|firms|fintechs|biotechs|businesses|ventures)\b[^.;:,]{0,14}$",
    re.IGNORECASE,
)


def _company_raised_for(scene: Scene, at: int) -> Mention | None:
    """ "raised $1 billion for his new firm, Acme Labs": the company is after "for"."""
    found = re.search(r"\bfor\s", scene.text[at : scene.sentence.end])
    if not found:
        return None
    window_start = at + found.end()
    for mention in scene.orgs():
        if mention.start >= window_start and mention.start - window_start <= 60 and mention.via == "name":
            return mention
    return None


def _investors(scene: Scene, at: int) -> list[str]:
    text = scene.text
    cue = INVESTOR_CUE_RE.search(text, at, scene.sentence.end)
    if not cue or not LEAD_CUE_RE.match(text, cue.start()):
        return []
    stop = _INVESTOR_STOP_RE.search(text, cue.end(), scene.sentence.end)
    end = stop.start() if stop else scene.sentence.end
    if not cue.group().lower().startswith(("led", "co-led")) and re.search(
        r"\band\s+(?:several\s+|many\s+)?others?\b", text[cue.end() : end]
    ):
        return []  # "from Nexus and other investors": participants, no lead stated
    return [
        _BACKED_PREFIX_RE.sub("", m.name)  # "Tolland Group-backed Pell Angels" is Pell Angels
        for m in scene.mentions
        if m.kind in {"org", "person"} and cue.end() <= m.start < end and m.via == "name"
    ]


_BACKED_PREFIX_RE = re.compile(r"^(?:[\w&'’.]+\s+){0,3}?[\w&'’.]+-(?:backed|owned|powered|led)\s+(?=\S)")


# --- foundings ------------------------------------------------------------------------------


def build_founding(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    if rule.rule_id == "founding.spun-out" and _SPUN_OUT_OF_RE.match(scene.text, end):
        return _spun_out_of(scene, rule, (start, end))
    if rule.rule_id == "founding.spun-out":
        # "spun out its team as a separate company, Gridline": a company, no founder named.
        spun = scene.object_org(end, named_only=True) or next(
            (m for m in scene.orgs() if m.start > end and m.via == "name"), None
        )
        if spun is None:
            return []
        return [_draft(scene, rule, (start, end), organization=spun.name, details={"company": spun.name})]
    if rule.rule_id == "founding.founded-opener":
        return _founded_opener(scene, rule, (start, end))
    if rule.rule_id == "founding.founded-by":
        # "founded in 2020 by Jane Doe and Bo Chan": one founding per founder, or none named.
        if _NOT_A_COMPANY_CREATED_RE.search(scene.text[max(scene.sentence.start, start - 30) : start]) or (
            _CAUSE_AFTER_BY_RE.match(scene.text[end : end + 40])
        ):
            return []  # "the position created by the departure of Jane Doe": a vacancy, not a company
        named: list[Mention | None] = list(
            _listed_with_asides(scene, scene.persons_listed_after(end), forward=True)
        )
        gap = scene.text[end : named[0].start] if named and named[0] is not None else ""
        if named and not (_FEW_WORDS_RE.match(gap) or _DESCRIBED_FOUNDERS_RE.match(gap)):
            named = []
        company = scene.org_before(start) or scene.org_before(start, named_only=False)
        company_name = company.name if company is not None else None
        if company is None and named and named[-1] is not None:
            if _IT_WAS_RE.match(scene.text[scene.sentence.start : start]):
                # "Acme hired ... It was founded in 2012 by A": the company the sentence before named.
                company_name = _previous_company(scene)
            elif re.match(
                r"(?:\s+in\s+\d{4})?,\s+(?:it|the\s+company)\s",
                scene.text[named[-1].end : named[-1].end + 26],
            ):
                # "Founded in 2008 by A and B, it is now ...": the company the story is about.
                company_name = _previous_company(scene) or scene.main_org()
            elif company_words := re.match(
                r"(?:\s+in\s+\d{4})?,\s+" + _COMPANY_WORDS, scene.text[named[-1].end : named[-1].end + 60]
            ):
                # "Founded in 2018 by A and B, the startup ...": the company the description points to.
                reach = named[-1].end + company_words.end()
                company = next((m for m in scene.orgs() if named[-1].end < m.start < reach), None)
                company_name = company.name if company is not None else _previous_company(scene)
            else:
                # "Founded in 2025 by Jane Doe and Bo Chan, Acme said ...": the company follows.
                company = next((m for m in scene.orgs() if m.start > named[-1].end and m.via == "name"), None)
                company_name = company.name if company is not None else None
        elif company is not None and company.via == "description":
            company_name = _company_meant(scene, company, named[0] if named else None)
        if company_name is None:
            return []
        return [
            _draft(
                scene,
                rule,
                (start, end),
                person=_name(founder),
                organization=company_name,
                details={"company": company_name},
            )
            for founder in (named or [None])
        ]
    if rule.rule_id == "founding.founders-are":
        return _founders_are(scene, rule, (start, end))
    founders = _listed_with_asides(scene, scene.persons_listed_before(start), forward=False)
    partner = _pronoun_partner(scene, founders[0]) if founders else None
    founders = [partner, *founders] if partner else founders
    person = founders[-1] if founders else None
    if person is None:
        return []
    if rule.rule_id in {"founding.own-company", "founding.launch-new-venture"}:
        lead = re.match(r"\s*,?\s*(?:(?:named|called|dubbed)\s+)?", scene.text[end : end + 20])
        at = end + (lead.end() if lead else 0)
        own = next((m for m in scene.orgs() if m.start == at and m.via == "name"), None)
        company_name = own.name if own else None
        return [
            _draft(
                scene,
                rule,
                (start, end),
                person=person.name,
                organization=company_name,
                details={"company": company_name},
            )
        ]
    # "left Acme to start Foo Editions": the new company reads like a destination, and is one.
    company = scene.object_org(end, named_only=True, skip_destination=False) or scene.object_org(
        end, named_only=False
    )
    if company is None and _WHICH_BEFORE_RE.search(scene.text[max(scene.sentence.start, start - 70) : start]):
        # "Acme, which she co-founded in 2018 with Bo Chan, ...": the company stands before.
        company = scene.org_before(start)
        if company is not None:
            partners = [m for m in scene.persons_listed_after(end) if _with_before(scene, end, m)]
            return [
                _draft(
                    scene,
                    rule,
                    (start, end),
                    person=founder.name,
                    organization=company.name,
                    details={"company": company.name},
                )
                for founder in [person, *partners]
            ]
    if (
        company is None
        and (
            inside := bool(re.search(r"\bit\s+up$", scene.text[start:end]))
            or re.match(r"\s+it\b", scene.text[end : end + 4])
        )
        and scene.main_org()
    ):
        # "co-founded it with his brother", "since she started it in 2014": the company talked about.
        # "set it up with B": the pronoun sits inside the trigger, so the partners follow its end.
        it = end if inside else end + 1
        company = Mention(it, it + 2 if it > end else it, "org", scene.main_org() or "", False, "description")
    described = company is not None and bool(
        re.match(r"\s+(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){1,3}$", scene.text[end : company.start])
        or _FOUNDED_DESCRIPTOR_RE.fullmatch(scene.text, end, company.start)
    )
    if company is None or (company.start - end > 25 and not described):
        return []  # "co-founded the speech start-up Voxmere": a descriptor may stand between
    # "A and B founded Acme", "A founded Acme with B": every founder named.
    partners = [m for m in scene.persons_listed_after(company.end) if _with_before(scene, company.end, m)]
    company_name = _company_meant(scene, company, person) if company.via == "description" else company.name
    return [
        _draft(
            scene,
            rule,
            (start, end),
            person=founder.name,
            organization=company_name,
            details={"company": company_name},
            confidence=rule.confidence - (0.1 if founder in partners else 0.0),
        )
        for founder in founders + partners
    ]


# "co-founded Sydney payroll software company Ferris Lane", "co-founded a two-person consultancy,
# Bramble & Vale,": a description of the company may stand between the verb and its name.
_FOUNDED_DESCRIPTOR_RE = re.compile(
    r"\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w&'’-]+\s+){0,4}?"
    r"(?:company|firm|start-?up|business|group|maker|consultancy|agency|studio|lab|venture|developer|"
    r"provider|platform|bank|fund|press|publisher|chain|brand|retailer|operator|label|network|charity)"
    r"(?:\s+|,\s+)",
    re.IGNORECASE,
)


def _founded_opener(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Founded in 2015, Acme makes robots" / "..., the company's flagship product ...": the company
    founded is the sentence's subject, or the company talked about when the subject is "it"."""
    start, end = span
    subject = next((m for m in scene.orgs() if m.start == end), None)
    if subject is not None and subject.via == "name":
        name: str | None = subject.name
    elif re.match(_COMPANY_WORDS, scene.text[end : end + 40], re.IGNORECASE):
        name = _previous_company(scene) or scene.main_org()
    else:
        return []
    if name is None:
        return []
    return [_draft(scene, rule, span, organization=name, details={"company": name})]


# "it", "the company", "the Oslo-based startup": a subject that is a company (not "the museum", "the app").
_COMPANY_WORDS = (
    r"(?:it\b|(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|startup|start-up|business|group|bank|lender|"
    r"maker|brand|developer|provider|retailer|distillery|brewery|manufacturer)\b)"
)


def _previous_company(scene: Scene) -> str | None:
    """The company the previous sentence of this paragraph named first ("... co-founder of the Kestrel
    company. The Oslo-based company, which ..."), if any."""
    line_start = scene.text.rfind("\n", 0, scene.sentence.start) + 1
    if line_start >= scene.sentence.start:
        return None
    # The previous sentence's first company, its subject more often than not; investors named after
    # "led by" or "from" are not the company.
    previous = max(line_start, scene.text.rfind(". ", line_start, scene.sentence.start - 2) + 2)
    for mention in scene.entities.mentions:
        if mention.start >= scene.sentence.start:
            break
        if mention.start < previous or mention.kind != "org" or _in_brackets_before(scene, mention):
            continue
        if INVESTOR_CUE_RE.search(scene.text[max(previous, mention.start - 30) : mention.start]):
            continue
        return mention.name
    return None


def _in_brackets_before(scene: Scene, mention: Mention) -> bool:
    segment = scene.text[max(0, mention.start - 40) : mention.start]
    return segment.count("(") > segment.count(")")


def _company_meant(scene: Scene, company: Mention, founder: Mention | None) -> str:
    """ "the company" a founder founded: the company the paragraph just named, else the one the
    founder's title names earlier in the story ("Jane Doe, founder of Acme ... Ms Doe founded the
    company in 1999"), else what the description resolved to."""
    earlier = _previous_company(scene)
    if earlier is not None:
        return earlier
    if founder is not None:
        for mention in reversed(scene.entities.mentions):
            if (
                mention.start >= scene.sentence.start
                or mention.kind != "person"
                or mention.name != founder.name
            ):
                continue
            if mention.via == "pronoun":
                continue
            _, org = scene.title_of(mention)
            if org:
                return org
    return company.name


# "It was founded in 2012 by ...": the company talked about is the subject.
_IT_WAS_RE = re.compile(
    r"^\W{0,3}(?:it|the\s+company)\s+(?:was|had\s+been|has\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_NOT_A_COMPANY_CREATED_RE = re.compile(
    r"\b(?:position|role|post|job|vacancy|vacancies|seat|opening|gap|void)\s+(?:that\s+was\s+|was\s+)?$",
    re.IGNORECASE,
)
_CAUSE_AFTER_BY_RE = re.compile(
    r"\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:departure|resignation|retirement|death|exit|appointment|"
    r"promotion|merger|acquisition|move)\b",
    re.IGNORECASE,
)


# "Acme, which she co-founded": a relative clause on the company before the trigger.
# "Acme, which she co-founded", "Acme, which siblings Clodagh and Tadhg Doe set up": the company before.
_WHICH_BEFORE_RE = re.compile(
    r",\s+(?:which|that)\s+(?:[a-z]+\s+){0,2}?(?:she|he|they|(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"
    r"(?:\s+and\s+(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)?)\s+(?:\w+ly\s+|had\s+|has\s+)?$"
)


# "have founded Acme", "launched the start-up Acme": the company a founding verb introduced.
_FOUNDED_BEFORE_RE = re.compile(
    r"\b(?:founded|co-?founded|launched|set\s+up|started|created|formed)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)


def _founders_are(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Its founders are A, a chemist, and B": one founding each, of the company talked about."""
    start, end = span
    founders = _listed_with_asides(scene, scene.persons_listed_after(end), forward=True)
    # "Its": the company named last before this sentence, the one the story just introduced.
    earlier = [
        m
        for m in scene.entities.mentions
        if m.kind == "org" and m.via == "name" and m.end <= scene.sentence.start
    ]
    founded = [m for m in earlier if _FOUNDED_BEFORE_RE.search(scene.text[max(0, m.start - 40) : m.start])]
    company = (founded or earlier)[-1].name if earlier else scene.main_org()
    if company is None:
        return []
    return [
        _draft(scene, rule, span, person=founder.name, organization=company, details={"company": company})
        for founder in founders
    ]


_SPUN_OUT_OF_RE = re.compile(r"\s+(?:of|from)\s")
_PASSIVE_END_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$")
_BY_RE = re.compile(r"\s+(?:in\s+\d{4}\s+)?by\s+")


def _spun_out_of(scene: Scene, rule: Rule, span: tuple[int, int]) -> list[Draft]:
    """ "Acme was spun out of Foo University in 2019 by A and B": Acme is founded (by A and B); Foo,
    the parent it came out of, is not the company founded."""
    start, end = span
    if not _PASSIVE_END_RE.search(scene.text[scene.sentence.start : start]):
        return []
    company = scene.subject_org(start) or scene.org_before(start, named_only=False)
    if company is None:
        return []
    parent = scene.object_org(end, named_only=True, skip_destination=False)
    tail_at = parent.end if parent is not None else end
    year = re.match(r"\s+in\s+\d{4}", scene.text[tail_at : tail_at + 10])
    tail_at += year.end() if year else 0
    by = _BY_RE.match(scene.text, tail_at)
    founders = _listed_with_asides(scene, scene.persons_listed_after(by.end()), forward=True) if by else []
    fields = {"organization": company.name, "details": {"company": company.name}}
    if not founders:
        return [_draft(scene, rule, span, **fields)]
    return [_draft(scene, rule, span, person=founder.name, **fields) for founder in founders]


def _with_before(scene: Scene, after: int, person: Mention) -> bool:
    gap = scene.text[after : person.start]
    return bool(
        re.match(r"^\s+(?:in\s+\d{4}\s+)?(?:with|alongside|together with)\s+(?:[a-z][\w-]*\s+){0,4}$", gap)
    )


# Up to five lower-case words between "by" and a founder: "by former university roommates Jane Doe".
_FEW_WORDS_RE = re.compile(r"^\s*(?:[\w'’.-]+\s+){0,5}$")
# "founded by two retired teachers, Jane Doe and Bo Chan": founders after a short description.
_DESCRIBED_FOUNDERS_RE = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w'’-]*,\s+$")


BUILDERS: dict[str, Builder] = {
    "departure": build_departure,
    "appointment": build_appointment,
    "reporting_change": build_reporting,
    "award": build_award,
    "funding_round": build_funding,
    "founding": build_founding,
}
