"""Asked who, the name a sentence gives is the answer only where the sentence ties it to what
was asked: the role asked's own holder (not another's "Kestria captain"), the doer of the deed
asked (not the author of a book "was published"), the honour asked ("was named most valuable
player"); and a tie said in passing is read down to the seventh best (`name_first`)."""

from __future__ import annotations

import pytest

from assistant.compose import NAME_UNCLEAR, abstention, judged_again
from assistant.made_by import doer_unsaid, named_as
from assistant.name_first import name_first
from assistant.rerank import Evidence
from assistant.roles import role_holder
from index import Article
from tests.unsure import led_by

LIBRARY = Article(
    "library", "Central Library to open on Sundays",
    "Harrowgate Central Library will open on Sundays from 1 February. The trial will run for "
    "a year. Opening hours will be 11am to 4pm. The council will review the trial in 2027. "
    "Weekday hours are unchanged. Head librarian Tomasz Bielak said the change followed a "
    "survey of users.", "library.txt", "library")


def _ranked(article: Article, *read: tuple[str, str]) -> list[Evidence]:
    """The article's sentences as read, best first, the reader's (unsure) span on each's word."""
    ranked = []
    for i, (sentence, span) in enumerate(read):
        at = article.text.index(sentence)
        word = at + sentence.index(span)
        ranked.append(Evidence(0, article.id, at, at + len(sentence), sentence, 0.1 - 0.01 * i,
                               0.1 - 0.01 * i, (word, word + len(span)), 1.0, fit=1.0))
    return ranked


def test_a_title_said_in_passing_fifth_best_is_read_first() -> None:
    """The users' "Who is the head librarian at Harrowgate Central Library?": the librarian's
    sentence came fifth, under four about the opening hours."""
    question = "Who is the head librarian at Harrowgate Central Library?"
    ranked = _ranked(LIBRARY, ("Harrowgate Central Library will open on Sundays from 1 "
                               "February.", "Sundays"),
                     ("The trial will run for a year.", "trial"),
                     ("Opening hours will be 11am to 4pm.", "Opening"),
                     ("The council will review the trial in 2027.", "council"),
                     ("Head librarian Tomasz Bielak said the change followed a survey of "
                      "users.", "Tomasz Bielak"))
    reason = abstention(ranked, True, 1.5, "person", question=question)
    assert reason is not None and reason.reason == NAME_UNCLEAR
    first = name_first(question, ranked, reason, {"library": LIBRARY})
    assert first is not None and first[0] is ranked[4]
    assert judged_again(reason, first, "person", question) is None


@pytest.mark.parametrize(("question", "sentence", "name"), [
    # Another side's title, the side asked named further on: not its holder.
    ("Who captains Varland?", "Kestria captain Tamsin Okafor hit an unbeaten 112 as her side "
     "beat Varland by six wickets in the third one-day international.", None),
    ("Who captains Kestria?", "Kestria captain Tamsin Okafor hit an unbeaten 112 as her side "
     "beat Varland by six wickets in the third one-day international.", "Tamsin Okafor"),
    ("Who captains Varland?", "Varland captain Ali Haverford admitted her side had been 30 "
     "runs short.", "Ali Haverford"),
    ("Who is Varland's captain?", "The captain, Ali Haverford, said Varland had been 30 runs "
     "short.", "Ali Haverford"),
])
def test_a_title_another_name_owns_holds_not_the_role_asked(question: str, sentence: str,
                                                            name: str | None) -> None:
    holder = role_holder(question, sentence)
    assert (holder.name if holder else None) == name


def test_a_deed_said_done_with_no_doer_names_no_one_who_did_it() -> None:
    """The users' "Who published The Glass Orchard?" had been answered with its author: "her
    first novel, The Glass Orchard, was published last spring" says not by whom."""
    question = "Who published The Glass Orchard?"
    sentence = ("Ruth Adebayo-Quinn spent 22 years as a nurse before her first novel, The Glass "
                "Orchard, was published last spring.")
    assert doer_unsaid(question, sentence)
    assert led_by(sentence, question, "Adebayo-Quinn") == (True, None)
    assert not doer_unsaid(question, "The Glass Orchard is published by Foxglove Press.")
    assert not doer_unsaid("Who wrote it?", "Ruth Adebayo-Quinn wrote it in 2019.")


def test_the_name_said_named_the_honour_asked_answers() -> None:
    """The users' "Who was the most valuable player of the Vanguard Arena final?" was turned
    away by the name rule: the sentence names the player and his game name."""
    question = "Who was the most valuable player of the Vanguard Arena final?"
    sentence = ("Their 21-year-old star, Kwon Tae-yang, who plays under the name Mirage, was "
                "named most valuable player of the final after 94 eliminations.")
    span = named_as(question, sentence)
    assert span is not None and sentence[span[0]:span[1]] == "Kwon Tae-yang"
    assert led_by(sentence, question, "Tae-yang") == (False, "Kwon Tae-yang")
    assert named_as("Who was the mayor?", "Ana Ruiz was named mayor in May.") is None


def test_the_title_said_of_what_was_led_answers_who_led_it() -> None:
    """The users' "who led the ichthyosaur study" over "The lead author of the study, Dr
    Oluwaseun Marsh, …", turned away by the name rule."""
    sentence = ("The lead author of the study, Dr Oluwaseun Marsh, a palaeontologist at the "
                "University of Portbury, said the animal had unusually large eyes.")
    assert led_by(sentence, "who led the ichthyosaur study", "Marsh") == (
        False, "Oluwaseun Marsh")
    leader = ("The leader of the opposition, Councillor Amira Haddad, said the budget asked "
              "residents to pay more.")  # the name, not its honorific
    assert led_by(leader, "Who leads the opposition on Dunsford council?", "Haddad") == (
        False, "Amira Haddad")


def test_a_title_owned_by_a_word_the_question_says_is_the_one_asked() -> None:
    """"Syndicate organiser Denise Halloran" is the organiser of the lottery syndicate asked
    about, "Syndicate" capitalised only as the sentence's first word."""
    sentence = ("Syndicate organiser Denise Halloran, 58, a line supervisor, said she checked "
                "the numbers during her break.")
    question = "Who organised the lottery syndicate at Caldwell Frozen Foods?"
    assert led_by(sentence, question, "Halloran") == (False, "Denise Halloran")
    assert led_by("Rovers coach Denise Halloran said so.", "Who coaches Ashford Town?",
                  "Halloran") == (True, None)


@pytest.mark.parametrize(("question", "answer"), [
    ("Who is the developer behind the Brookfield Meadows scheme?", None),
    ("Who is the councillor for Brookfield ward?", "Peter Haldane"),
    ("Who is the man who opposes the scheme?", "Peter Haldane"),  # any name may be a man
])
def test_a_name_titled_otherwise_is_not_the_holder_asked(question: str,
                                                         answer: str | None) -> None:
    """The users' "Who is the developer behind the Brookfield Meadows scheme?" had been
    answered with a councillor opposing it, the reader sure of the name."""
    from assistant.compose import abstention
    from assistant.short import short_answer
    from assistant.types import Citation

    sentence = ("Conservative councillor Peter Haldane, who represents Brookfield ward, said he "
                "would oppose the scheme whatever the traffic study found.")
    at = sentence.index("Peter Haldane")
    sure = Evidence(0, "a", 0, len(sentence), sentence, 0.9, 0.9, (at, at + 13), 20.0, fit=1.0)
    citation = Citation(1, sentence, "a", "a", None, None, "a", 0, len(sentence))
    short = short_answer(sure, citation, "person", question)
    assert (short.text if short else None) == answer
    assert (abstention([sure], True, 1.5, "person", question=question) is None) == bool(answer)


def test_the_winner_of_another_division_is_not_who_won_the_one_asked() -> None:
    """The users' "who won the wheelchair race" had been answered with the women's winner."""
    from assistant.compose import abstention as judged

    sentence = ("The women's race was won by Hana Bekele-Tsegaye of Ethiopia in 2:24:09, her "
                "first marathon victory outside Africa.")
    at = sentence.index("Hana")
    best = Evidence(0, "a", 0, len(sentence), sentence, 0.9, 0.9, (at, at + 19), 20.0, fit=1.0)
    turned = judged([best], True, 1.5, "person", question="who won the wheelchair race")
    assert turned is not None and "another contest" in turned.reason
    assert judged([best], True, 1.5, "person", question="Who won the women's race?") is None


MURAL = ("The mural was painted over the summer; local artist Ana Ruiz spent six weeks on it "
         "with a team of volunteers.")
FOOD_BANK = ("The food bank was founded in 2009, when retired nurse Joan Pike began handing out "
             "parcels from her garage.")


@pytest.mark.parametrize(("question", "sentence"), [
    ("Who painted the Bridge Street mural?", MURAL),
    ("Who founded Brightwater Food Bank?", FOOD_BANK),
    ("Who published The Salt Ledger?",
     "The Salt Ledger was published in March, by the small Beverley house Tannery Press."),
    ("Who designed the Eden Bridge?",
     "The sandstone bridge was designed in 1762, and engineer John Metcalf oversaw its building."),
    ("Who directed Tidewater?",
     "The film was directed, produced and edited by Ana Li, a former factory worker."),
    ("Who restored the chapel?",
     "The chapel was restored over 18 months; conservator Ruth Baird led the work."),
])
def test_a_doer_said_past_the_clause_of_the_passive_is_said(question: str,
                                                            sentence: str) -> None:
    """A reviewer's cases: the doer named after a semicolon or a comma ("; local artist Ana
    Ruiz spent…", ", when retired nurse Joan Pike began…", "in March, by…") is said; only a
    sentence showing no doer at all names no one who did it."""
    assert not doer_unsaid(question, sentence)


@pytest.mark.parametrize(("question", "sentence", "name"), [
    ("Who painted the Bridge Street mural?", MURAL, "Ana Ruiz"),
    ("Who founded Brightwater Food Bank?", FOOD_BANK, "Joan Pike"),
])
def test_the_sole_name_of_a_doer_said_next_answers(question: str, sentence: str,
                                                    name: str) -> None:
    """Each had been turned away by the name rule ("does not clearly give the name")."""
    assert led_by(sentence, question, name.split()[-1]) == (False, name)


@pytest.mark.parametrize(("question", "sentence"), [
    ("Who won the junior race at the county cross-country championships?",
     "The juniors' title went to Oswestry's Lily Grant, who pulled clear on the final hill."),
    ("Who won the veterans race?",
     "The veteran men's race was won by Tom Reed of Ambleside in two hours eleven minutes."),
    ("Who won the women's singles?",
     "Ana Ruiz won the title, beating her doubles partner Mia Stone."),
])
def test_a_division_said_otherwise_or_of_another_is_no_other_contest(question: str,
                                                                    sentence: str) -> None:
    """A reviewer's cases: "juniors'" is the junior race, "veteran" the veterans', and a
    division said of a partner is not the contest's; each had been "another contest"."""
    from assistant.contest import another_contest
    from assistant.contest_kind import of_division

    assert of_division(question, sentence)
    assert not another_contest(question, sentence)
    assert not of_division("Who won the wheelchair race?", "The juniors' race was won by Al Ng.")
