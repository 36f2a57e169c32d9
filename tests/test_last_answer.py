"""Follow-ups about the last answer itself ("Which outlet reported that?", "What did he say
next?"), over the real sample store: the article the last answer quoted answers them."""

from __future__ import annotations

import pytest

from assistant import Answer, Assistant
from assistant.last_answer import asks_for_source, asks_what_next
from assistant.types import Message
from tests.test_assistant import assert_verbatim

EMPHASIZE = "What does the treaty emphasize?"
LEAFLETS = "Which first lady was pictured on the leaflets?"


def converse(assistant: Assistant, *questions: str) -> list[Answer]:
    history: list[Message] = []
    answers = []
    for question in questions:
        answer = assistant.ask(question, history=history)
        assert_verbatim(assistant, answer)
        answers.append(answer)
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]
    return answers


@pytest.mark.parametrize("question", [
    "Which outlet reported that?", "What news agency reported it?", "Who wrote that?",
    "When was that article published?", "And which newspaper was that in?",
    "Where is that from?", "What's the source?", "Who is the author?",
])
def test_questions_about_the_last_answers_source(question: str) -> None:
    assert asks_for_source(question)


@pytest.mark.parametrize("question", [
    "Which outlet reported that the ceasefire collapsed?",  # "that" opens a new claim
    "Who said that?",  # the speaker, whom the quote names
    "Who reported the attack first?", "When was the treaty published?", "Where is Kursk?",
])
def test_questions_about_something_else(question: str) -> None:
    assert not asks_for_source(question)


def test_a_credit_line_names_the_agency_of_the_article_just_quoted(assistant: Assistant) -> None:
    first, agency = converse(assistant, EMPHASIZE, "Which news agency reported that?")
    assert first.citations and not agency.abstained
    assert agency.text.startswith("The Associated Press — “This article includes reporting")
    assert agency.citations[0].article_id == first.citations[0].article_id
    assert agency.short is not None and agency.short.text == "The Associated Press"


def test_a_date_line_says_when_and_a_second_question_keeps_the_article(
        assistant: Assistant) -> None:
    first, when, outlet = converse(assistant, LEAFLETS, "When was that published?",
                                   "Which outlet published it?")
    article = first.citations[0].article_id
    assert when.text.startswith("24 October 2024 — “Updated 24 October 2024” [1]")
    assert not when.abstained and when.citations[0].article_id == article
    # Asked again about "it": the story's quote, not the date line the last answer quoted.
    assert outlet.abstained and outlet.citations[0].article_id == article
    assert outlet.text.startswith("Neither the article nor its record says which outlet")
    assert outlet.citations[0].quote == first.citations[0].quote


def test_an_outlet_on_record_answers(assistant: Assistant) -> None:
    first, outlet = converse(assistant, "What did South Korea's intelligence agency report "
                             "on Thursday?", "Which outlet published it?")
    assert first.citations[0].outlet == "NewsTrack"
    assert outlet.text.startswith("NewsTrack: “Russia Ratifies Defence Pact")
    assert not outlet.abstained and outlet.llm == "extractive"


def test_without_a_conversation_it_is_an_ordinary_question(assistant: Assistant) -> None:
    alone = assistant.ask("Which outlet reported that?")
    assert "record" not in alone.text
    assert not any(n.startswith("answered from the article the last") for n in alone.notes)


@pytest.mark.parametrize(("question", "asks"), [
    ("What did he say next?", True), ("What happened after that?", True), ("And then?", True),
    ("How does the article go on?", True), ("What is next for the treaty talks?", False),
    ("Who will lead the next round of talks between the two countries then?", False),
])
def test_questions_about_what_came_next(question: str, asks: bool) -> None:
    assert asks_what_next(question) is asks


def test_what_came_next_is_the_articles_next_sentence_not_the_same_one(
        assistant: Assistant) -> None:
    said, after, again = converse(assistant, "What did NATO's Secretary General say?",
                                  "What did he say next?", "And after that?")
    article = assistant.get_article(said.citations[0].article_id)
    rutte = said.citations[0]
    assert "dangerous escalation" in rutte.quote
    following = after.citations[0]
    assert following.article_id == rutte.article_id and following.start > rutte.end
    # Nothing but blank space between: the very next sentence of the story.
    assert not article.text[rutte.end:following.start].strip()
    assert "goes on, quoting no one:" in after.text  # not Rutte's words: it says so
    assert not after.abstained and following.quote.startswith("The deal seemingly marks")
    assert again.citations[0].start > following.end  # and on from there
