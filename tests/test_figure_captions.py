"""A <figcaption>, and a table's <caption>, is a caption whatever it says
(`index.formats.html.figure_captions`, `Article.captions`): a tester's rail strike page had
"Passengers at Waterloo during the last strike in October 2025" ranked as the story's own
sentence, since its words say nothing of a photo."""

from __future__ import annotations

from pathlib import Path

from index.captions import caption_spans
from index.cleaning import clean_document
from index.loading import load_paths
from index.records import article_from, article_metadata
from index.types import Article

CAPTION = "Passengers at Waterloo during the last strike in October 2025"
PAGE = f"""<html><head><title>Train drivers to strike on 19 and 20 February</title></head>
<body><article><h1>Train drivers to strike on 19 and 20 February</h1>
<p>By Tobias Quennell</p>
<p>Train drivers at Southern Shires Railway will walk out for two days this month in a dispute
over pay, the operator's passengers have been warned.</p>
<p>Members of the drivers' union will strike on Thursday 19 and Friday 20 February, and will
refuse to work overtime from 16 to 28 February.</p>
<figure><img src="/img/waterloo.jpg"><figcaption>{CAPTION}</figcaption></figure>
<p>Southern Shires said it expected to run about 40% of its normal timetable on the strike
days, with the last trains leaving London Waterloo at about 7pm.</p>
<p>The company advised passengers to work from home if they could, and said replacement buses
would run between Kestwick and Alford Junction.</p>
</article></body></html>"""


def _article(tmp_path: Path, html: str = PAGE) -> Article:
    (tmp_path / "strike.html").write_text(html)
    [article] = [a for d in load_paths([tmp_path]).documents for a in clean_document(d)]
    return article


def test_a_figcaption_is_marked_a_caption_whatever_its_words(tmp_path: Path) -> None:
    article = _article(tmp_path)
    marked = [article.text[a:b] for a, b in caption_spans(article.text, article.captions)]
    read = [article.text[a:b] for a, b in caption_spans(article.text)]
    assert CAPTION in marked and CAPTION not in read  # its words alone do not say so
    assert CAPTION in article.text.splitlines()  # kept, as the page has it


def test_a_pages_marked_captions_are_stored_with_it(tmp_path: Path) -> None:
    article = _article(tmp_path)
    stored = article_from(article.id, article_metadata(article, 1), article.text)
    assert stored.captions == article.captions != ()


def test_a_page_without_figures_marks_nothing_and_keeps_its_id(tmp_path: Path) -> None:
    """An article id counts its marked captions only where it has any: other pages' ids, and
    their places in a store, are as they were."""
    plain = _article(tmp_path, PAGE.replace(f"<figcaption>{CAPTION}</figcaption>", ""))
    assert plain.captions == ()
    assert _article(tmp_path).id != plain.id


def test_a_tables_caption_is_marked_a_caption(tmp_path: Path) -> None:
    """A tester's results page had its table's <caption>, "Pennant Outdoor: quarterly
    results", quoted for why profits fell and what the third quarter's revenue was."""
    table = ("<table><caption>Pennant Outdoor: quarterly results</caption><thead><tr>"
             "<th>Quarter</th><th>Revenue</th></tr></thead><tbody><tr><td>Q3</td><td>£318m</td>"
             "</tr><tr><td>Q2</td><td>£281m</td></tr></tbody></table>")
    article = _article(tmp_path, PAGE.replace("<figure>", f"{table}<figure>"))
    marked = [article.text[a:b] for a, b in caption_spans(article.text, article.captions)]
    assert "Pennant Outdoor: quarterly results" in marked
    assert "Quarter: Q3 | Revenue: £318m" in article.text.splitlines()  # its rows the story's
    assert "Quarter: Q3 | Revenue: £318m" not in marked
