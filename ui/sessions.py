"""Chats that outlive a page reload, or a Back to the page: each browser tab keeps a random key in
its `sessionStorage`, and the server keeps that tab's `ChatSession` under it.

A tab's own storage, not `localStorage` (Gradio's `BrowserState`): two tabs are two
conversations, as they were before a reload could find them. A duplicated tab copies its storage
(and its history: Chromium loads it as a 'back_forward' navigation, as it does a page come Back
to), and must begin a conversation of its own, neither sharing nor stopping the first tab's. So
a page finds its tab's chat on a reload, or when the tab comes back to it after the page holding
the chat has gone: that page marks the tab's storage as it goes (`pagehide`), and the server
gives the chat only if that page was still the one holding it (`ChatSession.page`; a copy of the
mark, taken by a tab duplicated while away, finds another holder once one tab is back). A page
shown again from the back-forward cache claims its own chat the same way. The chats live in
this server's memory only; a restart begins them afresh (`Sessions`' bounds).
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

__all__ = ["LOAD_KEY_JS", "RECLAIM_ID", "SAVE_KEY_JS", "SAVE_OPTIONS_JS", "WAIT_FOR_CHAT_JS",
           "ChatSession", "Sessions", "load_options_js"]

# Read and written in the page. A browser that refuses storage (a private window's settings)
# simply gets a new chat on reload, as before.
STORAGE_KEY = "newsqa-chat"
# Which page holds the tab's key: "<its id>", or "<its id> left" once that page has gone.
PAGE_KEY = "newsqa-chat-page"
# The hidden button a page shown again from the back-forward cache presses to claim its chat.
RECLAIM_ID = "nq-reclaim"

# `window.__nqChat`: this page's part: its id, its key, and `ready`, settled once its chat is
# restored (questions wait for it: one asked as the page loads went into a chat of its own).
_PAGE_STATE = ("const nq = (window.__nqChat ||= {}); "
               "nq.ready ||= new Promise((open) => { nq.open = open; });")
# The page goes (a link, another address, a reload, the tab closed): the tab may come back to
# it. Shown again from the back-forward cache, it claims its own chat again (the tab may have
# loaded another page of this app since, and a copy of the tab may have come back first).
_HOOKS = """if (!nq.hooked) {
  nq.hooked = true;
  addEventListener('pagehide', () => { try {
    if (sessionStorage.getItem(PAGE_KEY) === nq.page) {
      sessionStorage.setItem(PAGE_KEY, nq.page + ' left');
    }
  } catch (e) {} });
  addEventListener('pageshow', (event) => {
    if (!event.persisted || !nq.key) return;
    nq.again = [nq.key, nq.page];
    nq.ready = null;
    document.getElementById('RECLAIM_ID')?.click();
  });
}"""
# Its inputs are the key, the page's chat (a server-side State, passed through as it came) and
# the page's claim: "<page id>", or "<page id> <id of the page that left>" (see the docstring).
LOAD_KEY_JS = ("(key, chat, page) => { " + _PAGE_STATE + """
  const again = nq.again;
  nq.again = null;
  try {
    const words = crypto.getRandomValues(new Uint32Array(4));
    nq.page = Array.from(words, (n) => n.toString(36)).join('');
    HOOKS
    if (again) return [again[0], chat, nq.page + ' ' + again[1]];
    const nav = performance.getEntriesByType('navigation')[0];
    const kept = sessionStorage.getItem(STORAGE_KEY) || '';
    const held = sessionStorage.getItem(PAGE_KEY) || '';
    if (nav && nav.type === 'reload') return [kept, chat, nq.page];
    if (nav && nav.type === 'back_forward' && held.endsWith(' left'))
      return [kept, chat, nq.page + ' ' + held.slice(0, -' left'.length)];
  } catch (e) {}
  return ['', chat, nq.page || ''];
}""").replace("HOOKS", _HOOKS)
SAVE_KEY_JS = ("(key) => { " + _PAGE_STATE + """
  if (key) {
    nq.key = key;
    try {
      sessionStorage.setItem(STORAGE_KEY, key);
      sessionStorage.setItem(PAGE_KEY, nq.page || '');
    } catch (e) {}
  }
  nq.open();
}""")
# A question waits for the page's chat to be restored (at most 10 s: a load that never ends
# must not keep it for ever; `Sessions.resume` then keeps the page's own chat).
WAIT_FOR_CHAT_JS = ("async (...values) => { " + _PAGE_STATE + """
  await Promise.race([nq.ready, new Promise((done) => setTimeout(done, 10000))]);
  return values;
}""")


def _named(js: str) -> str:
    return (js.replace("STORAGE_KEY", repr(STORAGE_KEY)).replace("PAGE_KEY", repr(PAGE_KEY))
            .replace("RECLAIM_ID", RECLAIM_ID))


LOAD_KEY_JS, SAVE_KEY_JS = _named(LOAD_KEY_JS), _named(SAVE_KEY_JS)

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
    # Its stream was closed before it ended (the page left): its progress is shown as stopped.
    interrupted: bool = False
    # A stopped answer's question, offered back to its box until another is asked: a second
    # reload offers it again.
    offered: str = ""
    page: str = ""  # the id of the page that last found this chat (see the module's docstring)
    used: float = field(default_factory=time.monotonic)

    def reset(self) -> None:
        self.epoch += 1
        self.history, self.messages, self.turns = [], [], []
        self.answering = self.interrupted = False
        self.offered = ""

    def leave(self, epoch: int) -> None:
        """The page went away while the answer begun at `epoch` was written: it is marked
        unfinished (the tab's next load, or its next question, shows it stopped). Unless the
        chat has moved on: that load has stopped it already, and Gradio may close the stream
        much later, while another answer is written."""
        if self.epoch == epoch:
            self.answering, self.interrupted = False, True

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

    def resume(self, key: str | None, current: ChatSession | None = None, page: str = "",
               left: str | None = None) -> tuple[str, ChatSession]:
        """The chat kept under `key`, or else `current` (the page's own, which may already hold
        a question asked before the page finished loading) or a new one, under a new key; from
        now on held by `page`. An unknown key is another server's, or one forgotten: it is not
        taken over, so that no page can pick a key. With `left`, the chat is found only if the
        page that held it was that one (`_finds`)."""
        now = time.monotonic()
        with self._lock:
            while self._chats and now - next(iter(self._chats.values())).used > self._ttl:
                self._chats.popitem(last=False)
            kept = self._chats.get(key) if key else None
            if key and kept is not None and _finds(kept, current, left):
                self._chats.move_to_end(key)
                chat = kept
            else:
                # The page's own chat, unless another key holds it: a page shown again from
                # the back-forward cache whose chat a copy of its tab has found since.
                taken = any(c is current for c in self._chats.values())
                key = secrets.token_urlsafe(16)
                chat = current if current is not None and not taken else ChatSession()
                self._chats[key] = chat
            while len(self._chats) > self._limit:
                self._chats.popitem(last=False)
            chat.used, chat.page = now, page
            return key, chat

    def __len__(self) -> int:
        return len(self._chats)


def _finds(kept: ChatSession, current: ChatSession | None, left: str | None) -> bool:
    """Does a page find its tab's kept chat? With `left` (a page come back to), only if the page
    that left held it: not a copy of the tab, nor a page the tab has loaded again since. Nor if
    the page's own chat already holds a question (asked as the page loaded, and its questions
    did not wait: `WAIT_FOR_CHAT_JS`): the page shows that one, its answer streams into it, and
    a later reload must find it."""
    asked = current is not None and current is not kept and (
        current.answering or bool(current.messages))
    return left in (None, kept.page) and not asked
