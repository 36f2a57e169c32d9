"""Asked who, where the best sentence gives no name clearly, the next best that ties a name to
what was asked is read first (`assistant.name_first`)."""

from __future__ import annotations

from assistant.compose import NAME_UNCLEAR, Abstention, abstention, judged_again
from assistant.name_first import name_first
from assistant.rerank import Evidence
from index import Article

RAIL = Article(
    "rail", "New Carrbridge–Eastholm timetable adds 38 trains but cuts stops at six stations",
    "Greyline Rail will run 38 extra trains every weekday on its main line from March 1. "
    "An annual season ticket between Carrbridge and Eastholm will go up to £4,477. "
    "The passenger group Eastholm Line Users said the company was trading villages for "
    "minutes. Its chair, Dev Mistry-Hale, said some residents would now need to drive.",
    "rail.txt", "rail")
SCHOOL = Article(
    "school", "Fernhill Academy downgraded to 'requires improvement'",
    "Fernhill Academy in Ashby Heath has been downgraded after inspectors found too many "
    "pupils missing lessons. Ashby Heath's other secondary school, St Bede's Catholic High, "
    "was rated outstanding in 2023. Inspectors praised the school's careers programme. "
    "Daniel Okonkwo-Hale, who became headteacher in September 2024, said the judgement was "
    "fair.", "school.txt", "school")


def _read(article: Article, sentence: str, span: str, score: float) -> Evidence:
    """The article's sentence as read, the reader's span (unsure) on `span`."""
    at = article.text.index(sentence)
    word = at + sentence.index(span)
    return Evidence(0, article.id, at, at + len(sentence), sentence, score, score,
                    (word, word + len(span)), 1.0, fit=1.0)


def _ranked(article: Article, *read: tuple[str, str]) -> list[Evidence]:
    return [_read(article, s, span, 0.1 - 0.01 * i) for i, (s, span) in enumerate(read)]


def test_the_chair_named_by_the_third_best_sentence_answers() -> None:
    """The users' "Who chairs Eastholm Line Users?" was turned away by the name rule over the
    timetable's lede; the third best, "Its chair, Dev Mistry-Hale, said…", names the chair."""
    question = "Who chairs Eastholm Line Users?"
    ranked = _ranked(RAIL, ("Greyline Rail will run 38 extra trains every weekday on its main "
                            "line from March 1.", "Greyline"),
                     ("An annual season ticket between Carrbridge and Eastholm will go up to "
                      "£4,477.", "Carrbridge"),
                     ("Its chair, Dev Mistry-Hale, said some residents would now need to "
                      "drive.", "Dev Mistry-Hale"))
    reason = abstention(ranked, True, 1.5, "person", question=question)
    assert reason is not None and reason.reason == NAME_UNCLEAR
    first = name_first(question, ranked, reason, {"rail": RAIL})
    assert first is not None and first[0] is ranked[2]
    assert judged_again(reason, first, "person", question) is None


def test_another_schools_headteacher_is_not_read_first() -> None:
    """"Who is the headteacher of St Bede's Catholic High?" is not answered by Fernhill's
    headteacher: the story names St Bede's in passing, not around his sentence."""
    question = "Who is the headteacher of St Bede's Catholic High?"
    ranked = _ranked(SCHOOL, ("Ashby Heath's other secondary school, St Bede's Catholic High, "
                              "was rated outstanding in 2023.", "Ashby Heath"),
                     ("Daniel Okonkwo-Hale, who became headteacher in September 2024, said the "
                      "judgement was fair.", "Daniel Okonkwo-Hale"))
    reason = Abstention(NAME_UNCLEAR, of_best=True)
    assert name_first(question, ranked, reason, {"school": SCHOOL}) is None


def test_a_runners_up_lone_name_is_not_read_first() -> None:
    """Only a name tied to what was asked: the season ticket's sentence names no chair."""
    question = "Who chairs Eastholm Line Users?"
    ranked = _ranked(RAIL, ("Greyline Rail will run 38 extra trains every weekday on its main "
                            "line from March 1.", "Greyline"),
                     ("The passenger group Eastholm Line Users said the company was trading "
                      "villages for minutes.", "Eastholm"))
    reason = Abstention(NAME_UNCLEAR, of_best=True)
    assert name_first(question, ranked, reason, {"rail": RAIL}) is None
    assert name_first(question, ranked, None, {"rail": RAIL}) is None
