"""Turning a scraped news page into clean articles.

Cleaning only DROPS whole lines (tickers, captions, share prompts, repeated headlines, link lists);
kept lines are stripped of surrounding blanks and bullets but never rewritten inside, so every
sentence we later quote is found verbatim in the original file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from .dates import find_date_line, parse_date
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
    r"|copyright .{0,80}|© .{0,80}|all rights reserved.*)$",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\((?:[^()]*[/ ])?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|Bloomberg|AAP)\)"
    r"|\b(?:via|/)\s*(?:AP|AFP|REUTERS|Reuters|EPA|Getty Images)"
    r"|\bEPA(?:-EFE)?/[A-Z][A-Z .'-]+|Getty Images|\bPHOTO: .*)\s*\.?$"
)
_CAPTION_START = re.compile(r"^(?:FILE PHOTO|PHOTO|Photo|Image|Caption)\s*:", re.I)
_OUTLET_CUES = (
    re.compile(r"^Join (?P<o>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) (?:Whatsapp|WhatsApp|Telegram)"),
    re.compile(r"^(?:Copyright|©)\s*(?:\d{4}\s*)?(?P<o>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,4})"),
)
_END_PUNCT = ".!?:;,"
_BULLETS = " \t•·*▪►"


@dataclass(frozen=True)
class _Line:
    text: str  # stripped, as it stands in the source


def article_id(title: str, text: str) -> str:
    """A stable id from the article's content: same words, same id, wherever they came from."""
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:16]


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 25 and len(line) <= 200 and line[-1] not in _END_PUNCT
        and not _is_caption(line) and not _is_furniture(line)
        and sum(w[:1].isupper() for w in words) >= 2
    )


def _is_caption(line: str) -> bool:
    return bool(_CAPTION_START.match(line) or (_CREDIT.search(line) and len(line.split()) >= 6))


def _is_furniture(line: str) -> bool:
    return bool(_TICKER.match(line) or _FURNITURE.match(line) or find_date_line(line))


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
    return [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if lines[a:b]]


def _find_title(lines: list[str], given: str | None) -> str | None:
    if given:
        return " ".join(given.split())
    for line in lines[:25]:
        if _is_headline(line):
            return line
    return None


def _keep_lines(lines: list[str], title: str | None) -> list[str]:
    """Drop furniture, captions and repeats; bullets whose text the body repeats; link lists."""
    seen: set[str] = {title.casefold()} if title else set()
    kept: list[str] = []
    for line in lines:
        key = line.casefold()
        if key in seen or _is_furniture(line) or _is_caption(line):
            seen.add(key)
            continue
        seen.add(key)
        kept.append(line)
    body = "\n".join(kept)
    kept = [ln for ln in kept if not (_is_summary_bullet(ln) and body.count(ln) > 1)]
    return _drop_trailing_links(kept)


def _is_summary_bullet(line: str) -> bool:
    return len(line.split()) >= 5


def _drop_trailing_links(lines: list[str]) -> list[str]:
    """Pages end with related-article headlines and credits: short lines without a full stop."""
    end = len(lines)
    while end > 0 and lines[end - 1][-1] not in ".!?\"”’" and len(lines[end - 1]) < 160:
        end -= 1
    return lines[:end] if end > 0 else lines


def _find_outlet(lines: list[str], raw: RawDocument) -> str | None:
    if raw.outlet:
        return raw.outlet
    for line in reversed(lines):
        for cue in _OUTLET_CUES:
            match = cue.match(line)
            if match:
                return match.group("o").strip()
    if raw.url:
        host = urlparse(raw.url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def _find_published(lines: list[str], raw: RawDocument) -> str | None:
    given = parse_date(raw.published)
    if given:
        return given
    for line in lines[:30]:
        found = find_date_line(line)
        if found:
            return found
    return None


def _source_lines(text: str) -> list[str]:
    """Non-empty lines, stripped of surrounding blanks and bullets (a substring of the source)."""
    lines = (ln.strip().lstrip(_BULLETS).strip() for ln in text.splitlines())
    return [ln for ln in lines if ln]


def clean_document(raw: RawDocument) -> list[Article]:
    """One raw document -> its articles (usually one; two when a page carries a second story)."""
    lines = _source_lines(raw.text)
    segments = split_segments(lines) if raw.may_hold_several else [lines]
    articles: list[Article] = []
    for n, segment in enumerate(segments, start=1):
        title = _find_title(segment, raw.title if n == 1 else None)
        body = _keep_lines(segment, title)
        if not body:
            continue
        text = "\n".join(body)
        title = title or text[:80]
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
        ))
    return articles
