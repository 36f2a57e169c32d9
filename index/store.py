"""The Chroma store: one collection of chunks (what retrieval searches: vectors and offsets; a
chunk's text is cut from its article's), one of articles (full text and metadata; an article
record is written last, so it marks its chunks as complete) and one of the chunks' sentence
vectors (`sentence_vectors`), keyed by their text, which questions look up by id.

Persistent on disk by default, a `chroma run` server when a host is configured; same code path.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .connection import ChromaConnection, StoreConfig, stale_sentences
from .errors import NotFoundError
from .records import (
    article_from,
    article_metadata,
    chunk_metadata,
    cut_text,
    date_where,
    unit_mean,
)
from .types import Article, Chunk, DenseHit

__all__ = ["ChromaStore", "StoreConfig"]

_PAGE = 2000  # Chroma caps how many records one get() may return on some versions

log = logging.getLogger(__name__)


class ChromaStore(ChromaConnection):
    """Chunks and articles in Chroma. Thread-safe as far as the Chroma client is."""

    # -- writing -----------------------------------------------------------------------------
    def add_articles(self, items: Sequence[tuple[Article, Sequence[Chunk], np.ndarray]]) -> None:
        """Every chunk first, the article records last: an article record means "complete".
        One upsert per collection for the lot: Chroma's cost per call made writing article by
        article ~2x slower. A chunk keeps no copy of its text (it is its article's text from
        `start` to `end`): the copy was most of Chroma's write time (its full-text index)."""
        if not items:
            return
        rows = [(article, chunk) for article, chunks, _ in items for chunk in chunks]
        vectors = np.vstack([vectors for *_, vectors in items])
        step = self._max_batch()  # one huge article may exceed it
        for at in range(0, len(rows), step):
            self._chunks.upsert(
                ids=[c.id for _, c in rows[at:at + step]],
                embeddings=vectors[at:at + step],
                metadatas=[chunk_metadata(a, c) for a, c in rows[at:at + step]],
            )
        self._articles.upsert(
            ids=[article.id for article, *_ in items],
            embeddings=np.vstack([unit_mean(vectors) for *_, vectors in items]),
            documents=[article.text for article, *_ in items],
            metadatas=[article_metadata(article, len(chunks)) for article, chunks, _ in items],
        )

    def add_sentences(self, keys: Sequence[str], article_ids: Sequence[str],
                      vectors: np.ndarray) -> None:
        """Sentence vectors by `sentence_key`; written before their articles' records."""
        step = self._max_batch()
        for at in range(0, len(keys), step):
            self._sentences.upsert(
                ids=list(keys[at:at + step]), embeddings=vectors[at:at + step],
                metadatas=[{"article_id": a} for a in article_ids[at:at + step]])
        if keys:  # new vectors: news to another process's client (`generation`)
            self._mark(vectors=uuid.uuid4().hex[:12])

    def _max_batch(self) -> int:
        if self._batch_limit is None:  # a server is asked once
            self._batch_limit = int(self._client.get_max_batch_size())
        return self._batch_limit

    def delete_articles(self, ids: Iterable[str]) -> None:
        """Article records first, then their chunks: a crash in between leaves only orphans,
        which `remove_orphans` clears and retrieval never shows."""
        ids = list(ids)
        if not ids:
            return
        self._live_sentences()  # made by another process (the UI) since this one opened it?
        self._articles.delete(ids=ids)
        for id_ in ids:
            self._chunks.delete(where={"article_id": id_})
            if self._sentences is not None:
                self._sentences.delete(where={"article_id": id_})

    def remove_orphans(self) -> int:
        """Delete chunks whose article record is missing (left by an ingest that was killed).
        Sentence vectors left so are kept: keyed by their text, they are never wrong."""
        known = set(self.article_ids())
        orphans = [cid for cid, meta in self.iter_chunk_meta() if meta["article_id"] not in known]
        for i in range(0, len(orphans), _PAGE):
            self._chunks.delete(ids=orphans[i : i + _PAGE])
        return len(orphans)

    # -- reading -----------------------------------------------------------------------------
    def _paged_get(self, col: Any, include: list[str]) -> Iterable[dict[str, Any]]:
        if col is None:  # a store nothing was ingested into yet
            return
        total = int(col.count())
        for offset in range(0, total, _PAGE):
            yield col.get(include=include, limit=_PAGE, offset=offset)

    def article_ids(self) -> list[str]:
        if not self._ready():
            return []
        return [i for page in self._paged_get(self._articles, []) for i in page["ids"]]

    def list_articles(self) -> list[Article]:
        """Every article's metadata (no text), in no particular order."""
        if not self._ready():
            return []
        return [article_from(i, m, None) for page in self._paged_get(self._articles, ["metadatas"])
                for i, m in zip(page["ids"], page["metadatas"], strict=True)]

    def get_articles(self, ids: Sequence[str], with_text: bool = True) -> dict[str, Article]:
        if not ids or not self._ready():
            return {}
        include = ["metadatas", "documents"] if with_text else ["metadatas"]
        got = self._articles.get(ids=list(dict.fromkeys(ids)), include=include)
        docs = got.get("documents") or [None] * len(got["ids"])
        return {i: article_from(i, m, d)
                for i, m, d in zip(got["ids"], got["metadatas"], docs, strict=True)}

    def get_article(self, id_: str) -> Article:
        found = self.get_articles([id_]).get(id_)
        if found is None:
            raise NotFoundError(f"No article with id '{id_}'. See `newsqa list` for the ids.")
        return found

    def iter_chunk_meta(self) -> Iterable[tuple[str, dict[str, Any]]]:
        self._ready()
        for page in self._paged_get(self._chunks, ["metadatas"]):
            yield from zip(page["ids"], page["metadatas"], strict=True)

    def iter_chunks(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        self._ready()
        for page in self._paged_get(self._chunks, ["metadatas"]):
            texts = self._texts(page["metadatas"])
            yield from zip(page["ids"], texts, page["metadatas"], strict=True)

    def get_chunks(self, ids: Sequence[str], with_text: bool = True
                   ) -> dict[str, tuple[str, dict[str, Any]]]:
        """Chunks by id; `with_text=False` skips the texts (retrieval cuts passages from the
        article text anyway) and gives "" in their place."""
        if not ids or not self._ready():
            return {}
        got = self._chunks.get(ids=list(ids), include=["metadatas"])
        texts = self._texts(got["metadatas"]) if with_text else [""] * len(got["ids"])
        return {i: (d, m) for i, d, m in zip(got["ids"], texts, got["metadatas"], strict=True)}

    def _texts(self, metas: Sequence[dict[str, Any]]) -> list[str]:
        """The chunks' texts, cut from their articles: always, even where an index built
        before kept a copy, so a chunk can never show a text its article no longer has."""
        articles = self.get_articles([m["article_id"] for m in metas])
        return [cut_text(articles.get(m["article_id"]), m) for m in metas]

    def query_dense(
        self, vector: np.ndarray, k: int, since: int | None = None, until: int | None = None,
        with_text: bool = True, articles: Sequence[str] | None = None,
    ) -> list[DenseHit]:
        if not self._ready():
            return []
        n = self._chunks.count()
        if n == 0:
            return []
        res = self._chunks.query(
            query_embeddings=[vector.tolist()], n_results=min(k, n),
            where=date_where(since, until, articles),
            include=["metadatas", "distances"],
        )
        # A record another process deleted keeps its vector in this client's index until it
        # connects afresh: its metadata comes back None, and it is no hit.
        found = [(i, d, m) for i, d, m in zip(res["ids"][0], res["distances"][0],
                                              res["metadatas"][0], strict=True) if m]
        texts = self._texts([m for _, _, m in found]) if with_text else [""] * len(found)
        return [DenseHit(i, 1.0 - float(d), m, t)
                for (i, d, m), t in zip(found, texts, strict=True)]

    def story_articles(self, story_id: str) -> list[str]:
        """The ids of the articles of one story (`stories`: rewritten or syndicated copies)."""
        if not self._ready():
            return []
        return list(self._articles.get(where={"story_id": story_id}, include=[])["ids"])

    def nearest_articles(self, vector: np.ndarray, k: int) -> list[tuple[Article, float]]:
        if not self._ready():
            return []
        n = self._articles.count()
        if n == 0:
            return []
        res = self._articles.query(query_embeddings=[vector.tolist()], n_results=min(k, n),
                                   include=["metadatas", "documents", "distances"])
        return [(article_from(i, m, t), 1.0 - float(d)) for i, m, t, d in zip(
            res["ids"][0], res["metadatas"][0], res["documents"][0], res["distances"][0],
            strict=True) if m]  # None: deleted by another process (see `query_dense`)

    def sentence_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of the sentences with these keys, those the store has. A
        sentence shared by two articles is stored once, under the last one written: removing
        that one drops it, and the assistant embeds it again when it needs it."""
        if not keys or not self._live_sentences():
            return {}
        try:
            got = self._sentences.get(ids=list(dict.fromkeys(keys)), include=["embeddings"])
        except Exception as exc:  # vectors another process stored, unseen by this client
            log.debug("stored sentence vectors unreadable (%s): embedded instead", exc)
            self._renew_due = True
            return {}
        return {k: np.asarray(v, dtype=np.float32)
                for k, v in zip(got["ids"], got["embeddings"], strict=True)}

    def _live_sentences(self) -> bool:
        """Is there a sentence collection of this embedder? Looked for again when this client
        has none: a later ingest or warm-up, here or in another process, may have made it."""
        if not self._ready():
            return False
        if self._sentences is None:
            live = self._existing(self._names()[2])
            self._sentences = None if live is None or stale_sentences(live, self._chunks) else live
        return self._sentences is not None

    def stored_sentence_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of these sentence keys have a vector stored; no vectors are read."""
        if not keys or not self._live_sentences():
            return set()
        step, unique, found = self._max_batch(), list(dict.fromkeys(keys)), set()
        for at in range(0, len(unique), step):
            found.update(self._sentences.get(ids=unique[at:at + step], include=[])["ids"])
        return found

    def mark_complete(self) -> None:
        """Flag collections built under a suffix as finished, so a swap may be completed."""
        meta = dict(self._chunks.metadata or {})
        meta.pop("hnsw:space", None)
        meta["complete"] = True
        self._chunks.modify(metadata=meta)

    def swap_in(self, suffix: str) -> None:
        """Replace the live collections by the ones built under `suffix`, pair by pair, chunks
        (which carry the "complete" flag) last: killed half-way, `finish_swap` picks it up."""
        self._drop_stale_sentences(suffix)
        for new, live in reversed(list(zip(self._names(suffix), self._names(), strict=True))):
            side = self._existing(new)
            if side is None:
                continue
            if self._existing(live) is not None:
                self._client.delete_collection(live)
            side.modify(name=live)
        self._open()

    def _drop_stale_sentences(self, suffix: str) -> None:
        """Sentence vectors of another embedder than the one swapped in, where the new side has
        none of its own (a re-index with sentence vectors off): they would never match."""
        names, live = self._names(suffix), self._existing(self._names()[2])
        side_chunks = self._existing(names[0])
        if live is None or side_chunks is None or self._existing(names[2]) is not None:
            return
        if stale_sentences(live, side_chunks):
            self._client.delete_collection(live.name)

    def swap_pending(self, suffix: str) -> bool:
        """Are there collections built under `suffix` and flagged complete, not yet swapped in?"""
        side = self._existing(self._names(suffix)[0])
        return side is not None and bool((side.metadata or {}).get("complete"))

    def finish_swap(self, suffix: str) -> bool:
        """Complete a swap that a killed re-index left half done; True if there was one. Only
        under the store's write lock: a re-index swapping at the same moment would otherwise see
        its new collections taken for old ones and deleted (`NewsIndex`)."""
        if not self.swap_pending(suffix):
            return False
        self.swap_in(suffix)
        return True

    def drop(self, suffix: str = "") -> None:
        for name in self._names(suffix):
            if self._existing(name) is not None:
                self._client.delete_collection(name)
