"""Asked what someone said ("What did Denise Harker say about the water?"), the sentence
where they say it, read first whatever its score (`said_first`): the reader scores a sentence
on what it says, and one naming its speaker says who only in passing. A quotation over
several sentences is read whole (`quotation`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from index import Article

from .quotation import names_sayer, quotation, said_before
from .referent import given_gender
from .rerank import Evidence
from .speakers import AskedSpeech, asked_speech, pronoun_speaks, quotes_speaker
from .titled import TITLES, holders
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
    speech = asked_speech(question) or _role_speech(question, ranked)
    if speech is None or not ranked:
        return None
    articles = articles or {}
    read = [_spoken(ev, articles.get(ev.article_id), speech.names)
            for ev in ranked[:SPEECH_READ]]
    # What it is asked about, as each article may say it (`_widened`).
    asked = {aid: _widened(speech, articles.get(aid)) for aid in {ev.article_id for ev, _ in read}}
    best = read[0][0]
    if (pronoun_speaks(best.text) and not read[0][1] and not quotes_speaker(best.text, speech)
            and _may_be_theirs(best.text, _widened(speech, articles.get(best.article_id),
                                                   by_title=False))):
        return None
    said = [ev for ev, before in read if _named_whole(ev, articles, speech.names) and (
        quotes_speaker(ev.text, asked[ev.article_id])
        or (before and _of_topic(ev.text, asked[ev.article_id])))]
    whole = [ev for ev in said if quotes_speaker(ev.text, asked[ev.article_id], whole=True)
             or all(_holds(ev.text, w) for w in speech.names)]
    if not said:
        return None
    first = (whole or said)[0]
    return [first, *(ev for ev in ranked
                     if not (ev.article_id == first.article_id and first.start <= ev.start
                             and ev.end <= first.end))]


# "What did the manager say about Marques?", "What did his lawyer say?": a role, not a name.
_ROLE_SPEECH = re.compile(
    r"^\W*(?:and\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+(?:the|his|her|their|its)"
    rf"\s+(?P<role>{TITLES})\s+(?P<verb>say|said|tell|told|warn|warned|add|added)\b(?P<rest>.*)$",
    re.I)


def _role_speech(question: str, ranked: Sequence[Evidence]) -> AskedSpeech | None:
    """Asked what the holder of a role said, the speech asked of them by name: the holder the
    first of the best sentences naming one gives ("Ashbury manager Fiona Callaghan said…"),
    as if asked "What did Fiona Callaghan say about Marques?"; else None."""
    m = _ROLE_SPEECH.match(question.strip())
    if m is None:
        return None
    role = " ".join(m.group("role").casefold().split())
    holder = next((found[0] for ev in ranked[:SPEECH_READ] if (found := holders(role, ev.text))),
                  None)
    return None if holder is None else asked_speech(
        f"What did {holder.name} {m.group('verb')}{m.group('rest')}")


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
