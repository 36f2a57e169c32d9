"""The trained reader as ONNX: exported, attention fused, weights int8 — what the package ships."""

from __future__ import annotations

import shutil
import tempfile
import warnings
from pathlib import Path

import torch

from index.onnx_embedder import quantize_int8

from .model import Reader

__all__ = ["export_reader"]

INPUTS = ["input_ids", "attention_mask", "token_type_ids"]
OUTPUTS = ["relevance", "start", "end"]


def export_reader(model: Reader, tokenizer_json: Path, target_dir: Path,
                  quantized: bool = True) -> Path:
    """Write `reader.onnx` (int8 weights unless `quantized` is False) and its tokenizer."""
    from onnxruntime.transformers import optimizer

    model = model.eval()
    config = model.encoder.config
    sample = torch.ones(2, 8, dtype=torch.long)
    types = torch.zeros_like(sample)
    types[:, 4:] = 1
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw, fused = Path(tmp) / "raw.onnx", Path(tmp) / "fused.onnx"
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, (sample, sample, types), str(raw), input_names=INPUTS,
                              output_names=OUTPUTS, opset_version=17, dynamo=False,
                              dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in INPUTS},
                                            "relevance": {0: "batch"},
                                            "start": {0: "batch", 1: "tokens"},
                                            "end": {0: "batch", 1: "tokens"}})
        optimizer.optimize_model(str(raw), model_type="bert", opt_level=1,
                                 num_heads=config.num_attention_heads,
                                 hidden_size=config.hidden_size).save_model_to_file(str(fused))
        final = target_dir / "reader.onnx"
        if quantized:
            quantize_int8(fused, Path(tmp) / "int8.onnx")
            shutil.move(str(Path(tmp) / "int8.onnx"), final)
        else:
            shutil.move(str(fused), final)
    shutil.copyfile(tokenizer_json, target_dir / "tokenizer.json")
    return final
