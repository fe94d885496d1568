"""Event triggers and their arguments, read off the dependency parse of one sentence.

A trigger is a verb or event noun from the lexicon. Its source actor is the grammatical agent
(active subject, passive "by"-phrase, possessor or actor-modifier of an event noun, or the subject
of the light verb that governs it: "Russia carried out airstrikes"); its target is the patient
(active object, passive subject, "on"/"against" phrase, the one asked or allowed to act: "urged Iran to
stop"), and, when no one else takes part, the named place the act happens in ("protested in Beijing"),
as CAMEO coders read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.events.lexicon import SITUATION_NOUNS, Lexicon, TriggerSense, load_lexicon, state_of_condition
from wirecoder.nlp import acronym
from wirecoder.when import TIME_WORDS

SPEECH_LEMMAS = {
    "say", "tell", "state", "announce", "claim", "confirm", "report", "add", "note", "insist", "explain",
    "write", "tweet", "declare", "stress", "acknowledge", "admit", "reveal", "suggest", "believe", "estimate",
    "indicate", "quote", "deny", "think", "argue", "assert", "maintain", "allege", "warn", "comment",
}  # fmt: skip
# verbs whose complement is the real event ("denied attacking", "threatened to strike" are handled as
# stance or folded into the governing event by the claims stage)
EMBEDDING_ONLY = {"deny"}
# handing back property or people to someone is a material concession (CAMEO 084, PLOVER RETREAT return)
GIVE_BACK_VERBS = {"return", "repatriate", "restitute"}
GIVE_BACK = TriggerSense("RETREAT", "return")
# holding people as human shields is an abduction (CAMEO 184, PLOVER ASSAULT abduct)
HUMAN_SHIELD = TriggerSense("ASSAULT", "abduct")
NOT_GIVEN_BACK = {"fire", "favour", "favor", "call", "calls", "serve", "verdict", "home"}
# verbs that are events only with a named place as object ("leaving Raqqa", not "leaving only the road")
PLACE_OBJECT_ONLY = {"leave"}
VERBAL_CONFLICT = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SANCTION"}
FOLD_COMPLEMENTS = {"THREATEN", "REQUEST", "REJECT", "ACCUSE"}
# where the recipient of each event type stands after its verb or noun, most likely first
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("on", "against", "at", "targeting"),
    "COERCE": ("on", "against", "from", "into"),
    "SANCTION": ("on", "against", "to", "with", "between", "for"),
    "CONSULT": ("with", "to", "between"),
    "AID": ("to", "for", "into"),
    "SUPPORT": ("for", "to", "with"),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with",),
    "CONCEDE": ("to", "on", "for", "against"),
    "REQUEST": ("on", "to", "from"),
    "THREATEN": ("to", "against", "on"),
    "ACCUSE": ("against", "to", "with", "into"),  # "lodged a protest with X", "an inquiry into X"
    "REJECT": (),
    "PROTEST": ("against", "outside"),
    "RETREAT": ("from", "to"),
    "MOBILIZE": ("against", "to", "near"),
}
_DEFAULT_PREPS = ("on", "against", "at", "with")
CURRENCY_NOUNS = {w.lower() for w in """
    dollar euro pound yen yuan renminbi rupee riyal rial dirham dinar franc krone kroner krona kronor ruble
    rouble shekel lira naira rand shilling peso real won""".split()}  # fmt: skip
# ISO codes written before an amount ("USD2 million")
CURRENCY_CODES = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR", "SAR", "AED"}
# verbal and policy acts whose thing acted upon may name the one aimed at ("rejected charges by X")
AIMED_AT_INSIDE = {"REQUEST", "REJECT", "ACCUSE", "SANCTION", "PROTEST", "THREATEN", "AGREE", "CONCEDE"}
# refusals and concessions are aimed at a proposal or demand, named with whoever made it: the whole phrase
# is the target mention ("rejected a fresh offer from X", "conceded to demands by Y", "rejected X's call")
ANSWERS = {"REJECT", "CONCEDE"}
# what is imposed on someone: lifting or keeping it answers no proposal of theirs ("its blockade of X")
RESTRICTION_TYPES = {"SANCTION", "COERCE", "ASSAULT"}
CHARGE_NOUNS = {"charge", "accusation", "allegation", "claim", "criticism", "report", "assertion"}
# restrictions and their lifting, aimed at the named place they apply to ("lifted the curfew in X")
PLACE_AIMED = {"CONCEDE", "COERCE", "THREATEN", "SANCTION"}
# recipient phrases of the act a control verb announces ("agreed to send aid to X", "offered talks with X")
COMPLEMENT_PREPS = ("to", "with", "for", "on", "against")
# event nouns whose "of"-phrase is the one acted upon ("the bombardment of the town", "the arrest of X")
NOUN_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("of",),
    "COERCE": ("of",),
    "RETREAT": (),
    "ACCUSE": ("of",),
    "REJECT": ("of",),
    "SANCTION": ("of",),
}
ACTOR_NOUNS = {
    "people", "person", "civilian", "suspect", "protester", "demonstrator", "worker", "student", "refugee",
    "migrant", "household", "villager", "resident", "family", "child", "woman", "man", "journalist",
    "activist", "farmer", "prisoner", "detainee", "hostage", "soldier", "troop", "force", "police",
    "officer", "militant", "rebel", "fighter", "insurgent", "government", "authority", "official",
    "minister", "president", "leader", "army", "militia", "group", "party", "country", "nation", "state",
    "counterpart", "delegation", "envoy", "ambassador", "diplomat", "opposition", "member", "community",
    "victim", "survivor", "pilgrim", "passenger", "patient", "evacuee", "returnee", "inspector", "monitor",
    "military", "regime", "junta", "administration", "citizen", "national", "fisherman", "sailor", "crew",
    "peacekeeper", "hacker", "gunman", "attacker", "jihadist", "extremist", "separatist", "guerrilla",
    "priest", "cleric", "clergyman", "imam", "bishop", "pastor", "monk", "senator", "lawmaker", "legislator",
    "parliamentarian", "judge", "prosecutor", "lawyer", "doctor", "medic", "nurse", "teacher", "mayor",
    "governor", "commander", "general", "spokesman", "spokeswoman", "spokesperson", "king", "council",
    "court", "ministry", "agency", "union", "alliance", "coalition", "organization", "organisation",
}  # fmt: skip
# units that name people when a modifier says whose ("a police patrol", "an army unit"), not "border patrols"
UNIT_NOUNS = {
    "patrol", "unit", "battalion", "brigade", "platoon", "squad", "contingent", "garrison", "regiment",
}  # fmt: skip
_UNIT_OWNERS = {
    "police", "army", "military", "infantry", "security", "rebel", "militia", "marine", "naval",
    "paramilitary", "government", "soldier", "troop",
}  # fmt: skip
TAKING_VERBS = {"capture", "recapture", "seize", "retake", "take", "wrest", "regain", "reclaim"}
JUDGING_VERBS = {"call", "describe", "label", "term", "brand", "mourn", "remember", "commemorate", "praise"}
FIGHT_NOUNS = {"clash", "shootout", "gunfight", "firefight", "fighting", "battle", "skirmish", "exchange"}
EVENT_OBJECT_NOUNS = {"ban", "restriction", "sanction", "aid", "support", "offer", "request", "demand"}
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# lower-case words that name the actor when they modify an event noun ("regime airstrikes")
ACTOR_MODIFIERS = {
    "regime", "government", "army", "military", "rebel", "opposition", "coalition", "militant", "jihadist",
    "insurgent", "police", "militia", "loyalist", "separatist", "extremist", "terrorist", "islamist",
}  # fmt: skip
LEFT_DEAD = {"dead", "injured", "wounded", "maimed"}  # "left nine people dead"
# strikes named with their striker in an "of"-phrase ("an airstrike of the coalition", "a raid of the army")
STRIKE_NOUNS = {"airstrike", "strike", "raid", "bombardment", "bombing", "shelling", "sortie"}
STRIKING_FORCES = {"coalition", "regime", "army", "military", "government", "force", "aviation", "navy"}
LED_BY = {"lead", "claim"}  # "US-led strikes", "IS-claimed bombing"
# verbs that only carry out the act their object names ("imposed sanctions", "reimposed a curfew")
GENERIC_VERBS = {"impose", "reimpose", "enforce"}
# consultations with no host and no visitor (PLOVER 3.2.2: all participants are actors)
SYMMETRIC_CONSULT = {
    "talk", "negotiation", "negotiate", "discuss", "discussion", "confer", "consultation", "consult",
    "telephone", "phone", "hold",
}  # fmt: skip
# verbs that only perform the act their object names when they are no trigger themselves
LIGHT_VERBS = {
    "express", "voice", "issue", "lodge", "file", "stage", "hold", "make", "give", "mount", "begin", "start",
    "continue", "resume", "renew", "declare", "undertake", "extend", "offer",
}  # fmt: skip
BLAME_VERBS = {"blame", "accuse", "hold", "condemn"}
# verbs that lay an act (their object) at someone's door, and the preposition naming them
PINNING_VERBS = {"blame": "on", "pin": "on", "attribute": "to"}
# acts blamed on someone that stay events of their own ("blamed X for the attack")
MATERIAL_CONFLICT = {"ASSAULT", "COERCE"}
# verbs that move people somewhere or out of somewhere, and the people they move
MOVE_VERBS = {
    "send", "deploy", "dispatch", "contribute", "withdraw", "pull", "recall", "redeploy", "move", "mobilize",
    "mobilise", "evacuate", "offer", "provide", "station", "commit",
}  # fmt: skip
MOVED_PEOPLE = {
    "troop", "soldier", "force", "peacekeeper", "inspector", "observer", "monitor", "worker", "personnel",
    "reservist", "contingent", "unit", "diplomat", "ambassador", "envoy", "staff", "expert", "adviser",
    "advisor", "police", "officer", "battalion", "team", "mission", "platoon", "brigade", "patrol", "squad",
    "regiment", "garrison",
}  # fmt: skip
MOVE_PREPS = ("to", "from", "into", "against")
# verbs of a protest's purpose clause that name what it is against ("to demand the resignation of X")
PROTEST_AIMS = {
    "demand", "protest", "denounce", "condemn", "oppose", "reject", "press", "call", "urge", "show",
    "express", "seek", "decry", "criticize", "criticise", "challenge", "defy", "mark",
}  # fmt: skip
# where a thing acted upon names the one it concerns ("contact with X", "supplies to X", "a ban on X")
THING_PREPS = ("with", "against", "on", "to", "between", "for")
AGENT_SUFFIXES = ("ist", "ant", "ent", "er", "or", "ian", "ee")
# acts that end a measure: what the measure was "of" is its recipient ("lifted the siege of X")
LIFTING_TYPES = {"RETREAT", "CONCEDE"}
MOVING_TYPES = {"AID", "MOBILIZE", "SANCTION", "AGREE", "THREATEN"}
# adjectival passives that state the subject's own stance towards the object of "to"
STANCE_PASSIVES = {"oppose", "commit", "dedicate"}
# passive verbs whose subject is the doer of the act in their "in"-phrase
ENGAGED_VERBS = {"engage", "involve", "implicate"}
OWN_MEASURE = {"announce", "declare"}
CLAIM_VERBS = {"claim", "take", "assume", "accept", "bear"}
# places and sites: a participle after one ("towns killing 100") was misattached, places do not act
SITE_NOUNS = {
    "town", "village", "city", "area", "district", "province", "region", "neighbourhood", "neighborhood",
    "suburb", "camp", "enclave", "bastion", "stronghold", "capital", "market", "hospital", "school", "street",
    "road", "highway", "checkpoint", "mosque", "church", "building", "base", "airport", "port",
    "depot", "warehouse", "factory", "station",
}  # fmt: skip
# harm verbs whose active use always names the one harmed: without an object they are passive
OBJECT_REQUIRED = {
    "kill", "wound", "injure", "execute", "behead", "murder", "slay", "assassinate", "massacre", "slaughter",
    "abduct", "kidnap", "arrest", "detain", "martyr",
}  # fmt: skip
# words that count people without a number ("20 Killed Scores Injured": a second toll)
VAGUE_COUNTS = {"dozens", "scores", "tens", "hundreds", "thousands", "others", "more", "many"}
# verbs whose subject suffers an act named in their prepositional phrase ("died in the attack")
VICTIM_VERBS = {
    "die", "perish", "wound", "injure", "hurt", "suffer", "flee", "escape", "survive", "lose", "displace",
    "trap", "sustain", "bury", "rescue", "evacuate", "miss", "shelter", "hide", "martyr",
}  # fmt: skip
# how one stands towards an act named after "about", "of", "by" ("concerned about the detentions"): one
# speaks of it, one did not do it
ATTITUDES = {
    "concerned", "worried", "alarmed", "aware", "unaware", "troubled", "disturbed", "shocked", "saddened",
    "appalled", "outraged", "angry", "furious", "happy", "pleased", "sorry", "critical", "silent",
}  # fmt: skip
# who undergoes or only perceives the act named as the verb's object ("survived the attack", "heard the
# blast", "feared revenge attacks"): not the one who carried it out
UNDERGOING_VERBS = {
    "survive", "escape", "flee", "suffer", "sustain", "hear", "see", "witness", "watch", "film", "fear",
    "feel", "document", "investigate", "probe",
    # acts stopped by someone else: "fired tear gas to break up a rally", "the army repelled an attack"
    "disperse", "break", "ban", "halt", "prevent", "foil", "thwart", "repel", "repulse",
    # ... or put at risk by someone else: "a new offensive would endanger talks on a ceasefire"
    "endanger", "jeopardise", "jeopardize", "undermine", "derail", "hamper", "obstruct",
}  # fmt: skip
# a count of an act's victims: who raises, gives or updates it is not who carried the act out
COUNT_NOUNS = {"toll", "tally", "count", "number", "figure"}
# "the strike was (believed to have been) carried out by X": X did it
CONDUCT_VERBS = {"carry", "conduct", "launch", "perpetrate", "commit", "mount", "stage"}
_SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
# "refused to allow", "accused X of attacking", "rejected the deal": what is rejected or alleged
_COMPLEMENT_DEPS = {"xcomp", "dobj", "pobj", "pcomp", "prep", "acl"}
_CLIMB_DEPS = {
    "xcomp",
    "conj",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "acl",
    "advcl",
    "attr",
    "oprd",
    "nsubj",
    "acomp",
}
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
    original: str | None = None  # the lexicon's type before it was read in context

    @property
    def event_type(self) -> str:
        return self.sense.event_type

    @property
    def tokens(self) -> list[Token]:
        return [self.token] + ([self.particle] if self.particle is not None else [])


def find_triggers(doc, lexicon: Lexicon) -> list[Trigger]:
    """Every event trigger of a parsed sentence, with its arguments and its type read in context."""
    found: list[Trigger] = []
    for tok in doc:
        if _date_word(tok):
            continue
        trig = _modal_request(tok, lexicon) or _match(tok, lexicon)
        if trig is None:
            continue
        retype(trig)
        if trig.source is None and trig.target is None:
            _arguments(trig)
        found.append(trig)
    return _drop_nested(found)


_MONTHS = {"March", "May"}  # the month names that are also trigger words


def _date_word(tok: Token) -> bool:
    """ "BAMAKO, March 12 (Reuters)", "on 4 May": a month name next to a day number is a date; so is
    one after a time preposition ("agreed the text in March", "since May")."""
    if tok.text not in _MONTHS:
        return False
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ in _MONTH_PREPS:
        return True
    return any(0 <= j < len(doc) and doc[j].like_num for j in (tok.i - 1, tok.i + 1))


_MONTH_PREPS = {"in", "since", "until", "till", "by", "last", "next", "early", "late", "mid", "from"}


def _modal_request(tok: Token, lex: Lexicon) -> Trigger | None:
    """ "Russia said Sudan must return the helicopter": a verb under "must"/"should" with its own subject
    is a demand on that subject, made by whoever says it."""
    if tok.pos_ not in {"VERB", "AUX"} or not any(
        c.dep_ == "aux" and c.lower_ in lex.modal_request for c in tok.children
    ):
        return None
    subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ in {"we", "i", "you"}:
        return None
    speech = _governing_speech(tok)
    modal = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ in lex.modal_request)
    trig = Trigger(tok, TriggerSense("REQUEST", None), None, particle=modal, target=subject)
    trig.source = _speaker(speech) if speech is not None else None
    return trig


def _governing_speech(tok: Token) -> Token | None:
    """The speech verb this clause is reported by ("said that ...", or "..., X said" hung below it)."""
    if tok.dep_ in {"ccomp", "parataxis"} and tok.head.lemma_.lower() in SPEECH_LEMMAS | {
        "declare",
        "conclude",
        "reiterate",
    }:
        return tok.head
    return next(
        (c for c in tok.children if c.dep_ in {"parataxis", "ccomp"} and c.lemma_.lower() in SPEECH_LEMMAS),
        None,
    )


def _speaker(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


# ---- the type of a trigger in its context (PLOVER manual, chapter 3) ----------------------------------

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
FORCEFUL = {"COERCE", "SANCTION", "ASSAULT", "PROTEST"}
INTENT_WORDS = {
    "willing", "ready", "prepared", "plan", "intend", "offer", "promise", "pledge", "vow", "commit", "decide",
    "agree", "prepare", "expect", "aim", "swear",
}  # fmt: skip
PLEDGE_WORDS = {"swear", "vow", "pledge", "promise"}
PEACEKEEPING_WORDS = {
    "peacekeeper", "peacekeeping", "peace-keeping", "observer", "monitor", "rescuer", "relief",
}  # fmt: skip
ARMED_WORDS = {
    "troop", "soldier", "force", "reservist", "reserve", "army", "police", "policeman", "unit", "militia",
    "fighter", "tank", "ship", "warship", "jet", "aircraft", "division", "brigade", "battalion", "man",
    "guard", "personnel", "volunteer", "military", "navy", "artillery", "missile", "weapon", "defence",
    "defense", "men",
}  # fmt: skip
# an army getting ready to strike shows force rather than using it (PLOVER 3.14, CAMEO 15)
READY_WORDS = {"prepare", "poise", "gear", "ready"}
# lemmas of a retreat from territory: announced, it is a concession (PLOVER 3.7.2); any other announced
# yield (a release, a return, allowing access) is an intent to yield, AGREE (CAMEO 035 -> AGREE)
WITHDRAW_LEMMAS = {"withdraw", "pull", "retreat", "pullout", "withdrawal"}
OFFER_WORDS = {"willing", "ready", "prepared", "offer", "promise", "pledge", "vow", "agree", "commit"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
POSSIBLE_AUX = {"may", "might", "could"}
CROWD_NOUNS = {
    "protester", "demonstrator", "worker", "student", "farmer", "youth", "supporter", "resident", "villager",
    "activist", "people", "crowd", "trucker", "driver", "teacher", "employee", "striker", "mob", "union",
    "opponent", "fisherman", "miner", "taxi", "trader", "merchant", "thousand", "hundred", "dozen",
}  # fmt: skip
MILITARY_STRIKE = {
    "air", "missile", "drone", "rocket", "military", "artillery", "retaliatory", "preemptive", "pre-emptive",
    "surgical", "nuclear", "precision", "aerial", "punitive", "cruise", "coalition", "israeli", "russian",
}  # fmt: skip
# generic heads whose noun modifier names the act ("a mediation effort", "a rescue mission")
GENERIC_ACT_HEADS = {
    "effort", "mission", "attempt", "bid", "initiative", "process", "operation", "campaign", "drive",
}  # fmt: skip
LABOUR_STRIKE = {
    "hunger", "general", "labor", "labour", "national", "nationwide", "indefinite", "open-ended", "day",
    "teachers", "workers", "doctors", "transport", "sit-down", "work",
}  # fmt: skip
STRIKE_VERBS = {
    "stage",
    "go",
    "begin",
    "start",
    "continue",
    "organize",
    "organise",
    "end",
    "hold",
    "declare",
    "call",
    "cancel",
    "postpone",
    "suspend",
    "threaten",
    "plan",
}
ABSTRACT_OBJECTS = {
    "decision", "policy", "plan", "remark", "statement", "comment", "proposal", "law", "bill", "move",
    "report", "speech", "idea", "approach", "stance", "record", "budget", "deal", "agreement",
    "critic", "media", "press", "leadership", "handling", "response", "rhetoric", "claim",
}  # fmt: skip
# what one "fights" without force: a disease, a disaster, a social ill ("funding to fight the epidemic")
NON_VIOLENT_FOES = {
    "epidemic", "pandemic", "virus", "disease", "outbreak", "poverty", "corruption", "hunger", "famine",
    "inflation", "fire", "wildfire", "blaze", "flood", "drought", "covid", "covid-19", "coronavirus",
    "cancer", "malaria", "ebola", "cholera", "polio", "aids", "hiv", "malnutrition", "unemployment",
}  # fmt: skip
FIGHT_VERBS = {"fight", "battle", "combat", "tackle"}
# verbs of help whose bare-infinitive clause names the one helped ("to help Haiti cope with ...")
HELP_VERBS = {"help", "assist", "enable"}
AID_GOODS = {
    "medicine", "aid", "supply", "food", "flour", "grain", "rice", "water", "blanket", "tent", "vaccine",
    "fuel", "relief", "equipment", "drug", "kit",
}  # fmt: skip
RESCUED = {"wounded", "injured", "sick", "civilian", "resident", "child", "woman", "casualty", "patient"}
CYBER_WORDS = {"cyber", "cyber-attack", "online", "internet", "computer", "ransomware", "hacking", "ddos"}
OFFICIAL_PROTEST = {"official", "formal", "diplomatic", "strong", "strongly-worded", "written", "verbal"}


def retype(trig: Trigger) -> None:
    """Read the trigger's type in context, as the PLOVER manual asks: future cooperation is AGREE,
    an announced forceful act is THREATEN, a refused cooperation is REJECT, a labour or hunger strike and a
    crowd blocking roads are PROTEST, a government's "protest" or a verbal "attack" is ACCUSE."""
    tok = trig.token
    lemma = tok.lemma_.lower()
    etype = trig.event_type
    new: tuple[str, str | None] | None = None
    if lemma == "strike" and tok.pos_ == "NOUN" and _labour_strike(tok):
        new = ("PROTEST", "strike")
    elif etype == "COERCE" and lemma in {"block", "blockade", "cordon", "shut"} and _crowd_subject(tok):
        new = ("PROTEST", "obstruct")
    elif etype == "PROTEST" and _official_protest(tok):
        new = ("ACCUSE", "disapprove")
    elif etype == "MOBILIZE" and _peacekeeping(tok):
        new = ("AID", "peacekeeping")  # "deployed peacekeepers to X": military protection given (3.6)
    elif etype == "MOBILIZE" and lemma in {"mobilize", "mobilise"} and _civil_object(tok):
        new = ("SUPPORT", None)  # "mobilized pressure groups", "mobilized support": rallying support
    elif lemma == "extradite":
        new = ("COOPERATE", None)  # judicial cooperation with the receiving state (PLOVER 3.5)
    elif etype == "RETREAT" and _gives_goods_or_rescues(tok, lemma):
        new = ("AID", None)  # "handed over medicine to the Red Crescent", "evacuated the wounded" (3.6)
    elif etype == "ASSAULT" and _cyber(tok):
        new = ("COERCE", "cyber")  # "a cyber attack on the ministry's servers" (PLOVER 3.15, mode cyber)
    elif (
        etype == "ASSAULT"
        and lemma == "siege"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_ == "state"
    ):
        new = ("COERCE", "martial-law")  # "declared a state of siege"
    elif etype == "ASSAULT" and tok.pos_ == "VERB" and lemma in {"attack", "slam", "hit", "blast", "target"}:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.lemma_.lower() in ABSTRACT_OBJECTS or _stance_position(obj)):
            new = ("ACCUSE", "disapprove")  # "attacked the government's decision"
    if new is None:
        intent = _intent(tok)
        negated = _negated_here(tok)
        if negated and intent and etype in COOPERATIVE | {"AGREE", "CONCEDE"}:
            new = ("REJECT", None)  # "will not accept", "would not allow"
        elif intent == "intent" and etype in COOPERATIVE and _offered(tok):
            new = ("AGREE", None)  # "is ready to provide aid": willingness to cooperate (3.1)
        elif intent == "future" and etype in COOPERATIVE and not _continues(tok):
            new = ("AGREE", None)  # "will visit", "will provide aid": a promise
        elif intent and etype in {"RETREAT", "CONCEDE"} and not negated and not _conditional(tok):
            if intent == "intent" and _offered(tok):
                new = ("AGREE", None)  # "is willing to withdraw", "offered to release": an offer (3.1)
            elif intent == "future" and lemma not in WITHDRAW_LEMMAS:
                new = ("AGREE", None)  # "will release the hostages", "would allow inspectors": CAMEO 035
            elif etype == "RETREAT":
                new = ("CONCEDE", None)  # "announced it would withdraw troops" (3.7.2)
        elif etype == "ASSAULT" and not negated and _getting_ready(tok) and not _conditional(tok):
            new = ("MOBILIZE", "troops")  # "the army prepared to storm the town": a force posture
        elif intent and etype in FORCEFUL | {"RETREAT"} and not negated:
            conditional = _conditional(tok)
            if etype == "ASSAULT" and intent != "future" and not conditional and not _pledged(tok):
                pass  # "plans to storm the city": a planned attack, kept as such (stance planned)
            elif etype == "SANCTION" and not conditional and _decided(tok):
                pass  # "announced it would prohibit all aid": a measure decided, not a warning
            else:
                new = ("THREATEN", _threat_mode(etype, trig.mode))
    if new is None and etype == "RETREAT" and trig.sense.objects and trig.mode is None:
        trig.mode = _retreat_mode(tok)
    if new is not None:
        trig.original = etype
        trig.sense = TriggerSense(new[0], new[1])
        trig.mode = new[1]


def _stance_position(obj: Token) -> bool:
    """ "attacked the government's position on talks" is criticism; "hit rebel positions" is shelling."""
    if obj.lemma_.lower() != "position" or obj.tag_ != "NN":
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "on") for c in obj.children)


def _subject_in(tok: Token, nouns: frozenset[str]) -> bool:
    """Is the verb's subject (or the people counted in it: "hundreds of troops") one of these nouns?"""
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    heads = [subj, *(c for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children)]
    return any(h.lemma_.lower() in nouns or h.lower_ in nouns for h in heads)


def _left_dead(tok: Token) -> bool:
    """ "left nine people dead", "leaving 20 dead": "leave" with a result of violence on its object."""
    if tok.lemma_.lower() != "leave" or tok.pos_ != "VERB":
        return False
    return any(c.dep_ in {"oprd", "acomp", "xcomp", "dobj"} and c.lower_ in LEFT_DEAD for c in tok.children)


def _retreat_mode(tok: Token) -> str | None:
    """The mode of a retreat named by its object: a truce declared, a blockade eased, access allowed."""
    objects = {t.lemma_.lower() for t in _object_nouns(tok)}
    if objects & {"ceasefire", "cease-fire", "truce"}:
        return "ceasefire"
    if objects & {"blockade", "siege"}:
        return "withdraw"
    if objects & {"delivery", "access", "entry", "passage", "convoy", "aid", "deployment", "observer",
                   "inspector", "peacekeeper", "monitor"}:  # fmt: skip
        return "access"
    return "release" if objects & {"prisoner", "hostage", "body"} else None


def _moved_nouns(tok: Token) -> list[Token]:
    """What a deployment moves: the verb's object or the noun's "of"-object, with their modifiers."""
    moved = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}] + (
        [o] if tok.pos_ == "NOUN" and (o := _prep_object(tok, ("of",))) is not None else []
    )
    if tok.lemma_.lower() in load_lexicon().subjects:  # "peacekeepers arrived": the subject moves
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        moved += subj + [o for t in subj if (o := _prep_object(t, ("of",))) is not None]
    return moved + [m for t in moved for m in t.children if m.dep_ in {"compound", "amod"}]


def _peacekeeping(tok: Token) -> bool:
    words = {t.lemma_.lower() for t in _moved_nouns(tok)} | {tok.head.lemma_.lower()}
    return bool(words & PEACEKEEPING_WORDS)


def _civil_object(tok: Token) -> bool:
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() not in ARMED_WORDS for o in objects)


def _pledged(tok: Token) -> bool:
    """ "have sworn to fight", "vowed to crush": violence pledged is a threat, not a plan."""
    cur = tok
    for _ in range(2):
        if (cur.dep_ != "xcomp" and not _infinitive(cur)) or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in PLEDGE_WORDS:
            return True
    return False


def _decided(tok: Token) -> bool:
    """Is the act the content of an announced or taken decision ("announced it would suspend aid")?"""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"ccomp", "xcomp", "conj"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in {"announce", "decide", "confirm"}:
            return True
    return False


def _getting_ready(tok: Token) -> bool:
    """ "prepared to resume shelling", "is poised to attack": an attack made ready, not yet made."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"xcomp", "dobj", "pcomp", "prep", "acomp"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in READY_WORDS:
            return True
    return False


def _gives_goods_or_rescues(tok: Token, lemma: str) -> bool:
    """Handing over relief goods is aid, not a retreat; so is evacuating the wounded or civilians."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    words = {obj.lemma_.lower()} | {t.lemma_.lower() for t in obj.subtree if t.dep_ == "pobj"}
    if lemma in {"hand", "deliver"}:
        return bool(words & AID_GOODS)
    return lemma == "evacuate" and bool({obj.lemma_.lower(), obj.lower_} & RESCUED)


def _cyber(tok: Token) -> bool:
    """A cyber attack or hacking is coercion short of violence (PLOVER 3.15, mode cyber)."""
    named = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # "launched cyber warfare"
    mods = {c.lower_ for n in named for c in n.children if c.dep_ in {"amod", "compound", "nmod"}}
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return bool(mods & CYBER_WORDS) or (subj is not None and subj.lemma_.lower() in {"hacker", "hacktivist"})


def _labour_strike(tok: Token) -> bool:
    if _counts_harm(tok):
        return False  # "a series of strikes by the coalition killed 14": strikes that kill are not walkouts
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "npadvmod"}}
    mods |= {c.lower_ for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}}
    if mods & MILITARY_STRIKE or _prep_object(tok, ("on", "against")) is not None:
        return False
    if mods & LABOUR_STRIKE:
        return True
    of_strikes = tok.dep_ == "pobj" and tok.head.lower_ == "of"
    if of_strikes and any(t.lemma_.lower() in _WAR_WORDS for t in tok.sent):
        return False  # "the latest in a string of strikes ... with anti-ship missiles": attacks
    return tok.dep_ in {"dobj", "pobj"} and tok.head.lemma_.lower() in STRIKE_VERBS | {"on", "of"}


_WAR_WORDS = {"missile", "drone", "rocket", "bomb", "shell", "airstrike", "war", "army", "military"}


def _counts_harm(tok: Token) -> bool:
    """Is `tok` counted by a batch noun that is the subject of a harm verb ("a wave of X killed ten")?"""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    batch = tok.head.head
    return (
        batch.lemma_.lower() in BATCH_NOUNS
        and batch.dep_ == "nsubj"
        and batch.head.lemma_.lower() in OBJECT_REQUIRED
    )


def _crowd_subject(tok: Token) -> bool:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    words = {subj.lemma_.lower()} | {
        c.lemma_.lower() for c in subj.children if c.dep_ in {"amod", "compound"}
    }
    if subj.ent_type_ == "NORP" and subj.tag_ in {"NNS", "NNPS"} or subj.tag_ == "NNPS":
        return True  # "young Algerians blocked the roads": a crowd named by its nationality
    if subj.lemma_.lower() in {"thousand", "hundred", "dozen", "group"}:
        words |= {t.lemma_.lower() for t in subj.subtree}
    return bool(words & CROWD_NOUNS)


def _official_protest(tok: Token) -> bool:
    """ "lodged an official protest with Albania": a diplomatic protest is an accusation, not a crowd."""
    if tok.pos_ == "NOUN":
        mods = {c.lower_ for c in tok.children if c.dep_ == "amod"}
        return bool(mods & OFFICIAL_PROTEST) or tok.head.lemma_.lower() in {
            "lodge",
            "file",
            "register",
            "deliver",
        }
    return False


def _intent(tok: Token) -> str | None:
    """ "future" when the act is announced with will/would, "intent" when it is offered, planned or
    prepared ("is ready to withdraw", "plans to impose"), else None."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in cur.children):
            return "future"
        if any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX for c in cur.children) and _conditional(cur):
            return "future"  # "may halt its mediation if ...": a conditional announcement
        if cur.lemma_.lower() in INTENT_WORDS and cur != tok:
            return "intent"
        if any(c.dep_ == "acomp" and c.lemma_.lower() in INTENT_WORDS for c in cur.children) and cur != tok:
            return "intent"
        if cur.head == cur or (
            cur.dep_ not in {"xcomp", "dobj", "acomp", "pobj", "prep", "conj"} and not _infinitive(cur)
        ):
            break
        cur = cur.head
    return None


def _infinitive(tok: Token) -> bool:
    """ "have sworn to fight": an infinitive the parser hung as an adverbial clause."""
    return tok.dep_ == "advcl" and _marked_to(tok)


def _to_infinitive(tok: Token) -> bool:
    """A "to"-infinitive hanging on a verb: its purpose or its complement."""
    return tok.dep_ in {"advcl", "xcomp"} and _marked_to(tok)


def _marked_to(tok: Token) -> bool:
    """Does the verb carry the infinitive marker "to"?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _offered(tok: Token) -> bool:
    """ "is willing to withdraw", "offered to release", "promised to lift": an offer or promise, not a
    decision already taken ("decided to lift")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"xcomp", "acomp"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in OFFER_WORDS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in OFFER_WORDS for c in cur.children
        ):
            return True
    return False


def _negated_here(tok: Token) -> bool:
    scope = [tok] + ([tok.head] if tok.dep_ in {"xcomp", "dobj"} else [])
    return any(c.dep_ == "neg" for t in scope for c in t.children)


def _continues(tok: Token) -> bool:
    """ "support will continue": an ongoing act, not a new promise."""
    return tok.head.lemma_.lower() in {"continue", "remain"} or any(
        c.lemma_.lower() == "continue" for c in tok.children
    )


def _conditional(tok: Token) -> bool:
    return any(t.lower_ in {"unless", "if"} for t in tok.sent)


def _threat_mode(etype: str, mode: str | None) -> str | None:
    if etype == "ASSAULT":
        return "violence"
    if etype == "SANCTION":
        return "relations"
    if etype == "RETREAT":
        return "relations"
    if mode == "arrest":
        return "arrest"
    return "restrict"


def trigger_lemma(tok: Token, lex: Lexicon) -> str:
    """The token's lemma, corrected from the lexicon's own inflection table when the rule lemmatizer
    misses ("raped" -> "rap"), and joined across hyphens ("sit - in" -> "sit-in", "gang - raped")."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_:
        joined = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
        if joined in lex.form_lemma:
            return lex.form_lemma[joined]
    lemma = tok.lemma_.lower()
    known = lemma in lex.verbs or lemma in lex.nouns or lemma in lex.phrasal or lemma in lex.objects
    return lemma if known else lex.form_lemma.get(tok.lower_, lemma)


def _match(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = trigger_lemma(tok, lex)
    if _reporting_formula(tok, lemma) or _nobody(tok):
        return None
    if _left_dead(tok):  # "the blast left nine people dead": a killing told by its result
        sense = lex.verb("kill")
        return Trigger(tok, sense, sense.mode) if sense else None
    if _misread_shot_dead(tok) or _sexually(tok):
        sense = lex.verb("shoot" if tok.lower_ == "shot" else "rape")
        return Trigger(tok, sense, sense.mode) if sense else None
    if tok.tag_ == "VBN" and tok.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}:
        if any(c.dep_ == "det" for c in tok.children):
            return None  # "evacuated the wounded": people named by what befell them, not an act
    if tok.tag_ == "VBN" and tok.dep_ == "amod" and not any(True for _ in tok.children):
        return None  # "the besieged town": a description of a place, not an event of this report
    if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_ in {"VBG", "VBN"}):
        money = lex.object_sense(lemma, "money") if lemma in lex.objects and _sum_of_money(tok) else None
        if money is not None:  # "gave $2 million to X"; "gave $2m in aid" is no "give in"
            return Trigger(tok, money, money.mode)
        for rest, sense in lex.phrasal.get(lemma, []):
            particle = _phrasal_tail(tok, rest)
            if particle is not None:
                return Trigger(tok, sense, sense.mode, particle=particle)
        if lemma in lex.objects:
            for obj in _object_nouns(tok):
                sense = lex.object_sense(lemma, obj.lemma_.lower(), obj.lower_)
                if sense is not None:
                    return Trigger(tok, sense, sense.mode)
        if (moved := lex.subjects.get(lemma)) is not None and _subject_in(tok, moved.objects):
            return Trigger(tok, moved, moved.mode)  # "Irish troops arrived in Lebanon"
        if lemma in FIGHT_VERBS and _fights_no_one(tok):
            return None
        if lemma in GIVE_BACK_VERBS and _gives_back(tok):
            return Trigger(tok, GIVE_BACK, GIVE_BACK.mode)
        if lemma in {"hold", "use", "keep"} and _human_shields(tok):
            return Trigger(tok, HUMAN_SHIELD, HUMAN_SHIELD.mode)
        sense = lex.verb(lemma)
        if sense is None:
            if tok.pos_ == "NOUN" or "-" in lemma:  # "held a sit-in": the tagger saw the verb "sit"
                sense = lex.noun(lemma)
            return Trigger(tok, sense, sense.mode) if sense else None
        if lemma in EMBEDDING_ONLY and _embeds_event(tok):
            return None
        if lemma in PLACE_OBJECT_ONLY and not any(
            c.dep_ == "dobj" and c.tag_ in {"NNP", "NNPS"} for c in tok.children
        ):
            return None
        if sense.needs_as and not _has_as_complement(tok):
            return None
        return Trigger(tok, sense, sense.mode)
    if tok.pos_ in {"NOUN", "PROPN"} and (
        tok.dep_ != "compound" or tok.head.lemma_.lower() in GENERIC_ACT_HEADS
    ):
        sense = lex.noun(lemma) or lex.noun(tok.lower_)
        if sense is None or _weapon_kind(tok) or _lacking(tok):
            return None
        if tok.pos_ == "PROPN" and tok.ent_type_:
            return None
        return Trigger(tok, sense, sense.mode)
    return None


_ANONYMITY = {"name", "identify", "quote"}


def _reporting_formula(tok: Token, lemma: str) -> bool:
    """Newsroom formulas that look like events: "did not respond to calls seeking comment", "who asked
    not to be named", "requested anonymity", "armed with rifles" (a description of the doers)."""
    if lemma in {"call", "request"} and tok.pos_ == "NOUN":  # "did not respond to requests for comment"
        return any(c.lemma_.lower() == "seek" for c in tok.children) or any(
            c.lower_ == "for" and any(g.lemma_.lower() == "comment" for g in c.children) for c in tok.children
        )
    if lemma in {"ask", "request"}:
        return any(
            c.dep_ == "xcomp" and c.lemma_.lower() in _ANONYMITY and any(g.dep_ == "neg" for g in c.children)
            for c in tok.children
        ) or any(c.dep_ == "dobj" and c.lemma_.lower() == "anonymity" for c in tok.children)
    if lemma == "arm" and tok.tag_ == "VBN":
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    if lemma in {"back", "support"} and tok.tag_ == "VBN" and tok.dep_ == "acl":
        return True  # "troops, backed by Rwandan forces, pushed ...": a description of the doers
    if lemma == "release" and (
        tok.head.lemma_.lower() in _RELEASED_THINGS
        or any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _RELEASED_THINGS for c in tok.children)
    ):
        return True  # "a video released on Friday", "released a thick gas": nobody freed
    return False


# things that are released without anyone being freed: what is published, what is given off
_RELEASED_THINGS = {
    "video", "statement", "report", "footage", "audio", "recording", "figure", "data", "photo", "image",
    "document", "list", "communique", "message", "film", "tape", "gas", "smoke", "fume", "chemical", "toxin",
}  # fmt: skip


def _nobody(tok: Token) -> bool:
    """ "No one was injured", "nobody visited the site": what nobody did or suffered is no event."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    for c in tok.children:
        if c.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if c.lower_ in {"nobody", "none"}:
            return True
        if c.lower_ == "one" and any(d.lower_ == "no" for d in c.children):
            return True
    return False


def _gives_back(tok: Token) -> bool:
    """ "returned the stolen paintings to Peru", "the sculpture was returned to Italy": something handed
    back to someone, not "returned fire" or "refugees returned to their villages" (a journey)."""
    thing = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if thing is None or thing.lower_ in NOT_GIVEN_BACK:
        return False
    return _handed_to(tok) is not None


def _handed_to(tok: Token) -> Token | None:
    """Whom a thing is handed (back) to: the "to"-phrase of the verb, or one the parser hung deep inside
    a long object ("returned a pendant engraved with the face of a king to Egyptian authorities")."""
    found = _prep_object(tok, ("to",))
    thing = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if found is not None or thing is None:
        return found
    inside = (_prep_object(t, ("to",)) for t in thing.subtree if t.pos_ in {"NOUN", "PROPN"})
    return next((t for t in inside if t is not None and _actorish(t)), None)


def _fights_no_one(tok: Token) -> bool:
    """ "to fight the Ebola epidemic", "battling the wildfires": no armed foe."""
    foe = next((c for c in tok.children if c.dep_ == "dobj"), None) or _prep_object(tok, ("against",))
    return foe is not None and (foe.lemma_.lower() in NON_VIOLENT_FOES or foe.lower_ in NON_VIOLENT_FOES)


def _human_shields(tok: Token) -> bool:
    """ "held 20,000 civilians as human shields", "used the villagers as a human shield"."""
    shield = _prep_object(tok, ("as",))
    if shield is None:
        dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        shield = _prep_object(dobj, ("as",)) if dobj is not None else None
    return (
        shield is not None
        and shield.lemma_.lower() == "shield"
        and any(c.lower_ == "human" for c in shield.children)
    )


def _misread_shot_dead(tok: Token) -> bool:
    """ "gunmen on a motorbike shot dead a journalist": the tagger can read "shot" as a noun."""
    if tok.lower_ != "shot" or tok.pos_ == "VERB" or tok.i + 1 >= len(tok.doc):
        return False
    return tok.doc[tok.i + 1].lower_ == "dead"


def _sexually(tok: Token) -> bool:
    """ "sexually abused two girls": the adverb makes any act of abuse sexual violence."""
    return tok.pos_ == "VERB" and any(c.lower_ == "sexually" for c in tok.children if c.dep_ == "advmod")


def _weapon_kind(tok: Token) -> bool:
    """ "weapons of mass destruction": the noun names a kind of weapon, not an act."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "weapon"


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
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and not tok.doc[tok.i].whitespace_:
        return None  # "pick-up trucks", "a follow-up meeting": one hyphenated word, not a phrasal verb
    if len(rest) == 1:
        for child in tok.children:
            if (
                child.dep_ in {"prt", "prep", "dobj", "advmod"}
                and child.lower_ == rest[0]
                and child.i > tok.i
            ):
                return child  # "On 9 May, a farmer stepped on a mine": not the date's "On"
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (
            after is not None
            and after.dep_ == "mark"
            and after.lower_ == rest[0]
            and after.head.head.i == tok.i
        ):
            return after  # "called for Burma to free ...": the parser reads "for" as a complementizer
        return None
    doc = tok.doc
    words = [t.lower_ for t in doc[tok.i + 1 : tok.i + 1 + len(rest)]]
    lemmas = [t.lemma_.lower() for t in doc[tok.i + 1 : tok.i + 1 + len(rest)]]
    if words == list(rest) or lemmas == list(rest):
        return doc[tok.i + len(rest)]
    return None


def _embeds_event(tok: Token) -> bool:
    """ "denied attacking", "denied that it attacked": the complement is the event, not a REJECT (but
    "denied the report, calling it disinformation" rejects the report)."""
    return any(
        c.dep_ in {"xcomp", "ccomp"}
        or (c.dep_ == "dobj" and c.pos_ == "VERB")
        or (c.tag_ == "VBG" and c.dep_ != "advcl")
        for c in tok.children
    )


def _object_nouns(tok: Token) -> list[Token]:
    """The direct object noun and the head noun behind its "of"-phrases ("a delegation of elders",
    "the 3rd phase of the operation"): a light verb's object can be either."""
    direct = next(
        (c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}), None
    )
    deep = _object_noun(tok)
    found = [t for t in (deep, direct) if t is not None]  # "a mission of observers": the observers
    # "ended mediation efforts", "held joint military exercises": the modifier can name the thing
    found += [c for t in found for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return found


def _sum_of_money(tok: Token) -> bool:
    """Is the verb's object an amount of money ("$2 million", "€3m", "12 million dollars")?"""
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if dobj is None:
        return False
    counted = dobj.lemma_.lower() in CURRENCY_NOUNS and any(c.like_num for c in dobj.subtree)
    return counted or any(t.tag_ == "$" or _currency_code(t.text) for t in dobj.subtree)


def _currency_code(word: str) -> bool:
    """ "USD", "USD2", "EUR40m": an ISO currency code alone or glued to its amount (not "AUDIT")."""
    return word[:3] in CURRENCY_CODES and (len(word) == 3 or word[3].isdigit())


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
    sides = fighting_sides(tok) if tok.dep_ != "ROOT" else None
    if sides is not None and (trig.source is None or trig.source == sides[0]):
        trig.source, trig.target = sides  # "clashes between police and protesters"
    if trig.target is None and trig.event_type == "ASSAULT" and tok.lemma_.lower() in _FIGHT_WITH_VERBS:
        trig.target = _prep_object(tok, ("with",))  # "police clashed with protesters"
    if trig.event_type == "PROTEST" and (trig.target is None or not _actorish(trig.target)):
        # "blocked streets in Hong Kong in defiance of X": what a protest is against beats what it blocks
        trig.target = _protested(tok) or trig.target
    if trig.event_type == "THREATEN" and trig.target is None:
        trig.target = _condition_subject(tok)  # "threatened to strike unless Israel withdrew"
    if trig.event_type == "ACCUSE" and (complaint := _blamed_act_named(tok)) is not None:
        trig.target = complaint  # "complained to the UN over Israeli air raids": the one accused
    if trig.target is None and trig.event_type in PLACE_AIMED:
        trig.target = _restricted_place(tok)
    if trig.event_type == "CONSULT" and trigger_lemma(tok, load_lexicon()) in SYMMETRIC_CONSULT:
        # "held talks with X", "negotiated with X": no host and no visitor, so every participant is an
        # actor and none a recipient (PLOVER 3.2.2)
        trig.target = None
    if trig.event_type == "AID" and (trig.target is None or not _actorish(trig.target)):
        # "sent aid to help North Korea cope", "earmarked funds in aid to help Haiti": the one helped
        verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None) if tok.pos_ == "NOUN" else None
        trig.target = _helped(tok) or (_helped(verb) if verb is not None else None) or trig.target
    if trig.particle is not None and trig.particle.lower_ == "fire" and tok.lemma_.lower() == "set":
        # "set fire to a police station": what burned is the target, not the fire
        burned = _prep_object(tok, ("to",)) or _prep_object(trig.particle, ("to",))
        trig.target = burned if burned is not None else trig.target
    if trig.event_type == "COOPERATE" and tok.lemma_.lower() == "extradite":
        trig.target = _prep_object(tok, ("to",)) or trig.target  # the state receiving the suspect
    if trig.target is not None:
        trig.target = _named_apposition(trig.target) or trig.target
    target = trig.target
    if (
        target is not None
        and trig.event_type in AIMED_AT_INSIDE
        and target.pos_ == "NOUN"
        and not _actorish(target)
    ):
        # "denied charges by X", "called for changes in X": a demand or complaint about a thing is
        # aimed at the one named inside it
        by = _prep_object(target, ("by",))
        trig.target = (
            (target if trig.event_type in ANSWERS and _proposer(target) is not None else None)
            or (by if by is not None and _actorish(by) else None)
            or (_inner_actor(target) if trig.event_type == "ACCUSE" else None)  # "crimes committed by X"
            or _prep_object(target, ("against",))  # "called for sanctions against X"
            or _named_place_in(target)
            or (_restricted_place(tok) if trig.event_type in PLACE_AIMED else None)
            or target
        )
    talks_with = trig.event_type == "CONSULT" and _talks_partner(tok) is not None
    if trig.target is None and not talks_with:  # "held talks with Kenyatta in Nairobi": two took part
        trig.target = _event_place(tok)
    target = trig.target
    if target is not None and target.pos_ == "NOUN" and not _actorish(target) and not _agentive(target):
        # "boycott all contact with the United States", "reduced supplies to the camp's refugees": a thing
        # acted upon is no actor; the one it concerns is
        thing = target
        for _ in range(2):
            inside = _prep_object(thing, THING_PREPS)
            if inside is not None and _actorish(inside) and not _own(inside):  # not "a call for its forces"
                trig.target = inside
                break
            thing = _prep_object(thing, ("of",))  # "part of a military aid program for X"
            if thing is None or _actorish(thing):
                break


def _named_apposition(noun: Token) -> Token | None:
    """ "the main component of the alliance, the Patriotic Brigades (PB)": a name in apposition to "the X
    of Y" says who X is more precisely than Y does. The parser often hangs such an apposition on Y or
    on an earlier word, so a name right after the phrase and its comma counts too."""
    owner = _prep_object(noun, ("of",)) if noun.pos_ == "NOUN" else None
    if owner is None:
        return None
    doc = noun.doc
    if any(c.dep_ == "appos" for c in noun.children):
        return None  # "deputy governor of X, Ali Y": the mention already spans the apposition
    for cand in owner.children:
        if cand.dep_ == "appos" and cand.pos_ == "PROPN" and doc[cand.left_edge.i - 1].text == ",":
            return cand
    end = noun.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    for cand in (c for c in doc[end + 2 :] if c.dep_ in {"appos", "npadvmod"}):
        if cand.left_edge.i == end + 2 and cand.pos_ == "PROPN":
            return cand
        if cand.left_edge.i > end + 2:
            break
    return None


def _agentive(tok: Token) -> bool:
    """ "dissidents", "supporters", "negotiators": people named by what they do are actors too."""
    return tok.tag_ == "NNS" and tok.lemma_.lower().endswith(AGENT_SUFFIXES)


def _protested(tok: Token) -> Token | None:
    """Who a protest is aimed at: the one named in what it demands or denounces ("to demand the
    resignation of X", "calling for independence from X", "in protest of X's refusal", "against X")."""
    owner = tok.head if tok.dep_ in {"dobj", "pobj"} and tok.pos_ == "NOUN" else tok
    for holder in dict.fromkeys((tok, owner)):
        against = _prep_object(holder, ("against", "over", "at"))
        if against is not None:
            return against if _actorish(against) else _owner_phrase(against) or _thing_owner(against)
        for child in holder.children:
            if (
                child.dep_ in {"advcl", "xcomp", "acl"}
                and child.lemma_.lower() in PROTEST_AIMS
                and child.i > tok.i
            ):
                obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                if obj is None and child.lemma_.lower() == "call":
                    obj = _prep_object(child, ("for",))
                if obj is not None:
                    found = obj if _actorish(obj) else _owner_phrase(obj) or _thing_owner(obj)
                    if found is not None:
                        return found
            if child.dep_ == "prep" and child.lower_ == "in":  # "in protest of / at X"
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.lemma_.lower() in {"protest", "opposition", "defiance"}:
                    inner = _prep_object(noun, ("of", "at", "against", "to"))
                    if inner is not None:
                        return inner if _actorish(inner) else _owner_phrase(inner) or inner
    return None


def _owner_phrase(thing: Token) -> Token | None:
    """The actor inside a thing; a possessor keeps its thing ("the government's refusal" names the
    government by what it did, and the whole phrase is the mention)."""
    inner = _inner_actor(thing)
    return thing if inner is not None and inner.dep_ == "poss" else inner


def _thing_owner(thing: Token) -> Token | None:
    """The actor a thing concerns: "independence from Iraq", "the policies of X", "the rule by X"; or the
    thing named by its owner that the first one is about ("disapproval of the United States' policies",
    "demands for reforms from X's government")."""
    found = _prep_object(thing, ("from", "of", "by", "against", "on", "for"))
    if found is None:
        return None
    if _actorish(found):
        return found
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in found.children):
        return found  # the whole phrase names its owner: "the United States' military policies"
    inner = _prep_object(found, ("from", "of", "by"))
    return inner if inner is not None and _actorish(inner) else None


def _condition_subject(tok: Token) -> Token | None:
    """A threat is aimed at the one who must comply: the subject of its "unless"/"if" clause."""
    for t in tok.subtree:
        if t.dep_ == "mark" and t.lower_ in {"unless", "if"} and t.head != tok:
            subj = next((c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if (
                subj is not None
                and (_actorish(subj) or subj.pos_ == "NOUN")
                and subj.lower_ not in {"it", "this"}
            ):
                return subj
    return None


def _blamed_act_named(tok: Token) -> Token | None:
    """The act a complaint is about, when the phrase names who did it ("over Israeli air raids", "about
    the army's shelling"): the accused, named by their act, rather than whom the complaint went to."""
    act = _prep_object(tok, ("over", "about"))
    if act is None or not _event_noun(act) or _event_noun_actor(act) is None:
        return None
    return act


def _restricted_place(tok: Token) -> Token | None:
    """ "lifted the curfew in Abidjan", "threatened to ban voting in East Jerusalem": a restriction or its
    lifting is aimed at the named place it applies to."""
    if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "pobj", "attr"}:
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head  # "declared a state of siege in X"
        if (place := _named_place_in(governor)) is not None:
            return place
    cur = tok
    for _ in range(2):
        dobj = next((c for c in cur.children if c.dep_ == "dobj"), None)
        for owner in (cur, dobj):
            if owner is not None and (place := _named_place_in(owner)) is not None:
                return place
        cur = next((c for c in cur.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if cur is None:
            return None
    return None


def _talks_partner(tok: Token) -> Token | None:
    """The other party of talks, named in a "with"-phrase on the verb or its object ("held talks with X")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return next((p for h in (tok, *objects) if (p := _prep_object(h, ("with",))) is not None), None)


def _event_place(tok: Token) -> Token | None:
    """With no one else taking part, the named place an act happens in is what it is aimed at, as CAMEO
    coders read it: "protested in Beijing" targets China, "agreed to postpone the rally in Baku" targets
    Azerbaijan. Looked for on the trigger, its object, and the verb whose object the trigger is."""
    holders = [tok]
    if tok.dep_ == "dobj":
        holders.append(tok.head)
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":  # "remained on alert in X"
        holders.append(tok.head.head)
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN":  # "the first deployment of troops arrived in X"
        holders.append(tok.head)
    for verb in (tok, *(c for c in tok.children if c.dep_ == "xcomp")):  # "agreed to postpone the rally"
        holders += [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for holder in holders:
        place = _named_place_in(holder)
        if place is None or place.i == tok.i or load_lexicon().noun(place.lemma_.lower()) is not None:
            continue  # "killed in Russian Airstrikes": the act itself, capitalised in a headline
        if place.ent_type_ in {"GPE", "LOC", "FAC", ""}:
            return place
    return None


def _named_place_in(noun: Token) -> Token | None:
    """The named place of a thing's "in"-phrase ("a ceasefire in Liberia", "a state of emergency in X")."""
    pobj = _prep_object(noun, ("in",))
    if pobj is None and (of := _prep_object(noun, ("of",))) is not None:
        pobj = _prep_object(of, ("in",))
    if pobj is not None and pobj.pos_ == "NOUN":  # "in the town of Cizre", "in Anbar province"
        named = _prep_object(pobj, ("of",))
        if named is not None and named.pos_ == "PROPN":
            return pobj
        return pobj if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.children) else None
    return pobj if pobj is not None and pobj.pos_ == "PROPN" else None


def _verb_arguments(trig: Trigger) -> None:
    tok = trig.token
    children = list(tok.children)
    headline = _headline_passive(tok, children)
    passive = headline or any(c.dep_ in {"nsubjpass", "auxpass"} for c in children)
    trig.passive = passive
    preps = RECIPIENT_PREPS.get(trig.event_type, _DEFAULT_PREPS)
    if trig.original:  # "will not lift the embargo imposed on X": the refused act's own recipient phrase
        preps = tuple(dict.fromkeys(preps + RECIPIENT_PREPS.get(trig.original, ())))
    if _stance_passive(tok, children):  # "Israel is opposed to the plan", "Chad is committed to talks"
        trig.source = next(c for c in children if c.dep_ == "nsubjpass")
        trig.target = _prep_object(tok, ("to",))
    elif passive:
        harmed = {"nsubjpass", "nsubj"} if headline else {"nsubjpass"}
        trig.target = next((c for c in children if c.dep_ in harmed), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            trig.source = next((c for c in agent.children if c.dep_ == "pobj"), None)
        else:
            trig.source = _doer_of_act(tok)
        if trig.target is not None and not _actorish(trig.target):
            trig.target = _prep_object(trig.target, preps) or _prep_object(tok, preps) or trig.target
    else:
        trig.source = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.dep_ != "expl"), None)
        if trig.source is not None and _misread_situation(trig.source):
            trig.source = None  # "Syria fighting kills 132": the fighting in Syria, no one named
        trig.target = _active_target(trig, children, preps)
        act = _counted_act(trig.source) if trig.source is not None else None
        if act is not None and _event_noun(act):
            # "a regime air strike killed ten": the act is the subject; its actor is named inside it, or on
            # the batch noun that counts it ("a series of strikes ... by the coalition")
            batch = _event_noun_actor(trig.source) if act is not trig.source else None
            trig.source = batch or _event_noun_actor(act) or trig.source
    if tok.dep_ in {"conj", "ccomp"} and reduced_belief(tok.head):  # "gunmen believed to be X attacked"
        described = next(c for c in tok.head.children if c.dep_ == "nsubj")
        if passive and trig.target is None:
            trig.target = described  # "the man, believed to be a commander, was arrested"
        elif not passive and trig.source is None:
            trig.source = _believed_whose(tok.head, described) or described
    if trig.source is None and tok.tag_ == "VBG":  # "shelling by regime forces"
        by = next((c for c in children if c.dep_ == "prep" and c.lower_ == "by"), None)
        trig.source = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    reduced = _harmed_noun_participle(tok)
    if trig.source is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        trig.source = _agent(tok)  # "a market hit by Russian jets"
        if trig.target is None and not trig.sense.objects and _reduced_passive(tok):
            trig.target = tok.head  # "soldiers killed in the east", "the families of athletes killed"
            trig.source = trig.source or _doer_of_act(tok)
    if trig.source is None and tok.i > 0 and _misread_act_modifier(tok.doc[tok.i - 1]):
        trig.source = tok.doc[tok.i - 1]  # "in regime shelling of the town": the regime shells
    if (
        trig.source is None
        and tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and (trig.event_type == "PROTEST" or (_actorish(tok.head) and not _misread_main_verb(tok)))
        and not _misread_situation(tok.head)
    ):
        # "police fired on demonstrators protesting against taxes": they protest; "pledged victory over
        # the troops fighting to topple him": the troops fight, not the one who pledged
        trig.source = tok.head
    if trig.source is None and not passive:
        # "a minister was among ten people killed": the subject above a reduced passive is a victim too;
        # "violated a ceasefire agreed in Sochi": who agreed is not who violated it
        participle = (
            tok.dep_ == "acl" and tok.tag_ in {"VBN", "VBD"} and not any(c.dep_ == "nsubj" for c in children)
        )
        patient = reduced or (participle and _reduced_passive(tok))
        trig.source = claimed_or_blamed(tok) or (None if patient else _inherited_subject(tok))
    if trig.source is None and tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        if tok.tag_ == "VBG" and tok.head.lemma_.lower() in SITE_NOUNS:
            trig.source = _clause_subject(tok.head)  # "a bomb hit buses from two towns, killing 100"
        elif _misread_main_verb(tok):
            # "Bombardment on an area held by rebels killed five": the parser found no main verb and hung
            # it on the nearest noun; its subject is the phrase it left as the sentence's root
            root = tok.sent.root
            trig.source = _event_noun_actor(root) if _event_noun(root) or not _actorish(root) else root
        elif (tok.tag_ != "VBN" or not _reduced_passive(tok)) and not _misread_situation(tok.head):
            # "militants fleeing the city"; not "soldiers killed" (acted upon), nor "Syria fighting kills
            # 132" (the fighting in Syria, no one named)
            trig.source = tok.head
    if trig.source is None and tok.dep_ == "acl" and any(c.dep_ == "dobj" for c in children):
        trig.source = _reported_subject(tok)
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WP", "WDT"} for c in children)
    if trig.source is None and tok.dep_ == "relcl" and not own_subject:
        trig.source = tok.head  # "the fighters who fled" (relative pronoun subject), not "the village
        # where ten were killed"
    if trig.target is not None and trig.target.pos_ == "PRON" and trig.target.lower_ in {"which", "that"}:
        trig.target = tok.head if tok.dep_ == "relcl" else None
    if trig.target is None and _object_gap(tok, children):
        # "the militias it is arming": the noun the clause describes is what its verb acts on, and a
        # pronoun subject cannot be that noun, so it stands for the subject of the clause above
        trig.target = tok.head
    if trig.target is not None and trig.target.i == tok.head.i and _object_gap(tok, children):
        if trig.source is not None and trig.source.lower_ in {"it", "they"}:
            trig.source = _inherited_subject(tok.head) or trig.source
    if trig.target is None:
        trig.target = _clause_target(trig) or _controlled_subject(children) or _complement_target(trig)


def _misread_situation(subject: Token) -> bool:
    """A place name the parser made a subject, with the situation noun after it read as its participle
    ("Syria fighting kills 132", "Yemen violence leaves 20 dead")."""
    return subject.pos_ == "PROPN" and any(
        c.dep_ == "acl" and c.i == subject.i + 1 and c.lemma_.lower() in SITUATION_NOUNS | {"fight"}
        for c in subject.children
    )


def _controlled_subject(children: list[Token]) -> Token | None:
    """The one asked, allowed or made to act: "urged Iran to stop", "allowed the candidate to run",
    "called on the minister to resign". The parser hangs that one as the subject of the infinitive
    clause, or as a predicate complement of the verb."""
    for child in children:
        if child.dep_ == "oprd" and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ == "ccomp" and child.head.lemma_.lower() in HELP_VERBS:  # "help Haiti cope"
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i < child.i and _actorish(subj):
                return subj
        infinitive = _marked_to(child)
        for_clause = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in child.children
        )
        if infinitive and (child.dep_ in {"ccomp", "xcomp"} or for_clause):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i < child.i and subj.lower_ not in {"it", "this", "there"}:
                return subj
    return None


def _reduced_passive(tok: Token) -> bool:
    """A past participle after the noun it describes ("ten soldiers killed in the east"): that noun is
    the one acted upon. After a subject or an apposition the "participle" is more often the misread main
    verb ("a rights group protested on Monday")."""
    head = tok.head
    if _shares_an_object(tok):
        return False  # "doctors from two groups donated and delivered goods": an active main verb
    if head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "ROOT" and _headline_harm(tok):
        return True  # "30 rebels killed in suicide blast": a headline drops the "were"
    if (
        head.pos_ in {"NOUN", "PROPN"}
        and _headline_harm(tok)
        and any(c.dep_ == "nummod" for c in head.children)
    ):
        return True  # "... in the district, about 80 militants killed": a count harmed, however it is hung
    nominal = head.pos_ in {"NOUN", "PROPN"} or head.lower_ == "those"  # "among those killed"
    return nominal and head.dep_ not in {"nsubj", "nsubjpass", "appos", "ROOT"}


def _misread_main_verb(tok: Token) -> bool:
    """A finite past verb with an object hung as a modifier deep inside a sentence whose root is a noun."""
    root = tok.sent.root
    return (
        tok.tag_ == "VBD"
        and root.pos_ in {"NOUN", "PROPN"}
        and tok.head.i != root.i
        and root.i < tok.i
        and any(c.dep_ == "dobj" for c in tok.children)
    )


def _reported_subject(tok: Token) -> Token | None:
    """The subject of a report the parser made a speech verb's first subject, its verb a modifier:
    "Fighters from a group killed 30 soldiers ..., two sources said"."""
    root = tok.sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if root.lemma_.lower() not in SPEECH_LEMMAS or len(subjects) < 2:
        return None
    top = next((a for a in tok.ancestors if a.head.i == root.i), None)
    return top if top is not None and top.i == subjects[0].i < tok.i and _actorish(top) else None


def _harmed_noun_participle(tok: Token) -> bool:
    """ "ten people killed in the attack": a harm participle after the noun it harms."""
    harm = tok.lemma_.lower() in OBJECT_REQUIRED
    return harm and tok.dep_ == "acl" and tok.tag_ == "VBN" and _reduced_passive(tok)


def _doer_of_act(verb: Token) -> Token | None:
    """Who did it to those a passive verb names, when its "in"-phrase names the act: the other side of a
    fight ("two gunmen were killed in a shootout with troops"), the doer named inside an event noun
    ("ten killed in a Russian offensive")."""
    act = _prep_object(verb, ("in", "during")) or _gerund_act(verb)
    if act is None:
        return _clause_agent(verb)
    if _misread_act_modifier(act):
        return act  # "killed in regime shelling", parsed as "in regime" and a gerund of its own
    if {act.lemma_.lower(), act.lower_.removesuffix("es"), act.lower_.removesuffix("s")} & FIGHT_NOUNS:
        return _prep_object(act, ("with",)) or _prep_object(verb, ("with",))
    if act.lemma_.lower() in _ARMS:
        return _modifier_source(act)  # "killed in government barrel bombs": whose bombs they were
    return _event_noun_actor(act) if _event_noun(act) else None


def _clause_agent(verb: Token) -> Token | None:
    """ "were killed after gas was released by a regime helicopter": the agent of a passive clause
    telling how the harm came about is who did the harm."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        marker = next((c for c in clause.children if c.dep_ == "mark"), None)
        if marker is not None and marker.lower_ in {"after", "when", "as"}:
            agent = _agent(clause)
            if agent is not None:
                return agent
    return None


# what kills in "killed in X": a weapon named by its owner ("regime barrel bombs", "Russian missiles")
_ARMS = {
    "bomb", "shell", "rocket", "mortar", "missile", "grenade", "mine", "landmine", "drone", "jet", "tank",
    "artillery",
}  # fmt: skip


def _gerund_act(verb: Token) -> Token | None:
    """The gerund of an "in"-phrase ("were killed in fighting with Kurdish forces")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}):
        gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if gerund is not None:
            return gerund
    return None


def _misread_act_modifier(noun: Token) -> bool:
    """Is `noun` an actor word the parser cut off from the act noun it modifies ("in regime shelling":
    "regime" the object of "in", "shelling" a gerund)?"""
    doc = noun.doc
    act = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return (
        act is not None
        and (
            (act.tag_ == "VBG" and act.dep_ in {"advcl", "acl", "xcomp", "pcomp"})
            or _misread_act_clause(act)  # "died in rebel shelling": a noun hung on the verb as a clause
        )
        and load_lexicon().noun(act.lower_) is not None
        and not any(c.dep_ == "dobj" for c in act.children)  # "in Hama killing 50": a verb of its own
        and (noun.lower_ in ACTOR_MODIFIERS or _determined_name(noun))
    )


_FINITE = {"VBD", "VBZ", "VBP"}


def _misread_act_clause(tok: Token) -> bool:
    """An act noun the parser hung on the verb as a clause ("died in the Aleppo shelling": "Aleppo" the
    object of "in", "shelling" an adverbial clause)."""
    return tok.dep_ == "advcl" and tok.pos_ == "NOUN" and load_lexicon().noun(tok.lemma_.lower()) is not None


def _determined_name(noun: Token) -> bool:
    """A proper name under an article of its own, cut off by the parser: "in a Nusra Front shelling"."""
    return noun.pos_ == "PROPN" and noun.dep_ == "pobj" and any(c.dep_ == "det" for c in noun.children)


def _clause_subject(noun: Token) -> Token | None:
    """The subject of the nearest verb above a noun: who acted in the clause a noun phrase sits in."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb else None


def _headline_harm(tok: Token) -> bool:
    """A harm verb that is never used without its object ("killed", "abducted"): with no object of its
    own (nor one shared with a verb it is coordinated with) it is passive, its noun the one harmed."""
    if tok.lemma_.lower() not in OBJECT_REQUIRED:
        return False
    if any(c.dep_ in {"dobj", "ccomp"} and not _second_count(c) for c in tok.children):
        return False
    return not _shares_an_object(tok)


def _second_count(obj: Token) -> bool:
    """ "3 Civilians Killed 38 Injured", "20 Killed Scores Injured": the parser's "object" is the count of
    a second harm."""
    return (obj.tag_ == "CD" or obj.lower_ in VAGUE_COUNTS) and any(
        c.tag_ == "VBN" and c.lemma_.lower() in OBJECT_REQUIRED for c in obj.children
    )


def _shares_an_object(verb: Token) -> bool:
    """ "killed and wounded dozens": the object of a coordinated verb is this verb's object too."""
    return any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children)


def _headline_passive(tok: Token, children: list[Token]) -> bool:
    """ "Nine fighters killed in clashes": a headline's main harm verb with a subject, no auxiliary and
    no object is a passive with its "were" dropped; so is one coordinated with a passive ("four medics
    were killed and a nurse wounded")."""
    after_passive = tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children)
    # "the province saw 25 fighters killed", "left ten people killed": a participle clause under a
    # verb of seeing or leaving
    small_clause = tok.dep_ in {"ccomp", "xcomp"} and tok.tag_ == "VBN" and tok.head.lemma_ in _WITNESSED
    # "..., with 117 people wounded": an absolute phrase
    small_clause = small_clause or (
        tok.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "with" for c in children)
    )
    return (
        (tok.dep_ == "ROOT" or after_passive or small_clause)
        and tok.tag_ in {"VBN", "VBD"}
        and any(c.dep_ == "nsubj" for c in children)
        and not any(c.dep_ in {"aux", "auxpass", "nsubjpass"} for c in children)
        and _headline_harm(tok)
    )


_WITNESSED = {"see", "leave", "find", "witness", "watch"}


def _object_gap(tok: Token, children: list[Token]) -> bool:
    """Is `tok` the verb of a relative clause with no relative word whose missing object is the noun it
    describes ("the groups it is backing"), rather than a place or time ("the day rebels attacked")?"""
    head = tok.head
    return (
        tok.dep_ == "relcl"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lower_ not in TIME_WORDS
        and any(c.dep_ == "nsubj" and c.tag_ not in {"WP", "WDT"} for c in children)
        and not any(c.dep_ in {"dobj", "nsubjpass", "auxpass", "ccomp", "xcomp"} for c in children)
        and not any(c.tag_ in {"WRB", "WP", "WDT"} or c.dep_ == "prep" and c.i < tok.i for c in children)
    )


def _clause_target(trig: Trigger) -> Token | None:
    """ "demanded that the US cancel the sale", "urged that Iran stop": the one asked to act is the subject
    of the that-clause of a request; "alleged that the army tortured ...": the one accused is the subject
    of the that-clause of an allegation."""
    if trig.event_type not in {"REQUEST", "ACCUSE"}:
        return None
    tok = trig.token
    holders = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [])  # "repeated its
    clause = next(  # demand that X ...": the parser hangs the clause on the verb
        (
            c
            for h in holders
            for c in h.children
            if c.dep_ in {"ccomp", "acl"} and c.pos_ in {"VERB", "AUX"} and c.i > tok.i
        ),
        None,
    )
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and _actorish(subject):
        return subject
    found = _prep_object(clause, ("from", "against", "on", "to"))  # "that control be taken from X"
    return found if found is not None and _actorish(found) else None


def _complement_target(trig: Trigger) -> Token | None:
    """The recipient of the act a control verb announces: "agreed to provide aid to X", "offered to
    negotiate with X", "promised to democratize X"; for "called for N", the actor named inside N
    ("called for the withdrawal of Syrian forces")."""
    tok = trig.token
    if trig.particle is not None and trig.particle.lower_ == "for":
        noun = next((c for c in trig.particle.children if c.dep_ == "pobj"), None)
        if noun is not None and not _actorish(noun):
            inner = _inner_actor(noun) or _prep_object(noun, ("against", "on", "to", "with", "from"))
            if inner is not None:
                return inner  # "called for the removal of X", "called for sanctions against X"
    preps = tuple(dict.fromkeys(RECIPIENT_PREPS.get(trig.event_type, ()) + COMPLEMENT_PREPS))
    cur = tok
    thing = None  # the thing the announced act is done to, when no one is named
    for _ in range(2):
        comp = next((c for c in cur.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
        if comp is None:
            return thing
        cur = comp
        inner = _match(cur, load_lexicon())
        if inner is not None:  # "threatened to shell Iraqi towns": the recipient of the act threatened
            _arguments(inner)
            if inner.target is not None and (_actorish(inner.target) or inner.target.pos_ != "NOUN"):
                return inner.target
            thing = thing or inner.target  # "threatened to cut off power to X": X, else the power
        dative = next((c for c in cur.children if c.dep_ == "dative"), None)
        if dative is not None and dative.pos_ == "ADP":
            dative = next((c for c in dative.children if c.dep_ == "pobj"), None)
        if dative is not None:
            return dative
        dobj = next((c for c in cur.children if c.dep_ == "dobj"), None)
        if dobj is not None and _actorish(dobj) and not (inner is not None and _moved_people(inner, dobj)):
            return dobj  # not "offered to send troops": those are the offerer's own
        found = _prep_object(cur, preps) or (_prep_object(dobj, preps) if dobj is not None else None)
        if found is not None:
            return found
    return thing


def _proposer(noun: Token) -> Token | None:
    """Who made the proposal, demand or call a refusal answers: its possessor or the one of its "of",
    "by" or "from" phrase ("North Korea's demand", "an offer from Kabul", "calls by the UN chief"). A
    denied charge is aimed at the accuser alone ("denied charges by X"), so it names no proposer."""
    if noun.lemma_.lower() in CHARGE_NOUNS:
        return None
    offerer = _prep_object(noun, ("from",))
    if offerer is not None and _actorish(offerer):
        return offerer
    return _inner_actor(noun)


def _inner_actor(noun: Token) -> Token | None:
    """The actor named inside an act or thing: its possessor, the someone of its "of"/"by" phrase, or the
    agent of a participle on it ("crimes committed by X")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.pos_ != "PRON":
        return poss
    for prep in ("of", "by"):
        pobj = _prep_object(noun, (prep,))
        if pobj is not None and _actorish(pobj):
            return pobj
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and (agent := _agent(child)) is not None:
            return agent if agent.pos_ in {"NOUN", "PROPN"} else None  # the doer of a deed is an actor
    return None


def _object_read_as_speaker(trig: Trigger) -> Token | None:
    """ "a strike killed at least 30 people, including 10 children, residents said": the parser makes
    the victims a subject of "said" (with the real speakers as conjuncts); the noun right after a violent
    verb with no object of its own is that verb's object."""
    tok = trig.token
    speech = tok.head
    if trig.event_type != "ASSAULT" or tok.dep_ != "ccomp" or speech.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next(
        (
            c
            for c in speech.children
            if c.dep_ == "nsubj" and tok.i < c.i < speech.i and c.left_edge.i == tok.i + 1
        ),
        None,
    )


def _active_target(trig: Trigger, children: list[Token], preps: tuple[str, ...]) -> Token | None:
    """The recipient of an active verb: an indirect object ("gave Kenya a grant"), a direct object that
    names someone ("detained 12 suspects"), else the recipient phrase of the object or of the verb by
    event type ("lifted the ban on X", "provided training to X", "met with X", "withdrew from X"),
    else a direct object that is a thing ("rejected the proposal")."""
    tok = trig.token
    if trig.sense is GIVE_BACK:
        return _handed_to(tok)
    dative = next((c for c in children if c.dep_ == "dative"), None)
    if dative is not None and dative.pos_ == "ADP":
        dative = next((c for c in dative.children if c.dep_ == "pobj"), None)
    if dative is not None:
        return dative
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    if dobj is not None and dobj.lemma_.lower() == "control":
        dobj = _prep_object(dobj, ("of", "over")) or dobj  # "took control of the town": the town
    if dobj is None and trig.particle is not None and trig.particle.dep_ == "prep":
        dobj = next((c for c in trig.particle.children if c.dep_ == "pobj"), None)  # "called on X"
    if dobj is None:
        dobj = _up_to_object(children) or _object_read_as_speaker(trig)
    if dobj is not None and _moved_people(trig, dobj):
        # "contributed 4,000 troops to X", "withdrew inspectors from Iraq": the people sent or pulled out
        # are the actor's own; the one they go to or leave is the recipient
        moved_to = _prep_object(tok, MOVE_PREPS) or _prep_object(dobj, MOVE_PREPS)
        purpose = _prep_object(tok, ("for",))  # "mobilized reservists for a war against X"
        moved_to = moved_to or (_prep_object(purpose, ("against",)) if purpose is not None else None)
        moved_to = moved_to or _purpose_object(tok) or _helped(tok)  # "sent troops to fight X", "to help X"
        stationed = _prep_object(tok, ("in",))  # "sent 300 soldiers in Estonia": a named country
        if moved_to is None and stationed is not None and stationed.pos_ == "PROPN":
            moved_to = stationed
        if moved_to is not None or trig.event_type == "MOBILIZE":
            return moved_to  # the forces moved are the actor's own, never the one they are sent to
    if dobj is not None and _actorish(dobj) and not trig.sense.objects and not _own(dobj):
        return dobj
    if dobj is not None and trigger_lemma(tok, load_lexicon()) in TAKING_VERBS:
        # the "from"-phrase hangs on the verb or anywhere inside its object ("the village of X from Y")
        frm = next(
            (t for t in (*tok.children, *dobj.subtree) if t.dep_ == "prep" and t.lower_ == "from"), None
        )
        loser = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
        if loser is not None and _actorish(loser):
            return loser  # "retook the bridge from the RSF": the RSF lost it
    charge = dobj is not None and dobj.lemma_.lower() in CHARGE_NOUNS
    if (
        dobj is not None
        and trig.event_type in AIMED_AT_INSIDE
        and not _actorish(dobj)
        and (_event_noun(dobj) or charge)
    ):
        inner = _inner_actor(dobj)  # "demanded the release of X", "rejected accusations by X"
        if inner is None and charge and (accuser := _prep_object(dobj, ("from",))) is not None:
            inner = accuser if _actorish(accuser) else None  # "rejected accusations from a senator"
        if inner is not None:
            own = load_lexicon().noun(dobj.lemma_.lower())
            restriction = own is not None and own.event_type in RESTRICTION_TYPES  # "ended its embargo of X"
            proposal = trig.event_type in ANSWERS and not restriction and _proposer(dobj) is not None
            return dobj if proposal else inner
    if trig.sense.objects and dobj is not None and {dobj.lemma_.lower(), dobj.lower_} & trig.sense.objects:
        if _actorish(dobj) and not _event_noun(dobj) and not _own(dobj):
            return dobj  # "expelled two diplomats": the object that makes the event is its recipient
        if dobj.lemma_.lower() == "life":  # "claimed the lives of four soldiers": theirs
            return _prep_object(dobj, ("of",))
        if not _event_noun(dobj):  # "sent arms to X", "granted asylum to X": the goods go to someone
            # or the thing names whom it concerns ("closed its border with X")
            given_to = _nested_recipient(tok, dobj) if trig.event_type == "AID" else None
            return _prep_object(tok, preps) or _prep_object(dobj, (*preps, *THING_PREPS)) or given_to
    if trig.sense.objects:  # "launched the 3rd phase of an offensive on X": the event noun's recipient
        noun = dobj if dobj is not None and _event_noun(dobj) else _object_noun(tok)  # "its blockade of X"
        if noun is not None and (own := load_lexicon().noun(noun.lemma_.lower())) is not None:
            preps = tuple(dict.fromkeys(preps + RECIPIENT_PREPS.get(own.event_type, ())))  # "a visit to X"
            if trig.event_type in LIFTING_TYPES:  # "lifted the siege of X"
                preps += NOUN_PREPS.get(own.event_type, ())
        return (_thing_recipient(noun, preps) if noun is not None else None) or _prep_object(tok, preps)
    via_object = _thing_recipient(dobj, preps) if dobj is not None else None
    if via_object is None and dobj is not None and trig.event_type == "AID" and not _actorish(dobj):
        via_object = _nested_recipient(tok, dobj)
    if dobj is not None and _own(dobj):
        return via_object or _prep_object(tok, (*preps, "from"))
    return via_object or _prep_object(tok, preps) or dobj


def _purpose_object(tok: Token) -> Token | None:
    """The one a forceful infinitive of purpose acts on ("deployed police to disperse the crowd")."""
    for clause in tok.children:
        if not _to_infinitive(clause):
            continue
        sense = load_lexicon().verb(clause.lemma_.lower())
        if sense is not None and sense.event_type in MATERIAL_CONFLICT:
            obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if obj is not None and _actorish(obj):
                return obj
    return None


def _helped(tok: Token) -> Token | None:
    """The one a "to help"-clause under `tok` helps: its object or the subject of its bare infinitive."""
    for clause in tok.children:
        if _to_infinitive(clause) and clause.lemma_.lower() in HELP_VERBS | {"aid", "support"}:
            obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if obj is not None and _actorish(obj):
                return obj
            return _controlled_subject(list(clause.children))
    return None


def _thing_recipient(thing: Token, preps: tuple[str, ...]) -> Token | None:
    """The one a thing acted upon concerns, named on the thing ("its embargo against X") or on the
    participle that describes it ("sanctions imposed on X", "aid destined for X")."""
    found = _prep_object(thing, preps)
    if found is not None:
        return found
    for child in thing.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and (found := _prep_object(child, preps)) is not None:
            return found
    return None


def _nested_recipient(verb: Token, thing: Token) -> Token | None:
    """ "provides 10 million euros in bilateral aid to the Palestinians": the "to"-phrase that names who
    receives the goods hangs inside the amount's own modifiers, or inside the verb's "in aid" phrase."""
    in_kind = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for t in c.subtree]
    for tok in (*thing.subtree, *in_kind):
        if tok.dep_ == "prep" and tok.lower_ == "to" and tok.head is not thing:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and _actorish(pobj):
                return pobj
    return None


def _up_to_object(children: list[Token]) -> Token | None:
    """ "kidnapped up to 16 advisers": the parser reads the quantity "up to" as a particle and a
    preposition of the verb; the object of that "to" is the verb's object."""
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i > 0:
            before = child.doc[child.i - 1]
            if before.lower_ == "up" and before.head.i == child.head.i:
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prt" and child.lower_ == "up":  # or the "to"-phrase hangs on the particle
            to = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is not None and to.i == child.i + 1:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def _moved_people(trig: Trigger, dobj: Token) -> bool:
    """Troops, inspectors or aid workers that a verb of sending or pulling out moves."""
    moving = trig.token.lemma_.lower() in MOVE_VERBS or trig.event_type == "MOBILIZE"  # "ordered patrols"
    return (
        moving
        and dobj.lemma_.lower() in MOVED_PEOPLE
        and (trig.event_type in MOVING_TYPES or trig.mode == "withdraw")
    )


def _stance_passive(tok: Token, children: list[Token]) -> bool:
    """An adjectival passive that states the subject's own stance ("is opposed to", "is committed to"):
    the subject is the actor, not the one acted upon."""
    return (
        tok.lemma_.lower() in STANCE_PASSIVES
        and not any(c.dep_ == "agent" for c in children)
        and any(c.dep_ == "nsubjpass" for c in children)
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in children)
    )


def _own(tok: Token) -> bool:
    """ "withdrew its troops from X", "offered their fighters to X": the actor's own people are what it
    moves or gives, not the one it acts upon."""
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her", "our"} for c in tok.children)


def _actorish(tok: Token) -> bool:
    """Does a noun phrase name someone (a name, a pronoun, people or an organisation), rather than a
    thing or a decision ("the ban", "training", "an offensive")?"""
    if state_of_condition(tok):
        return False
    if tok.pos_ in {"PROPN", "PRON"} or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    if tok.lemma_.lower() in ACTOR_NOUNS or acronym(tok):
        return True
    if tok.lemma_.lower() in UNIT_NOUNS and any(
        c.dep_ in {"compound", "amod"} and (c.lemma_.lower() in _UNIT_OWNERS or c.pos_ == "PROPN")
        for c in tok.children
    ):
        return True
    if tok.pos_ == "NUM" or tok.tag_ == "CD":
        return False  # "USD2 million": an amount, whatever names its currency
    return any(c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN" for c in tok.children) and (
        tok.lemma_.lower() not in EVENT_OBJECT_NOUNS and not _event_noun(tok)  # not "the Gulf war"
    )


def _noun_arguments(trig: Trigger) -> None:
    tok = trig.token
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in {"come", "be"}:
        # "Sumy has come under attack": the subject is what is attacked; who attacks, if named, follows
        verb = tok.head.head
        trig.target = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        by = _prep_object(tok, ("by", "from")) or _prep_object(verb, ("by",))
        trig.source = _event_noun_actor(tok) or by
        return
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "pit":
        # "the fighting pitted the Radaa force against the 444 Brigade": one side against the other
        trig.source = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        trig.target = _prep_object(tok.head, ("against",))
        return
    trig.source = claimed_or_blamed(tok) or _event_noun_actor(tok)
    if trig.source is None and tok.i > 0 and _misread_act_modifier(tok.doc[tok.i - 1]):
        trig.source = tok.doc[tok.i - 1]  # "died in rebel shelling of the town": the rebels shell
    # "would tighten the blockade of Serbia": the noun keeps the recipient phrase of what it names, even
    # when the context reads it as another type (a threat)
    of_preps = NOUN_PREPS.get(trig.original or trig.event_type, NOUN_PREPS.get(trig.event_type, ()))
    preps = of_preps + RECIPIENT_PREPS.get(trig.event_type, _DEFAULT_PREPS)
    trig.target = _prep_object(tok, preps)
    if trig.target is not None and trig.target is trig.source:
        trig.target = None  # "blamed the attack on X": X carried it out
    if trig.target is not None and not _actorish(trig.target) and trig.target.head.lower_ == "of":
        # "a suspension of aid to Egypt": the thing suspended is not the one it is aimed at
        trig.target = _prep_object(tok, RECIPIENT_PREPS.get(trig.event_type, ())) or trig.target
    if trig.target is None and tok.dep_ == "compound":  # "a mediation effort between X and Y"
        trig.target = _prep_object(tok.head, preps)
    of_object = _prep_object(tok, ("of",))
    if trig.target is None and of_object is not None:
        # "the withdrawal of some forces from Panama": the recipient phrase hangs on the "of"-object
        trig.target = _prep_object(of_object, tuple(p for p in preps if p != "of"))
    holder = _measure_holder(tok)  # "gave Kenya 5 million dollars of aid": the measure is the object
    if trig.target is None and holder.dep_ == "dobj" and holder.head.pos_ in {"VERB", "AUX"}:
        trig.target = _prep_object(holder.head, preps)  # "imposed sanctions on X", "issued a warning to X"
    if trig.target is None and holder.dep_ == "dobj":
        # "gave Kenya a grant"
        trig.target = next((c for c in holder.head.children if c.dep_ == "dative"), None) or next(
            (c for c in holder.head.children if c.dep_ == "dobj" and c.i < holder.i and _actorish(c)), None
        )  # the parser reads the first of two objects as a second direct object
    if trig.target is None:
        trig.target = _clause_target(trig)  # "its demand that Burundi's government grant ..."
    if trig.target is None and trig.event_type in MATERIAL_CONFLICT and tok.dep_ == "nsubj":
        harmed = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        if harmed is not None and _actorish(harmed):
            trig.target = harmed  # "a bombing killed 20 people in Kabul": those it killed, not the city
    if trig.target is None and trig.event_type in MATERIAL_CONFLICT:
        trig.target = _victim_subject(tok)  # "two soldiers died in an ambush"
        if trig.target is not None and trig.source is None:
            trig.source = _prep_object(tok, ("with",))  # "died in clashes with Al-Shabaab": the other side
    if trig.target is None and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "into"}:
        # "engaged the peacekeepers in a firefight", "drew Iran into a war": the verb's object
        verb = tok.head.head
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb.pos_ == "VERB" else None
        trig.target = obj if obj is not None and obj.lower_ not in TIME_WORDS else None
    if _judged_act(tok):
        return  # "the prime minister called the killings a crime": he judges them, he did not do them
    if trig.source is None or (trig.source.pos_ == "PRON" and trig.source.dep_ == "poss"):
        # "Israel mounted its invasion", "they held their first meeting": the clause names the actor
        trig.source = _inherited_subject(tok) or trig.source


_JUDGING_OR_SPEAKING = JUDGING_VERBS | SPEECH_LEMMAS


def _judged_act(tok: Token) -> bool:
    """An act named again ("the killings") as what a verb of judging or speaking is about."""
    verb = tok.head.lemma_.lower()
    # "Ghana announced the deployment of troops": one announces one's own measure
    return tok.dep_ == "dobj" and definite(tok) and verb in _JUDGING_OR_SPEAKING and verb not in OWN_MEASURE


def definite(tok: Token) -> bool:
    """A noun with a definite determiner ("the attack", "these killings"): something already named."""
    return any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in tok.children
    )


def _victim_subject(tok: Token) -> Token | None:
    """Who suffered the act an event noun names, when it stands in a phrase of a verb of suffering: "two
    soldiers died in an ambush", "a prisoner died as a result of torture", "the convoy survived an ambush"."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in VICTIM_VERBS & UNDERGOING_VERBS:
        return next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    cur = tok
    for _ in range(4):
        if cur.dep_ not in {"pobj", "prep", "pcomp"} or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            if cur.lemma_.lower() not in VICTIM_VERBS:
                return None
            return next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return None


def _measure_holder(tok: Token) -> Token:
    """The noun standing for an event noun in its clause: "5 million dollars of aid", "tons of food aid"
    are objects of the verb through their measure word."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "NUM"}:
        return tok.head.head
    return tok


def _event_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and load_lexicon().noun(tok.lemma_.lower()) is not None


BATCH_NOUNS = frozenset(
    {"series", "wave", "spate", "string", "barrage", "round", "volley", "salvo", "flurry", "succession"}
)


def _counted_act(noun: Token) -> Token:
    """The act a batch noun counts ("a series of strikes", "a wave of bombings"), else the noun itself:
    who did it is named on the act, not on the batch."""
    if noun.lemma_.lower() in BATCH_NOUNS:
        of = _prep_object(noun, ("of",))
        if of is not None and _event_noun(of):
            return of
    return noun


def _event_noun_actor(noun: Token) -> Token | None:
    """Who carried out the act an event noun names: its possessor, "by"-phrase, the agent of a participle
    on it ("an attack carried out by X"), the one it is blamed on ("a bombing blamed on X") or an actor
    modifier ("Russian airstrikes")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        origin = _prep_object(noun, ("from",)) if child.dep_ == "prep" and child.lower_ == "from" else None
        if origin is not None and _actorish(origin) and origin.pos_ != "PRON":
            return origin  # "rocket fire from rebels", "an attack from the militia"
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in _NOT_DOING:
            agent = _agent(child)
            if agent is not None:
                return agent
            be = next((c for c in child.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
            by = _prep_object(be, ("by",)) if be is not None else None
            if by is not None:
                return by  # "a gas attack believed to be by government jets"
        if (child.dep_ == "acl" and child.tag_ == "VBN") or child.dep_ == "relcl":
            pinned = PINNING_VERBS.get(child.lemma_.lower())
            blamed = _prep_object(child, (pinned,)) if pinned is not None else None
            if blamed is not None:
                return blamed  # "a car bombing blamed on Daesh", "an attack, which it blamed on the PKK"
    if noun.dep_ == "nsubjpass":  # "the strike was suspected to have been carried out by Russian jets"
        verb = noun.head
        for done in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
            if done.lemma_.lower() in CONDUCT_VERBS and _agent(done) is not None:
                return _agent(done)
    of = _prep_object(noun, ("of",)) if noun.lemma_.lower() in STRIKE_NOUNS else None
    if of is not None and of.lemma_.lower() in STRIKING_FORCES:
        return of  # "an airstrike of the US-led coalition": who strikes, not what is struck
    sides = fighting_sides(noun)
    if sides is not None:
        return sides[0]
    rivals = _prep_object(noun, ("between",)) if noun.lemma_.lower() in FIGHT_NOUNS | _FIGHT_WORDS else None
    if rivals is not None and rivals.tag_ in {"NNS", "NNPS"} and _actorish(rivals):
        return rivals  # "clashes between two armed groups": both sides in one phrase
    return _modifier_source(noun)


# "a bombing encouraged / condemned / backed by X": X reacted to it or stood behind it, X did not do it
_NOT_DOING = {
    "encourage", "condemn", "denounce", "criticise", "criticize", "prompt", "trigger", "cause", "fuel",
    "welcome", "report", "document", "confirm", "record", "witness", "film", "investigate", "deny", "praise",
    "back", "support", "sponsor", "fund", "finance", "arm", "train", "condone", "justify", "overshadow",
}  # fmt: skip
_FIGHT_WORDS = {"fight", "war", "gunbattle", "confrontation", "hostility", "violence", "combat"}
_FIGHT_WITH_VERBS = {"clash", "fight", "battle", "skirmish", "scuffle", "exchange"}


def fighting_sides(noun: Token) -> tuple[Token, Token] | None:
    """ "fighting between the army and the RSF", "clashes between police and protesters": the two sides
    of a fight, the first named taken as its source (ACLED's actor 1)."""
    if noun.lemma_.lower() not in FIGHT_NOUNS | _FIGHT_WORDS:
        return None
    first = _prep_object(noun, ("between",))
    second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
    return (first, second) if second is not None else None


def _agent(verb: Token) -> Token | None:
    """The object of a passive verb's "by"-phrase."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _modifier_source(tok: Token) -> Token | None:
    """The actor named as a modifier of an event noun: "Russian airstrikes", "regime barrel bomb attacks",
    "a US-led strike", "the IS-claimed bombing". The modifier nearest the noun wins (wire copy often glues
    tags or datelines to the left of a headline); the actor resolver drops modifiers that name nobody."""
    left = sorted((t for t in tok.subtree if t.i < tok.i and _in_modifier_chain(t, tok)), key=lambda t: -t.i)
    if tok.lemma_.lower() in SITUATION_NOUNS and all(t.pos_ == "PROPN" for t in left):
        return None  # "Syria fighting", "the Yemen war": where it goes on
    for mod in left:
        if mod.lower_ in TIME_WORDS or mod.lower_ in MONTH_ABBREVIATIONS or mod.like_num:
            return None  # a dateline glued to the headline: nothing further left is part of the name
        if mod.pos_ == "NOUN" and mod.lemma_.lower() in SITE_NOUNS:
            return None  # "a Syrian weapons depot blast", "the Damascus market bombing": what lies further
            # left describes the site, not who struck it
        if mod.tag_ == "VBN" and mod.lemma_.lower() in LED_BY:
            named = next((c for c in mod.children if c.dep_ in {"npadvmod", "compound", "nmod"}), None)
            if named is not None:
                return named
        if mod.pos_ == "PROPN" or (mod.pos_ == "ADJ" and mod.text[:1].isupper()):
            return mod
        if mod.pos_ in {"NOUN", "ADJ"} and mod.lemma_.lower() in ACTOR_MODIFIERS:
            if tok.lemma_.lower() in _HELP_NOUNS and mod.i == tok.i - 1 and mod.pos_ == "ADJ":
                continue  # "military aid", "military support": the kind of help, not who gives it
            return mod
    return None


_HELP_NOUNS = {"aid", "assistance", "support", "help", "equipment", "supplies", "package", "training"}


def _in_modifier_chain(t: Token, noun: Token) -> bool:
    """Is `t` one of the pre-modifiers of `noun`, directly or through other compounds?"""
    while t.i != noun.i:
        if t.dep_ not in {"amod", "compound", "nmod", "npadvmod"} or t.head.i <= t.i:
            return False
        t = t.head
    return True


_LACK_NOUNS = {"shortage", "shortages", "lack", "scarcity", "absence", "short"}


def _lacking(tok: Token) -> bool:
    """ "the hospital had run out of supplies", "a shortage of aid": what is missing is no act."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    above = tok.head.head
    return above.lower_ in _LACK_NOUNS or (above.lower_ == "out" and above.head.lemma_.lower() == "run")


def claimed_or_blamed(tok: Token) -> Token | None:
    """ "activists blamed the Islamic State for the attack", "IS claimed responsibility for the bombing":
    the one blamed, or the one claiming it, carried out the act; so did X in "blamed the attack on X"
    and "attributed the bombing to X"."""
    pinned = PINNING_VERBS.get(tok.head.lemma_.lower()) if tok.dep_ == "dobj" else None
    if pinned is not None:
        return _prep_object(tok, (pinned,)) or _prep_object(tok.head, (pinned,))
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "claim" and tok.pos_ == "NOUN" and definite(tok):
        return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)  # "IS claimed the attack"
    if tok.dep_ not in {"pobj", "pcomp"} or tok.head.lower_ not in {"for", "of"}:
        return None
    head = tok.head.head
    if head.lemma_.lower() in BLAME_VERBS:
        return next((c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if _accused(head):
        return head  # "accused Assad's forces of launching ...": the parser hangs "of" on the accused
    if tok.head.lower_ != "for":
        return None
    if head.lemma_.lower() == "responsibility" and head.head.lemma_.lower() in CLAIM_VERBS:
        return next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if head.lemma_.lower() in CLAIM_VERBS and any(  # the parser hangs "for" on the verb
        c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in head.children
    ):
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def _prep_object(tok: Token, preps: Iterable[str]) -> Token | None:
    """The object of the first of `preps` (in their order of preference) that `tok` governs."""
    found = [c for c in tok.children if c.dep_ in {"prep", "dative"} and c.pos_ == "ADP"]
    for prep in preps:
        for word in (c for c in found if c.lower_ == prep):  # "an assault on X on Thursday": every "on"
            pobj = next((c for c in word.children if c.dep_ == "pobj"), None)
            if pobj is None:  # "from neighboring Lebanon" misread as a gerund with an object
                pobj = _gerund_name(word)
            if pobj is not None and pobj.lower_ not in TIME_WORDS:  # "on Monday" is no recipient
                return pobj
    return None


def _gerund_name(prep: Token) -> Token | None:
    """The name a preposition's misparsed gerund governs ("from neighboring Lebanon")."""
    pcomp = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    obj = next((c for c in pcomp.children if c.dep_ == "dobj"), None) if pcomp is not None else None
    return obj if obj is not None and obj.pos_ == "PROPN" else None


def own_next_act(clause: Token, verb: Token) -> bool:
    """A verb coordinated after a speech verb, sharing its subject ("denied the accusation and called for
    their release"): the speaker's next act of its own, not what the speech verb reports."""
    return (
        clause.dep_ == "conj"
        and clause.i > verb.i
        and clause.pos_ == "VERB"
        and verb.lemma_.lower() in SPEECH_LEMMAS
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    )


_BELIEF_LEMMAS = {"believe", "think", "suspect", "say", "report", "know", "understand"}


def reduced_belief(verb: Token) -> bool:
    """ "Gunmen believed to belong to a cartel ambushed ...": the parser reads "believed" as the subject's
    own verb; a belief verb followed at once by "to" and a verb describes its subject, it is no one's
    statement."""
    doc = verb.doc
    return (
        verb.lemma_.lower() in _BELIEF_LEMMAS
        and verb.tag_ in {"VBD", "VBN"}
        and verb.i + 2 < len(doc)
        and doc[verb.i + 1].lower_ == "to"
        and doc[verb.i + 2].pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _believed_whose(belief: Token, described: Token) -> Token | None:
    """ "air raids believed to be Russian killed ...": the nationality the belief gives an act or a
    machine is whose it was (a belief about gunmen keeps the gunmen: "believed to be smugglers")."""
    if described.pos_ != "NOUN" or described.lemma_.lower() in _GUNMEN:
        return None
    be = next((c for c in belief.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
    said = next((c for c in be.children if c.dep_ in {"acomp", "attr"}), None) if be is not None else None
    nationality = said is not None and said.pos_ in {"ADJ", "PROPN"} and said.text[:1].isupper()
    return said if nationality else None


_GUNMEN = {"gunman", "man", "attacker", "assailant", "militant", "fighter", "person", "suspect"}


def _inherited_subject(tok: Token) -> Token | None:
    """The subject of the clause a trigger sits in, climbing through control verbs, light verbs and
    prepositions ("began the process of leaving Raqqa"), but never across a reported-speech boundary."""
    cur = tok
    for _ in range(6):
        crossing = cur.dep_ in _BOUNDARY_DEPS and not _small_clause(cur)
        # "launched a mediation effort": the act names the effort it is part of
        generic = cur.dep_ == "compound" and cur.head.lemma_.lower() in GENERIC_ACT_HEADS
        climbs = cur.dep_ in _CLIMB_DEPS or generic or _small_clause(cur)
        if crossing or not climbs or cur.head.i == cur.i:
            return None
        head = cur.head
        if head.pos_ == "ADJ" and _small_clause(head):  # "made the rebels ready to attack"
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is not None and _actorish(subj) and subj.pos_ != "PRON":
                return subj
        if head.lemma_.lower() in VICTIM_VERBS and (cur.dep_ == "prep" or _misread_act_clause(cur)):
            return None  # "five people died in the attack": the victims, not the attackers
        if head.lemma_.lower() in VICTIM_VERBS and cur.dep_ == "advcl" and cur.tag_ in _FINITE:
            return None  # "four died after shells slammed into ...": a finite clause whose subject got lost
        if cur.dep_ == "dobj" and head.lemma_.lower() in UNDERGOING_VERBS:
            return None  # "residents heard the blast", "the convoy survived an ambush"
        if cur.dep_ in {"oprd", "attr"} and head.lemma_.lower() in _NAMING_VERBS:
            return None  # "condemned what he called a deliberate attack": who names it did not do it
        if cur.dep_ == "prep" and head.dep_ in {"acomp", "amod", "ROOT"} and head.lower_ in ATTITUDES:
            return None  # "the UN was concerned about the detentions": it speaks of them, it did not detain
        counted = head.pos_ == "NOUN" and head.lemma_.lower() in COUNT_NOUNS
        if counted or (cur.dep_ == "prep" and any(_count_object(c) for c in head.children)):
            return None  # "a monitor raised the death toll from the airstrikes": it counts, it did not strike
        if cur.dep_ == "prep" and cur.lower_ in {"of", "for"} and _accused(head):
            return head  # "accused the army and the rebels of killing civilians": the rebels, not the accuser
        if result_of_blamed_act(cur, head):
            # "accused the troops of a gas attack on Douma, killing 40": the killing is the alleged act's
            return next((c for c in head.children if c.dep_ == "dobj"), None)
        if cur.dep_ == "prep" and head.pos_ == "ADJ" and head.lemma_.lower() in _WEIGHING:
            return None  # "the region is strategically important in the battle against IS": no fighter
        if cur.dep_ == "prep" and cur.lower_ in {"during", "amid", "amidst"} and tok.head.i == cur.i:
            return None  # "killed a militiaman during nationwide protests": the protests were others'
        if cur.dep_ == "prep" and head.lemma_.lower() in _ANSWERED_BY:
            return None  # "struck in retaliation for an attack": the attack was the other side's
        if cur.dep_ == "prep" and _harmed_noun_participle(head):
            return None  # "a minister was among ten people killed in the attack": a victim too
        if _headline_passive(head, list(head.children)):
            return None  # "a nurse wounded when an airstrike hit": the subject is harmed, not the doer
        if cur.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:  # "forcing residents to flee": the residents flee, not the gunmen
                return obj
        controlled = cur.dep_ == "xcomp" or (cur.dep_ == "dobj" and cur.tag_ == "VBG")
        # "Italy announced a suspension of flights": one announces one's own measure, not another's act
        own_measure = cur.dep_ == "dobj" and cur.pos_ == "NOUN" and head.lemma_.lower() in OWN_MEASURE
        controlled = controlled or own_measure or own_next_act(cur, head)
        # "X said Y attacked", "X's report on the attack": X speaks of it; but "a state of siege" is no speech
        speech = head.lemma_.lower() in SPEECH_LEMMAS and not (head.pos_ == "NOUN" and head.lower_ == "state")
        if speech and not controlled:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in head.children if c.dep_ in {"nsubj", "csubj"}), None)
            if cur.dep_ == "attr" and subj is not None and subj.lower_ in {"it", "this", "that", "there"}:
                return None  # "it was the first bombardment of the town": no one named
            if subj is not None and subj is not tok and tok not in subj.subtree:
                return subj
            if subj is not None:
                return None  # "police did not intervene and the march ended": the act is its clause's subject
            if controlled and cur.dep_ == "xcomp":  # "Obama is scheduled to attend the summit"
                subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if subj is not None:
                    return subj
            if head.lemma_.lower() in ENGAGED_VERBS:  # "forces were engaged in ethnic cleansing"
                subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if subj is not None:
                    return subj
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        cur = head
    return None


# verbs that name an act ("what he called a deliberate attack", "described it as a massacre")
_NAMING_VERBS = {"call", "describe", "term", "label", "brand", "dub"}
# verbs whose object does what the infinitive after it says ("forced residents to flee")
_OBJECT_CONTROL = {"force", "compel", "cause", "prompt", "drive", "push"}
# adjectives weighing a thing's part in an act, not doing it ("important in the battle against IS")
_WEIGHING = {
    "important",
    "crucial",
    "key",
    "vital",
    "strategic",
    "central",
    "significant",
    "critical",
    "pivotal",
}
# nouns naming an act as the answer to another: the act answered is someone else's
_ANSWERED_BY = {"retaliation", "response", "revenge", "reprisal", "retribution"}


def result_of_blamed_act(clause: Token, verb: Token) -> bool:
    """ "X accused Y of launching an attack, killing 40": a participle the parser hung on the accusing
    verb tells what the alleged act did, not what the accuser did."""
    blames = verb.lemma_.lower() in {"accuse", "blame"}
    return blames and clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.i == verb.i


def _accused(noun: Token) -> bool:
    """The object of an accusing verb, or one coordinated with it ("accused the army and the rebels")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"accuse", "blame", "charge", "suspect"}


def _count_object(tok: Token) -> bool:
    return tok.dep_ == "dobj" and tok.lemma_.lower() in COUNT_NOUNS


def _small_clause(tok: Token) -> bool:
    """A verbless clause a causative verb governs ("made its intentions clear on leading ..."): its
    subject is no actor of the acts inside it; the causative verb's subject is."""
    return (
        tok.dep_ in {"ccomp", "oprd"}
        and tok.pos_ == "ADJ"
        and tok.head.pos_ in {"VERB", "AUX"}
        and tok.head.lemma_.lower() not in SPEECH_LEMMAS
    )


def _victims_named_by(nested: Trigger, kept: Trigger) -> bool:
    """A killing folded into the strike it follows names the strike's victims, when the strike itself
    named only where it fell ("in Mosul", "on towns") or no one."""
    if nested.event_type != "ASSAULT" or kept.event_type != "ASSAULT" or nested.target is None:
        return False
    victims = nested.target
    of = _prep_object(victims, ("of",))
    counted = of is not None and _actorish(of)  # "dozens of militants"
    if not counted and (victims.pos_ != "NOUN" or not _actorish(victims)):
        return False
    where = kept.target  # none, "in Mosul", or the places struck ("strikes on towns")
    return (
        where is None
        or (where.pos_ == "PROPN" and where.head.lower_ == "in")
        or where.lemma_.lower() in _SETTLEMENTS
    )


_SETTLEMENTS = {
    "town",
    "village",
    "city",
    "area",
    "neighbourhood",
    "neighborhood",
    "district",
    "hamlet",
    "suburb",
}


SIGNING_VERBS = {"sign", "ratify"}


def _signs(trig: Trigger) -> bool:
    """A signing ("signed a ceasefire agreement"): the deal it takes as object is no act of its own."""
    return trig.event_type == "SUPPORT" and trig.token.lemma_.lower() in SIGNING_VERBS


def _drop_nested(found: list[Trigger]) -> list[Trigger]:
    """One event per act: an event noun that is the object of a light-verb trigger ("launched an
    offensive") is the same event, and the complement of a threat or request is folded into it."""
    # "held talks": the phrase's noun is the same act as the phrase
    particles = {t.particle.i for t in found if t.particle is not None}
    found = [t for t in found if t.token.i not in particles]
    by_token = {t.token.i: t for t in found}
    # "imposed sanctions on X": the sanctions are the event, "imposed" only its doing; the event keeps
    # the verb as its anchor, so it stands where the verb stands in the sentence (a main clause's act)
    generic = [t for t in found if _yields_to_object(t, by_token)]
    found = [t for t in found if t not in generic]
    for verb in generic:
        obj = next(by_token[c.i] for c in verb.token.children if c.dep_ == "dobj" and c.i in by_token)
        if obj.particle is None:
            obj.token, obj.particle = verb.token, obj.token
    by_token = {t.token.i: t for t in found}
    keep = []
    for trig in found:
        head = trig.token.head
        dup = False
        direct = trig.token.dep_ in _COMPLEMENT_DEPS
        # "ended the ceasefire and resumed air strikes": the object of a verb coordinated with the trigger
        tok = trig.token
        coordinated = tok.dep_ == "dobj" and tok.head.dep_ == "conj" and tok.head.pos_ == "VERB"
        for _ in range(3):
            other = by_token.get(head.i)
            if other is not None and other is not trig:
                folds = other.event_type in FOLD_COMPLEMENTS and (
                    direct or other.event_type not in {"REJECT", "ACCUSE"}
                )
                same_act = direct and other.original == trig.event_type  # "is ready to provide aid"
                # "signed a ceasefire agreement": the signing is the act (CAMEO 057), the deal its object
                same_act = same_act or (direct and trig.token.dep_ == "dobj" and _signs(other))
                # "sent troops to attack the rebels": the purpose is an act of its own kind
                purpose = _to_infinitive(trig.token) and other.event_type != trig.event_type
                # "fired rubber bullets and detained 60 supporters": a conjoined act of another kind
                purpose = purpose or (
                    _shared_subject_conj(trig.token) and other.event_type != trig.event_type
                )
                if (other.sense.objects and not purpose and not coordinated) or folds or same_act:
                    if trig.mode and not other.mode and trig.event_type == other.event_type:
                        other.mode = trig.mode  # "launched an airstrike": aerial; not "breached a ban"
                    if _victims_named_by(trig, other):
                        other.target = trig.target  # "carried out strikes in Mosul, killing dozens of X"
                    dup = True
                break
            if head.head == head:
                break
            direct = direct and head.dep_ in _COMPLEMENT_DEPS
            head = head.head
        if _blamed_act(trig) or not dup and not _reason_of_complaint(trig, by_token):
            keep.append(trig)
    for trig in keep:  # "lodged a protest", "staged a sit-in": the light verb anchors the act in its clause
        tok = trig.token
        if trig.particle is None and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.i not in by_token:
            if tok.head.lemma_.lower() in LIGHT_VERBS:
                trig.token, trig.particle = tok.head, tok
    return keep


def _shared_subject_conj(tok: Token) -> bool:
    """A verb coordinated with the one before it, sharing that verb's subject ("fired ... and detained")."""
    return (
        tok.dep_ == "conj" and tok.pos_ == "VERB" and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children)
    )


def _yields_to_object(trig: Trigger, by_token: dict[int, Trigger]) -> bool:
    tok = trig.token
    return tok.lemma_.lower() in GENERIC_VERBS and any(
        c.dep_ == "dobj" and c.i in by_token for c in tok.children
    )


def _blamed_act(trig: Trigger) -> bool:
    """ "Kenya blamed al-Shabaab for the bombing", "accused the army of shelling the town": the act
    blamed on someone is an event of its own (carried out by the one blamed, as alleged by the
    accuser), besides the accusation."""
    return trig.event_type in MATERIAL_CONFLICT and claimed_or_blamed(trig.token) is not None


def _reason_of_complaint(trig: Trigger, by_token: dict[int, Trigger]) -> bool:
    """ "Kenya lodged a protest with Uganda over the detention of its fishermen": an event noun in an
    "over/for/about" phrase of a verbal-conflict clause is what the complaint is about."""
    tok = trig.token
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in {"over", "for", "about", "against"}:
        return False
    # "farmers protested against a trade deal": the deal protested, not one made
    against = tok.head.lower_ == "against"
    if against and trig.event_type not in {"AGREE", "SUPPORT", "COOPERATE"}:
        return False
    kinds = VERBAL_CONFLICT | {"PROTEST"} if against else VERBAL_CONFLICT
    verb = tok.head.head
    clause = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    return any(
        (other := by_token.get(t.i)) is not None and other is not trig and other.event_type in kinds
        for t in clause
    )
