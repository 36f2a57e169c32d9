"""Who a conversation's last answer is about, and whether a sentence has that person speak:
"What did he say next?" asks for the next sentence that quotes or reports *him*, not the next
sentence whoever speaks in it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .titled import TITLE_WORDS
from .types import Message
from .words import MONTHS, WEEKDAYS, terms

__all__ = ["AskedSpeech", "asked_speech", "asks_about_saying", "asks_speech", "asks_words",
           "conversation_speakers", "described_speaker", "named_speaker", "pronoun_speaks",
           "quotes_speaker", "speaks"]

# Asked what someone said next, a next sentence that quotes or reports no one is said to be so.
_ASKS_SPEECH = re.compile(r"\b(?:say|says|said|tell|told|add|added|reply|replied)\b", re.I)
_SPEECH = re.compile(
    r"[\"“”]|\b(?:say|says|said|add|adds|added|tell|tells|told|according\s+to|stat\w*|warn\w*"
    r"|noted|notes|repl\w*|wrote|writes|emphasi[sz]\w*|stress\w*|argu\w*|insist\w*|urg\w*"
    r"|call(?:s|ed)\s+(?:on|for)|describ\w*|announc\w*|declar\w*|explain\w*|acknowledg\w*"
    r"|assert\w*|claim\w*|vow\w*|pledg\w*|promis\w*|criticiz\w*|criticis\w*|condemn\w*"
    r"|den(?:y|ies|ied)|confirm\w*|suggest\w*|recall\w*|believ\w*|predict\w*|hop(?:e|es|ed)"
    r"|expect\w*|ask\w*|admit\w*)\b", re.I)
_NAME_WORD = re.compile(r"\b[A-Z][a-z][\w’'-]+")
# "said Mara Okafor", "Mara Okafor said": who says it, by name.
_SAID = r"(?:said|says|told|added|adds|explained|noted|warned|insisted)"
_NAMED_SPEAKER = re.compile(
    rf"\b{_SAID}\s+((?:[A-Z][a-z][\w’'-]*\s+)*[A-Z][a-z][\w’'-]*)"
    rf"|((?:[A-Z][a-z][\w’'-]*\s+)+)(?:has\s+|had\s+)?{_SAID}\b")


# "What did Hong Min say?", "What has Yoon said about the deployments?", "What did union
# president Ana Ruiz tell reporters?": the speaker's name (capitalised words just before the
# verb, past any title), and what it is about.
_ASKED_SPEECH = re.compile(
    r"^\s*[Ww]hat\s+(?:did|does|do|has|have|had|will|would)\s+(?:[\w’'.-]+\s+){0,4}?"
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)(?:’s|'s)?\s+(?:say|said|tell|told|add"
    r"|added|warn|warned|claim|claimed|write|wrote|argue|argued)\b(?P<rest>.*)$")
_ABOUT = re.compile(r"\b(?:about|of|on|regarding|concerning)\s+(?P<topic>.+)$", re.I)
# Who a sentence names as its speaker: "said Hong Min", "Hong added", "according to Hong".
_SAYS = (r"(?:said|says|told|added|adds|explained|noted|warned|insisted|stated|stressed"
         r"|emphasi[sz]ed|argued|claimed|wrote|replied|declared|cautioned|continued|confirmed"
         r"|announced|reported|acknowledged|admitted|denied|estimated|concluded)")
# A name of capitalised words, "of (the)" inside ("the Bank of England", "Department of
# Health").
_RUN = r"(?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?)*[A-Z][\w’'.-]*"
# After the verb ("said Calder manager Eileen Grady") only title-like words may stand between:
# not "said on Tuesday", "said that South Korea…"; and "told" names the listener, not the
# speaker ("The mayor told Hong Min…").
_SAYS_AFTER = _SAYS.replace("|told", "")
_SPEAKER_NAMED = re.compile(
    rf"\b{_SAYS_AFTER}\s+(?:(?!(?:on|that|in|at|to|of|for|before|after|during|this|last|when"
    rf"|while|about|with|it|they|he|she|we|the\s+[a-z])\b)[a-z][\w-]*\s+){{0,3}}?({_RUN})"
    rf"|({_RUN})(?:,\s*\d{{1,3}},)?\s+(?:has\s+|had\s+|also\s+)?{_SAYS}\b"  # "Correia, 52, told"
    rf"|\b[Aa]ccording\s+to\s+(?:[a-z][\w-]*\s+){{0,4}}?({_RUN})")


@dataclass(frozen=True)
class AskedSpeech:
    """A question asking what someone said: their name's words, and the stems of what it
    asks them about ("the deployments"), if it says."""

    names: frozenset[str]
    about: tuple[str, ...] = ()


def asked_speech(question: str) -> AskedSpeech | None:
    """"What did Hong Min say?": whose words are asked for, or None."""
    m = _ASKED_SPEECH.match(question.strip())
    if m is None:
        return None
    names = frozenset(w.casefold() for w in m.group("name").split()) - _NOT_SPEAKERS_CF
    about = _ABOUT.search(m.group("rest"))
    # "What did Fiona Drummond say about her?": "her" is whom the article is about, which
    # any of the speaker's words there are; no word a sentence must hold.
    topic = [] if about is None or _PRONOUN_TOPIC.fullmatch(about.group("topic")) \
        else terms(about.group("topic"))
    return AskedSpeech(names, tuple(topic)) if names else None


_PRONOUN_TOPIC = re.compile(r"\s*(?:him|her|them|it|this|that)\W*", re.I)


def quotes_speaker(sentence: str, asked: AskedSpeech, whole: bool = False) -> bool:
    """Whether the sentence names the person asked about as its speaker ("…," said Hong Min,
    "Hong added", "according to Hong"; with `whole`, by every word of the name asked), and
    holds something of what it is asked about."""
    # One name within the other: "Hong" for Hong Min, "President Yoon Suk Yeol" for Yoon; not
    # "Ana Lopez" for Ana Ruiz.
    named = any(asked.names <= said or (not whole and said <= asked.names)
                for run in _speaker_runs(sentence)
                if (said := {w.casefold() for w in run.split()} - _NOT_SPEAKERS_CF))
    return named and (not asked.about or bool(set(asked.about) & set(terms(sentence))))


def _speaker_runs(sentence: str) -> list[str]:
    """The names the sentence gives as its speaker's: each beside a verb of saying, and the
    person past a title ("said Rovers manager Heidi Brandt": not "Rovers" alone)."""
    runs = [a or b or c for a, b, c in _SPEAKER_NAMED.findall(sentence)]
    titled = named_speaker(sentence)
    both = _DID_AND_SAID.match(sentence)
    return runs + ([sentence[titled[0]:titled[1]]] if titled else []) + (
        [both.group(1)] if both else [])


# "Baxter congratulated Corrigan but said his party…": the subject, one verb done, then said.
_DID_AND_SAID = re.compile(rf"\W*({_RUN})\s+[a-z]+ed\b[^.;:“”\"]{{0,60}}?,?\s+(?:but|and)\s+"
                           rf"(?:also\s+)?{_SAYS}\b")


_PRONOUN_SAYS = re.compile(rf"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+)?{_SAYS}\b")


def pronoun_speaks(sentence: str) -> str | None:
    """The pronoun someone speaks as in the sentence ("She" of "She said she would…")."""
    m = _PRONOUN_SAYS.search(sentence)
    return m.group().split()[0] if m else None


def named_speaker(sentence: str) -> tuple[int, int] | None:
    """Where the sentence names who says it ("…," said Hong Min; "South Korea warned…";
    "according to Reuters"; "said Calder manager Eileen Grady": her name), if it does."""
    for m in _SPEAKER_NAMED.finditer(sentence):
        group = next(g for g in (1, 2, 3) if m.group(g))
        start, end = m.span(group)
        if sentence[start:end].startswith("The "):
            start += 4
        words = {w.casefold() for w in sentence[start:end].split()} - _NOT_SPEAKERS_CF
        if words and not words & _WHEN:
            return _person_after(sentence, start, end)
    return None


# "Councillor Bronwen Tegid-Harris, the cabinet member for highways, said…", "Dariusz
# Nowicki, who represents staff, said…": a name, what it is, then the verb.
_DESCRIBED_SPEAKER = re.compile(
    rf"^\W*({_RUN}),\s+(?=[a-z\d])[^;\"“”]{{0,140}}?"
    rf",\s+(?:has\s+|had\s+|also\s+)?{_SAYS}\b")


def described_speaker(sentence: str) -> tuple[int, int] | None:
    """Where the sentence opens with its speaker's name and what they are before the verb ("Dr
    Amara Osei-Bonsu, head of extreme events at the NHSA, said:"), the name: sentence offsets,
    or None. Not a name set beside another's words ("A lawyer for the driver, Tom Hale, …,
    said": the lawyer spoke). `named_speaker` reads a name beside its verb alone."""
    m = _DESCRIBED_SPEAKER.search(sentence)
    # The sentence's subject, a person's name: not "Friends of Tom Hale", "In Kelby".
    if (m is None or " of " in m.group(1) or m.group(1).split()[0] in ("In", "On", "At")
            or not {w.casefold() for w in m.group(1).split()} - _NOT_SPEAKERS_CF):
        return None
    return _person_after(sentence, *m.span(1))


# Days are no speakers ("May" may be one).
_WHEN = WEEKDAYS | (MONTHS - {"may"}) | {"yesterday", "today"}
# "Calder manager Eileen Grady": a team or place, title words, then the person.
_TITLED_NEXT = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{1,3}}?({_RUN})")


def _person_after(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The run at [start, end), or the person's name after it where title words stand between
    ("said Calder manager Eileen Grady")."""
    m = _TITLED_NEXT.match(sentence, end)
    if m and all(w in TITLE_WORDS for w in sentence[end:m.start(1)].split()):
        start, end = m.span(1)
    while end > start + 1 and sentence[end - 1] == ".":  # a sentence's full stop, not "Jr."
        end -= 1
    return start, end


# "What did she say about the raid?", "What did the mayor say?": whoever the speaker is.
_ASKS_WORDS = re.compile(
    r"^\W*(?:and\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+(?:[\w’'.-]+\s+){1,6}?"
    r"(?:say|said|tell|told|add|added|warn|warned|claim|claimed|write|wrote|argue|argued)\b",
    re.I)


def asks_words(question: str, sentence: str) -> bool:
    """Whether the question asks for the words of "she" (or "he", "they"), and the sentence
    has her speak ("What did she say about the raid?" of "'This was not an opportunist
    break-in,' she said."): answered by what she said, not by a sentence holding the
    question's words. Not where another is named speaking ("…," Larsen said): she may be no
    one the conversation found."""
    pronoun = pronoun_speaks(sentence)
    return (_ASKS_WORDS.match(question) is not None and pronoun is not None
            and re.search(rf"\b{pronoun}\b", question, re.I) is not None)


def asks_speech(question: str) -> bool:
    """Whether the question asks what someone said ("What did he say next?")."""
    return _ASKS_SPEECH.search(question) is not None


# A verb of saying anywhere in a question: "Who warned that…?", "Who said it?".
_ASKS_SAYING = re.compile(r"\b(?:say|says|said|call|calls|called|describe[sd]?|warn(?:s|ed)?"
                          r"|tell|tells|told|claim(?:s|ed)?|announce[sd]?|state[sd]?|urge[sd]?"
                          r"|argue[sd]?|critici[sz]e[sd]?|prais(?:e|es|ed)|accuse[sd]?"
                          r"|den(?:y|ies|ied)|confirm(?:s|ed)?|quoted?|sp(?:eaks?|oke)|explain(?:s|ed)?)\b"
                          # verbs, not "the comments", "peace talks"
                          r"|(?<!the )(?<!peace )(?<!trade )(?<!his )(?<!her )(?<!their )"
                          r"(?<!these )(?<!those )\b(?:talk(?:s|ed)?|comment(?:s|ed)?)\b", re.I)


def asks_about_saying(question: str) -> bool:
    """Whether the question is about something said, by any verb of saying ("Who warned…?")."""
    return _ASKS_SAYING.search(question) is not None


def conversation_speakers(quote: str, history: Sequence[Message]) -> set[str]:
    """Whoever the conversation is about, the latest turn that says first: the name an answer
    led with ("Keith Wilson — “…”", asked "Who is the mayor of Portland?": not "Portland"),
    or the names a question gives ("What did union president Ana Ruiz say?"); else the
    capitalised words of the quote. Asked "What did he say next?" twice, the second turn
    still means him."""
    def names(text: str) -> set[str]:
        return {w for w in re.findall(r"\b[A-Z][a-z][\w’'-]+", text)} - _NOT_SPEAKERS

    for message in reversed(history):
        lead = _LEAD.match(message["content"]) if message["role"] == "assistant" else None
        if lead and not _A_PERSON.fullmatch(lead.group(1)):
            lead = None  # "Thursday — …", "Transit Workers Union — …": no one who speaks
        said = names(lead.group(1)) if lead else (
            names(message["content"]) if message["role"] == "user" else set())
        if said:
            return said
    return names(quote)


_LEAD = re.compile(r"^([^“\n]{1,80}?) — “")  # an answer's short answer, before its quote
# A person's name, as a short answer gives one: two to four capitalised words (particles
# between), none a day, a month or a word of an organisation's name.
_NOT_PERSON = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
               r"|March|April|May|June|July|August|September|October|November|December|Union"
               r"|Party|Council|Committee|Ministry|Department|Association|Company|Group"
               r"|University|Agency|Court|Police|City|County|News|Inc|Corp|Bank)\b)")
_A_PERSON = re.compile(rf"{_NOT_PERSON}[A-Z][\w’'.-]+(?:\s+(?:(?:de|der|van|von|bin|al|da)\s+)*"
                       rf"{_NOT_PERSON}[A-Z][\w’'.-]+){{1,3}}")


_PRONOUNS = frozenset({"He", "She", "They", "It", "We", "You", "His", "Her", "Their"})
_NOT_SPEAKERS = frozenset({"The", "This", "That", "What", "Who", "Why", "How", "When", "Where",
                           "Which", "And", "Did", "Does", "Said"})


def speaks(sentence: str, speakers: set[str]) -> bool:
    """Does the sentence quote or report the same speaker: by name, or as "he", "she", or as
    a quotation going on with no one named ("'We did not want to strike,' …")? Not one that
    names another as saying it ("…, said Mara Okafor, who added that she…")."""
    if sentence[:1] in "“\"‘'":
        # Who says it is named after the quotation, if anyone is: not someone else.
        after = re.split(r"[”\"’']", sentence[1:])[-1]
        others = set(_NAME_WORD.findall(after)) - speakers - _NOT_SPEAKERS
        if not others:
            return True
    for m in _NAMED_SPEAKER.finditer(sentence):
        named = set((m.group(1) or m.group(2)).split()) - _NOT_SPEAKERS - _PRONOUNS
        if named and not named & speakers:
            return False
    return bool(_SPEECH.search(sentence)) and (
        bool(re.search(r"\b(?:he|she|they)\b", sentence, re.I))
        or any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in speakers))


_NOT_SPEAKERS_CF = frozenset(w.casefold() for w in _NOT_SPEAKERS | _PRONOUNS)
