"""An optional LLM-as-judge: asks an OpenAI-compatible model whether an answer agrees with the
reference answer. Off by default; its score is reported apart from the string-match metrics."""

from __future__ import annotations

from typing import Any, Protocol

from assistant.settings import Settings
from assistant.types import Answer

from .datasets import EvalItem
from .errors import JudgeError

__all__ = ["JUDGE_PROMPT", "Judge"]

JUDGE_PROMPT = """You grade answers to questions about news articles.
Question: {question}
Reference answer: {reference}
Candidate answer: {candidate}

Is the candidate answer correct, that is, does it state the key facts of the reference
answer without contradicting it? Extra correct detail is fine.
Reply with one word: CORRECT or INCORRECT."""


class _ChatClient(Protocol):
    @property
    def chat(self) -> Any: ...


class Judge:
    """Grades answerable questions only: abstention is scored without a judge."""

    def __init__(self, client: _ChatClient, model: str) -> None:
        self.client = client
        self.model = model
        self.errors = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Judge:
        if not settings.openai_configured:
            raise JudgeError("--judge needs an OpenAI-compatible server: set OPENAI_API_KEY "
                             "(and OPENAI_BASE_URL for a local server), or drop --judge.")
        import openai  # deferred: only judged runs need it

        client = openai.OpenAI(api_key=settings.openai_api_key or "not-needed",
                               base_url=settings.openai_base_url, timeout=settings.timeout,
                               max_retries=settings.max_retries)
        return cls(client, settings.model)

    def grade(self, item: EvalItem, answer: Answer) -> bool | None:
        """True/False, or None when the question is unanswerable or the judge failed."""
        if not item.answerable:
            return None
        import openai

        prompt = JUDGE_PROMPT.format(question=item.question, reference=item.reference_answer,
                                     candidate=answer.text)
        try:
            reply = self.client.chat.completions.create(
                model=self.model, temperature=0.0, max_tokens=5,
                messages=[{"role": "user", "content": prompt}])
        except openai.OpenAIError:
            self.errors += 1  # one failed grade must not stop a long run; reported as a count
            return None
        word = (reply.choices[0].message.content or "").strip().upper()
        return word.startswith("CORRECT")
