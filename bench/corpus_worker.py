"""Stores made from the ingested ones: larger corpora from their chunks and vectors (the
retrieval and ask sections' stores), and a copy with the sentence vectors the UI adds."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from typing import Any

from bench.common import peak_rss_mb
from bench.registry import store_config, worker

__all__ = ["add_sentences", "build_corpus"]


@worker
def add_sentences(args: dict[str, Any]) -> dict[str, Any]:
    """A copy of a store with the sentence vectors the UI adds in the background by default
    (`NewsIndex.add_sentence_vectors(background=True)`, one sentence at a time), its chunks
    untouched; the embedding and writing timed."""
    from index import NewsIndex

    # Made anew each run: a copy left by an earlier run (`newsqa bench --work`) may be of
    # another store, or stopped half way.
    shutil.rmtree(args["target"], ignore_errors=True)
    shutil.copytree(args["source"], args["target"])
    index = NewsIndex(store_config(args["target"], args["chunk_tokens"]))
    index.embedder.embed_documents(["warm-up"])
    started = time.perf_counter()
    added = index.add_sentence_vectors(background=True)
    return {"sentences": added, "seconds": round(time.perf_counter() - started, 2)}


# -- larger corpora from the ingested chunks and their vectors ------------------------------------
def _read_all(col: Any, include: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {"ids": []}
    out.update({k: [] for k in include})
    total, page = int(col.count()), 2000
    for offset in range(0, total, page):
        got = col.get(include=include, limit=page, offset=offset)
        out["ids"].extend(got["ids"])
        for k in include:
            out[k].extend(list(got[k]))
    return out


def _source_articles(stores: list[str]) -> list[dict[str, Any]]:
    """Every article of the source stores with its chunks (text, metadata, vector)."""
    from index.store import ChromaStore

    articles: list[dict[str, Any]] = []
    for path in stores:
        store = ChromaStore(store_config(path))
        store._open()
        chunks = _read_all(store._chunks, ["metadatas", "embeddings"])  # no texts: see add_articles
        arts = _read_all(store._articles, ["documents", "metadatas", "embeddings"])
        by_article: dict[str, list[int]] = {}
        for i, meta in enumerate(chunks["metadatas"]):
            by_article.setdefault(meta["article_id"], []).append(i)
        for i, aid in enumerate(arts["ids"]):
            rows = sorted(by_article.get(aid, []),
                          key=lambda r: chunks["metadatas"][r]["chunk_index"])
            articles.append({
                "id": aid, "text": arts["documents"][i], "meta": arts["metadatas"][i],
                "vector": list(map(float, arts["embeddings"][i])),
                "chunks": [(chunks["metadatas"][r], list(map(float, chunks["embeddings"][r])))
                           for r in rows],
            })
    articles.sort(key=lambda a: a["meta"].get("source_key", ""))
    return articles


@dataclass
class _Rows:
    """The chunk and article rows waiting to be added to the target store, in batches."""

    batch_max: int
    chunks: dict[str, list[Any]] = field(default_factory=lambda: {
        "ids": [], "metadatas": [], "embeddings": []})
    articles: dict[str, list[Any]] = field(default_factory=lambda: {
        "ids": [], "documents": [], "metadatas": [], "embeddings": []})

    def flush(self, col: Any, rows: dict[str, list[Any]], force: bool = False) -> None:
        if rows["ids"] and (force or len(rows["ids"]) >= self.batch_max):
            col.add(**rows)
            for v in rows.values():
                v.clear()

    def add(self, store: Any, art: dict[str, Any], suffix: str) -> None:
        """One source article under a new id (its own when `suffix` is empty)."""
        aid = art["id"] + suffix
        for meta, vec in art["chunks"]:
            m = dict(meta, article_id=aid)
            if "story_id" in m:
                m["story_id"] = str(m["story_id"]) + suffix
            self.chunks["ids"].append(f"{aid}:{meta['chunk_index']}")
            self.chunks["metadatas"].append(m)
            self.chunks["embeddings"].append(vec)
            self.flush(store._chunks, self.chunks)
        am = dict(art["meta"])
        for key in ("source_key", "source", "story_id", "doc_id"):
            if key in am and suffix:
                am[key] = str(am[key]) + suffix
        self.articles["ids"].append(aid)
        self.articles["documents"].append(art["text"])
        self.articles["metadatas"].append(am)
        self.articles["embeddings"].append(art["vector"])

    def finish(self, store: Any) -> None:
        self.flush(store._chunks, self.chunks, force=True)
        batch_max = self.batch_max
        # Articles last: they mark completeness.
        for i in range(0, len(self.articles["ids"]), batch_max):
            store._articles.add(**{k: v[i:i + batch_max] for k, v in self.articles.items()})


def _copy_until(store: Any, source: list[dict[str, Any]], have: int, size: int, rows: _Rows
                ) -> int:
    """Add the source articles again and again until there are `size` chunks; how many
    copies were begun."""
    position, copy = 0, 0
    total = 0
    while total < size:
        for art in source:
            if total >= size:
                break
            n = len(art["chunks"])
            if position + n <= have:  # already in the store from a smaller size
                position += n
                total += n
                continue
            rows.add(store, art, "" if copy == 0 else f"-copy{copy}")
            position += n
            total += n
        copy += 1
    return copy


@worker
def build_corpus(args: dict[str, Any]) -> dict[str, Any]:
    """Grow the target store to at least `size` chunks (None: every source article once) by
    adding the source articles again and again under new ids, with their stored vectors."""
    from index import NewsIndex
    from index.store import ChromaStore

    started = time.perf_counter()
    source = _source_articles(args["sources"])
    store = ChromaStore(store_config(args["target"]))
    # Labelled with the embedder that made the copied vectors (the shipped default, int8):
    # labelled "all-MiniLM-L6-v2", the store was asked with the float model until 12-04, so
    # the ask section timed float sentence vectors and queries against int8 chunk vectors.
    made_by = ChromaStore(store_config(args["sources"][0])).stored_embedder()
    if made_by is None:
        raise RuntimeError(f"{args['sources'][0]} holds no index to copy vectors from")
    store.ensure(*made_by)
    have = store.count_chunks()
    per_copy = sum(len(a["chunks"]) for a in source)
    size = args.get("size") or per_copy
    rows = _Rows(min(5000, int(store._client.get_max_batch_size())))
    store.mark_dirty()
    copy = _copy_until(store, source, have, size, rows)
    rows.finish(store)
    store.set_generation()
    written = time.perf_counter() - started
    index = NewsIndex(store_config(args["target"]))
    index.bm25()  # built and saved here, so the query process only loads it
    return {"chunks": store.count_chunks(), "articles": store.count_articles(),
            "copies": copy, "source_chunks": per_copy, "seconds_chroma": round(written, 2),
            "seconds_bm25": round(getattr(index, "bm25_build_seconds", 0.0), 2),
            "peak_rss_mb": peak_rss_mb()}
