"""`newsqa eval`'s engine: pick the dataset and its store, ask every question once with one
Assistant, cache each answer as it arrives, score everything, and return a typed run."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.settings import Settings
from assistant.types import Answer, Message

from .cache import AnswerCache, CachedAnswer
from .datasets import Dataset, EvalItem, load_dataset
from .errors import EvalError
from .judge import Judge
from .metrics import ArticleLike, Verdicts, article_keys, score_answer
from .stores import (
    IndexLike,
    ProgressFactory,
    ensure_realtimeqa,
    ensure_samples,
    gold_store,
    realtimeqa_store,
    sync_samples,
)
from .summary import Summary, summarise, summarise_by_category

__all__ = ["MAX_FAILURES_IN_A_ROW", "EvalOptions", "EvalRun", "QuestionResult", "run_eval"]

# A run of failures means the backend is down, not that the questions are hard: stop early
# rather than record a hundred identical errors. Answers so far stay cached.
MAX_FAILURES_IN_A_ROW = 5


@dataclass(frozen=True)
class EvalOptions:
    dataset: str | None = None  # None: the packaged gold set
    llm: str | None = None
    limit: int | None = None
    category: str | None = None
    store: Path | None = None
    out: Path = Path("eval-out")
    judge: bool = False
    fresh: bool = False


@dataclass(frozen=True)
class QuestionResult:
    item: EvalItem
    answer: Answer | None  # None when asking failed (see verdicts.error)
    verdicts: Verdicts
    cached: bool = False


@dataclass(frozen=True)
class EvalRun:
    dataset: str
    llm: str
    store: str
    started: str
    seconds: float
    results: tuple[QuestionResult, ...]
    overall: Summary
    categories: dict[str, Summary]
    judge_model: str | None = None
    judge_errors: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def quote_failures(self) -> list[str]:
        """Ids of questions with a quote that is not verbatim at its offsets: always a bug."""
        return [r.item.id for r in self.results if not r.verdicts.quotes_valid]


class ArticleIndex(IndexLike, Protocol):
    def articles(self, ids: Sequence[str]) -> Mapping[str, ArticleLike]: ...


class AssistantLike(Protocol):
    settings: Settings

    @property
    def index(self) -> ArticleIndex: ...

    def ask(self, question: str, *, history: Sequence[Message] | None = None,
            as_of: str | None = None) -> Answer: ...

    def resolve_backend(self, llm: str | None = None) -> str: ...


def _selection_key(options: EvalOptions) -> str | None:
    parts = [f"limit{options.limit}" if options.limit else "", options.category or ""]
    return "-".join(p for p in parts if p) or None


def _settings_for(dataset: Dataset, options: EvalOptions, settings: Settings) -> Settings:
    store = options.store
    if store is None and dataset.kind == "realtimeqa":
        store = realtimeqa_store(settings.store, _selection_key(options))
    elif store is None:
        store = gold_store(settings.store)
    return settings.with_overrides(store=store, llm=options.llm)


def code_version(settings: Settings) -> str:
    """Fingerprint of what decides an answer: the assistant's and the index's source files and
    the settings (secrets left out). Cached answers from other code are never reused."""
    import assistant
    import index

    digest = hashlib.sha256(settings.model_dump_json(exclude={"openai_api_key"}).encode())
    for package in (assistant, index):
        folder = Path(str(package.__file__)).parent
        for path in sorted([*folder.rglob("*.py"), *folder.rglob("*.onnx"),
                            *folder.rglob("thresholds.json")]):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _prepare_store(dataset: Dataset, options: EvalOptions, assistant: AssistantLike,
                   progress: ProgressFactory | None, own_store: bool) -> None:
    if dataset.kind == "gold" and own_store:
        sync_samples(assistant.index, progress)
    elif dataset.kind == "gold":
        ensure_samples(assistant.index, progress)
    else:
        limited = options.limit is not None or options.category is not None
        ensure_realtimeqa(assistant.index, assistant.settings.store, dataset, limited, progress)


def run_eval(options: EvalOptions, settings: Settings, *, console: Console | None = None,
             ingest_progress: ProgressFactory | None = None,
             assistant: AssistantLike | None = None, dataset: Dataset | None = None) -> EvalRun:
    """Evaluate; `assistant` and `dataset` may be given (tests, notebooks) to skip loading."""
    started, t0 = datetime.now(UTC).isoformat(timespec="seconds"), time.perf_counter()
    if dataset is None:
        dataset = load_dataset(options.dataset).select(options.category, options.limit)
    own_store = assistant is None and options.store is None
    if assistant is None:
        from assistant import Assistant  # deferred: loads torch

        assistant = Assistant(_settings_for(dataset, options, settings))
    _prepare_store(dataset, options, assistant, ingest_progress, own_store)
    if console is not None:
        _warn_missing_gold(dataset, assistant, console)
    llm = assistant.resolve_backend(options.llm)
    store = str(assistant.settings.store.expanduser().resolve())
    cache = AnswerCache(options.out / f"cache-{dataset.name}-{llm}.jsonl", store,
                        code_version(assistant.settings))
    if options.fresh:
        cache.clear()
    judge = Judge.from_settings(assistant.settings) if options.judge else None
    results = _Asking(assistant, cache, judge).run(dataset.items, console)
    return EvalRun(
        dataset=dataset.name, llm=llm, store=store, started=started,
        seconds=round(time.perf_counter() - t0, 1), results=tuple(results),
        overall=summarise([r.verdicts for r in results]),
        categories=summarise_by_category((r.item.category, r.verdicts) for r in results),
        judge_model=judge.model if judge else None, judge_errors=judge.errors if judge else 0,
    )


def _warn_missing_gold(dataset: Dataset, assistant: AssistantLike, console: Console) -> None:
    """A dataset's gold articles the store does not hold: a misspelt name, or a reader's own
    questions asked over the bundled samples (no --store), which then score 0% unexplained."""
    named = {g for item in dataset.items for g in item.gold_articles}
    listing = getattr(assistant.index, "list", None)
    if not named or listing is None:
        return
    held = {k for a in listing() for k in article_keys(a.source, a.doc_id)}
    missing = sorted(named - held)
    if not missing:
        return
    where = assistant.settings.store
    what = ("none of its gold articles" if len(missing) == len(named)
            else f"{len(missing)} of its {len(named)} gold articles")
    console.print(f"[yellow]warning:[/] the store at {where} holds {what} "
                  f"({', '.join(missing[:5])}{', …' if len(missing) > 5 else ''}); check their "
                  "names, or pass --store with the store that holds them.", highlight=False)


class _Asking:
    """The question loop: cached answers are reused, new ones cached at once."""

    def __init__(self, assistant: AssistantLike, cache: AnswerCache, judge: Judge | None
                 ) -> None:
        self.assistant, self.cache, self.judge = assistant, cache, judge
        self.cached = cache.load()
        self.failures_in_a_row = 0

    def run(self, items: Sequence[EvalItem], console: Console | None) -> list[QuestionResult]:
        results: list[QuestionResult] = []
        columns = (TextColumn("[bold]eval"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[passed]} passed"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True,
                      disable=console is None) as bar:
            task = bar.add_task("eval", total=len(items), passed=0)
            for item in items:
                results.append(self.one(item))
                bar.update(task, advance=1, passed=sum(r.verdicts.passed for r in results))
        return results

    def one(self, item: EvalItem) -> QuestionResult:
        hit = self.cached.get(item.id)
        if hit is not None and hit.question == item.question:
            return self._scored(item, hit, new=False)
        try:
            answer = self.assistant.ask(item.question, history=list(item.history) or None,
                                        as_of=item.as_of)
        except Exception as exc:  # one bad question must not sink the run
            return self._failed(item, exc)
        self.failures_in_a_row = 0
        return self._scored(item, CachedAnswer(item.id, item.question, self.cache.store, answer),
                            new=True)

    def _failed(self, item: EvalItem, exc: Exception) -> QuestionResult:
        self.failures_in_a_row += 1
        message = f"{type(exc).__name__}: {exc}"
        if self.failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
            raise EvalError(f"{self.failures_in_a_row} questions in a row failed; the last with "
                            f"{message}. Fix that, then rerun: answered questions are cached.")
        return QuestionResult(item, None, Verdicts.failed(item, message))

    def _scored(self, item: EvalItem, entry: CachedAnswer, new: bool) -> QuestionResult:
        judged = self.judge is not None and entry.judge is None and item.answerable
        if judged and self.judge is not None:
            entry = replace(entry, judge=self.judge.grade(item, entry.answer))
        if new or judged:  # a judge's verdict costs a call too: keep it
            self.cache.append(entry)
        ids = [c.article_id for c in entry.answer.citations]
        verdicts = score_answer(item, entry.answer, self.assistant.index.articles(ids))
        return QuestionResult(item, entry.answer, replace(verdicts, judge=entry.judge),
                              cached=not new)
