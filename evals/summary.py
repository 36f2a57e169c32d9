"""Aggregates of per-question verdicts: overall and per category."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from .metrics import Verdicts

__all__ = [
    "HIT_KS",
    "METRICS",
    "MetricSpec",
    "Summary",
    "abstention_scores",
    "hit_at_k",
    "mean_reciprocal_rank",
    "percentile",
    "quote_validity",
    "rate",
    "summarise",
    "summarise_by_category",
]

HIT_KS = (1, 3, 5)


@dataclass(frozen=True)
class MetricSpec:
    key: str
    label: str
    kind: Literal["rate", "score", "ms"]
    higher_is_better: bool = True


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("accuracy", "answer correct", "rate"),
    MetricSpec("grounded", "grounded correct", "rate"),
    MetricSpec("quote_validity", "quote validity", "rate"),
    MetricSpec("citation_precision", "citation precision", "rate"),
    MetricSpec("citation_recall", "citation recall", "rate"),
    *(MetricSpec(f"hit_at_{k}", f"retrieval hit@{k}", "rate") for k in HIT_KS),
    MetricSpec("mrr", "retrieval MRR", "score"),
    MetricSpec("abstention_precision", "abstention precision", "rate"),
    MetricSpec("abstention_recall", "abstention recall", "rate"),
    MetricSpec("token_f1", "token F1", "score"),
    MetricSpec("latency_p50_ms", "latency p50", "ms", higher_is_better=False),
    MetricSpec("latency_p95_ms", "latency p95", "ms", higher_is_better=False),
    MetricSpec("judge_accuracy", "LLM-judge correct", "rate"),
)


@dataclass(frozen=True)
class Summary:
    """Scores of a set of questions; None where a metric has nothing to measure."""

    n: int
    answerable: int
    errors: int
    quotes: int
    accuracy: float | None
    grounded: float | None
    quote_validity: float | None
    citation_precision: float | None
    citation_recall: float | None
    hit_at_1: float | None
    hit_at_3: float | None
    hit_at_5: float | None
    mrr: float | None
    abstention_precision: float | None
    abstention_recall: float | None
    token_f1: float | None
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    judge_accuracy: float | None

    def metrics(self) -> dict[str, float | None]:
        """The scored metrics, in METRICS order (no counts)."""
        values = asdict(self)
        return {spec.key: values[spec.key] for spec in METRICS}


def rate(flags: Iterable[bool | None]) -> float | None:
    """Share of True among the flags that apply (None flags are skipped)."""
    applicable = [f for f in flags if f is not None]
    return sum(applicable) / len(applicable) if applicable else None


def mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def hit_at_k(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of questions whose first relevant passage is ranked k or better."""
    return rate(r is not None and r <= k for r in ranks) if ranks else None


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float | None:
    return mean(1.0 / r if r else 0.0 for r in ranks) if ranks else None


def abstention_scores(pairs: Sequence[tuple[bool, bool]]) -> tuple[float | None, float | None]:
    """(precision, recall) of abstaining, from (abstained, should_abstain) pairs."""
    abstained = [should for did, should in pairs if did]
    expected = [did for did, should in pairs if should]
    return rate(abstained) if abstained else None, rate(expected) if expected else None


def percentile(values: Sequence[float], q: int) -> float | None:
    """The q-th percentile, interpolated between the closest ranks."""
    if not values:
        return None
    if len(values) == 1:
        return float(values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def quote_validity(verdicts: Sequence[Verdicts]) -> float | None:
    """Share of all quotes (not of questions) that stand verbatim at their offsets."""
    return rate(q.valid for v in verdicts for q in v.quotes)


def summarise(verdicts: Sequence[Verdicts]) -> Summary:
    answerable = [v for v in verdicts if v.answerable]
    ranks = [v.first_relevant_rank for v in answerable]
    latencies = [v.latency_ms for v in verdicts if v.latency_ms is not None]
    precision, recall = abstention_scores([(v.abstained, not v.answerable) for v in verdicts])
    return Summary(
        n=len(verdicts), answerable=len(answerable),
        errors=sum(v.error is not None for v in verdicts),
        quotes=sum(len(v.quotes) for v in verdicts),
        accuracy=rate(v.correct for v in answerable),
        grounded=rate(v.grounded for v in answerable),
        quote_validity=quote_validity(verdicts),
        citation_precision=rate(v.citation_precise for v in answerable),
        citation_recall=rate(v.citation_recalled for v in answerable),
        hit_at_1=hit_at_k(ranks, 1), hit_at_3=hit_at_k(ranks, 3), hit_at_5=hit_at_k(ranks, 5),
        mrr=mean_reciprocal_rank(ranks),
        abstention_precision=precision, abstention_recall=recall,
        token_f1=mean(v.token_f1 for v in answerable),
        latency_p50_ms=percentile(latencies, 50), latency_p95_ms=percentile(latencies, 95),
        judge_accuracy=rate(v.judge for v in answerable),
    )


def summarise_by_category(pairs: Iterable[tuple[str, Verdicts]]) -> dict[str, Summary]:
    grouped: dict[str, list[Verdicts]] = {}
    for category, verdicts in pairs:
        grouped.setdefault(category, []).append(verdicts)
    return {category: summarise(grouped[category]) for category in sorted(grouped)}
