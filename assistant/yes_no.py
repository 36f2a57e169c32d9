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

from .evidence import asked_words
from .words import WORD, asking_terms, subject_split, terms

__all__ = ["asks_yes_no", "yes_no"]

_AUXILIARY = re.compile(r"^\W*(?:and\s+|so\s+|but\s+)?(?:is|are|was|were|did|does|do|has|have|"
                        r"had|will|can|could)\s+(?!\w+\s+or\b)", re.I)
# Two offered answers ("Is it X or Y?", "…, injured or missing?") want one of them, not a yes;
# "Can you tell me who won…?" wants the name.
_NOT_YES_NO = re.compile(r"\b(?:or|who|whom|whose|what|when|where|which|why|how|whether)\b",
                         re.I)
# Said in a yes/no question without being asked about ("Has anyone been arrested yet?").
_FILLER = frozenset(terms("anyone anybody anything someone something any ever yet still already "
                          "actually really"))
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|none|nor|neither|without)\b|n't\b", re.I)
# Words that make a sentence say less than it seems to, or the opposite: a condition, a plan,
# a doubt, a contrast, a refusal, a time to come. "may" only in lower case: "in May" is a month.
_HEDGE = re.compile(
    r"\b(?:if|whether|unless|would|could|might|should|(?-i:may)|expected|expects|plans?|planned|"
    r"proposed?|proposes|considering|considers|due|hopes?|hoped|aims?|seeks?|sought|wants?|"
    r"wanted|reportedly|allegedly|accused|claims?|claimed|deny|denied|denies|rejected|refused|"
    r"failed|fails|declined|but|although|though|however|instead|rather|until|except|"
    r"delayed|postponed|pushed|scrapped|cancell?ed|suspended|withdrew|withdrawn|next|later|"
    r"soon|tomorrow|earlier|originally|first|initially|former|formerly|previously|outgoing|ex)\b",
    re.I)
# Between the subject and its verb, the words of someone else speaking: "Smith said Jones
# resigned", "Pike said officers arrested his neighbour".
_REPORTED = frozenset(terms("said says told tell claimed claims alleged according reported"))
# A question's word beside its opposite in the sentence ("vote for" / "voted against"), as
# stems: "closed" is the opposite of "open".
_OPPOSITES = tuple((frozenset(terms(a)) | {a}, frozenset(terms(b)) | {b}) for a, b in (
    ("for", "against"), ("won", "lost"), ("win", "lose"), ("rose", "fell"), ("rise", "fall"),
    ("up", "down"), ("raise", "cut"), ("increase", "decrease"), ("accept", "reject"),
    ("approve", "reject"), ("pass", "fail"), ("open", "close"), ("higher", "lower"),
    ("more", "fewer"), ("more", "less"), ("before", "after"), ("above", "below"),
    ("buy", "sell")))
_FIGURE = re.compile(r"\d")
NEAR = 4  # a negation this many words before a word asked about denies it
# What may stand between a negation and the word it denies: "not yet approved", "No one has
# been arrested".
_BETWEEN = frozenset({"yet", "one", "has", "have", "had", "been", "be", "being", "is", "are",
                      "was", "were", "ever", "even"})


def asks_yes_no(question: str) -> bool:
    """Is this a yes/no question, offering no answers of its own to choose between and asking
    for none ("Can you tell me who won…?")?"""
    rest = _AUXILIARY.sub("", question, count=1)
    return rest != question and not _NOT_YES_NO.search(rest)


def yes_no(question: str, sentence: str, about: str = "") -> str | None:
    """"Yes" or "No" where the sentence says it plainly about what is asked, else None.
    `about`: a follow-up's standalone query, whose names the sentence must hold too ("Did she
    vote for it?" is about the conversation's people). A figure asked about is left alone:
    "12 people were injured and two died" holds every word of "Did 12 people die?" and says
    no such thing."""
    if not asks_yes_no(question) or _FIGURE.search(question):
        return None
    asked = set(terms(f"{question} {about}")) - asking_terms() - _FILLER
    if (not asked or not asked <= set(terms(sentence)) or not _same_order(question, sentence)
            or not _subject_first(question, sentence) or not _objects_after(question, sentence)
            or _opposed(question, sentence)
            or _hedged(question, sentence) or _other_time(question, sentence)):
        return None
    negations = [m.start() for m in _NEGATION.finditer(sentence)]
    if not negations:
        return "Yes"
    return "No" if len(negations) == 1 and _denies(asked, sentence, negations[0]) else None


def _same_order(question: str, sentence: str) -> bool:
    """The question's names come in the sentence in the question's order, and not only as
    another's ("Did the jury convict Smith?" is not answered by "…convicted Smith's
    accomplice"; "Did Arsenal beat Chelsea?" not by "Chelsea beat Arsenal")."""
    at = []
    for name in asked_words(question):
        found = re.search(rf"\b{re.escape(name)}\b(?![’']s)", sentence)
        if found is None:
            return False
        at.append(found.start())
    return at == sorted(at)


def _subject_first(question: str, sentence: str) -> bool:
    """The question's subject is the sentence's, as far as words can tell: its name comes
    before the verb asked about, with no one else's name or words between ("Did Smith defeat
    the incumbent?" is not answered yes by "The incumbent defeated Smith", "Did Smith resign?"
    not by "Smith said Jones resigned", "Did Arsenal beat Chelsea?" not by "Arsenal fans
    watched Chelsea beat Arsenal")."""
    subject, rest = subject_split(WORD.findall(_AUXILIARY.sub("", question, count=1)))
    names = [w for w in subject if w[0].isupper()]
    verb = terms(rest[0]) if rest else []
    if not names or not verb:
        return True
    words = WORD.findall(sentence)
    at = next((i for i, w in enumerate(words) if w == names[-1]), None)
    if at is None:
        return False
    then = next((i for i in range(at + 1, len(words)) if terms(words[i])[:1] == verb[:1]), None)
    if then is None:
        return False
    between = words[at + 1:then]
    # Another's name before the verb, not the rest of the subject's ("Millbrook City Council")
    stranger = (bool(between) and between[-1][:1].isupper() and between[-1] not in question
                and not all(w[:1].isupper() for w in between))
    return not stranger and not set(terms(" ".join(between))) & _REPORTED


def _objects_after(question: str, sentence: str) -> bool:
    """A name the question puts after its verb ("Did police arrest Pike?") is not the one the
    sentence puts before it ("Pike arrested a police officer"; "Chelsea beat Arsenal" for "Did
    Arsenal beat Chelsea?")."""
    _, rest = subject_split(WORD.findall(_AUXILIARY.sub("", question, count=1)))
    objects = [w for w in rest if w[:1].isupper()]
    acts = {t for w in rest if not w[:1].isupper() for t in terms(w)} - asking_terms()
    words = WORD.findall(sentence)
    first_act = next((i for i, w in enumerate(words) if set(terms(w)) & acts), None)
    if not objects or first_act is None:
        return True
    return all(next((i for i, w in enumerate(words) if w == name), len(words)) > first_act
               for name in objects)


def _opposed(question: str, sentence: str) -> bool:
    said = {w.casefold() for w in WORD.findall(sentence)} | set(terms(sentence))
    asked = {w.casefold() for w in WORD.findall(question)} | set(terms(question))
    return any((a & asked and b & said and not b & asked) or (b & asked and a & said
                                                             and not a & asked)
               for a, b in _OPPOSITES)


def _hedged(question: str, sentence: str) -> bool:
    """Does the sentence hedge, other than with the question's own words? A "will" question's
    plain yes is "We will raise prices"; asked with "did", a sentence saying "will" is a plan."""
    own = {m.group().casefold() for m in _HEDGE.finditer(question)}
    if any(m.group().casefold() not in own for m in _HEDGE.finditer(sentence)):
        return True
    return bool(re.search(r"\bwill\b", sentence, re.I)
                and not re.match(r"^\W*will\b", question, re.I))


def _other_time(question: str, sentence: str) -> bool:
    """Asked what is so ("Is Jones still the chief executive?"), a sentence saying only what
    was ("Jones was chief executive … in 2015") does not answer it."""
    return bool(re.match(r"^\W*(?:is|are)\b", question, re.I)
                and re.search(r"\b(?:was|were)\b", sentence, re.I)
                and not re.search(r"\b(?:is|are)\b", sentence, re.I))


def _denies(asked: set[str], sentence: str, at: int) -> bool:
    """The negation stands just before a word asked about ("has not approved", "No one has
    been arrested"), which the sentence says once: not in a clause of its own ("who did not
    speak, voted for"; "who had never pleaded guilty before, pleaded guilty on Monday")."""
    following = WORD.findall(sentence[at:])[1:NEAR + 1]
    said = [w for w in following if w.casefold() not in _BETWEEN]
    denied = set(terms(said[0])) & asked if said else set()
    return bool(denied) and terms(sentence).count(next(iter(denied))) == 1
