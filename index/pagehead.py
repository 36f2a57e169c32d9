"""A copied page's head: its masthead ("THE COASTAL LEDGER"), its sections ("Home | News |
Sport"), a ticker, its headline, byline and date line, before the story's first sentence. What
`cleaning` takes the title from and drops, and `provenance` the date, author and outlet."""

from __future__ import annotations

import re

from .bylinechecks import FILING_ROLE, REPORTER_ROLE, about_the_name
from .dates import find_date_line
from .papernames import PAPER_WORDS, names_paper, reads_as_headline

__all__ = ["BARS", "BYLINE_LABEL", "CALENDAR", "DATE_ALONE_LINES", "HEAD_LINES", "OUTLET_NAME",
           "PARTS", "SECTIONS", "SITE", "a_name", "after_head_line", "bare_byline",
           "byline_author", "head_clutter", "head_date", "head_parts", "is_byline", "is_menu",
           "kicker", "masthead", "page_head"]

# What sets the parts of a line of a page's head apart, with a blank each side ("Home |
# News", "Porthaven Evening Post · Transport"); a menu's path may use arrows too, and a
# masthead's section a dash ("The Lowland Observer - Science", `mastheads`).
BARS = "|·"
PARTS = re.compile(rf"\s[{BARS}]\s")
# A list of a site's sections ("Home | News | Sport") or a ticker's ("DOW 41,220.15 ▲0.31%").
SECTIONS = re.compile(rf"\s[{BARS}›»▲▼]\s|[▲▼]")
_MENU_BAR = re.compile(rf"\s[{BARS}›»]\s")
DATE_ALONE_LINES = 3  # a line that is only a date is the article's date among its first 3
HEAD_LINES = 12  # a page's head (masthead to date line) is at most this long
SITE = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.I)
# A paper's or a site's name as it is written: a few capitalised words ("The Riverside
# Gazette", "Meridian Business Review", "The Voice of the Valley"), no sentence.
OUTLET_NAME = re.compile(r"(?:The\s+)?[A-Z][\w.&'’-]*"
                         r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&'’-]*){0,4}")
# Who wrote it: a byline under the title ("By Marta Siwek, Staff Reporter", "By Tomás Reyes |
# …"), else a credit line anywhere ("(Reporting by Anna Keller; Editing by Mark Hughes)").
# The name ends the line, or a bar or a short credit follows it ("…, Staff Reporter", "…,
# Associated Press"): "By Tuesday, the fire had spread…" is the story's first sentence.
CALENDAR = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
            r"|March|April|May|June|July|August|September|October|November|December)")
_NAME = rf"(?!{CALENDAR}\b)[A-Z][\w.'’-]+(?:\s+(?:de|van|von|[A-Z][\w.'’-]+)){{0,3}}"
# A byline without its "By" ("Rafael Quintero-Mills, Legal Affairs Correspondent", "Benedikt
# Sørlie, Kestrel Bay", "Priya Castellanos, Technology Editor · 10 February 2026"): a name of two
# to four words, then the reporter's role or the place they filed from, in capitalised words.
_PERSON = rf"(?!{CALENDAR}\b)[A-Z][\w.'’-]+(?:\s+(?:de|van|von|[A-Z][\w.'’-]+)){{1,3}}"
# A byline's label and its colon, before a name of two words at least ("Reporter: Aled
# Brannock", "Words: Priyanka Sole | Pictures: Tom Arkwright"): a tester's two pages had no
# author, and one its byline for its title. A transcript's "Reporter: Thank you." names no one.
BYLINE_LABEL = r"(?:reporter|words|author|writer|(?:written|words)\s+by|by)\s*:\s*"
# Two reporters ("By Tomasz Wierzbicki and Hannah Greave") are both named.
# A review's or an interview's byline says what its writer did ("Reviewed by Aoife Brannigan",
# "Interview by Simon Achterberg"): a tester's two pages had no author.
_BYLINE = re.compile(rf"^[*_\s]*(?:(?:(?:reviewed|interview|interviewed|words|written)\s+)?"
                     rf"by\s+|{BYLINE_LABEL}(?=(?-i:{_PERSON})))"
                     rf"(?P<n>(?-i:{_NAME}(?:\s+and\s+{_NAME})?))[*_\s]*"
                     # "By Elena Sorrentino in San Crisanto", "By Gareth Llewellyn at Harlow
                     # Road": where the reporter filed from
                     r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))?"
                     r"(?:\|.*|,(?-i:\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}))?"
                     # "By Amira Haddad, Courts Reporter · 3 June 2026", "By Sunil Madhavan,
                     # Companies Reporter | Published 29 January 2026"
                     r"(?:\s+[·|]\s.*)?[*_\s]*$", re.I)
_BYLINE_LINES = 5
_BARE_BYLINE = re.compile(rf"^[*_\s]*(?P<n>{_PERSON}),\s+(?P<r>[A-Z][\w'’-]*"
                          r"(?:\s+(?:of|and|&|[A-Z][\w'’-]*)){0,4})"
                          # where the reporter filed from, after the role ("Siobhan Kilgallen,
                          # Golf Correspondent, at Ballyvara Links", a tester's golf page)
                          r"(?P<p>,?\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
                          r"(?:\s+[·|]\s.*)?[*_\s]*$")
_ROLE = re.compile(r"\b(?:editor|correspondent|reporter|writer|columnist|critic|contributor"
                   r"|journalist|producer)s?$", re.I)
# A ticker's or a live page's line in the head ("Breaking: Power cut hits 3,000 homes…",
# "LIVE: Markets react…"), and a share bar ("🔗 Copy link   Share on Facebook"): no sentence of
# the story (a "Breaking:" line that ends as a sentence may be its first; one trailing off,
# "Breaking: Ferry services suspended after engine fault...", is cut short as a ticker's is).
_HEAD_TICKER = re.compile(r"^\W*(?:breaking(?:\s+news)?|live|ticker|just\s+in|latest|developing)"
                          r"\s*:.*(?:[^.!?\"”]|\.\.\.|…)$", re.I)
# A share bar's buttons stand apart ("Share on Facebook | Share on X", "🔗 Copy link   Share on
# LinkedIn"); "Users can now share photos to WhatsApp and Facebook" is a sentence.
_SHARE_BAR = re.compile(r"^(?=.*(?:[|·•🔗✉🖨]|\S\s{2,}\S))(?=.*\b(?:share|tweet|copy\s+link)\b)",
                        re.I)
# A ticker's line under a label in capitals, its items apart ("LIVE: Traffic updates | Weather:
# showers, 14C").
_CAPS_TICKER = re.compile(r"^[A-Z]{3,}(?: [A-Z]{2,})*:\s.*\s\|\s")
# A markets ticker in the head, its label in any case ("Markets: FTSE 100 9,412 +0.3% | GBP/USD
# 1.2870 | Gold $2,655", a tester's, was quoted for the price of gold today): each of its
# items a name and its quote, no sentence ("Results: Ward A 512 | …" has no market's label).
_MARKETS = re.compile(r"^\W*(?:markets?|stocks?|shares|indices|currencies|commodities)\s*:\s*"
                      r"(?P<q>.+)$", re.I)
_QUOTE = re.compile(r"[A-Za-z][\w&/.'’ -]*?(?:\s[-+▲▼]?[$£€¥]?\d[\d,.]*%?)+")
# A menu's item: a few words, no figure, no "label: value" ("Results: Ward A 512 | …" and a
# table's row are no menu).
_ITEM = re.compile(r"[^\d:]{1,30}")


def page_head(lines: list[str]) -> int:
    """How many lines come before the story's first sentence (a line of five words or more
    ending as a sentence does), at most HEAD_LINES: masthead, sections, headline, byline,
    date, share buttons."""
    # No sentence ends in that many lines: text wrapped at a fixed width, or a timeline, whose
    # date alone a few lines down is an entry's, not the page's.
    # A ticker's line trailing off above the headline is no sentence of the story.
    return next((n for n, line in enumerate(lines[:HEAD_LINES])
                 if line[-1:] in (".", "!", "?", "\"", "”") and len(line.split()) >= 5
                 and not _HEAD_TICKER.match(line)),
                min(len(lines), DATE_ALONE_LINES))


def byline_author(text: str) -> str | None:
    """The name of a byline among the text's first lines ("By Helen Park, Courts Reporter",
    "24 February 2026 | By Felix Aldridge")."""
    lines = [line for line in text.splitlines() if line.strip()]
    head = max(_BYLINE_LINES, page_head(lines))
    for line in lines[:head]:
        for part in (line, *(head_parts(line) or ())):
            match = _BYLINE.match(part)
            if match and not SITE.fullmatch(match.group("n").lower()):
                return match.group("n")
    # Only where no byline has its "By": a page that has one reads exactly as before.
    bare = (bare_byline(lines, i) for i in range(1, min(head, len(lines))))
    return next((found for found in bare if found), None)


def bare_byline(lines: list[str], i: int) -> str | None:
    """The name of line `i` where it is a byline without its "By", under the headline or the
    date line: a name and a role ("Rafael Quintero-Mills, Legal Affairs Correspondent"), or a
    name and the place filed from beside the date ("Benedikt Sørlie, Kestrel Bay" above "22
    February 2026"), or a name, a role and the place ("…, Golf Correspondent, at Ballyvara
    Links"), or a name alone over the role alone; a tester's pages had no author, and the line
    was quoted as an answer. A place alone beside no date ("Anna Berg, Kestrel Bay" under a
    headline) may be two names."""
    if not 0 < i < len(lines):
        return None
    match = _BARE_BYLINE.match(lines[i])
    if match is None:
        return _name_over_role(lines, i)
    if match.group("n").split()[-1].casefold() in PAPER_WORDS:
        return None
    role, name = match.group("r"), match.group("n")
    if match.group("p"):  # a place filed from after a reporter's role only, no subject's
        return name if FILING_ROLE.search(role) and not about_the_name(lines, i, name) else None
    if _ROLE.search(role):
        return name
    beside = [lines[j] for j in (i - 1, i + 1) if j < len(lines)]
    dated = find_date_line(lines[i]) or any(find_date_line(b, alone=True) for b in beside)
    placed = not re.search(rf"\b{CALENDAR}\b", role)
    return match.group("n") if dated and placed else None


# A reporter's role on a line of its own ("Reporter", "Health Correspondent").
_ROLE_LINE = re.compile(r"[*_\s]*[A-Z][\w'’-]*(?:\s+(?:of|and|&|[A-Z][\w'’-]*)){0,3}[*_\s]*")


def _name_over_role(lines: list[str], i: int) -> str | None:
    """The name of line `i` where it is a name alone over a reporter's role alone ("Dilys
    Brangwyn" / "Reporter", a tester's Word file), above the story's first sentence and not
    its subject (`about_the_name`; a Q&A's "Ruth Evans" / "Editor" is no byline)."""
    name = lines[i].strip("*_ \t")
    role = lines[i + 1] if i + 1 < len(lines) else ""
    person = re.fullmatch(_PERSON, name) is not None and (
        name.split()[-1].casefold() not in PAPER_WORDS)
    reporter = person and _ROLE_LINE.fullmatch(role) and REPORTER_ROLE.search(role)
    return None if not reporter or i >= page_head(lines) or about_the_name(lines, i, name) else name


def head_parts(line: str) -> list[str] | None:
    """The parts of a line that joins the page's date to its byline or to the paper's and
    section's names ("24 February 2026 | By Felix Aldridge", "Porthaven Evening Post ·
    Transport · Tuesday 17 February 2026"), their emphasis left out; None for another line
    (a menu, a table's row, a sentence)."""
    parts = [p.strip("*_ \t") for p in PARTS.split(line)]
    if len(parts) < 2 or not any(find_date_line(p, alone=True) for p in parts):
        return None
    # A byline's own line may go on as it likes ("By Sofia Marques · 20 May 2026 · 5 min read")
    named = _BYLINE.match(line) or all(
        p and (find_date_line(p, alone=True) or _BYLINE.match(p) or a_name(p)) for p in parts)
    return parts if named else None


def head_date(line: str) -> str | None:
    """The ISO date of a page's date line ("Updated 3 February 2026", "Reuters | March 19,
    2025"), or of a line that joins it to a byline or the paper's name (`head_parts`)."""
    found = find_date_line(line, alone=True)
    if found or (parts := head_parts(line)) is None:
        return found
    return next(d for p in parts if (d := find_date_line(p, alone=True)))


def is_byline(line: str) -> bool:
    return _BYLINE.match(line) is not None


def after_head_line(lines: list[str], n: int) -> bool:
    """Is line `n` followed by a byline or a date line, and no list of sections ("Home | News |
    Sport"): a headline's place?"""
    following = lines[n + 1] if n + 1 < len(lines) else ""
    return (not SECTIONS.search(lines[n])
            and bool(_BYLINE.match(following) or head_date(following)
                     or bare_byline(lines, n + 1)))


def a_name(line: str) -> bool:
    """A few capitalised words, as a paper or a section is named ("Food & City"); an "&" is
    no word of its own ("Carrick & District Evening Post" is four)."""
    words = [w for w in line.split() if w != "&"]
    return len(words) <= 4 and ":" not in line and all(w[:1].isupper() for w in words)


def masthead(lines: list[str], i: int) -> bool:
    """A paper's name ("THE COASTAL LEDGER", "Meridian Post": a few capitalised words, in
    capitals, ending in a word papers are called by, or above a list of sections, or ending
    as only a paper's name does above the date line: "Northern Daily Record" / "Thursday 5
    February 2026"), a list of sections or the path to one ("News / Crime & Courts") or a
    ticker ("DOW 41,220.15 ▲0.31% | S&P 500 …"); not a short headline ("Storm Isla: Homes
    Flooded", "Rail Strike Called", "Minister Quits Post" above its standfirst,
    `reads_as_headline`)."""
    line = lines[i]
    words = line.split()
    if SECTIONS.search(line) or _crumbs(line):
        return True
    if not a_name(line):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else ""
    if line.isupper() or SECTIONS.search(following):
        return True
    papered = words[-1].casefold() in PAPER_WORDS or (
        names_paper(line) and head_date(following) is not None)
    return papered and not reads_as_headline(line)


def kicker(lines: list[str], title: str | None) -> int | None:
    """The index of a kicker: a section's or a topic's label of a few capitalised words right
    above the headline in the page's head ("Environment", "Storm Ilse"), or the path of
    sections to it ("News / Crime & Courts", a tester's), not the story's."""
    head = [ln.casefold() for ln in lines[:page_head(lines)]]
    at = head.index(title.casefold()) if title and title.casefold() in head else 0
    label = lines[at - 1] if at else ""
    plain = not (is_byline(label) or find_date_line(label) or any(c.isdigit() for c in label))
    named = a_name(label) and len(label.split()) <= _KICKER_WORDS
    return at - 1 if label and (named or _crumbs(label)) and plain else None


_KICKER_WORDS = 3
# Between the sections of a page's path to its story: "News / Crime & Courts", "Sport › Rugby".
_CRUMB = re.compile(r"\s[/›»>]\s")


def _crumbs(line: str) -> bool:
    """The path of a page's sections to its story, a few capitalised words each ("News / Crime
    & Courts", a tester's, "Sport › Rugby Union"): no headline, no line of the story."""
    parts = _CRUMB.split(line)
    return len(parts) >= 2 and not any(c.isdigit() for c in line) and all(
        a_name(p) and len(p.split()) <= _KICKER_WORDS for p in parts)


def head_clutter(lines: list[str]) -> set[int]:
    """The lines, in the head of a page that has a masthead or a menu, that are a menu, a
    ticker or a share bar (a ticker under a label in capitals anywhere in the head). A page
    with neither loses nothing else: its first lines may be its story's."""
    head = page_head(lines)
    paged = bool(lines) and (lines[0].isupper() or any(is_menu(h) for h in lines[:head]))
    found = {i for i in range(head) if not is_byline(lines[i])
             and not find_date_line(lines[i], alone=True) and _clutter(lines[i], paged)
             } | ({0} if _breaking_above_head(lines) else set())
    # A markets ticker labelled in lower case only above the headline, under nothing but
    # the page's masthead, menus and tickers: under the headline or the byline, a market
    # report's own figures ("Shares: Tesco 310p +2% | …")
    above = next((i for i in range(head) if i not in found and not _markets(lines[i])
                  and not masthead(lines, i)), head)
    return found | {i for i in range(above) if _markets(lines[i])}


# A breaking-news ticker's label: "LIVE:" and "Latest:" may open a live blog's own headline.
_BREAKING = re.compile(r"^\W*(?:breaking(?:\s+news)?|just\s+in|developing)\s*:", re.I)


def _breaking_above_head(lines: list[str]) -> bool:
    """Does the page open with a ticker's "BREAKING: …", trailing off as no sentence does,
    above its headline or its byline (a tester's live blog, a <div class="ticker"> over its
    <article>, kept it as its first line), where it shows no masthead or menu?"""
    return (len(lines) > 1 and bool(_BREAKING.match(lines[0]) and _HEAD_TICKER.match(lines[0]))
            and (is_byline(lines[1]) or head_date(lines[1]) is not None
                 or after_head_line(lines, 1)))


def _clutter(line: str, paged: bool) -> bool:
    if _CAPS_TICKER.match(line):  # "MARKETS: FTSE 100 +0.4% | Brent $81.20 | …"
        return True
    words = [w for w in line.split() if w not in "|·•"]
    return paged and (is_menu(line) or bool(re.search(r"[▲▼]", line))
                      or bool(_HEAD_TICKER.match(line))
                      or bool(_SHARE_BAR.match(line) and len(words) <= 12))


def _markets(line: str) -> bool:
    """A markets ticker: a market's label, then two quotes or more between bars."""
    found = _MARKETS.match(line)
    quotes = _MENU_BAR.split(found.group("q")) if found else []
    return len(quotes) >= 2 and all(_QUOTE.fullmatch(q.strip()) for q in quotes)


def is_menu(line: str) -> bool:
    """A list of a site's sections: "Home | News | Politics", "Home › Technology › Security"."""
    items = [item.strip() for item in _MENU_BAR.split(line)]
    return len(items) >= 3 and all(_ITEM.fullmatch(item) and len(item.split()) <= 3
                                   for item in items)
