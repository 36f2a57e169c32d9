"""Respelling: a question's words written as the articles retrieved for it write them.

A question can name what an article says in a form the article never uses: an acronym it
spells out ("What EPS had analysts expected?" of "Earnings per share were €1.37, ahead of the
€1.29 expected…"; "USGS" of "The US Geological Survey has revised…"), or a word misspelt
("how many kettels were sold"). Neither the passages' cosine nor their words then tie the
question to its article: it was turned away as off topic (`compose.abstention`), or its
answer sentence scored too low to answer. Asked again as the articles write it, it is judged
on what it asks. A word is respelt only where the articles leave no doubt: one spelling
within one edit, of a word the reader's vocabulary does not know (a real word, "bread" beside
an article's "break", is what was asked).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache

from index import Article, fold_accents

from .evidence import question_names
from .reader import MODEL_DIR
from .words import asking_terms, terms

__all__ = ["respelt", "spelt_out"]

_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")  # not two letters: "GP" is no "Greystone Prize"
_WORDS = re.compile(r"[A-Za-z][\w’'&-]*")
_SMALL = frozenset({"and", "of", "for", "the", "on", "in", "&"})  # between the spelt words
_LOWER = re.compile(r"\b[a-z]{5,}\b")  # a word that may be misspelt: no name, long enough
MIN_SPELT = 5  # an article's word a misspelling may stand for is this long at least
# Between the words spelling an acronym out: spaces, or "&" ("Marks & Spencer"); no comma or
# full stop ("Colin Mayhew, Allied's" is no CMA).
_GAP = re.compile(r"[ \t]+(?:&[ \t]+)?")
# An organisation's name ends in what it is ("US Geological Survey", "Crown Prosecution
# Service"): "Rail Minister Tom" is no RMT.
_BODIES = frozenset({
    "survey", "authority", "board", "agency", "service", "bank", "association", "union",
    "commission", "office", "council", "fund", "institute", "party", "court", "trust",
    "organisation", "organization", "federation", "corporation", "company", "committee",
    "department", "ministry", "society", "foundation", "league", "alliance", "group", "network",
    "centre", "center", "college", "university", "school", "club", "force", "executive",
    "bureau", "administration", "congress", "confederation", "inspectorate", "tribunal",
    "assembly", "parliament", "police", "system", "programme", "authorities"})


def respelt(question: str, articles: Iterable[Article]) -> str:
    """The question with its acronyms spelt out and its misspelt words spelt as the articles
    spell them (`spelt_out`, `_misspelt`), or the question itself."""
    texts = [f"{a.title}\n{a.text}" for a in articles]
    out = question
    named = {t for name in question_names(question) for t in terms(" ".join(name))}
    for acronym in dict.fromkeys(_ACRONYM.findall(question)):
        about = set(terms(question)) - asking_terms() - set(terms(acronym)) - named
        words = spelt_out(acronym, texts, about)
        if words:
            out = re.sub(rf"\b{acronym}\b", words, out)
    # Most questions hold no word the reader's vocabulary lacks: the articles' own words are
    # gathered only for one that may be misspelt, not for every question.
    unknown = [w for w in dict.fromkeys(_LOWER.findall(out)) if not _known(w)]
    vocabulary = _vocabulary(texts) if unknown else set()
    for word in unknown:
        right = _misspelt(word, vocabulary)
        about = set(terms(question)) - asking_terms() - set(terms(word)) - named
        if right and _shares(right, about, texts):
            out = re.sub(rf"\b{word}\b", right, out)
    return out


def _vocabulary(texts: Iterable[str]) -> set[str]:
    """The articles' words, casefolded and without accents."""
    return {w.casefold() for t in texts for w in _WORDS.findall(fold_accents(t))}


def _shares(word: str, about: set[str], texts: Iterable[str]) -> bool:
    """Does a sentence of the texts holding the word hold one of the question's own words too
    (`about`)? "How many voles were counted in Ashford?" is not asked of "…won the Ashford
    ward by-election with 1,204 votes", which counts nothing; "how many kettels were sold" is
    of "About 64,000 of the kettles were sold…"."""
    for text in texts:
        for m in re.finditer(rf"\b{re.escape(word)}\b", fold_accents(text), re.I):
            if about & set(terms(_sentence(text, m.start()))):
                return True
    return False


def spelt_out(acronym: str, texts: Iterable[str], about: set[str] | frozenset[str] = frozenset()
              ) -> str:
    """The words an acronym stands for, as the first text spelling it out writes them ("US
    Geological Survey" for "USGS"), or "" where one uses the acronym itself or none spells it
    out. Each spelling counts only in a sentence holding one of the question's other words
    (`about`): three words' first letters are often an acronym's by chance ("fake invoices
    from a" is no "FIFA"). A name must be an organisation's, ending in what it is
    (`_BODIES`; one followed by its acronym in brackets uses the acronym, and is left as it
    is); words not capitalised only a measure's "per" ("earnings per share" for "EPS")."""
    texts = list(texts)
    if any(re.search(rf"\b{acronym}\b", t) for t in texts):
        return ""
    for text in texts:
        words = list(_WORDS.finditer(text))
        for i in range(len(words)):
            end = _spells(acronym, [m.group() for m in words[i:i + 3 * len(acronym)]])
            if not end:
                continue
            spelt = text[words[i].start():words[i + end - 1].end()]
            if not _joined(spelt) or not about & set(terms(_sentence(text, words[i].start()))):
                continue
            if _named(spelt) and _WORDS.findall(spelt)[-1].casefold() in _BODIES:
                return spelt
            if " per " in spelt.casefold():
                return spelt.casefold()  # no name: "Earnings per share" opened its sentence
    return ""


def _joined(spelt: str) -> bool:
    """Are the words one run, spaces or "&" between them and none a possessive?"""
    gaps = re.split(r"[A-Za-z][\w’'&-]*", spelt)[1:-1]
    return (all(_GAP.fullmatch(g) for g in gaps)
            and not any(w.endswith(("'s", "’s")) for w in _WORDS.findall(spelt)))


def _named(spelt: str) -> bool:
    """Are the words spelling an acronym out a name's, each capitalised but the small ones?"""
    return all(w[0].isupper() for w in _WORDS.findall(spelt) if w.casefold() not in _SMALL)


def _sentence(text: str, at: int) -> str:
    """The sentence of the text around a place in it (its line, between full stops)."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return text[start:min(ends) if ends else len(text)]


def _spells(letters: str, words: list[str]) -> int:
    """How many of the words spell the letters out from the first, or 0: each word gives its
    first letter, a word in capitals all its letters ("US" of "USGS"), small words between
    them none."""
    n, left = 0, letters
    for word in words:
        if not left:
            break
        n += 1
        if n > 1 and word.casefold() in _SMALL:
            continue
        if len(word) > 1 and word.isupper() and left.startswith(word):
            left = left[len(word):]
        elif word[0].upper() == left[0]:
            left = left[1:]
        else:
            return 0
    return n if not left and n > 1 else 0


def _misspelt(word: str, vocabulary: set[str]) -> str:
    """The one word of the articles the question's word misspells (one letter wrong, missing,
    added, or two swapped: "kettels" for "kettles"), or "" where the articles hold the word,
    the reader's vocabulary knows it, or none or several are that near."""
    from rapidfuzz.distance import OSA

    if word in vocabulary or _known(word):  # a word the articles hold, or a real one
        return ""
    near = {v for v in vocabulary if len(v) >= MIN_SPELT and abs(len(v) - len(word)) <= 1
            and v[0] == word[0] and OSA.distance(word, v, score_cutoff=1) <= 1}
    # "kettles" beside an article's "kettle" is the same word, "compiles" beside "compiled"
    # and "headliner" beside "headline" other forms of it: no misspelling
    if len(near) != 1 or any(v.startswith(word) or word.startswith(v)
                             or terms(v) == terms(word) for v in near):
        return ""
    return near.pop()


def _known(word: str) -> bool:
    """Does the reader's vocabulary know the word, or its singular ("commuters": "commuter";
    "puppies": "puppy")? A plural it lacks is still a real word, not a misspelling."""
    known = _known_words()
    forms = {word}
    if word.endswith("s"):
        forms |= {word[:-1], word[:-2]}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return bool(forms & known)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The whole words of the reader's vocabulary (MiniLM's WordPiece): English as it is
    written often enough for a word of its own there."""
    model = json.loads((MODEL_DIR / "tokenizer.json").read_text(encoding="utf-8"))["model"]
    return frozenset(w for w in model["vocab"] if w.isalpha())
