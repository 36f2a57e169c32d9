"""Shared fixtures: a real Chroma store holding the sample articles, and an Assistant over it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample_articles"
SHARED = ROOT.parent / "shared"
REALTIMEQA = SHARED / "benchmarks" / "realtimeqa-2025q1"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Tests must not see the developer's own configuration: every setting (NEWSQA_ANSWER_PATH=
# retrieval in a shell would change what every answer test checks). NEWSQA_SLOW selects tests.
for _var in [v for v in os.environ if v.startswith("NEWSQA_") and v != "NEWSQA_SLOW"]:
    os.environ.pop(_var, None)
for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
    os.environ.pop(_var, None)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("NEWSQA_SLOW") or "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow test: run with NEWSQA_SLOW=1 (make test-all)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory with the seven sample articles ingested once per test session.
    Tests that change it must copy it first (see `fresh_store`)."""
    from index import NewsIndex, StoreConfig

    path = tmp_path_factory.mktemp("sample-store")
    NewsIndex(StoreConfig(path=path, embed_model="all-MiniLM-L6-v2")).ingest([SAMPLES])
    return path


@pytest.fixture()
def fresh_store(sample_store: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, free to modify."""
    target = tmp_path / "store"
    shutil.copytree(sample_store, target)
    return target


@pytest.fixture(scope="session")
def settings(sample_store: Path):  # type: ignore[no-untyped-def]
    from assistant.settings import Settings

    return Settings(store=sample_store, llm="extractive", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def assistant(settings):  # type: ignore[no-untyped-def]
    from assistant import Assistant

    return Assistant(settings)


@pytest.fixture(scope="session")
def shared_available() -> Iterator[Path]:
    if not REALTIMEQA.is_dir():
        pytest.skip("../shared/benchmarks/realtimeqa-2025q1 is not present")
    yield REALTIMEQA


@pytest.fixture()
def site():  # type: ignore[no-untyped-def]
    """A news site of real-looking pages and feeds, served from 127.0.0.1 (tests/local_web.py)."""
    from tests.local_web import serve

    with serve() as served:
        yield served


@pytest.fixture()
def doubtful(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answerability that answers nothing at the topicality given (weight 4, bar 0.5 at 1): the
    plain-answer and told-act rules are tried where the scores doubt every sentence."""
    from dataclasses import replace

    from assistant import calibration
    from assistant.answerability import QUESTION_FEATURES

    w = [0.0] * len(QUESTION_FEATURES)
    w[QUESTION_FEATURES.index("topicality")] = 4.0
    t = replace(calibration.THRESHOLDS, answerable=(-4.0, *w), answerable_timeless=(-4.0, *w),
                answerable_below=0.5, answerable_below_timeless=0.5, min_topic_timeless=0.0)
    monkeypatch.setattr(calibration, "THRESHOLDS", t)
