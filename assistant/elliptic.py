"""An elliptical follow-up asks the last question again, of something else.

"How old is he?" then "What about his wife?" asks "How old is his wife?"; "When did it land?"
then "And the rover?" asks "When did the rover land?"; "How many call-outs did the team have
last year?" then "And the year before?" asks it of the year before. Searched as its own few
words with the conversation's names beside them, such a turn had lost what it asks: "What
about Baptiste-Fernández?" after a question on the odds of a try was answered with a sentence
naming him, not his odds.

The last question is asked again with the new subject where it held the word it replaces: a
person for "he", "she" or a named person, a thing for "it" or "they", a time for a time. Where
it held none, the question stands as asked ("What about his wages?" after "How long is his
contract?" asks of his wages, not of his contract's length).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .referent import named_person, owns_next
from .titled import TITLE_WORDS
from .types import Message

__all__ = ["expanded"]

_ELLIPTIC = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:(?:what|how)\s+about|and)\s+"
                       r"(?P<x>[^?]+?)\s*[?.!]?\s*$", re.I)
# Words that make the rest a question of its own ("And what does the union want?").
_OWN_VERB = frozenset({"is", "are", "was", "were", "be", "been", "did", "does", "do", "has",
                       "have", "had", "will", "would", "can", "could", "should", "may",
                       "might", "must", "who", "what", "when", "where", "why", "how", "which",
                       "whose", "want", "wants", "say", "said", "says"})
_MOST_WORDS = 6
_TIME = re.compile(r"^(?:(?:the\s+)?(?:year|month|week|season|day)\s+before|today|tonight"
                   r"|tomorrow|yesterday|now|(?:this|at\s+the)\s+weekend"
                   r"|(?:the\s+)?(?:last|this|next|previous|following)\s+(?:year|month|week"
                   r"|season|time)|(?:in\s+)?(?:19|20)\d\d)$", re.I)
_TIME_IN = re.compile(r"\b(?:(?:last|this|next)\s+(?:year|month|week|season|weekend)|today"
                      r"|tonight|tomorrow|yesterday"
                      r"|(?:in\s+)?(?:19|20)\d\d)\b", re.I)
_KIN = frozenset({"wife", "husband", "partner", "father", "mother", "son", "daughter",
                  "brother", "sister", "dad", "mum", "mom", "parents", "children", "family",
                  "girlfriend", "boyfriend", "fiancé", "fiancée", "widow", "widower",
                  "runner-up", "winner", "loser", "candidate", "rival", "opponent", "driver",
                  "victim", "player", "boss", "colleague", "friend", "teammate", "deputy",
                  "lawyer", "solicitor", "uncle", "aunt", "cousin", "grandfather",
                  "grandmother", "man", "woman", "boy", "girl", "pilot", "officer"})
# "And in Kraków?", "And on Sundays?": the last question asked there or then.
_PLACED = re.compile(r"^(?:in|on|at|for|during|from|after|before|over|under|with|without)\s",
                     re.I)
# "What did they say about pay?": what the question is about, at its end.
_ABOUT = re.compile(r"\babout\s+(?P<what>[^?]+?)\s*\??\s*$", re.I)
_OTHER = frozenset({"other", "another", "second", "third", "first", "new", "old", "next",
                    "previous", "latest", "older", "newer", "cheaper", "bigger", "smaller",
                    "larger", "basic", "standard", "premium"})
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)
_IMPERSONAL = re.compile(r"\b(?:it|they|them|its|their)\b", re.I)
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}")


def expanded(question: str, history: Sequence[Message] | None) -> str:
    """The last question asked again of what an elliptical follow-up names, or the question
    as asked: not elliptical, no question before it, or nothing in it to replace."""
    x = _elided(question)
    if x is None or not history:
        return question
    turns = list(history)
    at = next((i for i in range(len(turns) - 1, -1, -1) if turns[i]["role"] == "user"), None)
    if at is None:
        return question
    # The last question may itself have been elliptical ("And his sister-in-law?" after
    # "What about his wife?"): what it asked is what this one asks again.
    before = expanded(turns[at]["content"], turns[:at])
    asked = _asked_of(before, x)
    return asked if asked is not None else question


def _elided(question: str) -> str | None:
    """What "What about …?" or "And …?" asks of: a few words with no verb of their own."""
    m = _ELLIPTIC.match(question.strip())
    if m is None:
        return None
    x = m.group("x").strip()
    words = [w.casefold() for w in x.split()]
    if not words or len(words) > _MOST_WORDS or _OWN_VERB & set(words):
        return None
    return x


def _asked_of(before: str, x: str) -> str | None:
    """`before` asked of `x` in place of the word `x` stands for, or None where it has none."""
    if _TIME.match(x) or _PLACED.match(x):
        return _set_beside(before, x)
    if _a_person(x) or _a_name(x):
        # "And Rishi Sunak?", "And the Greens?": in place of "he" or the one name asked of.
        asked = _of_person(before, x)
        if asked is not None or _a_person(x):
            return asked
    about = _ABOUT.search(before)
    if about:  # "What did they say about pay?", then "What about pensions?"
        return before[:about.start("what")] + x + before[about.end("what"):]
    # "And the target?" after "How much have they raised?" asks the target of the same
    # appeal, not how much "the target" raised: only another of a kind ("the 512GB version",
    # "the Ford") stands where "it" or "they" stood.
    found = _IMPERSONAL.search(before) if _another_thing(x) else None
    return None if found is None else _put(before, found, x)


def _set_beside(before: str, x: str) -> str:
    """"And in Kraków?", "And the year before?": in place of the last question's own time or
    place said the same way, else after it."""
    found = _TIME_IN.search(before) if _TIME.match(x) else re.search(
        rf"\b{re.escape(x.split()[0])}\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*",
        before, re.I)
    if found:
        return before[:found.start()] + x + before[found.end():]
    return before.rstrip(" ?") + f" {x}?"


def _of_person(before: str, x: str) -> str | None:
    """`before` asked of the person `x` in place of "he", "she" or the one person it names."""
    pattern = _PERSONAL
    if _PERSONAL.search(x):
        # "his wife" after "How old is he?": "he" only, not a possessive of the same person.
        pattern = re.compile(r"\b(?:he|she|him)\b", re.I)
    found = pattern.search(before) or _kin_of(before, x) or _sole_person(before)
    return None if found is None else _put(before, found, x)


def _put(before: str, found: re.Match[str], x: str) -> str:
    possessive = found.group().casefold() in ("his", "its", "their") or (
        found.group().casefold() == "her" and owns_next(before, found.end()))
    return before[:found.start()] + (f"{x}'s" if possessive else x) + before[found.end():]


def _another_thing(x: str) -> bool:
    """Is it another of a kind: a figure, a name or a word that tells one from another?"""
    words = x.split()
    return any(ch.isdigit() for ch in x) or any(w[:1].isupper() for w in words) or bool(
        {w.casefold() for w in words} & _OTHER)


def _a_person(x: str) -> bool:
    """Does it name a person: a name, or a word for one ("his wife", "the runner-up")?"""
    words = x.replace("’", "'").split()
    nouns = {w.casefold().removesuffix("'s").strip(",.") for w in words}
    nouns |= {w.split("-")[0] for w in nouns}  # "sister-in-law"
    named = [w for w in words if w[:1].isupper()]
    return bool(nouns & (_KIN | TITLE_WORDS)) or (named == words[-len(named):] and (
        len(named) == 1 == len(words) or named_person(tuple(named))))


def _a_name(x: str) -> bool:
    """A name of one to three words, "the" before it or not ("the Greens", "Rishi Sunak")."""
    words = x.split()[1:] if x.split()[0].casefold() == "the" else x.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and not any(c.isdigit() for c in w)
                                       for w in words)


def _kin_of(before: str, x: str) -> re.Match[str] | None:
    """In "How old is his wife?", "his wife" when `x` is another of his ("his sister-in-law")."""
    owner = re.match(r"(?i)(his|her|its|their)\s", x)
    if owner is None or not _a_person(x):
        return None
    found = re.search(rf"\b{owner.group(1)}\s+([\w’'-]+)", before, re.I)
    return found if found and found.group(1).casefold().split("-")[0] in _KIN else None


def _sole_person(before: str) -> re.Match[str] | None:
    """The one name the question holds (not its first word), where it is a person's or a
    single word ("Leclercq-Dubois"): not "the Stuttgart Open", which no person stands for."""
    runs = [m for m in _NAME_RUN.finditer(before, 1) if m.group() != "I"]
    if len(runs) != 1:
        return None
    words = tuple(runs[0].group().split())
    return runs[0] if len(words) == 1 or named_person(words) else None
