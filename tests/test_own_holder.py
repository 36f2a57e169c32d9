"""Asked who holds a role of someone's, where the best sentence names another's holder, the
next best naming the holder of the one asked about answers (`assistant.own_holder`): the ninth
tester's "Who is the chief executive of Vantor Aerospace?" got Northwind's chief executive."""

from __future__ import annotations

from assistant.own_holder import holder_of_it
from assistant.rerank import Evidence
from index import Article

MERGER = ("Northwind's chief executive, Marcus Oyelaran, will run the merged airline, while "
          "Celest chief executive Fiona Drummond-Reyes will become its chair.")
LAUNCH = "'Today they got their answer,' said chief executive Ingrid Vasquez-Holm, 47."
RECALL = "Its chief executive, Marcus Fenwick-Lowe, said the regulator wants weekly updates."


def _article(id_: str, title: str, text: str) -> Article:
    return Article(id=id_, title=title, text=text, source="s", source_key=id_)


ARTICLES = {
    "m": _article("m", "Northwind and Celest agree to merge", MERGER),
    "v": _article("v", "Halcyon-2 reaches orbit on third attempt",
                  f"Vantor Aerospace's rocket reached orbit. {LAUNCH}"),
    "r": _article("r", "Kitchora recalls air fryers", "The Office for Product Safety said it "
                  f"was monitoring the recall. {RECALL}"),
}


def _ev(article: str, text: str, span: str) -> Evidence:
    start = ARTICLES[article].text.index(text)
    at = start + text.index(span)
    return Evidence(0, article, start, start + len(text), text, 0.3, 0.3,
                    answer=(at, at + len(span)), answer_score=12.0)


BEST = _ev("m", MERGER, "Marcus Oyelaran")
VANTOR = _ev("v", LAUNCH, "Ingrid Vasquez-Holm")
SAFETY = _ev("r", RECALL, "Marcus Fenwick-Lowe")


def test_the_holder_of_the_one_asked_about_answers_over_another_s() -> None:
    ranked, reason = holder_of_it("Who is the chief executive of Vantor Aerospace?",
                                  [BEST, SAFETY, VANTOR], ARTICLES)
    assert reason is None and ranked[0] is VANTOR
    ranked, reason = holder_of_it("Who is the chief executive of the Office for Product "
                                  "Safety?", [BEST, SAFETY, VANTOR], ARTICLES)
    assert reason is None and ranked[0] is SAFETY  # "Its chief executive"


def test_no_holder_of_it_among_the_next_best_leaves_the_abstention() -> None:
    # Vantor's launch report is not about Halvorsen: its chief executive is not Halvorsen's.
    ranked, reason = holder_of_it("Who is the chief executive of Halvorsen Foods?",
                                  [BEST, VANTOR], ARTICLES)
    assert reason is not None and "something else" in reason.reason and ranked[0] is BEST
    # The best sentence naming the holder asked about answers as it did.
    ranked, reason = holder_of_it("Who is the chief executive of Northwind?", [BEST, VANTOR],
                                  ARTICLES)
    assert reason is None and ranked[0] is BEST


def test_an_article_naming_the_one_asked_in_passing_does_not_answer() -> None:
    """The review's: "Its chairman, Peter Ambler," after a sentence about the Campaign for Real
    Ale is not the chairman of the brewery the story names in passing; nor is a bare title of
    a story whose opening names it not."""
    pub = _article("p", "The Fox reopens", "The Fox in Marden reopened on Friday. It serves "
                   "beer from Hale Valley Brewery. The Campaign for Real Ale welcomed the news. "
                   "Its chairman, Peter Ambler, said pubs were vital. 'We are thrilled,' said "
                   "chairman Tom Reed.")
    articles = {**ARTICLES, "p": pub}
    chair = "Its chairman, Peter Ambler, said pubs were vital."
    at = pub.text.index(chair)
    ev = Evidence(0, "p", at, at + len(chair), chair, 0.3, 0.3)
    brewer = "Corlex chairman Ann Lee said the deal was good."
    best = Evidence(0, "m", 0, len(brewer), brewer, 0.5, 0.5, answer=(16, 23), answer_score=12.0)
    articles["m"] = _article("m", "Corlex buys a rival", brewer)
    ranked, reason = holder_of_it("Who is the chairman of Hale Valley Brewery?", [best, ev],
                                  articles)
    assert reason is not None and ranked[0] is best


def _said(id_: str, title: str, before: str, said: str) -> tuple[Article, Evidence]:
    """An article of a sentence and the one after it, and the latter as evidence."""
    article = _article(id_, title, f"{before} {said}")
    start = article.text.index(said)
    return article, Evidence(0, id_, start, start + len(said), said, 0.3, 0.3)


def test_the_holder_of_the_story_s_own_role_answers_from_the_best_sentence() -> None:
    """The eleventh tester's "Who was the lead author of the dementia study?" was turned away
    ("the closest sentence does not clearly give the name asked for") over "The lead author,
    Professor Maëlle Kerbrat, …" in a report whose title is about the study."""
    from assistant.own_holder import own_holder, own_holder_answer
    from assistant.said_first import said_first
    from assistant.types import Citation

    said = ("The lead author, Professor Maëlle Kerbrat, an epidemiologist at the University of "
            "Halstow, said the results were encouraging.")
    study, ev = _said("s", "A daily walk may cut dementia risk, large study finds",
                      "Older adults who walk every day are less likely to develop dementia.", said)
    asked = "Who was the lead author of the dementia study?"
    held = own_holder(asked, ev, study)
    assert held is not None and said[held[0]:held[1]] == "Professor Maëlle Kerbrat"
    assert said_first(asked, [ev], {"s": study}) == [ev]
    cited = Citation(1, said, "s", study.title, None, None, "s", ev.start, ev.end)
    lead = own_holder_answer(asked, ev, cited, study)
    assert lead is not None and lead.text == "Professor Maëlle Kerbrat"
    # Another study's lead author is not this one's: the title says nothing of a heart study.
    assert own_holder("Who was the lead author of the heart study?", ev, study) is None


def test_another_s_holder_is_not_the_story_s_own() -> None:
    """The review's: "Who is the boss of Brightfield Dairy?" was answered with "said Ingrid
    Halvorsen-Lee, Halvorsen's chief executive" in the story of Halvorsen buying Brightfield."""
    from assistant.own_holder import own_holder

    said = ("'Brightfield is a brand families trust,' said Ingrid Halvorsen-Lee, Halvorsen's "
            "chief executive.")
    deal, ev = _said("d", "Halvorsen to buy Brightfield Dairy",
                     "Halvorsen agreed to buy Brightfield Dairy.", said)
    assert own_holder("Who is the boss of Brightfield Dairy?", ev, deal) is None
    assert own_holder("Who is the boss of Halvorsen?", ev, deal) is not None


def test_the_best_sentence_s_holder_is_the_story_subject_s() -> None:
    """The review's: under "Northwind to buy Celest", "said chief executive Ann Berg" is
    Northwind's, not Celest's; and "the city" names no one's mayor."""
    from assistant.own_holder import own_holder

    deal, ev = _said("n", "Northwind to buy Celest", "Northwind agreed to buy Celest.",
                     "'It is a good day,' said chief executive Ann Berg.")
    assert own_holder("Who is the chief executive of Celest?", ev, deal, strict=True) is None
    assert own_holder("Who is the chief executive of Northwind?", ev, deal,
                      strict=True) is not None
    twin, kvist = _said("t", "Holm delegation visits the city", "A delegation came.",
                        "'Welcome,' said Mayor Anders Kvist.")
    assert own_holder("Who is the mayor of the city?", kvist, twin, strict=True) is None
    # A place's role: a story names its place anywhere, seldom as its subject.
    storm, tuilagi = _said("c", "Cyclone Marisa: three dead as storm batters Tallow Coast",
                           "Cyclone Marisa made landfall.", "Shelters are full, emergency "
                           "management minister Josefa Tuilagi said.")
    assert own_holder("Who is the emergency management minister on the Tallow Coast?",
                      tuilagi, storm, strict=True) is not None
