"""A Markdown or text file's front matter: the YAML block between two "---" lines at its top,
or the TOML block between two "+++" lines (Hugo's), as static-site generators and note apps
write it (title, date, source, author, url)."""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache
from typing import Any

__all__ = ["FRONT_MATTER_KEYS", "front_matter"]

# An opening "---" (YAML) or "+++" (TOML) on the first line, the same closing one on a line of
# its own, within a few KB.
_BLOCK = re.compile(r"\A(?P<rule>---|\+\+\+)[ \t]*\r?\n(?P<body>.{0,4000}?)\r?\n(?P=rule)[ \t]*"
                    r"(?:\r?\n|\Z)", re.S)
# What an article's front matter may give, under the names people use for it: a tester's
# TOML block said "headline", "publication" and "byline", a YAML one "publication".
FRONT_MATTER_KEYS = {"title": ("title", "headline"), "published": ("date", "published"),
                     "outlet": ("source", "outlet", "publisher", "publication", "site"),
                     "author": ("author", "byline"), "url": ("url", "link")}
_KNOWN = [key for keys in FRONT_MATTER_KEYS.values() for key in keys]
# A line of a block meant as front matter: one of the keys above, then a colon or "=".
_MEANT = re.compile(rf"^(?:{'|'.join(_KNOWN)})\s*[:=]", re.M | re.I)


def front_matter(text: str, warnings: list[str] | None = None, where: str = ""
                 ) -> tuple[dict[str, Any], str]:
    """(its fields, the text with the block blanked), or ({}, text) when it has none. The block
    becomes as many empty lines, so the lines after it keep their place in the file; a block
    that is not a mapping is left as it is (a story may open with a "---" rule). One that was
    meant as front matter (a "title:" line) but does not parse gets a warning in `warnings`."""
    match = _BLOCK.match(text)
    if match is None:
        return {}, text
    parse, language = (_toml, "TOML") if match.group("rule") == "+++" else (_yaml, "YAML")
    try:
        fields = parse(match.group("body"))
    except ValueError as exc:  # a story opening with a rule, or broken
        if warnings is not None and _MEANT.search(match.group("body")):
            warnings.append(f"{where}: its front matter is not valid {language} ({exc}), so its "
                            "lines are read as text; fix it (a value with a colon or a bracket "
                            'in it goes in quotes: title: "A: B")')
        return {}, text
    # "---\nUPDATE: The council reversed…\n---" is a story's own line between rules.
    if not isinstance(fields, dict) or not any(fields.get(key) for key in _KNOWN):
        return {}, text
    record = {name: fields.get(key) for name, keys in FRONT_MATTER_KEYS.items()
              for key in keys[::-1] if fields.get(key) not in (None, "")}
    blank = "\n" * match.group(0).count("\n")
    return record, blank + text[match.end():]


def _yaml(body: str) -> Any:
    """The YAML block's value; ValueError, naming the problem, where it is no YAML."""
    import yaml

    try:
        return yaml.load(body, Loader=_loader())  # a SafeLoader: see _loader
    except (yaml.YAMLError, RecursionError) as exc:
        raise ValueError(str(getattr(exc, "problem", None) or type(exc).__name__)) from exc


def _toml(body: str) -> Any:
    """The TOML block's table, its dates as the strings TOML writes them (`date = 2026-03-21`
    is a date to TOML, as to YAML; ingest reads and checks dates itself)."""
    import tomllib

    try:
        table = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(str(exc)) from exc
    return {key: value.isoformat() if isinstance(value, date | time) else value
            for key, value in table.items()}


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
