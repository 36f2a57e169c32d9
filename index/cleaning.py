"""Turning a scraped news page into clean articles.

Cleaning only DROPS whole lines (tickers, captions, share prompts, repeated headlines, link lists);
kept lines are stripped of surrounding blanks, bullets and a widget's leading label ("AI-assisted
summary") but never rewritten inside, so every sentence we later quote is found verbatim in the
original file.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass

from .dates import find_date_line
from .mastheads import masthead_line
from .pagehead import (
    a_name,
    after_head_line,
    head_clutter,
    head_date,
    is_byline,
    masthead,
    page_head,
    reads_as_headline,
)
from .pages import article_page_starts
from .provenance import find_author, find_outlet, find_published
from .restated import drop_restated
from .types import Article, RawDocument

__all__ = ["article_id", "clean_document", "split_segments"]

_TICKER = re.compile(
    r".+\s[-–]\s\d+\s(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?)\sago$", re.I
)
_FURNITURE = re.compile(
    r"^(?:[-–•|]|short url|follow|follow us|related|related news|related articles|related stories"
    r"|source link|today|tt|share|share this article|share this|advertisement|read more|subscribe"
    r"|sign up|most popular|trending|recommended|more stories|also read:?.*|read also:?.*"
    r"|click here.*|join .{1,60} (?:whatsapp|telegram) (?:group|channel)"
    r"|copyright .{0,80}|© .{0,80}|all rights reserved.*"
    # e-mail newsletters
    r"|unsubscribe.{0,60}|view (?:this email )?in (?:your )?browser|forward (?:this )?to a friend"
    r"|(?:manage|update) (?:your )?(?:email )?preferences)$",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\((?:[^()]*[/ ])?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|Bloomberg|AAP)\)"
    r"|\b(?:via|/)\s*(?:AP|AFP|REUTERS|Reuters|EPA|Getty Images)"
    r"|\bEPA(?:-EFE)?/[A-Z][A-Z .'-]+|Getty Images|\bPHOTO: .*)\s*\.?$"
)
_LINK_LABEL = re.compile(
    r"^(?:related|related news|related articles|related stories|related content|more stories"
    r"|more from .{1,40}|most popular|most read|trending|recommended|you may also like"
    r"|also read|read also|read more|more news|latest news|top stories)\s*:?$",
    re.I,
)
# A link to another story run into its label ("Read more: Drought map shows…", "RELATED: …"), a
# newsletter's pitch, a share bar: never the story's own sentences (218 such lines in the
# RealTime QA 2025 Q1 corpus, and 1,285 of USA Today's "More:" links there and in the held-out
# weeks; one was quoted as the answer to who was invited to the White House). "Related tax form
# or notice number." is a sentence: a label takes its colon.
_PROMO = re.compile(
    r"^(?:(?:read more|related(?: stor(?:y|ies)| news| articles?| coverage| content)?|most read"
    r"|most popular|also read|read also|see also|more coverage|more news|more|watch)\s*:"
    r"|(?:sign up|subscribe)\b.{0,80}?\b(?:newsletters?|inbox|digital access)\b"
    r"|share this (?:article|story)\b)",
    re.I,
)
# "* * *", "***", "---": a break between sections, no words of the story.
_SECTION_BREAK = re.compile(r"^[*_\-–—=~•·\s]{3,}$")
_LINK_LIST_LINES = 8  # at most this many related headlines below their label
_LINK_LIST_WORDS = 14  # a related headline below its label: at most this many words, no stop
# Page numbers of a printed or PDF page: "3", "Page 3", "3 of 12", "3 / 12", "- 3 -".
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?$",
                          re.I)
_CAPTION_START = re.compile(r"^(?:FILE PHOTO|PHOTO|Photo|Image|Caption)\s*:", re.I)
_END_PUNCT = ".!?:;,"
# A list's bullet: "•", or "*" and "-" before a space ("*lindenportpost.com*, …" is emphasis,
# whose closing mark would be left alone without its opening one).
_BULLET = re.compile(r"^(?:[•·▪►]|[*-](?=\s))[\s•·▪►]*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# A page widget's label run into the first line it labels (USA Today: "AI-assisted summary Venice's
# experimental payment system…"): a quote should start at the sentence. Only before a colon or
# the capital of a sentence: "AI-assisted summary features have cut traffic…" is a sentence.
_LEAD_LABEL = re.compile(r"^AI-assisted summary(?::\s*|\s+(?=[A-Z0-9“\"‘]))")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class _Line:
    text: str  # stripped, as it stands in the source


def article_id(title: str, text: str) -> str:
    """A stable id from the article's content: same words, same id, wherever they came from.
    A page's date line counts: a page saved again after an update is a new version of its
    file's article, which ingest puts in the old one's place."""
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:16]


def _open_ended(line: str) -> bool:
    """Not ended as a sentence is: a headline has no full stop, unless it was cut short
    ("…reiterates intention to sue ...", as search results and feeds print long titles, a
    space before the dots: a sentence trailing off has none, "…were not so sure...")."""
    return line[-1] not in _END_PUNCT or line.endswith((" ...", " …"))


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 25 and len(line) <= 200 and _open_ended(line)
        # a sign-off ("– Miguel Torres") under each post of a live blog is no headline
        and line[0] not in "-–—"
        and not _is_caption(line) and not _is_furniture(line)
        and sum(w[:1].isupper() for w in words) >= 2
        # a table's row ("Area: Kilbride | Price: £265,300 | Change: +3.9%"), a menu
        and line.count(" | ") < 2 and not re.match(r"[^|]*:\s[^|]*\s\|\s", line)
    )


def _is_caption(line: str) -> bool:
    return bool(_CAPTION_START.match(line) or (_CREDIT.search(line) and len(line.split()) >= 6))


def _is_furniture(line: str) -> bool:
    return _is_clutter(line) or find_date_line(line, alone=True) is not None


def _is_clutter(line: str) -> bool:
    """Lines dropped from the text. A page's own date line ("Updated 24 October 2024") is
    furniture to a headline's eye but stays: asked when the article was updated, an answer
    can quote it."""
    return bool(_TICKER.match(line) or _FURNITURE.match(line) or _PAGE_NUMBER.match(line)
                or _PROMO.match(line) or _SECTION_BREAK.match(line))


def split_segments(lines: list[str]) -> list[list[str]]:
    """Split a page into articles: each starts with a headline repeated a few lines further down,
    the way news sites print a title above a photo and again above the text."""
    starts = [0]
    for i, line in enumerate(lines):
        if i == 0 or not _is_headline(line):
            continue
        following = lines[i + 1 : i + 14]
        if line in following and i > starts[-1] + 14:
            starts.append(i)
    bounds = [*starts, len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(bounds) if lines[a:b]]


def _find_title(lines: list[str], given: str | None) -> str | None:
    """The given title, else the headline a byline or date line follows in the page's head,
    else the first line when it reads as a title (a sentence-case headline such as "Valencia
    floods: hundreds rescued"), else the first Title Case headline."""
    if given:
        return " ".join(given.split())
    at = next((i for i, ln in enumerate(lines) if not _is_furniture(ln)), None)
    first = None if at is None else lines[at]
    if first is not None and _is_title_line(first) and not masthead(lines, at or 0):
        return first
    # A copied page opens with its masthead ("THE COASTAL LEDGER") or a ticker; its headline
    # is the line its byline or date line follows.
    placed = _placed_headline(lines)
    if placed is not None:
        return placed
    if first is not None and _is_title_line(first):
        return first
    return next((ln for ln in lines[:25] if _is_headline(ln)), None)


def _placed_headline(lines: list[str]) -> str | None:
    """The line right above the page's first byline or date line, where that reads as a
    headline of three words or more: not the masthead, the sections or the ticker above it,
    nor the date line right under the masthead ("Northern Daily Record" / "Thursday 5
    February 2026" / the headline / its byline)."""
    for n, line in enumerate(lines[:page_head(lines)]):
        dated = head_date(line) is not None
        if is_byline(line) or dated:
            if dated and n and all(masthead(lines, k) for k in range(n)):
                continue  # the masthead's own date line
            return None
        # A few capitalised words are the masthead's or a section's, unless a headline's
        # ("Minister Quits Post")
        named = a_name(line) and not reads_as_headline(line)
        if (len(line.split()) >= 3 and _is_title_line(line) and not _is_furniture(line)
                and not named and not masthead(lines, n) and after_head_line(lines, n)):
            return line
    return None


def _is_title_line(line: str) -> bool:
    words = line.split()
    return (2 <= len(words) <= 25 and len(line) <= 200 and _open_ended(line)
            and line[0].isupper() and not _is_caption(line))


def _keep_lines(lines: list[str], title: str | None, page: bool) -> list[str]:
    """Drop furniture, a page head's masthead, menus, tickers and share bars, repeats, summary
    bullets the body restates and, on scraped pages, the lists of related headlines around a
    "Related News" label. A caption is kept once: it can carry facts (where, when) the body
    never states."""
    drop = head_clutter(lines) | (_link_list_lines(lines) if page else set())
    # The paper's name is the outlet, no line of the story.
    if named := masthead_line(lines):
        drop.add(named[0])
    seen: set[str] = {title.casefold()} if title else set()
    kept: list[str] = []
    for i, line in enumerate(lines):
        key = line.casefold()
        if i not in drop and key not in seen and not _is_clutter(line):
            kept.append(line)
        seen.add(key)
    return drop_restated(kept)


def _is_link_line(line: str, below: bool = False) -> bool:
    """A related-article headline or a bare label: Title Case or a few words, no full stop.
    `below` the label, a headline in sentence case too ("City approves new aquarium wing"):
    above it, such a line may be the story's own subheading."""
    words = line.split()
    capitalised = sum(w[:1].isupper() for w in words)
    # "The measures include:" opens the story's own list: the run of links ends there.
    return line[-1] not in ".!?\"”’:" and (
        len(words) <= 3 or capitalised / len(words) > 0.6
        or (below and len(words) <= _LINK_LIST_WORDS))


def _link_list_lines(lines: list[str]) -> set[int]:
    """Indexes of "Related News"-style labels and the runs of headline-like lines on either side
    of them. Anchored on the label, so a list that is content (a ranking, a roll call) stays."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not _LINK_LABEL.match(line):
            continue
        drop.add(i)
        for step in (-1, 1):
            j = i + step
            while (0 <= j < len(lines) and _is_link_line(lines[j], below=step == 1)
                   and abs(j - i) <= _LINK_LIST_LINES):
                drop.add(j)
                j += step
    return drop




def _source_lines(text: str) -> list[str]:
    """Non-empty lines, stripped of surrounding blanks, bullets, Markdown heading marks and a
    widget's leading label (each still a substring of the source)."""
    lines = (_LEAD_LABEL.sub("", _MD_HEADING.sub("", _BULLET.sub("", ln.strip()).strip()))
             for ln in text.splitlines())
    return [ln for ln in lines if ln]


def clean_document(raw: RawDocument) -> list[Article]:
    """One raw document -> its articles (usually one; two when a page carries a second story)."""
    # Lines the loader knows to be page furniture (a PDF's running headers) go first of all.
    lines = [ln for ln in _source_lines(raw.text) if ln not in raw.drop_lines]
    segments = split_segments(lines) if raw.may_hold_several else [lines]
    articles: list[Article] = []
    for n, segment in enumerate(segments, start=1):
        title = _find_title(segment, raw.title if n == 1 else None)
        body = _keep_lines(segment, title, page=raw.may_hold_several)
        first = next((ln for ln in body if find_date_line(ln) is None), None)
        if first is None:  # a date line alone is no article
            continue
        text = "\n".join(body)
        # Else the first words of the first line that has any ("---", a rule, has none).
        worded = next((ln for ln in body if find_date_line(ln) is None
                       and any(c.isalpha() for c in ln)), first)
        title = title or " ".join(worded.split()[:12])
        suffix = f"#{n}" if len(segments) > 1 and n > 1 else ""
        articles.append(Article(
            id=article_id(title, text),
            title=title,
            text=text,
            source=raw.source + suffix,
            source_key=raw.source_key,
            published=find_published(segment, raw),
            outlet=find_outlet(lines, raw),
            url=raw.url,
            doc_id=raw.doc_id,
            author=find_author(segment, raw),
            page_starts=article_page_starts(raw.text, raw.page_starts, text),
        ))
    return articles
