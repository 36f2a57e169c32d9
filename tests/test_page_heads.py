"""A copied page's head (`index.cleaning`, `index.provenance`): masthead, sections, ticker,
headline, byline, date line. A new user's twelve pages had "THE COASTAL LEDGER" and a stock
ticker as titles, five had no date, and an HTML page's second story was never read."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_document
from index.formats.markdown import markdown_text
from index.loading import load_paths
from index.types import Article, RawDocument

BODY = ("Train drivers at Transit Capital will stage a 24-hour strike on Tuesday October 20, the "
        "union announced on Friday.\nThe union wants a 6% rise.")


def _page(head: str) -> Article:
    [article] = clean_document(RawDocument(text=f"{head}\n\n{BODY}", source="p.txt",
                                           source_key="p.txt"))
    return article


@pytest.mark.parametrize(("head", "title", "published", "author"), [
    ("CAPITAL METRO NEWS\nTransport | City | Business | Weather\n\nRail workers to strike on "
     "October 20 in pay dispute\n\nCapital Metro News, 2 October 2026\nBy Harriet Osei, "
     "Transport Correspondent\n\n🔗 Share  ✉ Email", "Rail workers to strike on October 20 in pay "
     "dispute", "2026-10-02", "Harriet Osei"),
    ("DOW 41,220.15 ▲0.31% | S&P 500 5,612.40 ▲0.18%\n\nFinance Herald\nMarkets · Companies\n\n"
     "Rail workers to strike in pay dispute\n\nBy Karin Lindqvist | financeherald.com\nPublished "
     "July 30, 2026, 9:15 a.m. ET", "Rail workers to strike in pay dispute", "2026-07-30",
     "Karin Lindqvist"),
    ("Meridian Post\nWorld | Europe | Climate\n\nRail workers to strike in pay dispute\n\n"
     "Meridian Post | October 5, 2026\n\nBy Elena Sorrentino in San Crisanto",
     "Rail workers to strike in pay dispute", "2026-10-05", "Elena Sorrentino"),
    ("The Western Echo\nArts & Culture | Obituaries\n\nRail workers to strike in pay dispute\n\n"
     "By Samuel Achebe\nMonday 23 November 2026", "Rail workers to strike in pay dispute",
     "2026-11-23", "Samuel Achebe"),
    # a title first, the paper's name under it (not a masthead to skip)
    ("Rail workers to strike in pay dispute\nThe Northern Gazette\nPublished 2025-03-14\n"
     "By Alison Greaves, Courts Correspondent", "Rail workers to strike in pay dispute",
     "2025-03-14", "Alison Greaves"),
])
def test_the_headline_date_and_byline_under_a_masthead(head: str, title: str, published: str,
                                                       author: str) -> None:
    article = _page(head)
    assert (article.title, article.published, article.author) == (title, published, author)


def test_a_date_below_the_story_is_no_date_of_its_own() -> None:
    """A timeline's entry after the first sentence stays a timeline's entry."""
    article = _page("Strike timeline\n\nThe dispute began in March, the union said.\n"
                    "August 6, 2024")
    assert article.published is None


PAGE = """<!DOCTYPE html><html><head><title>Councillor jailed over grants fraud - Northern
Gazette</title><meta property="og:site_name" content="Northern Gazette"></head><body>
<article><h1>Councillor jailed over grants fraud</h1>
<p class="meta">By Amira Haddad, Courts Reporter · 3 June 2026</p>
<p>A former councillor who steered £1.34 million of housing grants to companies run by her
brother-in-law has been jailed for four years at Ravensholt Crown Court on Tuesday.</p>
<p>Judge Marion Achterberg said she had betrayed the trust of the tenants she was elected to
protect.</p></article><hr>
<article><h1>Regulator approves first nasal spray for migraine in teenagers</h1>
<p class="meta">By Jonah Whitley, Health Correspondent · 3 June 2026</p>
<p>The medicines regulator has approved Zelvira, a nasal spray for treating migraine attacks in
children aged 12 to 17, the first such treatment licensed for that age group.</p>
<p>A pack of six doses will cost £92, and it will be available from September.</p></article>
</body></html>"""


def test_each_story_of_an_html_page_is_an_article(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    loaded = load_paths([tmp_path])
    articles = [a for raw in loaded.documents for a in clean_document(raw)]
    assert [a.title for a in articles] == ["Councillor jailed over grants fraud",
                                           "Regulator approves first nasal spray for migraine "
                                           "in teenagers"]
    assert [a.author for a in articles] == ["Amira Haddad", "Jonah Whitley"]
    assert "Zelvira" not in articles[0].text and "Zelvira" in articles[1].text
    assert {a.source_key for a in articles} == {str(tmp_path / "page.html")}
    assert articles[1].source == f"{tmp_path / 'page.html'}#2"
    assert all(a.outlet == "Northern Gazette" for a in articles)


BRIEFED = """<!DOCTYPE html><html><head><title>Museum reopens after renovation - Arts Desk
Weekly</title></head><body><header><a class="brand" href="/">Arts Desk Weekly</a></header>
<article><h1>Museum reopens after renovation</h1>
<p class="meta">By Nadim Farouk · Friday 30 January 2026</p>
<p>The Kelsall Museum of Art will reopen to the public next Saturday after a three-year
renovation costing £22 million, with a new glass wing.</p>
<p>Admission will remain free, and the museum expects 150,000 visitors in its first
year.</p></article>
<article class="brief"><h2>Coulter wins Greystone Prize</h2>{dateline}
<p>The playwright Nadia Coulter has won the £15,000 Greystone Prize for new writing for Low
Tide, a play about a fishing family torn apart by a lifeboat disaster.</p>
<p>The judges called it fierce and funny. It opens at the Quayside Theatre in April.</p>
</article>
<footer><p>&copy; 2026 Arts Desk Weekly. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize(("dateline", "published"), [
    ("", "2026-01-30"),
    ('<p class="meta">Thursday 29 January 2026</p>', "2026-01-29"),
])
def test_a_pages_second_story_has_the_pages_outlet_and_date(
        tmp_path: Path, dateline: str, published: str) -> None:
    """Cut out of the page without its brand, footer or first story's date line, the
    tester's brief had no outlet and no date (another page's, named by its meta tags, had
    both); a date line of its own is still its date."""
    (tmp_path / "page.html").write_text(BRIEFED.format(dateline=dateline))
    articles = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    assert [(a.title, a.outlet, a.published) for a in articles] == [
        ("Museum reopens after renovation", "Arts Desk Weekly", "2026-01-30"),
        ("Coulter wins Greystone Prize", "Arts Desk Weekly", published)]


@pytest.mark.parametrize(("byline", "author"), [
    ('<p class="byline">By Arts Desk Staff</p>', "Arts Desk Staff"),
    ("", None),
])
def test_a_pages_second_story_is_not_by_the_first_storys_author(
        tmp_path: Path, byline: str, author: str | None) -> None:
    """The page's meta tags name its first story's author: the tester's brief "By Chronicle
    Staff" was stored as by the first story's reporter."""
    page = BRIEFED.format(dateline=byline).replace(
        "</head>", '<meta name="author" content="Nadim Farouk"></head>')
    (tmp_path / "page.html").write_text(page)
    articles = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    assert [a.author for a in articles] == ["Nadim Farouk", author]


TEASER = ("<article><h2>{title}</h2><p>{words}</p></article>")


def test_teasers_in_a_sidebar_are_not_stories_and_a_menu_is_no_byline(tmp_path: Path) -> None:
    """The review's: a story in <main> with two long <article> teasers beside it was loaded as
    the two teasers; a menu's "By Region" became the author."""
    story = " ".join(["The council approved the tram extension on Tuesday night."] * 12)
    filler = " ".join(["Read more about the other story in our archive today."] * 4)
    teasers = "".join(TEASER.format(title=f"Other story {n}", words=filler) for n in (1, 2))
    page = (f"<html><head><title>Tram extension approved</title></head><body><nav><ul>"
            f"<li>By Region</li><li>By Topic</li></ul></nav><main><h1>Tram extension approved"
            f"</h1><p>{story}</p></main><aside>{teasers}</aside></body></html>")
    (tmp_path / "page.html").write_text(page)
    articles = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    assert len(articles) == 1 and "tram extension" in articles[0].text
    assert articles[0].author is None


@pytest.mark.parametrize(("text", "title", "published"), [
    # a short headline is no masthead: its standfirst is not the title
    ("Storm Isla: Homes Flooded\nRivers burst their banks in three counties\nBy Jane Doe\n"
     "12 March 2025\n\nThe rivers burst their banks on Sunday, officials said.",
     "Storm Isla: Homes Flooded", "2025-03-12"),
    ("Rail Strike Called\nDrivers walk out over pay for the first time in a decade\nBy Jane Doe\n"
     "\nThe union called the strike on Sunday, officials said.", "Rail Strike Called", None),
    # a timeline, no sentence ended: a date five lines down is an entry's
    ("Timeline\nJan 1 the plan began\nFeb 2 the vote\nMarch 3 the result\nthe council then\n"
     "3 January 2025\nwas the day", "Timeline", None),
])
def test_a_short_headline_and_a_timeline(text: str, title: str, published: str | None) -> None:
    [article] = clean_document(RawDocument(text=text, source="p.txt", source_key="p.txt"))
    assert (article.title, article.published) == (title, published)


def test_a_masthead_names_the_outlet_and_the_byline_gives_the_date() -> None:
    """The fifth tester's: "Metro News" above its sections, a byline ending "· 20 February
    2026", "NORTHFIELD COURIER", "Eastbrook Gazette © 2026": no outlet, no date."""
    article = _page("Metro News\nHome › Technology › Security\nHackers stole data of 2.3 million "
                    "customers, says ParcelLink\nBy Amira Haddad, Technology Reporter · 20 "
                    "February 2026\n\n🔗 Copy link   Share on Facebook   Share on LinkedIn")
    assert (article.outlet, article.published) == ("Metro News", "2026-02-20")
    assert "Share on Facebook" not in article.text and "Technology ›" not in article.text
    assert _page("NORTHFIELD COURIER\nNews | Culture | Music | Film\n\nRail workers to strike "
                 "in pay dispute\nBy Tara Nkemelu, Arts Reporter").outlet == "Northfield Courier"
    [signed] = clean_document(RawDocument(text=f"Rail workers to strike in pay dispute\n{BODY}\n"
                                          "Eastbrook Gazette © 2026", source="p.txt",
                                          source_key="p.txt"))
    assert signed.outlet == "Eastbrook Gazette"


def test_a_ticker_in_the_head_is_no_part_of_the_story() -> None:
    """"Breaking: Power cut hits 3,000 homes in Kilbride East" above an election story had
    answered how many homes a fire destroyed."""
    article = _page("KILBRIDE ADVERTISER\nHome | News | Politics | Business\nBreaking: Power cut "
                    "hits 3,000 homes in Kilbride East\n\nGreen candidate wins seat after "
                    "recount\nBy Owen Hale\n27 February 2026")
    assert "3,000 homes" not in article.text and "Train drivers" in article.text
    # a "Breaking:" sentence of the story stays
    kept = _page("Strike called\nBreaking: The union has called a strike for Friday.")
    assert "The union has called a strike" in kept.text


def test_a_markets_ticker_in_the_head_is_no_part_of_the_story() -> None:
    """A markets ticker over the headline, its label not in capitals: a tester's "what is the
    price of gold today" was answered from it."""
    ticker = "Markets: FTSE 100 9,104 -0.2% | EUR/USD 1.0815 | Brent crude $68.90 | Silver $31.20"
    article = _page(f"{ticker}\n\nGreen candidate wins seat after recount\n\nBy Owen Hale\n"
                    "27 February 2026")
    assert ticker not in article.text and "Train drivers" in article.text
    # a market's report saying so in words is the story's
    said = "Markets: shares fell sharply on Monday | traders blamed the strike"
    assert said in _page(f"Election night in the region\n{said}").text
    # under the masthead, above the headline, it is the page's
    article = _page(f"Whitford Advertiser\n{ticker}\n\nGreen candidate wins seat after "
                    "recount\nBy Owen Hale")
    assert ticker not in article.text and article.outlet == "Whitford Advertiser"


@pytest.mark.parametrize("head", [
    "FTSE 100 closes higher as miners rally\nBy Ann Lee, 3 March 2026\n{ticker}",
    "Supermarket shares rise after price war ends\nBy Ann Lee\n3 March 2026\n{ticker}",
    "Stocks close mixed\n{ticker}\nBy Ann Lee\n3 March 2026",
])
def test_a_markets_ticker_under_the_headline_is_the_storys(head: str) -> None:
    """A reviewer's: under the headline or the byline, a markets line labelled in lower case
    is a market report's own figures, dropped as the page's ticker."""
    ticker = "Shares: Tesco 310p +2% | Sainsbury 280 -1% | Ocado 540 +4%"
    assert ticker in _page(head.format(ticker=ticker)).text


@pytest.mark.parametrize("first", [
    "Live: Counting is under way in 42 constituencies across the region",
    "Results: Ward A 512 | Ward B 430 | Ward C 301",
    "Users can now share photos directly to WhatsApp and Facebook",
])
def test_a_page_with_no_masthead_or_menu_loses_no_line(first: str) -> None:
    """The last review's: story lines before the first full sentence were dropped as a
    ticker, a menu or a share bar."""
    assert first in _page(f"Election night in the region\n{first}").text


def test_a_table_of_three_columns_stays_whole(tmp_path: Path) -> None:
    """Its rows, each with two " | ", were dropped as menus, and one was taken for the title."""
    (tmp_path / "prices.md").write_text(
        "# Prices\n\n| Area | Price | Change |\n|---|---|---|\n| Kilbride | £265,300 | +3.9% |\n"
        "| Dunmore | £198,700 | |\n\nPrices rose fastest in Kilbride, the figures show.\n")
    [article] = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    assert "Area: Kilbride | Price: £265,300 | Change: +3.9%" in article.text.splitlines()
    assert "Area: Dunmore | Price: £198,700" in article.text.splitlines()  # no empty cell


@pytest.mark.parametrize(("text", "outlet", "published"), [
    ("Minister Quits Post\n\n" + BODY, None, None),  # a headline, no masthead
    ("MARIA LOPEZ\nStaff Writer · 3 June 2026\n\n" + BODY, None, "2026-06-03"),  # a byline
    ("Title of the story\n" + BODY + "\nJane Doe © 2026\nMore of the story, she said.\nA line."
     "\nAnother line.", None, None),  # a photo's credit, not the page's foot
    ("Title of it\nBy Amira Haddad · 3 June 2026 · Updated 4 June 2026\n\n" + BODY, None,
     "2026-06-03"),  # the byline's first date
])
def test_no_outlet_or_date_where_the_page_gives_none(text: str, outlet: str | None,
                                                     published: str | None) -> None:
    [article] = clean_document(RawDocument(text=text, source="p.txt", source_key="p.txt"))
    assert (article.outlet, article.published) == (outlet, published)


# The seventh tester's pages: a paper's name above its date line taken for the title, a date
# joined to a byline or to the paper's name unread, two reporters or a place in a byline
# unread, and the masthead left in the story's text.
STORY = ("The ferry to Gull Island will stop running in March, its operator said on Monday.\n"
         "About 300 islanders use it each week.")


def _file(text: str, source: str = "p.txt") -> Article:
    if source.endswith(".md"):
        text = markdown_text(text)
    [article] = clean_document(RawDocument(text=f"{text}\n\n{STORY}", source=source,
                                           source_key=source))
    return article


def test_a_papers_name_above_its_date_line_is_the_masthead_not_the_title() -> None:
    article = _file("Tarnmouth Daily Record\nWednesday 4 March 2026\n\nGull Island ferry to stop "
                    "running in March\n\nBy Iwan Pryce at Tarnmouth Quay")
    assert (article.title, article.outlet, article.published, article.author) == (
        "Gull Island ferry to stop running in March", "Tarnmouth Daily Record", "2026-03-04",
        "Iwan Pryce")
    lines = article.text.splitlines()
    assert "Tarnmouth Daily Record" not in lines and STORY.splitlines()[0] in lines
    # A short headline above its own date is no masthead: it stays the title.
    short = _file("Daily Fares Rise\n4 March 2026")
    assert (short.title, short.outlet) == ("Daily Fares Rise", None)


def test_a_live_pages_headline_under_a_masthead_and_its_two_reporters() -> None:
    article = _file("SOUTHPORT BEACON\n\nHome | News | Weather | Sport\n\n# Live: Gull Island "
                    "ferry cancelled as storm nears\n\nBy Anwen Cole and Rafael Moreno\n\n"
                    "Updated 4 March 2026 10:15", "live.md")
    assert (article.title, article.outlet, article.author) == (
        "Live: Gull Island ferry cancelled as storm nears", "Southport Beacon",
        "Anwen Cole and Rafael Moreno")
    assert "SOUTHPORT BEACON" not in article.text


@pytest.mark.parametrize(("head", "source", "outlet", "author"), [
    ("Tarnmouth Weekly | Books\n\n# Gull Island novel wins the Tarn Prize\n\n*4 March 2026 | By "
     "Orla Kinsella*", "prize.md", "Tarnmouth Weekly", "Orla Kinsella"),
    # the same in a text file, its emphasis as written
    ("Gull Island novel wins the Tarn Prize\n*4 March 2026 | By Orla Kinsella*", "prize.txt",
     None, "Orla Kinsella"),
    ("# Gull Island ferry to stop running in March\n\n**Tarnmouth Evening Post** · Transport · "
     "Wednesday 4 March 2026\n\n*By Iwan Pryce, Transport Correspondent*", "ferry.md",
     "Tarnmouth Evening Post", "Iwan Pryce"),
])
def test_a_date_joined_to_a_byline_or_to_the_papers_name(head: str, source: str,
                                                         outlet: str | None, author: str) -> None:
    article = _file(head, source)
    assert (article.published, article.outlet, article.author) == ("2026-03-04", outlet, author)
    assert not article.title.startswith("Tarnmouth")


def test_a_masthead_and_its_section_leave_the_text_but_the_date_and_byline_stay() -> None:
    """The masthead is the outlet, no line of the story; the date line and the byline stay,
    for an answer quotes them (when it was updated, who wrote it)."""
    article = _file("Gull Island ferry to stop running in March\n\nThe Tarnmouth Observer - "
                    "Travel\n4 March 2026\nBy Iwan Pryce, Travel Editor")
    assert article.outlet == "The Tarnmouth Observer"
    assert article.text.splitlines()[:3] == ["4 March 2026", "By Iwan Pryce, Travel Editor",
                                             STORY.splitlines()[0]]
    capitals = _file("THE TARNMOUTH LANTERN\nNews | Arts | Books | Obituaries\n\nGull Island "
                     "ferry to stop running in March\nBy Iwan Pryce")
    assert capitals.outlet == "The Tarnmouth Lantern"
    assert capitals.text.splitlines()[0] == "By Iwan Pryce"


@pytest.mark.parametrize(("byline", "author"), [
    ("By Iwan Pryce, Companies Reporter | Published 4 March 2026", "Iwan Pryce"),
    ("By Iwan Pryce at Tarnmouth Quay", "Iwan Pryce"),
    ("By Anwen Cole and Rafael Moreno, Staff Reporters", "Anwen Cole and Rafael Moreno"),
])
def test_a_bylines_role_date_place_and_second_reporter(byline: str, author: str) -> None:
    assert _file(f"Gull Island ferry to stop running in March\n{byline}").author == author


def test_a_record_opening_with_two_reporters_names_both() -> None:
    """A record's text (its title given apart) that opens with "By A and B" names both, as a
    page's byline under its headline does: the rule that left it unread was there only to keep
    three eval records as they were first read."""
    [article] = clean_document(RawDocument(text=f"By Anwen Cole and Rafael Moreno\n{STORY}",
                                           source="r", source_key="r", title="Ferry to stop"))
    assert article.author == "Anwen Cole and Rafael Moreno"


@pytest.mark.parametrize("headline", [
    "Weekly Bin Collections Axed", "Post Office Counter Closes", "Times Tables Test Scrapped",
    "Daily Ferry Service Axed", "Weekly Roundup"])
@pytest.mark.parametrize("standfirst", ["", "Islanders say the crossing is a lifeline\n"])
def test_a_headline_holding_a_papers_word_is_no_masthead(headline: str, standfirst: str
                                                         ) -> None:
    """A paper's word opening a headline in title case, above its date line, a standfirst and
    its byline, is the headline's: it is the title, no outlet."""
    article = _file(f"{headline}\n4 March 2026\n{standfirst}By Iwan Pryce")
    assert (article.title, article.outlet) == (headline, None)


def test_a_headline_ending_in_a_papers_word_above_its_date_and_byline_is_no_masthead() -> None:
    """A paper's name is above the date line, then the headline, then the byline."""
    article = _file("Minister Quits Post\n4 March 2026\nBy Iwan Pryce")
    assert (article.title, article.outlet) == ("Minister Quits Post", None)


def test_a_column_and_its_section_are_no_masthead() -> None:
    article = _file("Gull Island ferry to stop running in March\n\nWeekly Roundup - Transport\n"
                    "4 March 2026\nBy Iwan Pryce")
    assert article.outlet is None
    assert "Weekly Roundup - Transport" in article.text.splitlines()


@pytest.mark.parametrize(("name", "paper"), [
    ("Northern Daily Record", True), ("Eastfield Sports Daily", True),
    ("Arts Desk Weekly", True), ("The Lowland Observer", True),
    ("Porthaven Evening Post", True), ("Carrow Valley Herald", True),
    ("Weekly Bin Collections Axed", False), ("Post Office Counter Closes", False),
    ("Times Tables Test Scrapped", False), ("Daily Ferry Service Axed", False),
    ("Weekly Roundup", False), ("Daily Updates", False),
])
def test_what_names_a_paper(name: str, paper: bool) -> None:
    from index.papernames import names_paper

    assert names_paper(name) is paper


# A short headline in title case ending in a paper's word, with a standfirst before its
# byline, was read as the masthead: the standfirst became the title, and above a date line
# the headline became the outlet and left the text.
STANDFIRST = "Islanders say the crossing is a lifeline they cannot do without"


@pytest.mark.parametrize("headline", [
    "Readers Save The Chronicle", "Minister Quits Post", "Ferry Firm Buys Courier"])
@pytest.mark.parametrize("layout", [
    "{h}\n\n{s}\n\nBy Iwan Pryce\n\n4 March 2026", "{h}\n\n4 March 2026\n\n{s}\n\nBy Iwan Pryce"])
@pytest.mark.parametrize("source", ["p.txt", "p.md"])
def test_a_headline_ending_in_a_papers_word_above_its_standfirst_is_no_masthead(
        headline: str, layout: str, source: str) -> None:
    marked = f"# {headline}" if source.endswith(".md") else headline
    article = _file(layout.format(h=marked, s=STANDFIRST), source)
    assert (article.title, article.outlet) == (headline, None)
    assert STANDFIRST in article.text.splitlines()


@pytest.mark.parametrize("label", ["Politics", "Home | News | Sport"])
def test_a_headline_under_a_section_or_menu_is_no_outlet(label: str) -> None:
    for head in ("Residents Rally Behind Local Times\nBy Iwan Pryce",
                 f"Minister Quits Post\n4 March 2026\n{STANDFIRST}\nBy Iwan Pryce"):
        article = _file(f"{label}\n{head}")
        assert (article.title, article.outlet) == (head.split("\n")[0], None)


@pytest.mark.parametrize(("head", "outlet"), [
    ("THE WESTMERE CHRONICLE\n4 March 2026", "The Westmere Chronicle"),
    ("Harlow Evening Post | News", "Harlow Evening Post"),
    ("The Westmere Chronicle\nWednesday 4 March 2026", "The Westmere Chronicle"),
    ("Westmere Chronicle\nHome | News | Sport", "Westmere Chronicle"),
])
@pytest.mark.parametrize("headline", ["Gull Island ferry to stop running in March",
                                      "Ferry To Stop Running"])
def test_a_masthead_above_a_headline_is_still_the_outlet(head: str, outlet: str,
                                                         headline: str) -> None:
    """A title case headline under a masthead's date line was no headline ("Ferry To Stop
    Running": the masthead was the title)."""
    article = _file(f"{head}\n{headline}\nBy Iwan Pryce")
    assert (article.title, article.outlet) == (headline, outlet)


@pytest.mark.parametrize(("line", "headline"), [
    ("Readers Save The Chronicle", True), ("Minister Quits Post", True),
    ("Residents Rally Behind Local Times", True), ("Ferry To Stop Running", True),
    ("The Westmere Chronicle", False), ("Harlow Evening Post", False),
    ("Eastfield Sports Daily", False), ("The Voice of the Valley Herald", False),
    ("Carrow Valley Herald", False), ("THE NEWS AT TEN POST", False),
])
def test_what_reads_as_a_headline(line: str, headline: bool) -> None:
    from index.papernames import reads_as_headline

    assert reads_as_headline(line) is headline


# A new user's twelve pages: a ticker trailing off ("…engine fault...") read as the story's
# first sentence (the masthead was the title, the ticker and the headline stayed in the text),
# a headline under the masthead's date and byline, a masthead with its section above a
# Markdown heading taken for the title, "All" of "All rights reserved" in the outlet, and a
# section's kicker above the headline left as the first line.
HEADLINE = "Gull Island ferry to stop running in March"
TICKER = "Breaking: Ferry services suspended on the Kell estuary after engine fault..."


def _footed(head: str, foot: str = "", source: str = "p.txt") -> Article:
    text = f"{head}\n\n{STORY}\n\n{foot}"
    [article] = clean_document(RawDocument(text=markdown_text(text) if source.endswith(".md")
                                           else text, source=source, source_key=source))
    return article


@pytest.mark.parametrize("top", ["THE HARBOURSIDE TRIBUNE\nHome | News | Health | Sport",
                                 "THE HARBOURSIDE TRIBUNE", "Home | News | Health | Sport"])
def test_a_ticker_trailing_off_is_no_sentence_of_the_story(top: str) -> None:
    article = _footed(f"{top}\n{TICKER}\n\n{HEADLINE}\n\nBy Priya "
                      "Venkataraman, Health Correspondent\nPublished 14 January 2026",
                      "© 2026 Harbourside Tribune. All rights reserved.")
    outlet = "The Harbourside Tribune" if "TRIBUNE" in top else "Harbourside Tribune"
    assert (article.title, article.outlet, article.published, article.author) == (
        HEADLINE, outlet, "2026-01-14", "Priya Venkataraman")
    assert TICKER not in article.text and HEADLINE not in article.text


@pytest.mark.parametrize(("head", "author"), [
    ("The Western Echo\nWorld | Europe | Diplomacy\n24 February 2026 | By Nikolai Petrov in "
     "Lisvik", "Nikolai Petrov"),
    ("THE WESTERN ECHO\nTuesday 24 February 2026", None),
])
def test_a_headline_under_the_mastheads_date_line(head: str, author: str | None) -> None:
    article = _footed(f"{head}\n\n{HEADLINE}")
    assert (article.title, article.published, article.author) == (HEADLINE, "2026-02-24", author)
    assert HEADLINE not in article.text and "Western Echo" not in article.text


@pytest.mark.parametrize(("head", "foot", "outlet"), [
    # the masthead says "The", the foot leaves it out: the masthead's name, as the others are
    ("The Lowland Observer - Planning\n\n", "Lowland Observer © 2026", "The Lowland Observer"),
    ("", "Lowland Observer © 2026", "Lowland Observer"),
    ("", "© 2026 Harbourside Tribune. All rights reserved.", "Harbourside Tribune"),
    ("", "Copyright 2026 U.S. News Service. All rights reserved.", "U.S. News Service"),
])
def test_a_masthead_with_its_section_and_the_outlet_at_the_foot(head: str, foot: str,
                                                               outlet: str) -> None:
    article = _footed(f"{head}# {HEADLINE}\n\n**By Callum Strachan | 12 February 2026**", foot,
                      source="p.md")
    assert (article.title, article.outlet, article.published, article.author) == (
        HEADLINE, outlet, "2026-02-12", "Callum Strachan")


@pytest.mark.parametrize("kicker", ["Environment",
                                    # the path of sections to it (a tester's appeal)
                                    "News / Crime & Courts", "Sport › Rugby Union"])
def test_a_kicker_above_the_headline_is_no_line_of_the_story(kicker: str) -> None:
    """A subheading of the story ("Key Facts") stays."""
    article = _footed(f"{kicker}\n{HEADLINE}\nBy Ciaran Doherty\n\nKey Facts")
    assert article.title == HEADLINE
    assert article.text.split("\n")[:2] == ["By Ciaran Doherty", "Key Facts"]


@pytest.mark.parametrize("kicker", ["Environment", "Crime &amp; Courts", "Storm Ilse"])
def test_an_html_pages_kicker_is_no_line_of_the_story(tmp_path: Path, kicker: str) -> None:
    paragraphs = STORY.replace("\n", "</p><p>")
    (tmp_path / "p.html").write_text(
        f"<html><head><title>{HEADLINE}</title></head><body><article><p class='kicker'>"
        f"{kicker}</p><h1>{HEADLINE}</h1><p>{paragraphs}</p></article></body></html>")
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    assert (article.title, article.text) == (HEADLINE, STORY)


@pytest.mark.parametrize("foot", ["Copyright Carrick & District Evening Post 2026",
                                  "© 2026 Carrick & District Evening Post. All rights reserved.",
                                  ""])
def test_a_papers_name_with_an_ampersand_above_the_headline_is_the_masthead(foot: str) -> None:
    """A tester's storm page: "Carrick & District Evening Post" above the headline and its
    byline was the title (five words with the "&", too many for a name), and the copyright
    line at its foot named "Carrick" as the outlet (the "&" ended the name)."""
    article = _footed(f"Carrick & District Evening Post\n\n{HEADLINE}\n\nBy Fergal Mooney\n"
                      "Updated 21 November 2026 19:40", foot)
    assert (article.title, article.outlet, article.published, article.author) == (
        HEADLINE, "Carrick & District Evening Post", "2026-11-21", "Fergal Mooney")
    assert "Carrick & District Evening Post" not in article.text.splitlines()


def test_a_headline_above_its_standfirst_and_byline_is_no_masthead() -> None:
    """Only a paper's name, no headline in title case, is taken for a masthead above a
    headline."""
    article = _footed("Rail Union Saves Local Post\n\nStaff and readers raise the money in a "
                      "week\n\nBy Fergal Mooney")
    assert article.title == "Rail Union Saves Local Post" and article.outlet is None


@pytest.mark.parametrize(("byline", "date", "author"), [
    ("Rafael Quintero-Mills, Legal Affairs Correspondent", "Published: Thursday 4 March 2026",
     "Rafael Quintero-Mills"),
    ("Benedikt Sørlie, Tarnmouth Quay", "4 March 2026", "Benedikt Sørlie"),
    # the place filed from after the role (a tester's golf page), but after no role
    ("Siobhan Kilgallen, Golf Correspondent, at Ballyvara Links", "", "Siobhan Kilgallen"),
    ("Anna Berg, Tom Roe, at Ballyvara Links", "4 March 2026", None),
    # Two names, no date beside them: no place a reporter filed from, nor a byline read.
    ("Anna Berg, Tom Roe", "", None),
])
def test_a_byline_without_by_under_the_headline(byline: str, date: str,
                                                author: str | None) -> None:
    """A tester's appeal ruling and tennis final had no author: "Rafael Quintero-Mills, Legal
    Affairs Correspondent" and "Benedikt Sørlie, Kestrel Bay" have no "By". The byline stays
    in the text, as one with its "By" does."""
    article = _file(f"Gull Island ferry to stop running in March\n{byline}\n{date}")
    assert (article.title, article.author) == (
        "Gull Island ferry to stop running in March", author)
    assert byline in article.text.splitlines()


@pytest.mark.parametrize(("masthead", "byline", "outlet"), [
    ("Campus Weekly", "By Lorcan Whitfield\nWednesday 4 March 2026", "Campus Weekly"),
    ("Northern Bulletin", "Rafael Quintero-Mills, Legal Affairs Correspondent\nPublished: "
     "Thursday 4 March 2026", "Northern Bulletin"),
    ("SPORTS WIRE — Tennis", "Benedikt Sørlie, Tarnmouth Quay\n4 March 2026", "Sports Wire"),
])
def test_an_outlets_name_above_the_headline_is_the_outlet(masthead: str, byline: str,
                                                          outlet: str) -> None:
    """A tester's three text pages opened with their outlet's name, a section beside one,
    above the headline: it was their title, with no outlet, and the headline was quoted as an
    answer."""
    article = _file(f"{masthead}\nGull Island ferry to stop running in March\n{byline}")
    assert (article.title, article.outlet) == ("Gull Island ferry to stop running in March",
                                               outlet)
    lines = article.text.splitlines()
    assert masthead not in lines and article.title not in lines
    assert lines[0] == byline.splitlines()[0]  # the byline stays


def test_a_masthead_over_its_section_and_date_and_a_byline_without_by_is_the_outlet() -> None:
    """A tester's golf page: "LEINSTER EVENING HERALD", its sections and the date set to the
    right under it, then the headline and "Siobhan Kilgallen, Golf Correspondent, at
    Ballyvara Links": no outlet, no author, and the byline was quoted as an answer."""
    article = _file("LEINSTER EVENING HERALD\nSPORT > GOLF                Monday, 14 September "
                    "2026\n\nGull Island ferry to stop running in March\n\nSiobhan Kilgallen, "
                    "Golf Correspondent, at Ballyvara Links")
    assert (article.title, article.outlet, article.author, article.published) == (
        "Gull Island ferry to stop running in March", "Leinster Evening Herald",
        "Siobhan Kilgallen", "2026-09-14")
    assert "LEINSTER EVENING HERALD" not in article.text.splitlines()


@pytest.mark.parametrize(("byline", "outlet", "author"), [
    ("Dilys Brangwyn\nReporter", "North Devon & Exmoor Journal", "Dilys Brangwyn"),
    ("Dilys Brangwyn\nHealth Correspondent", "North Devon & Exmoor Journal", "Dilys Brangwyn"),
    # a name over no role is no byline (a place, a caption's word), and says no masthead
    ("Dilys Brangwyn\nBarnstaple", None, None),
])
def test_a_name_over_its_role_is_a_byline_under_a_masthead(byline: str, outlet: str | None,
                                                          author: str | None) -> None:
    """A tester's Word file: its masthead alone in its first paragraph, "News | Barnstaple |
    19 May 2026" in the second, then the headline, "Dilys Brangwyn" and "Reporter": no
    outlet, and the masthead a line of the story."""
    article = _file("NORTH DEVON & EXMOOR JOURNAL\nNews | Barnstaple | 19 May 2026\nGull Island "
                    f"ferry to stop running in March\n{byline}")
    assert (article.title, article.outlet, article.author, article.published) == (
        "Gull Island ferry to stop running in March", outlet, author, "2026-05-19")


def test_a_mastheads_line_with_its_section_and_date_between_dashes_dates_the_page() -> None:
    """A tester's Markdown page had its outlet from "**Yorkshire Dales Observer** — Pets &
    Country — *Tuesday 21 April 2026*", but no date, and its answers cited none."""
    article = _file("# Gull Island ferry to stop running in March\n\n**Yorkshire Dales "
                    "Observer** — Pets & Country — *Tuesday 21 April 2026*\n\nBy **Ann Lee**",
                    source="p.md")
    assert (article.outlet, article.published, article.author) == (
        "Yorkshire Dales Observer", "2026-04-21", "Ann Lee")


@pytest.mark.parametrize("head", [
    "Health News\nGull Island ferry to stop running in March\nBy Iwan Pryce",  # a section's
    "Minister Quits Post\nGull Island ferry to stop running in March\nBy Iwan Pryce",
    "Campus Weekly\nGull Island ferry to stop running in March.\nBy Iwan Pryce",  # a sentence
])
def test_a_short_headline_or_a_section_above_a_line_is_no_outlet(head: str) -> None:
    assert _file(head).outlet is None
