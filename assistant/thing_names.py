"""The name of someone's thing: "What is the name of Ostrand's lunar lander?" over "The Ostrand
Space Agency's Kittiwake lander touched down…". The name stands between the owner's possessive
and the thing's noun; the sentence names no person, so the name rule had turned it away (the
users' sets)."""

from __future__ import annotations

import re

from .titled import NAME

__all__ = ["thing_named"]

# "What is the name of Ostrand's lunar lander?", "What was the name of the Hale family's boat?"
_ASKED = re.compile(r"^\W*what\s+(?:is|was|'s|’s)\s+(?:the\s+)?name\s+of\s+(?:the\s+)?"
                    r"(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*"
                    r"(?:\s+(?-i:[a-z])[\w-]*)?)"  # "the Hale family's boat"
                    r"(?:[’']s|[’'])\s+"
                    r"(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?P<noun>(?-i:[a-z])[\w-]*)\W*$", re.I)


def thing_named(question: str, sentence: str) -> tuple[int, int] | None:
    """The name the sentence gives the owner's thing asked about: the capitalised words after
    a possessive holding the owner's whole name (more of it may follow: "Ostrand Space
    Agency's" asked Ostrand's; not "Ostrand Mining Company's" asked the Ostrand Space
    Agency's), before the thing's noun (two describing words between at most: "Kittiwake
    lunar lander"); sentence offsets, or None."""
    asked = _ASKED.match(question.strip())
    if asked is None:
        return None
    owner = r"\s+".join(re.escape(w) for w in asked.group("owner").split())
    noun = re.escape(asked.group("noun"))
    m = re.search(rf"\b{owner}\b(?:\s+[A-Z][\w-]*)*[’']s\s+(?P<n>{NAME})\s+"
                  rf"(?:[a-z][\w-]*\s+){{0,2}}?{noun}\b", sentence)
    return None if m is None else m.span("n")
