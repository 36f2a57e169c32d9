"""Sentence spans with character offsets, so chunks and quotes can point into an article exactly."""

from __future__ import annotations

import logging
import re
import sys
import threading
from functools import lru_cache
from types import ModuleType
from typing import Any

from .offline import llama_index_data

__all__ = ["sentence_after", "sentence_before", "sentence_spans"]

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """Punkt's pre-trained English model, which knows abbreviations ("U.S.", "Gen.") that a
    regex would split on. Its data (punkt_tab) comes with llama-index-core (see
    index.offline.llama_index_data), found through NLTK's documented search path."""
    nltk = _import_nltk()
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTokenizer

    folder = llama_index_data("nltk")
    if folder is not None and str(folder) not in nltk.data.path:
        nltk.data.path.append(str(folder))
    try:
        tokenizer = PunktTokenizer("english")
    except LookupError:
        log.warning("NLTK's punkt_tab data is missing: sentences are split by an untrained "
                    "Punkt model, which splits after abbreviations such as 'U.S.'.")
        tokenizer = PunktSentenceTokenizer()
    tokenizer._params.abbrev_types.update(NEWS_ABBREVIATIONS)
    return tokenizer


# `import nltk` runs NLTK's whole toolkit, whose optional scikit-learn and SciPy integrations
# (classifiers, collocation statistics) import scikit-learn and scipy.stats, and pandas with
# them: 2.2 of the 2.8 s the import takes on a slow machine, a third of `newsqa ask`'s cold
# start, for a sentence splitter that uses neither. NLTK imports them inside `try: ... except
# ImportError`, so they are marked absent while it loads (a None entry in sys.modules makes an
# import raise ImportError: Python's documented import protocol) and unmarked after, for anyone
# who imports them later. NLTK's scikit-learn classifier wrapper and Fisher's exact test then
# stay unavailable in this process; nothing here uses them. Where they were imported already,
# nothing is held back. For the second or so of the import another thread importing either
# would fail too: nothing on our threads does. Should a future NLTK import one unguarded, the
# import is retried the ordinary way (slow, not broken).
_HELD_BACK = ("sklearn", "scipy.stats")
_IMPORT_LOCK = threading.Lock()


def _import_nltk() -> ModuleType:
    with _IMPORT_LOCK:
        if "nltk" in sys.modules:
            return sys.modules["nltk"]
        held = [name for name in _HELD_BACK if name not in sys.modules]
        for name in held:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            import nltk
        except ImportError as exc:
            log.warning("NLTK did not import with %s held back (%s): importing it whole",
                        " and ".join(held), exc)
            _forget("nltk")
        finally:
            for name in held:
                if sys.modules.get(name, False) is None:
                    del sys.modules[name]
        import nltk
        return nltk


def _forget(package: str) -> None:
    """Drop a half-imported package and its submodules, so that it can be imported again."""
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


# Abbreviations of news copy that Punkt's English model lacks: without them "Red No. 3" and
# "Gov. Newsom" are cut in two, and the half holding the name no longer answers anything. Punkt
# still ends a sentence at "said no." before a capital: it weighs what follows.
NEWS_ABBREVIATIONS = frozenset({
    "no", "nos", "gov", "govs", "sgt", "capt", "cmdr", "supt", "det", "rev", "hon", "mt",
    "pres", "atty", "apr", "jun", "jul"})

_LINE = re.compile(r"[^\n]+")
Span = tuple[int, int]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """(start, end) of every sentence of the lines (paragraphs) that reach into
    text[start:end], the whole text by default; a sentence never crosses a line boundary, so
    each line is split on its own and a passage's sentences cost its lines, not its article."""
    end = len(text) if end is None else end
    first = text.rfind("\n", 0, max(start, 0)) + 1
    last = text.find("\n", end)
    return [span for line in _LINE.finditer(text, first, len(text) if last < 0 else last)
            for span in _shifted(line.start(), line.group())]


def sentence_before(text: str, at: int) -> Span | None:
    """The last sentence that ends at or before `at`, however many lines back."""
    while at > 0:
        first = text.rfind("\n", 0, at) + 1
        found = [s for s in sentence_spans(text, first, first) if s[1] <= at]
        if found:
            return found[-1]
        at = first - 1
    return None


def sentence_after(text: str, at: int) -> Span | None:
    """The first sentence that starts at or after `at`, however many lines on."""
    while at < len(text):
        last = text.find("\n", at)
        last = len(text) if last < 0 else last
        found = [s for s in sentence_spans(text, at, at) if s[0] >= at]
        if found:
            return found[0]
        at = last + 1
    return None


def _shifted(offset: int, line: str) -> list[Span]:
    return [(offset + a, offset + b) for a, b in _spans(line)]


@lru_cache(maxsize=65_536)
def _spans(line: str) -> tuple[Span, ...]:
    # Remembered: questions keep returning to the same articles, and Punkt takes ~5 ms for
    # an article's worth of text.
    tokenizer = _tokenizer()
    return tuple((offset + a, offset + b) for offset, piece in _pieces(0, line)
                 for a, b in tokenizer.span_tokenize(piece))


# Punkt reads a paragraph at a time; a "paragraph" of megabytes (a one-line dump) would take
# minutes and trip NLTK's time limit on its regular expressions. Longer lines are read in pieces
# cut after a full stop (else at a space), each still far longer than any sentence.
_MAX_PIECE = 20_000


def _pieces(offset: int, line: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    at = 0
    while len(line) - at > _MAX_PIECE:
        end = at + _MAX_PIECE
        cut = line.rfind(". ", at + _MAX_PIECE // 2, end) + 1 or line.rfind(" ", at + 1, end)
        cut = cut if cut > at else end
        pieces.append((offset + at, line[at:cut]))
        at = cut
    pieces.append((offset + at, line[at:]))
    return pieces
