"""The trained reader (see `train/` and `assistant/models/MODEL_CARD.md`) on ONNX Runtime.

For a question and candidate sentences it gives, in one forward pass per sentence, how likely
each sentence states the answer (`relevance`) and the short answer inside it (`span`): the
model ranks the evidence, decides abstention and picks out "Kim Keon Hee" from a 40-word quote.
No torch at query time: tokenizers + onnxruntime, as the embedder.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from index.embedding import default_cache_dir
from index.int8 import load_for_this_cpu

from .errors import ReaderUnavailableError
from .memo import Memo

__all__ = ["MAX_TOKENS", "MODEL_DIR", "Reader", "Reading", "best_span", "get_reader",
           "load_tokenizer", "second_segment"]

MODEL_DIR = Path(__file__).resolve().parent / "models"
MAX_TOKENS = 96
MAX_ANSWER_TOKENS = 12
READINGS_MAX = 20_000  # (question, sentence, title) readings remembered: a few MB


def second_segment(sentence: str, title: str) -> str:
    """The sentence first, its article's title after it: truncation cuts the title, not the
    sentence, and the title tells the model what "he" or "the company" is about. Training
    (`train/encode.py`) builds its inputs with this same function."""
    return f"{sentence} || {title[:120]}" if title else sentence


def load_tokenizer(path: Path) -> Any:
    """MiniLM's tokenizer as the reader is trained and run: pairs, at most MAX_TOKENS."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS, strategy="longest_first")
    return tok


def best_span(start: np.ndarray, end: np.ndarray, limit: int = MAX_ANSWER_TOKENS
              ) -> tuple[int, int, float]:
    """The (first, last) token pair with the highest start + end logit, first <= last <
    first + limit."""
    n = len(start)
    total = start[:, None] + end[None, :]
    allowed = np.triu(np.ones((n, n), dtype=bool)) & ~np.triu(np.ones((n, n), dtype=bool), limit)
    total = np.where(allowed, total, -np.inf)
    i, j = np.unravel_index(int(np.argmax(total)), total.shape)
    return int(i), int(j), float(total[i, j])


@dataclass(frozen=True)
class Reading:
    """What the reader makes of one sentence."""

    relevance: float  # probability that the sentence states the answer
    span: tuple[int, int] | None  # the short answer's characters within the sentence
    span_score: float  # start + end logit of that span (higher: surer)


class Reader:
    def __init__(self, folder: Path = MODEL_DIR, cache_dir: Path | None = None):
        self.folder = folder
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._readings: Memo[tuple[str, str, str], Reading] = Memo(READINGS_MAX)

    @cached_property
    def _tokenizer(self) -> Any:
        return load_tokenizer(self._file("tokenizer.json"))

    @cached_property
    def _session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        # One thread per run, the runs side by side (`_pool`): a pair of ~60 tokens is too
        # small to split well between threads (2 threads on one pair: ~9 ms; 2 pairs at once on
        # one thread each: ~7 ms a pair here).
        options.intra_op_num_threads = 1
        # Sleeping, not spinning, threads: llama.cpp may share the process and the cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        model = self._file("reader.onnx")

        def load(file: Path) -> Any:
            return ort.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])

        try:
            return load_for_this_cpu(model, (self._cache_dir or default_cache_dir()) / "onnx",
                                     load)
        except Exception as exc:  # onnxruntime's errors derive from Exception only
            raise ReaderUnavailableError(
                f"The reader model {model} cannot be loaded ({exc}). Reinstall newsqa, or "
                "rebuild the model with `make train`.") from exc

    @cached_property
    def _pool(self) -> ThreadPoolExecutor:
        # ONNX Runtime releases the GIL in `run`, and one session serves concurrent runs.
        return ThreadPoolExecutor(max(1, os.cpu_count() or 1), thread_name_prefix="reader")

    def _file(self, name: str) -> Path:
        path = self.folder / name
        if not path.is_file():
            raise ReaderUnavailableError(
                f"The reader model is missing ({path}). Reinstall newsqa, or rebuild the model "
                "with `make train`.")
        return path

    def read(self, question: str, sentences: Sequence[tuple[str, str]]) -> list[Reading]:
        """Score (sentence, article title) pairs for the question. Remembered: a pair is run
        alone, so its reading never depends on what else is read, and a question asked again
        (the UI's retry, another backend, the tuning's two passes) reads nothing twice."""
        return self._readings.get_many(
            [(question, s, t) for s, t in sentences],
            lambda keys: self._read(question, [(s, t) for _, s, t in keys]))

    def _read(self, question: str, sentences: Sequence[tuple[str, str]]) -> list[Reading]:
        if not sentences:
            return []
        pairs = [(question, second_segment(s, t)) for s, t in sentences]
        with self._lock:
            encodings = self._tokenizer.encode_batch(pairs)
        relevance, start, end = self.logits(encodings)
        return [_reading(enc, sentence, relevance[k], start[k], end[k])
                for k, (enc, (sentence, _)) in enumerate(zip(encodings, sentences, strict=True))]

    def logits(self, encodings: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Relevance logits and start/end logits per token (-1e9 past a pair's own tokens).

        Each pair is run alone, never batched with others: the int8 model quantizes its
        activations with one scale per run (ONNX Runtime's DynamicQuantizeLinear), so in a
        batch a sentence's score moved with whichever sentences shared it (by up to 0.26 logit
        among the 16 a question then had), and the answer with them. Alone, a pair always scores the
        same, on a scale fitted to it, and no pair is padded. The runs go side by side, one
        per core (`_pool`)."""
        width = max(len(e.ids) for e in encodings)
        relevance = np.zeros(len(encodings), dtype=np.float32)
        start = np.full((len(encodings), width), -1e9, dtype=np.float32)
        end = start.copy()
        session = self._session  # made here, once, not by two pool threads at a time
        runs = self._pool.map(lambda e: _run(session, e), encodings)
        for k, (r, s, t) in enumerate(runs):
            n = len(encodings[k].ids)
            relevance[k], start[k, :n], end[k, :n] = r.reshape(-1)[0], s[0], t[0]
        return relevance, start, end


def _run(session: Any, encoding: Any) -> list[np.ndarray]:
    ids = np.array([encoding.ids], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64)}
    return list(session.run(None, feed))


def _reading(enc: Any, sentence: str, relevance: float, start: np.ndarray,
             end: np.ndarray) -> Reading:
    # Only the sentence's own tokens may hold the answer, not the title after it.
    inside = [i for i, (seq, (a, b)) in enumerate(zip(enc.sequence_ids, enc.offsets, strict=True))
              if seq == 1 and a < b and b <= len(sentence)]
    probability = float(1.0 / (1.0 + np.exp(-float(relevance))))
    if not inside:
        return Reading(probability, None, float("-inf"))
    first, last = inside[0], inside[-1] + 1
    a, b, score = best_span(start[first:last], end[first:last])
    span = (enc.offsets[first + a][0], enc.offsets[first + b][1])
    return Reading(probability, _whole_words(sentence, span), score)


def _whole_words(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a span cut inside a word ("Kim Keon H|ee") to whole words; word pieces can stop
    mid-word, a quoted answer must not."""
    a, b = span
    while a > 0 and (sentence[a - 1].isalnum() or _inside_figure(sentence, a - 1)):
        a -= 1
    while b < len(sentence) and (sentence[b].isalnum() or _inside_figure(sentence, b)):
        b += 1
    clock = _CLOCK_SUFFIX.match(sentence, b) if _CLOCK_END.search(sentence, 0, b) else None
    return a, clock.end() if clock else b


# A figure's own marks ("9:36", "1,300", "2.4") and a time's "a.m."/"p.m." belong to it: the
# reader's word pieces stop at "9" of "9:36 p.m.".
_CLOCK_END = re.compile(r"\d:\d\d$")
_CLOCK_SUFFIX = re.compile(r" ?[ap]\.m\.", re.I)


def _inside_figure(sentence: str, i: int) -> bool:
    return (sentence[i] in ":.," and 0 < i < len(sentence) - 1
            and sentence[i - 1].isdigit() and sentence[i + 1].isdigit())


_READERS: dict[Path, Reader] = {}
_READERS_LOCK = threading.Lock()


def get_reader(folder: Path = MODEL_DIR) -> Reader:
    """One reader per model folder per process: the session is loaded once."""
    with _READERS_LOCK:
        if folder not in _READERS:
            _READERS[folder] = Reader(folder)
        return _READERS[folder]
