"""HTML for the page: answers with clickable citation numbers, the sources panel (each quote
highlighted inside its paragraph), abstentions, drafts and error banners.

Pure functions of their arguments: everything from an article or a user is escaped here.
Chat messages are emitted as single-line HTML so the chatbot's Markdown pass leaves them alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import PurePath
from urllib.parse import urlsplit

from assistant import Answer, Citation
from assistant.quotes import enquote
from index.pages import page_of

__all__ = [
    "SourceCard",
    "answer_html",
    "card_for",
    "draft_html",
    "error_html",
    "format_date",
    "neighbour_paragraph",
    "paragraph_span",
    "plain_answer",
    "question_html",
    "source_anchor",
    "sources_html",
    "status_html",
    "stopped_html",
]

# Context shown around a quote on each side, in characters; long paragraphs are trimmed.
CONTEXT_CHARS = 360
# A quote with less context than this inside its own paragraph also shows the paragraphs on either
# side, each trimmed to NEIGHBOUR_CHARS.
NEIGHBOUR_BELOW_CHARS = 60
NEIGHBOUR_CHARS = 240
_MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class SourceCard:
    """One cited passage as the panel shows it: the quote inside its paragraph and, when the
    quote fills that paragraph, the paragraphs on either side as context."""

    citation: Citation
    before: str
    after: str
    previous: str = ""
    following: str = ""
    page: int | None = None  # the page of a quote from a PDF


def source_anchor(turn: int, n: int) -> str:
    return f"src-{turn}-{n}"


def format_date(iso: str | None) -> str:
    if not iso:
        return "undated"
    try:
        return date.fromisoformat(iso).strftime("%-d %b %Y")
    except ValueError:
        return iso


def paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of `text` holding `text[start:end]` (articles keep one paragraph per line)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def neighbour_paragraph(text: str, p0: int, p1: int, forward: bool) -> str:
    """The nearest non-blank line after `text[p0:p1]` (forward) or before it, else ""."""
    lines = text[p1:].split("\n") if forward else reversed(text[:p0].split("\n"))
    return next((line.strip() for line in lines if line.strip()), "")


def _trim_start(text: str, limit: int) -> str:
    return text if len(text) <= limit else "…" + text[-limit:].split(" ", 1)[-1]


def _trim_end(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def card_for(citation: Citation, article_text: str | None,
             page_starts: Sequence[int] = ()) -> SourceCard:
    """The quote's surrounding paragraph, trimmed at word boundaries when it is long; when the
    quote is (nearly) the whole paragraph, the neighbouring paragraphs give it context.
    `page_starts`: the article's (a PDF's), to name the quote's page."""
    if not article_text or article_text[citation.start:citation.end] != citation.quote:
        return SourceCard(citation, "", "")  # text unavailable: the quote alone is still true
    page = page_of(page_starts, citation.start)
    p0, p1 = paragraph_span(article_text, citation.start, citation.end)
    before = _trim_start(article_text[p0:citation.start], CONTEXT_CHARS)
    after = _trim_end(article_text[citation.end:p1], CONTEXT_CHARS)
    if len(before.strip()) + len(after.strip()) >= NEIGHBOUR_BELOW_CHARS:
        return SourceCard(citation, before, after, page=page)
    previous = neighbour_paragraph(article_text, p0, p1, forward=False)
    following = neighbour_paragraph(article_text, p0, p1, forward=True)
    return SourceCard(citation, before, after,
                      "" if previous == citation.title else _trim_start(previous, NEIGHBOUR_CHARS),
                      _trim_end(following, NEIGHBOUR_CHARS), page)


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


def _meta_line(citation: Citation) -> str:
    bits = [citation.outlet or "", format_date(citation.published)]
    return " · ".join(escape(b) for b in bits if b)


def _source_list(answer: Answer, turn: int) -> str:
    items = "".join(
        f'<li>{_cite_link(turn, c.n)} <span class="nq-src-title">{escape(c.title)}</span> '
        f'<span class="nq-src-meta">{_meta_line(c)}</span></li>'
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


def draft_html(text: str) -> str:
    """The streamed draft, shown as provisional until the verified answer replaces it."""
    shown = escape(" ".join(text.split())) or "Searching the articles…"
    return (f'<div class="nq-answer nq-draft"><div class="nq-badge">Drafting…</div>'
            f"<p>{shown}</p></div>")


def stopped_html() -> str:
    """In place of an answer stopped before it was verified: nothing of its draft is shown,
    for none of it was checked against the articles."""
    return ('<div class="nq-answer nq-stopped"><div class="nq-badge">Stopped</div>'
            "<p>Stopped before the answer was complete. Ask again to get it.</p></div>")


def _card_html(turn: int, card: SourceCard) -> str:
    c = card.citation
    where = escape(_where(c.source))
    if card.page is not None:
        where += f", p. {card.page}"
    if c.source.startswith(("https://", "http://")):  # never a javascript: URL from a record
        where = (f'<a href="{escape(c.source)}" target="_blank" rel="noopener noreferrer">'
                 f"{where}</a>")
    return (
        f'<article class="nq-card" id="{source_anchor(turn, c.n)}">'
        f'<header><span class="nq-num">{c.n}</span><span class="nq-card-title">'
        f"{escape(c.title)}</span></header>"
        f'<div class="nq-card-meta">{_meta_line(c)}<span class="nq-file">{where}</span></div>'
        f"<blockquote>{_context(card.previous)}<p>{escape(card.before)}<mark>{escape(c.quote)}"
        f"</mark>{escape(card.after)}</p>{_context(card.following)}</blockquote></article>"
    )


def _where(source: str) -> str:
    """The file a quote came from, by name (a page, by its site), with the article's place in
    it when the file holds several ("000.txt #2", a page's second article; a record's id in a
    .jsonl): two articles of one file must not look like one."""
    if "://" in source:  # a web address: its site, which says more than its last part
        site = urlsplit(source).hostname or source
        return site.removeprefix("www.")
    path, mark, part = source.rpartition("#")
    if not mark or "/" in part:  # no article's place, or a "#" inside the path itself
        path, part = source, ""
    name = PurePath(path).name or source
    if not part or "://" in path:
        return name
    # Record ids often share a long beginning ("reuters-2024-01-15-…-001"): keep their end.
    return f"{name} #{part if len(part) <= 24 else '…' + part[-23:]}"


def _context(paragraph: str) -> str:
    return f'<p class="nq-context">{escape(paragraph)}</p>' if paragraph else ""


def _turn_html(turn: int, question: str, answer: Answer, cards: Sequence[SourceCard],
               latest: bool) -> str:
    if not cards:
        body = ('<p class="nq-empty">No passage in the articles answers this question, so '
                "nothing is quoted.</p>")
    else:
        closest = ('<p class="nq-empty">No passage answers this question; the closest one '
                   "is shown.</p>" if answer.abstained else "")
        body = closest + "".join(_card_html(turn, card) for card in cards)
    return (
        f'<details class="nq-turn" {"open" if latest else ""}><summary>Q{turn}: '
        f"{escape(question)}</summary>{body}</details>"
    )


def sources_html(turns: Sequence[tuple[str, Answer, Sequence[SourceCard]]]) -> str:
    """The sources panel: the latest answer's sources open on top, earlier ones folded."""
    if not turns:
        return ('<div class="nq-sources nq-sources-empty"><p>Sources appear here: every quote in '
                "an answer, highlighted inside its paragraph, with the article's title, outlet "
                "and date.</p></div>")
    blocks = [
        _turn_html(i, question, answer, cards, latest=i == len(turns))
        for i, (question, answer, cards) in reversed(list(enumerate(turns, start=1)))
    ]
    return f'<div class="nq-sources">{"".join(blocks)}</div>'


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
        noted = "".join(f"<li>{escape(w)}</li>" for w in warnings)
        more += f'<p class="nq-warnings-head">Warnings:</p><ul class="nq-warnings">{noted}</ul>'
    return f'<div class="nq-status nq-{kind}"{role}><p>{_coded(lines[0])}</p>{more}</div>'
