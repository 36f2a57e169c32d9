"""A BM25 index over the same chunks as Chroma, persisted beside it.

bm25s cannot add or delete documents, so the index is rebuilt from Chroma after every change; a
`generation` token written with it tells whether it still matches the store it was built from.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["Bm25Hit", "Bm25Index", "fold_accents"]

_META = "newsqa_meta.json"
# How the words were read: an index saved another way is rebuilt (`load`). "folded": accents
# dropped, so that "Ekstrom" typed finds "Ekström".
_TOKENS = "folded-2"
# Letters no decomposition takes apart: "Sørvik" is typed "Sorvik", "Łódź" "Lodz".
_LETTERS = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
            "ß": "ss", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"}


class _Folded(dict[int, str]):
    """Each character's folded form, worked out once: `terms` folds every sentence read."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", _LETTERS.get(char, char))
        self[code] = folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        return folded


_FOLDED = _Folded()


def fold_accents(text: str) -> str:
    """The text without its accents ("Sjöberg" -> "Sjoberg"): a user types names as they can."""
    return text if text.isascii() else text.translate(_FOLDED)


def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


@dataclass(frozen=True)
class Bm25Hit:
    chunk_id: str
    score: float


class Bm25Index:
    """Chunk ids, their published dates (for date filters) and a bm25s retriever."""

    def __init__(self, retriever: Any, ids: list[str], published: np.ndarray, generation: str):
        self._retriever = retriever
        self.ids = ids
        self.published = published
        self.generation = generation
        self._stem = _stemmer()

    @classmethod
    def build(
        cls, ids: Sequence[str], texts: Sequence[str], published: Sequence[int | None],
        generation: str,
    ) -> Bm25Index:
        import bm25s

        retriever = bm25s.BM25()
        if texts:
            tokens = bm25s.tokenize(
                [fold_accents(t) for t in texts], stopwords="en", stemmer=_stemmer(),
                show_progress=False,
            )
            retriever.index(tokens, show_progress=False)
        dates = np.asarray([-1 if p is None else p for p in published], dtype=np.int64)
        return cls(retriever, list(ids), dates, generation)

    def save(self, folder: Path) -> None:
        """Write to a temporary folder, then swap it in, so a crash never leaves half a file."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self._retriever.save(str(tmp))
        np.save(tmp / "published.npy", self.published)
        (tmp / _META).write_text(json.dumps({"generation": self.generation, "ids": self.ids,
                                             "tokens": _TOKENS}))
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> Bm25Index | None:
        """The saved index, or None when there is none, it is unreadable or its words were read
        another way (it will be rebuilt)."""
        import bm25s

        try:
            meta = json.loads((folder / _META).read_text())
            if meta.get("tokens") != _TOKENS:
                return None  # read another way: rebuilt from the store
            published = np.load(folder / "published.npy")
            retriever = bm25s.BM25.load(str(folder)) if meta["ids"] else bm25s.BM25()
        except (OSError, ValueError, KeyError):
            return None
        return cls(retriever, meta["ids"], published, meta["generation"])

    def query(
        self, text: str, k: int, since: int | None = None, until: int | None = None,
        articles: Sequence[str] | None = None,
    ) -> list[Bm25Hit]:
        import bm25s

        if not self.ids:
            return []
        tokens = bm25s.tokenize(
            [fold_accents(text)], stopwords="en", stemmer=self._stem, return_ids=False,
            show_progress=False,
        )
        vocab = self._retriever.vocab_dict
        words = [t for t in tokens[0] if t in vocab]
        if not words:
            return []
        mask = self._mask(since, until, articles)
        k = min(k, len(self.ids))
        docs, scores = self._retriever.retrieve(
            [words], k=k, show_progress=False, weight_mask=mask, n_threads=1
        )
        return [Bm25Hit(self.ids[int(d)], float(s))
                for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def any_after(self, day: int) -> bool:
        """Is any chunk dated after the day (an ordinal)?"""
        return bool((self.published > day).any())

    def _mask(self, since: int | None, until: int | None, articles: Sequence[str] | None
              ) -> np.ndarray | None:
        """The chunks within the dates and, given `articles`, of those articles (a chunk's id
        is its article's, ":", its number)."""
        if since is None and until is None and not articles:
            return None
        ok = self.published >= 0 if since is not None or until is not None else (
            np.ones(len(self.ids), dtype=bool))
        if articles:
            wanted = set(articles)
            ok &= np.fromiter((i.rpartition(":")[0] in wanted for i in self.ids), bool,
                              len(self.ids))
        if since is not None:
            ok &= self.published >= since
        if until is not None:
            ok &= self.published <= until
        return ok.astype(np.float32)
