"""A small news site served from 127.0.0.1 for the fetching and feed tests: article pages, a feed
that can gain entries, a 404, a non-HTML file, a redirect loop, a paywall stub and a page that
never answers. Nothing here reaches outside the machine.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["FeedItem", "NewsSite", "article_html", "serve"]

# Each article page: (headline, outlet, date, paragraphs).
ARTICLES: dict[str, tuple[str, str, str, list[str]]] = {
    "lisbon-metro": (
        "Lisbon metro extension opens after six years", "Tagus Daily", "2025-02-10",
        ["The extension of Lisbon's red metro line opened to passengers on Monday, six years "
         "after construction began and two years later than planned.",
         "The four new stations link the airport to the western suburbs, and the operator "
         "expects 40,000 passengers a day in the first year.",
         "The project cost 330 million euros, of which the European Union paid 83 million "
         "through its cohesion fund, the transport ministry said."]),
    # The same story told by another outlet, rewritten: a copy, not a new story.
    "lisbon-metro-wire": (
        "New Lisbon metro stations open to passengers", "Iberian Press Agency", "2025-02-10",
        ["Lisbon's red metro line extension opened to passengers on Monday, two years later "
         "than planned and six years after construction began.",
         "The operator expects 40,000 passengers a day in the first year on the four new "
         "stations, which link the airport to the western suburbs.",
         "The transport ministry said the project cost 330 million euros, 83 million of it "
         "paid by the European Union's cohesion fund."]),
    "porto-bridge": (
        "Porto closes old bridge to heavy traffic", "Douro Courier", "2025-02-12",
        ["Porto's city council closed the Dona Maria bridge to lorries on Wednesday after "
         "engineers found cracks in two of its steel girders during an inspection.",
         "Buses will be diverted over the Arrabida bridge for at least three months while "
         "repairs are made, the council said in a statement.",
         "The bridge, opened in 1963, carries about 25,000 vehicles a day."]),
    "faro-airport": (
        "Faro airport records busiest January", "Algarve Post", "2025-02-14",
        ["Faro airport handled 620,000 passengers in January, its busiest January on record, "
         "the airport operator said on Friday.",
         "Flights from the United Kingdom and Ireland made up almost half of the traffic, and "
         "two new routes to Poland opened during the month.",
         "The operator said it would add eight boarding gates before the summer season."]),
    "coimbra-library": (
        "Coimbra library reopens with restored ceiling", "Centro Gazette", "2025-02-16",
        ["The historic library of the University of Coimbra reopened to visitors on Sunday "
         "after a two-year restoration of its painted ceiling.",
         "Restorers removed layers of varnish from 1,200 square metres of paintings, revealing "
         "colours that had not been seen for two centuries, the university said.",
         "Tickets are limited to 60 visitors an hour to protect the books from humidity."]),
}

PAYWALL = ("<html><head><title>Subscribers only</title></head><body><article><h1>Budget talks "
           "collapse</h1><p>This article is for subscribers. Subscribe now to continue "
           "reading.</p><p>Already a subscriber? Sign in.</p></article></body></html>")


def article_html(slug: str, base: str) -> str:
    title, outlet, day, paragraphs = ARTICLES[slug]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{day}T08:00:00Z">'
        f'<link rel="canonical" href="{base}/news/{slug}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Share this article. Subscribe to our newsletter.</footer></body></html>"
    )


@dataclass(frozen=True)
class FeedItem:
    slug: str
    full_text: bool = False  # carry the article's text in the feed, or only a summary


@dataclass
class NewsSite:
    """What the server serves; tests change `feed` between polls and read `hits`."""

    base: str = ""
    feed: list[FeedItem] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    not_modified: int = 0
    broken: set[str] = field(default_factory=set)  # paths answering 500 for now
    release: threading.Event = field(default_factory=threading.Event)

    def feed_xml(self) -> bytes:
        items = []
        for item in self.feed:
            title, _, day, paragraphs = ARTICLES[item.slug]
            when = format_datetime(datetime.fromisoformat(day).replace(hour=8, tzinfo=UTC))
            content = ("<content:encoded><![CDATA[" + "".join(f"<p>{p}</p>" for p in paragraphs)
                       + "]]></content:encoded>") if item.full_text else ""
            items.append(
                f"<item><title>{title}</title><link>{self.base}/news/{item.slug}</link>"
                f"<guid>{self.base}/news/{item.slug}</guid><pubDate>{when}</pubDate>"
                f"<description>{paragraphs[0][:80]}…</description>{content}</item>")
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Iberia Wire</title><link>{self.base}/</link>"
            f"<description>News</description>{''.join(items)}</channel></rss>"
        ).encode()


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        site = self.site
        path = self.path.split("?")[0]
        site.hits[path] += 1
        if path in site.broken:
            self._send(500, b"oops", "text/plain")
        elif path.startswith("/news/") and path[6:] in ARTICLES:
            self._send(200, article_html(path[6:], site.base).encode(), "text/html; charset=utf-8")
        elif path == "/feed.xml":
            self._feed()
        elif path == "/moved":
            self._send(302, b"", "text/html", Location="/news/porto-bridge")
        elif path == "/loop":
            self._send(302, b"", "text/html", Location="/loop")
        elif path == "/to-other-host":  # another loopback address: nothing listens there
            port = self.server.server_address[1]
            self._send(302, b"", "text/html", Location=f"http://127.0.0.2:{port}/news/faro-airport")
        elif path == "/report.zip":
            self._send(200, b"PK\x03\x04" + b"\x00" * 64, "application/zip")
        elif path == "/paywalled":
            self._send(200, PAYWALL.encode(), "text/html; charset=utf-8")
        elif path == "/hang":
            site.release.wait(30)  # never answers within the client's timeout
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")

    def _feed(self) -> None:
        body = self.site.feed_xml()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.site.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, body, "application/rss+xml", ETag=etag)


@contextmanager
def serve() -> Iterator[NewsSite]:
    """Serve a `NewsSite` on 127.0.0.1 (a free port) for the length of the block."""
    site = NewsSite()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
