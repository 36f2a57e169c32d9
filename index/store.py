"""The Chroma store: one collection of chunks (what retrieval searches: vectors and offsets; a
chunk's text is cut from its article's), one of articles (full text and metadata; an article
record is written last, so it marks its chunks as complete) and one of the chunks' sentence
vectors (`sentence_vectors`), keyed by their text, which questions look up by id.

Persistent on disk by default, a `chroma run` server when a host is configured; same code path.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import following
from .errors import EmbedderMismatchError, NotFoundError, StoreUnavailableError
from .following import ClientPaths, Retired, StoreStates
from .offline import quiet_offline_env
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
# HNSW's candidate list per query. At Chroma's default (100) a question's top 120 chunks (the
# answer path asks for that many) differed between two processes for 5 of 12 tuning questions
# with the same vector and the same store, so evals and `make train` could not repeat
# themselves; at 400 three processes agreed on all 12.
SEARCH_EF = 400

log = logging.getLogger(__name__)


def _search_wider(col: Any) -> None:
    """Raise a collection's ef_search to SEARCH_EF (once: Chroma keeps it), whenever it was
    made: by an older newsqa, or by Chroma's defaults."""
    try:
        hnsw = (getattr(col, "configuration_json", None) or {}).get("hnsw") or {}
        if int(hnsw.get("ef_search") or 0) < SEARCH_EF:
            col.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
    except Exception as exc:  # a Chroma without the setting: its default search, as before
        log.warning("Cannot set the search breadth (ef_search) of %s: %s", col.name, exc)


def _stale(sentences: Any, chunks: Any) -> bool:
    """Sentence vectors made by another embedder than the chunks' (left by a re-index of an
    older newsqa, say): keyed by their text alone, they would be looked up for questions
    embedded by this one."""
    def model(col: Any) -> Any:
        return (col.metadata or {}).get("embed_model")
    return chunks is None or model(sentences) != model(chunks)


@dataclass(frozen=True)
class StoreConfig:
    path: Path
    embed_model: str
    # How a local embedding model runs (index.embedding.RUNTIMES); "auto": as the index was
    # built, int8 ONNX for a new one.
    embed_runtime: str = "auto"
    chroma_host: str | None = None
    chroma_port: int = 8000
    chunk_tokens: int = 200
    # Also embed every sentence at ingest (`index.sentence_vectors`): ~1.8x the ingest time,
    # ~65 ms less a question. Questions use whatever sentence vectors a store holds either way.
    sentence_vectors: bool = False
    prefix: str = "newsqa"
    # For `openai:MODEL` embedders; None: the OPENAI_API_KEY / OPENAI_BASE_URL environment.
    openai_api_key: str | None = field(default=None, repr=False)
    openai_base_url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.path, Path):  # a str from a caller: accept it
            object.__setattr__(self, "path", Path(self.path))

    @property
    def exists(self) -> bool:
        """Is there an index here to read? (A server is asked when opened; a directory holds
        one once anything was ingested into it.) Never creates anything."""
        return bool(self.chroma_host) or (self.path / "chroma").is_dir()

    @property
    def where(self) -> str:
        if self.chroma_host:
            return f"http://{self.chroma_host}:{self.chroma_port}"
        return str(self.path)


class ChromaStore:
    """Chunks and articles in Chroma. Thread-safe as far as the Chroma client is."""

    def __init__(self, config: StoreConfig) -> None:
        quiet_offline_env()
        self.config = config
        # Following other processes' writes (`index.following`): on disk only, a server's
        # clients all see its writes.
        self._paths = None if config.chroma_host else ClientPaths(config.path / "chroma")
        self._retired = Retired(self._paths.release if self._paths else lambda _: None)
        self._states = StoreStates()
        self._follow_lock = threading.Lock()
        # Another process wrote, or stored vectors could not be read (`sentence_vectors`): a
        # fresh client is due, at most one each RENEW_SECONDS.
        self._renew_due = False
        self._renewed_at = 0.0
        self._followed = ""  # the generation this client last caught up with
        self._client_path: Path | None = None
        self._client = self._connect()
        self._batch_limit: int | None = None
        self._chunks: Any = None
        self._articles: Any = None
        self._sentences: Any = None
        self._suffix = ""  # of the collections open: a re-index writes to its side ones

    def _connect(self, path: Path | None = None) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.config.chroma_host:
                client = chromadb.HttpClient(
                    host=self.config.chroma_host, port=self.config.chroma_port,
                    settings=chroma_settings,
                )
                client.heartbeat()
                return client
            (self.config.path / "chroma").mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path or self.config.path / "chroma"),
                                             settings=chroma_settings)
        except Exception as exc:  # chromadb raises many unrelated types for "cannot connect"
            raise StoreUnavailableError(
                f"Cannot open the Chroma store at {self.config.where}: {exc}. "
                + ("Start the server with `chroma run --host 127.0.0.1 --port "
                   f"{self.config.chroma_port}` or unset NEWSQA_CHROMA_HOST."
                   if self.config.chroma_host else
                   "Check that the directory is writable, or choose another with --store.")
            ) from exc

    # -- collections -------------------------------------------------------------------------
    def _names(self, suffix: str = "") -> tuple[str, str, str]:
        return tuple(f"{self.config.prefix}_{kind}{suffix}"  # type: ignore[return-value]
                     for kind in ("chunks", "articles", "sentences"))

    def _existing(self, name: str) -> Any | None:
        try:
            return self._client.get_collection(name, embedding_function=None)
        except Exception:  # NotFoundError / ValueError, depending on the Chroma version
            return None

    def stored_embedder(self) -> tuple[str, int] | None:
        """(name, dim) of the embedder the index was built with, or None for a new store."""
        col = self._existing(self._names()[0])
        if col is None:
            return None
        meta = col.metadata or {}
        return str(meta.get("embed_model", "?")), int(meta.get("embed_dim", 0))

    def check_embedder(self, name: str, dim: int | None = None) -> None:
        stored = self.stored_embedder()
        if stored and stored[0] != name:
            raise EmbedderMismatchError(stored[0], stored[1], name, dim or 0)

    def _open(self, create_with: tuple[str, int] | None = None, suffix: str = "",
              sentences_too: bool = False) -> None:
        """Open the collections; create them (recording the embedder) when asked, the
        sentences' only for a store configured to keep sentence vectors or when asked."""
        names = self._names(suffix)
        chunks, articles, sentences = (self._existing(n) for n in names)
        if sentences is not None and _stale(sentences, chunks):
            if create_with is not None:  # a write: the stale ones go
                self._client.delete_collection(sentences.name)
            sentences = None
        if create_with is not None:
            meta = {"embed_model": create_with[0], "embed_dim": create_with[1],
                    "hnsw:space": "cosine", "generation": "new"}

            def made(name: str) -> Any:
                return self._client.get_or_create_collection(name, metadata=meta,
                                                              embedding_function=None)
            chunks, articles = made(names[0]), made(names[1])
            if self.config.sentence_vectors or sentences_too:
                sentences = made(names[2])
        self._chunks, self._articles, self._sentences = chunks, articles, sentences
        self._suffix = suffix
        for col in (chunks, articles):
            if col is not None:
                _search_wider(col)

    def ensure(self, embed_name: str, embed_dim: int, *, sentences: bool = False) -> None:
        """Create what is missing; `sentences`: the sentence vectors' collection as well,
        whatever the configuration (`index.sentence_vectors.add_missing`)."""
        self.check_embedder(embed_name, embed_dim)
        self._open(create_with=(embed_name, embed_dim), sentences_too=sentences)

    def _ready(self) -> bool:
        """Open the collections if they exist; False when the store holds none yet."""
        if self._chunks is None or self._articles is None:
            self._open(suffix=self._suffix)
        return self._chunks is not None and self._articles is not None

    @property
    def is_empty(self) -> bool:
        return self.count_articles() == 0

    def count_articles(self) -> int:
        return int(self._articles.count()) if self._ready() else 0

    def count_chunks(self) -> int:
        return int(self._chunks.count()) if self._ready() else 0

    # -- generation: ties the BM25 files to the Chroma state they were built from ------------
    def generation(self) -> str:
        """Read from the store each time, not from this client's copy of the collection: another
        client (a CLI ingest, a teammate on a shared server) may have changed it since."""
        live = self._existing(self._names()[0])
        meta = (live.metadata or {}) if live is not None else {}
        value = str(meta.get("generation", "none"))
        self._follow(f"{value}|{meta.get('vectors', '')}", live)
        return value

    def _follow(self, state: str, live: Any) -> None:
        """Keep up with other processes' writes, seen in the live collection just read. A
        re-index swaps in new collections and deletes the ones held: every call on those would
        fail, so they are opened again. Another process's finished write (its vectors unseen
        by this client): connect afresh (`index.following`)."""
        with self._follow_lock:
            held = self._chunks
            if live is not None and held is not None and not self._suffix and live.id != held.id:
                self._open()
            news = self._states.is_news(state)
            generation = state.split("|")[0]
            if not news and not self._followed and not state.startswith("dirty"):
                self._followed = generation  # the state this client opened on
            self._renew_due = news or self._renew_due
            if state.startswith("dirty") or not self._renew_due:
                return
            # An ingest or removal finished: at once. Sentence vectors stored: they come in
            # bursts (the UI's warming), so at most one fresh client each RENEW_SECONDS.
            if (generation != self._followed
                    or time.monotonic() - self._renewed_at >= following.RENEW_SECONDS):
                self._renew()
                self._followed = generation

    def _renew(self) -> None:
        path = self._paths.fresh() if self._paths else None
        if path is None:
            return
        try:
            client = self._connect(path)
        except StoreUnavailableError as exc:
            log.warning("%s", exc)
            self._paths.release(path)  # type: ignore[union-attr]
            return
        self._retired.add(self._client, self._client_path)
        self._client, self._client_path = client, path
        self._renew_due, self._renewed_at = False, time.monotonic()
        self._chunks = self._articles = self._sentences = None
        self._open(suffix=self._suffix)

    def set_generation(self, value: str | None = None) -> str:
        value = value or uuid.uuid4().hex
        self._mark(generation=value)
        return value

    def _mark(self, **marks: str) -> None:
        """Write the generation or the sentence-vector mark, known here as this process's own
        (`StoreStates`) before it is written: a read racing the write is no news."""
        with self._follow_lock:
            meta = dict(self._chunks.metadata or {})
            meta.pop("hnsw:space", None)  # creation-time only; Chroma refuses to "change" it
            meta.update(marks)
            self._states.written(f"{meta.get('generation', 'none')}|{meta.get('vectors', '')}")
            if not str(meta.get("generation", "")).startswith("dirty"):
                self._followed = str(meta.get("generation", "none"))
            self._chunks.modify(metadata=meta)

    def mark_dirty(self) -> None:
        """Before any change: if we die mid-way, the next open sees "dirty" and repairs."""
        self.set_generation("dirty-" + uuid.uuid4().hex)

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
        with_text: bool = True,
    ) -> list[DenseHit]:
        if not self._ready():
            return []
        n = self._chunks.count()
        if n == 0:
            return []
        res = self._chunks.query(
            query_embeddings=[vector.tolist()], n_results=min(k, n),
            where=date_where(since, until),
            include=["metadatas", "distances"],
        )
        # A record another process deleted keeps its vector in this client's index until it
        # connects afresh: its metadata comes back None, and it is no hit.
        found = [(i, d, m) for i, d, m in zip(res["ids"][0], res["distances"][0],
                                              res["metadatas"][0], strict=True) if m]
        texts = self._texts([m for _, _, m in found]) if with_text else [""] * len(found)
        return [DenseHit(i, 1.0 - float(d), m, t)
                for (i, d, m), t in zip(found, texts, strict=True)]

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
            self._sentences = None if live is None or _stale(live, self._chunks) else live
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
        if _stale(live, side_chunks):
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
