"""Sentence helpers the composing steps share: content terms, cached sentence vectors, and the
kind of answer a question asks for (a figure, a date, a name), which decides what counts as
another source's differing account.

Which sentence answers a question, and whether any does, is the trained reader's call
(`rerank`, `compose`); nothing here decides it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from index import Embedder

__all__ = ["answer_fit", "kind_fit", "question_kind", "sentence_vectors", "terms"]

_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?"
                     r"|thousands?|millions?|billions?)\b", re.I)
_DATE = re.compile(r"\b(?:\d{4}|January|February|March|April|May|June|July|August|September"
                   r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
                   r"|Saturday|Sunday|today|yesterday|last (?:week|month|year)|ago)\b", re.I)
_KINDS = (
    ("number", re.compile(r"^(?:how (?:many|much|large|big|long|far|old)|what (?:number|share|"
                          r"percentage|amount|size|figure)|what (?:is|was) the (?:value|cost|price"
                          r"|number|amount|size|total) of)\b", re.I)),
    ("date", re.compile(r"^(?:when|(?:what|which) (?:day|date|year|month|time))\b", re.I)),
    ("person", re.compile(r"^(?:who|whom|whose)\b|\bwho (?:said|is|was)\b|\bthe name of\b"
                          r"|\bwhat (?:is|was) (?:his|her|their|the \w+'s) name\b", re.I)),
)
# Questions about the article itself (its outlet or date) are answered from its metadata.
_META = re.compile(r"\b(?:article|story|report|page)\b.*\b(?:updated|published|posted|dated)\b"
                   r"|\b(?:which|what) (?:outlet|news ?agency|newspaper|publication|site|website)"
                   r"|\bwhose (?:page|site|reporting)\b", re.I)
_WORD = re.compile(r"[\w’'-]+")
_COUNTED = re.compile(r"\bhow many\s+((?:[\w’'-]+\s*){1,2})", re.I)
_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
                          "will", "would", "can", "could", "should", "may", "might"})
NEAR_FIGURE = 4  # words after a figure (or 2 before it: "a crew of 19") naming what it counts
_NAME = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w’'-]+")


_VECTORS: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_VECTORS_MAX = 50_000  # ~75 MB of 384-dim float32 vectors
_VECTORS_LOCK = threading.Lock()


def sentence_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Embeddings of article sentences, cached: the same sentences come back question after
    question (and twice per answer, for ranking and for agreement)."""
    name = getattr(embedder, "name", type(embedder).__name__)
    with _VECTORS_LOCK:
        missing = list(dict.fromkeys(t for t in texts if (name, t) not in _VECTORS))
    if missing:
        fresh = embedder.embed_documents(missing)
        with _VECTORS_LOCK:
            for text, vector in zip(missing, fresh, strict=True):
                _VECTORS[(name, text)] = vector
            while len(_VECTORS) > _VECTORS_MAX:
                _VECTORS.popitem(last=False)
    with _VECTORS_LOCK:
        found = [_VECTORS.get((name, t)) for t in texts]
    if any(v is None for v in found):  # evicted meanwhile by another thread: embed directly
        return embedder.embed_documents(texts)
    return np.stack([v for v in found if v is not None]) if found else embedder.embed_documents([])


@lru_cache(maxsize=1)
def _stem_and_stop() -> tuple[object, frozenset[str]]:
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN

    return Stemmer.Stemmer("english"), frozenset(STOPWORDS_EN)


def terms(text: str) -> list[str]:
    """Content words, stemmed: what BM25 would match on."""
    stemmer, stop = _stem_and_stop()
    words = [w.casefold().strip("’'-") for w in _WORD.findall(text)]
    return stemmer.stemWords([w for w in words if w and w not in stop])  # type: ignore[attr-defined]


# Words a question may open with before its wh-word ("And how many…", "On which day…",
# "Roughly how many…"): stripped so the kind patterns, anchored at the start, still apply.
_LEAD = re.compile(r"^(?:(?:and|but|so|then|also|roughly|approximately|about|around|exactly"
                   r"|on|in|by|since|until|from)\s+)+", re.I)


def question_kind(question: str) -> str:
    if _META.search(question):
        return "meta"
    stripped = _LEAD.sub("", question.strip())
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
    if kind == "number":
        return float(_new(_NUMBER, sentence, question))
    if kind == "date":
        return float(_new(_DATE, sentence, question))
    if kind == "person":
        return float(_new(_NAME, sentence, question))
    return 0.5


def _counted(question: str) -> set[str]:
    """What a "how many" question counts: "How many Chinese ships…" -> {chines, ship}; nothing
    when a verb follows ("…and how many does he say are there?": the thing counted is in an
    earlier turn)."""
    m = _COUNTED.search(question)
    if not m or m.group(1).split()[0].casefold() in _AUXILIARIES:
        return set()
    return set(terms(m.group(1)))


def _counts(sentence: str, counted: set[str]) -> bool:
    """Does a figure of the sentence count the thing asked about ("19 crew" is no count of
    ships)?"""
    words = _WORD.findall(sentence)
    for i, word in enumerate(words):
        if _NUMBER.search(word):
            near = " ".join(words[max(0, i - 2):i] + words[i + 1:i + 1 + NEAR_FIGURE])
            if counted & set(terms(near)):
                return True
    return False


def answer_fit(kind: str, sentence: str, question: str) -> float:
    """How far the sentence carries the kind of answer asked for: 1 a figure of the thing
    counted, a date or a name the question does not state already; 0.5 a figure of something
    else, or a question of no particular kind; 0 none. A feature of the ranking (`rerank`),
    weighed by tuning like the rest: a sentence can be on topic and still never say it."""
    if kind not in ("number", "date", "person"):
        return 0.5
    fit = kind_fit(kind, sentence, question)
    counted = _counted(question) if kind == "number" else set()
    if fit and counted and not _counts(sentence, counted):
        return 0.5
    return fit
