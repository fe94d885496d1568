"""Actor mentions within one story: noun phrases -> resolved actors, with simple coreference.

Why a story-level object: "Pentagon spokesman Navy Captain Jeff Davis ... Davis told reporters",
"the group", "he" only make sense against what the story said before. The resolver remembers every
actor it has seen, in order, and links surnames, pronouns and definite descriptions back to them.
Unnamed local actors ("the regime", "rebels", "residents") take the country the story is about, and
unattributed aircraft ("the air strikes") the side the story says flies them ("Russian warplanes"); when
the story never says, they stay unattributed rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from wirecoder.actors.kb import ARMED_SECTORS, INTL_CODES, ActorEntry, ActorKB, ActorMatch, is_modifier
from wirecoder.events.lexicon import SITUATION_NOUNS, load_lexicon, state_of_condition
from wirecoder.nlp import Sentence, acronym
from wirecoder.schema import Actor
from wirecoder.when import TIME_WORDS

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
GROUP_NOUNS = {
    "group", "militants", "militia", "rebels", "fighters", "jihadists", "insurgents", "organisation",
    "organization", "movement", "faction", "factions", "militias", "army", "force", "forces", "government",
    "regime", "coalition", "alliance", "officials", "authorities", "troops", "soldiers",
}  # fmt: skip
# people named by what they are, not by a name: actors without a KB entry ("arrested 12 suspects")
PEOPLE_NOUNS = {
    "people", "person", "civilian", "suspect", "protester", "demonstrator", "worker", "student", "refugee",
    "migrant", "household", "villager", "resident", "family", "child", "woman", "man", "journalist",
    "activist", "farmer", "prisoner", "detainee", "hostage", "pilgrim", "worshipper", "passenger",
    "trader", "voter", "immigrant", "teacher", "doctor", "patient", "youth", "crowd", "supporter",
}  # fmt: skip
# what an attack is made with: an argument slot holding one names no actor, whatever place follows it
WEAPON_NOUNS = {
    "bomb", "shell", "rocket", "mortar", "missile", "device", "explosive", "mine", "landmine", "grenade",
    "fire", "barrel", "gas", "ied", "projectile", "round",
}  # fmt: skip
PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "commander"}
MANNER_NOUNS = {
    "reaction", "response", "retaliation", "revenge", "protest", "solidarity", "turn", "addition", "virtue",
    "defiance", "violation", "act", "order", "support", "part", "return", "exchange", "effect", "fact",
}  # fmt: skip
STATE_ROLE_NOUNS = {"army", "military", "police", "government", "regime", "force", "troop", "soldier"}
TITLE_NOUNS = PERSON_NOUNS | {
    "ambassador", "envoy", "representative", "director", "secretary", "adviser", "advisor", "commissioner",
    "coordinator", "rapporteur", "department", "ministry", "office", "delegate", "delegation",
}  # fmt: skip
_DROP_DEPS = {"relcl", "acl", "cc", "conj", "punct", "advcl", "appos"}
_NP_PREPS = {"of", "in", "from", "by", "near"}
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Sectors whose unnamed members belong to the country the story is about ("the regime", "rebels",
# "residents", "doctors", "a journalist"); aid workers, international bodies and refugees often come from
# elsewhere, and named foreign media carry their own country.
_LOCAL_SECTORS = STATE_SECTORS | {"REB", "UAF", "CRM", "PTY", "OPP", "CVL", "ELI", "LAB", "EDU", "AGR", "REL"}
_LOCAL_SECTORS |= {"MED", "JRN"}
_HARDWARE = "role.military_hardware"
_AIR_ACTS = {"airstrike", "airstrikes"}
_STRIKES = {"strike", "strikes", "raid", "raids"}
_DEFENCES = re.compile(r"\bdefen[cs]es?\b", re.IGNORECASE)
# A country named after these is the other party of an event ("sanctions on Iraq", "talks with Syria"),
# not the place the story's unnamed actors belong to.
_COUNTERPART_PREPS = {"against", "on", "toward", "towards", "with"}
_DATELINE_NEXT = {"(", "-", "–", "—", ",", ":"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
# what someone is accused of that is no event word of ours ("accused the army of genocide")
CHARGED_DEEDS = {
    "genocide", "slaughter", "crime", "abuse", "violation", "terrorism", "corruption", "fraud", "treason",
    "espionage", "spying", "collusion", "complicity", "negligence", "aggression", "interference",
}  # fmt: skip
_COMMENT_OPENERS = {
    "a", "an", "one", "some", "most", "many", "including", "which", "who", "whom", "whose", "its", "their",
}  # fmt: skip
_OBJECT_DEPS = {"dobj", "pobj", "nsubjpass", "attr", "oprd"}
_OWNER_PREPS = {"of", "by", "from"}
_KIND_RANK = {"group": 0, "org": 0, "person": 1, "role": 2, "country": 3}


def noun_phrase(tok: Token) -> list[Token]:
    """The core noun phrase headed by `tok`: modifiers on the left, "of"-phrases and bracketed
    abbreviations on the right, but not relative clauses or coordinated phrases. It is what gets
    resolved against the KB ("the missiles fired by the Israeli military" resolves by its head)."""
    keep = {tok.i}
    for child in tok.children:
        dep = child.dep_
        if dep in _DROP_DEPS and not (dep == "appos" and _bracketed(child)):
            continue
        if dep == "prep" and child.lower_ != "of":
            continue
        keep.update(_subtree_range(child))
    for t in tok.subtree:  # "thousands of protesters who had gathered ...": not the nested clause either
        if t.dep_ == "relcl" and t.i in keep:
            keep.difference_update(_subtree_range(t))
    return _contiguous(tok, keep)


def _charge_phrase(tok: Token, prep: Token) -> bool:
    """An "of"-phrase the parser hung on an actor that names a deed ("the rebels of looting the town",
    "the army of mass killings"), which comes from "accuse X of ..." rather than from the name."""
    if prep.lower_ != "of":
        return False
    deed = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if deed is None or deed.text[:1].isupper():
        return False  # "the Federal Bureau of Investigation": part of a name
    gerund = deed if deed.tag_ == "VBG" else prep.doc[prep.i + 1]  # "of looting shops": read as an adjective
    if gerund.tag_ == "VBG" and load_lexicon().verb(gerund.lemma_.lower()) is not None:
        return True  # not "the families of missing soldiers"
    named = tok.pos_ == "PROPN" or tok.lemma_.lower() in PEOPLE_NOUNS | STATE_ROLE_NOUNS
    deed_word = deed.lemma_.lower()
    return named and (deed_word in CHARGED_DEEDS or load_lexicon().noun(deed_word) is not None)


def _manner(prep: Token) -> bool:
    """An "in"-phrase of motive or manner rather than of place ("in retaliation", "in response to")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() in MANNER_NOUNS


def _title_scope(title: Token, prep: Token) -> bool:
    """ "the ambassador to the UN", "a spokesman for the Taliban", "the minister for foreign affairs": the
    phrase saying whom or what an office serves is part of the title."""
    return prep.lower_ in {"to", "for"} and title.lemma_.lower() in TITLE_NOUNS


def full_phrase(tok: Token) -> list[Token]:
    """The whole mention as an annotator marks it: the core phrase plus appositions ("Ali, a ministry
    spokesman"), place and source phrases ("the police in Gaza", "a request from the UN", "an attack by
    the group") and restrictive participle clauses ("missiles fired by the army", "families living in the
    camps"). Coordinated actors are not: each conjunct is a party of its own ("Russia and China will ask
    ...", "urged Tehran and Damascus to ..."), the head names this one, and the event lists the others
    (`co_sources`, `co_targets`). The core phrase names the actor; `mention_extent` of this phrase is its
    span."""
    keep = {tok.i}
    children = list(tok.children)
    for child in children:
        dep = child.dep_
        if dep in {"punct", "advcl"} or (dep in {"npadvmod", "nmod"} and child.lower_ in TIME_WORDS):
            continue  # not "the raids last Friday"
        if child.lower_ in {"earlier", "later", "ago"} and child.i < tok.i:
            continue  # "Hours earlier Maduro expelled ...": a time adverb misread as a modifier
        if (
            dep == "det"
            and child.lower_ in {"both", "either", "neither"}
            and any(c.dep_ == "conj" for c in children)
        ):
            continue  # "both India and Pakistan": each conjunct is a party of its own
        outside = child.lower_ not in _NP_PREPS and not _title_scope(tok, child)
        if dep == "prep" and (outside or any(g.lower_ in TIME_WORDS for g in child.subtree)):
            continue
        if dep == "prep" and _charge_phrase(tok, child):
            continue  # "accused the rebels of looting the town": the charge, not part of who
        if dep == "relcl" or (dep == "acl" and (child.tag_ not in {"VBN", "VBG"} or _after_comma(child))):
            continue
        if dep == "acl" and child.lemma_.lower() in _trigger_verbs():
            continue  # "the fighters fired at ...": the clause is the event itself, not the name
        if dep == "acl" and child.tag_ == "VBN" and any(c.dep_ == "dobj" for c in child.children):
            continue  # "the air force carried out three strikes": a main verb misread as a participle
        if dep == "prep" and child.lower_ == "in" and _manner(child):
            continue  # "the gunmen in reaction", "the army in retaliation": why, not who
        if dep in {"cc", "conj", "preconj"}:
            continue  # "Russia and China will ask ...", "urged Tehran and Damascus": a party each
        keep.update(_subtree_range(child))
    deed = next((k for k in sorted(keep) if k > tok.i and _nested_deed(tok.doc[k])), None)
    if deed is not None:  # "buses from two towns killing 25 people": the killing is no part of who
        keep = {k for k in keep if k < deed}
    last = max(keep)
    keep.update(t.i for t in children if t.dep_ == "punct" and t.i < last)  # "Ali, a spokesman", "(AI)"
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "to" and prep.i > 0 and tok.doc[prep.i - 1].lower_ == "up":
        keep.update((prep.i - 1, prep.i))  # "up to 16 advisers" misread as a particle and a preposition
    return _contiguous(tok, keep)


# roles held by one person at a time in a mention ("a spokesman", "the commander", "the minister")
_OFFICE_ROLES = {
    "role.spokesperson", "role.head_of_state", "role.minister", "role.military_rank", "role.diplomat",
    "role.local_gov",
}  # fmt: skip
_GROUP_PARTS = {"member", "members", "unit", "units"}
_SAYING = {"say", "tell", "add", "report", "state", "explain", "note"}
_DOER_WINDOW = 300  # characters: how far before the nearest mention a subject may still be the one meant
_QUANTITY_NOUNS = {
    "number", "series", "barrage", "volley", "salvo", "wave", "hail", "spate", "string", "couple",
    "handful", "dozen", "dozens", "score", "scores", "tens", "hundreds", "thousands",
}  # fmt: skip


def _in_relative_clause(tok: Token, lo: int, hi: int) -> bool:
    """Is the word inside a relative clause nested in the phrase lo..hi ("protesters who had gathered
    to denounce leaving the EU")? What such a clause names is not who the phrase is."""
    cur = tok
    while lo <= cur.i < hi and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return True
        cur = cur.head
    return False


def _capitalised_weapon(head: Token) -> bool:
    """ "Rockets were fired ...", "Mortars hit ...": a plural weapon noun opening a sentence, which the
    tagger reads as a name (its lemma then keeps the plural)."""
    return head.tag_ == "NNPS" and head.is_sent_start and head.lower_.removesuffix("s") in WEAPON_NOUNS


def _counted(head: Token) -> Token | None:
    """What a quantity word counts ("a number of shells", "dozens of gunmen"): the object of its "of"."""
    if head.lemma_.lower() not in _QUANTITY_NOUNS and head.lower_ not in _QUANTITY_NOUNS:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _nested_deed(tok: Token) -> bool:
    """A trigger participle hung deep inside a phrase ("a convoy from two towns killing 25"): the parser
    attaches the story's act to the nearest noun."""
    finite = tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in tok.children)  # a misread main verb
    return tok.dep_ == "acl" and (tok.tag_ == "VBG" or finite) and tok.lemma_.lower() in _trigger_verbs()


def _subtree_range(tok: Token) -> range:
    """The token indices of `tok`'s subtree: the parser's trees are projective, so its subtree is the
    run from its left edge to its right edge (cheaper than walking it token by token)."""
    return range(tok.left_edge.i, tok.right_edge.i + 1)


def mention_extent(whole: list[Token], head: Token) -> list[Token]:
    """The tokens of a mention's span: the whole phrase without what a comma after its head adds as a
    mere description ("Pakistan, a key US ally", "the mayor, who was detained", "refugees, some of whom").
    Such a comment is not part of the name, as event annotators mark it, though it still helps resolve the
    actor; an apposition that names or identifies ("Kofi Annan, the UN secretary-general", "the agency,
    UNHCR") stays. A comma between digits ("2,000" split by a tokenizer) is no break."""
    for k, t in enumerate(whole):
        if t.i > head.i and t.text == "," and not _between_digits(whole, k) and _comment_after(whole, k):
            return whole[:k]
        if t.i > head.i and _time_phrase(t):
            # "a school sheltering families in Deir al-Balah on Saturday", "... last month": not the date
            return [w for w in whole[:k] if w.i < t.left_edge.i]
    return whole


def _time_phrase(t: Token) -> bool:
    """A preposition of time ("on Saturday", "in March") or a bare time noun ("Saturday")."""
    if t.dep_ == "prep":
        return any(c.dep_ == "pobj" and c.lower_ in TIME_WORDS for c in t.children)
    return t.dep_ in {"npadvmod", "nmod"} and t.lower_ in TIME_WORDS


def _comment_after(tokens: list[Token], k: int) -> bool:
    """Does the comma at `k` open a description (indefinite, relative or participle) or nothing at all?"""
    if k + 1 >= len(tokens):
        return True
    nxt = tokens[k + 1]
    return nxt.lower_ in _COMMENT_OPENERS or nxt.tag_ in {"WP", "WDT", "WRB", "WP$", "VBG", "VBN"}


def _between_digits(tokens: list[Token], k: int) -> bool:
    return 0 < k < len(tokens) - 1 and tokens[k - 1].is_digit and tokens[k + 1].is_digit


def _after_comma(tok: Token) -> bool:
    """A non-restrictive clause (", which runs the prisons") is comment, not part of the name."""
    first = min(tok.subtree, key=lambda t: t.i)
    return first.i > 0 and tok.doc[first.i - 1].text == ","


def _contiguous(tok: Token, idx: set[int]) -> list[Token]:
    """The contiguous run of the token indices `idx` around the head, without leading punctuation or
    conjunctions and with a closing bracket when its opening one is inside."""
    lo, hi = tok.i, tok.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = tok.doc
    while lo < hi and (doc[lo].dep_ in {"punct", "cc"} or doc[lo].lower_ in {"'s", "’s"}):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc") and doc[hi].text != ")":
        hi -= 1
    tokens = list(doc[lo : hi + 1])
    opened = sum(t.text == "(" for t in tokens) - sum(t.text == ")" for t in tokens)
    if opened > 0 and hi + 1 < len(doc) and doc[hi + 1].text == ")":
        tokens.append(doc[hi + 1])
    return tokens


@lru_cache(maxsize=1)
def _trigger_verbs() -> frozenset[str]:
    """Lemmas of verb and phrasal-verb triggers ("called on X" is no part of "a newspaper")."""
    lex = load_lexicon()
    return frozenset(lex.verbs) | frozenset(lex.phrasal)


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


_NONSTATE_WORDS = {
    "group", "militants", "militia", "rebels", "jihadists", "insurgents", "faction", "islamist", "jihadist",
    "insurgent", "rebel", "militant", "gang", "gangs", "cartel", "extremist", "factions", "militias",
}  # fmt: skip
_STATE_WORDS = {"army", "troops", "soldiers", "government", "regime", "authorities", "military", "police"}
NONSTATE_SECTORS = frozenset({"REB", "INS", "MILITIA", "CRM", "UAF", "PMC"})


def _described_sectors(tokens: list[Token]) -> frozenset[str]:
    """The side a definite description names: "the Islamist group" a non-state armed group, "the army" the
    state; none for words that fit both ("the fighters", "the forces")."""
    words = {t.lower_ for t in tokens}
    if words & _NONSTATE_WORDS:
        return NONSTATE_SECTORS
    if tokens and tokens[-1].lower_ in _STATE_WORDS:
        return STATE_SECTORS
    return frozenset()


def _speaker_only(subject: Token) -> bool:
    """Who says something is the source of a report, not a doer a later "they" continues; unless the
    parser hung the reported act on it ("Fighters killed 12 herders ..., a commander said")."""
    return subject.head.lemma_.lower() in _SAYING and not any(
        c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"} for c in subject.children
    )


def _own_subject(mention: Token) -> Token | None:
    """For an object pronoun or description, the subject of its own clause or of the clause that controls
    it ("police fired tear gas to disperse them"): never what the pronoun refers to (that would be
    "themselves"), nor what the description does ("troops attacked the group")."""
    if mention.dep_ not in {"dobj", "pobj"}:
        return None
    if mention.dep_ == "pobj" and mention.head.head.pos_ not in {"VERB", "AUX"}:
        return None  # "lifted the restrictions between it and Israel": within a noun phrase, the subject
    for verb in mention.ancestors:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            return verb.head  # "militants who opened fire on them": "who" is the militants
        if subj is not None:
            return subj
        if verb.dep_ not in {"xcomp", "advcl", "prep", "pobj", "dobj", "conj", "pcomp"}:
            return None  # a clause of its own with no subject: nothing local to rule out
    return None


def _parallel_object(pronoun: Token) -> Token | None:
    """The object of the verb an object pronoun's verb is coordinated with ("called X and urged him")."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.dep_ != "conj":
        return None
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} and c.i < pronoun.i
        ),
        None,
    )


def _bare_name(actor: Actor) -> str:
    """The mention's words as a KB name reads them ("the Gambia" -> "gambia")."""
    return actor.text.lower().removeprefix("the ")


_BLAMING = {"blame", "accuse", "condemn", "denounce"}


def _plural_phrase(text: str) -> bool:
    """ "25 people", "Survivors", "migrants": a phrase naming several (its last word plural)."""
    last = text.split()[-1].lower() if text.split() else ""
    return last in {"people", "children", "men", "women"} or (last.endswith("s") and not last.endswith("ss"))


def _accused(tok: Token) -> bool:
    """The object of a blaming verb (the parse is there once the sentence is parsed)."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _BLAMING


def _bare_role(actor: Actor) -> bool:
    """A role word with no entry of its own ("the regime", "security forces", "the president"), or a
    community without a country ("Kurds", "Christians")."""
    return actor.kb_id is None or actor.kb_id.startswith(("role.", "c."))


def _elsewhere(m: ActorMatch, after: ActorMatch | None, doc: Doc) -> bool:
    """A mention that says little about which country a story is about: the other party of an act
    ("sanctions on Iraq"), a dateline ("BEIRUT (AFP) -"), someone else's stance ("anti-Syria") or an armed
    force or ally named by its country, which often acts far from home ("Russian warplanes", "Israeli
    troops", "the US military", "US-led strikes", "its Iranian allies")."""
    before = [t.lower_ for t in doc[max(0, m.start - 2) : m.start]]
    if before[-1:] == ["the"]:
        before = before[:-1]
    if before and before[-1] in _COUNTERPART_PREPS:
        return True
    if m.via == "capital" and m.start == 0 and m.end < len(doc) and doc[m.end].text in _DATELINE_NEXT:
        return True
    if m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in {"anti", "pro"}:
        return True  # "an anti-Syria journalist", "pro-Iranian militias": someone else's stance
    if m.entry.kind != "country":
        return m.entry.sector == "MIL"
    if after is not None and after.start == m.end and after.entry.sector == "MIL":
        return True
    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in {"led", "backed"}:
        return True  # "US-led strikes", "Iran-backed militias"
    return m.end < len(doc) and doc[m.end].lower_ in {"allies", "ally", "backers", "backer", "partners"}


def _first_prep(head: Token) -> str:
    """The preposition of the first phrase after a noun ("the blast in Homs" -> "in"), or ""."""
    return next((c.lower_ for c in head.children if c.dep_ == "prep" and c.i > head.i), "")


_OWNING_VERBS = {"belong", "own", "operate", "fly", "pilot", "fire", "launch", "drop"}


def _owner_named(head: Token) -> Token | None:
    """Whose machine or weapon a phrase says it is: "belonging to X", "owned / flown / fired by X"."""
    for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _OWNING_VERBS):
        for prep in (c for c in acl.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"to", "by"}):
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if owner is not None:
                return owner
    return None


def _arm_of_service(m: ActorMatch) -> bool:
    """A role matched on a word for weapons or the arm that fires them ("artillery", "tank", "drone"),
    which says what was fired, not whose it was (unlike "rebel fire" or "regime barrel bombs")."""
    return m.entry.kb_id == _HARDWARE or m.text.lower() in {"artillery", "infantry", "navy"}


def _blamed_acts_above(pronoun: Token) -> bool:
    """ "They" in a clause under a condemning verb whose object is acts ("condemned the raids and said
    they violated a truce"): the acts, not the condemner nor anyone else."""
    for verb in pronoun.ancestors:
        if verb.lemma_.lower() in _BLAMING:
            acts = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "NNS"]
            return any(load_lexicon().noun(c.lemma_.lower()) for c in acts)
    return False


def _state_word(tokens: list[Token]) -> bool:
    """The phrase names whose weapon it is by a state role word ("regime barrel bombs", "army shells")."""
    return any(t.lemma_.lower() in STATE_ROLE_NOUNS for t in tokens)


def _country_before_place(head: Token, best: ActorMatch | None) -> bool:
    """A country name (possessive or not) right before a proper-noun head that no KB name covers:
    "Syria's Homs", "Syrias Homs" in a scraped headline; the caller checks the geoparser found a place
    of that country there (not in "Malaysia Airlines", nor Georgia's Fitzgerald in "Frances Fitzgerald")."""
    return (
        best is not None
        and best.entry.kind == "country"
        and best.via != "demonym"  # "Iraqi Kurdistan": the region's government may act
        and best.end == head.i
        and head.pos_ == "PROPN"
        and head.ent_type_ not in {"PERSON", "ORG", "NORP"}
    )


def _placed(head: Token) -> bool:
    """An act noun followed by where it happened ("the blast in Homs", "mortar fire near Damascus")."""
    return _first_prep(head) in {"in", "at", "near", "outside", "inside", "across", "around"}


def _harm_done_to(head: Token) -> bool:
    """An attack noun (or gerund) whose first complement names what was hit ("the bombing of a convoy",
    "shelling on rebel towns", "attacks against police"): the names there are its targets."""
    word = head.lower_ if head.tag_ == "VBG" else head.lemma_.lower()
    sense = load_lexicon().noun(word) if head.pos_ in {"NOUN", "VERB"} else None
    return (
        sense is not None and sense.event_type == "ASSAULT" and _first_prep(head) in {"of", "on", "against"}
    )


def _hardware_owner_of(m: ActorMatch, story_country: str | None) -> str | None:
    """The KB id a word before "air strikes" or "warplanes" attributes them to: a named actor, a country by
    its demonym or abbreviation ("Russian", "US"; a bare country name there is more often a list or a tag
    line), or the story's own state for "government" and "regime"."""
    entry = m.entry
    if entry.kind == "role":
        return story_country if entry.sector in {"GOV", "MIL"} and not entry.inherit else None
    if entry.kind != "country" and entry.sector not in {"MIL", "GOV"}:
        return None  # "IS and coalition jets", "UN airstrikes report": only states and their forces fly
    if entry.kind == "country" and m.via not in {"demonym", "acronym"}:
        return None
    return entry.kb_id


def _path_to(tok: Token, whole: list[Token]) -> list[Token]:
    """`tok` and its ancestors inside the mention `whole` (below the mention's head)."""
    inside = {t.i for t in whole}
    path = [tok]
    while path[-1].head.i != path[-1].i and path[-1].head.i in inside:
        path.append(path[-1].head)
    return path[:-1] if len(path) > 1 else path


def _names_owner(m: ActorMatch, head: Token) -> bool:
    """Does the KB match stand for who owns or made the act `head` names: its possessor, a modifier
    ("a US offer") or the name in its "of"/"by"/"from" phrase?"""
    tok = head.doc[m.end - 1]
    while (
        tok.head.i != head.i
        and tok.head.i != tok.i
        and tok.dep_ in {"compound", "amod", "pobj", "prep", "poss"}
    ):
        tok = tok.head
    if tok.head.i != head.i:
        return False
    return tok.dep_ in {"poss", "amod", "compound", "nmod"} or (
        tok.dep_ == "prep" and tok.lower_ in _OWNER_PREPS
    )


def _bracketed(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == "("


class StoryActors:
    """Resolves actor phrases of one story, remembering earlier mentions for coreference."""

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb
        self.matches: dict[int, list[ActorMatch]] = {}  # sentence index -> KB matches
        self._docs: dict[int, Doc] = {}  # sentence index -> its Doc
        self.seen: list[tuple[int, Actor, bool]] = []  # (article offset, actor, is_person)
        self._story_country: str | None = None  # computed on first use, after every sentence is scanned
        self._hardware_owner: Actor | None | bool = False  # False: not computed yet
        self._elsewhere: set[tuple[int, int]] = set()  # (sentence, token) saying nothing of the story's place
        self.place_countries: Counter[str] = Counter()  # countries (alpha-3) of the story's towns and regions
        self.place_starts: dict[int, str] = {}  # where the story's toponyms start -> their country (alpha-3)
        self.subjects: set[int] = set()  # where the mentions that were a clause's subject start
        self.speakers: set[int] = set()  # ... and those that were the subject of a speech verb

    def scan(self, sentence: Sentence) -> list[ActorMatch]:
        """KB matches of one sentence (tokenized or parsed docs share token indices)."""
        found = self.kb.match(sentence.doc)
        self.matches[sentence.index] = found
        doc = sentence.doc
        self._docs[sentence.index] = doc
        starts = {m.start: m for m in found}
        self._elsewhere |= {(sentence.index, m.start) for m in found if _elsewhere(m, starts.get(m.end), doc)}
        return found

    def kb_actors(self, sentence: Sentence) -> list[Actor]:
        """Every KB actor mentioned in a sentence, as Actor records with article spans."""
        actors = []
        for m in self.matches.get(sentence.index, []):
            doc = sentence.doc
            start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
            actors.append(self._from_entry(m, sentence.span(start, end), doc[m.start : m.end].text))
            root = doc[m.start : m.end].root if sentence.parsed else None
            subject = root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAYING
            # "..., the International Organization for Migration said on Saturday", however parsed
            if subject or (m.end < len(doc) and doc[m.end].lower_ in {"said", "says", "told"}):
                self.speakers.add(actors[-1].span[0])
        return actors

    def _from_entry(self, match: ActorMatch, span: tuple[int, int], text: str) -> Actor:
        e = match.entry
        return Actor(text=text, span=span, name=e.name, country=e.country, sector=e.sector, kb_id=e.kb_id)

    def resolve(self, sentence: Sentence, head: Token) -> Actor | None:
        """The actor a noun phrase (given by its head token) refers to, or None if it is no actor."""
        tokens = noun_phrase(head)
        doc = sentence.doc
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        core_text = sentence.text[start:end]  # the Doc's own text (Doc.text rebuilds it token by token)
        whole = full_phrase(head)
        shown = mention_extent(whole, head)
        w_start, w_end = shown[0].idx, shown[-1].idx + len(shown[-1])
        text = sentence.text[w_start:w_end]
        span = sentence.span(w_start, w_end)
        lower = head.lower_
        if lower in TIME_WORDS or state_of_condition(head) or _capitalised_weapon(head):
            return None  # "attacked on Tuesday", "lifted a state of emergency": no actor in that slot
        if head.lemma_.lower() in SITUATION_NOUNS and head.dep_ in {"nsubj", "pobj"}:
            return None  # "the war in Yemen has killed 10,000": a situation, not who did the killing
        counted = _counted(head)
        if counted is not None and self.resolve(sentence, counted) is None:
            return None  # "a number of shells that hit ...", "a barrage of rockets": what was counted
        if head.pos_ == "PRON" or (
            _definite_description(tokens)
            and not self._inside_match(sentence, tokens)
            and self._opening_match(sentence, head) is None
        ):
            if head.pos_ == "PRON" and lower in {"who", "which"} and head.dep_ in {"nsubj", "nsubjpass"}:
                # "the Darfur Bar Association, which accused ...": the noun the clause describes
                verb = head.head
                if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                    return self.resolve(sentence, verb.head)
            if head.pos_ == "PRON" and lower not in PERSON_PRONOUNS | GROUP_PRONOUNS:
                return None
            person = lower in PERSON_PRONOUNS | PERSON_NOUNS
            if lower == "it" and self._thing_above(sentence, head):
                return None  # "the convoy was travelling ... when it was attacked": the convoy, no actor
            if lower in {"they", "them"} and _blamed_acts_above(head):
                return None  # "condemned the raids and said they violated a truce": the raids, no one named
            local = self._clause_subject(sentence, head, person)
            if lower == "it" and head.dep_ == "nsubj" and head.head.lemma_.lower() in _SAYING:
                # "The coast guard rescued 25 people, it said" after "the IOM said": the one speaking
                spoke = self._last_speaker(span[0])
                if spoke is not None:
                    local = spoke.model_copy(update={"text": text, "span": span, "confidence": 0.6})
            described = _described_sectors(tokens) if head.pos_ != "PRON" else frozenset()
            if local is not None and described and local.sector not in described:
                local = None  # "the ELN ... accused the army": the army is not the ELN
            if local is not None and head.pos_ == "PRON" and head.dep_ in {"nsubj", "nsubjpass"}:
                return local  # "the NAF says it killed ...": the name in the same sentence is the mention
            own = _own_subject(head)
            skip = sentence.span(own.left_edge.idx, own.right_edge.idx + len(own.right_edge)) if own else None
            parallel = _parallel_object(head) if own is not None and local is None else None
            if parallel is not None:  # "called Erdogan on Wednesday and urged him to ...": Erdogan
                local = self.resolve(sentence, parallel)
            plural = lower in {"they", "them", "their", "theirs"}
            if local is None and len(tokens) == 2 and head.pos_ == "NOUN":
                local = self._named_with_head(lower, span[0])  # "the factions": "Turkey-backed factions"
                if local is not None and described and local.sector not in described:
                    local = None  # "the army" is not "the National Liberation Army"
            neuter = lower in {"it", "its"}
            antecedent = local or self.antecedent(
                span[0], person, _described_sectors(tokens), skip, plural, neuter=neuter
            )
            if local is None and antecedent is not None and own is not None and own.pos_ == "PRON":
                doer = self._clause_subject(sentence, own, own.lower_ in PERSON_PRONOUNS)
                if doer is not None and doer.kb_id is not None and doer.kb_id == antecedent.kb_id:
                    return None  # "the ELN said it had detained them": "it" is the ELN, "them" someone else
            if local is None and plural and head.dep_ == "nsubj" and antecedent is not None:
                # "Fighters overran an army base ... 'They attacked from three sides'": a plural subject
                # continues the last plural doer, not the place or people it acted on
                antecedent = self._recent_doer(span[0], antecedent) or antecedent
            if antecedent is not None:
                actor = antecedent.model_copy(update={"text": text, "span": span, "confidence": 0.6})
                self.remember(actor, person=lower in PERSON_PRONOUNS | PERSON_NOUNS)
                return actor
            if head.pos_ == "PRON":
                return None
        resolved = _kb_resolve(self.kb, core_text)
        best = self._best_match(sentence, tokens) or self._best_match(sentence, whole)
        opening = None if best is not None else self._opening_match(sentence, head)
        if opening is not None:  # "The Group for the Support of Islam and Muslims": the whole name
            best = opening
            w_end = max(w_end, opening.end_char)
            text, span = sentence.text[w_start:w_end], sentence.span(w_start, w_end)
        if head.dep_ in _MODIFIER_DEPS:
            around = self._match_around(sentence, head)
            if around is not None:  # "Syrian regime barrel bombs": the modifier is part of a longer name
                best, resolved = around, self._from_entry(around, span, text)
                whole = list(doc[around.start : around.end])
                span = sentence.span(whole[0].idx, whole[-1].idx + len(whole[-1]))
                text = sentence.text[whole[0].idx : whole[-1].idx + len(whole[-1])]
        if best is not None and not (resolved.kb_id or resolved.country):
            sector = resolved.sector if best.entry.kind == "role" else None  # all the phrase's role words
            best = self._body_of_part(sentence, best, whole, sector)
            resolved = self._from_entry(best, span, text)
            resolved = resolved.model_copy(update={"sector": sector or resolved.sector})
        if head.pos_ == "NOUN" and load_lexicon().noun(head.lemma_.lower()) and not resolved.kb_id:
            if not (head.dep_ in _OBJECT_DEPS and best is not None and _names_owner(best, head)):
                return None  # "the bomb blast killed six": an act, not an actor
            # "rejected an offer from Kabul", "rejected North Korea's demand": a proposal acted upon is
            # named by the one who made it, and the whole phrase is the mention
        weapon = head.lemma_.lower() in WEAPON_NOUNS
        if (
            weapon
            and best is not None
            and _arm_of_service(best)
            and not resolved.country
            and not _state_word(tokens)
        ):
            return None  # "artillery shells slammed into", "tank rounds": what hit, not who fired
        in_country = (
            best is not None and self.place_starts.get(sentence.start + head.idx) == best.entry.country
        )
        if in_country and _country_before_place(head, best):
            return None  # "Syrias Homs", "Iraq's Mosul": a city named with its country, not an actor
        act = load_lexicon().noun(head.lemma_.lower()) or weapon
        if act and best is not None and best.via == "capital" and best.end <= head.i:
            return None  # "a Damascus car bomb", "the Kabul bombing": the city is where, not who
        if head.pos_ == "NOUN" and act and _placed(head) and not self._named_before(sentence, tokens, head):
            return None  # "a car bomb in the Syrian city of Qamishli": where it was, not who did it
        if _harm_done_to(head) and not self._named_before(sentence, tokens, head):
            return None  # "Bombing of a Syrian bus convoy", "the shelling of rebel towns": who was hit
        named = resolved.kb_id or resolved.country or (head.pos_ == "NOUN" and resolved.sector)
        if head.dep_ in _MODIFIER_DEPS and (not named or (best is not None and best.via == "capital")):
            return None  # "Fresh fighting", "the Damascus bombing": a modifier that names no actor
        if not (resolved.kb_id or resolved.country or resolved.sector):
            surname = self._link_name(tokens)
            if surname is not None:
                resolved = surname
            elif head.lemma_.lower() in PEOPLE_NOUNS:
                resolved = Actor(text=text, span=span, name=core_text, sector="CVL")
            elif head.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"} and not any(
                t.pos_ == "PROPN" or acronym(t) for t in tokens
            ):
                return None
        if not resolved.country and len(whole) > len(tokens):
            resolved = self._country_from_context(sentence, whole, tokens, resolved)
        if (resolved.kb_id or "").startswith("role.") and len(tokens) == 2 and tokens[0].lower_ == "the":
            named = self._named_with_head(lower, span[0])
            described = _described_sectors(tokens)
            if named is not None and described and named.sector not in described:
                named = None  # "the army" after "the National Liberation Army": the state's army
            if named is not None:  # "the settlers" after "Israeli settlers": those settlers
                resolved = named.model_copy(update={"confidence": 0.6})
        if (resolved.kb_id or "").startswith("role.") and resolved.sector in ARMED_SECTORS:
            group = self._possessor(sentence, whole)
            if group is not None:  # "IS said one of its fighters blew himself up": that group's fighter
                resolved = group.model_copy(update={"sector": resolved.sector, "confidence": 0.6})
        owner_word = _owner_named(head) if resolved.kb_id == _HARDWARE else None
        owner = self.resolve(sentence, owner_word) if owner_word is not None else None
        if owner is not None and (owner.kb_id or owner.country):
            # "a helicopter belonging to the regime", "drones operated by the army": the owner's
            resolved = owner.model_copy(update={"text": text, "span": span, "confidence": 0.6})
        if resolved.kb_id == _HARDWARE and not resolved.country and _DEFENCES.search(text):
            # "air defences shot down 23 drones": the defending side's, never the side whose aircraft
            # the story names (the attacker); the story's own country when it is another
            country, attacker = self.story_country(), self.hardware_owner()
            if country is not None and (attacker is None or attacker.country != country):
                resolved = resolved.model_copy(update={"country": country, "confidence": 0.5})
        elif resolved.kb_id == _HARDWARE and not resolved.country:
            owner = self.hardware_owner()
            if owner is not None:  # "the air strikes" in a story that says whose warplanes they were
                resolved = owner.model_copy(update={"sector": "MIL", "confidence": 0.5})
        elif not resolved.country and resolved.sector in _LOCAL_SECTORS and _bare_role(resolved):
            country = self.story_country()
            if country is not None:  # "the regime", "rebels", "residents" in a story about one country
                resolved = resolved.model_copy(update={"country": country, "confidence": 0.5})
        if resolved.kb_id == "role.military_rank" and lower in {"officer", "officers"} and len(tokens) <= 2:
            police = next((a for _, a, _ in self.seen if a.sector == "COP"), None)
            if police is not None:  # "Police said officers had been deployed": police officers
                resolved = resolved.model_copy(
                    update={"kb_id": "role.police", "name": "police", "sector": "COP"}
                )
        actor = resolved.model_copy(update={"text": text, "span": span})
        if head.dep_ == "nsubj" and not _speaker_only(head):
            self.subjects.add(span[0])
        elif head.dep_ == "nsubj":
            self.speakers.add(span[0])
        self.remember(
            actor, person=head.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in tokens)
        )
        return actor

    def _country_from_context(
        self, sentence: Sentence, whole: list[Token], core: list[Token], resolved: Actor
    ) -> Actor:
        """ "the police in Dhaka", "a spokesman for the Kenyan army": a role without a country takes the
        country named in the rest of its mention."""
        core_idx = {t.i for t in core}
        lo, hi = whole[0].i, whole[-1].i + 1
        doc = sentence.doc
        for m in self.matches.get(sentence.index, []):
            if not (m.start >= lo and m.end <= hi and m.start not in core_idx and m.entry.country):
                continue
            path = _path_to(doc[m.start], whole)
            if any(t.dep_ == "conj" for t in path):
                continue  # "the government and its Russian allies": another actor, not a qualifier
            agent = any(t.dep_ == "pobj" and t.head.lower_ == "by" for t in path)
            if resolved.kb_id == _HARDWARE and not agent:
                continue  # "air strikes in Syria": where the planes struck, not whose they are
            if agent and resolved.kb_id == _HARDWARE and m.entry.kind != "role":
                # "airstrikes carried out by the US-led coalition": the planes' owner is the actor
                e = m.entry
                return resolved.model_copy(
                    update={"name": e.name, "country": e.country, "kb_id": e.kb_id, "confidence": 0.7}
                )
            if agent:
                continue  # "soldiers killed by Hamas": the agent is not the soldiers' country
            served = any(t.dep_ == "pobj" and t.head.lower_ == "for" for t in path)
            # "a unit from Assad regime forces", "members of the Nusra Front": a part of a body is that body
            # ... and so are "fighters from the National Liberation Army": a bare armed role of a group
            fighters = resolved.sector in ARMED_SECTORS and m.entry.kind == "group"
            part = (self._inherits(resolved) or fighters) and any(
                t.dep_ == "pobj" and t.head.lower_ in {"of", "from"} for t in path
            )
            if (served or part) and m.entry.kind in {"group", "org"} and _bare_role(resolved):
                # "a spokesman for the Taliban" speaks as the Taliban
                e = m.entry
                return resolved.model_copy(
                    update={"name": e.name, "country": e.country, "kb_id": e.kb_id, "sector": e.sector}
                )
            if m.entry.kind == "country" or not resolved.sector or _bare_role(resolved):
                return resolved.model_copy(update={"country": m.entry.country})
        return resolved

    def names_a_country(self, actor: Actor) -> bool:
        """A mention that is a country's or its capital's name alone ("Kenya", "Nairobi"), not a demonym."""
        entry = self._country_of(actor)
        return entry is not None and _bare_name(actor) in {
            n.lower() for n in (entry.name, *entry.aliases, *entry.capitals)
        }

    def names_a_capital(self, actor: Actor) -> bool:
        """A mention that is a capital's name ("Tel Aviv", "New Delhi")."""
        entry = self._country_of(actor)
        return entry is not None and _bare_name(actor) in {n.lower() for n in entry.capitals}

    def _country_of(self, actor: Actor) -> ActorEntry | None:
        entry = self.kb.entry(actor.kb_id) if actor.kb_id else None
        return entry if entry is not None and entry.kind == "country" else None

    def _body_of_part(
        self, sentence: Sentence, best: ActorMatch, whole: list[Token], sector: str | None
    ) -> ActorMatch:
        """ "Members of the Gran Grif gang": a member of an armed body no KB names is that body's kind of
        actor (criminals), not a spokesman."""
        if best.text.lower() not in _GROUP_PARTS or sector not in ARMED_SECTORS | {"CRM", "COP"}:
            return best  # a commander or an official of a body is still a person
        lo, hi = whole[0].i, whole[-1].i + 1
        for m in self.matches.get(sentence.index, []):
            e = m.entry
            if lo <= m.start and m.end <= hi and e.kind == "role" and not e.inherit and e.sector == sector:
                return m
        return best

    def _inherits(self, actor: Actor) -> bool:
        """A role word that is only ever part of a body ("unit", "member", "official")."""
        entry = self.kb.entry(actor.kb_id) if actor.kb_id else None
        return entry is not None and entry.inherit

    def _possessor(self, sentence: Sentence, whole: list[Token]) -> Actor | None:
        """The named actor "its"/"their" in a phrase refers to ("its fighters", "one of their units"), when
        the clause above names one (not a role word)."""
        owner = next((t for t in whole if t.dep_ == "poss" and t.lower_ in {"its", "their"}), None)
        actor = self._clause_subject(sentence, owner, person=False) if owner is not None else None
        return actor if actor is not None and not (actor.kb_id or "role.").startswith("role.") else None

    def _clause_subject(self, sentence: Sentence, pronoun: Token, person: bool) -> Actor | None:
        """ "Ankara plans to lead its own assault": a possessive or object pronoun usually refers to the
        subject of a clause above it in the same sentence."""
        reported = pronoun.dep_ in {"nsubj", "nsubjpass"} and pronoun.head.dep_ in {"ccomp", "xcomp", "conj"}
        if (
            pronoun.dep_ not in {"poss", "dobj", "pobj"}
            and pronoun.lower_ not in {"it", "they"}
            and not reported
        ):
            return None
        own = _own_subject(pronoun)
        if own is not None and own.pos_ == "PRON" and own.lower_ != pronoun.lower_ and pronoun.pos_ == "PRON":
            return None  # "the ELN said it had detained them": "it" is the ELN, so "them" is someone else
        for verb in pronoun.ancestors:
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None or pronoun in list(subj.subtree) or subj.pos_ == "PRON" or subj.i > pronoun.i:
                continue
            if subj == own:
                return None  # "police fired tear gas to disperse them": not the police (the story says who)
            if person and subj.lower_ in GROUP_NOUNS and subj.pos_ != "PROPN":
                return None
            blamed = next(  # plural, or several: "accused both the army and the rebels ..., which they deny"
                (
                    c
                    for c in verb.children
                    if c.dep_ == "dobj"
                    and (c.tag_ in {"NNS", "NNPS"} or any(k.dep_ == "conj" for k in c.children))
                ),
                None,
            )
            if pronoun.lower_ in {"they", "them"} and blamed is not None and verb.lemma_.lower() in _BLAMING:
                found = self.resolve(sentence, blamed)  # "Pushilin blamed Ukrainian forces, saying they
                if found is not None:  # had fired": the ones blamed
                    return found
            actor = self.resolve(sentence, subj)
            if actor is not None and (actor.country or actor.kb_id or (reported and subj.pos_ == "PROPN")):
                return actor
            return None
        return None

    def _thing_above(self, sentence: Sentence, pronoun: Token) -> bool:
        """ "It" in a clause under one whose subject is a thing, not an actor ("the convoy was travelling
        ... when it was attacked")."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head.dep_ not in {"advcl", "conj"}:
            return False
        verb = pronoun.head.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return (
            subj is not None
            and subj.i < pronoun.i
            and subj.pos_ == "NOUN"
            and not subj.tag_.endswith("S")
            and self.resolve(sentence, subj) is None
        )

    def story_country(self) -> str | None:
        """The country the story is about: the one its KB mentions (countries and named actors) and the
        towns and regions it names (`place_countries`) name most often, the earliest on a tie; the press
        and countries named as the other party ("sanctions on Iraq") do not count. Unnamed local actors
        ("the regime", "rebels", "residents") belong to it unless their phrase says otherwise."""
        if self._story_country is None:
            counts: Counter[str] = Counter()  # "Syria", "Syrian", "Damascus", "the Syrian army"...
            for index in sorted(self.matches):
                for m in self.matches[index]:
                    country = m.entry.country
                    if not country or country in INTL_CODES or m.entry.kind == "role":
                        continue
                    if m.entry.sector == "JRN" or (index, m.start) in self._elsewhere:
                        continue  # the press ("AFP"), the other party ("on Iraq"), foreign forces
                    if _accused(self._docs[index][m.end - 1]):
                        continue  # "accusing neighbouring Ivory Coast of sheltering the plotters"
                    counts[country] += 1
            counts.update(self.place_countries)  # "the regime" in a story set in Aleppo that names the US
            best = counts.most_common(1)
            self._story_country = best[0][0] if best else ""
        return self._story_country or None

    def hardware_owner(self) -> Actor | None:
        """Whose aircraft the story's unattributed "air strikes" and "warplanes" are: the side it names
        with such words ("Russian warplanes", "regime air strikes", "coalition jets"), the most often
        named one (the earliest on a tie). None when the story never says: then they stay unattributed."""
        if self._hardware_owner is False:
            hardware = self.kb.entry(_HARDWARE)
            words = {a.lower().split()[-1] for a in (hardware.name, *hardware.aliases)} if hardware else set()
            owners: Counter[str] = Counter()
            for index in sorted(self.matches):
                owners.update(self._aircraft_owners(self.matches[index], self._docs[index], words))
            best = owners.most_common(1)
            entry = self.kb.entry(best[0][0]) if best else None
            self._hardware_owner = None
            if entry is not None:
                self._hardware_owner = Actor(
                    text=entry.name, name=entry.name, country=entry.country, sector="MIL", kb_id=entry.kb_id
                )
        return self._hardware_owner or None

    def _aircraft_owners(self, found: list[ActorMatch], doc: Doc, words: set[str]) -> list[str]:
        """KB ids one sentence names as owners of aircraft or strikes."""
        starts = {m.start: m for m in found}
        owners = []
        for m in found:
            text = m.text.lower()
            named = m.entry.kind not in {"role", "country"} and m.entry.sector in {"MIL", "GOV"}
            if named and (text.split()[-1] in words or text.endswith(("air force", "air forces"))):
                owners.append(m.entry.kb_id)  # named by its aircraft: "Syrian warplanes", "coalition jets"
                continue
            after = starts.get(m.end)
            if after is None and m.end + 1 < len(doc) and doc[m.end].lower_ in {"or", "and"}:
                after = starts.get(m.end + 1)  # "Syrian or Russian jets"
            if after is None or not (
                after.entry.kb_id == _HARDWARE or after.text.lower().split()[-1] in words
            ):
                continue
            owner = _hardware_owner_of(m, self.story_country())
            if owner is not None:  # "Russian" + "air raids", "government" + "aircraft"
                owners.append(owner)
        for tok in doc[:-2]:  # "an air strike by Myanmar's military", "air raids by the coalition"
            aerial = tok.lower_ in _AIR_ACTS or (
                tok.lower_ in _STRIKES and tok.i > 0 and doc[tok.i - 1].lower_ == "air"
            )
            if aerial and doc[tok.i + 1].lower_ == "by":
                by = starts.get(tok.i + 2) or starts.get(tok.i + 3)
                if by is not None and by.entry.kind != "role" and by.entry.sector in {"MIL", "GOV", None}:
                    owners.append(by.entry.kb_id)
        return owners

    def remember(self, actor: Actor, person: bool = False) -> None:
        if actor.span is not None:
            self.seen.append((actor.span[0], actor, person))

    def _named_with_head(self, head: str, before: int) -> Actor | None:
        """The nearest earlier named actor (a KB entry, not a role) whose mention ends in `head`."""
        found = None
        for offset, actor, _ in self.seen:
            if offset < before and not _bare_role(actor) and actor.text.lower().split()[-1:] == [head]:
                found = actor
        return found

    def antecedent(
        self,
        before: int,
        person: bool,
        sectors: frozenset[str] = frozenset(),
        skip: tuple[int, int] | None = None,
        plural: bool = False,
        neuter: bool = False,
    ) -> Actor | None:
        """The nearest earlier known actor of the right kind (a person for "he", a group for "they"); of
        the right side too when the description says which ("the Islamist group" is no army)."""
        best: tuple[int, Actor] | None = None
        fitting: tuple[tuple[bool, int], Actor] | None = None
        for offset, actor, is_person in self.seen:
            if skip is not None and actor.span is not None and skip[0] <= actor.span[0] < skip[1]:
                continue  # the subject of the pronoun's own clause
            if plural and self.names_a_country(actor):
                continue  # "they", "them": people ("the British"), not a country or its capital ("it")
            if plural and actor.kb_id in _OFFICE_ROLES and not actor.text.lower().endswith("s"):
                continue  # "they" is not "a military officer" or "the spokesman"
            if neuter and actor.sector == "CVL" and _plural_phrase(actor.text):
                continue  # "..., it said" is no "25 people" or "survivors"
            known = actor.country or (actor.kb_id and not actor.kb_id.startswith("role."))
            if offset < before and known and is_person == person:
                if best is None or offset > best[0]:
                    best = (offset, actor)
                named = bool(actor.kb_id) and not actor.kb_id.startswith("role.")
                rank = (named, offset)  # a named group before a later bare role ("gunmen")
                if actor.sector in sectors and (fitting is None or rank > fitting[0]):
                    fitting = (rank, actor)
        if sectors:
            return fitting[1] if fitting else None
        return best[1] if best else None

    def _last_speaker(self, before: int) -> Actor | None:
        """The last named group or institution that was the subject of a speech verb."""
        found = None
        for offset, actor, is_person in self.seen:
            if offset >= before or offset not in self.speakers or is_person or _plural_phrase(actor.text):
                continue
            if actor.kb_id is not None and not actor.kb_id.startswith(("role.", "p.")):
                found = actor  # a group or institution, not a person ("it", not "he")
        return found

    def _recent_doer(self, before: int, nearest: Actor) -> Actor | None:
        """The last group that was a clause's subject shortly before `nearest` or after it."""
        found = None
        for offset, actor, is_person in self.seen:
            if is_person or offset >= before or offset not in self.subjects or nearest.span is None:
                continue
            if offset >= nearest.span[0] - _DOER_WINDOW and not self.names_a_country(actor):
                known = actor.country or (actor.kb_id and not actor.kb_id.startswith("role."))
                if known and actor.kb_id not in _OFFICE_ROLES:
                    found = actor
        return found

    def _link_name(self, tokens: list[Token]) -> Actor | None:
        """A bare surname ("Davis") that completes an earlier full-name mention."""
        names = [t.text for t in tokens if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if not names:
            return None
        for _, actor, _ in reversed(self.seen):
            # the name closes the earlier mention ("... Navy Captain Jeff Davis"); a word inside it is
            # a modifier ("the head of the Sumy regional administration, Oleh Hryhorov"), not its name
            if names[-1] in actor.text.rstrip(".,").split()[-2:] and (actor.country or actor.kb_id):
                return actor
        return None

    def _match_around(self, sentence: Sentence, head: Token) -> ActorMatch | None:
        """The longest KB match that contains a pre-modifier and stays before the noun it modifies."""
        noun = head.head
        around = [
            m
            for m in self.matches.get(sentence.index, [])
            if m.start <= head.i < m.end and m.end <= noun.i and m.end - m.start > 1
        ]
        return max(around, key=lambda m: m.end - m.start, default=None)

    def _named_before(self, sentence: Sentence, tokens: list[Token], head: Token) -> bool:
        """A KB mention in the phrase up to its head ("a Syrian army bombardment", "regime air strikes")."""
        lo = tokens[0].i
        return any(m.start >= lo and m.start <= head.i for m in self.matches.get(sentence.index, []))

    def _opening_match(self, sentence: Sentence, head: Token) -> ActorMatch | None:
        """The KB name the head word opens ("The Group for the Support of Islam and Muslims")."""
        return next((m for m in self.matches.get(sentence.index, []) if m.start == head.i < m.end - 1), None)

    def _inside_match(self, sentence: Sentence, tokens: list[Token]) -> bool:
        return self._best_match(sentence, tokens) is not None

    def _best_match(self, sentence: Sentence, tokens: list[Token]) -> ActorMatch | None:
        lo, hi = tokens[0].i, tokens[-1].i + 1
        doc = sentence.doc
        inside = [
            m
            for m in self.matches.get(sentence.index, [])
            if m.start >= lo
            and m.end <= hi
            and not is_modifier(m, doc, lo)  # not "opposition coalition"
            and not _in_relative_clause(doc[m.start], lo, hi)
        ]
        if not inside:
            return None
        return min(inside, key=lambda m: (_KIND_RANK.get(m.entry.kind, 4), m.start))
