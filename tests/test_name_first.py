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


UNION = Article(
    "union", "Nurses' union rejects pay offer from Westshire health board",
    "The Royal College of Nursing has rejected a 4% pay offer from Westshire Health Board. "
    "Talks broke down on Thursday after six hours. "
    "The board's chair, Alan Price, said the offer was 'fair and final'. "
    "Union members will vote on strike action next month.", "u.txt", "union")
BANK = Article(
    "bank", "Harbour Bank agrees £2bn takeover by Northway",
    "Harbour Bank has agreed to be bought by Northway in a £2bn deal, the two lenders said on "
    "Monday. Northway, founded in 1854, has 3 million customers. "
    "Its chief executive, Priya Sen, said the combined bank would keep all Harbour branches "
    "open for two years. Harbour shares rose 18% on the news.", "bank.txt", "bank")


def _match(owner: str, before: str) -> Article:
    return Article("match", "Rovers beat Athletic 2-1 to reach cup final",
                   "Rovers came from behind to beat Athletic 2-1 at Holm Park on Saturday. "
                   f"{before} took the lead through a first-half penalty. "
                   f"{owner} manager, Tom Cole, said his side had been 'robbed'. "
                   "Rovers will face Dunmore in the final.", "m.txt", "match")


def _promoted(question: str, article: Article, third: str) -> list[Evidence] | None:
    lede = article.text.split(". ")[0] + "."
    second = article.text.split(". ")[1] + "."
    ranked = _ranked(article, (lede, lede.split()[1]), (second, second.split()[0]),
                     (third, third.split(", ")[1]))
    return name_first(question, ranked, Abstention(NAME_UNCLEAR, of_best=True),
                      {article.id: article})


def test_another_bodys_officer_is_not_read_first() -> None:
    """The review's: "The board's chair" is the health board's, not the nurses' union's; "Its
    chief executive" after a sentence about Northway is Northway's, not Harbour Bank's; "Their
    manager" after "Athletic took the lead" is Athletic's, not Rovers'."""
    assert _promoted("Who is the chair of the Royal College of Nursing?", UNION,
                     "The board's chair, Alan Price, said the offer was 'fair and final'.") is None
    assert _promoted("Who is the chief executive of Harbour Bank?", BANK,
                     "Its chief executive, Priya Sen, said the combined bank would keep all "
                     "Harbour branches open for two years.") is None
    their = "Their manager, Tom Cole, said his side had been 'robbed'."
    assert _promoted("Who is the manager of Rovers?", _match("Their", "Athletic"), their) is None
    visitors = "The visitors' manager, Tom Cole, said his side had been 'robbed'."
    assert _promoted("Who is the manager of Rovers?", _match("The visitors'", "Athletic"),
                     visitors) is None


def test_their_officer_after_the_body_asked_is_read_first() -> None:
    """"Their manager" after a sentence naming Rovers is Rovers' manager."""
    their = "Their manager, Tom Cole, said his side had been 'robbed'."
    first = _promoted("Who is the manager of Rovers?", _match("Their", "Rovers"), their)
    assert first is not None and first[0].text == their
