"""Whose figure a sentence gives: asked one person's or one group's count, where the sentence
gives two ("Moreau … received 18,402 votes, while Brandt … took 16,262"; "23 in the vaccine
group…, compared with 79 in the placebo group") and the reader's span falls on the other's."""

from __future__ import annotations

import re
from itertools import pairwise

from .counting import counted_phrase
from .counts import A_YEAR, FIGURE_HEAD, in_a_name
from .words import asking_terms, terms

__all__ = ["compared_count", "named_count"]


def named_count(sentence: str, start: int, names: list[tuple[str, ...]]
                ) -> tuple[int, int] | None:
    """Asked how many someone got ("How many votes did Brandt get?"), where the reader's
    figure at `start` is another's ("Moreau … received 18,402 votes, while Brandt … took
    16,262"): the figure right after their name's possessive ("won 51,028 votes to Dahl's
    47,615", or "to Dahl on 47,615"), else the one figure of the clause naming them. None
    where the reader's is theirs, or the sentence does not say whose."""
    words = [w for name in names for w in name if len(w) > 1]
    if not words:
        return None
    word = rf"\b(?:{'|'.join(map(re.escape, words))})\b"
    heads = [(h.start(), h.start() + len(h.group().rstrip(",."))) for h in
             FIGURE_HEAD.finditer(sentence)
             if not in_a_name(sentence, h.start()) and not A_YEAR.fullmatch(h.group())]
    # "to Dahl's 47,615"; "to Labour's Marcus Dale on 8,127", "Dahl with 47,615." where the
    # figure ends its clause or list's item (not "Brandt on 4 May", "Dahl with 2 recounts
    # demanded"; "Baxter on 6,977 and the Civic Party's Ruth Allanby on 3,102")
    owned = [h for h in heads if re.search(rf"{word}(?:’s|'s)\s+$", sentence[:h[0]])
             or (re.search(rf"{word}\s+(?:on|with)\s+$", sentence[:h[0]])
                 and re.match(r"\s*(?:[.,;:)]|and\b(?!\s+\d)|$)", sentence[h[1]:]))]
    if owned:
        return None if owned[0][0] == start else owned[0]
    clauses = [m.span() for m in _CLAUSE_OF.finditer(sentence)]

    def named(at: int) -> bool:
        a, b = next(((a, b) for a, b in clauses if a <= at < b), (0, len(sentence)))
        return re.search(word, sentence[a:b]) is not None

    if named(start):
        return None
    theirs = [h for h in heads if h[0] != start and named(h[0])]
    return theirs[0] if len(theirs) == 1 else None


# Clauses of a sentence that give two people's figures: "…, while Brandt took 16,262".
_CLAUSE_OF = re.compile(r".+?(?=;|,\s*and\b|\bwhile\b|\bwhereas\b|\bbut\b|$)", re.I | re.S)


# Where a sentence sets one group's figure beside another's: "23 in the vaccine group…,
# compared with 79 in the placebo group".
# Only a comparison said as such: "14 passengers were taken to hospital; 2 of them were
# trapped in the bus" sets no group beside another.
_BESIDE = re.compile(r"\b(?:compared\s+(?:with|to)|as\s+against|as\s+opposed\s+to|versus"
                     r"|vs\b)", re.I)


def compared_count(sentence: str, start: int, question: str) -> tuple[int, int] | None:
    """Asked how many of one group ("How many people in the placebo group were
    hospitalised?"), where the sentence sets two groups' figures side by side and the reader's
    figure at `start` is the other's ("23 people in the vaccine group…, compared with 79 in
    the placebo group"): the figure of the one clause holding words of the question no other
    clause holds. None where the reader's clause holds such words, or not one other does."""
    bounds = [0, *(m.start() for m in _BESIDE.finditer(sentence)), len(sentence)]
    clauses = list(pairwise(bounds))
    asked = set(terms(question)) - asking_terms() - set(terms(" ".join(counted_phrase(question))))
    said = [asked & set(terms(sentence[a:b])) for a, b in clauses]
    own = [words - set().union(*said[:i], *said[i + 1:]) for i, words in enumerate(said)]
    if len(clauses) < 2 or any(own[i] for i, (a, b) in enumerate(clauses) if a <= start < b):
        return None
    # The group's words after its figure ("79 in the placebo group"), not before it: "Ortega
    # scored the winner in the 87th minute" counts no goals.
    found = [(h.start(), h.start() + len(h.group().rstrip(",."))) for i, (a, b)
             in enumerate(clauses) if own[i]
             for h in list(FIGURE_HEAD.finditer(sentence, a, b))[:1]
             if not in_a_name(sentence, h.start()) and not A_YEAR.fullmatch(h.group())
             and own[i] & set(terms(sentence[h.end():b]))
             and not re.match(r"(?:st|nd|rd|th)\b", sentence[h.end():])]
    return found[0] if len(found) == 1 else None
