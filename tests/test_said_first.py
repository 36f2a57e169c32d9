"""A sentence about what was asked is read before a best one that is not
(`assistant.said_first.read_first`): cases a new user met."""

from __future__ import annotations

from assistant.rerank import Evidence
from assistant.said_first import read_first


def _ev(text: str, at: int, fit: float = 1.0) -> Evidence:
    return Evidence(0, "a", at, at + len(text), text, 0.3, 0.3, fit=fit)


REVENUE = _ev("Velmora Foods reported second-quarter revenue of $2.41 billion on Thursday.", 0)
DIVIDEND = _ev("It also raised its quarterly dividend to 38 cents a share from 34 cents.", 100)
SHARES = _ev("Shares of Velmora rose 6.4% to $71.20 in morning trading.", 200)


def test_how_much_is_answered_by_a_sentence_about_the_thing_asked() -> None:
    """"How much is Velmora's new quarterly dividend?" led with the revenue's $2.41 billion."""
    ranked = [REVENUE, SHARES, DIVIDEND]
    assert read_first("How much is Velmora's new quarterly dividend?", ranked) == [
        DIVIDEND, REVENUE, SHARES]
    # the best holds a word asked: the ranking stands
    assert read_first("How much revenue did Velmora report?", ranked) is None
    # none of the next best does: nothing to move
    assert read_first("How much is Velmora's pension deficit?", ranked) is None


CAPTION = _ev("Marguerite Olsen performing at the Blue Lantern club in 1988.", 0)
DIED = _ev("Marguerite Olsen, the jazz pianist, died last Tuesday at her home.", 100)
BORN = _ev("Born in Duluth in 1939, Olsen moved to Port Alder at 19.", 200)


def test_when_someone_did_something_is_the_sentence_saying_they_did() -> None:
    assert read_first("When did Marguerite Olsen die?", [CAPTION, DIED, BORN]) == [
        DIED, CAPTION, BORN]
    assert read_first("When did Olsen move to Port Alder?", [BORN, CAPTION, DIED]) is None
    # an adverb is not the verb asked about
    elected = _ev("She was elected to the speaker post in 2007.", 400)
    whip = _ev("Pelosi became the first woman to lead as whip in 2001.", 500)
    assert read_first("When was Nancy Pelosi first elected speaker?", [elected, whip]) is None
    # a sentence without a date does not come first
    undated = _ev("Marguerite Olsen died peacefully, her family said.", 300, fit=0.5)
    assert read_first("When did Marguerite Olsen die?", [CAPTION, undated]) is None


def test_another_s_dividend_or_death_is_not_moved_first() -> None:
    """The review's: another company's dividend, another Olsen's death."""
    rival = _ev("Rival Corlex raised its quarterly dividend to 40 cents a share.", 300)
    assert read_first("How much is Velmora's new quarterly dividend?", [REVENUE, rival]) is None
    husband = _ev("Her husband, the pianist Paul Olsen, died in 2001.", 300)
    assert read_first("When did Marguerite Olsen die?", [CAPTION, husband]) is None


SPEECH = _ev("'Tonight Kelvedon West voted for warm homes,' Ms Corrigan said.", 0, fit=0.5)
MARGIN = _ev("The Greens have won the Kelvedon West by-election by 87 votes.", 100, fit=0.5)
TURNOUT = _ev("Turnout was 41.3%, down from 63.8% at the general election.", 200, fit=0.5)


def test_a_sentence_holding_every_word_asked_is_read_first() -> None:
    """"What was the turnout in Kelvedon West?" quoted Ms Corrigan's speech: the reader
    scored "Turnout was 41.3%…", of the same article, near zero."""
    ranked = [SPEECH, MARGIN, TURNOUT]
    assert read_first("What was the turnout in Kelvedon West?", ranked) == [
        TURNOUT, SPEECH, MARGIN]
    # The words of when it is asked are no part of what is asked.
    assert read_first("What was the turnout in Kelvedon West this year?", ranked) == [
        TURNOUT, SPEECH, MARGIN]
    # Another article's sentence must name whom the question names.
    elsewhere = _ev("Turnout was 38% in Brenford.", 300, fit=0.5)
    other = Evidence(0, "b", 300, 300 + len(elsewhere.text), elsewhere.text, 0.3, 0.3, fit=0.5)
    assert read_first("What was the turnout in Kelvedon West?", [SPEECH, other]) is None
    assert read_first("Who won the by-election in Kelvedon West?", ranked) == [
        MARGIN, SPEECH, TURNOUT]
    # The best sentence holds every word asked: the ranking stands.
    assert read_first("Who voted for warm homes in Kelvedon West?", ranked) is None


def test_what_was_said_is_not_answered_by_the_questions_words() -> None:
    """The review's: "What did the mayor say about the budget?" moved "The mayor will present
    the budget" ahead of the mayor's words."""
    words = _ev("'We cannot spend what we do not have,' Mayor Ruiz said.", 0, fit=0.5)
    plan = _ev("The mayor will present the budget on Monday.", 100, fit=0.5)
    assert read_first("What did Mayor Ruiz say about the budget?", [words, plan]) is None
    assert read_first("When will the mayor present the budget?", [words, plan]) == [plan, words]


def test_a_table_row_with_the_figure_asked_is_read_before_a_sentence_without_one() -> None:
    """"How many systems did Pelham ship in the fourth quarter?" was turned away ("the closest
    sentence does not give the figure asked for") over "…reported fourth-quarter revenue of
    £412.6 million", with the table's row "Systems shipped | Q4 2025: 2,940 | …" second: the
    best sentence holds some words asked but no figure of the thing counted, and a table's
    column names and a quarter's label are no one's names."""
    from assistant.compose import Abstention, judged_again
    from assistant.said_first import read_again

    revenue = _ev("Pelham Robotics reported fourth-quarter revenue of £412.6 million.", 0,
                  fit=0.5)
    row = _ev("Systems shipped | Q4 2025: 2,940 | Q4 2024: 2,310 | Change: +27%", 100)
    question = "How many systems did Pelham ship in the fourth quarter?"
    turned = Abstention("the closest sentence does not give the figure asked for", of_best=True)
    assert read_again(question, "number", [revenue, row], turned) == ([row, revenue], None)
    # A reason not about the best sentence alone stands.
    other = Abstention("no sentence in them surely answers it")
    assert read_again(question, "number", [revenue, row], other) == ([row, revenue], other)
    assert judged_again(None, [row], "number", question) is None


def test_a_sentence_about_the_other_side_gives_way() -> None:
    """"Who won the men's Valmont Marathon?" was answered by the women's winner: the best
    sentence was about the women's race only."""
    women = _ev("The women's race was won by Amara Lindgren, in 2:19:47.", 0)
    men = _ev("Elias Kiprotich broke the course record on Sunday, winning the men's race.", 100)
    assert read_first("Who won the men's Valmont Marathon?", [women, men]) == [men, women]
    # asked about the women's race, or about no side, the ranking stands
    assert read_first("Who won the women's race?", [women, men]) is None
    assert read_first("Who won the Valmont Marathon?", [women, men]) is None
    # a sentence naming no side is not put first ("Lindgren's time was a course record")
    record = _ev("Lindgren's time was a course record.", 300)
    assert read_first("Who won the men's Valmont Marathon?", [women, record, men]) == [
        men, women, record]
    # a next best about the other side too moves nothing
    girls = _ev("The girls' race was won by Ana Ruiz.", 200)
    relay = _ev("The girls' relay went to Harlow.", 300)
    assert read_first("Who won the boys' race?", [girls, relay]) is None



SHORE = _ev("Independent candidate Gavin Shore received 611 votes.", 0)
CORRIGAN = _ev("Corrigan, 34, a former nurse, received 8,214 votes.", 100)
TURNOUT = _ev("Turnout was 41 per cent, the returning officer said.", 200)


def test_asked_about_someone_the_sentence_naming_them_is_read_before_another_s() -> None:
    """The eighth tester's: "How many votes did Hannah Corrigan get?" was answered with Gavin
    Shore's 611 votes, the best sentence naming him and not her."""
    assert read_first("How many votes did Hannah Corrigan get?", [SHORE, TURNOUT, CORRIGAN]
                      ) == [CORRIGAN, SHORE, TURNOUT]
    # the best names them, or no next best names them: it stands
    assert read_first("How many votes did Gavin Shore get?", [SHORE, CORRIGAN]) is None
    # Asked who or which, the answer may be another person (a natural tuning question's:
    # "Which former Republican speaker said Nancy Pelosi could be the strongest…?").
    assert read_first("Which candidate beat Hannah Corrigan?", [SHORE, TURNOUT, CORRIGAN]
                      ) is None
    assert read_first("How many votes did Ruth Allanby get?", [SHORE, CORRIGAN]) is None


def test_how_long_something_will_last_does_not_ask_for_the_word_last() -> None:
    """The eighth tester's "How long will the second strike last?" quoted "It is the first
    strike at Metrolink since 2011.": "last" asks how long, and no sentence says it."""
    first = _ev("It is the first strike at Metrolink since 2011.", 0, fit=0.5)
    deal = _ev("The last pay deal, agreed in March 2025, ran for one year.", 100)
    second = _ev("The union has announced a second, 72-hour strike starting on 12 March.", 200)
    ranked = [first, deal, second]
    assert read_first("How long will the second strike last?", ranked) == [second, first, deal]
    # "last" that is not the verb asked with is a word of what is asked.
    assert read_first("When was the last second strike?", ranked) is None
