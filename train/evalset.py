"""The natural tuning questions (and the off-topic ones) in the gold format, for end-to-end
evals of the answer path on the tuning set, never on the gold or development set:

    python -m train.evalset natural.jsonl
    newsqa eval --dataset natural.jsonl --store train/out/natural-store --llm extractive

The held-out quiz weeks need no conversion: `newsqa eval --dataset realtimeqa:train/out/holdout
--store train/out/holdout-store`. Both stores are built by `make train` (`train/tune.py`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .run import DEFAULT_OUT
from .tune import _off_topic, _questions

__all__ = ["natural_eval_set"]


def natural_eval_set(target: Path, out: Path = DEFAULT_OUT) -> int:
    """Write the natural questions (their answer as the words an answer must include) and the
    off-topic ones (unanswerable) to `target`; returns how many."""
    natural = _questions(out / "natural")
    rows = [{"id": q["id"], "question": q["question"], "reference_answer": q["answer"],
             "must_include": [[q["answer"]]] if q["answerable"] else [], "gold_articles": [],
             "category": q["kind"] if q["answerable"] else "unanswerable"} for q in natural]
    rows += [{"id": f"off-{q['id']}", "question": q["question"], "reference_answer": "",
              "must_include": [], "gold_articles": [], "category": "unanswerable"}
             for q in _off_topic(_questions(out / "holdout"), out / "natural")]
    target.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return len(rows)


if __name__ == "__main__":
    print(natural_eval_set(Path(sys.argv[1])), "questions written to", sys.argv[1])
