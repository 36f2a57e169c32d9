"""A review's cast and credits list ("Edith Carney: Martha Quayle", "Director: Tomasz
Brennan-Wolski"): each line says whose the name is, and answers only a question about that
(a tester's theatre review, whose cast lines answered who wrote the play and where it is on,
and whose director line was never read as the director)."""

from __future__ import annotations

from assistant.labelled import asks_label, label_holder, labelled
from assistant.question import analyse
from assistant.rerank import Evidence
from assistant.said_first import said_first
from assistant.short import short_answer
from assistant.shortlist import shortlist
from assistant.types import Citation
from index import Article, Passage

REVIEW = [
    "Oonagh Kilbride's new play opens with a foghorn so loud that half of Monday's first-night "
    "audience jumped out of their seats.",
    "It is 1953 on Inishcarrig, a rock off the Donegal coast with one lighthouse, two keepers "
    "and no telephone.",
    "Quayle is magnificent. Her Edith is funny, sharp and quietly furious.",
    "Priya Hallam's set is a triumph. The lighthouse tower revolves slowly throughout.",
    "Tomasz Brennan-Wolski's direction is otherwise sure-footed, and Kilbride confirms that she "
    "is a writer to watch.",
    "Running time: 2 hours 20 minutes, including one interval.",
    "Cast and creative team",
    "Edith Carney: Martha Quayle",
    "Tom Carney: David Achebe-Lyle",
    "Mr Penrose: Colm Devery",
    "Director: Tomasz Brennan-Wolski",
    "Set and costume: Priya Hallam",
    "Sound: Joel Akintola",
]
CAST = REVIEW[7:]


def _read(question: str, limit: int = 12) -> list[str]:
    text = "\n".join(REVIEW)
    article = Article(id="r", title="The Lighthouse Keeper's Wife review", text=text,
                      source="r", source_key="r", published="2026-03-03")
    passage = Passage(article_id="r", chunk_id="r:0", start=0, end=len(text), text=text,
                      score=1.0, title=article.title, source="r", published="2026-03-03",
                      outlet=None, story_id=None, doc_id=None, dense_score=0.5,
                      bm25_score=None)
    asked = analyse(question, question, None, None, None)
    return [c.text for c in shortlist(asked, [passage], {"r": article}, limit, read_on=False)]


def test_a_labelled_line_is_told_from_a_sentence_and_a_caption() -> None:
    assert all(labelled(line) for line in CAST)
    assert labelled("Running time: 2 hours 20 minutes, including one interval.") is None
    assert labelled("Photo: Marek Doyle") is None  # a caption's credit: `credits`'
    assert labelled("Key points: the council voted") is None  # no name


def test_a_labelled_line_answers_only_about_its_label_or_its_name() -> None:
    wrote = "Who wrote The Lighthouse Keeper's Wife?"
    assert not any(asks_label(wrote, line) for line in CAST)
    assert not any(asks_label("Where is The Lighthouse Keeper's Wife on?", line)
                   for line in CAST)
    assert asks_label("Who plays Edith?", "Edith Carney: Martha Quayle")
    assert asks_label("What part does Martha Quayle play?", "Edith Carney: Martha Quayle")
    assert asks_label("Who directed it?", "Director: Tomasz Brennan-Wolski")
    assert asks_label("Who wrote it?", "Playwright: Oonagh Kilbride")
    assert asks_label(wrote, REVIEW[0])  # a sentence is no labelled line


def test_asked_who_is_the_labels_the_name_answers() -> None:
    line = "Director: Tomasz Brennan-Wolski"
    for question in ("Who directed The Lighthouse Keeper's Wife?", "Who is the director?"):
        assert line[slice(*label_holder(question, line) or (0, 0))] == "Tomasz Brennan-Wolski"
    assert label_holder("Who plays Edith?", CAST[0]) == (14, 27)  # "Martha Quayle"
    assert label_holder("Who did the sound?", "Sound: Joel Akintola") == (7, 20)
    assert label_holder("What part does Martha Quayle play?", CAST[0]) is None
    assert label_holder("Who plays Edith?", line) is None
    assert label_holder("Who plays Edith's husband?", CAST[0]) is None  # another than Edith
    # "play" is no "playwright"'s: the verb's doer only from five letters on.
    assert label_holder("Who plays Edith?", "Playwright: Oonagh Kilbride") is None


def test_the_shortlist_reads_a_labelled_line_only_when_asked_about_it() -> None:
    assert not set(CAST) & set(_read("Who wrote The Lighthouse Keeper's Wife?"))
    assert not set(CAST) & set(_read("Where is The Lighthouse Keeper's Wife on?"))
    # Asked, it is read, though it shares no word with the question ("directed").
    assert "Director: Tomasz Brennan-Wolski" in _read("Who directed the play?", limit=4)
    assert "Edith Carney: Martha Quayle" in _read("Who plays Edith?", limit=4)


def test_the_line_naming_the_labels_holder_answers_first() -> None:
    """"Who directed …?": the reader put the director line fourth, under sentences naming
    others; it answers, led by the name."""
    question = "Who directed The Lighthouse Keeper's Wife?"
    texts = [REVIEW[1], REVIEW[3], "Director: Tomasz Brennan-Wolski"]
    at, ranked = 0, []
    for text in texts:
        ranked.append(Evidence(0, "r", at, at + len(text), text, 0.2, 0.2, fit=1.0))
        at += len(text) + 1
    first = (said_first(question, ranked) or ranked)[0]
    assert first.text == "Director: Tomasz Brennan-Wolski"
    citation = Citation(1, first.text, "r", "r", None, None, "r", first.start, first.end)
    short = short_answer(first, citation, "person", question)
    assert short is not None and short.text == "Tomasz Brennan-Wolski"
    # Of another article than the best sentence's, a list's line is not put first.
    other = [ranked[0], Evidence(0, "x", 0, 31, texts[2], 0.2, 0.2, fit=1.0)]
    assert said_first(question, other) is None
