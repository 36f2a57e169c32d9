"""The assistant in LlamaIndex's terms, for use in LlamaIndex pipelines and agents:

- `NewsRetriever`: our hybrid retrieval as a `BaseRetriever`; its nodes are verbatim passages
  with their character offsets and article metadata.
- `NewsQueryEngine`: our verified answers as a `CustomQueryEngine` (also as a `QueryEngineTool`);
  the response's source nodes are the verified quotes.
- `LlamaIndexBackend`: any LlamaIndex `LLM` as our chat backend (`NEWSQA_LLM=llamaindex:ollama`,
  or `Assistant(llm=<LLM instance>)`).

This package imports `llama_index.core`, which takes seconds: nothing on the `newsqa ask` path
imports it. Nothing here reads or sets `llama_index.core.Settings`: every LLM and embedding model
is passed explicitly.
"""

from __future__ import annotations

from .backend import LlamaIndexBackend, llm_error
from .integrations import installed_integrations, llm_from_settings
from .nodes import citation_nodes, passage_node
from .query_engine import NewsQueryEngine
from .retriever import NewsRetriever, assistant_for

__all__ = [
    "LlamaIndexBackend",
    "NewsQueryEngine",
    "NewsRetriever",
    "assistant_for",
    "citation_nodes",
    "installed_integrations",
    "llm_error",
    "llm_from_settings",
    "passage_node",
]
