"""int8 weights, and which of their two stored forms this CPU multiplies fastest, exactly.

The int8 models (the embedder's export, the reader) are stored with their GEMM weights as
uint8 plus 128 (`unsigned_weights`): ONNX Runtime multiplies uint8 activations by uint8 weights
exactly on every CPU. Where its uint8 x int8 kernel is exact too (AVX-512 VNNI or AVX-VNNI: one
instruction multiplies and adds into 32 bits), that kernel is ~1.4x as fast (measured on an
AMD EPYC with AVX-512 VNNI: a reader pair of 128 tokens 29.8 → 20.5 ms, a sentence vector
6.8 → 5.0 ms, an ingest batch of 8 x 256 tokens 278 → 205 ms; every output bit for bit the
same). Without VNNI it adds pairs of products into 16 bits, which saturate (an AVX2-only EPYC:
off by 18% on random inputs). So the same numbers are run as int8 weights where a probe shows
the kernel exact (`signed_weights_exact`), from a copy made once per model
(`weights_for_this_cpu`), and as uint8 weights everywhere else. (Where a CPU without VNNI has
an exact uint8 x int8 kernel too, ARM's perhaps, the copy is used untimed: not measured here.)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

__all__ = ["PROBE_FILE", "fingerprint", "load_for_this_cpu", "signed_weights",
           "signed_weights_exact", "unsigned_weights", "weights_for_this_cpu", "write_probe"]

log = logging.getLogger(__name__)
T = TypeVar("T")

# Operators whose 8-bit weights meet uint8 activations in ONNX Runtime's integer GEMM.
_GEMMS = {"MatMulInteger": (1, 3), "QAttention": (1, 7)}  # weight, weight zero point

# A MatMulInteger of uint8 255s by int8 127s: exact, each output is K * 255 * 127; a kernel
# that adds pairs of products into 16 bits saturates at 32767 a pair and comes out ~half.
PROBE_FILE = Path(__file__).resolve().parent / "int8_probe.onnx"
_PROBE_SHAPE = (4, 384, 16)  # M, K, N: the embedder's width, so the GEMM kernel is the real one


def write_probe(path: Path = PROBE_FILE) -> None:
    """Write the probe model (shipped; regenerate with this if the probe changes)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    m, k, n = _PROBE_SHAPE
    weights = numpy_helper.from_array(np.full((k, n), 127, dtype=np.int8), "w")
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["x", "w"], ["y"])], "int8_probe",
        [helper.make_tensor_value_info("x", TensorProto.UINT8, [m, k])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [m, n])], [weights])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))


@functools.cache
def signed_weights_exact() -> bool:
    """Whether ONNX Runtime multiplies uint8 by int8 exactly on this CPU: asked of the kernel
    itself (~8 ms once a process), not inferred from CPU flags, which differ by vendor and OS."""
    try:
        import onnxruntime as ort

        session = ort.InferenceSession(str(PROBE_FILE), providers=["CPUExecutionProvider"])
        m, k, _ = _PROBE_SHAPE
        out = session.run(None, {"x": np.full((m, k), 255, dtype=np.uint8)})[0]
    except Exception as exc:  # onnxruntime's errors derive from Exception only
        log.warning("int8 probe failed (%s): keeping the uint8 weights", exc)
        return False
    return bool(np.all(out == k * 255 * 127))


def _shift(source: Path, target: Path, signed: bool) -> None:
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(source))
    inits = {i.name: i for i in model.graph.initializer}
    pairs = {(n.input[w], n.input[z]) for n in model.graph.node if n.op_type in _GEMMS
             for w, z in [_GEMMS[n.op_type]] if len(n.input) > z and n.input[z]}
    # Both or neither: a weight shifted without its zero point would be off by 128 (a missing
    # zero point is 0 whatever the type, hence only GEMMs that carry one).
    old, new = ((onnx.TensorProto.UINT8, np.int8) if signed
                else (onnx.TensorProto.INT8, np.uint8))
    for name in {name for pair in pairs for name in pair}:
        tensor = inits[name]
        if tensor.data_type == old:
            value = numpy_helper.to_array(tensor).astype(np.int16) + (-128 if signed else 128)
            tensor.CopyFrom(numpy_helper.from_array(value.astype(new), name))
    onnx.save(model, str(target))


def unsigned_weights(source: Path, target: Path) -> None:
    """The int8 GEMM weights stored as uint8 plus 128, their zero points too: the same numbers
    ((w + 128) - (z + 128) = w - z), computed exactly on every CPU."""
    _shift(source, target, signed=False)


def signed_weights(source: Path, target: Path) -> None:
    """The inverse of `unsigned_weights`: the same numbers as int8 weights."""
    _shift(source, target, signed=True)


_COPY_VERSION = 1  # bump when `signed_weights` changes what it writes
# Copies kept in the cache folder, the most recently used first: one per model in use (the
# shipped reader, a training run's), shared by every checkout holding the same file.
KEEP_COPIES = 6


def weights_for_this_cpu(model: Path, folder: Path) -> Path:
    """The file to run `model` (uint8 weights) from: a copy with int8 weights in `folder`
    where they are exact here, made once per model file (~1–2 s); `model` itself elsewhere,
    or when no copy can be made (a read-only cache, a damaged model: slower, the same
    numbers, and the model's own load says what is wrong with it)."""
    if not signed_weights_exact():
        return model
    stem = model.name.removesuffix(".onnx")
    try:
        target = folder / f"{stem}-{fingerprint([model])}-v{_COPY_VERSION}-s8.onnx"
        if target.is_file():
            with contextlib.suppress(OSError):  # a read-only cache: the copy still serves
                os.utime(target)  # used now: what `_prune` keeps longest
        else:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=folder, prefix=".s8-") as tmp:
                signed_weights(model, Path(tmp) / "s8.onnx")
                os.replace(Path(tmp) / "s8.onnx", target)  # a racing process: last wins
    except Exception as exc:  # onnx's parse errors derive from Exception only
        log.warning("Running %s with uint8 weights (~1.4x slower here): no int8 copy in %s: "
                    "%s", model, folder, exc)
        return model
    _prune(folder)
    return target


def _prune(folder: Path) -> None:
    """Keep the KEEP_COPIES copies used last. Named by content, a copy is shared by every
    checkout of the same model, and one nobody runs any more (a retrained model's, ~22 MB
    each; copies named by place grew to 6.6 GB on a test machine) is dropped in time. A
    process that loaded a copy no longer needs its file."""
    copies = []
    for path in folder.glob("*-s8.onnx"):
        with contextlib.suppress(OSError):  # removed meanwhile by another process
            copies.append((path.stat().st_mtime, path))
    for _, old in sorted(copies, reverse=True)[KEEP_COPIES:]:
        with contextlib.suppress(OSError):  # read-only, or another process got there first
            old.unlink()


def load_for_this_cpu(model: Path, folder: Path, load: Callable[[Path], T]) -> T:
    """`load` of the int8 copy where there is one. A copy that fails to load (cut short,
    removed meanwhile by another process) is dropped and the model itself loaded: a failure
    then is the model's, for the caller to report or repair."""
    run = weights_for_this_cpu(model, folder)
    if run != model:
        try:
            return load(run)
        except Exception as exc:  # onnxruntime's errors derive from Exception only
            log.warning("Loading %s instead: %s cannot be loaded (%s)", model, run, exc)
            with contextlib.suppress(OSError):
                run.unlink()
    return load(model)


def fingerprint(paths: Sequence[Path]) -> str:
    """Sizes and a hash of 33 blocks of 64 KiB spread over each file, its first and last
    included: ~3 ms, where hashing the 90 MB whole took ~0.15 s of every cold start."""
    digest = hashlib.blake2b(digest_size=8)
    for path in paths:
        size = path.stat().st_size
        digest.update(f"{path.name}:{size}".encode())
        with path.open("rb") as handle:
            for at in sorted({min(size - (1 << 16), size * i // 32) for i in range(33)}):
                handle.seek(max(0, at))
                digest.update(handle.read(1 << 16))
    return digest.hexdigest()
