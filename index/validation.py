"""Checks on what was read, before it is cleaned into articles: a JSON record's fields must have
the right types, a document must be text (not binary data decoded by force) of an article's size,
and its date must be readable. Each refusal or doubt is a warning naming the document and saying
how to fix it; refused documents end in "skipped", and the rest of a file is kept.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .dates import read_date
from .types import RawDocument

__all__ = ["MAX_DOCUMENT_CHARS", "admit_document", "record_field", "record_text", "text_problem"]

# Far beyond any news article (a long read is ~200,000 characters); a bigger document is a dump
# of many articles or not an article at all, and would hold an ingest for minutes.
MAX_DOCUMENT_CHARS = 2_000_000
_SAMPLE = 65_536  # characters looked at by the binary checks, from the start and the middle
_MAX_CONTROL_SHARE = 0.005
# Base64, hex dumps and other encoded data: runs of 40+ ASCII letters, digits and signs with no
# space (Chinese or Japanese prose has no spaces either, but is not ASCII).
_ENCODED = re.compile(r"[A-Za-z0-9+/=_\-]{40,}")
_MAX_LONG_SHARE = 0.5
# Control characters other than tabs and line breaks, unpaired surrogates, and the replacement
# character a lenient decoder leaves for bytes it could not read.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
_FEW_CHARS = 200


def _kind(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


def record_text(record: dict[str, Any], where: str, warnings: list[str]) -> str | None:
    """The article text of a JSON record ("text", else "body"); None, with a warning ending in
    "skipped", when it is missing or not a string (a number or a list would be indexed as its
    Python spelling)."""
    for key in ("text", "body"):
        value = record.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, str) and value.strip():
            return value
        if not isinstance(value, str):
            warnings.append(f"{where}: '{key}' is {_kind(value)}, not a string; give the "
                            f'article text as one JSON string ("{key}": "..."); skipped')
            return None
    warnings.append(f"{where}: record has no 'text' or 'body' string; give the article text as "
                    '"text": "..."; skipped')
    return None


def record_field(record: dict[str, Any], keys: tuple[str, ...], where: str,
                 warnings: list[str], *, numbers: bool = False) -> str | None:
    """A metadata field (title, url, outlet, id...) as a string; a value of another type is
    left out with a warning (a list title would read "['a', 'b']"). `numbers`: a number is a
    fine value (an id)."""
    for key in keys:
        value = record.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, str):
            return value
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        hint = ("write dates as strings, YYYY-MM-DD" if key in ("date", "published")
                else f'give it as a JSON string ("{key}": "...")')
        warnings.append(f"{where}: '{key}' is {_kind(value)}, not a string; left out ({hint})")
        return None
    return None


def text_problem(text: str) -> str | None:
    """Why `text` cannot be an article (too big, or binary data decoded as text), or None."""
    if len(text) > MAX_DOCUMENT_CHARS:
        return (f"is {len(text):,} characters long, more than any news article "
                f"({MAX_DOCUMENT_CHARS:,} at most); split it into one file per article, or a "
                ".jsonl file with one article per line")
    middle = len(text) // 2
    sample = text[:_SAMPLE] + text[max(_SAMPLE, middle) : max(_SAMPLE, middle) + _SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if len(sample) >= _FEW_CHARS and controls > len(sample) * _MAX_CONTROL_SHARE:
        return (f"does not look like text ({controls / len(sample):.0%} control or undecodable "
                "characters: binary data?); if it is an article, save it as UTF-8 text")
    letters = len("".join(sample.split()))  # split() drops exactly what isspace() is
    encoded = sum(len(run) for run in _ENCODED.findall(sample))
    if letters >= _FEW_CHARS and encoded > letters * _MAX_LONG_SHARE:
        return ("does not read as prose (mostly runs of 40+ characters without a space: "
                "encoded or binary data?); if it is an article, save it as plain text")
    return None


def admit_document(doc: RawDocument, warnings: list[str]) -> RawDocument | None:
    """`doc` with its date normalised, or None (with a warning ending in "skipped") when it
    cannot be an article. A doubtful date is noted; an unreadable one is left out."""
    problem = text_problem(doc.text)
    if problem:
        warnings.append(f"{doc.source_key}: {problem}; skipped")
        return None
    if not doc.published:
        return doc
    reading = read_date(doc.published)
    if reading.note:
        empty = "" if reading.iso else "; the date is left empty"
        warnings.append(f"{doc.source_key}: {reading.note}{empty}")
    return replace(doc, published=reading.iso)
