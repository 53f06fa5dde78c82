"""One sentence as the rules see it: its mentions, its triggers, and who they point to.

The argument pickers answer questions such as "the person before this trigger", "the people in
the list after it", "the organization this clause is about", always within one sentence, falling
back to the article (the subject carried over from the previous fragment, the main organization).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tenure.extractors.entities.lexicon import SPEECH_AFTER_RE, TITLE_RE
from tenure.extractors.entities.recognise import Entities, Mention, title_near
from tenure.extractors.text.sentences import Sentence

# The gap between two people in a list: "A and B", "A, B, and C", "A, French scientist B".
_LIST_GAP_RE = re.compile(
    r"^(?:\s+(?:of|at|from)\s+(?:the\s+)?[^,;.]{1,50}?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:[\w'’-]+\s+){0,3}$"
)
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|be|is|are|being|'s|’s)\s+(?:\w+ly\s+)?(?:also\s+)?$", re.IGNORECASE
)
# Speakers are not the subjects of what they report: "Jane Doe said Bo Chan will ...".
_SPEAKER_AFTER_RE = re.compile(
    r"^\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|wrote|announced|added|stated|posted|confirmed)\b",
    re.IGNORECASE,
)
_DESTINATION_BEFORE_RE = re.compile(
    r"\b(?:for|to join|to|joining|join|to (?:co-?)?found|to start|to launch)\s+(?:rival\s+|the\s+)?$",
    re.IGNORECASE,
)
# Where an object stops: "left Acme, which ...", "quit in May to focus on his project, Foo".
# "CEO of Tarwick, Ore.-based Acme": the comma before a "-based" place does not end the clause.
_CLAUSE_BREAK_RE = re.compile(
    r"[;:–—]|,(?!\s[A-Z][\w.]{1,14}-based\b)|\s-\s|\b(?:who|which|where|while|when|but|to focus|to spend|to pursue)\b"
    r"|\b(?:after|before)\s+[a-z]+ing\b"
)


# Between a clause's subject and its verb: nothing, or an auxiliary and adverbs.
_CLAUSE_SUBJECT_GAP_RE = re.compile(r"\s*(?:(?:has|have|had|also|just|recently|now|then)\s+)*")
_CLAUSE_OPENER_RE = re.compile(r"(?:,|;|\b(?:while|whereas|but|and))\s+$")


@dataclass
class Draft:
    """An event under construction: the engine dates, merges and exports it."""

    type: str
    person: str | None
    organization: str | None
    role: str | None
    details: dict[str, Any]
    trigger: tuple[int, int]
    confidence: float
    rule_id: str
    sentence: int
    date: Any = None  # DateMention | None
    sources: list[int] = field(default_factory=list)


@dataclass
class Scene:
    text: str
    sentence: Sentence
    index: int
    entities: Entities
    mentions: list[Mention]
    triggers: list[tuple[int, int]]
    subject: Mention | None  # carried from the previous sentence for verb-first fragments
    following: tuple[int, int] | None = None  # the next sentence's span, for "Two others ...: A and B"

    # --- people ---

    def persons_following(self) -> list[Mention]:
        """Named people in the next sentence (not pronouns), in order."""
        if self.following is None:
            return []
        start, end = self.following
        return [
            m
            for m in self.entities.mentions
            if start <= m.start < end and m.kind == "person" and m.via != "pronoun"
        ]

    def persons(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "person"]

    def person_before(self, at: int, *, allow_possessive: bool = False) -> Mention | None:
        best: Mention | None = None
        opener = _LEADING_CLAUSE_RE.match(self.text, self.sentence.start, at)
        for mention in self.persons():
            if mention.end > at:
                break
            if (
                opener is not None
                and mention.end <= opener.end()
                and re.search(r"[^\W\d_]{2}", self.text[mention.end : opener.end()])
            ):
                continue  # "Until Jane Doe names a CEO, a team will lead": not the subject
            if mention.possessive and not allow_possessive:
                continue
            if _SPEAKER_AFTER_RE.match(self.text[mention.end : at]) and not self._speaker_is_subject(
                mention, at
            ):
                continue
            if best is not None and self._object_then_and(mention, at):
                continue  # "A succeeds B and will report to C": A, not B, reports to C
            best = mention
        if best is not None and _COMPANY_CLAUSE_RE.search(self.text[best.end : at]):
            return None  # "Jane Doe told analysts that the company would exit ...": the company acts
        if best is None and (self.fragment(at) or _AGE_SUBJECT_RE.match(self.text, self.sentence.start, at)):
            # "The 75-year-old will also step down ...": the person the last sentence was about.
            return self.subject if self.subject and self.subject.kind == "person" else None
        return best

    def _object_then_and(self, mention: Mention, at: int) -> bool:
        before = self.text[max(self.sentence.start, mention.start - 24) : mention.start]
        return bool(_OBJECT_VERB_BEFORE_RE.search(before) and _AND_THEN_RE.match(self.text[mention.end : at]))

    def _speaker_is_subject(self, mention: Mention, at: int) -> bool:
        # "Jane Doe said she is leaving": the pronoun resolves to the speaker anyway.
        return not any(p.start > mention.end and p.end <= at for p in self.persons())

    def person_after(self, at: int, *, limit: int = 120) -> Mention | None:
        for mention in self.persons():
            if mention.start >= at and mention.start - at <= limit:
                return mention
        return None

    def persons_listed_before(self, at: int) -> list[Mention]:
        last = self.person_before(at)
        if last is None:
            return []
        listed = [last]
        persons = [p for p in self.persons() if p.end <= last.start and p.via != "pronoun"]
        for mention in reversed(persons):
            gap = self.text[mention.end : listed[0].start]
            if not _LIST_GAP_RE.match(gap):
                break
            listed.insert(0, mention)
        return listed

    def persons_listed_after(self, at: int) -> list[Mention]:
        first = self.person_after(at)
        if first is None:
            return []
        listed = [first]
        for mention in self.persons():
            if mention.start <= listed[-1].end:
                continue
            gap = self.text[listed[-1].end : mention.start]
            if not _LIST_GAP_RE.match(gap):
                break
            listed.append(mention)
        return listed

    def fragment(self, at: int) -> bool:
        """A verb-first line ("Founded Acme in 1999", "Most recently won ...") has no subject."""
        head = self.text[self.sentence.start : at]
        if any(m.kind in {"person", "org"} and m.end <= at and m.via != "description" for m in self.mentions):
            first = next(m for m in self.mentions if m.kind in {"person", "org"})
            if first.start - self.sentence.start > 3:
                return _verb_first(head)
            return False
        return _verb_first(head) or not head.strip()

    def passive(self, at: int) -> bool:
        return bool(_PASSIVE_BEFORE_RE.search(self.text[max(0, at - 30) : at]))

    # --- organizations ---

    def orgs(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "org"]

    def clause_end(self, at: int) -> int:
        """Where the clause that starts at `at` ends: the next trigger or clause break."""
        end = self.sentence.end
        for start, _ in self.triggers:
            if start > at:
                end = min(end, start)
        found = _CLAUSE_BREAK_RE.search(self.text, at, end)
        return found.start() if found else end

    def object_org(self, at: int, *, named_only: bool, skip_destination: bool = True) -> Mention | None:
        end = self.clause_end(at)
        for mention in self.orgs():
            if mention.start < at or mention.start >= end:
                continue
            if named_only and mention.via == "description" and not mention.possessive:
                continue
            if _SIDE_AFTER_RE.match(self.text, mention.end):
                continue  # "join League One side Tarn Rovers": the league describes the club
            if self._unit_at(mention):
                continue  # "head of Cloud Services at Nordane Labs": the unit's company employs
            if skip_destination and _DESTINATION_BEFORE_RE.search(
                self.text[max(0, mention.start - 20) : mention.start]
            ):
                continue
            return mention
        return None

    def _unit_at(self, mention: Mention) -> bool:
        found = _AT_AFTER_RE.match(self.text, mention.end)
        if found is None:
            return False
        return any(m.start == found.end() and m.via == "name" for m in self.orgs())

    def destination(self, at: int) -> Mention | None:
        end = self.sentence.end
        for mention in self.orgs():
            if at <= mention.start < end and _DESTINATION_BEFORE_RE.search(
                self.text[max(0, mention.start - 20) : mention.start]
            ):
                return mention
        return None

    def org_before(self, at: int, *, named_only: bool = True) -> Mention | None:
        best = None
        for mention in self.orgs():
            if mention.end > at:
                break
            if named_only and mention.via == "description":
                continue
            if self._bracketed(mention) or self._in_relative_clause(mention) or self._in_appositive(mention):
                continue  # "(NASDAQ: ACME)", ", who led Acme since 2018,": asides, not the subject
            lead = self.text[max(self.sentence.start, mention.start - 45) : mention.start]
            if _FORMER_BEFORE_RE.search(lead) or _FROM_BEFORE_RE.search(lead):
                continue  # "former chief data officer of Acme", "joined X from Acme": past employers
            best = mention
        return best

    def _in_relative_clause(self, mention: Mention) -> bool:
        segment = self.text[self.sentence.start : mention.start]
        openers = list(_RELATIVE_RE.finditer(segment))
        return bool(openers) and "," not in segment[openers[-1].end() :]

    def _in_appositive(self, mention: Mention) -> bool:
        """ "Acme Foods, the group behind the Crumbly brand, said": a name inside the aside that
        describes the sentence's company is not that company."""
        for other in self.orgs():
            if other.end >= mention.start:
                break
            if other.via == "name" and _APPOSITIVE_OPEN_RE.match(self.text, other.end, mention.start):
                return True
        return False

    def _bracketed(self, mention: Mention) -> bool:
        segment = self.text[self.sentence.start : mention.start]
        return segment.count("(") > segment.count(")")

    def subject_org(self, at: int) -> Mention | None:
        """The organization opening the sentence: "Acme Robotics, the startup backed by X, has hired"."""
        for mention in self.orgs():
            if mention.start >= at:
                break
            lead = self.text[self.sentence.start : mention.start]
            lead = _DATELINE_LEAD_RE.sub("", lead)  # "BENGALURU: Acme ..." / "PARIS — Acme ..."
            # "Elsewhere, asset manager Acme has promoted ...": a linking adverb and the company's
            # descriptor open the sentence before its subject.
            lead = _DESCRIBED_SUBJECT_LEAD_RE.sub("", lead)
            if mention.via == "name" and not re.search(r"[^\W_]", lead):
                return self._clause_subject(at) or self._renamed_in_apposition(mention, at) or mention
        return None

    def _clause_subject(self, at: int) -> Mention | None:
        """ "Acme closed its fund, while Foo raised $4 million": the company opening the verb's own
        clause, not the sentence's."""
        for mention in reversed(self.orgs()):
            if mention.end > at or mention.via != "name":
                continue
            if not _CLAUSE_SUBJECT_GAP_RE.fullmatch(self.text, mention.end, at):
                return None
            opener = _CLAUSE_OPENER_RE.search(
                self.text, max(self.sentence.start, mention.start - 12), mention.start
            )
            return mention if opener else None
        return None

    def _renamed_in_apposition(self, owner: Mention, at: int) -> Mention | None:
        """ "Acme's closest rival, Foo, raised ...": the company set off after the owner's noun is
        the subject, the possessive one only describes it."""
        if not owner.possessive:
            return None
        for mention in self.orgs():
            if mention.start <= owner.end or mention.start >= at:
                continue
            if (
                mention.via == "name"
                and _OWNED_NOUN_GAP_RE.fullmatch(self.text[owner.end : mention.start])
                and re.match(r",\s", self.text[mention.end : mention.end + 2])
            ):
                return mention
            return None
        return None

    def workplace_before(self, at: int) -> Mention | None:
        """ "spent years at Tesvo, where he led ... until he left": the workplace the clause is about."""
        best = None
        for mention in self.orgs():
            if mention.end > at:
                break
            if mention.via == "name" and re.search(
                r"\b(?:at|with)\s+$", self.text[max(0, mention.start - 8) : mention.start]
            ):
                best = mention
        return best

    def title_of(self, person: Mention) -> tuple[str | None, str | None]:
        """Title and organization written next to this mention of the person."""
        index = self.entities.position(person)
        if index < 0 or person.via == "pronoun":
            return None, None
        known = self.entities.near_titles.get(index)
        return known if known is not None else title_near(self.text, self.entities.mentions, index)

    def title_after(self, at: int, limit: int = 60) -> str | None:
        """A title stated right after the trigger: "as interim CEO", "named chief executive"."""
        window = self.text[at : min(self.sentence.end, at + limit)]
        lead = re.match(
            r"\s*(?:(?:as|to|be|the|its|his|her|a|an|new|next|permanent|company's|company’s)\s+){0,3}"
            r"(?:(?:newly\s+)?(?:created\s+)?(?:post|role|position|job)\s+of\s+)?",
            window,
        )
        rest_at = at + (lead.end() if lead else 0)
        # "named Jane Doe chief executive": skip the person named first.
        person = self.person_after(at, limit=8)
        if person is not None:
            # "elected Jane Doe, a former banker, as an independent director".
            later = self.text[person.end : min(self.sentence.end, person.end + 110)]
            aside = re.search(
                rf"^,[^,;]{{1,90}},\s*(?:as|to)\s+{_ROLE_LEAD}"
                r"(?:(?:newly\s+)?(?:created\s+)?(?:post|role|position|job)\s+of\s+)?",
                later,
            )
            titled = TITLE_RE.match(self.text, person.end + aside.end()) if aside else None
            if titled:
                # "elected Jane Doe, Ph.D., as President and Chief Executive Officer": both titles.
                tail = re.match(r"\s+(?:and|&)\s+", self.text[titled.end() : titled.end() + 6])
                more = TITLE_RE.match(self.text, titled.end() + tail.end()) if tail else None
                return self.text[titled.start() : more.end()] if more else titled.group()
        if person is not None and person.start <= rest_at + 1:
            after = re.match(
                r",?\s*(?:(?:as|to|the|its|a|an)\s+){0,2}(?:(?:new|next|first|first-ever)\s+)?",
                self.text[person.end : person.end + 20],
            )
            rest_at = person.end + (after.end() if after else 0)
            if self.text[person.end : person.end + 1] == "," and not (
                after and "as" in after.group().split()
            ):
                return None  # "named Bo Chan, its treasurer, to ...": the aside is the old title
        for org in self.orgs():
            if org.start == rest_at and org.possessive:
                rest_at = org.end + 2
                rest_at += len(self.text[rest_at : rest_at + 3]) - len(
                    self.text[rest_at : rest_at + 3].lstrip()
                )
        found = TITLE_RE.match(self.text, rest_at)
        if found is not None:
            described = self.person_after(found.end(), limit=2)
            if described is not None:
                # "named director Jane Doe executive chairman": the first title describes her.
                # "named its finance chief, Jane Doe, interim chief executive": the aside too.
                gap = re.match(
                    r",?\s+(?:(?:as|to|the|its|a|an)\s+)?", self.text[described.end : described.end + 12]
                )
                first = found
                found = TITLE_RE.match(self.text, described.end + (gap.end() if gap else 0))
                if found is None and re.search(
                    r"\b(?:new|next|permanent)\s+$", self.text[max(at, first.start() - 10) : first.start()]
                ):
                    found = first  # "appointing a new CEO Jane Doe": the new title is hers
        if found is None:
            # "joined Acme Health as chief medical officer": the role follows "as" in the clause.
            as_role = re.search(rf"\bas\s+{_ROLE_LEAD}", window)
            if as_role and not re.search(r"[,;]", window[: as_role.start()]):
                found = TITLE_RE.match(self.text, at + as_role.end())
        if found is None and person is not None and person.start <= rest_at + 1:
            # "elected Jane Doe, a former banker, as an independent director".
            later = self.text[person.end : min(self.sentence.end, person.end + 80)]
            as_role = re.search(rf"^,[^,;]{{1,90}},\s*as\s+{_ROLE_LEAD}", later)
            if as_role:
                found = TITLE_RE.match(self.text, person.end + as_role.end())
        if found and found.end() <= self.sentence.end:
            end = found.end()
            if SPEECH_AFTER_RE.match(self.text, end):
                return None  # "..., the chairman said": the title names who speaks, not a role taken
            named_next = self.person_after(end, limit=50)
            if named_next is not None and _DESCRIPTOR_GAP_RE.match(self.text[end : named_next.start]):
                return None  # "hired the co-founder of Acme, Jane Doe": a description, not the new role
            tail = re.match(r"\s+(?:and|&)\s+", self.text[end : end + 6])
            if tail:
                more = TITLE_RE.match(self.text, end + tail.end())
                if more:
                    end = more.end()
            return self.text[found.start() : end]
        return None

    def main_org(self) -> str | None:
        """The company the sentence is about when it names none: its paragraph's opening company
        ("Acme Energy CFO Jane Doe resigned. Her deputy is acting CFO."), else the article's."""
        return self._item_org() or self._heading_org() or self._paragraph_org() or self.entities.main_org

    def _heading_org(self) -> str | None:
        """In a newsletter with a heading per company ("Acme Group" on its own line, then the
        paragraph about it), the paragraph's company is its heading's."""
        line_start = self.text.rfind("\n", 0, self.sentence.start) + 1
        for _ in range(6):
            if line_start <= 0:
                return None
            head_start = self.text.rfind("\n", 0, line_start - 1) + 1
            head = self.text[head_start : line_start - 1].strip()
            if head and not _SENTENCE_END_RE.search(head):
                for mention in self.entities.mentions:
                    if mention.start > head_start + 2:
                        return None
                    if (
                        mention.start >= head_start
                        and mention.kind == "org"
                        and mention.via == "name"
                        and _HEADING_TAIL_RE.fullmatch(self.text[mention.end : line_start - 1])
                    ):
                        return mention.name
                return None
            line_start = head_start
        return None

    def _item_org(self) -> str | None:
        """In a round-up ("- Jane Doe was named ...", "2. Bo Chan will ..."), each item is its own
        story: the company it names first, not the article's."""
        line_start = self.text.rfind("\n", 0, self.sentence.start) + 1
        if not _ITEM_MARK_RE.match(self.text, line_start):
            return None
        line_end = self.text.find("\n", self.sentence.start)
        line_end = len(self.text) if line_end < 0 else line_end
        for mention in self.entities.mentions:
            if mention.start >= line_end:
                break
            if mention.start < line_start or mention.kind != "org" or mention.via != "name":
                continue
            lead = self.text[max(line_start, mention.start - 45) : mention.start]
            if (
                _FORMER_BEFORE_RE.search(lead)
                or _FROM_BEFORE_RE.search(lead)
                or re.search(r",\s*(?:who|which|where|whose)\b[^,;]*$|\([^)]*$", lead)
            ):
                continue  # "- Jane Doe, formerly of Foo Inc, ...": a past employer, not the item's
            return mention.name
        return None

    def _paragraph_org(self) -> str | None:
        line_start = self.text.rfind("\n", 0, self.sentence.start) + 1
        if line_start == self.sentence.start:
            return None  # the sentence opens its paragraph; its own subject was already looked for
        for mention in self.entities.mentions:
            if mention.start > line_start:
                return None
            if mention.start == line_start:
                return mention.name if mention.kind == "org" and mention.via == "name" else None
        return None


# Between "Acme's" and the company it describes: "'s closest competitor, ", "'s parent, ".
_OWNED_NOUN_GAP_RE = re.compile(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+")
_SENTENCE_END_RE = re.compile(r"[.!?:;,]['’\")]?$")
# What may follow a company heading's name: a legal form ("Acme Water plc"), nothing else.
_HEADING_TAIL_RE = re.compile(r"(?:\s+(?:plc|PLC|Ltd|Limited|Inc|LLC|AG|SA|NV|SE|Group)\.?)?\s*")
# "succeeds B and will ...": B is the object of the first verb, not the subject of the second.
_OBJECT_VERB_BEFORE_RE = re.compile(
    r"\b(?:succeeds?|succeeded|replaces?|replaced|named|hired|appointed|fired|ousted|thanked|met|"
    r"report(?:s|ed|ing)?\s+(?:directly\s+)?to|"
    # "A co-founded Acme with B and became CEO": B is the object of "with", A the subject.
    r"with|alongside)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$",
    re.IGNORECASE,
)
_AND_THEN_RE = re.compile(
    r"^\s+and\s+(?:(?:will|would|also|has|had|is|was)\s+)*(?:(?:expected|set|due|poised|likely)\s+to\s+)?$",
    re.IGNORECASE,
)
# A clause whose subject is a company, between a speaker and the trigger.
_COMPANY_CLAUSE_RE = re.compile(
    r"\bthat\s+(?:the\s+(?:company|firm|group|bank|business)|it|we)(?:\s+\w+)?\s*$"
)
_FORMER_BEFORE_RE = re.compile(r"\b(?:former|formerly|previously|ex-)\b[^,;]*$", re.IGNORECASE)
# "joined X from Beta Trust", "backed by Beta Capital": a company that is not the subject.
_FROM_BEFORE_RE = re.compile(
    r"\b(?:from|backed\s+by|funded\s+by|owned\s+by|led\s+by)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_AT_AFTER_RE = re.compile(r"\s+at\s+(?:the\s+)?")
_SIDE_AFTER_RE = re.compile(r"\s+(?:side|club|outfit)\s+(?=[A-Z])")
# A subordinate clause opening the sentence: "Until Jane Doe names a successor, ...".
_LEADING_CLAUSE_RE = re.compile(
    r"\W{0,3}(?:until|till|when|whenever|after|before|once|if|unless|while|as\s+soon\s+as)\b[^,;:]{1,120},",
    re.IGNORECASE,
)
_ITEM_MARK_RE = re.compile(r"[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+")
_DESCRIBED_SUBJECT_LEAD_RE = re.compile(
    r"^(?:(?:Elsewhere|Separately|Meanwhile|Also|Additionally|Similarly|Likewise|Finally|In other news),\s+)?"
    r"(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:manager|maker|firm|company|group|bank|lender|insurer|"
    r"startup|start-up|fund|investor|retailer|developer|operator|provider|giant|rival|carrier|chain|"
    r"consultancy|agency|publisher|brewer|miner|utility|platform)\s+$|"
    r"^(?:Elsewhere|Separately|Meanwhile|Also|Additionally|Similarly|Likewise|Finally|In other news),\s+$"
)
_DATELINE_LEAD_RE = re.compile(r"^[A-Z][A-Z .'-]+(?:\([^)]*\))?\s*[:—–-]+\s*")
# An aside opened right after a company and not closed yet: "Acme, the maker of X and Y".
_APPOSITIVE_OPEN_RE = re.compile(r"\)?,\s+(?:the|a|an)\s+[^,;()]*$")
_RELATIVE_RE = re.compile(r",\s*(?:who|which|where|whose)\b", re.IGNORECASE)
# Words between "as" and the title taken: "as its next dean", "as the first chief technology officer".
# "as the university's 14th president": a possessive of the body and an ordinal may stand first.
_ROLE_LEAD = (
    r"(?:(?:the|its|a|an|new|next|first|first-ever|sole|permanent|\d{1,3}(?:st|nd|rd|th)|"
    r"(?:company|university|college|school|group|bank|firm|club|board|society|foundation)['’]s)\s+){0,3}"
)
# Between a title and a person: "the co-founder of Acme's lab, Jane Doe" describes Jane Doe.
_DESCRIPTOR_GAP_RE = re.compile(r"^\s+(?:of|at)\s+[^,;]{1,40},\s*$")

_AGE_SUBJECT_RE = re.compile(r"\W*the\s+\d{2}-year-old\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

_VERB_FIRST_RE = re.compile(
    r"^\W*(?:(?:most\s+)?recently|also|later|then|previously|formerly|\(?\d{4}\)?|"
    r"[A-Za-z]+ed|won|led|left|quit|became|joined|raised|built|ran|sold|took|went|made|grew|began|"
    r"co-founded)\b",
    re.IGNORECASE,
)


def _verb_first(head: str) -> bool:
    return bool(_VERB_FIRST_RE.match(head))
