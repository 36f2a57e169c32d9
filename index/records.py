"""How articles and chunks become Chroma records, and records articles and texts again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .dates import date_to_ordinal
from .pages import format_page_starts, format_spans, parse_page_starts, parse_spans
from .types import Article, Chunk

__all__ = ["article_from", "article_metadata", "chunk_metadata", "cut_text", "date_where",
           "unit_mean"]

_ARTICLE_FIELDS = ("title", "source", "source_key", "published", "outlet", "url", "doc_id",
                   "story_id", "author")


def unit_mean(vectors: np.ndarray) -> np.ndarray:
    """An article's vector: the mean of its chunks', at unit length like theirs."""
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def chunk_metadata(article: Article, chunk: Chunk) -> dict[str, Any]:
    """No text: a chunk is its article's text from `start` to `end` (see `cut_text`)."""
    return _clean({"article_id": article.id, "chunk_index": chunk.index, "start": chunk.start,
                   "end": chunk.end, "published_ord": date_to_ordinal(article.published),
                   "story_id": article.story_id})


def article_metadata(article: Article, n_chunks: int) -> dict[str, Any]:
    return _clean({**{k: getattr(article, k) for k in _ARTICLE_FIELDS}, "n_chunks": n_chunks,
                   "published_ord": date_to_ordinal(article.published),
                   "length": article.length,
                   "page_starts": format_page_starts(article.page_starts),
                   "captions": format_spans(article.captions)})


def _clean(meta: dict[str, Any]) -> dict[str, Any]:
    """Chroma metadata takes no None values."""
    return {k: v for k, v in meta.items() if v is not None}


def article_from(id_: str, meta: dict[str, Any], text: str | None) -> Article:
    def opt(key: str) -> str | None:
        value = meta.get(key)
        return None if value is None else str(value)

    return Article(
        id=id_, title=str(meta.get("title", "")), text=text or "",
        source=str(meta.get("source", "")), source_key=str(meta.get("source_key", "")),
        published=opt("published"), outlet=opt("outlet"), url=opt("url"), doc_id=opt("doc_id"),
        story_id=opt("story_id"), n_chunks=int(meta.get("n_chunks", 0)), author=opt("author"),
        page_starts=parse_page_starts(meta.get("page_starts")),
        captions=parse_spans(meta.get("captions")),
        text_length=int(meta["length"]) if "length" in meta else None,
    )


def cut_text(article: Article | None, meta: dict[str, Any]) -> str:
    """A chunk's text, from its record's offsets into its article's text."""
    return article.text[meta["start"]:meta["end"]] if article and article.text else ""


def date_where(since: int | None, until: int | None, articles: Sequence[str] | None = None
               ) -> dict[str, Any] | None:
    """Chroma's filter on chunks' dates and, given `articles`, on the articles they are of."""
    parts: list[dict[str, Any]] = []
    if articles:
        parts.append({"article_id": articles[0] if len(articles) == 1
                      else {"$in": list(articles)}})
    if since is not None:
        parts.append({"published_ord": {"$gte": since}})
    if until is not None:
        parts.append({"published_ord": {"$lte": until}})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}
