"""Text normalisation for scoring: the rules that decide whether an answer "contains" a fact.

Answers are matched the way the gold set was written: ignoring case, number format
("12,000" == "12000", "six" == "6"), quotation marks (double or single: an answer shows a quote
inside its quote in single marks; an apostrophe inside a word stays) and runs of white space, and
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
# Counts are written either way: "Six more weeks of winter" answers the reference "6", and
# "twenty-six people" holds "26", not a "6" of its own.
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS[1:10])}))?"
                          rf"|({'|'.join(_UNITS)}))\b")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_EDGE_MARK = re.compile(r"(?<!\w)'|'(?!\w)")  # a single quotation mark, not an apostrophe
_PUNCT = str.maketrans({ch: " " for ch in string.punctuation})


def normalise(text: str) -> str:
    """Lower-case, fold quotes and dashes, drop thousands separators, write number words
    ("six", "twenty-six") as figures, collapse white space."""
    folded = _THOUSANDS.sub("", _EDGE_MARK.sub("", text.translate(_FOLD)).lower())
    folded = _NUMBER_WORD.sub(_figure, folded)
    return " ".join(folded.split())


def _figure(match: re.Match[str]) -> str:
    tens, unit, alone = match.groups()
    if alone:
        return str(_UNITS.index(alone))
    return str(20 + 10 * _TENS.index(tens) + (_UNITS.index(unit) if unit else 0))


def first_words(text: str, n: int = ANSWER_WORDS) -> str:
    return " ".join(text.split()[:n])


def mentions(text: str, alternative: str) -> bool:
    """Whether `alternative` occurs in `text` once both are normalised, as whole words: a
    substring test, as in the gold set's own validation script, that a reference "6" no longer
    passes inside "16", "2026" or "6.5" (RealTime QA's one-figure answers). An edge that is
    punctuation needs no word boundary: "$1.5 billion" is in "US$1.5 billion"."""
    needle = normalise(alternative)
    if not needle:
        return False
    before = r"(?<!\w)(?<!\d[.,])" if needle[0].isalnum() else ""
    after = r"(?!\w)(?![.,]\d)" if needle[-1].isalnum() else ""
    return re.search(before + re.escape(needle) + after, normalise(text)) is not None


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
