"""A follow-up that changes the subject in words: "Now the hospital story: what is the A&E
target?", "Back to the marathon: how many finished?". The part after the colon is the
question; the story named before it is what it is about, not the conversation's last subject
(searched with that subject's names added, "what is the A&E target?" had been asked of the
marathon)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .types import Message

__all__ = ["Switch", "since_switch", "switched"]

# "Now the hospital story:", "Back to the marathon:", "Moving on to the fire,", "Switching to
# the tram -", "On the whale story:", "Going back to Leonie:": a label, then the question.
_SWITCH = re.compile(
    r"^\W*(?:(?:and\s+|ok(?:ay)?,?\s+|right,?\s+)?(?:now|next|back|going\s+back|moving\s+on"
    r"|switching|turning|returning|changing\s+subject)(?:\s+to)?|on|about|as\s+for|re)\s+"
    r"(?P<topic>(?:the\s+)?[^:,;?–—-]{2,60}?)(?:\s+(?:story|article|piece|report|one))?"
    r"\s*[:,;–—-]\s*(?P<question>[^:]{3,}\?)\s*$", re.I)
# Asking words that make "On what date…" or "Now what?" no label of a subject.
_ASKS = re.compile(r"^(?:the\s+)?(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
# Openers that say when or whom, not which story: "On Monday,", "Back in 2019,", "Now that he
# has resigned,", "Back to her:", "On the whole,", "Next year,".
_NOT_A_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:that|then|this|these|those|him|her|them|it|he|she|they|his|its|their"
    r"|in|at|by|whole|balance|same|other|last|next|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|day|week|month|year|season|time|morning|afternoon|evening|night|weekend|\d)\b", re.I)


# Labels that change the subject without naming the new one: "Switching topic: who fell…?"
_NO_TOPIC = re.compile(r"^(?:(?:a\s+)?(?:new|different|another)\s+)?(?:topics?|subjects?|story"
                       r"|question|something\s+else|other\s+news)$", re.I)


# A label saying only that the subject changes, with no opener before it: "Different thing -
# who won the flyball?", "Something else: …", "Unrelated, but …?", "New question: …".
_NEW_SUBJECT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|and|now),?\s+)?(?:(?:a|on\s+a)\s+)?(?:(?:(?:totally|completely)"
    r"\s+)?(?:different|another|new|separate|unrelated|other)\s+(?:thing|topic|subject|question"
    r"|story|matter|one|news)|something\s+(?:else|different)|unrelated)"
    r"\s*[:,;–—-]+\s*(?:but\s+)?(?P<question>[^:]{3,}\?)\s*$", re.I)


class Switch(NamedTuple):
    """A change of subject: the question after its label, and the subject the label names
    ("" where it names none)."""

    question: str
    topic: str

    @property
    def text(self) -> str:
        """The question as read, the subject beside it: "How many finished? (marathon)"."""
        return f"{self.question} ({self.topic})" if self.topic else self.question

    @property
    def query(self) -> str:
        """What is searched: the question's words and the subject's."""
        return f"{self.question} {self.topic}".strip()


def switched(question: str) -> Switch | None:
    """The change of subject a question opens with, else None."""
    if (new := _NEW_SUBJECT.match(question)) is not None:
        asked = new.group("question").strip()
        return Switch(asked[:1].upper() + asked[1:], "")
    m = _SWITCH.match(question)
    if m is None or _ASKS.match(m.group("topic")) or _NOT_A_SUBJECT.match(m.group("topic")):
        return None
    topic = re.sub(r"^the\s+", "", m.group("topic").strip(), flags=re.I)
    asked = m.group("question").strip()
    return Switch(asked[:1].upper() + asked[1:], "" if _NO_TOPIC.match(topic) else topic)


def since_switch(history: Sequence[Message]) -> list[Message]:
    """The conversation from its last change of subject on, that question as it asks ("Who
    fell on Beinn Dorcha?", "How many finished? (marathon)"): what came before is about
    something else, and its names must not be searched with the questions after it."""
    for i in range(len(history) - 1, -1, -1):
        turn = history[i]
        if turn["role"] == "user" and (switch := switched(turn["content"])):
            return [{"role": "user", "content": switch.text}, *history[i + 1:]]
    return list(history)
