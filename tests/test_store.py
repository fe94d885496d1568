"""The DuckDB store: idempotent, near-duplicate aware, durable, queryable, exportable."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from wirecoder.schema import Actor, Article, ArticleMeta, Casualties, Claim, Event, Extraction, Place, TimeRef
from wirecoder.store import SCHEMA_VERSION, Store, StoreBusy

MOSUL = Place(
    text="Mosul", name="Mosul", lat=36.34, lon=43.13, country="IQ", admin1="Nineveh", precision="city"
)
ALEPPO = Place(
    text="Aleppo", name="Aleppo", lat=36.20, lon=37.16, country="SY", admin1="Aleppo", precision="city"
)
IS = Actor(text="Islamic State", name="Islamic State", sector="REB", kb_id="isis")
IRAQ_ARMY = Actor(text="Iraqi troops", name="Iraqi Army", country="IRQ", sector="MIL", kb_id="irq-army")
STORY = (
    "Islamic State fighters attacked an Iraqi army post on the western edge of Mosul before dawn on Sunday, "
    "killing four soldiers and wounding seven, a military spokesman said. The militants used a truck packed "
    "with explosives to breach the outer wall and then opened fire with rifles and grenades. Reinforcements "
    "arrived within the hour and the attackers withdrew towards the desert, the spokesman added. Residents "
    "said the blast shattered windows several streets away and that ambulances took the wounded to the "
    "city's main hospital, which had only recently reopened after months of fighting."
)


def article(text=STORY, source="Wire", published=date(2017, 3, 6), **kw) -> Article:
    return Article(text=text, source=source, published=published, **kw)


def attack(place=MOSUL, killed=4, stance="asserted", day=date(2017, 3, 5)) -> Event:
    return Event(
        id="e1",
        event_type="ASSAULT",
        mode="explosive",
        acled_type="Explosions/Remote violence",
        acled_subtype="Suicide bomb",
        source_actor=IS,
        target_actor=IRAQ_ARMY,
        location=place,
        date=TimeRef(text="Sunday", span=(70, 76), value=day, precision="day"),
        casualties=Casualties(killed=killed, wounded=7),
        claim=Claim(source=IRAQ_ARMY, cue="said", stance=stance),
        sentence="Islamic State fighters attacked an Iraqi army post",
        span=(0, 50),
        confidence=0.8,
    )


def extraction(art: Article, *events: Event, errors=()) -> Extraction:
    return Extraction(
        article=ArticleMeta(id=art.id, source=art.source, published=art.published),
        events=list(events),
        actors=[IS, IRAQ_ARMY],
        places=[MOSUL],
        errors=list(errors),
    )


def pair(art=None, *events):
    art = art or article()
    return extraction(art, *(events or (attack(),))), art


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as s:
        yield s


def test_schema_versioned_and_reopen_keeps_data(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        s.add(*pair())
    with Store.open(path) as s:
        versions = s.con.execute("SELECT count(*) FROM schema_version").fetchone()[0]
        assert versions == SCHEMA_VERSION  # migrations applied once, not on every open
        assert s.counts()["events"] == 1


def test_same_article_stored_once(store):
    ex, art = pair()
    assert store.add(ex, art) is True
    # same body, other whitespace/case and another input id: still the same article
    again = article(text="  " + STORY.upper().replace(" ", "  "), id="other-id")
    assert store.add(extraction(again, attack()), again) is False
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["claims"], counts["actors"], counts["places"]) == (
        1,
        1,
        1,
        2,
        1,
    )


def test_near_duplicate_is_linked_not_stored_as_new_story(store):
    store.add(*pair())
    copy = article(
        text=STORY.replace("four soldiers", "4 soldiers").replace("Reinforcements", "Backup"), source="Echo"
    )
    result = store.add_many([pair(copy)])
    assert result.statuses == ["near-duplicate"]
    rows = store.con.execute(
        "SELECT source, duplicate_of, similarity FROM articles ORDER BY source"
    ).fetchall()
    original_key = store.con.execute("SELECT key FROM articles WHERE source = 'Wire'").fetchone()[0]
    assert rows[0][0] == "Echo" and rows[0][1] == original_key and rows[0][2] >= 0.7
    assert store.counts()["events"] == 1
    different = article(
        text="Protesters gathered outside parliament in Baghdad on Monday demanding jobs and power."
    )
    assert store.add_many([pair(different)]).statuses == ["new"]


def test_failed_extraction_is_recorded_and_retried_later(store):
    art = article()
    assert store.add(extraction(art, errors=["extraction failed: boom"]), art) is False
    assert store.counts()["articles"] == 0
    assert store.errors()[0]["reason"] == "extraction failed: boom"
    assert store.add(*pair(art)) is True  # a later run, after the fix, stores it


def test_errors_are_idempotent(store):
    store.add_error("a.txt", "empty file")
    store.add_error("a.txt", "empty file")
    store.add_error("b.bin", "binary file (NUL byte at offset 0)")
    assert [(e["input"], e["reason"]) for e in store.errors()] == [
        ("a.txt", "empty file"),
        ("b.bin", "binary file (NUL byte at offset 0)"),
    ]


@pytest.fixture
def filled(store):
    store.add(*pair())
    syria = article(
        text="Government aircraft bombed a market in eastern Aleppo on Tuesday.", source="Daily Star"
    )
    strike = attack(place=ALEPPO, killed=9, stance="denied", day=date(2017, 4, 4))
    strike.target_actor = None
    strike.source_actor = Actor(
        text="government aircraft", name="Syrian Air Force", country="SYR", sector="MIL"
    )
    store.add(extraction(syria, strike), syria)
    protest = article(text="Hundreds protested in Mosul against power cuts on Monday.", source="Wire")
    store.add(
        extraction(
            protest,
            Event(id="e1", event_type="PROTEST", location=MOSUL, sentence="Hundreds protested", span=(0, 18)),
        ),
        protest,
    )
    return store


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, 3),
        ({"country": "SY"}, 1),
        ({"country": "IRQ"}, 2),
        ({"country": "Iraq"}, 2),
        ({"bbox": (42, 35, 44, 37)}, 2),
        ({"actor": "islamic"}, 1),
        ({"actor": "irq-army"}, 1),
        ({"type": "assault"}, 2),
        ({"type": "Suicide bomb"}, 2),
        ({"stance": "denied"}, 1),
        ({"source": "daily"}, 1),
        ({"start": date(2017, 4, 1)}, 1),
        ({"end": date(2017, 3, 5)}, 1),
        ({"start": date(2017, 3, 1), "end": date(2017, 3, 31), "country": "IQ", "type": "PROTEST"}, 1),
        ({"limit": 2}, 2),
    ],
)
def test_query_filters(filled, filters, expected):
    assert len(filled.query(filters)) == expected


def test_exports(filled, tmp_path):
    import pyarrow.parquet as pq

    assert filled.export(tmp_path / "e.csv", "csv") == 3
    with open(tmp_path / "e.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["event_type"] for r in rows} == {"ASSAULT", "PROTEST"}
    assert filled.export(tmp_path / "e.parquet", "parquet", {"country": "SY"}) == 1
    assert pq.read_table(tmp_path / "e.parquet").column("place_name").to_pylist() == ["Aleppo"]
    filled.export(tmp_path / "e.jsonl", "jsonl")
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) == 3
    filled.export(tmp_path / "e.geojson", "geojson")
    geo = json.loads((tmp_path / "e.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    assert sorted(f["geometry"]["coordinates"][0] for f in geo["features"]) == [37.16, 43.13, 43.13]
    filled.export(tmp_path / "acled.csv", "acled", {"country": "SY"})
    with open(tmp_path / "acled.csv", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    first = "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1"
    assert list(row)[:8] == first.split()
    assert (row["event_date"], row["country"], row["iso"], row["fatalities"], row["inter1"]) == (
        "2017-04-04",
        "Syria",
        "760",
        "9",
        "1",
    )
    filled.export(tmp_path / "plover.csv", "plover", {"type": "PROTEST"})
    with open(tmp_path / "plover.csv", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert (row["Event Type"], row["Placename"], row["Country"]) == ("PROTEST", "Mosul", "IRQ")
    with pytest.raises(ValueError, match="unknown export format"):
        filled.export(tmp_path / "x", "xls")


HOLDER = textwrap.dedent(
    """
    import sys
    from wirecoder.store import Store
    s = Store.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.read()
    """
)


def test_reader_gets_a_clear_busy_message(tmp_path):
    path = str(tmp_path / "s.duckdb")
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy, match="is busy: process \\d+ is writing to it"):
            Store.open(path, read_only=True, wait=0.2)
    finally:
        holder.communicate("")
    Store.open(path, read_only=True).close()  # free again once the writer is gone


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from test_store import many_pairs
    from wirecoder.store import Store
    store = Store.open(sys.argv[1])
    pairs = many_pairs(400)
    for i in range(0, len(pairs), 20):
        store.add_many(pairs[i : i + 20])
        print(i + 20, flush=True)
    """
)


def many_pairs(n: int) -> list[tuple[Extraction, Article]]:
    out = []
    for i in range(n):
        art = article(
            text=f"Report number {i}: gunmen fired at a patrol near village {i * 7919 % 1000} overnight."
        )
        out.append(pair(art, attack(), attack(killed=i)))
    return out


def test_kill_minus_nine_mid_ingest_then_rerun(tmp_path):
    path = str(tmp_path / "s.duckdb")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, path, os.path.dirname(__file__)],
        stdout=subprocess.PIPE,
        text=True,
    )
    for _ in range(3):  # let three batches commit, then kill it in the middle of the next ones
        assert writer.stdout.readline().strip()
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    with Store.open(path) as store:
        stored = store.counts()
        assert 60 <= stored["articles"] < 400 and stored["articles"] % 20 == 0  # whole batches only
        assert stored["events"] == 2 * stored["articles"]
        result = store.add_many(many_pairs(400))  # the re-run
        assert (result.new, result.duplicate) == (400 - stored["articles"], stored["articles"])
        final = store.counts()
        assert (final["articles"], final["events"]) == (400, 800)
        dupes = store.con.execute("SELECT count(*) - count(DISTINCT uid) FROM events").fetchone()[0]
        assert dupes == 0


def test_parquet_export_has_the_spark_layout(filled, tmp_path):
    """`export --format parquet` and the Spark job write the same typed columns (tables.EVENT_COLUMNS)."""
    import pyarrow.parquet as pq

    from wirecoder.tables import EVENT_COLUMNS, event_arrow_schema

    filled.export(tmp_path / "all.parquet", "parquet")
    table = pq.read_table(tmp_path / "all.parquet")
    assert table.schema.names == EVENT_COLUMNS
    assert table.schema.equals(event_arrow_schema())
    rows = table.to_pylist()
    aleppo = next(r for r in rows if r["place_name"] == "Aleppo")
    assert (aleppo["source_name"], aleppo["date"], aleppo["stance"]) == (
        "Syrian Air Force",
        date(2017, 4, 4),
        "denied",
    )
    assert aleppo["source"] == "Daily Star" and aleppo["rank"] == 0
