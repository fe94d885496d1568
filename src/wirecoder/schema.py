"""The data contract: what goes into `extract()` and what comes out.

Every field that came from the text carries a `span`: `[start, end)` character offsets into the
article **body** (`Article.text`, title excluded); the one field that may come from the title (the main
event's source actor, when only the headline names it) has a null span. Fields with no evidence are
null, never guessed.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Stance = Literal["asserted", "denied", "hedged", "planned", "future"]
Precision = Literal["exact", "city", "admin1", "country"]
TimePrecision = Literal["day", "week", "month", "year"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(Model):
    """One news story. Only `text` is required; `id` defaults to a stable content hash."""

    id: str = ""
    title: str | None = None
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            self.id = content_id(self.title, self.text)


class ArticleMeta(Model):
    """The article as echoed in an Extraction (no body, so outputs stay small)."""

    id: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None


class Actor(Model):
    text: str
    span: Span | None = None
    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, or IGO/NGO-style codes")
    sector: str | None = Field(None, description="GOV, MIL, REB, IGO, NGO, CVL, MED, BUS, ...")
    kb_id: str | None = None
    confidence: float = 1.0


class Place(Model):
    text: str
    span: Span | None = None
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 as in GeoNames")
    admin1: str | None = None
    feature_class: str | None = None
    precision: Precision | None = None
    score: float = 0.0
    kind: Literal["toponym", "demonym"] = "toponym"


class TimeRef(Model):
    text: str
    span: Span | None = None
    value: date
    precision: TimePrecision


class Casualties(Model):
    """Counts for one event. Vague quantities follow ACLED: "dozens" = 12, "hundreds" = 100."""

    killed: int | None = None
    wounded: int | None = None
    missing: int | None = None
    abducted: int | None = None
    arrested: int | None = None
    killed_range: tuple[int, int] | None = None
    victims: dict[str, int | None] = Field(
        default_factory=dict, description="victim kind -> count (subset of the totals)"
    )
    text: str = ""
    span: Span | None = None


class Claim(Model):
    source: Actor | None = None
    cue: str | None = None
    cue_span: Span | None = None
    stance: Stance = "asserted"
    quote: str | None = None
    quote_span: Span | None = None
    span: Span | None = None
    chain: list[Actor] = Field(default_factory=list, description="outer speakers of nested reports")


class Trigger(Model):
    text: str
    span: Span
    lemma: str


class Event(Model):
    id: str
    event_type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    acled_type: str | None = None
    acled_subtype: str | None = None
    source_actor: Actor | None = None
    # the other sources joined to `source_actor` by "and"/"or" ("Russia and China will ask ...": China)
    co_sources: list[Actor] = Field(default_factory=list)
    target_actor: Actor | None = None
    # the other targets joined to `target_actor` by "and"/"or" ("asked Tehran and Damascus to ...": Damascus)
    co_targets: list[Actor] = Field(default_factory=list)
    location: Place | None = None
    date: TimeRef | None = None
    casualties: Casualties | None = None
    claim: Claim | None = None
    negated: bool = False
    trigger: Trigger | None = None
    sentence: str
    span: Span
    confidence: float = 0.5


class Extraction(Model):
    article: ArticleMeta
    events: list[Event] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)


def content_id(title: str | None, text: str) -> str:
    """Stable id from normalised content, so the same story gets the same id on every run."""
    normal = " ".join(((title or "") + "\n" + text).split()).lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def json_schema() -> dict:
    """JSON Schema of the Extraction, as printed by `wirecoder schema`."""
    return Extraction.model_json_schema()
