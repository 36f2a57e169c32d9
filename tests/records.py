"""A small store of hand-written records (JSON lines), and an extractive assistant over it:
for tests of a sentence shape the sample articles do not have."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from index import NewsIndex, StoreConfig

__all__ = ["assistant_over"]


def assistant_over(records: Sequence[dict[str, Any]], where: Path) -> Assistant:
    """An assistant answering from these records only, stored under `where`."""
    corpus = where / "records.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    index = NewsIndex(StoreConfig(path=where / "s", embed_model="all-MiniLM-L6-v2"))
    index.ingest([corpus])
    return Assistant(Settings(store=where / "s", llm="extractive", _env_file=None), index=index)
