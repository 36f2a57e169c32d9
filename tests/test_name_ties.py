"""Asked who, the name a sentence gives is the answer only where the sentence ties it to what
was asked: the role asked's own holder (not another's "Kestria captain"), the doer of the deed
asked (not the author of a book "was published"), the honour asked ("was named most valuable
player"); and a tie said in passing is read down to the seventh best (`name_first`)."""

from __future__ import annotations

import pytest

from assistant.compose import NAME_UNCLEAR, abstention, judged_again
from assistant.name_first import name_first
from assistant.rerank import Evidence
from assistant.roles import role_holder
from index import Article

LIBRARY = Article(
    "library", "Central Library to open on Sundays",
    "Harrowgate Central Library will open on Sundays from 1 February. The trial will run for "
    "a year. Opening hours will be 11am to 4pm. The council will review the trial in 2027. "
    "Weekday hours are unchanged. Head librarian Tomasz Bielak said the change followed a "
    "survey of users.", "library.txt", "library")


def _ranked(article: Article, *read: tuple[str, str]) -> list[Evidence]:
    """The article's sentences as read, best first, the reader's (unsure) span on each's word."""
    ranked = []
    for i, (sentence, span) in enumerate(read):
        at = article.text.index(sentence)
        word = at + sentence.index(span)
        ranked.append(Evidence(0, article.id, at, at + len(sentence), sentence, 0.1 - 0.01 * i,
                               0.1 - 0.01 * i, (word, word + len(span)), 1.0, fit=1.0))
    return ranked


def test_a_title_said_in_passing_fifth_best_is_read_first() -> None:
    """The users' "Who is the head librarian at Harrowgate Central Library?": the librarian's
    sentence came fifth, under four about the opening hours."""
    question = "Who is the head librarian at Harrowgate Central Library?"
    ranked = _ranked(LIBRARY, ("Harrowgate Central Library will open on Sundays from 1 "
                               "February.", "Sundays"),
                     ("The trial will run for a year.", "trial"),
                     ("Opening hours will be 11am to 4pm.", "Opening"),
                     ("The council will review the trial in 2027.", "council"),
                     ("Head librarian Tomasz Bielak said the change followed a survey of "
                      "users.", "Tomasz Bielak"))
    reason = abstention(ranked, True, 1.5, "person", question=question)
    assert reason is not None and reason.reason == NAME_UNCLEAR
    first = name_first(question, ranked, reason, {"library": LIBRARY})
    assert first is not None and first[0] is ranked[4]
    assert judged_again(reason, first, "person", question) is None


@pytest.mark.parametrize(("question", "sentence", "name"), [
    # Another side's title, the side asked named further on: not its holder.
    ("Who captains Varland?", "Kestria captain Tamsin Okafor hit an unbeaten 112 as her side "
     "beat Varland by six wickets in the third one-day international.", None),
    ("Who captains Kestria?", "Kestria captain Tamsin Okafor hit an unbeaten 112 as her side "
     "beat Varland by six wickets in the third one-day international.", "Tamsin Okafor"),
    ("Who captains Varland?", "Varland captain Ali Haverford admitted her side had been 30 "
     "runs short.", "Ali Haverford"),
    ("Who is Varland's captain?", "The captain, Ali Haverford, said Varland had been 30 runs "
     "short.", "Ali Haverford"),
])
def test_a_title_another_name_owns_holds_not_the_role_asked(question: str, sentence: str,
                                                            name: str | None) -> None:
    holder = role_holder(question, sentence)
    assert (holder.name if holder else None) == name
