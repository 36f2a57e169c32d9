"""A relative date in a quote, counted from its article's date (`assistant.relative_dates`):
"When are the talks?" answered "…next Monday…" says which Monday."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evidence import kind_fit
from assistant.relative_dates import counted_from, resolve
from tests.records import assistant_over

TUESDAY = "2025-01-28"  # a Tuesday


@pytest.mark.parametrize(("text", "published", "means"), [
    ("The two sides will meet next Monday.", TUESDAY, ["3 February 2025"]),
    ("The union walked out last Friday.", TUESDAY, ["24 January 2025"]),
    ("Talks resume this Tuesday.", TUESDAY, ["28 January 2025"]),  # this very day
    ("Talks resume this Thursday.", TUESDAY, []),  # past or to come: by its tense, unsaid
    ("Talks were held this Monday.", TUESDAY, []),
    # The review's: names and rolling periods are no relative dates.
    ("He told the Today programme and USA Today that it went well.", TUESDAY, []),
    ("Prices rose over the last year and in the past week.", TUESDAY, []),
    ("Over the next month, talks will go on.", TUESDAY, []),
    ("Today the union meets.", TUESDAY, ["28 January 2025"]),
    ("Last Friday the union met.", TUESDAY, ["24 January 2025"]),
    ("Talks resume next Tuesday.", TUESDAY, ["4 February 2025"]),  # a week on, not today
    ("He said yesterday that the vote is tomorrow.", TUESDAY,
     ["27 January 2025", "29 January 2025"]),
    ("The hearing will take place next month.", "2025-12-14", ["January 2026"]),  # the year turns
    ("Sales fell last month.", "2025-01-10", ["December 2024"]),
    ("It launches early next year.", "2025-09-17", ["2026"]),
    ("Strikes are planned for next week.", TUESDAY, ["the week of 3 February 2025"]),
    ("The council will debate next year's budget in March.", TUESDAY, []),  # names a budget
    ("The talks were held on Monday.", TUESDAY, []),  # a bare weekday: by its tense, unsaid
])
def test_a_relative_date_is_counted_from_the_articles_date(text: str, published: str,
                                                           means: list[str]) -> None:
    assert [r.means for r in resolve(text, published)] == means


def test_no_date_no_count() -> None:
    assert resolve("The talks resume next Monday.", None) == []
    assert counted_from("The talks resume next Monday.", None) is None
    assert counted_from("The talks resume next Monday and the vote is next week.", TUESDAY) == (
        "By the article's date (28 January 2025), “next Monday” is 3 February 2025; “next "
        "week” is the week of 3 February 2025.")


def test_tomorrow_is_a_date_as_yesterday_is() -> None:
    """"Next month" and "next year" are not taken for dates the way "tomorrow" is: counted as
    one, "…is sworn in as Los Angeles mayor next month" came before "She will be sworn in on
    December 12" on the natural tuning set (`evals/HISTORY.md`, thirtieth sitting)."""
    assert kind_fit("date", "The vote is tomorrow.", "When is the vote?") == 1.0
    assert kind_fit("date", "We expect to launch in Germany first, early next year.",
                    "When will Corvexa launch in Germany?") == 0.0


def test_when_is_answered_with_the_day_a_relative_date_means(tmp_path: Path) -> None:
    """The tester: "next Monday" and "next month" were quoted as they stand, even asked at a
    stated moment, and the reader had to count the days from the article's date."""
    records = [{"id": "rail", "title": "Rail workers to strike on two days in February",
                "published": TUESDAY, "source": "Metro Transit News",
                "text": "Rail workers at Northline will strike on two days in February in a "
                        "dispute over pay.\nThe union and Northline will meet for talks next "
                        "Monday at the offices of the conciliation service."}]
    assistant = assistant_over(records, tmp_path)
    answer = assistant.ask("When will the union and Northline meet for talks?")
    assert "next Monday" in answer.citations[0].quote, answer.text
    assert answer.text.endswith("By the article's date (28 January 2025), “next Monday” is 3 "
                                "February 2025."), answer.text
    other = assistant.ask("Why are the rail workers striking?")  # asked no date: none counted
    assert "By the article's date" not in other.text, other.text
