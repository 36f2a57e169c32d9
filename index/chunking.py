"""Sentence-aware chunks of a few hundred tokens, each knowing its character span in the article."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from .sentences import sentence_spans
from .types import Article, Chunk

__all__ = ["DEFAULT_CHUNK_TOKENS", "chunk_article", "count_tokens", "embedding_text"]

# 200 tiktoken tokens stay under MiniLM's 256 word-piece window once the title is prepended.
DEFAULT_CHUNK_TOKENS = 200
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[int]]:
    import tiktoken

    from .offline import use_bundled_tiktoken

    use_bundled_tiktoken()
    return tiktoken.get_encoding("cl100k_base").encode


def count_tokens(text: str) -> int:
    return len(_tokenizer()(text))


def chunk_article(article: Article, chunk_tokens: int = DEFAULT_CHUNK_TOKENS) -> list[Chunk]:
    """Pack whole sentences into chunks; each chunk repeats the previous chunk's last sentence so a
    fact that straddles a boundary is retrievable from either side."""
    spans = _bounded_spans(article.text, chunk_tokens)
    sizes = [count_tokens(article.text[a:b]) for a, b in spans]
    chunks: list[Chunk] = []
    i = 0
    while i < len(spans):
        j, total = i, 0
        while j < len(spans) and (j == i or total + sizes[j] <= chunk_tokens):
            total += sizes[j]
            j += 1
        start, end = spans[i][0], spans[j - 1][1]
        chunks.append(Chunk(article.id, len(chunks), start, end, article.text[start:end]))
        if j >= len(spans):
            break
        i = j - 1 if j - 1 > i and sizes[j - 1] < chunk_tokens // 2 else j
    return _distinct(chunks)


def _distinct(chunks: list[Chunk]) -> list[Chunk]:
    """Each text once. A chunk repeated word for word retrieves nothing its first copy does
    not, and thousands of identical vectors (a page repeating one paragraph) break the vector
    index's search for every other article: its 40 nearest were all copies, at cosine 0.05,
    and a chunk at 0.62 was never found."""
    seen: set[str] = set()
    out: list[Chunk] = []
    for chunk in chunks:
        if chunk.text not in seen:
            seen.add(chunk.text)
            out.append(replace(chunk, index=len(out)))
    return out


def _bounded_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Sentence spans, with any sentence longer than `limit` tokens (a run-on list, a table row
    dump) cut at word boundaries into pieces that fit."""
    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        if count_tokens(text[start:end]) <= limit:
            spans.append((start, end))
        else:
            spans.extend(_word_pieces(text, start, end, limit))
    return spans


def _word_pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start, last_end, total = start, start, 0
    for word in _WORD.finditer(text, start, end):
        size = count_tokens(" " + word.group())
        if total and total + size > limit:
            pieces.append((piece_start, last_end))
            piece_start, total = word.start(), 0
        total += size
        last_end = word.end()
    pieces.append((piece_start, end))
    return pieces


def embedding_text(article: Article, chunk: Chunk) -> str:
    """What the embedder sees: the headline gives a bare paragraph its topic. Never quoted."""
    return f"{article.title}\n{chunk.text}"
