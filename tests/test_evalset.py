"""The follow-up tuning conversations (`train/natural/followups.jsonl`): each leans on a natural
question of the same article, and `python -m train.evalset` writes them as a dataset the eval
harness loads, with the first turn as history."""

from __future__ import annotations

import json
from pathlib import Path

from evals.datasets import load_gold
from train.data import NATURAL
from train.evalset import followup_eval_set


def test_every_follow_up_leans_on_a_question_of_its_own_article() -> None:
    natural = {q["id"]: q for q in map(json.loads, (NATURAL / "questions.jsonl").open())}
    turns = [json.loads(line) for line in (NATURAL / "followups.jsonl").open()]
    assert len(turns) >= 80 and len({t["id"] for t in turns}) == len(turns)
    for t in turns:
        first = natural[t["after"]]
        assert first["answerable"]
        if "asks" in t:  # a natural question of the same article, reworded to lean on the first
            asked = natural[t["asks"]]
            assert first["id"] != asked["id"] and first["article_id"] == asked["article_id"]
            assert t["question"] != asked["question"]
        else:  # a question of its own about the first answer, its answer quoted in its evidence
            assert t["answerable"] == bool(t["answer"])
            assert t["answer"] in t["evidence"] and t["kind"]


def test_the_follow_ups_load_as_an_eval_dataset_with_their_history(tmp_path: Path) -> None:
    natural = {q["id"]: q for q in map(json.loads, (NATURAL / "questions.jsonl").open())}
    turns = {t["id"]: t for t in map(json.loads, (NATURAL / "followups.jsonl").open())}
    target = tmp_path / "followups.jsonl"
    n = followup_eval_set(target)
    items = load_gold(target).items
    assert len(items) == n == len(turns)
    answerable = [i for i in items if i.category == "follow_up"]
    assert answerable and len(answerable) < n  # some ask what the article never says
    for item in items:
        turn = turns[item.id]
        first, asked = natural[turn["after"]], natural.get(turn.get("asks", ""), turn)
        assert [(m["role"], m["content"]) for m in item.history] == [
            ("user", first["question"]), ("assistant", first["answer"])]
        assert item.question == turns[item.id]["question"]
        assert item.must_include == (((asked["answer"],),) if asked["answerable"] else ())


def test_a_conversation_turn_is_tuned_as_a_follow_up_only_when_it_was_rewritten() -> None:
    from train.tune import _standalone

    records = [{"set": "natural", "follow_up": False}, {"set": "follow-up", "follow_up": True},
               {"set": "follow-up", "follow_up": False}]
    alone, follow_ups = _standalone(records)
    assert alone == [records[0], records[2]] and follow_ups == [records[1]]
