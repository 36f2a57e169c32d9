"""Reading files into raw documents: text, Markdown, HTML (via trafilatura), JSON/JSONL feeds,
and PDF, Word and e-mail files (`index.formats`).

Bad input never stops a load: an unreadable, binary or empty file, or a malformed JSONL line,
becomes a warning that names it (every such warning ends in "skipped"), and the rest is read.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import LoadError
from .formats import FORMAT_LOADERS, FORMAT_SUFFIXES
from .formats.common import read_file
from .formats.html import (
    MIN_ARTICLE_WORDS,
    extract_html,
    figure_captions,
    story_pages,
    story_text,
)
from .formats.markdown import markdown_text, table_headings
from .formats.records import load_json, load_jsonl
from .formats.sitename import site_name
from .frontmatter import front_matter
from .pagehead import byline_author
from .provenance import find_published, front_matter_author, page_author
from .types import RawDocument
from .validation import record_field

__all__ = ["SUPPORTED_SUFFIXES", "LoadResult", "decode_bytes", "expand_paths", "load_paths"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", *FORMAT_SUFFIXES)
# Encodings tried in turn: cp1252 covers most legacy Western pages, latin-1 never fails.
_FALLBACK_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


@dataclass
class LoadResult:
    documents: list[RawDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    skipped: int = 0  # files and records skipped as unreadable, binary, empty or malformed
    missing: list[str] = field(default_factory=list)  # paths that name no file at all


def _dir_files(folder: Path) -> list[Path]:
    """Supported files under a folder, recursively, leaving out hidden files and folders (only
    below `folder`: the folder itself may well sit under a hidden one, such as ~/.local)."""
    # A link whose target is gone is listed too, so that it is reported, not passed over.
    return [
        p for p in sorted(folder.rglob("*"))
        if (p.is_file() or p.is_symlink()) and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named by paths, directories (recursive) and globs, in a stable order; and the paths
    that name nothing."""
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        text = str(Path(raw).expanduser())
        if glob.has_magic(text):
            matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            found = [m for m in matches if m.is_file()]
            for folder in (m for m in matches if m.is_dir()):
                found.extend(_dir_files(folder))
        elif Path(text).is_dir():
            found = _dir_files(Path(text))
        else:
            found = [Path(text)] if Path(text).exists() else []
        if not found:
            missing.append(text)
        files.extend(found)
    unique = list(dict.fromkeys(p.resolve() if p.exists() else p for p in files))
    return unique, missing


def decode_bytes(data: bytes) -> str:
    """Decode text, falling back from UTF-8 to legacy encodings rather than failing."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")


# Windows Notepad's "Unicode" is UTF-16 with a byte-order mark; its NUL bytes are no binary.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def _like_utf16(head: bytes) -> bool:
    """Every other byte NUL, and the others printable text: not a program's (an ELF file's
    header is mostly NULs at both places)."""
    for zeros, chars in ((head[1::2], head[::2]), (head[::2], head[1::2])):
        # Latin-1's letters count too: "é", "à" and "«" are UTF-16 bytes of their own.
        printable = sum(32 <= c < 127 or c >= 0xA0 or c in (9, 10, 13) for c in chars)
        if zeros.count(0) > 0.9 * len(zeros) and printable > 0.9 * len(chars):
            return True
    return False


def _read_text(path: Path, warnings: list[str]) -> str:
    data = read_file(path)
    if data.startswith(_UTF16_BOMS):
        wide = "utf-32" if data.startswith(_UTF32_BOMS) else "utf-16"  # FF FE 00 00: UTF-32
        try:
            text = data.decode(wide).removeprefix("\ufeff")  # a mark written twice
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path}: starts as {wide.upper()} text but is not ({exc.reason}); "
                            "save it as UTF-8; skipped") from None
        if not text.strip():
            raise LoadError(f"{path}: is empty; skipped")
        return text
    if b"\x00" in data[:8192]:
        head = data[:8192]
        # Every other byte NUL: UTF-16 without its byte-order mark, which cannot be told from
        # binary for sure.
        if _like_utf16(head):
            raise LoadError(f"{path}: looks like UTF-16 text without a byte-order mark; save "
                            "it as UTF-8 (or UTF-16 with its mark); skipped")
        raise LoadError(f"{path}: looks binary, not text; skipped")
    text, encoding = _decode(data)
    if not text.strip():
        raise LoadError(f"{path}: is empty; skipped")
    if encoding != "utf-8-sig":
        warnings.append(f"{path}: not valid UTF-8; read as {encoding}")
    return text


def _nothing_at(named: str) -> str:
    """Why a path gave no file: a folder (or a glob's) holding none of the supported kinds, or
    nothing there at all."""
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    if glob.has_magic(named):
        return f"{named}: matches no supported file ({kinds})"
    if Path(named).is_dir():
        return f"{named}: no supported file in it ({kinds})"
    return f"{named}: no such file or directory"


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Read every supported file under `paths` into raw documents, collecting warnings."""
    files, missing = expand_paths(paths)
    result = LoadResult(missing=missing)
    result.warnings.extend(_nothing_at(m) for m in missing)
    for path in files:
        refused = _refusal(path)
        if refused:
            result.skipped += 1
            result.warnings.append(refused)
            continue
        try:
            before = len(result.warnings)
            docs = _load_file(path, result.warnings)
        except LoadError as exc:
            result.skipped += 1
            result.warnings.append(str(exc))
            continue
        result.skipped += sum(w.endswith("skipped") for w in result.warnings[before:])
        result.warnings[before:] = _collapsed(result.warnings[before:], path)
        result.documents.extend(docs)
        result.files += 1
    return result


def _refusal(path: Path) -> str | None:
    """Why a file found is not read, if it is not."""
    if not path.exists():  # only a link gets here so
        return f"{path}: a link to {path.readlink()}, which does not exist; skipped"
    if not path.is_file():
        # A pipe named *.txt would block the read forever, waiting for a writer.
        return f"{path}: not a regular file (a pipe, socket or device); skipped"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return (f"{path}: unsupported file type '{path.suffix}'; use one of "
                + ", ".join(SUPPORTED_SUFFIXES) + "; skipped")
    return None


MAX_FILE_WARNINGS = 5  # a file's own; the rest are counted in one line


def _collapsed(warnings: list[str], path: Path) -> list[str]:
    """A file's warnings, the first few and a count of the rest: a JSONL file of other
    records gave one per line, hundreds, and the summary scrolled out of sight."""
    if len(warnings) <= MAX_FILE_WARNINGS + 1:
        return warnings
    more = len(warnings) - MAX_FILE_WARNINGS
    return [*warnings[:MAX_FILE_WARNINGS], f"{path}: {more} more warnings like these"]


_HTML_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head)\b", re.I | re.S)


def _load_file(path: Path, warnings: list[str]) -> list[RawDocument]:
    suffix = path.suffix.lower()
    if suffix in FORMAT_LOADERS:  # PDF, Word, e-mail: index.formats
        return FORMAT_LOADERS[suffix](path)
    text = _read_text(path, warnings)
    if suffix in (".html", ".htm") or _HTML_START.match(text):
        # A page saved as .txt is still a page: its tags are not the story's words.
        first, *others = [_load_html(path, page, n)
                          for n, page in enumerate(story_pages(text), start=1)]
        if others and not first.outlet:  # its masthead was left out with the page around it
            first = replace(first, outlet=site_name(text, first.title))
        return [first, *(_of_the_page(doc, first) for doc in others)]
    if suffix == ".jsonl":
        return list(load_jsonl(path, text, warnings))
    if suffix == ".json":
        return list(load_json(path, text, warnings))
    return [_load_text(path, text, warnings)]


def _load_text(path: Path, text: str, warnings: list[str]) -> RawDocument:
    """A text or Markdown file; its front matter, if any, gives the title, date, outlet,
    author and URL (checked like a JSON record's fields)."""
    fields, text = front_matter(text, warnings, str(path))
    # A table's name above it is no sentence of the story (`RawDocument.caption_lines`)
    headings = table_headings(text) if path.suffix.lower() == ".md" else frozenset()
    if path.suffix.lower() == ".md":
        text = markdown_text(text)
    where = f"{path} (front matter)"

    def given(name: str) -> str | None:
        return record_field(fields, (name,), where, warnings, numbers=name == "title")

    return RawDocument(text=text, source=str(path), source_key=str(path), title=given("title"),
                       published=given("published"), outlet=given("outlet"),
                       # its names without the role a byline gives ("byline: Naveed Chaudhry,
                       # Environment Correspondent", a tester's)
                       author=front_matter_author(given("author")), url=given("url"),
                       caption_lines=headings)


_A_SENTENCE = re.compile(r"(?:\S+\s+){5,}\S*[.!?]")


def _load_html(path: Path, html: str, n: int = 1) -> RawDocument:
    """The page's story (`n`: which of the page's stories, `formats.html.story_pages`)."""
    doc = extract_html(html)
    text = doc.get("text") or ""
    if not text:
        raise LoadError(f"{path}: no article text found in this HTML page; skipped")
    words = len(text.split())
    # A short brief is an article all the same: only a page with no sentence in its little
    # text is a menu or a page its scripts fill in.
    if words < MIN_ARTICLE_WORDS and not _A_SENTENCE.search(text):
        plural = "" if words == 1 else "s"
        raise LoadError(f"{path}: no article found in this HTML page (only {words} word{plural}"
                        " of text, and no sentence: a menu, an index page or a page its scripts "
                        "fill in); skipped")
    return RawDocument(
        text=text,
        source=str(path) if n == 1 else f"{path}#{n}",
        source_key=str(path),
        title=doc.get("title") or None,
        url=doc.get("url") or None,
        published=doc.get("date") or None,
        outlet=doc.get("sitename") or None,
        author=page_author(doc.get("author"), byline_author(story_text(html, doc.get("title")))),
        may_hold_several=False,
        caption_lines=figure_captions(html),
    )


def _of_the_page(story: RawDocument, page: RawDocument) -> RawDocument:
    """A story after the page's first, which `story_pages` cuts out without the page's brand,
    footer or first story's date line: where its own markup names no outlet or date, and its
    text no date line, it ran on the page's site on the page's day (as a text page's brief
    does, `cleaning`)."""
    lines = [line.strip() for line in story.text.splitlines() if line.strip()]
    dated = story.published or find_published(lines, story)
    return replace(story, outlet=story.outlet or page.outlet,
                   published=story.published or (None if dated else page.published))
