"""Whether a sentence qualifies a title as a question does: "the South Korean president", "the
mayor of Harbor City", "the chief executive of Novaris" (`roles`). A capitalised word of the
question is a name and counts only capitalised; a country's people name it too."""

from __future__ import annotations

import re

from .titled import TITLE_WORDS
from .words import MONTHS, WEEKDAYS

__all__ = ["NOT_PEOPLE", "described", "distinctive", "enough", "named_in", "of_another",
           "only_subject", "qualified_in", "shared", "story_qualified"]


def only_subject(title: str, words: tuple[str, ...]) -> bool:
    """Is the article's title about what qualifies the role and nothing else named: "Novaris
    recalls blood pressure drug" or "Brightline Systems to cut 340 jobs" for their chief
    executive, not "Microsoft deepens ties with OpenAI" for OpenAI's?"""
    # A day or a month is no other name ("… as Saturday headliners")
    runs = [{w.casefold() for w in run.split()}
            for run in re.findall(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", title)
            if run.casefold() not in WEEKDAYS | MONTHS]
    asked = set(words)
    if not asked or not runs or not asked <= set().union(*runs):
        return False
    # Every name the title gives holds one of the words ("Brightline Systems"): no other. But
    # people may follow the headline's subject ("Brightwell Foods names finance chief Anita
    # Gorecki as…"), where a company is one word often enough ("…with OpenAI"), or says what
    # it is ("Apple sues Samsung Electronics").
    subject_first = asked <= runs[0]
    others_people = all(run & asked or (len(run) > 1 and not run & _COMPANY_WORDS)
                        for run in runs)
    return all(run & asked for run in runs) or (subject_first and others_people)


def described(sentence: str, at: int, of: tuple[str, ...], title: str,
              proper: frozenset[str]) -> bool:
    """Is the title at `at` that of what the question names, called by its kind ("The
    museum's director, Hugh Pemberton-Lyle" for the Aldwick Museum's), in an article whose
    title names it whole ("Two paintings … stolen from Aldwick Museum")?"""
    kind = of[-1] if len(of) > 1 else ""
    return bool(kind) and re.search(rf"\bthe\s+{re.escape(kind)}(?:’s|'s)\s+$", sentence[:at],
                                    re.I) is not None and named_in(of, title, proper)


def qualified_in(text: str, words: tuple[str, ...], proper: frozenset[str]) -> bool:
    """Does the text qualify the role as the question does: every word of a name of several
    ("Harbor City", capitalised: its "City" alone is a city council's), else half the
    qualifying words ("museum" of "the Oslo museum director")?"""
    named = tuple(w for w in words if w in proper)
    if len(named) > 1:
        return named_in(named, text, proper)
    return enough(shared(words, text, False, proper), words)


def story_qualified(sentence: str, at: int, title: str, words: tuple[str, ...],
                    proper: frozenset[str], near: str) -> bool:
    """Is the title at `at` (its holder the only one the sentence names) qualified as asked by
    the sentence and its article's title together, with nothing beside it saying it is
    another's? "…back in Ghent,' said prosecutor Hilde Claes" under "Two arrested over Ghent
    reliquary theft" is the prosecutor in the Ghent theft case; "Education Secretary Fiona
    MacLeod" under "Scottish teachers accept pay deal" is Scotland's Education Secretary. A name
    asked that the sentence gives must be in the words `near` the title; one it does not, the
    whole of what the article's title names ("OpenAI signs deal with Microsoft" may be about
    Microsoft's chief executive)."""
    phrase = re.split(r"[,;:“”\"(]", sentence[:at])[-1].split()[-3:]
    beside = [w for w in phrase if w.casefold() not in TITLE_WORDS
              and not shared(words, w, False, proper)]
    if any(re.search(r"(?:^[A-Z]|[’']s$)", w) for w in beside[1:] or beside[-1:]):
        return False
    if _another_country(sentence, words):  # "…agreed in Wales last year, Education Secretary…"
        return False
    named = tuple(w for w in words if w in proper)
    missing = tuple(w for w in named if not shared((w,), sentence, False, proper))
    if (len(missing) < len(named) and not shared(named, near, False, proper)) or (
            missing and not only_subject(_countries(title), missing)):
        return False
    return enough(shared(words, f"{sentence} {title}", False, proper), words)


def _another_country(sentence: str, words: tuple[str, ...]) -> bool:
    """Does the sentence name a country, or its people, other than one the question asks
    about?"""
    said = {w.casefold() for w in re.findall(r"\b[A-Z][a-z]+\b", sentence)}
    asked = set(words) | {_DEMONYMS.get(w, w) for w in words}
    return any((country in said or people in said) and not {country, people} & asked
               for country, people in _DEMONYMS.items())


def _countries(title: str) -> str:
    """The title with its peoples as their countries: "Scottish teachers" is about Scotland."""
    countries = {people: country.capitalize() for country, people in _DEMONYMS.items()}
    return re.sub(r"[A-Z]\w+", lambda m: countries.get(m.group().casefold(), m.group()), title)


def named_in(name: tuple[str, ...], text: str, proper: frozenset[str]) -> bool:
    """Does the text name it: every word ("Harbor City"), or a company's short form, its first
    word with no other name run on ("Northline chief executive" is Northline Rail's;
    "Northline Bus chief executive", "Manchester City manager" are others')."""
    if shared(name, text, False, proper) == len(name):
        return True
    short = distinctive(name)
    if short == name:
        return False
    for m in re.finditer(rf"\b{re.escape(short[0])}\b", text, re.I):
        after = re.match(r"\s+([A-Z][\w’'-]*)", text[m.end():])
        if m.group()[:1].isupper() and not (after and after.group(1).casefold()
                                             not in TITLE_WORDS):
            return True
    return False


def distinctive(name: tuple[str, ...]) -> tuple[str, ...]:
    """What of a company's name its short form keeps: "Northline chief executive Carla Brandt"
    is Northline Rail's, "Kettleby chief executive" Kettleby Appliances'. Not a place's
    ("Harbor City": a city's is not its council's) nor a name whose first word many share
    ("New Jersey" is not "New York")."""
    if (len(name) > 1 and name[0] not in _SHARED_FIRST
            and not set(name[1:]) & _PLACE_WORDS):
        return name[:1]
    return name


_COMPANY_WORDS = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "plc", "group", "holdings",
    "electronics", "motors", "foods", "systems", "technologies", "labs", "bank", "airlines",
    "airways", "energy", "media", "industries", "partners", "capital", "pharmaceuticals",
    "telecom", "networks", "software", "brands", "entertainment", "studios", "rail", "union",
    "council", "party", "university", "agency", "ministry", "department", "association"})
_SHARED_FIRST = frozenset({
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "san", "santa", "los", "las", "saint", "st", "port", "fort", "mount", "lake", "great",
    "united", "upper", "lower", "la", "el", "le", "de", "central", "royal", "national",
    "american", "british", "first", "general"})
_PLACE_WORDS = frozenset({
    "city", "county", "town", "village", "island", "islands", "state", "province", "district",
    "region", "valley", "heights", "beach", "bay", "falls", "springs", "park", "hills",
    "harbor", "harbour", "borough", "parish", "township", "republic", "kingdom"})


def enough(shared: int, words: tuple[str, ...]) -> bool:
    return shared > 0 and 2 * shared >= len(words)


def shared(qualifiers: tuple[str, ...], near: str, last: bool,
            proper: frozenset[str] = frozenset()) -> int:
    """How many of the question's qualifying words the 4 words just before the title (`last`)
    or the text given hold ("Korea" qualifies as "Korean"; a stem of five letters is enough).
    A word capitalised in the question (`proper`) counts only capitalised: the "city" of "the
    city would add" is not the City of "Harbor City". A country's people name it too ("Polish"
    for Poland, `_DEMONYMS`), and "U.S." is "US"."""
    words = [w.replace(".", "") for w in re.findall(r"[\w-]+(?:\.[\w-]+)*\.?", near)]
    words = words[-4:] if last else words

    def same(w: str, q: str) -> bool:
        folded = w.casefold()
        return ((folded[:5] == q[:5] or folded == _DEMONYMS.get(q))
                and (q not in proper or w[:1].isupper()))

    return sum(any(same(w, q) for w in words) for q in qualifiers)


# "President Andrzej Duda of Poland": whose title (before the name) it is, said right after
# the name. ("Rosa Delgado of the Green Party was elected mayor": her party, not the title's.)
_OF_PLACE = re.compile(r",?\s+of\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")

_PARTY = re.compile(r"[^,.;]{0,40}?\b(?i:party|alliance|union|front|movement|coalition|league"
                    r"|democrats|republicans|conservatives|socialists|greens)\b")


def of_another(sentence: str, end: int, words: tuple[str, ...]) -> bool:
    """Does the sentence say, right after the holder's name (ending at `end`), that the title
    is of a place or body the question does not ask about ("Duda of Poland", asked about
    Ukraine's)?"""
    m = _OF_PLACE.match(sentence, end)
    if m is None or _PARTY.match(sentence, m.start(1)):
        return False
    place = tuple(w.casefold() for w in m.group(1).split())
    # Either way round: "Polish" asked, "of Poland" said; "Poland" asked, "of Polish…" not.
    return not (shared(words, m.group(1), False) or shared(place, " ".join(words), False))


# Countries whose people's name shares no five letters with theirs.
_DEMONYMS = {"china": "chinese", "poland": "polish", "france": "french", "spain": "spanish",
             "britain": "british", "netherlands": "dutch", "us": "american",
             "usa": "american", "denmark": "danish", "sweden": "swedish", "finland": "finnish",
             "turkey": "turkish", "ireland": "irish", "switzerland": "swiss", "greece": "greek",
             "thailand": "thai", "philippines": "filipino", "portugal": "portuguese",
             "norway": "norwegian", "peru": "peruvian", "iraq": "iraqi", "israel": "israeli",
             "pakistan": "pakistani", "wales": "welsh", "scotland": "scottish"}

# Last words of names no person has: a company's, a body's, a place's ("Georgia Power",
# "Jordan Foods", "Victoria Falls Council").
NOT_PEOPLE = _COMPANY_WORDS | _PLACE_WORDS | frozenset({
    "power", "foods", "council", "government", "police", "club", "fc", "united", "city",
    "hospital", "school", "museum", "foundation", "trust", "institute", "court", "news",
    "award", "awards", "prize", "cup", "open", "party", "festival", "games", "tour"})
