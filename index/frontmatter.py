"""A Markdown or text file's front matter: the YAML block between two "---" lines at its top,
as static-site generators and note apps write it (title, date, source, author, url)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["FRONT_MATTER_KEYS", "front_matter"]

# An opening "---" on the first line, a closing one on a line of its own, within a few KB.
_BLOCK = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.{0,4000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# A line of a block meant as front matter: one of the keys below, then a colon.
_MEANT = re.compile(r"^(?:title|date|published|source|outlet|publisher|author|url|link)\s*:",
                    re.M | re.I)
# What an article's front matter may give, under the names people use for it.
FRONT_MATTER_KEYS = {"title": ("title",), "published": ("date", "published"),
                     "outlet": ("source", "outlet", "publisher"), "author": ("author",),
                     "url": ("url", "link")}


def front_matter(text: str, warnings: list[str] | None = None, where: str = ""
                 ) -> tuple[dict[str, Any], str]:
    """(its fields, the text with the block blanked), or ({}, text) when it has none. The block
    becomes as many empty lines, so the lines after it keep their place in the file; a block
    that is not a YAML mapping is left as it is (a story may open with a "---" rule). One that
    was meant as front matter (a "title:" line) but is not YAML gets a warning in `warnings`."""
    match = _BLOCK.match(text)
    if match is None:
        return {}, text
    import yaml

    try:
        fields = yaml.load(match.group("yaml"), Loader=_loader())  # a SafeLoader: see _loader
    except (yaml.YAMLError, RecursionError) as exc:  # a story opening with a rule, or broken
        if warnings is not None and _MEANT.search(match.group("yaml")):
            problem = str(getattr(exc, "problem", None) or type(exc).__name__)
            warnings.append(f"{where}: its front matter is not valid YAML ({problem}), so its "
                            "lines are read as text; fix it (a value with a colon or a bracket "
                            'in it goes in quotes: title: "A: B")')
        return {}, text
    known = [key for keys in FRONT_MATTER_KEYS.values() for key in keys]
    # "---\nUPDATE: The council reversed…\n---" is a story's own line between rules.
    if not isinstance(fields, dict) or not any(fields.get(key) for key in known):
        return {}, text
    record = {name: fields.get(key) for name, keys in FRONT_MATTER_KEYS.items()
              for key in keys[::-1] if fields.get(key) not in (None, "")}
    blank = "\n" * match.group(0).count("\n")
    return record, blank + text[match.end():]


@cache
def _loader() -> Any:
    """SafeLoader, with dates left as the strings they are: YAML would read `date: 2025-03-19`
    as a date, and `2025-02-30` as an error; ingest reads and checks dates itself."""
    import yaml

    class StringDates(yaml.SafeLoader):
        pass

    StringDates.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return StringDates
