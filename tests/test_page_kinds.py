"""Lines of a tester's pages (h37) read for what they are: a photo credited "courtesy of",
a masthead in capitals beside its section and the date, a byline of a name and the date."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.captions import caption_spans
from index.cleaning import clean_document
from index.line_kinds import is_page_notice
from index.loading import load_paths
from index.provenance import page_author
from index.types import Article, RawDocument

STORY = ("The ferry to Gull Island will stop running in March, its operator said on Monday.\n"
         "About 300 islanders use it each week.")


def _file(text: str, source: str = "p.txt") -> list[Article]:
    return clean_document(RawDocument(text=f"{text}\n\n{STORY}", source=source,
                                      source_key=source))


def _marked(article: Article) -> list[str]:
    return [article.text[a:b] for a, b in caption_spans(article.text, article.captions)]


@pytest.mark.parametrize(("line", "caption"), [
    # a Word file's italic caption was the story's sentence, quoted for where she died
    ("Eleanor Vosper at the wheel of the Morwenna in 1962. Photograph courtesy of the Vosper "
     "family.", True),
    ("The mural on Mill Street. Photo courtesy of Harbour Arts Trust", True),
    # a sentence going on after the credited name is the story's
    ("It was a gift. Photographs courtesy of the Vosper family are on display.", False),
    ("The show runs until May. Pictures courtesy of the museum are on show in the hall.", False),
])
def test_a_caption_ending_courtesy_of_its_owner_is_marked(line: str, caption: bool) -> None:
    [article] = _file(f"Gull Island ferry to stop running in March\nBy Ann Lee\n{line}")
    assert (line in _marked(article)) is caption


@pytest.mark.parametrize(("head", "outlet"), [
    # a tester's obituary had no outlet: no word papers are called by, but set in capitals
    ("WEST PENWITH PACKET | Obituaries | Thursday 24 September 2026", "West Penwith Packet"),
    ("FENLAND GAZETTE | Heritage | Wednesday 5 August 2026", "Fenland Gazette"),
    # a section's label in capitals is no paper's name, nor a name in title case
    ("BREAKING NEWS | Politics | Thursday 24 September 2026", None),
    ("West Penwith | Obituaries | Thursday 24 September 2026", None),
])
def test_a_masthead_in_capitals_beside_its_section_and_date_is_the_outlet(
        head: str, outlet: str | None) -> None:
    [article] = _file(f"{head}\nGull Island ferry to stop running in March\nBy Ann Lee")
    assert article.outlet == outlet


@pytest.mark.parametrize(("byline", "author"), [
    # a tester's football page had no author
    ("Conor Haughey | Thursday 8 January 2026", "Conor Haughey"),
    ("Ana Maria Souza · 8 January 2026", "Ana Maria Souza"),
    # an outlet's name or a section's beside the date names no one
    ("Space Ledger | Thursday 8 January 2026", None),
    ("Global Wire | Thursday 8 January 2026", None),
    ("Local Politics | Thursday 8 January 2026", None),
    ("Breaking News | Thursday 8 January 2026", None),
])
def test_a_name_beside_the_date_under_the_headline_is_the_byline(byline: str,
                                                                 author: str | None) -> None:
    """Under a masthead (a tester's "MIDLANDS SPORT WEEKLY" over its menu and headline); on a
    page that names no outlet, the name may be the outlet's, and names no author."""
    [article] = _file(f"THE GULL ISLAND GAZETTE\nGull Island ferry to stop running in March\n"
                      f"{byline}")
    assert article.author == author
    [article] = _file(f"Gull Island ferry to stop running in March\n{byline}")
    assert article.author is None


def test_a_co_author_in_the_byline_is_kept_beside_the_meta_tags_author(tmp_path: Path) -> None:
    """A tester's live blog named 'Kirra Whitlam' in its meta tags and 'By Kirra Whitlam and
    Tom Baxendale' in its byline: its author was the first alone."""
    (tmp_path / "page.html").write_text(f"""<html><head><title>Ferry to stop</title>
<meta name="author" content="Kirra Whitlam"></head><body><article>
<h1>Gull Island ferry to stop running in March</h1>
<p class="byline">By Kirra Whitlam and Tom Baxendale · Updated Saturday 14 November 2026</p>
{"".join(f"<p>{line}</p>" for line in STORY.splitlines())}
<p>The operator said the boat was too old to repair and no other was for sale.</p>
</article></body></html>""")
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert article.author == "Kirra Whitlam and Tom Baxendale"
    assert page_author("Kirra Whitlam", "Kirra Whitlam") == "Kirra Whitlam"
    assert page_author("Tom Roe", "Kirra Whitlam and Tom Baxendale") == "Tom Roe"


@pytest.mark.parametrize(("head", "dropped"), [
    # a tester's live blog kept its ticker as its first line
    ("BREAKING: Evacuation order issued for North Coorabin\nBy Ann Lee", True),
    ("Breaking news: Evacuation order issued\nGull Island ferry to stop running in March\n"
     "By Ann Lee", True),
    # one that ends as a sentence may be the story's first
    ("BREAKING: An evacuation order has been issued for North Coorabin.\nBy Ann Lee", False),
    # a live blog's own headline
    ("Live: Evacuation order issued for North Coorabin\nBy Ann Lee", False),
])
def test_a_breaking_news_ticker_above_the_head_leaves_the_text(head: str, dropped: bool) -> None:
    ticker = head.splitlines()[0]
    [article] = clean_document(RawDocument(text=f"{head}\n\n{STORY}", source="p.html",
                                           source_key="p.html", title="Ferry to stop",
                                           may_hold_several=False))
    assert (ticker not in article.text) is dropped


def test_a_pdfs_caption_keeps_apart_from_the_footer_under_it(tmp_path: Path) -> None:
    """A tester's PDF (fpdf2) ended with its photo's caption and a footer's promo, each a cell
    of its own: they were one line, the caption unmarked and the promo a line of the story."""
    from fpdf import FPDF

    caption = ("Picture: The sword and shield boss as they were found in the grave. Photo: "
               "Trentside Archaeology")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Warrior's grave found on housing site\n\nBy Ann Lee\n\n"
                   + STORY.replace("\n", "\n\n"))
    pdf.ln(4)
    pdf.multi_cell(0, 5, caption, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "Read more heritage stories at fenlandgazette.example/heritage",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "grave.pdf"))
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert article.text.splitlines()[-1] == caption and caption in _marked(article)


def test_a_pdfs_photo_caption_keeps_apart_from_the_related_line_under_it(
        tmp_path: Path) -> None:
    """A tester's caption opened with "Photo:", so joined to the "Related:" line under it it
    was a caption still: they were one line, its credit no longer at its end."""
    from fpdf import FPDF

    caption = ("Photo: Volunteers sieve for pellets on Gwithian beach on Wednesday. Picture: "
               "Cornwall Marine Trust")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Pellets wash up on Cornish beaches\n\nBy Ann Lee\n\n"
                   + STORY.replace("\n", "\n\n"))
    pdf.ln(4)
    for line in (caption, "Related: How to spot a nurdle | Five years on from the spill"):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "pellets.pdf"))
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert article.text.splitlines()[-1] == caption and caption in _marked(article)


@pytest.mark.parametrize(("line", "dropped"), [
    ("Read more heritage stories at fenlandgazette.example/heritage", True),
    ("Do you have a story? Email newsdesk@harrowdeanmercury.example", True),
    ("Got a news tip? Call us on 0161 555 0100", True),
    ("Read more about the plans on page 4 of the council's report.", False),
    ("Do you have a story? She said she did not, and left.", False),
])
def test_a_footers_pointer_to_more_stories_or_the_newsdesk_leaves_the_text(
        line: str, dropped: bool) -> None:
    [article] = _file(f"Gull Island ferry to stop running in March\nBy Ann Lee\n\n{STORY}\n{line}")
    assert (line not in article.text) is dropped


@pytest.mark.parametrize(("sentence", "notice"), [
    ("This article was amended on 9 September 2026.", True),
    ("This article was updated at 4pm to include comments from Celtair.", True),
    ("This article was updated at 12:15 to add the business rates discount.", True),
    ("The report was amended on Monday to say that 40 people had died.", False),
    ("The article was updated by the BBC after complaints from viewers.", False),
])
def test_a_pages_notice_that_it_was_amended(sentence: str, notice: bool) -> None:
    assert is_page_notice(sentence) is notice
