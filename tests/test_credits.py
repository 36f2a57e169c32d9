""""Who took the photo?": the credit a caption line gives (`index.credit_span`,
`assistant.credits`), quoted with its caption; never a caption of something else."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.credits import asks_credit
from index import caption_spans, credit_span
from tests.test_assistant import assert_verbatim


@pytest.mark.parametrize(("line", "credit"), [
    ("Putin and Kim Jong Un at the airport on June 19, 2024. (Sputnik/Kremlin via AP)",
     "Sputnik/Kremlin via AP"),
    ("Putin and Kim attend a reception in Pyongyang, North Korea June 19, 2024. "
     "Sputnik/Vladimir Smirnov/Pool via REUTERS", "Sputnik/Vladimir Smirnov/Pool via REUTERS"),
    ("The lighthouse on Friday. Photo: Sara Quinn", "Sara Quinn"),
    ("Crowds at the quay on Friday. (Global Wire/Ana Lopes)", "Global Wire/Ana Lopes"),
    ("Kim Jong Un inspects troops. KCNA/via REUTERS", "KCNA/via REUTERS"),
    ("FILE PHOTO: Putin and Kim attend a reception in Pyongyang.", None),  # credits no one
    ("The mayor at City Hall (2019).", None),
    ("Crowds cheer in Kyiv. Valentyn Ogirenko/Pool via REUTERS",
     "Valentyn Ogirenko/Pool via REUTERS"),  # not "Kyiv. Valentyn…"
    ("The mayor at City Hall. (File Photo)", None),  # what it is, not whose
    ("The squad in 2024. (pictured 2024/25)", None),
    ("Photo: Harbour City Mayor Grace Okonkwo", None),  # whom it shows, not who took it
    ("Photo: President Duda (Reuters/Kacper Pempel)", "Reuters/Kacper Pempel"),
    # The review's: a title before no person's name, or "Photo by", is still a credit.
    ("The scene on Friday. Photo: King County Sheriff's Office", "King County Sheriff's Office"),
    ("The campus. (Photo: Queen's University Belfast)", "Photo: Queen's University Belfast"),
    ("The ship at sea. Photo by Captain Jane Roe/Royal Navy", "Captain Jane Roe/Royal Navy"),
    ("The lab. Photo: Dr. Anne Ross", "Dr. Anne Ross"),
    # A tester's: a slash between spaces.
    ("Members of parliament vote on the bill in Lisbon on Thursday. Photo: Marta Sousa / "
     "Reuters", "Marta Sousa / Reuters"),
    ("Teachers on a picket line in Edinburgh. Photo: Ruth Gallagher / The Edinburgh Ledger",
     "Ruth Gallagher / The Edinburgh Ledger"),
    # A tester's: a small word in the credited name.
    ("Alan Pritchard with the skull at the University of Portbury. Credit: University of "
     "Portbury", "University of Portbury"),
    ("Marchers on the quay. Photo: Friends of the Earth", "Friends of the Earth"),
])
def test_the_credit_a_caption_gives(line: str, credit: str | None) -> None:
    span = credit_span(line)
    assert (line[span[0]:span[1]] if span else None) == credit


@pytest.mark.parametrize(("line", "outlet", "credit"), [
    # A tester's: the paper's own name in brackets ending a caption is its credit
    ("PHOTO: The old mill on Quay Street, which opened in 1901. (Carnford Advertiser)",
     "Carnford Advertiser", "Carnford Advertiser"),
    ("The mill on Quay Street. (The Carnford Evening Echo)", "Carnford Evening Echo",
     "The Carnford Evening Echo"),
    ("The mill on Quay Street. (Carnford Town Council)", "Carnford Advertiser", None),
    # A reviewer's: another name so is whom the photo shows, a show's or another paper's
    ("The etiquette writer at her home in Baltimore in 1946. (Emily Post)", "Carnford "
     "Advertiser", None),
    ("Queen on stage at Live Aid in July 1985. (Freddie Mercury)", "Carnford Advertiser", None),
    ("The author signs copies at the festival. (Jonathan Press)", "Carnford Advertiser", None),
    ("Contestants on the set of the long-running programme. (Good Morning Today)",
     "Carnford Advertiser", None),
    ("Some hospitals are turning away visitors. (New York Times)", "Carnford Advertiser", None),
    # and with no outlet known, none is
    ("PHOTO: The old mill on Quay Street, which opened in 1901. (Carnford Advertiser)", None,
     None),
])
def test_a_bracketed_name_is_the_credit_only_as_the_papers_own(
        line: str, outlet: str | None, credit: str | None) -> None:
    span = credit_span(line, outlet)
    assert (line[span[0]:span[1]] if span else None) == credit


@pytest.mark.parametrize("line", [
    "Alan Pritchard with the skull at the University of Portbury. Credit: University of Portbury",
    "Marchers on the quay. Photo: Friends of the Earth",
])
def test_a_caption_ending_in_a_credit_with_a_small_word_is_marked(line: str) -> None:
    assert caption_spans(line) == ((0, len(line)),)


def test_questions_asking_whom_a_photo_is_credited_to() -> None:
    assert asks_credit("Who took the photo?") and asks_credit("Who took this picture of Kim?")
    assert asks_credit("Who photographed the lighthouse?") and asks_credit("Photo credit?")
    assert not asks_credit("Who took power in Syria?") and not asks_credit("Who took part?")
    assert not asks_credit("Who was pictured on the leaflets?")  # who is in it: the caption
    assert not asks_credit("Who took the penalty shots?")
    assert not asks_credit("Whose image appears on the new banknote?")


def test_who_took_the_photo_is_the_credit_of_its_caption(assistant: Assistant) -> None:
    """Asked who took the photo of Putin and Kim at the airport, the answer was "North
    Korea's", a span of another caption."""
    answer = assistant.ask("Who took the photo of Putin and Kim Jong Un at the airport?")
    assert_verbatim(assistant, answer)
    assert answer.text.startswith("Sputnik/Kremlin via AP — “Russian President Vladimir Putin, "
                                  "right,"), answer.text
    assert answer.short is not None and answer.short.text == "Sputnik/Kremlin via AP"
    # The other photo of them, at the reception, is credited otherwise.
    other = assistant.ask("Who took the photo of the state reception in Pyongyang?")
    assert other.text.startswith("Sputnik/Vladimir Smirnov/Pool via REUTERS — "), other.text
    # No caption is of a lighthouse: none answers.
    assert "Sputnik" not in assistant.ask("Who photographed the lighthouse?").text


def test_a_caption_after_the_answer_is_not_quoted_as_its_next_sentence() -> None:
    """"Who founded Halvorsen Foods?" quoted, after its answer, the photo caption below it
    ("Photo: Anders Vik, chief executive of Halvorsen Foods, at …") as if the story went on."""
    from assistant.extractive import _next_sentence
    from assistant.rerank import Evidence

    text = ("It was founded in 1921 by the baker Olav Halvorsen.\nPhoto: Anders Vik, chief "
            "executive of Halvorsen Foods, in Oslo.\nIt employs 2,100 people.")
    first, second = text.split("\n")[:2]
    best = Evidence(0, "a", 0, len(first), first, 0.5, 0.5)
    caption = Evidence(0, "a", len(first) + 1, len(first) + 1 + len(second), second, 0.4, 0.4,
                       caption=True)
    assert _next_sentence(best, [best, caption], text) is None
    story = Evidence(0, "a", caption.start, caption.end, second, 0.4, 0.4)
    assert _next_sentence(best, [best, story], text) is story


OBITUARY = {
    "id": "olsen", "title": "Marguerite Olsen, jazz pianist, dies at 87",
    "published": "2026-11-23", "source": "The Western Echo",
    "text": "Marguerite Olsen performing at the Blue Lantern club in 1988.\n(Photo: Western Echo "
            "archive)\nMarguerite Olsen, the jazz pianist whose late-night sets at the Blue "
            "Lantern club drew musicians from across the country, died last Tuesday at her home "
            "in Port Alder.\nBorn in Duluth in 1939, Olsen moved to Port Alder at 19.\n"
            "She recorded 42 albums."}
FLOODS = {
    "id": "floods", "title": "Flash floods kill at least 14 in Valderra province",
    "published": "2026-10-05", "source": "Meridian Post",
    "text": "Residents wade through a flooded street in San Crisanto on Sunday.\nPhotograph: "
            "Ana Robles/Meridian Post\nAt least 14 people have died after flash floods swept "
            "through the streets of San Crisanto in Valderra province, local authorities said."}


def test_a_line_above_a_credit_line_is_a_caption() -> None:
    """"…in 1988." above "(Photo: Western Echo archive)" is the photo's caption, not the
    story: asked when she died, it had answered "1988"."""
    from index import caption_spans

    captions = [text[a:b] for text in (OBITUARY["text"], FLOODS["text"])
                for a, b in caption_spans(text)]
    assert captions == ["Marguerite Olsen performing at the Blue Lantern club in 1988.",
                        "(Photo: Western Echo archive)",
                        "Residents wade through a flooded street in San Crisanto on Sunday.",
                        "Photograph: Ana Robles/Meridian Post"]


def test_a_line_placing_people_in_the_picture_is_a_caption() -> None:
    """"Hannah Corrigan, centre, with supporters after the declaration. Labour's Marcus Dale is
    on the left." answered what Corrigan did before she was elected."""
    from index import caption_spans

    text = ("The Greens won the seat by 87 votes.\n"
            "Hannah Corrigan, centre, with supporters after the declaration. Labour's Marcus "
            "Dale is on the left.\n"
            "Mayor Ana Ruiz (right) and her deputy at the count.\n"
            "Ms Corrigan, a former head teacher, thanked her left-wing supporters.\n"
            "'I stood on the left of the stage,' Ms Corrigan said.")
    captions = [text[a:b] for a, b in caption_spans(text)]
    assert captions == ["Hannah Corrigan, centre, with supporters after the declaration. "
                        "Labour's Marcus Dale is on the left.",
                        "Mayor Ana Ruiz (right) and her deputy at the count."]


@pytest.fixture(scope="module")
def obituary(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from tests.records import assistant_over

    return assistant_over([OBITUARY, FLOODS], tmp_path_factory.mktemp("obituary"))


def test_the_credit_on_the_line_under_its_caption(obituary: Assistant) -> None:
    answer = obituary.ask("Who took the photo of the flooded street?")
    assert answer.short is not None and answer.short.text == "Ana Robles/Meridian Post"
    assert_verbatim(obituary, answer)


def test_when_someone_died_is_the_sentence_saying_they_died(obituary: Assistant) -> None:
    answer = obituary.ask("When did Marguerite Olsen die?")
    assert "died last Tuesday" in answer.citations[0].quote, answer.text
    assert "17 November 2026" in answer.text  # "last Tuesday", counted from its article's date
