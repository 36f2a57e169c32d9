"""The bundled MiniLM on ONNX Runtime (the default) against the same model on sentence-transformers:
the same vectors, so indexes built either way stay compatible; the export happens once; a query
process never imports torch. All real: the exported model, onnxruntime, sentence-transformers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import index.onnx_embedder as onnx_embedder
from index import (
    DEFAULT_EMBED_MODEL,
    EmbedderMismatchError,
    EmbedderUnavailableError,
    NewsIndex,
    StoreConfig,
    make_embedder,
    sentence_spans,
)
from index.embedding import EMBEDDERS, INT8, SentenceTransformerEmbedder, default_cache_dir
from index.int8 import unsigned_weights
from index.onnx_embedder import OnnxEmbedder, onnx_compatible

from .conftest import ROOT, SAMPLES


def _texts() -> list[str]:
    """Whole articles (past the 256-token limit: truncation must match), single sentences, and
    odd inputs."""
    articles = [p.read_text() for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    sentences = [a[s:e] for a in articles[:2] for s, e in sentence_spans(a)][:40]
    return articles + sentences + ["", "   ", "ÄÖÜ – “quotes” 😀", "x " * 600]


def _integer_gemm(weights: np.ndarray, path: Path) -> Path:
    """One MatMulInteger of uint8 inputs (zero point 128) and `weights`, as quantize_int8
    writes them: per-column zero points of the weights' own type."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    zeros = np.zeros(weights.shape[1], dtype=weights.dtype)
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["x", "w", "xz", "wz"], ["y"])], "gemm",
        [helper.make_tensor_value_info("x", TensorProto.UINT8, [None, weights.shape[0]])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [None, weights.shape[1]])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(np.uint8(128), "xz"),
         numpy_helper.from_array(zeros, "wz")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))
    return path


def test_int8_products_come_out_exact_on_this_cpu(tmp_path: Path) -> None:
    """Without AVX-512 VNNI, ONNX Runtime's uint8 x int8 kernel adds pairs of products into 16
    bits, which saturate (an AVX2-only EPYC: off by 18% on average for these inputs); the
    weights as `unsigned_weights` stores them take an exact kernel on every CPU."""
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    weights = rng.integers(-127, 128, size=(384, 384)).astype(np.int8)
    x = rng.integers(0, 256, size=(64, 384)).astype(np.uint8)
    exact = (x.astype(np.int32) - 128) @ weights.astype(np.int32)
    unsigned_weights(_integer_gemm(weights, tmp_path / "s8.onnx"), tmp_path / "u8.onnx")
    session = ort.InferenceSession(str(tmp_path / "u8.onnx"), providers=["CPUExecutionProvider"])
    assert np.array_equal(session.run(None, {"x": x})[0], exact)


def test_onnx_vectors_match_sentence_transformers() -> None:
    onnx = make_embedder(DEFAULT_EMBED_MODEL, runtime="onnx")
    torch = make_embedder(DEFAULT_EMBED_MODEL, runtime="torch")
    assert isinstance(onnx, OnnxEmbedder) and isinstance(torch, SentenceTransformerEmbedder)
    assert (onnx.name, onnx.dim) == (torch.name, torch.dim) == (DEFAULT_EMBED_MODEL, 384)
    texts = _texts()
    a, b = onnx.embed_documents(texts), torch.embed_documents(texts)
    assert a.shape == b.shape == (len(texts), 384)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() > 0.99999, texts[int(cosines.argmin())][:80]
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    # Batching and length sorting do not change a text's vector, nor does the session an
    # ingest-sized call runs on (its threads spin).
    assert np.allclose(onnx.embed_documents(texts[3:4]), a[3:4], atol=1e-5)
    many = texts * -(-onnx_embedder._BULK_TEXTS // len(texts))
    assert np.allclose(onnx.embed_documents(many)[: len(texts)], a, atol=1e-5)
    assert onnx._bulk is not None and onnx._bulk is not onnx._session


def test_int8_vectors_stay_close_and_carry_their_own_name() -> None:
    int8 = make_embedder(DEFAULT_EMBED_MODEL)  # the default for a new index
    torch = make_embedder(DEFAULT_EMBED_MODEL, runtime="torch")
    assert int8.name == DEFAULT_EMBED_MODEL + INT8 and int8.dim == 384
    assert make_embedder(DEFAULT_EMBED_MODEL, runtime="onnx-int8") is int8  # loaded once
    texts = _texts()
    cosines = (int8.embed_documents(texts) * torch.embed_documents(texts)).sum(axis=1)
    assert cosines.min() > 0.97 and cosines.mean() > 0.99, texts[int(cosines.argmin())][:80]


def test_a_questions_sentences_embed_alike_whatever_their_company() -> None:
    """A question's few sentences (the answer path's sentence cosines) are run one per call on
    the int8 model, whose activation scale is set per run: in a batch a sentence's vector
    moved with its batch-mates, and the cached one with whichever question came first."""
    int8 = make_embedder(DEFAULT_EMBED_MODEL)
    sentences = _texts()[-44:-4]
    alone = np.vstack([int8.embed_documents([s]) for s in sentences[:8]])
    for company in (sentences[:8], sentences[:8] + ["x " * 200] * 3, sentences[:30]):
        assert np.array_equal(int8.embed_documents(company)[:8], alone)


def test_auto_keeps_the_runtime_an_index_was_built_with(tmp_path: Path) -> None:
    new = NewsIndex(StoreConfig(path=tmp_path, embed_model=DEFAULT_EMBED_MODEL))
    new.ingest(sorted(SAMPLES.glob("00[02]_*.txt")))
    assert new.store.stored_embedder() == (DEFAULT_EMBED_MODEL + INT8, 384)
    hits = NewsIndex(StoreConfig(path=tmp_path, embed_model=DEFAULT_EMBED_MODEL)).dense(
        "North Korean soldiers in Russia", 3)
    assert hits and hits[0].score > 0.4
    with pytest.raises(EmbedderMismatchError, match="NEWSQA_EMBED_RUNTIME=auto"):
        NewsIndex(StoreConfig(path=tmp_path, embed_model=DEFAULT_EMBED_MODEL,
                              embed_runtime="torch"))


def test_an_index_built_on_torch_is_queried_on_onnx(tmp_path: Path) -> None:
    """Float ONNX and torch are the same embedder to the store: under "auto" an index built
    on torch is queried with float ONNX, with the same hits."""
    torch_config = StoreConfig(path=tmp_path, embed_model=DEFAULT_EMBED_MODEL,
                               embed_runtime="torch")
    NewsIndex(torch_config).ingest(sorted(SAMPLES.glob("00[02]_*.txt")))
    question = "How many North Korean soldiers are training in Russia?"
    by_torch = NewsIndex(torch_config).dense(question, 5)
    by_onnx = NewsIndex(StoreConfig(path=tmp_path, embed_model=DEFAULT_EMBED_MODEL)).dense(
        question, 5)
    assert [h.chunk_id for h in by_onnx] == [h.chunk_id for h in by_torch]
    assert [round(h.score, 4) for h in by_onnx] == [round(h.score, 4) for h in by_torch]


def test_the_export_happens_once_and_is_reused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = EMBEDDERS[DEFAULT_EMBED_MODEL]()
    stale = tmp_path / "onnx" / "probe-1-2-ort1.0-v0.onnx"  # an earlier model or recipe
    other = tmp_path / "onnx" / "probe_two-1-2-ort1.0-v0.onnx"  # another model's
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    other.write_bytes(b"other")
    first = OnnxEmbedder("probe", folder, tmp_path)
    exported = sorted((tmp_path / "onnx").iterdir())  # no temporary files left either
    assert len(exported) == 2 and exported[0].name.startswith("probe-")
    assert exported[0] != stale and exported[1] == other

    def no_export(*_: object) -> None:
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_embedder, "export_onnx", no_export)
    again = OnnxEmbedder("probe", folder, tmp_path)
    assert np.allclose(again.embed_query("drill"), first.embed_query("drill"))


def test_ingest_sized_calls_fall_back_to_the_one_session(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """The spinning session is made on the first large call, maybe hours after start-up; if
    it cannot be made then, the session made at start-up does the work."""
    embedder = OnnxEmbedder(DEFAULT_EMBED_MODEL, EMBEDDERS[DEFAULT_EMBED_MODEL](),
                            default_cache_dir())
    texts = [f"Taiwan's navy drill number {i} near Kaohsiung." for i in range(70)]
    expected = np.vstack([embedder.embed_documents(texts[i:i + 8]) for i in range(0, 70, 8)])
    real = onnx_embedder._session

    def no_spinning(*args: Any, spinning: bool = False) -> Any:
        if spinning:
            raise RuntimeError("export file gone, no space to export again")
        return real(*args)

    monkeypatch.setattr(onnx_embedder, "_session", no_spinning)
    assert np.allclose(embedder.embed_documents(texts), expected, atol=1e-5)
    assert embedder._bulk is embedder._session


def test_two_installs_of_one_model_share_an_export(tmp_path: Path) -> None:
    """Known by content: a second copy of the weights (another venv, a CI clone; other
    paths and times) finds the first one's export instead of replacing it."""
    folder = EMBEDDERS[DEFAULT_EMBED_MODEL]()
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)  # copytree keeps times: make them differ
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000, 1_000_000))
    assert (onnx_embedder._cache_file("m", folder, tmp_path)
            == onnx_embedder._cache_file("m", copy, tmp_path))
    weights = next(copy.glob("*.safetensors"))
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF  # other weights, same size
    weights.write_bytes(bytes(data))
    assert (onnx_embedder._cache_file("m", folder, tmp_path)
            != onnx_embedder._cache_file("m", copy, tmp_path))


def test_a_damaged_export_is_exported_again(tmp_path: Path) -> None:
    folder = EMBEDDERS[DEFAULT_EMBED_MODEL]()
    good = OnnxEmbedder("probe", folder, tmp_path).embed_query("drill")
    damaged = next((tmp_path / "onnx").glob("*.onnx"))
    damaged.write_bytes(b"not a model")  # a disk that filled up mid-write
    again = OnnxEmbedder("probe", folder, tmp_path)
    assert np.allclose(again.embed_query("drill"), good, atol=1e-6)
    assert damaged.stat().st_size > 1_000_000


def test_an_export_that_fails_is_a_clear_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_export(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(onnx_embedder, "export_onnx", failing_export)
    with pytest.raises(EmbedderUnavailableError, match="NEWSQA_EMBED_RUNTIME=torch"):
        OnnxEmbedder("probe", EMBEDDERS[DEFAULT_EMBED_MODEL](), tmp_path)


def test_models_onnx_cannot_reproduce_run_on_torch(tmp_path: Path) -> None:
    """CLS pooling or another architecture than BERT falls back to sentence-transformers."""
    folder = tmp_path / "cls-model"
    shutil.copytree(EMBEDDERS[DEFAULT_EMBED_MODEL](), folder)
    assert onnx_compatible(folder)
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    pooling.write_text(json.dumps(config))
    assert not onnx_compatible(folder)
    assert isinstance(make_embedder(str(folder)), SentenceTransformerEmbedder)
    config.update(pooling_mode_mean_tokens=True, pooling_mode_cls_token=False)
    pooling.write_text(json.dumps(config))
    assert onnx_compatible(folder)
    model_config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**model_config, "model_type": "mpnet"}))
    assert not onnx_compatible(folder)  # the export feeds BERT's inputs only


def test_unknown_runtime_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailableError, match="Unknown embedding runtime 'tpu'"):
        make_embedder(DEFAULT_EMBED_MODEL, runtime="tpu", cache_dir=tmp_path)


def test_a_query_process_never_imports_torch(sample_store: Path) -> None:
    """The point of the ONNX runtime: a fresh `ask` pays for neither torch nor transformers."""
    code = (
        "import sys\n"
        "from assistant import Assistant\nfrom assistant.settings import Settings\n"
        f"a = Assistant(Settings(store={str(sample_store)!r}, llm='extractive', _env_file=None))\n"
        "answer = a.ask('How many North Korean soldiers are training in Russia?')\n"
        "assert answer.citations, answer\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
