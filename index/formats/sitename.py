"""A page's outlet as the page prints it, where its meta tags name none (trafilatura names a
site from a <title> only where it is an address, "… | herald.com"): after the headline in its
<title>, in an element named for it ("brand", "site-name", "logo"), or beside the © of its
footer. Each place also holds what is no outlet: a section ("Headline | Opinion"), a sponsor's
or a social network's logo, a footer's menu."""

from __future__ import annotations

import itertools
import re
from typing import Any

from ..pagehead import OUTLET_NAME, PARTS
from ..papernames import PAPER_WORDS
from .common import squeeze

__all__ = ["site_name"]

# After the headline in the <title>: "Headline | Meridian Business Review", "Headline - …",
# the outlet last ("Headline | Opinion | The Riverside Gazette").
_TITLE_TAIL = re.compile(r"^\s+[|–—:·-]\s+(?P<n>.+?)\s*$")
_TITLE_BAR = re.compile(r"\s[|–—:·-]\s")
# A site's sections, which a <title> may name after the headline instead of the outlet
# ("Headline | Opinion", "… - Transport", "… | World News", "… | Arts & Culture").
_SECTION_WORDS = frozenset({
    "news", "opinion", "comment", "analysis", "politics", "business", "money", "markets",
    "economy", "finance", "world", "uk", "us", "local", "national", "international", "sport",
    "sports", "football", "cricket", "rugby", "transport", "travel", "science", "health",
    "technology", "tech", "culture", "arts", "books", "music", "film", "tv", "entertainment",
    "lifestyle", "life", "style", "fashion", "food", "education", "environment", "climate",
    "weather", "obituaries", "letters", "features", "property", "jobs", "courts", "crime",
    "motoring", "video", "live", "latest", "breaking", "home", "reviews", "blogs",
    "newsletters", "podcasts", "&", "and"})
# An element that holds the site's name, by its class or id: "brand", "logo", "site-name".
_BRAND = re.compile(r"(?:^|[\s_-])(?:brand|logo|site-?name|site-?title|masthead)(?:$|[\s_-])",
                    re.I)
# … but not a sponsor's, an advert's or a social network's ("sponsor-logo", "logo-twitter",
# "share-bar"), in the element or around it.
_NOT_BRAND = re.compile(r"(?:^|[\s_-])(?:sponsor\w*|partner\w*|ads?|advert\w*|promo\w*|social"
                        r"|share|sharing|follow|twitter|facebook|instagram|linkedin|youtube"
                        r"|tiktok|whatsapp|pinterest|threads|bluesky)(?:$|[\s_-])", re.I)
# A footer's "Meridian Business Review © 2026", "© 2026 Ashcombe Echo", or the first of its
# parts beside a bare "© 2026" ("The Riverside Gazette | 14 Quay Street | © 2026").
# "© 2026 Valmont Sports Daily. All rights reserved." names "Valmont Sports Daily".
_FOOT_NAME = re.compile(r"^(?:(?P<a>.+?)\s*©\s*\d{4}|©\s*\d{4}\s*(?P<b>.+?))"
                        r"(?:\.\s*all rights reserved)?\.?$", re.I)
# Inline elements: their text runs on in their block's.
_INLINE = frozenset({"a", "span", "small", "strong", "b", "em", "i", "u", "time", "abbr",
                     "sup", "sub", "br", "img"})


def site_name(html: str, headline: str | None) -> str | None:
    """The paper's name as the page prints it: after the headline in its <title>, in an
    element named for it, or beside the © of its footer."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    # Looked for in that order, each only where the one before names no outlet.
    found = itertools.chain(
        [_title_tail(root, headline) or ""],
        (_brand_text(el) for el in _brands(root)),
        (_footer_name(line) or "" for line in _copyright_lines(root)),
        [_title_head(root) or ""])
    return next((n for n in found if OUTLET_NAME.fullmatch(n)), None)


def _title_tail(root: Any, headline: str | None) -> str | None:
    """The last part after the headline in the page's <title> ("Headline | Meridian Business
    Review"), where it reads as a name: a paper's word alone ("Herald") or a few words, not a
    section's ("Opinion", "World News")."""
    title = root.find(".//head/title")
    text = squeeze(title.text_content()) if title is not None else ""
    if not headline or not text.startswith(headline):
        return None
    match = _TITLE_TAIL.match(text[len(headline):])
    if not match:
        return None
    name = _TITLE_BAR.split(match.group("n"))[-1].strip()
    words = {w.casefold() for w in name.split()}
    if words <= _SECTION_WORDS or (len(words) == 1 and not words & PAPER_WORDS):
        return None
    return name


def _title_head(root: Any) -> str | None:
    """The first part of a <title> that opens with the outlet ("Brackenford Echo - News -
    Police release description…"), where an element named for the site's name prints it too:
    as its logo's alt text, or before its tagline ("Brackenford Echo — Your town, your news
    since 1884"). The first part alone may be a section's or a headline's."""
    title = root.find(".//head/title")
    parts = _TITLE_BAR.split(squeeze(title.text_content()) if title is not None else "")
    name = parts[0].strip()
    if len(parts) < 2 or not name:
        return None
    for el in _brands(root):
        alts = {squeeze(img.get("alt") or "") for img in el.iter("img")}
        text = _brand_text(el)
        if name in alts or text == name or _TITLE_BAR.split(text)[0] == name:
            return name
    return None


def _a_brand(el: Any) -> bool:
    """An element named for the site's name, not in or for a sponsor's or a share bar."""
    def named(e: Any) -> str:
        return f"{e.get('class', '')} {e.get('id', '')}"

    return (isinstance(el.tag, str) and bool(_BRAND.search(named(el)))
            and not any(_NOT_BRAND.search(named(e)) for e in (el, *el.iterancestors())))


def _brands(root: Any) -> list[Any]:
    """The elements named for the site's name, one holding no other first: a masthead's
    "site-name" before the masthead, whose menu is no part of the name."""
    brands = [el for el in root.iter() if _a_brand(el)]
    return sorted(brands, key=lambda el: any(_a_brand(d) for d in el.iterdescendants()))


def _brand_text(el: Any) -> str:
    """An element's text, its blocks apart: a masthead's menu ("<li>Football</li><li>Athletics
    </li>") is words of its own, not run into one that a name might end in."""
    blocks = any(isinstance(d.tag, str) and d.tag not in _INLINE for d in el.iterdescendants())
    return squeeze(" ".join(el.itertext()) if blocks else el.text_content())


def _copyright_lines(root: Any) -> list[str]:
    """The lines of the page's footers that hold a ©, each its own block's (a block holding no
    other that holds it) and a line break a line's end: "Home | About | Contact" above
    "Riverside Gazette © 2026" is no part of its line."""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = []
    for foot in root.iter("footer"):
        blocks = [el for el in foot.iter() if _marked_block(el)]
        lines += [squeeze(line) for el in blocks
                  if not any(_marked_block(d) for d in el.iterdescendants())
                  for line in el.text_content().splitlines() if "©" in line]
    return lines


def _marked_block(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag not in _INLINE and "©" in el.text_content()


def _footer_name(text: str) -> str | None:
    """The name a footer's © line gives, or the first of its parts beside a bare "© 2026"."""
    parts = [p.strip() for p in PARTS.split(text)]
    for part in parts:
        if m := _FOOT_NAME.match(part):
            return m.group("a") or m.group("b")
        if re.fullmatch(r"©\s*\d{4}", part):
            return parts[0]
    return None
