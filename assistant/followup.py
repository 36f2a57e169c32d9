"""Follow-up questions ("And what did Poland agree to?") rewritten into standalone queries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .about import ASKS_AUTHOR
from .backends.base import ChatBackend
from .elliptic import expanded
from .question import Question, analyse
from .referent import names_one_like, person_meant, resolve_pronoun
from .request import Request
from .switch import since_switch, switched
from .types import Message
from .words import asking_terms, terms

__all__ = ["REWRITE_PROMPT", "TOPIC_LOOKBACK", "asked_question", "last_message", "needs_context",
           "of_a_work", "points_outside", "refers_back", "rewrite_query", "rule_rewrite"]

REWRITE_PROMPT = """\
Rewrite the user's last question so that it can be understood without the conversation.
Keep every name, number and date it refers to. Reply with the rewritten question only.

Example
Conversation:
user: Who visited South Korea with President Yoon?
assistant: Polish President Andrzej Duda.
Last question: And what did his country agree to buy?
Rewritten: What did Poland agree to buy from South Korea during President Andrzej Duda's visit?
"""

_DEPENDENT = re.compile(
    # Not "why": "Why did China invade Taiwan in 2024?" names what it asks about; "Why?" and
    # "Why did he go?" lean on the conversation by their length and their pronoun.
    r"^(?:and|but|also|so|then|what about|how about|what else)\b"
    r"|\b(?:he|she|it|they|them|him|his|her|its|their|this|that|these|those|there|the same)\b",
    re.I,
)


_MARKS = re.compile(r"\[\d+\]")
_EXISTENTIAL = re.compile(r"\b(?:is|are|was|were|be)\s+there\b|\bthere\s+(?:is|are|was|were)\b",
                          re.I)
_WORDS = re.compile(r"[\w’'-]+")
_PRONOUN = re.compile(r"\b(?:he|she|it|they|them|his|her|its|their|this|that|these|those|there"
                      r"|him)\b", re.I)
_GENDERED = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.I)
_IMPERSONAL = re.compile(r"\b(?:it|they|them|its|their|this|that|these|those|there)\b", re.I)
# Capitalised words that open quotes and sentences but name nothing.
_NOT_NAMES = frozenset({"the", "a", "an", "and", "but", "in", "on", "at", "of", "for", "with",
                        "this", "that", "it", "he", "she", "they", "we", "i", "what", "who",
                        "when", "where", "why", "how", "which", "last", "according"})
# A quoted sentence's first word names nothing the next question asks about: "“About a fifth
# of our mains…”", "“First-time buyers…”" (a name's "Most" of "Most Powerful Women" stays).
_OPENERS = frozenset({"about", "after", "before", "while", "since", "during", "some", "many",
                      "most", "more", "all", "every", "each", "no", "not", "first", "other",
                      "another", "both", "one", "two", "three", "four", "five", "here",
                      "there", "now", "then", "today", "yesterday", "tomorrow", "yes", "if",
                      "as", "so", "you", "our", "my", "his", "her", "their", "its", "these",
                      "those", "such", "only", "even", "also", "still", "once", "nearly",
                      "almost", "around", "just", "next", "however", "although", "because",
                      "over", "under"})
# An answer's attribution, "(Valley Herald, 3 February 2026)": whose report, not what about.
_ATTRIBUTION = re.compile(r"\([^()]*\)")
_NAME = re.compile(r"\b[A-Z][\w’'-]+")
# Where a sentence, a quote or a labelled line begins: "“'My son…", "A: Over the years…".
_OPENING = re.compile(r"(?:^|[“\"‘'’]|[.!?:]\s)\s*$")


def _names_in(question: str) -> list[str]:
    """The capitalised words naming something, not the question's first word ("Did")."""
    return [m.group() for m in _NAME.finditer(question.strip())
            if m.start() > 0 and m.group().casefold() not in _NOT_NAMES]


def needs_context(question: str) -> bool:
    """Does the question lean on the conversation: a pronoun or an "and…" opening, or no name
    at all ("What does the name mean?", "Since when?": whose name is for the conversation to
    say), or a few words without a verb of their own ("How many in Ukraine?"). A short
    question naming its verb's subject does not: "Who is Portland's mayor?", asked again after
    a question about Kursk, had been searched with "North Korean Kursk" added."""
    named = _names_in(question)
    short = len(question.split()) <= 4 and not _NAMES_ITS_SUBJECT.match(question)
    return bool(_DEPENDENT.search(question)) or not named or short


# A short question whose verb has a named subject stands alone: "Who is Portland's mayor?",
# "What did Putin say?"; "How many in Ukraine?" and "Same for Russia?" do not.
_NAMES_ITS_SUBJECT = re.compile(r"^\W*(?i:(?:who|what|where|when|how|why|which)\s+(?:is|was"
                                r"|are|were|did|does|do|has|have|will))\s+[A-Z]")


def refers_back(question: str) -> bool:
    """Does the question point back at the conversation in its own words ("he", "that game",
    "they")? One that merely names nothing ("When was the treaty ratified?") may be a new
    subject, and so may "And what about North Korean troops…?"; "how many are there" points
    nowhere."""
    return bool(_PRONOUN.search(_EXISTENTIAL.sub("", question)))


# "he", "that game", "they": words that point outside the question. A possessive ("its volume")
# may point at the question's own subject ("How much of its volume has the Rhone Glacier lost?").
_POINTS_OUT = re.compile(r"\b(?:he|she|it|they|them|him|this|that|these|those|there)\b", re.I)


def points_outside(question: str) -> bool:
    """Does the question point back with a word that cannot mean its own subject?"""
    return bool(_POINTS_OUT.search(_EXISTENTIAL.sub("", question)))


def last_message(history: Sequence[Message], role: str) -> str:
    """The conversation's last message of that role ("" when it has none)."""
    return next((m["content"] for m in reversed(history) if m["role"] == role), "")


def rewrite_query(question: str, history: Sequence[Message] | None,
                  backend: ChatBackend | None = None) -> str:
    """The query to search with. Without history the question itself; with it, an LLM rewrite
    when a capable backend is given, else the previous question's words joined to this one."""
    if not history or not needs_context(question):
        return question
    if backend is not None:
        # An LLMError (server down, timeout, unknown model) propagates: the answer would fail
        # the same way, and failing now spares the user a second wait.
        rewritten = _llm_rewrite(question, history, backend)
        if _usable(rewritten, question):
            return rewritten
    return rule_rewrite(question, history)


def rule_rewrite(question: str, history: Sequence[Message]) -> str:
    """The question followed by the names it leaves implicit: those of the conversation's
    subject (`_topic_names`) and, when the question says "he", "it", "they"... or no question
    named anything ("Which first lady was pictured on the leaflets?"), those at the start of
    the last answer that found one (who or what that is). Where no question named anything,
    the last question's own words say what the conversation is about. Only these are added,
    so the question's own words still decide what is searched for."""
    asked = {w.casefold() for w in _WORDS.findall(question)}
    named = _topic_names(history)
    answer_names = _answer_names(history)
    person = person_meant(question, history)
    # "he" is someone the conversation named; "it", what the last answer names.
    told = bool(person) if _GENDERED.search(question) else bool(
        answer_names and _IMPERSONAL.search(question))
    context = [*named] or _topic_words(question, history, told)
    # "How much does he earn?": he is the person the conversation named (`person_meant`). The
    # last answer's names say who he is only where they name him, or a person he may be: not
    # "About… First World War" of a sentence on water mains. His name is added with them, or
    # where nothing else is named: beside the subject's alone, it brings the sentence naming
    # him first, not the one saying what he earns ("He will be paid…", the review's).
    about_them = bool(person) and _may_name(answer_names, person or "", question)
    if person and not _IMPERSONAL.search(question) and not about_them:
        answer_names = []
    # A question pointing at nothing that names no subject takes the last answer's names for
    # one, unless it says what it asks about in words of its own ("What's happening to the
    # roof?", "How did the shares react?"): the last answer's names (a speaker of another
    # quote, a results table's cells) then outweighed "roof" and "shares" in the reading.
    if _PRONOUN.search(question) or not (named or _says_its_subject(question)):
        context += answer_names
    context += person.split() if person and (about_them or not named) else []
    added = [w for w in dict.fromkeys(w.strip("’'") for w in context)
             if w.casefold() not in asked and w.casefold() not in _NOT_NAMES]
    return " ".join([question, *added])


def _may_name(names: list[str], person: str, question: str) -> bool:
    """Do the last answer's names name the person meant, or someone "he" or "she" may be?"""
    return person.split()[-1] in names or names_one_like(" ".join(names), question)


TOPIC_LOOKBACK = 3  # questions: a subject named further back has likely changed


def _topic_names(history: Sequence[Message]) -> list[str]:
    """The names of the latest of the last few questions that names something: "What did it
    cost?" after "And how many were damaged?" is still about the Carrow Ridge fire the
    question before named. A question's first word is capitalised for being first ("Did",
    "Tell me more…"), not for being a name."""
    questions = [m["content"] for m in history if m["role"] == "user"][-TOPIC_LOOKBACK:]
    return next((names for text in reversed(questions) if (names := _names_in(text))), [])


def _topic_words(question: str, history: Sequence[Message], told: bool) -> list[str]:
    """Where no question of the conversation named anything ("Who found the new
    ichthyosaur?"), the words of its latest question that stands alone, for a follow-up of
    few words of its own ("How many were sold?", "How old is he?") whose "he" or "it" the
    conversation has not `told`: searched alone, "How old is he?" was called off topic. Not
    for a question naming its own subject ("how many people died in the floods"), nor from
    one itself about an earlier one's ("How did it come to light?")."""
    asked = [m["content"] for m in history if m["role"] == "user"]
    if (any(_names_in(text) for text in asked) or len(_content_words(question)) > _OWN_WORDS
            or told):
        return []
    for text in reversed(asked[-TOPIC_LOOKBACK:]):
        found = _content_words(text)
        if len(found) >= 2 and not _DEPENDENT.search(text):
            return found
    return []


_OWN_WORDS = 2  # a follow-up with more words of its own names its own subject


def _says_its_subject(question: str) -> bool:
    """Does a follow-up say in words of its own what it asks about ("How did the shares
    react?"), not only how it asks ("How many?", "Why?", "What about the rover?")?"""
    return len(_content_words(question)) >= _OWN_WORDS


def _content_words(text: str) -> list[str]:
    """The words that are not those a question asks with ("how", "did", "say")."""
    return [w for w in _WORDS.findall(text)
            if (stems := terms(w)) and not set(stems) <= asking_terms()]


def _answer_names(history: Sequence[Message]) -> list[str]:
    """The names at the start of the last answer that found one, its attributions left out:
    an answer that found none names only the closest sentence it quoted, not who or what the
    conversation is about."""
    from .compose import ABSTAIN_TEXT  # compose reads follow-ups: imported when first needed

    answers = [m["content"] for m in history if m["role"] == "assistant"][-TOPIC_LOOKBACK:]
    answers = [text for text in answers if not text.startswith(ABSTAIN_TEXT)]
    if not answers:
        return []
    words = " ".join(_ATTRIBUTION.sub(" ", _MARKS.sub(" ", answers[-1])).split()[:25])
    # "It's", "My", "The" capitalised for opening a quote name nothing.
    return [m.group() for m in _NAME.finditer(words)
            if not (re.split(r"[-’']", m.group().casefold())[0] in _OPENERS | _NOT_NAMES
                    and _OPENING.search(words, 0, m.start()))]


# A work a conversation about a prize or a release asks "Who wrote it?" of: nouns only, not
# "play" (a verb) nor "the books" (accounts).
_WORK = re.compile(r"\b(?:book|novels?|memoirs?|poems?|poetry|song|albums?|musicals?"
                   r"|screenplays?|biograph(?:y|ies)|short stories)\b", re.I)
_OF_THE_ARTICLE = re.compile(r"\b(?:article|story|report|piece|page)\b", re.I)


# "When was it published?", "When did it come out?": when a work was, as an article is asked.
_ISSUED = re.compile(r"\b(?:published|released|came\s+out|come\s+out)\b", re.I)


def of_a_work(question: str, history: Sequence[Message]) -> bool:
    """Does "Who wrote it?" or "When was it published?" ask of a book the conversation is
    about, not of the article just quoted? After "What's the book about?" it was answered with
    the article's byline, and after "What book did Eleanor Vosper write?" with its date."""
    asks = ASKS_AUTHOR.search(question) or _ISSUED.search(question)
    if not asks or _OF_THE_ARTICLE.search(question):
        return False
    asked = [m["content"] for m in history if m["role"] == "user"][-TOPIC_LOOKBACK:]
    return any(_WORK.search(text) for text in asked)


def _usable(rewritten: str, question: str) -> bool:
    """A rewrite must be a question-sized line that keeps the names the question gives."""
    if not 3 <= len(rewritten) <= 400:
        return False
    kept = rewritten.casefold()
    return all(name.casefold() in kept for name in _NAME.findall(question)
               if name.casefold() not in _NOT_NAMES)


def _llm_rewrite(question: str, history: Sequence[Message], backend: ChatBackend) -> str:
    turns = "\n".join(f"{m['role']}: {m['content'][:500]}" for m in history[-6:])
    messages: list[Message] = [
        {"role": "user", "content": f"{REWRITE_PROMPT}\nConversation:\n{turns}\n"
                                    f"Last question: {question}\nRewritten:"},
    ]
    lines = backend.chat(messages, max_tokens=80).strip().splitlines()
    return lines[0].strip().removeprefix("Rewritten:").strip() if lines else ""


def asked_question(request: Request, rewriter: ChatBackend | None) -> Question:
    """The question analysed once, a follow-up rewritten to stand alone (by `rewriter`, a
    capable server model, where there is one)."""
    # "How old is she?" asks about the one the conversation means: named, the question is
    # read by its name, as if asked so. It is searched as the follow-up it is, with the
    # conversation's names (searched as "How old is Lena Hartmann?" alone, it lost them).
    # "What about his wife?" asks the last question again of her (`elliptic`).
    if request.history and (switch := switched(request.question)):
        # "Back to the marathon: how many finished?": about the story it names, not the last.
        return analyse(switch.text, switch.query, request.as_of, request.since, request.until)
    history = since_switch(request.history) if request.history else request.history
    question = expanded(request.question, history)
    text = resolve_pronoun(question, history)
    query = rewrite_query(question, history, rewriter)
    # A follow-up that points back ("that game") is judged against the conversation's
    # subject (`compose.strayed`); one that names nothing may have changed the subject.
    previous = last_message(history or [], "user") if refers_back(text) else ""
    return analyse(text, query, request.as_of, request.since, request.until, previous)
