"""Attribution and stance of events, on sentences written for these tests (never gold data)."""

from __future__ import annotations

import pytest

from wirecoder import extract


def first(text: str, event_type: str | None = None):
    result = extract(text, published="2023-02-14")
    events = [e for e in result.events if event_type is None or e.event_type == event_type]
    assert events, f"no {event_type or ''} event in {text!r}: {[e.event_type for e in result.events]}"
    return events[0]


def test_said_names_the_speaker_and_keeps_the_event_asserted() -> None:
    event = first("The Malian army said jihadists attacked a convoy near Gao on Monday.", "ASSAULT")
    assert event.claim is not None and event.claim.stance == "asserted"
    assert event.claim.source is not None and event.claim.source.country == "MLI"
    assert event.claim.cue == "said"


def test_a_rank_abbreviation_keeps_the_speaker_whole() -> None:
    # "Lt." and "Col." end no sentence: the speaker is the officer, with rank and name
    event = first(
        "Two air strikes hit a depot near Mosul on Sunday, said Lt. Col. Dana Whitfield.", "ASSAULT"
    )
    assert event.claim is not None and event.claim.source is not None
    assert event.claim.source.text == "Lt. Col. Dana Whitfield"
    assert event.sentence.endswith("Dana Whitfield.")


def test_according_to() -> None:
    event = first("Gunmen kidnapped 20 villagers in Zamfara, according to Nigerian police.", "ASSAULT")
    assert event.claim is not None and event.claim.cue == "according to"
    assert event.claim.source is not None and event.claim.source.country == "NGA"


def test_denial_is_kept_as_denied_not_dropped() -> None:
    event = first("Rwanda denied arming the M23 rebels in North Kivu.", "AID")
    assert event.claim is not None and event.claim.stance == "denied"
    assert event.source_actor is not None and event.source_actor.country == "RWA"


def test_plan_is_planned() -> None:
    event = first("The junta plans to expel the French ambassador.")
    assert event.claim is not None and event.claim.stance == "planned"


def test_future_is_future_and_a_promise() -> None:
    event = first("Brazil will send medical teams to the flooded region, the minister said.")
    assert event.event_type == "AGREE"
    assert event.claim is not None and event.claim.stance == "future"


def test_an_awaited_act_is_still_to_come_and_lends_no_doer_to_a_done_one() -> None:
    text = (
        "A roadside bomb killed three soldiers near Kandahar as the garrison braced for a Taliban offensive."
    )
    events = extract(text, published="2023-02-14").events
    done = next(e for e in events if "killed" in e.sentence and e.casualties is not None)
    assert done.source_actor is None or "Taliban" not in done.source_actor.text
    awaited = [e for e in events if e.source_actor is not None and "Taliban" in e.source_actor.text]
    assert awaited and awaited[0].claim is not None and awaited[0].claim.stance == "future"


@pytest.mark.parametrize(
    "text",
    [
        "Militants reportedly executed three hostages in the desert.",
        "Unnamed sources said troops shelled the village overnight.",
        # an attack only called possible, or only feared, has not been shown to happen
        "Shopkeepers in Tripoli were bracing for a possible rebel attack on the port.",
        "Villagers told reporters they feared revenge attacks by the militia.",
    ],
)
def test_hedged_reports(text: str) -> None:
    event = first(text, "ASSAULT")
    assert event.claim is not None and event.claim.stance == "hedged"


def test_threat_names_its_maker_and_target() -> None:
    event = first("Iran threatened to close the Strait of Hormuz if the sanctions continue.")
    assert event.event_type == "THREATEN"
    assert event.source_actor is not None and event.source_actor.country == "IRN"


def test_call_on_someone_is_a_request_with_a_target() -> None:
    event = first("The African Union called on Sudan to end the fighting in Darfur.")
    assert event.event_type == "REQUEST"
    assert event.source_actor is not None and event.source_actor.kb_id is not None
    assert event.target_actor is not None and event.target_actor.country == "SDN"


def test_negation_is_a_flag_not_a_drop() -> None:
    event = first("Soldiers did not fire on the crowd in Conakry, the ministry said.")
    assert event.negated


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Shells killed four people in Maarrat on Sunday a local monitor said.", "local monitor"),
        ("Jets bombed a bakery in Saraqib, according to Abu Khaled.", "Abu Khaled"),
    ],
)
def test_a_speaker_unknown_to_the_knowledge_base_is_kept_as_written(text: str, speaker: str) -> None:
    event = first(text, "ASSAULT")
    source = event.claim.source if event.claim else None
    assert source is not None and source.name == speaker
    assert source.kb_id is None and source.confidence < 0.5
    assert text[source.span[0] : source.span[1]] == source.text


def test_a_pronoun_speaker_without_antecedent_is_no_source() -> None:
    event = first("They said gunmen stormed the checkpoint near Tessalit.", "ASSAULT")
    assert event.claim is not None and event.claim.source is None


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the airport on Monday, but officials said the runway was not damaged.",
        "Moscow has made its intentions clear on leading the campaign to retake Palmyra with the militias"
        " it is arming, however diplomats suggest they have not shared a plan.",
    ],
)
def test_clause_before_a_contrasted_report_is_not_reported(text: str) -> None:
    """A clause joined by "but"/"however" to a later report, or before a speech verb that already
    reports a clause after it, is the writer's own statement, not the speaker's."""
    event = first(text, "ASSAULT")
    assert event.claim is None or event.claim.cue not in {"said", "suggest"}


def test_leading_an_operation_to_retake_is_planned_by_the_clause_subject() -> None:
    event = first(
        "Moscow has made its intentions clear on leading the campaign to retake Palmyra with the militias"
        " it is arming, however diplomats suggest they have not shared a plan.",
        "ASSAULT",
    )
    assert event.claim is not None and event.claim.stance == "planned"
    assert event.source_actor is not None and event.source_actor.country == "RUS"


def test_relative_clause_states_a_fact_whatever_the_clause_above_plans() -> None:
    event = first("Tehran intends to lead an offensive on Mosul with the militias it is arming.", "AID")
    assert event.claim is None or event.claim.stance == "asserted"
    assert event.source_actor is not None and event.source_actor.country == "IRN"


def test_a_denial_does_not_reach_across_and_said() -> None:
    x = extract("The RSF denied losing the bridge and said its fighters had repelled the army's attack.")
    repelled = next(e for e in x.events if e.sentence.endswith("attack.") and e.event_type == "ASSAULT")
    assert repelled.claim is not None and repelled.claim.stance == "asserted"
    assert repelled.claim.source is not None and repelled.claim.source.text == "The RSF"


def test_the_speakers_after_a_list_of_victims_are_the_source() -> None:
    text = (
        "Army jets bombed a market in the Magway region on Friday, killing at least 17 people, "
        "including six children, a local aid group and residents said."
    )
    claim = extract(text).events[0].claim
    assert claim is not None and claim.source is not None and claim.source.text == "a local aid group"


def test_speakers_the_parser_left_without_a_verb_are_still_the_source() -> None:
    text = (
        "A suicide bomber blew himself up at a crowded beachside cafe in Mogadishu late on Friday, "
        "killing at least 12 people and wounding 30, police and witnesses said."
    )
    claim = extract(text).events[0].claim
    assert claim is not None and claim.source is not None and claim.source.text.startswith("police")


def test_saying_after_a_denial_is_an_assertion_of_the_one_who_denied() -> None:
    text = "The army spokesman denied that the base had fallen, saying fighting was continuing near its gate."
    fighting = next(e for e in extract(text).events if e.trigger.text == "fighting")
    assert fighting.claim is not None and fighting.claim.stance == "asserted"
    assert fighting.claim.source is not None and fighting.claim.source.text == "The army spokesman"


def test_a_meeting_one_is_due_to_attend_is_planned_and_dated_ahead():
    x = extract(
        "The president is due to meet regional leaders in Nairobi on Thursday.", published="2025-03-04"
    )
    meet = x.events[0]
    assert meet.claim is not None and meet.claim.stance == "planned"
    assert meet.date is not None and meet.date.value.isoformat() == "2025-03-06"


def test_a_group_distancing_itself_from_a_bombing_denies_it():
    event = first(
        "A spokesman for the insurgents distanced the movement from the bombing in Quetta.", "ASSAULT"
    )
    assert event.claim is not None and event.claim.stance == "denied"


def test_a_claim_that_could_not_be_verified_is_hedged():
    text = (
        "The army said its aircraft killed dozens of militia fighters near Mellit on Sunday. "
        "The claim could not be independently verified."
    )
    event = first(text, "ASSAULT")
    assert event.claim is not None and event.claim.stance == "hedged"


def test_a_clause_after_but_is_the_writers_own_not_the_claim_before_it():
    text = (
        "No group has claimed responsibility, but armed gangs often carry out mass abductions in the region."
    )
    event = first(text, "ASSAULT")
    assert event.claim is None
    # a clause the speech verb reports stays reported
    event = first("The army said it shelled rebel positions and killed 12 fighters.", "ASSAULT")
    assert event.claim is not None and event.claim.source.text == "The army"  # guard


def test_the_group_claiming_an_attack_is_its_doer():
    text = "A car bomb killed five people at a market on Monday. The rebel group claimed the attack."
    killing = first(text, "ASSAULT")
    assert killing.source_actor is not None and killing.source_actor.text == "The rebel group"


def test_neither_claim_verified_hedges_both_sides_claims():
    text = (
        "The army said its troops had repelled an attack on their positions and killed dozens of fighters. "
        "The rebels said in a statement that they had shot down an army drone. "
        "Neither claim could be independently verified."
    )
    events = extract(text, published="2023-02-14").events
    killed = next(e for e in events if e.trigger.text == "killed")
    downed = next(e for e in events if e.trigger.text.startswith("shot down"))
    assert killed.claim.stance == "hedged" and downed.claim.stance == "hedged"


def test_a_speakers_next_act_is_its_own_not_what_it_denies():
    events = extract("The aid group denied the accusation and called for the workers' release.").events
    call = next(e for e in events if e.event_type == "REQUEST")
    assert call.source_actor is not None and call.source_actor.text == "The aid group"
    assert call.claim is None or call.claim.stance != "denied"


def test_concern_about_an_act_is_not_doing_it():
    text = (
        "Officers detained four aid workers in the province last week. "
        "The United Nations said it was concerned about the detentions and urged their release."
    )
    events = extract(text).events
    assert not [
        e for e in events if e.event_type == "COERCE" and e.source_actor and "Nations" in e.source_actor.text
    ]


def test_a_headline_speaker_set_off_by_a_colon_is_the_source() -> None:
    leading = extract("Monitor: regime air strikes kill 20 in Idlib", published="2024-11-21").events[0]
    assert leading.claim is not None and leading.claim.source is not None
    assert leading.claim.source.text == "Monitor"
    assert leading.source_actor is not None and leading.source_actor.sector == "GOV"
    trailing = extract("Rebels seize army checkpoint near Hama: activists", published="2024-11-21").events[0]
    assert trailing.claim is not None and trailing.claim.source is not None
    assert trailing.claim.source.text == "activists"
    named = extract("Rights Watch: Assad forces used chlorine twice in Idlib last month.",
                    published="2024-11-21").events[0]  # fmt: skip
    assert named.source_actor is not None and named.source_actor.country == "SYR"
    assert named.claim is not None and named.claim.source.text == "Rights Watch"
    inside = extract("The minister said: the army will strike the rebels in Idlib next week.",
                     published="2024-11-21").events[0]  # fmt: skip
    assert inside.claim is None or inside.claim.source is None or ":" not in (inside.claim.cue or "")
    datelines = (
        "BEIRUT: Rival families clashed in a camp on Saturday, killing two people.",
        "Damascus: regime forces shelled the town of Douma on Monday, killing five.",
    )
    for dateline in datelines:
        event = extract(dateline, published="2024-11-21").events[0]
        assert event.claim is None or event.claim.source is None  # a dateline, no one speaking
    labelled = extract("Gymnastics: Hagerstown advances to the state finals", published="2024-11-21")
    assert any(p.text == "Hagerstown" for p in labelled.places)  # the claim's first word opens no sentence


def test_a_denial_in_a_relative_clause_is_not_the_accusers_claim() -> None:
    body = (
        "Pakistan accuses Afghanistan's Taliban government of sheltering TTP fighters, a charge Kabul denies."
    )
    events = extract(body, published="2024-11-21").events
    denial = next(e for e in events if e.trigger is not None and e.trigger.text == "denies")
    assert denial.claim is None or denial.claim.source is None or denial.claim.source.text != "Pakistan"


def test_speakers_after_a_counted_victim_list_are_the_source() -> None:
    body = (
        "Gunmen killed at least eight loggers working in a forest near Birnin Gwari on Friday, a community "
        "leader and residents said."
    )
    main = extract(body, published="2024-11-21").events[0]
    assert main.claim is not None and main.claim.source is not None
    assert "leader" in main.claim.source.text and "loggers" not in main.claim.source.text


def test_they_in_a_quote_is_the_attackers_not_the_speakers_or_victims() -> None:
    body = (
        "Gunmen killed at least eight loggers working in a forest near Gubio on Friday, a community leader "
        "and residents said.\n\n"
        '"They arrived on motorbikes and rounded up the loggers before shooting them," said Musa Lawan, a '
        "leader of a vigilante group."
    )
    events = extract(body, published="2024-11-21").events
    rounded = next(e for e in events if e.trigger is not None and e.trigger.text.startswith("rounded"))
    assert rounded.source_actor is not None and rounded.source_actor.text == "They"
    assert rounded.source_actor.name == "gunmen"  # the doers, not the speakers or the loggers


def test_a_speech_verb_hung_on_the_report_still_names_the_source() -> None:
    body = (
        "A drone strike on a minibus near Kidal on Sunday killed four nurses of a French medical charity, "
        "the charity said, calling on the army to explain why the clearly marked vehicle was hit."
    )
    main = extract(body, published="2024-11-21").events[0]
    assert main.claim is not None and main.claim.source is not None
    assert main.claim.source.text == "the charity"


def test_witnesses_closing_a_sentence_are_its_source_however_parsed() -> None:
    body = (
        "A drone strike hit a busy market in the town of Gendewuha in Ethiopia's Amhara region on Sunday, "
        "killing at least 30 people, three witnesses and a health worker told Reuters."
    )
    main = extract(body, published="2024-11-21").events[0]
    assert main.claim is not None and main.claim.source is not None
    assert "witnesses" in main.claim.source.text
    charge = extract(
        "Islamabad accuses Kabul of sheltering militants, a charge the Taliban government denies.",
        published="2024-11-21",
    ).events[0]
    assert charge.claim is None or charge.claim.source is None or "charge" not in charge.claim.source.text


def test_what_reports_say_is_hedged() -> None:
    body = (
        "The United Nations said on Tuesday it had received reports that the militia killed dozens of "
        "civilians in the town of Kutum last week."
    )
    main = extract(body, published="2024-11-21").events[0]
    assert main.claim is not None and main.claim.stance == "hedged"


def test_a_regional_governor_speaks_for_where_the_strike_fell() -> None:
    body = (
        "Russian forces struck the southern Ukrainian city of Zaporizhzhia with guided bombs on Monday, "
        "killing three people, regional governor Ivan Fedorov said. Russia did not immediately comment. "
        "Moscow denies deliberately targeting civilians."
    )
    title = "Russian glide bombs hit Zaporizhzhia, killing three"
    main = extract(body, title=title, published="2024-11-21").events[0]
    assert main.claim is not None and main.claim.source is not None
    assert main.claim.source.country == "UKR"


def test_it_said_after_an_agency_spoke_is_that_agency() -> None:
    body = (
        "At least 40 migrants are feared to have drowned after their boat sank off Tunisia, the "
        "International Organization for Migration said on Saturday.\n\n"
        "The Tunisian coast guard rescued 19 people, it said."
    )
    rescue = next(e for e in extract(body, published="2024-11-21").events if e.event_type == "AID")
    assert rescue.claim is not None and rescue.claim.source is not None
    assert rescue.claim.source.kb_id == "un.iom" and rescue.claim.source.text == "it"
