"""A figure's short answer whole: from the words that qualify it ("more than 13,000") or its
first word ("One hundred and ten thousand", not "ten thousand"), to its currency or percent
sign ("3.2 million euros"); asked how long, to its unit of time or length ("12 months",
"1,200 metres") or from the "since" before a year ("since 2018"). `short` leads with it."""

from __future__ import annotations

import re

from .counting import counted_phrase
from .counts import A_YEAR, WORD_NUMBER
from .evidence import DURATION, LENGTH, SINCE

__all__ = ["figure_end", "figure_span", "figure_start"]


def figure_start(quote: str, a: int) -> int:
    """Where a short answer starting at `a` starts, its figure whole and qualified."""
    return _qualified(quote, _worded_from(quote, a))


def figure_end(quote: str, b: int) -> int:
    """Where a short answer ending at `b` ends: a figure's "+" ("Age guidance 12+.", "aged 18+")
    says "and over", and is the figure's; not a sum's ("2+2")."""
    return b + 1 if b > 0 and quote[b - 1].isdigit() and _PLUS.match(quote, b) else b


_PLUS = re.compile(r"\+(?!\w)")


def figure_span(quote: str, a: int, b: int, question: str) -> tuple[int, int] | None:
    """A figure asked for as it leads: with its unit, and asked how long, widened to say it.
    None where it is no answer to the figure asked: no span of time asked how long, a time
    asked how many of something else ("58 minutes"), a year after "since"."""
    b = _with_unit(quote, a, b)
    if _HOW_LONG.search(question):  # "12 months"; never "£12,000" for a sentence's length
        a, b = _how_long(quote, a, b)
        if not _A_DURATION.search(quote[a:b]):
            return None
    elif _counts_no_time(question) and _A_TIME.search(quote[a:b]):
        return None  # "How many did he score?" is not "58 minutes"
    if A_YEAR.fullmatch(quote[a:b]) and _YEAR_OF.search(quote, 0, a):
        return None
    return a, b


# Words that make a figure what it is: "more than 13,000" is not 13,000.
# "no more than 13,000" is not "more than 13,000": a negation goes with its qualifier.
_QUALIFIER = re.compile(r"(?:\b(?:no|not) )?(?:\b(?:more|fewer|less|greater|higher|lower) than"
                        r"|\b(?:just |well )?(?:over|under|nearly|almost|about|around|roughly"
                        r"|approximately|some|at least|at most|up to|as many as|as much as"
                        r"|close to))\s+$", re.I)


# A figure in words, whole: "One hundred and ten thousand" ("and" only after a hundred or a
# thousand: "aged eight and ten" is two figures), "a hundred and ten".
_MAGNITUDE = r"(?:hundred|thousand|million|billion)"
_WORDED = re.compile(rf"(?:\b(?:an?\s+(?={_MAGNITUDE}\b)|(?:{WORD_NUMBER}|{_MAGNITUDE})[\s-]+"
                     rf"|{_MAGNITUDE}\s+and\s+))+$", re.I)
_A_WORD_NUMBER = re.compile(rf"(?:{WORD_NUMBER}|{_MAGNITUDE})\b", re.I)


def _worded_from(quote: str, a: int) -> int:
    """Where a figure said in words starts: "ten thousand" was led for "One hundred and ten
    thousand people"."""
    if not _A_WORD_NUMBER.match(quote, a):
        return a
    found = _WORDED.search(quote, max(0, a - 60), a)
    return found.start() if found else a


def _qualified(quote: str, a: int) -> int:
    """Where a short answer starting with a figure starts, with its qualifier if it has one."""
    if a >= len(quote) or not (quote[a].isdigit() or quote[a] in "$£€¥"
                               or _A_WORD_NUMBER.match(quote, a) or quote[a:a + 2] in ("a ", "A ")):
        return a
    found = _QUALIFIER.search(quote, max(0, a - 30), a)
    return found.start() if found else a


# What a sum or a share is in, right after its figure: "3.2 million" of "3.2 million euros"
# said nothing of the currency. "won" only after a magnitude: "12 won seats" is a verb.
_UNIT = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|(?:US\s+)?(?:dollars?|euros?|pounds?"
                   r"|(?:pounds\s+)?sterling|yen|yuan|rupees?|francs?|pesos?|roubles?|rubles?"
                   r"|kronor|kroner|krona|crowns?)\b)", re.I)
_MAGNITUDE_WON = re.compile(r"\s(?:won|yen|yuan)\b", re.I)
_ENDS_FIGURE = re.compile(r"(?:\d|\b(?:million|billion|trillion|thousand))$", re.I)


def _with_unit(quote: str, a: int, b: int) -> int:
    """Where a figure's short answer ends: with the currency or percent sign that follows it
    ("3.2 million euros"), if one does and the span ends on the figure."""
    ends = _ENDS_FIGURE.search(quote, a, b)
    if a >= b or ends is None:
        return b
    unit = _UNIT.match(quote, b) or (
        _MAGNITUDE_WON.match(quote, b) if not ends.group()[0].isdigit() else None)
    return unit.end() if unit else b


_HOW_LONG = re.compile(r"\bhow long\b", re.I)
_SPAN_UNIT = rf"(?:{DURATION}|{LENGTH})"
_A_DURATION = re.compile(rf"[\d½¼¾][\d,.½¼¾]*(?:\s*|-){_SPAN_UNIT}|\b(?:one|two|three|four|five"
                         rf"|six|seven|eight|nine|ten|eleven|twelve|a|an)[\s-]+{_SPAN_UNIT}|{SINCE}",
                         re.I)
_A_TIME = re.compile(rf"\d(?:\s*|-){DURATION}", re.I)
_UNIT_AFTER = re.compile(rf"(?:\s+|-){_SPAN_UNIT}", re.I)
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+$", re.I)
_UNTIL_AFTER = re.compile(r"\s+(?:to|until)\s+(?:19|20)\d\d\b", re.I)


def _how_long(quote: str, a: int, b: int) -> tuple[int, int]:
    """The span widened to say how long: past a unit right after it ("12" -> "12 months",
    "1,200" -> "1,200 metres"), or back to the "since" before a year ("since 2018")."""
    if m := _UNIT_AFTER.match(quote, b):
        return a, m.end()
    if since := _SINCE_BEFORE.search(quote, 0, a):
        until = _UNTIL_AFTER.match(quote, b)
        return since.start(), until.end() if until else b
    return a, b


def _counts_no_time(question: str) -> bool:
    """A "how many" question counting no span of time: "How many did he score?", not "How
    many days did the strike last?"."""
    return ("how many" in question.casefold()
            and not re.search(DURATION, " ".join(counted_phrase(question)), re.I))


# "since 2000" says when, not how much: a year after such a word never leads a figure asked
# for ("How much of its volume has the glacier lost?" over "lost about a third of its ice
# volume since 2000"). Not "by 2000", which may count ("grew by 2000 students").
_YEAR_OF = re.compile(r"\b(?:since|until|till|before|after|during)\s+$", re.I)
