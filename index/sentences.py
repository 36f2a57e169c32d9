"""Sentence spans with character offsets, so chunks and quotes can point into an article exactly."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["sentence_spans"]

# Punkt's pre-trained English model knows abbreviations ("U.S.", "Gen.") that a regex would split
# on; llama-index ships its data, so no download is needed.
_NLTK_DATA_PACKAGES = ("llama_index.core",)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import nltk
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    for package in _NLTK_DATA_PACKAGES:
        try:
            from importlib.util import find_spec
            from pathlib import Path

            spec = find_spec(package)
            if spec and spec.submodule_search_locations:
                cache = Path(next(iter(spec.submodule_search_locations))) / "_static" / "nltk_cache"
                if cache.is_dir() and str(cache) not in nltk.data.path:
                    nltk.data.path.append(str(cache))
        except ImportError:
            continue
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        return PunktTokenizer("english")
    except (LookupError, ImportError):
        return PunktSentenceTokenizer()


_LINE = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; a sentence never crosses a line (a paragraph) boundary."""
    return list(_spans(text))


@lru_cache(maxsize=2048)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    # Remembered: questions keep returning to the same articles, and Punkt takes ~5 ms for
    # an article's worth of text.
    tokenizer = _tokenizer()
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        offset = line.start()
        for start, end in tokenizer.span_tokenize(line.group()):
            spans.append((offset + start, offset + end))
    return tuple(spans)
