"""Our passages and verified quotes as LlamaIndex nodes: the text is cut from the article, and
`start_char_idx`/`end_char_idx` point at it there (`article.text[start:end] == node.text`)."""

from __future__ import annotations

from collections.abc import Mapping

from llama_index.core.schema import NodeRelationship, NodeWithScore, RelatedNodeInfo, TextNode

from index import Passage

from ..types import Answer, Citation

__all__ = ["citation_nodes", "passage_node"]

# Shown to a model beside the text (where a claim comes from); the ids are for programs only.
_NOT_FOR_LLM = ["article_id", "story_id", "source", "n"]
# Not embedded either: a LlamaIndex index that re-embeds our nodes embeds the text alone.
_NOT_FOR_EMBEDDING = ["article_id", "story_id", "source", "n", "title", "outlet", "published"]


def _node(node_id: str, text: str, start: int, end: int, article_id: str,
          metadata: Mapping[str, object]) -> TextNode:
    return TextNode(
        id_=node_id, text=text, start_char_idx=start, end_char_idx=end,
        metadata={k: v for k, v in metadata.items() if v is not None},
        excluded_llm_metadata_keys=list(_NOT_FOR_LLM),
        excluded_embed_metadata_keys=list(_NOT_FOR_EMBEDDING),
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=article_id)},
    )


def passage_node(passage: Passage) -> NodeWithScore:
    """A retrieved passage; the score is its fused retrieval score (higher is better)."""
    meta = {"title": passage.title, "outlet": passage.outlet, "published": passage.published,
            "source": passage.source, "article_id": passage.article_id,
            "story_id": passage.story_id}
    node = _node(f"{passage.article_id}:{passage.start}-{passage.end}", passage.text,
                 passage.start, passage.end, passage.article_id, meta)
    return NodeWithScore(node=node, score=passage.score)


def citation_nodes(answer: Answer) -> list[NodeWithScore]:
    """The answer's verified quotes, in citation order ([1], [2], ...); each scored with the
    retrieval score of the passage it was quoted from."""
    return [NodeWithScore(node=_citation_node(c, answer), score=_score(c, answer))
            for c in answer.citations]


def _citation_node(c: Citation, answer: Answer) -> TextNode:
    story = next((p.story_id for p in answer.retrieved if p.article_id == c.article_id), None)
    meta = {"n": c.n, "title": c.title, "outlet": c.outlet, "published": c.published,
            "source": c.source, "article_id": c.article_id, "story_id": story}
    return _node(f"{c.article_id}:{c.start}-{c.end}", c.quote, c.start, c.end, c.article_id,
                 meta)


def _score(c: Citation, answer: Answer) -> float | None:
    return next((p.score for p in answer.retrieved
                 if p.article_id == c.article_id and p.start <= c.start and c.end <= p.end),
                None)
