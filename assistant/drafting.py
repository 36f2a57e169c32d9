"""A chat model's raw reply to the reranked sources, fitted to the model's context window.

The sources go to the model in the reader's order (the passage holding the best evidence first),
so when a server's context is too small for all of them the last, least useful ones are the ones
left out: fewer sources rather than no answer. What the model says is checked afterwards
(generative.ground_answer); this module only decides what it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from index import Article, Passage

from .backends.base import ChatBackend, SourceContext
from .errors import ContextTooLongError
from .generative import build_messages, focus_sources
from .rerank import Evidence

__all__ = ["ANSWER_MAX_TOKENS", "Drafted", "by_evidence", "draft_reply"]

# One to three sentences plus their quotes; small local models ramble on when allowed to.
ANSWER_MAX_TOKENS = 320

OnDelta = Callable[[str], None]


@dataclass(frozen=True)
class Drafted:
    """The model's reply and the sources it was shown (numbered 1, 2, ... in this order)."""

    raw: str
    shown: list[Passage]
    left_out: int  # sources dropped so that the prompt fit the model's context


def draft_reply(backend: ChatBackend, question: str, passages: Sequence[Passage],
                ranked: Sequence[Evidence], articles: dict[str, Article], *,
                sources: int | None, context: SourceContext,
                on_delta: OnDelta | None = None) -> Drafted:
    """Ask `backend` about the best `sources` passages; when its server refuses the prompt as
    longer than its context, ask again with one source fewer, then with only the first source's
    evidence sentences. ContextTooLongError when not even that fits."""
    wanted = by_evidence(passages, ranked)[:sources]
    error: ContextTooLongError | None = None
    for shown in _fittings(wanted, passages, ranked, articles, context):
        try:
            raw = _generate(backend, question, shown, on_delta)
        except ContextTooLongError as err:
            error = err  # nothing was streamed yet: the server refuses before it generates
            continue
        return Drafted(raw, shown, left_out=len(wanted) - len(shown))
    assert error is not None, "_fittings yields at least one candidate"
    raise ContextTooLongError(
        f"{error} (newsqa asked again with fewer sources, down to the best source's evidence "
        "sentences, and none fit.)") from error


def _fittings(wanted: list[Passage], passages: Sequence[Passage], ranked: Sequence[Evidence],
              articles: dict[str, Article], context: SourceContext) -> Iterator[list[Passage]]:
    """The prompts' sources, largest first: all wanted, one fewer each time down to one, and
    last the first passage cut to its evidence sentences (when whole passages were shown)."""
    for n in range(len(wanted), 0, -1) if wanted else [0]:
        yield _shaped(wanted[:n], passages, ranked, articles, context)
    if context == "passages" and wanted:
        yield _shaped(wanted[:1], passages, ranked, articles, "evidence")


def _shaped(shown: list[Passage], passages: Sequence[Passage], ranked: Sequence[Evidence],
            articles: dict[str, Article], context: SourceContext) -> list[Passage]:
    if context == "evidence":
        return focus_sources(shown, _renumbered(ranked, passages, shown), articles) or shown
    return shown


def _generate(backend: ChatBackend, question: str, shown: Sequence[Passage],
              on_delta: OnDelta | None) -> str:
    messages = build_messages(question, shown)
    if on_delta is None:
        return backend.chat(messages, max_tokens=ANSWER_MAX_TOKENS)
    parts: list[str] = []
    for delta in backend.stream_chat(messages, max_tokens=ANSWER_MAX_TOKENS):
        parts.append(delta)
        on_delta(delta)
    return "".join(parts)


def by_evidence(passages: Sequence[Passage], ranked: Sequence[Evidence]) -> list[Passage]:
    """The passages ordered by their best sentence's score; those with none scored last."""
    best: dict[int, float] = {}
    for ev in ranked:
        best[ev.passage] = max(best.get(ev.passage, float("-inf")), ev.score)
    order = sorted(range(len(passages)), key=lambda i: (-best.get(i, float("-inf")), i))
    return [passages[i] for i in order]


def _renumbered(ranked: Sequence[Evidence], passages: Sequence[Passage],
                shown: Sequence[Passage]) -> list[Evidence]:
    """Evidence with `passage` pointing into `shown` instead of `passages`."""
    where = {id(p): i for i, p in enumerate(shown)}
    return [replace(ev, passage=where[id(passages[ev.passage])]) for ev in ranked
            if id(passages[ev.passage]) in where]
