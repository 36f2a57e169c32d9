"""Where a sentence names the holder of a title: right after it ("South Korean President Yoon
Suk Yeol", "museum director Kari Holm"), beside it ("Chen Ming-feng, the fleet's commander"),
or as the one who became it ("Rosa Delgado of the Green Party was elected mayor"). Whose title
it is and whether it answers a question is `roles`'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TITLES", "TITLE_WORDS", "RoleHolder", "after_title", "bare_title", "became_title",
           "before_title", "holders", "owned_by_another", "owned_by_reference",
           "placed_holders", "title_owners"]

# Titles a question may ask the holder of; longer ones first, so that "prime minister" wins
# over "minister".
_ROLES = sorted((
    "president", "prime minister", "vice president", "president-elect", "mayor", "governor",
    "senator", "minister", "chancellor", "king", "queen", "ceo", "chief executive",
    "secretary", "secretary general", "secretary-general", "director", "chairman",
    "chairwoman", "chair", "spokesperson", "spokesman", "spokeswoman", "coach", "manager",
    "superintendent", "commissioner", "judge", "justice", "general", "commander", "leader",
    "ambassador", "pope", "premier", "chief", "police chief", "sheriff", "attorney general",
    "speaker", "editor", "founder", "captain", "envoy", "curator", "analyst", "head",
    "librarian", "keeper", "councillor", "councilor", "council member", "striker",
    "goalkeeper", "professor", "economist", "scientist", "researcher", "prosecutor",
    "attorney", "lawyer", "inspector", "principal", "dean", "bishop", "archbishop",
    "conductor", "architect", "executive director", "owner", "treasurer", "auditor",
    "chief financial officer", "finance chief", "finance director", "cfo", "author",
    "lead author", "headteacher", "head teacher", "headmaster", "headmistress", "boss",
    "chief fire officer", "organiser", "organizer",
), key=len, reverse=True)


def spaced(role: str) -> str:
    """The role as a pattern, its words apart by any space."""
    return r"\s+".join(re.escape(w) for w in role.split())


TITLES = "|".join(spaced(r) for r in _ROLES)  # the titles as one pattern
TITLE_WORDS = frozenset(w for r in _ROLES for w in r.replace("-", " ").split())
# A title asked for by its abbreviation, as articles write it out ("Who is the CEO of
# Novaris?" over "chief executive Henrik Vollmer"); longer forms first.
_CFO = ("chief financial officer", "finance chief", "finance director", "cfo")
SAME_TITLE = {"ceo": ("chief executive officer", "chief executive", "ceo"),
              "chief executive": ("chief executive officer", "chief executive", "ceo"),
              # "Who is the boss of Brightfield Dairy?": its chief executive. Not any manager
              # (the review's "Brightfield plant manager Tom Ashby", "Rovers kit manager").
              "boss": ("chief executive officer", "chief executive", "ceo", "managing director",
                       "boss"),
              **dict.fromkeys(_CFO, _CFO)}
# A name: capitalised words, with the particles of names between them ("Ursula von der
# Leyen"); it ends on a word, not on a sentence's full stop.
_PARTICLE = r"(?:de|der|den|van|von|bin|al|da|di|la|le)"
NAME = (rf"[A-Z][\w’'-]*(?:\.[A-Z])*\w?(?:\s+(?:{_PARTICLE}(?=\s+(?:{_PARTICLE}\s+)?[A-Z])"
         r"|[A-Z](?:\.|[\w’'-]*\w)))*")
# Capitalised words that open a run but name no one: "Mayor On Tuesday", "Yesterday Keith
# Wilson, the mayor", "King Jr".
_NOT_NAMES = frozenset({
    "The", "A", "An", "On", "In", "At", "Of", "For", "To", "And", "But", "Mr", "Ms", "Mrs",
    "Dr", "Jr", "Sr", "Yesterday", "Today", "Tomorrow", "Earlier", "Later", "Meanwhile",
    "However", "Also", "Then", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "This", "That", "Last", "Next", "When", "While", "After", "Before"})
_HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Dr"})
_PLACING = frozenset({"In", "At", "From", "Of", "To"})


@dataclass(frozen=True)
class RoleHolder:
    """The name and its span in the sentence: `sentence[start:end] == name`."""

    start: int
    end: int
    name: str


def _title(role: str) -> str:
    """The role as a case-blind pattern, with its other forms ("CEO", "chief executive")."""
    return "(?i:" + "|".join(spaced(r) for r in SAME_TITLE.get(role, (role,))) + ")"


# Whose a title is, written after it: "of San Ildefonso", "at Novaris Group".
_OF_WHOM = (r"\s+(?:of|at|for)\s+(?:the\s+)?(?-i:[A-Z])[\w’'.&-]*"
            r"(?:\s+(?:of\s+)?(?-i:[A-Z])[\w’'.&-]*){0,3}")


@lru_cache(maxsize=64)
def _patterns(role: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For "Mayor Keith Wilson" / "the town's current mayor, Anna de Boer." (the appositive
    closed: "the spokesperson, Russia has…" names no one), and for "Chen Ming-feng, the
    fleet's commander". A former holder ("Former Holm mayor Piet Jansen") holds it no more."""
    title = _title(role)
    # "The mayor of San Ildefonso, Rosa Quispe Mamani, told…": whose title, then who holds it
    # (a person's name: not "North Carolina" of "The police chief of Salisbury, North
    # Carolina, said", `after_title`; "of Albany, New York, Kathy Sheehan," names her).
    after = re.compile(rf"\b{title}(?:\s+{_DOTTED}(?P<n>{NAME})"
                       rf"|,\s+{_DOTTED}(?P<c>{NAME})(?=[,.;:]|$)"
                       rf"|{_OF_WHOM}(?:,\s+{NAME})?,\s+(?P<o>{NAME}\s+{NAME})(?=[,.;:]|$))")
    before = re.compile(rf"(?P<n>{NAME}),\s+(?:(?i:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,4}}?"
                        rf"(?P<t>{title})\b")
    return after, before


# "Rosa Delgado of the Green Party was elected mayor of Port Ellery": she holds it now. Not
# "Henry Pratt, who was elected mayor in 2017" (a relative clause: a past holder, maybe). One
# who "will become chief executive" does not hold it yet: only who was named to it.
_OF_PARTY = r"(?:\s+of\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?\s+"
_MADE = r"(?i:(?:re-?)?elected|named|appointed|chosen|sworn\s+in|confirmed|declared)(?:\s+as)?"
_BECAME = (rf"(?:(?i:was|has\s+been|is)\s+{_MADE}|(?i:became|becomes))")
_TO_BECOME = (rf"(?:(?i:will\s+be|is\s+to\s+be|is\s+set\s+to\s+be)\s+{_MADE}"
              r"|(?i:will\s+become|is\s+to\s+become|is\s+set\s+to\s+become))")
_ITS = r"\s+(?P<its>(?:(?i:the|a|an)\s+)?(?:(?i:new|next)\s+)?(?:[\w’'-]+\s+){0,2}?)"


# An honorific written with its full stop, before the name: "the study's lead author, Dr.
# Renata Solberg-Mathis" (read as a name "Dr" closed by the stop, it named no one).
_DOTTED = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Rev|Capt|Insp|Det|Supt|Sgt)\.\s+)?"


@lru_cache(maxsize=128)
def _became_pattern(role: str, future: bool) -> re.Pattern[str]:
    title = _title(role)
    made = f"(?:{_BECAME}|{_TO_BECOME})" if future else _BECAME
    return re.compile(rf"(?P<n>{NAME}){_OF_PARTY}{made}{_ITS}(?P<t>{title})\b(?![’']s)")


def became_title(role: str, sentence: str, future: bool = False
                 ) -> list[tuple[int, RoleHolder]]:
    """The names the sentence says became the role's holder; with `future`, also those who
    will ("was named" is asked about by "Who was named chief executive?" either way)."""
    found = []
    for m in _became_pattern(role, future).finditer(sentence):
        # "elected deputy mayor", "named former mayor Pratt's chief of staff": not the mayor.
        if _DEPUTY.search(m.group("its")) or _FORMER.search(m.group("its")):
            continue
        start = _own_name(sentence, m.start("n"), m.end("n"))
        holder = _holder(sentence, start, m.end("n"), strip_lead=True)
        if holder is not None:
            found.append((m.start("t"), holder))  # the title written, not the role asked
    return found


def _own_name(sentence: str, start: int, end: int) -> int:
    """Where the person's own name starts in a run of capitalised words: after a possessive
    ("The Green Party's Rosa Delgado") and, in a run of more than three, at its last two ("In
    Port Ellery Rosa Delgado")."""
    run = sentence[start:end]
    owner = max(run.rfind("’s "), run.rfind("'s "))
    if owner >= 0:
        start += owner + 3
    words = list(re.finditer(r"\b[A-Z]\S*", sentence[start:end]))  # not "von der"
    return words[-2].start() + start if len(words) > 3 else start


# Two words before a title or its holder's name: a capitalised word there that is no title
# ("Herons head coach", "Portland Mayor") or a possessive ("the club's manager") says whose.
# Words a sentence opens with, capitalised for being first ("The mayor…", "Yesterday Mayor…").
_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "yesterday", "today", "but", "and",
                      "then", "meanwhile", "earlier", "later", "last", "this", "that", "when"})
_WHOSE = re.compile(r"(?:\b[A-Z][\w’'-]*|[\w’'-]+(?:’s|'s|s’|s'))$")


# A title owned by a pronoun or a common noun: "Its president", "the company's chair", with
# a word of the title's between ("The company's operations director, Catriona MacAulay": the
# users' set, read as another's director).
_OWNED = re.compile(r"(?:\b(?:its|their|his|her|our)|\bthe\s+(?-i:[a-z])[\w-]*(?:’s|'s))\s+"
                    r"(?:(?!(?:as|and|or|of|to|in|for|with|at|by|on)\b)(?-i:[a-z])[\w-]*\s+)?$",
                    re.I)


def owned_by_reference(sentence: str, at: int) -> bool:
    """Is the title at `at` owned by a word pointing back at what the story is about ("Its
    president, Owen Pritchard,"), not by another's name?"""
    return _OWNED.search(sentence, 0, at) is not None


# A name owning the title just after it: "Halvorsen's" of "…, Halvorsen's chief executive".
_OWNER = re.compile(r"\b((?:[A-Z][\w&-]*\s+){0,4}[A-Z][\w-]*)(?:’s|'s)\s+$")


def owned_by_another(sentence: str, at: int, words: tuple[str, ...]) -> bool:
    """Is the title at `at` owned by a name the question does not ask about ("said Ingrid
    Halvorsen-Lee, Halvorsen's chief executive" asked Brightfield's, whose name her quote
    says)? A name sharing a word with it is the one asked ("Vantor Aerospace's" for Vantor's,
    "Holm Town Council's" for Holm's)."""
    m = _OWNER.search(sentence, 0, at)
    return m is not None and not {w.casefold() for w in m.group(1).split()} & set(words)


def bare_title(sentence: str, at: int) -> bool:
    """Whether the title just before `at` (a holder's name, or the title itself) stands with
    nothing saying whose it is: "…, Mayor Anders Kvist said", not "Herons head coach Tom
    Berg"."""
    return not title_owners(sentence, at)


def title_owners(sentence: str, at: int) -> list[str]:
    """The words saying whose the title just before `at` is: ["Herons"] of "Herons head
    coach Tom Berg", none of "…, Mayor Anders Kvist said"."""
    before = sentence[:at].split()
    # Only the title's own phrase: "…restoration on Friday, Mayor Anders Kvist" is no
    # "Friday Mayor".
    phrase = before[-4:]
    cut = max((i + 1 for i, w in enumerate(phrase) if w[-1:] in ",;:"), default=0)
    words = [w.strip(",;:()“”\"") for w in phrase[cut:]]
    if len(before) <= len(phrase) and cut == 0 and words and words[0].casefold() in _OPENERS:
        words = words[1:]
    titled = [w for w in words if w.casefold() not in TITLE_WORDS]
    return [w for w in titled[-2:] if _WHOSE.search(w)]


def holders(role: str, sentence: str) -> list[RoleHolder]:
    """Every name the sentence gives a holder of the role, however qualified."""
    return [h for _, h in placed_holders(role, sentence)]


def placed_holders(role: str, sentence: str) -> list[tuple[int, RoleHolder]]:
    """`holders`, each with where its title stands."""
    return [*after_title(role, sentence), *before_title(role, sentence),
            *became_title(role, sentence)]


_DEPUTY = re.compile(r"\b(?:vice|deputy|assistant|acting)[\s-]*$", re.I)
# "Former Holm mayor Piet Jansen", "ex-president", "the late king": no longer the holder.
_FORMER = re.compile(r"\b(?:former|ex-?|late|then-?|previous|erstwhile)\s*(?:[\w’'-]+\s+){0,2}$",
                     re.I)


def after_title(role: str, sentence: str) -> list[tuple[int, RoleHolder]]:
    after, _ = _patterns(role)
    found = []
    for m in after.finditer(sentence):
        if (_FORMER.search(sentence, max(0, m.start() - 30), m.start())
                or _DEPUTY.search(sentence, max(0, m.start() - 12), m.start())):
            continue
        group = next(g for g in ("n", "c", "o") if m.group(g) is not None)
        if group == "o" and not _a_person(m.group("o")):
            continue
        holder = _holder(sentence, m.start(group), m.end(group), strip_lead=False)
        if holder is not None:
            found.append((m.start(), holder))
    return found


def before_title(role: str, sentence: str) -> list[tuple[int, RoleHolder]]:
    _, before = _patterns(role)
    found = []
    for m in before.finditer(sentence):
        # Where the title stands: a title asked by another of its names ("boss") is as long
        # as the one written ("chief executive"), not as the role asked.
        if _FORMER.search(m.group(), 0, m.start("t") - m.start()):
            continue
        holder = _holder(sentence, m.start("n"), m.end("n"), strip_lead=True)
        if holder is not None:
            found.append((m.start("t"), holder))
    return found


def _a_person(name: str) -> bool:
    from .referent import named_person  # which reads TITLE_WORDS from here

    return named_person(tuple(name.split()))


def _holder(sentence: str, start: int, end: int, strip_lead: bool) -> RoleHolder | None:
    """The name at [start, end), without a possessive; words that name no one lead it only
    before a title ("Yesterday Keith Wilson, the mayor": stripped), never after one ("Mayor
    On Tuesday": no name), but an honorific ("lead author Dr Eleanor Voss")."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    stripped = ""
    while words and words[0].group() in _NOT_NAMES:
        if not strip_lead and words[0].group() not in _HONORIFICS:
            return None
        stripped = words.pop(0).group()
    # "In Ukraine, President Andrzej Duda of Poland…": a place the title stands in, no holder.
    if not words or (stripped in _PLACING and len(words) == 1):
        return None
    a, b = start + words[0].start(), start + words[-1].end()
    for tail in ("’s", "'s"):
        if sentence.endswith(tail, a, b):
            b -= len(tail)
    name = sentence[a:b]
    return RoleHolder(a, b, name) if name and name not in _NOT_NAMES else None
