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

from index import Article

from .evidence import names_missing, question_names
from .rerank import Evidence
from .words import MONTH_NAME, MONTHS, WEEKDAY_NAME, WEEKDAYS, asking_terms, terms

__all__ = ["PLAIN_SHARE", "another_occasion", "plain_first", "plainly_answers"]

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
# Words saying how much of it, not what: "how much did they each pay in every week".
_LOOSE = frozenset(terms("every each all any some"))
# A phone number: "0800 028 4417", "01632 960 123", "555-201-3344".
_PHONE = re.compile(r"\b0\d{2,4}(?: ?\d{3,4}){2}\b|\b\d{3}[ -]\d{3}[ -]\d{4}\b")
_ASKS_PHONE = re.compile(r"\b(?:tele)?phone\s+number\b|\bnumber\b.*\b(?:call|ring|helpline)\b"
                         r"|\bhelpline\b.*\bnumber\b", re.I)
# Not a colour word naming something: "the Green Line", "the White House", "Black Friday".
_COLOUR = re.compile(r"\b(?:red|amber|yellow|green|blue|black|white|grey|gray|orange|purple"
                     r"|pink|brown|silver|gold)\b(?!\s+(?-i:[A-Z]))", re.I)
_ASKS_COLOUR = re.compile(r"\bwhat\s+colou?r\b", re.I)
_PERCENT = re.compile(r"(?<![\d.,])\d[\d.,]*\s*(?:%|per\s?cent\b)", re.I)
# A percentage a thing changed by is no rate of it: "claims … rose 12 per cent".
_CHANGE = re.compile(r"\b(?:rose|risen|fell|fallen|up|down|by|cut|increased?|decreased?|jumped"
                     r"|dropped|grew|grown|climbed|slipped|a\s+rise\s+of|a\s+fall\s+of)"
                     r"\s+(?:about\s+|almost\s+|nearly\s+|some\s+|more\s+than\s+)?$", re.I)
_ASKS_RATE = re.compile(r"\b(?:rate|turnout|share|percentage|proportion)\b", re.I)
# Asked where, or which town: a place named after "in", "near" or "at" ("crossed the coast
# near Port Haldane"), not one the question names.
_ASKS_PLACE = re.compile(r"^\W*(?:where|(?:in|near|at)\s+which\s+(?:town|city|village|place)"
                         r"|which\s+(?:towns?|city|cities|villages?))\b", re.I)
_PLACE = re.compile(r"\b(?:in|near|at)\s+((?:[A-Z][\w’'-]+\s?)+)")
# Capitalised after "in" or "at" but no place: "will be held in August", "at Christmas".
_NO_PLACE = frozenset({*(w.capitalize() for w in MONTHS | WEEKDAYS), "The", "Christmas", "Easter",
                       "Spring", "Summer", "Autumn", "Winter"})
# A phone number's clause: "…team on 0800 123 4567, though a dedicated recall helpline…" gives
# the team's number, not the helpline's.
_CLAUSE = re.compile(r"[,;:]|\s(?:though|but|while|whereas|and)\s")
# A date the sentence was said on is not the date it tells of: "…the county council said on
# Monday" of a bridge's opening.
_SAID_ON = re.compile(rf"\b(?:said|says|announced|confirmed|told\s+\w+)\s+(?:on\s+)?"
                      rf"(?:{WEEKDAY_NAME}|yesterday|today)\b", re.I)
_WHEN = re.compile(rf"\b(?:\d{{4}}|{MONTH_NAME}|{WEEKDAY_NAME}|today|tomorrow|yesterday"
                   r"|next\s+\w+|this\s+\w+|spring|summer|autumn|winter)\b|\b\d{1,2}:\d{2}\b", re.I)
# A sentence marked as telling of another occasion than the one asked: "after a similar raid
# in Lowmoor last year", "In the last ballot of bus drivers, in 2024", "his previous club".
_ANOTHER = re.compile(
    rf"\blast\s+(?:year|season|winter|spring|summer|autumn|{MONTH_NAME})\b"
    r"|\b(?:in|at)\s+the\s+(?:last|previous)\s+(?!(?:few|two|three|\d+|hours?|days?|weeks?"
    r"|months?|years?|decades?)\b)[a-z]+"
    r"|\bprevious(?:ly)?\b|\bsimilar\b|\banother\b(?!\s+[\d£$€])|\bearlier\s+this\s+year\b",
    re.I)
_ASKS_ANOTHER = re.compile(r"\b(?:last|previous(?:ly)?|similar|another|before|earlier|past"
                           r"|ago)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A year a sentence tells of, not a span's ("since October 2017", "between June 2023 and…") nor
# a table's "2025/26": "died in 2019", "In the last ballot…, in 2024".
_IN_YEAR = re.compile(rf"\bin\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTH_NAME}\s+)?"
                      r"((?:19|20)\d\d)\b(?!/)", re.I)


def _typed(question: str, kind: str, best: Evidence, asked: set[str]) -> bool | None:
    """Whether the sentence carries a span of the kind the question asks for; None where the
    question asks for no kind told here (why, how, what someone did). `asked`: the question's
    own words, one of which a phone number's clause names."""
    text = best.text
    if kind in ("number", "date"):  # of the thing counted, in the unit asked (`answer_fit`)
        return best.fit == 1.0 and (kind == "number" or _WHEN.search(_SAID_ON.sub("", text))
                                    is not None)
    if kind != "other":
        return None  # a person: `said_first` and the name checks have their own rules
    if _ASKS_PHONE.search(question):
        return any(asked & set(terms(_clause(text, m.start()))) for m in _PHONE.finditer(text))
    if _ASKS_COLOUR.search(question):
        return _COLOUR.search(text) is not None
    if _ASKS_RATE.search(question):
        return any(not _CHANGE.search(text[:m.start()]) for m in _PERCENT.finditer(text))
    if _ASKS_PLACE.search(question):
        return any(m.group(1).strip() not in question and m.group(1).split()[0] not in _NO_PLACE
                   for m in _PLACE.finditer(text))
    return None


def _clause(text: str, at: int) -> str:
    """The clause of the sentence around a place in it (between commas, "though", "and")."""
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(text)), len(text)]
    start = max(c for c in cuts if c <= at)
    ends = [m.start() for m in _CLAUSE.finditer(text) if m.start() > at]
    return text[start:ends[0] if ends else len(text)]


def another_occasion(question: str, sentence: str, year: str = "") -> bool:
    """Is the sentence marked as telling of another occasion than the one asked ("after a
    similar raid in Lowmoor last year", "In the last ballot of bus drivers, in 2024", "His
    wife died in 2019; her funeral…"), where the question asks of no earlier one? `year`:
    the year its article was published, "" unknown."""
    if _ASKS_ANOTHER.search(question):
        return False
    if _ANOTHER.search(sentence):
        return True
    asked = set(_YEAR.findall(question))
    return bool(year) and any(y != year and y not in asked for y in _IN_YEAR.findall(sentence))


def _names_another(names: Sequence[tuple[str, ...]], sentence: str) -> bool:
    """Does the sentence name another thing of the kind a name asked is ("Last March, Cyclone
    Tomas crossed the coast…", asked of Cyclone Marisa), the headline naming the one asked?"""
    for name in names:
        if len(name) > 1 and any(m.group(1) not in name for m in
                                 re.finditer(rf"\b{re.escape(name[0])}\s+([A-Z][\w’'-]*)",
                                             sentence)):
            return True
    return False


def plainly_answers(question: str, best: Evidence, kind: str, title: str = "",
                    share: float = PLAIN_SHARE, rest: Sequence[Evidence] = (), year: str = ""
                    ) -> bool:
    """Does the best sentence carry a span of the kind asked (`_typed`), name everything the
    question names, and hold `share` of its other words? A figure's names must be in its
    sentence ("How old is Yuki Tanabe?" is not answered by "Adeyemi, 19," of his match report);
    another span's may be in its article's `title` ("The storm … crossed the coast near Port
    Haldane", under a headline naming Cyclone Marisa). One about another occasion
    (`another_occasion`; `year`: its article's) does not answer. Asked of one word, only an
    article the only one read holding it answers (`rest`: the other sentences read): "How big
    is the reward?" is not answered by one raid's reward beside another article's reward of
    a sum, though it is beside "league tables reward wealth"."""
    if not question or another_occasion(question, best.text, year):
        return False
    names = question_names(question)
    asked = _asked(question, names)
    if not _typed(question, kind, best, asked):
        return False
    headed = kind not in ("number", "date")
    if _names_another(names, best.text) or names_missing(
            names, f"{title}\n{best.text}" if headed else best.text):
        return False
    if not asked:  # "How long was the Morwenna?": its name, in the sentence, is all it asks
        return bool(names) and not names_missing(names, best.text)
    held = asked & set(terms(best.text))
    if len(asked) == 1 and held and any(
            held <= set(terms(ev.text)) and _typed(question, kind, ev, asked)
            for ev in rest if ev.article_id != best.article_id):
        return False
    return len(held) >= share * len(asked)


def plain_first(question: str, ranked: Sequence[Evidence], kind: str,
                articles: Mapping[str, Article]) -> list[Evidence] | None:
    """The ranking with its runner-up read first, where that one plainly answers
    (`plainly_answers`), its article holding every word of the question another article's
    sentence read holds, and the best does not: "…said 87 per cent of members who voted
    backed the strike, on a turnout of 72 per cent", under the by-election's "Turnout was
    41.2 per cent"; not the bus drivers' ballot, in a report never saying "rail", asked the
    rail strike's, of which another sentence read tells. Only the runner-up: on the eight
    users' abstentions the third sentence read first gave one more answer and one more wrong
    one."""
    if len(ranked) < 2:
        return None
    best, second = ranked[0], ranked[1]
    if (_plainly_of(question, best, kind, articles, ranked[1:])
            or not _plainly_of(question, second, kind, articles, [best, *ranked[2:]])):
        return None
    article = articles.get(second.article_id)
    held = set(terms(f"{article.title}\n{article.text}" if article else "")) | set(
        terms(second.text))
    # A word asked that its article lacks and another's sentence read holds tells the other's
    # occasion: the rail strike's, asked of the bus drivers' ballot; not the strike report's
    # "voted" for a ballot the by-election's sentences never name.
    missing = _asked(question, question_names(question)) - held
    others = [ev.text for ev in ranked if ev.article_id != second.article_id]
    if any(missing & set(terms(text)) for text in others):
        return None
    return [second, best, *ranked[2:]]


def _asked(question: str, names: Sequence[tuple[str, ...]]) -> set[str]:
    """The question's own words: past its names, its asking words and its kind's."""
    named = {t for name in names for t in terms(" ".join(name))}
    return set(terms(question)) - asking_terms() - _KIND_WORDS - _LOOSE - named


def _plainly_of(question: str, ev: Evidence, kind: str, articles: Mapping[str, Article],
                rest: Sequence[Evidence]) -> bool:
    """`plainly_answers`, given the sentence's article's headline and year."""
    article = articles.get(ev.article_id)
    return plainly_answers(question, ev, kind, article.title if article else "", rest=rest,
                           year=(article.published or "")[:4] if article else "")
