"""Whom a follow-up's "he" or "she" means (`assistant.referent`), and the question asked by
that name: "How old is she?" after "Who won the Stuttgart Open?" gave no age, and after "Who
led the coral study?" gave Professor Marcus Hale's."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.referent import people_named, resolve_pronoun
from assistant.types import Message
from tests.records import assistant_over


def _turn(question: str, answer: str) -> list[Message]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


WON = _turn("Who won the Stuttgart Open?", "Germany's Lena Hartmann — “Germany's Lena Hartmann "
            "won her first title, beating Spain's Carla Ibáñez 6-4 3-6 7-5.” [1]")
CLOSEST = _turn("Who led the coral study?", "The articles don't say: no sentence in them surely "
                "answers it. The closest they come: “Professor Marcus Hale, 58, director of the "
                "institute, said the next step was a field trial.” [1]")


@pytest.mark.parametrize(("history", "question", "resolved"), [
    (WON, "How old is she?", "How old is Lena Hartmann?"),
    (WON, "Who did she beat?", "Who did Lena Hartmann beat?"),
    (WON, "Who is her coach?", "Who is Lena Hartmann's coach?"),
    (WON, "Who beat her?", "Who beat Lena Hartmann?"),
    (WON, "Who coached her there?", "Who coached Lena Hartmann there?"),
    (WON, "Who gave her the trophy?", "Who gave Lena Hartmann the trophy?"),
    # the answer's man is not "she"; nor is anyone the abstention only quoted
    (WON, "How old is he?", "How old is he?"),
    (CLOSEST, "How old is she?", "How old is she?"),
    # a name of the question before, when the answer led with none
    (_turn("Who was Ruth Achterberg?", "“Ruth Achterberg, the Dutch architect, died on "
           "Friday.” [1]"), "How old was she?", "How old was Ruth Achterberg?"),
    # the judge the answer named, then the man the question named
    (_turn("Who sentenced Gerald Pike?", "Judge Helen Marsh — “Judge Helen Marsh jailed "
           "him.” [1]"), "How long will he serve?", "How long will Gerald Pike serve?"),
    # The eighth tester's: a lead of a name and more ("… of the Green Party") names her.
    (_turn("Who won the by-election?", "Hannah Corrigan of the Green Party — “Hannah Corrigan "
           "of the Green Party won the by-election.” [1]"), "How old is she?",
     "How old is Hannah Corrigan?"),
    (_turn("Who lost?", "Tom Baxter, 52 — “Tom Baxter, 52, lost.” [1]"), "How old is he?",
     "How old is Tom Baxter?"),
    # The review's: one's possessive, or two people, leave the pronoun as it is.
    (_turn("Who coaches her?", "Lena Hartmann's coach, Anna Berg — “x” [1]"), "How old is she?",
     "How old is she?"),
    (_turn("Who played?", "Serena Williams and Venus Williams — “x” [1]"), "How old is she?",
     "How old is she?"),
    # both pronouns: whom each means is not for a rule to guess
    (WON, "Did she say anything about him?", "Did she say anything about him?"),
    ([], "How old is she?", "How old is she?"),
])
def test_the_pronoun_becomes_the_person_meant(history: list[Message], question: str,
                                              resolved: str) -> None:
    assert resolve_pronoun(question, history) == resolved


def test_only_people_are_named() -> None:
    """A foundation, a date, a place, a company with a first name in it: no person."""
    history = [*_turn("Who paid for the study?", "Reef Restoration Foundation — “The Reef "
                      "Restoration Foundation paid for it.” [1]"),
               *_turn("When did it start?", "March 2024 — “It began in March 2024.” [1]"),
               *_turn("What did Georgia Power say?", "Victoria Falls Council — “x” [1]"),
               *_turn("What did Jordan Foods announce?", "“Jordan Foods cut jobs.” [1]")]
    assert list(people_named(history)) == []


def test_names_of_any_alphabet_and_not_the_question_s_first_word() -> None:
    history = [*_turn("Did Gerald Pike plead guilty?", "Yes — “Gerald Pike pleaded.” [1]"),
               *_turn("Who is Álvaro Ruiz?", "a striker — “Álvaro Ruiz, a striker, …” [1]")]
    assert list(people_named(history)) == ["Álvaro Ruiz", "Gerald Pike"]


TENNIS = {
    "id": "final", "title": "Hartmann outlasts Ibáñez to win Stuttgart Open in three sets",
    "published": "2025-04-27", "source": "Courtside Weekly",
    "text": "Germany's Lena Hartmann won her first title in almost two years on Sunday, beating "
            "Spain's Carla Ibáñez 6-4 3-6 7-5 in a final at the Stuttgart Open.\nHartmann, 22, "
            "the world No. 14, broke serve in the final game of the match to seal the win.\n"
            "Hartmann's coach, Martin Kühn, 47, said the turnaround came from changes to her "
            "serve.\nIbáñez, 29, the third seed, had saved two match points in the second set."}


@pytest.fixture(scope="module")
def tennis(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([TENNIS], tmp_path_factory.mktemp("tennis"))


def test_a_follow_up_about_her_gets_her_age(tennis: Assistant) -> None:
    history = _turn("Who won the Stuttgart Open?", tennis.ask("Who won the Stuttgart "
                                                               "Open?").text)
    answer = tennis.ask("How old is she?", history=history)
    assert answer.short is not None and answer.short.text == "22", answer.text
    assert answer.question == "How old is she?"  # as asked; searched by her name
    assert "Lena Hartmann" in answer.query


def test_the_age_given_beside_the_name_asked_leads(tennis: Assistant) -> None:
    """Not the coach's, said in a sentence naming her too."""
    for question, age in (("How old is Lena Hartmann?", "22"), ("How old is Martin Kühn?", "47"),
                          ("How old is Carla Ibáñez?", "29")):
        answer = tennis.ask(question)
        assert answer.short is not None and answer.short.text == age, (question, answer.text)
