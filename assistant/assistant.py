"""`Assistant`: question in, grounded answer out. `ask()` in __init__ is a thin wrapper."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from queue import Queue

from index import Article, NewsIndex, Passage, parse_date

from .backends.base import ChatBackend
from .citing import CitationList
from .errors import (
    EmptyQuestionError,
    InvalidRequestError,
    QuestionTooLongError,
    UnknownBackendError,
)
from .evidence import Evidence, abstain_reason, rank_evidence
from .extractive import compose_extractive, corroborate
from .followup import rewrite_query
from .generative import (
    build_messages,
    focus_sources,
    ground_answer,
    relevant_to,
    renumber,
)
from .retrieval import Retrieval, retrieve
from .settings import MAX_QUESTION_CHARS, Settings
from .types import Answer, Citation, Message, RetrievedPassage, Timings

__all__ = ["ABSTAIN_TEXT", "AUTO_OFFLINE_BACKEND", "BACKEND_NAMES", "Assistant"]

# `auto` without an OpenAI-compatible server: the offline backend that scores best on our evals
# (see README, "Evaluation"): SmolLM2-135M invents too much for its answers to survive checking.
AUTO_OFFLINE_BACKEND = "extractive"
BACKEND_NAMES = ("auto", "openai", "local", "extractive")
ABSTAIN_TEXT = "The articles don't say"
MAX_TOP_K = 50
# One to three sentences plus their quotes; small local models ramble on when allowed to.
ANSWER_MAX_TOKENS = 320

OnDelta = Callable[[str], None]


class _Abandoned(BaseException):
    """The stream's reader stopped reading (a BaseException, so no `except Exception` on the way
    swallows it)."""


@dataclass(frozen=True)
class _Request:
    """A validated question with its options."""

    question: str
    history: list[Message]
    backend: str
    top_k: int
    since: str | None
    until: str | None


@dataclass
class _Composed:
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    notes: list[str] = field(default_factory=list)


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
        request = self._request(question, history, llm, top_k, since, until)
        return self._answer(request, on_delta=None)

    def stream(self, question: str, history: Sequence[Message] | None = None, *,
               llm: str | None = None, top_k: int | None = None, since: str | None = None,
               until: str | None = None) -> Iterator[str | Answer]:
        """Yield text deltas as they are produced, then the final, verified Answer.

        The deltas are a provisional draft (a chat model's raw reply, not yet checked); only the
        final Answer's text and citations are verified. Invalid input raises before anything is
        yielded."""
        request = self._request(question, history, llm, top_k, since, until)
        queue: Queue[str | Answer | BaseException] = Queue()
        abandoned = threading.Event()

        def emit(delta: str) -> None:
            if abandoned.is_set():  # the reader left: stop generating, free the model
                raise _Abandoned
            queue.put(delta)

        def work() -> None:
            try:
                queue.put(self._answer(request, emit))
            except _Abandoned:
                pass
            except BaseException as exc:  # re-raised in the caller's thread below
                queue.put(exc)

        threading.Thread(target=work, daemon=True, name="newsqa-answer").start()
        try:
            while True:
                item = queue.get()
                if isinstance(item, BaseException):
                    raise item
                yield item
                if isinstance(item, Answer):
                    return
        finally:
            abandoned.set()

    def _request(self, question: str, history: Sequence[Message] | None, llm: str | None,
                 top_k: int | None, since: str | None, until: str | None) -> _Request:
        since, until = _check_date(since, "since"), _check_date(until, "until")
        if since and until and since > until:
            raise InvalidRequestError(
                f"The date range is empty: since {since} is after until {until}. Swap them.")
        k = self.settings.top_k if top_k is None else top_k
        if not isinstance(k, int) or not 1 <= k <= MAX_TOP_K:
            raise InvalidRequestError(f"top_k must be a whole number from 1 to {MAX_TOP_K}; "
                                      f"got {k!r}.")
        return _Request(_validate(question), _check_history(history), self.resolve_backend(llm),
                        k, since, until)

    def _answer(self, request: _Request, on_delta: OnDelta | None) -> Answer:
        started = time.perf_counter()
        name = request.backend
        backend = None if name == "extractive" else self.chat_backend(name)
        check_model = getattr(backend, "check_model", None)
        if check_model is not None:
            check_model()  # a model name the server does not know fails here, clearly
        self.index.require_articles()
        # Only a capable server model rewrites follow-ups; SmolLM2 in-process would garble them.
        query = rewrite_query(request.question, request.history,
                              backend if name == "openai" else None)
        found = retrieve(self.index, query, request.top_k, since=request.since,
                         until=request.until)
        retrieved_at = time.perf_counter()
        composed = self._compose(request, query, found, backend, on_delta)
        done = time.perf_counter()
        timings = Timings(round((retrieved_at - started) * 1000, 1),
                          round((done - retrieved_at) * 1000, 1), round((done - started) * 1000, 1))
        return Answer(question=request.question, text=composed.text,
                      citations=composed.citations, abstained=composed.abstained,
                      retrieved=_retrieved(found), llm=name, timings=timings, query=query,
                      notes=composed.notes)

    def _compose(self, request: _Request, query: str, found: Retrieval,
                 backend: ChatBackend | None, on_delta: OnDelta | None) -> _Composed:
        question = request.question
        articles = self.index.articles([p.article_id for p in found.passages])
        ranked = rank_evidence(question, query, found.passages, articles, self.index.embedder)
        reason = abstain_reason(question, found.best_dense, ranked, list(articles.values()))
        if reason:
            text = f"{ABSTAIN_TEXT}: {reason}."
            _emit(on_delta, text)
            return _Composed(text, abstained=True, notes=[reason])
        notes: list[str] = []
        if backend is not None:
            # Only the sources the model saw may be cited: [n] past them is dropped.
            shown = found.passages[:self.settings.llm_sources or backend.max_sources]
            # getattr: a backend written before `context` existed reads whole passages.
            context = self.settings.llm_context or getattr(backend, "context", "passages")
            if context == "evidence":
                shown = focus_sources(shown, ranked, articles) or shown
            raw = _generate(backend, request, query, shown, on_delta)
            draft = ground_answer(raw, shown, articles, relevant_to(ranked))
            if draft.dropped:
                notes.append(f"{draft.dropped} unverifiable quote(s) or sentence(s) removed")
            if draft.text:
                text, citations = self._corroborated(question, draft.text, draft.citations,
                                                     ranked, articles)
                return _Composed(text, citations, notes=notes)
            notes.append("the model's answer could not be verified; showing the evidence instead")
        extract = compose_extractive(question, ranked, articles, self.index.embedder)
        _emit(on_delta, ("\n\n" if backend is not None else "") + extract.text)
        return _Composed(extract.text, extract.citations, notes=notes)

    def _corroborated(self, question: str, text: str, citations: list[Citation],
                      ranked: Sequence[Evidence], articles: dict[str, Article]
                      ) -> tuple[str, list[Citation]]:
        """A model's verified answer plus what other sources say: a differing figure, and how
        many articles agree with the sentence it cites first."""
        first = citations[0]
        anchor = next((ev for ev in ranked if ev.article_id == first.article_id
                       and ev.start <= first.start and first.end <= ev.end), None)
        if anchor is None:
            return text, citations
        cites = CitationList()
        cites.items = list(citations)
        extra = corroborate(question, anchor, ranked, articles, self.index.embedder, cites, text)
        return renumber(" ".join([text, *extra]), cites.items) if extra else (text, citations)


def _validate(question: object) -> str:
    if not isinstance(question, str):
        raise InvalidRequestError(f"The question must be text, not {type(question).__name__}.")
    question = question.strip()
    if not question:
        raise EmptyQuestionError()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionTooLongError(len(question), MAX_QUESTION_CHARS)
    return question


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise InvalidRequestError(f"{name}={value!r} is not a date; use YYYY-MM-DD.")
    return parsed


def _check_history(history: Sequence[Message] | None) -> list[Message]:
    """The conversation so far: a list of {"role": "user"|"assistant", "content": str}."""
    if history is None:
        return []
    if isinstance(history, str | bytes | Mapping) or not isinstance(history, Sequence):
        raise InvalidRequestError(
            'history must be a list of {"role": "user"|"assistant", "content": "..."} turns.')
    for i, turn in enumerate(history):
        if (not isinstance(turn, Mapping) or turn.get("role") not in ("user", "assistant")
                or not isinstance(turn.get("content"), str)):
            raise InvalidRequestError(
                f'history[{i}] must be {{"role": "user"|"assistant", "content": "..."}}; '
                f"got {turn!r:.80}.")
    return [{"role": t["role"], "content": t["content"]} for t in history]


def _emit(on_delta: OnDelta | None, text: str) -> None:
    if on_delta is not None:
        for word in text.split(" "):
            on_delta(word + " ")


def _generate(backend: ChatBackend, request: _Request, query: str, shown: Sequence[Passage],
              on_delta: OnDelta | None) -> str:
    # The model never sees the history itself: the standalone query carries what it needs.
    asked = query if request.history and query != request.question else request.question
    messages = build_messages(asked, shown)
    if on_delta is None:
        return backend.chat(messages, max_tokens=ANSWER_MAX_TOKENS)
    parts: list[str] = []
    for delta in backend.stream_chat(messages, max_tokens=ANSWER_MAX_TOKENS):
        parts.append(delta)
        on_delta(delta)
    return "".join(parts)


def _retrieved(found: Retrieval) -> list[RetrievedPassage]:
    return [RetrievedPassage(
        n=i, article_id=p.article_id, title=p.title, outlet=p.outlet, published=p.published,
        source=p.source, start=p.start, end=p.end, text=p.text, score=round(p.score, 5),
        story_id=p.story_id, doc_id=p.doc_id,
    ) for i, p in enumerate(found.passages, start=1)]
