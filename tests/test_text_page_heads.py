"""Text pages' heads a tester's twelve pages got wrong: a review's and an interview's byline
("Reviewed by …", "Interview by …") left the author unread, and a masthead set as a line of
text (over a kicker or the date line, or joined to its section and the date) gave no outlet
and was once taken for the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.captions import caption_spans
from index.cleaning import clean_document
from index.formats.markdown import markdown_text
from index.loading import load_paths
from index.types import Article, RawDocument

STORY = ("The ferry to Gull Island will stop running in March, its operator said on Monday.\n"
         "About 300 islanders use it each week.")


def _file(text: str, source: str = "p.txt") -> list[Article]:
    if source.endswith(".md"):
        text = markdown_text(text)
    return clean_document(RawDocument(text=f"{text}\n\n{STORY}", source=source,
                                      source_key=source))


@pytest.mark.parametrize(("byline", "author"), [
    ("Reviewed by Aoife Brannigan", "Aoife Brannigan"),
    ("Interview by Simon Achterberg", "Simon Achterberg"),
    # a byline's label and its colon (a tester's appeal and birthday pages had no author)
    ("Reporter: Aled Brannock", "Aled Brannock"),
    ("Words: Priyanka Sole | Pictures: Tom Arkwright", "Priyanka Sole"),
    ("Author: Joanna Whitcombe, Transport Reporter", "Joanna Whitcombe"),
])
def test_a_reviews_or_an_interviews_byline_names_its_author(byline: str, author: str) -> None:
    [article] = _file(f"Gull Island ferry to stop running in March\n{byline}")
    assert article.author == author
    # a byline is marked as one, as "By …" is
    assert article.text[slice(*caption_spans(article.text)[0])] == byline


def test_interviewed_by_in_a_sentence_is_no_byline() -> None:
    [article] = _file("Gull Island ferry to stop running in March\nInterviewed by police on "
                      "Monday, the skipper said the engine had failed.")
    assert article.author is None


@pytest.mark.parametrize("line", ["Reporter: Thank you for joining us", "Words: Love Actually "
                                  "is back in cinemas", "Author: Unknown"])
def test_a_label_before_no_name_is_no_byline(line: str) -> None:
    [article] = _file(f"Gull Island ferry to stop running in March\n{line}")
    assert article.author is None and caption_spans(article.text) == ()


@pytest.mark.parametrize(("head", "outlet"), [
    # the masthead was the title, the headline a line of the story, and no author or outlet
    ("HEXLEY & DISTRICT ADVERTISER\n\nGull Island ferry to stop running in March, islanders "
     "told\n\nWords: Priyanka Sole | Pictures: Tom Arkwright\nTuesday 3 March 2026",
     "Hexley & District Advertiser"),
    # the byline was the title ("the line above the date line")
    ("CHELLBOROUGH CHRONICLE — ONLINE\nNews\n\nGull Island ferry to stop running in March, "
     "islanders told\n\nReporter: Aled Brannock\nPublished: Saturday 7 February 2026, 11:20",
     "Chellborough Chronicle"),
])
def test_a_labelled_byline_under_the_headline_is_no_title(head: str, outlet: str) -> None:
    [article] = _file(head)
    assert article.title == "Gull Island ferry to stop running in March, islanders told"
    assert article.outlet == outlet and article.author is not None
    assert article.title not in article.text


@pytest.mark.parametrize(("head", "source", "title"), [
    # the masthead joined to its section and the date, above the headline: that line was the
    # title (a tester's marathon results)
    ("**Calderport Evening Gazette** | Sport | Monday 20 April 2026\n\n# Lagat breaks course "
     "record as heat takes its toll\n\nBy Ross Minnaert", "p.md",
     "Lagat breaks course record as heat takes its toll"),
    # a paper's name above a headline with no byline or date line under it
    ("HEXLEY & DISTRICT ADVERTISER\n\nLand girl marks her 100th birthday with a brass band",
     "p.txt", "Land girl marks her 100th birthday with a brass band"),
    # a headline in capitals is no paper's name
    ("FLOODS HIT VALENCIA AGAIN", "p.txt", "FLOODS HIT VALENCIA AGAIN"),
])
def test_a_masthead_line_is_never_the_title(head: str, source: str, title: str) -> None:
    [article] = _file(head, source)
    assert article.title == title and title not in article.text


def test_a_masthead_over_a_kicker_names_the_outlet_and_leaves_the_text() -> None:
    """"WEALD & DOWNS GAZETTE" / "Education" / the headline / a byline without its "By": the
    title was right, but the outlet None and the masthead a line of the story; a brief under
    the story, split off as its own article, is the page's too."""
    first, brief = _file("WEALD & DOWNS GAZETTE\nEducation\n\nGull Island ferry to stop running "
                         "in March\n\nJoanna Whitcombe, Transport Reporter\nWednesday 14 January "
                         f"2026\n\n{STORY}\n\nIN BRIEF\nAshby Road Library reopens after refit\n"
                         "The library will reopen on Saturday after a refurbishment.")
    assert (first.title, first.outlet) == ("Gull Island ferry to stop running in March",
                                           "Weald & Downs Gazette")
    assert first.text.splitlines()[0] == "Joanna Whitcombe, Transport Reporter"
    assert (brief.title, brief.outlet) == ("Ashby Road Library reopens after refit",
                                           "Weald & Downs Gazette")


@pytest.mark.parametrize("head", [
    "Carnford Advertiser\nTransport\nTuesday 3 March 2026",
    "Carnford Advertiser\nTuesday 3 March 2026\nTransport",
    "CARNFORD ADVERTISER\nTransport\nTuesday 3 March 2026",
])
def test_a_masthead_over_its_section_and_date_line_is_the_outlet(head: str) -> None:
    """A paper's name in title case, its section's label and the date line above the
    headline: the name was the title, the outlet None and the headline a line of the story
    (quoted as an answer)."""
    [article] = _file(f"{head}\n\nGull Island ferry to stop running in March\n\nBy Ann Lee")
    assert (article.title, article.outlet) == ("Gull Island ferry to stop running in March",
                                               "Carnford Advertiser")
    assert article.text.splitlines()[:2] == ["Tuesday 3 March 2026", "By Ann Lee"]


def test_a_short_headline_or_a_name_under_a_masthead_is_no_section() -> None:
    """A line under the masthead and over the date line is its section's label only where it
    is a word alone or a topic's: a short headline there ("Ferry Service Ends") was dropped for
    its standfirst as the title, an author's bare name ("Jane Morrison") dropped with it."""
    [short] = _file("Whitford Advertiser\nFerry Service Ends\nThursday 5 November 2026\n\n"
                    "Operator blames rising fuel costs for the closure\nBy Ann Lee")
    assert short.title == "Ferry Service Ends"
    assert "Operator blames rising fuel costs for the closure" in short.text
    [named] = _file("Whitford Advertiser\nJane Morrison\nThursday 5 November 2026\n\nGull "
                    "Island ferry to stop running in March\nBy Ann Lee")
    assert named.title == "Gull Island ferry to stop running in March"
    assert "Jane Morrison" in named.text
    # a topic's label of two words is a section's
    [local] = _file("Whitford Advertiser\nLocal Politics\nThursday 5 November 2026\n\nGull "
                    "Island ferry to stop running in March\nBy Ann Lee")
    assert (local.title, local.outlet) == ("Gull Island ferry to stop running in March",
                                           "Whitford Advertiser")
    assert "Local Politics" not in local.text


def test_a_masthead_over_a_ticker_names_the_outlet() -> None:
    """A masthead in capitals, a results ticker under it (which the head drops), then the
    section and the date: the ticker hid the masthead, whose line stayed in the text, and the
    page had no outlet."""
    [article] = _file("HARTSIDE & DALE GAZETTE\nRESULTS: Ayr 2.30 - 1 Bold Venture 12/1, 2 Sea "
                      "Lark 5/2 fav | Hexham abandoned - waterlogged\nRacing | Saturday 7 March "
                      "2026\n\nGull Island ferry to stop running in March\n\nBy Ann Lee")
    assert (article.title, article.outlet) == ("Gull Island ferry to stop running in March",
                                               "Hartside & Dale Gazette")
    assert article.text.splitlines()[:2] == ["Racing | Saturday 7 March 2026", "By Ann Lee"]


def test_a_masthead_with_its_section_over_the_date_line_is_no_title() -> None:
    """"THE BOOKSHELF REVIEW — INTERVIEW" / "12 March 2026" / the headline / "Interview by …":
    the masthead was the title, the headline a line of the story."""
    [article] = _file("THE BOOKSHELF REVIEW — INTERVIEW\n12 March 2026\n\n'Fourteen agents said "
                      "no': Ruth Adebayo-Quinn on her debut\n\nInterview by Simon Achterberg")
    assert article.title == "'Fourteen agents said no': Ruth Adebayo-Quinn on her debut"
    assert article.outlet == "The Bookshelf Review"
    assert article.text.splitlines()[:2] == ["12 March 2026", "Interview by Simon Achterberg"]


@pytest.mark.parametrize(("head", "source", "outlet"), [
    ("Salt Roads review – a storm-tossed triumph\n=====\n\n**The Northern Quarter Review** · "
     "Music · Friday 6 March 2026\nReviewed by Aoife Brannigan", "p.md",
     "The Northern Quarter Review"),
    ("Council tax to rise by 4.99% as councillors approve budget\nDUNSFORD EVENING STAR | Friday "
     "20 February 2026 | Local politics\nBy Rebecca Nwosu-Hart", "p.txt", "Dunsford Evening Star"),
])
def test_a_name_joined_to_the_section_and_the_date_is_the_outlet(head: str, source: str,
                                                                 outlet: str) -> None:
    """The line stays in the text, as a page's own date line does: an answer may quote it."""
    [article] = _file(head, source)
    assert article.outlet == outlet
    assert any(outlet.casefold() in line.casefold() for line in article.text.splitlines())


@pytest.mark.parametrize(("head", "outlet"), [
    # in capitals, a tester's Word file's outlet was cited so
    ("DUNMERE DAILY COURIER — Monday 16 March 2026", "Dunmere Daily Courier"),
    ("Dunmere Daily Courier — Monday 16 March 2026", "Dunmere Daily Courier"),
    ("AFP — Monday 16 March 2026", "AFP"),  # a wire's name as it prints it
    ("TEES & WOLD HERALD - Health - 27 February 2026", "Tees & Wold Herald"),
])
def test_a_masthead_beside_the_date_names_the_outlet_as_a_masthead_alone_does(head: str,
                                                                              outlet: str
                                                                              ) -> None:
    [article] = _file(f"{head}\nGull Island ferry to stop running in March\nBy Ann Lee")
    assert article.outlet == outlet


@pytest.mark.parametrize("head", [
    "Storm Isla - Homes flooded - Friday 6 March 2026",  # a headline's words, no paper's
    "Book Review · Culture · Friday 6 March 2026\nBy Aoife Brannigan",
    "Health News | Friday 20 February 2026 | Local politics\nBy Rebecca Nwosu-Hart",
])
def test_a_sections_name_beside_the_date_is_no_outlet(head: str) -> None:
    [article] = _file(f"Gull Island ferry to stop running in March\n{head}")
    assert article.outlet is None


@pytest.mark.parametrize(("above", "marked"), [
    ("## Ravensholt's record signings", ["Ravensholt's record signings"]),
    ("Ravensholt's record signings", ["Ravensholt's record signings"]),
    ("The club has broken its record four times since 2019.", []),  # a sentence: the story's
    ("The club's record signings are as follows:", []),  # leading into it, as a sentence does
])
def test_a_markdown_tables_name_above_it_is_marked_a_caption(tmp_path: Path, above: str,
                                                            marked: list[str]) -> None:
    (tmp_path / "signings.md").write_text(
        f"# Ravensholt break club record\n\n{STORY}\n\n{above}\n\n| Player | Fee |\n|---|---|\n"
        "| Kofi Mensah-Adjei | £38m |\n| Tomás Arrieta | £24.5m |\n")
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert [article.text[a:b] for a, b in caption_spans(article.text, article.captions)] == marked
    assert "Player: Kofi Mensah-Adjei | Fee: £38m" in article.text.splitlines()
