"""A placing asked is answered by that placing, said of a name, never by another nor by a
sentence giving none (`assistant.placings`)."""

from __future__ import annotations

from assistant.compose import PLACING_UNSAID, abstention, judged_again
from assistant.name_first import name_first
from assistant.placings import asked_placing, placed_name, placing_unsaid, states_placing
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


MARATHON = Article(
    "mara", "Kamau retains Calderport Marathon title as Ashby takes bronze",
    "Kenya's Daniel Kamau won the Calderport Marathon for a second time on Sunday. "
    "Ethiopia's Tesfaye Bekele took the silver medal, 40 seconds behind, and local favourite "
    "Tom Ashby claimed the bronze in a personal best. "
    "Grace Njeri, who finished third in 2019, won the women's race in 2:24:10.",
    "mara.txt", "mara")


def test_medals_leading_and_titles_state_a_placing() -> None:
    """The review's counter-examples: a medal, "was top", "leads the table", a title won."""
    assert states_placing("Norway's Ingrid Dahl took silver and Finland's Aino Virtanen the "
                          "bronze.", 3)
    assert states_placing("Harbour Lights was top for three weeks.", 1)
    assert states_placing("Valdoria leads the medal table with six golds.", 1)
    beat = "Pupils from Millbrook Academy beat 30 other schools to take the quiz title."
    assert states_placing(beat, 1)
    at = placed_name("Which school came top in the quiz?", beat)
    assert at is not None and beat[slice(*at)] == "Millbrook Academy"
    skating = "Norway's Ingrid Dahl took silver and Finland's Aino Virtanen the bronze."
    at = placed_name("Who finished third in the women's 1,500m?", skating)
    assert at is not None and skating[slice(*at)] == "Aino Virtanen"
    won = ("Labour's Ruth Hale won the Dunmore by-election with 14,210 votes, ahead of "
           "Reform's Gary Pike on 9,870.")
    at = placed_name("Who was the runner-up in the Dunmore by-election?", won)
    assert at is not None and won[slice(*at)] == "Gary Pike"


def test_a_placing_of_another_year_or_contest_is_not_the_one_asked() -> None:
    assert placed_name("Who came third in the Calderport Marathon?",
                       _sentences(MARATHON)[2]) is None
    for question, sentence in (
            ("Who came second in the Dunmore by-election?",
             "Mistry, who came second in the council elections in May, said so."),
            ("Which city came top of the Liveability Index?",
             "Marston came top of the trust's separate Green Cities list last year."),
            ("Which school came third in the regional schools quiz?",
             "Hawthorn, who came third in the county swimming gala in June, had led."),
            ("Which film was top at the weekend box office?",
             "Harbour Lights was top for three weeks before Moonfall's release."),
            ("Who came second in the women's 1,500m?",
             "Dahl, who was second in the 500m on Friday, said she was happy.")):
        assert placed_name(question, sentence) is None, sentence
        assert not states_placing(sentence, asked_placing(question) or 0, question), sentence


def test_first_at_the_scene_or_second_in_command_asks_no_placing() -> None:
    for question in ("Who was first at the scene of the Marlow Street fire?",
                     "Who is second in command at the Harbour Authority?",
                     "Who was first in line for the tickets?"):
        assert asked_placing(question) is None, question


def test_the_placing_asked_of_another_race_gives_way_to_the_medal() -> None:
    """"Who came third in the Calderport Marathon?" was answered "Grace Njeri, who finished
    third in 2019"; the bronze answers."""
    question = "Who came third in the Calderport Marathon?"
    kamau, medals, njeri = _sentences(MARATHON)
    ranked = [_read(MARATHON, kamau, "Daniel Kamau", 0.5),
              _read(MARATHON, njeri, "Grace Njeri", 0.45),
              _read(MARATHON, medals, "Tesfaye Bekele", 0.3)]
    reason = abstention(ranked, True, 1.5, "other", question=question)
    assert reason is not None and reason.reason == PLACING_UNSAID
    first = name_first(question, ranked, reason, {"mara": MARATHON})
    assert first is not None and first[0] is ranked[2]


def test_the_placing_asked_of_another_list_stays_where_none_other_names_it() -> None:
    """"Marston came top of the trust's separate Green Cities list…" was answered "Marston",
    asked which city came top of the Liveability Index; it is not turned away where no other
    sentence of its story names the top (it answers as a sentence), and gives no short answer.
    A sentence stating no placing is turned away (the users' "Who came second in the men's
    Calderport Marathon?")."""
    question = "Which city came top of the Liveability Index?"
    marston = ("Marston came top of the trust's separate Green Cities list last year, and "
               "Aldbury was praised for its new tram line.")
    assert not placing_unsaid(question, marston, ["The index scores 60 cities."])
    assert placed_name(question, marston) is None
    assert placing_unsaid("Who came second in the men's Calderport Marathon?",
                          "The oldest finisher was 84-year-old Walter Cheesman.", [])
    assert placing_unsaid("Who was the runner-up in the Dunmore by-election?",
                          "Mistry, who came second in the council elections in May, said so.",
                          ["Ruth Hale won the by-election, ahead of Reform's Gary Pike."])
