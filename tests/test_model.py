"""The English pipeline is the pinned one, loads offline, and our speed-ups do not change its output."""

from __future__ import annotations

import pytest

from wirecoder.nlp import (
    MODEL_VERSION,
    load_full_nlp,
    load_nlp,
    paragraphs,
    parse_sentences,
    segment,
    title_cased,
)


def test_loaded_model_is_the_pinned_release():
    meta = load_full_nlp().meta
    assert meta["version"] == MODEL_VERSION == "3.8.0"
    # the official en_core_web_sm 3.8.0 was trained from this spaCy commit
    assert meta["spacy_git_version"] == "5010fcbd3"
    assert meta["lang"] == "en"


def test_fast_morph_agrees_with_shipped_components():
    text = (
        "Government troops shelled the rebel-held town of Maarat al-Numan on Tuesday, killing nine people, "
        "according to a monitoring group. The army said it had targeted fighters who were hiding in schools. "
        "Residents who fled told reporters that the bombardment lasted for hours and destroyed the market."
    )
    full = load_full_nlp()(text)
    fast = load_nlp()(text)
    assert [t.text for t in full] == [t.text for t in fast]
    pos_diff = [t.text for t, u in zip(full, fast, strict=True) if (t.pos_, t.lemma_) != (u.pos_, u.lemma_)]
    assert len(pos_diff) <= 2, pos_diff
    assert [t.dep_ for t in full] == [t.dep_ for t in fast]


def test_the_extraction_tokenizer_is_the_shipped_one():
    """`load_nlp` builds its tokenizer empty and fills it from the model's files: nothing may be lost."""
    shipped, ours = load_full_nlp().tokenizer, load_nlp().tokenizer
    for part in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(ours, part).__self__.pattern == getattr(shipped, part).__self__.pattern, part
    assert ours.faster_heuristics == shipped.faster_heuristics
    assert len(shipped.rules) > 1000
    assert all(ours.rules.get(case) == tokens for case, tokens in shipped.rules.items())
    text = (
        "U.S.-backed fighters didn't retreat from al-Bab, Gen. Ali's office said "
        "(see https://example.org/a?b=1 or mail press@example.org); "
        '3,000 people fled at 5:30 a.m. -- "we can\'t stay" :)'
    )
    assert [t.text for t in ours(text)] == [t.text for t in shipped(text)]


def test_segment_never_crosses_blank_lines_and_keeps_offsets():
    text = (
        "Rebels seize border crossing\n\n"
        "Fighters took the crossing at dawn. Two guards were killed.\n\nMore soon"
    )
    sents = segment(text)
    assert [s.text for s in sents] == [
        "Rebels seize border crossing",
        "Fighters took the crossing at dawn.",
        "Two guards were killed.",
        "More soon",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    assert len(paragraphs(text)) == 3


def test_overlong_sentence_is_cut_into_parseable_pieces():
    text = "word " * 1500
    sents = segment(text)
    assert len(sents) > 1
    assert all(len(s.text) <= 2000 for s in sents)
    assert all(text[s.start : s.end] == s.text for s in sents)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Mine blast\n\nGAO, May 4 (Wire) - A mine killed two herders near Gao.", "GAO, May 4 (Wire) -"),
        (
            "Gang raid\n\nPORT-AU-PRINCE, Haiti (Wire) \u2014 Gunmen raided a market.",
            "PORT-AU-PRINCE, Haiti (Wire) \u2014",
        ),
        ("Bridge retaken\n\n(Wire) - The army said it retook a bridge.", "(Wire) -"),
    ],
)
def test_a_wire_dateline_is_a_piece_of_its_own(text, dateline):
    sents = segment(text)
    assert sents[1].text == dateline
    assert text[sents[2].start : sents[2].end] == sents[2].text
    assert not sents[2].text.startswith(dateline)


def test_a_dash_inside_a_sentence_is_no_dateline():
    sents = segment("Talks\n\nUS - Iran talks resumed in Muscat. The army - backed by jets - advanced.")
    assert [s.text for s in sents][1:] == [
        "US - Iran talks resumed in Muscat.",
        "The army - backed by jets - advanced.",
    ]


def test_a_headline_glued_to_the_body_by_a_date_stamp_is_cut_after_the_stamp():
    text = (
        "Nine killed in army shelling of market town Observer Tuesday 6 Sep 2016 Army guns shelled "
        "the market of a rebel-held town on Monday, killing nine people, a monitor said."
    )
    sents = segment(text)
    assert [s.text for s in sents] == [
        "Nine killed in army shelling of market town Observer Tuesday 6 Sep 2016",
        "Army guns shelled the market of a rebel-held town on Monday, killing nine people, a monitor said.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sents)
    labelled = "Published 6 Sep 2016 Army guns shelled the market of a rebel-held town on Monday."
    assert [s.text for s in segment(labelled)] == [  # the stamp and its label are no part of the lead
        "Published 6 Sep 2016",
        "Army guns shelled the market of a rebel-held town on Monday.",
    ]
    few = "Heavy fighting 6 Sep 2016 Army guns shelled the market of a rebel-held town on Monday."
    assert len(segment(few)) == 1  # two words before a date are too few to be a headline


def test_the_articles_own_headline_repeated_at_the_top_of_the_body_is_a_sentence_of_its_own():
    title = "Rocket fire kills five in northern town"
    text = (
        "Monday 3 Oct 2016 Rocket fire kills five in northern town Rockets fired from hills above the "
        "town struck a bus station on Monday, killing five people. Two more died later."
    )
    sents = segment(text, title)
    assert [s.text for s in sents] == [
        "Monday 3 Oct 2016",
        "Rocket fire kills five in northern town",
        "Rockets fired from hills above the town struck a bus station on Monday, killing five people.",
        "Two more died later.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sents)
    # without the title nothing says where the headline ends, only where the stamp does
    assert [s.text[:47] for s in segment(text)][:2] == [
        "Monday 3 Oct 2016",
        "Rocket fire kills five in northern town Rockets",
    ]
    ended = "Rocket fire kills five in northern town. Rockets struck a bus station on Monday."
    assert [s.text for s in segment(ended, title)] == [s.text for s in segment(ended)]


def test_a_sentence_parsed_in_lower_case_keeps_its_own_words():
    sentence = segment("Rebel Fighters Seize Two Towns Near Aleppo")[0]
    assert title_cased(sentence.doc)
    sentence.extra["lowered"] = {1, 2}  # "Fighters Seize"
    parse_sentences([sentence])
    doc = sentence.doc
    assert doc.text == sentence.text  # offsets and words are the article's
    assert doc[2].pos_ == "VERB" and doc[2].lemma_ == "seize"
    assert [t.i for t in doc if t.dep_ == "ROOT"] == [2]


def test_an_ordinary_sentence_is_not_title_cased():
    assert not title_cased(segment("Rebel fighters seized two towns near Aleppo on Monday.")[0].doc)
