"""Lists of related headlines around a "Related News"-style label on a scraped page: links to
other stories, no part of this one (`cleaning` drops them)."""

from __future__ import annotations

import re

__all__ = ["link_list_lines"]

_LINK_LABEL = re.compile(
    r"^(?:related|related news|related articles|related stories|related content|more stories"
    r"|more from .{1,40}|most popular|most read|trending|recommended|you may also like"
    r"|also read|read also|read more|more news|latest news|top stories)\s*:?$",
    re.I,
)
_LINK_LIST_LINES = 8  # at most this many related headlines below their label
_LINK_LIST_WORDS = 14  # a related headline below its label: at most this many words, no stop


def _is_link_line(line: str, below: bool = False) -> bool:
    """A related-article headline or a bare label: Title Case or a few words, no full stop.
    `below` the label, a headline in sentence case too ("City approves new aquarium wing"):
    above it, such a line may be the story's own subheading."""
    words = line.split()
    capitalised = sum(w[:1].isupper() for w in words)
    # "The measures include:" opens the story's own list: the run of links ends there.
    return line[-1] not in ".!?\"”’:" and (
        len(words) <= 3 or capitalised / len(words) > 0.6
        or (below and len(words) <= _LINK_LIST_WORDS))


def link_list_lines(lines: list[str]) -> set[int]:
    """Indexes of "Related News"-style labels and the runs of headline-like lines on either side
    of them. Anchored on the label, so a list that is content (a ranking, a roll call) stays."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not _LINK_LABEL.match(line):
            continue
        drop.add(i)
        for step in (-1, 1):
            j = i + step
            while (0 <= j < len(lines) and _is_link_line(lines[j], below=step == 1)
                   and abs(j - i) <= _LINK_LIST_LINES):
                drop.add(j)
                j += step
    return drop
