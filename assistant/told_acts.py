"""A sentence telling what the question's subject did, said or found, or why, answers.

The answerability model doubts most questions asking what someone did, said or found, or why:
no short span of a kind can be recognised in their answers, and the reader scores the sentence
telling it low ("What did conservators find in The Salt Gatherers?" over "Conservators removed
layers of yellowed varnish and found a small dog…", 0.02). Such a sentence is told apart by its
shape: the subject asked about followed by the verb asked, or by one of its family ("What did
the passenger group accuse Greyline of doing?": "The passenger group Eastholm Line Users said
the company was…"; "What happened to her father?": "…her father and two of his crew drowned";
"What was the robber wearing?": "He was wearing a grey hooded top…"); asked why, a strong cause
of what is asked ("Why did Dr Ashcombe stop driving the E-Type?": "…drove it until 1979, when
he put it in the barn after the clutch failed"); asked what one should do, what people are
told to do ("Customers are told to stop using the kettle…"). The question's other words must
be in the sentence too (its names may be elsewhere in the sentence's article): "What did Morag
Ferreira call the new timetable?" is not answered by "Morag Ferreira … said the cuts would hit
islanders".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article

from .causes import asks_why, states_cause_strongly
from .rerank import Evidence
from .words import WORD, asking_terms, terms, verb_bases

__all__ = ["ACT_GAP", "NEAR", "act_first", "tells_act"]

# How many words may stand between the subject and its verb: "Local councillor Morag Ferreira,
# who represents Skerrin on Argyll West Council, said…" (eight).
ACT_GAP = 8
# How far before a sentence the names it leaves out are looked for: its paragraph and the one
# before, about ("…Feldwick, 58, … appeared… His lawyer said…").
NEAR = 400
# "What did S V …?", "How did S V …?", "What was S V-ing?"
_ASKED = re.compile(r"^\W*(?:what|how)\s+(?P<aux>did|does|do|has|have|had|will|would|was|were"
                    r"|is|are)\s+(?P<rest>.+?)\W*$", re.I)
_HAPPENED = re.compile(r"^\W*what\s+(?:has\s+|had\s+)?happen(?:ed|s)\s+to\s+(?P<subject>.+?)"
                       r"\W*$", re.I)
# The verbs asked (as `terms` stems them: "discovered" as "discov"), each answered by any of
# its family: accused of something, a sentence says what they said of it; asked how a fraud
# was discovered, it "came to light when…"; charged with something, one "is accused of" it.
_FAMILIES = {family: frozenset(terms(verbs)) | frozenset(verbs.split()) for family, verbs in (
    ("say", "say call accuse describe warn claim tell argue admit deny blame"),
    ("find", "find discover reveal show conclude uncover spot"),
    ("charge", "charge accuse"),
    ("do", "do react respond happen"))}
_FORMS = {
    "say": r"said|says|told|tells|call(?:ed|s)|accuse[ds]|describe[ds]|warn(?:ed|s)|claim(?:ed|s)"
           r"|argue[ds]|admit(?:ted|s)|denie[ds]|blame[ds]",
    "find": r"found|finds|discover(?:ed|s)|reveal(?:ed|s)|show(?:ed|s|n)|conclude[ds]|uncovered"
            r"|spotted|came\s+to\s+light",
    "charge": r"charged\s+with|accused\s+of",
    # A past form telling what was done ("drowned", "fell"), not a word merely ending so.
    "do": r"(?!(?:need|speed|feed|seed|bleed|breed|hundred|indeed|bed|red|shed|led)\b)\w{2,}ed"
          r"|fell|rose|lost|won|went|came|left|broke|ran|sank|hit|cut|took|gave|made|got|grew"
          r"|kept|sold|paid|held|quit|shut"}
# Asked how something was found, any word for finding it needs how: "came to light last year"
# says no more than "was discovered last year".
_FIND_TERMS = _FAMILIES["find"]
_VERB = {family: re.compile(rf"\b(?:{forms})\b", re.I) for family, forms in _FORMS.items()}
# "What should I do if…?", and what people are told to do: "Customers are told to stop using…",
# "Residents were urged to…", "…should not try to return the cookers to stores".
_ADVICE = re.compile(r"^\W*what\s+(?:should|must|can)\s+(?P<rest>(?:[\w’'-]+\s+){1,8}?do\b.*)$",
                     re.I)
_ADVISED = re.compile(r"\b(?:are|were|is|was|been|being)\s+(?:being\s+)?(?:told|advised|urged"
                      r"|asked|warned)\s+(?:not\s+)?to\b|\bshould\b", re.I)
_PRONOUN = frozenset({"he", "she", "they"})
_POSSESSIVE = re.compile(r"['’]s?$")
# Where a clause of another subject begins: "The coroner adjourned the inquest, and police
# found a note."; "The mayor resigned on Monday; his deputy quit because of the scandal."
_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s+(?=(?:the|a|an|his|her|their|its|police"
                     r"|he|she|they|it|[A-Z][\w’'-]*)\b)")
# Stems of the light words of a situation asked of ("if I own one of…", "if I have…", "if my
# car gets…"), which say nothing of which situation it is.
_LIGHT = frozenset(terms("own owns owned have has had get gets got one use uses used buy bought "
                         "do does make"))
# Words before a subject's head saying it is another than the one asked of.
_OTHER = frozenset({"second", "another", "other", "first", "third", "former", "previous",
                    "earlier"})
# Words after a verb saying how it came about.
_MANNER = frozenset({"by", "when", "after", "through", "via", "using", "because", "during",
                     "while", "thanks", "once", "following"})
# Words between a subject and its verb that are neither: "How was the cemetery first found?"
_ADVERBS = frozenset({"first", "also", "ever", "just", "finally", "initially", "actually",
                      "originally", "later", "eventually", "still", "now"})
# Words that end whom a question asks of and begin what else it says: "What happened to the
# Morwenna after she retired?" asks of the Morwenna, after her skipper retired; "How was the
# fraud at the village hall discovered?" of the fraud, the one at the village hall.
_SUBJECT_END = frozenset({"after", "before", "when", "during", "since", "in", "on", "at", "while",
                          "of", "for", "from", "with", "by"})


def _parse(question: str) -> tuple[list[str], list[str], str, list[str]] | None:
    """The question's subject (its words up to a preposition), what else the subject says,
    the family of the verb asked ("say", "find", "charge", "do" or the -ing form itself) and
    the question's other words; None where it asks otherwise."""
    happened = _HAPPENED.match(question)
    if happened:
        subject, family, rest = WORD.findall(happened.group("subject")), "do", list[str]()
    else:
        asked = _ASKED.match(question)
        found = asked and _verb_asked(asked.group("aux"), WORD.findall(asked.group("rest")))
        if not found:
            return None
        subject, family, rest = found
    end = next((i for i, w in enumerate(subject) if w.casefold() in _SUBJECT_END), len(subject))
    return (subject[:end], subject[end:], family, rest) if end else None


def _verb_asked(aux: str, words: list[str]) -> tuple[list[str], str, list[str]] | None:
    """The words before the verb asked, its family, and the words after it."""
    be = aux.casefold() in ("was", "were", "is", "are")  # passive or progressive
    # Accused by "What did the group accuse Greyline of?", said; "What is Feldwick accused of?",
    # charged.
    order = ("charge", "find", "say", "do") if be else ("say", "find", "charge", "do")
    for i, word in enumerate(words[1:], 1):
        if word.casefold() in _ADVERBS:
            continue
        forms = {word.casefold(), *terms(word)}  # "do" is no term
        family = next((f for f in order if forms & _FAMILIES[f]), "")
        # An -ing word asked last is the verb ("What was the robber wearing?"); before more
        # words it is as often a noun's ("What was the women's winning time?").
        if not family and be and word.casefold().endswith("ing") and i == len(words) - 1:
            family = word.casefold()
        if family in ("say", "do") and be:
            # "What was the boat called?" asks its name, not what it said; "What is the trust
            # doing about it?", what it does now, not what it did.
            return None
        if family:
            return [w for w in words[:i] if w.casefold() not in _ADVERBS], family, words[i + 1:]
    return None


def _acts(subject: list[str], family: str, sentence: str,
          asked_how: frozenset[str] = frozenset(), named: bool = False) -> bool:
    """Is the subject's head word (or, for an -ing verb asked, a pronoun opening the sentence)
    followed within ACT_GAP words of its clause by a verb of the family asked? `asked_how`: the
    terms of a question asking how, whose own verb, said again, must be followed by how
    (`_tells_how`). `named`: the sentence names what the question says of its subject ("A
    second bridge at Marlow Ferry…", asked of the bridge at Marlow Ferry), which is then the
    one asked of."""
    head = terms(subject[-1].removesuffix("'s").removesuffix("’s"))
    words = WORD.findall(sentence)
    # The subject's other plain words say which it is: "Vantor's first rocket", not its second.
    told = set(terms(sentence))
    if not set(terms(" ".join(w for w in subject if not w[:1].isupper()))) <= told:
        head = []
    verb = _VERB.get(family) or re.compile(rf"\b{re.escape(family)}\b", re.I)
    # "He was wearing a black cap… and drove off with the robber" is another's: the subject
    # named in the sentence is not the pronoun opening it.
    pronoun = bool(family not in _VERB and words and words[0].casefold() in _PRONOUN
                   and not any(head and terms(w) == head for w in words))
    asked = frozenset(w.casefold() for w in subject)
    return any(_acts_in(WORD.findall(clause), head, asked, named, verb, asked_how,
                        pronoun and not k) for k, clause in enumerate(_CLAUSE.split(sentence)))


def _acts_in(words: list[str], head: list[str], asked: frozenset[str], named: bool,
             verb: re.Pattern[str], asked_how: frozenset[str], pronoun: bool) -> bool:
    """`_acts` in one clause (`words`); `pronoun`: its first word stands for the subject."""
    # "A second theft, from the bowls club, was discovered…" is not the theft asked of.
    starts = [i for i, w in enumerate(words) if head and terms(w) == head
              and (named or not _OTHER.intersection(
                  v.casefold() for v in words[max(0, i - 2):i]) - asked)
              # "Smith's lawyer said…" is the lawyer's act, not Smith's.
              and not (_POSSESSIVE.search(w) and i + 1 < len(words))]
    if pronoun:
        starts.append(0)
    return any(_tells_how(verb.search(" ".join(words[i + 1:i + 1 + ACT_GAP])), words[i + 1:],
                          asked_how) for i in starts)


def _tells_how(found: re.Match[str] | None, after: list[str], asked_how: frozenset[str]) -> bool:
    """Is the verb found, and where it is the verb asked how of (or asked how it was found),
    followed by how ("came to
    light when…", "was discovered by…"), not merely that it was ("A second theft … was
    discovered last year")?"""
    if found is None or not asked_how or not (
            set(terms(found.group())) <= asked_how or _FIND_TERMS & asked_how):
        return found is not None
    rest = " ".join(after).split(found.group(), 1)[-1]
    return bool(_MANNER.intersection(w.casefold() for w in WORD.findall(rest)[:ACT_GAP]))


def _near(article: str, sentence: str) -> str:
    """The headline, the sentence and the text just before it (NEAR characters): where a name
    the sentence leaves out is the one it speaks of ("Its twelve crew were lifted off…" after
    "The first ship, the Marten Star, ran aground…"), not a name of elsewhere in the article
    ("What happened to the crew of the Grey Heron?", the second ship)."""
    at = article.find(sentence)
    if at < 0:
        return f"{article}\n{sentence}"
    headline = article.split("\n", 1)[0]
    return f"{headline}\n{article[max(0, at - NEAR):at]}\n{sentence}"


def _holds_rest(rest: list[str], sentence: str, article: str, qualifiers: list[str],
                share: float = 2 / 3) -> bool:
    """Does the sentence hold `share` of the question's other words, its names (capitalised)
    and what it says of its subject (`qualifiers`: "at the village hall") being in the headline or
    just before the sentence (`_near`)?"""
    names = [w for w in rest if w[:1].isupper()] + [
        w for w in qualifiers if terms(w) and terms(w)[0] not in asking_terms()]
    plain = set(terms(" ".join(w for w in rest if not w[:1].isupper()))) - asking_terms()
    held = plain & set(terms(sentence))
    told = set(terms(_near(article, sentence)))
    named = all(set(terms(n)) - asking_terms() <= told for n in names)
    return named and len(held) >= share * len(plain)


def _advice_told(question: str, sentence: str, article: str) -> bool:
    """Asked what one should do, does the sentence say what people are told to do, of a word
    of the question's own, its names in the sentence's article ("What should I do if I own one
    of the kettles?": "Customers are told to stop using the kettle immediately…")?"""
    asked = _ADVICE.match(question)
    if not asked or not _ADVISED.search(sentence):
        return False
    rest = WORD.findall(asked.group("rest"))
    plain = set(terms(" ".join(w for w in rest if not w[:1].isupper()))) - asking_terms()
    # The situation asked of, not a word it shares with another: "if my house is flooded" is
    # not answered by "Drivers should not try to cross flooded roads".
    situation = plain - _LIGHT or plain
    held = situation & set(terms(sentence))
    return (bool(held) and len(held) >= 2 / 3 * len(situation)
            and _holds_rest(rest, sentence, article, [], 0.0))


def _why_told(question: str, sentence: str, article: str) -> bool:
    """Asked why, does the sentence state a cause strongly, of what is asked (a word of the
    question's past its names and asking words), its names about it (`_near`): "Why did Derek
    Pym leave the council?" is not answered by another article's clerk's repairs "taking longer
    than planned because of water damage"?"""
    if not asks_why(question) or not states_cause_strongly(sentence):
        return False
    names = [w for i, w in enumerate(WORD.findall(question)) if i and w[:1].isupper()]
    if not _holds_rest(names, sentence, article, [], 0.0):
        return False
    words = [w for i, w in enumerate(WORD.findall(question)) if i == 0 or not w[:1].isupper()]
    asked = verb_bases(set(terms(" ".join(words)))) - asking_terms() - {"whi", "caus", "reason"}
    # Of a clause stating the cause, not another's: "…; his deputy quit because of the scandal."
    return any(asked & verb_bases(set(terms(clause))) and states_cause_strongly(clause)
               for clause in _CLAUSE.split(sentence))


def tells_act(question: str, best: Evidence, article: str = "") -> bool:
    """Does the sentence tell what the question asks its subject did, said or found, or why?
    `article`: the text of the sentence's article (its headline and body), where the
    question's names may be."""
    if not question:
        return False
    if _why_told(question, best.text, article) or _advice_told(question, best.text, article):
        return True
    parsed = _parse(question)
    if parsed is None:
        return False
    subject, qualifiers, family, rest = parsed
    # The subject's names are its article's too: "What did Feldwick's lawyer say?" is not
    # answered by another's lawyer.
    names = [w for w in subject if w[:1].isupper()] + qualifiers
    how = frozenset(terms(question)) if question.lstrip().casefold().startswith("how") else None
    named = bool(qualifiers) and _holds_rest([], best.text, "", qualifiers)
    said = best.text
    if family == "say" and (verb := _VERB["say"].search(said)):
        # What was said of it, not the sentence's setting: "Speaking at the library, the mayor
        # said the tram would bring jobs" says nothing of the library.
        said = said[verb.start():]
    plain = [w for w in rest if not w[:1].isupper()]
    return (_acts(subject, family, best.text, how or frozenset(), named)
            and _holds_rest(rest, best.text, article, names) and _holds_rest(plain, said, "", []))


def act_first(question: str, ranked: Sequence[Evidence], articles: Mapping[str, Article]
              ) -> list[Evidence] | None:
    """The ranking with its runner-up read first, where it is of the best's article and tells
    what is asked (`tells_act`) and the best does not; else None."""
    if len(ranked) < 2 or ranked[1].article_id != ranked[0].article_id:
        return None
    article = articles.get(ranked[0].article_id)
    text = f"{article.title}\n{article.text}" if article else ""
    if tells_act(question, ranked[0], text) or not tells_act(question, ranked[1], text):
        return None
    return [ranked[1], ranked[0], *ranked[2:]]
