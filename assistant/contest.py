"""Who won and who lost: a contest's sides as a sentence states them.

"Who won the Lakeport mayoral election?" over "Grace Okonkwo has been elected mayor of Lakeport,
defeating the incumbent Henrik Dahl…": the reader's span was "Henrik Dahl", the name nearest
the question's words, and a user was told the loser had won. A sentence naming both sides says
which is which by its verb ("W beat L", "W…, defeating L", "L lost to W", "L was beaten by W",
"W's victory over L"); asked who won, who lost, who beat someone or whom someone beat, the side
asked for answers, and the other side never leads an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .contest_kind import KINDS, category_said, kind_words, of_division, of_year, same_kind
from .words import WEEKDAYS, terms

__all__ = ["Contest", "another_contest", "asked_contest", "contest_answer", "names_a_contest",
           "other_side", "sides"]

# A side: a name (capitalised words, a club's "49ers"), after at most three lowercase words
# that describe it ("the incumbent Henrik Dahl", "defending champion Iga Swiatek", "rivals
# Harbour City"); the name alone is the side.
_NAME = (r"(?:[A-Z][\w’'.&-]*|\d+ers)(?:\s+(?:(?:de|der|van|von|da|al|bin|del|la|le)\s+)?"
         r"(?:[A-Z][\w’'.&-]*|\d+ers))*")
_PRE = r"(?:(?:the|a|an|[a-z][\w-]+)\s+){0,3}?"
# Words that end a description: a side is not found across them ("beat them in the final").
_NOT_PRE = frozenset({"in", "on", "at", "to", "by", "for", "with", "after", "before", "from",
                      "them", "him", "her", "it", "us", "and", "or", "but", "who", "which",
                      "that", "was", "were", "is", "are", "has", "have", "had", "not"})
_BEAT = (r"(?i:beat|beats|beaten|defeated|defeats|overcame|overcome|edged(?:\s+(?:past|out))?"
         r"|thrashed|routed|crushed|knocked\s+out|eliminated|ousted|unseated|outvoted"
         r"|outpolled|trounced|toppled)")
_BEATING = (r"(?i:defeating|beating|ousting|unseating|edging(?:\s+(?:out|past))?|overcoming"
            r"|knocking\s+out|eliminating|thrashing|routing|toppling)")
_HAS = r"(?:(?:has|have|had)\s+)?"
# What may open a sentence before its subject: "In Lakeport, Grace Okonkwo…", "On Sunday, …".
_OPENING = r"(?:(?:In|On|At|After|Before|During|Last|This|Late|Early)\b[^,.;]{0,40},\s*)?"
_BEEN = r"(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+)?"
_EVENT = (r"(?i:election|race|vote|ballot|contest|match|game|final|semi-final|tie|derby|cup|title"
          r"|championship|tournament|trophy|league|seat|primary|runoff|run-off|bout|fight"
          r"|prize|award|category|medal|battle|series|round|leadership|nomination|referendum)")
# (pattern, which group is the winner, which the loser); a pattern naming one side only has
# None for the other.
_SIDES: tuple[tuple[re.Pattern[str], str | None, str | None], ...] = tuple(
    (re.compile(p), w, lo) for p, w, lo in (
        (rf"(?P<w>{_NAME})\s+{_HAS}{_BEAT}\s+(?P<pl>{_PRE})(?P<l>{_NAME})", "w", "l"),
        (rf"^{_OPENING}(?P<pw>{_PRE})(?P<w>{_NAME})\b[^.;]*?,\s*{_BEATING}\s+(?P<pl>{_PRE})"
         rf"(?P<l>{_NAME})", "w", "l"),
        # "Paulo Reis, who had led in the polls, was beaten 2-1 by Ines Barros"
        (rf"(?P<l>{_NAME})(?:,[^,.;]{{1,60}},)?\s+{_BEEN}(?:beaten|defeated|knocked\s+out"
         rf"|eliminated|ousted|unseated|edged\s+out|thrashed|routed|toppled)(?:\s+\d+[-–]\d+)?"
         rf"\s+by\s+(?P<pw>{_PRE})(?P<w>{_NAME})", "w", "l"),
        # "Reis suffered a heavy defeat at the hands of Barros", "after Reis's defeat by Barros"
        (rf"(?P<l>{_NAME})(?:\s+{_HAS}suffered\s+(?:a\s+)?(?:[\w-]+\s+)?|(?:’s|'s)\s+)defeat"
         rf"\s+(?:at\s+the\s+hands\s+of|by|to)\s+(?P<pw>{_PRE})(?P<w>{_NAME})", "w", "l"),
        (rf"(?P<l>{_NAME})\s+{_HAS}(?:lost|loses|lose)\s+(?:[\w’'-]+\s+){{0,4}}?to\s+"
         rf"(?P<pw>{_PRE})(?P<w>{_NAME})", "w", "l"),
        (rf"(?P<w>{_NAME})(?:’s|'s|’|')\s+(?:[\w-]+\s+){{0,2}}?(?:victory|win|triumph)\s+"
         rf"(?:over|against)\s+(?P<pl>{_PRE})(?P<l>{_NAME})", "w", "l"),
        # "A penalty … gave Harbor City a 2-1 win over Millbrook Rovers"
        (rf"\b(?i:gave|gives|handed|hands|earned|earns)\s+(?P<w>{_NAME})\s+(?:a|an|the|their"
         rf"|its)\s+(?:[\w-]+\s+){{0,2}}?(?:victory|win|triumph)\s+(?:over|against)\s+"
         rf"(?P<pl>{_PRE})(?P<l>{_NAME})", "w", "l"),
        (rf"(?P<w>{_NAME})\s+{_HAS}(?:won|wins|win)\s+(?:[\w’'-]+\s+){{0,6}}?(?:against|over)"
         rf"\s+(?P<pl>{_PRE})(?P<l>{_NAME})", "w", "l"),
        # "Okonkwo, of the Civic Alliance, won 51,028 votes to Dahl's 47,615"
        # (the more votes win: "Hobbs received 8,392 votes to Raman's 8,409" names Raman)
        (rf"(?P<w>{_NAME})(?:,[^,.;]{{1,60}},)?\s+{_HAS}(?:won|took|got|received|polled)\s+"
         rf"(?P<n1>[\d,]+)\s+(?:[\w-]+\s+)?votes\s+to\s+(?P<pl>{_PRE})(?P<l>{_NAME})"
         r"(?:’s|'s|’|')\s+(?P<n2>[\d,]+)", "w", "l"),
        (rf"(?P<w>{_NAME})\s+{_BEEN}(?:elected|re-elected|voted\s+in)\b", "w", None),
        # "Priya Raman has been confirmed as the new mayor of Millbrook after a recount"
        (rf"(?P<w>{_NAME})\s+{_BEEN}(?:confirmed|declared|named)\s+(?:as\s+)?(?:the\s+)?"
         r"(?:new\s+|next\s+)?(?:winner|victor|mayor|president|governor|champion|leader)\b",
         "w", None),
        (rf"(?P<w>{_NAME})\s+{_HAS}(?:won|wins|clinched|claimed|secured)\s+(?:the|a|an|his"
         rf"|her|their|its)\s+(?:[\w’'-]+\s+){{0,3}}?{_EVENT}\b", "w", None),
        (rf"(?P<w>{_NAME})\s+{_HAS}(?:claimed|declared|secured)\s+victory\b", "w", None),
        # "The non-fiction prize went to historian Peter Lowe"
        (rf"(?i:prize|award|title|trophy|medal|category)\s+(?:went|goes|has\s+gone|was\s+awarded"
         rf"|was\s+given)\s+to\s+(?P<pw>{_PRE})(?P<w>{_NAME})", "w", None),
        # "The women's race was won by Amara Lindgren"
        (rf"\b{_EVENT}\s+(?:was|were|has\s+been|had\s+been)\s+won\s+by\s+(?P<pw>{_PRE})"
         rf"(?P<w>{_NAME})", "w", None),
        (rf"(?P<l>{_NAME})\s+{_HAS}(?:conceded(?:\s+defeat)?|lost\s+(?:the|a|an|his|her|their|its)"
         rf"\s+(?:[\w’'-]+\s+){{0,3}}?{_EVENT})\b", None, "l"),
    ))

_WINNER_Q = re.compile(
    r"^\s*(?:who|which\s+[\w-]+(?:\s+[\w-]+)?|what\s+[\w-]+)\s+(?:(?:has|have|had|will|did)\s+)?"
    r"(?:won|wins|win|triumphed|prevailed|came\s+out\s+on\s+top|emerged\s+victorious"
    r"|claimed\s+victory|(?:was|is|were|are)\s+(?:the\s+)?(?:winners?|victors?))\b", re.I)
_BEAT_Q = re.compile(rf"^\s*(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:(?:has|have|had)\s+)?"
                     rf"{_BEAT}\s+(?P<named>.+?)\s*\??\s*$", re.I)
_LOSER_Q = re.compile(
    r"^\s*(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:(?:has|have|had|did)\s+)?(?:(?:lost|lose)"
    rf"(?=\s+to\b|\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'.-]+\s+){{0,6}}?{_EVENT}\b|\s*\?|$)"
    r"|conceded|(?:was|were|has\s+been|have\s+been)\s+(?:beaten|defeated|knocked\s+out"
    r"|eliminated|ousted|unseated)|(?:was|is|were|are)\s+(?:the\s+)?(?:losers?|runners?-up))\b"
    r"(?:.*?\b(?:by|to)\s+(?P<named>[^?]+))?[^?]*\??\s*$", re.I)
_BEATEN_Q = re.compile(r"^\s*(?:who|whom|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:did|has|have|had)"
                       r"\s+(?P<named>.+?)\s+(?:beat|defeat|overcome|edge|thrash|knock\s+out"
                       r"|eliminate|oust|unseat|upset|down)\b", re.I)
_LOST_TO_Q = re.compile(r"^\s*(?:who|whom|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:did|has|have|had)"
                        r"\s+(?P<named>.+?)\s+(?:lose|lost|fall|fell)\s+(?:to|against)\b", re.I)
# Capitalised words that open a sentence but are no side: "A win against the Eagles would…".
_NO_SIDE = frozenset({"a", "an", "the", "this", "that", "it", "its", "they", "he", "she", "we",
                      "i", "you", "but", "and", "if", "when", "after", "before", "in", "on",
                      "at", "last", "next", "another", "one", "their", "his", "her", "our"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MAX_CHARS = 600
# Words opening a side that are not its name: a day, and what the side is ("Poet Hana Ito").
_NOT_ITS_NAME = WEEKDAYS | {
    "yesterday", "today", "tonight", "incumbent", "former", "defending", "champion",
    "champions", "rival", "rivals", "holders", "poet", "novelist", "author", "writer",
    "historian", "singer", "rapper", "actor", "actress", "director", "artist", "candidate",
    "independent", "challenger", "striker", "midfielder", "defender", "goalkeeper", "veteran"}
_GENERIC = frozenset(re.sub(r"[()?:|\\]|i:", " ", _EVENT).split()) | {
    "the", "best", "world", "national", "international", "award", "awards", "prize", "prizes",
    "cup", "final", "open", "grand", "championships", "games", "olympics", "league"}
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+|\b\d+ers\b")


@dataclass(frozen=True)
class Contest:
    """What a question asks of a contest: its winner or its loser, and the other side's
    name words where the question gives them ("Who beat Harbour City?": the loser's)."""

    winner: bool
    named: frozenset[str] = frozenset()


@lru_cache(maxsize=256)
def asked_contest(question: str) -> Contest | None:
    """The side a question asks for, or None for a question of another kind."""
    q = question.strip()
    if m := _BEAT_Q.match(q):
        return Contest(True, _words(m.group("named")))
    if m := _LOST_TO_Q.match(q):
        return Contest(True, _words(m.group("named")))
    if _WINNER_Q.match(q):
        return Contest(True)
    if m := _BEATEN_Q.match(q):
        return Contest(False, _words(m.group("named")))
    if m := _LOSER_Q.match(q):
        return Contest(False, _words(m.group("named") or ""))
    return None


def _words(text: str) -> frozenset[str]:
    """Capitalised words, as one writes them without a possessive ("Lakeport's": lakeport)."""
    return frozenset(re.sub(r"(?:’s|'s|’|')$", "", w).casefold()
                     for w in _CAPITALISED.findall(text))


@lru_cache(maxsize=1024)
def sides(sentence: str) -> tuple[tuple[tuple[int, int] | None, tuple[int, int] | None], ...]:
    """Every (winner, loser) span pair the sentence states; a side it does not name is None.
    A "sentence" longer than MAX_CHARS is a page's run-on text, not read (the patterns would
    take long over it)."""
    found: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = []
    if len(sentence) > MAX_CHARS:
        return ()
    for pattern, w, lo in _SIDES:
        for m in pattern.finditer(sentence):
            if any(word in _NOT_PRE for g in ("pw", "pl") if g in pattern.groupindex
                   for word in (m.group(g) or "").split()):
                continue
            sides = (_side(m, w), _side(m, lo))
            if "n1" in pattern.groupindex and _votes(m["n1"]) < _votes(m["n2"]):
                sides = sides[::-1]
            # A side the pattern names must be one ("A win against the Eagles…": no winner).
            if any(g and not span for g, span in zip((w, lo), sides, strict=True)):
                continue
            if not any(span and sentence[span[0]:span[1]].casefold() in _NO_SIDE
                       for span in sides):
                found.append(sides)
    return tuple(found)


def _votes(figure: str) -> int:
    return int(figure.replace(",", "") or 0)


def _side(match: re.Match[str], group: str | None) -> tuple[int, int] | None:
    """A side's span, without the words that open it but name nothing ("The Eagles", "In
    Lakeport", "On Sunday Swiatek") and without a full stop or apostrophe ending it
    ("Labour.", "Rangers'")."""
    if group is None:
        return None
    start, end = match.span(group)
    text = match.string
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group().casefold().strip(",") not in _NO_SIDE | _NOT_ITS_NAME:
            start += word.start()
            break
    else:
        return None
    while end > start and text[end - 1] in ".’'":
        end -= 1
    return (start, end) if end > start else None


def contest_answer(question: str, sentence: str, published: str | None = None
                   ) -> tuple[int, int] | None:
    """The span of the side asked for, where the sentence states it, and states any side the
    question names as the other. A question naming its contest ("the Lakeport election") is
    answered only by a sentence naming some of it too: in a report of a cup's round, "Eastbrook
    beat Millbay United" does not answer who won the match between Rovers and Harbour City."""
    asked = asked_contest(question)
    if asked is None:
        return None
    # Past the question's own first word, and without the words of any contest's name ("Who
    # won the Mercury Prize?" is not answered by who won the Nobel Prize).
    named = _words(question.strip()[1:]) - _GENERIC
    if named and not named & _words(sentence):
        return None
    # "Who won the 2023 Booker Prize?" is not answered by the 2014 winner.
    years, stated = set(_YEAR.findall(question)), set(_YEAR.findall(sentence))
    if years and stated and not years & stated:
        return None
    # Nor, naming no year, by a report (`published`, ISO) of another year: "Who won the
    # Millbrook election in 2021?" is not answered by 2025's winner.
    if years and not stated and published and not of_year(published, years):
        return None
    if not same_kind(question, sentence) or not category_said(question, sentence):
        return None
    found = []
    for winner, loser in sides(sentence):
        side, other = (winner, loser) if asked.winner else (loser, winner)
        if side is None:
            continue
        if asked.named and (other is None or not asked.named & _words(sentence[slice(*other)])):
            continue
        found.append(side)
    # Of two contests one sentence reports ("Luc Moreau won the men's title…, and Hana Sato won
    # the women's race"), the one whose clause holds more of what is asked.
    return max(found, key=lambda side: _asked_in_clause(question, sentence, side), default=None)


# Where one contest's report ends and another's begins in a sentence.
_CLAUSES = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s*|\s+while\s+|\s+and\s+(?=[A-Z])")


def _asked_in_clause(question: str, sentence: str, side: tuple[int, int]) -> int:
    """How many of the question's words the clause holding the side holds."""
    starts = [0, *(m.end() for m in _CLAUSES.finditer(sentence)), len(sentence) + 1]
    at = max(i for i, start in enumerate(starts[:-1]) if start <= side[0])
    return len(set(terms(question)) & set(terms(sentence[starts[at]:starts[at + 1]])))


def another_contest(question: str, sentence: str) -> bool:
    """Does the sentence state the sides of a contest other than the one the question names
    by its kind or round ("Who won the cup final?" and "Okonkwo has been elected mayor…,
    defeating…", or "…beat Harbour City in the quarter-final")?"""
    stated = sides(sentence) if asked_contest(question) is not None else ()
    if any(w and lo for w, lo in stated):
        return not same_kind(question, sentence)
    # A winner alone, of another division: "The women's race was won by…" asked the
    # wheelchair race (the users' sets).
    return any(w for w, _ in stated) and not of_division(question, sentence)


def names_a_contest(question: str) -> bool:
    """Does the question say which contest it asks about (a name, a kind)? "Who won?" does
    not: it is no question to search every sentence for a winner with."""
    named = _words(question.strip()[1:]) - _GENERIC
    said = kind_words(question)
    # "the poetry category" names one (a word of no kind: "a category 4 storm" is no prize).
    return bool(named) or "category" in said or any(words & said for words in KINDS)


def other_side(question: str, sentence: str) -> list[tuple[int, int]]:
    """Spans the sentence states as the side *not* asked for: never an answer's lead."""
    asked = asked_contest(question)
    if asked is None:
        return []
    return [span for pair in sides(sentence) if (span := pair[1 if asked.winner else 0])]
