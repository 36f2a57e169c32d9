"""Sentence vectors added after the ingest (`NewsIndex.add_sentence_vectors`): what the UI does
in the background by default (`ui.warming`) and `newsqa ingest --sentence-vectors` does at
once. Real parts: Chroma on disk, the bundled MiniLM on ONNX Runtime (int8), the samples."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant import Assistant, Settings
from assistant.errors import InvalidRequestError
from index import NewsIndex, StoreConfig
from index.chunking import chunk_article
from index.sentence_vectors import add_missing, chunk_sentences, sentence_key
from ui.articles import ArticlesController
from ui.server import warm_up
from ui.warming import SentenceWarmer

from .conftest import SAMPLES
from .test_index_cli import newsqa

NEW_ARTICLE = """Harbour town opens a floating library for its fishing families

The floating library of Port Alden opened on Saturday with 4,200 books on a converted ferry.
The mayor, Ines Carvalho, said the boat will call at six villages along the coast every month.
Volunteers from the fishing cooperative refitted the ferry over two winters at their own cost.
Children may borrow up to five books at a time and return them at any stop of the route.
"""


def _open(path: Path, sentence_vectors: bool = False) -> NewsIndex:
    return NewsIndex(StoreConfig(path=path, embed_model="all-MiniLM-L6-v2",
                                 sentence_vectors=sentence_vectors))


def _keys(index: NewsIndex) -> dict[str, set[str]]:
    """Each article's sentence keys as the ingest cuts its sentences, by article id."""
    return {a.id: {sentence_key(t) for t in chunk_sentences(
        a, chunk_article(a, index.config.chunk_tokens))}
        for a in index.store.get_articles(index.store.article_ids()).values()}


def _all(index: NewsIndex) -> list[str]:
    return sorted(set().union(*_keys(index).values()))


@pytest.fixture(scope="module")
def at_ingest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples ingested with their sentence vectors stored during the ingest."""
    path = tmp_path_factory.mktemp("vectors-at-ingest")
    _open(path, sentence_vectors=True).ingest([SAMPLES])
    return path


def test_vectors_added_later_are_those_an_ingest_stores(fresh_store: Path,
                                                        at_ingest: Path) -> None:
    later = _open(fresh_store)
    keys = _all(later)
    assert len(keys) > 100 and later.store.stored_sentence_keys(keys) == set()
    assert later.add_sentence_vectors(background=True) == len(keys)
    got = later.store.sentence_vectors(keys)
    reference = _open(at_ingest).store.sentence_vectors(keys)
    assert set(got) == set(reference) == set(keys)
    np.testing.assert_allclose(np.stack([got[k] for k in keys]),
                               np.stack([reference[k] for k in keys]), atol=1e-6)
    assert later.add_sentence_vectors() == 0, "a second run has nothing left to add"


def test_stopped_half_way_it_keeps_what_it_wrote_and_goes_on_later(fresh_store: Path) -> None:
    index = _open(fresh_store)
    total = len(_all(index))
    stop = threading.Event()
    first = add_missing(index, stop, lambda done, _total: stop.set(), batch=2)
    assert 0 < first < total
    assert len(_open(fresh_store).store.stored_sentence_keys(_all(index))) == first
    assert add_missing(_open(fresh_store), batch=2) == total - first


def test_in_the_background_a_stop_cuts_the_batch_under_way_and_keeps_what_it_made(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = _open(fresh_store)
    total = len(_all(index))
    stop, calls = threading.Event(), []
    embed = add_missing.__globals__["embed_each"]

    def counting(embedder: Any, texts: Any) -> np.ndarray:
        calls.append(len(texts))
        if len(calls) == 5:
            stop.set()  # as the server closing would, half way through the first batch
        return embed(embedder, texts)

    monkeypatch.setattr("index.sentence_vectors.embed_each", counting)
    assert index.add_sentence_vectors(stop, background=True) == 5
    assert calls == [1] * 5, "one sentence a call, so a question always finds a core free"
    monkeypatch.undo()
    assert _open(fresh_store).add_sentence_vectors(background=True) == total - 5


def test_an_article_removed_while_its_sentences_are_embedded_leaves_no_vector(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = _open(fresh_store)
    victim = sorted(index.store.article_ids())[0]
    embed = add_missing.__globals__["embed_each"]

    def removing_first(embedder: Any, texts: Any) -> np.ndarray:
        if victim in index.store.article_ids():  # another writer, between embedding and writing
            _open(fresh_store).remove(victim)
        return embed(embedder, texts)

    monkeypatch.setattr("index.sentence_vectors.embed_each", removing_first)
    assert index.add_sentence_vectors() > 0
    owners = {m["article_id"] for m in index.store._sentences.get(include=["metadatas"])[
        "metadatas"]}
    assert owners and victim not in owners
    assert owners <= set(index.store.article_ids())


def _assistant(store: Path, **fields: Any) -> Assistant:
    return Assistant(Settings(store=store, llm="extractive", _env_file=None,  # type: ignore[call-arg]
                              **fields))


def test_the_ui_adds_them_after_it_starts_and_again_after_an_upload(fresh_store: Path,
                                                                    tmp_path: Path) -> None:
    assistant = _assistant(fresh_store)
    assert assistant.settings.sentence_vectors == "background", "the default"
    index = assistant.index
    rounds: list[list[str]] = []
    add = index.add_sentence_vectors

    def recording(*args: Any, articles: Any = None, **kwargs: Any) -> int:
        rounds.append(sorted(articles or []))
        return add(*args, articles=articles, **kwargs)

    index.add_sentence_vectors = recording  # type: ignore[method-assign]

    def after_round(n: int) -> None:  # the warmer looks at the store every 5 s
        deadline = time.monotonic() + 120
        while len(rounds) < n and time.monotonic() < deadline:
            time.sleep(0.1)
        warmer.join(300)

    warmer = SentenceWarmer(assistant)
    warm_up(assistant, warmer)
    after_round(1)
    assert warmer.added == len(_all(index))
    upload = tmp_path / "floating-library.txt"
    upload.write_text(NEW_ARTICLE, encoding="utf-8")
    articles_tab = ArticlesController(assistant)
    status, _rows, _choices = articles_tab.upload([str(upload)], progress=None)
    assert "1 added" in status, status
    after_round(2)
    added_id = next(a.id for a in index.list() if a.title.startswith("Harbour town"))
    new = sorted(_keys(index)[added_id])
    assert len(new) >= 4 and index.store.stored_sentence_keys(new) == set(new)
    assert index.store.stored_sentence_keys(_all(index)) == set(_all(index))
    # After an upload only the new article is read again; after a removal, every one.
    assert rounds[0] == sorted(set(index.store.article_ids()) - {added_id})
    assert rounds[1] == [added_id]
    articles_tab.remove(added_id)
    after_round(3)
    assert rounds[2] == sorted(index.store.article_ids())
    warmer.stop()


def test_the_ui_notices_an_ingest_by_another_process(fresh_store: Path, tmp_path: Path) -> None:
    assistant = _assistant(fresh_store, sentence_vectors="background")
    warmer = SentenceWarmer(assistant)
    warmer.watch(every=0.2)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "floating-library.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _open(fresh_store).ingest([tmp_path / "news"])  # as `newsqa ingest` would, elsewhere
    index = _open(fresh_store)
    added_id = next(a.id for a in index.list() if a.title.startswith("Harbour town"))
    new = sorted(_keys(index)[added_id])
    deadline = time.monotonic() + 120
    while index.store.stored_sentence_keys(new) != set(new) and time.monotonic() < deadline:
        time.sleep(0.2)
    warmer.stop(timeout=60)
    assert index.store.stored_sentence_keys(new) == set(new)


def test_a_ui_told_off_adds_none(fresh_store: Path) -> None:
    assistant = _assistant(fresh_store, sentence_vectors="off")
    warmer = SentenceWarmer(assistant)
    warm_up(assistant, warmer)
    warmer.join(60)
    assert warmer.added == 0
    assert assistant.index.store.stored_sentence_keys(_all(assistant.index)) == set()


def test_a_paid_embedder_is_never_run_in_the_background(tmp_path: Path) -> None:
    paid = _assistant(tmp_path / "store", embed_model="openai:text-embedding-3-small",
                      openai_api_key="sk-test")
    assert not SentenceWarmer(paid).enabled
    assert SentenceWarmer(_assistant(tmp_path / "store")).enabled


@pytest.mark.parametrize(("given", "meant"), [
    ("true", "ingest"), ("1", "ingest"), ("false", "off"), ("NO", "off"),
    ("background", "background"), ("Ingest", "ingest")])
def test_the_setting_still_takes_the_yes_or_no_it_was(given: str, meant: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSQA_SENTENCE_VECTORS", given)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.sentence_vectors == meant
    assert settings.store_config().sentence_vectors is (meant == "ingest")


def test_a_wrong_setting_says_what_it_takes() -> None:
    with pytest.raises(InvalidRequestError, match="'background', 'ingest' or 'off'"):
        Settings(_env_file=None).with_overrides(  # type: ignore[call-arg]
            sentence_vectors="sometimes")


def test_the_cli_adds_them_at_once_and_says_how_many(fresh_store: Path, tmp_path: Path) -> None:
    out = newsqa("ingest", "--sentence-vectors", "--store", str(fresh_store), "--json",
                 cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"sentence_vectors": len(_all(_open(fresh_store)))}
    again = newsqa("ingest", "--sentence-vectors", "--store", str(fresh_store), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 sentence vectors stored" in again.stdout
