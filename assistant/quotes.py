"""Quote verification: a quote is shown only if it stands word for word in its article.

Matching is exact after folding white space, quote marks and dashes (models "straighten" curly
quotes); a near-exact quote is snapped to the exact sentence it came from; anything else is
dropped. Offsets always point into the article's own text, so `text[start:end]` is the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from index import sentence_spans

__all__ = ["SNAP_MIN_RATIO", "QuoteMatch", "enquote", "is_one_quotation", "locate_quote",
           "normalise", "verify_quote"]

# Below this similarity a "quote" is a paraphrase, and a paraphrase is not a quote.
SNAP_MIN_RATIO = 90.0
_FOLD = str.maketrans({"’": "'", "‘": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                       "″": '"', "–": "-", "—": "-", "‑": "-", "\u00a0": " "})
_STRIP = " \t\n\"'.,;:!?…"
_NESTED = str.maketrans({"“": "‘", "”": "’"})
_STRAIGHT = re.compile(r'(?<!\d)"')  # a straight double mark, not an inch mark (12" pizza)


@dataclass(frozen=True)
class QuoteMatch:
    start: int
    end: int
    exact: bool  # False when snapped to the sentence a near-quote came from


def normalise(text: str) -> tuple[str, list[int]]:
    """Fold quote marks and dashes, collapse white space; return the folded text and, for each
    of its characters, the offset of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    pending_space = False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            where.append(i - 1)
            pending_space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


def _core(quote: str) -> str:
    folded, _ = normalise(quote)
    return folded.strip(_STRIP)


def locate_quote(quote: str, text: str) -> tuple[int, int] | None:
    """The exact span of `quote` in `text` (modulo folding), within one paragraph, or None."""
    core = _core(quote)
    if len(core) < 3:
        return None
    folded, where = normalise(text)
    pos = folded.find(core)
    while pos >= 0:
        start, end = where[pos], where[pos + len(core) - 1] + 1
        # A span across paragraphs may hide dropped lines; one that cuts a word or a figure
        # ("$1" of "$1.64-billion") is not word for word.
        if "\n" not in text[start:end] and _whole_words(text, start, end):
            return start, end
        pos = folded.find(core, pos + 1)
    return None


def _whole_words(text: str, start: int, end: int) -> bool:
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        return False
    cut_figure = (end + 1 < len(text) and text[end - 1].isdigit() and text[end] in ".,"
                  and text[end + 1].isdigit())
    return not cut_figure


def _snap(quote: str, text: str) -> tuple[int, int] | None:
    """The sentence (or two adjacent ones) a near-exact quote was copied from, if any."""
    from rapidfuzz import fuzz

    core = _core(quote)
    best: tuple[float, int, int] = (0.0, 0, 0)
    spans = sentence_spans(text)
    candidates = spans + [(a[0], b[1]) for a, b in pairwise(spans)
                          if "\n" not in text[a[0]:b[1]]]
    for start, end in candidates:
        ratio = fuzz.ratio(core, _core(text[start:end]))
        if ratio > best[0]:
            best = (ratio, start, end)
    return (best[1], best[2]) if best[0] >= SNAP_MIN_RATIO else None


def _with_end_mark(text: str, end: int) -> int:
    """Past the full stop (or ! ? …) that ends the quoted sentence, when one follows: the same
    sentence quoted with and without its full stop is one citation, not two."""
    stop = end
    while stop < len(text) and text[stop] in ".!?…":
        stop += 1
    # Only a real sentence end: "10.5" or "U.S.-led" do not end there.
    return stop if stop == len(text) or text[stop].isspace() or text[stop] in "”\"’'" else end


def _verify_one(quote: str, text: str) -> QuoteMatch | None:
    exact = locate_quote(quote, text)
    if exact:
        return QuoteMatch(exact[0], _with_end_mark(text, exact[1]), exact=True)
    snapped = _snap(quote, text)
    return QuoteMatch(snapped[0], snapped[1], exact=False) if snapped else None


def verify_quote(quote: str, text: str) -> list[QuoteMatch]:
    """Where `quote` stands in `text`: one span (exact or snapped to its sentence), or one span
    per sentence when it runs across paragraphs; [] when any part of it is not in the text."""
    whole = _verify_one(quote, text)
    if whole is not None:
        return [whole]
    pieces = [quote[a:b] for a, b in sentence_spans(quote)]
    if len(pieces) < 2:
        return []
    matches = [_verify_one(piece, text) for piece in pieces]
    return [m for m in matches if m is not None] if all(matches) else []


def is_one_quotation(text: str) -> bool:
    """Whether `text` is one quotation, marks and all ('“Anora”'; not '“Anora” and “Flow”')."""
    return (len(text) > 2 and text[0] in "“\"" and text[-1] in "”\""
            and not any(mark in text[1:-1] for mark in "“”\""))


def enquote(text: str) -> str:
    """`text` in quotation marks for display. A passage that is itself one quotation keeps its
    own marks, and double marks inside a passage become single ones: wrapped blindly, ““We
    won,” he said.” reads as a typo. An inch mark (12" pizza) stays, and a passage that already
    quotes with single marks inside is only wrapped (made single too, its marks would be
    ambiguous). Only the display changes: a citation keeps its article's characters, and
    verification folds quote marks either way."""
    if is_one_quotation(text):
        return text
    if "‘" in text:  # single marks already quote inside: made single too, they would be ambiguous
        return f"“{text}”"
    return "“" + _STRAIGHT.sub("'", text.translate(_NESTED)) + "”"
