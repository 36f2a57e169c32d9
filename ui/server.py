"""Serving the page: launch options (local assets, login, upload limit), the launch itself and the
bundled samples for `newsqa ui --ingest-samples`."""

from __future__ import annotations

import errno
import logging
import threading
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Assistant
from assistant.settings import Settings

from .app import build_app
from .errors import AuthConfigError, PortTakenError, SamplesNotFoundError
from .warming import SentenceWarmer

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "UPLOAD_CAP_FACTOR", "launch_options",
           "locate_samples", "parse_auth", "private_api", "serve", "theme", "warm_up"]

log = logging.getLogger("newsqa.ui")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
_HERE = Path(__file__).resolve().parent
SAMPLES_RELATIVE = Path("data") / "sample_articles"


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """`user:password` -> (user, password); the password may itself contain colons."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not (sep and user.strip() and password):
        raise AuthConfigError()
    return user.strip(), password


def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


# The theme's font without its semibold file: Gradio ships SourceSansPro-SemiBold.woff2 as a
# 5 KB subset (Cyrillic, "A" and "B"), so bold text came out in two typefaces ("**A**ttack").
# With regular and bold only, the browser draws weight 600 from the bold file.
FONT = (gr.themes.LocalFont("Source Sans Pro", weights=(400, 700)), "ui-sans-serif",
        "system-ui", "sans-serif")


def theme() -> gr.themes.Base:
    """Gradio's default theme, its light mode's text made readable (4.5:1, WCAG AA): white
    on its indigo buttons was 4.47:1, on its red one 3.76:1, and its help text 2.56:1."""
    return gr.themes.Default(primary_hue="indigo", neutral_hue="slate", font=FONT).set(
        button_primary_background_fill="*primary_600",
        button_primary_background_fill_hover="*primary_700",
        button_cancel_background_fill="#b91c1c", button_cancel_background_fill_hover="#991b1b",
        block_info_text_color="*neutral_600", body_text_color_subdued="*neutral_600")


UPLOAD_CAP_FACTOR = 8  # Gradio's upload limit, as a multiple of the per-file setting


def _head(settings: Settings) -> str:
    """The page's script, and the per-file upload limit it holds files to before they travel."""
    limit = settings.ui_max_upload_mb * 1024 * 1024
    return f"<script>window.newsqaMaxUploadBytes = {limit};\n{_asset('app.js')}</script>"


def launch_options(settings: Settings) -> dict[str, Any]:
    """Everything `Blocks.launch` needs besides host and port. Gradio 6 takes theme, CSS and
    head at launch time; all of it is served locally (the theme's fonts ship with Gradio)."""
    return {
        "theme": theme(),
        "css": _asset("style.css"),
        "head": _head(settings),
        "auth": parse_auth(settings.ui_auth),
        "auth_message": "newsqa: sign in with the user and password set in NEWSQA_UI_AUTH.",
        # Gradio's own limit refuses a whole choice of files, good ones with the one too big,
        # in a passing toast: it only guards against the absurd, from clients other than the
        # page. The page keeps a file over the setting back before it is uploaded (app.js),
        # and `save_uploads` holds each file that arrives to the setting all the same.
        "max_file_size": f"{settings.ui_max_upload_mb * UPLOAD_CAP_FACTOR}mb",
        # No footer: Gradio's own "Settings" link would be mistaken for the Settings tab.
        "footer_links": [],
        # Gradio 6 records every call in the browser (and offers to upload them to a Hugging
        # Face bucket): off, since questions and answers stay on this machine.
        "run_history": False,
        "ssr_mode": False,
        "mcp_server": False,
        "show_error": False,
        # FastAPI's own schema of Gradio's routes, open to anyone: not needed by the page.
        "app_kwargs": {"openapi_url": None},
    }


def private_api(demo: gr.Blocks) -> gr.Blocks:
    """The page's events are the page's own, not an API: none is listed or callable by API
    clients. Listed, their names would be embedded in the login page for anyone to read."""
    for fn in demo.fns.values():
        fn.api_visibility = "private"
    demo.config = demo.get_config_file()  # built when the Blocks closed: rebuilt with them
    return demo


def warm_up(assistant: Assistant, warmer: SentenceWarmer | None = None) -> None:
    """Load the embedder and the BM25 index now, so the first question does not wait for them,
    then have `warmer` add the sentence vectors the index lacks. Failures are left for the
    first question to report in the page."""
    try:
        if assistant.index.store.count_articles():
            assistant.index.embedder.embed_query("warm up")
            assistant.index.bm25()
            if warmer is not None:
                warmer.kick()
        if warmer is not None:
            warmer.watch()
    except Exception as exc:
        log.info("warm-up skipped: %s", exc)


def serve(assistant: Assistant, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
          block: bool = True, quiet: bool = False) -> gr.Blocks:
    """Build and launch the app; with `block=False` it serves from a background thread (tests)
    and the caller stops it with `.close()`, which stops its sentence warmer too (the app's
    `newsqa_warmer`)."""
    warmer = SentenceWarmer(assistant)
    demo = private_api(build_app(assistant))
    demo.newsqa_warmer = warmer  # type: ignore[attr-defined]
    close = demo.close

    def closing(*args: Any, **kwargs: Any) -> Any:
        warmer.stop(timeout=30)
        return close(*args, **kwargs)

    demo.close = closing  # type: ignore[method-assign]
    threading.Thread(target=warm_up, args=(assistant, warmer), daemon=True,
                     name="newsqa-warm-up").start()
    demo.queue(default_concurrency_limit=1)
    try:
        demo.launch(server_name=host, server_port=port, prevent_thread_lock=not block,
                    quiet=quiet, inbrowser=False, share=False,
                    **launch_options(assistant.settings))
    except OSError as exc:
        warmer.stop()
        if exc.errno == errno.EADDRINUSE or "port" in str(exc).lower():
            raise PortTakenError(host, port) from exc
        raise
    finally:
        if block:  # Ctrl-C: let the batch under way be written rather than cut off
            warmer.stop(timeout=30)
    return demo


def locate_samples() -> Path:
    """The bundled sample articles: beside the installed packages (a checkout or an editable
    install), else under the current directory."""
    candidates = [_HERE.parent / SAMPLES_RELATIVE, Path.cwd() / SAMPLES_RELATIVE]
    for path in candidates:
        if path.is_dir() and any(path.glob("*.txt")):
            return path
    raise SamplesNotFoundError(" and ".join(str(p) for p in candidates))
