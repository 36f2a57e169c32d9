"""RSS and Atom feeds (feedparser): their entries as articles, and a watcher that polls feeds
and ingests only what is new.

An entry carrying its full text (Atom content, RSS content:encoded) is read as it stands; one
carrying only a summary is read from the page it links to. The watcher asks with the last ETag
and Last-Modified, so an unchanged feed costs one request; an entry already stored (by link or
canonical URL) is not fetched again, and one stored under another address with the same words
is recognised by its content id. A feed or page that fails is reported and tried next round.
"""

from __future__ import annotations

import calendar
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .errors import FetchError
from .fetching import FetchConfig, Fetcher, Response, page_document
from .formats.html import fragment_text
from .loading import LoadResult
from .types import Article, IngestReport, RawDocument

if TYPE_CHECKING:
    from .news_index import NewsIndex

__all__ = ["FeedResult", "FeedWatcher", "PollReport", "feed_documents", "looks_like_feed"]

log = logging.getLogger("newsqa.feeds")

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json")
# Entry content shorter than this is a summary: the linked page holds the article.
FULL_TEXT_WORDS = 50


def looks_like_feed(resp: Response) -> bool:
    head = resp.body[:1024].lstrip().lower()
    return resp.content_type in _FEED_TYPES or (
        not resp.is_html and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")))


@dataclass
class FeedResult:
    documents: list[RawDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _parse(resp: Response) -> Any:
    import feedparser

    parsed = feedparser.parse(resp.body, response_headers={"content-location": resp.final_url})
    if not parsed.get("version") and not parsed.get("entries"):
        raise FetchError(f"{resp.url}: not an RSS or Atom feed that can be read "
                         f"({parsed.get('bozo_exception', 'no entries')}); check the address")
    return parsed


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date().isoformat()


def _entry_document(fetcher: Fetcher, feed: Any, entry: Any, feed_url: str) -> RawDocument:
    link = entry.get("link")
    meta = {"title": entry.get("title"), "published": _entry_date(entry),
            "outlet": feed.get("title"), "author": entry.get("author")}
    content = entry.get("content") or []
    text = fragment_text(content[0].get("value", "")) if content else ""
    if len(text.split()) >= FULL_TEXT_WORDS:
        source = link or f"{feed_url}#{entry.get('id') or meta['title']}"
        return RawDocument(text=text, source=source, source_key=source, url=link,
                           may_hold_several=False, **meta)
    if not link:
        raise FetchError(f"{feed_url}: an entry ({meta['title'] or 'untitled'}) has neither "
                         "its text nor a link to it; skipped")
    return page_document(fetcher.get(link), fallback=meta)


def feed_documents(fetcher: Fetcher, resp: Response, known: set[str]) -> FeedResult:
    """The feed's entries whose link is not in `known`; a failing entry is a warning."""
    parsed = _parse(resp)
    result = FeedResult()
    for entry in parsed.get("entries", []):
        if entry.get("link") and entry.get("link") in known:
            continue
        try:
            result.documents.append(_entry_document(fetcher, parsed.get("feed", {}), entry,
                                                    resp.url))
        except FetchError as exc:
            message = str(exc)
            result.warnings.append(message if message.endswith("skipped")
                                   else f"{message}; skipped")
    return result


@dataclass
class PollReport:
    """One round of polling: the articles it added, and what failed (to be retried)."""

    new: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged_feeds: int = 0  # answered 304 Not Modified
    failed_feeds: int = 0  # could not be read (retried next round)
    requests: int = 0
    ingest: IngestReport | None = None


class FeedWatcher:
    """Polls feeds into an index. Remembers each feed's validators (ETag, Last-Modified) and
    the addresses stored, so a poll that finds nothing new fetches one response per feed."""

    def __init__(self, index: NewsIndex, feeds: Sequence[str],
                 fetch: FetchConfig | None = None) -> None:
        self.index = index
        self.feeds = list(dict.fromkeys(feeds))
        self.fetch = fetch or FetchConfig()
        self._validators: dict[str, dict[str, str]] = {}
        self._known: set[str] | None = None

    def _known_addresses(self) -> set[str]:
        if self._known is None:
            self._known = {ref for a in self.index.list()
                           for ref in (a.source, a.url, a.source_key) if ref}
        return self._known

    def poll(self) -> PollReport:
        report = PollReport()
        loaded = LoadResult()
        with Fetcher(self.fetch) as fetcher:
            for feed in self.feeds:
                self._poll_feed(fetcher, feed, loaded, report)
        if loaded.documents:
            before = {a.id for a in self.index.list()}
            report.ingest = self.index.ingest_documents(loaded)
            report.warnings.extend(report.ingest.warnings)
            after = self.index.list()
            report.new = [a for a in after if a.id not in before]
            self._known = None  # re-read next round: the store has grown
        return report

    def _poll_feed(self, fetcher: Fetcher, feed: str, loaded: LoadResult,
                   report: PollReport) -> None:
        report.requests += 1
        try:
            resp = fetcher.get(feed, self._validators.get(feed))
            if resp.status == 304:
                report.unchanged_feeds += 1
                return
            if not looks_like_feed(resp):
                raise FetchError(f"{feed}: is {resp.content_type or 'untyped'}, not an RSS or "
                                 "Atom feed; give the feed's address")
            result = feed_documents(fetcher, resp, self._known_addresses())
        except FetchError as exc:
            report.failed_feeds += 1
            report.warnings.append(f"{exc} (tried again next round)")
            log.info("%s", exc)  # the report carries it to whoever polls: said once there
            return
        loaded.documents.extend(result.documents)
        report.warnings.extend(result.warnings)
        # Validators only once every entry was read: a 304 would hide those that failed.
        if not result.warnings:
            self._validators[feed] = {k: v for k, v in (
                ("If-None-Match", resp.etag), ("If-Modified-Since", resp.last_modified)) if v}
        else:
            self._validators.pop(feed, None)

    def run(self, every: float, rounds: int | None = None,
            on_poll: Callable[[int, PollReport], None] | None = None,
            sleep: Callable[[float], None] = time.sleep) -> int:
        """Poll every `every` seconds, `rounds` times (None: until interrupted); the number of
        articles added."""
        added = 0
        n = 0
        while rounds is None or n < rounds:
            n += 1
            report = self.poll()
            added += len(report.new)
            if on_poll:
                on_poll(n, report)
            if rounds is None or n < rounds:
                sleep(every)
        return added
