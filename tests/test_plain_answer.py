"""A best sentence that plainly gives what is asked answers, whatever the answerability model
makes of its scores (`assistant.plain_answer`), and one of the right kind about another thing
does not."""

from __future__ import annotations

from dataclasses import replace

from assistant.compose import abstention
from assistant.plain_answer import plain_first, plainly_answers
from assistant.rerank import Evidence
from index import Article


def _ev(text: str, fit: float = 0.5, score: float = 0.05) -> Evidence:
    return Evidence(0, "a", 0, len(text), text, score, score, (0, 5), 5.0, fit=fit)


REWARD = ("The shop's insurer, Castlegate Mutual, has offered a reward of up to £5,000 for "
          "information leading to the recovery of the watches.")
HELPLINE = ("Customers can check whether their kettle is affected by calling the recall "
            "helpline on 0800 028 4417, which is open from 8am to 8pm every day.")
TURNOUT = "Turnout was 41.2 per cent, down from 63 per cent at the general election in 2024."
STORM = ("The storm, a Category 4 system when it crossed the coast near Port Haldane at about "
         "10:40pm, had weakened to Category 2 by Monday evening.")


def test_a_sentence_giving_the_kind_asked_of_what_is_asked_answers(doubtful: None) -> None:
    rest = [_ev("Police appealed for witnesses."), _ev("The shop reopened on Monday.")]
    ranked = [_ev(REWARD, fit=1.0), *rest]
    # Before: "no sentence in them surely answers it", over a sentence saying the reward.
    assert abstention(ranked, False, 0.5, "number", question="How big is the reward?") is None
    # The same figure, not of the thing counted in the unit asked: still doubted.
    weak = [_ev(REWARD, fit=0.5), *rest]
    assert abstention(weak, False, 0.5, "number", question="How big is the reward?") is not None
    phone = [_ev(HELPLINE), *rest]
    assert abstention(phone, False, 0.5, "other",
                      question="What's the phone number for the recall helpline?") is None


def test_the_kind_asked_about_another_thing_does_not_answer() -> None:
    # A by-election's turnout, asked the strike ballot's: the question's words are missing.
    assert not plainly_answers("What was the turnout in the strike ballot?", _ev(TURNOUT),
                               "other")
    assert plainly_answers("What was the turnout in the by-election?",
                           _ev("Turnout in the by-election was 41.2 per cent."), "other")
    # A figure's names must be in its sentence: "Adeyemi, 19," is no age of Yuki Tanabe's.
    assert not plainly_answers("How old is Yuki Tanabe?",
                               _ev("Adeyemi, 19, came on for Mensah.", fit=1.0), "number",
                               title="Yuki Tanabe leads Rovers into the semi-finals")
    # A question of no told kind, or asking after nothing but its kind, is left to the scores.
    assert not plainly_answers("Why did the council delay the vote?", _ev(TURNOUT), "other")
    assert not plainly_answers("How much did it cost?", _ev("It cost £5,000.", fit=1.0),
                               "number")


def test_a_place_asked_where_may_be_named_in_the_headline() -> None:
    question = "Near which town did Cyclone Marisa cross the coast?"
    assert plainly_answers(question, _ev(STORM), "other",
                           title="Cyclone Marisa weakens after crossing the coast")
    assert not plainly_answers(question, _ev(STORM), "other", title="Storms batter the north")
    assert not plainly_answers("Where will the talks be held?",
                               _ev("The funeral will be held at St Ia's Church, Porthkennack."),
                               "other")


STRIKE = ("The Transit Workers Union said 87 per cent of members who voted backed the strike, "
          "on a turnout of 72 per cent in the ballot.")


def test_a_runner_up_plainly_answering_is_read_first_where_the_best_does_not() -> None:
    question = "What was the turnout in the strike ballot?"
    best, second, third = _ev(TURNOUT), _ev(STRIKE), _ev("Drivers start on £26,800 a year.")
    assert plain_first(question, [best, second, third], "other", {}) == [second, best, third]
    # The best plainly answering is read first already; a runner-up of another thing is not.
    assert plain_first(question, [second, best, third], "other", {}) is None
    assert plain_first(question, [best, third], "other", {}) is None
    assert plain_first(question, [best], "other", {}) is None


def test_a_sentence_about_another_occasion_does_not_answer() -> None:
    # Review v1 P1: another raid's reward, "last year" (the old rule answered it).
    assert not plainly_answers(
        "How big is the reward?",
        _ev("A reward of £2,000 offered after a similar raid in Lowmoor last year led to two "
            "arrests, officers said.", fit=1.0), "number", year="2026")
    # P2: a funeral of 2019 in a report of 2026.
    wife = _ev("His wife, Mary, died in 2019; her funeral at St Ia's Church drew hundreds of "
               "mourners.")
    assert not plainly_answers("Where is the funeral?", wife, "other", year="2026")
    # P3: the bus drivers' last ballot, asked the rail strike's.
    bus = _ev("In the last ballot of bus drivers, in 2024, 81 per cent backed strike action on a "
              "turnout of 58 per cent.")
    assert not plainly_answers("What was the turnout in the strike ballot?", bus, "other",
                               year="2026")
    # Asked of the earlier occasion, or of the year named, it answers.
    assert plainly_answers("What was the turnout in the last strike ballot?", bus, "other",
                           year="2026")


def test_a_one_word_question_answers_only_by_the_one_article_holding_the_word() -> None:
    # P2 without its year: another article read has a funeral too.
    her = _ev("Her funeral at St Ia's Church drew hundreds of mourners.")
    his = replace(_ev("His funeral will be held at Truro Cathedral."), article_id="b")
    assert not plainly_answers("Where is the funeral?", her, "other", rest=[his])
    assert plainly_answers("Where is the funeral?", her, "other",
                           rest=[replace(his, article_id="a"), _ev("He was 71.")])


def test_a_runner_up_must_hold_every_word_of_the_question() -> None:
    # P3 without its marker: the missing "rail" tells the two ballots apart.
    question = "What was the turnout in the rail strike ballot?"
    best = _ev("Turnout was 31 per cent.")
    bus = _ev("Of bus drivers, 81 per cent backed strike action in a ballot on a turnout of 58 "
              "per cent.")
    rail = replace(_ev("The rail strike began on Thursday."), article_id="r")
    assert plain_first(question, [best, bus, rail], "other", {}) is None
    assert plainly_answers(question, bus, "other")  # the override's 2/3 share alone held
    # A word the sentence leaves to its article ("ballot") is held.
    strike = _ev("The union said 87 per cent of members who voted backed the rail strike, on a "
                 "turnout of 72 per cent.")
    report = Article(id="a", title="Rail workers back strike", source="a.txt",
                     source_key="a.txt", text=f"The ballot closed on Friday. {strike.text}")
    assert plain_first(question, [best, strike], "other", {"a": report}) == [strike, best]
    assert plain_first(question, [best, bus], "other", {}) == [bus, best]


def test_a_year_spanned_or_tabled_is_no_other_occasion() -> None:
    assert plainly_answers(
        "How much duty did the smugglers evade?",
        _ev("The smugglers brought cigarettes in between June 2023 and November 2024, evading "
            "about £3.2 million in duty.", fit=1.0), "number", year="2026")
    assert plainly_answers("What colour is the fog warning?",
                           _ev("The NMO has issued a yellow warning for fog."), "other")


def test_spans_of_the_kind_that_are_no_answer() -> None:
    # A month after "in" is no place; a colour naming a line no colour; a change no rate.
    assert not plainly_answers("Where will the Harbourside Food Festival be held?",
                               _ev("The Harbourside Food Festival will be held in August."),
                               "other")
    assert not plainly_answers("What colour are the new Metro trains?",
                               _ev("The new Metro trains will run on the Green Line."), "other")
    assert not plainly_answers(
        "What is the youth unemployment rate in Norland?",
        _ev("Youth unemployment claims in Norland rose 12 per cent over the year."), "other")
    # The date a sentence was said on is not the date asked.
    assert not plainly_answers(
        "When will the new bridge open?",
        _ev("Work on the new bridge is due to finish soon, the county council said on Monday.",
            fit=1.0), "date")
    # Another phone number than the helpline's.
    assert not plainly_answers(
        "What is the phone number for the recall helpline?",
        _ev("Customers can call the firm's customer services team on 0800 123 4567, though a "
            "dedicated recall helpline will not open until Monday."), "other")
    assert plainly_answers("What is the phone number for the recall helpline?", _ev(HELPLINE),
                           "other")


def test_the_headline_does_not_stand_in_for_a_name_the_sentence_gives_another() -> None:
    tomas = _ev("Last March, Cyclone Tomas crossed the coast near Port Haldane.")
    assert not plainly_answers("Where did Cyclone Marisa cross the coast?", tomas, "other",
                               title="Cyclone Marisa strengthens")
    tomas = _ev("Cyclone Tomas crossed the coast near Port Haldane.")
    assert not plainly_answers("Where did Cyclone Marisa cross the coast?", tomas, "other",
                               title="Cyclone Marisa strengthens")
