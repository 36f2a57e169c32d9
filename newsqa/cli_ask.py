"""`newsqa ask` (one question, or a JSONL batch) and `newsqa chat` (terminal, multi-turn)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from .cli_batch import Dates, run_batch
from .common import LLM_HELP, StoreOption, console, err_console, is_user_error, make_settings

if TYPE_CHECKING:
    from collections.abc import Generator

    from assistant import Answer, Assistant, Message

__all__ = ["register"]

LlmOption = Annotated[str | None, typer.Option(
    "--llm", help=f"{LLM_HELP} (overrides NEWSQA_LLM).")]
# Ranges are checked by the assistant: its errors print cleanly, without a traceback.
TopKOption = Annotated[int | None, typer.Option("--top-k", help="Passages to answer from "
                                                "(1-50).", show_default=False)]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only articles published on "
                                                 "or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only articles published on "
                                                 "or before this date (YYYY-MM-DD).")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="When the question is asked (YYYY-MM-DD; default today): \"this week\" "
    "means the week before it, and later articles are not used.")]


ModelOption = Annotated[str | None, typer.Option(
    "--model", help="Model name for --llm openai or llamaindex:* (overrides NEWSQA_MODEL).")]


def _assistant(store: Path | None, llm: str | None, top_k: int | None,
               model: str | None = None) -> Assistant:
    from assistant import Assistant
    from index import NoIndexError

    settings = make_settings(store, llm=llm, top_k=top_k, model=model)
    if not settings.store_config().exists:  # say so, rather than create an empty store
        raise NoIndexError(settings.store_config().where)
    assistant = Assistant(settings)
    assistant.resolve_backend()  # an unknown --llm fails before any model loads
    return assistant


def _check_date(value: str | None, flag: str) -> str | None:
    from index.dates import read_date

    if value is None:
        return None
    reading = read_date(value)
    if reading.iso is None or reading.note:  # an ambiguous date is refused, not guessed
        raise _usage_error(f"{flag} {value!r} is not a date I can be sure of; use YYYY-MM-DD.")
    return reading.iso


def _usage_error(message: str) -> Exception:
    """A usage mistake, reported like every assistant error: one line, no traceback."""
    from assistant.errors import InvalidRequestError

    return InvalidRequestError(message)


def print_answer(answer: Answer) -> None:
    """The answer, then each citation with its quote, title, outlet and date."""
    from assistant.quotes import enquote

    style = "yellow" if answer.abstained else "bold"
    console.print(answer.text, style=style, highlight=False, soft_wrap=True)
    for c in answer.citations:
        meta = ", ".join(b for b in (c.outlet, c.published) if b)
        console.print(f"  [{c.n}] {enquote(c.quote)}", highlight=False, soft_wrap=True)
        console.print(f"      — {c.title}" + (f" ({meta})" if meta else "") + f"  {c.source}",
                      style="dim", highlight=False, soft_wrap=True)
    for note in answer.notes if not answer.abstained else []:
        console.print(f"  note: {note}", style="dim", highlight=False)


def ask(
    question: Annotated[str | None, typer.Argument(help="Your question.")] = None,
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
    llm: LlmOption = None,
    top_k: TopKOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_of: AsOfOption = None,
    batch: Annotated[Path | None, typer.Option(
        "--batch", help='JSONL file of {"id", "question", "history"?, "as_of"?}, each line '
        'may also set "since", "until", "top_k" and "llm" for itself; one answer per line, '
        'always as JSON (a batch is for programs).',
        exists=True, dir_okay=False)] = None,
    model: ModelOption = None,
) -> None:
    """Ask one question (or a batch) about the indexed articles."""
    if (question is None) == (batch is None):
        raise _usage_error('Give a QUESTION or --batch FILE (not both), e.g. newsqa ask '
                           '"How many troops?" or newsqa ask --batch questions.jsonl --json.')
    try:
        dates = Dates(since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                      as_of=_check_date(as_of, "--as-of"))
        assistant = _assistant(store, llm, top_k, model)
        if batch is not None:
            assistant.index.require_articles()  # fail once, not once per line
            backend = assistant.resolve_backend()
            if backend != "extractive":
                assistant.chat_backend(backend)  # an unconfigured backend, too
            run_batch(assistant, batch, dates)
            return
        answer = assistant.ask(question or "", **dates)
    except Exception as exc:  # refused (a bad date, no index, the question): a program
        if as_json and batch is None and is_user_error(exc):  # reading --json is told so too
            typer.echo(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False))
        raise
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print_answer(answer)


def chat(
    store: StoreOption = None, llm: LlmOption = None, top_k: TopKOption = None,
    since: SinceOption = None, until: UntilOption = None, model: ModelOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Talk to the assistant in the terminal; follow-up questions use the conversation.

    Type /new to start over, /quit (or Ctrl-D) to leave; Ctrl-C stops an answer."""
    dates = Dates(since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                  as_of=_check_date(as_of, "--as-of"))
    assistant = _assistant(store, llm, top_k, model)
    assistant.index.require_articles()  # say "run newsqa ingest first" before the first prompt
    history: list[Message] = []
    console.print("[dim]Ask about the indexed articles. /new starts over, /quit leaves.[/]")
    while True:
        try:
            question = console.input("[bold cyan]you>[/] ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if question in ("/quit", "/exit"):
            break
        if question == "/new":
            history = []
        if _command(question):
            continue
        answer = _chat_answer(assistant, question, history, dates)
        if answer is None:
            continue
        print_answer(answer)
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]


def _chat_answer(assistant: Assistant, question: str, history: list[Message], dates: Dates
                 ) -> Answer | None:
    """The answer, or None when Ctrl-C stopped it or it failed (said why)."""
    from assistant import AssistantError

    try:
        return _final(assistant.stream(question, history=history, **dates))
    except KeyboardInterrupt:  # Ctrl-C stops this answer, not the conversation
        console.print("[dim]Stopped. Ask again, or /quit to leave.[/]")
    except AssistantError as exc:
        # A server's own words are in some messages: "[/v1]" must not read as markup.
        err_console.print(f"[red]{escape(str(exc))}[/]", highlight=False)
    return None


def _command(line: str) -> bool:
    """Whether the line is no question: empty, or a command ("/new", "/help", "/foo"), which
    is answered here."""
    if line == "/new":
        console.print("[dim]A new conversation: earlier questions are forgotten.[/]")
    elif line and _COMMAND.fullmatch(line):  # "/help", "/foo": a command, never a question
        console.print("[dim]Commands: /new starts over, /quit leaves; anything else is a "
                      "question about the articles.[/]")
    return not line or bool(_COMMAND.fullmatch(line))


def _final(stream: Generator[str | Answer, None, None]) -> Answer:
    """The Answer a stream ends with. The answer is made in a thread of its own while this one
    waits on a queue, where Ctrl-C lands cleanly; closing the stream abandons that work."""
    from assistant import Answer

    try:
        for item in stream:
            if isinstance(item, Answer):
                return item
        raise RuntimeError("the answer stream ended without an answer")
    finally:
        stream.close()


# A word after a slash, nothing else: "/help". A question may still start with "/" and go on.
_COMMAND = re.compile(r"/\w*")


def register(app: typer.Typer) -> None:
    app.command("ask")(ask)
    app.command("chat")(chat)
