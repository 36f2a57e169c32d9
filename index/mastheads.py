"""Where a copied page prints its paper's name in its head: a masthead above the sections or
above the date line ("NORTHFIELD COURIER" / "News | Culture | Music", "Northern Daily Record"
/ "Thursday 5 February 2026"), a masthead with its section ("The Lowland Observer - Science",
"Arts Desk Weekly | Books"), or the name joined to the section and the date ("Porthaven Evening
Post · Transport · Tuesday 17 February 2026"). The name is the outlet (`provenance`); a line
that is only the name is the page's, not the story's, and `cleaning` drops it."""

from __future__ import annotations

import re

from .dates import find_date_line
from .pagehead import (
    BARS,
    SECTIONS,
    a_name,
    after_head_line,
    bare_byline,
    head_clutter,
    head_date,
    head_parts,
    is_byline,
    is_menu,
    masthead,
    page_head,
)
from .papernames import LABEL, masthead_name, names_paper, reads_as_headline

__all__ = ["dated_masthead", "masthead_date", "masthead_line", "masthead_section", "names_outlet",
           "names_topic"]

# Between a masthead and its section: "The Lowland Observer - Science", "Arts Desk Weekly |
# Books".
_SECTION_BAR = re.compile(rf"\s[{BARS}–—-]\s")
_SECTION_WORDS = 3


def masthead_line(lines: list[str]) -> tuple[int, str] | None:
    """(index, name) of the head's line that is the paper's masthead and nothing else: the
    first line that is no ticker or menu, above the sections or above the date line of a head
    that goes on to a headline and a byline; or a name with its section, at the top or under
    the headline. A ticker the head drops may stand between the masthead and what it heads
    ("BORDERS & LOTHIAN GAZETTE" / "RESULTS: Kelso 3.15 - 1 …" / "Racing | Sunday 1 March
    2026": a tester's page had no outlet); where the head read as it is names none, it is
    read without its clutter (not first: a menu under the masthead is clutter too, and says
    that the line above it is the masthead)."""
    head = page_head(lines)
    clutter = head_clutter(lines)
    firsts = [i for i in range(head) if i not in clutter][:2]
    if found := _masthead_among(lines, firsts, head):
        return found
    kept = [i for i in range(len(lines)) if i not in clutter]
    if not clutter or not (found := _masthead_among([lines[i] for i in kept], [0, 1],
                                                    head - len(clutter))):
        return None
    return kept[found[0]], found[1]


def _masthead_among(lines: list[str], firsts: list[int], head: int) -> tuple[int, str] | None:
    """(index, name) of the masthead among the head's `firsts` lines (`masthead_line`)."""
    for n, i in enumerate(firsts[:head]):
        line = lines[i]
        if n == 0 and _above_sections_or_date(lines, i, head):
            return i, masthead_name(line)
        if n == 0 and (name := _outlet_above_headline(lines, i)):
            return i, name
        if name := _with_section(line):
            return i, name
    return None


def _above_sections_or_date(lines: list[str], i: int, head: int) -> bool:
    """A masthead above the menu of sections ("Metro News" / "Home › Technology"), or a
    paper's name above the date line, then a headline and a byline ("Northern Daily Record" /
    "Thursday 5 February 2026" / … / "By Malcolm Ferrier"): not a short headline above its own
    date ("Daily Fares Rise" / "3 March 2026" / its first sentence), nor one above its date
    and byline ("Minister Quits Post" / "3 March 2026" / "By Iwan Pryce")."""
    if i + 1 >= len(lines) or not masthead(lines, i) or SECTIONS.search(lines[i]):
        return False
    following = lines[i + 1]
    if is_menu(following):
        return True
    if not names_paper(lines[i]):
        return False
    headed = i + 2 < len(lines) and not is_byline(lines[i + 2])
    # a byline without its "By" too ("Dilys Brangwyn" / "Reporter", a tester's Word file)
    bylined = any(is_byline(lines[k]) or bare_byline(lines, k) for k in range(i + 3, head))
    return (head_date(following) is not None and headed and bylined) or _above_headline(
        lines, i + 1)


def _above_headline(lines: list[str], n: int) -> bool:
    """Is line `n` a headline its byline or date line follows ("Carrick & District Evening
    Post" / "Storm Brannagh: death toll rises to nine…" / "By Fergal Mooney…")? Then the
    paper's name above it is the masthead: a headline has no name's few capitalised words
    above it, but a kicker's ("Environment"), which names no paper."""
    line = lines[n]
    return (len(line.split()) >= 3 and line[-1] not in ".!?" and not a_name(line)
            and head_date(line) is None and not is_byline(line) and after_head_line(lines, n))


# A name only a page's section has: a topic's words before an outlet's ("Health News", "Book
# Review", "Tech Weekly" may be a page's section, its kicker above the headline, `kicker`).
_TOPICS = frozenset({
    "art", "arts", "book", "books", "business", "climate", "crime", "culture", "education",
    "entertainment", "environment", "film", "finance", "food", "health", "lifestyle", "local",
    "markets", "money", "motoring", "music", "opinion", "politics", "property", "science",
    "sport", "sports", "tech", "technology", "travel", "weather", "world"})


def names_topic(name: str) -> bool:
    """Has the name a topic's word, as a section's has ("Local Politics", "Travel Desk")?"""
    return any(word.casefold() in _TOPICS for word in name.split())


def _outlet_above_headline(lines: list[str], i: int) -> str | None:
    """The outlet's name, alone or with its section, opening the page above a headline its
    byline or date line follows ("Campus Weekly", "Northern Bulletin", "SPORTS WIRE — Tennis"
    / the headline / "By …"): a tester's three text pages had it for their title, no outlet,
    and the headline quoted as an answer. Not a short headline above its standfirst ("Minister
    Quits Post"), nor a section's label alone ("Health News")."""
    parts = [p.strip("*_ ") for p in _SECTION_BAR.split(lines[i])]
    name, section = parts[0], parts[1:]
    if len(section) > 1 or (section and not _a_section(section[0])):
        return None
    # Without its section, a topic's name in title case may be the section's own
    sectioned = bool(section) or name.isupper() or name.split()[0].casefold() not in _TOPICS
    named = (a_name(name) and names_outlet(name) and not reads_as_headline(name)
             and not LABEL.fullmatch(name) and sectioned)
    return masthead_name(name) if named and _headline_below(lines, i) else None


def _headline_below(lines: list[str], i: int) -> bool:
    """Is a headline right under line `i`, or under a kicker or the date line right under it,
    or under both ("WEALD & DOWNS GAZETTE" / "Education" / the headline, "THE BOOKSHELF REVIEW
    — INTERVIEW" / "12 March 2026" / the headline, "Whitford Advertiser" / "Business" /
    "Thursday 5 November 2026" / the headline): a tester's text pages had no outlet, and one
    its masthead for its title."""
    if _above_headline(lines, i + 1):
        return True
    between = lines[i + 1:i + 3]
    kinds = ["kicker" if _kicked(line) else "date" if find_date_line(line, alone=True) else ""
             for line in between]
    # One kicker, one date line, or a kicker and a date line in either order: with the date
    # line, a section's label ("Business"), not a short headline ("Ferry Service Ends") or a
    # name ("Jane Morrison") over it
    for n, k in enumerate(kinds, start=1):
        if not k or (n == 2 and (kinds[0] == k or not _a_label(between[kinds.index("kicker")]))):
            return False
        if i + n + 1 < len(lines) and _above_headline(lines, i + n + 1):
            return True
    return False


def _kicked(line: str) -> bool:
    """A section's label, a kicker: a few capitalised words, no figure, no byline
    ("Education", "Business")."""
    return (a_name(line) and len(line.split()) <= _SECTION_WORDS
            and not any(c.isdigit() for c in line) and not is_byline(line))


def masthead_section(lines: list[str], mast: int | None) -> int | None:
    """The index of the section's label between the masthead (line `mast`, `masthead_line`'s)
    and its date line ("Whitford Advertiser" / "Business" / "Thursday 5 November 2026"): the
    page's, as the masthead is, no line of the story nor its headline."""
    n = mast + 1 if mast is not None else len(lines)
    dated = n + 1 < len(lines) and find_date_line(lines[n + 1], alone=True) is not None
    return n if dated and _kicked(lines[n]) and _a_label(lines[n]) else None


def _a_label(line: str) -> bool:
    """A section's label, a word alone or a topic's ("Business", "Local Politics"), not a
    short headline ("Ferry Service Ends") nor a name ("Jane Morrison")."""
    return len(line.split()) == 1 or names_topic(line)


def _a_section(section: str) -> bool:
    """A section's name beside the paper's: a few capitalised words, no date ("Tennis")."""
    return (a_name(section) and len(section.split()) <= _SECTION_WORDS
            and head_date(section) is None)


def _with_section(line: str) -> str | None:
    """The paper's name of a masthead with its section ("Arts Desk Weekly | Books")."""
    parts = [p.strip("*_ ") for p in _SECTION_BAR.split(line)]
    if len(parts) != 2:
        return None
    name, section = parts
    named = a_name(name) and names_paper(name) and _a_section(section)
    return masthead_name(name) if named else None


def dated_masthead(lines: list[str]) -> str | None:
    """The paper's name where a line of the head joins it to the section and the date
    ("Porthaven Evening Post · Transport · Tuesday 17 February 2026"), or a name papers are
    called by beside a section ("The Northern Quarter Review · Music · Friday 6 March 2026",
    "DUNSFORD EVENING STAR | Friday 20 February 2026 | Local politics"): a tester's review and
    PDF had no outlet."""
    parts = _dated_masthead_parts(lines)
    return masthead_name(parts[0]) if parts else None


def masthead_date(lines: list[str]) -> str | None:
    """The date of the head's line that joins the paper's name to the section and the date
    (`dated_masthead`): "Yorkshire Dales Observer — Pets & Country — Tuesday 21 April 2026",
    its dashes no head's bars, gave a tester's page its outlet but no date. None beside a
    section dated by its content (an archive's, an almanac's, fixtures', what's on)."""
    parts = _dated_masthead_parts(lines) or []
    if any(_CONTENTS_DATED.search(part) for part in parts[1:]):
        return None
    return next((d for part in parts[1:] if (d := find_date_line(part, alone=True))), None)


# A section whose date is its content's, not the page's ("From the Archive — Friday 14 March
# 1986", "Almanac — Wednesday 21 April 1926", "Rugby Fixtures", "What's On").
_CONTENTS_DATED = re.compile(r"\b(?:archives?|almanac|years\s+ago|on\s+this\s+day|fixtures"
                             r"|what[’']?s\s+on|listings|diary|looking\s+back|nostalgia"
                             r"|flashback|retro)\b", re.I)


def _dated_masthead_parts(lines: list[str]) -> list[str] | None:
    """The parts of the head's line that joins the paper's name to the section and the date,
    the name first (`dated_masthead`)."""
    for line in lines[:page_head(lines)]:
        parts = head_parts(line) or _sectioned_parts(line)
        if parts and not is_byline(parts[0]) and a_name(parts[0]) and (
                names_paper(parts[0]) or _named_beside_section(parts)):
            return parts
    return None


def _sectioned_parts(line: str) -> list[str] | None:
    """The parts of a line that joins a name to the date and a section in sentence case
    ("Local politics"), which `head_parts` reads as no head's line, or with dashes between
    them ("TEES & WOLD HERALD - Health - 27 February 2026", a tester's PDF, which had no
    outlet)."""
    parts = [p.strip("*_ 	") for p in _SECTION_BAR.split(line)]
    dated = [p for p in parts if find_date_line(p, alone=True)]
    others = [p for p in parts[1:] if p not in dated]
    sectioned = len(dated) == 1 and others and all(map(_a_section_of_any_case, others))
    return parts if sectioned else None


def _a_section_of_any_case(part: str) -> bool:
    return (part[:1].isupper() and len(part.split()) <= _SECTION_WORDS and ":" not in part
            and not any(c.isdigit() for c in part))


def _named_beside_section(parts: list[str]) -> bool:
    """A name papers are called by ("The Northern Quarter Review") beside the date and a
    section: the section says that the name is the paper's, not one's own ("Book Review" has
    a topic's first word, and may be the section)."""
    name, others = parts[0], parts[1:]
    sectioned = any(find_date_line(p, alone=True) is None and _a_section_of_any_case(p)
                    for p in others)
    topical = name.split()[0].casefold() in _TOPICS and not name.isupper()
    # A name of two words or more in capitals, set as a masthead is, needs no paper's word
    # ("WEST PENWITH PACKET | Obituaries | Thursday 24 September 2026": a tester's obituary
    # had no outlet)
    capitals = name.isupper() and len(name.split()) >= 2
    return (sectioned and (names_outlet(name) or capitals) and not topical
            and not LABEL.fullmatch(name) and not reads_as_headline(name))


def names_outlet(name: str, anywhere: bool = False) -> bool:
    """A wire's name, or a paper's, ending in a word papers are called by ("Global Wire",
    "Harbourside Times", "Meridian News Agency"), or with one `anywhere` in it where the page
    says plainly that it is its name ("Aviation Wire Europe" heading a masthead, "Lisbon Daily
    Report | April 4, 2025"): not an author's ("Jane Doe", "Staff Reporter") or a dateline's
    place ("Washington")."""
    words = name.casefold().split()
    held = set(words) & _OUTLET_WORDS if anywhere else {words[-1]} & _OUTLET_WORDS
    return name.casefold() in _WIRES or (2 <= len(words) <= 5 and bool(held))


# Wires whose name alone before a date is a page's outlet ("Reuters | June 3, 2025"): a name
# of another kind there may be an author's.
_WIRES = frozenset({"reuters", "ap", "associated press", "the associated press", "afp",
                    "agence france-presse", "bloomberg", "xinhua", "yonhap", "kyodo", "upi",
                    "dpa", "efe", "ansa", "tass", "pti", "ani", "pa media"})
# Words that name a news outlet ("Global Wire, 25 November 2026" under a title is the page's
# source and date; "Jane Doe, 25 November 2026" may be its author's).
_OUTLET_WORDS = frozenset({
    "wire", "news", "times", "post", "herald", "gazette", "journal", "chronicle", "tribune",
    "press", "daily", "courier", "review", "ledger", "observer", "guardian", "telegraph",
    "express", "bulletin", "weekly", "magazine", "radio", "tv", "broadcasting", "agency",
    "media", "network", "dispatch", "examiner", "inquirer", "monitor", "register", "sentinel",
    "advertiser", "argus", "mercury", "globe", "echo", "bugle", "clarion", "enquirer", "today"})
