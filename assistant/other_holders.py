"""Holders of a role the question does not ask for: the others beside the answer ("Who is
the president?" over news of several countries), another's holder ("Herons head coach Tom
Berg" asked the Riverton team's coach), and the holder a question is about rather than asks
for ("Who did the mayor meet with?")."""

from __future__ import annotations

import re

from .asked_titles import owned_as_asked
from .roles import RoleHolder, asked_role, asks_for_holder, role_holder, which_role
from .titled import TITLES, bare_title, holders, owned_by_reference, placed_holders

__all__ = ["holder_of_another", "other_holders", "subject_holders"]


def other_holders(question: str, lead: str, sentences: list[str], most: int = 3
                  ) -> list[tuple[int, RoleHolder]]:
    """Asked who holds a title and nothing says whose ("Who is the president?"), the other
    holders the sentences name beside `lead`, the one the answer gives: (sentence index,
    holder), one per surname, in the sentences' order. Over news of several countries the
    question has several answers, and naming one alone would pass it off as the only one."""
    asked = asked_role(question)
    if (asked is None or asked.qualifiers or asked.of or not asks_for_holder(question)
            or asked.became):  # who became it: one answer
        return []
    seen = {w.casefold() for w in lead.split()}
    found: list[tuple[int, RoleHolder]] = []
    for i, sentence in enumerate(sentences):
        for holder in holders(asked.role, sentence):
            # Any word shared is the same person: "Yoon" of "Yoon Suk Yeol", "Xi" of "Xi
            # Jinping" (surname first).
            words = {w.casefold() for w in holder.name.split()}
            if not words & seen and len(found) < most:
                seen |= words
                found.append((i, holder))
    return found


# Events that make someone the holder: "Who was elected mayor?", "Who replaced the coach?"
# ask for a holder, not about one.
_MAKES_HOLDER = re.compile(r"\b(?:elect|appoint|nam(?:e|ed|ing)\b|nominat|chose|choos|select"
                           r"|succeed|replac|becom|became|sworn|swear|install|hire|promot)"
                           rf"|\b(?:new|next)\s+(?:{TITLES})\b", re.I)


def holder_of_another(question: str, sentence: str, title: str = "") -> list[RoleHolder]:
    """The holders of the role asked about that the sentence names, when the question
    qualifies the role and none of them is qualified so ("Herons head coach Tom Berg" asked
    "Who is the coach of the Riverton team?"): each holds another's title."""
    asked = asked_role(question)
    if asked is None or not (asked.qualifiers or asked.of) or not asks_for_holder(question):
        return []
    if role_holder(question, sentence, title) is not None:
        return []
    # A bare title ("…, Mayor Anders Kvist said.") says nothing of whose it is; one set
    # before its holder's name is read where the title stands ("Northwind's chief executive,
    # Marcus Oyelaran,": not the comma before the name).
    return [h for at, h in placed_holders(asked.role, sentence)
            if not bare_title(sentence, min(at, h.start))
            and not owned_by_reference(sentence, at)  # "Its president, Owen Pritchard,"
            and not owned_as_asked(sentence, at, (*asked.qualifiers, *asked.of))]


def subject_holders(question: str, sentence: str) -> list[RoleHolder]:
    """The holders the sentence names of a title the question names as whom it is about:
    "Who did the mayor meet with?" is about "Portland Mayor Keith Wilson", who is no answer
    to it. None where the question asks for the holder, or for who became one."""
    if asks_for_holder(question) or which_role(question) or _MAKES_HOLDER.search(question):
        return []
    # "Who was the president who signed the bill?" asks for the holder after all.
    named = {" ".join(m.group().casefold().split())
             for m in re.finditer(rf"\b(?:{TITLES})\b(?!\s+(?:who|that|which)\b)", question,
                                  re.I)}
    return [h for role in named for h in holders(role, sentence)]
