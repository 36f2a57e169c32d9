"""Web pages by URL: fetched with limits (time, size, redirects), refused when they resolve to
a private address (unless allowed), and read as articles by trafilatura.

Every address is resolved and checked before each request, redirects included, so a public page
cannot redirect the fetcher into the operator's network. (A host whose DNS answer changes
between our check and the connection could still slip through; the check stops the plain
cases: typed or redirected loopback, link-local and private addresses.)
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlparse, urlsplit

from .errors import FetchError, PrivateAddressError
from .formats.html import MIN_ARTICLE_WORDS, extract_html
from .loading import LoadResult, decode_bytes, load_paths
from .types import RawDocument

__all__ = ["FetchConfig", "Fetcher", "Response", "is_url", "load_sources", "page_document",
           "url_documents"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Paywall and sign-in notices: a page holding one and little else is not the article.
_PAYWALL = re.compile(
    r"subscribe (?:now |today )?to (?:continue|keep) reading|to continue reading,? "
    r"(?:subscribe|sign in|log in)|(?:for|only available to) (?:paying )?subscribers"
    r"|already a subscriber|this (?:article|story|content) is (?:for|reserved for) subscribers"
    r"|create a free account to (?:continue|read)|sign in to (?:continue|read)", re.I)
_PAYWALL_WORDS = 150


@dataclass(frozen=True)
class FetchConfig:
    """Limits for fetching pages and feeds. `allow_private`: also fetch loopback, link-local
    and private addresses (the CLI does: its user is the operator; the UI does only when
    NEWSQA_FETCH_ALLOW_PRIVATE=1)."""

    timeout: float = 15.0  # seconds to connect, and between two reads
    max_seconds: float = 60.0  # for one response, however it trickles in
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "newsqa/0.1 (news question answering; reads articles on request)"


@dataclass(frozen=True)
class Response:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def is_html(self) -> bool:
        return self.content_type in _HTML_TYPES

    def text(self) -> str:
        if self.charset:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode_bytes(self.body)


def is_url(value: object) -> bool:
    return isinstance(value, str) and bool(re.match(r"^https?://", value, re.I))


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_address(url: str, allow_private: bool) -> None:
    """Refuse what is not http(s), names no host, does not resolve, or (unless allowed) resolves
    to any address that is not public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: not a web address; give one starting with http:// or https://")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, ValueError) as exc:
        raise FetchError(f"{url}: the host '{parts.hostname}' cannot be found ({exc}); check "
                         "the address and the network") from exc
    if allow_private:
        return
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not _public(ip):
            raise PrivateAddressError(url, str(ip))


class Fetcher:
    """One HTTP client for a run of requests (pages of one feed, feeds of one poll)."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        import httpx

        self.config = config or FetchConfig()
        # No proxy from the environment: the address check must see where requests go.
        self._client = httpx.Client(timeout=httpx.Timeout(self.config.timeout), trust_env=False,
                                    headers={"User-Agent": self.config.user_agent})

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET `url`, following at most `max_redirects` redirects, each target checked."""
        import httpx

        current = url
        try:
            for _ in range(self.config.max_redirects + 1):
                check_address(current, self.config.allow_private)
                with self._client.stream("GET", current, headers=dict(headers or {})) as resp:
                    self._check_peer(current, resp)
                    if resp.is_redirect and "location" in resp.headers:
                        current = urljoin(current, resp.headers["location"])
                        continue
                    return self._response(url, current, resp)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: no answer within {self.config.timeout:g} s; the site may "
                             "be down or slow, try again later") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: the request failed ({type(exc).__name__}: {exc}); check "
                             "the address, or try again later") from exc
        raise FetchError(f"{url}: more than {self.config.max_redirects} redirects (a redirect "
                         "loop?); open it in a browser and give the address it ends at")

    def _check_peer(self, url: str, resp: Any) -> None:
        """The address the request really went to, checked like the one looked up before: a
        name can resolve to a public address for the check and a private one for the request
        (DNS rebinding). Checked before anything of the answer is read."""
        if self.config.allow_private:
            return
        stream = resp.extensions.get("network_stream")
        try:
            peer = stream.get_extra_info("server_addr") if stream is not None else None
        except OSError:  # the connection is already gone: nothing was read from it
            peer = None
        if not peer:
            return
        ip = ipaddress.ip_address(str(peer[0]).split("%")[0])
        if not _public(ip):
            raise PrivateAddressError(url, str(ip))

    def _response(self, url: str, final: str, resp: Any) -> Response:
        _check_status(url, resp.status_code)
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        body = b"" if resp.status_code == 304 else self._read(url, resp)
        return Response(url=url, final_url=final, status=resp.status_code, content_type=ctype,
                        charset=resp.charset_encoding, body=body,
                        etag=resp.headers.get("etag"),
                        last_modified=resp.headers.get("last-modified"))

    def _read(self, url: str, resp: Any) -> bytes:
        limit = self.config.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(url, limit)
        deadline = time.monotonic() + self.config.max_seconds
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(url, limit)
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: still arriving after {self.config.max_seconds:g} s; "
                                 "the site is too slow, try again later")
            chunks.append(chunk)
        return b"".join(chunks)


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(f"{url}: larger than {limit // (1024 * 1024)} MiB, too large for an "
                      "article page; save the article and ingest the file")


def _check_status(url: str, status: int) -> None:
    if status in (404, 410):
        raise FetchError(f"{url}: not found (HTTP {status}); check the address")
    if status in (401, 402, 403):
        raise FetchError(f"{url}: the site refused to serve it (HTTP {status}: a paywall, a "
                         "login or a bot block); save the page from your browser and ingest "
                         "the .html file")
    if status >= 400:
        raise FetchError(f"{url}: the site answered HTTP {status}; try again later")


def page_document(resp: Response, fallback: Mapping[str, str | None] | None = None
                  ) -> RawDocument:
    """The article of an HTML page: the URL asked for is its source, the canonical URL (else
    the final one) its key, so one page reached by two addresses is one article."""
    if not resp.is_html:
        raise FetchError(f"{resp.url}: is {resp.content_type or 'of no declared type'}, not a "
                         "web page or feed; download it and run `newsqa ingest FILE`")
    doc = extract_html(resp.text(), url=resp.final_url)
    _check_article(resp.url, doc.get("text") or "")
    canonical = doc.get("url") or resp.final_url
    given = dict(fallback or {})
    return RawDocument(
        text=doc["text"], source=resp.url, source_key=canonical, url=canonical,
        title=doc.get("title") or given.get("title"),
        published=doc.get("date") or given.get("published"),
        outlet=_outlet(doc.get("sitename"), given.get("outlet"), resp.final_url),
        author=doc.get("author") or given.get("author"), may_hold_several=False,
    )


def _outlet(site: str | None, given: str | None, url: str) -> str | None:
    """The page's own site name, but not its bare address ("127.0.0.1:8765", which the
    extractor falls back to) over the name its feed gives ("Valley Times")."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    if site and given and site.lower().removeprefix("www.") == host:
        return given
    return site or given


def _check_article(url: str, text: str) -> None:
    words = len(text.split())
    if _PAYWALL.search(text) and words < _PAYWALL_WORDS:
        raise FetchError(f"{url}: only a paywall or sign-in notice came back ({words} words), "
                         "not the article; save the page from a browser where you are signed "
                         "in and ingest the .html file")
    if words < MIN_ARTICLE_WORDS:
        raise FetchError(f"{url}: no article found on this page (only {words} words of text: "
                         "a stub, an index page or a paywall); give the address of an article")


def url_documents(fetcher: Fetcher, url: str, known: Iterable[str] = ()
                  ) -> tuple[list[RawDocument], list[str]]:
    """The article at `url`, or the entries of the RSS/Atom feed there (those whose link is
    not in `known`), with warnings for entries that failed."""
    from .feeds import feed_documents, looks_like_feed

    resp = fetcher.get(url)
    if looks_like_feed(resp):
        result = feed_documents(fetcher, resp, set(known))
        return result.documents, result.warnings
    return [page_document(resp)], []


def load_sources(paths: Iterable[str | Path], fetch: FetchConfig | None = None) -> LoadResult:
    """Files as `load_paths` reads them, and pages and feeds by URL. A URL that fails stops
    the whole ingest before anything is written, as a missing file does."""
    items = list(paths)
    files = [p for p in items if not is_url(p)]
    loaded = load_paths(files) if files else LoadResult()
    failures: list[str] = []
    with Fetcher(fetch) as fetcher:
        for url in (str(p) for p in items if is_url(p)):
            try:
                docs, warnings = url_documents(fetcher, url)
            except FetchError as exc:
                failures.append(str(exc))
                continue
            loaded.documents.extend(docs)
            loaded.warnings.extend(warnings)
            loaded.skipped += len(warnings)
            loaded.files += 1
    if failures:
        raise FetchError("Nothing was ingested: " + "; ".join(failures))
    return loaded
