"""A review's counter-examples to a byline without its "By", a masthead's date and a front
matter's author (ingest41): pages that must read as they did before those rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_document
from index.loading import load_paths
from index.types import Article


def _page(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (article,) = [a for d in load_paths([path]).documents for a in clean_document(d)]
    return article


_PROFILE = ("Meet the woman behind the Lyric's record season\n"
            "Ciara Walsh, Executive Producer, at Lyric Theatre\n"
            "Ciara Walsh has spent ten years at the Lyric, and this season sold more tickets "
            "than any before it, she told the Belfast Evening Post.\n"
            "She said the theatre would announce its spring programme next month.\n")
_CRITIC = ("BELFAST EVENING POST\nArts | Tuesday 4 March 2026\n"
           "Film festival opens with a Belfast premiere\n"
           "Mark Kermode, Film Critic, at Queen's Film Theatre\n"
           "The Belfast Film Festival opened on Monday night with the premiere of a documentary "
           "about the city's shipyards.\n"
           "More than 400 people attended the screening, the organisers said.\n")


@pytest.mark.parametrize("text", [_PROFILE, _CRITIC])
def test_a_name_role_and_place_of_a_subject_or_critic_is_no_byline(tmp_path: Path,
                                                                   text: str) -> None:
    """A profile's subject, named again as the story opens, and a critic's caption line were
    read as the page's author."""
    article = _page(tmp_path, "page.txt", text)
    assert article.author is None
    assert text.splitlines()[-3] in article.text.splitlines()


_OBITUARY = ("Obituary: veteran of the Belfast newsroom\nMargaret Hale\nJournalist\n"
             "Born 3 March 1940; died 12 May 2026\n"
             "Margaret Hale, who has died aged 86, spent four decades at the Belfast Evening "
             "Post, where she covered the Troubles.\n")
_TRIBUTE = ("Tributes paid to former sports editor\nGerry Dunne\nSports Editor\n"
            "Gerry Dunne, who has died at the age of 79, edited the paper's sports pages for 22 "
            "years.\n")
_QA = ("Five minutes with the paper's new editor\nRuth Evans\nEditor\n"
       "Ruth Evans took up the post on Monday after eight years at the paper in Glasgow.\n")
_PRODUCER = ("Radio play wins top award\nJane Smith\nProducer\n"
             "The radio drama, recorded in a single day in Derry, won the gold award on "
             "Thursday.\n")
_AWARDS = ("Reporter of the year named\n"
           "The winners of the Northern Ireland press awards were announced on Friday.\n"
           "Ann Lee\nYoung Journalist\nTom Roe\nSports Writer\n"
           "The judges praised the standard of entries.\n")


@pytest.mark.parametrize("text", [_OBITUARY, _TRIBUTE, _QA, _PRODUCER, _AWARDS])
def test_a_name_over_a_role_of_a_subject_is_no_byline(tmp_path: Path, text: str) -> None:
    """An obituary's, a tribute's, a Q&A's or an award's name over a role is its subject."""
    assert _page(tmp_path, "page.txt", text).author is None


@pytest.mark.parametrize("head", [
    "**Belfast Evening Post** — From the Archive — *Friday 14 March 1986*",
    "Yorkshire Dales Observer — Almanac — Wednesday 21 April 1926",
    "Leinster Evening Herald — Rugby Fixtures — Saturday 3 October 2026",
    "Harbour Town Gazette — What's On — Saturday 6 June 2026",
])
def test_a_masthead_beside_a_section_dated_by_its_content_dates_no_page(
        tmp_path: Path, head: str) -> None:
    """An archive's, an almanac's, fixtures' or listings' date is their content's."""
    text = (f"# Boat festival returns to the harbour\n\n{head}\n\nBy Ann Lee\n\n"
            "The boat festival will return to the harbour this summer after a two-year break, "
            "organisers said this week.\n\nMore than 60 boats are expected to take part.\n")
    assert _page(tmp_path, "page.md", text).published is None


@pytest.mark.parametrize("author", [
    "Jane Smith, May Bulman", "Tom Roe, April Jones", "Jane Smith, Mary Read", "Jones, April",
    "Smith, John, Environment Correspondent"])
def test_a_front_matters_names_stay_as_given(tmp_path: Path, author: str) -> None:
    """A month's, a day's name or "Read" in a name is no role: a co-author was dropped, and
    "Surname, Given" cut to the surname."""
    text = (f'---\ntitle: Water firm fined over River Wharfe spill\nauthor: "{author}"\n---\n\n'
            "The water firm was fined £4.2 million on Tuesday after sewage was pumped into the "
            "River Wharfe.\n")
    assert _page(tmp_path, "page.md", text).author == author
