"""The phrase stage: cloze questions whose answer is a phrase, not a name, figure or date.

The cloze and ranking stages (`train.cloze`, `train.rankstage`) ask only for names, figures and
dates, and the quiz's answers are the same kinds. A reader's own questions often ask for more:
what someone said, why something happened, what something is called or aims at. The reader
had never seen such a question answered: asked "What did Harvey Mason Jr. say this year's
Grammys will focus on?" (a natural tuning question) it gave the sentence that says it ("…said
that this year's Grammys will focus on raising awareness about the impact of the fires…") 0.51,
its span "Recording Academy"; after this stage, 0.97 and "the fires and collecting funds for
recovery efforts". Here such questions are made from article sentences of the training weeks,
as the cloze questions are:

- "“QUOTE,” Name said." and "Name said (that) CLAUSE." become "What did Name say?" (for a
  quote, half the time "…say about" three of its words), the quote or clause the answer;
- "… because (of) / due to / in order to / thanks to CAUSE." becomes "why" and the words
  before, a quarter of them dropped (as a cloze question drops them), the cause the answer;
- "… focus on / called for / known as / aimed at / plans to / agreed to / urged … PHRASE"
  becomes the words before with "what" in the phrase's place.

Each question is a group like the ranking stage's: its sentence against the five sentences of
its article nearest to it, trained with the ranking loss beside 400 of the ranking stage's
questions again (so their order is not forgotten). Questions whose speaker is a pronoun ("What
did he say?") are not made: they ask about no one.

Rough edges, measured as they are (the shipped reader learned from exactly these): a span can
take in the words between the verb and "that" ("told reporters at the White House that…",
"said Tuesday that…"), run on into a trailing attribution ("…, the league says"), stop at a
decimal point ("spend $1"), or be longer than the 12 tokens a span may have at query time (a
whole quote). The relevance head learns from the question and its sentence either way; cleaner
spans are the next version of this stage.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from .cloze import DROP, MAX_WORDS, MIN_WORDS, training_articles
from .data import MAX_SENTENCE_CHARS, Pair, _overlap, article_sentences, content_words, read_pairs

__all__ = ["PHRASE_STAGE", "phrase_groups", "phrase_question", "phrase_stage"]

PHRASE_STAGE = (1200, 400)  # articles (one question each), ranking-stage questions replayed
NEGATIVES = 5  # per question: its article's sentences nearest to it

_SAY = (r"(?:said|says|told [\w ]{1,30}?|added|noted|warned|argued|explained|wrote|stated"
        r"|claimed|insisted|(?:announced|reported|believes|believed) that)")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "this", "that", "you", "there"})
_SAID = re.compile(rf"^(?P<who>(?:[A-Z][\w.'’-]*\s+){{1,5}}?){_SAY}(?:,)?\s+(?:that\s+)?"
                   r"(?P<ans>[^\"“”]{12,}?)[.!]?$")
_QUOTE = re.compile(rf"^[\"“](?P<ans>[^\"“”]{{12,}}?)[,.!?]?[\"”],?\s+"
                    rf"(?P<who>[\w.'’ -]{{2,60}}?)\s+{_SAY}\b")
_WHY = re.compile(r"\b(?:because(?: of)?|due to|in order to|thanks to)\s+(?P<ans>[^.;]{8,}?)"
                  r"[.;]?$")
_PHRASE = re.compile(r"\b(?:focus on|focused on|called for|call for|calls for|described "
                     r"(?:\w+ ){1,4}as|known as|aimed at|designed to|plans to|planned to"
                     r"|agreed to|urged)\s+(?P<ans>[^.;,]{6,}?)[.;,]")
# Words too plain to say what a quote is about.
_PLAIN = frozenset({"that", "this", "with", "have", "will", "would", "been", "were", "they",
                    "their", "there", "what", "about", "from", "which", "when", "just",
                    "really", "very", "it’s", "it's", "don’t", "we’re"})

Made = tuple[str, int, int]  # question, the answer's first and last character in the sentence


def _drop(words: list[str], rng: random.Random) -> list[str]:
    return [w for w in words if rng.random() >= DROP]


def _quoted(m: re.Match[str], rng: random.Random) -> Made | None:
    who = m.group("who").strip()
    # Spaces alone can stand where the speaker goes ("“…,”    said Karen."): no one named.
    if not who or who.split()[0].lower() in _PRONOUNS or not who[0].isupper():
        return None
    words = [w.strip(",.;:!?\"“”'’") for w in m.group("ans").split()]
    words = [w for w in words if len(w) > 3 and w.lower() not in _PLAIN]
    picked = (sorted(rng.sample(range(len(words)), min(3, len(words))))
              if rng.random() < 0.5 else [])
    about = f" about {' '.join(words[i] for i in picked)}" if picked else ""
    return f"What did {who} say{about}?", m.start("ans"), m.end("ans")


def _asked_around(s: str, rng: random.Random) -> Made | None:
    """A "why" or "what" question from a cause or a phrase the sentence states itself: none
    from a sentence that opens with a quote or holds "said", whose words are someone's speech
    (an attribution with another verb, "…, the league says.", still slips through)."""
    if s[:1] in "\"“" or "said" in s:
        return None
    for pattern, wh in ((_WHY, "why"), (_PHRASE, "what")):
        m = pattern.search(s)
        # A cause or phrase within the sentence's first words leaves no question around it.
        if m and m.start("ans") > 15:
            if wh == "why":
                question = " ".join(["why", *_drop(s[:m.start()].split(), rng)])
            else:
                question = " ".join([*_drop(s[:m.start("ans")].split(), rng), "what"])
            return question + "?", m.start("ans"), m.end("ans")
    return None


def phrase_question(sentence: str, rng: random.Random) -> Made | None:
    """The phrase question a sentence gives, if any (see the module's docstring)."""
    s = sentence.rstrip()
    if m := _QUOTE.search(s):
        return _quoted(m, rng)
    if m := _SAID.search(s):
        who = m.group("who").strip()
        if who.split()[0].lower() in _PRONOUNS:
            return None
        return f"What did {who} say?", m.start("ans"), m.end("ans")
    return _asked_around(s, rng)


def _group(doc: dict, cache: dict[str, list[str]], rng: random.Random) -> list[Pair]:
    sentences = [s for s in article_sentences(doc, cache)
                 if MIN_WORDS <= len(s.split()) <= MAX_WORDS and len(s) <= MAX_SENTENCE_CHARS]
    made = [(s, x) for s in sentences if (x := phrase_question(s, rng)) is not None]
    if len(sentences) < NEGATIVES + 1 or not made:
        return []
    sentence, (question, start, end) = rng.choice(made)
    qid = f"phrase-{doc['id']}"
    asked = content_words(question)
    others = sorted((s for s in sentences if s != sentence), key=lambda s: -_overlap(asked, s))
    return [Pair(qid, question, doc["title"], sentence, 1, (start, end)),
            *(Pair(qid, question, doc["title"], o, 0, None) for o in others[:NEGATIVES])]


def phrase_groups(corpus: dict[str, dict], wanted: int, seed: int) -> list[Pair]:
    """One phrase question for each of `wanted` articles that give one, with its group."""
    rng = random.Random(seed)
    ids = sorted(corpus)
    rng.shuffle(ids)
    cache: dict[str, list[str]] = {}
    pairs: list[Pair] = []
    made = 0
    for doc_id in ids:
        group = _group(corpus[doc_id], cache, rng)
        pairs += group
        made += bool(group)
        if made >= wanted:
            break
    return pairs


def phrase_stage(data: Path, out: Path, seed: int, replay: list[Pair],
                 size: tuple[int, int] = PHRASE_STAGE) -> list[Pair]:
    """Phrase questions of `size[0]` training-week articles beside `size[1]` of the ranking
    stage's questions (`replay`) again. Cached in `out/phrase-pairs.json`, which is used as it
    is once there, whatever `size` and `replay` (as the other stages' caches are)."""
    cached = out / "phrase-pairs.json"
    if cached.is_file():
        return read_pairs(cached)
    # seed + 8: articles in an order of their own (the cloze stage draws with seed, the
    # ranking stage with seed + 1). The replay's seed + 1 is only a sample of question ids.
    pairs = phrase_groups(training_articles(data, seed), size[0], seed + 8)
    questions = sorted({p.question_id for p in replay})
    kept = set(random.Random(seed + 1).sample(questions, min(size[1], len(questions))))
    pairs += [p for p in replay if p.question_id in kept]
    cached.write_text(json.dumps([p.__dict__ for p in pairs]))
    return pairs
