"""Cloze questions: pairs that teach the reader plainly worded questions.

The quiz questions of RealTime QA paraphrase their week's news; a reader who has just read an
article asks in its own words ("Which North Korean body holds the right to ratify treaties?"
over "...the Supreme People's Assembly, has the right to ratify treaties..."). Trained on quiz
questions only, the reader scored such sentences low. A cloze question is an article sentence
with a name, figure or date replaced by a question word and a quarter of its other words dropped
(unsupervised QA, Lewis et al. 2019): the sentence is the positive, with the removed words as
its answer span; other sentences of the same article are the negatives. Only articles of the
training weeks are used.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from .data import (
    MAX_SENTENCE_CHARS,
    Pair,
    article_sentences,
    load_corpus,
    load_questions,
    read_pairs,
    split_questions,
)

__all__ = ["DROP", "MAX_WORDS", "MIN_WORDS", "cloze_pairs", "cloze_stage", "training_articles"]

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
_ANSWER = re.compile(
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|(?:on\s+)?(?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday))"
    r"|(?P<number>(?<![\w.])\$?\d[\d,.]*\d?(?:\s?(?:%|percent|million|billion|trillion))?"
    r"(?![\w]))"
    r"|(?P<name>[A-Z][a-z]+(?:\s+(?:of\s+|the\s+)?[A-Z][a-z]+){0,3})")
_WH = {"date": "when", "number": "how many", "name": "which"}
DROP = 1 / 4  # of the sentence's other words, so that the question is not the sentence itself
NEGATIVES = 2
PER_ARTICLE = 2
MIN_WORDS, MAX_WORDS = 8, 45


def _answers(sentence: str) -> list[re.Match[str]]:
    # A capitalised first word is only the sentence's case, not a name.
    return [m for m in _ANSWER.finditer(sentence)
            if m.lastgroup != "name" or m.start() > 0]


def _question(sentence: str, answer: re.Match[str], rng: random.Random) -> str:
    kind = answer.lastgroup or "name"
    before = sentence[:answer.start()].split()
    after = sentence[answer.end():].rstrip(" .!\"”").split()
    keep = [w for w in before if rng.random() >= DROP]
    tail = [w for w in after if rng.random() >= DROP]
    return " ".join([*keep, _WH[kind], *tail]).strip() + "?"


def _article_pairs(doc: dict, cache: dict[str, list[str]], rng: random.Random
                   ) -> Iterator[Pair]:
    sentences = [s for s in article_sentences(doc, cache)
                 if MIN_WORDS <= len(s.split()) <= MAX_WORDS and len(s) <= MAX_SENTENCE_CHARS]
    usable = [s for s in sentences if _answers(s)]
    if len(sentences) < NEGATIVES + 1 or not usable:
        return
    for k, sentence in enumerate(rng.sample(usable, min(PER_ARTICLE, len(usable)))):
        answer = rng.choice(_answers(sentence))
        question = _question(sentence, answer, rng)
        qid = f"cloze-{doc['id']}-{k}"
        yield Pair(qid, question, doc["title"], sentence, 1, (answer.start(), answer.end()))
        others = [s for s in sentences if s != sentence]
        for other in rng.sample(others, min(NEGATIVES, len(others))):
            yield Pair(qid, question, doc["title"], other, 0, None)


def cloze_pairs(corpus: dict[str, dict], wanted: int, seed: int) -> list[Pair]:
    """About `wanted` cloze pairs from the given articles (a third positive), seeded."""
    rng = random.Random(seed)
    cache: dict[str, list[str]] = {}
    pairs: list[Pair] = []
    for doc_id in rng.sample(sorted(corpus), len(corpus)):
        pairs += _article_pairs(corpus[doc_id], cache, rng)
        if len(pairs) >= wanted:
            break
    rng.shuffle(pairs)
    return pairs[:wanted]


def training_articles(data: Path, seed: int) -> dict[str, dict]:
    """The articles only training weeks' questions retrieved (none a held-out week saw)."""
    split = split_questions(load_questions(data), seed)
    held = {d for q in split.validation for d in q["retrieved_doc_ids"]}
    return load_corpus(data, {d for q in split.train for d in q["retrieved_doc_ids"]} - held)


def cloze_stage(data: Path, out: Path, seed: int, replay: list[Pair], size: tuple[int, int]
                ) -> list[Pair]:
    """The last stage's pairs: `size[0]` cloze pairs from articles only the training weeks'
    questions retrieved, shuffled with `size[1]` of the quiz pairs again (so the quiz is not
    forgotten). Cached in `out/cloze-pairs.json`."""
    cached = out / "cloze-pairs.json"
    if cached.is_file():
        cloze = read_pairs(cached)
    else:
        cloze = cloze_pairs(training_articles(data, seed), size[0], seed)
        cached.write_text(json.dumps([p.__dict__ for p in cloze]))
    rng = random.Random(seed)
    mixed = cloze + rng.sample(replay, min(size[1], len(replay)))
    rng.shuffle(mixed)
    return mixed
