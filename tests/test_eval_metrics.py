"""Every metric on hand-computed cases, with synthetic answers (no index, no model)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.types import Answer, Citation, RetrievedPassage, Timings
from evals.datasets import EvalItem
from evals.metrics import (
    Verdicts,
    answer_correct,
    article_keys,
    check_quotes,
    citation_precise,
    citation_recalled,
    cited_keys,
    first_relevant_rank,
    grounded_correct,
    missing_groups,
    score_answer,
)
from evals.summary import (
    abstention_scores,
    hit_at_k,
    mean_reciprocal_rank,
    percentile,
    quote_validity,
    rate,
    summarise,
    summarise_by_category,
)
from evals.text import first_words, mentions, normalise, token_f1

ART_TEXT = "Up to 12,000 North Korean troops were sent. Kim Keon Hee was shown on a leaflet."
DIR = "/data/sample_articles/"


@dataclass(frozen=True)
class FakeArticle:
    text: str
    doc_id: str | None = None


def cite(quote: str, n: int = 1, article_id: str = "a1", source: str = DIR + "000_x.txt",
         start: int | None = None) -> Citation:
    begin = ART_TEXT.find(quote) if start is None else start
    return Citation(n=n, quote=quote, article_id=article_id, title="t", outlet=None,
                    published=None, source=source, start=begin, end=begin + len(quote))


def passage(source: str, text: str = "", doc_id: str | None = None, n: int = 1
            ) -> RetrievedPassage:
    return RetrievedPassage(n=n, article_id="x", title="t", outlet=None, published=None,
                            source=source, start=0, end=len(text), text=text, score=1.0,
                            doc_id=doc_id)


def answer(text: str, citations: tuple[Citation, ...] = (), abstained: bool = False,
           retrieved: tuple[RetrievedPassage, ...] = (), ms: float = 100.0) -> Answer:
    return Answer(question="q", text=text, citations=list(citations), abstained=abstained,
                  retrieved=list(retrieved), timings=Timings(total_ms=ms))


def item(groups: tuple[tuple[str, ...], ...] = (("12,000", "12000"),),
         gold: tuple[str, ...] = ("000_x.txt",), category: str = "numbers_dates",
         reference: str = "Up to 12,000 troops.", relevant: tuple[str, ...] = ()) -> EvalItem:
    return EvalItem(id="s1", question="q", category=category, reference_answer=reference,
                    must_include=groups, gold_articles=gold, relevant_text=relevant)


# -- normalisation ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("12,000 Troops", "12000 troops"),
    ("1,234,567 and 3, 4", "1234567 and 3, 4"),
    ("Kim’s  \n “leaflet”", "kim's leaflet"),
    ("a\u00a0b – c", "a b - c"),
    ("12\u202f000", "12000"),
])
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_mentions_folds_case_numbers_and_quotes() -> None:
    assert mentions("They sent 12000 TROOPS", "12,000 troops")
    assert mentions("the People’s Assembly", "People's Assembly")
    assert mentions('the film "Dune" won', "Dune won")
    # A quote inside an answer's quote is shown in single marks (`assistant.quotes.enquote`).
    assert mentions("“Lawmakers passed the ‘One Big Beautiful Bill’ on Thursday.”",
                    "the One Big Beautiful Bill")
    assert mentions("Kim Keon Hee’s picture", "Kim Keon Hee's") and not mentions(
        "Kim Keon Hee’s picture", "Kim Keon Hees")  # an apostrophe inside a word stays
    assert not mentions("1,200 troops", "12,000")
    # Counts either way, and only as whole words and whole numbers.
    assert mentions("Six more weeks of winter", "6") and mentions("6 more weeks", "six")
    assert mentions("Twenty-six people", "26") and not mentions("twenty-six people", "6")
    assert not mentions("16 more weeks, said on 02 February 2026", "6")
    assert not mentions("6.5 million, or 0.6%", "6") and mentions("up 6%.", "6")
    assert mentions("the 24-nautical-mile zone", "24-nautical")
    assert not mentions("someone said", "one") and not mentions("he said", "AI")
    # A punctuation edge needs no word boundary.
    assert mentions("a US$1.5 billion deal", "$1.5 billion") and mentions("(AP)The", "(AP)")
    assert not mentions("anything", "")


def test_first_words_keeps_exactly_n() -> None:
    assert first_words("a b  c\nd e", 3) == "a b c"
    assert first_words("", 60) == ""


@pytest.mark.parametrize(("pred", "ref", "f1"), [
    ("Kim Keon Hee", "Kim Keon Hee.", 1.0),
    # pred tokens {up, to, 12000}, ref {12000, troops}: overlap 1, P=1/3, R=1/2 -> F1=0.4
    ("up to 12,000", "12000 troops", 0.4),
    ("The troops", "a troops", 1.0),  # articles do not count
    ("nothing shared", "Kim", 0.0),
    ("", "", 1.0),
    ("", "Kim", 0.0),
])
def test_token_f1(pred: str, ref: str, f1: float) -> None:
    assert token_f1(pred, ref) == pytest.approx(f1)


# -- correctness -------------------------------------------------------------------------------
def test_answer_correct_needs_every_group() -> None:
    two = item(groups=(("12,000",), ("Kim Keon Hee", "first lady")))
    assert answer_correct(two, answer("12000 troops; the first lady was shown."))
    assert not answer_correct(two, answer("12000 troops were sent."))
    assert missing_groups("12000 troops", two.must_include) == (("Kim Keon Hee", "first lady"),)


def test_answer_correct_only_counts_first_60_words() -> None:
    late = answer(" ".join(["word"] * 60) + " 12,000")
    assert not answer_correct(item(), late)
    assert answer_correct(item(), answer(" ".join(["word"] * 59) + " 12,000"))


def test_unanswerable_is_never_correct() -> None:
    assert not answer_correct(item(groups=(), gold=()), answer("12,000"))


def test_grounded_needs_each_group_in_a_quote() -> None:
    two = item(groups=(("12,000",), ("Kim Keon Hee",)))
    text = "12,000 troops; Kim Keon Hee was on the leaflet."
    both = (cite("Up to 12,000 North Korean troops were sent."),
            cite("Kim Keon Hee was shown on a leaflet.", n=2))
    assert grounded_correct(two, answer(text, both))
    assert not grounded_correct(two, answer(text, both[:1]))
    assert not grounded_correct(two, answer("No idea.", both))  # grounded implies correct


# -- quotes ------------------------------------------------------------------------------------
def test_check_quotes_validates_text_and_offsets() -> None:
    articles = {"a1": FakeArticle(ART_TEXT)}
    good = cite("Kim Keon Hee")
    shifted = cite("Kim Keon Hee", start=ART_TEXT.find("Kim") + 1)
    invented = cite("Kim Jong Un", start=0)
    unknown = cite("Kim Keon Hee", article_id="zz")
    checks = check_quotes([good, shifted, invented, unknown], articles)
    assert [c.valid for c in checks] == [True, False, False, False]
    assert "offsets" in checks[1].problem and "not in the article" in checks[2].problem
    assert "not in the index" in checks[3].problem


def test_quote_validity_counts_quotes_not_questions() -> None:
    articles = {"a1": FakeArticle(ART_TEXT)}
    one_bad = score_answer(item(), answer("x", (cite("Kim"), cite("Kim", start=0))), articles)
    all_good = score_answer(item(), answer("x", (cite("Kim"),)), articles)
    # 2 of 3 quotes are valid
    assert quote_validity([one_bad, all_good]) == pytest.approx(2 / 3)
    assert quote_validity([score_answer(item(), answer("x"), articles)]) is None


# -- citations and retrieval -------------------------------------------------------------------
def test_article_keys_use_basename_with_suffix() -> None:
    assert article_keys("/a/b/000_x.txt#2") == {"000_x.txt#2"}
    assert article_keys("https://site/story", "d1") == {"story", "d1"}


def test_citation_precision_and_recall() -> None:
    gold = item(gold=("000_x.txt", "001_y.txt"))
    arts = {"a1": FakeArticle(ART_TEXT), "a2": FakeArticle(ART_TEXT)}
    on_gold = cited_keys([cite("Kim"), cite("Kim", source=DIR + "001_y.txt", n=2)], arts)
    second_article = cited_keys(
        [cite("Kim"), cite("Kim", article_id="a2", source=DIR + "000_x.txt#2", n=2)], arts)
    assert citation_precise(gold, on_gold) is True
    assert citation_recalled(gold, on_gold) is True
    assert citation_precise(gold, second_article) is False  # "#2" is another article
    assert citation_recalled(gold, second_article) is True
    assert citation_precise(gold, []) is None
    assert citation_recalled(gold, []) is False
    assert citation_recalled(item(groups=(), gold=()), []) is None


def test_citations_match_doc_ids_of_feed_articles() -> None:
    gold = item(gold=("doc7",))
    cited = cited_keys([cite("Kim", source="https://x/story")],
                       {"a1": FakeArticle(ART_TEXT, doc_id="doc7")})
    assert citation_precise(gold, cited) and citation_recalled(gold, cited)


def test_first_relevant_rank_by_file_doc_id_or_text() -> None:
    ranked = [passage(DIR + "009_z.txt"), passage(DIR + "000_x.txt#2"), passage(DIR + "000_x.txt")]
    assert first_relevant_rank(item(), ranked) == 3
    assert first_relevant_rank(item(gold=("d2",)), [passage("u", doc_id="d1"),
                                                    passage("u", doc_id="d2")]) == 2
    by_text = item(gold=(), relevant=("open adoption",))
    assert first_relevant_rank(by_text, [passage("u", "Through OPEN adoption.")]) == 1
    assert first_relevant_rank(item(), []) is None


def test_hit_at_k_and_mrr() -> None:
    ranks = [1, 3, None, 2]
    assert hit_at_k(ranks, 1) == 0.25
    assert hit_at_k(ranks, 3) == 0.75
    assert hit_at_k([], 3) is None
    # (1 + 1/3 + 0 + 1/2) / 4
    assert mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 3 + 0.5) / 4)


def test_abstention_precision_recall() -> None:
    # (abstained, should): 2 abstentions, 1 right; 3 unanswerable, 1 declined
    pairs = [(True, True), (True, False), (False, True), (False, True), (False, False)]
    assert abstention_scores(pairs) == (0.5, pytest.approx(1 / 3))
    assert abstention_scores([(False, False)]) == (None, None)


def test_percentile_interpolates() -> None:
    assert percentile([40.0, 10.0, 30.0, 20.0], 50) == 25.0
    assert percentile([10.0, 20.0, 30.0, 40.0], 95) == pytest.approx(38.5)
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) is None


def test_rate_skips_not_applicable() -> None:
    assert rate([True, None, False, True]) == pytest.approx(2 / 3)
    assert rate([None]) is None


# -- whole answers and summaries ---------------------------------------------------------------
def test_score_answer_and_summary_by_hand() -> None:
    arts = {"a1": FakeArticle(ART_TEXT)}
    right = score_answer(item(), answer("Up to 12,000 troops.", (cite("12,000"),),
                                        retrieved=(passage(DIR + "000_x.txt"),), ms=100), arts)
    wrong = score_answer(item(), answer("Nobody knows.", (cite("Kim"),),
                                        retrieved=(passage(DIR + "001_y.txt"),
                                                   passage(DIR + "000_x.txt")), ms=300), arts)
    declined = score_answer(item(groups=(), gold=(), category="unanswerable"),
                            answer("The articles don't say.", abstained=True, ms=200), arts)
    failed = Verdicts.failed(item(), "LLMTimeoutError: slow")
    assert right.passed and right.token_f1 == 1.0 and right.first_relevant_rank == 1
    assert not wrong.passed and wrong.citation_precise is True and wrong.correct is False
    assert declined.passed and declined.correct is None
    summary = summarise([right, wrong, declined, failed])
    assert (summary.n, summary.answerable, summary.errors, summary.quotes) == (4, 3, 1, 2)
    assert summary.accuracy == pytest.approx(1 / 3)  # the failure counts as wrong
    assert summary.grounded == pytest.approx(1 / 3)
    assert summary.quote_validity == 1.0
    assert summary.citation_precision == 1.0  # both citing answers cite 000_x.txt only
    assert summary.citation_recall == pytest.approx(2 / 3)
    assert (summary.hit_at_1, summary.hit_at_3) == (pytest.approx(1 / 3), pytest.approx(2 / 3))
    assert summary.mrr == pytest.approx((1 + 0.5 + 0) / 3)
    assert (summary.abstention_precision, summary.abstention_recall) == (1.0, 1.0)
    assert summary.latency_p50_ms == 200.0  # of the three answered: 100, 200, 300
    assert summary.judge_accuracy is None


def test_summarise_by_category_groups_sorted() -> None:
    arts = {"a1": FakeArticle(ART_TEXT)}
    v = score_answer(item(), answer("12000"), arts)
    by = summarise_by_category([("b", v), ("a", v), ("b", v)])
    assert list(by) == ["a", "b"] and by["b"].n == 2 and by["a"].accuracy == 1.0
