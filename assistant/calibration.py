"""The numbers tuned with the reader (train/tune.py) and shipped beside it in thresholds.json:
how the reader's score, the sentence's similarity and its shared rare words combine, where
abstention starts, and how sure a short answer must be to lead the answer. Tuned on held-out
weeks of the training data, never on the development or gold set."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .reader import MODEL_DIR

__all__ = ["THRESHOLDS", "Thresholds", "shipped"]


@dataclass(frozen=True)
class Thresholds:
    # Logistic weights: intercept, reader logit, sentence cosine, lexical coverage, passage
    # cosine. Fitted on the candidates the answer path really reads for held-out questions:
    # most are off topic, which the reader (trained on on-topic sentences) cannot tell alone.
    combine: tuple[float, ...] = field(default=(-1.29, 0.87, 2.24, 1.36, 0.0))
    abstain_below: float = 0.5  # the best sentence's combined score under which nobody says it
    short_min: float = 4.0  # start + end logit a short answer needs to lead the answer


def shipped() -> Thresholds:
    path = MODEL_DIR / "thresholds.json"
    if not path.is_file():
        return Thresholds()
    tuned = json.loads(path.read_text())
    return Thresholds(tuple(tuned["combine"]), float(tuned["abstain_below"]),
                      float(tuned["short_min"]))


THRESHOLDS = shipped()
