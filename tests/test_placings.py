"""A placing asked is answered by that placing, said of a name, never by another nor by a
sentence giving none (`assistant.placings`)."""

from __future__ import annotations

from assistant.compose import PLACING_UNSAID, abstention, judged_again
from assistant.name_first import name_first
from assistant.placings import asked_placing, placed_name, states_placing
from assistant.rerank import Evidence
from assistant.short import named_as_asked
from index import Article

RANKINGS = Article(
    "rank", "Kelsworth climbs 12 places as Valmont tops world university rankings",
    "The University of Kelsworth has climbed 12 places to 29th in the Halcyon Rankings. "
    "Ashgrove University remained the highest-ranked university in the country, in seventh "
    "place for the third year running. "
    "The top five were: Institut Polytechnique de Valmont (1), Carrington Institute of "
    "Technology (2), University of Eastmarch (3) and Nakamura Institute of Science (4).",
    "rank.txt", "rank")
ELECTION = Article(
    "vote", "Green candidate Corrigan wins Porthaven North by-election",
    "Corrigan won the seat with 41% of the vote. "
    "Allanby, who came third, said the Civic Party had doubled its vote since 2024.",
    "vote.txt", "vote")


def _read(article: Article, sentence: str, span: str, score: float) -> Evidence:
    at = article.text.index(sentence)
    word = at + sentence.index(span)
    return Evidence(0, article.id, at, at + len(sentence), sentence, score, score,
                    (word, word + len(span)), 1.0, fit=1.0)


def _sentences(article: Article) -> list[str]:
    return [s if s.endswith(".") else s + "." for s in article.text.split(". ")]


def test_the_placing_asked() -> None:
    assert asked_placing("Which university was third in the world?") == 3
    assert asked_placing("Which university came top of the Halcyon rankings?") == 1
    assert asked_placing("Who was second?") == 2
    assert asked_placing("Who was runner-up in the final?") == 2
    # No placing: a first of its kind, a win (`contest`'s).
    assert asked_placing("Who was the first woman to lead it?") is None
    assert asked_placing("Who was first to reach the summit?") is None
    assert asked_placing("Who won the final?") is None


def test_a_count_of_times_is_no_placing() -> None:
    """"for the third year running", "his 30th Calderport Marathon": no placing."""
    ashgrove = _sentences(RANKINGS)[1]
    assert states_placing(ashgrove, 7) and not states_placing(ashgrove, 3)
    assert not states_placing("The oldest finisher was Walter Cheesman, who completed his "
                              "30th Calderport Marathon in 5:58:30.", 30)
    assert states_placing(_sentences(RANKINGS)[0], 29)


def test_the_name_given_the_placing() -> None:
    top = _sentences(RANKINGS)[2]
    at = placed_name("Which university was third in the world?", top)
    assert at is not None and top[slice(*at)] == "University of Eastmarch"
    allanby = _sentences(ELECTION)[1]
    at = named_as_asked(_read(ELECTION, allanby, "Allanby", 0.5), "Who came third?")
    assert at is not None and allanby[slice(*at)] == "Allanby"
    went = "Second place went to St Columba's High School from Lenhurst."
    at = placed_name("Which school came second?", went)
    assert at is not None and went[slice(*at)] == "St Columba's High School"


def test_another_placing_is_turned_away_and_the_one_asked_read_first() -> None:
    """The users' "Which university was third in the world?" was answered with Ashgrove "in
    seventh place"; the list naming the third, ranked below, answers."""
    question = "Which university was third in the world?"
    kelsworth, ashgrove, top = _sentences(RANKINGS)
    ranked = [_read(RANKINGS, ashgrove, "Ashgrove", 0.5),
              _read(RANKINGS, kelsworth, "Kelsworth", 0.45),
              _read(RANKINGS, top, "Nakamura", 0.2)]
    reason = abstention(ranked, True, 1.5, "other", question=question)
    assert reason is not None and reason.reason == PLACING_UNSAID
    first = name_first(question, ranked, reason, {"rank": RANKINGS})
    assert first is not None and first[0] is ranked[2]
    assert judged_again(reason, first, "other", question) is None


def test_another_storys_placing_is_not_read_first() -> None:
    """"Which school came third in the robotics challenge?" is not answered by a by-election's
    third."""
    question = "Which school came third in the robotics challenge?"
    school = Article("school", "Pupils crowned robotics champions",
                     "A team from Brackley Hill Academy has won the Robotics Challenge.",
                     "s.txt", "school")
    allanby = _sentences(ELECTION)[1]
    ranked = [_read(school, school.text, "Brackley Hill Academy", 0.5),
              _read(ELECTION, allanby, "Allanby", 0.3)]
    reason = abstention(ranked, True, 1.5, "other", question=question)
    assert reason is not None and reason.reason == PLACING_UNSAID
    assert name_first(question, ranked, reason, {"school": school, "vote": ELECTION}) is None
