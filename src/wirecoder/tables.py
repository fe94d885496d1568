"""Flat, one-row-per-event views of Extractions (CSV output, store exports, Spark columns).

One place defines the columns so every tabular output has exactly the same layout.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from wirecoder.schema import Actor, ArticleMeta, Event, Extraction

if TYPE_CHECKING:
    import pyarrow as pa

EVENT_COLUMNS = [
    "article_id", "event_id", "rank", "event_type", "mode", "acled_type", "acled_subtype",
    "source_name", "source_country", "source_sector", "source_kb_id", "source_text",
    "target_name", "target_country", "target_sector", "target_kb_id", "target_text",
    "place_name", "geonameid", "lat", "lon", "place_country", "admin1", "place_precision",
    "date", "date_precision", "date_text",
    "killed", "wounded", "missing", "abducted", "arrested", "victims",
    "claim_source", "claim_country", "claim_cue", "stance", "quote", "negated",
    "trigger", "sentence", "start", "end", "confidence",
    "published", "source", "url", "title",
]  # fmt: skip


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{k}": None for k in ("name", "country", "sector", "kb_id", "text")}
    return {
        f"{prefix}_name": actor.name,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": actor.sector,
        f"{prefix}_kb_id": actor.kb_id,
        f"{prefix}_text": actor.text,
    }


_INT64 = {"geonameid", "killed", "wounded", "missing", "abducted", "arrested"}
_INT32 = {"rank", "start", "end"}
_FLOAT = {"lat", "lon", "confidence"}
DATE_COLUMNS = ("date", "published")


def event_arrow_schema() -> pa.Schema:
    """The typed Parquet layout of EVENT_COLUMNS (Spark output and `export --format parquet` alike)."""
    import pyarrow as pa

    def kind(column: str) -> pa.DataType:
        if column in _INT64:
            return pa.int64()
        if column in _INT32:
            return pa.int32()
        if column in _FLOAT:
            return pa.float64()
        if column in DATE_COLUMNS:
            return pa.date32()
        return pa.bool_() if column == "negated" else pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in EVENT_COLUMNS])


def typed(row: dict[str, Any]) -> dict[str, Any]:
    """event_rows gives ISO date strings (for CSV); the Parquet columns are real dates."""
    for column in DATE_COLUMNS:
        if isinstance(row[column], str):
            row[column] = date.fromisoformat(row[column])
    return row


def event_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One flat dict per event, keys exactly EVENT_COLUMNS, in salience order (rank 0 = main event)."""
    return [event_row(extraction.article, rank, e) for rank, e in enumerate(extraction.events)]


def event_row(meta: ArticleMeta, rank: int, e: Event) -> dict[str, Any]:
    """The flat row of one event (rank = its place in the story's salience order)."""
    place, when, cas, claim = e.location, e.date, e.casualties, e.claim
    row: dict[str, Any] = {
        "article_id": meta.id,
        "event_id": e.id,
        "rank": rank,
        "event_type": e.event_type,
        "mode": e.mode,
        "acled_type": e.acled_type,
        "acled_subtype": e.acled_subtype,
        **_actor("source", e.source_actor),
        **_actor("target", e.target_actor),
        "place_name": place.name if place else None,
        "geonameid": place.geonameid if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "place_precision": place.precision if place else None,
        "date": when.value.isoformat() if when else None,
        "date_precision": when.precision if when else None,
        "date_text": when.text if when else None,
        "killed": cas.killed if cas else None,
        "wounded": cas.wounded if cas else None,
        "missing": cas.missing if cas else None,
        "abducted": cas.abducted if cas else None,
        "arrested": cas.arrested if cas else None,
        "victims": ";".join(f"{k}={v}" for k, v in cas.victims.items()) if cas and cas.victims else None,
        "claim_source": claim.source.name if claim and claim.source else None,
        "claim_country": claim.source.country if claim and claim.source else None,
        "claim_cue": claim.cue if claim else None,
        "stance": claim.stance if claim else "asserted",
        "quote": claim.quote if claim else None,
        "negated": e.negated,
        "trigger": e.trigger.text if e.trigger else None,
        "sentence": e.sentence,
        "start": e.span[0],
        "end": e.span[1],
        "confidence": e.confidence,
        "published": meta.published.isoformat() if meta.published else None,
        "source": meta.source,
        "url": meta.url,
        "title": meta.title,
    }
    return row
