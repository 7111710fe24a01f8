"""Pagefind's indexing service, given the pages one at a time in the order we choose.

Pagefind's command line indexes a folder in the order the file system lists it,
and its index files depend on that order: the same site gave four different files
on ext4 and on tmpfs. Its service mode (`pagefind --service`) takes pages one by
one instead; sent in name order, one request at a time, the bundle is the same on
any file system. (The `pagefind` package's own async client waits 0.1 s between
answers, far too slow for thousands of pages, hence this small synchronous one.)

Protocol: every message, both ways, is base64-encoded JSON followed by a comma.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any


class PagefindError(Exception):
    """Pagefind refused a page or could not write its index."""


def page_url(name: str) -> str:
    """The URL Pagefind's command line gives the page at `name` (pretty URLs)."""
    return "/" + (name[: -len("index.html")] if name.rsplit("/", 1)[-1] == "index.html"
                  else name)


class _Service:
    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.buffer = b""
        self.last_id = 0

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.last_id += 1
        message = {"message_id": self.last_id, "payload": payload}
        self.process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
        self.process.stdin.flush()
        while b"," not in self.buffer:
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                raise PagefindError("pagefind stopped before answering")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b",", 1)
        answer = json.loads(base64.b64decode(raw))["payload"]
        if answer.get("type") == "Error":
            raise PagefindError(answer.get("message") or "pagefind failed")
        return answer


def index_pages(binary: Path, site: Path, names: list[str], bundle: Path, timeout: float,
                keep: Callable[[str], bool] | None = None) -> list[str]:
    """Index the pages `names` (paths under `site`) in that order into `bundle`; return
    the bundle's files written (paths under `bundle`: those `keep` accepts, if given)."""
    with subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          cwd=site) as process:
        timer = threading.Timer(timeout, process.kill)  # a hung indexer fails the index only
        timer.start()
        try:
            service = _Service(process)
            index = service.ask({"type": "NewIndex", "config": None})["index_id"]
            for name in names:
                service.ask({"type": "AddFile", "index_id": index, "file_path": None,
                             "url": page_url(name),
                             "file_contents": (site / name).read_text(encoding="utf-8")})
            # The files come back in the answer and are written here: the service's own
            # WriteFiles answers before its files are complete (truncated when it exits).
            files = service.ask({"type": "GetFiles", "index_id": index})["files"]
            written = []
            for file in files:
                name = PurePosixPath(str(file["path"])).as_posix()
                if keep is None or keep(name):
                    _write_bundle_file(bundle, name, base64.b64decode(file["content"]))
                    written.append(name)
            return written
        except (OSError, ValueError, KeyError) as exc:
            raise PagefindError(str(exc)) from exc
        finally:
            timer.cancel()
            process.kill()


def _write_bundle_file(bundle: Path, name: str, data: bytes) -> None:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise PagefindError(f"refusing to write {name!r} outside the index folder")
    target = bundle.joinpath(*relative.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
