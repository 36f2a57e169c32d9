"""Asked why, the sentence stating the cause is quoted (`assistant.causes`): the users' why
questions had been answered with a best sentence restating what was asked."""

from __future__ import annotations

from assistant.causes import asks_why, cause_after, cause_first, states_cause
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
