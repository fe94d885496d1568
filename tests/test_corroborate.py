"""Cross-report clustering and contradiction flags, on event records written for the purpose."""

from __future__ import annotations

from datetime import date

from wirecoder.corroborate import Settings, cluster_events, compatible, contradictions, haversine_km

IDLIB = (35.93, 36.63)
MAARAT = (35.64, 36.67)  # ~33 km south of Idlib
ALEPPO = (36.20, 37.16)  # ~55 km north-east of Idlib


def ev(
    uid, article, type="ASSAULT", day=date(2017, 4, 4), where=IDLIB, killed=None, src=None, tgt=None, **kw
):
    lat, lon = where if where else (None, None)
    row = {
        "uid": uid,
        "article_key": article,
        "rank": 0,
        "event_type": type,
        "date": day,
        "published": day,
        "lat": lat,
        "lon": lon,
        "country": "SY",
        "admin1": kw.pop("admin1", None),
        "place_name": kw.pop("place", "Idlib"),
        "source_name": src,
        "source_kb_id": kw.pop("src_kb", src.lower().replace(" ", "-") if src else None),
        "target_name": tgt,
        "target_kb_id": None,
        "killed": killed,
        "negated": False,
        "stance": "asserted",
        "claim_source": None,
        "sentence": f"report {uid}",
        "source": kw.pop("outlet", f"outlet-{article}"),
    }
    row.update(kw)
    return row


def test_distance():
    assert 30 < haversine_km(*IDLIB, *MAARAT) < 36
    assert 50 < haversine_km(*IDLIB, *ALEPPO) < 60


def test_compatibility_rules():
    s = Settings(km=40, days=2)
    base = ev("a:0", "a")
    assert compatible(base, ev("b:0", "b", where=MAARAT), s)
    assert not compatible(base, ev("b:0", "b", where=ALEPPO), s)  # too far
    assert not compatible(base, ev("b:0", "b", day=date(2017, 4, 8)), s)  # too late
    assert compatible(base, ev("b:0", "b", day=date(2017, 4, 6)), s)
    assert not compatible(base, ev("b:0", "b", type="PROTEST"), s)
    assert compatible(base, ev("b:0", "b", type="COERCE"), s)  # ASSAULT ~ COERCE
    # a disputed perpetrator alone does not split the event ...
    assert compatible(
        ev("a:0", "a", src="Syrian army", tgt="civilians"), ev("b:0", "b", src="rebels", tgt="civilians"), s
    )
    # ... but different attackers of different targets are different events
    assert not compatible(
        ev("a:0", "a", src="army", tgt="civilians"), ev("b:0", "b", src="rebels", tgt="police"), s
    )
    # without coordinates only a shared actor links, and never across countries
    assert compatible(ev("a:0", "a", where=None, src="Syrian army"), ev("b:0", "b", src="Syrian army"), s)
    assert not compatible(ev("a:0", "a", where=None), ev("b:0", "b"), s)
    assert not compatible(ev("a:0", "a", where=None, src="army"), ev("b:0", "b", src="army", country="IQ"), s)


def test_clusters_group_reports_of_one_event():
    events = [
        ev("a:0", "a", killed=12),
        ev("b:0", "b", where=MAARAT, killed=30, day=date(2017, 4, 5)),
        ev("c:0", "c", where=None, src="Syrian army", day=date(2017, 4, 4)),
        ev("c:1", "c", src="Syrian army", where=(35.94, 36.64)),  # gives c:0 its anchor through the actor
        ev("d:0", "d", where=ALEPPO, day=date(2017, 4, 20)),  # another event entirely
        ev("e:0", "e", type="PROTEST"),
        ev("f:0", "f", day=None, published=None),  # no date: cannot be placed in time, left out
    ]
    clusters = cluster_events(events, Settings(km=40, days=2))
    groups = sorted(sorted(uids) for uids in clusters.values())
    assert groups == [["a:0", "b:0", "c:0", "c:1"], ["d:0"], ["e:0"]]
    assert len(set(clusters)) == 3 and all(cid.startswith("c") for cid in clusters)
    assert (
        cluster_events(list(reversed(events)), Settings(km=40, days=2)) == clusters
    )  # order-independent ids


def test_contradictions_each_side_with_source_and_claim():
    events = {
        e["uid"]: e
        for e in [
            ev(
                "a:0",
                "a",
                killed=200,
                src="Free Syrian Army",
                outlet="Sputnik",
                claim_source="Russian ministry",
                source_sector="REB",
            ),
            ev(
                "b:0",
                "b",
                killed=1400,
                src="Syrian army",
                outlet="Reuters",
                source_sector="MIL",
                source_country="SYR",
            ),
            ev(
                "c:0",
                "c",
                killed=1300,
                src="Syrian government",
                outlet="Al Arabiya",
                source_sector="GOV",
                source_country="SYR",
            ),  # the same side as the army: no dispute between b and c
            ev("g:0", "g", src="gunmen", src_kb="role.gunmen", outlet="AP"),  # generic role: claims nothing
            ev(
                "d:0", "d", killed=205, src="Syrian army", negated=True, outlet="SANA"
            ),  # a denial is no claim
        ]
    }
    found = contradictions({"c1": list(events)}, events)
    kinds = {c["kind"]: c for c in found}
    assert set(kinds) == {"killed", "perpetrator"}
    killed = kinds["killed"]
    assert (killed["a_value"], killed["a_source"], killed["b_value"], killed["b_source"]) == (
        "200",
        "Sputnik",
        "1400",
        "Reuters",
    )
    assert killed["a_claim"] == "Russian ministry: report a:0"
    perp = kinds["perpetrator"]
    assert {perp["a_value"], perp["b_value"]} == {"Free Syrian Army", "Syrian army"}
    assert len([c for c in found if c["kind"] == "perpetrator"]) == 1


def test_no_contradiction_within_tolerance_or_within_one_article():
    events = {
        e["uid"]: e for e in [ev("a:0", "a", killed=12), ev("b:0", "b", killed=14), ev("b:1", "b", killed=90)]
    }
    assert contradictions({"c1": ["a:0", "b:0"]}, events) == []  # 12 vs 14: within tolerance
    assert contradictions({"c1": ["b:0", "b:1"]}, events) == []  # one article only
    # b's most salient event speaks for b: rank decides, not the largest number
    events["b:1"]["rank"] = 1
    assert contradictions({"c1": ["a:0", "b:0", "b:1"]}, events) == []


def test_place_contradiction():
    events = {
        e["uid"]: e
        for e in [
            ev("a:0", "a", place="Idlib", admin1="Idlib"),
            ev("b:0", "b", place="Maarat al-Numan", where=MAARAT, admin1="Idlib"),
            ev("c:0", "c", place="Idlib city", where=(35.94, 36.64), admin1="Idlib"),
        ]
    }
    found = contradictions({"c1": list(events)}, events, Settings(place_km=25))
    pairs = {frozenset((c["a_value"], c["b_value"])) for c in found}
    assert pairs == {frozenset({"Idlib", "Maarat al-Numan"}), frozenset({"Idlib city", "Maarat al-Numan"})}
    assert all(c["kind"] == "place" for c in found)


def test_publication_date_fallback_gets_one_day_of_slack():
    s = Settings(days=0)
    monday, tuesday = date(2017, 4, 3), date(2017, 4, 4)
    assert compatible(ev("a:0", "a", day=monday), ev("b:0", "b", day=monday), s)
    assert not compatible(ev("a:0", "a", day=monday), ev("b:0", "b", day=tuesday), s)
    undated = ev("b:0", "b", day=None, published=tuesday)  # only the next morning's publication date
    assert compatible(ev("a:0", "a", day=monday), undated, s)
    assert not compatible(ev("a:0", "a", day=monday), ev("b:0", "b", day=None, published=date(2017, 4, 5)), s)
