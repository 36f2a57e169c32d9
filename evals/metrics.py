"""Per-question verdicts: is the answer correct, grounded in its quotes, are the quotes real,
are the right articles cited and retrieved, did it abstain when it should."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.types import Answer, Citation, RetrievedPassage

from .datasets import EvalItem
from .text import first_words, mentions, token_f1

__all__ = [
    "ArticleLike",
    "QuoteCheck",
    "Verdicts",
    "answer_correct",
    "article_keys",
    "check_quotes",
    "citation_precise",
    "citation_recalled",
    "cited_keys",
    "first_relevant_rank",
    "grounded_correct",
    "missing_groups",
    "score_answer",
]


class ArticleLike(Protocol):
    """What scoring needs of an indexed article (`index.Article` has it)."""

    @property
    def text(self) -> str: ...

    @property
    def doc_id(self) -> str | None: ...


@dataclass(frozen=True)
class QuoteCheck:
    n: int
    article_id: str
    valid: bool
    problem: str = ""  # why it is invalid, for the report


@dataclass(frozen=True)
class Verdicts:
    """Everything scored about one answer. `None` means "does not apply to this question"."""

    answerable: bool
    correct: bool | None
    grounded: bool | None
    abstained: bool
    quotes: tuple[QuoteCheck, ...]
    citation_precise: bool | None
    citation_recalled: bool | None
    first_relevant_rank: int | None  # 1-based; None when nothing relevant was retrieved
    token_f1: float | None
    latency_ms: float | None
    missing: tuple[tuple[str, ...], ...] = ()  # must_include groups not in the answer's start
    ungrounded: tuple[tuple[str, ...], ...] = ()  # groups in no cited quote
    error: str | None = None
    judge: bool | None = None  # the LLM judge's verdict, when one was asked

    @property
    def quotes_valid(self) -> bool:
        return all(q.valid for q in self.quotes)

    @property
    def passed(self) -> bool:
        """The one-word verdict: right (and grounded) answer or right abstention, real quotes."""
        if self.error is not None or not self.quotes_valid:
            return False
        return bool(self.grounded) if self.answerable else self.abstained

    @classmethod
    def failed(cls, item: EvalItem, error: str) -> Verdicts:
        """A question whose answer could not be produced counts against every metric."""
        answerable = item.answerable
        return cls(answerable=answerable, correct=False if answerable else None,
                   grounded=False if answerable else None, abstained=False, quotes=(),
                   citation_precise=None, citation_recalled=False if answerable else None,
                   first_relevant_rank=None, token_f1=0.0 if answerable else None,
                   latency_ms=None, missing=item.must_include, error=error)


def missing_groups(text: str, groups: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """The groups none of whose alternatives occurs in `text`."""
    return tuple(tuple(g) for g in groups if not any(mentions(text, alt) for alt in g))


def answer_correct(item: EvalItem, answer: Answer) -> bool:
    """Every must_include group has an alternative within the answer's first 60 words. An
    abstention is never correct, whatever the closest sentence it quotes happens to say."""
    return (item.answerable and not answer.abstained
            and not missing_groups(first_words(answer.text), item.must_include))


def _ungrounded(item: EvalItem, citations: Sequence[Citation]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g) for g in item.must_include
                 if not any(mentions(c.quote, alt) for c in citations for alt in g))


def grounded_correct(item: EvalItem, answer: Answer) -> bool:
    """Correct, and every group also stands in at least one cited quote."""
    return answer_correct(item, answer) and not _ungrounded(item, answer.citations)


def check_quotes(citations: Iterable[Citation],
                 articles: Mapping[str, ArticleLike]) -> tuple[QuoteCheck, ...]:
    """A quote is valid when its article's text, sliced at its offsets, is the quote exactly."""
    checks = []
    for c in citations:
        article = articles.get(c.article_id)
        if article is None:
            checks.append(QuoteCheck(c.n, c.article_id, False, "article not in the index"))
        elif article.text[c.start:c.end] != c.quote:
            found = article.text.find(c.quote)
            problem = (f"offsets {c.start}:{c.end} wrong (quote is at {found})" if found >= 0
                       else "quote not in the article text")
            checks.append(QuoteCheck(c.n, c.article_id, False, problem))
        else:
            checks.append(QuoteCheck(c.n, c.article_id, True))
    return tuple(checks)


def article_keys(source: str, doc_id: str | None = None) -> frozenset[str]:
    """The names a gold list may use for an article: its file name (with any "#2" suffix,
    which `basename` keeps) and, for JSON feeds, its document id."""
    keys = {os.path.basename(source)}
    if doc_id:
        keys.add(doc_id)
    return frozenset(k for k in keys if k)


def cited_keys(citations: Sequence[Citation],
               articles: Mapping[str, ArticleLike]) -> list[frozenset[str]]:
    """One key set per distinct cited article."""
    by_article: dict[str, frozenset[str]] = {}
    for c in citations:
        article = articles.get(c.article_id)
        by_article[c.article_id] = article_keys(c.source, article.doc_id if article else None)
    return list(by_article.values())


def citation_precise(item: EvalItem, cited: Sequence[frozenset[str]]) -> bool | None:
    """Cited articles ⊆ gold articles; None when unanswerable or nothing is cited."""
    if not item.answerable or not cited:
        return None
    gold = set(item.gold_articles)
    return all(keys & gold for keys in cited)


def citation_recalled(item: EvalItem, cited: Sequence[frozenset[str]]) -> bool | None:
    """At least one gold article is cited; None when unanswerable."""
    if not item.answerable:
        return None
    gold = set(item.gold_articles)
    return any(keys & gold for keys in cited)


def _relevant(item: EvalItem, passage: RetrievedPassage) -> bool:
    if article_keys(passage.source, passage.doc_id) & set(item.gold_articles):
        return True
    return any(mentions(passage.text, s) for s in item.relevant_text)


def first_relevant_rank(item: EvalItem, retrieved: Sequence[RetrievedPassage]) -> int | None:
    """The 1-based rank of the first passage from a gold article (or holding the answer)."""
    for rank, passage in enumerate(retrieved, start=1):
        if _relevant(item, passage):
            return rank
    return None


def score_answer(item: EvalItem, answer: Answer,
                 articles: Mapping[str, ArticleLike]) -> Verdicts:
    """All verdicts for one answer; `articles` holds (at least) every cited article by id."""
    answerable = item.answerable
    cited = cited_keys(answer.citations, articles)
    return Verdicts(
        answerable=answerable,
        correct=answer_correct(item, answer) if answerable else None,
        grounded=grounded_correct(item, answer) if answerable else None,
        abstained=answer.abstained,
        quotes=check_quotes(answer.citations, articles),
        citation_precise=citation_precise(item, cited),
        citation_recalled=citation_recalled(item, cited),
        first_relevant_rank=first_relevant_rank(item, answer.retrieved) if answerable else None,
        token_f1=token_f1(answer.text, item.reference_answer) if answerable else None,
        latency_ms=answer.timings.total_ms,
        missing=missing_groups(first_words(answer.text), item.must_include),
        ungrounded=_ungrounded(item, answer.citations),
    )
