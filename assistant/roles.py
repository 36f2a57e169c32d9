"""Who holds a role: "Who is Portland's mayor?" over "Portland Mayor Keith Wilson said…" (what
a named person is, "Who is Keith Wilson?", is `persons`; where a sentence names a title's
holder, `titled`; whether a sentence qualifies a title as the question does, `qualifiers`).

News writing names a role's holder right after the title ("South Korean President Yoon Suk
Yeol", "North Korean leader Kim Jong Un", "museum director Kari Holm") or sets the title beside
the name ("Chen Ming-feng, the fleet's commander"). Asked who holds the role, that name is the
answer, with no model needed to find it; the reader's span can be unsure of it, or sure of the
wrong word ("Pyongyang" for "Which Polish president visited South Korea?").

Only a question that asks for the holder and nothing else takes this path: the role ends it
("Who is the mayor of Portland?"), or, after "which", words qualify the role ("Which Polish
president visited…?"): "Which president visited South Korea?" asks about a visit, which a
title beside a name does not settle, and is left to the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .qualifiers import (
    described,
    enough,
    named_in,
    of_another,
    only_subject,
    qualified_in,
    shared,
    story_qualified,
)
from .titled import (
    TITLES,
    RoleHolder,
    after_title,
    bare_title,
    became_title,
    before_title,
    holders,
    owned_by_another,
    title_owners,
)

__all__ = ["TITLES", "AskedRole", "RoleHolder", "asked_role", "asks_for_holder", "holders",
           "role_holder", "which_role"]

_NAME_NEAR = 60  # characters around a title within which a name qualifying it must stand
_SUBJECT_WORDS = 6  # a sentence's opening words, where its subject is
_QUAL = r"(?P<qual>(?:[\w’'.-]+\s+){0,4}?)"
_ASKED = (
    # "Who was elected mayor of Port Ellery on Friday?": who became the holder. First, or the
    # next reads "elected" / "sworn in as" as words qualifying the role. Whose role: a name
    # ("of Port Ellery"), not "in a landslide".
    re.compile(r"^\W*(?:and\s+)?who\s+(?:was|has\s+been|had\s+been|is|will\s+be|got)\s+"
               r"(?:re-?)?(?:elected|named|appointed|chosen|sworn\s+in)(?:\s+as)?\s+"
               rf"(?:the\s+)?{_QUAL}(?P<role>{TITLES})(?:\s+(?:of|at|in|for)\s+(?P<of>(?:the\s+)?"
               r"(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3}))?"
               r"(?:\s+(?:on|in|by|with|last|this|yesterday|today|earlier)\b[^?]*)?\W*$", re.I),
    # "Who is the South Korean president?", "Who is Portland's mayor?", "Who is the mayor of
    # Portland?", "… minister on the Tallow Coast?": the role ends the question.
    re.compile(rf"^\W*(?:and\s+)?who\s+(?:is|was|are|were)\s+(?:the\s+)?{_QUAL}"
               rf"(?P<role>{TITLES})(?:\s+(?:of|at|in|for|on)\s+(?P<of>(?:the\s+)?[\w’'.-]+"
               r"(?:\s+[\w’'.-]+){0,3}))?"
               r"\W*$", re.I),
    # "Which Polish president visited South Korea?": qualified, not possessed ("'s city").
    re.compile(rf"^\W*(?:and\s+)?which\s+(?P<qual>(?:[\w’'.-]+\s+){{1,4}}?)(?P<role>{TITLES})"
               r"\b(?![’']s)", re.I),
)
_BECOME_ASKED, _HOLDS_ASKED = _ASKED[0], _ASKED[1]
# Words before a title that say nothing of whose it is: "the new superintendent" is the one
# "Superintendent Maria Lopez" names.
_NOT_QUALIFYING = frozenset({"the", "a", "an", "new", "current", "acting", "interim",
                             "incoming", "top", "present"})


@dataclass(frozen=True)
class AskedRole:
    """The role a question asks the holder of, and the words that qualify it: before it
    ("south", "korean"; "portland"; "oslo", "museum") and after it ("of the 192 Fleet")."""

    role: str
    qualifiers: tuple[str, ...]
    of: tuple[str, ...] = ()
    proper: frozenset[str] = frozenset()  # the words capitalised in the question ("harbor")
    became: bool = False  # asks who became the holder ("Who was elected mayor?")
    new: bool = False  # asks who the new one is: who became it, else not the outgoing one


# "at the time", "for now", "in 2024": when, not whose.
_A_TIME = re.compile(r"(?:the\s+)?(?:time|now|moment|present|year|month|week|day|duty|call"
                     r"|\w+day|weekend|\d)", re.I)  # "the minister on duty", "… on Saturday"
# "Who was elected as the next president of the IOC?" asks about an election, not about the
# president a sentence names ("International Olympic Committee President Thomas Bach"): a
# verb or "next" among the words before the role ("Who is stepping down as Halvern chairman?"
# asks who leaves it).
_AN_EVENT = re.compile(r"\b(?:next|[a-z]+ed|stepping|standing|leaving|quitting|resigning"
                       r"|retiring|running|replacing|succeeding|becoming)\b")


_NEW = re.compile(r"\bnew\b")
_OUTGOING = re.compile(r"\b(?:incumbent|outgoing|former|retiring|departing|previous|ex)\W+"
                       r"(?:\w+\W+)?$", re.I)


# "Who manages Riverside Rovers?" asks who "Riverside manager Colin Dwyer" is, as "Who is the
# manager of Riverside Rovers?" does; "Who owns the Spice Lantern?", "Who organises the
# Caldwell syndicate?" (a name, with "the" or without).
_HOLDS_BY_VERB = re.compile(r"^\W*(?:and\s+)?who\s+(?P<verb>manages|coaches|chairs|captains"
                            r"|governs|owns|organi[sz]es|heads|edits)\s+"
                            r"(?P<of>(?:the\s+)?(?-i:[A-Z])[^?]*?)\W*$", re.I)
_VERB_ROLE = {"manages": "manager", "coaches": "coach", "chairs": "chair",
              "captains": "captain", "governs": "governor", "owns": "owner",
              "organises": "organiser", "organizes": "organizer", "heads": "head",
              "edits": "editor"}


# A sentence saying the verb asked, or its like, answers with the one name it gives even where
# no title is held: "led by retired judge Dame Anne Rafferty", "appointed to edit the Gazette".
_VERB_SAID = {"heads": r"\b(?:head(?:s|ed|ing)?|le[ad]|leads|chair(?:s|ed)?|run\s+by)\b",
              "edits": r"\bedit(?:s|ed|ing)?\b",
              "organises": r"\borgani[sz](?:e|es|ed|ing)\b",
              "organizes": r"\borgani[sz](?:e|es|ed|ing)\b"}


def verb_said(question: str, sentence: str) -> bool:
    """Is the role asked by a verb ("Who heads X?") said by that verb in the sentence?"""
    m = _HOLDS_BY_VERB.match(question.strip())
    said = _VERB_SAID.get(m.group("verb").casefold()) if m else None
    return bool(said and re.search(said, sentence, re.I))


def _as_held(question: str) -> str:
    """The question in the words of a role: "Who manages X?" as "Who is the manager of X?"."""
    m = _HOLDS_BY_VERB.match(question.strip())
    if m is None:
        return question.strip()
    return f"Who is the {_VERB_ROLE[m.group('verb').casefold()]} of {m.group('of')}?"


def asks_for_holder(question: str) -> bool:
    """Does the question ask who holds a role and nothing else ("Who is the mayor of Holm?")?
    Then a sentence naming the holder answers it, wherever the ranking put it."""
    question = _as_held(question)
    m = _BECOME_ASKED.search(question) or _HOLDS_ASKED.search(question)
    return m is not None and not _AN_EVENT.search(m.group("qual"))


@lru_cache(maxsize=256)  # asked once per sentence read, of the same question
def asked_role(question: str) -> AskedRole | None:
    """The role whose holder the question asks for, with the words that qualify it."""
    question = _as_held(question)
    for pattern in _ASKED:
        m = pattern.search(question)
        if m is not None and not _AN_EVENT.search(m.group("qual")):
            role = " ".join(m.group("role").casefold().split())
            of = m.groupdict().get("of")
            if of and _A_TIME.match(of):  # "the president at the time" is unqualified
                of = None
            proper = {w.casefold() for w in re.findall(r"[\w-]+", f"{m.group('qual')} {of or ''}")
                      if w[0].isupper()}
            return AskedRole(role, _words(m.group("qual")), _words(of), frozenset(proper),
                             became=pattern is _BECOME_ASKED,
                             new=bool(_NEW.search(m.group("qual"))))
    return None


def _words(text: str | None) -> tuple[str, ...]:
    words = re.findall(r"[\w-]+", re.sub(r"[’']s\b", "", text or ""))
    return tuple(w.casefold() for w in words if w.casefold() not in _NOT_QUALIFYING)


_WHICH = re.compile(rf"^\W*(?:and\s+)?which\s+(?:[\w’'.-]+\s+){{0,4}}?(?P<role>{TITLES})\b"
                    r"(?![’']s)", re.I)


def which_role(question: str) -> str | None:
    """The role of a "Which <role> …?" question, qualified or not ("Which president visited
    South Korea?"): its answer is a holder of the role, not a place ("Pyongyang")."""
    m = _WHICH.search(question.strip())
    return " ".join(m.group("role").casefold().split()) if m else None


def role_holder(question: str, sentence: str, title: str = "") -> RoleHolder | None:
    """The name the sentence gives for the role the question asks about, or None. Where the
    question qualifies the role ("South Korean president"), only a title with one of those
    words just before it counts: "Polish President Andrzej Duda" does not answer it. The only
    holder a sentence names may have them anywhere in it or in its article's `title`
    ("…chief executive Henrik Vollmer said" under "Novaris recalls…")."""
    asked = asked_role(question)
    if asked is None:
        return None
    # Asked who became it, only a sentence saying who became it answers: in an election's
    # story "Mayor Henry Pratt" is the one stepping down.
    named = (became_title(asked.role, sentence, future=True)
             if asked.became
             else [*after_title(asked.role, sentence), *before_title(asked.role, sentence),
                   *became_title(asked.role, sentence)])
    if asked.new:  # "Who is the new mayor?": not "Incumbent mayor Gerald Hobbs"
        named = became_title(asked.role, sentence, future=True) or [
            (at, h) for at, h in named
            if not _OUTGOING.search(sentence[max(0, min(at, h.start) - 30):min(at, h.start)])]
    found = [(at, h) for at, h in named if h.name.casefold() not in question.casefold()]
    words = (*asked.qualifiers, *asked.of)
    if not words:
        return found[0][1] if found else None
    return _qualified_holder(asked, words, found, sentence, title)


_BACK = frozenset({"its", "their", "his", "her", "our"})  # words pointing back at the subject


def _qualified_holder(asked: AskedRole, words: tuple[str, ...],
                      found: list[tuple[int, RoleHolder]], sentence: str, title: str
                      ) -> RoleHolder | None:
    """Of the holders `found` (each by its title's place), the one the question's qualifying
    `words` single out, if any."""
    found = [(at, h) for at, h in found
             if not (at < h.start and of_another(sentence, h.end, words))
             # "Who is its chief executive?" says not whose: another's name may be it.
             and (set(words) <= _BACK or not owned_by_another(sentence, at, words))]
    # Qualified, a holder needs the qualifying words by its title: all of a name ("Harbor
    # City", not its "City" alone), else half ("International Gymnastics Federation
    # president" is not the International Olympic Committee's).
    near = [(shared(words, sentence[max(0, at - 40):at], True, asked.proper)
             + shared(asked.of, sentence[at:at + len(asked.role) + 40], False, asked.proper),
             qualified_in(sentence[max(0, at - 40):at + len(asked.role) + 40], words,
                           asked.proper), h) for at, h in found]
    qualified = [(n, h) for n, named, h in near if named and enough(n, words)]
    if qualified:
        return max(qualified, key=lambda t: t[0])[1]
    # The only holder a sentence names may have them anywhere in it ("Holm … the town's
    # current mayor, Anna de Boer"), or in a title about nothing else ("Novaris recalls…").
    titled = asked.of and (only_subject(title, asked.of) or described(
        sentence, found[0][0] if found else 0, asked.of, title, asked.proper)) and (
        not asked.qualifiers or qualified_in(sentence, asked.qualifiers, asked.proper))
    if len(found) == 1 and not _owned_unasked(sentence, *found[0], words) and (
            titled or (qualified_in(sentence, words, asked.proper) and (
            _named_near(sentence, found[0][0], asked) or _subject_holder(sentence, *found[0],
                                                                          asked)))
            or story_qualified(sentence, min(found[0][0], found[0][1].start), title, words,
                               asked.proper, _near(sentence, found[0][0], asked))):
        return found[0][1]
    return None


# Words before a title that say not whose it is: "Former captain", "Acting head".
_NOT_OWNERS = frozenset({"former", "acting", "interim", "new", "current", "outgoing", "incoming",
                         "then", "joint", "club", "team", "its", "their", "his", "her"})


def _owned_unasked(sentence: str, at: int, holder: RoleHolder, words: tuple[str, ...]) -> bool:
    """Is the title before the holder's name another's, by a name sharing no word with the
    qualifying `words`: "Kestria captain Tamsin Okafor … beat Varland" asked Varland's? The
    name asked standing near in the sentence does not make the title its own."""
    if at > holder.start:
        return False
    # A name owns it; a noun pointing back ("the town's current mayor") is for `described`.
    owners = [re.sub(r"(?:’s|'s|s’|s')$", "", w).casefold() for w in title_owners(sentence, at)
              if w[:1].isupper()]
    owners = [w for w in owners if w not in _NOT_OWNERS]
    return bool(owners) and not set(owners) & set(words)


def _subject_holder(sentence: str, at: int, holder: RoleHolder, asked: AskedRole) -> bool:
    """Whether a bare title ("…, Mayor Anders Kvist said.") is that of the place or body the
    sentence opens with ("The town of Port Elling reopened…"): the sentence's subject is whose
    it is. Not "President Duda … weapons for Ukraine": Ukraine is no subject there."""
    named = tuple(w for w in (*asked.qualifiers, *asked.of) if w in asked.proper)
    opening = " ".join(sentence.split()[:_SUBJECT_WORDS])
    return bool(named) and bare_title(sentence, min(at, holder.start)) and named_in(
        named, opening, asked.proper)


def _named_near(sentence: str, at: int, asked: AskedRole) -> bool:
    """Are the names that qualify the role ("Ukraine") within a few words of the title at
    `at`? "President Duda … weapons for Ukraine" names Poland's president, not Ukraine's."""
    named = tuple(w for w in (*asked.qualifiers, *asked.of) if w in asked.proper)
    return not named or named_in(named, _near(sentence, at, asked), asked.proper)


def _near(sentence: str, at: int, asked: AskedRole) -> str:
    return sentence[max(0, at - _NAME_NEAR):at + len(asked.role) + _NAME_NEAR]
