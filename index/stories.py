"""Near-duplicate detection: rewritten or syndicated copies of one story share a `story_id`.

Embeddings alone cannot tell "the same story told twice" from "two stories on one topic" (both
score high); the names and numbers two texts share can. We need both to agree.
"""

from __future__ import annotations

import re

__all__ = ["MIN_COSINE", "MIN_SHARED", "salient_terms", "same_story"]

MIN_COSINE = 0.80
# Calibrated on the samples: copies of one story share >= 0.57 of the shorter one's names and
# figures, different stories on the same topic <= 0.37.
MIN_SHARED = 0.47
_SALIENT = re.compile(r"(?<![\w])(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,}|\d[\d,.]*\d|\d)(?![\w])")
_COMMON = {"the", "a", "an", "in", "on", "it", "he", "she", "they", "this", "that", "but", "and",
           "as", "at", "for", "with", "while", "after", "last", "monday", "tuesday", "wednesday",
           "thursday", "friday", "saturday", "sunday", "some", "according", "north", "south",
           "president", "his", "their", "its", "both", "however", "during", "following"}


def salient_terms(text: str) -> set[str]:
    """Names and figures: the words a rewrite keeps when it changes everything else."""
    terms = {m.group().casefold().replace(",", "").rstrip(".") for m in _SALIENT.finditer(text)}
    return {t.replace("’", "'") for t in terms if t not in _COMMON}


def same_story(a: set[str], b: set[str], cosine: float) -> bool:
    if cosine < MIN_COSINE or not a or not b:
        return False
    shared = len(a & b) / min(len(a), len(b))
    return shared >= MIN_SHARED
