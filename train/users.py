"""First-time users' questions (`train/users/`): what the ranking of a question asked at no
moment is fitted on, beside the natural tuning set.

Eight helpers each wrote about a dozen articles of their own (court reports, live blogs,
obituaries, Q&A explainers, tables; as .txt, .md, .html, .docx, .pdf) and, before the product
answered any of them, 180–290 questions about them, each with the words a right answer must
hold (`keywords`). They ask as a reader of their own collection does, of the article just read,
in its words or others': the natural set's 120 answerable questions are too few to fit the
ranking's ten weights on for such questions, and the quiz's are about a week's news.
"""

from __future__ import annotations

import json
from pathlib import Path

from .tuningsets import TuningSet

__all__ = ["USERS", "states_answer", "user_sets"]

USERS = Path(__file__).resolve().parent / "users"


def states_answer(sentence: str, question: dict) -> bool:
    """Does the sentence hold the question's answer: its gold answer string (the quiz's and the
    natural set's, on word boundaries), or one of its keywords (the users')?"""
    from .data import answer_span

    if "keywords" in question:
        folded = sentence.casefold()
        return any(k.casefold() in folded for k in question["keywords"])
    return bool(question["answerable"] and answer_span(sentence, question["answer"]))


def user_sets(out: Path, reader: Path, users: Path = USERS) -> list[TuningSet]:
    """Each user's answerable questions (the others' candidates state no answer: the ranking's
    fit would drop them after reading them), asked at no moment of an extractive assistant over
    a store of that user's articles (`out/users/<n>-store`, ingested on first use)."""
    from .tuningsets import _assistant

    sets = []
    for folder in sorted(p for p in users.iterdir() if (p / "questions.jsonl").is_file()):
        questions = [json.loads(line) for line in (folder / "questions.jsonl").open()]
        assistant = _assistant(folder / "articles", out / "users" / f"{folder.name}-store",
                               reader)
        sets.append(TuningSet(f"user-{folder.name}", assistant,
                              [q for q in questions if q["answerable"]], dated=False))
    return sets
