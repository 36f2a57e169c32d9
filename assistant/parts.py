"""Which of two figures said together a question asks for: the part of a whole ("18" of
"pleaded guilty to 18 of the 24 charges") and the move of a price ("22 per cent" of "jumped 22
per cent to $36.60"). The reader's span often falls on the other one: it is the figure nearer
the words the question shares ("charges", "$"), not the one the question's verb is about."""

from __future__ import annotations

import re

from .counting import counted_phrase
from .counts import WORD_NUMBER
from .evidence import question_names
from .words import asking_terms, terms

__all__ = ["moved_by", "part_count"]

_FIGURE = r"[$£€]?\d[\d,.]*\d(?:\s*(?:%|per ?cent\b))?|[$£€]?\d(?:\s*(?:%|per ?cent\b))?"
# "18 of the 24 charges", "96 of 100 items", "three out of five"
_PART_OF = re.compile(rf"(?P<part>{_FIGURE}|\b(?:{WORD_NUMBER})\b)\s+(?:out\s+)?of\s+"
                      r"(?:(?:the|its|their|his|her|our)\s+)?"
                      rf"(?P<whole>\d[\d,.]*\d|\d|(?:{WORD_NUMBER}))\b", re.I)
# Asked the whole: "How many charges did it face in all?"
# So does one ending on a verb of having: "How many recycling centres does the council have?"
# over "close two of its five household recycling centres".
_WHOLE_ASKED = re.compile(r"\b(?:in (?:all|total)|total|altogether|overall|all told)\b"
                          r"|\b(?:have|has|had|own|owns|run|runs|operate|operates|hold|holds"
                          r"|contain|contains|employ|employs)\W*$", re.I)
# "jumped 22 per cent to $36.60": by how much, then to what.
# Not "from $10 to $12": where it started from.
_BY_TO = re.compile(rf"(?<!from )(?<![$£€\d,.])(?P<by>{_FIGURE})\s+to\s+(?P<to>{_FIGURE})", re.I)
_HOW_MUCH_MOVED = re.compile(
    r"^\W*how\s+(?:much|far|fast)\s+(?:did|does|do|has|have|had|will|would)\b[^?]*?\b(?:ris(?:e|en)|"
    r"rose|f[ae]ll(?:en)?|jump(?:ed)?|drop(?:ped)?|climb(?:ed)?|gain(?:ed)?|gr[oe]w(?:n)?|"
    r"increased?|decreased?|slump(?:ed)?|surged?|soar(?:ed)?|sink|sank|plunged?|go(?:ne)? (?:up|"
    r"down)|went (?:up|down)|shed)\b", re.I)


def part_count(sentence: str, start: int, question: str) -> tuple[int, int] | None:
    """Asked how many, where the reader's figure at `start` is "X of (the) Y" or its whole
    ("24" of "pleaded guilty to 18 of the 24 charges", asked how many it pleaded guilty to):
    the part, where what the question asks (its words but what it counts and whom it names)
    is said of it before it ("pleaded guilty to"). None where the question asks the whole ("How
    many charges did he face?" over "18 of the 24 charges he faced", "…in all?"), the part is
    a share ("62% of 2,000 adults"), or the figure is no whole."""
    if _WHOLE_ASKED.search(question):
        return None
    named = {t for name in question_names(question) for t in terms(" ".join(name))}
    asked = (set(terms(question)) - asking_terms() - named
             - set(terms(" ".join(counted_phrase(question)))))
    for m in _PART_OF.finditer(sentence):
        if start in (m.start("part"), m.start("whole")):  # the whole, or both ("18 of the 24")
            said = asked & set(terms(sentence[:m.start()]))
            return m.span("part") if said and not _SHARE.search(m.group("part")) else None
    return None


_SHARE = re.compile(r"%|per ?cent", re.I)  # a part that is a share, not a count


def moved_by(sentence: str, start: int, question: str) -> tuple[int, int] | None:
    """Asked how much something rose or fell, where the reader's figure at `start` is where it
    got to ("$36.60" of "shares jumped 22 per cent to $36.60", "1.142" of "fell 0.8% against
    the dollar…, to 1.142"): by how much it moved. None where the question asks otherwise, or
    the figure follows no "by … to"."""
    if not _HOW_MUCH_MOVED.search(question):
        return None
    down = _ASKED_DOWN.search(question) is not None
    moved = [m for m in _MOVED_THEN_TO.finditer(sentence) if (m.group("up") is None) == down]
    for m in (*_BY_TO.finditer(sentence), *moved):  # said the other way, it is another's
        # "20 to 30 per cent" is a range: a move by is said in a unit of its own.
        if m.start("to") == start and _UNIT.search(m.group("by")):
            return m.span("by")
    return None


# "The arven fell 0.8% against the dollar after the announcement, to 1.142": the move said
# by its verb, where it got to after a comma, in one clause.
_MOVED_THEN_TO = re.compile(
    r"\b(?:(?P<up>r[io]se[ns]?|jump(?:s|ed)|climb(?:s|ed)|gain(?:s|ed)|surg(?:es|ed)|soar(?:s|ed))"
    r"|f[ae]ll(?:s|en)?|slump(?:s|ed)|drop(?:s|ped)|plung(?:es|ed)|tumbl(?:es|ed)|sank|slid)\s+"
    rf"(?:by\s+)?(?P<by>{_FIGURE})(?:(?!\b(?:and|while|but|whereas)\b)[^.;,]){{0,60}},\s+to\s+"
    rf"(?P<to>{_FIGURE})", re.I)
# The way a question asks a figure moved: down, or else up.
_ASKED_DOWN = re.compile(r"\b(?:f[ae]ll(?:en)?|drop(?:ped)?|slump(?:ed)?|sink|sank|plunged?"
                         r"|decreased?|shed|go(?:ne)?\s+down|went\s+down)\b", re.I)


_UNIT = re.compile(r"%|per ?cent|[$£€]", re.I)
