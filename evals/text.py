"""Text normalisation for scoring: the rules that decide whether an answer "contains" a fact.

Answers are matched the way the gold set was written: ignoring case, number format
("12,000" == "12000", "six" == "6"), curly versus straight quotes and runs of white space, and
only as whole words ("6" is not in "16 weeks" nor in "2026").
"""

from __future__ import annotations

import re
import string
from collections import Counter

__all__ = ["ANSWER_WORDS", "first_words", "mentions", "normalise", "token_f1"]

# Only the start of an answer counts: a correct fact buried after a page of hedging is not an
# answer the reader sees (the RealTime QA rule, applied to the gold set too).
ANSWER_WORDS = 60

# Apostrophes fold to "'"; double quote marks are dropped, since quoting a name ("Dune") must
# not change whether it matches; dashes fold to "-".
_FOLD = str.maketrans({
    "’": "'", "‘": "'", "‚": "'", "′": "'", "`": "'",
    "“": None, "”": None, "„": None, '"': None, "″": None, "«": None, "»": None,
    "–": "-", "—": "-", "‑": "-", "\u00a0": " ",
})
# A thousands separator sits between digits: "12,000", "12 000" (thin spaces), not "1, 2".
_THOUSANDS = re.compile(r"(?<=\d)[,\u2009\u202f](?=\d{3}(?!\d))")
# Small counts are written either way: "Six more weeks of winter" answers the reference "6".
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                 "seventeen", "eighteen", "nineteen", "twenty"]
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans({ch: " " for ch in string.punctuation})


def normalise(text: str) -> str:
    """Lower-case, fold quotes and dashes, drop thousands separators, write "zero" to
    "twenty" as figures, collapse white space."""
    folded = _THOUSANDS.sub("", text.translate(_FOLD).lower())
    folded = _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS.index(m[1])), folded)
    return " ".join(folded.split())


def first_words(text: str, n: int = ANSWER_WORDS) -> str:
    return " ".join(text.split()[:n])


def mentions(text: str, alternative: str) -> bool:
    """Whether `alternative` occurs in `text` once both are normalised, as whole words: a
    substring test, as in the gold set's own validation script, that a reference "6" no longer
    passes inside "16" or "2026" (RealTime QA's one-figure answers)."""
    needle = normalise(alternative)
    return bool(needle) and re.search(
        rf"(?<!\w){re.escape(needle)}(?!\w)", normalise(text)) is not None


def _f1_tokens(text: str) -> list[str]:
    # SQuAD's answer normalisation: punctuation and articles carry no content.
    return _ARTICLES.sub(" ", normalise(text).translate(_PUNCT)).split()


def token_f1(prediction: str, reference: str) -> float:
    """SQuAD-style bag-of-tokens F1 between an answer and the reference answer."""
    pred, ref = _f1_tokens(prediction), _f1_tokens(reference)
    if not pred or not ref:
        return float(pred == ref)
    overlap = sum((Counter(pred) & Counter(ref)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(pred), overlap / len(ref)
    return 2 * precision * recall / (precision + recall)
