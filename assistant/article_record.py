"""Questions about an article itself: who published it, who wrote it, when.

Its own line answers where it has one (`extractive.own_line_answer`: "Updated 24 October
2024"). A page often says none of this in its text, while its record (front matter, a feed, a
page's metadata) does: asked "Who wrote the lighthouse article?", the record's author answers,
shown with a sentence of the article quoted beside it, so that the user sees which article is
meant. The value is not a quote and so leads no short answer: the attribution shows where it is
from. The article is the one the question names, by a quoted headline or by its title's words
("the panda article"), else the best sentence's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index import Article, sentence_spans

from .about import ASKS_AUTHOR, named_title
from .citing import CitationList
from .extractive import ExtractiveDraft, Findings, own_line_answer
from .quotes import enquote
from .relative_dates import human_date
from .words import asking_terms, terms

__all__ = ["RecordAnswer", "article_named", "meta_answer", "named", "record_answer"]

_ASKS_DATE = re.compile(r"\bwhen\b|\bdate\b|\bday\b", re.I)
# The words of a question about an article that say what is asked, not which article.
_ASKING_OF_AN_ARTICLE = ("article story page piece report headline published updated posted "
                         "dated wrote written author writer outlet newspaper site website "
                         "publication carried ran date reporter byline")


def article_named(question: str, articles: dict[str, Article]) -> str | None:
    """The id of the article the question names: by quoting its headline, or by words all of
    which its title holds ("Who wrote the lighthouse article?": "Lighthouse keeper retires
    after 40 years"), when one article's title alone holds them."""
    return _one_story(_titled(question, articles), articles)


def _one_story(titled: list[str], articles: dict[str, Article]) -> str | None:
    """Copies of one story under one title are one article to the asker: the first answers."""
    stories = {articles[k].story_id or k for k in titled}
    return titled[0] if len(stories) == 1 else None


def _titled(question: str, articles: dict[str, Article]) -> list[str]:
    """The ids of the articles whose headline the question quotes, or whose titles hold all
    the words it names an article by."""
    quoted = named_title(question, {k: a.title for k, a in articles.items()})
    if quoted is not None:
        return [quoted]
    asked = set(terms(question)) - asking_terms() - set(terms(_ASKING_OF_AN_ARTICLE))
    return [k for k, a in articles.items() if asked and asked <= set(terms(a.title))]


def _which_of(titled: list[str], articles: dict[str, Article]) -> ExtractiveDraft:
    """Asked about "the treaty article" where several stories' titles fit: which one?"""
    names = ", ".join(named(articles[k]) for k in titled[:4])
    return ExtractiveDraft(f"Several articles fit: {names}. Which one? Name it by more words "
                           "of its headline.", [], abstained=True, named=True)


def meta_answer(found: Findings, short: bool) -> ExtractiveDraft | None:
    """Asked about an article itself: its own line saying it, else what its record holds of
    it. Of an article the question names (`named`), that neither says, as an abstention;
    of one it does not name, None (the evidence decides, as for any question)."""
    fitting = _titled(found.question.text, found.articles)
    titled = _one_story(fitting, found.articles)
    if titled is None and fitting:  # several stories fit
        return _which_of(fitting, found.articles)
    own = own_line_answer(found, short, titled)
    if own is not None:
        return replace(own, named=titled is not None)
    article = found.articles[titled or found.ranked[0].article_id]
    start, end = _quotable(article, found)
    record = record_answer(found.question.text, article, start, end)
    if not record.stated and titled is None:
        return None
    return replace(record.draft, named=titled is not None, abstained=not record.stated)


def _quotable(article: Article, found: Findings) -> tuple[int, int]:
    """The article's best sentence for the question, else its first."""
    best = next((ev for ev in found.ranked if ev.article_id == article.id), None)
    if best is not None:
        return best.start, best.end
    a, b = sentence_spans(article.text)[0]
    return a, b


@dataclass(frozen=True)
class RecordAnswer:
    """The answer, and whether the record held what was asked (else it says neither does)."""

    draft: ExtractiveDraft
    stated: bool  # the record holds what was asked


def _aspect(question: str, article: Article) -> tuple[str, str | None]:
    """What is asked ("date", "author", else "outlet") and what the record holds of it."""
    if _ASKS_DATE.search(question):
        return "date", human_date(article.published)
    if ASKS_AUTHOR.search(question):
        return "author", article.author
    return "outlet", article.outlet


# Per aspect: what the answer says when the record is silent, and how its value leads.
_UNSAID = {"date": "when it was published", "author": "who wrote it",
           "outlet": "which outlet published it"}
_LEAD = {"date": "Published {}", "author": "By {}", "outlet": "{}"}


def record_answer(question: str, article: Article, start: int, end: int) -> RecordAnswer:
    """What the article's record says of the aspect asked about (date, author, else outlet),
    beside its text at [start, end), quoted; or beside the line of its text that names the
    outlet or author, where one does ("Harbour Times readers voted…"): the answer is then a
    quote too."""
    aspect, value = _aspect(question, article)
    if value is not None and aspect != "date":
        start, end = _line_naming(article.text, value) or (start, end)
    cites = CitationList()
    n = cites.cite(article, start, end)
    quote = f"{enquote(article.text[start:end])} [{n}]"
    if value is None:
        text = (f"Neither the article nor its record says {_UNSAID[aspect]}. The quote is from "
                f"{named(article)}: {quote}")
        return RecordAnswer(ExtractiveDraft(text, cites.items), False)
    # The title's attribution leaves out what the answer leads with.
    title = named(article, outlet=aspect != "outlet", day=aspect != "date")
    lead = _LEAD[aspect].format(value)
    return RecordAnswer(ExtractiveDraft(f"{lead}: {title}, which says {quote}", cites.items),
                        True)


def _line_naming(text: str, value: str) -> tuple[int, int] | None:
    """The span of the first line of `text` that names `value` as written, as a whole word."""
    found = re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text)
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.end())
    line = text[start:end if end >= 0 else len(text)]
    return start + len(line) - len(line.lstrip()), start + len(line.rstrip())


def named(article: Article, outlet: bool = True, day: bool = True) -> str:
    """“Title” (Outlet, 24 October 2024), with what the record has (and the answer does not
    say already)."""
    bits = [b for b in (article.outlet if outlet else None,
                        human_date(article.published) if day else None) if b]
    return enquote(article.title) + (f" ({', '.join(bits)})" if bits else "")
