"""The ask worker: `Assistant.ask` (or `stream`) per backend, warm, over the bench questions,
each answer scored beside its time; optionally while the UI's background adding of sentence
vectors runs beside the questions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import peak_rss_mb
from bench.registry import to_ms, worker

__all__ = ["ask"]

# One question asked: the answer, its seconds, and the seconds to its first token (streamed).
Asker = Callable[[str], tuple[Any, float, float | None]]


@dataclass
class _Asked:
    """What the passes measured: every pass's times, the first pass's answers, the errors."""

    passes: list[list[float]] = field(default_factory=list)
    ttft: list[float] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def record(self, q: dict[str, Any], item: Any, answer: Any, seconds: float,
               first: float | None, correct: Callable[[Any, Any], bool]) -> None:
        if first is not None:
            self.ttft.append(to_ms(first))
        self.records.append({
            "id": q["id"], "answerable": bool(item and item.answerable),
            "correct": bool(item and item.answerable and correct(item, answer)),
            "abstained": answer.abstained, "ms": to_ms(seconds),
            "ttft_ms": None if first is None else to_ms(first),
            "retrieve_ms": answer.timings.retrieve_ms,
            "answer": answer.text[:300],
        })

    def results(self, planned: int) -> dict[str, Any]:
        """`planned`: the questions times the passes."""
        return {"passes_ms": [p for p in self.passes if p],
                "ttft_ms": self.ttft, "records": self.records, "errors": self.errors,
                "unasked": planned - sum(map(len, self.passes)) - len(self.errors)}


@worker
def ask(args: dict[str, Any]) -> dict[str, Any]:
    from assistant import Assistant
    from assistant.settings import Settings
    from evals.datasets import load_realtimeqa
    from evals.metrics import answer_correct

    extra: dict[str, Any] = {}
    if args.get("openai_base_url"):
        extra = {"openai_base_url": args["openai_base_url"], "model": args["model"]}
    settings = Settings(store=Path(args["store"]), llm=args["llm"], top_k=args.get("top_k", 6),
                        _env_file=None, **extra)
    assistant = Assistant(settings)
    items = {i.id: i for i in load_realtimeqa(Path(args["dataset"])).items}
    questions: list[dict[str, Any]] = args["questions"]
    stream = args.get("stream", False)
    t0 = time.perf_counter()
    for q in (args.get("warmup_questions") or questions[:1]):
        assistant.ask(q["question"])
    warm_seconds = time.perf_counter() - t0
    # As in the UI right after it starts: its sentence vectors being added beside the questions.
    warming = _warm_beside(assistant) if args.get("warming") else None
    asked = _ask_passes(args, _asker(assistant, stream), items, answer_correct)
    beside = {} if warming is None else {"warming": warming()}
    return {**beside, "llm": args["llm"], "stream": stream,
            **asked.results(len(questions) * args.get("passes", 1)),
            "warmup_seconds": round(warm_seconds, 2), "peak_rss_mb": peak_rss_mb()}


def _asker(assistant: Any, stream: bool) -> Asker:
    """One question, asked and timed (and its first token, when streamed)."""
    from assistant import Answer

    def one(text: str) -> tuple[Answer, float, float | None]:
        start = time.perf_counter()
        if not stream:
            answer = assistant.ask(text)
            return answer, time.perf_counter() - start, None
        first = None
        final = None
        for item in assistant.stream(text):
            if isinstance(item, Answer):
                final = item
            elif first is None and item.strip():
                first = time.perf_counter() - start
        assert final is not None
        return final, time.perf_counter() - start, first

    return one


def _ask_passes(args: dict[str, Any], one: Asker, items: dict[str, Any],
                correct: Callable[[Any, Any], bool]) -> _Asked:
    """Every question once per pass, within the time budget; the first pass's answers kept."""
    asked = _Asked()
    budget = args.get("budget_seconds")
    began = time.perf_counter()
    for p in range(args.get("passes", 1)):
        times = []
        for q in args["questions"]:
            if budget and time.perf_counter() - began > budget:
                break  # the rest is left unasked: said in the results
            start = time.perf_counter()
            try:
                answer, seconds, first = one(q["question"])
            except Exception as exc:  # e.g. the backend's timeout: recorded, not fatal
                asked.errors.append({"id": q["id"], "error": f"{type(exc).__name__}: {exc}",
                                     "seconds": round(time.perf_counter() - start, 1)})
                continue
            times.append(to_ms(seconds))
            if p == 0:
                asked.record(q, items.get(q["id"]), answer, seconds, first, correct)
        asked.passes.append(times)
    return asked


def _warm_beside(assistant: Any) -> Callable[[], dict[str, Any]]:
    """Start the UI's background adding of sentence vectors; the returned call stops it and
    says how many it added and whether it was still at it when the questions were done."""
    import threading

    stop, done = threading.Event(), {"added": 0}
    thread = threading.Thread(target=lambda: done.update(
        added=assistant.index.add_sentence_vectors(stop, background=True)), daemon=True)
    thread.start()

    def finish() -> dict[str, Any]:
        running = thread.is_alive()
        stop.set()
        thread.join()
        return {"added": done["added"], "still_adding_after_the_last_question": running}

    return finish
