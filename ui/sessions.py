"""Chats that outlive a page reload: each browser tab keeps a random key in its
`sessionStorage`, and the server keeps that tab's `ChatSession` under it.

A tab's own storage, not `localStorage` (Gradio's `BrowserState`): two tabs are two
conversations, as they were before a reload could find them; and only a reload looks for its
chat (a duplicated tab copies its storage, and begins a conversation of its own). The chats
live in this server's memory only; a restart begins them afresh (`Sessions`' bounds).
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant import Answer
from assistant.types import Message

from .render import stopped_html
from .sources import SourceCard

__all__ = ["LOAD_KEY_JS", "SAVE_KEY_JS", "SAVE_OPTIONS_JS", "ChatSession", "Sessions",
           "load_options_js"]

# Read and written in the page. A browser that refuses storage (a private window's settings)
# simply gets a new chat on reload, as before.
STORAGE_KEY = "newsqa-chat"
# Only a reload finds its chat: a tab duplicated by the browser copies its sessionStorage too,
# and must not share (or stop) the first tab's conversation.
# Its inputs are the key and the page's chat (a server-side State, passed through as it came).
LOAD_KEY_JS = ("(key, chat) => { try { const nav = performance.getEntriesByType('navigation')[0]; "
               "if (nav && nav.type !== 'reload') return ['', chat]; "
               f"return [sessionStorage.getItem('{STORAGE_KEY}') || '', chat]; }} "
               "catch (e) { return ['', chat]; } }")
SAVE_KEY_JS = f"(key) => {{ try {{ sessionStorage.setItem('{STORAGE_KEY}', key); }} " \
              "catch (e) {} }"

# The Settings tab's values, kept the same way: a reload had set a date filter back to none,
# silently, and the next answers drew on every date.
OPTIONS_KEY = "newsqa-options"
SAVE_OPTIONS_JS = (f"(...values) => {{ try {{ sessionStorage.setItem('{OPTIONS_KEY}', "
                   "JSON.stringify(values)); } catch (e) {} }")


def load_options_js(backends: list[str], max_top_k: int) -> str:
    """The page's step that puts the tab's kept settings back (its inputs and outputs are the
    settings' widgets: backend, top-k, from, until). A kept value this page cannot take keeps
    the page's default: a backend this server no longer offers, a top-k out of the slider's
    range (Gradio refuses it, and with it every question), a date that is no text."""
    offered = json.dumps(backends)
    return ("(...current) => { try { "
            f"const kept = JSON.parse(sessionStorage.getItem('{OPTIONS_KEY}') || 'null'); "
            "if (!Array.isArray(kept) || kept.length !== current.length) return current; "
            f"if (!{offered}.includes(kept[0])) kept[0] = current[0]; "
            f"if (!Number.isFinite(kept[1]) || kept[1] < 1 || kept[1] > {max_top_k}) "
            "kept[1] = current[1]; "
            "for (const i of [2, 3]) if (typeof kept[i] !== 'string') kept[i] = current[i]; "
            "return kept; } catch (e) { return current; } }")


@dataclass
class ChatSession:
    """Everything one browser session has said and been shown.

    "New chat" clears it in place and bumps `epoch`; an answer still streaming for the old chat
    sees the change and stops quietly instead of bringing the old chat back.
    """

    history: list[Message] = field(default_factory=list)
    messages: list[dict[str, str]] = field(default_factory=list)
    turns: list[tuple[str, Answer, list[SourceCard]]] = field(default_factory=list)
    answering: bool = False  # a second question (Enter, then a click) waits for the first
    epoch: int = 0
    asking: str = ""  # the question being answered, offered back if its answer is stopped
    # Its stream was closed before it ended (the page left): its draft is shown as stopped.
    interrupted: bool = False
    # A stopped answer's question, offered back to its box until another is asked: a second
    # reload offers it again.
    offered: str = ""
    used: float = field(default_factory=time.monotonic)

    def reset(self) -> None:
        self.epoch += 1
        self.history, self.messages, self.turns = [], [], []
        self.answering = self.interrupted = False
        self.offered = ""

    def stop(self) -> str | None:
        """Stop the answer streaming (or left unfinished), if one is, and give its question:
        the chat stays, the question with it, said to have been stopped (and left out of the
        history that follow-ups read)."""
        if not (self.answering or self.interrupted):
            return None
        self.epoch += 1
        self.answering = self.interrupted = False
        if self.messages:  # (none yet: stopped before its question was shown)
            self.messages[-1] = {"role": "assistant", "content": stopped_html()}
        self.offered = self.asking
        return self.asking


class Sessions:
    """The chats of the tabs this server has served, by key (thread-safe): at most LIMIT, the
    least recently used going first, and none unused for TTL seconds (Gradio itself frees a
    closed tab's state after an hour; a reload comes sooner than that)."""

    LIMIT = 256
    TTL = 6 * 3600.0

    def __init__(self, limit: int = LIMIT, ttl: float = TTL) -> None:
        self._chats: OrderedDict[str, ChatSession] = OrderedDict()
        self._limit, self._ttl = limit, ttl
        self._lock = threading.Lock()

    def resume(self, key: str | None, current: ChatSession | None = None
               ) -> tuple[str, ChatSession]:
        """The chat kept under `key`, or else `current` (the page's own, which may already hold
        a question asked before the page finished loading) or a new one, under a new key. An
        unknown key is another server's, or one forgotten: it is not taken over, so that no
        page can pick a key."""
        now = time.monotonic()
        with self._lock:
            while self._chats and now - next(iter(self._chats.values())).used > self._ttl:
                self._chats.popitem(last=False)
            if key and key in self._chats:
                self._chats.move_to_end(key)
                chat = self._chats[key]
            else:
                key, chat = secrets.token_urlsafe(16), current or ChatSession()
                self._chats[key] = chat
            while len(self._chats) > self._limit:
                self._chats.popitem(last=False)
            chat.used = now
            return key, chat

    def __len__(self) -> int:
        return len(self._chats)
