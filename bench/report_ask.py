"""The ask() section of results.md: each backend's latency (and time to first token) beside
its answers' accuracy, with notes on the sentence vectors and on questions not answered."""

from __future__ import annotations

from typing import Any

from .report_text import fmt, fmt_spread, pct, table

__all__ = ["render_ask"]

_ABOUT = (
    "Questions: the RealTime QA questions all of whose search results are among the ingested "
    "articles (all answerable), asked open-ended against the store of those articles (every "
    "article once). Accuracy is the benchmark's rule (`evals.metrics.answer_correct`: the "
    "gold answer within the first 60 words). local and openai are streamed "
    "(`Assistant.stream`): TTFT is the first non-empty delta (an abstention is emitted at "
    "once, so it counts too); their spread is over questions (one pass). Extractive "
    "asks every question twice: pass 1 is the figure (warm models, new questions); the "
    "second pass repeats the same questions, when the sentence-vector cache in "
    "`assistant/evidence.py` already holds their sentences. The openai "
    "backend talks to `python -m llama_cpp.server` with the same SmolLM2-135M GGUF on "
    "127.0.0.1.")


def render_ask(results: dict[str, Any]) -> list[str]:
    ask = results.get("ask")
    if not ask or "backends" not in ask:
        return ["## ask()", "", f"Skipped: {(ask or {}).get('skipped', 'not run')}", ""]
    rows, problems = _rows(ask["backends"])
    return [
        "## ask() per backend (warm) and answer quality beside it",
        "",
        _ABOUT,
        "",
        *_sentences_note(ask["backends"]),
        *table(["backend", "questions x passes", "p50 ms (pass 1)", "p95 ms", "TTFT p50 ms",
                "retrieve p50 ms", "abstained", "answerable correct", "peak RSS MiB"], rows),
        *(["Not answered:", "", *problems, ""] if problems else []),
    ]


def _rows(backends: dict[str, Any]) -> tuple[list[list[str]], list[str]]:
    """The table's row of each backend, and the questions not answered."""
    rows = []
    problems = []
    for name, b in backends.items():
        for e in b.get("errors", []):
            problems.append(f"- {name}, question {e['id']}: {e['error']} (after {e['seconds']} s)")
        if b.get("unasked"):
            problems.append(f"- {name}: {b['unasked']} question(s) left unasked (time budget)")
        if "p50_ms" not in b:
            rows.append([name, "0", *["—"] * 7])
            continue
        rows.append([
            name, f"{b['questions']} x {b['passes']}",
            f"{fmt(b.get('p50_first_pass_ms'), 0)}"
            + (f" (again: {fmt(b['p50_repeat_pass_ms'], 0)})" if b.get("p50_repeat_pass_ms")
               else ""),
            fmt(b.get("p95_first_pass_ms"), 0),
            fmt_spread(b.get("ttft_ms"), 0) if b.get("ttft_ms") else "—",
            fmt(b["retrieve_ms_p50"], 0), str(b["abstained"]),
            f"{b['correct']}/{b['answerable']} = {pct(b['accuracy'])}",
            fmt(b["peak_rss_mb"], 0),
        ])
    return rows, problems


def _sentences_note(backends: dict[str, Any]) -> list[str]:
    added = (backends.get("extractive, sentence vectors stored") or {}).get("sentences_added")
    if not added:
        return []
    return [f"\"extractive, sentence vectors stored\" asks the same questions of a copy of the "
            "store to which the sentence vectors were added as the UI adds them in the "
            "background after it starts and after each upload (`NEWSQA_SENTENCE_VECTORS="
            "background`, the default; one sentence at a time, so that a question asked "
            f"meanwhile has a core): {added['sentences']:,} sentences embedded and written in "
            f"{added['seconds']:.1f} s, after which the UI answers at this speed; until then, "
            "and in a process that never adds them, at the plain \"extractive\" row's.", "",
            *_warming_note(backends)]


def _warming_note(backends: dict[str, Any]) -> list[str]:
    warming = (backends.get("extractive, while the sentence vectors are being added") or {}
               ).get("warming")
    if not warming:
        return []
    state = ("was still under way when the last question was answered: every question "
             "had it beside it" if warming["still_adding_after_the_last_question"] else
             "had finished before the last question: the later ones were asked without it")
    return ["\"extractive, while the sentence vectors are being added\" asks them of another "
            "copy without the vectors, in a process adding them in the background as the UI "
            f"does after it starts: {warming['added']:,} sentences were added meanwhile, and it "
            f"{state}.", ""]

