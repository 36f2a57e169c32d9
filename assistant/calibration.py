"""The numbers tuned with the reader (train/tune.py) and shipped beside it in thresholds.json:
how the features of a sentence (`rerank.FEATURES`) combine to rank it and to say how likely
it states the answer, where abstention starts, and how sure a short answer must be to lead
the answer. Tuned on held-out weeks of the training data, never on the development or gold
set."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, fields
from typing import Any

from .reader import MODEL_DIR

__all__ = ["THRESHOLDS", "Thresholds", "shipped"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Thresholds:
    # Logistic weights: the intercept, then one per feature of `rerank.FEATURES`. Fitted on
    # the candidates the answer path really reads for held-out questions: most are off topic,
    # which the reader (trained on on-topic sentences) cannot tell alone. `combine` ranks;
    # `confidence` is the same direction without freshness, calibrated again: a question about
    # last year's articles is as answerable as one about today's, only their order may differ.
    combine: tuple[float, ...] = field(
        default=(-5.82, 0.383, 1.248, 1.198, 0.266, 2.514, 1.592, -0.369, 0.0, 0.0))
    confidence: tuple[float, ...] = field(
        default=(-5.82, 0.383, 1.248, 1.198, 0.266, 2.514, 0.0, -0.369, 0.0, 0.0))
    # Ranks and scores a standalone question asked at no moment: fitted on such questions
    # (`train.users`). Empty (thresholds.json of an older version): `combine` and `confidence`.
    timeless: tuple[float, ...] = ()
    # The best sentence's combined score under which no sentence states the answer (the bar
    # for showing another article's account; without `answerable` weights, for abstaining).
    abstain_below: float = 0.5
    abstain_below_timeless: float = 0.0  # the same for one asked at no stated moment
    min_topic_timeless: float = 0.0  # and the `topicality.topicality` under which it is off topic
    # The best sentence's score under which a follow-up asked at no stated moment abstains
    # (`compose._answerable`), tuned on the follow-up conversations (`train/natural/`); None
    # (null in thresholds.json, or missing from an older one): `abstain_below_timeless`.
    abstain_below_followup: float | None = None
    short_min: float = 4.0  # start + end logit a short answer needs to lead the answer
    # `answerability`: logistic weights (intercept first) over `answerability.QUESTION_FEATURES`
    # giving the probability that a question's best evidence answers it right, for a question
    # asked at a stated moment (`Question.dated`) and at none, and the probabilities under
    # which the answer abstains.
    # Empty (thresholds.json of an older version): the best sentence's score decides alone.
    answerable: tuple[float, ...] = ()
    answerable_timeless: tuple[float, ...] = ()
    answerable_below: float = 0.5
    answerable_below_timeless: float = 0.5


def shipped() -> Thresholds:
    """The tuned numbers; the defaults above for any a thresholds.json of another version
    lacks (with a warning: `make train` rewrites it, and must be able to import this)."""
    path = MODEL_DIR / "thresholds.json"
    if not path.is_file():
        return Thresholds()
    tuned = json.loads(path.read_text())
    names = [f.name for f in fields(Thresholds)]
    missing = [n for n in names if n not in tuned]
    if missing:
        log.warning("%s lacks %s: using defaults. Reinstall newsqa, or rebuild the model and "
                    "its thresholds with `make train`.", path, ", ".join(missing))
    values: dict[str, Any] = {n: tuple(tuned[n]) if isinstance(tuned[n], list)
                              else None if tuned[n] is None else float(tuned[n])
                              for n in names if n in tuned}
    return Thresholds(**values)


THRESHOLDS = shipped()
