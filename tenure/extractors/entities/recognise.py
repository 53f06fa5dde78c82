"""People, organizations and prizes mentioned in an article, resolved within the article.

No gazetteer: a capitalised run becomes a person, an organization or a prize from its own shape
(given name, organization suffix, CamelCase, acronym) and its context (a title before it, "said"
after it, "at"/"join"/"left" before it). Later short mentions ("LeCun"), pronouns ("she") and
descriptions ("the social media giant") resolve to what the article named first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from tenure.extractors.entities.given_names import gender_of, is_given_name
from tenure.extractors.entities.lexicon import (
    DATELINE_RE,
    DEGREE_RE,
    DEPARTMENT_WORDS,
    DESCRIPTION_HEADS,
    DESCRIPTION_RE,
    FIRST_NAMES,
    LEGAL_FORM_AFTER_RE,
    NOT_NAME_WORDS,
    NOT_SINGLE_WORD_ORGS,
    ORG_SUFFIXES,
    PERSON_AFTER_CUES,
    PERSON_BEFORE_CUES,
    PLACE_WORDS,
    SPEECH_AFTER_RE,
    TICKER_BEFORE_RE,
    TITLE_RE,
    is_sector_label,
)
from tenure.extractors.text.sentences import Sentence

Kind = Literal["person", "org", "award"]

# A word that may start a name: an upper-case letter (Latin scripts) or lower-case CamelCase ("xAI").
_CAP_TOKEN_RE = re.compile(
    r"(?<![\w'’-])(?:[A-Z\u00C0-\u00DE\u0100-\u017F]|[a-z]+[A-Z])(?:[\w&]|['’\-](?=[^\W_]))*"
)
# Cheap test before the title regex runs: a sentence without these words has no title.
_TITLE_HINTS = (
    "chief",
    "presiden",
    "chair",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cio",
    "cpo",
    "cso",
    "vp",
    "founder",
    "director",
    "head of",
    "leader",
    "partner",
    "counsel",
    "manager",
    "member",
    "treasurer",
    "secretary",
    "professor",
    "dean",
)
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_LONG_WORD_RE = re.compile(r"[A-Za-z][\w'’-]{3,}")
# Between two capitalised words of one name: "University of Toronto", "Prize for Engineering".
_CONNECTOR_GAP_RE = re.compile(r" (of|for|in|de|van|von|der|del|la|le|du|bin|al) ")
_POSSESSIVE_RE = re.compile(r"^(?:['’]s\b|['’](?![A-Za-z]))")
_AWARD_WORDS = frozenset(
    {"award", "prize", "medal", "nobel", "fellowship", "laureate", "trophy", "honours", "honors"}
)
# Joins inside a name: "University of Toronto", "Queen Elizabeth Prize for Engineering".
_CONNECTORS = frozenset({"of", "for", "in", "de", "van", "von", "der", "del", "la", "le", "du", "bin", "al"})
# Common words that are also surnames after a known given name: "Ruth March", "Theresa May", "Warren East".
_WORD_SURNAMES = frozenset({"march", "may", "june", "august", "east", "west", "north", "south"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "del", "la", "le", "du", "bin", "al"})
# Name-internal capitals that are surnames, not brand CamelCase. Example: "McGrew", "LeCun", "DiCaprio".
_SURNAME_CAMEL_RE = re.compile(r"^(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Von|O['’])[A-Z]")
_PRONOUN_RE = re.compile(r"\b(?:he|she)\b(?!['’]s\s+(?:been|got))", re.IGNORECASE)
_ADJECTIVE_SUFFIX_RE = re.compile(r"-(?:based|born|led|backed|owned|founded|funded|made)$", re.IGNORECASE)
# Words left at the end of a run that are not part of a name: "Acme Thursday", "Acme In".
_TRAILING_NOISE = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "in",
        "on",
        "at",
        "of",
        "for",
        "and",
        "the",
        "a",
        "an",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Nobody founds or chairs a person, and no person is listed or based: "who co-founded Ferris Lane",
# "left to start Jordan Books", "has chaired FTSE 250-listed Calder Brandt".
_FOUNDED_BEFORE_RE = re.compile(
    r"\b(?:(?:co-?)?founded|to\s+(?:co-?)?found|(?:to\s+)?start|started|set\s+up|chaired|chairs|"
    r"[\w-]+-(?:listed|based|headquartered|registered))\s+$",
    re.IGNORECASE,
)
_STRONG_ORG_CONTEXT_BEFORE = re.compile(
    r"\b(?:at|join|joins|joined|joining|rival|leave|leaves|left|(?:co-?)?founded|"
    r"to\s+(?:co-?)?found|to\s+(?:start|launch|set\s+up))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ORG_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:at|join|joins|joined|joining|leave|leaves|left|leaving|quit|rival|for|of|from)\s+(?:the\s+)?|"
    r"\b(?:firm|company|startup|start-up|venture|lab|unit|subsidiary|rival|maker)\s*[,—–-]\s*|"
    r"\b(?:maker|startup|start-up|rival|retailer|lender|giant|firm|company|carrier|insurer|developer|"
    r"founded|co-?founded|launched|started|to\s+(?:co-?)?found|to\s+(?:start|launch|set\s+up))\s+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets in the clean text
    end: int
    kind: Kind
    name: str  # canonical name within the article
    possessive: bool
    via: str  # "name", "alias", "pronoun", "description"


@dataclass(slots=True)
class _Chunk:
    start: int
    end: int
    tokens: list[tuple[int, int, str]]
    possessive: bool
    quoted: bool
    initial: bool = False  # first word of its sentence, capitalised for that reason alone
    headline: bool = False  # in a Title Case line, where every word is capitalised
    name_tokens: list[tuple[int, int, str]] | None = field(default_factory=lambda: _UNSET)


@dataclass
class Entities:
    """What the article names, resolved; built once per article by `analyse`."""

    mentions: list[Mention]
    persons: list[str]
    main_org: str | None
    titles: dict[str, str] = field(default_factory=dict)
    affiliations: dict[str, str] = field(default_factory=dict)
    org_aliases: dict[str, str] = field(default_factory=dict)
    _positions: dict[int, int] = field(default_factory=dict)
    # title_near() of each named person mention, by index in `mentions`.
    near_titles: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)

    def position(self, mention: Mention) -> int:
        """Index of this mention in `mentions`, or -1."""
        if not self._positions:
            self._positions.update({id(m): i for i, m in enumerate(self.mentions)})
        return self._positions.get(id(mention), -1)


# The cover of a securities filing: the registrant's name in capitals above "(Exact name of
# registrant as specified in its charter)", and form lines whose capitalised words name no company
# ("Date of Report", "Item 5.02 Departure of Directors ...", "FORM 8-K").
_REGISTRANT_RE = re.compile(
    r"^[ \t*_]*([A-Z0-9][A-Za-z0-9&.,'’ -]{1,80}?)[ \t*_]*\n[ \t]*\(\s*Exact\s+name\s+of\s+registrant\b",
    re.MULTILINE,
)
_FILING_LINE_RE = re.compile(
    r"^[ \t*_]*(?:Item\s+\d{1,2}\.\d{2}\b|FORM\s+\d{1,2}-[A-Z]\b|Date\s+of\s+Report\b|"
    r"(?:CURRENT|ANNUAL|QUARTERLY)\s+REPORT\b|Pursuant\s+to\s+Section\s+\d|\(Exact\s+name\s+of\s+registrant\b|"
    r"SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION\b|UNITED\s+STATES\s*$)[^\n]*",
    re.MULTILINE,
)
_DEFINED_COMPANY_RE = re.compile(
    r"^\.?(?:,?\s*(?:Ltd|Inc|LLC|Corp|Co|plc|AG|SA|NV|GmbH|K\.K)\.?)*,?\s*\((?:the\s+)?[\"“](?:Company|Registrant|Corporation)[\"”]"
)
# A disclosure's cover lines: "Company name: Acme Precision Co., Ltd.".
_COMPANY_NAME_LABEL_RE = re.compile(
    r"(?:^|\n)\s*(?:Company|Issuer|Registrant)(?:\s+name)?\s*:\s*$", re.IGNORECASE
)


def _filing_lines(text: str) -> list[tuple[int, int]]:
    if "Item " not in text and "FORM " not in text and "registrant" not in text:
        return []
    return [(m.start(), m.end()) for m in _FILING_LINE_RE.finditer(text)]


def _registrant(text: str, mentions: list[Mention]) -> str | None:
    """The company a filing is made by, in the spelling the text uses elsewhere if it does."""
    found = _REGISTRANT_RE.search(text, 0, 3000) if "registrant" in text[:3000] else None
    if found is None:
        return None
    name = found.group(1).strip(" ,")
    for mention in mentions:
        if mention.kind == "org" and mention.name.casefold() == name.casefold():
            return mention.name
    return " ".join(
        w if len(w) <= 3 and w.isupper() and "." not in w else w.capitalize() for w in name.split()
    )


def analyse(text: str, sentences: list[Sentence]) -> Entities:
    datelines = [(m.start(), m.end()) for m in DATELINE_RE.finditer(text)]
    datelines += _filing_lines(text)
    chunks_by_sentence = [_outside(_chunks(text, s), datelines) for s in sentences]
    known_caps = Counter(
        w
        for chunks in chunks_by_sentence
        for c in chunks
        if not c.headline
        for _, _, w in c.tokens[c.initial :]
    )
    persons, person_set = _register_persons(text, chunks_by_sentence)
    aliases = _person_aliases(persons)
    org_aliases: dict[str, str] = {}
    mentions: list[Mention] = []
    honours = _honour_spans(text)
    unclassified: list[_Chunk] = []
    for chunks in chunks_by_sentence:
        for index, chunk in enumerate(chunks):
            if honours and _inside_spans(chunk, honours):
                continue
            mention = _classify(text, chunk, person_set, aliases, org_aliases, known_caps)
            if mention is None:
                unclassified.append(chunk)
                continue
            mentions.append(mention)
            _register_expansion(text, chunks, index, mention, org_aliases)
    mentions = _companies_named_in_full(mentions)
    named = {m.name for m in mentions if m.kind == "person"}
    persons = [p for p in persons if p in named] or persons
    mentions.extend(_known_org_openings(unclassified, mentions))
    mentions.extend(_honour_mention(text, span) for span in honours)
    mentions.sort(key=lambda m: m.start)
    prizes = [(m.start, m.end) for m in mentions if m.kind == "award"]
    if prizes:  # "the Queen's Award": "Queen" is the prize's owner, not a company of the story
        mentions = [
            m
            for m in mentions
            if m.kind == "award" or not any(a <= m.start and m.end <= b for a, b in prizes)
        ]
    mentions = _one_name_per_person(mentions)
    lead_end = sentences[min(2, len(sentences)) - 1].end if sentences else 0
    subjects = _lead_subjects(text, sentences[:4], mentions)
    # 'Acme Corp. (the "Company")': a filing or release defines the company it is about.
    subjects += [
        m.name
        for m in mentions
        if m.kind == "org"
        and m.via == "name"
        and (
            _DEFINED_COMPANY_RE.match(text, m.end, m.end + 40)
            or _COMPANY_NAME_LABEL_RE.search(text, max(0, m.start - 20), m.start)
        )
    ]
    main_org = _registrant(text, mentions) or _main_org(mentions, lead_end, subjects)
    mentions = _resolve_references(text, sentences, mentions, main_org)
    entities = Entities(mentions, persons, main_org, org_aliases=org_aliases)
    _collect_titles_and_affiliations(text, entities)
    return entities


def _companies_named_in_full(mentions: list[Mention]) -> list[Mention]:
    """ "Kestrel Spinmills said" reads like a person, but "Kestrel Spinmills Ltd" in the same article
    is a company: every mention of the short name is that company."""
    companies = {m.name for m in mentions if m.kind == "org" and m.via == "name"}
    # "Harbor Lantern" for "Harbor Lantern Literacy Project": any opening of two words or more. A
    # common given name keeps the person: "Charles Schwab" beside "Charles Schwab Corp".
    shorts = {
        " ".join(name.split()[:n])
        for name in companies
        if name.split()[0].lower() not in FIRST_NAMES
        for n in range(2, len(name.split()))
    }
    return [
        Mention(m.start, m.end, "org", m.name, m.possessive, "name")
        if m.kind == "person" and m.via == "name" and m.name in shorts
        else m
        for m in mentions
    ]


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip(" \t*#_-–—:") and not text[end:line_end].strip(" \t*#_-–—:")


_MONEY_TOKEN_RE = re.compile(r"(?:KSh|Rs|R|[A-Z]{2,3})\d[\d.,]*(?:bn|m|k)?")


def _known_org_openings(chunks: list[_Chunk], mentions: list[Mention]) -> list[Mention]:
    """A sentence- or headline-opening run left unclassified that starts with a company named
    elsewhere in the article is that company: "Deccan Spinfab elevates COO ..." in a headline,
    where nothing around says so."""
    known = {tuple(m.name.split()) for m in mentions if m.kind == "org" and m.via == "name" and " " in m.name}
    found = []
    for chunk in chunks:
        if not (chunk.initial or chunk.headline):
            continue  # mid-sentence, "L Catterton Asia" is a company of its own
        words = tuple(w for _, _, w in chunk.tokens)
        for name in known:
            if words[: len(name)] == name:
                end = chunk.tokens[len(name) - 1][1]
                possessive = chunk.possessive and len(name) == len(words)
                found.append(Mention(chunk.tokens[0][0], end, "org", " ".join(name), possessive, "name"))
                break
    return found


# Prizes whose name has no prize word: "Banker of the Year", "EY Entrepreneur Of The Year", and
# national honours written as letters: "a CBE", "scooped OBEs".
_OF_THE_YEAR_RE = re.compile(r"(?i:\bof +the +year)\b(?: +(?:Awards?|Prize))?")
_PRIZE_WORDS_BEFORE_RE = re.compile(r"(?<![\w&’'.-])(?:[A-Z][\w&’'.-]* +(?:(?:and|&|for) +)?){1,7}$")
_HONOUR_LETTERS_RE = re.compile(r"\b(?:OBE|CBE|MBE|KBE|DBE|GBE|BEM)(?:s\b|\b)")
_LEADING_ARTICLE_RE = re.compile(r"^(?:The|A|An|This|Its|His|Her|Their) +")


# "Most of the year", "End of the Year": parts of a year, not prizes.
_YEAR_PARTS = frozenset(
    [
        "most",
        "much",
        "rest",
        "start",
        "beginning",
        "end",
        "half",
        "part",
        "remainder",
        "middle",
        "course",
        "balance",
        "bulk",
        "some",
        "all",
        "each",
        "top",
        "time",
        "day",
        "week",
        "month",
        "quarter",
        "turn",
        "close",
        "back",
        "first",
        "second",
        "last",
        "start-up",
    ]
)


def _honour_spans(text: str) -> list[tuple[int, int]]:
    """Where prize names without a prize word stand, in text order."""
    spans = []
    if "year" in text.lower():
        for tail in _OF_THE_YEAR_RE.finditer(text):
            low = max(0, tail.start() - 150)
            found = _PRIZE_WORDS_BEFORE_RE.search(text, low, tail.start())
            if found is None:
                continue
            lead = _LEADING_ARTICLE_RE.match(found.group())
            start = found.start() + (lead.end() if lead else 0)
            words = text[start : tail.end()].split()
            if len(words) == 4 and words[0].lower() in _YEAR_PARTS:
                continue
            spans.append((start, tail.end()))
    spans.extend((m.start(), m.end()) for m in _HONOUR_LETTERS_RE.finditer(text))
    return sorted(spans)


def _inside_spans(chunk: _Chunk, spans: list[tuple[int, int]]) -> bool:
    index = bisect_right(spans, (chunk.start, len(chunk.tokens) + 10**9)) - 1
    for start, end in spans[max(0, index - 1) : index + 2]:
        if start <= chunk.start and chunk.end <= end or chunk.start <= start < chunk.end:
            return True
    return False


def _honour_mention(text: str, span: tuple[int, int]) -> Mention:
    name = text[span[0] : span[1]]
    if _HONOUR_LETTERS_RE.fullmatch(name) and name.endswith("s"):
        name = name[:-1]  # "scooped CBEs": each took a CBE
    return Mention(span[0], span[1], "award", name, False, "name")


# Short forms of given names: "Dave Baldwin" and "David Baldwin" in one story are one man.
_NICKNAMES = {
    "dave": "david",
    "bernie": "bernard",
    "rick": "richard",
    "dick": "richard",
    "rich": "richard",
    "larry": "lawrence",
    "jack": "john",
    "johnny": "john",
    "tim": "timothy",
    "charlie": "charles",
    "chuck": "charles",
    "ken": "kenneth",
    "ron": "ronald",
    "don": "donald",
    "frank": "francis",
    "fred": "frederick",
    "ray": "raymond",
    "phil": "philip",
    "mike": "michael",
    "bob": "robert",
    "rob": "robert",
    "bill": "william",
    "will": "william",
    "jim": "james",
    "jimmy": "james",
    "tom": "thomas",
    "chris": "christopher",
    "matt": "matthew",
    "nick": "nicholas",
    "steve": "steven",
    "tony": "anthony",
    "joe": "joseph",
    "dan": "daniel",
    "danny": "daniel",
    "ben": "benjamin",
    "sam": "samuel",
    "alex": "alexander",
    "andy": "andrew",
    "jeff": "jeffrey",
    "greg": "gregory",
    "pete": "peter",
    "ed": "edward",
    "ted": "edward",
    "kate": "katherine",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "jen": "jennifer",
    "jenny": "jennifer",
    "sue": "susan",
    "pat": "patricia",
}


def _one_name_per_person(mentions: list[Mention]) -> list[Mention]:
    """Other spellings of one person ("Dave Baldwin" and "David Baldwin", "Jane Doe" after "Jane
    Q. Doe") take the formal given name where the story uses it, else the first spelling."""
    seen: dict[tuple[str, str], str] = {}
    # "Bernie Doe" in a headline, "Bernard Doe" in the body: the formal spelling names him.
    for mention in mentions:
        parts = mention.name.split()
        if mention.kind == "person" and mention.via == "name" and len(parts) == 2:
            given = parts[0].lower()
            if given in _NICKNAMES.values():
                seen.setdefault((given, parts[-1]), mention.name)
    # "Ó Broin" after "Cormac Ó Broin", "van Dam" after "Jan van Dam": a two-word family name.
    family: dict[str, str] = {}
    renamed = []
    for mention in mentions:
        parts = mention.name.split()
        if mention.kind != "person" or mention.via != "name" or len(parts) < 2:
            renamed.append(mention)
            continue
        if len(parts) == 3:
            family.setdefault(" ".join(parts[1:]), mention.name)
        given = parts[0].lower()
        key = (_NICKNAMES.get(given, given), parts[-1])
        first = family.get(mention.name) or seen.setdefault(key, mention.name)
        if first != mention.name:
            mention = Mention(mention.start, mention.end, "person", first, mention.possessive, "alias")
        renamed.append(mention)
    return renamed


# Verbs of a Title Case headline that would otherwise glue a company to a person.
_HEADLINE_VERBS = frozenset(
    {"Names", "Appoints", "Hires", "Taps", "Promotes", "Picks", "Elects", "Adds", "Poaches", "Ousts"}
    | {"Fires", "Replaces", "Welcomes", "Recruits", "Loses", "Confirms", "Announces", "Selects"}
)


# Verbs after "to" in a Title Case headline: "to Lead Company", "to Join Acme Group".
_HEADLINE_INFINITIVES = frozenset(
    {"Lead", "Join", "Run", "Head", "Leave", "Helm", "Chair", "Steer", "Succeed", "Become", "Replace"}
    | {"Exit", "Retire", "Oversee", "Rejoin", "Return"}
)


def _outside(chunks: list[_Chunk], spans: list[tuple[int, int]]) -> list[_Chunk]:
    """The chunks that do not sit in a dateline ("OSLO, June 17 (Agency) -")."""
    if not spans:
        return chunks
    return [c for c in chunks if not any(a <= c.start and c.end <= b for a, b in spans)]


# --- chunking -------------------------------------------------------------------------------


def _chunks(text: str, sentence: Sentence) -> list[_Chunk]:
    """Runs of capitalised words in one sentence, split at titles and punctuation."""
    body = sentence.text
    lowered = body.lower()
    hinted = any(hint in lowered for hint in _TITLE_HINTS)
    blocked = [(m.start(), m.end()) for m in TITLE_RE.finditer(body)] if hinted else []
    if "." in body:  # "Jane Doe, Ph.D.": degree letters are neither a name nor a company
        blocked = sorted(blocked + [(m.start(), m.end()) for m in DEGREE_RE.finditer(body)])
    block = 0  # index of the first title span that has not ended yet
    chunks: list[_Chunk] = []
    current: list[tuple[int, int, str]] = []

    def close() -> None:
        if current:
            chunk = _make_chunk(text, sentence.start, body, list(current))
            if chunk is not None:
                chunks.append(chunk)
            current.clear()

    previous_end = -1
    for match in _CAP_TOKEN_RE.finditer(body):
        word, start, end = match.group(), match.start(), match.end()
        if not _is_capitalised(word):
            continue
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            word, end = word[:-2], end - 2
        while block < len(blocked) and blocked[block][1] <= start:
            block += 1
        if block < len(blocked) and blocked[block][0] <= start:
            close()  # a capitalised title word ("Chief Technology Officer") ends a name
            continue
        if word in _HEADLINE_VERBS and is_title_case(body):
            close()  # "Tarvo Names Lena Ruiz CEO": a headline's verb ends the company's name
            continue
        if word in _HEADLINE_INFINITIVES and body[max(0, start - 3) : start] == "to " and is_title_case(body):
            close()  # "Board Picks Jane Doe to Lead Company": a verb, not part of a name
            continue
        if current:
            gap = body[previous_end:start]
            joiner = _CONNECTOR_GAP_RE.fullmatch(gap)
            if gap == " ":
                pass
            elif (
                gap == " & "
                and not _CONNECTORS & {current[-1][2].lower()}
                and not (len(current) >= 2 and is_given_name(current[0][2]))  # "Jane Doe & Bo Lund"
            ):
                # "Quenby & Dart", "Marks & Spencer": one company's name.
                current.append((previous_end + 1, previous_end + 2, "&"))
            elif gap == ". " and (
                _middle_initial(current) or _unknown_given_then_initial(current, word, body, end)
            ):
                # "Jane Q. Doe": the initial keeps its full stop and the name goes on.
                last = current[-1]
                current[-1] = (last[0], last[1] + 1, last[2] + ".")
            elif joiner and (_joinable(current) or _particle_join(current, joiner.group(1))):
                current.append(
                    (previous_end + joiner.start(1), previous_end + joiner.end(1), joiner.group(1))
                )
            elif (
                gap == " & " and current[-1][2].lower() not in FIRST_NAMES and word.lower() not in FIRST_NAMES
            ):
                current.append((previous_end + 1, previous_end + 2, "&"))  # "Legal & General"
            else:
                close()
        current.append((start, end, word))
        previous_end = end
        if _POSSESSIVE_RE.match(body[end:]):
            close()
    close()
    headline = is_title_case(body)
    for chunk in chunks:
        chunk.headline = headline
        lead = body[: chunk.start - sentence.start]
        chunk.initial = not _WORD_CHAR_RE.search(lead)
        first = chunk.tokens[0][2].lower()
        if (
            chunk.initial
            and len(chunk.tokens) > 1
            and first.endswith(("ed", "ing"))
            and first not in FIRST_NAMES
        ):
            # "Founded Acme in 1999": a verb capitalised only because it opens the line.
            chunk.tokens = chunk.tokens[1:]
            chunk.start = chunk.tokens[0][0]
            chunk.initial = False
    return chunks


@lru_cache(maxsize=4096)
def is_title_case(body: str) -> bool:
    """A headline in Title Case. Sentences ending in a full stop are prose, however many names."""
    if body.rstrip(" *_\"'”’)").endswith((".", "!", "?")):
        return False
    words = [w for w in _LONG_WORD_RE.findall(body) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# Brand CamelCase starting lower-case: "xAI", "iPhone".
_LOWER_CAMEL_RE = re.compile(r"[a-z]+[A-Z]")


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() or bool(_LOWER_CAMEL_RE.match(word))


def _particle_join(tokens: list[tuple[int, int, str]], joiner: str) -> bool:
    """ "Jan du Plessis", "Ana de Souza": a given name, a lower-case particle, then the surname."""
    return len(tokens) == 1 and joiner in _NAME_PARTICLES and is_given_name(tokens[0][2])


def _middle_initial(tokens: list[tuple[int, int, str]]) -> bool:
    """ "Jane Q" before ". Doe": a given name, then one capital letter."""
    return (
        len(tokens) >= 2
        and len(tokens[-1][2]) == 1
        and tokens[-1][2].isupper()
        and is_given_name(tokens[-2][2])
    )


# Words a lone capital letter follows as a label, not as an initial: "Series A. The round ...".
_LETTER_LABELS = frozenset(
    {"series", "class", "tier", "plan", "type", "group", "phase", "grade", "item", "part", "section"}
    | {"schedule", "exhibit", "appendix", "form", "option", "model", "category", "division", "unit"}
)


def _unknown_given_then_initial(tokens: list[tuple[int, int, str]], word: str, body: str, end: int) -> bool:
    """ "Raghavendra S. Kulkarni": a given name the lists lack, an initial, and a surname that goes
    on the name (no verb of a new sentence follows it: "Series A. The round ...")."""
    return (
        len(tokens) == 2
        and len(tokens[-1][2]) == 1
        and tokens[-1][2].isupper()
        and tokens[0][2].isalpha()
        and len(tokens[0][2]) >= 3
        and tokens[0][2].lower() not in _LETTER_LABELS
        and tokens[0][2].lower() not in NOT_NAME_WORDS
        and word.lower() not in NOT_NAME_WORDS
        and bool(
            _PERSON_VERB_AFTER_RE.match(body, end)
            or re.match(r"\s+(?:[a-z]+ed|said|says|has|is|was|will)\b", body[end : end + 20])
        )
    )


def _joinable(tokens: list[tuple[int, int, str]]) -> bool:
    words = {w.lower() for _, _, w in tokens}
    return bool(words & (_AWARD_WORDS | _JOINABLE_HEADS))


# Heads that take "of" inside a name: "Bank of Foo", "Tarwick Chamber of Commerce".
_JOINABLE_HEADS = frozenset(
    {"university", "institute", "academy", "bank", "school", "college", "chamber", "association", "society"}
    | {"federation", "department", "ministry"}
)


def _make_chunk(text: str, offset: int, body: str, tokens: list[tuple[int, int, str]]) -> _Chunk | None:
    while tokens and tokens[-1][2].lower() in _CONNECTORS:
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    possessive = bool(_POSSESSIVE_RE.match(body[end:]))
    before = body[max(0, start - 1) : start]
    quoted = before in {'"', "“", "‘"}
    return _Chunk(
        offset + start, offset + end, [(offset + a, offset + b, w) for a, b, w in tokens], possessive, quoted
    )


# --- people ---------------------------------------------------------------------------------


def _name_tokens(chunk: _Chunk) -> list[tuple[int, int, str]] | None:
    """The part of a chunk that is a person's name, or None (computed once per chunk)."""
    if chunk.name_tokens is _UNSET:
        chunk.name_tokens = _find_name_tokens(chunk)
    return chunk.name_tokens


_UNSET: list[tuple[int, int, str]] = []


def _three_word_name(chunk: _Chunk, tokens: list[tuple[int, int, str]]) -> bool:
    """A prose run of exactly three plain words from a given name on: "Ana Sá Rocha", "Wei Ling Tan"
    (family names of two words, two given names). Headlines are left out: "Jane Doe Exits"."""
    lead = chunk.tokens[: len(chunk.tokens) - 3]
    if (
        chunk.headline
        or chunk.tokens[-3:] != tokens
        or any(w.lower() not in NOT_NAME_WORDS for _, _, w in lead)  # "Dr Wei Ling Tan" keeps its title
        or not is_given_name(tokens[0][2])
    ):
        return False
    return all(
        w.lower() not in NOT_NAME_WORDS
        and w.lower() not in ORG_SUFFIXES
        and w.lower() not in _AWARD_WORDS
        and not w.isupper()
        for _, _, w in tokens[1:]
    ) and not (len(tokens[2][2]) >= 6 and tokens[2][2].lower().endswith(("ed", "ing")))


def _short_syllables(tokens: list[tuple[int, int, str]]) -> bool:
    return all(2 <= len(w) <= 4 and w.isalpha() and w[0].isupper() and w[1:].islower() for _, _, w in tokens)


_GENERATIONS = frozenset({"Jr", "Sr", "III"})


def _find_name_tokens(chunk: _Chunk) -> list[tuple[int, int, str]] | None:
    if any(t[2] == "&" for t in chunk.tokens):
        return None  # "Marks & Spencer" names a company
    tail = chunk.tokens[-3:]
    if (
        len(tail) == 3
        and tail[-1][2] in _GENERATIONS
        and all(t[2][:1].isupper() and t[2][1:].islower() and len(t[2]) > 1 for t in tail[:2])
        and tail[0][2].lower() not in ORG_SUFFIXES
        and tail[1][2].lower() not in ORG_SUFFIXES
    ):
        return tail  # "Israel Rocha Jr.": a generational suffix makes the run a person's name
    tokens = [t for t in chunk.tokens if t[2].lower() not in _CONNECTORS or t[2].lower() in _NAME_PARTICLES]
    while tokens and (
        (tokens[0][2].lower() in NOT_NAME_WORDS and tokens[0][2].lower() not in FIRST_NAMES)
        or _ADJECTIVE_SUFFIX_RE.search(tokens[0][2])
    ):
        tokens = tokens[1:]
    if len(tokens) < 2:
        return None
    for index, token in enumerate(tokens):
        if is_given_name(token[2]) and index < len(tokens) - 1:
            if index == 1 and len(tokens) == 3 and chunk.tokens == tokens and _short_syllables(tokens):
                break  # "Wee Cho Yaw": a family name first, then a two-part given name
            tokens = tokens[index : index + 3]
            break
    else:
        tokens = tokens[-3:] if len(tokens) >= 3 and len(tokens[-2][2].rstrip(".")) == 1 else tokens[-2:]
    if (
        len(tokens) == 3
        and len(tokens[1][2].rstrip(".")) != 1
        and tokens[1][2].lower() not in _NAME_PARTICLES
        and not _three_word_name(chunk, tokens)
        and not (chunk.tokens == tokens and _short_syllables(tokens) and is_given_name(tokens[1][2]))
    ):
        # Three words are a name only with a middle initial or particle: "John J. Doe", "Jan van Dam".
        tokens = tokens[:2] if is_given_name(tokens[0][2]) else tokens[1:]
    if len(tokens) == 3 and tokens[2][2].lower() in NOT_NAME_WORDS:
        tokens = tokens[:2]
    if tokens[-1][2].lower() in _GROUND_WORDS and not is_given_name(tokens[0][2]):
        return None  # "Kelby Moor", "Tarn Stadium": a sports ground
    for index, (_, _, word) in enumerate(tokens):
        low = word.lower()
        if index == 0 and low in FIRST_NAMES:
            continue
        if 0 < index < len(tokens) - 1 and word in _NAME_PARTICLES:
            continue  # "Jan du Plessis"
        if index == len(tokens) - 1 == 1 and low in _WORD_SURNAMES and is_given_name(tokens[0][2]):
            continue  # "Ruth March", "Theresa May", "Warren East"
        if low in NOT_NAME_WORDS or low in ORG_SUFFIXES or low in _AWARD_WORDS:
            return None
        if word.isupper() and len(word.rstrip(".")) > 1:
            return None
        if any(ch.isdigit() for ch in word) or _ADJECTIVE_SUFFIX_RE.search(word):
            return None
        if _is_brand_camel(word):
            return None
    return tokens


def _is_brand_camel(word: str) -> bool:
    if word[0].islower():
        return True
    if word.isupper():
        return False  # an acronym, not CamelCase
    rest = word[1:]
    inner = rest != rest.lower()
    return inner and not _SURNAME_CAMEL_RE.match(word) and "-" not in word and "'" not in word


_WINNER_LABEL_BEFORE_RE = re.compile(r"(?:^|\n)\W{0,3}Winners?\s*[:–—-]\s*(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$")


def _looks_like_person(text: str, chunk: _Chunk, tokens: list[tuple[int, int, str]]) -> bool | None:
    """True when this occurrence shows it names a person, False when it cannot, None if unsure."""
    if chunk.quoted:
        return False
    if tokens[0][2].lower() in FIRST_NAMES or (len(tokens) == 3 and tokens[-1][2] in _GENERATIONS):
        return True
    if is_given_name(tokens[0][2]):
        # The large name list also holds words that name companies ("Arcadia", "Meta"): a
        # company's context outweighs it there.
        end = tokens[-1][1]
        return not (
            _FOUNDED_BEFORE_RE.search(text[max(0, tokens[0][0] - 30) : tokens[0][0]])
            or _ORG_ONLY_AFTER_RE.match(text[end : end + 40])
            or _ORG_APPOSITIVE_RE.match(text[end : end + 80])
            or _company_evidence(text, chunk, tokens)
        )
    if _WINNER_LABEL_BEFORE_RE.search(text, max(0, tokens[0][0] - 12), tokens[0][0]):
        return True  # "Winner: Femke Dijkgraaf, Warehouse Manager, Acme": a winners' list names people
    if chunk.headline:
        return False  # Title Case lines capitalise everything; names there must show a given name
    after_chunk = text[tokens[-1][1] : tokens[-1][1] + 80]
    if _ORG_APPOSITIVE_RE.match(after_chunk) or after_chunk.startswith(":"):
        return False  # "Groupe Caradec, the French packaging maker", "Ledgerline: ..."
    if _STRONG_ORG_CONTEXT_BEFORE.search(text[max(0, tokens[0][0] - 40) : tokens[0][0]]):
        return False
    if _company_evidence(text, chunk, tokens):
        return False
    if has_person_cue(text, tokens[0][0], tokens[-1][1]):
        return True
    if _ORG_CONTEXT_BEFORE.search(text[max(0, tokens[0][0] - 40) : tokens[0][0]]):
        return False
    # Name-shaped spellings rarely belong to companies: "Fei-Fei", "L'Huillier", "McGrew", "LeCun".
    if any("-" in t[2] or "'" in t[2] or "’" in t[2] or _SURNAME_CAMEL_RE.match(t[2]) for t in tokens):
        return True
    return None


def _described_company(text: str, chunk: _Chunk, tokens: list[tuple[int, int, str]]) -> bool:
    """ "lending start-up Kestrel Ledger", "utility Front Range Power": a company's descriptor right
    before the run makes it a company, even when its first word is also a given name somewhere. A
    common given name ("company founder Jane Doe") keeps the person."""
    if tokens[0][2].lower() in FIRST_NAMES:
        return False
    start = chunk.tokens[0][0]
    return _COMPANY_BEFORE_RE.search(text[max(0, start - 40) : start]) is not None


def _titles_next_name(text: str, end: int) -> bool:
    """ "Tolley Marsh co-founder Jane Doe", "Ferris Lane chief executive Bo Chan": a lower-case title
    between two names belongs to the second; the first, even if name-shaped, is its company."""
    if text[end : end + 1] != " " or not text[end + 1 : end + 2].islower():
        return False
    title = TITLE_RE.match(text, end + 1)
    return (
        title is not None and re.match(r" (?:[A-Z][a-z]+)", text[title.end() : title.end() + 3]) is not None
    )


# A company's descriptor or a title's "of" right before a name-shaped company: "dairy group Tolley
# Marsh", "chief financial officer of Tolley Marsh", "rival Tolley Marsh".
_COMPANY_BEFORE_RE = re.compile(
    r"(?:\b(?:company|group|firm|maker|startup|start-up|rival|retailer|lender|insurer|carrier|chain|"
    r"supplier|manufacturer|business|subsidiary|brand|conglomerate|grocer|bank|utility|house|operator|"
    r"platform|exchange|agency|consultancy|charity|fintech|(?:asset|wealth|money)\s+manager)[ \t]+|"
    r"\b(?:officer|executive|chief|ceo|cfo|cto|coo|president|chair(?:man|woman)?|director|head|"
    r"(?:co-?)?founder|partner|board)\s+(?:of|at)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# What follows only a company: "Tolley Marsh, where she ran sales", "Tolley Marsh's board",
# "Tolley Marsh said on Monday that its chief executive ...".
_COMPANY_AFTER_RE = re.compile(
    r"^(?:,\s+where\s+(?:she|he|they|I|we)\b|['’]s?\s+(?:board|shares|stock|headquarters|parent|"
    r"subsidiary|shareholders|investors)\b|"
    r"\s+(?:said|announced)\b[^.;:\"“]{0,60}?\bits\s+(?:(?:new|interim|acting|former)\s+)?"
    r"(?:chief|ceo|cfo|coo|cto|president|chair\w*|board|founder|co-founder|director|head)\b)"
)


def _company_evidence(text: str, chunk: _Chunk, tokens: list[tuple[int, int, str]]) -> bool:
    """This mention of a name-shaped run is a company's: a descriptor, "of", "where", "'s board"."""
    start, end = tokens[0][0], chunk.end
    if _COMPANY_BEFORE_RE.search(text[max(0, start - 40) : start]):
        return True
    return bool(
        _COMPANY_AFTER_RE.match(text[end : end + 100]) or LEGAL_FORM_AFTER_RE.match(text[end : end + 12])
    )


# "Jane Doe and her team", "Doe ... from his role": a person's pronoun follows in the clause.
_OWN_PRONOUN_RE = re.compile(r"^[^.;:()\n]{0,40}?\b(?:his|her|he|she|himself|herself)\b", re.IGNORECASE)
_APPOSITIVE_RE = re.compile(r"^\s*(?:,|\()\s*([^,.;()]{0,60})")
_OCCUPATION_RE = re.compile(
    r"\b(?:physicist|scientist|chemist|economist|engineer|researcher|entrepreneur|investor|executive|"
    r"billionaire|author|analyst|banker|lawyer|designer|programmer|veteran|pioneer)s?\s*$",
    re.IGNORECASE,
)
_BORN_BEFORE_RE = re.compile(
    r"\b[A-Z][a-z]+-born\s+$|\b(?:said|says|told|asked|thanked|under|alongside|along with)\s+$"
)


# Verbs whose subject is a person: "Jane Doe will step down", "Doe was named", "Doe has led sales".
_PERSON_VERB_AFTER_RE = re.compile(
    r"^,?\s+(?:(?:will|has|had|have|is|was|would)\s+)?(?:[a-z]+ly\s+|also\s+)?(?:"
    r"step(?:s|ped|ping)?\s+(?:down|away)|resign\w*|retir\w*|quit|quits|(?<=is )out\s+as|(?<=was )out\s+as|"
    r"(?<=was )(?:named|appointed|elected|hired|fired|ousted|promoted)|"
    r"(?<=been )(?:named|appointed|elected|hired|fired|ousted|promoted)|co-?founded|founded|"
    r"led|leads|runs|ran|heads|headed|oversees|oversaw|joined|joins|took\s+over\s+as|takes\s+over\s+as|"
    r"(?<=will )take\s+over\s+as)\b",
    re.IGNORECASE,
)


def has_person_cue(text: str, start: int, end: int, *, verbs: bool = True) -> bool:
    """Context that only people have: a title or occupation beside the name, "said", ", who", "his"."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 80]
    if PERSON_AFTER_CUES.match(after) or PERSON_BEFORE_CUES.search(before):
        return True
    if verbs and _PERSON_VERB_AFTER_RE.match(after):
        return True
    if _OCCUPATION_RE.search(before) or _BORN_BEFORE_RE.search(before) or _OWN_PRONOUN_RE.match(after):
        return True
    appositive = _APPOSITIVE_RE.match(after)
    if appositive:
        # The title must open the aside: "Doe, Acme's finance chief," not "Acme, Doe succeeds X as CEO".
        head = " ".join(appositive.group(1).split()[:5])
        if TITLE_RE.search(head) or _OCCUPATION_RE.search(head + " "):
            return True
        nationality = re.fullmatch(r"(?:a|an)\s+([A-Z][a-z]+)\s*", appositive.group(1))
        if (
            nationality
            and nationality.group(1).lower() in PLACE_WORDS
            and after[appositive.end() :].startswith(",")
        ):
            return True  # "Doe, a Swede, will retire": only a person has a nationality
    window = before[-30:]
    titles = list(TITLE_RE.finditer(window))
    return bool(titles) and not window[titles[-1].end() :].strip(" ,")


def _register_persons(text: str, chunks_by_sentence: list[list[_Chunk]]) -> tuple[list[str], set[str]]:
    """Names with a given name, or with a person's context at one of their mentions."""
    order: list[str] = []
    verdicts: dict[str, bool | None] = {}
    owners: set[str] = set()  # names that own a title given to the next name: companies
    for chunks in chunks_by_sentence:
        for chunk in chunks:
            if any(t[2].lower() in ORG_SUFFIXES for t in chunk.tokens[-1:]):
                continue
            tokens = _name_tokens(chunk)
            if tokens is None:
                continue
            name = " ".join(w for _, _, w in tokens)
            if _titles_next_name(text, tokens[-1][1]) or _described_company(text, chunk, tokens):
                owners.add(name)
            verdict = _looks_like_person(text, chunk, tokens)
            if name not in verdicts:
                order.append(name)
                verdicts[name] = verdict
            elif verdicts[name] is not True and verdict is not None:
                verdicts[name] = verdict or verdicts[name]
    surname_cues = _surname_cues(text, chunks_by_sentence, {n.split()[-1] for n in order})
    persons = [
        n
        for n in order
        if n not in owners and (verdicts[n] or (verdicts[n] is None and n.split()[-1] in surname_cues))
    ]
    return persons, set(persons)


def _surname_cues(text: str, chunks_by_sentence: list[list[_Chunk]], surnames: set[str]) -> set[str]:
    """Surnames that show a person's context when they stand alone: "Doe, 48, is CEO"."""
    cued = set()
    for chunks in chunks_by_sentence:
        for chunk in chunks:
            if len(chunk.tokens) == 1 and chunk.tokens[0][2] in surnames:
                start, end, word = chunk.tokens[0]
                # A lone word is weaker evidence: "Acme joined the index" is a company.
                if has_person_cue(text, start, end, verbs=False):
                    cued.add(word)
    return cued


_DIRECTION_SURNAMES = frozenset({"east", "west", "north", "south"})


def _word_surname_alias(text: str, body: list[tuple[int, int, str]], aliases: dict[str, str]) -> bool:
    if len(body) != 1 or body[0][2].lower() not in _DIRECTION_SURNAMES or body[0][2] not in aliases:
        return False
    before = text[max(0, body[0][0] - 12) : body[0][0]]
    return not re.search(r"(?:\bthe|[\n.!?:])\s*$", before, re.IGNORECASE)


def _person_aliases(persons: list[str]) -> dict[str, str]:
    """Short forms that point to one person: last name, first name when unique."""
    counts: Counter[str] = Counter()
    candidates: list[tuple[str, str]] = []
    for name in persons:
        parts = name.split()
        forms = {parts[-1], parts[0]} if len(parts) > 1 else set()
        for form in forms:
            if (form.lower() in NOT_NAME_WORDS and form.lower() not in _WORD_SURNAMES) or len(form) < 2:
                continue  # "East" stands for Warren East; "Chair" stands for nobody
            counts[form] += 1
            candidates.append((form, name))
    aliases: dict[str, str] = {}
    for form, name in candidates:
        if counts[form] == 1 or form == name.split()[-1]:
            earlier = aliases.setdefault(form, name)
            if _NICKNAMES.get(earlier.split()[0].lower()) == name.split()[0].lower():
                aliases[form] = name  # "Kettleworth" is Bernard Kettleworth, not the headline's Bernie
    for name in persons:
        aliases[name] = name
    return aliases


# --- classification -------------------------------------------------------------------------


def _classify(
    text: str,
    chunk: _Chunk,
    persons: set[str],
    aliases: dict[str, str],
    org_aliases: dict[str, str],
    known_caps: Counter[str],
) -> Mention | None:
    words = [w for _, _, w in chunk.tokens]
    lows = [w.lower() for w in words]
    if set(lows) & _AWARD_WORDS:
        return _award_mention(text, chunk)
    tail = _LOWER_PRIZE_AFTER_RE.match(text, chunk.end)
    if tail and not chunk.possessive and not chunk.headline:
        # "the Lifetime Achievement award", "the Rising Star prize": the prize's name runs on.
        found = _award_mention(text, chunk)
        return Mention(found.start, tail.end(), "award", found.name, False, "name") if found else None
    tokens = _name_tokens(chunk)
    if tokens is not None and " ".join(w for _, _, w in tokens) in persons:
        return Mention(
            tokens[0][0], tokens[-1][1], "person", " ".join(w for _, _, w in tokens), chunk.possessive, "name"
        )
    # Strip leading function words ("The", "In", "US") before deciding on organizations.
    body = list(chunk.tokens)
    if _word_surname_alias(text, body, aliases):
        # "reporting to East" after "Warren East": the surname alone, where no "the" makes it a place.
        return Mention(body[0][0], body[0][1], "person", aliases[body[0][2]], chunk.possessive, "alias")
    while (
        body
        and body[0][2].lower() in NOT_NAME_WORDS
        and body[0][2].lower() not in ORG_SUFFIXES
        and not _is_brand_camel(body[0][2])
    ):
        body = body[1:]
    while body and body[-1][2].lower() in _TRAILING_NOISE:
        body = body[:-1]
    # "Tarwick-based Acme", "Bay-backed Acme": the company is what follows; the mention still
    # starts at the adjective, so "chief executive of Tarwick-based Acme" reaches it.
    opening = body[0][0] if body else 0
    while len(body) > 1 and _ADJECTIVE_SUFFIX_RE.search(body[0][2]):
        body = body[1:]
    if not body:
        return None
    if len(body) == 1 and body[0][2] in aliases and not chunk.quoted:
        shop = _SHOP_NAMED_FOR_RE.search(text, max(0, body[0][0] - 40), body[0][0])
        if shop and chunk.possessive and _SHOP_NAME_END_RE.match(text, chunk.end):
            # "founded the bakery chain Doe's in 1998": a business named for its founder.
            end = chunk.end + (2 if text[chunk.end : chunk.end + 2] in {"'s", "’s"} else 0)
            return Mention(body[0][0], end, "org", text[body[0][0] : end], False, "name")
        return Mention(body[0][0], body[0][1], "person", aliases[body[0][2]], chunk.possessive, "alias")
    # A leftover common word before a known short name: "Chief Wang" -> Wang.
    if (
        len(body) >= 2
        and body[-1][2] in aliases
        and body[-1][2].lower() not in ORG_SUFFIXES
        and body[-1][2].lower() not in _WORD_SURNAMES  # "the Middle East" is no Warren East
        and all(t[2].lower() in NOT_NAME_WORDS for t in body[:-1])
    ):
        return Mention(body[-1][0], body[-1][1], "person", aliases[body[-1][2]], chunk.possessive, "alias")
    name = " ".join(w for _, _, w in body)
    if chunk.quoted or all(w.isupper() and len(w) > 1 for _, _, w in body) and len(body) > 1:
        return None  # quoted names are works or slogans; all-caps runs are datelines and shouting
    if name in org_aliases:
        name = org_aliases[name]
    if TICKER_BEFORE_RE.search(text[max(0, body[0][0] - 30) : body[0][0]]):
        return None  # "(Nasdaq: VSKO)": the ticker of the company just named
    initial = chunk.initial and body[0] == chunk.tokens[0]
    if all(_ADJECTIVE_SUFFIX_RE.search(w) for _, _, w in body):
        return None  # "a Lisbon-based startup": an adjective
    if _is_place(text, body):
        return None  # "Perth payroll firm X", "BOISE, Ida.", "a Swede": places and peoples
    if len(body) == 1 and body[0][2] in {"AGM", "EGM"}:
        return None  # "from the close of the AGM": a meeting
    if len(body) == 1 and re.match(r"\.\s?\d", text[body[0][1] : body[0][1] + 3]):
        return None  # "pursuant to Art. 53", "No. 4": an abbreviation before a number
    if re.search(
        r"\b(?:Art|Article|Sec|Section|Rule|Regulation)\.?\s+\d{1,4}[a-z]?\s+$",
        text[max(0, body[0][0] - 20) : body[0][0]],
    ):
        return None  # "Art. 17 MAR", "Section 13 SEA": the law a notice cites
    if len(body) == 1 and body[0][2].lower() in _UNIT_WORDS:
        return None  # "chief executive of UK Insurance", "CEO International": a unit's label
    if len(body) == 1 and (
        body[0][2].lower() in NOT_SINGLE_WORD_ORGS or _MONEY_TOKEN_RE.fullmatch(body[0][2])
    ):
        return None  # "Vice President, Finance", "FTSE 250-listed", "the Group", "KSh65": no other company
    words_only = [w for _, _, w in body if w != "&"]
    if words_only and all(w.isupper() for w in words_only) and _alone_on_line(text, body[0][0], body[-1][1]):
        return None  # "MANAGEMENT", "MOVERS & SHAKERS": a column's heading, not a company
    if _department_run(text, body):
        return None  # "the new Cloud & Data division", "Research & Development": a part of a company
    if len(body) > 1 and body[-1][2].lower() in _VENUE_WORDS:
        return None  # "leave Tarn Moor", "at Kelby Stadium": a ground, not the club
    if not _is_org_shape(body) and _in_state(text, body[-1][1]):
        return None  # "Tarwick, Ore.-based Acme", "in Tarwick, Ohio, she ...": a town, not a company
    label = re.match(r":\s+[A-Z]", text[body[-1][1] : body[-1][1] + 3])
    if chunk.initial and label and is_sector_label([w for _, _, w in body]):
        return None  # "Agritech: Tarwick-based Acme raised ...": the item's industry, not a company
    if chunk.initial and label and not chunk.quoted and not name.isupper():
        return Mention(
            body[0][0], body[-1][1], "org", name, False, "name"
        )  # a roundup label: "Acme Pay: ..."
    if len(body) == 1 and _UNIT_AFTER_RE.match(text[body[0][1] : body[0][1] + 16]):
        return None  # "its Stockholm studio": a place naming a unit, not a company
    if initial and name.isupper() and _DATELINE_AFTER_RE.match(text[body[-1][1] : body[-1][1] + 6]):
        return None  # a dateline: "PITTSBURGH —", "LONDON, June 3"
    if (
        _is_org_shape(body)
        or len(body) >= 3
        and body[-2][2] == "&"  # "Legal & General", "Marsh & Rowe"
        or len(body) == 1
        and _single_word_org(
            text,
            body[0],
            initial,
            known_caps,
            chunk.possessive,
            _loosely_capitalised(text, chunk),
            chunk.headline,
        )
    ):
        return Mention(opening, body[-1][1], "org", name, chunk.possessive, "name")
    if _listed_with_person(text, body, persons):
        # "founded by Ravi Menon and Asha Pillai, the startup ...": the second founder, not a company
        return Mention(body[0][0], body[-1][1], "person", name, chunk.possessive, "name")
    if len(body) > 1 and _org_context(text, opening, body[-1][1], chunk.possessive):
        return Mention(opening, body[-1][1], "org", name, chunk.possessive, "name")
    return None


_PERSON_AND_BEFORE_RE = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2}) (?:and|&) $")


def _listed_with_person(text: str, body: list[tuple[int, int, str]], persons: set[str]) -> bool:
    """A plain two-word name joined by "and" to a person the article names: another person."""
    if len(body) != 2 or any(
        not w[:1].isupper() or not w[1:].islower() or w.lower() in NOT_NAME_WORDS or w.lower() in ORG_SUFFIXES
        for _, _, w in body
    ):
        return False
    found = _PERSON_AND_BEFORE_RE.search(text, max(0, body[0][0] - 50), body[0][0])
    return found is not None and found.group(1) in persons


# A lower-case unit noun after a run of department words: "the Cloud & Data division".
_DEPARTMENT_UNIT_AFTER_RE = re.compile(
    r"\s+(?:division|unit|business|segment|department|group|team|arm|practice|organi[sz]ation|function)s?\b"
)


def _department_run(text: str, body: list[tuple[int, int, str]]) -> bool:
    """Words that all name functions or business lines, joined by "&" or followed by a unit noun:
    a department ("Research & Development", "the Devices & Services division"), not a company.
    Real companies named with such words ("Global Payments") have neither."""
    words = [w.lower() for _, _, w in body if w.lower() not in {"&", "and", "of"}]
    if len(body) < 2 or not words or any(w not in DEPARTMENT_WORDS for w in words):
        return False
    joined = any(w == "&" for _, _, w in body)
    return joined or bool(_DEPARTMENT_UNIT_AFTER_RE.match(text, body[-1][1]))


_UNIT_WORDS = frozenset(
    {"international", "insurance", "operations", "retail", "wholesale", "commercial", "global"}
)
_GROUND_WORDS = frozenset({"stadium", "arena", "moor", "ground", "grounds"})
_VENUE_WORDS = frozenset({"stadium", "arena", "moor", "ground", "grounds"})


# A state or province after a town: "Tarwick, Ore.", "Tarwick, Ohio,", "Tarwick, Tenn.-based".
_STATE_AFTER_RE = re.compile(
    r",\s+([A-Z][a-z]{1,12}\.?|[A-Z]\.[A-Z]\.)(?=-based\b|\s*[,;:)\n]|\s+[a-z]|\s*$)"
)


def _in_state(text: str, end: int) -> bool:
    found = _STATE_AFTER_RE.match(text, end, min(len(text), end + 20))
    return found is not None and found.group(1).lower() in PLACE_WORDS


def _is_place(text: str, body: list[tuple[int, int, str]]) -> bool:
    """Every word names a place or its people ("New South Wales", "Swiss", "Colo.")."""
    for _, end, word in body:
        low = word.lower()
        if low in ORG_SUFFIXES or (low not in PLACE_WORDS and low + "." not in PLACE_WORDS):
            return False
        if low not in PLACE_WORDS and text[end : end + 1] != ".":
            return False  # "Mass" and "Ind" are places only as "Mass." and "Ind."
    return True


# "Kestrel Dynamics, a Boston company that builds drones": an aside that says what it is.
_ORG_APPOSITIVE_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+"
    # "Bo Chan, the founder of payments company Acme": a person's role over a company.
    r"(?!(?:former\s+|co-)?(?:founder|co-founder|owner|boss|chief|head|chair\w*|president|director|partner|"
    r"ceo|cfo|coo|cto|executive)\s+(?:of|at)\s)"
    r"(?:[\w-]+\s+){0,4}?(?:company|firm|maker|startup|start-up|group|lender|bank|"
    r"retailer|developer|provider|manufacturer|supplier|operator|chain|subsidiary|unit|platform|agency)\b(?!['’])"
    # "Bo Chan, the former Acme Bank deputy CEO": the company's word is part of a person's title.
    r"(?!\s+(?:deputy\s+|vice\s+|co-)?(?:ceo|cfo|coo|cto|chief|president|chair\w*|director|head|manager|"
    r"executive|officer|founder|co-founder|partner|economist|analyst|spokes\w+)\b)"
    # "handing over to Jane Doe, the supermarket operator told the exchange": the company speaks.
    r"(?!\s+(?:said|says|told|tells|announced|added|noted|stated|confirmed)\b)",
    re.IGNORECASE,
)


def _org_context(text: str, start: int, end: int, possessive: bool) -> bool:
    """ "chief executive of Brindle Foods", "left Pexa Health", "Brindle Foods' board", "Quanta Grid said"."""
    if possessive or _ORG_VERB_AFTER_RE.match(text[end:]) or _ORG_APPOSITIVE_RE.match(text[end : end + 80]):
        return True
    if LEGAL_FORM_AFTER_RE.match(text[end : end + 12]):
        return True
    if _COMPANY_BEFORE_RE.search(text[max(0, start - 40) : start]) or _COMPANY_AFTER_RE.match(
        text[end : end + 100]
    ):
        return True
    before = text[max(0, start - 40) : start]
    return bool(_ORG_CONTEXT_BEFORE.search(before) or _FOUNDED_BEFORE_RE.search(before))


_SHOP_NAMED_FOR_RE = re.compile(
    r"\b(?:chain|company|firm|business|brand|restaurant|shop|store|bakery|label|group)\s+$", re.IGNORECASE
)
_SHOP_NAME_END_RE = re.compile(r"(?:['’]s)?(?=\s+(?:in|and|on|at|which|that|for|from|since)\b|\s*[,.;])")
_LOWER_PRIZE_AFTER_RE = re.compile(
    r" (?:award|prize|medal|trophy)\b(?![\w-])(?! (?:money|fund|pot|draw|winnings)\b)"
)
_PRIZE_OWNER_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+['’]s $")


def _award_mention(text: str, chunk: _Chunk) -> Mention | None:
    tokens = list(chunk.tokens)
    while tokens and tokens[0][2].lower() in {"the", "a", "an", "this", "his", "her", "their", "its"}:
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    owner = _PRIZE_OWNER_RE.search(text, max(0, start - 30), start)
    if owner:
        start = owner.start()  # "the Queen's Award", "the Chairman's Prize"
    # "Nobel Prize in physics": the field often follows in lower case.
    tail = re.match(r" in ([a-z]+(?: or [a-z]+)?)\b", text[end : end + 40])
    if tail and tokens[-1][2].lower() in _AWARD_WORDS:
        end += tail.end()
    name = text[start:end]
    if name.lower() in _AWARD_WORDS:
        return None
    return Mention(start, end, "award", name, chunk.possessive, "name")


def _is_org_shape(body: list[tuple[int, int, str]]) -> bool:
    lows = [w.lower() for _, _, w in body]
    if "&" in lows[1:-1]:
        return True  # "Quenby & Dart"
    common = [w.lower() for _, _, w in body if not _is_brand_camel(w)]
    if len(common) == len(lows) and all(w in NOT_NAME_WORDS or w.rstrip(".") in ORG_SUFFIXES for w in common):
        return False  # "AI", "Inc", "Research Group" alone name nothing
    if lows[-1] in ORG_SUFFIXES or lows[-1].rstrip(".") in ORG_SUFFIXES:
        return True
    if {"university", "institute", "academy", "bank", "college", "school"} & set(lows):
        return True
    return (
        any(_is_brand_camel(w) or (w.isupper() and 2 <= len(w) <= 6) for _, _, w in body) and len(body) <= 3
    )


# After a capitalised place opening a story: "PITTSBURGH —", "LONDON, June 3 (Wire) -".
_DATELINE_AFTER_RE = re.compile(r"^\W{0,3}\s*(?:[—–:-]|,\s*[A-Z][a-z]{2,8}\.?\s+\d|\()")

_UNIT_AFTER_RE = re.compile(
    r"^\s+(?:studio|office|offices|arm|plant|factory|campus|unit|division|branch|hub|headquarters|site|"
    r"bureau|store|warehouse|hotel|restaurant|shop|mine|port|airport|base|clinic|hospital)\b"
)

# Words that put a title in the past: "former chief executive of Acme", "previously CFO at Acme".
_FORMER_RE = re.compile(r"\b(?:former|formerly|previously|ex-|onetime|one-time|erstwhile)", re.IGNORECASE)

# What companies do and people seldom do: "Acme has appointed", "Acme raised", "Acme acquired".
_ORG_ONLY_AFTER_RE = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+)?(?:appointed|named|hired|raised|acquired|filed|reported|posted|"
    r"closed|secured|laid off|cut|promoted)\b"
)

# "Acme has hired", "Acme said", "Acme raised": verbs that make an opening word a company.
_ORG_VERB_AFTER_RE = re.compile(
    r"^\s+(?:has|have|had|is|was|said|says|announced|named|hired|appointed|raised|will|reported|plans|"
    r"agreed|acquired|launched|elected|filed|closed|closes|secured|secures|landed|lands|raises|promoted|"
    r"picked\s+up|picks\s+up|bagged|bags|(?:came|comes|emerged|emerges)\s+(?:out\s+of|from)\s+stealth)\b"
)


# Where a lone capitalised word is a place: "based in X", "a rented garage in X".
_PLACE_BEFORE_RE = re.compile(
    r"\b(?:based|headquartered|located|garage|office|offices|plant|factory|born|raised|lives|lived|"
    r"home|city|town|set\s+up|founded|established|started|launched|incorporated|registered|opened)\s+(?:in|of)\s+$",
    re.IGNORECASE,
)
# A lone capitalised word followed by a lower-case descriptor and then a name or a person's noun.
_DESCRIBED_NAME_AFTER_RE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:(?:start-?up|producer|company|firm|group|maker|developer|retailer|"
    r"operator|insurer|lender|bank|miner|brewer|winery|chain|manufacturer|supplier|exporter|importer|"
    r"enterprise|charity|nonprofit|non-profit|co-op|cooperative)"
    r"\s+(?-i:[A-Z])|(?:pioneer|entrepreneur|businessman|businesswoman|magnate|tycoon)s?\b)"
)
_IN_AFTER_COMPANY_RE = re.compile(r"\b([A-Z][\w&.'’-]*)\s+in\s+$")
# "a Lyon supplier of parts", "an Oslo software company": a place word describing a company.
_PLACE_DESCRIBES_RE = re.compile(r"^\s+(?:[a-z-]+\s+){0,3}?(?:" + "|".join(DESCRIPTION_HEADS) + r")\b")


def _loosely_capitalised(text: str, chunk: _Chunk) -> bool:
    """A headline, or a profile line of "Title | Team | Role" fields: capitals say little there."""
    if chunk.headline:
        return True
    line_start = text.rfind("\n", 0, chunk.start) + 1
    line_end = text.find("\n", chunk.end)
    return " | " in text[line_start : line_end if line_end >= 0 else len(text)]


# The company noun ends the aside ("a cloud-security firm,", "a company offering cards"), unlike
# "a company director" or "a firm believer", which describe people.
_APPOSITIVE_HEAD_END_RE = re.compile(
    r"\s*[,.;()]|\s+(?:that|which|whose|based|with|offering|in|from|developing|building|making|selling|"
    r"specia\w+|focused|headquartered|backed|founded|providing|for|of|behind|known)\b"
)
# "Acme, founded in 2015 by Jane Doe, makes robots": an aside that tells how a company began.
_FOUNDED_ASIDE_RE = re.compile(
    r",\s+(?:which\s+was\s+)?(?:co-?founded|founded|established|incorporated)\s+(?:in|by)\b"
)
_WHICH_CLAUSE_RE = re.compile(r",\s+which\s+[^,.;()]{1,60},")


def _single_word_org(
    text: str,
    token: tuple[int, int, str],
    initial: bool,
    known_caps: Counter[str],
    possessive: bool,
    loose: bool = False,
    loose_headline: bool = False,
) -> bool:
    word = token[2]
    if (
        word.lower() in NOT_NAME_WORDS
        or word.lower() in NOT_SINGLE_WORD_ORGS
        or len(word) < 2
        or word.isdigit()
    ):
        return False
    if word.isupper() or _is_brand_camel(word):
        return True
    if _DESCRIBED_NAME_AFTER_RE.match(text, token[1]):
        return False  # "Galway start-up Curach Health", "a Darwin freight pioneer": a place word
    suffixed = _IN_AFTER_COMPANY_RE.search(text, max(0, token[0] - 30), token[0])
    if suffixed and suffixed.group(1).lower() in ORG_SUFFIXES:
        return False  # "joined Kessock Chemicals in Sarnia": where the company is
    if _PLACE_BEFORE_RE.search(text[max(0, token[0] - 30) : token[0]]) or (
        re.search(r"\b(?:a|an)\s+$", text[max(0, token[0] - 4) : token[0]], re.IGNORECASE)
        and _PLACE_DESCRIBES_RE.match(text[token[1] : token[1] + 50])
    ):
        return False  # "a garage in Turin", "a Lyon supplier of parts": a place
    # A word capitalised only because it opens a sentence counts when it is capitalised elsewhere,
    # owns something ("Acme's chief scientist") or acts like a company ("Acme has hired").
    if possessive or _ORG_VERB_AFTER_RE.match(text[token[1] :]):
        return True
    if initial:
        # "Orbis, a cloud-security firm, has raised ...": an aside says what the opening word is.
        # ("Separately, the retailer named ..." is an adverb before the subject, so "a"/"an" only.)
        aside = text[token[1] : token[1] + 80]
        # "Orbis, which makes payroll software, raised ...": what follows the clause is what companies do.
        clause = _WHICH_CLAUSE_RE.match(aside)
        return (
            known_caps[word] >= 1
            or bool(
                re.match(r",\s+an?\s", aside)
                and (head := _ORG_APPOSITIVE_RE.match(aside))
                and _APPOSITIVE_HEAD_END_RE.match(aside[head.end() :])
            )
            or bool(clause and _ORG_ONLY_AFTER_RE.match(aside[clause.end() :]))
            or bool(_FOUNDED_ASIDE_RE.match(aside))
            or _employer_of_titled_person(text, token)
        )
    if not loose:
        return True
    # In a headline or a "Title | Team | Role" profile line every word is capitalised: a word named
    # nowhere else with nothing a company does around it is not an organization.
    if known_caps[word] >= (1 if loose_headline else 2):  # a headline's own words are not counted
        return True
    before = text[max(0, token[0] - 40) : token[0]]
    after = text[token[1] : token[1] + 100]
    return bool(
        _ORG_CONTEXT_BEFORE.search(before)
        or _COMPANY_BEFORE_RE.search(before)
        or _COMPANY_AFTER_RE.match(after)
        or _ORG_APPOSITIVE_RE.match(after)
        or LEGAL_FORM_AFTER_RE.match(after)
    )


# "Astra senior vice-president Jane Doe ...": a sentence-opening word whose title and person follow.
_TITLED_PERSON_AFTER_RE = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,4}?)[A-Z][a-z]")


_OPENING_ADVERBS = frozenset(
    [
        "veteran",
        "star",
        "top",
        "meanwhile",
        "also",
        "earlier",
        "later",
        "now",
        "then",
        "here",
        "there",
        "elsewhere",
        "moreover",
        "however",
        "still",
        "yet",
        "instead",
        "thus",
        "hence",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "so",
        "but",
        "and",
        "or",
        "as",
        "since",
        "after",
        "before",
        "when",
        "while",
        "where",
        "once",
        "even",
        "both",
        "new",
        "ex",
    ]
)


# "Finance chief Jane Doe", "Group chief executive Bo Chan": a function or a scope before a title
# says which job, not which employer.
_FUNCTION_WORDS = frozenset(
    [
        "finance",
        "financial",
        "sales",
        "marketing",
        "technology",
        "tech",
        "operations",
        "legal",
        "research",
        "engineering",
        "product",
        "design",
        "communications",
        "strategy",
        "risk",
        "compliance",
        "digital",
        "editorial",
        "programming",
        "talent",
        "content",
        "commercial",
        "retail",
        "investment",
        "investments",
        "policy",
        "audit",
        "treasury",
        "security",
        "data",
        "growth",
        "people",
        "brand",
        "creative",
        "news",
        "sports",
        "group",
        "global",
        "regional",
        "country",
        "deputy",
        "senior",
        "former",
        "acting",
        "interim",
        "joint",
        "founding",
        "managing",
        "executive",
        "chief",
    ]
)


def _employer_of_titled_person(text: str, token: tuple[int, int, str]) -> bool:
    word = token[2].lower()
    if word.endswith(("ly", "ed", "ing", "al", "ous", "ive", "ful")) or word in _OPENING_ADVERBS:
        return False  # "Newly appointed / Ousted / Retiring / Veteran chief executive Jane Doe"
    if word in _FUNCTION_WORDS:
        return False
    found = _TITLED_PERSON_AFTER_RE.match(text, token[1])
    if found is None:
        return False
    title = TITLE_RE.search(found.group(1))
    return title is not None and not found.group(1)[title.end() :].strip()


def _register_expansion(
    text: str, chunks: list[_Chunk], index: int, mention: Mention, org_aliases: dict[str, str]
) -> None:
    """ "FAIR (Facebook AI Research)" and "Safe Superintelligence Inc (SSI)" name one organization."""
    if mention.kind != "org" or index + 1 >= len(chunks):
        return
    nxt = chunks[index + 1]
    if text[mention.end : nxt.start].strip() != "(" or text[nxt.end : nxt.end + 1] != ")":
        return
    inner = text[nxt.start : nxt.end]
    if inner in org_aliases or len(inner) < 2:
        return
    short, long = (inner, mention.name) if len(inner) < len(mention.name) else (mention.name, inner)
    if _acronym_of(short, long):
        org_aliases[inner] = mention.name


def _acronym_of(short: str, long: str) -> bool:
    """FAIR / Facebook AI Research, SSI / Safe Superintelligence Inc: the letters are the initials."""
    letters = "".join(c for c in short if c.isalpha())
    if not letters or not letters.isupper():
        return False
    initials = "".join(w if w.isupper() else w[0] for w in long.replace("-", " ").split() if w[0].isalpha())
    return letters == initials.upper()


# After a company opening a lead sentence: an optional ticker or aside, then what it did.
# Example: "Acme Foods, the Danish maker of valves, said", "Acme, Inc. (Nasdaq: ACME), a developer of
# tests, today announced", "Acme Trust has chosen".
_SUBJECT_TAIL_RE = re.compile(
    r"^(?:,?\s+(?:inc|ltd|plc|llc|corp|s\.a|n\.v|ag)\b\.?)?(?:\s*\([^()]{1,40}\))?"
    r"(?:,\s+(?:the|a|an|which|whose)\b[^;]{1,160}?,)?"
    r"\s+(?:today\s+|on\s+\w+\s+|\w+day\s+)?(?:has|have|had|is|was|will|said|says|announced|"
    r"announces|named|names|appointed|appoints|hired|hires|chose|confirmed|reported|dismissed|fired|"
    r"promoted|elected)\b",
    re.IGNORECASE,
)


def _lead_subjects(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[str]:
    """Companies that are the subject of an opening sentence: what a wire story or release is about."""
    found = []
    for sentence in sentences:
        for mention in mentions:
            if mention.start >= sentence.end:
                break
            if mention.start < sentence.start:
                continue
            if mention.kind == "org" and mention.via == "name":
                lead = text[sentence.start : mention.start]
                opens = not re.search(r"[^\W_]", DATELINE_RE.sub("", lead, count=1))
                if opens and _SUBJECT_TAIL_RE.match(text[mention.end : mention.end + 240]):
                    found.append(mention.name)
            break  # only the sentence's first name can open it
    return found


def _main_org(mentions: list[Mention], lead_end: int = 0, subjects: list[str] | None = None) -> str | None:
    """The organization the article is about: the one it names most ("Acme AI" counts for Acme),
    a mention in the headline or first sentence counting three times, the subject of an opening
    sentence ("Acme Foods, the Danish valve maker, said") six times."""
    counts = Counter(m.name for m in mentions if m.kind == "org")
    for m in mentions:
        if m.kind == "org" and m.end <= lead_end:
            counts[m.name] += 2
    for name in set(subjects or []):
        counts[name] += 5
    for name in list(counts):
        head = name.split()[0]
        if head != name and head in counts:
            counts[head] += counts[name]
        # "Deccan Spinfab Ltd" counts for "Deccan Spinfab".
        words = name.split()
        while len(words) > 1 and words[-1].lower() in _LEGAL_SUFFIXES:
            words = words[:-1]
            short = " ".join(words)
            if short in counts and short != head:
                counts[short] += counts[name]
                break
    if not counts:
        return None
    best = max(counts.values())
    for m in mentions:
        if m.kind == "org" and counts[m.name] == best:
            return _full_name(m.name, counts)
    return None


_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "group",
        "holdings",
        "company",
        "gmbh",
        "ag",
    ]
)


def _full_name(head: str, counts: Counter[str]) -> str:
    """ "Halden" and "Halden Group" in one article: the company is "Halden Group"."""
    for name in counts:
        rest = name[len(head) :].split()
        if name.startswith(head + " ") and rest and all(w.lower() in _LEGAL_SUFFIXES for w in rest):
            return name
    return head


# --- references -----------------------------------------------------------------------------


def _resolve_references(
    text: str, sentences: list[Sentence], mentions: list[Mention], main_org: str | None
) -> list[Mention]:
    """Add pronoun and description mentions, each resolved to what came before it."""
    extra: list[Mention] = []
    dropped: set[int] = set()
    # Photo credits and asides in brackets are not antecedents: "(Photo: Jane Doe)".
    # Possessives ("since Doe's exit") are rarely what a later "she" points to.
    persons = [
        m for m in mentions if m.kind == "person" and not m.possessive and not _in_brackets(text, m.start)
    ]
    person_ends = [p.end for p in persons]
    starts = [m.start for m in mentions]
    described = _descriptions(text, mentions)
    label: str | None = None  # the company a roundup item opens with ("Kiteflyer: ...")
    headed: str | None = None  # the company a capitals heading put above the current item
    previous: Sentence | None = None
    opened_by: Mention | None = None  # the person a pronoun opening the last sentence stood for
    for sentence in sentences:
        body = sentence.text
        subject = _subject_of(persons, previous) or opened_by
        previous = sentence
        opened_by = None
        opening = _opening_org(text, mentions, starts, sentence)
        if sentence.line_start and _CAPS_HEADING_RE.match(body):
            # "VOLTFJORD (Malmö, energy storage)": the paragraphs below are about it, up to the
            # next heading ("ONE TO WATCH" names no company and ends the item).
            label = headed = _caps_heading(text, body, mentions)
        elif opening is not None and text[opening.end : opening.end + 1] == ":":
            label = opening.name
        elif sentence.line_start and headed is None:
            # A new line without a label ends the item; one opened by an industry ("Fintech: Acme
            # raised ...") is about the first company it names.
            sector = _SECTOR_LABEL_RE.match(body)
            label = (
                _first_org(mentions, starts, sentence.start + sector.end(), sentence.end)
                if sector and is_sector_label(sector.group(1).split())
                else None
            )
        for match in _PRONOUN_RE.finditer(body):
            at = sentence.start + match.start()
            wanted = "female" if match.group().lower() == "she" else "male"
            antecedent = _last_person(persons, bisect_right(person_ends, at), wanted)
            subject_gender = gender_of(subject.name) if subject is not None else None
            antecedent_gender = gender_of(antecedent.name) if antecedent else "either"
            if (
                subject is not None
                and match.start() <= 2
                and subject_gender in (wanted, "either")
                and (subject_gender == wanted or antecedent_gender != wanted)
            ):
                # "A will move to X, reporting to B. He will be succeeded by C": a pronoun opening
                # the sentence carries on the last sentence's subject, not its last-named object,
                # unless only the object's given name fits the pronoun.
                antecedent = subject
            if antecedent is not None and match.start() <= 2:
                opened_by = antecedent  # "He came back ... He became COO": the chain goes on
            if antecedent is not None:
                extra.append(
                    Mention(at, at + len(match.group()), "person", antecedent.name, False, "pronoun")
                )
        if main_org is None:
            continue
        for match in DESCRIPTION_RE.finditer(body):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            first = max(0, bisect_left(starts, start) - 1)
            inside = [i for i in range(first, bisect_left(starts, end)) if start < mentions[i].end]
            # "the ChatGPT maker": a product named inside a description is not the company.
            if any(
                mentions[i].kind != "org" or mentions[i].end >= end or mentions[i].possessive for i in inside
            ):
                continue
            dropped.update(inside)
            possessive = bool(_POSSESSIVE_RE.match(text[end:]))
            # "the Kestrel company", "the Acme group": the description names its company.
            own = (
                mentions[inside[0]].name
                if len(inside) == 1
                and mentions[inside[0]].via == "name"
                and re.fullmatch(
                    r"(?:the|this|that)\s+", text[start : mentions[inside[0]].start], re.IGNORECASE
                )
                and re.fullmatch(r"\s+[a-z-]+", text[mentions[inside[0]].end : end])
                else None
            )
            referent = (
                own
                or _named_like(mentions, starts, start, match.group())
                or _earlier_org(text, mentions, starts, sentence.start, start)
                or label
                or _described_as(described, match.group(), start)
                or main_org
            )
            extra.append(Mention(start, end, "org", referent, possessive, "description"))
    kept = [m for i, m in enumerate(mentions) if i not in dropped]
    return sorted(kept + extra, key=lambda m: m.start)


_RELATIVE_OPEN_RE = re.compile(r",\s*(?:who|which|where|whose)\b", re.IGNORECASE)


def _earlier_org(text: str, mentions: list[Mention], starts: list[int], begin: int, at: int) -> str | None:
    """ "Stellaro Pay: Jane Doe joined the payments processor": the company named earlier in the
    sentence, unless it sits in a relative clause or brackets ("who's led Acme since 2018")."""
    for index in range(bisect_left(starts, at) - 1, -1, -1):
        mention = mentions[index]
        if mention.start < begin:
            break
        if mention.kind != "org" or mention.via != "name":
            continue
        segment = text[begin : mention.start]
        openers = list(_RELATIVE_OPEN_RE.finditer(segment))
        if openers and "," not in segment[openers[-1].end() :]:
            continue
        if segment.count("(") > segment.count(")") or _FORMER_RE.search(
            text[max(begin, mention.start - 40) : mention.start]
        ):
            continue
        return mention.name
    return None


_DESCRIBED_BEFORE_RE = re.compile(r"\b(" + "|".join(DESCRIPTION_HEADS) + r")\s+$", re.IGNORECASE)
_DESCRIBED_AFTER_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w&+-]+\s+){0,4}?(" + "|".join(DESCRIPTION_HEADS) + r")\b", re.IGNORECASE
)
# Heads too general to tell one company from another: "the company" is the story's company.
_GENERAL_HEADS = frozenset(("company", "firm", "group", "business"))


def _descriptions(text: str, mentions: list[Mention]) -> list[tuple[int, str, str]]:
    """Where the article describes a named company with a head noun: "shift-scheduling startup
    Tandemly", "Tandemly, a Seattle startup": (position, head, company)."""
    found = []
    for mention in mentions:
        if mention.kind != "org" or mention.via != "name":
            continue
        before = _DESCRIBED_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
        after = _DESCRIBED_AFTER_RE.match(text, mention.end, mention.end + 80)
        for head in (before, after):
            if head is not None and head.group(1).lower() not in _GENERAL_HEADS:
                found.append((mention.start, head.group(1).lower(), mention.name))
    return found


def _described_as(described: list[tuple[int, str, str]], description: str, at: int) -> str | None:
    """ "the startup" after "Tandemly, a Seattle startup": the last company described so."""
    head = description.split()[-1].lower()
    earlier = [name for position, seen, name in described if seen == head and position < at]
    return earlier[-1] if earlier else None


def _named_like(mentions: list[Mention], starts: list[int], at: int, description: str) -> str | None:
    """ "the foundation" after "the Baltic Science Foundation": the last organization so named."""
    head = description.split()[-1].lower()
    for index in range(bisect_left(starts, at) - 1, -1, -1):
        mention = mentions[index]
        if mention.kind == "org" and mention.via == "name" and mention.name.split()[-1].lower() == head:
            return mention.name
    return None


# A round-up item's heading in capitals: "VOLTFJORD (Malmö, energy storage)", "TESSIN QUANT".
_CAPS_HEADING_RE = re.compile(
    r"^[\W_]{0,3}(?P<name>[A-Z][A-Z0-9&'’.\- ]{1,40}?[A-Z0-9])\s*(?P<note>\([^()]{2,60}\))?\s*$"
)


def _caps_heading(text: str, line: str, mentions: list[Mention]) -> str | None:
    """The company a capitals heading line names, spelt as the article spells it elsewhere (else
    in title case). A heading counts when a place or sector note follows it in brackets, or when
    the article names the company in ordinary case: "ONE TO WATCH" is no company."""
    found = _CAPS_HEADING_RE.match(line)
    if found is None or not found.group("name").isupper():
        return None
    name = found.group("name")
    spelt = next((m.name for m in mentions if m.kind == "org" and m.name.casefold() == name.casefold()), None)
    if spelt is not None:
        return spelt
    titled = " ".join(w[:1] + w[1:].lower() for w in name.split())
    if found.group("note") or re.search(rf"\b{re.escape(titled)}\b", text):
        return titled
    return None


# An industry label opening a round-up item: "Agritech: ", "Consumer tech: ".
_SECTOR_LABEL_RE = re.compile(r"^[\W_]{0,3}([A-Za-z][\w&+-]*(?: [A-Za-z][\w&+-]*){0,2}):\s")


def _first_org(mentions: list[Mention], starts: list[int], begin: int, end: int) -> str | None:
    for mention in mentions[bisect_left(starts, begin) :]:
        if mention.start >= end:
            break
        if mention.kind == "org" and mention.via == "name":
            return mention.name
    return None


def _opening_org(text: str, mentions: list[Mention], starts: list[int], sentence: Sentence) -> Mention | None:
    index = bisect_left(starts, sentence.start)
    if index < len(mentions):
        mention = mentions[index]
        if mention.kind == "org" and mention.via == "name" and mention.start == sentence.start:
            return mention
    return None


def _subject_of(persons: list[Mention], sentence: Sentence | None) -> Mention | None:
    """The person a sentence opens with (its subject), if it opens with one."""
    if sentence is None:
        return None
    for person in persons:
        if person.start >= sentence.end:
            return None
        if person.start >= sentence.start:
            return person if person.start - sentence.start <= 25 else None
    return None


def _last_person(persons: list[Mention], before: int, wanted: str) -> Mention | None:
    """The closest earlier person whose given name fits the pronoun (a few back at most)."""
    for index in range(before - 1, max(-1, before - 12), -1):
        if gender_of(persons[index].name) in (wanted, "either"):
            return persons[index]
    return None


def _in_brackets(text: str, at: int) -> bool:
    line_start = max(text.rfind("\n", max(0, at - 300), at) + 1, at - 300)
    segment = text[line_start:at]
    return segment.count("(") > segment.count(")")


# --- titles and affiliations ----------------------------------------------------------------

# "OpenAI's chief technology officer Jane Doe" / "Acme CEO Jane Doe": org, title, then the person.
_TITLE_BEFORE_RE = re.compile(r"(?:[,(]\s*|\s)?$")


def _collect_titles_and_affiliations(text: str, entities: Entities) -> None:
    mentions = entities.mentions
    for index, mention in enumerate(mentions):
        if mention.kind != "person" or mention.via == "pronoun":
            continue
        title, org = title_near(text, mentions, index)
        entities.near_titles[index] = (title, org)
        if title and mention.name not in entities.titles:
            entities.titles[mention.name] = title
        org = org or _workplace_after(text, mentions, index)
        if org and mention.name not in entities.affiliations:
            entities.affiliations[mention.name] = org


# "Jane Doe, 61, is a professor at Acme University", "Doe's research is carried out at Acme",
# "Doe works at Acme".
_WORKPLACE_GAP_RE = re.compile(
    r"^(?:['’]s?\s+[a-z]+)?(?:,\s*(?:aged\s+)?\d{1,3},)?\s*(?:[\w-]+\s+){0,6}?(?:at|of|with)\s+(?:the\s+)?$"
)
_WORK_WORDS_RE = re.compile(
    r"\b(?:works?|worked|working|professor|research\w*|scientist|engineer|fellow|employed|ceo|chief|head|"
    r"director|lecturer|chair\w*|president|founder|executive|partner|leads|led|runs|lab|laboratory)\b",
    re.IGNORECASE,
)
# "Acme Labs, where Jane Doe, 39, also works": the workplace comes first.
_WHERE_GAP_RE = re.compile(r"^,?\s*where\s+$")


def _workplace_after(text: str, mentions: list[Mention], index: int) -> str | None:
    person = mentions[index]
    for mention in mentions[index + 1 :]:
        if mention.start - person.end > 70 or mention.kind == "person":
            break
        if mention.kind == "org" and mention.via == "name":
            gap = text[person.end : mention.start]
            if (
                "." not in gap
                and ";" not in gap
                and _WORKPLACE_GAP_RE.match(gap)
                and _WORK_WORDS_RE.search(gap)
            ):
                return mention.name
            break
    for back in range(index - 1, -1, -1):
        mention = mentions[back]
        if person.start - mention.end > 12:
            break
        if mention.kind == "org" and _WHERE_GAP_RE.match(text[mention.end : person.start]):
            return mention.name
    return None


_DEGREES_AFTER_RE = re.compile(r"(?:,\s*" + DEGREE_RE.pattern + r")+")


def title_near(text: str, mentions: list[Mention], index: int) -> tuple[str | None, str | None]:
    """The title and organization written next to a person mention, if any.

    Before: "Acme's chief financial officer, Jane Doe" / "Acme CEO Jane Doe".
    After: "Jane Doe, Acme's chief financial officer," / "Jane Doe, chief executive of Acme" /
    "Jane Doe (chief product officer)".
    """
    person = mentions[index]
    line_start = text.rfind("\n", 0, person.start) + 1
    window = text[max(line_start, person.start - 90) : person.start]
    titles = list(TITLE_RE.finditer(window))
    if titles:
        last = titles[-1]
        gap = window[last.end() :]
        # "Acme's chief scientist and deep learning pioneer Jane Doe": the title still holds.
        if re.fullmatch(r"\s*,?\s*(?:and\s+(?:[a-z-]+\s+){1,3})?", gap):
            start = _extend_title_left(window, last.start())
            title = window[start : last.end()]
            owner = _org_before(mentions, index, person.start - len(window) + start)
            if _FORMER_RE.search(window[max(0, start - 12) : last.end()]):
                return title.strip(), None  # "former CFO of Acme": not where the person is now
            if owner is None and re.search(r"\bits\s+$", window[:start]):
                owner = _subject_org_before(text, mentions, index)  # "Acme said its CFO, Jane Doe, ..."
            return title.strip(), owner
        # A founder stays one after leaving: "the co-founder of Acme, Jane Doe" holds no post there.
        of_org = _title_of_org_gap(text, mentions, person.start - len(window) + last.end(), person.start)
        if (
            of_org is not None
            and "founder" not in last.group().lower()
            and not _FORMER_RE.search(window[max(0, last.start() - 12) : last.end()])
        ):
            return last.group().strip(), of_org.name
    # "Jane Doe, M.D., Chief Medical Officer": degree letters stand between the name and the title.
    degrees = (
        _DEGREES_AFTER_RE.match(text, person.end, person.end + 40)
        if "." in text[person.end : person.end + 8]
        else None
    )
    name_end = degrees.end() if degrees else person.end
    after = text[name_end : name_end + 120]
    appositive = re.match(
        r"(?:,\s*|\s*\(|\s+[-–—]\s+)(?:the\s+|a\s+|an\s+|its\s+|previously\s+the\s+)?", after
    )
    if appositive:
        rest_at = name_end + appositive.end()
        tied = _org_at(mentions, rest_at)
        cursor = rest_at
        if tied is not None:
            cursor = tied.end + (
                2 if text[tied.end : tied.end + 2] in {"'s", "’s"} else 1 if tied.possessive else 0
            )
            cursor = cursor + (len(text[cursor:]) - len(text[cursor:].lstrip()))
        found = TITLE_RE.match(text, cursor)
        if found and SPEECH_AFTER_RE.match(text, found.end()):
            found = None  # "to succeed Booth, the chairman said": the title is the speaker's
        if found:
            end = _extend_title_right(text, found.end())
            title = text[found.start() : end]
            if tied is None:
                of = re.match(r"\s+(?:of|at)\s+(?:the\s+)?", text[end : end + 12])
                if of:
                    tied = _org_at(mentions, end + of.end())
            if _FORMER_RE.search(text[rest_at - 14 : end]):
                return title.strip(), None
            return title.strip(), tied.name if tied else None
    return None, None


def _title_of_org_gap(
    text: str, mentions: list[Mention], title_end: int, person_start: int
) -> Mention | None:
    """ "The chairman of Acme Group, Jane Doe": the company named between a title and the person,
    set off by a comma, is where she holds the title."""
    of = re.match(r"\s+(?:of|at)\s+(?:the\s+)?", text[title_end:person_start])
    if of is None:
        return None
    org = _org_at(mentions, title_end + of.end())
    if org is None or org.via != "name" or not re.fullmatch(r"\s*,\s*", text[org.end : person_start]):
        return None
    return org


def _extend_title_left(window: str, start: int) -> int:
    """Take in "co-founder and" before "Chief Scientist"."""
    joined = re.search(r"([\w-]+)\s+(?:and|&)\s+$", window[:start])
    if joined and TITLE_RE.fullmatch(joined.group(1)):
        return joined.start(1)
    return start


def _extend_title_right(text: str, end: int) -> int:
    joined = TITLE_RE.match(text, end + 5) if text[end : end + 5].lower() == " and " else None
    return joined.end() if joined else end


def _subject_org_before(text: str, mentions: list[Mention], index: int) -> str | None:
    """The organization named earlier on the same line, which "its" refers to."""
    line_start = text.rfind("\n", 0, mentions[index].start) + 1
    for back in range(index - 1, -1, -1):
        mention = mentions[back]
        if mention.start < line_start:
            break
        if (
            mention.kind == "org"
            and mention.via == "name"
            and not _inside_aside(text, mentions, back, line_start)
        ):
            return mention.name
    return None


# An aside opened right after a company and not closed yet: "Acme, the owner of the X and Y labels".
_ASIDE_OPEN_RE = re.compile(r"\)?,\s+(?:the|a|an)\s+[^,;()]*$")


def _inside_aside(text: str, mentions: list[Mention], index: int, line_start: int) -> bool:
    """A company named inside the aside that describes an earlier company of the line."""
    for back in range(index - 1, -1, -1):
        other = mentions[back]
        if other.start < line_start:
            break
        if (
            other.kind == "org"
            and other.via == "name"
            and _ASIDE_OPEN_RE.match(text, other.end, mentions[index].start)
        ):
            return True
    return False


def _org_before(mentions: list[Mention], index: int, title_start: int) -> str | None:
    for back in range(index - 1, -1, -1):
        mention = mentions[back]
        if mention.end <= title_start and title_start - mention.end <= 3 and mention.kind == "org":
            return mention.name
        if mention.end < title_start - 3:
            break
    return None


def _org_at(mentions: list[Mention], at: int) -> Mention | None:
    index = _bisect(mentions, at)
    for mention in mentions[index : index + 3]:
        if mention.start == at and mention.kind == "org":
            return mention
    return None


def _bisect(mentions: list[Mention], at: int) -> int:
    low, high = 0, len(mentions)
    while low < high:
        middle = (low + high) // 2
        if mentions[middle].start < at:
            low = middle + 1
        else:
            high = middle
    return low
