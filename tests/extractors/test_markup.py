"""The text cleaner: mojibake repair, Markdown and HTML to plain text, and the offset map."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tenure.extractors.text.markup import CleanText, clean, detect_format, read_front_matter


def mojibake(text: str, code_page: str) -> str:
    """Our own sentence, UTF-8 encoded and read back through a legacy code page (bytes the
    code page leaves undefined fall back to latin-1, as sloppy decoders do)."""
    return "".join(_decode_byte(byte, code_page) for byte in text.encode("utf-8"))


def _decode_byte(byte: int, code_page: str) -> str:
    try:
        return bytes([byte]).decode(code_page)
    except UnicodeDecodeError:
        return chr(byte)


def lossy(text: str) -> str:
    """Mojibake as the seed article was delivered: read as ISO-8859-2, C1 bytes dropped."""
    decoded = text.encode("utf-8").decode("iso-8859-2")
    return "".join(char for char in decoded if not 0x80 <= ord(char) <= 0x9F)


# (id, raw, format, expected clean text)
CASES: list[tuple[str, str, str, str]] = [
    # Recoverable mojibake: every byte survived, ftfy restores the real characters.
    (
        "mojibake-cp1252-apostrophe",
        mojibake("Northwind’s chief executive resigned on Tuesday.", "cp1252"),
        "text",
        "Northwind’s chief executive resigned on Tuesday.\n",
    ),
    (
        "mojibake-cp1250-accents",
        mojibake("Anna Müller joined Zürich’s robotics lab last week.", "cp1250"),
        "text",
        "Anna Müller joined Zürich’s robotics lab last week.\n",
    ),
    (
        "mojibake-latin1-dashes",
        mojibake("Zoë Kramer — the new finance chief — starts Monday.", "latin-1"),
        "text",
        "Zoë Kramer — the new finance chief — starts Monday.\n",
    ),
    (
        "mojibake-cp1252-curly-quotes",
        mojibake("“Orbit Labs” was founded in 2019 by Priya Raman.", "cp1252"),
        "text",
        "“Orbit Labs” was founded in 2019 by Priya Raman.\n",
    ),
    (
        "mojibake-cp1250-polish",
        mojibake("Łukasz Żak leaves the Kraków office, the company said.", "cp1250"),
        "text",
        "Łukasz Żak leaves the Kraków office, the company said.\n",
    ),
    (
        "mojibake-mixed-with-clean-accents",
        "Renée Duval said Northwindâ€™s board met.",
        "text",
        "Renée Duval said Northwind’s board met.\n",
    ),
    # Lossy mojibake: the C1 bytes are gone; the rule table guesses from the neighbours.
    (
        "lossy-possessive",
        lossy("Northwind’s board met on Friday."),
        "text",
        "Northwind's board met on Friday.\n",
    ),
    (
        "lossy-contraction-and-dash",
        lossy("She isn’t leaving — not yet, she said."),
        "text",
        "She isn't leaving — not yet, she said.\n",
    ),
    (
        "lossy-quotes",
        lossy("Priya Raman’s new company, “Orbit Labs”, opened in Lisbon."),
        "text",
        'Priya Raman\'s new company, "Orbit Labs", opened in Lisbon.\n',
    ),
    (
        "lossy-quote-after-period",
        lossy("Dana’s view: “We build robots that learn.” That was all."),
        "text",
        'Dana\'s view: "We build robots that learn." That was all.\n',
    ),
    (
        "lossy-plural-possessive",
        lossy("The founders’ shares vest as Northwind’s plan says."),
        "text",
        "The founders' shares vest as Northwind's plan says.\n",
    ),
    (
        "lossy-year-range",
        lossy("Northwind’s chief from 2019–2021."),
        "text",
        "Northwind's chief from 2019–2021.\n",
    ),
    (
        "lossy-bullet-and-ellipsis",
        lossy("Kestrel’s plan • more robots…"),
        "text",
        "Kestrel's plan • more robots…\n",
    ),
    (
        "lossy-emoji-in-heading",
        lossy("# 🚨 Northwind’s CEO steps down\nShe leaves in May."),
        "markdown",
        "Northwind's CEO steps down\nShe leaves in May.\n",
    ),
    (
        "lossy-emoji-in-heading-bold",
        lossy("## 📰 The **“Quiet”** Exit\nText here."),
        "markdown",
        'The "Quiet" Exit\nText here.\n',
    ),
    (
        "lossy-with-intact-accent-on-the-same-line",
        lossy("Tomás Ferreira’s team — and Zoë’s — moved."),
        "text",
        "Tomás Ferreira's team — and Zoë's — moved.\n",
    ),
    (
        "lossy-keeps-a-real-circumflex",
        lossy("Renée’s team met at the château — and Sean O’Brien’s too."),
        "text",
        "Renée's team met at the château — and Sean O'Brien's too.\n",
    ),
    # Clean text is never "repaired".
    (
        "clean-romanian-and-french-words",
        "Cât costă? Le mât du bateau, România.",
        "text",
        "Cât costă? Le mât du bateau, România.\n",
    ),
    (
        "clean-accented-names",
        "Fei-Fei Li, Anne L'Huillier, Müller and Zoë met in Zürich.",
        "text",
        "Fei-Fei Li, Anne L'Huillier, Müller and Zoë met in Zürich.\n",
    ),
    (
        "clean-curly-quotes",
        "“We are thrilled,” said Renée O’Hara — Northwind’s new CFO.",
        "text",
        "“We are thrilled,” said Renée O’Hara — Northwind’s new CFO.\n",
    ),
    (
        "clean-french-circumflex",
        "Le château de Mâcon: pâte à choux, âge d’or, Côte d’Ivoire.",
        "text",
        "Le château de Mâcon: pâte à choux, âge d’or, Côte d’Ivoire.\n",
    ),
    (
        "clean-non-latin-scripts",
        "王小明 joined Северсталь; Αθήνα office; Đorđe Petrović stays.",
        "text",
        "王小明 joined Северсталь; Αθήνα office; Đorđe Petrović stays.\n",
    ),
    # Unicode and whitespace normalisation.
    ("nfc-combining-marks", "Zoe\u0301 Mu\u0308ller", "text", "Zoé Müller\n"),
    ("nbsp-and-space-runs", "Acme\u00a0Corp  named\t Jane   Doe.", "text", "Acme Corp named Jane Doe.\n"),
    (
        "crlf-and-blank-lines",
        "First line.\r\n\r\n\r\nSecond line.\r\n",
        "text",
        "First line.\nSecond line.\n",
    ),
    ("zero-width-and-bom", "\ufeffNorth\u200bwind hired Kim.", "text", "Northwind hired Kim.\n"),
    (
        "text-hard-wrap-joined",
        "Northwind Robotics said on Tuesday that its finance chief would\nstep down at the end of March.",
        "text",
        "Northwind Robotics said on Tuesday that its finance chief would step down at the end of March.\n",
    ),
    (
        "text-title-not-joined",
        "Northwind names new CFO\nNorthwind Robotics named Kim Sato finance chief.",
        "text",
        "Northwind names new CFO\nNorthwind Robotics named Kim Sato finance chief.\n",
    ),
    # Markdown.
    ("md-headings", "# Big news\n## Board changes ##\nText.", "markdown", "Big news\nBoard changes\nText.\n"),
    (
        "md-emphasis",
        "**Dana Whitfield** joined *Northwind* and __Kestrel__ ~~once~~.",
        "markdown",
        "Dana Whitfield joined Northwind and Kestrel once.\n",
    ),
    (
        "md-link-and-image",
        "![logo](logo.png)[Orbit Labs](https://orbit.example.com/about) raised money, see <https://x.example.com>.",
        "markdown",
        "Orbit Labs raised money, see https://x.example.com.\n",
    ),
    (
        "md-bullets",
        "Moves:\n- Kim Sato, CFO\n* Dana Whitfield, CEO\n+ Omar Haddad\n1. First\n2) Second\n- [x] Done",
        "markdown",
        "Moves:\nKim Sato, CFO\nDana Whitfield, CEO\nOmar Haddad\nFirst\nSecond\nDone\n",
    ),
    (
        "md-quote",
        '> "We are thrilled," she said.\n> > Nested **quote**.',
        "markdown",
        '"We are thrilled," she said.\nNested quote.\n',
    ),
    (
        "md-rules-and-blank-lines",
        "One.\n\n---\n\n* * *\n\nTwo.\n___\n",
        "markdown",
        "One.\nTwo.\n",
    ),
    (
        "md-code-fence",
        "Before.\n```python\nx = a_b * 2\n```\nAfter.",
        "markdown",
        "Before.\nx = a_b * 2\nAfter.\n",
    ),
    (
        "md-front-matter",
        "---\ntitle: Northwind names CFO\npublished_at: 2025-03-04T09:30:00-05:00\n---\n# Head\nBody.",
        "markdown",
        "Head\nBody.\n",
    ),
    (
        "md-identifiers-and-arithmetic-untouched",
        "The snake_case name and 3 * 4 stay; **bold** goes.",
        "markdown",
        "The snake_case name and 3 * 4 stay; bold goes.\n",
    ),
    (
        "md-wrapped-paragraph-bullet-and-quote",
        "Northwind Robotics said on Tuesday that its finance chief would\nstep down in March.\n"
        "- Kim Sato, who joined Brightwater Systems in 2014 as a controller, will\n  join Northwind.\n"
        "> We are thrilled to welcome Kim to the company and to our board, and\n> we thank her.\n"
        "- A bullet that ends without punctuation but is not continued by\nUnindented text after it.",
        "markdown",
        "Northwind Robotics said on Tuesday that its finance chief would step down in March.\n"
        "Kim Sato, who joined Brightwater Systems in 2014 as a controller, will join Northwind.\n"
        "We are thrilled to welcome Kim to the company and to our board, and we thank her.\n"
        "A bullet that ends without punctuation but is not continued by\nUnindented text after it.\n",
    ),
    (
        "md-bold-line-then-bullet",
        "**Who is Dana?**\n- Founder of Kestrel\nShe left in 2021.",
        "markdown",
        "Who is Dana?\nFounder of Kestrel\nShe left in 2021.\n",
    ),
    (
        "md-escapes-and-inline-code",
        "Use `tenure extract` on \\*starred\\* files.",
        "markdown",
        "Use tenure extract on *starred* files.\n",
    ),
    (
        "md-table",
        "| Name | Role |\n|---|:---:|\n| Kim Sato | CFO |\nAfter.",
        "markdown",
        "Name Role\nKim Sato CFO\nAfter.\n",
    ),
    # HTML.
    (
        "html-article-preferred",
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Home | About</nav>"
        "<article><h1>Kim Sato joins Northwind</h1><p>Northwind hired Kim Sato.</p></article>"
        "<footer>© News</footer><script>var a = 1 < 2;</script></body></html>",
        "html",
        "Kim Sato joins Northwind\nNorthwind hired Kim Sato.\n",
    ),
    (
        "html-entities",
        "<body><p>Barnes &amp; Cole&#8217;s CEO &mdash; Omar&nbsp;Haddad &#x2014; resigned.</p></body>",
        "html",
        "Barnes & Cole’s CEO — Omar Haddad — resigned.\n",
    ),
    (
        "html-body-without-header",
        "<body><header>Site name</header><div>First <b>bold</b> block.</div><div>Second\n   block.</div>"
        "<aside>Ad</aside><form>Sign up</form></body>",
        "html",
        "First bold block.\nSecond block.\n",
    ),
    (
        "html-lists-and-breaks",
        "<main><ul><li>One</li><li>Two</li></ul><p>Line<br>break</p><noscript>x</noscript></main>",
        "html",
        "One\nTwo\nLine\nbreak\n",
    ),
    (
        "html-comment-front-matter",
        "<!--\n---\ntitle: A\nurl: https://news.example.com/a\n---\n-->\n<!DOCTYPE html><html><body>"
        "<article><header><h1>Head</h1></header><p>Body &amp; more.</p><footer>tags</footer></article>"
        "</body></html>",
        "html",
        "Head\nBody & more.\n",
    ),
    (
        "rss-item-with-escaped-html",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item>'
        "<title>Kim Sato joins Northwind</title><link>https://news.example.com/a</link>"
        "<pubDate>Tue, 04 Mar 2025 09:30:00 -0500</pubDate><description>&lt;p&gt;Northwind hired "
        "&lt;b&gt;Kim Sato&lt;/b&gt; as CFO.&lt;/p&gt;&lt;p&gt;She starts Monday.&lt;/p&gt;</description>"
        "</item><item><title>Second item</title></item></channel></rss>",
        "html",
        "Kim Sato joins Northwind\nNorthwind hired Kim Sato as CFO.\nShe starts Monday.\n",
    ),
    (
        "atom-entry-with-cdata",
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><entry><title>Dana leaves</title>'
        "<updated>2025-01-01T00:00:00Z</updated><author><name>Desk</name></author>"
        '<content type="html"><![CDATA[<p>Dana Whitfield left <b>Northwind</b>.</p>]]></content></entry></feed>',
        "html",
        "Dana leaves\nDana Whitfield left Northwind.\n",
    ),
    (
        "html-mojibake",
        "<p>" + mojibake("Northwind’s CFO resigned.", "cp1252") + "</p><p>Next.</p>",
        "html",
        "Northwind’s CFO resigned.\nNext.\n",
    ),
]


@pytest.mark.parametrize(("raw", "fmt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_clean(raw: str, fmt: str, expected: str) -> None:
    assert clean(raw, fmt).text == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "fmt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_auto_format_gives_the_same_text(raw: str, fmt: str, expected: str) -> None:
    if detect_format(raw) == fmt:
        assert clean(raw).text == expected


@pytest.mark.parametrize(("raw", "fmt"), [c[1:3] for c in CASES], ids=[c[0] for c in CASES])
def test_offset_map_invariants(raw: str, fmt: str) -> None:
    result = clean(raw, fmt)  # type: ignore[arg-type]
    assert_offsets_valid(result, raw)


def assert_offsets_valid(result: CleanText, raw: str, *, exact_letters: bool = True) -> None:
    offsets = result.offsets
    assert len(offsets) == len(result.text) + 1
    assert offsets[-1] == len(raw)
    assert all(0 <= a <= b <= len(raw) for a, b in zip(offsets, offsets[1:], strict=False))
    # A letter or digit is never invented: it comes from the same character in the raw input.
    for index, char in enumerate(result.text if exact_letters else ""):
        if char.isascii() and char.isalnum():
            assert raw[offsets[index]] == char, (index, char, raw[offsets[index] - 5 : offsets[index] + 5])
    rng = random.Random(len(raw))
    for _ in range(50):
        start = rng.randrange(len(result.text) + 1)
        end = rng.randrange(start, len(result.text) + 1)
        raw_start, raw_end = result.to_input(start, end)
        assert 0 <= raw_start <= raw_end <= len(raw)


CLEAN_SENTENCES = [
    "Northwind Robotics named Kim Sato chief financial officer on Tuesday.",
    "Müller and Zoë joined “Orbit Labs” — Renée O’Hara’s company — in 2013.",
    "王小明 joined Северсталь in Αθήνα.",
    # Scripts and symbols that sit next to code-page look-alikes, yet are not mojibake.
    "São Paulo, NÃO, Açaí — 30°C, £5, ©2024, ½ off, ¿Qué? ¡Sí!",
    "Grüße aus Köln: Jürgen Weiß übernimmt.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy. Łódź, Gdańsk, Kraków.",
    "İstanbul’da Çağlar Öztürk göreve başladı.",
    "Nguyễn Văn Ân và Trần Thị Mâu gặp nhau ở Hà Nội.",
    "Þórður Ísfeld og Guðrún í Reykjavík.",
    "« Bonjour », dit Hélène à l’hôtel — “Ça va ?”",
]


@pytest.mark.parametrize("sentence", CLEAN_SENTENCES)
def test_unchanged_text_maps_spans_back_exactly(sentence: str) -> None:
    result = clean(sentence, "text")
    assert result.text == sentence + "\n"
    rng = random.Random(7)
    for _ in range(100):
        start = rng.randrange(len(sentence))
        end = rng.randrange(start + 1, len(sentence) + 1)
        raw_start, raw_end = result.to_input(start, end)
        assert sentence[raw_start:raw_end] == result.text[start:end]


def test_markdown_spans_map_to_the_words_in_the_raw_input() -> None:
    raw = "## Moves\n- **Kim Sato** joined [Northwind Robotics](https://n.example.com) as CFO.\n"
    result = clean(raw)
    for word in ("Moves", "Kim Sato", "Northwind Robotics", "as CFO."):
        start = result.text.index(word)
        raw_start, raw_end = result.to_input(start, start + len(word))
        assert raw[raw_start:raw_end] == word


def test_lossy_repair_maps_to_the_damaged_character() -> None:
    raw = lossy("Northwind’s board met.")
    result = clean(raw, "text")
    apostrophe = result.text.index("'")
    assert raw[result.offsets[apostrophe]] == "â"
    start = result.text.index("board")
    assert raw[slice(*result.to_input(start, start + 5))] == "board"


def test_html_spans_map_to_the_text_nodes() -> None:
    raw = "<html><body><nav>x</nav><article><p>Kim Sato &amp; Omar Haddad left Kestrel.</p></article></body></html>"
    result = clean(raw)
    start = result.text.index("Omar Haddad")
    assert raw[slice(*result.to_input(start, start + len("Omar Haddad")))] == "Omar Haddad"


# (id, raw, expected format)
FORMATS = [
    ("html-doctype", "<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("html-fragment", "<p>One.</p><p>Two.</p>", "html"),
    ("html-single-paragraph", "<p>Kim Sato joined Northwind.</p>", "html"),
    ("rss-feed", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item>', "html"),
    ("markdown-heading", "# Title\nText", "markdown"),
    ("markdown-bold", "The **board** met.", "markdown"),
    ("markdown-link", "See [this](https://x.example.com).", "markdown"),
    ("markdown-quote-and-bullet", "> said\n- item", "markdown"),
    ("text-plain", "Kim Sato joined Northwind on Tuesday.", "text"),
    ("text-one-dash-line", "- just one dash line", "text"),
    ("text-angle-brackets", "3 < 4 and 5 > 2", "text"),
]


@pytest.mark.parametrize(("raw", "expected"), [f[1:] for f in FORMATS], ids=[f[0] for f in FORMATS])
def test_detect_format(raw: str, expected: str) -> None:
    assert detect_format(raw) == expected


def test_front_matter_fields() -> None:
    raw = (
        '---\ntitle: "Kim Sato joins"\nsource: The Ledger\npublished_at: 2025-03-04T09:30:00-05:00\n---\nBody'
    )
    front = read_front_matter(raw)
    assert front.fields == {
        "title": "Kim Sato joins",
        "source": "The Ledger",
        "published_at": "2025-03-04T09:30:00-05:00",
    }
    assert raw[front.body_start :] == "Body"


def test_no_front_matter_when_lines_are_not_fields() -> None:
    raw = "---\nJust a rule, then prose\n---\nBody"
    assert read_front_matter(raw).fields == {}
    assert read_front_matter(raw).body_start == 0


def test_seed_article_is_repaired(shared_dir: Path) -> None:
    raw = (shared_dir / "seed-article.md").read_text(encoding="utf-8")
    result = clean(raw)
    assert "â" not in result.text
    assert "Meta's" in result.text
    assert "đ" not in result.text
    assert '"World Models"' in result.text
    assert_offsets_valid(result, raw)


MARKUP_ALPHABET = "ab Z9#*_[]()>-|`\\!<>&;/\n\t\u00a0âĂĄ€™đ¨éëü’“”—\u0301王"


@settings(max_examples=300, deadline=None)
@given(raw=st.text(alphabet=MARKUP_ALPHABET, max_size=120), fmt=st.sampled_from(["text", "markdown", "html"]))
def test_offset_map_holds_for_any_input(raw: str, fmt: str) -> None:
    result = clean(raw, fmt)  # type: ignore[arg-type]
    # Offsets into markup the HTML parser had to repair ("9</") are coarse by design: only the
    # shape of the map is promised there; well-formed HTML is held to exact letters above.
    assert_offsets_valid(result, raw, exact_letters=fmt != "html")
    assert result.text == "" or result.text.endswith("\n")
    assert "\n\n" not in result.text
