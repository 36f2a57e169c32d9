"""Asked what someone said ("What did Denise Harker say about the water?"), the sentence
where they say it, read first whatever its score (`said_first`): the reader scores a sentence
on what it says, and one naming its speaker says who only in passing. A quotation over
several sentences is read whole (`quotation`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article

from .quotation import names_sayer, quotation, said_before
from .rerank import Evidence
from .speakers import asked_speech, pronoun_speaks, quotes_speaker
from .titled import TITLES
from .words import terms

__all__ = ["SPEECH_READ", "speech_first"]

SPEECH_READ = 12  # the best sentences searched for one naming the speaker asked about


def speech_first(question: str, ranked: Sequence[Evidence],
                 articles: Mapping[str, Article] | None = None) -> list[Evidence] | None:
    """Asked what someone said, the ranking with the first of the best sentences naming them
    as its speaker put first (with the rest of its quotation, `_spoken`), one naming them whole
    ("said Hong Min") before one naming them in part ("Hong added", where the article names
    them by another word of their name too); None where none does, or the best sentence has
    them speak already ("She said she would…")."""
    speech = asked_speech(question)
    if speech is None or not ranked:
        return None
    articles = articles or {}
    read = [_spoken(ev, articles.get(ev.article_id), speech.names)
            for ev in ranked[:SPEECH_READ]]
    if (pronoun_speaks(read[0][0].text) and not read[0][1]
            and not quotes_speaker(read[0][0].text, speech)):
        return None
    about = set(speech.about)
    said = [ev for ev, before in read if _named_whole(ev, articles, speech.names) and (
        quotes_speaker(ev.text, speech)
        or (before and (not about or bool(about & set(terms(ev.text))))))]
    whole = [ev for ev in said if quotes_speaker(ev.text, speech, whole=True)
             or all(_holds(ev.text, w) for w in speech.names)]
    if not said:
        return None
    first = (whole or said)[0]
    return [first, *(ev for ev in ranked
                     if not (ev.article_id == first.article_id and first.start <= ev.start
                             and ev.end <= first.end))]


def _named_whole(ev: Evidence, articles: Mapping[str, Article], names: frozenset[str]) -> bool:
    """Is the speaker named by one word of their name ("Ford said…") named by another in the
    article too, or by a title or honorific? Not in a report on the carmaker."""
    article = articles.get(ev.article_id)
    said = {w for w in names if _holds(ev.text, w)}
    return (article is None or said == names or len(said) > 1
            or any(_holds(article.text, w) for w in names - said)
            or any(re.search(rf"\b(?:{TITLES}|{_HONORIFICS})\.?\s+{re.escape(w)}\b",
                             article.text, re.I) for w in said))


def _spoken(ev: Evidence, article: Article | None, names: frozenset[str]
            ) -> tuple[Evidence, bool]:
    """The sentence with the rest of its quotation (`quotation`), and with the sentence
    before it where that names its speaker, "she" (`said_before`); True where either names
    the speaker asked about ("Daniel Achebe, a retired marine biologist, said: “…")."""
    if article is None:
        return ev, False
    whole = quotation(ev, article)
    before = said_before(whole, article, names)
    return (before, True) if before is not None else (whole, whole is not ev
                                                      and names_sayer(whole.text, names))


# Before a name, with a role's title (`titled.TITLES`), they name the person: "President
# Biden", "Mr. Obama".
_HONORIFICS = r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Sen|Rep|Gov|Prof"


def _holds(text: str, word: str) -> bool:
    """Does the text hold the word whole ("J.D." too, whose dot ends no word for `\\b`)?"""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None
