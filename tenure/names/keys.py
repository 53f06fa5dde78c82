"""Name keys: the normalised form under which people and organizations are stored and found.

Rules are data (each entry with an example); `name_key` applies them. A key keeps letters and
digits of any script, lower-cased, accent-free, one space between words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

EntityKind = Literal["person", "organization"]

# Possessive endings dropped before punctuation: "Meta's" -> "Meta", "LeCun’s" -> "LeCun".
_POSSESSIVE = re.compile(r"(?<=\w)['’‘`´]s\b", re.IGNORECASE)
# Anything that is not a letter or digit separates words: "Wal-Mart" -> "wal mart".
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

# Legal-form words dropped from the end of an organization's name, repeatedly
# ("Acme Co., Ltd." -> "acme"). Each: (word as it appears in a key, example).
CORPORATE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("inc", "Northwind Robotics, Inc."),
    ("incorporated", "Kestrel Dynamics Incorporated"),
    ("corp", "Brightwater Corp."),
    ("corporation", "Brightwater Corporation"),
    ("co", "Calloway & Co."),
    ("company", "The Ridgeline Company"),
    ("ltd", "Tessellate Ltd"),
    ("limited", "Tessellate Limited"),
    ("llc", "Harbor Media LLC"),
    ("plc", "Ledger Group plc"),
    ("gmbh", "Vogt Antriebe GmbH"),
    ("ag", "Lindqvist Werke AG"),
    ("sa", "Ferreira Industrias S.A."),
    ("lp", "Ridgeline Partners, L.P."),
    ("llp", "Ambler Salgado LLP"),
)
_SUFFIX_WORDS = frozenset(word for word, _ in CORPORATE_SUFFIXES)
# Leading words dropped from organization names: "The Ridgeline Company" -> "ridgeline".
ORGANIZATION_PREFIXES: tuple[tuple[str, str], ...] = (("the", "The Harbor Ledger"),)
_PREFIX_WORDS = frozenset(word for word, _ in ORGANIZATION_PREFIXES)
# Honorifics dropped from the front of a person's name: "Dr. Lena Vogt" -> "lena vogt".
HONORIFICS: tuple[tuple[str, str], ...] = (
    ("dr", "Dr. Lena Vogt"),
    ("mr", "Mr. Omar Haddad"),
    ("mrs", "Mrs. Helen Marsh"),
    ("ms", "Ms. Priya Raman"),
    ("mx", "Mx. Kim Sato"),
    ("prof", "Prof. Sofia Lindqvist"),
    ("professor", "Professor Sofia Lindqvist"),
    ("sir", "Sir Marcus Oyelaran"),
    ("dame", "Dame Ruth Adeyemi"),
)
_HONORIFIC_WORDS = frozenset(word for word, _ in HONORIFICS)


def name_key(name: str, kind: EntityKind = "person") -> str:
    """The resolution key of a name: "Tomás Ferreira" -> "tomas ferreira", "Acme, Inc." -> "acme".

    Organizations also lose legal-form suffixes and a leading "the"; "&" reads as "and" so
    "Procter & Gamble" and "Procter and Gamble" meet. An empty key means the name has no words.
    """
    text = _POSSESSIVE.sub("", name).replace("&", " and ")
    # Twice: case folding can yield combining marks ("İ"), compatibility forms capitals ("㎒").
    words = _NON_WORD.sub(" ", _fold_letters(_fold_letters(text))).split()
    if kind == "organization":
        words = _trim(words, _PREFIX_WORDS, _SUFFIX_WORDS)
    else:
        words = _trim(words, _HONORIFIC_WORDS, frozenset())
    return " ".join(words)


def _fold_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _trim(words: list[str], leading: frozenset[str], trailing: frozenset[str]) -> list[str]:
    # Never trim a name down to nothing: "The Company" keeps its words.
    start, end = 0, len(words)
    while end - start > 1 and words[start] in leading:
        start += 1
    while end - start > 1 and words[end - 1] in trailing:
        end -= 1
    return words[start:end]
