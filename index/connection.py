"""The connection to the Chroma store: its settings (`StoreConfig`), its client and
collections, and the generation that ties the BM25 files to what Chroma holds, followed across
processes (`index.following`). What is read and written through it is `index.store`'s.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import following
from .errors import EmbedderMismatchError, StoreUnavailableError
from .following import ClientPaths, Retired, StoreStates
from .offline import quiet_offline_env

__all__ = ["SEARCH_EF", "ChromaConnection", "StoreConfig", "stale_sentences"]

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


def stale_sentences(sentences: Any, chunks: Any) -> bool:
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


class ChromaConnection:
    """A Chroma client and the store's collections, kept up with other processes' writes."""

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
                   if self.config.chroma_host else _local_fix(self.config.where, exc))
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
        if sentences is not None and stale_sentences(sentences, chunks):
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
        if path is None:  # a server's clients see all; no link could be made: not again
            self._renew_due = False  # until the next write (`ClientPaths.fresh` said why)
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


def _local_fix(where: str, exc: Exception) -> str:
    """How to fix a local store Chroma cannot open. A read-only one (a shared or mounted
    copy) cannot be read either: Chroma writes to its database on opening it."""
    if "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
        return (f"Chroma writes to a store even to read it, and this one is read-only: copy it "
                f"somewhere writable (`cp -r {where} ~/newsqa-store`) and pass that with "
                "--store (or NEWSQA_STORE).")
    return "Check that the directory is writable, or choose another with --store."
