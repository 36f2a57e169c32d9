"""RSS feeds served from 127.0.0.1 by the test itself: a feed ingested by `newsqa ingest`, and
`watch` rounds that add exactly the new entries, ask with ETags, and survive failures."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from index import DEFAULT_EMBED_MODEL as MODEL
from index import FetchConfig, NewsIndex, StoreConfig
from index.feeds import FeedWatcher, PollReport

from .conftest import ROOT
from .local_web import ARTICLES, FeedItem, NewsSite

LOCAL = FetchConfig(allow_private=True, timeout=2.0)
NEWSQA = ROOT / ".venv" / "bin" / "newsqa"



def _index(store: Path) -> NewsIndex:
    return NewsIndex(StoreConfig(path=store, embed_model=MODEL))

def _titles(report: PollReport) -> list[str]:
    return sorted(a.title for a in report.new)


def _title(slug: str) -> str:
    return ARTICLES[slug][0]


def test_watch_adds_exactly_the_new_entries_and_an_unchanged_feed_costs_one_request(
        fresh_store: Path, site: NewsSite) -> None:
    site.feed = [FeedItem("lisbon-metro"), FeedItem("porto-bridge", full_text=True)]
    watcher = FeedWatcher(_index(fresh_store), [f"{site.base}/feed.xml"],
                          LOCAL)
    first = watcher.poll()
    assert _titles(first) == sorted([_title("lisbon-metro"), _title("porto-bridge")])
    assert first.warnings == []
    # a summary-only entry is read from its page; a full-text one from the feed itself
    assert site.hits["/news/lisbon-metro"] == 1 and site.hits["/news/porto-bridge"] == 0
    porto = next(a for a in first.new if a.title == _title("porto-bridge"))
    assert (porto.outlet, porto.published) == ("Iberia Wire", "2025-02-12")

    site.feed.insert(0, FeedItem("faro-airport"))  # the feed gains an entry
    second = watcher.poll()
    assert _titles(second) == [_title("faro-airport")]
    assert site.hits["/news/lisbon-metro"] == 1  # stored entries are not fetched again

    third = watcher.poll()  # nothing new: one conditional request, answered 304
    assert third.new == [] and third.unchanged_feeds == 1 and site.not_modified == 1
    assert site.hits["/feed.xml"] == 3
    titles = [a.title for a in _index(fresh_store).list()]
    assert sum(t in {_title(s) for s in ("lisbon-metro", "porto-bridge", "faro-airport")}
               for t in titles) == 3


def test_a_failing_page_or_feed_is_reported_and_tried_again_next_round(
        fresh_store: Path, site: NewsSite) -> None:
    site.feed = [FeedItem("coimbra-library"), FeedItem("faro-airport")]
    site.broken = {"/news/coimbra-library"}
    watcher = FeedWatcher(_index(fresh_store), [f"{site.base}/feed.xml"],
                          LOCAL)
    first = watcher.poll()
    assert _titles(first) == [_title("faro-airport")]
    (warning,) = first.warnings
    assert "coimbra-library" in warning and "HTTP 500" in warning

    site.broken = {"/feed.xml"}
    down = watcher.poll()
    assert down.new == [] and "HTTP 500" in down.warnings[0]
    assert "tried again next round" in down.warnings[0]

    site.broken = set()
    again = watcher.poll()  # the feed was not remembered as read: the failed entry comes back
    assert _titles(again) == [_title("coimbra-library")]
    assert site.hits["/news/faro-airport"] == 1


def test_watch_runs_a_bounded_number_of_rounds(fresh_store: Path, site: NewsSite) -> None:
    site.feed = [FeedItem("lisbon-metro")]
    watcher = FeedWatcher(_index(fresh_store), [f"{site.base}/feed.xml"],
                          LOCAL)
    rounds: list[int] = []

    def between(seconds: float) -> None:
        assert seconds == 7.0
        site.feed.append(FeedItem("porto-bridge"))

    added = watcher.run(7.0, rounds=3, on_poll=lambda n, r: rounds.append(len(r.new)),
                        sleep=between)
    assert rounds == [1, 1, 0] and added == 2


def _newsqa(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if not NEWSQA.exists():
        pytest.skip("the newsqa script is not installed in .venv")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSQA_")}
    return subprocess.run([str(NEWSQA), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_cli_ingest_a_feed_and_watch_it(fresh_store: Path, site: NewsSite,
                                        tmp_path: Path) -> None:
    site.feed = [FeedItem("lisbon-metro"), FeedItem("coimbra-library", full_text=True)]
    feed = f"{site.base}/feed.xml"
    ingested = _newsqa("ingest", feed, "--store", str(fresh_store), "--json", cwd=tmp_path)
    assert ingested.returncode == 0, ingested.stderr
    assert '"articles_added": 2' in ingested.stdout

    site.feed.append(FeedItem("faro-airport"))
    watched = _newsqa("watch", feed, "--every", "0.1s", "--rounds", "2", "--store",
                      str(fresh_store), cwd=tmp_path)
    assert watched.returncode == 0, watched.stderr
    new_lines = [line for line in watched.stdout.splitlines() if " + " in line]
    assert len(new_lines) == 1 and _title("faro-airport") in new_lines[0]
    assert "1 new article(s) in 2 round(s)" in watched.stderr

    bad = _newsqa("watch", feed, "--every", "soon", "--store", str(fresh_store), cwd=tmp_path)
    assert bad.returncode != 0 and "90s, 30m or 1h" in bad.stderr + bad.stdout
    not_url = _newsqa("watch", "feeds.xml", "--store", str(fresh_store), cwd=tmp_path)
    assert not_url.returncode != 0 and "not a feed address" in not_url.stderr
    missing = _newsqa("ingest", f"{site.base}/gone", "--store", str(fresh_store), cwd=tmp_path)
    assert missing.returncode == 1 and "not found (HTTP 404)" in missing.stderr
    assert "Traceback" not in missing.stderr
    # Every feed unreadable in every round: said once each round, and the exit says it failed.
    gone = _newsqa("watch", f"{site.base}/gone.xml", "--every", "0.1s", "--rounds", "2",
                   "--store", str(fresh_store), cwd=tmp_path)
    assert gone.returncode == 1 and "no feed could be read" in gone.stderr
    assert gone.stderr.count("gone.xml: not found") == 2
