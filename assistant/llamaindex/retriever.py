"""`NewsRetriever`: our hybrid retrieval (dense + BM25, fused, diversified, widened by a
sentence each side) as a LlamaIndex retriever, usable wherever one is, e.g.
`RetrieverQueryEngine.from_args(NewsRetriever(settings), llm=llm)`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.callbacks import CallbackManager
from llama_index.core.schema import NodeWithScore, QueryBundle

from index import parse_date

from ..assistant import Assistant
from ..errors import InvalidRequestError
from ..request import MAX_TOP_K
from ..retrieval import retrieve
from ..settings import Settings
from .nodes import passage_node

__all__ = ["NewsRetriever", "assistant_for"]


def assistant_for(source: Assistant | Settings | str | Path | None) -> Assistant:
    """An Assistant as the rest of the Python API takes it: given, or built from Settings, or
    from the settings of the environment with the given store path (None: as they are)."""
    if isinstance(source, Assistant):
        return source
    if isinstance(source, str | Path):
        return Assistant(Settings().with_overrides(store=Path(source)))
    if source is None or isinstance(source, Settings):
        return Assistant(source)
    raise InvalidRequestError(f"Expected an Assistant, a Settings or a store path, got "
                              f"{type(source).__name__}.")


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise InvalidRequestError(f"{name}={value!r} is not a date; use YYYY-MM-DD.")
    return parsed


class NewsRetriever(BaseRetriever):
    """Nodes of verbatim article passages: `node.text == article.text[start:end]` with
    `start_char_idx`/`end_char_idx` set, metadata title, outlet, published, source, article_id
    and story_id; `score` is the fused retrieval score."""

    def __init__(self, source: Assistant | Settings | str | Path | None = None, *,
                 top_k: int | None = None, since: str | None = None, until: str | None = None,
                 callback_manager: CallbackManager | None = None, **kwargs: Any) -> None:
        self.assistant = assistant_for(source)
        self.top_k = self.assistant.settings.top_k if top_k is None else top_k
        if not isinstance(self.top_k, int) or not 1 <= self.top_k <= MAX_TOP_K:
            raise InvalidRequestError(
                f"top_k must be a whole number from 1 to {MAX_TOP_K}; got {self.top_k!r}.")
        self.since, self.until = _date(since, "since"), _date(until, "until")
        if self.since and self.until and self.since > self.until:
            raise InvalidRequestError(f"The date range is empty: since {self.since} is after "
                                      f"until {self.until}. Swap them.")
        # Our own (empty) callback manager: never LlamaIndex's global Settings.callback_manager.
        super().__init__(callback_manager=callback_manager or CallbackManager([]), **kwargs)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        index = self.assistant.index
        index.require_articles()  # "run newsqa ingest first" rather than no nodes
        found = retrieve(index, query_bundle.query_str, self.top_k, since=self.since,
                         until=self.until)
        return [passage_node(p) for p in found.passages]
