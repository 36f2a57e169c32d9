"""The evidence judged: reranked, read in the order that answers best, and either answering
the question or with the reason the articles cannot."""

from __future__ import annotations

from dataclasses import dataclass

from index import Article, Embedder

from .asked_form import form_first, form_unsaid
from .causes import cause_first
from .compose import DOUBTED, Abstention, abstention, judged_again, stays_with, strayed
from .name_first import name_first
from .on_topic import on_topic_gate
from .own_holder import holder_of_it
from .plain_answer import plain_first
from .question import Question
from .reader import Reader
from .rerank import Evidence, rerank
from .retrieval import Retrieval
from .said_first import read_again, said_first
from .stray_quote import past_stray_quote
from .told_acts import act_first, tells_act
from .topicality import topicalities

__all__ = ["Ranking", "judge"]


@dataclass(frozen=True)
class Ranking:
    """The ranked evidence an answer was composed from, and how far the retrieved passages are
    about the question (`topicality.topicality`): what the tuning (`train/tune.py`) fits on."""

    evidence: tuple[Evidence, ...] = ()
    topicality: float = 0.0
    gate: float = 0.0  # the same without the words a question asks with: the off-topic bar's


def judge(asked: Question, found: Retrieval, reader: Reader | None, embedder: Embedder | None,
          retrieval_only: bool = False) -> tuple[Ranking, list[Evidence], Abstention | None]:
    """The evidence as reranked, the order it is read in (a sentence that plainly says what
    is asked first: `said_first`), and why the articles cannot answer (None: they can).
    `retrieval_only`: the ablation without the reader, which never abstains."""
    articles = found.articles
    ranked = rerank(asked, found.passages, articles, None if retrieval_only else reader,
                    embedder)
    ranking = Ranking(tuple(ranked), *topicalities(asked, found.passages))
    gate = on_topic_gate(asked, ranking.gate, ranked, articles)
    astray = strayed(asked, ranked, articles)
    reason = _judged(asked, ranked, ranking, gate, astray, articles) if (
        not retrieval_only or not ranked) else None
    # Doubted by the scores, a runner-up that plainly gives what is asked is read first, and
    # the ranking judged again: "…on a turnout of 72 per cent" under the by-election's turnout.
    # So too a runner-up of the best's article telling what was done, said or found, or why.
    doubted = reason is not None and reason.reason == DOUBTED
    plain = (plain_first(asked.text, ranked, asked.kind, articles)
             or act_first(asked.text, ranked, articles)) if doubted else None
    if plain is not None and stays_with(asked, plain, articles, astray):
        ranked, reason = plain, _judged(asked, plain, ranking, gate, astray, articles)
    # Answered as telling what was asked, it is not read past for a sentence sharing more of
    # the question's words ("What is Feldwick charged with?": not "He denies the charge.").
    told = doubted and reason is None and _tells(asked, ranked, articles)
    # "Who is Hong Min?", "Who is Holm's mayor?"
    said = said_first(asked.text, ranked, articles)
    if (said is not None and (reason is None or not reason.off_topic)
            and stays_with(asked, said, articles, astray)):
        return ranking, said, None
    again, judged = read_again(asked.text, asked.kind, ranked, reason)  # not Olsen's photo
    if not told and stays_with(asked, again, articles, astray):
        ranked, reason = again, judged
    # "Its chair, Dev Mistry-Hale, said…", read after the best that named no one
    named = name_first(asked.text, ranked, reason, articles)
    if named is not None and stays_with(asked, named, articles, astray):
        ranked, reason = named, judged_again(reason, named, asked.kind, asked.text)
    # "What colour is the E-Type?": "The silver-blue roadster…", read after the lede
    formed = form_first(asked.text, ranked)
    if formed is not None and stays_with(asked, formed, articles, astray):
        ranked, reason = formed, judged_again(reason, formed, asked.kind, asked.text)
    if reason is None and (unsaid := form_unsaid(asked.text, ranked)):
        reason = Abstention(unsaid)
    ranked = cause_first(asked, ranked, articles)  # not "…was unable to reach the corrie"
    # Not "'No family should…,' she said.": the sentence read in its place is judged again
    # where the reason was said of the quote alone ("how old is she?" had been turned away
    # for the quote's "26 years", over "Mrs Marinescu, 58, was treated…" read in its place).
    past = past_stray_quote(asked, ranked)
    if past is not ranked:
        ranked, reason = past, judged_again(reason, past, asked.kind, asked.text)
    if reason is None and ranked:  # "Herons head coach" for the Riverton team's coach
        ranked, reason = holder_of_it(asked.text, ranked, articles)
    return ranking, ranked, reason


def _tells(asked: Question, ranked: list[Evidence], articles: dict[str, Article]) -> bool:
    """`told_acts.tells_act` of the best sentence, given its article."""
    best = articles.get(ranked[0].article_id) if ranked else None
    return best is not None and tells_act(asked.text, ranked[0], f"{best.title}\n{best.text}")


def _judged(asked: Question, ranked: list[Evidence], ranking: Ranking, gate: float, astray: str,
            articles: dict[str, Article]) -> Abstention | None:
    """`abstention` of the ranking, its best sentence's headline given (`plainly_answers`)."""
    best = articles[ranked[0].article_id] if ranked else None
    told = _tells(asked, ranked, articles)
    return abstention(ranked, asked.dated, ranking.topicality, asked.kind, asked.follow_up,
                      astray, gate, asked.text, best.title if best else "",
                      (best.published or "")[:4] if best else "", told)
