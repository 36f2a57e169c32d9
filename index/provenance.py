"""Who published an article, who wrote it and when: read from its record where the loader
found them (a JSON record's fields, a page's meta tags), else from its lines (a byline, a
date line under the title, a copyright or "Join … on WhatsApp" line at its foot)."""

from __future__ import annotations

import itertools
import re
from urllib.parse import urlparse

from .dates import find_date_line, parse_date, source_date_line
from .line_kinds import is_title_line
from .mastheads import (
    dated_masthead,
    masthead_date,
    masthead_line,
    names_outlet,
    names_topic,
)
from .pagehead import (
    CALENDAR,
    DATE_ALONE_LINES,
    OUTLET_NAME,
    SITE,
    byline_author,
    head_date,
    head_parts,
    page_head,
)
from .papernames import LABEL, PAPER_WORDS, masthead_name, names_paper, reads_as_headline
from .types import RawDocument

__all__ = ["find_author", "find_outlet", "find_published", "front_matter_author", "names_outlet",
           "page_author"]

# A word of a name on a copyright line: a dot only inside it ("Yahoo.com") or after each
# letter of an initialism ("U.S."): "© 2026 Harbourside Tribune. All rights reserved." ends
# the name at "Tribune".
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w&]|\.(?=\w))*)"
# An "&" between two of its words belongs to the name: "Copyright Carrick & District Evening
# Post 2026" had given "Carrick".
_FOOT_NAME = rf"(?P<o>{_NAME_WORD}(?:(?: &)? {_NAME_WORD}){{0,4}})"
_OUTLET_CUES = (
    re.compile(r"^Join (?P<o>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) (?:Whatsapp|WhatsApp|Telegram)"),
    re.compile(rf"^(?:Copyright|©)\s*(?:\d{{4}}\s*)?{_FOOT_NAME}"),
    # "Eastbrook Gazette © 2026", at the page's foot (a photo's "Jane Doe © 2026" is no outlet)
    re.compile(rf"^{_FOOT_NAME}\s+(?:©|\(c\)|Copyright)\s*\d{{4}}\b"),
)
# A byline's source before its date: "*usatoday.com*, …", "By usatoday.com | …".
_FOOT_LINES = 3  # a page's last lines, where "Name © 2026" signs it
_BYLINE_SITE = re.compile(r"^[*_\s]*(?:by\s+)?(?P<o>[\w.-]+)[*_\s]*[,|·—–-]", re.I)


def find_outlet(lines: list[str], raw: RawDocument) -> str | None:
    """Who published it: the record's outlet, else a copyright or "Join …" line (the last),
    else a site or wire named in a byline near the top, else the page's address, else its
    masthead (`mastheads`)."""
    if raw.outlet:
        return raw.outlet
    for n, line in enumerate(reversed(lines)):
        for cue in _OUTLET_CUES[:2] if n >= _FOOT_LINES else _OUTLET_CUES:
            match = cue.match(line)
            if match:
                return _as_masthead_prints(match.group("o").strip(), lines)
    for line in lines[:max(DATE_ALONE_LINES, page_head(lines))]:
        site = _byline_site(line)
        if site:
            return site
    named = _outlet_line(lines[:_HEAD_LINES])
    if named:
        return named
    if raw.url:
        host = urlparse(raw.url).netloc.lower()
        return host.removeprefix("www.") or None
    found = masthead_line(lines)
    return found[1] if found else dated_masthead(lines)


def _as_masthead_prints(name: str, lines: list[str]) -> str:
    """The name as the page's head prints it where its foot leaves out the "The" ("The
    Lowland Observer - Planning" or "THE LOWLAND OBSERVER" above, "Lowland Observer © 2026"
    below): "The" is part of a paper's name, and outlets read from a masthead keep it."""
    found = masthead_line(lines)
    heads = [masthead_name(ln) for ln in lines[:page_head(lines)]]
    heads += [found[1] if found else dated_masthead(lines) or ""]
    fuller = f"the {name}".casefold()
    return next((head for head in heads if head.casefold() == fuller), name)


def _byline_site(line: str) -> str | None:
    """The site a byline names ("*usatoday.com*, 2025-03-19", "By usatoday.com | Published
    …", "By Jane Doe | herald.com | Published …"): a site's address is its outlet, where a
    name ("Jane Doe, …", "Washington, …") may be an author's or a dateline's. A wire's name
    before the date ("Reuters | June 3, 2025") is its outlet too."""
    bars = [p.strip("*_ ") for p in line.split("|")]
    if _BY.match(line):  # "By Ingrid Solberg | nordicbusinessdaily.com", its date below
        sites = [b.lower().removeprefix("www.") for b in bars[1:]]
        if site := next((b for b in sites if SITE.fullmatch(b)), None):
            return site
    if find_date_line(line, alone=True) is None:
        return None
    match = _BYLINE_SITE.match(line)
    parts = [match.group("o")] if match else []
    parts += bars[1:-1]
    for part in parts:
        site = part.lower().removeprefix("www.")
        if SITE.fullmatch(site):
            return site
    # "By Priya Das | Northfield Courier | Published …", "Riverton Daily Press | Published …":
    # a name between the byline and the date line, or before a "Published" line, is the page's.
    named = bars[1:-1] if re.match(r"by\s", bars[0], re.I) else (
        bars[:1] if len(bars) == 2 and _PUBLISHED.match(bars[1]) else [])
    for part in named:
        if OUTLET_NAME.fullmatch(part):
            return part
    dated = source_date_line(line)
    if dated is None or LABEL.fullmatch(dated[0]) or not names_outlet(dated[0], anywhere=True):
        return None
    return _as_named(dated[0])


def _as_named(name: str) -> str:
    """A masthead in capitals as its name ("DUNMERE DAILY COURIER — Monday 16 March 2026", a
    tester's Word file, was cited so), as a masthead alone is; a wire's one word ("AFP — …")
    as it prints it."""
    return masthead_name(name) if " " in name else name


_HEAD_LINES = 6  # a title, a byline, the outlet, a date line, a ticker: the head of a page
_BY = re.compile(r"^[*_\s]*By\s+[A-Z]")


def _outlet_line(head: list[str]) -> str | None:
    """A paper's name on a line of its own below the title, beside a byline ("By Helen Park,
    Courts Reporter" / "The Western Echo" / "Published 2025-04-22"), or beside a date line,
    "The …", a name only a paper has ("Valley Herald" / "Date: 2025-08-12") or a masthead's
    (`_masthead`). Not a headline in title case ("Council Orders Budget Review"), nor a label
    ("Breaking News", "Health News" above a date alone)."""
    for i, line in enumerate(head[1:], start=1):
        name = line.strip("*_ \t")
        if not (OUTLET_NAME.fullmatch(name) and names_outlet(name, _masthead(head, i))
                and not reads_as_headline(name)):
            continue
        beside = [head[j] for j in (i - 1, i + 1) if 0 < j < len(head)]
        dated = any(_PUBLISHED.match(b.strip("*_ ")) or find_date_line(b, alone=True)
                    for b in beside)
        papered = name.casefold().split()[-1] in PAPER_WORDS
        if any(_BY.match(b) for b in beside) or (dated and not LABEL.fullmatch(name) and (
                name.startswith("The ") or papered or _masthead(head, i))):
            return name
    return None


def _masthead(head: list[str], i: int) -> bool:
    """Right under the title, then the date line, then the byline: a page's masthead block
    ("Metro Transit News" / "Published 2025-01-28" / "By Grace O'Neill"), where a section's
    label has no byline below its date."""
    return (i == 1 and i + 2 < len(head) and bool(_BY.match(head[i + 2]))
            and bool(_PUBLISHED.match(head[i + 1].strip("*_ "))
                     or find_date_line(head[i + 1], alone=True)))


_PUBLISHED = re.compile(r"(?:last\s+)?(?:published|updated|posted)\b", re.I)


# "(Reporting by Anna Keller; Editing by …)": capitalised names only, up to ";", ")" or the end.
_REPORTING = re.compile(r"^\(?\s*(?:additional\s+)?reporting\s+by\s+(?P<n>(?-i:[A-Z][\w.'’-]*"
                        r"(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}))\s*(?:[;)]|$)", re.I)


def find_author(lines: list[str], raw: RawDocument) -> str | None:
    """Who wrote it: the record's author, else a byline under the title, else the last credit
    line ("Reporting by …")."""
    if raw.author:
        return raw.author
    if named := byline_author("\n".join(lines)) or _dated_byline(lines, find_outlet(lines, raw)):
        return named
    found = [m.group("n") for line in lines if (m := _REPORTING.match(line))]
    return found[-1] if found else None


# A person's name: two to four capitalised words ("Conor Haughey", "Ana de Souza").
_PERSON = re.compile(r"[A-Z][\w.'’-]+(?:\s+(?:de|van|von|[A-Z][\w.'’-]+)){1,3}")
_BYLINE_HEAD = 5  # a byline stands among the page's first lines


def _dated_byline(lines: list[str], outlet: str | None) -> str | None:
    """The name of a byline that is a name and the date under the headline, no "By" ("Conor
    Haughey | Thursday 8 January 2026": a tester's football page had no author), where the
    page names its `outlet` otherwise (its masthead): else the name may be the outlet's ("Jane
    Doe | March 19, 2025" says not whose). Not an outlet's name ("Space Ledger | …", "Global
    Wire | …") nor a section's ("Local Politics | …")."""
    if outlet is None:
        return None
    for i in range(1, min(len(lines), max(_BYLINE_HEAD, page_head(lines)))):
        parts = head_parts(lines[i])
        if not parts or len(parts) != 2 or find_date_line(parts[1], alone=True) is None:
            continue
        name = parts[0]
        if (_PERSON.fullmatch(name) and not re.search(rf"\b{CALENDAR}\b", name)
                and is_title_line(lines[i - 1]) and not names_outlet(name, anywhere=True)
                and not names_paper(name) and not names_topic(name)
                and not LABEL.search(name) and name.casefold() != outlet.casefold()):
            return name
    return None


def find_published(lines: list[str], raw: RawDocument) -> str | None:
    """When: the record's date, else a date line among the page's first lines, else the date
    beside the masthead's name and section (`masthead_date`)."""
    given = parse_date(raw.published)
    if given:
        return given
    head = page_head(lines)
    for n, line in enumerate(lines[:30]):
        # A date alone counts only among the first lines (title, byline, date), or in the
        # page's head before the story's first sentence ("Meridian Post" / its sections / the
        # headline / "Thursday 12 March 2026"): further down it is a timeline's entry.
        alone = n <= head and n < max(DATE_ALONE_LINES, head)
        # "By Amira Haddad, Technology Reporter · 20 February 2026", "24 February 2026 | By
        # Felix Aldridge", "Porthaven Evening Post · Transport · Tuesday 17 February 2026"
        found = head_date(line) if alone else find_date_line(line)
        if found:
            return found
    # "Yorkshire Dales Observer — Pets & Country — Tuesday 21 April 2026": the masthead's
    # line read for the outlet, its dashes no head line's bars
    return masthead_date(lines)


# What trafilatura may take for another author after a byline's name: a role ("Political
# Editor", "Staff Reporters"), a date or its words ("August", "Published", "5 min read").
_NO_NAME = re.compile(rf"\d|\b(?:{CALENDAR}|published|updated|posted|read|editor|reporter"
                      r"|correspondent|writer|columnist|staff|contributor|journalist|critic"
                      r"|producer|desk|bureau)s?\b", re.I)


def page_author(found: str | None, byline: str | None) -> str | None:
    """trafilatura's author, unless it is the story's byline read whole, its role, date,
    separator or agency taken for more names ("Owain Treharne; Political Editor", "Sofia
    Marques ·" from "By Owain Treharne, Political Editor", "Jane Smith; Reuters"): the
    byline's names, as we read them. A co-author is no role: "Jane Smith; Tom Roe; Ali Khan"
    (from "By Jane Smith, Tom Roe and Ali Khan", whose byline we read as "Jane Smith" and a
    credit, or from the meta tags) stays whole. Without a byline we read ("Tomás Ferreira-Gill,
    Health Editor · Monday 13 July 2026" has no "By"), the names before the role or the date
    trafilatura took with them are the byline's: a tester's pages had stored "Tomás
    Ferreira-Gill; Health Editor · Monday" and "Fionnuala Brennan · Rugby Correspondent ·"."""
    if not found or found == byline:
        return byline or found
    # The meta tags' author alone, the first of the byline's ("By Kirra Whitlam and Tom
    # Baxendale · Updated …" under a tester's live blog, whose co-author was lost): the byline
    if byline and found == byline.split(" and ")[0]:
        return byline
    parts = [p.strip() for p in re.split(r"[;,·|]", found)]
    # Without a byline, its own names before the first role or date; with nothing after
    # them, it is names alone ("Jane Smith, Tom Roe", "Smith, Jane"), kept as it is.
    names = byline.split(" and ") if byline else list(
        itertools.takewhile(lambda p: not _no_name(p), parts))
    rest = parts[len(names):]
    if not names or parts[:len(names)] != names or not all(_no_name(p) for p in rest) or (
            not byline and not rest):
        return found
    return "; ".join(names)  # two reporters as trafilatura joins them


# A front matter's byline's role or desk ("Environment Correspondent", "Staff Reporters",
# "Leeds Desk"): no month, day, "Read" or figure, which may be in a name ("May Bulman").
_FRONT_ROLE = re.compile(r"\b(?:editor|reporter|correspondent|writer|columnist|staff|desk"
                         r"|bureau)s?\b", re.I)


def front_matter_author(given: str | None) -> str | None:
    """A text or Markdown file's front-matter author without the role, outlet or date after its
    names ("byline: Naveed Chaudhry, Environment Correspondent", a tester's); names alone
    ("Jane Smith, May Bulman", "Jones, April") and names that would be single words ("Smith,
    John, Environment Correspondent") stay as given."""
    parts = [p.strip() for p in re.split(r"[;,·|]", given or "")]
    names = list(itertools.takewhile(lambda p: not _front_no_name(p), parts))
    rest = parts[len(names):]
    if not names or not rest or not all(_front_no_name(p) for p in rest) or (
            len(names) > 1 and all(len(n.split()) == 1 for n in names)):
        return given
    return "; ".join(names)


def _front_no_name(part: str) -> bool:
    return (not part or bool(_FRONT_ROLE.search(part)) or names_outlet(part)
            or find_date_line(part, alone=True) is not None)


def _no_name(part: str) -> bool:
    """A part of trafilatura's author that names no one: empty, a role, a date, an outlet."""
    return not part or bool(_NO_NAME.search(part)) or names_outlet(part)
