"""Keep third-party libraries from reaching for the network: this product runs offline."""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

__all__ = ["package_dir", "quiet_offline_env", "use_bundled_tiktoken"]


def package_dir(name: str) -> Path | None:
    """The folder of an installed package, found without importing (and so running) it."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def use_bundled_tiktoken() -> None:
    """tiktoken downloads its BPE tables on first use; llama-index ships them, so point there."""
    if "TIKTOKEN_CACHE_DIR" in os.environ:
        return
    root = package_dir("llama_index.core")
    if root and (root / "_static" / "tiktoken_cache").is_dir():
        os.environ["TIKTOKEN_CACHE_DIR"] = str(root / "_static" / "tiktoken_cache")


def quiet_offline_env() -> None:
    """Hugging Face and Chroma both phone home unless told not to; we never want that."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # "Loading weights" bars
    # OpenMP threads that spin while waiting starve each other when the cores are busy (a UI
    # and an ingest at once): one query embedding took 732 ms instead of 15 ms (bench/).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
