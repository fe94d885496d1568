"""Casualty statements: number forms, outcomes, victim kinds, subsets, ranges, cumulative totals."""

import pytest

from wirecoder.casualties import complete_from_lead, find_casualties, merge_casualties
from wirecoder.schema import Casualties


def one(text: str, offset: int = 0) -> Casualties:
    found = find_casualties(text, offset)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Seventy people were killed in the attack on the market.", 70),
        ("Ninety-two people died when the shelter collapsed.", 92),
        ("One hundred and twenty people were killed in the siege.", 120),
        ("At least 70 people died after the gas attack, medics said.", 70),
        ("More than 200 people were killed in the offensive on the town.", 200),
        ("Nearly 1,400 people were killed in the chemical attack.", 1400),
        ("Dozens of people were killed when the bombs fell.", 12),
        ("Hundreds of people died in the blast at the depot.", 100),
        ("Scores of people were killed in the raid.", 20),
        ("A dozen people were killed at the checkpoint.", 12),
        ("Several people were killed by the car bomb.", 10),
        ("Three people were killed in the crossfire.", 3),
        ("A car bomb in Azaz killed 12 on Sunday.", 12),
        ("The air strike killed at least 43 people in the village.", 43),
        ("Clashes with the militia left 5 dead in Qamishli.", 5),
        ("12 dead as car bomb hits market in Azaz.", 12),
        ("The explosion claimed the lives of 20 people.", 20),
        ("The death toll rose to 30 on Thursday.", 30),
        ("The health ministry put the death toll at at least 58.", 58),
        ("The toll from the suicide attack on the bus station reached 41, the monitor said.", 41),
        ("Islamic State executed 19 men in the town square.", 19),
        ("Four people lost their lives in the flooding of the camp.", 4),
    ],
)
def test_killed_counts_in_every_number_form(sentence, killed):
    c = one(sentence)
    assert c.killed == killed
    assert c.text and c.text in sentence
    assert sentence[c.span[0] : c.span[1]] == c.text


def test_range_keeps_low_and_high_and_counts_the_low_end():
    c = one("Between 10 and 15 soldiers were killed in the ambush.")
    assert (c.killed, c.killed_range) == (10, (10, 15))
    assert one("Two or three guards were killed at the gate.").killed_range == (2, 3)
    assert one("The shelling killed 10 to 15 people.").killed_range == (10, 15)


def test_a_family_of_five():
    c = one("A family of five was killed when a shell hit their home in Douma.")
    assert c.killed == 5
    assert c.victims == {"civilians": 5}


def test_people_joined_by_and_add_up_with_their_kinds():
    c = one("Two children and a woman were killed by sniper fire in Daraa.")
    assert c.killed == 3
    assert c.victims == {"children": 2, "women": 1, "civilians": 3}


def test_civilians_and_combatants_in_one_statement():
    c = one("Five soldiers and three civilians were killed in the ambush.")
    assert c.killed == 8
    assert c.victims == {"combatants": 5, "civilians": 3}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Eleven civilians were killed in the strike on the bakery.", "civilians"),
        ("Eleven residents were killed in the strike on the bakery.", "civilians"),
        ("Eleven children were killed in the strike on the school.", "children"),
        ("Eleven women were killed in the strike on the clinic.", "women"),
        ("Eleven soldiers were killed in the ambush.", "combatants"),
        ("Eleven Syrian army troops were killed in the ambush.", "combatants"),
        ("Eleven rebel fighters died in the clashes.", "combatants"),
        ("Eleven IS militants were killed by the air strike.", "combatants"),
        ("Eleven police officers were killed by the suicide bomber.", "combatants"),
        ("Eleven pro-government militiamen were killed.", "combatants"),
        ("Eleven members of the security forces were killed.", "combatants"),
        ("Eleven members of one family were killed.", "civilians"),
    ],
)
def test_every_victim_kind(sentence, kind):
    c = one(sentence)
    assert c.killed == 11
    assert c.victims[kind] == 11


def test_children_and_women_count_as_civilians_too():
    assert one("Eleven children were killed in the strike.").victims["civilians"] == 11


def test_people_have_no_kind():
    assert one("Eleven people were killed in the strike.").victims == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Air strikes killed 12 civilians, including 2 women, in Maarat al-Numan.",
        "Twelve civilians, including two women, were killed in Maarat al-Numan.",
        "Twelve civilians were killed in Maarat al-Numan, including two women.",
        "Twelve civilians, among them two women, were killed in Maarat al-Numan.",
    ],
)
def test_including_is_a_subset_not_an_addition(sentence):
    c = one(sentence)
    assert c.killed == 12
    assert c.victims == {"civilians": 12, "women": 2}


def test_mostly_names_kinds_without_counts():
    c = one("At least 12 civilians, mostly women and children, were killed.")
    assert c.killed == 12
    assert c.victims == {"civilians": 12, "women": None, "children": None}


def test_among_the_dead_is_a_subset_of_an_unstated_total():
    c = one("Four children were among the dead.")
    assert c.killed is None
    assert c.victims == {"children": 4}


@pytest.mark.parametrize(
    ("sentence", "field", "count"),
    [
        ("Thirty people were wounded in the shelling.", "wounded", 30),
        ("The blast injured 32 people near the mosque.", "wounded", 32),
        ("Ten people are missing after the raid on the camp.", "missing", 10),
        ("Gunmen abducted 40 villagers near Salamiyah.", "abducted", 40),
        ("Gunmen kidnapped 40 villagers near Salamiyah.", "abducted", 40),
        ("Police arrested 12 activists in the capital.", "arrested", 12),
        ("Twelve activists were detained in the capital.", "arrested", 12),
    ],
)
def test_other_outcomes(sentence, field, count):
    c = one(sentence)
    assert getattr(c, field) == count
    assert c.killed is None


def test_victim_kinds_of_other_outcomes_carry_the_outcome():
    assert one("Mortars wounded five children in Jaramana.").victims == {
        "children_wounded": 5,
        "civilians_wounded": 5,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb blast killed six people and injured 32 in the Salah al-Din district.",
        "Six people were killed and 32 others were wounded in the Salah al-Din district.",
        "The bombing left 6 dead and 32 injured in the Salah al-Din district.",
        "Mortar fire in Aleppo kills 6, wounds 32.",
    ],
)
def test_killed_and_wounded_of_one_clause_form_one_record(sentence):
    c = one(sentence)
    assert (c.killed, c.wounded) == (6, 32)


def test_spans_are_article_offsets():
    sentence = "The raid killed nine fighters."
    c = one(sentence, offset=500)
    assert c.span == (509, 529)
    assert c.text == "killed nine fighters"


def test_singular_victim_counts_one():
    c = one("A 12-year-old boy was killed by a sniper in Daraa.")
    assert (c.killed, c.victims["children"]) == (1, 1)
    c = one("An air strike killed a child and wounded three men.")
    assert (c.killed, c.wounded) == (1, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "The war has killed more than 400,000 people since 2011.",
        "More than 400,000 people have died in the war.",
        "The death toll since the start of the conflict has passed 300,000.",
        "More than 280000 people have been killed since the conflict erupted in March 2011.",
        "At least 230000 people have been killed in Syria's conflict, which began in 2011.",
        "The six-year conflict has caused more than 470000 deaths.",
        "Tens of thousands of people have been killed and millions displaced.",
        "A monitor said 12679 detainees died of torture from March 2011 to June 2016.",
    ],
)
def test_cumulative_totals_are_not_event_casualties(sentence):
    assert find_casualties(sentence) == []


def test_event_count_survives_beside_a_cumulative_total():
    found = find_casualties(
        "The strike killed 14 civilians on Monday; the war has killed more than 400,000 people since 2011."
    )
    assert [(c.killed, c.victims) for c in found] == [(14, {"civilians": 14})]


@pytest.mark.parametrize(
    "sentence",
    [
        "The military fired dozens of cruise missiles at the base.",
        "The convoy carried at least 5000 people, including civilians and fighters.",
        "A 25-year-old man was arrested in 2014 and released.",
        "Talks will resume on 4 February with 20 delegates.",
        "Some 2,000 families fled the fighting towards the border.",
        "The army killed him in 2013, the family said.",
    ],
)
def test_no_casualties_where_there_are_none(sentence):
    found = find_casualties(sentence)
    assert all(c.killed is None for c in found), found
    assert all(c.arrested in (None, 1) for c in found), found


def test_dates_are_not_counted():
    assert [c.killed for c in find_casualties("On 12 May 2016 gunmen killed 7 people.")] == [7]
    assert find_casualties("03.10.2017 Forces have killed the commander.") == []


def test_merge_takes_the_highest_stated_figures():
    merged = merge_casualties(
        [
            Casualties(killed=100, text="at least 100 bodies"),
            Casualties(killed=112, wounded=None, text="reached at least 112 people", span=(10, 37)),
            Casualties(wounded=55, victims={"children": 20}),
        ]
    )
    assert (merged.killed, merged.wounded, merged.victims) == (112, 55, {"children": 20})
    assert merged.span == (10, 37)


def test_merge_adds_disjoint_kinds_stated_apart():
    merged = merge_casualties(
        [Casualties(killed=5, victims={"combatants": 5}), Casualties(killed=12, victims={"civilians": 12})]
    )
    assert merged.killed == 17


def test_merge_of_nothing_is_none():
    assert merge_casualties([]) is None


def test_a_subset_among_a_stated_total():
    c = one("Six civilians including a child were among at least 22 people killed in the raids.")
    assert c.killed == 22
    assert c.victims == {"civilians": 6, "children": 1}


def test_including_kinds_without_numbers():
    c = one("At least 16 civilians including women and children were killed on Friday.")
    assert c.killed == 16
    assert c.victims == {"civilians": 16, "women": None, "children": None}


def test_headline_toll_without_a_verb():
    assert one("Death toll from Aleppo bomb attack at least 112").killed == 112


def test_since_the_group_declared_is_cumulative():
    assert find_casualties("The group has killed hundreds of people since it declared its caliphate.") == []


@pytest.mark.parametrize(
    ("sentence", "killed", "victims"),
    [
        ("A gunman killed five people at the checkpoint near Hama.", 5, {}),
        ("Two soldiers have killed three civilians at a roadblock.", 3, {"civilians": 3}),
        ("A suicide bomber killed 30 people injured 90 at the wedding.", 30, {}),
    ],
)
def test_the_killer_is_not_a_victim(sentence, killed, victims):
    c = one(sentence)
    assert (c.killed, c.victims) == (killed, victims)


def test_a_headline_pair_of_counts_is_not_a_killer_and_victims():
    c = one("8 civilians killed 20 injured in shelling of Jaramana")
    assert (c.killed, c.wounded, c.victims) == (8, 20, {"civilians": 8})


def test_killed_then_injured_with_their_own_numbers():
    c = one("Rockets killed 4 people injured 11 in the old quarter.")
    assert (c.killed, c.wounded) == (4, 11)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Militants executed and beheaded seven men in the desert.", 7),
        ("The group released a video of the execution of 11 captives.", 11),
        ("The raids claimed 19 lives in the village.", 19),
        ("The shelling claimed more than 40 civilians in the besieged district.", 40),
        ("Over 1 400 people died in the gas attack on the suburbs.", 1400),
        ("Up to a hundred civilians died in the strike on the market.", 100),
        ("Fighting left 9 civilians - including four children - dead in Azaz.", 9),
        ("Twenty people have fallen victim to the bombing of the bus station.", 20),
    ],
)
def test_more_outcome_forms(sentence, killed):
    assert one(sentence).killed == killed


def test_a_reference_to_an_earlier_killing_of_one_person_is_no_statement():
    assert find_casualties("The raid came after the execution of a captured pilot.") == []


def test_mostly_with_any_kind_and_a_following_outcome():
    c = one("The barrel bombs killed 14 people mostly children and wounded 30 others.")
    assert (c.killed, c.wounded) == (14, 30)
    assert c.victims == {"children": None}
    c = one("Nine civilians mostly farmers were killed in the shelling.")
    assert (c.killed, c.victims) == (9, {"civilians": 9})


def test_including_right_after_the_outcome_without_a_comma():
    c = one("At least 25 people were killed including 9 civilians in the blasts.")
    assert (c.killed, c.victims) == (25, {"civilians": 9})


def test_including_a_number_of_names_a_kind_without_count():
    c = one("At least 17 people including a number of children were killed by the raids.")
    assert (c.killed, c.victims) == (17, {"children": None})


def test_n_of_them_is_a_subset():
    c = one("Gunmen shot dead seven men, five of them soldiers, at the crossing.")
    assert c.victims == {"combatants": 5}
    c = one("The group executed 12 men six of whom were police officers.")
    assert (c.killed, c.victims) == (12, {"combatants": 6})


def test_n_of_the_dead_names_a_kind_of_an_unstated_total():
    c = one("The monitor said at least 9 of the dead were fighters.")
    assert (c.killed, c.victims) == (None, {"combatants": 9})


def test_a_subset_of_medics_is_not_a_civilian_count():
    c = one("Three medics were among at least 27 people killed in the shelling.")
    assert (c.killed, c.victims) == (27, {})
    assert one("Three medics were killed in the shelling.").victims == {"civilians": 3}


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands more civilians have been killed.",
        "Over 2 000 civilians have been killed in the offensive since it was launched on November 15.",
        "More than 300 civilians were killed since the truce collapsed last month.",
        "At least 500 civilians have died since March in the bombing of the province.",
        "The toll from 2 January to 9 March reached 410 people, the network said.",
        "The number of victims from Friday March 6 to Friday March 20 has reached 236.",
    ],
)
def test_period_totals_are_not_event_casualties(sentence):
    assert [c for c in find_casualties(sentence) if c.killed] == []


def test_merge_prefers_a_stated_number_to_a_vague_one():
    vague = Casualties(killed=12, text="Dozens killed", span=(0, 13))
    precise = Casualties(killed=9, victims={"civilians": 9}, text="9 civilians were killed", span=(20, 43))
    merged = merge_casualties([vague, precise])
    assert (merged.killed, merged.victims, merged.span) == (9, {"civilians": 9}, (20, 43))
    hundreds = Casualties(killed=100, text="killed hundreds")
    assert merge_casualties([hundreds, Casualties(killed=140, text="140 died")]).killed == 140


def test_merge_keeps_a_derived_civilian_count_only_for_its_own_toll():
    children = Casualties(killed=6, victims={"children": 6, "civilians": 6}, text="execute 6 children")
    total = Casualties(killed=30, victims={"children": 6}, text="6 children among 30 people killed")
    merged = merge_casualties([children, total])
    assert (merged.killed, merged.victims.get("civilians"), merged.victims["children"]) == (30, None, 6)
    stated = Casualties(killed=5, victims={"civilians": 5}, text="5 civilians were killed")
    assert merge_casualties([stated, Casualties(killed=8, text="8 dead")]).victims == {"civilians": 5}


def _lead(*sentences: str) -> list[tuple[str, int]]:
    out, offset = [], 0
    for s in sentences:
        out.append((s, offset))
        offset += len(s) + 1
    return out


def test_lead_completes_the_main_record_with_the_same_toll():
    lead = _lead(
        "Air raids on Raqqa kill 14.",
        "Four civilians were among at least 14 people killed in the raids on Saturday, a monitor said.",
        "The monitor said at least 10 of the dead were militants.",
    )
    main = find_casualties(lead[0][0])[0]
    c = complete_from_lead(main, lead)
    assert (c.killed, c.victims) == (14, {"civilians": 4, "combatants": 10})


def test_lead_number_replaces_a_vague_toll_but_other_tolls_stay_out():
    lead = _lead(
        "Dozens killed as jets pound Idlib.",
        "Jets killed at least 31 civilians in Idlib on Monday.",
        "A week ago another raid killed 80 people in the town.",
        "Meanwhile two soldiers were killed in Daraa.",
    )
    c = complete_from_lead(find_casualties(lead[0][0])[0], lead)
    assert (c.killed, c.victims) == (31, {"civilians": 31})


def test_the_lead_toll_wins_over_the_main_event_record():
    lead = _lead(
        "Shelling killed 21 people in Douma on Sunday.",
        "Rescuers searched the rubble.",
        "Three children were killed when a shell hit their home.",
    )
    own = find_casualties(lead[2][0], lead[2][1])[0]
    assert complete_from_lead(own, lead).killed == 21
    assert complete_from_lead(own, lead[1:]).killed == 3
    assert complete_from_lead(None, []) is None


def test_a_lead_without_a_death_toll_keeps_the_main_event_deaths():
    own = Casualties(killed=7, text="seven people were killed", span=(300, 324))
    c = complete_from_lead(own, _lead("The raid wounded 15 people in the market."))
    assert (c.killed, c.wounded) == (7, 15)


def test_a_headline_without_commas_adds_kinds_or_names_a_subset():
    c = one("30 Civilians 12 Rebel Fighters Killed in Strikes on Idlib")
    assert (c.killed, c.victims) == (42, {"civilians": 30, "combatants": 12})
    c = one("16 Civilians 5 Children Killed in Strikes on Idlib")
    assert (c.killed, c.victims) == (16, {"civilians": 16, "children": 5})


@pytest.mark.parametrize(
    ("sentence", "victims"),
    [
        ("The militants executed 40 members of a local tribe.", {"civilians": 40}),
        ("Shelling killed 40 members of the security forces.", {"combatants": 40}),
        ("A bomb killed 4 members of the council in the town.", {}),
    ],
)
def test_members_of_take_the_kind_of_the_body(sentence, victims):
    assert one(sentence).victims == victims


def test_lives_of_without_an_article():
    c = one("The strike claimed lives of nine civilians in the town.")
    assert (c.killed, c.victims) == (9, {"civilians": 9})


def test_communique_verbs_need_victims():
    c = one("The army said it eliminated over 60 terrorists near Palmyra.")
    assert (c.killed, c.victims) == (60, {"combatants": 60})
    assert find_casualties("The army said it eliminated 20 tanks near Palmyra.") == []


def test_a_parenthesis_between_number_and_victims():
    c = one("Kurdish forces killed 35 Daesh (banned in Russia) militants near Tabqa.")
    assert (c.killed, c.victims) == (35, {"combatants": 35})


@pytest.mark.parametrize(
    ("sentence", "victims"),
    [
        ("Among the dead were 7 children.", {"children": 7}),
        ("Nine children and a woman were among those killed.", {"children": 9, "women": 1}),
        ("The monitor said those killed in the raids include 8 children.", {"children": 8}),
    ],
)
def test_kinds_of_the_dead_without_a_total(sentence, victims):
    c = one(sentence)
    assert (c.killed, c.victims) == (None, victims)


def test_one_of_them_a_child():
    c = one("Three people, one of them a child, were killed in the shelling.")
    assert (c.killed, c.victims) == (3, {"children": 1})


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The priest said 12 young Yazidis had been killed in the raid.", 12),
        ("Nine Lebanese martyrs were buried in the town.", 9),
        ("The blast resulted in the martyrdom of 4 citizens.", 4),
    ],
)
def test_victims_named_by_unknown_words(sentence, killed):
    assert one(sentence).killed == killed


def test_unknown_plural_nouns_without_a_passive_outcome_are_no_victims():
    found = find_casualties(
        "Forty rockets were fired, 3 houses were hit and a man was wounded in the attack."
    )
    assert [(c.killed, c.wounded) for c in found] == [(None, 1)]


def test_a_bare_number_takes_the_victims_of_its_partner():
    c = one("The army killed 14 and wounded 20 IS militants near the airport.")
    assert (c.killed, c.wounded) == (14, 20)
    assert c.victims == {"combatants": 14, "combatants_wounded": 20}
    assert one("Shelling killed 5 people and wounded 9 civilians.").victims == {"civilians_wounded": 9}


def test_a_subset_of_the_same_kind_keeps_the_total():
    c = one("More than 40 IS militants including two commanders were killed in the raid.")
    assert (c.killed, c.victims) == (40, {"combatants": 40})


def test_a_vague_subset_names_a_kind_without_a_count():
    c = one("At least 30 people including several children were killed in the raid.")
    assert (c.killed, c.victims) == (30, {"children": None})


def test_lead_takes_a_fuller_toll_of_the_same_victims():
    lead = _lead("Jets kill 6 children in Idlib.", "Six children and three women were killed in the raid.")
    c = complete_from_lead(None, lead)
    assert (c.killed, c.victims["children"], c.victims["women"]) == (9, 6, 3)


def test_a_kind_named_by_the_toll_phrase():
    c = one("The number of civilians killed in the raid has risen to 17.")
    assert (c.killed, c.victims) == (17, {"civilians": 17})
    assert one("The civilian death toll rose to 14 on Monday.").victims == {"civilians": 14}


def test_a_bare_second_noun_after_and_counts_one():
    c = one("A woman and child were killed when the shell hit.")
    assert (c.killed, c.victims) == (2, {"women": 1, "children": 1, "civilians": 2})


def test_people_of_unknown_kind_leave_the_civilian_count_open():
    c = one("The strike killed a man and a woman in the market.")
    assert (c.killed, c.victims) == (2, {"women": 1})


def test_all_five_and_a_superlative_since_are_one_event():
    c = one(
        "The helicopter was downed, killing all five people aboard, the worst loss since the army intervened."
    )
    assert c.killed == 5


@pytest.mark.parametrize("victim", ["a shepherd", "a fisherman", "an imam", "a truck driver"])
def test_one_named_civilian_trade_counts_as_one_civilian(victim):
    c = one(f"Gunmen killed {victim} near the river on Sunday.")
    assert (c.killed, c.victims) == (1, {"civilians": 1})


def test_another_one_and_her_children_are_counted_too():
    assert one("A drone strike killed a militia commander and another man near Tyre.").killed == 2
    c = one("The shell killed a woman and her three children in their home.")
    assert c.killed == 4
    assert c.victims.get("children") == 3 and c.victims.get("women") == 1


def test_a_relative_named_after_the_first_victim_counts():
    assert one("A trader and his son were shot dead at a checkpoint near Jos.").killed == 2


def test_a_number_of_dozens_and_bystanders_are_counted():
    c = one("The blast killed nine police officers and three bystanders and wounded about two dozen others.")
    assert (c.killed, c.wounded) == (12, 24)
    assert c.victims.get("civilians") == 3


def test_a_new_toll_updates_the_act_already_counted_not_the_last_one_told():
    from wirecoder import extract

    text = (
        "Rebels shelled a market in the city on Tuesday and killed at least 12 people, medics said. "
        "The army said it had targeted militants hiding near the market. "
        "Rescuers later put the death toll at 15."
    )
    events = extract(text, published="2024-07-10").events
    targeted = next(e for e in events if e.trigger.text == "targeted")
    assert targeted.casualties is None or not targeted.casualties.killed


def test_killed_in_the_fighting_is_one_battles_toll_but_killed_in_the_war_is_not() -> None:
    [battle] = find_casualties("Four soldiers and nine rebels were killed in the fighting near Bunia.")
    assert battle.killed == 13
    assert find_casualties("Some 600,000 people have been killed in the fighting since 2011.") == []
    assert find_casualties("About 9,000 people have died in the war.") == []


def test_a_chief_or_councillor_killed_counts_one_civilian() -> None:
    found = find_casualties("Gunmen shot and killed a village chief and a councillor near Beni.")
    assert sum(c.killed or 0 for c in found) >= 1
    assert all(c.victims.get("civilians") for c in found if c.killed)
