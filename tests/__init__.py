"""A package, so test modules can share helpers: `from tests.llama_server import ...`."""
