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
EMBED_LIMIT = 16  # sentences embedded per question (see rank_evidence)
TYPED_MIN_COVER = 0.5  # share of the best term coverage a sentence with the answer type needs
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


def _candidates(passages: Sequence[Passage], articles: dict[str, Article]
                ) -> list[tuple[int, str, int, int]]:
    seen: set[tuple[str, int]] = set()
    out: list[tuple[int, str, int, int]] = []
    for i, p in enumerate(passages):
        text = articles[p.article_id].text
        # The article's sentences (cached) within the passage; a passage ends mid-sentence
        # only where a sentence was longer than a chunk: that part of it is the candidate.
        for a, b in sentence_spans(text):
            start, end = max(a, p.start), min(b, p.end)
            if start >= end:
                continue
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
    embedder: Embedder, limit: int = 48, embed_limit: int = EMBED_LIMIT,
) -> list[Evidence]:
    """Score the sentences of the passages; best first. Only the `embed_limit` most promising
    by a cheap estimate are embedded and returned: embedding is nearly all of an extractive
    answer's time (~3 ms a sentence here), and the rest rarely rank anywhere near the top."""
    cands = _candidates(passages, articles)[:limit]
    if not cands:
        return []
    texts = [articles[a].text[s:e] for _, a, s, e in cands]
    lexical = _lexical(terms(query), [terms(t) for t in texts])
    kind = question_kind(question)
    fits = [kind_fit(kind, t, question) for t in texts]
    # The estimate is the score below with the passage's (chunk's) similarity standing in
    # for the sentence's own.
    # A passage found by BM25 alone has no similarity: give it the lowest one retrieved, so
    # that its keyword hits still make the cut.
    floor = min((p.dense_score for p in passages if p.dense_score is not None), default=0.0)
    similar = [floor if p.dense_score is None else p.dense_score for p in passages]
    estimate = [_score(similar[p], lx, fit, p)
                for (p, *_), lx, fit in zip(cands, lexical, fits, strict=True)]
    keep = sorted(sorted(range(len(cands)), key=lambda i: -estimate[i])[:embed_limit])
    vectors = sentence_vectors(embedder, [texts[i] for i in keep])
    dense = vectors @ embedder.embed_query(query)
    scored = [Evidence(cands[i][0], cands[i][1], cands[i][2], cands[i][3], texts[i],
                       _score(float(d), lexical[i], fits[i], cands[i][0]), lexical[i], float(d))
              for i, d in zip(keep, dense, strict=True)]
    return sorted(scored, key=lambda ev: -ev.score)


def _score(dense: float, lexical: float, fit: float, passage: int) -> float:
    """Meaning, shared rare words, the kind of answer asked for; earlier passages break ties."""
    return 0.5 * dense + 0.4 * lexical + 0.1 * fit - 0.01 * passage


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


# Words that end the noun phrase naming what a question counts or names ("how many troops ARE…",
# "the name of the agent WHO…"): auxiliaries, prepositions, relative words.
_PHRASE_END = frozenset(re.findall(r"\w+",
    "did does do are were is was have has had will would can could should may might must be been "
    "being of in on at for to from under near during by with who whom whose that which when where "
    "involved"))
_MONTHS = frozenset(re.findall(r"\w+", "january february march april may june july august "
                                       "september october november december"))
_COUNTED = re.compile(r"\bhow many\s+(.*)", re.I)
_NAMED = re.compile(r"\bname of (?:the |a |an |this |that )?(.*)", re.I)
FIGURE_WINDOW = (2, 4)  # words before / after a figure that say what it counts: "a crew of 19",
#                          "10,000 North Korean troops"
NAME_WINDOW = 3  # words after a noun where its name stands: "police chief Bob Day"


def _focus(pattern: re.Pattern[str], question: str) -> list[str]:
    """The common nouns of what the question counts or names, head noun last; proper nouns are
    left out since sentences refer to them in many ways ("Kuang Hua VI boats", "the boats")."""
    m = pattern.search(question)
    if not m:
        return []
    words: list[str] = []
    for word in _WORD.findall(m.group(1))[:5]:
        if word.casefold() in _PHRASE_END:
            break
        if not word[0].isupper():
            words.append(word)
    return words


def _is_figure(tokens: list[str], i: int) -> bool:
    """A figure that is not part of a date (a year, or a day next to a month name)."""
    word = tokens[i].strip("(),.;:“”\"'’$€£%")
    if not _NUMBER.fullmatch(word) and not re.search(r"\d", word):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", word):
        return False
    near = {t.strip(",.;:()").casefold() for t in tokens[max(0, i - 1):i + 2]}
    return not near & _MONTHS


def _counts(sentence: str, focus: list[str]) -> bool:
    """Does the sentence give a figure for the counted thing next to it: its head noun near the
    figure ("10,000 North Korean troops"), or any of its nouns as "a crew of 19"? A modifier
    alone does not count: "13,000 containers of artillery" gives no number of artillery units."""
    tokens = sentence.split()
    before, after = FIGURE_WINDOW
    for i in range(len(tokens)):
        if not _is_figure(tokens, i):
            continue
        if focus[-1] in terms(" ".join(tokens[max(0, i - before):i + after + 1])):
            return True
        if i >= 2 and tokens[i - 1].casefold() == "of" and set(terms(tokens[i - 2])) & set(focus):
            return True
    return False


def _is_name_word(token: str, asked: set[str]) -> bool:
    word = token.strip(",.;:()“”\"'’")
    return word[:1].isupper() and not word.isupper() and word.casefold() not in asked


def _names(sentence: str, focus: list[str], question: str) -> bool:
    """Does a full name (two capitalised words, neither an acronym nor a word of the question)
    follow the named noun closely, as in "the driver, John Smith" or "police chief Bob Day"?
    One capitalised word is not enough: "a suspected Venezuelan gang member"."""
    tokens = sentence.split()
    asked = {w.casefold() for w in _WORD.findall(question)}
    for i, token in enumerate(tokens):
        if not set(focus) & set(terms(token)):
            continue
        for j in range(i + 1, min(i + 1 + NAME_WINDOW, len(tokens) - 1)):
            if (_is_name_word(tokens[j], asked) and _is_name_word(tokens[j + 1], asked)
                    and not re.search(r"[,.;:]$", tokens[j])):
                return True
    return False


def _focus_gap(question: str, evidence: Sequence[Evidence]) -> str | None:
    """The answer type is there but not for the thing asked: a figure that counts something else
    ("how many soldiers were killed" over "10,000 troops"), or a name that is not the named
    person's. Checked only when the question names the thing as a common noun."""
    counted = _focus(_COUNTED, question)
    stems = terms(" ".join(counted))
    if stems and not any(_counts(ev.text, stems) for ev in evidence[:3]):
        return "no figure is given for the " + " ".join(counted)
    # Only person questions: a person's name follows the role ("police chief Bob Day"), while
    # a thing's name may come first ("the “Comprehensive Strategic Partnership” treaty").
    named = _focus(_NAMED, question) if question_kind(question) == "person" else []
    stems = terms(" ".join(named))
    if stems and not any(_names(ev.text, stems, question) for ev in evidence[:5]):
        return "no name is given for the " + " ".join(named)
    return None


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
    if kind in ("number", "date", "person") and not _typed_on_topic(kind, question, evidence[:3]):
        return f"no {'name' if kind == 'person' else kind} is given for it"
    return _focus_gap(question, evidence)


def _typed_on_topic(kind: str, question: str, top: Sequence[Evidence]) -> bool:
    """Does a top sentence carry the kind of answer asked for AND cover the question about as
    well as the best-covering one? A date in a sentence about something else ("signed in June")
    does not date the event asked about ("when were the documents exchanged")."""
    covered = max((ev.lexical for ev in top), default=0.0)
    return any(kind_fit(kind, ev.text, question) and ev.lexical >= TYPED_MIN_COVER * covered
               for ev in top)
