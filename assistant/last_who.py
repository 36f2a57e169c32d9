""""Who said that?" after an answer: whom its quoted sentence names as saying it. Searched as
a question of its own, "that" matched another quote's speaker (Hong Min, for a sentence about
what South Korea warned)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import Article, NewsIndex

from .citing import CitationList
from .compose import ABSTAIN_TEXT
from .extractive import ExtractiveDraft
from .followup import last_message
from .last_answer import (
    LastAnswerReply,
    first_sentence,
    last_quote,
    of_the_closest,
    quoted_articles,
)
from .quotes import enquote
from .speakers import described_speaker, named_speaker, pronoun_speaks
from .types import Message, ShortAnswer

__all__ = ["asks_who_said", "reply_who"]

# "Who said that?", "And who claimed this?"; not "Who said the treaty was illegal?" (it says
# what: searched), nor "Who wrote it?" (the article's author: `last_answer`).
_WHO_SAID = re.compile(r"^\W*(?:and\s+|so\s+)?who\s+(?:(?:said|says|told\s+\w+|stated|claimed"
                       r"|warned)\s+(?:that|this|it)(?:\s+(?:claim|statement|remark))?"
                       r"|made\s+(?:that|this)\s+(?:claim|statement|remark))\W*$", re.I)
_NOTE = "answered from the sentence the last answer quoted"


def asks_who_said(question: str) -> bool:
    """Does the question ask who said what was just quoted ("Who said that?")?"""
    return bool(_WHO_SAID.match(question))


def reply_who(question: str, history: Sequence[Message], index: NewsIndex
              ) -> LastAnswerReply | None:
    """Whom the last answer's quoted sentence names as saying it, leading that sentence again;
    after an abstention, said to be about the sentence it quoted as the closest. None where
    there is no such question or quote to go on."""
    if not asks_who_said(question) or (last := last_quote(history)) is None:
        return None
    located = quoted_articles(index, *last)
    if not located:
        return None
    reply = _speaker_of(*located[0])
    abstained = last_message(history, "assistant").startswith(ABSTAIN_TEXT)
    return of_the_closest(reply) if abstained else reply


def _speaker_of(article: Article, start: int, end: int) -> LastAnswerReply:
    """Who the quoted sentence says is speaking; where it names no one, that it is the
    article's own account (which is no answer to who said it)."""
    a, b = first_sentence(article, (start, end))
    cites = CitationList()
    n = cites.cite(article, a, b)
    quote = enquote(cites.items[0].quote)
    span = named_speaker(article.text[a:b]) or described_speaker(article.text[a:b])
    pronoun = pronoun_speaks(article.text[a:b])
    if span is None and pronoun:
        text = (f"{ABSTAIN_TEXT} who said it: the sentence quoted names its speaker only as "
                f"“{pronoun.lower()}”. {quote} [{n}]")
        return LastAnswerReply(ExtractiveDraft(text, cites.items), True, _NOTE)
    if span is None:
        text = (f"{ABSTAIN_TEXT} who said it: the sentence quoted names no one as saying it; "
                f"it is the article's own account. {quote} [{n}]")
        return LastAnswerReply(ExtractiveDraft(text, cites.items), True, _NOTE)
    name = article.text[a + span[0]:a + span[1]]
    short = ShortAnswer(name, n, a + span[0], a + span[1], 1.0)
    return LastAnswerReply(ExtractiveDraft(f"{name} — {quote} [{n}]", cites.items, short),
                           False, _NOTE)
