"""The extraction engine: one article and its publication time in, dated events out.

Pipeline: clean the markup (markup.py) -> sentences -> people/organizations resolved across the
article (entities.py) -> time expressions (dates.py) -> trigger rules per sentence (rules.py,
builders.py) -> each event's date (dating.py) -> one event per fact (merge.py) -> evidence spans
mapped back to the raw input.
"""

from __future__ import annotations

import re
from datetime import datetime

from tenure.errors import ArticleTooLarge
from tenure.extractors import dating
from tenure.extractors.builders import BUILDERS
from tenure.extractors.contract import MAX_ARTICLE_CHARS, ExtractedEvent
from tenure.extractors.dates import DateMention, find_dates
from tenure.extractors.entities import Entities, Mention, analyse, is_title_case
from tenure.extractors.markup import Format, clean
from tenure.extractors.merge import full_org_names, merge_drafts
from tenure.extractors.rules import RULES, Rule, fragments_in
from tenure.extractors.scene import Draft, Scene
from tenure.extractors.sentences import Sentence, split_sentences

# Hedges and denials before a trigger cancel it: "if he leaves", "denied he would step down",
# "could be named", "rumours that she will resign". Example kept out: "Jane Doe may leave".
_HEDGE_RE = re.compile(
    r"\b(?:if|unless|whether|den(?:y|ies|ied|ying)|rejected|refuted|not|never|no|n't|"
    r"could|might|should|rumou?r\w*|speculat\w*|consider\w*|weigh\w*|mull\w*|hypothetical\w*|"
    r"sounded\s+out|sounding\s+out|a\s+sign|being\s+prepared|said\s+nothing|"
    r"would\s+(?:consider|be\s+open))\b|n[’']t\b|(?-i:\bmay\b)|"
    # An inverted condition: "Had Jane Doe stepped aside, ...", "Were she to leave, ...".
    r"(?-i:^\W*(?:Had|Were|Should)\s)",
    re.IGNORECASE,
)
_HEDGE_WINDOW = 80
# ", the role vacated by ..." opens an aside about the role: a denial before it does not reach in.
_CLAUSE_CUT_RE = re.compile(r"[.;:!?—–]|\bbut\b|,\s+(?:the|a|an)\s+(?:role|post|position|job|seat)\b")


def extract(text: str, published_at: datetime, *, fmt: str = "auto") -> list[ExtractedEvent]:
    """The events an article states, in the order of their evidence.

    Raises ArticleTooLarge over MAX_ARTICLE_CHARS; empty or non-English text gives no events.
    """
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleTooLarge(
            f"article is {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,} characters"
        )
    if not text.strip():
        return []
    cleaned = clean(text, _format(fmt))
    body = cleaned.text
    sentences = split_sentences(body)
    if not sentences:
        return []
    entities = analyse(body, sentences)
    dates = find_dates(body, published_at)
    drafts = merge_drafts(_drafts(body, sentences, entities, dates), news_year=f"{published_at.year:04d}")
    full_org_names(drafts, [m.name for m in entities.mentions if m.kind == "org" and m.via == "name"])
    _date_from_story(body, sentences, drafts, dates)
    events = []
    for draft in drafts:
        sentence = sentences[draft.sentence]
        span = cleaned.to_input(sentence.start, sentence.end)
        events.append(_export(draft, sentence, span))
    return events


def _format(fmt: str) -> Format:
    if fmt in {"auto", "text", "markdown", "html"}:
        return fmt  # type: ignore[return-value]
    return "auto"


def _drafts(
    body: str, sentences: list[Sentence], entities: Entities, dates: list[DateMention]
) -> list[Draft]:
    drafts: list[Draft] = []
    subject: Mention | None = None
    mention_index = 0
    date_index = 0
    mentions = entities.mentions
    for index, sentence in enumerate(sentences):
        while mention_index < len(mentions) and mentions[mention_index].start < sentence.start:
            mention_index += 1
        in_sentence = []
        cursor = mention_index
        while cursor < len(mentions) and mentions[cursor].start < sentence.end:
            in_sentence.append(mentions[cursor])
            cursor += 1
        while date_index < len(dates) and dates[date_index].start < sentence.start:
            date_index += 1
        sentence_dates = []
        for mention in dates[date_index:]:
            if mention.start >= sentence.end:
                break
            if mention.end <= sentence.end:
                sentence_dates.append(mention)
        matches = _rule_matches(sentence)
        spans = sorted(
            (sentence.start + m.start(), sentence.start + m.end()) for found in matches for m in found[1]
        )
        following = (
            (sentences[index + 1].start, sentences[index + 1].end) if index + 1 < len(sentences) else None
        )
        scene = Scene(body, sentence, index, entities, in_sentence, spans, subject, following)
        found = _sentence_drafts(scene, matches)
        if found and is_title_case(sentence.text):
            for draft in found:  # a headline states a fact loosely; the body says it better
                draft.confidence -= 0.05
        _date_drafts(body, sentences, index, found, sentence_dates, dates)
        drafts.extend(found)
        subject = _subject(body, sentence, in_sentence) or subject
    return drafts


def _rule_matches(sentence: Sentence) -> list[tuple[Rule, list[re.Match[str]]]]:
    present = fragments_in(sentence.text.lower())
    if not present:
        return []
    return [(rule, found) for rule in RULES if (found := rule.finditer(sentence.text, present))]


def _sentence_drafts(scene: Scene, matches: list[tuple[Rule, list[re.Match[str]]]]) -> list[Draft]:
    claimed: list[tuple[int, int]] = []
    found: list[Draft] = []
    text = scene.sentence.text
    for rule, rule_matches in matches:
        for match in rule_matches:
            span = (scene.sentence.start + match.start(), scene.sentence.start + match.end())
            if any(a < span[1] and span[0] < b for a, b in claimed):
                continue
            if _hedged(text, match.start()):
                continue
            drafts = BUILDERS[rule.type](scene, rule, match)
            if drafts:
                claimed.append(span)
                found.extend(drafts)
    return found


# "followed the company since its seed round": background, not a new fact.
_BACKGROUND_BEFORE_RE = re.compile(
    r"\b(?:since|after|before|than)\s+(?:its|the|their|his|her)\s+(?:[\w-]+\s+)?$|"
    r"\b(?:led|co-led|backed|joined|participated\s+in)\s+(?:its|the|their|this|that)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _hedged(text: str, at: int) -> bool:
    if _BACKGROUND_BEFORE_RE.search(text[max(0, at - 30) : at]):
        return True
    window = text[max(0, at - _HEDGE_WINDOW) : at]
    cuts = list(_CLAUSE_CUT_RE.finditer(window))
    if cuts:
        window = window[cuts[-1].end() :]
    return bool(_HEDGE_RE.search(window))


def _subject(text: str, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """Who the sentence is about, carried to verb-first fragments that follow it."""
    depth_at = _parenthesis_depth(text, sentence)
    for mention in mentions:
        if mention.kind != "person" or mention.possessive or depth_at(mention.start) > 0:
            continue
        before = text[max(sentence.start, mention.start - 15) : mention.start]
        if re.search(r"\b(?:with|alongside|and|to|from)\s+$", before):
            continue
        return mention
    for mention in mentions:
        if mention.kind == "org" and mention.start - sentence.start <= 3:
            return mention
    return None


def _parenthesis_depth(text: str, sentence: Sentence):  # type: ignore[no-untyped-def]
    def depth(at: int) -> int:
        segment = text[sentence.start : at]
        return segment.count("(") - segment.count(")")

    return depth


def _date_drafts(
    body: str,
    sentences: list[Sentence],
    index: int,
    drafts: list[Draft],
    sentence_dates: list[DateMention],
    all_dates: list[DateMention],
) -> None:
    if not drafts:
        return
    triggers = sorted({d.trigger for d in drafts})
    lead_in = _lead_in_date(body, sentences, index, all_dates)
    for draft in drafts:
        chosen = dating.choose(
            body, sentences[index].start, sentence_dates, draft.trigger, triggers, event_type=draft.type
        )
        if chosen is None and not sentence_dates:
            chosen = lead_in
        draft.date = chosen


# The day the news broke: "the company said on Tuesday", "announced Thursday", "reported on
# Friday". A statement of a move ("will step down", "has named", "said she is leaving") that gives
# no date of its own took place then.
_SPEECH_RE = re.compile(
    r"\b(?:said|says|announced|announces|reported|reports|statement|told|according to|confirmed|"
    r"disclosed|revealed|posted|wrote)\b",
    re.IGNORECASE,
)
_STATEMENT_TENSE_RE = re.compile(
    r"\b(?:will|is|are|has|have|said|says|announced|announces|according to)\b|['’]ll\b", re.IGNORECASE
)


def _story_date(sentences: list[Sentence], dates: list[DateMention]) -> tuple[DateMention, int] | None:
    for index, sentence in enumerate(sentences):
        speech = _SPEECH_RE.search(sentence.text)
        if not speech:
            continue
        at = sentence.start + speech.start()
        inside = [
            d
            for d in dates
            if sentence.start <= d.start
            and d.end <= sentence.end
            and d.precision in {"day", "week"}
            and d.tense == "past"
        ]
        if inside:
            # The day the statement was made; "earlier this week" when no day is given.
            return min(inside, key=lambda d: (d.precision != "day", abs(d.start - at))), index
    return None


def _date_from_story(
    body: str, sentences: list[Sentence], drafts: list[Draft], dates: list[DateMention]
) -> None:
    found = _story_date(sentences, dates)
    if found is None:
        return
    story, story_index = found
    for draft in drafts:
        if draft.date is not None:
            continue
        # Moves told in the story's own account ("The board named X chairman while it searches")
        # happened when the story reports; background facts (foundings, prizes, rounds) need a
        # statement's tense to take it.
        news = (
            draft.type in {"appointment", "departure", "reporting_change"} and draft.sentence >= story_index
        )
        if news or _STATEMENT_TENSE_RE.search(sentences[draft.sentence].text):
            draft.date = story


def _lead_in_date(
    body: str, sentences: list[Sentence], index: int, dates: list[DateMention]
) -> DateMention | None:
    """ "Reuters reported on Tuesday:" dates the statement right after it."""
    if index == 0 or not sentences[index - 1].lead_in:
        return None
    previous = sentences[index - 1]
    inside = [d for d in dates if previous.start <= d.start and d.end <= previous.end and d.date]
    if not inside:
        return None
    by_precision = {"day": 0, "week": 1, "month": 2, "year": 3}
    return sorted(inside, key=lambda d: by_precision.get(d.precision or "", 4))[0]


def _export(draft: Draft, sentence: Sentence, span: tuple[int, int]) -> ExtractedEvent:
    date: DateMention | None = draft.date
    return ExtractedEvent(
        type=draft.type,
        person=draft.person,
        organization=draft.organization,
        role=draft.role,
        date=date.date if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        details=draft.details,
        evidence=sentence.text,
        evidence_span=span,
        confidence=max(0.0, min(1.0, draft.confidence)),
        rule_id=draft.rule_id,
    )
