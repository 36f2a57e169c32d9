"""The tuning sets `train.tune` tunes the answer path's numbers on, never the development or
gold set: the held-out quiz weeks with their search results (`train/out/holdout/`, asked at
their dates), the natural questions hand-written by reading 40 articles of those weeks
(`train/natural/`, asked at no moment), off-topic questions over the natural set's articles,
and the follow-up conversations (`train/natural/followups.jsonl`). Each set's assistant is
extractive, over the set's own store, reading with the reader just exported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import NATURAL, write_holdout, write_natural

__all__ = ["FOLLOW_UP", "OFF_TOPIC", "TuningSet", "tuning_sets"]

OFF_TOPIC = 80  # questions the natural set's articles do not touch
FOLLOW_UP = "follow-up"  # the set of conversations: judged apart (`compose._answerable`)


def _assistant(source: Path, store: Path, reader: Path) -> Any:
    """An extractive assistant over the tuning set's own store of `source` (a corpus.jsonl, a
    folder of articles), reading with the reader in `reader` (the one just exported, wherever
    `make train` was told to write it)."""
    from assistant import Assistant, Settings
    from assistant.reader import get_reader
    from index import NewsIndex

    settings = Settings(store=store, llm="extractive", _env_file=None)
    index = NewsIndex(settings.store_config())
    # Every time, not only into an empty store: a run stopped mid-ingest left part of the corpus
    # in, which this completes (a complete store is only checked: the quiz weeks' in ~26 s).
    index.ingest([source])
    assistant = Assistant(settings, index=index)
    assistant.reader = get_reader(reader)
    return assistant


def _questions(holdout: Path) -> list[dict]:
    return [json.loads(line) for line in (holdout / "questions.jsonl").read_text().splitlines()]


@dataclass(frozen=True)
class TuningSet:
    """Questions, and the assistant over their own store, that the numbers are tuned on."""

    name: str
    assistant: Any
    questions: list[dict]
    dated: bool  # asked at the quiz's date (its as_of), or as a reader asks: at no stated moment

    def as_of(self, q: dict) -> str | None:
        return str(q["question_date"]).replace("/", "-") if self.dated else None


def tuning_sets(out: Path, data: Path, seed: int, reader: Path) -> list[TuningSet]:
    """The held-out quiz weeks, the hand-written natural questions (`train/natural/`), and
    off-topic questions over the natural set's articles: quiz questions paraphrase the news
    of their week, a reader's questions reuse the words of the article just read, and the
    numbers must serve both."""
    holdout, natural = out / "holdout", out / "natural"
    if not (holdout / "questions.jsonl").is_file():
        write_holdout(data, holdout, seed)
    if not (natural / "questions.jsonl").is_file():
        write_natural(data, natural)
    quiz = _questions(holdout)
    own = _assistant(natural / "corpus.jsonl", out / "natural-store", reader)
    quiz_assistant = _assistant(holdout / "corpus.jsonl", out / "holdout-store", reader)
    return [TuningSet("quiz", quiz_assistant, quiz, dated=True),
            TuningSet("natural", own, _questions(natural), dated=False),
            TuningSet("off-topic", own, _off_topic(quiz, natural), dated=False),
            TuningSet(FOLLOW_UP, own, _followups(natural), dated=False)]


def _followups(natural: Path) -> list[dict]:
    """The follow-up conversations (`train/natural/followups.jsonl`) as tuning questions, each
    after its natural question and answer: a natural question asked in other words ("asks"),
    or a question of its own about the first answer, with its answer and evidence."""
    asked = {q["id"]: q for q in _questions(natural)}
    out = []
    for line in (NATURAL / "followups.jsonl").read_text().splitlines():
        turn = json.loads(line)
        first = asked[turn["after"]]
        own = {k: turn[k] for k in ("answer", "answerable", "kind", "evidence") if k in turn}
        out.append({**(asked[turn["asks"]] if "asks" in turn else own), "id": turn["id"],
                    "question": turn["question"],
                    "history": [{"role": "user", "content": first["question"]},
                                {"role": "assistant", "content": first["answer"]}]})
    return out


def _off_topic(quiz: list[dict], natural: Path) -> list[dict]:
    """Quiz questions none of whose search results is among the natural set's articles, asked
    of those articles: questions a reader's collection does not touch (the hand-written
    unanswerable ones are all on topic)."""
    held = {json.loads(line)["id"] for line in (natural / "corpus.jsonl").open()}
    return [{**q, "answerable": False, "answer": ""}
            for q in quiz if not held & set(q["retrieved_doc_ids"])][:OFF_TOPIC]
