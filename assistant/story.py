"""The story a conversation is about, which its follow-ups are searched within.

Searched over every article, "How did the thieves get in?" after questions about a museum theft
was answered with a bank customer's "I had money in my account…", and "How much will it cost?"
after ones about a runway with a school's £14.5m: the names added to the query
(`followup.rule_rewrite`) bring the story's article into the pool, but the reranker then
reads each sentence alone, and another article's sentence may fit the question's few words
better. A follow-up means the story the conversation is on unless it names another, so its
evidence is taken from that story's articles (`retrieval.retrieve`), when the pool holds them:

- those the latest answer that found something quoted (not an abstention's closest sentence,
  which may be from anywhere), if they mention the names the conversation's subject was asked
  by: an answer that strayed to another story does not carry the conversation with it;
- where every answer so far was turned away, those mentioning all of those names: they are
  all the conversation has said of its subject ("Who approved the Kestrel Point runway?");
- none (every article, as before) where the follow-up names something none of them mentions
  ("What about Brightwater?"), or where the conversation gives no such quote or names. On the
  follow-up tuning set, whose answers quote nothing, keeping to the articles naming what the
  first question named (many share "UPS", "NBA") cost 3 of its 56 answerable questions, and
  4 right abstentions where the best sentence had been another story's (`compose.strayed`).

Of a story told twice, the article last quoted is the one meant: asked "When will it be
ready?" after an answer quoting the revised cost of a pipeline, the first report's "ready by
June" was older news than the revised "August" beside the quoted cost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index import Article

from .types import Message

__all__ = ["Story", "conversation_story"]

# An answer's quotations: “…” [n]. An abstention's text opens with ABSTAIN_TEXT.
_QUOTED = re.compile(r"“([^“”]{12,})”\s*\[\d+\]")
_MARKS = re.compile(r"[“”\"‘’']")


@dataclass(frozen=True)
class Story:
    """What identifies the conversation's story: the names its subject was asked by, the
    sentences its latest finding answer quoted, and the names the follow-up itself gives."""

    names: tuple[tuple[str, ...], ...]
    quotes: tuple[str, ...]
    asked: tuple[tuple[str, ...], ...] = ()

    def articles(self, candidates: Mapping[str, Article]) -> set[str]:
        """The ids of the candidates that tell the story (empty: search them all)."""
        from .evidence import names_missing  # evidence's tables load with the answer path

        named = {key for key, a in candidates.items()
                 if not names_missing(self.names, f"{a.title}\n{a.text}")}
        chosen = ({key for key in named if _holds(candidates[key].text, self.quotes)}
                  if self.quotes else named if self.names else set())
        # A follow-up naming what none of the story's articles mention asks of another story.
        if all(names_missing(self.asked, f"{candidates[k].title}\n{candidates[k].text}")
               for k in chosen):
            return set()
        return chosen


def conversation_story(question: str, history: Sequence[Message]) -> Story | None:
    """The story of the conversation a follow-up is asked in; None where it gives nothing:
    no answer quoted an article, and not every answer was turned away (an answer given in
    other words than the article's, "7/1", says which story it was from no more than
    whatever articles share the names asked by: "UPS" or "NBA" do not pick out a story)."""
    from .compose import ABSTAIN_TEXT
    from .evidence import question_names

    names = next((tuple(found) for text in reversed(_asked(history))
                  if (found := question_names(text))), ())
    quotes = _latest_quotes(history)
    turned_away = all(m["content"].startswith(ABSTAIN_TEXT) for m in history
                      if m["role"] == "assistant")
    if not quotes and not (names and turned_away):
        return None
    return Story(names, quotes, tuple(question_names(question)))


def _asked(history: Sequence[Message]) -> list[str]:
    # A question's first word is capitalised for being first: "Did", "How".
    return [m["content"] for m in history if m["role"] == "user"]


def _latest_quotes(history: Sequence[Message]) -> tuple[str, ...]:
    """The quotations of the latest answer that found something."""
    from .compose import ABSTAIN_TEXT  # compose reads follow-ups: imported when first needed

    for message in reversed(history):
        if message["role"] == "assistant" and not message["content"].startswith(ABSTAIN_TEXT):
            quotes = tuple(m.group(1) for m in _QUOTED.finditer(message["content"]))
            if quotes:
                return quotes
    return ()


def _plain(text: str) -> str:
    """Quotation marks and spacing made alike: an answer shows inner quotes as single ones."""
    return " ".join(_MARKS.sub("'", text).split())


def _holds(text: str, quotes: Sequence[str]) -> bool:
    plain = _plain(text)
    return any(_plain(q).rstrip(".") in plain for q in quotes)
