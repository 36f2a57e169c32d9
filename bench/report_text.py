"""How results.md writes a figure: a value, a spread of runs, a percentage, a table."""

from __future__ import annotations

from typing import Any

__all__ = ["fmt", "fmt_spread", "pct", "table"]


def fmt(value: Any, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value}{unit}"


def fmt_spread(sp: dict[str, Any] | None, digits: int = 1, unit: str = "") -> str:
    """median (min–max, n runs)"""
    if not sp or sp.get("median") is None:
        return "—"
    if sp.get("n", 1) <= 1:
        return fmt(float(sp["median"]), digits, unit)
    return (f"{fmt(float(sp['median']), digits, unit)} ({fmt(float(sp['min']), digits)}–"
            f"{fmt(float(sp['max']), digits)}, n={sp['n']})")


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *["| " + " | ".join(r) + " |" for r in rows], ""]


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%"
