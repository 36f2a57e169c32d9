"""Small inline SVG charts for the HTML report: no script, no external asset."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["PALETTE", "bar_chart", "histogram_bins", "latency_histogram"]

PALETTE = ("#2f6db3", "#3a9a5b", "#d08a1f", "#9b59b6")
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'
# A generous width of one character at that size, for room that labels need (an SVG does not
# grow to fit its text: whatever passes its edge is cut off).
_CHAR_W = 6.5
_COS30, _SIN30 = 0.866, 0.5


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
            f'<title>{escape(label)}</title>{"".join(body)}</svg>')


def _axis(left: int, top: int, plot_w: int, plot_h: int, ticks: Sequence[tuple[float, str]]
          ) -> list[str]:
    parts = []
    for frac, text in ticks:
        y = top + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" {_FONT}>'
                     f"{escape(text)}</text>")
    return parts


def bar_chart(groups: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
              title: str, height: int = 260) -> str:
    """Grouped bars of shares (0..1): one group per category, one bar per series; a missing
    value (metric not applicable) leaves a gap."""
    left, top, group_w = 40, 28, max(48, 22 * len(series) + 16)
    # Group labels slant down to the right from under their group: the last one's tail and
    # the longest one's depth set the room to the right and below.
    longest = max((len(g) for g in groups), default=0) * _CHAR_W
    tail = len(groups[-1]) * _CHAR_W * _COS30 - group_w / 2 + 6 if groups else 0.0
    bottom = max(70, int(12 + longest * _SIN30 + 14))
    width = left + group_w * len(groups) + max(10, int(tail) + 6)
    plot_h = height - top - bottom
    bar_w = (group_w - 12) / max(1, len(series))
    body = _axis(left, top, group_w * len(groups), plot_h,
                 [(f, f"{f:.0%}") for f in (0, 0.25, 0.5, 0.75, 1)])
    for g, group in enumerate(groups):
        x0 = left + g * group_w + 6
        for s, (name, values) in enumerate(series):
            value = values[g]
            if value is None:
                continue
            h = plot_h * max(0.0, min(1.0, value))
            body.append(f'<rect x="{x0 + s * bar_w:.1f}" y="{top + plot_h - h:.1f}" '
                        f'width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{PALETTE[s % 4]}">'
                        f"<title>{escape(group)}: {escape(name)} {value:.1%}</title></rect>")
        body.append(f'<text transform="translate({x0 + group_w / 2 - 6:.1f},{top + plot_h + 12})'
                    f' rotate(30)" {_FONT}>{escape(group)}</text>')
    for s, (name, _) in enumerate(series):
        body.append(f'<rect x="{left + s * 150}" y="6" width="10" height="10" '
                    f'fill="{PALETTE[s % 4]}"/><text x="{left + s * 150 + 14}" y="15" {_FONT}>'
                    f"{escape(name)}</text>")
    return _svg(max(width, left + 150 * len(series)), height, body, title)


def histogram_bins(values: Sequence[float], bins: int) -> tuple[list[int], float, float]:
    """Counts in `bins` equal-width bins between the smallest and largest value."""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - low) / span * bins))] += 1
    return counts, low, high


def latency_histogram(latencies_ms: Sequence[float], title: str, bins: int = 12,
                      height: int = 220) -> str:
    if not latencies_ms:
        return "<p>No latencies recorded.</p>"
    counts, low, high = histogram_bins(latencies_ms, bins)
    left, top, bottom, bar_w = 40, 14, 40, 36
    plot_h, peak = height - top - bottom, max(counts)
    body = _axis(left, top, bar_w * bins, plot_h, [(0, "0"), (1, str(peak))])
    step = ((high - low) or 1.0) / bins
    for i, count in enumerate(counts):
        h = plot_h * count / peak
        lo = low + i * step
        body.append(f'<rect x="{left + i * bar_w + 1}" y="{top + plot_h - h:.1f}" '
                    f'width="{bar_w - 2}" height="{h:.1f}" fill="{PALETTE[0]}"><title>'
                    f"{lo:,.0f}–{lo + step:,.0f} ms: {count}</title></rect>")
    for i in (0, bins // 2, bins):
        body.append(f'<text x="{left + i * bar_w}" y="{height - 20}" text-anchor="middle" '
                    f"{_FONT}>{low + i * step:,.0f}</text>")
    body.append(f'<text x="{left + bar_w * bins / 2}" y="{height - 4}" text-anchor="middle" '
                f"{_FONT}>latency, ms</text>")
    return _svg(left + bar_w * bins + 20, height, body, title)
