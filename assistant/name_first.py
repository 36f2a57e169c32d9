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

from .compose import KIND_CHECKED, NAME_UNCLEAR, Abstention
from .evidence import question_names
from .rerank import Evidence
from .short import named_as_asked
from .titled import TITLE_WORDS

__all__ = ["name_first"]


def name_first(question: str, ranked: Sequence[Evidence], reason: Abstention | None,
               articles: Mapping[str, Article]) -> list[Evidence] | None:
    """Where the name rule turned the best sentence away (`reason`), the ranking with the first
    of the next best (to KIND_CHECKED) that names what was asked, of what the question names,
    put first; else None."""
    if reason is None or reason.reason != NAME_UNCLEAR or not ranked:
        return None
    first = next((ev for ev in ranked[1:KIND_CHECKED]
                  if ev.article_id in articles and named_as_asked(ev, question) is not None
                  and _of_asked(question, ev, articles[ev.article_id])), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def _of_asked(question: str, ev: Evidence, article: Article) -> bool:
    """Does the last word of every name the question gives (its titles left out: "CEO")
    stand in the sentence, the one before it, or the story's title or first sentence?"""
    text = article.text
    around = [ev.text, article.title]
    for span in (sentence_before(text, ev.start), sentence_after(text, 0)):
        if span is not None:
            around.append(text[span[0]:span[1]])
    said = "\n".join(around)
    for name in question_names(question):
        words = [w for w in name if w.casefold() not in TITLE_WORDS]
        if words and not re.search(rf"\b{re.escape(words[-1])}", said):
            return False
    return True
