"""Reproduce the shipped reader from its predecessor: `python -m train.shipped` (`make
reproduce-reader`).

The shipped `assistant/models/reader.onnx` is not what `make train` makes from nothing (a run of
the recipe is a reader of its own, weaker on the quiz tuning set; MODEL_CARD.md). It is the
reader shipped before it (commit PREDECESSOR, trained over several sittings) with the phrase
stage added: its int8 weights dequantized (`train.dequant`), the phrase stage trained on them
(seed 13, the ranking stage's settings), exported to int8 again. This runs that last step and
says whether the file it writes is the shipped one, byte for byte: it was on an AMD EPYC with
native bfloat16 (2026-12-05, 4.4 minutes from an empty `out`); elsewhere the forward passes'
arithmetic differs and so does the file. The thresholds are not tuned here: `train.tune` over
stores built on another machine fits slightly other numbers.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from .data import DEFAULT_DATA
from .encode import encode, tokenizer
from .loop import TrainConfig, bf16_supported, train
from .model import bundled_minilm
from .phrase import PHRASE_STAGE, phrase_stage
from .rankstage import rank_stage
from .run import DEFAULT_OUT, RANK_STAGE, SHIPPED, _rank_config

__all__ = ["PREDECESSOR", "main", "reproduce"]

PREDECESSOR = "c2c2b41"  # the commit whose assistant/models/reader.onnx the phrase stage began from
SEED = 13


def _predecessor(root: Path, target: Path) -> Path:
    """The previous shipped reader, from git history (a clone has it; an export does not)."""
    path = target / "predecessor.onnx"
    if not path.is_file():
        try:
            blob = subprocess.run(["git", "-C", str(root), "show",
                                   f"{PREDECESSOR}:assistant/models/reader.onnx"],
                                  capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            raise SystemExit(f"cannot read the predecessor reader from git ({e}): run this in a "
                             f"git clone of newsqa with its history (commit {PREDECESSOR})") from e
        target.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
    return path


def reproduce(data: Path = DEFAULT_DATA, out: Path = DEFAULT_OUT, progress: bool = True) -> bool:
    """Write out/shipped/reader.onnx and say whether it is the shipped file."""
    from .dequant import dequantized_reader
    from .export import export_reader

    target = out / "shipped"
    model = dequantized_reader(_predecessor(SHIPPED.parents[1], target))
    # The stage's questions are the ones `make train` caches in `out` for the same seed.
    pairs = phrase_stage(data, out, SEED, rank_stage(data, out, SEED, RANK_STAGE), PHRASE_STAGE)
    config = _rank_config(TrainConfig(seed=SEED, bf16=bf16_supported()))
    for _ in train(model, encode(tokenizer(bundled_minilm()), pairs), config,
                   target / "checkpoint-phrase.pt", progress):
        pass
    export_reader(model, bundled_minilm() / "tokenizer.json", target, quantized=True)
    made, shipped = (p.read_bytes() for p in (target / "reader.onnx", SHIPPED / "reader.onnx"))
    digest = hashlib.sha256(made).hexdigest()[:16]
    same = made == shipped
    print(f"{target / 'reader.onnx'}: sha256 {digest}…, "
          + ("the shipped file, byte for byte" if same else
             f"not the shipped file (sha256 {hashlib.sha256(shipped).hexdigest()[:16]}…)"
             + ("" if config.bf16 else ": this CPU has no native bfloat16")))
    return same


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    raise SystemExit(0 if reproduce(args.data, args.out) else 1)


if __name__ == "__main__":
    main()
