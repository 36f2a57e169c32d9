"""The short answer an answer leads with: the reader's span inside the cited sentence, when
it is sure of it ("Kim Keon Hee — “…”"), or the name a sentence gives a title asked about; a
figure with what it counts and the words that qualify it ("more than 13,000", `figure_span`),
trimmed of stray marks and never cut inside a quotation."""

from __future__ import annotations

import re

from . import calibration
from .asked_titles import titled_answer, titled_otherwise
from .clock import clock_time
from .contest import asked_contest, contest_answer, other_side
from .counts import counts_asked, figure_phrase
from .evidence import age_span, question_names
from .fates import death_toll, fate_count
from .figure_span import figure_end, figure_span, figure_start
from .labelled import label_holder
from .later_figures import later_count, only_count
from .made_by import cast_as, doer_unsaid, done_by, done_by_itself, named_as
from .other_holders import subject_holders
from .parts import moved_by, part_count
from .persons import description, done_to, listed_names, sole_name, who_does
from .placings import placed_name
from .question import chosen
from .rerank import Evidence
from .roles import RoleHolder, asked_role, holders, role_holder, verb_said, which_role
from .scores import score_span
from .speakers import asks_about_saying, named_speaker
from .table_cells import table_cell
from .thing_names import thing_named
from .trimming import unquoted
from .types import Citation, ShortAnswer
from .whose_count import compared_count, named_count

__all__ = ["KIND_ASKED", "cited_answer", "meets", "named_as_asked", "short_answer", "sole_answer",
           "sure_span"]

SHORT_MAX_SHARE = 0.6  # a "short" answer longer than this share of its sentence is no shorter
KIND_ASKED = {"number": "the figure asked for", "date": "the date asked for",
               "person": "the name asked for"}


def sure_span(best: Evidence, kind: str) -> bool:
    """Whether the reader is sure enough of its span in the sentence to lead the answer with
    it; for a figure, date or person asked for, only in a sentence that carries one."""
    if best.answer is None or best.answer_score < calibration.THRESHOLDS.short_min:
        return False
    return kind not in KIND_ASKED or best.fit == 1.0


def short_answer(best: Evidence, citation: Citation, kind: str = "other", question: str = "",
                 title: str = "", published: str | None = None, text: str = ""
                 ) -> ShortAnswer | None:
    """The reader's span inside the cited sentence, when it is sure of it and it is shorter
    than the sentence (why and how questions have none: the sentence is the answer). For a
    figure, date or person asked for, only from a sentence that carries one, and for "how many
    boats" only a figure that counts boats ("8.5 million" of "removed 14 sunken fishing boats
    at a cost of 8.5 million euros" does not lead, the quote does), with the words that
    qualify it ("more than 13,000"). Asked who holds a role, the name the sentence gives it
    leads (`roles`: "Portland Mayor Keith Wilson"), sure span or not. Asked to choose ("…,
    Raman or Hobbs?"), only one of the two: never "Martha Greene". `text`: the article's, whose
    table tells a row of last year from an old one (`table_cells`)."""
    short = _short(best, citation, kind, question, title, published, text)
    return short if short is None or chosen(question, short.text) else None


def _short(best: Evidence, citation: Citation, kind: str, question: str, title: str,
           published: str | None, text: str) -> ShortAnswer | None:
    if stated := _stated(best, citation, question, title, kind, published, text):
        return stated
    if (_another_asked_for(best, question) or not sure_span(best, kind) or best.answer is None
            or (kind == "person" and _a_place(best))):
        return None
    span = _counted_span(best, question) if kind == "number" else best.answer
    if span is None or not citation.start <= span[0] < span[1] <= citation.end:
        return None
    return _leading(best, citation, span, kind, question)


def _stated(best: Evidence, citation: Citation, question: str, title: str, kind: str = "",
            published: str | None = None, text: str = "") -> ShortAnswer | None:
    """What the sentence itself gives as the thing asked for, inside the quote: the
    description asked for, the name it gives the role asked about, the side of a contest
    asked for, or, asked who, the one name it gives that the reader's span falls on."""
    holder = role_holder(question, best.text, title)
    said = (description(question, best.text) or (holder and (holder.start, holder.end))
            or contest_answer(question, best.text, published) or score_span(question, best.text)
            or table_cell(question, best.text, kind, title, published, text)
            or (death_toll(best.text, question) or age_span(question, best.text)
                if kind == "number" else None)
            or placed_name(question, best.text)  # "University of Eastmarch (3)"
            or (sole_answer(best, question) if kind == "person" else None)
            or clock_time(question, best.text, best.answer and (
                best.answer[0] - best.start, best.answer[1] - best.start)))
    return cited_answer(best, citation, said) if said else None


def cited_answer(best: Evidence, citation: Citation, said: tuple[int, int]
                 ) -> ShortAnswer | None:
    """The short answer at `said` (sentence offsets), where it lies inside the quote."""
    at, end = best.start + said[0], best.start + said[1]
    if not citation.start <= at or end > citation.end:
        return None
    return ShortAnswer(best.text[said[0]:said[1]], citation.n, at, end, round(best.answer_score, 3))


def sole_answer(best: Evidence, question: str) -> tuple[int, int] | None:
    """The one name the sentence gives (`persons.sole_name`), or the group it lists
    (`persons.listed_names`), where the reader's span, however unsure, falls on it: sentence
    offsets."""
    if said := named_as_asked(best, question):
        return said
    if (asked_role(question) is not None and not verb_said(question, best.text)) or (
            asked_contest(question) is not None):
        return None  # whose title it is, or which side won, is for `roles` and `contest`
    return _loose_name(best, question)


def named_as_asked(best: Evidence, question: str) -> tuple[int, int] | None:
    """The name the sentence ties to what is asked, by the verb asked ("Martina Kovač, who
    chairs…", "marrying Robert…", "led by Dr Halloran"), a list's label, a part cast or the
    title asked ("Its chair, Dev Mistry-Hale"), the reader's span on it where the tie alone is
    loose: sentence offsets, or None. Unlike a sentence's one name (`sole_answer`), such a
    name answers from a sentence read after the best (`name_first`)."""
    if does := who_does(question, best.text) or done_to(question, best.text):  # "marrying Robert…"
        return does
    if placed := placed_name(question, best.text):  # "Allanby, who came third, said…"
        return placed
    if thing := thing_named(question, best.text):  # "The Ostrand Space Agency's Kittiwake lander"
        return thing
    if credited := label_holder(question, best.text):  # "Director: Tomasz Brennan-Wolski"
        return credited
    if (by := done_by(question, best.text)) and _overlaps(best, [by]):  # "led by Dr Halloran"
        return by
    if by := done_by_itself(question, best.text):  # "painted by Jacoba van Houten"
        return by
    if cast := cast_as(question, best.text):  # "it stars Maureen Kealy as … Nan Pascoe"
        return cast
    if honoured := named_as(question, best.text):  # "…, was named most valuable player"
        return honoured
    # "Coxswain Andy McCrindle said…", "Its chair, Dev Mistry-Hale, said…": the name the
    # sentence titles as asked, the span on it, answers, the speaker though it is.
    # The one name titled so answers whatever the reader's span, in a sentence naming all the
    # question names: "said the study's lead author, Dr. Renata Solberg-Mathis" (the span on
    # the words quoted, the users' "Who led it?"); not "her work with the folk singer Orla
    # Tierney" asked the singer of The Lantern Assembly.
    titled = [h for h in titled_answer(question, best.text)
              if not _whose_elsewhere(question, best.text, h.start)
              and not _OWNS.match(best.text, h.end)]  # not the "Halvern Group, whose …"
    if held := next((h for h in titled if meets(best, [h])), None) or (
            titled[0] if len(titled) == 1 and _names_all(question, best.text) else None):
        return held.start, held.end
    return None


# A title owned by a name before "whose": "…merged into the Halvern Group, whose chief
# executive, Dr. Ian Booth, said…" (the name's start after it).
_OWNS = re.compile(r",?\s+whose\b")
_WHOSE = re.compile(r"(?P<owner>(?:[A-Z][\w&’'-]*\s+){0,4}[A-Z][\w&’'-]*),?\s+whose\s+"
                    r"(?:[\w-]+\s+){0,3}[\w-]+,?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$")


def _whose_elsewhere(question: str, sentence: str, at: int) -> bool:
    """Is the title of the name at `at` another body's, said "X, whose chief executive, …"
    of an X sharing no word with the names the question gives? The buyer's chief executive
    is not the bought company's, which the sentence names too."""
    m = _WHOSE.search(sentence, max(0, at - 120), at)
    if m is None:
        return False
    asked = {w.casefold() for name in question_names(question) for w in name}
    return not {w.casefold() for w in m.group("owner").split()} & asked


def _names_all(question: str, sentence: str) -> bool:
    """Does the sentence give every word of every name the question gives?"""
    return all(re.search(rf"\b{re.escape(w)}", sentence)
               for name in question_names(question) for w in name)


def _loose_name(best: Evidence, question: str) -> tuple[int, int] | None:
    """The one name the sentence gives, or the group it lists, the reader's span on it."""
    if best.answer is not None and (listed := listed_names(
            best.text, best.answer[0] - best.start, best.answer[1] - best.start)):
        return listed  # a group listed: all of it, not the name the span gives
    sole = sole_name(best.text, question)
    if sole is None or not _overlaps(best, [sole]) or doer_unsaid(question, best.text):
        return None
    # Who says it is the answer only asked who said it: "Portland Mayor Keith Wilson said…"
    # does not say who was shot.
    said = named_speaker(best.text)
    if said and said[0] < sole[1] and sole[0] < said[1] and not asks_about_saying(question):
        return None
    return sole


def _another_asked_for(best: Evidence, question: str) -> bool:
    """Whether the reader's span is plainly not whom the question asks for."""
    # "Which president visited…?": where the sentence names holders of the role and the
    # reader's span is none of them ("Pyongyang", "Norlandic"), the quote leads alone.
    role = which_role(question)
    if role and best.answer and _outside_holders(best, holders(role, best.text)):
        return True
    # "Who won the election?": not the candidate the sentence says was defeated.
    if best.answer and _overlaps(best, other_side(question, best.text)):
        return True
    # "Who is the developer…?": not "Conservative councillor Peter Haldane".
    if best.answer and titled_otherwise(question, best.text, (best.answer[0] - best.start,
                                                               best.answer[1] - best.start)):
        return True
    # "Who did the mayor meet with?": the mayor the sentence names is who it is about.
    return bool(best.answer and meets(best, subject_holders(question, best.text)))



# Before a place, not a person: "Gerald Pike, 58, of Harrogate", "sentenced at Leeds Crown
# Court", "in Bergen".
_PLACE_BEFORE = re.compile(r"(?:,\s*\d{1,3},\s+of|\b(?:in|at|near))\s+(?:the\s+)?$", re.I)


def _a_place(best: Evidence) -> bool:
    """Whether the reader's span, asked who, is where someone is from or was."""
    return best.answer is not None and bool(
        _PLACE_BEFORE.search(best.text, 0, best.answer[0] - best.start))


def _overlaps(best: Evidence, spans: list[tuple[int, int]]) -> bool:
    """Whether the reader's span (article offsets) overlaps any of these sentence spans."""
    if best.answer is None:
        return False
    a, b = best.answer[0] - best.start, best.answer[1] - best.start
    return any(s < b and a < e for s, e in spans)


def _leading(best: Evidence, citation: Citation, span: tuple[int, int], kind: str,
             question: str) -> ShortAnswer | None:
    """The span as it leads the answer: outside quotation marks, a figure with what it counts,
    its qualifier and its unit; never most of the quote."""
    a, b = unquoted(citation.quote, span[0] - citation.start, span[1] - citation.start)
    if kind == "number" and (figure := figure_phrase(citation.quote, a, b, question)):
        a, b = figure  # "620 drivers", not "620 drivers walked off the job on Nov. 3."
    a = figure_start(citation.quote, a)
    if kind == "number":
        if (led := figure_span(citation.quote, a, b, question)) is None:
            return None
        a, b = led
    b = figure_end(citation.quote, b)
    text = citation.quote[a:b]
    if not text or len(text.split()) > SHORT_MAX_SHARE * len(citation.quote.split()):
        return None
    at = citation.start + a
    return ShortAnswer(text, citation.n, at, at + len(text), round(best.answer_score, 3))


def _counted_span(best: Evidence, question: str) -> tuple[int, int] | None:
    """The reader's figure, or a later one of the sentence that counts what the question
    counts where the reader's does not ("3 councillors abstaining", not "14", `later_count`);
    None where the reader's figure counts something else and no other does."""
    if best.answer is None:
        return None
    a, b = best.answer[0] - best.start, best.answer[1] - best.start
    if fated := fate_count(best.text, question, a, b):  # "40 are missing", not "14 killed"
        return best.start + fated[0], best.start + fated[1]
    if theirs := (named_count(best.text, a, question_names(question))  # Brandt's, not Moreau's
                  or compared_count(best.text, a, question)  # the placebo group's
                  or part_count(best.text, a, question)  # "18 of the 24 charges"
                  or moved_by(best.text, a, question)):  # "jumped 22 per cent to $36.60"
        return best.start + theirs[0], best.start + theirs[1]
    found = later_count(best.text, a, b, question) or only_count(best.text, a, b, question)
    if found:
        return best.start + found[0], best.start + found[1]
    if _MARGIN.search(best.text, 0, a) and not _MARGIN_ASKED.search(question):
        return None  # "beating Walter Hume by 1,204 votes" is no count of Hume's votes
    return None if counts_asked(best.text, a, b, question) is False else best.answer


# A figure a contest was won or lost by, and a question asking for one.
_MARGIN = re.compile(r"\b(?:beat(?:ing|en)?|defeat(?:ing|ed)?|won|win(?:ning)?|lost|losing|led"
                     r"|leading|ahead|behind)\b[^.;]*?\bby\s+(?:just\s+|only\s+|some\s+)?$", re.I)
_MARGIN_ASKED = re.compile(r"\bby\s+how\s+(?:many|much)\b|\bmargin\b|\bby\W*$", re.I)


def _outside_holders(best: Evidence, named: list[RoleHolder]) -> bool:
    """Are there holders, and does the reader's span meet none of them?"""
    return bool(named) and best.answer is not None and not meets(best, named)


def meets(best: Evidence, named: list[RoleHolder]) -> bool:
    """Does the reader's span overlap one of the names?"""
    if best.answer is None:
        return False
    a, b = best.answer[0] - best.start, best.answer[1] - best.start
    return any(h.start < b and a < h.end for h in named)
