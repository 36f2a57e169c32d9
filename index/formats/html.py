"""Article text and metadata from an HTML page (trafilatura), and text from an HTML fragment
such as a feed entry's content (lxml, which trafilatura brings)."""

from __future__ import annotations

import re
from typing import Any

from ..dates import find_date_line
from ..pagehead import SITE, is_byline
from .common import squeeze
from .lead import with_lead
from .ruled import ruled_stories
from .sitename import site_name
from .tables import tables_as_rows

__all__ = ["MIN_ARTICLE_WORDS", "extract_html", "figure_captions", "fragment_text", "story_pages",
           "story_text"]

# Fewer words than this on a fetched web page is a stub, a menu, an index page or a notice
# ("enable JavaScript…"), not an article (what trafilatura finds on a page of links is the
# links: "Home"). A saved page the user chose is refused only if it also holds no sentence
# (`loading`): a brief of one sentence is an article.
MIN_ARTICLE_WORDS = 30

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th",
           "figcaption", "dd", "dt")


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """trafilatura's main text and metadata: text, title, sitename, date, url (canonical),
    author; an empty dict when it finds no article."""
    import trafilatura  # deferred: heavy import, only needed for HTML

    extracted = trafilatura.bare_extraction(_times_kept(_figures_opened(tables_as_rows(html))),
                                            url=url, with_metadata=True,
                                            include_comments=False)
    if extracted is None:
        return {}
    doc = dict(extracted) if isinstance(extracted, dict) else extracted.as_dict()
    doc["text"] = with_lead(html, doc.get("title"), (doc.get("text") or "").strip())
    # trafilatura names the site from its meta tags, or from an address (a <title>'s part,
    # "… | herald.com", or the canonical URL's host): a paper's name printed on the page is
    # ours to read, and where it prints one, it is the outlet rather than the address.
    named = doc.get("sitename")
    headline = _headline_named(named, doc.get("title"))
    if not named or SITE.fullmatch(named) or headline:
        doc["sitename"] = site_name(html, doc.get("title")) or (None if headline else named)
    return doc


def _headline_named(named: str | None, headline: str | None) -> bool:
    """Is the site's name trafilatura gives the headline, or the <title> it opens ("Headline
    - Markets" of "Headline - Markets - Meridian Business Review")? No outlet is."""
    if not (named and headline):
        return False
    return " ".join(named.split()).casefold().startswith(" ".join(headline.split()).casefold())


def story_pages(html: str) -> list[str]:
    """The page once for each story it carries in an <article> of its own with its own heading
    (a second, unrelated story under the first: trafilatura reads the first alone), or else in
    a <div> or <section> of its own with its own heading and byline (`_div_stories`), each as
    the page with that story alone in its body, or ruled off under the first by an <hr>, its
    own headline and its byline or date line (`ruled.ruled_stories`: the first story's page is
    then the page without the others); else the page itself. A story after the first loses
    the page's <title> and its author's meta tags, which are the first story's."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return [html]
    stories = _stories(root)
    if not stories:
        return [html]
    head = root.find("head")
    pages = []
    for n, story in enumerate(stories):
        if head is not None and n == 1:
            for first in head.xpath("title|meta"):
                if first.tag == "title" or _FIRST_STORYS.fullmatch(
                        first.get("property") or first.get("name") or ""):
                    head.remove(first)
        kept = lxml.html.tostring(head, encoding="unicode") if head is not None else ""
        body = lxml.html.tostring(story, encoding="unicode")
        pages.append(f"<html>{kept}<body>{body}</body></html>")
    return pages


def _stories(root: Any) -> list[Any]:
    """The page's stories (`story_pages`), none where it carries one."""
    body = root.find("body")
    words = len((body if body is not None else root).text_content().split())
    # Teasers in a sidebar are <article>s too: the page is split only where its stories hold
    # most of its words.
    found_in = ([a for a in root.iter("article") if _a_story(a)], _div_stories(root))
    return next((found for found in found_in if len(found) >= 2
                 and 2 * sum(len(a.text_content().split()) for a in found) >= words),
                None) or ruled_stories(root)


def _div_stories(root: Any) -> list[Any]:
    """Stories side by side in <div>s or <section>s of one parent, where a page has no
    <article>s: a tester's police appeal had a repair café's story in a second <div
    class="story"> under it, which trafilatura left out. Each opens with its own heading and,
    right under it, its own byline or date line: a story's sections ("<h2>Background</h2>")
    have neither."""
    if next(root.iter("article"), None) is not None:
        return []
    for parent in root.iter("body", "div", "section", "main"):
        stories = [c for c in parent if c.tag in ("div", "section") and _a_div_story(c)]
        if len(stories) >= 2:
            return stories
    return []


def _a_div_story(el: Any) -> bool:
    """A heading among the element's first lines, a byline or a date line among the three
    under it, two paragraphs and an article's words, and not in a menu or a footer."""
    if any(a.tag in _NOT_STORIES for a in el.iterancestors()) or len(
            el.findall(".//p")) < 2 or len(el.text_content().split()) < MIN_ARTICLE_WORDS:
        return False
    lines = _block_lines(el)
    heading = next(el.iter("h1", "h2", "h3"), None)
    at = squeeze(heading.text_content()) if heading is not None else None
    if at not in lines[:3]:
        return False
    under = lines[lines.index(at) + 1:lines.index(at) + 4]
    return any(is_byline(line) or find_date_line(line, alone=True) for line in under)


# The meta tags of a page's head that name its first story and who wrote it ("og:title",
# "author", "article:author", "dc.creator", "byl"), not a second story's.
_FIRST_STORYS = re.compile(r"(?:og:)?title|.*(?:author|creator).*|byl", re.I)
_NOT_STORIES = frozenset({"article", "aside", "nav", "header", "footer"})


def _a_story(article: Any) -> bool:
    """An outermost <article> with a heading and an article's words, not in a sidebar, a menu,
    a header or a footer."""
    return (not any(a.tag in _NOT_STORIES for a in article.iterancestors())
            and next(article.iter("h1", "h2", "h3"), None) is not None
            and len(article.text_content().split()) >= MIN_ARTICLE_WORDS)


# trafilatura drops a <figure> with its caption, and an element whose class or id says
# "caption" (`<div class="photo"><p class="caption">`, WordPress's "wp-caption"), and what a
# caption says ("Residents are rescued by boat on Mill Street…") is news the story may not
# repeat. As a block and a paragraph, its class renamed, it is kept, and `index.captions`
# marks it where it reads as one.
_FIGURE_TAG = re.compile(r"<(/?)(figure|figcaption)\b", re.I)
_CAPTION_TAG = re.compile(r"<[a-z][^<>]*caption[^<>]*>", re.I)
_CAPTION_NAME = re.compile(r"""\s(?:class|id)\s*=\s*(["'])[^"'<>]*?caption[^"'<>]*\1""", re.I)


def figure_captions(html: str) -> frozenset[str]:
    """The words of each <figcaption> and each table's <caption> of the page, its blanks
    squeezed: a caption by its markup, whatever it says (a tester's "Passengers at Waterloo
    during the last strike in October 2025" was read as the story's sentence, and another's
    table's "Pennant Outdoor: quarterly results" quoted for why profits fell)."""
    import lxml.html

    if "caption" not in html.lower():
        return frozenset()
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return frozenset()
    return frozenset(t for el in root.iter("figcaption", "caption")
                     if (t := squeeze(el.text_content())))


def _figures_opened(html: str) -> str:
    def renamed(m: re.Match[str]) -> str:
        return f"<{m.group(1)}{'div' if m.group(2).casefold() == 'figure' else 'p'}"

    def unnamed(tag: re.Match[str]) -> str:
        return _CAPTION_NAME.sub(lambda m: re.sub("caption", "legend", m.group(), flags=re.I),
                                 tag.group())

    return _CAPTION_TAG.sub(unnamed, _FIGURE_TAG.sub(renamed, html))


# trafilatura deletes a <time> with its words, keeping what follows it, and an element its
# class names a "timestamp": a live blog's updates lost their times (`<p class="timestamp">
# <time>07:15</time></p>`: "When was the bridge closed?"), a sentence its day ("The vote is on
# <time>Tuesday</time>."). A <time>'s words written again after it stay, the element whole for
# the page's date (its "datetime"); a timestamp's class is renamed where it holds a <time>.
_TIME = re.compile(r"(<time\b[^<>]*>)(.*?)(</time\s*>)", re.I | re.S)
_STAMP_TAG = re.compile(r"<[a-z][^<>]*timestamp[^<>]*>(?=\s*<time\b)"
                        r"|<time\b[^<>]*timestamp[^<>]*>", re.I)


def _times_kept(html: str) -> str:
    html = _STAMP_TAG.sub(lambda m: re.sub("timestamp", "update-time", m.group(), flags=re.I),
                          html)
    return _TIME.sub(r"\1\2\3\2", html)


def story_text(html: str, headline: str | None = None) -> str:
    """The text of the page's first outermost <article>, else of its body from the `headline`
    on (a story in a <div>), one block a line, where a byline trafilatura leaves out is to be
    looked for: not the page's menus ("By Region")."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    story = next((a for a in root.iter("article") if _a_story(a)), None)
    if story is not None:
        return "\n".join(_block_lines(story))
    body = root.find("body")
    lines = _block_lines(body) if body is not None and headline else []
    at = next((n for n, line in enumerate(lines) if line == squeeze(headline or "")), None)
    return "" if at is None else "\n".join(lines[at:])


def _block_lines(root: Any) -> list[str]:
    """The text of each block, and of each <div> holding none: a byline is often a <div> or
    a <span> in one (`<div class="meta">By Tom Whitaker | Published …</div>`)."""
    def block(el: Any) -> bool:
        return el.tag in _BLOCKS or (el.tag == "div" and next(
            el.iterdescendants("div", *_BLOCKS), None) is None)

    blocks = [el for el in root.iter("div", *_BLOCKS) if block(el)
              and not any(a.tag in _BLOCKS for a in el.iterancestors())]
    return [t for el in blocks for t in map(squeeze, _div_parts(el)) if t]


def _div_parts(el: Any) -> list[str]:
    """A <div>'s elements each apart where nothing but blanks stands between them: a byline
    and a date beside it (`<span class="author">By Owain Treharne, Transport Reporter</span>
    <span class="date">24 February 2026</span>`) are no one line. Else its text whole ("By
    <a>Tom Whitaker</a>, Football Correspondent")."""
    children = [c for c in el if isinstance(c.tag, str)]
    apart = el.tag == "div" and children and not (el.text or "").strip() and all(
        not (c.tail or "").strip() for c in el)
    return [c.text_content() for c in children] if apart else [el.text_content()]


def fragment_text(html: str) -> str:
    """The paragraphs of an HTML fragment, one line each (a feed entry's full content)."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    blocks = [el for el in root.iter(*_BLOCKS) if not any(
        a.tag in _BLOCKS for a in el.iterancestors())]
    if not blocks:
        return squeeze(root.text_content())
    return "\n".join(t for t in (squeeze(el.text_content()) for el in blocks) if t)
