"""Geolocation: gazetteer build + lookup, recognition, demonyms, exclusion, resolution, event location.

Uses a tiny GeoNames-format gazetteer written here, so the tests run in seconds and never need the
default (package-built) index.
"""

from __future__ import annotations

import zipfile

import pytest

from wirecoder import extract
from wirecoder.geo.gazetteer import Gazetteer, build_from_geonames
from wirecoder.geo.names import normalize
from wirecoder.geo.resolve import Geoparser
from wirecoder.nlp import parse_sentences, segment

# geonameid, name, alternate names, lat, lon, class, code, country, admin1, population
ROWS = [
    (163843, "Syria", "Syrian Arab Republic", 35.0, 38.0, "A", "PCLI", "SY", "00", 22000000),
    (298795, "Turkey", "Turkiye", 39.0, 35.0, "A", "PCLI", "TR", "00", 82000000),
    (172955, "Ar Raqqah", "Raqqa,Raqqah,Ar-Raqqah,Rakka", 35.95, 39.01, "P", "PPLA", "SY", "04", 531952),
    (172957, "Ar Raqqah", "Raqqa Governorate", 35.9, 38.9, "A", "ADM1", "SY", "04", 944000),
    (
        170794,
        "Deir ez-Zor",
        "Dayr az Zawr,Deir al-Zor,Deir ez Zor",
        35.34,
        40.14,
        "P",
        "PPLA",
        "SY",
        "07",
        271800,
    ),
    (170792, "Dayr az Zawr", "Deir ez-Zor Governorate", 35.0, 40.5, "A", "ADM1", "SY", "07", 1239000),
    (169389, "Idlib", "Idleb", 35.93, 36.63, "P", "PPLA", "SY", "12", 128840),
    (169388, "Idlib", "Idlib Governorate", 35.7, 36.6, "A", "ADM1", "SY", "12", 1500000),
    (170063, "Aleppo", "Halab,Haleb", 36.20, 37.16, "P", "PPLA", "SY", "09", 2098210),
    (170062, "Aleppo", "Halab Governorate", 36.2, 37.5, "A", "ADM1", "SY", "09", 4868000),
    (167357, "Manbij", "Menbij,Manbej", 36.53, 37.95, "P", "PPL", "SY", "09", 99497),
    (170017, "Al Bab", "al-Bab,Al-Bab", 36.37, 37.52, "P", "PPL", "SY", "09", 130745),
    (323786, "Ankara", "Angora", 39.92, 32.85, "P", "PPLC", "TR", "68", 3517182),
    (7777777, "Raqqa", "", 10.0, 10.0, "P", "PPL", "NG", "01", 900),  # a small namesake elsewhere
    (361058, "Alexandria", "Al Iskandariyah", 31.2, 29.92, "P", "PPLA", "EG", "06", 5200000),
    (4744091, "Alexandria", "", 38.80, -77.05, "P", "PPL", "US", "VA", 150000),
    (6254928, "Virginia", "Commonwealth of Virginia", 37.5, -78.9, "A", "ADM1", "US", "VA", 8000000),
    (614540, "Georgia", "Sakartvelo", 42.0, 43.5, "A", "PCLI", "GE", "00", 3700000),
    (4197000, "Georgia", "State of Georgia", 32.75, -83.5, "A", "ADM1", "US", "GA", 10000000),
    (4180439, "Atlanta", "", 33.75, -84.39, "P", "PPLA", "US", "GA", 470000),
    (611717, "Tbilisi", "Tiflis", 41.69, 44.83, "P", "PPLC", "GE", "51", 1100000),
    (6252001, "United States", "US,USA,America", 39.76, -98.5, "A", "PCLI", "US", "00", 327000000),
    (292968, "Al Karama", "Karama", 25.24, 55.3, "P", "PPL", "AE", "03", 50000),  # no Syrian Karama
    (163345, "Tall Abyad", "Tal Abyad", 36.69, 38.95, "P", "PPL", "SY", "04", 14825),
    (1227603, "Sri Lanka", "", 7.75, 80.75, "A", "PCLI", "LK", "00", 21000000),
    # (..., admin2): two Richmonds and two Madison Counties, one of each in the same Kentucky county
    (9000001, "Richmond", "", 37.55, -77.46, "P", "PPLA", "US", "VA", 226000, "760"),
    (9000002, "Richmond", "", 37.75, -84.29, "P", "PPL", "US", "KY", 33000, "151"),
    (9000003, "Madison County", "", 37.72, -84.28, "A", "ADM2", "US", "KY", 92000, "151"),
    (9000004, "Madison County", "", 34.76, -86.55, "A", "ADM2", "US", "AL", 370000, "089"),
    (9000005, "Madison County", "", 38.83, -89.9, "A", "ADM2", "US", "IL", 265000, "119"),
    (9000006, "Madison County", "", 34.13, -83.21, "A", "ADM2", "US", "GA", 30000, "195"),
    (9000007, "Madison County", "", 42.91, -75.67, "A", "ADM2", "US", "NY", 70000, "053"),
    (248816, "Jordan", "Hashemite Kingdom of Jordan", 31.0, 36.0, "A", "PCLI", "JO", "00", 10000000),
    (9000010, "Jordan", "", 44.67, -93.63, "P", "PPL", "US", "MN", 6000),  # a small namesake
    (4736286, "Texas", "State of Texas", 31.25, -99.25, "A", "ADM1", "US", "TX", 29000000),
    (5037779, "Minnesota", "State of Minnesota", 46.25, -94.25, "A", "ADM1", "US", "MN", 5600000),
    (9000011, "Jones", "", 35.56, -97.29, "P", "PPL", "US", "OK", 20000),
    (9000012, "David", "", 8.43, -82.43, "P", "PPLA", "PA", "04", 80000),
    (9000013, "Nato", "", 10.3, 123.9, "P", "PPL", "PH", "07", 6000),
    (9000014, "Laurel County", "", 37.1, -84.1, "A", "ADM2", "US", "KY", 20000, "125"),
    (9000020, "Ma'arrat an Nu'man", "Maarrat al-Numan", 35.64, 36.68, "P", "PPL", "SY", "12", 0),
    (9000021, "Numan", "", 9.47, 12.03, "P", "PPL", "NG", "02", 58000),  # the tail alone, far away
    (9000022, "Tarma", "", -11.4, -75.7, "P", "PPL", "PE", "12", 12000),
    (9000023, "Castello", "", 46.0, 11.0, "P", "PPL", "IT", "17", 1900),
    (9000024, "Date", "", 42.47, 140.86, "P", "PPL", "JP", "12", 35000),
    (9000025, "Sanaa", "Sana", 15.35, 44.2, "A", "ADM1", "YE", "26", 100000),
    (9000026, "Orem", "Orum", 40.3, -111.7, "P", "PPL", "US", "UT", 90000),
    (9000027, "Mercer", "", 13.2, -61.2, "A", "ADM1", "VC", "05", 4000),  # a small parish
    (9000900, "Borno", "", 11.5, 13.0, "A", "ADM1", "NG", "02", 4000000),
    (9000028, "Brandt", "", 35.1, -85.2, "A", "ADM2", "US", "TN", 150000, "065"),  # a county
    (9000029, "Bell", "", 33.97, -118.19, "P", "PPL", "US", "CA", 35000),
    (3175395, "Italy", "Italian Republic", 42.8, 12.8, "A", "PCLI", "IT", "00", 60000000),
    (2635167, "United Kingdom", "Britain,UK", 54.76, -2.7, "A", "PCLI", "GB", "00", 66000000),
    (6269131, "England", "", 52.66, -1.27, "A", "ADM1", "GB", "ENG", 53000000),
    (9000030, "England", "", 34.54, -91.97, "P", "PPL", "US", "AR", 2800),
    (9000031, "Boone County", "Boone", 38.96, -84.73, "A", "ADM2", "US", "KY", 130000, "015"),
    (9000032, "Boone", "", 36.22, -81.67, "P", "PPL", "US", "NC", 19000),
    (5165418, "Ohio", "State of Ohio", 40.25, -82.75, "A", "ADM1", "US", "OH", 11600000),
    (9000040, "Mount Gilead", "Youngstown", 40.55, -82.83, "P", "PPL", "US", "OH", 3600, "117"),  # old name
    (9000047, "Morrow County", "", 40.52, -82.79, "A", "ADM2", "US", "OH", 35000, "117"),
    (9000048, "Worcester", "", 42.26, -71.8, "P", "PPL", "US", "MA", 180000),
    (9000049, "Mary", "", 37.6, 61.83, "A", "ADM1", "TM", "07", 1400000),  # a province: a major place
    (9000050, "Kanawha County", "Kanawha", 38.34, -81.53, "A", "ADM2", "US", "WV", 180000, "039"),
    (9000051, "Decatur", "", 33.77, -84.3, "P", "PPL", "US", "GA", 24000),
    (6251999, "Canada", "", 60.0, -95.5, "A", "PCLI", "CA", "00", 37000000),
    (9000052, "Patrick", "", 34.57, -80.04, "P", "PPL", "US", "SC", 8000),
    (9000053, "Hall County", "Hall", 34.32, -83.82, "A", "ADM2", "US", "GA", 200000, "139"),
    (9000055, "Toyota", "", 35.08, 137.16, "P", "PPL", "JP", "01", 420000),
    (9000056, "Moore", "", 35.34, -97.49, "P", "PPL", "US", "OK", 62000),
    (9000057, "Stevens", "", 40.1, -79.9, "P", "PPL", "US", "PA", 30000),
    (9000058, "Park County", "Park", 44.5, -109.6, "A", "ADM2", "US", "WY", 60000, "029"),
    (9000059, "Trail", "", 49.1, -117.7, "P", "PPL", "CA", "02", 7700),
    (9000041, "Youngstown", "", 41.1, -80.65, "P", "PPL", "US", "OH", 64000),
    (4831725, "Connecticut", "Conn.", 41.67, -72.67, "A", "ADM1", "US", "CT", 3500000),
    (4921868, "Indiana", "", 40.0, -86.25, "A", "ADM1", "US", "IN", 6500000),
    (9000042, "New Haven", "", 41.31, -72.93, "P", "PPL", "US", "CT", 130000),
    (9000043, "New Haven", "", 41.07, -85.01, "P", "PPL", "US", "IN", 15700),
    (9000044, "Indianapolis", "", 39.77, -86.16, "P", "PPLA", "US", "IN", 870000),
    (9000045, "Springfield", "", 42.1, -72.59, "P", "PPL", "US", "MA", 154000),
    (9000046, "Springfield", "", 39.92, -83.81, "P", "PPL", "US", "OH", 59000),
    (
        9000060,
        "Saint Petersburg",
        "St. Petersburg,Sankt-Peterburg",
        59.94,
        30.31,
        "P",
        "PPLA",
        "RU",
        "66",
        5350000,
    ),
    (9000061, "St. Petersburg", "Saint Petersburg", 27.77, -82.68, "P", "PPL", "US", "FL", 257000),
    (9000062, "Buulobarde", "Bulo Burti", 3.85, 45.57, "P", "PPL", "SO", "04", 17000),
    (9000063, "Bulo", "", 12.41, 123.57, "P", "PPL", "PH", "05", 2700),
    (9000064, "Gaza", "Gaza City", 31.5, 34.47, "P", "PPL", "PS", "00", 410000),
    (9000065, "Hodeidah", "Al Hudaydah", 14.8, 42.95, "P", "PPLA", "YE", "08", 400000),
    (9000066, "Khartoum", "", 15.55, 32.53, "P", "PPLC", "SD", "29", 1970000),
    (9000067, "Lebanon", "Lebanese Republic", 33.87, 35.85, "A", "PCLI", "LB", "00", 6800000),
    (9000068, "El Ain", "Ain", 34.8, 10.78, "P", "PPL", "TN", "00", 43000),
    (9000069, "Kessab", "", 35.93, 35.99, "P", "PPL", "SY", "00", 2000),
    (9000070, "Kessab", "", 40.1, 44.9, "P", "PPL", "AM", "00", 30000),
    (9000071, "Yerevan", "", 40.18, 44.51, "P", "PPLC", "AM", "11", 1090000),
    (239880, "Central African Republic", "CAR", 7.0, 21.0, "A", "PCLI", "CF", "00", 4800000),
]


def _line(r: tuple) -> str:
    gid, name, alts, lat, lon, fcl, fco, cc, a1, pop, *admin2 = r
    cols = [
        gid,
        name,
        name,
        alts,
        lat,
        lon,
        fcl,
        fco,
        cc,
        "",
        a1,
        admin2[0] if admin2 else "",
        "",
        "",
        pop,
        "",
        "",
        "Asia/Damascus",
        "",
    ]
    return "\t".join(str(c) for c in cols)


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("gaz")
    dump = folder / "SY.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("SY.txt", "\n".join(_line(r) for r in ROWS) + "\n")
        zf.writestr("readme.txt", "not data\n")
    dest = folder / "gazetteer.duckdb"
    build_from_geonames(dest, [dump])
    return Gazetteer.open(dest)


@pytest.fixture(scope="module")
def gp(gaz) -> Geoparser:
    return Geoparser(gaz)


def ids(cands) -> set[int]:
    return {c.geonameid for c in cands}


@pytest.mark.parametrize("name", ["Raqqa", "Raqqah", "Ar-Raqqah", "al-Raqqa", "AR RAQQAH"])
def test_raqqa_spellings(gaz, name):
    assert 172955 in ids(gaz.lookup(name))


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Deir al-Zor", "Dayr az Zawr", "Deir Ez Zor"])
def test_deir_ez_zor_spellings(gaz, name):
    assert 170794 in ids(gaz.lookup(name))


def test_normalize_folds_articles_and_diacritics():
    assert normalize("Ar-Raqqah") == normalize("ar raqqah") == "raqqah"
    assert normalize("Şanlıurfa") == "sanliurfa"


def test_fuzzy_match_is_flagged(gaz):
    cands = gaz.lookup("Raqa")
    assert 172955 in ids(cands) and all(c.fuzzy for c in cands)
    assert not any(c.fuzzy for c in gaz.lookup("Raqqa"))


def test_info_and_atomic_rebuild(gaz, tmp_path):
    info = gaz.info()
    assert info["source"].startswith("geonames: SY.zip") and int(info["places"]) == len(ROWS)
    dest = tmp_path / "g.duckdb"
    good = tmp_path / "a.txt"
    good.write_text(_line(ROWS[0]) + "\n", encoding="utf-8")
    build_from_geonames(dest, [good])
    bad = tmp_path / "b.txt"
    broken = _line(ROWS[1]).replace("\t39.0\t", "\tnot-a-latitude\t")
    bad.write_text(_line(ROWS[0]) + "\n" + broken + "\n", encoding="utf-8")
    with pytest.raises(ValueError):
        build_from_geonames(dest, [bad])
    assert ids(Gazetteer.open(dest).lookup("Syria")) == {163843}  # old index still there and usable
    assert not list(tmp_path.glob(".*tmp"))


def places_of(gp, text, exclude=(), parse=False):
    sentences = segment(text)
    if parse:
        parse_sentences(sentences)
    return gp.toponyms(sentences, text, list(exclude))


def test_recognizes_names_without_ner(gp):
    text = "Fighters left Raqqa and moved towards Deir al-Zor, passing near Manbij and al-Bab."
    found = {p.text: p.geonameid for p in places_of(gp, text)}
    assert found == {"Raqqa": 172955, "Deir al-Zor": 170794, "Manbij": 167357, "al-Bab": 170017}


def test_spans_are_article_offsets(gp):
    text = "A first paragraph about nothing.\n\nThen shelling hit Manbij overnight."
    (place,) = places_of(gp, text)
    assert text[place.span[0] : place.span[1]] == "Manbij"


def test_demonyms_resolve_to_countries(gp):
    places = places_of(gp, "Syrian and Turkish officials met to discuss the border.")
    assert [(p.text, p.kind, p.country, p.precision) for p in places] == [
        ("Syrian", "demonym", "SY", "country"),
        ("Turkish", "demonym", "TR", "country"),
    ]


def test_no_toponym_inside_excluded_organisation(gp):
    text = "The Syrian Democratic Forces advanced on Raqqa."
    start = text.index("Syrian")
    places = places_of(gp, text, exclude=[(start, start + len("Syrian Democratic Forces"))])
    assert [p.text for p in places] == ["Raqqa"]


def test_idlib_province_vs_city(gp):
    (prov,) = [p for p in places_of(gp, "Air strikes hit Idlib province on Monday.") if p.text == "Idlib"]
    assert (prov.geonameid, prov.precision) == (169388, "admin1")
    city = {p.text: p for p in places_of(gp, "Air strikes hit Idlib and Aleppo on Monday.")}
    assert (city["Idlib"].geonameid, city["Idlib"].precision) == (169389, "city")
    assert city["Aleppo"].geonameid == 170063


def test_context_beats_small_namesake(gp):
    place = {p.text: p for p in places_of(gp, "Syrian troops said Raqqa was quiet.")}["Raqqa"]
    assert place.country == "SY" and place.geonameid == 172955 and 0 < place.score <= 1


def test_event_location_prefers_attached_toponym(gp):
    text = "Militants fled from Raqqa on Tuesday while officials met in Ankara."
    sentences = segment(text)
    parse_sentences(sentences)
    places = gp.toponyms(sentences, text)
    sent = sentences[0]
    assert gp.event_location(sent, text.index("fled"), places).name == "Ar Raqqah"
    assert gp.event_location(sent, text.index("met"), places).name == "Ankara"


def test_event_location_falls_back_to_story_focus_never_demonym(gp):
    text = "Fighting went on near Manbij.\n\nSyrian officials said the attack killed four people."
    sentences = segment(text)
    places = gp.toponyms(sentences, text)
    loc = gp.event_location(sentences[1], text.index("attack"), places)
    assert loc is not None and loc.kind == "toponym" and loc.name == "Manbij"


def test_repeated_name_does_not_outvote_the_rest_of_the_story(gp):
    text = (
        "Alexandria police closed a road on Monday. Alexandria officials said the Alexandria "
        "council would meet again. Alexandria schools stay shut and Alexandria buses run late, "
        "the governor of Virginia said."
    )
    alex = [p for p in places_of(gp, text) if p.text == "Alexandria"]
    assert len(alex) == 5 and {p.geonameid for p in alex} == {4744091}


@pytest.mark.parametrize(
    "text, country",
    [("Storms hit Atlanta and much of Georgia on Friday.", "US"),
     ("Protesters gathered in Tbilisi, the capital of Georgia.", "GE")],
)  # fmt: skip
def test_georgia_state_or_country_from_context(gp, text, country):
    place = {p.text: p for p in places_of(gp, text)}["Georgia"]
    assert place.country == country


def test_bare_admin_names_and_mid_range():
    from wirecoder.geo.build import _bare_admin_name, _mid_range

    assert _bare_admin_name("Dagestan, Respublika") == "Dagestan"
    assert _bare_admin_name("Anhui Sheng") == "Anhui"
    assert _bare_admin_name("Texas") == ""
    # one far outlier (an island) does not move the middle of the range
    assert _mid_range([30.0 + i / 10 for i in range(40)] + [60.0]) == pytest.approx(31.95, abs=0.2)


def test_stale_package_index_is_detected_but_user_builds_are_kept(tmp_path):
    import duckdb

    from wirecoder.geo.build import PACKAGE_BUILD_VERSION
    from wirecoder.geo.gazetteer import _stale_package_index

    def index(name: str, meta: dict[str, str]):
        path = tmp_path / name
        con = duckdb.connect(str(path))
        con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
        con.close()
        return path

    assert _stale_package_index(index("old.duckdb", {"source": "packages: x", "build_version": "0"}))
    assert _stale_package_index(index("older.duckdb", {"source": "packages: x"}))
    assert not _stale_package_index(
        index("new.duckdb", {"source": "packages: x", "build_version": PACKAGE_BUILD_VERSION})
    )
    assert not _stale_package_index(index("user.duckdb", {"source": "geonames: allCountries.zip"}))


def test_place_east_of_anchor_never_jumps_to_a_far_namesake(gp):
    text = "Syrian fighters seized the village of Karama east of Raqqa on Tuesday."
    place = {p.text: p for p in places_of(gp, text)}["Karama"]
    assert place.country == "SY" and place.geonameid is None and place.precision == "admin1"
    assert abs(place.lat - 35.95) < 0.1 and place.score < 0.5
    far = {p.text: p for p in places_of(gp, "Shoppers crowded Karama in Dubai on Friday.")}["Karama"]
    assert far.country == "AE"


def test_capitalised_country_code_but_not_the_pronoun(gp):
    text = "Talks between Ankara and the US stalled, officials told us on Monday."
    found = [p.text for p in places_of(gp, text)]
    assert found == ["Ankara", "US"]


def _doc_with_ent(words: list[str], start: int, end: int, label: str):
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label)]
    return doc, doc.ents[0]


def test_one_word_person_tag_on_a_known_place_is_a_place(gaz):
    from wirecoder.geo.recognize import _mislabelled_place

    doc, ent = _doc_with_ent(["An", "Alexandria", "man", "was", "hurt"], 1, 2, "PERSON")
    assert _mislabelled_place(gaz, doc, ent)
    assert not _mislabelled_place(gaz, doc, ent, persons={"Alexandria"})  # "Mary Alexandria" elsewhere
    doc, ent = _doc_with_ent(["Shells", "fell", "in", "Manbij", "today"], 3, 4, "PERSON")
    assert _mislabelled_place(gaz, doc, ent, persons={"Manbij"})  # after "in": a place


def test_country_opening_an_organisation_name(gaz):
    from wirecoder.geo.recognize import _country_prefix

    doc, ent = _doc_with_ent(["The", "Syria", "Civil", "Defence", "said"], 1, 4, "ORG")
    end, country = _country_prefix(gaz, doc, ent)
    assert end == 2 and country.country == "SY"
    doc, ent = _doc_with_ent(["The", "Raqqa", "Civil", "Council", "said"], 1, 4, "ORG")
    assert _country_prefix(gaz, doc, ent)[1] is None  # a city opening an organisation's name is not listed


def test_dateline_town_and_two_word_demonym(gp):
    text = "TALL ABYAD — Sri Lankan and Syrian aid workers reached the town on Monday."
    found = [(p.text, p.kind, p.country) for p in places_of(gp, text)]
    assert found == [
        ("TALL ABYAD", "toponym", "SY"),
        ("Sri Lankan", "demonym", "LK"),
        ("Syrian", "demonym", "SY"),
    ]
    assert "Tall Abyad" not in [p.text for p in places_of(gp, "Tall Abyad residents said little.")]


def test_a_dateline_glued_to_the_first_word_ends_before_it(gp):
    # wire copy with its punctuation stripped: "At" (an Arabic article too) opens the sentence
    text = "MANBIJ At least four fighters were killed near Raqqa on Sunday."
    assert [p.text for p in places_of(gp, text)] == ["MANBIJ", "Raqqa"]


def test_an_abbreviated_saint_is_the_main_name_written_short(gp):
    # "St." for "Saint": the city of five million is not outranked by a namesake spelt "St." in full
    (place,) = places_of(gp, "The consulate in St. Petersburg will close on Friday.")
    assert place.geonameid == 9000060


def test_town_and_its_county_named_together_confirm_each_other(gp):
    text = "A Richmond man was charged after the crash, Madison County deputies said."
    found = {p.text: p.geonameid for p in places_of(gp, text)}
    assert found == {"Richmond": 9000002, "Madison County": 9000003}
    assert {p.text: p.geonameid for p in places_of(gp, "Richmond council met on Monday.")} == {
        "Richmond": 9000001
    }


def test_small_namesake_of_a_country_needs_more_than_the_story_country(gp):
    # US states named in the story once made the small Minnesota town outscore the country
    text = "Minnesota and Texas officials said they would send aid to Jordan."
    found = {p.text: p.country for p in places_of(gp, text)}
    assert found["Jordan"] == "JO"


def test_place_naming_an_organisation_is_listed_but_never_a_location(gp):
    from wirecoder.geo.resolve import story_focus

    text = "The Atlanta Police Department said a suspect was held."
    (place,) = places_of(gp, text)
    assert (place.text, place.geonameid, place.kind) == ("Atlanta", 4180439, "demonym")
    assert story_focus([place]) is None
    demonyms = [(p.text, p.country) for p in places_of(gp, "The Syrian Foreign Ministry said so.")]
    assert demonyms == [("Syrian", "SY")]


def test_a_state_named_with_the_word_state_is_the_unit_itself(gp):
    (place,) = places_of(gp, "Fighting spread across Borno State on Monday.")
    assert (place.name, place.kind, place.precision) == ("Borno", "toponym", "admin1")
    # a name going on into an organisation's stays the organisation's modifier
    assert [p.kind for p in places_of(gp, "Students of Borno State University marched on Monday.")] == [
        "demonym"
    ]


def test_a_village_the_text_puts_in_another_country_is_no_namesake_abroad(gp):
    found = {p.text: p for p in places_of(gp, "Gunmen raided the village of Tarma in Borno State on Monday.")}
    assert found["Tarma"].country == "NG"  # near Borno, not the Peruvian town
    # where the text does not say what kind of places they are, "X in Y" may tell where else X is named
    found = {p.text: p for p in places_of(gp, "A statue of Tarma in Borno was unveiled.")}
    assert found["Tarma"].country == "PE"


def test_surname_used_on_its_own_is_no_place(gp):
    text = "The lawyer David Jones spoke to reporters. Then Jones said the case in Raqqa was closed."
    assert [p.text for p in places_of(gp, text)] == ["Raqqa"]
    # used as a place elsewhere in the story: kept
    text = "The lawyer David Jones spoke. Jones said he would visit friends in Jones next week."
    assert "Jones" in [p.text for p in places_of(gp, text)]
    # a title before a name: "Mayor Jones" is a person
    assert places_of(gp, "Mayor Jones said more. Jones left.") == []


def test_a_name_told_by_its_context_is_a_person_not_a_place(gp):
    def texts(text: str) -> list[str]:
        return [p.text for p in places_of(gp, text)]

    # an age, a description or a verb of saying after a first and last name, "according to" before it
    assert texts("Mercer Wilkins, 34, was charged on Monday in Atlanta.") == ["Atlanta"]
    assert texts("David Jones, a retired teacher, drove to Atlanta on Monday.") == ["Atlanta"]
    assert texts("The fire started at night, according to David Jones, in Atlanta.") == ["Atlanta"]
    assert texts("Mercer Wilkins said the road to Atlanta was closed.") == ["Atlanta"]
    # a title before a first name makes the whole name a person's, even where a small parish shares it
    assert texts(
        "The school board on Monday chose Superintendent Mercer Hale to lead the schools of Atlanta."
    ) == ["Atlanta"]
    # a middle initial, a role word in lower case before the name; "Mc" names are names too
    assert texts("Police said Mercer T. Wilkins was arrested in Atlanta.") == ["Atlanta"]
    assert texts("The fire was put out by firefighter Mercer Wilkins in Atlanta.") == ["Atlanta"]
    assert texts("Police in Atlanta arrested Mercer McAllister, 41, on Monday.") == ["Atlanta"]
    assert texts("Mercer Wilkins, health minister, visited Atlanta on Monday.") == ["Atlanta"]
    assert texts("By Mercer Wilkins\n\nThe market in Atlanta reopened on Monday.") == ["Atlanta"]
    assert texts("The church in Atlanta was built by architects Mercer Wilkins and Ada Lowe.") == ["Atlanta"]
    assert texts("Police in Atlanta arrested Mercer Paul Wilkins, 47 and homeless, on Monday.") == ["Atlanta"]
    assert texts("The deal was signed by Mercer Wilkins Jr. in Atlanta.") == ["Atlanta"]
    assert texts("The road to Atlanta is closed, said Mercer Wilkins.") == ["Atlanta"]
    # ... but "said" before a longer name vouches for nothing: "Jones Fire Chief" names a town's chief
    assert "Jones" in texts("Crews came from Atlanta, said Jones Fire Chief Ada Lowe.")
    # a village's name before "said" is a person's; a capital speaks for its government
    assert texts("The talks in Atlanta failed, and Jones said so on Monday.") == ["Atlanta"]
    assert texts("The talks in Atlanta failed, and Brandt said so on Monday.") == ["Atlanta"]
    assert texts("The talks failed, and Ankara said so on Monday.") == ["Ankara"]
    # a place described as one after its name stays a place, as does one after "from"
    assert "Mercer" in texts("Mr Wiles, from Mercer Hale, said the plant would close.")
    assert "Jones" in texts("Shelling hit Jones Crossing, a village near Atlanta, on Monday.")
    # ... and an initial inside a longer name leaves it to the gazetteer ("John F. Kennedy Airport")
    assert "Atlanta" in texts("Flights left John F. Atlanta Airport on time.")
    # a place followed by a description is still a place
    assert texts("Fighters left Manbij, a town near Aleppo, on Monday.") == ["Manbij", "Aleppo"]
    assert texts("The convoy reached Tall Abyad, a border town.") == ["Tall Abyad"]


def test_acronyms_and_currencies_are_no_villages(gp):
    assert [p.text for p in places_of(gp, "NATO leaders met in Ankara on Monday.")] == ["Ankara"]
    assert [p.country for p in places_of(gp, "Aid worth US$5 million reached the UAE and the US.")] == ["US"]


def test_place_opening_an_organisation_name_with_ner(gaz):
    from wirecoder.geo.recognize import _place_prefix

    doc, ent = _doc_with_ent(["The", "Aleppo", "Police", "Department", "said"], 0, 4, "ORG")
    start, end, cands = _place_prefix(gaz, doc, ent)
    assert (start, end) == (1, 2) and 170063 in ids(cands)
    doc, ent = _doc_with_ent(["Aleppo", "Roadhouse", "opened"], 0, 2, "ORG")
    assert _place_prefix(gaz, doc, ent)[2] == []  # one word that is no organisation word: a brand


def test_county_opening_a_headline(gp):
    # a small county is no well-known place, but its word "County" says what the name is
    found = [(p.text, p.geonameid) for p in places_of(gp, "Laurel County clerk honoured at a dinner.")]
    assert found == [("Laurel County", 9000014)]


def test_arabic_compound_is_looked_up_whole(gp):
    found = {p.text: p.geonameid for p in places_of(gp, "Jets bombed Maarat al-Numan and Manbij on Sunday.")}
    assert found == {"Maarat al-Numan": 9000020, "Manbij": 167357}  # not "al-Numan" in Nigeria
    # a compound the gazetteer lacks is no namesake of its second word
    found = [p.country for p in places_of(gp, "Rebels entered Ain Tarma and shelled Manbij.")]
    assert found == ["SY"]
    # the start of a longer unlisted name ("Orum al-Kubra") is not the Utah town "Orum"
    assert [p.text for p in places_of(gp, "A convoy reached Orum al-Kubra from Aleppo.")] == ["Aleppo"]


def test_small_far_namesake_needs_strong_evidence_in_an_anchored_story(gp):
    text = "Date of publication 5 July. Jets hit Raqqa and Manbij in Syria. Castello sources said ten died."
    found = [(p.text, p.country) for p in places_of(gp, text)]
    assert found == [("Raqqa", "SY"), ("Manbij", "SY"), ("Syria", "SY")]
    # the same town in a story about its own country is kept
    found = [(p.text, p.country) for p in places_of(gp, "Floods hit towns near Castello in northern Italy.")]
    assert found == [("Castello", "IT"), ("Italy", "IT")]


def test_acronym_spelling_a_province_name_is_no_place(gp):
    assert [p.text for p in places_of(gp, "SANA reported shelling in Raqqa, quoting the SANA desk.")] == [
        "Raqqa"
    ]
    assert places_of(gp, "Mon 05 Apr 2017 Talks resumed.") == []


def _resolve(gp, text, names):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return dict(zip(names, gp.resolve_spans(text, spans), strict=True))


def test_unknown_name_falls_back_to_the_story_area(gp):
    text = "Shells fell on Manbij at dawn. Later the militia shelled Qabasin and withdrew to Manbij."
    got = _resolve(gp, text, ["Manbij", "Qabasin"])
    assert got["Manbij"].geonameid == 167357
    unknown = got["Qabasin"]
    assert (unknown.lat, unknown.lon) == (36.53, 37.95) and unknown.geonameid is None
    assert unknown.precision == "admin1" and unknown.score < got["Manbij"].score


def test_unknown_name_with_no_place_in_the_story_stays_unresolved(gp):
    got = _resolve(gp, "Nobody knows where Qabasin is.", ["Qabasin"])
    assert got["Qabasin"].lat is None


def test_place_name_inside_a_feature_name(gp):
    got = _resolve(gp, "Students at the University of Aleppo protested.", ["University of Aleppo"])
    assert got["University of Aleppo"].geonameid == 170063


def test_feature_named_after_a_far_place_yields_to_the_story_area(gp):
    text = "Farmers near Aleppo said the Tbilisi Canal had run dry, and Aleppo needed water."
    got = _resolve(gp, text, ["Aleppo", "Tbilisi Canal"])
    assert got["Tbilisi Canal"].country == "SY" and got["Tbilisi Canal"].precision == "admin1"


@pytest.mark.parametrize("word", ["Minnesotans", "Texans", "Virginians"])
def test_state_demonyms_resolve_to_the_state(gp, word):
    got = _resolve(gp, f"Many {word} voted early this year.", [word])
    assert got[word].feature_class == "A" and got[word].country == "US"


def test_county_abbreviation(gp):
    got = _resolve(gp, "A fire broke out in Laurel Co. on Friday.", ["Laurel Co."])
    assert got["Laurel Co."].geonameid == 9000014


def test_english_is_england_a_constituent_nation_of_the_uk(gp):
    (place,) = places_of(gp, "English fans travelled in large numbers.")
    got = (place.kind, place.geonameid, place.country, place.precision)
    assert got == ("demonym", 6269131, "GB", "country")


def test_loose_spelling_in_the_story_country_is_kept(gp):
    text = "Aleppo was shelled again. Fighters also moved on Raqa, and Aleppo hospitals filled up."
    got = _resolve(gp, text, ["Aleppo", "Raqa"])
    assert got["Raqa"].geonameid == 172955 and got["Raqa"].precision == "city"


def test_loose_spelling_far_from_the_story_is_placed_in_its_area(gp):
    text = "Alexandria, Virginia, held a vote. Voters from Raqa Road and Alexandria came out."
    got = _resolve(gp, text, ["Alexandria", "Virginia", "Raqa"])
    assert got["Alexandria"].geonameid == 4744091
    assert got["Raqa"].country == "US" and got["Raqa"].geonameid is None


def test_a_list_of_countries_is_no_town_state_pair(gp):
    text = "Delegates came from Syria, Jordan, Minnesota and Turkey to the talks."
    places = {p.text: p for p in places_of(gp, text)}
    assert places["Jordan"].geonameid == 248816 and places["Minnesota"].geonameid == 5037779


def test_town_state_pair_outside_a_list_keeps_its_container(gp):
    places = {p.text: p for p in places_of(gp, "The mayor of Jordan, Minnesota, resigned on Friday.")}
    assert places["Jordan"].geonameid == 9000010


def test_unknown_name_in_a_story_naming_only_a_country_is_placed_in_that_country(gp):
    got = _resolve(gp, "Officials in Syria said shelling hit Qabasin.", ["Syria", "Qabasin"])
    assert (got["Qabasin"].country, got["Qabasin"].precision) == ("SY", "country")
    assert got["Qabasin"].geonameid is None


@pytest.mark.parametrize("text", ["Flooding closed roads in Laurel, Boone and Madison counties.",
                                  "Flooding closed roads in Laurel and Boone counties."])  # fmt: skip
def test_names_listed_before_counties_are_counties(gp, text):
    assert _resolve(gp, text, ["Boone"])["Boone"].geonameid == 9000031
    (boone,) = [p for p in places_of(gp, text) if p.text == "Boone"]
    assert boone.geonameid == 9000031


def test_an_unknown_name_is_not_placed_where_an_organisation_sits(gp):
    text = (
        "Gunmen executed 19 men in Deir Qubbah on Monday, the UK-based Observatory said. "
        "The UK-based group gave no more details."
    )
    unknown = [p for p in places_of(gp, text, parse=True) if p.text == "Deir Qubbah"]
    assert unknown and all(p.country != "GB" for p in unknown)


def test_memory_snapshot_is_reused_and_a_broken_one_is_ignored(gaz):
    snapshot = gaz.path.with_name(gaz.path.name + ".memory.pickle")
    assert snapshot.exists()  # written by the first open
    again = Gazetteer.open(gaz.path)
    assert [c.geonameid for c in again.lookup("Raqqa")] == [c.geonameid for c in gaz.lookup("Raqqa")]
    snapshot.write_bytes(b"not a pickle")
    repaired = Gazetteer.open(gaz.path)
    assert [c.geonameid for c in repaired.lookup("Raqqa")] == [c.geonameid for c in gaz.lookup("Raqqa")]
    assert snapshot.read_bytes() != b"not a pickle"  # rewritten from the index


def test_a_variant_spelling_of_a_province_is_a_place_where_a_place_is_expected():
    places = extract("Fighting spread across the northeastern Syrian province of Hassakeh on Monday.").places
    assert any(p.text == "Hassakeh" and p.country == "SY" for p in places)


def test_in_memory_tables_give_back_exactly_the_rows_and_names_they_were_made_from():
    from wirecoder.geo.memory import NameIndex, PlaceTable

    rows = [
        (7, "Kobani", 36.89, 38.35, "P", "PPLA2", "SY", "SY.09", None, 44821),
        (3, "Aleppo Governorate", 36.25, 37.5, "A", "ADM1", "SY", "SY.09", "", 0),
        (5, "Open Sea", 10.5, -20.25, "H", "SEA", None, None, None, None),
    ]
    table = PlaceTable(rows)
    assert table.get(7) == rows[0][1:] and table.get(3) == rows[1][1:]
    assert table.get(5) == (*rows[2][1:-1], 0)  # a missing population reads as 0
    assert table.get(4) is None and table.get(99) is None and len(table) == 3
    index = NameIndex({"kobani": [14, 15], "ayn al arab": [14], "aleppo": [7]})
    assert list(index.get("kobani")) == [14, 15] and list(index.get("aleppo")) == [7]
    assert "ayn al arab" in index and "raqqa" not in index and list(index.get("raqqa")) == []


def test_geoparse_leaves_out_armed_groups_and_organisations_the_actor_kb_names():
    from wirecoder.geo.resolve import geoparse

    def texts(text: str) -> list[str]:
        return [p.text for p in geoparse(text)]

    # "Hamas" is no spelling of Hamm (Germany), "the White House" no town in Tennessee
    assert texts("Talks between Israel and Hamas broke down on Monday, officials in Cairo said.") == [
        "Israel",
        "Cairo",
    ]
    assert texts("The senator was rebuffed twice by the White House over the funds.") == []
    # a country word inside a group's name is still a place mention of its own
    assert "Russian" in texts("Russian forces shelled Kharkiv overnight.")


def test_a_name_the_story_places_elsewhere_is_a_place_at_the_start_of_a_sentence_too(gp):
    # a sentence's first word is capitalised anyway: a small place is believed there only when the
    # story also names it where a place is expected ("in Jones")
    text = "Jones was flooded on Monday. Crews in Jones worked through the night."
    assert [p.text for p in places_of(gp, text)] == ["Jones", "Jones"]
    assert places_of(gp, "Jones was flooded on Monday.") == []


def test_a_small_place_closing_a_longer_name_is_a_building_or_a_brand(gp):
    def texts(text: str) -> list[str]:
        return [p.text for p in places_of(gp, text)]

    assert texts("He was shot inside a Taco Bell in Atlanta on Monday.") == ["Atlanta"]
    # a direction or feature word before it, or a headline's capital letters, leave it a place
    assert "Bell" in texts("Floods reached North Bell on Monday.")
    assert "Bell" in texts("Floods Hit Homes Near Bell After Storm Breaks Levee")


def test_an_old_name_of_a_place_the_story_names_otherwise_means_another_place(gp):
    text = (
        "In Mount Gilead, the Morrow County seat, the council froze pay. "
        "In Youngstown, the mayor asked city workers to accept shorter weeks."
    )
    places = {p.text: p for p in places_of(gp, text)}
    assert places["Mount Gilead"].geonameid == 9000040
    assert places["Youngstown"].geonameid == 9000041
    names = ["Mount Gilead", "Morrow County", "Youngstown"]
    assert _resolve(gp, text, names)["Youngstown"].geonameid == 9000041


def test_every_repeat_of_a_name_takes_the_reading_the_story_gives_it_once(gp):
    text = (
        "Springfield council weighs budget. In Springfield, Ohio, the council met on Tuesday to "
        "weigh cuts. Springfield has lost revenue for two years, like Worcester, and Springfield "
        "schools may close."
    )
    places = [p for p in places_of(gp, text) if p.text == "Springfield"]
    assert len(places) == 4 and {p.geonameid for p in places} == {9000046}


def test_the_words_around_a_full_name_make_it_no_place_even_a_province(gp):
    def texts(text: str) -> list[str]:
        return [p.text for p in places_of(gp, text)]

    # a province's name as a first name, in the very name the words around it vouch for
    assert texts("The budget is tight in Atlanta, said Mary Wheeler, a teacher.") == ["Atlanta"]
    # a surname after "of" with a possessive is a person's, then alone too
    text = (
        "An officer shot and wounded Ada R. Bell in Atlanta at night. "
        "The officer took hold of Bell's hands before Bell fell to the ground."
    )
    assert texts(text) == ["Atlanta"]
    # a capitalised title opens a longer name ("Chief Kanawha Circuit Judge ..."), and a party member
    # is no surname: the places in them stay places
    assert "Kanawha" in texts("Chief Kanawha Circuit Judge Ada Lowe accepted the plea on Monday.")
    assert "Decatur" in texts("The plan is bad for schools, the Decatur Democrat said on Monday.")
    # a country's name in a pair is an agency's, not a person's
    assert "Canada" in texts("It is too early to say, said Environment Canada meteorologist Ada Lowe.")


def test_saints_halls_and_possessives_are_no_places(gp):
    def texts(text: str) -> list[str]:
        return [p.text for p in places_of(gp, text)]

    assert texts("Crowds marked St. Patrick's Day in Atlanta with a long parade.") == ["Atlanta"]
    assert texts("The council met at City Hall in Atlanta, and a coach entered the Hall of Fame.") == [
        "Atlanta"
    ]
    text = "Mayor Ada Jones met workers in Atlanta on Monday. Critics of Jones' plan said Jones had lied."
    assert texts(text) == ["Atlanta"]
    # the county itself is still found
    assert "Hall County" in texts("Storms hit Hall County on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        # a lone surname described as a person: an age in commas, ", who"
        "In Atlanta on Monday, Moore, 19, told the judge he was sorry. The judge sent Moore to jail.",
        "In Atlanta on Monday, Moore, who was arrested in May, pleaded guilty.",
        # a title outweighs "of" before the same name
        "Acquaintances of Moore planned the robbery in Atlanta, Mr. Moore told the court.",
        # a car, and its repeats
        "A 1992 Toyota Corolla hit a pole in Atlanta. The Toyota was towed away.",
        # a firm's name
        "The city hired the design firm Stevens & Wilkinson to plan a hotel in Atlanta.",
    ],
)
def test_surnames_cars_and_firms_are_no_places(gp, text):
    assert [p.text for p in places_of(gp, text)] == ["Atlanta"]


def test_a_middle_initial_marks_a_name_even_in_a_list_of_names(gp):
    assert places_of(gp, "Elected: Ada J. Moore, Boyd L. Stevens, Cathy Lowe.") == []


def test_a_feature_word_closing_an_unknown_name_is_that_feature(gp):
    # not Park County: the park, where a place is expected placed in the story's area
    places = {p.text: p for p in places_of(gp, "Skating is banned at Knox Park in Atlanta, officials said.")}
    assert set(places) == {"Knox Park", "Atlanta"}
    assert places["Knox Park"].country == "US" and places["Knox Park"].geonameid is None
    # ... and nothing at all elsewhere
    assert [p.text for p in places_of(gp, "Crowds filled the Veterans Memorial Park stands in Atlanta.")] == [
        "Atlanta"
    ]
    # a name the gazetteer lacks is never placed by its feature word alone ("Silkwood Trail" is not Trail)
    got = _resolve(gp, "Police closed Silkwood Trail in Atlanta.", ["Silkwood Trail", "Atlanta"])
    assert got["Silkwood Trail"].country == "US"


def test_seas_country_names_opening_with_a_demonym_and_the_peoples_of_states():
    from wirecoder.geo.resolve import geoparse

    def found(text: str) -> dict[str, tuple[str, str | None]]:
        return {p.text: (p.kind, p.name) for p in geoparse(text)}

    # a curated sea or region is believed like a country, without "in" before it
    got = found("Migrants crossed the Mediterranean in small boats, and the coast guard rescued them.")
    assert got["Mediterranean"][1] == "Mediterranean Sea"
    # "Saudi" and "British" open the name of a country and a province: not demonyms there
    got = found("Lumber exports from British Columbia to Saudi Arabia rose sharply this year.")
    assert got["British Columbia"][1] == "British Columbia" and got["Saudi Arabia"][1] == "Saudi Arabia"
    # the people of a state or a republic: evidence of it, listed like a country's demonym
    got = found("Thousands of Ohioans and Dagestani were affected by the floods this spring.")
    assert got["Ohioans"] == ("demonym", "Ohio") and got["Dagestani"][0] == "demonym"
    # an elided article inside a name ("d'Ivoire") does not cut it
    assert found("Cases of the virus rose in Côte d'Ivoire this week.")["Côte d'Ivoire"][1] == "Ivory Coast"
    # an adjective or an ordinary word that ends like one is not
    assert "Gunman" not in found("Gunman opened fire at a mall on Monday, police said.")


def test_a_two_word_name_spelt_another_way_where_a_place_is_expected(gp):
    found = {p.text: p for p in places_of(gp, "Militants attacked an army base near the town of Bulo Burte.")}
    assert found["Bulo Burte"].geonameid == 9000062  # not "Bulo", a Philippine village, for its first word
    assert "Bulo" not in found
    # without a word saying a place is meant, a near miss of a small town is not believed
    assert "Bulo Burte" not in {p.text for p in places_of(gp, "Bulo Burte said he would run again.")}


def test_a_place_in_the_reason_for_an_act_is_not_where_it_happened(gp):
    text = (
        "Rebels fired a missile at a tanker off Hodeidah on Monday. "
        "They said they had attacked the tanker in support of Palestinians in Gaza."
    )
    sentences = segment(text)
    parse_sentences(sentences)
    places = gp.toponyms(sentences, text)
    second = sentences[1]
    where = gp.event_location(second, second.start + second.text.index("attacked"), places)
    assert where is None or where.name != "Gaza"
    # where the story names no other place, the only place there is stays the best guess
    text = "Thousands marched in support of the army in Khartoum on Friday."
    sentences = segment(text)
    parse_sentences(sentences)
    where = gp.event_location(sentences[0], text.index("marched"), gp.toponyms(sentences, text))
    assert where is not None and where.name == "Khartoum"


def test_a_town_the_gazetteer_lacks_lies_in_the_country_its_demonym_names(gp):
    text = "A drone struck a car in the south Lebanese town of Ain Qana on Tuesday."
    found = {p.text: p for p in places_of(gp, text)}
    assert found["Ain Qana"].country == "LB"  # not El Ain in Tunisia for the word "Ain" (a spring)
    assert found["Ain Qana"].precision == "country" and found["Ain Qana"].geonameid is None


def test_where_a_vehicle_was_bound_is_not_where_the_act_happened(gp):
    text = (
        "A bomb went off at the main station in Khartoum on Monday. "
        "Police said the bomber targeted soldiers waiting for a train to Hodeidah."
    )
    sentences = segment(text)
    parse_sentences(sentences)
    second = sentences[1]
    where = gp.event_location(
        second, second.start + second.text.index("targeted"), gp.toponyms(sentences, text)
    )
    assert where is None or where.name != "Hodeidah"


def test_the_country_a_demonym_puts_a_town_in_reads_every_repeat_of_its_name(gp):
    text = (
        "Rebels entered the Syrian town of Kessab, a monitor in Yerevan said. Then residents of Kessab fled."
    )
    assert [p.geonameid for p in places_of(gp, text) if p.text == "Kessab"] == [9000069, 9000069]
    # without it, the larger namesake stays the reading
    text = "Rebels entered Kessab on Monday."
    assert [p.geonameid for p in places_of(gp, text) if p.text == "Kessab"] == [9000070]  # guard


def test_a_country_whose_name_opens_with_a_demonym_pair_is_the_country(gp):
    found = {p.text: p for p in places_of(gp, "Troops were deployed in the Central African Republic.")}
    assert found["Central African Republic"].kind == "toponym"


def test_a_town_the_gazetteer_lacks_is_still_a_place_when_the_text_says_so(gp):
    found = {p.text: p for p in places_of(gp, "Gunmen raided the village of Kwanar Dutse in Borno State.")}
    assert found["Kwanar Dutse"].kind == "toponym" and found["Kwanar Dutse"].country == "NG"
    # a capitalised word after "of" elsewhere is no place
    assert "Defence" not in {p.text for p in places_of(gp, "The ministry of Defence said so.")}
