"""Loaders for documents that are not plain text: PDF, Word (.docx) and e-mail (.eml).

A plain dict registry from file suffix to loader; `index.loading` dispatches to it. Each loader
turns one file into raw documents (one article each) and raises `LoadError` ending in "skipped"
for a file it cannot read. The libraries are imported only when such a file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..types import RawDocument
from .mail import load_eml
from .pdf import load_pdf
from .word import load_docx

__all__ = ["FORMAT_LOADERS", "FORMAT_SUFFIXES", "FormatLoader"]

FormatLoader = Callable[[Path], list[RawDocument]]

FORMAT_LOADERS: dict[str, FormatLoader] = {
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".eml": load_eml,
}
FORMAT_SUFFIXES = tuple(FORMAT_LOADERS)
