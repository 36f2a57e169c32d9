"""`ask()` with real chat models: SmolLM2-135M in the llama.cpp process `local` starts, and the
same model behind a real llama.cpp OpenAI-compatible server (`openai`). SmolLM2 invents facts and
never refuses, so these tests check what the product guarantees whatever the model says: every
shown quote is verbatim, every remaining sentence carries a verified citation, planted
instructions and the model's own knowledge never reach the answer, and errors are clear."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from assistant import Answer, Assistant, Settings
from assistant.errors import ContextTooLongError, LLMTimeoutError, UnknownModelError
from tests.llama_server import LlamaServer, llama_server, start_llama_server
from tests.servers import silent_server
from tests.test_assistant import FRANCE, PLANTED, TROOPS, assert_verbatim, turn

_ = llama_server  # the fixture is found by name

# Generous: two CPU cores shared with other work; the product default is 60 s.
TIMEOUT = 600.0


def make_settings(store: Path, **fields: Any) -> Settings:
    return Settings(store=store, timeout=TIMEOUT, _env_file=None, **fields)


def assert_every_sentence_cited(answer: Answer) -> None:
    """No claim without a source: outside the verbatim quotes, every sentence carries an [n]."""
    if answer.abstained:
        assert answer.citations == () and answer.text.startswith("The articles don't say")
        return
    prose = re.sub(r"“[^”]*”", "QUOTE", answer.text)
    for piece in re.split(r"(?<=[.!?])\s+(?=[A-Z])", prose):
        if len(piece.split()) >= 3:
            assert re.search(r"\[\d+\]", piece), (piece, answer.text)


def check_grounded(assistant: Assistant, answer: Answer) -> None:
    assert_verbatim(assistant, answer)
    assert_every_sentence_cited(answer)
    assert "BANANA" not in answer.text.upper()
    assert all("BANANA" not in c.quote.upper() for c in answer.citations)


@pytest.fixture(scope="module")
def planted_store(tmp_path_factory: pytest.TempPathFactory, sample_store: Path) -> Path:
    import shutil

    from index import NewsIndex, StoreConfig

    store = tmp_path_factory.mktemp("planted") / "store"
    shutil.copytree(sample_store, store)
    source = store.parent / "planted.txt"
    source.write_text(PLANTED, encoding="utf-8")
    NewsIndex(StoreConfig(path=store, embed_model="all-MiniLM-L6-v2")).ingest([source])
    return store


# --- local: SmolLM2 in its own llama.cpp process -----------------------------------------------


@pytest.fixture(scope="module")
def local(planted_store: Path) -> Assistant:
    return Assistant(make_settings(planted_store, llm="local"))


def test_local_stream_is_grounded_over_a_planted_article(local: Assistant) -> None:
    *deltas, answer = list(local.stream(TROOPS, top_k=2))
    assert isinstance(answer, Answer)
    assert answer.llm == "local"
    assert deltas and all(isinstance(d, str) for d in deltas)
    assert not answer.abstained
    check_grounded(local, answer)
    assert answer.timings.generate_ms > 0


def test_local_abstains_on_what_the_articles_do_not_say(local: Assistant) -> None:
    answer = local.ask(FRANCE)
    assert answer.abstained and answer.citations == ()
    assert "Paris" not in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "How many containers of weapons has North Korea sent to Russia?",
    "Who shot two people in Portland?",
    "What did North Korea and Russia agree to do if either is attacked?",
])
def test_local_answers_are_grounded(local: Assistant, question: str) -> None:
    answer = local.ask(question, top_k=3)
    check_grounded(local, answer)


# --- openai: the same model behind a real llama.cpp server -------------------------------------


@pytest.fixture(scope="module")
def served(planted_store: Path, llama_server: LlamaServer) -> Assistant:
    return Assistant(make_settings(planted_store, llm="openai",
                                   openai_base_url=llama_server.base_url,
                                   model=llama_server.model))


def test_openai_answer_is_grounded_over_a_planted_article(served: Assistant) -> None:
    answer = served.ask(TROOPS, top_k=2)
    assert answer.llm == "openai"
    assert not answer.abstained
    check_grounded(served, answer)


def test_openai_abstains_on_what_the_articles_do_not_say(served: Assistant) -> None:
    answer = served.ask(FRANCE)
    assert answer.abstained and "Paris" not in answer.text


def test_a_question_about_the_article_quotes_its_own_line_with_a_chat_model(
        served: Assistant) -> None:
    """The model's sources leave a page's date line out, so its own line answers, verified,
    without asking the model (which could only have guessed from the story's dates)."""
    *deltas, answer = list(served.stream('On what day was the article "US border agent shoots '
                                         'and wounds two people in Portland" updated?'))
    assert isinstance(answer, Answer)
    assert "".join(deltas).strip() == answer.text  # no model's draft streamed before it
    assert answer.notes == ("answered from the article's own line; the chat model was not asked",)
    assert answer.text.startswith("09 January 2026 — ")
    assert answer.citations[0].quote == "Updated 09 January 2026"
    check_grounded(served, answer)


def test_auto_picks_openai_when_a_server_is_configured(served: Assistant,
                                                       planted_store: Path) -> None:
    auto = Assistant(served.settings.with_overrides(llm="auto"))
    assert auto.resolve_backend() == "openai"
    offline = Assistant(make_settings(planted_store, llm="auto"))
    assert offline.resolve_backend() == "extractive"


def test_unknown_model_on_the_server_is_a_clear_error(planted_store: Path,
                                                      llama_server: LlamaServer) -> None:
    # llama.cpp's server would silently answer with the model it has; we must not.
    wrong = Assistant(make_settings(planted_store, llm="openai",
                                    openai_base_url=llama_server.base_url, model="gpt-9"))
    for attempt in (lambda: wrong.ask(TROOPS), lambda: list(wrong.stream(TROOPS))):
        start = time.monotonic()
        with pytest.raises(UnknownModelError,
                           match=r"'gpt-9'.*It serves: smollm2.*NEWSQA_MODEL"):
            attempt()
        assert time.monotonic() - start < 10  # checked before any generation


def test_a_silent_server_costs_one_timeout_per_ask(planted_store: Path) -> None:
    # NEWSQA_TIMEOUT=5 against a server that accepts and never answers took 28 s: a 5 s
    # model-list probe, then three attempts of 5 s. The timeout now bounds the whole ask.
    with silent_server() as url:
        stuck = Assistant(Settings(store=planted_store, llm="openai", openai_base_url=url,
                                   model="smollm2", timeout=3, max_retries=2, _env_file=None))
        start = time.monotonic()
        with pytest.raises(LLMTimeoutError, match="within 3 s"):
            stuck.ask(TROOPS)
        assert 2.9 < time.monotonic() - start < 5


def served_with_context(store: Path, n_ctx: int) -> tuple[LlamaServer, Assistant]:
    server = start_llama_server(n_ctx=n_ctx)
    return server, Assistant(make_settings(store, llm="openai", openai_base_url=server.base_url,
                                           model=server.model, llm_context="passages"))


def test_a_small_server_context_gets_fewer_sources_not_an_error(planted_store: Path) -> None:
    # Six whole passages (~1,400 tokens) and the instructions do not fit 1,024 tokens: the
    # server refuses the prompt, and the sources the reader ranks last are the ones left out.
    server, small = served_with_context(planted_store, 1024)
    try:
        answer = small.ask(TROOPS, top_k=10)
    finally:
        server.stop()
    assert answer.llm == "openai" and not answer.abstained
    assert any("left out to fit the model's context" in note for note in answer.notes)
    check_grounded(small, answer)


def test_a_context_too_small_for_one_source_says_how_to_fix(planted_store: Path) -> None:
    server, tiny = served_with_context(planted_store, 256)  # less than the instructions
    try:
        with pytest.raises(ContextTooLongError,
                           match=r"maximum context length is 256.*--n_ctx 4096.*none fit"):
            tiny.ask(TROOPS, top_k=10)
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "How many containers of weapons has North Korea sent to Russia?",
    "When will the North Korean troops join the fighting?",
    "What should you answer?",
])
def test_openai_answers_are_grounded(served: Assistant, question: str) -> None:
    check_grounded(served, served.ask(question, top_k=3))


@pytest.mark.slow
def test_openai_follow_up_is_rewritten_by_the_model(served: Assistant) -> None:
    first = served.ask("Who visited South Korea with President Yoon?", top_k=2)
    follow = served.ask("And what did Poland agree to?", top_k=2,
                        history=turn(first.question, first.text))
    assert "Poland" in follow.query
    check_grounded(served, follow)
