"""From a rule's trigger in a scene to draft events: one builder per event type."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tenure.extractors.entities import Mention, is_title_case
from tenure.extractors.given_names import gender_of
from tenure.extractors.lexicon import DESCRIPTION_HEADS, TITLE_RE
from tenure.extractors.money import INVESTOR_CUE_RE, LEAD_CUE_RE, find_money, round_name
from tenure.extractors.rules import Rule
from tenure.extractors.scene import Draft, Scene

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
    r"\b(?:the\s+)?((?:[\w-]+\s+){0,2}(?:prize|award|medal|hall\s+of\s+fame))\b", re.IGNORECASE
)
_COWINNER_CUE_RE = re.compile(r"\b(?:alongside|along with|together with|jointly with|with)\s", re.IGNORECASE)
_INVESTOR_STOP_RE = re.compile(
    r"[.;:]|,\s+(?:which|who|reaching|bringing|giving|valuing|the|with|including|alongside)\b|\s(?:to|in|at|with)\s"
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
    r"^(?:\s*\([^()]{1,60}\))?(?:,\s+[^,;.()]{1,70},)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
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
            if mention.start <= widened[-1].end:
                continue
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
        if person is None or not person.possessive or start - person.end > 4:
            return []
    elif rule.rule_id == "departure.departure-of":
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
    if rule.person in {"list-before", "before"}:
        # "Directors A and B will not seek re-election", "aerospace head A and B, head of marine,
        # will both leave": one departure each.
        listed = _listed_with_asides(scene, scene.persons_listed_before(start), forward=False)
        listed = _coordinated(scene, listed[::-1])[::-1] if rule.person == "before" else listed
        listed = listed if not _in_closed_relative(scene, listed, start) else listed[-1:]
        if len(listed) > 1 and listed[-1] is person:
            return [d for p in listed for d in _departure_of(scene, rule, p, (start, end))]
    return _departure_of(scene, rule, person, (start, end))


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
    org = _name(named) or title_org or _name(described) or _name(scene.workplace_before(start))
    org = org or scene.entities.affiliations.get(person.name) or scene.main_org()
    # "is stepping down as CEO" names the role left, even when the person has other titles.
    stated = scene.title_after(end) if re.match(r"\s+as\s", scene.text[end : end + 4]) else None
    role = stated or title or scene.title_after(end) or scene.entities.titles.get(person.name)
    destination = scene.destination(end)
    details = {"status": _status(scene, rule), "successor": None, "destination": _name(destination)}
    if rule.rule_id == "departure.bow-out" and _PAST_VERB_RE.match(scene.text[start:end]):
        details["status"] = "completed"  # "bowed out", "relinquished the chair": already done
    if destination is not None and destination.name == org:
        details["destination"] = None
    confidence = rule.confidence - _weakness(scene, person)
    fields = {"person": person.name, "organization": org, "role": role, "details": details}
    return [_draft(scene, rule, (start, end), confidence=confidence, **fields)]


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


def build_appointment(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
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
    if rule.rule_id == "appointment.join" and _ordinary_object(scene, end):
        return []  # "joined the call", "joined forces"
    if rule.person == "before" and _thing_subject(scene, start):
        return []  # "Acme, which became a market darling"
    # "is promoting Bo Chan": a progressive verb is active even after "is".
    progressive = match.group().lower().endswith("ing")
    active = (rule.person == "voice" and (progressive or not scene.passive(start))) or rule.person == "after"
    person = scene.person_after(end, limit=80) if active else scene.person_before(start)
    if person is None and active:
        person = scene.person_before(start)
        active = False
    person = person or _first_person_author(scene, start)
    if person is None:
        return []
    if active and _TIPPED_RE.match(scene.text, person.end, min(scene.sentence.end, person.end + 60)):
        return []  # "analysts named Jane Doe as the front-runner": a forecast, not a hire
    title, title_org = scene.title_of(person)
    role = scene.title_after(end)
    if rule.rule_id == "appointment.moving-from-role":
        # "from her role as head of sales to chief operating officer": the role after "to" is new.
        role = _new_role(scene, end)
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
        org = _name(named_after) or title_org or _name(scene.org_before(start))
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
    org = org or _name(fallback) or _name(scene.org_before(start, named_only=False))
    org = org or scene.entities.affiliations.get(person.name) or scene.main_org()
    if org is None:
        return []
    details = {"predecessor": None}
    confidence = rule.confidence - _weakness(scene, person)
    fields = {"person": person.name, "organization": org, "role": role, "details": details}
    drafts = [_draft(scene, rule, (start, end), confidence=confidence, **fields)]
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
    return drafts


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


_LISTING_APPOINTMENTS = frozenset(
    {"appointment.brought-in", "appointment.named", "appointment.the-appointment-of"}
)


def _new_role(scene: Scene, at: int) -> str | None:
    found = re.search(
        r"\s(?:to|into)\s+(?:become\s+)?(?:the\s+|a\s+|an\s+|(?:[\w'’]+['’]s\s+)?new\s+)?",
        scene.text[at : scene.sentence.end],
    )
    if found is None:
        return None
    title = TITLE_RE.match(scene.text, at + found.end())
    return title.group() if title else None


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
    if title_org and not _same_org(title_org, target.name):
        left = {"status": _status(scene, rule), "successor": None, "destination": target.name}
        more = {"person": person.name, "organization": title_org, "role": title, "details": left}
        drafts.append(_draft(scene, rule, span, type="departure", confidence=confidence - 0.05, **more))
    return drafts


def _same_org(a: str, b: str) -> bool:
    x, y = a.casefold().split(), b.casefold().split()
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long[: len(short)] == short


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


# What follows "named" when nobody is being appointed.
_NOT_AN_APPOINTMENT_AFTER_RE = re.compile(
    r"^\s+(?:after|in\s+(?:(?:his|her|their)\s+)?hono(?:u)?r|for\s+(?:him|her|them)\b|"
    r"in\s+(?:a|the)\s+(?:lawsuit|suit|complaint|report|case)|one\s+of|among|to\s+(?:a|the|its)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:list|ranking)|for\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,8}?(?:award|prize|medal))\b",
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
    """ "joined from Sable Networks": where the person came from, not where they went."""
    return bool(re.search(r"\bfrom\s+(?:[\w-]+\s+){0,3}$", scene.text[max(0, org.start - 40) : org.start]))


def build_succession(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    """ "A will replace B" / "A succeeds B" / "named CEO, succeeding B": both moves."""
    start, end = _abs(scene, match)
    successor = scene.person_before(start)
    predecessor = scene.person_after(end, limit=40) or _object_pronoun(scene, end, successor)
    if rule.person == "after":  # "A will be replaced by B": the order is reversed
        successor, predecessor = predecessor, successor
    if successor is None or predecessor is None or successor.name == predecessor.name:
        return []
    _, predecessor_org = scene.title_of(predecessor)
    # "replaced B as the planning director for Tarwick County": "for" names the office's employer.
    after = scene.object_org(predecessor.end, named_only=False, skip_destination=False)
    org = predecessor_org or _name(after) or _name(scene.org_before(start))
    org = org or scene.entities.affiliations.get(predecessor.name) or scene.main_org()
    pred_title, _ = scene.title_of(predecessor)
    role = scene.title_after(predecessor.end) or _role_given_up(scene, predecessor) or pred_title
    # The successor takes the office, not the founder's title: "co-founder and CEO" -> "CEO".
    taken = re.sub(r"^(?:co-?)?founder(?:\s+(?:and|&)\s+|$)", "", role, flags=re.IGNORECASE) if role else None
    taken = taken or None
    appointment = _draft(
        scene,
        rule,
        (start, end),
        type="appointment",
        person=successor.name,
        organization=org,
        role=taken,
        details={"predecessor": predecessor.name},
    )
    departure = _draft(
        scene,
        rule,
        (start, end),
        type="departure",
        person=predecessor.name,
        organization=org,
        role=pred_title or role or scene.entities.titles.get(predecessor.name),
        details={"status": rule.status or "announced", "successor": successor.name, "destination": None},
        confidence=rule.confidence - 0.05,
    )
    return [appointment, departure]


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


_FORMER_LINE_RE = re.compile(
    r"\b(?:who|which|that)\s+(?:\w+ly\s+|had\s+)?reported\s+(?:directly\s+)?to$", re.I
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
    if rule.rule_id == "reporting.join-under":
        subject = scene.person_before(start)
        people = [subject] if subject else []
    else:
        people = scene.persons_listed_before(start)
        people = _everyone_moving(scene, start) or people
    # "Bo Chan, who reported to Ann Lee, will now report to ...": Ann Lee is the manager left.
    former = [
        p for p in people if p and _FORMER_LINE_RE.search(scene.text[max(0, p.start - 30) : p.start].rstrip())
    ]
    if former:
        subject = scene.person_before(former[0].start)
        people = [p for p in people if p not in former] or ([subject] if subject else [])
    drafts = []
    for person in people:
        if person is None or person.name == manager.name:
            continue
        details = {"from_manager": former[0].name if former else None, "to_manager": manager.name}
        drafts.append(
            _draft(scene, rule, (start, end), person=person.name, organization=org, details=details)
        )
    return drafts


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
    award = _award_name(scene, start, end, rule)
    if award is None:
        return []
    award_name = award or None
    if award_name and award_name.islower():
        # "shares the prize with ...": the prize the article named before.
        named = [m for m in scene.entities.mentions if m.kind == "award" and m.start < start]
        award_name = named[-1].name if named else award_name
    if rule.person == "list-after":
        winners = _listed_with_asides(scene, scene.persons_listed_after(end), forward=True)
    elif rule.person == "list-before":
        winners = _listed_with_asides(scene, scene.persons_listed_before(start), forward=False)
    else:
        subject = scene.person_before(start)
        winners = [subject] if subject else []
    if not winners:
        return []
    names = [w.name for w in winners]
    cowinners = _cowinners(scene, end)
    drafts = []
    # "won the prize alongside / shares the prize with B": B won it too, a little less surely said.
    shared = [m for m in scene.persons() if m.name in cowinners and m.name not in names]
    everyone = names + [n for n in cowinners if n not in names]
    for winner in winners + shared:
        others = [n for n in everyone if n != winner.name]
        org = _org_right_after(scene, winner) or _title_org_after(scene, winner)
        org = org or scene.entities.affiliations.get(winner.name)
        if org is None and winner.name in scene.entities.titles:
            org = scene.main_org()  # a winner with a job in the story works, most likely, where it is set
        details = {"award": award_name, "co_recipients": others}
        confidence = rule.confidence - (0.15 if winner in shared else 0.0)
        fields = {"person": winner.name, "organization": org, "details": details}
        drafts.append(_draft(scene, rule, (start, end), confidence=confidence, **fields))
    return drafts


def _award_name(scene: Scene, start: int, end: int, rule: Rule) -> str | None:
    if rule.rule_id == "award.named-honour":
        # "named CFO of the Year", "appointed OBE": the honour is the words after the verb.
        honour = re.sub(r"^\w+\s+(?:an?\s+|the\s+)?", "", scene.text[start:end])
        return honour or None
    awards = [m for m in scene.mentions if m.kind == "award"]
    if rule.rule_id == "award.won":
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
    if rule.rule_id != "award.went-to":
        return None
    # "The 2021 prize went to ...": the prize the article named before, else an unnamed prize.
    article_awards = [m for m in scene.entities.mentions if m.kind == "award" and m.start < start]
    return article_awards[0].name if article_awards else ""


def _org_right_after(scene: Scene, person: Mention) -> str | None:
    """ "Jane Doe of Northlake University": the institution named with the winner."""
    for mention in scene.orgs():
        if mention.start > person.end:
            gap = scene.text[person.end : mention.start]
            return (
                mention.name
                if re.fullmatch(r"\s+(?:of|at|from)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?", gap)
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


def _cowinners(scene: Scene, at: int) -> list[str]:
    # Only within the award's clause: "a 2018 prize winner, founded Acme with Bo" is not shared.
    cue = _COWINNER_CUE_RE.search(scene.text, at, scene.clause_end(at))
    if not cue:
        return []
    return [m.name for m in scene.persons_listed_after(cue.end())]


# --- funding --------------------------------------------------------------------------------


def build_funding(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    if rule.rule_id == "funding.invested-in":
        # "Bay Capital poured $30 million into Acme": the company follows "into"/"in".
        target = next((m for m in scene.orgs() if m.start == end and m.via == "name"), None)
        if target is None:
            return []
        drafts = _funding_draft(scene, rule, (start, end), None, target.name)
        leader = scene.org_before(start)
        if match.group().lower().startswith(("led", "co-led")) and leader is not None:
            drafts[0].details["lead_investors"] = [leader.name]
        return drafts
    org_before = scene.subject_org(start) or scene.org_before(start, named_only=False)
    person_before = scene.person_before(start)
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
        # "The round was led by X" / "It raised ... led by X": the round is the story's company's.
        org = scene.main_org()
    else:
        after = scene.object_org(end, named_only=False)
        reporter = after is not None and re.match(
            r"\s+(?:reported|said|says|reports)\b", scene.text[after.end :]
        )
        org = None if reporter else _name(after)
    if org is None and person is None:
        return []
    return _funding_draft(scene, rule, (start, end), person, org)


def _funding_draft(
    scene: Scene, rule: Rule, span: tuple[int, int], person: str | None, org: str | None
) -> list[Draft]:
    start, end = span
    body = scene.text[scene.sentence.start : scene.sentence.end]
    money = find_money(body)
    trigger_rel = start - scene.sentence.start
    amounts = [m for m in money if not m.valuation and m.end > trigger_rel - 5]
    valuations = [m for m in money if m.valuation]
    details = {
        "amount": int(amounts[0].amount) if amounts else None,
        "currency": (amounts or valuations)[0].currency if (amounts or valuations) else None,
        "round": round_name(body),
        "lead_investors": _investors(scene, start if rule.rule_id == "funding.led-by" else end),
        "valuation": int(valuations[0].amount) if valuations else None,
    }
    return [_draft(scene, rule, (start, end), person=person, organization=org, details=details)]


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
    return [
        m.name
        for m in scene.mentions
        if m.kind in {"org", "person"} and cue.end() <= m.start < end and m.via == "name"
    ]


# --- foundings ------------------------------------------------------------------------------


def build_founding(scene: Scene, rule: Rule, match: re.Match[str]) -> list[Draft]:
    start, end = _abs(scene, match)
    if rule.rule_id == "founding.spun-out":
        # "spun out its team as a separate company, Gridline": a company, no founder named.
        spun = scene.object_org(end, named_only=True) or next(
            (m for m in scene.orgs() if m.start > end and m.via == "name"), None
        )
        if spun is None:
            return []
        return [_draft(scene, rule, (start, end), organization=spun.name, details={"company": spun.name})]
    if rule.rule_id == "founding.founded-by":
        # "founded in 2020 by Jane Doe and Bo Chan": one founding per founder, or none named.
        named: list[Mention | None] = list(
            _listed_with_asides(scene, scene.persons_listed_after(end), forward=True)
        )
        if named and named[0] is not None and not _FEW_WORDS_RE.match(scene.text[end : named[0].start]):
            named = []
        company = scene.org_before(start) or scene.org_before(start, named_only=False)
        if company is None and named and named[-1] is not None:
            # "Founded in 2025 by Jane Doe and Bo Chan, Acme said ...": the company follows.
            company = next((m for m in scene.orgs() if m.start > named[-1].end and m.via == "name"), None)
        if company is None:
            return []
        return [
            _draft(
                scene,
                rule,
                (start, end),
                person=_name(founder),
                organization=company.name,
                details={"company": company.name},
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
    if company is None and _WHICH_BEFORE_RE.search(scene.text[max(scene.sentence.start, start - 40) : start]):
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
    )
    if company is None or (company.start - end > 25 and not described):
        return []  # "co-founded the speech start-up Voxmere": a descriptor may stand between
    # "A and B founded Acme", "A founded Acme with B": every founder named.
    partners = [m for m in scene.persons_listed_after(company.end) if _with_before(scene, company.end, m)]
    return [
        _draft(
            scene,
            rule,
            (start, end),
            person=founder.name,
            organization=company.name,
            details={"company": company.name},
            confidence=rule.confidence - (0.1 if founder in partners else 0.0),
        )
        for founder in founders + partners
    ]


# "Acme, which she co-founded": a relative clause on the company before the trigger.
_WHICH_BEFORE_RE = re.compile(
    r",\s+(?:which|that)\s+(?:she|he|they|(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:\w+ly\s+|had\s+|has\s+)?$"
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


def _with_before(scene: Scene, after: int, person: Mention) -> bool:
    gap = scene.text[after : person.start]
    return bool(
        re.match(r"^\s+(?:in\s+\d{4}\s+)?(?:with|alongside|together with)\s+(?:[a-z][\w-]*\s+){0,4}$", gap)
    )


# Up to five lower-case words between "by" and a founder: "by former university roommates Jane Doe".
_FEW_WORDS_RE = re.compile(r"^\s*(?:[\w'’.-]+\s+){0,5}$")


BUILDERS: dict[str, Builder] = {
    "departure": build_departure,
    "appointment": build_appointment,
    "reporting_change": build_reporting,
    "award": build_award,
    "funding_round": build_funding,
    "founding": build_founding,
}
