"""Dataset loaders (gold JSONL, RealTime QA) and the stores they are asked against."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from evals.datasets import GOLD_PATH, OLD_ONLY, load_dataset, load_gold, load_realtimeqa
from evals.errors import DatasetError, StorePrepError
from evals.stores import ensure_realtimeqa, ensure_samples, find_samples, realtimeqa_store
from index import IngestProgress, IngestReport, NoIndexError

GOOD = {"id": "s001", "question": "Who?", "reference_answer": "Kim.",
        "must_include": [["Kim"]], "gold_articles": ["000_x.txt"], "category": "single_fact"}


def write_jsonl(path: Path, records: Iterable[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                            for r in records), encoding="utf-8")
    return path


def test_packaged_gold_set_matches_its_readme() -> None:
    gold = load_dataset(None)
    counts = Counter(i.category for i in gold.items)
    assert gold.source == GOLD_PATH and len(gold.items) == 106
    assert counts == {"single_fact": 13, "numbers_dates": 14, "multi_source": 12,
                      "conflicting": 7, "second_article": 22, "quotes": 13, "follow_up": 9,
                      "unanswerable": 16}
    assert all(i.answerable == (i.category != "unanswerable") for i in gold.items)
    assert all(i.history for i in gold.items if i.category == "follow_up")


@pytest.mark.parametrize(("line", "expected"), [
    ("{not json", "line 2|:2: not valid JSON"),
    ({**GOOD, "id": "s002", "must_include": "Kim"}, ":2: field 'must_include'"),
    ({**GOOD, "id": "s002", "must_include": [[]]}, "non-empty alternative"),
    ({k: v for k, v in GOOD.items() if k != "question"} | {"id": "s002"}, "field 'question'"),
    ({**GOOD, "id": "s002", "extra": 1}, "field 'extra'"),
    ({**GOOD, "id": "s002", "history": [{"role": "bot", "content": "x"}]}, "history"),
    (GOOD, "'s001' is used twice"),
    ({**GOOD, "id": "s002", "category": "unanswerable"}, "empty must_include"),
])
def test_bad_gold_lines_are_named(tmp_path: Path, line: object, expected: str) -> None:
    path = write_jsonl(tmp_path / "g.jsonl", [GOOD, line])
    with pytest.raises(DatasetError, match=expected):
        load_gold(path)


def test_gold_loader_reads_history_and_skips_blank_lines(tmp_path: Path) -> None:
    turns = [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]
    path = write_jsonl(tmp_path / "g.jsonl", [GOOD, "", {**GOOD, "id": "s2", "history": turns}])
    ds = load_dataset(str(path))
    assert [i.id for i in ds.items] == ["s001", "s2"] and ds.items[1].history == tuple(turns)
    assert ds.items[0].must_include == (("Kim",),) and ds.name == "gold-g"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="holds no questions"):
        load_gold(write_jsonl(tmp_path / "e.jsonl", []))
    with pytest.raises(DatasetError, match="No dataset file"):
        load_dataset(str(tmp_path / "nope.jsonl"))


def test_select_by_category_then_limit() -> None:
    gold = load_dataset(None)
    picked = gold.select(category="quotes", limit=3)
    assert [i.category for i in picked.items] == ["quotes"] * 3
    assert len(gold.select(limit=5).items) == 5
    with pytest.raises(DatasetError, match="Use one of: conflicting"):
        gold.select(category="nope")
    with pytest.raises(DatasetError, match="at least 1"):
        gold.select(limit=0)


def make_realtimeqa(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    questions = [
        {"id": "q1", "question": "How?", "answer": "Through open adoption", "answerable": True,
         "answer_doc_ids": ["d1"], "retrieved_doc_ids": ["d1", "d2"], "choices": ["x"]},
        {"id": "q2", "question": "Why?", "answer": "Costs", "answerable": False,
         "answer_doc_ids": [], "retrieved_doc_ids": ["d2", "d3"]},
    ]
    corpus = [{"id": f"d{n}", "title": f"T{n}", "url": "", "published": "2025/01/0{n}",
               "text": f"Article {n} text about adoption. " * 20} for n in (1, 2, 3, 4)]
    write_jsonl(tmp_path / "questions.jsonl", questions)
    write_jsonl(tmp_path / "corpus.jsonl", corpus)
    return tmp_path


def test_realtimeqa_adapter(tmp_path: Path) -> None:
    ds = load_dataset(f"realtimeqa:{make_realtimeqa(tmp_path)}")
    q1, q2 = ds.items
    assert ds.kind == "realtimeqa" and ds.name == tmp_path.name
    assert q1.must_include == (("Through open adoption",),) and q1.category == "answerable"
    assert q1.gold_articles == ("d1",) and q1.relevant_text == ("Through open adoption",)
    assert q2.category == "unanswerable" and not q2.answerable and q2.search_docs == ("d2", "d3")


def test_realtimeqa_needs_both_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"questions\.jsonl and corpus\.jsonl"):
        load_realtimeqa(tmp_path)
    write_jsonl(tmp_path / "questions.jsonl", [{"id": "q"}])
    write_jsonl(tmp_path / "corpus.jsonl", [])
    with pytest.raises(DatasetError, match=r"questions\.jsonl:1: field 'question'"):
        load_realtimeqa(tmp_path)


def test_realtimeqa_answers_found_only_in_old_articles_are_a_category_of_their_own(
        tmp_path: Path) -> None:
    """Still answerable (scored as the benchmark scores them), but told apart in the report."""
    def asked(qid: str, docs: list[str], when: str | None = "2025/03/07") -> dict:
        return {"id": qid, "question": "Where?", "answer": "India", "answerable": True,
                "answer_doc_ids": docs, "retrieved_doc_ids": docs, "question_date": when}

    dated = {"old": "2021/05/05", "older": "2015/09/27", "recent": "2025/03/01",
             "year": "2024/03/07", "a day more": "2024/03/06", "undated": ""}
    write_jsonl(tmp_path / "corpus.jsonl", [{"id": k, "title": k, "url": "", "published": v,
                                             "text": "India. " * 40} for k, v in dated.items()])
    write_jsonl(tmp_path / "questions.jsonl", [
        asked("stale", ["old", "older"]), asked("mixed", ["old", "recent"]),
        asked("a year", ["year"]), asked("undated", ["old", "undated"]),
        asked("no date", ["old"], None), asked("missing", ["old", "not in the corpus"]),
        asked("366 days", ["a day more"])])
    items = {i.id: i for i in load_realtimeqa(tmp_path).items}
    assert items["stale"].category == OLD_ONLY and items["stale"].answerable
    assert items["366 days"].category == OLD_ONLY  # 365 days ("a year") is not over a year
    assert all(items[q].category == "answerable"
               for q in ("mixed", "a year", "undated", "no date", "missing"))


def test_shared_realtimeqa_benchmark_loads(shared_available: Path) -> None:
    ds = load_realtimeqa(shared_available)
    assert len(ds.items) == 250 and sum(i.answerable for i in ds.items) == 122
    assert Counter(i.category for i in ds.items)[OLD_ONLY] == 35


class FakeIndex:
    def __init__(self, empty: bool = False) -> None:
        self.empty = empty
        self.ingested: list[list[str]] = []

    def require_articles(self) -> None:
        if self.empty:
            raise NoIndexError("/store")

    def ingest(self, paths: Iterable[str | Path],
               progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
        self.ingested.append([str(p) for p in paths])
        return IngestReport(added=1)


def test_gold_store_gets_the_samples_only_when_empty() -> None:
    full, empty = FakeIndex(), FakeIndex(empty=True)
    assert not ensure_samples(full) and full.ingested == []
    assert ensure_samples(empty) and empty.ingested == [[str(find_samples())]]
    assert find_samples().name == "sample_articles"


def test_find_samples_prefers_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "data" / "sample_articles").mkdir(parents=True)
    assert find_samples(tmp_path) == tmp_path / "data" / "sample_articles"


def test_realtimeqa_store_is_a_sibling_keyed_by_selection(tmp_path: Path) -> None:
    assert realtimeqa_store(tmp_path / "main") == tmp_path / "newsqa-realtimeqa"
    assert realtimeqa_store(tmp_path / "main", "limit20") == tmp_path / "newsqa-realtimeqa-limit20"


def test_limited_realtimeqa_ingests_only_selected_documents_once(tmp_path: Path) -> None:
    ds = load_realtimeqa(make_realtimeqa(tmp_path / "rtqa"))
    store, index = tmp_path / "store", FakeIndex()
    assert ensure_realtimeqa(index, store, ds.select(limit=1), limited=True)
    subset = [json.loads(x)["id"] for x in (store / "realtimeqa-subset.jsonl").read_text()
              .splitlines()]
    assert subset == ["d1", "d2"] and index.ingested == [[str(store / "realtimeqa-subset.jsonl")]]
    assert not ensure_realtimeqa(index, store, ds.select(limit=1), limited=True)  # reused
    assert ensure_realtimeqa(index, store, ds, limited=True)  # another selection: ingest again
    assert ensure_realtimeqa(index, store, ds, limited=False)
    assert index.ingested[-1] == [str(ds.source / "corpus.jsonl")]


def test_a_store_built_by_other_cleaning_code_is_brought_up_to_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The marker kept a store as it stood when the cleaning changed: an eval then scored the
    new code over articles cleaned by the old."""
    import evals.stores as stores

    ds = load_realtimeqa(make_realtimeqa(tmp_path / "rtqa"))
    store, index = tmp_path / "store", FakeIndex()
    store.mkdir()
    assert ensure_realtimeqa(index, store, ds, limited=False)
    assert not ensure_realtimeqa(index, store, ds, limited=False)  # the same code: reused
    monkeypatch.setattr(stores, "_reading_code", lambda: "another cleaning")
    assert ensure_realtimeqa(index, store, ds, limited=False)  # ingested again


def test_realtimeqa_ingest_that_adds_nothing_is_an_error(tmp_path: Path) -> None:
    class Nothing(FakeIndex):
        def ingest(self, paths: Iterable[str | Path],
                   progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
            return IngestReport(warnings=["bad file"])

    ds = load_realtimeqa(make_realtimeqa(tmp_path / "rtqa"))
    with pytest.raises(StorePrepError, match="bad file"):
        ensure_realtimeqa(Nothing(), tmp_path / "s", ds, limited=False)
