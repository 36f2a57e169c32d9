"""Follow-ups about the last answer itself, answered by the article it quoted first.

- Where it came from: "Which outlet reported that?", "Who wrote it?", "When was that article
  published?". Searched as questions of their own, such words match nothing ("no article seems
  to be about this") or a stray credit line of another story. The article answers: its own
  line where it says it ("Reporting by Jane Doe", "Updated 24 October 2024"), else its record
  (outlet, date, author), shown beside the quote again so that the user sees which article is
  meant.
- What came next: "What did he say next?", "What happened after that?". Searched, they find
  the very sentence just shown again. The article's next sentence answers, as what the article
  goes on to say: whose words it holds is for the reader to see, not for us to claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from index import Article, NewsIndex, caption_spans, find_date_line, sentence_spans
from index.sentence_vectors import worth_reading

from .about import about_line, is_about_line
from .article_record import named, record_answer
from .citing import CitationList
from .compose import ABSTAIN_TEXT
from .extractive import ExtractiveDraft, own_line_draft
from .followup import last_message, of_a_work
from .quotation import quoted_span
from .quotes import enquote, verify_quote
from .relative_dates import human_date
from .request import Request
from .retrieval import retrieve
from .speakers import asks_speech, conversation_speakers, speaks
from .types import Answer, Message, Timings

__all__ = ["LastAnswerReply", "asks_for_source", "asks_what_next", "first_sentence", "last_quote",
           "of_the_closest", "quoted_articles", "reply_about_last"]

# "What did he say?", not "What did he say next?": the words just shown may be the answer.
_JUST_SAID_PATTERN = r"^\W*(?:and\s+)?what\s+(?:did|does)\s+(?:he|she|they)\s+(?:say|add)\W*$"
_JUST_SAID = re.compile(_JUST_SAID_PATTERN, re.I)

_ASKS = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:"
    r"(?:which|what)(?:'s|’s|\s+is|\s+was)?\s+(?:the\s+)?(?:outlet|newspaper|paper|publication"
    r"|site|website|channel|network|news\s+(?:site|outlet|organi[sz]ation|agency)"
    r"|source|article|story|report|author|writer|reporter|byline)s?\b"
    r"|(?:which|what)\s+(?:news\s+)?agency\s+(?:reported|published|ran|carried)\b"
    r"|^\W*(?:which|what)\s+(?:news\s+)?agency\W*$"
    r"|who\s+(?:reported|published|wrote|authored|ran|broke|is\s+the\s+(?:author|writer"
    r"|reporter))\b"
    r"|where\s+(?:is|was|did|does)\s+(?:that|this|it)\b.*\b(?:from|come|appear|reported"
    r"|published)\b"
    r"|when\s+was\s+(?:that|this|it|the\s+(?:article|story|report|piece))\b.*\b(?:published"
    r"|written|posted|reported|out|updated)\b)", re.I)
# The question points at what was just shown: "that", "it", "the article" at its end (a "that"
# opening a clause, "reported that the ceasefire collapsed", asks something new), or "the
# source?" alone ("the source of the leak" is another).
_BACK = re.compile(
    r"\b(?:that|this|it|the\s+(?:article|story|report|piece|quote|figure|claim))\b"
    r"(?:\s+(?:article|story|report|piece|quote|figure|claim|first|originally|in|from|on"
    r"|published|reported|written|posted|out|updated|come|appear|appeared))*\W*$"
    r"|\bthe\s+(?:source|author|writer|byline)s?\W*$"
    # "Which outlet?" alone, in a conversation: it can only mean the last answer's.
    r"|^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:which|what)\s+(?:outlet|newspaper|paper|publication"
    r"|site|website|source|agency|news\s+agency|network|channel|author|writer|reporter)s?\W*$",
    re.I)
# "Who is the author of the Taiwan story?" names its article: a question of its own
# (`article_record`). So does "Which agency said that?": the speaker is in the quote.
_NOT_ABOUT_LAST = re.compile(r"\b(?:of|about)\s+the\s+(?!same\b)[\w’'-]+(?:\s+[\w’'-]+)?\s+"
                             r"(?:article|story|report|piece)\b|\b(?:say|says|said|told)\b",
                             re.I)
_SOURCE_NOTE = "answered from the article the last answer quoted"
# "What did he say next?", "What else did she say?", "What happened after that?", "And then?",
# "How does the article go on?"; not "Who was Russia's president then?" nor "When does the
# exhibition go on display?".
_NEXT = re.compile(
    r"^\W*(?:and\s+)?(?:then|after\s+that|next|what\s+next)\W*$"
    r"|\bwhat\s+(?:happened|came|comes|happens)\s+(?:next|then|after\s+that|afterwards)\b"
    r"|\bwhat\s+(?:did|does|do)\s+\w+(?:\s+\w+)?\s+(?:say|add|do|tell\s+\w+)\s+"
    r"(?:next|then|after\s+that|afterwards)\b"
    # "What else did he say?": more of what the article has that speaker say
    r"|^\W*(?:and\s+)?what\s+else\s+(?:did|does|do)\s+(?:he|she|they)\s+(?:say|add|tell\s+\w+)\b"
    # "What did he say?" after an answer naming him: what the article has him say
    rf"|{_JUST_SAID_PATTERN}"
    r"|\b(?:does|did)\s+(?:it|the\s+(?:article|story|report))\s+go\s+on\b"
    r"|\bgo(?:es)?\s+on\s+to\s+say\b", re.I)
# The first quotation of an answer's text, with its citation mark.
_QUOTED = re.compile(r"“([^“”]{12,})”\s*\[\d+\]")


def asks_for_source(question: str) -> bool:
    """Does the question ask where what was just said came from (its outlet, author or date)?"""
    return bool(_ASKS.search(question) and _BACK.search(question)
                and not _NOT_ABOUT_LAST.search(question))


def asks_what_next(question: str) -> bool:
    """Does the question ask what the article says after what was just quoted?"""
    return bool(_NEXT.search(question))


@dataclass(frozen=True)
class LastAnswerReply:
    """The reply, whether it abstains (the article or its record does not hold what was
    asked), and a note on how it was made."""

    draft: ExtractiveDraft
    abstained: bool
    note: str

    def as_answer(self, request: Request, asked_a_model: bool, seconds: float) -> Answer:
        """The reply as `ask()` returns it; made before any search, so no passages."""
        took = round(seconds * 1000, 1)
        note = self.note + ("; the chat model was not asked" if asked_a_model else "")
        return Answer(question=request.question, text=self.draft.text,
                      citations=tuple(self.draft.citations), abstained=self.abstained,
                      llm=request.backend, timings=Timings(took, 0.0, took),
                      query=request.question, notes=(note,), short=self.draft.short,
                      as_of=(request.as_of or date.today()).isoformat())


def quoted_articles(index: NewsIndex, quote: str, said: str
                     ) -> list[tuple[Article, int, int]]:
    """The articles holding the quote, and where, the likeliest first: the quote itself is the
    best query for them. Copies of a story may hold it alike: the one whose outlet or date the
    answer `said` beside it comes first."""
    found = retrieve(index, quote, k=5)
    after = said[said.find(quote) + len(quote):][:200]
    # A quote shown with its inner marks made single (`enquote`) matches its sentence only
    # nearly: the nearest sentence then, as quotes are verified.
    matches = [((not m.exact, not _attributed(article, after), n), article, m)
               for n, article in enumerate(found.articles.values())
               for m in verify_quote(quote, article.text)[:1]]
    matches.sort(key=lambda t: t[0])
    return [(article, m.start, m.end) for _, article, m in matches]


def _attributed(article: Article, after: str) -> bool:
    """Does the text after a quote name this article's outlet or date ("(NewsTrack)")?"""
    marks = [article.outlet, human_date(article.published)]
    return any(mark and mark in after for mark in marks)


def last_quote(history: Sequence[Message]) -> tuple[str, str] | None:
    """The first quote of the latest answer that quotes the story, and that answer's text: an
    answer to an earlier "When was it published?" quotes only the page's line about itself, and
    is about the same article as the answer before it (that line, when no answer before it
    quoted the story). After an abstention, the sentence it quoted as the closest thing the
    articles say, if it quoted one."""
    line: tuple[str, str] | None = None
    for message in reversed(history):
        if message["role"] != "assistant":
            continue
        quotes = [m.group(1) for m in _QUOTED.finditer(message["content"])]
        story = [q for q in quotes if find_date_line(q) is None and not is_about_line(q)]
        if story:
            return story[0], message["content"]
        if message["content"].startswith(ABSTAIN_TEXT):
            return line  # it quoted nothing: an earlier answer's quote is not what it meant
        if quotes and line is None:  # only a byline or a date line: its article, unless an
            line = quotes[0], message["content"]  # earlier answer quoted the story itself
    # "Who wrote the stadium article?" answered with its byline alone: that line's article.
    return line


def reply_about_last(question: str, history: Sequence[Message], index: NewsIndex
                     ) -> LastAnswerReply | None:
    """The answer to a follow-up about the last answer itself (where it came from, what came
    next), or None: not such a question, or no quote of the last answer found in the index."""
    source = asks_for_source(question) and not of_a_work(question, history)
    following = asks_what_next(question)
    if not (source or following):
        return None
    abstained = last_message(history, "assistant").startswith(ABSTAIN_TEXT)
    last = last_quote(history)
    if last is None:
        return _nothing_to_go_on(following) if abstained else None
    quote, said = last
    located = quoted_articles(index, quote, said)
    if not located:
        return _nothing_to_go_on(following) if abstained else None
    if following:
        article, start, end = located[0]
        reply = _next_sentence(question, article, (start, _shown_up_to(article, said, end)),
                               conversation_speakers(quote, history))
    else:
        reply = _source(question, *located[0])
        reply = _with_copies(reply, located[1:]) if len(located) > 1 else reply
    return of_the_closest(reply) if abstained else reply


def of_the_closest(reply: LastAnswerReply) -> LastAnswerReply:
    """After an abstention the reply is about the sentence it quoted as the closest thing the
    articles say ("that" can only be it), said as such: it was no answer."""
    text = ("About the sentence the last answer quoted as the closest (it found no answer): "
            f"{reply.draft.text}")
    note = f"{reply.note} (quoted as the closest, the last answer being an abstention)"
    return replace(reply, draft=replace(reply.draft, text=text), note=note)


def _nothing_to_go_on(following: bool) -> LastAnswerReply:
    """After an abstention that quoted nothing: no answer to go on from or to trace to its
    source."""
    what = "go on from" if following else "trace to its article"
    text = f"{ABSTAIN_TEXT}: the last answer found nothing in them to {what}."
    return LastAnswerReply(ExtractiveDraft(text, []), True,
                           "the last answer was an abstention")


def _shown_up_to(article: Article, said: str, end: int) -> int:
    """Where the last answer's quotes of this article end: it may have quoted the sentence
    after the first too ("…" [1] "…" [2]), which is not what comes next."""
    for quote in (m.group(1) for m in _QUOTED.finditer(said)):
        for found in verify_quote(quote, article.text)[:1]:
            end = max(end, found.end)
    return end


def _next_sentence(question: str, article: Article, shown: tuple[int, int],
                   speakers: set[str]) -> LastAnswerReply:
    """The article's next sentence after what was `shown` (a caption or the page's own line is
    not the story going on); asked what someone said next, the next of the 3 that quotes or
    reports that speaker (`speakers.speaks`), else that one, said to quote no one. Asked only
    "What did he say?" where the sentence shown is his words and no more follow, those."""
    note = "answered with the article's next sentence after the last answer's quote"
    following = [(a, b) for a, b in _story_sentences(article) if a >= shown[1]][:3]
    speech = asks_speech(question)
    said = [(a, b) for a, b in following if speaks(article.text[a:b], speakers)]
    cites = CitationList()
    if speech and not said and _JUST_SAID.match(question) and speaks(
            article.text[shown[0]:shown[1]], speakers):
        return _just_said(article, shown)
    if not following:
        text = f"{ABSTAIN_TEXT}: the article says nothing after what was quoted."
        return LastAnswerReply(ExtractiveDraft(text, []), True, note)
    if speech and not said and not speaks(article.text[shown[0]:shown[1]], speakers):
        # No one speaks in what was shown: "he" is no one the last answer named as speaking.
        n = cites.cite(article, *following[0])
        text = (f"{ABSTAIN_TEXT}: no one speaks in the sentence the last answer quoted, nor in "
                f"the article's next ones. It goes on: {enquote(cites.items[0].quote)} [{n}]")
        return LastAnswerReply(ExtractiveDraft(text, cites.items), True, note)
    a, b = said[0] if speech and said else following[0]
    if speech and said:  # their words whole, where they run over several sentences
        opened, b = quoted_span(article, a, b)
        a = max(shown[1], opened)
    n = cites.cite(article, a, b)
    how = " quotes no more from that speaker; it" if speech and not said else ""
    text = f"{enquote(article.title)}{how} goes on: {enquote(article.text[a:b])} [{n}]"
    return LastAnswerReply(ExtractiveDraft(text, cites.items), False, note)


def _just_said(article: Article, shown: tuple[int, int]) -> LastAnswerReply:
    """"What did he say?" where the sentence shown is his words and no more follow: those,
    with the rest of the quotation they are part of, where it runs on."""
    whole = quoted_span(article, *first_sentence(article, shown))
    cites = CitationList()
    n = cites.cite(article, *whole)
    more = whole[1] > shown[1] or whole[0] < shown[0]
    text = (f"{'Their whole quotation' if more else 'In the sentence just quoted'}: "
            f"{enquote(cites.items[0].quote)} [{n}] {enquote(article.title)} quotes no more "
            "from that speaker.")
    return LastAnswerReply(ExtractiveDraft(text, cites.items), False,
                           "answered with the last answer's own quote")


def first_sentence(article: Article, shown: tuple[int, int]) -> tuple[int, int]:
    """The first sentence of what was shown (it may have been two)."""
    return next(((a, b) for a, b in sentence_spans(article.text, *shown) if b > a), shown)


def _story_sentences(article: Article) -> list[tuple[int, int]]:
    captions = caption_spans(article.text, article.captions)
    return [(a, b) for a, b in sentence_spans(article.text)
            if worth_reading(article.text[a:b]) and find_date_line(article.text[a:b]) is None
            and not is_about_line(article.text[a:b])
            and not any(c < b and a < d for c, d in captions)]


def _with_copies(reply: LastAnswerReply, copies: list[tuple[Article, int, int]]
                 ) -> LastAnswerReply:
    """The reply, saying which other articles carry the same sentence (copies of a story),
    each cited: which of them the last answer meant, its text cannot tell."""
    cites = CitationList()
    cites.items = list(reply.draft.citations)
    others = [f"{named(article)} [{cites.cite(article, a, b)}]" for article, a, b in copies[:3]]
    text = f"{reply.draft.text} The same sentence is also in {', '.join(others)}."
    return replace(reply, draft=replace(reply.draft, text=text, citations=cites.items))


def _source(question: str, article: Article, start: int, end: int) -> LastAnswerReply:
    """Where the quote came from: the article's own line saying it, else its record."""
    own = about_line(question, article.text)
    if own is not None:
        return LastAnswerReply(own_line_draft(article, own, short=True), False, _SOURCE_NOTE)
    record = record_answer(question, article, start, end)
    return LastAnswerReply(record.draft, not record.stated, _SOURCE_NOTE)
