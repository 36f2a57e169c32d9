"""A later report's correction of the answer (`assistant.corrections`): the name or figure it
withdraws does not lead, and the correction is quoted beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from tests.records import assistant_over

MATCH = {
    "id": "match", "title": "Harbour City edge Riverside Rovers in five-goal thriller",
    "published": "2025-05-11", "source": "Coastal Sport",
    "text": "Harbour City beat Riverside Rovers 3-2 at Ferry Park on Sunday.\nStriker Marco "
            "Vella opened the scoring after 12 minutes, heading in a cross from Jamie Hart.\n"
            "Vella levelled on 58 minutes, and substitute Luis Ortega scored the winner in the "
            "87th minute."}
CORRECTION = {
    "id": "fix", "title": "Correction: Harbour City winner credited to Jamie Hart, not Ortega",
    "published": "2025-05-13", "source": "Coastal Sport",
    "text": "An earlier version of our report on Harbour City's 3-2 win over Riverside Rovers "
            "on Sunday credited the winning goal to Luis Ortega.\nThe Southern League has "
            "since awarded the 87th-minute goal to Jamie Hart, after video showed Ortega's "
            "shot was deflected in by Hart's knee.\nThe result is unchanged."}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([MATCH, CORRECTION], tmp_path_factory.mktemp("corrected"))


def test_a_name_a_later_report_withdraws_does_not_lead(corrected: Assistant) -> None:
    """"Who scored the winning goal?" was answered "Luis Ortega — …", from the match report,
    though a later report said that credit was wrong and named Jamie Hart."""
    answer = corrected.ask("Who scored the winning goal for Harbour City?")
    assert answer.short is None or "Ortega" not in answer.short.text, answer.text
    assert not answer.text.startswith("Luis Ortega"), answer.text
    quotes = [c.quote for c in answer.citations]
    assert any("credited the winning goal to Luis Ortega" in q for q in quotes), answer.text
    assert any("awarded the 87th-minute goal to Jamie Hart" in q for q in quotes), answer.text
    assert "A correction says this was wrong" in answer.text


def test_what_the_correction_leaves_standing_still_leads(tmp_path: Path) -> None:
    """The correction withdraws Ortega's winner only: where Ortega opened the scoring, asked
    who did, he leads as before, though the correction names him and the same team."""
    opener = dict(MATCH, text="Harbour City beat Riverside Rovers 3-2 at Ferry Park on "
                  "Sunday.\nLuis Ortega opened the scoring after 12 minutes, heading in a cross "
                  "from Jamie Hart.")
    answer = assistant_over([opener, CORRECTION], tmp_path).ask(
        "Who opened the scoring for Harbour City?")
    assert answer.text.startswith("Luis Ortega"), answer.text
    assert "correction says" not in answer.text


@pytest.mark.parametrize(("retraction", "answer", "withdrawn"), [
    ("An earlier version of this report credited the winning goal to Luis Ortega rather than "
     "Jamie Hart.", "Jamie Hart", False),  # the right one, beside the withdrawn
    ("An earlier version of this report credited the winning goal to Luis Ortega rather than "
     "Jamie Hart.", "Luis Ortega", True),
    ("An earlier version of this report said four fire crews attended.", "four", False),
])
def test_only_what_a_correction_withdraws_is_withdrawn(retraction: str, answer: str,
                                                       withdrawn: bool) -> None:
    from assistant.corrections import _retraction
    from index import Article

    article = Article(id="fix", title="Correction", text=retraction, source="s", source_key="s")
    question = ("How many people died in the fire?" if answer == "four"
                else "Who scored the winning goal?")
    assert (_retraction(article, question, answer) is not None) is withdrawn


def test_a_correction_of_the_same_day_counts(tmp_path: Path) -> None:
    """Online, a correction often follows its report within the day."""
    same_day = dict(CORRECTION, published=MATCH["published"])
    answer = assistant_over([MATCH, same_day], tmp_path).ask(
        "Who scored the winning goal for Harbour City?")
    assert not answer.text.startswith("Luis Ortega"), answer.text
    assert "A correction says this was wrong" in answer.text


def test_a_correction_published_before_the_answer_does_not_count(tmp_path: Path) -> None:
    """Only a later report corrects: the same correction dated before the match report is
    about some earlier report, and the answer leads as it did."""
    early = dict(CORRECTION, published="2025-05-01")
    answer = assistant_over([MATCH, early], tmp_path).ask(
        "Who scored the winning goal for Harbour City?")
    assert "correction says" not in answer.text, answer.text


@pytest.mark.parametrize(("sentence", "question", "kind", "factor"), [
    ("Selene-2 was first due to launch in June 2025, but that date slipped.",
     "When will Selene-2 launch?", "date", 0.5),
    ("The lander had been scheduled to lift off on December 12.", "When will it launch?",
     "date", 0.5),
    # Asked for the date given up, it is the answer; asked anything else, it is not weighed.
    ("Selene-2 was first due to launch in June 2025, but that date slipped.",
     "When was Selene-2 first due to launch?", "date", 1.0),
    ("Selene-2 was first due to launch in June 2025, but that date slipped.",
     "Why did the Selene-2 launch slip?", "other", 1.0),
    ("Skyward has postponed the launch to no earlier than April 2026.",
     "When will Selene-2 launch?", "date", 1.0),
    # The review's: the sentence giving the new date too is the answer; "set up" is no date.
    ("The opening, originally scheduled for March, will now take place on 12 May.",
     "When will the library open?", "date", 1.0),
    ("The charity, which had been set up in 1998, closed in May.", "When did it close?",
     "date", 1.0),
    ("The vote was initially set for Tuesday.", "When is the vote?", "date", 0.5),
    ("An earlier version of this story incorrectly said the launch was in May.",
     "When will Selene-2 launch?", "date", 0.3),
    # A corrections box's wording (the eleventh tester's hospice appeal)
    ("An earlier version said the new wing would have 14 beds.",
     "How many beds will the new wing have?", "number", 0.3),
    ("An earlier version also misspelled the name of the chief executive and said Bakare "
     "rowed from Lanzarote to Barbados.", "Where did Bakare finish her row?", "other", 0.3),
    ("We also said the appeal had raised £1.2 million.", "How much has the appeal raised?",
     "number", 0.3),
    ("It will have 12 beds, as now stated.", "How many beds will the new wing have?", "number",
     1.0),
    ("'We said we would deliver, and we did,' the mayor said.", "What did the mayor say?",
     "other", 1.0),
    # The review's: words quoted, another version of something else, are no correction.
    ("'We also said no jobs would be lost,' Shah said.", "What did Shah say about jobs?",
     "other", 1.0),
    ("The earlier version named Russia as the main threat; the new strategy names China.",
     "Which country does the strategy name as the main threat?", "other", 1.0),
    ("The previous version stated that the tax would rise.", "Will the tax rise?", "other",
     1.0),
])
def test_what_is_no_longer_so_weighs_less(sentence: str, question: str, kind: str,
                                          factor: float) -> None:
    """"When will Selene-2 launch?" was answered "June 2025", the date the launch was first due
    on, over the later sentence giving April 2026."""
    from assistant.withdrawn import withdrawn_factor

    assert withdrawn_factor(sentence, question, kind) == factor


def test_a_corrections_box_leads_with_what_is_right_and_nothing_it_withdrew(
        tmp_path: Path) -> None:
    """"How many beds will the new hospice wing have?" led with "14 beds", the figure the
    article's corrections box withdrew, and then quoted "It will have 12 beds" beside it."""
    appeal = {"id": "appeal", "title": "Hospice appeal passes £1 million",
              "published": "2026-08-27", "source": "Carnwath Weekly Observer",
              "text": "A hospice appeal to build a new inpatient wing in Carnwath has passed £1 "
                      "million.\nThe money will pay for the new 12-bed wing.\nThis "
                      "article was amended on 28 August 2026. An earlier version said the new "
                      "hospice wing would have 14 beds. It will have 12 beds, as now stated."}
    answer = assistant_over([appeal], tmp_path).ask("How many beds will the new hospice wing "
                                                    "have?")
    assert answer.short is not None and "12" in answer.short.text, answer.text
    assert "14 beds" not in answer.text


MERGER = {
    "id": "deal", "title": "Nordwind to buy Baltic Air for $2.1 billion",
    "published": "2025-03-03", "source": "Aviation Wire",
    "text": "Nordwind Airlines has agreed to buy Baltic Air for $2.1 billion.\nThe companies "
            "expect about 600 jobs to be cut, mostly in back-office functions in Riga.\nThe deal "
            "needs approval from Baltic Air's shareholders, who will vote on April 15.\nThe "
            "combined group will operate a fleet of 148 aircraft."}
UPDATE = {
    "id": "update", "title": "Nordwind raises Baltic Air offer; shareholder vote moved to May 6",
    "published": "2025-03-10", "source": "Aviation Wire",
    "text": "Nordwind Airlines raised its offer for Baltic Air to $2.4 billion.\nThe shareholder "
            "vote, which had been scheduled for April 15, has been moved to May 6 to give "
            "investors time to consider the new terms.\nThe number of job cuts has been revised "
            "down to about 450, from the 600 announced last week.\nCorrection: An earlier "
            "version of our March 3 report said the combined group would operate a fleet of 148 "
            "aircraft. The correct figure is 151 aircraft."}


@pytest.fixture(scope="module")
def merger(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([MERGER, UPDATE], tmp_path_factory.mktemp("merger"))


@pytest.mark.parametrize(("question", "lead", "earlier", "before"), [
    ("How many jobs will be cut in the Nordwind Baltic Air merger?", "about 450 — ", "600",
     "about 600 jobs — "),
    ("When will Baltic Air shareholders vote on the takeover?", "May 6 — ", "April 15",
     "April 15 — "),
])
def test_a_later_report_revising_the_answer_leads_with_the_new_value(
        merger: Assistant, question: str, lead: str, earlier: str, before: str) -> None:
    """A second tester's: "about 600 jobs" and "April 15" were answered from the first report
    though the later one said "revised down to about 450, from the 600" and "moved to May 6";
    the reader scored those sentences low (they repeat few of the question's words)."""
    answer = merger.ask(question)
    assert answer.text.startswith(lead), answer.text
    assert "An earlier report, of 3 March 2025, gave:" in answer.text
    assert earlier in answer.citations[-1].quote
    # Asked before the later report, the first report's value is the latest there is.
    early = merger.ask(question, as_of="2025-03-05")
    assert early.text.startswith(before), early.text


def test_a_correction_of_a_figure_the_quote_gives_is_quoted(merger: Assistant) -> None:
    """"Correction: An earlier version of our March 3 report said … 148 aircraft." (words
    between "our" and "report") was no correction to it, and where no short answer leads, only
    names were looked for."""
    answer = merger.ask("How many aircraft will the combined Nordwind and Baltic Air group "
                        "operate?")
    assert "A correction says this was wrong" in answer.text, answer.text
    assert any("The correct figure is 151 aircraft." in c.quote for c in answer.citations)
    assert "articles report this" not in answer.text  # the correction agrees with nothing


@pytest.mark.parametrize(("sentence", "kind", "new", "old"), [
    ("The new offer values Baltic Air at $4.90 per share, up from $4.30.", "number", "$4.90",
     "$4.30"),
    ("The stolen objects are now valued at €5.2 million, up from the museum's first estimate "
     "of €3.5 million.", "number", "€5.2 million", "€3.5 million"),
    ("The toll was revised up to 12 from 9.", "number", "12", "9"),
    ("The launch was postponed to June 2026.", "date", "June 2026", ""),
    ("Sales rose 4% from a year earlier.", "number", None, None),  # no revision
])
def test_what_a_revising_sentence_gives_as_new_and_old(sentence: str, kind: str,
                                                       new: str | None, old: str | None) -> None:
    from assistant.revisions import _revision

    found = _revision(sentence, kind)
    assert (None if found is None else (sentence[found[0][0]:found[0][1]], found[1])) == (
        None if new is None else (new, old))


STRIKE = {
    "id": "strike", "title": "Rail workers to strike on October 20 in pay dispute",
    "published": "2026-10-02", "source": "Capital Metro News",
    "text": "Train drivers at Transit Capital will stage a 24-hour strike on October 20, the "
            "RMTU announced on Friday.\nThe union said 82% of members backed strike action.\n"
            "It represents about 4,600 workers at the operator."}
MOVED = {
    "id": "moved", "title": "Rail strike moved to October 27 and extended to 48 hours",
    "published": "2026-10-14", "source": "Capital Metro News",
    "text": "The rail strike at Transit Capital has been moved to October 27, the RMTU said on "
            "Wednesday.\nThe union represents about 5,100 workers at the operator, not 4,600 as "
            "previously reported."}


def test_a_later_reports_figure_not_the_earlier_one_as_reported(tmp_path: Path) -> None:
    """"…about 5,100 workers…, not 4,600 as previously reported" leads with 5,100; the tester's
    question was answered "4,600"."""
    answer = assistant_over([STRIKE, MOVED], tmp_path).ask(
        "How many workers does the RMTU represent?")
    assert answer.short is not None and answer.short.text.startswith("about 5,100"), answer.text
    assert "not 4,600 as previously reported" in answer.text


GAME = {
    "id": "game", "title": "Harbor City edge Millbrook Rovers 2-1",
    "published": "2026-09-13", "source": "Coastal Ledger",
    "text": "Harbor City beat Millbrook Rovers 2-1 at Quayside Park on Saturday.\nA crowd of "
            "18,412 watched the match, the largest at Quayside Park this season."}
REVIEW = {
    "id": "review", "title": "Referees' body admits Harbor City penalty was wrong",
    "published": "2026-09-16", "source": "Coastal Ledger",
    "text": "The referees' body has admitted that the late penalty was wrongly awarded.\n"
            "Correction: An earlier version of our match report credited Millbrook's goal to "
            "Jonas Eklund. It was scored by Viktor Lindahl. The report also gave the attendance "
            "as 18,412; the correct figure was 18,142."}


def test_a_figure_the_correction_gives_otherwise_is_shown_corrected(tmp_path: Path) -> None:
    """"…gave the attendance as 18,412; the correct figure was 18,142": asked how many watched
    (none of the correction's words), the old figure no longer leads alone."""
    answer = assistant_over([GAME, REVIEW], tmp_path).ask(
        "How many people watched Harbor City play Millbrook?")
    assert not answer.text.startswith("18,412"), answer.text
    assert "the correct figure was 18,142" in answer.text
