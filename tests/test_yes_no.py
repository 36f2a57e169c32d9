"""Yes or no before the quote (`assistant.yes_no`), only where the quoted sentence plainly
says it: a wrong "Yes" is worse than none."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.yes_no import asks_yes_no, yes_no
from tests.records import assistant_over

COUNCIL = ("After nearly six hours of debate, the Millbrook City Council voted 7-4 on Tuesday "
           "night to approve a $1.2 billion budget for the fiscal year that begins July 1.")


@pytest.mark.parametrize(("question", "sentence", "verdict"), [
    ("Did the Millbrook council approve the budget?", COUNCIL, "Yes"),
    ("Did Gerald Pike plead guilty?", "Gerald Pike, 58, was sentenced at Leeds Crown Court on "
     "Thursday after pleading guilty in January to fraud.", "Yes"),
    ("Has anyone been arrested?", "Belgian police have arrested two men over the theft, "
     "prosecutors said on Friday.", "Yes"),
    ("Will Halvorsen raise its prices?", "Halvorsen will raise its prices in January.", "Yes"),
    ("Has the FDA approved Corvexa?", "The FDA has not yet approved Corvexa.", "No"),
    ("Has anyone been arrested?", "No one has been arrested, police said.", "No"),
    ("Did Beatriz Lemos vote against the budget?", "Beatriz Lemos did not vote against the "
     "budget.", "No"),
])
def test_a_sentence_that_plainly_says_it_gives_the_verdict(question: str, sentence: str,
                                                           verdict: str) -> None:
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize(("question", "sentence"), [
    # the names the other way round
    ("Did Arsenal beat Chelsea?", "Chelsea beat Arsenal 2-1 at Stamford Bridge."),
    # the subject the other way round, or someone else's
    ("Did Smith defeat the incumbent?", "The incumbent defeated Smith in a landslide."),
    ("Was Gerald Pike arrested?", "Gerald Pike's brother was arrested on Friday."),
    ("Is Anders Vik chief executive of Halvorsen Foods?", "Anders Vik, former chief executive "
     "of Halvorsen Foods, spoke on Friday."),
    # the opposite of a word asked
    ("Did Beatriz Lemos vote for the budget?", "Beatriz Lemos voted against the budget."),
    ("Did Beatriz Lemos vote against the budget?", "Beatriz Lemos voted for the budget."),
    # a plan, a condition, a delay, a contrast
    ("Did the Tampere plant open in November?", "The opening of the Tampere plant, which had "
     "been due in November, has been pushed back to March 2026."),
    ("Has the FDA approved Corvexa?", "If approved by the FDA, Corvexa would be the first "
     "preventive treatment."),
    ("Did the council approve the budget?", "The council is expected to approve the budget."),
    ("Did the council approve the budget?", "The council will approve the budget next week."),
    ("Did the council approve the budget?", "The council approved the budget in March but "
     "rejected it on Tuesday."),
    # a figure asked about: every word there, nothing said
    ("Did 12 people die?", "12 people were injured and two people died."),
    # a word asked about missing
    ("Did the council approve the library amendment?", COUNCIL),
    ("Did Gerald Pike go to prison?", "Gerald Pike was sentenced on Thursday."),
    # the review's: someone else said it, did it, or is the object; a plan; a denial; the
    # opposite as another word form; what was, asked what is; the verb said twice
    ("Did Smith resign?", "Smith said Jones resigned."),
    ("Was Pike arrested?", "Pike said officers arrested his neighbour."),
    ("Did police arrest Pike?", "Pike arrested a police officer."),
    ("Did the jury convict Smith?", "The jury convicted Smith's accomplice."),
    ("Did Arsenal beat Chelsea?", "Arsenal fans watched Chelsea beat Arsenal."),
    ("Did the strike end?", "Union members voted to end the strike next week."),
    ("Did the company cut jobs?", "Unions deny the company cut jobs."),
    ("Is the bridge open?", "The bridge remains closed; the road beside it is open."),
    ("Is Jones still the chief executive?", "Jones was chief executive of the firm in 2015."),
    ("Did Gerald Pike plead guilty?", "Gerald Pike, who had never pleaded guilty before, "
     "pleaded guilty on Monday."),
    # a negation in a clause of its own
    ("Did Beatriz Lemos vote for the budget?", "Beatriz Lemos, who did not speak, voted for "
     "the budget."),
])
def test_no_verdict_where_the_sentence_leaves_doubt(question: str, sentence: str) -> None:
    assert yes_no(question, sentence) is None


@pytest.mark.parametrize(("question", "asks"), [
    ("Did the council approve the budget?", True),
    ("Has anyone been arrested yet?", True),
    ("Is it Raman or Hobbs?", False),  # offers its own two answers
    ("Were the men injured or missing?", False),
    ("Who approved the budget?", False),
    ("Is there a strike on Friday?", True),
    ("Can you tell me who won the Millbrook mayoral election?", False),  # wants the name
    ("Could you tell me when the new bridge opened?", False),
])
def test_which_questions_ask_yes_or_no(question: str, asks: bool) -> None:
    assert asks_yes_no(question) is asks


def test_a_follow_up_needs_the_conversations_names_too() -> None:
    """"Did she vote for it?" after a question about Teal and Lemos: "Councillor Diaz voted
    for the budget" is about someone else."""
    query = "Did she vote for it? Millbrook Teal Lemos"
    assert yes_no("Did she vote for it?", "Councillor Diaz voted for the budget.", query) is None
    assert yes_no("Did she vote for it?", "In Millbrook, Teal and Lemos voted for it.",
                  query) == "Yes"


ARTICLE = {
    "id": "budget", "title": "Millbrook approves $1.2bn budget after six-hour debate",
    "published": "2025-06-25", "source": "Millbrook Courier",
    "text": COUNCIL + "\nProperty taxes will rise by 3.5%, and library spending is cut by "
            "$2.1 million.\nCouncillor Ana Teal had proposed an amendment to keep all library "
            "hours; it failed 5-6."}


def test_the_answer_leads_with_yes_and_keeps_its_quote(tmp_path_factory: pytest.TempPathFactory
                                                       ) -> None:
    assistant: Assistant = assistant_over([ARTICLE], tmp_path_factory.mktemp("yes_no"))
    answer = assistant.ask("Did the Millbrook council approve the budget?")
    assert answer.text.startswith("Yes — “"), answer.text
    assert "voted 7-4" in answer.citations[0].quote
    amendment = assistant.ask("Did the council approve Teal's library amendment?")
    assert not amendment.text.startswith(("Yes", "No")), amendment.text
