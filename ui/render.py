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

from assistant import Answer, Citation

__all__ = [
    "SourceCard",
    "answer_html",
    "draft_html",
    "error_html",
    "format_date",
    "paragraph_span",
    "source_anchor",
    "sources_html",
    "status_html",
]

# Context shown around a quote on each side, in characters; long paragraphs are trimmed.
CONTEXT_CHARS = 360
_MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class SourceCard:
    """One cited passage as the panel shows it: the quote inside its paragraph."""

    citation: Citation
    before: str
    after: str


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


def card_for(citation: Citation, article_text: str | None) -> SourceCard:
    """The quote's surrounding paragraph, trimmed at word boundaries when it is long."""
    if not article_text or article_text[citation.start:citation.end] != citation.quote:
        return SourceCard(citation, "", "")  # text unavailable: the quote alone is still true
    p0, p1 = paragraph_span(article_text, citation.start, citation.end)
    before, after = article_text[p0:citation.start], article_text[citation.end:p1]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return SourceCard(citation, before, after)


def _cite_link(turn: int, n: int) -> str:
    anchor = source_anchor(turn, n)
    return f'<a class="nq-cite" href="#{anchor}" title="Show source {n}">{n}</a>'


def _paragraphs(text: str, turn: int) -> str:
    """Escaped answer text, paragraphs kept, every `[n]` turned into a link to source n."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    html = []
    for part in parts:
        linked = _MARKER.sub(lambda m: _cite_link(turn, int(m.group(1))), escape(part))
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


def _footer(answer: Answer) -> str:
    seconds = answer.timings.total_ms / 1000
    notes = "".join(f" · {escape(n)}" for n in answer.notes if not answer.abstained)
    return f'<div class="nq-footer">{escape(answer.llm)} · {seconds:.1f} s{notes}</div>'


def answer_html(answer: Answer, turn: int) -> str:
    """A chat message for a final answer; an abstention gets its own look and label."""
    body = _paragraphs(answer.text, turn)
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


def _card_html(turn: int, card: SourceCard) -> str:
    c = card.citation
    where = escape(PurePath(c.source.split("#", 1)[0]).name or c.source)
    return (
        f'<article class="nq-card" id="{source_anchor(turn, c.n)}">'
        f'<header><span class="nq-num">{c.n}</span><span class="nq-card-title">'
        f"{escape(c.title)}</span></header>"
        f'<div class="nq-card-meta">{_meta_line(c)}<span class="nq-file">{where}</span></div>'
        f'<blockquote>{escape(card.before)}<mark>{escape(c.quote)}</mark>'
        f"{escape(card.after)}</blockquote></article>"
    )


def _turn_html(turn: int, question: str, answer: Answer, cards: Sequence[SourceCard],
               latest: bool) -> str:
    if answer.abstained or not cards:
        body = ('<p class="nq-empty">No passage in the articles answers this question, so '
                "nothing is quoted.</p>")
    else:
        body = "".join(_card_html(turn, card) for card in cards)
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
    return f'<div class="nq-error" role="alert"><strong>Sorry —</strong> {escape(message)}</div>'


def status_html(lines: Sequence[str], kind: str = "ok") -> str:
    """The outcome of an upload or removal: kind is ok, warn or error; lines are plain text."""
    if not lines:
        return ""
    role = ' role="alert"' if kind == "error" else ' role="status"'
    items = "".join(f"<li>{escape(line)}</li>" for line in lines[1:])
    more = f"<ul>{items}</ul>" if items else ""
    return f'<div class="nq-status nq-{kind}"{role}><p>{escape(lines[0])}</p>{more}</div>'
