"""Evidence: which sentences of the retrieved passages answer the question, and whether any do.

Abstention is decided here, from evidence (retrieval similarity, term coverage, the names the
question relies on, the kind of answer it wants), never by asking a model whether it knows.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from math import log

import numpy as np

from index import Article, Embedder, Passage, sentence_spans

from .injection import is_instruction

__all__ = [
    "Evidence", "abstain_reason", "kind_fit", "question_kind", "rank_evidence",
    "sentence_vectors", "terms",
]

MIN_DENSE = 0.30  # below this cosine the best passage is about something else
MIN_SENTENCE = 0.36  # combined score under which no sentence answers the question
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?"
                     r"|thousands?|millions?|billions?)\b", re.I)
_DATE = re.compile(r"\b(?:\d{4}|January|February|March|April|May|June|July|August|September"
                   r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
                   r"|Saturday|Sunday|today|yesterday|last (?:week|month|year)|ago)\b", re.I)
_KINDS = (
    ("number", re.compile(r"^(?:how (?:many|much|large|big|long|far|old)|what (?:number|share|"
                          r"percentage|amount|size|figure))\b", re.I)),
    ("date", re.compile(r"^(?:when|what (?:day|date|year|month|time))\b|\bon what day\b", re.I)),
    ("person", re.compile(r"^(?:who|whom|whose)\b|\bwho (?:said|is|was)\b|\bthe name of\b"
                          r"|\bwhat (?:is|was) (?:his|her|their|the \w+'s) name\b", re.I)),
)
# Questions about the article itself (its outlet or date) are answered from its metadata.
_META = re.compile(r"\b(?:article|story|report|page)\b.*\b(?:updated|published|posted|dated)\b"
                   r"|\b(?:which|what) (?:outlet|news ?agency|newspaper|publication|site|website)"
                   r"|\bwhose (?:page|site|reporting)\b", re.I)
_WORD = re.compile(r"[\w’'-]+")
_NAME = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w’'-]+")


@dataclass(frozen=True)
class Evidence:
    """A sentence of a retrieved passage with how well it answers the question."""

    passage: int  # index into the passages list
    article_id: str
    start: int
    end: int
    text: str
    score: float
    lexical: float
    dense: float


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


def question_kind(question: str) -> str:
    if _META.search(question):
        return "meta"
    for kind, pattern in _KINDS:
        if pattern.search(question.strip()):
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


def _candidates(passages: Sequence[Passage], articles: dict[str, Article]
                ) -> list[tuple[int, str, int, int]]:
    seen: set[tuple[str, int]] = set()
    out: list[tuple[int, str, int, int]] = []
    for i, p in enumerate(passages):
        text = articles[p.article_id].text
        for a, b in sentence_spans(text[p.start:p.end]):
            start, end = p.start + a, p.start + b
            if ((p.article_id, start) not in seen and end - start >= 20
                    and not is_instruction(text[start:end])):
                seen.add((p.article_id, start))
                out.append((i, p.article_id, start, end))
    return out


def _lexical(query_terms: list[str], sentences: list[list[str]]) -> list[float]:
    """Share of the question's term weight a sentence covers; rarer terms weigh more."""
    n = len(sentences)
    unique = set(query_terms)
    df = {t: sum(t in s for s in sentences) for t in unique}
    weight = {t: log((n + 1) / (df[t] + 0.5)) + 0.1 for t in unique}
    total = sum(weight.values()) or 1.0
    return [sum(weight[t] for t in unique if t in set(s)) / total for s in sentences]


def rank_evidence(
    question: str, query: str, passages: Sequence[Passage], articles: dict[str, Article],
    embedder: Embedder, limit: int = 48,
) -> list[Evidence]:
    """Score every sentence of the passages; best first."""
    cands = _candidates(passages, articles)[:limit]
    if not cands:
        return []
    texts = [articles[a].text[s:e] for _, a, s, e in cands]
    lexical = _lexical(terms(query), [terms(t) for t in texts])
    vectors = sentence_vectors(embedder, texts)
    dense = vectors @ embedder.embed_query(query)
    kind = question_kind(question)
    scored = [
        Evidence(p, a, s, e, t, float(0.5 * d + 0.4 * lx + 0.1 * kind_fit(kind, t, question)
                                      - 0.01 * p), lx, float(d))
        for (p, a, s, e), t, lx, d in zip(cands, texts, lexical, dense, strict=True)
    ]
    return sorted(scored, key=lambda ev: -ev.score)


def _missing_names(question: str, corpus_text: str) -> list[str]:
    """Names and figures the question hinges on that no retrieved article mentions."""
    haystack = corpus_text.casefold()
    wanted = [m.group() for m in _NAME.finditer(question.strip())]
    wanted += re.findall(r"\b\d[\d,.]*\b", question)
    missing = []
    for word in wanted:
        stem = word.casefold().replace(",", "").strip("’'")
        stem = stem[: max(4, len(stem) - 2)]
        if stem not in haystack.replace(",", ""):
            missing.append(word)
    return missing


def abstain_reason(
    question: str, best_dense: float, evidence: Sequence[Evidence], articles: Sequence[Article],
) -> str | None:
    """Why the articles cannot answer, or None when the evidence holds up."""
    if not evidence:
        return "nothing relevant was retrieved"
    missing = _missing_names(question, "\n".join(a.title + "\n" + a.text for a in articles))
    if missing:
        return "the articles never mention " + ", ".join(f"“{m}”" for m in missing)
    if best_dense < MIN_DENSE:
        return "no article is about this"
    best = evidence[0]
    if best.score < MIN_SENTENCE:
        return "no sentence answers it"
    kind = question_kind(question)
    if kind in ("number", "date", "person") and not any(
            kind_fit(kind, ev.text, question) for ev in evidence[:3]):
        return f"no {'name' if kind == 'person' else kind} is given for it"
    return None
