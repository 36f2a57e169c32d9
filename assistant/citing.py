"""Numbering citations in the order an answer uses them, one number per distinct quote."""

from __future__ import annotations

from index import Article

from .types import Citation

__all__ = ["CitationList"]


class CitationList:
    """Collects citations; the same span cited twice keeps its first number."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, article: Article, start: int, end: int) -> int:
        for c in self.items:
            if c.article_id == article.id and (c.start, c.end) == (start, end):
                return c.n
        n = len(self.items) + 1
        self.items.append(Citation(
            n=n, quote=article.text[start:end], article_id=article.id, title=article.title,
            outlet=article.outlet, published=article.published, source=article.source,
            start=start, end=end,
        ))
        return n
