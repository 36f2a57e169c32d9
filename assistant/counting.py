"""What a "how many" question counts, and what befell what it counts: "How many sunken
fishing boats were removed?" counts boats (`counted`), "How many councillors abstained?" asks
about abstaining (`asked_verb`). The sentence's side, which figure counts it, is `counts`."""

from __future__ import annotations

import re

from .words import terms

__all__ = ["ANYONE", "asked_verb", "counted", "counted_phrase"]

_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
                          "will", "would", "can", "could", "should", "may", "might"})
# "How many people…" is answered by "18 million viewers", "300 residents": people are counted
# by whatever they are.
ANYONE = frozenset({"peopl", "person", "individu"})


def counted(question: str) -> set[str]:
    """What a "how many" question counts: "How many Chinese ships…" -> {chines, ship}; nothing
    when a verb follows ("…and how many does he say are there?": the thing counted is in an
    earlier turn)."""
    words = counted_phrase(question)[:2]
    stems = terms(" ".join(words))
    # "How many people died": what follows "people" is what they did, not what they are.
    return set() if stems and stems[0] in ANYONE else set(stems) - ANYONE


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


def counted_phrase(question: str) -> list[str]:
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


_BE = frozenset({"be", "been", "being", "get", "got", "gotten"})


def asked_verb(question: str) -> set[str]:
    """The stem of the verb after what a "how many" question counts ("abstained" of "How many
    councillors abstained…", "cast" of "…votes were cast…"), or none."""
    words = _how_many_words(question)
    rest = [w for w in words[len(counted_phrase(question)):]
            if w.casefold() not in _AUXILIARIES and w.casefold() not in _BE]
    return set(terms(rest[0])) if rest and rest[0].casefold() not in _NOT_COUNTED else set()
