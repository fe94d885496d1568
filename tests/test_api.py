"""The HTTP API over a small store built from stories written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecoder.api import MAX_BODY, MAX_LIMIT, create_app
from wirecoder.corroborate import corroborate
from wirecoder.pipeline import extract
from wirecoder.schema import Article, Extraction
from wirecoder.serve_cli import is_loopback, serve_cmd
from wirecoder.store import Filters, Store

# Two outlets report one air strike with different death tolls (a contradiction), plus two unrelated stories.
ARTICLES = [
    Article(
        id="aleppo-wire",
        title="Air strike hits Aleppo market",
        text=(
            "Syrian government aircraft bombed a crowded market in Aleppo on Tuesday, killing 14 civilians, "
            "the Syrian Observatory for Human Rights said.\n\n"
            "Rescue workers pulled survivors from the rubble for hours after the raid."
        ),
        published="2016-09-20",
        source="Wire One",
    ),
    Article(
        id="aleppo-daily",
        title="Dozens dead in Aleppo raid",
        text=(
            "Government warplanes struck a busy market in Aleppo on Tuesday and killed 52 people, "
            "according to local medics.\n\nThe Syrian army denied targeting civilians."
        ),
        published="2016-09-20",
        source="Daily Two",
    ),
    Article(
        id="baghdad-protest",
        title="Protest in Baghdad",
        text=(
            "Thousands of protesters marched through central Baghdad on Friday to demand jobs, "
            "and Iraqi police fired tear gas at the crowd."
        ),
        published="2019-10-04",
        source="Wire One",
    ),
    Article(
        id="kabul-convoy",
        title="Kabul convoy attacked",
        text=(
            "Taliban fighters attacked a police convoy near Kabul on Sunday, killing three officers, "
            "Afghan officials said."
        ),
        published="2018-05-06",
        source="Gazette Three",
    ),
]


def build_store(path: Path) -> Path:
    """Extract the test articles, store them and cluster them: the same steps as `wirecoder ingest`."""
    with Store.open(path) as store:
        store.add_many([(extract(a), a) for a in ARTICLES])
        corroborate(store)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def stored(db: Path, client: TestClient) -> list[dict]:
    """Every stored event, read straight from the store (the API's answers are checked against it)."""
    return client.app.state.store.query()


def uids(rows: list[dict]) -> set[str]:
    return {r["uid"] for r in rows}


def aleppo_event(client: TestClient, article_id: str) -> dict:
    rows = client.get("/events", params={"limit": MAX_LIMIT}).json()["events"]
    return next(r for r in rows if r["article_id"] == article_id and r["killed"])


# --------------------------------------------------------------------------- events


def test_events_page_through_every_event(client: TestClient, stored: list[dict]) -> None:
    first = client.get("/events", params={"limit": 2}).json()
    assert first["total"] == len(stored) >= 5
    seen: list[str] = []
    for offset in range(0, first["total"], 2):
        page = client.get("/events", params={"limit": 2, "offset": offset}).json()
        seen += [e["uid"] for e in page["events"]]
    assert len(seen) == len(set(seen)) == len(stored)
    assert set(seen) == uids(stored)


@pytest.mark.parametrize(
    "params",
    [
        {"type": "PROTEST"},
        {"type": "ASSAULT"},
        {"country": "SY"},
        {"country": "SYR"},
        {"actor": "Taliban"},
        {"stance": "denied"},
        {"source": "daily"},
        {"bbox": "35,32,43,38"},  # Syria
        {"start": "2018-01-01", "end": "2018-12-31"},
        {"country": "IQ", "type": "PROTEST", "source": "Wire"},
    ],
)
def test_event_filters_mean_what_query_means(client: TestClient, db: Path, params: dict) -> None:
    got = client.get("/events", params=params).json()
    filters = dict(params)
    if "bbox" in filters:
        filters["bbox"] = tuple(float(x) for x in filters["bbox"].split(","))
    expected = client.app.state.store.query(Filters(**filters))
    assert expected, f"test data should match {params}"
    assert got["total"] == len(expected)
    assert uids(got["events"]) == uids(expected)


def test_event_detail_carries_evidence_and_cluster(client: TestClient) -> None:
    row = aleppo_event(client, "aleppo-wire")
    detail = client.get(f"/events/{row['uid']}").json()
    text = client.get(f"/articles/{row['article_key']}").json()["article"]["text"]
    spans = {s["kind"]: text[s["start"] : s["end"]] for s in detail["spans"]}
    assert spans["sentence"] == detail["event"]["sentence"]
    assert "Aleppo" in spans["place"]
    assert "14" in spans["casualties"]
    assert spans["cue"] == "said"
    assert "aircraft" in spans["actor"] or "government" in spans["actor"].lower()
    assert detail["extraction"]["event_type"] == "ASSAULT"
    assert detail["article"]["id"] == "aleppo-wire"
    cluster = detail["cluster"]
    assert {e["source"] for e in cluster["events"]} >= {"Wire One", "Daily Two"}
    assert any(c["kind"] == "killed" for c in cluster["contradictions"])


def test_unknown_event_and_article_are_json_404(client: TestClient) -> None:
    for path in ("/events/nope:0", "/articles/nope"):
        res = client.get(path)
        assert res.status_code == 404
        assert res.headers["content-type"].startswith("application/json")
        assert "nope" in res.json()["detail"]


def test_article_by_id_or_key_with_every_span(client: TestClient) -> None:
    by_id = client.get("/articles/kabul-convoy").json()
    by_key = client.get(f"/articles/{by_id['article']['key']}").json()
    assert by_id == by_key
    text = by_id["article"]["text"]
    assert text == ARTICLES[3].text
    kinds = {s["kind"] for s in by_id["spans"]}
    assert {"sentence", "actor", "place", "date", "casualties", "cue"} <= kinds
    for s in by_id["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    mentioned = {text[s["start"] : s["end"]] for s in by_id["spans"] if s["kind"] in ("actor", "place")}
    assert any("Taliban" in m for m in mentioned) and any("Kabul" in m for m in mentioned)
    assert by_id["events"] and by_id["events"][0]["rank"] == 0


def test_geojson_points_are_the_located_events(client: TestClient, stored: list[dict]) -> None:
    res = client.get("/events.geojson")
    assert res.headers["content-type"].startswith("application/geo+json")
    geo = res.json()
    assert geo["type"] == "FeatureCollection"
    located = {r["uid"]: r for r in stored if r["lat"] is not None}
    assert {f["id"] for f in geo["features"]} == set(located)
    for f in geo["features"]:
        assert f["geometry"]["coordinates"] == [located[f["id"]]["lon"], located[f["id"]]["lat"]]
    protests = client.get("/events.geojson", params={"type": "PROTEST"}).json()["features"]
    assert protests and all(f["properties"]["event_type"] == "PROTEST" for f in protests)


def test_timeline_counts_add_up(client: TestClient, stored: list[dict]) -> None:
    bins = client.get("/timeline", params={"bucket": "month"}).json()["bins"]
    assert sum(b["n"] for b in bins) == len(stored)
    assert [b["t"] for b in bins] == sorted(b["t"] for b in bins)
    assert client.get("/timeline", params={"bucket": "hour"}).status_code == 422


# --------------------------------------------------------------------------- clusters and entities


def test_contradiction_shows_both_sides_with_sources(client: TestClient) -> None:
    rows = client.get("/contradictions", params={"kind": "killed"}).json()["contradictions"]
    assert len(rows) == 1
    c = rows[0]
    assert {(c["a_source"], c["a_value"]), (c["b_source"], c["b_value"])} == {
        ("Wire One", "14"),
        ("Daily Two", "52"),
    }
    assert "Aleppo" in c["a_claim"] and "Aleppo" in c["b_claim"]
    clusters = client.get("/clusters").json()["clusters"]
    assert c["cluster_id"] in {k["cluster_id"] for k in clusters}
    top = next(k for k in clusters if k["cluster_id"] == c["cluster_id"])
    assert top["n_articles"] == 2 and top["killed_min"] == 14 and top["killed_max"] == 52


def test_actors_and_places(client: TestClient) -> None:
    actors = client.get("/actors", params={"q": "taliban"}).json()["actors"]
    assert [a["name"] for a in actors] == ["Taliban"]
    places = {p["name"]: p for p in client.get("/places").json()["places"]}
    assert places["Aleppo"]["articles"] == 2
    assert abs(places["Aleppo"]["lat"] - 36.2) < 0.2 and abs(places["Aleppo"]["lon"] - 37.16) < 0.2
    assert client.get("/places", params={"country": "AF"}).json()["places"]


# --------------------------------------------------------------------------- extract


def test_extract_returns_an_extraction(client: TestClient) -> None:
    body = {"text": ARTICLES[3].text, "published": "2018-05-06", "title": "Kabul convoy attacked"}
    res = client.post("/extract", json=body)
    assert res.status_code == 200
    x = Extraction.model_validate(res.json())
    assert x.events[0].event_type == "ASSAULT"
    assert x.events[0].location.name == "Kabul"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": "x", "published": "not a date"},
        {"text": "x", "path": "/etc/passwd"},  # unknown keys are refused, nothing is read from disk
        [1, 2],
    ],
)
def test_extract_rejects_bad_bodies(client: TestClient, body: object) -> None:
    res = client.post("/extract", json=body)
    assert res.status_code == 422
    assert isinstance(res.json()["detail"], list)


def test_extract_rejects_non_json(client: TestClient) -> None:
    res = client.post("/extract", content=b"\xff\xfe not json", headers={"content-type": "application/json"})
    assert res.status_code == 422


def test_big_bodies_get_413_with_or_without_length(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    big = json.dumps({"text": "a" * (MAX_BODY + 10)}).encode()
    assert client.post("/extract", content=big, headers=headers).status_code == 413

    def chunks():  # no content-length: the limit must hold while streaming
        for _ in range(MAX_BODY // 1000 + 2):
            yield b" " * 1000

    res = client.post("/extract", content=chunks(), headers=headers)
    assert res.status_code == 413
    assert "larger than" in res.json()["detail"]


# --------------------------------------------------------------------------- security and limits


@pytest.mark.parametrize(
    "path, params, status",
    [
        ("/events", {"limit": MAX_LIMIT + 1}, 422),
        ("/events", {"offset": -1}, 422),
        ("/events", {"offset": 10**9}, 422),
        ("/events", {"stance": "sure"}, 422),
        ("/events", {"bbox": "1,2,3"}, 422),
        ("/events", {"bbox": "10,0,5,1"}, 422),
        ("/events", {"start": "yesterday"}, 422),
        ("/events", {"actor": "x" * 500}, 422),
        ("/events", {"actor": "y" * 3000}, 414),
        ("/events.geojson", {"limit": 10**6}, 422),
        ("/contradictions", {"kind": "vibes"}, 422),
    ],
)
def test_limits_and_bad_parameters(client: TestClient, path: str, params: dict, status: int) -> None:
    res = client.get(path, params=params)
    assert res.status_code == status
    assert res.headers["content-type"].startswith("application/json")


def test_sql_in_parameters_is_only_data(client: TestClient, stored: list[dict]) -> None:
    evil = "x'; DROP TABLE events; --"
    for name in ("actor", "source", "country", "type"):
        res = client.get("/events", params={name: evil})
        assert res.status_code == 200 and res.json()["total"] == 0
    assert client.get("/events").json()["total"] == len(stored)


def test_store_is_opened_read_only(client: TestClient) -> None:
    with pytest.raises(Exception, match="read-only"):
        client.app.state.store.con.execute("CREATE TABLE scratch (a INTEGER)")


def test_server_errors_are_json_without_traces(db: Path) -> None:
    app = create_app(db)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /home/user/wirecoder.duckdb")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        res = c.get("/boom")
    assert res.status_code == 500
    assert res.json() == {"detail": "internal error"}
    assert "secret" not in res.text and "Traceback" not in res.text
    app.state.store.close()


def test_foreign_host_header_is_refused(client: TestClient) -> None:
    """A page on another domain that rebinds its DNS to 127.0.0.1 must not read the store."""
    res = client.get("/events", headers={"host": "evil.example"})
    assert res.status_code == 400 and res.json() == {"detail": "invalid Host header"}
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert client.get("/events", headers={"host": host}).status_code == 200, host


@pytest.mark.parametrize("path", ["/static/../store.py", "/static/%2e%2e/api.py", "/static/..%2fapi.py"])
def test_static_files_stay_inside_the_web_folder(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 404
    assert "import" not in res.text


def test_security_headers(client: TestClient) -> None:
    page = client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- dashboard and docs offline


def test_docs_and_dashboard_load_nothing_from_the_network(client: TestClient) -> None:
    for path in ("/", "/docs"):
        html = client.get(path).text
        assert "http://" not in html and "https://" not in html and "//cdn" not in html
        for ref in [*_attr_values(html, "src"), *_attr_values(html, "href")]:
            if ref.startswith("/static/"):
                assert client.get(ref).status_code == 200, ref
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{uid}", "/articles/{ref}", "/clusters", "/contradictions", "/actors"} <= set(
        spec["paths"]
    )
    assert {"/places", "/events.geojson", "/extract"} <= set(spec["paths"])


def _attr_values(html: str, attr: str) -> list[str]:
    parts = html.split(f'{attr}="')[1:]
    return [p.split('"', 1)[0] for p in parts]


def test_country_outlines_ship_with_the_package(client: TestClient) -> None:
    world = client.get("/static/vendor/countries.geojson").json()
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(world["features"]) > 150 and {"Syria", "Iraq", "Afghanistan"} <= names


# --------------------------------------------------------------------------- serve command


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert serve_cmd(tmp_path / "missing.duckdb", "127.0.0.1", 0) == 1
    assert "no store" in capsys.readouterr().err


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")
