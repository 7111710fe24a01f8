"""`sitebuild serve`: build, serve output/ on 127.0.0.1, rebuild on changes, reload on success.

livereload serves the files and pushes the reload; sitebuild decides when: watchdog
reports changes as they happen (inotify), and after a burst of edits has settled a
build thread rebuilds and reloads, only when the rebuild succeeded. A failed rebuild keeps
the last good site and shows its error over the page (polled from /__sitebuild__/status).
"""

from __future__ import annotations

import errno
import gc
import ipaddress
import json
import logging
import os
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from tornado.httputil import split_host_and_port
from tornado.ioloop import IOLoop
from tornado.web import Application, HTTPError, RequestHandler
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from .build import BuildResult, BuildState, build, quick_look
from .cache import content_lines, source_lines
from .config import CONFIG_FILE, Config
from .errors import SiteError, printable
from .pipeline import Runner, site_runner
from .preview_state import LiveSite

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WATCHED = ("seeds", "content", "templates", CONFIG_FILE)
# A burst of saves is one change: wait until the watched files are quiet this long.
QUIET_SECONDS = 0.2
# The saved articles' own pages are shown sooner, after this much quiet: a quick look
# costs a few milliseconds, and one that read a half-written file is followed by
# another once the rest is written (the write is an event too).
GLANCE_SECONDS = 0.05
# After the reload, how long to wait for the editor's next save before indexing for search.
NEXT_SAVE_SECONDS = 0.2
# The longest log line the preview prints (a request's path can be kilobytes).
_LOG_CHARS = 300
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


# Loads livereload's client from the port the page came from (as livereload's own does).
_LIVE_SCRIPT = (b'<script>(function(){var s=document.createElement("script");'
                b'var p=location.port||(location.protocol=="https:"?443:80);'
                b's.src="//"+location.hostname+":"+p+"/livereload.js?port="+p;'
                b'document.head.appendChild(s);})();</script>')


@dataclass
class PreviewState:
    """What the preview knows about its builds; served as JSON to the page."""

    builds: int = 0
    error: str | None = None
    signature: list[str] | None = None  # the files the last build saw; None before the first
    # Kept between builds: per-article results stay in memory, not re-read from disk.
    runner: Runner | None = None
    live: LiveSite = field(default_factory=LiveSite)  # what the live output folder holds


class OutputFiles(StaticFileHandler):
    """Files of output/ only (a symbolic link leading elsewhere is refused), with the
    preview's error overlay script added to every page."""

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if "\x00" in absolute_path or len(absolute_path.encode("utf-8", "replace")) > 4096:
            raise HTTPError(400)  # no file has such a name: not a server error
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


def allowed_host(name: str | None, bound: str) -> bool:
    """True for a Host (or Origin host) naming the address the preview is bound to.

    IP literals and `localhost` are always fine; any other name could be a stranger's
    domain re-pointed at 127.0.0.1 (DNS rebinding), letting their page read the drafts.
    """
    if not name:
        return False
    name = name.lower().strip("[]")
    if name == "localhost" or name == bound.lower().strip("[]"):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class _LiveReload(LiveReloadHandler):
    """The live-reload websocket, for pages of this preview only (not any site's pages)."""

    def check_origin(self, origin: str) -> bool:
        try:
            parts = urlsplit(origin)
            port = parts.port
        except ValueError:
            return False
        host = self.request.host_name
        return allowed_host(parts.hostname, host) and parts.hostname == host.strip("[]") and (
            port == _port(self.request.host))


def _port(host_header: str) -> int | None:
    try:
        return split_host_and_port(host_header.lower())[1]
    except ValueError:
        return None


class _HostName:
    """A host "pattern" for tornado's routing: the Host names `allowed_host` accepts."""

    def __init__(self, bound: str) -> None:
        self.bound = bound

    def match(self, name: str) -> bool:
        return allowed_host(name, self.bound)


class _WrongHost(RequestHandler):
    def prepare(self) -> None:
        raise HTTPError(421, "this preview answers only to the address it is bound to")


class _Shown(logging.Formatter):
    """Log lines safe for the terminal: a request's path or header is the client's text
    (control characters escaped, cut to one screen line)."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage().split("\n", 1)[0]
        if record.exc_info and record.exc_info[1] is not None:  # one line, not a traceback
            text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
        text = printable(f"preview: {text}")
        return text if len(text) <= _LOG_CHARS else text[: _LOG_CHARS - 1] + "…"


class PreviewServer(Server):
    """livereload's server with the preview's status routes in front of the static files,
    answering only requests addressed to it."""

    def __init__(self, state: PreviewState, listening: Callable[[], None]) -> None:
        super().__init__()
        self.state = state
        self.SFH = OutputFiles
        self.listening = listening

    def _setup_logging(self) -> None:
        """sitebuild speaks for the preview: the server library's request log stays quiet
        (a 4xx is the browser's business: it logged two lines per request, echoing any
        path a client sent), its errors and other warnings are shown as the preview's own."""
        channel = logging.StreamHandler(sys.stderr)
        channel.setLevel(logging.WARNING)
        channel.setFormatter(_Shown())
        for name in ("livereload", "tornado"):
            library = logging.getLogger(name)
            library.handlers = [channel]
            library.propagate = False
        for name in ("tornado.access", "tornado.general"):  # requests, refused or not
            logging.getLogger(name).setLevel(logging.ERROR)

    def application(self, port: int, host: str, liveport: int | None = None,
                    debug: bool | None = None, live_css: bool = True) -> None:
        """Like livereload's, without its /forcereload (any page could reload the preview)
        and with every route behind a Host check."""
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        script = _LIVE_SCRIPT

        class Injector(LiveScriptInjector):
            pass
        Injector.script = script
        app = Application(transforms=[Injector], default_handler_class=_WrongHost)
        app.add_handlers(_HostName(host), [  # type: ignore[arg-type]
            (r"/livereload", _LiveReload), (r"/livereload.js", LiveReloadJSHandler),
            *self.get_web_handlers(script)])
        app.listen(port, address=host)
        self.listening()

    def get_web_handlers(self, script: bytes) -> list:
        """livereload's routes for the files, behind the preview's status and overlay script."""
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
    try:  # before the first build, which may take minutes: a typo is told at once
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        reason = (getattr(exc, "strerror", None) or str(exc)).lower()
        raise SiteError(f"cannot serve here: no such address ({reason}; try another --host)",
                        host) from exc
    if host not in LOOPBACK:
        print(f"warning: serving on {host}: other machines on the network can reach this "
              "preview", file=sys.stderr)
    state = PreviewState()
    layout = Config(site_dir)

    def newer(seen: list[str]) -> bool:
        # A save right after the reload (the editor's next keystrokes) lands within
        # the quiet time: wait that long before paying for the search index.
        time.sleep(NEXT_SAVE_SECONDS)
        return _listing(layout, state) != seen

    state.live.newer = newer
    rebuild(site_dir, out, state)
    if not (out / "index.html").exists():
        raise SiteError("nothing to serve: the first build failed", out)
    server = PreviewServer(state, lambda: print(
        f"serving {out} at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr,
        flush=True))
    server.root, server.default_filename = str(out), "index.html"
    server._setup_logging()
    loop = IOLoop.current()
    changed = threading.Event()
    observer = Observer()
    _Changes(site_dir, changed, observer).watch()
    observer.daemon = True
    observer.start()

    def reload() -> None:
        loop.add_callback(LiveReloadHandler.reload_waiters)

    stop = threading.Event()
    threading.Thread(target=_rebuild_forever, args=(site_dir, out, state, changed, reload, stop),
                     daemon=True).start()
    try:
        try:
            server.application(port, host)
        except OSError as exc:
            hint = "--port" if exc.errno == errno.EADDRINUSE else "--host"
            raise SiteError(f"cannot serve here: {(exc.strerror or str(exc)).lower()} "
                            f"(try another {hint})", f"{host}:{port}") from exc
        # The preview runs its own loop: livereload's file polling never starts (it would
        # also send the first browser to connect a reload of its own); only the build
        # thread's hook reloads.
        loop.start()
    finally:
        observer.stop()
        stop.set()
        changed.set()


def _rebuild_forever(site_dir: Path, out: Path, state: PreviewState, changed: threading.Event,
                     reload: Callable[[], None], stop: threading.Event) -> None:
    while not stop.is_set():
        changed.wait()
        if stop.is_set():
            return
        # A burst of saves is one change: wait until the watched files are quiet, showing
        # the saved articles' pages as soon as they are briefly quiet.
        shown = False
        while True:
            changed.clear()
            if changed.wait(GLANCE_SECONDS):
                shown = False
                continue
            if not shown:
                shown = True
                try:
                    glance(site_dir, out, state, reload)
                except Exception as exc:  # the build that follows says what is wrong
                    print(printable(f"preview: no quick look ({type(exc).__name__}: {exc})"),
                          file=sys.stderr, flush=True)
            if not changed.wait(QUIET_SECONDS - GLANCE_SECONDS):
                break
        try:
            rebuild(site_dir, out, state, reload)
        except Exception as exc:  # the preview outlives any failure: say it, keep watching
            _failed(state, f"internal error: {type(exc).__name__}: {exc}")


def glance(site_dir: Path, out: Path, state: PreviewState,
           reload: Callable[[], None] | None = None) -> None:
    """Show the pages of the articles saved since the last build (from the saved files
    alone; the rebuild follows), and reload if any page changed."""
    if state.signature is None:
        return
    listing = _listing(Config(site_dir), state)
    if quick_look(site_dir, out, state.live, changed_files(state.signature, listing)) and \
            reload is not None:
        reload()


def _listing(layout: Config, state: PreviewState) -> list[str]:
    """The watched inputs' listing (sources, then content/), reading only restamped files."""
    stamps = state.live.stamps
    return source_lines(layout, stamps) + content_lines(layout, stamps)


def _failed(state: PreviewState, message: str, out: Path | None = None) -> None:
    state.error = message
    # Before the first good build there is no last good build to serve.
    still = "" if out is not None and not (out / "index.html").exists() else \
        " (still serving the last good build)"
    print(printable(f"error: {message}") + still, file=sys.stderr, flush=True)


def rebuild(site_dir: Path, out: Path, state: PreviewState,
            reload: Callable[[], None] | None = None) -> None:
    """Build if the watched files changed since the last build; reload on success."""
    layout = Config(site_dir)  # only where things are: sitebuild.yml itself may be broken
    # Only the files whose stamp changed are read: a save is one file hashed, not all.
    stamps = state.live.stamps
    sources = source_lines(layout, stamps)
    listing = sources + content_lines(layout, stamps)
    if listing == state.signature:
        return  # our own content/ writes, or nothing new
    changed = changed_files(state.signature, listing)
    started = time.perf_counter()
    if state.runner is None:
        state.runner = site_runner(layout.cache_dir)

    counted = False

    def count(seen: list[str] | None = None) -> None:
        nonlocal counted
        if not counted:
            counted = True
            state.builds += 1
            # The inputs as the build read them: a save that landed while it ran is news,
            # to be built next, not taken for the build's own writes. Without them (a
            # failed build), sources as it saw them and content/ as it left it.
            state.signature = seen if seen is not None else sources + content_lines(layout,
                                                                                      stamps)

    def looked(build_state: BuildState) -> None:  # the edited articles' own pages are live
        if build_state.looked and reload is not None:
            reload()

    def went_live(build_state: BuildState) -> None:  # every page is live; search follows
        state.error = None
        count(build_state.seen)
        if changed:
            files = len(build_state.rendered.changed) if build_state.rendered else 0
            print(f"{_listed(changed)} changed: {files} file{'' if files == 1 else 's'} "
                  f"updated in {time.perf_counter() - started:.1f}s, reloading the browser",
                  file=sys.stderr, flush=True)
        if reload is not None:
            reload()

    # Replaced, not added with `runner.on`: the hooks belong to this rebuild (its
    # `changed` and `started`), and the runner serves every rebuild of the session.
    state.runner.hooks = {"first look": [looked], "publish": [went_live]}
    result: BuildResult | None = None
    try:
        state.live.listed = (sources, listing[len(sources):])
        result = build(site_dir, out, quiet=True, runner=state.runner, preview=True,
                       live=state.live)
    except SiteError as exc:
        _failed(state, str(exc), out)
        return
    except Exception as exc:  # a bug, not the editor's input: shown all the same
        if os.environ.get("SITEBUILD_DEBUG"):
            traceback.print_exc()
        _failed(state, f"internal error: {type(exc).__name__}: {exc} (please report this; "
                "SITEBUILD_DEBUG=1 shows a traceback)", out)
        return
    finally:
        state.live.listed = None  # it was this build's
        count(result.seen if result is not None else None)
        _settle()
    if not changed:
        print(result.summary(), file=sys.stderr, flush=True)


def _settle() -> None:
    """After a build (the browser has reloaded): collect its cyclic garbage now, and leave
    what the preview keeps (memos, the digest, the renderer) out of the collector's later
    passes. Otherwise each full pass of the next build walks all of it again, which took
    a fifth of a one-edit rebuild at 1,000 articles."""
    gc.unfreeze()  # last time's survivors are collected too, should they be garbage now
    gc.collect()
    gc.freeze()


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
