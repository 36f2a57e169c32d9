"""Uploaded files: checked (type, size), renamed safely and kept under `<store>/uploads/`.

The index identifies an article by its source path, so an upload must live somewhere stable (not
in Gradio's temporary cache, which is cleaned up) for re-ingests and removals to find it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
import uuid
from collections.abc import Iterable
from pathlib import Path

from index import SUPPORTED_SUFFIXES

from .errors import UnsupportedUploadError, UploadError, UploadTooLargeError

__all__ = ["UPLOAD_DIR_NAME", "left_out_in_page", "sanitise_filename", "save_uploads",
           "upload_dir"]

UPLOAD_DIR_NAME = "uploads"
_MAX_NAME_CHARS = 80
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_LEFT_OUT = 50  # files named as left out by the page; a longer list is cut


def upload_dir(store: Path) -> Path:
    return store.expanduser() / UPLOAD_DIR_NAME


def sanitise_filename(name: str) -> str:
    """A plain `stem.suffix` made of [A-Za-z0-9._-]: no directories, no leading dot, no `..`."""
    base = re.split(r"[\\/]", name)[-1]  # both separators: the client may run Windows
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = _UNSAFE.sub("_", stem).strip("._-")
    stem = re.sub(r"\.{2,}", ".", stem)[:_MAX_NAME_CHARS] or "upload"
    suffix = _UNSAFE.sub("", suffix).lower()
    return f"{stem}.{suffix}" if suffix else stem


def _check(path: Path, shown_name: str, max_mb: int) -> None:
    suffix = Path(sanitise_filename(shown_name)).suffix
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedUploadError(shown_name, SUPPORTED_SUFFIXES)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UploadError(f"{shown_name} could not be read after upload ({exc.strerror}); "
                          "please upload it again.") from exc
    if size > max_mb * 1024 * 1024:
        raise UploadTooLargeError(shown_name, size / 1024 / 1024, max_mb)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(folder: Path, name: str, digest: str) -> list[Path]:
    """Where an upload may go: `name`, or `stem-<hash>.suffix` when a different file has it."""
    plain = folder / name
    names = [plain, folder / f"{plain.stem}-{digest[:10]}{plain.suffix}"]
    if any(n.resolve().parent != folder.resolve() for n in names):  # after sanitising, too
        raise UploadError(f"Refusing the file name {name!r}.")
    return names


def _place(source: Path, folder: Path, name: str) -> Path:
    """Copy `source` in under `name`, never over a different file: two people uploading
    `article.txt` at once never replace each other's article. The copy is complete before
    it takes its name (a hard link either makes the name or finds it taken, atomically)."""
    digest = _digest(source)
    part = folder / f".{digest[:16]}-{uuid.uuid4().hex}.part"
    shutil.copyfile(source, part)
    try:
        for target in _names(folder, name, digest):
            try:
                _claim(part, target)
                return target
            except FileExistsError:
                if _digest(target) == digest:  # the same file uploaded before
                    return target
        raise UploadError(f"Cannot save {name!r}: files of that name keep arriving; try again.")
    finally:
        part.unlink(missing_ok=True)


def _claim(part: Path, target: Path) -> None:
    """Give the complete copy `part` the name `target`; FileExistsError when it is taken."""
    try:
        os.link(part, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network drives): claim it, then fill it
        with open(target, "xb") as claimed, open(part, "rb") as copy:
            shutil.copyfileobj(copy, claimed)


def save_uploads(files: Iterable[tuple[Path, str]], store: Path, max_mb: int,
                 refused: list[str] | None = None) -> list[Path]:
    """Copy `(temporary path, name the user gave)` pairs into the upload folder; every file is
    checked before any is copied. A refused file (another kind, too large) raises its error,
    and nothing is copied; given `refused`, its message goes there instead ("…; skipped") and
    the other files are saved: one wrong file chosen among articles lost them all, unsaid. A
    choice of refused files only still raises the first one's error."""
    pending, errors = [], []
    for path, shown in files:
        try:
            _check(path, re.split(r"[\\/]", shown)[-1], max_mb)
            pending.append((path, shown))
        except UploadError as exc:
            if refused is None:
                raise
            errors.append(exc)
    if errors and not pending:
        if len(errors) == 1:
            raise errors[0]
        raise UploadError(" ".join(str(e) for e in errors))  # each named, not the first alone
    if refused is not None:
        refused += [f"{str(exc).rstrip('.')}; skipped" for exc in errors]
    folder = upload_dir(store)
    folder.mkdir(parents=True, exist_ok=True)
    return [_place(path, folder, sanitise_filename(shown)) for path, shown in pending]


def left_out_in_page(payload: str | None, max_mb: int) -> list[UploadTooLargeError]:
    """The files the page left out of an upload as too large (`ui/app.js`), as the error the
    server would have given each: the page sends `[[name, bytes], …]` as JSON. It is only said
    back to the page that sent it, so it is taken at its word; anything malformed is dropped."""
    try:
        pairs = json.loads(payload or "[]")
    except ValueError:
        return []
    if not isinstance(pairs, list):
        return []
    return [UploadTooLargeError(re.split(r"[\\/]", name)[-1][:_MAX_NAME_CHARS * 2],
                                size / 1024 / 1024, max_mb)
            for name, size in (p for p in pairs[:_MAX_LEFT_OUT] if _named_size(p))]


def _named_size(pair: object) -> bool:
    return (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)
            and isinstance(pair[1], int | float) and not isinstance(pair[1], bool))
