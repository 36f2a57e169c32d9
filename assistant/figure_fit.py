"""Which figures of a sentence can answer a figure question at all (`evidence.answer_fit`), and
the ways of saying one that the units of `evidence` miss: a year said as a date or a clock
time answers no "how many" ("since its main stand was rebuilt in 2019", "at 07:10"), nor a
sum of money a count of people ("The syndicate's total prize was £4,214,880"); a fossil is
"183 million years" old, an exhibition is on "until 31 May", a college fell "18 places", and a
payment falls "by about 45 arvens" where the question named its currency ("a 300,000-arven
mortgage"). A count may be said without its noun ("Now we can show 1,100.", "winning nine in
a row"): `bare_count`."""

from __future__ import annotations

import re

from .counting import ANYONE
from .counts import A_FIGURE, A_YEAR, CLAUSE, PEOPLE, counts_other, in_a_name
from .words import MONTH_NAME, WORD, asking_terms, terms

__all__ = ["answering_figures", "bare_count", "counts_things", "measured_otherwise"]

# A year said as a date: "in 2019", "since 2011", "March 2024", "between 2021 and 2023"; not
# a count of what follows it ("2000 people", "1800 tickets").
_DATED_YEAR = re.compile(rf"\b(?:in|since|until|till|before|after|during|from|between|by|of"
                         rf"|to|and|early|late|mid|{MONTH_NAME})\s+(?:19|20)\d\d\b"
                         r"(?!\s*(?:[-–]\s*\d|[a-z]+s\b|(?:people|staff|children|men|women"
                         r"|police|personnel|crew|cattle|sheep|fish)\b))")
# A time of day: "07:10", "10.40pm", "9am" (not "0.25": a figure).
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b", re.I)
_A_SUM = re.compile(r"[$£€¥]\s?\d[\d,.]*(?:\s*(?:million|billion|m|bn)\b)?", re.I)
# Questions where a year or a time of day may well be the figure: "How long has it been
# closed?" ("since 2019"), "How old is the church?" ("built in 1790"), "How long did the
# marathon take?" ("2:05:30"), "How many years has it been closed?" ("since 2019").
_YEARS_ANSWER = re.compile(r"\bhow\s+(?:long|old|many\s+(?:years|months|decades|weeks|days"
                           r"|hours|minutes))\b", re.I)
_HOW_MANY = re.compile(r"\bhow\s+many\b(?!\s+(?:pounds|dollars|euros)\b)", re.I)


def answering_figures(sentence: str, question: str) -> str:
    """The sentence with the figures that answer no figure question blanked: years said as
    dates and times of day (unless asked how long or how old), and, asked how many, sums of
    money. Blanked, not cut: offsets stay as they were."""
    if _YEARS_ANSWER.search(question):
        return sentence
    spans = [m.span() for m in (*_DATED_YEAR.finditer(sentence), *_CLOCK.finditer(sentence))]
    if _HOW_MANY.search(question):
        spans += [m.span() for m in _A_SUM.finditer(sentence)]
    out = list(sentence)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)


# A great age of a thing: "lived 183 million years ago", "4,500 years old". Never a person's.
_ANCIENT = re.compile(r"\b\d[\d,.]*\s+(?:(?:thousand|million|billion)\s+)?years?\s+(?:ago|old)\b"
                      r"|\b(?:thousands|millions|billions)\s+of\s+years\b", re.I)
_OF_A_PERSON = re.compile(r"\b(?:he|she|him|her|they|you|I)\b")
_HOW_OLD = re.compile(r"\bhow\s+old\b", re.I)
# How long a show, a closure or a stay lasts, said by when it ends: "until 31 May".
_ON_FOR = re.compile(r"\bhow\s+long\b.*\b(?:on|run|running|open|closed?|shut|last|stay|remain"
                     r"|continue|go\s+on)\b", re.I)
_UNTIL = re.compile(rf"\b(?:until|till|through|to)\s+(?:\d{{1,2}}\s+{MONTH_NAME}|{MONTH_NAME}"
                    rf"(?:\s+\d{{1,2}})?)\b")
# How far a rank moved: "fell 18 places to 88th", "climbed 12 places".
_MOVED = re.compile(r"\bhow\s+far\b.*\b(?:f[ae]ll|drop|slip|slid|climb|r[io]se|mov|jump)", re.I)
_PLACES = re.compile(r"\b(?:\d+|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                     r")\s+(?:places|positions|spots|rungs|points)\b", re.I)
_HOW_MUCH = re.compile(r"\bhow\s+much\b", re.I)
# A unit the question itself writes after a figure: "a 300,000-arven variable mortgage".
_OWN_UNIT = re.compile(r"\d[\d,.]*[- ]([a-z]{3,})\b")


def measured_otherwise(sentence: str, question: str) -> bool:
    """Does the sentence say the figure asked for in a way the units of `evidence` miss: a
    thing's great age, when a show or a closure ends asked how long it is on, the places a
    rank moved asked how far, or a sum in the currency the question names?"""
    if _HOW_OLD.search(question):
        return bool(_ANCIENT.search(sentence)) and not _OF_A_PERSON.search(question)
    if _ON_FOR.search(question) and _UNTIL.search(sentence):
        return True
    if _MOVED.search(question) and _PLACES.search(sentence):
        return True
    if _HOW_MUCH.search(question):
        units = {m.group(1) for m in _OWN_UNIT.finditer(question)}
        return any(re.search(rf"\d\s+{re.escape(u)}s?\b", sentence, re.I) for u in units)
    return False


# A figure standing alone, its noun left to the question: followed by the sentence's end, a
# clause's or a word that is no noun ("in a row", "this year").
_BARE_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$|(?:in|at|on|this|last|so|before|after|since"
                         r"|until|over|now|all|each|apiece|altogether)\b)", re.I)
# "a crew of 19": the noun before "of" is what the figure counts.
_OF_BEFORE = re.compile(r"\bof\s+(?:about\s+|around\s+|some\s+)?$", re.I)
# An age ("Ms Bakare, 36, who…") or a tally's second figure ("voted 9 to 4"), and its first.
_NOT_A_COUNT = re.compile(r"(?:,|\d\s*(?:to|-|–))\s*$", re.I)
_TALLY_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d", re.I)
BARE_NEAR = 5  # words either side of a bare figure, one of them the question's own
# Words that say when or where, not what: "this season", "last year", "in the city", "at the
# airport" beside a figure tie it to no count ("City have now won nine in a row this season",
# asked how many goals Haaland scored this season).
_SETTING = frozenset(terms(
    "year years month months week weeks day days season seasons time times today tonight "
    "night morning afternoon evening weekend last this next ago so far now recent recently "
    "current currently city cities town towns village country countries county region area "
    "state nation world local airport station site place"))
# "The number of small boats crossing the Channel fell to 12": the figure counts boats.
_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)",
                        re.I)


def _counts_its_own(before: str, things: set[str]) -> bool:
    """Does the clause before a bare figure say it counts something else ("The number of small
    boats … fell to 12", asked how many migrants)?"""
    clause = CLAUSE.split(before)[-1]
    return any(not things & set(terms(m.group(1))) for m in _NUMBER_OF.finditer(clause))


def bare_count(sentence: str, question: str, things: set[str]) -> bool:
    """Asked how many of something, does the sentence give a figure with no noun of its own
    beside a word the question says (not a name) besides what it counts ("Now we can show
    1,100.", asked how many works the museum can show; "The council says it expects no more
    than 25.")? Not a year, a sum, an age, a tally, nor a figure inside a name."""
    # The question's own words, not its names: "Northmoor" beside "a record 112,400" says
    # nothing of how many nurses Northmoor employs.
    lower = [w for w in WORD.findall(question) if not w[:1].isupper()]
    asked = set(terms(" ".join(lower))) - asking_terms() - things - _SETTING
    for m in A_FIGURE.finditer(sentence):
        if (A_YEAR.fullmatch(m.group()) or in_a_name(sentence, m.start())
                or sentence[max(0, m.start() - 1):m.start()] in ("$", "£", "€", "¥")
                or not _BARE_AFTER.match(sentence, m.end())
                or _OF_BEFORE.search(sentence, 0, m.start())
                or _NOT_A_COUNT.search(sentence, 0, m.start())
                or _TALLY_AFTER.match(sentence, m.end())
                or _counts_its_own(sentence[:m.start()], things)):
            continue
        near = [*WORD.findall(sentence[:m.start()])[-BARE_NEAR:],
                *WORD.findall(sentence[m.end():])[:BARE_NEAR]]
        if asked & set(terms(" ".join(near))):
            return True
    return False


# "How many units?" asks for whatever a figure counts by its own plural noun.
_UNITS = frozenset(terms("unit units item items"))
# Up to three words after a figure (or an ordinal's: "its 1,000th item"), in its clause:
# "184,000 air fryers".
_WORDS_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s+(?:million|billion|thousand))?"
                          r"((?:\s+[A-Za-z][\w’'-]*){1,3})")


def counts_things(sentence: str) -> bool:
    """Does a figure of the sentence count things of its own plural noun ("recalling 184,000 air
    fryers") or "units" or "items" ("its 1,000th item"), not people nor nothing ("The 14-storey
    tower")?"""
    for m in A_FIGURE.finditer(sentence):
        after = _WORDS_AFTER.match(sentence, m.end())
        if A_YEAR.fullmatch(m.group()) or in_a_name(sentence, m.start()) or not after:
            continue
        for word in after.group(1).split():
            if set(terms(word)) & _UNITS:
                return True
            if counts_other(" " + word, 0):
                if not set(terms(word)) & (ANYONE | PEOPLE):
                    return True
                break
    return False
