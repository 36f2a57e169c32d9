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


def test_a_page_furniture_or_a_quote_is_no_label() -> None:
    """Title-cased, a page's furniture or a quote run into a colon looks like a list's line:
    "Update: The Coast Road Has Reopened" is no one's update, "Q: John Smith" no one's Q. A
    match's sides are labels ("Home: Kessington Rovers"), asked for as any fact is."""
    for line in ("Update: The Coast Road Has Reopened", "Read more: Ostrander Foods Shares Jump",
                 "Exclusive: Minister Quits Over Expenses", "Opinion: The Council Got It Wrong",
                 "Interview: Hana Okafor", "Q: John Smith", "Police said: Nobody Was Hurt"):
        assert labelled(line) is None, line
    assert labelled("Home: Kessington Rovers") and labelled("Chairman: Lord Peter Hendry")


def test_a_label_is_asked_by_its_role_not_by_a_word_it_shares() -> None:
    """"Man of the match" is asked by both its words, "Kessington manager" by "manager" (the
    team qualifying it may go unsaid, and is no role: "Who scored for Kessington?"); a
    character by any of its names. A shared word had made "Who won the Kessington match?"
    "Bev Hartley" and "Who was sent off in the Kessington match?" "Mateo Ruiz"."""
    manager, best = "Kessington manager: Bev Hartley", "Man of the match: Mateo Ruiz"
    for question in ("Who won the Kessington match?", "Who scored for Kessington?",
                     "Who was sent off in the Kessington match?"):
        assert label_holder(question, manager) is None and label_holder(question, best) is None
    for question in ("Who is the Kessington manager?", "Who manages Kessington Rovers?",
                     "Who is the manager?"):
        assert label_holder(question, manager) == (20, 31), question
    assert label_holder("Who was man of the match?", best) == (18, 28)
    assert label_holder("Who designed the set?", "Set and costume: Priya Hallam")
    assert label_holder("Who did the costumes?", "Set and costume: Priya Hallam")
    assert label_holder("Who plays Edith?", CAST[0]) and label_holder("Who plays Tom?", CAST[1])


def test_a_label_asked_in_other_words_is_read() -> None:
    """Who runs a firm is its chief executive or chairman; where it is based, its
    headquarters; who stars, a character's player; which bands play, a day's line (read, but
    not who headlines: one day's of three). Dropped, a non-answer had been given instead
    ("Who runs Veltmark?" "Ostrander Foods")."""
    ceo = "Chief executive: Sarah Mbeki-Lowe"
    assert label_holder("Who runs Veltmark?", ceo) == (17, 33)
    assert label_holder("Who leads Veltmark?", "Chairman: Lord Peter Hendry")
    assert asks_label("Where is Veltmark based?", "Headquarters: New Carrick")
    assert label_holder("Who stars in The Lighthouse Keeper's Wife?", CAST[0]) == (14, 27)
    assert asks_label("Which bands are playing Harbourfest?", "Friday: The Lumineers")
    assert label_holder("Who is headlining Harbourfest?", "Friday: The Lumineers") is None
    assert not asks_label("Who spoke for the unions about the deal?", ceo)


def test_a_list_of_another_work_is_not_put_first() -> None:
    """A review's credits are its play's: "Who was the director of Salt Ledger?" (the writer's
    first play, named in the review's text) is not answered by its "Director: …"; a name the
    question gives is on the line, in the article's title or the list's heading; else the
    line is neither read nor put first."""
    text = "\n".join(REVIEW)
    article = Article(id="r", title="The Lighthouse Keeper's Wife review", text=text,
                      source="r", source_key="r", published="2026-03-03")
    line = "Director: Tomasz Brennan-Wolski"
    at = text.index(line)
    ranked = [Evidence(0, "r", 0, len(REVIEW[0]), REVIEW[0], 0.2, 0.2, fit=1.0),
              Evidence(0, "r", at, at + len(line), line, 0.2, 0.2, fit=1.0)]
    assert said_first("Who was the director of Salt Ledger?", ranked, {"r": article}) is None
    first = said_first("Who directed The Lighthouse Keeper's Wife?", ranked, {"r": article})
    assert first is not None and first[0].text == line
    # Nor read: the reader had put it first itself, and the name led.
    assert line not in _read("Who was the director of Salt Ledger?")
    assert line in _read("Who was the director of The Lighthouse Keeper's Wife?")
    # The list's heading names the work: "Cast and creative team" names none, a heading may.
    text = text.replace("Cast and creative team", "Salt Ledger — cast and creative team")
    titled = Article(id="r", title="Theatre this week", text=text, source="r", source_key="r",
                     published="2026-03-03")
    at = text.index(line)
    ranked[1] = Evidence(0, "r", at, at + len(line), line, 0.2, 0.2, fit=1.0)
    first = said_first("Who was the director of Salt Ledger?", ranked, {"r": titled})
    assert first is not None and first[0].text == line
