"""A fourth tester's twelve pages: a headline opening with a quotation under a masthead and
its section was never the title (the masthead was), and share bars and lists of links at a text
or Markdown page's foot stayed in its text (`index.cleaning`, `index.linklists`), and an HTML
live blog's update times were lost (`index.formats.html`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_document
from index.formats.markdown import markdown_text
from index.loading import load_paths
from index.types import Article, RawDocument

STORY = ("Yusuf Adeyemi-Clarke became chief executive of Harrowmere Water on 1 September, the "
         "company said.\nBills will rise by 9 per cent from April.")
HEAD = "Harrowmere Observer | Interviews\n\n{headline}\n\n30 October 2026\n\nBy Clara Whitby"
QUOTED = "\"We will not hide the leaks\": Harrowmere Water's new boss on pipes and bills"


def _page(text: str, source: str = "p.txt") -> Article:
    if source.endswith(".md"):
        text = markdown_text(text)
    [article] = clean_document(RawDocument(text=text, source=source, source_key=source))
    return article


@pytest.mark.parametrize(("source", "headline"), [
    ("p.txt", QUOTED),
    ("p.md", f"# {QUOTED}"),
    ("p.txt", "“We will not hide the leaks”: Harrowmere Water's new boss on pipes and bills"),
])
def test_a_headline_opening_with_a_quotation_is_the_title(source: str, headline: str) -> None:
    """The masthead with its section ("Harrowmere Observer | Interviews") was the title and the
    headline a line of the text."""
    article = _page(f"{HEAD.format(headline=headline)}\n\n{STORY}", source)
    title = headline.removeprefix("# ")
    assert (article.title, article.outlet, article.published, article.author) == (
        title, "Harrowmere Observer", "2026-10-30", "Clara Whitby")
    assert title not in article.text and "Interviews" not in article.text


def test_a_masthead_or_byline_is_no_title_where_no_headline_is_found() -> None:
    """A headline in lower case is no headline to the title's rules: the title is then the
    text's first words, never the masthead's line."""
    headline = "water boss: we will not hide the leaks"
    article = _page(f"{HEAD.format(headline=headline)}\n\n{STORY}")
    assert article.title == headline


@pytest.mark.parametrize("bar", [
    "Share: Facebook | X | Email",
    "Share this obituary · Send condolences · Sign the online book of remembrance",
    "Share on Facebook | Share on X | Copy link",
])
def test_a_share_bar_at_the_foot_is_dropped(bar: str) -> None:
    article = _page(f"Water boss on pipes and bills\n\n{STORY}\n\n{bar}")
    assert article.text == STORY


@pytest.mark.parametrize("line", [
    "Share: 6.4% | Votes: 3,120",  # a table's row
    "Shares in Veltrana rose 6.2% | Volume: heavy",
    "Share this with your neighbours | the council said.",  # a sentence
])
def test_a_line_beginning_with_share_that_is_no_share_bar_stays(line: str) -> None:
    article = _page(f"Water boss on pipes and bills\n\n{STORY}\n{line}")
    assert article.text.endswith(line)


@pytest.mark.parametrize(("source", "links"), [
    ("p.txt", "Related coverage\n- Snack makers face sugar levy in three EU states\n"
              "- Rival Hollis Brands cuts outlook as costs bite"),
    ("p.md", "**More transfer news**\n- [Corbridge close in on free agent goalkeeper](#)\n"
             "- [Window rumours: who's going where in January](#)"),
])
def test_related_coverage_and_a_topics_more_news_are_links_not_the_story(source: str,
                                                                        links: str) -> None:
    """The HTML path loses such a list with its <aside>; a text or Markdown page kept it."""
    article = _page(f"Water boss on pipes and bills\n\n{STORY}\n\n{links}", source)
    assert article.text == STORY


LIVE = """<html><head><title>Live: Harbour Bridge closed after ship strikes pier</title></head>
<body><article><h1>Live: Harbour Bridge closed after ship strikes pier</h1>
<div class="update"><p class="timestamp"><time>07:15</time></p><h3>Bridge closed both ways</h3>
<p>Police have closed the bridge in both directions. Drivers are being diverted via the ring
road, which is adding about 25 minutes to journeys.</p></div>
<div class="update"><p class="timestamp"><time>06:42</time></p><h3>Ship hits bridge</h3>
<p>We are getting reports that a cargo ship has struck the Harbour Bridge as it left port for
Rotterdam, the coastguard said.</p>
<p>Councillors will discuss the closure on <time datetime="2026-11-17">Tuesday</time>, the
council said.</p></div></article></body></html>"""


def test_a_live_blogs_update_times_and_a_sentences_day_stay(tmp_path: Path) -> None:
    """trafilatura deleted every <time> with its words, and an element its class names a
    timestamp: a tester's live blog lost all eleven update times ("When was the bridge
    closed?"), and a sentence its day would read "… the closure on , the council said"."""
    (tmp_path / "live.html").write_text(LIVE)
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    lines = article.text.splitlines()
    assert lines[lines.index("07:15") + 1] == "Bridge closed both ways"
    assert lines[lines.index("06:42") + 1] == "Ship hits bridge"
    assert "Councillors will discuss the closure on Tuesday, the council said." in lines


VERDICT = """<html><head><title>Former treasurer jailed over £2.3m fraud | Harrowgate Courier
</title></head><body><div class="content">
<h1 class="headline">Former treasurer jailed over £2.3m fraud</h1>
<p class="summary">Colin Ashdown used fake invoices from a shell company to fund a villa in the
Algarve</p>
<div class="meta"><span class="byline">By Amelia Brandt, Courts Reporter</span></div>
<div class="rating" aria-label="Rating">Our rating: ★★★★☆ (4 out of 5)</div>
<div class="social"><span>Share this article</span></div>
<figure><img src="a.jpg" alt=""><figcaption>Colin Ashdown arriving at Harrowgate Crown Court
during his trial. Picture: Harrowgate Courier</figcaption></figure>
<div class="article-body">
<p>A former council treasurer who stole £2.3 million from Drennick Borough Council to pay for a
holiday villa and a gambling habit has been jailed for seven years.</p>
<p>Colin Ashdown, 58, was sentenced at Harrowgate Crown Court on Wednesday by Judge Felicity
Marlowe, who said he had treated the public purse as his private piggy bank.</p>
<p>A jury found Ashdown guilty on 28 October, after a five-week trial, of three counts of
fraud by abuse of position and one count of money laundering.</p>
</div></div></body></html>"""


def test_a_standfirst_rating_and_lead_caption_outside_the_body_stay(tmp_path: Path) -> None:
    """trafilatura took the body's <div> alone: a tester's court report lost its standfirst
    and lead photo's caption, which other pages keep, and a review its rating (an element its
    class names a rating). Its byline and share bar stay out."""
    (tmp_path / "verdict.html").write_text(VERDICT)
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert article.text.splitlines()[:4] == [
        "Colin Ashdown used fake invoices from a shell company to fund a villa in the Algarve",
        "Our rating: ★★★★☆ (4 out of 5)",
        "Colin Ashdown arriving at Harrowgate Crown Court during his trial. Picture: "
        "Harrowgate Courier",
        "A former council treasurer who stole £2.3 million from Drennick Borough Council to pay "
        "for a holiday villa and a gambling habit has been jailed for seven years."]
    assert "Share" not in article.text and "Amelia Brandt" not in article.text


def test_a_container_named_intro_around_the_story_is_not_put_back(tmp_path: Path) -> None:
    page = VERDICT.replace('<div class="article-body">', '<div class="intro article-body">')
    (tmp_path / "verdict.html").write_text(page)
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert article.text.count("A jury found Ashdown guilty") == 1


HEATWAVE = """<html><head><title>Amber heat-health alert issued as temperatures set to hit 36C -
Wessmoor Gazette</title></head><body><div class="masthead">WESSMOOR GAZETTE</div>
<div class="article">
<h1>Amber heat-health alert issued as temperatures set to hit 36C</h1>
<h3>{standfirst}</h3>
<div class="author">Tomás Ferreira-Gill, Health Editor · Monday 13 July 2026</div>
<p>An amber heat-health alert has been issued for the whole of Wessmoor, with temperatures
expected to reach 36C in places later this week.</p>
<p>Forecasters expect the hottest weather on Wednesday and Thursday, when Lindenford could reach
36C, the agency said.</p>
<h2>Cooling centres</h2>
<p>Wessmoor County Council said 14 of its libraries would act as cooling centres, staying open
until 8pm from Tuesday to Friday.</p>
</div></body></html>"""


@pytest.mark.parametrize(("standfirst", "kept"), [
    ("Health officials urge people to check on elderly neighbours as hot spell expected to "
     "last four days", True),
    ("By Tomás Ferreira-Gill, Health Editor", False),  # a byline set as a heading
    ("Heat alert", False),  # a label
])
def test_a_heading_between_headline_and_story_is_its_standfirst(
        tmp_path: Path, standfirst: str, kept: bool) -> None:
    """A tester's heatwave page set its standfirst as a bare <h3>, which trafilatura left out
    ("How long is the hot spell expected to last?"); the story's subheadings stay where they
    are."""
    (tmp_path / "heat.html").write_text(HEATWAVE.format(standfirst=standfirst))
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    lines = article.text.splitlines()
    assert (lines[0] == standfirst) is kept and lines.count(standfirst) == int(kept)
    assert lines[1 if kept else 0].startswith("An amber heat-health alert")
