"""The training side's own logic, on small inputs: cloze pairs, the conditional logit that
weighs the answer path's features, and the hand-written natural tuning set."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from assistant.rerank import FEATURES
from train.cloze import cloze_pairs
from train.data import DEFAULT_DATA, NATURAL
from train.tune import _conditional_logit

ARTICLE = {
    "id": "a1", "title": "Parliament votes",
    "text": ("North Korea's parliament, the Supreme People's Assembly, has the right to ratify "
             "treaties under the constitution.\nLawmakers in Moscow voted unanimously on "
             "Thursday to approve the defence treaty with Pyongyang.\nThe treaty now goes to "
             "the Federation Council, the upper house, for its approval next week.\nAnalysts "
             "said the vote had been expected for several months by most diplomats.")}


def test_a_cloze_question_is_its_sentence_with_the_answer_asked_for() -> None:
    pairs = cloze_pairs({"a1": ARTICLE}, 30, seed=1)
    positives = [p for p in pairs if p.label]
    assert positives and len(pairs) == 3 * len(positives)  # two negatives each
    for p in positives:
        assert p.span is not None
        answer = p.sentence[p.span[0]:p.span[1]]
        assert answer and answer not in p.question  # the answer is what is asked for
        assert p.question.endswith("?")
        assert any(w in p.question.split() for w in ("which", "when", "how"))
    negatives = [p for p in pairs if not p.label]
    assert all(p.span is None and p.sentence in ARTICLE["text"] for p in negatives)
    assert {(p.question, p.sentence) for p in negatives}.isdisjoint(
        {(p.question, p.sentence) for p in positives})


def test_the_conditional_logit_finds_the_feature_that_marks_answers() -> None:
    rng = np.random.default_rng(0)
    rows, labels, groups = [], [], []
    for _ in range(60):  # questions of 8 candidates; feature 1 marks the answer, 0 is noise
        start = len(rows)
        answer = int(rng.integers(8))
        for i in range(8):
            rows.append([rng.normal(), rng.normal() + (2.0 if i == answer else 0.0)])
            labels.append(float(i == answer))
        groups.append(list(range(start, start + 8)))
    w = _conditional_logit(np.array(rows), np.array(labels), groups)
    assert w[1] > 1.0 and abs(w[0]) < 0.5 * w[1]


def _questions_of(rng: np.random.Generator, name: str, marks: str, n: int
                  ) -> tuple[list[list[float]], list[bool], list[str]]:
    """n questions of 8 candidates each, asked in set `name`, whose answers feature `marks`
    marks; the other features are noise."""
    rows, labels, asked_by = [], [], []
    for k in range(n):
        answer = int(rng.integers(8))
        for i in range(8):
            row = [float(rng.normal()) for _ in FEATURES]
            row[FEATURES.index(marks)] += 3.0 if i == answer else 0.0
            rows.append(row)
            labels.append(i == answer)
            asked_by.append(f"{name}/q{k}")
    return rows, labels, asked_by


def test_a_question_asked_at_no_moment_is_weighed_by_the_natural_and_users_questions(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`timeless` is fitted on the natural set's questions and the users' (`train.users`),
    never the quiz's, and weighs no freshness: where only the quiz's answers are fresh, and
    only the users' and natural ones' lexically covered, only coverage counts."""
    import train.tune as tune

    rng = np.random.default_rng(0)
    quiz = _questions_of(rng, "quiz", "freshness", 40)
    natural = _questions_of(rng, "natural", "lexical coverage", 20)
    users = _questions_of(rng, "user-08", "lexical coverage", 40)
    monkeypatch.setattr(tune, "_candidate_rows", lambda sets: tuple(np.array(x) for x in users))
    rows, labels, asked_by = (np.array(a + b) for a, b in zip(quiz, natural, strict=True))
    w = dict(zip(FEATURES, tune._timeless(rows, labels, asked_by, []), strict=True))
    assert w["freshness"] == 0.0
    assert w["lexical coverage"] > 1.0
    assert all(abs(v) < 0.3 * w["lexical coverage"] for f, v in w.items()
               if f != "lexical coverage")


def test_the_users_questions_name_their_articles_and_the_words_of_their_answers() -> None:
    """`train/users/`: every question's article is in its folder, and each answerable one
    says what a right answer holds (`states_answer`)."""
    from train.users import USERS, states_answer

    folders = sorted(p for p in USERS.iterdir() if p.is_dir())
    assert len(folders) == 8
    for folder in folders:
        questions = [json.loads(line) for line in (folder / "questions.jsonl").open()]
        articles = {p.name for p in (folder / "articles").iterdir()}
        assert len({q["id"] for q in questions}) == len(questions) > 150
        for q in questions:
            assert q["page"] in articles or q["page"] in (None, "none")
            assert not q["answerable"] or q["keywords"]
    asked = {"answerable": True, "keywords": ["87,000", "87,412"]}
    assert states_answer("He stole more than £87,000 from the charity.", asked)
    assert not states_answer("He lost £190,000 gambling.", asked)
    quiz = {"answerable": True, "answer": "Kim"}  # the quiz's: a word, not a part of one
    assert states_answer("Kim met him.", quiz) and not states_answer("Kimberly met him.", quiz)


def test_the_natural_tuning_set_quotes_its_articles() -> None:
    questions = [json.loads(line) for line in (NATURAL / "questions.jsonl").open()]
    ids = json.loads((NATURAL / "articles.json").read_text())
    assert len(questions) == 160 and sum(q["answerable"] for q in questions) == 120
    assert {q["article_id"] for q in questions} <= set(ids["articles"])
    assert not set(ids["articles"]) & set(ids["distractors"])
    for q in random.Random(0).sample([q for q in questions if q["answerable"]], 20):
        assert q["answer"] and q["answer"] in q["evidence"], q["id"]


def test_the_shipped_thresholds_weigh_the_answer_paths_features() -> None:
    tuned = json.loads((Path(__file__).resolve().parents[1] / "assistant/models/thresholds.json")
                       .read_text())
    assert tuned["features"] == ["intercept", *FEATURES]
    assert len(tuned["combine"]) == len(tuned["confidence"]) == len(FEATURES) + 1
    assert tuned["confidence"][1 + FEATURES.index("freshness")] == 0.0
    # The follow-ups' own bar, tuned on the follow-up conversations, loads.
    from assistant.calibration import shipped

    assert shipped().abstain_below_followup == tuned["abstain_below_followup"] is not None


def test_the_ranking_loss_compares_a_questions_sentences_with_each_other() -> None:
    import torch

    from train.loop import ranking_loss

    labels = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.0])
    groups = torch.tensor([0, 0, 0, 1, 1])
    right = ranking_loss(torch.tensor([5.0, 0.0, 0.0, 4.0, 1.0]), labels, groups)
    wrong = ranking_loss(torch.tensor([0.0, 5.0, 0.0, 1.0, 4.0]), labels, groups)
    assert right is not None and wrong is not None and right < 0.1 < 2.0 < wrong
    # Every sentence at ~0.99 alone is no ranking: the loss still tells them apart.
    assert ranking_loss(torch.tensor([9.0, 9.0, 9.0, 9.0, 9.0]), labels, groups) > 0.5
    # A question with no answering sentence, or only answering ones, has nothing to rank.
    assert ranking_loss(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 0.0]),
                        torch.tensor([0, 0])) is None


def test_question_batches_keep_each_question_whole() -> None:
    from train.encode import Encoded
    from train.loop import question_batches

    items = [Encoded([1, 2], [0, 1], int(k == 0), -100, -100, f"q{q}")
             for q in range(10) for k in range(q % 4 + 2)]
    plan = question_batches(items, 8, seed=3)
    assert sorted(id(e) for b in plan for e in b) == sorted(id(e) for e in items)
    for batch in plan:
        assert len(batch) >= 8 or batch is plan[-1]
    where = {e.group: {i for i, b in enumerate(plan) if e in b} for e in items}
    assert all(len(batches) == 1 for batches in where.values())


def test_the_ranking_stage_asks_a_cloze_question_against_its_nearest_sentences() -> None:
    from train.rankstage import CLOZE_NEGATIVES, cloze_groups

    text = ("A total of 14 teams qualify for the NFL playoffs each season now.\n"
            "Packers-Bears is the most-played NFL rivalry with 207 meetings so far.\n"
            "The NFL playoffs begin in January after the regular season ends.\n"
            "Fans said the NFL playoffs were the best part of the season by far.\n"
            "The league also announced a new broadcast partner for the games.\n"
            "Tickets for the games will go on sale to the public next month.\n"
            "Weather was mild across most of the country over the long weekend.")
    pairs = cloze_groups({"d1": {"id": "d1", "title": "NFL", "text": text}}, 1, seed=2)
    positive, *negatives = pairs
    assert positive.label == 1 and positive.span is not None
    assert positive.sentence[positive.span[0]:positive.span[1]] not in positive.question
    assert len(negatives) == CLOZE_NEGATIVES and not any(p.label for p in negatives)
    assert {p.question_id for p in pairs} == {positive.question_id}
    # The sentence sharing nothing with the question is the one left out.
    assert "Weather was mild" not in {p.sentence[:16] for p in negatives}


def test_phrase_questions_ask_for_what_was_said_why_and_what() -> None:
    from train.phrase import phrase_question

    rng = random.Random(3)
    quote = "“We will hit the ground running on day one,” Karen Bass said on Wednesday."
    made = phrase_question(quote, rng)
    assert made is not None
    question, start, end = made
    assert question.startswith("What did Karen Bass say")
    assert quote[start:end] == "We will hit the ground running on day one"
    said = "Harvey Mason Jr. said that the show will focus on the fires and the recovery."
    question, start, end = phrase_question(said, rng) or ("", 0, 0)
    assert question == "What did Harvey Mason Jr. say?"
    assert said[start:end] == "the show will focus on the fires and the recovery"
    why = "The game was moved to Saturday because the stadium hosts a concert on Sunday."
    question, start, end = phrase_question(why, rng) or ("", 0, 0)
    assert question.startswith("why ") and question.endswith("?")
    assert why[start:end] == "the stadium hosts a concert on Sunday"
    what = "The new mayor has called for an emergency declaration on homelessness, aides say."
    question, start, end = phrase_question(what, rng) or ("", 0, 0)
    assert question.endswith(" what?")
    assert what[start:end] == "an emergency declaration on homelessness"
    # A speaker who is only a pronoun asks about no one; a sentence with none of the shapes
    # gives no question.
    assert phrase_question("“It was a long night for all of us here,” he said.", rng) is None
    assert phrase_question("“It was a long night for all of us here,” He said.", rng) is None
    assert phrase_question("He said the plan was flawed and would cost far too much.", rng) is None
    assert phrase_question("“It was a long night for all of us here,”    said Karen.", rng) is None
    assert phrase_question("Lawmakers voted unanimously on Thursday to approve it.", rng) is None


def test_the_phrase_stage_asks_against_the_nearest_sentences_and_replays_ranking_questions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from train.data import Pair
    from train.phrase import NEGATIVES, phrase_groups, phrase_stage

    text = ("The festival was cancelled because heavy rain flooded the grounds overnight.\n"
            "Organisers said the festival would return next summer with more stages.\n"
            "Tickets for the festival will be refunded within thirty days of the date.\n"
            "The grounds were flooded after two days of heavy rain in the valley.\n"
            "Local hotels reported many cancellations for the festival weekend.\n"
            "The mayor thanked volunteers who helped clear the flooded grounds.\n"
            "Weather was mild across most of the country over the long weekend.")
    doc = {"id": "d1", "title": "Festival", "text": text}
    positive, *negatives = phrase_groups({"d1": doc}, 1, seed=3)
    assert positive.question.startswith("why ")  # the seed draws the "because" sentence
    assert positive.label == 1 and positive.span is not None
    assert positive.sentence[positive.span[0]:positive.span[1]] not in positive.question
    assert len(negatives) == NEGATIVES and not any(p.label for p in negatives)
    assert positive.sentence not in {p.sentence for p in negatives}
    # The sentence sharing nothing with the question is the one left out.
    assert "Weather was mild" not in {p.sentence[:16] for p in negatives}
    replay = [Pair(f"r{k}", "q", "t", f"s{k}-{j}", int(j == 0), (0, 1) if j == 0 else None)
              for k in range(4) for j in range(3)]
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "out").mkdir()
    # The training corpus is ../shared's, not the project's: one article stands in for it.
    monkeypatch.setattr("train.phrase.training_articles", lambda data, seed: {"d1": doc})
    pairs = phrase_stage(data, tmp_path / "out", 13, replay, (1, 2))
    replayed = [p for p in pairs if p.question_id.startswith("r")]
    assert len({p.question_id for p in replayed}) == 2 and len(replayed) == 6  # whole questions
    assert phrase_stage(data, tmp_path / "out", 13, [], (1, 2)) == pairs  # cached


def test_a_written_question_is_asked_against_its_articles_nearest_sentences() -> None:
    from train.written import NEGATIVES, written_groups

    text = ("The ferry capsized off Zanzibar on Tuesday with 120 passengers on board.\n"
            "Officials said 37 people died and dozens more were missing after the accident.\n"
            "The ferry operator said the boat had passed its last inspection in March.\n"
            "Rescue teams searched the waters off Zanzibar through the night for survivors.\n"
            "The government declared three days of national mourning for the victims.\n"
            "Survivors described panic as water poured into the lower deck of the ferry.\n"
            "Weather was mild across most of the country over the long weekend.")
    doc = {"id": "d1", "title": "Ferry disaster", "text": text}
    asked = {"article_id": "d1", "question": "How many people were killed when the ferry sank "
             "off Zanzibar?", "answerable": True, "answer": "37",
             "evidence": "Officials said 37 people died and dozens more were missing after the "
             "accident."}
    unasked = {"article_id": "d1", "question": "Who owns the ferry that sank off Zanzibar?",
               "answerable": False, "answer": "", "evidence": ""}
    pairs = written_groups([asked, unasked], {"d1": doc})
    positive, *rest = [p for p in pairs if p.question == asked["question"]]
    assert positive.label == 1 and positive.sentence.startswith("Officials said 37")
    assert positive.span is not None and positive.sentence[slice(*positive.span)] == "37"
    assert len(rest) == NEGATIVES and not any(p.label for p in rest)
    assert "Weather was mild" not in {p.sentence[:16] for p in rest}
    # A question the article leaves open is a group of negatives only.
    open_pairs = [p for p in pairs if p.question == unasked["question"]]
    assert len(open_pairs) == NEGATIVES and not any(p.label for p in open_pairs)
    assert len({p.question_id for p in pairs}) == 2


def test_the_written_questions_quote_their_answers_and_spare_the_tuning_articles() -> None:
    from train.written import load_written

    written = load_written()
    assert len(written) >= 600 and any(not q["answerable"] for q in written)
    for q in written:
        if q["answerable"]:
            assert q["answer"] and q["answer"] in q["evidence"], q
            assert q["answer"].lower() not in q["question"].lower(), q
    natural = json.loads((NATURAL / "articles.json").read_text())
    natural_ids = set(natural["articles"]) | set(natural["distractors"])
    assert not natural_ids & {q["article_id"] for q in written}


@pytest.mark.skipif(not (DEFAULT_DATA / "questions.jsonl.gz").is_file(),
                    reason="needs ../shared/benchmarks/realtimeqa-train")
def test_no_written_question_is_about_an_article_a_held_out_week_retrieved() -> None:
    from train.data import load_questions, split_questions
    from train.written import load_written

    held = split_questions(load_questions(DEFAULT_DATA), 13).validation
    seen = {d for q in held for d in q["retrieved_doc_ids"]}
    assert not seen & {q["article_id"] for q in load_written()}


def test_a_bfloat16_forward_pass_gives_the_float32_loss() -> None:
    """The mixed-precision step `make train` takes where oneDNN runs bfloat16 (`TrainConfig.bf16`):
    really in bfloat16 (not the float32 pass again), yet the loss of float32 to within
    bfloat16's rounding, and finite although the span logits mask the question's tokens with a
    huge negative. Runs on any CPU: where bfloat16 is emulated it is only slow."""
    import torch

    from train.data import Pair
    from train.encode import encode, tokenizer
    from train.loop import TrainConfig, _loss, collate
    from train.model import Reader, bundled_minilm

    torch.manual_seed(0)
    sentence = "Lawmakers in Moscow voted unanimously on Thursday to approve the treaty."
    pairs = [Pair("q1", "When did lawmakers approve the treaty?", "Parliament votes", sentence,
                  1, (sentence.index("Thursday"), sentence.index("Thursday") + 8)),
             Pair("q1", "When did lawmakers approve the treaty?", "Parliament votes",
                  ARTICLE["text"].splitlines()[3], 0, None)]
    folder = bundled_minilm()
    model = Reader.from_minilm(folder).eval()  # eval: no dropout, same pass twice
    batch = collate(encode(tokenizer(folder), pairs))
    with torch.no_grad():
        full = _loss(model, batch, TrainConfig(rank_weight=1.0))
        mixed = _loss(model, batch, TrainConfig(rank_weight=1.0, bf16=True))
    assert mixed.dtype == torch.float32 and torch.isfinite(mixed)
    assert float(mixed) != float(full)
    assert float(mixed) == pytest.approx(float(full), rel=0.03)


def test_a_tuning_store_left_half_built_is_completed(tmp_path: Path) -> None:
    """`make train` resumes: a run stopped while ingesting a tuning set's corpus left part of
    it in the store, and the next run must tune on all of it, not on what happened to be in."""
    from train.run import SHIPPED
    from train.tune import _assistant

    articles = [{**ARTICLE, "id": f"a{i}", "title": f"Parliament votes, part {i}",
                 "published": f"2024-06-0{i}", "text": ARTICLE["text"] + f" Part {i}."}
                for i in range(1, 4)]
    holdout = tmp_path / "holdout"
    holdout.mkdir()
    (holdout / "corpus.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles[:1]))
    store = tmp_path / "store"
    assert _assistant(holdout / "corpus.jsonl", store, SHIPPED).index.store.count_articles() == 1
    (holdout / "corpus.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
    assert _assistant(holdout / "corpus.jsonl", store, SHIPPED).index.store.count_articles() == 3


@pytest.mark.parametrize(("flag", "expected"), [(False, None), (True, False)])
def test_newsqa_train_float32_keeps_bfloat16_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 flag: bool, expected: bool | None) -> None:
    """`newsqa train --float32` reaches the run as bf16=False, and without it the run decides
    by the CPU (None). The run itself is replaced: a real one takes ~58 minutes (CI does not
    train; the bfloat16 step is tested above)."""
    import train.run
    from newsqa.cli_train import train as train_command

    seen: dict[str, object] = {}
    monkeypatch.setattr(train.run, "run", lambda *args, **kwargs: seen.update(kwargs))
    (tmp_path / "questions.jsonl.gz").write_bytes(b"")
    train_command(data=tmp_path, out=tmp_path / "out", target=tmp_path / "target", seed=13,
                  float32=flag)
    assert seen == {"bf16": expected}


def test_newsqa_train_says_where_it_works_and_that_a_stop_keeps_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    import typer

    import train.run
    from newsqa.cli_train import train as train_command

    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(train.run, "run", stopped)
    (tmp_path / "questions.jsonl.gz").write_bytes(b"")
    with pytest.raises(typer.Exit) as done:
        train_command(data=tmp_path, out=tmp_path / "out", target=tmp_path / "t", seed=13,
                      float32=False)
    said = capsys.readouterr().err
    assert done.value.exit_code == 130
    assert said.count(str(tmp_path / "out")) == 2 and "resume" in said


@pytest.mark.slow
@pytest.mark.skipif(not (DEFAULT_DATA / "questions.jsonl.gz").is_file(),
                    reason="needs ../shared/benchmarks/realtimeqa-train")
def test_the_shipped_reader_is_its_predecessor_plus_the_phrase_stage(tmp_path: Path) -> None:
    """`make reproduce-reader` from an empty folder (~5 minutes): byte for byte where the CPU
    runs bfloat16 natively, as the machine that trained the stage did."""
    from train.loop import bf16_supported
    from train.shipped import reproduce

    if not bf16_supported():
        pytest.skip("the stage was trained with native bfloat16; this CPU would differ")
    assert reproduce(DEFAULT_DATA, tmp_path, progress=False)
