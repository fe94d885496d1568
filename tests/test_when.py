"""Time expressions resolved against a fixed publication date: Friday 3 March 2017."""

from datetime import date

import pytest

from wirecoder.when import find_dateline, find_times, time_spans

FRIDAY = date(2017, 3, 3)


def only(text: str, published: date | None = FRIDAY, **kw):
    refs = find_times(text, published, **kw)
    assert len(refs) == 1, refs
    return refs[0]


@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "precision"),
    [
        (
            "Coalition jets struck a bridge near Tabqa on Friday, the spokesman said.",
            "on Friday",
            "2017-03-03",
            "day",
        ),
        ("Rebels shelled the airport on Wednesday.", "on Wednesday", "2017-03-01", "day"),
        ("Wednesday's raid on the village left no survivors.", "Wednesday's", "2017-03-01", "day"),
        ("Activists said a clinic in Idlib was hit on Sunday night.", "on Sunday night", "2017-02-26", "day"),
        ("Saturday, gunmen stormed a checkpoint outside Homs.", "Saturday", "2017-02-25", "day"),
        ("The army said last Friday that it had retaken the hill.", "last Friday", "2017-02-24", "day"),
        ("The SDF began its push on 4 February with air cover.", "on 4 February", "2017-02-04", "day"),
        ("The convoy was stopped February 4 near Manbij.", "February 4", "2017-02-04", "day"),
        ("The ceasefire collapsed on 30 December.", "on 30 December", "2016-12-30", "day"),
        ("Talks in Astana opened on 4 Feb 2017 without the opposition.", "4 Feb 2017", "2017-02-04", "day"),
        (
            "The town fell on Sunday, 5 March 2016, after a long siege.",
            "Sunday, 5 March 2016",
            "2016-03-05",
            "day",
        ),
        ("The report was dated April 4, 2016.", "April 4, 2016", "2016-04-04", "day"),
        ("The document, filed 2016-11-21, lists the dead.", "2016-11-21", "2016-11-21", "day"),
        ("Syria agreed to hand over its chemical arsenal in 2013.", "in 2013", "2013-01-01", "year"),
        ("The Ghouta attack happened in August 2013.", "in August 2013", "2013-08-01", "month"),
        ("Fighting flared again in March around Daraa.", "in March", "2017-03-01", "month"),
        ("The town was besieged in May by government troops.", "in May", "2016-05-01", "month"),
        ("The jets returned last week and hit the bakery.", "last week", "2017-02-20", "week"),
        ("Strikes intensified this week in the north.", "this week", "2017-02-27", "week"),
        ("A second convoy was attacked earlier this month.", "earlier this month", "2017-03-01", "month"),
        ("The water station was destroyed last month.", "last month", "2017-02-01", "month"),
        ("Aid deliveries stopped last year.", "last year", "2016-01-01", "year"),
        ("The ministry said yesterday that the road was open.", "yesterday", "2017-03-02", "day"),
        ("Residents buried the victims today.", "today", "2017-03-03", "day"),
        ("Mortars fell on the market last night.", "last night", "2017-03-02", "day"),
        ("The militia took the dam two days ago.", "two days ago", "2017-03-01", "day"),
        ("The militia took the dam a week ago.", "a week ago", "2017-02-20", "week"),
        ("The hospital reopened three months ago.", "three months ago", "2016-12-01", "month"),
    ],
)
def test_every_date_form_resolves_against_publication(sentence, phrase, value, precision):
    ref = only(sentence)
    assert ref.text == phrase
    assert ref.value.isoformat() == value
    assert ref.precision == precision
    start = sentence.index(phrase)
    assert ref.span == (start, start + len(phrase))


def test_spans_are_shifted_by_the_sentence_offset():
    ref = only("Shelling resumed on Wednesday.", offset=1000)
    assert ref.span == (1017, 1029)


def test_the_day_before_counts_from_the_date_just_mentioned():
    refs = find_times("The strike came on 10 February; the day before, leaflets were dropped.", FRIDAY)
    assert [r.value.isoformat() for r in refs] == ["2017-02-10", "2017-02-09"]
    assert refs[1].text == "the day before"


def test_the_day_before_without_anchor_counts_from_publication():
    assert only("Officials had warned residents the day before.").value == date(2017, 3, 2)


def test_the_day_before_an_event_is_not_a_date():
    assert find_times("Leaflets fell the day before the attack.", FRIDAY) == []


def test_several_expressions_in_one_sentence_in_order():
    refs = find_times(
        "Jets hit Raqqa on Wednesday and again on Thursday, after a lull since January 2016.", FRIDAY
    )
    assert [(r.text, r.value.isoformat(), r.precision) for r in refs] == [
        ("on Wednesday", "2017-03-01", "day"),
        ("on Thursday", "2017-03-02", "day"),
        ("since January 2016", "2016-01-01", "month"),
    ]


def test_future_dates_need_the_future_flag():
    text = "The envoy will meet both sides next week and on Monday, and again on 10 March."
    past = find_times(text, FRIDAY)  # the caller did not say it is future: nothing after publication
    assert [(r.text, r.value.isoformat()) for r in past] == [
        ("on Monday", "2017-02-27"),
        ("on 10 March", "2016-03-10"),
    ]
    refs = find_times(text, FRIDAY, future=True)
    assert [(r.text, r.value.isoformat(), r.precision) for r in refs] == [
        ("next week", "2017-03-06", "week"),
        ("on Monday", "2017-03-06", "day"),
        ("on 10 March", "2017-03-10", "day"),
    ]


def test_tomorrow_is_future_only():
    assert find_times("Evacuations resume tomorrow.", FRIDAY) == []
    assert only("Evacuations resume tomorrow.", future=True).value == date(2017, 3, 4)


def test_without_publication_only_absolute_dates_resolve():
    refs = find_times("On Friday officials recalled the 21 August 2013 attack and events in 2012.", None)
    assert [(r.text, r.value.isoformat()) for r in refs] == [
        ("21 August 2013", "2013-08-21"),
        ("in 2012", "2012-01-01"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The shelling lasted for three days.",
        "The clashes began at 10 a.m. and ended at 0914.",
        "A 12-year-old boy was among the wounded.",
        "More than 2000 people fled the district.",
        "Over the past week, dozens of families left.",
        "He said the rebels may withdraw, and residents march on the town hall.",
        "Markets close on Fridays in the old city.",
        "Talks were held in 12 rounds, with 2013 delegates.",
    ],
)
def test_non_dates_are_not_matched(sentence):
    assert find_times(sentence, FRIDAY) == []


def test_time_spans_cover_unresolved_expressions_too():
    text = "Shelling on Friday killed 4, as on 4 February."
    assert [text[s:e] for s, e in time_spans(text)] == ["on Friday", "on 4 February"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed 05 Apr 2017 Nerve agent suspected in Idlib attack. Victims showed...", date(2017, 4, 5)),
        ("Thu Jul 7 2016 Army repels attack on Aleppo road. The army...", date(2016, 7, 7)),
        ("23-04-2016 Two killed in shelling of Aleppo district.", date(2016, 4, 23)),
        ("01.10.2017Get short URL Strikes near Deir ez-Zor...", date(2017, 10, 1)),
        ("Published October 3 2016 Fighters killed near Dabiq.", date(2016, 10, 3)),
        ("Jihadists seize town Monitor AFP Saturday 21 Jun 2014 Fighters of...", date(2014, 6, 21)),
        ("DAMASCUS, April 5 (Reuters) - Syria said... Updated April 5, 2017 at noon.", date(2017, 4, 5)),
    ],
)
def test_dateline(text, expected):
    assert find_dateline(text) == expected


def test_dateline_needs_a_year():
    assert find_dateline("DAMASCUS, April 5 (Reuters) - Shelling hit the old city.") is None
    assert find_dateline("Shelling hit the old city, residents said.") is None


def test_dateline_gives_the_reference_date_when_publication_is_unknown():
    text = "Wed 05 Apr 2017 A strike on Khan Sheikhoun on Tuesday killed dozens."
    published = find_dateline(text)
    ref = find_times(text, published)[-1]
    assert (ref.text, ref.value) == ("on Tuesday", date(2017, 4, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.10.2017 Mortar shells hit the old market.", date(2017, 10, 5)),
        ("Beirut - 12/04/2016 Jets struck the town.", date(2016, 4, 12)),
        ("Posted 04/23/2016: jets struck the town.", date(2016, 4, 23)),
        ("The truce took effect on 27-02-2016 at midnight.", date(2016, 2, 27)),
    ],
)
def test_numeric_dates_read_day_first_unless_impossible(text, expected):
    (ref,) = find_times(text, None)
    assert (ref.value, ref.precision) == (expected, "day")
    assert text[ref.span[0] : ref.span[1]] == ref.text


def test_numeric_non_dates_are_not_dates():
    assert find_times("Version 1.2.3 of the report, page 10/40/1999.", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beirut - 12/04/2016 Jets struck the town.", date(2016, 4, 12)),
        ("Sunday 7 May 2017 Jets struck the town.", date(2017, 5, 7)),
        ("Date of publication 9 July 2016 Tags Syria Aleppo Jets struck the town.", date(2016, 7, 9)),
        ("Print this page Tuesday 19 July 2016 16:45 Jets struck the town.", date(2016, 7, 19)),
    ],
)
def test_more_dateline_forms(text, expected):
    assert find_dateline(text) == expected


def test_a_numeric_dateline_is_the_story_date_before_later_dates():
    text = "17-06-2016 Rockets hit Aleppo. The truce came into effect on February 27 2016."
    refs = find_times(text, find_dateline(text))
    assert [(r.text, r.value) for r in refs] == [
        ("17-06-2016", date(2016, 6, 17)),
        ("February 27 2016", date(2016, 2, 27)),
    ]


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # the sentence is about the future, but the weekday's own clause is past: a past date
        ("The UN said Wednesday that its monitors will return to Hama.", "Wednesday", "2017-03-01"),
        ("Militias stormed the village Tuesday in a push meant to cut the road.", "Tuesday", "2017-02-28"),
        ("On Thursday the envoy warned that the old city would be flattened.", "On Thursday", "2017-03-02"),
        ("On Thursday, the envoy warned that the city would fall.", "On Thursday", "2017-03-02"),
        ("Speaking on Thursday the envoy said talks would resume.", "on Thursday", "2017-03-02"),
        ("In May the two sides agreed a swap that would free 40 detainees.", "In May", "2016-05-01"),
        ("Inspectors visited the depot on 10 March, and a report will follow.", "on 10 March", "2016-03-10"),
        # the weekday's clause is future: the next such day
        ("The minister said talks will open on Monday in Geneva.", "on Monday", "2017-03-06"),
        ("The envoys are to be received on Tuesday by the council.", "on Tuesday", "2017-03-07"),
        ("A vote will be held Thursday on the new truce.", "Thursday", "2017-03-09"),
        ("On Monday, the next round of talks will open in Geneva.", "On Monday", "2017-03-06"),
    ],
)
def test_future_sentence_keeps_past_clauses_in_the_past(sentence, phrase, value):
    (ref,) = find_times(sentence, FRIDAY, future=True)
    assert (ref.text, ref.value.isoformat()) == (phrase, value)


def test_a_relative_clauses_date_is_its_own():
    from wirecoder import extract

    x = extract(
        "The junta, which seized power in 2022, has vowed to crush the insurgency.", published="2024-08-28"
    )
    vowed = next(e for e in x.events if e.trigger.text == "vowed")
    assert vowed.date is None or vowed.date.value.year != 2022


def test_days_counted_from_the_day_named_before() -> None:
    pub = date(2024, 11, 21)
    [earlier] = find_times("Two days earlier, a strike hit a house.", pub, anchor=date(2024, 11, 16))
    assert earlier.value == date(2024, 11, 14) and earlier.precision == "day"
    [later] = find_times("Three days later the road reopened.", pub, anchor=date(2024, 11, 10))
    assert later.value == date(2024, 11, 13)
    assert find_times("Two days before the vote, police arrested him.", pub, anchor=date(2024, 11, 16)) == []


def test_a_year_naming_an_event_dates_it_but_a_count_does_not() -> None:
    pub = date(2024, 11, 21)
    [year] = find_times("He was convicted of a killing during the 2019 protests in Baghdad.", pub)
    assert year.text == "2019" and year.value == date(2019, 1, 1) and year.precision == "year"
    assert find_times("Police detained the 2019 people named on the list.", pub) == []
