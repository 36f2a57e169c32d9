"""`newsqa ingest`, `newsqa list`, `newsqa remove` as a user runs them: the installed script in a
subprocess (so the exit code and the absence of a traceback are the real ones), and the progress
bar."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from rich.console import Console

from index import IngestProgress

from .conftest import ROOT, SAMPLES

NEWSQA = ROOT / ".venv" / "bin" / "newsqa"
TITLES = {
    "Russia moves to ratify North Korea defense treaty, Seoul issues warning",
    "US border agent shoots and wounds two people in Portland",
    "Russia Ratifies Defence Pact with North Korea Amid Rising Tensions",
    "North Korea and Russia sign major defense treaty",
    "North Korea finalises landmark defence pact with Russia",
    "North Korea Ratifies Major Defense Treaty with Russia",
    "Taiwan Demonstrates Sea Defenses against Potential Chinese Attack as Tensions Rise with "
    "Beijing",
}


def newsqa(*args: str, cwd: Path, columns: int | None = None
           ) -> subprocess.CompletedProcess[str]:
    if not NEWSQA.exists():
        pytest.skip("the newsqa script is not installed in .venv")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSQA_")}
    if columns is not None:
        env["COLUMNS"] = str(columns)  # the width rich lays its tables out for
    # cwd: a temporary folder, so no developer .env is read
    return subprocess.run([str(NEWSQA), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _listing(store: Path, cwd: Path) -> list[dict[str, object]]:
    out = newsqa("list", "--store", str(store), "--json", cwd=cwd)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_ingest_prints_a_json_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "003_60627964acafe3dd.txt", folder)
    out = newsqa("ingest", str(folder), "--store", str(tmp_path / "store"), "--json",
                 cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)  # the whole of stdout is one JSON object
    assert {k: summary[k] for k in ("articles_added", "articles_updated", "articles_unchanged",
                                    "articles_skipped")} == {
        "articles_added": 1, "articles_updated": 0, "articles_unchanged": 0,
        "articles_skipped": 0}
    assert summary["chunks"] >= 2 and summary["seconds"] > 0
    assert "Traceback" not in out.stderr


def test_list_shows_seven_with_real_headlines(fresh_store: Path, tmp_path: Path) -> None:
    rows = _listing(fresh_store, tmp_path)
    assert {r["title"] for r in rows} == TITLES
    assert {"id", "title", "outlet", "published", "source", "chunks"} <= set(rows[0])
    portland = next(r for r in rows if "Portland" in str(r["title"]))
    assert portland["published"] == "2026-01-09"
    assert 2000 < int(str(portland["length"])) < 3000  # the cleaned text, not the whole file
    assert str(portland["source"]).endswith("000_7b04a166e35a1883.txt#2")
    table = newsqa("list", "--store", str(fresh_store), cwd=tmp_path, columns=80)
    assert table.returncode == 0 and "7 articles" in table.stdout
    # In an 80-column terminal every id stays whole, to be copied into `newsqa remove`, and
    # every article is one line (a title folded over six lines hid the rest of the list).
    assert all(str(r["id"]) in table.stdout for r in rows)
    lines = table.stdout.splitlines()
    assert max(map(len, lines)) <= 80
    assert sum(str(r["id"]) in line for line in lines for r in rows) == len(rows)
    assert sum(line.startswith("│") for line in lines) == len(rows)
    assert "outlet" in lines[2] and "NewsTrack" in table.stdout  # the chunks give way to it
    wide = newsqa("list", "--store", str(fresh_store), cwd=tmp_path, columns=200).stdout
    assert "000_7b04a166e35a1883.txt#2" in wide and "NewsTrack" in wide  # room: shown whole


def test_reingest_and_remove_by_id_and_by_source(fresh_store: Path, tmp_path: Path) -> None:
    out = newsqa("ingest", str(SAMPLES), "--store", str(fresh_store), "--json", cwd=tmp_path)
    summary = json.loads(out.stdout)
    assert (summary["articles_unchanged"], summary["articles_added"], summary["chunks"]) == (
        7, 0, 0)
    rows = _listing(fresh_store, tmp_path)
    taiwan = next(r for r in rows if str(r["title"]).startswith("Taiwan"))
    out = newsqa("remove", str(taiwan["id"]), "--store", str(fresh_store), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Taiwan Demonstrates" in out.stdout
    out = newsqa("remove", str(SAMPLES / "001_3be547948df8e2c1.txt"), "--store",
                 str(fresh_store), cwd=tmp_path)
    assert out.returncode == 0 and "Russia Ratifies Defence Pact" in out.stdout
    assert {r["title"] for r in _listing(fresh_store, tmp_path)} == TITLES - {
        str(taiwan["title"]), "Russia Ratifies Defence Pact with North Korea Amid Rising Tensions"}


@pytest.mark.parametrize("args", [
    ("ingest", "/no/such/folder"),
    ("ingest", "/no/such/*.txt"),
    ("ingest",),
    ("remove", "0123456789abcdef"),
])
def test_errors_are_a_message_and_a_non_zero_exit(args: tuple[str, ...], fresh_store: Path,
                                                  tmp_path: Path) -> None:
    out = newsqa(*args, "--store", str(fresh_store), cwd=tmp_path)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr and "Error:" in out.stderr
    assert len(out.stderr.strip().splitlines()) <= 3
    if args[0] == "ingest" and len(args) > 1:
        assert args[1] in out.stderr


def test_warnings_name_the_bad_files_and_the_rest_is_ingested(fresh_store: Path,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[bold]blank.txt").write_text("\n")  # a name rich would read as markup
    out = newsqa("ingest", str(folder), str(SAMPLES), "--store", str(fresh_store), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "[bold]blank.txt" in out.stderr and "empty" in out.stderr
    assert "7 unchanged" in out.stdout and "1 skipped" in out.stdout


def test_a_path_naming_nothing_is_said_and_the_rest_is_ingested(tmp_path: Path) -> None:
    store = tmp_path / "store"
    out = newsqa("ingest", str(SAMPLES), str(tmp_path / "typo.txt"), "--store", str(store),
                 "--json", cwd=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr  # a script can tell
    summary = json.loads(out.stdout)
    assert summary["articles_added"] == 7 and summary["missing"] == [str(tmp_path / "typo.txt")]
    assert "typo.txt" in out.stderr and "the rest was ingested" in out.stderr
    # With nothing else readable, each file's reason is said, not the typo's alone.
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    (tmp_path / "blank.txt").write_text("\n")
    bad = newsqa("ingest", str(tmp_path / "x.bin"), str(tmp_path / "blank.txt"),
                 str(tmp_path / "typo.txt"), "--store", str(store), cwd=tmp_path)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    for said in ("typo.txt: no such file", "x.bin: unsupported file type", "blank.txt: is empty"):
        assert said in bad.stderr, bad.stderr


def test_an_ingest_that_reads_nothing_exits_non_zero_and_loses_nothing(
        fresh_store: Path, tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    blank, pipe = tmp_path / "blank.txt", tmp_path / "pipe.txt"
    blank.write_text("\n")
    os.mkfifo(pipe)  # read, it would wait for a writer forever
    out = newsqa("ingest", str(blank), str(pipe), "--store", str(fresh_store), cwd=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "Nothing was ingested" in out.stderr and "not a regular file" in out.stderr
    empty = tmp_path / "none.json"  # a container of no articles reads nothing either
    empty.write_text("[]")
    nothing = newsqa("ingest", str(empty), "--store", str(fresh_store), cwd=tmp_path)
    assert nothing.returncode == 1 and "holds no article records" in nothing.stderr
    bare = tmp_path / "bare"  # a folder of nothing ingestible: said so, not "no such file"
    bare.mkdir()
    (bare / "notes.xyz").write_text("x")
    folder = newsqa("ingest", str(bare), "--store", str(fresh_store), cwd=tmp_path)
    assert folder.returncode == 1 and "no supported file in it" in folder.stderr
    assert "no such file" not in folder.stderr
    assert "2 skipped" in out.stdout
    assert {r["title"] for r in _listing(fresh_store, tmp_path)} == TITLES


def test_ctrl_c_during_an_ingest_says_what_is_kept_and_a_rerun_finishes(tmp_path: Path) -> None:
    import signal

    from index.writelock import StoreLock

    folder, store = tmp_path / "in", tmp_path / "store"
    folder.mkdir()
    for n in range(150):
        (folder / f"{n:03}.txt").write_text(
            f"Harbour report number {n}\n\nThe harbour at Stromness{n} reopened on Monday after "
            f"repairs to quay {n}, the council said.\nFerries resumed at noon.\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSQA_")}
    run = subprocess.Popen([str(NEWSQA), "ingest", str(folder), "--store", str(store)],
                           cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    deadline = time.monotonic() + 120
    while not StoreLock(store).busy() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # until it writes
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "Traceback" not in err, err
    assert "Interrupted" in err and "run the same command again" in err
    again = newsqa("ingest", str(folder), "--store", str(store), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(_listing(store, tmp_path)) == 150  # each article once


# -- the progress bar ----------------------------------------------------------------------------
def test_progress_bar_shows_articles_rate_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsqa import progress as progress_module

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=160, color_system=None)
    monkeypatch.setattr(progress_module, "err_console", console)
    with progress_module.ingest_progress(enabled=True) as update:
        assert update is not None
        update(IngestProgress(0, 40, 0, 0.0))
        update(IngestProgress(10, 40, 120, 2.0))
        time.sleep(0.3)  # rich refreshes the live display on a timer
        update(IngestProgress(20, 40, 240, 4.0))
        time.sleep(0.3)
    shown = buffer.getvalue()
    assert "20/40" in shown and "articles" in shown
    assert "240 chunks" in shown and "60.0 chunks/s" in shown
    assert "-:--:--" in shown or "0:00:0" in shown  # the time-left column


def test_progress_bar_off_for_json() -> None:
    from newsqa.progress import ingest_progress

    with ingest_progress(enabled=False) as update:
        assert update is None


def test_removing_a_folder_asks_first(fresh_store: Path, tmp_path: Path) -> None:
    """`remove .` named every source under the working directory and emptied the store."""
    out = newsqa("remove", str(SAMPLES), "--store", str(fresh_store), cwd=tmp_path)
    assert out.returncode == 1 and "is a folder" in out.stderr and "--yes" in out.stderr
    assert "Usage:" not in out.stderr and "Nothing was removed" in out.stderr
    assert len(_listing(fresh_store, tmp_path)) == 7  # nothing went
    out = newsqa("remove", str(SAMPLES), "--yes", "--store", str(fresh_store), cwd=tmp_path)
    assert out.returncode == 0 and _listing(fresh_store, tmp_path) == []
