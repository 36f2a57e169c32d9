"""Measurements that run in a fresh Python process: `python -m bench.worker KIND` reads its
arguments as JSON on stdin and writes its result as JSON to `result_path`.

Each process loads only what its measurement needs, so its timings, imports and peak memory are
its own. Model loading happens before the clock starts, in every pipeline alike.

The measurements live in `bench.ingest_worker`, `bench.corpus_worker`, `bench.query_worker`,
`bench.ask_worker` and `bench.profile_worker`, each registered in `bench.registry` by its name.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench import ask_worker, corpus_worker, ingest_worker, profile_worker, query_worker
from bench.registry import WORKERS, store_config

__all__ = ["MODULES", "WORKERS", "main"]

# Imported for their workers: each registers its own in WORKERS when imported.
MODULES = (ingest_worker, corpus_worker, query_worker, ask_worker, profile_worker)
_store_config = store_config  # tests/test_bench.py opens the bench's stores with it


def _serve(kind: str) -> None:
    """One call per line of stdin; each result (or error) as one line on the original stdout.
    Everything else anything prints goes to stderr, so it cannot break the protocol."""
    import traceback

    reply = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            result = WORKERS[kind](json.loads(line))
        except BaseException:  # reported to the parent, which raises it
            result = {"error": traceback.format_exc()}
        reply.write(json.dumps(result) + "\n")
        reply.flush()


def main() -> None:
    if sys.argv[1] == "serve":
        _serve(sys.argv[2])
        return
    kind = sys.argv[1]
    args = json.loads(sys.stdin.read() or "{}")
    result = WORKERS[kind](args)
    Path(args["result_path"]).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
