"""`Assistant`: question in, grounded answer out. `ask()` in __init__ is a thin wrapper."""

from __future__ import annotations

import threading
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from index import Article, NewsIndex, NoIndexError, Passage

from .about_last import reply_to_last
from .article_record import meta_answer
from .backends.base import ChatBackend, SourceContext, check_backend_name
from .compose import (
    ABSTAIN_TEXT,
    Abstention,
    closest_text,
    within_dates,
)
from .conversation import kept_to
from .credits import credit_answer
from .drafting import draft_reply
from .extractive import ExtractiveDraft, Findings, compose_extractive, corroborated
from .followup import asked_question
from .generative import ground_answer, relevant_to
from .judging import Ranking, judge
from .question import Question
from .reader import Reader, get_reader
from .request import Request, make_request
from .respelling import respelt
from .retrieval import Retrieval, retrieve_asked, retrieved_passages
from .settings import Settings
from .streaming import OnDelta, emit, streamed
from .types import Answer, Citation, Message, ShortAnswer, Timings

__all__ = ["ABSTAIN_TEXT", "AUTO_OFFLINE_BACKEND", "Assistant", "Ranking"]

# `auto` without an OpenAI-compatible server: the offline backend that scores best on our evals
# (see README, "Evaluation"): SmolLM2-135M invents too much for its answers to survive checking.
AUTO_OFFLINE_BACKEND = "extractive"

@dataclass
class _Composed:
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    notes: list[str] = field(default_factory=list)
    short: ShortAnswer | None = None
    confidence: float | None = None
    ranking: Ranking = field(default_factory=Ranking)


class Assistant:
    """Holds the index, the embedder and any chat model, loaded once and reused."""

    def __init__(self, settings: Settings | None = None, *, index: NewsIndex | None = None,
                 llm: str | ChatBackend | object | None = None):
        """`llm`: a backend name (as NEWSQA_LLM), a ChatBackend, or a LlamaIndex LLM instance;
        it becomes the default backend of every question (default: settings.llm)."""
        self.settings = settings or Settings()
        self._index = index
        self._backends: dict[str, ChatBackend] = {}
        self._backend_lock = threading.Lock()
        self._default_llm: str | None = None
        if isinstance(llm, str):
            self.settings = self.settings.with_overrides(llm=llm)
        elif llm is not None:
            from .backends import as_chat_backend

            backend = as_chat_backend(llm)
            self._backends[backend.name] = backend
            self._default_llm = backend.name

    @cached_property
    def index(self) -> NewsIndex:
        return self._index or NewsIndex(self.settings.store_config())

    @cached_property
    def reader(self) -> Reader:
        return get_reader()

    def resolve_backend(self, llm: str | None = None) -> str:
        name = llm or self._default_llm or self.settings.llm
        # An instance has no registry entry; a batch line's "llm": ["x"] is no name at all.
        if not isinstance(name, str) or name not in self._backends:
            check_backend_name(name)
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
            until: str | None = None, as_of: str | date | None = None) -> Answer:
        """`as_of`: the moment the question is asked (default today): relative dates ("this
        week") resolve against it, articles published after it are not used, and, given
        explicitly, the days just before it are searched on their own too."""
        request = self._request(question, history, llm, top_k, since, until, as_of)
        return self._answer(request, on_delta=None)

    def ask_ranked(self, question: str, *, history: Sequence[Message] | None = None,
                   as_of: str | date | None = None) -> tuple[Answer, Ranking]:
        """`ask()` (default backend) with the ranking its answer was composed from: the tuning
        fits on the very ranking each answer came from, instead of ranking twice."""
        request = self._request(question, history, None, None, None, None, as_of)
        return self._answer_ranked(request, on_delta=None)

    def stream(self, question: str, history: Sequence[Message] | None = None, *,
               llm: str | None = None, top_k: int | None = None, since: str | None = None,
               until: str | None = None, as_of: str | date | None = None
               ) -> Generator[str | Answer, None, None]:
        """Yield text deltas as they are produced, then the final, verified Answer. Closing
        the generator early abandons the answer (a chat model stops generating).

        The deltas are a provisional draft (a chat model's raw reply, not yet checked); only the
        final Answer's text and citations are verified. Invalid input raises before anything is
        yielded."""
        request = self._request(question, history, llm, top_k, since, until, as_of)
        yield from streamed(lambda emit: self._answer(request, emit))

    def _request(self, question: str, history: Sequence[Message] | None, llm: str | None,
                 top_k: int | None, since: str | None, until: str | None,
                 as_of: str | date | None = None) -> Request:
        return make_request(question, history, lambda: self.resolve_backend(llm),
                            self.settings.top_k if top_k is None else top_k, since, until, as_of)

    def _require_index(self) -> None:
        """An index with articles in it; asked of a store that was never made, nothing is
        made there (opening one creates its files)."""
        if self._index is None and "index" not in self.__dict__:
            config = self.settings.store_config()
            if not config.exists:
                raise NoIndexError(config.where)
        self.index.require_articles()

    def _answer(self, request: Request, on_delta: OnDelta | None) -> Answer:
        return self._answer_ranked(request, on_delta)[0]

    def _answer_ranked(self, request: Request, on_delta: OnDelta | None
                       ) -> tuple[Answer, Ranking]:
        started = time.perf_counter()
        name = request.backend
        backend = None if name == "extractive" else self.chat_backend(name)
        check_model = getattr(backend, "check_model", None)
        if check_model is not None:
            check_model()  # a model name the server does not know fails here, clearly
        self._require_index()
        about_last = reply_to_last(request, self.index)
        if about_last is not None:
            emit(on_delta, about_last.draft.text)
            return about_last.as_answer(request, asked_a_model=backend is not None,
                                        seconds=time.perf_counter() - started), Ranking()
        asked_as = request.question
        asked, found = self._retrieve(request, backend)
        # Asked with an acronym or a misspelling its articles spell otherwise ("EPS", "kettels"):
        # asked again as they spell it (`respelling`).
        if (spelt := respelt(request.question, found.articles.values())) != request.question:
            request = replace(request, question=spelt)
            asked, found = self._retrieve(request, backend)
        retrieved_at = time.perf_counter()
        composed = self._compose(request, asked, found, backend, on_delta)
        done = time.perf_counter()
        timings = Timings(round((retrieved_at - started) * 1000, 1),
                          round((done - retrieved_at) * 1000, 1), round((done - started) * 1000, 1))
        return Answer(question=asked_as, text=composed.text,
                      citations=tuple(composed.citations), abstained=composed.abstained,
                      retrieved=tuple(retrieved_passages(found)), llm=name, timings=timings,
                      query=asked.query, notes=tuple(composed.notes), short=composed.short,
                      as_of=asked.as_of.isoformat(), confidence=composed.confidence
                      ), composed.ranking

    def _retrieve(self, request: Request, backend: ChatBackend | None
                  ) -> tuple[Question, Retrieval]:
        # Only a capable server model rewrites follow-ups; SmolLM2 in-process would garble them.
        asked = asked_question(request, backend if request.backend == "openai" else None)
        # A follow-up naming nothing new is searched in its conversation's story alone: its
        # article and that article's copies (`index.stories`), any of which may answer it.
        if (within := kept_to(self.index, request.question, request.history)) is not None:
            asked = replace(asked, within=tuple(self.index.story(within)))
        return asked, retrieve_asked(self.index, asked, request.top_k)

    def _compose(self, request: Request, asked: Question, found: Retrieval,
                 backend: ChatBackend | None, on_delta: OnDelta | None) -> _Composed:
        articles = found.articles
        path = self.settings.answer_path
        ranking, ranked, reason = judge(asked, found, self.reader, self.index.sentence_embedder,
                                        retrieval_only=path == "retrieval")
        confidence = round(ranking.evidence[0].score, 4) if ranking.evidence else 0.0
        findings = Findings(asked, ranked, articles, self.index.sentence_embedder)
        # Asked about the article itself, its own line ("Updated 24 October 2024") answers
        # whatever the sentences' scores (only a question about no article is turned away) and
        # for every backend (a chat model's sources leave that line out, `build_messages`).
        own = (credit_answer(findings) or (meta_answer(findings, path == "full")
                                           if asked.kind == "meta" else None)) if ranked else None
        turned = _turned_away(self._dated(request) if reason else request, findings, own,
                              reason, confidence, ranking)
        if turned is not None:
            emit(on_delta, turned.text)
            return turned
        notes: list[str] = []
        if backend is not None and own is not None:
            notes.append("answered from the article's own line; the chat model was not asked")
        elif backend is not None:
            drafted = self._generative(request, found.passages, findings, backend, on_delta,
                                       notes)
            if drafted is not None:
                return replace(drafted, confidence=confidence, ranking=ranking)
        extract = own or compose_extractive(findings, short=path == "full")
        # After a model's draft that did not hold up, the evidence follows it on its own lines.
        emit(on_delta, ("\n\n" if backend is not None and own is None else "") + extract.text)
        return _Composed(extract.text, extract.citations, notes=notes, short=extract.short,
                         confidence=confidence, ranking=ranking)

    def _dated(self, request: Request) -> Request:
        """The request, without its as-of day where no article is dated after it: turned away,
        it must not say that later articles were left out."""
        day = request.as_of
        later = day is not None and self.index.published_after(day.isoformat())
        return request if later else replace(request, as_of=None)

    def _generative(self, request: Request, passages: Sequence[Passage], findings: Findings,
                    backend: ChatBackend, on_delta: OnDelta | None, notes: list[str]
                    ) -> _Composed | None:
        """A chat model's answer from the reranked sources, verified; None when nothing of it
        survives the checks (the caller then shows the evidence)."""
        # The model never sees the history itself: the standalone query carries what it needs.
        asked, ranked, articles = findings.question, findings.ranked, findings.articles
        question = (asked.query if request.history and asked.query != request.question
                    else request.question)
        # getattr: a backend written before `context` existed reads whole passages.
        context: SourceContext = (self.settings.llm_context
                                  or getattr(backend, "context", None) or "passages")
        drafted = draft_reply(backend, question, passages, ranked, articles,
                              sources=self.settings.llm_sources or backend.max_sources,
                              context=context, on_delta=on_delta)
        if drafted.left_out:
            notes.append(f"{drafted.left_out} source(s) left out to fit the model's context")
        # Only the sources the model saw may be cited: [n] past them is dropped.
        draft = ground_answer(drafted.raw, drafted.shown, articles, relevant_to(ranked))
        if draft.dropped:
            notes.append(f"{draft.dropped} unverifiable quote(s) or sentence(s) removed")
        if draft.text:
            text, citations = corroborated(findings, draft.text, draft.citations)
            return _Composed(text, citations, notes=notes)
        notes.append("the model's answer could not be verified; showing the evidence instead")
        return None


def _turned_away(request: Request, findings: Findings, own: ExtractiveDraft | None,
                 reason: Abstention | None, confidence: float, ranking: Ranking
                 ) -> _Composed | None:
    """The abstention, if the articles cannot answer: the article asked about does not say it,
    or the question is off topic (unless it names an article: "the panda article" shares few
    words with it)."""
    if own is not None and own.abstained:
        note = ("the article asked about does not say it" if own.citations
                else "several articles fit the one asked about")
        return _Composed(own.text, own.citations, abstained=True, confidence=confidence,
                         notes=[note], ranking=ranking)
    if reason and (own is None or (reason.off_topic and not own.named)):
        reason = within_dates(reason, request.since, request.until, request.as_of)
        text, citations = closest_text(reason, findings.ranked, findings.articles,
                                       findings.question.dated)
        return _Composed(text, citations, abstained=True, notes=[reason.reason],
                         confidence=confidence, ranking=ranking)
    return None
