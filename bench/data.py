"""The benchmark's inputs: which RealTime QA articles are ingested, and which questions are asked.

The articles are the search results of the first answerable questions (then the others), in
question order, so that those questions ("covered": all of their documents are in) can be asked
and scored against the same store, as `newsqa eval --dataset realtimeqa:DIR --limit K` builds it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["BenchData", "load_bench_data", "write_slices"]


@dataclass(frozen=True)
class BenchData:
    source: Path
    articles: list[dict[str, Any]]  # corpus records, in ingest order
    covered: list[dict[str, Any]]  # questions whose every document is among `articles`
    questions: list[dict[str, Any]]  # every question (texts used as retrieval queries)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_bench_data(source: Path, n_articles: int) -> BenchData:
    corpus = _jsonl(source / "corpus.jsonl")
    questions = _jsonl(source / "questions.jsonl")
    by_id = {d["id"]: d for d in corpus}
    chosen: dict[str, dict[str, Any]] = {}
    # Answerable questions first: their accuracy is the quality figure reported beside speed.
    for q in sorted(questions, key=lambda q: not q.get("answerable")):
        for doc in q.get("retrieved_doc_ids", []):
            if len(chosen) >= n_articles:
                break
            if doc in by_id:
                chosen.setdefault(doc, by_id[doc])
    for doc in corpus:  # more wanted than the questions' documents hold: fill in corpus order
        if len(chosen) >= n_articles:
            break
        chosen.setdefault(doc["id"], doc)
    covered = [q for q in questions
               if q.get("retrieved_doc_ids") and all(d in chosen for d in q["retrieved_doc_ids"])]
    return BenchData(source, list(chosen.values()), covered, questions)


def write_slices(articles: list[dict[str, Any]], parts: int, folder: Path) -> list[Path]:
    """Split the articles into `parts` JSONL files of (nearly) equal size, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    size = -(-len(articles) // parts)
    for i in range(parts):
        path = folder / f"articles-{i + 1}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for rec in articles[i * size:(i + 1) * size]:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        paths.append(path)
    return [p for p in paths if p.stat().st_size]
