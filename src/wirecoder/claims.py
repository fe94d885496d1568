"""According to whom, and how firmly: attribution of reported speech and the stance of each event.

Attribution walks up the dependency tree from an event's trigger to the speech verb that governs it
("X said (that) ...", "... , said X", "X told reporters", "X denied ..."), and also reads "according
to X", "in a statement" and direct quotes. Stance is one of asserted, denied, hedged, planned, future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.events.extract import (
    COUNT_NOUNS,
    SPEECH_LEMMAS,
    own_next_act,
    reduced_belief,
    result_of_blamed_act,
)
from wirecoder.mentions import StoryActors, noun_phrase
from wirecoder.nlp import Sentence
from wirecoder.schema import Actor, Claim

DENY_LEMMAS = {"deny", "dismiss", "refute", "rebut", "disavow", "disown", "distance"}
BLAME_LEMMAS = {"blame", "accuse"}
_SAYING = SPEECH_LEMMAS | DENY_LEMMAS  # verbs whose subject speaks
HEDGE_LEMMAS = {"suggest", "believe", "think", "seem", "appear", "estimate", "suspect", "rumour", "rumor"}
PLAN_LEMMAS = {
    "plan",
    "intend",
    "intention",
    "aim",
    "prepare",
    "seek",
    "want",
    "decide",
    "plot",
    "mull",
    "consider",
    "due",  # "is due to meet European leaders on Thursday"
    "schedule",
}
FUTURE_AUX = {"will", "shall", "'ll", "would", "going"}
HEDGE_ADVERBS = {
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "possibly",
    "likely",
    "probably",
    "perhaps",
}
# an act qualified as uncertain ("a possible US attack", "the suspected gas attack") or only feared
UNCERTAIN_ADJECTIVES = {"possible", "potential", "suspected", "alleged", "purported", "apparent", "feared"}
FEAR_LEMMAS = {"fear", "dread"}
AWAIT_LEMMAS = {"brace", "await", "expect", "anticipate", "prepare"}  # "bracing for an attack"
CONTRAST_WORDS = {"but", "however", "yet", "although", "though", "while", "whereas"}
MODAL_HEDGES = {"may", "might", "could"}
UNNAMED_SOURCES = {
    "source", "sources", "report", "reports", "rumour", "rumours", "rumor", "rumors", "media", "witness",
    "witnesses", "reporting", "accounts", "claims", "speculation",
}  # fmt: skip
_REPORTED_DEPS = {"ccomp", "parataxis", "xcomp", "dobj", "conj", "advcl", "dep"}
_QUOTE_PAIRS = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


@dataclass
class Attribution:
    claim: Claim | None
    stance: str
    negated: bool


def attribute(
    sentence: Sentence, trigger: Token, actors: StoryActors, previous: Claim | None = None
) -> Attribution:
    """Who asserts the event at `trigger`, with which cue and stance, and whether it is negated."""
    cue, speaker_tok = _speech_cue(trigger)
    according = _according_to(sentence)
    quote, quote_span = _quote_around(sentence, trigger)
    speaker: Actor | None = None
    cue_text, cue_span = None, None
    if cue is not None:
        cue_text = _cue_phrase(cue)
        cue_span = sentence.span(cue.idx, cue.idx + len(cue))
        if speaker_tok is not None:
            speaker = _speaker(sentence, speaker_tok, actors)
    elif according is not None:
        cue, speaker_tok = according
        cue_text = "according to"
        cue_span = sentence.span(cue.idx, cue.idx + len(cue))
        speaker = _speaker(sentence, speaker_tok, actors) if speaker_tok is not None else None
    elif quote is not None and previous is not None:
        speaker, cue_text = previous.source, previous.cue  # a quote continuing the previous speaker's words
    elif (
        headline := _headline_speaker(sentence, actors)
    ) is not None:  # "IS leaders fleeing Raqqa: Pentagon"
        said_by, speaker = headline
        cue_text = ":"
        colon = said_by.end if said_by.start < sentence.start else sentence.end
        cue_span = (colon, colon + 1)

    stance = _stance(trigger, cue, speaker_tok, sentence.text)
    negated = _negated(trigger)
    if cue is None and according is None and quote is None and stance == "asserted" and cue_text is None:
        return Attribution(None, stance, negated)
    claim = Claim(
        source=speaker,
        cue=cue_text,
        cue_span=cue_span,
        stance=stance,
        quote=quote,
        quote_span=quote_span,
        span=_claim_span(sentence, cue, speaker_tok, trigger),
        chain=_outer_speakers(cue, sentence, actors) if cue is not None else [],
    )
    return Attribution(claim, stance, negated)


def _headline_speaker(sentence: Sentence, actors: StoryActors) -> tuple[Sentence, Actor] | None:
    """The speaker a headline names after or before a colon, with its piece of text: the actor the KB
    finds there, else the words as written (a monitor, a rights group); None when there is none, or when
    the words are a dateline: a capital's name ("Damascus: regime forces shelled ...") or words in
    capitals ("BEIRUT:"), where no one speaks."""
    said_by: Sentence | None = sentence.extra.get("colon_speaker")
    if said_by is None:
        return None
    matches = actors.matches.get(said_by.index, [])
    if matches and all(m.via == "capital" for m in matches):
        return None
    if any(w.isupper() and len(w.strip(",.")) > 4 for w in said_by.text.split()):
        return None  # "BEIRUT:", "GAZA CITY, Palestinian Territories:": a dateline in capitals ("UN" speaks)
    known = actors.kb_actors(said_by)
    if known:
        return said_by, known[0]
    text = said_by.text.strip()
    return said_by, Actor(
        text=text, span=(said_by.start, said_by.start + len(text)), name=text, confidence=0.3
    )


def _speaker(sentence: Sentence, tok: Token, actors: StoryActors) -> Actor | None:
    """The speaker as an actor; a named or described speaker the knowledge base does not know ("a
    monitor", "local activists", "Abu Omar") is still the claim's source, kept as written (no country,
    low confidence) rather than dropped. Pronouns that resolve to nothing stay None."""
    resolved = actors.resolve(sentence, tok)
    if resolved is not None or tok.pos_ not in {"NOUN", "PROPN"}:
        return resolved
    words = noun_phrase(tok)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    text = sentence.doc.text[start:end]
    name = " ".join(t.text for t in words if t.dep_ != "det" and t.pos_ != "DET") or tok.text
    return Actor(text=text, span=sentence.span(start, end), name=name, confidence=0.3)


_DENYING = {"deny", "reject", "dispute", "refute"}


def _speech_cue(trigger: Token) -> tuple[Token | None, Token | None]:
    """The nearest governing speech verb and its subject (the speaker)."""
    own_say = trigger.dep_ == "relcl" and trigger.lemma_.lower() in SPEECH_LEMMAS | _DENYING
    if own_say and any(c.dep_ == "nsubj" and c.tag_ not in {"WP", "WDT"} for c in trigger.children):
        return None, None  # "..., a charge Kabul denies": its own subject says so, nobody reports it
    cur = trigger
    for _ in range(8):
        head = cur.head
        if head == cur:
            break
        if head.lemma_.lower() in SPEECH_LEMMAS and not reduced_belief(head):
            if cur.dep_ in _REPORTED_DEPS and not _misattached(cur, head):
                return head, _speaker_of(head)
            break  # the trigger is the speech verb's subject or adjunct, not what is reported
        if head.lemma_.lower() in BLAME_LEMMAS and cur.dep_ == "prep" and cur.lower_ in {"of", "for"}:
            return head, _speaker_of(head)  # "X blamed Y for the attack": X alleges the attack
        if result_of_blamed_act(cur, head):
            return head, _speaker_of(head)  # "X accused Y of an attack, killing 40": X alleges the toll too
        blamer = head.head
        if cur.dep_ == "prep" and cur.lower_ in {"of", "for"} and head.dep_ == "dobj" and blamer is not head:
            if blamer.lemma_.lower() in BLAME_LEMMAS:  # "accused Assad's forces of ...": "of" on the accused
                return blamer, _speaker_of(blamer)
        if head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in COUNT_NOUNS for c in head.children
        ):
            return head, _speaker_of(head)  # "the health directorate put the toll at nine dead": its count
        cur = head
    # "..., Davis told reporters" where the parser hung the quote elsewhere: the root is the cue
    root = trigger.sent.root if trigger.doc.has_annotation("DEP") else None
    if (
        root is not None
        and root is not trigger
        and root.lemma_.lower() in SPEECH_LEMMAS
        and not reduced_belief(root)
    ):
        if trigger not in list(_speaker_subtree(root)) and not _misattached(trigger, root):
            return root, _speaker_of(root)
    if root is not None:
        # "A strike killed three aid workers, the group said, calling on ...": the parser hung the speech
        # verb on the reported clause
        for said in root.children:
            if said.dep_ != "parataxis" or said.i < trigger.i or said.lemma_.lower() not in SPEECH_LEMMAS:
                continue
            if not reduced_belief(said) and not (said.left_edge.i <= trigger.i <= said.right_edge.i):
                return said, _speaker_of(said)
        closing = _closing_attribution(trigger)
        if closing is not None:
            return closing
    return None, None


def _closing_attribution(trigger: Token) -> tuple[Token, Token] | None:
    """ "..., killing at least 30 people, three witnesses and a health worker told Reuters.": a speech
    verb ending the sentence after a comma and its speakers, however the parser hung it."""
    sent = trigger.sent
    tail = [t for t in sent if t.i > trigger.i and t.lemma_.lower() in SPEECH_LEMMAS and t.dep_ != "ROOT"]
    if not tail:
        return None
    said = tail[-1]
    if said.dep_ == "relcl" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in said.children):
        return None  # "..., a charge the Taliban government denies": a clause of its own
    rest = [t for t in sent if t.i > said.i and not t.is_punct]
    if any(t.head.i != said.i for t in rest) or reduced_belief(said) or said.left_edge.i <= trigger.i:
        return None
    speaker = _words_before(said)
    return (said, speaker) if speaker is not None else None


def _misattached(clause: Token, verb: Token) -> bool:
    """A clause before a speech verb that is not what it reports: the verb already reports a clause
    after it ("X plans an assault, but reports suggest it has no plan": one verb takes one complement,
    so the first clause hangs there only by a parser error), or the two are joined by "but"/"however",
    which contrasts the speaker's report with a statement of the writer's own."""
    top = clause
    while top.head.i not in {verb.i, top.i}:  # spaCy makes a new Token object on every access: compare .i
        top = top.head
    if clause.i > verb.i:
        # "No group has claimed responsibility, but bandits often carry out abductions": a clause joined
        # to the speech verb by "but" is the writer's own statement
        contrast = any(
            c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and verb.i < c.i < top.i for c in verb.children
        )
        # "The group denied the accusation and called for their release": a second act of the speaker's
        # own, sharing its subject, is not what the first verb reports
        return (top.dep_ == "conj" and contrast) or own_next_act(top, verb)
    if any(c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i for c in verb.children):
        return True
    between = verb.doc[top.right_edge.i + 1 : verb.i]
    return any(t.lower_ in CONTRAST_WORDS and t.head.i == verb.i for t in between)


def _speaker_subtree(verb: Token):
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "Fighters ... killed 30 soldiers ..., two security sources said": of two subjects the parser gave
    # the speech verb, the one next to it speaks and the first is the misread report
    for child in subjects[-1:]:
        yield from child.subtree


def _speaker_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return _speaker_after_victims(subjects[-1])
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _speaker_of(verb.head)  # "The RSF denied ... and said ...": the subject they share
    if verb.dep_ == "advcl":
        # "the spokesman denied that the town had fallen, saying ...": who speaks is who denied
        # ... and who blamed ("Pushilin blamed Ukrainian forces, saying they had fired ...")
        speaking = next((a for a in verb.ancestors if a.lemma_.lower() in _SAYING | BLAME_LEMMAS), None)
        return _speaker_of(speaking) if speaking is not None else None
    return _words_before(verb)


def _words_before(verb: Token) -> Token | None:
    """ "..., wounding 30, police and witnesses said": the parser hung the speakers on the clause
    before; the noun phrase between the comma and the speech verb is who speaks."""
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and (doc[j].pos_ in {"NOUN", "PROPN", "DET", "ADJ", "CCONJ", "NUM"} or doc[j].tag_ == "POS"):
        j -= 1
    if j < 0 or doc[j].text != "," or j == verb.i - 1:
        return None
    phrase = range(j + 1, verb.i)
    nouns = [t for t in doc[j + 1 : verb.i] if t.pos_ in {"NOUN", "PROPN"}]
    # the phrase's own head ("Ukraine's southern military command": the command, not Ukraine)
    return next((t for t in nouns if t.head.i not in phrase), nouns[0] if nouns else None)


def _speaker_after_victims(subject: Token) -> Token:
    """ "..., killing 23 people, including 11 children, a local group and residents said": the parser
    makes the victims the subject of "said" and the speakers part of the victims' list. A counted subject
    ("23 people") with such a list speaks through the list's first conjunct after a comma."""
    if not any(c.dep_ == "nummod" for c in subject.children):
        return subject
    # "... killed 15 farmers working near Mafa, a local militia leader and residents said"
    for tok in subject.children:
        if tok.dep_ == "appos" and tok.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
            if not any(c.dep_ == "nummod" for c in tok.children):
                return tok
    for tok in subject.subtree:
        if tok.dep_ != "conj" or any(c.dep_ == "nummod" for c in tok.children):
            continue
        if any(c.text == "," and c.i < tok.i for c in tok.head.children):
            return tok
    return subject


def _according_to(sentence: Sentence) -> tuple[Token, Token | None] | None:
    """ "according to X" anywhere in the sentence (computed once per sentence)."""
    if "according" not in sentence.extra:
        sentence.extra["according"] = _find_according(sentence) if "ccording" in sentence.text else None
    return sentence.extra["according"]


def _find_according(sentence: Sentence) -> tuple[Token, Token | None] | None:
    for tok in sentence.doc:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            return tok, pobj
    return None


def _cue_phrase(cue: Token) -> str:
    """The cue as a reader would quote it: "said", "told reporters", "in a statement"."""
    words = [cue]
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and child.lower_ in {"reporters", "journalists", "media"}:
            words.append(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _quote_around(sentence: Sentence, trigger: Token) -> tuple[str | None, tuple[int, int] | None]:
    for m in _QUOTE_PAIRS.finditer(sentence.text):
        if m.start() <= trigger.idx < m.end() and m.end() - m.start() > 2:
            return m.group(0), sentence.span(m.start(), m.end())
    return None, None


def _stance(trigger: Token, cue: Token | None, speaker: Token | None, text: str) -> str:
    """The stance of the event at `trigger`; `text` is its sentence's text (a cheap first test for cues)."""
    ancestors = _clause_ancestors(trigger)
    lemmas = [a.lemma_.lower() for a in ancestors]
    for k, a in enumerate(ancestors[1:], 1):
        if lemmas[k] in SPEECH_LEMMAS and a.dep_ in {"conj", "advcl"}:
            lemmas = lemmas[: k + 1]  # "denied losing the bridge and said it repelled": said, not denied
            break
    if any(lemma in DENY_LEMMAS for lemma in lemmas[1:]):
        return "denied"
    if cue is not None and cue.lemma_.lower() in BLAME_LEMMAS:
        return "hedged"  # an act someone is blamed for is alleged, not established
    governing = []
    for a in ancestors[1:]:
        governing.append(a.lemma_.lower())
        governing.extend(
            c.lemma_.lower() for c in a.children if c.dep_ in {"dobj", "nsubj"} and c.pos_ == "NOUN"
        )
    if any(lemma in PLAN_LEMMAS for lemma in governing) or trigger.lemma_.lower() in PLAN_LEMMAS:
        return "planned"
    clause = [trigger, *[a for a in ancestors[1:4] if a.pos_ in {"VERB", "AUX"}]]
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in {"VERB", "AUX"}:
        clause.append(trigger.head)
    for verb in clause:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return "future"
        if verb.lemma_.lower() in SPEECH_LEMMAS:
            break
    if _hedged(trigger, cue, speaker, ancestors, text):
        return "hedged"  # "bracing for a possible attack": only possible
    if awaited(trigger):
        return "future"  # "bracing for an attack"
    return "asserted"


def awaited(trigger: Token) -> bool:
    """An act people brace for, expect or await ("residents braced for a US attack"): it has not happened
    yet."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif trigger.dep_ != "dobj":
        return False
    return head.lemma_.lower() in AWAIT_LEMMAS


def _clause_ancestors(trigger: Token) -> list[Token]:
    """The trigger and the words above it, up to the noun a relative clause describes: "the groups it
    is backing" states a fact whatever the clause above plans or denies about those groups."""
    chain = [trigger]
    for tok in list(trigger.ancestors)[:8]:
        if chain[-1].dep_ == "relcl":
            break
        if own_next_act(chain[-1], tok):
            break  # "denied the accusation and called for their release": the call is no denial
        chain.append(tok)
    return chain


def _hedged(
    trigger: Token, cue: Token | None, speaker: Token | None, ancestors: list[Token], text: str
) -> bool:
    if cue is not None and cue.lemma_.lower() in HEDGE_LEMMAS:
        return True
    if cue is not None and any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children):
        return True  # "it is believed", "was reported"
    if speaker is not None and speaker.lower_ in UNNAMED_SOURCES:
        return True
    for tok in ancestors[:3]:
        for child in tok.children:
            if child.lower_ in HEDGE_ADVERBS or (child.dep_ == "aux" and child.lower_ in MODAL_HEDGES):
                return True
    if any(c.dep_ == "amod" and c.lower_ in UNCERTAIN_ADJECTIVES for c in trigger.children):
        return True
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in FEAR_LEMMAS:
        return True  # "residents feared revenge attacks"
    for tok in ancestors[:3]:
        noun = tok.head
        if tok.dep_ in {"acl", "ccomp"} and noun.pos_ == "NOUN" and noun.lemma_.lower() in _UNVERIFIED_NOUNS:
            return True  # "it had received reports that the RSF killed dozens": what reports say
    # the parser's sentence lies inside the text: most texts need no Span built to know it has no cue
    if "ccording" in text and "ccording" in trigger.sent.text:
        for tok in trigger.sent:
            if tok.lower_ == "according":
                pobj = [t for t in tok.subtree if t.dep_ == "pobj"]
                if pobj and pobj[0].lower_ in UNNAMED_SOURCES:
                    return True
    return False


_UNVERIFIED_NOUNS = {"report", "allegation", "rumour", "rumor", "unconfirmed"}


def _negated(trigger: Token) -> bool:
    """Negation on the trigger itself or on the light/control verb it depends on ("did not attack",
    "has not launched an offensive", "have not yet been announced")."""
    scope = [trigger]
    if trigger.dep_ in {"dobj", "xcomp", "nsubjpass"} and trigger.head != trigger:
        scope.append(trigger.head)
    return any(
        c.dep_ == "neg" or c.lower_ in {"never", "no"} and c.dep_ == "det" for t in scope for c in t.children
    )


def _claim_span(
    sentence: Sentence, cue: Token | None, speaker: Token | None, trigger: Token
) -> tuple[int, int]:
    toks = (
        [trigger]
        + ([cue] if cue is not None else [])
        + (list(speaker.subtree) if speaker is not None else [])
    )
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return sentence.span(start, end)


def _outer_speakers(cue: Token, sentence: Sentence, actors: StoryActors) -> list[Actor]:
    """Nested reports ("the WHO said activists reported ..."): the speakers above the nearest one."""
    chain = []
    outer, speaker = _speech_cue(cue)
    seen = {cue.i}
    while outer is not None and outer.i not in seen and len(chain) < 3:
        seen.add(outer.i)
        if speaker is not None:
            resolved = actors.resolve(sentence, speaker)
            if resolved is not None:
                chain.append(resolved)
        outer, speaker = _speech_cue(outer)
    return chain
