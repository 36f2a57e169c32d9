"""`newsqa ask --batch`: one JSON answer per line of a JSONL file of questions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import typer

from .common import err_console

if TYPE_CHECKING:
    from assistant import Assistant

__all__ = ["Dates", "run_batch"]


class Dates(TypedDict):
    """The --since / --until filters and --as-of, passed on to Assistant.ask()."""

    since: str | None
    until: str | None
    as_of: str | None


# What a batch line may hold: its id, its question and conversation, and `ask()`'s options
# for itself (over the command's own). Other fields (a note, an expected answer: an eval
# set's lines) are the line's own business.
_LINE_OPTIONS = ("as_of", "since", "until", "top_k", "llm")


def _misspelt(item: dict[str, Any], lineno: int) -> None:
    """ValueError for a field that reads as an option written another way ("top-k", "TopK",
    "asof"): ignored, the line would be answered without what it asks for."""
    def plain(key: str) -> str:
        return "".join(c for c in key.casefold() if c.isalnum())

    meant = {plain(o): o for o in _LINE_OPTIONS}
    for key in item:
        if key not in _LINE_OPTIONS and plain(key) in meant:
            raise ValueError(f"line {lineno} has {key!r}; write it {meant[plain(key)]!r}")


def _parse_line(line: str, lineno: int) -> dict[str, Any]:
    """A batch line as {"id", "question", "history"?, options?}; ValueError saying what is
    wrong."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {lineno} is not JSON ({exc})") from exc
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        raise ValueError(f'line {lineno} must be an object with a "question" string, '
                         'like {"id": "q1", "question": "...", "history": [...]}')
    return item


def run_batch(assistant: Assistant, path: Path, dates: Dates) -> None:
    """One JSON answer per input line; a bad line or a failed question becomes an error line
    with the line's id (its line number when it has none). Each carries its `line` number too.
    Exits 1 after the last line when any failed, so that a script can tell."""
    failed: list[int] = []
    lines = path.read_bytes().splitlines()
    if not any(raw.strip() for raw in lines):
        err_console.print(f"[red]Error:[/] {path} holds no questions: give one JSON object "
                          'per line, like {"id": "q1", "question": "..."}.', highlight=False,
                          soft_wrap=True)
        raise typer.Exit(1)
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        out = _answer_line(assistant, raw, lineno, dates)
        if "error" in out:
            failed.append(lineno)
        typer.echo(json.dumps(out, ensure_ascii=False))
        sys.stdout.flush()
    if failed:
        err_console.print(f"{len(failed)} line(s) not answered (line {', '.join(map(str, failed))}"
                          '): see the "error" of each.', highlight=False)
        raise typer.Exit(1)


def _answer_line(assistant: Assistant, raw: bytes, lineno: int, dates: Dates
                 ) -> dict[str, Any]:
    """A batch line's answer as a JSON object, or its "error": a user's mistake (a bad line,
    a question refused) is reported on its line; anything else is a bug, and raised."""
    from .common import is_user_error

    out: dict[str, Any] = {"id": lineno, "line": lineno}
    try:
        item = _parse_line(_decode_line(raw, lineno), lineno)
        out["id"] = item.get("id", lineno)
        _misspelt(item, lineno)
        own = {k: item[k] for k in _LINE_OPTIONS if item.get(k) not in (None, "")}
        answer = assistant.ask(item["question"], history=item.get("history"),
                               **{**dates, **own})
        out.update(answer.to_dict())
    except ValueError as exc:
        out["error"] = str(exc)
        out["id"] = _line_id(raw, lineno)
    except Exception as exc:
        if not is_user_error(exc):
            raise
        out["error"] = str(exc)
    return out


def _decode_line(raw: bytes, lineno: int) -> str:
    """One line of a batch file; a line that is not UTF-8 fails alone, the others are answered."""
    try:
        return raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"line {lineno} is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at "
                         f"column {exc.start + 1}); save the file as UTF-8") from exc


def _line_id(raw: bytes, lineno: int) -> Any:
    """The id a line that could not be asked gives itself, else its line number: a program
    matches an error to its question by the id it wrote ({"id": "e4"} with no question)."""
    try:
        item = json.loads(raw)
    except ValueError:  # not JSON, or not UTF-8
        return lineno
    return item.get("id", lineno) if isinstance(item, dict) else lineno
