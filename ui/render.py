"""HTML for the page: answers with clickable citation numbers, abstentions, an answer's progress,
error banners and upload outcomes (the sources panel is `ui.sources`).

Pure functions of their arguments: everything from an article or a user is escaped here.
Chat messages are emitted as single-line HTML so the chatbot's Markdown pass leaves them alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from assistant import Answer
from assistant.quotes import enquote

from .sources import meta_line, source_anchor

__all__ = [
    "answer_html",
    "error_html",
    "plain_answer",
    "progress_html",
    "question_html",
    "status_html",
    "stopped_html",
]

_MARKER = re.compile(r"\[(\d{1,3})\]")


def _cite_link(turn: int, n: int) -> str:
    """A pill showing n; its brackets are there, unseen, so that the page's text (a screen
    reader, a selection copied) reads "[1][2]", not "12"."""
    anchor = source_anchor(turn, n)
    return (f'<a class="nq-cite" href="#{anchor}" title="Show source {n}">'
            f'<span class="nq-unseen">[</span>{n}<span class="nq-unseen">]</span></a>')


def _paragraphs(text: str, turn: int, cited: set[int]) -> str:
    """Escaped answer text, paragraphs kept, every `[n]` of a cited source turned into a link
    to its card (any other bracketed number stays text)."""

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return _cite_link(turn, n) if n in cited else match.group(0)

    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    html = []
    for part in parts:
        linked = _MARKER.sub(link, escape(part))
        html.append(f"<p>{linked.replace(chr(10), '<br>')}</p>")
    return "".join(html)


def _source_list(answer: Answer, turn: int) -> str:
    items = "".join(
        f'<li>{_cite_link(turn, c.n)} <span class="nq-src-title">{escape(c.title)}</span> '
        f'<span class="nq-src-meta">{meta_line(c)}</span></li>'
        for c in answer.citations
    )
    return f'<ol class="nq-src-list">{items}</ol>' if items else ""


def plain_answer(answer: Answer) -> str:
    """The answer as plain text with its numbered sources: what "Copy" puts on the clipboard."""
    lines = [answer.text.strip()]
    if answer.citations:
        lines.append("\nSources:")
    for c in answer.citations:
        where = ", ".join(b for b in (c.outlet, c.published) if b)
        lines.append(f"[{c.n}] {c.title}{f' ({where})' if where else ''}: {enquote(c.quote)}")
    return "\n".join(lines)


def _copy_link(answer: Answer) -> str:
    """A "Copy" link and, hidden beside it, the text it copies (the chatbot's sanitiser drops
    data attributes). Newlines as character references: a blank line would end the HTML block."""
    text = escape(plain_answer(answer)).replace("\n", "&#10;")
    return (f'<a class="nq-copy" href="#copy" role="button" title="Copy the answer and its '
            f'sources as plain text">Copy</a><span class="nq-plain">{text}</span>')


def _footer(answer: Answer) -> str:
    seconds = answer.timings.total_ms / 1000
    notes = "".join(f" · {escape(n)}" for n in answer.notes if not answer.abstained)
    return (f'<div class="nq-footer">{escape(answer.llm)} · {seconds:.1f} s{notes} · '
            f"{_copy_link(answer)}</div>")


def question_html(question: str) -> str:
    """The user's message, shown exactly as typed (no Markdown, no HTML)."""
    return f'<p class="nq-question">{escape(question)}</p>'


def answer_html(answer: Answer, turn: int) -> str:
    """A chat message for a final answer; an abstention gets its own look and label. A short
    answer the text leads with is shown in bold."""
    body = _paragraphs(answer.text, turn, {c.n for c in answer.citations})
    short = escape(answer.short.text) if answer.short else ""
    if short and body.startswith(f"<p>{short}"):
        body = f'<p><strong class="nq-short">{short}</strong>' + body[len(short) + 3:]
    if answer.abstained:
        return (
            '<div class="nq-answer nq-abstain"><div class="nq-badge">No answer in the articles'
            f"</div>{body}{_footer(answer)}</div>"
        )
    return (f'<div class="nq-answer">{body}{_source_list(answer, turn)}'
            f"{_footer(answer)}</div>")


def progress_html(words: int = 0) -> str:
    """In place of an answer being written: how far it has got, never what it says so far. A
    chat model's draft is unchecked (a small model invents figures and names), and whatever
    the chat shows is read as the answer; only the verified answer replaces this."""
    if not words:
        said = "Searching the articles…"
    else:
        said = (f"Writing the answer — {words} word{'s' if words != 1 else ''} so far. It is "
                "shown once every quote in it is checked against the articles.")
    return ('<div class="nq-answer nq-pending"><div class="nq-badge">Answering…'
            f"</div><p>{said}</p></div>")


def stopped_html() -> str:
    """In place of an answer stopped before it was verified: nothing of its draft is shown,
    for none of it was checked against the articles."""
    return ('<div class="nq-answer nq-stopped"><div class="nq-badge">Stopped</div>'
            "<p>Stopped before the answer was complete. Ask again to get it.</p></div>")


def error_html(message: str) -> str:
    if not message:
        return ""
    return f'<div class="nq-error" role="alert"><strong>Sorry —</strong> {_coded(message)}</div>'


def _coded(text: str) -> str:
    """Escaped, with `a command` between backticks (as error messages write them for the
    terminal) shown as code: the marks themselves read as stray characters on a page."""
    return re.sub(r"`([^`\n]+)`", r"<code>\1</code>", escape(text))


def status_html(lines: Sequence[str], kind: str = "ok", warnings: Sequence[str] = ()) -> str:
    """The outcome of an upload or removal: kind is ok, warn or error; lines are plain text, the
    first a heading. `warnings` (files skipped, say) get a list of their own under it, apart
    from what was done."""
    if not lines:
        return ""
    role = ' role="alert"' if kind == "error" else ' role="status"'
    items = "".join(f"<li>{_coded(line)}</li>" for line in lines[1:])
    more = f"<ul>{items}</ul>" if items else ""
    if warnings:
        noted = "".join(f"<li>{_coded(w)}</li>" for w in warnings)
        more += f'<p class="nq-warnings-head">Warnings:</p><ul class="nq-warnings">{noted}</ul>'
    return f'<div class="nq-status nq-{kind}"{role}><p>{_coded(lines[0])}</p>{more}</div>'
