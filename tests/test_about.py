"""Questions about an article itself (when it was updated, whose reporting it carries) are
answered by quoting the article's own line that says so, not from its metadata alone."""

from __future__ import annotations

import pytest

from assistant.about import about_line, named_title
from assistant.evidence import question_kind

PAGE = """Storm closes ports along the coast

Published 3 March 2025
Updated 4:05 PM EST, March 4, 2025

The storm closed three ports on Monday, officials said.
Reporting by Jane Doe; Editing by John Roe
"""


def _answer(question: str, text: str) -> str | None:
    line = about_line(question, text)
    if line is None:
        return None
    assert text[line.start:line.end].strip() == text[line.start:line.end]
    assert line.start <= line.answer_start < line.answer_end <= line.end
    return text[line.answer_start:line.answer_end]


@pytest.mark.parametrize(("question", "answer"), [
    ("When was the article last updated?", "4:05 PM EST, March 4, 2025"),
    ("Which news agency's reporting is in the story?", "Jane Doe"),
    ("Whose reporting does the story carry?", "Jane Doe"),
])
def test_the_article_line_that_says_it_is_found_with_the_answer_inside(question: str,
                                                                       answer: str) -> None:
    assert _answer(question, PAGE) == answer


def test_other_credit_lines_and_no_line_at_all() -> None:
    credit = "Talks resumed.\nThe Associated Press contributed to this report.\n"
    assert _answer("Which agency contributed to the story?", credit) == "The Associated Press"
    included = "Talks resumed.\nThis article includes reporting from Reuters\n"
    assert _answer("Which news agency's reporting is included?", included) == "Reuters"
    # The story's own sentences never count, nor does a page without such a line.
    assert _answer("When was the article updated?", "It was updated in 2024 by staff.\n") is None
    assert _answer("Which outlet published the story?", "Talks resumed.\n") is None
    # Asked which outlet published it, a "Published …" line's date is no answer.
    assert _answer("Which outlet published the story?", PAGE) is None
    assert _answer("On what date was the story published?", PAGE) == "3 March 2025"


@pytest.mark.parametrize(("text", "author"), [
    ("Fire grows\nBy Tomás Reyes | mountainherald.com | Published 2024-08-22\nIt grew.\n",
     "Tomás Reyes"),
    ("Zoo cubs\nBy Marta Siwek, Staff Reporter\nCubs were born.\n", "Marta Siwek"),
    ("Recall\nIt began.\n(Reporting by Anna Keller; Editing by Mark Hughes)\n", "Anna Keller"),
    ("Story\nBy usatoday.com | Published 2025-02-18\nIt began.\n", None),  # a site
    ("Fire out\nBy the time it was out, 37 homes had burned.\n", None),  # a sentence
    ("Fire out\nBy Tuesday, the fire had spread to 3,000 acres.\n", None),  # a day, a sentence
    ("Deal\nReporting by the Times revealed the deal in March.\n", None),  # the story's words
])
def test_a_byline_says_who_wrote_it(text: str, author: str | None) -> None:
    assert _answer("Who wrote it?", text) == author


def test_a_quoted_headline_names_the_article_asked_about() -> None:
    titles = {"a": "Storm closes ports along the coast", "b": "Ports reopen"}
    assert named_title('When was "Storm Closes Ports Along the Coast" updated?', titles) == "a"
    assert named_title("When was the story “Ports reopen after storm” updated?", titles) is None
    assert named_title("When was the storm story updated?", titles) is None


def test_a_question_about_the_news_is_not_one_about_the_article() -> None:
    assert question_kind('Which outlet\'s page carries the story "Ports reopen"?') == "meta"
    assert question_kind("When was the article on the storm updated?") == "meta"
    assert question_kind("Which newspaper will now print only opinion pieces on markets?") != "meta"
    assert question_kind("Which news agency could not verify the video?") != "meta"
    # A report is what the news is about: its date is the news's, not the page's.
    assert question_kind("When was the Pentagon report on UFOs published?") != "meta"
    # Whose report it is ("Which outlet reported the Bramwell fine?" had been searched for).
    assert question_kind("Which outlet reported the Bramwell fine?") == "meta"
    assert question_kind("Which newspaper covered the storm deaths?") == "meta"
    assert question_kind("Which outlet reported that the ceasefire collapsed?") != "meta"


def test_the_answer_quotes_the_articles_own_line(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask('Whose reporting does the article "North Korea and Russia sign major '
                           'defense treaty" include?')
    assert not answer.abstained and answer.short is not None
    assert answer.short.text == "The Associated Press"
    cited = answer.citations[answer.short.n - 1]
    assert cited.title == "North Korea and Russia sign major defense treaty"
    assert answer.short.text in cited.quote and "reporting from" in cited.quote
    assert answer.text.startswith("The Associated Press — ")
