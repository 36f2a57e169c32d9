"""The written stage: questions written by hand about articles of the training weeks.

Cloze questions (`train.cloze`) are an article's own sentence with a word swapped for a
question word: they teach plainly worded questions, but never a paraphrase, and never a question
the article leaves open. `train/written/questions.jsonl` holds questions written by reading
training-week articles (none retrieved by a held-out week, none of `train/natural/`, never the
development or gold set), as a reader who has just read the story asks them: two the article
answers in one sentence (the answer copied from it), one on the same topic it never answers
("nearly answered": the injured are counted, the dead are not).

Each answered question is a group like the ranking stage's: its answer sentence against the
article's sentences nearest to it that lack the answer. Each unanswered one is a group of
negatives only: the relevance loss learns from it, the ranking loss (which needs an answer to
rank) does not.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from .data import (
    Pair,
    _overlap,
    answer_span,
    article_sentences,
    content_words,
    load_corpus,
    read_pairs,
)

__all__ = ["WRITTEN", "load_written", "written_groups", "written_stage"]

WRITTEN = Path(__file__).resolve().parent / "written" / "questions.jsonl"
NEGATIVES = 5  # per written question: the article's sentences nearest to it


def load_written(path: Path = WRITTEN) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _answer_sentence(q: dict, holding: dict[str, tuple[int, int]]
                     ) -> tuple[str, tuple[int, int]] | None:
    """Of the article sentences holding the written answer (with its span), the one sharing
    most words with the written evidence; None when no sentence holds it."""
    evidence = content_words(q["evidence"])
    if not holding:
        return None
    sentence = max(holding, key=lambda s: len(evidence & content_words(s)))
    return sentence, holding[sentence]


def _group(q: dict, doc: dict, cache: dict[str, list[str]], number: int) -> Iterator[Pair]:
    sentences = article_sentences(doc, cache)
    qid = f"written-{number}"
    # The sentences (as the answer path splits the article) that carry the answer string.
    holding = {s: span for s in sentences
               if q["answerable"] and (span := answer_span(s, q["answer"])) is not None}
    if q["answerable"]:
        found = _answer_sentence(q, holding)
        if found is None:
            return
        yield Pair(qid, q["question"], doc["title"], found[0], 1, found[1])
    # Those are left out, not taught as negatives.
    others = [s for s in sentences if s not in holding]
    asked = content_words(q["question"])
    for other in sorted(others, key=lambda s: -_overlap(asked, s))[:NEGATIVES]:
        yield Pair(qid, q["question"], doc["title"], other, 0, None)


def written_groups(questions: list[dict], corpus: dict[str, dict]) -> list[Pair]:
    cache: dict[str, list[str]] = {}
    return [p for k, q in enumerate(questions) if q["article_id"] in corpus
            for p in _group(q, corpus[q["article_id"]], cache, k)]


def written_stage(data: Path, out: Path, seed: int, replay: list[Pair], size: int,
                  path: Path = WRITTEN) -> list[Pair]:
    """The written questions' groups beside `size` of the ranking stage's questions again (so
    that their order is not forgotten). Cached in `out/written-pairs.json`."""
    cached = out / "written-pairs.json"
    if cached.is_file():
        return read_pairs(cached)
    questions = load_written(path)
    pairs = written_groups(questions, load_corpus(data, {q["article_id"] for q in questions}))
    groups: dict[str, list[Pair]] = {}
    for p in replay:
        groups.setdefault(p.question_id, []).append(p)
    rng = random.Random(seed)
    for qid in rng.sample(sorted(groups), min(size, len(groups))):
        pairs += groups[qid]
    cached.write_text(json.dumps([p.__dict__ for p in pairs]))
    return pairs
