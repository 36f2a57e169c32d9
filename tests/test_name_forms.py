"""Names a sentence gives in forms the name rule had missed (the users' sets, each turned
away: "the closest sentence does not clearly give the name asked for"): a title's lone holder
whatever the reader's span, "Dr." before the name, a title said of the subject, a placing, the
name of someone's thing (`short.named_as_asked`)."""

from __future__ import annotations

import pytest

from tests.unsure import led_by


@pytest.mark.parametrize(("question", "sentence", "span_word", "name"), [
    ("Who led it?", "'The effect was strongest for social media,' said the study's lead "
     "author, Dr. Renata Solberg-Mathis, an associate professor of pediatrics.", "effect",
     "Renata Solberg-Mathis"),
    ("Who founded the Save Our Maternity campaign?", "Rosalind Achebe-Park, 38, is a midwife "
     "at Harrowfield General and the founder of the Save Our Maternity campaign.",
     "Harrowfield", "Rosalind Achebe-Park"),
    ("Who came third in the by-election?", "Allanby, who came third, said the Civic Party had "
     "doubled its vote since 2024.", "Allanby", "Allanby"),
    ("What is the name of Ostrand's lunar lander?", "The Ostrand Space Agency's Kittiwake "
     "lander touched down on the Moon at 03:12 UTC on Tuesday.", "Kittiwake", "Kittiwake"),
    ("What was the name of the Hale family's boat?", "The Hale family's Seaspray boat was "
     "found off Rhossili on Sunday.", "Seaspray", "Seaspray"),
])
def test_the_name_given_answers(question: str, sentence: str, span_word: str, name: str
                                ) -> None:
    assert led_by(sentence, question, span_word) == (False, name)


@pytest.mark.parametrize(("question", "sentence", "span_word"), [
    # Two holders of the title: the reader's span decides, and falls on neither.
    ("Who led it?", "The study's lead author, Dr. Anna Berg, and its other lead author, Dr. "
     "Tom Hale, said the effect was small.", "effect"),
    # A lone holder of a sentence not naming whose the question asks ("her work with…").
    ("Who is the singer of The Lantern Assembly?", "The producer is Inês Carvalho, best known "
     "for her work with the folk singer Orla Tierney.", "producer"),
    # Another's founder: the question names whose it asks.
    ("Who founded the Bake Club?", "Rosalind Achebe-Park, 38, is a midwife at Harrowfield "
     "General and the founder of the Save Our Maternity campaign.", "Harrowfield"),
    # Another placing than the one asked.
    ("Who came second in the by-election?", "Allanby, who came third, said the Civic Party "
     "had doubled its vote since 2024.", "Allanby"),
    # Another's thing.
    ("What is the name of Ostrand's lunar lander?", "The Vellan Space Agency's Kittiwake "
     "lander touched down on the Moon at 03:12 UTC on Tuesday.", "Kittiwake"),
    # Another owner sharing the first word of the one asked (the review's).
    ("What is the name of the Ostrand Space Agency's lunar lander?", "The Ostrand Mining "
     "Company's Kestrel lunar lander completed its final drop test on Monday.", "drop"),
    # The buyer's chief executive, not the bought company's (the review's).
    ("Who is the chief executive of Marlow Foods?", "Marlow Foods will be merged into the "
     "Halvern Group, whose chief executive, Dr. Ian Booth, said the deal would secure jobs.",
     "Booth"),
])
def test_a_name_not_given_as_asked_is_still_turned_away(question: str, sentence: str,
                                                       span_word: str) -> None:
    assert led_by(sentence, question, span_word)[0]
