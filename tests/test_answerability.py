"""Answerability: the question-level judgement that decides abstention, from the whole ranking
(`assistant.answerability`), and its fitting (`train.bars.fit_answerability`). The shipped
weights are checked for the directions any sane fit has; the wiring into `compose.abstention`
with weights set here, so that each input is seen to move the decision."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from assistant import calibration
from assistant.answerability import QUESTION_FEATURES, answerability, question_features
from assistant.compose import abstention
from assistant.errors import ReaderUnavailableError
from assistant.rerank import Evidence

SENTENCE = "Kim Keon Hee's picture was on the leaflet, officials said on Tuesday."


def _ev(score: float, article: str = "a", relevance: float | None = None,
        span: float = 12.0, fit: float = 0.5) -> Evidence:
    return Evidence(0, article, 0, len(SENTENCE), SENTENCE, score,
                    score if relevance is None else relevance, (0, 12), span, fit=fit)


@pytest.fixture
def weights(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answerability that looks at topicality alone (weight 4, bar 0.5 at topicality 1)."""
    w = [0.0] * len(QUESTION_FEATURES)
    w[QUESTION_FEATURES.index("topicality")] = 4.0
    t = replace(calibration.THRESHOLDS, answerable=(-4.0, *w), answerable_timeless=(-4.0, *w),
                answerable_below=0.5, answerable_below_timeless=0.5, min_topic_timeless=0.0)
    monkeypatch.setattr(calibration, "THRESHOLDS", t)


def test_the_features_read_the_top_of_the_ranking() -> None:
    f = dict(zip(QUESTION_FEATURES, question_features(
        [_ev(0.9, "a", fit=1.0), _ev(0.5, "b"), _ev(0.1, "a"), _ev(0.99, "c")], 1.2),
        strict=True))
    assert f["best score logit"] == pytest.approx(2.1972, abs=1e-3)
    assert f["second score logit"] == pytest.approx(0.0)
    assert f["third score logit"] < f["second score logit"]
    assert f["articles in the top 3"] == pytest.approx(2 / 3)  # the 4th sentence is not read
    assert f["best answer kind"] == 1.0 and f["topicality"] == 1.2
    assert f["best span score / 10"] == pytest.approx(1.2)
    # Certainty is clipped; unknown topicality counts as fully on topic.
    sure = question_features([_ev(1.0), _ev(1.0), _ev(0.0)], float("inf"))
    assert sure[0] == 10.0 and sure[2] == -10.0 and sure[6] == 2.0


def test_abstention_follows_the_answerability_and_its_bar(weights: None) -> None:
    strong = [_ev(0.99), _ev(0.5, "b"), _ev(0.4, "c")]
    assert abstention(strong, dated=True, topic=1.5) is None
    near = abstention(strong, dated=True, topic=0.5)  # the same sentence, about little
    assert near is not None and not near.off_topic and "surely answers" in near.reason
    assert abstention(strong, dated=False, topic=1.5) is None
    assert abstention(strong, dated=False, topic=0.5) is not None
    assert answerability(strong, 1.0, True) == pytest.approx(0.5)
    # A follow-up (unlike any tuning question) is judged by its best sentence's score alone.
    bar = calibration.THRESHOLDS.abstain_below
    over, under = _ev(min(0.99, bar + 0.05)), _ev(0.9 * bar)
    assert abstention([over, over, over], True, 0.5, follow_up=True) is None
    assert abstention([under, under, under], True, 1.5, follow_up=True) is not None


def test_a_follow_up_asked_at_no_stated_moment_has_a_bar_of_its_own(
        weights: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tuned on the follow-up conversations (`train/natural/followups.jsonl`), not borrowed
    # from the standalone questions' bar.
    t = replace(calibration.THRESHOLDS, abstain_below=0.5, abstain_below_timeless=0.5,
                abstain_below_followup=0.1)
    monkeypatch.setattr(calibration, "THRESHOLDS", t)
    middling = [_ev(0.3), _ev(0.3, "b"), _ev(0.3, "c")]
    assert abstention(middling, False, 1.5, follow_up=True) is None
    assert abstention([_ev(0.05)] * 3, False, 1.5, follow_up=True) is not None
    assert abstention(middling, True, 1.5, follow_up=True) is not None  # the quiz bar: 0.5
    # A thresholds.json of an older version has no such bar: the standalone one, as then.
    monkeypatch.setattr(calibration, "THRESHOLDS", replace(t, abstain_below_followup=None))
    assert abstention(middling, False, 1.5, follow_up=True) is not None


def test_a_ranking_unlike_the_tuning_questions_is_judged_by_its_best_score(
        weights: None) -> None:
    """Fewer than 3 sentences read (a small collection) or no span in the best: outside what
    the weights were fitted on, so the best sentence's score decides, as without weights."""
    bar = calibration.THRESHOLDS.abstain_below
    lone_weak, lone_strong = [_ev(0.9 * bar)], [_ev(min(0.99, bar + 0.05))]
    assert answerability(lone_weak, 2.0, True) is None
    assert abstention(lone_weak, dated=True, topic=2.0) is not None  # topicality would pass
    assert abstention(lone_strong, dated=True, topic=0.1) is None  # topicality would fail
    spanless = [replace(_ev(0.99), answer_score=float("-inf")), _ev(0.5), _ev(0.4)]
    assert answerability(spanless, 2.0, True) is None
    assert abstention(spanless, dated=True, topic=0.1) is None


def test_without_weights_the_best_sentence_decides_alone(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    t = replace(calibration.THRESHOLDS, answerable=(), answerable_timeless=(), abstain_below=0.3)
    monkeypatch.setattr(calibration, "THRESHOLDS", t)
    assert answerability([_ev(0.99), _ev(0.5), _ev(0.4)], 0.5, True) is None
    assert abstention([_ev(0.31)], dated=True, topic=0.0) is None
    assert abstention([_ev(0.29)], dated=True, topic=2.0) is not None


def test_weights_of_another_version_are_refused_saying_how_to_fix(
        monkeypatch: pytest.MonkeyPatch) -> None:
    t = replace(calibration.THRESHOLDS, answerable=(0.0, 1.0, 2.0))
    monkeypatch.setattr(calibration, "THRESHOLDS", t)
    with pytest.raises(ReaderUnavailableError, match="make train"):
        answerability([_ev(0.9), _ev(0.5), _ev(0.4)], 1.0, True)


def test_the_shipped_answerability_trusts_a_better_best_sentence() -> None:
    t = calibration.THRESHOLDS
    assert len(t.answerable) == len(t.answerable_timeless) == len(QUESTION_FEATURES) + 1
    assert 0.0 < t.answerable_below < 1.0 and 0.0 < t.answerable_below_timeless < 1.0
    for dated in (True, False):
        rest = [_ev(0.04, "b"), _ev(0.03, "b")]
        weak = answerability([_ev(0.05), *rest], 1.0, dated)
        strong = answerability([_ev(0.95), *rest], 1.0, dated)
        assert weak is not None and strong is not None and strong > weak
        # A confident best sentence over clearly weaker runners-up is answered; a weak one
        # among weak ones is not.
        assert abstention([_ev(0.95, span=15.0, fit=1.0), *rest], dated, 1.4) is None
        assert abstention([_ev(0.02), *rest], dated, 1.4) is not None


def test_fitting_finds_what_tells_right_answers_and_keeps_the_precision() -> None:
    from train.bars import ABSTAIN_PRECISION, abstain_below, fit_answerability

    rng = random.Random(0)
    records = []
    for i in range(300):
        answerable = i % 3 != 0
        correct = answerable and rng.random() < 0.95
        signal = (1.5 if correct else -1.5) + rng.gauss(0, 1)
        features = [rng.gauss(0, 1) for _ in QUESTION_FEATURES]
        features[QUESTION_FEATURES.index("best reader logit")] = signal
        records.append({"answerable": answerable, "correct": correct, "gated": False,
                        "topic": 1.0, "features": features if i % 50 else None})
    weights, bar, at_bar = fit_answerability(records, 13, lambda rs: abstain_below(rs, key="p"))
    w = dict(zip(QUESTION_FEATURES, weights[1:], strict=True))
    assert w["best reader logit"] == max(w.values(), key=abs) and w["best reader logit"] > 1
    assert 0 < bar < 1 and at_bar["abstention_precision"] >= ABSTAIN_PRECISION
    assert at_bar["abstention_recall"] > 0.5
    # The out-of-fold probabilities the bar was chosen on separate the labels.
    right = [r["p"] for r in records if r["correct"] and r["features"] is not None]
    wrong = [r["p"] for r in records if not r["correct"] and r["features"] is not None]
    assert sum(right) / len(right) > sum(wrong) / len(wrong) + 0.3


def test_a_question_rewritten_from_the_conversation_is_a_follow_up() -> None:
    from assistant.question import analyse

    assert analyse("And what did he buy?", "And what did he buy? Poland Duda", None, None,
                   None).follow_up
    assert not analyse("What did Poland buy?", "What did Poland buy?", None, None,
                       None).follow_up


def test_a_follow_up_answered_from_an_article_about_something_else_abstains() -> None:
    """A follow-up leans on its conversation: an answer from an article that mentions none of
    the names the conversation asked about has strayed ("How much prize money does the winner
    get?" after a question about the US Open, answered from a lottery story)."""
    from assistant.compose import strayed
    from assistant.question import analyse
    from index import Article

    previous = "When does the 2023 US Open main draw start?"
    asked = analyse("How much prize money does the winner get?",
                    "How much prize money does the winner get? Open", None, None, None, previous)
    lottery = Article("a", "Mega Millions jackpot resets", "The $1.58 billion jackpot was won.",
                      "a.txt", "a.txt")
    tennis = Article("b", "Tennis", "The US Open pays its champions $3 million.", "b.txt", "b.txt")
    ranked = [_ev(0.9, "a")]
    assert strayed(asked, ranked, {"a": lottery}) == previous
    assert strayed(asked, ranked, {"a": tennis}) == ""
    # Only a follow-up: the same question asked on its own is judged as any other.
    alone = analyse(asked.text, asked.text, None, None, None, previous)
    assert strayed(alone, ranked, {"a": lottery}) == ""
    reason = abstention(ranked, False, 1.5, follow_up=True, astray=previous)
    assert reason is not None and previous in reason.reason
    assert abstention(ranked, False, 1.5, follow_up=True) is None
    # A new question with an "its" in it, naming its own subject, which the article mentions.
    glacier = Article("g", "Alpine glacier", "The Rhone Glacier has lost a third of its volume.",
                      "g.html", "g.html")
    turbines = "How many turbines does the Moray East wind farm have?"
    own = analyse("How much of its volume has the Rhone Glacier lost?",
                  "How much of its volume has the Rhone Glacier lost? Moray East", None, None,
                  None, turbines)
    assert own.follow_up and strayed(own, ranked, {"a": glacier}) == ""
    # A follow-up naming whom it asks about, answered from an article that never names them.
    said = analyse("What did Lindqvist say?", "What did Lindqvist say? Riverside Bakery", None,
                   None, None)
    nato = Article("n", "NATO warns", "'A dangerous escalation,' Mark Rutte said.", "n.txt",
                   "n.txt")
    assert said.follow_up and strayed(said, ranked, {"a": nato}) == "What did Lindqvist say?"
    bakery = Article("k", "Bakery", "Tomas Lindqvist said the recipe was old.", "k.txt", "k.txt")
    assert strayed(said, ranked, {"a": bakery}) == ""
    # Asked first, what someone said is no more answered by an article never naming them
    # ("What did Priya Nair say?" had quoted a civil protection chief).
    first = analyse("What did Lindqvist say?", "What did Lindqvist say?", None, None, None)
    assert not first.follow_up and strayed(first, ranked, {"a": nato}) == first.text
    said_so = abstention(ranked, False, 1.5, astray=first.text, question=first.text)
    assert said_so is not None and "never names whom the question asks about" in said_so.reason
    assert strayed(first, ranked, {"a": bakery}) == ""
    other = analyse("Who is Lindqvist?", "Who is Lindqvist?", None, None, None)
    assert strayed(other, ranked, {"a": nato}) == ""  # not a question about his words
    # Nor someone's age ("How old is Gwen Talbot?" had been given a runner's "Lindgren, 29").
    age = analyse("How old is Gwen Talbot?", "How old is Gwen Talbot?", None, None, None)
    runner = Article("r", "Marathon", "'I trained here,' said Lindgren, 29.", "r.txt", "r.txt")
    talbot = Article("t", "Runway", "Gwen Talbot, 61, chairs the campaign.", "t.txt", "t.txt")
    assert strayed(age, ranked, {"a": runner}) == age.text
    assert strayed(age, ranked, {"a": talbot}) == ""
    # Its own subject is no pass where the article does not mention it.
    assert strayed(own, ranked, {"a": lottery}) == turbines
    # Nor where the question points back beyond itself: "that game" is the conversation's.
    game = analyse("What was the attendance at Wembley for that game?",
                   "What was the attendance at Wembley for that game? US Open", None, None,
                   None, previous)
    concert = Article("c", "Concert", "The Wembley concert drew 90,000 fans.", "c.txt", "c.txt")
    assert strayed(game, ranked, {"a": concert}) == previous


def test_a_sure_best_sentence_is_judged_below_the_off_topic_bar(monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """The off-topic bar is a tuned bar on closeness: a question that shares few words with its
    passage ("how much … worth") whose best sentence the reader is sure of is judged as any
    other, not turned away as off topic."""
    from assistant.compose import SURE_OVER_TOPIC

    t = replace(calibration.THRESHOLDS, min_topic_timeless=1.0)
    monkeypatch.setattr(calibration, "THRESHOLDS", t)
    unsure = abstention([_ev(SURE_OVER_TOPIC - 0.01)] * 3, dated=False, topic=0.8)
    assert unsure is not None and unsure.off_topic
    sure = abstention([_ev(SURE_OVER_TOPIC)] * 3, dated=False, topic=0.8)
    assert sure is None or not sure.off_topic


def test_the_tuning_counts_a_sure_sentence_below_the_off_topic_bar_as_the_product_does() -> None:
    from assistant.compose import SURE_OVER_TOPIC
    from train.bars import figures

    sure = {"answerable": True, "correct": True, "score": SURE_OVER_TOPIC, "topic": 0.5}
    unsure = {**sure, "score": SURE_OVER_TOPIC - 0.01}
    assert figures([sure], 0.1, topic=0.9)["accuracy"] == 1.0  # answered, as ask() answers it
    assert figures([unsure], 0.1, topic=0.9)["accuracy"] == 0.0  # off topic


@pytest.mark.parametrize(("question", "back"), [
    ("What was the attendance at Wembley for that game?", True),
    ("How big a pay raise are they asking for?", True),
    ("And what about North Korean troops in Kursk, how many are there?", False),
    ("When was the treaty ratified?", False), ("Is there a deadline?", False),
])
def test_only_a_pronoun_points_a_follow_up_back_at_its_conversation(question: str, back: bool
                                                                    ) -> None:
    from assistant.followup import refers_back

    assert refers_back(question) is back
