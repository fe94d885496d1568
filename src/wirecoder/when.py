"""Time expressions -> ISO dates with a precision, resolved against the publication date.

Why regexes and not `dateparser`: `find_times` runs on every event sentence, so it must cost well under a
millisecond; news prose uses a small, regular set of forms, and the hard part is not parsing them but
*resolving* them (which Friday? which February?), which a generic parser does not know.

Conventions (the value of a `TimeRef` is always a real date):
- precision "day": that day; "week": the Monday of that ISO week; "month": its first day; "year": 1 January.
- Weekdays ("on Friday", "Wednesday", "Saturday's blast", "on Sunday night") resolve to the most recent
  such day on or before publication; "last Friday" to the most recent one strictly before it.
- A day and month without a year ("on 4 February", "February 4") and a bare month ("in March") take the most
  recent occurrence not after publication.
- With `future=True` (the caller knows the statement is about the future: planned/future stance) "next week",
  "tomorrow", "next Friday" are allowed, weekdays resolve to the next one on or after publication, and
  dates without a year take the occurrence closest to publication (before or after). The flag speaks for
  the whole sentence, so a weekday or yearless date whose own clause is in the past tense ("the UN said
  Wednesday that inspectors will go", "troops entered the town Tuesday during an offensive aimed at...",
  "In December the sides agreed a deal that would see...") still resolves as a past date.
- Explicit absolute dates ("4 Feb 2017", "in 2013", "August 2013") are returned as written, whatever
  `published`. Numeric dates ("05.10.2017", "23-04-2016", "12/04/2016") read day first, month first only
  when the day-first reading is impossible ("04/23/2016").
- Relative phrases ("yesterday", "last week", "two days ago", "earlier this month") need `published`;
  without it only absolute dates come out.
- "the day before" / "the next day" / "two days earlier" count from the last day-precision date found
  earlier in the same text (or the `anchor` the caller found earlier in the story), else from publication;
  "the day before the attack" is left alone (its anchor is an event, not a date).
- Not matched on purpose: times of day, durations ("for three days", "in the past 24 hours"), ages
  ("a 12-year-old"), and numbers that are not dates ("2000 people").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from wirecoder.schema import TimeRef

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# words that name a time, not a party or a place ("the raids last Friday", "on Monday")
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight", "morning", "afternoon", "evening", "night", "overnight", "dawn", "dusk", "midnight", "noon",
    "week", "month", "year", "weekend", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}  # fmt: skip

# Month names must be capitalised ("may" and "march" are also words); everything else is case-insensitive.
_MONTH = (
    r"(?P<{g}>(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?))"
)
_WEEKDAY = r"(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_WEEKDAY_PREFIX = (
    r"(?:(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?)?"
)
_DAY = r"(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)(?!\d|,\d)"
_PARTS = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NOT_DAY_NUMBER = (
    r"(?![\d:.,]\d|\s*(?:-|–)?\s*year|\s+(?:people|persons|civilians|killed|dead|km|miles|am|pm|a\.m|p\.m)\b)"
)
_YEAR_CUE = r"(?:in|since|during|until|till|by|from|through|throughout|before|after|early|late|mid-?|for)"
_RANGE_CUE = r"(?:(?:the\s+)?(?:end|beginning|start|middle|summer|spring|autumn|fall|winter)\s+of)"
_NUMBER_WORD = (
    r"(?P<n>\d+|a couple of|a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _fill(template: str, **groups: str) -> str:
    return template.replace("{g}", groups.get("g", ""))


def _month(g: str) -> str:
    return _fill(_MONTH, g=g)


def _day(g: str) -> str:
    return _fill(_DAY, g=g)


def _year(g: str) -> str:
    return _fill(_YEAR, g=g)


_DMY = _p(rf"\b{_WEEKDAY_PREFIX}{_day('d')}\s+(?:of\s+)?{_month('m')},?\s+{_year('y')}")
_MDY = _p(rf"\b{_WEEKDAY_PREFIX}{_month('m')}\s+{_day('d')},?\s+{_year('y')}")
_ISO = _p(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
# "05.10.2017", "23-04-2016", "12/04/2016": day first (the usage of the Middle Eastern and European outlets
# that print numeric dates; wire copy spells months out), month first only when the day-first reading is
# impossible ("04/23/2016")
_NUMERIC = _p(
    r"(?<![\d.:/-])(?P<a>[0-3]?\d)(?P<sep>[-./])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d-])"
)
_DM = _p(rf"\b(?:on\s+)?{_WEEKDAY_PREFIX}{_day('d')}\s+(?:of\s+)?{_month('m')}(?![\w])(?!,?\s+\d)")
_MD = _p(rf"\b(?:on\s+)?{_WEEKDAY_PREFIX}{_month('m')}\s+{_day('d')}\b{_NOT_DAY_NUMBER}(?!,?\s+\d)")
_MY = _p(rf"\b(?:(?:{_YEAR_CUE}|{_RANGE_CUE})\s+)?{_month('m')},?\s+{_year('y')}")
_MONTH_ONLY = _p(
    rf"\b(?P<cue>{_YEAR_CUE}|{_RANGE_CUE}|last|this|next|earlier\s+in|later\s+in|(?:early|late)\s+last)"
    rf"\s+{_month('m')}(?!\w|\s*\.?\s*\d)"
)
_YEAR_ONLY = _p(
    rf"\b(?:(?:{_YEAR_CUE}|{_RANGE_CUE}|in\s+(?:early|late|mid-?))\s+(?:the\s+year\s+)?){_year('y')}"
    r"(?!\s*(?:people|persons|civilians|fighters|soldiers|children|troops|were|have|had|had|of|killed|dead)\b)"
)
# "the 2022 protests", "the 2011 uprising": a year naming an event of its own (not "the 2022 people")
_YEAR_MODIFIER = _p(
    rf"(?<=\bthe ){_year('y')}(?=\s+[a-z])"
    r"(?!\s+(?:people|persons|civilians|fighters|soldiers|children|troops|were|have|had|of|and|or|to)\b)"
)
_WEEKDAY_RE = _p(
    rf"\b(?P<cue>on|last|this|next|early|late|earlier\s+on|late\s+on)?\s*{_WEEKDAY}"
    rf"(?P<poss>['’]s|s\b)?{_PARTS}\b"
)
_RELATIVE_DAY = _p(
    r"\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_ANCHORED_DAY = _p(
    r"\b(?:on\s+)?(?P<w>the\s+day\s+before|the\s+previous\s+day|the\s+day\s+earlier|a\s+day\s+earlier"
    r"|the\s+next\s+day|the\s+following\s+day|a\s+day\s+later"
    r"|(?P<k>\d|two|three|four|five|six|seven|eight|nine|ten)\s+days\s+(?P<dir>earlier|before|later|afterwards))"
    r"\b(?!(?<=before)\s+(?:the|a|an|his|her|its|their|yesterday)\b)"  # "the day before the attack": an event
)
_AGO = _p(rf"\b{_NUMBER_WORD}\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_REL_PERIOD = _p(
    r"\b(?P<cue>earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+last|early\s+last|late\s+last"
    r"|last|this|next|the\s+previous|the\s+past|the\s+last|previous|past)\s+(?P<unit>week|weekend|month|year)\b"
)

_DAY_WORD_OFFSETS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0, "tomorrow": 1,
}  # fmt: skip


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_num(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + (d.month - 1) + n
    return date(idx // 12, idx % 12 + 1, 1)


def _pick_year(m: int, d: int, pub: date, future: bool) -> date | None:
    """The occurrence of month/day nearest publication: the latest not after it, or (future) the closest."""
    candidates = [c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := _safe_date(y, m, d))]
    if future:
        return min(candidates, key=lambda c: abs((c - pub).days), default=None)
    past = [c for c in candidates if c <= pub]
    return max(past, default=None)


# Each resolver gets (match, published, future, anchor) and returns (value, precision) or None.
_Resolved = tuple[date, str] | None


_CLAUSE_BREAK = frozenset(',;:()"“”')
_SENTENCE_BREAK = _CLAUSE_BREAK | {".", "!", "?"}
_FUTURE_WORDS = frozenset(
    "will would shall to could can may might should must plans plan planned expected due set next "
    "tomorrow going".split()
)
_PAST_VERBS = frozenset(
    "said told took made met hit struck began fell fought came went saw gave left held won sent shot "
    "drove blew broke spoke wrote threw stood brought caught kept lost ran rose flew overran found knew "
    "led did had was were agreed".split()
)
_NOT_PAST = frozenset("need speed red bed feed seed shed bred hundred armed".split())
_LOOK_BACK_WORDS = 8
_WORD = re.compile(r"[A-Za-z’'-]+|[^\sA-Za-z]")


def _past_clause(text: str, start: int) -> bool:
    """Whether the words just before `start`, in the same clause, show a past-tense verb before any
    future cue: "the UN said Wednesday", "troops entered the town Tuesday" (past) against "talks will
    open Monday", "a truce set to begin on Monday" (future). Cheap: a few words are looked at, no parse."""
    words = [w.lower() for w in _WORD.findall(text[max(0, start - 80) : start])][-_LOOK_BACK_WORDS:]
    for k in range(len(words) - 1, -1, -1):
        low = words[k]
        if low in _CLAUSE_BREAK or low in _FUTURE_WORDS or low in {"and", "but", "that", "when", "after"}:
            return False
        if _is_past_verb(low):
            return k == 0 or words[k - 1] not in {"be", "being"}  # "will be held Monday" is no past
    return False


def _is_past_verb(word: str) -> bool:
    """ "said", "entered": a past-tense form ("US-led", "hundred" and "armed" are not)."""
    if "-" in word or word in _NOT_PAST:
        return False
    return word in _PAST_VERBS or (word.endswith("ed") and len(word) > 4)


def _past_after(text: str, start: int, end: int) -> bool:
    """A clause-initial date followed by a past-tense verb: "On Thursday the envoy said ...", "In December
    the sides agreed a deal that would ...", "Speaking on Thursday, the envoy warned ..." (the date belongs
    to the first verb, not to the later "would")."""
    lead = _WORD.findall(text[max(0, start - 40) : start])
    if lead and lead[-1].lower() in {"on", "in", "early", "late"}:
        lead = lead[:-1]
    if lead and lead[-1].lower().endswith("ing") and (len(lead) == 1 or lead[-2] in _SENTENCE_BREAK):
        lead = lead[:-1]  # "Speaking on Thursday": a participle opening the sentence
    if lead and lead[-1] not in _SENTENCE_BREAK:
        return False  # not at the start of a clause
    words = [w.lower() for w in _WORD.findall(text[end : end + 80])][:_LOOK_BACK_WORDS]
    if words[:1] == [","]:
        words = words[1:]  # "On Thursday, the envoy said ..."
    for low in words:
        if low in _CLAUSE_BREAK or low in _FUTURE_WORDS or low in {"be", "being"}:
            return False
        if _is_past_verb(low):
            return True
    return False


def _past_context(m: re.Match[str]) -> bool:
    """The date's own clause is in the past tense, whatever the sentence's stance says."""
    return _past_clause(m.string, m.start()) or _past_after(m.string, m.start(), m.end())


def _r_full(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    month = int(m["m"]) if m["m"].isdigit() else _month_num(m["m"])
    value = _safe_date(int(m["y"]), month, int(m["d"]))
    return (value, "day") if value else None


def _r_numeric(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    value = _safe_date(y, b, a) if b <= 12 else _safe_date(y, a, b)
    return (value, "day") if value else None


def _r_day_month(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    if pub is None:
        return None
    future = future and not _past_context(m)
    value = _pick_year(_month_num(m["m"]), int(m["d"]), pub, future)
    return (value, "day") if value else None


def _r_month_year(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    return date(int(m["y"]), _month_num(m["m"]), 1), "month"


def _r_month_only(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    if pub is None:
        return None
    cue = _norm(m["cue"])
    month = _month_num(m["m"])
    future = future and not _past_context(m)
    if cue == "next":
        if not future:
            return None
        year = pub.year + (1 if month <= pub.month else 0)
    elif cue.endswith("last"):
        year = pub.year - (1 if month >= pub.month else 0)
    elif cue == "this":
        year = pub.year
    else:
        value = _pick_year(month, 1, date(pub.year, pub.month, 1), future)
        return (value, "month") if value else None
    value = date(year, month, 1)
    if value > pub and not future:
        return None
    return value, "month"


def _r_year(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    return date(int(m["y"]), 1, 1), "year"


def _r_weekday(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    if pub is None:
        return None
    cue = _norm(m["cue"] or "")
    poss = m["poss"] or ""
    if poss.lower() == "s" and (cue in ("on", "") and m.group(0)[:1].islower() or cue == "on"):
        return None  # "on Fridays": habitual, not a date
    if m.start() >= 6 and m.string[max(0, m.start() - 6) : m.start()].lower().strip() == "every":
        return None
    wd = _WEEKDAYS[m["wd"].lower()]
    if future and cue != "next":
        future = not _past_context(m)
    if cue == "next" or (future and cue != "last"):
        if not future:
            return None
        ahead = (wd - pub.weekday()) % 7
        if cue == "next" and ahead == 0:
            ahead = 7
        return pub + timedelta(days=ahead), "day"
    back = (pub.weekday() - wd) % 7
    if cue == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back), "day"


def _r_relative_day(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    if pub is None:
        return None
    shift = _DAY_WORD_OFFSETS[_norm(m["w"])]
    if shift > 0 and not future:
        return None
    return pub + timedelta(days=shift), "day"


def _r_anchored_day(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    base = anchor or pub
    if base is None:
        return None
    word = _norm(m["w"])
    shift = 1 if word in ("the next day", "the following day", "a day later") else -1
    if m["k"]:  # "two days earlier", "three days later"
        n = int(m["k"]) if m["k"].isdigit() else _SMALL_NUMBERS[_norm(m["k"])]
        shift = n if m["dir"].lower() in ("later", "afterwards") else -n
    value = base + timedelta(days=shift)
    if pub is not None and value > pub and not future:
        return None
    return value, "day"


def _r_ago(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    if pub is None:
        return None
    n_text = _norm(m["n"])
    n = int(n_text) if n_text.isdigit() else _SMALL_NUMBERS[n_text]
    unit = m["unit"].lower()
    if unit == "day":
        return pub - timedelta(days=n), "day"
    if unit == "week":
        return _week_start(pub - timedelta(weeks=n)), "week"
    if unit == "month":
        return _add_months(date(pub.year, pub.month, 1), -n), "month"
    return date(pub.year - n, 1, 1), "year"


def _r_period(m: re.Match[str], pub: date | None, future: bool, anchor: date | None) -> _Resolved:
    if pub is None:
        return None
    cue = _norm(m["cue"])
    unit = m["unit"].lower()
    if cue in ("the past", "the last", "past"):
        return None  # "over the past week": a duration, not a date
    step = {"next": 1}.get(cue, -1 if ("last" in cue or "previous" in cue) else 0)
    if step > 0 and not future:
        return None
    if unit in ("week", "weekend"):
        value = _week_start(pub) + timedelta(weeks=step)
        return value, "week"
    if unit == "month":
        return _add_months(date(pub.year, pub.month, 1), step), "month"
    return date(pub.year + step, 1, 1), "year"


_MONTH_CUE = re.compile(
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
)
_WEEKDAY_CUE = re.compile(r"day\b|day['’]?s\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WORD_CUE = re.compile(r"yesterday|today|tonight|tomorrow|night|this|day|ago|week|month|year", re.IGNORECASE)

# Longer, more specific forms first: overlapping matches keep the longest, then the earliest listed.
# Each rule names a cheap pre-check; a sentence without it skips the rule (find_times runs on every sentence).
_RULES: list[tuple[re.Pattern[str], Callable[..., _Resolved], re.Pattern[str]]] = [
    (_DMY, _r_full, _MONTH_CUE),
    (_MDY, _r_full, _MONTH_CUE),
    (_ISO, _r_full, _DIGIT),
    (_NUMERIC, _r_numeric, _DIGIT),
    (_MY, _r_month_year, _MONTH_CUE),
    (_DM, _r_day_month, _MONTH_CUE),
    (_MD, _r_day_month, _MONTH_CUE),
    (_MONTH_ONLY, _r_month_only, _MONTH_CUE),
    (_YEAR_ONLY, _r_year, _DIGIT),
    (_YEAR_MODIFIER, _r_year, _DIGIT),
    (_RELATIVE_DAY, _r_relative_day, _WORD_CUE),
    (_ANCHORED_DAY, _r_anchored_day, _WORD_CUE),
    (_AGO, _r_ago, _WORD_CUE),
    (_REL_PERIOD, _r_period, _WORD_CUE),
    (_WEEKDAY_RE, _r_weekday, _WEEKDAY_CUE),
]


@lru_cache(maxsize=4096)
def _candidates(text: str) -> tuple[tuple[int, int, int, re.Match[str]], ...]:
    """Non-overlapping matches of all rules: (start, end, rule index, match), longest first on overlap.

    Cached (matches are read-only): a sentence is asked for its dates and, by the casualty parser, for
    the spans to mask, and again for each tense."""
    found = []
    has_cue: dict[re.Pattern[str], bool] = {}  # several rules share a pre-check: search it once
    for i, (pattern, _, cue) in enumerate(_RULES):
        if cue not in has_cue:
            has_cue[cue] = cue.search(text) is not None
        if not has_cue[cue]:
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                found.append((start, end, i, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    for cand in found:
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return tuple(chosen)


def time_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every date-like expression, resolved or not (to mask numbers that are dates)."""
    return [(s, e) for s, e, _, _ in _candidates(text)]


def anchored(text: str) -> bool:
    """Whether `text` counts days from another date ("the day before", "two days later")."""
    return _ANCHORED_DAY.search(text) is not None


def find_times(
    text: str, published: date | None, offset: int = 0, future: bool = False, anchor: date | None = None
) -> list[TimeRef]:
    """Every time expression in `text`, resolved against `published`, in text order (see module docstring).
    `anchor`: the last day named before `text` in the story, which "the day before" counts from until
    `text` names a day of its own."""
    out: list[TimeRef] = []
    for start, end, i, m in _candidates(text):
        resolved = _RULES[i][1](m, published, future, anchor)
        if resolved is None:
            continue
        value, precision = resolved
        if precision == "day":
            anchor = value
        out.append(
            TimeRef(
                text=text[start:end], span=(offset + start, offset + end), value=value, precision=precision
            )
        )
    return out


_DATELINE_WINDOW = 300
_DMY_LOOSE = _p(rf"{_WEEKDAY_PREFIX}{_day('d')}\s+(?:of\s+)?{_month('m')},?\s+{_year('y')}")
_MDY_LOOSE = _p(rf"{_WEEKDAY_PREFIX}{_month('m')}\s+{_day('d')},?\s+{_year('y')}")
_MDY_GLUED = _p(rf"\b{_month('m')}\s+(?P<d>[0-3]\d)(?P<y>(?:19|20)\d\d)(?!\d)")  # "Apr 232017" (lost space)
_MD_NO_YEAR = _p(rf"^[^\n]{{0,60}}?\b{_month('m')}\s+{_day('d')}\b(?!,?\s*\d)")


def find_dateline(text: str) -> date | None:
    """A publication stamp near the top of the text ("Wed 05 Apr 2017", "23-04-2016", "Published October 3
    2016", "DAMASCUS, April 5 (Reuters) -"). A stamp without a year takes the year of the first full date in
    the text; with none, there is no dateline."""
    ref = dateline_ref(text)
    return ref.value if ref else None


def dateline_ref(text: str) -> TimeRef | None:
    """The dateline of `find_dateline` with its span: the stamp is the publication date, not the date of
    what the story reports, so an event whose sentence carries both the stamp (page junk glued to the first
    sentence: "Date of publication 7 July 2016 Video More than 30 people were killed ... on Wednesday") and
    a date of its own takes its own."""
    head = text[:_DATELINE_WINDOW]
    best: tuple[int, int, date] | None = None
    for pattern in (_DMY_LOOSE, _MDY_LOOSE, _ISO, _MDY_GLUED):
        for m in pattern.finditer(head):
            value = _r_full(m, None, False, None)
            if value and (best is None or m.start() < best[0]):
                best = (m.start(), m.end(), value[0])
            break
    for m in _NUMERIC.finditer(head):
        resolved = _r_numeric(m, None, False, None)
        if resolved and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), resolved[0])
        break
    m = _MD_NO_YEAR.search(head)
    if m and (best is None or m.start("m") < best[0]):
        year = best[2].year if best else None
        if year is None and (full := _DMY.search(text) or _MDY.search(text) or _MY.search(text)):
            year = int(full["y"])
        if year is not None and (value := _safe_date(year, _month_num(m["m"]), int(m["d"]))):
            best = (m.start("m"), m.end(), value)
    if best is None:
        return None
    start, end, value = best
    while start < end and text[start].isspace():
        start += 1
    return TimeRef(text=text[start:end], span=(start, end), value=value, precision="day")
