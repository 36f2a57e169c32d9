"""What a named person is: "Who is Hong Min?" over "…said Hong Min, a senior analyst at the
Korea Institute for National Unification", or "Who is Mark Rutte?" over "NATO's Secretary
General Mark Rutte". The words set beside the name, or the title before it, answer."""

from __future__ import annotations

import re

from .made_by import NO_NAME, PRONOUNS, WHO_DOES
from .roles import TITLES
from .speakers import asks_about_saying
from .titled import NAME, TITLE_WORDS
from .words import DETERMINERS, WEEKDAYS, terms

__all__ = ["description", "done_to", "listed_names", "sole_name", "who_does", "who_is"]


# "Who is Hong Min?": every word after "who is" capitalised (`evidence._WHO_IS_NAMED`).
_WHO_IS = re.compile(r"^\W*(?i:(?:and\s+)?who\s+(?:is|was))\s+(?P<name>[A-Z][\w’'.-]*(?:\s+"
                     r"[A-Z][\w’'.-]*){0,4})\s*\??\s*$")


def who_is(question: str) -> str | None:
    """The name a "Who is <Name>?" question asks about."""
    m = _WHO_IS.match(question.strip())
    return m.group("name") if m and not re.search(r"[’']s\b", m.group("name")) else None


# What follows a name and its age without describing them: a clause or a verb ("Ravi Shetty, 47,
# was charged…", "…, 47, said…", "…, 47, on Tuesday").
_NOT_SAID_OF = (r"(?:who|which|that|whose|was|is|were|are|has|have|had|said|says|told|tells|"
                r"will|would|could|can|also|and|or|but|on|in|at|from|to|for|with|by|after|"
                r"before|when|while|born(?=\s)|died|aged)")


_CLAUSE_LEAD = re.compile(r"\b(?:according\s+to|for|asked\s+about|like|unlike)\s+$", re.I)


def description(question: str, sentence: str) -> tuple[int, int] | None:
    """Where the sentence says what the person a "Who is <Name>?" question names is: the
    words set beside the name ("Hong Min, a senior analyst at the Korea Institute for National
    Unification,") or the title before it ("NATO's Secretary General Mark Rutte")."""
    name = who_is(question)
    if name is None:
        return None
    named = r"\s+".join(re.escape(w) for w in name.split())
    # "Ravi Shetty, 47, director general of…": an age may come first
    beside = re.search(rf"\b{named},\s+(?:\d{{1,3}},\s+(?![a-z]+ed\b))?(?!{_NOT_SAID_OF}\b)"
                       rf"(?P<d>(?:(?:a|an|the)\s+)?[a-z][^,.;:“”\"()]{{2,200}}?)"
                       r"\s*(?=[,.;:)]|$)", sentence)
    # "According to Keith Wilson, the mayor, …" describes him; "According to Keith Wilson,
    # the council never consulted residents." is his words, not what he is.
    if beside is not None and (sentence[beside.end():beside.end() + 1] == ","
                               or not _CLAUSE_LEAD.search(sentence, 0, beside.start())):
        return beside.span("d")
    title = re.search(rf"(?P<d>(?:[A-Z][\w’'.-]*\s+){{0,3}}(?i:{TITLES}))\s+{named}\b", sentence)
    if title is None:
        return None
    return _widened(sentence, *title.span("d"))


# Words before a title that are not part of it: "said union president Carla Mendes" gives
# "union president".
_NOT_TITLE = frozenset({"said", "says", "told", "and", "or", "but", "the", "a", "an", "of",
                        "by", "to", "with", "for", "from", "at", "in", "on", "as", "that", "who",
                        "which", "according", "former", "then", "also", "while", "after",
                        "before", "when", "where", "its", "his", "her", "their", "our", "was",
                        "is", "are", "were", "added", "wrote", "announced", "asked"})


def _widened(sentence: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) with the words before an all lower-case title that qualify it: up to two
    lower-case ones ("transit authority chair"), then up to two capitalised ones ("Nurses union
    president", "Herons head coach"). A capitalised title ("Russian President") is whole; a
    verb ("cheered", "said") ends the title."""
    if not sentence[start:end].islower():
        return start, end
    for pattern in (_LOWER_WORD, _UPPER_WORD):
        for _ in range(2):
            word = pattern.search(sentence[:start])
            if word is None or word.group(1).casefold() in _NOT_TITLE or (
                    pattern is _LOWER_WORD and word.group(1).endswith("ed")):
                break
            start = word.start(1)
    return start, end


_LOWER_WORD = re.compile(r"(?<![\w’'-])([a-z][\w’'-]*)\s+$")
_UPPER_WORD = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)\s+$")


# A name after these is a place: "arrested in Lakeport", "a house on Main Street".
# Before a place: "in Bergen", and "Gerald Pike, 58, of Harrogate".
_PLACED = re.compile(r"(?:\b(?:in|at|near|from|to|across|outside|inside|on|into|around"
                     r"|towards?|through)|,\s*\d{1,3},\s+of)\s+(?:the\s+)?$", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:\([^)]*\))?\s*[—–:-]")
# "…, editor Peter Sokolowski told The Associated Press": whom it was told is no answer to who
# did or said it, unless the question asks whom someone told.
_TOLD = re.compile(r"\btold\s+(?:the\s+)?$", re.I)
_ASKS_WHOM_TOLD = re.compile(r"\bwhom?\s+(?:did|does|do|has|have|had|will|would)\b[^?]*\btell\b"
                             r"|\btold\s+whom\b", re.I)


def _named_in(name: list[str], asked: set[str], question: str) -> bool:
    """Is the sentence's name (casefolded words) one the question gives: all of it ("Biden" of
    "Joe Biden"), or a name of the question all in it? "Olav Halvorsen" is not "Halvorsen
    Foods": each has a word the other lacks."""
    if not any(w in asked for w in name):
        return False
    # The question's names without their titles, as the sentence's are ("President Biden").
    runs = [[w.strip("’'s") for w in (w.casefold().strip(".") for w in run.split())
             if w not in TITLE_WORDS | _NOT_FIRST] for run in re.findall(NAME, question)]
    return all(w in asked for w in name) or any(
        run and all(w in name for w in run) for run in runs) or not runs


# A count opening a sentence or a quote is no one's name: "'Ten men, a striker in goal, and we
# still saw it out.'" (a manager's words) answered who was in goal with "Ten".
_COUNTS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                     "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred",
                     "hundreds", "thousand", "thousands", "dozens"})


def sole_name(sentence: str, question: str) -> tuple[int, int] | None:
    """The one name the sentence gives that the question does not (its title words left out:
    "Anders Kvist" of "Mayor Anders Kvist"; a place after "in", "at"… is none), or None where it
    gives none or several, or lacks a figure the question gives. "Who was fined £12,000?" over
    "Kevin Marsh, 51, … was fined £12,000" is answered by it, however unsure the reader is."""
    asked = {w.casefold().strip("’'s") for w in re.findall(r"[\w’'-]+", question)}
    # "Who was fined £2.4 million?" is not answered by a sentence of a £12,000 fine.
    if any(f not in sentence for f in re.findall(r"\d[\d,.]*\d|\d", question)):
        return None
    found: list[tuple[int, int]] = []
    dateline = _DATELINE.match(sentence)
    placed_end = 0
    for m in re.finditer(NAME, sentence):
        if dateline and m.start() < dateline.end():  # "WASHINGTON —": where, not who
            continue
        words = _after_title(m.group())
        kept = [(a, b) for a, b, w in words if w.casefold().strip(".’'s") not in NO_NAME]
        if len(kept) == 1 and words[0][2].casefold().strip(".’'") in PRONOUNS and len(words) == 1:
            continue  # "'I shouted…'": a pronoun alone names no one
        names = [m.group()[a:b].casefold().strip(".’'s") for a, b in kept]
        if not kept or set(names) <= _COUNTS or _named_in(names, asked, question):
            continue
        if _TOLD.search(sentence[:m.start() + kept[0][0]]) and _told_is_no_answer(question):
            continue
        if _PLACED.search(sentence[:m.start() + kept[0][0]]) or (
                placed_end and sentence[placed_end:m.start()].strip() == ","):
            placed_end = m.end()  # "arrested in Lakeport", "in Merced County, California"
            continue
        found.append((m.start() + kept[0][0], m.start() + kept[-1][1]))
    return found[0] if len(found) == 1 else None


def _after_title(name: str) -> list[tuple[int, int, str]]:
    """The name's words (start, end, word) after its title: "Mark Rutte" of "NATO's Secretary
    General Mark Rutte"."""
    words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"[\w’'.-]+", name)]
    titled = [i for i, (_, _, w) in enumerate(words) if w.casefold() in TITLE_WORDS]
    return words[titled[-1] + 1:] if titled else words


# A group named in full after a copula: "The four councillors who voted against the budget
# were Raymond Teal, Greg Amato, Lucy Chen and Omar Haddad."
_LISTED = re.compile(rf"\b(?:were|are|include[sd]?|namely)\s+((?:{NAME})(?:,\s+(?:{NAME}))*"
                     rf",?\s+and\s+(?:{NAME}))(?=\s*[.;,]|\s*$)")


def listed_names(sentence: str, at: int, end: int) -> tuple[int, int] | None:
    """The names a sentence lists as a group ("…were Raymond Teal, Greg Amato, Lucy Chen and
    Omar Haddad"), where the reader's span [at, end) (sentence offsets) falls inside the list:
    asked who, all of them answer, not the one the span gives."""
    for m in _LISTED.finditer(sentence):
        a, b = m.span(1)
        if a <= at and end <= b:
            return a, b
    return None


# Capitalised words of a question's name that name no one: honorifics ("Ms Okafor") and an
# opening determiner.
_NOT_FIRST = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "the",
                        "a", "an", "his", "her", "their", "its", "our", "this", "that"})




# Who the name is, between commas before its verb: "Dr Howard Lindqvist-Amos, a politics
# lecturer at the University of Lowmoor, said the result was…" (the users' sets).
_APPOSITION = r"(?:an?|the|\d+)\b[^,;()“”\"]{0,80}?"


def who_does(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked "Who chairs Cluster Europe?", the name a sentence says does it in a clause of its
    own ("Martina Kovač, who chairs the patient group Cluster Europe, said…") or opens a clause
    with ("Holt painted The Salt Gatherers in 1884"), where the clause holds what the question
    asks about: sentence offsets, or None."""
    asked = WHO_DOES.match(question)
    if asked is None:
        return None
    verb = terms(asked.group(1))
    rest = set(terms(question[asked.end():]))
    # "…, who chairs the patient group Cluster Europe"; "Holt painted The Salt Gatherers in
    # 1884": the name the clause opens with, its verb the one asked.
    for m in re.finditer(rf"({NAME}),\s+(?:who|which)\s+([a-z]+)\b([^,;]*)|(?:^|[,;]\s+|\band\s+)"
                         rf"({NAME})(?:,\s+{_APPOSITION},)?\s+(?:has\s+|had\s+)?([a-z]+)\b([^,;]*)",
                         sentence):
        name, did, what = (1, 2, 3) if m.group(1) else (4, 5, 6)
        if (terms(m.group(did)) == verb and verb and rest <= set(terms(m.group(what)))
                and not _not_its_doer(m.group(name), m.group(what), question[asked.end():])):
            return m.span(name)
    return None


# Words that open a clause without naming anyone: "On Monday Governor Hochul signed…".
_NO_DOER = frozenset({"On", "In", "At", "By", "For", "From", "After", "Before", "Yesterday",
                      "Today", "Tonight", "Then", "Meanwhile", "Also", "But", "And", "The", "A",
                      "An", "This", "That", "Last", "Next", "Earlier", "Later"} | {
    d.capitalize() for d in WEEKDAYS})


def _not_its_doer(name: str, what: str, asked: str) -> bool:
    """Is the name no doer ("On Monday Governor Hochul"), or what it did another thing, its
    object asked of as its own ("Lindqvist wrote the report's foreword")?"""
    obj = next((w for w in re.findall(r"[\w’'-]+", asked) if w.casefold() not in DETERMINERS),
               "")
    owned = bool(obj) and re.search(rf"\b{re.escape(obj)}(?:’s|'s)", what, re.I) is not None
    return name.split()[0] in _NO_DOER or owned


def _told_is_no_answer(question: str) -> bool:
    """Asked who said something, whom it was told is no answer ("Peter Sokolowski told The
    Associated Press"); asked whom someone told, or anything else ("The manager told Ruiz he
    would start"), it may be."""
    return asks_about_saying(question) and not _ASKS_WHOM_TOLD.search(question)


# "Who did Peggy Allardyce marry?": whom someone did it to, the subject a name.
_WHOM_DONE = re.compile(r"^\W*(?i:and\s+)?(?i:whom?\s+did)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
                        r"\s+([a-z]+)\b[^?]*\??$")


def done_to(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked whom someone did something to ("Who did Peggy Allardyce marry?"), the name right
    after the verb's form in the sentence ("…before marrying Robert Allardyce, the assistant
    keeper"), a place's or team's possessive before it allowed ("beating Spain's Carla
    Ibáñez"): sentence offsets, or None."""
    asked = _WHOM_DONE.match(question.strip())
    if asked is None:
        return None
    verb = terms(asked.group(1))
    subject = set(question.split())
    for m in re.finditer(rf"\b([a-z]+)\s+(?:[A-Z][\w-]*[’']s\s+)?({NAME})", sentence):
        # Not the one asked about: "Ibáñez, beating Lena Hartmann" is done to her.
        if terms(m.group(1)) == verb and not set(m.group(2).split()) <= subject:
            return m.span(2)
    return None
