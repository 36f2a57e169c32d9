"""The trained reader as shipped (assistant/models/): it loads without torch, ranks the sentence
that states an answer above on-topic distractors, finds the short answer inside it, and the
answer path built on it leads with a short answer that is a span of its cited quote, and
abstains on questions the articles never answer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant import Answer, Assistant
from assistant.compose import ABSTAIN_TEXT
from assistant.reader import MODEL_DIR, Reader, get_reader
from tests.test_assistant import assert_verbatim

ROOT = Path(__file__).resolve().parents[1]
TITLE = "North Korea balloons land in Seoul"
ANSWER = ("Photographs released by local media showed a leaflet featuring South Korean first "
          "lady Kim Keon Hee’s picture.")
DISTRACTORS = [
    "North Korea has sent thousands of balloons carrying trash across the border since May.",
    "South Korea's military said it was monitoring the situation closely.",
    "The balloons landed in several districts of Seoul on Thursday morning.",
    "Kim Jong Un's sister warned of more launches if leaflets kept coming from the South.",
]
QUESTION = "Which first lady was pictured on the balloon leaflets?"


def test_the_model_is_shipped_small_and_described() -> None:
    model = MODEL_DIR / "reader.onnx"
    assert model.is_file() and (MODEL_DIR / "tokenizer.json").is_file()
    assert model.stat().st_size < 40 * 2**20  # the budget for all shipped models
    card = (MODEL_DIR / "MODEL_CARD.md").read_text()
    assert "realtimeqa-train" in card and "2025 Q1" in card
    figures = json.loads((MODEL_DIR / "training.json").read_text())
    assert figures["validation"]["onnx_int8"]["relevance_auc"] > 0.8


def test_the_shipped_reader_takes_the_exact_integer_kernels() -> None:
    """No int8 weight meets ONNX Runtime's saturating uint8 x int8 kernel (CPUs without
    AVX-512 VNNI; `index.int8.unsigned_weights`): the reader scores alike everywhere."""
    import onnx

    from index.int8 import _GEMMS

    model = onnx.load(str(MODEL_DIR / "reader.onnx"))
    types = {i.name: i.data_type for i in model.graph.initializer}
    gemms = [n for n in model.graph.node if n.op_type in _GEMMS]
    weights = [n.input[_GEMMS[n.op_type][0]] for n in gemms]
    assert len(gemms) == 26 and {types[w] for w in weights} == {onnx.TensorProto.UINT8}


def test_int8_keeps_the_torch_models_quality() -> None:
    """Parity of the shipped int8 model with the torch model it was exported from, on the
    held-out weeks (measured by `make train`, recorded in training.json)."""
    figures = json.loads((MODEL_DIR / "training.json").read_text())["validation"]
    for metric in ("relevance_auc", "question_top1_is_answer", "span_contains"):
        assert figures["onnx_int8"][metric] >= figures["torch"][metric] - 0.03, metric
        assert figures["onnx_float"][metric] == pytest.approx(figures["torch"][metric],
                                                              abs=0.005), metric


def test_the_answer_sentence_outranks_distractors_and_holds_the_short_answer() -> None:
    reader = get_reader()
    readings = reader.read(QUESTION, [(s, TITLE) for s in [*DISTRACTORS, ANSWER]])
    scores = [r.relevance for r in readings]
    assert int(np.argmax(scores)) == len(DISTRACTORS), scores
    span = readings[-1].span
    assert span is not None and "Kim Keon Hee" in ANSWER[span[0]:span[1]]
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_sentence_reads_the_same_whatever_else_is_read_with_it() -> None:
    """The int8 model's activation scale is set per run: read in one batch, a sentence's score
    moved with its batch-mates (the answer path's 16 sentences: by up to 0.26 logit)."""
    reader = Reader()  # read uncached (`_read`): `read` remembers each pair's reading
    alone = reader._read(QUESTION, [(ANSWER, TITLE)])[0]
    for company in ([*DISTRACTORS, ANSWER], [ANSWER, DISTRACTORS[0] * 4]):
        among = reader._read(QUESTION, [(s, TITLE) for s in company])
        assert among[company.index(ANSWER)] == alone


def test_a_question_asked_again_reads_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = Reader()
    pairs = [(s, TITLE) for s in [ANSWER, *DISTRACTORS]]
    first = reader.read(QUESTION, pairs)
    assert first == reader._read(QUESTION, pairs)

    def no_model(encodings: object) -> None:
        raise AssertionError("the model ran again")

    monkeypatch.setattr(reader, "logits", no_model)
    assert reader.read(QUESTION, pairs[::-1]) == first[::-1]
    with pytest.raises(AssertionError, match="ran again"):
        reader.read(QUESTION + " Why?", pairs[:1])  # another question is read afresh


def test_concurrent_reads_score_as_one_at_a_time() -> None:
    """Pairs run side by side on the reader's threads, and callers (the UI's sessions) share
    them: every caller gets its own scores, in its own order."""
    from concurrent.futures import ThreadPoolExecutor

    reader = Reader()  # uncached (`_read`), so that every call runs the model
    batches = [[(s, TITLE) for s in [*DISTRACTORS[k:], ANSWER, *DISTRACTORS[:k]]]
               for k in range(4)]
    expected = [[reader._read(QUESTION, [pair])[0] for pair in batch] for batch in batches]
    with ThreadPoolExecutor(4) as callers:
        got = list(callers.map(lambda batch: reader._read(QUESTION, batch), batches * 3))
    assert got == expected * 3


def test_a_missing_model_says_how_to_get_it(tmp_path: Path) -> None:
    from assistant.errors import ReaderUnavailableError

    with pytest.raises(ReaderUnavailableError, match="make train"):
        Reader(tmp_path).read(QUESTION, [(ANSWER, TITLE)])


def test_the_query_path_reads_without_torch() -> None:
    code = ("import sys; from assistant.reader import get_reader; "
            f"get_reader().read({QUESTION!r}, [({ANSWER!r}, '')]); "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_export_path_matches_torch(tmp_path: Path) -> None:
    """The exporter writes a graph whose outputs are the torch model's: a freshly built
    reader (bundled MiniLM, seeded heads) in float ONNX against torch on real inputs."""
    torch = pytest.importorskip("torch")
    from train.encode import tokenizer
    from train.export import export_reader
    from train.model import Reader as TorchReader
    from train.model import bundled_minilm

    torch.manual_seed(0)
    model = TorchReader.from_minilm().eval()
    export_reader(model, bundled_minilm() / "tokenizer.json", tmp_path, quantized=False)
    onnx = Reader(tmp_path)
    pairs = [(QUESTION, s) for s in [ANSWER, *DISTRACTORS]]
    encodings = tokenizer(bundled_minilm()).encode_batch(pairs)
    relevance, start, _ = onnx.logits(encodings)
    for i, enc in enumerate(encodings):
        ids = torch.tensor([enc.ids])
        with torch.no_grad():
            r, s, _ = model(ids, torch.ones_like(ids), torch.tensor([enc.type_ids]))
        assert float(r[0]) == pytest.approx(float(relevance[i]), abs=1e-3)
        inside = np.array(enc.type_ids) == 1
        assert np.allclose(s[0].numpy()[inside], start[i, :len(enc.ids)][inside], atol=1e-3)


def test_the_shipped_reader_dequantized_exports_back_to_itself(tmp_path: Path) -> None:
    """`train.dequant` recovers the torch weights the shipped file was exported from: exported
    again they give the same file byte for byte, so a stage trained on them (as the phrase
    stage was, `train.shipped`) starts from exactly what ships."""
    pytest.importorskip("torch")
    from train.dequant import dequantized_reader
    from train.export import export_reader
    from train.model import bundled_minilm

    model = dequantized_reader(MODEL_DIR / "reader.onnx")
    export_reader(model, bundled_minilm() / "tokenizer.json", tmp_path, quantized=True)
    assert (tmp_path / "reader.onnx").read_bytes() == (MODEL_DIR / "reader.onnx").read_bytes()


# --- the answer path ---------------------------------------------------------------------------

ASKED = [
    "Which first lady was pictured on the leaflets?",
    "How many containers of weapons has North Korea sent to Russia?",
    "How many North Korean troops are in Kursk?",
    "Who visited South Korea with President Yoon?",
    "Where does the treaty go after Russia's lower house votes?",
    "What did Taiwan's navy demonstrate?",
]
NEVER_STATED = [
    "What is the capital of France?",  # off-topic
    # On topic, never stated: it was answered with the troops' number until a figure had to
    # count those who died (`counts.states_fate`, twenty-eighth sitting).
    "How many North Korean soldiers have died in Kursk?",
    "What did Kim Jong Un eat at the state reception?",  # nearly answered (answerability)
    "Which stadium will host the 2030 World Cup final?",
    # nearly answered: the passenger is in the story, never by name
    "What is the name of the passenger in the Portland shooting?",
]


def _short_is_a_span_of_its_quote(assistant: Assistant, answer: Answer) -> None:
    short = answer.short
    assert short is not None
    cited = next(c for c in answer.citations if c.n == short.n)
    article = assistant.index.articles([cited.article_id])[cited.article_id]
    assert article.text[short.start:short.end] == short.text
    assert cited.start <= short.start < short.end <= cited.end
    assert answer.text.startswith(short.text)


@pytest.mark.parametrize("question", ASKED)
def test_short_answers_are_spans_of_their_cited_quotes(assistant: Assistant,
                                                       question: str) -> None:
    answer = assistant.ask(question)
    assert_verbatim(assistant, answer)
    if answer.short is not None:
        _short_is_a_span_of_its_quote(assistant, answer)


def test_the_leaflet_question_leads_with_the_name(assistant: Assistant) -> None:
    answer = assistant.ask(ASKED[0])
    assert not answer.abstained
    _short_is_a_span_of_its_quote(assistant, answer)
    assert "Kim Keon Hee" in answer.short.text  # type: ignore[union-attr]


@pytest.mark.parametrize("question", NEVER_STATED)
def test_questions_the_articles_never_answer_abstain(assistant: Assistant,
                                                     question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.text
    assert answer.text.startswith(ABSTAIN_TEXT)
    assert answer.short is None
    assert_verbatim(assistant, answer)  # the closest sentence shown is a real quote


def test_as_of_leaves_out_later_articles(assistant: Assistant) -> None:
    later = assistant.ask(ASKED[1])
    assert any(p.published for p in later.retrieved)
    before = assistant.ask(ASKED[1], as_of="2024-01-01")
    assert before.as_of == "2024-01-01"
    assert all(p.published is None or p.published <= "2024-01-01" for p in before.retrieved)


def test_ask_ranked_returns_the_ranking_its_answer_came_from(assistant: Assistant) -> None:
    """The tuning fits on `ask_ranked`'s ranking (train/tune.py): it must be the one the
    answer was composed from, not a second ranking beside it."""
    answer, ranking = assistant.ask_ranked(ASKED[0])
    assert answer.text == assistant.ask(ASKED[0]).text
    best = ranking.evidence[0]
    assert answer.confidence == round(best.score, 4)
    assert [ev.rank for ev in ranking.evidence] == sorted(
        (ev.rank for ev in ranking.evidence), reverse=True)
    first = answer.citations[0]
    assert (first.article_id, first.start, first.end) == (best.article_id, best.start, best.end)
    assert ranking.topicality > 1.0  # a passage on the leaflets: cosine + the words it holds
    _, off_topic = assistant.ask_ranked(NEVER_STATED[0])
    assert off_topic.evidence and off_topic.topicality < ranking.topicality


@pytest.mark.parametrize(("sentence", "cut", "whole"), [
    ("Kim Keon Hee was pictured.", "Kim Keon H", "Kim Keon Hee"),
    # Word pieces stop at a figure's marks: "1.18 billion" was led with as "18 billion".
    ("China expects 1.18 billion trips this year.", "18", "1.18"),
    ("It will reach peak illumination at 9:36 p.m. on Thursday.", "9", "9:36 p.m."),
    ("Texas has about 1,300 stores.", "1", "1,300"),
    ("It ended 3-2 at Wembley.", "3", "3"),
])
def test_a_span_is_widened_to_whole_words_and_figures(sentence: str, cut: str,
                                                       whole: str) -> None:
    from assistant.reader import _whole_words

    start = sentence.index(cut)
    a, b = _whole_words(sentence, (start, start + len(cut)))
    assert sentence[a:b] == whole
