"""JSON and JSONL files of article records: one record per line, a list of records, a feed
object holding one ({"articles": [...]}), or a single record. A record that cannot be read
becomes a warning naming its line or place ("…; skipped"), and the others are read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..types import RawDocument
from ..validation import record_field, record_text

__all__ = ["load_json", "load_jsonl"]

_CONTAINER_KEYS = ("articles", "items", "records", "data", "documents")


def load_jsonl(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument]:
    """One record per line; a malformed line is a warning, and the next is read."""
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


def load_json(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument]:
    """A list of records, a feed object holding one, or a record; malformed JSON refuses the
    file (`LoadError`), for no record of it can be trusted to start where it seems to."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg}); file skipped") from exc
    records = data if isinstance(data, list) else _container_records(data)
    if not records:
        warnings.append(f"{path}: holds no article records (an empty list); nothing to ingest")
    for n, record in enumerate(records, start=1):
        doc = _record_to_document(path, record, n, warnings)
        if doc is not None:
            yield doc


def _container_records(data: Any) -> list[Any]:
    """A feed object such as {"articles": [...]}, or else a single record."""
    if isinstance(data, dict) and not any(data.get(k) for k in ("text", "body")):
        for key in _CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
    return [data]


def _authors(record: dict[str, Any], where: str, warnings: list[str]) -> str | None:
    """The author field; a list of names (as scraped feeds give them) joined by commas."""
    for key in ("author", "authors", "byline"):
        value = record.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(v.strip() for v in value if v.strip()) or None
    return record_field(record, ("author", "authors", "byline"), where, warnings)


def _record_to_document(
    path: Path, record: Any, n: int, warnings: list[str]
) -> RawDocument | None:
    where = f"{path}:{n}"
    if not isinstance(record, dict):
        warnings.append(f"{where}: a record must be a JSON object; skipped")
        return None
    text = record_text(record, where, warnings)
    if text is None:
        return None
    doc_id = record_field(record, ("id",), where, warnings, numbers=True)
    url = record_field(record, ("url",), where, warnings)
    return RawDocument(
        text=text,
        source=url or f"{path}#{doc_id or n}",
        source_key=f"{path}#{doc_id or n}",
        title=record_field(record, ("title",), where, warnings, numbers=True),
        url=url,
        published=record_field(record, ("published", "date"), where, warnings),
        outlet=record_field(record, ("source", "outlet"), where, warnings),
        author=_authors(record, where, warnings),
        doc_id=doc_id,
        may_hold_several=False,
    )
