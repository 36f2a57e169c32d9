"""`newsqa ui`: serve the web UI (optionally ingesting the bundled samples into an empty index)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .common import StoreOption, console, count, err_console, make_settings

if TYPE_CHECKING:
    from assistant import Assistant

__all__ = ["register"]


def _ingest_samples(assistant: Assistant) -> None:
    """Fill an empty index with the bundled samples, so a first run has something to ask about."""
    from ui import locate_samples

    from .progress import ingest_progress

    if assistant.index.list():
        return
    samples = locate_samples()
    console.print(f"The index is empty: ingesting the sample articles from {samples}",
                  highlight=False)
    with ingest_progress() as progress:
        report = assistant.index.ingest([samples], progress)
    console.print(f"[green]{count(report.added, 'article')} added[/] "
                  f"({count(report.chunks, 'chunk')}, "
                  f"{report.seconds:.1f}s)")


def _check_host(host: str) -> None:
    """An address this machine can listen on names a host that resolves ("256.1.1.1" does
    not: the server would fail later, as if the port were taken)."""
    import socket

    try:
        socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        raise typer.BadParameter(f"{host!r} is not an address to listen on; use 127.0.0.1 "
                                 "(this machine only) or 0.0.0.0 (every network)",
                                 param_hint="--host") from None


def _check_port(host: str, port: int) -> None:
    """A port another server listens on is said before "newsqa UI on …" is printed (it was
    printed, then the failure). Reuse as the server does: a port just let go still serves."""
    import socket

    from ui.errors import PortTakenError

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortTakenError(host, port) from exc


def ui(
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the UI to "
                                           "your network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 7860,
    store: StoreOption = None,
    ingest_samples: Annotated[bool, typer.Option(
        "--ingest-samples", help="If the index is empty, ingest the bundled sample articles "
                                 "first.")] = False,
) -> None:
    """Serve the chat UI in your browser (http://HOST:PORT)."""
    from assistant import Assistant
    from ui import serve
    from ui.server import parse_auth

    _check_host(host)
    settings = make_settings(store)
    parse_auth(settings.ui_auth)  # a malformed NEWSQA_UI_AUTH stops us before anything starts
    assistant = Assistant(settings)
    if ingest_samples:
        _ingest_samples(assistant)
    _check_port(host, port)
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.ui_auth:
        err_console.print(f"[yellow]warning:[/] serving on {host} without a login: anyone who "
                          "can reach this port can read and change the index. Set "
                          "NEWSQA_UI_AUTH=user:password to require one.", highlight=False)
    console.print(f"newsqa UI on http://{host}:{port} (store: {settings.store}); Ctrl+C stops it.",
                  highlight=False)
    serve(assistant, host=host, port=port, block=True, quiet=True)


def register(app: typer.Typer) -> None:
    app.command("ui")(ui)
