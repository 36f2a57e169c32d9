"""Asked what someone said ("What did Denise Harker say about the water?"), the sentence
where they say it, read first whatever its score (`said_first`): the reader scores a sentence
on what it says, and one naming its speaker says who only in passing. A quotation over
several sentences is read whole (`quotation`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from index import Article, sentence_after, sentence_before

from .quotation import names_sayer, quotation, said_before
from .referent import given_gender
from .rerank import Evidence
from .speakers import AskedSpeech, asked_speech, pronoun_speaks, quotes_speaker
from .titled import (
    TITLE_WORDS,
    TITLES,
    bare_title,
    holders,
    owned_by_reference,
    placed_holders,
    spaced,
)
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
    articles = articles or {}
    speech = asked_speech(question) or _role_speech(question, ranked, articles)
    if speech is None or not ranked:
        return None
    read = [_spoken(ev, articles.get(ev.article_id), speech.names)
            for ev in ranked[:SPEECH_READ]]
    best = read[0][0]
    by_title = _by_title(best, read[0][1], speech, articles.get(best.article_id))
    if by_title is None:
        return None
    said = [ev for ev, before in read if _named_whole(ev, articles, speech.names) and (
        quotes_speaker(ev.text, asked := _asked(ev, speech, articles, by_title))
        or (before and _of_topic(ev.text, asked)))]
    whole = [ev for ev in said
             if quotes_speaker(ev.text, _asked(ev, speech, articles, by_title), whole=True)
             or all(_holds(ev.text, w) for w in speech.names)]
    if not said:
        return None
    first = (whole or said)[0]
    return [first, *(ev for ev in ranked
                     if not (ev.article_id == first.article_id and first.start <= ev.start
                             and ev.end <= first.end))]


def _by_title(best: Evidence, named: bool, speech: AskedSpeech, article: Article | None
              ) -> bool | None:
    """None where the best sentence's "she said" (naming no one, `named` False) may be the
    speaker's words on what was asked (`_may_be_theirs`): it answers. Else whether a quote
    naming them may be on it by the title alone (`_widened`): not where that "she said" is
    on it by the title too, the two judged alike ("Ruiz said she would stand again" is not
    read before her "she said" on the tram scheme)."""
    if not pronoun_speaks(best.text) or named or quotes_speaker(best.text, speech):
        return True
    if _may_be_theirs(best.text, _widened(speech, article, by_title=False)):
        return None
    return not _may_be_theirs(best.text, _widened(speech, article))


def _asked(ev: Evidence, speech: AskedSpeech, articles: Mapping[str, Article], by_title: bool
           ) -> AskedSpeech:
    """What the speech is asked about, as the sentence's article may say it (`_widened`): by
    its title only in words quoted, as a "she said" is; a report of what they said ("Ruiz
    said she would stand again as leader") says what it is about itself."""
    article = articles.get(ev.article_id)
    return _widened(speech, article, by_title and _QUOTED.search(ev.text) is not None)


# "What did the manager say about Marques?", "What did his lawyer say?": a role, not a name.
_ROLE_SPEECH = re.compile(
    r"^\W*(?:and\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+(?:the|his|her|their|its)"
    rf"\s+(?P<role>{TITLES})\s+(?P<verb>say|said|tell|told|warn|warned|add|added)\b(?P<rest>.*)$",
    re.I)


def _role_speech(question: str, ranked: Sequence[Evidence], articles: Mapping[str, Article]
                 ) -> AskedSpeech | None:
    """Asked what the holder of a role said, the speech asked of them by name, as if asked
    "What did Fiona Callaghan say about Marques?": the holder named in the sentence before a
    best sentence where "he" speaks, else the one holder the best sentences name ("Ashbury
    manager Fiona Callaghan said…"); None where that sentence speaks of the role without a
    name ("The President defended the move." before "'These tariffs…,' he said."), or the
    best sentences name more than one holder (both clubs' managers), leaving out one titled
    by a body the story is not about ("Steelworkers' union president Ana Lowe" in a story on
    the President's tariffs)."""
    m = _ROLE_SPEECH.match(question.strip())
    if m is None or not ranked:
        return None
    role = " ".join(m.group("role").casefold().split())
    before = _said_before(role, ranked[0], articles.get(ranked[0].article_id))
    if before is None:
        named = {h.name.casefold(): h.name for ev in ranked[:SPEECH_READ]
                 for at, h in placed_holders(role, ev.text)
                 if not _of_another(ev.text, min(at, h.start), articles.get(ev.article_id))}
        before = next(iter(named.values())) if len(named) == 1 else ""
    return asked_speech(f"What did {before} {m.group('verb')}{m.group('rest')}") if before \
        else None


def _said_before(role: str, best: Evidence, article: Article | None) -> str | None:
    """Where "he" speaks in the best sentence and the sentence before speaks of the role: the
    one holder it names, or "" (no one, or more than one, named there); else None."""
    if article is None or not pronoun_speaks(best.text):
        return None
    span = sentence_before(article.text, best.start)
    text = "" if span is None else article.text[span[0]:span[1]]
    if not re.search(rf"\b{spaced(role)}\b", text, re.I):
        return None
    named = {h.name for h in holders(role, text)}
    return named.pop() if len(named) == 1 else ""


def _of_another(sentence: str, at: int, article: Article | None) -> bool:
    """Is the title at `at` qualified by a body ("Steelworkers' union president") the story's
    title and first sentence do not name? Not a bare title ("Mayor Phil Argent"), nor one owned
    by "its"/"their"."""
    if article is None or bare_title(sentence, at) or owned_by_reference(sentence, at):
        return False
    words = re.split(r"(?<=[,;:])\s+", sentence[:at].strip())[-1].split()[-2:]
    whose = [t for w in words if (w[:1].isupper() or _POSSESSIVE.search(w))
             and w.casefold() not in TITLE_WORDS and (t := set(terms(w)))]
    first = sentence_after(article.text, 0)
    subject = set(terms(article.title + " " + (
        article.text[first[0]:first[1]] if first is not None else "")))
    return bool(whose) and not any(t & subject for t in whose)


_POSSESSIVE = re.compile(r"(?:’s|'s|s’|s')$")


def _widened(speech: AskedSpeech, article: Article | None, by_title: bool = True
             ) -> AskedSpeech:
    """What the speech is asked about, as the article may say it: anything the speaker says
    there, where its title is about that already ("the tram extension" of "Council backs
    £48.5m tram extension…"); with a person's given name, where the article gives one ("Dani"
    of "Dani Ruiz": "Dani is in the form of his life" is about Ruiz). Not `by_title`, the
    words of one unnamed "she" must hold it still: a page's title says nothing of who she is."""
    if article is None or not speech.about:
        return speech
    if by_title and set(speech.about) <= set(terms(article.title)):
        return replace(speech, about=())
    given = {t for m in _FULL_NAME.finditer(article.text)
             if set(terms(m.group(2))) & set(speech.about) and given_gender(m.group(1))
             for t in terms(m.group(1))}
    return replace(speech, about=(*speech.about, *sorted(given - set(speech.about))))


_QUOTED = re.compile(r"[\"“”‘]|(?:^|\s)'")  # words quoted: "…," ‘…,’ '…,'
_FULL_NAME = re.compile(r"\b([A-Z][a-z’'-]+)\s+([A-Z][\w’'-]+)")


def _of_topic(text: str, speech: AskedSpeech) -> bool:
    """Does the text hold something of what the speech is asked about (anything, if nothing)?"""
    return not speech.about or bool(set(speech.about) & set(terms(text)))


def _may_be_theirs(text: str, speech: AskedSpeech) -> bool:
    """May the words "she" says in the text be the speaker's asked about: not words naming
    them ("'Hume was the continuity candidate,' he said": another speaks of Hume), nor a "he"
    asked about a woman, nor ones on something else than asked ("'I didn't believe I could
    beat her,' she said" asked what the manager said about Ruiz)?"""
    pronoun = (pronoun_speaks(text) or "").casefold()
    sexes = {given_gender(w) for w in speech.names} - {None}
    if len(sexes) == 1 and _OTHER_SEX.get(pronoun) in sexes:  # "he" is not Felicity Marlowe
        return False
    return _of_topic(text, speech) and not any(_holds(text, w) for w in speech.names)


_OTHER_SEX = {"he": "female", "she": "male"}  # the sex a pronoun is not of


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
