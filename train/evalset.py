"""The natural tuning questions (and the off-topic ones) in the gold format, for end-to-end
evals of the answer path on the tuning set, never on the gold or development set:

    python -m train.evalset natural.jsonl [followups.jsonl]
    newsqa eval --dataset natural.jsonl --store train/out/natural-store --llm extractive
    newsqa eval --dataset followups.jsonl --store train/out/natural-store --llm extractive

The held-out quiz weeks need no conversion: `newsqa eval --dataset realtimeqa:train/out/holdout
--store train/out/holdout-store`. Both stores are built by `make train` (`train/tune.py`).

The follow-ups (`train/natural/followups.jsonl`) are conversations over the same articles,
written by hand: a natural question and its reference answer as the first turn, then a question
that leans on it ("How much is she paid as CEO?" after Fortune's No. 1). No tuning set held a
follow-up before; these measure the follow-up path on questions kept from the gold set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .data import NATURAL
from .run import DEFAULT_OUT
from .tuningsets import _followups, _off_topic, _questions

__all__ = ["followup_eval_set", "natural_eval_set"]


def _row(q: dict, row_id: str, question: str) -> dict:
    return {"id": row_id, "question": question, "reference_answer": q["answer"],
            "must_include": [[q["answer"]]] if q["answerable"] else [], "gold_articles": [],
            "category": q["kind"] if q["answerable"] else "unanswerable"}


def natural_eval_set(target: Path, out: Path = DEFAULT_OUT) -> int:
    """Write the natural questions (their answer as the words an answer must include) and the
    off-topic ones (unanswerable) to `target`; returns how many."""
    natural = _questions(out / "natural")
    rows = [_row(q, q["id"], q["question"]) for q in natural]
    rows += [{"id": f"off-{q['id']}", "question": q["question"], "reference_answer": "",
              "must_include": [], "gold_articles": [], "category": "unanswerable"}
             for q in _off_topic(_questions(out / "holdout"), out / "natural")]
    target.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return len(rows)


def followup_eval_set(target: Path) -> int:
    """Write the follow-up conversations to `target` in the gold format: the first question and
    its reference answer as the history, the follow-up scored as the question it leans on
    (category "follow_up", or "unanswerable"); returns how many."""
    rows = [{**_row(q, q["id"], q["question"]), "history": q["history"],
             "category": "follow_up" if q["answerable"] else "unanswerable"}
            for q in _followups(NATURAL)]
    target.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return len(rows)


if __name__ == "__main__":
    print(natural_eval_set(Path(sys.argv[1])), "questions written to", sys.argv[1])
    if len(sys.argv) > 2:
        print(followup_eval_set(Path(sys.argv[2])), "follow-ups written to", sys.argv[2])
