"""The name a sentence titles with the very word a who-question asks for: "Who is the
coxswain?" over "Coxswain Andy McCrindle said…", "Who chairs the passenger group…?" over "Its
chair, Dev Mistry-Hale, said…", "Who is the head of carnivores at Allerton?" over "Joaquín
Ibarra-Lowe, the park's head of carnivores, said…".

`roles` answers a role's holder whatever the reader's span, and so asks the sentence to say
whose the role is as the question does. Here the reader's span must fall on the name (`short.
sole_answer`), and the title need only not be another's: bare ("county fire chief Rosalind
Achterberg"), owned by a word pointing back ("The trust's chief executive, Margaret Ansty"), or
by a name the question gives ("Rovers manager Heidi Brandt"). In the users' sets (twenty-first
to thirty-seventh) the name rule turned away 23 such sentences holding the answer.
"""

from __future__ import annotations

import re

from .made_by import WHO_DOES
from .roles import asked_role
from .titled import NAME, TITLE_WORDS, TITLES, RoleHolder, holders, placed_holders, spaced

__all__ = ["asked_titles", "owned_as_asked", "titled_answer", "titled_otherwise"]

# "Who is the coxswain?", "Who was his barrister?", "Who is the NMO's chief forecaster?", "Who
# is the head of extreme events at the NHSA?": a noun after a determiner or an owner.
_WHO_IS_THE = re.compile(
    r"^\W*(?i:(?:and\s+)?who(?:[’']s|\s+is|\s+was|\s+are|\s+were)\s+)(?:the|his|her|its|their"
    r"|(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*[’']s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[a-z][\w-]+)"
    r"(?:\s+(?:of|at|in|for|on)\s+(?P<of>[^?]*?))?\W*$")


def asked_titles(question: str) -> tuple[str, ...]:
    """The titles, as a sentence may write them, whose holder the question asks for: the role
    (`roles.asked_role`) or the noun asked ("coxswain"), each first with the words of its "of"
    ("head of carnivores"); or the doer's nouns of a verb asked ("Who chairs…?": "chair", "Who
    is conducting…?": "conductor")."""
    role = asked_role(question)
    m = _WHO_IS_THE.match(question.strip())
    if role is not None:
        noun, of = role.role, [w for w in role.of if w not in ("the", "a", "an")]
    elif m is not None:
        noun, of = m.group("noun"), re.findall(r"[\w’'-]+", m.group("of") or "")
    else:
        return _doers(question)
    # "head of carnivores at Allerton": "head of carnivores", then "head".
    return (*(f"{noun} of {' '.join(of[:k])}" for k in range(len(of), 0, -1)), noun)


def _doers(question: str) -> tuple[str, ...]:
    """The nouns for whoever does the verb asked: "chair" for "chairs", "conductor" for
    "conducting", "producer" for "produced", "referee" for "refereeing"."""
    m = WHO_DOES.match(question.strip())
    if m is None:
        return ()
    verb = m.group(1).casefold()
    bases = {verb[:-len(end)] for end in ("ing", "es", "s", "ed", "d") if verb.endswith(end)}
    bases |= {_IRREGULAR[verb]} if verb in _IRREGULAR else set()  # "Who led it?": "lead"
    nouns = {f"{b}{end}" for b in bases if len(b) > 2 for end in ("", "er", "or")}
    nouns |= {f"{b}r" for b in bases if b.endswith("e")}  # "produced": "producer"
    nouns |= {t for b in bases for t in _DOER_TITLES.get(b, ())}
    return (*_champions(question), *sorted(nouns, key=len, reverse=True))


# Verbs whose doer a sentence titles by another word: "Who runs the company?" over "Nuvio's
# chief executive, Signe Vaher", "Who leads their union?" over "Owen Treharne, the ARTD's
# general secretary", "Who designed the new wing?" over "The architects, Lund & Morrow," (the
# users' sets: each turned away by the name rule).
_DOER_TITLES = {"run": ("chief executive", "managing director"),
                "lead": ("general secretary", "leader", "lead author"),
                "design": ("architects", "architect", "designer")}
# Past tenses no suffix gives the base of: "Who led the study?" over "the study's lead author,
# Dr. Renata Solberg-Mathis" (the users' sets, turned away by the name rule).
_IRREGULAR = {"led": "lead", "ran": "run", "wrote": "write", "won": "win", "made": "make",
              "built": "build", "began": "begin", "drew": "draw"}
_SYNONYMS = frozenset(t for titles in _DOER_TITLES.values() for t in titles)
# Another title than the verb asked says whose it is only before it: "Yusuf Adeyemi-Clarke
# became chief executive of Harrowmere Water" is not asked "Who runs the company?" of another.
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# "Who won the European Chess Championship?": its champion, qualified as the question is.
_CHAMPIONSHIP = re.compile(r"\bwon\s+(?:the\s+)?((?:[A-Z][\w-]*\s+){1,3})Championships?\b")


def _champions(question: str) -> tuple[str, ...]:
    """The champion a question asks who won the championship of: "European Chess Championship":
    "european chess champion", never the bare "champion" (another race's)."""
    m = _CHAMPIONSHIP.search(question)
    return () if m is None else (f"{m.group(1).strip().casefold()} champion",)


def titled_answer(question: str, sentence: str) -> list[RoleHolder]:
    """The names the sentence titles with a title the question asks for (`asked_titles`),
    where the title is no other's than the question's."""
    for title in asked_titles(question):
        if not re.search(rf"\b{re.escape(title)}\b", sentence, re.I):
            continue
        found = [h for at, h in (*placed_holders(title, sentence), *_loose_holders(title, sentence))
                 if h.name.casefold() not in question.casefold()
                 and not _another_owner(question, sentence, title, at)
                 and not (title in _SYNONYMS and _OF_OWNER.match(sentence, at + len(title)))]
        if found:
            return found
    return []


def _loose_holders(title: str, sentence: str) -> list[tuple[int, RoleHolder]]:
    """Holders `titled` does not place, for a title asked alone: after "is" ("The producer this
    time is Inês Carvalho"), after a description ("their captain, the number eight Éloi
    Baptiste-Fernández"), after what it is of ("The lead author of the study, Dr Oluwaseun
    Marsh"), or a firm's partners ("The architects, Lund & Morrow,"): the users'
    sets, each turned away by the name rule); or the subject the title is said of ("Rosalind
    Achebe-Park, 38, is a midwife at Harrowfield General and the founder of…")."""
    said_of = re.compile(rf"(?P<n>{NAME})(?:,\s+\d{{1,3}},)?\s+(?:is|was)\s+(?:[^,;.]{{0,60}}?"
                         rf"\s+and\s+)?(?:the|an?)\s+(?:[a-z][\w-]*\s+){{0,2}}?"
                         rf"(?P<t>(?i:{spaced(title)}))\b")
    pattern = re.compile(
        rf"\b(?i:{spaced(title)})(?:(?:\s+(?:this|that|last|next)\s+[a-z]+)?\s+(?:is|was)\s+"
        rf"|,\s+(?:the|an?)\s+(?:[a-z][\w-]*\s+){{1,3}}|,\s+(?=[A-Z][\w’'-]*\s+&\s)"
        rf"|\s+of\s+(?:the|this|its|their)\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*,\s+"
        rf"(?:(?:Dr|Prof|Professor|Councillor|Cllr|Judge|Sir|Dame|Mr|Mrs|Ms)\.?\s+)?)"
        rf"(?P<n>(?:[À-Þ][\w’'-]*\s+)?{NAME}(?:\s+&\s+{NAME})?)")  # "Éloi Baptiste-Fernández"
    return [*((m.start(), RoleHolder(m.start("n"), m.end("n"), m.group("n")))
              for m in pattern.finditer(sentence)),
            *((m.start("t"), RoleHolder(m.start("n"), m.end("n"), m.group("n")))
              for m in said_of.finditer(sentence))]


# The owner written just before a title, with up to two words of it between: "NMO chief
# forecaster", "Nwachukwu's coach", "Rovers manager", "Portland police chief". Not across an
# "and": "a midwife at Harrowfield General and the founder of…" is no hospital's founder.
_OWNER = re.compile(r"(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?P<s>[’']s)?\s+"
                    r"(?:(?!and\s|or\s)[a-z][\w-]*\s+){0,2}$")
# Capitalised words that own no title: an honorific, or a word pointing back.
_NO_OWNER = TITLE_WORDS | {"dr", "mr", "mrs", "ms", "the", "a", "an", "its", "their", "his", "her"}


def _another_owner(question: str, sentence: str, title: str, at: int) -> bool:
    """Is the title at `at` owned by a name the question does not give, where the question
    names anyone ("Who coaches Emilie Fauconnier?" is not asked by "Nwachukwu's coach, Ruth
    Abernethy-Cole"; "Who coaches her?" is)? Its owner stands before it, or after it ("The
    mayor of San Ildefonso, …")."""
    named = _words(re.findall(r"(?<!^)\b[A-Z][\w&.-]*", question.strip()))
    owners = []
    if (m := _OWNER.search(sentence, 0, at)) is not None:
        owners.append(m.group("owner"))
    after = re.compile(rf"(?i:{spaced(title)})\s+of\s+(?:the\s+)?(?P<owner>[A-Z][\w&.-]*"
                       r"(?:\s+[A-Z][\w&.-]*)*)")
    if (of := after.match(sentence, at)) is not None:
        owners.append(of.group("owner"))
    # An owner sharing a word the question says, capitalised or not, is the one asked:
    # "Syndicate organiser Denise Halloran" asked who organised the lottery syndicate at
    # Caldwell Frozen Foods (the users' sets: turned away by the name rule).
    said = named | _words(re.findall(r"[\w’'-]+", question))
    return bool(named) and any((_words(o.split()) - _NO_OWNER).isdisjoint(said) and
                               _words(o.split()) - _NO_OWNER for o in owners)


def _words(words: list[str]) -> set[str]:
    return {re.sub(r"[’']s$", "", w).casefold() for w in words}


def owned_as_asked(sentence: str, at: int, words: tuple[str, ...]) -> bool:
    """Is the title at `at` owned by a name sharing a word the question qualifies the role
    with: "Rovers manager Heidi Brandt" asked "Who manages Kessington Rovers?" (the users'
    set: read as another's manager)."""
    m = _OWNER.search(sentence, 0, at)
    return m is not None and not (_words(m.group("owner").split()) - _NO_OWNER).isdisjoint(
        words)


# "Who is the developer behind the scheme?": the noun asked, after up to two words qualifying
# it, before what it is of or behind.
_NOUN_ASKED = re.compile(r"^\W*(?i:who)(?:[’']s|\s+is|\s+was|\s+are|\s+were)\s+the\s+"
                         r"(?P<words>(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]+))(?=\s+(?:behind"
                         r"|of|at|in|for|on|who|that|with|from|to)\b|\W*$)")
# Nouns any name may be: "Who is the man police want to trace?" asks no title.
_ANYONE = frozenset({"man", "woman", "person", "people", "boy", "girl", "child", "victim",
                     "one", "winner", "loser", "owner", "suspect", "patient"})
_TITLE = re.compile(rf"\b(?:{TITLES})\b", re.I)


def titled_otherwise(question: str, sentence: str, span: tuple[int, int]) -> bool:
    """Asked for a title's holder ("Who is the developer behind the Brookfield Meadows
    scheme?"), is the name at `span` (sentence offsets) the holder of another title the
    sentence gives ("Conservative councillor Peter Haldane, who represents Brookfield ward"),
    the title asked nowhere in it? Then it is not whom the question asks for."""
    role = asked_role(question)
    m = _NOUN_ASKED.match(question.strip())
    if m is None:  # "Who heads the inquiry?" is said by "…led by retired judge Dame Anne…"
        return False
    noun = role.role if role is not None else m.group("noun")
    if (_ANYONE & set(m.group("words").split())
            or re.search(rf"\b{spaced(noun)}", sentence, re.I)):
        return False
    # A title sharing a word with the question may be the one asked by another name:
    # "Health Secretary Lorna Fairbairn" asked the health minister.
    asked = _words(re.findall(r"[\w’'-]+", question))
    others = {t.group().casefold() for t in _TITLE.finditer(sentence)
              if not _words(sentence[max(0, t.start() - 30):t.end()].split()[-3:]) & asked}
    return any(h.start < span[1] and span[0] < h.end
               for title in others for h in holders(title, sentence))
