"""One real-world event, many reports: cluster events across articles and flag where reports disagree.

Why single-link clustering with blocking: a story is re-reported by many outlets with different words
but the same type of event, the same place and nearly the same day, so two event records are linked when

- their types are compatible (same PLOVER type, or ASSAULT/COERCE which outlets use interchangeably for
  the same killing or abduction),
- their event dates are at most `days` apart (default 0: chaining over a window merges consecutive
  days' events; measured on FA-KES), one more day when either falls back to its publication date,
- their places are within `km` of each other (or, when one or both lack coordinates, they share an
  actor and do not name different countries),
- their actors do not conflict on both sides at once (a disputed perpetrator alone must not split a
  cluster: that is exactly the contradiction we want to show).

Linked events are unioned into clusters. Candidate pairs are only looked for in neighbouring
(type, day, ~55 km grid cell) blocks, so a million events cluster in seconds, not hours.

Contradictions compare reports (articles) of one cluster: casualty counts beyond a tolerance (lowest
against highest), different perpetrators (source actors), and different places (another admin1 or more
than `place_km` apart). Each side carries its outlet, value and the claim (who said it, the sentence).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

COMPATIBLE = {"ASSAULT": "violence", "COERCE": "violence"}
CELL_DEG = 0.5  # grid cell for blocking; >= km / 111 so neighbours cover the radius


@dataclass
class Settings:
    km: float = 50.0
    days: int = 0  # FA-KES: 0 days scores B-cubed F1 0.86 against its date+place groups, 2 days 0.66
    place_km: float = 25.0
    casualty_abs: int = 2  # counts this close never contradict (3 vs 5 dead is noise)
    casualty_rel: float = 0.25  # ... nor within this fraction of the larger count


def type_group(event_type: str | None) -> str:
    return COMPATIBLE.get(event_type or "", event_type or "")


def event_day(e: dict) -> date | None:
    return e.get("date") or e.get("published")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _has_point(e: dict) -> bool:
    return e.get("lat") is not None and e.get("lon") is not None


def _actors(e: dict, side: str) -> str | None:
    return e.get(f"{side}_kb_id") or e.get(f"{side}_name")


def compatible(a: dict, b: dict, s: Settings) -> bool:
    """Could these two event records describe the same real-world event?"""
    if type_group(a.get("event_type")) != type_group(b.get("event_type")):
        return False
    da, db = event_day(a), event_day(b)
    slack = 0 if a.get("date") and b.get("date") else 1  # a publication date may lag the event by a day
    if da is None or db is None or abs((da - db).days) > s.days + slack:
        return False
    src_a, src_b, tgt_a, tgt_b = (
        _actors(a, "source"),
        _actors(b, "source"),
        _actors(a, "target"),
        _actors(b, "target"),
    )
    if src_a and src_b and src_a != src_b and tgt_a and tgt_b and tgt_a != tgt_b:
        return False
    if _has_point(a) and _has_point(b):
        return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= s.km
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    shared = {src_a, tgt_a} & {src_b, tgt_b} - {None}
    return bool(shared)


def _cell(e: dict) -> tuple[int, int] | None:
    if not _has_point(e):
        return None
    return (math.floor(e["lat"] / CELL_DEG), math.floor(e["lon"] / CELL_DEG))


def cluster_events(events: Iterable[dict], settings: Settings | None = None) -> dict[str, list[str]]:
    """Cluster id -> event uids. Every event with a date lands in exactly one cluster (maybe alone)."""
    s = settings or Settings()
    rows = [e for e in events if event_day(e) is not None and e.get("event_type")]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    located: dict[tuple, list[int]] = defaultdict(list)  # (group, day, cell) -> rows with coordinates
    by_actor: dict[tuple, list[int]] = defaultdict(list)  # (group, day, actor) -> rows
    unlocated: list[int] = []
    for i, e in enumerate(rows):
        group, day = type_group(e["event_type"]), event_day(e).toordinal()
        cell = _cell(e)
        if cell is None:
            unlocated.append(i)
        else:
            located[(group, day, cell)].append(i)
        for actor in {_actors(e, "source"), _actors(e, "target")} - {None}:
            by_actor[(group, day, actor)].append(i)
    reach = max(1, math.ceil(s.km / (111.0 * CELL_DEG)))
    for i, e in enumerate(rows):  # located pairs: neighbouring cells of nearby days
        cell = _cell(e)
        if cell is None:
            continue
        group, day = type_group(e["event_type"]), event_day(e).toordinal()
        for d in range(day - s.days - 1, day + s.days + 2):
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    for j in located.get((group, d, (cell[0] + dy, cell[1] + dx)), ()):
                        if j > i and find(i) != find(j) and compatible(e, rows[j], s):
                            union(i, j)
    for i in unlocated:  # no coordinates: only events sharing an actor can be the same event
        e = rows[i]
        group, day = type_group(e["event_type"]), event_day(e).toordinal()
        for actor in {_actors(e, "source"), _actors(e, "target")} - {None}:
            for d in range(day - s.days - 1, day + s.days + 2):
                for j in by_actor.get((group, d, actor), ()):
                    if j != i and find(i) != find(j) and compatible(e, rows[j], s):
                        union(i, j)
    members: dict[int, list[str]] = defaultdict(list)
    for i, e in enumerate(rows):
        members[find(i)].append(e["uid"])
    return {_cluster_id(uids): sorted(uids) for uids in members.values()}


def _cluster_id(uids: Sequence[str]) -> str:
    return "c" + hashlib.sha1(min(uids).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- contradictions


def _claim(e: dict) -> str:
    who = e.get("claim_source") or e.get("source") or "unattributed"
    sentence = " ".join((e.get("sentence") or "").split())
    return f"{who}: {sentence[:300]}"


def _side(prefix: str, e: dict, value: Any) -> dict[str, Any]:
    return {
        f"{prefix}_event": e["uid"],
        f"{prefix}_source": e.get("source"),
        f"{prefix}_value": str(value),
        f"{prefix}_claim": _claim(e),
    }


def contradictions(
    clusters: dict[str, list[str]], events: dict[str, dict], settings: Settings | None = None
) -> list[dict[str, Any]]:
    """Disagreements between the reports (articles) of each cluster, one row per kind and pair of sides."""
    s = settings or Settings()
    out: list[dict[str, Any]] = []
    for cid, uids in clusters.items():
        rows = [events[u] for u in uids if u in events]
        if len({e["article_key"] for e in rows}) < 2:
            continue
        out += _casualty_conflict(cid, rows, s)
        out += _perpetrator_conflict(cid, rows)
        out += _place_conflict(cid, rows, s)
    return out


def _per_article(rows: list[dict], value) -> dict[str, tuple[Any, dict]]:
    """One value per article: the first (most salient) event of that article that has one."""
    best: dict[str, tuple[Any, dict]] = {}
    for e in sorted(rows, key=lambda e: (e.get("rank") or 0, e["uid"])):
        v = value(e)
        if v is not None and e["article_key"] not in best:
            best[e["article_key"]] = (v, e)
    return best


def _same_outlet(a: dict, b: dict) -> bool:
    """Two articles of one outlet disagreeing is an update, not a dispute between sources."""
    return bool(a.get("source")) and a.get("source") == b.get("source")


def _casualty_conflict(cid: str, rows: list[dict], s: Settings) -> list[dict]:
    counts = _per_article(rows, lambda e: e.get("killed") if not e.get("negated") else None)
    if len(counts) < 2:
        return []
    (low, low_e), (high, high_e) = (
        min(counts.values(), key=lambda t: t[0]),
        max(counts.values(), key=lambda t: t[0]),
    )
    if high - low <= max(s.casualty_abs, s.casualty_rel * high) or _same_outlet(low_e, high_e):
        return []
    return [{"cluster_id": cid, "kind": "killed", **_side("a", low_e, low), **_side("b", high_e, high)}]


NOT_PERPETRATORS = {"CVL", "MED", "NGO"}  # victims, hospitals, monitors: never "who did it"


def perpetrator_key(e: dict) -> str | None:
    """Who a report says did a violent event, at the grain where disagreement is meaningful.

    Only resolved, specific actors count (generic roles such as "gunmen" or "army" claim nothing about
    whose gunmen), and state actors of one country are one side ("Syria", "Syrian Arab Army", "Syrian
    government" agree), while non-state groups are compared by identity.
    """
    if e.get("negated") or e.get("stance") == "denied" or type_group(e.get("event_type")) != "violence":
        return None
    kb, sector, country = e.get("source_kb_id"), e.get("source_sector"), e.get("source_country")
    if not kb or kb.startswith("role.") or sector in NOT_PERPETRATORS:
        return None
    if sector in (None, "GOV", "MIL", "POL") and country:
        return f"state:{country}"
    return f"group:{kb}"


def _perpetrator_conflict(cid: str, rows: list[dict]) -> list[dict]:
    by_article = _per_article(rows, perpetrator_key)
    by_value: dict[str, dict] = {}
    for value, e in by_article.values():
        by_value.setdefault(value, e)
    values = sorted(by_value)
    return [
        {
            "cluster_id": cid,
            "kind": "perpetrator",
            **_side("a", by_value[a], by_value[a].get("source_name")),
            **_side("b", by_value[b], by_value[b].get("source_name")),
        }
        for i, a in enumerate(values)
        for b in values[i + 1 :]
        if not _same_outlet(by_value[a], by_value[b])
    ]


def _place_conflict(cid: str, rows: list[dict], s: Settings) -> list[dict]:
    places = _per_article(rows, lambda e: e.get("place_name") if _has_point(e) else None)
    by_value: dict[str, dict] = {}
    for name, e in places.values():
        by_value.setdefault(name, e)
    names = sorted(by_value)
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            ea, eb = by_value[a], by_value[b]
            far = haversine_km(ea["lat"], ea["lon"], eb["lat"], eb["lon"]) > s.place_km
            other_admin = ea.get("admin1") and eb.get("admin1") and ea["admin1"] != eb["admin1"]
            if (far or other_admin) and not _same_outlet(ea, eb):
                out.append({"cluster_id": cid, "kind": "place", **_side("a", ea, a), **_side("b", eb, b)})
    return out


# --------------------------------------------------------------------------- store glue

CLUSTER_COLUMNS = (
    "uid article_key rank event_type date published lat lon country admin1 place_name "
    "source_name source_kb_id source_country source_sector "
    "target_name target_kb_id killed negated stance claim_source sentence source"
).split()


def corroborate(store, settings: Settings | None = None) -> tuple[int, int]:
    """Recompute clusters and contradictions for the whole store; returns (clusters, contradictions)."""
    from wirecoder.store import iter_store_events

    events = {e["uid"]: e for e in iter_store_events(store, CLUSTER_COLUMNS)}
    clusters = cluster_events(events.values(), settings)
    found = contradictions(clusters, events, settings)
    store.save_clusters(clusters, found)
    return len(clusters), len(found)
