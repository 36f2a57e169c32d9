"""A name the sentence titles with the very word a who-question asks for answers it, where the
reader's span falls on the name, however unsure (`asked_titles`, `short.sole_answer`)."""

from __future__ import annotations

import pytest

from tests.unsure import led_by


# The users' sets (twenty-first to thirty-seventh): the name rule turned each away.
@pytest.mark.parametrize(("question", "sentence", "name"), [
    ("Who is the fire chief of Valdora County?", "“I would rather knock twice,” said county "
     "fire chief Rosalind Achterberg, 54, at a briefing in Harlan.", "Rosalind Achterberg"),
    ("Who manages Kessington Rovers?", "“He's hungry,” said Rovers manager Heidi Brandt, 47.",
     "Heidi Brandt"),
    ("Who chairs the passenger group that criticised the plan?", "Its chair, Dev Mistry-Hale, "
     "said some residents of Wrenfield would now need to drive.", "Dev Mistry-Hale"),
    ("who is the chief executive of the weald valley trust", "The trust's chief executive, "
     "Margaret Ansty, said it would provide extra support.", "Margaret Ansty"),
    ("Who is Wessmoor's director of public health?", "The council's director of public health, "
     "Gwilym Ashdown-Rhys, said care homes had been sent guidance.", "Gwilym Ashdown-Rhys"),
    ("Who is the head of carnivores at Allerton?", "Joaquín Ibarra-Lowe, the park's head of "
     "carnivores, said the team had been “holding our breath”.", "Joaquín Ibarra-Lowe"),
    ("Who is the NMO's chief forecaster?", "“Give yourself extra time,” said NMO chief "
     "forecaster Oskar Lindahl-Mensah.", "Oskar Lindahl-Mensah"),
    ("Who was his barrister?", "Wróbel's barrister, Helen Stroud KC, said her client had a "
     "young family.", "Helen Stroud KC"),
    ("who is conducting the dvorak concert", "Principal conductor Jiří Halloran-Novák leads "
     "Dvořák's Symphony No 9.", "Jiří Halloran-Novák"),
    ("Who is the coxswain?", "Coxswain Andy McCrindle said the lifeboat could not get "
     "alongside.", "Andy McCrindle"),
    ("Who is its mayor?", "The mayor of San Ildefonso, Rosa Quispe Mamani, told local radio "
     "that the church had partly collapsed.", "Rosa Quispe Mamani"),
])
def test_the_name_titled_as_asked_answers_an_unsure_span(question: str, sentence: str,
                                                         name: str) -> None:
    """Turned away before ("the closest sentence does not clearly give the name asked for"):
    the title was not qualified as the question's was, or is no title `roles` knows, or the
    holder is the sentence's speaker."""
    assert led_by(sentence, question, name.split()[-1]) == (False, name)


@pytest.mark.parametrize(("question", "sentence", "span_word"), [
    # Another's title, where the question names whose it asks: still turned away.
    ("Who coaches Emilie Fauconnier?", "Nwachukwu's coach, Ruth Abernethy-Cole, said her "
     "player had “announced herself”.", "Abernethy-Cole"),
    ("Who is the coach of Riverton?", "Herons head coach Tom Berg said his side were tired.",
     "Berg"),
    ("Who is the mayor of Lakeport?", "The mayor of Westport, Rosa Quispe Mamani, told local "
     "radio that the church had collapsed.", "Mamani"),
    # No title asked: the speaker's name is no answer ("What was her name?").
    ("What was her name?", "The woman was taken to hospital, Portland police chief Bob Day "
     "said.", "Day"),
    # Another title than the one asked: "Coastline Water's defence lawyer".
    ("Who was Coastline Water's defence lawyer?", "Rachel Moore, the company's director of "
     "operations, said Coastline Water “apologises unreservedly”.", "Moore"),
])
def test_a_title_not_asked_for_is_still_turned_away(question: str, sentence: str,
                                                    span_word: str) -> None:
    assert led_by(sentence, question, span_word)[0]


def test_the_doers_of_a_verb_asked_are_its_nouns() -> None:
    from assistant.asked_titles import asked_titles

    assert {"chair"} <= set(asked_titles("Who chairs the passenger group?"))
    assert {"conductor"} <= set(asked_titles("who is conducting the dvorak concert"))
    assert {"referee"} <= set(asked_titles("Who is refereeing the match?"))
    assert asked_titles("Who is the head of carnivores at Allerton?")[-2:] == (
        "head of carnivores", "head")


def test_a_name_the_question_qualifies_the_title_with_makes_it_no_others() -> None:
    """"Who manages Kessington Rovers?" over "said Rovers manager Heidi Brandt" was turned away
    as naming another's manager: "Rovers" is the question's."""
    from assistant.other_holders import holder_of_another

    sentence = "“He's hungry,” said Rovers manager Heidi Brandt, 47."
    assert holder_of_another("Who manages Kessington Rovers?", sentence) == []
    assert holder_of_another("Who manages Kessington Rovers?",
                             "“He's hungry,” said Herons manager Heidi Brandt, 47.") != []


def test_the_name_rule_is_judged_again_of_the_sentence_read_first() -> None:
    """"Who is the fire chief of Valdora County?": the governor's sentence was best, the fire
    chief's read first, and the name rule said of the governor's sentence still turned it away."""
    from assistant.compose import abstention, judged_again
    from assistant.rerank import Evidence

    question = "Who is the fire chief of Valdora County?"
    first = "Governor Teodoro Ruelas declared a state of emergency for Valdora County."
    chief = "“Knock twice,” said county fire chief Rosalind Achterberg, 54, at a briefing."
    at = chief.index("Rosalind")
    best = Evidence(0, "a", 0, len(first), first, 0.9, 0.9, (9, 23), 1.0, fit=1.0)
    read = Evidence(1, "a", 500, 500 + len(chief), chief, 0.8, 0.8,
                    (500 + at, 500 + at + len("Rosalind Achterberg")), 1.0, fit=1.0)
    reason = abstention([best, read], True, 1.5, "person", question=question)
    assert reason is not None and "name" in reason.reason
    assert judged_again(reason, [read, best], "person", question) is None


def test_a_title_owned_by_reference_may_have_a_word_of_its_own_between() -> None:
    """"Who is operations director at Westerly Isles Ferries?" over "The company's operations
    director, Catriona MacAulay, said…" was turned away as naming another's director."""
    from assistant.other_holders import holder_of_another
    from assistant.titled import owned_by_reference

    sentence = "The company's operations director, Catriona MacAulay, said: “We are sorry.”"
    assert owned_by_reference(sentence, sentence.index("director"))
    assert holder_of_another("Who is operations director at Westerly Isles Ferries?",
                             sentence) == []
    assert not owned_by_reference("Its role as director", len("Its role as "))


# The users' sets: the name rule turned each away, the name stated but not as `roles` or
# `titled` place it (another title than the verb asked, after "is" or a description, a cast
# list, a kin's "by", an apposition before the verb asked).
@pytest.mark.parametrize(("question", "sentence", "name"), [
    ("Who runs the company?", "The Arc 3 was launched in Tallinn by Nuvio's chief executive, "
     "Signe Vaher, who said the company wanted to last.", "Signe Vaher"),
    ("Who leads their union?", "Owen Treharne, the ARTD's general secretary, said: “Nobody "
     "takes this step lightly.”", "Owen Treharne"),
    ("Who designed the new wing?", "The architects, Lund & Morrow, gave the wing a roof of "
     "angled glass panels.", "Lund & Morrow"),
    ("Who produced it?", "The producer this time is Inês Carvalho, the Lisbon-born engineer, "
     "and she has given the band room.", "Inês Carvalho"),
    ("Who captains Saint-Aubin?", "Saint-Aubin won 27-24 thanks to a late try from their "
     "captain, the number eight Éloi Baptiste-Fernández.", "Éloi Baptiste-Fernández"),
    ("Who won the European Chess Championship?", "Eleni Vasilakou became the youngest European "
     "chess champion in more than two decades on Thursday.", "Eleni Vasilakou"),
    ("Who coaches Valentina Kovačević?", "Kovačević, 26, who is coached by her father, Dragan, "
     "receives €142,000 in prize money.", "Dragan"),
    ("Who plays Nan Pascoe?", "Directed by Rosa Villanueva, it stars Maureen Kealy as the "
     "family matriarch Nan Pascoe, a role written for her.", "Maureen Kealy"),
    ("Who plays the government inspector?", "The second act introduces a government "
     "inspector, Mr Penrose (Colm Devery), whose subplot feels bolted on.", "Colm Devery"),
    ("Who said the result was hard to call?", "Dr Howard Lindqvist-Amos, a politics lecturer "
     "at the University of Lowmoor, said the result was “genuinely hard to call”.",
     "Dr Howard Lindqvist-Amos"),
])
def test_the_name_stated_otherwise_answers_an_unsure_span(question: str, sentence: str,
                                                          name: str) -> None:
    assert led_by(sentence, question, name.split()[-1]) == (False, name)


@pytest.mark.parametrize(("question", "sentence", "span_word"), [
    # Another firm's chief executive, "of" after the title: not "the company" asked.
    ("Who runs the company?", "Yusuf Adeyemi-Clarke became chief executive of Harrowmere "
     "Water on 1 September.", "Adeyemi-Clarke"),
    # Another part than the one asked.
    ("Who plays the lead?", "The cast includes Maureen Kealy as the lead's sister and Colm "
     "Devery as the vicar.", "Kealy"),
    # Another race's champion: "champion" alone is never asked by "won".
    ("Who won the men's final?", "The women's champion, Ana Ruiz, won in straight sets.",
     "Ruiz"),
])
def test_a_name_stated_for_another_is_still_turned_away(question: str, sentence: str,
                                                        span_word: str) -> None:
    assert led_by(sentence, question, span_word)[0]
