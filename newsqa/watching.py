"""Helpers of `newsqa watch`: reading an interval, printing a round of polling."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

import typer

from .common import console, err_console

if TYPE_CHECKING:
    from index.feeds import PollReport

__all__ = ["check_feeds", "parse_interval", "print_poll"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


def parse_interval(text: str) -> float:
    """"90s", "30m", "1h", "1.5h" or plain seconds -> seconds."""
    match = _INTERVAL.match(text)
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"'{text}' is not an interval; use e.g. 90s, 30m or 1h.",
                                 param_hint="--every")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def check_feeds(feeds: list[str]) -> None:
    from index.fetching import is_url

    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise typer.BadParameter(f"{', '.join(bad)}: not a feed address; give RSS/Atom feed "
                                 "URLs starting with http:// or https://.", param_hint="FEEDS")


def print_poll(n: int, report: PollReport) -> None:
    """A line per new article on stdout; failures (retried next round) on stderr."""
    stamp = datetime.now().strftime("%H:%M:%S")
    for warning in report.warnings:
        err_console.print(f"[yellow]{stamp} warning:[/] {warning}", highlight=False)
    for a in report.new:
        where = " · ".join(b for b in (a.outlet, a.published) if b)
        console.print(f"{stamp} + {a.title}" + (f" ({where})" if where else "")
                      + f"  {a.source}", highlight=False, soft_wrap=True)
