"""A best sentence that plainly answers, whatever the answerability model makes of it.

The answerability model (`answerability`) judges a ranking by its scores; the reader scores a
sentence on its story, and one that gives what is asked in passing scores low: "How big is the
reward?" over "The shop's insurer … has offered a reward of up to £5,000 for information…", "What's
the phone number for the recall helpline?" over "…by calling the recall helpline on 0800 028
4417, which is open…". Such a sentence answers when it carries a span of the very kind asked
for (a figure of the thing counted, in the unit asked: `evidence.answer_fit`; a phone number,
a colour, a percentage for a rate, a place after "in", "near" or "at" for where) and holds
what the question is about: the names it gives and most of its other words. A sentence of the
right kind about another thing ("Turnout was 41.2 per cent" of a by-election, asked the strike
ballot's turnout) lacks the question's words, and stays unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .evidence import names_missing, question_names
from .rerank import Evidence
from .words import asking_terms, terms

__all__ = ["PLAIN_SHARE", "plain_first", "plainly_answers"]

# The share of the question's own words (past its names and the words saying what kind of
# answer it wants) the sentence must hold. On the eight first-time users' 163 wrong and 91
# right abstentions, half let in a sentence about a neighbouring thing as often as the answer
# ("Where will the talks be held?": "The funeral will be held at St Ia's Church").
PLAIN_SHARE = 2 / 3
# Words saying what kind of answer is wanted, not what it is about: "How big is the reward?"
# asks about the reward; "big" is in no sentence giving its size.
_KIND_WORDS = frozenset(terms(
    "long far old much many often big large cost costs price worth pay paid time date day rate "
    "percentage proportion share phone telephone number call colour color town city village "
    "place"))
# A phone number: "0800 028 4417", "01632 960 123", "555-201-3344".
_PHONE = re.compile(r"\b0\d{2,4}(?: ?\d{3,4}){2}\b|\b\d{3}[ -]\d{3}[ -]\d{4}\b")
_ASKS_PHONE = re.compile(r"\b(?:tele)?phone\s+number\b|\bnumber\b.*\b(?:call|ring|helpline)\b"
                         r"|\bhelpline\b.*\bnumber\b", re.I)
_COLOUR = re.compile(r"\b(?:red|amber|yellow|green|blue|black|white|grey|gray|orange|purple"
                     r"|pink|brown|silver|gold)\b", re.I)
_ASKS_COLOUR = re.compile(r"\bwhat\s+colou?r\b", re.I)
_PERCENT = re.compile(r"\d\s*%|\d\s+per\s?cent\b", re.I)
_ASKS_RATE = re.compile(r"\b(?:rate|turnout|share|percentage|proportion)\b", re.I)
# Asked where, or which town: a place named after "in", "near" or "at" ("crossed the coast
# near Port Haldane"), not one the question names.
_ASKS_PLACE = re.compile(r"^\W*(?:where|(?:in|near|at)\s+which\s+(?:town|city|village|place)"
                         r"|which\s+(?:towns?|city|cities|villages?))\b", re.I)
_PLACE = re.compile(r"\b(?:in|near|at)\s+((?:[A-Z][\w’'-]+\s?)+)")


def _typed(question: str, kind: str, best: Evidence) -> bool | None:
    """Whether the sentence carries a span of the kind the question asks for; None where the
    question asks for no kind told here (why, how, what someone did)."""
    if kind in ("number", "date"):
        return best.fit == 1.0  # of the thing counted, in the unit asked (`answer_fit`)
    if kind != "other":
        return None  # a person: `said_first` and the name checks have their own rules
    text = best.text
    if _ASKS_PHONE.search(question):
        return _PHONE.search(text) is not None
    if _ASKS_COLOUR.search(question):
        return _COLOUR.search(text) is not None
    if _ASKS_RATE.search(question):
        return _PERCENT.search(text) is not None
    if _ASKS_PLACE.search(question):
        return any(m.group(1).strip() not in question for m in _PLACE.finditer(text))
    return None


def plainly_answers(question: str, best: Evidence, kind: str, title: str = "") -> bool:
    """Does the best sentence carry a span of the kind asked (`_typed`), name everything the
    question names, and hold PLAIN_SHARE of its other words? A figure's names must be in its
    sentence ("How old is Yuki Tanabe?" is not answered by "Adeyemi, 19," of his match report);
    another span's may be in its article's `title` ("The storm … crossed the coast near Port
    Haldane", under a headline naming Cyclone Marisa)."""
    if not question or not _typed(question, kind, best):
        return False
    names = question_names(question)
    where = best.text if kind in ("number", "date") else f"{title}\n{best.text}"
    if names_missing(names, where):
        return False
    named = {t for name in names for t in terms(" ".join(name))}
    asked = set(terms(question)) - asking_terms() - _KIND_WORDS - named
    if not asked:  # "How long was the Morwenna?": its name, in the sentence, is all it asks
        return bool(names) and not names_missing(names, best.text)
    return len(asked & set(terms(best.text))) >= PLAIN_SHARE * len(asked)


def plain_first(question: str, ranked: Sequence[Evidence], kind: str,
                titles: Mapping[str, str]) -> list[Evidence] | None:
    """The ranking with its runner-up read first, where that one plainly answers
    (`plainly_answers`) and the best does not: "…said 87 per cent of members who voted backed
    the strike, on a turnout of 72 per cent" under the by-election's "Turnout was 41.2 per
    cent", asked the strike ballot's turnout. `titles`: the articles' headlines, by id. Only
    the runner-up: on the eight users' abstentions the third sentence read first gave one more
    answer and one more wrong one."""
    if len(ranked) < 2:
        return None
    best, second = ranked[0], ranked[1]
    if (plainly_answers(question, best, kind, titles.get(best.article_id, ""))
            or not plainly_answers(question, second, kind, titles.get(second.article_id, ""))):
        return None
    return [second, best, *ranked[2:]]
