"""Placings: "Who came third in the by-election?", "Which university was third in the world?",
"Which university came top of the rankings?". A placing asked is answered by that placing, said
of a name ("Allanby, who came third, said…", "University of Eastmarch (3)", "the top place has
gone to the Institut Polytechnique de Valmont"), never by another ("Ashgrove … in seventh
place", "climbed 12 places to 29th") nor by a sentence giving none ("The oldest finisher was
84-year-old Walter Cheesman", asked who came second): the users' sets answered all three so.
"""

from __future__ import annotations

import re

from .titled import NAME

__all__ = ["asked_placing", "placed_name", "states_placing"]

_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth")
_ORD = rf"(?:{'|'.join(_WORDS)}|\d{{1,3}}(?:st|nd|rd|th))"
# What may follow a placing: a preposition, "place", or the sentence's end. Not a noun:
# "for the third year running", "his 30th Calderport Marathon", "the third one-day
# international" count times, not placings.
_AFTER = (r"(?=\s*(?:[?.,;:)]|$)|\s+(?:place|position|in|of|at|on|overall|among|behind|for"
          r"|with|after|ahead|out)\b)")
_ASKED = re.compile(rf"\b(?:came|come|comes|finished|finish|finishes|placed|ended|ranked|was"
                    rf"|were|is|are)\s+(?:(?:in|at)\s+)?(?:the\s+)?(?P<o>{_ORD}|top){_AFTER}"
                    rf"|\b(?P<p>{_ORD})\s+place\b|\b(?P<r>runners?[- ]up)\b", re.I)
# A placing a sentence states: an ordinal as above, "(3)" after a name in a list, the top
# place; a win or a title is first place too, and whom the winner beat is the runner-up
# ("elected mayor…, beating Walter Hume", asked "What about the runner-up?").
_STATED = re.compile(rf"\b(?P<o>{_ORD}){_AFTER}|(?<=[\w)])\s*\((?P<d>\d{{1,3}})\)"
                     rf"|\b(?P<r>runners?[- ]up|beat(?:s|ing)?|defeat(?:s|ed|ing)?|pipped)\b"
                     rf"|(?P<t>\btop\s+(?:place|spot|position)\b|\b(?:came|finished|ranked)\s+top\b"
                     rf"|\btop(?:s|ped)\b|\bw[oi]n(?:s|ner|ning)?\b|\bchampions?\b)", re.I)


# Words describing the name that follows: "went to Dutch grandmaster Floor van Leeuwen".
_DESCRIBED = r"(?:[A-Z][\w-]*\s+(?=[a-z]))?(?:(?-i:[a-z])[\w-]*\s+){0,2}?"


_WHO = re.compile(r"\b(?:who|whom|which)\b|\bname\s+of\b", re.I)


def _number(ordinal: str) -> int:
    word = ordinal.casefold()
    return _WORDS.index(word) + 1 if word in _WORDS else int(re.sub(r"\D", "", word))


def asked_placing(question: str) -> int | None:
    """The placing the question asks for (1 for "came top"), or None. "Who won…?" is left to
    `contest`; "Who was the first woman to…?" asks no placing; nor does a question asking how
    much or when, of a placing ("How much did she receive as runner-up?": a figure's)."""
    m = _ASKED.search(question)
    if m is None or _WHO.search(question) is None:
        return None
    if m.group("r"):
        return 2
    said = m.group("o") or m.group("p")
    return 1 if said.casefold() == "top" else _number(said)


def states_placing(sentence: str, placing: int) -> bool:
    """Does the sentence state this placing (of anyone)?"""
    for m in _STATED.finditer(sentence):
        said = (1 if m.group("t") else 2 if m.group("r")
                else int(m.group("d")) if m.group("d") else _number(m.group("o")))
        if said == placing:
            return True
    return False


def _said(placing: int) -> str:
    """The placing as a sentence may say it: "third", "3rd"; the first as "top" too."""
    word = _WORDS[placing - 1] if placing <= len(_WORDS) else ""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(placing if placing < 20 else placing % 10, "th")
    said = [rf"{placing}{suffix}", *([word] if word else []), *(["top"] if placing == 1 else [])]
    return rf"(?:{'|'.join(said)})"


def placed_name(question: str, sentence: str) -> tuple[int, int] | None:
    """The name the sentence gives the placing asked: "Allanby, who came third", "Lucy
    Farrant-Moore, who trains with Calderport Harriers, finished third", "University of
    Eastmarch (3)", "Second place went to St Columba's High School", "pushed the Carrington
    Institute of Technology into second place": sentence offsets, or None."""
    placing = asked_placing(question)
    if placing is None:
        return None
    said = _said(placing)
    name = rf"(?P<n>{NAME}(?:\s+of\s+(?:the\s+)?{NAME})?)"  # "University of Eastmarch"
    for pattern in (rf"{name}(?:,[^,;]{{1,80}},|,(?=\s+who\b))?\s+(?:who\s+)?"
                    rf"(?:came|finished|placed|was|ended|took)\s+(?:(?:in|at)\s+)?(?:the\s+)?(?i:{said}){_AFTER}",
                    rf"{name}\s*\({placing}\)",
                    rf"(?i:{said})\s+(?:place|spot|position)\s+(?:went|has\s+gone|goes|was\s+taken"
                    rf"|fell)\s+to\s+(?:the\s+)?{_DESCRIBED}{name}",
                    rf"{name}\s+into\s+(?i:{said})\s+(?:place|spot|position)"):
        m = re.search(pattern, sentence)
        if m is not None:
            return m.span("n")
    return None
