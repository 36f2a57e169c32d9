"""What one line of a page is, read alone: clutter the text drops (a ticker, a menu, a share
prompt, a page number, a link's promo, a section break, a share bar), a photo caption by its
credit, and the shape of a headline or a title (capitalised, a headline's length, not ended as
a sentence is). `cleaning` decides from these which lines stay, where a page's second story
starts and which line is its title."""

from __future__ import annotations

import re

from .dates import find_date_line
from .linklists import is_share_bar

__all__ = ["is_clutter", "is_furniture", "is_headline", "is_page_notice", "is_title_line",
           "open_ended"]

_TICKER = re.compile(
    r".+\s[-–]\s\d+\s(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?)\sago$", re.I
)
_FURNITURE = re.compile(
    r"^(?:[-–•|]|short url|follow|follow us|related|related news|related articles|related stories"
    r"|source link|today|tt|share|share this article|share this|advertisement|read more|subscribe"
    r"|sign up|most popular|trending|recommended|more stories|also read:?.*|read also:?.*"
    r"|click here.*|join .{1,60} (?:whatsapp|telegram) (?:group|channel)"
    r"|copyright .{0,80}|© .{0,80}|all rights reserved.*"
    # e-mail newsletters
    r"|unsubscribe.{0,60}|view (?:this email )?in (?:your )?browser|forward (?:this )?to a friend"
    r"|(?:manage|update) (?:your )?(?:email )?preferences)$",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\((?:[^()]*[/ ])?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|Bloomberg|AAP)\)"
    r"|\b(?:via|/)\s*(?:AP|AFP|REUTERS|Reuters|EPA|Getty Images)"
    r"|\bEPA(?:-EFE)?/[A-Z][A-Z .'-]+|Getty Images|\bPHOTO: .*)\s*\.?$"
)
# A link to another story run into its label ("Read more: Drought map shows…", "RELATED: …"), a
# newsletter's pitch, a share bar: never the story's own sentences (218 such lines in the
# RealTime QA 2025 Q1 corpus, and 1,285 of USA Today's "More:" links there and in the held-out
# weeks; one was quoted as the answer to who was invited to the White House). "Related tax form
# or notice number." is a sentence: a label takes its colon.
# "More theatre reviews: …" (a tester's review) is a link's label too, and so is a pitch for
# a newsletter that ends by asking ("Get the Wyvern Valley Post morning briefing in your inbox.
# Sign up today.", a tester's lottery page), and a footer's pointer to more stories or to the
# newsdesk.
_PROMO = re.compile(
    r"^(?:(?:read more|related(?: stor(?:y|ies)| news| articles?| coverage| content)?|most read"
    r"|most popular|also read|read also|see also|more coverage|more news|more|watch"
    r"|more(?: [\w'’&-]+){0,2} (?:stories|news|reviews|coverage|articles|features|headlines"
    r"|videos|podcasts))\s*:"
    r"|(?:sign up|subscribe)\b.{0,80}?\b(?:newsletters?|inbox|digital access)\b"
    r"|(?=.{0,160}$).{0,100}\b(?:newsletters?|inbox|briefing)\b.{0,60}"
    r"\b(?:sign up|subscribe)(?: (?:today|now|here|for free))?[.!]?$"
    r"|share this (?:article|story)\b"
    # a footer's pointers: "Read more heritage stories at fenlandgazette.example/heritage",
    # "Do you have a story? Email newsdesk@…" (a tester's PDF and court page)
    r"|read more\b.{0,60}\s(?:at|on)\s+\S+\.[a-z]{2,}\S*$"
    r"|(?:do you have|have you got|got) an? (?:story|news tip|tip)\b.{0,30}\?\s*"
    r"(?:e-?mail|call|contact|get in touch|send)\b.{0,80}$)",
    re.I,
)
# "* * *", "***", "---": a break between sections, no words of the story.
_SECTION_BREAK = re.compile(r"^[*_\-–—=~•·\s]{3,}$")
# Page numbers of a printed or PDF page: "3", "Page 3", "3 of 12", "3 / 12", "- 3 -".
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?$",
                          re.I)
_CAPTION_START = re.compile(r"^(?:FILE PHOTO|PHOTO|Photo|Image|Caption)\s*:", re.I)
_END_PUNCT = ".!?:;,"


def open_ended(line: str) -> bool:
    """Not ended as a sentence is: a headline has no full stop, unless it was cut short
    ("…reiterates intention to sue ...", as search results and feeds print long titles, a
    space before the dots: a sentence trailing off has none, "…were not so sure...")."""
    return line[-1] not in _END_PUNCT or line.endswith((" ...", " …"))


def is_headline(line: str) -> bool:
    """Shaped as a headline: three to 25 words, two of them capitalised, not ended as a
    sentence is, and no caption, furniture or table row."""
    words = line.split()
    return (
        3 <= len(words) <= 25 and len(line) <= 200 and open_ended(line)
        # a sign-off ("– Miguel Torres") under each post of a live blog is no headline
        and line[0] not in "-–—"
        and not _is_caption(line) and not is_furniture(line)
        and sum(w[:1].isupper() for w in words) >= 2
        # a table's row ("Area: Kilbride | Price: £265,300 | Change: +3.9%"), a menu
        and line.count(" | ") < 2 and not re.match(r"[^|]*:\s[^|]*\s\|\s", line)
    )


def _is_caption(line: str) -> bool:
    return bool(_CAPTION_START.match(line) or (_CREDIT.search(line) and len(line.split()) >= 6))


def is_furniture(line: str) -> bool:
    """Clutter, or a date line alone: neither is a headline."""
    return is_clutter(line) or find_date_line(line, alone=True) is not None


def is_clutter(line: str) -> bool:
    """Lines dropped from the text. A page's own date line ("Updated 24 October 2024") is
    furniture to a headline's eye but stays: asked when the article was updated, an answer
    can quote it."""
    return bool(_TICKER.match(line) or _FURNITURE.match(line) or _PAGE_NUMBER.match(line)
                or _PROMO.match(line) or _SECTION_BREAK.match(line) or is_share_bar(line))


def is_title_line(line: str) -> bool:
    """Capitalised, a headline's length, not ended as a sentence; a headline may open with the
    words it quotes ("\"We will not hide the leaks\": Harrowmere Water's new boss …")."""
    words = line.split()
    return (2 <= len(words) <= 25 and len(line) <= 200 and open_ended(line)
            and line.lstrip("\"“‘'")[:1].isupper() and not _is_caption(line))


# A page's notice that it was changed, saying no more of the story than when: "This article was
# amended on 9 September 2026.", "This article was updated at 4pm to include comments from
# Celtair." (a tester's planning page had the first quoted for when the flats will be built).
# What a correction then says ("An earlier version said … eight to three.") is the story's,
# read by the assistant's corrections; the notice stays in the text, as a page's date line does.
_PAGE_NOTICE = re.compile(
    r"^\W*(?:this (?:article|story|report|page|piece|post)|the article) (?:was|has been)"
    r"(?: (?:last|first|originally))? (?:amended|updated|corrected|changed|edited|revised)"
    # when: a date or a time, a few words ("on 9 September 2026", "at 4pm")
    r"(?: (?:on|at|in) (?:(?!to\b)[\w:,]+ ?){1,4})?"
    r"(?: (?:to|so as to) (?:include|add|correct|clarify|reflect|remove|update)\b[^.!?]{0,100})?"
    r"[.!]?\W*$", re.I)


def is_page_notice(sentence: str) -> bool:
    """Is the sentence a page's notice that it was amended or updated ("This article was
    amended on 9 September 2026.")? Like a date line it is about the page: no answer to a
    question about the story."""
    return bool(_PAGE_NOTICE.match(sentence.strip()))
