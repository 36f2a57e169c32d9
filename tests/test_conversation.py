"""A follow-up naming nothing new is searched in the article its conversation is about
(`conversation`): searched over the whole collection with the last answer's words, "When will
it end?" of a pharmacy shortage had been answered from an article about bus cuts."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.conversation import conversation_article, kept_to
from assistant.retrieval import retrieve
from assistant.types import Message
from tests.records import assistant_over

PHARMACY = {"id": "pharmacy", "title": "Pharmacies run short of ADHD medicines",
            "source": "Lincolnshire Echo", "published": "2026-02-10",
            "text": "Pharmacies across Lincolnshire have run short of ADHD medicines, leaving "
                    "hundreds of patients without their prescriptions.\n"
                    "Dr Helen Skeldergate, a GP in Boston, said families were driving between "
                    "towns in search of stock.\n"
                    "Manufacturers expect the shortage to end in the autumn.\n"
                    "Patients are advised to ask their GP about an alternative medicine in "
                    "the meantime."}
BUSES = {"id": "buses", "title": "Evening bus services to end in Lincolnshire",
         "source": "Lincolnshire Echo", "published": "2026-02-11",
         "text": "Evening bus services across Lincolnshire will end on 31 March after the "
                 "county council cut its subsidy.\n"
                 "The cuts will end the last buses from Boston at 7pm.\n"
                 "Passengers said they would be left stranded when the services end.\n"
                 "The operator, Fenline Coaches, said the routes had lost money for years."}


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([PHARMACY, BUSES], tmp_path_factory.mktemp("conversation"))


def _conversation(assistant: Assistant, questions: list[str]) -> list[Message]:
    history: list[Message] = []
    for question in questions:
        answer = assistant.ask(question, history=history or None)
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]
    return history


def test_a_follow_up_naming_nothing_new_is_answered_from_the_conversations_article(
        two_stories: Assistant) -> None:
    history = _conversation(two_stories, ["Which medicines are pharmacies in Lincolnshire "
                                          "short of?"])
    answer = two_stories.ask("When will it end?", history=history)
    assert {c.title for c in answer.citations} == {PHARMACY["title"]}, answer.text
    assert not answer.abstained and "autumn" in answer.text, answer.text


def test_a_follow_up_naming_what_the_article_never_mentions_searches_them_all(
        two_stories: Assistant) -> None:
    history = _conversation(two_stories, ["Which medicines are pharmacies in Lincolnshire "
                                          "short of?"])
    article = conversation_article(two_stories.index, history)
    assert article is not None and article.title == PHARMACY["title"]
    assert kept_to(two_stories.index, "What did Dr Skeldergate say?", history) == article
    # "Boston" is in both; "31 March" asks of the buses' article, which it names.
    assert kept_to(two_stories.index, "What happens to the Boston buses?", history) == article
    assert kept_to(two_stories.index, "What did the county council cut?", history) == article
    assert kept_to(two_stories.index, "Now the bus story: when do they stop?", history) is None
    assert kept_to(two_stories.index, "Who is Calderport's mayor?", history) is None
    assert kept_to(two_stories.index, "When will it end?", None) is None


def test_the_conversations_article_moves_with_a_question_naming_another(
        two_stories: Assistant) -> None:
    history = _conversation(two_stories, ["Which medicines are pharmacies in Lincolnshire "
                                          "short of?", "What did Fenline Coaches say?"])
    article = conversation_article(two_stories.index, history)
    assert article is not None and article.title == BUSES["title"], history[-1]
    assert kept_to(two_stories.index, "When will they end?", history) == article


def test_a_follow_up_kept_to_its_article_is_never_off_topic(two_stories: Assistant) -> None:
    """Kept to the pharmacy article, "What should patients do in the meantime?" shares few
    words with it: not turned away as about no article (`on_topic.on_topic_gate`)."""
    history = _conversation(two_stories, ["Which medicines are pharmacies in Lincolnshire "
                                          "short of?"])
    answer = two_stories.ask("What should they do in the meantime?", history=history)
    assert "no article seems to be about this" not in answer.text, answer.text


def test_a_search_within_an_article_finds_its_passages_only(two_stories: Assistant) -> None:
    """`retrieve(within=…)`: both the dense and the lexical ranking of one article's chunks."""
    pharmacy = next(a for a in two_stories.index.list() if a.title == PHARMACY["title"])
    found = retrieve(two_stories.index, "When will the evening buses end?", within=[pharmacy.id])
    assert found.passages and {p.article_id for p in found.passages} == {pharmacy.id}
    assert "autumn" in " ".join(p.text for p in found.passages)


TREATY = {"id": "treaty", "title": "North Korea ratifies defence treaty with Russia",
          "source": "Seoul Herald", "published": "2024-11-12",
          "text": "North Korea ratified its defence treaty with Russia on Tuesday, committing "
                  "both nations to mutual military aid, according to state media KCNA.\n"
                  "Kim Jong Un signed the decree ratifying the treaty with President Vladimir "
                  "Putin, KCNA said.\n"
                  "The treaty takes effect once Pyongyang and Moscow exchange the ratification "
                  "documents, KCNA said."}
TREATY_COPY = {"id": "treaty-copy", "title": "North Korea ratifies defence pact with Russia",
               "source": "Pacific Wire", "published": "2024-11-12",
               "text": "North Korea ratified its defence treaty with Russia on Tuesday, "
                       "committing both nations to mutual military aid, according to state "
                       "media KCNA.\n"
                       "Kim Jong Un signed the decree ratifying the treaty with President "
                       "Vladimir Putin, KCNA said.\n"
                       "The Supreme People's Assembly, North Korea's parliament, normally "
                       "ratifies treaties, but Kim can ratify major ones himself, KCNA said."}


def test_a_follow_up_is_searched_in_every_copy_of_its_conversations_story(
        tmp_path: Path) -> None:
    """Kept to the article its conversation's answer quoted, "Which body would normally do
    that?" lost the parliament, told only by another copy of the story."""
    assistant = assistant_over([TREATY, TREATY_COPY, PHARMACY], tmp_path)
    history = _conversation(assistant, ["Who signed North Korea's decree ratifying the treaty?"])
    article = conversation_article(assistant.index, history)
    assert article is not None
    assert set(assistant.index.story(article)) == {
        a.id for a in assistant.index.list() if a.title != PHARMACY["title"]}
    answer = assistant.ask("Which body would normally do that?", history=history)
    assert "Supreme People's Assembly" in answer.text, answer.text
