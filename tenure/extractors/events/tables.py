"""Personnel tables and career lists, as disclosures lay them out.

A notice of executive changes puts its facts in rows, not sentences:

    1. Changes in Executive Officers (effective April 1, 2026)
    Name | New position | Current position
    Jane Doe | Chief Financial Officer | General Manager, Finance Department

    2. Retiring Executive Officers (as of March 31, 2026)
    Name | Current position | Note
    Bo Chan | Executive Officer | -

and a new officer's career as dated lines ("April 2015: General Manager, Sales, Acme Corp").
Each row is one appointment (or, under a retiring heading, one departure) at the company the
notice is about, dated by the date its section heading gives; each career line is one
appointment at the company the line names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tenure.extractors.dates.spans import DateMention
from tenure.extractors.entities.lexicon import ORG_SUFFIXES
from tenure.extractors.entities.recognise import Entities
from tenure.extractors.events.scene import Draft
from tenure.extractors.text.sentences import Sentence

_NAME_CELL_RE = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})")
_NEW_HEADER_RE = re.compile(r"^(?:new|incoming|future)\s+(?:position|post|title|role)s?$", re.IGNORECASE)
_CURRENT_HEADER_RE = re.compile(
    r"^(?:current|present|previous|former|outgoing)\s+(?:position|post|title|role)s?$", re.IGNORECASE
)
_LEAVING_HEADING_RE = re.compile(r"\b(?:retir\w*|resign\w*|leav\w*|depart\w*|step(?:ping)?\s+down)\b", re.I)
# A table of nominees proposes; it appoints no one yet.
_PROPOSED_HEADING_RE = re.compile(r"\b(?:candidates?|nominees?|proposed|to\s+be\s+proposed)\b", re.I)
_HEADING_REACH = 3  # lines above a table searched for its heading
# "April 2015: General Manager, Human Resources Department, Acme Corp (current position)".
_CAREER_LINE_RE = re.compile(
    r"^(?P<when>(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(?:19|20)\d\d)(?:\s*[:–—-]\s*|\s+(?=[A-Z]))(?P<what>.+?)\s*(?:\((?:current|present)\s+(?:position|post)\))?$"
)
_RETIRE_CELL_RE = re.compile(r"\b(?:to\s+)?(?:retire|resign|step\s+down|leave)\b", re.IGNORECASE)
_ADVISER_CELL_RE = re.compile(
    r"(?:senior\s+|special\s+|executive\s+|corporate\s+)?(?:advis[eo]r|counsell?or|consultant)", re.IGNORECASE
)
_EFFECTIVE_DATE_RE = re.compile(r"^(?:effective|take\s+effect|takes\s+effect|effect\s+on|as\s+of|on)\b", re.I)
_NAME_LABEL_RE = re.compile(r"^(?:Name|Full name)\s*:\s*", re.IGNORECASE)
_THE_COMPANY_RE = re.compile(r"(?:the\s+)?(?:Company|Group|Bank|Corporation)", re.IGNORECASE)
_UNIT_SEGMENT_RE = re.compile(
    r"\b(?:plant|factory|department|division|office|headquarters|branch|unit|laboratory|centre|center|works)\b",
    re.IGNORECASE,
)
_ASIDE_LINE_RE = re.compile(
    r"^(?:Date of birth|Born|Birth date|Education|Career(?:\s+summary|\s+history)?)\b", re.IGNORECASE
)
_CAREER_LINE_START_RE = re.compile(r"^\s*(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b", re.MULTILINE)
_JOINED_RE = re.compile(r"^(?:joined|entered|joins)\s+(?P<org>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    start: int
    text: str


def table_drafts(
    body: str, sentences: list[Sentence], entities: Entities, dates: list[DateMention]
) -> list[Draft]:
    """The moves a disclosure's personnel tables and career lists state."""
    if "|" not in body and not _CAREER_LINE_START_RE.search(body):
        return []  # most articles have neither: skip the line-by-line pass
    lines = _lines(body)
    starts = [s.start for s in sentences]
    drafts = _table_rows(lines, starts, entities, dates)
    drafts += _career_lines(lines, starts, entities, dates)
    return drafts


def _lines(body: str) -> list[_Line]:
    found, at = [], 0
    for raw in body.split("\n"):
        found.append(_Line(at, raw))
        at += len(raw) + 1
    return found


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table_rows(
    lines: list[_Line], starts: list[int], entities: Entities, dates: list[DateMention]
) -> list[Draft]:
    drafts: list[Draft] = []
    org = entities.main_org
    if org is None:
        return drafts
    for index, line in enumerate(lines):
        if line.text.count("|") < 1:
            continue
        header = [cell.lower() for cell in _cells(line.text)]
        if "name" not in header:
            continue
        heading = _heading_above(lines, index)
        if _PROPOSED_HEADING_RE.search(heading.text):
            continue
        name_at = header.index("name")
        new_at = next((i for i, cell in enumerate(header) if _NEW_HEADER_RE.match(cell)), None)
        current_at = next((i for i, cell in enumerate(header) if _CURRENT_HEADER_RE.match(cell)), None)
        leaving = new_at is None and current_at is not None and bool(_LEAVING_HEADING_RE.search(heading.text))
        if new_at is None and not leaving:
            continue
        when = _date_in(heading, dates) or _date_in(line, dates) or _effective_before(line, dates)
        for row in lines[index + 1 :]:
            cells = _cells(row.text)
            if row.text.count("|") < 1 or len(cells) != len(header):
                break
            name = _NAME_CELL_RE.fullmatch(cells[name_at])
            if name is None:
                continue
            new = _filled(cells[new_at]) if new_at is not None else None
            current = _filled(cells[current_at]) if current_at is not None else None
            person = name.group(1)
            if leaving or (new is not None and _RETIRE_CELL_RE.search(new)):
                # "(To retire as of March 31, 2026)": the row's own date, else the section's.
                own = _date_in(_Line(row.start, row.text), dates) if new is not None else None
                drafts.append(
                    _row_draft(
                        row, starts, own or when, "table.personnel-row", **_leaving(person, org, current)
                    )
                )
                continue
            if new is not None and _ADVISER_CELL_RE.fullmatch(new) and current is not None:
                # "Advisor" in place of an executive post: the post is left, the advice is new.
                drafts.append(
                    _row_draft(row, starts, when, "table.personnel-row", **_leaving(person, org, current))
                )
            fields = {"type": "appointment", "person": person, "organization": org, "role": new}
            drafts.append(
                _row_draft(row, starts, when, "table.personnel-row", details={"predecessor": None}, **fields)
            )
    return drafts


def _filled(cell: str) -> str | None:
    return None if cell in {"", "-", "–", "—"} else cell


def _leaving(person: str, org: str, role: str | None) -> dict[str, object]:
    details = {"status": "planned", "successor": None, "destination": None}
    return {"type": "departure", "person": person, "organization": org, "role": role, "details": details}


def _effective_before(line: _Line, dates: list[DateMention]) -> DateMention | None:
    """ "All changes take effect on April 1, 2026": the notice's own effective date."""
    effective = [
        d for d in dates if d.end <= line.start and d.date is not None and _EFFECTIVE_DATE_RE.search(d.text)
    ]
    return effective[-1] if effective else None


def _career_lines(
    lines: list[_Line], starts: list[int], entities: Entities, dates: list[DateMention]
) -> list[Draft]:
    """ "Jane Doe" / "April 1996: Joined Acme Corp" / "April 2015: General Manager, Sales, Acme Corp"."""
    drafts: list[Draft] = []
    person: str | None = None
    persons = set(entities.persons)
    for line in lines:
        text = _NAME_LABEL_RE.sub("", line.text.strip())
        if text in persons:
            person = text
            continue
        found = _CAREER_LINE_RE.match(text)
        if found is None:
            if text and not _ASIDE_LINE_RE.match(text):
                person = None  # another section begins: its dated lines are no one's career
            continue
        if person is None:
            continue
        what = found.group("what").strip().rstrip(".")
        joined = _JOINED_RE.match(what)
        company = entities.main_org
        if joined:
            role, org = None, joined.group("org").strip()
            if _THE_COMPANY_RE.fullmatch(org) and company:
                org = company  # "Joined the Company": the notice's own
        elif ", " in what and _names_company(what.rsplit(", ", 1)[1], entities):
            role, org = what.rsplit(", ", 1)
        elif company:
            role, org = what, company  # "General Manager, Quality Assurance Department, Osaka Plant"
        else:
            continue
        if not org[:1].isupper():
            continue
        when = _date_in(line, dates)
        fields = {"type": "appointment", "person": person, "organization": org, "role": role}
        drafts.append(
            _row_draft(line, starts, when, "table.career-line", details={"predecessor": None}, **fields)
        )
    return drafts


def _names_company(segment: str, entities: Entities) -> bool:
    """ "Ardent Koki Corporation" (a company), not "Osaka Plant" or "Finance Department"."""
    words = segment.split()
    if not words or _UNIT_SEGMENT_RE.search(segment):
        return False
    known = {m.name for m in entities.mentions if m.kind == "org" and m.via == "name"}
    return segment in known or words[-1].lower().rstrip(".") in ORG_SUFFIXES


def _heading_above(lines: list[_Line], index: int) -> _Line:
    for line in reversed(lines[max(0, index - _HEADING_REACH) : index]):
        if line.text.strip():
            return line
    return _Line(lines[index].start, "")


def _date_in(line: _Line, dates: list[DateMention]) -> DateMention | None:
    end = line.start + len(line.text)
    inside = [d for d in dates if line.start <= d.start and d.end <= end and d.date is not None]
    return inside[0] if inside else None


def _row_draft(
    line: _Line, starts: list[int], when: DateMention | None, rule_id: str, **fields: object
) -> Draft:
    sentence = max(0, bisect_right(starts, line.start) - 1)
    return Draft(
        type=str(fields.pop("type")),
        person=fields.pop("person", None),  # type: ignore[arg-type]
        organization=fields.pop("organization", None),  # type: ignore[arg-type]
        role=fields.pop("role", None),  # type: ignore[arg-type]
        details=dict(fields.pop("details", {})),  # type: ignore[call-overload]
        trigger=(line.start, line.start + len(line.text)),
        confidence=0.75,
        rule_id=rule_id,
        sentence=sentence,
        date=when,
    )
