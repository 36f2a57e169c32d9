"""Sentence vectors made at ingest, so that a question does not wait for them.

The assistant weighs each sentence it reads by its cosine to the question: embedding a
question's dozen sentences was ~67 ms of its ~190 (bench, 100 articles). Every sentence of
every chunk is embedded once when its article is ingested instead, and stored keyed by its
text (the same text always gets the same vector), so a question only looks them up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .embedding import Embedder, embed_each
from .sentences import sentence_spans
from .types import Article, Chunk

if TYPE_CHECKING:
    from .store import ChromaStore

__all__ = ["MIN_SENTENCE_CHARS", "StoredSentences", "chunk_sentences", "embed_sentences",
           "sentence_key"]

# Shorter pieces (a dateline, "Read more.") are never weighed as evidence: not worth storing.
MIN_SENTENCE_CHARS = 20


def sentence_key(text: str) -> str:
    """The id a sentence's vector is stored under: a digest of its text alone, so a vector can
    never belong to a text other than its own, whichever article it came from."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def chunk_sentences(article: Article, chunks: Sequence[Chunk]) -> list[str]:
    """The distinct sentences of an article's chunks, each cut at its chunk's bounds (as a
    passage cuts a sentence longer than itself), the pieces the assistant reads."""
    seen: set[str] = set()
    out: list[str] = []
    for chunk in chunks:
        for a, b in sentence_spans(article.text, chunk.start, chunk.end):
            text = article.text[max(a, chunk.start):min(b, chunk.end)]
            if len(text) >= MIN_SENTENCE_CHARS and text not in seen:
                seen.add(text)
                out.append(text)
    return out


def embed_sentences(embedder: Embedder, articles: Sequence[tuple[Article, Sequence[Chunk]]]
                    ) -> tuple[list[str], list[str], np.ndarray]:
    """The distinct sentences of these articles' chunks, embedded (`embed_each`): their keys,
    the article each came from, their vectors; each key once, as Chroma wants."""
    found: dict[str, tuple[str, str]] = {}  # key -> (article id, text)
    for art, chunks in articles:
        for text in chunk_sentences(art, chunks):
            found.setdefault(sentence_key(text), (art.id, text))
    pairs = list(found.values())
    return list(found), [a for a, _ in pairs], embed_each(embedder, [t for _, t in pairs])


class StoredSentences:
    """An `Embedder` for article sentences: their stored vectors where the store has them,
    the embedder's for the rest (sentences of an index built before sentences were stored,
    or of a passage cut inside a sentence). Queries go to the embedder."""

    def __init__(self, embedder: Embedder, store: ChromaStore) -> None:
        self._embedder, self._store = embedder, store
        self.name, self.dim = embedder.name, embedder.dim

    def embed_query(self, text: str) -> np.ndarray:
        return self._embedder.embed_query(text)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        keys = [sentence_key(t) for t in texts]
        stored = self._store.sentence_vectors(keys)
        missing = [t for t, k in zip(texts, keys, strict=True) if k not in stored]
        made = iter(self._embedder.embed_documents(missing) if missing else [])
        rows = [stored[k] if k in stored else next(made) for k in keys]
        return np.stack(rows).astype(np.float32) if rows else np.zeros((0, self.dim),
                                                                        np.float32)
