"""A page's second story in a <div> of its own (`index.formats.html.story_pages`), and a page's
outlet that opens its <title> and names its masthead's logo (`index.formats.sitename`): a
tester's police appeal lost its repair café story and had no outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_document
from index.loading import load_paths
from index.types import Article

HEAD = """<html><head><title>Brackenford Echo - News - Police describe jewellery shop robber
</title></head><body>
<div class="top"><div class="masthead"><a href="/"><img src="logo.png" alt="Brackenford Echo">
</a> Brackenford Echo — Your town, your news since 1884</div>
<div class="menu"><a href="/news">News</a> | <a href="/sport">Sport</a></div></div>
<div class="content">"""
ROBBERY = """<div class="story">
<h1>Police release description of man who robbed Old Market Street jeweller</h1>
<p class="byline">By Harriet Mbeki-Stone, Crime Reporter</p>
<p class="dateline">Published: 10 February 2026</p>
<p>Detectives investigating a robbery at a family-run jewellery shop in Brackenford have
released a description of the man they want to trace.</p>
<p>Eleven watches worth a total of around £46,000 were taken on Saturday afternoon, police
said.</p>
</div>"""
CAFE = """<div class="story">
<h2>Repair café celebrates its 1,000th fix</h2>
<p class="byline">By Callum Yeboah</p>
<p class="dateline">Published: 9 February 2026</p>
<p>A volunteer-run repair café in Holloway has fixed its 1,000th item, a 1970s table lamp
brought in by a retired postman.</p>
<p>The café now has 34 volunteers and says it has kept around three tonnes of goods out of
landfill.</p>
</div>"""
FOOT = """</div><div class="sidebar"><h3>Most Popular</h3><ul><li>New cinema plans unveiled
</li></ul></div></body></html>"""


def _articles(tmp_path: Path, html: str) -> list[Article]:
    (tmp_path / "page.html").write_text(html)
    loaded = load_paths([tmp_path])
    assert loaded.warnings == []
    return [a for raw in loaded.documents for a in clean_document(raw)]


def test_a_second_story_in_a_div_of_its_own_is_an_article(tmp_path: Path) -> None:
    robbery, cafe = _articles(tmp_path, HEAD + ROBBERY + CAFE + FOOT)
    assert (robbery.title, robbery.author, robbery.published) == (
        "Police release description of man who robbed Old Market Street jeweller",
        "Harriet Mbeki-Stone", "2026-02-10")
    assert (cafe.title, cafe.author, cafe.published) == (
        "Repair café celebrates its 1,000th fix", "Callum Yeboah", "2026-02-09")
    assert "34 volunteers" in cafe.text and "34 volunteers" not in robbery.text
    assert "£46,000" in robbery.text and "£46,000" not in cafe.text
    assert cafe.source == f"{tmp_path / 'page.html'}#2"
    assert robbery.outlet == cafe.outlet == "Brackenford Echo"


def test_the_outlet_opening_the_title_and_naming_the_logo_is_the_pages(tmp_path: Path) -> None:
    [robbery] = _articles(tmp_path, HEAD + ROBBERY + FOOT)
    assert robbery.outlet == "Brackenford Echo"
    # The <title>'s first part alone may be a section's: no masthead prints it, no outlet.
    [unnamed] = _articles(tmp_path, HEAD.replace('alt="Brackenford Echo"', 'alt="Home"')
                          .replace("Brackenford Echo —", "Your Echo —") + ROBBERY + FOOT)
    assert unnamed.outlet is None


def test_a_storys_sections_in_divs_are_not_stories(tmp_path: Path) -> None:
    """Sections of one story, each under its own heading, have no byline or date line."""
    sections = CAFE.replace('<h2>Repair café celebrates its 1,000th fix</h2>\n'
                            '<p class="byline">By Callum Yeboah</p>\n'
                            '<p class="dateline">Published: 9 February 2026</p>',
                            "<h2>How the café began</h2>")
    [robbery] = _articles(tmp_path, HEAD + ROBBERY + sections + FOOT)
    assert robbery.source == str(tmp_path / "page.html")


RULED = """<html><head><title>Police release description of jewellery shop robber - Brackenford
Echo</title><meta property="og:site_name" content="Brackenford Echo"><meta name="author"
content="Harriet Mbeki-Stone"></head><body><article>
<h1>Police release description of man who robbed Old Market Street jeweller</h1>
<p class="byline">By Harriet Mbeki-Stone · 10 February 2026</p>
<p>Detectives investigating a robbery at a family-run jewellery shop in Brackenford have
released a description of the man they want to trace.</p>
<p>Eleven watches worth a total of around £46,000 were taken on Saturday afternoon, police
said. Owner Dilys Cartwright, whose family has run the shop since 1952, was not hurt.</p>
<hr>
{second}
</article></body></html>"""
SECOND = """<h2>Repair café celebrates its 1,000th fix in Holloway</h2>
<p class="byline">By Callum Yeboah · 9 February 2026</p>
<p>A volunteer-run repair café in Holloway has fixed its 1,000th item, a 1970s table lamp
brought in by a retired postman.</p>
<p>The café now has 34 volunteers and says it has kept around three tonnes of goods out of
landfill.</p>"""


def test_a_second_story_ruled_off_under_the_first_is_an_article(tmp_path: Path) -> None:
    """An <hr>, then an unrelated story under its own heading and byline in the same
    <article>: it was stored in the first story, and its answers cited under the first story's
    headline."""
    robbery, cafe = _articles(tmp_path, RULED.format(second=SECOND))
    assert (robbery.title, robbery.author, robbery.published) == (
        "Police release description of man who robbed Old Market Street jeweller",
        "Harriet Mbeki-Stone", "2026-02-10")
    assert (cafe.title, cafe.author, cafe.published) == (
        "Repair café celebrates its 1,000th fix in Holloway", "Callum Yeboah", "2026-02-09")
    assert "34 volunteers" in cafe.text and "34 volunteers" not in robbery.text
    assert "£46,000" in robbery.text and "£46,000" not in cafe.text
    assert cafe.source == f"{tmp_path / 'page.html'}#2"
    assert robbery.outlet == cafe.outlet == "Brackenford Echo"


def test_a_storys_own_sections_ruled_off_are_not_stories(tmp_path: Path) -> None:
    """A section of the same story under a rule names its people and figures again; a
    section's heading is no headline."""
    same = ("<h2>Jeweller Dilys Cartwright says the shop will reopen</h2><p>Dilys Cartwright "
            "said the £46,000 of watches taken from the Old Market Street shop on Saturday "
            "were insured.</p><p>Detectives in Brackenford said the robbery was the second "
            "at a jeweller since 1952, when the shop opened.</p>")
    short = SECOND.replace("Repair café celebrates its 1,000th fix in Holloway", "Elsewhere")
    for second in (same, short):
        [robbery] = _articles(tmp_path, RULED.format(second=second))
        assert robbery.source == str(tmp_path / "page.html")


@pytest.mark.parametrize(("heading", "paragraphs"), [
    # an explainer's section, a feature's second part, a live page's update, its author's
    # biography: a reviewer's, each made an article of its own
    ("What the ruling means for other renters",
     "Anyone renting a shared house from a landlord who has not licensed it can apply for a "
     "rent repayment order, housing charities say.|Claims must be made within a year of the "
     "offence, and tenants can usually recover up to twelve months of rent paid."),
    ("Part Two: The Apprentice At Fleetwood Pier",
     "Across the water, Kezia Marsh is learning the same trade at nineteen, on a fibreglass "
     "launch bought with a lottery grant.|Marsh says the hardest lesson is reading the "
     "sandbanks, which shift after every winter storm along the channel."),
    ("Schools Across Craven Shut For The Day",
     "Headteachers in Grassington, Ingleton and Bentham have told parents that pupils should "
     "stay at home.|North Yorkshire Council said 23 schools were closed by 9am, with more "
     "expected."),
    ("About Our Crime Reporter Harriet",
     "Harriet has covered courts and crime for the Echo since 2019, after training at a news "
     "agency in Leeds.|You can contact her with story tips by email or on social media, and "
     "she reads every message she is sent."),
    # nor is a story with no byline or date line of its own
    ("Repair café celebrates its 1,000th fix in Holloway",
     "A volunteer-run repair café in Holloway has fixed its 1,000th item, a 1970s table lamp "
     "brought in by a retired postman.|The café now has 34 volunteers and says it has kept "
     "around three tonnes of goods out of landfill."),
])
def test_a_part_ruled_off_without_its_own_byline_is_no_story(
        tmp_path: Path, heading: str, paragraphs: str) -> None:
    """Under an <hr> and a heading, only a part with its own byline or date line under the
    heading is a story of its own, as a story in a <div> of its own is: the rest stays in the
    page's story."""
    second = f"<h2>{heading}</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs.split("|"))
    [story] = _articles(tmp_path, RULED.format(second=second))
    assert story.source == str(tmp_path / "page.html")
    assert paragraphs.split("|")[1] in story.text
