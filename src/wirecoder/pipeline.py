"""One article in, every event out: `extract(article) -> Extraction`, and `extract_many` for batches.

Resources (spaCy pipeline, actor KB, gazetteer, trigger lexicon) load once per process and are
read-only afterwards, so `extract` is a pure function of its article and safe to fork (the CLI's
worker processes and Spark executors inherit or load them once).

Flow per article: segment and tokenize everything cheaply -> KB actor matches on every sentence ->
parse only the sentences with a trigger word or casualty cue (plus the title, for salience) ->
toponyms resolved jointly -> triggers and arguments -> attribution and stance -> dates, casualties,
event location, ACLED category -> events sorted by salience (events[0] is the main event).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing as mp
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path

import pycountry
from spacy.tokens import Token

from wirecoder import casualties as casualty_parser
from wirecoder import when
from wirecoder.actors.kb import ActorKB, never_a_place
from wirecoder.claims import attribute, awaited
from wirecoder.events.acled import SUBTYPES, assault_mode, classify_acled, plover_for, story_category
from wirecoder.events.acled_model import ALONE_MINIMUM, NEW_EVENT_MINIMUM, second_opinion
from wirecoder.events.extract import (
    CLAIM_VERBS,
    SPEECH_LEMMAS,
    Trigger,
    claimed_or_blamed,
    definite,
    find_triggers,
    trigger_lemma,
)
from wirecoder.events.lexicon import Lexicon, load_lexicon
from wirecoder.geo.gazetteer import Gazetteer, haversine_km
from wirecoder.geo.resolve import SEAT, Geoparser, story_focus
from wirecoder.mentions import StoryActors
from wirecoder.nlp import Sentence, load_nlp, parse_sentences, segment, title_cased
from wirecoder.schema import (
    Actor,
    Article,
    ArticleMeta,
    Casualties,
    Claim,
    Event,
    Extraction,
    Place,
    TimeRef,
)
from wirecoder.schema import Trigger as TriggerModel

log = logging.getLogger("wirecoder")

CASUALTY_CUES = {
    "dead", "died", "killed", "wounded", "injured", "toll", "casualties", "bodies", "missing", "kidnapped",
    "abducted", "arrested", "detained", "lives", "deaths", "fatalities", "victims",
}  # fmt: skip
# words a title-case headline capitalises that are never names
FUNCTION_WORDS = {
    "in", "on", "at", "as", "after", "for", "of", "the", "and", "to", "with", "by", "from", "near", "over",
    "into", "amid", "despite", "against", "since", "during", "a", "an", "is", "are", "was", "were", "its",
    "their", "more", "than", "least", "dozens", "scores", "hundreds", "civilians", "people", "children",
    "women", "members", "fighters", "soldiers", "troops", "others", "including",
}  # fmt: skip
MATERIAL_WEIGHT = {
    "ASSAULT": 3.0, "COERCE": 2.2, "RETREAT": 2.2, "PROTEST": 2.2, "MOBILIZE": 2.0, "AID": 1.8,
    "SANCTION": 1.6, "AGREE": 1.5, "COOPERATE": 1.5, "CONCEDE": 1.5, "THREATEN": 1.2, "ACCUSE": 1.0,
    "REJECT": 1.0, "REQUEST": 1.0, "CONSULT": 1.2, "SUPPORT": 1.0,
}  # fmt: skip
_CAPTION_END = re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA|file photo|photo)[^)]*\)\s*$", re.I)
MAX_TEXT_CHARS = 20_000_000
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
# measures taken on, or help sent to, a territory: its place is their target ("aid sent to Alabama")
TERRITORY_TARGETS = {"CONCEDE", "SANCTION", "AID"}
# PLOVER types that are words or support, not force: never a violent ACLED category on their own
VERBAL_TYPES = {
    "ACCUSE",
    "REJECT",
    "REQUEST",
    "CONSULT",
    "SUPPORT",
    "AID",
    "COOPERATE",
    "THREATEN",
    "AGREE",
    "CONCEDE",
}
PERSON_TITLE_ROLES = {  # roles written as a title before a person's name ("spokesman Jeff Davis")
    "role.spokesperson", "role.head_of_state", "role.minister", "role.military_rank", "role.diplomat",
    "role.local_gov", "role.religious", "role.legislature", "role.judiciary", "role.elites", "role.media",
}  # fmt: skip
# a person introduced by name: the name is no place, whatever the gazetteer holds ("Ahmad" is in Kuwait)
_NAMED_PERSON = re.compile(
    r"\b(?:witness|man|woman|boy|girl|resident|activist|doctor|nurse|teacher|student|father|mother|son|"
    r"daughter|brother|sister|wife|husband|fighter|soldier|farmer|driver|survivor|official|refugee)\s+"
    r"(?:only\s+)?(?:named|called|identified\s+as|who\s+gave\s+(?:his|her)\s+name\s+as)\s+"
    r"([A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,2})"
)
# a wire story's credits: "Reporting by Natalie Huet; Editing by Andrew Roche and Chris Wilson"
_BYLINE = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)\s+by\s+"
    r"([A-Z][\w'-]+(?:\s[A-Z][\w'-]+){1,2}(?:(?:,\s|\sand\s)[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){1,2})*)"
)
RECENT_DATE_SENTENCES = 2  # how far back, within a paragraph, an undated event looks for its day
ANCHOR_SENTENCES = 6  # how far back "two days earlier" looks for the day it counts from
RECENT_PLACE_SENTENCES = 3  # how far back an event with no place of its own looks for the story's place
DATELINE_CHARS = 300  # a dateline sits at the top of a story
_DATELINE_TAIL = re.compile(
    r"\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s*)?"
    r"(?:\((?:Reuters|Xinhua|Anadolu|dpa|[A-Z]{2,6})\)|[-\u2013\u2014]{1,2}\s)"
)
# subordinators and prepositions whose clause sets the scene of another event ("after", "following")
_SCENE_MARKS = {
    "after", "before", "since", "following", "when", "while", "where", "unless", "if", "until", "amid",
}  # fmt: skip
BATCH_ARTICLES = 8  # articles whose sentences share one parser batch
PARSE_BATCH_SENTENCES = 256  # bigger parser batches amortise its per-batch overhead (bench/throughput.py)
SHORT_REPORT_SENTENCES = 5  # the "one to five sentences, like an ACLED note"
_VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# what an attack that killed people never is (bodies found, looting or a riot may come with deaths)
_NO_DEADLY_ATTACK = {
    "Agreement",
    "Change to group/activity",
    "Headquarters or base established",
    "Non-violent transfer of territory",
}
_MERGE_FIELDS = (
    "source_actor",
    "target_actor",
    "location",
    "casualties",
    "mode",
    "acled_type",
    "acled_subtype",
)


@dataclass
class Resources:
    """Everything `extract` reads, loaded once per process."""

    kb: ActorKB
    geoparser: Geoparser
    lexicon: Lexicon

    @classmethod
    def load(cls, actor_files: Sequence[Path] = ()) -> Resources:
        return _load_resources(tuple(Path(p) for p in actor_files))


@lru_cache(maxsize=4)
def _load_resources(actor_files: tuple[Path, ...]) -> Resources:
    load_nlp()
    return Resources(
        kb=ActorKB.load(extra=actor_files),
        geoparser=Geoparser(Gazetteer.open()),
        lexicon=load_lexicon(),
    )


def extract(
    text: str | Article,
    *,
    published: date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    resources: Resources | None = None,
) -> Extraction:
    """Extract every event of one article. `text` is the body (or an Article); spans index into it."""
    article = (
        text
        if isinstance(text, Article)
        else Article(id=id or "", title=title, text=text, published=published, source=source, url=url)
    )
    return extract_article(article, resources or Resources.load())


def extract_article(article: Article, resources: Resources) -> Extraction:
    """`extract` for an Article, never raising: a failure becomes the Extraction's `errors`."""
    return extract_articles([article], resources)[0]


def extract_articles(articles: Sequence[Article], resources: Resources) -> list[Extraction]:
    """`extract_article` for several articles whose sentences go through the parser in one batch: the
    parser runs about 20% faster on bigger batches, and each sentence parses the same either way.
    Never raises; one article's failure is that article's `errors` only."""
    started: list[tuple[ArticleMeta, _StoryExtractor | Extraction]] = []
    for article in articles:
        meta = ArticleMeta(**article.model_dump(exclude={"text"}))
        problem = _check_text(article.text)
        if problem:
            started.append((meta, Extraction(article=meta, errors=[problem])))
            continue
        try:
            story = _StoryExtractor(article, resources)
            story.prepare()
            started.append((meta, story))
        except Exception as exc:  # one bad article never stops a batch
            started.append((meta, _failure(meta, exc)))
    stories = [item for _, item in started if isinstance(item, _StoryExtractor)]
    try:
        parse_sentences([s for story in stories for s in story.to_parse], batch_size=PARSE_BATCH_SENTENCES)
    except Exception:  # each article parses what is left on its own below, and reports its own failure
        log.warning("batch parse failed; parsing article by article")
    results = []
    for meta, item in started:
        if isinstance(item, Extraction):
            results.append(item)
            continue
        try:
            results.append(item.finish(meta))
        except Exception as exc:
            results.append(_failure(meta, exc))
    return results


def _failure(meta: ArticleMeta, exc: Exception) -> Extraction:
    log.exception("article %s failed", meta.id)
    return Extraction(article=meta, errors=[f"extraction failed: {type(exc).__name__}: {exc}"])


def _check_text(text: str) -> str | None:
    if not text or not text.strip():
        return "empty text"
    if len(text) > MAX_TEXT_CHARS:
        return f"text too long ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})"
    if "\x00" in text:
        return "binary content (NUL characters in text)"
    return None


class _StoryExtractor:
    """The state of one article while it is being read (discarded afterwards)."""

    def __init__(self, article: Article, res: Resources) -> None:
        self.article = article
        self.res = res
        self.text = article.text
        stamp = when.dateline_ref(self.text)
        self.published = article.published or (stamp.value if stamp else None)
        self.stamp_span = stamp.span if stamp else None
        self.actors = StoryActors(res.kb)
        self.recent_place: tuple[int, Place] | None = None  # the last located event's sentence and place
        self.recent_date: tuple[int, int, TimeRef] | None = None  # the last dated event's sentence, paragraph
        self.inherited_dates: dict[str, TimeRef] = {}  # undated events' days from the sentence before
        # the story context ACLED's classifier reads: built once, so its per-story cache hits
        self.acled_context = self.text[:2000]
        self.acled_context_lower = self.acled_context.lower()

    def run(self, meta: ArticleMeta) -> Extraction:
        self.prepare()
        return self.finish(meta)

    def prepare(self) -> None:
        """The cheap first pass: sentences, KB matches, and which sentences are worth parsing
        (`to_parse`, which the caller may parse together with other articles' sentences)."""
        self.sentences = segment(self.text, self.article.title)
        for s in self.sentences:
            self.actors.scan(s)
        self.selected = [s for s in self.sentences if self._worth_parsing(s)]
        self.title_sentences = segment(self.article.title) if self.article.title else []
        for k, s in enumerate(self.title_sentences):
            s.index = -1 - k  # title sentences never share an index (or offsets) with the body
            self.actors.scan(s)  # the headline counts towards the story's country
        self.to_parse = self.selected + self.title_sentences
        for s in self.to_parse:
            if title_cased(s.doc):
                s.extra["lowered"] = self._common_words(s)

    def _common_words(self, sentence: Sentence) -> set[int]:
        """The tokens of a title-cased headline that are event, toll or function words, not part of a
        name the KB knows: the parser reads them in lower case ("Syrian Army kills 40 ...")."""
        named, roles = set(), set()
        for m in self.actors.matches.get(sentence.index, []):
            (roles if m.entry.kind == "role" else named).update(range(m.start, m.end))
        surface = self.res.lexicon.surface
        return {
            t.i
            for t in sentence.doc
            if t.i not in named
            and not t.is_lower
            and (
                t.i in roles or t.lower_ in surface or t.lower_ in CASUALTY_CUES or t.lower_ in FUNCTION_WORDS
            )
        }

    def finish(self, meta: ArticleMeta) -> Extraction:
        """Everything after the parse: actors, places, events, their order."""
        sentences, selected, title_sentences = self.sentences, self.selected, self.title_sentences
        parse_sentences(self.to_parse)  # a no-op when a batch already parsed them
        kb_mentions = [a for s in sentences for a in self.actors.kb_actors(s)]
        for actor in kb_mentions:
            if not _in_place_phrase(self.text, actor):
                self.actors.remember(actor)
        # a named group, organisation or person is never a place ("Hamas" is not Hamm); a one-word
        # country or capital is both, and the geoparser decides; so is a longer capital's name ("Tel
        # Aviv"), and a longer country's where the text puts something in it ("in Burkina Faso"): named
        # as a government ("the United States said"), it would only vote for its towns in the geoparser
        org_spans = [
            a.span
            for a in kb_mentions
            if a.span
            and ((len(a.text.split()) > 1 and not self._place_named_as_such(a)) or self._no_place(a))
        ]
        org_spans += _person_names(sentences, self.actors)
        places = self.res.geoparser.toponyms(sentences, self.text, exclude=org_spans)
        self.places = places
        # where a story was filed ("BEIRUT (AFP) -") or where an organisation sits ("London-based") is
        # never where its events happened
        self.locatable = [
            p for p in places if not self._dateline(p) and not self._seat(p) and not self._neighbour(p)
        ]
        # "Baku was ready to ...", "Armenia's prime minister": a government acting is nobody's location,
        # not even the story's fallback place
        parsed = [s for s in sentences if s.parsed]
        acting = {p.span for p in self.locatable for s in parsed if _acting_place(s, p)}
        acting |= {p.span for p in self.locatable if _institution_of(self.text, p)}
        self.locatable = [p for p in self.locatable if p.span not in acting]
        self.headline_place = self._headline_place(title_sentences)
        self.actors.place_countries.update(
            code
            for p in self.locatable
            if p.kind == "toponym"
            and p.precision != "country"
            and p.country
            and (code := _alpha3(p.country)) is not None
        )  # countries themselves are counted among the KB's mentions already
        self.actors.place_starts = {
            p.span[0]: _alpha3(p.country) or ""
            for p in places
            if p.kind == "toponym" and p.span and p.country
        }
        self.place_texts = {p.text.lower() for p in places if p.kind == "toponym"}
        self.country_texts = {
            p.text.lower() for p in places if p.kind == "toponym" and p.precision == "country"
        }
        self.story_date = self._story_date(sentences)
        # an ACLED-style note: a few sentences about one act, with no headline of a news story
        self.is_note = (
            not title_sentences and sum(1 for s in sentences if s.text.strip()) <= SHORT_REPORT_SENTENCES
        )
        for sentence in selected:  # subjects first, so "its"/"the group" can refer back to them
            for tok in sentence.doc:
                if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ in {"PROPN", "NOUN"}:
                    self.actors.resolve(sentence, tok)
        events: list[tuple[Event, Sentence, Trigger]] = []
        previous_claim: Claim | None = None
        for sentence in sentences:
            if not sentence.parsed:
                continue
            in_sentence = []
            # "the Group for the Support of Islam and Muslims", "Popular Mobilisation Forces": words inside
            # a name are no acts (but "Russian air strikes" ends in one)
            names = [
                (m.start, m.end) for m in self.actors.matches.get(sentence.index, []) if m.end - m.start > 2
            ]
            for trig in find_triggers(sentence.doc, self.res.lexicon):
                if any(a <= trig.token.i < b - 1 for a, b in names):
                    continue
                event = self._event(sentence, trig, previous_claim)
                previous_claim = event.claim or previous_claim
                in_sentence.append((event, sentence, trig))
            events.extend(_merge_same_act(in_sentence))
        events = _drop_back_references(_credit_claimed_acts(self._fold_tolls(events)))
        for event_id in _same_act_named_again(events):
            self.inherited_dates.pop(event_id, None)
        self._credit_bare_claims(events, sentences)
        _hedge_unverified(events, sentences)
        self._attach_casualties(sentences, events)
        # the headline's acts, read once: they rank the body's events and may name the main one's doer
        title_triggers = [(t, find_triggers(t.doc, self.res.lexicon)) for t in title_sentences]
        ordered = self._by_salience(events, title_sentences, title_triggers, sentences)
        self._doer_from_headline(ordered, title_triggers)
        self._complete_main_casualties(ordered, sentences)
        self._code_short_report(ordered, sentences)
        for event in ordered:
            event.date = self.inherited_dates.get(event.id, event.date)
        actors = _unique_actors(
            [a for e in ordered for a in (e.source_actor, e.target_actor) if a] + kb_mentions
        )
        return Extraction(article=meta, events=ordered, actors=actors, places=places)

    def _code_short_report(self, ordered: list[Event], sentences: list[Sentence]) -> None:
        """A short report (an ACLED-style note of up to five sentences) is about one act, and ACLED codes
        the reported act rather than the report. The main event's category is checked against the whole
        report (`_report_category`): the report's cue words fill in when the parse found only a statement
        about the act ("officials accused the army of dropping chlorine"), and the learned classifier
        overrules both when it is confident. With no event at all, the report becomes one event of its
        own, known by its first sentence (no trigger)."""
        body = [s for s in sentences if s.text.strip()]
        if not body or len(body) > SHORT_REPORT_SENTENCES:
            return
        main = ordered[0] if ordered else None
        if self.title_sentences and main is not None and main.acled_subtype is not None:
            return  # a headline already named the main event, and its own words coded it
        if self.title_sentences and main is not None and main.event_type in VERBAL_TYPES | {"SANCTION"}:
            return  # a headlined story about sanctions or words is no note about a violent act
        # "Troops entered Kherson ... No fighting was reported": a denial after the lead is no main event
        negated_main = main is not None and main.negated and main.span[0] >= body[0].end
        if negated_main:
            main = None
        first = body[0]
        category = self._report_category(main, negated_main, first)
        if category is None:
            return
        plover, acled_type, sub = category
        told = next(
            (
                e
                for e in ordered[1:]
                if e.acled_subtype == sub
                and not e.negated
                and e.source_actor
                and (main is None or not _same_sentence(main.span, e.span, body))
                and _news_after_background(e, main, body)
            ),
            None,
        )
        if told is not None and (main is None or main.acled_subtype != sub):
            # the report's act was told with its doer in a sentence of its own, just not ranked first
            # (background first, then the news): it becomes the main event with its own actors, place and
            # date, rather than lending its category to the background event. Within one sentence the
            # main verb stays first ("Kenya blamed al-Shabaab for the bombing"), a bare toll ("in all 40
            # people were killed") says less than the main event it would replace, and an undated remark
            # ("the army has been fighting IS for years") is background, not news.
            ordered.remove(told)
            ordered.insert(0, told)
            return
        if main is not None:
            main.acled_type, main.acled_subtype = acled_type, sub
            return
        place = next((p for p in self.locatable if _in_sentence(first, p)), None)
        found = casualty_parser.find_casualties(first.text, offset=first.start) if plover == "ASSAULT" else []
        ordered.insert(
            0,
            Event(
                id=_event_id(self.article.id, (first.start, first.end), plover),
                event_type=plover,
                mode=assault_mode(first.text.lower()) if plover == "ASSAULT" else None,
                acled_type=acled_type,
                acled_subtype=sub,
                location=place,
                date=self.story_date,
                casualties=casualty_parser.merge_casualties(found) if found else None,
                sentence=first.text,
                span=(first.start, first.end),
                confidence=0.3,
            ),
        )

    def _report_category(
        self, main: Event | None, negated_main: bool, first: Sentence
    ) -> tuple[str, str, str] | None:
        """(PLOVER type, ACLED type, sub-type) of a short report: the main event's own category or the
        report's cue words, unless the learned classifier (`acled_model`) confidently reads the report
        otherwise. Cue words never give a category that names violence to a verbal main event ("the US
        armed the rebels with missiles" reports no missile attack: the classifier, which reads every word,
        is not bound by this); nothing violent is given when the main event is a denial after the lead."""

        def allowed(acled_type: str) -> bool:
            if negated_main and acled_type in _VIOLENT_ACLED:
                return False  # the violence the words name is the one the report says did not happen
            verbal = main is not None and main.event_type in VERBAL_TYPES - {"ACCUSE"}
            return not (verbal and acled_type in _VIOLENT_ACLED)

        if main is not None and main.acled_subtype is not None:
            rules = (main.event_type, main.acled_type, main.acled_subtype)
        else:
            rules = story_category(self.text)
            if rules[2] is not None and not allowed(rules[1]):
                rules = (None, None, None)
        minimum = ALONE_MINIMUM if main is not None else NEW_EVENT_MINIMUM
        learned = second_opinion(self.text, rules[2], minimum)
        if learned is not None and not (negated_main and SUBTYPES[learned] in _VIOLENT_ACLED):
            # "ambushed a patrol, killing four soldiers" and then talks and a state of emergency: the words
            # of the background do not make the deadly attack the parse found a strategic development
            deadly = main is not None and main.event_type == "ASSAULT" and _killed(main) > 0
            if not (deadly and rules[1] in _VIOLENT_ACLED and learned in _NO_DEADLY_ATTACK):
                return plover_for(learned, first.text), SUBTYPES[learned], learned
        return rules if rules[2] is not None else None

    def _coordinated(self, sentence: Sentence, head, first: Actor) -> list[Actor]:
        """The actors coordinated with a source's or target's head ("Russia and China will ask ...",
        "urged Iran, France and Britain to ..."), each resolved as its own mention; places stay places."""
        out: list[Actor] = []
        todo = [c for c in head.children if c.dep_ == "conj"]
        while todo:
            tok = todo.pop(0)
            todo += [c for c in tok.children if c.dep_ == "conj"]
            if tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            actor = self.actors.resolve(sentence, tok)
            if actor is None or self._is_place(actor) or actor.span == first.span:
                continue
            if first.span and actor.span and first.span[0] <= actor.span[0] < first.span[1]:
                continue  # already inside the first one's own mention
            out.append(actor)
        return out

    def _place_named_as_such(self, actor: Actor) -> bool:
        """A capital's name, or a country's where the text puts something in it ("in Burkina Faso")."""
        if self.actors.names_a_capital(actor):
            return True
        return self.actors.names_a_country(actor) and _in_place_phrase(self.text, actor)

    def _no_place(self, actor: Actor) -> bool:
        return bool(actor.kb_id) and never_a_place(self.res.kb.entry(actor.kb_id))

    def _doer_from_headline(
        self, ordered: list[Event], title_triggers: list[tuple[Sentence, list[Trigger]]]
    ) -> None:
        """ "Regime airstrikes kill 61 civilians" over a body that only says "airstrikes on a market
        killed 61": the headline names who did the main event. When the body names no doer, or only a
        role of no side ("airstrikes"), the headline's doer (a group, government or force the KB knows,
        not a bare demonym) becomes the main event's source, without a span (the title is not part of
        the text), where the headline's grammar is sure of it (`_headline_doer_is_sure`). A bare role of
        the same side ("Fighters" under "JNIM fighters kill ...") takes the headline's name too."""
        main = ordered[0] if ordered else None
        if main is None or main.event_type not in ("ASSAULT", "COERCE"):
            return
        body_doer = main.source_actor
        # "Fighters killed 30 soldiers" under "JNIM fighters kill dozens of soldiers": the same side, named
        same_side_role = body_doer is not None and (body_doer.kb_id or "").startswith("role.")
        if body_doer is not None and not _sideless_role(body_doer) and not same_side_role:
            return
        for s, triggers in title_triggers:
            for trig in triggers:
                if trig.event_type != main.event_type or trig.source is None:
                    continue
                if not _headline_doer_is_sure(trig):
                    continue
                doer = self.actors.resolve(s, trig.source)
                if doer is None or not doer.kb_id or doer.kb_id.isupper() or self._is_place(doer):
                    continue
                if main.source_actor is not None and _sideless_role(doer):
                    continue  # "Airstrikes" over "airstrikes": nothing to sharpen
                if (
                    body_doer is not None
                    and not _sideless_role(body_doer)
                    and doer.sector != body_doer.sector
                ):
                    continue  # "rebels" in the body, the army in the headline: another side
                main.source_actor = doer.model_copy(update={"span": None})
                return

    def _title_actors(self, title_sentences: list[Sentence]) -> set[str]:
        """KB ids of the named actors in the headline (not role words), with what they belong to."""
        ids: set[str] = set()
        for s in title_sentences:
            for m in self.actors.matches.get(s.index, []):
                if m.entry.kind != "role":
                    ids |= {m.entry.kb_id, *(e.kb_id for e in self.res.kb.ancestors(m.entry.kb_id))}
        return ids

    def _named_in(self, actor: Actor | None, ids: set[str]) -> bool:
        if actor is None or not actor.kb_id or not ids:
            return False
        return actor.kb_id in ids or any(e.kb_id in ids for e in self.res.kb.ancestors(actor.kb_id))

    def _casualties(self, sentence: Sentence) -> list[Casualties]:
        """Casualty statements of a sentence, computed once however many events it holds."""
        if "casualties" not in sentence.extra:
            sentence.extra["casualties"] = casualty_parser.find_casualties(
                sentence.text, offset=sentence.start
            )
        return sentence.extra["casualties"]

    def _times(self, sentence: Sentence, future: bool) -> list[TimeRef]:
        """Time expressions of a sentence, computed once per sentence (and per tense), not once per event."""
        key = ("times", future)
        if key not in sentence.extra:
            anchor = self._day_before(sentence) if when.anchored(sentence.text) else None
            sentence.extra[key] = when.find_times(
                sentence.text, self.published, offset=sentence.start, future=future, anchor=anchor
            )
        return sentence.extra[key]

    def _day_before(self, sentence: Sentence) -> date | None:
        """The last day the story names before a sentence that counts days from it ("Two days earlier,
        ..."), within ANCHOR_SENTENCES sentences."""
        before = [s for s in self.sentences if s.index < sentence.index][-ANCHOR_SENTENCES:]
        for s in reversed(before):
            days = [t.value for t in self._times(s, future=False) if t.precision == "day"]
            if days:
                return days[-1]
        return None

    def _worth_parsing(self, sentence: Sentence) -> bool:
        words = set(_WORDS.findall(sentence.text.lower()))
        return bool(words & self.res.lexicon.surface) or bool(words & CASUALTY_CUES)

    def _recent_date(self, sentence: Sentence) -> TimeRef | None:
        """The day of the last dated event just before, in the same paragraph: "Police detained 20
        protesters" after "Hundreds marched on Tuesday" happened that Tuesday, not on the story's first
        date."""
        if self.recent_date is None:
            return None
        index, paragraph, ref = self.recent_date
        return (
            ref
            if paragraph == sentence.paragraph and sentence.index - index <= RECENT_DATE_SENTENCES
            else None
        )

    def _story_date(self, sentences: list[Sentence]) -> TimeRef | None:
        """The first day-precise date of the story: the anchor for events with no date of their own."""
        for s in sentences[:6]:
            for t in self._times(s, future=False):
                if t.precision == "day":
                    return t
        return None

    def _event(self, sentence: Sentence, trig: Trigger, previous_claim: Claim | None) -> Event:
        tok = trig.token
        start = min(t.idx for t in trig.tokens)
        end = max(t.idx + len(t) for t in trig.tokens)
        span = sentence.span(start, end)
        source = self.actors.resolve(sentence, trig.source) if trig.source is not None else None
        if source is not None and _page_furniture(source, self.stamp_span):
            source = None  # "Tags Syria Aleppo civilians ...", "Mon Jul 18 2016 34 Terrorists": no one acted
        target = self.actors.resolve(sentence, trig.target) if trig.target is not None else None
        if target is not None and _time_phrase(target.text):
            target = None  # "slammed into a district on Monday afternoon": a time is nobody
        if source is not None and self._owner_of_place(source):
            source = None  # "six killed in Iraq's Mosul car bombing": Mosul's country, not the bomber
        place_slot = next((a for a in (target, source) if a is not None and self._is_place(a)), None)
        source = None if source is not None and self._is_place(source) else source
        if target is not None and self._is_place(target):
            # "lifted a state of emergency in West Darfur State": a measure's territory is what it is
            # taken against or for; an attack's or a march's is only where it happened
            target = self._territory(target) if trig.event_type in TERRITORY_TARGETS else None
        if target is not None and source is not None and target.span == source.span:
            target = None
        if source is not None:
            source = _with_bare_conjuncts(sentence, trig.source, source)
        if target is not None:
            target = _with_bare_conjuncts(sentence, trig.target, target)
        co_sources = self._coordinated(sentence, trig.source, source) if source is not None else []
        co_targets = self._coordinated(sentence, trig.target, target) if target is not None else []
        attribution = attribute(sentence, tok, self.actors, previous_claim)
        source = _speakers_own_forces(source, attribution.claim)
        lower = sentence.text.lower()
        mode = trig.mode
        if trig.event_type == "ASSAULT":
            mode = assault_mode(lower) or mode
        future = attribution.stance == "future" or (attribution.stance == "planned" and not _past_plan(tok))
        times = self._times(sentence, future=future)
        # the dateline glued to the first sentence is the publication date, not this event's own date
        own = [t for t in times if not _overlaps(t.span, self.stamp_span)] or times
        # "The junta, which seized power in 2022, has vowed ...": a relative clause's date is its own
        own = [t for t in own if not _in_other_clause(sentence, t.span, trig.token)]
        # "said on Thursday it had fired missiles the day before": the act's own date, not the telling's
        own = [t for t in own if not _date_of_telling(sentence, t.span, tok)] or own
        date_ref = _nearest(own, span[0])
        inherited = None
        if date_ref is not None and date_ref.precision == "day" and trig.event_type not in VERBAL_TYPES:
            self.recent_date = (sentence.index, sentence.paragraph, date_ref)
        elif date_ref is None:
            inherited = self._recent_date(sentence)
        date_ref = date_ref or self.story_date
        location = self._location(sentence, trig, span[0], place_slot, [source, *co_sources])
        # "families fled towards Burundi": people on the move are not from where they are heading
        heading = trig.event_type in {"RETREAT", "MOBILIZE"} and _destination(self.text, location)
        source = source if heading else _local_people(source, location)
        target = _local_people(target, location)
        claim = attribution.claim
        official = claim.source if claim is not None else None
        precise = location is not None and location.precision in {"city", "admin1", "exact"}
        if claim is not None and official is not None and official.kb_id == "role.local_gov" and precise:
            local = _local_people(official, location)  # "regional governor Ivan Fedorov said"
            if local is not official:
                attribution.claim = claim.model_copy(update={"source": local})
        found = self._casualties(sentence) if trig.event_type == "ASSAULT" else []
        cas = casualty_parser.merge_casualties(found) if found else None
        acled_type, acled_subtype = classify_acled(
            sentence.text,
            self.acled_context,
            trig.event_type,
            mode,
            source.sector if source else None,
            target.sector if target else None,
            cas.killed if cas else None,
            text_lower=self.acled_context_lower,
            note=self.is_note,
        )
        if trig.event_type in VERBAL_TYPES and acled_type in _VIOLENT_ACLED:
            acled_type, acled_subtype = None, None  # "denied assisting the YPG" is no armed clash
        if attribution.negated and acled_type not in {None, "Protests", "Riots"}:
            # "No gunfire was reported", "No arrests have been made": nothing of the kind took place (a
            # crowd that "did not disperse" still protested)
            acled_type, acled_subtype = None, None
        if attribution.stance in {"planned", "future"} and acled_type in _VIOLENT_ACLED:
            acled_type, acled_subtype = None, None  # "Ankara plans an assault": ACLED codes what happened
        confidence = _confidence(trig, source, target, location, attribution.stance)
        event_id = _event_id(self.article.id, span, trig.event_type)
        if inherited is not None:
            self.inherited_dates[event_id] = inherited  # set after ranking: salience reads own dates only
        return Event(
            id=event_id,
            event_type=trig.event_type,
            mode=mode,
            acled_type=acled_type,
            acled_subtype=acled_subtype,
            source_actor=source,
            target_actor=target,
            co_sources=co_sources,
            co_targets=co_targets,
            location=location,
            date=date_ref,
            casualties=cas,
            claim=attribution.claim,
            negated=attribution.negated,
            trigger=TriggerModel(
                text=self.text[span[0] : span[1]], span=span, lemma=trigger_lemma(tok, self.res.lexicon)
            ),
            sentence=sentence.text,
            span=(sentence.start, sentence.end),
            confidence=confidence,
        )

    def _headline_place(self, title_sentences: list[Sentence]) -> Place | None:
        """ "Protesters storm parliament in Nairobi" over a body that names no place of its own: the
        headline's place is where the story happened (without a span: the title is not the text)."""
        if not title_sentences or self.article.title is None:
            return None
        if any(p.kind == "toponym" and p.lat is not None for p in self.locatable):
            return None
        found = self.res.geoparser.toponyms(title_sentences, self.article.title)
        place = story_focus([p for p in found if p.lat is not None])
        return place.model_copy(update={"span": None}) if place is not None else None

    def _remember_place(self, sentence: Sentence, place: Place, trig: Trigger) -> None:
        """The place a following sentence with no place of its own continues: that of a material event,
        inside the event's own clause ("air strikes hit Saraqeb"), precise enough to say more than the
        country. Statements are left out: where a spokesman spoke ("said in London") is not where the
        story goes on, and neither is a place elsewhere in the sentence ("a London-based monitor")."""
        sea = place.feature_class == "H" and place.country is None  # "in the Gulf of Aden"
        if trig.event_type in VERBAL_TYPES or (
            place.precision not in {"city", "admin1", "exact"} and not sea
        ):
            return
        tok = trig.token
        left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        if place.span and left <= place.span[0] - sentence.start < right:
            self.recent_place = (sentence.index, place)

    def _dateline(self, place: Place) -> bool:
        """ "BEIRUT (AFP) -" opens a story with where it was filed, not where the event happened."""
        if place.span is None or place.span[0] > DATELINE_CHARS:
            return False
        after = self.text[place.span[1] : place.span[1] + 40]
        return (place.text.isupper() and len(place.text) > 2) or bool(_DATELINE_TAIL.match(after))

    def _seat(self, place: Place) -> bool:
        """ "the London-based Observatory", "a China-brokered truce": where an organisation sits, or who
        brokers or backs."""
        return place.span is not None and bool(SEAT.match(self.text, place.span[1]))

    def _neighbour(self, place: Place) -> bool:
        """ "near the border with Venezuela": the country across the border is not where it happened."""
        if place.span is None:
            return False
        return (
            self.text[max(0, place.span[0] - 16) : place.span[0]]
            .lower()
            .endswith(("border with ", "borders with "))
        )

    def _is_place(self, actor: Actor) -> bool:
        """ "fleeing Raqqa": a toponym in an argument slot is where the event happened, not who took part."""
        text = actor.text.lower().removeprefix("the ")
        part = _DIRECTION_WORDS.sub("", text)
        if part != text and part in self.place_texts and part not in self.country_texts:
            return True  # "central Nairobi": a part of a city, not its government ("south Lebanon" may be)
        return not actor.kb_id and text in self.place_texts

    def _place_named(self, actor: Actor) -> Place | None:
        """The story's toponym an argument slot names ("fleeing Raqqa", "in the Gaza Strip")."""
        text = actor.text.lower().removeprefix("the ")
        return next((p for p in self.places if p.kind == "toponym" and p.text.lower() == text), None)

    def _territory(self, place: Actor) -> Actor:
        """A place as the target of a measure: its text, and the country it lies in."""
        found = self._place_named(place)
        country = _alpha3(found.country) if found is not None and found.country else None
        return place.model_copy(update={"country": country, "confidence": 0.5})

    def _owner_of_place(self, actor: Actor) -> bool:
        """ "Syria's Aleppo", "Iraq's Mosul": a country in the possessive before one of its own places
        names where, not who ("Russia's Aleppo campaign" is Russia's doing: Aleppo is not in Russia)."""
        if actor.span is None or actor.kb_id != actor.country or not actor.text.endswith(("'s", "’s")):
            return False
        return any(
            p.span is not None
            and p.kind == "toponym"
            and 0 < p.span[0] - actor.span[1] <= 2
            and p.country
            and _alpha3(p.country) == actor.country
            for p in self.places
        )

    def _location(
        self, sentence: Sentence, trig: Trigger, offset: int, place_slot: Actor | None, doers: list
    ) -> Place | None:
        """Where the event happened: a toponym in an argument slot ("storm Raqqa") first, else the geoparser's
        choice among the places that are not the acting government's metonym ("Ankara plans ...")."""
        place = self._place_named(place_slot) if place_slot is not None and place_slot.span else None
        if place is not None:
            found = place.model_copy(update={"text": place_slot.text, "span": place_slot.span})
            self._remember_place(sentence, found, trig)
            return found
        acting = {p.text.lower() for p in self.places if _acting_place(sentence, p)}
        # "Turkey views the YPG as ..., a group Turkey is fighting": once a government acts in a
        # sentence, its other mentions there are the same actor, not the event's place
        candidates = [
            p
            for p in self.locatable
            if not (p.text.lower() in acting and _in_sentence(sentence, p))
            and not (
                p.span
                and any(a is not None and _overlaps(p.span, a.span) for a in doers)
                and not _inside_after_in(self.text, p.span, doers)
            )  # "Damascus forces", "troops from Chad" name who; "police in Kogi State" also where
        ]
        place = self.res.geoparser.event_location(sentence, offset, candidates)
        if place is not None and _in_sentence(sentence, place):
            self._remember_place(sentence, place, trig)
        elif (
            self.recent_place is not None and sentence.index - self.recent_place[0] <= RECENT_PLACE_SENTENCES
        ):
            # "The attack killed 18 people" after "Air strikes hit a town in Idlib province": a sentence
            # that names no place continues the story where the previous sentences left it
            previous = self.recent_place[1]
            return previous.model_copy(update={"score": round(min(previous.score, 0.6), 3)})
        if place is not None and place.precision == "country":
            # "an attack in Syria" in a story about Idlib: the story's own specific place in that country
            # is the better estimate (kept with the lower score of an inference)
            focus = story_focus([p for p in self.locatable if p.country == place.country])
            if focus is not None and focus.precision in {"city", "admin1", "exact"}:
                return focus.model_copy(update={"score": round(min(focus.score, 0.5), 3)})
        return place or self.headline_place

    def _credit_bare_claims(
        self, events: list[tuple[Event, Sentence, Trigger]], sentences: list[Sentence]
    ) -> None:
        """ "Militants attacked a police post ... The TTP claimed responsibility.": a named group claiming
        responsibility for nothing named owns the last violent act of the two sentences before, when
        that act's doer is faceless."""
        for sentence in sentences:
            subject = _bare_claimant(sentence) if sentence.parsed else None
            claimant = self.actors.resolve(sentence, subject) if subject is not None else None
            if claimant is None or claimant.kb_id is None or claimant.kb_id.startswith("role."):
                continue
            earlier = [
                e
                for e, s, _ in events
                if e.event_type == "ASSAULT"
                and sentence.index - 2 <= s.index < sentence.index
                and not e.negated
            ]
            if earlier and _faceless(earlier[-1].source_actor):
                earlier[-1].source_actor = claimant

    def _fold_tolls(
        self, events: list[tuple[Event, Sentence, Trigger]]
    ) -> list[tuple[Event, Sentence, Trigger]]:
        """ "Rioters pelted police with stones. Several officers were injured.": a sentence that only counts
        the victims of the violent act told in one of the two sentences before it (no actor, no place of
        its own) is that act, not a second one; its toll joins the act."""
        kept: list[tuple[Event, Sentence, Trigger]] = []
        for item in events:
            event, sentence, trig = item
            # the last violent act told, even with a statement about it in between ("security forces
            # ended the siege on Saturday. More than 20 people were wounded.")
            prev = next((k for k in reversed(kept) if k[0].event_type == "ASSAULT"), None)
            if (
                prev is not None
                and event.event_type == "ASSAULT"
                and event.source_actor is None
                and prev[0].source_actor is not None
                and not event.negated
                and prev[1].index < sentence.index <= prev[1].index + 2
                and event.casualties is not None
                and trig.token.lemma_.lower() in TOLL_VERBS
                and not any(sentence.start <= p.span[0] < sentence.end for p in self.locatable if p.span)
                and not _CONTESTED.search(sentence.text)
            ):
                first = prev[0]
                found = [c for c in (first.casualties, event.casualties) if c is not None]
                first.casualties = casualty_parser.merge_casualties(found)
                hurt = event.target_actor
                own_side = hurt is not None and first.source_actor.sector == hurt.sector is not None
                if first.target_actor is None and not own_side:  # not "12 police officers were injured"
                    first.target_actor = hurt  # after "riot police fired tear gas": hurt by the crowd
                continue
            kept.append(item)
        return kept

    def _attach_casualties(
        self, sentences: list[Sentence], events: list[tuple[Event, Sentence, Trigger]]
    ) -> None:
        """Casualty statements in a sentence with no violent event ("The death toll rose to 30") belong to
        the nearest preceding ASSAULT event of the story (or the next one, if none precedes)."""
        violent = [(e, s) for e, s, _ in events if e.event_type == "ASSAULT"]
        if not violent:
            return
        with_violence = {s.index for _, s in violent}
        for s in sentences:
            if s.index in with_violence or not s.parsed:
                continue
            # "Police detained 45 people" is an arrest of its own, not a toll of the attack before it
            found = [c for c in self._casualties(s) if c.killed or c.wounded or c.missing or c.abducted]
            found = [c.model_copy(update={"arrested": None}) for c in found]
            if not found:
                continue
            before = [e for e, vs in violent if vs.index < s.index]
            # "Civil defence put the toll at 31": a new count of dead updates the act already counted
            counted = [e for e in before if e.casualties is not None and e.casualties.killed]
            if any(c.killed for c in found) and counted and _toll_word(s.text):
                before = counted
            event = before[-1] if before else violent[0][0]
            merged = casualty_parser.merge_casualties(
                ([event.casualties] if event.casualties else []) + found
            )
            event.casualties = merged

    def _complete_main_casualties(self, ordered: list[Event], sentences: list[Sentence]) -> None:
        """The story's main violent event carries the lead's toll and its breakdown ("22 dead ..." then
        "six civilians were among at least 22 people killed"), see `casualties.complete_from_lead`."""
        main = next((e for e in ordered if e.event_type == "ASSAULT"), None)
        if main is None:
            return
        # "... injuring three in Lviv. In Kherson, shelling killed a man": a lead sentence whose own act
        # with its own toll happened in another region is another incident
        elsewhere = {
            e.span[0]
            for e in ordered
            if e is not main
            and e.casualties is not None
            and _PLACE_OPENER.match(e.sentence)
            and _other_region(e.location, main.location)
        }
        lead: list[tuple[str, int]] = []
        counted = 0
        for s in sentences:  # a stamp or headline cut off the top of the body counts as no lead sentence
            if counted == casualty_parser.LEAD_SENTENCES:
                break
            if not any(s.start <= k < s.end for k in elsewhere):
                lead.append((s.text, s.start))
            counted += not s.extra.get("cut_off")
        main.casualties = casualty_parser.complete_from_lead(main.casualties, lead)

    def _by_salience(
        self,
        events,
        title_sentences: list[Sentence],
        title_triggers: list[tuple[Sentence, list[Trigger]]],
        sentences: list[Sentence],
    ) -> list[Event]:
        """events[0] is the story's main event: the one the headline is about, else the most material,
        best-attested event near the top of the story (photo captions count least)."""
        # "Bombs fall on Syria despite regime truce": what the news happened despite is not the news
        title_types = {
            t.event_type for _, triggers in title_triggers for t in triggers if not _conceded(t.token)
        }
        title_words = {t.lower_ for s in title_sentences for t in s.doc if t.is_alpha and len(t) > 3}
        title_killed = {
            c.killed for s in title_sentences for c in casualty_parser.find_casualties(s.text) if c.killed
        }
        title_actors = self._title_actors(title_sentences)
        captions = {s.paragraph for s in sentences if _CAPTION_END.search(s.text)}
        first_paragraph = min((s.paragraph for s in sentences if s.paragraph not in captions), default=0)
        first_sentence = min((s.index for s in sentences if s.paragraph not in captions), default=0)

        def score(item) -> float:
            event, sentence, trig = item
            # materiality only breaks near-ties: the main verb and the headline matter more
            value = 1.0 + (MATERIAL_WEIGHT.get(event.event_type, 1.0) - 1.0) * 0.3
            # the sentence's main verb carries its main event ("X accused Y of attacking Z" is an accusation)
            value += _clause_weight(trig.token)
            if event.event_type in title_types:
                value += 4.0
            if trig.token.lemma_.lower() in title_words or trig.token.lower_ in title_words:
                value += 1.0
            for actor in (event.source_actor, event.target_actor):
                if actor and any(w.lower() in title_words for w in actor.text.split()):
                    value += 0.5
            place = event.location
            if place and place.text and any(w.lower() in title_words for w in place.text.split()):
                value += 0.5  # "Warplanes pound Idlib": the headline's place too
            if self._named_in(event.source_actor, title_actors):
                value += 1.0  # "Rebel shelling kills 3 in Aleppo": the headline's perpetrator acts here
            if casualty_parser.TOPIC_SHIFT.match(sentence.text):
                value -= 1.0  # "Meanwhile, coalition jets hit Manbij": a second story told in passing
            depth = sentence.paragraph - first_paragraph
            value += max(0.0, 2.0 - 0.5 * depth)
            # the lead: wire copy often has no paragraph breaks, so sentence order counts as well
            value += max(0.0, 1.5 - 0.3 * (sentence.index - first_sentence))
            if sentence.paragraph in captions:
                value -= 3.0
            if event.claim is None or event.claim.stance == "asserted":
                value += 0.5
            if event.negated or (event.claim is not None and event.claim.stance == "denied"):
                value -= 2.0  # "Police denied using live ammunition": what did not happen is not the news
            if _background(event, sentence.text, self.published) or _conceded(trig.token):
                value -= BACKGROUND_PENALTY  # "IS has targeted Qamishli in the past": context, not the news
            if event.casualties is not None:
                value += 1.0
                if event.casualties.killed in title_killed:
                    value += 3.0  # the headline's toll names the main event
            value += event.confidence
            return value

        ranked = sorted(enumerate(events), key=lambda pair: (-score(pair[1]), pair[0]))
        return [item[0] for _, item in ranked]


_DIRECTION_WORDS = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+"
)
TOLL_VERBS = {"kill", "wound", "injure", "die", "hurt"}  # verbs of a sentence that only counts victims
BACKGROUND_PENALTY = 2.5
_BACKGROUND_CUES = re.compile(
    r"\b(?:previously|in the past|regularly|repeatedly|has long|have long|last (?:month|year)|"
    r"the (?:previous|preceding) (?:week|month|year)|"
    r"(?:months|years) (?:ago|earlier)|since (?:"
    r"the (?:start|beginning|outbreak) of|the (?:conflict|war|uprising|revolt) (?:began|started|erupted)"
    r"|(?:it|the conflict|the war) (?:began|started|erupted)|(?:early |late |mid-)?20\d\d|March 2011))\b",
    re.IGNORECASE,
)


def _other_region(place: Place | None, main: Place | None) -> bool:
    """Are two resolved places far apart (another country, or a town across the country)? A story's
    city and the villages around it are one region."""
    if place is None or main is None or not place.country or not main.country:
        return False
    if place.country != main.country:
        return True
    if None in (place.lat, place.lon, main.lat, main.lon):
        return False
    return haversine_km(place.lat, place.lon, main.lat, main.lon) > OTHER_REGION_KM


OTHER_REGION_KM = 250
# a sentence opening on a place of its own: "In the southern region of Kherson, ...", "Near Bakhmut, ..."
_PLACE_OPENER = re.compile(r"(?:In|At|Near|Outside|Across)\b[^,.]{2,60},")


def _conceded(tok: Token) -> bool:
    """Is the trigger inside a "despite" phrase ("killed ... despite promises of a truce")?"""
    for cur in [tok, *list(tok.ancestors)[:4]]:
        if cur.dep_ == "prep" and cur.lower_ in {"despite", "notwithstanding"}:
            return True
        if cur.dep_ == "prep" and cur.lower_ == "of" and cur.head.lower_ == "spite":
            return True
    return False


def _background(event: Event, sentence: str, published: date | None) -> bool:
    """An event the story recalls rather than reports: its own date lies well before publication (more
    than a week for a day, an earlier month for a month or year), or its sentence says it is habitual or
    history ("previously", "in the past", "repeatedly", "since the war began")."""
    when_ = event.date
    if when_ is not None and published is not None:
        age = (published - when_.value).days
        if when_.precision == "day" and age > 7:
            return True
        if when_.precision == "week" and age > 13:
            return True
        if when_.precision in ("month", "year") and when_.value < published.replace(day=1):
            return True
    return bool(_BACKGROUND_CUES.search(sentence))


def _clause_weight(tok) -> float:
    """How central a trigger's clause is to its sentence. The main predicate carries the sentence's event
    (under a speech verb, what is reported: "Albanians demonstrated, the radio said"), and so does an
    event noun it takes as object ("Italy announced a suspension of flights"); a clause that only sets
    the scene ("after a jet shot down a helicopter", "where 24 people were killed") counts less."""
    root = tok.sent.root
    mains = {root}
    if root.lemma_.lower() in SPEECH_LEMMAS:
        mains |= {c for c in root.children if c.dep_ in {"ccomp", "parataxis"}}
    mains |= {c for m in list(mains) if _reports_that(m) for c in m.children if c.dep_ == "ccomp"}
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _after_speech_verb(tok):
        return -1.0  # "..., the army said, blaming FARC dissidents": the speaker's aside, not the news
    mains |= {c for m in list(mains) for c in m.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}}
    if tok in mains:
        return 2.5
    gerund = tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass"}  # "Fighting near Manbij killed 22"
    if (
        tok.head in mains
        and tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"}
        and (tok.pos_ == "NOUN" or gerund)
    ):
        return 2.0
    if tok.head in mains and tok.dep_ in {"xcomp", "ccomp", "conj"}:
        return 1.0
    for node in [tok, *tok.ancestors]:
        if node in mains:
            break
        if node.dep_ == "relcl" or (
            node.dep_ == "advcl" and any(c.lower_ in _SCENE_MARKS for c in node.children)
        ):
            return -1.0
        if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ in _SCENE_MARKS:
            return -1.0
    return 0.0


def _after_speech_verb(tok) -> bool:
    """ "said, blaming ...": the participle right after a speech verb and its comma."""
    before = [t for t in tok.doc[max(0, tok.i - 3) : tok.i] if not t.is_punct]
    return bool(before) and before[-1].lemma_.lower() in SPEECH_LEMMAS


def _reports_that(verb) -> bool:
    """ "A leader denounced that militiamen abused two girls": a verb of complaint with a that-clause
    reports the act, like a speech verb."""
    return verb.lemma_.lower() in COMPLAINT_VERBS and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


COMPLAINT_VERBS = {"denounce", "condemn", "complain", "protest", "decry", "lament", "charge"}


def _person_names(sentences: list[Sentence], actors: StoryActors) -> list[tuple[int, int]]:
    """Spans of people's names: the capitalised words right after a title or role ("spokesman Navy Captain
    Jeff Davis", "Colonel John Dorrian"), and later mentions of the same surname. They are not places,
    whatever the gazetteer says (there is a Davis in California)."""
    spans: list[tuple[int, int]] = []
    surnames: set[str] = set()
    for s in sentences:
        doc = s.doc
        for m in actors.matches.get(s.index, []):
            if m.entry.kb_id not in PERSON_TITLE_ROLES:
                continue  # "rebel-held Idlib", "the Observatory Reuters": no title before a name
            j = m.end
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and not doc[j].is_stop:
                j += 1
            if j - m.end >= 1:
                spans.append(s.span(doc[m.end].idx, doc[j - 1].idx + len(doc[j - 1])))
                if j - m.end >= 2:  # "Colonel John Dorrian": a lone capitalised word may be a place
                    surnames.add(doc[j - 1].text)
    for s in sentences:  # "a witness named Ahmad", "Editing by Andrew Roche"
        spans.extend(s.span(m.start(1), m.end(1)) for m in _NAMED_PERSON.finditer(s.text))
        spans.extend(s.span(m.start(1), m.end(1)) for m in _BYLINE.finditer(s.text))
    if surnames:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(surnames)) + r")\b")
        for s in sentences:
            spans.extend(s.span(m.start(), m.end()) for m in pattern.finditer(s.text))
    return spans


def _merge_same_act(items: list[tuple[Event, Sentence, Trigger]]) -> list[tuple[Event, Sentence, Trigger]]:
    """ "12 civilians were killed when air strikes hit the village": several triggers of one type in one
    sentence describe one act. Keep the best-attested one and fill its gaps from the others, unless
    their source actors differ or one is done and the other still to come (then they are different acts)."""
    kept: list[tuple[Event, Sentence, Trigger]] = []
    for item in items:
        event = item[0]
        twin = next(
            (
                k
                for k in kept
                if k[0].event_type == event.event_type and _same_actor(k[0], event) and _same_time(k, item)
            ),
            None,
        )
        if twin is None:
            kept.append(item)
            continue
        # the better-attested one leads; on a tie, one outside the main clause comes second ("a mine left
        # from previous fighting killed a shepherd": the killing, not the fighting)
        best, other = sorted(
            (twin, item),
            key=lambda it: (
                -_filled(it[0]),
                _clause_weight(it[2].token) <= 0,
                _subject_of_twin(it, twin, item),
            ),
        )
        first, second = best[0], other[0]
        for field in _MERGE_FIELDS:
            if getattr(first, field) is None and getattr(second, field) is not None:
                setattr(first, field, getattr(second, field))
        kept[kept.index(twin)] = (first, twin[1], best[2])
    return kept


def _subject_of_twin(it: tuple[Event, Sentence, Trigger], *pair: tuple[Event, Sentence, Trigger]) -> bool:
    """Whether `it` is the act noun heading the other's clause ("a car bombing killed 75"): the verb
    then names the act, and the noun lends it what it names (its doer)."""
    tok = it[2].token
    other = next(p for p in pair if p is not it)[2].token
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i == other.i and tok.doc is other.doc


_BOTH_CLAIMS = re.compile(r"\b(?:neither|both|either|claims|reports|accounts)\b", re.IGNORECASE)
_UNVERIFIED = re.compile(
    r"\b(?:could not|cannot|can't|couldn't|was unable to|were unable to) (?:be )?(?:independently )?"
    r"(?:verif|confirm)\w*|\bnot (?:been )?independently (?:verified|confirmed)\b|"
    r"\b(?:neither|none)\b(?: \w+){0,4} (?:could|can|has|have|was|were)(?: been| be)?(?: independently)? "
    r"(?:verif|confirm)\w*",
    re.IGNORECASE,
)


def _hedge_unverified(items: list[tuple[Event, Sentence, Trigger]], sentences: list[Sentence]) -> None:
    """ "The claim could not be independently verified": what the sentence before it claimed is hedged;
    "Neither claim could be verified": the two sentences before it."""
    told = [s for s in sentences if s.text.strip()]
    doubted: set[int] = set()
    for k, s in enumerate(told):
        if _UNVERIFIED.search(s.text):
            back = 2 if _BOTH_CLAIMS.search(s.text) else 1
            doubted.update(t.index for t in told[max(0, k - back) : k])
    for event, sentence, _ in items:
        if sentence.index in doubted and event.claim is not None and event.claim.stance == "asserted":
            event.claim = event.claim.model_copy(update={"stance": "hedged"})


def _credit_claimed_acts(
    items: list[tuple[Event, Sentence, Trigger]],
) -> list[tuple[Event, Sentence, Trigger]]:
    """ "A suicide bomber blew himself up ... Al-Shabaab claimed responsibility for the attack": the group
    that claims (or is blamed for) an act reported earlier by an unnamed perpetrator becomes that act's
    source, and the back-reference is no event of its own. A named perpetrator is never overwritten: a
    second group claiming the act is a competing claim and stays one."""
    kept: list[tuple[Event, Sentence, Trigger]] = []
    for item in items:
        event, sentence, trig = item
        tok = trig.token
        earlier = None
        # "... said, blaming the attack on X": a toll in the same sentence ("another 50 were wounded")
        # is part of the act named again, so it joins that act too
        named_again = tok.pos_ == "NOUN" and definite(tok) and event.target_actor is None
        if event.source_actor is not None and named_again and claimed_or_blamed(tok) is not None:
            unnamed = [
                k
                for k in kept
                if k[0].event_type == event.event_type
                and k[1].index < sentence.index
                and _unnamed(k[0].source_actor)
            ]
            # the act itself, not a later count of its victims ("the directorate put the toll at nine")
            acts = [k for k in unnamed if not _toll_word(k[1].text)] or unnamed
            earlier = acts[-1][0] if acts else None
        if earlier is None:
            kept.append(item)
        else:
            earlier.source_actor = event.source_actor
            if event.casualties is not None:
                found = [c for c in (earlier.casualties, event.casualties) if c is not None]
                earlier.casualties = casualty_parser.merge_casualties(found)
        if _self_claim(event, trig):
            # "IS said in a statement that one of its fighters blew himself up among ...": the group
            # owns an act of the same kind reported earlier by an unnamed perpetrator; its own account
            # stays an event of its own (it may describe the act otherwise)
            for other, other_sentence, _ in kept:
                if (
                    other_sentence.index < sentence.index
                    and other.acled_subtype == event.acled_subtype
                    and _faceless(other.source_actor)
                    and not _far_apart(other.location, event.location)
                ):
                    other.source_actor = event.source_actor
    return kept


def _same_act_named_again(items: list[tuple[Event, Sentence, Trigger]]) -> set[str]:
    """ "A drone strike killed 20 ... The strike hit the vehicle near Debre Markos": a definite act noun
    that an earlier sentence used for an act of the same kind is that act, and keeps its ACLED category
    (its own sentence no longer says "drone") and, having no date of its own, its day. Returns the ids
    of the events so dated."""
    dated: set[str] = set()
    for k, (event, sentence, trig) in enumerate(items):
        tok = trig.token  # the act noun, or the one a verb's subject is ("The strike hit the vehicle")
        act = tok if tok.pos_ == "NOUN" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if event.event_type != "ASSAULT" or act is None or act.pos_ != "NOUN" or not definite(act):
            continue
        word = act.lemma_.lower()
        if load_lexicon().noun(word) is None:
            continue  # "The army hit back": a doer, not the act named again
        earlier = next(
            (
                e
                for e, s, _ in reversed(items[:k])
                if e.event_type == "ASSAULT"
                and s.index < sentence.index
                and word in _WORDS.findall(s.text.lower())
            ),
            None,
        )
        if earlier is not None and earlier.acled_subtype is not None and not event.negated:
            event.acled_type, event.acled_subtype = earlier.acled_type, earlier.acled_subtype
            event.mode = earlier.mode or event.mode
        if earlier is None or sentence.index - _sentence_of(items, earlier) > 3:
            continue
        span = event.date.span if event.date is not None else None
        own_date = span is not None and sentence.start <= span[0] < sentence.end
        if earlier.date is not None and earlier.date.precision == "day" and not own_date:
            event.date = earlier.date  # "said the strike had also killed four civilians": that strike's day
            dated.add(event.id)
        if not _unnamed(earlier.source_actor) and event.source_actor is None and not event.negated:
            # "An Israeli air strike hit Mezzeh ... the monitor said the strike targeted an apartment"
            event.source_actor = earlier.source_actor
    return dated


def _sentence_of(items: list[tuple[Event, Sentence, Trigger]], event: Event) -> int:
    return next(s.index for e, s, _ in items if e is event)


def _bare_claimant(sentence: Sentence) -> Token | None:
    """The subject of "X claimed responsibility" with no "for ..." phrase (the act is the one just told)."""
    if "responsibility" not in sentence.text.lower():
        return None  # most sentences: no need to walk their tokens
    for tok in sentence.doc:
        verb = tok.head
        if tok.lower_ != "responsibility" or tok.dep_ != "dobj" or verb.lemma_.lower() not in CLAIM_VERBS:
            continue
        if any(c.dep_ == "prep" and c.lower_ in {"for", "of"} for c in (*tok.children, *verb.children)):
            return None  # "claimed responsibility for the attack": `_credit_claimed_acts` reads that one
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.dep_ == "neg" for c in verb.children):
            return None  # "X has not claimed responsibility"
        nobody = subject.lower_ in {"no", "none"} or any(c.lower_ in {"no", "none"} for c in subject.children)
        return None if nobody else subject  # not "No group claimed responsibility"
    return None


def _faceless(actor: Actor | None) -> bool:
    """No actor, or one known only by the deed ("a suicide bomber", "gunmen"), not "the regime"."""
    return actor is None or actor.kb_id in {None, "role.rebels", "role.unidentified"}


# "..., a claim the army rejected": a toll one side tells and the other disputes stays a claim of its own
_CONTESTED = re.compile(r"\b(?:claim|figure|toll|account)s? (?:that )?(?:the |its )?[\w ]{0,30}?"
                        r"(?:rejected|denied|disputed|dismissed)\b")  # fmt: skip


def _past_plan(tok) -> bool:
    """ "the plotters had planned to attack the palace on Wednesday": a plan told in the past tense was
    for a day already gone (or foiled), not the coming one."""
    plan = tok.head if tok.dep_ == "xcomp" else None
    return plan is not None and plan.tag_ in {"VBD", "VBN"}


def _far_apart(a: Place | None, b: Place | None) -> bool:
    """Two places known well enough to say they are not one scene (100 km or more apart)."""
    if a is None or b is None or a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) >= 100


def _self_claim(event: Event, trig: Trigger) -> bool:
    """Does a named group (or state) say it did this act itself ("X said one of its fighters ...",
    "the army said it shelled ...")? Only its own plain assertion counts, not a denial or a plan."""
    claim, doer = event.claim, event.source_actor
    if claim is None or claim.source is None or doer is None or event.negated:
        return False
    named = doer.kb_id is not None and not doer.kb_id.startswith("role.")
    # the doer is the speaker's own ("its fighters", "it", "our men"), not a name the parser may have
    # taken from the speaker's clause
    own = _OWN_WORDS.search(doer.text) is not None and doer.text != claim.source.text
    # "Al-Shabaab said it carried out the attack": the pronoun resolved to the speaker's own mention,
    # owning an act it names as one already told ("the attack"), not a fresh one ("it carried out strikes")
    said_it = trig.source is not None and trig.source.lower_ in {"it", "we"} and trig.source.dep_ == "nsubj"
    done = trig.token.tag_ in {"VBD", "VBN"}  # not "it asked to resume the raids"
    acts = [c for c in trig.token.children if c.dep_ == "dobj"]
    own = own or (said_it and done and any(a.pos_ == "NOUN" and definite(a) for a in acts))
    return named and own and claim.stance == "asserted" and claim.source.kb_id == doer.kb_id


_OWN_WORDS = re.compile(r"\b(?:it|its|we|our)\b", re.IGNORECASE)


_TIME_FILLERS = {"last", "this", "next", "early", "late", "the", "on", "in", "that", "same"}


def _time_phrase(text: str) -> bool:
    """ "Monday afternoon", "last week": a phrase made only of time words names a time, not an actor."""
    words = text.lower().split()
    return (
        bool(words)
        and words[-1] in when.TIME_WORDS
        and all(w in when.TIME_WORDS or w in _TIME_FILLERS for w in words)
    )


def _unnamed(actor: Actor | None) -> bool:
    """No actor, or only a role ("gunmen", "a suicide bomber"), not a named group or state."""
    return actor is None or actor.kb_id is None or actor.kb_id.startswith("role.")


def _drop_back_references(
    items: list[tuple[Event, Sentence, Trigger]],
) -> list[tuple[Event, Sentence, Trigger]]:
    """ "No group has claimed the attack", "The attack comes a week after ...": a definite event noun with
    nothing of its own (no actor, no toll) names an act an earlier sentence already reported."""
    kept: list[tuple[Event, Sentence, Trigger]] = []
    for item in items:
        event, sentence, trig = item
        tok = trig.token
        back = (
            event.source_actor is None
            and _restated_act(event, trig)
            and any(k[0].event_type == event.event_type and k[1].index < sentence.index for k in kept)
        )
        # "A drone strike killed 30 ... a spokesman was not aware of the strike": that strike, no walkout
        # ... and "Dock workers walked out ... the strike would go on": that walkout, no attack
        bare_strike = (
            tok.lemma_.lower() == "strike"
            and not any(c.dep_ in {"amod", "compound"} for c in tok.children)
            and _restated_act(event, trig)
        )
        air = any(k[0].event_type == "ASSAULT" and k[0].mode in _STRIKING_MODES for k in kept)
        walkout = any(k[0].event_type == "PROTEST" and k[0].mode == "strike" for k in kept)
        strike_again = bare_strike and (
            (event.event_type == "PROTEST" and air) or (event.event_type == "ASSAULT" and walkout and not air)
        )
        if not (back or strike_again):
            kept.append(item)
    return kept


_STRIKING_MODES = {"aerial", "drone", "heavy-weapons"}
_TOLL = re.compile(r"\b(?:toll|tally|count|number of (?:dead|deaths|fatalities))\b", re.IGNORECASE)


def _toll_word(text: str) -> bool:
    """The sentence speaks of a toll ("put the toll at 31", "the death toll rose to 30")."""
    return _TOLL.search(text) is not None


def _restated_act(event: Event, trig: Trigger) -> bool:
    """ "the attack", "the bombing": a definite event noun with no target or toll of its own names an act
    the story told before (who claims it, if anyone, is for the caller to say). A place it happened in
    ("the attacks took place in the Macomia district") is no target of its own."""
    tok = trig.token
    place_only = trig.target is not None and trig.target.dep_ == "pobj" and trig.target.head.lower_ == "in"
    untargeted = event.target_actor is None or place_only
    return tok.pos_ == "NOUN" and definite(tok) and untargeted and event.casualties is None


# unnamed actors who belong where they act: civilians, rebels, gunmen, police, criminals
_LOCAL_ROLES = {"CVL", "REB", "UAF", "COP", "CRM"}


def _date_of_telling(sentence: Sentence, span: tuple[int, int] | None, trigger) -> bool:
    """The date hangs on the speech verb that reports the trigger's clause ("X said on Thursday ...")."""
    found = sentence.tokens_at(span) if span is not None and sentence.parsed else None
    if found is None:
        return False
    doc = sentence.doc
    before = doc[found.start - 1] if found.start > 0 else None
    if before is not None and before.dep_ in {"dobj", "dative"} and before.head.i == found.start - 2:
        before = before.head  # "told reporters on Friday"
    if before is not None and before.lemma_.lower() in SPEECH_LEMMAS and before.pos_ == "VERB":
        verb = before  # "said on Thursday it had fired ...": the parser often hangs the date on the act
    else:
        verb = next((a for a in found.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.i == trigger.i or verb.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    return any(a.i == verb.i for a in trigger.ancestors)


_ASPECT_VERBS = {"begin", "start", "end", "last", "continue", "resume", "expire"}


def _in_other_clause(sentence: Sentence, span: tuple[int, int] | None, trigger) -> bool:
    """The span lies inside a relative clause that the trigger is not part of, or in a clause the
    trigger's own clause (with a subject of its own) is coordinated with: "Iraq declared victory in
    2017, but the group's cells continue to carry out attacks"."""
    found = sentence.tokens_at(span) if span is not None and sentence.parsed else None
    if found is None:
        return False
    for node in [found.root, *found.root.ancestors]:
        if node.dep_ == "relcl":
            # "a bombing that killed a police officer last month": the clause tells of the act itself (not
            # "the freeze on fighting that began on September 12", where it tells of something else)
            own = node.head.i == trigger.i and node.lemma_.lower() not in _ASPECT_VERBS
            return trigger.i not in {t.i for t in node.subtree} and not own
    verb = next((a for a in found.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    clauses = {verb.i} | {a.i for a in verb.ancestors}  # the date's clause and those above it
    for node in [trigger, *trigger.ancestors]:
        if node.i in clauses:
            return False
        if node.dep_ == "conj" and node.head.i in clauses:
            return any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
    return False


def _killed(event: Event) -> int:
    return (event.casualties.killed or 0) if event.casualties is not None else 0


_TOWARDS = re.compile(r"\b(?:to|towards?|into|across)\s+(?:the\s+)?$", re.IGNORECASE)


def _destination(text: str, place: Place | None) -> bool:
    """The place is where a move goes ("fled towards Burundi", "crossed into Chad")."""
    if place is None or place.span is None:
        return False
    return _TOWARDS.search(text[max(0, place.span[0] - 30) : place.span[0]]) is not None


def _speakers_own_forces(doer: Actor | None, claim: Claim | None) -> Actor | None:
    """ "The Israeli military said troops had killed three militants": the bare forces a state's army or
    government speaks of are its own, whatever country the story's places suggest."""
    speaker = claim.source if claim is not None else None
    if doer is None or speaker is None or doer.kb_id not in _BARE_FORCES or doer.confidence > 0.5:
        return doer
    if speaker.sector not in {"MIL", "GOV", "COP"} or not speaker.country or speaker.country == doer.country:
        return doer
    if speaker.kb_id is None or speaker.kb_id.startswith("role."):
        return doer  # "a military source": whose is what the story says
    return doer.model_copy(update={"country": speaker.country})


_BARE_FORCES = {"role.military", "role.police", "role.military_hardware"}


def _local_people(actor: Actor | None, location: Place | None) -> Actor | None:
    """ "nine people" killed in Sumy are Ukraine's, whichever country the story names most: unnamed
    people (or rebels, gunmen, police, a regional governor) whose country was only the story's guess
    take the country where the event happened."""
    if actor is None or location is None or not location.country:
        return actor
    if actor.sector not in _LOCAL_ROLES and actor.kb_id != "role.local_gov":
        return actor
    if actor.kb_id is not None and not actor.kb_id.startswith("role."):
        return actor
    if actor.country is not None and actor.confidence > 0.5:
        return actor  # "Syrian refugees in Lebanon": their own mention names their country
    country = _alpha3(location.country)
    return actor.model_copy(update={"country": country}) if country is not None else actor


def _alpha3(alpha_2: str) -> str | None:
    """A GeoNames country code (ISO alpha-2) as the actors' ISO alpha-3."""
    country = pycountry.countries.get(alpha_2=alpha_2)
    return country.alpha_3 if country is not None else None


def _same_time(a: tuple[Event, Sentence, Trigger], b: tuple[Event, Sentence, Trigger]) -> bool:
    """Both acts done, or both still to come: "a car bomb killed four as residents braced for a US attack"
    tells two acts, and the awaited one lends the other no doer."""
    return _still_to_come(a) == _still_to_come(b)


def _still_to_come(item: tuple[Event, Sentence, Trigger]) -> bool:
    event, _, trig = item
    return (event.claim is not None and event.claim.stance in {"planned", "future"}) or awaited(trig.token)


def _same_actor(a: Event, b: Event) -> bool:
    if a.source_actor is None or b.source_actor is None:
        return True
    return (a.source_actor.kb_id or a.source_actor.name) == (b.source_actor.kb_id or b.source_actor.name)


def _filled(e: Event) -> int:
    return sum(getattr(e, f) is not None for f in _MERGE_FIELDS) + (2 if e.source_actor is not None else 0)


# "Japan's defence ministry", "Israel's military": a country's institution, read from the words (the
# sentence may not have been parsed)
_INSTITUTION = re.compile(
    r"['’]s\s+(?:\w+\s+){0,2}(?:ministry|military|army|government|president|prime minister|foreign minister"
    r"|defen[cs]e minister|navy|air force|armed forces|coast guard|embassy|leader|cabinet|parliament)\b",
    re.IGNORECASE,
)


def _institution_of(text: str, place: Place) -> bool:
    """A country named as the owner of its institution ("Japan's defence ministry said")."""
    if place.span is None or place.precision != "country":
        return False
    return _INSTITUTION.match(text, place.span[1]) is not None


def _acting_place(sentence: Sentence, place: Place) -> bool:
    """A place name that is a clause's subject or possessor in this sentence ("the US has denied ...",
    "Ankara plans ...", "Turkey's army") names a government acting, not where the event happened."""
    if not sentence.parsed or not _in_sentence(sentence, place):
        return False
    found = sentence.tokens_at(place.span)
    if found is None:
        return False
    root = found.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "Armenia and Azerbaijan have agreed": both act
    if any(c.dep_ == root.dep_ == "nsubj" and c.i < root.i for c in root.head.children):
        return False  # "a push to take a stronghold near the capital Damascus killed 23": a misparse
        # gave the verb a second subject; the first one acts
    if root.dep_ == "nsubjpass" and _harmed_place(root.head):
        return False  # "Khartoum had been shelled": where the harm was done
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PLACE_PARTS:
        return False  # "Peshawar's old city", "Aleppo's outskirts": a part of the place, not its government
    doc = sentence.doc
    followed = root.i + 1 < len(doc) and doc[root.i + 1].tag_ in {"VBD", "VBZ", "VBP"}
    if root.dep_ == "appos" and followed and place.precision == "country":
        return True  # "the 55 drones Russia launched": a reduced relative clause misread as apposition
    return root.dep_ in {"nsubj", "nsubjpass", "poss"}


def _harmed_place(verb) -> bool:
    """A passive verb of violence ("was shelled", "were bombed"): its subject is struck, not acting."""
    sense = load_lexicon().verb(verb.lemma_.lower())
    return sense is not None and sense.event_type == "ASSAULT"


# the parts of a place its name may own ("Peshawar's old city", "the capital's outskirts")
_PLACE_PARTS = {
    "city", "town", "outskirts", "suburb", "centre", "center", "district", "quarter", "neighbourhood",
    "neighborhood", "province", "countryside", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "border", "heart", "downtown", "area", "village", "port", "airport", "streets",
    "street", "market", "camp", "coast", "edge", "region", "capital",
    # its buildings too: "Zimbabwe's largest hospitals", "Kenya's prisons"
    "hospital", "school", "university", "prison", "mine", "mosque", "church", "refinery", "factory",
}  # fmt: skip


def _inside_after_in(text: str, span: tuple[int, int], doers: list) -> bool:
    """A place after "in" inside a doer's own phrase: "police in Kogi State" (not "killed in US strikes");
    or after "of" in a phrase naming its people ("residents of Kano"), who are where they live."""
    before = text[max(0, span[0] - 4) : span[0]]
    inside = [
        a
        for a in doers
        if a is not None and a.span is not None and a.span[0] <= span[0] - 4 and span[1] <= a.span[1]
    ]
    return bool(inside) and (
        before.endswith(" in ") or (before.endswith(" of ") and inside[0].sector == "CVL")
    )


def _in_place_phrase(text: str, actor: Actor) -> bool:
    """A capital or country after "in"/"at"/"from"/"near" is a place here, not the government acting."""
    if actor.span is None:
        return False
    before = text[max(0, actor.span[0] - 30) : actor.span[0]].lower().split()
    if before and before[-1] == "the":  # "across the Gaza Strip", "in the Central African Republic"
        before = before[:-1]
    if before and _COMPASS.fullmatch(before[-1]):  # "in northern Burkina Faso", "in south-east Niger"
        before = before[:-1]
    if len(before) >= 2 and before[-1] == "of" and before[-2] in _PART_WORDS:
        return True  # "in the east of the Gaza Strip", "the outskirts of Kabul"
    return bool(before) and before[-1] in {"in", "at", "from", "near", "to", "into", "outside", "across"}


_COMPASS = re.compile(r"(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?")
_PART_WORDS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
    "part", "parts", "outskirts", "edge", "heart", "rest", "area", "areas", "border", "borders", "suburbs",
}  # fmt: skip


def _news_after_background(news: Event, main: Event | None, sentences: list[Sentence]) -> bool:
    """Whether `news` is dated to a day of its own, later than the main event's day (or the main event
    has no day named in its own sentence: "last winter" does not resolve, and the story's day it
    inherits is not its own)."""
    if news.date is None or news.date.precision != "day":
        return False
    own = main is not None and main.date is not None and main.date.precision == "day"
    if own and main.date.span is not None:
        own = _same_sentence(main.span, main.date.span, sentences)
    return not own or news.date.value > main.date.value


def _same_sentence(first: tuple[int, int], second: tuple[int, int], sentences: list[Sentence]) -> bool:
    """Whether two spans lie in the same sentence."""
    return any(s.start <= first[0] < s.end and s.start <= second[0] < s.end for s in sentences)


def _in_sentence(sentence: Sentence, place: Place) -> bool:
    return place.span is not None and sentence.start <= place.span[0] < sentence.end


_FURNITURE = re.compile(
    r"^(?:Related|Source|Date of publication|Posted on|Published|Last updated|Print this page)\b"
    r"|\bRelated News\b|Get short URL|\((?:Sputnik|AFP|Reuters|AP)\)"
    r"|\bTags\b|\b(?:AP|AFP|Reuters|Getty|EPA|File) Photo\b|\bPhoto(?: credit)?:"  # tags, photo credits
)


def _page_furniture(actor: Actor, stamp_span: tuple[int, int] | None) -> bool:
    """A "source" made of page furniture: it covers the dateline stamp, or starts with a page label (the
    tag list, related-links box or stamp label that the text extraction glued to the first sentence)."""
    if actor.span is not None and _overlaps(actor.span, stamp_span):
        return True
    return bool(_FURNITURE.search(actor.text) or _FURNITURE.search(actor.name))


def _overlaps(span: tuple[int, int], other: tuple[int, int] | None) -> bool:
    return other is not None and span[0] < other[1] and other[0] < span[1]


def _nearest(times: list[TimeRef], offset: int) -> TimeRef | None:
    return min(times, key=lambda t: abs(t.span[0] - offset)) if times else None


def _confidence(
    trig: Trigger, source: Actor | None, target: Actor | None, location: Place | None, stance: str
) -> float:
    value = 0.45
    value += 0.2 if source is not None and (source.kb_id or source.country) else 0.05 if source else 0.0
    value += 0.1 if target is not None else 0.0
    value += 0.1 if location is not None else 0.0
    value += 0.05 if trig.token.pos_ in {"VERB", "AUX"} else 0.0
    if stance == "hedged":
        value *= 0.8
    return round(min(value, 0.95), 3)


def _sideless_role(actor: Actor) -> bool:
    """A role word that names no side: "airstrikes", "warplanes", "gunmen" with no country of their own."""
    return bool(actor.kb_id) and actor.kb_id.startswith("role.") and actor.country is None


def _headline_doer_is_sure(trig: Trigger) -> bool:
    """A headline's doer is sure when an act names it inside ("regime strikes", "Syrian government
    push"), a passive names it as its agent or its act ("7 killed in regime strikes"), or an active verb
    is in the present, as headlines write acts ("kills at least 12"), or has an object ("killed 12
    civilians"). A past form with no object is a misread headline passive ("Rebel fighters killed in
    suicide attack": they were hit, they hit no one)."""
    tok = trig.token
    if tok.pos_ in {"NOUN", "PROPN"}:
        return trig.source.head.i == tok.i or trig.source.i in {t.i for t in tok.lefts}
    if trig.passive or (trig.source.dep_ == "pobj" and trig.source.head.dep_ == "agent"):
        return True  # "12 killed in regime strikes", "12 civilians killed by coalition jets"
    return tok.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "dobj" for c in tok.children)


def _event_id(article_id: str, span: tuple[int, int], event_type: str) -> str:
    return hashlib.sha1(f"{article_id}:{span[0]}:{span[1]}:{event_type}".encode()).hexdigest()[:16]


def _with_bare_conjuncts(sentence: Sentence, head, actor: Actor) -> Actor:
    """The mention widened over common nouns coordinated right after it that name no one of their own,
    when the first noun's demonym or name modifies them too ("Israeli helicopters and battle tanks",
    "Yemeni army and allied forces"): one party described twice, not a second actor. Bare lists
    ("prisoners and detainees") and conjuncts with a name, demonym or capitalised word of their own
    ("and top Kurdish officials", "and Kenya") stay actors of their own."""
    if head.pos_ != "NOUN" or actor.span is None:
        return actor
    before = [t for t in head.subtree if t.i < head.i and t.idx >= actor.span[0] - sentence.start]
    after = [t for t in head.subtree if t.i > head.i and t.idx < actor.span[1] - sentence.start]
    if not any(_name_like(t) for t in before) or any(t.text[:1].isupper() for t in after):
        return actor  # no shared "Israeli" to distribute over both nouns, or a name of its own follows
    end = actor.span[1]
    for conj in (c for c in head.children if c.dep_ == "conj"):
        nested = {t.i for c in conj.children if c.dep_ == "conj" for t in c.subtree}
        words = [t for t in conj.subtree if t.i not in nested]
        if conj.pos_ != "NOUN" or any(t.text[:1].isupper() for t in words):
            break
        gap = sentence.text[end - sentence.start : conj.left_edge.idx].strip()
        if gap not in {"and", "or", ", and", ","}:
            break
        end = sentence.start + conj.idx + len(conj)  # up to its head noun: "and a man" (in the village)
    if end == actor.span[1]:
        return actor
    text = sentence.text[actor.span[0] - sentence.start : end - sentence.start]
    return actor.model_copy(update={"text": text, "span": (actor.span[0], end)})


def _name_like(tok) -> bool:
    """A capitalised word that may be a name or demonym: any but a sentence's first word, which counts
    only when it is no function word and is tagged a proper noun or an adjective ("Israeli", not "The",
    "Several")."""
    if not tok.text[:1].isupper():
        return False
    return tok.i > 0 or (not tok.is_stop and tok.tag_ in {"NNP", "NNPS", "JJ"})


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for actor in sorted(actors, key=lambda a: a.span or (0, 0)):
        key = (actor.span, actor.name)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


# ---- batches -----------------------------------------------------------------------------------------

_worker_resources: Resources | None = None


def _init_worker(actor_files: tuple[Path, ...]) -> None:
    global _worker_resources
    _worker_resources = Resources.load(actor_files)


def _work(articles: list[Article]) -> list[Extraction]:
    assert _worker_resources is not None
    return extract_articles(articles, _worker_resources)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_many(
    articles: Iterable[Article], processes: int = 1, actor_files: Sequence[Path] = ()
) -> Iterator[Extraction]:
    """Extractions in input order. With processes > 1, forked workers share the parent's loaded resources."""
    resources = Resources.load(actor_files)
    if processes <= 1:
        for chunk in _chunks(articles, BATCH_ARTICLES):
            yield from extract_articles(chunk, resources)
        return
    ctx = mp.get_context("fork")
    files = tuple(Path(p) for p in actor_files)
    with ctx.Pool(processes, initializer=_init_worker, initargs=(files,)) as pool:
        for extractions in pool.imap(_work, _chunks(articles, BATCH_ARTICLES)):
            yield from extractions
