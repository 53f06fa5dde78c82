"""Given names and their usual gender, from the name dictionary the gender-guesser package ships.

Two uses: a capitalised pair whose first word is a given name is a person ("Lionel Park"), and
"she"/"he" resolve to the last person whose name fits. The dictionary (about 45,000 names from
many countries) is read once per process; without the package the engine falls back to the small
list in entities/lexicon.py.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Literal

from tenure.extractors.entities.lexicon import FIRST_NAMES, NOT_NAME_WORDS

Gender = Literal["male", "female", "either"]


@lru_cache(maxsize=1)
def given_names() -> dict[str, Gender]:
    """Lower-case given name to its usual gender."""
    try:
        data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        raw = data.read_bytes().decode("iso-8859-1")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    names: dict[str, Gender] = {}
    for line in raw.splitlines():
        # Fixed columns: a gender code ("M", "1F", "?M", "?"), then the name; "+" joins parts.
        if not line or line[0] in "#=":
            continue
        code, name = line[:2].strip(), line[3:29].strip().replace("+", "-").lower()
        if not name or " " in name or code.startswith("?") and code != "?":
            continue
        gender: Gender = "female" if "F" in code else "male" if "M" in code else "either"
        previous = names.get(name)
        names[name] = gender if previous in (None, gender) else "either"
    return names


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    low = word.lower()
    if low in FIRST_NAMES:
        return True
    if low in NOT_NAME_WORDS or len(low) <= 2:
        return False
    # The dictionary spells names without accents: "Inês" and "José" are found as "ines", "jose".
    return low in given_names() or _unaccented(low) in given_names()


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def gender_of(full_name: str) -> Gender:
    first = full_name.split()[0].lower()
    return given_names().get(first, "either")
