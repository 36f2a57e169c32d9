"""The answer path's own logic around the reader: the question analysed once (as-of date,
relative weeks, kind), captions marked, the reader's scores adjusted for captions, dates and
recency, abstention and the short answer's offsets. A scripted reader stands in for the model
here so each rule is tested alone (the real model is tested in test_reader.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant import calibration
from assistant.compose import ABSTAIN_TEXT, abstention, closest_text
from assistant.evidence import (
    answer_fit,
    kind_fit,
    names_missing,
    question_kind,
    question_names,
)
from assistant.question import analyse, relative_window
from assistant.reader import Reading
from assistant.rerank import FEATURES, Evidence, read_candidates, rerank
from assistant.retrieval import retrieve
from assistant.short import short_answer
from assistant.topicality import topicality
from assistant.types import Citation
from index import Article, Passage, caption_spans, is_caption

ROOT = Path(__file__).resolve().parents[1]


def test_relative_phrases_point_at_the_days_before_the_question() -> None:
    as_of = date(2025, 1, 10)
    assert relative_window("Who resigned this week?", as_of) == ("2024-12-31", "2025-01-10")
    assert relative_window("What happened yesterday in Seoul?", as_of) == ("2025-01-07",
                                                                          "2025-01-10")
    assert relative_window("Who won the 2022 World Cup?", as_of) is None
    asked = analyse("How many troops were sent last month?", "q", as_of, None, None)
    assert asked.window == ("2024-12-01", "2025-01-10") and asked.kind == "number"
    assert analyse("Who?", "q", None, None, None).as_of == date.today()


def test_names_with_new_are_no_moment() -> None:
    # "New York" and "Lunar New Year" made a reader's own question one asked this week, judged
    # by the quiz's bar and its age: seen on the natural tuning set.
    as_of = date(2025, 1, 10)
    assert relative_window("Why did Stewart go to the New York Liberty?", as_of) is None
    assert not analyse("Who travels for Lunar New Year?", "q", None, None, None).timely
    assert relative_window("Which new states will Wawa open in?", as_of) == ("2024-12-31",
                                                                            "2025-01-10")


@pytest.mark.parametrize(("line", "caption"), [
    ("FILE PHOTO: Russia's President Vladimir Putin attends a reception. Sputnik/Pool via "
     "REUTERS", True),
    ("Putin and Kim Jong Un at the airport on June 19, 2024. (Sputnik/Kremlin via AP)", True),
    ("This photo, taken Oct. 23, 2024, shows a balloon over Seoul. (Yonhap)", True),
    ("Residents are rescued by boat on Mill Street on 10 November. Photo: Sara Quinn", True),
    ("Residents clear mud from a street in Belmonte. (Global Wire/Ana Lopes)", True),
    ("He said the vote was close (51/49).", False),
    ("The best photo: a dog on a skateboard, said the judge.", False),
    ("By Jane Doe and John Roe, Associated Press", True),
    ("SEOUL (Reuters) - North Korea ratified a defence pact with Russia on Tuesday.", False),
    ("Yoon said Seoul would not sit idle, according to the presidential office.", False),
])
def test_captions_credits_and_bylines_are_marked_not_story_sentences(line: str,
                                                                    caption: bool) -> None:
    assert is_caption(line) is caption
    text = f"Headline\n{line}\nThe story goes on."
    assert (len(caption_spans(text)) == 1) is caption


class _Scripted:
    """Relevance by sentence: the model's part, fixed, so the rules around it show."""

    def __init__(self, scores: dict[str, float]):
        self.scores = scores

    def read(self, question: str, sentences: Sequence[tuple[str, str]]) -> list[Reading]:
        # Punkt may cut a line in two ("… in Pyongyang." "(Sputnik/Kremlin via AP)"): a
        # sentence scores as the scripted text it is part of.
        return [Reading(max((v for k, v in self.scores.items() if s in k), default=0.0),
                        (0, 5), 9.0) for s, _ in sentences]


CAPTION = "FILE PHOTO: Kim Jong Un waves at a crowd in Pyongyang. (Sputnik/Kremlin via AP)"
STORY = "Kim Jong Un met the Russian defence minister in Pyongyang on Friday."


def _article(article_id: str, text: str, published: str | None) -> Article:
    return Article(id=article_id, title=article_id, text=text, source=article_id,
                   source_key=article_id, published=published, outlet=None, url=None,
                   doc_id=None, story_id=None, n_chunks=1, text_length=len(text))


def _passage(article: Article) -> Passage:
    return Passage(article_id=article.id, chunk_id=article.id, start=0, end=len(article.text),
                   text=article.text, score=1.0, title=article.title, source=article.source,
                   published=article.published, outlet=None, story_id=None, doc_id=None,
                   dense_score=0.5, bm25_score=None)


def test_a_caption_counts_only_for_questions_about_a_picture() -> None:
    a = _article("a", f"{CAPTION}\n{STORY}", None)
    # The reader finds the caption as likely as the story's sentence: the caption loses.
    reader = _Scripted({CAPTION: 0.8, STORY: 0.8})
    asked = analyse("Where did Kim Jong Un meet the minister?", "q", None, None, None)
    ranked = rerank(asked, [_passage(a)], {"a": a}, reader)  # type: ignore[arg-type]
    assert ranked[0].text == STORY and all(ev.caption for ev in ranked[1:])
    # Asked about the picture itself, it keeps its full score.
    photo = analyse("Who was pictured waving at the crowd?", "q", None, None, None)
    ranked = rerank(photo, [_passage(a)], {"a": a},
                    _Scripted({CAPTION: 0.8, STORY: 0.6}))  # type: ignore[arg-type]
    # Either piece of the caption ("… in Pyongyang." or its credit line) may come first: the
    # scripted reader scores them alike; the story's sentence must not.
    assert ranked[0].text in CAPTION and ranked[0].caption


def test_articles_outside_the_asked_week_rank_lower_and_recency_breaks_ties() -> None:
    old = _article("old", STORY, "2024-06-01")
    new = _article("new", STORY.replace("Friday", "Monday"), "2025-01-06")
    reader = _Scripted({old.text: 0.7, new.text: 0.7})
    asked = analyse("Who did Kim meet this week?", "q", date(2025, 1, 10), None, None)
    ranked = rerank(asked, [_passage(old), _passage(new)], {"old": old, "new": new},
                    reader)  # type: ignore[arg-type]
    assert [ev.article_id for ev in ranked] == ["new", "old"]
    assert ranked[1].score < 0.9 * ranked[0].score  # outside the window, not just older
    # Asked at no moment (no as-of date, no "this week"): about as likely to answer (the
    # retriever's order aside), and this week's report first.
    today = date.today()
    old = _article("old", STORY, (today - timedelta(days=300)).isoformat())
    new = _article("new", STORY, (today - timedelta(days=3)).isoformat())  # the same words
    plain = analyse("Who did Kim meet?", "q", None, None, None)
    ranked = rerank(plain, [_passage(old), _passage(new)], {"old": old, "new": new},
                    _Scripted({STORY: 0.7}))  # type: ignore[arg-type]
    assert ranked[0].article_id == "new"
    assert ranked[0].score == pytest.approx(ranked[1].score, rel=0.15)


def test_a_question_asked_at_no_moment_is_ranked_by_its_own_weights(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`combine` ranks a question asked at a moment (fitted on the quiz: a week's news) and a
    follow-up; `timeless` a standalone question asked at no moment (fitted on a reader's own
    questions, `train.users`). Weights that disagree on the reader's logit order the same two
    sentences both ways."""
    other = "The minister later visited a munitions factory outside the capital."
    a = _article("a", f"{STORY}\n{other}", None)
    reader = _Scripted({STORY: 0.9, other: 0.2})
    follow = tuple(float(f == "reader logit") for f in FEATURES)
    t = replace(calibration.THRESHOLDS, combine=(0.0, *follow), confidence=(0.0, *follow),
                timeless=(0.0, *(-w for w in follow)))
    monkeypatch.setattr(calibration, "THRESHOLDS", t)
    asked = {"dated": analyse("Who did Kim meet?", "q", date(2025, 1, 10), None, None),
             "undated": analyse("Who did Kim meet?", "Who did Kim meet?", None, None, None),
             "follow-up": analyse("Who did he meet?", "Who did he meet? Kim Jong Un", None,
                                  None, None, "Where is Kim Jong Un?")}
    assert asked["follow-up"].follow_up and not asked["undated"].follow_up
    first = {name: rerank(q, [_passage(a)], {"a": a}, reader)[0].text  # type: ignore[arg-type]
             for name, q in asked.items()}
    assert first == {"dated": STORY, "undated": other, "follow-up": STORY}
    # A thresholds.json without `timeless` (an older version's) ranks as before.
    monkeypatch.setattr(calibration, "THRESHOLDS", replace(t, timeless=()))
    assert rerank(asked["undated"], [_passage(a)], {"a": a},
                  reader)[0].text == STORY  # type: ignore[arg-type]


def test_freshness_decides_abstention_only_for_questions_asked_at_a_stated_moment() -> None:
    today = date.today()  # what a question asked at no moment is asked as of
    week_old = _article("w", STORY, (today - timedelta(days=7)).isoformat())
    year_old = _article("y", STORY, (today - timedelta(days=365)).isoformat())
    reader = _Scripted({STORY: 0.7})
    asked = {"dated": analyse("Who did Kim meet?", "q", today - timedelta(days=1), None, None),
             "undated": analyse("Who did Kim meet?", "q", None, None, None),
             # "This week" with no as-of date orders the evidence; it judges nothing.
             "this week": analyse("Who did Kim meet this week?", "q", None, None, None)}
    assert asked["dated"].dated and not asked["undated"].dated
    assert asked["this week"].timely and not asked["this week"].dated
    score = {(name, art.id): rerank(a, [_passage(art)], {art.id: art},
                                    reader)[0].score  # type: ignore[arg-type]
             for name, a in asked.items() for art in (week_old, year_old)}
    assert score["dated", "w"] > score["dated", "y"]  # a quiz about its week: last year's is weak
    for name in ("undated", "this week"):  # a reader's own collection
        assert score[name, "w"] == pytest.approx(score[name, "y"])


def test_a_sentence_that_asks_is_no_evidence_and_a_headline_is_marked() -> None:
    heading = "Did Kim Jong Un meet the Russian defence minister?"
    headline = "Kim Jong Un meets Russian defence minister in Pyongyang"
    a = _article("a", f"{heading}\n{headline}\n{STORY}", None)
    asked = analyse("Who did Kim Jong Un meet in Pyongyang?", "q", None, None, None)
    reader = _Scripted({heading: 0.9, headline: 0.9, STORY: 0.9})
    read = read_candidates(asked, [_passage(a)], {"a": a}, reader)  # type: ignore[arg-type]
    # The subheading shares every word with the question and states nothing: not read at all.
    assert [c.text for c in read] == [headline, STORY]
    is_heading = [c.features[FEATURES.index("heading")] for c in read]
    assert is_heading == [1.0, 0.0]


@pytest.mark.parametrize(("sentence", "question", "fit"), [
    # News style spells out small numbers (the eleventh tester's): "Eighteen patients",
    # "eleven separate warnings".
    ("Eighteen patients were infected.", "How many patients were infected?", 1.0),
    ("Thirty-one patients were infected.", "How many patients were infected?", 1.0),
    ("The firm ignored eleven separate warnings.", "How many warnings did the firm ignore?", 1.0),
    # A share of what was counted before: "2,914 of them were diagnosed".
    ("During that time, 2,914 of them were diagnosed with dementia.",
     "How many participants were diagnosed with dementia?", 1.0),
    ("One of the victims was a nurse.", "How many died?", 0.5),
    # …where it says what the question asks of them (the review's: not women), in its words
    # or the fate asked (the second review's: "hurt", "taken to hospital").
    ("During that time, 2,914 of them were diagnosed with dementia.",
     "How many of the study participants were women?", 0.5),
    ("Nine of them were taken to hospital with minor injuries.",
     "How many passengers were hurt on the Skye ferry?", 1.0),
])
def test_a_count_in_words_or_of_those_counted_before_fits(sentence: str, question: str,
                                                          fit: float) -> None:
    assert answer_fit("number", sentence, question) == fit


@pytest.mark.parametrize(("kind", "sentence", "question", "fit"), [
    # A new tester's archaeology find, each turned away as not giving what was asked.
    ("date", "The warrior was buried in about AD 550.", "When was the warrior buried?", 1.0),
    ("date", "The fort dates from the sixth century BC.", "When was the fort built?", 1.0),
    ("date", "The ad ran on television.", "When did the ad run?", 0.0),  # no year
    ("number", "He was buried with an iron sword 86cm long.", "How long is the sword?", 1.0),
    ("number", "The man was aged between 25 and 35 when he died.",
     "How old was the warrior when he died?", 1.0),
])
def test_ancient_years_centimetres_and_ages_in_a_range_fit(kind: str, sentence: str,
                                                           question: str, fit: float) -> None:
    assert answer_fit(kind, sentence, question) == fit


def test_the_kind_of_answer_a_sentence_carries_is_a_feature() -> None:
    ships = "How many Chinese ships were near Taiwan during the drill?"
    assert answer_fit("number", "Taiwan counted 12 Chinese ships near the island.", ships) == 1.0
    # A figure of something else ("a crew of 19") is no count of ships; no figure at all is less.
    assert answer_fit("number", "The boats, with a crew of 19, carry missiles.", ships) == 0.5
    assert answer_fit("number", "The navy showed its missile boats.", ships) == 0.0
    # A verb after the thing counted is not part of it: "carry" near 19 counts no balloons.
    assert answer_fit("number", "The boats, with a crew of 19, carry missiles.",
                      "How many balloons carried the leaflets?") == 0.5
    # "How many of its refineries": refineries, which "several thousand workers" are not.
    assert answer_fit("number", "CGT said 'several thousand' workers were still striking.",
                      "How many of its refineries in France are still on strike?") == 0.5
    # …but after an adverb a word in -ed is part of what is counted: "newly hired teachers".
    assert answer_fit("number", "The district hired 300 new teachers.",
                      "How many newly hired teachers start in the fall?") == 1.0
    # "How many does he say…": what is counted was named earlier; any new figure may be it.
    assert answer_fit("number", "He said his army holds down 50,000 troops.",
                      "And how many does he say his army is holding down there?") == 1.0
    # People are counted by whatever they are: viewers, residents, fans.
    watched = "How many people in Germany watched the final on TV?"
    assert answer_fit("number", "Nearly 18 million viewers watched the final on ARD.",
                      watched) == 1.0
    assert answer_fit("number", "The final was shown on ARD.", watched) == 0.0
    # What follows "people" is what they did; what precedes it is still wanted.
    assert answer_fit("number", "At least 30 people were killed.", "How many people died?") == 1.0
    assert answer_fit("number", "12 boats were seen, a crew of 19 on each.",
                      "How many Chinese people live in Taiwan?") == 0.5
    # A figure's own word says what it counts; an age or a name with a figure does not.
    days = "How many days was Duda's visit?"
    assert answer_fit("number", "Duda began a four-day visit on Monday.", days) == 1.0
    assert answer_fit("number", "The 30-year-old was held.", "How many years did he serve?") == 0.5
    assert answer_fit("number", "COVID-19 rules ended.", "How many COVID deaths were there?") == 0.5
    assert answer_fit("date", "It ratified the treaty on Tuesday.", "When was it ratified?") == 1.0
    assert answer_fit("other", "Anything at all.", "Why did it happen?") == 0.5


@pytest.mark.parametrize(("question", "stated", "other_figure"), [
    ("What percentage of the vote did Bass win?", "Bass won 53% of the vote.",
     "Bass beat a rival who spent $104 million."),
    ("How much prize money does the US Open winner get?", "The champion takes home $3 million.",
     "The winner plays 7 matches."),
    ("How much did the Fed raise interest rates?", "It raised rates by 0.25 percentage point.",
     "It was the 11th rise since 2022 under chair Powell."),
    ("How far is the exoplanet from Earth?", "It lies 66 light-years away.",
     "It is nearly two times as wide as Earth."),
    ("How old is Luke Holland?", "Holland, 35, is his chief of staff.",
     "Holland worked for Inhofe for 8 years."),
])
def test_a_figure_in_another_unit_is_no_answer(question: str, stated: str,
                                               other_figure: str) -> None:
    kind = question_kind(question)
    assert kind == "number"
    assert answer_fit(kind, stated, question) == 1.0
    assert answer_fit(kind, other_figure, question) == 0.5


def test_the_names_a_question_asks_about_are_looked_for_in_each_article() -> None:
    asked = "How much is Karen Lynch paid as CEO of CVS Health, the U.S. firm?"
    assert question_names(asked) == [("Karen", "Lynch"), ("CEO",), ("CVS", "Health")]
    assert question_names("Which hospital were the two people taken to?") == []
    assert question_names("What did Vladimir Putin’s spokesman say?") == [("Vladimir", "Putin")]
    names = question_names(asked)
    assert names_missing(names, "CVS chief executive Lynch earned $21 million as CEO.") == ()
    # Musk's pay is no answer about Lynch's: the article names neither her nor her firm.
    assert names_missing(names, "Musk, the CEO, may pay $200 million.") == ("Karen Lynch",
                                                                           "CVS Health")
    assert names_missing([], "Anything at all.") == ()


def test_an_article_that_never_names_who_is_asked_about_ranks_below_one_that_does() -> None:
    pay = "The chief executive was paid $21 million last year, the filing shows."
    about = _article("about", f"Karen Lynch runs the pharmacy chain.\n{pay}", None)
    other = _article("other", f"Elon Musk runs the car maker.\n{pay}", None)
    asked = analyse("How much was Karen Lynch paid last year?", "q", None, None, None)
    reader = _Scripted({pay: 0.9})
    ranked = rerank(asked, [_passage(other), _passage(about)], {"other": other, "about": about},
                    reader)  # type: ignore[arg-type]
    top = [ev for ev in ranked if ev.text == pay]
    assert [ev.article_id for ev in top] == ["about", "other"]
    assert top[0].score > top[1].score


def test_topicality_counts_the_words_a_passage_holds_besides_its_cosine() -> None:
    a = _article("a", STORY, None)
    asked = "What did Kim Jong Un tell the Russian defence minister?"
    detail = analyse(asked, asked, None, None, None)
    stray = analyse("What is the capital of France?", "What is the capital of France?", None,
                    None, None)
    far = Passage(**{**_passage(a).__dict__, "dense_score": 0.2})  # the passage is wider
    # The same low cosine: a question about a detail the passage names is about it, a stray
    # question is not.
    assert topicality(detail, [far]) > topicality(stray, [far]) + 0.5
    assert topicality(stray, [far]) == pytest.approx(0.2)
    assert topicality(stray, []) == 0.0


def test_the_off_topic_bar_reads_an_articles_passages_together() -> None:
    """"What did Lindqvist say about winning?" has the name in one passage of the article and
    "win" in the next; "How old is Lena Marsh?" asks with "old". Both were turned away as
    about nothing retrieved."""
    bakery = _article("b", "Head baker Tomas Lindqvist said the recipe was his grandmother's.\n"
                      "'We never expected to win,' he said.", None)
    first, second = bakery.text.split("\n")
    whole = _passage(bakery).__dict__
    passages = [Passage(**{**whole, "text": first, "dense_score": 0.15}),
                Passage(**{**whole, "chunk_id": "b2", "text": second, "dense_score": 0.15})]
    asked = "What did Lindqvist say about winning?"
    assert topicality(analyse(asked, asked, None, None, None), passages,
                      asking=False) == pytest.approx(1.15)
    court = _article("c", "His co-defendant, shipping agent Lena Marsh, 47, was fined.", None)
    far = Passage(**{**_passage(court).__dict__, "dense_score": 0.2})
    asked = "How old is Lena Marsh?"
    assert topicality(analyse(asked, asked, None, None, None), [far],
                      asking=False) == pytest.approx(1.2)


def test_the_off_topic_bar_holds_a_verb_in_any_tense() -> None:
    """The fourteenth tester's "How much did the barn-find E-Type sell for?" over "…sold at
    auction for £386,400" was turned away: stemming keeps "sold" apart from "sell"."""
    a = _article("a", "A 1961 Jaguar E-Type found in a barn sold at auction for £386,400.", None)
    far = Passage(**{**_passage(a).__dict__, "dense_score": 0.2})
    for asked in ("How much did the E-Type sell for?", "When was the barn E-Type found?"):
        question = analyse(asked, asked, None, None, None)
        assert topicality(question, [far], asking=False) == pytest.approx(1.2), asked
    stray = "How much did the E-Type win?"  # no tense of "win" there
    assert topicality(analyse(stray, stray, None, None, None), [far], asking=False) < 1.0
    # A past form that is as often another word is left as it is (the review's): the
    # Korean won is no win.
    b = _article("b", "The South Korean won fell 2% ahead of the election.", None)
    won = Passage(**{**_passage(b).__dict__, "dense_score": 0.2})
    asked = "Who will win the election?"
    assert topicality(analyse(asked, asked, None, None, None), [won], asking=False) < 1.0


def test_only_the_word_a_question_asks_with_after_how_is_left_out() -> None:
    from assistant.topicality import _how_asked

    assert _how_asked("How long will the laptops be lent for?") == {"long"}
    assert _how_asked("Did the report say how Novaris tested the drug?") == set()


def test_words_framing_what_is_asked_are_not_what_it_is_about() -> None:
    """A new tester's "What was her memoir called?" and "Where will the talks be held?" were
    turned away as off topic, their articles lacking "called" and "held"."""
    a = _article("a", "Her memoir, Salt in the Blood, was published in 1996.", None)
    far = Passage(**{**_passage(a).__dict__, "dense_score": 0.2})
    asked = "What was her memoir called?"
    assert topicality(analyse(asked, asked, None, None, None), [far], asking=False) == (
        pytest.approx(1.2))
    b = _article("b", "Both sides agreed to talks at the Workplace Relations Commission.", None)
    near = Passage(**{**_passage(b).__dict__, "dense_score": 0.2})
    for asked in ("Where will the talks be held?", "When will the talks take place?",
                  "Will the talks happen again?"):
        question = analyse(asked, asked, None, None, None)
        assert topicality(question, [near], asking=False) == pytest.approx(1.2), asked
    # Asking who did them, the same words are what it is about.
    for asked in ("Who called the talks?", "Who held the talks?"):
        question = analyse(asked, asked, None, None, None)
        assert topicality(question, [near], asking=False) < 1.0, asked


def test_an_abbreviation_is_held_by_its_written_out_words() -> None:
    """"Who is the CEO of Novaris?" over "chief executive Henrik Vollmer": every word held."""
    a = _article("a", "Novaris chief executive Henrik Vollmer said the recall was wise.", None)
    far = Passage(**{**_passage(a).__dict__, "dense_score": 0.2})
    asked = analyse("Who is the CEO of Novaris?", "Who is the CEO of Novaris?", None, None, None)
    assert topicality(asked, [far], asking=False) == pytest.approx(1.2)
    # A question's acronym, spelt out by the passage: "Who led the HSE investigation?" was
    # "no article seems to be about this".
    b = _article("b", "Aisha Patel, the Health and Safety Executive inspector who led the "
                 "investigation, said so.", None)
    near = Passage(**{**_passage(b).__dict__, "dense_score": 0.2})
    hse = "Who led the HSE investigation?"
    assert topicality(analyse(hse, hse, None, None, None), [near], asking=False) == (
        pytest.approx(1.2))
    fbi = "Who led the FBI investigation?"  # not spelt out there: not held
    assert topicality(analyse(fbi, fbi, None, None, None), [near], asking=False) < 1.0


def test_the_off_topic_bar_leaves_out_the_words_a_question_asks_with() -> None:
    """"What did Kim Jong Un tell …?": "what", "did" and "tell" are in no passage, and a short
    question's share of words was mostly them; the off-topic bar is on the rest (the
    answerability's feature keeps them: it was fitted with them)."""
    a = _article("a", STORY, None)
    asked = "What did Kim Jong Un tell the Russian defence minister?"
    detail = analyse(asked, asked, None, None, None)
    far = Passage(**{**_passage(a).__dict__, "dense_score": 0.2})
    assert topicality(detail, [far], asking=False) == pytest.approx(1.2)  # every word held
    assert topicality(detail, [far]) < 1.0
    stray = analyse("What did he say?", "What did he say?", None, None, None)
    assert topicality(stray, [far], asking=False) == pytest.approx(0.2)  # nothing to hold
    # The bar is on the gate where one is given, on the topicality otherwise.
    bar = calibration.THRESHOLDS.min_topic_timeless
    best = [_ev(STORY, 0.1)]
    passed = abstention(best, dated=False, topic=bar - 0.1, gate=bar + 0.1)
    assert passed is None or not passed.off_topic
    gated = abstention(best, dated=False, topic=bar + 0.1, gate=bar - 0.1)
    assert gated is not None and gated.off_topic


def _ev(text: str, score: float, answer: tuple[int, int] | None = None,
        fit: float = 0.5) -> Evidence:
    sure = calibration.THRESHOLDS.short_min + 1  # a span the reader is sure enough of
    return Evidence(0, "a", 10, 10 + len(text), text, score, score, answer, sure, fit=fit)


def test_a_figure_asked_for_that_no_close_sentence_gives_is_never_stated() -> None:
    crew = _ev("The Kuang Hua VI boats, with a crew of 19, carry missiles.", 0.99, fit=0.5)
    count = _ev("Taiwan counted 12 Chinese ships near the island.", 0.5, fit=1.0)
    never = abstention([crew, crew, crew, count], kind="number")
    assert never is not None and "figure" in never.reason and not never.off_topic
    # The best sentence gives a figure of the thing counted: the question stands.
    high = replace(count, score=0.99, relevance=0.99)
    assert abstention([high, crew, crew], kind="number") is None
    # Only a runner-up gives it: the answer would be the best sentence, without it.
    runner_up = abstention([crew, crew, count], kind="number")
    assert runner_up is not None and runner_up.reason == ("the closest sentence does not give "
                                                          "the figure asked for")
    when = _ev("The moon reaches its peak at 9:36 p.m., NASA said.", 0.99,
               fit=kind_fit("date", "The moon reaches its peak at 9:36 p.m., NASA said.",
                            "What time does the moon reach its peak?"))
    assert when.fit == 1.0 and abstention([when, crew, crew], kind="date") is None
    # Questions of no particular kind are left to the score.
    assert abstention([crew, crew, crew], kind="other") is None
    # Nor does a figure of something else lead the answer as if it were the count.
    citation = Citation(1, crew.text, "a", "a", None, None, "a", 10, 10 + len(crew.text))
    where = crew.text.index("19")
    figure = replace(crew, answer=(10 + where, 10 + where + 2))
    assert short_answer(figure, citation, "number") is None
    assert short_answer(figure, citation, "other") is not None
    assert short_answer(replace(figure, fit=1.0), citation, "number") is not None


def test_a_season_or_a_week_to_come_answers_when() -> None:
    """The eighth tester's: "When will work on the flood defences start?" was turned away over
    "Marsden said work would start 'this spring'." ("does not give the date asked for"). It is
    still no date to rank by (`kind_fit` 0), and "in the spring of 1998"'s absence stays one."""
    crew = _ev("The Kuang Hua VI boats, with a crew of 19, carry missiles.", 0.99, fit=0.5)
    for question, text in (
            ("When will work on the flood defences start?",
             "Marsden said work would start ‘this spring’."),
            ("When will Corvexa launch in Germany?",
             "We expect to launch in Germany first, early next year."),
            ("When will the inquiry report?", "The inquiry will report later this year.")):
        said = _ev(text, 0.99, fit=kind_fit("date", text, question))
        assert said.fit == 0.0
        assert abstention([said, crew, crew], kind="date", question=question) is None
    # Not a season of something else, nor a time to come of something else (the review's).
    spring = _ev("The spring flowers were out in the park.", 0.99, fit=0.0)
    assert abstention([spring, crew, crew], kind="date", question="When is the fair?")
    talks = _ev("Talks with unions will continue next week.", 0.99, fit=0.0)
    assert abstention([talks, crew, crew], kind="date",
                      question="When will the Hartley factory close?") is not None


def test_a_person_asked_for_is_named_by_a_sure_short_answer_or_not_at_all() -> None:
    text = "Portland Mayor Keith Wilson said his city was grappling with violence."
    where = text.index("Keith Wilson")
    named = _ev(text, 0.9, answer=(10 + where, 10 + where + len("Keith Wilson")), fit=1.0)
    bar = calibration.THRESHOLDS.short_min
    sure = replace(named, answer_score=bar + 0.1)
    assert abstention([sure], kind="person") is None
    unsure = abstention([replace(named, answer_score=bar - 0.1)], kind="person")
    assert unsure is not None and "name" in unsure.reason and not unsure.off_topic
    # No span at all, or a span in a sentence that carries no name the question lacks.
    assert abstention([replace(sure, answer=None)], kind="person") is not None
    assert abstention([replace(sure, fit=0.0), sure], kind="person") is not None
    # Only the best sentence counts: a name further down does not answer for it.
    assert abstention([replace(sure, answer=None), sure], kind="person") is not None
    # Other kinds of question are left to the score.
    assert abstention([replace(sure, answer=None)], kind="other") is None


def test_abstention_follows_the_score_and_quotes_the_closest_sentence() -> None:
    bar = calibration.THRESHOLDS.abstain_below
    assert abstention([]) is not None
    assert abstention([_ev(STORY, 0.99)]) is None
    near = abstention([_ev(STORY, 0.9 * bar)])
    assert near is not None
    a = _article("a", "x" * 10 + STORY, None)
    text, cites = closest_text(near, [_ev(STORY, 0.9 * bar)], {"a": a})
    assert text.startswith(ABSTAIN_TEXT) and cites and cites[0].quote == STORY
    far_text, far_cites = closest_text(near, [_ev(STORY, 0.0)], {"a": a})
    assert far_cites == [] and "closest" not in far_text


def test_a_short_answer_is_a_span_of_the_cited_quote_at_its_offsets() -> None:
    a = _article("a", "x" * 10 + STORY, None)
    where = STORY.index("the Russian defence minister")
    ev = _ev(STORY, 0.9, (10 + where, 10 + where + len("the Russian defence minister,")))
    citation = Citation(1, STORY, "a", "a", None, None, "a", 10, 10 + len(STORY))
    short = short_answer(ev, citation)
    assert short is not None and short.text == "the Russian defence minister"
    assert a.text[short.start:short.end] == short.text and short.n == 1
    # A span outside the cited sentence, or as long as it, is no short answer.
    assert short_answer(_ev(STORY, 0.9, (0, 5)), citation) is None
    assert short_answer(_ev(STORY, 0.9, (10, 10 + len(STORY))), citation) is None


def _short_of(sentence: str, span: str, question: str = "") -> str | None:
    where = sentence.index(span)
    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))
    ev = _ev(sentence, 0.9, (10 + where, 10 + where + len(span)), fit=1.0 if question else 0.5)
    short = (short_answer(ev, citation, "number", question) if question
             else short_answer(ev, citation))
    if short is not None:  # still a span of the quote, at its offsets
        assert sentence[short.start - 10:short.end - 10] == short.text
    return short.text if short else None


def test_a_short_answer_stops_at_a_quotation_mark_it_does_not_pair() -> None:
    show = 'The judges named "Sage," the Miniature Poodle from Houston, best in show on Tuesday.'
    assert _short_of(show, 'Sage," the Miniature Poodle') == "Sage"
    curly = "The judges named “Sage,” the Miniature Poodle from Houston, best in show on Tuesday."
    assert _short_of(curly, "Sage,” the Miniature Poodle") == "Sage"
    film = "Sean Baker thanked the whole cast of “Anora” on the stage of the Dolby Theatre."
    assert _short_of(film, "cast of “Anora") == "Anora"
    assert _short_of(film, "” on the stage of the Dolby") == "on the stage of the Dolby"
    # A quotation the span holds whole, or no quotation at all, leaves the span as it was.
    assert _short_of(film, "“Anora” on the stage") == "“Anora” on the stage"
    assert _short_of(film, "the whole cast of “Anora”") == "the whole cast of “Anora”"
    straight = 'Critics called "Anora", a triumph, and Sean Baker won four Oscars for it.'
    assert _short_of(straight, '"Anora",') == "Anora"
    assert _short_of(straight, 'called "Anora", a triumph') == 'called "Anora", a triumph'
    assert _short_of(straight, "Sean Baker") == "Sean Baker"


def test_as_of_drops_later_articles_and_keeps_undated_ones(assistant) -> None:  # type: ignore[no-untyped-def]
    every = retrieve(assistant.index, "North Korean troops in Russia", 12)
    dated = {p.published for p in every.passages}
    assert None in dated and any(d for d in dated)
    earliest = min(d for d in dated if d)
    found = retrieve(assistant.index, "North Korean troops in Russia", 12, not_after=earliest)
    kept = {p.published for p in found.passages}
    assert None in kept and all(d is None or d <= earliest for d in kept)


def test_as_of_may_be_a_moment_of_a_day() -> None:
    from datetime import datetime

    from assistant.request import make_request

    def moment(value: object) -> object:
        return make_request("Who won?", None, lambda: "extractive", 5, None, None,
                            value).as_of  # type: ignore[arg-type]

    assert moment(datetime(2024, 10, 25, 12, 30)) == date(2024, 10, 25)
    assert moment(date(2024, 10, 25)) == date(2024, 10, 25)
    assert moment("2024-10-25T12:00") == date(2024, 10, 25)


def test_batch_lines_carry_their_own_as_of(sample_store: Path, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "a", "question": "Who shot two people in Portland?",
                                 "as_of": "2024-01-01"}) + "\n"
                     + json.dumps({"id": "b", "question": "Who shot two people in Portland?"})
                     + "\n")
    out = subprocess.run([sys.executable, "-m", "newsqa", "ask", "--batch", str(batch),
                          "--store", str(sample_store), "--llm", "extractive", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert lines[0]["as_of"] == "2024-01-01" and lines[1]["as_of"] == date.today().isoformat()


@pytest.mark.parametrize(("option", "value"), [
    ("since", "01/02/2024"), ("until", "2024-01-02T25:99"), ("as_of", "03/04/2025"),
    ("as_of", "yesterday-ish"),
])
def test_an_ambiguous_or_unreadable_date_option_is_refused_not_guessed(
        assistant, option: str, value: str) -> None:  # type: ignore[no-untyped-def]
    from assistant.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError, match="YYYY-MM-DD"):
        assistant.ask("How many North Korean troops are in Kursk?", **{option: value})
    # Written plainly, the same date is taken, and as that date.
    answer = assistant.ask("How many North Korean troops are in Kursk?",
                           **{option: "2024-10-30"})
    dated = [p.published for p in answer.retrieved]
    if option == "since":
        assert dated and all(d and d >= "2024-10-30" for d in dated)
    elif option == "until":
        assert dated and all(d and d <= "2024-10-30" for d in dated)
    else:
        assert answer.as_of == "2024-10-30"


def test_a_question_asked_at_a_moment_searches_that_moments_days_too() -> None:
    as_of = date(2025, 1, 10)
    assert analyse("Which city began tolling drivers?", "q", as_of, None, None).fresh == (
        "2024-12-31", "2025-01-10")
    assert analyse("Who resigned yesterday?", "q", None, None, None).fresh == relative_window(
        "Who resigned yesterday?", date.today())
    assert analyse("Which city began tolling drivers?", "q", None, None, None).fresh is None
    # Today, or a day to come, is the moment asked at anyway: no other question than none.
    for day in (date.today(), date.today() + timedelta(days=30)):
        stated = analyse("Which city began tolling drivers?", "q", day, None, None)
        assert stated.fresh is None and not stated.dated and not stated.timely
    assert analyse("Which city?", "q", date.today() - timedelta(days=1), None, None).dated


def _toll_corpus(path: Path) -> Path:
    """Ten old reports that share every word of the question, and the week's own report that
    words it otherwise: by similarity alone the week's story is not among the best three."""
    lines = [{"id": f"old{i}", "title": f"Congestion toll program debate, part {i}",
              "published": f"2023/0{1 + i % 9}/1{i % 10}", "url": f"https://e.x/old{i}",
              "text": f"Which city will begin a congestion toll program for drivers? Council "
                      f"members in district {i} debated the congestion toll program again. "
                      "A decision on the toll program for drivers is not expected soon."}
             for i in range(10)]
    lines.append({"id": "week", "title": "Manhattan starts charging cars", "url": "https://e.x/w",
                  "published": "2025/01/06", "text": "New York became the first US city to "
                  "charge motorists for entering its busiest streets on Sunday. The fee is $9."})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_the_weeks_own_report_is_retrieved_beside_older_closer_matches(tmp_path: Path) -> None:
    from index import NewsIndex, StoreConfig

    index = NewsIndex(StoreConfig(path=tmp_path / "s", embed_model="all-MiniLM-L6-v2"))
    index.ingest([_toll_corpus(tmp_path / "toll.jsonl")])
    question = "Which city began a congestion toll program for drivers?"
    asked = analyse(question, question, date(2025, 1, 10), None, None)
    plain = retrieve(index, question, 3, not_after="2025-01-10")
    assert "week" not in {p.doc_id for p in plain.passages}  # the case this is for
    found = retrieve(index, question, 3, not_after="2025-01-10", fresh=asked.fresh)
    assert "week" in {p.doc_id for p in found.passages}
    # Asked before that week, its report is not there to find.
    early = analyse(question, question, date(2025, 1, 5), None, None)
    assert "week" not in {p.doc_id for p in retrieve(
        index, question, 3, not_after="2025-01-05", fresh=early.fresh).passages}
    # ask() searches that way when given the moment, and as before when asked at none.
    from assistant import Assistant, Settings

    assistant = Assistant(Settings(store=tmp_path / "s", llm="extractive", top_k=3,
                                   _env_file=None), index=index)
    at_moment = assistant.ask(question, as_of="2025-01-10")
    assert "week" in {p.doc_id for p in at_moment.retrieved}
    assert "week" not in {p.doc_id for p in assistant.ask(question).retrieved}


def test_memo_computes_only_what_it_lacks_and_forgets_the_oldest() -> None:
    from assistant.memo import Memo

    asked: list[list[str]] = []

    def upper(keys: list[str]) -> list[str]:
        asked.append(keys)
        return [k.upper() for k in keys]

    memo: Memo[str, str] = Memo(limit=3)
    assert memo.get_many(["a", "b", "a"], upper) == ["A", "B", "A"]
    assert memo.get_many(["b", "c", "d"], upper) == ["B", "C", "D"]
    assert asked == [["a", "b"], ["c", "d"]]  # each missing key once, nothing twice
    assert memo.get_many(["a"], upper) == ["A"] and asked[-1] == ["a"]  # "a" was forgotten
    assert memo.get_many([], upper) == []


@pytest.mark.parametrize(("span", "kept"), [
    ("at 9:36 p.m.", "at 9:36 p.m."), ("the U.S.", "the U.S."), ("Los Angeles,", "Los Angeles"),
    ("(said).", "said"), ("in Aug.", "in Aug")])
def test_a_short_answer_keeps_an_abbreviations_full_stop(span: str, kept: str) -> None:
    from assistant.trimming import strip_span

    a, b = strip_span(span, 0, len(span))
    assert span[a:b] == kept


def test_a_count_is_led_only_by_a_figure_counting_what_was_asked() -> None:
    sentence = ("Divers removed 14 sunken fishing boats from the channel at a cost of 8.5 million "
                "euros.")
    asked = "How many sunken fishing boats were removed from Kessport's channel?"
    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))

    def lead(span: str, question: str) -> str | None:
        where = sentence.index(span)
        ev = _ev(sentence, 0.9, (10 + where, 10 + where + len(span)), fit=1.0)
        short = short_answer(ev, citation, "number", question)
        return short.text if short else None

    # The figure with the words right after it that name what is counted.
    assert lead("14", asked) == "14 sunken fishing boats"
    assert lead("14 sunken fishing boats from the channel at a cost", asked) == (
        "14 sunken fishing boats")  # a span too long to lead, cut to the count
    # The reader's "8.5 million" counts no boats; the sentence's one figure that does leads
    # (`counts.only_count`; the quote had led alone).
    assert lead("8.5 million", asked) == "14 sunken fishing boats"
    # Cut only at the noun counted: "19 Chinese" of "19 Chinese coast guard ships" would be
    # no answer, so the reader's figure stays as it read it.
    from assistant.counts import figure_phrase
    ships = "The coast guard saw 19 Chinese coast guard ships."
    at = ships.index("19")
    assert figure_phrase(ships, at, at + 2, "How many Chinese ships were there?") is None
    # A question that counts nothing in particular leaves the reader's figure as it is.
    assert lead("8.5 million", "How much did the clean-up cost?") == "8.5 million euros"


def test_a_later_figure_counting_what_was_asked_leads_instead_of_the_readers() -> None:
    sentence = "The plan was approved by 27 votes to 14, with 3 councillors abstaining."
    assert _short_of(sentence, "14", "How many councillors abstained on the vote?") == (
        "3 councillors")
    # Not without the question's verb by it, nor an earlier figure: the bare one after a
    # counted figure is its ellipsis.
    assert _short_of(sentence, "14", "How many councillors voted against?") != "3 councillors"
    strike = "Northline said 1,200 services were cancelled on the first day and 950 on the second."
    assert _short_of(strike, "950", "How many services were cancelled on the second day?") in (
        None, "950")  # the quote leads, or the reader's figure: never "1,200 services"


def test_a_units_abbreviation_counts_what_its_name_does() -> None:
    """ "142 mm" had been no figure of millimetres: "none of the sentences closest to it gives
    the figure asked for", quoting it."""
    rain = "Whitaker said 142 mm of rain had fallen on the town during Storm Ilse."
    asked = "How many millimetres of rain fell during Storm Ilse?"
    assert answer_fit("number", rain, asked) == 1.0
    assert _short_of(rain, "142", asked) == "142 mm"
    assert answer_fit("number", "It cost 142 euros.", asked) == 0.5


@pytest.mark.parametrize(("sentence", "span", "question", "short"), [
    ("The repairs cost 3.2 million euros, the museum said.", "3.2 million",
     "How much did the repairs cost?", "3.2 million euros"),
    ("Shares rose 40 percent on Monday.", "40", "How much did shares rise?", "40 percent"),
    ("It cost 1.2 trillion won last year.", "1.2 trillion", "How much did it cost?",
     "1.2 trillion won"),
    ("Of the 40 candidates, 12 won seats.", "12", "How many candidates won?", "12"),  # a verb
])
def test_a_sum_keeps_its_currency(sentence: str, span: str, question: str, short: str) -> None:
    """"3.2 million" said nothing of euros."""
    assert _short_of(sentence, span, question) == short


@pytest.mark.parametrize(("sentence", "span", "short"), [
    ("North Korea has delivered over 13,000 containers of arms.", "13,000", "over 13,000"),
    ("It sent more than 13,000 containers.", "13,000", "more than 13,000"),
    ("His army is holding down around 50,000 troops.", "50,000", "around 50,000"),
    ("It paid a total of 13,000 euros.", "13,000", "13,000"),
    ("They hired no more than 13,000 workers.", "13,000", "no more than 13,000"),
])
def test_a_figure_keeps_the_words_that_qualify_it(sentence: str, span: str, short: str) -> None:
    assert _short_of(sentence, span) == short


@pytest.mark.parametrize(("span", "question", "leads"), [
    ("2000", "How much of its volume has the Rhone Glacier lost?", False),  # when, not how much
    ("a third", "How much of its volume has the Rhone Glacier lost?", True),
    ("2000", "In which year did the measurements start?", True),  # a year asked for
])
def test_a_year_after_since_never_leads_a_figure_asked_for(span: str, question: str,
                                                            leads: bool) -> None:
    from assistant.evidence import question_kind

    sentence = "The Rhone Glacier has lost about a third of its ice volume since 2000."
    where = sentence.index(span)
    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))
    ev = _ev(sentence, 0.9, (10 + where, 10 + where + len(span)), fit=1.0)
    short = short_answer(ev, citation, question_kind(question), question)
    assert (short is not None) is leads


@pytest.mark.parametrize(("question", "sentence", "name"), [
    ("Who is Portland's mayor?", "Portland Mayor Keith Wilson said in a statement his city was "
     "now grappling with violence.", "Keith Wilson"),
    ("Who is the South Korean president?", "It came after talks between visiting Polish "
     "President Andrzej Duda and South Korean President Yoon Suk Yeol.", "Yoon Suk Yeol"),
    ("Which Polish president visited South Korea?", "It came after talks between visiting "
     "Polish President Andrzej Duda and South Korean President Yoon Suk Yeol.", "Andrzej Duda"),
    ("Who is North Korea's leader?", "The pact was signed by Russian President Vladimir Putin "
     "and North Korean leader Kim Jong Un.", "Kim Jong Un"),
    ("Who is the Oslo museum director?", "The museum's director, Kari Holm, said the paintings "
     "would return.", "Kari Holm"),
    ("Who is the commander of the 192 Fleet?", "Chen Ming-feng, the commander of the 192 "
     "Fleet, said they are ready.", "Chen Ming-feng"),
    ("Who is the new superintendent?", "Superintendent Maria Lopez said schools would reopen.",
     "Maria Lopez"),
])
def test_the_holder_of_the_role_asked_about_leads(question: str, sentence: str,
                                                   name: str) -> None:
    """Asked who holds a role, the name the sentence gives after (or beside) its title leads,
    however unsure the reader's span is, or sure of another word ("Pyongyang")."""
    from assistant.compose import abstention
    from assistant.evidence import question_kind
    from assistant.said_first import said_first

    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))
    unsure = _ev(sentence, 0.9, (10, 14), fit=1.0)  # the reader's span: the first word
    unsure = replace(unsure, answer_score=0.5)
    kind = question_kind(question)
    short = short_answer(unsure, citation, kind, question)
    assert short is not None and short.text == name
    assert sentence[short.start - 10:short.end - 10] == name  # a span of the quote
    # The name rule does not turn it away: the sentence names the holder, and answers
    # (`said_first` puts it first, and the answer path then answers whatever the rules say).
    reason = abstention([unsure], True, 1.5, kind)
    assert (said_first(question, [unsure]) == [unsure] or reason is None
            or "clearly give the name" not in reason.reason)
    if kind == "person":  # the rule alone turns the unsure span away
        assert reason is not None and "clearly give the name" in reason.reason
        assert said_first(question, [unsure]) == [unsure]


@pytest.mark.parametrize(("question", "sentence", "fits"), [
    ("How much will the bridge cost?", "It is expected to cost 240 million crowns.", 1.0),
    ("How much will the bridge cost?", "It is expected to cost 240 million kronor.", 1.0),
    ("How much will the bridge cost?", "It will have 240 lanes.", 0.5),
    ("How much is her contract worth?", "She won the MVP award 3 times.", 0.5),  # "won"
    # A price in pence or cents ("does not give the figure asked for" had turned it away).
    ("How much is Brightwater paying for each Calloway share?", "Brightwater will pay 485p "
     "for each Calloway share.", 1.0),
    ("How much does a stamp cost?", "A stamp costs 85 cents.", 1.0),
    ("How much will the bridge cost?", "It opens at 5pm on 3 May.", 0.5),
    # a bill is a sum: "146 litres a day" had answered how much the average water bill is
    ("How much is the average water bill?", "The average customer uses 146 litres a day.", 0.5),
    ("How much is the average water bill?", "The average bill will rise to £512 a year.", 1.0),
    ("How much land was granted to the tribe?", "The state granted 3,000 acres.", 1.0),  # no sum
])
def test_a_sum_in_any_currency_is_a_sum(question: str, sentence: str, fits: float) -> None:
    """"240 million crowns" was no sum of money: "does not give the figure asked for"."""
    from assistant.evidence import answer_fit, question_kind

    assert answer_fit(question_kind(question), sentence, question) == fits


@pytest.mark.parametrize(("span", "leads"), [
    ("Britain's leader Rishi Sunak", True),  # meets the holder the sentence names
    ("WASHINGTON", False),  # a place leads no "which leader"
])
def test_which_role_is_led_only_by_a_span_meeting_a_holder(span: str, leads: bool) -> None:
    sentence = ("WASHINGTON – Britain's leader Rishi Sunak wrapped up a two-day visit to "
                "Washington on Thursday.")
    question = "Which world leader arrived in Washington for a two-day visit?"
    where = sentence.index(span)
    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))
    ev = _ev(sentence, 0.9, (10 + where, 10 + where + len(span)), fit=1.0)
    assert (short_answer(ev, citation, "other", question) is not None) is leads


def test_a_name_holding_anothers_title_is_no_answer() -> None:
    """"Who is the coach of the Riverton team?" over "Herons head coach Tom Berg said…": the
    reader's sure span was Tom Berg; the articles don't say."""
    from assistant.compose import another_holder

    text = "Herons head coach Tom Berg said the stadium would help."
    at = text.index("Tom Berg")
    berg = _ev(text, 0.9, (10 + at, 10 + at + len("Tom Berg")), fit=1.0)
    reason = another_holder("Who is the coach of the Riverton team?", [berg])
    assert reason is not None and "coach of something else" in reason.reason
    assert another_holder("Who is the head coach of the Herons?", [berg]) is None
    elsewhere = _ev(text, 0.9, (10, 16), fit=1.0)  # a span meeting no holder: not this rule
    assert another_holder("Who is the coach of the Riverton team?", [elsewhere]) is None


def test_a_question_typed_over_lines_is_quoted_on_one() -> None:
    """A follow-up's "mentions nothing the conversation asked about (“…”)" showed the earlier
    question with its line break."""
    from assistant.compose import abstention

    sentence = "Westbay Wanderers beat Corran Town 2-0 in the cup semi-final on Sunday."
    ev = _ev(sentence, 0.9, (10, 26), fit=1.0)
    reason = abstention([ev], True, 1.5, "other", True, "Who is Hong Min\nand where does he work?")
    assert reason is not None and "(“Who is Hong Min and where does he work?”)" in reason.reason
