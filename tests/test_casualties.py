"""Casualty statements: number forms, outcomes, victim kinds, subsets, ranges, cumulative totals."""

import pytest

from wirecoder.casualties import find_casualties, merge_casualties
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
