"""A question naming someone whole that an article is about is on topic
(`assistant.on_topic`): the eighth tester's "In what year was Peggy Allardyce born?" was
turned away as "no article seems to be about this" under her obituary's title."""

from __future__ import annotations

from assistant.on_topic import names_them
from assistant.rerank import Evidence
from index import Article

OBITUARY = Article(id="obit", title="Peggy Allardyce, lighthouse keeper and author, dies at 93",
                   text="Born in Dunmore in 1932, she trained as a telegraph operator.",
                   source="s", source_key="s")
BEST = Evidence(0, "obit", 0, 30, "Born in Dunmore in 1932, she trained", 0.2, 0.2)


def test_a_person_named_whole_by_the_title_of_an_article_read_is_on_topic() -> None:
    assert names_them("In what year was Peggy Allardyce born?", [BEST], {"obit": OBITUARY})


def test_part_of_a_name_or_no_person_or_a_name_in_passing_is_not() -> None:
    articles = {"obit": OBITUARY}
    assert not names_them("When was Allardyce born?", [BEST], articles)  # one word: anyone's
    assert not names_them("When was Peggy Allardyce's son born?", [BEST], {})
    assert not names_them("When was Ewan Allardyce born?", [BEST], articles)
    # A name said in passing in the text (the review's: Taylor Swift in a report on hotels).
    hotels = Article(id="obit", title="Cardiff hotels fill up for summer concerts",
                     text="Taylor Swift last played in Cardiff in 2018.", source="s",
                     source_key="s")
    assert not names_them("When did Taylor Swift win her first Grammy?", [BEST],
                          {"obit": hotels})
    # An event's name opening with a given name is no one's (a development question's).
    awards = Article(id="obit", title="Tony Awards host named", text="She hosts the Tony Awards.",
                     source="s", source_key="s")
    assert not names_them("Which singer will host the Tony Awards?", [BEST], {"obit": awards})
