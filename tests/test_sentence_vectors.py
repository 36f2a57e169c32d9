"""Sentence vectors stored at ingest when asked for (`StoreConfig.sentence_vectors`,
`index.sentence_vectors`), with the real parts: Chroma on disk, the bundled MiniLM on ONNX Runtime
(int8), the sample articles. A question looks its sentences up instead of embedding them, and
gets exactly the vectors it would have made."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant import Assistant, Settings
from assistant.memo import Memo
from index import NewsIndex, StoreConfig
from index.chunking import chunk_article
from index.sentence_vectors import StoredSentences, chunk_sentences, sentence_key

from .conftest import ROOT, SAMPLES

QUESTION = "Which first lady was pictured on the balloon leaflets?"


def _open(path: Path, sentence_vectors: bool = True) -> NewsIndex:
    return NewsIndex(StoreConfig(path=path, embed_model="all-MiniLM-L6-v2",
                                 sentence_vectors=sentence_vectors))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles ingested with their sentence vectors."""
    path = tmp_path_factory.mktemp("sentence-store")
    _open(path).ingest([SAMPLES])
    return path


@pytest.fixture()
def fresh(stored: Path, tmp_path: Path) -> Iterator[Path]:
    shutil.copytree(stored, tmp_path / "store")
    yield tmp_path / "store"


def _sentences(index: NewsIndex) -> dict[str, list[str]]:
    """Each article's sentences as the ingest cut them, by article id."""
    return {a.id: chunk_sentences(a, chunk_article(a, index.config.chunk_tokens))
            for a in index.store.get_articles(index.store.article_ids()).values()}


def test_every_sentence_is_stored_with_the_vector_a_question_would_make(stored: Path) -> None:
    index = _open(stored)
    texts = [t for found in _sentences(index).values() for t in found]
    assert len(texts) > 100
    stored = index.store.sentence_vectors([sentence_key(t) for t in texts])
    assert set(stored) == {sentence_key(t) for t in texts}
    # The ingest embeds them in bulk; were they batched, the int8 model's per-batch scale
    # would move a vector by up to ~0.03 in a component from the one a question embeds alone.
    sample = texts[::7]
    made = index.embedder.embed_documents(sample)
    np.testing.assert_allclose(np.stack([stored[sentence_key(t)] for t in sample]), made,
                               atol=1e-6)


def test_by_default_an_ingest_stores_no_sentence_vectors(sample_store: Path) -> None:
    index = _open(sample_store, sentence_vectors=False)
    texts = [t for found in _sentences(index).values() for t in found]
    assert index.store.sentence_vectors([sentence_key(t) for t in texts]) == {}


class _Counting:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.texts = inner, []  # type: list[str]
        self.name, self.dim = inner.name, inner.dim

    def embed_documents(self, texts: Any) -> np.ndarray:
        self.texts += list(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


def _ask(assistant: Assistant, stored: bool, monkeypatch: pytest.MonkeyPatch
         ) -> tuple[Any, list[str]]:
    counting = _Counting(assistant.index.embedder)
    store = assistant.index.store
    if not stored:  # an index built before sentences were stored
        store = type("NoSentences", (), {"sentence_vectors": lambda self, keys: {}})()
    monkeypatch.setattr(assistant.index, "sentence_embedder", StoredSentences(counting, store))
    monkeypatch.setattr("assistant.evidence._VECTORS", Memo(50_000))  # forget earlier questions
    answer = assistant.ask(QUESTION)
    return answer, counting.texts


@pytest.fixture(scope="module")
def assistant(stored: Path) -> Assistant:
    return Assistant(Settings(store=stored, llm="extractive", _env_file=None))  # type: ignore[call-arg]


def test_a_question_embeds_no_stored_sentence_and_answers_alike(
        assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    with_store, embedded = _ask(assistant, True, monkeypatch)
    without, fallback = _ask(assistant, False, monkeypatch)
    assert fallback, "the fallback must embed the sentences it reads"
    assert embedded == [], f"embedded at question time: {embedded[:3]}"
    assert with_store.text == without.text and with_store.confidence == without.confidence
    assert [c.quote for c in with_store.citations] == [c.quote for c in without.citations]


def test_vectors_this_client_cannot_read_are_embedded_and_a_fresh_client_made(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Vectors another process stored, unseen by this client's vector index: Chroma raises
    # ("Error finding id") for ids it finds in SQLite. A question must not fail on them.
    store = _open(fresh).store
    keys = list(store.stored_sentence_keys([sentence_key(s) for s in
                                            next(iter(_sentences(_open(fresh)).values()))]))
    assert keys and len(store.sentence_vectors(keys)) == len(keys)

    class Unseen:
        def get(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("Error executing plan: Internal error: Error finding id")

    monkeypatch.setattr(store, "_sentences", Unseen())
    assert store.sentence_vectors(keys) == {}  # the caller embeds them instead
    store.generation()  # the next look at the store connects afresh, and reads them again
    assert len(store.sentence_vectors(keys)) == len(keys)


def test_removing_an_article_removes_its_sentences(fresh: Path) -> None:
    index = _open(fresh)
    found = _sentences(index)
    gone, kept = sorted(found)[0], sorted(found)[1:]
    others = {sentence_key(t) for a in kept for t in found[a]}
    own = [sentence_key(t) for t in found[gone] if sentence_key(t) not in others]
    assert own and set(index.store.sentence_vectors(own)) == set(own)
    index.remove(gone)
    assert index.store.sentence_vectors(own) == {}
    assert set(index.store.sentence_vectors(sorted(others))) == others


def test_an_index_built_before_stored_sentences_gets_them_on_reindex(fresh: Path) -> None:
    index = _open(fresh)
    texts = [t for found in _sentences(index).values() for t in found][:20]
    index.store._client.delete_collection(index.store._names()[2])
    old = _open(fresh)
    assert old.store.sentence_vectors([sentence_key(t) for t in texts]) == {}
    assert old.sentence_embedder.embed_documents(texts).shape == (len(texts), 384)
    old.reindex()
    again = _open(fresh)
    stored = again.store.sentence_vectors([sentence_key(t) for t in texts])
    assert set(stored) == {sentence_key(t) for t in texts}
    np.testing.assert_allclose(np.stack([stored[sentence_key(t)] for t in texts]),
                               again.embedder.embed_documents(texts), atol=1e-6)


def test_sentence_vectors_of_another_embedder_are_never_used(fresh: Path) -> None:
    """As an older newsqa's re-index to another embedder would leave them."""
    index = _open(fresh)
    texts = [t for found in _sentences(index).values() for t in found][:20]
    assert index.store.sentence_vectors([sentence_key(t) for t in texts])
    col = index.store._client.get_collection(index.store._names()[2])
    meta = {k: v for k, v in (col.metadata or {}).items() if k != "hnsw:space"}
    col.modify(metadata={**meta, "embed_model": "another model"})
    assert _open(fresh, sentence_vectors=False).store.sentence_vectors(
        [sentence_key(t) for t in texts]) == {}
    writer = _open(fresh)
    writer.store.ensure(writer.embedder.name, writer.embedder.dim)  # a write drops them
    assert writer.store.sentence_vectors([sentence_key(t) for t in texts]) == {}


def test_a_reindex_with_another_embedder_drops_the_old_sentence_vectors(fresh: Path,
                                                                        tmp_path: Path) -> None:
    """Keyed by their text alone, the old embedder's vectors would be looked up for a question
    embedded by the new one: a re-index that stores none of its own drops them."""
    from .test_index_store import _minilm_folder

    env = {**os.environ, "NEWSQA_EMBED_MODEL": _minilm_folder()}
    env.pop("NEWSQA_SENTENCE_VECTORS", None)
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "newsqa"), "ingest", "--reindex",
                          str(SAMPLES), "--store", str(fresh)],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    index = NewsIndex(StoreConfig(path=fresh, embed_model=_minilm_folder()))
    texts = [t for found in _sentences(index).values() for t in found]
    assert index.store._names()[2] not in {c.name for c in index.store._client.list_collections()}
    assert index.store.sentence_vectors([sentence_key(t) for t in texts]) == {}
    assert index.dense("Taiwan navy missile boats", 1)


def test_a_short_clause_the_answer_path_reads_gets_its_vector_stored() -> None:
    """The ingest stores a vector for each sentence the answer path may read: a short clause
    with a figure too ("He died in 2004.", 16 characters), not a short piece stating none."""
    from index import Article

    text = ("Her husband, Arthur, was a signalman on the railway. He died in 2004.\n"
            "Good morning.")
    article = Article(id="obit", title="Obituary", text=text, source="obit", source_key="obit")
    found = chunk_sentences(article, chunk_article(article, 200))
    assert "He died in 2004." in found and "Good morning." not in found


def test_a_short_clause_of_the_page_is_not_read() -> None:
    """A time stamp alone ("06:10 GMT.", quoted for what happened then), a gallery's or a
    list's count, how long ago, or the page's prompt or tally has a figure and ends as a
    sentence does, but states nothing of the story: not read. The story's clauses are."""
    from index.sentence_vectors import worth_reading

    page = ["06:10 GMT.", "8.15pm BST.", "Updated 2pm.", "Comments (14).", "Photo 3 of 12.",
            "1 of 12 photos.", "See page 4.", "Share 12.", "Reply 3 hours ago.", "Call 999."]
    story = ["Tickets £15–£42.", "Age guidance 12+.", "He died in 2004.", "High 10C.",
             "Gates open at 1pm.", "Monday: showers."]
    assert [c for c in page if worth_reading(c)] == []
    assert all(worth_reading(c) for c in story)
