"""Sentence vectors made at ingest, so that a question does not wait for them.

The assistant weighs each sentence it reads by its cosine to the question: embedding a
question's dozen sentences was ~67 ms of its ~190 (bench, 100 articles). Every sentence of
every chunk is embedded once when its article is ingested instead, and stored keyed by its
text (the same text always gets the same vector), so a question only looks them up.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from .chunking import chunk_article
from .embedding import Embedder, embed_each
from .line_kinds import is_clutter
from .sentences import sentence_spans
from .types import Article, Chunk

if TYPE_CHECKING:
    from .news_index import NewsIndex
    from .store import ChromaStore

__all__ = ["MIN_SENTENCE_CHARS", "StoredSentences", "add_missing", "chunk_sentences",
           "embed_sentences", "sentence_key", "worth_reading"]

# Shorter pieces (a dateline, "Read more.", a subheading) are never weighed as evidence, nor
# stored, unless they are a short clause carrying a figure or a date (`worth_reading`).
MIN_SENTENCE_CHARS = 20
# A short clause: ended as a sentence is (no heading, time stamp or label), two words or more,
# one of them a word, and a figure or a date in it: "Tickets £15–£42.", "Age guidance 12+.",
# "He died in 2004.", "She was 91." (a tester's review and obituary) state what is asked and
# were never read. Short clauses without one ("Good morning.", "Here is the catch.") seldom
# answer and would repeat a question's words; a name alone ("Hilary Mantel.") may be a piece
# split off at an abbreviation.
_SHORT_CLAUSE = re.compile(
    r"^(?=.*(?:\d|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))"
    r"(?=.*[^\W\d_]{3})\S+(?:\s+\S+)+(?<=[.!?])[\"'”’)]*$", re.S)
MIN_CLAUSE_CHARS = 8  # "Age 16+."
# A short clause of the page, not the story: a time stamp alone ("06:10 GMT.", a live page's
# entry time, was quoted for what happened then), a count of a gallery's or a list's items
# ("Photo 3 of 12.", "1 of 12 photos."), how long ago ("Reply 3 hours ago."), or a prompt or
# a tally of the page's own ("Updated 2pm.", "Comments (14).", "Share 12.", "See page 4.",
# "Call 999."). Each has a figure and ends as a sentence does, and states nothing asked.
_PAGE_CLAUSE = re.compile(
    r"^\W*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)?(?:\s+[A-Z]{2,5}|\s+local\s+time)?\W*$"
    r"|(?:updated|posted|published|edited|modified|photos?|pictures?|images?|videos?|gallery"
    r"|comments?|shares?|shared|reply|replies|likes?|views?|see\s+(?:page|p)|call|text"
    r"|listen|watch)\b)"
    r"|\b\d+\s+(?:of|/)\s+\d+\b"
    r"|\b\d+\s+(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?)\s+ago\b", re.I)


def worth_reading(text: str) -> bool:
    """Whether a sentence is long enough to be read as evidence (and its vector stored):
    MIN_SENTENCE_CHARS, or a short clause with a figure or a date ("He died in 2004."); not
    a page number ("Page 1 of 1.") nor the page's own time stamp, count or prompt."""
    if len(text) >= MIN_SENTENCE_CHARS:
        return True
    text = text.strip()
    return (len(text) >= MIN_CLAUSE_CHARS and bool(_SHORT_CLAUSE.match(text))
            and not is_clutter(text.rstrip(".")) and not _PAGE_CLAUSE.search(text))


def sentence_key(text: str) -> str:
    """The id a sentence's vector is stored under: a digest of its text alone, so a vector can
    never belong to a text other than its own, whichever article it came from."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def chunk_sentences(article: Article, chunks: Sequence[Chunk]) -> list[str]:
    """The distinct sentences of an article's chunks, each cut at its chunk's bounds (as a
    passage cuts a sentence longer than itself), the pieces the assistant reads."""
    seen: set[str] = set()
    out: list[str] = []
    for chunk in chunks:
        for a, b in sentence_spans(article.text, chunk.start, chunk.end):
            text = article.text[max(a, chunk.start):min(b, chunk.end)]
            if worth_reading(text) and text not in seen:
                seen.add(text)
                out.append(text)
    return out


def _distinct(articles: Sequence[tuple[Article, Sequence[Chunk]]]
              ) -> dict[str, tuple[str, str]]:
    """key -> (article id, text) of these articles' chunk sentences, each key once, as Chroma
    wants."""
    found: dict[str, tuple[str, str]] = {}
    for art, chunks in articles:
        for text in chunk_sentences(art, chunks):
            found.setdefault(sentence_key(text), (art.id, text))
    return found


def embed_sentences(embedder: Embedder, articles: Sequence[tuple[Article, Sequence[Chunk]]]
                    ) -> tuple[list[str], list[str], np.ndarray]:
    """The distinct sentences of these articles' chunks, embedded (`embed_each`): their keys,
    the article each came from, their vectors."""
    pairs = _distinct(articles)
    return (list(pairs), [a for a, _ in pairs.values()],
            embed_each(embedder, [t for _, t in pairs.values()]))


def add_missing(index: NewsIndex, stop: threading.Event | None = None,
                progress: Callable[[int, int], None] | None = None, *,
                background: bool = False, articles: Sequence[str] | None = None,
                batch: int = 8) -> int:
    """Embed and store the vectors of every article sentence that has none yet (of `articles`,
    by id, or of all): what an ingest with `sentence_vectors` on does, after the fact. It
    takes the write lock a batch of articles at a time, so an ingest never waits long, and
    can be stopped between batches (`stop`) losing nothing: a later call goes on where it
    stopped. `background`: out of a writer's way (it waits while another holds the lock) and
    one sentence at a time, so that a question asked meanwhile has a core (the embedder's
    runs share one pool, first come first served). `progress(articles_done, articles_total)`.
    Returns how many vectors it added."""
    ids = list(articles) if articles is not None else index.store.article_ids()
    if not ids:
        return 0
    with index.writing():
        index.store.ensure(index.embedder.name, index.embedder.dim, sentences=True)
    stop = stop or threading.Event()
    added = 0
    for at in range(0, len(ids), batch):
        while background and index.write_busy() and not stop.is_set():
            stop.wait(0.5)
        if stop.is_set():
            break
        added += _add_batch(index, ids[at:at + batch], stop if background else None)
        if progress is not None:
            progress(min(at + batch, len(ids)), len(ids))
    return added


def _add_batch(index: NewsIndex, ids: Sequence[str], stop: threading.Event | None) -> int:
    """The missing vectors of these articles' sentences, stored; `stop`: in the background,
    one sentence at a time, storing those made when told to stop."""
    todo = [(a, chunk_article(a, index.config.chunk_tokens))
            for a in index.store.get_articles(ids).values()]
    found = _distinct(todo)
    have = index.store.stored_sentence_keys(list(found))
    new = {k: v for k, v in found.items() if k not in have}
    if not new:
        return 0
    vectors = _embed(index.embedder, [t for _, t in new.values()], stop)
    if not len(vectors):
        return 0
    return _store_new(index, dict(list(new.items())[:len(vectors)]), vectors)


def _embed(embedder: Embedder, texts: list[str], stop: threading.Event | None) -> np.ndarray:
    """All at once, or with `stop` one text per call (the ONNX embedder's other thread stays
    free) until told to stop. A runtime without `embed_each` (torch) spreads every call over
    all cores anyway, so it gets them all at once."""
    if stop is None or not hasattr(embedder, "embed_each"):
        return embed_each(embedder, texts)
    made = []
    for text in texts:
        if stop.is_set():
            break
        made.append(embed_each(embedder, [text]))
    return np.concatenate(made) if made else np.zeros((0, embedder.dim), np.float32)


def _store_new(index: NewsIndex, new: dict[str, tuple[str, str]], vectors: np.ndarray) -> int:
    """Write the vectors of `new` (key -> (article id, text)) under the write lock, those of
    articles still in the store: one removed meanwhile must not leave vectors behind that
    nothing would ever remove."""
    keys, owners = list(new), [owner for owner, _ in new.values()]
    with index.writing():
        live = set(index.store.get_articles(list(set(owners)), with_text=False))
        keep = [i for i, owner in enumerate(owners) if owner in live]
        index.store.add_sentences([keys[i] for i in keep], [owners[i] for i in keep],
                                  vectors[keep])
    return len(keep)


class StoredSentences:
    """An `Embedder` for article sentences: their stored vectors where the store has them,
    the embedder's for the rest (sentences of an index built before sentences were stored,
    or of a passage cut inside a sentence). Queries go to the embedder."""

    def __init__(self, embedder: Embedder, store: ChromaStore) -> None:
        self._embedder, self._store = embedder, store
        self.name, self.dim = embedder.name, embedder.dim

    def embed_query(self, text: str) -> np.ndarray:
        return self._embedder.embed_query(text)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        keys = [sentence_key(t) for t in texts]
        stored = self._store.sentence_vectors(keys)
        missing = [t for t, k in zip(texts, keys, strict=True) if k not in stored]
        made = iter(self._embedder.embed_documents(missing) if missing else [])
        rows = [stored[k] if k in stored else next(made) for k in keys]
        return np.stack(rows).astype(np.float32) if rows else np.zeros((0, self.dim),
                                                                        np.float32)
