"""The question loop with a scripted assistant: caching, resuming, failures, the judge."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.settings import Settings
from assistant.types import Answer, Citation, Message, Timings
from evals.cache import AnswerCache, CachedAnswer, answer_from_dict, answer_to_dict
from evals.datasets import Dataset, EvalItem
from evals.errors import EvalError, JudgeError
from evals.judge import Judge
from evals.runner import MAX_FAILURES_IN_A_ROW, EvalOptions, run_eval

TEXT = "The council approved 12,000 new homes on Monday."


@dataclass(frozen=True)
class Art:
    text: str
    doc_id: str | None = None


class FakeIndex:
    def require_articles(self) -> None:
        pass

    def ingest(self, paths: Any, progress: Any = None) -> Any:
        raise AssertionError("the fake store is never empty")

    def articles(self, ids: Sequence[str]) -> Mapping[str, Art]:
        return {i: Art(TEXT) for i in ids if i == "a1"}


class FakeAssistant:
    """Answers from a script: question -> answer text, or an exception to raise."""

    def __init__(self, store: Path, script: dict[str, str | Exception]) -> None:
        self.settings = Settings(store=store, llm="extractive", _env_file=None)  # type: ignore[call-arg]
        self.index = FakeIndex()
        self.script = script
        self.asked: list[tuple[str, Sequence[Message] | None]] = []

    def resolve_backend(self, llm: str | None = None) -> str:
        return llm or "extractive"

    def ask(self, question: str, *, history: Sequence[Message] | None = None,
            as_of: str | None = None) -> Answer:
        self.asked.append((question, history))
        reply = self.script[question]
        if isinstance(reply, Exception):
            raise reply
        quote = "12,000 new homes"
        start = TEXT.index(quote)
        cite = Citation(1, quote, "a1", "T", None, None, "/d/000_x.txt", start, start + len(quote))
        if "homes" not in reply:
            return Answer(question, reply, abstained=True, timings=Timings(total_ms=10))
        return Answer(question, reply, [cite], timings=Timings(total_ms=20))


def item(n: int, groups: tuple[tuple[str, ...], ...] = (("12,000",),),
         history: tuple[Message, ...] = ()) -> EvalItem:
    return EvalItem(id=f"s{n}", question=f"q{n}", category="c" if groups else "unanswerable",
                    reference_answer="12,000 homes", must_include=groups,
                    gold_articles=("000_x.txt",), history=history)


def dataset(*items: EvalItem) -> Dataset:
    return Dataset(name="gold-t", kind="gold", source=Path("t.jsonl"), items=items)


def run(tmp_path: Path, fake: FakeAssistant, ds: Dataset, **options: Any) -> Any:
    return run_eval(EvalOptions(out=tmp_path / "out", **options), fake.settings,
                    assistant=fake, dataset=ds)


def test_every_question_is_asked_once_with_its_history(tmp_path: Path) -> None:
    turns: tuple[Message, ...] = ({"role": "user", "content": "hi"},)
    fake = FakeAssistant(tmp_path, {"q1": "12,000 new homes", "q2": "The articles don't say."})
    result = run(tmp_path, fake, dataset(item(1, history=turns), item(2, groups=())))
    assert fake.asked == [("q1", [turns[0]]), ("q2", None)]
    assert [r.verdicts.passed for r in result.results] == [True, True]
    assert result.llm == "extractive" and result.overall.n == 2


def test_cached_answers_are_reused_and_fresh_asks_again(tmp_path: Path) -> None:
    fake = FakeAssistant(tmp_path, {"q1": "12,000 new homes", "q2": "12,000 new homes"})
    run(tmp_path, fake, dataset(item(1)))
    again = run(tmp_path, fake, dataset(item(1), item(2)))  # resumed: only q2 is new
    assert [q for q, _ in fake.asked] == ["q1", "q2"]
    assert [r.cached for r in again.results] == [True, False]
    run(tmp_path, fake, dataset(item(1), item(2)), fresh=True)
    assert len(fake.asked) == 4
    assert (tmp_path / "out" / "cache-gold-t-extractive.jsonl").is_file()


def test_cache_is_per_store_and_per_question_text(tmp_path: Path) -> None:
    fake = FakeAssistant(tmp_path / "a", {"q1": "12,000 new homes"})
    run(tmp_path, fake, dataset(item(1)))
    other = FakeAssistant(tmp_path / "b", {"q1": "12,000 new homes"})
    run(tmp_path, other, dataset(item(1)))
    assert len(other.asked) == 1  # another store: not reused
    changed = EvalItem(**{**item(1).__dict__, "question": "q1 reworded"})
    fake.script["q1 reworded"] = "12,000 new homes"
    run(tmp_path, fake, dataset(changed))
    assert fake.asked[-1][0] == "q1 reworded"


def test_a_failing_question_is_recorded_not_raised(tmp_path: Path) -> None:
    fake = FakeAssistant(tmp_path, {"q1": RuntimeError("model crashed"), "q2": "12,000 new homes"})
    result = run(tmp_path, fake, dataset(item(1), item(2)))
    failed = result.results[0]
    assert failed.answer is None and failed.verdicts.error == "RuntimeError: model crashed"
    assert result.overall.errors == 1 and result.overall.accuracy == 0.5
    run(tmp_path, fake, dataset(item(1), item(2)))
    assert [q for q, _ in fake.asked].count("q1") == 2  # failures are not cached


def test_many_failures_in_a_row_stop_the_run(tmp_path: Path) -> None:
    n = MAX_FAILURES_IN_A_ROW
    fake = FakeAssistant(tmp_path, {f"q{i}": ConnectionError("down") for i in range(n)})
    with pytest.raises(EvalError, match=f"{n} questions in a row failed.*ConnectionError"):
        run(tmp_path, fake, dataset(*(item(i) for i in range(n))))


def test_quote_validity_failures_are_listed(tmp_path: Path) -> None:
    class Shifted(FakeAssistant):
        def ask(self, question: str, *, history: Sequence[Message] | None = None,
                as_of: str | None = None) -> Answer:
            good = super().ask(question, history=history)
            bad = Citation(2, "new homes", "a1", "T", None, None, "/d/000_x.txt", 0, 9)
            return Answer(question, good.text, [*good.citations, bad])

    result = run(tmp_path, Shifted(tmp_path, {"q1": "12,000 new homes"}), dataset(item(1)))
    assert result.quote_failures == ["s1"] and result.overall.quote_validity == 0.5


def test_answers_survive_the_cache_round_trip(tmp_path: Path) -> None:
    answer = FakeAssistant(tmp_path, {"q": "12,000 new homes"}).ask("q")
    assert answer_from_dict(json.loads(json.dumps(answer_to_dict(answer)))) == answer
    cache = AnswerCache(tmp_path / "c.jsonl", "/s")
    cache.append(CachedAnswer("s1", "q", "/s", answer))
    with cache.path.open("a") as handle:
        handle.write('{"id": "s2", "truncated')  # a run killed mid-write
    assert list(cache.load()) == ["s1"]


class FakeCompletions:
    def __init__(self, replies: list[str | Exception]) -> None:
        self.replies = replies
        self.prompts: list[str] = []

    def create(self, **kwargs: Any) -> Any:
        self.prompts.append(kwargs["messages"][0]["content"])
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return SimpleNamespace(choices=[SimpleNamespace(message=SimpleNamespace(content=reply))])


def test_judge_grades_answerable_questions_and_counts_errors() -> None:
    import openai

    completions = FakeCompletions(["CORRECT", " incorrect.", openai.OpenAIError("down")])
    judge = Judge(SimpleNamespace(chat=SimpleNamespace(completions=completions)), "m")
    answer = Answer("q", "12,000 homes")
    assert judge.grade(item(1), answer) is True
    assert judge.grade(item(1), answer) is False
    assert judge.grade(item(1), answer) is None and judge.errors == 1
    assert judge.grade(item(2, groups=()), answer) is None  # abstention needs no judge
    assert "Reference answer: 12,000 homes" in completions.prompts[0]


def test_judge_needs_a_configured_server(tmp_path: Path) -> None:
    settings = Settings(store=tmp_path, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(JudgeError, match="OPENAI_API_KEY"):
        Judge.from_settings(settings)
    configured = settings.with_overrides(openai_base_url="http://127.0.0.1:9/v1")
    assert Judge.from_settings(configured).model == settings.model


def test_cache_from_other_code_is_not_reused(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    answer = Answer("q1", "12,000 new homes")
    AnswerCache(path, "/s", "v1").append(CachedAnswer("s1", "q1", "/s", answer))
    assert set(AnswerCache(path, "/s", "v1").load()) == {"s1"}
    assert AnswerCache(path, "/s", "v2").load() == {}  # the answering code changed: ask again


def test_code_version_follows_the_settings(tmp_path: Path) -> None:
    from evals.runner import code_version

    base = Settings(store=tmp_path, _env_file=None)  # type: ignore[call-arg]
    assert code_version(base) == code_version(base)
    assert code_version(base) != code_version(base.with_overrides(top_k=3))


def test_gold_eval_gets_a_store_of_its_own(tmp_path: Path) -> None:
    from evals.stores import gold_store

    assert gold_store(tmp_path / "main") == tmp_path / "newsqa-gold"
