"""`sitebuild serve`: build, serve output/ on 127.0.0.1 and rebuild + reload on every change."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from livereload import Server
from livereload.handlers import StaticFileHandler
from tornado.web import HTTPError

from .build import build
from .config import CONFIG_FILE
from .errors import SiteError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class OutputFiles(StaticFileHandler):
    """Static files of output/ only: a symbolic link leading elsewhere is refused too."""

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        real_root = os.path.realpath(root)
        real = os.path.realpath(absolute_path)
        if real != real_root and not real.startswith(real_root + os.sep):
            raise HTTPError(403)
        return super().validate_absolute_path(root, absolute_path)


def serve(site_dir: Path, out: Path | None, port: int, host: str = "127.0.0.1") -> None:
    """Serve the site with live reload until interrupted; failed rebuilds keep the last site."""
    out = out or site_dir / "output"
    if host not in LOOPBACK:
        print(f"warning: serving on {host}: other machines on the network can reach this "
              "preview", file=sys.stderr)

    def rebuild() -> None:
        try:
            print(build(site_dir, out, quiet=True).summary(), file=sys.stderr, flush=True)
        except SiteError as exc:
            print(f"error: {exc} (still serving the last good build)", file=sys.stderr,
                  flush=True)

    rebuild()
    if not (out / "index.html").exists():
        raise SiteError("nothing to serve: the first build failed", out)
    server = Server()
    server.SFH = OutputFiles
    for watched in ("seeds", "content", "templates", CONFIG_FILE):
        path = site_dir / watched
        if path.exists():
            server.watch(str(path), rebuild)
    print(f"serving {out} at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr,
          flush=True)
    server.serve(port=port, host=host, root=str(out), open_url=False, restart_delay=0)
