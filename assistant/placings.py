"""Placings: "Who came third in the by-election?", "Which university was third in the world?",
"Which university came top of the rankings?". A placing asked is answered by that placing, said
of a name ("Allanby, who came third, said…", "University of Eastmarch (3)", "the top place has
gone to the Institut Polytechnique de Valmont", "Tesfaye Bekele took the silver medal"), never
by another ("Ashgrove … in seventh place", "climbed 12 places to 29th"), nor by the same
placing of another contest or year ("Mistry, who came second in the council elections in May",
asked the by-election's runner-up; "Grace Njeri, who finished third in 2019").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .titled import NAME
from .words import MONTH_NAME

__all__ = ["PLACING_CHECKED", "asked_placing", "placed_name", "placing_unsaid",
           "states_placing"]

PLACING_CHECKED = 5  # the best sentences read for a placing the best one does not state

_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth")
_ORD = rf"(?:{'|'.join(_WORDS)}|\d{{1,3}}(?:st|nd|rd|th))"
# Ordinals that rank no contest: "first at the scene", "second in command", "first in line".
_NO_CONTEST = r"(?!\s*-?\s*in[- ](?:command|charge|line)\b|\s+(?:at|on)\s+the\s+scene\b)"
# What may follow a placing: a preposition, "place", or the sentence's end. Not a noun:
# "for the third year running", "his 30th Calderport Marathon", "the third one-day
# international" count times, not placings.
_AFTER = (rf"{_NO_CONTEST}(?=\s*(?:[?.,;:)]|$)|\s+(?:place|position|in|of|at|on|overall|among"
          r"|behind|for|with|after|ahead|out)\b)")
_ASKED = re.compile(rf"\b(?:came|come|comes|finished|finish|finishes|placed|ended|ranked|was"
                    rf"|were|is|are)\s+(?:(?:in|at)\s+)?(?:the\s+)?(?P<o>{_ORD}|top){_AFTER}"
                    rf"|\b(?P<p>{_ORD})\s+place\b|\b(?P<r>runners?[- ]up)\b", re.I)
_MEDALS = ("gold", "silver", "bronze")
# What a first place is led by, headed, topped: "Arsenal lead the Premier League", "Moonfall
# led the weekend box office".
_BOARD = r"(?:table|box\s+office|rankings?|standings|charts?|polls?|list|league|index)"
_LED = (rf"\b(?:lead|leads|led|leading|head|heads|headed|tops?|topped)\s+(?:the\s+)?"
        rf"(?:[\w’'-]+\s+){{0,3}}?{_BOARD}\b")
_TITLE = (r"\b(?:take|takes|took|taking|claim(?:s|ed|ing)?|retain(?:s|ed|ing)?|won|wins?)\s+"
          r"(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w’'-]+\s+){0,4}?(?:title|crown)\b")
# A placing a sentence states: an ordinal as above, "(3)" after a name in a list, a medal, the
# top place (a win, a title, leading the table); whom the winner beat, or finished ahead of, is
# the runner-up ("elected mayor…, beating Walter Hume"), said of the winner ("Millbrook Academy
# beat 30 other schools to take the … title").
_STATED = re.compile(
    rf"\b(?P<o>{_ORD}){_AFTER}|(?<=[\w)])\s*\((?P<d>\d{{1,3}})\)"
    rf"|\b(?P<m>(?-i:gold|silver|bronze))\b"
    rf"|\b(?P<r>runners?[- ]up)\b"
    rf"|\b(?P<b>beat(?:s|ing)?|defeat(?:s|ed|ing)?|pipped|(?:ahead|clear)\s+of)\b"
    rf"|(?P<t>\btop\s+(?:place|spot|position)\b|\b(?:came|finished|ranked|was|is|were|are|on)"
    rf"\s+top\b|\btop(?:s|ped)\b|\bw[oi]n(?:s|ner|ning)?\b|\bchampions?\b|{_LED}|{_TITLE})",
    re.I)


# Words describing the name that follows: "went to Dutch grandmaster Floor van Leeuwen".
_DESCRIBED = r"(?:[A-Z][\w-]*\s+(?=[a-z]))?(?:(?-i:[a-z])[\w-]*\s+){0,2}?"


_WHO = re.compile(r"\b(?:who|whom|which)\b|\bname\s+of\b", re.I)


def _number(ordinal: str) -> int:
    word = ordinal.casefold()
    return _WORDS.index(word) + 1 if word in _WORDS else int(re.sub(r"\D", "", word))


def asked_placing(question: str) -> int | None:
    """The placing the question asks for (1 for "came top"), or None. "Who won…?" is left to
    `contest`; "Who was the first woman to…?" asks no placing, nor "Who was first at the
    scene?"; nor does a question asking how much or when, of a placing ("How much did she
    receive as runner-up?": a figure's)."""
    m = _ASKED.search(question)
    if m is None or _WHO.search(question) is None:
        return None
    if m.group("r"):
        return 2
    said = m.group("o") or m.group("p")
    return 1 if said.casefold() == "top" else _number(said)


# The rest of a placing's clause: to the next comma, semicolon, full stop or joining word.
_CLAUSE = re.compile(r"(?:[^,;:.!?]|\.(?=\S))*?(?=[,;:!?]|\.(?:\s|$)|\s+(?:and|but|while|before"
                     r"|after|as|when|since|whose|which|who)\b|$)")
# A placing said of another time: "in 2019", "last year", "for three weeks", "in May".
_THEN = re.compile(r"\b(?:19|20)\d\d\b|\b(?:last|previous|next|past)\s+(?:year|season|month"
                   r"|week|time)\b|\b(?:weeks|months|years|seasons|ago)\b", re.I)
_MONTHS = re.compile(rf"\b{MONTH_NAME}\b")
# The contest a placing is of: the words after its preposition, to the next one ("in the
# council elections in May", "of the trust's separate Green Cities list last year").
_CONTEST = re.compile(r"\s*(?:in|at|of|on|among)\s+(?P<c>.*?)(?=\s+(?:in|at|on|with|by|for"
                      r"|from|after|of|to)\b|$)", re.I)
# What names a contest, a question names as it: an event's noun, a distance ("the 500m").
_EVENT = re.compile(r"\b(?:elections?|polls?|contests?|competitions?|galas?|list|index|rankings?"
                    r"|tables?|leagues?|cups?|championships?|tournaments?|quiz(?:zes)?"
                    r"|marathons?|matche?s?|games|awards?|charts?|challenges?|trophy|derby"
                    r"|olympics|relay)\b|\b\d[\d,.]*(?:m|km|k|metres|miles)\b", re.I)


def _stem(word: str) -> str:
    """The word as compared: case-blind, without a plural's s."""
    word = word.casefold()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _of_asked(question: str, rest: str) -> bool:
    """Is the placing whose clause goes on with `rest` the one asked: not of another time
    ("in 2019", "last year", a month the question does not name), nor of a contest the
    question does not name ("in the council elections", "of the trust's separate Green Cities
    list", "in the 500m", asked of a by-election, an index, the 1,500m)? A clause naming no
    contest (" in 2:26:50", ", said…", " in Britain") is of the contest asked."""
    clause = _CLAUSE.match(rest)
    said = clause.group(0) if clause else rest
    if _THEN.search(said) or any(m.group(0) not in question for m in _MONTHS.finditer(said)):
        return False
    contest = _CONTEST.match(said)
    if contest is None:
        return True
    asked = {_stem(m.group(0)) for m in _EVENT.finditer(question)}
    return all(_stem(m.group(0)) in asked for m in _EVENT.finditer(contest.group("c")))


def _placings(match: re.Match[str]) -> tuple[int, ...]:
    """The placings one match of `_STATED` states."""
    if match.group("t"):
        return (1,)
    if match.group("r"):
        return (2,)
    if match.group("b"):
        return (1, 2)
    if match.group("m"):
        return (_MEDALS.index(match.group("m").casefold()) + 1,)
    return (int(match.group("d")),) if match.group("d") else (_number(match.group("o")),)


def states_placing(sentence: str, placing: int, question: str | None = None) -> bool:
    """Does the sentence state this placing (of anyone)? Given the question, of the contest
    and the time it asks about."""
    return any(placing in _placings(m) and (question is None
                                            or _of_asked(question, sentence[m.end():]))
               for m in _STATED.finditer(sentence))


def placing_unsaid(question: str, best: str, others: Sequence[str]) -> bool:
    """Is the best sentence turned away, asked a placing? Where it states another placing or
    none ("in seventh place", "won", asked the third; "The oldest finisher was…", asked the
    second: the users' sets); where it states the one asked only of another contest or year
    ("Mistry, who came second in the council elections"), only where another of `others` (the
    next best of its story) names the placing asked ("…ahead of Reform's Gary Pike"): "Marston
    came top of the trust's separate Green Cities list last year, and Aldbury was praised…"
    stays, no other naming the top. Turning away a sentence stating none only where another
    names the placing lost the users' "Who came second in the men's Calderport Marathon?"."""
    placing = asked_placing(question)
    if placing is None or states_placing(best, placing, question) or placed_name(question, best):
        return False
    if not states_placing(best, placing):
        return True
    return any(placed_name(question, other) for other in others)


def _said(placing: int) -> str:
    """The placing as a sentence may say it: "third", "3rd"; the first as "top" too."""
    word = _WORDS[placing - 1] if placing <= len(_WORDS) else ""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(placing if placing < 20 else placing % 10, "th")
    said = [rf"{placing}{suffix}", *([word] if word else []), *(["top"] if placing == 1 else [])]
    return rf"(?:{'|'.join(said)})"


_NAMED = rf"(?P<n>{NAME}(?:\s+of\s+(?:the\s+)?{NAME})?)"  # "University of Eastmarch"
_OWNED = re.compile(r"[A-Z][\w-]*[’']s\s+(?=[A-Z])")  # "Reform's Gary Pike": Gary Pike's


def _patterns(placing: int) -> list[str]:
    """The ways a sentence gives a name this placing."""
    said, name = _said(placing), _NAMED
    patterns = [rf"{name}(?:,[^,;]{{1,80}},|,(?=\s+(?:who|which)\b))?\s+(?:(?:who|which)\s+)?"
                rf"(?:came|finished|placed|was|ended|took)\s+(?:(?:in|at)\s+)?(?:the\s+)?"
                rf"(?i:{said}){_AFTER}",
                rf"{name}\s*\({placing}\)",
                rf"(?i:{said})\s+(?:place|spot|position)\s+(?:went|has\s+gone|goes|was\s+taken"
                rf"|fell)\s+to\s+(?:the\s+)?{_DESCRIBED}{name}",
                rf"{name}\s+into\s+(?i:{said})\s+(?:place|spot|position)"]
    if placing <= len(_MEDALS):  # "Bekele took the silver medal", "Aino Virtanen the bronze"
        patterns.append(rf"{name}\s+(?:(?:took|takes|taking|claimed|claims|won|wins|collected"
                        rf"|earned)\s+)?(?:the\s+)?{_MEDALS[placing - 1]}\b")
    if placing == 1:  # "Moonfall led the weekend box office", "… beat 30 other schools to take
        # the regional schools quiz title" (not whom a team beat in a match)
        patterns.append(rf"{name}\s+(?i:{_LED}|(?:beat|defeated)\b[^,;.]*?{_TITLE})")
    if placing == 2:  # "won…, ahead of Reform's Gary Pike", "52 seconds clear of … Amos Cheruiyot"
        patterns.append(rf"\b(?:won|finished|came|winning)\b[^;]*?\b(?:ahead|clear)\s+of\s+"
                        rf"(?:(?:his|her|their|its)\s+)?{_DESCRIBED}{name}")
    return patterns


def placed_name(question: str, sentence: str) -> tuple[int, int] | None:
    """The name the sentence gives the placing asked, of the contest and time asked: "Allanby,
    who came third", "Lucy Farrant-Moore, who trains with Calderport Harriers, finished third",
    "University of Eastmarch (3)", "Second place went to St Columba's High School", "pushed the
    Carrington Institute of Technology into second place", "Ridgeway School taking the bronze":
    sentence offsets, or None."""
    placing = asked_placing(question)
    if placing is None:
        return None
    for pattern in _patterns(placing):
        for m in re.finditer(pattern, sentence):
            if _of_asked(question, sentence[m.end():]):
                owner = _OWNED.match(sentence, m.start("n"))
                return (owner.end() if owner else m.start("n")), m.end("n")
    return None
