"""Follow-ups about the last answer itself: where it is from (`last_answer`), when it
happened (`last_when`), who said it (`last_who`), the other side of its contest
(`last_side`). Each is answered from the sentence the last answer quoted, before any search."""

from __future__ import annotations

from index import NewsIndex

from .last_answer import LastAnswerReply, reply_about_last
from .last_side import reply_side
from .last_when import reply_when
from .last_who import reply_who
from .request import Request

__all__ = ["reply_to_last"]


def reply_to_last(request: Request, index: NewsIndex) -> LastAnswerReply | None:
    """The reply to a follow-up about the last answer itself (its source, its date, who said
    it, the other side of its contest), made from that answer's quote; None for any other
    question."""
    if not request.history:
        return None
    for reply in (reply_about_last, reply_when, reply_who, reply_side):
        if (found := reply(request.question, request.history, index)) is not None:
            return found
    return None
