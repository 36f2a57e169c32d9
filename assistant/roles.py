"""Who holds a role: "Who is Portland's mayor?" over "Portland Mayor Keith Wilson said…".

News writing names a role's holder right after the title ("South Korean President Yoon Suk
Yeol", "North Korean leader Kim Jong Un", "museum director Kari Holm") or sets the title beside
the name ("Chen Ming-feng, the fleet's commander"). Asked who holds the role, that name is the
answer, with no model needed to find it; the reader's span can be unsure of it, or sure of the
wrong word ("Pyongyang" for "Which Polish president visited South Korea?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RoleHolder", "asked_role", "role_holder"]

# Titles a question may ask the holder of; longer ones first, so that "prime minister" wins
# over "minister".
_ROLES = sorted((
    "president", "prime minister", "vice president", "president-elect", "mayor", "governor",
    "senator", "minister", "chancellor", "king", "queen", "ceo", "chief executive",
    "secretary", "secretary general", "secretary-general", "director", "chairman",
    "chairwoman", "chair", "spokesperson", "spokesman", "spokeswoman", "coach", "manager",
    "superintendent", "commissioner", "judge", "justice", "general", "commander", "leader",
    "ambassador", "pope", "premier", "chief", "police chief", "sheriff", "attorney general",
    "speaker", "editor", "founder", "captain", "envoy", "curator", "analyst", "head",
), key=len, reverse=True)
def _spaced(role: str) -> str:
    """The role as a pattern, its words apart by any space."""
    return r"\s+".join(re.escape(w) for w in role.split())


_ROLE = "|".join(_spaced(r) for r in _ROLES)
# "Who is the South Korean president?", "Who is Portland's mayor?", "Which Polish president
# visited…?": the words before the title qualify it. Not "Who did the president meet?".
_ASKED = re.compile(
    r"^\W*(?:and\s+)?(?:who\s+(?:is|was|are|were)\s+(?:the\s+)?|which\s+)"
    rf"(?P<qual>(?:[\w’'.-]+\s+){{0,4}}?)(?P<role>{_ROLE})\b", re.I)
_NAME = r"[A-Z][\w’'.-]*[\w.](?:\s+(?:[A-Z][\w’'-]*\w|de|van|von|bin|al))*"
# Words before a title that say nothing of whose it is: "the new superintendent" is the one
# "Superintendent Maria Lopez" names.
_NOT_QUALIFYING = frozenset({"the", "a", "an", "new", "current", "acting", "interim",
                             "incoming", "top", "present"})
_STOP_WORDS = frozenset({"The", "A", "An", "On", "In", "At", "Mr", "Ms", "Mrs", "Dr"})


@dataclass(frozen=True)
class RoleHolder:
    """The name's span in the sentence."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class AskedRole:
    role: str
    qualifiers: tuple[str, ...]  # "south", "korean"; "portland"; "oslo", "museum"


def asked_role(question: str) -> AskedRole | None:
    """The role whose holder the question asks for, with the words that qualify it."""
    m = _ASKED.search(question.strip())
    if m is None:
        return None
    words = re.findall(r"[\w-]+", m.group("qual").replace("’s", "").replace("'s", ""))
    qualifiers = tuple(w.casefold() for w in words if w.casefold() not in _NOT_QUALIFYING)
    return AskedRole(" ".join(m.group("role").casefold().split()), qualifiers)


def role_holder(question: str, sentence: str) -> RoleHolder | None:
    """The name the sentence gives for the role the question asks about, or None. Where the
    question qualifies the role ("South Korean president"), only a title with one of those
    words just before it counts: "Polish President Andrzej Duda" does not answer it."""
    asked = asked_role(question)
    if asked is None:
        return None
    found = [*_after_title(asked.role, sentence), *_before_title(asked.role, sentence)]
    scored = [(_shared(asked.qualifiers, sentence[max(0, at - 40):at]), h)
              for at, h in found if h.name.casefold() not in question.casefold()]
    if asked.qualifiers:
        scored = [(n, h) for n, h in scored if n]
    if not scored:
        return None
    return max(scored, key=lambda t: t[0])[1]


def _after_title(role: str, sentence: str) -> list[tuple[int, RoleHolder]]:
    """ "Mayor Keith Wilson", "the fleet's commander, Chen Ming-feng": (title's start, name)."""
    pattern = re.compile(rf"\b(?i:{_spaced(role)}),?\s+(?P<n>{_NAME})")
    return [(m.start(), _holder(m)) for m in pattern.finditer(sentence) if _holder(m).name]


def _before_title(role: str, sentence: str) -> list[tuple[int, RoleHolder]]:
    """ "Chen Ming-feng, the fleet's commander": (title's start, name)."""
    pattern = re.compile(rf"(?P<n>{_NAME}),\s+(?:(?i:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,4}}?"
                         rf"(?i:{_spaced(role)})\b")
    return [(m.end() - len(role), _holder(m)) for m in pattern.finditer(sentence)
            if _holder(m).name]


def _holder(m: re.Match[str]) -> RoleHolder:
    """The name group without a possessive or a leading word that names no one."""
    start, end = m.span("n")
    text = m.group("n")
    first = text.split()[0]
    if first in _STOP_WORDS:
        start += len(first) + 1
        text = text[len(first) + 1:].lstrip()
    for tail in ("’s", "'s"):
        if text.endswith(tail):
            text, end = text[:-2], end - 2
    return RoleHolder(start, end, text.strip())


def _shared(qualifiers: tuple[str, ...], before: str) -> int:
    """How many of the question's qualifying words the text before the title holds ("Korea"
    qualifies as "Korean"; a stem of five letters is enough)."""
    words = [w.casefold() for w in re.findall(r"[\w-]+", before)][-4:]
    return sum(any(w[:5] == q[:5] for w in words) for q in qualifiers)
