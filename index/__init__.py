"""newsqa's index: loading, cleaning, chunking, embedding and storing news articles.

It knows nothing of the assistant, the UI or the evals; they build on it.
"""

from .bm25 import Bm25Hit, Bm25Index, fold_accents
from .captions import caption_spans, credit_span, is_caption
from .cleaning import clean_document
from .dates import find_date_line, parse_date, without_date_lines
from .embedding import DEFAULT_EMBED_MODEL, Embedder, make_embedder
from .errors import (
    EmbedderMismatchError,
    EmbedderUnavailableError,
    FetchError,
    IndexingError,
    LoadError,
    NoIndexError,
    NotFoundError,
    PrivateAddressError,
    StoreUnavailableError,
)
from .fetching import FetchConfig
from .ingest import IngestProgress, IngestStatus
from .line_kinds import is_page_notice
from .loading import SUPPORTED_SUFFIXES, load_paths
from .news_index import NewsIndex
from .sentences import sentence_after, sentence_before, sentence_spans
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
    "FetchConfig",
    "FetchError",
    "IndexingError",
    "IngestProgress",
    "IngestReport",
    "IngestStatus",
    "LoadError",
    "NewsIndex",
    "NoIndexError",
    "NotFoundError",
    "Passage",
    "PrivateAddressError",
    "RawDocument",
    "StoreConfig",
    "StoreUnavailableError",
    "caption_spans",
    "clean_document",
    "credit_span",
    "find_date_line",
    "fold_accents",
    "is_caption",
    "is_page_notice",
    "load_paths",
    "make_embedder",
    "parse_date",
    "sentence_after",
    "sentence_before",
    "sentence_spans",
    "without_date_lines",
]
