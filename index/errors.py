"""Errors raised by the index package. Every message says how to fix the problem."""

from __future__ import annotations

__all__ = [
    "EmbedderMismatchError",
    "EmbedderUnavailableError",
    "FetchError",
    "IndexingError",
    "LoadError",
    "NoIndexError",
    "NotFoundError",
    "PrivateAddressError",
    "StoreUnavailableError",
]


class IndexingError(Exception):
    """Base class for every error of the index package."""


class LoadError(IndexingError):
    """A file could not be read as articles (unreadable, binary, empty, malformed)."""


class FetchError(LoadError):
    """A page or feed could not be fetched or read as articles (404, timeout, not HTML, a
    paywall stub, too large, a redirect loop)."""


class PrivateAddressError(FetchError):
    """A URL resolves to a loopback, link-local or private address and fetching those is off."""

    def __init__(self, url: str, address: str) -> None:
        super().__init__(
            f"{url}: refused, it resolves to {address}, a loopback, link-local or private "
            "address; only public web pages can be fetched here. The operator can allow such "
            "addresses with NEWSQA_FETCH_ALLOW_PRIVATE=1."
        )
        self.address = address


class NoIndexError(IndexingError):
    """The store holds no articles yet."""

    def __init__(self, store: str) -> None:
        super().__init__(
            f"No articles are indexed in {store}. Run `newsqa ingest PATH...` first "
            "(for the bundled samples: `newsqa ingest data/sample_articles`)."
        )


class EmbedderMismatchError(IndexingError):
    """The index was built with another embedding model than the one configured."""

    def __init__(self, stored: str, stored_dim: int, configured: str, configured_dim: int) -> None:
        def dims(n: int) -> str:
            return f" ({n} dims)" if n else ""

        # The same model run another way (int8 against float ONNX/torch): only the runtime.
        # A stored name says how it ran ("all-MiniLM-L6-v2 (int8)"); a setting names the model.
        model = stored.split(" (")[0]
        same_model = model == configured.split(" (")[0]
        fix = ("NEWSQA_EMBED_RUNTIME=auto" if same_model else f"NEWSQA_EMBED_MODEL={model}"
               + (" (and NEWSQA_EMBED_RUNTIME=auto)" if model != stored else ""))
        super().__init__(
            f"This index was built with the embedding model '{stored}'{dims(stored_dim)}, "
            f"but '{configured}'{dims(configured_dim)} is configured. Set {fix} to use the "
            "index as it is, or run `newsqa ingest --reindex` to re-embed every article with "
            f"'{configured}'."
        )
        self.stored = stored
        self.configured = configured


class EmbedderUnavailableError(IndexingError):
    """The embedding model cannot be loaded or reached."""


class StoreUnavailableError(IndexingError):
    """The Chroma store cannot be opened or reached."""


class NotFoundError(IndexingError):
    """No article matches an id or source."""
