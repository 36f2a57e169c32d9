"""Content words, stemmed as BM25 stems them: what the reader's neighbours (ranking features,
the off-topic bar, counting) compare a question and a sentence on."""

from __future__ import annotations

import re
from functools import lru_cache

from index import fold_accents

__all__ = ["DETERMINERS", "MONTHS", "MONTH_NAME", "WEEKDAYS", "WEEKDAY_NAME", "WORD",
           "asking_terms", "compounds_held", "specific_figure", "subject_split", "terms",
           "verb_bases"]

WORD = re.compile(r"[\w’'-]+")
# Capitalised words that name a day, not anyone (lowercase, to compare with `casefold()`).
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})
# The same as patterns, capitalised as written ("may vote" is no month).
MONTH_NAME = "(?:" + "|".join(sorted(m.capitalize() for m in MONTHS)) + ")"
WEEKDAY_NAME = "(?:" + "|".join(sorted(d.capitalize() for d in WEEKDAYS)) + ")"


@lru_cache(maxsize=1)
def _stem_and_stop() -> tuple[object, frozenset[str]]:
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN

    return Stemmer.Stemmer("english"), frozenset(STOPWORDS_EN)


# The words a question asks with, not about: "how", "much", "did", "say" ("What did Hong Min
# say?" is answered by "…, Hong Min said"). BM25's stop list (33 words) keeps them.
# Not "us" nor "may": "US troops", "in May". "about" asks too ("What did Lindqvist say about
# winning?"): BM25's stop list lacks it.
_ASKING = ("how much many what which who whom whose when where why did do does done has have had "
           "can could would should will might must he she him her his hers its they them "
           "their theirs we our you your i me my is was were been be being am say says said "
           "tell told there here ever about")


@lru_cache(maxsize=1)
def asking_terms() -> frozenset[str]:
    """The stems of the words a question asks with (`_ASKING`)."""
    stemmer, _ = _stem_and_stop()
    return frozenset(stemmer.stemWords(_ASKING.split()))  # type: ignore[attr-defined]


def terms(text: str) -> list[str]:
    """Content words, stemmed, without accents: what BM25 would match on."""
    stemmer, stop = _stem_and_stop()
    words = [w.casefold().strip("’'-") for w in WORD.findall(fold_accents(text))]
    return stemmer.stemWords([w for w in words if w and w not in stop])  # type: ignore[attr-defined]


def compounds_held(question: str, text: str) -> set[str]:
    """The text's compounds as the question writes them, either way: the parts of one the
    text hyphenates ("vice-chancellor" for "vice chancellor"), and one the question hyphenates
    where the text has its parts side by side ("first time" for "first-time"). Not parts
    apart ("ex-wife" is not held by "wife", nor "vice-captain" by "Vice chairman … captain")."""
    held = set(terms(" ".join(w.replace("-", " ") for w in WORD.findall(text) if "-" in w)))
    folded = fold_accents(text).casefold()
    for word in WORD.findall(question):
        parts = [p for p in fold_accents(word).casefold().split("-") if p]
        if len(parts) > 1 and re.search(r"\b" + r"[\s-]+".join(map(re.escape, parts)) + r"\b",
                                        folded):
            held.update(terms(word))
    return held


# Irregular verbs' past forms, which stemming leaves apart from the verb: "How much did the
# E-Type sell for?" over "sold for £386,400"; "How many guests came?" over "60 guests came" is
# the same either way. Forms that are as often other words are not: "left", "lay", the Korean
# "won", a "founded" firm ("found"), the "Met", "LED" lights, "Rose", "Lent", the "Fed", a
# "shot", a "hung" parliament, a "strike" ("struck"), "felt", a "spoke", "saw", "fell", "sat".
_IRREGULAR = {base: past.split() for base, past in (
    ("arise", "arose arisen"), ("become", "became"), ("begin", "began begun"), ("bleed", "bled"),
    ("break", "broke broken"), ("bring", "brought"), ("build", "built"), ("buy", "bought"),
    ("catch", "caught"), ("choose", "chose chosen"), ("come", "came"), ("deal", "dealt"),
    ("dig", "dug"), ("draw", "drew drawn"), ("drive", "drove driven"), ("eat", "ate eaten"),
    ("fall", "fallen"), ("fight", "fought"), ("flee", "fled"), ("fly", "flew flown"),
    ("forget", "forgot forgotten"), ("forgive", "forgave forgiven"), ("freeze", "froze frozen"),
    ("get", "got gotten"), ("give", "gave given"), ("go", "went gone"), ("grow", "grew grown"),
    ("hide", "hid hidden"), ("hold", "held"), ("keep", "kept"), ("know", "knew known"),
    ("lose", "lost"), ("make", "made"), ("pay", "paid"), ("ride", "rode ridden"),
    ("rise", "risen"), ("run", "ran"), ("see", "seen"), ("seek", "sought"), ("sell", "sold"),
    ("send", "sent"), ("shake", "shook shaken"), ("shine", "shone"), ("shrink", "shrank shrunk"),
    ("sing", "sang sung"), ("sink", "sank sunk"), ("sleep", "slept"), ("speak", "spoken"),
    ("spend", "spent"), ("stand", "stood"), ("steal", "stole stolen"), ("stick", "stuck"),
    ("swear", "swore sworn"), ("sweep", "swept"), ("swim", "swam swum"), ("take", "took taken"),
    ("teach", "taught"), ("think", "thought"), ("throw", "threw thrown"),
    ("understand", "understood"), ("wake", "woke woken"), ("wear", "wore worn"), ("weep", "wept"),
    ("withdraw", "withdrew withdrawn"), ("write", "wrote written"))}


@lru_cache(maxsize=1)
def _bases() -> dict[str, str]:
    """Each irregular past form's stem -> its verb's stem, as `terms` stems them."""
    return {terms(past)[0]: terms(base)[0]
            for base, pasts in _IRREGULAR.items() for past in pasts if terms(past) and terms(base)}


def verb_bases(stems: set[str]) -> set[str]:
    """`terms` stems with every irregular past form as its verb: "sold" as "sell"."""
    bases = _bases()
    return {bases.get(s, s) for s in stems}


# Words that open a noun phrase without naming anything: "the council", "its shares".
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def subject_split(words: list[str]) -> tuple[list[str], list[str]]:
    """A question's words after its auxiliary, as its subject (capitalised words and the
    determiners among them: "the Millbrook council" gives "the Millbrook") and the rest, whose
    first word is most often the verb asked about ("approve the budget")."""
    n = 0
    while n < len(words) and (words[n][:1].isupper() or words[n].casefold() in DETERMINERS):
        n += 1
    return words[:n], words[n:]


def specific_figure(text: str) -> bool:
    """A figure of three digits or more ("18,412", "4,600"): given exactly where an earlier
    report gave it, it is what a later one revises or withdraws, in whatever words."""
    return len(re.sub(r"\D", "", text)) >= 3
