"""An elliptical follow-up ("What about his wife?") asks the last question again of another."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.elliptic import expanded
from assistant.types import Message
from tests.records import assistant_over


def _asked(*questions: str) -> list[Message]:
    history: list[Message] = []
    for q in questions:
        history += [{"role": "user", "content": q},
                    {"role": "assistant", "content": "Someone — “A sentence.” [1]"}]
    return history


@pytest.mark.parametrize(("before", "question", "asked"), [
    ("How old is he?", "What about his wife?", "How old is his wife?"),
    ("How old is she?", "And the father?", "How old is the father?"),
    ("How many votes did she get?", "What about the runner-up?",
     "How many votes did the runner-up get?"),
    ("What did she say about the results?", "What about job cuts?",
     "What did she say about job cuts?"),
    ("How many jobs will it cut?", "And in Kraków?", "How many jobs will it cut in Kraków?"),
    ("How many jobs will it cut in Warsaw?", "And in Kraków?",
     "How many jobs will it cut in Kraków?"),
    ("What time does it open?", "And on Sundays?", "What time does it open on Sundays?"),
    ("How many votes did Labour get?", "And the Greens?",
     "How many votes did the Greens get?"),
    ("How many votes did Keir Starmer get?", "And Rishi Sunak?",
     "How many votes did Rishi Sunak get?"),
    ("How much is it?", "And the 512GB version?", "How much is the 512GB version?"),
    ("What are the odds on him scoring a try?", "What about Baptiste-Fernández?",
     "What are the odds on Baptiste-Fernández scoring a try?"),
    ("How many call-outs did the team have last year?", "And the year before?",
     "How many call-outs did the team have the year before?"),
    ("Where did Kelsworth come in the rankings this year?", "And last year?",
     "Where did Kelsworth come in the rankings last year?"),
    ("How old is Amara Nwachukwu?", "And her coach?", "How old is her coach?"),
    ("How many troops did Russia send?", "And Ukraine?", "How many troops did Ukraine send?"),
    ("Is the museum open today?", "What about tomorrow?", "Is the museum open tomorrow?"),
    ("Is it open?", "What about tomorrow?", "Is it open tomorrow?"),
])
def test_the_last_question_is_asked_of_what_it_names(before: str, question: str,
                                                      asked: str) -> None:
    assert expanded(question, _asked(before)) == asked


@pytest.mark.parametrize(("before", "question"), [
    # Nothing in the last question stands for what is named: asked as it is.
    ("How long is his contract?", "what about his wages?"),
    # Of the same thing, not another of its kind (the review's): "How much have the target
    # raised?", "When does end start?".
    ("How much have they raised?", "And the target?"),
    ("How much does it cost?", "And the range?"),
    ("When does it start?", "And end?"),
    ("When did it land?", "What about the rover?"),
    ("How many homes?", "What about affordable ones?"),
    ("Which one is suspended?", "And what about people on foot?"),
    # A question of its own, not an elliptical one.
    ("What did the robber take?", "and how much were they worth?"),
    ("What did she say about pay?", "And what does the union want?"),
    ("Who won the Stuttgart Open?", "And Hartmann?"),
    ("What did I miss?", "And Hartmann?"),
])
def test_a_question_with_nothing_to_replace_is_asked_as_it_is(before: str,
                                                               question: str) -> None:
    assert expanded(question, _asked(before)) == question


def test_an_elliptical_question_after_another_asks_what_that_one_asked() -> None:
    history = _asked("How old is he?", "What about his wife?")
    assert expanded("And his sister-in-law?", history) == "How old is his sister-in-law?"
    assert expanded("What about his wife?", []) == "What about his wife?"


RUGBY = {"id": "rugby-odds", "title": "Carrowmore ready for Harlequins showdown",
         "source": "Western Rugby Post", "published": "2026-03-06",
         "text": "Carrowmore welcome the league leaders to Carrowmore Park on Saturday.\n"
                 "Bookmakers make winger Tomás Leclercq-Dubois 5/2 to score the first try.\n"
                 "Full-back Mathis Baptiste-Fernández, who leads the side as usual, is 9/2 to "
                 "score the first try.\n"
                 "Baptiste-Fernández has scored in each of his last four matches.\n"
                 "Kick-off is at 3pm and the ground holds 11,000 spectators."}


@pytest.fixture(scope="module")
def rugby(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([RUGBY], tmp_path_factory.mktemp("rugby"))


def test_what_about_him_asks_his_odds(rugby: Assistant) -> None:
    first = "What are the odds on Leclercq-Dubois scoring the first try?"
    history: list[Message] = [{"role": "user", "content": first},
                              {"role": "assistant", "content": rugby.ask(first).text}]
    answer = rugby.ask("What about Baptiste-Fernández?", history=history)
    # Its odds, not the sentence naming him that the name alone brought first.
    assert not answer.abstained and "9/2" in answer.citations[0].quote, answer.text
    assert answer.question == "What about Baptiste-Fernández?"  # as asked
