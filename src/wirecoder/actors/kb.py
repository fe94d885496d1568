"""The actor knowledge base: who the actors of conflict news are, and how texts name them.

The KB is readable YAML (`data/*.yaml`, format documented at the top of each file) loaded into one
frozen `ActorEntry` per actor. Two phrase tables, built once per load, find every alias in a
tokenized-only Doc: one on the exact text for acronyms (all-caps aliases such as "IS", "SDF", "U.S."),
one on the lowercase text for names, demonyms, capitals and role words (a capitalised word ending in
"s" also tries its stem, for texts that lost a possessive apostrophe: "Assads forces"). `resolve()`
turns a noun phrase chosen by the event extractor into a `wirecoder.schema.Actor` (canonical name,
country, sector, KB id), guessing a sector from role words when the phrase names nobody the KB knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.given_names import given_names
from wirecoder.schema import Actor

# PLOVER/CAMEO-style sector codes (PLOVER's gold records use these; MED is medical, JRN is media).
SECTORS: dict[str, str] = {
    "GOV": "government, executive, officials, diplomats",
    "MIL": "state military forces (army, air force, navy, security forces)",
    "COP": "police, gendarmerie",
    "SPY": "intelligence services",
    "JUD": "courts, judges, prosecutors",
    "LEG": "parliaments, lawmakers",
    "PTY": "political parties",
    "OPP": "political opposition (unarmed)",
    "REB": "rebels, insurgents, militants, non-state armed groups",
    "UAF": "unidentified armed forces (gunmen, assailants)",
    "CRM": "criminals, gangs, cartels, bandits, pirates",
    "IGO": "intergovernmental organisations",
    "NGO": "non-governmental organisations, monitors, rights groups",
    "CVL": "civilians, residents, protesters, activists",
    "REF": "refugees, displaced people, migrants",
    "MED": "medical and health workers, hospitals",
    "JRN": "journalists and media",
    "BUS": "business",
    "EDU": "education (students, teachers, schools)",
    "LAB": "labour (workers, unions)",
    "REL": "religious figures and institutions",
    "ELI": "elites without office (elders, former leaders)",
    "AGR": "agriculture (farmers, herders)",
}
KINDS = ("country", "group", "org", "role", "person", "bloc")
# Country field values for international bodies (no ISO 3166 country).
INTL_CODES = frozenset({"IGO", "NGO", "MNC"})
FIELDS = frozenset(
    {"id", "name", "kind", "country", "sector", "aliases", "demonyms", "capitals", "parents"}
    | {"covers", "inherit", "note"}
)
_NAMED_KINDS = frozenset({"org", "group", "person", "bloc"})
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF"})  # troops, fighters, gunmen
_BUNDLED_PACKAGE = "wirecoder.actors"
_CURLY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
# Tokens that cut a noun phrase into its head part and a tail ("leaders of IS", "rebels in Darfur").
_CUT_WORDS = frozenset(
    {"of", "in", "from", "at", "on", "for", "with", "near", "who", "that", "which", "whose", "under", "to"}
    | {"by", "against", "inside", "outside", "across", "around", "along", "during", "after", "before"}
)
_CUT_PUNCT = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "some", "several", "many", "other", "its", "their", "his", "her", "our", "those"}
    | {"these", "this", "that", "all", "both", "two", "three", "four", "five", "dozens", "hundreds"}
)
# "a lot of", "a group of", "dozens of" before the real head of a phrase.
_QUANTIFIER = re.compile(
    r"^(?:(?i:a|an|the|some|many|several)\s+)?(?:lot|lots|number|group|groups|handful|couple|dozen|dozens"
    r"|hundreds|thousands|scores|majority|most|some|many|one|two|three|several|all|none|each|both|any|rest)"
    r"\s+of\s+(?:(?i:the)\s+)?"
)
# "US-backed", "Kurdish-led", "NATO-member": the mention qualifies someone else.
_BACKING = frozenset(
    {"backed", "led", "supported", "allied", "aligned", "sponsored", "funded", "trained", "armed", "member"}
    | {
        "affiliated",
        "linked",
        "run",
        "controlled",
        "held",
        "based",
        "born",
        "friendly",
        "leaning",
        "installed",
    }
)
_CURRENCY = frozenset({"$", "dollar", "dollars", "cents"})
# "US-led air strikes", "Saudi-led forces": the leader of an armed force or operation is its actor.
_LED_HEADS = frozenset(
    {"strike", "strikes", "airstrike", "airstrikes", "air", "raid", "raids", "bombing", "bombings"}
    | {"bombardment", "forces", "troops", "offensive", "operation", "operations", "attack", "attacks"}
    | {"warplanes", "jets", "aircraft", "planes", "drones", "assault", "campaign", "invasion", "intervention"}
)
# Words before an uppercase stop-word acronym ("it IS", "what IS") that show it is the verb.
_VERB_CONTEXT_BEFORE = frozenset(
    {"it", "this", "that", "there", "what", "who", "which", "he", "she", "where", "how", "here", "why"}
    | {"one", "everything", "nothing", "something", "so", "let", "join", "tell", "help", "give"}
)
_VERB_CONTEXT_AFTER = frozenset(
    {"a", "an", "the", "not", "being", "n't", "also", "now", "still", "very", "no"}
)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the KB (a country, armed group, organisation, person, role word or bloc)."""

    kb_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()
    inherit: bool = False
    note: str = ""


def never_a_place(entry: ActorEntry) -> bool:
    """A named organisation, person or armed group ("Hamas" is not Hamm in Germany, "the White House"
    no town in Tennessee). Countries, capitals and communities ("Kurdish", "Arab", also in "Ain
    al-Arab") are left to the geoparser."""
    return entry.kind in {"org", "person"} or (entry.kind == "group" and entry.sector != "CVL")


@dataclass(frozen=True)
class ActorMatch:
    """One KB mention in a Doc; `via` says how it was named: name, acronym, demonym, capital or role."""

    start: int
    end: int
    entry: ActorEntry
    text: str
    via: str = "name"
    start_char: int = 0
    end_char: int = 0


@dataclass
class _Pattern:
    entry: ActorEntry
    via: str
    cased: bool
    alias: str


@dataclass
class _Index:
    entries: dict[str, ActorEntry] = field(default_factory=dict)
    patterns: dict[tuple[str, bool], _Pattern] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    """The model's tokenizer rules: the model itself when this process has loaded it (building a second
    tokenizer costs ~0.2 s of every start), else a blank English pipeline (same rules, no weights)."""
    from wirecoder.nlp import keep_rank_abbreviations, load_nlp

    if load_nlp.cache_info().currsize:
        return load_nlp()
    blank = spacy.blank("en")
    keep_rank_abbreviations(blank.tokenizer)
    return blank


def _is_cased(alias: str) -> bool:
    """All-caps aliases (IS, SDF, U.S., M23) are acronyms and must match case-sensitively; so are short
    mixed-case ones ("LeT", "JuD", "MPs"): "Let Yet Kone village" is no Lashkar-e-Taiba."""
    if alias.upper() == alias and alias.lower() != alias:
        return True
    return len(alias) <= 5 and alias.isalpha() and sum(c.isupper() for c in alias) >= 2


def _variants(alias: str) -> list[str]:
    """Spelling variants news writers use: curly apostrophes, hyphen or space in "al-Shabaab"."""
    out = [alias]
    if "'" in alias:
        out.append(alias.replace("'", "’"))
    if "-" in alias and not _is_cased(alias):
        out += [v.replace("-", " ") for v in list(out)]
    return out


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _entry_from_dict(raw: dict) -> ActorEntry:
    return ActorEntry(
        kb_id=str(raw["id"]),
        name=str(raw["name"]),
        country=raw.get("country"),
        sector=raw.get("sector"),
        kind=str(raw["kind"]),
        aliases=_as_tuple(raw.get("aliases")),
        parents=_as_tuple(raw.get("parents")),
        demonyms=_as_tuple(raw.get("demonyms")),
        capitals=_as_tuple(raw.get("capitals")),
        covers=_as_tuple(raw.get("covers")),
        inherit=bool(raw.get("inherit", False)),
        note=str(raw.get("note") or ""),
    )


def _read_yaml(path: Path | str, text: str | None = None) -> list[dict]:
    """The raw entries of one KB file (`actors:` list); raises ValueError on a malformed file."""
    try:
        data = yaml.load(text if text is not None else Path(path).read_text("utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ValueError(f"{path}: expected a mapping with an `actors:` list")
    return data["actors"]


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def bundled_files() -> list[Path]:
    """The YAML files shipped in the package, in load order (countries first)."""
    folder = resources.files(_BUNDLED_PACKAGE) / "data"
    files = sorted((Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    return sorted(files, key=lambda p: p.name != "countries.yaml")


def _surface_forms(entry: ActorEntry) -> Iterable[tuple[str, str]]:
    """(alias, via) pairs of one entry, in priority order."""
    for alias in (entry.name, *entry.aliases):
        via = "role" if entry.kind == "role" else ("acronym" if _is_cased(alias) else "name")
        yield alias, via
    for alias in entry.demonyms:
        yield alias, "demonym"
    for alias in entry.capitals:
        yield alias, "capital"


def _names_a_state(word: str) -> bool:
    """A name before "state" makes it a state of a federation ("Borno state"), not the government."""
    return word.istitle() and word.isalpha() and word.lower() not in STOP_WORDS


_CONTINENT = {"South", "North", "Central", "Latin"}


class ActorKB:
    """The loaded KB: entries by id, alias patterns, and the two phrase matchers built from them."""

    def __init__(self, entries: Sequence[ActorEntry]) -> None:
        self._index = _Index()
        for entry in entries:  # a later entry with the same id replaces the earlier one (user overrides)
            self._index.entries[entry.kb_id] = entry
        for entry in self._index.entries.values():
            for alias, via in _surface_forms(entry):
                for variant in _variants(alias):
                    cased = _is_cased(variant)
                    key = (variant if cased else variant.lower(), cased)
                    # later entries win, so a user file can take over an alias
                    self._index.patterns[key] = _Pattern(entry, via, cased, variant)
        self._demonyms = {
            d.lower(): e for e in self._index.entries.values() for d in e.demonyms if e.kind == "country"
        }
        self._build_matchers()

    # ----------------------------------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> ActorKB:
        """The bundled KB, plus user YAML files (whose entries override bundled ones with the same id)."""
        if not extra:
            return _default_kb()
        entries = list(_bundled_entries())
        for path in extra:
            problems = check_file(Path(path), against=_default_kb())
            if problems:
                raise ValueError("; ".join(problems))
            entries += [_entry_from_dict(raw) for raw in _read_yaml(path)]
        return cls(entries)

    def _build_matchers(self) -> None:
        """Token-sequence tables for the two matchers (case-sensitive acronyms, case-insensitive names).

        Same semantics as spaCy's PhraseMatcher on ORTH and LOWER, but plain aliases are split on spaces
        instead of tokenized, which keeps a KB load well under a second (creating ~8,000 lexemes for a
        PhraseMatcher costs ~0.5 s); aliases with punctuation go through the spaCy tokenizer.
        """
        tok = _tokenizer().tokenizer
        self._tables: dict[bool, dict[tuple[str, ...], _Pattern]] = {True: {}, False: {}}
        self._lengths: dict[bool, dict[str, list[int]]] = {True: {}, False: {}}
        for (_key, cased), pattern in self._index.patterns.items():
            alias = pattern.alias
            forms = [alias.split()]
            if not all(w.isalnum() for w in forms[0]):
                # the tokenizer splits "gen." but keeps "Gen." whole: tokenize the forms a text may use
                spellings = {alias} if cased else {alias, alias[:1].upper() + alias[1:], alias.title()}
                forms = [[t.text for t in tok(a) if not t.is_space] for a in sorted(spellings)]
            keys = {tuple(w if cased else w.lower() for w in words) for words in forms}
            for words in sorted(k for k in keys if k):
                self._tables[cased][words] = pattern
                lengths = self._lengths[cased].setdefault(words[0], [])
                if len(words) not in lengths:
                    lengths.append(len(words))
                    lengths.sort(reverse=True)

    # ----------------------------------------------------------------------------------------- lookups
    @property
    def entries(self) -> dict[str, ActorEntry]:
        return self._index.entries

    def entry(self, kb_id: str) -> ActorEntry | None:
        return self._index.entries.get(kb_id)

    def lookup(self, alias: str) -> ActorEntry | None:
        """The entry an exact alias, demonym or capital names (acronyms case-sensitive)."""
        alias = alias.strip().translate(_CURLY)
        pattern = self._index.patterns.get((alias, True)) or self._index.patterns.get((alias.lower(), False))
        return pattern.entry if pattern else None

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-3 of the country a demonym names: "Syrian" -> "SYR", "Iraqis" -> "IRQ"."""
        entry = self._demonyms.get(word.strip().translate(_CURLY).lower())
        return entry.country if entry else None

    def ancestors(self, kb_id: str) -> list[ActorEntry]:
        """Every entry `kb_id` belongs to, transitively through `parents` (nearest first)."""
        seen: list[ActorEntry] = []
        todo = list(self.entry(kb_id).parents) if self.entry(kb_id) else []
        while todo:
            parent = self.entry(todo.pop(0))
            if parent and parent not in seen:
                seen.append(parent)
                todo += list(parent.parents)
        return seen

    def families(self, actor: Actor | ActorEntry | str) -> list[str]:
        """Ids of the entry itself, its ancestors and the blocs covering its country/sector.

        This is how a coder groups actors into sides: e.g. the YPG is in the SDF, in the
        Autonomous Administration; "Syrian government forces" (SYR/MIL) is in the Syrian government bloc.
        """
        if isinstance(actor, str):
            entry = self.entry(actor)
            kb_id, country, sector = actor, entry.country if entry else None, entry.sector if entry else None
        elif isinstance(actor, ActorEntry):
            kb_id, country, sector = actor.kb_id, actor.country, actor.sector
        else:
            kb_id, country, sector = actor.kb_id, actor.country, actor.sector
        out = [kb_id] if kb_id and self.entry(kb_id) else []
        out += [a.kb_id for a in self.ancestors(kb_id)] if kb_id else []
        in_bloc = any(self.entry(i).kind == "bloc" for i in out)
        own = self.entry(kb_id) if kb_id else None
        community = own is not None and own.kind == "group" and own.sector == "CVL"
        # a named group keeps its own side (the Asayish are not SYR/COP); so do a community's fighters
        # ("Kurdish forces" are not the Syrian army)
        if country and not in_bloc and not community:
            for bloc in self._index.entries.values():
                if bloc.covers and (f"{country}/{sector}" in bloc.covers or f"{country}/*" in bloc.covers):
                    out.append(bloc.kb_id)
        return list(dict.fromkeys(out))

    # ----------------------------------------------------------------------------------------- matching
    def match(self, doc: Doc) -> list[ActorMatch]:
        """Every KB mention in a (tokenized-only) Doc, longest first, non-overlapping, in text order."""
        candidates: list[tuple[int, int, _Pattern]] = []
        texts = [t.text for t in doc]  # one pass over the Doc: its Token objects are costly to make
        for cased, words in ((True, texts), (False, [w.lower() for w in texts])):
            table, lengths = self._tables[cased], self._lengths[cased]
            stems = {} if cased else _possessive_stems(texts)
            for start, word in enumerate(words):
                for length in lengths.get(word, ()):
                    if start + length > len(words):
                        continue
                    pattern = table.get(tuple(words[start : start + length]))
                    last = start + length - 1
                    if pattern is None and last in stems and length > 1:
                        pattern = _named(table.get((*words[start:last], stems[last])))
                    if pattern is not None and self._accept(doc, start, start + length, pattern):
                        candidates.append((start, start + length, pattern))
                if start in stems and (word,) not in table:
                    stem = _named(table.get((stems[start],)))
                    if stem is not None:
                        candidates.append((start, start + 1, stem))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = [False] * len(doc)
        chosen: list[ActorMatch] = []
        for start, end, pattern in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            span = doc[start:end]
            chosen.append(
                ActorMatch(start, end, pattern.entry, span.text, pattern.via, span.start_char, span.end_char)
            )
        return sorted(chosen, key=lambda m: m.start)

    def _accept(self, doc: Doc, start: int, end: int, pattern: _Pattern) -> bool:
        """Case rules: proper names need a capital unless written lowercase in the KB; word-like acronyms
        ("IS", "US") must be used as names, not as the verb or pronoun."""
        if end < len(doc) and pattern.entry.kind == "country" and doc[end].lower_ in _CURRENCY:
            return False  # "US $50 million", "US dollars": money, not the state
        if start > 0 and doc[start].lower_ in {"american", "americans"} and doc[start - 1].text in _CONTINENT:
            return False  # "South American countries", "Latin Americans": a continent's, not the US
        if not pattern.cased:
            if pattern.alias == "state" and start > 0 and _names_a_state(doc[start - 1].text):
                return False  # "Zamfara state", "Rakhine State": a province, not the government
            if end - start == 1 and pattern.alias != pattern.alias.lower():
                text = doc[start].text  # read only here: building a span's text for every match is costly
                if text == text.lower():
                    return False  # "turkey", "chad", "jordan" written lowercase are not the country
            return True
        if pattern.alias.lower() not in STOP_WORDS:
            return True
        prev = doc[start - 1].text if start > 0 else ""
        nxt = doc[end].text if end < len(doc) else ""
        if prev in {"(", "-", "anti", "pro"} or nxt in {")", "-"}:
            return True
        if prev.lower() in _VERB_CONTEXT_BEFORE or nxt.lower() in _VERB_CONTEXT_AFTER:
            return False
        return not _shouting(doc, start, end)

    # ----------------------------------------------------------------------------------------- resolve
    def resolve(self, phrase: str) -> Actor:
        """A noun phrase -> canonical Actor (span left for the caller to set).

        The head part (before "of", "in", a comma...) decides; its named actor (group, organisation,
        person) beats a country, a country beats a community it only qualifies ("Kurdish Iraqis"), but
        not the community it is the country of ("Iraqi Kurds": the Kurds, in Iraq); role words pick the
        sector ("Turkey's army" -> TUR/MIL), and person words such as "spokesman" take the sector of
        what precedes them.
        When the head names nobody, the tail may ("leaders of the Islamic State", "rebels in Sudan").
        A phrase naming nobody known keeps its cleaned text as name, a sector guessed from role words,
        no country and a low confidence.
        """
        text = phrase.strip()
        cleaned = _QUANTIFIER.sub("", text.translate(_CURLY))
        doc = _tokenizer().make_doc(cleaned)
        tokens = list(doc)
        matches = self.match(doc)
        inside = {i for m in matches for i in range(m.start, m.end)}  # never cut "Group of Seven"
        cut = next(
            (i for i, t in enumerate(tokens) if i > 0 and i not in inside and _is_cut(t.text)), len(tokens)
        )
        head = [m for m in matches if m.end <= cut]
        tail = [m for m in matches if m.start >= cut and m.via != "capital"]
        head = [m for m in head if not is_modifier(m, tokens)]
        tail = [m for m in tail if not is_modifier(m, tokens, cut + 1)]
        roles = [m for m in head if m.entry.kind == "role"]
        primary = _primary([m for m in head if m.entry.kind != "role"])
        from_tail = primary is None
        if from_tail:
            primary = _primary([m for m in tail if m.entry.kind != "role"])
        role_sector, inherit_only = _role_sector(roles)
        community_match = next((m for m in head if _is_community(m)), None)
        if primary is not None and primary.entry.kind == "country" and community_match is not None:
            # "Syrian Kurdish fighters": armed men of a community are that community's force, in that
            # country; "Iraqi Kurds": the community is the head noun, the country says where it lives
            if role_sector in ARMED_SECTORS or community_match.start > primary.start:
                primary = community_match
        if from_tail and (role_sector is None or inherit_only):
            tail_sector, tail_inherit = _role_sector([m for m in tail if m.entry.kind == "role"])
            if tail_sector and not tail_inherit:
                role_sector, inherit_only = tail_sector, False
        name_cut = next(
            (i for i, t in enumerate(tokens) if i > 0 and _is_cut(t.text) and t.lower_ != "of"), len(tokens)
        )
        name_words = _clean_head(tokens[: name_cut if primary is None else cut])
        if primary is None:
            return Actor(
                text=text,
                name=name_words or text,
                country=None,
                sector=role_sector,
                kb_id=None,
                confidence=0.5 if role_sector else 0.3,
            )
        entry = primary.entry
        community = entry.kind == "group" and entry.sector == "CVL"
        country = entry.country or self._country_from(head)
        if community and country is None and not from_tail:  # "Druze of the Golan", "Kurds in Iraq"
            country = self._country_from([m for m in tail if m.via != "demonym"])
        if community:  # "Kurdish fighters" -> REB, named after the phrase
            sector = role_sector or entry.sector
            name = name_words if roles else entry.name
        else:
            sector = _combine_sector(entry, primary.via, role_sector, inherit_only)
            name = entry.name
            if entry.kind == "country" and role_sector is None:
                sector = "CVL" if any(_is_community(m) for m in head) else sector  # "Iraqi Kurds"
        confidence = 0.95 if primary.via in {"name", "acronym"} else 0.8
        if from_tail:
            confidence -= 0.15
        if community:
            confidence = 0.6
        return Actor(
            text=text,
            name=name or entry.name,
            country=country,
            sector=sector,
            kb_id=entry.kb_id,
            confidence=round(confidence, 2),
        )

    def _country_from(self, matches: list[ActorMatch]) -> str | None:
        for m in matches:
            if m.entry.kind == "country":
                return m.entry.country
        return None


def _possessive_stems(texts: list[str]) -> dict[int, str]:
    """Capitalised words that may be a name with its possessive apostrophe lost ("Assads forces",
    "Syrias Aleppo", as some scraped texts print them): index -> lowercase name without the final s.
    A given name is not one ("Frances Fitzgerald" is no "France's")."""
    names = given_names()
    return {
        i: w.lower()[:-1]
        for i, w in enumerate(texts)
        if len(w) > 3 and w[-1] == "s" and w[-2] not in "s'’" and w[0].isupper() and w not in names
    }


def _named(pattern: _Pattern | None) -> _Pattern | None:
    """A pattern that names someone (not a role word, whose plural is listed in the KB already)."""
    return pattern if pattern is not None and pattern.entry.kind != "role" else None


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """True when the neighbouring words are all-caps too (a headline in capitals)."""
    words = [t.text for t in doc[max(0, start - 2) : min(len(doc), end + 2)] if t.is_alpha]
    others = [w for w in words if w != doc[start:end].text]
    return bool(others) and all(w.isupper() and len(w) > 1 for w in others)


def _is_community(m: ActorMatch) -> bool:
    return m.entry.kind == "group" and m.entry.sector == "CVL"


def _is_cut(token_text: str) -> bool:
    return token_text.lower() in _CUT_WORDS or token_text in _CUT_PUNCT


def _rank(m: ActorMatch) -> int:
    entry = m.entry
    if entry.kind in _NAMED_KINDS and not (entry.kind == "group" and entry.sector == "CVL"):
        return 3
    if entry.kind == "country":
        return 2
    return 1


def is_modifier(m: ActorMatch, tokens: Sequence | Doc, lo: int = 0) -> bool:
    """A mention that only qualifies the head: "US-backed", "NATO-member", "anti-Syria", or a bare
    common-word alias after other words of its part of the phrase (from `lo`): "opposition coalition" is
    not the anti-IS coalition. "US-led air strikes" are the leader's own."""
    if m.end + 1 < len(tokens) and tokens[m.end].text == "-" and tokens[m.end + 1].lower_ in _BACKING:
        led_head = m.end + 2 < len(tokens) and tokens[m.end + 2].lower_ in _LED_HEADS
        return not (tokens[m.end + 1].lower_ == "led" and led_head)
    if m.start >= 2 and tokens[m.start - 1].text == "-" and tokens[m.start - 2].lower_ == "anti":
        return True  # "an anti-Syria journalist", "anti-government protesters"
    if m.entry.kind == "role" or m.end - m.start != 1 or not tokens[m.start].text.islower():
        return False
    return any(t.is_alpha and t.lower_ not in _DETERMINERS for t in tokens[lo : m.start])


def _primary(matches: list[ActorMatch]) -> ActorMatch | None:
    """The actor a phrase is about: highest rank; among named actors the last one (English heads are
    last: "Hamas leader Ismail Haniyeh"), among countries the first ("Bosnian Serbs", "Iraqi Kurds")."""
    best: ActorMatch | None = None
    for m in matches:
        if best is None or _rank(m) > _rank(best) or (_rank(m) == _rank(best) and _rank(m) != 2):
            best = m
    return best


def _role_sector(roles: list[ActorMatch]) -> tuple[str | None, bool]:
    """Sector from the role words of a head: the last sector-bearing one wins ("government forces" -> MIL);
    person words ("spokesman", "officials") keep what precedes. Returns (sector, only person words seen)."""
    sector: str | None = None
    default: str | None = None
    for m in roles:
        if m.entry.inherit:
            default = default or m.entry.sector
        else:
            sector = m.entry.sector
    if sector is None and default is not None:
        return default, True
    return sector, False


def _combine_sector(entry: ActorEntry, via: str, role_sector: str | None, inherit_only: bool) -> str | None:
    """The sector of a resolved KB actor, given the role words around it."""
    if entry.kind == "country":
        if role_sector:
            return role_sector
        return "GOV" if via == "capital" else None
    if role_sector is None or inherit_only:
        return entry.sector or role_sector
    if entry.sector in {"IGO", "NGO", "GOV", None} and role_sector in {"MIL", "COP", "MED", "GOV"}:
        return role_sector  # "UN peacekeepers" -> MIL, "MSF doctors" -> MED
    if entry.sector is None:
        return role_sector
    return entry.sector


def _clean_head(tokens: list) -> str:
    """The head words of a phrase without leading determiners, possessive marks or quotes."""
    words = [t.text for t in tokens if t.text not in {'"', "'", "“", "”"}]
    while words and (words[0].lower() in _DETERMINERS or words[0].isdigit()):
        words.pop(0)
    text = " ".join(words)
    text = re.sub(r"\s+('s|')\b", r"\1", text)
    return re.sub(r"\s*-\s*", "-", text).strip()


@lru_cache(maxsize=1)
def _bundled_entries() -> tuple[ActorEntry, ...]:
    return tuple(_entry_from_dict(raw) for path in bundled_files() for raw in _read_yaml(path))


@lru_cache(maxsize=1)
def _default_kb() -> ActorKB:
    return ActorKB(_bundled_entries())


# --------------------------------------------------------------------------------------------- checking
@dataclass
class _CheckContext:
    """What the checker knows while it walks a file: codes, ids, and who owns each alias so far."""

    countries: set
    known_ids: set
    alias_owner: dict[tuple[str, bool], str]
    bundled_owner: dict[tuple[str, bool], str]


def _alias_key(alias: str) -> tuple[str, bool]:
    cased = _is_cased(alias)
    return (alias if cased else alias.lower(), cased)


def check_entries(raws: list, where: str, known: dict[str, ActorEntry] | None = None) -> list[str]:
    """Problems in a list of raw entries: unknown fields, bad kind/sector/country, duplicate ids and aliases.

    `known` holds entries already loaded (the bundled KB) to catch aliases that would become ambiguous.
    """
    known = known or {}
    dicts = [raw for raw in raws if isinstance(raw, dict)]
    owner = {_alias_key(a): e.kb_id for e in known.values() for a, _via in _surface_forms(e)}
    ctx = _CheckContext(
        countries={e.country for e in known.values() if e.kind == "country"}
        | {r.get("country") for r in dicts if r.get("kind") == "country"}
        | INTL_CODES,
        known_ids=set(known) | {str(r.get("id")) for r in dicts},
        alias_owner=owner,
        bundled_owner=dict(owner),
    )
    problems: list[str] = []
    first_seen: dict[str, int] = {}
    for n, raw in enumerate(raws, 1):
        if not isinstance(raw, dict):
            problems.append(f"{where}: entry {n}: not a mapping")
            continue
        at = f"{where}: entry {n} ({raw.get('id', '?')})"
        kb_id = str(raw.get("id"))
        if kb_id in first_seen:
            problems.append(f"{at}: duplicate id '{kb_id}' (also entry {first_seen[kb_id]})")
        first_seen.setdefault(kb_id, n)
        problems += _entry_problems(raw, at, ctx)
    return problems


def _entry_problems(raw: dict, at: str, ctx: _CheckContext) -> list[str]:
    problems = [f"{at}: unknown field '{key}'" for key in sorted(set(raw) - FIELDS)]
    problems += [
        f"{at}: missing or non-text '{key}'"
        for key in ("id", "name", "kind")
        if not raw.get(key) or not isinstance(raw.get(key), str)
    ]
    if raw.get("kind") and raw.get("kind") not in KINDS:
        problems.append(f"{at}: kind '{raw['kind']}' is not one of {', '.join(KINDS)}")
    if raw.get("sector") is not None and raw.get("sector") not in SECTORS:
        problems.append(f"{at}: sector '{raw['sector']}' is not one of {', '.join(SECTORS)}")
    country = raw.get("country")
    if country is not None and not (isinstance(country, str) and _valid_country(country, ctx.countries)):
        problems.append(f"{at}: country '{country}' is not an ISO 3166 alpha-3 code or IGO/NGO/MNC")
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "demonyms", "capitals", "parents", "covers"):
        value = raw.get(key)
        if value is None:
            lists[key] = []
        elif isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            lists[key] = value
        else:
            problems.append(f"{at}: '{key}' must be a list of non-empty strings")
            lists[key] = []
    problems += [f"{at}: parent '{p}' is not a known id" for p in lists["parents"] if p not in ctx.known_ids]
    for cover in lists["covers"]:
        code, _, sector = cover.partition("/")
        if not _valid_country(code, ctx.countries) or (sector != "*" and sector not in SECTORS):
            problems.append(f"{at}: covers '{cover}' is not COUNTRY/SECTOR")
    name = [raw["name"]] if isinstance(raw.get("name"), str) else []
    for alias in name + lists["aliases"] + lists["demonyms"] + lists["capitals"]:
        problems += _alias_problems(alias, str(raw.get("id")), at, ctx)
    return problems


def _alias_problems(alias: str, kb_id: str, at: str, ctx: _CheckContext) -> list[str]:
    key = _alias_key(alias)
    if not key[1] and key[0] in STOP_WORDS:
        return [f"{at}: alias '{alias}' is an English stop word and would match everywhere"]
    owner = ctx.alias_owner.get(key)
    ctx.alias_owner[key] = kb_id
    if owner is None or owner == kb_id:
        return []
    if ctx.bundled_owner.get(key) == owner:
        return [f"{at}: alias '{alias}' is ambiguous: the bundled KB already uses it for '{owner}'"]
    return [f"{at}: duplicate alias '{alias}' (also '{owner}')"]


def _valid_country(code: str, countries: set) -> bool:
    return code in countries or (len(code) == 3 and code.isupper() and _iso3_known(code))


@lru_cache(maxsize=512)
def _iso3_known(code: str) -> bool:
    import pycountry  # only needed to check user files, so imported lazily

    return pycountry.countries.get(alpha_3=code) is not None


def check_file(path: Path, against: ActorKB | None = None) -> list[str]:
    """Problems in a KB YAML file, one line each (empty when the file is fine).

    A user file is checked against the bundled KB: an alias already used by a different bundled entry
    is ambiguous (reuse the bundled id to replace that entry on purpose). A bundled file is checked
    against the other bundled files.
    """
    path = Path(path)
    try:
        raws = _read_yaml(path)
    except ValueError as exc:
        return [str(exc)]
    if path.resolve() in {p.resolve() for p in bundled_files()}:
        base = {e.kb_id: e for e in _bundled_entries()}
    else:
        base = dict((against if against is not None else _default_kb()).entries)
    file_ids = {str(r.get("id")) for r in raws if isinstance(r, dict)}
    return check_entries(raws, str(path), {k: e for k, e in base.items() if k not in file_ids})
