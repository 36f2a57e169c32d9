"""Yes or no, said only where the cited sentence plainly says it.

A question asked with "did", "has", "is"… ("Did the council approve the budget?") wants a yes
or a no before the quote; the reader scores sentences, it never decides one. So the verdict is
read off the sentence the answer quotes, and only where that sentence leaves no doubt:
- "Yes" when it holds every word the question asks about (its names in the question's order)
  and nothing that hedges, denies or contrasts: "voted 7-4 … to approve a $1.2 billion budget";
- "No" when it holds them all and a negation stands just before one of them: "The FDA has not
  approved Corvexa", "No one has been arrested".
Anything else ("had been due in November, has been pushed back", "if approved", "voted for the
budget but…") gets no verdict: the quote is the answer, as before. A wrong "Yes" would be
worse than none, so every doubt falls on the side of saying nothing.
"""

from __future__ import annotations

import re
from itertools import takewhile

from .words import WORD, terms

__all__ = ["asks_yes_no", "yes_no"]

_AUXILIARY = re.compile(r"^\W*(?:and\s+|so\s+|but\s+)?(?:is|are|was|were|did|does|do|has|have|"
                        r"had|will|can|could)\s+(?!\w+\s+or\b)", re.I)
# Two offered answers ("Is it X or Y?", "…, injured or missing?") want one of them, not a yes.
_OFFERS = re.compile(r"\bor\b", re.I)
# Said in a yes/no question without being asked about ("Has anyone been arrested yet?").
_FILLER = frozenset(terms("anyone anybody anything someone something any ever yet still already "
                          "actually really"))
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|none|nor|neither|without)\b|n't\b", re.I)
# Words that make a sentence say less than it seems to, or the opposite: a condition, a plan,
# a doubt, a contrast, a refusal. "may" only in lower case: "in May" is a month.
_HEDGE = re.compile(
    r"\b(?:if|whether|unless|would|could|might|should|(?-i:may)|expected|expects|plans?|planned|"
    r"proposed?|proposes|considering|considers|due|hopes?|hoped|aims?|seeks?|sought|wants?|"
    r"wanted|reportedly|allegedly|accused|claims?|claimed|denied|denies|rejected|refused|"
    r"failed|fails|declined|but|although|though|however|instead|rather|until|except|"
    r"delayed|postponed|pushed|scrapped|cancell?ed|suspended|withdrew|withdrawn|"
    r"earlier|originally|first|initially|former|formerly|previously|outgoing|ex)\b", re.I)
# A question's word beside its opposite in the sentence: "vote for" / "voted against".
_OPPOSITES = (("for", "against"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
              ("rose", "fell"), ("rise", "fall"), ("up", "down"), ("raise", "cut"),
              ("increase", "decrease"), ("accept", "reject"), ("approve", "reject"),
              ("pass", "fail"), ("open", "close"), ("higher", "lower"), ("more", "fewer"),
              ("more", "less"), ("before", "after"), ("above", "below"), ("buy", "sell"))
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
_FIGURE = re.compile(r"\d")
NEAR = 4  # a negation this many words before a word asked about denies it
# What may stand between a negation and the word it denies: "not yet approved", "No one has
# been arrested".
_BETWEEN = frozenset({"yet", "one", "has", "have", "had", "been", "be", "being", "is", "are",
                      "was", "were", "ever", "even"})


def asks_yes_no(question: str) -> bool:
    """Is this a yes/no question, offering no answers of its own to choose between?"""
    rest = _AUXILIARY.sub("", question, count=1)
    return rest != question and not _OFFERS.search(rest)


def yes_no(question: str, sentence: str, about: str = "") -> str | None:
    """"Yes" or "No" where the sentence says it plainly about what is asked, else None.
    `about`: a follow-up's standalone query, whose names the sentence must hold too ("Did she
    vote for it?" is about the conversation's people). A figure asked about is left alone:
    "12 people were injured and two died" holds every word of "Did 12 people die?" and says
    no such thing."""
    if not asks_yes_no(question) or _FIGURE.search(question):
        return None
    asked = _asked(f"{question} {about}")
    if (not asked or not _holds_all(asked, sentence) or not _same_order(question, sentence)
            or not _subject_first(question, sentence)):
        return None
    if _opposed(question, sentence):
        return None
    if _hedged(question, sentence):
        return None
    negations = [m.start() for m in _NEGATION.finditer(sentence)]
    if not negations:
        return "Yes"
    return "No" if len(negations) == 1 and _denies(asked, sentence, negations[0]) else None


def _asked(question: str) -> set[str]:
    """The stems of the words the question asks about."""
    from .words import asking_terms

    return set(terms(question)) - asking_terms() - _FILLER


def _holds_all(asked: set[str], sentence: str) -> bool:
    return asked <= set(terms(sentence))


def _same_order(question: str, sentence: str) -> bool:
    """The question's names come in the sentence in the question's order: "Did Arsenal beat
    Chelsea?" is not answered yes by "Chelsea beat Arsenal"."""
    names = [w for w in WORD.findall(question)[1:] if w[0].isupper()]
    at = [sentence.find(n) for n in names]
    found = [a for a in at if a >= 0]
    return found == sorted(found)


def _subject_first(question: str, sentence: str) -> bool:
    """The question's subject is the sentence's, as far as words can tell: its name comes
    before the word asked after it, and not as another's ("Did Smith defeat the incumbent?" is
    not answered yes by "The incumbent defeated Smith", nor "Was Pike arrested?" by "Pike's
    brother was arrested")."""
    words = WORD.findall(_AUXILIARY.sub("", question, count=1))
    subject = list(takewhile(lambda w: w[0].isupper() or w.casefold() in _DETERMINERS, words))
    names = [w for w in subject if w[0].isupper()]
    rest = [w for w in words[len(subject):] if w.casefold() not in _DETERMINERS]
    if not names or not rest:
        return True
    name = re.search(rf"\b{re.escape(names[-1])}\b(?![’']s)", sentence)
    verb = terms(rest[0])
    if name is None or not verb:
        return name is not None
    after = terms(sentence[:name.start()])
    return verb[0] not in after


def _opposed(question: str, sentence: str) -> bool:
    said = {w.casefold() for w in WORD.findall(sentence)}
    asked = {w.casefold() for w in WORD.findall(question)}
    return any((a in asked and b in said and b not in asked)
               or (b in asked and a in said and a not in asked) for a, b in _OPPOSITES)


def _hedged(question: str, sentence: str) -> bool:
    """Does the sentence hedge, other than with the question's own words? A "will" question's
    plain yes is "We will raise prices"; asked with "did", a sentence saying "will" is a plan."""
    own = {m.group().casefold() for m in _HEDGE.finditer(question)}
    if any(m.group().casefold() not in own for m in _HEDGE.finditer(sentence)):
        return True
    return bool(re.search(r"\bwill\b", sentence, re.I)
                and not re.match(r"^\W*will\b", question, re.I))


def _denies(asked: set[str], sentence: str, at: int) -> bool:
    """The negation stands just before a word asked about ("has not approved", "No one has
    been arrested"), not in a clause of its own ("who did not speak, voted for")."""
    following = WORD.findall(sentence[at:])[1:NEAR + 1]
    said = [w for w in following if w.casefold() not in _BETWEEN]
    return bool(said) and bool(asked & set(terms(said[0])))
