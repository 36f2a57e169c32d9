"""`NEWSQA_LLM=llamaindex:<integration>`: a LlamaIndex LLM built from our settings.

`<integration>` is the module under `llama_index.llms` (`ollama`, `anthropic`, `google_genai`,
`bedrock_converse`, `lmstudio`, `openai_like`, ...), i.e. the package
`llama-index-llms-<integration>`. Its LLM class gets the model from NEWSQA_MODEL, temperature 0,
and our timeout, retries and answer length wherever it has such fields. The integrations that
speak the OpenAI protocol (OPENAI_PROTOCOL) also get the server of OPENAI_BASE_URL, and the answer
length and temperature with each request. Anything more particular
(a base URL of an Ollama on another host, a region, a key) is the integration's own environment
variable, or build the LLM in Python and pass it: `Assistant(settings, llm=Ollama(...))`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType
from typing import TYPE_CHECKING, Any

from llama_index.core.llms import LLM

from ..backends.openai_backend import DUMMY_API_KEY
from ..errors import LLMUnavailableError

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["ANSWER_TOKENS", "OPENAI_PROTOCOL", "installed_integrations", "llm_from_settings"]

# An answer is one to three sentences plus their quotes (what the answer path asks for); a
# LlamaIndex LLM takes its length at construction, not per call.
ANSWER_TOKENS = 320
# Integrations that send their call arguments on as fields of an OpenAI-style chat request:
# `max_tokens`/`temperature` given per call reach the server (most others drop or reject them).
OPENAI_PROTOCOL = ("openai", "openai_like", "lmstudio")


def installed_integrations() -> list[str]:
    """The `llama_index.llms.*` modules installed here (e.g. ["lmstudio", "ollama"])."""
    try:
        package = importlib.import_module("llama_index.llms")
    except ImportError:
        return []
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__))


def llm_from_settings(settings: Settings) -> LLM:
    """The LLM of `settings.llm` = "llamaindex:<integration>"; LLMUnavailableError (saying
    what to install or set) when it is not installed or cannot be configured."""
    integration = settings.llm.partition(":")[2].replace("-", "_")
    cls = _llm_class(_module(integration), integration)
    arguments = _arguments(cls, integration, settings)
    try:
        return cls(**arguments)
    except Exception as err:  # pydantic errors, missing keys, ...: the integration's own words
        raise LLMUnavailableError(
            f"Cannot configure the LlamaIndex LLM {cls.__name__} for {settings.llm} ({err}). "
            "Set what it asks for (its environment variables, NEWSQA_MODEL), or build it in "
            "Python and pass it as Assistant(settings, llm=...)."
        ) from err


def _module(integration: str) -> ModuleType:
    name = f"llama_index.llms.{integration}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name is None or not name.startswith(err.name):
            raise  # the integration is there but one of its own dependencies is missing
        installed = ", ".join(f"llamaindex:{i}" for i in installed_integrations()) or "none"
        raise LLMUnavailableError(
            f"NEWSQA_LLM=llamaindex:{integration} needs the LlamaIndex integration "
            f"`pip install llama-index-llms-{integration.replace('_', '-')}`. Installed here: "
            f"{installed}. Or use --llm extractive."
        ) from err


def _llm_class(module: ModuleType, integration: str) -> type[LLM]:
    """The integration's LLM class: the only one it exports, or the one named like it."""
    exported = [getattr(module, n) for n in getattr(module, "__all__", dir(module))]
    classes = [c for c in exported if inspect.isclass(c) and issubclass(c, LLM)]
    wanted = integration.replace("_", "").lower()
    named = [c for c in classes if c.__name__.lower() == wanted]
    if len(classes) == 1 or len(named) == 1:
        return classes[0] if len(classes) == 1 else named[0]
    names = ", ".join(c.__name__ for c in classes) or "none"
    raise LLMUnavailableError(
        f"llama_index.llms.{integration} exports {names}: cannot tell which LLM to use. Build it "
        "in Python and pass it as Assistant(settings, llm=...).")


def _arguments(cls: type[LLM], integration: str, settings: Settings) -> dict[str, Any]:
    fields = cls.model_fields
    wanted: dict[str, Any] = {
        "model": settings.model, "model_name": settings.model, "temperature": 0.0,
        "max_tokens": ANSWER_TOKENS,
        "max_new_tokens": ANSWER_TOKENS, "timeout": settings.timeout,
        "request_timeout": settings.timeout, "max_retries": settings.max_retries,
    }
    base_url = settings.openai_base_url
    if integration in ("openai", "openai_like"):
        # The same server our own `openai` backend would use (OPENAI_BASE_URL / _API_KEY).
        wanted["api_base"] = base_url
        wanted["api_key"] = settings.openai_api_key or (DUMMY_API_KEY if base_url else None)
        wanted["is_chat_model"] = True
    if integration == "lmstudio":
        wanted["base_url"] = base_url  # any OpenAI-compatible server, not only LM Studio's
    return {k: v for k, v in wanted.items() if k in fields and v is not None}
