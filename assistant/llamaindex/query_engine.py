"""`NewsQueryEngine`: our verified answers as a LlamaIndex query engine, e.g. an agent's tool:

    engine = NewsQueryEngine(settings, llm="extractive")     # or a LlamaIndex LLM instance
    tool = QueryEngineTool.from_defaults(engine, name="news", description="...")

A response's `source_nodes` are the answer's verified quotes (never unverified text);
`metadata["abstained"]` says whether the articles answer the question at all, and
`metadata["answer"]` holds the typed `Answer`."""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from pathlib import Path
from typing import Any

from llama_index.core.base.response.schema import RESPONSE_TYPE, Response, StreamingResponse
from llama_index.core.query_engine import CustomQueryEngine
from pydantic import ConfigDict, Field

from ..assistant import Assistant
from ..settings import Settings
from ..types import Answer
from .nodes import citation_nodes
from .retriever import assistant_for

__all__ = ["NewsQueryEngine"]


class NewsQueryEngine(CustomQueryEngine):
    """Ask our assistant: retrieval, evidence ranking, the chosen backend, quote checking.

    `llm`: a backend name ("extractive", "openai", "local", "llamaindex:ollama", ...), a
    LlamaIndex `LLM` instance or one of our ChatBackends; default: the settings' NEWSQA_LLM.
    `streaming=True` makes `query()` return a StreamingResponse whose text is the verified
    answer (a chat model's draft is checked before any of it is streamed)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Assistant
    streaming: bool = False
    top_k: int | None = Field(None, ge=1, le=50)
    since: str | None = None
    until: str | None = None

    def __init__(self, source: Assistant | Settings | str | Path | None = None, *,
                 llm: object = None, streaming: bool = False, top_k: int | None = None,
                 since: str | None = None, until: str | None = None, **kwargs: Any) -> None:
        assistant = assistant_for(source)
        if llm is not None:  # an Assistant with that default backend, on the same index
            shared = assistant.index if isinstance(source, Assistant) else None
            assistant = Assistant(assistant.settings, index=shared, llm=llm)
        assistant.resolve_backend()  # an unknown backend name fails here, not at the question
        super().__init__(assistant=assistant, streaming=streaming, top_k=top_k, since=since,
                         until=until, **kwargs)

    def answer(self, question: str) -> Answer:
        """The typed Answer, as `Assistant.ask` gives it."""
        return self.assistant.ask(question, top_k=self.top_k, since=self.since,
                                  until=self.until)

    def custom_query(self, query_str: str) -> RESPONSE_TYPE:
        if self.streaming:
            return self._streaming(query_str)
        return _response(self.answer(query_str))

    async def acustom_query(self, query_str: str) -> RESPONSE_TYPE:
        # The answer path is synchronous (ONNX, Chroma, the chat client): run it in a worker
        # thread so the event loop (an agent's) keeps going meanwhile.
        answer = await asyncio.to_thread(self.answer, query_str)
        return _streamed(answer) if self.streaming else _response(answer)

    def _streaming(self, question: str) -> StreamingResponse:
        response = StreamingResponse(response_gen=_words(""))

        def pieces() -> Generator[str, None, None]:
            # Lazy, as LlamaIndex streams are: the work starts when the reader starts reading.
            answer = self.answer(question)
            _fill(response, answer)
            yield from _words(answer.text)

        response.response_gen = pieces()
        return response


def _response(answer: Answer) -> Response:
    return Response(answer.text, source_nodes=citation_nodes(answer), metadata=_metadata(answer))


def _streamed(answer: Answer) -> StreamingResponse:
    response = StreamingResponse(response_gen=_words(answer.text))
    _fill(response, answer)
    return response


def _fill(response: StreamingResponse, answer: Answer) -> None:
    response.source_nodes = citation_nodes(answer)
    response.metadata = _metadata(answer)


def _metadata(answer: Answer) -> dict[str, Any]:
    return {"abstained": answer.abstained, "answer": answer, "llm": answer.llm,
            "notes": list(answer.notes)}


def _words(text: str) -> Generator[str, None, None]:
    """The text in word-sized pieces that join back to exactly the text."""
    start = 0
    while start < len(text):
        end = text.find(" ", start) + 1 or len(text)
        yield text[start:end]
        start = end
