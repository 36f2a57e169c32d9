"""A question about what is coming is not answered by a date the story looks back to."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.ahead import asks_ahead, date_fit, looks_back
from assistant.evidence import question_kind
from tests.records import assistant_over


@pytest.mark.parametrize(("question", "ahead"), [
    ("When does the Kingsmead Bridge closure start?", True),
    ("When will inspectors be back?", True),
    ("What date is the vote?", True),
    ("When's the final?", True),
    ("When did the bridge last close?", False),
    ("When was the school last inspected?", False),
])
def test_what_asks_ahead(question: str, ahead: bool) -> None:
    assert asks_ahead(question) is ahead


@pytest.mark.parametrize(("sentence", "back"), [
    ("The bridge was last closed for major work in 2004, when it shut for six weeks.", True),
    ("Drivers last walked out on 14 October 2025, when only a quarter of services ran.", True),
    # A day without its year, a weekday, a year of the story's own: may be the news.
    ("It will close from Monday 13 April, the council said in 2025.", False),
    ("The strike is on 19 February, the first since 2025.", False),
    ("The bridge reopens in 2026.", False),
    ("The bridge will close for 14 weeks.", False),
    # A month or a season without its year (the review's).
    ("The Renters' Reform Act, passed by Parliament in 2025, will come into force in May.",
     False),
    ("First held in 1998, the Riverside Folk Festival returns in July.", False),
    ("A memorial marking 50 years since the 1976 flood will be held this summer.", False),
    ("Kelsworth was ranked 41st in May 2024 and 57th in 2021.", True),
    ("The case was heard on October 14, 2025.", True),
])
def test_what_looks_back(sentence: str, back: bool) -> None:
    assert looks_back(sentence, "2026-02-05") is back


def test_only_a_date_asked_ahead_loses_its_fit() -> None:
    back = "The bridge was last closed for major work in 2004."
    assert date_fit(1.0, "date", "When does the closure start?", back, "2026-03-01") == 0.5
    assert date_fit(1.0, "date", "When did the bridge last close?", back, "2026-03-01") == 1.0
    assert date_fit(1.0, "date", "When does the closure start?", back, None) == 1.0
    assert date_fit(0.5, "other", "When does the closure start?", back, "2026-03-01") == 0.5


BRIDGE = {"id": "bridge", "title": "Kingsmead Bridge to shut for repairs",
          "source": "Tamsworth Echo", "published": "2026-03-02",
          "text": "Kingsmead Bridge, the main road crossing of the River Aske in Tamsworth, "
                  "will close to traffic for 14 weeks from Monday 13 April.\n"
                  "The council said the work would cost £3.4 million.\n"
                  "The bridge was last closed for major work in 2004, when it shut for six "
                  "weeks."}


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([BRIDGE], tmp_path_factory.mktemp("bridge"))


def test_when_the_closure_starts_is_not_the_last_closure(bridge: Assistant) -> None:
    """The twelfth tester's: answered with the 2004 closure (the reader ranks that sentence
    first; it is no answer, so the articles do not say)."""
    answer = bridge.ask("When does the Kingsmead Bridge closure start?")
    assert answer.abstained or "2004" not in answer.citations[0].quote, answer.text


def test_what_dates_asks_for_dates() -> None:
    """The thirteenth tester's "What dates are the drivers striking?" was asked of no kind."""
    assert question_kind("What dates are the Southern Shires drivers striking?") == "date"
    assert question_kind("Which years did she win?") == "date"
    # Not days of the week ("on Tuesdays and Fridays": the review's), which are no dates.
    assert question_kind("What days will bins be collected in Ashgrove?") == "other"
