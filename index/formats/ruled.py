"""A page's second story ruled off from its first: an <hr>, then the second story's own
heading and paragraphs, in the same <article> or body (a tester's lifeboat rescue had a
cinema's reopening so under it, which trafilatura read as the rescue's last paragraphs, and
its answers were cited under the rescue's headline). `html.story_pages` makes each story a
page of its own, as it does with stories in <article>s or <div>s of their own.

A story's own sections may be ruled off too ("<hr><h2>What happens next</h2>"): a story is
cut only where its heading reads as a headline, its own byline or date line is under it, and
what follows it names almost none of the names and figures of what comes before
(`stories.salient_terms`)."""

from __future__ import annotations

import copy
from typing import Any

from ..dates import find_date_line
from ..line_kinds import is_title_line
from ..pagehead import is_byline
from ..stories import salient_terms
from .common import squeeze

__all__ = ["ruled_stories"]

_HEADINGS = ("h2", "h3")
_HEADLINE_WORDS = 4  # fewer is a section's heading ("What is affected", "Background")
_STORY_WORDS = 30  # a story's words at least (`html.MIN_ARTICLE_WORDS`)
# At most this share of the shorter part's names and figures in the other's: a section of
# one story names its people and figures again; two stories of one page share a weekday.
_SHARED = 0.3
_NOT_STORIES = frozenset({"aside", "nav", "header", "footer"})


def ruled_stories(root: Any) -> list[Any]:
    """The page's body without the stories ruled off under its first, then each of those as
    an <article> of its own; none where no story is ruled off. The page's tree is left as it
    is (its body is copied)."""
    body = root.find("body")
    if body is None or next(body.iter("hr"), None) is None:  # most pages: not copied
        return []
    body = copy.deepcopy(body)
    for hr in list(body.iter("hr")):
        parent = hr.getparent()
        if parent is None or any(a.tag in _NOT_STORIES for a in (parent, *parent.iterancestors())):
            continue
        cuts = _cuts(list(parent))
        if cuts:
            return [_renamed(body), *_cut_off(parent, cuts)]
    return []


def _cuts(children: list[Any]) -> list[int]:
    """The indices of the <hr>s among `children` each starting a story (`_a_story`) unrelated
    to the first, which they all follow."""
    rules = [n for n, el in enumerate(children) if el.tag == "hr"]
    first = children[:rules[0]] if rules else []
    if not rules or not _a_story(first):
        return []
    ends = [*rules[1:], len(children)]
    return [n for n, end in zip(rules, ends, strict=True)
            if _headed(children[n + 1:end]) and _a_story(children[n + 1:end])
            and _unrelated(first, children[n + 1:end])]


def _headed(part: list[Any]) -> bool:
    """Opens with a heading that reads as a headline, no byline or section's name, and its own
    byline or date line among the three blocks under it, as a story in a <div> of its own has
    (`html._a_div_story`): an explainer's section, a feature's "Part Two", a live page's
    update, its author's biography or a box of links have none."""
    if not part or part[0].tag not in _HEADINGS:
        return False
    heading = squeeze(part[0].text_content())
    under = [squeeze(el.text_content()) for el in part[1:4]]
    return (len(heading.split()) >= _HEADLINE_WORDS and is_title_line(heading)
            and not is_byline(heading)
            and any(is_byline(line) or find_date_line(line, alone=True) for line in under))


def _a_story(part: list[Any]) -> bool:
    """Two paragraphs at least, and a story's words."""
    paragraphs = sum(1 for el in part for p in el.iter("p"))
    return paragraphs >= 2 and len(_words(part).split()) >= _STORY_WORDS


def _words(part: list[Any]) -> str:
    return " ".join(el.text_content() for el in part)


def _unrelated(first: list[Any], later: list[Any]) -> bool:
    a, b = salient_terms(_words(first)), salient_terms(_words(later))
    return bool(a and b) and len(a & b) <= _SHARED * min(len(a), len(b))


def _cut_off(parent: Any, cuts: list[int]) -> list[Any]:
    """Each ruled-off story as an <article> of its own, taken out of `parent` with its rule."""
    import lxml.html

    children = list(parent)
    stories = []
    for n, end in zip(cuts, [*cuts[1:], len(children)], strict=True):
        # Up to the next story's rule: a rule starting no story is a line within this one
        story = lxml.html.Element("article")
        story.extend(children[n + 1:end])  # moved, not copied: they leave `parent`
        parent.remove(children[n])
        stories.append(story)
    return stories


def _renamed(body: Any) -> Any:
    """The body, as a <div>: a page is made of it and its head (`html.story_pages`)."""
    body.tag = "div"
    return body
