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
from dataclasses import replace

from .captions import marked_captions
from .dates import find_date_line
from .line_kinds import is_clutter, is_furniture, is_headline, is_title_line, open_ended
from .linklists import link_list_lines
from .mastheads import dated_masthead, masthead_line, masthead_section
from .pagehead import (
    a_name,
    after_head_line,
    head_clutter,
    head_date,
    is_byline,
    kicker,
    masthead,
    page_head,
)
from .pages import article_page_starts
from .papernames import names_paper, reads_as_headline
from .provenance import find_author, find_outlet, find_published
from .restated import drop_restated
from .types import Article, RawDocument

__all__ = ["article_id", "clean_document", "split_segments"]

# The label over a page's short second story ("IN BRIEF", "Also in the news"): the story
# under it is one of its own (`split_segments`).
_BRIEFS = re.compile(r"^(?:(?:news )?in brief|briefly|(?:news )?briefs|also in the news"
                     r"|in other news|other news|also in this (?:issue|edition))\s*:?$", re.I)
# A list's bullet: "•", or "*" and "-" before a space ("*lindenportpost.com*, …" is emphasis,
# whose closing mark would be left alone without its opening one).
_BULLET = re.compile(r"^(?:[•·▪►]|[*-](?=\s))[\s•·▪►]*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# A page widget's label run into the first line it labels (USA Today: "AI-assisted summary Venice's
# experimental payment system…"): a quote should start at the sentence. Only before a colon or
# the capital of a sentence: "AI-assisted summary features have cut traffic…" is a sentence.
_LEAD_LABEL = re.compile(r"^AI-assisted summary(?::\s*|\s+(?=[A-Z0-9“\"‘]))")


def article_id(title: str, text: str, captions: tuple[tuple[int, int], ...] = ()) -> str:
    """A stable id from the article's content: same words, same id, wherever they came from.
    A page's date line counts: a page saved again after an update is a new version of its
    file's article, which ingest puts in the old one's place. So do the lines its markup
    marks as captions, where it marks any: a store read before they were marked takes them."""
    marked = f"\n{captions}" if captions else ""
    return hashlib.sha256(f"{title}\n{text}{marked}".encode()).hexdigest()[:16]


def split_segments(lines: list[str]) -> list[list[str]]:
    """Split a page into articles: each starts with a headline repeated a few lines further down,
    the way news sites print a title above a photo and again above the text, or with a label
    such as "IN BRIEF" above a headline (a short story of its own at the page's foot)."""
    starts = [0]
    for i, line in enumerate(lines):
        if i == 0:
            continue
        repeated = is_headline(line) and line in lines[i + 1 : i + 14] and i > starts[-1] + 14
        if repeated or (_a_brief(lines, i) and i > starts[-1] + _BRIEF_AFTER):
            starts.append(i)
    bounds = [*starts, len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(bounds) if lines[a:b]]


_BRIEF_AFTER = 3  # a brief's label splits a page only below this many lines of its story


def _a_brief(lines: list[str], i: int) -> bool:
    """A brief's label, then its headline and a sentence. Under the label, a headline in
    sentence case is one too ("Helmsby town hall clock chimes again after 40 years of
    silence", under a tester's "ALSO IN THIS ISSUE")."""
    if not (_BRIEFS.match(lines[i]) and i + 2 < len(lines)) or open_ended(lines[i + 2]):
        return False
    headline = lines[i + 1]
    return is_headline(headline) or (len(headline.split()) >= 3 and is_title_line(headline)
                                     and not is_byline(headline))


def _find_title(lines: list[str], given: str | None) -> str | None:
    """The given title, else the headline a byline or date line follows in the page's head,
    else the first line when it reads as a title (a sentence-case headline such as "Valencia
    floods: hundreds rescued"), else the first Title Case headline."""
    if given:
        return _printed(lines, " ".join(given.split()))
    at = next((i for i, ln in enumerate(lines) if not is_furniture(ln)), None)
    first = None if at is None else lines[at]
    # "The Lowland Observer - Planning" is a masthead with its section, no headline
    named = masthead_line(lines)
    if first is not None and named is not None and named[0] == at:
        first = None
    if first is not None and is_title_line(first) and not masthead(lines, at or 0):
        return first
    # A copied page opens with its masthead ("THE COASTAL LEDGER") or a ticker; its headline
    # is the line its byline or date line follows.
    placed = _placed_headline(lines, named[0] if named is not None else None)
    if placed is not None:
        return placed
    # A paper's name the page opens with ("HEXLEY & DISTRICT ADVERTISER", a tester's title) is
    # no headline: the line under it may be.
    papers = at is not None and masthead(lines, at) and names_paper(lines[at])
    if first is not None and is_title_line(first) and not papers:
        return first
    if papers and (under := _line_under(lines, at or 0)) is not None:
        return under
    # Nor is the masthead ("Harrowmere Observer | Interviews") or a byline a headline here.
    skip = {named[0] if named is not None else None, at if papers else None}
    return next((ln for i, ln in enumerate(lines[:25])
                 if i not in skip and is_headline(ln) and not is_byline(ln)), None)


def _line_under(lines: list[str], at: int) -> str | None:
    """The line under the masthead at `at` where it reads as a headline of three words or
    more, no byline, date line, menu or masthead."""
    n = next((i for i in range(at + 1, len(lines)) if not is_furniture(lines[i])), None)
    if n is None:
        return None
    line = lines[n]
    headline = len(line.split()) >= 3 and is_title_line(line) and not is_byline(line)
    return line if headline and head_date(line) is None and not masthead(lines, n) else None


def _printed(lines: list[str], given: str) -> str:
    """The headline the page prints in its head where it extends the `given` one: a tester's
    PDF was titled 'Northmoor hospital waiting list hits record 112,400' in its properties,
    and printed '… as A&E and cancer targets are missed', which stayed a line of the story
    and was quoted as an answer. The title a page prints leaves its text (`_keep_lines`)."""
    key = given.casefold()
    return next((line for line in lines[:page_head(lines)]
                 if line.casefold().startswith(key) and len(line) > len(given)
                 and not line[len(given)].isalnum() and is_title_line(line)), given)


def _placed_headline(lines: list[str], mast: int | None = None) -> str | None:
    """The line right above the page's first byline or date line, where that reads as a
    headline of three words or more: not the masthead, the sections or the ticker above it,
    nor the date line right under the masthead ("Northern Daily Record" / "Thursday 5
    February 2026" / the headline / its byline). A headline may come under that date line too,
    above its first sentence ("The Western Echo" / its sections / "24 February 2026 | By …" /
    the headline). The masthead `masthead_line` found (`mast`) is no headline either ("THE
    BOOKSHELF REVIEW — INTERVIEW" above "12 March 2026" was a tester's page's title)."""
    dated_head = False  # past the masthead's own date line
    for n, line in enumerate(lines[:page_head(lines)]):
        if n == mast:
            continue
        dated = head_date(line) is not None
        if is_byline(line) or dated:
            if dated and _the_mastheads_date(lines, n, mast):
                dated_head = True
                continue
            return None
        # A few capitalised words are the masthead's or a section's, unless a headline's
        # ("Minister Quits Post")
        named = a_name(line) and not reads_as_headline(line)
        if (len(line.split()) >= 3 and is_title_line(line) and not is_furniture(line)
                and not named and not masthead(lines, n)
                and (dated_head or after_head_line(lines, n))):
            return line
    return None


def _the_mastheads_date(lines: list[str], n: int, mast: int | None) -> bool:
    """Is the date line `n` the masthead's own, under it or joined to it ("Calderport Evening
    Gazette | Sport | Monday 20 April 2026" above the headline, a tester's title), a section's
    label between them ("Whitford Advertiser" / "Business" / the date line)?"""
    if not n:
        return dated_masthead(lines[:1]) is not None
    section = masthead_section(lines, mast)
    return all(k in (mast, section) or masthead(lines, k) for k in range(n))


def _keep_lines(lines: list[str], title: str | None, page: bool) -> list[str]:
    """Drop furniture, a page head's masthead, menus, tickers and share bars, repeats, summary
    bullets the body restates and, on scraped pages, the lists of related headlines around a
    "Related News" label. A caption is kept once: it can carry facts (where, when) the body
    never states."""
    drop = head_clutter(lines) | (link_list_lines(lines) if page else set())
    # The paper's name is the outlet, no line of the story.
    if named := masthead_line(lines):
        drop.add(named[0])
    # and so is the section's label under it, above its date line ("Business")
    if (section := masthead_section(lines, named[0] if named else None)) is not None:
        drop.add(section)
    if (found := kicker(lines, title)) is not None:
        drop.add(found)
    seen: set[str] = {title.casefold()} if title else set()
    kept: list[str] = []
    for i, line in enumerate(lines):
        key = line.casefold()
        if i not in drop and key not in seen and not is_clutter(line):
            kept.append(line)
        seen.add(key)
    return drop_restated(kept)


def _source_lines(text: str) -> list[str]:
    """Non-empty lines, stripped of surrounding blanks, bullets, Markdown heading marks and a
    widget's leading label (each still a substring of the source)."""
    lines = (_LEAD_LABEL.sub("", _MD_HEADING.sub("", _BULLET.sub("", ln.strip()).strip()))
             for ln in text.splitlines())
    return [ln for ln in lines if ln]


def _title_and_text(segment: list[str], given: str | None, page: bool
                    ) -> tuple[str, str] | None:
    """A segment's title and text; None for a date line alone, which is no article."""
    title = _find_title(segment, given)
    body = _keep_lines(segment, title, page)
    first = next((ln for ln in body if find_date_line(ln) is None), None)
    if first is None:
        return None
    # Else the first words of the first line that has any ("---", a rule, has none).
    worded = next((ln for ln in body if find_date_line(ln) is None
                   and any(c.isalpha() for c in ln)), first)
    return title or " ".join(worded.split()[:12]), "\n".join(body)


def clean_document(raw: RawDocument) -> list[Article]:
    """One raw document -> its articles (usually one; two when a page carries a second story)."""
    # Lines the loader knows to be page furniture (a PDF's running headers) go first of all.
    lines = [ln for ln in _source_lines(raw.text) if ln not in raw.drop_lines]
    segments = split_segments(lines) if raw.may_hold_several else [lines]
    articles: list[Article] = []
    dated = None  # the page's date, which a brief under its story shares
    for n, segment in enumerate(segments, start=1):
        # A brief's label is neither story's line; the brief ran in the page's edition (its
        # date), but the document's author (a Word file's properties) wrote its first story.
        brief = n > 1 and bool(_BRIEFS.match(segment[0]))
        segment = segment[1:] if brief else segment
        found = _title_and_text(segment, raw.title if n == 1 else None, raw.may_hold_several)
        if found is None:
            continue
        title, text = found
        published = find_published(segment, raw) or (dated if brief else None)
        dated = published if n == 1 else dated
        suffix = f"#{n}" if len(segments) > 1 and n > 1 else ""
        captions = marked_captions(text, raw.caption_lines)
        articles.append(Article(
            id=article_id(title, text, captions),
            title=title,
            text=text,
            source=raw.source + suffix,
            source_key=raw.source_key,
            published=published,
            outlet=find_outlet(lines, raw),
            url=raw.url,
            doc_id=raw.doc_id,
            author=find_author(segment, raw if n == 1 else replace(raw, author=None)),
            page_starts=article_page_starts(raw.text, raw.page_starts, text),
            captions=captions,
        ))
    return articles
