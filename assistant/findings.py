"""What an answer is made from (`Findings`), and the bar a sentence clears to be shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index import Article, Embedder

from . import calibration
from .question import Question
from .rerank import Evidence

__all__ = ["Findings", "shown_bar"]


@dataclass(frozen=True)
class Findings:
    """What a question's answer is made from: the question, its ranked evidence, their
    articles by id, and the embedder that compares sentences (the one the evidence was ranked
    with, so its sentence vectors are cached)."""

    question: Question
    ranked: Sequence[Evidence]
    articles: dict[str, Article]
    embedder: Embedder


def shown_bar() -> float:
    """The score a sentence besides the answer's needs to be shown (another report, the next
    sentence): the abstention bar, for the reader's scores are probabilities, not ratios."""
    return calibration.THRESHOLDS.abstain_below
