"""The tuning's records (`train.tune._records`) decide as `ask()` does: the name rule, which
asks the short answer's bar of the best sentence, is applied at that bar."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant import calibration
from tests.records import assistant_over

MATCH = {"id": "match", "title": "Arsenal draw at the Etihad", "source": "Sports Desk",
         "published": "2023-04-27",
         "text": "Arsenal drew 1-1 with Manchester City on Wednesday night.\n"
                 "The equaliser came from Gabriel Martinelli in the 88th minute, after a pass "
                 "from Bukayo Saka.\n"
                 "The draw leaves the title race open with five games left."}
QUESTION = {"id": "q1", "question": "Who scored Arsenal's equaliser against Manchester City?",
            "answer": "Gabriel Martinelli", "answerable": True}


def test_the_records_apply_the_name_rule_at_the_short_answers_bar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from train.tune import _records
    from train.tuningsets import TuningSet

    monkeypatch.setattr(calibration, "THRESHOLDS", replace(calibration.THRESHOLDS))
    shipped = calibration.THRESHOLDS
    sets = [TuningSet("natural", assistant_over([MATCH], tmp_path), [QUESTION], dated=False)]
    ranking = (shipped.combine, shipped.confidence, shipped.timeless)
    off = _records(sets, ranking)
    assert not off[0]["gated"]  # every span sure: the rule never abstains
    # No span sure enough: the best sentence, naming two people, does not clearly give one.
    at_bar = _records(sets, ranking, short=1e9)
    assert at_bar[0]["gated"] and at_bar[0]["short"] is None
