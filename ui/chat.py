"""The chat tab's behaviour: one `ChatSession` per browser session (held in `gr.State`, never in a
global), streamed answers, the sources panel, follow-ups, "Stop", "New chat" and friendly errors."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from assistant import Answer, Assistant
from assistant.errors import EmptyQuestionError
from assistant.types import Message
from index.dates import read_date

from .errors import BadDateError, UIError, friendly_message
from .render import (
    SourceCard,
    answer_html,
    card_for,
    draft_html,
    error_html,
    question_html,
    sources_html,
    stopped_html,
)

__all__ = ["SAMPLE_QUESTIONS", "AskOptions", "ChatController", "ChatSession"]

# One click away under the chat box; chosen for the bundled sample articles. The last one is not
# covered by them, to show what an honest abstention looks like.
SAMPLE_QUESTIONS = (
    "How many North Korean troops are in Kursk?",
    "When did North Korea ratify the defence pact with Russia?",
    "What does the treaty require if either country is attacked?",
    "What is Taiwan doing to prepare for a Chinese attack?",
    "Who won the 2022 football World Cup?",
)

# (chatbot messages, sources panel, session, question box, error banner, retry)
ChatOutputs = tuple[Any, Any, Any, Any, Any, Any]
_RETRIES = itertools.count()


@dataclass
class ChatSession:
    """Everything one browser session has said and been shown.

    "New chat" clears it in place and bumps `epoch`; an answer still streaming for the old chat
    sees the change and stops quietly instead of bringing the old chat back.
    """

    history: list[Message] = field(default_factory=list)
    messages: list[dict[str, str]] = field(default_factory=list)
    turns: list[tuple[str, Answer, list[SourceCard]]] = field(default_factory=list)
    answering: bool = False  # a second question (Enter, then a click) waits for the first
    epoch: int = 0
    asking: str = ""  # the question being answered, offered back if its answer is stopped

    def reset(self) -> None:
        self.epoch += 1
        self.history, self.messages, self.turns = [], [], []
        self.answering = False

    def stop(self) -> str | None:
        """Stop the answer streaming, if one is, and give its question: the chat stays, the
        question with it, said to have been stopped (and left out of the history that
        follow-ups read)."""
        if not self.answering:
            return None
        self.epoch += 1
        self.answering = False
        self.messages[-1] = {"role": "assistant", "content": stopped_html()}
        return self.asking


@dataclass(frozen=True)
class AskOptions:
    llm: str | None = None
    top_k: int | None = None
    since: str | None = None
    until: str | None = None

    @classmethod
    def parse(cls, llm: str | None, top_k: float | None, since: str | None,
              until: str | None) -> AskOptions:
        """Settings-tab values, checked: dates must read as dates, in order. A top-k typed as
        2.5 is taken as the slider shows it, 3 (half up), not cut to 2."""
        start, end = _date(since, "from"), _date(until, "to")
        if start and end and start > end:
            raise UIError(f"The date range is reversed: {start} comes after {end}.")
        return cls(llm or None, math.floor(top_k + 0.5) if top_k else None, start, end)


def _date(value: str | None, label: str) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    # Refused, not guessed, as `ask()` and the CLI do: a filter read the wrong way round
    # silently drops the very articles asked for.
    reading = read_date(text)
    if reading.iso is None or reading.note:
        raise BadDateError(label, text, ambiguous=reading.iso is not None)
    return reading.iso


def _refused(session: ChatSession, exc: Exception) -> ChatOutputs:
    """The chat as it was and what went wrong in words; the question was never taken from its
    box, so it is still there to correct."""
    return (list(session.messages), gr.skip(), session, gr.skip(),
            error_html(friendly_message(exc)), gr.skip())


def _failed(session: ChatSession, question: str, exc: Exception) -> ChatOutputs:
    """The chat as it was, what went wrong in words, and the question offered back to its box
    (emptied when it was posted) for a retry, unless something was typed there since."""
    retry = f"{next(_RETRIES)}\n{question}"  # a new value each time, so that it always changes
    return (list(session.messages), gr.skip(), session, gr.skip(),
            error_html(friendly_message(exc)), retry)


def _current(session: ChatSession) -> ChatOutputs:
    """The chat as it is now. An answer abandoned by "New chat" ends with this: Gradio shows a
    streamed event's last values once more when it ends, which would bring the old chat back."""
    return (list(session.messages), sources_html(session.turns), session, gr.skip(), gr.skip(),
            gr.skip())


class ChatController:
    """Event handlers of the chat tab, bound to one shared (thread-safe) Assistant."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def new_chat(self, session: ChatSession | None = None) -> ChatOutputs:
        session = session or ChatSession()
        session.reset()
        return [], sources_html([]), session, "", "", gr.skip()

    def stop(self, session: ChatSession | None = None) -> ChatOutputs:
        """Stop the answer; its question is offered back to the box (if nothing was typed
        there since), to ask again as it was or changed."""
        session = session or ChatSession()
        asked = session.stop()
        retry = f"{next(_RETRIES)}\n{asked}" if asked else gr.skip()
        return (*_current(session)[:5], retry)

    def respond(self, question: str | None, session: ChatSession | None, llm: str | None,
                top_k: float | None, since: str | None, until: str | None
                ) -> Iterator[ChatOutputs]:
        """Stream one answer: the draft as it comes, then the verified answer in its place."""
        session = session or ChatSession()
        question = (question or "").strip()
        try:
            options = AskOptions.parse(llm, top_k, since, until)
            if not question:
                raise EmptyQuestionError()
        except Exception as exc:
            yield _refused(session, exc)
            return
        if session.answering:
            yield _refused(session, UIError(
                "Still answering your previous question; ask again once it is done."))
            return
        epoch, session.answering, session.asking = session.epoch, True, question
        try:
            yield from self._stream(question, session, options, epoch)
        except Exception as exc:
            if session.epoch != epoch:
                yield _current(session)
                return
            del session.messages[-2:]  # the question goes back into the box, to retry
            yield _failed(session, question, exc)
        finally:
            if session.epoch == epoch:
                session.answering = False

    def _stream(self, question: str, session: ChatSession, options: AskOptions, epoch: int
                ) -> Iterator[ChatOutputs]:
        session.messages += [{"role": "user", "content": question_html(question)},
                             {"role": "assistant", "content": draft_html("")}]
        yield list(session.messages), gr.skip(), session, "", "", gr.skip()
        draft = ""
        stream = self.assistant.stream(
            question, history=list(session.history), llm=options.llm, top_k=options.top_k,
            since=options.since, until=options.until)
        for item in stream:
            if session.epoch != epoch:  # "New chat" was pressed: this answer's chat is gone
                yield _current(session)
                return
            if isinstance(item, Answer):
                self._finish(session, question, item)
                # The box was emptied when the question was posted; what is in it now was
                # typed since (a next question), and stays.
                yield (list(session.messages), sources_html(session.turns), session, gr.skip(),
                       "", gr.skip())
                return
            draft += item
            session.messages[-1] = {"role": "assistant", "content": draft_html(draft)}
            yield list(session.messages), gr.skip(), session, gr.skip(), gr.skip(), gr.skip()
        raise UIError("The answer stopped before it was complete; please ask again.")

    def _finish(self, session: ChatSession, question: str, answer: Answer) -> None:
        """Record the turn: shown message, sources cards, and plain-text history for follow-ups."""
        texts = self._article_texts(answer)
        cards = [card_for(c, *texts.get(c.article_id, (None, ()))) for c in answer.citations]
        session.turns.append((question, answer, cards))
        session.messages[-1] = {"role": "assistant",
                                "content": answer_html(answer, len(session.turns))}
        session.history += [{"role": "user", "content": question},
                            {"role": "assistant", "content": answer.text}]

    def _article_texts(self, answer: Answer) -> dict[str, tuple[str, tuple[int, ...]]]:
        """Each cited article's text, and its page starts (a PDF's; else empty)."""
        ids = list(dict.fromkeys(c.article_id for c in answer.citations))
        if not ids:
            return {}
        try:
            return {i: (a.text, a.page_starts)
                    for i, a in self.assistant.index.articles(ids).items()}
        except Exception:  # the quote is verified already; context is a nicety, not a need
            return {}
