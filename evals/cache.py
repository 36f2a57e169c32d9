"""The per-question answer cache: one JSON line per answered question, appended as soon as the
answer arrives, so an interrupted run resumes where it stopped."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.types import Answer, Citation, RetrievedPassage, Timings

__all__ = ["AnswerCache", "CachedAnswer", "answer_from_dict", "answer_to_dict"]


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """Every field, passage texts included (scoring RealTime QA retrieval reads them)."""
    return asdict(answer)


def answer_from_dict(data: dict[str, Any]) -> Answer:
    fields = dict(data)
    fields["citations"] = tuple(Citation(**c) for c in data.get("citations", []))
    fields["retrieved"] = tuple(RetrievedPassage(**p) for p in data.get("retrieved", []))
    fields["timings"] = Timings(**data.get("timings", {}))
    return Answer(**fields)


@dataclass(frozen=True)
class CachedAnswer:
    id: str
    question: str
    store: str
    answer: Answer
    judge: bool | None = None


class AnswerCache:
    """`cache-<dataset>-<llm>.jsonl` in the output directory; later lines win.

    An entry is reused only for the same store AND the same `version` (a fingerprint of the
    answering code and settings): after a change to retrieval or prompting, a rerun asks again
    instead of scoring stale answers, while a run interrupted mid-way still resumes."""

    def __init__(self, path: Path, store: str, version: str = "") -> None:
        self.path = path
        self.store = store
        self.version = version

    def load(self) -> dict[str, CachedAnswer]:
        """Answers cached for this store; unreadable lines (a run killed mid-write) are skipped."""
        if not self.path.is_file():
            return {}
        cached: dict[str, CachedAnswer] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
                entry = CachedAnswer(record["id"], record["question"], record["store"],
                                     answer_from_dict(record["answer"]), record.get("judge"))
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
            if entry.store == self.store and record.get("version", "") == self.version:
                cached[entry.id] = entry
        return cached

    def append(self, entry: CachedAnswer) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {"id": entry.id, "question": entry.question, "store": entry.store,
                  "version": self.version, "judge": entry.judge,
                  "answer": answer_to_dict(entry.answer)}
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
