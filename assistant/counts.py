"""What a "how many" question counts, and which figure of a sentence counts it: "How many
sunken fishing boats were removed?" is answered by "14" of "removed 14 sunken fishing boats
at a cost of 8.5 million euros", not by "8.5 million"."""

from __future__ import annotations

import re

from .words import WORD, terms

__all__ = ["NUMBER", "counted", "counts", "counts_asked", "figure_phrase", "later_count"]

NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?"
                    r"|thousands?|millions?|billions?)\b", re.I)
# A word that starts with a figure, and what it counts: "four-day", "19-member", "30-year-old".
_FIGURE_FIRST = re.compile(r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
                           r"-([a-z]+)", re.I)
_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
                          "will", "would", "can", "could", "should", "may", "might"})
# "How many people…" is answered by "18 million viewers", "300 residents": people are counted
# by whatever they are.
_ANYONE = frozenset({"peopl", "person", "individu"})
NEAR_FIGURE = 4  # words after a figure (or 2 before it: "a crew of 19") naming what it counts


def counted(question: str) -> set[str]:
    """What a "how many" question counts: "How many Chinese ships…" -> {chines, ship}; nothing
    when a verb follows ("…and how many does he say are there?": the thing counted is in an
    earlier turn)."""
    words = _counted_phrase(question)[:2]
    stems = terms(" ".join(words))
    # "How many people died": what follows "people" is what they did, not what they are.
    return set() if stems and stems[0] in _ANYONE else set(stems) - _ANYONE


_HOW_MANY = re.compile(r"\bhow many\s+([\w’' -]+)", re.I)
_PARTITIVE = frozenset({"the", "its", "their", "his", "her", "these", "those", "our", "your"})
_NOT_COUNTED = frozenset({"in", "of", "on", "at", "by", "from", "near", "during", "for", "to",
                          "with", "across", "since", "after", "before", "that", "who", "which"})


def _how_many_words(question: str) -> list[str]:
    """The words after "how many", without a partitive: "How many of its refineries…" counts
    the refineries, not "of its"."""
    m = _HOW_MANY.search(question)
    words = m.group(1).split() if m else []
    if len(words) > 2 and words[0].casefold() == "of" and words[1].casefold() in _PARTITIVE:
        words = words[2:]
    return words


def _counted_phrase(question: str) -> list[str]:
    """The words of what a "how many" question counts, up to its verb: "sunken fishing boats"
    of "How many sunken fishing boats were removed…?", "balloons" of "How many balloons
    carried…?" (a word in -ed is the verb, but after an adverb: "newly hired teachers"), and
    no further than its last plural ("teachers", not "teachers start")."""
    words = _how_many_words(question)
    taken: list[str] = []
    for word in words[:4]:
        w = word.casefold()
        if w in _AUXILIARIES or w in _NOT_COUNTED or (
                taken and w.endswith("ed") and not taken[-1].casefold().endswith("ly")):
            break
        taken.append(word)
    plural = [i for i, w in enumerate(taken) if w.casefold().endswith("s")
              and not w.casefold().endswith("ss")]
    return taken[:plural[-1] + 1] if plural else taken


def counts(sentence: str, counted: set[str]) -> bool:
    """Does a figure of the sentence count the thing asked about ("19 crew" is no count of
    ships)?"""
    words = WORD.findall(sentence)
    for i, word in enumerate(words):
        if NUMBER.search(word):
            # What a figure's own word counts ("a four-day visit": days), but not an age, nor
            # a name with a figure in it ("COVID-19").
            own = _FIGURE_FIRST.match(word)
            counted_here = ([own.group(1)] if own and not word.casefold().endswith("-old")
                            else [])
            near = " ".join([*words[max(0, i - 2):i], *counted_here,
                             *words[i + 1:i + 1 + NEAR_FIGURE]])
            if counted & _spelt_out(terms(near)):
                return True
    return False


def counts_asked(sentence: str, start: int, end: int, question: str) -> bool | None:
    """Does the figure at [start, end) of the sentence count what a "how many" question counts
    ("14" of "removed 14 sunken fishing boats at a cost of 8.5 million euros", not "8.5
    million")? None when the question counts nothing in particular."""
    things = counted(question)
    if not things:
        return None
    before = WORD.findall(sentence[:start])[-2:]
    after = WORD.findall(sentence[end:])[:NEAR_FIGURE]
    return counts(" ".join([*before, sentence[start:end], *after]), things)


_FIGURE_HEAD = re.compile(r"[$£€¥]?\d[\d,.]*(?:-\w+)*(?:\s*(?:%|percent\b|per cent\b"
                          r"|(?:million|billion|trillion|thousand|hundred)\b))?")


def figure_phrase(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """For a question counting something ("How many sunken fishing boats…"), the figure the
    span [start, end) of the sentence opens with and the words right after it, up to the noun
    counted: "620 drivers" of "620 drivers walked off the job on Nov. 3.", "14,300 acres" of
    "14,300". None when the span does not open with a figure, or the noun does not follow it
    ("19 Chinese coast guard ships" is left as the reader read it, not cut to "19 Chinese")."""
    phrase = _counted_phrase(question)
    head = _FIGURE_HEAD.match(sentence, start, end)
    wanted = set(terms(" ".join(phrase))) - _ANYONE
    noun = set(terms(phrase[-1])) if phrase else set()
    if head is None or not wanted or not noun:
        return None
    stop = head.end()
    for word in WORD.finditer(sentence, head.end()):
        said = _spelt_out(terms(word.group()))
        if sentence[stop:word.start()].strip() or not wanted & said:
            return None  # a word counted nothing, or something stood between
        stop = word.end()
        if noun & said:
            return start, stop
    return None


# A unit's abbreviation counts what its name does ("142 mm" answers "How many millimetres…"):
# stems, as `terms` gives them, both spellings. Not "m" ("9 a.m."), "min" or "ha" (names too),
# nor "mph" (a speed is no count of miles).
_UNIT_NAMES = {"mm": ("millimetr", "millimet"), "cm": ("centimetr", "centimet"),
                "km": ("kilometr", "kilomet"), "kg": ("kilogram",), "lb": ("pound",),
                "lbs": ("pound",), "ft": ("feet", "foot"), "bn": ("billion",), "hrs": ("hour",),
                "yrs": ("year",)}


def _spelt_out(stems: list[str]) -> set[str]:
    """The stems, with what each abbreviation among them stands for."""
    return set(stems).union(*(_UNIT_NAMES.get(s, ()) for s in stems))


def later_count(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """Where the figure at [start, end) of the sentence is not followed by what the question
    counts, a later figure that is, and by the question's verb: "3 councillors abstaining" of
    "approved by 27 votes to 14, with 3 councillors abstaining", asked how many councillors
    abstained and read as "14". Only a later one: a bare figure after a counted one is its
    ellipsis ("1,200 services were cancelled on the first day and 950 on the second")."""
    verb = _asked_verb(question)
    if not verb or figure_phrase(sentence, start, end, question):
        return None
    for head in _FIGURE_HEAD.finditer(sentence, end):
        phrase = figure_phrase(sentence, head.start(), len(sentence), question)
        if phrase and verb & set(terms(" ".join(WORD.findall(sentence[phrase[1]:])[:3]))):
            return phrase
    return None


_BE = frozenset({"be", "been", "being", "get", "got", "gotten"})


def _asked_verb(question: str) -> set[str]:
    """The stem of the verb after what a "how many" question counts ("abstained" of "How many
    councillors abstained…", "cast" of "…votes were cast…"), or none."""
    words = _how_many_words(question)
    rest = [w for w in words[len(_counted_phrase(question)):]
            if w.casefold() not in _AUXILIARIES and w.casefold() not in _BE]
    return set(terms(rest[0])) if rest and rest[0].casefold() not in _NOT_COUNTED else set()
