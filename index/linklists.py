"""Lists of related headlines around a "Related News"-style label on a scraped page, and share
bars: links to other stories and to other sites, no part of this one (`cleaning` drops them)."""

from __future__ import annotations

import re

__all__ = ["is_share_bar", "link_list_lines"]

# "Related coverage" and "More transfer news" (a topic's own list) too: a tester's pages kept
# their two link headlines under them.
_LINK_LABEL = re.compile(
    r"^(?:related(?: news| articles| stories| content| coverage)?|more coverage"
    r"|more (?:[\w'’-]+ ){0,2}(?:news|stories)|more from .{1,40}|most popular|most read"
    r"|trending|recommended|you may also like|also read|read also|read more|latest news"
    r"|top stories)\s*:?$",
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


# A share bar ("Share: Facebook | X | Email", "Share this obituary · Send condolences · Sign
# the online book of remembrance"): a "Share" label, then its buttons apart. A table's row
# ("Share: 6.4% | Votes: 3,120") has figures, a sentence ends as one; "Shares in Veltrana
# rose" is no label.
_SHARE_LABEL = re.compile(r"^share(?:\s+(?:this|on|via)(?:\s+[\w-]+)?)?\s*(?::|$)", re.I)
_BUTTONS = re.compile(r"\s[|·•]\s")
_BUTTON_WORDS = 6  # "Sign the online book of remembrance"


def is_share_bar(line: str) -> bool:
    """A share bar's line, anywhere on the page (a head's share bar is `pagehead`'s too)."""
    parts = [p.strip() for p in _BUTTONS.split(line)]
    return (len(parts) >= 2 and bool(_SHARE_LABEL.match(parts[0]))
            and not any(c.isdigit() for c in line)
            and all(p and len(p.split()) <= _BUTTON_WORDS and p[-1] not in ".!?" for p in parts))
