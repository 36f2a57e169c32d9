"""The `newsqa` command line: the one place that knows every part (index, assistant, ui, evals)."""

__all__: list[str] = []
