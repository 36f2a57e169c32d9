"""`build_app(assistant)`: the whole page as a `gr.Blocks`, built without starting a server
(`ui.server` launches it), so tests and other hosts can mount it as they like."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import gradio as gr

from assistant import Assistant
from assistant.backends import BACKENDS
from assistant.request import MAX_TOP_K
from assistant.settings import Settings
from index import SUPPORTED_SUFFIXES

from .articles import TABLE_HEADERS, ArticlesController
from .chat import SAMPLE_QUESTIONS, ChatController, ChatOutputs, dates_note
from .sessions import (
    LOAD_KEY_JS,
    RECLAIM_ID,
    SAVE_KEY_JS,
    SAVE_OPTIONS_JS,
    WAIT_FOR_CHAT_JS,
    ChatSession,
    load_options_js,
)
from .sources import sources_html

__all__ = ["BACKEND_CHOICES", "backend_choices", "build_app"]


def backend_choices(settings: Settings | None = None) -> list[tuple[str, str]]:
    """(label, name) of every registered backend; a family ("llamaindex:<integration>") is
    offered as the member the settings name, if they name one. One these settings cannot use
    says so: openai without a server or key (its error says how to set one)."""
    def label(name: str, summary: str) -> str:
        unset = name == "openai" and settings is not None and not settings.openai_configured
        return f"{name} — {summary}" + (" (not set up here)" if unset else "")

    choices = [(label(b.name, b.summary), b.name) for b in BACKENDS.values() if not b.family]
    family = BACKENDS.get(settings.llm.partition(":")[0]) if settings else None
    if settings and family and family.family:
        choices.append((f"{settings.llm} — {family.summary}", settings.llm))
    return choices


BACKEND_CHOICES = backend_choices()
# Answers run side by side (sessions must not queue behind each other), and beside an ingest
# (they read the index as it was before it); writes to the index take turns at its lock.
ANSWER_CONCURRENCY = 4
# The chat fills the window above the question box, whatever the screen.
CHAT_HEIGHT = "calc(100vh - 400px)"
TABLE_WIDTHS: list[str | int] = ["39%", "15%", "13%", "11%", "22%"]
TABLE_TYPES: list[Literal["str", "number"]] = ["str", "str", "str", "number", "str"]

_HEADER = (
    '<div class="nq-header"><h1>newsqa</h1><p>Ask about the news articles in the index. Every '
    "answer quotes them word for word; click a number to see the quote in its article.</p></div>"
)


@dataclass
class ChatWidgets:
    chatbot: gr.Chatbot
    question: gr.Textbox
    ask: gr.Button
    stop: gr.Button
    new_chat: gr.Button
    examples: list[tuple[gr.Button, str]]
    error: gr.HTML
    sources: gr.HTML
    session: gr.State
    retry: gr.Textbox  # hidden: a failed question, offered back to the box (RESTORE_QUESTION_JS)
    key: gr.Textbox  # hidden: the tab's key to its chat, kept in its sessionStorage (ui.sessions)
    page: gr.Textbox  # hidden: the page's claim to that chat, made up in the page (ui.sessions)
    reclaim: gr.Button  # unseen: pressed by a page shown again from the back-forward cache


@dataclass
class OptionWidgets:
    backend: gr.Dropdown
    top_k: gr.Slider
    since: gr.Textbox
    until: gr.Textbox
    dates_note: gr.HTML  # what is wrong with the dates, said as they are typed


@dataclass
class ArticleWidgets:
    files: gr.File
    add: gr.Button
    status: gr.HTML
    table: gr.Dataframe
    choice: gr.Dropdown
    remove: gr.Button
    refresh: gr.Button
    url: gr.Textbox
    fetch: gr.Button
    confirmed: gr.Checkbox  # hidden: what the page's "Remove …?" dialog was answered
    left_out: gr.Textbox  # hidden: the files the page kept back as too large (ui/app.js)
    note_left_out: gr.Button  # unseen: pressed by the page when it keeps files back


def _ask_row() -> tuple[gr.Textbox, gr.Button, gr.Button, gr.Button]:
    """The question box and its buttons: Ask, Stop, New chat."""
    with gr.Row(elem_id="nq-ask-row", equal_height=True):
        # The label is hidden, but names the box for screen readers.
        question = gr.Textbox(label="Your question", elem_id="nq-question", show_label=False,
                              container=False, scale=8, lines=1, max_lines=4,
                              placeholder="Ask about the articles…")
        ask = gr.Button("Ask", variant="primary", scale=0, min_width=80, elem_id="nq-ask")
        stop = gr.Button("Stop", scale=0, min_width=80, elem_id="nq-stop")
        new_chat = gr.Button("New chat", scale=0, min_width=110, elem_id="nq-new-chat")
    return question, ask, stop, new_chat


def _chat_tab() -> ChatWidgets:
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            chatbot = gr.Chatbot(
                elem_id="nq-chat", show_label=False, height=CHAT_HEIGHT, min_height=320,
                buttons=[],  # Gradio's copy would copy our HTML; answers carry their own
                feedback_options=None, latex_delimiters=[], autoscroll=True,
                placeholder="Ask a question below, or pick an example.",
            )
            error = gr.HTML(elem_id="nq-error-box")
            question, ask, stop, new_chat = _ask_row()
            with gr.Row(elem_id="nq-examples"):
                gr.HTML('<span class="nq-try">Try:</span>', elem_classes="nq-try-box")
                examples = [(gr.Button(q, size="sm", variant="secondary", min_width=0,
                                       elem_classes="nq-example"), q)
                            for q in SAMPLE_QUESTIONS]
        with gr.Column(scale=2, min_width=320):
            gr.HTML('<h2 class="nq-panel-title">Sources</h2>')
            sources = gr.HTML(sources_html([]), elem_id="nq-sources-panel")
    return ChatWidgets(chatbot, question, ask, stop, new_chat, examples, error, sources,
                       # The tab's own chat from its first event (Gradio copies it per page):
                       # a question asked before the page's load event is kept by a reload.
                       gr.State(ChatSession()),
                       gr.Textbox(visible=False, elem_id="nq-retry"),
                       gr.Textbox(visible=False, elem_id="nq-chat-key"),
                       gr.Textbox(visible=False, elem_id="nq-page"),
                       gr.Button(visible="hidden", elem_id=RECLAIM_ID))


def _articles_tab(max_mb: int) -> ArticleWidgets:
    gr.Markdown(
        f"Add articles as {', '.join(SUPPORTED_SUFFIXES)} files (up to {max_mb} MiB each). "
        "They are searchable as soon as they are indexed."
    )
    with gr.Row(equal_height=False):
        with gr.Column(scale=2):
            # No `file_types`: the browser's own refusal of a file left only a red "Error" in the
            # box, and the other files chosen with it were added without a word. The server
            # adds the others and names each file it cannot take (`save_uploads`).
            files = gr.File(label="Article files", file_count="multiple", type="filepath",
                            elem_id="nq-upload")
            add = gr.Button("Add to index", variant="primary", elem_id="nq-add")
            with gr.Row(equal_height=True):
                url = gr.Textbox(label="Or a web page or RSS/Atom feed", scale=4,
                                 placeholder="https://…", elem_id="nq-url")
                fetch = gr.Button("Fetch", scale=1, min_width=80, elem_id="nq-fetch")
            status = gr.HTML(elem_id="nq-upload-status")
        with gr.Column(scale=3):
            table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, wrap=True,
                                 label="Indexed articles (click a row to pick it for removal)",
                                 column_widths=TABLE_WIDTHS, datatype=TABLE_TYPES,
                                 show_search="search", max_height=520, elem_id="nq-articles")
            with gr.Row():
                choice = gr.Dropdown(label="Article to remove", choices=[], scale=4,
                                     elem_id="nq-remove-choice")
                remove = gr.Button("Remove", variant="stop", scale=1, elem_id="nq-remove")
                refresh = gr.Button("Refresh", scale=1)
    return ArticleWidgets(files, add, status, table, choice, remove, refresh, url, fetch,
                          gr.Checkbox(visible=False), gr.Textbox(visible=False),
                          gr.Button(visible="hidden", elem_id="nq-left-out"))


def _options_tab(settings: Settings) -> OptionWidgets:
    backend = gr.Dropdown(backend_choices(settings), value=settings.llm,
                          label="Answering backend", elem_id="nq-backend")
    top_k = gr.Slider(1, MAX_TOP_K, value=settings.top_k, step=1, elem_id="nq-top-k",
                      label="Passages per answer (top-k)",
                      info="How many retrieved passages the answer may draw on.")
    with gr.Row():
        since = gr.Textbox(label="Published from", placeholder="YYYY-MM-DD (optional)")
        until = gr.Textbox(label="Published until", placeholder="YYYY-MM-DD (optional)")
    note = gr.HTML(elem_id="nq-dates-note")
    gr.Markdown(f"Index: `{settings.store}`. These settings apply to this browser tab only.")
    return OptionWidgets(backend, top_k, since, until, note)


def _example(chat: ChatController, question: str) -> Callable[..., Iterator[ChatOutputs]]:
    def ask(*args: Any) -> Iterator[ChatOutputs]:
        yield from chat.respond(question, *args)

    return ask


# A question whose answer failed is offered back to its box through the hidden "retry" box
# ("<n>\n<question>"), whose change runs this in the page: only an empty box takes it, so a
# next question typed while the answer streamed is not overwritten. The server cannot know
# what the box holds by then.
RESTORE_QUESTION_JS = ("(retry, box) => (box && box.trim()) ? box "
                       ": retry.slice(retry.indexOf('\\n') + 1)")


def _wire_chat(chat: ChatController, w: ChatWidgets, o: OptionWidgets, demo: gr.Blocks
               ) -> None:
    options = [o.backend, o.top_k, o.since, o.until]
    outputs = [w.chatbot, w.sources, w.session, w.question, w.error, w.retry]
    # "multiple": a question asked while an answer streams reaches `respond`, which says it
    # is still answering (Gradio drops a repeated event by default, silently).
    # A question waits for the page's chat to be restored, to be asked in it (ui.sessions).
    run: dict[str, Any] = {"concurrency_limit": ANSWER_CONCURRENCY, "trigger_mode": "multiple",
                           "concurrency_id": "answer", "show_progress": "hidden",
                           "js": WAIT_FOR_CHAT_JS}
    w.question.submit(chat.respond, [w.question, w.session, *options], outputs, **run)
    w.ask.click(chat.respond, [w.question, w.session, *options], outputs, **run)
    for button, question in w.examples:
        button.click(_example(chat, question), [w.session, *options], outputs, **run)
    # Starting over also stops an answer still streaming (see ChatSession); Gradio's own
    # `cancels` would leave an "Error" badge on the chat.
    w.new_chat.click(chat.new_chat, [w.session], outputs, queue=False)
    w.stop.click(chat.stop, [w.session], outputs, queue=False)  # the answer only, not the chat
    w.chatbot.clear(chat.new_chat, [w.session], outputs, queue=False)  # the bin icon
    w.retry.change(None, [w.retry, w.question], w.question, js=RESTORE_QUESTION_JS,
                   queue=False)
    # A reload, or a Back to the page, finds the tab's chat again: the page reads its key, the
    # server gives the chat.
    for found in (demo.load, w.reclaim.click):
        found(chat.restore, [w.key, w.session, w.page], [*outputs, w.key], js=LOAD_KEY_JS,
              queue=False).then(None, [w.key], None, js=SAVE_KEY_JS, queue=False)


def _wire_options(o: OptionWidgets, backends: list[str], demo: gr.Blocks) -> None:
    """The tab's settings outlive a reload, as its chat does (kept in the page only)."""
    options: list[Any] = [o.backend, o.top_k, o.since, o.until]
    for widget in options:
        widget.change(None, options, None, js=SAVE_OPTIONS_JS, queue=False)
    demo.load(None, options, options, js=load_options_js(backends, MAX_TOP_K), queue=False)
    for box in (o.since, o.until):
        for event in (box.blur, box.submit):
            event(dates_note, [o.since, o.until], o.dates_note, queue=False)


def _pick_row(evt: gr.SelectData) -> Any:
    row = evt.row_value or []
    return row[-1] if row else gr.skip()


# Removal cannot be undone: the page asks first, naming the article as the list shows it.
CONFIRM_REMOVAL_JS = """(choice, _confirmed) => {
  if (!choice) return [choice, false];
  const shown = document.querySelector('#nq-remove-choice input')?.value || choice;
  return [choice, window.confirm(`Remove “${shown}” from the index? This cannot be undone.`)];
}"""


def _wire_articles(arts: ArticlesController, w: ArticleWidgets, demo: gr.Blocks) -> None:
    listing = [w.status, w.table, w.choice]
    # Two at once: the second reaches the index's write lock and says in the page that it
    # waits for the first, rather than sitting silently in Gradio's queue.
    write: dict[str, Any] = {"concurrency_limit": 2, "concurrency_id": "index"}
    # The files the page kept back as too large (ui/app.js) are named as soon as it does, and
    # again beside what the upload added.
    w.note_left_out.click(arts.left_out_note, [w.left_out], w.status, queue=False,
                          js="(_) => [window.newsqaUploads?.peek() ?? '']")
    w.files.clear(None, js="() => window.newsqaUploads?.forget()", queue=False)
    w.add.click(arts.upload, [w.files, w.left_out], listing, show_progress_on=[w.status],
                js="(files, _) => [files, window.newsqaUploads?.take() ?? '']", **write).then(
        lambda: None, None, w.files, queue=False)
    w.fetch.click(arts.add_url, [w.url], listing, show_progress_on=[w.status], **write)
    w.url.submit(arts.add_url, [w.url], listing, show_progress_on=[w.status], **write)
    w.remove.click(arts.remove, [w.choice, w.confirmed], listing, js=CONFIRM_REMOVAL_JS,
                   **write)
    w.refresh.click(arts.listing, None, listing)
    w.table.select(_pick_row, None, w.choice, queue=False)
    demo.load(arts.listing, None, listing)


def build_app(assistant: Assistant) -> gr.Blocks:
    """The page: a Chat tab (answers + sources), an Articles tab and a Settings tab."""
    chat, arts = ChatController(assistant), ArticlesController(assistant)
    with gr.Blocks(title="newsqa", analytics_enabled=False) as demo:
        gr.HTML(_HEADER)
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                chat_w = _chat_tab()
            with gr.Tab("Articles", id="articles"):
                art_w = _articles_tab(assistant.settings.ui_max_upload_mb)
            with gr.Tab("Settings", id="settings"):
                opt_w = _options_tab(assistant.settings)
        _wire_chat(chat, chat_w, opt_w, demo)
        _wire_options(opt_w, [value for _, value in backend_choices(assistant.settings)], demo)
        _wire_articles(arts, art_w, demo)
    return demo
