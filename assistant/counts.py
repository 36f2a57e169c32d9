"""Which figure of a sentence counts what a "how many" question counts (`counting`): "How many
sunken fishing boats were removed?" is answered by "14" of "removed 14 sunken fishing boats
at a cost of 8.5 million euros", not by "8.5 million"."""

from __future__ import annotations

import re

from .counting import ANYONE, counted, counted_phrase
from .words import WORD, asking_terms, terms

__all__ = [
    "A_FIGURE",
    "A_SUM",
    "A_YEAR",
    "CLAUSE",
    "FIGURE_HEAD",
    "NUMBER",
    "PEOPLE",
    "WORD_HEAD",
    "WORD_NUMBER",
    "asks_of_people",
    "counts",
    "counts_asked",
    "counts_other",
    "figure_head",
    "figure_phrase",
    "in_a_name",
    "people_counted",
]

# News style spells out small numbers and a sentence's first: "Eighteen patients were infected",
# "ignored eleven separate warnings" count as "18 patients" does.
NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                    r"|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven"
                    r"|eigh|nine)ty|dozens?|hundreds?|thousands?|millions?|billions?)\b", re.I)
# A word that starts with a figure, and what it counts: "four-day", "19-member", "30-year-old".
_FIGURE_FIRST = re.compile(r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
                           r"-([a-z]+)", re.I)
NEAR_FIGURE = 4  # words after a figure (or 2 before it: "a crew of 19") naming what it counts


# Counts of how often, in whichever word: "How many times did it discharge sewage?" is
# answered by "on 212 occasions".
_HOW_OFTEN = frozenset(terms("times occasions instances"))


def counts(sentence: str, counted: set[str], share: bool = False) -> bool:
    """Does a figure of the sentence count the thing asked about ("19 crew" is no count of
    ships)? Or, where the caller found the sentence says what the question asks of them
    (`share`), a share of what was counted before ("2,914 of them were diagnosed")?"""
    if counted & _HOW_OFTEN:
        counted = counted | _HOW_OFTEN
    # The public a business serves are no "people" it employs: asked how many customers,
    # "which employs 4,500 people" gives no answer, but "about 41,000 people in all" does.
    public = bool(counted & _PUBLIC)
    if counted & PEOPLE:  # "How many employees…" is answered by "employs 620 people"
        counted = counted | ANYONE | _A_CROWD
    if counted & _VEHICLES:  # "How many cars use the bridge?": "38,000 vehicles a day"
        counted = counted | _VEHICLES
    if _number_of(sentence, counted):
        return True
    words = WORD.findall(sentence)
    shared = False  # a share of the thing counted was said ("Two-thirds of the students…")
    for i, word in enumerate(words):
        if NUMBER.search(word):
            # What a figure's own word counts ("a four-day visit": days), but not an age, nor
            # a name with a figure in it ("COVID-19").
            own = _FIGURE_FIRST.match(word)
            if _SHARE_WORD.fullmatch(word) or _SHARE_AFTER.match(" ".join(words[i + 1:i + 3])):
                # "two-thirds of the children", "40 per cent of pupils": no count; but a
                # figure after it with no noun of its own counts them ("…and 340 were
                # suspended in all"), where the sentence says what was asked of them.
                shared = shared or bool(counted & set(terms(" ".join(words[i + 1:i + 4]))))
                continue
            if shared and share and not counts_other(" ".join(words[i + 1:i + 2]), 0):
                return True
            counted_here = ([own.group(1)] if own and not word.casefold().endswith("-old")
                            else [])
            # The words before a figure say what it counts only where no noun of its own
            # follows it ("a crew of 19"; not "Volunteers spent nine hours").
            before = [] if counts_other(" ".join(words[i + 1:i + 2]), 0) else words[
                max(0, i - 2):i]
            near = " ".join([*before, *counted_here, *words[i + 1:i + 1 + NEAR_FIGURE]])
            said = _spelt_out(terms(near))
            if public and not (counted & said) - ANYONE and _staffed(words[max(0, i - 3):i]):
                continue
            if counted & said or _units_of(said, counted, sentence) or (
                    share and _of_them(words, i)):
                return True
    return False


# A share, not a count: "two-thirds", "a half", "40 per cent" ("%" is no word of WORD's).
_SHARE_WORD = re.compile(r"(?:[\w]+-)?(?:halves|half|thirds?|quarters?|fifths?|tenths?)", re.I)
_SHARE_AFTER = re.compile(r"(?:per\s+cent|percent)\b", re.I)


def _of_them(words: list[str], i: int) -> bool:
    """Is the figure at `i` a share of what the sentences before counted ("2,914 of them were
    diagnosed", "Four of those died")? It counts whatever they did."""
    return [w.casefold() for w in words[i + 1:i + 3]] in (["of", "them"], ["of", "those"],
                                                          ["of", "these"], ["of", "whom"])


_VEHICLES = frozenset(terms("car cars vehicle vehicles"))
# "A further 18,000 units were sold in Canada" counts the air fryers asked about: "units" and
# "items" count whatever was sold or made, though never people ("Two army units").
_ANY_THING = frozenset(terms("unit units item items"))
_SOLD = re.compile(r"\b(?:sold|recalled|made|produced|shipped|delivered|built|bought|ordered)\b",
                   re.I)


def _units_of(said: set[str], counted: set[str], sentence: str) -> bool:
    return bool(said & _ANY_THING) and not counted & PEOPLE and bool(_SOLD.search(sentence))


# "The number of people killed by Storm Isla has risen to four": what a figure counts, said
# before it ("the total of", "the tally of" alike).
_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)"
                        r"(?P<rest>[^.;]*)", re.I)


def _number_of(sentence: str, counted: set[str]) -> bool:
    """Does a "number of <the thing counted>" phrase of the sentence have a figure after it, in
    its clause?"""
    for m in _NUMBER_OF.finditer(sentence):
        clause = CLAUSE.split(m.group("rest"), maxsplit=1)[0]
        figures = [f for f in A_FIGURE.findall(clause) if not A_YEAR.fullmatch(f)]
        if counted & _spelt_out(terms(m.group(1))) and figures:
            return True
    return False


def counts_asked(sentence: str, start: int, end: int, question: str) -> bool | None:
    """Does the figure at [start, end) of the sentence count what a "how many" question counts
    ("14" of "removed 14 sunken fishing boats at a cost of 8.5 million euros", not "8.5
    million")? None when the question counts nothing in particular."""
    things = counted(question)
    if not things:
        return None
    before = WORD.findall(sentence[:start])[-2:]
    after = WORD.findall(sentence[end:])[:NEAR_FIGURE]
    return counts(" ".join([*before, sentence[start:end], *after]), things)


FIGURE_HEAD = re.compile(r"[$£€¥]?\d[\d,.]*(?:-\w+)*(?:\s*(?:%|percent\b|per cent\b"
                          r"|(?:million|billion|trillion|thousand|hundred)\b))?")


def figure_head(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """The figure the span [start, end) opens with, in digits or words ("Four fire engines")."""
    return FIGURE_HEAD.match(sentence, start, end) or WORD_HEAD.match(sentence, start, end)


def figure_phrase(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """For a question counting something ("How many sunken fishing boats…"), the figure the
    span [start, end) of the sentence opens with and the words right after it, up to the noun
    counted: "620 drivers" of "620 drivers walked off the job on Nov. 3.", "14,300 acres" of
    "14,300". None when the span does not open with a figure, or the noun does not follow it
    ("19 Chinese coast guard ships" is left as the reader read it, not cut to "19 Chinese")."""
    phrase = counted_phrase(question)
    head = figure_head(sentence, start, end)
    wanted = set(terms(" ".join(phrase))) - ANYONE
    noun = set(terms(phrase[-1])) if phrase else set()
    if head is None or not wanted or not noun:
        return None
    stop = head.end()
    for word in WORD.finditer(sentence, head.end()):
        said = _spelt_out(terms(word.group()))
        if sentence[stop:word.start()].strip() or not wanted & said:
            return None  # a word counted nothing, or something stood between
        stop = word.end()
        if noun & said:
            return start, stop
    return None


# A unit's abbreviation counts what its name does ("142 mm" answers "How many millimetres…"):
# stems, as `terms` gives them, both spellings. Not "m" ("9 a.m."), "min" or "ha" (names too),
# nor "mph" (a speed is no count of miles).
_UNIT_NAMES = {"mm": ("millimetr", "millimet"), "cm": ("centimetr", "centimet"),
                "km": ("kilometr", "kilomet"), "kg": ("kilogram",), "lb": ("pound",),
                "lbs": ("pound",), "ft": ("feet", "foot"), "bn": ("billion",), "hrs": ("hour",),
                "yrs": ("year",)}


def _spelt_out(stems: list[str]) -> set[str]:
    """The stems, with what each abbreviation among them stands for."""
    return set(stems).union(*(_UNIT_NAMES.get(s, ()) for s in stems))


def counts_no_one(sentence: str, question: str) -> bool:
    """Asked how many people, does every figure of the sentence count things that are never
    people ("about 41,000 properties were without power", asked how many are missing)?"""
    if not _counts_people(question):
        return False
    heads = [h.end() for h in FIGURE_HEAD.finditer(sentence) if not A_YEAR.fullmatch(h.group())]

    def noun(end: int) -> set[str]:  # the word after the figure: what it counts
        m = _NEXT_WORD.match(sentence, end)
        return set(terms(m.group(1))) if m else set()

    return bool(heads) and all(noun(end) & _NEVER_PEOPLE for end in heads)


def asks_of_people(question: str) -> bool:
    """Does a "how many" question count people, or no noun at all ("How many were hurt?")?"""
    return not counted_phrase(question) or bool(_counts_people(question))


def _counts_people(question: str) -> set[str]:
    """The word a "how many" question counts with, where it counts people ("people",
    "workers"); else empty. `counted` leaves "people" out: it counts nothing in particular."""
    noun = set(terms(" ".join(counted_phrase(question)[:1])))
    return noun if noun & (ANYONE | PEOPLE) else set()


_NEVER_PEOPLE = frozenset(terms(
    "properties homes houses buildings businesses premises vehicles cars acres hectares miles "
    "kilometres tonnes dollars pounds euros votes seats points hours days weeks years"))


def people_counted(sentence: str, question: str) -> list[tuple[int, int]]:
    """Asked how many people, the figures followed by a word for people ("3,100 people",
    "620 workers"), which `figure_phrase` leaves to the question's own noun, with a word of
    the question beside them ("employs 3,100 people"; not "treats 40,000 patients a year"
    asked how many attended a fundraiser: the review's)."""
    noun = _counts_people(question)
    if not noun:
        return []
    asked = set(terms(question)) - asking_terms() - noun
    public = bool(noun & _PUBLIC)
    return [(head.start(), m.end()) for head in FIGURE_HEAD.finditer(sentence)
            if not in_a_name(sentence, head.start())
            and not (public and _staffed(WORD.findall(sentence[:head.start()])[-3:]))
            and (m := _NEXT_WORD.match(sentence, head.end()))
            and set(terms(m.group(1))) & (ANYONE | PEOPLE)
            and asked & set(terms(" ".join([*WORD.findall(sentence[:head.start()])[-4:],
                                            *WORD.findall(sentence[m.end():])[:4]])))]


A_SUM = re.compile(r"[$£€¥]\s?\d")  # a sum of money, which counts nothing asked "how many"
_NEXT_WORD = re.compile(r"\s*(?:million|billion|thousand)?\s*([A-Za-z][\w’'-]*)")
_PLURALS = frozenset({"people", "staff", "children", "men", "women", "police", "personnel",
                      "cattle", "sheep", "fish", "crew", "troops", "employees", "workers"})
PEOPLE = frozenset(terms(" ".join(_PLURALS) + " residents passengers fans voters employees "
                          "spectators visitors members players pupils students patients "
                          # counted as "people" too ("about 41,000 people in all"); not a
                          # trade's ("The number of people waiting" counts no nurses), nor
                          # volunteers ("2,000 people attended the clean-up" came, not helped)
                          "customers users subscribers viewers listeners guests "
                          "participants shoppers tenants adults commuters"))
# Those a business or an event serves, not those it employs.
_PUBLIC = frozenset(terms("customers users subscribers viewers listeners guests participants "
                          "shoppers tenants commuters"))
# Words before a figure that make its "people" staff: "which employs 4,500 people".
_STAFFING = frozenset(terms("employ employs employed employing staff workforce hire hires "
                            "hired hiring jobs"))


def _staffed(before: list[str]) -> bool:
    """Do the words before a figure make the people it counts staff ("employs about 13,000")?"""
    return bool(_STAFFING & set(terms(" ".join(before))))


_A_CROWD = frozenset(terms("crowd attendance"))  # "A crowd of 23,400" counts the spectators
_NOT_PLURAL = frozenset({"was", "is", "has", "does", "his", "this", "its", "as", "us", "plus",
                         "across", "thus", "always", "perhaps", "besides", "whereas"})


def counts_other(sentence: str, end: int) -> bool:
    """Is the figure ending at `end` followed by a plural noun, what it counts ("21,000
    people")? Not a verb ("12 won seats"), nor nothing ("27 votes to 14,": its ellipsis)."""
    m = _NEXT_WORD.match(sentence, end)
    word = m.group(1).casefold() if m else ""
    return word in _PLURALS or (len(word) > 3 and word.endswith("s")
                                and word not in _NOT_PLURAL)


def in_a_name(sentence: str, at: int) -> bool:
    """Is the figure at `at` part of a word ("Covid-19 tests" counts no 19 tests)?"""
    return at > 0 and (sentence[at - 1].isalnum() or sentence[at - 1] in "-‐")


WORD_NUMBER = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
                r"|fifty|sixty|seventy|eighty|ninety|dozens?|hundreds?|thousands?")
# A count in words heading what it counts ("Four fire engines and 22 firefighters"): not
# "one", which is as often no count ("one of the", "no one"), nor "hundreds of".
WORD_HEAD = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                       r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
                       r"|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                       r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b", re.I)
# A count of people: digits, or number words ("Forty-one"); not a year ("In 2021 floods…").
A_FIGURE = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{WORD_NUMBER})(?:-(?:{WORD_NUMBER}))?\b", re.I)
A_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a year, which counts nothing
# What is said after a figure stops at the next clause: "killed 3 and injured 40".
CLAUSE = re.compile(r"\s*(?:,|;|\band\b|\bbut\b|\bwhile\b)", re.I)
