"""Who won and who lost (`assistant.contest`): the side a sentence's verb gives each name, and
the answer path leading with the side asked for, never the other one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.contest import Contest, asked_contest, contest_answer, other_side
from assistant.rerank import Evidence
from assistant.said_first import said_first
from assistant.short import short_answer
from assistant.types import Citation
from tests.records import assistant_over
from tests.test_corrections import CORRECTION

ELECTED = ("Mara Lindqvist has been elected mayor of Osterby, defeating the incumbent Paul "
           "Feld after a recount of postal votes.")
MATCH = "Westbay Wanderers beat Corran Town 2-0 in the cup semi-final on Sunday."


@pytest.mark.parametrize(("question", "sentence", "side"), [
    ("Who won the Osterby mayoral election?", ELECTED, "Mara Lindqvist"),
    ("Who lost the Osterby mayoral election?", ELECTED, "Paul Feld"),
    ("Who defeated Paul Feld?", ELECTED, "Mara Lindqvist"),
    ("Which candidate was defeated?", ELECTED, "Paul Feld"),
    ("Who won the semi-final between Wanderers and Corran Town?", MATCH, "Westbay Wanderers"),
    ("Which team did Westbay Wanderers beat?", MATCH, "Corran Town"),
    ("Who beat Corran Town?", MATCH, "Westbay Wanderers"),
    ("Who won?", "Corran Town lost 2-0 to Westbay Wanderers on Sunday.", "Westbay Wanderers"),
    ("Who lost?", "The Herons were beaten by the Kestrels in overtime.", "Herons"),
    ("Who won?", "Arden's 3-1 win over Belmont sent them top.", "Arden"),
    ("Who conceded defeat?", "Feld conceded defeat outside City Hall.", "Feld"),
    ("Which author won the 2023 Booker Prize?", "Irish writer Paul Lynch won the Booker Prize "
     "for fiction on Sunday.", "Paul Lynch"),  # "Prize" as a name writes it
    # What opens a sentence is no side; a full stop or apostrophe does not end one.
    ("Who won the Osterby election?", "In Osterby, Mara Lindqvist won 52% of the vote, "
     "defeating Paul Feld.", "Mara Lindqvist"),
    ("Who won the final?", "On Sunday Swiatek beat Sabalenka in three sets.", "Swiatek"),
    ("Who won the seat?", "The Conservatives lost the seat to Labour.", "Labour"),
    ("Who beat Calder Town?", "Westmere Rangers' win over Calder Town sent them top.",
     "Westmere Rangers"),
    ("Who beat Calder Town?", "Calder Town were beaten 2-1 by Westmere Rangers.",
     "Westmere Rangers"),
    ("Who won the election?", "Paulo Reis, who had led in the polls, was beaten by Ines Barros.",
     "Ines Barros"),
    ("Who lost the election?", "Incumbent Paulo Reis suffered a heavy defeat at the hands of "
     "Ines Barros.", "Paulo Reis"),
    ("Who won Osterby's mayoral election?", "Mara Lindqvist was elected mayor of Osterby.",
     "Mara Lindqvist"),
    ("Who won the Osterby election?", "Mara Lindqvist was elected mayor of Osterby.",
     "Mara Lindqvist"),
    # what gave a side its win; a match named by its two sides
    ("Who won the Harbor City v Millbrook Rovers match?", "A penalty awarded in the 88th "
     "minute gave Harbor City a 2-1 win over Millbrook Rovers.", "Harbor City"),
    ("Who lost the Harbor City v Millbrook Rovers match?", "A penalty awarded in the 88th "
     "minute gave Harbor City a 2-1 win over Millbrook Rovers.", "Millbrook Rovers"),
])
def test_the_side_asked_for(question: str, sentence: str, side: str) -> None:
    span = contest_answer(question, sentence)
    assert span is not None and sentence[span[0]:span[1]] == side


@pytest.mark.parametrize(("question", "sentence"), [
    # Another contest: the question names its teams, the sentence none of them.
    ("Who won the semi-final between Wanderers and Corran Town?",
     "Eastfield beat Millbrook 1-0 on Friday."),
    # The side the question names is the winner, not the one it asks whom they beat.
    ("Who beat Corran Town?", "Corran Town beat Westbay Wanderers 2-0 on Sunday."),
    ("Who won the election?", "Feld lost his temper at the count."),  # no contest's verb
    ("Who won the cup?", "They beat them in the final with a late goal."),  # no names
    ("What did Feld say?", ELECTED),  # not a question about a contest
    ("Which author won the 2023 Booker Prize?", "Australian author Richard Flanagan wins the "
     "2014 Man Booker prize for his book."),  # another year's
    ("Who won the Mercury Prize for the best British album?", "Singer Bob Dylan won the Nobel "
     "Prize in Literature."),  # another prize: "Prize" names no contest of its own
    ("Who won the race?", "Wildfires swept through Lahaina as the race began."),  # no contest
    ("Who won the vote?", "Parliament took a vote on the bill."),
    ("Who won the cup final?", "Westbay beat Corran 3-1 in the cup quarter-final."),  # a round
    ("Who won the cup final?", "Mara Lindqvist has been elected mayor of Osterby."),  # a kind
    # of contest other than the one asked about
    # "A" opens the sentence: no side (it led "Which NFL team won the Super Bowl?").
    ("Which team won the final?", "A win against the Eagles on Sunday would make the Chiefs "
     "the first team to win three in a row."),
    ("Which team lost the final?", "A win against the Eagles on Sunday would make the Chiefs "
     "the first team to win three in a row."),  # nor the Eagles its loser: no winner named
])
def test_no_side_is_guessed(question: str, sentence: str) -> None:
    assert contest_answer(question, sentence) is None


def test_questions_of_a_contest_and_of_other_kinds() -> None:
    assert asked_contest("Who won the Mercury Prize?") == asked_contest("Who won?")
    beaten = asked_contest("Who did Karen Bass beat in the mayor's race?")
    assert beaten is not None and not beaten.winner and beaten.named == {"karen", "bass"}
    assert asked_contest("Who was elected mayor?") is None  # a holder's question (`roles`)
    assert asked_contest("How many votes did Feld win?") is None
    assert asked_contest("Who lost their homes in the fire?") is None  # no contest lost
    assert asked_contest("Who lost to the Chiefs?") is not None


def _evidence(sentence: str, span: str, answer_score: float = 14.0) -> Evidence:
    at = 10 + sentence.index(span)
    return Evidence(text=sentence, article_id="a", start=10, end=10 + len(sentence),
                    relevance=0.5, score=0.6, passage=0, answer=(at, at + len(span)),
                    answer_score=answer_score, fit=1.0)


def test_the_loser_never_leads_an_answer_to_who_won() -> None:
    """The reader's sure span was the defeated candidate: a user was told the loser won."""
    citation = Citation(1, ELECTED, "a", "a", None, None, "a", 10, 10 + len(ELECTED))
    loser = _evidence(ELECTED, "Paul Feld")
    short = short_answer(loser, citation, "person", "Who won the Osterby mayoral election?")
    assert short is not None and short.text == "Mara Lindqvist"
    assert ELECTED[short.start - 10:short.end - 10] == short.text
    # Where the sentence states no winner, the other side still does not lead: the quote does.
    conceded = "Paul Feld conceded defeat in Osterby."
    quote = Citation(1, conceded, "a", "a", None, None, "a", 10, 10 + len(conceded))
    assert other_side("Who won the Osterby election?", conceded)
    assert short_answer(_evidence(conceded, "Paul Feld"), quote, "person",
                        "Who won the Osterby election?") is None


def test_a_sentence_stating_the_side_asked_for_answers_first() -> None:
    """Unsure of any span, the reader put the scorer's sentence first; the sentence saying who
    beat whom answers, wherever it ranks among those read."""
    scorer = _evidence("Tom Ash put Wanderers ahead in the 12th minute.", "Tom Ash")
    result = replace(_evidence(MATCH, "Corran Town", answer_score=2.0), score=0.1)
    ranked = said_first("Who won the semi-final between Wanderers and Corran Town?",
                        [scorer, result])
    assert ranked is not None and ranked[0] is result
    # "Who won?" names no contest: no sentence is put first for its verb alone.
    assert said_first("Who won?", [scorer, result]) is None


LAKEPORT = [
    {"id": "final", "title": "Okonkwo wins Lakeport mayoralty after final count",
     "published": "2026-11-07", "source": "Lakeport Herald",
     "text": "Grace Okonkwo has been elected mayor of Lakeport, defeating the incumbent Henrik "
             "Dahl after the final count of postal ballots.\nOkonkwo, of the Civic Alliance, "
             "won 51,028 votes to Dahl's 47,615, election officials announced on Friday "
             "evening.\nThe incumbent mayor, Henrik Dahl of the Liberal Party, conceded on "
             "Saturday, and independent candidate Frank Ruiz finished third with 6,502 votes."},
    {"id": "cup", "title": "Rovers edge Harbour City to reach National Cup semi-final",
     "published": "2026-11-22", "source": "Northgate Chronicle",
     "text": "Riverside Rovers beat Harbour City 3-1 in the National Cup quarter-final at "
             "Kingsmead Stadium on Saturday.\n\"We were second best for long spells,\" said "
             "Harbour City manager Paul Ashworth."},
]


@pytest.fixture(scope="module")
def contests(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(LAKEPORT, tmp_path_factory.mktemp("contests"))


def _converse(assistant: Assistant, *questions: str) -> list[str]:
    from tests.test_last_answer import converse

    return [answer.text for answer in converse(assistant, *questions)]


def test_who_she_beat_is_the_other_side_of_the_sentence_just_quoted(contests: Assistant) -> None:
    """"Who did she beat?" after "Grace Okonkwo — …" was searched with the conversation's
    names, and turned away over another candidate's tally; the sentence just quoted says."""
    from assistant.last_side import asks_other_side

    assert asks_other_side("Who did she beat?") and asks_other_side("And who beat them?")
    assert not asks_other_side("Who did Rovers beat?")  # a side named: searched
    won, beaten, winner = _converse(contests, "Who won the Lakeport mayoral election?",
                                    "Who did she beat?", "Who beat him?")
    assert won.startswith("Grace Okonkwo — ")
    assert beaten.startswith("Henrik Dahl — “Grace Okonkwo has been elected"), beaten
    assert winner.startswith("Grace Okonkwo — “Grace Okonkwo has been elected"), winner
    # After a figure, the one contest its sentence states ("…won 51,028 votes to Dahl's…").
    _, other = _converse(contests, "How many votes did Okonkwo get?", "Who did she beat?")
    assert other.startswith("Dahl — “Okonkwo, of the Civic Alliance"), other
    # Never the name just given: she was beaten by no one.
    _, by = _converse(contests, "Who won the Lakeport mayoral election?",
                      "Who was she beaten by?")
    assert not by.startswith("Grace Okonkwo"), by


def test_who_a_side_lost_to_is_the_winner(contests: Assistant) -> None:
    """"Who did Harbour City lose to?" named Harbour City's manager."""
    assert asked_contest("Who did Harbour City lose to?") == Contest(True, frozenset(
        {"harbour", "city"}))
    answer = contests.ask("Who did Harbour City lose to?")
    assert answer.text.startswith("Riverside Rovers — "), answer.text


def test_a_contest_of_another_kind_or_round_does_not_answer(contests: Assistant) -> None:
    """"Who won the cup final?", after a question about the election, was answered "Grace
    Okonkwo": the reader's span in a sentence about another contest."""
    from assistant.contest import another_contest

    elected = LAKEPORT[0]["text"].split("\n")[0]
    assert another_contest("Who won the cup final?", elected)
    assert another_contest("Who won the cup final?", MATCH)  # a semi-final
    assert not another_contest("Who won the mayoral election?", elected)  # "final count"
    assert not another_contest("Who won the semi-final?", MATCH)
    assert not another_contest("When was the final held?", MATCH)  # not asked who won
    _, final = _converse(contests, "How many votes did Okonkwo get?", "Who won the cup final?")
    assert final.startswith("The articles don't say: the closest sentence is about another "
                            "contest"), final


AWARDS = ["The debut novelist Amara Quinn won the Coastline Book Prize for fiction on Friday "
          "night, beating five shortlisted authors.",
          "The non-fiction prize went to historian Peter Lowe for 'Iron and Tide'.",
          "Poet Hana Ito won the poetry category for her collection 'Low Water'."]


@pytest.mark.parametrize(("question", "winner"), [
    ("Who won the non-fiction prize?", "Peter Lowe"),
    ("Who won the poetry prize?", "Hana Ito"),  # "Poet" says what she is
    ("Who won the Coastline Book Prize?", "Amara Quinn"),
    ("Who won the fiction prize?", "Amara Quinn"),
])
def test_a_prize_s_category_is_answered_by_its_own_winner(question: str, winner: str) -> None:
    """Every category of a book prize was answered with the first winner the article named
    ("Who won the poetry prize?": Amara Quinn, the fiction winner)."""
    from assistant.contest import names_a_contest

    assert names_a_contest(question.replace("prize", "category"))  # said first, if among the best
    answers = [(span := contest_answer(question, s)) and s[span[0]:span[1]] for s in AWARDS]
    assert [a for a in answers if a] == [winner]


def test_confirmed_as_the_new_mayor_is_who_won() -> None:
    """"Who won the Millbrook mayoral election?" named the defeated incumbent: the recount's
    "has been confirmed as the new mayor" stated no winner."""
    from assistant.roles import role_holder

    recount = ("Priya Raman has been confirmed as the new mayor of Millbrook after a hand "
               "recount narrowed her lead over Gerald Hobbs from 21 votes to 17.")
    incumbent = "Incumbent mayor Gerald Hobbs, a Conservative, received 8,391 votes."
    span = contest_answer("Who won the Millbrook mayoral election?", recount)
    assert span is not None and recount[span[0]:span[1]] == "Priya Raman"
    holder = role_holder("Who is the new mayor of Millbrook?", recount)
    assert holder is not None and holder.name == "Priya Raman"
    assert role_holder("Who is the new mayor of Millbrook?", incumbent) is None  # not new
    assert role_holder("Who is the mayor?", incumbent) is not None


@pytest.mark.parametrize(("question", "sentence", "score"), [
    ("What was the final score?", "Harbour City beat Riverside Rovers 3-2 at Ferry Park.", "3-2"),
    ("What was the score?", "The result, 3-2 to Harbour City, is unchanged.", "3-2"),
    ("What was the final score?", "Mensah scored again to give the visitors a 2-1 lead.", None),
    ("What was the half-time score?", "Mensah scored to give the visitors a 2-1 lead.", "2-1"),
    ("What was the final score?", "The attendance was 6,214.", None),
    ("What was the final score?", "The 2024-25 season ends with a 12-month ban.", None),
    ("Who scored the winner?", "Harbour City beat Riverside Rovers 3-2.", None),  # not asked
    # The review's: a score ending its sentence; a span of days; a lead on the way.
    ("What's the final score?", "Harbour City beat Riverside Rovers 3-2.", "3-2"),
    ("What was the score?", "The match ended 2-2, their third draw.", "2-2"),
    ("What was the final score?", "The festival ran 10-12 May.", None),
    ("What was the final score?", "Rovers, 2-1 up at half-time, won 3-2.", "3-2"),
    ("What was the final score?", "City led 1-0 at the break but lost 2-1.", "2-1"),
    ("What was the result of the inquiry?", "The panel voted 7-2 to close it.", None),
    # "9-11" names a day, not a score.
    ("What was the final score?", "The stadium held a minute's silence for the 9-11 attacks "
     "before City won 2-0.", "2-0"),
    ("What was the final score?", "Security at the ground has been tight since 9-11.", None),
    ("What was the final score?", "Before 9-11, the club played at Ferry Park.", None),
    # Words after a score that begin like a month are no month: the review's.
    ("What was the final score?", "City won 2-0 decisively.", "2-0"),
    ("What was the final score?", "Rovers won 2-1 marking their first win.", "2-1"),
])
def test_a_score_asked_is_the_result_the_sentence_gives(question: str, sentence: str,
                                                         score: str | None) -> None:
    """"What was the final score?" was answered "6,214", the attendance; a half-time lead is
    no final score."""
    from assistant.scores import score_span

    span = score_span(question, sentence)
    assert (sentence[span[0]:span[1]] if span else None) == score


def test_the_sentence_giving_the_score_answers_first() -> None:
    attendance = Evidence(0, "m", 0, 30, "The attendance was 6,214.", 0.4, 0.4,
                          answer=(19, 24))
    result = Evidence(0, "m", 40, 90, "Harbour City beat Riverside Rovers 3-2 at Ferry Park.",
                      0.2, 0.2)
    assert said_first("What was the final score?", [attendance, result]) == [result, attendance]
    assert said_first("What was the attendance?", [attendance, result]) is None


def test_a_year_asked_is_not_answered_by_another_year_s_report() -> None:
    """"Who won the Millbrook election in 2021?" was answered with 2025's winner: the sentence
    names no year, its report is of 2025."""
    recount = "Priya Raman has been confirmed as the new mayor of Millbrook after a recount."
    asked = "Who won the Millbrook election in 2021?"
    assert contest_answer(asked, recount, "2025-05-10") is None
    assert contest_answer(asked, recount, "2021-05-10") is not None
    assert contest_answer(asked, recount, "2022-01-03") is not None  # reported early next year
    assert contest_answer(asked, recount) is not None  # an undated report: not known


def test_a_question_offering_two_answers_is_answered_by_one_of_them() -> None:
    """"Who got more votes in the recount, Raman or Hobbs?" was answered "Martha Greene", the
    official who announced the figures."""
    from assistant.question import chosen

    asked = "Who got more votes in the recount, Raman or Hobbs?"
    assert not chosen(asked, "Martha Greene") and chosen(asked, "Priya Raman")
    assert not chosen("Which happened first, Storm Isla or the Millbrook election?", "the fire")
    assert chosen("Who won the recount?", "Martha Greene")  # no choice offered
    sentence = ("The final recount figures, announced by elections board chair Martha Greene, "
                "gave Raman 8,409 votes and Hobbs 8,392.")
    at = sentence.index("Martha Greene")
    best = Evidence(0, "r", 0, len(sentence), sentence, 0.6, 0.6, answer=(at, at + 13),
                    answer_score=20.0, fit=1.0)
    cite = Citation(1, sentence, "r", "t", "o", "2025-05-10", "s", 0, len(sentence))
    assert short_answer(best, cite, "person", asked) is None
    assert short_answer(best, cite, "person", "Who announced the recount figures?") is not None



def test_the_review_s_contest_cases() -> None:
    """The more votes win, whichever name comes first; a quarter-final is no final; "a
    category 4 storm" is no prize; a report early in the next year still counts."""
    from assistant.contest import another_contest

    tally = "Incumbent Gerald Hobbs received 8,392 votes to Priya Raman's 8,409, officials said."
    won = contest_answer("Who won the election?", tally)
    assert won is not None and tally[won[0]:won[1]] == "Priya Raman"
    assert another_contest("Who won the cup final?", "Eastbrook beat Harbour City in the "
                           "quarter-final yesterday.")
    assert not another_contest("Who won the race?", "Storm Isla, a category 4 storm, hit "
                               "Millbrook, and Smith beat Jones.")
    recount = "Priya Raman has been confirmed as the new mayor of Millbrook."
    asked = "Who won the Millbrook election in 2024?"
    assert contest_answer(asked, recount, "2025-11-02") is None
    assert contest_answer(asked, recount, "2025-02-02") is not None
    assert contest_answer(asked, recount, "May 2021") is not None  # no ISO date: not judged


@pytest.mark.parametrize(("question", "answer"), [
    ("How many people were killed, injured or missing?", "14"),
    ("Who is the mayor, and is he running again or retiring?", "Gerald Hobbs"),
    ("Who won, the incumbent or the challenger?", "Priya Raman"),
])
def test_an_or_that_offers_no_two_names_is_no_choice(question: str, answer: str) -> None:
    from assistant.question import chosen

    assert chosen(question, answer)


def test_what_a_correction_says_was_wrong_is_not_the_answer(tmp_path: Path) -> None:
    """"Who was credited with the winning goal after the correction?" quoted "An earlier version
    of our report … credited the winning goal to Luis Ortega" and led with Ortega."""
    answer = assistant_over([CORRECTION], tmp_path).ask(
        "Who was credited with the winning goal after the correction?")
    assert "Ortega." not in answer.citations[0].quote, answer.text
    assert "Jamie Hart" in answer.text.split("”")[0], answer.text


@pytest.mark.parametrize(("question", "sentence", "side"), [
    # "was won by": a passive report of the race names its winner
    ("Who won the women's race?", "The women's race was won by Amara Lindgren, who grew up in "
     "the Old Town, in 2:19:47.", "Amara Lindgren"),
    ("Who won the match?", "The match was won by a late penalty.", None),
    # Of two contests one sentence reports, the one asked about
    ("Who won the women's race?", "In the wheelchair race, Luc Moreau won the men's title for "
     "the fourth time, and Hana Sato won the women's race in 1:38:51.", "Hana Sato"),
    ("Who won the men's title?", "In the wheelchair race, Luc Moreau won the men's title for "
     "the fourth time, and Hana Sato won the women's race in 1:38:51.", "Luc Moreau"),
    ("Who won the women's race?", "Luc Moreau won the men's race in 2:08:11 and Hana Sato won "
     "the women's race in 2:21:40.", "Hana Sato"),  # joined by a bare "and"
])
def test_the_side_of_the_contest_asked_about(question: str, sentence: str,
                                             side: str | None) -> None:
    span = contest_answer(question, sentence)
    assert (span and sentence[span[0]:span[1]]) == side if side else span is None

