"""Embedders: the bundled MiniLM, and `openai:MODEL` through the real `openai` client.

OpenAI itself cannot be reached from here (no network, no key), and the one local
OpenAI-compatible server we have, llama.cpp's, returns unpooled per-token vectors for the bundled
SmolLM2 model, so `openai:` is exercised against a small in-process HTTP server speaking the
/v1/embeddings protocol. Everything on our side of the wire is real: the openai client, batching,
normalising, the dimension probe, Chroma and BM25.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from index import (
    DEFAULT_EMBED_MODEL,
    EmbedderMismatchError,
    EmbedderUnavailableError,
    NewsIndex,
    StoreConfig,
    make_embedder,
)
from index.embedding import INT8

from .conftest import SAMPLES

DIM = 48


def _vector(text: str) -> list[float]:
    """Bag of hashed words: texts sharing words get similar vectors (not unit length)."""
    vec = np.zeros(DIM)
    for word in text.lower().split():
        vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % DIM] += 3.0
    return [float(x) for x in vec + 0.01]


class _Handler(BaseHTTPRequestHandler):
    batches: list[int]

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.headers.get("Authorization") != "Bearer test-key":
            self._send(401, {"error": {"message": "bad key", "type": "invalid_request_error"}})
            return
        texts = body["input"]
        self.server.batches.append(len(texts))  # type: ignore[attr-defined]
        data = [{"object": "embedding", "index": i, "embedding": _vector(t)}
                for i, t in enumerate(texts)]
        self._send(200, {"object": "list", "data": data, "model": body["model"],
                         "usage": {"prompt_tokens": 1, "total_tokens": 1}})

    def _send(self, status: int, payload: dict[str, object]) -> None:
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def openai_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.batches = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _base_url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/v1"


def test_bundled_minilm_is_offline_unit_length_and_shared() -> None:
    embedder = make_embedder(DEFAULT_EMBED_MODEL)
    assert (embedder.name, embedder.dim) == (DEFAULT_EMBED_MODEL + INT8, 384)
    vectors = embedder.embed_documents(["Taiwan navy drill", "Portland shooting"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed_documents([]).shape == (0, 384)
    assert make_embedder(DEFAULT_EMBED_MODEL) is embedder  # loaded once per process


def test_unknown_embedder_is_a_clear_error() -> None:
    with pytest.raises(EmbedderUnavailableError, match="Unknown embedding model 'nope'"):
        make_embedder("nope")


def test_openai_embedder_batches_and_normalises(openai_server: ThreadingHTTPServer) -> None:
    embedder = make_embedder("openai:test-embed", api_key="test-key",
                             base_url=_base_url(openai_server), batch_size=3)
    assert (embedder.name, embedder.dim) == ("openai:test-embed", DIM)
    vectors = embedder.embed_documents([f"text number {i}" for i in range(7)])
    assert vectors.shape == (7, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert openai_server.batches == [1, 3, 3, 1]  # type: ignore[attr-defined]  # probe, 3+3+1


def test_openai_failure_is_a_clear_error(openai_server: ThreadingHTTPServer) -> None:
    with pytest.raises(EmbedderUnavailableError, match="OPENAI_API_KEY"):
        make_embedder("openai:test-embed", api_key="wrong-key",
                      base_url=_base_url(openai_server))


def test_an_index_built_with_openai_embeddings(openai_server: ThreadingHTTPServer,
                                               tmp_path: Path) -> None:
    config = StoreConfig(path=tmp_path, embed_model="openai:test-embed",
                         openai_api_key="test-key", openai_base_url=_base_url(openai_server))
    index = NewsIndex(config)
    report = index.ingest([SAMPLES / "004_01d88206228acf44.txt"])
    assert report.added == 2
    assert index.store.stored_embedder() == ("openai:test-embed", DIM)
    titles = {a.id: a.title for a in index.list()}
    hit = index.dense("Taiwan navy Kuang Hua VI missile boats corvettes Kaohsiung", 1)[0]
    assert titles[hit.metadata["article_id"]].startswith("Taiwan")
    with pytest.raises(EmbedderMismatchError, match=r"openai:test-embed.*all-MiniLM-L6-v2"):
        NewsIndex(StoreConfig(path=tmp_path, embed_model=DEFAULT_EMBED_MODEL))


def test_settings_hand_the_openai_credentials_to_the_store_config(tmp_path: Path) -> None:
    from assistant.settings import Settings

    settings = Settings(store=tmp_path, openai_api_key="sk-test",  # type: ignore[call-arg]
                        openai_base_url="http://127.0.0.1:9/v1", _env_file=None)
    config = settings.store_config()
    assert config.openai_api_key == "sk-test"
    assert config.openai_base_url == "http://127.0.0.1:9/v1"
