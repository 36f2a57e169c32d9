"""Asked why, the sentence stating the cause is quoted (`assistant.causes`): the users' why
questions had been answered with a best sentence restating what was asked."""

from __future__ import annotations

import re

from assistant.causes import (
    asks_why,
    cause_after,
    cause_first,
    event_terms,
    states_cause,
    states_cause_strongly,
)
from assistant.extractive import _with_next
from assistant.question import Question, analyse
from assistant.rerank import Evidence
from index import Article

COURT = ("A judge has fined Coastline Water £3.7 million for sewage discharges.\n"
         "Coastline Water had pleaded guilty to 18 of the 24 charges. It contested the other "
         "six, arguing that storms had overwhelmed its systems. The company made a profit of "
         "£187 million.\n"
         "Rachel Moore said Coastline Water apologised.")


def _article(text: str) -> Article:
    return Article("a", "Water company fined", text, "court.html", "k")


def _ev(text: str, whole: str, score: float = 0.05) -> Evidence:
    at = whole.index(text)
    return Evidence(0, "a", at, at + len(text), text, score, score)


def _asked(text: str) -> Question:
    return analyse(text, text, None, None, None)


def test_why_questions_and_sentences_stating_a_cause() -> None:
    for why in ("Why was the by-election held?", "Why?", "What caused the house fire?",
                "why did torvane shares drop", "How come it fell?"):
        assert asks_why(why), why
    for other in ("Who is Whyte?", "What did the judge say?", "How many charges were there?"):
        assert not asks_why(other), other
    for cause in ("The by-election was called after the previous member resigned.",
                  "Shares fell 9.4% after the company cut its copper forecast.",
                  "It was caused by an e-bike battery.", "…citing strong wage growth.",
                  "a fall that local agents blamed on the closure of the glassworks",
                  "It is not an \"extraordinary circumstance\", so passengers can claim."):
        assert states_cause(cause), cause
    for none in ("The coastguard helicopter was unable to reach the corrie on Saturday night.",
                 "Five years after its sea wall was breached, the village has changed.",
                 "He was sent off for a second yellow card.", "after-tax profit rose 3%"):
        assert not states_cause(none), none


def test_the_next_sentence_stating_the_cause_is_quoted_with_the_best() -> None:
    """"Why did Coastline Water contest some charges?" was answered "Coastline Water had
    pleaded guilty to 18 of the 24 charges." alone: the storms are in the next sentence, which
    the reader scored under the bar for showing it."""
    best = _ev("Coastline Water had pleaded guilty to 18 of the 24 charges.", COURT)
    asked = _asked("Why did Coastline Water contest some charges?")
    quoted = [ev.text for ev in _with_next(best, [best], COURT, asked)]
    assert quoted == [best.text, "It contested the other six, arguing that storms had "
                                 "overwhelmed its systems."]
    # not asked why, or the next sentence gives no cause: the best sentence alone
    assert _with_next(best, [best], COURT, _asked("How many charges did it admit?")) == [best]
    contested = _ev("It contested the other six, arguing that storms had overwhelmed its "
                    "systems.", COURT)
    assert cause_after(_asked("Why did it make a profit?"), contested, COURT) is None


def test_a_next_sentence_about_something_else_is_not_quoted() -> None:
    """A cause of something not asked about: "…keeps his place after scoring two tries"
    holds no word of "Why is Cathal Rourke missing the game?"."""
    text = ("The hosts are without the lock Cathal Rourke, who is serving a ban. Young "
            "full-back Tadhg Moriarty keeps his place after scoring two tries last week.")
    best = _ev("The hosts are without the lock Cathal Rourke, who is serving a ban.", text)
    assert cause_after(_asked("Why is Cathal Rourke missing the game?"), best, text) is None


HELICOPTER = ("The coastguard helicopter Rescue 948 was unable to reach the corrie on Saturday "
              "night.\nWhen the cloud lifted on Sunday the helicopter returned.\nThe coastguard "
              "helicopter was forced to turn back because of low cloud and winds gusting at "
              "more than 50mph.\nThe pair were flown out later.")


def test_a_runner_up_stating_the_cause_is_read_first() -> None:
    """"Why couldn't the helicopter reach them on Saturday night?" was answered with the
    sentence that says it could not; the low cloud was the second runner-up."""
    unable, lifted, cloud, later = (_ev(s, HELICOPTER) for s in HELICOPTER.split("\n"))
    articles = {"a": _article(HELICOPTER)}
    ranked = [unable, lifted, cloud, later]
    asked = _asked("Why couldn't the helicopter reach them on Saturday night?")
    assert cause_first(asked, ranked, articles) == [cloud, unable, lifted, later]
    # not asked why; or the cause is past the runners-up read: the ranking stands
    assert cause_first(_asked("When did the helicopter return?"), ranked, articles) == ranked
    assert cause_first(asked, [unable, lifted, later, cloud], articles) == [
        unable, lifted, later, cloud]


HALDEN = ("Halden Motors will close its Tarnby engine plant next year as demand for diesel "
          "engines falls.\nAbout 600 people work at the site.\nThe Tarnby plant opened in 1978 "
          "after the county council offered the land at a peppercorn rent.")
LIND = ("Mayor Karen Lind resigned on Tuesday, saying she had lost the confidence of the "
        "council.\nLind was first elected mayor in 2019 after the previous mayor stepped down.\n"
        "Rail workers at Northline are striking on Saturday over pay. The last Northline strike, "
        "in March, was called off after talks at Acas.\nThe council will choose a new mayor.")


def _ranked(text: str) -> list[Evidence]:
    return [_ev(s, text) for s in re.split(r"(?<=\.)\s+", text)]


def test_a_best_sentence_that_answers_keeps_its_place() -> None:
    """"Why is Halden closing its Tarnby plant?" had been answered "…The Tarnby plant opened in
    1978 after the county council offered the land…" over "…as demand for diesel engines
    falls", and "Why did Mayor Lind resign?" "Lind was first elected mayor in 2019 after…"
    over "…, saying she had lost the confidence of the council"."""
    for text, asked in ((HALDEN, "Why is Halden closing its Tarnby plant?"),
                        (LIND, "Why did Mayor Lind resign?")):
        ranked = _ranked(text)
        best, background = ranked[0], next(ev for ev in ranked if "after" in ev.text)
        order = [best, background, *(ev for ev in ranked if ev not in (best, background))]
        assert cause_first(_asked(asked), order, {"a": _article(text)}) == order, asked
    for answered in ("Rail workers are striking over pay.", "The minister quit over the "
                     "handling of the inquiry.", "The game was postponed following a "
                     "waterlogged pitch.", "Shares fell on fears that orders would be cut.",
                     "He was arrested on suspicion of fraud.", "It was sparked by a cigarette.",
                     "Prices were fuelled by energy costs.", "The strike is in response to "
                     "job cuts.", "It comes in the wake of safety failures.", "Delays were "
                     "linked to a signal failure.", "Officials said heavy rain had caused the "
                     "landslide.", "The school closed when its boiler failed."):
        assert states_cause(answered), answered


def test_only_a_strong_cause_of_what_is_asked_is_read_first() -> None:
    """A runner-up is read over the best sentence only for a strong word of a cause, and where
    it holds what is asked about, not only a name."""
    kettles = ("Brenmore is recalling 40,000 kettles.\nThe company was forced to recall a "
               "toaster model in 2021.")
    ranked = _ranked(kettles)
    asked = _asked("Why is Brenmore recalling the kettles?")
    assert cause_first(asked, ranked, {"a": _article(kettles)}) == ranked
    lind = "Mayor Karen Lind resigned on Tuesday.\nLind missed March because of illness."
    ranked = _ranked(lind)
    assert cause_first(_asked("Why did Mayor Lind resign?"), ranked,
                       {"a": _article(lind)}) == ranked
    assert event_terms(_asked("Why did Mayor Lind resign?")) == {"resign"}


def test_an_unrelated_next_sentence_is_not_quoted() -> None:
    """"Why are Northline rail workers striking?" had been answered "…striking on Saturday over
    pay." with "The last Northline strike, in March, was called off after talks at Acas."."""
    best = _ev("Rail workers at Northline are striking on Saturday over pay.", LIND)
    assert cause_after(_asked("Why are Northline rail workers striking?"), best, LIND) is None
    fire = ("Investigators said a faulty charger had caused the fire at the Carrow warehouse. "
            "Firefighters were at the warehouse until after midnight.")
    best = _ev(fire.split(". ")[0] + ".", fire)
    assert cause_after(_asked("Why did the fire start at the Carrow warehouse?"), best,
                       fire) is None
    strike = ("Northline rail workers will strike on Saturday. The last Northline strike was "
              "called off after talks at Acas.")
    best = _ev("Northline rail workers will strike on Saturday.", strike)
    assert cause_after(_asked("Why are Northline rail workers striking?"), best, strike) is None


def test_time_background_and_false_cause_words_are_no_cause() -> None:
    for none in ("The bridge reopened after two years of repairs.", "Talks resumed after a "
                 "week.", "The bridge reopened after nineteen months.", "The ship was named "
                 "after the city's founder.", "She stayed to look after her mother.",
                 "After all, the council must balance its budget.", "The museum opens after "
                 "dark.", "Parents collect children after school.", "Decades after the mine "
                 "closed, the town is still recovering.", "Moments after the final whistle, "
                 "fans poured onto the pitch.", "After the meeting, the mayor spoke.",
                 "Lind was first elected mayor in 2019 after the previous mayor stepped down.",
                 "The charity, founded after the 2004 tsunami, works in 12 countries.",
                 "Reuters, citing people familiar with the matter, said the bid was £2bn.",
                 "The report, citing figures from the ONS, said 1.2 million were waiting.",
                 "The paper has been cited 400 times.", "No reason was given.",
                 "He joined in 2019, so this is his fifth season.",
                 "The vote was held amid tight security."):
        assert not states_cause(none), none
    for strong in ("Shares fell 9.4% after the company cut its copper forecast.",
                   "The by-election was called after the previous member, Gordon Pell, "
                   "resigned in November.", "…citing strong wage growth.",
                   "It was caused by an e-bike battery."):
        assert states_cause_strongly(strong), strong
    for weak in ("The company was forced to recall a toaster.", "The fire led to an "
                 "evacuation.", "The last strike was called off after talks at Acas."):
        assert states_cause(weak) and not states_cause_strongly(weak), weak
