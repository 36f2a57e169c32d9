"""Photo captions, credit lines and bylines: lines of an article that are not its story.

They stay in the text (quotes and offsets point into it unchanged) but are marked, so ranking
can tell them from the story's own sentences: a caption answers a question about a photo
("who was pictured?"), not one about a city or a vote, although it names the same people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .pagehead import BYLINE_LABEL

__all__ = ["caption_spans", "credit_span", "is_caption", "marked_captions"]

_CREDIT = (r"(?:AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA|Yonhap|Sputnik|Kremlin|Pool|Xinhua"
           r"|Bloomberg|Shutterstock|Alamy|Photo|Photograph|Image|File|Handout|Courtesy)")
# A small word inside a credited name: "Credit: University of Portbury", "Photo: Friends of
# the Earth" (a tester's caption so credited was not marked).
_JOINING = r"\s(?:of|and|for|&)(?:\sthe)?(?=\s[A-Z])"
_CAPTION = re.compile(
    r"^\s*(?:FILE PHOTO|FILE\s*[-–—:]|PHOTO\s*:|Photo\s*:|Image\s*:|Caption\s*:|Credit\s*:"
    r"|Photograph\s*:|Pictured\s*:|\(Photo|In this (?:photo|image|file photo)"
    r"|This (?:photo|picture|image)|A (?:photo|picture|file photo)|Photos? (?:by|courtesy)"
    r"|Image (?:source|credit))"
    # a line ending in a credit: "(Sputnik/Kremlin via AP)", "Sputnik/Pool via REUTERS"
    rf"|(?:\((?:[^()]*\b{_CREDIT}\b[^()]*)\)|\b[\w.]+/{_CREDIT}\b[\w/ .]*|\bvia {_CREDIT})"
    r"\s*$"
    # a caption ending in its credit: "…on Mill Street. Photo: Sara Quinn", "…on Friday.
    # (Global Wire/Ana Lopes)"
    r"|[.!?)]\s+(?:Photo(?:graph)?s?|Pictures?|Images?|Credit)\s*:\s*[A-Z][\w.'’-]*"
    rf"(?:\s?/\s?[A-Z][\w.'’-]*|\s[A-Z][\w.'’-]*|{_JOINING}){{0,5}}\s*$"
    # "…at the wheel of the Morwenna in 1962. Photograph courtesy of the Vosper family." (a
    # tester's Word file: its italic caption was the story's sentence, quoted for her birth)
    r"|[.!?]\s+(?:Photo(?:graph)?s?|Pictures?|Images?)\s+courtesy\s+of\s+(?:the\s+)?"
    # whose: capitalised words, and a last word in lower case ("family"), no verb after them
    r"[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|of|and|&|the)){0,4}(?:\s[a-z]+)?\.?\s*$"
    r"|[.!?]\s+\([A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,3}/\s?[A-Z][\w.'’-]*"
    r"(?:\s[A-Z][\w.'’-]*){0,3}\)\s*$"
    # a byline: "By Jane Doe and John Roe", "By JANE DOE, Associated Press", "Reviewed by
    # Aoife Brannigan"
    r"|^\s*(?:(?:Reviewed|Interview|Interviewed|Words|Written) by|By) [A-Z][\w.'’-]+"
    r"(?: [A-Z][\w.'’-]+){0,3}(?:(?:,| and) [^.!?]{0,60})?\s*$"
    # "Reporter: Aled Brannock", "Words: Priyanka Sole | Pictures: Tom Arkwright"
    rf"|^\s*(?i:{BYLINE_LABEL})[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}}"
    r"(?:(?:,|\s[|·])\s[^.!?]{0,60})?\s*$",
)
MAX_CAPTION_CHARS = 400


def is_caption(line: str) -> bool:
    return len(line) <= MAX_CAPTION_CHARS and bool(_CAPTION.search(line))


# A credit on a line of its own under its caption ("(Photo: Tom Vargas / Capital Metro
# News)", "Picture: Eastbrook Courier", "Photograph: Ana Robles/Meridian Post").
# "Photos by residents showed water…" is a sentence, no credit.
_CREDIT_LINE = re.compile(r"^\s*\(?\s*(?:Photo(?:graph)?s?|Pictures?|Images?|Credit)"
                          r"\s*(?::\s*|\s+by\s+)[A-Z][^\n.]{0,70}\)?\s*$")
CAPTION_WORDS = 30  # a caption above its credit line is at most this long; a story's paragraph
# seldom is, and a caption seldom quotes anyone
_QUOTES = re.compile(r"[“\"]|\bsaid\b")


def caption_spans(text: str, marked: tuple[tuple[int, int], ...] = ()
                  ) -> tuple[tuple[int, int], ...]:
    """(start, end) of every caption, credit or byline line of the text, and of a line a credit
    line of its own follows ("Commuters at Kingsgate station during the last rail strike in
    March." above "(Photo: Tom Vargas / Capital Metro News)"); and the lines its source
    `marked` as captions (`Article.captions`: an HTML page's <figcaption>), in order."""
    read = _read_captions(text)
    return tuple(sorted(set(read) | set(marked))) if marked else read


def marked_captions(text: str, captions: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each line of the text its source marked as a caption (`RawDocument.
    caption_lines`, its blanks squeezed)."""
    if not captions:
        return ()
    return tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
                 if " ".join(m.group().split()) in captions)


@lru_cache(maxsize=2048)
def _read_captions(text: str) -> tuple[tuple[int, int], ...]:
    lines = list(re.finditer(r"[^\n]+", text))
    spans = []
    for line, below in zip(lines, [*lines[1:], None], strict=True):
        credited = (below is not None and _CREDIT_LINE.match(below.group()) is not None
                    and len(line.group().split()) <= CAPTION_WORDS
                    and not _QUOTES.search(line.group()))
        if (credited or is_caption(line.group()) or _CREDIT_LINE.match(line.group())
                or _placed(line.group())):
            spans.append((line.start(), line.end()))
    return tuple(spans)


# Where someone stands in the picture: "Hannah Corrigan, centre, with supporters…", "Dale is
# on the left", "Mayor Ruiz (right)". A story's sentence seldom says so.
_PLACED = re.compile(r"\b[A-Z][\w’'-]+,\s+(?:(?:second|far|top|bottom)\s+)?(?:left|right"
                     r"|centre|center|pictured|front|rear)\s*,"
                     r"|\b(?:is|are|stands?|sits?)\s+(?:pictured\s+)?on\s+the\s+(?:far\s+)?"
                     r"(?:left|right)\b|\([Ll]eft\)|\([Rr]ight\)|\([Cc]ent(?:re|er)\)")


def _placed(line: str) -> bool:
    """Is the line a caption by where it places people in the picture (at most CAPTION_WORDS
    words, quoting no one)?"""
    return (len(line.split()) <= CAPTION_WORDS and not _QUOTES.search(line)
            and _PLACED.search(line) is not None)


# Whom a caption credits, by where captions put it: in brackets at its end ("(Sputnik/Kremlin
# via AP)", "(Global Wire/Ana Lopes)"), after "Photo:" or "Photo by", or as an agency's
# "X/Pool via REUTERS" ending the line.
_CREDITED = (
    re.compile(rf"\((?P<c>[^()]*(?:\b{_CREDIT}\b|[A-Za-z]/[A-Za-z])[^()]*)\)\s*$"),
    re.compile(r"\b(?:Photo(?:graph)?s?|Pictures?|Images?|Credit)\s*(?::|by|courtesy(?: of)?)"
               # "Photo: Marta Sousa / Reuters": a slash may stand between spaces
               rf"\s*(?P<c>[A-Z][\w.'’-]*(?:\s?/\s?[A-Z][\w.'’-]*|\s[A-Z][\w.'’-]*|{_JOINING})"
               r"{0,6})\s*$"),
    re.compile(rf"(?P<c>(?:\b[A-Z][\w'’-]*[ /])*?\b[\w.]+/(?:via )?{_CREDIT}\b[\w/ .]*?"
               rf"|\b[\w.]+ via {_CREDIT})\s*$"),
)


def credit_span(line: str, outlet: str | None = None) -> tuple[int, int] | None:
    """Where a caption line names whom its photo is credited to (line offsets), or None: a
    "FILE PHOTO: …" caption credits no one. `outlet` is the name of the line's article's
    paper, whose own name in brackets ends a caption as its credit."""
    for pattern in _CREDITED:
        if m := pattern.search(line):
            start, end = m.span("c")
            # "(File Photo)", "(Photo)": what the picture is, not whose; "Photo: Harbour City
            # Mayor Grace Okonkwo": whom it shows (a photographer is credited without a title)
            credited = line[start:end].strip()
            if _NO_ONE.fullmatch(credited) or (_LABELLED.search(line[:start])
                                               and _TITLED.search(credited)):
                return None
            return start, end
    # The paper's own name in brackets ending a caption ("PHOTO: … which opened in 1884.
    # (Whitford Advertiser)"): a credit, which a tester's store closure had quoted, split off
    # as a sentence of its own, for why the store was closing. Another name so is no credit:
    # whom the photo shows ("(Emily Post)", "(Jonathan Press)"), or a show's ("(Good Morning
    # Today)").
    if outlet and (m := _BRACKETED_NAME.search(line)) and _named(m.group("c")) == _named(outlet):
        return m.span("c")
    return None


def _named(name: str) -> str:
    """A paper's name to compare: "The Carnford Echo" is "carnford echo"."""
    return re.sub(r"^the\s+", "", " ".join(name.casefold().split()))


_BRACKETED_NAME = re.compile(r"\((?P<c>(?:The\s)?[A-Z][\w.'’-]*"
                             r"(?:\s(?:&\s)?[A-Z][\w.'’-]*){1,4})\)\s*$")


# "Photo: <title> <Given> <Surname>" labels whom the photo shows; "Photo by …", a credit in
# brackets, and a title before no name ("King County Sheriff's Office", "Queen's University")
# are credits.
_LABELLED = re.compile(r"\b(?:Photo(?:graph)?s?|Pictures?|Images?)\s*:\s*$")
_TITLED = re.compile(r"\b(?:Mayor|President|Prime\s+Minister|Minister|Governor|Senator"
                     r"|Chancellor|Pope|Coach|Manager|Judge|Secretary|Ambassador|Mr|Mrs|Ms)\.?"
                     r"\s+[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)+\s*$")
_NO_ONE = re.compile(r"(?i:(?:file\s+)?(?:photo|picture|image)s?|file|handout)?")
