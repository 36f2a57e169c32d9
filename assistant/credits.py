""""Who took the photo?": whom a caption credits. A caption's own line names it ("…outside
Pyongyang on June 19, 2024. (Sputnik/Kremlin via AP)"), but as a sentence of its own that
no reader scores; asked, the best sentence's article was searched for a name and gave "North
Korea's". The caption line nearest the question's words that credits someone answers, quoted
whole; where none does, the question is answered as any other."""

from __future__ import annotations

import re

from index import caption_spans, credit_span

from .extractive import ExtractiveDraft, Findings, led_by
from .words import asking_terms, terms

__all__ = ["asks_credit", "credit_answer"]

_ASKS = re.compile(
    r"\bwho\s+photographed\b|\bwho\s+(?:took|shot|snapped|captured)\s+(?:(?:the|this|that"
    r"|these|those|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:photos?|pictures?|images?|photographs?)\b"
    r"|\b(?:photo|picture|image)\s+credit"
    r"|\bwho\s+(?:is|was|are|were)\s+(?:the\s+)?(?:photo|picture|image)s?\s+(?:credited|by)",
    re.I)
_PHOTO_WORDS = frozenset(terms("photo photos picture pictures image images photograph "
                               "photographed took taken shot snapped captured credit credited"))


def asks_credit(question: str) -> bool:
    """Does the question ask whom a photo is credited to ("Who took the photo?")?"""
    return bool(_ASKS.search(question))


def credit_answer(found: Findings) -> ExtractiveDraft | None:
    """The credit of the caption line sharing most of the question's words (the better ranked
    first), or None: not asked, or no caption of what it asks about credits anyone."""
    if not asks_credit(found.question.text):
        return None
    asked = set(terms(found.question.query)) - asking_terms() - _PHOTO_WORDS
    credited = []
    for rank, ev in enumerate(found.ranked):
        article = found.articles[ev.article_id]
        line, credit = _credited_line(article.text, ev.start, article.captions, article.outlet)
        if line and credit:
            shared = len(asked & set(terms(article.text[line[0]:line[1]])))
            if shared or not asked:  # a caption of something else credits no photo of it
                credited.append((-shared, rank, article, line, credit))
    if not credited:
        return None
    _, _, article, line, credit = min(credited, key=lambda c: c[:2])
    return led_by(article, line, (line[0] + credit[0], line[0] + credit[1]), attributed=True)


def _credited_line(text: str, at: int, marked: tuple[tuple[int, int], ...] = (),
                   outlet: str | None = None
                   ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The caption line at `at` and its credit (line offsets), the credit line under it taken
    in where the caption's own line has none ("…on Sunday." / "Photograph: Ana Robles/…"); its
    article's `outlet` may be credited (`credit_span`)."""
    spans = caption_spans(text, marked)
    line = next(((a, b) for a, b in spans if a <= at < b), None)
    if line is None:
        return None, None
    credit = credit_span(text[line[0]:line[1]], outlet)
    below = next(((a, b) for a, b in spans if a == line[1] + 1), None)
    if (credit is None and below is not None
            and (under := credit_span(text[below[0]:below[1]], outlet))):
        shift = below[0] - line[0]
        return (line[0], below[1]), (under[0] + shift, under[1] + shift)
    return line, credit
