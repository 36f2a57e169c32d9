"""Labelled lines: a list's "Label: Name", as a review's cast and credits give them ("Edith
Carney: Martha Quayle", "Director: Tomasz Brennan-Wolski", "Sound: Joel Akintola").

Such a line says one thing: that the name is the label's, the character played or the role
held. Read as a sentence among the story's, it shares the article's every word with the
reader's eye and led answers to questions about other things: "Who wrote The Lighthouse
Keeper's Wife?" was answered "Edith Carney" (relevance 0.47), "Where is … on?" quoted it. So it
is read only for a question about its label or its name ("Who plays Edith?", "Who did the
sound?"), and asked who is the label's, by its verb ("Who directed …?") or its words ("Who is
the director?", "Who plays Edith?"), the name is the answer. Its label may be asked in other
words (`_OTHER_WORDS`): who runs a firm is its chief executive or chairman, where it is based
its headquarters, who stars a character's player. (A role's line read for any question
answered "Who spoke for the unions about the Veltmark deal?" with "Chairman: …".)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from index import is_caption

from .titled import NAME
from .words import WEEKDAYS, asking_terms, terms, verb_bases

if TYPE_CHECKING:  # rerank reads its candidates through shortlist, which reads this
    from index import Article

    from .rerank import Evidence

__all__ = ["asks_label", "label_first", "label_holder", "labelled", "of_work"]

# The label: a few words, the first capitalised ("Set and costume", "Mr Penrose"); the name:
# two capitalised words or more, or several such names ("Ruairí Mac Aodha", "A Lee and B Roe").
# Not a sentence: no end mark ("Running time: 2 hours 20 minutes, including one interval.").
_PERSON = rf"(?=\S+\s+[A-Z]){NAME}"
_LINE = re.compile(rf"^\s*(?P<label>[A-Z][\w’'.-]*(?:\s+(?:[\w’'.-]+|&)){{0,4}}?)\s*:\s+"
                   rf"(?P<name>{_PERSON}(?:\s*(?:,|&|\band\b)\s*{_PERSON})*)\s*$")
# The writer of a work is credited under other words than the verb's: "Playwright: …".
_WRITERS = frozenset(terms("playwright author writer script screenplay book words libretto"))
_POSSESSIVE = re.compile(r"\b[\w-]+[’']s\b")
_WHO = re.compile(r"^\W*(?:and\s+)?who\b", re.I)
_PREFIX = 5  # "direct" of "directed" is the "director"'s; not "play" the "playwright"'s
# A page's furniture or a quote run into a colon, title-cased, is no list's label: "Update: The
# Coast Road Has Reopened", "Read more: …", "Exclusive: …", "Q: John Smith", "Police said:
# Nobody Was Hurt". ("Home:"/"Away:" are a match's sides, a fact asked for: labels.)
_NOT_LABELS = frozenset({
    "update", "updated", "read more", "read", "more", "see also", "related", "watch", "listen",
    "exclusive", "breaking", "breaking news", "live", "opinion", "interview", "analysis",
    "comment", "editorial", "explainer", "review", "q", "a", "correction", "note"})
_QUOTING = frozenset({"said", "says", "told", "added", "asked", "wrote", "writes"})
# A role asked in other words: who runs a firm is its chief executive or chairman; where it is
# based, its headquarters; who stars, a character's player (`CAST`); which bands play, a day's
# line ("Friday: The Lumineers", `DAY`), read but not the answer to who (one day of three).
CAST, DAY = "<cast>", "<day>"
_OTHER_WORDS = {**dict.fromkeys(terms("run runs lead leads head heads boss charge"),
                                frozenset(terms("executive chairman chairwoman chair president"))),
                **dict.fromkeys(terms("based headquartered"), frozenset(terms("headquarters"))),
                **dict.fromkeys(terms("star stars cast actor actress appear"), frozenset({CAST})),
                **dict.fromkeys(terms("band bands act acts headline headlines headliner "
                                      "headliners lineup line-up perform performing playing"),
                                frozenset({DAY}))}
# A list's line of any kind, for the heading above it: "Tickets: £65 a day", "Age: Under-16s…".
_LIST_LINE = re.compile(r"^[A-Z][^:.!?]{0,40}:\s")
_ALTERNATIVES = re.compile(r"\s*(?:,|&|/|\band\b)\s*")


def labelled(sentence: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The label's and the name's spans (sentence offsets) of a labelled line, or None. A
    caption's credit or a byline ("Photo: Marek Doyle", "Reporter: Aled Brannock") is left to
    the captions' rules, a page's furniture and a quote (`_NOT_LABELS`) are no labels."""
    m = _LINE.match(sentence)
    if m is None or is_caption(sentence):
        return None
    label = m.group("label").casefold()
    if label in _NOT_LABELS or label.split()[-1] in _QUOTING:
        return None
    return m.span("label"), m.span("name")


def _character(label: str) -> bool:
    """A character's name ("Edith Carney", "Mr Penrose"): two words or more, all capitalised."""
    words = label.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def _roles(label: str) -> list[set[str]]:
    """What a question must ask to ask about the label, as sets of its words: any of a
    character's names ("Who plays Edith?"); else each role it joins ("Set and costume": the
    set's or the costume's) whole: "Man of the match" is not asked by "…the Kessington match?".
    A capitalised word qualifying the role's noun may go unsaid ("Kessington manager", "Chief
    executive"), but is no role itself ("Who scored for Kessington?")."""
    if _character(label):
        return [{t} for t in terms(label)]
    roles = []
    for part in _ALTERNATIVES.split(label):
        words = part.split()
        if len(words) > 1 and words[0][:1].isupper() and words[1][:1].islower() and terms(
                words[1]):
            words = words[1:]
        if said := set(terms(" ".join(words))):
            roles.append(said)
    return roles


def _matches(question: str, label: str, holder: bool = False) -> bool:
    """Does the question ask about the label: every word of one of its roles (`_roles`), or its
    doer's ("directed": "Director"; "wrote": "Writer", "Playwright"), or in other words
    (`_OTHER_WORDS`; a day's line not for who holds it, `holder`)?"""
    asked = verb_bases(set(terms(question))) - asking_terms()
    said = set(terms(label))
    if "write" in asked and said & _WRITERS:
        return True
    kinds = {CAST} if _character(label) else {DAY} if label.casefold() in WEEKDAYS else set()
    for other in asked & _OTHER_WORDS.keys():
        asked |= _OTHER_WORDS[other] - ({DAY} if holder else set())
    if asked & kinds:
        return True
    return any(all(any(q == s or (len(q) >= _PREFIX and s.startswith(q)) for q in asked)
                   for s in role) for role in _roles(label))


def asks_label(question: str, sentence: str) -> bool:
    """Does the question ask about what the labelled line says: its label, or its name? True
    for a sentence that is no labelled line."""
    spans = labelled(sentence)
    if spans is None:
        return True
    asked = verb_bases(set(terms(question))) - asking_terms()
    label, name = (sentence[slice(*s)] for s in spans)
    return _matches(question, label) or bool(asked & set(terms(name)))




def label_holder(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked who did what the label names ("Who directed …?" over "Director: Tomasz
    Brennan-Wolski", "Who did the sound?"), who holds it ("Who is the director?") or who plays
    the character ("Who plays Edith?" over "Edith Carney: Martha Quayle"), the name: sentence
    offsets. Not asked about its label ("What part does Martha Quayle play?", "Who plays
    Edith's husband?"), None."""
    spans = labelled(sentence)
    if spans is None or not _WHO.match(question):
        return None
    # "Who plays Edith's husband?" asks about another than Edith: not her line.
    asked = _POSSESSIVE.sub(" ", question)
    return spans[1] if _matches(asked, sentence[slice(*spans[0])], holder=True) else None


def label_first(question: str, ranked: Sequence[Evidence],
                articles: Mapping[str, Article] | None = None) -> list[Evidence] | None:
    """Asked who is the label's, the ranking with the first labelled line giving it put first
    (the reader scores a line of a list low: "Director: Tomasz Brennan-Wolski" came fourth for
    "Who directed …?"), or None: a line of the best sentence's article only (a list of
    credits is one work's, not any that shares a word with the question), and of the work the
    question names (`of_work`)."""
    if not ranked:
        return None
    first = next((ev for ev in ranked if ev.article_id == ranked[0].article_id
                  and label_holder(question, ev.text) is not None
                  and of_work(question, ev.text, ev.start, (articles or {}).get(ev.article_id))),
                 None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def of_work(question: str, line: str, start: int, article: Article | None) -> bool:
    """Is the list the line (at `start` in the article) is in that of what the question names?
    Each name (a word of it) is on the line, in the article's title or the list's heading: a
    review's credits are its play's, not another's its text mentions ("Who was the director of
    Salt Ledger?", the writer's first play, is not answered by "Director: …" of The Lighthouse
    Keeper's Wife's). True for a sentence that is no labelled line."""
    from .evidence import question_names  # evidence reads the shortlist's modules

    if article is None or labelled(line) is None:
        return True
    said = set(terms(f"{line}\n{article.title}\n{_heading(article.text, start)}"))
    named = (set(terms(" ".join(name))) for name in question_names(question))
    return all(not words or words & said for words in named)


def _heading(text: str, start: int) -> str:
    """The line above the list a line at `start` is in: the first before it that is no list's
    line ("## Cast and creative team", "Match facts")."""
    lines = text[:start].split("\n")[:-1]
    for line in reversed(lines):
        line = line.strip().lstrip("-*•#· ").strip()
        if line and not _LIST_LINE.match(line):
            return line
    return ""
