"""The extraction engine: one article and its publication time in, dated events out.

Pipeline: clean the markup (text/markup.py) -> sentences (text/sentences.py) -> people and
organizations resolved across the article (entities/recognise.py) -> time expressions
(dates/spans.py) -> trigger rules per sentence (events/rules.py, events/builders.py) -> each
event's date (dates/attribution.py) -> one event per fact (events/merge.py) -> evidence spans
mapped back to the raw input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime

from tenure.errors import ArticleTooLarge
from tenure.extractors.contract import MAX_ARTICLE_CHARS, ExtractedEvent
from tenure.extractors.dates import attribution as dating
from tenure.extractors.dates.spans import DateMention, find_dates, local_base
from tenure.extractors.entities.recognise import Entities, Mention, analyse, is_title_case
from tenure.extractors.events.builders import BUILDERS, award_told_as_news, date_unstated_awards
from tenure.extractors.events.facts import dates_compatible, more_precise
from tenure.extractors.events.merge import employers, full_org_names, merge_drafts
from tenure.extractors.events.rules import RULES, Rule, fragments_in
from tenure.extractors.events.scene import Draft, Scene
from tenure.extractors.events.tables import table_drafts
from tenure.extractors.text.markup import Format, clean
from tenure.extractors.text.sentences import Sentence, split_sentences

# Hedges and denials before a trigger cancel it: "if he leaves", "denied he would step down",
# "could be named", "rumours that she will resign", a filing's "understandings pursuant to which she
# was selected". Example kept out: "Jane Doe may leave".
_HEDGE_RE = re.compile(
    r"\b(?:if|unless|whether|den(?:y|ies|ied|ying)|rejected|refuted|not|never|no|n't|"
    r"could|might|should|rumou?r\w*|speculat\w*|consider\w*|weigh\w*|mull\w*|hypothetical\w*|"
    r"sounded\s+out|sounding\s+out|a\s+sign|being\s+prepared|(?:was|were)\s+preparing\s+to|said\s+nothing|"
    r"would\s+(?:consider|be\s+open)|pursuant\s+to\s+which)\b|n[’']t\b|(?-i:\bmay\b)|"
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
    found = _drafts(body, sentences, entities, dates)
    rows = table_drafts(body, sentences, entities, dates)
    if rows:
        # A table row is read as a row: what sentence rules made of its cells is dropped.
        spans = [row.trigger for row in rows]
        found = [d for d in found if not any(a <= d.trigger[0] < b for a, b in spans)] + rows
    employers(found, entities.main_org)
    drafts = merge_drafts(found, news_year=f"{published_at.year:04d}")
    full_org_names(drafts, [m.name for m in entities.mentions if m.kind == "org" and m.via == "name"])
    for draft in drafts:
        if draft.date is None:
            draft.date = _sibling_date(draft, [d for d in drafts if d.sentence == draft.sentence], body)
    _date_from_follow_up(body, sentences, drafts, dates, published_at)
    _share_hand_over(body, sentences, drafts, dates, published_at)
    _date_from_story(body, sentences, drafts, dates, published_at)
    _date_awards_together(drafts, body)
    date_unstated_awards(body, drafts, f"{published_at.year:04d}")
    drafts = _without_since_restatements(body, sentences, drafts)
    drafts = _fold_anaphoric_posts(body, drafts)
    events = []
    for draft in drafts:
        sentence = sentences[draft.sentence]
        span = cleaned.to_input(sentence.start, sentence.end)
        events.append(_export(draft, sentence, span))
    return events


# "Since Licht took the helm, CNN has ...": a clause that looks back on a move told elsewhere.
_SINCE_CLAUSE_RE = re.compile(r"(?:^|[,;]\s*)[Ss]ince\s+(?:[\w'’.-]+\s+){0,4}$")


def _without_since_restatements(body: str, sentences: list[Sentence], drafts: list[Draft]) -> list[Draft]:
    """Drop an undated, role-less appointment told in a "since" clause when the article states the
    same person's appointment at that company elsewhere: it restates it, it is no second fact."""
    kept = []
    for draft in drafts:
        opening = body[sentences[draft.sentence].start : draft.trigger[0]]
        restated = (
            draft.type == "appointment"
            and draft.role is None
            and draft.date is None
            and _SINCE_CLAUSE_RE.search(opening)
            and any(
                other is not draft
                and other.type == "appointment"
                and other.person == draft.person
                and other.organization == draft.organization
                for other in drafts
            )
        )
        if not restated:
            kept.append(draft)
    return kept


# "She assumed the position in March 2021": the post is the one the story named for her.
_THE_POST_RE = re.compile(r"\bthe\s+(?:position|role|post|job)$", re.IGNORECASE)


def _fold_anaphoric_posts(body: str, drafts: list[Draft]) -> list[Draft]:
    """Fold "assumed the position" into the same person's named appointment at that company: it
    is the same move, and its date (when finer and compatible) dates it."""
    kept = []
    for draft in drafts:
        named = [
            other
            for other in drafts
            if other is not draft
            and other.type == "appointment"
            and other.role
            and other.person == draft.person
            and other.organization == draft.organization
        ]
        anaphoric = (
            draft.type == "appointment"
            and draft.role is None
            and _THE_POST_RE.search(body[draft.trigger[0] : draft.trigger[1]])
            and len(named) == 1
        )
        if not anaphoric:
            kept.append(draft)
            continue
        target, mine = named[0], draft.date
        theirs = (target.date.date, target.date.precision) if target.date is not None else (None, None)
        if (
            mine is not None
            and mine.date
            and dates_compatible(mine.date, mine.precision, *theirs)
            and more_precise(mine.date, mine.precision, *theirs)
        ):
            target.date = mine
    return kept


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


# "rejected a media report that its CEO was preparing to hand over ...": everything the denied
# report says, however long the clause, is no fact.
_DENIED_REPORT_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
    r"(?:(?:a|an|the|recent|earlier)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:reports?|speculation|rumou?rs?|claims?|suggestions?|story|stories|articles?)\s+"
    r"(?:[^.;]{0,80}?\s+)?that\b",
    re.IGNORECASE,
)


def _hedged(text: str, at: int) -> bool:
    if _BACKGROUND_BEFORE_RE.search(text[max(0, at - 30) : at]):
        return True
    if _DENIED_REPORT_RE.search(text, 0, at):
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
    statement = dating.attribution(body, sentence_dates)
    if statement is not None:
        for draft in drafts:
            _note_announcement(draft, statement)


# "left last month to become finance chief at X", "resigned in May to join Y", "quit in 2014 to
# co-found Z": the move the departure was made for happened with it.
_PURPOSE_GAP_RE = re.compile(r"^[^.;,()]{0,60}$")
_PURPOSE_TO_RE = re.compile(r"\bto\s+$|^\s*to\b", re.IGNORECASE)


def _purpose(body: str, departure: Draft, move: Draft) -> bool:
    """The move is the departure's purpose: "left last month to become ..."."""
    if departure.trigger[1] > move.trigger[0]:
        return False
    gap = body[departure.trigger[1] : move.trigger[0]]
    opening = body[move.trigger[0] : move.trigger[1]]
    return bool(_PURPOSE_GAP_RE.match(gap)) and bool(
        _PURPOSE_TO_RE.search(gap) or _PURPOSE_TO_RE.match(opening)
    )


def _sibling_date(draft: Draft, drafts: list[Draft], body: str) -> DateMention | None:
    """One sentence, one fact told twice ("replacing X, who left in late August": the succession's
    departure and the "left" one), both sides of a succession ("appointed chairman in 2017,
    replacing Y"), a departure and the move it was for ("left in May to join Y"), or co-founders
    of one company: an undated draft shares its sibling's date."""
    for other in drafts:
        if other is draft or other.date is None:
            continue
        same_fact = (
            other.type == draft.type
            and other.person == draft.person
            # "co-founded Acme in 2016 ... to start a new business": two companies, two dates.
            and (draft.type != "founding" or other.organization == draft.organization)
        )
        succession = (draft.type, other.type) == ("departure", "appointment") and (
            draft.details.get("successor") == other.person or other.details.get("predecessor") == draft.person
        )
        purpose = (
            draft.type in ("appointment", "founding")
            and other.type == "departure"
            and draft.person == other.person
            and _purpose(body, other, draft)
        )
        cofounders = draft.type == other.type == "founding" and draft.organization == other.organization
        if same_fact or succession or purpose or cofounders:
            date: DateMention = other.date
            return date
    return None


_MOVES = frozenset(("appointment", "departure", "reporting_change"))


def _note_announcement(draft: Draft, statement: DateMention) -> None:
    """Announced vs effective: the date stays the effective one, the statement's day is noted."""
    date: DateMention | None = draft.date
    if draft.type not in _MOVES or date is None or date is statement or date.date == statement.date:
        return
    if date.tense == "future" or dating.is_effective_mention(date):
        draft.details["announced_on"] = statement.date


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


# A lead that dates the whole story before any fact is told: "Monday saw five deals close", "a
# recap of the startups that raised money in the past week" (a round-up's facts are its news).
_LEAD_SENTENCES = 5
_LEAD_MIN_WORDS = 6


def _dates_by_sentence(sentences: list[Sentence], dates: list[DateMention]) -> list[list[DateMention]]:
    """Each sentence's time expressions, in one pass over both (sorted) lists."""
    found: list[list[DateMention]] = [[] for _ in sentences]
    cursor = 0
    for index, sentence in enumerate(sentences):
        while cursor < len(dates) and dates[cursor].start < sentence.start:
            cursor += 1
        probe = cursor
        while probe < len(dates) and dates[probe].start < sentence.end:
            if dates[probe].end <= sentence.end:
                found[index].append(dates[probe])
            probe += 1
    return found


def _story_date(
    sentences: list[Sentence],
    dates: list[DateMention],
    drafts: list[Draft] | None = None,
    published: str | None = None,
) -> tuple[DateMention, int, bool] | None:
    """The story's date, its sentence, and whether it comes from a lead rather than a statement."""
    told = {i for d in drafts or [] for i in (d.sources or [d.sentence])}
    lead_story: tuple[DateMention, int, bool] | None = None
    per_sentence = _dates_by_sentence(sentences, dates)
    for index, sentence in enumerate(sentences):
        speech = _SPEECH_RE.search(sentence.text)
        # Before it, only headlines may tell facts: the lead introduces the body's news.
        # A dateline or byline ("Paris, May 4") is no lead: a lead is a sentence of its own.
        lead = (
            drafts is not None
            and index < _LEAD_SENTENCES
            and index not in told
            and len(sentence.text.split()) >= _LEAD_MIN_WORDS
            and not is_title_case(sentence.text)
            and all(is_title_case(sentences[i].text) for i in told if i < index)
        )
        if not speech and not lead:
            continue
        at = sentence.start + (speech.start() if speech else 0)
        own = per_sentence[index]
        inside = [d for d in own if d.precision in {"day", "week"} and d.tense == "past"]
        if not speech:
            # A lead dates the news: its date is the news day (not a file photo's), and it tells
            # of no move ahead ("voted on Friday to name X, effective July 1" is one fact's own).
            ahead = any(d.tense == "future" for d in own)
            inside = [d for d in inside if not ahead and published is not None and _news_day(d, published)]
        if inside and speech:
            # The day the statement was made; "earlier this week" when no day is given.
            return min(inside, key=lambda d: (d.precision != "day", abs(d.start - at))), index, False
        if inside and lead_story is None:
            lead_story = min(inside, key=lambda d: d.precision != "day"), index, True
    # A statement's day beats a lead's ("Your Friday digest ... ousted this week, people said").
    return lead_story


_EDITION_AFTER_RE = re.compile(
    r"\s+(?:(?-i:[A-Z])[\w'’&-]*\s+){0,5}?(?:prize|award|awards|medal|honou?rs|edition|ceremony)\b",
    re.IGNORECASE,
)


def _edition_year(body: str, draft: Draft, story: DateMention) -> bool:
    """An award dated only by its edition's year ("the 2025 Acme Medal") in the story's year."""
    date = draft.date
    if draft.type != "award" or date is None or date.precision != "year" or not date.text:
        return False
    return date.date == (story.date or "")[:4] and _EDITION_AFTER_RE.match(body, date.end) is not None


_OCCASION_RE = re.compile(
    r"\b(?:awards?|prizes?|honou?rs\s+list|(?:birthday|new\s+year)\s+honou?rs|ceremony|gala|dinner)\b",
    re.IGNORECASE,
)


def _date_from_story(
    body: str,
    sentences: list[Sentence],
    drafts: list[Draft],
    dates: list[DateMention],
    published_at: datetime,
) -> None:
    found = _story_date(sentences, dates, drafts, local_base(published_at).date().isoformat())
    if found is None:
        return
    story, story_index, from_lead = found
    news_types = {"appointment", "departure", "reporting_change"}
    if from_lead:
        news_types.add("funding_round")
    # "guests gathered on Thursday night for the Acme Awards": the ceremony's day dates its prizes.
    ceremony = _OCCASION_RE.search(sentences[story_index].text) is not None
    for draft in drafts:
        if ceremony and _edition_year(body, draft, story) and award_told_as_news(body, draft):
            draft.date = story  # "The 2025 prize goes to ...": the year names the edition, not the day
            continue
        if draft.date is not None:
            continue
        if ceremony and draft.sentence >= story_index and award_told_as_news(body, draft):
            draft.date = story
            continue
        # Moves told in the story's own account ("The board named X chairman while it searches")
        # happened when the story reports; background facts (foundings, prizes, rounds) need a
        # statement's tense to take it, except in a round-up whose lead dates its rounds.
        news = draft.type in news_types and draft.sentence >= story_index
        if news or _STATEMENT_TENSE_RE.search(sentences[draft.sentence].text):
            draft.date = story


# --- a move dated by a neighbouring sentence ---------------------------------------------------------
# "A will succeed B as CEO. The change takes effect on 4 September." / "He began his new role Nov. 5."
# / "B will remain with the bank until Oct. 23." / "From 1 January the group will have ...".

_GROUP_EFFECT_RE = re.compile(
    r"^(?:The|These|All|Both|Those)\s+(?:[\w-]+\s+){0,3}?(?:changes|appointments|moves|reshuffle|"
    r"restructur\w*|reorgani[sz]ation|shake-?up|transition|hand-?over|promotions)\b[^.;]{0,40}?"
    r"(?:\b(?:take|takes|took|taking)\s+effect\b|\b(?:is|are|was|were|be|become|becomes)\s+effective\b|"
    r"\b(?:come|comes|came)\s+into\s+(?:force|effect)\b)",
    re.IGNORECASE,
)
_START_RE = re.compile(
    r"\b(?:(?:begin|began|begins|start|started|starts|commence[sd]?|assume[sd]?|take[sn]?\s+up|took\s+up)"
    r"\s+(?:in\s+)?(?:(?:his|her|their|the|this)\s+)?(?:new\s+)?(?:role|position|post|job|duties|appointment)s?|"
    r"(?:take|takes|took|taken)\s+(?:office|the\s+(?:chair|helm|reins))|(?:take|takes|took)\s+effect|effective|"
    r"(?:starts|will\s+start|begins|will\s+begin|arrives|will\s+arrive)(?=\s+(?:on|in)\s))\b",
    re.IGNORECASE,
)
_STAY_UNTIL_RE = re.compile(
    r"\b(?:remain|remains|stay|stays)\b[^.;]{0,60}?\b(?:until|through|till)\s+|\blast\s+(?:day|date)\b[^.;]{0,60}?\b(?:is|was|will\s+be)\s+",
    re.IGNORECASE,
)
# "They will work into 2016", "Both will stay on until March": several leavers told just before.
_THEY_STAY_RE = re.compile(
    r"^(?:They|Both|The\s+two|The\s+pair)\s+(?:will\s+|are\s+to\s+)?(?:both\s+|also\s+)?"
    r"(?:work|remain|stay|continue)\b[^.;]{0,40}?\b(?:into|until|till|through)\s+"
)
_FROM_OPENING_RE = re.compile(r"^(?:From|As\s+of|Starting|Beginning|With\s+effect\s+from)\s", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"^(?:He|She|His|Her)\b")
_NAME_START_RE = re.compile(r"^(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?([A-Z][\w'’-]+)")
_FOLLOW_UP_REACH = 3  # sentences back a pronoun or a surname may reach
_NEWS_DAYS = 7


def _news_day(mention: DateMention, published: str) -> bool:
    """The day the news broke ("said on Wednesday", "today"): a past day at most a week back."""
    if mention.precision not in {"day", "week"} or mention.tense != "past" or mention.date is None:
        return False
    back = (datetime.fromisoformat(published) - datetime.fromisoformat(mention.date[:10])).days
    return 0 <= back <= _NEWS_DAYS


@dataclass(frozen=True, slots=True)
class _Clock:
    """The publication day, and where the article's statement days are ("said on Tuesday")."""

    published: str
    statements: frozenset[int]  # start offsets of mentions that date a statement


def _clock(body: str, dates: list[DateMention], published_at: datetime) -> _Clock:
    statements = frozenset(
        d.start
        for d in dates
        if d.rule_id in _RELATIVE_DAY_RULES or dating.attribution(body, [d]) is not None
    )
    return _Clock(local_base(published_at).date().isoformat(), statements)


# Forms that date the news itself ("on Tuesday", "today", "this week"), as opposed to a calendar
# day, which an article gives for a fact ("who was appointed on June 1").
_RELATIVE_DAY_RULES = frozenset(("date.weekday", "date.relative-day", "date.relative-week", "date.weekend"))


def _replaceable(draft: Draft, clock: _Clock) -> bool:
    """Undated, or dated only by the day the news was told: a neighbouring sentence may date it."""
    date: DateMention | None = draft.date
    if date is None:
        return True
    return (
        date.start in clock.statements
        and _news_day(date, clock.published)
        and not dating.is_effective_mention(date)
    )


def _redate(draft: Draft, mention: DateMention, published: _Clock) -> None:
    old: DateMention | None = draft.date
    if old is not None and old.precision == "day" and old.date and old.date != mention.date:
        draft.details["announced_on"] = old.date
    draft.date = mention


def _surname(person: str | None) -> str:
    return person.split()[-1] if person else ""


def _date_from_follow_up(
    body: str,
    sentences: list[Sentence],
    drafts: list[Draft],
    dates: list[DateMention],
    published_at: datetime,
) -> None:
    if not drafts:
        return
    published = _clock(body, dates, published_at)
    # A sentence whose only events name nobody ("the division heads will report to the CEO")
    # frames the company; it is no named move that keeps its date to itself.
    with_drafts = {d.sentence for d in drafts if d.person is not None}
    per_sentence = _dates_by_sentence(sentences, dates)
    for index, sentence in enumerate(sentences):
        text = sentence.text
        if index and (together := _THEY_STAY_RE.match(text)):
            # "A and B will both leave. They will work into 2016.": both leave then, at any precision.
            ahead = [d for d in per_sentence[index] if d.date and d.start >= sentence.start + together.end()]
            leavers = [d for d in drafts if d.type == "departure" and _told_before(d, index) == index - 1]
            if ahead and len({d.person for d in leavers}) > 1:
                for draft in leavers:
                    if draft.details.get("status") != "completed" and _replaceable(draft, published):
                        _redate(draft, ahead[0], published)
            continue
        inside = [d for d in per_sentence[index] if d.date and d.precision != "year"]
        if not inside:
            continue
        usable = [d for d in inside if dating.usable(body, d)]
        if _GROUP_EFFECT_RE.search(text) and usable:
            for draft in drafts:
                if (
                    _told_before(draft, index) is not None
                    and draft.type in _MOVES
                    and draft.details.get("status") != "completed"
                    and _replaceable(draft, published)
                ):
                    _redate(draft, usable[0], published)
            continue
        if (
            _FROM_OPENING_RE.match(text)
            and index not in with_drafts
            and usable
            and usable[0].tense == "future"
        ):
            for draft in drafts:
                if (
                    index < draft.sentence <= index + _FOLLOW_UP_REACH
                    and draft.type in {"appointment", "reporting_change"}
                    and draft.date is None
                ):
                    draft.date = usable[0]
            continue
        person = _follow_up_person(text, index, drafts) if index else None
        if person is None:
            continue
        stay = _STAY_UNTIL_RE.search(text)
        if stay:
            after = [d for d in inside if d.start >= sentence.start + stay.end()]
            _date_person(drafts, person, index, {"departure"}, after[:1], published, settled_too=True)
        elif _START_RE.search(text):
            kinds = {"appointment", "reporting_change"}
            if re.search(r"\beffect", text, re.IGNORECASE):
                kinds.add("departure")
            _date_person(drafts, person, index, kinds, usable[:1], published)
        elif (
            _PRONOUN_RE.match(text)
            and usable
            and usable[0].tense == "future"
            and all(d.person == person for d in drafts if d.sentence == index)
        ):
            # (The sentence may tell the same person's next step: "He will join the faculty ...".)
            # "X is stepping down to teach. He will move to the faculty at the end of the year."
            near = [d for d in drafts if _told_before(d, index) == index - 1]
            _date_person(near, person, index, _MOVES, usable[:1], published)


def _told_before(draft: Draft, index: int) -> int | None:
    """The latest sentence before `index` that tells the draft's fact (merged drafts keep all)."""
    told = draft.sources or [draft.sentence]  # sorted
    at = bisect_left(told, index)
    return told[at - 1] if at else None


def _follow_up_person(text: str, index: int, drafts: list[Draft]) -> str | None:
    """The person a sentence is about, among the moves told just before it: "He", "She" (the
    latest one), a surname opening the sentence, or the one full name it repeats."""
    before = [
        (told, d)
        for d in drafts
        if d.person and (told := _told_before(d, index)) is not None and index - told <= _FOLLOW_UP_REACH
    ]
    if before and _PRONOUN_RE.match(text):
        # "He" is the one person of the latest sentence that tells a move; after a list
        # ("They include A, B and C") it is nobody we can tell.
        latest = max(told for told, _ in before)
        people = {d.person for told, d in before if told == latest}
        return people.pop() if len(people) == 1 else None
    named = _NAME_START_RE.match(text)
    if before and named:
        for _, draft in sorted(before, key=lambda pair: -pair[0]):
            if _surname(draft.person) == named.group(1):
                return draft.person
    full = {d.person for d in drafts if d.person and " " in d.person and d.person in text}
    if len(full) != 1:
        return None
    earlier = {d.person for d in drafts if d.person in full and _told_before(d, index) is not None}
    return earlier.pop() if len(earlier) == 1 else None


def _date_person(
    drafts: list[Draft],
    person: str,
    index: int,
    kinds: set[str] | frozenset[str],
    found: list[DateMention],
    published: _Clock,
    *,
    settled_too: bool = False,
) -> None:
    """Date `person`'s moves of `kinds` told before sentence `index` with `found`'s first date.

    A completed departure keeps its date unless `settled_too` ("is stepping down ... will remain
    until Oct. 23": the leaving is still ahead, so it is announced, not completed)."""
    if not found:
        return
    for draft in drafts:
        settled = draft.details.get("status") == "completed"
        if (
            draft.person == person
            and draft.type in kinds
            and _told_before(draft, index) is not None
            and (settled_too or not settled)
            and _replaceable(draft, published)
        ):
            _redate(draft, found[0], published)
            if settled and found[0].tense == "future":
                draft.details["status"] = "announced"
            if draft.type == "appointment" and draft.details.get("predecessor"):
                # A hand-over happens on one day: the predecessor leaves when the successor starts.
                _date_person(drafts, draft.details["predecessor"], index, {"departure"}, found, published)


_WHEN_THEY_LEAVE_RE = re.compile(
    r"\b(?:when|once|after|upon|on)\s+(?:he|she|they|his|her|their)\s+"
    r"(?:retire|leave|step|depart|exit|hand|retirement|departure|exit)\w*",
    re.IGNORECASE,
)


def _share_hand_over(
    body: str,
    sentences: list[Sentence],
    drafts: list[Draft],
    dates: list[DateMention],
    published_at: datetime,
) -> None:
    """ "A succeeds B, effective April 1": B leaves when A starts. A predecessor's departure that is
    undated or dated only by the news day takes the successor's forward date."""
    published = _clock(body, dates, published_at)
    for appointment in drafts:
        date: DateMention | None = appointment.date
        predecessor = appointment.details.get("predecessor") if appointment.type == "appointment" else None
        told_when = _WHEN_THEY_LEAVE_RE.search(sentences[appointment.sentence].text)
        if predecessor and told_when and _replaceable(appointment, published):
            # "C will succeed B as chair when he retires", B retiring on 10 July: C starts then.
            for departure in drafts:
                leaving: DateMention | None = departure.date
                if (
                    departure.type == "departure"
                    and departure.person == predecessor
                    and departure.details.get("status") != "completed"
                    and leaving is not None
                    and leaving.tense == "future"
                    and leaving.precision != "year"
                ):
                    _redate(appointment, leaving, published)
                    break
            date = appointment.date
        if not predecessor or date is None or date.tense != "future" or date.precision == "year":
            continue
        for departure in drafts:
            if (
                departure.type == "departure"
                and departure.person == predecessor
                and departure.details.get("status") != "completed"
                and departure.details.get("successor") in (None, appointment.person)
                and _replaceable(departure, published)
            ):
                _redate(departure, date, published)


_LIST_ENTRY_RULES = frozenset(("award.service-citation", "award.category-line", "award.winner-line"))


def _date_awards_together(drafts: list[Draft], body: str | None = None) -> None:
    """Awards of one ceremony or honours list share its date: an undated one takes the year the
    others have, when they all agree ("named Founder of the Year for 2020 ... scooped the top award")."""
    awards = [d for d in drafts if d.type == "award"]
    if body is not None:
        # One ceremony's day: "named X of the Year on Thursday night ... the lifetime award went to B".
        news = [d for d in awards if award_told_as_news(body, d)]
        days = {d.date.date: d.date for d in news if d.date is not None and d.date.precision == "day"}
        if len(days) == 1:
            (day,) = days.values()
            for award in news:
                if award.date is None:
                    award.date = day
    # "the entrepreneur who received his own knighthood in 2014": a past honour dates no other.
    told = [d for d in awards if body is None or award_told_as_news(body, d)]
    dated = {d.date.date: d.date for d in told if d.date is not None}
    if len(dated) != 1:
        return
    (only,) = dated.values()
    if only.precision != "year":
        return
    for award in awards:
        # A list's entries are the list's edition, not the year another award in the story names.
        if award.date is None and award.rule_id not in _LIST_ENTRY_RULES:
            award.date = only


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
