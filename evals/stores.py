"""The index each dataset is asked against: the configured store (holding the sample articles,
ingested when empty) for the gold set; a store of its own for RealTime QA, built once."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Protocol

from index import IngestProgress, IngestReport, NoIndexError

from .datasets import Dataset
from .errors import StorePrepError

__all__ = [
    "IndexLike",
    "ProgressFactory",
    "ensure_realtimeqa",
    "ensure_samples",
    "find_samples",
    "gold_store",
    "realtimeqa_store",
    "sync_samples",
]

ProgressFactory = Callable[[], AbstractContextManager[Callable[[IngestProgress], None] | None]]
_MARKER = "evals-ingested.json"
_SUBSET = "realtimeqa-subset.jsonl"


class IndexLike(Protocol):
    def require_articles(self) -> None: ...

    def ingest(self, paths: Iterable[str | Path],
               progress: Callable[[IngestProgress], None] | None = None) -> IngestReport: ...


def _no_progress() -> AbstractContextManager[Callable[[IngestProgress], None] | None]:
    return nullcontext(None)


def find_samples(cwd: Path | None = None) -> Path:
    """data/sample_articles of the repository: under the working directory, else beside the
    installed package (an editable install points into the repository)."""
    candidates = [(cwd or Path.cwd()) / "data" / "sample_articles",
                  Path(__file__).resolve().parents[1] / "data" / "sample_articles"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise StorePrepError("The store is empty and data/sample_articles was not found. Run from "
                         "the repository root, or ingest articles first: newsqa ingest PATH.")


def ensure_samples(index: IndexLike, progress: ProgressFactory | None = None) -> bool:
    """Ingest the sample articles when the store is empty; True if it did."""
    try:
        index.require_articles()
        return False
    except NoIndexError:
        pass
    with (progress or _no_progress)() as update:
        index.ingest([find_samples()], update)
    return True


def sync_samples(index: IndexLike, progress: ProgressFactory | None = None) -> None:
    """Make the eval's own gold store hold the current sample articles (idempotent: unchanged
    articles cost an id lookup, an edited sample file replaces its articles)."""
    with (progress or _no_progress)() as update:
        index.ingest([find_samples()], update)


def gold_store(configured: Path) -> Path:
    """A sibling of the configured store holding only the samples, so the user's own articles
    never change what the gold questions retrieve."""
    return configured.expanduser().resolve().parent / "newsqa-gold"


def realtimeqa_store(configured: Path, selection: str | None = None) -> Path:
    """A sibling of the configured store, so the benchmark never mixes with the user's articles;
    a limited run gets a small store of its own, named after its selection ("limit20")."""
    name = "newsqa-realtimeqa" + (f"-{selection}" if selection else "")
    return configured.expanduser().resolve().parent / name


def _doc_ids(dataset: Dataset) -> list[str]:
    return sorted({doc for item in dataset.items for doc in item.search_docs})


def _write_subset(corpus: Path, wanted: set[str], target: Path) -> None:
    """The corpus lines of the wanted documents, at a stable path (ingest keys on it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with corpus.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line in src:
            if line.strip() and json.loads(line).get("id") in wanted:
                out.write(line)


def _fingerprint(corpus: Path, docs: Sequence[str] | None) -> str:
    """The corpus file, the documents wanted, and the code that reads and cleans them: a store
    built by an older cleaning is brought up to date (ingest replaces an article whose cleaned
    text changed), where it had been reused as it stood."""
    stat = corpus.stat()
    what = (f"{corpus.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{','.join(docs or ['*'])}"
            f"|{_reading_code()}")
    return hashlib.sha256(what.encode()).hexdigest()


def _reading_code() -> str:
    """A digest of the `index` package's source: what turns a corpus line into stored text."""
    import index

    digest = hashlib.sha256()
    for path in sorted(Path(index.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_realtimeqa(index: IndexLike, store: Path, dataset: Dataset, limited: bool,
                      progress: ProgressFactory | None = None) -> bool:
    """Ingest the corpus (or, for a limited run, only the selected questions' documents) unless
    this store already holds exactly that; True if it ingested."""
    corpus = dataset.source / "corpus.jsonl"
    docs = _doc_ids(dataset) if limited else None
    fingerprint = _fingerprint(corpus, docs)
    marker = store / _MARKER
    if marker.is_file() and json.loads(marker.read_text()).get("fingerprint") == fingerprint:
        return False
    source = corpus
    if docs is not None:
        source = store / _SUBSET
        _write_subset(corpus, set(docs), source)
    with (progress or _no_progress)() as update:
        report = index.ingest([source], update)
    if report.added + report.unchanged + report.updated == 0:
        raise StorePrepError(f"Nothing could be ingested from {source}: "
                             + "; ".join(report.warnings[:3]))
    marker.write_text(json.dumps({"fingerprint": fingerprint, "source": str(source)}))
    return True
