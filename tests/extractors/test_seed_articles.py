"""The seed articles in seeds/: well-formed front matter, and they clean into readable text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tenure.extractors import extract
from tenure.extractors.text.markup import clean, detect_format, read_front_matter

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLES = sorted(p for p in SEEDS.iterdir() if p.suffix in {".md", ".html"} and p.name != "README.md")


def test_there_are_enough_seeds() -> None:
    assert len(ARTICLES) >= 14
    assert sum(p.suffix == ".html" for p in ARTICLES) >= 1


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_seed_front_matter(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    fields = read_front_matter(raw).fields
    assert set(fields) == {"title", "source", "url", "published_at"}
    host = urlsplit(fields["url"]).hostname or ""
    assert host == "example.com" or host.endswith(".example.com")
    assert datetime.fromisoformat(fields["published_at"]).utcoffset() is not None
    assert path.name.startswith(fields["published_at"][:10])


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_seed_cleans_to_plain_text(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    text = clean(raw).text
    assert 1_000 < len(text) < 3_500
    assert "title:" not in text and "published_at" not in text
    for leftover in ("â", "đ", "**", "](", "<p>", "&amp;"):
        assert leftover not in text, leftover
    assert detect_format(raw) == ("html" if path.suffix == ".html" else "markdown")


def test_mojibake_seed_is_damaged_and_repaired() -> None:
    raw = (SEEDS / "2025-11-06-tessellate-launch-mojibake.md").read_text(encoding="utf-8")
    assert "Whitfieldâs" in raw and "TomĂĄs" in raw
    text = clean(raw).text
    assert "Whitfield's" in text and "Tomás Ferreira" in text
    assert "Tessellate AI — and" in text


# The Yann LeCun seeds exist for the `make run` demo: his timeline must come out of them with
# these (type, date) facts, each in the file named. (file, event type, resolved date or None)
LECUN_FACTS = [
    ("2013-12-10-facebook-hires-lecun.md", "appointment", "2013-12-09"),  # FAIR, "on Monday"
    ("2013-12-10-facebook-hires-lecun.md", "appointment", "1988"),  # Bell Labs
    ("2013-12-10-facebook-hires-lecun.md", "departure", "2002"),  # leaves AT&T for NEC
    ("2019-03-27-turing-award-lecun-hinton-bengio.md", "award", "2018"),  # Turing Award
    ("2019-03-27-turing-award-lecun-hinton-bengio.md", "appointment", "2018-01"),  # chief AI scientist
    ("2025-11-12-lecun-to-leave-meta.md", "award", "2025-02"),  # Queen Elizabeth Prize
    ("2025-11-12-lecun-to-leave-meta.md", "reporting_change", "2025-08"),  # to Alexandr Wang
    ("2025-11-12-lecun-to-leave-meta.md", "departure", None),  # planned, "in the coming months"
]


@pytest.mark.parametrize(("name", "kind", "date"), LECUN_FACTS)
def test_lecun_seed_states_his_event(name: str, kind: str, date: str | None) -> None:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    published_at = datetime.fromisoformat(read_front_matter(raw).fields["published_at"])
    found = {(e.type, e.date) for e in extract(raw, published_at) if e.person == "Yann LeCun"}
    assert (kind, date) in found, sorted(found, key=str)
