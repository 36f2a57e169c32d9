"""results.json -> results.md: the machine first, then every figure with its spread, the targets,
where the time goes, and what is not measured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .formats import poll_target, render_formats

__all__ = ["render_markdown", "targets"]

ANALYSIS = Path(__file__).resolve().parent / "analysis.md"


def _f(value: Any, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value}{unit}"


def _s(sp: dict[str, Any] | None, digits: int = 1, unit: str = "") -> str:
    """median (min–max, n runs)"""
    if not sp or sp.get("median") is None:
        return "—"
    if sp.get("n", 1) <= 1:
        return _f(float(sp["median"]), digits, unit)
    return (f"{_f(float(sp['median']), digits, unit)} ({_f(float(sp['min']), digits)}–"
            f"{_f(float(sp['max']), digits)}, n={sp['n']})")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *["| " + " | ".join(r) + " |" for r in rows], ""]


def _size(results: dict[str, Any], target: int) -> dict[str, Any] | None:
    for s in (results.get("retrieval") or {}).get("sizes", []):
        if s["target"] == target:
            return s
    return None


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met (None: not measured)."""
    out: list[dict[str, Any]] = []

    def add(name: str, value: float | None, goal: str, ok: bool | None, shown: str) -> None:
        out.append({"target": name, "value": value, "goal": goal, "met": ok, "shown": shown})

    ing = results.get("ingest") or {}
    for other, goal, label in (("llamaindex", 1.5, "plain LlamaIndex pipeline"),
                               ("bare", 0.8, "bare embedder")):
        r = ing.get(f"ratio_vs_{other}")
        v = r["articles_per_s"] if r else None
        add(f"ingest articles/s vs {label}", v, f">= {goal}x", None if v is None else v >= goal,
            f"{_f(v, 2, 'x')} (rounds {_f(r['rounds']['min'], 2)}–{_f(r['rounds']['max'], 2)})"
            if r else "—")
    re = (ing.get("reingest") or {}).get("share_of_first")
    v = re["median"] if re else None
    add("re-ingest of the unchanged corpus, share of first ingest", v, "<= 3%",
        None if v is None else v <= 0.03, _s(re and {k: (x * 100 if isinstance(x, float) else x)
                                                     for k, x in re.items()}, 2, "%"))
    for size, goal in ((10_000, 30.0), (100_000, 80.0)):
        s = _size(results, size)
        v = s["p50_ms"]["median"] if s else None
        add(f"hybrid retrieval p50 at {size:,} chunks", v, f"<= {goal:g} ms",
            None if v is None else v <= goal, _s(s["p50_ms"], 1, " ms") if s else "—")
    backends = (results.get("ask") or {}).get("backends", {})
    ex = backends.get("extractive")
    v = ex.get("p50_first_pass_ms") if ex else None
    add("ask() extractive p50 (warm, each question asked for the first time), store just "
        "ingested", v, "<= 150 ms", None if v is None else v <= 150,
        f"{_f(v, 0, ' ms')} ({ex['questions']} questions; asked again: "
        f"{_f(ex.get('p50_repeat_pass_ms'), 0, ' ms')})" if ex and v is not None else "—")
    sv = backends.get("extractive, sentence vectors stored")
    v = sv.get("p50_first_pass_ms") if sv else None
    add("the same, once the UI has added the sentence vectors in the background (default)", v,
        "<= 150 ms", None if v is None else v <= 150,
        f"{_f(v, 0, ' ms')} (added in {sv['sentences_added']['seconds']:.1f} s)"
        if sv and v is not None and sv.get("sentences_added") else "—")
    lo = backends.get("local")
    v = lo["ttft_ms"]["median"] if lo and lo.get("ttft_ms") else None
    add("local backend time to first token p50", v, "<= 1,500 ms",
        None if v is None else v <= 1500, _s(lo.get("ttft_ms"), 0, " ms") if lo else "—")
    cs = (results.get("coldstart") or {}).get("wall_seconds")
    v = cs["median"] if cs else None
    add("cold start `newsqa ask --llm extractive`", v, "<= 6 s", None if v is None else v <= 6,
        _s(cs, 2, " s"))
    v = poll_target(results)
    add("feed poll that finds nothing new p50", v, "<= 1,000 ms",
        None if v is None else v <= 1000, _f(v, 1, " ms") if v is not None else "—")
    return out


def _met(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**not met**")


def _machine(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    load = ", ".join(str(x) for x in m.get("load_average_at_start", []))
    return [
        f"**Machine:** {m['cores']} cores, {m['cpu']}, {m.get('memory_gib')} GiB RAM, no GPU; "
        f"Python {m['python']}, onnxruntime {m.get('onnxruntime', '?')}, torch "
        f"{m.get('torch', '?')} ({m.get('threads', '?')} threads); "
        f"load average at start {load}.  ",
        f"**Run:** {results['started']}, {results['seconds'] / 60:.1f} min in total.",
        "",
    ]


def _ingest(results: dict[str, Any]) -> list[str]:
    ing = results.get("ingest")
    if not ing:
        return []
    names = {"ours": "ours (`NewsIndex.ingest`, MiniLM int8 on ONNX Runtime)",
             "llamaindex": "plain LlamaIndex (SentenceSplitter + VectorStoreIndex + Chroma)",
             "bare": "bare embedder (sentence-transformers encode of our chunks, torch)",
             "ours-float": "ours with float weights (`NEWSQA_EMBED_RUNTIME=onnx`)"}
    rows = []
    for key, p in ing["pipelines"].items():
        rows.append([names[key], str(p["articles"]), str(p["chunks"]), _f(p["seconds"], 1),
                     _f(p["articles_per_s"], 2), _s(p["articles_per_s_rounds"], 2),
                     _f(p["chunks_per_s"], 1), _s(p["peak_rss_mb"], 0)])
    re = ing["reingest"]
    return [
        "## Ingest",
        "",
        f"{sum(p['articles'] for p in [ing['pipelines']['ours']])} RealTime QA articles, split "
        f"into {ing['rounds']} slices; in each round every pipeline ingests the same slice into "
        "an empty store, each pipeline in its own process (started and loaded before the first "
        "round, kept for the next ones; the order rotates between rounds). Model loading "
        "is excluded for all of them; reading the JSONL, cleaning, chunking, embedding, writing "
        "Chroma (and for ours: story detection and the BM25 index) are included. Totals are "
        "over all rounds; the spread is over rounds.",
        "",
        *_table(["pipeline", "articles", "chunks", "seconds", "articles/s",
                 "articles/s per round", "chunks/s", "peak RSS MiB"], rows),
        f"Ours vs plain LlamaIndex: **{_f(ing['ratio_vs_llamaindex']['articles_per_s'], 2)}x** "
        f"articles/s (per round {_s(ing['ratio_vs_llamaindex']['rounds'], 2)}). "
        f"Ours vs the bare embedder: **{_f(ing['ratio_vs_bare']['articles_per_s'], 2)}x** "
        f"(per round {_s(ing['ratio_vs_bare']['rounds'], 2)}).",
        "",
        *_float_ratio(ing),
        f"Re-ingest of the unchanged slice (3 times after each first ingest): "
        f"{_s(re['seconds'], 3, ' s')}, i.e. "
        f"{_f(re['share_of_first']['median'] * 100, 2)}% of the first ingest "
        f"({_f(re['share_of_first']['min'] * 100, 2)}–"
        f"{_f(re['share_of_first']['max'] * 100, 2)}%).",
        "",
        f"LlamaIndex settings: chunk_size {results['config']['chunk_tokens']} tokens, "
        "chunk_overlap 20, the title as metadata (so it is embedded with every chunk, as ours "
        f"prepends it), `HuggingFaceEmbedding` default batch size "
        f"{ing['runs']['llamaindex'][0].get('embed_batch_size', '?')}, on torch; ours runs "
        "the same model with int8 weights on ONNX Runtime (`index/onnx_embedder.py`, 8 texts "
        "per batch, longest first; its vectors against torch's: see \"The embedder\") and "
        "chunks the next batch and stores the previous one (one Chroma upsert per batch; "
        "chunk texts are not stored twice) while a batch is embedded; the bare embedder uses "
        "sentence-transformers' default (32 per batch) on torch.",
        "",
    ]


def _copies(n: int) -> str:
    return f"taken {n} times, the last time in part" if n > 1 else "in part"


def _float_ratio(ing: dict[str, Any]) -> list[str]:
    ratio = ing.get("float_ratio_vs_llamaindex")
    if not ratio:
        return []
    return [f"Like for like in the vectors: ours with float weights, which give the torch "
            f"model's vectors (to ~1e-5, see \"The embedder\"), is "
            f"**{_f(ratio['articles_per_s'], 2)}x** plain LlamaIndex (per round "
            f"{_s(ratio['rounds'], 2)}). The rest of the shipped figure is the int8 weights, "
            "whose vectors are close but not equal (`make eval` measures both).", ""]


def _retrieval(results: dict[str, Any]) -> list[str]:
    ret = results.get("retrieval")
    if not ret:
        return []
    rows = []
    for s in ret["sizes"]:
        comp = s["components_p50_ms"]
        rows.append([
            f"{s['chunks']:,}", _s(s["p50_ms"], 1), _s(s["p95_ms"], 1),
            _f(s.get("growth_p50_from_previous"), 2, "x"),
            f"{_f(comp['embed_query'], 1)} / {_f(comp['dense (Chroma query)'], 1)} "
            f"({_f(comp.get('dense ids and distances only'), 1)}) / {_f(comp['bm25 query'], 1)}",
            _f(s["first_query_ms"], 0), _f(s["peak_rss_mb"], 0),
            f"{s['build']['seconds_chroma']:.0f} + {s['build']['seconds_bm25']:.0f}",
        ])
    first = ret["sizes"][0] if ret["sizes"] else {}
    return [
        "## Retrieval latency (hybrid, top 8)",
        "",
        f"`assistant.retrieval.retrieve(index, question, k={ret['k']})` on a `NewsIndex`, warm, "
        f"{first.get('queries', '?')} RealTime QA questions per pass, "
        f"{first.get('passes', '?')} passes in a fresh process per size; p50/p95 are per pass "
        "(median over passes, min–max). **The larger corpora re-use the benchmark articles' "
        "chunks and their already computed vectors under new ids** ("
        + "; ".join(f"{s['chunks']:,} chunks: the {s['build']['source_chunks']:,} ingested "
                    f"chunks {_copies(s['build']['copies'])}" for s in ret["sizes"])
        + "), because embedding 100k chunks at ~25 chunks/s is out of reach here. Duplicate "
        "vectors and texts are not real data: HNSW and BM25 see many exact ties; the copies' "
        "story ids are distinct, so retrieval treats them as separate articles.",
        "",
        *_table(["chunks", "p50 ms", "p95 ms", "p50 growth",
                 "p50 embed / dense (ids only) / bm25 ms", "first query ms",
                 "peak RSS MiB",
                 "build s (Chroma + BM25)"], rows),
        "Components (40 candidates each, as "
        "`retrieve` asks): the query embedding, `ChromaStore.query_dense` as `retrieve` "
        "calls it (ids, distances, metadatas; passages are cut from the article text), the "
        "same query with ids and distances only, and the BM25 query.",
        "",
    ]


def _embedder(results: dict[str, Any]) -> list[str]:
    em = results.get("embedder")
    if not em:
        return []
    rows = [[name, _f(v["ready_seconds"], 2, " s"), _f(v["query_p50_ms"], 1),
             _f(v["query_p95_ms"], 1), _f(v["batch_texts_per_s"], 1), _f(v["peak_rss_mb"], 0)]
            for name, v in em.items() if isinstance(v, dict)]
    return [
        "## The embedder: ONNX Runtime against sentence-transformers",
        "",
        "The bundled all-MiniLM-L6-v2 as shipped (`index/onnx_embedder.py`: exported once to "
        "ONNX with fused attention and int8 weights, run by onnxruntime, tokenized by "
        "`tokenizers`), the same export in float, and as a user would otherwise run it "
        "(sentence-transformers on torch), each in a fresh process: time to be ready (imports "
        "and loading), one question, and a batch of 64 chunk-sized texts (title + 1,000 "
        "characters). Float ONNX against torch, largest difference in a vector component: "
        f"{em.get('float_vs_torch_max_abs_difference', float('nan')):.1e}; int8 against torch, "
        f"lowest cosine: {em.get('int8_vs_torch_min_cosine', float('nan')):.4f}.",
        "",
        *_table(["runtime", "ready", "embed one question p50 ms", "p95 ms", "batch texts/s",
                 "peak RSS MiB"], rows),
    ]


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%"


def _sentences_note(backends: dict[str, Any]) -> list[str]:
    added = (backends.get("extractive, sentence vectors stored") or {}).get("sentences_added")
    if not added:
        return []
    return [f"\"extractive, sentence vectors stored\" asks the same questions of a copy of the "
            "store to which the sentence vectors were added as the UI adds them in the "
            "background after it starts and after each upload (`NEWSQA_SENTENCE_VECTORS="
            "background`, the default; one sentence at a time, so that a question asked "
            f"meanwhile has a core): {added['sentences']:,} sentences embedded and written in "
            f"{added['seconds']:.1f} s, after which the UI answers at this speed; until then, "
            "and in a process that never adds them, at the plain \"extractive\" row's.", "",
            *_warming_note(backends)]


def _warming_note(backends: dict[str, Any]) -> list[str]:
    warming = (backends.get("extractive, while the sentence vectors are being added") or {}
               ).get("warming")
    if not warming:
        return []
    state = ("was still under way when the last question was answered: every question "
             "had it beside it" if warming["still_adding_after_the_last_question"] else
             "had finished before the last question: the later ones were asked without it")
    return ["\"extractive, while the sentence vectors are being added\" asks them of another "
            "copy without the vectors, in a process adding them in the background as the UI "
            f"does after it starts: {warming['added']:,} sentences were added meanwhile, and it "
            f"{state}.", ""]


def _ask(results: dict[str, Any]) -> list[str]:
    ask = results.get("ask")
    if not ask or "backends" not in ask:
        return ["## ask()", "", f"Skipped: {(ask or {}).get('skipped', 'not run')}", ""]
    rows = []
    problems = []
    for name, b in ask["backends"].items():
        for e in b.get("errors", []):
            problems.append(f"- {name}, question {e['id']}: {e['error']} (after {e['seconds']} s)")
        if b.get("unasked"):
            problems.append(f"- {name}: {b['unasked']} question(s) left unasked (time budget)")
        if "p50_ms" not in b:
            rows.append([name, "0", *["—"] * 7])
            continue
        rows.append([
            name, f"{b['questions']} x {b['passes']}",
            f"{_f(b.get('p50_first_pass_ms'), 0)}"
            + (f" (again: {_f(b['p50_repeat_pass_ms'], 0)})" if b.get("p50_repeat_pass_ms")
               else ""),
            _f(b.get("p95_first_pass_ms"), 0),
            _s(b.get("ttft_ms"), 0) if b.get("ttft_ms") else "—",
            _f(b["retrieve_ms_p50"], 0), str(b["abstained"]),
            f"{b['correct']}/{b['answerable']} = {_pct(b['accuracy'])}",
            _f(b["peak_rss_mb"], 0),
        ])
    return [
        "## ask() per backend (warm) and answer quality beside it",
        "",
        "Questions: the RealTime QA questions all of whose search results are among the ingested "
        "articles (all answerable), asked open-ended against the store of those articles (every "
        "article once). Accuracy is the benchmark's rule (`evals.metrics.answer_correct`: the "
        "gold answer within the first 60 words). local and openai are streamed "
        "(`Assistant.stream`): TTFT is the first non-empty delta (an abstention is emitted at "
        "once, so it counts too); their spread is over questions (one pass). Extractive "
        "asks every question twice: pass 1 is the figure (warm models, new questions); the "
        "second pass repeats the same questions, when the sentence-vector cache in "
        "`assistant/evidence.py` already holds their sentences. The openai "
        "backend talks to `python -m llama_cpp.server` with the same SmolLM2-135M GGUF on "
        "127.0.0.1.",
        "",
        *_sentences_note(ask["backends"]),
        *_table(["backend", "questions x passes", "p50 ms (pass 1)", "p95 ms", "TTFT p50 ms",
                 "retrieve p50 ms", "abstained", "answerable correct", "peak RSS MiB"], rows),
        *(["Not answered:", "", *problems, ""] if problems else []),
    ]


def _coldstart(results: dict[str, Any]) -> list[str]:
    cs = results.get("coldstart")
    if not cs:
        return []
    rows = [[f"`import {pkg}`", _s(v["seconds"], 3, " s"),
             ", ".join(v["heavy_modules_loaded"]) or "none"]
            for pkg, v in cs["imports"].items()]
    deps = [[f"`{k}`", _s(v, 2, " s")] for k, v in cs.get("dependencies", {}).items()]
    return [
        "## Cold start and imports",
        "",
        f"`{cs['command']}` in a fresh process, wall time: **{_s(cs['wall_seconds'], 2, ' s')}**"
        " (loads Python, the CLI, Chroma, the embedder; retrieves and answers one question).",
        "",
        *_table(["import, fresh process", "seconds", "heavy modules it loads"], rows),
        "Third-party imports alone, fresh process each:",
        "",
        *_table(["import", "seconds"], deps),
    ]


def _memory(results: dict[str, Any]) -> list[str]:
    rows = []
    ing = results.get("ingest")
    if ing:
        p = ing["pipelines"]["ours"]
        n = ing["pipelines"]["ours"]["articles"] // max(ing["rounds"], 1)
        rows.append([f"ingest (ours): one process, {ing['rounds']} slices of ~{n} articles in "
                     "turn (peak after each)", _s(p["peak_rss_mb"], 0)])
        for other in ("llamaindex", "bare"):
            rows.append([f"ingest ({other}), the same way",
                         _s(ing["pipelines"][other]["peak_rss_mb"], 0)])
    for s in (results.get("retrieval") or {}).get("sizes", []):
        rows.append([f"query process, {s['chunks']:,} chunks", _f(s["peak_rss_mb"], 0)])
    if not rows:
        return []
    return ["## Peak memory (RSS, MiB)", "",
            "`ru_maxrss` of the measuring process (embedding model, Chroma client, BM25 index "
            "all included).", "", *_table(["process", "peak RSS MiB"], rows)]


def _profile(results: dict[str, Any]) -> list[str]:
    prof = results.get("profile")
    if not prof:
        return []
    lines = ["## Where the cost is", ""]
    labels = {"ingest": "Ingest", "query": "Hybrid query", "ask": "Extractive ask()"}
    for key, p in prof.items():
        what = {"ingest": f"{p.get('articles')} articles, {p.get('chunks')} chunks",
                "query": f"{p.get('queries')} queries at {p.get('chunks', 0):,} chunks",
                "ask": f"{p.get('questions')} questions"}[key]
        lines += [f"**{labels[key]}** (pyinstrument, {what}, {p['total_seconds']:.2f} s; "
                  f"full tree in `bench/profiles/{key}.txt`). Inclusive time of our functions:",
                  ""]
        rows = [[f"`{k}`", _f(v["seconds"], 3), _f(v["share"] * 100, 0, "%")]
                for k, v in list(p["inclusive"].items())[:10]]
        lines += _table(["function", "seconds", "share"], rows)
        rows = [[f"`{t['function']}`", _f(t["seconds"], 3), _f(t["share"] * 100, 0, "%")]
                for t in p["top_own_time"][:6]]
        lines += ["Top own time:", "", *_table(["frame", "seconds", "share"], rows)]
        if p.get("stages"):
            lines += _stages(p["stages"])
    if ANALYSIS.is_file():
        lines += [ANALYSIS.read_text().strip(), ""]
    return lines


def _stages(stages: dict[str, float]) -> list[str]:
    wall = stages["wall_seconds"]
    rows = [[k, _f(v, 2), _f(v / wall * 100 if wall else 0, 0, "%")]
            for k, v in stages.items() if k != "wall_seconds"]
    return [f"Stages of the same ingest, summed where each runs (wall time {wall:.2f} s; "
            "chunking, embedding and storing overlap, so the shares add up to more than "
            "100%):", "", *_table(["stage", "seconds", "share of wall time"], rows)]


def render_markdown(results: dict[str, Any]) -> str:
    lines = ["# newsqa benchmark (`make bench`)", "", *_machine(results)]
    if results.get("skipped") and not results.get("ingest"):
        lines += ["Skipped: " + "; ".join(f"{k}: {v}" for k, v in results["skipped"].items()),
                  ""]
        return "\n".join(lines)
    d = results.get("data", {})
    lines += [f"Data: {d.get('articles')} articles of RealTime QA 2025 Q1 "
              f"(`../shared/benchmarks/realtimeqa-2025q1`), the search results of the first "
              f"answerable questions; {d.get('covered_questions')} questions have all their "
              "documents among them.", ""]
    rows = [[t["target"], t["shown"], t["goal"], _met(t["met"])] for t in targets(results)]
    lines += ["## Targets", "", *_table(["measure", "measured: median (min–max, runs)", "target",
                                        ""], rows)]
    lines += _ingest(results) + _retrieval(results) + _embedder(results) + _ask(results)
    lines += _coldstart(results)
    lines += _memory(results) + _profile(results) + render_formats(results)
    if results.get("errors"):
        lines += ["## Sections that failed", ""]
        lines += [f"- {k}: `{v.strip().splitlines()[-1] if v.strip() else v}`"
                  for k, v in results["errors"].items()]
        lines += [""]
    notes = Path(__file__).resolve().parent / "not_measured.md"
    if notes.is_file():
        lines += [notes.read_text().strip(), ""]
    return "\n".join(lines)
