"""A short answer's span inside its quote, trimmed: no punctuation at its ends, no quotation
mark it does not pair, and no marks around a quotation that is all of it."""

from __future__ import annotations

import re

from .quotes import is_one_quotation

__all__ = ["strip_span", "unquoted"]

# Stripped from a short answer's ends; double quotation marks go only in pairs (below).
_EDGES = " ,.;:'’()"


def unquoted(quote: str, a: int, b: int) -> tuple[int, int]:
    """The span [a, b) of `quote` without the punctuation at its ends, cut where it runs past a
    double quotation mark it does not pair (`_inside_quotation`), and without the marks of a
    quotation that is all of it ('“Anora”' gives "Anora", '“Anora” and “Flow”' stays)."""
    a, b = strip_span(quote, *_inside_quotation(quote, *strip_span(quote, a, b)))
    return strip_span(quote, a + 1, b - 1) if is_one_quotation(quote[a:b]) else (a, b)


def _marks(quote: str, a: int, b: int) -> list[tuple[int, bool]]:
    """The double quotation marks in [a, b), each as (where, whether it closes). A straight
    mark opens or closes by how many came before it in the quote."""
    inside = quote.count('"', 0, a) % 2 == 1
    found = []
    for i in range(a, b):
        if quote[i] == '"':
            found.append((i, inside))
            inside = not inside
        elif quote[i] in "“”":
            found.append((i, quote[i] == "”"))
    return found


def strip_span(quote: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without the punctuation and spaces at its ends, but for an abbreviation's own
    full stop ("9:36 p.m.", "the U.S.")."""
    while a < b and quote[a] in _EDGES:
        a += 1
    while b > a and quote[b - 1] in _EDGES and not _ABBREVIATED.search(quote, a, b):
        b -= 1
    return a, b


_ABBREVIATED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")


def _inside_quotation(quote: str, a: int, b: int) -> tuple[int, int]:
    """The span [a, b) of `quote` cut at a double quotation mark it does not pair.

    Word pieces do not know where a quotation ends: asked for the best in show, the reader can
    give 'Sage," the Miniature Poodle', the end of one quotation run into the words after it.
    A mark that closes a quotation opened before the span keeps what precedes it ("Sage"); one
    that opens a quotation the span does not close keeps what follows it."""
    opened: list[int] = []
    for i, closing in _marks(quote, a, b):
        if not closing:
            opened.append(i)
        elif opened:
            opened.pop()
        elif i > a:
            return a, i
        else:  # the span starts with the mark that ends the quotation: it begins after it
            a = i + 1
    if opened and opened[0] + 1 < b:
        return opened[0] + 1, b
    return a, b
