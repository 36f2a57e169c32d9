"""The chain in LlamaIndex's terms: `NewsRetriever` in a stock query engine, `NewsQueryEngine`
(also as an agent's tool), any LlamaIndex LLM as our backend, `NewsEmbedding`, and the backend
registry as the one list of backends. Real parts: the sample store in Chroma, the bundled
embedder, and SmolLM2 behind a real llama.cpp server, reached through LlamaIndex's LMStudio
integration (an OpenAI-protocol client on httpx) and through `ServerLLM`, a small CustomLLM on our
`openai` client. (Not through
OpenAILike: it needs openai<3, see pyproject.toml.) One fake, `ScriptedLLM`: a CustomLLM that says
exactly one real and one invented quote, which no real model can be made to do."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from llama_index.core import Settings as LlamaSettings
from llama_index.core.base.response.schema import Response, StreamingResponse
from llama_index.core.llms import (
    CompletionResponse,
    CompletionResponseGen,
    CustomLLM,
    LLMMetadata,
)
from llama_index.core.llms.callbacks import llm_completion_callback
from llama_index.core.query_engine import RetrieverQueryEngine
from llama_index.core.tools import QueryEngineTool

from assistant import Answer, Assistant, Settings
from assistant.backends import BACKENDS, backend_names, make_backend, register_backend
from assistant.errors import LLMUnavailableError, UnknownBackendError
from assistant.llamaindex import LlamaIndexBackend, NewsQueryEngine, NewsRetriever
from index import make_embedder
from index.llamaindex import NewsEmbedding
from tests.conftest import ROOT
from tests.llama_server import LlamaServer, free_port, llama_server

_ = llama_server  # the fixture is found by name

TIMEOUT = 600.0  # two CPU cores shared with other work
TROOPS = "How many North Korean troops are in Kursk?"
FRANCE = "What is the capital of France?"
REAL = ("Last week, the US confirmed that there were 10,000 North Korean troops in the Russian "
        "region of Kursk — where Ukraine launched a surprise incursion in early August.")
INVENTED = "North Korea has also sent 50,000 tanks to Kursk, the officials said."


@pytest.fixture(autouse=True)
def no_global_llamaindex_defaults() -> Iterator[None]:
    """Nothing of ours may set or read LlamaIndex's global LLM or embedding model: reading
    them would build the default OpenAI ones (a silent call to OpenAI)."""
    assert LlamaSettings._llm is None and LlamaSettings._embed_model is None
    yield
    assert LlamaSettings._llm is None, "something set or read llama_index Settings.llm"
    assert LlamaSettings._embed_model is None, "something read llama_index Settings.embed_model"


def settings_for(store: Path, **fields: Any) -> Settings:
    return Settings(store=store, timeout=TIMEOUT, _env_file=None, **fields)  # type: ignore[call-arg]


def article_text(assistant: Assistant, article_id: str) -> str:
    return assistant.index.store.get_article(article_id).text


def assert_verbatim_nodes(assistant: Assistant, nodes: Sequence[Any]) -> None:
    assert nodes
    for scored in nodes:
        node = scored.node
        text = article_text(assistant, node.metadata["article_id"])
        assert node.start_char_idx is not None and node.end_char_idx is not None
        assert text[node.start_char_idx:node.end_char_idx] == node.text
        assert node.metadata["title"] and node.metadata["source"]
        assert node.ref_doc_id == node.metadata["article_id"]


class ScriptedLLM(CustomLLM):
    """Answers with one quote that the cited source holds and one it does not."""

    calls: int = 0

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name="scripted")

    def reply(self, prompt: str) -> str:
        self.calls += 1
        sources = dict(re.findall(r"^\[(\d+)\] (.*)$", prompt, re.M))
        n = next((k for k, text in sources.items() if REAL in text), "1")  # else: dropped
        return (f"The US confirmed 10,000 North Korean troops are in Kursk [{n}]. North Korea "
                f"also sent 50,000 tanks [{n}].\n“{REAL}” [{n}]\n“{INVENTED}” [{n}]")

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self.reply(prompt))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False,
                        **kwargs: Any) -> CompletionResponseGen:
        text, sent = self.reply(prompt), ""
        for piece in re.findall(r"\S+\s*", text):
            sent += piece
            yield CompletionResponse(text=sent, delta=piece)


class ServerLLM(CustomLLM):
    """A LlamaIndex LLM of the simplest kind: each prompt sent to an OpenAI-compatible server
    with the `openai` client, whose exceptions it lets through as they are."""

    base_url: str
    model: str = "smollm2"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name=self.model)

    def _create(self, prompt: str, stream: bool) -> Any:
        import openai

        client = openai.OpenAI(base_url=self.base_url, api_key="not-needed", max_retries=0,
                               timeout=TIMEOUT)
        return client.chat.completions.create(
            model=self.model, messages=[{"role": "user", "content": prompt}], max_tokens=64,
            temperature=0.0, stream=stream)

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._create(prompt, False).choices[0].message.content)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False,
                        **kwargs: Any) -> CompletionResponseGen:
        sent = ""
        for chunk in self._create(prompt, True):
            delta = chunk.choices[0].delta.content if chunk.choices else None
            if delta:
                sent += delta
                yield CompletionResponse(text=sent, delta=delta)


def lmstudio(base_url: str, model: str = "smollm2") -> Any:
    """LlamaIndex's LMStudio integration: any OpenAI-compatible server, here llama.cpp's."""
    from llama_index.llms.lmstudio import LMStudio

    return LMStudio(model_name=model, base_url=base_url, temperature=0.0,
                    request_timeout=TIMEOUT)


# --- NewsRetriever -----------------------------------------------------------------------------


def test_retriever_nodes_are_verbatim_with_offsets_and_metadata(assistant: Assistant) -> None:
    nodes = NewsRetriever(assistant, top_k=4).retrieve(TROOPS)
    assert len(nodes) == 4
    assert_verbatim_nodes(assistant, nodes)
    meta = nodes[0].node.metadata
    assert {"title", "source", "article_id", "story_id"} <= set(meta)
    assert any("10,000 North Korean troops" in n.node.text for n in nodes)
    assert nodes[0].score is not None and nodes[0].score >= nodes[-1].score  # type: ignore[operator]


def test_retriever_takes_a_store_path_or_settings(sample_store: Path) -> None:
    for source in (sample_store, str(sample_store), settings_for(sample_store)):
        retriever = NewsRetriever(source, top_k=2)
        assert retriever.assistant.settings.store == sample_store
        assert len(retriever.retrieve(TROOPS)) == 2
    from assistant.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError, match="Expected an Assistant, a Settings or a store"):
        NewsRetriever(42)  # type: ignore[arg-type]


def test_retriever_filters_dates_and_checks_them(assistant: Assistant) -> None:
    nodes = NewsRetriever(assistant, since="2024-10-24", until="2024-10-24").retrieve(TROOPS)
    assert nodes and all(n.node.metadata["published"] == "2024-10-24" for n in nodes)
    from assistant.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError, match="not a date"):
        NewsRetriever(assistant, since="soon")
    with pytest.raises(InvalidRequestError, match="top_k"):
        NewsRetriever(assistant, top_k=0)


def test_stock_query_engine_over_news_retriever_cites_verbatim_nodes(
        assistant: Assistant, llama_server: LlamaServer) -> None:
    llm = lmstudio(llama_server.base_url, llama_server.model)
    engine = RetrieverQueryEngine.from_args(NewsRetriever(assistant, top_k=3), llm=llm)
    response = engine.query(TROOPS)
    assert isinstance(response, Response) and response.response
    assert len(response.source_nodes) == 3
    assert_verbatim_nodes(assistant, response.source_nodes)


# --- NewsQueryEngine ---------------------------------------------------------------------------


def test_query_engine_keeps_the_real_quote_and_drops_the_invented_one(
        assistant: Assistant) -> None:
    engine = NewsQueryEngine(assistant, llm=ScriptedLLM())
    response = engine.query(TROOPS)
    assert isinstance(response, Response) and response.metadata is not None
    answer = response.metadata["answer"]
    assert isinstance(answer, Answer) and not response.metadata["abstained"]
    assert answer.llm == "llamaindex:ScriptedLLM" and response.response == answer.text
    quotes = [n.node.text for n in response.source_nodes]
    assert REAL in quotes
    assert not any("tanks" in q for q in quotes) and "tanks" not in answer.text
    assert quotes == [c.quote for c in answer.citations]
    assert_verbatim_nodes(engine.assistant, response.source_nodes)
    assert "unverifiable" in " ".join(answer.notes)


def test_query_engine_abstains_on_an_off_topic_question(assistant: Assistant) -> None:
    llm = ScriptedLLM()
    response = NewsQueryEngine(assistant, llm=llm).query(FRANCE)
    assert response.metadata is not None and response.metadata["abstained"]
    assert "Paris" not in str(response)
    assert llm.calls == 0  # the evidence decided; the model was never asked
    # Whatever an abstention shows (the closest the articles come) is verified quotes too.
    answer = response.metadata["answer"]
    assert [n.node.text for n in response.source_nodes] == [c.quote for c in answer.citations]


def test_streaming_text_joins_to_the_final_answer(assistant: Assistant) -> None:
    engine = NewsQueryEngine(assistant, llm=ScriptedLLM(), streaming=True)
    response = engine.query(TROOPS)
    assert isinstance(response, StreamingResponse)
    pieces = list(response.response_gen)
    assert len(pieces) > 3
    assert response.metadata is not None
    answer = response.metadata["answer"]
    assert "".join(pieces) == answer.text
    assert [n.node.text for n in response.source_nodes] == [c.quote for c in answer.citations]
    assert REAL in [n.node.text for n in response.source_nodes]


def test_async_query_gives_the_same_verified_answer(assistant: Assistant) -> None:
    import asyncio

    engine = NewsQueryEngine(assistant, llm="extractive")
    response = asyncio.run(engine.aquery(TROOPS))
    assert isinstance(response, Response) and response.metadata is not None
    assert response.response == engine.query(TROOPS).response
    assert_verbatim_nodes(assistant, response.source_nodes)


def test_query_engine_tool_returns_the_verified_response(assistant: Assistant) -> None:
    tool = QueryEngineTool.from_defaults(
        NewsQueryEngine(assistant, llm="extractive"), name="news",
        description="Answers questions about the news articles with verified quotes.")
    output = tool.call(TROOPS)
    response = output.raw_output
    assert isinstance(response, Response) and output.content == response.response
    assert response.metadata is not None and not response.metadata["abstained"]
    assert [n.node.text for n in response.source_nodes] == [
        c.quote for c in response.metadata["answer"].citations]
    assert_verbatim_nodes(assistant, response.source_nodes)


def test_query_engine_rejects_an_unknown_backend(assistant: Assistant) -> None:
    with pytest.raises(UnknownBackendError, match="Registered backends: auto, openai"):
        NewsQueryEngine(assistant, llm="gpt")


# --- any LlamaIndex LLM as our backend ---------------------------------------------------------


def test_lmstudio_from_settings_answers_through_the_real_server(
        sample_store: Path, llama_server: LlamaServer) -> None:
    settings = settings_for(sample_store, llm="llamaindex:lmstudio", model=llama_server.model,
                            openai_base_url=llama_server.base_url)
    assistant = Assistant(settings)
    backend = assistant.chat_backend("llamaindex:lmstudio")
    assert isinstance(backend, LlamaIndexBackend)
    assert type(backend.llm).__name__ == "LMStudio"
    reply = "".join(backend.stream_chat([{"role": "user", "content": "Say hello."}]))
    assert reply.strip()
    answer = assistant.ask(TROOPS, top_k=2)
    assert answer.llm == "llamaindex:lmstudio" and not answer.abstained
    for c in answer.citations:
        assert article_text(assistant, c.article_id)[c.start:c.end] == c.quote


def test_an_llm_instance_is_a_backend_of_assistant_and_engine(
        sample_store: Path, llama_server: LlamaServer) -> None:
    llm = ServerLLM(base_url=llama_server.base_url, model=llama_server.model)
    assistant = Assistant(settings_for(sample_store, llm="extractive"), llm=llm)
    assert assistant.resolve_backend() == "llamaindex:ServerLLM"
    *deltas, answer = list(assistant.stream(TROOPS, top_k=2))
    assert deltas and isinstance(answer, Answer) and answer.llm == "llamaindex:ServerLLM"
    for c in answer.citations:
        assert article_text(assistant, c.article_id)[c.start:c.end] == c.quote
    response = NewsQueryEngine(assistant, top_k=2).query(TROOPS)
    assert response.metadata is not None and response.metadata["llm"] == "llamaindex:ServerLLM"


def test_a_server_that_is_down_is_our_clear_error(sample_store: Path) -> None:
    import openai

    down = f"http://127.0.0.1:{free_port()}/v1"
    backend = LlamaIndexBackend(ServerLLM(base_url=down))
    hello: list[Any] = [{"role": "user", "content": "Say hello."}]
    engine = NewsQueryEngine(settings_for(sample_store), llm=ServerLLM(base_url=down))
    for attempt in (lambda: backend.chat(hello), lambda: list(backend.stream_chat(hello)),
                    lambda: engine.query(TROOPS),
                    lambda: list(engine.assistant.stream(TROOPS))):
        with pytest.raises(LLMUnavailableError, match="cannot reach its server") as caught:
            attempt()
        assert not isinstance(caught.value, openai.APIConnectionError)
        assert isinstance(caught.value.__cause__, openai.APIConnectionError)
        assert down in str(caught.value) and "--llm extractive" in str(caught.value)
    # A real integration's transport error (httpx's, under LMStudio) is ours too.
    with pytest.raises(LLMUnavailableError, match="cannot reach its server") as caught:
        NewsQueryEngine(settings_for(sample_store), llm=lmstudio(down)).query(TROOPS)
    assert down in str(caught.value)


def test_a_missing_integration_says_what_to_install(sample_store: Path) -> None:
    with pytest.raises(LLMUnavailableError,
                       match=r"pip install llama-index-llms-no-such-llm`\. Installed here: .*"
                             r"llamaindex:lmstudio"):
        make_backend("llamaindex:no_such_llm", settings_for(sample_store))


# --- NewsEmbedding -----------------------------------------------------------------------------


def test_news_embedding_is_our_embedder(assistant: Assistant) -> None:
    embedder = assistant.index.embedder
    embedding = NewsEmbedding(embedder=embedder)
    assert embedding.get_query_embedding(TROOPS) == [float(x) for x in
                                                     embedder.embed_query(TROOPS)]
    texts = [REAL, INVENTED, "A short one.", TROOPS * 3, FRANCE]
    one_by_one = [embedding.get_text_embedding(t) for t in texts]
    assert embedding.get_text_embedding_batch(texts) == one_by_one
    assert embedding.get_text_embedding_batch(list(reversed(texts))) == one_by_one[::-1]
    with pytest.raises(ValueError, match="one text at a time"):
        NewsEmbedding(embedder=embedder, embed_batch_size=16)


def test_news_embedding_serves_a_llamaindex_index(assistant: Assistant) -> None:
    from llama_index.core import VectorStoreIndex

    nodes = [n.node for n in NewsRetriever(assistant, top_k=6).retrieve(TROOPS)]
    embedding = NewsEmbedding(embedder=assistant.index.embedder)
    index = VectorStoreIndex(nodes, embed_model=embedding)
    found = index.as_retriever(similarity_top_k=1).retrieve("troops in the Kursk region")
    assert "Kursk" in found[0].node.get_content()


def test_news_embedding_defaults_to_the_bundled_int8_model() -> None:
    embedding = NewsEmbedding()
    assert embedding.model_name == make_embedder().name == "all-MiniLM-L6-v2 (int8)"
    assert embedding.dim == 384 and embedding.embed_batch_size == 1


# --- the registry is the one list of backends ----------------------------------------------------


def test_registry_names_appear_in_settings_cli_and_ui() -> None:
    from newsqa.common import LLM_HELP
    from ui.app import backend_choices

    assert backend_names() == ["auto", "openai", "local", "extractive", "llamaindex:<integration>"]
    assert " | ".join(backend_names()) == LLM_HELP
    assert [name for _, name in backend_choices()] == ["auto", "openai", "local", "extractive"]
    family = Settings(llm="llamaindex:ollama", _env_file=None)  # type: ignore[call-arg]
    assert backend_choices(family)[-1][1] == "llamaindex:ollama"
    register_backend("echo", "a test backend")(lambda settings: None)  # type: ignore[arg-type,return-value]
    try:
        assert Settings(llm="echo", _env_file=None).llm == "echo"  # type: ignore[call-arg]
        assert "echo" in [name for _, name in backend_choices()]
    finally:
        del BACKENDS["echo"]


@pytest.mark.parametrize("name", ["bogus", "llamaindex", "llamaindex:", "openai:x"])
def test_an_unknown_backend_is_one_clear_line(name: str) -> None:
    with pytest.raises(UnknownBackendError) as caught:
        Settings(llm=name, _env_file=None)  # type: ignore[call-arg]
    message = str(caught.value)
    assert "\n" not in message
    assert ("Registered backends: auto, openai, local, extractive, llamaindex:<integration>"
            in message)
    with pytest.raises(UnknownBackendError):
        Settings(_env_file=None).with_overrides(llm=name)  # type: ignore[call-arg]


def newsqa(*args: str, env: dict[str, str] | None = None,
           python: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *python, "-m", "newsqa", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, check=False)


def test_newsqa_llm_bogus_is_one_clear_line_in_the_cli(sample_store: Path) -> None:
    run = newsqa("ask", TROOPS, "--store", str(sample_store), env={"NEWSQA_LLM": "bogus"})
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("Error: Unknown backend 'bogus'. Registered backends: auto, ")
    run = newsqa("ask", TROOPS, "--store", str(sample_store), env={"NEWSQA_TOP_K": "many"})
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "Invalid setting NEWSQA_TOP_K='many'" in run.stderr


def test_a_misspelt_variable_is_named_not_ignored_silently(sample_store: Path,
                                                          tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("NEWSQA_LLM_SOURCE=2\nOTHER_TOOL=1\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "newsqa", "ask", TROOPS, "--store",
                          str(sample_store), "--llm", "extractive"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300, check=False,
                         env={**os.environ, "NEWSQA_TOPK": "3", "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr  # still answered: a warning, not an error
    assert ("warning: NEWSQA_LLM_SOURCE is not a setting, so it is ignored (did you mean "
            "NEWSQA_LLM_SOURCES?)") in run.stderr
    assert "NEWSQA_TOPK is not a setting, so it is ignored (did you mean NEWSQA_TOP_K?)" in (
        run.stderr)
    assert "OTHER_TOOL" not in run.stderr and "10,000" in run.stdout


def test_a_settings_file_that_is_not_utf8_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"NEWSQA_TOP_K=3\n\xff\n")
    run = subprocess.run([sys.executable, "-m", "newsqa", "list", "--store", str(tmp_path)],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"The settings file {tmp_path / '.env'} is not UTF-8 text" in run.stderr


def test_a_misspelt_keyword_is_an_error_with_the_setting_it_resembles() -> None:
    from assistant.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError, match=r"Unknown setting 'top_kk'\. Did you mean "
                       r"'top_k'\?"):
        Settings(top_kk=3, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(InvalidRequestError, match=r"Unknown setting 'bogus'\. Settings: "
                       r"answer_path, "):
        Settings(bogus=1, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(InvalidRequestError, match="Did you mean 'top_k'"):
        Settings(_env_file=None).with_overrides(topk=3)  # type: ignore[call-arg]
    # The names the environment knows them by work as keywords too.
    given = Settings(OPENAI_API_KEY="k", _env_file=None)  # type: ignore[call-arg]
    assert given.openai_api_key == "k"


def test_cli_llamaindex_backend_with_the_server_down_is_a_clear_error(
        sample_store: Path) -> None:
    down = f"http://127.0.0.1:{free_port()}/v1"
    run = newsqa("ask", TROOPS, "--llm", "llamaindex:lmstudio", "--store", str(sample_store),
                 env={"OPENAI_BASE_URL": down, "NEWSQA_MAX_RETRIES": "0"})
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert "cannot reach its server" in run.stderr and down in run.stderr


def test_newsqa_ask_does_not_import_llama_index(sample_store: Path) -> None:
    run = newsqa("ask", TROOPS, "--llm", "extractive", "--store", str(sample_store), "--json",
                 python=["-X", "importtime"])
    assert run.returncode == 0, run.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()
                if line.startswith("import time:")}
    assert "assistant.retrieval" in imported  # the check sees our own imports
    # `llama_index` alone is the empty namespace package (found when we locate its data).
    loaded = sorted(m for m in imported if m.startswith("llama_index."))
    assert not loaded, loaded


def test_newsqa_ask_splits_sentences_without_loading_scikit_learn(sample_store: Path) -> None:
    """NLTK's import would pull in scikit-learn, scipy.stats and pandas (2.2 s of the cold start
    on a slow machine) unless index.sentences holds them back. Read from sys.modules after the
    command, in its own process: -X importtime would list the held-back attempts too."""
    code = ("import json, sys; from newsqa.cli import main; sys.argv = ['newsqa', *sys.argv[1:]]\n"
            "try: main()\nexcept SystemExit: pass\nprint(json.dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", code, "ask", TROOPS, "--llm", "extractive",
                          "--store", str(sample_store), "--json"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert "nltk.tokenize.punkt" in loaded and "scipy.sparse" in loaded  # bm25s's, kept
    heavy = [m for m in loaded if m.split(".")[0] in ("sklearn", "pandas")
             or m.startswith("scipy.stats")]
    assert not heavy, heavy[:5]


SPLITS = ("assert s.sentence_spans('Gen. Kim met U.S. officials. Then') == "
          "[(0, 28), (29, 33)]; ")


def run_ok(code: str) -> subprocess.CompletedProcess[str]:
    """Python code in a fresh process (imports start from nothing) that must print ok."""
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
    return run


def test_an_nltk_that_needs_a_held_back_library_still_loads() -> None:
    """Should NLTK import one of them unguarded one day: the import is made again, whole.
    `regex` stands in for it (NLTK imports it unguarded)."""
    run = run_ok("import sys, index.sentences as s; s._HELD_BACK = ('sklearn', 'regex'); "
                 + SPLITS + "assert not [m for m, v in sys.modules.items() if v is None and "
                 "m.split('.')[0] in ('sklearn', 'regex')]; print('ok')")
    assert "NLTK did not import with sklearn and regex held back" in run.stderr


def test_libraries_held_back_from_nltk_still_import_afterwards() -> None:
    run_ok("import sys, index.sentences as s; " + SPLITS
           + "assert 'sklearn' not in sys.modules and 'scipy.stats' not in sys.modules; "
           "from sklearn.linear_model import LogisticRegression; "
           "from scipy.stats import fisher_exact; print('ok')")


# --- llama-index's shipped data we rely on -------------------------------------------------------


def test_llama_index_still_ships_the_tokenizer_data_we_use() -> None:
    """Not a public API of llama-index: if a new version moves these folders, this fails, and
    chunking (tiktoken) and sentence splitting (Punkt) would try to download their data."""
    from index.offline import llama_index_data
    from index.sentences import _tokenizer, sentence_spans

    tiktoken_dir, nltk_dir = llama_index_data("tiktoken"), llama_index_data("nltk")
    assert tiktoken_dir is not None and nltk_dir is not None
    # cl100k_base, under the sha1 of its download URL (how tiktoken names its cache files)
    assert (tiktoken_dir / "9b5ad71b2ce5302211f9c61530b329a4922fc6a4").is_file()
    assert (nltk_dir / "tokenizers" / "punkt_tab" / "english").is_dir()
    assert type(_tokenizer()).__name__ == "PunktTokenizer"  # the trained English model
    text = "Gen. Kim met U.S. officials. They talked."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Gen. Kim met U.S. officials.", "They talked."]
    code = ("from index.chunking import count_tokens; print(count_tokens('North Korea'))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False,
                         env={k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"})
    assert run.returncode == 0 and run.stdout.strip() == "2", run.stderr
