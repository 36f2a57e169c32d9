"""What befell the people a figure counts: asked how many died, "About 2,300 people have been
evacuated" gives no answer, and "The death toll … has risen to 37" does (`states_fate`,
`fate_count`, `death_toll`)."""

from __future__ import annotations

import re

from .counting import ANYONE, asked_verb
from .counts import A_FIGURE, A_YEAR, CLAUSE, WORD_NUMBER, asks_of_people, in_a_name
from .words import asking_terms, terms

__all__ = ["counting_words", "death_toll", "fate_count", "says_what_is_asked", "states_fate"]


# What befell the people counted, in the words news uses for each fate (stems): asked how many
# died, "About 2,300 people have been evacuated" gives no answer, and "The death toll … has
# risen to 37" does.
_BURN = frozenset({"burn"})  # burns are injuries of people, not of acres or homes
_DEATH = frozenset({"kill", "die", "dead", "death", "fatal", "toll", "perish", "drown"})
_FATES = (_DEATH,
          frozenset({"injur", "wound", "hurt", "hospit"}) | _BURN,
          frozenset({"miss", "unaccount"}),
          frozenset({"evacu", "displac", "fled", "flee", "homeless", "shelter", "rescu"}),
          frozenset({"arrest", "detain", "charg"}))
# Content words after a figure, in its clause, where what befell those it counts is said, and
# before it: "40 are missing", "Forty-one people are now known to have died", "killed 12".
FATE_AFTER, FATE_BEFORE = 5, 2
# "The death toll … has risen to 37", "The number of people confirmed dead … has risen to 23":
# the figure after the toll.
# "The number of people killed by Storm Isla has risen to four": the figure after the number.
_TOLL = re.compile(r"\b(?:toll|dead|deaths|number\s+of\s+(?:[\w-]+\s+){0,2}?(?:killed|who\s+"
                   r"(?:have\s+|had\s+)?died))\b[^.;]{0,80}?\b(?:to|at|of|is|was|stands\s+at"
                   r"|reached)\s+(?:at\s+least\s+|about\s+|around\s+|some\s+|more\s+than\s+"
                   rf"|over\s+|nearly\s+)?(\d[\d,]*\d|\d|\b(?:{WORD_NUMBER})\b(?!\s+of\b))",
                   re.I)


def counting_words(question: str) -> set[str]:
    """The stems a "how many" question counts with: people, and the fate asked about ("died":
    any of its words, "killed", "toll")."""
    return set(ANYONE) | set(_fate(question) or ())


def _fate(question: str) -> frozenset[str] | None:
    verb = asked_verb(question)
    if verb & _BURN and not asks_of_people(question):
        return None
    return next((f for f in _FATES if verb & f), None)


def _fated(sentence: str, fate: frozenset[str]) -> list[tuple[int, int]]:
    """The figures of the sentence counting people of that fate: followed by it in their clause
    ("14 people have been killed", "40 are missing"), or after it ("killed 12 people"), and a
    death toll's. Not a year, nor a figure inside a name ("Flight 370", "Covid-19")."""
    found = []
    for m in A_FIGURE.finditer(sentence):
        if A_YEAR.fullmatch(m.group()) or in_a_name(sentence, m.start()) or (
                sentence[m.start() - 7:m.start()].casefold().strip() in _NAMED_BY):
            continue
        after = CLAUSE.split(sentence[m.end():], maxsplit=1)[0]
        before = CLAUSE.split(sentence[:m.start()])[-1]
        if fate & {*terms(before)[-FATE_BEFORE:], *terms(after)[:FATE_AFTER]}:
            found.append(m.span())
    toll = _TOLL.search(sentence) if fate is _DEATH else None
    return found + ([toll.span(1)] if toll and toll.span(1) not in found else [])


# Words before a figure that make it a name: "Flight 370", "Route 66", "Room 101".
_NAMED_BY = frozenset({"flight", "route", "room", "number", "no.", "gate", "platform",
                       "highway", "bus", "apollo", "article", "section", "chapter"})


def death_toll(sentence: str, question: str) -> tuple[int, int] | None:
    """Asked how many died, the figure a toll gives ("has risen to seven"): it says the answer
    in so many words, however unsure the reader is of it."""
    toll = _TOLL.search(sentence) if _fate(question) is _DEATH else None
    return toll.span(1) if toll else None


def states_fate(sentence: str, question: str) -> bool | None:
    """Does a figure of the sentence count people of the fate the question asks about ("How
    many people were killed…")? None where it asks about no such fate."""
    fate = _fate(question)
    return None if fate is None else bool(_fated(sentence, fate))


def fate_count(sentence: str, question: str, start: int = 0, end: int = 0
               ) -> tuple[int, int] | None:
    """The figure of the sentence counting people of the fate asked about, where the reader's
    span [start, end) is not one: the one inside it ("14" of "14 people have been killed and
    40" read whole), else the sentence's one ("40" of "At least 14 people have been killed and
    40 are missing", asked how many are missing, read as "14"). None where the reader's figure
    counts that fate, or no single figure does."""
    fate = _fate(question)
    found = _fated(sentence, fate) if fate else []
    inside = [f for f in found if start <= f[0] and f[1] <= end]
    if inside:
        return inside[0] if len(inside) == 1 and inside[0] != (start, end) else None
    return found[0] if len(found) == 1 else None


def says_what_is_asked(sentence: str, question: str, things: set[str]) -> bool:
    """Does the sentence say what the question asks of the `things` it counts: another of its
    words, or the fate asked ("Nine of them were taken to hospital" for how many were hurt)?
    Not "How many of the participants were women?" of "2,914 of them were diagnosed"."""
    asked = set(terms(question)) - asking_terms() - things
    return bool(asked & set(terms(sentence))) or states_fate(sentence, question) is True
