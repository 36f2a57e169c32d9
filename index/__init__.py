"""newsqa's index: loading, cleaning, chunking, embedding and storing news articles.

It knows nothing of the assistant, the UI or the evals; they build on it.
"""

from .bm25 import Bm25Hit, Bm25Index
from .cleaning import clean_document
from .dates import parse_date
from .embedding import DEFAULT_EMBED_MODEL, Embedder, make_embedder
from .errors import (
    EmbedderMismatchError,
    EmbedderUnavailableError,
    IndexingError,
    LoadError,
    NoIndexError,
    NotFoundError,
    StoreUnavailableError,
)
from .ingest import IngestProgress
from .loading import SUPPORTED_SUFFIXES, load_paths
from .news_index import NewsIndex
from .sentences import sentence_spans
from .store import StoreConfig
from .types import Article, Chunk, DenseHit, IngestReport, Passage, RawDocument

__all__ = [
    "DEFAULT_EMBED_MODEL",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Bm25Hit",
    "Bm25Index",
    "Chunk",
    "DenseHit",
    "Embedder",
    "EmbedderMismatchError",
    "EmbedderUnavailableError",
    "IndexingError",
    "IngestProgress",
    "IngestReport",
    "LoadError",
    "NewsIndex",
    "NoIndexError",
    "NotFoundError",
    "Passage",
    "RawDocument",
    "StoreConfig",
    "StoreUnavailableError",
    "clean_document",
    "load_paths",
    "make_embedder",
    "parse_date",
    "sentence_spans",
]
