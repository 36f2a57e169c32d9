"""Which sentence says plainly what was asked, whatever its score: a description of whom a
question asks about, the holder of a role, a contest's side or score, someone's words, a count
of what befell them. Such a sentence is read first (`said_first`): the reader scores a sentence
on what it says, and these say it only in passing."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article

from .compose import KIND_CHECKED, Abstention, judged_again
from .contest import asked_contest, contest_answer, names_a_contest
from .counting import asked_verb, counted
from .evidence import age_span, question_kind, question_names
from .fates import states_fate
from .labelled import label_first
from .own_holder import own_holder
from .persons import description, who_is
from .referent import named_person
from .rerank import Evidence
from .roles import asks_for_holder, role_holder
from .scores import asks_score, score_span
from .speakers import asked_speech, asks_words
from .speech_first import speech_first
from .table_cells import cell_first
from .withdrawn import RETRACTED
from .words import WORD, asking_terms, subject_split, terms

__all__ = ["CONTEST_READ", "read_again", "read_first", "said_first"]

# Asked who won or lost, the best sentences searched for one saying so.
CONTEST_READ = 12


def said_first(question: str, ranked: Sequence[Evidence],
               articles: Mapping[str, Article] | None = None) -> list[Evidence] | None:
    """Asked "Who is Hong Min?", who holds a role or won ("Who won the Lakeport election?"), a
    match's score or what someone said, the ranking with the first sentence saying it put first
    ("said Hong Min, a senior analyst at…", `persons.description`; "Ukrainian President
    Volodymyr Zelenskyy", `roles.role_holder`; "Okonkwo has been elected…", `contest`, among the
    best CONTEST_READ only; "…," said Hong Min, `speakers`), or None. Such a sentence answers
    whatever its score: the reader scores a sentence on what it says, and this one says it in
    passing. `articles`, by id: a title may hold a role's qualifier ("Novaris" for its chief
    executive), a date tells a contest of another year, and "Ford said" is not Harrison Ford's
    in a report about the carmaker. A table's row giving what is asked in its column ("Winner:
    Haruki Tanabe", `table_cells`) comes first of all, then a list's line ("Director: Tom Roe",
    `labelled`)."""
    if cell := (cell_first(question, ranked, question_kind(question), articles or {})
                or label_first(question, ranked, articles)):
        return cell  # a table's row: "Winner: Haruki Tanabe"; a list's "Director: Tom Roe"
    contest = ((asked_contest(question) is not None and names_a_contest(question))
               or asks_score(question))
    if who_is(question) is None and not asks_for_holder(question) and not contest:
        return (speech_first(question, ranked, articles) or _count_first(question, ranked)
                or _age_first(question, ranked))
    articles = articles or {}
    first = next((ev for i, ev in enumerate(ranked)
                  if _says_who(question, ev, articles.get(ev.article_id), contest and
                               i < CONTEST_READ)), None)
    # Else a holder whose article says whose the role is ("The lead author, …" of the study)
    first = first or next((ev for ev in ranked[:KIND_CHECKED] if ev.article_id in articles
                           and own_holder(question, ev, articles[ev.article_id], strict=True)),
                          None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def _says_who(question: str, ev: Evidence, article: Article | None, contest: bool) -> bool:
    """Does the sentence say who is asked about, who holds the role, or (`contest`) who won
    the contest asked about or its score?"""
    title = article.title if article else ""
    return bool(description(question, ev.text) or role_holder(question, ev.text, title)
                or (contest and (contest_answer(question, ev.text,
                                                article.published if article else None)
                                 or score_span(question, ev.text))))


def _count_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked how many met a fate or had something done to them ("How many people died…?",
    "How many homes were destroyed…?"), where the best sentence counts none of it ("About
    14,000 residents were ordered to leave"), the ranking with the first of the next best that
    does put first ("Four people have died"; "A total of 212 homes … have been destroyed");
    else None."""
    if not ranked or ranked[0].fit == 1.0:
        return None
    fated = states_fate(ranked[0].text, question) is not None
    verb = asked_verb(question) if counted(question) else set()

    def states(ev: Evidence) -> bool:
        if fated:
            return bool(states_fate(ev.text, question))
        return bool(verb) and verb <= set(terms(ev.text))

    first = next((ev for ev in ranked[1:KIND_CHECKED] if ev.fit == 1.0 and states(ev)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def _age_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked how old someone named is, the ranking with the first of the best sentences giving
    that person's age put first ("Hartmann, 22, the world No. 14, broke serve…"); else None.
    The reader scores such a sentence on its story, not on the age it gives in passing."""
    if not question_names(question):
        return None
    first = next((ev for ev in ranked[:KIND_CHECKED] if age_span(question, ev.text)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


_WHEN = re.compile(r"^\W*(?:and\s+)?when\s+(?:did|does|do|will|was|were|is|has|have|had)\s+"
                   r"(?P<rest>.+?)\W*$", re.I)
_ADVERBS = frozenset({"first", "last", "finally", "originally", "initially", "officially",
                      "formally", "actually", "really", "ever", "also", "again", "eventually",
                      "recently", "publicly", "once"})


def _when_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked when someone did something ("When did Marguerite Olsen die?"), where the best
    sentence says no such thing ("Marguerite Olsen performing at the Blue Lantern club in
    1988."), the ranking with the first of the next best that does, with a date, put first;
    else None."""
    m = _WHEN.match(question)
    if m is None or not ranked:
        return None
    subject, rest = subject_split(m.group("rest").split())
    # "When was Nancy Pelosi first elected…": the verb, not the adverb before it
    rest = [w for w in rest if w.casefold() not in _ADVERBS]
    named = [w for w in subject if w[:1].isupper()]
    verb = set(terms(rest[0])) if named and rest else set()
    if not verb or verb <= set(terms(ranked[0].text)):
        return None
    first = next((ev for ev in ranked[1:KIND_CHECKED] if ev.fit == 1.0
                  and verb <= set(terms(ev.text)) and _names_asked(named, ev.text)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


_HOW_MUCH = re.compile(r"^\W*(?:and\s+)?how\s+(?:much|many)\b", re.I)


def _thing_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked how much or how many, where the best sentence holds none of the question's words
    but its names ("$2.41 billion" of revenue for "How much is Velmora's new quarterly
    dividend?"), the ranking with the first of the next best that holds some, with a figure,
    put first ("It also raised its quarterly dividend to 38 cents a share"): one holding half
    the question's words at least; else None."""
    if not _HOW_MUCH.match(question) or not ranked:
        return None
    named = {t for name in question_names(question) for t in terms(" ".join(name))}
    asked = set(terms(question)) - asking_terms() - named
    # A best sentence holding some of the question's words still gives no answer where it
    # carries no figure of what is counted ("…reported fourth-quarter revenue of £412.6
    # million" for how many systems were shipped in the fourth quarter).
    if not asked or (asked & set(terms(ranked[0].text)) and ranked[0].fit == 1.0):
        return None
    first = next((ev for ev in ranked[1:KIND_CHECKED]
                  if ev.fit == 1.0 and 2 * len(asked & set(terms(ev.text))) >= len(asked)
                  and not _strangers(question, ev.text)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


# How far down the ranking a sentence holding every word of what is asked is looked for.
FOCUS_READ = 6
_LASTS = re.compile(r"^\W*how\s+long\b.*\blast\W*$", re.I)
# Words that say what kind of answer is wanted, not what it is about ("How long…", "How old…").
# Nor do words of when it is asked ("this year", "the new store"): a report says them rarely.
_KIND_WORDS = frozenset(terms("long far old much many often big large soon year years week "
                              "weeks month months day days today tonight yesterday recent "
                              "recently new newly latest current currently"))


def _focus_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Where the best sentence lacks a word of what is asked ("turnout" of "What was the
    turnout in Kelvedon West?"), the ranking with the first of the next best that holds every
    one ("Turnout was 41.3%…") put first: one of the best sentence's article, or naming all
    the question names; else None."""
    # How much is `_thing_first`'s, with its care. What someone said is answered by their
    # words, which seldom repeat the question's ("The mayor will present the budget" is no
    # answer to what she said about it). Why-questions were kept: on the tuning sets the
    # sentence holding every word asked gave the reason three times, and never lost one.
    if (not ranked or _HOW_MUCH.match(question) or asked_speech(question)
            or asks_words(question, ranked[0].text)):
        return None
    named = {t for name in question_names(question) for t in terms(" ".join(name))}
    asked = set(terms(question)) - asking_terms() - named - _KIND_WORDS
    if _LASTS.search(question):  # "How long will the second strike last?": "last" asks how long
        asked -= {"last"}
    if not asked or asked <= set(terms(ranked[0].text)):
        return None

    def of_it(ev: Evidence) -> bool:  # not "Her husband, the pianist Paul Olsen, died…"
        return named <= set(terms(ev.text)) or (ev.article_id == ranked[0].article_id
                                                and not _strangers(question, ev.text, 6))

    first = next((ev for ev in ranked[1:FOCUS_READ] if asked <= set(terms(ev.text))
                  and ev.fit >= ranked[0].fit and of_it(ev)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def _names_asked(named: list[str], sentence: str) -> bool:
    """Does the sentence name the one asked about: the last of the question's name words, not
    after another first name ("Paul Olsen" asked about Marguerite Olsen)?"""
    for m in re.finditer(rf"\b{re.escape(named[-1])}\b", sentence):
        before = sentence[:m.start()].split()[-1:]
        if not before or not before[0][:1].isupper() or before[0] in named:
            return True
    return False


# A table's column name: "Change:" of "… | Change: +27%".
_COLUMN = re.compile(r"(?:^|\|)\s*[A-Z][\w ]{0,30}?:")


def _strangers(question: str, sentence: str, within: int | None = None) -> bool:
    """Does the sentence name someone or something the question does not ("Rival Corlex
    raised its quarterly dividend…"), past its first word (and within its first `within`)?"""
    # A table's column ("Change: +27%") and a figure's label ("Q4", "G7") are no one's names.
    words = WORD.findall(_COLUMN.sub(" ", sentence))
    return any(w[:1].isupper() and w not in question and not any(c.isdigit() for c in w)
               for w in words[1:within])


def read_again(question: str, kind: str, ranked: list[Evidence], reason: Abstention | None
               ) -> tuple[list[Evidence], Abstention | None]:
    """The ranking with a sentence about what was asked read first (`read_first`), and why the
    articles cannot answer, judged again where that was said of the best sentence alone."""
    # What a correction says was wrong ("An earlier version said … 14 beds") is read first by
    # none of these: it shares the question's words and gives a figure, and is not the answer.
    withdrawn = [ev for ev in ranked[1:] if RETRACTED.search(ev.text)]
    first = read_first(question, [ev for ev in ranked if ev not in withdrawn])
    if first is None:
        return ranked, reason
    first += withdrawn
    return first, judged_again(reason, first, kind, question)


def read_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """The ranking with a sentence about what was asked put before a best one that is not
    (`_side_first`, `_when_first`, `_thing_first`, `_focus_first`), or None. Unlike
    `said_first`'s, such a sentence does not answer whatever its score: the answerability
    still judges the question."""
    return (_side_first(question, ranked) or _person_first(question, ranked)
            or _when_first(question, ranked) or _thing_first(question, ranked)
            or _focus_first(question, ranked))


def _person_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked about someone by name ("How many votes did Hannah Corrigan get?"), where the best
    sentence names another and not them ("Independent candidate Gavin Shore received 611
    votes."), the ranking with the first of the next best that names them, fitting as well,
    put first; else None. Not asked who or which: that may be another person."""
    people = [list(n) for n in question_names(question) if named_person(n)]
    if (not ranked or not people or _ASKS_WHO.match(question) or _PRONOUN.search(ranked[0].text)
            or any(_names_asked(p, ranked[0].text) for p in people)):
        return None
    if not any(named_person(tuple(m.group().split())) and m.group() not in question
               for m in _PERSON.finditer(ranked[0].text)):
        return None
    first = next((ev for ev in ranked[1:KIND_CHECKED] if ev.fit >= ranked[0].fit
                  and any(_names_asked(p, ev.text) for p in people)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


# A given name and a surname: "Gavin Shore".
_PERSON = re.compile(r"\b[A-Z][a-z’'-]+\s+[A-Z][\w’'-]+")
# "She joined the Greens in 2015 after a speech by Caroline Lucas" may be of the one asked.
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|their)\b", re.I)
# Asked who: "Which former speaker said Nancy Pelosi…?" is answered by another person.
_ASKS_WHO = re.compile(r"^\W*(?:and\s+)?(?:who|whom|whose|which)\b", re.I)


# Words naming one of two sides of a story, as stems: the men's race is not the women's.
_SIDES = tuple((frozenset(a.split()), frozenset(b.split())) for a, b in (
    ("men man", "women woman"), ("boy", "girl"), ("male", "femal")))


def _side_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Asked about one side ("Who won the men's Valmont Marathon?"), where the best sentence
    is about the other only ("The women's race was won by Amara Lindgren…"), the ranking with
    the first of the next best about the side asked put first ("…winning the men's race");
    else None."""
    asked = set(terms(question))

    def other_side(ev: Evidence) -> bool:
        said = set(terms(ev.text))
        return any(one & asked and not one & said and other & said and not other & asked
                   for a, b in _SIDES for one, other in ((a, b), (b, a)))

    if not ranked or not other_side(ranked[0]):
        return None
    def asked_side(ev: Evidence) -> bool:  # "…winning the men's race", not "Her time was…"
        said = set(terms(ev.text))
        return any(one & asked and one & said for a, b in _SIDES for one in (a, b))

    first = next((ev for ev in ranked[1:KIND_CHECKED] if not other_side(ev) and asked_side(ev)
                  and ev.fit >= ranked[0].fit), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]
