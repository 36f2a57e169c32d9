"""The eval harness end to end, as CI runs it: the real CLI, a real store, the extractive backend.
A quote that is not verbatim in its article fails the command, and so this test (and CI)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REALTIMEQA

NEWSQA = [sys.executable, "-m", "newsqa"]


def run_eval(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSQA_LLM": "extractive", "COLUMNS": "80"}
    return subprocess.run([*NEWSQA, "eval", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=900, check=False)


def test_gold_set_scores_with_every_quote_verbatim(fresh_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_eval("--llm", "extractive", "--store", str(fresh_store), "--out", str(out),
                    cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((out / "report.json").read_text())
    overall = report["overall"]
    assert overall["quote_validity"] == 1.0
    assert overall["n"] >= 60
    # A floor far below today's figures (README): it catches a broken pipeline, not a dip.
    assert overall["accuracy"] >= 0.4
    for name in ("report.md", "report.html"):
        assert (out / name).stat().st_size > 1000
    html = (out / "report.html").read_text()
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org", "")
    # The summary fits an 80-column terminal in parts, each name whole (it had folded every
    # cell into fragments: "unans / werab / le").
    assert max(map(len, done.stdout.splitlines())) <= 80
    assert "unanswerable" in done.stdout and "abstention precision" in done.stdout


def test_a_charts_last_slanted_label_fits_inside_it() -> None:
    from evals.charts import bar_chart

    svg = bar_chart(["conflicting", "a_rather_long_category"], [("answer correct", [0.5, 1.0])],
                    "t")
    width = float(re.search(r'width="(\d+)"', svg)[1])  # type: ignore[index]
    start = float(re.findall(r"translate\(([\d.]+),", svg)[-1])
    assert start + len("a_rather_long_category") * 6 * 0.866 <= width


def test_interrupted_run_resumes_from_the_cache(fresh_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_eval("--limit", "3", "--store", str(fresh_store), "--out", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = run_eval("--limit", "5", "--store", str(fresh_store), "--out", str(out),
                     cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    cache = (out / "cache-gold-sample_articles-extractive.jsonl").read_text().splitlines()
    assert len(cache) == 5  # three reused, two asked


@pytest.mark.skipif(not REALTIMEQA.is_dir(), reason="../shared/benchmarks is not present")
def test_realtimeqa_subset_runs_end_to_end(tmp_path: Path) -> None:
    store = tmp_path / "store"
    done = run_eval("--dataset", f"realtimeqa:{REALTIMEQA}", "--limit", "2", "--store",
                    str(store), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["overall"]["n"] == 2
    assert report["overall"]["quote_validity"] in (1.0, None)
    if report["overall"]["quote_validity"] is None:  # nothing quoted: both abstained
        assert all(q["abstained"] for q in report["questions"])


def test_a_datasets_gold_articles_the_store_lacks_are_warned_of(fresh_store: Path,
                                                                tmp_path: Path) -> None:
    """A reader's own questions asked over a store without their articles (no --store: the
    bundled samples) scored 0% with no word of why."""
    mine = tmp_path / "mine.jsonl"
    lines = [{"id": "m1", "question": "How many North Korean troops are in Kursk?",
              "reference_answer": "10,000", "must_include": [["10,000"]],
              "gold_articles": ["my-own-story.txt"], "category": "single_fact"}]
    mine.write_text("".join(json.dumps(x) + "\n" for x in lines))
    done = run_eval("--dataset", str(mine), "--store", str(fresh_store), "--out",
                    str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    said = " ".join((done.stdout + done.stderr).split())
    assert "none of its gold articles (my-own-story.txt)" in said and "--store" in said

