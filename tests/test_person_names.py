"""A person's name is neither a place nor a country (texts written for these tests)."""

from __future__ import annotations

from wirecoder import extract


def test_given_names_before_surnames_are_people_not_places() -> None:
    text = (
        "The team will be without the forward pair Sam Gallagher and Tom Reid for the trip to Leeds on "
        "Saturday. Volunteers including Paul Astbury and Michelle Isom rebuilt the stand in a week."
    )
    named = {p.text for p in extract(text, published="2024-11-21").places}
    assert "Leeds" in named
    assert not named & {"Sam", "Paul", "Gallagher", "Astbury"}  # not Damascus ("Sam") nor Paul, Cape Verde


def test_a_given_name_ending_in_s_is_no_country_possessive() -> None:
    text = "Frances Fitzgerald agreed on Tuesday to resign from the cabinet after weeks of pressure."
    main = extract(text, published="2024-11-21").events[0]
    assert main.source_actor is not None and main.source_actor.country != "FRA"
