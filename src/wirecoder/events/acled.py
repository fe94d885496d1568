"""ACLED event type and sub-event type of one event, from its sentence and its story.

Why rules: ACLED's terms forbid training on ACLED data, and its codebook is itself a short list of
definitions with an explicit order of precedence (a suicide bombing stays "Suicide bomb" even if shooting
follows; remote violence inside an ongoing battle is part of the battle; peaceful protesters met with
lethal force are "Excessive force against protesters", violent ones are rioters...). So the decision
order is code here, and the words that signal each category are data in `acled_rules.yaml`.

The sentence decides the family of the event (battle, remote violence, violence against civilians,
demonstration, strategic development); the whole short story refines it inside the family (a protest whose
next sentence says police fired live rounds, killing two). Negation and modality are not handled here:
the caller keeps the stance.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_RULES_PATH = Path(__file__).with_name("acled_rules.yaml")

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUBTYPES: dict[str, str] = {
    "Armed clash": BATTLES,
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Chemical weapon": REMOTE,
    "Air/drone strike": REMOTE,
    "Suicide bomb": REMOTE,
    "Shelling/artillery/missile attack": REMOTE,
    "Remote explosive/landmine/IED": REMOTE,
    "Grenade": REMOTE,
    "Sexual violence": VAC,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}

# PLOVER types that are speech, deals or help, not force: they get an ACLED category only when their
# sentence describes a demonstration (e.g. "protesters denounced ...") or a signed agreement, never from
# the deed they talk about or from the rest of the story ("would hold talks" in a protest story).
VERBAL_TYPES = frozenset(
    {"ACCUSE", "REQUEST", "CONSULT", "REJECT", "THREATEN", "SUPPORT", "SANCTION", "AGREE", "AID", "COOPERATE"}
)
_OWN_SENTENCE_ONLY = frozenset(
    {"Agreement", "Change to group/activity", "Headquarters or base established", "Other"}
)
_TERRITORY_SUBTYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)
_CROWD_TYPES = frozenset({"Protests", "Riots"})
_PEACEFUL_DEEDS = frozenset({"AGREE", "AID", "COOPERATE"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "INS", "MILITIA", "PMC", "UAF", "CRM"})
CIVILIAN_SECTORS = frozenset(
    {"CVL", "MED", "EDU", "REL", "HLH", "NGO", "BUS", "LAB", "AGR", "REF", "OPP", "POL"}
)

_WITHOUT_FIGHT = re.compile(r"\bwithout (?:a |any )?(?:fight(?:ing)?|resistance|clash(?:es)?|a shot)\b")
_CROWD = re.compile(r"\b(?:supporters|crowds?|youths|rioters|demonstrators|protesters|students|fans)\b")
_CROWD_OR_PROTESTERS = re.compile(
    r"\b(?:supporters|crowds?|youths|rioters|demonstrators|protesters|protestors|students|fans|residents|"
    r"mourners|protesting|demonstrating)\b"
)
_FORMER = re.compile(
    r"\b(?:former|retired|ex-|off-duty)\s*(?:\w+ ){0,2}(?:soldiers?|officers?|police(?:m[ae]n)?|fighters?|"
    r"militants?|rebels?|combatants?|members?)\b"
)
_NO_HARM = re.compile(
    r"\b(?:no (?:one|body|people|person|civilians?|casualties|injuries|fatalities|deaths?)|nobody|none)"
    r"(?: (?:was|were|is|are|has been|have been|reported))?(?: \w+)?"
    r"(?: (?:killed|injured|hurt|wounded|harmed|reported))?"
)
_FOUND_DEAD = re.compile(
    r"\bbod(?:y|ies)\b(?: \w+){0,12} (?:found|discovered|recovered)\b|\b(?:found|discovered) (?:\w+ ){0,3}"
    r"bod(?:y|ies)\b|\bfound (?:\w+ ){0,2}(?:dead|killed|murdered|beheaded|shot)\b"
)
# ACLED-style notes sometimes open with a label ("Looting: On 4 May, ..."); it names the sub-type.
_PREFIXES = {
    "looting": "Looting/property destruction",
    "property destruction": "Looting/property destruction",
    "arrests?": "Arrests",
    "defus(?:al|ed)": "Disrupted weapons use",
    "weapons? seizure": "Disrupted weapons use",
    "interception": "Disrupted weapons use",
    "disrupted weapons use": "Disrupted weapons use",
    "agreement": "Agreement",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "headquarters? (?:or base )?established": "Headquarters or base established",
    "mob violence": "Mob violence",
}
_PREFIX = re.compile(r"^\s*(" + "|".join(_PREFIXES) + r")\s*:")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|are|is|got)\s+(?:\w+ly\s+)?$")
_BY = re.compile(r"\bby\b")
# End of a verb's object: punctuation, a reporting clause, or a place/time preposition after >= 1 word.
_OBJECT_END = re.compile(
    r"[;.,]|\b(?:according|said|witnesses|sources)\b|(?<=\w) (?:at|in|near|outside|inside|during|while|along|"
    r"between|across|after|before|on (?:the )?(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"night|outskirts|road|way))\b"
)
_CLAUSE_END = re.compile(r"[;.]|\b(?:and|but|after|before|while|when)\b")


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """The cue patterns of acled_rules.yaml, one compiled alternation per cue."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 15x faster than the Python parser
    raw = yaml.load(_RULES_PATH.read_text(encoding="utf-8"), Loader=loader)
    return {name: re.compile(r"\b(?:" + "|".join(pats) + r")\b") for name, pats in raw.items()}


@lru_cache(maxsize=8192)
def _has(cue: str, text: str) -> bool:
    """Cached: every event of a story asks the same cues of the same story context."""
    return _cues()[cue].search(text) is not None


@lru_cache(maxsize=8192)
def _find(cue: str, text: str) -> re.Match[str] | None:
    """Cached like `_has` (a match object is read-only)."""
    return _cues()[cue].search(text)


def _count(cue: str, text: str) -> int:
    return sum(1 for _ in _cues()[cue].finditer(text))


def assault_mode(sentence_lower: str) -> str | None:
    """PLOVER ASSAULT mode from weapon and method words, most specific first (None when no cue)."""
    s = sentence_lower
    if _has("suicide", s):
        return "suicide-attack"
    if _has("chemical", s.replace("tear gas", "")):
        return "unconventional"
    if re.search(r"\b(?:drones?|uavs?|unmanned aerial|shahed)\b", s) and not _has("disrupted", s):
        return "drone"
    if _has("air", s):
        return "aerial"
    if _has("sexual", s):
        return "sexual"
    if _has("abduction", s):
        return "abduct"
    if _has("ied_strong", s) or _has("grenade", s):
        return "explosives"
    if _has("shelling", s):
        return "heavy-weapons"
    if _has("ied_weak", s):
        return "explosives"
    if re.search(r"\btortur\w*", s):
        return "torture"
    if re.search(r"\b(?:lynch\w*|beat(?:en|ing)?|flogg\w+|whipp\w+|stoned|clubbed|assaulted)\b", s):
        return "beat"
    if re.search(r"\b(?:machetes?|knives|knife|stabb\w+|hack(?:ed|ing)|axes?|arrows?|behead\w*|clubs?)\b", s):
        return "primitive"
    if re.search(r"\b(?:tear ?gas|water cannons?|rubber bullets?|batons?|pepper spray)\b", s):
        return "crowd-control"
    if re.search(r"\b(?:assassinat\w+|targeted killing)\b", s):
        return "targeted"
    if re.search(
        r"\b(?:shot|shoot\w*|gun\w*|fir(?:ed|ing) (?:on|at|into)|opened fire|rifles?|bullets?|sniper\w*)\b", s
    ):
        return "firearms"
    if re.search(
        r"\b(?:burn(?:ed|t) (?:down )?(?:\w+ ){0,2}(?:houses|homes|villages?)|demolish\w*|razed)\b", s
    ):
        return "destroy"
    return None


# "called for more protests on Thursday", "vowed to hold rallies": protests to come, not one held
_CALLED_FOR = re.compile(
    r"\b(?:call(?:ed|s|ing)? for|urg(?:ed|es|ing)|plan(?:ned|s|ning)?|threat(?:en|ened|ens|ening)"
    r"|vow(?:ed|s)?|announc(?:ed|es|ing)) "
    r"(?:(?:to|hold|stage|more|new|further|fresh|mass|nationwide|a|an|the) ){0,3}"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|marches|march|sit-ins?|strikes?)\b"
)


_BREACH = re.compile(r"\b(?:violat\w*|breach\w*|broke|broken)\b")


def classify_acled(
    sentence: str,
    context: str,
    event_type: str | None,
    mode: str | None,
    source_sector: str | None,
    target_sector: str | None,
    killed: int | None,
    text_lower: str | None = None,
    note: bool = True,
) -> tuple[str | None, str | None]:
    """(acled_type, acled_subtype) with ACLED's spellings, or (None, None) when no ACLED category fits.

    `sentence` is the event's sentence, `context` the whole short story (both as written);
    `text_lower` may pass `context.lower()` when the caller already has it. `note` says whether a
    short context may be an ACLED-style note about one event (a headlined news story never is).
    """
    s = sentence.lower()
    ctx = text_lower if text_lower is not None else context.lower()
    if event_type in VERBAL_TYPES:
        # "protesters denounced ...", not "the president called the protesters criminals"
        speaks_for_state = source_sector in STATE_SECTORS
        protest = _has("protest", s) and not speaks_for_state and not _CALLED_FOR.search(s)
        sub = _demonstration(s, ctx, killed, note) if protest else None
        if sub is None and event_type in {"SUPPORT", "AGREE"} and _has("agreement", s):
            sub = "Agreement"  # signing a ceasefire or peace deal (PLOVER SUPPORT, CAMEO 057)
        if sub is None and event_type in _PEACEFUL_DEEDS:
            # a deed of its own sentence may be a strategic development ("exchanged prisoners under a deal")
            found = _from_text(s, sentence, ctx, source_sector, target_sector, killed, note)
            sub = found if found and SUBTYPES[found] == STRATEGIC else None
        return _pair(sub)
    if event_type == "RETREAT":
        sub = _retreat(s)
        if sub is None and mode == "ceasefire":
            sub = "Agreement"  # a declared truce (CAMEO 0871) is an ACLED agreement
        return _pair(sub)
    args = (ctx, source_sector, target_sector, killed, note)
    if event_type == "MOBILIZE":
        # a deployment or new base is a strategic development, whatever violence it answers
        found = _from_text(s, sentence, *args)
        return _pair(found if found and SUBTYPES[found] == STRATEGIC else "Change to group/activity")
    # Specific cues in the sentence, then in the story; only then a bare "attacked" / "killed".
    sub = _from_text(s, sentence, *args)
    if sub == "Agreement":
        # "two civilians were killed in areas covered by the ceasefire": a killing, not the deal it breaks
        # and a breach of it ("previous ceasefires were violated") is never the deal
        breach = event_type == "ASSAULT" and _BREACH.search(s) is not None
        sub = _violence(s, source_sector, target_sector, generic=True) or (None if breach else sub)
    if sub is None and ctx and ctx != s:
        sub = _from_text(ctx, context, *args)
        if sub in _OWN_SENTENCE_ONLY or (not note and sub in _TERRITORY_SUBTYPES):
            # a deal or a new leader elsewhere in the story does not make this deed one, nor does a town
            # changing hands somewhere in a longer news story
            sub = None
        elif (
            sub is not None
            and SUBTYPES[sub] == STRATEGIC
            and _violence(s, source_sector, target_sector, generic=True)
        ):
            sub = None  # "Gang attack leaves dozens dead": homes burnt later on do not make it looting
    if sub is None:
        sub = _violence(s, source_sector, target_sector, generic=True)
    if sub is None and ctx and ctx != s:
        sub = _violence(ctx, source_sector, target_sector, generic=True)
    if sub is None:
        sub = _from_plover(s, event_type, mode, target_sector)
    if sub == "Remote explosive/landmine/IED" and ctx and _has("suicide", ctx.lower()):
        sub = "Suicide bomb"  # "rammed an explosives-laden truck ... the group claimed the suicide attack"
    if sub in {"Attack", "Armed clash"} and ctx and ctx != s and not _OWN_FIGHT.search(s):
        # "Two civilians were injured." after "Russian forces shelled the district.": ACLED codes the
        # weapon of the story, and a casualty sentence only names the victims (an ambush told in its own
        # sentence keeps its own category, whatever helicopters come later)
        story = _from_text(ctx, context, *args)
        if story in _WEAPON_SUBTYPES:
            sub = story
    if event_type == "COERCE" and sub in _WEAPON_SUBTYPES and _has("arrest", s):
        sub = "Arrests"  # "arrested three men with rifles and grenades": the weapons were theirs
    if event_type == "PROTEST" and _has("protest", s) and (sub is None or SUBTYPES[sub] not in _CROWD_TYPES):
        # "hanged a man who killed a militiaman during protests last year": a killing may lead the
        # sentence, but the protest event is a demonstration
        sub = _demonstration(s, ctx, None, note)
    if sub == "Violent demonstration" and event_type != "PROTEST" and source_sector in {"COP", "MIL"}:
        # "police opened fire, killing five" in a story of a stormed parliament: the riot is the crowd's,
        # the shooting is force against it
        deadly = (killed or 0) > 0 or _lethal_against(s)
        sub = "Excessive force against protesters" if deadly else "Protest with intervention"
    return _pair(sub)


_OWN_FIGHT = re.compile(
    r"\b(?:ambush\w*|attack(?:ed|ing)|raid(?:ed|ing)|storm(?:ed|ing)|fought|fighting|gunfire|opened fire|"
    r"gun ?battle|firefight|clash(?:ed|es))\b"
)
_PREMATURE = re.compile(
    r"\b(?:device|bomb|explosives?|ied) (?:\w+ ){0,3}(?:was|were) (?:assembling|building|making|planting|"
    r"handling|transporting|preparing) (?:\w+ ){0,3}(?:exploded|detonated|went off|blew up)|"
    r"\b(?:exploded|detonated|went off) prematurely\b"
)
_DEMONSTRATING = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|(?<!\d )march(?:es|ed|ers|ing)?(?! \d)|rall(?:y|ies|ied))\b"
)  # not the month: "on 17 March 2024"
_EARLIER_VIOLENCE = re.compile(
    r"\b(?:earlier|previous|past|recent|last (?:week|month|year)'s) (?:fighting|clashes|attacks?|violence)\b"
)
_ONE_SIDED = re.compile(
    r"^(?:beat\w*|tortur\w*|execut\w*|behead\w*|decapitat\w*|hack\w*|massacr\w*|whipped|flogged|"
    r"slaughter\w*|burn\w* (?:\w+ ){0,3}alive|machete\w*|murder\w*|stabb\w*|hang\w*|lynch\w*)$"
)
# A deed named only as the reason for this one ("demolished the home of a man accused of a shooting
# attack"): not the event of the sentence.
_ALLEGED_DEED = re.compile(
    r"\b(?:accused|suspected|convicted|charged|in retaliation|in revenge|in response)\s+(?:of|with|for)\s+"
    r"(?:[\w-]+ ){0,4}(?:attacks?|killings?|murders?|shootings?|bombings?|assaults?|ambush(?:es)?)\b"
)
_PRESSURE = re.compile(
    r"\b(?:under (?:\w+ )?(?:pressure|fire|attack)|counter-?offensives?|"
    r"following (?:\w+ ){0,2}(?:air ?strikes|fighting|clashes|bombardments?|shelling|offensives?|assaults?)|"
    r"after (?:\w+ ){0,2}(?:fighting|clashes|battles?))\b"
)
_ENTERED = re.compile(r"\b(?:entered|moved into|marched into|rolled into|took over|took)\b")
_WEAPON_SUBTYPES = frozenset(k for k, v in SUBTYPES.items() if v == REMOTE)
_FORCES = re.compile(
    r"\b(?:troops|forces|soldiers|fighters|militants|rebels|units|contingents?|battalions?|group)\b"
)
_PLANNED = re.compile(
    r"\b(?:ahead of|before|to prevent|to stop|planned|upcoming|called for)\s+(?:an? |the )?(?:\w+ ){0,2}$"
    r"|\bbefore (?:he|she|they|it) (?:was|were) (?:due|scheduled|set) to (?:\w+ ){0,2}(?:an? |the )?$"
)
_NO_CASUALTY_WORDS = re.compile(
    r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|blew|(?<!safely )(?<!deliberately )(?:exploded|detonated))\b"
)
_HELD = re.compile(
    r"\b(?:held|staged|organi[sz]ed|led|joined|took part in|participated in)\s+"
    r"(?:an? |the )?(?:[\w-]+ ){0,5}$"
)


SHORT_CONTEXT_CHARS = 700  # up to about five sentences: an ACLED-style note, read as one event
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[])")
_PROTEST_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied)|march(?:ed|ers)|sit-in|riot\w*)\b")
_RIOT_WORDS = re.compile(r"\briot|torch|stones|set fire")
_ARREST_WORDS = re.compile(r"\b(?:arrest\w*|detain\w*|custody)\b")
_DEAL_WORDS = re.compile(r"\b(?:signed|ceasefire|truce|agreement|deal)\b")
_FORCE_WORDS = re.compile(r"\b(?:kill\w*|attack\w*|clash\w*|fight(?:s|ing)?|fought|captur\w*|seiz\w*)\b")
# the PLOVER type of an event known only by its ACLED category
_PLOVER_OF = {
    BATTLES: "ASSAULT", REMOTE: "ASSAULT", VAC: "ASSAULT", PROTESTS: "PROTEST", RIOTS: "PROTEST",
    "Agreement": "AGREE", "Arrests": "COERCE", "Change to group/activity": "MOBILIZE",
    "Disrupted weapons use": "COERCE", "Headquarters or base established": "MOBILIZE",
    "Looting/property destruction": "COERCE", "Non-violent transfer of territory": "RETREAT",
}  # fmt: skip


def guess_plover(text_lower: str) -> tuple[str | None, str | None]:
    """A PLOVER type and mode from cue words alone, for when the parse found no trigger."""
    if _PROTEST_WORDS.search(text_lower):
        return "PROTEST", "riot" if _RIOT_WORDS.search(text_lower) else "demo"
    if _ARREST_WORDS.search(text_lower):
        return "COERCE", "arrest"
    if _DEAL_WORDS.search(text_lower):
        return "AGREE", None
    mode = assault_mode(text_lower)
    if mode or _FORCE_WORDS.search(text_lower):
        return "ASSAULT", mode
    return None, None


def story_category(text: str) -> tuple[str | None, str | None, str | None]:
    """(PLOVER type, ACLED type, ACLED sub-type) of a short report read from its cue words alone, the
    first sentence being the event's: what an ACLED coder gives a note whose main event the parser did
    not find ("Rangers took the former prime minister into custody") or found only as a statement
    ("officials accused the army of dropping chlorine"). ACLED codes the reported act, not the report."""
    first = _FIRST_SENTENCE.split(text.strip())[0]
    event_type, mode = guess_plover(first.lower())
    acled_type, sub = classify_acled(
        first, text, event_type if event_type in {"PROTEST", "COERCE"} else None, mode, None, None, None
    )
    if sub is None:
        return None, None, None
    return plover_for(sub, first, event_type), acled_type, sub


def plover_for(sub: str, sentence: str, event_type: str | None = None) -> str:
    """The PLOVER type of an event known only by its ACLED sub-event type and the sentence it is told in."""
    by_type = _PLOVER_OF.get(sub) or _PLOVER_OF.get(SUBTYPES[sub])
    return by_type or event_type or _other_plover(sentence.lower())


def _other_plover(s: str) -> str:
    """PLOVER's reading of ACLED's "Other": graves and bodies found are killings come to light, a prison
    break is an escape, and a coup, curfew or state of emergency is coercion."""
    if re.search(r"\b(?:graves?|bodies|remains|burial)\b", s):
        return "ASSAULT"
    if re.search(r"\b(?:escaped?|broke out|prison ?break|jail ?break)\b", s):
        return "RETREAT"
    return "COERCE"


def _retreat(s: str) -> str | None:
    """A retreat is an ACLED event when territory changes hands without a fight, or when a group changes
    (defections, surrenders); a leader fleeing a city is neither."""
    if _has("headquarters", s):
        return "Headquarters or base established"  # "turned a station abandoned by police into their base"
    if _has("nvt", s) and (_has("withdraw", s) or _has("territory_noun", s) or "control" in s):
        return _forced_entry(s) or "Non-violent transfer of territory"
    if _has("other_strong", s):
        return "Other"  # "inmates fled the prison"
    if _has("agreement", s) and not _deal_is_background(s):
        return "Agreement"  # fighters bused out under a brokered settlement: the deal carried out
    if re.search(r"\b(?:prisoners?|captives|detainees|hostages|pows)\b", s) and re.search(
        r"\b(?:exchange|swap)", s
    ):
        return "Agreement"  # prisoners released in an exchange: the deal carried out
    if re.search(
        r"\b(?:defect\w*|surrender\w*|disarm\w*|demobili[sz]\w*|disband\w*|laid down (?:their |its )?arms)\b",
        s,
    ):
        return "Change to group/activity"
    if _has("withdraw", s) and _FORCES.search(s):
        return "Change to group/activity"  # forces pulling out, no one taking over: a move, no handover
    return None


def _pair(sub: str | None) -> tuple[str | None, str | None]:
    return (SUBTYPES[sub], sub) if sub else (None, None)


@lru_cache(maxsize=4096)
def _from_text(
    s: str,
    original: str,
    ctx: str,
    source_sector: str | None,
    target_sector: str | None,
    killed: int | None,
    note: bool = True,
) -> str | None:
    """The sub-event type signalled by one text (sentence or story), in ACLED's order of precedence.
    Cached: a pure function of its arguments, asked again for each event of the same story."""
    prefixed = _note_prefix(s)
    if prefixed:
        return prefixed
    if _PREMATURE.search(s):
        # "the device they were assembling exploded": it never reached a target
        return "Disrupted weapons use"
    if _has("disrupted", s) and not _NO_CASUALTY_WORDS.search(s):
        return "Disrupted weapons use"  # "recovered suicide vests": the weapon never went off
    no_teargas = re.sub(r"tear ?gas", "", s)
    if _has("chemical", no_teargas):
        return "Chemical weapon"
    if _has("suicide", s):
        return "Suicide bomb"
    if _has("disrupted", s) and not _weapon_hit(s) and not _violent_deed(s.replace("shot down", "downed")):
        return "Disrupted weapons use"  # not "killed 15 soldiers and seized weapons": the killing leads
    if (_has("protest", s) and not _protest_is_background(s)) or "[size=" in ctx:
        return _demonstration(s, ctx, killed, note)
    if (
        note
        and len(ctx) <= SHORT_CONTEXT_CHARS
        and _has("arrest", s)
        and _has("protest", ctx)
        and _has("intervention", ctx)
        and not _protest_is_background(ctx)
    ):
        return _demonstration(s, ctx, killed, note)  # "Police fired tear gas at a rally ... 12 arrests."
    if _has("sexual", s):
        return "Sexual violence"  # "sexually assaulted by a mob": the violence names the event
    if _has("mob", _EARLIER_VIOLENCE.sub(" ", s)):
        return "Mob violence"
    if _has("riot", s) and _CROWD.search(s) and not _find("state_actor", s[: _find("riot", s).start()]):
        return "Violent demonstration"  # "supporters of X stormed the parliament"
    found, taken = _find("other_strong", s), _find("regain", s) or _find("capture", s)
    if found is not None and taken is not None and found.start() < taken.start():
        return "Other"  # "exhumed 440 bodies from a mass burial site following the town's recapture"
    territory = _territory(s, original, source_sector)
    if territory:
        return territory
    if _has("headquarters", s) and _SCENE_BEFORE.search(s[: _find("headquarters", s).start()]) is None:
        nvt = _find("nvt", s) or _find("withdraw", s)
        if nvt is not None and _SCENE_BEFORE.search(s[max(0, nvt.start() - 40) : nvt.start() + 10]):
            return "Headquarters or base established"  # "set up a base days after troops pulled out"
    if _has("other_strong", s) and _has("nvt", s):
        return "Other"  # "exhumed a mass grave a week after the troops left the town": the find is the news
    if (
        _has("nvt", s)
        and (_has("withdraw", s) or _has("territory_noun", s) or "control" in s)
        and not _has("looting", s)  # "burned down a police station abandoned by officers": destruction
    ):
        return _forced_entry(s) or "Non-violent transfer of territory"
    if _has("agreement", s) and not _deal_is_background(s):
        return "Agreement"
    if _has("other_strong", s):
        return "Other"
    s = _NO_HARM.sub(" ", _WITHOUT_FIGHT.sub(" ", s))
    remote = _remote(s)
    if remote:
        return remote
    if _has("sexual", s):
        return "Sexual violence"
    if _FOUND_DEAD.search(s):
        return "Attack"  # a killing discovered later is still the killing
    if _has("abduction", s) and not re.search(r"\b(?:and|later|then) (?:killed|executed|beheaded)\b", s):
        return "Abduction/forced disappearance"
    if _has("arrest", s) and not _violent_deed(s):
        return "Arrests"
    # "burned machinery and three trucks": destroying things is no violence against people
    deeds = _EARLIER_VIOLENCE.sub(" ", _cues()["looting"].sub(" ", _ALLEGED_DEED.sub(" ", s)))
    violent = _violence(deeds, source_sector, target_sector)
    if violent:
        return violent
    if _has("looting", s):
        return "Looting/property destruction"
    if _has("headquarters", s):
        return "Headquarters or base established"
    if _has("other_weak", s):
        return "Other"
    if _has("change_group", s):
        return "Change to group/activity"
    if _has("withdraw", s):
        return "Change to group/activity"
    return None


# "after", "following": what comes next in the sentence sets the scene of its main deed
_SCENE_BEFORE = re.compile(r"\b(?:after|following|since|when|once)\b")
_AFTER_PROTEST = re.compile(
    r"\b(?:after|following|amid|over|in response to|in the wake of)\s+(?:\w+\s+){0,3}$"
)


def _forced_entry(s: str) -> str | None:
    """'Troops entered Kherson after Russian forces withdrew under pressure from the counteroffensive':
    a withdrawal forced by fighting is no non-violent transfer; the side that moves in took the place."""
    if not _PRESSURE.search(s) or _WITHOUT_FIGHT.search(s):
        return None
    m = _ENTERED.search(s)
    if m is None:
        return None
    taker = _taker(s, m)
    if taker is None:
        return None
    return "Government regains territory" if taker == "state" else "Non-state actor overtakes territory"


def _note_prefix(s: str) -> str | None:
    m = _PREFIX.match(s)
    if m is None:
        return None
    return next(sub for pat, sub in _PREFIXES.items() if re.fullmatch(pat, m.group(1)))


_DEAL_BACKGROUND = re.compile(
    r"\b(?:since|despite|in violation of|violat\w*|breach\w*(?: of)?|under|amid|rejected|rejecting|"
    r"opposed|opposing|broke|breaking|before|after|previous|earlier|past|former)\s+"
    r"(?:(?:an?|the|its|their|last|this|year's|[\w-]+'s|\d{4})\s+)*$"
)


def _deal_is_background(s: str) -> bool:
    """ "air strikes killed five people, the worst toll since a ceasefire took effect", "in violation of
    the truce", "groups that rejected the 2016 peace deal": the deal is the setting of a violent deed."""
    deed = _violent_deed(s) or _has("air", s) or _has("shelling", s)
    return deed and all(
        _DEAL_BACKGROUND.search(s[max(0, m.start() - 40) : m.start()])
        for m in _cues()["agreement"].finditer(s)
    )


def _protest_is_background(s: str) -> bool:
    """'... killed a man protesting against ...' or 'in protest at' inside a story about something else:
    the protest word is not the event when a stronger deed by armed actors leads the sentence."""
    m = _find("protest", s)
    assert m is not None
    before = re.sub(r"\bthe (?:disappeared|missing)\b", " ", s[: m.start()])
    if re.search(r"\b(?:organi[sz]ers?|leaders?) of (?:[\w']+ ){0,3}$", before):
        return True  # "the organiser of last week's march was picked up": the arrest is the event
    if _PLANNED.search(before) and _has("arrest", before):
        return True  # "arrested activists ahead of a planned rally": the arrest is the event
    if _HELD.search(before):
        return False  # "relatives of kidnapped passengers held a demonstration": the protest is the deed
    if re.search(r"\b(?:during|amid)\s+(?:[\w-]+\s+){0,2}$", before) and _violent_deed(before):
        return True  # "hanged a man convicted of killing a militiaman during protests": the protest is when
    if _AFTER_PROTEST.search(before) and _has("other_weak", before):
        return True  # "imposed a curfew following protests": the protest is the reason, not the deed
    return bool(
        any(_has(c, before) for c in ("air", "shelling", "ied_strong", "ied_weak", "grenade", "abduction"))
        and not _has("protester_noun", before)
    )


def _demonstration(s: str, ctx: str, killed: int | None, note: bool = True) -> str:
    """Protest sub-types (and riots): violence by the demonstrators makes a riot; lethal force against
    peaceful ones is excessive force; any dispersal or arrest is an intervention."""
    # a short report is one event; in a full story, violence told elsewhere is not this protest's
    text = (ctx if s in ctx else f"{s} {ctx}") if note and len(ctx) <= SHORT_CONTEXT_CHARS else s
    if _has("mob", s) and not _DEMONSTRATING.search(s):
        return "Mob violence"  # "a mob of rioters beat a suspected thief to death": no demonstration
    if _rioting_crowd(text):
        return "Violent demonstration"
    lethal = _lethal_against(text) or (killed or 0) > 0
    if lethal:
        return "Excessive force against protesters"
    if _has("intervention", text):
        return "Protest with intervention"
    return "Peaceful protest"


def _rioting_crowd(text: str) -> bool:
    """A riot cue done by the crowd, not by security forces ("forces stormed the sit-in" is no riot)."""
    for m in _cues()["riot"].finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if _find("state_actor", before) is None or _CROWD_OR_PROTESTERS.search(before):
            return True
    return False


def _weapon_hit(s: str) -> bool:
    """An interception that failed: the weapon still killed or wounded someone."""
    return bool(re.search(r"\b(?:killing|killed|wounding|wounded|injuring|injured)\b", s)) and (
        _has("air", s) or _has("shelling", s) or _has("ied_strong", s)
    )


def _lethal_against(text: str) -> bool:
    """Lethal force or serious injury reported in a protest story (not the killing that started it)."""
    for m in _cues()["lethal"].finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(
            r"\b(?:over|against|the|of|after|protest(?:ing|ed)?|denounc\w+|condemn\w+|at)\s+(?:\w+ )?$",
            before,
        ) or _GRIEVANCE.search(before):
            continue
        return True
    return False


# "demanding justice for more than 200 people killed": the deaths the protest is about
_GRIEVANCE = re.compile(r"\b(?:justice|accountability) for\b")


def _territory(s: str, original: str, source_sector: str | None) -> str | None:
    """Who took a place: government regains, non-state overtakes, or a transfer without fighting."""
    m = _find("regain", s)
    verb_regain = m is not None
    if m is None:
        # "overran the army's garrison ... and took control of the town": the first capture of a place
        m = next((c for c in _cues()["capture"].finditer(s) if _place_follows(s, original, c)), None)
        if m is None:
            return None
    if _has("nvt", s):
        return "Non-violent transfer of territory"
    taker = _taker(s, m)
    if source_sector in STATE_SECTORS:
        taker = "state"
    elif source_sector in ARMED_SECTORS and source_sector not in STATE_SECTORS:
        taker = "nonstate"
    if taker is None:
        taker = "state" if verb_regain else "nonstate"
    return "Government regains territory" if taker == "state" else "Non-state actor overtakes territory"


def _place_follows(s: str, original: str, m: re.Match[str]) -> bool:
    """A capture verb counts for territory only when a place (not a person, not weapons) follows it."""
    if m.group(0).startswith("fell"):
        # "fell to the rebels", "fell into the hands of IS"; not "fell into the sea", "fell to 20 percent"
        after = s[m.end() : m.end() + 50]
        if m.group(0).endswith("into"):
            return re.match(r"\s+(?:[\w'-]+\s+){0,4}(?:hands|control)\b", after) is not None
        return re.match(r"\s+(?:the\s+)?(?:ground|sea|floor|earth|water|death|zero|\d)", after) is None
    if "control" in m.group(0) or m.group(0).startswith("under"):
        return True
    if re.match(r"\s+(?:(?:full|complete|effective) )?control\b", s[m.end() :]):
        return True
    before = s[max(0, m.start() - 60) : m.start()]
    if _PASSIVE.search(before):  # "a journalist was seized by gunmen": the person is what was taken
        patient = " ".join(before.split()[-6:])
        if _has("person_target", patient) and not _has("territory_noun", patient):
            return False
    after = s[m.end() : m.end() + 60]
    if re.match(r"\s+(?:\S+\s+){0,5}into custody\b", after):
        return False  # "took the opposition leader into custody": an arrest
    words = after.split()[:5]
    head = " ".join(words)
    if _has("person_target", " ".join(words[:4])) and not _has("territory_noun", " ".join(words[:3])):
        return False
    if _has("territory_noun", head):
        return True
    orig_after = original[m.end() : m.end() + 60].split()[:2]
    caps = [w for w in orig_after if w[:1].isupper() and w.lower() not in {"the", "a", "an"}]
    return bool(caps) and not re.match(r"\s*(?:an?|the)\s", after)


def _taker(s: str, m: re.Match[str]) -> str | None:
    """State or non-state: the actor named before the verb (or after 'fell to')."""
    if m.group(0).startswith(("fell", "under")):
        region = s[m.end() : m.end() + 60]
    else:
        start = 0
        for end in _CLAUSE_END.finditer(s[: m.start()]):
            if end.group(0) in {";", "."}:
                start = end.end()
        region = s[start : m.start()]
    state = _find("state_actor", region)
    nonstate = _find("nonstate_actor", region)
    if state and nonstate:
        return "state" if state.start() < nonstate.start() else "nonstate"
    if state:
        return "state"
    if nonstate:
        return "nonstate"
    return None


def _remote(s: str) -> str | None:
    """Explosions/remote violence by weapon; inside an ongoing two-sided battle they are the battle."""
    if _has("air", s) and not _air_is_incidental(s):
        kind = "Air/drone strike"
    elif _has("ied_strong", s):
        kind = "Remote explosive/landmine/IED"
    elif _has("shelling", s) and _shelling_is_deed(s):
        kind = "Shelling/artillery/missile attack"
    elif _has("grenade", s):
        kind = "Grenade"
    elif _has("ied_weak", s):
        kind = "Remote explosive/landmine/IED"
    else:
        return None
    if _two_sided_battle(s):
        return "Armed clash"
    return kind


def _air_is_incidental(s: str) -> bool:
    """'aircraft' damaged by shelling, 'air force' base attacked on the ground: not an air strike."""
    m = _find("air", s)
    assert m is not None
    before = s[max(0, m.start() - 30) : m.start()]
    return bool(
        re.search(r"\b(?:damag\w+|destroy\w+|hit|hitting|at|on|targeting|near)\s+(?:\w+ ){0,2}$", before)
    ) and (_has("shelling", s) or _has("clash", s))


def _shelling_is_deed(s: str) -> bool:
    """'rocket-propelled grenades' in a firefight are not a shelling."""
    cleaned = re.sub(r"rocket[- ]propelled grenades?|rpgs?", "", s)
    return _has("shelling", cleaned)


_PAST_FIGHTING = re.compile(
    r"\b(?:previous|past|earlier|former|years of|left (?:over )?from (?:the )?(?:\w+ )?)"
    r"(?:fighting|clashes|battles)\b"
)


def _two_sided_battle(s: str) -> bool:
    """A battle going on at the time: not the war a landmine was left over from."""
    s = _PAST_FIGHTING.sub(" ", s)
    return bool(
        re.search(
            r"\b(?:clash(?:ed|es)|fighting|fought|gun ?battles?|fire ?fights?|exchanged fire|"
            r"exchange of fire|returned fire|battled)\b",
            s,
        )
    )


def _violent_deed(s: str) -> bool:
    """A deed worse than the arrest in the same sentence ('tortured a detained activist to death')."""
    s = re.sub(r"\b(?:killing|murder|death|attack|assault) of\b", " ", s)
    return bool(
        re.search(
            r"\b(?:killed|killing|shot|opened fire|clash\w*|ambush\w*|attacked|tortur\w+|to death|"
            r"executed|stabbed|hacked|beheaded|massacred|wounded|injured)\b",
            s,
        )
    )


@lru_cache(maxsize=4096)
def _violence(
    s: str, source_sector: str | None, target_sector: str | None, generic: bool = False
) -> str | None:
    """Armed clash (organised armed groups fight) or Attack (armed actors hurt unarmed civilians).
    Cached like `_from_text`: every event of a story asks it of the same story context.

    Without `generic`, only when the text says who was hit; with it, a bare 'attack' defaults to a clash."""
    m = _find("kill", s)
    clash = _find("clash", s)
    if m is None and clash is None:
        return None
    if _two_sided_battle(s) or re.search(r"\b(?:on|from) both sides\b", s):
        return "Armed clash"
    anchor = m if m is not None else clash
    assert anchor is not None
    civ, armed = _targets(s, anchor)
    for later in _cues()["kill"].finditer(s, anchor.end()):
        if civ + armed:
            break
        # "attacked three villages, shooting villagers": the next verb says whom
        civ, armed = _targets(s, later)
    if not generic and civ + armed == 0 and _casualty_only(s, anchor):
        return None  # "Three people were killed." says nothing of who fought whom: ask the story
    if civ and not armed:
        return "Attack"  # the text names unarmed victims: it outranks the parser's guess of the target
    if target_sector in CIVILIAN_SECTORS:
        return "Attack"
    if m is not None and _ONE_SIDED.match(m.group(0)) and not armed and clash is None:
        return "Attack"  # "took seven men and executed them": done to someone who cannot fight back
    if target_sector in ARMED_SECTORS:
        return "Armed clash"
    if civ > armed:
        return "Attack"
    if armed > civ:
        return "Armed clash"
    if clash is not None and _find("clash", s.replace("offensive", "")) is not None:
        return "Armed clash"
    if m is not None and _ONE_SIDED.match(m.group(0)):
        return "Attack"  # beating, torture, execution: done to someone who cannot fight back
    if not generic:
        return None
    if target_sector in CIVILIAN_SECTORS:
        return "Attack"
    return "Attack" if _has("civilian", s) and not _has("armed", s) else "Armed clash"


def _casualty_only(s: str, m: re.Match[str]) -> bool:
    """A passive casualty report with no agent ("people were killed", "two died")."""
    passive = _PASSIVE.search(s[: m.start()]) is not None or m.group(0) in {"dead", "died"}
    return passive and _BY.search(s[m.end() :]) is None


def _targets(s: str, m: re.Match[str]) -> tuple[int, int]:
    """Count civilian vs armed nouns on the receiving end of the first violent verb (passive-aware).

    Places after a preposition ("at a checkpoint", "in the market") say where, not whom, so the object
    region stops at the first preposition after the object's head."""
    before, after = s[: m.start()], s[m.end() :]
    if _PASSIVE.search(before):
        by = _BY.search(after)
        target = before[-80:]
        if by:
            target += " " + after[: by.start()]
    else:
        stop = _OBJECT_END.search(after)
        target = after[: stop.start()] if stop else after[:120]
    target = _FORMER.sub(" civilian ", target)  # a former soldier is a civilian
    if re.search(r"\b(?:unarmed|civilians?|non-combatants?)\b", target):
        return 1 + _count("civilian", target), 0
    generic = len(re.findall(r"\b(?:people|persons?|bodies|body)\b", target))
    return max(0, _count("civilian", target) - generic), _count("armed", target)


def _from_plover(s: str, event_type: str | None, mode: str | None, target_sector: str | None) -> str | None:
    """Last resort: the PLOVER type and mode the caller found, when no ACLED cue is in the text."""
    by_mode = {
        "aerial": "Air/drone strike",
        "drone": "Air/drone strike",
        "heavy-weapons": "Shelling/artillery/missile attack",
        "explosives": "Remote explosive/landmine/IED",
        "suicide-attack": "Suicide bomb",
        "unconventional": "Chemical weapon",
        "abduct": "Abduction/forced disappearance",
        "sexual": "Sexual violence",
        "destroy": "Looting/property destruction",
        "riot": "Violent demonstration",
        "vandalize": "Violent demonstration",
        "demo": "Peaceful protest",
        "strike": "Peaceful protest",
        "hunger": "Peaceful protest",
        "boycott": "Peaceful protest",
        "obstruct": "Peaceful protest",
        "arrest": "Arrests",
        "curfew": "Other",
        "martial-law": "Other",
        "seize": "Looting/property destruction",
    }
    if mode in by_mode and event_type in {"ASSAULT", "PROTEST", "COERCE", None}:
        return by_mode[mode]
    if event_type == "ASSAULT":
        return "Attack" if target_sector in CIVILIAN_SECTORS else "Armed clash"
    if event_type == "PROTEST":
        return "Peaceful protest"
    if event_type == "MOBILIZE":
        return "Change to group/activity"
    return None
