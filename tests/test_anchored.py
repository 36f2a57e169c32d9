"""A sentence opening with a pronoun is about what the sentence before it named
(`assistant.anchored`)."""

from __future__ import annotations

from assistant.anchored import UNANCHORED_FACTOR, anchored_factor
from assistant.evidence import question_names
from index import Article

TEXT = ("Harbor City beat Millbrook Rovers 2-1 on Saturday.\nCastell converted the penalty.\n"
        "Correction: An earlier version of our report credited Millbrook's goal to Jonas Eklund. "
        "It was scored by Viktor Lindahl.")
ARTICLE = Article(id="a", title="Harbor City edge Millbrook", text=TEXT, source="a.txt",
                  source_key="a.txt")
AT = TEXT.index("It was scored")
IT = "It was scored by Viktor Lindahl."


def test_a_pronoun_about_something_the_question_does_not_name_weighs_less() -> None:
    penalty = question_names("Who scored the winning penalty for Harbor City?")
    assert anchored_factor(penalty, IT, ARTICLE, AT) == UNANCHORED_FACTOR


def test_a_pronoun_whose_sentence_before_names_what_is_asked_keeps_its_score() -> None:
    assert anchored_factor(question_names("Who scored Millbrook's goal?"), IT, ARTICLE, AT) == 1.0
    # a question naming nothing cannot tell; a sentence naming it itself is anchored
    assert anchored_factor(question_names("Who scored the goal?"), IT, ARTICLE, AT) == 1.0
    harbor = question_names("Who scored for Harbor City?")
    assert anchored_factor(harbor, "It was Harbor City's Castell.", ARTICLE, AT) == 1.0
    # a sentence opening otherwise is not judged
    assert anchored_factor(harbor, "Viktor Lindahl scored.", ARTICLE, AT) == 1.0
