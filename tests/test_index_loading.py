"""Loading files into raw documents: every format, paths, dirs and globs, the benchmark corpus,
bad input.

No embedder and no Chroma are needed here: loading and cleaning are pure functions of the files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.cleaning import clean_document
from index.loading import SUPPORTED_SUFFIXES, LoadResult, decode_bytes, expand_paths, load_paths
from index.types import Article

from .conftest import REALTIMEQA, SAMPLES

ARTICLE = (
    "Flood waters rose across the Valencia region on Tuesday after the heaviest rainfall in "
    "decades, the regional government said.\n"
    "Emergency services rescued more than 200 people from cars and rooftops overnight.\n"
)

HTML = """<!DOCTYPE html><html><head><title>Flood waters rise in Valencia | The Daily Planet</title>
<meta name="author" content="Lena Fischbach">
<meta property="og:title" content="Flood waters rise in Valencia">
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2024-10-30T08:00:00Z">
<link rel="canonical" href="https://dailyplanet.example/valencia-floods">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Flood waters rise in Valencia</h1>
<p>Flood waters rose across the Valencia region on Tuesday after the heaviest rainfall in decades,
the regional government said.</p>
<p>Emergency services rescued more than 200 people from cars and rooftops overnight, and schools in
12 towns were closed.</p>
<p>The national weather agency said up to 300 litres of rain per square metre fell in some places
within eight hours.</p>
</article><footer>Share this article. Subscribe to our newsletter.</footer></body></html>
"""


def _articles(paths: list[Path | str]) -> tuple[LoadResult, list[Article]]:
    loaded = load_paths(paths)
    return loaded, [a for doc in loaded.documents for a in clean_document(doc)]


def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Valencia floods: hundreds rescued\n\n" + ARTICLE)
    loaded, arts = _articles([path])
    assert loaded.warnings == [] and loaded.files == 1
    assert [a.title for a in arts] == ["Valencia floods: hundreds rescued"]
    assert arts[0].source == str(path.resolve())
    assert arts[0].text == ARTICLE.strip()


def test_markdown_heading_is_the_title_and_never_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Valencia Floods Leave Hundreds Stranded\n\n" + ARTICLE)
    _, arts = _articles([path])
    assert [a.title for a in arts] == ["Valencia Floods Leave Hundreds Stranded"]
    assert "#" not in arts[0].text and arts[0].text == ARTICLE.strip()


def test_markdown_markup_is_not_the_articles_words(tmp_path: Path) -> None:
    """"**Tomas Lindqvist**" was stored, quoted and shown with its asterisks, and "Who is the
    head baker?" found no name in it."""
    path = tmp_path / "bakery.md"
    path.write_text("---\ntitle: Bakery wins bread prize\n---\n\n# Bakery wins bread prize\n\n"
                    "Head baker **Tomas Lindqvist** said the [recipe](https://x.example/r) was "
                    "his grandmother's.\n> \"We never expected to win,\" he said.\n\n"
                    "1. First prize\n2. A second oven\n")
    _, (art,) = _articles([path])
    assert art.text == ("Head baker Tomas Lindqvist said the recipe was his grandmother's.\n"
                        "\"We never expected to win,\" he said.\n1. First prize\n"
                        "2. A second oven")
    # An image's words and a block of raw HTML are the article's too.
    path.write_text("---\ntitle: River floods the valley\n---\n\n"
                    "<div>The mayor resigned on Monday.</div>\n\n"
                    "![Residents are rescued by boat](boat.jpg)\n\nThe river rose.\n")
    _, (art,) = _articles([path])
    assert art.text == ("The mayor resigned on Monday.\nResidents are rescued by boat\n"
                        "The river rose.")


def test_html_main_text_and_metadata_by_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML)
    loaded, arts = _articles([path])
    assert loaded.warnings == []
    (art,) = arts
    assert art.title == "Flood waters rise in Valencia"
    assert art.outlet == "The Daily Planet"
    assert art.published == "2024-10-30"
    assert art.url == "https://dailyplanet.example/valencia-floods"
    assert art.author == "Lena Fischbach"  # a saved page kept none (a fetched one did)
    assert "Emergency services rescued more than 200 people" in art.text
    assert "Home" not in art.text and "Subscribe" not in art.text


def test_a_figure_caption_stays_in_a_pages_text_marked_as_one(tmp_path: Path) -> None:
    """trafilatura drops <figure> with its caption, and a caption is news too ("rescued by boat
    on Mill Street"): kept as a line of its own, which `caption_spans` marks."""
    from index import caption_spans

    caption = "Residents are rescued by boat on Mill Street. Photo: Sara Quinn"
    figure = (f'<figure><img src="f.jpg" alt="Flooded street"><figcaption>{caption}'
              "</figcaption></figure>")
    (tmp_path / "page.html").write_text(HTML.replace("<p>", figure + "<p>", 1))
    _, (art,) = _articles([tmp_path])
    at = art.text.index(caption)
    assert (at, at + len(caption)) in caption_spans(art.text)
    assert "Emergency services rescued more than 200 people" in art.text


@pytest.mark.parametrize("photo", [
    '<div class="photo"><img src="f.jpg" alt=""><p class="caption">{}</p></div>',
    '<figure class="wp-caption"><img src="f.jpg" alt=""><figcaption class="wp-caption-text">'
    "{}</figcaption></figure>",
    '<div id="photo-caption">{}</div>',
])
def test_a_caption_named_by_its_class_stays_marked_as_one(tmp_path: Path, photo: str) -> None:
    """trafilatura drops an element whose class or id says "caption": four of the tester's
    pages lost theirs (`<p class="caption">` in `<div class="photo">`)."""
    from index import caption_spans

    caption = "Residents are rescued by boat on Mill Street. (Photo: Sara Quinn / Valley Herald)"
    (tmp_path / "page.html").write_text(HTML.replace("<p>", photo.format(caption) + "<p>", 1))
    _, (art,) = _articles([tmp_path])
    at = art.text.index(caption)
    assert (at, at + len(caption)) in caption_spans(art.text)
    assert art.text.count(caption) == 1 and "Emergency services rescued" in art.text


def test_a_link_to_nothing_is_named_and_a_files_many_warnings_are_counted(tmp_path: Path
                                                                          ) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "other.jsonl").write_text("".join(f'{{"n": {i}}}\n' for i in range(40)))
    loaded = load_paths([tmp_path])
    assert len(loaded.documents) == 1 and loaded.skipped == 41
    assert loaded.warnings[0] == (f"{tmp_path / 'gone.txt'}: a link to "
                                  f"{tmp_path / 'deleted.txt'}, which does not exist; skipped")
    mine = [w for w in loaded.warnings if "other.jsonl" in w]
    assert len(mine) == 6 and mine[-1].endswith("other.jsonl: 35 more warnings like these")


def test_a_page_of_links_is_no_article(tmp_path: Path) -> None:
    """trafilatura finds the links of a page that has nothing else: "Home" was an article."""
    (tmp_path / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "page.html").write_text(HTML)
    (tmp_path / "brief.html").write_text(  # a brief of one sentence is an article all the same
        "<html><head><title>Bridge opens</title></head><body><article><p>The new bridge over "
        "the river Tam opened on Monday, the minister said.</p></article></body></html>")
    loaded, arts = _articles([tmp_path])
    assert sorted(a.title for a in arts) == ["Bridge opens", "Flood waters rise in Valencia"]
    assert loaded.skipped == 1
    assert ("nav.html: no article found in this HTML page (only 1 word of text, and no "
            "sentence") in loaded.warnings[0]


def test_htm_suffix_too(tmp_path: Path) -> None:
    (tmp_path / "page.HTM").write_text(HTML)
    _, arts = _articles([tmp_path])
    assert [a.title for a in arts] == ["Flood waters rise in Valencia"]


def test_jsonl_records_with_every_field_name(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "r1", "title": "Valencia floods", "url": "https://x.example/1",
         "published": "2025/01/03", "source": "Planet", "author": "Lena Park", "text": ARTICLE},
        {"title": "Second story here", "date": "2024-11-05T10:00:00Z", "outlet": "Daily",
         "byline": "Tom Ode",
         "body": "Voters went to the polls across the country on Tuesday in large numbers."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    loaded, arts = _articles([path])
    assert loaded.warnings == []
    first, second = arts
    assert (first.title, first.doc_id, first.url, first.published, first.outlet) == (
        "Valencia floods", "r1", "https://x.example/1", "2025-01-03", "Planet")
    assert (first.author, second.author) == ("Lena Park", "Tom Ode")
    assert first.source == "https://x.example/1"
    assert first.source_key == f"{path.resolve()}#r1"
    assert first.text == ARTICLE.strip()
    assert (second.title, second.published, second.outlet, second.doc_id) == (
        "Second story here", "2024-11-05", "Daily", None)
    assert second.source_key == f"{path.resolve()}#2"  # no id: its line number
    assert second.text.startswith("Voters went to the polls")


def test_json_file_with_one_record_or_a_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"title": "Valencia floods", "text": ARTICLE}))
    (tmp_path / "many.json").write_text(json.dumps([
        {"id": "a", "title": "First title here", "text": ARTICLE},
        {"id": "b", "title": "Second title here", "body": "Another story, told in one line."},
    ]))
    (tmp_path / "feed.json").write_text(json.dumps({"feed": "x", "articles": [
        {"id": "c", "title": "Third title here", "text": "A third story, told in one line."}]}))
    loaded, arts = _articles([tmp_path])
    assert loaded.warnings == [] and loaded.files == 3
    assert sorted(a.title for a in arts) == [
        "First title here", "Second title here", "Third title here", "Valencia floods"]


def test_directories_are_recursive_and_globs_expand(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "top.txt").write_text("Top Story Headline Here\n" + ARTICLE)
    (tmp_path / "a" / "b" / "deep.md").write_text("Deep Story Headline Here\n" + ARTICLE)
    (tmp_path / "a" / "notes.xlsx").write_bytes(b"PK\x03\x04")  # unsupported: not picked from dirs
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("x " * 50)
    files, missing = expand_paths([tmp_path])
    assert missing == []
    assert [f.name for f in files] == ["deep.md", "top.txt"]
    files, _ = expand_paths([str(tmp_path / "**" / "*.md")])
    assert [f.name for f in files] == ["deep.md"]
    files, _ = expand_paths([str(tmp_path / "*.txt"), tmp_path / "top.txt"])  # no duplicates
    assert [f.name for f in files] == ["top.txt"]


def test_a_folder_under_a_hidden_folder_is_read(tmp_path: Path) -> None:
    """Only hidden entries BELOW the named folder are left out (~/.local/share/... is fine)."""
    folder = tmp_path / ".config" / "news"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Valencia Floods Headline\n" + ARTICLE)
    files, _ = expand_paths([folder])
    assert [f.name for f in files] == ["a.txt"]


def test_missing_paths_are_reported(tmp_path: Path) -> None:
    loaded = load_paths([tmp_path / "nope.txt", str(tmp_path / "*.nothing")])
    assert loaded.missing == [str(tmp_path / "nope.txt"), str(tmp_path / "*.nothing")]
    assert loaded.warnings == [f"{tmp_path / 'nope.txt'}: no such file or directory",
                               f"{tmp_path / '*.nothing'}: matches no supported file "
                               f"({', '.join(SUPPORTED_SUFFIXES)})"]


def test_sample_directory_loads_five_files() -> None:
    loaded = load_paths([SAMPLES])
    assert loaded.warnings == [] and loaded.files == 5 and len(loaded.documents) == 5


# -- bad input ---------------------------------------------------------------------------------
def test_binary_empty_and_unsupported_files_are_skipped_naming_them(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Valencia Floods Headline\n" + ARTICLE)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "empty.md").write_text("  \n\n")
    other = tmp_path / "report.xlsx"
    other.write_bytes(b"%PDF-1.4")
    loaded = load_paths([tmp_path, other])
    assert [d.source for d in loaded.documents] == [str(good.resolve())]
    assert loaded.skipped == 3
    text = "\n".join(loaded.warnings)
    for name in ("image.txt", "empty.md", "report.xlsx"):
        assert name in text
    assert "binary" in text and "empty" in text and "unsupported" in text


def test_unreadable_file_is_skipped_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Valencia Floods Headline\n" + ARTICLE)
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret Headline Here\n" + ARTICLE)
    if os.geteuid() != 0:
        locked.chmod(0)
    else:
        # Root reads a file whatever its mode, so chmod cannot make it unreadable here: make the
        # read itself fail the way it does for other users.
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    loaded = load_paths([tmp_path])
    assert [d.source for d in loaded.documents] == [str(good.resolve())]
    assert loaded.skipped == 1
    assert any("locked.txt" in w and "cannot be read" in w for w in loaded.warnings)


def test_malformed_jsonl_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "title": "First", "text": "First story text, a full sentence."}),
        '{"id": "b", "title": "Broken", "text": "no closing brace"',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "title": "No text"}),
        json.dumps({"id": "e", "title": "Fifth", "text": "Fifth story text, a full sentence."}),
    ]))
    loaded = load_paths([path])
    assert [d.doc_id for d in loaded.documents] == ["a", "e"]
    assert loaded.skipped == 3
    assert any(f"{path.resolve()}:2: malformed JSON" in w for w in loaded.warnings)
    assert any(f"{path.resolve()}:3:" in w for w in loaded.warnings)
    assert any(f"{path.resolve()}:4:" in w and "no 'text'" in w for w in loaded.warnings)


def test_non_utf8_text_is_decoded_with_a_fallback(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Café Owners Protest New Rules\nThe café’s owner said “we will stay open” on Monday.\n"
    path.write_bytes(text.encode("cp1252"))
    loaded, arts = _articles([path])
    assert arts[0].title == "Café Owners Protest New Rules"
    assert arts[0].text == "The café’s owner said “we will stay open” on Monday."
    assert any("legacy.txt" in w and "cp1252" in w for w in loaded.warnings)
    assert decode_bytes(b"\xef\xbb\xbfhello") == "hello"  # a UTF-8 BOM is dropped
    assert decode_bytes(bytes([0x81, 0x41])) == "\x81A"  # not cp1252 either: latin-1


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_or_32_with_its_mark_is_text_not_binary(tmp_path: Path, encoding: str) -> None:
    """Windows Notepad saves "Unicode" as UTF-16 with a byte-order mark: NUL bytes throughout."""
    path = tmp_path / "notepad.txt"
    text = "Café Owners Protest New Rules\nThe café’s owner said “we will stay open” on Monday.\n"
    path.write_bytes(("\ufeff" + text).encode(encoding))  # the mark, in its byte order
    loaded, arts = _articles([path])
    assert loaded.skipped == 0 and not loaded.warnings, loaded.warnings
    assert arts[0].title == "Café Owners Protest New Rules"
    assert arts[0].text == "The café’s owner said “we will stay open” on Monday."
    # Without its mark, UTF-16 is named for what it looks like; a program (an ELF file's
    # header: NULs at every place) is binary, not UTF-16.
    bare = tmp_path / "bare.txt"  # French, as the review's: « », é and à are text too
    bare.write_bytes(("« Le café était fermé », a-t-il déclaré à la presse. " * 4 + text)
                     .encode("utf-16-le"))
    program = tmp_path / "binary.txt"
    program.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(57) + b"\x03\x00>\x00" + bytes(300))
    loaded, _ = _articles([bare, program])
    assert [("UTF-16" in w, "binary" in w) for w in loaded.warnings] == [(True, False),
                                                                         (False, True)]
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfeH\x00\x00\xd8")  # a lone surrogate half
    loaded, _ = _articles([broken])
    assert loaded.skipped == 1 and "save it as UTF-8" in loaded.warnings[0]


# -- the benchmark corpus ----------------------------------------------------------------------
def test_benchmark_corpus_slice_loads_as_it_is(shared_available: Path, tmp_path: Path) -> None:
    lines = (REALTIMEQA / "corpus.jsonl").read_text().splitlines()[:20]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    loaded, arts = _articles([path])
    records = [json.loads(line) for line in lines]
    assert loaded.warnings == [] and loaded.skipped == 0
    assert [a.doc_id for a in arts] == [r["id"] for r in records]
    for art, rec in zip(arts, records, strict=True):
        assert art.title == " ".join(rec["title"].split())
        assert art.url == rec["url"] and art.source == rec["url"]
        if rec["published"]:
            assert art.published == rec["published"].replace("/", "-")
        for line in art.text.split("\n"):  # cleaning only drops lines
            assert line in rec["text"]


def test_front_matter_gives_title_date_outlet_and_author(tmp_path: Path) -> None:
    note = tmp_path / "park.md"
    note.write_text("---\ntitle: Council approves parks budget\ndate: 2025-03-19\n"
                    "source: Town Crier\nauthor: Ann Lee\ntags: [parks, budget]\n---\n\n"
                    "# Council approves parks budget\n\nThe council approved a parks budget of "
                    "$2.4 million on Tuesday, the mayor said.\n", encoding="utf-8")
    loaded = load_paths([note])
    [article] = clean_document(loaded.documents[0])
    assert loaded.warnings == []
    assert (article.title, article.published, article.outlet, article.author) == (
        "Council approves parks budget", "2025-03-19", "Town Crier", "Ann Lee")
    assert article.text == ("The council approved a parks budget of $2.4 million on Tuesday, "
                            "the mayor said.")


@pytest.mark.parametrize("block", [
    # Hugo's TOML front matter, as a tester's auction page had it: its title was the line
    # 'headline = "…"', its outlet, date and author unread, its byline a line of the story
    '+++\nheadline = "Barn-find Jaguar sells for £386,400"\npublication = "East Anglian Motoring'
    ' News"\npublished = "2026-03-21T09:30:00Z"\nbyline = "Gemma Strickland-Vaux"\n+++',
    '+++\ntitle = "Barn-find Jaguar sells for £386,400"\ndate = 2026-03-21T09:30:00Z\n'
    'site = "East Anglian Motoring News"\nauthor = "Gemma Strickland-Vaux"\ntags = ["cars"]\n+++',
    # YAML's own keys, under the names TOML's used
    "---\nheadline: Barn-find Jaguar sells for £386,400\npublication: East Anglian Motoring News"
    "\ndate: 2026-03-21\nbyline: Gemma Strickland-Vaux\n---",
])
def test_toml_front_matter_and_other_names_for_its_keys(tmp_path: Path, block: str) -> None:
    note = tmp_path / "jaguar.md"
    note.write_text(f"{block}\n\nA 1961 Jaguar E-Type that spent 46 years in a barn has sold "
                    "for £386,400.\n", encoding="utf-8")
    loaded = load_paths([note])
    [article] = clean_document(loaded.documents[0])
    assert loaded.warnings == []
    assert (article.title, article.published, article.outlet, article.author) == (
        "Barn-find Jaguar sells for £386,400", "2026-03-21", "East Anglian Motoring News",
        "Gemma Strickland-Vaux")
    assert article.text.startswith("A 1961 Jaguar E-Type")


@pytest.mark.parametrize(("byline", "author"), [
    # a tester's sewage page kept the role in its author
    ('"Naveed Chaudhry, Environment Correspondent"', "Naveed Chaudhry"),
    ("Naveed Chaudhry", "Naveed Chaudhry"),
    ('"Jane Smith, Tom Roe"', "Jane Smith, Tom Roe"),  # names alone stay as they are
])
def test_a_front_matter_bylines_role_is_no_part_of_the_author(tmp_path: Path, byline: str,
                                                               author: str) -> None:
    note = tmp_path / "sewage.md"
    note.write_text(f"---\ntitle: Water firm fined\nbyline: {byline}\n---\n\nThe water firm "
                    "was fined £4.2 million on Tuesday.\n", encoding="utf-8")
    [article] = clean_document(load_paths([note]).documents[0])
    assert article.author == author


def test_a_rule_that_is_no_front_matter_stays_text(tmp_path: Path) -> None:
    story = tmp_path / "rule.md"
    story.write_text("---\nThe council met on Tuesday.\n---\nIt approved the budget.\n")
    [article] = clean_document(load_paths([story]).documents[0])
    assert "The council met on Tuesday." in article.text and article.published is None
    ruled = tmp_path / "ruled.md"  # a story's own "Key: value" line between two rules
    ruled.write_text("---\nUPDATE: The council reversed its decision.\n---\nIt met on Monday.\n")
    [article] = clean_document(load_paths([ruled]).documents[0])
    assert "UPDATE: The council reversed its decision." in article.text
    bad = tmp_path / "bad.md"  # a list for a title: left out, said so
    bad.write_text("---\ntitle: [a, b]\n---\nThe council met on Tuesday.\n")
    loaded = load_paths([bad])
    assert "'title' is a list" in loaded.warnings[0] and loaded.documents[0].title is None


@pytest.mark.parametrize(("rule", "block", "language"), [
    ("---", "title: [unclosed\ndate: 2025-03-19", "YAML"),
    ("+++", 'title = "Unclosed\ndate = 2025-03-19', "TOML"),
])
def test_front_matter_that_does_not_parse_is_said_so_and_a_rule_is_not(
        tmp_path: Path, rule: str, block: str, language: str) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text(f"{rule}\n{block}\n{rule}\nThe council met.\n")
    loaded = load_paths([broken])
    assert any("broken.md" in w and f"not valid {language}" in w for w in loaded.warnings)
    assert "The council met." in loaded.documents[0].text  # nothing lost
    ruled = tmp_path / "ruled.md"  # a story's own line between rules, not front matter either
    ruled.write_text(f"{rule}\nUPDATE: the council reversed [course\n{rule}\nIt met on Monday.\n")
    assert load_paths([ruled]).warnings == []


def test_an_impossible_front_matter_date_loses_nothing(tmp_path: Path) -> None:
    # YAML itself would read 2025-02-30 as a date and fail: the whole ingest went with it.
    (tmp_path / "odd.md").write_text("---\ntitle: Odd\ndate: 2025-02-30\n---\nThe council met.\n")
    (tmp_path / "good.txt").write_text("Ferry resumes\n\nThe ferry sailed on Sunday.\n")
    loaded = load_paths([tmp_path])
    articles = [a for d in loaded.documents for a in clean_document(d)]
    assert sorted(a.title for a in articles) == ["Ferry resumes", "Odd"]
    assert next(a for a in articles if a.title == "Odd").published is None


def test_a_page_saved_as_text_is_read_as_a_page(tmp_path: Path) -> None:
    """Its tags are not the story's words: it was skipped as "no article text left"."""
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html>\n<html><head><title>Mayor resigns</title></head><body>"
                    "<p>PORTVILLE — The Portville mayor resigned on Friday, citing health "
                    "reasons, the city clerk said.</p></body></html>\n")
    loaded, arts = _articles([path])
    assert loaded.warnings == [] and len(arts) == 1
    assert arts[0].title == "Mayor resigns" and "<" not in arts[0].text
    assert arts[0].text.startswith("PORTVILLE — The Portville mayor resigned")


def test_a_list_of_authors_is_joined_and_an_xml_prolog_is_still_a_page(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Bridge vote", "author": ["Ana Ruiz", "Tom Berg"],
                                "text": "The council voted 7-2 on Thursday to replace the "
                                        "bridge, the city clerk said."}) + "\n")
    loaded, arts = _articles([feed])
    assert loaded.warnings == [] and arts[0].author == "Ana Ruiz, Tom Berg"
    page = tmp_path / "saved.txt"
    page.write_text('<?xml version="1.0"?>\n<html><head><title>Mayor resigns</title></head>'
                    "<body><p>PORTVILLE — The Portville mayor resigned on Friday, citing health "
                    "reasons, the city clerk said.</p></body></html>\n")
    _, arts = _articles([page])
    assert arts[0].title == "Mayor resigns" and "<" not in arts[0].text


PAGE = """<!DOCTYPE html><html><head><title>{title}</title></head><body>{top}
<article><h1>Gull Island ferry to stop running in March</h1>
<p class="byline">{byline}</p>
<p>The ferry to Gull Island will stop running in March, its operator said on Monday, after
forty years of crossings.</p>
<p>About 300 islanders use it each week, and the council said it would look for another
operator before the summer.</p>
</article>{foot}</body></html>"""


HEADLINE = "Gull Island ferry to stop running in March"


@pytest.mark.parametrize(("title", "top", "foot", "outlet"), [
    (f"{HEADLINE} - Tarnmouth Business Review", "", "", "Tarnmouth Business Review"),
    (HEADLINE, '<div class="brand">Tarnmouth Courier</div>', "", "Tarnmouth Courier"),
    (HEADLINE, "", "<footer><p>The Tarnmouth Courier | 2 Quay Street, Tarnmouth | © 2026</p>"
     "</footer>", "The Tarnmouth Courier"),
    (HEADLINE, "", "<footer>Tarnmouth Courier © 2026 | Terms | Cookies</footer>",
     "Tarnmouth Courier"),
])
def test_a_pages_name_in_its_title_brand_or_footer_is_its_outlet(
        tmp_path: Path, title: str, top: str, foot: str, outlet: str) -> None:
    """No og:site_name, and trafilatura takes a site's name from a <title> only where it is
    an address ("… | herald.com"): the seventh tester's pages had no outlet."""
    (tmp_path / "page.html").write_text(PAGE.format(title=title, top=top, foot=foot,
                                                    byline="By Iwan Pryce"))
    _, (art,) = _articles([tmp_path])
    assert (art.title, art.outlet) == (HEADLINE, outlet)


@pytest.mark.parametrize(("top", "foot", "outlet"), [
    ('<header class="masthead"><div class="site-name">Tarnmouth Sports Daily</div><ul>'
     "<li>Football</li><li>Athletics</li></ul></header>", "", "Tarnmouth Sports Daily"),
    ("", "<footer><p>&copy; 2026 Tarnmouth Sports Daily. All rights reserved.</p></footer>",
     "Tarnmouth Sports Daily"),
    ("", "", "tarnmouthsportsdaily.com"),
])
def test_a_pages_printed_name_is_its_outlet_before_its_address(
        tmp_path: Path, top: str, foot: str, outlet: str) -> None:
    """trafilatura names a page with no og:site_name by its canonical address: the new
    user's sports page printed its name in its masthead and footer. A masthead's menu is no
    part of the name ("Tarnmouth Sports Daily FootballAthletics")."""
    page = PAGE.format(title=HEADLINE, top=top, foot=foot, byline="By Iwan Pryce").replace(
        "</title>", '</title><link rel="canonical" '
        'href="https://www.tarnmouthsportsdaily.com/athletics/ferry">')
    (tmp_path / "page.html").write_text(page)
    _, (art,) = _articles([tmp_path])
    assert (art.title, art.outlet) == (HEADLINE, outlet)


@pytest.mark.parametrize("byline", [
    "By Iwan Pryce, Political Editor",  # trafilatura: "Iwan Pryce; Political Editor"
    "By Iwan Pryce, Companies Reporter | Published 4 March 2026",  # trafilatura: none
    "By Iwan Pryce · 4 March 2026 · 3 min read",  # trafilatura: "Iwan Pryce ·"
])
def test_a_pages_byline_gives_the_name_alone(tmp_path: Path, byline: str) -> None:
    (tmp_path / "page.html").write_text(PAGE.format(title="Ferry", top="", foot="",
                                                    byline=byline))
    _, (art,) = _articles([tmp_path])
    assert art.author == "Iwan Pryce"


@pytest.mark.parametrize(("title", "top", "foot", "outlet"), [
    # What follows the headline in a <title> may be the page's section, not its outlet …
    (f"{HEADLINE} | Opinion", "", "", None),
    (f"{HEADLINE} - Transport", "", "", None),
    (f"{HEADLINE} | Arts & Culture", "", "", None),
    (f"{HEADLINE} | Opinion | The Tarnmouth Courier", "", "", "The Tarnmouth Courier"),
    # … a logo a sponsor's or a social network's …
    (HEADLINE, '<div class="sponsor-logo">Acme Insurance</div>', "", None),
    (HEADLINE, '<a class="logo-twitter" href="/x">Twitter</a>', "", None),
    (HEADLINE, '<div class="partners"><span class="logo">Acme Insurance</span></div>'
     '<div class="site-logo">Tarnmouth Courier</div>', "", "Tarnmouth Courier"),
    # … and a footer's menu no part of its © line.
    (HEADLINE, "", "<footer><p>Home | About | Contact</p><p>Riverside Gazette © 2026</p>"
     "</footer>", "Riverside Gazette"),
    (HEADLINE, "", "<footer><div>Home | About<br>Riverside Gazette © 2026</div></footer>",
     "Riverside Gazette"),
])
def test_a_section_a_sponsors_logo_or_a_footers_menu_is_no_outlet(
        tmp_path: Path, title: str, top: str, foot: str, outlet: str | None) -> None:
    (tmp_path / "page.html").write_text(PAGE.format(title=title, top=top, foot=foot,
                                                    byline="By Iwan Pryce"))
    _, (art,) = _articles([tmp_path])
    assert (art.title, art.outlet) == (HEADLINE, outlet)


@pytest.mark.parametrize(("byline", "meta", "author"), [
    # trafilatura: "Jane Smith; Tom Roe; Ali Khan"; our byline reads "Jane Smith" and a credit
    ("By Jane Smith, Tom Roe and Ali Khan", "", "Jane Smith; Tom Roe; Ali Khan"),
    ("By Jane Smith", '<meta name="author" content="Jane Smith; Tom Roe; Ali Khan">',
     "Jane Smith; Tom Roe; Ali Khan"),
    ("By Jane Smith, Tom Roe", "", "Jane Smith; Tom Roe"),
    # a role after two reporters, or an agency after one, is no co-author
    ("By Iwan Pryce and Tom Roe, Staff Reporters", "", "Iwan Pryce; Tom Roe"),
    ("By Iwan Pryce | Reuters", "", "Iwan Pryce"),
])
def test_a_pages_co_authors_are_all_kept(tmp_path: Path, byline: str, meta: str,
                                         author: str) -> None:
    page = PAGE.format(title="Ferry", top="", foot="", byline=byline)
    (tmp_path / "page.html").write_text(page.replace("</head>", f"{meta}</head>"))
    _, (art,) = _articles([tmp_path])
    assert art.author == author


DEAL = "Halvorsen to buy Brightfield Dairy in $1.2bn deal"


@pytest.mark.parametrize(("title", "top", "outlet"), [
    (f"{DEAL} - Markets - Tarnmouth Business Review", "", "Tarnmouth Business Review"),
    (f"{DEAL} - Markets", '<a class="brand" href="/">Tarnmouth Business Review</a>',
     "Tarnmouth Business Review"),
    (f"{DEAL} - Markets", "", None),
])
def test_a_headline_is_never_the_outlet(tmp_path: Path, title: str, top: str,
                                        outlet: str | None) -> None:
    """trafilatura names a site by the part of the <title> holding a dot, meant for an
    address ("… | herald.com"): a headline's "$1.2bn" made "<headline> - Markets" the
    tester's outlet, the page's own name in its <title> and brand passed over."""
    page = PAGE.format(title=title, top=top, foot="", byline="By Iwan Pryce").replace(
        HEADLINE, DEAL)
    (tmp_path / "page.html").write_text(page)
    _, (art,) = _articles([tmp_path])
    assert (art.title, art.outlet) == (DEAL, outlet)


@pytest.mark.parametrize("meta", [
    '<div class="article-meta"><span class="author">By Iwan Pryce, Transport Reporter</span>\n'
    '<span class="date">4 March 2026</span></div>',
    '<div class="article-meta"><span class="author">By Iwan Pryce, Transport Reporter · 4 March'
    ' 2026</span>\n<span class="date">4 March 2026</span></div>',
    '<div class="meta">By <a href="/iwan">Iwan Pryce</a>, Transport Reporter</div>',
])
def test_a_byline_in_a_div_gives_the_name_alone(tmp_path: Path, meta: str) -> None:
    """A byline in a <span> or a <div>, not a paragraph, went unread: trafilatura's author was
    the tester's, its role and all ("Owain Treharne; Transport Reporter")."""
    page = PAGE.format(title="Ferry", top="", foot="", byline="").replace(
        '<p class="byline"></p>', meta)
    (tmp_path / "page.html").write_text(page)
    _, (art,) = _articles([tmp_path])
    assert art.author == "Iwan Pryce"


STORY_DIV = """<!DOCTYPE html><html><head><title>{headline} | Tarnmouth Sports Desk</title></head>
<body><div id="top"><nav><ul><li>By Region</li><li>By Topic</li></ul></nav></div>
<div id="content"><div class="story"><div class="kicker">Football</div>
<h1 class="headline">{headline}</h1>
<div class="meta">{byline}</div>
<p>Dani Ruiz scored twice as Kessington Rovers beat Ashford Town 3-1 in the Northern Cup
quarter-final at Millbrook Park on Saturday, in front of a crowd of 18,342.</p>
<p>The Spanish striker, 24, opened the scoring in the 14th minute, heading in a corner from
captain Joe Pennant.</p></div></div></body></html>"""


@pytest.mark.parametrize(("byline", "author"), [
    ("By Tom Whitaker, Football Correspondent | Published 18 January 2026", "Tom Whitaker"),
    ("By Catriona Bell and Rhys Morgan | Published 18 January 2026",
     "Catriona Bell and Rhys Morgan"),
    ("Published 18 January 2026", None),  # and the menu's "By Region" is no byline
])
def test_a_byline_under_the_headline_of_a_story_in_no_article(
        tmp_path: Path, byline: str, author: str | None) -> None:
    """A page with no <article> had its byline unread: four of the tester's pages, whose
    "By X, Role | Published …" trafilatura leaves out, had no author."""
    headline = "Ruiz double sends Kessington Rovers into the semi-finals"
    (tmp_path / "page.html").write_text(STORY_DIV.format(headline=headline, byline=byline))
    _, (art,) = _articles([tmp_path])
    assert (art.title, art.author) == (headline, author)


@pytest.mark.parametrize(("byline", "author"), [
    ("Tomás Ferreira-Gill, Health Editor · Monday 13 July 2026", "Tomás Ferreira-Gill"),
    ("Fionnuala Brennan · Rugby Correspondent · 2 April 2026", "Fionnuala Brennan"),
    ("Iwan Pryce and Tom Roe · Staff Reporters", "Iwan Pryce; Tom Roe"),  # as co-authors are
])
def test_a_byline_without_by_gives_the_names_alone(tmp_path: Path, byline: str,
                                                   author: str) -> None:
    """A byline with no "By" is none we read, and trafilatura's author held its role and its
    date's weekday: two of a tester's pages were by "Tomás Ferreira-Gill; Health Editor ·
    Monday" and "Fionnuala Brennan · Rugby Correspondent ·"."""
    (tmp_path / "page.html").write_text(PAGE.format(title="Ferry", top="", foot="",
                                                    byline=byline))
    _, (art,) = _articles([tmp_path])
    assert art.author == author


def test_a_meta_divs_byline_without_by(tmp_path: Path) -> None:
    """A tester's tech_layoffs.html had no author: its byline, "Priya Castellanos, Technology
    Editor · <time>10 February 2026</time>" in a <div class="meta">, has no "By", and
    trafilatura found none."""
    byline = ('Priya Castellanos, Technology Editor · <time datetime="2026-02-10">10 February '
              '2026</time>')
    page = PAGE.replace('<p class="byline">{byline}</p>', '<div class="meta">{byline}</div>')
    (tmp_path / "page.html").write_text(page.format(title=HEADLINE, top="", foot="",
                                                    byline=byline))
    _, (art,) = _articles([tmp_path])
    assert (art.author, art.published) == ("Priya Castellanos", "2026-02-10")
