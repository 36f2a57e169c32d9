"""What a paper's name is, by its words: one ending as only papers' names do ("The Lowland
Observer", "Northern Daily Record"), not a page's label ("Breaking News") nor a headline in title
case that ends in a paper's word ("Minister Quits Post"), and how a masthead in capitals is
written as a name. `pagehead` and `mastheads` read a page's head with these."""

from __future__ import annotations

import re

__all__ = ["LABEL", "PAPER_WORDS", "masthead_name", "names_paper", "reads_as_headline"]

# Names only papers end in ("Valley Herald", "The Western Echo").
PAPER_WORDS = frozenset({
    "herald", "gazette", "journal", "chronicle", "tribune", "courier", "ledger", "observer",
    "guardian", "telegraph", "dispatch", "examiner", "inquirer", "sentinel", "advertiser",
    "argus", "mercury", "globe", "echo", "bugle", "clarion", "enquirer", "times", "post"})
# A paper's name may end in "Daily" or "Weekly" ("Eastfield Sports Daily", "Arts Desk
# Weekly"), or have it before one of these ("Northern Daily Record"); a headline may open with
# it ("Weekly Bin Collections Axed", "Daily Ferry Service Axed").
_DAILIES = frozenset({"daily", "weekly"})
_AFTER_DAILY = PAPER_WORDS | {"record", "mail", "mirror", "star", "express", "news", "press",
                              "standard", "report"}
# Nor does a name with an edition's word before one of those ("Dunsford Evening Star",
# "Morning Star") head anything but a paper.
_EDITIONS = _DAILIES | {"evening", "morning", "sunday"}
# A page's label, not its name, though it ends in a paper's word ("Breaking News").
LABEL = re.compile(r"(?:breaking|latest|top|local|world|national|international|business"
                   r"|sports?|live|more|related|daily)\s+(?:news|updates?|briefing)", re.I)


def names_paper(name: str) -> bool:
    """Ends as only a paper's name does: in a paper's word ("The Lowland Observer", "Arts Desk
    Weekly"), or in "Daily"/"Weekly" and one ("Northern Daily Record"). Such a word elsewhere
    is a headline's ("Post Office Counter Closes", "Times Tables Test Scrapped", "Weekly
    Roundup"); "Health News", "Book Review" and "Markets Today" may be a page's section,
    "Daily Updates" its label."""
    words = [w.casefold() for w in name.split()]
    if not words or LABEL.fullmatch(name):
        return False
    return (words[-1] in PAPER_WORDS | _DAILIES
            or (len(words) > 1 and words[-2] in _EDITIONS and words[-1] in _AFTER_DAILY))


# Small words a headline in title case capitalises and a paper's name has none of after its
# first word ("Residents Rally Behind Local Times", "Readers Save The Chronicle"); "The Voice of
# the Valley" has its "the" after "of".
_SMALL_WORDS = frozenset({"the", "a", "an", "to", "for", "in", "on", "at", "as", "by", "with",
                          "from", "over", "after", "behind", "into", "against", "amid", "under",
                          "up", "more", "is", "are", "its"})


def reads_as_headline(line: str) -> bool:
    """Title case words that are a headline's, not a paper's name, though they end in a
    paper's word: a small word capitalised after the first ("Residents Rally Behind Local
    Times", "Readers Save The Chronicle"), or a verb in "s" before the paper's word ("Minister
    Quits Post", "Ferry Firm Buys Courier"). A place so ending ("Los Angeles Times") reads as
    a headline too, so a masthead in title case alone above the date line or the headline
    is known only by its capitals, its sections below or its section beside it."""
    if line.isupper():  # capitals say nothing of the case a headline is written in
        return False
    words = line.split()
    befores = [w.casefold() for w in words]
    small = any(w.casefold() in _SMALL_WORDS and w[:1].isupper()
                and not (w == "The" and before == "of")
                for before, w in zip(befores, words[1:], strict=False))
    # Only before a paper's word: "Eastfield Sports Daily" has no verb
    papers = _AFTER_DAILY | PAPER_WORDS
    verb = befores[-2] if len(words) >= 3 and befores[-1] in papers else ""
    return small or (verb.endswith("s") and not verb.endswith(("ss", "'s", "’s"))
                     and verb not in papers)


def masthead_name(line: str) -> str:
    """A masthead as a name: "NORTHFIELD COURIER" is Northfield Courier."""
    return line.title() if line.isupper() else line
