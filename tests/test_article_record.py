"""Questions about an article itself answered from its record where its text says nothing:
"Who wrote the lighthouse article?", over the sample store with three articles added whose
front matter, byline and page metadata name their author, outlet and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Answer, Assistant
from tests.test_assistant import assert_verbatim, make_settings

LIGHTHOUSE = """---
title: Lighthouse keeper retires after 40 years
date: 2025-03-19
source: Coastal Herald
author: Jane Roe
---
The lighthouse keeper of Point Vale, Tom Reed, retired on Friday after 40 years of service, the
harbour authority said.
He said he would spend his retirement fishing.
"""
PIER = """---
title: Pier reopens after repairs
date: 2025-05-02
source: Harbour Times
---
The old pier of Point Vale reopened on Saturday after a year of repairs, the council said.
Harbour Times readers voted it the town's favourite walk in 2024.
"""
BRIDGE = """<html><head><title>Bridge opens | Daily Post</title>
<meta property="og:site_name" content="Daily Post">
<meta property="article:published_time" content="2025-04-01T10:00:00Z"></head>
<body><article><h1>Bridge opens</h1><p>The new bridge over the river Tam in Westford opened on
Monday, costing 80 million euros, transport minister Luis Prado said.</p><p>About 20,000 cars
are expected to cross it every day.</p></article></body></html>"""


@pytest.fixture(scope="module")
def assistant(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    import shutil

    folder = tmp_path_factory.mktemp("record")
    store = folder / "store"
    shutil.copytree(sample_store, store)
    (folder / "lighthouse.md").write_text(LIGHTHOUSE, encoding="utf-8")
    (folder / "bridge.html").write_text(BRIDGE, encoding="utf-8")
    (folder / "pier.md").write_text(PIER, encoding="utf-8")
    made = Assistant(make_settings(store, llm="extractive"))
    made.index.ingest([folder / "lighthouse.md", folder / "bridge.html", folder / "pier.md"])
    return made


def _ask(assistant: Assistant, question: str) -> Answer:
    answer = assistant.ask(question)
    assert_verbatim(assistant, answer)
    return answer


@pytest.mark.parametrize(("question", "start", "title"), [
    ("Who wrote the lighthouse article?", "By Jane Roe: “Lighthouse keeper retires",
     "Lighthouse keeper retires after 40 years"),
    ("Which outlet published the bridge story?", "Daily Post: “Bridge opens” (1 April 2025)",
     "Bridge opens"),
    ("When was the bridge article published?", "Published 1 April 2025: “Bridge opens”",
     "Bridge opens"),
    ('Which outlet\'s page carries the story "Russia Ratifies Defence Pact with North Korea '
     'Amid Rising Tensions"?', "NewsTrack: “Russia Ratifies Defence Pact",
     "Russia Ratifies Defence Pact with North Korea Amid Rising Tensions"),
])
def test_the_record_answers_a_question_about_the_article_it_names(
        assistant: Assistant, question: str, start: str, title: str) -> None:
    """These were turned away as off topic ("the lighthouse article" shares few words with
    it) or as unanswered: the record says it, and the quote shows which article is meant."""
    answer = _ask(assistant, question)
    assert not answer.abstained and answer.text.startswith(start), answer.text
    assert answer.citations[0].title == title and answer.short is None


def test_a_line_of_the_article_naming_the_outlet_is_the_quote(assistant: Assistant) -> None:
    """Where its text names the outlet, the answer quotes that line: the claim is a quote."""
    answer = _ask(assistant, "Which outlet published the pier story?")
    assert answer.text.startswith("Harbour Times: “Pier reopens after repairs” (2 May 2025)")
    assert answer.citations[0].quote.startswith("Harbour Times readers voted")


def test_an_article_the_question_does_not_name_is_not_guessed(assistant: Assistant) -> None:
    from assistant.article_record import article_named

    answer = _ask(assistant, "When was the article about the Mars mission published?")
    assert answer.abstained and "Published" not in answer.text
    # Several articles' titles hold "North Korea": none of them is the one named.
    articles = {a.id: a for a in assistant.index.list()}
    assert article_named("Who wrote the article about the North Korea treaty?", articles) is None
    lighthouse = article_named("Who wrote the lighthouse article?", articles)
    assert lighthouse is not None and articles[lighthouse].title.startswith("Lighthouse")


def test_several_articles_fitting_the_one_asked_about_are_named(assistant: Assistant) -> None:
    """"The treaty article" fits three stories' titles: which one is asked, not guessed."""
    answer = _ask(assistant, "Who wrote the treaty article?")
    assert answer.abstained and answer.text.startswith("Several articles fit: “")
    assert answer.text.count("“") >= 2 and "Which one?" in answer.text
    assert answer.notes == ("several articles fit the one asked about",)


def test_a_named_article_whose_record_is_silent_says_so(assistant: Assistant) -> None:
    """It had said "no article seems to be about this" of an article the question names."""
    answer = _ask(assistant, "Who wrote the Portland article?")
    assert answer.abstained
    assert answer.text.startswith("Neither the article nor its record says who wrote it. The "
                                  "quote is from “US border agent shoots")
