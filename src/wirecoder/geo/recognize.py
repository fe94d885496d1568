"""Finding toponym and demonym mentions in segmented sentences, without running any neural model.

Parsed sentences contribute spaCy's GPE/LOC/FAC entities; every sentence (parsed or not) also goes
through a gazetteer-driven matcher over capitalised token runs, so names the small model misses or
mislabels (Raqqa, Deir ez-Zor, Manbij, al-Bab, Tabqa) are still found. The matcher is strict
(well-known places only, never common words, never inside other entities or excluded actor names)
because every capitalised word in English news is the name of some hamlet somewhere.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from wirecoder.geo.gazetteer import Candidate, Gazetteer
from wirecoder.geo.names import ARTICLES, fuzzy_key, normalize
from wirecoder.given_names import given_names
from wirecoder.nlp import title_cased

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities whose words are never toponyms of their own ("Jackson" the person, "Texas Roadhouse" the firm).
# Other labels (dates, numbers, mislabelled places) leave the matcher free: the small model often tags a
# place it does not know as NORP or DATE, or not at all.
BLOCKING_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
# Capitalised words that open many sentences or titles and are also village names somewhere.
COMMON = {w.lower() for w in """
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday President Minister Mr Mrs Ms Dr General Police Army Government
    City State County Province North South East West Northern Southern Eastern Western Central Police
    Officials Reuters AP AFP Photo Read More Update News Today Yesterday Tomorrow Source Sources Media
    God Christmas Easter Mass Church Court University College School Hospital Airport Street Road Union
    Republic Kingdom Party Council Congress Senate House Ministry Department Office Agency Center Centre
    Chief Governor Mayor Sheriff Captain Colonel Major Sergeant Lieutenant Commander King Queen Prince
    Bank Company Group Forces Force Guard Navy Islamic Christian Muslim Jewish Catholic Federal National
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Officer Bureau Commerce Chamber Metro Justice Leader
    Vice Plan Economy Federation Alliance Free Drug Region Olympic Olympics Superior Man Best Star Line Cross
    Story Band Club Market Station Service Services Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Capital
    Ramadan Eid Passover Ashura Muharram Nowruz Hanukkah Diwali Lent Advent Thanksgiving Halloween Purim
    """.split()} | set(STOP_WORDS)  # fmt: skip
CONNECTORS = {
    "-",
    "of",
    "de",
    "del",
    "la",
    "le",
    "upon",
    "on",
    "am",
    "im",
    "sur",
    "'",
    "da",
    "do",
    "dos",
    "au",
    "aux",
    "en",
    "sous",
} | set(ARTICLES)
LOC_PREPS = {"in", "at", "near", "from", "outside", "inside", "around", "into", "to", "toward", "towards",
             "across", "through", "on", "of", "within", "between", "throughout"}  # fmt: skip
ORG_HEADS = {"forces", "force", "army", "university", "police", "department", "ministry", "council", "party",
             "front", "brigade", "brigades", "times", "post", "news", "airlines", "airways", "bank",
             "company",
             "corporation", "inc", "fc", "united", "city", "state", "observatory", "committee", "network",
             "hospital", "school", "college", "institute", "club", "association", "court", "museum", "agency",
             "commission", "union", "league", "guard", "movement", "coalition", "center", "centre", "office",
             "herald", "tribune", "journal", "gazette", "telegraph", "review", "daily", "weekly", "press",
             "board", "county", "sheriff", "church", "library", "airport", "station", "street", "road",
             "avenue", "highway", "park", "bridge", "square", "hall", "building", "hotel",
             "mall", "reuters", "foundation", "trust", "organization", "organisation", "fund", "watch",
             "helmets", "elementary", "mosque", "cathedral", "temple", "shrine", "synagogue",
             "monastery"}  # fmt: skip


@dataclass
class Mention:
    """A toponym or demonym found in the text (article offsets) with its gazetteer candidates."""

    start: int
    end: int
    text: str
    kind: str  # "toponym" | "demonym"
    candidates: list[Candidate]
    confidence: float  # how sure we are it is a place mention at all
    hint: str = ""  # "admin" / "city" from a following "province" / "city" word
    sentence: int = 0
    # a place naming an organisation ("Athens Police Department", "Ohio State University"): resolved like
    # any toponym (it says where the story is) but listed as an adjectival use, never an event's location
    modifier: bool = False

    @cached_property
    def dominant_population(self) -> float:
        """The population of a country, continent, curated region or first-level unit of exactly this
        name among the candidates (countries and regions count as infinitely large); 0 if none."""
        best = 0.0
        name = normalize(self.text)
        for c in self.candidates:
            if c.fuzzy or not c.main:
                continue
            if c.is_country or c.feature_code == "CONT" or c.geonameid < 0:
                best = math.inf  # "Atlantic" the ocean, "Britain" the country: short forms count
            elif c.feature_code == "ADM1" and normalize(c.name) == name:
                best = max(best, float(c.population))
        return best


ADMIN_WORDS = {"province", "governorate", "state", "region", "county", "district", "parish", "prefecture",
               "oblast", "territory", "department"}  # fmt: skip
CITY_WORDS = {"city", "town", "village", "capital"}


def lookup_variants(gaz: Gazetteer, text: str) -> tuple[list[Candidate], str]:
    """Candidates for a mention's text, trying light variants ("the X", "X's", "X province")."""
    t = text.strip()
    for prefix in ("the ", "The "):
        if t.startswith(prefix):
            t = t[len(prefix) :]
    for suffix in ("'s", "\u2019s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    cands = gaz.lookup(t)
    if cands:
        return cands, ""
    expanded = _expand_abbreviations(t)
    if expanded != t:
        cands = gaz.lookup(expanded)
        if cands:
            return cands, ""
        t = expanded
    words = t.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS | CITY_WORDS:
        hint = "admin" if words[-1].lower() in ADMIN_WORDS else "city"
        return gaz.lookup(" ".join(words[:-1])), hint
    if len(words) > 2 and words[0].lower() in ADMIN_WORDS | CITY_WORDS and words[1].lower() == "of":
        hint = "admin" if words[0].lower() in ADMIN_WORDS else "city"
        return gaz.lookup(" ".join(words[2:])), hint
    return [], ""


# Abbreviations local news writes inside place names ("Loudon Co.", "Tewksbury Twp.", "Mt. Hood").
_ABBREVIATIONS = {"co.": "County", "co": "County", "twp.": "Township", "twp": "Township", "mt.": "Mount",
                  "ft.": "Fort", "pt.": "Point"}  # fmt: skip
# Words a name carries for the kind of feature it is: "Neches River", "Readington Township",
# "Santa Clara Valley", "North Dallas". Without them the rest is the place the feature is named after
# or lies in, which is close enough when the feature itself is in no packaged gazetteer.
FEATURE_WORDS = {w.lower() for w in """
    River Lake Lakes Valley Mountains Mountain Mount Park Island Islands Township Station Harbor Harbour
    Bay Creek Falls Delta Canal Lagoon Estate Square Beach Hills Hill Heights Springs Point Forest Desert
    Peninsula Plateau Basin County Province Region District Municipal Metro Airport International Center
    Centre Hospital General University State College Cup Tower Hotel Castle Palace Racecourse Stadium
    National Lakeshore Parkway Church Cathedral Basilica Embassy Prison Mall Complex Capitol Fort Camp
    Greater Upper Lower Inner Outer North South East West Northern Southern Eastern Western Central
    Northeast Northwest Southeast Southwest Northeastern Northwestern Southeastern
    Southwestern""".split()}  # fmt: skip
# Demonym endings ("Ohioans", "Minnesotans", "Ontarians", "Dagestani", "Richmondites", "Gazans") and
# what the place name may end with instead.
_DEMONYM_ENDINGS = (("ians", ("o", "a", "")), ("ian", ("o", "a", "")), ("ans", ("", "a")), ("an", ("", "a")),
                    ("ns", ("", "s")), ("n", ("",)), ("ites", ("",)), ("ers", ("",)), ("i", ("",)),
                    ("ese", ("", "a")))  # fmt: skip


def _expand_abbreviations(text: str) -> str:
    return " ".join(_ABBREVIATIONS.get(w.lower(), w) for w in text.split())


def partial_candidates(gaz: Gazetteer, text: str, town: bool = False) -> list[Candidate]:
    """Candidates for a name the gazetteer lacks, from the longest known place name inside it once
    feature words are dropped ("Catawba River" -> Catawba, "University of California" -> California,
    "South Los Angeles" -> Los Angeles), marked fuzzy: evidence of the area, not the feature itself.
    A `town` ("the town of Adan Yabaal") is never the known name that only opens its own."""
    words = [w for w in re.split(r"[\s/]+", _expand_abbreviations(text)) if w]
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i : i + n]
            if part[0].lower() in CONNECTORS or part[-1].lower() in CONNECTORS:
                continue
            if all(
                w.lower() in FEATURE_WORDS or w.lower() in PLACE_HEADS or w.lower() in COMMON for w in part
            ):
                continue
            if n == 1 and _head_word(part[0]) in ARABIC_HEADS:
                continue  # "Ain Baal": "Ain" (a spring) opens thousands of names, it places none of them
            name = " ".join(part)
            if len(name) < 3 or not name[:1].isupper() or not gaz.known(name):
                continue
            if town and any(_other_name_word(w) for w in words[i + n :]):
                continue  # "Adan Yabaal": a name the known one only opens is another place
            cands = [c for c in gaz.lookup(name) if not c.fuzzy]
            if cands:
                return [replace(c, fuzzy=True) for c in cands]
    return []


def _other_name_word(word: str) -> bool:
    """A capitalised word that is no feature, admin, direction or connecting word ("Yabaal")."""
    w = word.lower()
    return word[:1].isupper() and not (
        w in FEATURE_WORDS
        or w in PLACE_HEADS
        or w in COMMON
        or w in CONNECTORS
        or w in ADMIN_WORDS
        or w in _FOREIGN_DIRECTIONS
    )


# "Kasai Occidental", "Nord-Kivu", "Baja California Sur": direction words of other languages
_FOREIGN_DIRECTIONS = {
    "occidental", "oriental", "orientale", "occidentale", "nord", "sud", "est", "ouest", "norte", "sur",
    "oeste", "leste", "centrale", "centro", "superior", "inferior", "septentrional", "meridional",
}  # fmt: skip


def demonym_candidates(gaz: Gazetteer, word: str) -> list[Candidate]:
    """The places a demonym of a state, province or city names ("Ohioans" -> Ohio, "Gazans" -> Gaza,
    "Dagestani" -> Dagestan): main names only, the base found by trading the ending for a vowel."""
    if not word[:1].isupper() or " " in word.strip() and not word.split()[-1][:1].isupper():
        return []
    for ending, bases in _DEMONYM_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        for tail in bases:
            base = word[: len(word) - len(ending)] + tail
            if base.lower() in COMMON or not gaz.known(base):
                continue
            cands = [c for c in gaz.lookup(base) if c.main and not c.fuzzy]
            if cands:
                return cands
    return []


def _locative(doc: Doc, i: int) -> bool:
    """A name right after a locative preposition or "town/village/city/province of"."""
    if i > 0 and doc[i - 1].lower_ in LOC_PREPS - {"to", "from"}:
        return True
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CITY_WORDS | ADMIN_WORDS


def _province_after_the(doc: Doc, i: int, j: int, cands: list[Candidate]) -> bool:
    """ "in the Middle Shabelle region" (Shabeellaha Dhexe), "in the North Waziristan district": an admin
    unit's name (or a variant of it) between "in the" and a word saying it is one."""
    after_the = i > 1 and doc[i - 1].lower_ == "the" and _locative(doc, i - 1)
    named_unit = j < len(doc) and doc[j].lower_ in ADMIN_WORDS
    return after_the and named_unit and any(c.feature_class == "A" and not c.is_country for c in cands)


def _variant_spelling(gaz: Gazetteer, doc: Doc, i: int, j: int, text: str) -> bool:
    """ "the province of Hassakeh", "in Hasakah": a spelling the gazetteer lacks, of a large place or a
    province it knows, where a place is expected; "the town of Bulo Burte" (Buulobarde) too: a name of
    two words or more is rarely a common word's near miss."""
    if _province_after_the(doc, i, j, gaz.lookup(text)):
        return True
    if not _locative(doc, i):
        return False
    floor = 10_000 if " " in text else 100_000
    return any(c.fuzzy and (c.feature_code == "ADM1" or c.population >= floor) for c in gaz.lookup(text))


def _salient(cands: list[Candidate], strict: bool) -> bool:
    """Whether a matcher hit is a place worth believing without the NER model's vote."""
    floor = 50_000 if strict else 5_000
    for c in cands:
        if c.fuzzy:
            continue
        if c.main and (c.is_country or c.feature_code in ("CONT", "ADM1", "RGN") or c.population >= floor):
            return True
        if c.main and c.geonameid < 0:
            return True  # a curated world region, sea or island (geo/regions.py): "the Mediterranean"
        if not c.main and (c.is_country or c.population >= 20 * floor):
            return True
    return False


_PORT_WORDS = {"port", "harbour", "harbor"}


_CITY_PARTS = {"district", "neighbourhood", "neighborhood", "quarter", "suburb"}


def _hint(doc: Doc, text: str, start_token: int, end_token: int) -> str:
    """ "Idlib province", "the city of Raqqa": a word next to the name that says what kind of place it is.
    `text` is the sentence's text (`doc.text` joins every token again on each call)."""
    if start_token >= 2 and doc[start_token - 1].lower_ == "of":
        word = doc[start_token - 2].lower_
        named_part = start_token >= 3 and word in _CITY_PARTS and doc[start_token - 3].text[:1].isupper()
        if named_part:
            return "city"  # "the Mezzeh district of Damascus": a named part of a city
        if word in ADMIN_WORDS:
            return "admin"
        if word in CITY_WORDS or word in _PORT_WORDS:  # "the port of Hodeidah": a town with a port
            return "city"
    if end_token < len(doc):
        word = doc[end_token].lower_
        if word in ADMIN_WORDS:
            return "admin"
        if word in CITY_WORDS:
            return "city"
        last = doc[end_token - 1]
        if listed_admin(text[last.idx + len(last.text) :]):
            return "admin"
    return ""


# "Barrow, Jackson and Madison counties": each name of the list is a county
_ADMIN_LIST = re.compile(
    r"(?:(?:,\s*|,?\s+(?:and|or)\s+)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}){0,8}\s+"
    r"(?:counties|provinces|states|parishes|districts|regions|governorates|oblasts|prefectures)\b"
)


def listed_admin(text_after: str) -> bool:
    """Whether the text after a name continues a list of names that ends in a plural admin word."""
    return _ADMIN_LIST.match(text_after[:200]) is not None


def sentence_mentions(
    gaz: Gazetteer,
    sent,
    exclude: list[tuple[int, int]],
    lowercase_words: set[str],
    persons: set[str] = frozenset(),
    story_places: set[str] = frozenset(),
) -> list[Mention]:
    """Every toponym/demonym mention of one sentence (article offsets). `story_places`: names the story
    uses as places elsewhere, believed at the start of a sentence too."""
    doc: Doc = sent.doc
    base = sent.start
    taken = [False] * len(doc)
    out: list[Mention] = []

    def excluded(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in exclude)

    def add(
        i: int,
        j: int,
        kind: str,
        cands: list[Candidate],
        conf: float,
        hint: str = "",
        ner=False,
        modifier=False,
    ) -> None:
        start, end = base + doc[i].idx, base + doc[j - 1].idx + len(doc[j - 1].text)
        if excluded(start, end) or (not ner and all(t.text in persons for t in doc[i:j])):
            return
        text = sent.text[doc[i].idx : doc[j - 1].idx + len(doc[j - 1].text)]
        hint = hint or ("" if modifier else _hint(doc, sent.text, i, j))
        out.append(Mention(start, end, text, kind, cands, conf, hint, sent.index, modifier))
        for k in range(i, j):
            taken[k] = True

    blocked = [False] * len(doc)
    has_ner = sent.parsed and doc.has_annotation("ENT_IOB")
    if has_ner:
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                cands, hint = lookup_variants(gaz, ent.text)
                if ent.label_ == "FAC" and not cands:
                    continue
                i, j = ent.start, ent.end
                if doc[i].lower_ == "the":
                    i += 1
                if j - i > 0 and doc[j - 1].lower_ in ("'s", "\u2019s"):
                    j -= 1
                if j > i:
                    add(i, j, "toponym", cands, 0.9 if cands else 0.6, hint, ner=True)
            elif ent.label_ == "NORP" and ent.text in gaz.demonyms:
                add(ent.start, ent.end, "demonym", _demonym_cands(gaz, ent.text), 0.9)
            elif ent.label_ in BLOCKING_LABELS and not _mislabelled_place(gaz, doc, ent, persons):
                first = ent.start
                dash = next((t.i for t in ent if t.text in ("—", "–", "--")), None)
                if ent.start == 0 and dash is not None:
                    first = dash + 1  # "TORRINGTON — City Council": the dateline is no part of the name
                elif ent.label_ == "ORG":
                    # "U.S. Army", "EU Transport Commissioner": a country named as a modifier of an
                    # organisation is an adjectival place name, listed like a demonym
                    k, country = _country_prefix(gaz, doc, ent)
                    if country is not None:
                        add(ent.start, k, "demonym", [country], 0.8)
                        first = k
                    else:  # "Athens Police Department", "the Russian Foreign Ministry"
                        i, k, cands = _place_prefix(gaz, doc, ent)
                        if cands:
                            add(i, k, "toponym", cands, 0.5, ner=True, modifier=True)
                            first = k
                        elif doc[i : i + 2].text in gaz.demonyms or doc[i].text in gaz.demonyms:
                            k = i + 2 if doc[i : i + 2].text in gaz.demonyms else i + 1
                            if k < ent.end:
                                add(i, k, "demonym", _demonym_cands(gaz, doc[i:k].text), 0.6)
                                first = k
                for k in range(first, ent.end):
                    blocked[k] = True
    _match(gaz, sent, taken, blocked, add, lowercase_words, has_ner, story_places)
    out.sort(key=lambda m: m.start)
    return out


_PLACE_PREPS = {"in", "on", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
_WHERE_PREPS = _PLACE_PREPS | {"from", "into", "towards", "toward", "via"}  # a place, never a person, follows


def _dateline_follows(doc: Doc, j: int) -> bool:
    """ "TORRINGTON — The council...", "HOUSTON (AP) —": a sentence-opening name that is a dateline."""
    return j < len(doc) and doc[j].text in ("—", "–", "--", "(")


def _country_prefix(gaz: Gazetteer, doc: Doc, ent) -> tuple[int, Candidate | None]:
    """The end token and country (or continent) of a country name opening a longer organisation name."""
    for k in range(min(ent.end - 1, ent.start + 3), ent.start, -1):
        text = doc[ent.start : k].text
        if not gaz.known(text):
            continue
        for c in gaz.lookup(text):
            if c.main and not c.fuzzy and (c.is_country or c.feature_code == "CONT"):
                return k, c
    return ent.start, None


def _place_prefix(gaz: Gazetteer, doc: Doc, ent) -> tuple[int, int, list[Candidate]]:
    """The start, end and candidates of a well-known place name opening an organisation's name of at
    least two more words, or one organisation word ("Athens Police Department"); none if no such name."""
    i = ent.start + (doc[ent.start].lower_ == "the")
    for k in range(min(ent.end - 1, i + 3), i, -1):
        if not (ent.end - k > 1 or doc[k].lower_ in ORG_HEADS):
            continue  # "Texas Fire Service", "Ohio State University"; not "Texas Roadhouse"
        text = doc[i:k].text
        if gaz.known(text) and text.lower() not in COMMON:
            cands = gaz.lookup(text)
            if _salient(cands, strict=False):
                return i, k, cands
    return i, i, []


TITLES = {w.lower() for w in """
    Mr Mrs Ms Dr Miss Sir Dame President Gov Governor Sen Senator Rep Representative Mayor Sheriff Deputy
    Officer Sgt Sergeant Capt Captain Lt Lieutenant Det Detective Chief Coach Judge Justice Pastor Rev
    Reverend Father Brother Sister Prof Professor Gen General Col Colonel Maj Major Cpl Pvt Commissioner
    Councilman Councilwoman Trooper Attorney Secretary Minister Premier Chancellor Prince Princess King Queen
    Pope Bishop Rabbi Imam Sheikh Ayatollah Superintendent Principal Director Chairman Spokesman
    Spokeswoman""".split()}  # fmt: skip
# Words that end place names of their own ("Neches River", "Allen Park"): a pair with one is no person.
PLACE_HEADS = {w.lower() for w in """
    River Lake Mountain Mountains Mount Mt Valley Park Bay Island Islands Street St Road Avenue Ave Creek
    Beach Hills Hill Heights Springs Falls Canyon Harbor Harbour Point Port Fort Ridge Forest Desert Coast
    Peninsula Strait Gulf Sea Ocean Square Township Borough Village Town City County Province State District
    Region Drive Lane Boulevard Blvd Way Court Circle Terrace Parkway Highway Trail Plaza Garden Gardens
    """.split()}  # fmt: skip


class PersonNames(NamedTuple):
    words: set[str]  # words that are people's names wherever they stand alone
    spans: list[tuple[int, int]]  # article offsets of full names the words around them vouch for


def name_pair_words(gaz: Gazetteer, sentences: list) -> PersonNames:
    """Words of the story's personal names found without the NER model: a surname is a capitalised
    word that follows a title ("Mayor Davlin") or a capitalised first word ("David Jones", no place
    together) and is then used on its own ("Jones said"), as news refers to people, or whose pair
    the words around it show to be a person's (`_said_of_a_person`, `_introduces_a_person`, a middle
    initial); the first words of its pairs go with it. A lone village's or county's name before
    "said" is a person's too. Title-case headlines are skipped (every word there is capitalised),
    and so are major places ("Texas Roadhouse" ... "Texas"), except in the very names vouched for
    ("said Mary Wheeler": not Mary, Turkmenistan, there)."""
    pairs: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    titled: set[str] = set()
    alone: set[str] = set()
    placed: set[str] = set()
    placed_by_of: set[str] = set()
    vouched: set[str] = set()
    spoke: set[str] = set()
    for sent in sentences:
        toks = [t for t in sent.doc if not t.is_space]
        alpha = [t for t in toks if t.is_alpha]
        byline = 0 < len(alpha) <= 4 and alpha[0].lower_ == "by"  # "By Cristina Harris" on a line of its own
        if not alpha:
            continue
        # a headline or a list of names capitalises every word: only a middle initial tells there
        headline = sum(t.is_title for t in alpha) > 0.6 * len(alpha) and not byline
        caps = [_name_cased(t.text) for t in toks]
        if toks and toks[0].lower_ in COMMON:
            caps[0] = False  # "Then Jones said": a sentence's opening function word
        for k, tok in enumerate(toks):
            if not caps[k]:
                continue
            if _initialled(toks, caps, k):
                pairs.append((toks[k - 2].text, tok.text))  # "Kijuan D. McDonald": a middle initial
                vouched.add(tok.text)
                spans.append(_span(sent, toks[k - 2], tok))
                continue
            if headline:
                continue
            named_on = k + 1 < len(toks) and (caps[k + 1] or _INITIAL.fullmatch(toks[k + 1].text))
            if (k == 0 or not caps[k - 1]) and not named_on and k > 0:
                alone.add(tok.text)
                if k + 1 < len(toks) and toks[k + 1].lower_ in _SPEECH_AFTER_NAME:
                    spoke.add(tok.text)  # "Lewis said": a small town speaks for nobody
                elif _described_as_a_person(toks, k + 1) and tok.text not in gaz.demonyms:
                    spoke.add(tok.text)  # "Moore, 19, told", "Jones, who was unseated"
            if k > 0 and toks[k - 1].lower_ in _PLACE_PREPS:
                placed.add(tok.text)  # "in Riverdale": used as a place
            elif k > 0 and _placed_by_of(toks, k):
                placed_by_of.add(tok.text)  # "the city of Edwardsville", or "acquaintances of Moore"
            if k == 0 or tok.lower_ in COMMON or tok.lower_ in PLACE_HEADS or tok.lower_ in ORG_HEADS:
                continue
            if tok.text in gaz.demonyms or tok.lower_.rstrip(".") in TITLES or tok.lower_ in _PARTY_MEMBERS:
                continue  # "the Idlib Governor said", "a Manhattan Democrat": nobody's surname
            a = toks[k - 1]
            last = k + 1 == len(toks) or not caps[k + 1]
            if a.lower_.rstrip(".") in TITLES and a.is_title:
                titled.add(tok.text)  # "Mayor Smith", "Gov. Perry"
            elif caps[k - 1] and a.lower_ not in COMMON and a.lower_ not in PLACE_HEADS:
                if a.lower_ not in ORG_HEADS and a.text not in gaz.demonyms:
                    if not gaz.known(f"{a.text} {tok.text}"):
                        before = toks[k - 2].text if k > 1 else ""
                        vouched_here = before.lower() not in _WHERE_PREPS and (  # "from Cherry Hinton"
                            _said_of_a_person(toks, k - 1, k + 1)
                            or _introduces_a_person(before, k - 1, ends=last)
                            or (
                                last
                                and _name_opens(toks, caps, k - 1)
                                and _given_name_pair(gaz, a.text, tok.text)
                            )
                        )
                        if k - 1 > 0 or vouched_here:  # a sentence's first word is capitalised anyway
                            pairs.append((a.text, tok.text))
                        if vouched_here:
                            vouched.add(tok.text)
                            if not (k > 1 and caps[k - 2]) and not _country_in(gaz, a.text, tok.text):
                                spans.append(_span(sent, a, tok))  # the whole name: not "New York Fed"
    # "of" places a name less surely than "in": a title or a vouched-for name outweighs it
    surnames = ((titled | vouched) - placed) | (
        {b for a, b in pairs if b in alone or a in titled} - placed - placed_by_of
    )
    placed |= placed_by_of
    # a first name also used alone is a person's too when the pair was vouched for ("Mary Wheeler, a
    # teacher ... Mary said")
    words = set(surnames) | ({a for a, b in pairs if b in vouched} - placed)
    for _ in range(2):  # back along a name: "Mercer Paul Wilkins"
        words |= {a for a, b in pairs if b in words and a not in alone and a not in placed}
    speakers = {w for w in spoke - placed if not _may_speak_for_a_state(gaz, w)}
    return PersonNames({w for w in words if not _major_place(gaz, w)} | speakers, spans)


def _name_opens(toks: list, caps: list[bool], k: int) -> bool:
    """Whether a name begins at token k: the word before is not capitalised, or is a title ("Gov.").
    "St. Louis Regional", "the Glen Crossing Road" are longer names, not a person's."""
    return k == 0 or not caps[k - 1] or toks[k - 1].lower_.rstrip(".") in TITLES


def _given_name_pair(gaz: Gazetteer, first: str, second: str) -> bool:
    """ "Sam Gallagher", "Mary Fallin": a common given name before a capitalised word is a person's
    name, unless either word is a major place ("Georgia Power", "Jordan Valley", "Paul Texas")."""
    return first in given_names() and not _major_place(gaz, first) and not _major_place(gaz, second)


_PARTY_MEMBERS = {"democrat", "democrats", "republican", "republicans", "liberal", "conservative", "tory"}


def _country_in(gaz: Gazetteer, *words: str) -> bool:
    """Whether one of the words names a country or world region ("Environment Canada", "SOS Villages
    Sudan"): such a pair is an agency's name, not a person's, whatever the words around it say."""
    return any(
        c.is_country or c.geonameid < 0 for w in words for c in gaz.lookup(w) if c.main and not c.fuzzy
    )


def _span(sent, first, last) -> tuple[int, int]:
    """Article offsets of the tokens first..last of a sentence."""
    return sent.start + first.idx, sent.start + last.idx + len(last.text)


# Car makes that share a name with places ("a 2006 Dodge Dakota", "the Toyota failed to yield").
CAR_MAKES = {w for w in """
    Ford Toyota Dodge Chevrolet Chevy Honda Nissan Mazda Lincoln Mercury Buick Pontiac Jeep Chrysler
    Cadillac Hyundai Kia Subaru Volkswagen Saturn Oldsmobile Plymouth Volvo Mitsubishi Lexus Acura Audi
    """.split()}  # fmt: skip
_VEHICLE_NOUNS = {w for w in """
    car cars pickup truck trucks sedan van minivan suv suvs coupe wagon convertible motor motors dealership
    """.split()}  # fmt: skip
_CAR_MAKE = re.compile(r"\b(?:" + "|".join(sorted(CAR_MAKES)) + r")\b")
_MODEL_YEAR = re.compile(r"(?:19[5-9]|20[0-3])\d")


def vehicle_words(gaz: Gazetteer, sentences: list) -> set[str]:
    """Car makes the story uses as cars: after a model year ("a 1992 Toyota Corolla"), before a vehicle
    word ("a Dodge pickup", "Ford Motor Company") or before a model name the gazetteer does not know
    ("a Dodge Caravan"); then every repeat is the car ("striking the Toyota"), and so is the model."""
    out = set()
    for sent in sentences:
        if _CAR_MAKE.search(sent.text) is None:
            continue  # most sentences name no car: their tokens are not built
        toks = [t for t in sent.doc if not t.is_space]
        for k, tok in enumerate(toks):
            if tok.text not in CAR_MAKES:
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            year = k > 0 and _MODEL_YEAR.fullmatch(toks[k - 1].text)
            vehicle = nxt is not None and nxt.lower_ in _VEHICLE_NOUNS
            named = nxt is not None and _name_cased(nxt.text) and nxt.lower_ not in COMMON
            if year or vehicle or (named and not gaz.known(nxt.text)):
                out.add(tok.text)
                if named:
                    out.add(nxt.text)  # the model: "a 2006 Dodge Dakota" is no place in the Dakotas
    return out


def _may_speak_for_a_state(gaz: Gazetteer, word: str) -> bool:
    """A country, province, capital or city of 100,000 can stand for its government ("Ankara said");
    a village or a county cannot ("Hall said")."""
    return any(
        c.main and not c.fuzzy and (c.is_country or c.feature_code in ("ADM1", "PPLC", "PPLA", "CONT")
                                    or c.geonameid < 0 or c.feature_class == "P" and c.population >= 100_000)
        for c in gaz.lookup(word)
    )  # fmt: skip


_INITIAL = re.compile(r"[A-Z]\.")
# what news calls a person right before their name, in lower case ("student Jessica Orellana")
PERSON_NOUNS = {w for w in """
    student teacher firefighter officer coach player coordinator manager director spokesman spokeswoman
    spokesperson resident reporter photographer writer author artist singer actor actress lawyer attorney
    sheriff deputy trooper detective investigator commander soldier sapper sergeant analyst researcher
    professor scientist doctor nurse surgeon pastor priest activist leader chairman chairwoman founder
    owner executive worker employee volunteer candidate challenger incumbent senator congressman
    congresswoman lawmaker councilman councilwoman commissioner ambassador envoy official heavyweight
    quarterback pitcher goalie striker midfielder defender freshman sophomore teammate son daughter wife
    husband mother father brother sister grandson granddaughter niece nephew cousin neighbor neighbour
    victim suspect defendant witness survivor farmer driver minister secretary president governor mayor
    chief editor economist expert engineer consultant adviser advisor representative agent architect
    sculptor painter designer champion racer musician poet novelist columnist correspondent
    """.split()}  # fmt: skip
# what a place is called in a description after its name ("Kafr Nabl, a town in Idlib")
_PLACE_NOUNS = {w.lower() for w in """
    town village city province district neighbourhood neighborhood suburb region area country capital
    port camp municipality governorate state county hamlet settlement crossing border island valley
    stronghold enclave""".split()} | PLACE_HEADS  # fmt: skip


_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def _initialled(toks: list, caps: list[bool], k: int) -> bool:
    """Token k closes a name with a middle initial ("Kijuan D. McDonald"), and the name ends there
    ("John F. Kennedy Airport" names a place)."""
    if k < 2 or not caps[k - 2] or not _INITIAL.fullmatch(toks[k - 1].text):
        return False
    if toks[k].lower_ in COMMON or toks[k].lower_ in PLACE_HEADS or toks[k].lower_ in ORG_HEADS:
        return False
    return k + 1 == len(toks) or not caps[k + 1]


def _placed_by_of(toks: list, k: int) -> bool:
    """ "the city of Edwardsville": "of" before token k uses it as a place (but not in "hold of Bell's
    hands": a possessive after "of" is a person's)."""
    return toks[k - 1].lower_ == "of" and not (k + 1 < len(toks) and toks[k + 1].lower_ in _POSSESSIVE)


def _described_as_a_person(toks: list, k: int) -> bool:
    """Tokens from k describe the word before them as a person: ", who", ", whose", an age in commas."""
    after = [t.lower_ for t in toks[k : k + 3]]
    if after[:2] in ([",", "who"], [",", "whose"]):
        return True
    return len(after) == 3 and after[0] == after[2] == "," and after[1].isdigit() and int(after[1]) < 110


def _name_cased(word: str) -> bool:
    """A word written like a name: "Jones", "McDonald" (not "NATO", "a", "D.", "StandUp")."""
    return word.isalpha() and (word.istitle() and len(word) > 1 or _SCOTTISH.fullmatch(word) is not None)


_SCOTTISH = re.compile(r"Ma?c[A-Z][a-z]+")


_SPEECH_AFTER_NAME = {
    "said", "says", "told", "added", "wrote", "testified", "explained", "recalled", "noted", "argued",
    "insisted", "warned", "stated", "announced",
}  # fmt: skip


def _introduces_a_person(before: str, start: int, ends: bool = True) -> bool:
    """The word before a name at token `start` makes it a person's: a role ("firefighter Ron Brokaw",
    "architects Albert Diettel and ...", "Chairwoman Pat Chester"; a capitalised one only before a
    name that `ends` there, not in "Chief Kanawha Circuit Judge Jim Stucky"), a byline's "By
    Cristina Harris"."""
    lower = before.lower()
    role = lower in PERSON_NOUNS or (lower.endswith("s") and lower[:-1] in PERSON_NOUNS)
    if role and (ends or before.islower()):
        return True
    return lower == "by" and start == 1


def _said_of_a_person(toks: list, start: int, end: int) -> bool:
    """Words around a name that only a person takes: a verb of saying after it ("Paul Calvert said"),
    an age in commas ("Jermaine Bradley, 28,"), a description or home town in commas ("Michael Grey,
    health minister"), or "according to" before it."""
    after = [t.lower_ for t in toks[end : end + 3]]
    if after[:1] and after[0] in _SPEECH_AFTER_NAME | {"jr", "jr.", "sr", "sr."}:
        return True  # "Paul Calvert said", "George Bush Jr"
    # the words before vouch only for a name that ends here: not "said Litchfield Fire Chief Jim Koser"
    # (nor "according to Alexandria Commonwealth's Attorney": an office's name goes on)
    ends = end >= len(toks) or not (_name_cased(toks[end].text) or toks[end].lower_ in _POSSESSIVE)
    if ends and start > 0 and toks[start - 1].lower_ in _SPEECH_AFTER_NAME:
        return True  # "said Mary Wheeler"
    if any(t.lower_ in _PLACE_NOUNS for t in toks[end : end + 5]):
        return False  # "Kafr Nabl, a town in Idlib", "Tal Abyad, the border crossing"
    if after[:1] == [","] and (
        after[1:2]
        and after[1] in {"who", "whose", "a", "an", "of", *_SPEECH_AFTER_NAME}
        or any(w in PERSON_NOUNS for w in after[1:3])
    ):
        return True  # "John Scott, a former councilor", "Patrick Woodrow, of Bucknell, said"
    if len(after) == 3 and after[0] == "," and after[2] in {",", "and", ")", "."} and after[1].isdigit():
        return int(toks[end + 1].text) < 110
    return ends and [t.lower_ for t in toks[max(0, start - 2) : start]] == ["according", "to"]


def _major_place(gaz: Gazetteer, word: str) -> bool:
    """A country, region, city of a million or first-level unit of 100,000: never taken for a person's
    name on the evidence of a word pair alone ("Texas Roadhouse", "Georgia Power"). Cape Verde's
    municipality of Paul does not make "Superintendent Paul Calvert" a place."""
    if not gaz.known(word):
        return False
    return any(
        c.main and not c.fuzzy and (c.is_country or c.feature_code == "CONT" or c.geonameid < 0
                                    or c.population >= 1_000_000
                                    or c.feature_code == "ADM1" and c.population >= 100_000)
        for c in gaz.lookup(word)
    )  # fmt: skip


def person_words(gaz: Gazetteer, sentences: list) -> set[str]:
    """Words of the story's full personal names ("Michael Jordan"). A one-word PERSON tag on a
    well-known place ("an Alexandria man", "Sri Lanka has") is more often a place the small model
    mislabels, unless that word is also part of someone's full name in the story."""
    words = set()
    for sent in sentences:
        if not sent.parsed:
            continue
        for ent in sent.doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2 or _mislabelled_place(gaz, sent.doc, ent):
                continue
            words.update(t.text for t in ent if t.text[:1].isupper())
    return words


def _mislabelled_place(gaz: Gazetteer, doc: Doc, ent, persons: set[str] = frozenset()) -> bool:
    """An ORG or PERSON "entity" that is exactly a well-known place name ("Texas", "Minnesota", "U.S.",
    "Alexandria man", "Sri Lanka has"): the small model often tags places it knows as organisations or
    people; a real organisation's name has more words, a person's full name appears somewhere."""
    if ent.label_ not in ("ORG", "PERSON") or _org_follows(doc, ent.end):
        return False
    text = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
    for suffix in ("'s", "\u2019s"):
        text = text.removesuffix(suffix)
    after_prep = ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPS
    if (after_prep or _assaulted(doc, ent.root.i)) and text.lower() not in COMMON and gaz.known(text):
        # "in Riverdale", "On Oahu", "in Lombard"; an organisation's name only as a place's main name
        return any(not c.fuzzy and (c.main or ent.label_ == "PERSON") for c in gaz.lookup(text))
    if ent.label_ == "PERSON" and any(t.text in persons for t in ent):
        return False
    return gaz.known(text) and _salient(gaz.lookup(text), strict=ent.label_ == "PERSON")


# verbs whose object is most often a place in war reporting: "rockets hit Nahariya", "jets struck Khiam"
_ASSAULT_VERBS = {
    "hit", "strike", "shell", "bomb", "bombard", "pound", "raid", "storm", "capture", "seize", "recapture",
    "retake", "overrun", "besiege", "liberate", "enter", "target",
}  # fmt: skip


def _assaulted(doc: Doc, i: int) -> bool:
    """Is the word at `i` (a name's last word or root) the direct object of an assault verb ("hit Nahariya",
    "captured Shasha"): where it fell?"""
    tok = doc[i]
    return tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in _ASSAULT_VERBS


def _org_follows(doc: Doc, j: int) -> bool:
    """Whether the capitalised words right after position j end an organisation name."""
    for k in range(j, min(len(doc), j + 4)):
        if not doc[k].text[:1].isupper():
            return False
        if doc[k].lower_ in ORG_HEADS:
            return True
    return False


def _unit_named(doc: Doc, j: int, cands: list[Candidate]) -> bool:
    """ "Rakhine State", "Borno State": the unit itself when an admin word ends the name of a first-level
    unit ("Ohio State University" goes on into an organisation's name)."""
    ends = j + 1 >= len(doc) or not doc[j + 1].text[:1].isupper()
    return ends and doc[j].lower_ in ADMIN_WORDS and any(c.is_admin1 for c in cands)


_CURRENCY = set("$€£¥")


def _acronym(doc: Doc, i: int) -> bool:
    """An all-capitals word of up to five letters in mixed-case text (not a dateline's place name)."""
    tok = doc[i]
    if not (tok.text.isupper() and tok.is_alpha and len(tok.text) <= 5):
        return False
    if i == 0 and not (i + 1 < len(doc) and doc[i + 1].is_lower):
        return False  # "HOMS, Syria": a dateline; "SANA reported" opens with an acronym
    return not _dateline_follows(doc, i + 1) and not _shouted(doc)


def _shouted(doc: Doc) -> bool:
    """More than half the sentence's tokens are in capitals (cached on the Doc)."""
    cached = doc.user_data.get("shouted")
    if cached is None:
        cached = doc.user_data["shouted"] = sum(t.text.isupper() for t in doc) > len(doc) / 2
    return cached


def _country_code(gaz: Gazetteer, doc: Doc, i: int) -> bool:
    """ "US", "UK" in capitals within mixed-case text: a country, though "us" is also a word."""
    tok = doc[i]
    if not (len(tok.text) == 2 and tok.text.isupper()) or _shouted(doc):
        return False
    return any((c.is_country or c.feature_code == "CONT") and not c.fuzzy for c in gaz.lookup(tok.text))


def _acronym_reading(c: Candidate, text: str) -> bool:
    """Whether an acronym can stand for candidate c: a country, continent or region, or a first-level
    unit it abbreviates ("NSW"); not a unit whose own name it merely spells in capitals ("SANA", the
    news agency, is not Sanaa governorate)."""
    if c.fuzzy:
        return False
    if c.is_country or c.feature_code in ("CONT", "RGN"):
        return True
    return c.feature_code == "ADM1" and fuzzy_key(c.name) != fuzzy_key(text)


def _opens_a_name(gaz: Gazetteer, doc: Doc, i: int, pair: str) -> bool:
    """Token i and the capitalised word after it are a well-known place ("Saudi Arabia")."""
    if i + 1 >= len(doc) or not _name_cased(doc[i + 1].text) or pair in gaz.demonyms:
        return False
    return _salient(gaz.lookup(pair), strict=True)


def _state_demonym(gaz: Gazetteer, word: str) -> list[Candidate]:
    """The state or province a people word names ("Ohioans", "New Yorkers", "Dagestani"), for a word
    that is no place itself; first-level units only, whose demonyms news uses as much as countries'."""
    if len(word) < 6 or not word.isalpha() or not word.endswith(("ans", "ers", "ites", "i")):
        return []  # the people, not an adjective: "Gunman" is no Gunma, "Bolivarian" no Bolívar
    if word in gaz.demonyms or gaz.known(word):
        return []
    return [c for c in demonym_candidates(gaz, word) if c.feature_code == "ADM1"][:1]


def _demonym_cands(gaz: Gazetteer, word: str) -> list[Candidate]:
    place = gaz.demonym_place(word)
    return [place] if place else []


def _match(
    gaz: Gazetteer,
    sent,
    taken: list[bool],
    blocked: list[bool],
    add,
    lowercase_words: set[str],
    has_ner: bool,
    story_places: set[str] = frozenset(),
) -> None:
    """Greedy longest match of capitalised token runs against the gazetteer and the demonym list."""
    doc = sent.doc
    n = len(doc)
    headline = title_cased(doc)  # every word capitalised: a run of them is no longer name
    # "Gymnastics: Hagerstown advances": a headline's claim after a colon-set label or speaker does not
    # open a sentence of its own
    after_colon = (
        sent.extra.get("colon_speaker") is not None and sent.extra["colon_speaker"].start < sent.start
    )
    i = 0
    while i < n:
        tok = doc[i]
        starts_article = (
            tok.lower_ in ARTICLES and i + 2 < n and doc[i + 1].text == "-" and doc[i + 2].is_title
        )
        if taken[i] or not (tok.text[:1].isupper() or starts_article) or tok.text in ("A", "An"):
            i += 1
            continue
        if any(ch in _CURRENCY for ch in tok.text):  # "US$", "A$": a currency, not a place
            i += 1
            continue
        if _head_word(tok.text) in ARABIC_HEADS and not blocked[i]:
            j = _arabic_compound(gaz, sent, i, taken, blocked, add)
            if j > i:
                i = j
                continue
        pair = doc[i : i + 2].text if i + 1 < n else ""
        if (
            pair in gaz.demonyms
            and not any(blocked[i : i + 2])
            and not any(taken[i : i + 2])
            and not (i + 2 < n and gaz.known(doc[i : i + 3].text))  # "Central African Republic": the country
        ):
            # "Sri Lankan", "South Korean"; "the Russian Foreign Ministry" too (an adjectival place name)
            add(i, i + 2, "demonym", _demonym_cands(gaz, pair), 0.6 if _org_follows(doc, i + 2) else 0.8)
            i += 2
            continue
        # a country's demonym ("Syrian"), or the people of a state ("Ohioans", "Dagestani"), unless it
        # opens a place's name ("Saudi Arabia", "British Columbia")
        country_people = tok.text in gaz.demonyms
        people = None if blocked[i] else (country_people or _state_demonym(gaz, tok.text))
        # "Rakhine State", "Kachin State": a people's name that is also its state's, before "State"
        unit = i + 1 < n and doc[i + 1].lower_ in ADMIN_WORDS and gaz.known(tok.text)
        if people and not unit and not _opens_a_name(gaz, doc, i, pair):
            cands = _demonym_cands(gaz, tok.text) if country_people else people
            add(i, i + 1, "demonym", cands, 0.6 if country_people and _org_follows(doc, i + 1) else 0.8)
            i += 1
            continue
        found = False
        for j in range(min(n, i + 6), i, -1):
            last = doc[j - 1]
            if not _capitalised(last.text) or any(taken[i:j]):
                continue
            if any(not (_capitalised(t.text) or t.lower_ in CONNECTORS) for t in doc[i:j]):
                continue
            if _article_tail(doc, j):
                continue  # "Orum al-Kubra": the start of a longer Arabic name, not "Orum" (Utah)
            if j - i > 1 and last.lower_ in ARTICLES:
                continue  # "BEIRUT At least seven ...": an Arabic article opens a name, never ends one
            text = sent.text[tok.idx : last.idx + len(last.text)]
            if _unknown_hyphen_mate(gaz, doc, i, j) and not _salient(gaz.lookup(text), strict=True):
                continue  # "Pont-Sondé" is one unknown name, not "Pont" (France); "Fargo-Moorhead" names two
            if j - i == 1 and (tok.lower_ in COMMON or tok.lower_ in lowercase_words or len(tok.text) < 3):
                if not _country_code(gaz, doc, i):
                    continue
            if j - i == 1 and _bare_head(doc, i):
                # "Knox Park": the park, a place the gazetteer lacks, where a place is expected
                start = _name_start(doc, i, taken)
                if _locative(doc, start) and not any(blocked[start:j]):
                    add(start, j, "toponym", [], 0.6)
                    i, found = j, True
                    break
                continue
            if j - i == 1 and (_after_saint(doc, i) or _a_hall(doc, i)):
                continue  # "St. Patrick's Day", "St. Mary's School", "City Hall", "the Hall of Fame"
            if _ampersand_name(doc, i, j) and not _salient(gaz.lookup(text), strict=True):
                continue  # "Stevens & Wilkinson", "Marks & Spencer": a firm's name, not two places
            if not gaz.known(text) and not _variant_spelling(gaz, doc, i, j, text):
                continue
            cands = gaz.lookup(text)
            if j - i == 1 and not headline and _closes_a_longer_name(gaz, doc, i, taken):
                if not _salient(cands, strict=True):
                    continue
            # ... not "the city of Aleppo Syrias most populous" (a possessive written without its apostrophe)
            town_named = j - i == 1 and _named_as_town(doc, i) and not _apostrophe_dropped(gaz, doc, j)
            if town_named and _opens_a_longer_name(gaz, doc, j, lowercase_words):
                continue  # "the town of Adan Yabaal": one unknown name, not Aden
            if j - i == 1 and not headline and not any(c.main for c in cands):
                if _opens_a_longer_name(gaz, doc, j, lowercase_words) and not _salient(cands, strict=True):
                    # "the Kocha Risaldar area": one unknown name, not "Kocha" (another name of a Chinese
                    # city); a place's own name opens many ("Lombard Historical Society")
                    continue
            if j - i == 1 and _acronym(doc, i):
                # "NATO", "HIV", "FAO" in mixed-case text: an acronym names a country or state ("UAE",
                # "DRC", "NSW") or nothing; a village spelt the same is no reading of it
                cands = [c for c in cands if _acronym_reading(c, text)]
                if not cands:
                    continue
            if _org_follows(doc, j) and not _unit_named(doc, j, cands):
                # "Texas Police", "Damascus University": a place naming an organisation, kept as a modifier
                if not any(blocked[i:j]) and _salient(cands, strict=False):
                    add(i, j, "toponym", cands, 0.5, modifier=True)
                    i, found = j, True
                    break
                continue
            is_blocked = any(blocked[i:j])
            if is_blocked:
                prev = doc[i - 1].lower_ if i > 0 else ""
                if prev not in LOC_PREPS or not _salient(cands, strict=True):
                    continue
            # "Laurel County clerk honoured": a name with its own admin word is a place, even opening a title
            # ... and so is a name the story places elsewhere ("in Douma ... Douma is surrounded")
            strict = (
                i == 0
                and not after_colon
                and not _dateline_follows(doc, j)
                and not (j - i > 1 and last.lower_ in ADMIN_WORDS)
                and text not in story_places
            )
            if not is_blocked and not _salient(cands, strict=strict):
                expected = (
                    _locative(doc, i) or _assaulted(doc, j - 1) or _province_after_the(doc, i, j, cands)
                )
                if not (expected and cands):
                    continue
                # "in Saraqib", "the village of al-Karama": small or variant-spelled places named
                # where a place is expected
                add(i, j, "toponym", cands, 0.6)
                i, found = j, True
                break
            add(i, j, "toponym", cands, 0.7 if has_ner else 0.8)
            i, found = j, True
            break
        if not found and _named_as_town(doc, i) and not blocked[i] and not taken[i]:
            # "near the town of Barsalogho": a name the gazetteer lacks, where the text says it is a town
            end = i + 1
            while end < min(n, i + 4) and not taken[end]:
                hyphened = doc[end].text == "-" and end + 1 < n and _name_cased(doc[end + 1].text)
                if not (_name_cased(doc[end].text) or hyphened):
                    break
                end += 2 if hyphened else 1  # "the town of Pont-Sondé": one name across the hyphen
            add(i, end, "toponym", [], 0.6)
            i, found = end, True
        if not found:
            i += 3 if _article_tail(doc, i + 1) else 1


_ELIDED = re.compile(r"[dl]['\u2019][A-Z]")


def _capitalised(word: str) -> bool:
    """Written with a capital, or with an elided article before one ("d'Ivoire", "l'Aquila")."""
    return word[:1].isupper() or _ELIDED.match(word) is not None


def _named_as_town(doc: Doc, i: int) -> bool:
    """ "the town of X", "the village of X": the word before "of" says a place is named."""
    return (
        i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CITY_WORDS and _name_cased(doc[i].text)
    )


def _after_saint(doc: Doc, i: int) -> bool:
    """A word right after "St." or "Saint" that the gazetteer does not know with it: a saint's name
    (a feast, a church, a school), not the place of the word alone."""
    return i > 0 and doc[i - 1].text in ("St.", "St", "Saint", "Ste.", "Sainte")


def _bare_head(doc: Doc, i: int) -> bool:
    """ "Knox Park", "Glacier Ridge", "Red River Valley": the feature word closing a name the gazetteer
    does not know is that feature's, not a town named Park, Ridge or Valley."""
    if doc[i].lower_ not in PLACE_HEADS or i == 0:
        return False
    prev = doc[i - 1]
    return _name_cased(prev.text) and prev.lower_ not in STOP_WORDS


def _name_start(doc: Doc, i: int, taken: list[bool]) -> int:
    """The first token of the capitalised run that token i closes."""
    start = i
    while start > 0 and not taken[start - 1] and _name_cased(doc[start - 1].text):
        start -= 1
    return start


def _ampersand_name(doc: Doc, i: int, j: int) -> bool:
    """Tokens i..j are joined by "&" to a capitalised word before or after them."""
    after = j + 1 < len(doc) and doc[j].text == "&" and doc[j + 1].text[:1].isupper()
    return after or (i >= 2 and doc[i - 1].text == "&" and doc[i - 2].text[:1].isupper())


def _a_hall(doc: Doc, i: int) -> bool:
    """ "Hall" closing a capitalised name or opening "Hall of ..." is a building ("City Hall",
    "Carnegie Hall", "the Hall of Fame"), never Hall County on its own."""
    if doc[i].text != "Hall":
        return False
    return (i > 0 and _name_cased(doc[i - 1].text)) or (i + 1 < len(doc) and doc[i + 1].lower_ == "of")


def _closes_a_longer_name(gaz: Gazetteer, doc: Doc, i: int, taken: list[bool]) -> bool:
    """ "City Hall", "Taco Bell", "Centennial Hall": a word closing a longer capitalised name that is no
    place itself names a building or a brand, unless the word before it is a place ("Syria's Idlib")
    or a feature or direction word ("North Dallas", "Lake Tahoe")."""
    if i == 0 or taken[i - 1] or doc[i].lower_ in FEATURE_WORDS or doc[i].lower_ in PLACE_HEADS:
        return False  # "Squirrel Hill", "Sun Valley": a feature's own word closes a place's name
    prev = doc[i - 1]
    if not _name_cased(prev.text) or prev.lower_ in STOP_WORDS or prev.lower_ in FEATURE_WORDS:
        return False
    if prev.lower_ in LOC_PREPS:  # "Near Jarablus" in a line that capitalises every word
        return False
    if prev.lower_ in {"downtown", "uptown", "midtown"}:
        return False
    if prev.lower_.rstrip(".") in TITLES or prev.text in gaz.demonyms:
        return False
    stems = (prev.text, prev.text[:-1]) if prev.text.endswith("s") else (prev.text,)
    return not any(gaz.known(w) and _salient(gaz.lookup(w), strict=True) for w in stems)


def _apostrophe_dropped(gaz: Gazetteer, doc: Doc, j: int) -> bool:
    """ "Syrias": a known place's possessive with its apostrophe lost."""
    word = doc[j].text if j < len(doc) else ""
    return len(word) > 3 and word.endswith("s") and gaz.known(word[:-1])


def _opens_a_longer_name(gaz: Gazetteer, doc: Doc, j: int, lowercase_words: set[str]) -> bool:
    """Whether the word at j, glued to the name before it, is a capitalised word no gazetteer knows
    (not a date, title, demonym or organisation word, nor one the story writes in lower case
    elsewhere, as "Idleb Units of the army" does): then both are one unknown name."""
    if j >= len(doc) or not doc[j - 1].whitespace_:
        return False
    word = doc[j]
    return (
        _name_cased(word.text)
        and not word.is_upper
        and word.lower_ not in COMMON
        and word.lower_ not in ORG_HEADS
        and word.lower_ not in lowercase_words
        and word.text not in gaz.demonyms
        and not gaz.known(word.text)
    )


# Words that open Arabic place names ("Maarat al-Numan", "Tell Rifaat", "Ain Tarma", "Deir Ezzor"): with
# the word after them they are one name, looked up whole; their parts alone are other places ("Numan" in
# Nigeria, "Tarma" in Peru) or none. "Abu" mostly opens a person's name, so it is never a place alone.
ARABIC_HEADS = {w.lower() for w in """
    Maarat Maaret Marat Maarrat Tell Tel Tal Tall Ain Ayn Deir Dayr Jisr Kafr Kfar Kafar Khan Ras Bab Beit
    Bayt Abu Umm Jabal Jebal Jebel Wadi Qasr Hayy Bir Mazraat Qalaat Qalat
    Souq Suq""".split()}  # fmt: skip
_FUSED_ARTICLE = re.compile(r"^(?:a|e)([lrsztdn])\1(?=[aeiouy])", re.IGNORECASE)


def _article_tail(doc: Doc, j: int) -> bool:
    """Whether tokens j.. read "al-Kubra": an Arabic article joined to a capitalised word."""
    return (
        j + 2 < len(doc)
        and doc[j].lower_ in ARTICLES
        and doc[j + 1].text == "-"
        and doc[j + 2].text[:1].isupper()
    )


def _unknown_hyphen_mate(gaz: Gazetteer, doc: Doc, i: int, j: int) -> bool:
    """Whether tokens i..j are glued by a hyphen to a capitalised word the gazetteer does not know (not
    an acronym or a party letter, as in "D-McDowell"): then both are one name, the whole unknown."""
    mates = []
    if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        mates.append(doc[j + 1])
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        mates.append(doc[i - 2])
    return any(
        m.text[:1].isupper()
        and not m.is_upper
        and len(m.text) > 2
        and not gaz.known(m.text)
        and m.text not in gaz.demonyms
        for m in mates
    )


def _head_word(text: str) -> str:
    """A token's letters in lower case ("Ma'arat" -> "maarat")."""
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _arabic_compound(gaz: Gazetteer, sent, i: int, taken: list[bool], blocked: list[bool], add) -> int:
    """Match an Arabic compound name opening at token i (a word of ARABIC_HEADS, then one or two name
    words, each optionally behind an article: "al-Numan"). Returns the token after the compound, or i
    when no name word follows. A compound the gazetteer lacks is still consumed, so its parts are not
    matched alone; after "in"/"near" it is kept as a place mention with no known position."""
    doc = sent.doc
    n = len(doc)
    ends: list[int] = []
    k = i + 1
    for _ in range(2):
        if k + 2 < n and doc[k].lower_ in ARTICLES and doc[k + 1].text in ("-", "'"):
            k += 2  # "al - Numan"
        elif k + 1 < n and doc[k].lower_ in ARTICLES and doc[k + 1].text[:1].isupper():
            k += 1  # "al Numan"
        if k >= n or not (doc[k].is_alpha and doc[k].text[:1].isupper()) or taken[k] or blocked[k]:
            break
        k += 1
        ends.append(k)
    if not ends:
        return i
    head = doc[i]
    person_like = head.lower_ == "abu"
    for j in reversed(ends):
        last = doc[j - 1]
        text = sent.text[head.idx : last.idx + len(last.text)]
        first, rest = text.split(None, 1)
        unfused = _FUSED_ARTICLE.sub(r"\1", rest)  # "Deir Ezzor" -> "Deir Zor"
        cands = gaz.lookup(text) or gaz.lookup(f"{first} {unfused}")
        if not cands:
            continue
        # a two-word Arabic name is specific enough mid-sentence; opening a sentence ("Tall Abyad
        # residents said") or as "Abu X" (mostly a person) it needs a locative word or a well-known place
        opening = i == 0 and not _dateline_follows(doc, j)
        if (person_like or opening) and not (_locative(doc, i) or _salient(cands, strict=opening)):
            continue
        add(i, j, "toponym", cands, 0.6 if all(c.fuzzy for c in cands) else 0.7)
        return j
    if not person_like and _locative(doc, i):
        add(i, ends[0], "toponym", [], 0.4)
    return ends[0]
