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

Subsets name civilians only when they say so: "two medics were among 31 dead" records no civilian count
(the medics are civilians, but how many of the 31 were is not said), "six civilians were among 22 killed"
records six. "at least 14 of the dead were rebels", "among the dead were 7 children", "nine men, eight of
them rebels" are subsets too. The subject of an active verb is the killer, not a victim ("a gunman killed
five people": 5, not 1 + 5).

Cumulative totals ("the death toll since 2011", "more than 400,000 people have died in the war", "the
conflict has killed...", "since the truce collapsed", "from 2 January to 9 March", "thousands have been
killed") are not an event's casualties and are dropped.

Story level: `merge_casualties` joins statements of one event (stated numbers beat vague ones),
`complete_from_lead` completes the main event's record from the story's first sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

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
    ("at", "at", "least"), ("all",),
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
    "activist protesters protester demonstrators demonstrator staff citizens citizen shepherds shepherd "
    "herders herder fishermen fisherman traders trader merchants merchant vendors vendor drivers driver "
    "travellers traveller travelers traveler pilgrims pilgrim miners miner labourers labourer laborers "
    "laborer imams imam priests priest pastors pastor clerics cleric elders elder mayors mayor bystanders "
    "bystander passers passersby passer-by pedestrians pedestrian onlookers commuters customers tourists "
    "spectators diners chiefs chief councillors councillor councilors councilor",
    "combatants": "soldiers soldier troops trooper fighters fighter militants militant rebels rebel "
    "insurgents insurgent jihadists jihadist gunmen gunman militiamen militiaman militia policemen "
    "policeman police officers officer guards guard personnel servicemen serviceman combatants combatant "
    "terrorists terrorist extremists extremist commanders commander recruits conscripts pilots pilot "
    "forces members member mercenaries mercenary snipers sniper bombers bomber army jihadis jihadi "
    "servicemembers marines marine troopers operatives operative loyalists combattants",
    "": "people persons person individuals individual men man others syrians iraqis kurds "
    "victims victim detainees detainee prisoners prisoner hostages hostage "
    "sons son daughters daughter brothers brother sisters sister husband husbands wife wives father "
    "fathers cousins cousin nephews nephew",
}.items():
    for _w in _words.split():
        _KIND_WORDS[_w] = _kind or None
_SINGULAR = {
    "son", "daughter", "brother", "sister", "husband", "wife", "father", "cousin", "nephew",
    "child", "kid", "boy", "girl", "infant", "baby", "toddler", "minor", "teenager", "pupil", "woman",
    "mother",
    "civilian", "resident", "villager", "worshipper", "passenger", "patient", "doctor", "nurse", "medic",
    "rescuer", "journalist", "reporter", "farmer", "worker", "student", "refugee", "family", "volunteer",
    "teacher", "soldier", "trooper", "fighter", "militant", "rebel", "insurgent", "jihadist", "gunman",
    "militiaman", "policeman", "officer", "guard", "serviceman", "combatant", "terrorist", "extremist",
    "commander", "pilot", "member", "mercenary", "sniper", "bomber", "jihadi", "marine", "person",
    "individual", "man", "victim", "shepherd", "herder", "fisherman", "trader", "merchant", "vendor",
    "driver", "traveller", "traveler", "pilgrim", "miner", "labourer", "laborer", "imam", "priest", "pastor",
    "cleric", "elder", "mayor", "chief", "councillor", "councilor",
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
# "members of a family / of the tribe" are civilians, "members of the security forces / of IS" combatants
_CIVILIAN_BODIES = re.compile(r"famil|tribe|clan|community|household|congregation|church|crew|team")
_ARMED_BODIES = re.compile(
    r"forces|army|militia|brigade|battalion|guard|police|security|group|faction|front|unit|regiment|rebel"
    r"|military|jihad|state|organi[sz]ation|party|movement|troops|soldiers|fighters|militants"
)

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
    "detaining": "arrested", "massacring": "killed", "murdered": "killed", "murdering": "killed",
    "slaughtered": "killed", "slaughtering": "killed", "beheaded": "killed", "beheading": "killed",
    "crucified": "killed", "crucifying": "killed",
}  # fmt: skip
# "the execution of 17 men", "the killing of two journalists": a noun naming the outcome, then "of" NUMBER
_OUTCOME_NOUNS = {
    "execution": "killed", "executions": "killed", "killing": "killed", "killings": "killed",
    "massacre": "killed", "murder": "killed", "murders": "killed", "deaths": "killed", "death": "killed",
    "slaughter": "killed", "beheading": "killed", "martyrdom": "killed", "kidnapping": "abducted",
    "abduction": "abducted",
    "arrest": "arrested", "arrests": "arrested",
}  # fmt: skip
# "claimed 20 lives", "claiming more than 100 civilians": a kill only before victims or "lives"
_CLAIM_VERBS = {"claimed", "claiming", "claims", "claim"}
# military communiqués: "eliminated 60 terrorists", "neutralised 12 militants" (only before victims)
_ELIMINATE_VERBS = {
    "eliminated", "eliminating", "eliminates", "eliminate", "neutralized", "neutralised", "neutralizing",
    "neutralising", "liquidated", "liquidating",
}  # fmt: skip
# outcome verbs that can take an object ("a gunman killed 30 people": the gunman is not a victim)
_TRANSITIVE = {
    "killed", "executed", "murdered", "massacred", "slain", "wounded", "injured", "hurt", "abducted",
    "kidnapped", "arrested", "detained",
}  # fmt: skip
# "shot dead", "were stabbed to death" ("to" and "death" are read as auxiliaries of "dead"/"death" below)
_DEAD_VERBS = {"shot", "shooting", "stabbed", "stabbing", "beaten", "beating", "found", "burned", "burnt"}
_VERBS_BEFORE = _CLAIM_VERBS | _ELIMINATE_VERBS | _DEAD_VERBS | _OUTCOME_NOUNS.keys()
# auxiliaries that make a following participle passive ("were killed"), unlike "has killed"
_PASSIVE_AUX = {"were", "was", "been", "be", "being", "are", "is", "got"}
# words allowed between the victims and a following outcome ("were reportedly all killed")
_AUX = {
    "were", "was", "have", "has", "had", "been", "be", "being", "are", "is", "reportedly", "also", "all",
    "both",
    "allegedly", "later", "now", "since", "got", "left", "lay", "confirmed", "believed", "feared", "to",
    "either", "or", "remain", "remained", "still", "who", "that", "each", "subsequently", "apparently",
    "shot", "stabbed", "beaten", "found", "burned", "burnt",
}  # fmt: skip
_STOP_MODIFIERS = _AUX | {
    "and", "or", "of", "in", "on", "at", "by", "for", "from", "with", "the", "a", "an", "than", "to", "as",
    "including", "among", "while", "after", "before", "when", "said", "says", "say", "according", "which",
    "whom", "them", "they", "their", "it", "its", "his", "her", "not", "no", "but",
}  # fmt: skip
_WAR = r"(?:war|conflict|uprising|crisis|revolution|fighting)(?![-\w])"
# "killed in the war" is a war's toll; "seven soldiers were killed in the fighting" is one battle's
_WAR_ITSELF = r"(?:war|conflict|uprising|crisis|revolution)(?![-\w])"
_CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset|begin\w*)\b"
    r"|\bsince\s+(?:early\s+|late\s+|mid-?)?(?:(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+)?(?:19|20)\d\d\b"
    rf"|\bsince\s+(?:[\w'-]+\s+){{0,5}}?(?:{_WAR}|intervened|intervention|entered|began|started|erupted"
    r"|launched|collapsed|broke\s+down|took\s+effect|came\s+into\s+effect)\b"
    r"|\bsince\s+(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d|\b)"
    rf"|\b{_WAR}[^.;]{{0,80}}?\b(?:(?:has|have|had)\s+(?:so\s+far\s+|now\s+|since\s+|already\s+)?"
    r"(?:killed|claimed|left|cost|caused)|killing|began|started|erupted|broke\s+out)\b"
    r"|\b(?:died|killed|dead|deaths|toll)\s+(?:\w+\s+){0,2}?(?:in|during|of|throughout|from)\s+"
    rf"(?:the\s+|syria'?s\s+|its\s+|this\s+|a\s+)(?:[\w-]+\s+){{0,2}}?{_WAR_ITSELF}"
    rf"|\byears\s+of\s+(?:civil\s+)?{_WAR}|\bthroughout\s+the\s+(?:war|conflict)|\bso\s+far\s+this\s+year\b"
    r"|\bthis\s+year\s+alone\b|\b(?:over|in)\s+the\s+(?:past|last)\s+(?:\w+\s+)?years\b|\bcumulative\b"
    r"|\bmillions\s+(?:more\s+)?(?:have\s+been\s+|were\s+)?(?:displaced|forced|driven|uprooted)"
    r"|\bsince\s+(?:it|they|the\s+group|the\s+militants|the\s+jihadists)\s+\w+ed\b"
    r"|\bacross\s+(?:syria|iraq|yemen|the\s+country)\b|\bdeadliest\s+(?:month|year)\b"
    r"|\b(?:from|between)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+(?:to|until|and)\b"
    r"|\b(?:from|between)\s+(?:[A-Za-z]+\s+)?(?:\d{1,2}\s+)?(?-i:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)(?:\s+\d{1,2})?\b[^.;]{0,12}?\s(?:to|until|and)\s"
    r"|\b(?:in|during|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?months?\b"
    r"|\b(?:weeks|months|years)\s+of\s+(?:\w+\s+)?(?:unrest|protests?|demonstrations|violence|clashes)\b",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(r"\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|first)\b", re.IGNORECASE)
# No single event in these wars kills this many: such a figure is a war total even without a cue.
_CUMULATIVE_FLOOR = 50_000
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
# "1,400" and "1 400" (thousands separated by a space, as in copy that lost its commas) are one number
_TOKEN = re.compile(
    r"(?<!\d)\d{1,3}(?:,\d{3})+(?!\d)|(?<!\d)\d{1,3}(?: \d{3})+(?!\d)|\d+|[A-Za-z]+|[^\sA-Za-z\d]"
)


@dataclass(slots=True)
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
    toks = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        toks.append(_Tok(word, word.lower(), *m.span()))
    return toks


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
    """A bare number at token i -> (value, end); "two dozen" counts dozens."""
    found = _plain_number(toks, i, masked)
    if found is not None and _low(toks, found[1]) == "dozen" and toks[i].low not in _VAGUE:
        return found[0] * 12, found[1] + 1
    return found


def _plain_number(toks: list[_Tok], i: int, masked: set[int]) -> tuple[int, int] | None:
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
        return int(t.text.replace(",", "").replace(" ", "")), i + 1
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
    if w in ("a", "an") and _low(toks, i + 1) in _SCALES:  # "a hundred", "a thousand"
        return _SCALES[_low(toks, i + 1)], i + 2
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
                kind = (
                    "civilians"
                    if _CIVILIAN_BODIES.search(rest)
                    else "combatants"
                    if _ARMED_BODIES.search(rest) or toks[end + 1].text[:1].isupper()
                    else None
                )
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
        if w == "(" and (close := next((k for k in range(j + 1, j + 8) if _low(toks, k) == ")"), None)):
            j = close + 1  # "35 Daesh (banned in Russia) militants"
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


def _group(toks: list[_Tok], i: int, masked: set[int], depth: int = 0) -> _Group | None:
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
    bare = _low(toks, g.end + 1)
    if vic and _low(toks, g.end) == "and" and bare in _SINGULAR and (kind := _KIND_WORDS.get(bare)):
        g.total += 1  # "a woman and child"
        g.kinds[kind] = (g.kinds.get(kind) or 0) + 1
        g.end += 2
    elif vic and _low(toks, g.end) in ("and", ",") and _low(toks, g.end + 1) not in ("including", "among"):
        k = g.end + 1
        owner = _low(toks, k) in ("her", "his", "their")  # "a woman and her two children"
        if owner:
            k += 1
        nxt = _group(toks, k, masked)
        one = k + 1 if _low(toks, k) == "another" else k if owner else None  # "another man", "his son"
        if nxt is None and one is not None and (more := _victims(toks, one)) and more[2]:
            nxt = _Group(1, k, more[1], has_noun=True)
            if more[0]:
                nxt.kinds[more[0]] = 1
        if nxt and nxt.has_noun:
            g.total += nxt.total
            for k, v in nxt.kinds.items():
                g.kinds[k] = (g.kinds.get(k) or 0) + (v or 0)
            g.end = nxt.end
    elif (
        vic and depth == 0 and toks[g.end - 1].text[:1].isupper() and (nxt := _group(toks, g.end, masked, 1))
    ):
        # a headline that lost its commas: "40 Civilians 25 Fighters Killed" adds up, while "15 Civilians
        # 3 Children Killed" names children among the civilians
        if (
            nxt.has_noun
            and nxt.kinds
            and set(nxt.kinds) <= {"children", "women"}
            and vic[0] in ("civilians", None)
        ):
            g.kinds.update(nxt.kinds)
            g.end = nxt.end
        elif nxt.has_noun and nxt.kinds and set(nxt.kinds) != set(g.kinds):
            g.total += nxt.total
            for k, v in nxt.kinds.items():
                g.kinds[k] = (g.kinds.get(k) or 0) + (v or 0)
            g.end = nxt.end
    return g


def _subset(toks: list[_Tok], i: int, masked: set[int]) -> tuple[dict[str, int | None], int]:
    """ ", including 2 women and a child" / "(mostly children)" / ", among them 3 children" / "eight of them
    rebels" after a group."""
    j = i
    if _low(toks, j) in (",", "(", "-"):
        j += 1
    w = _low(toks, j)
    if w == "including" or (w == "among" and _low(toks, j + 1) in ("them", "whom")):
        j += 1 if w == "including" else 2
        if _low(toks, j) in ("a", "some", "several", "many") and _low(toks, j + 1) in ("number", "of"):
            j += 3 if _low(toks, j + 1) == "number" else 2  # "including a number of children": no count
        elif _low(toks, j) in ("some", "several", "many") and _low(toks, j + 1) in _KIND_WORDS:
            j += 1
        named = _kinds_without_number(toks, j)
        if named:
            return _close_subset(toks, *named)
    elif w in ("mostly", "mainly", "many", "most") and (
        _low(toks, j + 1) in ("of", "them") or _low(toks, j + 1) in _KIND_WORDS
    ):
        j += 1
        while _low(toks, j) in ("of", "them", "were", "whom"):
            j += 1
        named = _kinds_without_number(toks, j)
        return _close_subset(toks, *named) if named else ({}, i)
    elif (num := _number(toks, j, masked)) is not None and _low(toks, num.end) == "of":
        # "nine men, eight of them rebels" / "20 people, 14 of whom were soldiers"
        k = num.end + 1
        if _low(toks, k) not in ("them", "whom"):
            return {}, i
        k += 1
        while _low(toks, k) in _AUX or (_low(toks, k) in ("a", "an") and num.value == 1):
            k += 1  # "four people, one of them a child"
        vic = _victims(toks, k)
        if vic is None or vic[0] is None:
            return {}, i
        return _close_subset(toks, _explicit({vic[0]: num.value}, toks, k, vic[1]), vic[1])
    else:
        return {}, i
    g = _group(toks, j, masked)
    if g is None or not g.kinds:
        return {}, i
    return _close_subset(toks, _explicit(_counted(g, toks), toks, g.start, g.end), g.end)


def _counted(g: _Group, toks: list[_Tok]) -> dict[str, int | None]:
    """A subset's kinds with their counts; "several"/"many"/"some" name a kind without counting it."""
    if toks[g.start].low in ("several", "many", "numerous", "some"):
        return dict.fromkeys(g.kinds)
    return g.kinds


def _close_subset(
    toks: list[_Tok], kinds: dict[str, int | None], end: int
) -> tuple[dict[str, int | None], int]:
    if _low(toks, end) in (")", ",", "-"):
        end += 1
    return kinds, end


def _explicit(kinds: dict[str, int | None], toks: list[_Tok], start: int, end: int) -> dict[str, int | None]:
    """A subset counts civilians only when it says "civilians": "two medics among 31 dead" names two
    civilians but does not say how many of the 31 were civilians."""
    if "civilians" in kinds and not any(toks[k].low in ("civilians", "civilian") for k in range(start, end)):
        kinds = {k: v for k, v in kinds.items() if k != "civilians"}
    return kinds


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


def _the_dead(toks: list[_Tok], i: int) -> int | None:
    """End of "the dead" / "those killed" / "the victims" starting at (or, backwards, ending near) token i."""
    for start in (i, i - 1):
        w, nxt = _low(toks, start), _low(toks, start + 1)
        if w in ("the", "those") and nxt in ("dead", "killed", "victims", "fatalities", "slain"):
            return start + 2
    return None


def _outcome_before(toks: list[_Tok], g: _Group) -> str | None:
    """The outcome announced right before a group: "killing 12", "executed and crucified nine men", "the
    execution of 17 men", "claimed the lives of 20", "claiming more than 100 civilians"."""
    prev = _low(toks, g.start - 1)
    if prev in ("the", "lives") and _low(toks, g.start - 2) in ("of", "toll"):
        return None
    if prev in _OUTCOME_BEFORE:
        return _OUTCOME_BEFORE[prev]
    if prev == "dead" and _low(toks, g.start - 2) in _DEAD_VERBS:
        return "killed"  # "shot dead seven men"
    if prev == "of" and _low(toks, g.start - 2) in ("lives", "life") and _low(toks, g.start - 3) != "toll":
        return "killed"  # "claimed the lives of 20", "took the lives of 20", "claimed lives of eight"
    if prev == "of" and _low(toks, g.start - 2) in _OUTCOME_NOUNS and toks[g.start].low not in ("a", "an"):
        return _OUTCOME_NOUNS[_low(toks, g.start - 2)]  # not "the killing of a commander": a reference
    if prev in _CLAIM_VERBS and (g.has_noun or _low(toks, g.end) in ("lives", "life")):
        return "killed"
    if prev in _ELIMINATE_VERBS and g.has_noun:
        return "killed"
    if _low(toks, g.start - 2) == "and" and _low(toks, g.start - 3) in _OUTCOME_BEFORE and prev.isalpha():
        return _OUTCOME_BEFORE[_low(toks, g.start - 3)]  # "executed and crucified nine men"
    return None


def _loose_outcome(toks: list[_Tok], i: int) -> tuple[str | None, int]:
    """Victims named by a word the lexicon does not know ("15 young Assyrians had been killed", "6 Lebanese
    martyrs"): up to three words, then a passive auxiliary and an outcome, or an outcome noun."""
    j = i
    while j < i + 3 and toks[j].text.isalpha() if j < len(toks) else False:
        w = toks[j].low
        if w in _STOP_MODIFIERS or w in _UNITS or w in _OUTCOME_BEFORE:
            break
        if j > i and w in _OUTCOME_AFTER and w in ("martyrs", "bodies", "deaths", "fatalities", "dead"):
            return _OUTCOME_AFTER[w], j
        j += 1
    if j == i:
        return None, i
    k, passive = j, False
    while _low(toks, k) in _AUX and k < j + 4:
        passive = passive or _low(toks, k) in _PASSIVE_AUX
        k += 1
    if passive and _low(toks, k) in _OUTCOME_AFTER:
        return _OUTCOME_AFTER[_low(toks, k)], k
    return None, i


def _is_agent(toks: list[_Tok], g: _Group, j: int, k: int, masked: set[int]) -> bool:
    """ "a gunman killed three people" / "two soldiers have wounded 12": the group acts on a following
    number, it is not the victim. Not for "10 civilians killed 15 injured" (a headline's two counts) nor for
    passives ("were killed")."""
    if not g.has_noun or _low(toks, k) not in _TRANSITIVE:
        return False
    if any(_low(toks, m) in _PASSIVE_AUX for m in range(j, k)):
        return False
    if any(v in _CIVILIAN_KINDS for v in g.kinds):
        return False
    obj = _group(toks, k + 1, masked)
    if obj is None:
        return False
    m = obj.end
    while _low(toks, m) in _AUX:
        m += 1
    # "... killed 30 people injured 90" is still an agent; "10 civilians killed 15 injured" is a headline
    return _low(toks, m) not in _OUTCOME_AFTER or _number(toks, m + 1, masked) is not None


# the words a number phrase can open with (see `_number`): a qualifier, "between", "a"/"an", a number word
_NUMBER_STARTS = frozenset(_QUALIFIERS_BY_FIRST) | {"between", "a", "an"} | _UNITS.keys() | _VAGUE.keys()


def _may_start_number(tok: _Tok) -> bool:
    """A cheap test that lets `_statements` skip the words no number phrase starts with (most of them)."""
    return tok.low in _NUMBER_STARTS or tok.text[0].isdigit()


def _statements(toks: list[_Tok], masked: set[int]) -> list[_Statement]:
    out: list[_Statement] = []
    i = 0
    taken_until = 0
    while i < len(toks):
        if i < taken_until or not _may_start_number(toks[i]):
            i += 1
            continue
        g = _group(toks, i, masked)
        if g is None:
            i += 1
            continue
        before = _outcome_before(toks, g)
        subset, j = _subset(toks, g.end, masked)
        k = j
        while _low(toks, k) in _AUX and k < j + 5:
            k += 1
        after = _OUTCOME_AFTER.get(_low(toks, k))
        if _low(toks, k) in ("lost", "losing") and _low(toks, k + 2) in ("lives", "life"):
            after, k = "killed", k + 2
        elif _low(toks, k) in ("fallen", "fell") and _low(toks, k + 1) in ("victim", "victims"):
            after, k = "killed", k + 1
        if after is None and not g.has_noun and not subset:
            after, k = _loose_outcome(toks, g.end)
        if after and _is_agent(toks, g, j, k, masked):
            after = None  # "a suicide bomber killed 30 people": the bomber is the killer, not a victim
        if after and before and k == j and _number(toks, k + 1, masked) is not None:
            after = None  # "killed 30 people injured 90": "injured" starts the next statement
        if (
            not g.has_noun
            and _low(toks, g.end) == "of"
            and _low(toks, g.end + 1) == "the"
            and _low(toks, g.end + 2) in ("dead", "killed", "victims", "fatalities")
        ):
            # "at least 14 of the dead were rebels": a subset of an unstated total
            m = g.end + 3
            while _low(toks, m) in _AUX and m < g.end + 6:
                m += 1
            vic = _victims(toks, m)
            if vic is not None and vic[0] is not None:
                kinds = _explicit({vic[0]: g.total}, toks, m, vic[1])
                if kinds:
                    out.append(_Statement("killed", _Group(0, g.start, g.end), g.start, vic[1], subset=kinds))
                    taken_until = i = vic[1]
                    continue
        if _low(toks, k) == "among" and g.kinds and (total := _group(toks, k + 1, masked)):
            # "six civilians were among at least 22 people killed": the total, with a subset
            m = total.end
            while _low(toks, m) in _AUX and m < total.end + 4:
                m += 1
            if _OUTCOME_AFTER.get(_low(toks, m)) == "killed":
                kinds = {**total.kinds, **_explicit(g.kinds, toks, g.start, g.end), **subset}
                whole = _Group(total.total, g.start, m + 1, high=total.high)
                out.append(_Statement("killed", whole, g.start, m + 1, subset=kinds))
                taken_until = i = m + 1
                continue
        dead_end = _the_dead(toks, k + 1) if _low(toks, k) == "among" else None
        if dead_end is None and g.kinds and _low(toks, g.start - 1) in ("were", "are"):
            if _the_dead(toks, g.start - 2) == g.start - 1:
                dead_end = g.end  # "among the dead were 22 children"
        if dead_end is None and g.kinds and _low(toks, g.start - 1) in ("include", "includes", "included"):
            if any(_the_dead(toks, m) for m in range(max(0, g.start - 10), g.start - 1)):
                dead_end = g.end  # "those killed (in the two attacks) include 14 children"
        if dead_end is not None:
            # "four children were among the dead": a subset of an unstated total
            kinds = _explicit(_counted(g, toks), toks, g.start, g.end)
            if kinds:
                out.append(_Statement("killed", _Group(0, g.start, g.end), g.start, dead_end, subset=kinds))
            taken_until = i = max(dead_end, g.end)
            continue
        if after and not (before and k > j):
            end = k + 1
            if not subset:  # "70 people were killed (in Douma), including 10 children"
                for look in range(end, min(end + 8, len(toks))):
                    if toks[look].low in (".", ";") or toks[look].text[0].isdigit():
                        break
                    if (toks[look].low == "," or look == end) and (
                        _low(toks, look + (toks[look].low == ",")) in ("including", "among")
                    ):
                        subset, sub_end = _subset(toks, look, masked)
                        if subset:
                            end = sub_end
                        break
            out.append(_Statement(after, g, g.start, end, subset=subset))
            taken_until = end
        elif before:
            start = g.start - 1
            while (
                start > max(0, g.start - 4)
                and _low(toks, start) not in _OUTCOME_BEFORE
                and _low(toks, start) not in _VERBS_BEFORE
            ):
                start -= (
                    1  # back to the verb of "claimed the lives of" / "shot dead" / "executed and crucified"
                )
            out.append(_Statement(before, g, start, j, subset=subset))
            taken_until = j
        i = max(i + 1, taken_until)
    return out


_TOLL = re.compile(
    r"\b(?:death|casualty|casualties|fatality)\s+tolls?\b|\bnumber\s+of\s+(?:dead|deaths|those\s+killed"
    r"|(?:people|civilians|children|women|soldiers|fighters)\s+(?:killed|dead)|victims|fatalities)\b|\btoll\b",
    re.IGNORECASE,
)
_TOLL_WINDOW = 120
_TOLL_KIND = re.compile(r"\b(?:civilians?|children|women|soldiers|fighters)\b", re.IGNORECASE)
_TOLL_LINKS = {
    "to", "at", "of", "reached", "reach", "hit", "was", "is", "stood", "stands", "rose", "climbed",
    "exceeded", "topped", "passed", "surpassed", ":", "jumped", "risen", "increased", "now",
}  # fmt: skip
# A sentence without any of these stems holds no casualty statement: skip it cheaply.
_ANY_OUTCOME = re.compile(
    r"kill|dead|die|slain|perish|execut|massacr|murder|martyr|death|fatalit|bodies|wound|injur|hurt|missing"
    r"|abduct|kidnap|arrest|detain|toll|lives|claim|victim|behead|crucif|slaughter|eliminat|neutrali|liquidat",
    re.IGNORECASE,
)


_ANY_OUTCOME_LOWER = re.compile(_ANY_OUTCOME.pattern)  # the same (lower-case) stems, case-sensitive


def _may_state_outcome(text: str) -> bool:
    """`_ANY_OUTCOME.search(text)`, ~8x faster on ASCII text (most sentences): a case-insensitive search
    tries every stem at every position, while on lower-cased text `re` skips to the stems' first letters.
    The two agree on ASCII text only (Unicode case folding has special cases), hence the fallback."""
    if text.isascii():
        return _ANY_OUTCOME_LOWER.search(text.lower()) is not None
    return _ANY_OUTCOME.search(text) is not None


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
            elif (named := _TOLL_KIND.search(text, max(0, m.start() - 12), m.end())) is not None:
                if kind := _KIND_WORDS.get(named.group().lower()):
                    g.kinds[kind] = num.value  # "the civilian death toll", "the number of civilians killed"
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
        if civ is None or civ >= total:  # not for "a man and a woman": how many are civilians is not said
            kinds["civilians"] = kinds.get("civilians") or civ or total
    for k, v in st.subset.items():
        if kinds.get(k) is None:  # "30 militants including three commanders": still 30 combatants
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


def _share_kind(a: Casualties, b: Casualties) -> None:
    """ "killed 28 and wounded 30 IS militants": a bare number takes the victims named by its partner."""
    for bare, named in ((a, b), (b, a)):
        words = bare.text.split() if bare.text else []
        kinds = {k.split("_")[0] for k in named.victims if named.victims[k] is not None}
        if bare.victims or not words or not (words[-1][0].isdigit() or words[-1].lower() in _UNITS):
            continue
        if len(kinds) != 1:
            continue
        kind = kinds.pop()
        for f in ("killed", "wounded", "missing", "abducted", "arrested"):
            value = getattr(bare, f)
            if value is not None and getattr(named, f) is None:
                bare.victims[kind if f == "killed" else f"{kind}_{f}"] = value


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
                _share_kind(last, rec)
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
    toks, stmts = _event_statements(text)
    records = [(_to_casualties(st, toks, text, offset), False) for st in stmts]
    return _combine(records, text, offset) if records else []


@lru_cache(maxsize=2048)
def _event_statements(text: str) -> tuple[list[_Tok], tuple[_Statement, ...]]:
    """The tokens of `text` and its statements that are not cumulative totals (never modified later).

    Cached: a story's lead sentences are read again when the main event's toll is completed."""
    if not _may_state_outcome(text):
        return [], ()
    toks = _tokens(text)
    spans = list(time_spans(text))
    spans += [m.span() for m in _NUMERIC_DATE.finditer(text)]
    masked = {i for i, t in enumerate(toks) if any(s <= t.start < e for s, e in spans)} if spans else set()
    stmts = _statements(toks, masked)
    taken = [(toks[s.start].start, toks[s.end - 1].end) for s in stmts]
    stmts += _toll_statements(text, toks, masked, taken)
    stmts.sort(key=lambda s: s.start)
    if not stmts:
        return toks, ()
    # each cumulative cue disqualifies the statement nearest to it
    excluded: set[int] = set()
    for m in _CUMULATIVE.finditer(text):
        if m.group().lower().startswith("since") and _SUPERLATIVE.search(
            text, max(0, m.start() - 80), m.start()
        ):
            continue  # "the deadliest attack since Russia intervened" compares, it does not total

        def distance(k: int, m: re.Match[str] = m) -> int:
            s, e = toks[stmts[k].start].start, toks[stmts[k].end - 1].end
            return 0 if s <= m.start() < e or s < m.end() <= e else min(abs(m.start() - e), abs(s - m.end()))

        nearest = min(range(len(stmts)), key=distance)
        if distance(nearest) <= 80:
            excluded.add(nearest)
    excluded |= {k for k, st in enumerate(stmts) if st.group.total >= _CUMULATIVE_FLOOR}
    # "thousands were killed": no single event's toll is stated that vaguely; it is a war's or a campaign's
    excluded |= {
        k for k, st in enumerate(stmts) if "thousands" in (_low(toks, st.group.start + m) for m in range(4))
    }
    return toks, tuple(st for k, st in enumerate(stmts) if k not in excluded)


_VAGUE_WORDS = {
    12: re.compile(r"\bdozens?\b", re.I), 20: re.compile(r"\bscores?\b", re.I),
    10: re.compile(r"\b(?:tens|several|many|numerous)\b", re.I), 100: re.compile(r"\bhundreds\b", re.I),
    1000: re.compile(r"\bthousands\b", re.I), 3: re.compile(r"\ba\s+(?:few|handful)\b", re.I),
    2: re.compile(r"\ba\s+couple\b", re.I),
}  # fmt: skip


def is_vague(value: int | None, c: Casualties) -> bool:
    """Whether a figure of `c` comes from a vague quantity ("dozens" = 12) rather than a stated number."""
    pattern = _VAGUE_WORDS.get(value) if value is not None else None
    return bool(pattern and c.text and pattern.search(c.text))


def _best(values: list[tuple[int, Casualties]]) -> int | None:
    """The highest stated figure; a vague one ("dozens", "hundreds") only when no record states a number."""
    precise = [v for v, c in values if not is_vague(v, c)]
    return max(precise or [v for v, _ in values], default=None)


def _says_civilians(c: Casualties) -> bool:
    return bool(c.text) and "civilian" in c.text.lower()


def merge_casualties(items: list[Casualties]) -> Casualties | None:
    """One record for one event reported by several statements: the highest figure of each kind.

    Tolls grow as a story is updated, and sources differ; the highest stated figure is the story's claim.
    A vague figure ("dozens killed" in a headline) gives way to a stated number ("at least 10 were killed"),
    whichever is higher: the number is what the story reports, the vague word only its size.
    Disjoint kinds stated separately ("5 soldiers were killed" ... "12 civilians died") add up when their sum
    exceeds every stated total.
    """
    items = [c for c in items if c is not None]
    if not items:
        return None
    fields = ("killed", "wounded", "missing", "abducted", "arrested")
    killed = _best([(c.killed, c) for c in items if c.killed is not None])
    best = next((c for c in items if c.killed == killed), items[0])
    merged = Casualties(text=best.text, span=best.span, killed_range=best.killed_range)
    for f in fields:
        setattr(merged, f, _best([(getattr(c, f), c) for c in items if getattr(c, f) is not None]))
    kinds = dict.fromkeys(k for c in items for k in c.victims)  # first-seen order, the same in every process
    victims: dict[str, int | None] = {}
    for k in kinds:
        # a civilian count read off "10 children were executed" is only a floor for a larger toll
        usable = [c for c in items if k != "civilians" or _says_civilians(c) or c.killed == merged.killed]
        victims[k] = _best([(c.victims[k], c) for c in usable if c.victims.get(k) is not None])
    merged.victims = victims
    civ, mil = victims.get("civilians") or 0, victims.get("combatants") or 0
    if civ and mil and civ + mil > (merged.killed or 0):
        merged.killed = civ + mil
    return merged


# A lead sentence that opens like this reports another incident ("Meanwhile, three civilians died in Idlib").
TOPIC_SHIFT = re.compile(
    r"\s*(?:Meanwhile|Elsewhere|Separately|Earlier|Also\s+on|In\s+(?:another|a\s+separate|other))\b", re.I
)
LEAD_SENTENCES = 4


def _fuller(c: Casualties, record: Casualties) -> bool:
    """ "Jets kill 10 children" ... "Ten children and five women were killed": the same victims within a
    larger toll."""
    named = {k: v for k, v in record.victims.items() if v is not None and "_" not in k and k != "civilians"}
    return (
        bool(named)
        and (c.killed or 0) > (record.killed or 0)
        and all(c.victims.get(k) == v for k, v in named.items())
    )


def complete_from_lead(main: Casualties | None, lead: Sequence[tuple[str, int]]) -> Casualties | None:
    """The main event's casualties: the toll of the story's lead (its first sentences, `(text, offset)`),
    completed by the statements that agree with it; the main event's own record when the lead has none.

    Wire stories give the toll in the headline or first sentence and its breakdown in the next ones
    ("22 dead in raids on Raqqa." ... "Six civilians were among at least 22 people killed"). A lead
    statement joins the first toll when it restates it, names victims without a toll ("14 of the dead were
    rebels"), or turns a vague toll into a number ("dozens killed" ... "at least 58 died"); a different
    figure is another incident, a partial or an earlier toll, or a war total, and is left out. Lead
    sentences that open with "Meanwhile", "Elsewhere", "In another ..." are other incidents.
    """
    record: Casualties | None = None
    for text, offset in lead:
        if TOPIC_SHIFT.match(text):
            continue
        for c in find_casualties(text, offset):
            if c.arrested and not (c.killed or c.wounded or c.missing or c.abducted):
                continue  # "soldiers later detained 45 people": an arrest of its own, not the attack's toll
            if record is None or record.killed is None:
                record = merge_casualties([r for r in (record, c) if r is not None])
            elif (
                c.killed is None
                or c.killed == record.killed
                or (is_vague(record.killed, record) and not is_vague(c.killed, c))
                or _fuller(c, record)
            ):
                record = merge_casualties([record, c])
    if record is None:
        return main
    if record.killed is None and main is not None and main.killed is not None:
        return merge_casualties([main, record])
    return record
