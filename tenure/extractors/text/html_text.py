"""HTML to the article's main text, one block element per line.

selectolax (lexbor) parses and decides what is content: `<article>`, else `<main>`, else
`<body>`, without scripts, navigation, footers, asides and forms. selectolax does not report
source positions, so offsets come from a light scan of the raw HTML: the text between tags,
entity-decoded with each character's raw offset. Text nodes are matched to those segments in
document order; a node whose text matches exactly gets exact offsets, any other node maps to
the segment where the scan stands (coarse, but never out of order).
"""

from __future__ import annotations

import bisect
import html
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tenure.extractors.text.cleantext import CleanText

# Never article text, wherever they are.
DROPPED_TAGS = frozenset(
    {"script", "style", "nav", "footer", "aside", "form", "noscript", "template", "svg", "iframe"}
    | {"button", "head", "select", "canvas", "object", "embed", "dialog", "menu"}
    # Feed item metadata: the ingest reads these fields itself; they are not article text.
    | {"link", "pubdate", "guid", "category", "comments", "enclosure", "author", "dc:creator", "updated"}
)
# Page chrome when the whole body is the content; an article's own header holds its headline.
DROPPED_OUTSIDE_ARTICLE = frozenset({"header"})
BLOCK_TAGS = frozenset(
    {"address", "article", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset"}
    | {"figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"}
    | {"ol", "p", "pre", "section", "summary", "table", "caption", "tbody", "thead", "tfoot"}
    | {"tr", "ul"}
    | {"title", "description", "summary", "content", "content:encoded", "item", "entry"}
)
CELL_TAGS = frozenset({"td", "th"})
PREFORMATTED_TAGS = frozenset({"pre", "textarea"})
# "&amp;", "&#8217;", "&#x2014;", and the legacy "&amp" without a semicolon.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
# HTML that survived the first pass as text: a feed's escaped description ("<p>Kim ...</p>").
ESCAPED_MARKUP = re.compile(r"</(?:p|div|b|i|em|strong|a|li|h[1-6]|span)>", re.IGNORECASE)
CDATA_OPEN = re.compile(r"<!\[CDATA\[")
CDATA_CLOSE = re.compile(r"\]\]>")
# How many raw segments past the cursor a trimmed text node is looked for in.
_LOOKAHEAD = 4
# Elements whose content is not markup: their text is skipped up to the closing tag.
_RAW_TEXT_TAGS = ("script", "style", "textarea")


@dataclass(frozen=True, slots=True)
class _Segment:
    text: str  # entity-decoded text between two tags
    offsets: tuple[int, ...]  # raw offset of each character of `text`


def html_to_text(raw: str) -> CleanText:
    """Main text of an HTML page, or of the first item of an RSS or Atom feed."""
    first_pass = _main_text(_unwrap_cdata(raw))
    if len(ESCAPED_MARKUP.findall(first_pass.text)) < 2:
        return first_pass
    # A feed's description carries its HTML escaped ("&lt;p&gt;"); decoded, it is HTML again.
    second_pass = _main_text(first_pass.text)
    offsets = first_pass.offsets
    return CleanText(second_pass.text, tuple(offsets[index] for index in second_pass.offsets))


def _unwrap_cdata(raw: str) -> str:
    """Blank out CDATA brackets (same length, so offsets hold) so their content parses as HTML."""
    if "<![CDATA[" not in raw:
        return raw
    return CDATA_OPEN.sub(lambda m: " " * len(m.group()), CDATA_CLOSE.sub("   ", raw))


def _main_text(raw: str) -> CleanText:
    tree = LexborHTMLParser(raw)
    root = (
        tree.css_first("article")
        or tree.css_first("main")
        or tree.css_first("item")
        or tree.css_first("entry")
        or tree.body
        or tree.root
    )
    if root is None:
        return CleanText("", (len(raw),))
    segments = _Segments(list(_scan_segments(raw)))
    keep_header = root.tag in ("article", "main")
    chars: list[str] = []
    offsets: list[int] = []
    for node, preformatted in _content_text_nodes(root, keep_header, chars, offsets):
        text = node.text_content or ""
        if not text:
            continue
        node_offsets = segments.offsets_for(text)
        _append_text(text, node_offsets, preformatted, chars, offsets)
    offsets.append(len(raw))
    return CleanText("".join(chars), tuple(offsets))


def _content_text_nodes(
    root: LexborNode, keep_header: bool, chars: list[str], offsets: list[int]
) -> Iterator[tuple[LexborNode, bool]]:
    """Text nodes under `root` in document order; writes block breaks into chars/offsets."""
    stack: list[tuple[LexborNode, bool, int]] = [(root, False, 0)]
    while stack:
        node, leaving, pre_depth = stack.pop()
        tag = node.tag or ""
        if leaving:
            _break(tag, chars, offsets)
            continue
        if node.is_text_node:
            # HTML parsers read a feed's <link> as a void element, its URL as the next text node.
            if node.prev is None or node.prev.tag != "link":
                yield node, pre_depth > 0
            continue
        if not node.is_element_node and node is not root:
            continue  # comments, doctype
        if tag in DROPPED_TAGS or (tag in DROPPED_OUTSIDE_ARTICLE and not keep_header):
            continue
        _break(tag, chars, offsets)
        depth = pre_depth + (tag in PREFORMATTED_TAGS)
        stack.append((node, True, depth))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False, depth) for c in reversed(children))


def _break(tag: str, chars: list[str], offsets: list[int]) -> None:
    if tag not in BLOCK_TAGS and tag not in CELL_TAGS:
        return
    separator = " " if tag in CELL_TAGS else "\n"
    if chars and chars[-1] != "\n":
        chars.append(separator)
        offsets.append(offsets[-1])


def _append_text(
    text: str, node_offsets: tuple[int, ...], preformatted: bool, chars: list[str], offsets: list[int]
) -> None:
    if preformatted:
        chars.extend(text)
        offsets.extend(node_offsets)
        return
    pos = 0
    for match in HTML_SPACE.finditer(text):
        chars.extend(text[pos : match.start()])
        offsets.extend(node_offsets[pos : match.start()])
        if not chars or chars[-1] not in " \n":
            chars.append(" ")
            offsets.append(node_offsets[match.start()])
        pos = match.end()
    chars.extend(text[pos:])
    offsets.extend(node_offsets[pos:])


class _Segments:
    """Raw text segments, looked up by decoded text in document order."""

    def __init__(self, segments: list[_Segment]) -> None:
        self._segments = segments
        self._by_text: defaultdict[str, list[int]] = defaultdict(list)
        for index, segment in enumerate(segments):
            self._by_text[segment.text].append(index)
        self._cursor = 0
        self._last = 0

    def offsets_for(self, text: str) -> tuple[int, ...]:
        candidates = self._by_text.get(text, [])
        found = bisect.bisect_left(candidates, self._cursor)
        if found < len(candidates):
            index = candidates[found]
            self._cursor = index + 1
            offsets = self._segments[index].offsets
            self._last = offsets[-1] if offsets else self._last
            return offsets
        # The parser trimmed or split the text (leading whitespace, a stray "<"): look inside the
        # next few segments before settling for a coarse anchor.
        for index in range(self._cursor, min(self._cursor + _LOOKAHEAD, len(self._segments))):
            segment = self._segments[index]
            inside = segment.text.find(text)
            if inside >= 0:
                self._cursor = index
                offsets = segment.offsets[inside : inside + len(text)]
                self._last = offsets[-1]
                return offsets
        # Malformed markup the parser kept as text ("9a</"): the common start maps exactly.
        if self._cursor < len(self._segments):
            segment = self._segments[self._cursor]
            skip = len(segment.text) - len(segment.text.lstrip())  # the parser drops leading space
            common = _common_prefix(segment.text[skip:], text)
            if common:
                self._cursor += 1
                self._last = segment.offsets[skip + common - 1]
                return segment.offsets[skip : skip + common] + (self._last,) * (len(text) - common)
        # No match at all (the parser repaired or re-ordered the markup): stay coarse.
        if self._cursor < len(self._segments) and self._segments[self._cursor].offsets:
            anchor = max(self._last, self._segments[self._cursor].offsets[0])
        else:
            anchor = self._last
        return (anchor,) * len(text)


def _scan_segments(raw: str) -> Iterator[_Segment]:
    """The text between tags, comments and raw-text elements, in source order (linear)."""
    pos = 0
    length = len(raw)
    lowered = raw.lower()
    while pos < length:
        tag_start = _next_markup(raw, pos)
        if tag_start > pos:
            yield _decode(raw, pos, tag_start)
        if tag_start >= length:
            return
        pos = _skip_markup(raw, lowered, tag_start)


def _next_markup(raw: str, pos: int) -> int:
    """Where the next tag or comment starts; a `<` not followed by a name is text ("3 < 4")."""
    while True:
        found = raw.find("<", pos)
        if found < 0 or found + 1 >= len(raw):
            return len(raw)
        following = raw[found + 1]
        if following.isascii() and (following.isalpha() or following in "/!?"):
            return found
        pos = found + 1


def _skip_markup(raw: str, lowered: str, start: int) -> int:
    """Position just past the markup that starts at `start` (a tag, comment or raw-text element)."""
    if raw.startswith("<!--", start):
        end = raw.find("-->", start + 4)
        return len(raw) if end < 0 else end + 3
    end = raw.find(">", start + 1)
    if end < 0:
        return len(raw)
    opening = lowered[start + 1 : start + 12]
    for name in _RAW_TEXT_TAGS:
        if opening.startswith(name) and not opening[len(name) : len(name) + 1].isalnum():
            close = lowered.find(f"</{name}", end)
            return len(raw) if close < 0 else close
    return end + 1


def _decode(raw: str, start: int, end: int) -> _Segment:
    chunk = raw[start:end]
    if "&" not in chunk:
        return _Segment(chunk, tuple(range(start, end)))
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in ENTITY.finditer(chunk):
        decoded = html.unescape(match.group())
        if decoded == match.group():
            continue  # not an entity after all ("&a9"): left as text, with its own offsets
        chars.extend(chunk[pos : match.start()])
        offsets.extend(range(start + pos, start + match.start()))
        # "&amp9" decodes to "&9": characters kept from the source keep their own offsets.
        kept = _common_suffix(decoded, match.group())
        chars.extend(decoded)
        offsets.extend([start + match.start()] * (len(decoded) - kept))
        offsets.extend(range(start + match.end() - kept, start + match.end()))
        pos = match.end()
    chars.extend(chunk[pos:])
    offsets.extend(range(start + pos, end))
    return _Segment("".join(chars), tuple(offsets))


def _common_suffix(decoded: str, source: str) -> int:
    length = 0
    while length < len(decoded) - 1 and decoded[-1 - length] == source[-1 - length]:
        length += 1
    return length


def _common_prefix(first: str, second: str) -> int:
    length = 0
    limit = min(len(first), len(second))
    while length < limit and first[length] == second[length]:
        length += 1
    return length
