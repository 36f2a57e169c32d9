"""The chat tab's behaviour: one `ChatSession` per browser tab (in `gr.State` for its events, and
kept under the tab's key so that a reload finds it: `ui.sessions`), answers shown once verified
(their progress as they are written), the sources panel, follow-ups, "Stop", "New chat" and
friendly errors."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import gradio as gr

from assistant import Answer, Assistant
from assistant.errors import EmptyQuestionError
from index.dates import read_date

from .errors import BadDateError, UIError, friendly_message
from .render import answer_html, error_html, progress_html, question_html
from .sessions import ChatSession, Sessions
from .sources import card_for, sources_html

__all__ = ["SAMPLE_QUESTIONS", "AskOptions", "ChatController", "ChatSession", "dates_note"]

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
            raise UIError(f"The date range is reversed: {start} comes after {end}. Swap the "
                          "two dates in the Settings tab, or clear one.")
        return cls(llm or None, math.floor(top_k + 0.5) if top_k else None, start, end)


def dates_note(since: str | None, until: str | None) -> str:
    """What the Settings tab says of its dates as soon as one is typed: nothing when they
    read, else what is wrong and how to fix it (it had waited for the next question)."""
    try:
        AskOptions.parse(None, None, since, until)
    except UIError as exc:
        return error_html(str(exc))
    return ""


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


def _accepted(question: str, session: ChatSession, llm: str | None, top_k: float | None,
              since: str | None, until: str | None) -> AskOptions:
    """The options a question is asked with, or why it cannot be asked now."""
    options = AskOptions.parse(llm, top_k, since, until)
    if not question:
        raise EmptyQuestionError()
    if session.answering:
        raise UIError("Still answering your previous question; ask again once it is done.")
    return options


class ChatController:
    """Event handlers of the chat tab, bound to one shared (thread-safe) Assistant."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.sessions = Sessions()

    def restore(self, key: str | None, current: ChatSession | None = None, page: str | None = ""
                ) -> tuple[Any, ...]:
        """On page load: the tab's chat as it was before a reload or before the page was left
        (for a new tab, the page's own, kept from now on: a question may have been asked before
        this ran), and its key, which the page keeps. `page` is the page's claim (`ui.sessions`):
        its id, and that of the page that left, if the chat is to be found only if that page
        held it. An answer still being written for the page that was left is stopped, and its
        question offered back, as the Stop button does: the page that asked for it can no
        longer show it."""
        doc, _, left = (page or "").partition(" ")
        found, session = self.sessions.resume(key, current, doc, left or None)
        # The page's own chat, just kept under a new key, may be answering for this very page.
        asked = (session.stop() or session.offered) if found == key else session.offered
        retry = f"{next(_RETRIES)}\n{asked}" if asked else gr.skip()
        return (*_current(session)[:5], retry, found)

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
        """Stream one answer: its progress as it is written, then the verified answer in its
        place (never the unchecked draft)."""
        session = session or ChatSession()
        question = (question or "").strip()
        try:
            options = _accepted(question, session, llm, top_k, since, until)
        except Exception as exc:
            yield _refused(session, exc)
            return
        session.stop()  # an answer left unfinished (`interrupted`) is shown as stopped
        session.offered = ""  # another question is asked: the stopped one is not offered again
        epoch, session.answering, session.asking = session.epoch, True, question
        try:
            yield from self._stream(question, session, options, epoch)
        except GeneratorExit:
            session.leave(epoch)  # the page went away mid-answer (a reload, a closed tab)
            raise
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
                             {"role": "assistant", "content": progress_html()}]
        yield list(session.messages), gr.skip(), session, "", "", gr.skip()
        # The deltas are a chat model's raw draft, unchecked: they are counted, never shown
        # (`progress_html`). Only the verified Answer takes the progress message's place.
        drafted, words = "", 0
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
            drafted += item
            if (count := len(drafted.split())) != words:  # a token ending no word: no change
                words = count
                session.messages[-1] = {"role": "assistant", "content": progress_html(words)}
                yield list(session.messages), gr.skip(), session, gr.skip(), gr.skip(), gr.skip()
        raise UIError("The answer stopped before it was complete; please ask again.")

    def _finish(self, session: ChatSession, question: str, answer: Answer) -> None:
        """Record the turn: shown message, sources cards, and plain-text history for follow-ups."""
        texts = self._article_texts(answer)
        cards = [card_for(c, *texts.get(c.article_id, (None, ()))) for c in answer.citations]
        # Earlier answers' retrieved passages are let go: a tab's chat is held for reloads
        # (`Sessions`), and the sources panel shows only what they cite.
        session.turns = [(q, replace(a, retrieved=()), c) for q, a, c in session.turns]
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
