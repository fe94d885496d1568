"""Casualty counts: killed / wounded / missing / abducted / arrested, with victim kinds, from plain text.

Why a small token grammar and not the dependency parse: casualty statements are formulaic ("killed 12
people", "70 civilians were killed", "the death toll rose to 30") and this runs on every event sentence, so
it has to be fast and predictable. A statement is a number phrase joined to an outcome word, either
    outcome-verb  NUMBER [victims]                 "killing at least 12 civilians", "injured 32"
    NUMBER [victims] [subset] [aux]  outcome       "two children and a woman were killed", "12 dead"
    death toll ... NUMBER                          "putting the death toll at at least 70"

Numbers: digits ("1,400"), words ("seventy", "ninety-two", "one hundred and twenty"), "a"/"an"/"one" before
a singular victim noun ("a child was killed" = 1), "a family of five" = 5, qualifiers kept in the text but
not in the value ("at least 70", "more than 200", "nearly 100" -> 70, 200, 100). Ranges ("between 10 and
15", "10 to 15", "10-15", "two or three") keep `killed_range` = (low, high) and count the low end.

Vague quantities (ACLED codebook convention; the lower bound a careful coder would defend):
    "a dozen" / "dozens" = 12, "scores" / "a score" = 20, "tens" = 10, "hundreds" = 100, "thousands" = 1000,
    "several" / "many" / "numerous" = 10 (ACLED codes "several/many" fatalities as 10), "a few" = 3,
    "a couple" = 2, "several hundred" = 100, "dozens" after "several" = 12.

Victim kinds in `Casualties.victims` (subset counts of the killed; other outcomes use "<kind>_<outcome>",
e.g. "children_wounded"): "civilians" (civilians, residents, villagers, medics, journalists... and children
and women, who are civilians too), "children", "women", "combatants" (soldiers, troops, fighters, militants,
rebels, police...). "including 2 women" / "among them 3 children" / "mostly children" add a subset, never
to the total; a kind named without a number ("mostly women and children") maps to None.

Cumulative totals ("the death toll since 2011", "more than 400,000 people have died in the war", "the
conflict has killed...") are not an event's casualties and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirecoder.schema import Casualties
from wirecoder.when import time_spans

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000, "several": 10, "many": 10,
    "numerous": 10,
}  # fmt: skip
_VAGUE_ARTICLE = {
    ("a", "dozen"): 12,
    ("a", "score"): 20,
    ("a", "few"): 3,
    ("a", "couple"): 2,
    ("a", "handful"): 3,
}
_QUALIFIERS = [
    ("at", "least"), ("more", "than"), ("less", "than"), ("fewer", "than"), ("up", "to"),
    ("as", "many", "as"),
    ("at", "most"), ("an", "estimated"), ("upwards", "of"), ("in", "excess", "of"), ("just", "over"),
    ("well", "over"), ("a", "total", "of"), ("over",), ("nearly",), ("almost",), ("about",), ("around",),
    ("some",), ("approximately",), ("roughly",), ("another",), ("a", "further"), ("further",), ("only",),
    ("at", "at", "least"),
]  # fmt: skip

_QUALIFIERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _q in sorted(_QUALIFIERS, key=len, reverse=True):
    _QUALIFIERS_BY_FIRST.setdefault(_q[0], []).append(_q)

# victim nouns -> kind (None: people of unknown kind). Singular forms accept "a"/"an"/"one" as 1.
_KIND_WORDS: dict[str, str | None] = {}
for _kind, _words in {
    "children": "children child kids kid boys boy girls girl infants infant babies baby toddlers toddler "
    "minors minor schoolchildren teenagers teenager pupils pupil",
    "women": "women woman mothers mother",
    "civilians": "civilians civilian residents resident villagers villager worshippers worshipper shoppers "
    "passengers passenger patients patient doctors doctor nurses nurse medics medic paramedics rescuers "
    "rescuer journalists journalist reporters reporter farmers farmer workers worker students student "
    "refugees refugee displaced families family relatives volunteers volunteer teachers teacher activists "
    "activist protesters protester demonstrators demonstrator staff",
    "combatants": "soldiers soldier troops trooper fighters fighter militants militant rebels rebel "
    "insurgents insurgent jihadists jihadist gunmen gunman militiamen militiaman militia policemen "
    "policeman police officers officer guards guard personnel servicemen serviceman combatants combatant "
    "terrorists terrorist extremists extremist commanders commander recruits conscripts pilots pilot "
    "forces members member mercenaries mercenary snipers sniper bombers bomber army jihadis jihadi "
    "servicemembers marines marine",
    "": "people persons person individuals individual men man others syrians iraqis kurds "
    "victims victim detainees detainee prisoners prisoner hostages hostage",
}.items():
    for _w in _words.split():
        _KIND_WORDS[_w] = _kind or None
_SINGULAR = {
    "child", "kid", "boy", "girl", "infant", "baby", "toddler", "minor", "teenager", "pupil", "woman",
    "mother",
    "civilian", "resident", "villager", "worshipper", "passenger", "patient", "doctor", "nurse", "medic",
    "rescuer", "journalist", "reporter", "farmer", "worker", "student", "refugee", "family", "volunteer",
    "teacher", "soldier", "trooper", "fighter", "militant", "rebel", "insurgent", "jihadist", "gunman",
    "militiaman", "policeman", "officer", "guard", "serviceman", "combatant", "terrorist", "extremist",
    "commander", "pilot", "member", "mercenary", "sniper", "bomber", "jihadi", "marine", "person",
    "individual", "man", "victim",
}  # fmt: skip
_WEAK_NOUNS = {
    "syrian",
    "syrians",
    "iraqis",
    "kurds",
    "rebel",
    "police",
    "army",
    "militia",
    "civilian",
    "family",
}
_CIVILIAN_KINDS = {"civilians", "children", "women"}

# outcome words. Passive/adjectival (after the number) and active (before it).
_OUTCOME_AFTER = {
    "killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "slain": "killed",
    "perished": "killed", "executed": "killed", "massacred": "killed", "murdered": "killed",
    "martyred": "killed", "deaths": "killed", "fatalities": "killed", "bodies": "killed", "martyrs": "killed",
    "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded",
    "missing": "missing", "abducted": "abducted", "kidnapped": "abducted", "arrested": "arrested",
    "detained": "arrested",
}  # fmt: skip
_OUTCOME_BEFORE = {
    "kill": "killed", "kills": "killed", "killed": "killed", "killing": "killed", "executed": "killed",
    "executing": "killed", "execute": "killed", "executes": "killed", "massacred": "killed",
    "wound": "wounded", "wounds": "wounded", "wounded": "wounded", "wounding": "wounded", "injure": "wounded",
    "injures": "wounded", "injured": "wounded", "injuring": "wounded", "abducted": "abducted",
    "abducting": "abducted", "abduct": "abducted", "kidnapped": "abducted", "kidnapping": "abducted",
    "arrested": "arrested", "arresting": "arrested", "arrest": "arrested", "detained": "arrested",
    "detaining": "arrested",
}  # fmt: skip
# words allowed between the victims and a following outcome ("were reportedly all killed")
_AUX = {
    "were", "was", "have", "has", "had", "been", "be", "being", "are", "is", "reportedly", "also", "all",
    "both",
    "allegedly", "later", "now", "since", "got", "left", "lay", "confirmed", "believed", "feared", "to",
    "either", "or", "remain", "remained", "still", "who", "that", "each", "subsequently", "apparently",
}  # fmt: skip
_STOP_MODIFIERS = _AUX | {
    "and", "or", "of", "in", "on", "at", "by", "for", "from", "with", "the", "a", "an", "than", "to", "as",
    "including", "among", "while", "after", "before", "when", "said", "says", "say", "according", "which",
    "whom", "them", "they", "their", "it", "its", "his", "her", "not", "no", "but",
}  # fmt: skip
_WAR = r"(?:war|conflict|uprising|crisis|revolution|fighting)(?![-\w])"
_CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset|begin\w*)\b"
    r"|\bsince\s+(?:early\s+|late\s+|mid-?)?(?:(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+)?(?:19|20)\d\d\b"
    rf"|\bsince\s+(?:[\w']+\s+){{0,3}}?(?:{_WAR}|intervened|intervention|entered|began|started|erupted)"
    rf"|\b{_WAR}[^.;]{{0,80}}?\b(?:(?:has|have|had)\s+(?:so\s+far\s+|now\s+|since\s+|already\s+)?"
    r"(?:killed|claimed|left|cost|caused)|killing|began|started|erupted|broke\s+out)\b"
    r"|\b(?:died|killed|dead|deaths|toll)\s+(?:\w+\s+){0,2}?(?:in|during|of|throughout|from)\s+"
    rf"(?:the\s+|syria'?s\s+|its\s+|this\s+|a\s+)(?:[\w-]+\s+){{0,2}}?{_WAR}"
    rf"|\byears\s+of\s+(?:civil\s+)?{_WAR}|\bthroughout\s+the\s+(?:war|conflict)|\bso\s+far\s+this\s+year\b"
    r"|\bthis\s+year\s+alone\b|\b(?:over|in)\s+the\s+(?:past|last)\s+(?:\w+\s+)?years\b|\bcumulative\b"
    r"|\bmillions\s+(?:more\s+)?(?:have\s+been\s+|were\s+)?(?:displaced|forced|driven|uprooted)"
    r"|\bsince\s+(?:it|they|the\s+group|the\s+militants|the\s+jihadists)\s+\w+ed\b"
    r"|\bacross\s+(?:syria|iraq|yemen|the\s+country)\b|\bdeadliest\s+(?:month|year)\b"
    r"|\b(?:from|between)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+(?:to|until|and)\b"
    r"|\b(?:in|during|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?months?\b",
    re.IGNORECASE,
)
# No single event in these wars kills this many: such a figure is a war total even without a cue.
_CUMULATIVE_FLOOR = 50_000
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+|[A-Za-z]+|[^\sA-Za-z\d]")


@dataclass
class _Tok:
    text: str
    low: str
    start: int
    end: int


@dataclass
class _Number:
    value: int
    start: int  # token index of the first token (qualifier included)
    end: int  # token index after the last token
    high: int | None = None


@dataclass
class _Group:
    """A number with the victims it counts: "two children and a woman" -> total 3, kinds."""

    total: int
    start: int
    end: int
    kinds: dict[str, int | None] = field(default_factory=dict)
    high: int | None = None
    has_noun: bool = False


@dataclass
class _Statement:
    outcome: str
    group: _Group
    start: int
    end: int
    subset: dict[str, int | None] = field(default_factory=dict)


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _low(toks: list[_Tok], i: int) -> str:
    return toks[i].low if 0 <= i < len(toks) else ""


def _word_number(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Parse "ninety-two", "one hundred and twenty", "two thousand" starting at token i -> (value, end)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(toks):
        w = toks[j].low
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _SCALES and seen:
            if _SCALES[w] == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * _SCALES[w]
                current = 0
        elif w in ("-", "and") and seen and _low(toks, j + 1) in _UNITS:
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


def _core_number(toks: list[_Tok], i: int, masked: set[int]) -> tuple[int, int] | None:
    """A bare number at token i -> (value, end)."""
    if i >= len(toks) or i in masked:
        return None
    t = toks[i]
    if t.text[0].isdigit():
        nxt, nxt2 = _low(toks, i + 1), _low(toks, i + 2)
        if (nxt == "-" and nxt2 in ("year", "years")) or nxt in (
            "year",
            "years",
            "km",
            "kilometres",
            "miles",
        ):
            return None  # ages and distances
        if nxt in ("%", "percent", "per", ":") or (nxt == "." and _low(toks, i + 2)[:1].isdigit()):
            return None
        return int(t.text.replace(",", "")), i + 1
    w = t.low
    if w in _VAGUE:
        j = i + 1
        if w == "several" and _low(toks, j) in ("dozen", "hundred", "thousand"):
            return {"dozen": 12, "hundred": 100, "thousand": 1000}[_low(toks, j)], j + 1
        if w in ("tens", "hundreds") and _low(toks, j) == "of" and _low(toks, j + 1) == "thousands":
            return _VAGUE[w] * 1000, j + 2
        return _VAGUE[w], j
    if (w, _low(toks, i + 1)) in _VAGUE_ARTICLE:
        return _VAGUE_ARTICLE[(w, _low(toks, i + 1))], i + 2
    if w == "a" and _low(toks, i + 1) == "family" and _low(toks, i + 2) == "of":
        inner = _word_number(toks, i + 3) or _core_number(toks, i + 3, masked)
        if inner:
            return inner
    if w in ("a", "an"):
        return 1, i + 1
    return _word_number(toks, i)


def _number(toks: list[_Tok], i: int, masked: set[int]) -> _Number | None:
    """A number phrase at token i, qualifiers and ranges included."""
    j = i
    for q in _QUALIFIERS_BY_FIRST.get(toks[i].low, ()) if i < len(toks) else ():
        if tuple(_low(toks, j + k) for k in range(len(q))) == q:
            j += len(q)
            break
    if _low(toks, j) == "between":
        a = _core_number(toks, j + 1, masked)
        if a and _low(toks, a[1]) == "and" and (b := _core_number(toks, a[1] + 1, masked)):
            return _Number(a[0], i, b[1], high=b[0])
        return None
    core = _core_number(toks, j, masked)
    if core is None:
        return None
    value, end = core
    if _low(toks, end) in ("to", "-", "or") and toks[j].low not in ("a", "an"):
        other = _core_number(toks, end + 1, masked)
        if other and other[0] > value and toks[end + 1].low not in _VAGUE:
            return _Number(value, i, other[1], high=other[0])
    return _Number(value, i, end)


def _victims(toks: list[_Tok], i: int, depth: int = 0) -> tuple[str | None, int, bool] | None:
    """Victim noun after a number, skipping up to 3 modifiers ("Syrian", "pro-government").

    Returns (kind, end token, is singular)."""
    j = i
    if _low(toks, j) == "of":  # "dozens of", "a family of five"
        j += 1
        if _low(toks, j) == "the":
            j += 1
    for _ in range(4 - depth):
        w = _low(toks, j)
        if w in _WEAK_NOUNS and (later := _victims(toks, j + 1, depth + 1)) and later[0]:
            return later  # "Syrian" is a modifier in "21 Syrian opposition fighters"
        if w in _KIND_WORDS:
            kind = _KIND_WORDS[w]
            end = j + 1
            if w in ("members", "member") and _low(toks, end) == "of":
                rest = " ".join(_low(toks, end + k) for k in range(1, 5))
                kind = "civilians" if "famil" in rest else "combatants"
                k = end + 1
                while (
                    k < len(toks) and k < end + 6 and toks[k].low not in _STOP_MODIFIERS - {"the", "of", "a"}
                ):
                    k += 1
                end = k
            elif w in ("family", "families") and _low(toks, end) == "members":
                end += 1
            if end == j + 1 and _low(toks, end) in _KIND_WORDS:  # "rebel officers", "police officers"
                return _KIND_WORDS[_low(toks, end)] or kind, end + 1, _low(toks, end) in _SINGULAR
            return kind, end, w in _SINGULAR
        if w[:1].isdigit() and _low(toks, j + 1) == "-" and _low(toks, j + 2) in ("year", "month"):
            j += 5 if _low(toks, j + 4) == "old" else 3  # "a 12-year-old boy"
            continue
        if toks[j].text == "IS" if j < len(toks) else False:  # "IS militants": the group, not the verb
            j += 1
            continue
        if not w or w in _STOP_MODIFIERS or w in _OUTCOME_AFTER or toks[j].text[0].isdigit() or w in _UNITS:
            return None
        if not (toks[j].text[0].isalpha() or w in ("-", "'")):
            return None
        j += 1
    return None


def _group(toks: list[_Tok], i: int, masked: set[int]) -> _Group | None:
    """Number + victims, chained by "and" / ",": "five civilians and three soldiers"."""
    num = _number(toks, i, masked)
    if num is None:
        return None
    first = toks[num.start].low
    vic = _victims(toks, num.end)
    article = first in ("a", "an", "one") and num.value == 1 and num.end == num.start + 1
    if article and (vic is None or not vic[2]):
        return None  # "a" alone is a number only before a singular victim noun
    g = _Group(num.value, num.start, vic[1] if vic else num.end, high=num.high, has_noun=vic is not None)
    if vic and vic[0]:
        g.kinds[vic[0]] = num.value
    elif first == "a" and _low(toks, num.start + 1) == "family":
        g.kinds["civilians"] = num.value
    if vic and _low(toks, g.end) in ("and", ",") and _low(toks, g.end + 1) not in ("including", "among"):
        nxt = _group(toks, g.end + 1, masked)
        if nxt and nxt.has_noun:
            g.total += nxt.total
            for k, v in nxt.kinds.items():
                g.kinds[k] = (g.kinds.get(k) or 0) + (v or 0)
            g.end = nxt.end
    return g


def _subset(toks: list[_Tok], i: int, masked: set[int]) -> tuple[dict[str, int | None], int]:
    """ ", including 2 women and a child" / "(mostly children)" / ", among them 3 children" after a group."""
    j = i
    if _low(toks, j) in (",", "(", "-"):
        j += 1
    w = _low(toks, j)
    if w == "including" or (w == "among" and _low(toks, j + 1) in ("them", "whom")):
        j += 1 if w == "including" else 2
        named = _kinds_without_number(toks, j)
        if named:
            return named
    elif w in ("mostly", "mainly", "many", "most") and _low(toks, j + 1) in (
        "of",
        "them",
        "women",
        "children",
    ):
        j += 1
        while _low(toks, j) in ("of", "them", "were", "whom"):
            j += 1
        kinds: dict[str, int | None] = {}
        while _low(toks, j) in _KIND_WORDS or _low(toks, j) in ("and", ","):
            if (k := _KIND_WORDS.get(_low(toks, j))) is not None:
                kinds[k] = None
            j += 1
        return (kinds, j) if kinds else ({}, i)
    else:
        return {}, i
    g = _group(toks, j, masked)
    if g is None or not g.kinds:
        return {}, i
    end = g.end
    if _low(toks, end) in (")", ","):
        end += 1
    return g.kinds, end


def _kinds_without_number(toks: list[_Tok], j: int) -> tuple[dict[str, int | None], int] | None:
    """ "including women and children": kinds named without a count -> ({kind: None}, end)."""
    kinds: dict[str, int | None] = {}
    while _low(toks, j) in _KIND_WORDS or (_low(toks, j) in ("and", ",") and kinds):
        if (k := _KIND_WORDS.get(_low(toks, j))) is not None:
            kinds[k] = None
        j += 1
    if _low(toks, j - 1) in ("and", ","):
        j -= 1
    return (kinds, j) if kinds else None


def _statements(toks: list[_Tok], masked: set[int]) -> list[_Statement]:
    out: list[_Statement] = []
    i = 0
    taken_until = 0
    while i < len(toks):
        if i < taken_until:
            i += 1
            continue
        g = _group(toks, i, masked)
        if g is None:
            i += 1
            continue
        prev = _low(toks, g.start - 1)
        before = _OUTCOME_BEFORE.get(prev)
        if prev in ("the", "lives") and _low(toks, g.start - 2) in ("of", "toll"):
            before = None
        if _low(toks, g.start - 4) in ("claimed", "claiming") and _low(toks, g.start - 1) == "of":
            before = "killed"  # "claimed the lives of 20"
        subset, j = _subset(toks, g.end, masked)
        k = j
        while _low(toks, k) in _AUX and k < j + 5:
            k += 1
        after = _OUTCOME_AFTER.get(_low(toks, k))
        if _low(toks, k) in ("lost", "losing") and _low(toks, k + 2) in ("lives", "life"):
            after, k = "killed", k + 2
        if _low(toks, k) == "among" and g.kinds and (total := _group(toks, k + 1, masked)):
            # "six civilians were among at least 22 people killed": the total, with a subset
            m = total.end
            while _low(toks, m) in _AUX and m < total.end + 4:
                m += 1
            if _OUTCOME_AFTER.get(_low(toks, m)) == "killed":
                kinds = {**total.kinds, **g.kinds, **subset}
                whole = _Group(total.total, g.start, m + 1, high=total.high)
                out.append(_Statement("killed", whole, g.start, m + 1, subset=kinds))
                taken_until = i = m + 1
                continue
        if (
            _low(toks, k) == "among"
            and _low(toks, k + 1) == "the"
            and _low(toks, k + 2) in ("dead", "killed")
        ):
            # "four children were among the dead": a subset of an unstated total
            out.append(_Statement("killed", _Group(0, g.start, g.end), g.start, k + 3, subset=dict(g.kinds)))
            taken_until = k + 3
            i = k + 3
            continue
        if after and not (before and k > j):
            end = k + 1
            if not subset:  # "70 people were killed (in Douma), including 10 children"
                for look in range(end, min(end + 8, len(toks))):
                    if toks[look].low in (".", ";") or toks[look].text[0].isdigit():
                        break
                    if toks[look].low == "," and _low(toks, look + 1) in ("including", "among"):
                        subset, sub_end = _subset(toks, look, masked)
                        if subset:
                            end = sub_end
                        break
            out.append(_Statement(after, g, g.start, end, subset=subset))
            taken_until = end
        elif before:
            start = g.start - 1
            if _low(toks, start - 3) in ("claimed", "claiming"):
                start -= 3
            out.append(_Statement(before, g, start, j, subset=subset))
            taken_until = j
        i = max(i + 1, taken_until)
    return out


_TOLL = re.compile(
    r"\b(?:death|casualty|casualties|fatality)\s+tolls?\b|\bnumber\s+of\s+(?:dead|deaths|those\s+killed|people\s+killed"
    r"|victims|fatalities)\b|\btoll\b",
    re.IGNORECASE,
)
_TOLL_WINDOW = 120
_TOLL_LINKS = {
    "to", "at", "of", "reached", "reach", "hit", "was", "is", "stood", "stands", "rose", "climbed",
    "exceeded", "topped", "passed", "surpassed", ":", "jumped", "risen", "increased", "now",
}  # fmt: skip
# A sentence without any of these stems holds no casualty statement: skip it cheaply.
_ANY_OUTCOME = re.compile(
    r"kill|dead|die|slain|perish|execut|massacr|murder|martyr|death|fatalit|bodies|wound|injur|hurt|missing"
    r"|abduct|kidnap|arrest|detain|toll|lives",
    re.IGNORECASE,
)


def _toll_statements(
    text: str, toks: list[_Tok], masked: set[int], taken: list[tuple[int, int]]
) -> list[_Statement]:
    """'the death toll ... rose to 30' / 'putting the death toll at at least 70'."""
    out = []
    for m in _TOLL.finditer(text):
        limit = m.end() + _TOLL_WINDOW
        stop = text.find(".", m.end())
        if 0 <= stop < limit and not text[stop - 1 : stop].isupper():
            limit = stop
        for i, t in enumerate(toks):
            if t.start < m.end() or t.start >= limit:
                continue
            if any(s <= t.start < e for s, e in taken):
                break
            num = _number(toks, i, masked)
            if num is None or toks[num.start].low in ("a", "an", "one", "many", "several", "numerous"):
                continue
            if (
                _low(toks, i - 1) not in _TOLL_LINKS
                and num.start == i
                and toks[i].low not in _QUALIFIERS_BY_FIRST
            ):
                continue  # headlines drop the link ("Death toll from Aleppo attack at least 112")
            vic = _victims(toks, num.end)
            g = _Group(num.value, num.start, vic[1] if vic else num.end, high=num.high, has_noun=bool(vic))
            if vic and vic[0]:
                g.kinds[vic[0]] = num.value
            subset, end = _subset(toks, g.end, masked)
            first = next(k for k, tk in enumerate(toks) if tk.start >= m.start())
            out.append(_Statement("killed", g, first, end, subset=subset))
            break
    return out


def _to_casualties(st: _Statement, toks: list[_Tok], text: str, offset: int) -> Casualties:
    g = st.group
    start, end = toks[st.start].start, toks[st.end - 1].end
    c = Casualties(text=text[start:end], span=(offset + start, offset + end))
    total = g.total if (g.total or not st.subset) else None
    setattr(c, st.outcome, total)
    if st.outcome == "killed" and g.high is not None:
        c.killed_range = (g.total, g.high)
    kinds = dict(g.kinds)
    if any(k in _CIVILIAN_KINDS for k in kinds) and "combatants" not in kinds and total is not None:
        civ = (
            sum(v or 0 for k, v in kinds.items() if k in ("children", "women"))
            if "civilians" not in kinds
            else None
        )
        kinds["civilians"] = kinds.get("civilians") or civ or total
    for k, v in st.subset.items():
        if v is not None or k not in kinds:
            kinds[k] = v
    if (
        kinds.get("civilians") is None
        and any(st.subset.get(k) for k in ("children", "women"))
        and g.kinds == {}
    ):
        pass  # "12 people, including 4 children": civilians unknown
    suffix = "" if st.outcome == "killed" else f"_{st.outcome}"
    c.victims = {f"{k}{suffix}": v for k, v in kinds.items()}
    return c


def _combine(records: list[tuple[Casualties, bool]], text: str, offset: int) -> list[Casualties]:
    """Join adjacent statements of one clause: "killed six people and injured 32" -> one record."""
    out: list[Casualties] = []
    for rec, _ in records:
        if out:
            last = out[-1]
            gap = text[last.span[1] - offset : rec.span[0] - offset]
            fields = ("killed", "wounded", "missing", "abducted", "arrested")
            clash = any(getattr(last, f) is not None and getattr(rec, f) is not None for f in fields)
            if len(gap) <= 25 and "." not in gap and ";" not in gap and not clash:
                for f in fields:
                    if getattr(rec, f) is not None:
                        setattr(last, f, getattr(rec, f))
                last.killed_range = last.killed_range or rec.killed_range
                last.victims = {**rec.victims, **last.victims}
                last.span = (last.span[0], rec.span[1])
                last.text = text[last.span[0] - offset : last.span[1] - offset]
                continue
        out.append(rec)
    return out


def find_casualties(text: str, offset: int = 0) -> list[Casualties]:
    """Every casualty statement in `text` (usually one sentence), cumulative totals excluded."""
    if not _ANY_OUTCOME.search(text):
        return []
    toks = _tokens(text)
    spans = time_spans(text)
    spans += [m.span() for m in _NUMERIC_DATE.finditer(text)]
    masked = {i for i, t in enumerate(toks) if any(s <= t.start < e for s, e in spans)}
    stmts = _statements(toks, masked)
    taken = [(toks[s.start].start, toks[s.end - 1].end) for s in stmts]
    stmts += _toll_statements(text, toks, masked, taken)
    stmts.sort(key=lambda s: s.start)
    if not stmts:
        return []
    # each cumulative cue disqualifies the statement nearest to it
    excluded: set[int] = set()
    for m in _CUMULATIVE.finditer(text):

        def distance(k: int, m: re.Match[str] = m) -> int:
            s, e = toks[stmts[k].start].start, toks[stmts[k].end - 1].end
            return 0 if s <= m.start() < e or s < m.end() <= e else min(abs(m.start() - e), abs(s - m.end()))

        nearest = min(range(len(stmts)), key=distance)
        if distance(nearest) <= 80:
            excluded.add(nearest)
    excluded |= {k for k, st in enumerate(stmts) if st.group.total >= _CUMULATIVE_FLOOR}
    records = [
        (_to_casualties(st, toks, text, offset), False) for k, st in enumerate(stmts) if k not in excluded
    ]
    return _combine(records, text, offset)


def merge_casualties(items: list[Casualties]) -> Casualties | None:
    """One record for one event reported by several statements: the highest figure of each kind.

    Tolls grow as a story is updated, and sources differ; the highest stated figure is the story's claim.
    Disjoint kinds stated separately ("5 soldiers were killed" ... "12 civilians died") add up when their sum
    exceeds every stated total.
    """
    items = [c for c in items if c is not None]
    if not items:
        return None
    fields = ("killed", "wounded", "missing", "abducted", "arrested")
    best = max(items, key=lambda c: c.killed or 0)
    merged = Casualties(text=best.text, span=best.span, killed_range=best.killed_range)
    for f in fields:
        values = [getattr(c, f) for c in items if getattr(c, f) is not None]
        setattr(merged, f, max(values) if values else None)
    victims: dict[str, int | None] = {}
    for c in items:
        for k, v in c.victims.items():
            old = victims.get(k)
            victims[k] = v if old is None else (old if v is None else max(old, v))
    merged.victims = victims
    civ, mil = victims.get("civilians") or 0, victims.get("combatants") or 0
    if civ and mil and civ + mil > (merged.killed or 0):
        merged.killed = civ + mil
    return merged
