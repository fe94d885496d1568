"""Actor mentions within one story: noun phrases -> resolved actors, with simple coreference.

Why a story-level object: "Pentagon spokesman Navy Captain Jeff Davis ... Davis told reporters",
"the group", "he" only make sense against what the story said before. The resolver remembers every
actor it has seen, in order, and links surnames, pronouns and definite descriptions back to them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from wirecoder.actors.kb import ActorKB, ActorMatch
from wirecoder.nlp import Sentence
from wirecoder.schema import Actor

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
GROUP_NOUNS = {
    "group", "militants", "militia", "rebels", "fighters", "jihadists", "insurgents", "organisation",
    "organization", "movement", "faction", "army", "force", "forces", "government", "regime", "coalition",
    "alliance", "officials", "authorities", "troops", "soldiers",
}  # fmt: skip
PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "commander"}
_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight", "morning", "evening", "night", "week", "month", "year", "weekend", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip
_DROP_DEPS = {"relcl", "acl", "cc", "conj", "punct", "advcl", "appos"}
_KIND_RANK = {"group": 0, "org": 0, "person": 1, "role": 2, "country": 3}


def noun_phrase(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `tok`: modifiers on the left, "of"-phrases and
    bracketed abbreviations on the right, but not relative clauses or coordinated phrases."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in _DROP_DEPS and not (child.dep_ == "appos" and _bracketed(child)):
            continue
        if child.dep_ == "prep" and child.lower_ not in {"of"}:
            continue
        keep.extend(child.subtree)
    keep = sorted(set(keep), key=lambda t: t.i)
    # keep it contiguous around the head
    lo, hi = tok.i, tok.i
    idx = {t.i for t in keep}
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = tok.doc
    while lo < hi and doc[lo].dep_ in {"det", "punct", "cc"} and doc[lo].lower_ not in {"the"}:
        lo += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text not in {")"}:
        hi -= 1
    return list(doc[lo : hi + 1])


@lru_cache(maxsize=100_000)
def _kb_resolve(kb: ActorKB, phrase: str) -> Actor:
    """KB resolution is a pure function of the phrase: cache it per process (names repeat across stories)."""
    return kb.resolve(phrase)


def _definite_description(tokens: list[Token]) -> bool:
    """ "the group", "the Kurdish militia", "the spokesman": a short definite phrase with a generic head."""
    head = tokens[-1].lower_
    return (
        len(tokens) <= 6
        and tokens[0].lower_ in {"the", "this", "that", "these", "those"}
        and head in GROUP_NOUNS | PERSON_NOUNS
    )


def _bracketed(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == "("


class StoryActors:
    """Resolves actor phrases of one story, remembering earlier mentions for coreference."""

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb
        self.matches: dict[int, list[ActorMatch]] = {}  # sentence index -> KB matches
        self.seen: list[tuple[int, Actor, bool]] = []  # (article offset, actor, is_person)

    def scan(self, sentence: Sentence) -> list[ActorMatch]:
        """KB matches of one sentence (tokenized or parsed docs share token indices)."""
        found = self.kb.match(sentence.doc)
        self.matches[sentence.index] = found
        return found

    def kb_actors(self, sentence: Sentence) -> list[Actor]:
        """Every KB actor mentioned in a sentence, as Actor records with article spans."""
        actors = []
        for m in self.matches.get(sentence.index, []):
            doc = sentence.doc
            start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
            actors.append(self._from_entry(m, sentence.span(start, end), doc[m.start : m.end].text))
        return actors

    def _from_entry(self, match: ActorMatch, span: tuple[int, int], text: str) -> Actor:
        e = match.entry
        return Actor(text=text, span=span, name=e.name, country=e.country, sector=e.sector, kb_id=e.kb_id)

    def resolve(self, sentence: Sentence, head: Token) -> Actor | None:
        """The actor a noun phrase (given by its head token) refers to, or None if it is no actor."""
        tokens = noun_phrase(head)
        doc = sentence.doc
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        text = doc.text[start:end]
        span = sentence.span(start, end)
        lower = head.lower_
        if lower in _TIME_WORDS:
            return None  # "attacked on Tuesday": a date in an argument slot is no actor
        if head.pos_ == "PRON" or (
            _definite_description(tokens) and not self._inside_match(sentence, tokens)
        ):
            if head.pos_ == "PRON" and lower not in PERSON_PRONOUNS | GROUP_PRONOUNS:
                return None
            person = lower in PERSON_PRONOUNS | PERSON_NOUNS
            antecedent = self._clause_subject(sentence, head, person) or self.antecedent(span[0], person)
            if antecedent is not None:
                actor = antecedent.model_copy(update={"text": text, "span": span, "confidence": 0.6})
                self.remember(actor, person=lower in PERSON_PRONOUNS | PERSON_NOUNS)
                return actor
            if head.pos_ == "PRON":
                return None
        resolved = _kb_resolve(self.kb, text)
        best = self._best_match(sentence, tokens)
        if best is not None and not (resolved.kb_id or resolved.country):
            resolved = self._from_entry(best, span, text)
        if not (resolved.kb_id or resolved.country or resolved.sector):
            surname = self._link_name(tokens)
            if surname is not None:
                resolved = surname
            elif head.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"} and head.pos_ != "PROPN":
                return None
        actor = resolved.model_copy(update={"text": text, "span": span})
        self.remember(
            actor, person=head.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in tokens)
        )
        return actor

    def _clause_subject(self, sentence: Sentence, pronoun: Token, person: bool) -> Actor | None:
        """ "Ankara plans to lead its own assault": a possessive or object pronoun usually refers to the
        subject of a clause above it in the same sentence."""
        if pronoun.dep_ not in {"poss", "dobj", "pobj"} and pronoun.lower_ not in {"it", "they"}:
            return None
        for verb in pronoun.ancestors:
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None or pronoun in list(subj.subtree) or subj.pos_ == "PRON" or subj.i > pronoun.i:
                continue
            actor = self.resolve(sentence, subj)
            if actor is not None and (actor.country or actor.kb_id):
                return actor
            return None
        return None

    def remember(self, actor: Actor, person: bool = False) -> None:
        if actor.span is not None:
            self.seen.append((actor.span[0], actor, person))

    def antecedent(self, before: int, person: bool) -> Actor | None:
        """The nearest earlier known actor of the right kind (a person for "he", a group for "they")."""
        best: tuple[int, Actor] | None = None
        for offset, actor, is_person in self.seen:
            known = actor.country or (actor.kb_id and not actor.kb_id.startswith("role."))
            if offset < before and known and is_person == person:
                if best is None or offset > best[0]:
                    best = (offset, actor)
        return best[1] if best else None

    def _link_name(self, tokens: list[Token]) -> Actor | None:
        """A bare surname ("Davis") that completes an earlier full-name mention."""
        names = [t.text for t in tokens if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if not names:
            return None
        for _, actor, _ in reversed(self.seen):
            if names[-1] in actor.text.split() and (actor.country or actor.kb_id):
                return actor
        return None

    def _inside_match(self, sentence: Sentence, tokens: list[Token]) -> bool:
        return self._best_match(sentence, tokens) is not None

    def _best_match(self, sentence: Sentence, tokens: list[Token]) -> ActorMatch | None:
        lo, hi = tokens[0].i, tokens[-1].i + 1
        inside = [m for m in self.matches.get(sentence.index, []) if m.start >= lo and m.end <= hi]
        if not inside:
            return None
        return min(inside, key=lambda m: (_KIND_RANK.get(m.entry.kind, 4), m.start))
