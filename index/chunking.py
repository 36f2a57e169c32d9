"""Sentence-aware chunks of a few hundred tokens, each knowing its character span in the article."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .sentences import sentence_spans
from .types import Article, Chunk

__all__ = ["DEFAULT_CHUNK_TOKENS", "chunk_article", "count_tokens", "embedding_text"]

# 200 tiktoken tokens stay under MiniLM's 256 word-piece window once the title is prepended.
DEFAULT_CHUNK_TOKENS = 200


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
    spans = sentence_spans(article.text)
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
    return chunks


def embedding_text(article: Article, chunk: Chunk) -> str:
    """What the embedder sees: the headline gives a bare paragraph its topic. Never quoted."""
    return f"{article.title}\n{chunk.text}"
