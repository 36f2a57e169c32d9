"""Pairs -> token ids and answer token positions, with the tokenizer the shipped model runs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.reader import MAX_TOKENS, load_tokenizer, second_segment

from .data import Pair

__all__ = ["MAX_TOKENS", "Encoded", "encode", "second_segment", "tokenizer"]

IGNORE = -100


def tokenizer(folder: Path) -> Any:
    """The tokenizer of the model in `folder`, set up as the shipped reader runs it."""
    return load_tokenizer(folder / "tokenizer.json")


@dataclass(frozen=True)
class Encoded:
    ids: list[int]
    types: list[int]
    label: int
    start: int  # token index of the answer's first token, IGNORE when none
    end: int
    group: str = ""  # the question the pair belongs to: the ranking loss compares within it


def _token_span(encoding: Any, span: tuple[int, int] | None) -> tuple[int, int]:
    if span is None:
        return IGNORE, IGNORE
    a, b = span
    tokens = [i for i, (seq, (s, e)) in enumerate(zip(encoding.sequence_ids, encoding.offsets,
                                                      strict=True))
              if seq == 1 and s < e and e > a and s < b]
    # The answer's last character beyond the last token: truncated away, nothing to learn.
    if not tokens or encoding.offsets[tokens[-1]][1] < b:
        return IGNORE, IGNORE
    return tokens[0], tokens[-1]


def encode(tok: Any, pairs: Sequence[Pair]) -> list[Encoded]:
    texts = [(p.question, second_segment(p.sentence, p.title)) for p in pairs]
    out = []
    for pair, enc in zip(pairs, tok.encode_batch(texts), strict=True):
        start, end = _token_span(enc, pair.span)
        out.append(Encoded(enc.ids, enc.type_ids, pair.label, start, end, pair.question_id))
    return out
