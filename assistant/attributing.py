"""How an answer names its sources: " (outlet, date)" after a quote, and how another report's
figure is introduced beside the answer's ("An earlier report, of 12 August 2025, gave:")."""

from __future__ import annotations

from index import Article

from .quotes import enquote
from .relative_dates import human_date

__all__ = ["attribution", "other_figure"]


def attribution(article: Article, with_title: bool) -> str:
    """" (outlet, date)" after a quote, its title first where asked ("(“Title”, …)")."""
    bits = [enquote(article.title)] if with_title else []
    bits += [b for b in (article.outlet, human_date(article.published)) if b]
    return f" ({', '.join(bits)})" if bits else ""


def other_figure(anchor: Article, other: Article) -> str:
    """How another figure's report is introduced: the best sentence's own article is no other
    report, and one dated before it is an earlier one, said with its date."""
    if other.id == anchor.id:
        return "The same article also gives:"
    if anchor.published and other.published and other.published < anchor.published:
        return f"An earlier report, of {human_date(other.published)}, gave:"
    return "Another report gives a different figure:"
