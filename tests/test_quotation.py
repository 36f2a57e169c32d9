"""A quotation over several sentences is read whole (`assistant.quotation`): the eighth
tester's "What did Denise Harker say about the water?" was turned away over "“In 1998 the water
came to the doorstep." (its speaker, "she", named two sentences on), and "What did Daniel
Achebe say outside court?" answered with another thing he said."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.quotation import names_sayer, quotation, said_before
from assistant.rerank import Evidence
from index import Article
from tests.records import assistant_over

FLOOD = ("In Lessway, the water reached the first floor of several houses on Mill Street. "
         "Shopkeeper Denise Harker, 58, said she had lost her entire stock. “In 1998 the water "
         "came to the doorstep. This time it came to the ceiling,” she said. Schools stay shut.")


def _article(text: str) -> Article:
    return Article(id="a", title="Floods", text=text, source="s", source_key="s")


def _ev(text: str, sentence: str) -> Evidence:
    at = text.index(sentence)
    return Evidence(0, "a", at, at + len(sentence), sentence, 0.5, 0.5)


@pytest.mark.parametrize("sentence", ["“In 1998 the water came to the doorstep.",
                                      "This time it came to the ceiling,” she said."])
def test_a_sentence_of_a_quotation_is_read_with_the_rest_of_it(sentence: str) -> None:
    whole = quotation(_ev(FLOOD, sentence), _article(FLOOD))
    assert whole.text == ("“In 1998 the water came to the doorstep. This time it came to the "
                          "ceiling,” she said.")
    assert FLOOD[whole.start:whole.end] == whole.text


def test_a_sentence_of_no_quotation_or_a_whole_one_stands() -> None:
    text = "“It is a rare piece,” said Ines Moreau. She left. He said “no” twice."
    for sentence in ("“It is a rare piece,” said Ines Moreau.", "She left.",
                     "He said “no” twice."):
        ev = _ev(text, sentence)
        assert quotation(ev, _article(text)) is ev
    # A quotation opened in another paragraph is not this one's.
    text = "“It rained.\nIt poured,” she said."
    ev = _ev(text, "It poured,” she said.")
    assert quotation(ev, _article(text)) is ev


def test_she_is_named_in_the_sentence_before() -> None:
    whole = quotation(_ev(FLOOD, "This time it came to the ceiling,” she said."), _article(FLOOD))
    before = said_before(whole, _article(FLOOD), frozenset({"denise", "harker"}))
    assert before is not None and before.text.startswith("Shopkeeper Denise Harker, 58, said")
    assert said_before(whole, _article(FLOOD), frozenset({"ines", "moreau"})) is None


def test_a_speaker_named_before_an_apposition_says_it() -> None:
    text = "Its founder, Daniel Achebe, a retired marine biologist, said outside court: “No.”"
    assert names_sayer(text, frozenset({"daniel", "achebe"}))
    assert not names_sayer("Daniel Achebe founded the group in 2019 with money raised by "
                           "parents at a summer fair, the report said.",
                           frozenset({"daniel", "achebe"}))


def test_what_she_said_is_the_quotation_whole(tmp_path: Path) -> None:
    assistant = assistant_over([{"id": "flood", "title": "Storm floods the Ardle valley",
                                 "published": "2026-02-09", "source": "Valley Herald",
                                 "text": FLOOD}], tmp_path)
    answer = assistant.ask("What did Denise Harker say about the water?")
    assert not answer.abstained
    assert "This time it came to the ceiling" in answer.citations[0].quote
    assert "In 1998 the water came to the doorstep" in answer.citations[0].quote


def test_he_is_no_woman_and_two_people_before_leave_it_open() -> None:
    """The review's: "Police told Denise Harker to leave. “We had no choice,” he said." is no
    quotation of hers, nor one after a sentence naming her and a neighbour."""
    names = frozenset({"denise", "harker"})
    text = "Police told Denise Harker to leave. “We had no choice,” he said."
    assert said_before(_ev(text, "“We had no choice,” he said."), _article(text), names) is None
    text = ("Denise Harker and her neighbour Joan Pike waded out. “It was up to our waists,” she "
            "said.")
    ev = _ev(text, "“It was up to our waists,” she said.")
    assert said_before(ev, _article(text), names) is None


JETS = ("The airline grounded all twelve of its Corvan jets on Tuesday after an engine fire. "
        "Maria Solano, the airline's safety director, spoke at the hangar. “Safety has to come "
        "before everything else. We grounded the fleet within the hour. Nobody will fly a Corvan "
        "until every engine is checked,” said Solano. The inspections will take ten days.")


def test_what_she_said_next_is_her_quotation_whole(tmp_path: Path) -> None:
    """The ninth tester's: "What did she say?" after an answer naming Maria Solano gave the
    last sentence of her three-sentence quotation alone (the one naming her)."""
    assistant = assistant_over([{"id": "jets", "title": "Airline grounds Corvan fleet",
                                 "published": "2026-02-10", "source": "Aero Daily",
                                 "text": JETS}], tmp_path)
    first = assistant.ask("Who is the airline's safety director?")
    history = [{"role": "user", "content": "Who is the airline's safety director?"},
               {"role": "assistant", "content": first.text}]
    said = assistant.ask("What did she say?", history=history)
    assert said.citations[0].quote.startswith("“Safety has to come before everything else.")
    assert said.citations[0].quote.endswith("said Solano.")
