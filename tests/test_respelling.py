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


def test_a_plural_the_vocabulary_lacks_whose_singular_it_knows_is_not_respelt() -> None:
    # Review v1 R1, R2, R10: real plurals "corrected" to another article's word.
    cyber = _article("A ransomware attack has hit 3,400 computers at Kellbridge council.")
    asked = "How many commuters were hit by Thursday's strike?"
    assert respelt(asked, [cyber]) == asked
    poppy = _article("Volunteers in Holt sold 20,000 poppies this year.")
    assert respelt("How many puppies were rehomed in Holt?", [poppy]) == (
        "How many puppies were rehomed in Holt?")
    river = _article("Volunteers recorded 14 kingfishers, while others counted dragonflies.")
    assert respelt("How many otters were seen on the River Kell?", [river]) == (
        "How many otters were seen on the River Kell?")


def test_a_respelt_word_s_sentence_must_hold_another_word_of_the_question() -> None:
    # R3: "votes" for "voles", in a sentence counting nothing; "Ashford" is a name.
    vote = _article("Green candidate Maya Roe won the Ashford ward by-election with 1,204 votes.")
    assert respelt("How many voles were counted in Ashford?", [vote]) == (
        "How many voles were counted in Ashford?")


def test_an_acronym_is_spelt_out_only_by_an_organisation_s_name_in_one_run() -> None:
    cases = {  # R4-R9: the question, the article it was wrongly spelt out by
        "What did the RMT say about Thursday's strike?":
            "Rail Minister Tom Baird said the strike was unjustified.",
        "What did the CMA say about the Allied takeover of Brightway?":
            "The deal will create savings of £40m, said Colin Mayhew, Allied's finance director.",
        "What did the NHS say about waiting lists?":
            "Waiting lists grew again, said Nadia Hussain, Surrey's director of public health.",
        "What did the TUC say about the tram strike?":
            "The tram strike began on Thursday, union chief Carol Dunn said.",
        "What did the CPS decide about the Kellbridge driver?":
            "The driver whose car hit a bus shelter in Kellbridge had been drinking, court "
            "papers show.",
        "What did the ECB say about the Ashes tour?":
            "The European Central Bank held interest rates at 2 per cent on Thursday.",
    }
    for asked, text in cases.items():
        assert respelt(asked, [_article(text)]) == asked, asked
    # An organisation named in one run, in a sentence of the question's, or bracketed.
    assert respelt("What did the CPS say about the driver?", [_article(
        "The Crown Prosecution Service said the driver would be charged.")]) == (
        "What did the Crown Prosecution Service say about the driver?")
    # The acronym stays the name asked where no article names its organisation.
    assert respelt("What did the NHS say about waiting lists?", [_article(
        "Waiting lists grew, the National Health Service said.")]) == (
        "What did the National Health Service say about waiting lists?")
