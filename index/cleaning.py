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
from urllib.parse import urlparse

from .dates import find_date_line, parse_date, source_date_line
from .pages import article_page_starts
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
_OUTLET_CUES = (
    re.compile(r"^Join (?P<o>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) (?:Whatsapp|WhatsApp|Telegram)"),
    re.compile(r"^(?:Copyright|©)\s*(?:\d{4}\s*)?(?P<o>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,4})"),
)
_END_PUNCT = ".!?:;,"
_SITE = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.I)
# A byline's source before its date: "*usatoday.com*, …", "By usatoday.com | …".
_BYLINE_SITE = re.compile(r"^[*_\s]*(?:by\s+)?(?P<o>[\w.-]+)[*_\s]*[,|·—–-]", re.I)
_DATE_ALONE_LINES = 3  # a line that is only a date is the article's date among its first 3
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
    """The given title, else the first line when it reads as a title (a sentence-case headline
    such as "Valencia floods: hundreds rescued"), else the first Title Case headline."""
    if given:
        return " ".join(given.split())
    first = next((ln for ln in lines if not _is_furniture(ln)), None)
    if first is not None and _is_title_line(first):
        return first
    return next((ln for ln in lines[:25] if _is_headline(ln)), None)


def _is_title_line(line: str) -> bool:
    words = line.split()
    return (2 <= len(words) <= 25 and len(line) <= 200 and _open_ended(line)
            and line[0].isupper() and not _is_caption(line))


def _keep_lines(lines: list[str], title: str | None, page: bool) -> list[str]:
    """Drop furniture, repeats, summary bullets the body restates and, on scraped pages, the lists
    of related headlines around a "Related News" label. A caption is kept once: it can carry facts
    (where, when) the body never states."""
    drop = _link_list_lines(lines) if page else set()
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


def _find_outlet(lines: list[str], raw: RawDocument) -> str | None:
    if raw.outlet:
        return raw.outlet
    for line in reversed(lines):
        for cue in _OUTLET_CUES:
            match = cue.match(line)
            if match:
                return match.group("o").strip()
    for line in lines[:_DATE_ALONE_LINES]:
        site = _byline_site(line)
        if site:
            return site
    if raw.url:
        host = urlparse(raw.url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def _byline_site(line: str) -> str | None:
    """The site a byline names ("*usatoday.com*, 2025-03-19", "By usatoday.com | Published
    …", "By Jane Doe | herald.com | Published …"): a site's address is its outlet, where a
    name ("Jane Doe, …", "Washington, …") may be an author's or a dateline's. A wire's name
    before the date ("Reuters | June 3, 2025") is its outlet too."""
    if find_date_line(line, alone=True) is None:
        return None
    match = _BYLINE_SITE.match(line)
    parts = [match.group("o")] if match else []
    bars = [p.strip("*_ ") for p in line.split("|")]
    parts += bars[1:-1]
    for part in parts:
        site = part.lower().removeprefix("www.")
        if _SITE.fullmatch(site):
            return site
    # "By Priya Das | Northfield Courier | Published …", "Riverton Daily Press | Published …":
    # a name between the byline and the date line, or before a "Published" line, is the page's.
    named = bars[1:-1] if re.match(r"by\s", bars[0], re.I) else (
        bars[:1] if len(bars) == 2 and _PUBLISHED.match(bars[1]) else [])
    for part in named:
        if _OUTLET_NAME.fullmatch(part):
            return part
    dated = source_date_line(line)
    return dated[0] if dated and dated[0].casefold() in _WIRES else None


_PUBLISHED = re.compile(r"(?:last\s+)?(?:published|updated|posted)\b", re.I)
_OUTLET_NAME = re.compile(r"(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}")


# Wires whose name alone before a date is a page's outlet ("Reuters | June 3, 2025"): a name
# of another kind there may be an author's.
_WIRES = frozenset({"reuters", "ap", "associated press", "the associated press", "afp",
                    "agence france-presse", "bloomberg", "xinhua", "yonhap", "kyodo", "upi",
                    "dpa", "efe", "ansa", "tass", "pti", "ani", "pa media"})
# Who wrote it: a byline under the title ("By Marta Siwek, Staff Reporter", "By Tomás Reyes |
# …"), else a credit line anywhere ("(Reporting by Anna Keller; Editing by Mark Hughes)").
# The name ends the line, or a bar or a short credit follows it ("…, Staff Reporter", "…,
# Associated Press"): "By Tuesday, the fire had spread…" is the story's first sentence.
_BYLINE = re.compile(r"^[*_\s]*by\s+(?P<n>(?-i:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday"
                     r"|Saturday|Sunday|January|February|March|April|May|June|July|August"
                     r"|September|October|November|December)\b)[A-Z][\w.'’-]+"
                     r"(?:\s+(?:de|van|von|[A-Z][\w.'’-]+)){0,3}))[*_\s]*"
                     r"(?:\|.*|,(?-i:\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}))?[*_\s]*$", re.I)
# "(Reporting by Anna Keller; Editing by …)": capitalised names only, up to ";", ")" or the end.
_REPORTING = re.compile(r"^\(?\s*(?:additional\s+)?reporting\s+by\s+(?P<n>(?-i:[A-Z][\w.'’-]*"
                        r"(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}))\s*(?:[;)]|$)", re.I)
_BYLINE_LINES = 5


def _find_author(lines: list[str], raw: RawDocument) -> str | None:
    """Who wrote it: the record's author, else a byline under the title, else the last credit
    line ("Reporting by …")."""
    if raw.author:
        return raw.author
    for line in lines[:_BYLINE_LINES]:
        match = _BYLINE.match(line)
        if match and not _SITE.fullmatch(match.group("n").lower()):
            return match.group("n")
    found = [m.group("n") for line in lines if (m := _REPORTING.match(line))]
    return found[-1] if found else None


def _find_published(lines: list[str], raw: RawDocument) -> str | None:
    given = parse_date(raw.published)
    if given:
        return given
    story_begun = False
    for n, line in enumerate(lines[:30]):
        # A date alone counts only among the first lines (title, byline, date) and before
        # the story's first sentence: further down it is a timeline's entry.
        found = find_date_line(line, alone=n < _DATE_ALONE_LINES and not story_begun)
        if found:
            return found
        story_begun = story_begun or (line[-1] in ".!?\"”" and len(line.split()) >= 5)
    return None


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
            published=_find_published(segment, raw),
            outlet=_find_outlet(lines, raw),
            url=raw.url,
            doc_id=raw.doc_id,
            author=_find_author(segment, raw),
            page_starts=article_page_starts(raw.text, raw.page_starts, text),
        ))
    return articles
