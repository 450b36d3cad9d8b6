"""Serve Fearless's pinned ECharts library to notebook chart outputs.

Chart outputs made by the Go package ``charts`` load the library from
``{base_url}fearless/echarts.min.js``; this Jupyter server extension answers
that URL from the repository's npm install (``charts/web/node_modules``), so
charts draw offline and notebooks never carry a copy of the library.
"""

import os
from pathlib import Path

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

LIBRARY = "echarts.min.js"
RELATIVE = Path("charts", "web", "node_modules", "echarts", "dist", LIBRARY)


def _jupyter_server_extension_points():
    return [{"module": "fearless_charts"}]


def candidates(root_dir=None):
    """Places the library may be, in the order they are tried."""
    env = os.environ.get("FEARLESS_ECHARTS_JS")
    if env:
        return [Path(env)]
    out = []
    root = os.environ.get("FEARLESS_ROOT")
    if root:
        out.append(Path(root) / RELATIVE)
    # An editable install: this file is charts/jupyter/fearless_charts/__init__.py.
    out.append(Path(__file__).resolve().parents[2] / "web" / "node_modules" / "echarts" / "dist" / LIBRARY)
    if root_dir:
        d = Path(root_dir).resolve()
        for parent in [d, *d.parents]:
            out.append(parent / RELATIVE)
    return out


def find_library(root_dir=None):
    """Return the path of echarts.min.js, or None."""
    for p in candidates(root_dir):
        if p.is_file():
            return p
    return None


class EChartsHandler(JupyterHandler):
    """Serves the pinned echarts.min.js."""

    root_dir = None

    @web.authenticated
    def get(self):
        path = find_library(self.root_dir)
        if path is None:
            tried = ", ".join(str(p) for p in candidates(self.root_dir))
            raise web.HTTPError(
                404,
                "fearless_charts: echarts.min.js not found (run `npm ci --prefix charts/web`, "
                "or set FEARLESS_ECHARTS_JS); tried: " + tried,
            )
        self.set_header("Content-Type", "application/javascript; charset=utf-8")
        self.set_header("Cache-Control", "max-age=3600")
        self.write(path.read_bytes())


def _load_jupyter_server_extension(serverapp):
    EChartsHandler.root_dir = getattr(serverapp, "root_dir", None)
    base = serverapp.web_app.settings["base_url"]
    route = url_path_join(base, "fearless", LIBRARY)
    serverapp.web_app.add_handlers(".*$", [(route, EChartsHandler)])
    found = find_library(EChartsHandler.root_dir)
    if found:
        serverapp.log.info("fearless_charts: serving %s at %s", found, route)
    else:
        serverapp.log.warning(
            "fearless_charts: echarts.min.js not found yet (run `npm ci --prefix charts/web`); "
            "charts will show their static pictures"
        )


# Older servers look for these names.
load_jupyter_server_extension = _load_jupyter_server_extension
_jupyter_server_extension_paths = _jupyter_server_extension_points
