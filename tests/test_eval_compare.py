"""`newsqa eval --compare`: what changed between two reports, the better as well as the worse."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from evals.compare import compare_reports, print_comparison


def _question(qid: str, passed: bool) -> dict[str, Any]:
    return {"id": qid, "category": "single_fact", "question": f"Question {qid}?",
            "passed": passed, "quotes_valid": True, "abstained": False, "answerable": True,
            "verdicts": {"correct": passed, "grounded": passed, "citation_recalled": passed,
                         "first_relevant_rank": 1, "answerable": True, "abstained": False}}


def _report(passing: dict[str, bool]) -> dict[str, Any]:
    return {"overall": {}, "categories": {},
            "questions": [_question(q, ok) for q, ok in passing.items()]}


def test_compare_names_what_regressed_and_what_now_passes() -> None:
    old = _report({"a": True, "b": False, "c": True})
    new = _report({"a": False, "b": True, "c": True})
    comparison = compare_reports(old, new)
    assert [r.id for r in comparison.regressed] == ["a"] and comparison.improved == ("b",)
    console = Console(record=True, width=120)
    print_comparison(comparison, console)
    shown = console.export_text()
    assert "1 question(s) regressed" in shown and "Question a?" in shown
    assert "now pass: b" in shown  # it said only how many
