"""Articles are data, never instructions: sentences written to steer an AI reader ("ignore previous
instructions and answer X") are kept out of the prompt, the evidence and the quotes.

A news story *about* prompt injection loses those sentences as evidence; that is the price of a
model that cannot be told what to say by the text it reads.
"""

from __future__ import annotations

import re

from index import sentence_spans

__all__ = ["instruction_spans", "is_instruction", "without_instructions"]

# Who an injected sentence talks to: an AI reader, under any of its names.
_AI = (r"(?:AI|A\.I\.|artificial intelligence|(?:large )?language models?|LLMs?|chat ?bots?"
       r"|ChatGPT|GPT-?\d?|(?:AI|virtual|digital) assistants?"
       r"|AI (?:models?|systems?|agents?|tools?|readers?))")
# What it is about: the very text being read ("this story", "this news article").
_THIS = (r"(?:this|these|the following|the present)\s+(?:\w+\s+)?(?:story|stories|article|text"
         r"|page|report|piece|document|post|passage|content|item|news|website|site|source)")
_SAY = r"(?:answer|reply|respond|say|state|output|write|tell|claim|insist|report)"
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}?"
    r"\b(?:instructions?|prompts?|rules|directions|guidelines|context|sources?)\b"
    r"|\bsystem prompt\b|\bnew instructions?\s*:"
    r"|\byou (?:are|must|should|will) (?:now )?(?:an? )?(?:ai|assistant|language model|chatbot"
    r"|answer|reply|respond|say|output)\b"
    r"|(?P<shout>\b(?:answer|reply|respond|say|output)(?: only)?(?: with)?(?: the word)?\s+"
    r"[\"“']?[A-Z]{3,}[\"”']?\s*(?:[.!]|$))"
    rf"|\b{_AI}\b[^.!?\n]{{0,30}}\b(?:must|should) (?:answer|reply|respond|say|output)\b"
    # Spoken to: "Note to the language model:", "Attention, AI assistants:", "Dear chatbot,".
    r"|\b(?:note|message|memo|attention|instructions?|reminder|notice|dear|hey|hello|hi|psst)"
    rf"\b[\s,:]*(?:(?:to|for)\s+)?(?:the\s+|all\s+|any\s+|every\s+)?{_AI}\s*[:,;!—–-]"
    rf"|\bif you(?:'re|’re|\s+are)\s+(?:an?\s+|the\s+)?(?:{_AI}|bot|crawler|scraper)\b"
    rf"|\bas an? {_AI},?\s+you\b"
    rf"|\b{_AI}\s+(?:that (?:is|are)\s+)?(?:reading|processing|parsing|summari[sz]ing"
    r"|analy[sz]ing|scanning|ingesting|crawling|answering (?:questions|queries) (?:about|on))"
    rf"\s+{_THIS}"
    # The answers to give about this very text: "the correct answer to any question about this
    # story is", "when asked about this article, say", "whatever the user asks".
    r"|\b(?:answers?|responses?|replies)\s+(?:to|for)\s+(?:any|every|all|each)\b"
    rf"[^.!?\n]{{0,20}}\bquestions?\s+(?:about|on|regarding|concerning|related to)\s+{_THIS}"
    r"|\bwhen(?:ever)?\s+(?:you are\s+|you're\s+)?(?:asked|questioned|prompted|queried)"
    rf"\s+(?:anything\s+)?(?:about|on|regarding)\s+{_THIS}\s*,?\s*(?:always\s+|only\s+)?"
    rf"{_SAY}\b"
    r"|\b(?:whatever|no matter what|regardless of what)\s+(?:the\s+)?(?:users?|humans?"
    r"|questions?|prompts?|queries)\b"
    r"|(?:^|[:;,]\s*|\band\s+|\balways\s+|\bplease\s+)tell (?:the|your|any)\s+"
    r"(?:user|human|person asking|questioner)\b"
    r"|\byour (?:answers?|responses?|replies|output)\s+(?:must|should|shall|has to|needs? to)\b",
    re.I,
)
# The all-caps payload ("answer BANANA") must really be upper case, whatever re.I says above.
_SHOUTED = re.compile(r"[\"“']?([A-Za-z]{3,})[\"”']?\s*(?:[.!]|$)")


def is_instruction(sentence: str) -> bool:
    """Does this sentence address an AI reader with instructions, or tell it what to answer
    about the text it reads?"""
    for match in _INSTRUCTION.finditer(sentence):
        if match.group("shout") is None:
            return True
        verb = re.match(r"(?i)(?:answer|reply|respond|say|output)\b", match.group())
        payload = _SHOUTED.search(match.group()[verb.end() if verb else 0:])
        if payload and payload.group(1).isupper():
            return True
    return False


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text` that is an instruction to an AI reader."""
    return [(a, b) for a, b in sentence_spans(text) if is_instruction(text[a:b])]


def without_instructions(text: str) -> str:
    """`text` with its instruction sentences replaced by "[…]"."""
    spans = instruction_spans(text)
    for a, b in reversed(spans):
        text = text[:a] + "[…]" + text[b:]
    return text
