"""E-mail newsletters (.eml) through the standard library's `email`: one article per message.

The subject is the title, the sender's display name the outlet, the Date header the date. The
plain-text part is preferred (its paragraphs unwrapped, one line each); an HTML-only message is
read like a web page.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from ..errors import LoadError
from ..types import RawDocument
from .common import read_file, squeeze
from .html import extract_html

__all__ = ["load_eml", "message_document"]

_BLANK_LINES = re.compile(r"\n\s*\n")
_WRAPPED_MIN = 50


def load_eml(path: Path) -> list[RawDocument]:
    data = read_file(path)
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise LoadError(f"{path}: not an e-mail message (no headers); save the newsletter from "
                        "your mail program as .eml; skipped")
    return [message_document(message, str(path))]


def message_document(message: EmailMessage, source: str) -> RawDocument:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise LoadError(f"{source}: the message has no text or HTML part; skipped")
    content = body.get_content()
    name, address = parseaddr(str(message.get("from", "")))
    fields = {"title": squeeze(str(message.get("subject", ""))) or None,
              "outlet": squeeze(name) or address.partition("@")[2] or None,
              "published": _date(message.get("date"))}
    if body.get_content_type() == "text/html":
        page = extract_html(content)
        text = page.get("text") or ""
        fields = {k: v or page.get(k) for k, v in fields.items()}
    else:
        text = "\n".join(line for block in _BLANK_LINES.split(content) for line in _unwrap(block))
    if not text.strip():
        raise LoadError(f"{source}: the message has no text; skipped")
    return RawDocument(text=text, source=source, source_key=source, may_hold_several=False,
                       author=squeeze(name) or None, title=fields["title"],
                       outlet=fields["outlet"], published=fields["published"])


def _unwrap(block: str) -> list[str]:
    """A block of lines: one paragraph when it was hard-wrapped (every line but the last long,
    as mail programs wrap at ~72 characters), else its lines as they are (a list, an address)."""
    lines = [squeeze(line) for line in block.splitlines() if line.strip()]
    if len(lines) > 1 and all(len(line) >= _WRAPPED_MIN for line in lines[:-1]):
        return [" ".join(lines)]
    return lines


def _date(value: object) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).date().isoformat()
    except (TypeError, ValueError):
        return None
