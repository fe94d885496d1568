"""Whole news stories with headlines (texts written for these tests): which event leads, who did what,
and how each event of a longer story is coded on its own."""

from __future__ import annotations

from wirecoder import extract


def _events(body: str, title: str | None = None, published: str = "2024-11-21"):
    return extract(body, title=title, published=published).events


def _by_trigger(events, word: str):
    return next(e for e in events if e.trigger is not None and e.trigger.text.startswith(word))


def test_a_short_headlined_story_keeps_the_headline_event_first() -> None:
    body = (
        "Jihadist fighters beheaded at least seven farmers in attacks on villages in the Muidumbe district "
        "last week, a charity said on Monday.\n\n"
        "The raids forced some 2,000 people to flee towards the coast, the charity said, citing local "
        "leaders.\n\n"
        "Government troops later recaptured the village of Miangalewa, which the fighters had briefly held, "
        "a military spokesman said.\n\n"
        "The insurgency has killed more than 4,000 people since 2017."
    )
    events = _events(body, title="Jihadists behead farmers in northern Mozambique, charity says")
    assert events[0].trigger.text.startswith("beheaded")
    assert events[0].acled_subtype == "Attack"


def test_where_an_act_took_place_is_no_act_of_its_own() -> None:
    body = (
        "Gunmen killed 14 farmers in the north of the country on Saturday, officials said. The attacks "
        "took place in the Kebbe district late at night."
    )
    events = _events(body)
    assert not any(e.trigger is not None and e.trigger.text.startswith("attacks") for e in events)


def test_each_protest_of_a_longer_story_is_coded_on_its_own() -> None:
    body = (
        "Thousands of nurses marched through the capital on Saturday, demanding justice for more than 50 "
        "patients killed during months of unrest.\n\n"
        "Police did not intervene and the march ended peacefully, organisers said.\n\n"
        "In the port city, however, police fired rubber bullets to break up a rally outside the main "
        "hospital, wounding at least 12 nurses."
    )
    events = _events(body, title="Nurses march in capital demanding justice")
    march = _by_trigger(events, "marched")
    assert march.acled_subtype == "Peaceful protest"
    assert march.casualties is None or not march.casualties.killed
    assert not any(
        e.source_actor is not None and e.source_actor.sector == "COP" and e.event_type == "PROTEST"
        for e in events
    )  # the police neither marched nor rallied
    rally = _by_trigger(events, "rally")
    assert rally.source_actor is None or rally.source_actor.sector != "COP"


def test_people_killed_in_clashes_between_armed_groups_name_the_groups() -> None:
    body = "At least 20 people were killed in heavy clashes between rival militias in the capital on Monday."
    main = _events(body)[0]
    assert main.source_actor is not None and "militias" in main.source_actor.text


def test_seized_weapons_are_disrupted_weapons_use() -> None:
    body = (
        "Police arrested six men in a raid on a farm outside the city on Tuesday. Rifles, grenades and "
        "suicide vests were seized, the police said."
    )
    seized = _by_trigger(_events(body), "seized")
    assert seized.acled_subtype == "Disrupted weapons use"


def test_a_date_of_a_coordinated_clause_is_not_its_partners() -> None:
    body = (
        "The government declared the insurgency defeated in 2019, but the rebels' cells continue to carry "
        "out sporadic attacks on army posts."
    )
    attack = _by_trigger(_events(body), "carry")
    assert attack.date is None or attack.date.value.year != 2019


def test_an_attack_retaliated_for_belongs_to_whom_it_is_blamed_on() -> None:
    body = (
        "The defence ministry said its jets had struck 20 targets in the mountains in retaliation for an "
        "attack on a police station last week, which it blamed on the Kurdistan Workers' Party (PKK)."
    )
    attack = _by_trigger(_events(body), "attack")
    assert attack.source_actor is not None and attack.source_actor.kb_id == "pkk"


def test_the_role_word_of_a_named_group_refers_back_to_it() -> None:
    body = (
        "Dozens of Israeli settlers attacked a Palestinian village in the occupied West Bank on Sunday, "
        "wounding eight people. Witnesses said the settlers threw stones at houses."
    )
    threw = _by_trigger(_events(body), "threw")
    assert threw.source_actor is not None and threw.source_actor.kb_id == "isr.settlers"


def test_a_place_before_a_situation_word_is_no_actor() -> None:
    main = _events("Libya fighting kills 30 militia fighters, officials say")[0]
    assert main.source_actor is None or main.source_actor.kb_id != "LBY"


def test_a_defence_ministry_neutralising_fighters_attacks_them() -> None:
    main = _events("The defence ministry said its forces had neutralised 12 militants in the north.")[0]
    assert main.event_type == "ASSAULT"


def test_a_part_of_a_city_is_in_that_city() -> None:
    body = (
        "A bomb hidden in a cart exploded in a crowded bazaar in northwest Pakistan on Friday, killing "
        "eight people, police said. The blast hit a spice market in Peshawar's old city."
    )
    main = _events(body)[0]
    assert main.location is not None and main.location.name == "Peshawar"


def test_where_a_spokesman_spoke_is_not_where_the_fighting_was() -> None:
    body = (
        "Troops fought Islamist gunmen in the southern city of Cotabato on Tuesday, officials said.\n\n"
        "At least nine gunmen and two soldiers were killed, an army spokesman told a news conference in "
        "Manila."
    )
    killed = _by_trigger(_events(body), "killed")
    assert killed.location is not None and killed.location.name != "Manila"


def test_the_factions_are_the_factions_named_before() -> None:
    body = (
        "Fighting between Kurdish-led forces and Turkey-backed factions near the town of Manbij killed 14 "
        "fighters on Friday, a war monitor said.\n\n"
        "The factions attacked Kurdish positions in two villages, the monitor said."
    )
    events = _events(body, title="Kurdish forces and Turkey-backed factions clash near Manbij")
    attack = _by_trigger(events, "attacked")
    assert attack.source_actor is not None and attack.source_actor.kb_id != "syr.sohr"
    assert events[0].trigger.text == "Fighting"  # the lead's fight, told as a gerund subject


def test_a_second_toll_keeps_its_own_source_and_the_claim_goes_to_the_act() -> None:
    body = (
        "A car bomb exploded near a market in the city on Sunday, killing 10 people, police said.\n\n"
        "The provincial health office put the toll at seven dead and 20 wounded.\n\n"
        "Islamic State claimed responsibility for the attack in a statement.\n\n"
        "The city has been under the control of federal forces since 2017."
    )
    events = _events(body, title="Car bomb kills 10 in northern city")
    assert events[0].source_actor is not None and events[0].source_actor.kb_id == "isis"
    toll = next(e for e in events if e.casualties is not None and e.casualties.killed == 7)
    assert toll.claim is not None and toll.claim.source is not None
    assert "health" in toll.claim.source.text
    assert toll.acled_subtype != "Government regains territory"


def test_a_killing_after_strikes_on_towns_names_the_victims() -> None:
    body = (
        "Government warplanes carried out air strikes on towns in the north on Wednesday, killing at least "
        "30 civilians, rescuers said."
    )
    main = _events(body)[0]
    assert main.target_actor is not None and main.target_actor.sector == "CVL"


def test_who_agreed_a_truce_is_not_who_broke_it() -> None:
    body = "The rebels said government shelling violated a ceasefire agreed in Geneva."
    agreed = [e for e in _events(body) if e.event_type == "AGREE"]
    assert all(e.source_actor is None for e in agreed)


def test_a_place_important_in_a_battle_is_not_fighting() -> None:
    body = "The eastern part of Iraq is strategically important in the battle against the Islamic State group."
    assert all(e.source_actor is None for e in _events(body) if e.event_type == "ASSAULT")
