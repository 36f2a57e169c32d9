"""Tune the answer path's numbers on held-out weeks of the training data.

First the weights that combine the reader's logit with the sentence's cosine and lexical
coverage: a logistic regression on the held-out sentence pairs. Then, end to end, the two
thresholds: the held-out questions and their search results become a small RealTime QA-shaped
benchmark (`train/out/holdout/`), ingested into its own store; every question is answered
once with both thresholds off, recording the best evidence's score and the short answer, and
the thresholds are chosen from those records:
- `abstain_below`: maximises right answers plus right abstentions (the eval's "passed");
- `short_min`: the lowest span score at which the short answer still contains the gold answer
  for at least SHORT_PRECISION of the correctly answered questions.
Written to `assistant/models/thresholds.json`, which `assistant.calibration` reads.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

import numpy as np

from .data import DEFAULT_DATA, write_holdout

__all__ = ["SHORT_PRECISION", "tune"]

SHORT_PRECISION = 0.8


def _features(pairs: list[dict]) -> np.ndarray:
    """Per pair: the reader's logit, the sentence's cosine to the question and its share of the
    question's rare words among the question's candidates (as `assistant.rerank` computes)."""
    from assistant.evidence import sentence_vectors, terms
    from assistant.reader import get_reader
    from assistant.rerank import _lexical
    from index import make_embedder

    reader, embedder = get_reader(), make_embedder()
    features = np.zeros((len(pairs), 3))
    by_question: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        by_question[p["question_id"]].append(i)
    for ix in by_question.values():
        question = pairs[ix[0]]["question"]
        readings = reader.read(question, [(pairs[i]["sentence"], pairs[i]["title"]) for i in ix])
        cosines = sentence_vectors(embedder, [pairs[i]["sentence"] for i in ix]) @ \
            embedder.embed_query(question)
        lexical = _lexical(terms(question), [terms(pairs[i]["sentence"]) for i in ix])
        for k, i in enumerate(ix):
            prob = min(max(readings[k].relevance, 1e-6), 1 - 1e-6)
            features[i] = (math.log(prob / (1 - prob)), float(cosines[k]), lexical[k])
    return features


def _combination(out: Path) -> tuple[float, float, float, float]:
    from sklearn.linear_model import LogisticRegression

    pairs = json.loads((out / "pairs.json").read_text())["validation"]
    fit = LogisticRegression().fit(_features(pairs), [p["label"] for p in pairs])
    return (round(float(fit.intercept_[0]), 4),
            *(round(float(w), 4) for w in fit.coef_[0]))  # type: ignore[return-value]


def _records(holdout: Path, store: Path, combine: tuple[float, float, float, float]
             ) -> list[dict]:
    from assistant import Assistant, Settings, calibration
    from evals.text import first_words, mentions
    from index import NewsIndex

    settings = Settings(store=store, llm="extractive", _env_file=None)
    index = NewsIndex(settings.store_config())
    if not index.store.count_articles():
        index.ingest([holdout / "corpus.jsonl"])
    assistant = Assistant(settings, index=index)
    calibration.THRESHOLDS = calibration.Thresholds(combine, abstain_below=-1.0, short_min=-1e9)
    records = []
    for line in (holdout / "questions.jsonl").read_text().splitlines():
        q = json.loads(line)
        answer = assistant.ask(q["question"], as_of=q["question_date"].replace("/", "-"))
        gold = q["answer"]
        records.append({
            "id": q["id"], "answerable": q["answerable"], "score": answer.confidence,
            "correct": q["answerable"] and mentions(first_words(answer.text), gold),
            "short": answer.short.text if answer.short else None,
            "short_score": answer.short.score if answer.short else None,
            "short_right": bool(answer.short and mentions(answer.short.text, gold)),
        })
    return records


def _abstain_below(records: list[dict]) -> tuple[float, dict]:
    best: tuple[float, float, dict] = (-1.0, 0.0, {})
    for t in np.arange(0.05, 0.95, 0.01):
        answered = [r for r in records if r["score"] >= t]
        right = sum(r["correct"] for r in answered) + sum(
            not r["answerable"] for r in records if r["score"] < t)
        if right > best[0]:
            abstained = [r for r in records if r["score"] < t]
            best = (right, float(t), {
                "passed": right / len(records),
                "accuracy": sum(r["correct"] for r in answered) / max(1, sum(
                    r["answerable"] for r in records)),
                "abstention_recall": sum(not r["answerable"] for r in abstained) / max(1, sum(
                    not r["answerable"] for r in records)),
                "abstention_precision": sum(not r["answerable"] for r in abstained)
                / max(1, len(abstained))})
    return round(best[1], 2), best[2]


def _short_min(records: list[dict]) -> float:
    shorts = sorted((r for r in records if r["correct"] and r["short"] is not None),
                    key=lambda r: -r["short_score"])
    chosen = float("inf")
    right = 0
    for n, r in enumerate(shorts, start=1):
        right += r["short_right"]
        if right / n >= SHORT_PRECISION:
            chosen = r["short_score"]
    return round(chosen, 2)


def tune(out: Path, target: Path, data: Path = DEFAULT_DATA, seed: int = 13) -> dict:
    holdout = out / "holdout"
    if not (holdout / "questions.jsonl").is_file():
        write_holdout(data, holdout, seed)
    combine = _combination(out)
    records = _records(holdout, out / "holdout-store", combine)
    abstain_below, figures = _abstain_below(records)
    result = {"combine": combine, "abstain_below": abstain_below,
              "short_min": _short_min(records),
              "holdout_questions": len(records), "at_these_thresholds": figures}
    (target / "thresholds.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "tuning-records.json").write_text(json.dumps(records))
    return result
