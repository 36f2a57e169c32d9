"""Validation figures for the model card: how well the reader ranks and reads held-out weeks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from assistant.reader import best_span

from .data import Pair, _normal

__all__ = ["Scores", "metrics"]

# (relevance logits [n], start logits [n, t], end logits [n, t], offsets per pair)
Scores = tuple[np.ndarray, np.ndarray, np.ndarray, list[list[tuple[int, int]]]]


def _auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Probability a positive outscores a negative (Mann-Whitney U)."""
    order = scores.argsort()
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    pos = labels == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def metrics(pairs: Sequence[Pair], score: Callable[[Sequence[Pair]], Scores]) -> dict[str, float]:
    relevance, start, end, offsets = score(pairs)
    labels = np.array([p.label for p in pairs])
    by_question: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        by_question[p.question_id].append(i)
    top1 = [labels[max(ix, key=lambda i: relevance[i])] for ix in by_question.values()
            if labels[ix].any()]
    exact, contains = [], []
    for i, p in enumerate(pairs):
        if p.span is None:
            continue
        a, b, _ = best_span(start[i], end[i])
        got = _normal(p.sentence[offsets[i][a][0]:offsets[i][b][1]]).casefold()
        want = _normal(p.sentence[p.span[0]:p.span[1]]).casefold()
        exact.append(got == want)
        contains.append(want in got and len(got) <= 3 * len(want) + 10)
    return {"pairs": len(pairs), "positives": int(labels.sum()),
            "relevance_auc": round(_auc(relevance, labels), 4),
            "question_top1_is_answer": round(float(np.mean(top1)), 4) if top1 else float("nan"),
            "span_exact": round(float(np.mean(exact)), 4) if exact else float("nan"),
            "span_contains": round(float(np.mean(contains)), 4) if contains else float("nan")}
