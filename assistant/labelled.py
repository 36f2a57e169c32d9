"""Labelled lines: a list's "Label: Name", as a review's cast and credits give them ("Edith
Carney: Martha Quayle", "Director: Tomasz Brennan-Wolski", "Sound: Joel Akintola").

Such a line says one thing: that the name is the label's, the character played or the role
held. Read as a sentence among the story's, it shares the article's every word with the
reader's eye and led answers to questions about other things: "Who wrote The Lighthouse
Keeper's Wife?" was answered "Edith Carney" (relevance 0.47), "Where is … on?" quoted it. So it
is read only for a question about its label or its name ("Who plays Edith?", "Who did the
sound?"), and asked who is the label's, by its verb ("Who directed …?") or its words ("Who is
the director?", "Who plays Edith?"), the name is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from index import is_caption

from .titled import NAME
from .words import asking_terms, terms, verb_bases

if TYPE_CHECKING:  # rerank reads its candidates through shortlist, which reads this
    from .rerank import Evidence

__all__ = ["asks_label", "label_first", "label_holder", "labelled"]

# The label: a few words, the first capitalised ("Set and costume", "Mr Penrose"); the name:
# two capitalised words or more, or several such names ("Ruairí Mac Aodha", "A Lee and B Roe").
# Not a sentence: no end mark ("Running time: 2 hours 20 minutes, including one interval.").
_PERSON = rf"(?=\S+\s+[A-Z]){NAME}"
_LINE = re.compile(rf"^\s*(?P<label>[A-Z][\w’'.-]*(?:\s+(?:[\w’'.-]+|&)){{0,4}}?)\s*:\s+"
                   rf"(?P<name>{_PERSON}(?:\s*(?:,|&|\band\b)\s*{_PERSON})*)\s*$")
# The writer of a work is credited under other words than the verb's: "Playwright: …".
_WRITERS = frozenset(terms("playwright author writer script screenplay book words libretto"))
_POSSESSIVE = re.compile(r"\b[\w-]+[’']s\b")
_WHO = re.compile(r"^\W*(?:and\s+)?who\b", re.I)
_PREFIX = 5  # "direct" of "directed" is the "director"'s; not "play" the "playwright"'s


def labelled(sentence: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The label's and the name's spans (sentence offsets) of a labelled line, or None. A
    caption's credit or a byline ("Photo: Marek Doyle", "Reporter: Aled Brannock") is left to
    the captions' rules."""
    m = _LINE.match(sentence)
    if m is None or is_caption(sentence):
        return None
    return m.span("label"), m.span("name")


def _matches(asked: set[str], said: set[str]) -> bool:
    """A word of the question is one of the label's, or its doer's ("directed": "Director";
    "wrote": "Writer", "Playwright")."""
    if "write" in asked and said & _WRITERS:
        return True
    return any(q == s or (len(q) >= _PREFIX and s.startswith(q)) for q in asked for s in said)


def asks_label(question: str, sentence: str) -> bool:
    """Does the question ask about what the labelled line says: its label, or its name? True
    for a sentence that is no labelled line."""
    spans = labelled(sentence)
    if spans is None:
        return True
    asked = verb_bases(set(terms(question))) - asking_terms()
    label, name = (sentence[slice(*s)] for s in spans)
    return _matches(asked, set(terms(label))) or bool(asked & set(terms(name)))


def label_holder(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked who did what the label names ("Who directed …?" over "Director: Tomasz
    Brennan-Wolski", "Who did the sound?"), who holds it ("Who is the director?") or who plays
    the character ("Who plays Edith?" over "Edith Carney: Martha Quayle"), the name: sentence
    offsets. Not asked about its label ("What part does Martha Quayle play?", "Who plays
    Edith's husband?"), None."""
    spans = labelled(sentence)
    if spans is None or not _WHO.match(question):
        return None
    # "Who plays Edith's husband?" asks about another than Edith: not her line.
    asked = verb_bases(set(terms(_POSSESSIVE.sub(" ", question)))) - asking_terms()
    return spans[1] if _matches(asked, set(terms(sentence[slice(*spans[0])]))) else None


def label_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked who is the label's, the ranking with the first labelled line giving it put first
    (the reader scores a line of a list low: "Director: Tomasz Brennan-Wolski" came fourth for
    "Who directed …?"), or None: a line of the best sentence's article only (a list of
    credits is one work's, not any that shares a word with the question)."""
    if not ranked:
        return None
    first = next((ev for ev in ranked if ev.article_id == ranked[0].article_id
                  and label_holder(question, ev.text) is not None), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]
