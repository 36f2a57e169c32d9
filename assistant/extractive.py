"""The extractive answerer: no generative model; the answer IS the best evidence, quoted.

It leads with the sentence that best answers the question, adds a differing figure from another
article when sources conflict, and says how many other articles report the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


from index import Article, Embedder

from .citing import CitationList
from .evidence import Evidence, kind_fit, question_kind
from .types import Citation

__all__ = ["ExtractiveDraft", "compose_extractive", "human_date"]

AGREE_MIN_COSINE = 0.80  # two sentences this close say the same thing in other words
MAX_AGREEING = 3
_FIGURE = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class ExtractiveDraft:
    text: str
    citations: list[Citation]


def _figures(text: str) -> set[str]:
    return {f.replace(",", "").rstrip(".") for f in _FIGURE.findall(text)}


def _conflicting(best: Evidence, ranked: Sequence[Evidence]) -> Evidence | None:
    """A strong sentence from another article giving a different figure for the same thing."""
    mine = _figures(best.text)
    for ev in ranked[1:8]:
        if (ev.article_id != best.article_id and ev.score >= 0.8 * best.score
                and _figures(ev.text) and not _figures(ev.text) & mine):
            return ev
    return None


def _agreeing(best: Evidence, ranked: Sequence[Evidence], embedder: Embedder,
              exclude: set[str]) -> list[Evidence]:
    """Sentences of other articles that say what the best one says."""
    others = [ev for ev in ranked[1:24] if ev.article_id not in exclude]
    if not others:
        return []
    vectors = embedder.embed_documents([best.text] + [ev.text for ev in others])
    sims = vectors[1:] @ vectors[0]
    chosen: list[Evidence] = []
    for ev, sim in sorted(zip(others, sims, strict=True), key=lambda x: -float(x[1])):
        if float(sim) >= AGREE_MIN_COSINE and ev.article_id not in {c.article_id for c in chosen}:
            chosen.append(ev)
    return chosen[:MAX_AGREEING]


def human_date(iso: str | None) -> str | None:
    """"2024-10-24" -> "24 October 2024", the way the articles write dates."""
    return date.fromisoformat(iso).strftime("%d %B %Y") if iso else None


def _attribution(article: Article, with_title: bool) -> str:
    bits = [f"“{article.title}”"] if with_title else []
    bits += [b for b in (article.outlet, human_date(article.published)) if b]
    return f" ({', '.join(bits)})" if bits else ""


def _pick_best(question: str, ranked: Sequence[Evidence]) -> Evidence:
    """The top sentence, unless a close runner-up carries the kind of answer asked for."""
    kind = question_kind(question)
    for ev in ranked[:3]:
        if ev.score >= 0.85 * ranked[0].score and kind_fit(kind, ev.text, question) == 1.0:
            return ev
    return ranked[0]


def _next_sentence(best: Evidence, ranked: Sequence[Evidence], text: str) -> Evidence | None:
    """The sentence right after the best one, when it is relevant too: a sentence that restates
    the question is often followed by the one that answers it."""
    for ev in ranked[1:]:
        if (ev.article_id == best.article_id and ev.start > best.end
                and not text[best.end:ev.start].strip() and ev.score >= 0.75 * best.score):
            return ev
    return None


def compose_extractive(
    question: str, ranked: Sequence[Evidence], articles: dict[str, Article], embedder: Embedder,
) -> ExtractiveDraft:
    cites = CitationList()
    best = _pick_best(question, ranked)
    article = articles[best.article_id]
    lead = [best]
    following = _next_sentence(best, ranked, article.text)
    if following is not None and len(best.text.split()) + len(following.text.split()) <= 55:
        lead.append(following)
    quoted = " ".join(f"“{ev.text}” [{cites.cite(article, ev.start, ev.end)}]" for ev in lead)
    parts = [quoted + _attribution(article, question_kind(question) == "meta")]
    used = {best.article_id}
    conflict = _conflicting(best, ranked) if question_kind(question) == "number" else None
    if conflict is not None:
        n = cites.cite(articles[conflict.article_id], conflict.start, conflict.end)
        parts.append(f"Another report gives a different figure: “{conflict.text}” [{n}]"
                     + _attribution(articles[conflict.article_id], False))
        used.add(conflict.article_id)
    agreeing = _agreeing(best, ranked, embedder, used)
    if agreeing:
        marks = "".join(f"[{cites.cite(articles[ev.article_id], ev.start, ev.end)}]"
                        for ev in agreeing)
        parts.append(f"{len(agreeing) + 1} articles report this {marks}.")
    return ExtractiveDraft(" ".join(parts), cites.items)
