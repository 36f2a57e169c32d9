"""A colour, a number to call, a time of day: the answer shows the form asked, read first from
further down the ranking, or the articles don't say (`assistant.asked_form`): cases the new
users met."""

from __future__ import annotations

import pytest

from assistant.asked_form import asked_form, form_first, form_unsaid, gives_form
from assistant.evidence import kind_fit
from assistant.rerank import Evidence


def _ev(text: str, at: int, article: str = "a") -> Evidence:
    return Evidence(0, article, at, at + len(text), text, 0.3, 0.3)


LEDE = _ev("A 1961 Jaguar E-Type that spent 46 years in a Suffolk barn has sold at auction for "
           "£386,400, almost twice its top estimate.", 0)
PAINTED = _ev("The car, painted in its original Opalescent Silver Blue, was covered in dust.", 200)
SALE = _ev("It went under the hammer at Fenwright & Cole's spring sale in Newmarket on Friday.",
           300)
OPENED = _ev("The long-awaited tram extension to Kirkhaven opened to passengers on Sunday.", 0)
FIRST = _ev("The first tram left Castlegate at 6.02am, carrying about 150 passengers.", 100)
RECALL = _ev("A Columbus-based appliance company is recalling about 312,000 slow cookers.", 0)
TOLL_FREE = _ev("Hearthline can be reached toll-free at 800-555-0147 from 8 a.m. to 8 p.m.", 400)


def test_the_form_asked() -> None:
    assert asked_form("what colour is the barn find e-type") == "colour"
    assert asked_form("Which colours does the Arc 3 come in?") == "colour"
    assert asked_form("What number do I call about the slow cooker recall?") == "phone"
    assert asked_form("What's the phone number for the recall helpline?") == "phone"
    assert asked_form("What number did Salt Roads reach in the album chart?") is None
    assert asked_form("At what time did Halcyon-2 lift off?") == "clock"
    assert asked_form("In what time?") is None  # a race's time: a span
    assert asked_form("What time of year do the geese arrive?") is None


def test_the_form_shown() -> None:
    assert gives_form("colour", PAINTED.text) and not gives_form("colour", LEDE.text)
    assert gives_form("phone", TOLL_FREE.text) and not gives_form("phone", RECALL.text)
    assert gives_form("phone", "Anyone who saw her is asked to call police on 101.")
    assert not gives_form("phone", "It sold 14,200 units in 2024 and 2025.")
    assert gives_form("clock", FIRST.text) and not gives_form("clock", OPENED.text)
    assert gives_form("clock", "The quake struck at 23:52 local time.")
    assert not gives_form("clock", "He completed his 30th marathon in 5:58:30.")


def test_a_sentence_showing_the_form_is_read_first() -> None:
    """"what colour is the barn find e-type" was answered with the lede, naming no colour."""
    assert form_first("what colour is the barn find e-type", [LEDE, SALE, PAINTED]) == [
        PAINTED, LEDE, SALE]
    assert form_first("What time did the first tram to Kirkhaven leave?", [OPENED, FIRST]) == [
        FIRST, OPENED]
    # the best shows it: the ranking stands; nothing asked of a form: nor does it
    assert form_first("what colour is the barn find e-type", [PAINTED, LEDE]) is None
    assert form_first("How much did the E-Type sell for?", [LEDE, PAINTED]) is None
    # another article's sentence only among the closest
    far = [LEDE, SALE, _ev("x", 500), _ev("y", 600), _ev("Red, it was.", 0, article="b")]
    assert form_first("what colour is the barn find e-type", far) is None


def test_none_showing_the_form_is_no_answer() -> None:
    """"What number do I call about the slow cooker recall?" was answered with the lede."""
    assert form_unsaid("What number do I call about the recall?", [RECALL, LEDE]) == (
        "none of the sentences closest to it gives the number to call asked for")
    assert form_unsaid("What number do I call about the recall?", [RECALL, TOLL_FREE]) is None
    assert form_unsaid("Who recalled the slow cookers?", [RECALL]) is None


def test_what_time_is_answered_by_a_time_of_day_not_a_day() -> None:
    question = "What time did the first tram to Kirkhaven leave?"
    assert kind_fit("date", OPENED.text, question) == 0.0
    assert kind_fit("date", FIRST.text, question) == 1.0
    assert kind_fit("date", OPENED.text, "When did the tram extension open?") == 1.0


def test_a_number_to_call_is_read_from_further_down() -> None:
    """"Hearthline can be reached toll-free at 800-555-0147…" stood ninth under the lede."""
    ranked = [RECALL, *(_ev(f"Sentence {i} of the story.", 50 * i) for i in range(1, 8)),
              TOLL_FREE]
    assert form_first("What number do I call about the slow cooker recall?", ranked) == [
        TOLL_FREE, *ranked[:-1]]


# Review v3's counter-examples (/work/exp/review-v3.md): each misfired on i2.
GREEN_LEDE = _ev("The Green Line extension to Millbrook opened to passengers on Saturday after "
                 "four years of construction.", 0)
EMERALD = _ev("The new trains are painted in an emerald and charcoal livery chosen by a public "
              "vote last year.", 300)


@pytest.mark.parametrize("sentence", [
    GREEN_LEDE.text,
    "The British Red Cross has added six emergency response vehicles to its fleet.",
    "The chain hopes the new look will draw crowds to its Black Friday sale, which starts on "
    "27 November.",
])
def test_a_colour_word_in_a_name_is_no_colour(sentence: str) -> None:
    assert not gives_form("colour", sentence)


@pytest.mark.parametrize("sentence", [
    EMERALD.text,
    "The new vans are painted a bright coral so that they can be seen in poor light.",
    "The redesigned logo, a saffron circle around a lower-case f, will appear on shopfronts.",
    "The buses wear a lavender livery with the council's crest on each side.",
])
def test_colours_of_fewer_names(sentence: str) -> None:
    assert gives_form("colour", sentence)


def test_no_name_is_read_first_for_its_colour_word() -> None:
    """"What colour are the new Green Line trains?" was answered with the Green Line's lede."""
    assert form_first("What colour are the new Green Line trains?", [EMERALD, GREEN_LEDE]) is None


@pytest.mark.parametrize("sentence", [
    "Residents can report potholes by calling 311 or by using the city's app.",
    "Anyone who sees someone in difficulty on the coast should dial 999 and ask for the "
    "coastguard.",
    "People can give £10 by texting FLOOD to 70085.",
])
def test_a_short_number_called_is_a_number_to_call(sentence: str) -> None:
    assert gives_form("phone", sentence)


@pytest.mark.parametrize("sentence", [
    "Volunteers contacted families at 180 addresses in the first three days.",
    "Last winter, staff contacted residents at 450 care homes and sheltered housing schemes.",
])
def test_a_count_is_no_number_to_call(sentence: str) -> None:
    assert not gives_form("phone", sentence)


@pytest.mark.parametrize(("question", "ranked"), [
    ("What number do I call about the Nestwell baby monitor recall?",
     ["The recall covers the Nestwell Calm 2 monitor, sold between March 2025 and May 2026.",
      "Anyone who believes a fire has started should call the fire service on 999.",
      "Consumers unhappy with how a recall is handled can call the Citizens Advice consumer "
      "helpline on 0808 223 1133."]),
    ("What number should I call if I see someone in difficulty on the Cornish coast?",
     ["The coastguard has warned walkers to stay back from cliff edges after three rescues.",
      "The South West Coast Path Association can be contacted on 01752 896237 for advice on "
      "path closures."]),
])
def test_anothers_number_is_not_read_first(question: str, ranked: list[str]) -> None:
    assert form_first(question, [_ev(t, 100 * i) for i, t in enumerate(ranked)]) is None


@pytest.mark.parametrize("question", [
    "What time did Daniel Kiptoo run in the Lakeside Marathon?",
    "What time did Ava Reid swim in the 400m freestyle?",
    "What time period does the Eastbury shoplifting report cover?",
    "What time frame has Stanton council given for the bridge repairs?",
    "What time limit applies to parking in Market Square?",
])
def test_a_race_time_or_a_span_is_no_time_of_day(question: str) -> None:
    assert asked_form(question) is None


@pytest.mark.parametrize(("question", "ranked"), [
    ("What time will the Harwick by-election result be announced?",
     ["The count will take place at the Leisure Centre, and the result is expected on Friday "
      "morning.", "Polls open at 7am and close at 10pm."]),
    ("What time does the Edgeford summer festival start?",
     ["Trams in Edgeford will run later during the city's summer festival, which starts on "
      "Sunday.", "During the festival the last tram from Festival Square will leave at 11.40pm."]),
    ("What time will the last train leave Harbour Street?",
     ["The last train from Harbour Street will run half an hour later on Fridays.",
      "The first train of the day will leave Harbour Street at 5.15am."]),
])
def test_another_events_time_is_not_read_first(question: str, ranked: list[str]) -> None:
    assert form_first(question, [_ev(t, 100 * i) for i, t in enumerate(ranked)]) is None


def test_a_time_in_words_is_read_first() -> None:
    """"What time does the sun set…?" was answered with the sunrise's 4:52am."""
    lede, rose, sets = (_ev("About 9,000 people gathered at Stonebury stone circle.", 0),
                        _ev("The sun rose at 4:52am, greeted by cheers.", 100),
                        _ev("The sun will set this evening at a quarter past nine.", 200))
    assert form_first("What time does the sun set at Stonebury?", [lede, rose, sets]) == [
        sets, lede, rose]


def test_a_part_of_the_day_answers_what_time() -> None:
    question = "What time will the Harwick by-election result be announced?"
    assert kind_fit("date", "The result is expected on Friday morning.", question) == 1.0
    assert kind_fit("date", "The festival starts on Sunday.", question) == 0.0


def test_hours_until_say_when_a_place_closes() -> None:
    """"what time does ashby road library close on thursdays" (u13 q050) is answered by the
    hours, though they say no "close"."""
    lede = _ev("The library closed in July.", 0)
    hours = _ev("It will now open six days a week, from 9am to 6pm, with late opening until 8pm "
                "on Thursdays.", 100)
    assert form_first("what time does ashby road library close on thursdays",
                      [lede, hours]) == [hours, lede]
