"""A question's acronym its articles spell out, or its misspelt word, is asked as they write it
(`assistant.respelling`): the users' "What EPS had analysts expected?", "What magnitude did the
USGS first give?" and "how many kettels were sold" were turned away as off topic, their
answer sentences ("Earnings per share were €1.37, ahead of the €1.29 expected…") at hand."""

from __future__ import annotations

from assistant.respelling import respelt, spelt_out
from index import Article


def _article(text: str, title: str = "A report") -> Article:
    return Article(id="a", title=title, text=text, source="a.txt", source_key="a.txt")


RESULTS = _article("Sales rose 9%. Earnings per share were €1.37, ahead of the €1.29 expected "
                   "in a poll of 14 analysts.")
QUAKE = _article("The US Geological Survey has revised the magnitude down to 6.8.")
KETTLES = _article("About 64,000 of the kettles were sold between March and November.")


def test_an_acronym_an_article_spells_out_is_asked_as_it_is_spelt() -> None:
    assert (respelt("What EPS had analysts expected?", [RESULTS])
            == "What earnings per share had analysts expected?")
    assert (respelt("What magnitude did the USGS first give?", [QUAKE])
            == "What magnitude did the US Geological Survey first give?")


def test_a_misspelt_word_is_asked_as_the_articles_spell_it() -> None:
    assert respelt("how many kettels were sold", [KETTLES]) == "how many kettles were sold"


def test_words_spelling_an_acronym_by_chance_are_not_it() -> None:
    # lower case, in a sentence holding nothing else of the question
    fraud = _article("He sent fake invoices from a shell company.")
    asked = "Who won the 2018 FIFA World Cup?"
    assert respelt(asked, [fraud]) == asked
    # an acronym an article uses itself is left as it is; two letters are too few to spell
    assert spelt_out("EPS", ["EPS rose. Earnings per share were €1.37."], {"analyst"}) == ""
    prize = _article("The Greystone Prize was won by her.")
    assert respelt("How many GP appointments are free?", [prize]) == (
        "How many GP appointments are free?")


def test_a_real_word_or_another_form_of_the_articles_word_is_not_respelt() -> None:
    bakery = _article("The strike would break the bakery's contract. The headline act sang.")
    assert respelt("How do I bake sourdough bread?", [bakery]) == "How do I bake sourdough bread?"
    assert respelt("Who is the headliner?", [bakery]) == "Who is the headliner?"
    compiled = _article("The rankings were compiled by Halcyon.")
    assert respelt("Who compiles the rankings?", [compiled]) == "Who compiles the rankings?"
