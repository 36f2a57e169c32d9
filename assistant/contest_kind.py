"""Which contest a question means and a sentence states: its kind (an election, a match, a
prize), its round ("the cup final" is no quarter-final), its category ("the poetry prize")
and its year. `contest` reads who won it."""

from __future__ import annotations

import re

from .words import terms

__all__ = ["KINDS", "category_said", "kind_words", "of_division", "of_year", "same_kind"]

_LOWER = re.compile(r"[a-z][a-z-]*")
_ROUNDS = frozenset({"final", "semi-final", "semifinal", "quarter-final", "quarterfinal",
                     "semi-finals", "quarter-finals", "playoff", "play-off"})
# Kinds of contest: a question about one is not answered by a sentence about another ("Who won
# the cup final?" by "Okonkwo has been elected mayor").
KINDS = (frozenset({"election", "elected", "re-elected", "vote", "votes", "ballot", "poll",
                    "polls", "seat", "primary", "runoff", "run-off", "mayoral", "presidential",
                    "referendum", "mayor", "candidate", "nomination", "leadership"}),
         frozenset({"match", "game", "final", "semi-final", "quarter-final", "cup", "derby",
                    "tie", "tournament", "league", "championship", "series", "round", "bout",
                    "fight", "trophy", "title", "race", "goal", "goals", "season"}),
         frozenset({"prize", "award", "medal", "grammy", "oscar", "emmy"}))
# "final" before a noun is no round: "after the final count of postal ballots".
_ADJECTIVE_FINAL = re.compile(r"(?<![-\w])final(?=\s+(?!(?:at|in|on|of|against|with|between|and"
                              r"|or|was|is|will|for|to|after|before|this|last|next|went|ended"
                              r"|finished|has|had|yesterday|today|tonight|second|first)\b)[a-z])")


def kind_words(text: str) -> set[str]:
    """The lower-case words of a question or sentence, as `KINDS` holds them."""
    return set(_LOWER.findall(text.lower()))


def of_year(published: str, years: set[str]) -> bool:
    """Is a report of that day (ISO; another shape is not judged) one of those years', or of
    the next year's first quarter (a result reported in the new year)?"""
    if not re.match(r"\d{4}-\d{2}", published):
        return True
    year, month = int(published[:4]), int(published[5:7])
    return str(year) in years or (month <= 3 and str(year - 1) in years)


def same_kind(question: str, sentence: str) -> bool:
    """Unless both say what kind of contest (an election, a match, a prize), of one kind, and
    of one round ("the cup final" is no quarter-final)."""
    q_words, s_words = kind_words(question), kind_words(_ADJECTIVE_FINAL.sub("", sentence.lower()))
    asked = {k for k, words in enumerate(KINDS) if words & q_words}
    said = {k for k, words in enumerate(KINDS) if words & s_words}
    rounds, stated = q_words & _ROUNDS, s_words & _ROUNDS
    return ((not asked or not said or bool(asked & said))
            and (not rounds or not stated or bool(rounds & stated))
            and of_division(question, sentence))


# A race's or a draw's division: "the women's race" is no answer to who won the wheelchair race.
# Singular or plural, possessive or not: "the juniors' title" is the junior race's.
_DIVISION = re.compile(r"(?<!\w)(?:(men|women|boys|girls)(?:’s|'s|s’|s')|(wheelchair|juniors?"
                       r"|veterans?|singles|doubles|under-\d+s?))(?!\w)", re.I)
# A division said of a person, not of the contest: "beating her doubles partner Mia Stone".
_OF_PERSON_BEFORE = re.compile(r"\b(?:his|her|their|my|our|your)\s+$", re.I)
_OF_PERSON_AFTER = re.compile(r"^\s+(?:partners?|team-?mates?|coach(?:es)?|rivals?|opponents?"
                              r"|friends?|sisters?|brothers?)\b", re.I)


def _divisions(text: str) -> set[str]:
    """The divisions a text names of a contest, stemmed ("juniors'" and "junior" alike)."""
    return {"".join(terms("".join(m.groups("")))) for m in _DIVISION.finditer(text)
            if not _OF_PERSON_BEFORE.search(text[:m.start()])
            and not _OF_PERSON_AFTER.match(text[m.end():])}


def of_division(question: str, sentence: str) -> bool:
    """Unless both name a division ("men's", "wheelchair", "under-18"), none of them one."""
    asked, said = _divisions(question), _divisions(sentence)
    return not asked or not said or bool(asked & said)


# "the poetry prize", "the children's book award": a category of a prize, in lower case (a
# prize's own name is capitalised: "the Coastline Book Prize").
_CATEGORY = re.compile(r"\b((?:[a-z][\w’'-]*\s+){1,2})(?:prize|award|category|medal)s?\b")
_NO_CATEGORY = frozenset({"the", "a", "an", "this", "that", "best", "top", "overall", "main",
                          "annual", "first", "last", "next", "same", "won", "win", "wins"})


def category_said(question: str, sentence: str) -> bool:
    """Does the sentence name the category of prize the question asks about, where it names
    one? "Amara Quinn won the Coastline Book Prize for fiction" does not say who won the
    poetry prize, nor the non-fiction one."""
    m = _CATEGORY.search(question)
    asked = [w for w in m.group(1).split() if w not in _NO_CATEGORY] if m else []
    said = {w.casefold() for w in re.findall(r"[\w’'-]+", sentence)}
    return all(w in said for w in asked)
