"""A shipped int8 reader's weights, back in the torch model it was exported from.

`train.export` fuses the graph (one QAttention per layer, its query, key and value weights side by
side) and stores every matrix as 8-bit integers with a scale per output channel. This undoes
that: each weight is (integer - zero point) x scale, put back under its torch name. The
weights are exactly on the int8 grid, so exporting them again gives the same file byte for byte
(`tests/test_reader.py`), and a stage trained on them starts from what ships: the shipped
reader is its predecessor plus the phrase stage, trained this way (`train.shipped`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from .model import Reader, bundled_minilm

__all__ = ["dequantized_reader"]

_LAYER_MATRICES = ("attention.output.dense", "intermediate.dense", "output.dense")
_LAYER_NORMS = ("attention.output.LayerNorm", "output.LayerNorm")
_EMBEDDINGS = ("word_embeddings.weight", "position_embeddings.weight",
               "token_type_embeddings.weight", "LayerNorm.weight", "LayerNorm.bias")


def dequantized_reader(path: Path) -> Reader:
    """The reader whose int8 export is the ONNX file at `path`, in float32 (eval mode)."""
    import onnx
    import torch
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    # The integer matrix multiplications in graph order: three per layer, then the span head.
    matrices = [n.input[1].removesuffix("_quantized") for n in graph.node
                if n.op_type == "MatMulInteger"]
    weights = _weights(init, matrices)
    model = Reader.from_minilm(bundled_minilm())
    state = model.state_dict()
    for name, value in weights.items():
        wanted = tuple(state[name].shape)
        if wanted != value.shape:
            raise ValueError(f"{path}: {name} is {value.shape}, the reader's {wanted}: not a "
                             "reader exported by train.export")
        state[name] = torch.from_numpy(np.array(value, dtype=np.float32))
    model.load_state_dict(state)  # the pooler, unused by the reader, stays MiniLM's
    return model.eval()


def _weights(init: dict[str, Any], matrices: list[str]) -> dict[str, np.ndarray]:
    def integer(base: str) -> np.ndarray:
        q = init[base + "_quantized"].astype(np.float32)
        return (q - init[base + "_zero_point"].astype(np.float32)) * init[base + "_scale"]

    out = {f"encoder.embeddings.{k}": integer(f"encoder.embeddings.{k}") for k in _EMBEDDINGS}
    for i in range((len(matrices) - 2) // 3):  # the two heads are the last two
        layer = f"encoder.encoder.layer.{i}."
        qkv, bias = integer(f"Attention_{i}_qkv_weight"), init[f"Attention_{i}_qkv_bias"]
        width = qkv.shape[1] // 3
        for j, part in enumerate(("query", "key", "value")):
            out[f"{layer}attention.self.{part}.weight"] = qkv[:, j * width:(j + 1) * width].T
            out[f"{layer}attention.self.{part}.bias"] = bias[j * width:(j + 1) * width]
        for j, name in enumerate(_LAYER_MATRICES):
            out[f"{layer}{name}.weight"] = integer(matrices[3 * i + j]).T
            out[f"{layer}{name}.bias"] = init[f"{layer}{name}.bias"]
        for name in _LAYER_NORMS:
            out[f"{layer}{name}.weight"] = init[f"{layer}{name}.weight"]
            out[f"{layer}{name}.bias"] = init[f"{layer}{name}.bias"]
    out["span.weight"] = integer(matrices[-2]).T
    out["span.bias"] = init["span.bias"]
    out["relevance.1.weight"] = integer("relevance.1.weight_Transposed").T
    out["relevance.1.bias"] = init["relevance.1.bias"]
    return out
