"""newsqa's web UI: a Gradio chat over the index, with quoted sources and an articles tab.

`build_app(assistant)` makes the page; `serve(assistant, host, port)` launches it.
It builds on `assistant` and `index`; neither of them imports it.
"""

from __future__ import annotations

import os

# Before Gradio is imported: no usage analytics, no version check phoning home.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from .app import build_app
from .errors import UIError
from .server import launch_options, locate_samples, serve

__all__ = ["UIError", "build_app", "launch_options", "locate_samples", "serve"]
