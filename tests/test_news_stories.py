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
    body = (
        "The eastern part of Iraq is strategically important in the battle against the Islamic State group."
    )
    assert all(e.source_actor is None for e in _events(body) if e.event_type == "ASSAULT")


def test_those_killed_in_fighting_with_a_side_were_killed_by_it() -> None:
    body = "Some 30 militants have been killed since Sunday in fighting with Kurdish forces near the border."
    main = _events(body)[0]
    assert main.source_actor is not None and "Kurdish" in main.source_actor.text
    assert main.target_actor is not None and "militants" in main.target_actor.text


def test_a_city_that_was_shelled_is_where_the_shelling_was() -> None:
    body = (
        "The World Health Organization said on Thursday that two hospitals in Sudan's capital Khartoum had "
        "been shelled the day before, citing reports from doctors on the ground.\n\n"
        "A WHO spokeswoman told reporters in Geneva that doctors reported at least eight patients had been "
        "killed at al-Nau hospital in Omdurman. She said the agency could not say who fired the shells."
    )
    main = _events(body, title="WHO says hospitals in Khartoum hit, citing doctors")[0]
    assert main.location is not None and main.location.name == "Khartoum"


def test_a_minister_announcing_a_wider_offensive_is_not_ignored() -> None:
    body = (
        "The army will expand its ground operation in the border town next week, the defence minister said."
    )
    events = _events(body)
    assert any(e.trigger.text.startswith("expand") for e in events)


def test_what_endangers_talks_does_not_hold_them() -> None:
    body = "Hamas said a new Israeli offensive would endanger talks on a ceasefire mediated by Qatar."
    talks = [e for e in _events(body) if e.trigger.text.startswith("talks")]
    assert all(e.source_actor is None or e.source_actor.country != "ISR" for e in talks)


def test_they_after_a_person_blaming_a_force_is_that_force() -> None:
    body = (
        "Shells hit a market in the city on Sunday, killing 12 people. Ivan Petrov, the region's "
        "governor, blamed Ukrainian forces, saying they had fired artillery shells at the market."
    )
    fired = _by_trigger(_events(body), "fired")
    assert fired.source_actor is not None and fired.source_actor.country == "UKR"
    assert fired.claim is not None and fired.claim.source is not None
    assert "Petrov" in fired.claim.source.text


def test_a_toll_sentence_after_a_statement_joins_the_attack() -> None:
    body = (
        "A suicide bomber blew himself up at a beach cafe in the capital on Friday night, killing at least "
        "seven people, police said.\n\n"
        "Security forces ended the siege early on Saturday, a police spokesman said. More than 15 people "
        "were wounded."
    )
    main = _events(body, title="Suicide bomber hits beach cafe in capital")[0]
    assert main.trigger.text.startswith("killing")
    assert main.casualties is not None and main.casualties.wounded == 15


def test_another_name_of_a_far_city_is_not_a_local_town() -> None:
    body = (
        "Militants ambushed an army convoy near the town of Boni in central Mali on Saturday, killing 12 "
        "soldiers. The convoy was travelling from Douentza when it was attacked."
    )
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "ML"
    attacked = _by_trigger(_events(body), "attacked")
    assert attacked.target_actor is None  # "it" is the convoy, no actor


def test_a_group_named_in_full_is_that_group() -> None:
    body = "The Group for the Support of Islam and Muslims (JNIM) said it had seized weapons in the raid."
    events = _events(body)
    assert not any(e.event_type == "SUPPORT" for e in events)
    seized = _by_trigger(events, "seized")
    assert seized.source_actor is not None and seized.source_actor.kb_id == "sahel.jnim"


def test_a_report_misread_as_the_speakers_subject_keeps_both() -> None:
    body = (
        "Fighters from an armed group killed at least 20 soldiers in an ambush on a convoy on Saturday, "
        "two security sources said."
    )
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.text.startswith("Fighters")
    assert main.claim is not None and main.claim.source is not None
    assert "sources" in main.claim.source.text


def test_the_headline_names_the_group_of_a_bare_role() -> None:
    body = "Fighters killed at least 20 soldiers in an ambush on a convoy in central Mali on Saturday."
    main = _events(body, title="JNIM fighters kill 20 soldiers in Mali ambush")[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "sahel.jnim"


def test_protests_a_killing_happened_during_are_not_the_hangmans() -> None:
    body = (
        "Iran on Saturday hanged a man convicted of killing a member of the Basij militia during nationwide "
        "protests last year, the judiciary's news agency reported."
    )
    events = _events(body, title="Iran executes man over killing during protests")
    hanged = _by_trigger(events, "hanged")
    assert hanged.acled_subtype != "Excessive force against protesters"
    assert all(e.source_actor is None for e in events if e.event_type == "PROTEST")


def test_an_attack_believed_to_be_by_someone_is_theirs() -> None:
    body = "A suspected gas attack believed to be by government jets killed at least 40 people in the town."
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.text == "government jets"


def test_the_army_of_conquest_is_not_fatah() -> None:
    main = _events("Jeish al-Fatah fighters attacked army positions near Idlib on Monday.")[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "syr.jaysh_al_fatah"


def test_the_accused_deny_and_the_accused_are_the_doers() -> None:
    body = "Human Rights Watch accused both the army and the rebels of killing civilians, which they deny."
    events = _events(body)
    assert all(
        e.source_actor is None or "Human Rights Watch" not in e.source_actor.text
        for e in events
        if e.event_type in {"ASSAULT", "REJECT"}
    )


def test_across_the_strip_is_a_place() -> None:
    body = "Air strikes killed at least 30 people across the Gaza Strip overnight, the health ministry said."
    main = _events(body)[0]
    assert main.location is not None and "Gaza" in main.location.name


def test_what_hit_is_not_who_fired_it() -> None:
    body = (
        "Medics said five people died after artillery shells slammed into a market in the old city of "
        "Homs on Tuesday. Mortar rounds also landed near a school, wounding two pupils."
    )
    events = _events(body)
    assert events[0].event_type == "ASSAULT"
    assert all(e.source_actor is None or e.source_actor.sector != "MIL" for e in events)
    assert all(e.source_actor is None or e.source_actor.sector != "CVL" for e in events)  # not the dead


def test_a_city_named_with_its_country_is_where_not_who() -> None:
    body = (
        "Dozens of Casualties in Syrias Homs Bomb Blast\n\n"  # a scraped headline that lost its apostrophe
        "A bomb exploded in a crowded street on Sunday, wounding nine people, state media said."
    )
    events = _events(body)
    assert events[0].source_actor is None or events[0].source_actor.country != "SYR"
    assert events[0].location is not None and events[0].location.name.startswith("Homs")


def test_whose_machine_or_weapon_it_was_names_the_doer() -> None:
    body = (
        "Three civilians were killed on Wednesday night after a toxic gas was released by a helicopter "
        "belonging to the regime, rescuers said. Six others were killed in government barrel bombs in the "
        "east of the city. A barrage of rocket fire from rebels killed four people in the west, and "
        "rebel fire wounded two more."
    )
    events = _events(body)
    gas = _by_trigger(events, "killed")
    assert gas.source_actor is not None and gas.source_actor.sector == "GOV"
    barrel = next(e for e in events if "barrel" in e.sentence and e.source_actor is not None)
    assert barrel.source_actor.sector == "GOV"
    rockets = [e for e in events if "rocket" in e.sentence and e.event_type == "ASSAULT"]
    assert rockets and all(e.source_actor is not None and e.source_actor.sector == "REB" for e in rockets)


def test_a_part_of_a_territory_is_where_it_happened() -> None:
    body = (
        "Three farmers were killed in Israeli tank shelling in the east of the Gaza Strip on Thursday "
        "morning, medics said."
    )
    main = _events(body)[0]
    assert main.location is not None and main.location.name == "Gaza Strip"
    assert main.source_actor is not None and main.source_actor.country == "ISR"


def test_a_nationality_believed_names_whose_raids_they_were() -> None:
    body = "Air raids believed to be Russian killed nine civilians in the town of Maarat al-Numan."
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.country == "RUS"


def test_gas_dropped_from_a_helicopter_is_a_chemical_attack() -> None:
    body = "Rescuers said a helicopter dropped canisters of chlorine on the town of Saraqeb overnight."
    main = _events(body)[0]
    assert main.acled_subtype == "Chemical weapon"
    assert main.source_actor is not None and main.source_actor.sector == "MIL"


def test_air_defences_are_the_defenders_and_launchers_are_no_place() -> None:
    body = (
        "Russian drones struck an oil depot in Kherson overnight, killing one guard and damaging two tanks, "
        "Ukraine's southern military command said on Wednesday.\n\n"
        "Air defences shot down 17 of 21 drones launched by Russia, the air force said."
    )
    events = _events(body, title="Russian drones hit Kherson oil depot, one dead")
    assert events[0].claim is not None and events[0].claim.source is not None
    assert "command" in events[0].claim.source.text
    downed = _by_trigger(events, "shot down")
    assert downed.source_actor is not None and downed.source_actor.country == "UKR"
    assert downed.location is None or downed.location.country != "RU"


def test_jets_of_an_air_strike_by_a_named_force_are_its_own() -> None:
    body = (
        "An air strike by Myanmar's military killed nine villagers in the Magway region on Sunday, a local "
        "resistance group said. Two fighter jets dropped bombs on the village of Pa Zi Gyi at noon, the "
        "group said."
    )
    jets = _by_trigger(_events(body), "dropped")
    assert jets.source_actor is not None and jets.source_actor.country == "MMR"


def test_backing_is_not_doing_and_a_bombing_kills_people_not_a_city() -> None:
    offensive = _events("An offensive backed by Turkey killed 20 Kurdish fighters near Afrin on Monday.")[0]
    assert offensive.source_actor is None or offensive.source_actor.country != "TUR"
    bombing = _events("A bombing killed 20 people in Kabul on Friday.")[0]
    assert bombing.target_actor is not None and bombing.target_actor.sector == "CVL"


def test_protests_called_for_are_not_held() -> None:
    body = (
        "Police fired tear gas at hundreds of protesters in the capital on Tuesday. The interior minister "
        "accused opposition leaders of paying young men to riot. The opposition denied the claim and "
        "called for more protests on Friday."
    )
    events = _events(body)
    denial = _by_trigger(events, "denied")
    call = _by_trigger(events, "called for")
    assert denial.acled_subtype is None
    assert call.acled_subtype is None


def test_two_days_earlier_counts_from_the_story_day() -> None:
    body = (
        "An air strike on a school in Gaza City killed at least 12 people on Saturday, medics said.\n\n"
        "Two days earlier, a strike on a house in Khan Younis killed seven members of one family."
    )
    events = _events(body, published="2024-11-21")
    house = next(e for e in events if "Khan Younis" in e.sentence)
    assert house.date is not None and str(house.date.value) == "2024-11-14"


def test_they_after_condemned_raids_are_the_raids_not_the_condemner() -> None:
    body = (
        "Turkish drones struck a village near Qamishli on Monday, killing three civilians. The SDF "
        "condemned the raids and said they violated a ceasefire agreed last month."
    )
    violated = _by_trigger(_events(body), "violated")
    assert violated.source_actor is None or violated.source_actor.kb_id != "sdf"


def test_launching_a_drone_at_a_city_is_an_attack() -> None:
    main = _events("Houthi forces launched a drone at the port city of Eilat on Friday.")[0]
    assert main.event_type == "ASSAULT"
    assert main.source_actor is not None and main.source_actor.kb_id == "yem.houthis"


def test_a_group_saying_its_fighter_did_it_owns_the_unclaimed_bombing() -> None:
    body = (
        "A suicide bomber struck a wedding party in the town of Tal Tamr in northeast Syria on Sunday, "
        "killing 18 guests, a local health official said. The Islamic State group said in a statement that "
        "one of its fighters had fired on a gathering of Kurdish militiamen near the town before blowing "
        "himself up."
    )
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "isis"
    assert main.claim is not None and main.claim.source is not None
    assert main.claim.source.text == "a local health official"


def test_a_group_denying_an_act_does_not_own_it() -> None:
    body = (
        "A car bomb exploded near a checkpoint in Afrin on Sunday, killing six people, a local official "
        "said. The YPG denied that its fighters had detonated a car bomb in the town."
    )
    main = _events(body)[0]
    assert main.source_actor is None or main.source_actor.kb_id != "sdf.ypg"


def test_a_number_of_shells_is_no_one_who_fired() -> None:
    body = "Nineteen more people were wounded by a number of shells that hit the Salah al-Din district."
    main = _events(body)[0]
    assert main.source_actor is None
    assert main.target_actor is not None and main.target_actor.text == "Nineteen more people"


def test_a_town_a_rocket_hit_is_where_it_fell() -> None:
    body = "A rocket fired from Lebanon hit Nahariya on Sunday, wounding two people, Israeli medics said."
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "IL"
    assert main.location.lat is not None and abs(main.location.lat - 33.0) < 0.2


def test_where_a_drone_was_launched_from_is_not_where_it_struck() -> None:
    body = "Houthi forces launched a drone from Yemen at the port city of Eilat on Friday, the army said."
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "IL"


def test_rockets_opening_a_sentence_are_no_target() -> None:
    main = _events("Rockets were fired at the Israeli town of Sderot on Sunday, the army said.")[0]
    assert main.target_actor is None
    assert main.location is not None and main.location.country == "IL"


def test_an_accused_side_owns_the_gas_attack_and_its_toll_as_alleged() -> None:
    body = (
        "Local doctors accused Assad's troops of launching a gas attack on the town of Douma on Saturday, "
        "killing at least 40 people."
    )
    attacks = [e for e in _events(body) if e.event_type == "ASSAULT"]
    assert attacks and all(e.source_actor is not None and e.source_actor.kb_id == "p.assad" for e in attacks)
    attack = attacks[0]
    assert attack.acled_subtype == "Chemical weapon"
    assert attack.casualties is not None and attack.casualties.killed == 40
    assert attack.claim is not None and attack.claim.stance == "hedged"
    assert attack.claim.source is not None and attack.claim.source.text == "Local doctors"


def test_a_holiday_is_no_place() -> None:
    body = (
        "The government announced a three-day truce on Tuesday to mark the end of Ramadan. Shelling "
        "resumed in Aleppo a day later."
    )
    extraction = extract(body, published="2024-11-21")
    assert [p.text for p in extraction.places if p.kind == "toponym"] == ["Aleppo"]


def test_a_toll_from_another_region_is_not_the_main_events() -> None:
    body = (
        "Ukraine's air force said on Sunday it had shot down 31 of the 47 drones Russia launched at the "
        "country overnight.\n\nFalling debris damaged a warehouse in the western city of Lutsk, the mayor "
        "said.\n\nIn the southern region of Zaporizhzhia, Russian shelling killed a 58-year-old woman, the "
        "regional governor said."
    )
    events = _events(body)
    main = events[0]
    assert main.trigger is not None and main.trigger.text == "shot down"
    assert main.casualties is None or not main.casualties.killed
    assert main.location is None or main.location.country != "RU"
    shelling = _by_trigger(events, "killed")
    assert shelling.casualties is not None and shelling.casualties.killed == 1


def test_officers_in_a_police_story_are_police() -> None:
    body = (
        "Gunmen kidnapped 12 farmers near Birnin Gwari on Friday. A police spokesman said officers had "
        "been deployed to the forest to track the kidnappers."
    )
    sent = _by_trigger(_events(body), "deployed")
    assert sent.target_actor is not None and sent.target_actor.sector == "COP"


def test_what_a_crowd_gathered_against_is_not_who_the_crowd_is() -> None:
    body = (
        "Riot police used water cannon on Sunday to disperse hundreds of students who had marched to the "
        "ministry to protest against a deal with the International Monetary Fund."
    )
    disperse = _by_trigger(_events(body), "disperse")
    assert disperse.target_actor is not None and disperse.target_actor.sector in {"CVL", "EDU"}


def test_police_hurt_in_a_crackdown_are_not_its_target() -> None:
    body = (
        "Riot police fired tear gas and rubber bullets at a rally in the capital on Saturday. Nine police "
        "officers were injured, the interior ministry said."
    )
    main = _events(body)[0]
    assert main.target_actor is None or main.target_actor.sector != "COP"


def test_victims_the_parser_hangs_on_said_are_still_the_victims() -> None:
    body = (
        "A drone strike on a market in the town of Kutkai killed at least 12 people, including four "
        "children, residents and a local rebel group said on Monday."
    )
    main = _events(body)[0]
    assert main.target_actor is not None and main.target_actor.text == "at least 12 people"


def test_a_group_claiming_responsibility_alone_owns_the_attack_just_told() -> None:
    body = (
        "Gunmen stormed a checkpoint in the Bannu district before dawn on Tuesday, killing five soldiers, "
        "officials said. The Tehreek-e-Taliban Pakistan claimed responsibility in a statement."
    )
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "pak.ttp"


def test_arrests_that_were_not_made_are_no_arrests() -> None:
    body = "Gunmen shot dead four men at a bar in Celaya on Saturday. No arrests have been made."
    arrests = _by_trigger(_events(body), "arrests")
    assert arrests.negated and arrests.acled_subtype is None


def test_people_forced_to_flee_are_the_ones_fleeing() -> None:
    body = (
        "The attackers also set fire to dozens of houses and several cars, forcing residents to flee, "
        "police said."
    )
    flee = _by_trigger(_events(body), "flee")
    assert flee.source_actor is not None and flee.source_actor.sector == "CVL"


def test_a_hyphenated_town_name_the_gazetteer_lacks_is_kept_whole() -> None:
    body = "Gang members attacked the town of Pont-Sondé on Thursday, killing nine people."
    extraction = extract(body, published="2024-11-21")
    assert "Pont-Sondé" in [p.text for p in extraction.places]


def test_they_who_attacked_are_the_fighters_not_the_base_or_the_officer() -> None:
    body = (
        "Fighters overran an army base near Bulo Burte in Somalia on Friday, a military officer said. "
        '"They attacked from three sides after the explosion," Captain Ali Hassan told reporters.'
    )
    attacked = _by_trigger(_events(body), "attacked")
    assert attacked.source_actor is not None and attacked.source_actor.sector == "REB"


def test_the_strike_named_again_keeps_its_kind() -> None:
    body = (
        "A drone strike on a bus near Bahir Dar killed at least 14 civilians on Monday, witnesses said.\n\n"
        "The strike hit the vehicle on a road outside the city, one witness said. The army has been fighting "
        "the Fano militia in the region for more than a year."
    )
    hit = _by_trigger(_events(body, title="Drone strike on bus kills 14 in Ethiopia"), "hit")
    assert hit.acled_subtype == "Air/drone strike"


def test_the_army_is_not_a_rebel_army_named_before() -> None:
    body = (
        "Colombia's National Liberation Army (ELN) freed four police officers on Monday, the ombudsman "
        "said. The rebels said they had captured the officers in combat and accused the army of breaking a "
        "local ceasefire."
    )
    accused = _by_trigger(_events(body), "accused")
    assert accused.target_actor is not None and accused.target_actor.kb_id != "col.eln"
    assert accused.target_actor.sector == "MIL"


def test_talks_with_the_group_are_not_with_the_government_that_suspended_them() -> None:
    body = (
        "ELN rebels attacked a military base in Arauca in September, killing two soldiers. President "
        "Gustavo Petro's government then suspended peace talks with the group."
    )
    suspended = _by_trigger(_events(body), "suspended")
    assert suspended.target_actor is not None and suspended.target_actor.kb_id == "col.eln"


def test_soldiers_captured_in_clashes_are_no_captured_town() -> None:
    body = (
        "Three soldiers were captured during clashes near the town of Tame on Tuesday, the army said.\n\n"
        "The army said it was searching for the men. The rebels have not commented."
    )
    captured = _by_trigger(_events(body, title="Rebels capture three soldiers in Colombia"), "captured")
    assert captured.acled_subtype not in {
        "Non-state actor overtakes territory",
        "Government regains territory",
    }


def test_a_detention_joined_to_a_shooting_is_an_act_of_its_own() -> None:
    body = (
        "Police in Karachi fired rubber bullets and detained at least 40 opposition supporters on Sunday "
        "as they broke up a march, witnesses said."
    )
    detained = _by_trigger(_events(body), "detained")
    assert detained.event_type == "COERCE"
    assert detained.target_actor is not None and "supporters" in detained.target_actor.text


def test_the_day_the_act_happened_not_the_day_it_was_announced() -> None:
    body = (
        "The Houthi movement said on Thursday it had fired two missiles at a cargo ship in the Gulf of Aden "
        "the day before."
    )
    main = _events(body, published="2024-11-22")[0]
    assert main.date is not None and str(main.date.value) == "2024-11-20"


def test_where_the_cause_lies_is_not_where_the_ships_were_hit() -> None:
    body = (
        "Houthi forces fired missiles at a tanker off the port of Aden on Tuesday. The group has "
        "attacked dozens of ships in what it says is solidarity with Palestinians in Gaza."
    )
    attacked = _by_trigger(_events(body), "attacked")
    assert attacked.location is None or attacked.location.country != "PS"


def test_a_country_after_a_compass_word_is_a_place() -> None:
    body = "Jihadists killed at least 40 civilians in an attack on a market in northern Burkina Faso."
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "BF"


def test_a_group_that_has_not_claimed_an_attack_does_not_own_it() -> None:
    body = (
        "Gunmen opened fire on worshippers at a mosque near Dori on Friday, killing 12. Officials blamed the "
        "Islamic State Sahel Province, which has not claimed responsibility."
    )
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "role.unidentified"


def test_sanctions_over_deportations_are_no_abduction() -> None:
    body = (
        "The European Union on Monday imposed sanctions on nine Russian officials it accuses of organising "
        "the forced deportation of Ukrainian children to Russia, freezing their assets and banning them from "
        "travelling to the bloc.\n\nMoscow condemned the move as illegal and said it would respond. Russia "
        "denies deporting children and says it evacuated them from a war zone.\n\nKyiv says thousands of "
        "children have been taken to Russia since the invasion in February 2022."
    )
    main = _events(body, title="EU sanctions Russian officials over deported children")[0]
    assert main.event_type == "SANCTION"
    assert main.acled_subtype is None


def test_a_violated_ceasefire_is_no_agreement() -> None:
    body = (
        "The army and the rebels agreed on Saturday to a one-week ceasefire, mediators said. Previous "
        "ceasefires have been repeatedly violated."
    )
    violated = _by_trigger(_events(body), "violated")
    assert violated.acled_subtype != "Agreement"


def test_a_public_flogging_is_an_assault_on_those_flogged() -> None:
    body = "The Taliban publicly flogged nine people in a stadium in Kandahar on Monday, a court said."
    main = _events(body)[0]
    assert main.event_type == "ASSAULT"
    assert main.source_actor is not None and main.source_actor.kb_id == "afg.taliban"
    assert main.target_actor is not None and main.target_actor.sector == "CVL"


def test_who_calls_it_an_attack_did_not_carry_it_out() -> None:
    body = (
        "Two reporters were killed when a drone hit their car near Tyre on Tuesday. Lebanon's prime "
        "minister condemned what he called a deliberate attack on the press."
    )
    attack = _by_trigger(_events(body), "attack")
    assert attack.source_actor is None or attack.source_actor.country != "LBN"


def test_a_countrys_hospitals_are_in_that_country() -> None:
    body = (
        "Hundreds of nurses at Malawi's largest hospitals went on strike on Monday to demand unpaid wages, "
        "their union said."
    )
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "MW"


def test_police_shooting_into_a_riot_is_force_against_protesters() -> None:
    body = (
        "Protesters stormed the parliament compound in Kampala on Tuesday and set part of it on fire, and "
        "police opened fire, killing at least four people, a rights group said."
    )
    killing = _by_trigger(_events(body), "killing")
    assert killing.acled_subtype == "Excessive force against protesters"


def test_a_country_whose_ministry_speaks_is_not_where_the_missile_fell() -> None:
    body = (
        "A missile fired by North Korea fell into the sea on Thursday. Japan's defence ministry said the "
        "missile fell outside its exclusive economic zone."
    )
    main = _events(body)[0]
    assert main.location is None or main.location.country != "JP"


def test_governments_holding_drills_are_not_where_a_missile_was_fired() -> None:
    body = (
        "North Korea fired a missile from Sinpo on Thursday, days after it warned of responses to joint "
        "drills by Seoul and Washington."
    )
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "KP"


def test_a_counterattack_is_an_assault() -> None:
    assert _events("Ukrainian troops counterattacked near Kupiansk on Monday.")[0].event_type == "ASSAULT"
    planned = _events("Kyiv will launch a counteroffensive in the spring, a senior official said.")[0]
    assert planned.trigger is not None and "counteroffensive" in planned.trigger.text


def test_fighters_a_place_saw_killed_are_the_victims() -> None:
    body = (
        "The Kidal region saw 14 soldiers killed when rebels overran their post on Friday, a monitoring "
        "group said."
    )
    main = _events(body)[0]
    assert main.source_actor is None or "soldiers" not in main.source_actor.text
    assert main.target_actor is not None and "soldiers" in main.target_actor.text


def test_ending_a_truce_is_no_agreement() -> None:
    background = _events(
        "The group has stepped up attacks on the army since ending a ceasefire with the government in 2022."
    )
    assert not [e for e in background if e.event_type == "AGREE"]
    resumed = _events("The junta ended the truce on Monday and resumed air strikes on the rebel towns.")
    assert not [e for e in resumed if e.event_type == "AGREE"]
    assert [e for e in resumed if e.event_type == "ASSAULT" and e.mode == "aerial"]


def test_a_town_whose_name_opens_with_a_known_city_is_not_that_city() -> None:
    body = (
        "Al-Shabaab fighters stormed an army base near the town of Adan Yabaal in the Middle Shabelle region "
        "on Wednesday, residents said."
    )
    extraction = extract(body, published="2024-11-21")
    main = extraction.events[0]
    assert main.location is not None and main.location.country == "SO"
    assert all(p.country != "YE" for p in extraction.places)
    assert any(p.text == "Middle Shabelle" and p.precision == "admin1" for p in extraction.places)


def test_a_relative_clause_dates_the_act_it_describes() -> None:
    body = (
        "The government suspended talks with the rebels, accusing them of a bombing that killed two "
        "police officers in Cucuta last month."
    )
    bombing = _by_trigger(_events(body), "bombing")
    assert bombing.date is not None and (bombing.date.value.year, bombing.date.value.month) == (2024, 10)


def test_a_town_next_to_a_country_the_story_names_is_kept() -> None:
    body = (
        "An Israeli air strike on a car in Deir al-Balah on Saturday killed three aid workers, a British "
        "charity said, calling on Israel to explain the strike."
    )
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "PS"


def test_the_headlines_place_serves_a_body_that_names_none() -> None:
    body = (
        "Thousands of demonstrators broke into the parliament on Tuesday after lawmakers passed a tax bill, "
        "and police opened fire, killing at least four people, rights groups said."
    )
    events = _events(body, title="Protesters storm parliament in Nairobi as police open fire")
    assert events[0].location is not None and events[0].location.name == "Nairobi"
    assert events[0].location.span is None  # the title is not part of the text


def test_breaking_into_a_building_is_an_act_of_force() -> None:
    main = _events("Hundreds of protesters broke into the parliament building in Colombo on Saturday.")[0]
    assert main.event_type == "ASSAULT" and main.source_actor is not None
    assert main.acled_subtype == "Violent demonstration"


def test_troops_an_army_speaks_of_are_its_own() -> None:
    body = (
        "Israeli forces killed two Palestinians during a raid on the Nur Shams camp on Tuesday, the "
        "Palestinian health ministry said. The Israeli military said troops had shot two gunmen who opened "
        "fire on them."
    )
    shot = _by_trigger(_events(body), "shot")
    assert shot.source_actor is not None and shot.source_actor.country == "ISR"


def test_them_in_a_relative_clause_is_not_the_noun_it_describes() -> None:
    body = "Soldiers killed four gunmen who had ambushed them near the village of Gao on Sunday."
    ambush = _by_trigger(_events(body), "ambushed")
    assert ambush.target_actor is None or ambush.target_actor.sector != "UAF"


def test_members_of_a_gang_are_the_gang() -> None:
    main = _events("Members of the Village de Dieu gang attacked a police station in Port-au-Prince.")[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "role.criminals"


def test_fighting_that_pitted_two_groups_names_both_sides() -> None:
    main = _events("Heavy fighting pitted the army against Fano militiamen near Gondar on Monday.")[0]
    assert main.source_actor is not None and main.source_actor.sector == "MIL"
    assert main.target_actor is not None and "Fano" in main.target_actor.text


def test_an_act_told_far_from_a_self_claimed_one_keeps_its_own_doer() -> None:
    body = (
        "The Houthi movement said it had fired two missiles at a cargo ship in the Gulf of Aden on Monday. "
        "Yahya Saree, its military spokesman, said the vessel had been hit directly. The US Central Command "
        "said its forces later destroyed four Houthi drones over the Red Sea."
    )
    hit = _by_trigger(_events(body), "hit")
    assert hit.source_actor is None or hit.source_actor.country != "USA"


def test_the_red_sea_is_the_sea() -> None:
    places = extract(
        "Houthi drones attacked a tanker in the Red Sea on Tuesday.", published="2024-11-21"
    ).places
    sea = next(p for p in places if p.text == "Red Sea")
    assert sea.country is None and sea.feature_class == "H"


def test_a_string_of_strikes_with_missiles_is_no_walkout() -> None:
    body = (
        "The group said it had attacked a tanker with two missiles, the latest in a string of strikes it "
        "says are meant to pressure Israel over the war in Gaza."
    )
    assert not [e for e in _events(body) if e.event_type == "PROTEST"]


def test_the_accused_neighbour_is_not_the_storys_country() -> None:
    body = (
        "Niger's military government said on Monday it had foiled a plot and arrested several officers, "
        "accusing neighbouring Benin of sheltering the plotters. Benin's foreign ministry rejected the "
        "claim."
    )
    arrest = _by_trigger(_events(body, title="Niger junta accuses Benin of harbouring plotters"), "arrested")
    assert arrest.target_actor is not None and arrest.target_actor.country == "NER"


def test_a_plan_told_in_the_past_was_for_a_day_gone_by() -> None:
    body = "The plotters had planned to attack the palace in Niamey on Wednesday, the minister said."
    main = _events(body)[0]  # published Thursday 2024-11-21
    assert main.date is not None and str(main.date.value) == "2024-11-20"


def test_a_district_named_between_in_the_and_district_is_a_place() -> None:
    body = "Soldiers killed nine militants in the North Waziristan district on Saturday, the army said."
    main = _events(body)[0]
    assert main.location is not None and main.location.country == "PK"


def test_a_pick_up_truck_is_no_arrest() -> None:
    body = "Residents saw the fighters leave the city in pick-up trucks on Friday."
    assert not [e for e in _events(body) if e.event_type == "COERCE"]


def test_a_toll_the_other_side_rejects_stays_a_claim_of_its_own() -> None:
    body = (
        "Burkina Faso's army said on Thursday its forces had killed a senior jihadist commander in an air "
        "strike near Djibo on Wednesday. A local official said the strike had also killed six civilians, a "
        "claim the army rejected."
    )
    events = _events(body)
    main = events[0]
    assert main.casualties is not None and main.casualties.killed == 1
    civilians = next(e for e in events[1:] if e.casualties is not None and e.casualties.killed == 6)
    assert civilians.claim is not None and civilians.claim.source is not None
    assert "official" in civilians.claim.source.text
    assert civilians.date is not None and str(civilians.date.value) == "2024-11-20"  # the strike's day


def test_denying_a_report_and_calling_it_false_is_a_rejection() -> None:
    body = (
        "Azerbaijan's defence ministry said Armenian forces had fired on its positions overnight. Armenia's "
        'defence ministry denied the report, calling it "disinformation".'
    )
    assert [e for e in _events(body) if e.event_type == "REJECT" and e.source_actor is not None]


def test_a_month_after_in_is_a_date_not_a_march() -> None:
    body = "The two countries agreed the text of a peace treaty in March but have not yet signed it."
    events = _events(body)
    assert not [e for e in events if e.trigger is not None and e.trigger.text == "March"]
    assert events[0].date is not None and events[0].date.value.month == 3


def test_a_group_saying_it_carried_out_the_attack_owns_it() -> None:
    body = (
        "A car bomb exploded at a checkpoint near the parliament in Mogadishu on Saturday, killing seven "
        "people, police said. Al-Shabaab said it carried out the attack."
    )
    main = _events(body)[0]
    assert main.source_actor is not None and main.source_actor.kb_id == "som.al_shabaab"


def test_people_with_whom_a_toll_rose_are_no_doers() -> None:
    body = (
        "The toll from an air strike on a building in Beirut has risen to 22, with 117 people wounded, the "
        "health ministry said."
    )
    assert not [e for e in _events(body) if e.source_actor is not None and "people" in e.source_actor.text]


def test_aides_are_people_not_aid() -> None:
    body = "Intelligence agents detained two aides of the opposition leader in Caracas on Thursday."
    assert not [e for e in _events(body) if e.event_type == "AID"]


def test_a_deal_protested_against_is_no_agreement_and_south_american_is_not_american() -> None:
    body = (
        "Thousands of farmers blocked motorways across France on Monday to protest against a planned trade "
        "agreement with South American countries, police said."
    )
    events = _events(body)
    assert not [e for e in events if e.event_type == "AGREE"]
    assert all(e.target_actor is None or e.target_actor.country != "USA" for e in events)


def test_the_strike_a_monitor_describes_is_the_one_told_before() -> None:
    body = (
        "An Israeli air strike hit a residential building in the Mezzeh district of Damascus on Thursday, "
        "killing two people, Syrian state media said. A Britain-based war monitor said the strike targeted "
        "an apartment used by Iranian officers."
    )
    events = _events(body)
    assert events[0].location is not None and events[0].location.precision == "city"
    described = next(e for e in events[1:] if e.target_actor and "apartment" in e.target_actor.text)
    assert described.source_actor is not None and described.source_actor.country == "ISR"


def test_a_wedding_party_is_civilians_not_a_political_party() -> None:
    body = "Gunmen attacked a wedding party in the village of Maru on Saturday, killing 15 people."
    main = _events(body)[0]
    assert main.target_actor is not None and main.target_actor.sector == "CVL"


def test_residents_of_a_town_are_where_they_live() -> None:
    main = _events("On 9 August 2024, residents of Kano staged a peaceful march for better security.")[0]
    assert main.location is not None and main.location.name == "Kano"
