"""The ranking stage: whole questions, their answer against the sentences that nearly answer.

The earlier stages score each sentence alone, and on plainly worded questions several sentences
of one question all reach ~0.99 ("How many teams make the NFL playoffs?": "A total of 14 teams
qualify…" and "…Packers-Bears is the most-played (207 meetings, including playoffs)"): the
order among them, which is all the answer path uses, is left to chance. This stage trains on
whole questions with a ranking loss beside the others (`loop.ranking_loss`): cloze questions
(`train.cloze`) of articles of the training weeks, each against the five sentences of its
article nearest to it, those carrying an answer of the kind asked for (another figure, date or
name) first.

Quiz questions were tried here too, with the sentences of their search results that carry an
answer of the quiz answer's kind as negatives: held-out quiz sentences ranked better (top
sentence 86.0% -> 88.3%), but the answer path got worse on the natural tuning set and on the
gold set (it came to prefer a story's lead over the sentence that answers). Cloze questions
alone improved every end-to-end set (`evals/HISTORY.md`, "Changes, measured").
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from .cloze import MAX_WORDS, MIN_WORDS, _answers, _question, training_articles
from .data import MAX_SENTENCE_CHARS, Pair, _overlap, article_sentences, content_words, read_pairs

__all__ = ["cloze_groups", "rank_stage"]

CLOZE_NEGATIVES = 5  # per cloze question: its article's sentences nearest to it


def _same_kind(sentence: str, kind: str) -> bool:
    return any(m.lastgroup == kind for m in _answers(sentence))


def _cloze_group(doc: dict, cache: dict[str, list[str]], rng: random.Random) -> Iterator[Pair]:
    sentences = [s for s in article_sentences(doc, cache)
                 if MIN_WORDS <= len(s.split()) <= MAX_WORDS and len(s) <= MAX_SENTENCE_CHARS]
    usable = [s for s in sentences if _answers(s)]
    if len(sentences) < CLOZE_NEGATIVES + 1 or not usable:
        return
    sentence = rng.choice(usable)
    answer = rng.choice(_answers(sentence))
    question = _question(sentence, answer, rng)
    qid = f"rank-cloze-{doc['id']}"
    yield Pair(qid, question, doc["title"], sentence, 1, (answer.start(), answer.end()))
    asked, kind = content_words(question), answer.lastgroup or "name"
    others = sorted((s for s in sentences if s != sentence),
                    key=lambda s: -(_overlap(asked, s) + 0.5 * _same_kind(s, kind)))
    for other in others[:CLOZE_NEGATIVES]:
        yield Pair(qid, question, doc["title"], other, 0, None)


def cloze_groups(corpus: dict[str, dict], wanted: int, seed: int) -> list[Pair]:
    """One cloze question per article for `wanted` articles, with its nearest sentences."""
    rng = random.Random(seed)
    cache: dict[str, list[str]] = {}
    out: list[Pair] = []
    for doc_id in rng.sample(sorted(corpus), min(wanted, len(corpus))):
        out += _cloze_group(corpus[doc_id], cache, rng)
    return out


def rank_stage(data: Path, out: Path, seed: int, questions: int) -> list[Pair]:
    """Cloze questions of `questions` articles of the training weeks, each with its nearest
    sentences (the loop keeps each question in one batch). Cached in `out/rank-pairs.json`."""
    cached = out / "rank-pairs.json"
    if cached.is_file():
        return read_pairs(cached)
    # seed + 1: other articles than the cloze stage's draw first.
    pairs = cloze_groups(training_articles(data, seed), questions, seed + 1)
    cached.write_text(json.dumps([p.__dict__ for p in pairs]))
    return pairs
