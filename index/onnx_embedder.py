"""A sentence-transformers model run by ONNX Runtime instead of torch.

Why: importing sentence-transformers (torch + transformers) takes ~5 s, more than the rest of a
fresh `newsqa ask` together, and torch encodes MiniLM's 256-token chunks ~25% slower than ONNX
Runtime with its fused BERT kernels on these cores (bench/results.md). The vectors are the same
model's (cosine >= 0.99999 to sentence-transformers', tests/test_index_onnx.py), so an index built
either way answers queries from the other.

The ONNX file is exported once from the model folder (needs torch, transformers and onnx, all
installed) into a cache directory; later processes import only onnxruntime and tokenizers.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from .embedding import QueryCache
from .errors import EmbedderUnavailableError
from .int8 import fingerprint, load_for_this_cpu, unsigned_weights

__all__ = ["OnnxEmbedder", "onnx_compatible", "quantize_int8"]

log = logging.getLogger(__name__)
# Measured here: 34 chunks/s of 256 tokens at 8 per batch, 27 at 64; 48 short sentences in
# 165 ms at 8 per batch, 310 ms in one batch. Small batches keep the working set in cache.
_BATCH = 8
# From this many texts on (an ingest's batches), a second session whose threads spin between
# operators instead of sleeping: ~5% more texts/s, and an ingest keeps the cores busy anyway (a
# local answer written meanwhile is slowed by the ingest either way). A question's few
# sentences stay on the sleeping session, one text per run, the runs side by side on one thread
# each: 16 sentences of ~30 tokens in ~57 ms that way, ~70 ms in batches of 8 on two threads
# (and a question alone on one thread in 2.6 ms, on two in 3.1 ms).
_BULK_TEXTS = 64
_INPUTS = ["input_ids", "attention_mask", "token_type_ids"]
_EXPORT_VERSION = 2  # bump when export_onnx changes what it writes (2: unsigned_weights)


def onnx_compatible(model_dir: Path) -> bool:
    """A BERT transformer + mean pooling (+ normalize) model: what OnnxEmbedder reproduces.
    Others (MPNet, CLS pooling, ...) stay with sentence-transformers."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
        config = json.loads((model_dir / "config.json").read_text())
    except (OSError, ValueError, KeyError, TypeError):
        return False
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
    return (kinds[:2] == ["Transformer", "Pooling"] and set(kinds[2:]) <= {"Normalize"}
            and modes == ["pooling_mode_mean_tokens"] and config.get("model_type") == "bert"
            and (model_dir / "tokenizer.json").is_file()
            and (model_dir / "sentence_bert_config.json").is_file())


def _cache_file(name: str, model_dir: Path, cache_dir: Path) -> Path:
    """Named after the weights it came from and how it was made: a changed model, a new
    onnxruntime (whose fused operators it targets) or a new export recipe gets a fresh file.
    The weights are known by content, not by path or mtime, so two installs of one model (a
    checkout's venv and a CI clone's) share one export instead of replacing each other's."""
    import onnxruntime

    files = sorted([*model_dir.glob("*.safetensors"), *model_dir.glob("*.bin"),
                    model_dir / "config.json"])
    key = (f"{_label(name)}-{fingerprint([f for f in files if f.is_file()])}"
           f"-ort{onnxruntime.__version__}-v{_EXPORT_VERSION}")
    return cache_dir / "onnx" / f"{key}.onnx"


def _label(name: str) -> str:
    return re.sub(r"[^\w.]+", "_", name).strip("_")[-60:]


def _hidden_states(model: Any) -> Any:
    """The transformer's last hidden state as the one output, inputs passed by name (the
    model's forward takes more positional parameters than the three we feed)."""
    import torch

    class Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    return Hidden()


def export_onnx(model_dir: Path, target: Path, quantized: bool = False) -> None:
    """Export the transformer to ONNX and fuse its attention for ONNX Runtime's CPU kernels;
    `quantized`: int8 weights too."""
    import torch
    from onnxruntime.transformers import optimizer
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(model_dir)
    # Eager attention exports as the MatMul/Softmax pattern the fusion recognises; the SDPA
    # graph stays unfused and runs ~1.9x slower.
    model = AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval()
    sample = torch.ones(2, 8, dtype=torch.long)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as tmp:
        raw = Path(tmp) / "raw.onnx"
        with torch.no_grad(), warnings.catch_warnings():
            # "aten::index ... negative values": BERT indexes with non-negative ids only.
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _hidden_states(model), (sample, sample, torch.zeros_like(sample)), str(raw),
                input_names=_INPUTS, output_names=["hidden"], opset_version=17, dynamo=False,
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*_INPUTS, "hidden"]})
        fused = optimizer.optimize_model(str(raw), model_type="bert", opt_level=1,
                                         num_heads=config.num_attention_heads,
                                         hidden_size=config.hidden_size)
        fused.save_model_to_file(str(Path(tmp) / "fused.onnx"))
        if quantized:
            quantize_int8(Path(tmp) / "fused.onnx", Path(tmp) / "int8.onnx")
        # Another process may export at the same time: each writes its own file, last wins.
        os.replace(Path(tmp) / ("int8.onnx" if quantized else "fused.onnx"), target)
    for old in target.parent.glob(f"{target.name.split('-')[0]}-*.onnx"):
        if old != target:  # an earlier model or recipe: ~90 MB nobody reads any more
            old.unlink(missing_ok=True)


def quantize_int8(source: Path, target: Path) -> None:
    """int8 weights, one scale per output channel: measured here 74 texts/s against 44 for
    the float model (MiniLM, ~220 tokens each), cosine to the float vectors >= 0.99 (one scale
    per tensor: 0.92)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()  # it logs "consider pre-processing" on the root logger
    level = root.level
    try:
        root.setLevel(logging.ERROR)
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8,
                         per_channel=True,
                         # the fused operators' outputs have no inferred type: they are float
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        root.setLevel(level)
    unsigned_weights(target, target)


def _options(spinning: bool) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, os.cpu_count() or 1) if spinning else 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
    options.log_severity_level = 3  # the fused graph's benign warnings
    return options


def _session(name: str, model_dir: Path, path: Path, quantized: bool,
             spinning: bool = False) -> Any:
    """An inference session on the exported model; exported first if it is not there yet, and
    again if the file is damaged (a full disk, a copy cut short). By default waiting threads
    sleep instead of spinning: spinning starves llama.cpp's threads (the local backend, in the
    same process) and the neighbours' on a 2-core machine. The sleeping session runs on one
    thread (see _BULK_TEXTS), the spinning one on every core."""
    import onnxruntime as ort

    options = _options(spinning)
    for attempt in range(2):
        if attempt or not path.is_file():
            log.warning("Exporting the embedding model %s to ONNX (once, ~10 s) into %s",
                        name, path.parent)
            export_onnx(model_dir, path, quantized)
        def load(file: Path) -> Any:
            return ort.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])

        try:
            return load_for_this_cpu(path, path.parent, load) if quantized else load(path)
        except Exception as exc:  # onnxruntime's errors derive from Exception only
            if attempt:
                raise EmbedderUnavailableError(
                    f"The embedding model's ONNX file {path} cannot be loaded, even exported "
                    f"again ({exc}). Delete {path.parent} and run again, or set "
                    "NEWSQA_EMBED_RUNTIME=torch.") from exc
            log.warning("Re-exporting %s: %s", path, exc)
    raise AssertionError("unreachable")


class OnnxEmbedder(QueryCache):
    """Tokenize (tokenizers) -> transformer (ONNX Runtime) -> mean pooling -> unit length: the
    same steps as sentence-transformers for a mean-pooling BERT model, without importing
    torch."""

    def __init__(self, name: str, model_dir: Path, cache_dir: Path,
                 quantized: bool = False) -> None:
        try:
            from tokenizers import Tokenizer

            self._path = _cache_file(name, model_dir, cache_dir)
            self._session = _session(name, model_dir, self._path, quantized)
            self._inputs = {i.name for i in self._session.get_inputs()}
            self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
            settings = json.loads((model_dir / "sentence_bert_config.json").read_text())
        except (ImportError, OSError, RuntimeError, ValueError) as exc:
            raise EmbedderUnavailableError(
                f"Cannot run the embedding model '{name}' with ONNX Runtime: {exc}. Set "
                "NEWSQA_EMBED_RUNTIME=torch to use sentence-transformers instead (same "
                "vectors), or XDG_CACHE_HOME to a writable folder for the one-time export."
            ) from exc
        # tokenizer.json already lower-cases for uncased models (its normalizer), as
        # sentence-transformers' fast tokenizer does.
        self._tokenizer.enable_truncation(max_length=int(settings.get("max_seq_length", 256)))
        self._tokenizer.no_padding()
        self.name = name
        self._model_dir, self._quantized = model_dir, quantized
        self._bulk: Any = None
        self._bulk_lock = threading.Lock()
        # ONNX Runtime releases the GIL in `run`, and one session serves concurrent runs.
        self._pool = ThreadPoolExecutor(max(1, os.cpu_count() or 1),
                                        thread_name_prefix="embedder")
        self.dim = int(self._session.get_outputs()[0].shape[-1] or 0) or len(
            self.embed_documents(["dimension probe"])[0])

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) < _BULK_TEXTS:
            return self.embed_each(texts)
        encodings = self._tokenizer.encode_batch(list(texts))
        # Longest first, as sentence-transformers does: batches of similar length pad little.
        order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        session = self._bulk_session()
        out = np.empty((len(texts), 0), dtype=np.float32)
        for start in range(0, len(order), _BATCH):
            rows = order[start:start + _BATCH]
            vectors = self._encode(session, [encodings[i].ids for i in rows])
            if out.shape[1] == 0:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return out

    def embed_each(self, texts: Sequence[str]) -> np.ndarray:
        """One text per run, the runs side by side: a text's vector never depends on what it
        was embedded with (the int8 model quantizes each run's activations with one scale),
        and short texts pad nothing."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        session = self._session
        return np.concatenate(list(self._pool.map(
            lambda e: self._encode(session, [e.ids]), self._tokenizer.encode_batch(list(texts)))))

    def _bulk_session(self) -> Any:
        """The spinning session, made on the first large call. If it cannot be made (its file
        gone since start-up and no export possible), the sleeping one does the work."""
        with self._bulk_lock:
            if self._bulk is None:
                try:
                    self._bulk = _session(self.name, self._model_dir, self._path,
                                          self._quantized, spinning=True)
                except Exception as exc:  # onnxruntime's errors derive from Exception only
                    log.warning("Embedding on the one session: %s", exc)
                    self._bulk = self._session
            return self._bulk

    def _encode(self, session: Any, ids: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros_like(input_ids)
        for r, row in enumerate(ids):
            input_ids[r, :len(row)] = row
            mask[r, :len(row)] = 1
        feed = {"input_ids": input_ids, "attention_mask": mask,
                "token_type_ids": np.zeros_like(input_ids)}
        hidden = session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        weights = mask.astype(np.float32)
        # Mean over the real tokens as one batched product: (rows, 1, tokens) @ (rows, tokens,
        # dim); an elementwise product and sum took ~10x longer (in float64 at that).
        summed = np.matmul(weights[:, None, :], hidden)[:, 0]
        mean = summed / weights.sum(axis=1, keepdims=True).clip(min=1)
        return (mean / np.linalg.norm(mean, axis=1, keepdims=True).clip(min=1e-12)).astype(
            np.float32)

