"""int8 weights in the form this CPU multiplies fastest and exactly (`index/int8.py`): the probe
asks ONNX Runtime's own kernel, the int8 copy holds the same numbers, is made once per model and
replaced with it, and the reader and the embedder give bit-for-bit the same outputs from it as
from the shipped uint8 weights. All real: onnxruntime, the shipped reader, the bundled MiniLM."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.reader import MODEL_DIR, Reader
from index import DEFAULT_EMBED_MODEL, make_embedder
from index import int8 as int8_module
from index.embedding import default_cache_dir
from index.int8 import (
    PROBE_FILE,
    load_for_this_cpu,
    signed_weights,
    signed_weights_exact,
    unsigned_weights,
    weights_for_this_cpu,
    write_probe,
)
from index.onnx_embedder import OnnxEmbedder

from .test_index_onnx import _integer_gemm
from .test_reader import ANSWER, DISTRACTORS, QUESTION, TITLE

EXACT = signed_weights_exact()
needs_exact = pytest.mark.skipif(
    not EXACT, reason="this CPU's uint8 x int8 kernel saturates: only uint8 weights run here")


def _session(path: Path) -> Any:
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def _weights(path: Path) -> dict[str, np.ndarray]:
    import onnx
    from onnx import numpy_helper

    return {i.name: numpy_helper.to_array(i) for i in onnx.load(str(path)).graph.initializer}


def _unsigned_gemm(tmp_path: Path, seed: int = 0) -> tuple[Path, np.ndarray]:
    rng = np.random.default_rng(seed)
    weights = rng.integers(-127, 128, size=(384, 64)).astype(np.int8)
    path = tmp_path / "model-u8.onnx"
    unsigned_weights(_integer_gemm(weights, tmp_path / "s8.onnx"), path)
    return path, weights


def test_the_shipped_probe_is_what_write_probe_makes(tmp_path: Path) -> None:
    write_probe(tmp_path / "probe.onnx")
    assert (tmp_path / "probe.onnx").read_bytes() == PROBE_FILE.read_bytes()


def test_the_probe_tells_whether_this_cpu_multiplies_int8_weights_exactly(tmp_path: Path) -> None:
    """Random inputs that would saturate 16-bit pair sums: the probe's verdict is the kernel's."""
    rng = np.random.default_rng(1)
    weights = rng.integers(-127, 128, size=(384, 384)).astype(np.int8)
    x = rng.integers(0, 256, size=(64, 384)).astype(np.uint8)
    exact = (x.astype(np.int32) - 128) @ weights.astype(np.int32)
    got = _session(_integer_gemm(weights, tmp_path / "s8.onnx")).run(None, {"x": x})[0]
    assert np.array_equal(got, exact) == EXACT


def test_signed_and_unsigned_weights_hold_the_same_numbers(tmp_path: Path) -> None:
    path, weights = _unsigned_gemm(tmp_path)
    unsigned = _weights(path)
    assert unsigned["w"].dtype == np.uint8 and unsigned["wz"].dtype == np.uint8
    assert np.array_equal(unsigned["w"].astype(np.int16) - 128, weights)
    signed_weights(path, tmp_path / "back.onnx")
    back = _weights(tmp_path / "back.onnx")
    assert back["w"].dtype == np.int8 and np.array_equal(back["w"], weights)
    assert back["wz"].dtype == np.int8 and not back["wz"].any()
    assert back["xz"].dtype == np.uint8  # the activations' zero point is not a weight's


def test_the_int8_copy_is_made_once_per_model_and_replaced_with_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The choice itself is the probe's (tested above); here both branches are taken on purpose.
    monkeypatch.setattr(int8_module, "signed_weights_exact", lambda: True)
    path, weights = _unsigned_gemm(tmp_path)
    cache = tmp_path / "cache"
    copy = weights_for_this_cpu(path, cache)
    assert copy.parent == cache
    assert copy.name.startswith("model-") and copy.name.endswith("-s8.onnx")
    assert np.array_equal(_weights(copy)["w"], weights)
    made = copy.stat().st_mtime_ns
    assert weights_for_this_cpu(path, cache) == copy
    assert copy.stat().st_mtime_ns >= made  # not made again (only marked as used)
    assert len(list(cache.glob("*.onnx"))) == 1
    # A retrained model (other weights in the same file) gets its own copy.
    _, new_weights = _unsigned_gemm(tmp_path, seed=5)
    new_copy = weights_for_this_cpu(path, cache)
    assert new_copy != copy and np.array_equal(_weights(new_copy)["w"], new_weights)
    # The same model in another place (another checkout) shares the copy: named by content.
    (tmp_path / "other").mkdir()
    other, _ = _unsigned_gemm(tmp_path / "other", seed=5)
    assert weights_for_this_cpu(other, cache) == new_copy
    # Only the copies used last are kept: the cache does not grow with every model ever run.
    for seed in range(10, 10 + int8_module.KEEP_COPIES):
        _unsigned_gemm(tmp_path, seed=seed)
        weights_for_this_cpu(path, cache)
    kept = list(cache.glob("*-s8.onnx"))
    assert len(kept) == int8_module.KEEP_COPIES and not copy.exists() and not new_copy.exists()
    monkeypatch.setattr(int8_module, "signed_weights_exact", lambda: False)
    assert weights_for_this_cpu(path, cache) == path


def test_a_copy_in_a_cache_that_cannot_be_written_still_serves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(int8_module, "signed_weights_exact", lambda: True)
    path, _ = _unsigned_gemm(tmp_path)
    copy = weights_for_this_cpu(path, tmp_path / "cache")

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(int8_module.os, "utime", read_only)
    assert weights_for_this_cpu(path, tmp_path / "cache") == copy


def test_a_copy_that_cannot_be_loaded_is_dropped_for_the_model_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(int8_module, "signed_weights_exact", lambda: True)
    path, weights = _unsigned_gemm(tmp_path)
    copy = weights_for_this_cpu(path, tmp_path / "cache")
    copy.write_bytes(copy.read_bytes()[:100])  # cut short, as by a full disk
    session = load_for_this_cpu(path, tmp_path / "cache", _session)
    x = np.full((2, 384), 200, dtype=np.uint8)
    exact = (x.astype(np.int32) - 128) @ weights.astype(np.int32)
    assert np.array_equal(session.run(None, {"x": x})[0], exact) and not copy.exists()


def test_an_unwritable_cache_keeps_the_uint8_weights(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(int8_module, "signed_weights_exact", lambda: True)
    path, _ = _unsigned_gemm(tmp_path)
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING, logger="index.int8"):
        assert weights_for_this_cpu(path, not_a_folder) == path
    assert "no int8 copy" in caplog.text


@needs_exact
def test_the_reader_reads_alike_from_its_int8_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [(s, TITLE) for s in [*DISTRACTORS, ANSWER]]
    fast = Reader(MODEL_DIR, cache_dir=tmp_path)
    readings = fast.read(QUESTION, sentences)
    assert len(list((tmp_path / "onnx").glob("reader-*-s8.onnx"))) == 1
    monkeypatch.setattr(int8_module, "signed_weights_exact", lambda: False)
    assert Reader(MODEL_DIR, cache_dir=tmp_path / "other").read(QUESTION, sentences) == readings
    assert not (tmp_path / "other").exists()  # uint8 weights run from the shipped file


@needs_exact
def test_a_damaged_int8_copy_is_dropped_and_the_shipped_weights_read(tmp_path: Path) -> None:
    assert Reader(MODEL_DIR, cache_dir=tmp_path)._session is not None  # makes the copy
    (copy,) = (tmp_path / "onnx").glob("reader-*-s8.onnx")
    copy.write_bytes(copy.read_bytes()[: os.path.getsize(copy) // 2])  # a copy cut short
    readings = Reader(MODEL_DIR, cache_dir=tmp_path).read(QUESTION, [(ANSWER, TITLE)])
    span = readings[0].span
    assert span is not None and ANSWER[slice(*span)] == "Kim Keon Hee" and not copy.exists()


@needs_exact
def test_the_embedder_embeds_alike_from_its_int8_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = make_embedder(DEFAULT_EMBED_MODEL)  # int8, the default
    assert isinstance(shipped, OnnxEmbedder)
    loaded: list[Path] = []
    real = int8_module.weights_for_this_cpu

    def spy(model: Path, folder: Path) -> Path:
        loaded.append(real(model, folder))
        return loaded[-1]

    monkeypatch.setattr(int8_module, "weights_for_this_cpu", spy)
    fresh = OnnxEmbedder(shipped.name, shipped._model_dir, default_cache_dir(), quantized=True)
    assert loaded and loaded[0].name.endswith("-s8.onnx") and loaded[0] != fresh._path
    ids = [fresh._tokenizer.encode(t).ids for t in [ANSWER, *DISTRACTORS]]
    for row in ids:
        assert np.array_equal(fresh._encode(fresh._session, [row]),
                              fresh._encode(_session(fresh._path), [row]))
