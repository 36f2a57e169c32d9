"""Which of two figures said together a question asks for (`assistant.parts`): the eighth
tester's "How many charges did Coastline Water plead guilty to?" was led "24 charges" over
"…pleaded guilty to 18 of the 24 charges", and "How much did Brightfield shares rise?" "$36.60"
over "…jumped 22 per cent to $36.60"."""

from __future__ import annotations

import pytest

from assistant.parts import moved_by, part_count


def _at(sentence: str, figure: str) -> int:
    return sentence.index(figure)


@pytest.mark.parametrize(("question", "sentence", "read", "part"), [
    ("How many charges did it plead guilty to?", "It pleaded guilty to 18 of the 24 charges.",
     "24", "18"),
    ("How many charges did it plead guilty to?", "It pleaded guilty to 18 of the 24 charges.",
     "18", "18"),
    ("How many items did Magpie sort correctly?", "It sorted 96 of 100 items correctly.",
     "100", "96"),
    ("How many of the seats did Labour gain?", "Labour gained three out of 5 seats.", "5",
     "three"),
    # Asked for the whole, or a figure that is no whole: no part.
    ("How many charges did it face in total?", "It pleaded guilty to 18 of the 24 charges.",
     "24", None),
    # The review's: what the question asks said of the whole, or of nothing, or a share.
    ("How many passengers were on board the minibus?", "Three of the 12 passengers on board "
     "a minibus were killed.", "12", None),
    ("How many adults were surveyed?", "Some 62% of 2,000 adults surveyed by YouGov agreed.",
     "2,000", None),
    ("How many charges did he face?", "He was convicted on 18 of the 24 charges he faced.",
     "24", None),
    ("How many charges did it plead guilty to?", "It faced 24 charges and admitted most.",
     "24", None),
])
def test_a_part_of_a_whole_is_what_befell_it(question: str, sentence: str, read: str,
                                             part: str | None) -> None:
    span = part_count(sentence, _at(sentence, read), question)
    assert (sentence[span[0]:span[1]] if span else None) == part


@pytest.mark.parametrize(("question", "sentence", "read", "by"), [
    ("How much did Brightfield shares rise on Monday?",
     "Brightfield's shares jumped 22 per cent to $36.60 on Monday.", "$36.60", "22 per cent"),
    ("How much did the index fall?", "The index fell 3% to 7,120.", "7,120", "3%"),
    # Where it got to said after a comma (the ninth tester's).
    ("How far did the arven drop against the dollar after the announcement?",
     "The arven fell 0.8% against the dollar after the announcement, to 1.142.", "1.142",
     "0.8%"),
    ("How much did prices fall?", "Sales rose 4% in March, and prices fell, to 1.2 on average.",
     "1.2", None),
    # The review's: another's move in another clause, or a move the other way.
    ("How much did the yen fall?", "The euro gained 0.5% on Tuesday and the yen weakened, to "
     "151.2 per dollar.", "151.2", None),
    ("How much did shares fall?", "Shares rose 4% on Monday, to $12.30.", "$12.30", None),
    # Where it got to is asked, or where it came from is said: nothing to move to.
    ("What price did the shares reach?", "The shares jumped 22 per cent to $36.60.", "$36.60",
     None),
    ("How much did the shares rise?", "The shares rose from $30 to $36.60.", "$36.60", None),
    # A range, not a move (the review's).
    ("How much will prices rise?", "Prices are forecast to rise 20 to 30 per cent.",
     "30 per cent", None),
])
def test_how_much_it_moved_is_not_where_it_got_to(question: str, sentence: str, read: str,
                                                  by: str | None) -> None:
    span = moved_by(sentence, _at(sentence, read), question)
    assert (sentence[span[0]:span[1]] if span else None) == by
