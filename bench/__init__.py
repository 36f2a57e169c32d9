"""newsqa's benchmark (`newsqa bench`, `make bench`): ingest, retrieval, ask() per backend, cold
start, memory and answer quality, measured side by side in fresh processes on this machine.

Results go to bench/results.json and bench/results.md. Needs the RealTime QA benchmark beside
the repository (`../shared/benchmarks/realtimeqa-2025q1`); without it, it says so and stops.
"""

from .run import SECTIONS, BenchConfig, quick_config, run_bench

__all__ = ["SECTIONS", "BenchConfig", "quick_config", "run_bench"]
