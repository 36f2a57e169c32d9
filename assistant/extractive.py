"""The extractive answerer: no generative model; the answer IS the best evidence, quoted.

It leads with the short answer the reader found and the sentence that states it, adds a
differing figure from another article when sources conflict, and says how many other articles
report the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from index import Article, Embedder

from . import calibration
from .about import AboutLine, about_line
from .citing import CitationList
from .evidence import kind_fit, names_missing, sentence_vectors
from .question import Question
from .quotes import enquote
from .rerank import Evidence
from .roles import asked_role, other_holders
from .short import short_answer
from .types import Citation, ShortAnswer
from .words import terms

__all__ = ["ExtractiveDraft", "Findings", "compose_extractive", "corroborate", "human_date",
           "own_line_answer", "own_line_draft"]

AGREE_MIN_COSINE = 0.80  # two sentences this close say the same thing in other words
CONFLICT_MIN_COSINE = 0.5  # two figures' sentences this close may be about one event
MAX_AGREEING = 3
OTHER_HOLDERS_READ = 12  # the best sentences searched for other holders of a title asked about
# Another article's sentence shown for a date or who-question: one the reader would accept as
# an answer itself (its score over the abstention bar), this close in meaning (the same
# statement, reported differently). A differing figure and the sentence after the answer are
# shown on the same condition: the reader's scores are probabilities, not ratios to the best.
ACCOUNT_MIN_COSINE = 0.6
SAME_THING = 0.5  # overlap of the words after two figures for them to count the same thing
# A figure and the (up to three) words after it: "10,000 North Korean troops".
# A figure and the (up to 3) words after it, none a figure itself: in "In 2018 Starbucks closed
# 8,000 stores" the year's words stop before 8,000, which is read whole.
_FIGURE = re.compile(r"(\d[\d,.]*\d|\d)((?:\s+(?!\d)[\w’'-]+){0,3})")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _bar() -> float:
    return calibration.THRESHOLDS.abstain_below


@dataclass(frozen=True)
class Findings:
    """What a question's answer is made from: the question, its ranked evidence, their
    articles by id, and the embedder that compares sentences (the one the evidence was ranked
    with, so its sentence vectors are cached)."""

    question: Question
    ranked: Sequence[Evidence]
    articles: dict[str, Article]
    embedder: Embedder


@dataclass(frozen=True)
class ExtractiveDraft:
    text: str
    citations: list[Citation]
    short: ShortAnswer | None = None
    named: bool = False  # about an article the question names: it answers even off topic
    abstained: bool = False  # says that the article does not hold what was asked


def _figures(text: str) -> list[tuple[str, frozenset[str]]]:
    """(value, what it counts) for every figure of a sentence, years left out."""
    out = []
    for m in _FIGURE.finditer(text):
        value = m.group(1).replace(",", "").rstrip(".")
        if not _YEAR.fullmatch(value):
            out.append((value, frozenset(terms(m.group(2)))))
    return out


def _differs(a: str, b: str) -> bool:
    """Does b give another figure than a for the same thing?"""
    mine, theirs = _figures(a), _figures(b)
    values_a, values_b = {v for v, _ in mine}, {v for v, _ in theirs}
    for va, ua in mine:
        for vb, ub in theirs:
            if (va != vb and vb not in values_a and va not in values_b and ua and ub
                    and len(ua & ub) / len(ua | ub) >= SAME_THING):
                return True
    return False


def _conflicting(found: Findings, best: Evidence) -> Evidence | None:
    """A strong sentence giving a different figure for the same thing, from another article if
    one does: one naming whom the question names and close in meaning to the best sentence (a
    drug recall's cost is no other figure for a bridge's). The best sentence's own article
    needs neither: it is about the same story."""
    articles, names = found.articles, found.question.names
    differing = [ev for ev in found.ranked[:12] if ev is not best
                 and ev.score >= _bar() and _differs(best.text, ev.text)]
    others = [ev for ev in differing if ev.article_id != best.article_id
              and not names_missing(names, articles[ev.article_id].text)]
    close = []
    if others:
        vectors = sentence_vectors(found.embedder, [best.text] + [ev.text for ev in others])
        close = [ev for ev, sim in zip(others, vectors[1:] @ vectors[0], strict=True)
                 if float(sim) >= CONFLICT_MIN_COSINE]
    close += [ev for ev in differing if ev.article_id == best.article_id]
    close.sort(key=lambda ev: (ev.article_id == best.article_id, -ev.score))
    return close[0] if close else None


def _gives_answer(answer: str, sentence: str) -> bool:
    """Does the sentence give the short answer: every figure of it, and half its other words
    (stemmed) at least? A sentence close to the best one in meaning may still not name who or
    how many ("Russian President Vladimir Putin praised…" beside "the president praised…")."""
    wanted, held = set(terms(answer)), set(terms(sentence))
    figures = {w for w in wanted if w.isdigit()}
    return figures <= held and 2 * len(wanted & held) >= len(wanted)


def _agreeing(best: Evidence, ranked: Sequence[Evidence], embedder: Embedder,
              exclude: set[str], answer: str = "") -> list[Evidence]:
    """Sentences of other articles that say what the best one says (and no other figure),
    and, under a short answer, give it too."""
    others = [ev for ev in ranked[:24] if ev.article_id not in exclude
              and ev.article_id != best.article_id and not _differs(best.text, ev.text)
              and _gives_answer(answer, ev.text)]
    if not others:
        return []
    vectors = sentence_vectors(embedder, [best.text] + [ev.text for ev in others])
    sims = vectors[1:] @ vectors[0]
    chosen: list[Evidence] = []
    for ev, sim in sorted(zip(others, sims, strict=True), key=lambda x: -float(x[1])):
        if float(sim) >= AGREE_MIN_COSINE and ev.article_id not in {c.article_id for c in chosen}:
            chosen.append(ev)
    return chosen[:MAX_AGREEING]


def human_date(iso: str | None) -> str | None:
    """"2024-10-24" -> "24 October 2024"; "9 January 2026", as most articles write it (some
    pages print "09 January 2026" on their own date line, which is quoted as it stands)."""
    if not iso:
        return None
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _attribution(article: Article, with_title: bool) -> str:
    bits = [enquote(article.title)] if with_title else []
    bits += [b for b in (article.outlet, human_date(article.published)) if b]
    return f" ({', '.join(bits)})" if bits else ""


def _next_sentence(best: Evidence, ranked: Sequence[Evidence], text: str) -> Evidence | None:
    """The sentence right after the best one, when it is relevant too: a sentence that restates
    the question is often followed by the one that answers it."""
    for ev in ranked[1:]:
        if (ev.article_id == best.article_id and ev.start > best.end
                and not text[best.end:ev.start].strip() and ev.score >= _bar()):
            return ev
    return None


def _agreement(found: Findings, anchor: Evidence, cites: CitationList, exclude: set[str],
               answer: str) -> str | None:
    agreeing = _agreeing(anchor, found.ranked, found.embedder, exclude, answer)
    if not agreeing:
        return None
    articles = found.articles
    marks = "".join(f"[{cites.cite(articles[ev.article_id], ev.start, ev.end)}]"
                    for ev in [anchor, *agreeing])
    outlets = {articles[ev.article_id].outlet for ev in [anchor, *agreeing]} - {None}
    who = f"{len(agreeing) + 1} articles" + (
        f" ({len(outlets)} outlets named)" if len(outlets) > 1 else "")
    return f"{who} report this {marks}."


def _other_account(found: Findings, anchor: Evidence) -> Evidence | None:
    """Another article's version of the same statement that names a different date or source
    (a decree "signed Monday" against "ratified on Tuesday"; "according to local media" against
    "according to KCNA"): date and who-questions, where reports often differ."""
    question, articles, kind = found.question, found.articles, found.question.kind
    if kind not in ("date", "person"):
        return None
    # Each names something the other does not: the same source or date said twice in other
    # words ("Yoon said…" in two outlets) is agreement, not another account.
    # Only other outlets' copies of the same story: a date from an unrelated story is no
    # other account of this event.
    story = articles[anchor.article_id].story_id
    others = [ev for ev in found.ranked[:12] if ev.article_id != anchor.article_id
              and story is not None and articles[ev.article_id].story_id == story
              and ev.score >= _bar()
              and kind_fit(kind, ev.text, anchor.text + " " + question.text) == 1.0
              and kind_fit(kind, anchor.text, ev.text + " " + question.text) == 1.0]
    if not others:
        return None
    vectors = sentence_vectors(found.embedder, [anchor.text] + [ev.text for ev in others])
    close = [ev for ev, sim in zip(others, vectors[1:] @ vectors[0], strict=True)
             if float(sim) >= ACCOUNT_MIN_COSINE]
    return close[0] if close else None


def _differing(found: Findings, anchor: Evidence, cites: CitationList, stated: str
               ) -> tuple[Evidence, str] | None:
    """The other report worth showing next to the anchor, with its line of the answer."""
    if found.question.kind == "number":
        conflict = _conflicting(found, anchor)
        if conflict is None or all(v in stated.replace(",", "")
                                   for v, _ in _figures(conflict.text)):
            return None
        # The best sentence's own article is no other report: said as what it is.
        lead = ("The same article also gives:" if conflict.article_id == anchor.article_id
                else "Another report gives a different figure:")
    else:
        conflict = _other_account(found, anchor)
        if conflict is None:
            return None
        lead = "Another report says:"
    n = cites.cite(found.articles[conflict.article_id], conflict.start, conflict.end)
    # No full stop after the mark: the quote ends with its own.
    return conflict, f"{lead} {enquote(conflict.text)} [{n}]"


def corroborate(found: Findings, anchor: Evidence, cites: CitationList, stated: str = "",
                answer: str = "") -> list[str]:
    """What other sources add to the answer anchored on `anchor`: a differing figure for the
    same thing (number questions) or another date or source (date and who-questions), and how
    many articles agree. `stated` is the answer so far: a figure it already gives is not
    repeated; `answer` its short answer, which an agreeing sentence must give too. The
    differing report comes first: it must land within the answer's opening."""
    parts: list[str] = []
    used = {anchor.article_id}
    differing = _differing(found, anchor, cites, stated)
    if differing is not None:
        conflict, line = differing
        parts.append(line)
        used.add(conflict.article_id)
    agree = _agreement(found, anchor, cites, used, answer)
    if agree:
        parts.append(agree)
    return parts


def own_line_answer(found: Findings, short: bool, named: str | None = None
                    ) -> ExtractiveDraft | None:
    """Asked about the article itself (`Question.kind` "meta": `named`, the one the question
    names, else the best sentence's), its own line saying it ("Updated 24 October 2024"),
    quoted, with what is asked leading the answer (`about`); None when it has none."""
    article = found.articles[named or found.ranked[0].article_id]
    line = about_line(found.question.text, article.text)
    return None if line is None else own_line_draft(article, line, short)


def own_line_draft(article: Article, line: AboutLine, short: bool) -> ExtractiveDraft:
    """The article's own line quoted, led (`short`) by what it says of the article."""
    cites = CitationList()
    n = cites.cite(article, line.start, line.end)
    text = article.text[line.answer_start:line.answer_end]
    quoted = f"{enquote(article.text[line.start:line.end])} [{n}]{_attribution(article, True)}"
    if not short:
        return ExtractiveDraft(quoted, cites.items)
    lead = ShortAnswer(text, n, line.answer_start, line.answer_end)
    return ExtractiveDraft(f"{text} — {quoted}", cites.items, lead)


def _other_holders(found: Findings, lead: str, cites: CitationList) -> list[str]:
    """"The articles also name as president: Yoon Suk Yeol [2] and Andrzej Duda [3]." under
    an answer to "Who is the president?" (`roles.other_holders`), each cited."""
    role = asked_role(found.question.text)
    ranked = found.ranked[:OTHER_HOLDERS_READ]
    others = other_holders(found.question.text, lead, [ev.text for ev in ranked])
    if role is None or not others:
        return []
    named = []
    for i, holder in others:
        ev = ranked[i]
        n = cites.cite(found.articles[ev.article_id], ev.start, ev.end)
        named.append(f"{holder.name} [{n}]")
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    title = role.role.upper() if role.role == "ceo" else role.role
    return [f"The articles also name as {title}: {listed}."]


def compose_extractive(found: Findings, short: bool = True) -> ExtractiveDraft:
    """The answer from the ranked sentences (a question about the article itself is answered
    from its own line first, `own_line_answer`, by the caller)."""
    question, ranked = found.question, found.ranked
    best = ranked[0]
    article = found.articles[best.article_id]
    cites = CitationList()
    lead = [best]
    following = _next_sentence(best, ranked, article.text)
    if following is not None and len(best.text.split()) + len(following.text.split()) <= 55:
        lead.append(following)
    quoted = " ".join(f"{enquote(ev.text)} [{cites.cite(article, ev.start, ev.end)}]"
                      for ev in lead)
    span = (short_answer(best, cites.items[0], question.kind, question.text, article.title)
            if short else None)
    lead_in = f"{span.text} — " if span else ""
    parts = [lead_in + quoted + _attribution(article, question.kind == "meta")]
    parts += corroborate(found, best, cites, quoted, span.text if span else "")
    if span is not None:
        parts += _other_holders(found, span.text, cites)
    return ExtractiveDraft(" ".join(parts), cites.items, span)
