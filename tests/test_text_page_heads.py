"""Text pages' heads a tester's twelve pages got wrong: a review's and an interview's byline
("Reviewed by …", "Interview by …") left the author unread, and a masthead set as a line of
text (over a kicker or the date line, or joined to its section and the date) gave no outlet
and was once taken for the title."""

from __future__ import annotations

import pytest

from index.captions import caption_spans
from index.cleaning import clean_document
from index.formats.markdown import markdown_text
from index.types import Article, RawDocument

STORY = ("The ferry to Gull Island will stop running in March, its operator said on Monday.\n"
         "About 300 islanders use it each week.")


def _file(text: str, source: str = "p.txt") -> list[Article]:
    if source.endswith(".md"):
        text = markdown_text(text)
    return clean_document(RawDocument(text=f"{text}\n\n{STORY}", source=source,
                                      source_key=source))


@pytest.mark.parametrize(("byline", "author"), [
    ("Reviewed by Aoife Brannigan", "Aoife Brannigan"),
    ("Interview by Simon Achterberg", "Simon Achterberg"),
])
def test_a_reviews_or_an_interviews_byline_names_its_author(byline: str, author: str) -> None:
    [article] = _file(f"Gull Island ferry to stop running in March\n{byline}")
    assert article.author == author
    # a byline is marked as one, as "By …" is
    assert article.text[slice(*caption_spans(article.text)[0])] == byline


def test_interviewed_by_in_a_sentence_is_no_byline() -> None:
    [article] = _file("Gull Island ferry to stop running in March\nInterviewed by police on "
                      "Monday, the skipper said the engine had failed.")
    assert article.author is None
