"""The lexical index reads words without their accents (`index.bm25`): the tenth tester's
"ekstrom" found nothing of "Ekström", which only the same question typed with "ö" found."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.words import terms
from index import Bm25Index, fold_accents

TEXTS = ["Coach Lena Ekström praised the defence.", "Sales rose in São Paulo and Zürich.",
         "The council met on Monday."]


def _index() -> Bm25Index:
    return Bm25Index.build(["a", "b", "c"], TEXTS, [None, None, None], "g1")


def test_a_name_typed_without_its_accents_is_found() -> None:
    index = _index()
    assert [h.chunk_id for h in index.query("What did ekstrom say?", 3)] == ["a"]
    assert [h.chunk_id for h in index.query("Ekström", 3)] == ["a"]
    assert index.query("sales in sao paulo", 3)[0].chunk_id == "b"
    assert fold_accents("Sjöberg, Zürich, São") == "Sjoberg, Zurich, Sao"
    # Letters no decomposition takes apart (the review's): "Sørvik", "Łódź", "Sæther".
    assert fold_accents("Sørvik, Łódź, Sæther") == "Sorvik, Lodz, Saether"
    assert terms("Sjöberg") == terms("Sjoberg")


def test_an_index_saved_with_accents_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "bm25"
    _index().save(folder)
    assert Bm25Index.load(folder) is not None
    meta = json.loads((folder / "newsqa_meta.json").read_text())
    del meta["tokens"]  # as an index saved before accents were folded
    (folder / "newsqa_meta.json").write_text(json.dumps(meta))
    assert Bm25Index.load(folder) is None  # so `NewsIndex.bm25` builds it again


def test_a_search_within_one_article_finds_its_chunks_only() -> None:
    """A follow-up kept to its conversation's article (`conversation.kept_to`) is searched in
    that article's chunks alone: "council" is in article y's chunk only, never x's."""
    index = Bm25Index.build(["x:0", "x:1", "y:0"], TEXTS, [None, None, None], "g1")
    assert [h.chunk_id for h in index.query("council Monday", 3)] == ["y:0"]
    assert index.query("council Monday", 3, articles=["x"]) == []
    assert [h.chunk_id for h in index.query("Sales Zürich", 3, articles=["x"])] == ["x:1"]
    # A story's copies are searched together; an article's id may be another's prefix.
    assert {h.chunk_id for h in index.query("council Sales", 3, articles=["x", "y"])} == {
        "x:1", "y:0"}
    assert Bm25Index.build(["x:0", "xy:0"], TEXTS[:2], [None, None], "g2").query(
        "Sales", 3, articles=["x"]) == []
