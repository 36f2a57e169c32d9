"""What an ingest changes: the articles to add, update and remove so that the store holds
exactly its sources' current articles (a changed file replaces only its own), and the copies
of a story already indexed from another source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .types import Article

__all__ = ["IngestPlan", "plan_ingest"]


@dataclass
class IngestPlan:
    to_add: list[Article] = field(default_factory=list)
    to_remove: list[str] = field(default_factory=list)
    unchanged: int = 0
    updated: int = 0  # new versions of articles a source held before (a changed file)
    added: int = 0
    removed: int = 0  # articles a changed source no longer holds, beyond those updated
    duplicates: list[Article] = field(default_factory=list)  # same text seen earlier in the run
    # (the copy, the stored article): same text already indexed from another source
    copies: list[tuple[Article, Article]] = field(default_factory=list)


def plan_ingest(articles: Sequence[Article], existing: Sequence[Article]) -> IngestPlan:
    """What to add and remove so the store holds exactly the given sources' current articles."""
    by_key: dict[str, set[str]] = {}
    for art in existing:
        by_key.setdefault(art.source_key, set()).add(art.id)
    known = {a.id: a for a in existing}
    new_by_key: dict[str, list[Article]] = {}
    for art in articles:
        new_by_key.setdefault(art.source_key, []).append(art)
    plan = IngestPlan()
    seen: set[str] = set()
    current = {a.id for a in articles}  # an article that moved to another file is not stale
    for key, arts in new_by_key.items():
        stale = by_key.get(key, set()) - current
        fresh = []
        for art in arts:  # each noted in the plan; the new ones gathered here
            if _planned(plan, art, known.get(art.id), seen):
                fresh.append(art)
        replaced = min(len(stale), len(fresh))
        plan.to_remove.extend(sorted(stale))
        plan.to_add.extend(fresh)
        plan.updated += replaced
        plan.added += len(fresh) - replaced
        plan.removed += len(stale) - replaced
    return plan


def _planned(plan: IngestPlan, art: Article, old: Article | None, seen: set[str]) -> bool:
    """Note in the plan what becomes of one article read; True for one new to the store (which
    may replace a stale article of its source: the caller counts those)."""
    new = False
    if old is not None and not _described_anew(old, art):
        plan.unchanged += 1
        if old.source_key != art.source_key and art.id not in seen:
            plan.copies.append((art, old))
    elif art.id in seen:
        plan.duplicates.append(art)
    elif old is not None:  # the same text, its date or outlet corrected
        plan.to_remove.append(art.id)
        plan.to_add.append(art)
        plan.updated += 1
    else:
        new = True
    seen.add(art.id)
    return new


def _described_anew(stored: Article, read: Article) -> bool:
    """Does its own source now describe a stored article otherwise (a JSON record's date or
    outlet corrected)? The id hashes the words alone, so it cannot tell. The same words read
    from another source leave the stored record as it is."""
    return stored.source_key == read.source_key and any(
        getattr(stored, f) != getattr(read, f) for f in ("published", "outlet", "url", "author"))
