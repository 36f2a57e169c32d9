"""Fault and bad-input battery, part 2 (issue 14): the CLI, the UI and the store under faults.
Batch files that are not UTF-8, commands run before any index exists, an ingest that must not
freeze questions nor wait silently for another, the login page, hostile upload names, and a
SIGKILL between the chunk and the article writes. (Part 1: test_faults.py.)"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from assistant import Answer, Assistant
from assistant.errors import InvalidRequestError
from assistant.settings import Settings
from index import IngestProgress, IngestStatus, NewsIndex, StoreConfig
from index.writelock import StoreLock
from newsqa.cli_ask import _check_date
from newsqa.cli_batch import Dates, run_batch
from tests.llama_server import free_port
from ui.articles import ArticlesController
from ui.errors import UploadError
from ui.uploads import save_uploads, upload_dir

from .conftest import ROOT, SAMPLES

NEWSQA = Path(sys.executable).with_name("newsqa")
MODEL = "all-MiniLM-L6-v2"
KURSK = "How many North Korean troops are in Kursk?"
STORY = ("Ferry Service Resumes\nThe ferry service to the Orkney islands resumed on Sunday "
         "after a week of storms, the operator said.\n")


def newsqa(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("OPENAI_", "NEWSQA_"))} | {"HF_HUB_OFFLINE": "1"}
    return subprocess.run([str(NEWSQA), *args], input=stdin, capture_output=True, text=True,
                          timeout=300, env=environ, check=False)


def settings_for(store: Path, **fields: Any) -> Settings:
    given: dict[str, Any] = {"llm": "extractive", "ui_auth": None, **fields}
    return Settings(store=store, _env_file=None, **given)


def wait_for(condition: Callable[[], bool], seconds: float = 120) -> bool:
    """Poll until `condition` holds; False if it never did (a deadlock, not a slow machine)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# -- batch files that are not UTF-8 ----------------------------------------------------------
def _batch(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_a_batch_line_that_is_not_utf8_fails_alone(
        assistant: Assistant, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _batch(tmp_path, [
        json.dumps({"id": "a", "question": KURSK}).encode(),
        b'{"id": "b", "question": "Who visited the caf\xe9?"}',  # Latin-1, not UTF-8
        json.dumps({"id": "c", "question": "Which treaty did Russia ratify?"}).encode(),
        b"\xff\xfe\x00garbage",
    ])
    with pytest.raises(typer.Exit) as ended:  # after every line: a script can tell
        run_batch(assistant, path, Dates(since=None, until=None, as_of=None))
    assert ended.value.exit_code == 1
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", 2, "c", 4]
    assert [r["line"] for r in rows] == [1, 2, 3, 4]
    for good in (rows[0], rows[2]):  # asked and answered from the samples
        assert "error" not in good and good["answer"] and good["retrieved"]
    for bad, byte in ((rows[1], "0xe9"), (rows[3], "0xff")):
        assert "not valid UTF-8" in bad["error"] and byte in bad["error"]
        assert "save the file as UTF-8" in bad["error"]
    assert "2 line(s) not answered (line 2, 4)" in err


def test_a_batch_file_with_a_byte_order_mark_is_read(
        assistant: Assistant, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _batch(tmp_path, [b"\xef\xbb\xbf" + json.dumps({"id": "a", "question": KURSK}).encode()])
    run_batch(assistant, path, Dates(since=None, until=None, as_of=None))
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["id"] == "a" and "error" not in row


def test_the_cli_answers_the_good_lines_of_a_latin1_batch(sample_store: Path,
                                                         tmp_path: Path) -> None:
    path = _batch(tmp_path, [json.dumps({"id": "ok", "question": KURSK}).encode(),
                             "{\"id\": \"é\", \"question\": \"Où?\"}".encode("latin-1")])
    run = newsqa("ask", "--batch", str(path), "--json", "--llm", "extractive",
                 "--store", str(sample_store))
    assert run.returncode == 1 and "Traceback" not in run.stderr  # one line failed
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[0]["id"] == "ok" and rows[0]["answer"] and "error" not in rows[0]
    assert rows[1]["id"] == 2 and "not valid UTF-8" in rows[1]["error"]


# -- commands before any index exists ---------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("ask", "How many troops?"),
    ("ask", "--batch", "{batch}"),
    ("list",),
    ("list", "--json"),
    ("remove", "abc123"),
    ("chat",),
])
def test_reading_commands_say_there_is_no_index_and_create_nothing(
        tmp_path: Path, args: tuple[str, ...]) -> None:
    batch = _batch(tmp_path, [json.dumps({"question": "q"}).encode()])
    store = tmp_path / "no-such-store"
    run = newsqa(*(a.format(batch=batch) for a in args), "--store", str(store), stdin="")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "newsqa ingest" in run.stderr and "Traceback" not in run.stderr
    assert not store.exists()


@pytest.mark.parametrize("value", ["01/02/2024", "2024-01-02T25:99", "last week"])
def test_a_date_filter_that_is_ambiguous_or_wrong_is_refused(value: str) -> None:
    with pytest.raises(InvalidRequestError, match="YYYY-MM-DD"):
        _check_date(value, "--since")


# -- an ingest never freezes questions, and never waits silently ----------------------------
def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(
            f"Harbour Report Number {i}\nThe harbour of Stromness{i} handled {i} ships on "
            f"Tuesday, the port authority said.\nThe quayside of Stromness{i} was repaired.\n")
    return folder


@pytest.fixture()
def index(fresh_store: Path) -> NewsIndex:
    return NewsIndex(StoreConfig(path=fresh_store, embed_model=MODEL))


def test_a_question_during_an_ingest_is_answered_from_the_index_as_it_was(
        index: NewsIndex, fresh_store: Path, tmp_path: Path) -> None:
    helper = Assistant(settings_for(fresh_store), index=index)
    helper.ask(KURSK)  # as in a running UI: embedder and BM25 loaded
    folder = _folder(tmp_path, 6)
    writing, release = threading.Event(), threading.Event()

    def held(p: IngestProgress) -> None:  # the store is being written (dirty, locked) here
        writing.set()
        release.wait(300)

    ingest = threading.Thread(target=index.ingest, args=([folder], held))
    ingest.start()
    try:
        assert writing.wait(120)
        answers: list[Answer] = []
        asking = threading.Thread(target=lambda: answers.append(helper.ask(KURSK)))
        asking.start()
        answered = wait_for(lambda: bool(answers))
    finally:
        release.set()
        ingest.join(300)
    assert answered, "a question waited for the ingest to finish"
    assert answers[0].retrieved  # from the seven samples: none of the articles being added
    assert not [p for p in answers[0].retrieved if "Harbour Report" in p.title]
    assert len(index.list()) == 7 + 6  # and once it is done, the new articles are found
    [top] = index.lexical("Stromness3 quayside", 1)
    assert index.articles([top.chunk_id.split(":")[0]]).popitem()[1].title.endswith("Number 3")


def test_a_running_process_answers_from_articles_another_process_ingested(
        index: NewsIndex, fresh_store: Path, tmp_path: Path) -> None:
    # A UI runs; `newsqa ingest` adds an article from a terminal. On-disk Chroma loads a
    # collection's vectors once per client: the UI's must connect afresh to see the new ones.
    # Sentence vectors stored by the other process too, once this one has read some: their
    # ids are in SQLite, their vectors not in this client's index (Chroma's "Error finding id").
    assert newsqa("ingest", "--sentence-vectors", "--store", str(fresh_store)).returncode == 0
    running = Assistant(settings_for(fresh_store), index=index)
    question = "How many passengers were on the first Orkney ferry sailing?"
    assert running.ask(question).abstained
    assert "10,000" in running.ask(KURSK).text  # read through the stored sentence vectors
    story = tmp_path / "ferry.txt"
    story.write_text(STORY + "The first sailing carried 212 passengers, the harbour master "
                     "said.\n")
    assert newsqa("ingest", str(story), "--sentence-vectors", "--store", str(fresh_store)
                  ).returncode == 0
    answer = running.ask(question)
    assert "212" in answer.text and not answer.abstained
    assert [h for h in index.dense("Orkney ferry passengers", 1)
            if index.articles([h.metadata["article_id"]]).popitem()[1].title.startswith("Ferry")]


def test_an_article_another_process_removed_is_no_hit_before_a_fresh_client(
        index: NewsIndex, fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Until this client connects afresh (at most one each 30 s), its vector index still holds
    # the removed article's chunks, whose records are gone: a question asked then crashed.
    running = Assistant(settings_for(fresh_store), index=index)
    assert "10,000" in running.ask(KURSK).text
    monkeypatch.setattr(index.store, "_renew", lambda: None)  # not yet
    source = str(SAMPLES / "003_60627964acafe3dd.txt")
    assert newsqa("remove", source, "--store", str(fresh_store)).returncode == 0
    hits = index.dense(KURSK, 50)
    assert hits and all(h.metadata for h in hits)
    assert all(source not in p.source for p in running.ask(KURSK).retrieved)


def test_an_article_removed_while_a_question_is_answered_is_still_quoted(
        index: NewsIndex, fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The UI's Articles tab removes an article between a question's retrieval and its answer.
    import assistant.assistant as answering

    retrieve = answering.retrieve_asked
    texts = {a.id: a.text for a in index.store.get_articles(index.store.article_ids()).values()}

    def then_removed(*args: Any, **kwargs: Any) -> Any:
        found = retrieve(*args, **kwargs)
        index.remove(found.passages[0].article_id)
        return found

    monkeypatch.setattr(answering, "retrieve_asked", then_removed)
    answer = Assistant(settings_for(fresh_store), index=index).ask(KURSK)
    assert "10,000" in answer.text and answer.citations and len(index.list()) == 6
    assert all(texts[c.article_id][c.start:c.end] == c.quote for c in answer.citations)


def test_a_second_ingest_says_it_waits_for_the_first(index: NewsIndex, fresh_store: Path,
                                                    tmp_path: Path) -> None:
    story = tmp_path / "ferry.txt"
    story.write_text(STORY)
    notices: list[IngestStatus] = []
    reports: list[Any] = []
    with StoreLock(fresh_store).hold():  # another writer, as a CLI ingest in another process
        second = threading.Thread(
            target=lambda: reports.append(index.ingest([story], notice=notices.append)))
        second.start()
        assert wait_for(lambda: bool(notices))
        assert second.is_alive() and not reports
    second.join(300)
    assert notices[0].stage == "waiting" and str(fresh_store) in notices[0].message
    assert "waiting for it to finish" in notices[0].message
    assert reports[0].added == 1


def test_the_cli_says_it_waits_for_another_ingest(fresh_store: Path, tmp_path: Path) -> None:
    story = tmp_path / "ferry.txt"
    story.write_text(STORY)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NEWSQA_")}
    with StoreLock(fresh_store).hold():
        proc = subprocess.Popen([str(NEWSQA), "ingest", str(story), "--store", str(fresh_store),
                                 "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=environ)
        assert proc.stderr is not None
        said = b""
        deadline = time.monotonic() + 120
        while b"waiting for it to finish" not in said and time.monotonic() < deadline:
            if select.select([proc.stderr], [], [], 1)[0]:
                said += os.read(proc.stderr.fileno(), 4096)
        assert b"Another ingest is writing to" in said and proc.poll() is None
    out, _err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and json.loads(out)["articles_added"] == 1


class _Recorder:
    """Stands in for gr.Progress (a real one needs a running Gradio event)."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def __call__(self, value: Any, desc: str | None = None, **_: Any) -> None:
        self.said.append(desc or "")


def test_an_upload_into_a_busy_index_says_it_waits(fresh_store: Path, tmp_path: Path) -> None:
    story = tmp_path / "ferry.txt"
    story.write_text(STORY)
    arts = ArticlesController(Assistant(settings_for(fresh_store)))
    progress = _Recorder()
    done: list[Any] = []
    with StoreLock(fresh_store).hold():
        upload = threading.Thread(target=lambda: done.append(
            arts.upload([str(story)], progress=progress)))  # type: ignore[arg-type]
        upload.start()
        assert wait_for(lambda: any("waiting" in s for s in progress.said))
        assert not done
    upload.join(300)
    assert "1 added" in done[0][0]


def test_cleaning_reports_its_progress(index: NewsIndex, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from index import ingest as pipeline

    monkeypatch.setattr(pipeline, "_NOTICE_SECONDS", 0.0)
    notices: list[IngestStatus] = []
    index.ingest([_folder(tmp_path, 3)], notice=notices.append)
    assert [(n.stage, n.done, n.total) for n in notices] == [("cleaning", i, 3) for i in range(3)]
    assert notices[1].message == "Cleaning 1/3 documents…"


# -- the login page and every route ------------------------------------------------------------
@pytest.fixture(scope="module")
def guarded(sample_store: Path) -> Iterator[tuple[str, Any]]:
    from ui.server import serve

    port = free_port()
    # Served as ingested: the UI's background sentence vectors would write into the shared
    # sample store, which the session's other tests expect to hold none.
    settings = settings_for(sample_store, ui_auth="reader:secret", sentence_vectors="off")
    demo = serve(Assistant(settings), "127.0.0.1", port, block=False, quiet=True)
    yield f"http://127.0.0.1:{port}", demo
    demo.close()


def _get(url: str, data: bytes | None = None) -> tuple[int, str]:
    try:
        response = urllib.request.urlopen(url, data=data, timeout=5)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(200_000).decode("utf-8", "replace")
    body = b""
    with response:
        try:
            while len(body) < 200_000 and (chunk := response.read1(65_536)):
                body += chunk
        except TimeoutError:  # a stream that stays open (Gradio's heartbeat): what came is read
            pass
    return response.status, body.decode("utf-8", "replace")


def _routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """Every (path, methods) of the app, through mounts and included routers."""
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI >= 0.120 keeps included routers whole
            yield from _routes(route.original_router.routes,
                               prefix + route.include_context.prefix)
        elif hasattr(route, "routes"):
            yield from _routes(route.routes, prefix + route.path)
        else:
            yield prefix + route.path, set(getattr(route, "methods", None) or {"GET"})


# What only a signed-in user may see: event names, the page's widgets, article text, the store.
SECRETS = ("respond", "add_url", "new_chat", "nq-question", "Russia Ratifies",
           "North Korean troops", "sample-store", "root:x:0")


@pytest.mark.parametrize("path", ["/", "/?all_endpoints=true", "/config", "/gradio_api/info",
                                  "/gradio_api/info?all_endpoints=true", "/openapi.json"])
def test_the_login_page_and_api_pages_show_nothing_before_login(
        guarded: tuple[str, Any], path: str) -> None:
    _status, body = _get(guarded[0] + path)
    assert not [s for s in SECRETS if s in body]


def test_every_route_refuses_or_shows_nothing_before_login(guarded: tuple[str, Any]) -> None:
    import re

    base, demo = guarded
    checked = 0
    for path, methods in _routes(demo.app.routes):
        url = base + re.sub(r"\{[^}]*\}", "x", path).replace("file=x", "file=/etc/passwd")
        for method in methods & {"GET", "POST"}:
            status, body = _get(url, b"{}" if method == "POST" else None)
            leaked = [s for s in SECRETS if s in body]
            assert not leaked, (method, path, status, leaked)
            checked += 1
    assert checked >= 40


# -- hostile upload names ----------------------------------------------------------------------
HOSTILE = [
    "../../etc/passwd.txt", "..\\..\\Windows\\win.ini.md", "/etc/cron.d/evil.txt",
    "~/.bashrc.txt", "%2e%2e%2fsecret.txt", "..%2f..%2fx.txt", "a/../../b.txt",
    "\x00.txt", "CON.txt", ".txt", "....//....//x.txt", "x" * 300 + ".txt", "名前.txt",
    "\u202etxt.exe.md", "a\nb.txt", "file:///etc/passwd.txt", "\\\\server\\share\\x.txt",
    "C:\\Windows\\x.txt", "./.././x.txt", "uploads/../../x.txt", ".git/config.md",
    "-rf.txt", "$(rm -rf ~).txt", "`id`.txt", "..", "story.txt/..", "ok.txt\x00.sh",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_no_upload_name_escapes_the_upload_folder(tmp_path: Path, name: str) -> None:
    src = tmp_path / "incoming.bin"
    src.write_text(STORY)
    store = tmp_path / "store"
    before = set(tmp_path.rglob("*"))
    try:
        [saved] = save_uploads([(src, name)], store, max_mb=1)
    except UploadError as exc:  # refused: fine, with a message saying what to upload
        assert "upload" in str(exc).lower()
        saved = None
    new = set(tmp_path.rglob("*")) - before
    folder = upload_dir(store).resolve()
    assert all(p.resolve() == folder or folder in p.resolve().parents
               or p.resolve() in folder.parents for p in new)
    if saved is not None:
        assert saved.resolve().parent == folder and saved.read_text() == STORY


# -- SIGKILL between the chunk and the article writes -----------------------------------------
_KILLED_BETWEEN = """
import os, signal, sys
import index.store
from index import NewsIndex, StoreConfig

def die(*args, **kwargs):  # the chunks are written; the article records are next
    os.kill(os.getpid(), signal.SIGKILL)

index.store.article_metadata = die
NewsIndex(StoreConfig(path=sys.argv[1], embed_model="all-MiniLM-L6-v2")).ingest([sys.argv[2]])
"""


def test_a_kill_between_chunk_and_article_writes_loses_nothing_and_duplicates_nothing(
        fresh_store: Path, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    run = subprocess.run([sys.executable, "-c", _KILLED_BETWEEN, str(fresh_store), str(folder)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == -9, run.stderr
    index = NewsIndex(StoreConfig(path=fresh_store, embed_model=MODEL))
    assert len(index.list()) == 7 and index.needs_repair()
    known = {a.id for a in index.list()}
    assert index.store.count_chunks() > sum(a.n_chunks for a in index.list())  # orphans
    hits = index.lexical("North Korean troops Stromness2 harbour quayside", 10)
    assert hits and all(h.chunk_id.split(":")[0] in known for h in hits)  # none shown
    report = index.ingest([folder])
    assert report.added == 4 and len(index.list()) == 11 and not index.needs_repair()
    articles = index.store.list_articles()
    expected = {f"{a.id}:{i}" for a in articles for i in range(a.n_chunks)}
    assert set(dict(index.store.iter_chunk_meta())) == expected
    assert index.store.count_chunks() == len(expected)  # no duplicate, no orphan
    assert sorted(NewsIndex(index.config).bm25().ids) == sorted(expected)
