"""`NewsIndex`: the index package's front door — ingest, list, remove, and the two searches
(dense through Chroma, lexical through BM25) that the assistant fuses."""

from __future__ import annotations

import builtins
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .bm25 import Bm25Hit, Bm25Index
from .dates import date_to_ordinal
from .embedding import Embedder, embedder_name, make_embedder, resolve_runtime
from .errors import NoIndexError, NotFoundError
from .ingest import IngestProgress, IngestStatus, Notice, ingest_loaded, run_ingest, write_articles
from .sentence_vectors import StoredSentences, add_missing
from .store import ChromaStore, StoreConfig
from .types import Article, DenseHit, IngestReport
from .writelock import StoreLock

if TYPE_CHECKING:
    from .fetching import FetchConfig
    from .loading import LoadResult

__all__ = ["NewsIndex"]


class NewsIndex:
    """One store directory (or Chroma server) with its embedder and BM25 index.

    The embedder loads on first use, so listing or removing articles never loads torch.
    """

    def __init__(
        self, config: StoreConfig, embedder: Embedder | None = None, *, reindexing: bool = False
    ) -> None:
        self.config = config
        self._reindexing = reindexing
        self._embedder = embedder
        self._bm25: Bm25Index | None = None
        self._lock = threading.RLock()  # loading the BM25 index; never held by a writer
        self._write_lock = StoreLock(config.path)
        self._articles: dict[str, Article] = {}
        self._embedder_checked = ""  # the store's generation when the embedder last matched
        self.store = ChromaStore(config)
        self._finish_swap()
        stored = None if reindexing else self.store.stored_embedder()
        # Under "auto" an existing index keeps the runtime it was built with (float or int8).
        self._runtime = resolve_runtime(config.embed_model, config.embed_runtime,
                                        stored[0] if stored else None)
        if not reindexing:
            self.store.check_embedder(*((embedder.name, embedder.dim) if embedder else (
                embedder_name(config.embed_model, self._runtime), 0)))

    @cached_property
    def embedder(self) -> Embedder:
        embedder = self._embedder or make_embedder(self.config.embed_model, **self._options())
        if not self._reindexing:
            self.store.check_embedder(embedder.name, embedder.dim)
        return embedder

    @cached_property
    def sentence_embedder(self) -> Embedder:
        """The embedder for article sentences: their vectors stored at ingest where there are
        some, so a question need not embed them."""
        return StoredSentences(self.embedder, self.store)

    def _finish_swap(self) -> None:
        """Complete a swap a killed re-index left half done, if no writer is at work: one that
        is may be that re-index, swapping this very moment (and it completes its own swap)."""
        from .reindex import REINDEX_SUFFIX

        if not self.store.swap_pending(REINDEX_SUFFIX):
            return
        with self._write_lock.held_if_free() as held:
            if held:
                self.store.finish_swap(REINDEX_SUFFIX)

    def _options(self) -> dict[str, Any]:
        if not self.config.embed_model.startswith("openai:"):
            return {"runtime": self._runtime}
        given = {"api_key": self.config.openai_api_key, "base_url": self.config.openai_base_url}
        return {k: v for k, v in given.items() if v}

    # -- paths --------------------------------------------------------------------------------
    @property
    def _bm25_dir(self) -> Path:
        where = "server-" + f"{self.config.chroma_host}-{self.config.chroma_port}".replace(
            ".", "_") if self.config.chroma_host else "local"
        return self.config.path / "bm25" / where / self.config.prefix

    @contextmanager
    def writing(self, notice: Notice | None = None) -> Iterator[None]:
        """One writer at a time per store directory, across processes (CLI, UI, evals); a
        writer that has to wait says so through `notice` first."""
        def waiting() -> None:
            if notice is not None:
                notice(IngestStatus("waiting", "Another ingest is writing to "
                                    f"{self.config.where}; waiting for it to finish…"))

        with self._write_lock.hold(waiting):
            self.store.generation()  # see what another writer wrote before writing on
            yield

    # -- writing ------------------------------------------------------------------------------
    def ingest(
        self, paths: Iterable[str | Path],
        progress: Callable[[IngestProgress], None] | None = None,
        *, fetch: FetchConfig | None = None, notice: Notice | None = None,
    ) -> IngestReport:
        """Ingest files, folders and globs; and web pages and RSS/Atom feeds named by http(s)
        URLs, fetched first (outside the write lock) with `fetch`, by default `FetchConfig()`,
        which refuses private addresses. `notice`: told when the ingest waits for another
        writer and how cleaning goes."""
        from .fetching import is_url, load_sources

        paths = list(paths)
        if not any(is_url(p) for p in paths):
            with self.writing(notice):
                return run_ingest(self, paths, progress, notice)
        t0 = time.perf_counter()
        return self.ingest_documents(load_sources(paths, fetch), progress, t0, notice=notice)

    def ingest_documents(
        self, loaded: LoadResult, progress: Callable[[IngestProgress], None] | None = None,
        t0: float | None = None, *, notice: Notice | None = None,
    ) -> IngestReport:
        """Ingest documents read already (`index.fetching`, `index.feeds`, `load_paths`)."""
        with self.writing(notice):
            return ingest_loaded(self, loaded, progress, t0, notice)

    def add_sentence_vectors(self, stop: threading.Event | None = None,
                             progress: Callable[[int, int], None] | None = None, *,
                             background: bool = False,
                             articles: Sequence[str] | None = None) -> int:
        """Store the vectors of the sentences that have none yet (of `articles`, by id, or of
        all), so questions look them up rather than embed them
        (`index.sentence_vectors.add_missing`); safe to stop."""
        return add_missing(self, stop, progress, background=background, articles=articles)

    def write_busy(self) -> bool:
        """Is a write to this store under way, in this process or another? Never waits."""
        return self._write_lock.busy()

    def needs_repair(self) -> bool:
        return self.store.generation().startswith("dirty")

    def apply_changes(
        self, to_add: Sequence[Article], to_remove: Sequence[str], report: IngestReport,
        progress: Callable[[IngestProgress], None] | None, t0: float,
    ) -> None:
        """Called by the ingest pipeline with the write lock held. The embedder is loaded only
        when there is something to embed: a re-ingest of unchanged files never loads it."""
        if to_add:
            self.store.ensure(self.embedder.name, self.embedder.dim)
        self.store.mark_dirty()
        self.store.remove_orphans()
        # An edited file's old articles go only once its new ones are written: an ingest
        # stopped half-way (Ctrl-C, a crash) leaves both versions, which the next run settles,
        # never neither. An article rewritten under its own id (a date corrected) is replaced
        # as its batch is written.
        rewritten = {a.id for a in to_add} & set(to_remove)
        write_articles(self, to_add, report, progress, t0, rewritten)
        self.store.delete_articles([i for i in to_remove if i not in rewritten])
        self._commit()

    def _commit(self) -> None:
        """The BM25 index is built and saved before the store's generation names it: until
        then questions keep the one from before the write (see `bm25`), never building their
        own beside it."""
        with self._lock:
            generation = uuid.uuid4().hex
            self._bm25 = self._build_bm25(generation)
            self.store.set_generation(generation)
            self._articles = {}

    def remove(self, ref: str) -> list[Article]:
        """Remove by article id (or a unique prefix of one) or by source path / URL."""
        if not ref.strip():
            # An empty path resolves to the working directory, which may hold every source.
            raise NotFoundError("No article id or source given; nothing was removed. See "
                                "`newsqa list` for both.")
        with self.writing():
            matches = self._match(ref)
            if not matches:
                short = (" (an id prefix needs at least 6 characters)"
                         if len(ref) < 6 and ref.isalnum() else "")
                raise NotFoundError(
                    f"No article has the id or source '{ref}'{short}. See `newsqa list` for "
                    "both.")
            self.store.mark_dirty()
            self.store.delete_articles([a.id for a in matches])
            self._commit()
            return matches

    def _match(self, ref: str) -> list[Article]:
        articles = self.store.list_articles()
        exact = [a for a in articles if a.id == ref]
        by_id = exact or [a for a in articles if len(ref) >= 6 and a.id.startswith(ref)]
        if len(by_id) > 1:  # a prefix is shorthand for one article, never a selection
            listed = ", ".join(sorted(a.id for a in by_id))
            raise NotFoundError(f"'{ref}' begins the ids of {len(by_id)} articles ({listed}); "
                                "give more of the id. Nothing was removed.")
        if by_id:
            return by_id
        path = str(Path(ref).expanduser().resolve()) if not ref.startswith("http") else ref
        return [a for a in articles if ref in (a.source, a.source_key)
                or path in (a.source, a.source_key)
                or a.source_key.startswith(path.rstrip("/") + ("/" if Path(path).is_dir()
                                                                 else "#"))]

    def reindex(self, progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
        """Re-embed every article with the configured embedder, building aside then swapping, so
        a failure half-way leaves the old index intact."""
        from .reindex import rebuild

        with self.writing():
            return rebuild(self, progress)

    # -- reading ------------------------------------------------------------------------------
    def list(self) -> list[Article]:
        self.store.generation()  # follows another process's writes (a re-index's swap)
        return sorted(self.store.list_articles(), key=lambda a: (a.source_key, a.source))

    def require_articles(self) -> None:
        self.store.generation()  # each question starts here: see `list`
        if self.store.count_articles() == 0:
            raise NoIndexError(self.config.where)

    def articles(self, ids: Sequence[str]) -> dict[str, Article]:
        """Full articles by id, cached: quoting and context need their text on every question."""
        # One dict throughout: `_commit` replaces it, from another thread perhaps, mid-call.
        cache = self._articles
        missing = [i for i in ids if i not in cache]
        if missing:
            cache.update(self.store.get_articles(missing))
        return {i: cache[i] for i in ids if i in cache}

    def dense(self, query: str, k: int, since: str | None = None, until: str | None = None,
              *, with_text: bool = True, articles: Sequence[str] | None = None
              ) -> builtins.list[DenseHit]:
        """The chunks nearest the query; `articles`: of those articles only."""
        # Another process may have written since this one opened (`ChromaStore.generation`
        # connects afresh then), even re-indexed with another embedder.
        generation = self.store.generation()
        if generation != self._embedder_checked:
            self.store.check_embedder(self.embedder.name, self.embedder.dim)
            self._embedder_checked = generation
        vector = self.embedder.embed_query(query)
        return self.store.query_dense(vector, k, date_to_ordinal(since), date_to_ordinal(until),
                                      with_text=with_text, articles=articles)

    def lexical(self, query: str, k: int, since: str | None = None, until: str | None = None,
                articles: Sequence[str] | None = None) -> builtins.list[Bm25Hit]:
        """The chunks BM25 ranks best for the query; `articles`: of those articles only."""
        return self.bm25().query(query, k, date_to_ordinal(since), date_to_ordinal(until),
                                 articles)

    def story(self, article: Article) -> builtins.list[str]:
        """The ids of the article and of every copy of its story (`stories`: the same story
        rewritten or syndicated, which a conversation about it may be answered from)."""
        copies = self.store.story_articles(article.story_id or article.id)
        return [article.id, *(i for i in copies if i != article.id)]

    def published_after(self, day: str) -> bool:
        """Is any article dated after the day (ISO)?"""
        return self.bm25().any_after(date_to_ordinal(day) or 0)

    def bm25(self) -> Bm25Index:
        """The BM25 index matching the store's current state; rebuilt when missing or stale.
        While a write is under way (here or in another process) it is the index as it was
        before: a question never waits for an ingest, nor searches half of one."""
        generation = self.store.generation()
        if self._bm25 is not None and self._bm25.generation == generation:
            return self._bm25
        if generation.startswith("dirty") and self._write_lock.busy():
            as_it_was = self._bm25 or Bm25Index.load(self._bm25_dir)
            if as_it_was is not None:
                return as_it_was
        with self._lock:
            loaded = Bm25Index.load(self._bm25_dir)
            if loaded is None or loaded.generation != generation:
                loaded = self._build_bm25(generation)
            if self._bm25 is not None:  # written since: a record may have new metadata
                self._articles = {}
            self._bm25 = loaded
            return loaded

    def _build_bm25(self, generation: str) -> Bm25Index:
        started = time.perf_counter()
        ids, texts, dates = [], [], []
        titles = {a.id: a.title for a in self.store.list_articles()}
        for cid, text, meta in self.store.iter_chunks():
            if meta["article_id"] not in titles:
                continue  # an orphan from a killed ingest: never searchable
            ids.append(cid)
            texts.append(f"{titles[meta['article_id']]}\n{text}")
            dates.append(meta.get("published_ord"))
        index = Bm25Index.build(ids, texts, dates, generation)
        index.save(self._bm25_dir)
        self.bm25_build_seconds = time.perf_counter() - started
        return index
