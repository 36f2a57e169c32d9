"""Where the reader's figure does not count what a "how many" question counts, the figure of
the sentence that does (`counts` says which words a figure counts): a later one with the
question's verb ("3 councillors abstaining" of "approved by 27 votes to 14, with 3 councillors
abstaining"), or the one followed by what is counted ("34 countries" of "employs about 21,000
people in 34 countries")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .counting import asked_verb, counted
from .counts import (
    A_FIGURE,
    A_SUM,
    FIGURE_HEAD,
    WORD_HEAD,
    counts_other,
    figure_head,
    figure_phrase,
    in_a_name,
    people_counted,
)
from .words import WORD, asking_terms, terms

__all__ = ["later_count", "only_count"]

def later_count(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """Where the figure at [start, end) of the sentence is not followed by what the question
    counts, a later figure that is, and by the question's verb: "3 councillors abstaining" of
    "approved by 27 votes to 14, with 3 councillors abstaining", asked how many councillors
    abstained and read as "14"; "three" of "17 reports of batteries overheating, including
    three that caught fire", also where the reader's figure counts the thing but not what befell
    it. Only a later one: a bare figure after a counted one is its ellipsis ("1,200 services
    were cancelled on the first day and 950 on the second")."""
    verb = asked_verb(question)
    own = figure_phrase(sentence, start, end, question)
    # The reader's figure counts the thing, and the question's verb follows it: it is theirs
    # ("1,200 services were cancelled"); not "recalling 184,000 air fryers …, including nine
    # that caught fire", asked how many caught fire.
    if not verb or (own and verb & set(terms(" ".join(WORD.findall(sentence[own[1]:])[:3])))):
        return None
    for head in FIGURE_HEAD.finditer(sentence, end):
        phrase = figure_phrase(sentence, head.start(), len(sentence), question)
        if phrase and verb & set(terms(" ".join(WORD.findall(sentence[phrase[1]:])[:3]))):
            return phrase
    return _standing_for(sentence, start, end, question, verb)


def _standing_for(sentence: str, start: int, end: int, question: str, verb: set[str]
                  ) -> tuple[int, int] | None:
    """A later figure whose own clause says what befell them ("17 reports of batteries
    overheating, including three that caught fire"), or that stands for what was counted
    ("… and four were taken", "… and 14,912 finished", "; 36 tested positive"): only the next
    figure, joined by "and" to a clause the verb asked is not already in ("sold 1,200 homes …,
    against 950 sold a year earlier", "cancelled 340 flights …, after 120 were cancelled"), or
    saying more of the question than the reader's figure does ("tested 2,400 pupils …; 36
    tested positive")."""
    done_before = bool(verb & set(terms(" ".join(WORD.findall(sentence[:start])[-3:]))))
    more = set(terms(question)) - asking_terms() - verb - counted(question)
    near = set(terms(" ".join([*WORD.findall(sentence[:start])[-4:],
                               *WORD.findall(sentence[end:])[:4]])))
    for i, m in enumerate(A_FIGURE.finditer(sentence, end)):
        did = _DID.match(sentence, m.end())
        if did is None and i == 0 and (done := _DONE.match(sentence, m.end())):
            after = set(terms(" ".join(WORD.findall(sentence[m.end():])[:5])))
            joined = _AND_BEFORE.search(sentence, end, m.start()) and not done_before
            did = done if joined or (more & after) - near else None
        if did and verb & set(terms(did.group(1))):
            return m.span()
    return None


# A figure said as a difference: "three games more than last season", "two seats short".
_COMPARED = re.compile(r"\s+(?:more|fewer|less|short|ahead|behind|clear|up|down|than)\b", re.I)
_AND_BEFORE = re.compile(r"\band\s+(?:(?:only|just|about|some|another|a\s+further)\s+)?$", re.I)


# A figure whose own clause says what befell them: "three that caught fire".
_DID = re.compile(r"\s+(?:of\s+(?:them|which)\s+)?(?:that|which|who)\s+"
                  r"((?:[\w’'-]+\s+){0,2}[\w’'-]+)")
# A figure standing for what was counted before it, then what befell them or what they did:
# "four were taken", "15,600 runners started the race and 14,912 finished".
_DONE = re.compile(r"\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+)?"
                   r"([\w’'-]+)")


def only_count(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """Where the figure at [start, end) counts something else (a plural noun follows it), the
    one figure of the sentence followed by what the question counts: "34 countries" of
    "employs about 21,000 people in 34 countries", asked in how many countries, and read as
    "21,000"; "3,100 people" read as "$640 million" (a sum counts no one). None where several
    are, or the reader's figure is followed by no noun ("27 votes to 14,": 14 votes)."""
    # The reader's span may run on past its figure ("41 countries and a prize fund of
    # €250,000"): what its figure counts follows the figure, not the span.
    head = figure_head(sentence, start, end)
    figure_end = head.end() if head else end
    if figure_phrase(sentence, start, end, question) or not (
            counts_other(sentence, end) or counts_other(sentence, figure_end)
            or A_SUM.match(sentence, start, end)):
        return None
    # Not the whole a part is of: "six events" of "in three of the six events".
    def found_in(heads: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
        return [phrase for head in heads if not in_a_name(sentence, head.start())
                and not _OF_A_WHOLE.search(sentence, 0, head.start())
                and (phrase := figure_phrase(sentence, head.start(), len(sentence), question))
                and not _COMPARED.match(sentence, phrase[1])]
    # A count in words only where digits count nothing asked, and not in a name ("Number Ten
    # staff", "the Big Four banks": capitalised inside the sentence).
    found = found_in(FIGURE_HEAD.finditer(sentence)) or found_in(
        h for h in WORD_HEAD.finditer(sentence)
        if h.start() == 0 or not h.group()[:1].isupper())
    if not found and A_SUM.match(sentence, start, end):  # not "4.6 million viewers"
        found = people_counted(sentence, question)
    return found[0] if len(found) == 1 else None


# Not the whole a part is of: "six events" of "in three of the six events".
_OF_A_WHOLE = re.compile(rf"(?:\d|{WORD_HEAD.pattern})\s+(?:out\s+)?of\s+"
                         r"(?:the\s+|its\s+|their\s+)?$", re.I)  # not "one of the 40 stops"
