"""Small value classes shared by the index modules: articles, chunks, passages, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "Chunk", "DenseHit", "IngestReport", "Passage", "RawDocument"]


@dataclass(frozen=True)
class RawDocument:
    """One unit read from a file before cleaning: a text file, an HTML page or a JSON record.

    `source_key` identifies the unit for replacement on re-ingest (a path, or `path#record`).
    """

    text: str
    source: str
    source_key: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    doc_id: str | None = None
    # A page scraped as-is may carry furniture and a second article; records from a JSON feed
    # are one article each.
    may_hold_several: bool = True
    author: str | None = None
    # Paged documents (PDF): where each page starts in `text`, and the lines the loader found
    # to be page furniture (running headers and footers), which cleaning drops.
    page_starts: tuple[int, ...] = ()
    drop_lines: frozenset[str] = frozenset()
    # Lines the loader knows to be captions by their markup (an HTML page's <figcaption>, a
    # table's <caption>), whatever their words: "Passengers at Waterloo during the last
    # strike" says nothing of a photo.
    caption_lines: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Article:
    """A cleaned article. `text` holds only lines kept verbatim from the source."""

    id: str
    title: str
    text: str
    source: str
    source_key: str
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    doc_id: str | None = None
    story_id: str | None = None
    n_chunks: int = 0
    author: str | None = None
    # For an article from a paged document: the offset in `text` where each page starts
    # (page n starts at page_starts[n - 1]; see `index.pages.page_of`).
    page_starts: tuple[int, ...] = ()
    # (start, end) in `text` of each line its source marked as a caption (`RawDocument.
    # caption_lines`); `index.caption_spans` adds those that read as one.
    captions: tuple[tuple[int, int], ...] = ()
    # The stored length, for articles listed without their text.
    text_length: int | None = field(default=None, repr=False, compare=False)

    @property
    def length(self) -> int:
        return len(self.text) if self.text or self.text_length is None else self.text_length


@dataclass(frozen=True)
class Chunk:
    """A span of an article's text; `text == article.text[start:end]`."""

    article_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(frozen=True)
class DenseHit:
    """A chunk found by vector search."""

    chunk_id: str
    score: float  # cosine similarity
    metadata: dict[str, Any]
    text: str


@dataclass(frozen=True)
class Passage:
    """A retrieved span of an article, with its scores and the article's metadata."""

    article_id: str
    chunk_id: str
    start: int
    end: int
    text: str
    score: float
    title: str
    source: str
    published: str | None = None
    outlet: str | None = None
    story_id: str | None = None
    doc_id: str | None = None
    dense_score: float | None = None
    bm25_score: float | None = None


@dataclass
class IngestReport:
    """What an ingest did; printed as a table or as JSON by the CLI."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    chunks: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths named that hold nothing at all

    def as_dict(self) -> dict[str, object]:
        return {
            "articles_added": self.added,
            "articles_updated": self.updated,
            "articles_unchanged": self.unchanged,
            "articles_skipped": self.skipped,
            "articles_removed": self.removed,
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
            "warnings": list(self.warnings),
            "missing": list(self.missing),
        }
