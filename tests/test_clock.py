"""Asked what time, the time of day leads (`assistant.clock`): the ninth tester's "At what
time did Halcyon-2 lift off?" led with "Wednesday"."""

from __future__ import annotations

import pytest

from tests.test_figures import _lead

LAUNCH = ("Vantor Aerospace's Halcyon-2 rocket reached orbit on Wednesday, lifting off from "
          "Sørvik Spaceport at 06:14 local time and releasing 14 small satellites.")


@pytest.mark.parametrize(("question", "sentence", "read", "lead"), [
    ("At what time did Halcyon-2 lift off?", LAUNCH, "Wednesday", "06:14"),
    ("What time does the supermoon peak?", "It peaks at 9:36 p.m. ET on Friday.", "Friday",
     "9:36 p.m."),
    # Asked when, the day the reader gives leads.
    ("When did Halcyon-2 lift off?", LAUNCH, "Wednesday", "Wednesday"),
])
def test_a_time_of_day_answers_what_time(question: str, sentence: str, read: str,
                                         lead: str) -> None:
    assert _lead(question, sentence, read) == lead


def test_several_times_or_a_price_are_no_time_asked_for() -> None:
    from assistant.clock import clock_time

    assert clock_time("What time is the match?", "Kick-off is 3pm; gates open at 1.30pm.") is None
    assert clock_time("What time did shares close?", "Shares closed at 1.50 on Friday.") is None


@pytest.mark.parametrize(("question", "sentence", "read", "lead"), [
    # The review's: the time of another event is not the one asked about ...
    ("What time did the polls close?", "Polls closed on Thursday and counting began at "
     "midnight.", "Thursday", "Thursday"),
    ("What time did the river burst its banks?", "The river burst its banks on Sunday and water "
     "reached the town at 6am.", "Sunday", "Sunday"),
    # ... nor is a time of year one of day; and the reader's own time stands, whole.
    ("What time of year is best to see the aurora?", "Shows start at 10pm from September.",
     "September", "September"),
    ("What time did the fire start?", "The fire started at about 4.15pm, witnesses said.",
     "about 4.15pm", "about 4.15pm"),
    ("What time does the Bell open?", "The Bell will open at 7am.", "open", "7am"),
])
def test_the_time_of_another_event_or_of_year_is_no_time_asked(question: str, sentence: str,
                                                               read: str, lead: str) -> None:
    assert _lead(question, sentence, read) == lead

