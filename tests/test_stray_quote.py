"""A follow-up not asking what was said is not answered by a pronoun's quote that holds none of
its words (`assistant.stray_quote`): "What did she find?" of a hospital inquiry had been answered
"'No family should go through what these families have been through,' she said."."""

from __future__ import annotations

from assistant.question import Question, analyse
from assistant.rerank import Evidence
from assistant.stray_quote import past_stray_quote

QUOTE = "'No family should go through what these families have been through,' she said."
UNSAID = "'Today, at last, someone has said out loud that it was not bad luck.'"
FOUND = ("A public inquiry has found that managers at Elmstead General Hospital ignored "
         "eleven separate warnings about the hospital's water system.")


def _ev(text: str, score: float, article: str = "a") -> Evidence:
    return Evidence(0, article, 0, len(text), text, score, score)


def _follow_up(text: str) -> Question:
    return analyse(text, f"{text} Elmstead", None, None, None, "Who led the Elmstead inquiry?")


RANKED = [_ev(QUOTE, 0.04), _ev(UNSAID, 0.03), _ev(FOUND, 0.02)]


def test_a_pronouns_quote_holding_nothing_asked_gives_way_to_the_next_non_quote() -> None:
    assert past_stray_quote(_follow_up("What did she find?"), RANKED)[0].text == FOUND


def test_a_quote_asked_for_or_holding_the_questions_words_stays_first() -> None:
    for asked in ("What did she say?", "What did she say about the families?",
                  "What did she find about the families?"):
        assert past_stray_quote(_follow_up(asked), RANKED)[0].text == QUOTE, asked
    # A first question is read as ranked; so is a runner-up of another article.
    first = analyse("What did she find?", "What did she find?", None, None, None)
    assert past_stray_quote(first, RANKED)[0].text == QUOTE
    elsewhere = [_ev(QUOTE, 0.04), _ev(FOUND, 0.03, "b")]
    assert past_stray_quote(_follow_up("What did she find?"), elsewhere)[0].text == QUOTE


def test_a_quote_answering_how_someone_feels_stays_first() -> None:
    """The review's "How does she feel about the decision?" was answered with the next
    non-quote, not "'I am heartbroken, and I am angry,' she said."."""
    feeling = [_ev("'I am heartbroken, and I am angry,' she said.", 0.04), _ev(FOUND, 0.03)]
    for asked in ("How does she feel about the decision?", "What is her reaction?",
                  "How does Rosalind Achebe-Park feel about the decision?",
                  "What does she think of the plan?", "What does she want?"):
        assert past_stray_quote(_follow_up(asked), feeling)[0] is feeling[0], asked
