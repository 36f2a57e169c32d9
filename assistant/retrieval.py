"""Hybrid retrieval: dense (Chroma) and BM25 rankings fused by reciprocal rank, diversified so one
article cannot fill every slot, each chunk widened by a sentence on each side for context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from index import Article, Bm25Hit, DenseHit, NewsIndex, Passage, sentence_after, sentence_before
from index.dates import date_to_ordinal

from .question import Question
from .types import RetrievedPassage

__all__ = ["RRF_K", "WITHIN_K", "Retrieval", "retrieve", "retrieve_asked", "retrieved_passages"]

# The usual RRF constant: ranks past ~60 contribute little, so neither list dominates.
RRF_K = 60
# Each further chunk of an already-chosen article counts this much less: a second outlet's copy of
# the same fact is worth more to the reader than a third paragraph of the first outlet.
SAME_ARTICLE_DECAY = 0.5
# With an as-of date the pool is this many times larger: articles published after it are
# dropped from it, undated ones kept (a Chroma date filter would drop those too).
AS_OF_POOL = 3
# Chunks searched in each article a follow-up is kept to (`Question.within`): its best few,
# as a search of the collection finds them in it, the rest of it read on in as for any
# question (`shortlist.WHOLE_ARTICLES`). With 6, most of a short article's chunks were merged
# into one or two passages (`_merge_overlaps`) and the sentences worth reading picked from
# them less well: of the eight users' 512 conversation turns 210 were right with 6, 221
# with 2 (with 3, 171 against 2's 178 on five of the users).
WITHIN_K = 2
# Chunks each ranking of the fresh lane (`_add_fresh`) adds: half the first lane's pool.
FRESH_POOL = 20


@dataclass(frozen=True)
class Retrieval:
    passages: list[Passage]
    best_dense: float  # cosine similarity of the best dense hit (evidence for abstention)
    best_bm25: float
    # The passages' articles as retrieved: the answer quotes these, even if one is removed
    # (from the UI's Articles tab, say) while the question is being answered.
    articles: dict[str, Article] = field(default_factory=dict)


@dataclass
class _Candidate:
    chunk_id: str
    text: str
    meta: dict[str, Any]
    fused: float = 0.0
    dense: float | None = None
    bm25: float | None = None


def _fuse(index: NewsIndex, query: str, n: int, since: str | None, until: str | None,
          within: Sequence[str] | None = None) -> tuple[dict[str, _Candidate], float, float]:
    dense = index.dense(query, n, since, until, with_text=False, articles=within)
    lexical = index.lexical(query, n, since, until, within)
    pool: dict[str, _Candidate] = {}
    _add_ranks(index, pool, dense, lexical)
    best_dense = max((h.score for h in dense), default=0.0)
    best_bm25 = max((h.score for h in lexical), default=0.0)
    return pool, best_dense, best_bm25


def _add_ranks(index: NewsIndex, pool: dict[str, _Candidate], dense: Sequence[DenseHit],
               lexical: Sequence[Bm25Hit]) -> None:
    """Each ranking's reciprocal ranks added to its chunks' fused scores (new chunks join)."""
    for rank, hit in enumerate(dense):
        cand = pool.get(hit.chunk_id)
        if cand is None:
            cand = pool[hit.chunk_id] = _Candidate(hit.chunk_id, hit.text, hit.metadata)
        cand.fused += 1.0 / (RRF_K + rank + 1)
        cand.dense = hit.score
    missing = [h.chunk_id for h in lexical if h.chunk_id not in pool]
    fetched = index.store.get_chunks(missing, with_text=False) if missing else {}
    for rank, bhit in enumerate(lexical):
        cand = pool.get(bhit.chunk_id)
        if cand is None and bhit.chunk_id in fetched:
            text, meta = fetched[bhit.chunk_id]
            cand = pool[bhit.chunk_id] = _Candidate(bhit.chunk_id, text, meta)
        if cand is not None:
            cand.fused += 1.0 / (RRF_K + rank + 1)
            cand.bm25 = bhit.score


def _add_fresh(index: NewsIndex, query: str, pool: dict[str, _Candidate],
               window: tuple[str, str]) -> None:
    """A second pair of rankings over the articles of the days the question means
    (`Question.fresh`): in a collection of years of news, a week's own report is a few dozen
    articles among thousands, and older reports of the same subject, sharing its words, fill
    the first lane. A chunk both lanes find adds both lanes' ranks. The dense search asks
    Chroma for the days since the window opened and drops later hits here: with both bounds
    in its filter it was ~2x slower over the RealTime QA store (98 ms against 42)."""
    last = date_to_ordinal(window[1])
    dense = [h for h in index.dense(query, FRESH_POOL * AS_OF_POOL, window[0], None,
                                    with_text=False)
             if last is None or h.metadata.get("published_ord", last) <= last][:FRESH_POOL]
    _add_ranks(index, pool, dense, index.lexical(query, FRESH_POOL, *window))


def _diversify(candidates: Sequence[_Candidate], k: int) -> list[_Candidate]:
    remaining = sorted(candidates, key=lambda c: -c.fused)
    chosen: list[_Candidate] = []
    per_article: dict[str, int] = {}
    while remaining and len(chosen) < k:
        def adjusted(c: _Candidate) -> float:
            return c.fused * SAME_ARTICLE_DECAY ** per_article.get(c.meta["article_id"], 0)

        best = max(remaining, key=adjusted)
        remaining.remove(best)
        chosen.append(best)
        per_article[best.meta["article_id"]] = per_article.get(best.meta["article_id"], 0) + 1
    return chosen


def _widen(article: Article, start: int, end: int) -> tuple[int, int]:
    """One more sentence before and after the chunk, within its article."""
    before, after = sentence_before(article.text, start), sentence_after(article.text, end)
    return (before[0] if before else start), (after[1] if after else end)


def _to_passage(cand: _Candidate, article: Article) -> Passage:
    start, end = _widen(article, int(cand.meta["start"]), int(cand.meta["end"]))
    return Passage(
        article_id=article.id, chunk_id=cand.chunk_id, start=start, end=end,
        text=article.text[start:end], score=cand.fused, title=article.title,
        source=article.source, published=article.published, outlet=article.outlet,
        story_id=article.story_id, doc_id=article.doc_id, dense_score=cand.dense,
        bm25_score=cand.bm25,
    )


def _merge_overlaps(passages: list[Passage]) -> list[Passage]:
    """Two chunks of one article that overlap once widened become one passage."""
    merged: list[Passage] = []
    for p in passages:
        twin = next((m for m in merged if m.article_id == p.article_id
                     and p.start <= m.end and m.start <= p.end), None)
        if twin is None:
            merged.append(p)
            continue
        start, end = min(twin.start, p.start), max(twin.end, p.end)
        merged[merged.index(twin)] = replace(twin, start=start, end=end, text="")
    return merged


def retrieve(
    index: NewsIndex, query: str, k: int = 6, *, since: str | None = None,
    until: str | None = None, not_after: str | None = None, pool_size: int = 40,
    fresh: tuple[str, str] | None = None, within: Sequence[str] | None = None,
) -> Retrieval:
    """The k best passages; `not_after` (the moment a question is asked) drops articles
    published later but, unlike `until`, keeps undated ones. `fresh`, the first and last
    ISO day a question means (`Question.fresh`), ranks those days' articles in a lane of
    their own too (within `since` and `until`). `within`: the ids of the only articles
    searched (a follow-up kept to its conversation's story, `conversation`)."""
    if not_after is not None and (until is None or until > not_after):
        pool_size *= AS_OF_POOL  # later articles are filtered out of the pool afterwards
    else:
        not_after = None
    pool, best_dense, best_bm25 = _fuse(index, query, pool_size, since, until, within)
    if fresh is not None and within is None:
        window = max(fresh[0], since or fresh[0]), min(fresh[1], until or fresh[1])
        if window[0] <= window[1]:
            _add_fresh(index, query, pool, window)
    latest = date_to_ordinal(not_after) if not_after else None
    pool = {key: c for key, c in pool.items()
            if latest is None or c.meta.get("published_ord", latest) <= latest}
    articles = index.articles(list({c.meta["article_id"] for c in pool.values()}))
    live = [c for c in pool.values() if c.meta["article_id"] in articles]  # skip orphans
    chosen = _diversify(live, k)
    passages = _merge_overlaps([_to_passage(c, articles[c.meta["article_id"]]) for c in chosen])
    passages = [p if p.text else replace(p, text=articles[p.article_id].text[p.start:p.end])
                for p in passages]
    return Retrieval(passages, best_dense, best_bm25,
                     {p.article_id: articles[p.article_id] for p in passages})


def retrieve_asked(index: NewsIndex, asked: Question, k: int) -> Retrieval:
    """`retrieve` as the answer path calls it for an analysed question: its limits, nothing
    after its moment, its own days in a lane of their own, the one article a follow-up is kept
    to (`Question.within`). The tuning (`train/tune.py`) calls this too, so that the numbers
    are fitted on what the answer path really retrieves."""
    within = asked.within or None
    k = min(k, WITHIN_K * len(within)) if within else k
    return retrieve(index, asked.query, k, since=asked.since,
                    until=asked.until, not_after=asked.as_of.isoformat(), fresh=asked.fresh,
                    within=within)


def retrieved_passages(found: Retrieval) -> list[RetrievedPassage]:
    """The passages as an `Answer` shows them, numbered from 1."""
    return [RetrievedPassage(
        n=i, article_id=p.article_id, title=p.title, outlet=p.outlet, published=p.published,
        source=p.source, start=p.start, end=p.end, text=p.text, score=round(p.score, 5),
        story_id=p.story_id, doc_id=p.doc_id,
    ) for i, p in enumerate(found.passages, start=1)]
