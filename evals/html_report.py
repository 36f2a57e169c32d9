"""report.html: one self-contained page (inline CSS and SVG, no script, no external asset) with
the scores, two charts and every question — failures first, open."""

from __future__ import annotations

import os
from html import escape
from typing import Any

from .charts import bar_chart, latency_histogram

__all__ = ["render_html"]

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}
th{background:#f4f4f4}.charts{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
.banner{padding:.6em 1em;border-radius:4px;font-weight:600}
.ok{background:#e5f5ea;color:#1d6b36}.bad{background:#fde8e8;color:#a11}
details{border:1px solid #ddd;border-radius:4px;margin:.5em 0;padding:.4em .8em}
details.fail{border-left:5px solid #c33}details.pass{border-left:5px solid #3a9a5b}
summary{cursor:pointer}.tag{font-size:.8em;background:#eee;border-radius:3px;padding:0 .4em}
blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid #2f6db3;background:#f7f9fc}
blockquote.invalid{border-left-color:#c33;background:#fdf0f0}.muted{color:#666;font-size:.9em}
dl{display:grid;grid-template-columns:9em 1fr;gap:.2em 1em;margin:.5em 0}dt{color:#555}dd{margin:0}
"""


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _charts(data: dict[str, Any]) -> str:
    cats = data["categories"]
    names = list(cats)
    series = [(label, [cats[c][key] for c in names]) for key, label in (
        ("accuracy", "answer correct"), ("grounded", "grounded correct"),
        ("abstention_recall", "abstained when unanswerable"))]
    latencies = [q["latency_ms"] for q in data["questions"] if q["latency_ms"] is not None]
    return (f'<div class="charts"><figure>{bar_chart(names, series, "Scores by category")}'
            f"<figcaption>Scores by category</figcaption></figure><figure>"
            f'{latency_histogram(latencies, "Latency histogram")}'
            f"<figcaption>Latency per question</figcaption></figure></div>")


def _citation(c: dict[str, Any]) -> str:
    where = f"[{c['n']}] {os.path.basename(c['source'])} · {c['start']}:{c['end']}"
    flag = "" if c["valid"] else f" · <b>INVALID: {escape(c['problem'])}</b>"
    css = "" if c["valid"] else ' class="invalid"'
    return (f"<blockquote{css}>{escape(c['quote'])}"
            f'<div class="muted">{escape(where)}{flag}</div></blockquote>')


def _groups(groups: list[list[str]]) -> str:
    return " AND ".join("(" + " | ".join(escape(a) for a in g) + ")" for g in groups) or "–"


def _question(q: dict[str, Any]) -> str:
    v = q["verdicts"]
    state = "pass" if q["passed"] else "fail"
    history = "".join(f"<div class=muted>{escape(t['role'])}: {escape(t['content'])}</div>"
                      for t in q["history"])
    rows = [("answer", escape(q["error"] or q["answer"] or "")),
            ("quotes", "".join(map(_citation, q["citations"])) or "none"),
            ("expected", escape(q["reference_answer"])),
            ("must include", _groups(q["must_include"])),
            ("missing", _groups(v["missing"]) if v["missing"] else "–"),
            ("not in a quote", _groups(v["ungrounded"]) if v["ungrounded"] else "–"),
            ("gold articles", escape(", ".join(q["gold_articles"]) or "–")),
            ("retrieved", escape(", ".join(f"{p['n']}:{os.path.basename(p['source'])}"
                                           for p in q["retrieved"]) or "–")),
            ("verdicts", escape(", ".join(f"{k}={v[k]}" for k in (
                "correct", "grounded", "abstained", "citation_precise", "citation_recalled",
                "first_relevant_rank", "judge") if v[k] is not None))),
            ("latency", f"{q['latency_ms']:,.0f} ms" if q["latency_ms"] is not None else "–")]
    body = "".join(f"<dt>{k}</dt><dd>{val}</dd>" for k, val in rows)
    return (f'<details class="{state}"{" open" if state == "fail" else ""}><summary>'
            f'<b>{escape(q["id"])}</b> <span class="tag">{escape(q["category"])}</span> '
            f'<span class="tag">{state.upper()}</span> {escape(q["question"])}</summary>'
            f"{history}<dl>{body}</dl></details>")


def render_html(data: dict[str, Any], table: tuple[list[str], list[list[str]]]) -> str:
    """The page for a report.json dict and its summary table."""
    failures = data["quote_failures"]
    banner = (f'<p class="banner bad">INVALID QUOTES in {len(failures)} question(s): '
              f'{escape(", ".join(failures))}</p>' if failures
              else '<p class="banner ok">Quote validity 100%: every quote is verbatim.</p>')
    questions = sorted(data["questions"], key=lambda q: q["passed"])  # stable: failures first
    n_failed = sum(not q["passed"] for q in questions)
    title = f"newsqa eval: {data['dataset']} ({data['llm']})"
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{escape(title)}</h1><p class=muted>store {escape(data['store'])} · "
            f"{escape(data['started'])} · {data['seconds']:.0f} s</p>{banner}"
            f"<h2>Scores</h2>{_table(*table)}<h2>Charts</h2>{_charts(data)}"
            f"<h2>Questions ({n_failed} of {len(questions)} not passed, listed first)</h2>"
            + "".join(map(_question, questions)) + "</body></html>\n")
