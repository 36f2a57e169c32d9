"""Keep third-party libraries from reaching for the network: this product runs offline."""

from __future__ import annotations

import logging
import os
from importlib.util import find_spec
from pathlib import Path

__all__ = ["llama_index_data", "package_dir", "quiet_offline_env", "use_bundled_tiktoken"]

log = logging.getLogger(__name__)
# The data llama-index-core ships so that it runs offline, which we use too: tiktoken's BPE
# tables (tiktoken itself downloads them on first use) and NLTK's punkt_tab (nltk.download()
# needs the network; no package on PyPI carries it). Where they live is not a public API of
# llama-index: tests/test_llamaindex.py fails loudly if a new version moves them.
LLAMA_INDEX_DATA = {"tiktoken": "_static/tiktoken_cache", "nltk": "_static/nltk_cache"}


def package_dir(name: str) -> Path | None:
    """The folder of an installed package, found without importing (and so running) it."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def llama_index_data(kind: str) -> Path | None:
    """The folder of llama-index-core's shipped "tiktoken" or "nltk" data (found without
    importing llama_index, which takes seconds), or None with a warning when it is not there."""
    root = package_dir("llama_index.core")
    folder = root / LLAMA_INDEX_DATA[kind] if root else None
    if folder is None or not folder.is_dir():
        log.warning("llama-index-core no longer ships %s data at %s; %s will try to download "
                    "it and fail offline. Pin llama-index-core to a version that does.",
                    kind, LLAMA_INDEX_DATA[kind], kind)
        return None
    return folder


def use_bundled_tiktoken() -> None:
    """tiktoken downloads its BPE tables on first use; llama-index ships them, so point there."""
    if "TIKTOKEN_CACHE_DIR" in os.environ:
        return
    folder = llama_index_data("tiktoken")
    if folder is not None:
        os.environ["TIKTOKEN_CACHE_DIR"] = str(folder)


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
