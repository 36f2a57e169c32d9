"""A later report that revises the answer in so many words: "The number of job cuts has been
revised down to about 450, from the 600 announced last week", "The shareholder vote, which had
been scheduled for April 15, has been moved to May 6", "$4.90 per share, up from $4.30", "about
5,100 workers, not 4,600 as previously reported", "gave the attendance as 18,412; the correct
figure was 18,142". Where
the best sentence gives the old figure or date, the revising sentence leads with the new one,
however weakly the reader scores it (it rarely repeats the question's words), and the earlier
report is quoted beside it. A figure that merely differs is `conflict.latest`'s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import Article

from .attributing import attribution, other_figure
from .citing import CitationList
from .findings import Findings
from .quotes import enquote
from .relative_dates import counted_from
from .rerank import Evidence
from .types import Citation, ShortAnswer
from .words import MONTH_NAME, asking_terms, specific_figure, terms

__all__ = ["Revision", "revised", "revised_answer"]

_FIG = r"[$£€]?\d[\d,.]*\d(?:\s*(?:%|million|billion))?|[$£€]?\d(?:\s*(?:%|million|billion))?"
_DATE = (rf"{MONTH_NAME}\s+\d{{1,2}}\b(?:,\s+\d{{4}})?|\d{{1,2}}\s+{MONTH_NAME}(?:\s+\d{{4}})?"
         rf"|{MONTH_NAME}\s+\d{{4}}")
_QUALIFIER = r"(?:about|around|some|roughly|nearly|almost)\s+"
# "revised down to about 450, from the 600 announced last week"
_REVISED = re.compile(
    r"\b(?:revised|raised|lowered|cut|increased|reduced|corrected|changed|upgraded|downgraded)"
    rf"\s+(?:(?:down|up)(?:wards?)?\s+)?to\s+(?P<new>(?:{_QUALIFIER})?(?:{_FIG}))[^.;]{{0,60}}?"
    rf"\bfrom\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){{0,4}}?(?P<old>{_FIG})", re.I)
# "$4.90 per share, up from $4.30"; "now valued at €5.2 million, up from … €3.5 million"
_UP_FROM = re.compile(rf"(?P<new>{_FIG})[^.;]{{0,30}}?,?\s+(?:up|down)\s+from\s+(?:the\s+|an?\s+)?"
                      rf"(?:[\w’'-]+\s+){{0,5}}?(?P<old>{_FIG})", re.I)
# "about 5,100 workers at the operator, not 4,600 as previously reported"
_NOT_AS = re.compile(rf"(?P<new>(?:{_QUALIFIER})?(?:{_FIG}))(?:(?!\d)[^.;]){{0,40}}?,?\s+not\s+"
                     r"(?:the\s+)?"
                     rf"(?P<old>{_FIG})\s+(?:as\s+)?(?:\w+\s+)?(?:previously|earlier|originally"
                     r"|first|initially|wrongly)\s+(?:reported|stated|said|given|announced)", re.I)
# "The report also gave the attendance as 18,412; the correct figure was 18,142."
_CORRECT = re.compile(rf"\bgave\s+[^.;]{{0,40}}?\bas\s+(?P<old>{_FIG})[;,]?\s+(?:but\s+)?the\s+"
                      rf"(?:correct|right|actual|true)\s+(?:figure|number|total)\s+(?:was|is)\s+"
                      rf"(?P<new>{_FIG})", re.I)
# "had been scheduled for April 15, has been moved to May 6"
_MOVED = re.compile(r"\b(?:moved|postponed|pushed\s+back|delayed|rescheduled|brought\s+forward)"
                    rf"\s+(?:to|until|for)\s+(?:no\s+earlier\s+than\s+)?(?P<new>{_DATE})"
                    rf"|(?P<old>{_DATE})[^.;]{{0,60}}?\b(?:moved|postponed|pushed\s+back"
                    rf"|delayed|rescheduled)\s+(?:to|until|for)\s+(?P<new2>{_DATE})", re.I)


@dataclass(frozen=True)
class Revision:
    """The revising sentence, where its new value is in it (article offsets), and the earlier
    report's sentence it revises."""

    evidence: Evidence
    new: tuple[int, int]
    earlier: Evidence


def _value(text: str) -> str:
    return re.sub(r"[\s,$£€]", "", text).casefold()


def _revision(sentence: str, kind: str) -> tuple[tuple[int, int], str] | None:
    """The new value's span in the sentence and the old value, if the sentence revises one."""
    if kind == "number":
        m = (_REVISED.search(sentence) or _UP_FROM.search(sentence) or _NOT_AS.search(sentence)
             or _CORRECT.search(sentence))
        return (m.span("new"), m.group("old")) if m else None
    m = _MOVED.search(sentence) if kind == "date" else None
    if m is None:
        return None
    group = "new" if m.group("new") else "new2"
    return m.span(group), m.group("old") or ""


def _about(question: str, sentence: str) -> bool:
    """The revision is of what was asked: it shares a word of the question besides how it asks
    ("job cuts" for "How many jobs will be cut…?")."""
    return bool((set(terms(question)) - asking_terms()) & set(terms(sentence)))


def _later(first: Article, then: Article) -> bool:
    return bool(first.published and then.published and then.published >= first.published)


def revised(found: Findings, best: Evidence) -> Revision | None:
    """A sentence of a report of the same day or later that revises the best sentence's figure
    or date (asked for one), among the best read."""
    kind, articles = found.question.kind, found.articles
    if kind not in ("number", "date"):
        return None
    for ev in found.ranked[:12]:
        rev = _revision(ev.text, kind) if ev is not best else None
        if rev is None or not _later(articles[best.article_id], articles[ev.article_id]):
            continue
        (a, b), old = rev
        said_before = old and _value(old) in _value(best.text)
        # A figure of three digits or more that the best sentence gives is what is revised,
        # in whatever words ("the attendance as 18,412" for "How many people watched…?").
        about = _about(found.question.text, ev.text) or (
            said_before and specific_figure(old))
        if ((said_before or (not old and kind == "date")) and about
                and _value(ev.text[a:b]) not in _value(best.text)):
            return Revision(ev, (ev.start + a, ev.start + b), best)
    return None


def revised_answer(found: Findings, revision: Revision
                   ) -> tuple[str, list[Citation], ShortAnswer]:
    """The revising sentence, led by its new value, and the earlier report it revises: the
    answer's text, citations and short answer."""
    ev, earlier = revision.evidence, revision.earlier
    article, before = found.articles[ev.article_id], found.articles[earlier.article_id]
    cites = CitationList()
    n = cites.cite(article, ev.start, ev.end)
    new = article.text[revision.new[0]:revision.new[1]]
    parts = [f"{new} — {enquote(ev.text)} [{n}]{attribution(article, False)}"]
    if found.question.kind == "date" and (counted := counted_from(ev.text, article.published)):
        parts.append(counted)
    m = cites.cite(before, earlier.start, earlier.end)
    parts.append(f"{other_figure(article, before)} {enquote(earlier.text)} [{m}]")
    short = ShortAnswer(new, n, revision.new[0], revision.new[1], round(ev.answer_score, 3))
    return " ".join(parts), cites.items, short
