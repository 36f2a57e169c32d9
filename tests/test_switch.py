"""A follow-up that names a new subject before its question: "Back to the marathon: how many
finished?" (the fourteenth tester's)."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.switch import switched
from assistant.types import Message
from tests.records import assistant_over


@pytest.mark.parametrize(("question", "expected"), [
    ("Now the hospital story: what is the A&E target?", ("What is the A&E target?", "hospital")),
    ("Back to the marathon: how many finished?", ("How many finished?", "marathon")),
    ("Moving on to the fire, what started it?", ("What started it?", "fire")),
    ("On the whale story: why do they strand?", ("Why do they strand?", "whale")),
    # Asking, not naming a subject: no switch.
    ("Now what did he say?", None),
    ("On what date did it open?", None),
    ("How many finished: 14,912 or 15,600?", None),
    ("Now, how many finished?", None),
    # The review's: openers saying when or whom, not which story.
    ("Now that he has resigned, who will replace him?", None),
    ("On Monday, how many flights were cancelled?", None),
    ("Back in 2019, who won?", None),
    ("Next year, when is the race?", None),
    ("On the whole, was it a success?", None),
    # A label changing the subject without naming the new one: the question alone.
    ("Switching topic: who fell on Beinn Dorcha?", ("Who fell on Beinn Dorcha?", "")),
    # A label alone saying the subject changes: the whole collection is searched again
    # (`conversation.kept_to`), not the article the conversation was about.
    ("Different thing - who won the flyball?", ("Who won the flyball?", "")),
    ("Something else: when is the fair?", ("When is the fair?", "")),
    ("Unrelated, but who is the mayor?", ("Who is the mayor?", "")),
    ("Who won the other thing - the flyball?", None),
])
def test_a_subject_named_before_the_question_is_what_it_asks_about(
        question: str, expected: tuple[str, str] | None) -> None:
    assert switched(question) == expected


def test_the_conversation_before_a_change_of_subject_is_left_behind() -> None:
    """The twelfth tester's "How many aces did she hit?" after "Now the tennis: who did
    Valentina Kovačević beat…?" was searched with the election story's names, "Lena
    Brandvold Green Coalition", taken from the answer before the change of subject."""
    from assistant.switch import since_switch

    history: list[Message] = [
        {"role": "user", "content": "What does Lena Brandvold want to tax?"},
        {"role": "assistant", "content": "Second homes — “Lena Brandvold of the Green Coalition "
                                         "wants to tax second homes.” [1]"},
        {"role": "user", "content": "Now the tennis: who did Kovačević beat in the final?"},
        {"role": "assistant", "content": "The articles don't say: …"}]
    assert since_switch(history) == [
        {"role": "user", "content": "Who did Kovačević beat in the final? (tennis)"},
        history[-1]]
    assert since_switch(history[:2]) == history[:2]  # no change of subject: all of it


MARATHON = {"id": "marathon", "title": "Lagat breaks Calderport course record",
            "source": "Calderport Evening Gazette", "published": "2026-04-20",
            "text": "Joseph Lagat won the Calderport Marathon on Sunday in 2 hours 7 minutes.\n"
                    "A record 15,600 runners started the race and 14,912 finished.\n"
                    "Organisers said runners raised an estimated £3.1 million for charity."}
HOSPITAL = {"id": "hospital", "title": "Northmoor waiting list hits record",
            "source": "Tees Herald", "published": "2026-02-27",
            "text": "Northmoor hospital's waiting list reached a record 112,400 in December.\n"
                    "In A&E, only 61.9% of patients were seen within four hours, against a "
                    "national target of 78%.\n"
                    "The trust blamed the hardest winter since the pandemic."}


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([MARATHON, HOSPITAL], tmp_path_factory.mktemp("switch"))


def test_back_to_the_marathon_asks_about_the_marathon(two_stories: Assistant) -> None:
    history: list[Message] = []
    for question in ("Who won the Calderport Marathon?",
                     "Now the hospital story: what is the A&E target?"):
        answer = two_stories.ask(question, history=history or None)
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]
    assert "78%" in answer.text and answer.citations[0].article_id != "", answer.text
    answer = two_stories.ask("Back to the marathon: how many finished?", history=history)
    assert not answer.abstained and "14,912" in answer.citations[0].quote, answer.text
