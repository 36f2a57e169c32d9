"""`NewsEmbedding`: our embedder (the bundled MiniLM on int8 ONNX Runtime by default, or any
`make_embedder` name) as a LlamaIndex embedding model, so it can serve any LlamaIndex index:

    VectorStoreIndex(nodes, embed_model=NewsEmbedding())

Imports `llama_index.core` (seconds), so nothing else in `index` imports this module."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import ConfigDict, PrivateAttr, field_validator

from .embedding import DEFAULT_EMBED_MODEL, Embedder, make_embedder

__all__ = ["EMBED_BATCH_SIZE", "NewsEmbedding"]

# Our embedder is handed one text at a time. With int8 weights ONNX Runtime quantizes each
# batch's activations with one scale for the whole batch, and pads it to its longest text, so a
# text's vector would depend on which texts LlamaIndex happened to batch it with. One at a
# time, a text always gets the same vector (`embed_query`'s), whatever the batching around it.
# Measured here on 17 sample passages: batched vs one at a time differ by up to 0.026 per
# component (cosine 0.989); one at a time took 0.43 s against 0.70 s batched.
EMBED_BATCH_SIZE = 1


class NewsEmbedding(BaseEmbedding):
    """Unit-length vectors from our embedder; query and text embeddings are the same model (no
    instruction prefixes), and `get_query_embedding(q) == embedder.embed_query(q)`."""

    model_config = ConfigDict(arbitrary_types_allowed=True, protected_namespaces=())

    _embedder: Embedder = PrivateAttr()

    def __init__(self, model: str = DEFAULT_EMBED_MODEL, *, runtime: str = "auto",
                 embedder: Embedder | None = None, **kwargs: Any) -> None:
        """`model`/`runtime` as NEWSQA_EMBED_MODEL / NEWSQA_EMBED_RUNTIME ("auto": int8 ONNX
        for the bundled model), or an `embedder` already loaded (e.g. `NewsIndex.embedder`)."""
        embedder = embedder or make_embedder(model, runtime)
        kwargs.setdefault("embed_batch_size", EMBED_BATCH_SIZE)
        super().__init__(model_name=embedder.name, **kwargs)
        self._embedder = embedder

    @field_validator("embed_batch_size")
    @classmethod
    def _fixed_batch(cls, value: int) -> int:
        if value != EMBED_BATCH_SIZE:
            raise ValueError(f"NewsEmbedding embeds one text at a time (embed_batch_size="
                             f"{EMBED_BATCH_SIZE}), so that a text's vector never depends on "
                             "its batch; leave embed_batch_size out.")
        return value

    @classmethod
    def class_name(cls) -> str:
        return "NewsEmbedding"

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    @property
    def dim(self) -> int:
        return self._embedder.dim

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._embedder.embed_query(query)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embed_one(text)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        # One call per text: see EMBED_BATCH_SIZE.
        return [self._embed_one(t) for t in texts]

    def _embed_one(self, text: str) -> list[float]:
        return [float(x) for x in self._embedder.embed_documents([text])[0]]
