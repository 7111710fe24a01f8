"""`sitebuild serve`: build, serve output/ on 127.0.0.1, rebuild on changes, reload on success.

livereload serves the files and pushes the reload; sitebuild decides when: after a
burst of edits has settled, and only when the rebuild succeeded. A failed rebuild keeps
the last good site and shows its error over the page (polled from /__sitebuild__/status).
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from tornado.web import HTTPError, RequestHandler

from .build import build
from .config import CONFIG_FILE
from .errors import SiteError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WATCHED = ("seeds", "content", "templates", CONFIG_FILE)
# A burst of saves is one change: wait until the watched files are quiet this long.
QUIET_SECONDS = 0.4
_PREVIEW_TAG = b'<script src="/__sitebuild__/preview.js" defer></script>'
_PREVIEW_JS = """(function () {
  var box = null, shown = "";
  function show(message) {
    if (!box) {
      box = document.createElement("div");
      box.id = "sitebuild-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;" +
        "z-index:99999;background:#3b0d0d;color:#fff;font:14px/1.4 monospace;" +
        "padding:1rem;white-space:pre-wrap;border-top:4px solid #ff6b6b";
      document.body.appendChild(box);
    }
    box.textContent = "sitebuild: the last rebuild failed; showing the last good build.\\n\\n" +
      message;
  }
  function check() {
    fetch("/__sitebuild__/status", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.error && s.error !== shown) { shown = s.error; show(s.error); }
        if (!s.error && box) { box.remove(); box = null; shown = ""; }
      }).catch(function () {});
  }
  check();
  setInterval(check, 1500);
})();
"""


@dataclass
class PreviewState:
    """What the preview knows about its builds; served as JSON to the page."""

    builds: int = 0
    error: str | None = None
    signature: tuple | None = None  # of the files the last build saw; None before the first


def _signature(site_dir: Path) -> tuple:
    """Names, sizes and mtimes of every watched file: equal means nothing changed."""
    entries = []
    for name in WATCHED:
        path = site_dir / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) \
            if path.is_dir() else []
        for f in files:
            try:
                stat = f.stat()
            except OSError:
                continue
            entries.append((str(f), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


class OutputFiles(StaticFileHandler):
    """Files of output/ only (a symbolic link leading elsewhere is refused), with the
    preview's error overlay script added to every page."""

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        real_root = os.path.realpath(root)
        real = os.path.realpath(absolute_path)
        if real != real_root and not real.startswith(real_root + os.sep):
            raise HTTPError(403)
        return super().validate_absolute_path(root, absolute_path)

    @classmethod
    def get_content(cls, abspath: str, start: int | None = None, end: int | None = None):
        if abspath.endswith(".html"):
            with open(abspath, "rb") as handle:
                data = handle.read().replace(b"</head>", _PREVIEW_TAG + b"</head>", 1)
            return data[start:end]
        return super().get_content(abspath, start, end)

    def get_content_size(self) -> int:
        if self.absolute_path.endswith(".html"):
            return len(self.get_content(self.absolute_path))
        return super().get_content_size()


class _Status(RequestHandler):
    def initialize(self, state: PreviewState) -> None:
        self.state = state

    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.write(json.dumps({"builds": self.state.builds, "error": self.state.error}))


class _PreviewScript(RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/javascript")
        self.write(_PREVIEW_JS)


class PreviewServer(Server):
    """livereload's server with the preview's status routes in front of the static files."""

    def __init__(self, state: PreviewState) -> None:
        super().__init__()
        self.state = state
        self.SFH = OutputFiles

    def get_web_handlers(self, script: bytes) -> list:
        return [
            (r"/__sitebuild__/status", _Status, {"state": self.state}),
            (r"/__sitebuild__/preview.js", _PreviewScript),
            *super().get_web_handlers(script),
        ]


def serve(site_dir: Path, out: Path | None, port: int, host: str = "127.0.0.1") -> None:
    """Serve the site with live reload until interrupted; failed rebuilds keep the last site."""
    out = out or site_dir / "output"
    if host not in LOOPBACK:
        print(f"warning: serving on {host}: other machines on the network can reach this "
              "preview", file=sys.stderr)
    state = PreviewState()

    def rebuild() -> bool:
        # Let a burst of saves finish, then build once for all of it.
        signature = _signature(site_dir)
        while True:
            time.sleep(QUIET_SECONDS)
            settled = _signature(site_dir)
            if settled == signature:
                break
            signature = settled
        if signature == state.signature:
            return False  # our own content/ writes, or nothing new
        try:
            result = build(site_dir, out, quiet=True)
        except SiteError as exc:
            state.error = str(exc)
            print(f"error: {exc} (still serving the last good build)", file=sys.stderr,
                  flush=True)
            return False
        finally:
            state.builds += 1
            state.signature = _signature(site_dir)
        state.error = None
        print(result.summary(), file=sys.stderr, flush=True)
        return True

    def on_change() -> None:
        if rebuild():
            LiveReloadHandler.reload_waiters()

    rebuild()
    if not (out / "index.html").exists():
        raise SiteError("nothing to serve: the first build failed", out)
    server = PreviewServer(state)
    for watched in WATCHED:
        # delay="forever": livereload never reloads by itself; on_change decides.
        server.watch(str(site_dir / watched), on_change, delay="forever")
    print(f"serving {out} at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr,
          flush=True)
    try:
        server.serve(port=port, host=host, root=str(out), open_url_delay=None, restart_delay=0)
    except OSError as exc:
        raise SiteError(f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                        "(try another --port)") from exc
