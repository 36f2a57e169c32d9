"""What a "how many" question counts, and what befell what it counts: "How many sunken
fishing boats were removed?" counts boats (`counted`), "How many councillors abstained?" asks
about abstaining (`asked_verb`). The sentence's side, which figure counts it, is `counts`."""

from __future__ import annotations

import re

from .words import terms

__all__ = ["ANYONE", "asked_verb", "counted", "counted_phrase", "counts_any_thing"]

_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
                          "will", "would", "can", "could", "should", "may", "might"})
# "How many people…" is answered by "18 million viewers", "300 residents": people are counted
# by whatever they are ("ppl" as typed).
ANYONE = frozenset({"peopl", "person", "individu", "ppl"})
# "How many units?" after a question about air fryers counts whatever was asked about before:
# nothing in particular ("recalling 184,000 air fryers" counts them).
_ANY_THING = frozenset({"unit", "item"})


def counts_any_thing(question: str) -> bool:
    """Does a "how many" question count "units" or "items": whatever a figure's own plural noun
    says ("184,000 air fryers"), not a figure with none ("The 14-storey tower")?"""
    stems = set(terms(" ".join(counted_phrase(question))))
    return bool(stems) and stems <= _ANY_THING


def counted(question: str) -> set[str]:
    """What a "how many" question counts: "How many Chinese ships…" -> {chines, ship}; nothing
    when a verb follows ("…and how many does he say are there?": the thing counted is in an
    earlier turn)."""
    phrase = counted_phrase(question)
    # Its first two words and its noun, the last: "cuts" of "further rate cuts", "fires" of
    # "e-bike and e-scooter battery fires".
    stems = terms(" ".join([*phrase[:2], *phrase[2:][-1:]]))
    # "How many people died": what follows "people" is what they did, not what they are.
    if (stems and stems[0] in ANYONE) or set(stems) <= _ANY_THING:
        return set()
    return set(stems) - ANYONE


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
    for word in words[:5]:
        w = word.casefold()
        if w in _AUXILIARIES or w in _NOT_COUNTED or (
                taken and w.endswith("ed") and not taken[-1].casefold().endswith("ly")):
            break
        taken.append(word)
    plural = [i for i, w in enumerate(taken) if w.casefold().endswith("s")
              and not w.casefold().endswith("ss")]
    return taken[:plural[-1] + 1] if plural else taken


_BE = frozenset({"be", "been", "being", "get", "got", "gotten"})
# Adverbs between the thing counted and its verb: "How many people are still missing?"
_ADVERBS = frozenset({"still", "now", "currently", "already", "yet", "ever", "also", "just",
                      "reportedly", "so", "far"})


def asked_verb(question: str) -> set[str]:
    """The stem of the verb after what a "how many" question counts ("abstained" of "How many
    councillors abstained…", "cast" of "…votes were cast…"), or none."""
    words = _how_many_words(question)
    rest = [w for w in words[len(counted_phrase(question)):]
            if w.casefold() not in _AUXILIARIES and w.casefold() not in _BE
            and w.casefold() not in _ADVERBS]
    return set(terms(rest[0])) if rest and rest[0].casefold() not in _NOT_COUNTED else set()
