"""Helpers the format loaders share: reading a file, dates, joining wrapped lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import LoadError

__all__ = ["join_wrapped", "read_file", "squeeze"]

# A word broken at a line end: "break-" then "water". Only before a lower-case letter, so
# "COVID-" / "19" and "Franco-" / "German" keep their hyphen.
_BROKEN = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")


def read_file(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            f"{path}: cannot be read ({exc.strerror or exc}); check its permissions; skipped"
        ) from exc
    if not data:
        raise LoadError(f"{path}: is empty; skipped")
    return data


def squeeze(text: str) -> str:
    """Runs of blanks as one space (a PDF's justified lines, a document's tabs)."""
    return " ".join(text.split())


def join_wrapped(lines: Sequence[str]) -> str:
    """The visual lines of one paragraph as one line: a word hyphenated at a line end joined
    again, other line ends become spaces."""
    out = ""
    for raw in lines:
        line = squeeze(raw)
        if not line:
            continue
        if out and _BROKEN.search(out) and line[0].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out
