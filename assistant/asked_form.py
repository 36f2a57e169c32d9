"""Answers of a form a sentence either shows or does not: a colour, a phone number, a time of
day. "What colour is the barn-find E-Type?" is not answered by a sentence naming no colour
however close it is to the question ("A 1961 Jaguar E-Type that spent 46 years in a Suffolk
barn has sold…"), nor "What number do I call about the recall?" by one with no number to call.
The reader scores a sentence on its topic; these forms are checked on its words.

A sentence further down the ranking that shows the form asked is read first (`form_first`);
where none of the closest does, the articles don't say (`form_unsaid`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `evidence` reads `asks_clock`; `rerank` reads `evidence`
    from .rerank import Evidence

__all__ = ["CLOCK", "FORM_ASKED", "FORM_READ", "PHONE_READ", "TIME_SAID", "asked_form",
           "asks_clock", "form_first", "form_unsaid", "gives_form"]

# How far down the ranking a sentence of the best one's article showing the form is looked for
# (as `said_first.FOCUS_READ`); another article's only among the first KIND_SEEN.
FORM_READ = 6
# A number to call is unmistakable wherever it stands in the article: "Hearthline can be reached
# toll-free at 800-555-0147…", ninth of the ranking under the recall's lede.
PHONE_READ = 12
KIND_SEEN = 3  # as `compose.KIND_CHECKED`: the closest sentences judged for the kind asked

FORM_ASKED = {"colour": "the colour asked for", "phone": "the number to call asked for",
              "clock": "the time of day asked for"}

# "What colour…", "Which colours…"
_ASKS_COLOUR = re.compile(r"\b(?:what|which)\s+colou?rs?\b", re.I)
# "What number do I call…", "What's the phone number of the helpline?" (not "What number did
# the album reach?").
_ASKS_PHONE = re.compile(r"\b(?:tele)?phone\s+number\b|\b(?:helpline|hotline)\s+number\b"
                         r"|\bwhat\s+number\b(?=.*\b(?:call|ring|phone|dial|text|contact)\w*\b)",
                         re.I)
# "What time…", "At what time…", "By what time…"; not "In what time?" (a race's time, a span),
# "what time of year" (a season), "What time frame/limit/period…" (a span), nor "What time did
# Kiptoo run?" (a race's time: "two hours, six minutes and 11 seconds").
_ASKS_CLOCK = re.compile(r"^\W*(?:and\s+|so\s+)?(?:(?:at|by|from|until|till)\s+)?what\s+time\b"
                         r"(?!\s+of\s+(?:the\s+)?year\b)"
                         r"(?!\s+(?:frame|limit|period|span|scale)s?\b)"
                         r"(?!\s+did\b.*\b(?:run|swim|clock|record|post)\b)", re.I)
_COLOURS = re.compile(r"\b(?:colou?r(?:s|ed|ing)?|red|orange|yellow|green|blue|purple|violet"
                      r"|pink|brown|black|white|gr[ae]y|silver|gold(?:en)?|auburn|blond(?:e)?"
                      r"|ginger|navy|maroon|beige|cream|turquoise|teal|amber|crimson|scarlet"
                      r"|bronze|khaki|ivory|lilac|mauve|magenta|indigo|burgundy|emerald|coral"
                      r"|saffron|lavender|claret|charcoal|olive|mustard|lime|copper|jade|cobalt"
                      r"|azure|aqua|cyan|fuchsia|ochre|plum|rust|tan|peach|cerise|vermilion"
                      r"|taupe|sapphire|ruby|lemon)\b", re.I)
# A colour word in a name is no colour: "the Green Line", "British Red Cross", "its Black Friday
# sale" (a capitalised colour word before another capitalised word, itself no colour: not
# "Opalescent Silver Blue").
_NAMED_NEXT = re.compile(r"\s+[A-Z]")
_HOURS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
# A time of day: "05:55", "6.40am", "7pm", "8 a.m.", "noon", "midnight", "half past five", "a
# quarter past nine", "ten o'clock"; not a race's "5:58:30".
CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}\b(?!:\d)|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?"
                   r"|\b(?:noon|midday|midnight)\b"
                   rf"|\b{_HOURS}\s+o['’]clock\b"
                   rf"|\b(?:quarter|half|{_HOURS}(?:\s+minutes)?)\s+(?:past|to)\s+{_HOURS}\b", re.I)
# What answers "what time" where the article gives no hour: "the result is expected on Friday
# morning" (as `evidence.kind_fit` judges the closest sentence; not read first as a time of day).
TIME_SAID = re.compile(CLOCK.pattern + r"|\b(?:morning|afternoon|evening|night|dawn|dusk"
                       r"|lunchtime)\b", re.I)
# A number to call: digit groups of seven digits at least ("800-555-0147", "0800 028 4417"),
# or any of three digits at least said to be called ("call police on 101", "calling 311",
# "dial 999", "texting FLOOD to 70085"); not a count ("contacted residents at 450 care homes").
_DIGIT_GROUPS = re.compile(r"(?<![\d,.])\d{2,5}(?:[ -]\d{2,5}){1,3}(?![\d,.])")
_CALL = (r"\b(?:call|calling|ring|ringing|phone|phoning|dial|dialling|text|texting|reached"
         r"|contact(?:ed)?|helpline|hotline)\b")
_NOT_COUNTED = (r"(?![\d,.]\d)(?!\s+(?!(?:and|or|to|for|from|if|before|between|during|until"
                r"|when|with|by|in|at|on)\b)[a-z])")
_CALLED = re.compile(rf"{_CALL}\s+\d{{3,}}\b{_NOT_COUNTED}"
                     rf"|{_CALL}[^.;]{{0,60}}?\b(?:on|at|to)\s+\d{{3,}}\b{_NOT_COUNTED}", re.I)

# Whom a number is for: "call the fire service on 999", "the Citizens Advice consumer helpline
# on 0808 223 1133"; words that name no one in particular are anyone's.
_CALLEE = re.compile(rf"{_CALL}\s+((?:[\w'’-]+\s+){{1,6}}?)(?:on|at|to)\s+\d", re.I)
_ANYONE = frozenset([
    "the", "a", "an", "us", "them", "him", "her", "it", "its", "their", "his", "our",
    "toll-free", "free", "freephone", "police", "line", "helpline", "hotline", "number", "directly",
])
# A name inside the sentence ("The South West Coast Path Association can be contacted on…");
# days, months and time zones name no one ("…8 p.m. Eastern Time, Monday through Friday").
_NAME = re.compile(r"(?<=[\w,;:'’)]\s)[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*")
_CALENDAR = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "eastern", "pacific", "central", "mountain", "time", "gmt", "bst",
])
_WORD = re.compile(r"[\w-]+")
# What a time of day is asked of: "What time will the last train leave?" is not answered by the
# first train's 5.15am, nor "What time does the festival start?" by the last tram's 11.40pm.
# Hours say both when a place opens and when it closes ("from 9am to 6pm, with late opening
# until 8pm on Thursdays", asked when the library closes on Thursdays).
_EVENTS = (("open", "hours"), ("close", "clos", "shut", "until", "till", "hours"),
           ("start", "begin", "began", "begun", "kick"), ("end", "finish", "until", "till"),
           ("leave", "leaving", "left", "depart"), ("arriv",),
           ("set", "sunset"), ("rise", "rising", "rose", "risen", "sunrise"), ("announc",),
           ("first",), ("last",))


def _in_a_name(sentence: str, colour: re.Match[str]) -> bool:
    """Is the colour word part of a name ("Red Cross", "Black Friday")?"""
    named = _NAMED_NEXT.match(sentence, colour.end()) if colour.group()[0].isupper() else None
    return named is not None and not _COLOURS.match(sentence, named.end() - 1)


def _words(text: str) -> set[str]:
    return {w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text.casefold())}


def _anothers_number(question: str, sentence: str) -> bool:
    """Is the sentence's number to call another body's than the question asks about ("call the
    fire service on 999", asked the baby monitor recall's number)?"""
    asked = _words(question)
    if any(_words(m.group(1)) - asked - _ANYONE for m in _CALLEE.finditer(sentence)):
        return True
    names = [n for n in (_words(m.group()) - _CALENDAR for m in _NAME.finditer(sentence)) if n]
    return bool(names) and not any(n <= asked for n in names)


def _another_event(question: str, sentence: str) -> bool:
    """Is the sentence's time of day another event's than the one asked ("Polls open at 7am",
    asked when the result is announced)?"""
    asked, said = _words(question), _words(sentence)
    return any(any(w.startswith(e) for w in asked for e in event)
               and not any(w.startswith(e) for w in said for e in event) for event in _EVENTS)


def _fits(form: str, question: str, sentence: str) -> bool:
    """Does a sentence read from further down show the form asked, of what was asked?"""
    if not gives_form(form, sentence):
        return False
    if form == "phone":
        return not _anothers_number(question, sentence)
    return form != "clock" or not _another_event(question, sentence)


def asked_form(question: str) -> str | None:
    """The form the answer must take ("colour", "phone", "clock"), or None."""
    if _ASKS_COLOUR.search(question):
        return "colour"
    if _ASKS_PHONE.search(question):
        return "phone"
    return "clock" if asks_clock(question) else None


def asks_clock(question: str) -> bool:
    """Asked for a time of day ("What time does the last tram leave?"): a date is no answer."""
    return _ASKS_CLOCK.search(question) is not None


def gives_form(form: str, sentence: str) -> bool:
    """Does the sentence show an answer of the form asked?"""
    if form == "colour":
        return any(not _in_a_name(sentence, m) for m in _COLOURS.finditer(sentence))
    if form == "clock":
        return CLOCK.search(sentence) is not None
    return _CALLED.search(sentence) is not None or any(
        sum(c.isdigit() for c in m.group()) >= 7 for m in _DIGIT_GROUPS.finditer(sentence))


def form_first(question: str, ranked: Sequence[Evidence]) -> list[Evidence] | None:
    """Where the best sentence does not show the form asked, the ranking with the first of the
    next best that does put first: one of the best sentence's article within FORM_READ (a
    number to call within PHONE_READ), or of any among the first KIND_SEEN; else None."""
    form = asked_form(question)
    if form is None or not ranked or gives_form(form, ranked[0].text):
        return None
    reach = PHONE_READ if form == "phone" else FORM_READ
    first = next((ev for i, ev in enumerate(ranked[1:reach], 1)
                  if (i < KIND_SEEN or ev.article_id == ranked[0].article_id)
                  and _fits(form, question, ev.text)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]


def form_unsaid(question: str, ranked: Sequence[Evidence]) -> str | None:
    """The reason the articles don't say, where none of the closest sentences shows the form
    asked ("none of the sentences closest to it gives the colour asked for"); else None."""
    form = asked_form(question)
    if form is None or not ranked or any(gives_form(form, ev.text)
                                         for ev in ranked[:KIND_SEEN]):
        return None
    return f"none of the sentences closest to it gives {FORM_ASKED[form]}"
