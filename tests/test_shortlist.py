"""Which sentences the reader reads: a dozen from the retrieved passages, and, for a question
asked at no stated moment, a few more from the rest of its best articles (the detail a reader asks
about often sits a few lines from the passage retrieval found)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

from assistant.question import analyse
from assistant.shortlist import CANDIDATES, MORE_READ, WHOLE_ARTICLES, shortlist
from index import Article, Passage

FILLER = [f"Paragraph {n} of the story is about the parade route and the weather."
          for n in range(12)]
ANSWER = "The parade was led by the mayor, Keith Wilson, riding a bicycle."


def _article(article_id: str, lines: list[str], outlet: str | None = None) -> Article:
    text = "\n".join(lines)
    return Article(id=article_id, title=article_id, text=text, source=article_id,
                   source_key=article_id, published="2025-01-06", outlet=outlet, url=None,
                   doc_id=None, story_id=None, n_chunks=1, text_length=len(text))


def _passage(article: Article, lines: int) -> Passage:
    """The article's first `lines` lines, as retrieval hands a chunk over."""
    end = len("\n".join(article.text.split("\n")[:lines]))
    return Passage(article_id=article.id, chunk_id=f"{article.id}:0", start=0, end=end,
                   text=article.text[:end], score=1.0, title=article.title,
                   source=article.source, published=article.published, outlet=None,
                   story_id=None, doc_id=None, dense_score=0.6, bm25_score=None)


def _texts(question: str, as_of: date | None, read_on: bool = True) -> list[str]:
    story = _article("story", [*FILLER[:3], *FILLER[3:10], ANSWER, *FILLER[10:]])
    asked = analyse(question, question, as_of, None, None)
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=read_on)
    return [c.text for c in found]


def test_a_question_asked_at_no_moment_reads_on_in_its_best_article() -> None:
    texts = _texts("Who led the parade?", None)
    assert ANSWER in texts
    # The passage's own sentences first, then at most MORE_READ of the rest, none twice.
    assert texts[:3] == FILLER[:3] and len(texts) == 3 + MORE_READ
    assert len(set(texts)) == len(texts)


def test_a_question_asked_at_a_stated_moment_reads_only_the_passages() -> None:
    assert _texts("Who led the parade?", date(2025, 1, 10)) == FILLER[:3]
    assert _texts("Who led the parade this week?", date(2025, 1, 10)) == FILLER[:3]
    # "This week" in a reader's own question states no moment: it is read as one asked at none.
    assert ANSWER in _texts("Who led the parade this week?", None)
    # Without a reader (the ablation "retrieval only") nothing beyond the passages either.
    assert _texts("Who led the parade?", None, read_on=False) == FILLER[:3]


def test_only_the_best_articles_are_read_on_and_the_passages_keep_their_dozen() -> None:
    articles = {f"a{i}": _article(f"a{i}", [f"Line {j} of article {i} is about a parade."
                                            for j in range(20)]) for i in range(4)}
    passages = [_passage(a, 5) for a in articles.values()]
    asked = analyse("Who led the parade?", "Who led the parade?", None, None, None)
    found = shortlist(asked, passages, articles)
    from_passages = [c for c in found if c.start < passages[0].end]
    beyond = [c for c in found if c.start >= passages[0].end]
    assert len(from_passages) == CANDIDATES and len(beyond) == MORE_READ
    assert {c.article_id for c in beyond} <= {f"a{i}" for i in range(WHOLE_ARTICLES)}
    # A sentence read on counts as its article's passage: it shares that rank and similarity.
    assert all(c.passage == int(c.article_id[1:]) for c in beyond)


def test_reading_on_neither_reads_a_sentence_twice_nor_changes_the_passages_choice() -> None:
    story = _article("story", [*FILLER[:3], *FILLER[3:10], ANSWER, *FILLER[10:]])
    # A passage that starts mid-sentence (a sentence longer than a chunk): that part is read,
    # and the whole sentence is not read again.
    whole = _passage(story, 3)
    cut = replace(whole, start=7, text=story.text[7:whole.end])
    asked = analyse("Who led the parade?", "Who led the parade?", None, None, None)
    found = shortlist(asked, [cut], {"story": story})
    spans = sorted((c.start, c.end) for c in found)
    assert spans[0][0] == 7 and all(a[1] <= b[0] for a, b in pairwise(spans))
    # The passages' sentences are chosen and weighed as without reading on.
    alone = shortlist(asked, [cut], {"story": story}, read_on=False)
    assert found[:len(alone)] == alone


def test_a_pages_date_line_is_no_candidate() -> None:
    """"Updated 6 January 2025" holds a date but states nothing of the story: a "when"
    question about the parade is not offered it (a question about the article quotes it, on a
    path of its own: `assistant.about`)."""
    asked = analyse("When was the parade?", "When was the parade?", None, None, None)
    # The second line splits into sentences at "Mon.": neither part is offered either.
    for line in ("Updated 6 January 2025", "Updated 11:45 p.m. EST, Mon. Jan. 6, 2025"):
        story = _article("story", [line, *FILLER[:2]])
        found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
        assert [c.text for c in found] == FILLER[:2], line
    # Near the top, a page's name with its date is its date line ("When will it launch
    # now?" quoted "Space Ledger | November 5, 2025"); far down, a date alone is a story's.
    story = _article("story", ["Space Ledger | November 5, 2025", *FILLER[:2]])
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
    assert [c.text for c in found] == FILLER[:2]
    said = "The launch is set for Tuesday, November 4, 2025."  # a story's sentence near the top
    story = _article("story", [FILLER[0], said, FILLER[1]])
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
    assert said in [c.text for c in found]
    far = _article("story", [*FILLER[:7], "Space Ledger | November 5, 2025"])
    found = shortlist(asked, [_passage(far, 8)], {"story": far}, read_on=False)
    assert "Space Ledger | November 5, 2025" in [c.text for c in found]
    # A caption's credit, split off as a sentence of its own, states nothing.
    story = _article("story", [FILLER[0], "Photo: Crowds on the route. (Millbrook Courier/Jae "
                               "Park)", FILLER[1]])
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
    assert "(Millbrook Courier/Jae Park)" not in [c.text for c in found]
    # Nor does the paper's own name in brackets (a tester's was quoted for why a store shut).
    story = _article("story", [FILLER[0], "PHOTO: Crowds on the route. (Millbrook Evening "
                               "Courier)", FILLER[1]], outlet="Millbrook Evening Courier")
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
    assert "(Millbrook Evening Courier)" not in [c.text for c in found]
    # Another's name so is whom the photo shows, a sentence of its own (a reviewer's)
    story = _article("story", [FILLER[0], "The author signs copies at the festival. "
                               "(Jonathan Hartley Press)", FILLER[1]],
                     outlet="Millbrook Evening Courier")
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
    assert "(Jonathan Hartley Press)" in [c.text for c in found]
    # A statement in brackets is a sentence like any other.
    said = "(Scott has been to the state at least five times in the last three years.)"
    story = _article("story", [FILLER[0], said, FILLER[1]])
    found = shortlist(asked, [_passage(story, 3)], {"story": story}, read_on=False)
    assert said in [c.text for c in found]
    # A date run into the story's first sentence on one line: the date goes, the story stays.
    story = _article("story", [f"Updated 6 January 2025. {FILLER[0]}", FILLER[1]])
    found = shortlist(asked, [_passage(story, 2)], {"story": story}, read_on=False)
    assert [c.text for c in found] == FILLER[:2]


def test_a_short_clause_with_a_figure_is_read_and_a_short_fragment_is_not() -> None:
    """"Tickets £15–£42." and "He died in 2004." (a tester's review and obituary) are under
    the 20 characters a sentence needs, yet state what is asked: a short clause carrying a
    figure or a date is read, where it shares a word with the question. A short piece
    stating none ("Good morning."), a page number ("Page 1 of 1.") or a figure without a
    sentence's end (a time stamp) is still not."""
    lines = ["Running time: 2 hours 20 minutes, including one interval. Tickets £15–£42. "
             "Age guidance 12+.",
             "Her husband, Arthur, was a signalman on the railway. He died in 2004.",
             "Good morning. Page 1 of 1.", "06:10 GMT"]
    story = _article("story", lines)
    asked = analyse("How much are tickets?", "How much are tickets?", None, None, None)
    texts = [c.text for c in shortlist(asked, [_passage(story, 4)], {"story": story},
                                       read_on=False)]
    assert "Tickets £15–£42." in texts
    assert not {"Good morning.", "Page 1 of 1.", "06:10 GMT"} & set(texts)
    # Only sharing a word with the question: the reader rates a short piece high whatever it
    # says ("Tickets £15–£42." led for how long the play is).
    assert not {"Age guidance 12+.", "He died in 2004."} & set(texts)
    asked = analyse("When did her husband die?", "When did her husband die?", None, None, None)
    texts = [c.text for c in shortlist(asked, [_passage(story, 4)], {"story": story},
                                       read_on=False)]
    assert "He died in 2004." in texts and "Tickets £15–£42." not in texts


def test_a_pages_notice_that_it_was_amended_is_no_candidate() -> None:
    """A tester's planning page ended "This article was amended on 9 September 2026. An
    earlier version said the committee voted eight to three. …": "When will it be built?"
    quoted the notice, which says only when the page changed. The correction after it stays a
    candidate (`assistant.corrections` reads it), as does a story's sentence about a report."""
    asked = analyse("When will it be built?", "When will it be built?", None, None, None)
    notice = "This article was amended on 9 September 2026."
    corrected = "An earlier version said the committee voted eight to three."
    report = "The report was amended on Monday to say that 40 people had died."
    story = _article("story", [FILLER[0], f"{notice} {corrected}", report,
                               "This article was updated at 4pm to include comments from "
                               "Celtair."])
    found = [c.text for c in shortlist(asked, [_passage(story, 4)], {"story": story},
                                       read_on=False)]
    assert found == [FILLER[0], corrected, report]


def test_a_short_clause_is_read_only_for_what_its_line_is_about() -> None:
    """A short clause says its one thing of what its line, the line before or the article's
    title names: a listing's "Tickets £16." is the comedy show's, "High 10C." Monday's. On a
    shared word alone ("ticket", "high") it answered for any show or day (a tester's "How much
    is an adult ticket for the quarter-final?" was answered "£16" from a comedy listing)."""
    lines = ["What's on this week.",
             "The Salt Road — Corn Exchange Theatre, Monday to Saturday. Tickets £18.",
             "Niamh Roe: Overthinking It — Corn Exchange Studio, 8pm. Tickets £16.",
             "Weekend at a glance",
             "Saturday: freezing fog early, then sunny. High 9C.",
             "Monday: showers. High 10C."]
    story = _article("story", lines)

    def read(question: str) -> set[str]:
        asked = analyse(question, question, None, None, None)
        return {c.text for c in shortlist(asked, [_passage(story, 6)], {"story": story},
                                          read_on=False)}

    clauses = {"Tickets £18.", "Tickets £16.", "High 9C.", "High 10C."}
    assert read("How much are tickets for The Salt Road?") & clauses == {"Tickets £18."}
    assert read("How much are tickets for Niamh Roe's show?") & clauses == {"Tickets £16."}
    assert not read("How much is an adult ticket for the quarter-final?") & clauses
    assert not read("How much are tickets for Much Ado About Nothing?") & clauses
    assert read("What will the high be on Saturday?") & clauses == {"High 9C."}
    assert read("What will the high temperature be on Monday?") & clauses == {"High 10C."}
    # A forecast's title names every day: a day asked is the line's own
    story = replace(story, title="Weekend weather: fog on Saturday, rain on Monday")
    assert read("What will the high be on Saturday?") & clauses == {"High 9C."}
