"""The `formats` section: ingest of PDFs and of web pages by URL beside the text path (the same
articles each way, articles/s), reading alone without embedding, and a feed poll that finds
nothing new (an unchanged feed answered 304; a changed feed whose entries are all stored).

Everything is made here and served from 127.0.0.1: text files, PDFs (fpdf2, a dev dependency),
HTML pages and an RSS feed of them.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .common import percentile, run_worker

__all__ = ["measure_formats", "poll_target", "render_formats", "run_formats"]

_LATIN1 = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                         "…": "...", "\u00a0": " "})


def run_formats(articles: list[dict[str, Any]], work: Path, n: int, polls: int
                ) -> dict[str, Any]:
    records = work / "formats-records.json"
    records.parent.mkdir(parents=True, exist_ok=True)
    records.write_text(json.dumps(articles[:n], ensure_ascii=False))
    return run_worker("ingest-formats", {"records": str(records), "work": str(work / "formats"),
                                         "polls": polls})


def _write_inputs(records: list[dict[str, Any]], folder: Path) -> tuple[list[Path], list[Path]]:
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    texts, pdfs = [], []
    for i, rec in enumerate(records):
        txt = folder / f"a{i:03d}.txt"
        txt.write_text(f"{rec['title']}\n\n{rec['text']}", encoding="utf-8")
        texts.append(txt)
        pdf = FPDF()
        pdf.set_title(_latin1(rec["title"]))
        pdf.set_auto_page_break(True, margin=20)
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for para in (p for p in rec["text"].split("\n") if p.strip()):
            pdf.multi_cell(0, 5, _latin1(para), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.output(str(folder / f"a{i:03d}.pdf"))
        pdfs.append(folder / f"a{i:03d}.pdf")
    return texts, pdfs


def _latin1(text: str) -> str:
    """fpdf2's core fonts cover Latin-1 only."""
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def _page(rec: dict[str, Any]) -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>" for p in rec["text"].split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{escape(rec['title'])}</title>"
            f'<meta property="og:site_name" content="Bench Wire"></head><body><nav>Home</nav>'
            f"<article><h1>{escape(rec['title'])}</h1>{paras}</article></body></html>").encode()


def _feed(base: str, records: list[dict[str, Any]]) -> bytes:
    items = "".join(f"<item><title>{escape(r['title'])}</title><link>{base}/a/{i}</link>"
                    f"<description>{escape(r['text'][:150])}</description></item>"
                    for i, r in enumerate(records))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>'
            f"<link>{base}/</link><description>bench</description>{items}</channel></rss>"
            ).encode()


def _handler(pages: list[bytes], state: dict[str, bytes]) -> type[BaseHTTPRequestHandler]:
    """Serves the pages at /a/N and the feed (`state["feed"]`, made once the port is known)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/a/"):
                body, ctype = pages[int(self.path[3:])], "text/html; charset=utf-8"
            else:  # the feed; "/feed-v2.xml" is the same feed under another ETag each time
                body, ctype = state["feed"], "application/rss+xml"
                etag = '"' + hashlib.sha1(body).hexdigest() + '"'
                if self.path == "/feed.xml" and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if self.path == "/feed.xml":
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def _serve(records: list[dict[str, Any]]) -> Iterator[str]:
    pages = [_page(r) for r in records]
    state: dict[str, bytes] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(pages, state))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    state["feed"] = _feed(base, records)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def _timed_ingest(index: Any, sources: list[Any], **kw: Any) -> dict[str, Any]:
    started = time.perf_counter()
    report = index.ingest(sources, **kw)
    seconds = time.perf_counter() - started
    return {"articles": report.added, "chunks": report.chunks, "seconds": round(seconds, 2),
            "articles_per_s": round(report.added / seconds, 2), "warnings": len(report.warnings)}


def _timed_load(load: Any) -> dict[str, Any]:
    started = time.perf_counter()
    docs = len(load().documents)
    seconds = time.perf_counter() - started
    return {"documents": docs, "seconds": round(seconds, 3),
            "documents_per_s": round(docs / seconds, 1)}


def _poll_ms(watcher: Any, polls: int) -> dict[str, Any]:
    times, new = [], 0
    for _ in range(polls):
        started = time.perf_counter()
        new += len(watcher.poll().new)
        times.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": round(percentile(times, 50), 1), "max_ms": round(max(times), 1),
            "polls": polls, "new_articles": new}


def measure_formats(args: dict[str, Any]) -> dict[str, Any]:
    """The worker: every input made first, the embedder loaded before any clock starts."""
    from index import DEFAULT_EMBED_MODEL, FetchConfig, NewsIndex, StoreConfig, make_embedder
    from index.feeds import FeedWatcher
    from index.fetching import load_sources
    from index.loading import load_paths

    records = json.loads(Path(args["records"]).read_text())
    work = Path(args["work"])
    texts, pdfs = _write_inputs(records, work / "inputs")
    embedder = make_embedder()
    embedder.embed_documents(["warm up"])
    local = FetchConfig(allow_private=True)
    out: dict[str, Any] = {"articles": len(records)}
    with _serve(records) as base:
        urls = [f"{base}/a/{i}" for i in range(len(records))]
        out["read_only"] = {"text": _timed_load(lambda: load_paths(texts)),
                            "pdf": _timed_load(lambda: load_paths(pdfs)),
                            "pages": _timed_load(lambda: load_sources(urls, local))}
        stores = {name: NewsIndex(StoreConfig(path=work / f"store-{name}",
                                          embed_model=DEFAULT_EMBED_MODEL), embedder=embedder)
                  for name in ("text", "pdf", "pages")}
        out["ingest"] = {"text": _timed_ingest(stores["text"], texts),
                         "pdf": _timed_ingest(stores["pdf"], pdfs),
                         "pages": _timed_ingest(stores["pages"], urls, fetch=local)}
        # The feed lists the pages just stored: every poll finds nothing new.
        watcher = FeedWatcher(stores["pages"], [f"{base}/feed.xml"], local)
        out["poll_first"] = _poll_ms(watcher, 1)  # lists the store, remembers the ETag
        out["poll_not_modified"] = _poll_ms(watcher, args["polls"])
        changed = FeedWatcher(stores["pages"], [f"{base}/feed-v2.xml"], local)
        out["poll_changed_nothing_new"] = _poll_ms(changed, args["polls"])
    return out


def poll_target(results: dict[str, Any]) -> float | None:
    """The slower of the two polls that find nothing new, p50 in ms (None: not measured)."""
    fm = results.get("formats") or {}
    polls = [fm[k]["p50_ms"] for k in ("poll_not_modified", "poll_changed_nothing_new")
             if k in fm]
    return max(polls) if polls else None


def render_formats(results: dict[str, Any]) -> list[str]:
    fm = results.get("formats")
    if not fm:
        return []
    names = {"text": ".txt files", "pdf": "PDFs (pdfminer.six)",
             "pages": "web pages by URL (127.0.0.1, trafilatura)"}
    rows = [[names[k], str(fm["ingest"][k]["articles"]), str(fm["ingest"][k]["chunks"]),
             f"{fm['ingest'][k]['seconds']:.2f}", f"{fm['ingest'][k]['articles_per_s']:.2f}",
             f"{fm['read_only'][k]['documents_per_s']:.1f}"] for k in names]
    polls = [["unchanged feed (ETag → 304 Not Modified)", fm["poll_not_modified"]],
             ["changed feed, every entry stored already", fm["poll_changed_nothing_new"]],
             ["first poll of a watcher (lists the store)", fm["poll_first"]]]
    return [
        "## Ingest by input format, and feed polls", "",
        f"The same {fm['articles']} articles as text files, as PDFs and as web pages served "
        "from 127.0.0.1, each into a fresh store with the same (already loaded) embedder; "
        "\"read only\" is loading and extraction alone, no cleaning or embedding.", "",
        "| input | articles | chunks | seconds | articles/s | read only, documents/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *[f"| {' | '.join(r)} |" for r in rows], "",
        f"A watched feed listing those {fm['articles']} pages, when nothing is new:", "",
        "| poll | p50 | max | polls |", "| --- | ---: | ---: | ---: |",
        *[f"| {name} | {p['p50_ms']:.1f} ms | {p['max_ms']:.1f} ms | {p['polls']} |"
          for name, p in polls], "",
    ]
