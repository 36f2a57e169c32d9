"""A quotation said over several sentences, with its speaker named after the last one:
"“In 1998 the water came to the doorstep. This time it came to the ceiling,” she said." Split
into sentences, the first holds what was said and the last who said it, so asked what she said
about the water, neither answers alone; the quotation whole does, and where its speaker is
"she", with the sentence naming her before it ("Shopkeeper Denise Harker, 58, said…")."""

from __future__ import annotations

import re
from dataclasses import replace

from index import Article, sentence_spans

from .referent import given_gender
from .rerank import Evidence
from .speakers import pronoun_speaks

__all__ = ["LONGEST", "names_sayer", "quotation", "quoted_span", "said_before"]

LONGEST = 600  # characters a quotation may run beyond the sentence read
# A sentence's first quotation mark where it closes one ("…the ceiling,” she said").
_FIRST_MARK = re.compile(r"[“”\"]")
_CLOSES = re.compile(r"[,.!?]\s*[”\"]")
# Fewer than `speakers`' verbs of saying: those that open a speaker's words about someone.
_SAYS = re.compile(r"\b(?:said|says|told|added|adds|recalled|warned|explained)\b")


def quotation(ev: Evidence, article: Article) -> Evidence:
    """The sentence with the rest of the quotation it is part of (`quoted_span`), or itself."""
    start, end = quoted_span(article, ev.start, ev.end)
    if (start, end) == (ev.start, ev.end):
        return ev
    return replace(ev, start=start, end=end, text=article.text[start:end])


def quoted_span(article: Article, start: int, end: int) -> tuple[int, int]:
    """The sentence at [start, end) of the article with the rest of the quotation it is part
    of, in its paragraph and within LONGEST characters: back to where a quotation it closes
    opened, on to the end of the sentence closing one it opens."""
    return _opened_at(article.text, start, end), _closed_at(article, start, end)


def _opened_at(text: str, start: int, end: int) -> int:
    mark = _FIRST_MARK.search(text, start, end)
    if mark is None or mark.group() == "“" or not _CLOSES.match(text, max(start,
                                                                           mark.start() - 1)):
        return start
    before = text[max(0, start - LONGEST):start]
    opened = max(before.rfind("“"), before.rfind('"'))
    if opened < 0 or "\n" in before[opened:] or "”" in before[opened:] or \
            before[opened:].count('"') > 1:
        return start
    return start - len(before) + opened


def _closed_at(article: Article, start: int, end: int) -> int:
    said = article.text[start:end]
    if said.count("“") <= said.count("”"):
        return end
    after = article.text[end:end + LONGEST]
    closed = after.find("”")
    if closed < 0 or "\n" in after[:closed] or "“" in after[:closed]:
        return end
    at = end + closed
    return next((b for a, b in sentence_spans(article.text, at, at + 1) if a <= at < b), end)


def said_before(ev: Evidence, article: Article, names: frozenset[str]) -> Evidence | None:
    """The sentence with the one before it in its paragraph, where its speaker is a pronoun
    ("…,” she said.") and the one before has someone `names` names (a name's words,
    casefolded) as its subject or saying something ("Shopkeeper Denise Harker, 58, said she
    had lost…", "Councillor Priya Nandakumar, who leads…, voted against."); else None."""
    pronoun = pronoun_speaks(ev.text)
    if pronoun is None or _OTHER_SEX.get(pronoun.casefold(), "") == _sex(names):
        return None
    # The sentences of its own line (paragraph) before it.
    spans = [(a, b) for a, b in sentence_spans(article.text, ev.start, ev.start + 1)
             if b <= ev.start]
    if not spans:
        return None
    start, end = spans[-1]
    said = article.text[start:end]
    opening = " ".join(said.split()[:_SUBJECT_WORDS])
    # Another person named there may be who speaks ("Denise Harker and her neighbour Joan Pike…").
    others = {m.group(1) for m in _NAMED.finditer(said) if m.group(1).casefold() not in names
              and m.group(2).casefold() not in names and given_gender(m.group(1))}
    if others or not (names_sayer(said, names) or names & _words(opening)):
        return None
    return replace(ev, start=start, text=article.text[start:ev.end])


# The sex a pronoun is not of: "he" is not Denise Harker.
_OTHER_SEX = {"he": "female", "she": "male"}
_NAMED = re.compile(r"\b([A-Z][a-z’'-]+)\s+([A-Z][\w’'-]+)")


def _sex(names: frozenset[str]) -> str | None:
    """The one sex the name's words give as a first name, if one."""
    found = {g for w in names if (g := given_gender(w))}
    return found.pop() if len(found) == 1 else None


_SUBJECT_WORDS = 4  # "Councillor Priya Nandakumar, who…": the words a subject is named in


def names_sayer(text: str, names: frozenset[str]) -> bool:
    """Does one of `names` (a name's words, casefolded) say something in the text, its verb
    within a few words after it ("Daniel Achebe, a retired marine biologist, said…")?"""
    for word in re.finditer(r"[\w’'-]+", text):
        if word.group().casefold() in names and word.group()[:1].isupper() and _SAYS.search(
                text, word.end(), word.end() + _SAYER_REACH):
            return True
    return False


_SAYER_REACH = 60  # characters between a speaker's name and their "said"


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w’'-]+", text)}
