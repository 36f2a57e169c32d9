"""The training side's own logic, on small inputs: cloze pairs, the conditional logit that
weighs the answer path's features, and the hand-written natural tuning set."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np

from assistant.rerank import FEATURES
from train.cloze import cloze_pairs
from train.data import NATURAL
from train.tune import _conditional_logit

ARTICLE = {
    "id": "a1", "title": "Parliament votes",
    "text": ("North Korea's parliament, the Supreme People's Assembly, has the right to ratify "
             "treaties under the constitution.\nLawmakers in Moscow voted unanimously on "
             "Thursday to approve the defence treaty with Pyongyang.\nThe treaty now goes to "
             "the Federation Council, the upper house, for its approval next week.\nAnalysts "
             "said the vote had been expected for several months by most diplomats.")}


def test_a_cloze_question_is_its_sentence_with_the_answer_asked_for() -> None:
    pairs = cloze_pairs({"a1": ARTICLE}, 30, seed=1)
    positives = [p for p in pairs if p.label]
    assert positives and len(pairs) == 3 * len(positives)  # two negatives each
    for p in positives:
        assert p.span is not None
        answer = p.sentence[p.span[0]:p.span[1]]
        assert answer and answer not in p.question  # the answer is what is asked for
        assert p.question.endswith("?")
        assert any(w in p.question.split() for w in ("which", "when", "how"))
    negatives = [p for p in pairs if not p.label]
    assert all(p.span is None and p.sentence in ARTICLE["text"] for p in negatives)
    assert {(p.question, p.sentence) for p in negatives}.isdisjoint(
        {(p.question, p.sentence) for p in positives})


def test_the_conditional_logit_finds_the_feature_that_marks_answers() -> None:
    rng = np.random.default_rng(0)
    rows, labels, groups = [], [], []
    for _ in range(60):  # questions of 8 candidates; feature 1 marks the answer, 0 is noise
        start = len(rows)
        answer = int(rng.integers(8))
        for i in range(8):
            rows.append([rng.normal(), rng.normal() + (2.0 if i == answer else 0.0)])
            labels.append(float(i == answer))
        groups.append(list(range(start, start + 8)))
    w = _conditional_logit(np.array(rows), np.array(labels), groups)
    assert w[1] > 1.0 and abs(w[0]) < 0.5 * w[1]


def test_the_natural_tuning_set_quotes_its_articles() -> None:
    questions = [json.loads(line) for line in (NATURAL / "questions.jsonl").open()]
    ids = json.loads((NATURAL / "articles.json").read_text())
    assert len(questions) == 160 and sum(q["answerable"] for q in questions) == 120
    assert {q["article_id"] for q in questions} <= set(ids["articles"])
    assert not set(ids["articles"]) & set(ids["distractors"])
    for q in random.Random(0).sample([q for q in questions if q["answerable"]], 20):
        assert q["answer"] and q["answer"] in q["evidence"], q["id"]


def test_the_shipped_thresholds_weigh_the_answer_paths_features() -> None:
    tuned = json.loads((Path(__file__).resolve().parents[1] / "assistant/models/thresholds.json")
                       .read_text())
    assert tuned["features"] == ["intercept", *FEATURES]
    assert len(tuned["combine"]) == len(tuned["confidence"]) == len(FEATURES) + 1
    assert tuned["confidence"][1 + FEATURES.index("freshness")] == 0.0
