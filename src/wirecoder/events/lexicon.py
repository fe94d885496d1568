"""The trigger lexicon (triggers.yaml) as lookups: lemma -> (PLOVER type, default mode).

It also derives every surface form of every trigger word, so the pipeline can pick the sentences
worth parsing with a plain set lookup on lower-cased tokens, before any neural component runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class TriggerSense:
    event_type: str
    mode: str | None
    objects: frozenset[str] = frozenset()  # light verb: only with one of these object nouns
    needs_as: bool = False  # "view X as Y"


@dataclass
class Lexicon:
    verbs: dict[str, TriggerSense] = field(default_factory=dict)
    nouns: dict[str, TriggerSense] = field(default_factory=dict)
    phrasal: dict[str, list[tuple[tuple[str, ...], TriggerSense]]] = field(default_factory=dict)
    # light verbs by object noun: one verb may announce several types ("send troops" / "send aid")
    objects: dict[str, list[TriggerSense]] = field(default_factory=dict)
    # verbs that are triggers only with one of these subject nouns ("troops arrived in X"); the sense's
    # `objects` holds the subject nouns
    subjects: dict[str, TriggerSense] = field(default_factory=dict)
    surface: frozenset[str] = frozenset()
    form_lemma: dict[str, str] = field(default_factory=dict)  # "raped" -> "rape", for weak lemmas
    modal_request: frozenset[str] = frozenset()  # "X must release Y": a demand on Y

    def object_sense(self, lemma: str, *object_forms: str) -> TriggerSense | None:
        """The sense of a light verb with this object noun (its lemma or its surface form: the lexicon
        lists "relations" and "ties", which the lemmatizer makes "relation" and "tie"), if it has one."""
        return next(
            (s for s in self.objects.get(lemma, []) if any(f in s.objects for f in object_forms)), None
        )

    def verb(self, lemma: str) -> TriggerSense | None:
        return self.verbs.get(lemma)

    def noun(self, lemma: str) -> TriggerSense | None:
        return self.nouns.get(lemma)


# a state of affairs that kills or displaces without being anyone: "the conflict has claimed 400,000 lives"
SITUATION_NOUNS = {
    "war", "conflict", "violence", "crisis", "unrest", "turmoil", "chaos", "bloodshed", "hostility",
    "insurgency", "fighting", "instability",
}  # fmt: skip
# "a state of emergency", "the state of siege": the state there is a condition, not a country or government
STATE_CONDITIONS = {
    "emergency", "siege", "war", "alert", "mourning", "readiness", "calamity", "disaster", "insurrection",
    "exception", "alarm", "lawlessness", "anarchy", "shock", "panic",
}  # fmt: skip


def state_of_condition(tok) -> bool:
    """Is this noun the "state" of "a state of emergency" (a condition declared or lifted)?"""
    if tok.lemma_.lower() != "state":
        return False
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(g.dep_ == "pobj" and g.lemma_.lower() in STATE_CONDITIONS for c in of for g in c.children)


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun (enough for a prefilter that errs towards recall)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(lemma + "es")  # "clashes", "vetoes"; not "aides" from "aid"
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] in "bdglmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Parse the bundled triggers.yaml once per process."""
    text = resources.files("wirecoder.events").joinpath("triggers.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: 15x faster
    irregular: dict[str, list[str]] = raw.pop("irregular", {})
    lex = Lexicon()
    lex.modal_request = frozenset(raw.get("REQUEST", {}).get("modal") or [])
    surface: set[str] = set()

    def add_forms(lemma: str) -> None:
        forms = inflections(lemma) | set(irregular.get(lemma, []))
        surface.update(forms)
        for form in forms:
            lex.form_lemma.setdefault(form, lemma)

    for event_type, entry in raw.items():
        for lemma, mode in (entry.get("verbs") or {}).items():
            lex.verbs.setdefault(lemma, TriggerSense(event_type, mode))
            add_forms(lemma)
        for lemma, mode in (entry.get("nouns") or {}).items():
            lex.nouns.setdefault(lemma, TriggerSense(event_type, mode))
            add_forms(lemma)
        for phrase, mode in (entry.get("phrasal") or {}).items():
            verb, *rest = phrase.split()
            lex.phrasal.setdefault(verb, []).append((tuple(rest), TriggerSense(event_type, mode)))
            add_forms(verb)
        for lemma, objects in (entry.get("object") or {}).items():
            lex.objects.setdefault(lemma, []).append(
                TriggerSense(event_type, None, objects=frozenset(objects))
            )
            add_forms(lemma)
        for lemma, subjects in (entry.get("subject") or {}).items():
            lex.subjects.setdefault(lemma, TriggerSense(event_type, None, objects=frozenset(subjects)))
            add_forms(lemma)
        for lemma in entry.get("as") or []:
            lex.verbs.setdefault(lemma, TriggerSense(event_type, "allege", needs_as=True))
            add_forms(lemma)
    surface.update(raw.get("REQUEST", {}).get("modal") or [])
    lex.surface = frozenset(surface)
    for lemma in (*lex.verbs, *lex.nouns, *lex.phrasal, *lex.objects, *lex.subjects):
        lex.form_lemma[lemma] = lemma  # a lemma is its own lemma, whatever else it inflects from
    return lex
