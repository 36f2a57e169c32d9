"""A follow-up stays with the story its conversation is on (`assistant.story`): the testers'
conversations drifted to other articles ("How did the thieves get in?" after a museum theft
answered with a bank customer's words; "How much will it cost?" after a runway, with a
school's £14.5m)."""

from __future__ import annotations

from datetime import date

from assistant import Assistant
from assistant.followup import asked_question, rule_rewrite
from assistant.request import make_request
from assistant.retrieval import retrieve
from assistant.story import Story, conversation_story
from assistant.types import Message
from index import Article, sentence_spans

ABSTAINED = "The articles don't say: no sentence in them surely answers it. The closest they come: "


def article(key: str, title: str, text: str) -> Article:
    return Article(key, title, text, f"{key}.txt", key)


MUSEUM = article("museum", "Two paintings stolen from Aldwick Museum",
                 "The thieves took The Salt Gatherers, an 1884 oil painting by Maren Holt. "
                 "Two men entered the building through a skylight in the roof.")
BANK = article("bank", "Northmere Bank app outage",
               "'I had money in my account and no way to get it,' she said.")
LEDGER = article("ledger", "Hosepipe ban for 640,000 in the Castellane Valley",
                 "The pipeline is expected to cost £48 million and to be ready by June.")
GAZETTE = article("gazette", "Hosepipe ban extended in the Castellane Valley",
                  "The cost of the emergency pipeline has been revised up to £61 million. "
                  "Its completion has been moved from June to August.")
ALL = {a.id: a for a in (MUSEUM, BANK, LEDGER, GAZETTE)}


def turn(question: str, answer: str) -> list[Message]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_follow_up_is_read_in_the_article_the_conversation_last_quoted() -> None:
    """Of a story told twice, the report last quoted is meant: "When will it be ready?" was
    answered with the first report's "June", not the revised "August" beside the quoted
    cost."""
    history = [*turn("Why is there a hosepipe ban in the Castellane Valley?",
                     "“The pipeline is expected to cost £48 million and to be ready by June.” [1]"),
               *turn("And how much will the new pipeline cost?",
                     "“The cost of the emergency pipeline has been revised up to £61 million.” "
                     "[1] (Castellane Gazette, 3 February 2026)")]
    story = conversation_story("When will it be ready?", history)
    assert story is not None and story.articles(ALL) == {"gazette"}


def test_an_answer_that_strayed_does_not_carry_the_conversation_with_it() -> None:
    """The last answer quoted the bank's article, which never names the painter the
    conversation asked about: it is no story to keep to (every article is searched)."""
    history = [*turn("Which painting by Maren Holt was stolen?",
                     "“The thieves took The Salt Gatherers, an 1884 oil painting by Maren Holt.”"
                     " [1]"),
               *turn("How did the thieves get in?",
                     "“'I had money in my account and no way to get it,' she said.” [1]")]
    story = conversation_story("Is there a reward?", history)
    assert story is not None and story.articles(ALL) == set()


def test_an_abstentions_closest_sentence_is_not_the_story() -> None:
    history = [*turn("Which painting by Maren Holt was stolen?",
                     "“The thieves took The Salt Gatherers, an 1884 oil painting by Maren Holt.”"
                     " [1]"),
               *turn("Who insured it?",
                     ABSTAINED + "“'I had money in my account and no way to get it,' she "
                                 "said.” [1]")]
    story = conversation_story("How did the thieves get in?", history)
    assert story is not None and story.quotes == (
        "The thieves took The Salt Gatherers, an 1884 oil painting by Maren Holt.",)
    assert story.articles(ALL) == {"museum"}


def test_a_follow_up_naming_another_story_is_searched_everywhere() -> None:
    history = turn("Which painting by Maren Holt was stolen?",
                   "“The thieves took The Salt Gatherers, an 1884 oil painting by Maren Holt.” [1]")
    story = conversation_story("And what about Northmere?", history)
    assert story is not None and story.articles(ALL) == set()
    # A conversation that gave neither names nor quotes has no story to keep to, nor one whose
    # answers quote nothing ("7/1"): many articles share the names asked by.
    assert conversation_story("Why?", turn("Why?", ABSTAINED)) is None
    assert conversation_story("Why?", turn("What are the Nets' odds, Durant staying?",
                                            "7/1")) is None
    assert Story((), ()).articles(ALL) == set()
    # Every answer turned away: the names asked by are all the conversation says of its story.
    turned = conversation_story("How did they get in?",
                                turn("Who stole the Maren Holt?", ABSTAINED))
    assert turned is not None and turned.articles(ALL) == {"museum"}


def test_a_follow_up_with_nothing_to_add_to_its_query_is_still_one() -> None:
    """"When will the decision be made?" after nameless questions, the rewrite adding nothing,
    was searched as it stood, judged as a question asked first, and turned away beside the
    sentence giving the day."""
    history = [*turn("Which schools do they want to close?",
                     "“three village primary schools would close under the plan.” [1]"),
               *turn("Why?", ABSTAINED), *turn("Who is leading the campaign?", ABSTAINED)]
    request = make_request("When will the decision be made?", history, lambda: "extractive",
                           6, None, None, date(2026, 3, 1))
    asked = asked_question(request, None)
    assert asked.query == asked.text and asked.follow_up
    assert asked.story is not None and asked.story.quotes == (
        "three village primary schools would close under the plan.",)


def test_retrieval_keeps_to_the_story(assistant: Assistant) -> None:
    """The pool's passages all come from the story's article, where the pool holds it."""
    query = "Who visited South Korea?"
    found = retrieve(assistant.index, query, k=6)
    other = next(a for a in found.articles.values() if a.id != found.passages[0].article_id)
    start, end = next((a, b) for a, b in sentence_spans(other.text) if b - a > 40)
    kept = retrieve(assistant.index, query, k=6, story=Story((), (other.text[start:end],)))
    assert {p.article_id for p in kept.passages} == {other.id}


def test_there_is_no_one_the_last_answer_named() -> None:
    """"Is there a reward?" asks of nothing the last answer named ("there" points nowhere):
    it had been searched with the table row the last answer quoted, and answered with it."""
    named = [*turn("Which painting by Maren Holt was stolen?", "“The Salt Gatherers.” [1]"),
             *turn("How did the thieves get in?", "“Value: £4.2 million, Corran Mutual.” [1]")]
    assert rule_rewrite("Is there a reward?", named) == "Is there a reward? Maren Holt"
    # Nor does the last answer say it three nameless questions on: the subject was named before.
    nameless = [*named, *turn("When did she paint it?", "“Value: £4.2 million.” [1]"),
                *turn("How much is it worth?", "“Value: £4.2 million, Corran Mutual.” [1]")]
    assert rule_rewrite("Is there a reward?", nameless) == "Is there a reward? Maren Holt"
