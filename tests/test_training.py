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


def test_the_ranking_loss_compares_a_questions_sentences_with_each_other() -> None:
    import torch

    from train.loop import ranking_loss

    labels = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.0])
    groups = torch.tensor([0, 0, 0, 1, 1])
    right = ranking_loss(torch.tensor([5.0, 0.0, 0.0, 4.0, 1.0]), labels, groups)
    wrong = ranking_loss(torch.tensor([0.0, 5.0, 0.0, 1.0, 4.0]), labels, groups)
    assert right is not None and wrong is not None and right < 0.1 < 2.0 < wrong
    # Every sentence at ~0.99 alone is no ranking: the loss still tells them apart.
    assert ranking_loss(torch.tensor([9.0, 9.0, 9.0, 9.0, 9.0]), labels, groups) > 0.5
    # A question with no answering sentence, or only answering ones, has nothing to rank.
    assert ranking_loss(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 0.0]),
                        torch.tensor([0, 0])) is None


def test_question_batches_keep_each_question_whole() -> None:
    from train.encode import Encoded
    from train.loop import question_batches

    items = [Encoded([1, 2], [0, 1], int(k == 0), -100, -100, f"q{q}")
             for q in range(10) for k in range(q % 4 + 2)]
    plan = question_batches(items, 8, seed=3)
    assert sorted(id(e) for b in plan for e in b) == sorted(id(e) for e in items)
    for batch in plan:
        assert len(batch) >= 8 or batch is plan[-1]
    where = {e.group: {i for i, b in enumerate(plan) if e in b} for e in items}
    assert all(len(batches) == 1 for batches in where.values())


def test_the_ranking_stage_asks_a_cloze_question_against_its_nearest_sentences() -> None:
    from train.rankstage import CLOZE_NEGATIVES, cloze_groups

    text = ("A total of 14 teams qualify for the NFL playoffs each season now.\n"
            "Packers-Bears is the most-played NFL rivalry with 207 meetings so far.\n"
            "The NFL playoffs begin in January after the regular season ends.\n"
            "Fans said the NFL playoffs were the best part of the season by far.\n"
            "The league also announced a new broadcast partner for the games.\n"
            "Tickets for the games will go on sale to the public next month.\n"
            "Weather was mild across most of the country over the long weekend.")
    pairs = cloze_groups({"d1": {"id": "d1", "title": "NFL", "text": text}}, 1, seed=2)
    positive, *negatives = pairs
    assert positive.label == 1 and positive.span is not None
    assert positive.sentence[positive.span[0]:positive.span[1]] not in positive.question
    assert len(negatives) == CLOZE_NEGATIVES and not any(p.label for p in negatives)
    assert {p.question_id for p in pairs} == {positive.question_id}
    # The sentence sharing nothing with the question is the one left out.
    assert "Weather was mild" not in {p.sentence[:16] for p in negatives}
