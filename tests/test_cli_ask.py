"""`newsqa ask` and `newsqa chat` as a user runs them: the installed console script in a
subprocess, over a real store of the sample articles. Errors must be one clear line, exit code
1, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.llama_server import free_port

NEWSQA = Path(sys.executable).with_name("newsqa")
TROOPS = "How many North Korean troops are in Kursk?"
ISSUE_KEYS = {"question", "answer", "abstained", "citations", "llm", "timings"}
CITATION_KEYS = {"n", "quote", "article_id", "title", "outlet", "published", "source", "start",
                 "end"}


def newsqa(*args: str, stdin: str | None = None, timeout: float = 180,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("OPENAI_", "NEWSQA_"))} | {"HF_HUB_OFFLINE": "1"}
    return subprocess.run([str(NEWSQA), *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=environ | (env or {}), check=False)


def sample_texts(store: Path) -> dict[str, str]:
    from index import NewsIndex, StoreConfig

    index = NewsIndex(StoreConfig(path=store, embed_model="all-MiniLM-L6-v2"))
    return {a.id: a.text for a in index.store.list_articles() for a in
            index.articles([a.id]).values()}


def assert_citations_verbatim(obj: dict[str, Any], texts: dict[str, str]) -> None:
    for c in obj["citations"]:
        assert set(c) == CITATION_KEYS
        assert texts[c["article_id"]][c["start"]:c["end"]] == c["quote"]


def test_ask_json_prints_the_answer_object(sample_store: Path) -> None:
    run = newsqa("ask", TROOPS, "--json", "--llm", "extractive", "--store", str(sample_store),
                 "--top-k", "3")
    assert run.returncode == 0, run.stderr
    obj = json.loads(run.stdout)
    assert set(obj) >= ISSUE_KEYS
    assert obj["question"] == TROOPS and obj["llm"] == "extractive"
    assert not obj["abstained"] and "10,000" in obj["answer"]
    assert len(obj["retrieved"]) <= 3
    assert_citations_verbatim(obj, sample_texts(sample_store))
    # --since/--until filter on the published date: only two sample articles carry one.
    run = newsqa("ask", "Where did a US immigration agent shoot and wound two people?",
                 "--json", "--llm", "extractive", "--store", str(sample_store),
                 "--since", "2025-01-01", "--until", "2026-12-31")
    dated = json.loads(run.stdout)
    assert not dated["abstained"] and "Portland" in dated["short_answer"]["text"]
    assert {p["published"] for p in dated["retrieved"]} == {"2026-01-09"}


def test_batch_writes_one_object_per_line_with_its_id(sample_store: Path,
                                                      tmp_path: Path) -> None:
    yoon = "Who visited South Korea with President Yoon?"
    lines = [
        {"id": "q1", "question": TROOPS},
        {"id": "q2", "question": "And what did Poland agree to?",
         "history": [{"role": "user", "content": yoon},
                     {"role": "assistant", "content": "Polish President Andrzej Duda [1]"}]},
        {"id": "q3", "question": "What is the capital of France?"},
        {"id": "q4", "question": "   "},
        "not an object",
        {"id": "q6", "question": TROOPS, "history": "not a list"},
        {"id": "q7"},  # no question: the error keeps the line's own id
    ]
    batch = tmp_path / "questions.jsonl"
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n{broken json\n",
                     encoding="utf-8")
    run = newsqa("ask", "--batch", str(batch), "--json", "--llm", "extractive", "--store",
                 str(sample_store))
    assert run.returncode == 1 and "5 line(s) not answered" in run.stderr, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["id"] for o in out] == ["q1", "q2", "q3", "q4", 5, "q6", "q7", 9]
    q1, q2, q3, q4, bad, q6, q7, broken = out
    assert '"question" string' in q7["error"]
    texts = sample_texts(sample_store)
    for answer in (q1, q2, q3):
        assert set(answer) >= ISSUE_KEYS
        assert_citations_verbatim(answer, texts)
    assert "Yoon" in q2["query"] and not q2["abstained"]
    assert q3["abstained"]
    assert "empty" in q4["error"]
    assert '"question" string' in bad["error"]
    assert "history" in q6["error"]
    assert "not JSON" in broken["error"]


def test_a_batch_line_sets_its_own_options_and_a_misspelt_one_fails_it(
        sample_store: Path, tmp_path: Path) -> None:
    lines = [
        {"id": "k1", "question": TROOPS, "top_k": 1, "note": "an eval set's own field"},
        {"id": "d1", "question": TROOPS, "since": "2030-01-01"},
        {"id": "x1", "question": TROOPS, "top-k": 1},
        {"id": "b1", "question": TROOPS, "top_k": 0},
        {"id": "l1", "question": TROOPS, "llm": ["x"]},
    ]
    batch = tmp_path / "options.jsonl"
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    run = newsqa("ask", "--batch", str(batch), "--json", "--llm", "extractive", "--store",
                 str(sample_store))
    assert "Traceback" not in run.stderr, run.stderr
    k1, d1, x1, b1, l1 = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(k1["retrieved"]) == 1 and "error" not in k1  # its own top_k; "note" is its own
    assert d1["abstained"] and "2030-01-01" in d1["answer"]  # its own date range
    assert x1["id"] == "x1" and "'top-k'" in x1["error"] and "'top_k'" in x1["error"]
    assert "top_k" in b1["error"] and "Unknown backend" in l1["error"] and run.returncode == 1


def test_an_empty_batch_or_an_unusable_backend_fails_once(sample_store: Path,
                                                         tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    run = newsqa("ask", "--batch", str(empty), "--store", str(sample_store))
    assert run.returncode == 1 and "holds no questions" in run.stderr and not run.stdout
    two = tmp_path / "two.jsonl"
    two.write_text(json.dumps({"question": TROOPS}) + "\n" + json.dumps({"question": TROOPS})
                   + "\n", encoding="utf-8")
    run = newsqa("ask", "--batch", str(two), "--llm", "openai", "--store", str(sample_store))
    assert run.returncode == 1 and not run.stdout  # said once, before any line
    assert run.stderr.count("OPENAI_API_KEY") == 1, run.stderr


def test_chat_answers_follow_ups_from_piped_lines(sample_store: Path) -> None:
    stdin = ("Which Polish president visited South Korea?\n"
             "And what did Poland agree to?\n"
             "/new\n"
             "\n"
             "What is the capital of France?\n"
             "/quit\n")
    run = newsqa("chat", "--llm", "extractive", "--store", str(sample_store), stdin=stdin)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    out = run.stdout
    assert out.count("you>") >= 4
    assert "Duda" in out  # first answer
    assert "K2 tanks" in out or "Korea-Poland" in out  # the follow-up, about Poland
    assert "The articles don't say" in out
    assert "A new conversation" in out  # /new says it was done


def test_chat_shows_an_error_with_brackets_and_goes_on(sample_store: Path) -> None:
    # The dead server's address has "[/v1]" in it: printed as markup, it ended the chat.
    dead = f"http://127.0.0.1:{free_port()}/[/v1]"
    run = newsqa("chat", "--llm", "openai", "--store", str(sample_store),
                 stdin="How many troops are in Kursk?\n/quit\n",
                 env={"NEWSQA_OPENAI_BASE_URL": dead, "NEWSQA_MAX_RETRIES": "0"})
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "Cannot reach the LLM server" in run.stderr and "[/v1]" in run.stderr


def test_chat_answers_a_slash_word_with_its_commands_not_as_a_question(sample_store: Path
                                                                       ) -> None:
    run = newsqa("chat", "--llm", "extractive", "--store", str(sample_store),
                 stdin="/help\n/foo\n/quit\n")
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Commands: /new starts over") == 2
    assert "The articles don't say" not in run.stdout and "[1]" not in run.stdout


def test_ctrl_c_stops_an_answer_not_the_conversation(sample_store: Path) -> None:
    """A server that takes the request and never answers: Ctrl-C gives the prompt back (it
    ended the chat, exit 130), and the next line is still read."""
    import signal
    import socket
    import threading
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("OPENAI_", "NEWSQA_"))} | {
        "HF_HUB_OFFLINE": "1", "NEWSQA_MAX_RETRIES": "0",
        "NEWSQA_OPENAI_BASE_URL": f"http://127.0.0.1:{silent.getsockname()[1]}/v1"}
    chat = subprocess.Popen([str(NEWSQA), "chat", "--llm", "openai", "--store",
                             str(sample_store)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environ)
    seen: list[str] = []
    assert chat.stdin is not None and chat.stdout is not None
    reader = threading.Thread(target=lambda: seen.extend(chat.stdout or []), daemon=True)
    reader.start()
    try:
        chat.stdin.write(f"{TROOPS}\n")
        chat.stdin.flush()
        silent.settimeout(60)
        silent.accept()  # the question reached the server, which stays silent
        for _ in range(10):  # a signal that lands before the wait begins is sent again
            chat.send_signal(signal.SIGINT)
            time.sleep(1)
            if any("Stopped. Ask again" in line for line in seen):
                break
        chat.stdin.write("/quit\n")
        chat.stdin.close()
        chat.wait(timeout=60)
    finally:
        chat.kill()
        silent.close()
    # The lines written before the exit may still be on their way to `seen` (a busy machine
    # read them after the assertion).
    reader.join(timeout=30)
    err = chat.stderr.read() if chat.stderr else ""
    assert chat.returncode == 0, err
    assert any("Stopped. Ask again" in line for line in seen) and "Traceback" not in err


def test_chat_ends_cleanly_at_end_of_input(sample_store: Path) -> None:
    run = newsqa("chat", "--llm", "extractive", "--store", str(sample_store), stdin="")
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["ask", "   "], "question is empty"),
    (["ask", "x" * 2001], "limit is 2,000"),
    (["ask", TROOPS, "--since", "soon"], "--since 'soon' is not a date"),
    (["ask", TROOPS, "--top-k", "0"], "top_k"),
    (["ask", TROOPS, "--llm", "gpt"], "Registered backends: auto, openai, local, extractive"),
    (["ask"], "Give a QUESTION or --batch FILE"),
])
def test_usage_errors_are_one_clear_line(sample_store: Path, args: list[str],
                                         message: str) -> None:
    run = newsqa(*args, "--store", str(sample_store))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert message in run.stderr
    assert run.stderr.startswith("Error:")


def test_a_refused_question_asked_for_json_is_a_json_error_too(sample_store: Path) -> None:
    """A program reading `--json` got nothing on stdout for a refused question (the tenth
    tester's): now an object with the error, besides the one line on stderr."""
    run = newsqa("ask", "   ", "--json", "--store", str(sample_store))
    assert run.returncode == 1 and run.stderr.startswith("Error:")
    assert "question is empty" in json.loads(run.stdout)["error"]
    # So is one refused before it is asked: a date that is none, an index that is none.
    run = newsqa("ask", TROOPS, "--json", "--since", "soon", "--store", str(sample_store))
    assert run.returncode == 1 and "is not a date" in json.loads(run.stdout)["error"]
    run = newsqa("ask", TROOPS, "--json", "--store", str(sample_store.parent / "nothing"))
    assert run.returncode == 1 and "newsqa ingest" in json.loads(run.stdout)["error"]


def test_no_index_yet_says_run_ingest(tmp_path: Path) -> None:
    for command in (["ask", TROOPS], ["chat"]):
        run = newsqa(*command, "--llm", "extractive", "--store", str(tmp_path / "nothing"),
                     stdin="")
        assert run.returncode == 1
        assert "Traceback" not in run.stderr
        assert "newsqa ingest" in run.stderr


def test_unreachable_llm_server_is_a_clear_error(sample_store: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    run = newsqa("ask", TROOPS, "--llm", "openai", "--store", str(sample_store), timeout=60,
                 env={"OPENAI_BASE_URL": url, "NEWSQA_TIMEOUT": "2", "NEWSQA_MAX_RETRIES": "0"})
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"Cannot reach the LLM server at {url}" in run.stderr
    assert "--llm extractive" in run.stderr
