"""`seeds/sources.yml` kept as the editor wrote it: ruamel.yaml's round trip keeps their
entries, order and comments while `sitebuild add` adds its own. Every write is atomic."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import SiteError
from .urls import same_url_key


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a hidden temporary file beside it and a rename, so
    the file is either the old one or the new one, never half of either."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class SourcesFile:
    """The entries of `seeds/sources.yml`: seed file name -> {url, outlet, …}."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._yaml = YAML()  # round-trip mode
        self._yaml.indent(mapping=2, sequence=4, offset=2)
        self._yaml.width = 4096  # never fold a long URL
        self.data = self._load()

    def _load(self) -> CommentedMap:
        if not self.path.exists():
            return CommentedMap()
        try:
            data = self._yaml.load(self.path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise SiteError(f"cannot read: {exc}", self.path) from exc
        except MarkedYAMLError as exc:
            mark = exc.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
            raise SiteError(f"invalid YAML: {exc.problem}", self.path, line, column) from exc
        except YAMLError as exc:
            raise SiteError(f"invalid YAML: {exc}", self.path) from exc
        if data is None:
            return CommentedMap()
        if not isinstance(data, CommentedMap):
            raise SiteError("must be a mapping of seed file names to their metadata",
                            self.path)
        return data

    def names(self) -> set[str]:
        """The seed file names the file has entries for."""
        return {str(name) for name in self.data}

    def urls(self) -> dict[str, str]:
        """URL key (see `same_url_key`) -> seed file name, for entries with a URL."""
        found: dict[str, str] = {}
        for name, entry in self.data.items():
            url = entry.get("url") if isinstance(entry, dict) else None
            if isinstance(url, str) and url.strip():
                found.setdefault(same_url_key(url), str(name))
        return found

    def record(self, name: str, fields: dict[str, str], keep: tuple[str, ...] = ()) -> None:
        """Set `fields` on the entry for `name` (created at the end if new); fields named
        in `keep` are left as they are when the entry already has them (an editor's
        correction of the outlet wins over what the page says)."""
        entry = self.data.get(name)
        if not isinstance(entry, dict):
            entry = CommentedMap()
            self.data[name] = entry
        for key, value in fields.items():
            if key in keep and entry.get(key) not in (None, ""):
                continue
            entry[key] = value

    def forget(self, name: str) -> None:
        """Drop the entry for `name` (a seed whose writing was undone)."""
        self.data.pop(name, None)

    def save(self) -> None:
        """Write the file atomically."""
        buffer = io.StringIO()
        self._yaml.dump(self.data, buffer)
        write_atomically(self.path, buffer.getvalue().encode("utf-8"))
