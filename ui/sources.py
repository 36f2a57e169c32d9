"""The sources panel: each cited quote highlighted inside its paragraph (with the paragraphs
on either side when it fills its own), under its article's title, outlet, date and file.

Pure functions of their arguments: everything from an article is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import PurePath
from urllib.parse import urlsplit

from assistant import Answer, Citation
from index.pages import page_of

__all__ = [
    "SourceCard",
    "card_for",
    "format_date",
    "meta_line",
    "neighbour_paragraph",
    "paragraph_span",
    "source_anchor",
    "sources_html",
]

# Context shown around a quote on each side, in characters; long paragraphs are trimmed.
CONTEXT_CHARS = 360
# A quote with less context than this inside its own paragraph also shows the paragraphs on either
# side, each trimmed to NEIGHBOUR_CHARS.
NEIGHBOUR_BELOW_CHARS = 60
NEIGHBOUR_CHARS = 240

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


def meta_line(citation: Citation) -> str:
    """Outlet · date, as a card and the answer's source list show them."""
    bits = [citation.outlet or "", format_date(citation.published)]
    return " · ".join(escape(b) for b in bits if b)


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
        f'<div class="nq-card-meta">{meta_line(c)}<span class="nq-file">{where}</span></div>'
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
        # A long question is cut to two lines here (all of it on hover): the chat has it whole.
        f'<details class="nq-turn" {"open" if latest else ""}><summary>'
        f'<span class="nq-turn-q" title="{escape(question, quote=True)}">Q{turn}: '
        f"{escape(question)}</span></summary>{body}</details>"
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
