"""Shortlist: which sentences of the retrieved passages the reader reads.

The reader is most of an answer's time (~7 ms a sentence here), so it reads a dozen sentences,
chosen by a cheap estimate of their worth: the rare words of the question they share, their
passage's similarity and rank. A question asked at no stated moment (not `Question.dated`: a
reader's own collection, not this week's news) also gets a few sentences from the rest of its
best articles: such questions are often about a detail that one article states a few lines from
the passage retrieval found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from math import log

from index import (
    Article,
    Passage,
    credit_span,
    find_date_line,
    is_page_notice,
    sentence_spans,
)
from index.sentence_vectors import MIN_SENTENCE_CHARS, worth_reading

from .injection import is_instruction
from .labelled import asks_label, labelled, of_work
from .question import Question
from .words import MONTHS, WEEKDAYS, WORD, asking_terms, terms

__all__ = ["CANDIDATES", "MORE_READ", "WHOLE_ARTICLES", "Candidate", "shortlist"]

# Sentences the reader scores per question (~7 ms each here, and ~5 ms for their vectors). On
# the tuning sets 12 abstained better than 16, with fewer near-misses read to hold up an
# abstention, and answered the natural questions better, the quiz a little worse (quiz 53.7 ->
# 52.8% right, abstention recall 68.0 -> 70.3 at 85% precision; natural 57.5 -> 60.0%, 70.0 ->
# 75.8).
CANDIDATES = 12
# Asked at no stated moment, the sentences beyond the retrieved passages of the best
# WHOLE_ARTICLES articles compete for MORE_READ more readings (measured on the tuning sets,
# 12-05: "Reading on in the best articles", `evals/HISTORY.md`). Not for a question asked at a
# stated moment: there the rest of the top article mostly offered distractors ("Michael
# Beschloss" for who attended the State of the Union), and the week's other reports carry the
# answer anyway; reading on only where such a question would abstain cost right abstentions
# for one answer gained ("A second look", same file).
WHOLE_ARTICLES = 2
MORE_READ = 4
# A caption's credit split off as a sentence, all in brackets ("(Millbrook Courier/Jae Park)"):
# it states nothing (asked who took the photo, `credits` reads the caption's whole line). A
# sentence in brackets may state something ("(Scott has been to the state five times.)").
_BRACKETED = re.compile(r"^\s*\([^()]*\)\s*$")
# A labelled line ("Director: Tomasz Brennan-Wolski") shares none of the words of the question
# asking about it ("Who directed …?"): asked, it is weighed as if it held them all.
LABEL_BONUS = 0.4
_HEAD_LINES = 6  # a title, a byline, the outlet, a date line: where a page's date line is
# The mark a sentence ends with, past closing quotes and brackets: none on a headline line.
SENTENCE_END = re.compile(r"([.!?…])[\"'”’)\]]*\s*$")
DAYS = WEEKDAYS | MONTHS  # named in a question, they say which of a list's days is asked


@dataclass(frozen=True)
class Candidate:
    """A sentence worth reading, with what the cheap estimate knew of it."""

    passage: int  # index into the passages list (for a sentence read on, its article's passage)
    article_id: str
    start: int
    end: int
    text: str
    lexical: float  # share of the question's rare-word weight it holds
    similar: float  # its passage's cosine to the question
    estimate: float


def _asks(sentence: str) -> bool:
    """A sentence that asks ("Did North Korea send troops to Russia?", a headline or a
    subheading) states no answer, though it shares every word with the question."""
    end = SENTENCE_END.search(sentence)
    return end is not None and end.group(1) == "?"


def _readable(text: str, start: int, end: int, outlet: str | None = None) -> bool:
    # A page's date line ("Updated 24 October 2024") is about the page, not the story: only
    # a question about the article itself quotes it (`about`), and it does so on its own.
    sentence = text[start:end]
    # And its whole line: a sentence can end inside a date line ("Updated 11:45 p.m. EST, Mon.").
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]
    # Near the top, a date alone with the page's name is its date line too ("Space Ledger |
    # November 5, 2025"); not a sentence ending as one does ("The launch is set for Tuesday,
    # November 4, 2025.").
    head = text.count("\n", 0, start) < _HEAD_LINES and not SENTENCE_END.search(line)
    dated = find_date_line(line, alone=head)
    # Long enough, or a short clause with a figure ("Tickets £15–£42."): the same test decides
    # which sentences an ingest stores vectors for, so a candidate finds its stored vector
    # (in a store made before short clauses were read, it is embedded when read).
    return (worth_reading(sentence) and not _asks(sentence) and not is_instruction(sentence)
            # nor a caption's credit split off ("(Reuters/Ann Lee)", "(Whitford Advertiser)")
            and not (_BRACKETED.match(sentence) and credit_span(sentence, outlet))
            and find_date_line(sentence) is None and dated is None
            # nor is its notice that it was amended ("This article was amended on 9 …")
            and not is_page_notice(sentence))


def _in_passages(passages: Sequence[Passage], articles: dict[str, Article]
                 ) -> list[tuple[int, str, int, int]]:
    seen: set[tuple[str, int]] = set()
    out: list[tuple[int, str, int, int]] = []
    for i, p in enumerate(passages):
        text, outlet = articles[p.article_id].text, articles[p.article_id].outlet
        # A passage ends mid-sentence only where a sentence was longer than a chunk: that part
        # of it is the candidate.
        for a, b in sentence_spans(text, p.start, p.end):
            start, end = max(a, p.start), min(b, p.end)
            if (start < end and (p.article_id, start) not in seen
                    and _readable(text, start, end, outlet)):
                seen.add((p.article_id, start))
                out.append((i, p.article_id, start, end))
    return out


def _read_on(passages: Sequence[Passage], articles: dict[str, Article],
             found: list[tuple[int, str, int, int]]) -> list[tuple[int, str, int, int]]:
    """The other sentences of the best WHOLE_ARTICLES articles, each under its article's first
    passage (whose rank and similarity it shares). A sentence the passages hold in part (a
    passage starting mid-sentence) is not read again whole."""
    first: dict[str, int] = {}
    for i, p in enumerate(passages):
        first.setdefault(p.article_id, i)
    out = []
    for aid, i in list(first.items())[:WHOLE_ARTICLES]:
        text, outlet = articles[aid].text, articles[aid].outlet
        held = [(s, e) for _, other, s, e in found if other == aid]
        out += [(i, aid, a, b) for a, b in sentence_spans(text)
                if not any(a < e and s < b for s, e in held) and _readable(text, a, b, outlet)]
    return out


def _for_question(question: Question, spans: list[tuple[int, str, int, int]],
                  articles: dict[str, Article]) -> list[tuple[int, str, int, int]]:
    """The spans worth reading for this question: a short clause ("Tickets £15–£42.") only
    where it is about what is asked (`_clause_fits`). It says one thing, and the reader rates
    a short piece high whatever it says: "Tickets £15–£42." led for "How long is the play?"
    over "Running time: 2 hours 20 minutes, including one interval.". A labelled line ("Edith
    Carney: Martha Quayle") only for a question about its label or name (`labelled`)."""
    return [c for c in spans if (c[3] - c[2] >= MIN_SENTENCE_CHARS
                                 or _clause_fits(question, articles[c[1]], c[2], c[3]))
            and _label_read(question.text, articles[c[1]], c[2], c[3])]


def _label_read(question: str, article: Article, start: int, end: int) -> bool:
    """A labelled line asked about, of the work the question names ("Director: …" of one
    play's credits is no answer to who directed another its review mentions)."""
    line = article.text[start:end]
    return asks_label(question, line) and of_work(question, line, start, article)


def _clause_fits(question: Question, article: Article, start: int, end: int) -> bool:
    """Does the short clause share a word with the question, and does what it is said of (its
    line: a listing's show, a forecast's day; the line before, for a clause opening its line: a
    heading; the article's title: the play reviewed) hold the question's names (the last word
    of each, a day or month) and half its words? "Tickets £16." of a comedy listing had
    answered "How much is an adult ticket for the quarter-final?" and "… for Much Ado About
    Nothing?"; "Monday: showers. High 10C." "What will the high be on Saturday?", on the one
    word "ticket" or "high" they shared."""
    text = article.text
    asked = set(terms(question.query)) - asking_terms()
    clause = set(terms(text[start:end]))
    if not asked & clause:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if "\n" in text[end:] else len(text)
    # Not the line before a clause ending its line: a listing's previous show
    opens = not text[line_start:start].strip()
    before = text[:line_start].rstrip().rpartition("\n")[2] if opens else ""
    near = clause | set(terms(f"{text[line_start:line_end]}\n{before}"))
    said = near | set(terms(article.title))
    # A day is a list's line's own ("Monday: showers."), though a forecast's title names all
    days = {w for w in WORD.findall(question.query) if w[:1].isupper() and w.casefold() in DAYS}
    return (all(set(terms(name[-1])) <= said for name in question.names)
            and set(terms(" ".join(days))) <= near and 2 * len(asked & said) >= len(asked))


def _lexical(query_terms: list[str], basis: list[list[str]], sentences: list[list[str]]
             ) -> list[float]:
    """Share of the question's term weight each sentence covers; terms rarer among the
    `basis` sentences (the passages') weigh more."""
    n = len(basis)
    unique = set(query_terms)
    df = {t: sum(t in s for s in basis) for t in unique}
    weight = {t: log((n + 1) / (df[t] + 0.5)) + 0.1 for t in unique}
    total = sum(weight.values()) or 1.0
    return [sum(weight[t] for t in unique if t in set(s)) / total for s in sentences]


def _similarities(passages: Sequence[Passage]) -> list[float]:
    """Each passage's cosine to the question; a passage found by BM25 alone gets the lowest
    one retrieved, so that its keyword hits still count."""
    floor = min((p.dense_score for p in passages if p.dense_score is not None), default=0.0)
    return [floor if p.dense_score is None else p.dense_score for p in passages]


def _best(estimates: list[float], limit: int) -> list[int]:
    """The `limit` best by estimate, in their original order."""
    return sorted(sorted(range(len(estimates)), key=lambda i: -estimates[i])[:limit])


def shortlist(question: Question, passages: Sequence[Passage], articles: dict[str, Article],
              limit: int = CANDIDATES, read_on: bool = True) -> list[Candidate]:
    """The `limit` candidates of the passages most worth the reader's time (a sentence sharing
    no word with the question from a distant passage rarely answers it), then, with `read_on`,
    for a question asked at no stated moment up to MORE_READ of the rest of its best articles."""
    found = _in_passages(passages, articles)
    more = _read_on(passages, articles, found) if read_on and not question.dated else []
    found, more = _for_question(question, found, articles), _for_question(question, more, articles)
    spans = found + more
    texts = [articles[a].text[s:e] for _, a, s, e in spans]
    words = [terms(t) for t in texts]
    # Word rarity among the passages' sentences alone: reading on leaves their choice as it was.
    lexical = _lexical(terms(question.query), words[:len(found)], words)
    similar = _similarities(passages)
    estimates = [0.5 * similar[c[0]] + 0.4 * lx - 0.01 * c[0]
                 + (LABEL_BONUS if labelled(t) else 0.0)
                 for c, lx, t in zip(spans, lexical, texts, strict=True)]
    n = len(found)
    keep = _best(estimates[:n], limit) + [n + j for j in _best(estimates[n:], MORE_READ)]
    return [Candidate(*spans[i], texts[i], lexical[i], similar[spans[i][0]], estimates[i])
            for i in keep]
