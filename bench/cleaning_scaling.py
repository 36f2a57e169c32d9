"""How cleaning time grows with the size of one document (issue 14: it grew with the square).

    .venv/bin/python -m bench.cleaning_scaling                 # this tree
    .venv/bin/python -m bench.cleaning_scaling --before HEAD   # index/cleaning.py as committed

CPU seconds are the figure to compare (wall time depends on what else the machine runs).
The text is news-like: unique lines of 12-30 words, one in ten preceded by a summary bullet the
body restates (which cleaning drops). `--before REV` cleans with the cleaning, dates and types
modules of that git revision, loaded from `git show` into a temporary package.
"""

from __future__ import annotations

import argparse
import importlib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

__all__ = ["news_like_text"]

ROOT = Path(__file__).resolve().parents[1]
_MODULES = ("cleaning", "dates", "types", "pages")


def news_like_text(n_bytes: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    vocab = [f"w{i}" + "abcdefghij"[i % 10] * (i % 7) for i in range(5000)]
    lines: list[str] = []
    size = 0
    while size < n_bytes:
        words = [rnd.choice(vocab) for _ in range(rnd.randint(12, 30))]
        if rnd.random() < 0.1:
            lines.append(" ".join(words[3:10]))  # a summary bullet, restated just below
        lines.append(" ".join(words).capitalize() + ".")
        size += len(lines[-1]) + 1
    return "\n".join(lines)


def _modules_at(rev: str, folder: Path) -> tuple[ModuleType, ModuleType]:
    """index.cleaning and index.types as they were at `rev`, as the package `old_index`."""
    package = folder / "old_index"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in _MODULES:
        shown = subprocess.run(["git", "show", f"{rev}:index/{name}.py"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode == 0:
            (package / f"{name}.py").write_text(shown.stdout)
    sys.path.insert(0, str(folder))
    return importlib.import_module("old_index.cleaning"), importlib.import_module(
        "old_index.types")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,8", help="megabytes, comma-separated")
    parser.add_argument("--before", metavar="REV", help="clean with index/ of a git revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.before:
            cleaning, types = _modules_at(args.before, Path(tmp))
        else:
            cleaning, types = (importlib.import_module("index.cleaning"),
                               importlib.import_module("index.types"))
        for mb in (float(s) for s in args.sizes.split(",")):
            text = news_like_text(int(mb * 1024 * 1024))
            doc = types.RawDocument(text=text, source="bench", source_key="bench")
            started, cpu = time.perf_counter(), time.process_time()
            articles = cleaning.clean_document(doc)
            kept = sum(len(a.text) for a in articles)
            print(f"{mb:g} MB: {time.process_time() - cpu:.2f} s CPU, "
                  f"{time.perf_counter() - started:.2f} s wall ({len(text.splitlines())} lines, "
                  f"{kept:,} characters kept)", flush=True)


if __name__ == "__main__":
    main()
