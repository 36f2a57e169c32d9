"""Errors raised by the evals package. Every message says how to fix the problem."""

from __future__ import annotations

__all__ = ["CompareError", "DatasetError", "EvalError", "JudgeError", "StorePrepError"]


class EvalError(Exception):
    """Base class for every error of the evals package."""


class DatasetError(EvalError):
    """An evaluation dataset is missing, unreadable or malformed."""


class StorePrepError(EvalError):
    """The index an evaluation needs cannot be found or built."""


class JudgeError(EvalError):
    """The LLM judge is not configured or cannot be reached."""


class CompareError(EvalError):
    """A report given to `--compare` cannot be read."""
