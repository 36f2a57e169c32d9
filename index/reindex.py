"""Re-embedding an index with another embedder, without a window where articles are lost."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from .ingest import IngestProgress, write_articles
from .types import IngestReport

if TYPE_CHECKING:
    from .news_index import NewsIndex

__all__ = ["REINDEX_SUFFIX", "rebuild"]

REINDEX_SUFFIX = "_reindex"


def rebuild(index: NewsIndex, progress: Callable[[IngestProgress], None] | None) -> IngestReport:
    """Copy every article into side collections under the new embedder, then swap them in.

    The articles collection keeps each article's full text, so no source file is needed. Killed
    while copying, the old collections are untouched and the half-built side ones are dropped by
    the next attempt; killed while swapping, the next open completes the swap.
    """
    t0 = time.perf_counter()
    store = index.store
    articles = list(store.get_articles(store.article_ids()).values())
    report = IngestReport(updated=len(articles))
    store.drop(suffix=REINDEX_SUFFIX)
    store._open(create_with=(index.embedder.name, index.embedder.dim), suffix=REINDEX_SUFFIX)
    write_articles(index, articles, report, progress, t0)
    store.mark_complete()
    store.swap_in(REINDEX_SUFFIX)
    index._commit()
    report.seconds = time.perf_counter() - t0
    return report
