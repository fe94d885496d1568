"""Toponym resolution in context, and the location of an event.

Why joint resolution: a name alone is ambiguous ("Idlib" the city or the province, "Alexandria" in
Egypt or Louisiana), but the other places of the story are not all ambiguous. Each candidate gets a
prior (feature kind, population, main vs alternate name) and then context evidence from the rest of
the story: the countries it mentions (toponyms and demonyms), the admin units it names, an explicit
"X, Y" container, a "province"/"city" word, and distance to the other places. Two rounds let the
confident mentions pull the ambiguous ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from unidecode import unidecode

from wirecoder.geo.gazetteer import Candidate, Gazetteer, haversine_km
from wirecoder.geo.names import normalize
from wirecoder.geo.recognize import (
    LOC_PREPS,
    Mention,
    demonym_candidates,
    listed_admin,
    lookup_variants,
    name_pair_words,
    partial_candidates,
    person_words,
    sentence_mentions,
    vehicle_words,
)
from wirecoder.schema import Place

_SPECIFIC = ("city", "exact", "admin1")


class Geoparser:
    """Finds and resolves the places of an article; read-only after construction (thread/fork safe)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    # ------------------------------------------------------------------ recognition + resolution

    def toponyms(self, sentences: list, text: str, exclude: list[tuple[int, int]] = ()) -> list[Place]:
        """Every toponym and demonym mention of the article, resolved jointly, with article offsets."""
        lowercase_words = {w for w in text.split() if w.isalpha() and w.islower()}
        places = {t.text for s in sentences if s.parsed for e in s.doc.ents if e.label_ in ("GPE", "LOC")
                  for t in e}  # fmt: skip
        named = name_pair_words(self.gaz, sentences)
        persons = (
            person_words(self.gaz, sentences) | named.words | vehicle_words(self.gaz, sentences)
        ) - places
        exclude = list(exclude) + named.spans
        found = [sentence_mentions(self.gaz, s, exclude, lowercase_words, persons) for s in sentences]
        # a sentence's first word is capitalised whatever it is, so only a well-known place is believed
        # there; a name the story places elsewhere ("in Douma") is believed too: those sentences are
        # matched again
        story_places = {m.text for ms in found for m in ms if m.kind == "toponym" and _placed(text, m)}
        first_words = {name.split()[0] for name in story_places}
        for k, sent in enumerate(sentences if first_words else ()):
            opening = next((t for t in sent.doc if not t.is_space), None)
            if opening is None or opening.text not in first_words:
                continue
            if not any(m.start == sent.start + opening.idx for m in found[k]):
                found[k] = sentence_mentions(self.gaz, sent, exclude, lowercase_words, persons, story_places)
        return self._resolve([m for ms in found for m in ms], text)

    def resolve_spans(self, text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
        """Resolve given mention spans (e.g. gold annotations) jointly; None where nothing matches."""
        mentions = []
        for start, end in spans:
            surface = text[start:end]
            demonym = self.gaz.demonym_place(surface) if surface[:1].isupper() else None
            if demonym is not None:
                mentions.append(Mention(start, end, surface, "demonym", [demonym], 1.0))
                continue
            cands, hint = lookup_variants(self.gaz, surface)
            if not cands:
                cands = demonym_candidates(self.gaz, surface)
            after = text[end : end + 15].split()
            if not hint and after:
                word = after[0].strip(".,;:").lower()
                hint = "admin" if word in _ADMIN else "city" if word in _CITY else ""
            if not hint and listed_admin(text[end:]):
                hint = "admin"
            mentions.append(Mention(start, end, surface, "toponym", cands, 1.0, hint))
        places = self._resolve(mentions, text)
        by_span = {p.span: p for p in places}
        return [by_span.get((s, e)) for s, e in spans]

    def _resolve(self, mentions: list[Mention], text: str) -> list[Place]:
        partial, loose = set(), set()
        for i, m in enumerate(mentions):
            if not m.candidates and m.kind == "toponym":
                m.candidates = partial_candidates(self.gaz, m.text, town=m.hint == "city")
                partial.add(i)
            elif m.kind == "toponym" and all(c.fuzzy for c in m.candidates):
                loose.add(i)  # "Cookville": only a loose spelling match, a guess like a partial name
        priors = [[_prior(c, m) for c in m.candidates] for m in mentions]
        best: list[Candidate | None] = [
            _argmax(m.candidates, pr) for m, pr in zip(mentions, priors, strict=True)
        ]
        anchors = _anchors(mentions, text)
        scores = priors
        said = [_demonym_anchor(mentions, best, i, text) for i in range(len(mentions))]
        for _ in range(2):
            ctx = _Context(mentions, best, text, scores, anchors)
            scores = _scored(mentions, priors, ctx)
            best = _one_reading_per_name(mentions, scores, ctx)
            told = _read_in_said_country(mentions, best, said, scores)
            loose -= told
        ctx = _Context(mentions, best, text, scores, anchors)
        final = _scored(mentions, priors, ctx)  # the margins the confidence scores are made of
        stray = _stray_namesakes(mentions, best, ctx)
        # the story's main place, never from a dropped namesake or an organisation's seat ("UK-based")
        elsewhere = stray | {i for i, m in enumerate(mentions) if SEAT.match(text, m.end) or _dateline(m)}
        focus = (_focus(mentions, best, skip=partial | loose | elsewhere)
                 or _focus(mentions, best, skip=elsewhere)
                 or _focus(mentions, best, skip=elsewhere, levels=("country",)))  # fmt: skip
        places = []
        for i, m in enumerate(mentions):
            c = best[i]
            if i in stray and i not in partial and not m.hint:  # a name the gazetteer lacks is no stray
                continue
            if i in stray and m.hint:
                c = None  # "the town of El Plateado" in a Colombian story: not the Mexican hamlet
            anchor = best[anchors[i]] if anchors[i] is not None else None
            country_said = said[i] if anchor is None else None
            if country_said is not None and (c is None or c.country != country_said.country):
                anchor = country_said  # "the Lebanese town of Ain Baal": a town no gazetteer knows
            unknown = i in partial or i in loose or i in stray
            if anchor is None and country_said is None and unknown and focus is not None:
                # a name no gazetteer knows: most likely in the story's own area, unless a name inside
                # it ("Lake Vermont", "Port of Los Angeles") is a place near that area; a loose spelling
                # match ("Saraqeb") only when far off (transliterations vary most in a story's own country)
                if c is None or not (_near_anchor(c, focus) or (c.admin1 and c.admin1 == focus.admin1)):
                    if i in partial or c is None or c.country != focus.country or _km(c, focus) > LOOSE_KM:
                        anchor = focus
            if anchor is not None and (c is None or not _near_anchor(c, anchor)):
                # "a village east of Raqqa" that the gazetteer lacks: its namesakes elsewhere are wrong,
                # the anchor's area is right within a few dozen km
                places.append(_near_place(m, anchor, self.gaz))
                continue
            score = _confidence(m, final[i]) if c else 0.0
            places.append(_place(m, c, score, self.gaz))
        return places

    # ------------------------------------------------------------------ event location

    def event_location(self, sentence, trigger_start: int | None, places: list[Place]) -> Place | None:
        """Where an event happened: a toponym attached to the trigger by in/at/near/from..., else a place
        of the sentence, else the story's focus. Demonyms are never locations."""
        toponyms = [p for p in places if p.kind == "toponym" and p.span and p.lat is not None]
        in_sentence = [p for p in toponyms if sentence.start <= p.span[0] < sentence.end]
        elsewhere = [p for p in in_sentence if _not_where(sentence, p)] if sentence.parsed else []
        if elsewhere and len(elsewhere) < len(toponyms):  # such a place only when the story names no other
            toponyms = [p for p in toponyms if p not in elsewhere]
            in_sentence = [p for p in in_sentence if p not in elsewhere]
        if in_sentence and trigger_start is not None and sentence.parsed:
            attached = _attached(sentence, trigger_start, in_sentence)
            if attached is not None:
                return attached
        if in_sentence:
            ranked = sorted(in_sentence, key=lambda p: (_PREC_RANK.get(p.precision or "", 9), p.span[0]))
            return ranked[0]
        return story_focus(toponyms)


_ADMIN = {
    "province",
    "governorate",
    "state",
    "region",
    "county",
    "district",
    "parish",
    "oblast",
    "prefecture",
}
_CITY = {"city", "town", "village"}
_PREC_RANK = {"exact": 0, "city": 0, "admin1": 1, "country": 2}


def story_focus(places: list[Place]) -> Place | None:
    """The story's main place: the most frequent specific place (city/admin1), ties to the first."""
    specific = [p for p in places if p.kind == "toponym" and p.precision in _SPECIFIC and p.geonameid]
    pool = specific or [p for p in places if p.kind == "toponym" and p.geonameid]
    if not pool:
        return None
    counts = Counter(p.geonameid for p in pool)
    first = {}
    for k, p in enumerate(pool):
        first.setdefault(p.geonameid, k)
    gid = max(counts, key=lambda g: (counts[g], -first[g]))
    return pool[first[gid]]


def _attached(sentence, trigger_start: int, places: list[Place]) -> Place | None:
    """The place whose dependency path to the trigger is shortest, via a locative preposition or directly."""
    doc = sentence.doc
    local = trigger_start - sentence.start
    span = doc.char_span(local, local + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    trigger = span[0]
    trig_chain = {t.i: d for d, t in enumerate([trigger, *trigger.ancestors])}
    best, best_len = None, 99
    for p in places:
        a, b = p.span[0] - sentence.start, p.span[1] - sentence.start
        found = doc.char_span(a, b, alignment_mode="expand")
        if found is None or not len(found):
            continue
        head = found.root  # the word nearest the sentence's root, the first of equals
        path, hops, node, via_prep, told = 0, 0, head, False, False
        while node.i not in trig_chain and node.head.i != node.i and hops < 8:
            if node.dep_ == "pobj" and node.head.lower_ in LOC_PREPS:
                via_prep = True
            node, hops = node.head, hops + 1
            told = told or (node.pos_ == "VERB" and node.lemma_.lower() in _SPEAKING)
        if node.i not in trig_chain or told:
            continue  # "..., the group said, calling on Israel to explain": the speaker's words
        path = hops + trig_chain[node.i]
        if trig_chain[node.i] > 0 and not via_prep:
            path += 3  # reached only through the trigger's governors: weaker attachment
        if path < best_len:
            best, best_len = p, path
    if best is None or best_len > 6:
        return None
    for p in places:  # "a school in Deir al-Balah in central Gaza": the place inside the named area
        gap = sentence.text[p.span[1] - sentence.start : best.span[0] - sentence.start]
        if p is not best and _INSIDE_GAP.fullmatch(gap):
            return p
    return best


# "in support of", "in solidarity with", "in retaliation for": the phrase gives a reason, not a place
_MOTIVE_NOUNS = {"support", "solidarity", "retaliation", "response", "revenge", "protest", "memory", "honour",
                 "honor", "defence", "defense", "sympathy"}  # fmt: skip


_VEHICLES = {"train", "bus", "flight", "plane", "ship", "vessel", "boat", "ferry", "convoy", "truck", "lorry",
             "minibus", "car"}  # fmt: skip


def _not_where(sentence, place: Place) -> bool:
    """A place named as the reason for an act, as where a vehicle was bound ("soldiers waiting for a
    train to Rawalpindi"), as where someone spoke ("told a news conference in Manila") or as the doer
    ("drones launched by Russia"): not where the act happened."""
    found = sentence.tokens_at(place.span)
    if found is None:
        return False
    doc, k = sentence.doc, found.start  # read from the words: the parser hangs "to X" on any verb near
    if k >= 2 and doc[k - 1].lower_ in {"to", "towards", "for"} and doc[k - 2].lemma_.lower() in _VEHICLES:
        return True
    if found.root.dep_ == "pobj" and found.root.head.dep_ == "agent":
        return True  # "drones launched by Russia": who launched them, not where anything happened
    first = found.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "by Seoul and Washington": both
    by_phrase = first.dep_ == "pobj" and first.head.lower_ == "by"
    if by_phrase and first.head.head.pos_ == "NOUN" and place.feature_class in {"P", "A"}:
        return True  # "joint drills by Seoul and Washington": the governments holding them
    if _launched_from(found.root):
        return True  # "a rocket fired from Lebanon hit Nahariya": where it came from, not where it fell
    return _in_motive(sentence, found) or _where_said(found.root)


_LAUNCHING = {"fire", "launch", "shoot", "lob"}


def _launched_from(tok) -> bool:
    """ "rockets fired from Gaza", "a drone launched from Yemen": the launch site of a projectile."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "from":
        return False
    launcher = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "launched a drone from Yemen"
    return launcher.lemma_.lower() in _LAUNCHING


_SPEAKING = {"say", "tell", "speak", "announce", "add", "conference", "briefing", "statement", "interview",
             "speech", "address"}  # fmt: skip


def _where_said(tok) -> bool:
    """ "told a news conference in Manila", "said in Geneva": the place of the telling."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in {"in", "at"} and prep.head.lemma_.lower() in _SPEAKING


def _in_motive(sentence, found) -> bool:
    """ "targeted the ship in support of Palestinians in Gaza": a place inside a phrase giving the act's
    reason (read from the words: the parser hangs "in Gaza" on the verb) is where the cause is, not where
    the act happened."""
    doc, start = sentence.doc, found.start
    for k in range(start - 1, max(start - 8, 0), -1):
        tok = doc[k]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"}:
            return False
        if tok.lemma_.lower() in _MOTIVE_NOUNS and doc[k - 1].lower_ in {"in", "is", "was", "as"}:
            return True  # "in solidarity with", "in what they say is solidarity with Palestinians in Gaza"
    return False


# "X in Y", "X, in northern Y": the gap between a place and the wider area it lies in
_INSIDE_GAP = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?", re.IGNORECASE)


def _argmax(candidates: list[Candidate], scores: list[float]) -> Candidate | None:
    """The first best-scoring candidate."""
    return candidates[max(range(len(scores)), key=scores.__getitem__)] if scores else None


def _one_reading_per_name(
    mentions: list[Mention], scores: list[list[float]], ctx: _Context
) -> list[Candidate | None]:
    """Each mention's best candidate, where a story places one repeat of a name explicitly ("New
    Haven, Conn.", "Dana east of Aleppo"), that repeat's reading for every repeat with the same hint:
    a story means one place by one name, and a bare "New Haven" in a later list of Indiana cities is
    still the Connecticut city."""
    best = [_argmax(m.candidates, sc) for m, sc in zip(mentions, scores, strict=True)]
    placed: dict[tuple[str, str], Candidate] = {}
    for i, m in enumerate(mentions):
        if best[i] is not None and (id(m) in ctx.containers or ctx.anchors[i] is not None):
            placed.setdefault((ctx.keys[i], m.hint), best[i])
    for i, m in enumerate(mentions):
        chosen = placed.get((ctx.keys[i], m.hint))
        if chosen is not None:
            best[i] = next((c for c in m.candidates if c.geonameid == chosen.geonameid), best[i])
    return best


def _scored(mentions: list[Mention], priors: list[list[float]], ctx: _Context) -> list[list[float]]:
    return [[p + ctx.evidence(c, i, m) for c, p in zip(m.candidates, pr, strict=True)]
            for i, (m, pr) in enumerate(zip(mentions, priors, strict=True))]  # fmt: skip


def _confidence(m: Mention, scores: list[float]) -> float:
    """How sure the mention's reading is: its own confidence, times the logistic margin of the best
    candidate over the runner-up, lower for a loose spelling match."""
    top = max(range(len(scores)), key=scores.__getitem__)
    margin = 1.0
    if len(scores) > 1:
        second = max(x for k, x in enumerate(scores) if k != top)
        margin = 1 / (1 + math.exp(-(scores[top] - second)))
    fuzzy = 0.6 if m.candidates[top].fuzzy else 1.0
    return round(m.confidence * margin * fuzzy, 3)


def _prior(c: Candidate, m: Mention) -> float:
    """Context-free plausibility: big, well-known, main-name places first."""
    s = 0.45 * math.log10(c.population + 10)
    if c.is_country:
        s += 3.0
    elif c.feature_code == "CONT":
        s += 3.0
    elif c.geonameid <= -1000:
        s += P_REGION  # a curated world region or sea: "the Atlantic" is the ocean, not Atlantic, Iowa
        if c.feature_class == "H" and _WATER_WORDS & set(m.text.lower().split()):
            s += 1.0  # "the Red Sea" is the sea, not Sudan's Red Sea state
    elif c.feature_code == "ADM1":
        s += P_ADMIN1
    elif c.feature_code == "ADM2":
        s += 0.2
    elif c.feature_code == "PPLC":
        s += 1.8
    elif c.feature_class == "P":
        s += 0.8
    spelled_out = _spelled_out(m.text) == _spelled_out(c.name)
    if c.main or spelled_out:  # "St. Petersburg" is Saint Petersburg's main name, abbreviated
        s += 1.0
    if c.fuzzy:
        s -= 1.5
    if m.hint == "admin":
        s += 4.0 if c.feature_class == "A" and not c.is_country else -2.0
    elif m.hint == "city":
        s += 3.0 if c.feature_class == "P" else -1.0
    if m.text.lower() == c.name.lower() or spelled_out:
        s += 0.5
    if c.feature_class == "P" and c.population >= 10_000 and m.hint != "admin":
        # "Idlib", "Aleppo", "Ankara": a city and the admin unit named after it; news means the city
        if any(o.feature_code == "ADM1" and o.admin1 == c.admin1 for o in m.candidates):
            s += 1.5
    small = c.population < NAMESAKE_POP or c.feature_code == "ADM2"  # "Atlantic" (County, New Jersey)
    if small and m.hint != "city" and not c.is_country and c.geonameid > 0:
        # "Middle East" (Maryland), "Jordan" (Minnesota), "California" (Pennsylvania): a small namesake
        # of a country, region or large state needs the story's own evidence to win over it
        if c.population * 20 < m.dominant_population:
            s -= P_NAMESAKE
    return s


_NAME_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


@lru_cache(maxsize=50_000)
def _spelled_out(name: str) -> str:
    """A name's words, lower case and ASCII, with abbreviations written out ("St. Petersburg" = "saint
    petersburg"); articles are kept ("Salt" is not "As Salt")."""
    return " ".join(_NAME_ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z0-9]+", unidecode(name).lower()))


NAMESAKE_POP = 100_000  # places smaller than this yield to a same-named country, region or large state
P_NAMESAKE = 2.5


W_TOWN_COUNTY = 0.8  # a town whose county is also named in the story, and that county
_WATER_WORDS = {"sea", "gulf", "ocean", "strait", "straits"}
P_REGION = 3.0  # prior bonus of a curated region, sea or island (geo/regions.py)
P_ADMIN1 = 1.0  # prior bonus of a first-level admin unit (a state's name usually means the state)
W_ADMIN1, W_ADMIN2, CAP_ADMIN = 1.0, 1.0, 1.5  # weight of belief in the same admin1 / admin2, and its cap


W_OTHER_NAME = 3.0  # an alternate name's place that the story already names otherwise


W_ANCHOR = 2.0  # "X east of Y", "near Y": X is within ANCHOR_KM of Y's place
ANCHOR_KM = 150.0
_ANCHOR_GAP = re.compile(
    r",?\s*(?:(?:some|about|around|roughly|nearly|just|a few)\s+)?"
    r"(?:(?:\d[\d.,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|\w+ty)[\s-]*"
    r"(?:km|kms|kilometers|kilometres|miles|mi)\s+)?"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+(?:of|from)|near|outside|"
    r"close to|on the outskirts of|in the outskirts of|just outside)\s+"
    r"(?:the\s+(?:city|town|province)\s+of\s+)?",
    re.IGNORECASE,
)


HOME_SHARE = 0.5  # a story is anchored in a country holding this share of its distinct place names
STRAY_POP = 100_000  # namesakes smaller than this, far from the story's country, need strong evidence
ALIAS_STRAY_POP = 1_000_000  # ... and so do places named by another name of theirs ("Boni" for Bonn)
STRAY_ISOLATED = True
MATCHER_CONF = 0.9  # mentions below this confidence were found by the gazetteer matcher alone


def _home_country(mentions: list[Mention], best: list[Candidate | None], keys: list[str]) -> str:
    """The country the story is anchored in: the one most of its distinct place names (and demonyms)
    resolve to, when it holds at least HOME_SHARE of them and two or more; "" otherwise."""
    per_key: dict[str, str] = {}
    for m, c, key in zip(mentions, best, keys, strict=True):
        if c is not None and c.country and m.confidence >= 0.7:
            per_key.setdefault(key, c.country)
    counts = Counter(per_key.values())
    if not counts:
        return ""
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and n >= HOME_SHARE * len(per_key) else ""


def _stray_namesakes(mentions: list[Mention], best: list[Candidate | None], ctx: _Context) -> set[int]:
    """Mentions found by the matcher alone that resolve to a small place in another country than the
    story's home, with no other name of the story in that country and no "X, Y" container or
    "city of" word for them: "Date" (Japan) from "Date of publication", "Castello" (Italy) in a story
    whose places are all in Syria. Capitalised words and unlisted local names are namesakes of
    hamlets everywhere; such a reading is far likelier wrong than a far-away place named in passing."""
    home = _home_country(mentions, best, ctx.keys)
    if not home and not STRAY_ISOLATED:
        return set()
    countries: dict[str, set[str]] = {}
    for c, key in zip(best, ctx.keys, strict=True):
        if c is not None and c.country:
            countries.setdefault(c.country, set()).add(key)
    out = set()
    for i, (m, c) in enumerate(zip(mentions, best, strict=True)):
        if c is None or m.kind != "toponym" or m.confidence >= MATCHER_CONF:
            continue
        if c.country == home or c.is_country or c.feature_code in ("ADM1", "CONT", "PPLC") or c.geonameid < 0:
            continue
        if any(
            o is not None and o.is_country and o.country != c.country and _km(c, o) < NEIGHBOUR_KM
            for o in best
        ):
            continue  # "Deir al-Balah" in a story naming Israel: next to a country it names
        other_name = home and not c.main and c.population < ALIAS_STRAY_POP
        if other_name and not countries.get(c.country, set()) - {ctx.keys[i]} and ctx._container(c, m) <= 0:
            out.add(i)  # "the town of Boni" in a story about Mali: not Bonn, which some call "Boni"
            continue
        if m.hint and c.population >= HINTED_STRAY_POP:
            continue  # "the town of X" names a place; only a hamlet abroad is likelier a missing local one
        container = ctx._container(c, m)
        if container < 0 and c.population < STRAY_POP and _told_inside(m, ctx):
            out.add(i)  # "the village of Kurya in Zamfara state": the text puts it in another country
            continue
        if c.population >= STRAY_POP or countries.get(c.country, set()) - {ctx.keys[i]}:
            continue
        if not home and len(set().union(*countries.values()) - {ctx.keys[i]}) < 2:
            continue
        if container > 0:
            continue
        out.add(i)
    return out


NEIGHBOUR_KM = 150.0


def _told_inside(m: Mention, ctx: _Context) -> bool:
    """The text says what kind of place a name and its container are ("the village of X", "in Y state"),
    so "X in Y" is where X lies, not where something about X happened ("a statue of St. Gregory of Narek
    in Vatican", "a professor at the University of St. Thomas in Houston")."""
    k = ctx.containers.get(id(m))
    return k is not None and bool(m.hint or ctx.mentions[k].hint)


HINTED_STRAY_POP = 20_000
_DATELINE_MENTION_CHARS = 300


def _dateline(m: Mention) -> bool:
    """ "BEIRUT (Wire) -": a capitalised city at the top is where the story was filed, not its focus."""
    return m.start < _DATELINE_MENTION_CHARS and m.text.isupper() and len(m.text) > 2


# "the UK-based Observatory": where an organisation sits; "a China-brokered truce", "Iran-backed militias":
# the country that brokers or backs, not a place where anything happened
SEAT = re.compile(r"-?\s?(?:based|brokered|backed|sponsored|funded|allied|aligned|mediated)\b", re.I)
LOOSE_KM = 500.0  # a loose spelling match in the story's country but this far from its focus is a guess


def _km(a: Candidate, b: Candidate) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _focus(
    mentions: list[Mention],
    best: list[Candidate | None],
    skip: set[int] = frozenset(),
    levels: tuple[str, ...] = _SPECIFIC,
) -> Candidate | None:
    """The story's main place: the place of a precision in `levels` (city or admin1 by default) most
    of its mentions (but those in `skip`) resolve to, ties to the first named; None if there is none."""
    counts: Counter = Counter()
    first: dict[int, Candidate] = {}
    for k, (m, c) in enumerate(zip(mentions, best, strict=True)):
        if k in skip:
            continue
        if c is not None and m.kind == "toponym" and not m.modifier and c.precision in levels:
            counts[c.geonameid] += 1
            first.setdefault(c.geonameid, c)
    if not counts:
        return None
    return first[max(counts, key=counts.__getitem__)]


def _anchors(mentions: list[Mention], text: str) -> list[int | None]:
    """For each mention, the index of the place it is placed relative to ("X east of Y", "X near Y")."""
    out: list[int | None] = [None] * len(mentions)
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    for a, b in zip(order, order[1:], strict=False):
        m, n = mentions[a], mentions[b]
        if m.kind != "toponym" or n.kind != "toponym" or not n.candidates or n.start - m.end > 60:
            continue
        if _ANCHOR_GAP.fullmatch(text[m.end : n.start]):
            out[a] = b
    return out


_KIND_OF = re.compile(
    r"\s+(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?"
    r"(?:town|city|village|province|region|district|governorate|state|port|camp|area|border town)s?\s+of\s+",
    re.IGNORECASE,
)


def _demonym_anchor(
    mentions: list[Mention], best: list[Candidate | None], i: int, text: str
) -> Candidate | None:
    """The country a demonym says a named place lies in ("the south Lebanese town of Ain Baal", "the
    Syrian province of Hassakeh")."""
    m = mentions[i]
    before = [k for k, d in enumerate(mentions) if d.kind == "demonym" and d.end <= m.start]
    if not before:
        return None
    k = max(before, key=lambda j: mentions[j].end)
    if best[k] is None or not best[k].country or not _KIND_OF.fullmatch(text[mentions[k].end : m.start]):
        return None
    return best[k]


def _read_in_said_country(
    mentions: list[Mention],
    best: list[Candidate | None],
    said: list[Candidate | None],
    scores: list[list[float]],
) -> set[int]:
    """ "the Syrian province of Hassakeh": the name's best reading in the country a demonym puts it in,
    for every repeat of the name (changes `best` in place); returns the mentions so read."""
    readings: dict[str, Candidate] = {}
    for i, m in enumerate(mentions):
        inside = [
            k for k, d in enumerate(m.candidates) if said[i] is not None and d.country == said[i].country
        ]
        if inside and m.text not in readings:
            readings[m.text] = m.candidates[max(inside, key=scores[i].__getitem__)]
    told = set()
    for i, m in enumerate(mentions):
        reading = readings.get(m.text)
        if reading is not None and reading in m.candidates:
            best[i] = reading
            told.add(i)
    return told


def _near_anchor(c: Candidate, anchor: Candidate) -> bool:
    if anchor.is_country or anchor.precision == "country":
        return bool(anchor.country) and c.country == anchor.country and not c.is_country
    return haversine_km(c.lat, c.lon, anchor.lat, anchor.lon) <= ANCHOR_KM


def _near_place(m: Mention, anchor: Candidate, gaz: Gazetteer) -> Place:
    """A place known only to lie near an anchor: the anchor's position at admin1 (area) precision."""
    return Place(
        text=m.text,
        span=(m.start, m.end),
        name=m.text,
        lat=round(anchor.lat, 5),
        lon=round(anchor.lon, 5),
        country=anchor.country or None,
        admin1=gaz.admin_names.get(anchor.admin1) or (anchor.admin1 or None),
        precision="country" if anchor.precision == "country" else "admin1",
        score=round(0.3 * m.confidence, 3),
        kind="demonym" if m.modifier else m.kind,
    )


# bonus for lying within 50 / 200 / 800 km of another place of the story, as haversine a-terms
_NEAR_A = tuple(
    (math.sin(km / (2 * 6371.0)) ** 2, bonus) for km, bonus in ((50, 1.5), (200, 1.0), (800, 0.4))
)
POINT_PRECISIONS = ("city", "exact")  # places whose position says where nearby names are
_NO_BELIEF: tuple[Counter, Counter, Counter] = (Counter(), Counter(), Counter())  # read-only


class _Context:
    """What the rest of the story says about a candidate, as shares of belief over the other names.

    Each distinct name of the story (repeats count once, so "Alexandria" said five times cannot vote
    for itself) spreads one unit of belief over its candidates (softmax of their current scores). A
    candidate gains from the belief the other names put on its country, its admin1 (a state named, or
    towns in it) and its admin2 (a county named, or towns in it), from an "X, Y" container, and from
    being near the other names' current best places.
    """

    def __init__(self, mentions: list[Mention], best: list[Candidate | None], text: str,
                 scores: list[list[float]] | None = None,
                 anchors: list[int | None] | None = None):  # fmt: skip
        self.mentions, self.best, self.text = mentions, best, text
        self.anchors = anchors or [None] * len(mentions)
        self.keys = [_key(m) for m in mentions]
        per_name: dict[str, tuple[Counter, Counter, Counter]] = {}
        for k, m in enumerate(mentions):
            key = self.keys[k]
            if key in per_name or not m.candidates:
                continue
            raw = scores[k] if scores is not None else [_prior(c, m) for c in m.candidates]
            top = max(raw)
            weights = [math.exp(x - top) for x in raw]
            total = sum(weights)
            country, admin1, admin2 = Counter(), Counter(), Counter()
            for c, wgt in zip(m.candidates, weights, strict=True):
                p = wgt / total
                if c.country:
                    country[c.country] += p
                if c.admin1 and not c.is_country:
                    admin1[c.admin1] += p
                if c.admin2:
                    admin2[c.admin2] += p
            per_name[key] = (country, admin1, admin2)
        self.per_name = per_name
        self.n_names = len(per_name)
        self.country, self.admin1, self.admin2 = Counter(), Counter(), Counter()
        for country, admin1, admin2 in per_name.values():
            self.country.update(country)
            self.admin1.update(admin1)
            self.admin2.update(admin2)
        # counties named in the story, and the counties the story's town names could be in: a town and
        # its county named together ("Richmond" and "Madison County", Kentucky) confirm each other
        self.county_keys: dict[str, set[str]] = {}
        self.town_county_keys: dict[str, set[str]] = {}
        for k, m in enumerate(mentions):
            for c in m.candidates if m.kind == "toponym" else ():
                if c.admin2 and c.feature_code == "ADM2":
                    self.county_keys.setdefault(c.admin2, set()).add(self.keys[k])
                elif c.admin2 and c.feature_class == "P":
                    self.town_county_keys.setdefault(c.admin2, set()).add(self.keys[k])
        points = {(c.lat, c.lon, self.keys[i]) for i, c in enumerate(best) if c is not None
                  and c.precision in POINT_PRECISIONS}  # fmt: skip
        # in radians with the latitude's cosine, for the haversine terms of `_near`
        self.points = [
            (math.radians(la), math.radians(lo), math.cos(math.radians(la)), k) for la, lo, k in points
        ]
        self._near_cache: dict[tuple[int, str], float] = {}
        self.containers = self._containers()
        # the places the story's names currently resolve to, with the names that chose them
        self.chosen: dict[int, set[str]] = {}
        for k, c in enumerate(best):
            if c is not None:
                self.chosen.setdefault(c.geonameid, set()).add(self.keys[k])

    def evidence(self, c: Candidate, i: int, m: Mention) -> float:
        return sum(self.parts(c, i, m).values())

    def parts(self, c: Candidate, i: int, m: Mention) -> dict[str, float]:
        """The context evidence for candidate c of mention i, by kind (summed by `evidence`)."""
        key = self.keys[i]
        own = self.per_name.get(key, _NO_BELIEF)
        others = self.n_names - (1 if key in self.per_name else 0)
        out: dict[str, float] = {}
        if others and c.country:
            out["country"] = 3.0 * max(self.country[c.country] - own[0][c.country], 0.0) / others
        if c.admin1 and not c.is_country:
            out["admin1"] = W_ADMIN1 * min(max(self.admin1[c.admin1] - own[1][c.admin1], 0.0), CAP_ADMIN)
        if c.admin2:
            out["admin2"] = W_ADMIN2 * min(max(self.admin2[c.admin2] - own[2][c.admin2], 0.0), CAP_ADMIN)
        out["container"] = self._container(c, m)
        if not c.main and any(_unrelated(key, other) for other in self.chosen.get(c.geonameid, ())):
            # "Youngstown" is an old name of Mount Gilead, Ohio, but a story naming Mount Gilead by its
            # own name means the other city by "Youngstown": a writer calls one place one way (or
            # shortens it: "New York" and "New York City" share their words)
            out["other_name"] = -W_OTHER_NAME
        if c.admin2 and m.kind == "toponym":
            pairs = self.county_keys if c.feature_class == "P" else self.town_county_keys
            if c.feature_class == "P" or c.feature_code == "ADM2":
                out["county"] = W_TOWN_COUNTY * bool(pairs.get(c.admin2, set()) - {key})
        anchor = self.best[self.anchors[i]] if self.anchors[i] is not None else None
        if anchor is not None:
            out["anchor"] = W_ANCHOR if _near_anchor(c, anchor) else -2 * W_ANCHOR
        if self.points and not c.is_country and c.precision != "country":
            near = self._near(c, key)
            if near:
                out["near"] = near
        return out

    def _near(self, c: Candidate, key: str) -> float:
        """Bonus for lying near the other names' current places (cached: repeats of a name and the
        confidence pass ask again)."""
        hit = self._near_cache.get((c.geonameid, key))
        if hit is not None:
            return hit
        # the haversine formula's a-term, compared with the a-terms of the bonus distances (no asin)
        p1, l1 = math.radians(c.lat), math.radians(c.lon)
        cos1 = math.cos(p1)
        sin, inf = math.sin, math.inf
        near = inf
        for p2, l2, cos2, k in self.points:
            if k != key:
                a = sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * sin((l2 - l1) / 2) ** 2
                if a < near:
                    near = a
                    if a < _NEAR_A[0][0]:
                        break
        bonus = 0.0
        if near < inf:
            bonus = next((b for a, b in _NEAR_A if near < a), 0.0)
        self._near_cache[(c.geonameid, key)] = bonus
        return bonus

    def _containers(self) -> dict[int, int]:
        """For each mention written "X, Y" (by id), the index of the mention Y; none for the countries
        and states of a list ("Georgia, Oklahoma, Pennsylvania and Wisconsin" names four states)."""
        order = sorted(range(len(self.mentions)), key=lambda k: self.mentions[k].start)
        gaps = [
            self.text[self.mentions[a].end : self.mentions[b].start]
            for a, b in zip(order, order[1:], strict=False)
        ]
        out = {}
        for n, (a, b) in enumerate(zip(order, order[1:], strict=False)):
            m = self.mentions[a]
            inside = _INSIDE_GAP.fullmatch(gaps[n]) is not None  # "Kurya in Zamfara state"
            if not inside and (not gaps[n].startswith(",") or len(gaps[n]) > 3):
                continue
            listed = (n > 0 and _LIST_GAP.fullmatch(gaps[n - 1])) or (
                n + 1 < len(gaps) and _LIST_GAP.fullmatch(gaps[n + 1])
            )
            if listed and m.dominant_population > 0:
                continue
            out[id(m)] = b
        return out

    def _container(self, c: Candidate, m: Mention) -> float:
        """ "Alexandria, Louisiana" / "Idlib province": the next mention names c's container."""
        k = self.containers.get(id(m))
        if k is None:
            return 0.0
        for oc in self.mentions[k].candidates:
            if (oc.feature_code == "ADM1" and oc.admin1 == c.admin1) or (
                oc.is_country and oc.country == c.country
            ):
                return 4.0
        cand = self.best[k]
        return -1.0 if cand is not None and cand.country != c.country else 0.0


_LIST_GAP = re.compile(r",\s*|,?\s+(?:and|or)\s+")


def _unrelated(key: str, other: str) -> bool:
    """Two names of the story sharing no word: not one name written in full and in short."""
    return not key.startswith("@") and not other.startswith("@") and not set(key.split()) & set(other.split())


def _key(m: Mention) -> str:
    """One key per distinct name of the story (its demonym's country for demonyms)."""
    if m.kind == "demonym":
        return "@" + (m.candidates[0].country or m.candidates[0].name if m.candidates else m.text)
    return normalize(m.text)


def _place(m: Mention, c: Candidate | None, score: float, gaz: Gazetteer) -> Place:
    if c is None:
        return Place(
            text=m.text,
            span=(m.start, m.end),
            name=m.text,
            score=0.0,
            kind="demonym" if m.modifier else m.kind,
        )
    precision = "country" if m.kind == "demonym" else c.precision
    kind = "demonym" if m.modifier else m.kind  # an adjectival use: never an event's location
    return Place(
        text=m.text,
        span=(m.start, m.end),
        name=c.name,
        geonameid=c.geonameid if c.geonameid > 0 else None,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        country=c.country or None,
        admin1=gaz.admin_names.get(c.admin1) or (c.admin1 or None),
        feature_class=c.feature_class,
        precision=precision,
        score=score,
        kind=kind,
    )


@lru_cache(maxsize=1)
def default_geoparser() -> Geoparser:
    """One Geoparser over the default gazetteer per process."""
    return Geoparser(Gazetteer.open())


def geoparse(text: str, ner: bool = False) -> list[Place]:
    """Segment and find + resolve all places; with `ner`, spaCy's NER adds the GPE/LOC/FAC it finds.

    The gazetteer matcher alone is the default: end to end it is more accurate than with NER on LGL and
    GeoWebNews, within 0.003 on GeoVirus (bench/geoparse.py), and several times faster."""
    from wirecoder.nlp import segment

    sentences = segment(text)
    if ner:
        parse_with_ner(sentences)
    return default_geoparser().toponyms(sentences, text, exclude=named_actor_spans(sentences))


def _placed(text: str, m: Mention) -> bool:
    """ "in Douma", "from Douma", "to Douma": a name used as a place."""
    before = text[max(0, m.start - 12) : m.start].split()
    return bool(before) and before[-1].lower() in LOC_PREPS


def named_actor_spans(sentences: list) -> list[tuple[int, int]]:
    """Article spans of the armed groups and organisations the actor KB names ("Hamas" is not Hamm,
    "the White House" no town in Tennessee). People are left out: a famous surname is also a local
    town's name ("Clinton"), which local news means more often; so are international bodies, which
    geoparsing benchmarks annotate as places ("the EU"), and names that hold a country's ("Russian
    forces", "the U.S. military"), whose country word is a place mention of its own."""
    from wirecoder.actors.kb import ActorKB, never_a_place

    kb, gaz = ActorKB.load(), default_geoparser().gaz
    spans = []
    for s in sentences:
        for m in kb.match(s.doc):
            if not never_a_place(m.entry) or m.entry.kind == "person" or m.entry.sector == "IGO":
                continue
            if any(_country_word(gaz, t.text) for t in s.doc[m.start : m.end]):
                continue
            spans.append((s.start + m.start_char, s.start + m.end_char))
    return spans


def _country_word(gaz: Gazetteer, word: str) -> bool:
    """A country's name or demonym ("Russian", "U.S.")."""
    if not word[:1].isupper():
        return False
    return word in gaz.demonyms or any(c.is_country and not c.fuzzy for c in gaz.lookup(word))


def parse_with_ner(sentences: list, batch_size: int = 64) -> None:
    """Parse with the full shipped model (NER included; the extraction pipeline runs without NER)."""
    from wirecoder.nlp import load_full_nlp

    todo = [s for s in sentences if not s.parsed]
    for sent, doc in zip(
        todo, load_full_nlp().pipe((s.text for s in todo), batch_size=batch_size), strict=True
    ):
        sent.doc, sent.parsed = doc, True
