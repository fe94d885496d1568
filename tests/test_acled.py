"""ACLED event / sub-event types from short reports (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import extract
from wirecoder.events.acled import SUBTYPES, assault_mode, classify_acled

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "acled-event-types.md"


def sub(text: str, event_type: str | None = None, mode: str | None = None, **kw) -> str | None:
    """Classify a one-to-few-sentence report: its first sentence is the event's sentence."""
    first = text.split(". ")[0]
    return classify_acled(
        first, text, event_type, mode, kw.get("source"), kw.get("target"), kw.get("killed")
    )[1]


ONE_PER_SUBTYPE = [
    ("Armed clash", "Soldiers and Ansaru fighters exchanged fire for two hours near Birnin Gwari on Monday."),
    ("Government regains territory", "Chadian troops retook the town of Bol from Boko Haram on 4 April."),
    (
        "Non-state actor overtakes territory",
        "Rebels of the FPRC seized the town of Bria from government forces.",
    ),
    ("Chemical weapon", "Doctors in Saraqib said a chlorine attack left dozens struggling to breathe."),
    ("Air/drone strike", "A warplane bombed a fuel market near Sarmada on Tuesday, killing four traders."),
    ("Suicide bomb", "A suicide bomber struck a police academy in Mogadishu, killing 20 cadets."),
    (
        "Shelling/artillery/missile attack",
        "Government artillery shelled rebel-held villages east of Kadugli.",
    ),
    ("Remote explosive/landmine/IED", "A landmine destroyed a minibus on the road to Tessalit, killing six."),
    ("Grenade", "An attacker tossed a grenade into a crowded bar in Garissa, wounding nine people."),
    ("Sexual violence", "Militiamen raped four displaced women collecting firewood near Kalehe."),
    ("Attack", "Gunmen on motorbikes killed nine farmers in their fields near Bankass on Sunday."),
    (
        "Abduction/forced disappearance",
        "Bandits kidnapped 14 passengers from a bus on the Abuja-Kaduna highway.",
    ),
    (
        "Peaceful protest",
        "About 300 nurses marched to the health ministry in Lusaka to demand back pay. [size=about 300]",
    ),
    ("Protest with intervention", "Police fired tear gas at students protesting fee increases in Nairobi."),
    ("Excessive force against protesters", "Troops opened fire on demonstrators in Mandalay, killing five."),
    (
        "Violent demonstration",
        "Protesters burned tyres and threw stones at police in Kinshasa over the election results.",
    ),
    ("Mob violence", "An angry mob lynched two men accused of stealing a motorbike in Kasese."),
    ("Agreement", "The warring factions signed a ceasefire in Juba on Friday under regional mediation."),
    ("Arrests", "Police arrested the spokesman of an opposition party at his home in Lome."),
    (
        "Change to group/activity",
        "Two jihadist factions in the Sahel announced their merger under a single emir.",
    ),
    ("Disrupted weapons use", "Sappers defused a roadside bomb planted near a school in Gao."),
    ("Headquarters or base established", "The militia set up a new base in the hills above Djugu."),
    ("Looting/property destruction", "Armed men looted shops and burned 40 houses in a village near Kajuru."),
    (
        "Non-violent transfer of territory",
        "Government troops withdrew from Ansongo and the rebels entered without fighting.",
    ),
    ("Other", "More than 200 inmates escaped from the central prison in Butembo overnight."),
]


@pytest.mark.parametrize(("expected", "text"), ONE_PER_SUBTYPE, ids=[e for e, _ in ONE_PER_SUBTYPE])
def test_one_sentence_per_subtype(expected: str, text: str) -> None:
    assert sub(text) == expected


def test_every_subtype_covered_and_spelled_like_the_reference() -> None:
    assert {e for e, _ in ONE_PER_SUBTYPE} == set(SUBTYPES)
    assert len(SUBTYPES) == 25
    assert set(SUBTYPES.values()) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }  # fmt: skip
    if REFERENCE.exists():  # the shared reference is only on the development machine
        table = REFERENCE.read_text(encoding="utf-8")
        for subtype, etype in SUBTYPES.items():
            assert f"| {etype} | {subtype} |" in table


def test_returns_type_and_subtype_pair() -> None:
    assert classify_acled("Rebels shelled the airport.", "", "ASSAULT", None, None, None, None) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


# --- ACLED's order of precedence ------------------------------------------------------------------------


def test_suicide_bomb_wins_over_the_shooting_that_follows() -> None:
    text = "A suicide car bomb hit the gate of the base and gunmen then fought soldiers inside."
    assert sub(text) == "Suicide bomb"


def test_chemical_weapon_wins_over_air_delivery() -> None:
    assert sub("Helicopters dropped barrels filled with chlorine gas on Kafr Zita.") == "Chemical weapon"


def test_tear_gas_is_not_a_chemical_weapon() -> None:
    assert sub("Police used tear gas on traders protesting against new taxes in Bamako.") == (
        "Protest with intervention"
    )


def test_air_versus_shelling_by_weapon_word() -> None:
    assert sub("Jets struck the outskirts of Maarat al-Numan.") == "Air/drone strike"
    assert sub("A drone hit a car near Marib, killing two.") == "Air/drone strike"
    assert sub("Mortar rounds hit a market in Mogadishu.") == "Shelling/artillery/missile attack"
    assert sub("A missile struck an apartment block in Dnipro.") == "Shelling/artillery/missile attack"


def test_remote_violence_inside_a_battle_is_the_battle() -> None:
    text = "Troops and rebels clashed for hours near Rutshuru, with both sides using mortars."
    assert sub(text) == "Armed clash"


def test_a_killing_under_a_truce_is_no_agreement() -> None:
    text = "Two farmers were killed by gunmen in a district covered by the truce agreement signed in May."
    assert sub(text, "ASSAULT") == "Attack"


def test_a_planned_assault_in_a_longer_story_gets_no_acled_category() -> None:
    # ACLED codes what happened: an offensive only planned is no battle yet (a report of up to five
    # sentences is coded as a whole instead, where ACLED may code the plan as a strategic development)
    story = (
        "Militants attacked a police post in Lamu county on Saturday, killing two officers. "
        "Residents said the gunmen fled into the Boni forest. "
        "The county commissioner said a curfew would be imposed. "
        "Schools in the area were closed on Monday. "
        "Kenyan troops launched an offensive on the militants in the forest on Sunday. "
        "The army plans to launch a second offensive on the militants next month."
    )
    events = extract(story, published="2024-03-05").events
    planned = next(e for e in events if "second offensive" in e.sentence and e.event_type == "ASSAULT")
    assert planned.claim is not None and planned.claim.stance == "planned"
    assert planned.acled_subtype is None
    done = next(e for e in events if "launched an offensive" in e.sentence and e.event_type == "ASSAULT")
    assert done.acled_subtype is not None  # guard: the old code gave both one


def test_car_bomb_without_suicide_is_remote_explosive() -> None:
    assert sub("A car bomb went off near a checkpoint in Kirkuk.") == "Remote explosive/landmine/IED"


def test_stun_grenades_do_not_make_a_grenade_attack() -> None:
    assert sub("Riot police dispersed the march with stun grenades.") == "Protest with intervention"


def test_who_took_the_town_decides_the_territory_subtype() -> None:
    assert sub("The army captured the town of Kidal from the rebels.") == "Government regains territory"
    assert sub("Rebels captured the town of Kidal from the army.") == "Non-state actor overtakes territory"
    assert sub("Militants seized control of the district centre.") == "Non-state actor overtakes territory"


def test_capturing_a_person_is_an_arrest_not_territory() -> None:
    assert sub("Troops captured a Boko Haram commander near Bama.") == "Arrests"


def test_civilian_targets_make_an_attack_armed_targets_a_clash() -> None:
    assert sub("Militants killed three traders on the road to Dori.") == "Attack"
    assert sub("Militants killed three soldiers on the road to Dori.") == "Armed clash"
    assert sub("Gunmen attacked a police station in Zamfara.") == "Armed clash"


def test_target_sector_from_the_parser_decides_when_words_do_not() -> None:
    text = "Fighters of the group attacked Dar es Salaam camp."
    assert sub(text, "ASSAULT", target="CVL") == "Attack"
    assert sub(text, "ASSAULT", target="MIL") == "Armed clash"


def test_passive_voice_victims() -> None:
    assert sub("Four villagers were shot dead by suspected militants in Tillaberi.") == "Attack"


def test_sexual_violence_wins_over_abduction() -> None:
    assert sub("Fighters abducted and raped a girl near Walikale.") == "Sexual violence"


def test_abducted_then_killed_is_an_attack() -> None:
    assert sub("Gunmen abducted and killed a pastor in Kaduna.") == "Attack"


def test_violent_protesters_make_a_riot_even_when_police_kill() -> None:
    text = "Protesters torched a police post in Kasese. Police fired live rounds, killing three."
    assert sub(text) == "Violent demonstration"


def test_lethal_force_in_the_next_sentence_makes_excessive_force() -> None:
    text = "Thousands marched in Conakry against a third term. Security forces shot dead two protesters."
    assert sub(text) == "Excessive force against protesters"


def test_killed_count_from_the_caller_makes_excessive_force() -> None:
    assert sub("Residents demonstrated in Bauchi against insecurity.", "PROTEST", "demo", killed=2) == (
        "Excessive force against protesters"
    )


def test_a_protest_against_a_killing_stays_peaceful() -> None:
    assert sub("Students protested in Abuja against the killing of a classmate.") == "Peaceful protest"


def test_riot_police_alone_do_not_make_a_riot() -> None:
    assert sub("Riot police arrested 12 people who were protesting outside the court.") == (
        "Protest with intervention"
    )


def test_arrest_of_protesters_is_intervention_not_arrests() -> None:
    assert sub("Police detained ten activists demonstrating against the junta in Niamey.") == (
        "Protest with intervention"
    )


def test_grenade_at_a_rally_is_a_grenade_attack() -> None:
    assert sub("A grenade exploded at a campaign rally in Kasese, wounding six.") == "Grenade"


def test_interception_is_disrupted_weapons_use() -> None:
    assert sub("Air defences intercepted three missiles over Odesa overnight.") == "Disrupted weapons use"
    assert sub("Troops seized a weapons cache in Sambisa.") == "Disrupted weapons use"


def test_torture_in_custody_is_an_attack_not_an_arrest() -> None:
    assert sub("Soldiers tortured a detained teacher to death in Kalay.") == "Attack"


def test_looting_prefix_of_an_acled_like_note() -> None:
    assert sub("Looting: On 4 June, militants took livestock from herders near Ansongo.") == (
        "Looting/property destruction"
    )


def test_only_context_has_the_cue() -> None:
    # The event's sentence says little; the rest of the short note says what happened.
    text = "The attack happened at dawn on Sunday. A roadside bomb hit an army truck near Kismayo."
    assert (
        classify_acled("The attack happened at dawn on Sunday.", text, "ASSAULT", None, None, None, None)[1]
        == "Remote explosive/landmine/IED"
    )


# --- PLOVER types --------------------------------------------------------------------------------------


@pytest.mark.parametrize("event_type", ["ACCUSE", "REQUEST", "CONSULT", "THREATEN"])
def test_verbal_events_get_no_acled_category(event_type: str) -> None:
    text = "Turkey accused the YPG of shelling border villages near Kilis."
    assert classify_acled(text, text, event_type, None, "GOV", "REB", None) == (None, None)


def test_verbal_event_of_demonstrators_is_a_protest() -> None:
    text = "Demonstrators in Khartoum denounced the military takeover."
    assert classify_acled(text, text, "ACCUSE", None, "CVL", "MIL", None)[1] == "Peaceful protest"


def test_agreement_only_for_a_concrete_agreement() -> None:
    assert sub("The two governments agreed to keep talking about the border.", "AGREE") is None
    assert sub("The two governments signed a border agreement in Addis Ababa.", "AGREE") == "Agreement"


def test_retreat_without_handover_is_not_a_transfer_of_territory() -> None:
    assert sub("IS leaders fled Raqqa ahead of the offensive.", "RETREAT") is None


def test_plover_mode_is_the_last_resort() -> None:
    assert sub("The strike hit the compound.", "ASSAULT", "drone") == "Air/drone strike"
    assert sub("It happened again on Friday.", "PROTEST", "demo") == "Peaceful protest"


# --- assault_mode ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("a suicide bomber blew himself up at the market", "suicide-attack"),
        ("a drone strike hit the car", "drone"),
        ("warplanes bombed the village", "aerial"),
        ("artillery shelled the town", "heavy-weapons"),
        ("an ied exploded under the truck", "explosives"),
        ("gunmen kidnapped 12 students", "abduct"),
        ("soldiers raped two women", "sexual"),
        ("the mob beat him", "beat"),
        ("attackers hacked them with machetes", "primitive"),
        ("gunmen shot dead a trader", "firearms"),
        ("police fired tear gas", "crowd-control"),
        ("sarin was used", "unconventional"),
        ("the ministers met in geneva", None),
    ],
)
def test_assault_mode(sentence: str, mode: str | None) -> None:
    assert assault_mode(sentence) == mode


# --- cues learnt from ACLED-style notes ------------------------------------------------------------------


def test_size_tag_marks_a_demonstration() -> None:
    text = "Supporters of the mayor clashed with police in Thies and burned tyres. [size=dozens]"
    assert sub(text) == "Violent demonstration"


def test_named_civilian_victim_outranks_the_parsers_target_sector() -> None:
    assert sub("A retired army officer was shot dead by gunmen in Jos.", "ASSAULT", target="MIL") == "Attack"


def test_bodies_found_after_an_abduction_are_an_attack() -> None:
    assert sub("The bodies of two traders kidnapped last week were found near Mubi.") == "Attack"


def test_no_one_killed_leaves_property_destruction() -> None:
    text = "Militiamen burned down a school and 12 houses in Djugu; no one was killed."
    assert sub(text) == "Looting/property destruction"


def test_intercepting_a_march_is_not_disrupted_weapons_use() -> None:
    assert sub("Police intercepted a march of teachers heading to the ministry in Lome.") == (
        "Protest with intervention"
    )


def test_prison_escape_coded_as_retreat_is_other() -> None:
    assert sub("Over 100 inmates escaped from the prison in Beni overnight.", "RETREAT") == "Other"


# --- story-level precedence and phrasings added with the second development set ------------------------


def test_casualty_sentence_takes_the_weapon_of_the_story() -> None:
    story = "Rebel gunners shelled the market district of Kadugli on Sunday. Four traders were wounded."
    casualty = "Four traders were wounded."
    assert classify_acled(casualty, story, "ASSAULT", None, None, "CVL", None)[1] == (
        "Shelling/artillery/missile attack"
    )
    gunmen = "Gunmen raided a farm outside Kadugli on Sunday. Four farmhands were wounded."
    assert classify_acled(casualty, gunmen, "ASSAULT", None, None, "CVL", None)[1] == "Attack"


def test_recovered_suicide_vests_are_disrupted_weapons_not_a_bombing() -> None:
    text = "Counter-terrorism police recovered two suicide vests and rifles in a raid in Kano."
    assert sub(text, "ASSAULT") == "Disrupted weapons use"
    bombing = "A suicide bomber detonated his vest at a checkpoint in Kano, killing three."
    assert sub(bombing) == "Suicide bomb"


def test_discovered_and_safely_detonated_ied_is_disrupted() -> None:
    text = "Engineers discovered and safely detonated an IED buried on the road to Menaka."
    assert sub(text, "ASSAULT") == "Disrupted weapons use"


def test_arrest_ahead_of_a_planned_rally_is_an_arrest() -> None:
    text = "Police in Conakry arrested eight opposition activists ahead of a planned rally."
    assert sub(text, "COERCE", "arrest") == "Arrests"


def test_protest_held_by_relatives_of_victims_stays_a_protest() -> None:
    text = "Relatives of abducted students held a demonstration in Gusau to demand their release."
    assert sub(text, "PROTEST", "demo") == "Peaceful protest"
    mothers = "Women of the Committee of the Disappeared protested outside the prosecutor's office in Oaxaca."
    assert sub(mothers, "PROTEST", "demo") == "Peaceful protest"


def test_forces_pulling_out_without_a_handover_change_their_activity() -> None:
    text = "Mercenary fighters began withdrawing from their camp near Bria after a pay dispute."
    assert sub(text, "RETREAT", "withdraw") == "Change to group/activity"


def test_occupied_as_an_adjective_is_not_a_capture() -> None:
    text = "Soldiers executed two farmers in an occupied village near Kupiansk."
    assert sub(text, "ASSAULT") == "Attack"
    assert sub("Rebels occupied the town of Kiwanja on Tuesday.", "ASSAULT") == (
        "Non-state actor overtakes territory"
    )


def test_one_sided_violence_against_a_party_member_is_an_attack() -> None:
    beating = "Members of a ruling party militia beat an opposition member in Gitega until he fainted."
    assert sub(beating) == "Attack"
    assert sub("Soldiers burned three elderly villagers alive in a hamlet near Monywa.") == "Attack"


def test_labour_strike_read_as_a_strike_verb_is_a_protest() -> None:
    text = "Traders observed a sit-down strike in Jammu against a new toll."
    assert sub(text, "ASSAULT") == "Peaceful protest"


def test_vehicle_driving_over_a_mine_is_a_landmine() -> None:
    text = "A soldier died when his truck drove over a mine near Tessit."
    assert sub(text, "ASSAULT") == "Remote explosive/landmine/IED"


def test_demonstration_that_turned_violent_is_a_riot() -> None:
    text = "A march in Bunia turned violent when protesters pelted UN vehicles with stones."
    assert sub(text, "PROTEST", "demo") == "Violent demonstration"


def test_agreeing_to_open_talks_is_an_agreement() -> None:
    assert sub("The government and the rebels agreed to begin peace talks in Doha.", "AGREE") == "Agreement"


def test_new_trigger_phrasings_are_in_the_lexicon() -> None:
    from wirecoder.events.lexicon import load_lexicon

    lex = load_lexicon()
    assert ("into", "custody") in [rest for rest, _ in lex.phrasal["take"]]
    assert lex.object_sense("lob", "grenade").event_type == "ASSAULT"
    assert lex.object_sense("trade", "shot").event_type == "ASSAULT"
    assert lex.verb("relocate").event_type == "MOBILIZE"
    assert lex.object_sense("hang", "shepherd").event_type == "ASSAULT"
    assert lex.verb("hang") is None  # "hanging in the balance" is no execution
    assert "sit" in [rest[-1] for rest, _ in lex.phrasal["hold"]]


def test_short_notes_without_obvious_verbs_still_get_an_event() -> None:

    notes = {
        "On 3 May 2023, a hand grenade was lobbed at a police post in Beni. Two officers were wounded.": (
            "Grenade"
        ),
        "On 4 May 2023, market women held a sit-in outside the town hall in Bouake over new fees.": (
            "Peaceful protest"
        ),
        "On 5 May 2023, a trader was taken into custody by gendarmes in Kaya.": "Arrests",
    }
    for text, expected in notes.items():
        events = extract(text).events
        assert events and events[0].acled_subtype == expected, text


def test_withdrawal_forced_by_fighting_is_no_peaceful_handover() -> None:
    forced = "Army troops entered Tessit after the rebels withdrew under pressure from a week of air strikes."
    assert sub(forced, "ASSAULT") == "Government regains territory"
    calm = "Army troops entered Tessit after the rebels withdrew from the town without a fight."
    assert sub(calm, "ASSAULT") == "Non-violent transfer of territory"


def test_demolishing_the_home_of_an_alleged_attacker_is_property_destruction() -> None:
    text = "Soldiers demolished the house of a man accused of a shooting attack near Hebron."
    assert classify_acled(text, text, "COERCE", "destroy", "MIL", "CVL", None)[1] == (
        "Looting/property destruction"
    )


def test_found_bodies_and_caches_get_an_event() -> None:

    grave = extract("On 6 May 2023, police recovered 14 bodies from a mass grave outside Kalemie.").events
    assert grave and grave[0].acled_subtype == "Other"
    cache = extract("On 7 May 2023, soldiers found an arms cache hidden in a farmhouse near Mopti.").events
    assert cache and cache[0].acled_subtype == "Disrupted weapons use"


def test_declared_truce_and_signed_deal_are_agreements() -> None:
    # a declared truce is a retreat in PLOVER (CAMEO 0871) and an agreement in ACLED
    assert sub("The militia declared a three-day truce in the hills.", "RETREAT", "ceasefire") == "Agreement"
    # signing a peace deal is SUPPORT in PLOVER (3.3) and an agreement in ACLED
    assert sub("The two factions signed a peace agreement in Juba.", "SUPPORT") == "Agreement"
    assert sub("The minister praised the mediators in Juba.", "SUPPORT") is None


def test_talks_in_a_protest_story_get_no_protest_category() -> None:
    story = (
        "Police in Lilongwe fired tear gas at hundreds of traders marching against new market fees. "
        "The mayor said the council would meet the traders' leaders next week."
    )
    sentence = "The mayor said the council would meet the traders' leaders next week."
    assert classify_acled(sentence, story, "CONSULT", None, "GOV", "CVL", None) == (None, None)
    assert classify_acled(sentence, story, "AGREE", None, "GOV", "CVL", None) == (None, None)
    assert classify_acled(sentence, story, "ASSAULT", None, "COP", "CVL", None)[0] == "Protests"


def test_a_swap_under_a_deal_is_an_agreement() -> None:
    text = "Armenia and Azerbaijan swapped 40 detainees on Sunday under a deal brokered by Qatar."
    assert classify_acled(text, text, "COOPERATE", None, "GOV", "GOV", None)[1] == "Agreement"


def test_a_mine_left_from_old_fighting_is_an_explosive_not_a_battle() -> None:
    text = "A landmine left over from earlier fighting killed two boys herding goats near Taiz."
    assert sub(text, "ASSAULT") == "Remote explosive/landmine/IED"


def test_a_person_seized_in_the_passive_is_an_abduction_not_territory() -> None:
    text = "On 9 July 2024, a local journalist was seized by unknown gunmen in Port-de-Paix and driven away."
    assert sub(text, "ASSAULT", "abduct", source="REB") == "Abduction/forced disappearance"


def test_toxic_agents_are_chemical_weapons() -> None:
    text = "Soldiers said drones dropped canisters of toxic agents on their positions near Kupiansk."
    assert sub(text, "ASSAULT") == "Chemical weapon"


def test_a_truce_elsewhere_in_the_story_does_not_make_a_killing_an_agreement() -> None:
    text = "Thirty people died in Douma on Friday. It came two days after both sides signed a truce."
    assert sub(text, "ASSAULT", None, killed=30) == "Attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian troops dropped grenades filled with chloropicrin on trenches near Avdiivka.",
            "Chemical weapon",
        ),
        (
            "Bandits seized at least 15 passengers from a bus on the Kaduna road on Friday.",
            "Abduction/forced disappearance",
        ),
        ("Officials in Kaduna imposed a curfew on Sunday following protests over fuel prices.", "Other"),
        (
            "JNIM fighters set up a new camp near Boni, days after soldiers pulled out of the area.",
            "Headquarters or base established",
        ),
        (
            "Dozens of young men joined the local militias in Ituri after a recruitment drive.",
            "Change to group/activity",
        ),
        ("Searchers found a clandestine grave holding nine bodies near Irapuato.", "Other"),
    ],
)
def test_cues_found_on_fresh_notes(text, expected):
    assert sub(text) == expected


def test_burnt_homes_later_in_the_story_do_not_make_a_deadly_attack_looting():
    text = "Gang attack leaves dozens dead in hill town. Witnesses said gunmen set fire to many homes."
    assert sub(text, "ASSAULT", killed=12) not in {"Looting/property destruction", None}


def test_a_missile_falling_into_the_sea_takes_no_territory():
    text = "One of the rebels' missiles fell into the sea near the cargo ship."
    assert sub(text, "ASSAULT") != "Non-state actor overtakes territory"
    assert (
        sub("The town of Kidal fell to the rebels on Friday.", "ASSAULT")
        == "Non-state actor overtakes territory"
    )


def test_prisoners_released_in_an_exchange_are_an_agreement():
    text = "Armenia and Azerbaijan each released 32 prisoners of war in an exchange on Thursday."
    assert sub(text, "RETREAT", "release") == "Agreement"


def test_killing_soldiers_and_seizing_their_weapons_is_the_attack_not_a_seizure():
    text = "JNIM fighters killed 15 soldiers at a camp near Boni and seized weapons and vehicles."
    assert sub(text, "ASSAULT") != "Disrupted weapons use"


def test_the_speakers_aside_blaming_someone_is_not_the_news():
    text = (
        "Two soldiers lost their legs after stepping on a mine near Tame, the army said, blaming ELN rebels."
    )
    assert extract(text).events[0].event_type == "ASSAULT"


def test_a_short_note_without_a_trigger_becomes_one_event_with_its_category():
    text = (
        "On 4 May 2024, the armed group named a new commander for its northern cells after its leader died."
    )
    events = extract(text, published="2024-05-06").events
    assert len(events) == 1
    note = events[0]
    assert note.acled_subtype == "Change to group/activity" and note.event_type == "MOBILIZE"
    assert note.trigger is None and note.date is not None and note.date.value.isoformat() == "2024-05-04"
    assert text[note.span[0] : note.span[1]] == text


def test_a_note_reporting_an_act_through_an_accusation_is_coded_by_the_act():
    text = (
        "Local activists accused the army of dropping chlorine canisters on a village near Idlib on Sunday."
    )
    main = extract(text).events[0]
    assert main.event_type == "ACCUSE" and main.acled_subtype == "Chemical weapon"


def test_a_long_story_about_talks_takes_no_category_from_a_passing_mention():
    text = (
        "Leaders of the two parties met in Geneva on Monday. They discussed a draft constitution. "
        "Delegates said progress was slow. A spokesman described the mood as cordial. "
        "Talks will resume next week. An old mine killed two farmers near Kunduz last month."
    )
    main = extract(text, published="2024-05-08").events[0]
    assert main.event_type == "CONSULT" and main.acled_subtype is None


def test_a_truce_named_as_the_setting_of_a_strike_does_not_make_it_an_agreement():
    text = "Drone strikes killed four people in Nabatieh on Friday, the worst toll since a truce took effect."
    assert extract(text).events[0].acled_subtype == "Air/drone strike"


def test_protesters_setting_fire_near_police_custody_is_still_a_riot():
    text = "Residents protesting a death in police custody set a police station ablaze in Kumasi on Tuesday."
    assert extract(text).events[0].acled_subtype == "Violent demonstration"


def test_places_as_objects_leave_the_victims_to_the_next_verb():
    text = "Militants on motorbikes attacked Inekar, Tin-Hama and Tamalet (Menaka), shooting villagers."
    assert sub(text, "ASSAULT", source="REB") == "Attack"


def test_an_army_in_a_rebel_groups_name_is_no_state_force():
    text = "The Ta'ang National Liberation Army and its allies overran the town of Namhsan."
    assert sub(text, "ASSAULT") == "Non-state actor overtakes territory"


def test_nobody_hurt_is_no_event_and_a_released_video_frees_nobody():
    events = extract("A video released on Friday showed the camp. No one was injured in the blast.").events
    assert all(e.event_type != "RETREAT" for e in events)
    assert all(not (e.trigger and e.trigger.text == "injured") for e in events)


def test_a_later_no_fighting_remark_leaves_the_lead_to_be_coded():
    text = (
        "Government troops entered the town of Kidal on Friday after the rebels completed their withdrawal. "
        "No fighting was reported."
    )
    main = extract(text).events[0]
    assert main.acled_subtype == "Non-violent transfer of territory" and not main.negated


# Cues found on blind snippets by other writers (new own-words texts for each, never their wording)
BLIND_SET_CUES = [
    ("Two attackers set off a bomb strapped to themselves at a church gate in Surabaya.", "Suicide bomb"),
    (
        "On 3 May 2024, militants mortared an army checkpoint in Marjah. No casualties reported.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Soldiers took away a village teacher near Kupiansk on Friday; his whereabouts remain unknown.",
        "Abduction/forced disappearance",
    ),
    (
        "Activists who sat down on a motorway near Utrecht were detained and hauled off by police.",
        "Protest with intervention",
    ),
    (
        "Supporters of two rival candidates brawled with clubs outside a polling station in Kisii.",
        "Mob violence",
    ),
    (
        "The commander said he and other ex-fighters were taking up arms again, forming a new faction.",
        "Change to group/activity",
    ),
    ("Dozens of inmates slipped out of a prison in Maiduguri after floods brought down a wall.", "Other"),
    (
        "The port town was wrested back from the insurgents by government troops in August.",
        "Government regains territory",
    ),
    ("A man wearing a vest of explosives set it off at a checkpoint outside Quetta.", "Suicide bomb"),
    (
        "On 3 May 2024, a roadside device struck an army truck near Boni. 3 soldiers killed.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Two shepherds were killed by a rebel-planted mine near Hays on Friday.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Farmers parked tractors outside parliament on Monday to vent anger over fuel prices.",
        "Peaceful protest",
    ),
    (
        "Gendarmes shot a teenager in the chest during an opposition march in Conakry.",
        "Excessive force against protesters",
    ),
    ("A crowd dragged a man accused of sorcery from his home and set him alight.", "Mob violence"),
    (
        "Rival clan militias consented to halt fighting over grazing land after talks in Dhusamareb.",
        "Agreement",
    ),
    (
        "On 4 May 2024, police took the opposition leader Ali Yusuf into custody at his home in Kano.",
        "Arrests",
    ),
    (
        "Two men were killed when the bomb they were assembling exploded inside a house in Jolo.",
        "Disrupted weapons use",
    ),
    (
        "The rebel group has moved its command centre to a ridge near the border, a spokesman said.",
        "Headquarters or base established",
    ),
    (
        "On 17 March 2024, residents of two villages fought with machetes over farmland near Kitale. "
        "[size=no report]",
        "Mob violence",
    ),
    # the tagger can read "shot" as a noun after "on a motorbike"
    (
        "On 2 June 2024, two men on a motorbike shot dead a shopkeeper in Culiacan (Sinaloa).",
        "Attack",
    ),
    (
        "Rioters threw bricks and bottles at police lines outside the town hall in Leeds.",
        "Violent demonstration",
    ),
    (
        "Jihadists have established a large encampment in the forest near Fada N'Gourma.",
        "Headquarters or base established",
    ),
    (
        "Rebel fighters tore down a mobile phone mast near Kidal overnight.",
        "Looting/property destruction",
    ),
    (
        "A farmer was maimed after stepping on a landmine near his field outside Kharkiv.",
        "Remote explosive/landmine/IED",
    ),
    # a complaint verb with a that-clause reports the act, like "said that"
    (
        "A priest denounced that soldiers sexually assaulted three women at a checkpoint near Bunia.",
        "Sexual violence",
    ),
    ("Al-Shabaab claimed a suicide truck bombing that hit a base near Afgoye on Sunday.", "Suicide bomb"),
    (
        "Residents of a Cap-Haitien slum stoned and burned two suspected kidnappers on Friday.",
        "Mob violence",
    ),
    (
        "Police shot dead a student during an anti-government march in Conakry on Monday.",
        "Excessive force against protesters",
    ),
    (
        "The army said it had cleared the remaining insurgents from three villages near Marawi.",
        "Government regains territory",
    ),
    (
        "Armed gangs stormed Arcahaie, battling police for hours, and took control of its streets.",
        "Non-state actor overtakes territory",
    ),
    (
        "Investigators began exhuming a mass burial site near Bucha, a month after Russian troops left.",
        "Other",
    ),
    (
        "Northern armed groups said they had disbanded and merged into a single front.",
        "Change to group/activity",
    ),
    (
        "Iraqi troops wrested control of the market district from the militants after days of fighting.",
        "Government regains territory",
    ),
    (
        "Militiamen overran dozens of soldiers defending Bor and took control of the town.",
        "Non-state actor overtakes territory",
    ),
    (
        "Two women were sexually assaulted by a mob during the unrest in Imphal, police said.",
        "Sexual violence",
    ),
    (
        "Armed men whisked away a trader from his shop in Maiduguri on Monday.",
        "Abduction/forced disappearance",
    ),
    (
        "Police detained 30 teachers who had gathered outside the national education ministry in Harare "
        "to demand their pay.",
        "Protest with intervention",
    ),
    (
        "Soldiers stormed a sit-in outside parliament in Conakry, opening fire on the crowd.",
        "Excessive force against protesters",
    ),
    (
        "The army inaugurated a new brigade headquarters in Kidal on Saturday.",
        "Headquarters or base established",
    ),
    (
        "Raiders drove away some 300 cattle from a village in Jonglei overnight.",
        "Looting/property destruction",
    ),
    (
        "Gunmen torched three trucks and a tractor at a farm near Tirua. No injuries were reported.",
        "Looting/property destruction",
    ),
    (
        "Government troops pulled out of the base outside Gao and rebels moved in without firing a shot.",
        "Non-violent transfer of territory",
    ),
    (
        "Fighters of the Balochistan Liberation Army planted a roadside bomb that killed three soldiers.",
        "Remote explosive/landmine/IED",
    ),
    ("Police shot dead a motorcycle taxi rider at a roadblock in Kisumu on Sunday.", "Attack"),
    (
        "Residents of two villages fought with machetes over farmland near Kitale, killing two people.",
        "Mob violence",
    ),
    (
        "Army and rebel delegates signed a declaration committing to protect civilians in Jeddah.",
        "Agreement",
    ),
    (
        "The movement announced that a veteran cleric had been chosen as its new secretary-general.",
        "Change to group/activity",
    ),
    (
        "About 300 police officers from Kenya (Nairobi) arrived in Port-au-Prince for the mission.",
        "Change to group/activity",
    ),
    (
        "The army deployed an extra battalion to Bokkos after weeks of attacks on villages.",
        "Change to group/activity",
    ),
    (
        "Unknown people set fire to a signal box near Gatchina, halting trains. No one was hurt.",
        "Looting/property destruction",
    ),
    (
        "Soldiers detained the president at the palace and said on television they had seized power.",
        "Other",
    ),
    (
        "On 3 May 2024, residents of a hillside district in Port-au-Prince (Port-au-Prince, Ouest) "
        "seized four suspected kidnappers and burned them alive.",
        "Mob violence",
    ),
    (
        "Rebel fighters wrested four villages from a rival faction after heavy clashes on Monday.",
        "Non-state actor overtakes territory",
    ),
    (
        "A militant rammed an explosives-laden truck into the gate of a base near Baidoa on Tuesday.",
        "Suicide bomb",
    ),
    (
        "Police in Lyon arrested 15 activists who had glued themselves to a motorway on Monday.",
        "Protest with intervention",
    ),
    (
        "Riot police used water cannon on opposition supporters who gathered peacefully outside the "
        "electoral commission, arresting three.",
        "Protest with intervention",
    ),
    (
        "Youths angry over a death in custody set several cars alight and hurled stones at police.",
        "Violent demonstration",
    ),
    (
        "Supporters of two rival parties clashed with sticks in Sylhet on Sunday, injuring six.",
        "Mob violence",
    ),
    ("Both sides agreed to a three-day pause in fighting to let aid convoys into the city.", "Agreement"),
    (
        "Police arrested the opposition leader at his home in Harare on Tuesday, hours before he was "
        "due to address a rally.",
        "Arrests",
    ),
    (
        "The group announced it was severing its ties with al-Qaeda and would operate under a new name.",
        "Change to group/activity",
    ),
    (
        "A suitcase packed with explosives was found at the bus station and made safe by army experts.",
        "Disrupted weapons use",
    ),
    (
        "Soldiers looted shops and abandoned homes in Kalehe after residents fled. No one was injured.",
        "Looting/property destruction",
    ),
    (
        "The militants withdrew from Jowhar and troops moved in without encountering resistance.",
        "Non-violent transfer of territory",
    ),
    (
        "The army wrested the state broadcasting complex in Omdurman from the paramilitaries after weeks "
        "of fighting.",
        "Government regains territory",
    ),
    (
        "Government troops, backed by allied militias, pushed insurgents out of Mocimboa on Sunday.",
        "Government regains territory",
    ),
    (
        "The army said it had taken back Lere after dislodging the rebels on Saturday.",
        "Government regains territory",
    ),
    (
        "Soldiers threw CS gas grenades into enemy trenches near Toretsk, the general staff said.",
        "Chemical weapon",
    ),
    (
        "The driver of a truck packed with explosives rammed a checkpoint in Baidoa, dying in the "
        "blast with four soldiers.",
        "Suicide bomb",
    ),
    (
        "A salvo fired from across the border slammed into a farm near Metula, medics said.",
        "Shelling/artillery/missile attack",
    ),
    ("Gunmen on a motorbike tossed a grenade into a bar in Guayaquil on Friday.", "Grenade"),
    (
        "Four aid workers were snatched at gunpoint from their car in Port-au-Prince on Friday.",
        "Abduction/forced disappearance",
    ),
    (
        "Relatives of the dead gathered outside the district office in Poonch to demand compensation, "
        "chanting slogans before dispersing.",
        "Peaceful protest",
    ),
    (
        "A crowd dragged a man accused of blasphemy out of a police station in Sialkot and killed him.",
        "Mob violence",
    ),
    (
        "The organiser of last week's march against power cuts was picked up by plainclothes police at "
        "his home in Dhaka.",
        "Arrests",
    ),
    (
        "Gang members have turned a police station abandoned by officers into their base, locals said.",
        "Headquarters or base established",
    ),
    (
        "Gang members broke into and emptied pharmacies in downtown Port-au-Prince. No one was hurt.",
        "Looting/property destruction",
    ),
    (
        "The rebels withdrew from Walikale on Thursday and soldiers moved back in without any fighting.",
        "Non-violent transfer of territory",
    ),
    (
        "A crowd accused two men of witchcraft in a village in Enga and tortured them, killing one.",
        "Mob violence",
    ),
    (
        "Under a deal mediated by Egypt, 20 hostages were freed and 60 prisoners released on Sunday.",
        "Agreement",
    ),
    (
        "Activists who glued themselves to a bridge in Kiel were removed by police, taken into custody.",
        "Protest with intervention",
    ),
    (
        "The foreign contractors said they were ending their mission and would be replaced.",
        "Change to group/activity",
    ),
    (
        "About 150 ex-fighters handed in their weapons at a ceremony in Bria on Saturday.",
        "Change to group/activity",
    ),
    (
        "Police in Ankara detained 40 people who tried to join a banned march on Sunday.",
        "Protest with intervention",
    ),
    (
        "Investigators exhumed 60 bodies from a mass burial site following the town's recapture.",
        "Other",
    ),
    pytest.param(
        "Armed men seized three aid trucks near Rubkona and took the food, the agency said.",
        "Looting/property destruction",
        marks=pytest.mark.xfail(
            strict=True,
            reason="known error: the learned classifier reads 'armed men seized ... took' as an abduction "
            "(p 0.57 against 0.19 for looting) and overrules the rules, which alone code it right",
        ),
    ),
    (
        "Bandits stormed a school in Kebbi state and seized more than 80 pupils on Friday.",
        "Abduction/forced disappearance",
    ),
    (
        "Police beat peaceful marchers with batons in Kampala; six were hospitalised with fractures.",
        "Excessive force against protesters",
    ),
    (
        "Militiamen burned dozens of houses in a village whose residents had fled earlier fighting.",
        "Looting/property destruction",
    ),
    (
        "Soldiers took five men from a camp near Kaya and executed them by the road, witnesses said.",
        "Attack",
    ),
    (
        "Soldiers pushed the separatist fighters out of Tessalit on Sunday. Residents had reported drone "
        "strikes on the town all week.",
        "Government regains territory",
    ),
    (
        "On 3 May 2024, police fired tear gas to disperse teachers holding a peaceful rally over pay in "
        "Dakar (Dakar, Dakar). 12 arrests.",
        "Protest with intervention",
    ),
    (
        "Police used water cannon to break up a student march on parliament in Colombo.",
        "Protest with intervention",
    ),
    (
        "On 3 May 2024, a mob of rioters beat a suspected thief to death in Kisumu. 1 fatality.",
        "Mob violence",
    ),
    (
        "The two governments agreed to a ceasefire in the province after talks in Moscow. Dozens of "
        "soldiers had been killed there the previous week.",
        "Agreement",
    ),
    (
        "The mercenary group said it was pulling its fighters out of the country after declaring its "
        "mission complete.",
        "Change to group/activity",
    ),
    (
        "Armed men raided food warehouses in Mekelle and carted away sacks of grain.",
        "Looting/property destruction",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BLIND_SET_CUES)
def test_cues_found_on_blind_sets_end_to_end(text, expected):
    events = extract(text).events
    assert events and events[0].acled_subtype == expected


def test_a_leaders_words_about_protesters_are_no_protest() -> None:
    text = "The president called the protesters criminals and vowed to crush the unrest."
    assert classify_acled(text, text, "THREATEN", None, "GOV", "CVL", None) == (None, None)
    # the protesters' own words are
    text = "Protesters denounced the tax bill outside parliament."
    assert classify_acled(text, text, "ACCUSE", None, "CVL", "GOV", None)[0] == "Protests"  # guard


def test_earlier_truces_are_the_background_of_air_strikes() -> None:
    text = "Previous ceasefires collapsed within hours, and residents reported air strikes after the deal."
    assert classify_acled(text, text, "ASSAULT", "aerial", None, None, None)[1] == "Air/drone strike"
