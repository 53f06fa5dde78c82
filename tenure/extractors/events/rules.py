"""Trigger rules: the phrasings that state an event, as data with an example each.

A rule names its event type, where the person stands relative to the trigger, a status (for
departures) and a confidence: specific phrasings ("was named chief executive") rank above loose
ones ("to lead"). Rules run in table order; a later rule whose trigger overlaps an earlier match in
the same sentence is skipped, so "will move to report to" is a reporting change, not a move.
Every regex is linear: bounded repeats only, no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tenure.extractors.events.money import ISO_CODE_ALTERNATION, ISO_CODES

PersonSide = Literal["before", "after", "voice", "list-before", "list-after", "possessive", "none"]


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    type: str
    pattern: re.Pattern[str]
    person: PersonSide
    confidence: float
    example: str
    status: str | None = None
    # "A will replace B": an appointment of A (predecessor B) and a departure of B (successor A).
    pair: bool = False
    # Lower-case fragments one of which any match contains: a cheap test before the regex runs.
    needs: tuple[str, ...] = ()

    def finditer(self, text: str, present: frozenset[str]) -> list[re.Match[str]]:
        """Matches in `text`, given the `needs` fragments `present` in it (see `fragments_in`)."""
        if self.needs and present.isdisjoint(self.needs):
            return []
        return list(self.pattern.finditer(text))


# An amount of money starts here: "$3M", "US$ 5m", "KSh65 million", "CHF 4 million".
_MONEY_AHEAD = r"(?:(?:US\s?|[A-Z]{1,2})?[$€£₹₦¥]|Rs\.?\s?|KSh\s?|(?:" + ISO_CODE_ALTERNATION + r")\s?)\d"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# One adverb between auxiliary and verb: "is reportedly stepping down", "will soon leave".
_ADVERB = r"(?:[a-z]+ly|also|now|soon|still|both|all)"
_LEAVE = r"(?:leave|step down|step away|step aside|stand down|resign|retire|depart|exit|quit|part ways)"

# A short "when" or "how" between a passive verb and its "by": "from September 1", "on an interim
# basis", "temporarily". Bounded, so the regex stays linear.
_HOW_WHEN = (
    r"(?:(?:from|on|in|as\s+of|starting)\s+(?:[\w.]+\s+){1,3}?|on\s+an?\s+(?:interim|temporary|acting)\s+basis\s+|"
    r"temporarily\s+|jointly\s+)?"
)
# Pre-test fragments several rules share (see Rule.needs).
_LEAVE_WORDS = (
    "leave",
    "step down",
    "step away",
    "stand down",
    "resign",
    "retire",
    "depart",
    "exit",
    "quit",
    "part ways",
)
_LEAVING_WORDS = ("leaving", "departing", "stepping", "aside", "exiting", "retiring", "resigning", "quitting")
RULES: tuple[Rule, ...] = (
    # --- reporting lines (before departures/appointments so "move to report to" is claimed) ---
    Rule(
        "reporting.from-to",
        "reporting_change",
        _rx(r"\b(?:moved?|moving|shift(?:ed|ing)?|switch(?:ed|ing)?) from reporting to\b"),
        "before",
        0.85,
        "Jane Doe moved from reporting to Ann Lee to reporting to Bo Chan.",
        needs=("from reporting",),
    ),
    Rule(
        "reporting.will-report-to",
        "reporting_change",
        _rx(
            r"\b(?:(?:will\s+)?(?:move|moves|moved|moving|shift|begin|start)\s+to\s+)?report(?:s|ed|ing)?\s+(?:directly\s+)?to\b"
        ),
        "list-before",
        0.8,
        "Jane Doe and her team will move to report to Bo Chan.",
        needs=("report",),
    ),
    Rule(
        "reporting.join-under",
        "reporting_change",
        _rx(r"\b(?:join|joins|move|moves|moving|fold(?:ed)? into)\b[^.;:]{1,60}?\bunder\b"),
        "before",
        0.7,
        "The search team, led by Jane Doe, will join the cloud unit under Bo Chan.",
        needs=("under",),
    ),
    Rule(
        "reporting.takes-responsibility",
        "reporting_change",
        _rx(
            r"\b(?:take|takes|took|taking)\s+(?:on\s+|over\s+)?(?:responsibility|oversight)\s+for\s+(?=(?:the|its|our)\s)"
        ),
        "before",
        0.6,
        "Acme said finance chief Jane Doe will take on responsibility for the legal team.",
        needs=("responsibility for", "oversight for"),
    ),
    Rule(
        "reporting.unit-move",
        "reporting_change",
        _rx(
            r"\b(?:teams?|units?|divisions?|groups?|organi[sz]ations?)\b[^.;:]{0,100}?\bwill (?:move|be moved|shift|transfer) (?:to|into|under)\b"
        ),
        "none",
        0.6,
        "Acme's devices teams will move to the platforms group.",
        needs=("will move", "will be moved", "will shift", "will transfer"),
    ),
    # --- succession: one trigger, two events ---
    Rule(
        "succession.replaced-by",
        "appointment",
        _rx(
            r"\b(?:be|been|is|was|being|are|were)\s+(?:replaced|succeeded)\s+(?:in\s+\d{4}\s+)?"
            r"(?:as\s+(?:[\w-]+\s+){1,4}?)?by\b"
        ),
        "after",
        0.9,
        "Acme said Jane Doe will step down and be replaced by Omar Reyes.",
        status="announced",
        pair=True,
        needs=(
            "replaced by",
            "succeeded by",
            "replaced in",
            "succeeded in",
            "replaced as",
            "succeeded as",
        ),
    ),
    Rule(
        "succession.hands-reins",
        "appointment",
        _rx(
            r"\bhand(?:s|ed|ing)?\s+(?:over\s+)?the\s+(?:reins|baton|helm|(?:[\w-]+\s+){1,3}?(?:role|job|post))\s+to\b"
        ),
        "after",
        0.85,
        "Acme said Bo Chan will hand the reins to Jane Doe at the end of the year.",
        status="announced",
        pair=True,
        needs=("the reins", "the baton", "the helm", "hand"),
    ),
    Rule(
        "succession.take-over-from",
        "appointment",
        _rx(r"\b(?:take|takes|took|taking|taken)\s+over\s+from\b"),
        "before",
        0.85,
        "Acme said Jane Doe will take over from Omar Reyes on April 1.",
        status="announced",
        pair=True,
        needs=("over from",),
    ),
    Rule(
        "succession.will-replace",
        "appointment",
        _rx(r"\b(?:will|to|would)\s+(?:replace|succeed)\b"),
        "before",
        0.9,
        "Jane Doe will replace Bo Chan, who is stepping down.",
        status="announced",
        pair=True,
        needs=("replace", "succeed"),
    ),
    Rule(
        "succession.replaces",
        "appointment",
        _rx(r"\b(?:replaces|replaced|replacing|succeeds|succeeded|succeeding)\b"),
        "before",
        0.85,
        "Jane Doe succeeds Bo Chan as chief executive.",
        status="completed",
        pair=True,
        needs=("replac", "succeed"),
    ),
    # --- departures ---
    Rule(
        "departure.plans-to-leave",
        "departure",
        _rx(
            rf"\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|expect(?:s|ed)?|poised|preparing|set|going|looking)\s+to\s+"
            rf"(?:(?:transition|move|shift)\s+(?:[\w&-]+\s+){{1,8}}?and\s+)?{_LEAVE}\b"
        ),
        "before",
        0.9,
        "Acme's chief scientist Jane Doe is planning to leave the company.",
        status="planned",
        needs=_LEAVE_WORDS,
    ),
    Rule(
        "departure.decision-to-leave",
        "departure",
        _rx(rf"\b(?:decision|decided|decides|chose|agreed)\s+to\s+{_LEAVE}\b"),
        "before",
        0.85,
        "Jane Doe said she made the decision to leave Acme.",
        status="announced",
        needs=_LEAVE_WORDS,
    ),
    # A departure still ahead is planned ("will step down in April"); one told in reported speech
    # ("said she would leave") is the announcement itself.
    Rule(
        "departure.will-leave",
        "departure",
        _rx(rf"\b(?:will|'ll|’ll|shall)\s+(?:{_ADVERB}\s+)?{_LEAVE}\b"),
        "before",
        0.85,
        "Jane Doe will step down as chief executive at the end of March.",
        status="planned",
        needs=_LEAVE_WORDS,
    ),
    Rule(
        "departure.would-leave",
        "departure",
        _rx(rf"\bwould\s+(?:{_ADVERB}\s+)?{_LEAVE}\b"),
        "before",
        0.85,
        "Jane Doe said in May that she would step down as chief executive.",
        status="announced",
        needs=_LEAVE_WORDS,
    ),
    Rule(
        "departure.bow-out",
        "departure",
        _rx(
            r"\bbow(?:s|ed|ing)?\s+out\b|\brelinquish(?:es|ed|ing)?\s+(?:the|his|her|their|its)\s+"
            r"(?:role|post|position|title|job|chair|seat|chairmanship)\b|"
            r"\bstep(?:s|ped|ping)?\s+back\s+from\s+(?:(?:his|her|their|the)\s+(?:role|post|position|job|board)\b|(?=(?-i:[A-Z])))"
        ),
        "before",
        0.75,
        "Jane Doe will relinquish the role of chair in May.",
        status="announced",
        needs=("bow", "relinquish", "back from"),
    ),
    Rule(
        "departure.parted-ways",
        "departure",
        _rx(r"\bpart(?:s|ed|ing)?\s+(?:ways|company)\s+with\b"),
        "after",
        0.75,
        "Acme has parted ways with its finance chief, Jane Doe.",
        status="completed",
        needs=("ways with", "company with"),
    ),
    Rule(
        "departure.stay-then-leave",
        "departure",
        _rx(rf"\b(?:will|would|'ll|’ll|to)\s+(?:stay|remain)\b[^.;]{{1,60}}?\b(?:and\s+)?then\s+{_LEAVE}\b"),
        "before",
        0.8,
        "Acme said Bo Chan will stay on until the end of June and then retire.",
        status="planned",
        needs=("then",),
    ),
    Rule(
        "departure.not-seek-reelection",
        "departure",
        _rx(
            r"\b(?:will|would|do|does|did|have|has|had)\s+not\s+(?:seek|stand\s+for|run\s+for)\s+re-?election\b|"
            r"\b(?:won't|won’t|not\s+to|decided\s+against|chose\s+not\s+to)\s+(?:seek(?:ing)?|stand(?:ing)?\s+for)\s+re-?election\b"
        ),
        "list-before",
        0.8,
        "Directors Ann Lee and Bo Chan will not seek re-election at the annual meeting.",
        status="planned",
        needs=("election",),
    ),
    Rule(
        "departure.last-day",
        "departure",
        _rx(
            r"\b(?:my|his|her|their)\s+last\s+day(?:\s+(?:at|with|in)\b|(?=\s*[.!,]))|"
            r"\b(?:his|her|their)\s+(?:last|final)\s+day\s+(?:will\s+be|is)\b"
        ),
        "before",
        0.75,
        "Jane Doe told staff that her last day at Acme is March 28.",
        status="planned",
        needs=("last day", "final day"),
    ),
    Rule(
        "departure.is-leaving",
        "departure",
        _rx(
            rf"\b(?:is|are|'s|’s|am|'m|’m|will\s+(?:also\s+)?be|'ll\s+be|’ll\s+be)\s+(?:{_ADVERB}\s+)?(?:leaving|departing|stepping down|stepping away|stepping aside|exiting|retiring|resigning|quitting)\b"
        ),
        "before",
        0.85,
        "Jane Doe, Acme's finance chief, is stepping down.",
        status="announced",
        needs=_LEAVING_WORDS,
    ),
    Rule(
        "departure.was-leaving",
        "departure",
        _rx(
            r"\b(?:was|were)\s+(?:leaving|departing|stepping down|stepping away|exiting|retiring|resigning)\b"
        ),
        "before",
        0.75,
        "Jane Doe announced that she was departing from the firm.",
        status="completed",
        needs=_LEAVING_WORDS,
    ),
    Rule(
        "departure.headline-to-leave",
        "departure",
        _rx(rf"\bto\s+{_LEAVE}\b"),
        "before",
        0.6,
        "Acme Scientist Jane Doe to Leave Acme",
        status="planned",
        needs=_LEAVE_WORDS,
    ),
    Rule(
        "departure.fired-passive",
        "departure",
        _rx(
            r"\b(?:was|were|been|is|being|got)\s+(?:abruptly\s+|reportedly\s+)?(?:fired|ousted|dismissed|sacked|removed|pushed out|forced out|let go)\b"
        ),
        "before",
        0.85,
        "Jane Doe was fired by the board on Friday.",
        status="completed",
        needs=("fired", "ousted", "dismissed", "sacked", "removed", " out", "let go"),
    ),
    Rule(
        "departure.fired-active",
        "departure",
        _rx(
            r"\b(?:fired|ousted|dismissed|sacked|pushed out|forced out|removed(?=\s+(?:its|the|their)\s))\b|"
            r"\b(?:voted|moved|decided)\s+(?:on\s+\w+\s+)?to\s+(?:oust|fire|dismiss|sack|remove)\b"
        ),
        "after",
        0.85,
        "The board has fired chief executive Jane Doe.",
        status="completed",
        needs=(
            "fired",
            "ousted",
            "dismissed",
            "sacked",
            " out",
            "removed",
            "to oust",
            "to fire",
            "to dismiss",
            "to sack",
            "to remove",
        ),
    ),
    Rule(
        "departure.left",
        "departure",
        _rx(
            r"(?<!\()(?<!which )(?<!top )(?<!bottom )(?<!far )(?<!pictured )(?<!pictured, )(?<!centre )(?<!center )(?<!front )(?<!back )"
            r"\b(?:has |had |have )?(?:left|quit|resigned|retired|departed|stepped down|stepped away|stepped aside|exited|exits|stood down)\b(?!\s+(?:behind|over|unchanged|open|out|vacant|empty|intact|alone|unsaid|unanswered|by|around|about|nearly|roughly|some)\b)(?!\s*\))"
        ),
        "before",
        0.8,
        "Jane Doe left Acme in May.",
        status="completed",
        needs=(
            "left",
            "quit",
            "resigned",
            "retired",
            "departed",
            "stepped",
            "exited",
            "exits",
            "stood down",
        ),
    ),
    Rule(
        "departure.announced-resignation",
        "departure",
        _rx(
            r"\b(?:announced|tendered|submitted|handed in|offered|given|gave)\s+(?:his|her|their)\s+"
            r"(?:resignation|retirement|departure|exit|notice)\b|\b(?:is|are|was)\s+out\s+as\b|"
            r"\b(?:is|are|was)\s+out\s+at\s+(?=(?-i:[A-Z]))"
        ),
        "before",
        0.8,
        "Jane Doe announced her resignation on Friday.",
        status="announced",
        needs=(
            "resignation",
            "retirement",
            "departure",
            "exit",
            "out as",
            "out at",
            "notice",
        ),
    ),
    Rule(
        "departure.unnamed-group-then-names",
        "departure",
        _rx(
            r"\b(?:two|three|four|five|several|other)\s+(?:[a-z-]+\s+){0,3}?(?:executives|leaders|officials|"
            r"researchers|managers|engineers|founders)\s+(?:are|were|will\s+be|have\s+been)\s+(?:also\s+)?"
            r"(?:on\s+their\s+way\s+out|leaving|departing|stepping\s+down|resigning|quitting|out)\b"
        ),
        "none",
        0.6,
        "Two other executives are also leaving. The decisions by Bo Chan and CFO Ann Lee were made ...",
        status="announced",
        needs=("executives", "leaders", "officials", "researchers", "managers"),
    ),
    Rule(
        "departure.present-tense",
        "departure",
        _rx(r"\b(?:retires|resigns|quits|departs|steps\s+down|steps\s+aside|leaves)\b"),
        "before",
        0.7,
        "Jane Doe retires in May, when her successor takes over.",
        status="announced",
        needs=(
            "retires",
            "resigns",
            "quits",
            "departs",
            "steps down",
            "steps aside",
            "leaves",
        ),
    ),
    Rule(
        "departure.finish-out",
        "departure",
        _rx(
            r"\bfinish(?:es|ing)?\s+(?:out\s+)?(?:the|his|her|their)\s+(?:month|year|quarter|term|contract)\s+(?:with|at)\b"
        ),
        "before",
        0.7,
        "Jane Doe said she'll finish out the month with Acme before moving on.",
        status="announced",
        needs=("finish",),
    ),
    Rule(
        "departure.the-exit-of",
        "departure",
        _rx(
            r"\b(?:the|following|after)\s+(?:exits?|departures?|resignations?|retirements?|ouster|firing|dismissal|sacking)\s+of\b"
        ),
        "list-after",
        0.7,
        "The turmoil followed the exit of Acme's then-chief executive Jane Doe.",
        status="completed",
        needs=("exit", "departure", "resignation", "ouster", "firing", "dismissal"),
    ),
    Rule(
        "departure.possessive-departure-from",
        "departure",
        _rx(r"\b(?:departure|exit|resignation|ouster|firing|dismissal|retirement)\s+from\b"),
        "possessive",
        0.75,
        "It recalls Jane Doe's departure from Acme (1999).",
        status="completed",
        needs=(
            "departure",
            "exit",
            "resignation",
            "ouster",
            "firing",
            "dismissal",
            "retirement",
        ),
    ),
    Rule(
        "departure.vacated-by",
        "departure",
        _rx(r"\b(?:vacated|left\s+vacant)\s+by\b"),
        "after",
        0.7,
        "The finance chief's post at Acme was vacated by Jane Doe in May.",
        status="completed",
        needs=("vacated by", "vacant by"),
    ),
    Rule(
        "award.named-honour",
        "award",
        _rx(
            r"\b(?:named|appointed|made|voted)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:(?:19|20)\d\d\s+)?(?:[A-Z][\w&'’-]*\s+){1,5}of\s+the\s+Year\b|"
            r"\b(?:appointed|made)\s+(?:an?\s+)?(?:OBE|MBE|CBE|KBE|DBE)\b|"
            r"\b(?:elected|named|made)\s+(?:an?\s+)?(?:Fellow|Member)\s+of\s+the\s+Royal\b|"
            # "was elected a fellow of the Society for X": election to a learned society honours.
            r"\belected\s+(?:an?\s+)?(?:honorary\s+)?fellow\s+of\s+(?:the\s+)?(?=(?-i:[A-Z]))|"
            r"\b(?:is|are|was|were|been|be|being)\s+knighted\b|\b(?:becomes?|became|become)\s+an?\s+(?:dame|knight)\b|"
            r"\b(?:made|appointed)\s+(?:an?\s+)?(?:Officer|Member|Companion|Commander|Knight|Dame|dame|knight)\b"
            r"(?=\s+of\s+the\s+(?-i:(?:[A-Z][\w-]*\s+){0,2}?Order\b))"
            r"(?:\s+of\s+the\s+(?-i:(?:[A-Z][\w-]*\s+){0,2}?Order(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?))?|"
            r"\bmade\s+(?:an?\s+)?(?:Officer|Member|Companion|Commander|Knight|Dame|dame|knight)\b"
            r"(?:\s+of\s+the\s+(?-i:(?:[A-Z][\w-]*\s+){0,2}?Order\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))?"
        ),
        "list-before",
        0.8,
        "Jane Doe was named Banker of the Year in 2023.",
        needs=(
            "of the year",
            "obe",
            "mbe",
            "cbe",
            "kbe",
            "dbe",
            "royal",
            "made",
            "knighted",
            "dame",
            "knight",
            "fellow",
            "order",
        ),
    ),
    # --- appointments ---
    Rule(
        "appointment.named",
        "appointment",
        _rx(
            r"\b(?:named|appointed|re-?appointed|elected|re-?elected|hired|tapped|promoted|picked(?!\s+up\b)|chosen|selected|nominated|installed|recruited|poached|naming|appointing|hiring|electing|promoting|lured|elevated|rehired|re-hired|reinstated)\b|"
            # Present tense, as headlines write it: "Tarvo Names Lena Ruiz CEO".
            r"\b(?:names|appoints|hires|taps|promotes|elects|poaches)\s+(?=(?-i:[A-Z]))|"
            r"\badd(?:s|ed|ing)?\b(?=[^.;]{1,60}?\bto\s+(?:its|the|their)\s+(?:[\w-]+\s+)?board\b)|"
            r"\bpromote\b(?=\s+(?-i:[A-Z])[^.;]{1,60}?\s(?:to|as)\s)"
        ),
        "voice",
        0.85,
        "Acme named Jane Doe chief executive on Monday.",
        needs=(
            "naming",
            "appointing",
            "hiring",
            "electing",
            "named",
            "appointed",
            "elected",
            "hired",
            "tapped",
            "promoted",
            "picked",
            "chosen",
            "selected",
            "nominated",
            "installed",
            "recruited",
            "poached",
            "promoting",
            "lured",
            "elevated",
            "add",
            "promote ",
            "rehired",
            "re-hired",
            "reinstated",
            "names",
            "appoints",
            "hires",
            "taps",
            "promotes",
            "elects",
            "poaches",
        ),
    ),
    Rule(
        "appointment.take-on-job",
        "appointment",
        _rx(
            r"\b(?:take|takes|took|taking|taken)\s+(?:on|up)\s+(?:the|a|an)\s+(?:new\s+)?(?:job|role|post|position)\s+(?:of|as)\b|"
            r"\b(?:took|takes|take|taking|started|starts|start|starting)\s+(?:his|her|their|my|a)\s+(?:first\s+|new\s+)?(?:job|role|post|position)\s+as\b|"
            r"\b(?:assume|assumes|assumed|assuming|accept|accepts|accepted|accepting)\s+(?:the\s+|a\s+|an\s+|(?:[\w.-]+\s+){0,2}?[\w.-]+['’]s\s+)?(?:new\s+)?"
            r"(?:role|post|position|job|title)\s+(?:of|as)\b|"
            r"\b(?:assume|assumes|assumed|assuming)\s+(?:the\s+|(?:[\w.-]+\s+){0,2}?[\w.-]+['’]s\s+)(?:presidency|chairmanship|chair|premiership)\b|"
            # "He assumed the position in May 2022": the post the story just named.
            r"\b(?:assumed|took\s+up|took\s+over)\s+the\s+(?:position|role|post|job)\b(?!\s+(?:of|as)\b)|"
            r"\b(?:take|takes|took|taking|taken)\s+(?:over\s+)?the\s+top\s+job\b|"
            r"\b(?:was|were|been|is|be)\s+(?:given|handed)\s+(?:the\s+)?(?:top\s+job|(?:role|post|position|job)\s+of|"
            r"(?:[\w-]+\s+){1,3}?(?:role|job|post))\b|"
            r"\b(?:was|were|been|is|be)\s+(?:confirmed|approved|ratified)\s+as\b|"
            r"\b(?:step|steps|stepped|stepping|move|moves|moved|moving)\s+up\s+(?:to|as)\b|"
            r"\bmov(?:e|es|ed|ing)\s+into\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:role|post|position|job)\b|"
            r"\b(?:take|takes|taking|took|taken)\s+(?:over\s+)?the\s+(?:helm|reins)\b"
        ),
        "before",
        0.8,
        "Ruth Kell will also take on the job of chief operating officer at Tolland Mills.",
        needs=(
            "job",
            "role",
            "post",
            "position",
            "title",
            "confirmed as",
            "approved as",
            "ratified as",
            " up ",
            "helm",
            "reins",
            "presidency",
            "chairmanship",
            "chair",
            "premiership",
            "top job",
        ),
    ),
    Rule(
        "appointment.move-from-role",
        "appointment",
        _rx(
            r"\b(?:mov(?:e|es|ed|ing)|switch(?:es|ed|ing)?|shift(?:s|ed|ing)?|promoted|transferred)\s+from\s+(?:his|her|their)\s+(?:current\s+|previous\s+)?(?:role|post|position|job)\s+(?:as|heading|running|leading)\s+|"
            r"\btransition(?:s|ed|ing)?\s+(?:in)?to\s+(?:the\s+)?(?:role\s+of\s+)?(?=(?:[\w-]+\s+){0,2}?(?-i:[A-Z]))"
        ),
        "before",
        0.75,
        "Acme said Omar Reyes will be moving from his role as head of sales to group president.",
        needs=(
            "promoted from",
            "transferred from",
            "from his role",
            "from her role",
            "from their role",
            "from his post",
            "from her post",
            "from his position",
            "from her position",
            "from his job",
            "from her job",
            "transition",
        ),
    ),
    Rule(
        "appointment.elevation-of",
        "appointment",
        _rx(r"\b(?:elevation|promotion)\s+of\b(?=\s+(?:[\w-]+\s+){0,3}?(?-i:[A-Z]))"),
        "after",
        0.7,
        "Staff welcomed the elevation of co-founder Jane Doe as chief executive of Acme.",
        needs=("elevation of", "promotion of"),
    ),
    Rule(
        "appointment.brought-in",
        "appointment",
        _rx(
            r"\b(?:brought|bring|brings|bringing)\s+(?:in|on(?:\s+board)?)\b(?!\s+(?:about\s+|around\s+|nearly\s+|more\s+than\s+|over\s+)?(?:US\s?)?[$€£\d])"
        ),
        "voice",
        0.75,
        "Tolland Mills has brought in a new finance director, Omar Reyes, from a rival.",
        needs=(
            "brought in",
            "bring in",
            "brings in",
            "bringing in",
            "brought on",
            "bring on",
            "brings on",
            "bringing on",
        ),
    ),
    Rule(
        "appointment.the-appointment-of",
        "appointment",
        _rx(
            r"\b(?:announced|announces|announce|confirmed|confirms|approved|approves|with)\s+the\s+appointments?\s+of\b"
        ),
        "after",
        0.85,
        "Tolland Mills announced the appointment of Omar Reyes as finance director.",
        needs=("appointment",),
    ),
    Rule(
        "appointment.acting",
        "appointment",
        _rx(
            r"\b(?:is|was|has\s+been|had\s+been|will\s+be|becomes|became)\s+(?:now\s+|also\s+)?(?:the\s+)?(?:acting|interim)\s+(?=[A-Za-z])"
        ),
        "before",
        0.75,
        "At Acme, controller Omar Reyes has been acting finance chief since May.",
        needs=("acting", "interim"),
    ),
    Rule(
        "appointment.board-seat",
        "appointment",
        _rx(
            r"\b(?:take|takes|took|taking|taken)\s+(?:up\s+)?(?:a|his|her|their|the)\s+(?:[\w-]+\s+)?seat\s+on\b"
        ),
        "before",
        0.8,
        "Bay Capital partner Ivo Marsh will take a seat on Tessly's board.",
        needs=("seat on",),
    ),
    Rule(
        "appointment.serve-as",
        "appointment",
        _rx(
            r"\b(?:will|would|to|'ll|’ll)\s+(?:also\s+)?(?:serve|act|take over|step in|stay on)\s+as\b|\b(?:also\s+)?serving\s+as\b|\bsigned on to work as\b"
        ),
        "before",
        0.8,
        "Jane Doe will serve as interim chief executive of Acme.",
        needs=("serve", "serving", "act as", "take over", "step in", "stay on", "signed on"),
    ),
    Rule(
        "appointment.filled-position",
        "appointment",
        _rx(
            r"\b(?:has|have|had|will)\s+(?:been\s+|now\s+)?fill(?:ed|s|ing)?\s+(?:in\s+)?(?:the\s+|his\s+|her\s+|"
            r"(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?-i:[A-Z])[\w-]*['’]s?\s+)(?:[\w-]+\s+)?(?:position|role|post|job|vacancy|seat)\b"
        ),
        "before",
        0.7,
        "Omar Reyes has filled Jane Doe's position at Acme on an interim basis since March.",
        needs=("fill",),
    ),
    Rule(
        "appointment.leave-to-lead",
        "appointment",
        _rx(
            r"\bto\s+(?:lead|head\s+up|head|run|oversee)\b(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:review|investigation|probe|search)\b)"
        ),
        "before",
        0.65,
        "Jane Doe is stepping down as editor to lead the digital growth team at Acme Media.",
        needs=("to lead", "to head", "to run", "to oversee"),
    ),
    Rule(
        "appointment.heads-to",
        "appointment",
        _rx(
            r"\b(?:heads|headed|jumps|jumped|defects|defected|decamps|decamped|bolts|bolted)\s+"
            r"(?:to|for)\s+(?:rival\s+|the\s+)?(?=(?-i:[A-Z]))"
        ),
        "before",
        0.7,
        "Tarvo Systems CEO Lena Ruiz heads to rival Nordane Labs.",
        needs=("heads", "headed", "jump", "defect", "decamp", "bolt"),
    ),
    Rule(
        "appointment.team-then-names",
        "appointment",
        _rx(
            r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:team|group|committee|trio|panel|council)\s+of\s+"
            r"(?:[\w&.-]+\s+){0,3}?(?:executives|leaders|officials|managers|directors|veterans)\s+"
            r"(?:will|would|is\s+to|are\s+to)\s+(?:jointly\s+|now\s+)?(?:lead|run|oversee|manage|steer)\b"
        ),
        "none",
        0.65,
        "A team of Acme executives will lead the company. They include Jane Doe, head of sales, and "
        "Bo Chan, head of finance.",
        needs=(
            "team of",
            "group of",
            "committee of",
            "trio of",
            "panel of",
            "council of",
        ),
    ),
    Rule(
        "appointment.join",
        "appointment",
        _rx(
            r"\b(?:(?:will|would|to)\s+(?:also\s+|now\s+|soon\s+|then\s+)?join|joins|joined|is\s+(?:also\s+)?joining|"
            r"will\s+be\s+joining|has\s+(?:also\s+)?joined|rejoin(?:s|ed)?)\b|"
            r"\b(?:since|after|before|upon|on|when|prior\s+to)\s+(?:re)?joining\b|,\s+joining\b|\band\s+join\b(?=\s+(?:the|its|(?-i:[A-Z])))"
        ),
        "before",
        0.8,
        "Jane Doe will join Acme's board.",
        needs=("join",),
    ),
    Rule(
        "appointment.become",
        "appointment",
        _rx(
            r"\b(?:will\s+become|to\s+become|(?:and|then)\s+become|becomes|became|will\s+be\s+the\s+new|is\s+the\s+new|"
            r"takes?\s+over\s+as|took\s+over\s+as|taken\s+over\s+as|(?:take|takes|took|taking|assume|assumes|assumed|assuming)\s+(?:interim\s+)?charge\s+as|returns?\s+as|returned\s+as|took\s+the\s+helm|"
            r"(?<=was )made|(?<=been )made|(?:starts?|started|starting)\s+(?:at|as)|(?:will|would|to|'ll)\s+(?:then\s+)?take\s+over\b(?!\s+as\b)|takes\s+over\s+(?=the\s)|take(?:s)?\s+the\s+reins|take(?:s)?\s+the\s+helm|(?:will|would)\s+(?:step\s+in\s+to\s+)?(?:lead|head(?!\s+(?:to|back|home|out|into|for|off)\b)|run)(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:review|investigation|probe|inquiry|audit|search|study|talks|negotiations|delegation|campaign)\b)|step(?:s|ped)?\s+in\s+to\s+(?:lead|head|run)|"
            r"(?:,|\band|\bbefore|\bafter)\s+becoming|(?:become|became|becomes)\s+(?:a\s+)?part\s+of|taking\s+over(?=\s+(?:as|on|in|at|from|after)\s)|(?<=\bwho\s)will\s+be(?=\s+(?:the\s+)?[a-z]))\b"
        ),
        "before",
        0.75,
        "Jane Doe will become Acme's chief technologist.",
        needs=(
            "over as",
            "charge as",
            "return",
            "made",
            "filled by",
            "start",
            "becom",
            "became",
            "the new",
            "reins",
            "helm",
            "will lead",
            "will head",
            "will run",
            "would lead",
            "would head",
            "would run",
            "take over",
            "takes over",
            "then take over",
            "in to ",
            "becoming",
            "taking over",
            "who will be",
        ),
    ),
    Rule(
        "appointment.filled-by",
        "appointment",
        # "will be filled from September 1 by", "filled on an interim basis by": a when or how may
        # stand before "by".
        _rx(
            rf"\b(?:will\s+be|was|has\s+been|is\s+to\s+be)\s+(?:filled|taken)\s+(?:over\s+|up\s+)?{_HOW_WHEN}by\b"
        ),
        "after",
        0.75,
        "At Acme, her role will be filled by Omar Reyes from January 1.",
        needs=("filled", "taken"),
    ),
    Rule(
        "appointment.led-by",
        "appointment",
        _rx(
            r"\b(?:will\s+(?:now\s+)?be|is\s+to\s+be|are\s+to\s+be|to\s+be|would\s+be|is\s+being|are\s+being)\s+"
            rf"(?:led|headed|run|headed\s+up)\s+{_HOW_WHEN}by\b"
        ),
        "after",
        0.75,
        "Acme's new payments unit will be led by Jane Doe as managing director.",
        needs=("led ", "headed ", "run "),
    ),
    Rule(
        "appointment.key-hire",
        "appointment",
        _rx(r"\b(?:first|key|new|latest|star|senior)\s+(?:key\s+)?hire\b"),
        "before",
        0.7,
        "When the Acme lab opened, Jane Doe was its first key hire.",
        needs=("hire",),
    ),
    # --- awards ---
    Rule(
        "award.shared-by",
        "award",
        _rx(
            r"\b(?:will\s+be|was|were|is|are|has\s+been)\s+(?:shared|won|awarded|given|presented)\s+"
            r"(?:(?:jointly|equally|posthumously)\s+)?(?:by|to)\b|"
            r"\b(?:will\s+be|was|were|is|are|has\s+been)\s+(?:split|shared|divided)\s+(?:equally\s+)?(?:between|among)\b"
        ),
        "list-after",
        0.85,
        "The 2025 Acme Prize will be shared by Jane Doe of Foo University and Bo Chan.",
        needs=(
            "between",
            "among",
            "shared by",
            "won by",
            "awarded to",
            "given to",
            "presented to",
            "awarded by",
            "jointly to",
            "equally to",
            "posthumously to",
        ),
    ),
    Rule(
        "award.went-to",
        "award",
        _rx(
            r"\b(?:award|prize|medal|honou?r|nobel)(?:,[^;]{1,60}?,)?\s+(?:went|goes|will\s+go|was given|was awarded)\s+"
            r"(?:(?:last|this)\s+year\s+|in\s+\d{4}\s+)?(?:jointly\s+|equally\s+)?to\b"
        ),
        "list-after",
        0.85,
        "The 2021 prize went to Jane Doe and Bo Chan.",
        needs=("went", "goes", "will go", "given", "awarded"),
    ),
    Rule(
        "award.won",
        "award",
        _rx(
            r"\b(?:won|wins|win|winning|awarded|receives?|received|receiving|shares|shared|(?:will|to|would)\s+share|earned|collected|honou?red with|"
            r"picked\s+up|picks\s+up|took\s+home|takes\s+home|scooped|clinched|bagged|(?:was|were|been|is)\s+crowned|(?:was|were|been|is)\s+presented\s+with|inducted\s+into)\b"
        ),
        "list-before",
        0.85,
        "Jane Doe and Bo Chan won the Acme Prize for Chemistry on Monday.",
        needs=(
            "won",
            "win",
            "awarded",
            "receiv",
            "shar",
            "earned",
            "collected",
            "honor",
            "honour",
            "picked up",
            "picks up",
            "home",
            "bagged",
            "crowned",
            "scooped",
            "clinched",
            "presented with",
            "inducted",
        ),
    ),
    Rule(
        "award.honour",
        "award",
        _rx(
            r"\b(?:handed|claimed|bagged|bags|given|granted|gets|got|landed|recogni[sz]ed\s+with|honou?red\s+with)\s+"
            r"(?:an?\s+|the\s+)?(?=(?-i:(?:OBE|CBE|MBE|KBE|DBE|GBE|BEM)s?\b)|knighthoods?\b|damehoods?\b|peerages?\b)|"
            r"\b(?:take|takes|took|taking|taken|assume|assumes|assumed)\s+(?:on\s+)?the\s+title\s+(?:of\s+)?['‘\"“]?(?:Sir|Dame)\b"
        ),
        "list-before",
        0.8,
        "Jane Doe, the founder of Foo Books, was handed an OBE.",
        needs=(
            "obe",
            "cbe",
            "mbe",
            "kbe",
            "dbe",
            "gbe",
            "bem",
            "knighthood",
            "damehood",
            "peerage",
            "title",
        ),
    ),
    Rule(
        "award.honours-for",
        "award",
        _rx(
            # "Among those made CBEs are A and B", "The list includes MBEs for A, ..., and for B".
            r"\b(?:made|appointed|given|awarded|receiving|to\s+receive)\s+(?-i:(?:OBE|CBE|MBE|KBE|DBE|GBE|BEM)s)\s+"
            r"(?:this\s+year\s+|in\s+the\s+(?:[\w'’-]+\s+){1,3})?(?:are|were|is|was|include|included)\b|"
            r"\b(?:includes?|included|including)\s+(?:(?-i:(?:OBE|CBE|MBE|KBE|DBE|GBE|BEM)s)|knighthoods|damehoods|peerages)\s+for\b"
        ),
        "list-after",
        0.8,
        "Among those made CBEs are Jane Doe, a partner at Foo Law, and Bo Chan, chair of Acme Homes.",
        needs=(
            "obes",
            "cbes",
            "mbes",
            "kbes",
            "dbes",
            "gbes",
            "bems",
            "knighthoods",
            "damehoods",
            "peerages",
        ),
    ),
    Rule(
        "award.caption-line",
        "award",
        # "Rising Star – Jane Doe, Acme Logistics": one line of a winners' list or photo caption.
        _rx(r"^(?-i:[A-Z][\w&'’-]*)(?:\s+[\w&'’-]+){0,6}?\s+[–—-]\s+(?=(?-i:[A-Z]))"),
        "after",
        0.75,
        "Rising Star – Jane Doe, Acme Logistics",
        needs=("–", "—", " - "),
    ),
    Rule(
        "award.winner-line",
        "award",
        # Under a category heading: "Winner: Jane Doe, Head of Sales, Acme Logistics".
        _rx(r"^\W{0,3}winners?\s*[:–—-]\s*(?=(?-i:[A-Z]))"),
        "after",
        0.75,
        "Winner: Jane Doe, Head of Fleet, Acme Logistics",
        needs=("winner",),
    ),
    Rule(
        "award.service-citation",
        "award",
        # An honours list's entry: "Dr Jane Doe — for distinguished service to the health sector".
        _rx(
            r"\s[—–-]\s+for\s+(?:[a-z]+\s+){0,3}?services?\s+(?:to|in)\b|"
            # "- Jane Doe, founder of Acme, OAM, for service to the community".
            r",\s+(?-i:(?:OAM|AM|AO|AC|MBE|OBE|CBE|KBE|DBE|BEM|CM|OC|CC|MNZM|ONZM|CNZM|KNZM|DNZM|QSM)),\s+for\s+(?:[a-z]+\s+){0,3}?services?\b"
        ),
        "before",
        0.75,
        "Jane Doe — for distinguished service to the shipping industry.",
        needs=("service",),
    ),
    Rule(
        "award.category-line",
        "award",
        # A winners' list item: "- Woman in Finance: Jane Doe, chief financial officer, Acme Bank".
        _rx(r"^[\s•*·-]{0,4}(?-i:[A-Z])[\w&'’ -]{2,60}?:\s+(?=(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?-i:[A-Z]))"),
        "after",
        0.7,
        "- Exporter of the Year: Jane Doe, Acme Fruit",
        needs=(":",),
    ),
    Rule(
        "award.recipients-list",
        "award",
        _rx(
            r"\b(?:recipients|winners|honou?rees|laureates|inductees)(?:\s*\((?:from\s+)?(?:left|right)[^()]{0,20}\))?\s*:"
        ),
        "list-after",
        0.8,
        "Prize recipients (from left): Jane Doe, CEO of Foo Corp (Banker of the Year); Bo Chan, partner, Acme Capital (Investor of the Year).",
        needs=("recipients", "winners", "honorees", "honourees", "laureates", "inductees"),
    ),
    Rule(
        "award.winners-of",
        "award",
        _rx(
            r"\b(?:are|were|was|is|as|among)\s+(?:the\s+|this\s+year['’]s\s+)?(?:joint\s+|co-?)?(?:winners|recipients|laureates)\s+of\b|"
            # "The academy named Jane Doe, a chemist at Foo, as the winner of its Halden Medal".
            r"\bas\s+(?:the\s+|its\s+|this\s+year['’]s\s+)?(?:winner|recipient|laureate)\s+of\b"
        ),
        "list-before",
        0.8,
        "Jane Doe and Bo Chan are joint winners of the Acme Prize.",
        needs=(
            "winners of",
            "recipients of",
            "laureates of",
            "winner of",
            "recipient of",
            "laureate of",
        ),
    ),
    Rule(
        "award.n-time",
        "award",
        _rx(r"\b(?:two|three|four|five|six|seven|\d)[- ]time\s+(?=(?-i:[A-Z]))"),
        "after",
        0.7,
        "The panel includes two-time Banker of the Year Omar Reyes of Acme Bank.",
        needs=("-time", " time"),
    ),
    Rule(
        "award.gave-person",
        "award",
        _rx(r"\b(?:awarded|awards|presented|presents|honou?red|honou?rs|knighted)\s+(?=(?-i:[A-Z]))"),
        "list-after",
        0.75,
        "The Acme Society has awarded Jane Doe its Halden Medal.",
        needs=(
            "awarded",
            "awards",
            "presented",
            "presents",
            "honored",
            "honoured",
            "honors",
            "honours",
            "knighted",
        ),
    ),
    Rule(
        "award.winner-is",
        "award",
        _rx(
            r"\b(?:winners?|recipients?)\s+of\s+(?:the\s+|this\s+year['’]s\s+)?(?:[\w'’&-]+\s+){1,8}?(?:is|was|are|were)\s+"
            r"(?!(?:the|a|an|expected|due|set|to|not|being|announced|named|unveiled|revealed)\b)"
        ),
        "list-after",
        0.8,
        "The winner of the Acme Prize is Jane Doe, a chemist at Foo University.",
        needs=("winner of", "winners of", "recipient of", "recipients of"),
    ),
    Rule(
        "award.winners-include",
        "award",
        _rx(
            r"(?<=of the year)\s*,?\s+(?:including|includes|included)\b|"
            r"\b(?:winners|recipients|honou?rees|laureates|inductees)\s+(?:this\s+year\s+)?(?:include|included|including)\b"
        ),
        "list-after",
        0.75,
        "The Acme Prize winners include Jane Doe, CEO of Foo Corp, and Bo Chan.",
        needs=("includ",),
    ),
    Rule(
        "award.winner",
        "award",
        _rx(r"\b(?:winner|laureate|recipient)\b"),
        "before",
        0.7,
        "Jane Doe, a 2015 Acme Prize winner, spoke first.",
        needs=("winner", "laureate", "recipient"),
    ),
    # --- funding ---
    Rule(
        "funding.raised-amount",
        "funding_round",
        _rx(
            r"\b(?:raised|raises|raising|raise|secured|secures|closed|closes|landed|lands|bagged|nabbed|pulled\s+in|"
            r"brought\s+in|bring(?:s|ing)?\s+in|took\s+in|picked\s+up)\s+"
            r"(?:(?:new\s+|fresh\s+)?(?:funding|financing|investment|capital)\s+(?:of|worth)\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|more than\s+|over\s+|roughly\s+|an?\s+additional\s+|a\s+further\s+|an?\s+)?"
            rf"(?:(?:US\s?|[a-z]{{1,2}})?[$€£₹₦¥]\s?\d|(?:Rs\.?|KSh|R(?=\d[\d.,]*\s?(?:million|billion|bn|m)\b)|{ISO_CODE_ALTERNATION})\s?\d|\d[\d.,]*\s+(?:million|billion|bn|m|crores?|lakhs?)\s+"
            r"(?:euros|dollars|pounds|francs|yen|yuan|reais|rupees|kronor|kroner|rand|won)\b)"
        ),
        "none",
        0.9,
        "Acme raised $20 million in a Series A round led by Bay Capital.",
        needs=(
            "$",
            "€",
            "£",
            "₹",
            "₦",
            "¥",
            "million",
            "billion",
            "ksh",
            "kes",
            "ngn",
            "rs",
            "inr",
            "usd",
            "eur",
            "gbp",
            "chf",
            "sgd",
            "euros",
            "dollars",
            "pounds",
            "francs",
            "yen",
            "yuan",
            "reais",
            "rupees",
            "kronor",
            "kroner",
            "rand",
            "won",
            *(code.lower() for code in ISO_CODES),
        ),
    ),
    Rule(
        "funding.invested-in",
        "funding_round",
        _rx(
            r"\b(?:poured|invested|injected|put|pumped|led|co-led|bet|wagered)\s+(?:an?\s+)?(?:US\s?|[a-z]{1,2})?[$€£₹]\s?\d[^.;]{0,40}?"
            r"\b(?:into|in|on)\s+(?:(?:[\w-]+\s+){0,3}?(?:company|startup|start-up|firm|brand|platform|maker|lender|"
            r"provider|app|developer|fintech|biotech)\s+)?(?=(?-i:[A-Z]))"
        ),
        "none",
        0.8,
        "Bay Capital led a $30 million investment in Acme Robotics.",
        needs=("$", "€", "£"),
    ),
    Rule(
        "funding.raised-funding",
        "funding_round",
        # "Acme last raised funding in 2023 at a valuation of $1 billion": no amount, the company right before.
        _rx(
            r"\b(?:raised|raises|secured|secures|closed|closes|landed|lands)\s+(?:new\s+|fresh\s+|more\s+|additional\s+)?"
            r"(?:funding|financing|capital|money|cash)\b(?=[^.;]{0,60}\bvaluation\b)"
        ),
        "none",
        0.7,
        "Acme last raised funding in 2023 at a valuation of $1 billion.",
        needs=("valuation",),
    ),
    Rule(
        "funding.round-of-amount",
        "funding_round",
        # "its first round of Rs 5 crore, disclosed by the startup", "their next round of $2 million".
        _rx(
            r"\b(?:first|second|third|fourth|next|latest|new|previous|initial|fresh|maiden|seed|bridge)\s+"
            r"(?:funding\s+|financing\s+|investment\s+)?round\s+of\s+(?:about\s+|around\s+|nearly\s+|over\s+)?"
            rf"(?:(?:US\s?|[a-z]{{1,2}})?[$€£₹₦¥]\s?\d|(?:Rs\.?|KSh|R(?=\d[\d.,]*\s?(?:million|billion|bn|m)\b)|{ISO_CODE_ALTERNATION})\s?\d)"
        ),
        "none",
        0.75,
        "Acme Robotics closed its first round of $2 million in May.",
        needs=("round of",),
    ),
    Rule(
        "funding.unveiled-capital",
        "funding_round",
        # "Acme unveiled €12 million in new capital": weaker verbs need the money called capital or funding.
        _rx(
            r"\b(?:unveil(?:s|ed)?|announc(?:es|ed)|disclos(?:es|ed)|reveal(?:s|ed)|receiv(?:es|ed)|attract(?:s|ed)|"
            r"won|wins|gets|got|drew|draws)\s+(?:about\s+|around\s+|nearly\s+|more than\s+)?"
            rf"(?:(?:US\s?|[a-z]{{1,2}})?[$€£₹₦¥]|Rs\.?\s?|KSh\s?|(?:{ISO_CODE_ALTERNATION})\s?)\s?\d[\d.,]*\s*(?:million|billion|crores?|lakhs?|bn|mn|m|k|cr)?\s+"
            r"(?:in|of)\s+(?:new\s+|fresh\s+|additional\s+|venture\s+|seed\s+|growth\s+)?"
            r"(?:capital|funding|financing|investment)\b"
        ),
        "none",
        0.85,
        "Acme Robotics unveiled €12 million in new capital on Monday.",
        needs=("capital", "funding", "financing", "investment"),
    ),
    Rule(
        "funding.announced-round",
        "funding_round",
        # "Acme announced on Tuesday an €18 million Series A led by ...": a named round announced.
        _rx(
            r"\b(?:announc(?:es|ed)|unveil(?:s|ed)|complet(?:es|ed)|clos(?:es|ed)|disclos(?:es|ed))\s+"
            r"(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\s+)?"
            r"(?:an?|its)\s+(?:(?:US\s?|[a-z]{1,2})?[$€£₹₦¥]|Rs\.?\s?|KSh\s?|(?:"
            + ISO_CODE_ALTERNATION
            + r")\s?)\d[\d.,]*\s*(?:million|billion|crores?|lakhs?|bn|mn|m|k|cr)?\s+"
            r"(?:(?:pre-)?series\s+[a-h]|(?:pre-)?seed|growth|bridge|funding|financing)\b"
        ),
        "none",
        0.85,
        "Acme Robotics announced on Tuesday an €18 million Series A led by Bay Capital.",
        needs=("series", "seed", "growth", "bridge", "funding", "financing"),
    ),
    Rule(
        "funding.out-of-stealth",
        "funding_round",
        # "Acme came out of stealth on Tuesday with a $3M pre-seed from Bay Capital".
        _rx(
            r"\b(?:came|comes|emerged|emerges|emerging|coming)\s+(?:out\s+of|from)\s+stealth\b[^.;]{0,40}?"
            r"\bwith\s+(?:an?\s+)?(?=" + _MONEY_AHEAD + ")"
        ),
        "none",
        0.85,
        "Acme Robotics came out of stealth on Tuesday with a $3M pre-seed round from Bay Capital.",
        needs=("stealth",),
    ),
    Rule(
        "funding.round-was",
        "funding_round",
        # "Its first outside money was a KSh65 million seed round in 2022": the company's earlier round.
        _rx(
            r"\b(?:its|their|the\s+company['’]s|the\s+startup['’]s)\s+(?:first|latest|most\s+recent|previous|last|"
            r"earlier|prior|initial)\s+(?:outside\s+|external\s+)?(?:round|funding|money|capital|raise|financing|"
            r"investment)\s+(?:was|came\s+in)\s+(?:an?\s+)?(?=" + _MONEY_AHEAD + ")"
        ),
        "none",
        0.8,
        "Its first outside money was a $2 million seed round in 2022, Acme Robotics said.",
        needs=(" was ", "came in"),
    ),
    Rule(
        "funding.earlier-round",
        "funding_round",
        # "... a $40 million Series B in 2022, following a $12 million Series A in 2019": a second round.
        _rx(
            r"(?:(?<=[\d\w)],\s)(?:following|after|then)|(?<=\d\s)and)\s+an?\s+(?="
            + _MONEY_AHEAD
            + r"[\d.,]*[\s-]*(?:million|billion|crores?|bn|mn|m|k|cr)?\s+(?:(?:pre-)?series\s+[a-h]|(?:pre-)?seed))"
        ),
        "none",
        0.7,
        "Acme Robotics raised a $40 million Series B in 2022, following a $12 million Series A in 2019.",
        needs=("following", "after", "and a", "then a"),
    ),
    Rule(
        "funding.led-company-round",
        "funding_round",
        # "Bay Capital and Oak Ventures led Acme's latest financing": investors first, the company's round after.
        _rx(
            r"\b(?:led|co-led)\s+(?=(?-i:[A-Z])[^.;,]{0,40}?['’]s?\s+(?:[\w-]+\s+){0,3}?"
            r"(?:round|financing|funding|raise|investment)\b)"
        ),
        "none",
        0.65,
        "Bay Capital and Oak Ventures led Acme Robotics' latest financing.",
        needs=("led ",),
    ),
    Rule(
        "funding.led-round-in",
        "funding_round",
        # "Bay Capital led the $30 million Series B round in Acme": the investors lead, Acme raises.
        _rx(
            r"\b(?:led|co-led)\s+(?:the|a|an)\s+(?:[\w$€£₹.,-]+\s+){0,5}?(?:round|financing|funding|investment)\s+"
            r"(?:in|into|for)\s+(?=(?-i:[A-Z]))"
        ),
        "none",
        0.8,
        "Bay Capital led the $30 million Series B round in Acme Robotics.",
        needs=("led ",),
    ),
    Rule(
        "funding.has-backed",
        "funding_round",
        # "Bay Capital has already backed snacking brand Acme": an investment made, the company's round.
        _rx(
            r"\b(?:has|have)\s+(?:already\s+|also\s+|previously\s+|recently\s+)?(?:backed|invested\s+in|funded)\s+"
            r"(?:(?:[\w-]+\s+){0,3}?(?:company|startup|start-up|firm|brand|platform|maker|lender|provider|app|"
            r"developer|fintech|biotech)\s+)?(?=(?-i:[A-Z]))"
        ),
        "none",
        0.6,
        "Bay Capital has already backed snacking brand Acme Foods.",
        needs=("backed", "invested in", "funded"),
    ),
    Rule(
        "funding.investment-valued",
        "funding_round",
        # "a February investment in Acme valued the company at $2 billion": the company after "in".
        _rx(
            r"\b(?:investment|funding\s+round|round|financing)\s+in\s+"
            r"(?=(?-i:[A-Z])[^.;,]{0,40}?\s(?:valued|values|valuing|that\s+valued)\b)"
        ),
        "none",
        0.7,
        "A March investment in Acme Robotics valued the company at $2 billion.",
        needs=("valu",),
    ),
    Rule(
        "funding.round",
        "funding_round",
        _rx(
            r"\b(?:funding|financing|investment|venture)\s+round\b|\bround\s+of\s+(?:funding|financing|investment)\b|\bseries\s+[a-h]\s+(?:round|funding|financing)\b|\bseed\s+(?:round|funding)\b|\bfund-?raising\b|\bfundraise\b"
        ),
        "none",
        0.75,
        "Acme is in talks to raise a new funding round at a $2 billion valuation.",
        needs=("round", "fund", "financing"),
    ),
    Rule(
        "funding.led-by",
        "funding_round",
        _rx(r"\b(?:round|raise|financing|investment|funding)\s+(?:was|is|has been)\s+(?:co-)?led\s+by\b"),
        "none",
        0.6,
        "The round was led by Bay Capital.",
        needs=("led by",),
    ),
    Rule(
        "funding.values-at",
        "funding_round",
        _rx(
            r"\b(?:round|raise|deal|investment|financing|funding)\s+(?:values|valued|valuing|would value)\b|"
            r"\b(?:it|the company|the startup|the firm)\s+(?:was|is|is now)\s+valued\s+at\b"
        ),
        "none",
        0.6,
        "The round values Acme at about $250 million.",
        needs=("valu",),
    ),
    # --- foundings ---
    Rule(
        "founding.own-company",
        "founding",
        _rx(
            r"\b(?:start|starts|started|starting|begin|begins|began|beginning|launch|launches|launched|launching|found|founds|founded|found(?:ing)|create|created|creating|build|building|form|formed|set\s+up|sets\s+up|setting\s+up)\s+(?:a|an|his|her|their)\s+(?:own\s+)?(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:company|startup|start-up|firm|venture|business|lab|laboratory)\b"
        ),
        "before",
        0.8,
        "Jane Doe is leaving to start her own company.",
        needs=("company", "startup", "start-up", "firm", "venture", "business", "lab"),
    ),
    Rule(
        "founding.launch-new-venture",
        "founding",
        _rx(r"\blaunch(?:es|ed|ing)?\s+(?:a\s+)?new\s+(?:venture|company|startup)\b"),
        "before",
        0.6,
        "Acme Scientist Jane Doe to Leave and Launch New Venture",
        needs=("launch",),
    ),
    Rule(
        "founding.founded-by",
        "founding",
        _rx(
            r"(?<!position )(?<!role )(?<!post )(?<!vacancy )(?<!seat )(?<!job )"
            r"\b(?:founded|co-?founded|started|established|launched|created|set up|incorporated)\s+"
            r"(?:in\s+(?:the\s+\w+\s+of\s+)?(?:\w+\s+)?\d{4}\s+)?"
            r"(?:in\s+(?-i:[A-Z])[\w'’.-]+(?:,?\s+(?-i:[A-Z])[\w'’.-]+){0,2},?\s+)?"
            r"(?:in\s+(?:(?-i:[A-Z])[a-z]+\s+)?\d{4},?\s+|in\s+(?-i:[A-Z])[a-z]+,?\s+)?by\b"
        ),
        "after",
        0.85,
        "Acme, founded in 2015 by Jane Doe, makes robots.",
        needs=("founded", "started", "established", "launched", "created", "set up", "incorporated"),
    ),
    Rule(
        "founding.founded-opener",
        "founding",
        # "Founded in 2015, the company makes ...": the sentence's subject is the company, no founder.
        _rx(
            r"^\W{0,3}(?:founded|co-?founded|established|launched|started|incorporated)\s+"
            r"(?:in\s+(?:(?-i:[A-Z])[a-z]+\s+)?\d{4}|(?:\w+\s+){1,2}ago)\s*,\s*"
        ),
        "none",
        0.75,
        "Founded in 2015, Acme Robotics makes warehouse robots.",
        needs=("founded", "established", "launched", "started", "incorporated"),
    ),
    Rule(
        "founding.spun-out",
        "founding",
        _rx(r"\bspun\s+(?:out|off)\b"),
        "none",
        0.7,
        "Acme spun out its mapping team as a separate company, Gridline, in 2024.",
        needs=("spun",),
    ),
    Rule(
        "founding.founders-are",
        "founding",
        _rx(
            r"\b(?:its|their|the\s+(?:company|startup|start-up|firm)['’]s)\s+(?:two\s+|three\s+)?(?:co-?)?founders\s+(?:are|were|include)\b"
        ),
        "list-after",
        0.8,
        "Gridline is a year old. Its founders are Jane Doe and Bo Chan, both former surveyors.",
        needs=("founders",),
    ),
    Rule(
        "founding.set-up",
        "founding",
        _rx(r"\b(?:set|sets|setting)\s+(?:it\s+)?up\b(?!\s+(?:by|in\s+\d{4}\s+by)\b)"),
        "before",
        0.75,
        "In 2004 Jane Doe and Bo Chan set up Gridline Robotics in a rented garage.",
        needs=("set up", "sets up", "setting up", "set it up", "sets it up", "setting it up"),
    ),
    Rule(
        "founding.founded",
        "founding",
        _rx(
            r"\b(?:founded|co-?founded|cofounded|debuted|launched|established|incorporated|started)\b"
            r"|\bto\s+(?:co-?)?found\b|\bto\s+(?:start|launch|create|form|set\s+up)\s+(?=(?-i:[A-Z]))"
        ),
        "before",
        0.8,
        "Jane Doe founded Acme Robotics in 2015.",
        needs=(
            "found",
            "debuted",
            "launched",
            "established",
            "incorporated",
            "started",
            "to start",
            "to launch",
            "to create",
            "to form",
            "to set up",
        ),
    ),
)


_FRAGMENTS = sorted({f for rule in RULES for f in rule.needs}, key=len, reverse=True)


def fragments_in(lowered: str) -> frozenset[str]:
    """Which pre-test fragments occur in a lower-cased sentence (overlapping ones included)."""
    # Substring tests run in C and beat one big alternation regex on sentences of news length.
    return frozenset([f for f in _FRAGMENTS if f in lowered])
