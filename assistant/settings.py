"""The one settings object: environment (prefix NEWSQA_), a .env file, then explicit overrides."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from platformdirs import user_data_dir
from pydantic import (
    AfterValidator,
    AliasChoices,
    BeforeValidator,
    Field,
    TypeAdapter,
    ValidationError,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from index import DEFAULT_EMBED_MODEL, FetchConfig, StoreConfig

__all__ = ["MAX_QUESTION_CHARS", "BackendName", "Settings", "unknown_variables"]

MAX_QUESTION_CHARS = 2000
PREFIX = "NEWSQA_"
# Variables of the prefix that are no setting: the test suite's switch and the CLI's --debug.
NOT_SETTINGS = frozenset({"NEWSQA_SLOW", "NEWSQA_DEBUG"})


def _registered(name: str) -> str:
    # The registry is the one list of backends. Its UnknownBackendError is not a ValueError, so
    # pydantic passes it through as it is: one line naming the registered backends.
    from .backends import check_backend_name

    return check_backend_name(name)


# A registered backend name: "auto", "openai", "local", "extractive", "llamaindex:ollama", ...
BackendName = Annotated[str, AfterValidator(_registered)]


def _on_off(value: object) -> object:
    """The setting was a yes/no before "background" existed: yes meant at ingest."""
    words = {"true": "ingest", "1": "ingest", "yes": "ingest", "on": "ingest",
             "false": "off", "0": "off", "no": "off"}
    if isinstance(value, int) and value in (0, 1):  # bools too
        return "ingest" if value else "off"
    return words.get(value.strip().lower(), value.strip().lower()) if isinstance(
        value, str) else value


SentenceVectors = Annotated[Literal["background", "ingest", "off"], BeforeValidator(_on_off)]


def _default_store() -> Path:
    return Path(user_data_dir("newsqa", appauthor=False))


class Settings(BaseSettings):
    """Everything configurable. Pass it explicitly; nothing reads globals behind your back."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_file=".env", env_file_encoding="utf-8", extra="ignore",
        frozen=True,
    )

    store: Path = Field(default_factory=_default_store, description="Index directory.")
    llm: BackendName = Field("auto", description="Answering backend (see assistant.backends).")
    model: str = Field("gpt-4o-mini", description="Model name for the openai and llamaindex:* "
                       "backends.")
    embed_model: str = Field(DEFAULT_EMBED_MODEL, description="Embedding model.")
    embed_runtime: Literal["auto", "onnx-int8", "onnx", "torch"] = Field(
        "auto", description="How a local embedding model runs: auto (as the index was built; "
        "onnx-int8 for a new one), onnx-int8 (fastest), onnx (float, same vectors as torch) "
        "or torch (sentence-transformers).")
    chroma_host: str | None = Field(None, description="Chroma server host (else on-disk).")
    chroma_port: int = Field(8000, description="Chroma server port.")
    # 10: the detail a reader asks about is often in a passage ranked 7th to 10th (tuning sets:
    # natural questions 48% -> 55% correct from 6 to 10, quiz 52.8% -> 53.2%; 15 loses quiz).
    top_k: int = Field(10, ge=1, le=50, description="Passages retrieved for the answerer.")
    llm_sources: int | None = Field(
        None, ge=1, le=50, description="Sources shown to a chat model (default: the backend's "
        "own; local: 3, openai: 6), the best by the reader's ranking. Lower it for a small model "
        "behind a server.")
    llm_context: Literal["passages", "evidence"] | None = Field(
        None, description="What of each source a chat model reads: whole passages, or only "
        "their evidence sentences (default: the backend's own; local: evidence, openai: "
        "passages). Evidence reads ~3x faster on a small local model.")
    chunk_tokens: int = Field(200, ge=32, le=2000, description="Chunk size in tokens.")
    sentence_vectors: SentenceVectors = Field(
        "background", description="When every sentence of the articles is embedded and "
        "stored, so that a question looks up the vectors of the sentences it reads instead of "
        "embedding them (the same answers, ~60 ms sooner): `background`, by the UI after it "
        "starts and after each upload, on one core (ingest is as fast as without; `newsqa "
        "ingest --sentence-vectors` does it at once); `ingest`, during every ingest (~1.8x its "
        "time); `off`, never.")
    answer_path: Literal["full", "rerank", "retrieval"] = Field(
        "full", description="For ablations: `retrieval` answers with the retrieved sentence "
        "that shares most with the question (no reader, no abstention), `rerank` lets the "
        "reader order the evidence and decide abstention but not lead with a short answer.")
    timeout: float = Field(60.0, gt=0, description="LLM request timeout, seconds.")
    max_retries: int = Field(2, ge=0, le=10, description="LLM retries on transient errors.")
    local_model_path: Path | None = Field(None, description="GGUF file for the local backend.")
    ui_auth: str | None = Field(None, description="user:password to require a UI login.")
    ui_max_upload_mb: int = Field(20, ge=1, description="Largest accepted upload, MiB.")
    fetch_allow_private: bool = Field(
        False, description="Let the UI fetch URLs that resolve to loopback, link-local or "
        "private addresses (the CLI always may: its user is the operator).")
    fetch_timeout: float = Field(15.0, gt=0, description="Seconds to wait for a web page or "
                                 "feed to connect and between reads.")
    openai_api_key: str | None = Field(
        None, validation_alias=AliasChoices("OPENAI_API_KEY", "NEWSQA_OPENAI_API_KEY"),
        repr=False,
    )
    openai_base_url: str | None = Field(
        None, validation_alias=AliasChoices("OPENAI_BASE_URL", "NEWSQA_OPENAI_BASE_URL")
    )

    def __init__(self, **values: Any) -> None:
        # The environment and .env may hold variables of other programs, so unknown ones are
        # ignored there (`extra="ignore"`); a keyword given here is meant for us, and a
        # misspelt one would otherwise be dropped without a word.
        names = _setting_names()
        unknown = [k for k in values if not k.startswith("_") and k not in names]
        if unknown:
            from .errors import InvalidRequestError

            raise InvalidRequestError(_unknown_setting(unknown[0], sorted(Settings.model_fields)))
        try:
            super().__init__(**values)
        except UnicodeDecodeError as exc:
            raise _not_utf8(values.get("_env_file", ".env"), exc) from None

    @property
    def openai_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    def store_config(self) -> StoreConfig:
        return StoreConfig(
            path=self.store.expanduser(),
            embed_model=self.embed_model,
            embed_runtime=self.embed_runtime,
            chroma_host=self.chroma_host,
            chroma_port=self.chroma_port,
            chunk_tokens=self.chunk_tokens,
            sentence_vectors=self.sentence_vectors == "ingest",
            # `openai:MODEL` embedders need the key too, also when it only lives in .env.
            openai_api_key=self.openai_api_key,
            openai_base_url=self.openai_base_url,
        )

    def fetch_config(self, *, operator: bool = False) -> FetchConfig:
        """Limits for fetching pages and feeds; `operator`: the caller is the operator (the
        CLI), who may fetch private addresses."""
        return FetchConfig(timeout=self.fetch_timeout,
                           allow_private=operator or self.fetch_allow_private)

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given fields replaced; None values are ignored (CLI flags not given).
        Each value is validated like the field itself (model_copy would not)."""
        given = {k: _checked(k, v) for k, v in overrides.items() if v is not None}
        return self.model_copy(update=given) if given else self


def _not_utf8(env_file: object, exc: UnicodeDecodeError) -> Exception:
    from .errors import InvalidRequestError

    where = Path(str(env_file)).resolve() if env_file else ".env"
    return InvalidRequestError(f"The settings file {where} is not UTF-8 text (byte "
                               f"{exc.start}); save it as UTF-8, or remove it.")


def _setting_names() -> set[str]:
    names = set(Settings.model_fields)
    for field in Settings.model_fields.values():
        if isinstance(field.validation_alias, AliasChoices):
            names |= {c for c in field.validation_alias.choices if isinstance(c, str)}
    return names


def _unknown_setting(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else f" Settings: {', '.join(known)}."
    return f"Unknown setting {name!r}.{hint}"


def unknown_variables(environ: Mapping[str, str] | None = None,
                      env_file: Path | None = Path(".env")) -> list[str]:
    """A line for each NEWSQA_ variable of the environment or of `env_file` that names no
    setting, with the one it most resembles: such a variable is ignored (as other programs'
    variables are), and a misspelt NEWSQA_TOPK would otherwise change nothing silently."""
    from dotenv import dotenv_values

    seen = dict(environ if environ is not None else os.environ)
    if env_file is not None and env_file.is_file():
        try:
            seen |= {k: v or "" for k, v in dotenv_values(env_file).items()}
        except UnicodeDecodeError as exc:
            raise _not_utf8(env_file, exc) from None
    known = [PREFIX + n.upper() for n in Settings.model_fields]
    lines = []
    for name in sorted(seen):
        if name.upper().startswith(PREFIX) and name.upper() not in (*known, *NOT_SETTINGS):
            close = difflib.get_close_matches(name.upper(), known, n=1)
            lines.append(f"{name} is not a setting, so it is ignored"
                         + (f" (did you mean {close[0]}?)" if close else ""))
    return lines


def _checked(name: str, value: object) -> object:
    from .errors import InvalidRequestError

    field = Settings.model_fields.get(name)
    if field is None:
        raise InvalidRequestError(_unknown_setting(name, sorted(Settings.model_fields)))
    annotation: Any = field.annotation
    if field.metadata:
        annotation = Annotated.__class_getitem__((annotation, *field.metadata))  # type: ignore[attr-defined]
    try:
        return TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:
        raise InvalidRequestError(f"Invalid {name} {value!r}: {exc.errors()[0]['msg']}.") from exc
