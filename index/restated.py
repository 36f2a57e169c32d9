"""Summary bullets a page prints above its story and the story then states again ("They are
likely to deploy ..." above "... in Russia and are likely to deploy ..."): one copy stays.
Found in time linear in the text, whatever it holds (`_restated`)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["drop_restated"]

_WORD = re.compile(r"\S+")
# Restated lines are found through three inner words in a row (see `_restated`); these bound the
# work per line, so cleaning stays linear in the text whatever it holds.
_KEY_WORDS = 3
_HOLDERS = 3
_MAX_CHECKS = 64
_PER_KEY = 32
_KEY_SPAN = 40


def drop_restated(lines: list[str]) -> list[str]:
    """Drop summary bullets the body states again, one at a time, so one copy always stays:
    a line goes when a line still kept holds it (`_restated`)."""
    holders = _restated(lines)
    dropped: set[int] = set()
    for i in range(len(lines)):
        if any(j not in dropped for j in holders.get(i, ())):
            dropped.add(i)
    return [line for i, line in enumerate(lines) if i not in dropped]


@dataclass(frozen=True)
class _Pattern:
    line: int  # index of the line it stands for
    text: str  # the line, or the line less a leading word or two
    key_at: int  # offset in `text` of its key words


def _restated(lines: list[str]) -> dict[int, list[int]]:
    """For each line of 5+ words, up to `_HOLDERS` other lines that hold it again, give or take
    a leading word or two ("They are likely to deploy ..." for "... in Russia and are likely to
    deploy ..."). Linear in the text: a line can only be held where three of its inner words
    stand whole and in a row, so each line is looked for at those words only, in one pass over
    every line's words, with at most `_MAX_CHECKS` comparisons per line."""
    keys = _pattern_keys(lines)
    holders: dict[int, list[int]] = {}
    budget: dict[int, int] = {}  # comparisons each line has left
    for j, other in enumerate(lines):
        last: list[tuple[int, str]] = []  # the two words before this one: (offset, word)
        for match in _WORD.finditer(other):
            word = match.group()
            patterns = keys.get((last[0][1], last[1][1], word)) if len(last) == 2 else None
            if patterns:
                _compare(patterns, j, other, last[0][0], lines, holders, budget)
            last = [*last[-1:], (match.start(), word)]
    return holders


def _compare(patterns: list[_Pattern], j: int, other: str, key_start: int, lines: list[str],
             holders: dict[int, list[int]], budget: dict[int, int]) -> None:
    """Does line j hold these patterns, their key words at `key_start`? A pattern whose line
    has found enough holders or spent its comparisons leaves the list for good."""
    for pat in list(patterns):
        found = holders.setdefault(pat.line, [])
        left = budget.get(pat.line, _MAX_CHECKS)
        if left <= 0 or len(found) >= _HOLDERS:
            patterns.remove(pat)
            continue
        budget[pat.line] = left - 1
        if _admits(pat, j, other, key_start - pat.key_at, lines) and j not in found:
            found.append(j)


def _admits(pat: _Pattern, j: int, other: str, at: int, lines: list[str]) -> bool:
    """Does line j (`other`) hold `pat` at offset `at`? Never the line itself, or its twin."""
    return (pat.line != j and at >= 0 and other.startswith(pat.text, at)
            and other != lines[pat.line])


def _pattern_keys(lines: list[str]) -> dict[tuple[str, ...], list[_Pattern]]:
    """Each line's patterns (itself; less one or two leading words when 6+ stay), filed under
    three inner words in a row: a pattern's first and last words may be parts of longer words
    where it is restated, its inner ones never. The key with the longest words is chosen (the
    rarest, most likely); no key files more than `_PER_KEY` patterns (the rest is boilerplate
    that appears everywhere, kept)."""
    keys: dict[tuple[str, ...], list[_Pattern]] = {}
    for i, line in enumerate(lines):
        words = _word_spans(line)
        if len(words) < 5:
            continue
        texts = [(line, words)]
        for cut in (1, 2):
            if len(words) - cut >= 6:
                text = " ".join(line.split()[cut:])
                texts.append((text, _word_spans(text)))
        for text, spans in texts:
            best = _best_key(spans, keys)
            if best is not None:
                keys.setdefault(best[1], []).append(_Pattern(i, text, spans[best[0]][0]))
    return keys


def _best_key(spans: list[tuple[int, str]], keys: dict[tuple[str, ...], list[_Pattern]]
              ) -> tuple[int, tuple[str, ...]] | None:
    """(where, key) of the inner words with the most letters that still file patterns; the
    first such where several tie. A hot loop of every ingest and re-ingest: plain tuples."""
    words = [w for _, w in spans]
    best: tuple[int, tuple[str, ...]] | None = None
    most = -1
    for k in range(1, len(words) - _KEY_WORDS):
        key = tuple(words[k : k + _KEY_WORDS])
        letters = sum(map(len, key))
        if letters > most and len(keys.get(key, ())) < _PER_KEY:
            best, most = (k, key), letters
    return best


def _word_spans(text: str) -> list[tuple[int, str]]:
    """(offset, word) of the first `_KEY_SPAN` words: a key is chosen among those."""
    return [(m.start(), m.group()) for m in itertools.islice(_WORD.finditer(text), _KEY_SPAN)]
