"""Asked who, where the best sentence gives no name clearly (the name rule, `compose`), the
next best that ties a name to what was asked is read first: "Who chairs Eastholm Line Users?"
over "Its chair, Dev Mistry-Hale, said…", the third best after two about the timetable; "Who
did Peggy Allardyce marry?" over "…before marrying Robert Allardyce", after her obituary's
lede. The reader ranks a sentence on its story, and these say the name in passing.

Only a tie the sentence states (`short.named_as_asked`: the verb asked, the title asked, a
list's label), never its one name alone: a runner-up's lone name ("Judge Vance rejected that
defence") answered unanswerable questions (the users' sets: "Who was Coastline Water's defence
lawyer?"). And only where what the question names is named around it (the sentence, the one
before, the story's title or opening): "Daniel Okonkwo-Hale, who became headteacher…" is
Fernhill Academy's, not St Bede's, which that story mentions in passing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article, sentence_after, sentence_before

from .compose import NAME_UNCLEAR, PLACING_UNSAID, Abstention
from .evidence import question_names
from .other_holders import holder_of_another
from .placings import PLACING_CHECKED, placed_name
from .rerank import Evidence
from .roles import asked_role
from .short import named_as_asked
from .titled import TITLE_WORDS, owned_by_another, placed_holders

__all__ = ["NAME_READ", "name_first"]

# The best sentences read for a name tied as asked: a title said in passing ("Head librarian
# Tomasz Bielak said the change…") is ranked on its story, below the sentences that name the
# body asked, and came fifth on the users' sets (the three best alone had been read).
NAME_READ = 7


def name_first(question: str, ranked: Sequence[Evidence], reason: Abstention | None,
               articles: Mapping[str, Article]) -> list[Evidence] | None:
    """Where the name rule turned the best sentence away (`reason`), the ranking with the first
    of the next best (to NAME_READ) that names what was asked, of what the question names,
    put first; else None."""
    if reason is None or reason.reason not in (NAME_UNCLEAR, PLACING_UNSAID) or not ranked:
        return None
    # A placing is said in passing, in a list the reader ranks low ("…University of Eastmarch
    # (3), …"): read further down for it, in the best sentence's story only: another story's
    # placing is another contest's ("Allanby, who came third" of a by-election, asked which
    # school came third in the robotics challenge).
    placing = reason.reason == PLACING_UNSAID
    first = next((ev for ev in ranked[1:PLACING_CHECKED if placing else NAME_READ]
                  if ev.article_id in articles
                  and (not placing or ev.article_id == ranked[0].article_id)
                  and (tie := (placed_name(question, ev.text) if placing
                               else named_as_asked(ev, question))) is not None
                  and _of_asked(question, ev, articles[ev.article_id])
                  and not _owned_elsewhere(question, ev, tie, articles[ev.article_id])), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def _of_asked(question: str, ev: Evidence, article: Article) -> bool:
    """Does every word of every name the question gives (its titles left out: "CEO") stand
    in the sentence, the one before it, or the story's title or first sentence? Not its last
    word alone: "Nursing" of the Royal College of Nursing is said of many a body."""
    text = article.text
    around = [ev.text, article.title]
    for span in (sentence_before(text, ev.start), sentence_after(text, 0)):
        if span is not None:
            around.append(text[span[0]:span[1]])
    said = "\n".join(around)
    for name in question_names(question):
        words = [w for w in name if w.casefold() not in TITLE_WORDS]
        if not all(re.search(rf"\b{re.escape(w)}", said) for w in words):
            return False
    return True


def _owned_elsewhere(question: str, ev: Evidence, tie: tuple[int, int], article: Article
                     ) -> bool:
    """Is the title tying the name to the role asked another body's? Qualified by another's
    name ("Athletic manager Tom Cole" asked Rovers'), owned by a noun the body asked is not
    named by ("The board's chair, Alan Price" asked the Royal College of Nursing's), or by
    "Its"/"Their" where the sentence before does not name the body asked ("Northway, founded
    in 1854… Its chief executive, Priya Sen" asked Harbour Bank's). The story around names
    the body asked in passing; whose the title is, only the words before it say."""
    asked = asked_role(question)
    if asked is None or not (asked.qualifiers or asked.of):
        return False
    body = tuple(w for w in (*asked.qualifiers, *asked.of) if w not in _LINKS)
    found = [at for at, h in placed_holders(asked.role, ev.text)
             if h.start < tie[1] and tie[0] < h.end]
    if any(h.start < tie[1] and tie[0] < h.end
           for h in holder_of_another(question, ev.text, article.title)):
        return True
    return any(owned_by_another(ev.text, at, body) or _owner_not_asked(ev, at, body, article)
               for at in found)


_LINKS = frozenset({"of", "the", "and", "for"})
# A title owned by a pronoun or a common noun: "Its chair", "the board's chair".
_OWNER = re.compile(r"\b(?:(?P<pronoun>its|their)|the\s+(?P<noun>(?-i:[a-z])[\w-]*)(?:’s|'s|s’|s'))"
                    r"\s+(?:(?-i:[a-z])[\w-]*\s+)?$", re.I)


def _owner_not_asked(ev: Evidence, at: int, body: tuple[str, ...], article: Article) -> bool:
    """Is the title at `at` owned by "its"/"their" where the sentence before names not the
    body asked, or by a noun no word of the body's ("the board's", "the visitors'")?"""
    m = _OWNER.search(ev.text, 0, at)
    if m is None:
        return False
    if m.group("noun") is not None:
        return m.group("noun").casefold() not in body
    span = sentence_before(article.text, ev.start)
    before = "" if span is None else article.text[span[0]:span[1]].casefold()
    return not all(re.search(rf"\b{re.escape(w)}", before) for w in body)
