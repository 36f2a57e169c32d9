"""The benchmark's machinery: statistics and the report on made-up results (fast), and a tiny
real run on a few RealTime QA articles that checks the results' structure (slow)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `bench` lives in the repository beside the packages
    sys.path.insert(0, str(ROOT))

from bench.common import percentile, spread  # noqa: E402
from bench.report import render_markdown, targets  # noqa: E402


def test_percentile_and_spread() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5.0], 95) == 5.0
    assert spread([3, 1, 2]) == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 3}
    assert spread([])["median"] is None


def test_report_without_data_says_skipped() -> None:
    results = {"started": "now", "seconds": 1.0, "skipped": {"ingest": "no data"},
               "machine": {"cores": 2, "cpu": "x", "python": "3.11", "memory_gib": 1}}
    text = render_markdown(results)
    assert "2 cores" in text and "Skipped" in text
    assert all(t["met"] is None for t in targets(results))


def test_a_bench_rerun_over_its_work_folder_makes_the_sentence_store_anew(
        sample_store: Path, tmp_path: Path) -> None:
    """`newsqa bench --work DIR` run twice: the sentence-vector copy of the store left by the
    first run (here a stale folder) is replaced, not a reason to fail the ask section."""
    from bench.common import run_worker

    target = tmp_path / "corpus-base-sentences"
    target.mkdir()
    (target / "stale").write_text("left by an earlier run")
    args = {"source": str(sample_store), "target": str(target), "chunk_tokens": 200}
    first = run_worker("add-sentences", args)
    again = run_worker("add-sentences", args)
    assert first["sentences"] > 0 and again["sentences"] == first["sentences"]
    assert not (target / "stale").exists()


def test_the_bench_corpus_is_asked_with_the_embedder_that_made_its_vectors(
        sample_store: Path, tmp_path: Path) -> None:
    """The ask and retrieval sections' store is built from the ingested stores' vectors (int8,
    the shipped default): labelled with the float model, it was asked with float sentence
    vectors and queries until 12-04, slower than the default path and not its figures."""
    from bench.common import run_worker
    from bench.worker import _store_config
    from index.embedding import INT8
    from index.store import ChromaStore

    target = tmp_path / "corpus-base"
    built = run_worker("build-corpus", {"sources": [str(sample_store)], "target": str(target)})
    made_by = ChromaStore(_store_config(sample_store)).stored_embedder()
    assert built["chunks"] > 0 and made_by is not None and made_by[0].endswith(INT8)
    assert ChromaStore(_store_config(target)).stored_embedder() == made_by


@pytest.mark.slow
def test_quick_bench_run_writes_results(tmp_path: Path, shared_available: Path) -> None:
    from bench import quick_config, run_bench

    cfg = quick_config(tmp_path / "out", shared_available)
    cfg.sections = ("ingest", "retrieval", "embedder", "ask")
    results = run_bench(cfg)

    saved = json.loads((tmp_path / "out" / "results.json").read_text())
    assert saved["machine"]["cores"] >= 1 and saved["machine"]["cpu"]
    ingest = saved["ingest"]
    assert set(ingest["pipelines"]) == {"ours", "llamaindex", "bare", "ours-float"}
    for p in ingest["pipelines"].values():
        assert p["articles"] == cfg.articles and p["chunks"] > 0 and p["articles_per_s"] > 0
    assert (ingest["pipelines"]["ours"]["chunks"] == ingest["pipelines"]["bare"]["chunks"]
            == ingest["pipelines"]["ours-float"]["chunks"])
    assert ingest["ratio_vs_llamaindex"]["articles_per_s"] > 0
    assert ingest["float_ratio_vs_llamaindex"]["articles_per_s"] > 0
    assert 0 <= ingest["reingest"]["share_of_first"]["median"] < 1
    sizes = saved["retrieval"]["sizes"]
    assert [s["target"] for s in sizes] == list(cfg.sizes)
    for s in sizes:
        assert s["chunks"] >= s["target"] and s["p50_ms"]["median"] > 0
        assert s["p95_ms"]["median"] >= s["p50_ms"]["median"] * 0.99
    assert sizes[1].get("growth_p50_from_previous")
    extractive = saved["ask"]["backends"]["extractive"]
    assert extractive["questions"] >= 1 and extractive["p50_ms"]["median"] > 0
    stored = saved["ask"]["backends"]["extractive, sentence vectors stored"]
    assert stored["sentences_added"]["sentences"] > 0  # and looked up, not embedded:
    assert [r["answer"] for r in stored["records"]] == [r["answer"] for r in extractive["records"]]
    warming = saved["ask"]["backends"]["extractive, while the sentence vectors are being added"]
    # The copy had no sentence vectors: the thread beside the questions stored some.
    assert warming["warming"]["added"] > 0
    assert [r["answer"] for r in warming["records"]] == [r["answer"] for r in extractive["records"]]
    embedder = saved["embedder"]
    assert embedder["float_vs_torch_max_abs_difference"] < 1e-3  # the same vectors
    assert embedder["int8_vs_torch_min_cosine"] > 0.95
    assert embedder["ONNX Runtime int8 (as shipped)"]["embedder"] == "OnnxEmbedder"
    md = (tmp_path / "out" / "results.md").read_text()
    assert "## Targets" in md and "## Ingest" in md and "Retrieval latency" in md
    assert "## The embedder" in md and "sentence vectors stored" in md
    assert results["seconds"] > 0


def test_a_quick_run_never_writes_over_the_full_runs_results(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`newsqa bench --quick` checks the machinery; the README cites bench/results.md, which
    a quick run (12 articles, every target "met") had replaced. The run itself is replaced:
    the real one is the test above."""
    import bench
    from bench.common import BENCH_DIR
    from newsqa.cli_bench import bench as bench_command

    seen: list[Path] = []
    monkeypatch.setattr(bench, "run_bench", lambda cfg: seen.append(cfg.out) or {})
    bench_command(quick=True, only=None, llm="none", out=None, data=None, work=None,
                  render=False)
    assert seen and seen[0] != BENCH_DIR and seen[0].name.startswith("newsqa-bench-quick-")
