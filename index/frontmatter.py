"""A Markdown or text file's front matter: the YAML block between two "---" lines at its top,
as static-site generators and note apps write it (title, date, source, author, url)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

__all__ = ["FRONT_MATTER_KEYS", "front_matter"]

# An opening "---" on the first line, a closing one on a line of its own, within a few KB.
_BLOCK = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.{0,4000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# What an article's front matter may give, under the names people use for it.
FRONT_MATTER_KEYS = {"title": ("title",), "published": ("date", "published"),
                     "outlet": ("source", "outlet", "publisher"), "author": ("author",),
                     "url": ("url", "link")}


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(its fields, the text with the block blanked), or ({}, text) when it has none. The block
    becomes as many empty lines, so the lines after it keep their place in the file; a block
    that is not a YAML mapping is left as it is (a story may open with a "---" rule)."""
    import yaml

    match = _BLOCK.match(text)
    if match is None:
        return {}, text
    try:
        fields = yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(fields, dict):
        return {}, text
    record = {name: _plain(fields.get(key)) for name, keys in FRONT_MATTER_KEYS.items()
              for key in keys[::-1] if fields.get(key) not in (None, "")}
    blank = "\n" * match.group(0).count("\n")
    return record, blank + text[match.end():]


def _plain(value: Any) -> Any:
    """YAML reads `date: 2025-03-19` as a date: the rest of ingest reads dates as strings."""
    return value.isoformat() if isinstance(value, date) else value
