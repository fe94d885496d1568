"""Event triggers and their arguments, read off the dependency parse of one sentence.

A trigger is a verb or event noun from the lexicon. Its source actor is the grammatical agent
(active subject, passive "by"-phrase, possessor or actor-modifier of an event noun, or the subject
of the light verb that governs it: "Russia carried out airstrikes"); its target is the patient
(active object, passive subject, "on"/"against" phrase).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.events.lexicon import Lexicon, TriggerSense

SPEECH_LEMMAS = {
    "say", "tell", "state", "announce", "claim", "confirm", "report", "add", "note", "insist", "explain",
    "write", "tweet", "declare", "stress", "acknowledge", "admit", "reveal", "suggest", "believe", "estimate",
    "indicate", "quote", "deny", "think", "argue", "assert", "maintain", "allege", "warn",
}  # fmt: skip
# verbs whose complement is the real event ("denied attacking", "threatened to strike" are handled as
# stance or folded into the governing event by the claims stage)
EMBEDDING_ONLY = {"deny"}
# verbs that are events only with a named place as object ("leaving Raqqa", not "leaving only the road")
PLACE_OBJECT_ONLY = {"leave"}
FOLD_COMPLEMENTS = {"THREATEN", "REQUEST"}
_SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
_CLIMB_DEPS = {"xcomp", "conj", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "attr", "oprd", "nsubj"}
_BOUNDARY_DEPS = {"ccomp", "parataxis", "relcl"}


@dataclass
class Trigger:
    token: Token
    sense: TriggerSense
    mode: str | None
    particle: Token | None = None
    source: Token | None = None
    target: Token | None = None
    passive: bool = False

    @property
    def event_type(self) -> str:
        return self.sense.event_type

    @property
    def tokens(self) -> list[Token]:
        return [self.token] + ([self.particle] if self.particle is not None else [])


def find_triggers(doc, lexicon: Lexicon) -> list[Trigger]:
    """Every event trigger of a parsed sentence, with its arguments."""
    found: list[Trigger] = []
    for tok in doc:
        trig = _match(tok, lexicon)
        if trig is None:
            continue
        _arguments(trig)
        found.append(trig)
    return _drop_nested(found)


def _match(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_ in {"VBG", "VBN"}):
        for rest, sense in lex.phrasal.get(lemma, []):
            particle = _phrasal_tail(tok, rest)
            if particle is not None:
                return Trigger(tok, sense, sense.mode, particle=particle)
        sense = lex.verb(lemma)
        if sense is None:
            if tok.pos_ == "NOUN":
                sense = lex.noun(lemma)
            return Trigger(tok, sense, sense.mode) if sense else None
        if lemma in EMBEDDING_ONLY and _embeds_event(tok):
            return None
        if lemma in PLACE_OBJECT_ONLY and not any(
            c.dep_ == "dobj" and c.tag_ in {"NNP", "NNPS"} for c in tok.children
        ):
            return None
        if sense.objects:
            obj = _object_noun(tok)
            if obj is None or obj.lemma_.lower() not in sense.objects:
                return None
        if sense.needs_as and not _has_as_complement(tok):
            return None
        return Trigger(tok, sense, sense.mode)
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
        sense = lex.noun(tok.lemma_.lower()) or lex.noun(tok.lower_)
        if sense is None:
            return None
        if tok.pos_ == "PROPN" and tok.ent_type_:
            return None
        return Trigger(tok, sense, sense.mode)
    return None


def _has_as_complement(tok: Token) -> bool:
    """ "Turkey views the YPG as an extension of the PKK": an "as" phrase after the verb in its clause
    (the small parser often hangs it on a later word, so look along the sentence, not only at children)."""
    for other in tok.doc[tok.i + 1 :]:
        if other.lower_ == "as" and other.dep_ == "prep":
            return True
        if other.dep_ in {"ccomp", "relcl"} or other.tag_ == ";":
            return False
    return False


def _phrasal_tail(tok: Token, rest: tuple[str, ...]) -> Token | None:
    """The particle/preposition completing a phrasal trigger ("pulled out", "called for")."""
    if len(rest) == 1:
        for child in tok.children:
            if child.dep_ in {"prt", "prep", "dobj", "advmod"} and child.lower_ == rest[0]:
                return child
        return None
    doc = tok.doc
    words = [t.lower_ for t in doc[tok.i + 1 : tok.i + 1 + len(rest)]]
    lemmas = [t.lemma_.lower() for t in doc[tok.i + 1 : tok.i + 1 + len(rest)]]
    if words == list(rest) or lemmas == list(rest):
        return doc[tok.i + len(rest)]
    return None


def _embeds_event(tok: Token) -> bool:
    """ "denied attacking", "denied that it attacked": the complement is the event, not a REJECT."""
    return any(
        c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "dobj" and c.pos_ == "VERB") or c.tag_ == "VBG"
        for c in tok.children
    )


def _object_noun(tok: Token) -> Token | None:
    """The head noun of a light verb's object, looking through "the 3rd phase of the X operation"."""
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass", "prt"} and child.pos_ in {"NOUN", "PROPN"}:
            noun = child
            for _ in range(3):
                of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
                pobj = [c for o in of for c in o.children if c.dep_ == "pobj"]
                if not pobj:
                    break
                noun = pobj[0]
            return noun
        if child.dep_ == "prt" and child.lower_ in {"out"}:
            continue
    # "launched on Friday an offensive" or passive "an offensive was launched"
    if tok.dep_ in {"acl", "relcl"} and tok.head.pos_ == "NOUN":
        return tok.head
    return None


def _arguments(trig: Trigger) -> None:
    tok = trig.token
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBG", "VBN"}:
        _verb_arguments(trig)
    else:
        _noun_arguments(trig)


def _verb_arguments(trig: Trigger) -> None:
    tok = trig.token
    children = list(tok.children)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in children)
    trig.passive = passive
    if passive:
        trig.target = next((c for c in children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            trig.source = next((c for c in agent.children if c.dep_ == "pobj"), None)
    else:
        trig.source = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.dep_ != "expl"), None)
        trig.target = next((c for c in children if c.dep_ in {"dobj", "dative"}), None)
        if trig.target is None:
            trig.target = _prep_object(tok, {"on", "against", "at", "with"})
    if trig.source is None and not passive:
        trig.source = _inherited_subject(tok)
    if trig.source is None and tok.dep_ in {"acl"} and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        trig.source = tok.head  # "militants fleeing the city"
    if trig.source is None and tok.dep_ == "relcl":
        trig.source = tok.head  # "the fighters who fled" (relative pronoun subject)
    if trig.target is not None and trig.target.pos_ == "PRON" and trig.target.lower_ in {"which", "that"}:
        trig.target = tok.head if tok.dep_ == "relcl" else None


def _noun_arguments(trig: Trigger) -> None:
    tok = trig.token
    for child in tok.children:
        if child.dep_ == "poss" and trig.source is None:
            trig.source = child
        elif (
            child.dep_ in {"amod", "compound", "nmod"}
            and trig.source is None
            and child.pos_ in {"PROPN", "ADJ"}
        ):
            if child.ent_type_ in {"NORP", "ORG", "GPE"} or child.pos_ == "PROPN":
                trig.source = child
        elif child.dep_ == "prep" and child.lower_ == "by":
            trig.source = next((c for c in child.children if c.dep_ == "pobj"), trig.source)
    trig.target = _prep_object(tok, {"on", "against"})
    if trig.source is None:
        trig.source = _inherited_subject(tok)


def _prep_object(tok: Token, preps: set[str]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _inherited_subject(tok: Token) -> Token | None:
    """The subject of the clause a trigger sits in, climbing through control verbs, light verbs and
    prepositions ("began the process of leaving Raqqa"), but never across a reported-speech boundary."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in _BOUNDARY_DEPS or cur.dep_ not in _CLIMB_DEPS or cur.head is cur:
            return None
        head = cur.head
        controlled = cur.dep_ == "xcomp" or (cur.dep_ == "dobj" and cur.tag_ == "VBG")
        if head.lemma_.lower() in SPEECH_LEMMAS and not controlled:
            return None  # "X said Y attacked": X is the speaker, not the attacker
        if head.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in head.children if c.dep_ in {"nsubj", "csubj"}), None)
            if subj is not None and subj is not tok and tok not in subj.subtree:
                return subj
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        cur = head
    return None


def _drop_nested(found: list[Trigger]) -> list[Trigger]:
    """One event per act: an event noun that is the object of a light-verb trigger ("launched an
    offensive") is the same event, and the complement of a threat or request is folded into it."""
    by_token = {t.token.i: t for t in found}
    keep = []
    for trig in found:
        head = trig.token.head
        dup = False
        for _ in range(3):
            other = by_token.get(head.i)
            if other is not None and other is not trig:
                if other.sense.objects or other.event_type in FOLD_COMPLEMENTS:
                    if trig.mode and not other.mode:
                        other.mode = trig.mode
                    dup = True
                break
            if head.head is head:
                break
            head = head.head
        if not dup:
            keep.append(trig)
    return keep
