"""`sitebuild serve`: build, serve output/ on 127.0.0.1, rebuild on changes, reload on success.

livereload serves the files and pushes the reload; sitebuild decides when: watchdog
reports changes as they happen (inotify), and after a burst of edits has settled a
build thread rebuilds and reloads, only when the rebuild succeeded. A failed rebuild keeps
the last good site and shows its error over the page (polled from /__sitebuild__/status).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from tornado.ioloop import IOLoop
from tornado.web import HTTPError, RequestHandler
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from .build import build
from .cache import content_lines, source_lines
from .config import CONFIG_FILE, Config
from .errors import SiteError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WATCHED = ("seeds", "content", "templates", CONFIG_FILE)
# A burst of saves is one change: wait until the watched files are quiet this long.
QUIET_SECONDS = 0.2
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
    signature: list[str] | None = None  # the files the last build saw; None before the first


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

    def __init__(self, state: PreviewState, listening: Callable[[], None]) -> None:
        super().__init__()
        self.state = state
        self.SFH = OutputFiles
        self.listening = listening

    def _setup_logging(self) -> None:
        """sitebuild speaks for the preview: the server library's request log stays quiet,
        its warnings and errors are shown as the preview's own."""
        channel = logging.StreamHandler(sys.stderr)
        channel.setLevel(logging.WARNING)
        channel.setFormatter(logging.Formatter("preview: %(message)s"))
        for name in ("livereload", "tornado"):
            library = logging.getLogger(name)
            library.handlers = [channel]
            library.propagate = False

    def application(self, *args: object, **kwargs: object) -> object:
        """Listen (raising OSError on a busy port), then say where the site is."""
        app = super().application(*args, **kwargs)
        self.listening()
        return app

    def get_web_handlers(self, script: bytes) -> list:
        return [
            (r"/__sitebuild__/status", _Status, {"state": self.state}),
            (r"/__sitebuild__/preview.js", _PreviewScript),
            *super().get_web_handlers(script),
        ]


class _Changes(FileSystemEventHandler):
    """Sets `changed` when anything under the watched paths is written (inotify events)."""

    def __init__(self, site_dir: Path, changed: threading.Event,
                 observer: BaseObserver) -> None:
        self.site_dir, self.changed, self.observer = site_dir, changed, observer

    def watch(self) -> None:
        # The site folder itself only for sitebuild.yml and for watched folders created
        # later: watching it recursively would watch output/ (a folder per page).
        self.observer.schedule(self, str(self.site_dir), recursive=False)
        for name in WATCHED:
            if (self.site_dir / name).is_dir():
                self.observer.schedule(self, str(self.site_dir / name), recursive=True)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # the build reading its inputs
        path = Path(os.fsdecode(event.src_path))
        if path.parent == self.site_dir:
            if path.name not in WATCHED:
                return
            if event.is_directory and event.event_type == "created":
                self.observer.schedule(self, str(path), recursive=True)
        self.changed.set()


def serve(site_dir: Path, out: Path | None, port: int, host: str = "127.0.0.1") -> None:
    """Serve the site with live reload until interrupted; failed rebuilds keep the last site.

    Builds run on a thread of their own, so the preview keeps answering meanwhile.
    The browser reloads as soon as the new pages are in place; the search index
    follows a moment later.
    """
    out = out or site_dir / "output"
    if host not in LOOPBACK:
        print(f"warning: serving on {host}: other machines on the network can reach this "
              "preview", file=sys.stderr)
    state = PreviewState()
    rebuild(site_dir, out, state)
    if not (out / "index.html").exists():
        raise SiteError("nothing to serve: the first build failed", out)
    server = PreviewServer(state, lambda: print(
        f"serving {out} at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr,
        flush=True))
    # livereload polls what it watches and reloads by itself; it watches only this
    # file, with delay="forever" so that it never reloads: the build thread decides.
    server.watch(str(site_dir / CONFIG_FILE), lambda: None, delay="forever")
    loop = IOLoop.current()
    changed = threading.Event()
    observer = Observer()
    _Changes(site_dir, changed, observer).watch()
    observer.daemon = True
    observer.start()

    def reload() -> None:
        loop.add_callback(LiveReloadHandler.reload_waiters)

    threading.Thread(target=_rebuild_forever, args=(site_dir, out, state, changed, reload),
                     daemon=True).start()
    try:
        server.serve(port=port, host=host, root=str(out), open_url_delay=None, restart_delay=0)
    except OSError as exc:
        raise SiteError(f"cannot serve here: {(exc.strerror or str(exc)).lower()} "
                        "(try another --port)", f"{host}:{port}") from exc
    finally:
        observer.stop()


def _rebuild_forever(site_dir: Path, out: Path, state: PreviewState, changed: threading.Event,
                     reload: Callable[[], None]) -> None:
    while True:
        changed.wait()
        # A burst of saves is one change: wait until the watched files are quiet.
        while True:
            changed.clear()
            if not changed.wait(QUIET_SECONDS):
                break
        rebuild(site_dir, out, state, reload)


def rebuild(site_dir: Path, out: Path, state: PreviewState,
            reload: Callable[[], None] | None = None) -> None:
    """Build if the watched files changed since the last build; reload on success."""
    layout = Config(site_dir)  # only where things are: sitebuild.yml itself may be broken
    sources = source_lines(layout)
    if sources + content_lines(layout) == state.signature:
        return  # our own content/ writes, or nothing new
    changed = changed_files(state.signature, sources + content_lines(layout))
    try:
        result = build(site_dir, out, quiet=True, defer_search=True)
    except SiteError as exc:
        state.error = str(exc)
        print(f"error: {exc} (still serving the last good build)", file=sys.stderr, flush=True)
        return
    finally:
        state.builds += 1
        # Sources as the build saw them (an edit made meanwhile is seen as new),
        # content/ as it left it (its own writes are no change).
        state.signature = sources + content_lines(layout)
    state.error = None
    if changed:
        pages = result.counts["pages"]
        print(f"{_listed(changed)} changed: rebuilt {pages} page{'' if pages == 1 else 's'} "
              f"in {result.seconds:.1f}s, reloading the browser", file=sys.stderr, flush=True)
    else:
        print(result.summary(), file=sys.stderr, flush=True)
    if reload is not None:
        reload()
    if result.finish_search is not None and (problem := result.finish_search()):
        print(f"warning: {problem}", file=sys.stderr, flush=True)


def changed_files(before: list[str] | None, after: list[str]) -> list[str]:
    """Site-relative names of the files added, removed or modified between two listings
    (the first build has nothing to compare with: none)."""
    if before is None:
        return []
    old, new = set(before), set(after)
    return sorted({line.split("\0", 1)[0] for line in old ^ new})


def _listed(names: list[str], shown: int = 3) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more file{'' if more == 1 else 's'}"
                                       if more > 0 else "")
