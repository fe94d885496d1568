"""Name normalisation shared by the gazetteer build and every lookup (both sides must agree).

Why: news spells the same place many ways ("Ar-Raqqah", "Raqqa", "al-Raqqa"; "Deir ez-Zor",
"Deir al-Zor", "Dayr az Zawr"). One key folds case, diacritics, punctuation and Arabic articles;
a looser "fuzzy" key also folds doubled letters and a final h, for lower-confidence matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Arabic-style articles and their assimilated forms (al-, ar-, ash-, ez- ...), dropped inside multiword names.
ARTICLES = frozenset(
    "al el ar as ash at ath ad adh az ez es an en ed er et ul ur um".split()
)  # fmt: skip
_APOSTROPHES = re.compile(r"[\u2018\u2019'`\u02bb\u02bc\u02be\u02bf\u02b9]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


@lru_cache(maxsize=500_000)
def normalize(name: str) -> str:
    """The lookup key: ASCII, lower case, no punctuation, no Arabic articles ("Ar-Raqqah" -> "raqqah")."""
    s = unidecode(_APOSTROPHES.sub("", name)).lower()
    tokens = _NON_ALNUM.sub(" ", s).split()
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in ARTICLES] or tokens
    if (
        len(tokens) == 2
        and tokens[0] in ("al", "el", "ar", "as", "ash", "at", "ad", "az")
        and len(tokens[1]) > 2
    ):
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=200_000)
def fuzzy_key(name: str) -> str:
    """A looser key for transliteration variants ("Raqqah" ~ "Raqa", "Menbij" stays distinct)."""
    key = normalize(name)
    key = _DOUBLE.sub(r"\1", key)
    key = _FINAL_H.sub("", key)
    # vowels are where transliterations differ most ("Saraqeb"/"Saraqib", "Homs"/"Hums")
    return key.replace("ou", "u").replace("ee", "i").replace("e", "i").replace("o", "u").replace("q", "k")


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (names in other scripts never match English text)."""
    for ch in name:
        if ch.isalpha() and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or 0x2B0 <= ord(ch) <= 0x2FF):
            return False
    return True


def keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth indexing for English news.

    Drops other scripts, lower-case romanisation artefacts ("rqh", "alrqt"), codes ("ALP", "DEZ"),
    names with digits and very short keys: they match common words far more often than places.
    """
    if not name or not is_latin(name) or name.islower() or any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return len(normalize(name)) >= 3
