"""The ingest pipeline: load -> clean -> diff against the store -> chunk -> embed (chunks and
their sentences) -> write.

Idempotent (unchanged articles cost one id lookup), incremental (a changed file replaces only its
own articles) and crash-safe (the store is marked dirty first; the next run removes orphans).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

import numpy as np

from .chunking import chunk_article, embedding_text
from .cleaning import clean_document
from .dates import without_date_lines
from .errors import LoadError
from .loading import LoadResult, load_paths
from .plan import plan_ingest
from .records import unit_mean
from .sentence_vectors import embed_sentences
from .stories import MIN_COSINE, salient_terms, same_story
from .types import Article, Chunk, IngestReport, RawDocument
from .validation import admit_document

if TYPE_CHECKING:
    from .news_index import NewsIndex

__all__ = ["IngestProgress", "IngestStatus", "Notice", "ingest_loaded", "plan_ingest", "run_ingest",
           "write_articles"]

_T = TypeVar("_T")
_Batch = list[tuple[Article, list[Chunk]]]
# A batch's sentence vectors: their keys, the article each came from, the vectors.
_Sentences = tuple[list[str], list[str], np.ndarray]
# Embedding this many chunks per encode call keeps both cores busy without holding much memory.
EMBED_BATCH_CHUNKS = 256


@dataclass(frozen=True)
class IngestProgress:
    articles_done: int
    articles_total: int
    chunks_done: int
    elapsed: float


@dataclass(frozen=True)
class IngestStatus:
    """What an ingest is doing before it embeds, for people watching: "waiting" for another
    writer of the store, "cleaning" documents (`done` of `total`)."""

    stage: str
    message: str
    done: int = 0
    total: int = 0


Notice = Callable[[IngestStatus], None]
# Cleaning reports its progress at most this often.
_NOTICE_SECONDS = 0.5


def _batches(articles: Sequence[Article], chunk_tokens: int
             ) -> Iterator[list[tuple[Article, list[Chunk]]]]:
    batch: list[tuple[Article, list[Chunk]]] = []
    size = 0
    for art in articles:
        chunks = chunk_article(art, chunk_tokens)
        if not chunks:
            continue
        batch.append((art, chunks))
        size += len(chunks)
        if size >= EMBED_BATCH_CHUNKS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _assign_story(index: NewsIndex, article: Article, vector: np.ndarray,
                  pending: Sequence[tuple[Article, np.ndarray]]) -> str:
    """The story of the nearest earlier article telling the same story, or a new one.
    `pending`: this batch's articles before this one, not in the store yet."""
    nearest = index.store.nearest_articles(vector, k=5)
    nearest += [(other, float(mean @ vector)) for other, mean in pending]
    terms: set[str] | None = None
    for other, cosine in sorted(nearest, key=lambda pair: -pair[1])[:5]:
        if other.id == article.id or cosine < MIN_COSINE:
            continue  # names are only compared for articles this close: most never are
        # A page's date line names no one: its words ("Updated", "October") tell no story.
        terms = terms if terms is not None else salient_terms(
            article.title + "\n" + without_date_lines(article.text))
        if same_story(terms, salient_terms(other.title + "\n" + without_date_lines(other.text)),
                      cosine):
            return other.story_id or other.id
    return article.id


def _embed_batch(index: NewsIndex, batch: _Batch) -> tuple[np.ndarray, _Sentences]:
    vectors = index.embedder.embed_documents([embedding_text(a, c) for a, chunks in batch
                                              for c in chunks])
    return vectors, _sentence_vectors(index, batch)


def _sentence_vectors(index: NewsIndex, batch: _Batch) -> _Sentences:
    """The batch's sentences embedded, when the store keeps them (`StoreConfig`); none else."""
    return embed_sentences(index.embedder, batch if index.config.sentence_vectors else [])


def _store_batch(index: NewsIndex, batch: _Batch, vectors: np.ndarray,
                 sentences: _Sentences, rewritten: Collection[str] = ()) -> int:
    rows: list[tuple[Article, list[Chunk], np.ndarray]] = []
    means: list[tuple[Article, np.ndarray]] = []
    offset = 0
    for art, chunks in batch:
        vecs = vectors[offset : offset + len(chunks)]
        offset += len(chunks)
        mean = unit_mean(vecs)
        art = replace(art, story_id=_assign_story(index, art, mean, means))
        rows.append((art, chunks, vecs))
        means.append((art, mean))
    index.store.delete_articles([a.id for a, _ in batch if a.id in rewritten])
    index.store.add_sentences(*sentences)  # before the article records that mark them complete
    index.store.add_articles(rows)
    return offset


def run_ingest(
    index: NewsIndex, paths: Iterable[str | Path],
    progress: Callable[[IngestProgress], None] | None = None, notice: Notice | None = None,
) -> IngestReport:
    t0 = time.perf_counter()
    return ingest_loaded(index, load_paths(paths), progress, t0, notice)


def ingest_loaded(
    index: NewsIndex, loaded: LoadResult,
    progress: Callable[[IngestProgress], None] | None = None, t0: float | None = None,
    notice: Notice | None = None,
) -> IngestReport:
    """Ingest documents already read (from files, pages or feeds); `t0` when reading began."""
    t0 = time.perf_counter() if t0 is None else t0
    # A path that names nothing (a typo) is said, and the rest still ingested; with nothing
    # else readable, nothing is done, and every file's reason is said (not the typo's alone).
    if loaded.missing and not loaded.documents:
        raise LoadError(f"Nothing was ingested: {'; '.join(loaded.warnings)}.")
    report = IngestReport(warnings=list(loaded.warnings), skipped=loaded.skipped,
                          missing=list(loaded.missing))
    articles = _clean_all(loaded.documents, report, notice)
    plan = plan_ingest(articles, index.store.list_articles())
    for dup in plan.duplicates:
        report.skipped += 1
        report.warnings.append(f"{dup.source}: same text as an article read before; skipped")
    for copy, stored in plan.copies:  # counted unchanged: the stored one answers for both
        report.warnings.append(f"{copy.source}: same text as the article indexed from "
                               f"{stored.source}; not indexed again (the article stays under "
                               "that source)")
    report.unchanged, report.updated = plan.unchanged, plan.updated
    report.added, report.removed = plan.added, plan.removed
    if plan.to_add or plan.to_remove or index.needs_repair():
        index.apply_changes(plan.to_add, plan.to_remove, report, progress, t0)
    report.seconds = time.perf_counter() - t0
    return report


def _clean_all(documents: Sequence[RawDocument], report: IngestReport,
               notice: Notice | None = None) -> list[Article]:
    """Check and clean every document; one that cannot be an article (binary, far too big)
    is skipped with a warning saying why, the others kept."""
    articles: list[Article] = []
    shown = time.perf_counter()
    for n, raw in enumerate(documents, start=1):
        if notice and time.perf_counter() - shown >= _NOTICE_SECONDS:
            notice(IngestStatus("cleaning", f"Cleaning {n - 1}/{len(documents)} documents…",
                                n - 1, len(documents)))
            shown = time.perf_counter()
        doc = admit_document(raw, report.warnings)
        if doc is None:
            report.skipped += 1
            continue
        cleaned = clean_document(doc)
        if not cleaned:
            report.skipped += 1
            report.warnings.append(
                f"{doc.source_key}: no article text left after cleaning; skipped")
        articles.extend(cleaned)
    return articles


def write_articles(
    index: NewsIndex, articles: Sequence[Article], report: IngestReport,
    progress: Callable[[IngestProgress], None] | None, t0: float,
    rewritten: Collection[str] = (),
) -> None:
    """Chunk, embed and store the articles; those `rewritten` (stored already under the same
    id) are deleted just before their new version is written."""
    done = 0
    if progress and articles:
        progress(IngestProgress(0, len(articles), report.chunks, time.perf_counter() - t0))
    # Three stages at once: batch n+1 is chunked and batch n-1 stored (stories, Chroma), each
    # in a thread of its own, while batch n is embedded (ONNX Runtime, which releases the
    # GIL). Done one after the other they cost ~15% more. Batches are still stored in order,
    # each after the one before, so story detection sees them all.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsqa-chunk") as chunker, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsqa-store") as writer:
        storing: tuple[Future[int], int] | None = None  # the batch in the writer, its size
        for batch in _ahead(_batches(articles, index.config.chunk_tokens), chunker):
            vectors, sentences = _embed_batch(index, batch)
            done = _settle(storing, done, report, len(articles), progress, t0)
            storing = (writer.submit(_store_batch, index, batch, vectors, sentences, rewritten),
                       len(batch))
        _settle(storing, done, report, len(articles), progress, t0)


def _ahead(items: Iterator[_T], pool: ThreadPoolExecutor) -> Iterator[_T]:
    """The items, each next one produced in `pool` while the caller works on the last."""
    end = object()
    upcoming = pool.submit(next, items, end)
    while (item := upcoming.result()) is not end:
        upcoming = pool.submit(next, items, end)
        yield cast(_T, item)


def _settle(storing: tuple[Future[int], int] | None, done: int, report: IngestReport,
            total: int, progress: Callable[[IngestProgress], None] | None, t0: float) -> int:
    """Wait for the batch being stored (its error is raised here), then report progress."""
    if storing is None:
        return done
    future, articles = storing
    report.chunks += future.result()
    done += articles
    if progress:
        progress(IngestProgress(done, total, report.chunks, time.perf_counter() - t0))
    return done
