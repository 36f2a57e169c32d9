"""Sentence helpers the composing steps share: cached sentence vectors, the names a question
mentions, and the kind of answer a question asks for (a figure, a date, a name), which decides
what counts as another source's differing account.

Which sentence answers a question, and whether any does, is the trained reader's call
(`rerank`, `compose`); nothing here decides it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from index import Embedder

from .asked_form import TIME_SAID, asks_clock
from .counting import counted, counts_any_thing
from .counts import NUMBER, counts, counts_no_one
from .fates import says_what_is_asked, states_fate
from .figure_fit import answering_figures, bare_count, counts_things, measured_otherwise
from .memo import Memo
from .which_way import asks_way, opposite_way
from .words import WORD

__all__ = ["DURATION", "LENGTH", "SINCE", "age_span", "answer_fit", "asked_words", "kind_fit",
           "names_missing",
           "question_kind", "question_names", "sentence_vectors"]

_DATE = re.compile(r"\b(?:\d{4}|January|February|March|April|May|June|July|August|September"
                   r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
                   r"|Saturday|Sunday|today|yesterday|tomorrow|last (?:week|month|year)|ago"
                   # a time of day answers "when" and "what time" too ("at 9:36 p.m.")
                   r"|noon|midnight)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b"
                   # an ancient year or century: "in about AD 550", "the sixth century BC"
                   r"|(?-i:\b(?:AD|BC|BCE|CE)\s+\d{1,4}\b|\b\d{1,4}\s+(?:AD|BC|BCE)\b)"
                   r"|\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
                   r"|eighth|ninth|tenth|eleventh|twelfth)[\s-]century\b", re.I)
# A figure whole: "28" is new beside "18 to 24" (`NUMBER` finds a figure's first digit only).
_FIGURE = re.compile(NUMBER.pattern.replace(r"\d|", r"\d(?:[\d,.]*\d)?|", 1), re.I)
_KINDS = (
    ("number", re.compile(r"^(?:how (?:many|much|large|big|long|far|old|fast|deep|tall|wide"
                          r"|heavy|full|hot|cold)|what (?:number|share|"
                          r"percentage|amount|size|figure)|what (?:is|was) the (?:value|cost|price"
                          r"|number|amount|size|total) of)\b", re.I)),
    ("date", re.compile(r"^(?:when|(?:what|which) (?:day|dates?|years?|month|time))\b", re.I)),
    ("person", re.compile(r"^(?:who|whom|whose)\b|\bwho (?:said|is|was)\b|\bthe name of\b"
                          r"|\bwhat (?:is|was) (?:his|her|their|the \w+'s) name\b", re.I)),
)
# "Who is Hsiao Shun-ming?" names the person and asks what they are ("captain of a Tuo
# Chiang-class corvette"), not for a name: every word after "who is" is capitalised. Not "Who
# is the President?" nor "Who is UPS's CEO?": a role asks for a name. Each word after a space:
# a run of capitals is read once, not split every way (a failed match of nested repeats took
# seconds on a long capitalised question).
_WHO_IS_NAMED = re.compile(r"^(?!.*[’']s\b)[Ww]ho (?:is|was|are|were) [A-Z][\w’'.-]*"
                           r"(?: [A-Z][\w’'.-]*)*\??$")
# Questions about the article itself (its outlet or date; `about`): "Which newspaper will print…"
# asks about the news, "Which outlet's page carries the story…" about the article. "When was the
# Pentagon's report published?" asks about the news too: a report is what stories are about.
_META = re.compile(r"\b(?:article|story|page|piece)\b.*\b(?:updated|published|posted|dated)\b"
                   r"|\b(?:which|what) (?:outlet|news ?agency|newspaper|publication|site|website)"
                   r"(?=.*\b(?:article|story|report|page|piece|headlined?)\b)"
                   # "Which outlet reported the Bramwell fine?": whose report it is
                   r"|\b(?:which|what) (?:outlet|news ?agency|newspaper|paper|publication|site"
                   r"|website) (?:reported|covered)\b(?!\s+(?:that|how|what|why)\b)"
                   r"|\bwhose (?:page|site|reporting)\b"
                   r"|\bwho (?:wrote|authored|reported)\b.*\b(?:article|story|piece)\b"
                   r"|\b(?:author|writer) of\b.*\b(?:article|story|piece)\b", re.I)
# A span of time, as a figure's unit ("12 months", "a 12-month sentence", "three decades").
DURATION = (r"(?:\b|-)(?:years?|months?|weeks?|days?|nights?|hours?|minutes?|seconds?|decades?"
            r"|centur(?:y|ies)|hrs|yrs)\b")
# A unit right after its figure's digits too: "6.9km", "530km" (not "5m": millions as often).
LENGTH = (r"(?:\b|(?<=\d))(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|foot|ft"
          r"|inch(?:es)?|yards?|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm)\b")
# A span of time given by its start: "since 2018", "from 2005 to 2021".
_FROM_TO = r"\bfrom\s+(?:19|20)\d\d\s+(?:to|until)\s+(?:19|20)\d\d\b"
SINCE = rf"(?:\bsince\s+(?:19|20)\d\d\b|{_FROM_TO})"
# A figure asked in a unit: the question's words asking it, and what a sentence stating it
# must carry ("What percentage of the vote…" is not answered by "$104 million").
_HOW_OLD = re.compile(r"\bhow old\b", re.I)
_AGE = re.compile(r"\d+-year-old|\b(?:aged?|age of) (?:between |about |around |over |under )?"
                  r"(?:\d+|(?:eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
                  r"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)\b)"
                  r"|\b\d+ years? old\b|, \d{1,3},"
                  r"|\(\d{1,3}\)", re.I)
# An age said of someone: "Amara Osei is 39, runs…", "She was 91.", "dies at 91"; not an age
# at some other time ("until she was 85", "when he was 12"), nor a figure ("is 1,237").
_AGE_SAID = re.compile(r"\b(?:is|was|turns|turned|(?:died?|dies) at)\s+(?:now\s+)?\d{1,3}"
                       r"(?=[,.;](?!\d)|\s+(?:and|on)\b)", re.I)
_AGE_THEN = re.compile(r"\b(?:until|till|when|before|after|since|as|once|by the time)\s+"
                       r"[\w’'-]+\s+$", re.I)
_PERCENT = re.compile(r"%|\bper ?cent\b|\b(?:percentage|basis) points?\b"
                      r"|\b(?:half|third|quarter)\b|\b(?:one|two|three|\d+) (?:in|out of) "
                      r"(?:every )?(?:two|three|four|five|six|seven|eight|nine|ten"
                      r"|(?!(?:1[89]|20)\d\d\b)\d+)\b"  # not "rose to 5 in 2024"
                      r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?"
                      r"|matches|starts|races)\b)", re.I)  # not "scored two in five minutes"
# Not "won", "real" or "rand": words first ("won the MVP award").
_MONEY = re.compile(r"[$£€¥₹₩₽]|\b(?:dollars?|pounds?|euros?|yen|yuan|renminbi|rupees?|francs?"
                    r"|rubles?|roubles?|pesos?|crowns?|kron(?:a|or|er|e)|zloty|forints?|lira"
                    r"|lire|dinars?|dirhams?|riyals?|shekels?|baht|ringgit|hryvnias?"
                    r"|bucks|pence|cents?|USD|EUR|GBP|CHF|JPY|CNY|SEK|NOK|DKK)\b"
                    r"|\d(?:bn|m|k|p)\b", re.I)  # "485p" a share: pence
_MEASURES = (
    (re.compile(r"\b(?:percent(?:age)?s?|what (?:share|proportion|fraction))\b|%"
                r"|\bhow much\b.*\brates?\b|\bhow full\b", re.I),
     _PERCENT),
    # A sum of money ("how much … paid / raise / cost"), unless a rate is asked for.
    (re.compile(r"^(?!.*\b(?:rates?|percent|points?|interest)\b)(?:.*\bhow much\b.*\b(?:cost"
                r"|pa(?:y|id)|earn|rais|spen[dt]|worth|pric|salar|fine[sd]?\b|bonus|prize|charg"
                r"|owe[sd]?\b|s[eo]l[dl]|fund|donat|money|cash|bid|offer|valu|fee|wage|rent|fare"
                r"|bills?\b|debts?\b|loans?\b|revenues?\b|profits?\b|compensation\b"
                r"|rewards?\b|grants?\b|st(?:eal|ole|olen)|embezzl|defraud|swindl|launder"
                r"|evade|evasion)"
                r"|.*\bwhat (?:is|was) the (?:cost|price|value) of\b)", re.I),
     _MONEY),
    (re.compile(r"\bhow (?:hot|cold|warm)\b", re.I),
     re.compile(r"\d\s*°|\b\d+C\b|\bdegrees\b", re.I)),
    (re.compile(r"\bhow (?:far|high|tall|deep|wide)\b", re.I),
     re.compile(rf"{LENGTH}|\b(?:light[- ]years?|astronomical units?)\b", re.I)),
    # "How long was the sentence?": a duration, a length ("how long is the bridge") or its
    # years; since when only for how long it has been so (not "the first strike since 2011").
    # Not how long a list or queue is: how many are on it ("has reached a record 112,400").
    (re.compile(r"\bhow long\b(?!\s+(?:has|have|had)\b)(?!.*\bsince\b)"
                r"(?!\s+(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
                r"(?:list|backlog)s?\b(?!.*\b(?:last|take|wait|expected)))", re.I),
     re.compile(rf"{DURATION}(?!\s+ago\b)|{LENGTH}|{_FROM_TO}", re.I)),
    (re.compile(r"\bhow long\b(?=\s+(?:has|have|had)\b|.*\bsince\b)", re.I),
     re.compile(rf"{DURATION}|{LENGTH}|{SINCE}", re.I)),
    (_HOW_OLD, _AGE),
)
_NAME = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w’'-]+")
# A run of capitalised words inside a question ("Karen Lynch", "CVS Health"), not its first
# word nor one opening a sentence; a wh-word, a month or a day names nothing an article must.
_NAME_RUN = re.compile(r"(?<!^)(?<![.?!:] )(?<![.?!:] [\"“‘'])\b[A-Z][\w’'.-]*"
                       r"(?:\s+(?:[A-Z][\w’'.-]*|\d[\w-]*))*")
_NOT_NAMES = frozenset({
    "I", "A", "An", "The", "And", "But", "Or", "Which", "What", "Who", "Whom", "Whose", "When",
    "Where", "Why", "How", "Is", "Are", "Was", "Were", "Did", "Do", "Does", "Has", "Have", "Had",
    "Will", "Would", "Can", "Could", "Should", "In", "On", "At", "Of", "For", "To", "From", "By",
    "With", "This", "That", "These", "Those", "It", "Its", "Mr", "Mrs", "Ms", "Dr", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday",
    # spelt both ways ("US", "U.S."), and in nearly every story
    "US", "U.S", "UK", "U.K", "EU", "UN", "U.N",
})


_VECTORS: Memo[tuple[str, str], np.ndarray] = Memo(50_000)  # ~75 MB of 384-dim float32


def sentence_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Embeddings of article sentences, cached: the same sentences come back question after
    question (and twice per answer, for ranking and for agreement)."""
    name = getattr(embedder, "name", type(embedder).__name__)
    vectors = _VECTORS.get_many([(name, t) for t in texts],
                                lambda keys: list(embedder.embed_documents([t for _, t in keys])))
    return np.stack(vectors) if vectors else embedder.embed_documents([])


# Words a question may open with before its wh-word ("And how many…", "On which day…",
# "Roughly how many…"): stripped so the kind patterns, anchored at the start, still apply.
_LEAD = re.compile(r"^(?:(?:and|but|so|then|also|roughly|approximately|about|around|exactly"
                   r"|on|in|by|since|until|from)\s+)+", re.I)


def question_kind(question: str) -> str:
    if _META.search(question):
        return "meta"
    stripped = _LEAD.sub("", question.strip())
    if _WHO_IS_NAMED.match(stripped):
        return "other"
    for kind, pattern in _KINDS:
        if pattern.search(stripped):
            return kind
    return "other"


def _new(pattern: re.Pattern[str], sentence: str, question: str) -> bool:
    """Does the sentence hold a figure / date / name the question does not already state?"""
    asked = {m.casefold() for m in pattern.findall(question)}
    return any(m.casefold() not in asked for m in pattern.findall(sentence))


def kind_fit(kind: str, sentence: str, question: str) -> float:
    """1.0 when the sentence carries the kind of answer the question asks for."""
    if kind == "number":  # not a year said as a date, nor a clock time (`figure_fit`)
        return float(_new(_FIGURE, answering_figures(sentence, question), question))
    if kind == "date":  # "What time…?" asks for a time of day: "on Sunday" is no answer,
        # though "on Friday morning" is
        return float(_new(TIME_SAID if asks_clock(question) else _DATE, sentence, question))
    if kind == "person":
        return float(_new(_NAME, sentence, question))
    return 0.5


def _measured(sentence: str, question: str) -> bool:
    """Does the sentence carry the unit the question asks its figure in (none asked: yes)?"""
    # How far a price moved may be said in per cent: "How much did its share price go up?"
    # is answered by "share price gains (up 42%)".
    moved = asks_way(question) and _PERCENT.search(sentence) is not None
    if measured_otherwise(sentence, question):  # "183 million years ago", "until 31 May"
        return True
    return all(unit.search(sentence) or (unit is _AGE and age_span(question, sentence))
               or (moved and unit is not _AGE)  # "How far did shares fall?": "9.2%"
               for asks, unit in _MEASURES if asks.search(question))


def question_names(question: str) -> list[tuple[str, ...]]:
    """The names a question mentions, each as its words: "How much is Karen Lynch paid as CEO
    of CVS Health?" -> [("Karen", "Lynch"), ("CEO",), ("CVS", "Health")]."""
    names = []
    for run in _NAME_RUN.findall(question.strip()):
        words = tuple(w for w in (w.rstrip(".’'s") or w for w in run.split())
                      if w not in _NOT_NAMES)
        if words and any(len(w) > 1 for w in words):
            names.append(words)
    return names


def names_missing(names: Sequence[tuple[str, ...]], text: str) -> tuple[str, ...]:
    """The names an article's text never mentions (a name counts as mentioned when any of its
    words appears as written: "Lynch" for "Karen Lynch"). An article that never mentions the
    person asked about cannot state what that person did."""
    return tuple(" ".join(name) for name in names
                 if not any(re.search(rf"\b{re.escape(w)}", text) for w in name))


def answer_fit(kind: str, sentence: str, question: str) -> float:
    """How far the sentence carries the kind of answer asked for: 1 a figure of the thing
    counted (in the unit asked for: a percentage, a sum of money, a distance, an age), a date
    or a name the question does not state already; 0.5 a figure of something else, or a
    question of no particular kind; 0 none. A feature of the ranking (`rerank`),
    weighed by tuning like the rest: a sentence can be on topic and still never say it."""
    if kind not in ("number", "date", "person"):
        return 0.5
    fit = kind_fit(kind, sentence, question)
    things = counted(question) if kind == "number" else set()
    if fit and things and not (counts(sentence, things,
                                      says_what_is_asked(sentence, question, things))
                               or bare_count(sentence, question, things)):
        return 0.5
    if fit and kind == "number" and (not _measured(sentence, question) or opposite_way(
            sentence, question) or counts_no_one(sentence, question)):
        return 0.5
    if fit and kind == "number" and counts_any_thing(question) and not counts_things(sentence):
        return 0.5  # "How many units will the building have?": "The 14-storey tower"
    if fit and kind == "number" and states_fate(sentence, question) is False:
        return 0.5  # "2,300 evacuated" asked how many died
    return fit


def age_span(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked how old someone is, the age where the sentence gives one age ("39" of "Amara Osei
    is 39, runs two…") and names whom the question names: sentence offsets, or None. ("She was
    91." is quoted, not led by its age: whose it is, the sentence does not say.)"""
    if not _HOW_OLD.search(question):
        return None
    ages = [*_AGE.finditer(sentence), *(m for m in _AGE_SAID.finditer(sentence)
                                         if not _AGE_THEN.search(sentence, 0, m.start()))]
    names = question_names(question)
    if owned := owned_age(question, sentence):  # "Hartmann, 22, … Ibáñez, 29, …"
        return owned
    if (len(ages) != 1 or names_missing(names, sentence)
            or _anothers(ages[0], sentence, question, names)):
        return None
    digits = re.search(r"\d+", ages[0].group())
    return None if digits is None else (ages[0].start() + digits.start(),
                                        ages[0].start() + digits.end())


def _anothers(age: re.Match[str], sentence: str, question: str,
              names: Sequence[tuple[str, ...]]) -> bool:
    """Is the age right after another person's name, where the question names someone in
    full ("Hartmann's coach, Martin Kühn, 47" asked about Lena Hartmann)? Asked about "the
    Halvorsen chief executive", the one age by the one name is the answer."""
    before = sentence[:age.start()].split()[-1:]
    return (any(len(name) > 1 for name in names) and bool(before) and before[0][:1].isupper()
            and before[0].strip(",(") not in asked_words(question))


def asked_words(question: str) -> list[str]:
    """The question's capitalised words as written, past its first ("Eleanor", "Voss"):
    `question_names` cuts a final "s" off ("Vo"), which "Volkov" would match."""
    return [w for w in WORD.findall(question)[1:] if w[:1].isupper()]


def owned_age(question: str, sentence: str) -> tuple[int, int] | None:
    """The age the sentence gives right beside a word of a name asked about: "Hartmann, 22,",
    "Amara Osei is 39", "Osei (39)", "the 39-year-old Osei"; sentence offsets, or None."""
    words = "|".join(re.escape(w) for w in asked_words(question) if len(w) > 1)
    if not words:
        return None
    m = (re.search(rf"\b(?:{words})(?:[’']s)?(?:,\s+|\s+\(|\s+(?:is|was|turns|turned"
                   rf"|(?:died?|dies)\s+at)\s+(?:now\s+)?)(\d{{1,3}})(?=[,.;)]|\s+(?:and|on)\b)",
                   sentence)
         or re.search(rf"\b(\d{{1,3}})-year-old\s+(?:[A-Z][\w’'-]*\s+){{0,3}}?(?:{words})\b",
                      sentence))
    return None if m is None else m.span(1)
