"""Reports that give different figures for the same thing, and which of them leads.

"How many votes did Okonkwo get?" over the first day's count (48,312) and the final one
(51,028), or a death toll that rose from 14 to 37: both are quoted, and where the reports are
of one story, the later one's figure leads. Among equally good answers the more recent
article wins (issue 12); a figure that changed is the case where that matters most.
"""

from __future__ import annotations

import re

from .evidence import names_missing, sentence_vectors
from .fates import counting_words, fate_count, states_fate
from .findings import Findings, shown_bar
from .rerank import Evidence
from .withdrawn import RETRACTED
from .words import asking_terms, terms

__all__ = ["CONFLICT_MIN_COSINE", "conflicting", "differs", "figures", "latest"]

CONFLICT_MIN_COSINE = 0.5  # two figures' sentences this close may be about one event
# A later report's figure leads where the reader scores its sentence at least this share of
# the best one's: close in meaning and naming whom the question names (`conflicting`), it is
# the same story's newer figure, not a weaker sentence about something else.
LATEST_SHARE = 0.5
_AUXILIARIES = frozenset({"have", "has", "had", "do", "doe", "did", "is", "are", "was", "were",
                          "be", "been", "get", "got"})
SAME_THING = 0.5  # overlap of the words after two figures for them to count the same thing
# A figure and the (up to 3) words after it, none a figure itself: in "In 2018 Starbucks closed
# 8,000 stores" the year's words stop before 8,000, which is read whole. A share's words come
# after its sign: "15% contained".
_FIGURE = re.compile(r"(\d[\d,.]*\d|\d)%?((?:\s+(?!\d)[\w’'-]+){0,3})")
_YEAR = re.compile(r"(?:19|20)\d\d")


def figures(text: str) -> list[tuple[str, frozenset[str], str]]:
    """(value, what it counts, the stem of the word right after it) for every figure of a
    sentence, years left out."""
    out = []
    for m in _FIGURE.finditer(text):
        value = m.group(1).replace(",", "").rstrip(".")
        if not _YEAR.fullmatch(value):
            first = terms(m.group(2).split()[0]) if m.group(2).split() else []
            out.append((value, frozenset(terms(m.group(2))), first[0] if first else ""))
    return out


def differs(a: str, b: str, question: str = "") -> bool:
    """Does b give another figure than a for the same thing? Asked how many people met a
    fate ("How many died?"), the figures of that fate are compared ("37" of "the death toll
    has risen to 37" against "14 people have been killed"), not any two of people."""
    fated_a = fate_count(a, question)
    if fated_a:
        fated_b = fate_count(b, question)
        if fated_b is None:
            return False
        return _value(a[fated_a[0]:fated_a[1]]) != _value(b[fated_b[0]:fated_b[1]])
    mine, theirs = figures(a), figures(b)
    values_a, values_b = {v for v, *_ in mine}, {v for v, *_ in theirs}
    for va, ua, fa in _asked_figures(mine, question):
        for vb, ub, fb in theirs:
            # The same thing: the same word right after ("48,312 votes after…", "51,028 votes
            # to…"), or most of the words after alike.
            same = (fa and fa == fb) or (ua and ub and len(ua & ub) / len(ua | ub) >= SAME_THING)
            if va != vb and vb not in values_a and va not in values_b and same:
                return True
    return False


def _asked_figures(found: list[tuple[str, frozenset[str], str]], question: str
                   ) -> list[tuple[str, frozenset[str], str]]:
    """The figures of the thing asked about, where the sentence says which they are: asked how
    much of a fire is contained, "15% contained", not the "2,300 hectares" it burned, whose
    other figure in another report is no other figure for what was asked."""
    asked = set(terms(question)) - asking_terms()
    said = [f for f in found if f[1] & asked]
    return said or found


def _value(figure: str) -> str:
    return figure.replace(",", "").casefold()


def conflicting(found: Findings, best: Evidence) -> Evidence | None:
    """A strong sentence giving a different figure for the same thing, from another article if
    one does: one naming whom the question names and close in meaning to the best sentence (a
    drug recall's cost is no other figure for a bridge's). The best sentence's own article
    needs neither: it is about the same story."""
    articles, names = found.articles, found.question.names
    # A correction's account of what was wrong ("An earlier version said … 14 beds") is no
    # other figure: `corrections` quotes it as what it is.
    differing = [ev for ev in found.ranked[:12] if ev is not best and ev.score >= shown_bar()
                 and differs(best.text, ev.text, found.question.text)
                 and not RETRACTED.search(ev.text)]
    others = [ev for ev in differing if ev.article_id != best.article_id
              and not names_missing(names, articles[ev.article_id].text)]
    close = []
    if others:
        vectors = sentence_vectors(found.embedder, [best.text] + [ev.text for ev in others])
        # Or a toll of the fate asked about, in a report naming what the question names: "The
        # number of people killed in the Cedar Ridge fire has risen to seven" beside "Four
        # people have died" is one story's toll, though the two sentences share few words.
        tolled = bool(names) and states_fate(best.text, found.question.text) is True
        close = [ev for ev, sim in zip(others, vectors[1:] @ vectors[0], strict=True)
                 if float(sim) >= CONFLICT_MIN_COSINE
                 or (tolled and states_fate(ev.text, found.question.text) is True)]
    close += [ev for ev in differing if ev.article_id == best.article_id]
    close.sort(key=lambda ev: (ev.article_id == best.article_id, -ev.score))
    return close[0] if close else None


def _as_asked(found: Findings, best: Evidence, other: Evidence) -> bool:
    """Does the later sentence answer the question as the best one does: naming whom it
    names before its figure ("Henrik Dahl won 47,615 votes…" is no figure for Okonkwo's
    votes), and holding as much of what else it asks ("after the first day of counting" asks
    for the earlier count)?"""
    question = found.question
    # Named before its figure: the figure is theirs ("Okonkwo … won 51,028 votes"), not one
    # beside them ("Henrik Dahl won 47,615 votes in the election won by Okonkwo").
    first = _FIGURE.search(other.text)
    lead = other.text[:first.start()] if first else other.text
    if any(not any(re.search(rf"\b{re.escape(w)}", lead) for w in name)
           for name in question.names):
        return False
    named = {w.casefold() for name in question.names for w in name}
    asked = (set(terms(question.text)) - set(terms(" ".join(named))) - asking_terms()
             - counting_words(question.text) - _AUXILIARIES)
    return not (asked & set(terms(best.text))) - set(terms(other.text))


def latest(found: Findings, best: Evidence) -> Evidence:
    """The sentence whose figure leads: the best one's, or that of a report published later
    giving another figure for the same thing (`conflicting`), as surely of the kind asked for,
    nearly as strong and as much about what was asked (`_as_asked`): the final count beside
    the first day's."""
    if found.question.kind != "number" or best.fit < 1.0:
        return best
    other = conflicting(found, best)
    if other is None or other.fit < best.fit or other.score < LATEST_SHARE * best.score:
        return best
    if not _as_asked(found, best, other):
        return best
    first, then = found.articles[best.article_id], found.articles[other.article_id]
    later = (first.id != then.id and first.published and then.published
             and then.published > first.published)
    return other if later else best
