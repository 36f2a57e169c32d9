"""Why-questions, and the sentence that states the cause asked for.

Asked why, the reader's best sentence often restates what happened ("The coastguard helicopter
Rescue 948 was unable to reach the corrie on Saturday night.") and the cause is in another
sentence ("…was forced to turn back because of low cloud…"), often the next one ("It contested
the other six, arguing that storms had overwhelmed its systems"). A sentence states a cause by
the words news gives one with (`states_cause`): strongly ("because", "due to", "blamed on",
"caused by", "citing" a motive, "after" a clause: `states_cause_strongly`) or weakly (", saying
…", "over pay", "following…", "on fears that", "after" a noun: "resigned after the vote"), and
not "after" a span of time or a date ("five years after…", "first elected in 2019 after…").
Where the best sentence states none, the next one of its paragraph that states one strongly,
of what is asked (`event_terms`: not just a name), is quoted with it (`cause_after`,
`extractive`), and else the first such of the next best of its article is read first
(`cause_first`, `judging`). A best sentence stating a cause, however weakly, stays as it is.
Neither changes whether the question is answered: the abstention was judged on the ranking
before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from index import Article, sentence_spans

from .question import Question
from .rerank import Evidence
from .words import WORD, asking_terms, terms, verb_bases

__all__ = ["CAUSE_READ", "asks_why", "cause_after", "cause_first", "event_terms", "states_cause",
           "states_cause_strongly"]

# How far down the ranking a sentence stating the cause is looked for: the best sentence's two
# runners-up. On the eight users' why-questions the cause was the first or second runner-up in
# 8 of the 11 wrong answers where it was ranked in the best five.
CAUSE_READ = 3

# "Why…?", "Why?", "What caused…", "What led to…", "How come…", "for what reason".
_WHY = re.compile(r"\bwhy\b|^\W*(?:and\s+|but\s+|so\s+)?(?:what\s+(?:caused|led\s+to)\b"
                  r"|how\s+come\b)|\bfor\s+what\s+reason\b|\bwhat\s+(?:was|is|were|are)\s+"
                  r"the\s+(?:reasons?|causes?)\b", re.I)
# "After" gives a cause in news ("fell 9.4% after the company cut its forecast"), not after a
# span of time ("Five years after its sea wall was breached", "after nineteen months", "the
# day after", "Moments after"), a date's background ("first elected in 2019 after…", "founded
# after the 2004 tsunami"), a namesake ("named after"), care ("look after"), "After all", a
# time of day ("after dark", "after midnight", "after school"), nor opening a sentence
# ("After the meeting, the mayor spoke"), nor in "after-tax".
_SPAN = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?"
         r"|decades?|seasons?|games?|matches)")
_COUNT = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
          r"|twenty|thirty|forty|fifty|sixty|several|some|many|a\s+few|few|\d[\d,.]*)")
_AFTER = (r"(?<=\S\s)"
          + "".join(rf"(?<!{w}\s)" for w in (
              "years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
              "minutes", "seconds", "moments", "decades", "shortly", "soon", "long", "just",
              "morning", "night", "immediately", "named", "look", "looks", "looked", "looking",
              "founded", "formed"))
          + r"(?<!\d{4}\s)(?<![Mm]oments\s)(?<![Dd]ecades\s)(?<![Ss]econds\s)(?<![Mm]inutes\s)"
          r"\bafter(?!-)\s+(?!\d|all\b|dark\b|midnight\b|school\b|hours\b|that\b|which\b"
          rf"|{_COUNT}\s+(?:\w+\s+)?{_SPAN}\b)")
# A past tense, for "after" a clause ("after Torvane cut its forecast", "after the previous
# member, Gordon Pell, resigned") rather than a noun ("after talks at Acas").
_PAST = (r"(?:\w+ed|cut|hit|put|set|quit|shut|fell|rose|lost|won|left|made|went|came|took|gave"
         r"|said|told|broke|ran|sold|paid|was|were|had|became|began|stood|struck)")
_AFTER_CLAUSE = rf"{_AFTER}(?:[\w'’-]+,?\s+){{1,6}}?{_PAST}\b"
# The strong words for a cause: a sentence that only has one of these is read as the answer
# over the best one, or quoted after it ("because", "blamed on", "caused by", "traced … to",
# "the reason … was", "citing" what moved someone, "arguing that", "after" a clause).
_STRONG = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+(?:result|consequence)|result(?:ed|s)?\s+from"
    r"|caus(?:ed|ing)|blam(?:e|ed|es|ing)|attribut(?:e|ed|es|ing)\s+(?:\w+\s+){0,3}?to"
    r"|traced\s+(?:\w+\s+){0,3}?to|(?:driven|prompted|triggered|sparked|fuell?ed)\s+by"
    r"|the\s+reasons?\s+(?:\w+\s+){0,6}?(?:was|is|were|are)|argu(?:ing|ed)\s+that"
    r"|citing\s+(?!(?:\w+\s+){0,3}?(?:sources?|people|officials?|figures|data|reports?"
    r"|documents?|a\s+report|an?\s+\w+\s+report|statistics)\b)"
    rf"|{_AFTER_CLAUSE})", re.I)
# Weaker ways a sentence gives a cause: enough for the best sentence to answer already, not for
# another to be read over it. ", saying…" (the reason its subject gave), "as demand … falls",
# "striking … over pay", "postponed following…", "on fears that", "in response to", "when its
# boiler failed", "after" a noun ("resigned after the vote"), a purpose ("so that", "to save"),
# ", so" (a consequence of it: "…is not an 'extraordinary circumstance', so passengers can
# claim"). Not "since" and "as" alone (a date, a comparison), "for" ("for a second yellow
# card"), "cited" (a passive "has been cited"), "no reason was given", "amid tight security".
_WEAK = re.compile(
    r"\b(?:thanks\s+to|(?<!no\s)reasons?\s+(?:for|why|was|is)|in\s+order\s+to|so\s+that"
    r"|to\s+(?:avoid|save|cut\s+costs)|for\s+fear|over\s+(?:concerns?|fears?|claims?|pay"
    r"|allegations?|safety|a\s+(?:risk|row|dispute))|amid\s+(?!tight\b|heavy\s+security)"
    r"|in\s+protest|in\s+a\s+row\s+over|forced\s+to|was\s+forced|led\s+to|,\s+saying\b"
    r"|(?:strik\w*|quit|resign\w*|walk(?:ed|ing)?\s+out|row|dispute|protest\w*|recall\w*"
    r"|sack\w*|fired)\s+(?:\w+\s+){0,3}?over\b|(?<=ed\s)following\s+(?:a|an|the|his|her|its"
    r"|their)\b|on\s+(?:fears?|hopes?|concerns?|suspicion|worries)\s+(?:of|that|over)\b"
    r"|in\s+response\s+to|in\s+the\s+wake\s+of|in\s+light\s+of|linked\s+to|stem(?:s|med)?\s+from"
    r"|reflect(?:s|ed|ing)\s|as\s+(?:\w+\s+){1,5}?(?:falls|fell|rises|rose|grows|grew|slows"
    r"|slowed|declines|declined|shrinks|shrank|dries\s+up)\b|when\s+(?:its|the|a|an|his|her"
    r"|their)\s+(?:\w+\s+){0,3}?(?:failed|broke|collapsed|burst|exploded|flooded|fell\s+ill"
    rf"|caught\s+fire)|{_AFTER})"
    r"|,\s+so\s+(?!far\b|much\b|many\b|long\b|(?:this|that|it)\s+(?:is|was)\b)", re.I)
# The words a why-question asks with: "What caused the fire?" asks about the fire.
_WHY_WORDS = frozenset({"why", "caused", "cause", "led", "lead", "reason", "reasons", "come"})
_CAPITALISED = re.compile(r"^[A-Z]")


def asks_why(question: str) -> bool:
    """Does the question ask for a cause or a reason ("Why did…", "Why?", "What caused…")?"""
    return _WHY.search(question) is not None


def states_cause(sentence: str) -> bool:
    """Does the sentence state a cause or a reason, by the words news gives one with (strong or
    weak)? A best sentence that does answers a why-question as it is."""
    return _STRONG.search(sentence) is not None or _WEAK.search(sentence) is not None


def states_cause_strongly(sentence: str) -> bool:
    """Does the sentence state a cause by a strong word for one ("because", "blamed on",
    "caused by", "after" a clause…)? Only such a sentence is read over, or quoted after, the
    best: "…opened in 1978 after the council offered the land" is background, not a cause."""
    return _STRONG.search(sentence) is not None


def event_terms(question: Question) -> set[str]:
    """The stems of what a why-question asks about: its words but the names (capitalised past
    its first word) and the words it asks with — "resign" of "Why did Mayor Lind resign?".
    A question written all in lowercase names nothing apart: all its words. A follow-up's words
    are its standalone query's ("Why?" names nothing)."""
    words = [w for w in WORD.findall(question.query) if w.casefold() not in _WHY_WORDS]
    named = [w for w in words[1:] if _CAPITALISED.match(w)]
    kept = [w for i, w in enumerate(words) if i == 0 or not _CAPITALISED.match(w)]
    asked = verb_bases(set(terms(" ".join(kept)))) - asking_terms()
    return asked if asked or not named else verb_bases(set(terms(" ".join(words)))) - asking_terms()


def _of_it(question: Question, sentence: str) -> bool:
    """Does the sentence hold what is asked about, not just a name? "Young full-back Tadhg
    Moriarty keeps his place after scoring two tries" holds nothing of "Why is Cathal Rourke
    missing the game?"; "Lind was first elected mayor…" nothing of "Why did Mayor Lind
    resign?"."""
    return bool(event_terms(question) & verb_bases(set(terms(sentence))))


def _wants_cause(question: Question, best: Evidence) -> bool:
    return asks_why(question.text) and not states_cause(best.text)


def _gives_cause(question: Question, sentence: str) -> bool:
    return states_cause_strongly(sentence) and _of_it(question, sentence)


def cause_after(question: Question, best: Evidence, text: str) -> tuple[int, int] | None:
    """Asked why, where the best sentence states no cause, the next sentence of its paragraph
    (article offsets) where that one states one strongly of what is asked ("The monetary
    policy committee voted six to three for the cut." — "The three members in the minority
    wanted to keep the rate at 3.75%, citing strong wage growth."); else None."""
    if not _wants_cause(question, best):
        return None
    following = [s for s in sentence_spans(text, best.end, best.end) if s[0] >= best.end]
    said = text[following[0][0]:following[0][1]] if following else ""
    if not said or not _gives_cause(question, said):
        return None
    return following[0]


def cause_first(question: Question, ranked: list[Evidence], articles: Mapping[str, Article]
                ) -> list[Evidence]:
    """Asked why, where the best sentence states no cause, nor does the next of its paragraph
    (`cause_after`: quoted with it), the ranking with the first of the next best of its
    article that states one strongly of what is asked read first; else the ranking as it is."""
    if not ranked or not _wants_cause(question, ranked[0]):
        return ranked
    best = ranked[0]
    if cause_after(question, best, articles[best.article_id].text) is not None:
        return ranked
    first = next((ev for ev in ranked[1:CAUSE_READ] if ev.article_id == best.article_id
                  and _gives_cause(question, ev.text)), None)
    return ranked if first is None else [first, *(ev for ev in ranked if ev is not first)]
