"""The HTTP API and dashboard over a store: read-only, local by default, parameterised SQL only.

Why it looks like this:
- **Read-only.** The app holds one read-only DuckDB connection for its lifetime and gives every request its
  own cursor (DuckDB cursors are cheap and safe to use from the server's worker threads). An ingest that
  wants to write the same file meanwhile gets the store's clear "busy" message.
- **Same filters as `wirecoder query`.** Filters are parsed into `store.Filters` and turned into SQL by the
  store's own WHERE builder, so the API and the CLI can never disagree on what "country" or "actor" means.
- **Bounded.** Every list has a maximum page size and offset, query strings and bodies have size limits, and
  `/extract` runs one article at a time, so a client cannot make the server build a huge response.
- **Errors are JSON**, `{"detail": ...}`, and never carry a stack trace.
- **Offline.** The dashboard, its d3 copy, the country outlines and Swagger UI are files inside the package
  (`wirecoder/web/`); nothing is fetched from a CDN.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirecoder.schema import PLOVER_TYPES, Extraction
from wirecoder.store import Filters, Store, StoreBusy

log = logging.getLogger("wirecoder.api")

WEB = Path(__file__).with_name("web")
MAX_LIMIT = 1000  # rows per page of /events, /clusters, ...
MAX_GEO_LIMIT = 20_000  # points per /events.geojson response
MAX_OFFSET = 1_000_000
MAX_BODY = 256 * 1024  # bytes of a POST body
MAX_TEXT = 100_000  # characters of an article sent to /extract
MAX_QUERY = 2048  # characters of a query string
MAX_PARAM = 200  # characters of one filter value
STANCES = ("asserted", "denied", "hedged", "planned", "future")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"]

# Columns of an event in lists (the full Event, with every span, is at /events/{uid}).
LIST_COLUMNS = (
    "uid article_key article_id rank event_type mode acled_type acled_subtype source_name source_country "
    "target_name target_country place_name lat lon country admin1 date date_precision killed wounded "
    "stance claim_source negated sentence confidence published source"
).split()
GEO_PROPERTIES = "event_type date published killed place_name source_name target_name stance source".split()
ORDER = "ORDER BY coalesce(date, published) DESC NULLS LAST, uid"


# --------------------------------------------------------------------------- request models


class ExtractRequest(BaseModel):
    """One article to extract: only `text` is required."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=1000)
    published: date | None = None
    source: str | None = Field(None, max_length=MAX_PARAM)
    url: str | None = Field(None, max_length=2000)


class EventFilters:
    """The `wirecoder query` filters as query parameters (shared by /events, /events.geojson, /timeline)."""

    def __init__(
        self,
        start: Annotated[date | None, Query(description="first event date (else publication date)")] = None,
        end: Annotated[date | None, Query(description="last event date, inclusive")] = None,
        country: Annotated[
            str | None, Query(max_length=MAX_PARAM, description="ISO alpha-2/alpha-3 or name")
        ] = None,
        bbox: Annotated[
            str | None,
            Query(max_length=100, pattern=r"^[-0-9., ]+$", description="min_lon,min_lat,max_lon,max_lat"),
        ] = None,
        actor: Annotated[
            str | None, Query(max_length=MAX_PARAM, description="source/target name substring or KB id")
        ] = None,
        type: Annotated[
            str | None, Query(max_length=MAX_PARAM, description="PLOVER type or ACLED type/sub-type")
        ] = None,
        stance: Annotated[str | None, Query(max_length=20, description=" | ".join(STANCES))] = None,
        source: Annotated[str | None, Query(max_length=MAX_PARAM, description="outlet substring")] = None,
    ) -> None:
        if stance and stance.lower() not in STANCES:
            raise HTTPException(422, f"stance must be one of {', '.join(STANCES)}")
        self.filters = Filters(
            start=start,
            end=end,
            country=country or None,
            bbox=_bbox(bbox) if bbox else None,
            actor=actor or None,
            type=type or None,
            stance=stance or None,
            source=source or None,
        )


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise HTTPException(422, "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise HTTPException(422, "bbox out of range or min > max")
    return parts  # type: ignore[return-value]


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (max {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


# --------------------------------------------------------------------------- the app


def create_app(db: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The API over the store at `db`, opened read-only now (`StoreBusy` or `FileNotFoundError` if not).

    `allowed_hosts` guards against DNS rebinding: by default only loopback names are accepted in the
    `Host` header; pass `["*"]` when serving on a public interface on purpose.
    """
    store = Store.open(db, read_only=True)
    app = FastAPI(
        title="wirecoder",
        version=_version(),
        summary="Conflict events coded from news, with the evidence for every field.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.extract_lock = threading.Lock()
    app.add_middleware(Guard, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)
    _add_error_handlers(app)
    _add_routes(app)
    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wirecoder")
    except PackageNotFoundError:
        return "dev"


class Guard:
    """ASGI middleware run before any work: 400 for a Host header that is not ours (DNS-rebinding guard),
    414 for long query strings, 413 for big bodies - all as JSON.

    POST bodies are read here in full (at most MAX_BODY bytes, so chunked uploads are bounded too) and
    replayed to the app. Also adds the security headers every response carries.
    """

    def __init__(self, app: Any, allowed_hosts: list[str]) -> None:
        self.app = app
        self.any_host = "*" in allowed_hosts
        self.allowed = {h.strip("[]").lower() for h in allowed_hosts}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if not self.any_host and _host(scope) not in self.allowed:
            return await _send_json(send, 400, "invalid Host header")
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            return await _send_json(send, 414, f"query string longer than {MAX_QUERY} characters")
        if scope["method"] in ("POST", "PUT", "PATCH"):
            too_big = f"request body larger than {MAX_BODY} bytes"
            length = dict(scope["headers"]).get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
                return await _send_json(send, 413, too_big)
            messages, size = [], 0
            while True:
                message = await receive()
                messages.append(message)
                size += len(message.get("body", b""))
                if size > MAX_BODY:
                    return await _send_json(send, 413, too_big)
                if message["type"] != "http.request" or not message.get("more_body"):
                    break
            replay = iter(messages)

            async def receive_again() -> dict:
                return next(replay, None) or await receive()

            receive = receive_again

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _host(scope: dict) -> str:
    """The Host header's name without port ('[::1]:8000' -> '::1')."""
    raw = dict(scope["headers"]).get(b"host", b"").decode("latin-1").strip().lower()
    if raw.startswith("["):
        return raw[1 : raw.find("]")] if "]" in raw else raw
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


_SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]


async def _send_json(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + _SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI's "error parsing the body": a bad body is a 422 like the others
            return JSONResponse({"detail": [{"loc": ["body"], "msg": "body is not valid JSON"}]}, 422)
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, 503)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, 500)


def _cursor(request: Request) -> Iterator[Any]:
    """A cursor of the app's read-only connection for one request."""
    cur = request.app.state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Cursor = Annotated[Any, Depends(_cursor)]


def _rows(cur: Any, sql: str, params: list) -> list[dict[str, Any]]:
    result = cur.execute(sql, params)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _json(payload: Any, media_type: str = "application/json") -> Response:
    """Serialise with the stdlib (dates as ISO strings) - much faster than FastAPI's encoder on big lists."""
    return Response(json.dumps(payload, default=_default, separators=(",", ":")), media_type=media_type)


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _page_sql(columns: list[str], where: str, limit: str) -> str:
    """One page of events, newest first. The sort runs on row ids only and the wide rows are fetched for
    the page alone: on a million events this is 3-5x faster than sorting whole rows."""
    return (
        f"SELECT {', '.join(columns)} FROM events WHERE rowid IN "
        f"(SELECT rowid FROM events {where} {ORDER} {limit}) {ORDER}"
    )


def _where(store: Store, filters: Filters) -> tuple[str, list]:
    where, params, _ = store._where(filters)
    return where, params


# --------------------------------------------------------------------------- routes


def _add_routes(app: FastAPI) -> None:
    store: Store = app.state.store

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html", headers=_CSP)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_DOCS_HTML, headers=_CSP)

    @app.get("/health", tags=["meta"])
    def health(cur: Cursor) -> Response:
        """The store's row counts (also a cheap liveness check)."""
        counts = {
            t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # table names are constants
            for t in ("articles", "events", "contradictions")
        }
        counts["clusters"] = cur.execute("SELECT count(DISTINCT cluster_id) FROM clusters").fetchone()[0]
        return _json({"status": "ok", "counts": counts})

    @app.get("/events", tags=["events"])
    def events(
        cur: Cursor, f: Annotated[EventFilters, Depends()], limit: Limit = 100, offset: Offset = 0
    ) -> Response:
        """Events matching the filters, newest first, one page at a time, with the total count."""
        where, params = _where(store, f.filters)
        total = cur.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0]
        rows = _rows(cur, _page_sql(LIST_COLUMNS, where, "LIMIT ? OFFSET ?"), [*params, limit, offset])
        return _json({"total": total, "limit": limit, "offset": offset, "events": rows})

    @app.get("/events.geojson", tags=["events"])
    def events_geojson(
        cur: Cursor,
        f: Annotated[EventFilters, Depends()],
        limit: Annotated[int, Query(ge=1, le=MAX_GEO_LIMIT)] = 2000,
    ) -> Response:
        """Located events as a GeoJSON FeatureCollection (newest first, at most `limit` points)."""
        where, params = _where(store, f.filters)
        where = f"{where} AND lat IS NOT NULL" if where else "WHERE lat IS NOT NULL"
        # DuckDB writes the JSON itself (C++, no GIL held), in the same newest-first order as the page.
        props = ", ".join(f"'{c}', {c}" for c in GEO_PROPERTIES)
        feature = (
            "json_object('type', 'Feature', 'id', uid, 'geometry', json_object('type', 'Point', "
            f"'coordinates', json_array(round(lon, 5), round(lat, 5))), 'properties', json_object({props}))"
        )
        body = cur.execute(
            f"""SELECT '{{"type":"FeatureCollection","features":[' ||
                       coalesce(string_agg({feature}::VARCHAR, ',' {ORDER}), '') || ']}}'
                FROM ({_page_sql(["uid", "lon", "lat", *GEO_PROPERTIES], where, "LIMIT ?")})""",
            [*params, limit],
        ).fetchone()[0]
        return Response(body, media_type="application/geo+json")

    @app.get("/timeline", tags=["events"])
    def timeline(
        cur: Cursor,
        f: Annotated[EventFilters, Depends()],
        bucket: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "day",
    ) -> Response:
        """Event counts per day/week/month/year (for the dashboard's histogram)."""
        where, params = _where(store, f.filters)
        day = "coalesce(date, published)"
        where = f"{where} AND {day} IS NOT NULL" if where else f"WHERE {day} IS NOT NULL"
        rows = _rows(
            cur,
            f"SELECT date_trunc(?, {day})::DATE AS t, count(*) AS n, sum(coalesce(killed, 0)) AS killed "
            f"FROM events {where} GROUP BY t ORDER BY t",
            [bucket, *params],
        )
        return _json({"bucket": bucket, "bins": rows})

    @app.get("/facets", tags=["events"])
    def facets(cur: Cursor) -> Response:
        """Distinct values with counts for the filter menus: event types, countries, stances, sources."""
        out = {}
        for name, column in (("type", "event_type"), ("country", "country"), ("stance", "stance")):
            out[name] = _rows(
                cur,
                f"SELECT {column} AS value, count(*) AS n FROM events WHERE {column} IS NOT NULL "
                "GROUP BY value ORDER BY n DESC, value LIMIT 300",
                [],
            )
        out["source"] = _rows(
            cur,
            "SELECT source AS value, count(*) AS n FROM articles WHERE source IS NOT NULL "
            "GROUP BY value ORDER BY n DESC, value LIMIT 300",
            [],
        )
        out["plover_types"] = list(PLOVER_TYPES)
        out["stances"] = list(STANCES)
        return _json(out)

    @app.get("/events/{uid}", tags=["events"])
    def event(cur: Cursor, uid: Annotated[str, PathParam(max_length=100)]) -> Response:
        """One event: its columns, the full Event with every evidence span, its article and its cluster."""
        found = _rows(cur, "SELECT * FROM events WHERE uid = ?", [uid])
        if not found:
            raise HTTPException(404, f"no event {uid!r}")
        row = found[0]
        full = json.loads(row.pop("json") or "{}")
        article = _rows(
            cur,
            "SELECT key, id, title, published, source, url FROM articles WHERE key = ?",
            [row["article_key"]],
        )
        return _json(
            {
                "event": row,
                "extraction": full,
                "spans": event_spans(full, row["uid"]),
                "article": article[0] if article else None,
                "cluster": _cluster_of(cur, uid),
            }
        )

    @app.get("/articles/{ref}", tags=["articles"])
    def article(cur: Cursor, ref: Annotated[str, PathParam(max_length=200)]) -> Response:
        """An article's text (by store key or input id) with every extracted span, and its events."""
        found = _rows(
            cur,
            "SELECT key, id, title, text, published, source, url, duplicate_of, similarity "
            "FROM articles WHERE key = ? OR id = ? ORDER BY (key = ?) DESC LIMIT 1",
            [ref, ref, ref],
        )
        if not found:
            raise HTTPException(404, f"no article {ref!r}")
        art = found[0]
        key = art["duplicate_of"] or art["key"]  # a near-copy's events are stored under its original
        evs = _rows(
            cur,
            "SELECT uid, rank, event_type, stance, span_start, span_end, json FROM events "
            "WHERE article_key = ? ORDER BY rank",
            [key],
        )
        spans: list[dict[str, Any]] = []
        for e in evs:
            spans += event_spans(json.loads(e.pop("json") or "{}"), e["uid"])
        for table in ("actors", "places"):
            kind = table[:-1]
            for m in _rows(
                cur,
                f"SELECT text, name, span_start, span_end FROM {table} "
                "WHERE article_key = ? AND span_start IS NOT NULL ORDER BY idx",
                [key],
            ):
                spans.append(_span(kind, m["span_start"], m["span_end"], None, m["name"]))
        if art["duplicate_of"]:
            original = _rows(cur, "SELECT text FROM articles WHERE key = ?", [key])
            art["text"] = original[0]["text"] if original else art["text"]
        return _json({"article": art, "events": evs, "spans": _dedupe(spans)})

    @app.get("/clusters", tags=["clusters"])
    def clusters(
        cur: Cursor,
        min_articles: Annotated[int, Query(ge=1, le=10_000)] = 2,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        """Event clusters (one real-world event, many reports), most-reported first."""
        rows = _rows(
            cur,
            f"""{_CLUSTER_SQL} GROUP BY c.cluster_id HAVING count(DISTINCT e.article_key) >= ?
                ORDER BY n_articles DESC, first_date, c.cluster_id LIMIT ? OFFSET ?""",
            [min_articles, limit, offset],
        )
        return _json({"limit": limit, "offset": offset, "clusters": rows})

    @app.get("/contradictions", tags=["clusters"])
    def contradictions(
        cur: Cursor,
        kind: Annotated[str | None, Query(pattern="^(killed|perpetrator|place)$")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        """Where reports of one cluster disagree: each side with its outlet, value, claim and event."""
        rows = _rows(
            cur,
            f"""SELECT k.*, a.article_key AS a_article, a.date AS a_date, a.place_name AS a_place,
                       b.article_key AS b_article, b.date AS b_date, b.place_name AS b_place
                FROM contradictions k
                LEFT JOIN events a ON a.uid = k.a_event LEFT JOIN events b ON b.uid = k.b_event
                {"WHERE k.kind = ?" if kind else ""}
                ORDER BY k.cluster_id, k.kind, k.a_event, k.b_event LIMIT ? OFFSET ?""",
            [*([kind] if kind else []), limit, offset],
        )
        return _json({"limit": limit, "offset": offset, "contradictions": rows})

    @app.get("/actors", tags=["entities"])
    def actors(
        cur: Cursor,
        q: Annotated[str | None, Query(max_length=MAX_PARAM, description="name substring")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        """Resolved actors with the number of articles that mention them, most mentioned first."""
        rows = _rows(
            cur,
            """SELECT name, any_value(country) AS country, any_value(sector) AS sector,
                      any_value(kb_id) AS kb_id, count(DISTINCT article_key) AS articles, count(*) AS mentions
               FROM actors WHERE (? IS NULL OR name ILIKE ?)
               GROUP BY name ORDER BY articles DESC, name LIMIT ? OFFSET ?""",
            [q, f"%{q}%", limit, offset],
        )
        return _json({"limit": limit, "offset": offset, "actors": rows})

    @app.get("/places", tags=["entities"])
    def places(
        cur: Cursor,
        q: Annotated[str | None, Query(max_length=MAX_PARAM, description="name substring")] = None,
        country: Annotated[str | None, Query(max_length=3)] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        """Resolved places with coordinates and the number of articles naming them."""
        rows = _rows(
            cur,
            """SELECT name, geonameid, any_value(lat) AS lat, any_value(lon) AS lon,
                      any_value(country) AS country, any_value(admin1) AS admin1,
                      any_value(precision) AS precision, count(DISTINCT article_key) AS articles
               FROM places WHERE (? IS NULL OR name ILIKE ?) AND (? IS NULL OR country = upper(?))
               GROUP BY name, geonameid ORDER BY articles DESC, name LIMIT ? OFFSET ?""",
            [q, f"%{q}%", country, country, limit, offset],
        )
        return _json({"limit": limit, "offset": offset, "places": rows})

    @app.post("/extract", tags=["extract"], response_model=Extraction)
    def extract(body: ExtractRequest, request: Request) -> Extraction:
        """Run the pipeline on one article (not stored). Bodies over 256 KB get 413, bad bodies 422."""
        from wirecoder.pipeline import extract as run

        with request.app.state.extract_lock:  # one at a time: the pipeline is CPU-bound and memory-heavy
            return run(
                body.text, title=body.title, published=body.published, source=body.source, url=body.url
            )


_CLUSTER_SQL = """SELECT c.cluster_id, count(*) AS n_events, count(DISTINCT e.article_key) AS n_articles,
       list(DISTINCT e.source ORDER BY e.source) FILTER (WHERE e.source IS NOT NULL) AS sources,
       mode(e.event_type) AS event_type, min(coalesce(e.date, e.published)) AS first_date,
       max(coalesce(e.date, e.published)) AS last_date, mode(e.place_name) AS place,
       any_value(e.lat) AS lat, any_value(e.lon) AS lon, min(e.killed) AS killed_min,
       max(e.killed) AS killed_max, list(e.uid ORDER BY e.uid)[:50] AS events
FROM clusters c JOIN events e ON e.uid = c.event_uid"""


def _cluster_of(cur: Any, uid: str) -> dict[str, Any] | None:
    """The cluster holding `uid`, with each member's outlet and values, and its contradictions."""
    cid = cur.execute("SELECT cluster_id FROM clusters WHERE event_uid = ?", [uid]).fetchone()
    if cid is None:
        return None
    members = _rows(
        cur,
        """SELECT e.uid, e.article_key, e.source, e.published, e.date, e.event_type, e.source_name,
                  e.target_name, e.place_name, e.killed, e.stance, e.claim_source, e.sentence
           FROM clusters c JOIN events e ON e.uid = c.event_uid WHERE c.cluster_id = ?
           ORDER BY e.published, e.uid LIMIT 200""",
        [cid[0]],
    )
    disputes = _rows(
        cur, "SELECT * FROM contradictions WHERE cluster_id = ? ORDER BY kind, a_event", [cid[0]]
    )
    return {"cluster_id": cid[0], "events": members, "contradictions": disputes}


# --------------------------------------------------------------------------- evidence spans

# (kind, path into the Event JSON) for every field that carries a span, in display priority order.
SPAN_FIELDS = (
    ("sentence", ("span",)),
    ("claim", ("claim", "span")),
    ("quote", ("claim", "quote_span")),
    ("cue", ("claim", "cue_span")),
    ("claim_source", ("claim", "source", "span")),
    ("trigger", ("trigger", "span")),
    ("actor", ("source_actor", "span")),
    ("target", ("target_actor", "span")),
    ("place", ("location", "span")),
    ("date", ("date", "span")),
    ("casualties", ("casualties", "span")),
)
_LABELS = {
    "claim_source": ("claim", "source", "name"),
    "actor": ("source_actor", "name"),
    "target": ("target_actor", "name"),
    "place": ("location", "name"),
    "date": ("date", "value"),
    "trigger": ("trigger", "lemma"),
    "cue": ("claim", "stance"),
    "casualties": ("casualties", "killed"),
}


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _span(kind: str, start: Any, end: Any, uid: str | None, label: Any) -> dict[str, Any]:
    return {"kind": kind, "start": start, "end": end, "event": uid, "label": label}


def event_spans(event: dict[str, Any], uid: str | None) -> list[dict[str, Any]]:
    """Every evidence span of one Event (as JSON): kind (sentence, actor, target, place, date, casualties,
    cue, ...), `[start, end)` into the article body, the event's uid and a short resolved label."""
    out = []
    for kind, path in SPAN_FIELDS:
        span = _get(event, path)
        if isinstance(span, list | tuple) and len(span) == 2 and span[0] is not None and span[1] > span[0]:
            label = _get(event, _LABELS[kind]) if kind in _LABELS else None
            out.append(_span(kind, span[0], span[1], uid, label))
    return out


def _dedupe(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple] = set()
    out = []
    for s in spans:
        key = (s["kind"], s["start"], s["end"], s["event"])
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# --------------------------------------------------------------------------- static pages

_CSP = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
}
_DOCS_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wirecoder API</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/vendor/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>"""
