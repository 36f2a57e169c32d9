"""Follow-up questions ("And what did Poland agree to?") rewritten into standalone queries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .backends.base import ChatBackend
from .types import Message

__all__ = ["REWRITE_PROMPT", "needs_context", "rewrite_query"]

REWRITE_PROMPT = """\
Rewrite the user's last question so that it can be understood without the conversation.
Keep every name, number and date it refers to. Reply with the rewritten question only.

Example
Conversation:
user: Who visited South Korea with President Yoon?
assistant: Polish President Andrzej Duda.
Last question: And what did his country agree to buy?
Rewritten: What did Poland agree to buy from South Korea during President Andrzej Duda's visit?
"""

_DEPENDENT = re.compile(
    r"^(?:and|but|also|so|then|what about|how about|why|what else)\b"
    r"|\b(?:he|she|it|they|them|his|her|its|their|this|that|these|those|there|the same)\b",
    re.I,
)


def needs_context(question: str) -> bool:
    return bool(_DEPENDENT.search(question)) or len(question.split()) <= 4


def _last(history: Sequence[Message], role: str) -> str:
    return next((m["content"] for m in reversed(history) if m["role"] == role), "")


def rewrite_query(question: str, history: Sequence[Message] | None,
                  backend: ChatBackend | None = None) -> str:
    """The query to search with. Without history the question itself; with it, an LLM rewrite
    when a capable backend is given, else the previous question's words joined to this one."""
    if not history or not needs_context(question):
        return question
    if backend is not None:
        try:
            rewritten = _llm_rewrite(question, history, backend)
            if 3 <= len(rewritten) <= 400:
                return rewritten
        except Exception:  # a rewrite is an optimisation; the rule below always works
            pass
    previous = _last(history, "user")
    answer = _last(history, "assistant")
    # The prior question names the topic; the start of the prior answer names what "it"/"he" is.
    return f"{question} {previous} {' '.join(answer.split()[:25])}".strip()


def _llm_rewrite(question: str, history: Sequence[Message], backend: ChatBackend) -> str:
    turns = "\n".join(f"{m['role']}: {m['content'][:500]}" for m in history[-6:])
    messages: list[Message] = [
        {"role": "user", "content": f"{REWRITE_PROMPT}\nConversation:\n{turns}\n"
                                    f"Last question: {question}\nRewritten:"},
    ]
    return backend.chat(messages, max_tokens=80).strip().splitlines()[0].strip()
