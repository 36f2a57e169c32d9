"""The assistant's typed results: what `ask()` returns and what the UI, CLI and evals read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict

__all__ = ["Answer", "Citation", "Message", "RetrievedPassage", "ShortAnswer", "Timings"]


class Message(TypedDict):
    """One conversation turn, OpenAI style: {"role": "user"|"assistant", "content": "..."}
    ("system" only in the prompts the assistant builds itself)."""

    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Citation:
    """A quote shown to the user: `quote == article.text[start:end]`, always."""

    n: int
    quote: str
    article_id: str
    title: str
    outlet: str | None
    published: str | None
    source: str
    start: int
    end: int


@dataclass(frozen=True)
class ShortAnswer:
    """The answer itself ("Kim Keon Hee"), a span of citation `n`'s quote:
    `article.text[start:end] == text` for that citation's article, always."""

    text: str
    n: int
    start: int
    end: int
    score: float = 0.0  # the reader's start + end logit: higher is surer


@dataclass(frozen=True)
class RetrievedPassage:
    """A passage the answer was built from; `n` is its source number in the prompt."""

    n: int
    article_id: str
    title: str
    outlet: str | None
    published: str | None
    source: str
    start: int
    end: int
    text: str
    score: float
    story_id: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True)
class Timings:
    retrieve_ms: float = 0.0
    generate_ms: float = 0.0
    total_ms: float = 0.0


@dataclass(frozen=True)
class Answer:
    """A short answer whose every claim carries a verified quote, or an honest abstention."""

    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    abstained: bool = False
    retrieved: tuple[RetrievedPassage, ...] = ()
    llm: str = "extractive"
    timings: Timings = field(default_factory=Timings)
    query: str = ""  # the standalone query actually searched (follow-ups are rewritten)
    notes: tuple[str, ...] = ()  # e.g. "2 unverifiable quotes dropped"
    short: ShortAnswer | None = None  # the short answer the text leads with, if any
    as_of: str | None = None  # the moment the question was asked (ISO date)
    # The best evidence's score (0-1): how likely that sentence states the answer. Abstention
    # weighs it with the rest of the ranking (`answerability`).
    confidence: float | None = None

    def __post_init__(self) -> None:
        # Tuples, whatever sequence was given: an answer handed around (the UI keeps each
        # turn's) can never change under its holder, and stays hashable.
        for name in ("citations", "retrieved", "notes"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def to_dict(self) -> dict[str, Any]:
        """The `newsqa ask --json` object."""
        return {
            "question": self.question,
            "answer": self.text,
            "short_answer": asdict(self.short) if self.short else None,
            "abstained": self.abstained,
            "confidence": self.confidence,
            "as_of": self.as_of,
            "citations": [asdict(c) for c in self.citations],
            "llm": self.llm,
            "timings": asdict(self.timings),
            "query": self.query,
            "retrieved": [
                {k: v for k, v in asdict(p).items() if k != "text"} for p in self.retrieved
            ],
        }
