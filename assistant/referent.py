"""Whom a follow-up's "he" or "she" means, put in its place.

"How old is she?" after "Who won the Stuttgart Open?" (answered "Lena Hartmann — …") asks
"How old is Lena Hartmann?", and every rule that reads a question by its names (an age said
of the person asked about, what a named speaker said) can then do its work. Adding the
conversation's names beside the pronoun, as `followup.rule_rewrite` does, searches well but
leaves the question nameless, and takes whoever is named first: asked "How old is she?", a
"Professor Marcus Hale, 58" answered.

The people the conversation has named are taken most recent first: the last answer's short
answer, then the names of the last question, then the turn before. The first whose first name
fits the pronoun (`gender_guesser`'s table of first names) is meant; where no one's does, the
question is left as asked. A name the table does not know is no person's: "Reef Restoration
Foundation" is not a "she".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .qualifiers import NOT_PEOPLE
from .titled import TITLE_WORDS
from .types import Message

__all__ = ["given_gender", "named_person", "names_one_like", "owns_next", "people_named",
           "person_meant", "resolve_pronoun"]

_HE = re.compile(r"\b(?:he|him|his)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers)\b", re.I)
_LEAD = re.compile(r"^(?P<lead>[^“\"—]{3,60}?) — [“\"]")
# A run of capitalised words, any alphabet's ("Álvaro Ruiz"), particles between ("Ursula von
# der Leyen").
_NAME = re.compile(r"(?<![\w’'-])(?:[^\W\d_][\w’'-]*)(?:\s+(?:(?:de|der|den|van|von|da|di|la|le)"
                   r"\s+)*[^\W\d_][\w’'-]*)*")
# Words a name does not begin with: a question's ("Did Gerald Pike…"), a title's.
_NOT_FIRST = frozenset({"did", "does", "do", "is", "was", "were", "are", "has", "have", "had",
                        "will", "can", "could", "who", "what", "when", "where", "why", "how",
                        "which", "the", "a", "an", "and", "but", "so", "dr", "mr", "ms", "mrs",
                        "prof", "professor", "sir", "dame", "lord", "lady"}) | TITLE_WORDS
# "her" that owns what follows ("her husband") rather than being its verb's object ("beat her").
_NOT_OWNED = frozenset({"in", "on", "at", "for", "to", "from", "with", "by", "about", "after",
                        "before", "into", "onto", "over", "than", "as", "when", "and", "or",
                        "say", "said", "tell", "ask", "now", "then", "again", "once", "first",
                        "last", "most", "so", "up", "down", "out", "off", "back", "away",
                        "there", "here", "home", "today", "yesterday", "tomorrow", "later",
                        "earlier", "recently", "yet", "too", "also", "well", "this", "that",
                        "a", "an", "the", "some", "any", "no"})
TURNS = 3  # how far back in the conversation a referent may be


def resolve_pronoun(question: str, history: Sequence[Message] | None) -> str:
    """The question with "he"/"she" (and "him", "his", "her", "hers") replaced by the person
    the conversation means, or the question as asked where that is not clear."""
    person = person_meant(question, history)
    return question if person is None else _replaced(question, person)


def person_meant(question: str, history: Sequence[Message] | None) -> str | None:
    """The person the question's "he" or "she" means, or None where that is not clear."""
    he, she = bool(_HE.search(question)), bool(_SHE.search(question))
    if not history or he == she:
        return None
    return next((p for p in people_named(history) if _gender(p) == ("female" if she else "male")),
                None)


def names_one_like(text: str, question: str) -> bool:
    """Does the text name a person the question's "he" or "she" may mean (a first name of
    that gender)?"""
    gender = "female" if _SHE.search(question) else "male" if _HE.search(question) else None
    words = text.split()
    return gender is not None and any(
        given_gender(word) == gender and following[:1].isupper()
        for word, following in pairwise(words))


def people_named(history: Sequence[Message]) -> Iterator[str]:
    """The people the conversation named, most recent first: each answer's short answer (what
    leads it before " — “"), then its question's names."""
    turns = list(history)[-2 * TURNS:]
    for message in reversed(turns):
        text = message["content"]
        if message["role"] == "assistant":
            lead = _LEAD.match(text)
            names = [_led(lead.group("lead"))] if lead else []
        else:
            names = [_own(run) for m in _NAME.finditer(text) for run in _capitalised(m.group())]
        yield from (n for n in names if _gender(n) is not None)


def _led(lead: str) -> str:
    """The person a short answer names: the one person among its runs of capitalised words
    ("Hannah Corrigan" of "Hannah Corrigan of the Green Party"), else the lead whole (two
    people, or one's possessive: "Lena Hartmann's coach, Anna Berg" is no one here)."""
    people = [own for run in _capitalised(lead)
              if _gender(own := _own(run.rstrip(",.;:"))) is not None]
    if len(people) == 1 and not re.search(r"[’']s$", people[0]):
        return people[0]
    return _own(lead)


def _capitalised(run: str) -> list[str]:
    """The runs of capitalised words in a run of words ("Did Gerald Pike plead" gives
    "Did Gerald Pike"; `_own` drops "Did")."""
    found: list[str] = []
    words: list[str] = []
    for word in [*run.split(), ""]:
        if word[:1].isupper() or (words and word in {"de", "der", "den", "van", "von", "da"}):
            words.append(word)
        else:
            found += [" ".join(words)] if words else []
            words = []
    return found


def _own(name: str) -> str:
    """The person's own name: not "Germany's" before it, nor a title ("Dr Eleanor Voss")."""
    name = re.split(r"[’']s\s+", name.strip())[-1]
    words = name.split()
    while words and words[0].casefold().strip(".") in _NOT_FIRST:
        words.pop(0)
    return " ".join(words)


def _gender(name: str) -> str | None:
    """"male" or "female" by the first name, or None: not a person's name, or either's."""
    words = tuple(name.split())
    return given_gender(words[0]) if _shaped_as_name(words) else None


def _replaced(question: str, person: str) -> str:
    def one(m: re.Match[str]) -> str:
        word = m.group().casefold()
        owned = word == "her" and owns_next(question, m.end())
        return f"{person}'s" if word in ("his", "hers") or owned else person

    return (_SHE if _SHE.search(question) else _HE).sub(one, question)


def owns_next(text: str, end: int) -> bool:
    """Does the "her" ending at `end` own the word after it ("her husband") rather than end
    its verb's object ("beat her")?"""
    following = text[end:].split(maxsplit=1)
    return bool(following) and following[0][:1].isalpha() and following[0].casefold().strip(
        "?,.!") not in _NOT_OWNED


def given_gender(word: str) -> str | None:
    """"male" or "female" where the word is a first name mostly of one, else None."""
    return {"male": "male", "mostly_male": "male", "female": "female",
            "mostly_female": "female"}.get(str(_detector().get_gender(word)))


def named_person(name: tuple[str, ...]) -> bool:
    """Is it a person's name: two to four words, a given name first ("Heidi", not "Supreme"),
    none a figure, and no company's, place's or event's word last ("Tony Awards")?"""
    return _shaped_as_name(name) and str(_detector().get_gender(name[0])) != "unknown"


def _shaped_as_name(words: tuple[str, ...]) -> bool:
    """Two to four words, none with a figure, no company's, place's or event's word last."""
    return (2 <= len(words) <= 4 and not any(ch.isdigit() for w in words for ch in w)
            and words[-1].casefold() not in NOT_PEOPLE)


@lru_cache(maxsize=1)
def _detector() -> Any:
    # Loaded on first use: its name table costs ~0.2 s, which `newsqa ask` without a
    # conversation should not pay.
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)
