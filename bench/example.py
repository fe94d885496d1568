"""Print the events wirecoder codes from one story, one line each, as an analyst would read them.

    python bench/example.py [STORY.txt] [--published 2017-03-03]

Default story: ../shared/examples/raqqa-pentagon.txt (read only by this script, never by the product).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wirecoder import extract
from wirecoder.ingest import split_title

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "examples" / "raqqa-pentagon.txt"


def describe(event) -> str:
    def actor(a):
        return f"{a.name}[{a.country or '-'}/{a.sector or '-'}]" if a else "-"

    where = (
        f"{event.location.name} ({event.location.lat:.2f},{event.location.lon:.2f})"
        if event.location
        else "-"
    )
    when = f"{event.date.value} ({event.date.text!r})" if event.date else "-"
    claim = event.claim
    said = f"{actor(claim.source)} {claim.cue!r} {claim.stance}" if claim else "asserted"
    dead = f" killed={event.casualties.killed}" if event.casualties and event.casualties.killed else ""
    neg = " NEGATED" if event.negated else ""
    sub = f" / {event.acled_subtype}" if event.acled_subtype else ""
    return (
        f"{event.event_type}{'/' + event.mode if event.mode else ''}{sub} [{event.trigger.text}] "
        f"{actor(event.source_actor)} -> {actor(event.target_actor)} at {where} on {when}; "
        f"claim: {said}{dead}{neg}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("story", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--published", default="2017-03-03")
    args = parser.parse_args()
    title, body = split_title(args.story.read_text("utf-8"))
    x = extract(body, title=title, published=args.published)
    print(f"{title}\n{len(x.events)} events, {len(x.places)} place mentions, {len(x.actors)} actor mentions")
    for i, event in enumerate(x.events):
        print(f"{i:2d}. {describe(event)}")


if __name__ == "__main__":
    main()
