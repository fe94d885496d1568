"""Common given names, to tell a person's name from a place's or a country's possessive.

Why: without the NER model, "Sam Gallagher" looks like Sam (Damascus in Turkish) and a Mr Gallagher,
and "Frances Fitzgerald" like "France's Fitzgerald". The list is the most frequent thousand male and
thousand female first names of the US Census 1990 name frequency files (public domain), shipped in
`data/given_names.txt`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).parent / "data" / "given_names.txt"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The list, capitalised as in running text ("Mary")."""
    lines = _FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
