"""What the answer path makes of one sentence whose reader span it is unsure of: for tests of
the name rule (`compose.abstention`) and the short answer (`short.short_answer`)."""

from __future__ import annotations

__all__ = ["led_by"]


def led_by(sentence: str, question: str, span_word: str) -> tuple[bool, str | None]:
    """Whether the answer path turns the sentence away, and what leads it, where the reader's
    span is `span_word` alone and it is unsure of it."""
    from assistant.compose import abstention
    from assistant.rerank import Evidence
    from assistant.short import short_answer
    from assistant.types import Citation

    at = 10 + sentence.index(span_word)
    unsure = Evidence(0, "a", 10, 10 + len(sentence), sentence, 0.9, 0.9,
                      (at, at + len(span_word)), 1.0, fit=1.0)
    turned_away = abstention([unsure], True, 1.5, "person", question=question) is not None
    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))
    short = short_answer(unsure, citation, "person", question)
    return turned_away, None if short is None else short.text
