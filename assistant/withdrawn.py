"""Sentences that say what is no longer so: a correction's account of what an earlier report
got wrong ("An earlier version of our report … credited the winning goal to Luis Ortega"), and,
asked when, a date since moved ("Selene-2 was first due to launch in June 2025, but that date
slipped"). Each weighs a share of its score (`rerank`): it is on topic, and not the answer."""

from __future__ import annotations

import re

__all__ = ["RETRACTED", "RETRACTED_FACTOR", "SUPERSEDED_FACTOR", "withdrawn_factor"]

RETRACTED_FACTOR = 0.3  # a sentence saying what an earlier report got wrong: not the answer
RETRACTED = re.compile(r"\b(?:an?\s+)?(?:earlier|previous)\s+version\s+of\s+(?:this|our|the)\s+"
                       r"(?:[\w,.-]+\s+){0,3}?(?:report|article|story)\b"
                       # a corrections box: "An earlier version said the wing would have 14
                       # beds."; "We also said the appeal had raised £1.2 million." A sentence
                       # of its own, not words quoted ("'We also said no jobs would go,' Shah
                       # said") nor another version ("The earlier version of the bill named…").
                       r"|(?:^|(?<=[\n.!?]\s)|(?<=\n))(?:an?\s+(?:earlier|previous)\s+version"
                       r"(?:\s+also)?|we\s+(?:also|previously|wrongly|incorrectly))\s+(?:said"
                       r"|stated|gave|reported|named|described|misspelled|misspelt"
                       r"|misidentified)\b"
                       r"|\b(?:incorrectly|wrongly|mistakenly|erroneously)"
                       r"\s+(?:said|stated|reported|credited|named|identified|described|gave)\b"
                       # "The report also gave the attendance as 18,412; the correct figure was…"
                       r"|\bgave\s+[^.;]{0,40}?\bas\b(?=[^.;]{0,30}[;,]\s+(?:but\s+)?the\s+"
                       r"(?:correct|right|actual|true)\s+(?:figure|number|total)\b)",
                       re.I)
SUPERSEDED_FACTOR = 0.5  # asked when, a date the sentence says was given up
_SUPERSEDED = re.compile(r"\b(?:(?:was|were)\s+(?:first|originally|initially)|had(?:\s+been)?"
                         r"(?:\s+(?:originally|initially))?|originally|initially)\s+(?:due|scheduled"
                         r"|planned|set|expected|slated)\s+(?:to|for|in|on)\b", re.I)
# The sentence giving the date it moved to as well is the answer: "The opening, originally
# scheduled for March, will now take place on 12 May."
_MOVED = re.compile(r"\b(?:now|moved\s+to|pushed\s+back\s+to|postponed\s+(?:to|until)"
                    r"|delayed\s+(?:to|until)|rescheduled\s+(?:for|to)|instead)\b", re.I)
# A question about the date given up asks for it: "When was it first due to launch?"
_ASKS_FORMER = re.compile(r"\b(?:first|originally|initially|original|initial|previously|before"
                          r"|earlier|had\s+been|supposed|meant)\b", re.I)


def withdrawn_factor(sentence: str, question: str, kind: str) -> float:
    """The share of its score a sentence keeps: all of it unless it says what is no longer so."""
    if RETRACTED.search(sentence):
        return RETRACTED_FACTOR
    if (kind == "date" and _SUPERSEDED.search(sentence) and not _MOVED.search(sentence)
            and not _ASKS_FORMER.search(question)):
        return SUPERSEDED_FACTOR
    return 1.0
