"""Which way a figure moved: asked as the question's verb ("How much did shares fall…?", "By how
much are fares going up?"), said in the sentence ("rose 4.2%", "down 17%": "up", "down" only
before a figure). Not "How many jobs were lost?", a count. A sentence saying only that it went
the other way is no answer to how far (`evidence.answer_fit`)."""

from __future__ import annotations

import re

__all__ = ["asks_way", "opposite_way"]

_FELL = (r"f[ae]ll(?:s|en|ing)?|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|slump(?:s|ed|ing)?"
         r"|plung(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|sank|sink(?:s|ing)?|shr[ai]nk(?:s|ing)?"
         r"|shrunk|lo(?:se|ses|st|sing)")
_ROSE = (r"r[io]se(?:s|n)?|rising|gain(?:s|ed|ing)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?"
         r"|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|grew|grow(?:s|n|ing)?"
         r"|increas(?:e|es|ed|ing)")
_WENT = r"(?:go(?:es|ne|ing)?|went)\s+"  # "go up", "going down": a way said in two words
_AUX = r"did|does|do|has|have|had|will|would|could|can|may|might"
# A be-verb asks which way only before "going up" ("How much are fares going up?"): "How much
# was lost…?" asks a sum (the review's).
_ASKED_WAY = re.compile(r"^\W*(?:by\s+how\s+(?:much|far)\s+(?:is|are|was|were|" + _AUX
                        + r")|how\s+(?:much|far|many\s+[\w-]+)\s+(?:" + _AUX + r")"
                        r"|how\s+(?:much|far)\s+(?:is|are|was|were)\b(?=[^?]*\bgoing\s+(?:up|down)))"
                        r"\b[^?]*?\b(?:(?P<fell>" + _FELL + r"|" + _WENT
                        + r"down)|(?P<rose>" + _ROSE + r"|" + _WENT + r"up))\b", re.I)
_SAID_FELL = re.compile(rf"\b(?:{_FELL})\b|\bdown\s+(?:by\s+)?[$£€]?\d", re.I)
_SAID_ROSE = re.compile(rf"\b(?:{_ROSE})\b|\bup\s+(?:by\s+)?[$£€]?\d", re.I)


def asks_way(question: str) -> bool:
    """Does the question ask how far a figure moved one way, by its own verb?"""
    return _ASKED_WAY.match(question) is not None


def opposite_way(sentence: str, question: str) -> bool:
    """Asked how much something fell, a sentence saying only that it rose (or the other way
    round): "Shares in Halvorsen rose 4.2%" is no answer to how much they fell. Only where the
    question's own verb is the way ("How many people died when the bridge fell?" asks no way)."""
    asked = _ASKED_WAY.match(question)
    if asked is None:
        return False
    same, other = (_SAID_FELL, _SAID_ROSE) if asked.group("fell") else (_SAID_ROSE, _SAID_FELL)
    return bool(other.search(sentence)) and not same.search(sentence)
