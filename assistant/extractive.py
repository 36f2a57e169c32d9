"""The extractive answerer: no generative model; the answer IS the best evidence, quoted.

It leads with the short answer the reader found and the sentence that states it, adds a
differing figure from another article when sources conflict, and says how many other articles
report the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from index import Article, Embedder

from .about import AboutLine, about_line
from .attributing import attribution, other_figure
from .causes import cause_after
from .citing import CitationList
from .conflict import conflicting, differs, figures, latest
from .corrections import Correction, correction_in, correction_line, correction_of
from .evidence import kind_fit, sentence_vectors
from .findings import Findings, shown_bar
from .generative import renumber
from .other_holders import other_holders
from .own_holder import own_holder_answer
from .question import Question
from .quotes import enquote
from .relative_dates import counted_from
from .rerank import Evidence
from .revisions import revised, revised_answer
from .roles import asked_role
from .short import short_answer
from .types import Citation, ShortAnswer
from .words import terms
from .yes_no import yes_no

__all__ = ["ExtractiveDraft", "Findings", "attribution", "compose_extractive", "corroborate",
           "corroborated", "led_by", "own_line_answer", "own_line_draft"]

AGREE_MIN_COSINE = 0.80  # two sentences this close say the same thing in other words
MAX_AGREEING = 3
OTHER_HOLDERS_READ = 12  # the best sentences searched for other holders of a title asked about
# Another article's sentence shown for a date or who-question: one the reader would accept as
# an answer itself (its score over the abstention bar), this close in meaning (the same
# statement, reported differently). A differing figure and the sentence after the answer are
# shown on the same condition: the reader's scores are probabilities, not ratios to the best.
ACCOUNT_MIN_COSINE = 0.6


@dataclass(frozen=True)
class ExtractiveDraft:
    text: str
    citations: list[Citation]
    short: ShortAnswer | None = None
    named: bool = False  # about an article the question names: it answers even off topic
    abstained: bool = False  # says that the article does not hold what was asked


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
              and ev.article_id != best.article_id and not differs(best.text, ev.text)
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


def led_by(article: Article, quoted: tuple[int, int], lead: tuple[int, int],
           attributed: bool = False) -> ExtractiveDraft:
    """The article's span `quoted`, quoted, led by its span `lead` as the short answer
    ("Henrik Dahl — “…defeating the incumbent Henrik Dahl…” [1]"); both article offsets."""
    cites = CitationList()
    n = cites.cite(article, *quoted)
    name = article.text[lead[0]:lead[1]]
    text = (f"{name} — {enquote(cites.items[0].quote)} [{n}]"
            + (attribution(article, False) if attributed else ""))
    return ExtractiveDraft(text, cites.items, ShortAnswer(name, n, *lead, 1.0))


def _next_sentence(best: Evidence, ranked: Sequence[Evidence], text: str) -> Evidence | None:
    """The sentence right after the best one, when it is relevant too: a sentence that restates
    the question is often followed by the one that answers it."""
    for ev in ranked[1:]:
        if (ev.article_id == best.article_id and ev.start > best.end and not ev.caption
                and not text[best.end:ev.start].strip() and ev.score >= shown_bar()):
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
              and ev.score >= shown_bar()
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
        conflict = conflicting(found, anchor)
        # Not a figure the answer gives already; one in words ("Four people have died") is
        # never among them.
        given = [v for v, *_ in figures(conflict.text)] if conflict else []
        if conflict is None or (given and all(v in stated.replace(",", "") for v in given)):
            return None
        lead = other_figure(found.articles[anchor.article_id],
                             found.articles[conflict.article_id])
    else:
        conflict = _other_account(found, anchor)
        if conflict is None:
            return None
        lead = "Another report says:"
    n = cites.cite(found.articles[conflict.article_id], conflict.start, conflict.end)
    # No full stop after the mark: the quote ends with its own.
    return conflict, f"{lead} {enquote(conflict.text)} [{n}]"


def corroborate(found: Findings, anchor: Evidence, cites: CitationList, stated: str = "",
                answer: str = "", corrected: str = "") -> list[str]:
    """What other sources add to the answer anchored on `anchor`: a differing figure for the
    same thing (number questions) or another date or source (date and who-questions), and how
    many articles agree. `stated` is the answer so far: a figure it already gives is not
    repeated; `answer` its short answer, which an agreeing sentence must give too. The
    differing report comes first: it must land within the answer's opening. `corrected`: the
    article of a correction quoted already, which agrees with nothing (it quotes the error)."""
    parts: list[str] = []
    used = {anchor.article_id} | ({corrected} if corrected else set())
    differing = _differing(found, anchor, cites, stated)
    if differing is not None:
        conflict, line = differing
        parts.append(line)
        used.add(conflict.article_id)
    agree = _agreement(found, anchor, cites, used, answer)
    if agree:
        parts.append(agree)
    return parts


def corroborated(findings: Findings, text: str, citations: list[Citation]
             ) -> tuple[str, list[Citation]]:
    """A model's verified answer plus what other sources say: a differing figure, and how
    many articles agree with the sentence it cites first."""
    first = citations[0]
    anchor = next((ev for ev in findings.ranked if ev.article_id == first.article_id
                   and ev.start <= first.start and first.end <= ev.end), None)
    if anchor is None:
        return text, citations
    cites = CitationList()
    cites.items = list(citations)
    extra = corroborate(findings, anchor, cites, text)
    return renumber(" ".join([text, *extra]), cites.items) if extra else (text, citations)


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
    quoted = f"{enquote(article.text[line.start:line.end])} [{n}]{attribution(article, True)}"
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


def _with_next(best: Evidence, ranked: Sequence[Evidence], text: str,
               question: Question | None = None) -> list[Evidence]:
    """The best sentence, and the next one where it is relevant too and both are short, or
    where it states the cause asked for (`causes.cause_after`), however long."""
    following = _next_sentence(best, ranked, text)
    if following is not None and len(best.text.split()) + len(following.text.split()) <= 55:
        return [best, following]
    cause = cause_after(question, best, text) if question is not None else None
    if cause is not None:
        return [best, replace(best, start=cause[0], end=cause[1], text=text[slice(*cause)],
                              answer=None)]
    return [best]


def _lead(found: Findings, best: Evidence, citation: Citation, short: bool
          ) -> tuple[ShortAnswer | None, Correction | None, str]:
    """What leads the quote (`short`): the short answer, or "Yes"/"No" (`yes_no`), unless a
    later correction withdraws what it would say; with that correction, and the lead-in."""
    question, article = found.question, found.articles[best.article_id]
    span = (short_answer(best, citation, question.kind, question.text, article.title,
                         article.published, article.text)
            or own_holder_answer(question.text, best, citation, article) if short else None)
    # Shown the earlier report alone, a reader would take what a later one withdrew as so.
    fixed = (correction_of(found, best.article_id, span.text) if span
             else correction_in(found, best.article_id, best.text))
    verdict = None if fixed or not short else yes_no(
        question.text, best.text, question.query if question.follow_up else "")
    # "Did he plead guilty?" is not answered "in January"
    span = None if fixed or verdict else span
    lead = verdict or (span.text if span else "")
    return span, fixed, f"{lead} — " if lead else ""


def compose_extractive(found: Findings, short: bool = True) -> ExtractiveDraft:
    """The answer from the ranked sentences (a question about the article itself is answered
    from its own line first, `own_line_answer`, by the caller)."""
    question, ranked = found.question, found.ranked
    best = latest(found, ranked[0])  # a later report's figure of the same story leads
    if short and (revision := revised(found, best)):
        return ExtractiveDraft(*revised_answer(found, revision))
    article = found.articles[best.article_id]
    cites = CitationList()
    quoted = " ".join(f"{enquote(ev.text)} [{cites.cite(article, ev.start, ev.end)}]"
                      for ev in _with_next(best, ranked, article.text, question))
    span, fixed, lead = _lead(found, best, cites.items[0], short)
    parts = [lead + quoted + attribution(article, question.kind == "meta")]
    if fixed is not None:
        parts.append(correction_line(fixed, cites))
    if question.kind == "date" and (counted := counted_from(best.text, article.published)):
        parts.append(counted)
    parts += corroborate(found, best, cites, quoted, span.text if span else "",
                         fixed.article.id if fixed else "")
    if span is not None:
        parts += _other_holders(found, span.text, cites)
    return ExtractiveDraft(" ".join(parts), cites.items, span)
