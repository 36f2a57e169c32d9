"""The sentence vectors of the index, added in the background while the UI serves.

A question weighs each sentence it reads by its cosine to the question; with the sentences'
vectors stored it looks them up instead of embedding a dozen sentences (~60 ms of ~180 on
two cores). Embedding them during every ingest would make each ingest ~1.8x as long, so by
default (`NEWSQA_SENTENCE_VECTORS=background`) the UI adds them after it starts, after each
upload and after an ingest by another process, one sentence at a time so that a question
asked meanwhile still has a core. Stopped half way (the server closes), it keeps what it made:
the next start goes on from there.
"""

from __future__ import annotations

import logging
import threading

from assistant import Assistant

__all__ = ["SentenceWarmer"]

log = logging.getLogger("newsqa.ui")


class SentenceWarmer:
    """One background thread at a time: `kick()` to add what is missing now, `watch()` to do
    so whenever the store changes (an upload here, an ingest by another process)."""

    def __init__(self, assistant: Assistant) -> None:
        self._assistant = assistant
        self._lock = threading.Lock()
        self._wanted = False  # kicked since the thread last looked
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Articles whose sentences all have vectors: an article's id is a digest of its text,
        # so a changed article is a new id, and a round after an upload looks at the new ones
        # only instead of re-reading the whole index.
        self._covered: set[str] = set()
        self.added = 0

    @property
    def enabled(self) -> bool:
        """Asked for, and free: an `openai:` embedder would be paid for every sentence of the
        index behind the user's back (`newsqa ingest --sentence-vectors` still does it)."""
        settings = self._assistant.settings
        return (settings.sentence_vectors == "background"
                and not settings.embed_model.startswith("openai:"))

    def kick(self) -> None:
        """Add what is missing, now or right after the round under way."""
        if not self.enabled or self._stop.is_set():
            return
        with self._lock:
            self._wanted = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="newsqa-sentence-vectors")
                self._thread.start()

    def watch(self, every: float = 5.0) -> None:
        """Kick whenever the store's generation has changed since the last look, every `every`
        seconds (one metadata read): an upload or removal here and an ingest by another
        process (`newsqa ingest`, `newsqa watch`) alike."""
        if not self.enabled:
            return
        store = self._assistant.index.store

        def generation() -> str | None:
            try:
                return store.generation()
            except Exception as exc:  # a store server gone away: try again next time
                log.info("store not checked for changes: %s", exc)
                return None

        def loop() -> None:
            seen = generation()  # None (unreachable at start): the first look kicks
            while not self._stop.wait(every):
                now = generation()
                if now is not None and now != seen and not now.startswith("dirty"):
                    seen = now  # a write finished
                    self.kick()

        threading.Thread(target=loop, daemon=True, name="newsqa-store-watch").start()

    def _run(self) -> None:
        while True:
            with self._lock:  # a kick between the last round and here is not lost
                if not self._wanted or self._stop.is_set():
                    self._thread = None
                    return
                self._wanted = False
            self._round()

    def _round(self) -> None:
        index = self._assistant.index
        try:
            ids = index.store.article_ids()
            if not self._covered <= set(ids):
                # Something was removed: a sentence two articles share is stored under one of
                # them and went with it, so every article is looked at again.
                self._covered.clear()
            todo = [i for i in ids if i not in self._covered]
            added = index.add_sentence_vectors(self._stop, background=True, articles=todo)
        except Exception as exc:  # questions still work, embedding their sentences themselves
            log.warning("sentence vectors not added: %s", exc)
            return
        if not self._stop.is_set():
            self._covered.update(todo)
        self.added += added
        if added:
            log.info("stored the vectors of %d more sentences", added)

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the batch of articles under way (its vectors are kept)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def join(self, timeout: float | None = None) -> None:
        """Wait for the rounds asked for so far."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
