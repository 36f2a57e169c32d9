"""Reading files into raw documents: text, Markdown, HTML (via trafilatura) and JSON/JSONL feeds.

Bad input never stops a load: an unreadable, binary or empty file, or a malformed JSONL line, becomes
a warning that names it, and everything else is read.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LoadError
from .types import RawDocument

__all__ = ["SUPPORTED_SUFFIXES", "LoadResult", "decode_bytes", "expand_paths", "load_paths"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
# Encodings tried in turn: cp1252 covers most legacy Western pages, latin-1 never fails.
_FALLBACK_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


@dataclass
class LoadResult:
    documents: list[RawDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named by paths, directories (recursive) and globs, in a stable order."""
    files: list[Path] = []
    warnings: list[str] = []
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?["):
            matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            if not matches:
                warnings.append(f"{text}: no file matches this pattern")
            files.extend(m for m in matches if m.is_file())
        elif Path(text).is_dir():
            files.extend(
                p for p in sorted(Path(text).rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.parts)
            )
        elif Path(text).exists():
            files.append(Path(text))
        else:
            warnings.append(f"{text}: no such file or directory")
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, warnings


def decode_bytes(data: bytes) -> str:
    """Decode text, falling back from UTF-8 to legacy encodings rather than failing."""
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions")
    if b"\x00" in data[:8192]:
        raise LoadError(f"{path}: looks binary, not text; skipped")
    text = decode_bytes(data)
    if not text.strip():
        raise LoadError(f"{path}: is empty; skipped")
    return text


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Read every supported file under `paths` into raw documents, collecting warnings."""
    files, warnings = expand_paths(paths)
    result = LoadResult(warnings=warnings)
    for path in files:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            result.warnings.append(
                f"{path}: unsupported file type '{path.suffix}'; use one of "
                + ", ".join(SUPPORTED_SUFFIXES)
            )
            continue
        try:
            result.documents.extend(_load_file(path, result.warnings))
            result.files += 1
        except LoadError as exc:
            result.warnings.append(str(exc))
    return result


def _load_file(path: Path, warnings: list[str]) -> list[RawDocument]:
    text = _read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return [_load_html(path, text)]
    if suffix == ".jsonl":
        return list(_load_jsonl(path, text, warnings))
    if suffix == ".json":
        return list(_load_json(path, text, warnings))
    return [RawDocument(text=text, source=str(path), source_key=str(path))]


def _load_html(path: Path, html: str) -> RawDocument:
    import trafilatura  # deferred: heavy import, only needed for HTML

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (doc.get("text") or "").strip()
    if not text:
        raise LoadError(f"{path}: no article text found in this HTML page; skipped")
    return RawDocument(
        text=text,
        source=str(path),
        source_key=str(path),
        title=doc.get("title") or None,
        url=doc.get("url") or None,
        published=doc.get("date") or None,
        outlet=doc.get("sitename") or None,
        may_hold_several=False,
    )


def _load_jsonl(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"{path}:{lineno}: malformed JSON ({exc.msg}); line skipped")
            continue
        doc = _record_to_document(path, record, lineno, warnings)
        if doc is not None:
            yield doc


def _load_json(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg}); file skipped")
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, start=1):
        doc = _record_to_document(path, record, n, warnings)
        if doc is not None:
            yield doc


def _first(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def _record_to_document(
    path: Path, record: Any, n: int, warnings: list[str]
) -> RawDocument | None:
    where = f"{path}:{n}"
    if not isinstance(record, dict):
        warnings.append(f"{where}: a record must be a JSON object; skipped")
        return None
    text = _first(record, "text", "body")
    if not text or not text.strip():
        warnings.append(f"{where}: record has no 'text' or 'body'; skipped")
        return None
    doc_id = _first(record, "id")
    return RawDocument(
        text=text,
        source=_first(record, "url") or f"{path}#{doc_id or n}",
        source_key=f"{path}#{doc_id or n}",
        title=_first(record, "title"),
        url=_first(record, "url"),
        published=_first(record, "published", "date"),
        outlet=_first(record, "source", "outlet"),
        doc_id=doc_id,
        may_hold_several=False,
    )
