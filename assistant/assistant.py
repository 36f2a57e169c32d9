"""`Assistant`: question in, grounded answer out. `ask()` in __init__ is a thin wrapper."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from queue import Queue

from index import Article, NewsIndex

from .backends.base import ChatBackend
from .errors import EmptyQuestionError, QuestionTooLongError, UnknownBackendError
from .evidence import abstain_reason, rank_evidence
from .extractive import compose_extractive
from .followup import rewrite_query
from .generative import build_messages, ground_answer
from .retrieval import Retrieval, retrieve
from .settings import MAX_QUESTION_CHARS, Settings
from .types import Answer, Message, RetrievedPassage, Timings

__all__ = ["AUTO_OFFLINE_BACKEND", "BACKEND_NAMES", "Assistant"]

# `auto` without an OpenAI-compatible server: the offline backend that scores best on our evals
# (see README, "Evaluation"): SmolLM2-135M invents too much for its answers to survive checking.
AUTO_OFFLINE_BACKEND = "extractive"
BACKEND_NAMES = ("auto", "openai", "local", "extractive")
ABSTAIN_TEXT = "The articles don't say"


class Assistant:
    """Holds the index, the embedder and any chat model, loaded once and reused."""

    def __init__(self, settings: Settings | None = None, *, index: NewsIndex | None = None):
        self.settings = settings or Settings()
        self._index = index
        self._backends: dict[str, ChatBackend] = {}
        self._backend_lock = threading.Lock()

    @cached_property
    def index(self) -> NewsIndex:
        return self._index or NewsIndex(self.settings.store_config())

    def resolve_backend(self, llm: str | None = None) -> str:
        name = llm or self.settings.llm
        if name not in BACKEND_NAMES:
            raise UnknownBackendError(
                f"Unknown backend '{name}'. Choose one of: {', '.join(BACKEND_NAMES)}.")
        if name == "auto":
            return "openai" if self.settings.openai_configured else AUTO_OFFLINE_BACKEND
        return name

    def chat_backend(self, name: str) -> ChatBackend:
        with self._backend_lock:
            if name not in self._backends:
                from .backends import make_backend

                self._backends[name] = make_backend(name, self.settings)
            return self._backends[name]

    def get_article(self, article_id: str) -> Article:
        return self.index.store.get_article(article_id)

    # -- asking -------------------------------------------------------------------------------
    def ask(self, question: str, *, history: Sequence[Message] | None = None,
            llm: str | None = None, top_k: int | None = None, since: str | None = None,
            until: str | None = None) -> Answer:
        return self._answer(question, history, llm, top_k, since, until, on_delta=None)

    def stream(self, question: str, history: Sequence[Message] | None = None, *,
               llm: str | None = None, top_k: int | None = None, since: str | None = None,
               until: str | None = None) -> Iterator[str | Answer]:
        """Yield text deltas as they are produced (a draft), then the final, verified Answer."""
        queue: Queue[str | Answer | BaseException] = Queue()

        def work() -> None:
            try:
                queue.put(self._answer(question, history, llm, top_k, since, until, queue.put))
            except BaseException as exc:  # re-raised in the caller's thread below
                queue.put(exc)

        threading.Thread(target=work, daemon=True, name="newsqa-answer").start()
        while True:
            item = queue.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if isinstance(item, Answer):
                return

    def _answer(self, question: str, history: Sequence[Message] | None, llm: str | None,
                top_k: int | None, since: str | None, until: str | None,
                on_delta: Callable[[str], None] | None) -> Answer:
        started = time.perf_counter()
        question = _validate(question)
        name = self.resolve_backend(llm)
        backend = None if name == "extractive" else self.chat_backend(name)
        self.index.require_articles()
        query = rewrite_query(question, history, backend if name == "openai" else None)
        found = retrieve(self.index, query, top_k or self.settings.top_k, since=since, until=until)
        retrieved_at = time.perf_counter()
        answer = self._compose(question, query, found, name, backend, history, on_delta)
        done = time.perf_counter()
        timings = Timings(round((retrieved_at - started) * 1000, 1),
                          round((done - retrieved_at) * 1000, 1), round((done - started) * 1000, 1))
        return Answer(question=question, text=answer[0], citations=answer[1],
                      abstained=answer[2], retrieved=_retrieved(found), llm=name,
                      timings=timings, query=query, notes=answer[3])

    def _compose(self, question: str, query: str, found: Retrieval, name: str,
                 backend: ChatBackend | None, history: Sequence[Message] | None,
                 on_delta: Callable[[str], None] | None
                 ) -> tuple[str, list, bool, list[str]]:  # type: ignore[type-arg]
        articles = self.index.articles([p.article_id for p in found.passages])
        ranked = rank_evidence(question, query, found.passages, articles, self.index.embedder)
        reason = abstain_reason(question, found.best_dense, ranked, list(articles.values()))
        if reason:
            text = f"{ABSTAIN_TEXT}: {reason}."
            _emit(on_delta, text)
            return text, [], True, [reason]
        notes: list[str] = []
        if backend is not None:
            raw = _generate(backend, question, query, found, history, on_delta)
            draft = ground_answer(raw, found.passages, articles)
            if draft.dropped:
                notes.append(f"{draft.dropped} unverifiable quote(s) or sentence(s) removed")
            if draft.text:
                return draft.text, draft.citations, False, notes
            notes.append("the model's answer could not be verified; showing the evidence instead")
        extract = compose_extractive(question, ranked, articles, self.index.embedder)
        _emit(on_delta, ("\n\n" if backend is not None else "") + extract.text)
        return extract.text, extract.citations, False, notes


def _validate(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise EmptyQuestionError()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionTooLongError(len(question), MAX_QUESTION_CHARS)
    return question


def _emit(on_delta: Callable[[str], None] | None, text: str) -> None:
    if on_delta is not None:
        for word in text.split(" "):
            on_delta(word + " ")


def _generate(backend: ChatBackend, question: str, query: str, found: Retrieval,
              history: Sequence[Message] | None, on_delta: Callable[[str], None] | None) -> str:
    # The model never sees the history itself: the standalone query carries what it needs.
    asked = query if history and query != question else question
    messages = build_messages(asked, found.passages)
    if on_delta is None:
        return backend.chat(messages)
    parts: list[str] = []
    for delta in backend.stream_chat(messages):
        parts.append(delta)
        on_delta(delta)
    return "".join(parts)


def _retrieved(found: Retrieval) -> list[RetrievedPassage]:
    return [RetrievedPassage(
        n=i, article_id=p.article_id, title=p.title, outlet=p.outlet, published=p.published,
        source=p.source, start=p.start, end=p.end, text=p.text, score=round(p.score, 5),
        story_id=p.story_id, doc_id=p.doc_id,
    ) for i, p in enumerate(found.passages, start=1)]
